//! Client configuration: one builder, [`ClientBuilder`], shared by every vendor client.
//!
//! A vendor crate implements [`Service`] for its client type and returns
//! `ClientBuilder::<ItsClient>::new()` from `ItsClient::builder()`; every setting below is
//! therefore spelled and validated the same way for all four APIs.

use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;
use std::time::Duration;

use crate::auth::Auth;
use crate::clock::{Clock, TokioClock};
use crate::error::{Error, Result};
use crate::limit::{AdaptiveLimit, LimitPolicy};
use crate::poll::PollPolicy;
use crate::retry::{RetryBudget, RetryPolicy};
use crate::transport::{Transport, TransportConfig};

/// Follows redirects within the origin of the first request (at most 10); a redirect to
/// another scheme, host or port is not followed and its 3xx answer is returned, because
/// reqwest strips only the standard credential headers when it changes hosts, not an API
/// key header of [`Auth::header`](crate::Auth::header).
fn same_origin_redirects() -> reqwest::redirect::Policy {
    reqwest::redirect::Policy::custom(|attempt| {
        let same = attempt
            .previous()
            .first()
            .is_some_and(|first| first.origin() == attempt.url().origin());
        if attempt.previous().len() > 10 {
            attempt.error("too many redirects")
        } else if same {
            attempt.follow()
        } else {
            tracing::warn!(
                to = %attempt.url().origin().ascii_serialization(),
                "not following a redirect to another origin"
            );
            attempt.stop()
        }
    })
}

/// A `reqwest` client builder with the SDK's TLS set up, as the crate's TLS features
/// choose (see [TLS](crate#tls)): by default rustls on the *ring* crypto provider, with
/// certificates checked against the platform's trust store; with `webpki-roots`, against the
/// Mozilla roots bundled in the program; with `native-tls`, the platform's TLS library.
/// Redirects are followed within the origin of the first request only, so that no
/// credential header reaches another host, and no `Referer` is sent. Every client the SDK
/// builds starts here; start here too for a client of your own to share through
/// [`ClientBuilder::http_client`] (a plain `reqwest::Client::builder()` has no crypto
/// provider unless your program enables one of reqwest's own, and follows redirects to any
/// host).
///
/// ```
/// let http = sdk_core::http_client_builder()
///     .pool_max_idle_per_host(8)
///     .build()?;
/// # let _ = http;
/// # Ok::<(), reqwest::Error>(())
/// ```
pub fn http_client_builder() -> reqwest::ClientBuilder {
    tls_client_builder()
        .redirect(same_origin_redirects())
        .referer(false)
}

fn tls_client_builder() -> reqwest::ClientBuilder {
    #[cfg(feature = "native-tls")]
    {
        reqwest::Client::builder().tls_backend_native()
    }
    #[cfg(all(feature = "rustls", not(feature = "native-tls")))]
    {
        use std::sync::OnceLock;

        // Loading the platform's roots is the costly part: once per process.
        static TLS: OnceLock<Option<rustls::ClientConfig>> = OnceLock::new();
        let builder = reqwest::Client::builder();
        match TLS.get_or_init(rustls_config) {
            Some(config) => builder.tls_backend_preconfigured(config.clone()),
            None => builder,
        }
    }
    // No TLS backend: `https://` URLs fail to connect, unless the program gives reqwest
    // one of its own.
    #[cfg(not(any(feature = "rustls", feature = "native-tls")))]
    {
        reqwest::Client::builder()
    }
}

/// The rustls configuration of every client: the *ring* provider, its safe default
/// protocol versions, and the roots of [`rustls_verifier`].
#[cfg(all(feature = "rustls", not(feature = "native-tls")))]
fn rustls_config() -> Option<rustls::ClientConfig> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .ok()?;
    Some(rustls_verifier(builder).with_no_client_auth())
}

/// Certificates checked against the Mozilla roots bundled by `webpki-roots`.
#[cfg(all(feature = "webpki-roots", not(feature = "native-tls")))]
fn rustls_verifier(
    builder: rustls::ConfigBuilder<rustls::ClientConfig, rustls::WantsVerifier>,
) -> rustls::ConfigBuilder<rustls::ClientConfig, rustls::client::WantsClientCert> {
    let roots = rustls::RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    builder.with_root_certificates(roots)
}

