//! The entry type, [`CpaasClient`], its builder, and the account scope that mirrors the
//! URL (`/Accounts/{AccountSid}/...`).

use std::sync::Arc;
use std::time::Duration;

use sdk_core::clock::Clock;
use sdk_core::{
    Auth, ClientBuilder, Conventions, HttpClient, PollPolicy, RequestOptions, Result, RetryPolicy,
    Scope, Service, Transport,
};

use crate::common::{ResponseFormat, conventions};

/// A region of the Avaya Communications APIs, with the base URL the document gives it.
///
/// The document also prints a "default" base URL, `https://api.cpaas.avayacloud.com.io/v2`;
/// its `.com.io` ending looks like a typo, so the SDK offers no default: pick the region
/// your account was created in (EU accounts must use [`Region::Eu`]), or give any base URL
/// to [`CpaasClientBuilder::base_url`] (the former Zang host `https://api.zang.io` works
/// the same way).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Region {
    /// `https://api-us.cpaas.avayacloud.com/v2`.
    Us,
    /// `https://api-eu.cpaas.avayacloud.com/v2`.
    Eu,
    /// `https://api-sg.cpaas.avayacloud.com/v2`.
    Sg,
}

impl Region {
    /// The region's base URL, as the document prints it (ending in `/v2`).
    ///
    /// ```
    /// assert_eq!(cpaas::Region::Eu.base_url(), "https://api-eu.cpaas.avayacloud.com/v2");
    /// ```
    pub fn base_url(self) -> &'static str {
        match self {
            Region::Us => "https://api-us.cpaas.avayacloud.com/v2",
            Region::Eu => "https://api-eu.cpaas.avayacloud.com/v2",
            Region::Sg => "https://api-sg.cpaas.avayacloud.com/v2",
        }
    }
}

/// A client of the Avaya Communications APIs (CPaaS, formerly Zang).
///
/// Build one with [`CpaasClient::builder`] (or [`CpaasClient::new`] for a region and
/// credentials); it is cheap to clone and to share between tasks. Calls go through scopes
/// that mirror the URL: `client.account().calls().make(..)`,
/// `client.account_sid("AC...").sms().list(..)`.
///
/// # The `/v2` segment
///
/// Every path is below `/v2`. The document prints its base URLs with it
/// (`https://api-us.cpaas.avayacloud.com/v2`), the former Zang examples without
/// (`https://api.zang.io` then `/v2/Accounts/...`): the client adds `/v2` unless the base
/// URL already ends in it, so both spellings reach the same URLs and it is never joined
/// twice. (The shared builder's fixed `BASE_PATH` cannot express "unless", so the client's
/// is empty and the segment is put in front of every path, with the format's suffix
/// behind it, once the client knows its base URL; server links such as `next_page_uri`,
/// which start with `/v2`, are resolved the same way.)
#[derive(Debug, Clone)]
pub struct CpaasClient {
    transport: Transport,
    account_sid: Option<Arc<str>>,
    format: ResponseFormat,
    /// The paths and paging of every scope, for this base URL and format.
    conventions: Conventions,
}

impl Service for CpaasClient {
    const NAME: &'static str = "cpaas";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const BASE_PATH: &'static str = "";

    fn from_transport(transport: Transport) -> Self {
        let conventions = conventions(transport.base_url(), ResponseFormat::Json);
        CpaasClient {
            transport,
            account_sid: None,
            format: ResponseFormat::Json,
            conventions,
        }
    }
}

impl CpaasClient {
    /// Starts a client. Give a base URL ([`Region::base_url`] or any other) and the
    /// account's credentials with [`basic`](CpaasClientBuilder::basic).
    ///
    /// ```no_run
    /// use cpaas::{CpaasClient, Region, ResponseFormat};
    ///
    /// let client = CpaasClient::builder()
    ///     .region(Region::Us)
    ///     .basic(
    ///         std::env::var("CPAAS_ACCOUNT_SID").unwrap_or_default(),
    ///         std::env::var("CPAAS_AUTH_TOKEN").unwrap_or_default(),
    ///     )
    ///     .format(ResponseFormat::Json)
    ///     .build()?;
    /// # let _ = client;
    /// # Ok::<(), sdk_core::Error>(())
    /// ```
    pub fn builder() -> CpaasClientBuilder {
        CpaasClientBuilder {
            inner: ClientBuilder::new(),
            account_sid: None,
            format: ResponseFormat::Json,
        }
    }

