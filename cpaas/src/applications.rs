//! Applications (`/Applications`): the voice and SMS instructions (InboundXML URLs) and
//! callbacks that numbers can share. Create, view, list, update (a form POST on the
//! application, sending only the fields to change), delete (answers the deleted
//! application).
//!
//! The document spells two answer fields `hearbeat_url` and `hearbeat_method`; both those
//! and `heartbeat_*` are read. The service also answers `client_count`, which the document
//! does not list.
//!
//! Requests are sent as given: the document's rules (callback URLs of at most 200
//! characters, error 12301; methods GET or POST, any other value being taken as POST) are
//! the service's to apply.

use serde::{Deserialize, Serialize};

use sdk_core::ensure::{Change, Desired, Ensure, Field};
use sdk_core::{Method, Result};

use crate::common::{HttpMethod, filtered};
use crate::paging::Paginator;
use crate::wire::{self, Scalar, Timestamp};

pub(crate) const COLLECTION: &str = "/Accounts/{AccountSid}/Applications";
const ITEM: &str = "/Accounts/{AccountSid}/Applications/{ApplicationSid}";

sdk_core::id_type! {
    /// The sid of an application (`ApplicationSid`).
    pub struct ApplicationSid;
}

/// An application.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Application {
    /// The application's sid.
    #[serde(deserialize_with = "wire::sid")]
    pub sid: ApplicationSid,
    /// Its name.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub friendly_name: Option<String>,
    /// The account.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub account_sid: Option<String>,
    /// The InboundXML requested when a call connects.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub voice_url: Option<String>,
    /// The method of `voice_url`.
    #[serde(
        default,
        deserialize_with = "wire::parsed",
        skip_serializing_if = "Option::is_none"
    )]
    pub voice_method: Option<HttpMethod>,
    /// The URL used when `voice_url` fails.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub voice_fallback_url: Option<String>,
    /// The method of `voice_fallback_url`.
    #[serde(
        default,
        deserialize_with = "wire::parsed",
        skip_serializing_if = "Option::is_none"
    )]
    pub voice_fallback_method: Option<HttpMethod>,
    /// Whether caller id lookup is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice_caller_id_lookup: Option<Scalar<bool>>,
    /// The InboundXML requested when an SMS arrives.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub sms_url: Option<String>,
    /// The method of `sms_url`.
    #[serde(
        default,
        deserialize_with = "wire::parsed",
        skip_serializing_if = "Option::is_none"
    )]
    pub sms_method: Option<HttpMethod>,
    /// The URL used when `sms_url` fails.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub sms_fallback_url: Option<String>,
    /// The method of `sms_fallback_url`.
    #[serde(
        default,
        deserialize_with = "wire::parsed",
        skip_serializing_if = "Option::is_none"
    )]
    pub sms_fallback_method: Option<HttpMethod>,
    /// Told every 60 seconds during a call (the document spells it `hearbeat_url`).
    #[serde(
        default,
        alias = "hearbeat_url",
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub heartbeat_url: Option<String>,
    /// The method of `heartbeat_url` (the document spells it `hearbeat_method`).
    #[serde(
        default,
        alias = "hearbeat_method",
        deserialize_with = "wire::parsed",
        skip_serializing_if = "Option::is_none"
    )]
    pub heartbeat_method: Option<HttpMethod>,
    /// Told when a call connects and ends.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub status_callback: Option<String>,
    /// The method of `status_callback`.
    #[serde(
        default,
        deserialize_with = "wire::parsed",
        skip_serializing_if = "Option::is_none"
    )]
    pub status_callback_method: Option<HttpMethod>,
    /// Deprecated clone of `status_callback`.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub hangup_callback: Option<String>,
    /// Deprecated clone of `status_callback_method`.
    #[serde(
        default,
        deserialize_with = "wire::parsed",
        skip_serializing_if = "Option::is_none"
    )]
    pub hangup_callback_method: Option<HttpMethod>,
    /// When it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_created: Option<Timestamp>,
    /// When it was last updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_updated: Option<Timestamp>,
    /// The API version.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub api_version: Option<String>,
    /// This resource's path.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub uri: Option<String>,
    /// How many clients use the application (sent by the service, not in the document).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_count: Option<Scalar<u64>>,
    /// Fields the SDK does not name, kept as the server sent them.
    #[serde(flatten)]
    pub unknown_fields: sdk_core::model::UnknownFields,
}