/// Certificates checked by the platform's verifier, against its trust store.
#[cfg(all(
    feature = "rustls",
    not(feature = "webpki-roots"),
    not(feature = "native-tls")
))]
fn rustls_verifier(
    builder: rustls::ConfigBuilder<rustls::ClientConfig, rustls::WantsVerifier>,
) -> rustls::ConfigBuilder<rustls::ClientConfig, rustls::client::WantsClientCert> {
    use rustls_platform_verifier::BuilderVerifierExt;

    match builder.clone().with_platform_verifier() {
        Ok(b) => b,
        Err(e) => {
            // No trusted root: every HTTPS request fails its certificate check.
            tracing::error!(error = %e, "the platform's certificate roots could not be loaded");
            builder.with_root_certificates(rustls::RootCertStore::empty())
        }
    }
}

/// The header that carries a request's catalog operation id when
/// [`ClientBuilder::operation_header`] is on.
pub const OPERATION_HEADER: &str = "x-sdk-operation";

/// The default of [`ClientBuilder::max_response_bytes`]: 32 MiB.
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 32 * 1024 * 1024;

/// A vendor API client that [`ClientBuilder`] can build.
pub trait Service: Sized {
    /// The API's name, for the `User-Agent` header and diagnostics (`axp-voice`).
    const NAME: &'static str;
    /// The crate version, for the `User-Agent` header.
    const VERSION: &'static str;
    /// The path every operation's path is below, appended to the base URL's own path
    /// (`/api/admin/voice/v1`) unless that path already ends with it: a base URL given with
    /// or without the API's path reaches the same URLs.
    const BASE_PATH: &'static str = "";
    /// The base URL used when the caller gives none, if the API has one.
    const DEFAULT_BASE_URL: Option<&'static str> = None;

    /// Wraps a ready transport.
    fn from_transport(transport: Transport) -> Self;
}

impl Service for Transport {
    const NAME: &'static str = "sdk-core";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");

    fn from_transport(transport: Transport) -> Self {
        transport
    }
}

/// Builds a client. It never panics: a bad setting is kept and returned by
/// [`build`](Self::build).
///
/// Every client needs an explicit choice of credentials ([`bearer`](Self::bearer),
/// [`token_provider`](Self::token_provider), [`basic`](Self::basic),
/// [`auth`](Self::auth) or [`no_auth`](Self::no_auth)), so that forgetting them is an error
/// rather than a series of 401s.
///
/// ```
/// use std::time::Duration;
/// use sdk_core::{RetryPolicy, Transport};
///
/// let transport = Transport::builder()
///     .base_url("https://na.cc.avayacloud.com")
///     .bearer("token")
///     .timeout(Duration::from_secs(20))
///     .retry_policy(RetryPolicy::default().max_attempts(4))
///     .build()?;
/// assert_eq!(transport.base_url().as_str(), "https://na.cc.avayacloud.com/");
///
/// let err = Transport::builder().base_url("http://example.com").no_auth().build().unwrap_err();
/// assert_eq!(err.field(), Some("base_url"));
/// # Ok::<(), sdk_core::Error>(())
/// ```
pub struct ClientBuilder<C> {
    base_url: Option<String>,
    auth: Option<Auth>,
    allow_http: bool,
    connect_timeout: Duration,
    timeout: Duration,
    user_agent: Option<String>,
    retry: RetryPolicy,
    retry_budget: u32,
    max_response_bytes: usize,
    poll: PollPolicy,
    http: Option<reqwest::Client>,
    clock: Arc<dyn Clock>,
    operation_header: bool,
    limit: LimitPolicy,
    _client: PhantomData<fn() -> C>,
}

impl<C> fmt::Debug for ClientBuilder<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("base_url", &self.base_url)
            .field("auth", &self.auth)
            .field("allow_http", &self.allow_http)
            .field("connect_timeout", &self.connect_timeout)
            .field("timeout", &self.timeout)
            .field("retry", &self.retry)
            .field("max_response_bytes", &self.max_response_bytes)
            .field("operation_header", &self.operation_header)
            .field("poll", &self.poll)
            .field("limit", &self.limit)
            .finish_non_exhaustive()
    }
}

impl<C: Service> Default for ClientBuilder<C> {
    fn default() -> Self {
        Self::new()
    }
}

