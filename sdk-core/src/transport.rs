//! [`Transport`]: the one path every request of every vendor crate takes.
//!
//! `RequestSpec -> Transport::send -> (auth, retry, timeout) -> reqwest -> Response ->
//! decode`. Vendor crates describe requests; only this module sends them.

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http::{HeaderMap, HeaderValue, StatusCode, header};
use serde::de::DeserializeOwned;
use tracing::Instrument;

use crate::auth::Auth;
use crate::clock::Clock;
use crate::config::ClientBuilder;
use crate::error::{Error, ErrorKind, Result};
use crate::format::Format;
use crate::limit::{AdaptiveLimit, Outcome};
use crate::poll::PollPolicy;
use crate::request::{RequestSpec, Target};
use crate::retry::{RETRY_COST, RetryBudget, RetryPolicy, TIMEOUT_RETRY_COST};

/// Sends requests: builds the URL, applies credentials, retries what is safe to retry,
/// enforces timeouts, and turns error answers into [`Error`]s.
///
/// Cheap to clone: clones share the connection pool, the token cache, the retry budget and
/// the adaptive concurrency limit.
#[derive(Clone)]
pub struct Transport {
    inner: Arc<TransportConfig>,
}

pub(crate) struct TransportConfig {
    pub(crate) http: reqwest::Client,
    pub(crate) base: url::Url,
    pub(crate) prefix: String,
    pub(crate) auth: Auth,
    pub(crate) timeout: Duration,
    pub(crate) retry: RetryPolicy,
    pub(crate) budget: RetryBudget,
    pub(crate) max_response_bytes: usize,
    pub(crate) operation_header: bool,
    pub(crate) poll: PollPolicy,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) limit: AdaptiveLimit,
}

impl std::fmt::Debug for Transport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Transport")
            .field("base_url", &self.inner.base.as_str())
            .field("auth", &self.inner.auth)
            .field("timeout", &self.inner.timeout)
            .field("retry", &self.inner.retry)
            .field("retry_budget", &self.inner.budget.available())
            .field("limit", &self.inner.limit.limit())
            .finish_non_exhaustive()
    }
}

/// A successful answer: status, headers and the whole body.
#[derive(Debug, Clone)]
pub struct Response {
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
    format: Format,
    operation: &'static str,
    #[cfg(feature = "xml")]
    xml: crate::format::XmlAnswers,
}

impl Response {
    /// The HTTP status (always a success status).
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The raw body.
    pub fn body(&self) -> &Bytes {
        &self.body
    }

    /// The catalog id of the operation this answers.
    pub fn operation(&self) -> &'static str {
        self.operation
    }

    /// The format the body is decoded in (the request's response format).
    pub fn format(&self) -> Format {
        self.format
    }

    /// Decodes the body in the request's response format.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Decode`] with the status, request id and a bounded snippet of the body.
    pub fn decode<T: DeserializeOwned>(&self) -> Result<T> {
        #[cfg(feature = "xml")]
        let decoded = match self.format {
            Format::Xml => self.xml_body().and_then(|body| {
                if self.xml.wrapped {
                    Format::Xml
                        .decode::<crate::format::Wrapped<T>>(&body)
                        .map(|w| w.0)
                } else {
                    Format::Xml.decode(&body)
                }
            }),
            _ => self.format.decode(&self.body),
        };
        #[cfg(not(feature = "xml"))]
        let decoded = self.format.decode(&self.body);
        decoded.map_err(|e| {
            e.decode_status(self.status, &self.headers)
                .with_operation(self.operation)
        })
    }
}

impl Response {
    /// The XML body as the models read it: element names in snake_case when the vendor
    /// writes them in PascalCase.
    #[cfg(feature = "xml")]
    pub(crate) fn xml_body(&self) -> Result<std::borrow::Cow<'_, [u8]>> {
        if !self.xml.pascal_case {
            return Ok(std::borrow::Cow::Borrowed(&self.body));
        }
        match std::str::from_utf8(&self.body) {
            Ok(text) => Ok(std::borrow::Cow::Owned(
                crate::format::snake_case_elements(text).into_bytes(),
            )),
            Err(e) => Err(Error::decode("XML body is not UTF-8", &self.body, e)
                .decode_status(self.status, &self.headers)
                .with_operation(self.operation)),
        }
    }
}