sdk_core::listed!(Application = "applications");

/// The form of Create Application and Update Application: every field optional (an update
/// sends only what changes).
///
/// ```
/// use cpaas::HttpMethod;
/// use cpaas::applications::ApplicationRequest;
///
/// let app = ApplicationRequest::new()
///     .friendly_name("Support line")
///     .voice_url("https://example.com/voice.xml")
///     .voice_method(HttpMethod::Get)
///     .sms_url("https://example.com/sms.xml");
/// # let _ = app;
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct ApplicationRequest {
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub friendly_name: Option<String>,
    /// The InboundXML requested when a call connects (the service takes at most 200
    /// characters, error 12301; every URL below likewise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice_url: Option<String>,
    /// The method of `voice_url`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice_method: Option<HttpMethod>,
    /// The URL used when `voice_url` fails.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice_fallback_url: Option<String>,
    /// The method of `voice_fallback_url`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice_fallback_method: Option<HttpMethod>,
    /// Turns caller id lookup on.
    #[serde(
        default,
        deserialize_with = "wire::flag",
        skip_serializing_if = "Option::is_none"
    )]
    pub voice_caller_id_lookup: Option<bool>,
    /// The InboundXML requested when an SMS arrives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sms_url: Option<String>,
    /// The method of `sms_url`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sms_method: Option<HttpMethod>,
    /// The URL used when `sms_url` fails.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sms_fallback_url: Option<String>,
    /// The method of `sms_fallback_url`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sms_fallback_method: Option<HttpMethod>,
    /// Told every 60 seconds during a call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heartbeat_url: Option<String>,
    /// The method of `heartbeat_url`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heartbeat_method: Option<HttpMethod>,
    /// Told when a call connects and ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_callback: Option<String>,
    /// The method of `status_callback`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_callback_method: Option<HttpMethod>,
    /// Deprecated by the API: use `status_callback`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hangup_callback: Option<String>,
    /// Deprecated by the API: use `status_callback_method`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hangup_callback_method: Option<HttpMethod>,
}

impl ApplicationRequest {
    /// No field yet.
    pub fn new() -> Self {
        Self::default()
    }
}

sdk_core::setters!(ApplicationRequest {
    /// The name.
    friendly_name: String,
    /// The InboundXML requested when a call connects.
    voice_url: String,
    /// The method of `VoiceUrl`.
    voice_method: HttpMethod,
    /// The URL used when `VoiceUrl` fails.
    voice_fallback_url: String,
    /// The method of `VoiceFallbackUrl`.
    voice_fallback_method: HttpMethod,
    /// Turns caller id lookup on or off.
    voice_caller_id_lookup: bool,
    /// The InboundXML requested when an SMS arrives.
    sms_url: String,
    /// The method of `SmsUrl`.
    sms_method: HttpMethod,
    /// The URL used when `SmsUrl` fails.
    sms_fallback_url: String,
    /// The method of `SmsFallbackUrl`.
    sms_fallback_method: HttpMethod,
    /// Told every 60 seconds during a call.
    heartbeat_url: String,
    /// The method of `HeartbeatUrl`.
    heartbeat_method: HttpMethod,
    /// Told when a call connects and ends.
    status_callback: String,
    /// The method of `StatusCallback`.
    status_callback_method: HttpMethod,
    /// Deprecated by the API (a clone of `StatusCallback`).
    hangup_callback: String,
    /// Deprecated by the API (a clone of `StatusCallbackMethod`).
    hangup_callback_method: HttpMethod,
});