impl<C: Service> ClientBuilder<C> {
    /// A builder with the defaults: connect timeout 10 s, request timeout 60 s, 3 attempts,
    /// a retry budget of 500 tokens, the default [`PollPolicy`] and [`LimitPolicy`].
    pub fn new() -> Self {
        ClientBuilder {
            base_url: C::DEFAULT_BASE_URL.map(str::to_owned),
            auth: None,
            allow_http: false,
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(60),
            user_agent: None,
            retry: RetryPolicy::default(),
            retry_budget: 500,
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
            operation_header: false,
            poll: PollPolicy::default(),
            http: None,
            clock: Arc::new(TokioClock),
            limit: LimitPolicy::default(),
            _client: PhantomData,
        }
    }

    /// The API's base URL: scheme, host and any path prefix the deployment adds
    /// (`https://na.cc.avayacloud.com`). HTTPS is required unless
    /// [`allow_http`](Self::allow_http) is set.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// Accepts a plain `http://` base URL: for simulators and local tests only.
    pub fn allow_http(mut self, yes: bool) -> Self {
        self.allow_http = yes;
        self
    }

    /// The credentials to send.
    pub fn auth(mut self, auth: Auth) -> Self {
        self.auth = Some(auth);
        self
    }

    /// A static bearer token.
    pub fn bearer(self, token: impl Into<String>) -> Self {
        self.auth(Auth::bearer(token))
    }

    /// Bearer tokens from a provider (see [`ClientCredentials`](crate::auth::ClientCredentials)).
    pub fn token_provider(self, provider: impl crate::auth::TokenProvider + 'static) -> Self {
        self.auth(Auth::token_provider(provider))
    }

    /// HTTP basic credentials.
    pub fn basic(self, username: impl Into<String>, password: impl Into<String>) -> Self {
        self.auth(Auth::basic(username, password))
    }

    /// Sends no credentials (a simulator, or a gateway that adds them).
    pub fn no_auth(self) -> Self {
        self.auth(Auth::none())
    }

    /// The timeout to establish a connection (default 10 s).
    pub fn connect_timeout(mut self, d: Duration) -> Self {
        self.connect_timeout = d;
        self
    }

    /// The timeout of each attempt, from sending to the end of the answer (default 60 s).
    pub fn timeout(mut self, d: Duration) -> Self {
        self.timeout = d;
        self
    }

    /// Text appended to the `User-Agent` header (your program's name and version).
    pub fn user_agent_suffix(mut self, suffix: impl Into<String>) -> Self {
        self.user_agent = Some(suffix.into());
        self
    }

    /// The default retry policy of every call.
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// The size of the client's retry budget in tokens (default 500; a retry costs 5, a
    /// retry after a timeout 10, a success gives 1 back). 0 disables retries.
    pub fn retry_budget(mut self, tokens: u32) -> Self {
        self.retry_budget = tokens;
        self
    }

    /// The largest answer body read (default 32 MiB). A longer body is not read further:
    /// the call fails with [`ErrorKind::Decode`](crate::ErrorKind::Decode) (a success
    /// answer) or keeps the start of the body (an error answer), so a misbehaving server
    /// cannot make the client hold unbounded memory.
    pub fn max_response_bytes(mut self, bytes: usize) -> Self {
        self.max_response_bytes = bytes;
        self
    }

    /// Sends each request's catalog operation id in the [`OPERATION_HEADER`] header
    /// (default off). The simulators read it, so their recorded requests and their faults
    /// can name the operation (`axp.phone_numbers.create`) rather than a path; the vendor
    /// crates' `sim::client` turns it on.
    pub fn operation_header(mut self, yes: bool) -> Self {
        self.operation_header = yes;
        self
    }

    /// The default policy of every poller the client returns.
    pub fn poll_policy(mut self, policy: PollPolicy) -> Self {
        self.poll = policy;
        self
    }

    /// Shares an existing connection pool. Its own timeouts, user agent and redirect policy
    /// then apply: build it from [`http_client_builder`] to keep the SDK's TLS setup and its
    /// rule of following redirects only within the origin, so that no credential header
    /// reaches another host.
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// How the client's adaptive concurrency limit moves (bulk work under
    /// [`for_each_limited`](crate::limit::for_each_limited)): its bounds, its start, its
    /// back-off. Default [`LimitPolicy::default`]: from 16 in flight, between 1 and 64.
    ///
    /// ```
    /// use sdk_core::Transport;
    /// use sdk_core::limit::LimitPolicy;
    ///
    /// let transport = Transport::builder()
    ///     .base_url("https://na.cc.avayacloud.com")
    ///     .bearer("token")
    ///     .concurrency_limit(LimitPolicy::default().initial(4).max(32))
    ///     .build()?;
    /// assert_eq!(transport.limiter().limit(), 4);
    /// # Ok::<(), sdk_core::Error>(())
    /// ```
    pub fn concurrency_limit(mut self, policy: LimitPolicy) -> Self {
        self.limit = policy;
        self
    }

