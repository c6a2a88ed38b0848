//! Requests the simulator makes of its own, to a URL a test gave it (a callback, a
//! document to run): loopback only, with a timeout, no proxy and no redirect followed.

use std::sync::OnceLock;
use std::time::Duration;

use http::{Method, StatusCode, header};

use crate::error::{Error, Result};

/// The most of an answer's body [`request_url`] reads: 1 MiB.
const MAX_BODY: usize = 1024 * 1024;

/// What a URL answered to [`request_url`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct UrlAnswer {
    /// The status, whatever it is (a redirect is not followed: it is the answer).
    pub status: StatusCode,
    /// The `Content-Type` header, when there is one and it is text.
    pub content_type: Option<String>,
    /// The body, as text (bytes that are not UTF-8 are replaced).
    pub body: String,
}

/// Whether `url` is an `http` or `https` URL whose host is `127.0.0.1`, `::1` or
/// `localhost`: the only URLs a simulator requests.
///
/// ```
/// use sdk_core::sim::is_loopback;
///
/// assert!(is_loopback("http://127.0.0.1:8080/ivr"));
/// assert!(is_loopback("http://[::1]/ivr"));
/// assert!(is_loopback("http://localhost:3000/"));
/// assert!(!is_loopback("https://ivr.example.com/menu"));
/// assert!(!is_loopback("http://127.0.0.1.example.com/"));
/// ```
pub fn is_loopback(url: &str) -> bool {
    url::Url::parse(url).is_ok_and(|u| loopback(&u))
}

fn loopback(url: &url::Url) -> bool {
    let host = match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip == std::net::Ipv4Addr::LOCALHOST,
        Some(url::Host::Ipv6(ip)) => ip == std::net::Ipv6Addr::LOCALHOST,
        None => false,
    };
    host && matches!(url.scheme(), "http" | "https")
}

/// The client of [`request_url`]: the SDK's TLS setup, no proxy (a loopback URL is never
/// sent to one), no redirect followed, no idle connection kept.
fn client() -> Option<&'static crate::HttpClient> {
    static HTTP: OnceLock<Option<crate::HttpClient>> = OnceLock::new();
    HTTP.get_or_init(|| {
        crate::http_client_builder()
            .no_proxy()
            .redirect(reqwest::redirect::Policy::none())
            .pool_max_idle_per_host(0)
            .build()
            .ok()
    })
    .as_ref()
}

/// Requests `url` as a platform requests a user's callback URL: with `GET`, `params` are
/// added to the URL's query; with any other method they are sent as a form body
/// (`application/x-www-form-urlencoded`). The whole exchange must end within `timeout`.
///
/// # Errors
///
/// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) naming `url` when it is not
/// a URL or not on loopback ([`is_loopback`]): nothing is sent;
/// [`ErrorKind::Timeout`](crate::ErrorKind::Timeout) past `timeout`;
/// [`ErrorKind::Transport`](crate::ErrorKind::Transport) when the URL cannot be reached
/// ([`Error::is_connect`]) or its answer cannot be read;
/// [`ErrorKind::Decode`](crate::ErrorKind::Decode) for a body over 1 MiB. An error status
/// is an answer, not an error.
pub async fn request_url(
    method: &Method,
    url: &str,
    params: &[(String, String)],
    timeout: Duration,
) -> Result<UrlAnswer> {
    let mut parsed =
        url::Url::parse(url).map_err(|e| Error::invalid_input("url", format!("`{url}`: {e}")))?;
    if !loopback(&parsed) {
        return Err(Error::invalid_input(
            "url",
            format!(
                "`{url}` is not on loopback: the simulator requests only 127.0.0.1, ::1 and localhost"
            ),
        ));
    }
    let http =
        client().ok_or_else(|| Error::invalid_input("url", "no HTTP client could be built"))?;
    let request = if method == Method::GET {
        if !params.is_empty() {
            parsed.query_pairs_mut().extend_pairs(params);
        }
        http.get(parsed)
    } else {
        let body = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(params)
            .finish();
        http.request(method.clone(), parsed)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(body)
    };
    // reqwest's timeout runs from the connect to the body's end.
    let mut answer = request
        .timeout(timeout)
        .send()
        .await
        .map_err(Error::transport)?;
    let status = answer.status();
    let content_type = answer
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let mut body = Vec::new();
    while let Some(chunk) = answer.chunk().await.map_err(Error::transport)? {
        if body.len() + chunk.len() > MAX_BODY {
            return Err(Error::too_large(MAX_BODY, &body));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(UrlAnswer {
        status,
        content_type,
        body: String::from_utf8_lossy(&body).into_owned(),
    })
}