/// The filters of [`Applications::list`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ApplicationFilter {
    /// Applications of this name.
    pub friendly_name: Option<String>,
}

impl ApplicationFilter {
    /// No filter.
    pub fn new() -> Self {
        Self::default()
    }

    fn pairs(&self) -> Vec<(String, String)> {
        self.friendly_name
            .iter()
            .map(|n| ("FriendlyName".to_owned(), n.clone()))
            .collect()
    }
}

sdk_core::setters!(ApplicationFilter {
    /// Applications of this name.
    friendly_name: String,
});

sdk_core::scope_type! {
    /// The applications of an account: `/Accounts/{AccountSid}/Applications`.
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// let apps = client.account().applications();
    /// let app = apps.get("AP123").await?;
    /// println!("{:?} {:?}", app.friendly_name, app.voice_url);
    /// # Ok(()) }
    /// ```
    Applications
}

impl Applications<'_> {
    /// Create Application (`cpaas.applications.create`).
    ///
    /// # Errors
    ///
    /// As any call: the server's answer (a `RestException` with its code, 12301 for a URL
    /// over 200 characters), transport, decode.
    pub async fn create(&self, request: &ApplicationRequest) -> Result<Application> {
        let spec = self
            .0
            .spec(Method::POST, "cpaas.applications.create", COLLECTION, &[])
            .form(request);
        self.0.execute(spec).await
    }

    /// View Application (`cpaas.applications.get`).
    ///
    /// # Errors
    ///
    /// As any call: the server's answer, transport, decode.
    pub async fn get(&self, application_sid: impl AsRef<str>) -> Result<Application> {
        let spec = self.0.spec(
            Method::GET,
            "cpaas.applications.get",
            ITEM,
            &[application_sid.as_ref()],
        );
        self.0.execute(spec).await
    }

    /// List Applications (`cpaas.applications.list`).
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// use cpaas::applications::ApplicationFilter;
    ///
    /// let support = ApplicationFilter::new().friendly_name("Support line");
    /// for app in client.account().applications().list(&support).collect_all().await? {
    ///     println!("{} {:?}", app.sid, app.voice_url);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self, filter: &ApplicationFilter) -> Paginator<Application> {
        let spec = self
            .0
            .spec(Method::GET, "cpaas.applications.list", COLLECTION, &[]);
        self.0.paginator(filtered(spec, filter.pairs()))
    }

    /// Update Application (`cpaas.applications.update`): a form POST of the fields to
    /// change.
    ///
    /// # Errors
    ///
    /// As [`create`](Self::create).
    pub async fn update(
        &self,
        application_sid: impl AsRef<str>,
        request: &ApplicationRequest,
    ) -> Result<Application> {
        let spec = self
            .0
            .spec(
                Method::POST,
                "cpaas.applications.update",
                ITEM,
                &[application_sid.as_ref()],
            )
            .form(request);
        self.0.execute(spec).await
    }

    /// Delete Application (`cpaas.applications.delete`): answers the deleted application.
    ///
    /// # Errors
    ///
    /// As any call.
    pub async fn delete(&self, application_sid: impl AsRef<str>) -> Result<Application> {
        let spec = self.0.spec(
            Method::DELETE,
            "cpaas.applications.delete",
            ITEM,
            &[application_sid.as_ref()],
        );
        self.0.execute(spec).await
    }
}

impl Desired for ApplicationRequest {
    type Live = Application;
    const KIND: &'static str = "application";
    /// The name: what people tell applications apart by, and what List Applications
    /// filters on; the sid is the service's (and an application created without a name is
    /// named after it, so one to ensure needs its name).
    const KEY: Field = Field::new("FriendlyName").live("friendly_name");
    /// Every other field of the form: Update Application takes them all.
    const FIELDS: &'static [Field] = &crate::common::CALLBACK_FIELDS;
}