    /// The clock for every wait (retry backoff, polling, token expiry, `Retry-After`
    /// pauses of the concurrency limit); a
    /// [`ManualClock`](crate::clock::ManualClock) makes tests instant.
    pub fn clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// Validates the settings and builds the client.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) naming `base_url` (missing,
    /// unparsable, not HTTPS without the opt-in, or carrying credentials, a query or a
    /// fragment) or `auth` (no choice made); a transport error if the TLS backend cannot
    /// start.
    pub fn build(self) -> Result<C> {
        let raw = self
            .base_url
            .ok_or_else(|| Error::invalid_input("base_url", "required"))?;
        let mut base = url::Url::parse(raw.trim())
            .map_err(|e| Error::invalid_input("base_url", format!("not a URL: {e}")))?;
        match base.scheme() {
            "https" => {}
            "http" if self.allow_http => {}
            "http" => {
                return Err(Error::invalid_input(
                    "base_url",
                    "plain http:// is refused; use https:// or opt in with allow_http(true) for local testing",
                ));
            }
            other => {
                return Err(Error::invalid_input(
                    "base_url",
                    format!("unsupported scheme `{other}`"),
                ));
            }
        }
        if base.host_str().is_none_or(str::is_empty) {
            return Err(Error::invalid_input("base_url", "has no host"));
        }
        if !base.username().is_empty() || base.password().is_some() {
            return Err(Error::invalid_input(
                "base_url",
                "must not carry credentials; use the builder's auth methods",
            ));
        }
        if base.query().is_some() || base.fragment().is_some() {
            return Err(Error::invalid_input(
                "base_url",
                "must not have a query or fragment",
            ));
        }
        let auth = self.auth.ok_or_else(|| {
            Error::invalid_input(
                "auth",
                "choose credentials: bearer, token_provider, basic, auth(Auth::header(..)) or no_auth",
            )
        })?;
        let prefix = join_base_path(base.path(), C::BASE_PATH);
        base.set_path(if prefix.is_empty() { "/" } else { &prefix });
        let user_agent = match &self.user_agent {
            Some(s) => format!("{}/{} {s}", C::NAME, C::VERSION),
            None => format!("{}/{}", C::NAME, C::VERSION),
        };
        let http = match self.http {
            Some(c) => c,
            None => http_client_builder()
                .connect_timeout(self.connect_timeout)
                .user_agent(user_agent)
                .build()
                .map_err(Error::transport)?,
        };
        Ok(C::from_transport(Transport::from_config(TransportConfig {
            http,
            base,
            prefix,
            auth,
            timeout: self.timeout,
            retry: self.retry,
            budget: RetryBudget::new(self.retry_budget),
            max_response_bytes: self.max_response_bytes,
            operation_header: self.operation_header,
            poll: self.poll,
            limit: AdaptiveLimit::new(self.limit, self.clock.clone()),
            clock: self.clock,
        })))
    }
}

/// The path below which every operation's path goes: the base URL's own path, then the
/// API's path unless the base URL already ends with it (`https://host/api/v1` and
/// `https://host` both give `/api/v1` for an API below `/api/v1`).
fn join_base_path(base: &str, service: &str) -> String {
    let base = base.trim_end_matches('/');
    let service = service.trim_end_matches('/');
    if !service.is_empty() && base.ends_with(service) {
        base.to_owned()
    } else {
        format!("{base}{service}")
    }
}

#[cfg(test)]
mod tests {
    use super::join_base_path;

    #[test]
    fn the_api_path_is_joined_once() {
        let api = "/api/admin/voice/v1";
        for (base, want) in [
            ("/", api),
            ("", api),
            ("/api/admin/voice/v1", api),
            ("/api/admin/voice/v1/", api),
            ("/gateway", "/gateway/api/admin/voice/v1"),
            ("/gateway/api/admin/voice/v1", "/gateway/api/admin/voice/v1"),
            ("/api/admin/voice", "/api/admin/voice/api/admin/voice/v1"),
        ] {
            assert_eq!(join_base_path(base, api), want, "{base}");
        }
        assert_eq!(join_base_path("/x/", ""), "/x");
        assert_eq!(join_base_path("/", ""), "");
    }
}