    /// A client of `region` with the account's AccountSid and AuthToken.
    ///
    /// # Errors
    ///
    /// As [`CpaasClientBuilder::build`].
    pub fn new(
        region: Region,
        account_sid: impl Into<String>,
        auth_token: impl Into<String>,
    ) -> Result<CpaasClient> {
        CpaasClient::builder()
            .region(region)
            .basic(account_sid, auth_token)
            .build()
    }

    /// The transport this client sends through.
    pub fn transport(&self) -> &Transport {
        &self.transport
    }

    /// The format the client asks for.
    pub fn format(&self) -> ResponseFormat {
        self.format
    }

    /// The same client (same connection pool, credentials and retry budget) asking for
    /// answers in `format`.
    pub fn with_format(&self, format: ResponseFormat) -> CpaasClient {
        CpaasClient {
            format,
            conventions: conventions(self.transport.base_url(), format),
            ..self.clone()
        }
    }

    /// The AccountSid of the credentials (or the one given to
    /// [`CpaasClientBuilder::account_sid`]), if known.
    pub fn default_account_sid(&self) -> Option<&str> {
        self.account_sid.as_deref()
    }

    /// The account of the credentials: `/Accounts/{AccountSid}`. Calls through it fail
    /// before sending, naming `AccountSid`, when the client knows no AccountSid (built with
    /// [`CpaasClientBuilder::auth`] or `no_auth` and no
    /// [`account_sid`](CpaasClientBuilder::account_sid)).
    pub fn account(&self) -> Account<'_> {
        self.account_sid(self.account_sid.as_deref().unwrap_or_default())
    }

    /// Another account, such as a sub-account: `/Accounts/{account_sid}`.
    pub fn account_sid(&self, account_sid: impl AsRef<str>) -> Account<'_> {
        Account {
            client: self,
            account_sid: account_sid.as_ref().to_owned(),
        }
    }
}

/// Builds a [`CpaasClient`]: the shared [`ClientBuilder`] of `sdk-core` plus what CPaaS
/// adds (the AccountSid that `client.account()` uses, the response format). It never
/// panics: a bad setting is returned by [`build`](Self::build).
pub struct CpaasClientBuilder {
    inner: ClientBuilder<CpaasClient>,
    account_sid: Option<String>,
    format: ResponseFormat,
}

impl std::fmt::Debug for CpaasClientBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CpaasClientBuilder")
            .field("inner", &self.inner)
            .field("account_sid", &self.account_sid)
            .field("format", &self.format)
            .finish()
    }
}

