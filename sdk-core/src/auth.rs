//! Credentials: a static bearer token, a bearer token from a [`TokenProvider`] (the OAuth2
//! client-credentials provider [`ClientCredentials`] is included), HTTP basic (CPaaS
//! AccountSid / AuthToken), caller-chosen headers, or explicitly none.
//!
//! Secrets are [`secrecy`] types: no `Debug`, `Display`, error or `tracing` output of this
//! workspace prints them, and the headers that carry them are marked sensitive.

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, Instant};

use http::{HeaderName, HeaderValue};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use crate::clock::{BoxFuture, Clock, TokioClock};
use crate::error::{Error, ErrorKind, Result};
use crate::request::RequestSpec;
use crate::transport::Transport;

/// How requests are authenticated.
///
/// ```
/// use sdk_core::Auth;
///
/// let bearer = Auth::bearer("eyJhbGciOi...");
/// let basic = Auth::basic("AC0123456789", "auth-token");
/// let keyed = Auth::header("x-api-key", "k-123")?;
/// assert_eq!(format!("{bearer:?}"), "Auth::Bearer(<redacted>)");
/// # let _ = (basic, keyed);
/// # Ok::<(), sdk_core::Error>(())
/// ```
#[derive(Clone)]
pub struct Auth(AuthKind);

#[derive(Clone)]
enum AuthKind {
    None,
    Bearer(Arc<SecretString>),
    Provider(Arc<dyn TokenProvider>),
    Basic {
        username: String,
        password: Arc<SecretString>,
    },
    Headers(Vec<(HeaderName, Arc<SecretString>)>),
}

impl Auth {
    /// No credentials at all (a simulator, a server behind a trusted proxy).
    pub fn none() -> Self {
        Auth(AuthKind::None)
    }

    /// `Authorization: Bearer <token>` with a token that does not change.
    pub fn bearer(token: impl Into<String>) -> Self {
        Auth(AuthKind::Bearer(Arc::new(SecretString::from(token.into()))))
    }

    /// `Authorization: Bearer <token>` with tokens from `provider`: fetched when needed,
    /// refreshed before expiry, and refreshed once more when the server answers 401.
    pub fn token_provider(provider: impl TokenProvider + 'static) -> Self {
        Auth(AuthKind::Provider(Arc::new(provider)))
    }

    /// HTTP basic authentication (CPaaS: the AccountSid and the AuthToken).
    pub fn basic(username: impl Into<String>, password: impl Into<String>) -> Self {
        Auth(AuthKind::Basic {
            username: username.into(),
            password: Arc::new(SecretString::from(password.into())),
        })
    }

    /// One header carrying a credential (an API key, a session cookie). Call
    /// [`Auth::and_header`] to add more.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`] for an invalid header name or value.
    pub fn header(name: &str, value: impl Into<String>) -> Result<Self> {
        Auth(AuthKind::Headers(Vec::new())).and_header(name, value)
    }