impl Response {
    /// Decodes an answer that is one bare token, such as the id of a created resource
    /// sent as plain text: the body trimmed, which must be non-empty and hold no
    /// whitespace, quotes or markup (`<`, `>`, `{`, `}`), so that an error page or a
    /// sentence answered with a success status is not taken for an id.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Decode`] with a bounded snippet of the body.
    pub fn decode_token<T: DeserializeOwned>(&self) -> Result<T> {
        let text = std::str::from_utf8(&self.body).map(str::trim).unwrap_or("");
        let token = !text.is_empty()
            && !text
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || "\"'<>{}".contains(c));
        if !token {
            return Err(Error::decode(
                "expected a bare token (an id) as the answer",
                &self.body,
                std::io::Error::other("not a single token"),
            )
            .decode_status(self.status, &self.headers)
            .with_operation(self.operation));
        }
        T::deserialize(serde_json::Value::String(text.to_owned())).map_err(|e| {
            Error::decode("token of an unexpected form", &self.body, e)
                .decode_status(self.status, &self.headers)
                .with_operation(self.operation)
        })
    }
}

/// A list answer in XML: the children of the root element (`<users><user>..</user></users>`),
/// whatever their names.
#[cfg(feature = "xml")]
#[derive(serde::Deserialize)]
struct XmlList<T> {
    #[serde(rename = "$value", default = "Vec::new")]
    items: Vec<T>,
}

impl Response {
    /// Decodes a list answer: a bare JSON array, or in XML (feature `xml`) the children of
    /// the root element, whatever their names.
    ///
    /// # Errors
    ///
    /// As [`decode`](Self::decode).
    pub fn decode_list<T: DeserializeOwned>(&self) -> Result<Vec<T>> {
        match self.format {
            #[cfg(feature = "xml")]
            Format::Xml => self.decode::<XmlList<T>>().map(|l| l.items),
            _ => self.decode(),
        }
    }
}

impl Transport {
    /// A builder for a bare transport (vendor clients have their own `builder()`, which is
    /// the same [`ClientBuilder`]).
    pub fn builder() -> ClientBuilder<Transport> {
        ClientBuilder::new()
    }

    pub(crate) fn from_config(config: TransportConfig) -> Self {
        Transport {
            inner: Arc::new(config),
        }
    }

    /// The URL every operation path is below.
    pub fn base_url(&self) -> &url::Url {
        &self.inner.base
    }

    /// The clock all waits use.
    pub fn clock(&self) -> &Arc<dyn Clock> {
        &self.inner.clock
    }

    /// The timeout of each attempt, unless a call sets its own.
    pub(crate) fn default_timeout(&self) -> Duration {
        self.inner.timeout
    }

    /// The client's default poll policy.
    pub fn poll_policy(&self) -> &PollPolicy {
        &self.inner.poll
    }

    /// The client's adaptive concurrency limit, fed by every answer this transport (and
    /// each clone of it) receives; bulk work runs under it with
    /// [`for_each_limited`](crate::limit::for_each_limited).
    ///
    /// ```
    /// let transport = sdk_core::Transport::builder()
    ///     .base_url("https://example.com")
    ///     .no_auth()
    ///     .build()?;
    /// assert_eq!(transport.limiter().limit(), 16);
    /// assert_eq!(transport.limiter().paused_for(), None);
    /// # Ok::<(), sdk_core::Error>(())
    /// ```
    pub fn limiter(&self) -> &AdaptiveLimit {
        &self.inner.limit
    }

    /// The tokens left in the client's retry budget.
    pub fn retry_budget_available(&self) -> u32 {
        self.inner.budget.available()
    }

    /// Sends `spec` and decodes the answer into `T`.
    ///
    /// # Errors
    ///
    /// See [`send`](Self::send); plus [`ErrorKind::Decode`] when the body does not fit `T`.
    pub async fn execute<T: DeserializeOwned>(&self, spec: RequestSpec) -> Result<T> {
        let op = spec.operation;
        self.send(spec)
            .await?
            .decode()
            .map_err(|e| e.with_operation(op))
    }

