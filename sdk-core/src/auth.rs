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
use crate::request::{Body, RequestSpec};
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

/// How [`ClientCredentials`] proves the client's identity to the token endpoint (RFC 6749
/// section 2.3.1; the names are those of the `token_endpoint_auth_method` client metadata,
/// RFC 7591). Use the one the client is registered with at the identity provider.
///
/// ```
/// use sdk_core::auth::{ClientAuthMethod, ClientCredentials};
///
/// let provider = ClientCredentials::builder(
///     "https://idp.example.com/oauth2/token",
///     "my-client-id",
///     "my-client-secret",
/// )
/// .client_auth_method(ClientAuthMethod::ClientSecretPost)
/// .build()?;
/// assert_eq!(ClientAuthMethod::default().as_str(), "client_secret_basic");
/// # let _ = provider;
/// # Ok::<(), sdk_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum ClientAuthMethod {
    /// `client_secret_basic`, the default: HTTP basic authentication with the client id
    /// and secret, each `application/x-www-form-urlencoded` first as RFC 6749 requires (so
    /// a `+`, `:`, `%` or space in a secret reaches the provider unchanged).
    #[default]
    ClientSecretBasic,
    /// `client_secret_post`: `client_id` and `client_secret` in the form body of the token
    /// request, no `Authorization` header.
    ClientSecretPost,
}

impl ClientAuthMethod {
    /// The registered name: `client_secret_basic` or `client_secret_post`.
    pub fn as_str(self) -> &'static str {
        match self {
            ClientAuthMethod::ClientSecretBasic => "client_secret_basic",
            ClientAuthMethod::ClientSecretPost => "client_secret_post",
        }
    }
}

impl fmt::Display for ClientAuthMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Token request parameters the provider builds itself; a caller cannot set them with
/// [`ClientCredentialsBuilder::param`].
const RESERVED_PARAMS: &[&str] = &["grant_type", "scope", "client_id", "client_secret"];

/// The OAuth2 client-credentials grant (RFC 6749 section 4.4).
///
/// The client authenticates with HTTP basic by default, or with its id and secret in the
/// form body ([`ClientAuthMethod`]); scopes and any further token parameters (`audience`,
/// `resource`, ...) are set on the builder.
///
/// The token is cached and renewed ahead of its expiry by `refresh_before` (60 s by
/// default), but never by more than half its lifetime, so a token that lives 5 s is still
/// used for 2.5 s. However many requests wait for a token at once, exactly one token
/// request is made; the others wait for its answer and use the token it brought, however
/// short-lived.
///
/// A refusal of the token endpoint is an [`ErrorKind::Auth`] error whose
/// [`vendor_code`](Error::vendor_code) and [`vendor_message`](Error::vendor_message) are the
/// provider's `error` and `error_description` (`invalid_client`, `invalid_scope`, ...). No
/// `Debug`, `Display`, error or `tracing` output shows the client secret or a token.
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
    client_secret: Arc<SecretString>,
    auth_method: ClientAuthMethod,
    scopes: Vec<String>,
    params: Vec<(String, String)>,
    refresh_before: Duration,
    clock: Arc<dyn Clock>,
    cache: std::sync::Mutex<Option<Cached>>,
    /// Held across a token request; holds the failure of the last one, shared with the
    /// callers that waited for it.
    gate: tokio::sync::Mutex<Option<Error>>,
    /// Counts finished token requests.
    fetches: std::sync::atomic::AtomicU64,
}

/// The cached token and when to stop handing it out and fetch the next one.
struct Cached {
    token: AccessToken,
    refresh_at: Option<Instant>,
}

impl fmt::Debug for ClientCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let params: Vec<&str> = self.params.iter().map(|(n, _)| n.as_str()).collect();
        f.debug_struct("ClientCredentials")
            .field("token_url", self.transport.base_url())
            .field("client_id", &self.client_id)
            .field("client_secret", &"<redacted>")
            .field("client_auth_method", &self.auth_method)
            .field("scopes", &self.scopes)
            .field("params", &params)
            .field("refresh_before", &self.refresh_before)
            .finish()
    }
}