    /// Adds a credential header to an [`Auth::header`] scheme.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`] for an invalid header name or value, or when `self` is
    /// another scheme.
    pub fn and_header(self, name: &str, value: impl Into<String>) -> Result<Self> {
        let AuthKind::Headers(mut headers) = self.0 else {
            return Err(Error::invalid_input(
                "auth",
                "and_header extends only Auth::header",
            ));
        };
        let name = HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| Error::invalid_input("auth", "invalid header name"))?;
        let value: String = value.into();
        HeaderValue::from_str(&value)
            .map_err(|_| Error::invalid_input("auth", "invalid header value"))?;
        headers.push((name, Arc::new(SecretString::from(value))));
        Ok(Auth(AuthKind::Headers(headers)))
    }

    /// Applies the credentials to an outgoing request, returning the token used, if any
    /// (to invalidate it on a 401).
    pub(crate) async fn apply(
        &self,
        mut req: reqwest::RequestBuilder,
    ) -> Result<(reqwest::RequestBuilder, Option<AccessToken>)> {
        let mut used = None;
        match &self.0 {
            AuthKind::None => {}
            AuthKind::Bearer(token) => req = req.bearer_auth(token.expose_secret()),
            AuthKind::Provider(p) => {
                let token = p.token().await?;
                req = req.bearer_auth(token.secret().expose_secret());
                used = Some(token);
            }
            AuthKind::Basic { username, password } => {
                req = req.basic_auth(username, Some(password.expose_secret()));
            }
            AuthKind::Headers(headers) => {
                for (name, value) in headers {
                    let mut v = HeaderValue::from_str(value.expose_secret())
                        .map_err(|_| Error::invalid_input("auth", "invalid header value"))?;
                    v.set_sensitive(true);
                    req = req.header(name, v);
                }
            }
        }
        Ok((req, used))
    }

    /// Tells the provider, if any, that the server rejected `token`. Returns `true` when a
    /// fresh token may now be fetched (so one re-send is worth it).
    pub(crate) fn reject(&self, token: &AccessToken) -> bool {
        match &self.0 {
            AuthKind::Provider(p) => {
                p.invalidate(token);
                true
            }
            _ => false,
        }
    }
}

impl fmt::Debug for Auth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            AuthKind::None => f.write_str("Auth::None"),
            AuthKind::Bearer(_) => f.write_str("Auth::Bearer(<redacted>)"),
            AuthKind::Provider(p) => write!(f, "Auth::TokenProvider({p:?})"),
            AuthKind::Basic { username, .. } => write!(f, "Auth::Basic({username:?}, <redacted>)"),
            AuthKind::Headers(h) => {
                let names: Vec<&str> = h.iter().map(|(n, _)| n.as_str()).collect();
                write!(f, "Auth::Headers({names:?}, <redacted>)")
            }
        }
    }
}

/// An access token and when it expires.
#[derive(Clone)]
pub struct AccessToken {
    secret: Arc<SecretString>,
    expires_at: Option<Instant>,
}

impl AccessToken {
    /// A token valid until `expires_at` (`None`: until the server rejects it).
    pub fn new(secret: impl Into<String>, expires_at: Option<Instant>) -> Self {
        AccessToken {
            secret: Arc::new(SecretString::from(secret.into())),
            expires_at,
        }
    }

    /// The token itself.
    pub fn secret(&self) -> &SecretString {
        &self.secret
    }

    /// When the token expires, if known.
    pub fn expires_at(&self) -> Option<Instant> {
        self.expires_at
    }

    /// `true` when both are the same token (not just equal strings).
    pub fn same_as(&self, other: &AccessToken) -> bool {
        Arc::ptr_eq(&self.secret, &other.secret)
    }
}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AccessToken")
            .field("secret", &"<redacted>")
            .field("expires_at", &self.expires_at)
            .finish()
    }
}

/// A source of bearer tokens.
///
/// Implement it to plug in any token scheme; [`ClientCredentials`] is the OAuth2
/// client-credentials implementation.
pub trait TokenProvider: Send + Sync + fmt::Debug {
    /// A valid token: the cached one, or a new one. Concurrent callers should share one
    /// fetch.
    fn token(&self) -> BoxFuture<'_, Result<AccessToken>>;

    /// The server rejected `token` (401): drop it from the cache, unless a newer one has
    /// replaced it already.
    fn invalidate(&self, token: &AccessToken);
}