    /// Sends `spec`, retrying as its policy allows, and returns the successful answer.
    ///
    /// # Errors
    ///
    /// The input error stored in `spec` (nothing sent); [`ErrorKind::Api`] for an error
    /// status; [`ErrorKind::Transport`] / [`ErrorKind::Timeout`] when no answer came;
    /// [`ErrorKind::Auth`] when a token could not be obtained.
    pub async fn send(&self, spec: RequestSpec) -> Result<Response> {
        let op = spec.operation;
        // The OpenTelemetry HTTP client attributes: the path template, never the filled path
        // (ids may be personal data); the rest is recorded as the answers come.
        let span = tracing::debug_span!(
            "sdk_request",
            otel.name = op,
            otel.kind = "client",
            operation = op,
            http.request.method = %spec.method,
            url.template = &*spec.template,
            server.address = self.inner.base.host_str().unwrap_or(""),
            server.port = self.inner.base.port_or_known_default(),
            http.response.status_code = tracing::field::Empty,
            http.request.resend_count = tracing::field::Empty,
            request_id = tracing::field::Empty,
            error.r#type = tracing::field::Empty,
        );
        // Boxed: the retry loop's future is large, and at many requests in flight copying
        // it costs more than one allocation (measured by benches/overhead.rs).
        Box::pin(self.send_inner(spec))
            .instrument(span)
            .await
            .map_err(|e| e.with_operation(op))
    }

    pub(crate) fn url_for(&self, spec: &RequestSpec) -> Result<url::Url> {
        let mut url = match &spec.target {
            Target::Path(p) => {
                let mut u = self.inner.base.clone();
                if self.inner.prefix.is_empty() {
                    u.set_path(if p.is_empty() { "/" } else { p });
                } else {
                    let mut full = String::with_capacity(self.inner.prefix.len() + p.len());
                    full.push_str(&self.inner.prefix);
                    full.push_str(p);
                    u.set_path(&full);
                }
                u
            }
            Target::Url(u) => {
                if u.origin() != self.inner.base.origin() {
                    return Err(Error::invalid_input(
                        "url",
                        format!(
                            "refusing to send credentials to another origin ({})",
                            u.origin().ascii_serialization()
                        ),
                    ));
                }
                u.clone()
            }
        };
        if !spec.query.is_empty() {
            let mut pairs = url.query_pairs_mut();
            for (k, v) in &spec.query {
                pairs.append_pair(k, v);
            }
        }
        Ok(url)
    }