/// Builds a [`ClientCredentials`] provider.
///
/// ```
/// use std::time::Duration;
/// use sdk_core::auth::{ClientAuthMethod, ClientCredentials};
///
/// let provider = ClientCredentials::builder(
///     "https://idp.example.com/oauth2/token",
///     "my-client-id",
///     "my-client-secret",
/// )
/// .client_auth_method(ClientAuthMethod::ClientSecretBasic)
/// .scope("voice-admin")
/// .scope("numbers")
/// .audience("https://api.example.com")
/// .param("tenant", "t-42")
/// .refresh_before(Duration::from_secs(30))
/// .build()?;
/// # let _ = provider;
/// # Ok::<(), sdk_core::Error>(())
/// ```
pub struct ClientCredentialsBuilder {
    token_url: String,
    client_id: String,
    client_secret: SecretString,
    auth_method: ClientAuthMethod,
    scopes: Vec<String>,
    params: Vec<(String, String)>,
    refresh_before: Duration,
    allow_http: bool,
    clock: Arc<dyn Clock>,
    http: Option<reqwest::Client>,
    error: Option<Error>,
}

impl fmt::Debug for ClientCredentialsBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let params: Vec<&str> = self.params.iter().map(|(n, _)| n.as_str()).collect();
        f.debug_struct("ClientCredentialsBuilder")
            .field("token_url", &self.token_url)
            .field("client_id", &self.client_id)
            .field("client_secret", &"<redacted>")
            .field("client_auth_method", &self.auth_method)
            .field("scopes", &self.scopes)
            .field("params", &params)
            .finish_non_exhaustive()
    }
}

/// `application/x-www-form-urlencoded` of one value, as RFC 6749 section 2.3.1 asks of the
/// client id and secret before they go into HTTP basic.
fn form_encode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

impl ClientCredentials {
    /// Starts a provider for `token_url` with the client's id and secret.
    ///
    /// The id and secret are sent as they are given: the encoding the client
    /// authentication method needs is applied on the wire.
    pub fn builder(
        token_url: impl Into<String>,
        client_id: impl Into<String>,
        client_secret: impl Into<String>,
    ) -> ClientCredentialsBuilder {
        ClientCredentialsBuilder {
            token_url: token_url.into(),
            client_id: client_id.into(),
            client_secret: SecretString::from(client_secret.into()),
            auth_method: ClientAuthMethod::default(),
            scopes: Vec::new(),
            params: Vec::new(),
            refresh_before: Duration::from_secs(60),
            allow_http: false,
            clock: Arc::new(TokioClock),
            http: None,
            error: None,
        }
    }

    /// The form body of a token request. It holds the client secret with
    /// [`ClientAuthMethod::ClientSecretPost`]: it is never logged.
    fn form(&self) -> String {
        let mut form = url::form_urlencoded::Serializer::new(String::new());
        form.append_pair("grant_type", "client_credentials");
        if !self.scopes.is_empty() {
            form.append_pair("scope", &self.scopes.join(" "));
        }
        for (name, value) in &self.params {
            form.append_pair(name, value);
        }
        if self.auth_method == ClientAuthMethod::ClientSecretPost {
            form.append_pair("client_id", &self.client_id);
            form.append_pair("client_secret", self.client_secret.expose_secret());
        }
        form.finish()
    }