/// The OAuth2 client-credentials grant (RFC 6749 section 4.4), with the client
/// authenticated by HTTP basic.
///
/// The token is cached and refreshed `refresh_before` ahead of its expiry (60 s by
/// default). However many requests wait for a token at once, exactly one token request is
/// made; the others wait for its answer.
///
/// ```no_run
/// use sdk_core::auth::{Auth, ClientCredentials};
///
/// let provider = ClientCredentials::builder(
///     "https://na.cc.avayacloud.com/auth/realms/ABCDEF/protocol/openid-connect/token",
///     "my-client-id",
///     "my-client-secret",
/// )
/// .scopes(["voice-admin"])
/// .build()?;
/// let auth = Auth::token_provider(provider);
/// # let _ = auth;
/// # Ok::<(), sdk_core::Error>(())
/// ```
pub struct ClientCredentials {
    transport: Transport,
    client_id: String,
    scopes: Vec<String>,
    refresh_before: Duration,
    clock: Arc<dyn Clock>,
    cache: std::sync::Mutex<Option<AccessToken>>,
    /// Held across a token request; holds the failure of the last one, shared with the
    /// callers that waited for it.
    gate: tokio::sync::Mutex<Option<Error>>,
    /// Counts finished token requests.
    fetches: std::sync::atomic::AtomicU64,
}

impl fmt::Debug for ClientCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientCredentials")
            .field("token_url", self.transport.base_url())
            .field("client_id", &self.client_id)
            .field("client_secret", &"<redacted>")
            .field("scopes", &self.scopes)
            .finish()
    }
}

/// Builds a [`ClientCredentials`] provider.
pub struct ClientCredentialsBuilder {
    token_url: String,
    client_id: String,
    client_secret: SecretString,
    scopes: Vec<String>,
    refresh_before: Duration,
    allow_http: bool,
    clock: Arc<dyn Clock>,
    http: Option<reqwest::Client>,
}

impl fmt::Debug for ClientCredentialsBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientCredentialsBuilder")
            .field("token_url", &self.token_url)
            .field("client_id", &self.client_id)
            .field("client_secret", &"<redacted>")
            .finish_non_exhaustive()
    }
}

impl ClientCredentials {
    /// Starts a provider for `token_url` with the client's id and secret.
    pub fn builder(
        token_url: impl Into<String>,
        client_id: impl Into<String>,
        client_secret: impl Into<String>,
    ) -> ClientCredentialsBuilder {
        ClientCredentialsBuilder {
            token_url: token_url.into(),
            client_id: client_id.into(),
            client_secret: SecretString::from(client_secret.into()),
            scopes: Vec::new(),
            refresh_before: Duration::from_secs(60),
            allow_http: false,
            clock: Arc::new(TokioClock),
            http: None,
        }
    }

    async fn fetch(&self) -> Result<AccessToken> {
        #[derive(serde::Serialize)]
        struct Form {
            grant_type: &'static str,
            scope: Option<String>,
        }
        #[derive(Deserialize)]
        struct TokenAnswer {
            access_token: String,
            #[serde(default)]
            expires_in: Option<serde_json::Value>,
        }
        let form = Form {
            grant_type: "client_credentials",
            scope: (!self.scopes.is_empty()).then(|| self.scopes.join(" ")),
        };
        let spec = RequestSpec::post("oauth2.token", "", &[])
            .form(&form)
            .options(crate::RequestOptions::new().retry_non_idempotent(true));
        let requested_at = self.clock.now();
        tracing::debug!(client_id = %self.client_id, "requesting an access token");
        let answer: TokenAnswer = match self.transport.execute(spec).await {
            Ok(a) => a,
            Err(e) if e.kind() == ErrorKind::Api => {
                return Err(Error::auth(format!(
                    "token endpoint answered {}{}",
                    e.status().map(|s| s.as_u16()).unwrap_or(0),
                    e.vendor_code()
                        .map(|c| format!(" ({c})"))
                        .unwrap_or_default()
                ))
                .with_source(e));
            }
            Err(e) if e.kind() == ErrorKind::Decode => {
                // The body may hold a token in a shape we do not know: keep neither it nor
                // the parser's message (which can quote values).
                return Err(Error::auth(format!(
                    "token endpoint answered {} with a body that is not an OAuth2 token response",
                    e.status().map(|s| s.as_u16()).unwrap_or(0)
                )));
            }
            Err(e) => {
                return Err(Error::auth("the token endpoint could not be reached").with_source(e));
            }
        };
        let lifetime = answer.expires_in.and_then(|v| match v {
            serde_json::Value::Number(n) => n.as_u64(),
            serde_json::Value::String(s) => s.parse().ok(),
            _ => None,
        });
        let expires_at = lifetime.map(|secs| requested_at + Duration::from_secs(secs));
        Ok(AccessToken::new(answer.access_token, expires_at))
    }