    async fn send_inner(&self, mut spec: RequestSpec) -> Result<Response> {
        if let Some(e) = spec.error {
            return Err(e);
        }
        if !spec.options.extra.is_empty() {
            spec.apply_extras()?;
        }
        let url = self.url_for(&spec)?;
        let policy = spec.options.retry.as_ref().unwrap_or(&self.inner.retry);
        let timeout = spec.options.timeout.unwrap_or(self.inner.timeout);
        let may_resend = spec.is_idempotent() || spec.options.retry_non_idempotent;
        let body = spec.body.bytes();
        let mut attempt: u32 = 1;
        let mut reauthenticated = false;
        loop {
            let mut req = self
                .inner
                .http
                .request(spec.method.clone(), url.clone())
                .timeout(timeout)
                .header(header::ACCEPT, HeaderValue::from_static(spec.accept.mime()));
            if let (Some(ct), Some(b)) = (spec.body.content_type(), &body) {
                req = req
                    .header(header::CONTENT_TYPE, HeaderValue::from_static(ct))
                    .body(b.clone());
            }
            for (name, value) in &spec.options.headers {
                req = req.header(name, value);
            }
            if self.inner.operation_header
                && let Ok(op) = HeaderValue::from_str(spec.operation)
            {
                req = req.header(crate::config::OPERATION_HEADER, op);
            }
            let (req, token) = self.inner.auth.apply(req).await?;
            let ticket = self.inner.limit.start();
            let outcome = match req.send().await {
                Ok(mut resp) => {
                    let status = resp.status();
                    let headers = std::mem::take(resp.headers_mut());
                    match read_bounded(&mut resp, self.inner.max_response_bytes).await {
                        Ok(Ok(bytes)) => Ok((status, headers, bytes)),
                        Ok(Err(start)) if status.is_success() => {
                            self.inner.limit.finish(ticket, Outcome::Answered);
                            return Err(Error::too_large(self.inner.max_response_bytes, &start)
                                .decode_status(status, &headers));
                        }
                        // An error answer keeps what was read: its status says enough.
                        Ok(Err(start)) => Ok((status, headers, start)),
                        Err(e) => Err(Error::transport(e)),
                    }
                }
                Err(e) => Err(Error::transport(e)),
            };
            let err = match outcome {
                Ok((status, headers, body)) if status.is_success() => {
                    self.inner.limit.finish(ticket, Outcome::Answered);
                    self.inner.budget.refill();
                    record_answer(status, &headers, attempt);
                    tracing::debug!(status = status.as_u16(), attempt, "answered");
                    return Ok(Response {
                        status,
                        headers,
                        body,
                        format: spec.response_format,
                        operation: spec.operation,
                        #[cfg(feature = "xml")]
                        xml: spec.xml,
                    });
                }
                Ok((StatusCode::UNAUTHORIZED, _, _))
                    if !reauthenticated
                        && token.as_ref().is_some_and(|t| self.inner.auth.reject(t)) =>
                {
                    tracing::info!(attempt, "401: refreshing the token and sending once more");
                    reauthenticated = true;
                    continue;
                }
                Ok((status, headers, body)) => {
                    tracing::debug!(status = status.as_u16(), attempt, "answered");
                    self.inner
                        .limit
                        .finish(ticket, Outcome::of_status(status, &headers));
                    Error::api(status, &headers, &body)
                }
                Err(e) => {
                    tracing::debug!(attempt, kind = ?e.kind(), "no answer");
                    let outcome = if e.kind() == ErrorKind::Timeout {
                        Outcome::TimedOut
                    } else {
                        Outcome::Failed
                    };
                    self.inner.limit.finish(ticket, outcome);
                    e
                }
            };
            let safe = may_resend || err.is_connect();
            if !err.is_retryable() || !safe || attempt >= policy.max_attempts {
                if err.is_retryable() && !safe {
                    tracing::debug!(
                        "not retrying a non-idempotent request that may have reached the server"
                    );
                } else if err.is_retryable() {
                    tracing::warn!(attempt, kind = ?err.kind(), "giving up after the last attempt");
                }
                record_error(&err, attempt);
                return Err(err);
            }
            let cost = if err.kind() == ErrorKind::Timeout {
                TIMEOUT_RETRY_COST
            } else {
                RETRY_COST
            };
            if !self.inner.budget.try_spend(cost) {
                tracing::warn!(attempt, "retry budget exhausted; returning the last error");
                record_error(&err, attempt);
                return Err(err);
            }
            let delay = policy.delay(attempt, err.retry_after());
            tracing::info!(
                attempt,
                status = err.status().map(|s| s.as_u16()),
                kind = ?err.kind(),
                delay_ms = delay.as_millis() as u64,
                "retrying"
            );
            self.inner.clock.sleep(delay).await;
            attempt += 1;
        }
    }
}

/// Records the answer a request ends with on its span: its status, how many times the
/// request was sent again before it, and the vendor's request id.
fn record_answer(status: StatusCode, headers: &http::HeaderMap, attempt: u32) {
    let span = tracing::Span::current();
    if span.is_disabled() {
        return;
    }
    span.record("http.response.status_code", status.as_u16());
    if attempt > 1 {
        span.record("http.request.resend_count", attempt - 1);
    }
    if let Some(id) = crate::error::request_id_of(headers) {
        span.record("request_id", id.as_str());
    }
}

/// Records the failure the request ends with on its span: `error.type` (the status code
/// for an error answer, else the kind), the last answer's status and request id, and how
/// many times the request was sent again.
fn record_error(err: &Error, attempt: u32) {
    let span = tracing::Span::current();
    if span.is_disabled() {
        return;
    }
    match err.status() {
        Some(status) => {
            span.record("http.response.status_code", status.as_u16());
            span.record("error.type", status.as_str());
        }
        None => {
            span.record("error.type", tracing::field::debug(err.kind()));
        }
    }
    if attempt > 1 {
        span.record("http.request.resend_count", attempt - 1);
    }
    if let Some(id) = err.request_id() {
        span.record("request_id", id);
    }
}