    async fn fetch(&self) -> Result<Cached> {
        #[derive(Deserialize)]
        struct TokenAnswer {
            access_token: String,
            #[serde(default)]
            expires_in: Option<serde_json::Value>,
        }
        let mut spec = RequestSpec::post("oauth2.token", "", &[])
            .options(crate::RequestOptions::new().retry_non_idempotent(true));
        spec.body = Body::Form(self.form());
        let requested_at = self.clock.now();
        tracing::debug!(
            client_id = %self.client_id,
            client_auth_method = self.auth_method.as_str(),
            "requesting an access token"
        );
        let answer: TokenAnswer = match self.transport.execute(spec).await {
            Ok(a) => a,
            Err(e) if e.kind() == ErrorKind::Api => {
                return Err(Error::auth(format!(
                    "token endpoint answered {}",
                    e.status().map(|s| s.as_u16()).unwrap_or(0),
                ))
                .with_vendor_of(&e)
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
        let lifetime = answer
            .expires_in
            .and_then(|v| match v {
                serde_json::Value::Number(n) => n.as_u64(),
                serde_json::Value::String(s) => s.trim().parse().ok(),
                _ => None,
            })
            .map(Duration::from_secs);
        // A lifetime past what an `Instant` can hold is no expiry at all.
        let expiry = lifetime.and_then(|l| Some((requested_at.checked_add(l)?, l)));
        let expires_at = expiry.map(|(at, _)| at);
        let refresh_at = expiry.map(|(at, l)| at - refresh_margin(self.refresh_before, l));
        tracing::debug!(
            expires_in_s = lifetime.map(|l| l.as_secs()),
            "access token received"
        );
        Ok(Cached {
            token: AccessToken::new(answer.access_token, expires_at),
            refresh_at,
        })
    }

    fn lock_cache(&self) -> std::sync::MutexGuard<'_, Option<Cached>> {
        self.cache.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The cached token while it is not due for renewal.
    fn fresh(&self) -> Option<AccessToken> {
        let now = self.clock.now();
        self.lock_cache()
            .as_ref()
            .filter(|c| c.refresh_at.is_none_or(|at| now < at))
            .map(|c| c.token.clone())
    }

    /// The cached token while it has not expired, due for renewal or not.
    fn unexpired(&self) -> Option<AccessToken> {
        let now = self.clock.now();
        self.lock_cache()
            .as_ref()
            .filter(|c| c.token.expires_at.is_none_or(|at| now < at))
            .map(|c| c.token.clone())
    }
}

/// How long before its expiry a token of `lifetime` is renewed: `refresh_before`, but at
/// most half the lifetime, so every token is used for at least half of it.
fn refresh_margin(refresh_before: Duration, lifetime: Duration) -> Duration {
    refresh_before.min(lifetime / 2)
}

impl TokenProvider for ClientCredentials {
    fn token(&self) -> BoxFuture<'_, Result<AccessToken>> {
        Box::pin(async move {
            use std::sync::atomic::Ordering;
            // Read before looking at the cache: a token request that finishes after this
            // point is one this caller may take the answer of.
            let seen = self.fetches.load(Ordering::Acquire);
            if let Some(t) = self.fresh() {
                return Ok(t);
            }
            // Holding the gate across the fetch makes it single-flight: the callers that
            // queue behind it take the token it brought, or share its failure.
            let mut last_failure = self.gate.lock().await;
            if let Some(t) = self.fresh() {
                return Ok(t);
            }
            if self.fetches.load(Ordering::Acquire) != seen {
                if let Some(e) = last_failure.as_ref() {
                    return Err(e.clone());
                }
                // A token request finished while this caller waited: its token is as new
                // as another request would bring, even if it is already due for renewal
                // (a short-lived token). Only an expired or rejected one is fetched again.
                if let Some(t) = self.unexpired() {
                    return Ok(t);
                }
            }
            let result = self.fetch().await;
            self.fetches.fetch_add(1, Ordering::AcqRel);
            match result {
                Ok(cached) => {
                    *last_failure = None;
                    let token = cached.token.clone();
                    *self.lock_cache() = Some(cached);
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
        if cache.as_ref().is_some_and(|c| c.token.same_as(token)) {
            *cache = None;
        }
    }
}

impl ClientCredentialsBuilder {
    /// The scopes to ask for, replacing any set before (sent space-separated in `scope`;
    /// none: no `scope` parameter).
    pub fn scopes<I, S>(mut self, scopes: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.scopes = scopes.into_iter().map(Into::into).collect();
        self
    }

    /// Adds one scope to ask for (after those of [`scopes`](Self::scopes)). A
    /// space-separated list is sent as it is.
    ///
    /// ```
    /// use sdk_core::auth::ClientCredentials;
    ///
    /// let provider = ClientCredentials::builder("https://idp.example.com/token", "id", "secret")
    ///     .scope("voice-admin")
    ///     .scope("numbers")
    ///     .build()?;
    /// assert!(format!("{provider:?}").contains(r#"["voice-admin", "numbers"]"#));
    /// # Ok::<(), sdk_core::Error>(())
    /// ```
    pub fn scope(mut self, scope: impl Into<String>) -> Self {
        self.scopes.push(scope.into());
        self
    }

    /// How the client authenticates to the token endpoint (default
    /// [`ClientAuthMethod::ClientSecretBasic`]).
    pub fn client_auth_method(mut self, method: ClientAuthMethod) -> Self {
        self.auth_method = method;
        self
    }

    /// Adds a parameter to every token request, sent after `grant_type` and `scope` in
    /// the order added; the same name may be added more than once (several `resource`
    /// values, RFC 8707). The provider decides what it accepts: a parameter it does not
    /// know is usually ignored.
    ///
    /// `grant_type`, `scope`, `client_id` and `client_secret` are the provider's own:
    /// setting one here makes [`build`](Self::build) fail.
    ///
    /// ```
    /// use sdk_core::auth::ClientCredentials;
    ///
    /// let provider = ClientCredentials::builder("https://idp.example.com/token", "id", "secret")
    ///     .param("audience", "https://api.example.com")
    ///     .param("resource", "https://api.example.com/voice")
    ///     .build()?;
    /// # let _ = provider;
    /// let err = ClientCredentials::builder("https://idp.example.com/token", "id", "secret")
    ///     .param("client_secret", "another")
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!(err.field(), Some("param"));
    /// # Ok::<(), sdk_core::Error>(())
    /// ```
    pub fn param(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        let name = name.into();
        if self.error.is_none() {
            if name.is_empty() {
                self.error = Some(Error::invalid_input("param", "a parameter needs a name"));
            } else if RESERVED_PARAMS.contains(&name.as_str()) {
                self.error = Some(Error::invalid_input(
                    "param",
                    format!(
                        "`{name}` is set by the provider itself (scopes with scope() or \
                         scopes(), the client with builder() and client_auth_method())"
                    ),
                ));
            }
        }
        self.params.push((name, value.into()));
        self
    }

    /// The `audience` parameter: the API the token is for, as providers such as Auth0 and
    /// Okta take it. The same as `.param("audience", audience)`.
    pub fn audience(self, audience: impl Into<String>) -> Self {
        self.param("audience", audience)
    }

    /// The `resource` parameter of RFC 8707 (resource indicators): the absolute URI of the
    /// API the token is for. The same as `.param("resource", resource)`; call it again for
    /// several resources.
    pub fn resource(self, resource: impl Into<String>) -> Self {
        self.param("resource", resource)
    }

    /// How long before expiry the token is renewed (default 60 s). It is capped at half of
    /// each token's lifetime: a token is always used for at least half of it.
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
    /// [`allow_http`](Self::allow_http)), an empty client id, or a [`param`](Self::param)
    /// without a name or with one the provider sets itself.
    pub fn build(self) -> Result<ClientCredentials> {
        if let Some(e) = self.error {
            return Err(e);
        }
        if self.client_id.is_empty() {
            return Err(Error::invalid_input("client_id", "must not be empty"));
        }
        let auth = match self.auth_method {
            ClientAuthMethod::ClientSecretBasic => Auth::basic(
                form_encode(&self.client_id),
                form_encode(self.client_secret.expose_secret()),
            ),
            ClientAuthMethod::ClientSecretPost => Auth::none(),
        };
        let mut b = Transport::builder()
            .base_url(self.token_url)
            .allow_http(self.allow_http)
            .clock(self.clock.clone())
            .auth(auth);
        if let Some(http) = self.http {
            b = b.http_client(http);
        }
        Ok(ClientCredentials {
            transport: b.build()?,
            client_id: self.client_id,
            client_secret: Arc::new(self.client_secret),
            auth_method: self.auth_method,
            scopes: self.scopes,
            params: self.params,
            refresh_before: self.refresh_before,
            clock: self.clock,
            cache: std::sync::Mutex::new(None),
            gate: tokio::sync::Mutex::new(None),
            fetches: std::sync::atomic::AtomicU64::new(0),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_refresh_margin_is_at_most_half_the_lifetime() {
        let s = Duration::from_secs;
        for (refresh_before, lifetime, margin) in [
            (s(60), s(3600), s(60)),
            (s(60), s(120), s(60)),
            (s(60), s(60), s(30)),
            (s(60), s(5), Duration::from_millis(2500)),
            (s(60), s(2), s(1)),
            (s(60), s(1), Duration::from_millis(500)),
            (s(60), s(0), s(0)),
            (s(0), s(5), s(0)),
        ] {
            assert_eq!(
                refresh_margin(refresh_before, lifetime),
                margin,
                "{refresh_before:?} before a {lifetime:?} token"
            );
        }
    }

    #[test]
    fn client_id_and_secret_are_form_encoded() {
        for (raw, encoded) in [
            ("plain-Secret_0.9", "plain-Secret_0.9"),
            ("a+b", "a%2Bb"),
            ("a b", "a+b"),
            ("a/b:c%d", "a%2Fb%3Ac%25d"),
            ("&=?#~*", "%26%3D%3F%23%7E*"),
            ("sécret€", "s%C3%A9cret%E2%82%AC"),
        ] {
            assert_eq!(form_encode(raw), encoded, "{raw:?}");
        }
    }

    #[test]
    fn client_auth_methods_have_their_registered_names() {
        assert_eq!(
            ClientAuthMethod::default(),
            ClientAuthMethod::ClientSecretBasic
        );
        assert_eq!(
            ClientAuthMethod::ClientSecretPost.to_string(),
            "client_secret_post"
        );
    }
}