impl CpaasClientBuilder {
    /// The base URL: a region's ([`Region::base_url`]), the former Zang host
    /// (`https://api.zang.io`), a proxy or a simulator. With or without the trailing
    /// `/v2`. HTTPS is required unless [`allow_http`](Self::allow_http) is set.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.inner = self.inner.base_url(url);
        self
    }

    /// The base URL of a region.
    pub fn region(self, region: Region) -> Self {
        self.base_url(region.base_url())
    }

    /// HTTP basic authentication with the account's AccountSid and AuthToken (found in
    /// the dashboard). The AccountSid is also the account of [`CpaasClient::account`]; the
    /// AuthToken is kept as a secret and never printed.
    pub fn basic(mut self, account_sid: impl Into<String>, auth_token: impl Into<String>) -> Self {
        let sid = account_sid.into();
        self.account_sid = Some(sid.clone());
        self.inner = self.inner.basic(sid, auth_token);
        self
    }

    /// The account [`CpaasClient::account`] reaches, when the credentials do not say it
    /// ([`auth`](Self::auth), [`no_auth`](Self::no_auth)) or to make another account the
    /// default.
    pub fn account_sid(mut self, account_sid: impl Into<String>) -> Self {
        self.account_sid = Some(account_sid.into());
        self
    }

    /// The format of the answers (default JSON).
    pub fn format(mut self, format: ResponseFormat) -> Self {
        self.format = format;
        self
    }

    /// Sends no credentials (a simulator, or a proxy that adds them).
    pub fn no_auth(mut self) -> Self {
        self.inner = self.inner.no_auth();
        self
    }

    /// Any credentials scheme of `sdk-core` (a proxy's header, for instance).
    pub fn auth(mut self, auth: Auth) -> Self {
        self.inner = self.inner.auth(auth);
        self
    }

    /// Accepts a plain `http://` base URL: for simulators and local tests only (the
    /// API itself is HTTPS only).
    pub fn allow_http(mut self, yes: bool) -> Self {
        self.inner = self.inner.allow_http(yes);
        self
    }

    /// The timeout to establish a connection (default 10 s).
    pub fn connect_timeout(mut self, d: Duration) -> Self {
        self.inner = self.inner.connect_timeout(d);
        self
    }

    /// The timeout of each attempt (default 60 s).
    pub fn timeout(mut self, d: Duration) -> Self {
        self.inner = self.inner.timeout(d);
        self
    }

    /// The default retry policy of every call.
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.inner = self.inner.retry_policy(policy);
        self
    }

    /// The size of the client's retry budget in tokens (default 500; 0 disables
    /// retries).
    pub fn retry_budget(mut self, tokens: u32) -> Self {
        self.inner = self.inner.retry_budget(tokens);
        self
    }

    /// The largest answer body read (default 32 MiB); a longer one fails the call.
    pub fn max_response_bytes(mut self, bytes: usize) -> Self {
        self.inner = self.inner.max_response_bytes(bytes);
        self
    }

    /// The default policy of every poller the client returns.
    pub fn poll_policy(mut self, policy: PollPolicy) -> Self {
        self.inner = self.inner.poll_policy(policy);
        self
    }

    /// Shares an existing connection pool.
    pub fn http_client(mut self, client: HttpClient) -> Self {
        self.inner = self.inner.http_client(client);
        self
    }

    /// The clock for every wait (tests use `sdk_core::clock::ManualClock`).
    pub fn clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.inner = self.inner.clock(clock);
        self
    }

    /// Sends each request's catalog operation id in a header, for the simulator's records
    /// and faults (see `sdk_core::ClientBuilder::operation_header`).
    pub fn operation_header(mut self, yes: bool) -> Self {
        self.inner = self.inner.operation_header(yes);
        self
    }

    /// Text appended to the `User-Agent` header (your program's name and version).
    pub fn user_agent_suffix(mut self, suffix: impl Into<String>) -> Self {
        self.inner = self.inner.user_agent_suffix(suffix);
        self
    }

    /// Validates the settings and builds the client.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) naming `base_url`
    /// (missing, unparsable, plain HTTP without the opt-in, ...) or `auth` (no credentials
    /// chosen).
    pub fn build(self) -> Result<CpaasClient> {
        let mut client = self.inner.build()?;
        client.account_sid = self.account_sid.map(Arc::from);
        Ok(client.with_format(self.format))
    }
}

/// An account: `/Accounts/{AccountSid}`, and the resources below it.
#[derive(Debug, Clone)]
pub struct Account<'a> {
    client: &'a CpaasClient,
    account_sid: String,
}

impl<'a> Account<'a> {
    /// The AccountSid of this scope.
    pub fn sid(&self) -> &str {
        &self.account_sid
    }

    /// The scope of the account's families: `/Accounts/{AccountSid}` in the client's format.
    pub(crate) fn scope(&self) -> Scope<'a> {
        Scope::new(
            &self.client.transport,
            self.client.conventions,
            vec![self.account_sid.clone()],
        )
        .with_format(self.client.format.core())
    }

    /// Per-call options for the account's own operations ([`get`](Self::get),
    /// [`update`](Self::update)).
    pub fn options(self, options: RequestOptions) -> crate::accounts::AccountOps<'a> {
        let mut scope = self.scope();
        scope.set_options(options);
        crate::accounts::AccountOps(scope)
    }
}