/// Reads the body up to `limit` bytes: `Ok(Ok(body))` when it fits, `Ok(Err(start))` with
/// the first `limit` bytes when it does not (the rest is never read).
async fn read_bounded(
    resp: &mut reqwest::Response,
    limit: usize,
) -> std::result::Result<std::result::Result<Bytes, Bytes>, reqwest::Error> {
    let expected = resp.content_length();
    if expected.is_some_and(|n| n > limit as u64) {
        return Ok(Err(Bytes::new()));
    }
    // Most answers arrive in one chunk: keep it as it is, without a copy.
    let Some(first) = resp.chunk().await? else {
        return Ok(Ok(Bytes::new()));
    };
    if first.len() > limit {
        return Ok(Err(first.slice(..limit)));
    }
    let Some(second) = resp.chunk().await? else {
        return Ok(Ok(first));
    };
    let capacity = expected.map_or(first.len() + second.len(), |n| n as usize);
    let mut body = bytes::BytesMut::with_capacity(capacity);
    body.extend_from_slice(&first);
    let mut next = Some(second);
    while let Some(chunk) = next {
        if body.len() + chunk.len() > limit {
            let room = limit - body.len();
            body.extend_from_slice(&chunk[..room]);
            return Ok(Err(body.freeze()));
        }
        body.extend_from_slice(&chunk);
        next = resp.chunk().await?;
    }
    Ok(Ok(body.freeze()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct Q {
        id: String,
    }

    fn response(format: Format, body: &'static [u8]) -> Response {
        Response {
            status: StatusCode::OK,
            headers: HeaderMap::new(),
            body: Bytes::from_static(body),
            format,
            operation: "test.get",
            #[cfg(feature = "xml")]
            xml: crate::format::XmlAnswers::PLAIN,
        }
    }

    #[test]
    fn tokens_are_one_word_without_markup() {
        for (body, want) in [
            (&b"  8a8a8a-42\n"[..], Some("8a8a8a-42")),
            (b"user@example.com", Some("user@example.com")),
            (b"", None),
            (b"   ", None),
            (b"Service temporarily unavailable", None),
            (b"<html>oops</html>", None),
            (b"{\"id\": 1}", None),
            (b"\"quoted\"", None),
            (b"\xff\xfe", None),
        ] {
            let got = response(Format::Text, body).decode_token::<String>();
            assert_eq!(got.as_deref().ok(), want, "{body:?}");
            if let Err(e) = got {
                assert_eq!(e.kind(), ErrorKind::Decode);
            }
        }
    }

    #[cfg(feature = "xml")]
    #[test]
    fn wrapped_xml_answers_decode_the_root_s_child() {
        let wrapped = Response {
            xml: crate::format::XmlAnswers {
                wrapped: true,
                pascal_case: false,
            },
            ..response(
                Format::Xml,
                b"<Response><Queue><id>A</id></Queue></Response>",
            )
        };
        assert_eq!(wrapped.decode::<Q>().unwrap(), Q { id: "A".into() });
        let json = Response {
            xml: crate::format::XmlAnswers {
                wrapped: true,
                pascal_case: false,
            },
            ..response(Format::Json, br#"{"id": "B"}"#)
        };
        assert_eq!(json.decode::<Q>().unwrap(), Q { id: "B".into() });
        let empty = Response {
            xml: crate::format::XmlAnswers {
                wrapped: true,
                pascal_case: false,
            },
            ..response(Format::Xml, b"<Response/>")
        };
        assert!(empty.decode::<Q>().is_err());
    }

    #[test]
    fn lists_decode_as_json_arrays_or_the_children_of_the_xml_root() {
        #[cfg(feature = "xml")]
        {
            let xml = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<queues>\n  <queue><id>A</id></queue>\n  <queue><id>B</id></queue>\n</queues>\n";
            let items: Vec<Q> = response(Format::Xml, xml).decode_list().unwrap();
            assert_eq!(items, [Q { id: "A".into() }, Q { id: "B".into() }]);
            assert!(
                response(Format::Xml, b"<queues/>")
                    .decode_list::<Q>()
                    .unwrap()
                    .is_empty()
            );
        }
        let json: Vec<Q> = response(Format::Json, br#"[{"id":"A"}]"#)
            .decode_list()
            .unwrap();
        assert_eq!(json, [Q { id: "A".into() }]);
        assert!(response(Format::Json, b"").decode_list::<Q>().is_err());
    }
}