/// Applications are ensured by name: one name is looked up with List Applications'
/// `FriendlyName` filter, several in the whole list. An update sends only the fields that
/// differ (Update Application keeps the others).
///
/// ```no_run
/// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
/// use cpaas::applications::ApplicationRequest;
/// use cpaas::ensure::Ensure;
///
/// let apps = client.account().applications();
/// let support = ApplicationRequest::new()
///     .friendly_name("Support line")
///     .voice_url("https://example.com/voice.xml");
/// let outcome = apps.ensure(&support).await?;
/// println!("{} {}", outcome.verb(), outcome.resource().sid);
/// # Ok(()) }
/// ```
impl Ensure<ApplicationRequest> for Applications<'_> {
    async fn find(&self, keys: &[String]) -> Result<Vec<Application>> {
        let filter = match keys {
            [name] => ApplicationFilter::new().friendly_name(name.as_str()),
            _ => ApplicationFilter::new(),
        };
        self.list(&filter).collect_all().await
    }

    async fn create(&self, desired: &ApplicationRequest) -> Result<Application> {
        self.create(desired).await
    }

    async fn update(
        &self,
        live: &Application,
        desired: &ApplicationRequest,
        changes: &[Change],
    ) -> Result<Application> {
        let changed: ApplicationRequest = desired.changes_only(changes)?;
        self.update(&live.sid, &changed).await
    }

    async fn delete(&self, live: &Application) -> Result<()> {
        self.delete(&live.sid).await.map(drop)
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use crate::paging::Listed;
    use crate::sim;

    api.resource(
        sim::resource(
            "applications",
            "AP",
            (COLLECTION, ITEM),
            Application::ITEMS_KEY,
        )
        .xml_names("Application", "Applications")
        .defaults(serde_json::json!({"voice_method": "POST", "sms_method": "POST"}))
        .list_filter(sim::filters(&[("FriendlyName", "friendly_name")], None))
        .on_create(|_, change, app| {
            if app.get("friendly_name").is_none() {
                app["friendly_name"] = serde_json::json!(change.id);
            }
            Ok(())
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applications_read_both_heartbeat_spellings() {
        let a: Application = serde_json::from_str(
            r#"{"sid": "AP1", "hearbeat_url": "https://x/hb", "hearbeat_method": "GET", "voice_caller_id_lookup": "true"}"#,
        )
        .expect("an application");
        assert_eq!(a.heartbeat_url.as_deref(), Some("https://x/hb"));
        assert_eq!(a.heartbeat_method, Some(HttpMethod::Get));
        assert_eq!(
            a.voice_caller_id_lookup.as_ref().and_then(Scalar::get),
            Some(true)
        );
    }

    #[test]
    fn requests_are_sent_as_given() {
        let r: ApplicationRequest = serde_json::from_value(serde_json::json!({
            "FriendlyName": "My app", "VoiceUrl": "https://example.com/voice.xml", "SmsUrl": "https://example.com/sms.xml"
        }))
        .expect("the catalog's example");
        assert_eq!(
            sdk_core::format::to_form(&r).expect("a form"),
            "FriendlyName=My+app&VoiceUrl=https%3A%2F%2Fexample.com%2Fvoice.xml&SmsUrl=https%3A%2F%2Fexample.com%2Fsms.xml"
        );
        // A method the SDK does not know and a long URL: the service judges them.
        let long = format!("https://example.com/{}", "x".repeat(201));
        let r = ApplicationRequest::new()
            .sms_method(HttpMethod::Unknown("PUT".into()))
            .voice_url(long.as_str())
            .hangup_callback("https://example.com/h")
            .hangup_callback_method(HttpMethod::Get);
        let form = sdk_core::format::to_form(&r).expect("a form");
        assert!(form.contains("SmsMethod=PUT"), "{form}");
        assert!(form.contains(&"x".repeat(201)), "{form}");
        assert!(
            form.ends_with("HangupCallback=https%3A%2F%2Fexample.com%2Fh&HangupCallbackMethod=GET"),
            "{form}"
        );
    }
}