impl<'a> Account<'a> {
    /// SIP domains, credential lists, IP access control lists: `/SIP`.
    pub fn sip(&self) -> crate::sip::Sip<'a> {
        crate::sip::Sip(self.scope())
    }

    /// Calls: `/Calls`.
    pub fn calls(&self) -> crate::calls::Calls<'a> {
        crate::calls::Calls(self.scope())
    }

    /// Recordings: `/Recordings`.
    pub fn recordings(&self) -> crate::recordings::Recordings<'a> {
        crate::recordings::Recordings(self.scope())
    }

    /// Notifications: `/Notifications`.
    pub fn notifications(&self) -> crate::notifications::Notifications<'a> {
        crate::notifications::Notifications(self.scope())
    }

    /// SMS messages: `/SMS/Messages`.
    pub fn sms(&self) -> crate::sms::Sms<'a> {
        crate::sms::Sms(self.scope())
    }

    /// MMS messages: `/MMS/Messages`.
    pub fn mms(&self) -> crate::mms::Mms<'a> {
        crate::mms::Mms(self.scope())
    }

    /// Usages: `/Usages`.
    pub fn usages(&self) -> crate::usages::Usages<'a> {
        crate::usages::Usages(self.scope())
    }

    /// Conferences: `/Conferences` (see [`Account::conference`] for participants).
    pub fn conferences(&self) -> crate::conferences::Conferences<'a> {
        crate::conferences::Conferences(self.scope())
    }

    /// Applications: `/Applications`.
    pub fn applications(&self) -> crate::applications::Applications<'a> {
        crate::applications::Applications(self.scope())
    }

    /// Transcriptions: `/Transcriptions`.
    pub fn transcriptions(&self) -> crate::transcriptions::Transcriptions<'a> {
        crate::transcriptions::Transcriptions(self.scope())
    }

    /// Incoming phone numbers: `/IncomingPhoneNumbers`.
    pub fn incoming_numbers(&self) -> crate::numbers::IncomingNumbers<'a> {
        crate::numbers::IncomingNumbers(self.scope())
    }

    /// Bring Your Own Carrier numbers: `/Numbers/Byoc`.
    pub fn byoc_numbers(&self) -> crate::numbers::ByocNumbers<'a> {
        crate::numbers::ByocNumbers(self.scope())
    }

    /// Numbers and countries available to buy: `/AvailablePhoneNumbers`,
    /// `/Numbers/AllowedCountries`.
    pub fn available_numbers(&self) -> crate::numbers::AvailableNumbers<'a> {
        crate::numbers::AvailableNumbers(self.scope())
    }

    /// Carrier, CNAM and BNA lookups: `/Lookups`.
    pub fn lookups(&self) -> crate::lookups::Lookups<'a> {
        crate::lookups::Lookups(self.scope())
    }

    /// Fraud control: `/Fraud`.
    pub fn fraud(&self) -> crate::fraud::Fraud<'a> {
        crate::fraud::Fraud(self.scope())
    }

    /// Dialogflow agents: `/Agents`.
    pub fn agents(&self) -> crate::agents::Agents<'a> {
        crate::agents::Agents(self.scope())
    }

    /// One conference, for its participants: `/Conferences/{ConferenceSid}`.
    pub fn conference(&self, conference_sid: impl AsRef<str>) -> Conference<'a> {
        Conference {
            scope: self.scope().below(conference_sid.as_ref()),
        }
    }
}

/// One conference: `/Accounts/{AccountSid}/Conferences/{ConferenceSid}`.
#[derive(Debug, Clone)]
pub struct Conference<'a> {
    scope: Scope<'a>,
}

impl<'a> Conference<'a> {
    /// The participants: `/Participants`.
    pub fn participants(&self) -> crate::conferences::Participants<'a> {
        crate::conferences::Participants(self.scope.clone())
    }
}