    fn lock_cache(&self) -> std::sync::MutexGuard<'_, Option<AccessToken>> {
        self.cache.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn cached(&self) -> Option<AccessToken> {
        self.lock_cache()
            .as_ref()
            .filter(|t| self.fresh(t))
            .cloned()
    }

    fn fresh(&self, token: &AccessToken) -> bool {
        match token.expires_at {
            None => true,
            Some(at) => {
                let now = self.clock.now();
                now + self.refresh_before < at
            }
        }
    }
}

impl TokenProvider for ClientCredentials {
    fn token(&self) -> BoxFuture<'_, Result<AccessToken>> {
        Box::pin(async move {
            if let Some(t) = self.cached() {
                return Ok(t);
            }
            use std::sync::atomic::Ordering;
            // Holding the gate across the fetch makes it single-flight: the callers that
            // queue behind it find the fresh token in the cache, or share its failure.
            let seen = self.fetches.load(Ordering::Acquire);
            let mut last_failure = self.gate.lock().await;
            if let Some(t) = self.cached() {
                return Ok(t);
            }
            if self.fetches.load(Ordering::Acquire) != seen
                && let Some(e) = last_failure.as_ref()
            {
                return Err(e.clone());
            }
            let result = self.fetch().await;
            self.fetches.fetch_add(1, Ordering::AcqRel);
            match result {
                Ok(token) => {
                    *last_failure = None;
                    *self.lock_cache() = Some(token.clone());
                    Ok(token)
                }
                Err(e) => {
                    *last_failure = Some(e.clone());
                    Err(e)
                }
            }
        })
    }

    fn invalidate(&self, token: &AccessToken) {
        let mut cache = self.lock_cache();
        if cache.as_ref().is_some_and(|c| c.same_as(token)) {
            *cache = None;
        }
    }
}

impl ClientCredentialsBuilder {
    /// The scopes to ask for (sent space-separated).
    pub fn scopes<I, S>(mut self, scopes: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.scopes = scopes.into_iter().map(Into::into).collect();
        self
    }

    /// How long before expiry the token is renewed (default 60 s).
    pub fn refresh_before(mut self, d: Duration) -> Self {
        self.refresh_before = d;
        self
    }

    /// Allows a plain `http://` token URL (local tests only).
    pub fn allow_http(mut self, yes: bool) -> Self {
        self.allow_http = yes;
        self
    }

    /// The clock used for expiry (a [`ManualClock`](crate::clock::ManualClock) in tests).
    pub fn clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// Shares an existing HTTP connection pool.
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// Builds the provider.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`] for an invalid token URL (or `http://` without
    /// [`allow_http`](Self::allow_http)) or an empty client id.
    pub fn build(self) -> Result<ClientCredentials> {
        if self.client_id.is_empty() {
            return Err(Error::invalid_input("client_id", "must not be empty"));
        }
        let mut b = Transport::builder()
            .base_url(self.token_url)
            .allow_http(self.allow_http)
            .clock(self.clock.clone())
            .auth(Auth::basic(
                self.client_id.clone(),
                self.client_secret.expose_secret().to_owned(),
            ));
        if let Some(http) = self.http {
            b = b.http_client(http);
        }
        Ok(ClientCredentials {
            transport: b.build()?,
            client_id: self.client_id,
            scopes: self.scopes,
            refresh_before: self.refresh_before,
            clock: self.clock,
            cache: std::sync::Mutex::new(None),
            gate: tokio::sync::Mutex::new(None),
            fetches: std::sync::atomic::AtomicU64::new(0),
        })
    }
}
