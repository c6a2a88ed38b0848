//! Avaya Aura Device Services (AADS) elements: `/avaya-aura-device-services`, and the
//! account's OpenID Connect discovery URL (`:discoveryUrl`).
//!
//! Create, update and delete answer `202 Accepted` (create and update with
//! `{"url": ".../<id>"}`), and the document says to monitor the element's GET. But an AADS
//! element has no status field, so the SDK decides what "done" means:
//!
//! - create and update are done when the element's GET answers 200 (the handle returns the
//!   element at the first successful read; after an update it may still show the values
//!   from before, since nothing tells an applied update from a pending one). They cannot
//!   end in a failure status: there is none.
//! - delete is done when the GET answers 404 (or 204); until then each read is reported as
//!   the pending status `FOUND`.
//!
//! The list is not paged: it answers every element at once.

use serde::{Deserialize, Serialize};

use sdk_core::model::{NumOrStr, UnknownFields, check_required};
use sdk_core::{Accepted, Method, PollStatus, Result};

use crate::common::{AcceptedUrl, accepted_at, accepted_url, delete_async, list_resources};

const DISCOVERY_URL: &str = "/accounts/{accountId}/avaya-aura-device-services:discoveryUrl";

const COLLECTION: &str = "/accounts/{accountId}/avaya-aura-device-services";
const ITEM: &str = "/accounts/{accountId}/avaya-aura-device-services/{avayaAuraDeviceServiceId}";

/// The status the SDK reports for an AADS element that its GET answers (AADS elements
/// have no status field of their own).
pub const FOUND: &str = "FOUND";

sdk_core::id_type! {
    /// The id of an AADS element (`avayaAuraDeviceServiceId`; `id` in answers).
    pub struct AvayaAuraDeviceServiceId;
}

/// An AADS element as the server answers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AvayaAuraDeviceService {
    /// The element's id.
    pub id: AvayaAuraDeviceServiceId,
    /// The element's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The AADS host name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hostname: Option<String>,
    /// The AADS port: a number (`443`) in every answer the document shows, a string for
    /// Communication Managers; both are accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<NumOrStr>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The account's OpenID Connect discovery URL, for configuring AADS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oidc_discovery_url: Option<String>,
    /// Fields the SDK does not name, kept as the server sent them (sent back by an update
    /// built from this value).
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

/// The body of an AADS create or update (an update sends every field again).
///
/// ```
/// use axp_voice::device_services::AvayaAuraDeviceServiceRequest;
///
/// let aads = AvayaAuraDeviceServiceRequest::new("AADS", "AADS Server", "aads.avaya.com", 443);
/// # let _ = aads;
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AvayaAuraDeviceServiceRequest {
    /// The element's name (required).
    pub name: String,
    /// The AADS host name (required).
    pub hostname: String,
    /// The AADS port (required), sent as a number as the document shows (`443`).
    pub port: u16,
    /// Free text (required).
    pub description: String,
    /// Fields of the read resource that the SDK does not name, sent back as they came: filled
    /// when this body is built from a read [`AvayaAuraDeviceService`], empty otherwise.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

impl AvayaAuraDeviceServiceRequest {
    /// An element.
    pub fn new(
        name: impl Into<String>,
        description: impl Into<String>,
        hostname: impl Into<String>,
        port: u16,
    ) -> Self {
        AvayaAuraDeviceServiceRequest {
            name: name.into(),
            hostname: hostname.into(),
            port,
            description: description.into(),
            unknown_fields: UnknownFields::new(),
        }
    }

    /// The required fields, present and not empty (a port of 0 is a port not given).
    fn check(&self) -> Result<()> {
        check_required("name", &self.name)?;
        check_required("description", &self.description)?;
        check_required("hostname", &self.hostname)?;
        if self.port == 0 {
            return Err(sdk_core::Error::invalid_input("port", "required"));
        }
        Ok(())
    }
}

impl From<&AvayaAuraDeviceService> for AvayaAuraDeviceServiceRequest {
    /// The element as an update body, to change a field and send it back: every field it
    /// names but the discovery URL (the server's own), and the fields the SDK does not name.
    /// An element read without a name, description, host name or port (or with a port that
    /// is not a number from 1 to 65535) gives a body whose update is refused before sending.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::device_services::AvayaAuraDeviceServiceRequest;
    ///
    /// let aads = client.account("ABCDEF").avaya_aura_device_services();
    /// let element = aads.get("a1b2").await?;
    /// let mut update = AvayaAuraDeviceServiceRequest::from(&element);
    /// update.hostname = "aads2.avaya.com".into();
    /// aads.update(&element.id, &update).await?.wait().await?;
    /// # Ok(()) }
    /// ```
    fn from(element: &AvayaAuraDeviceService) -> Self {
        let port = element.port.as_ref().and_then(NumOrStr::as_u64);
        AvayaAuraDeviceServiceRequest {
            name: element.name.clone().unwrap_or_default(),
            hostname: element.hostname.clone().unwrap_or_default(),
            port: port.and_then(|p| u16::try_from(p).ok()).unwrap_or(0),
            description: element.description.clone().unwrap_or_default(),
            unknown_fields: element.unknown_fields.clone(),
        }
    }
}

/// The answer of [`AvayaAuraDeviceServices::get_discovery_url`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DiscoveryUrl {
    /// The account's OpenID Connect discovery URL
    /// (`https://{region}.cc.avayacloud.com/auth/realms/{accountId}/.well-known/openid-configuration`).
    pub oidc_discovery_url: String,
    /// Fields the SDK does not name, kept as the server sent them.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

/// Any answer of the GET means the element exists: create and update are done.
fn classify(_: &AvayaAuraDeviceService) -> PollStatus {
    PollStatus::Succeeded(FOUND.to_owned())
}

/// While deleting, any answer of the GET means "not yet".
fn classify_gone(_: &serde::de::IgnoredAny) -> PollStatus {
    PollStatus::Pending(FOUND.to_owned())
}

sdk_core::scope_type! {
    /// The Avaya Aura Device Services elements of an account.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// let aads = client.account("ABCDEF").avaya_aura_device_services();
    /// for element in aads.list().await? {
    ///     println!("{} {:?}:{:?}", element.id, element.hostname, element.port);
    /// }
    /// # Ok(()) }
    /// ```
    AvayaAuraDeviceServices
}

impl AvayaAuraDeviceServices<'_> {
    /// Creates an AADS element. Answers 202 with the element's `url`; `.wait()` on the
    /// handle reads its GET until it answers 200 (AADS elements have no status: see the
    /// [module docs](self)).
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::device_services::AvayaAuraDeviceServiceRequest;
    ///
    /// let aads = client.account("ABCDEF").avaya_aura_device_services();
    /// let request = AvayaAuraDeviceServiceRequest::new("AADS", "AADS Server", "aads.avaya.com", 443);
    /// let element = aads.create(&request).await?.wait().await?;
    /// println!("{:?}", element.oidc_discovery_url);
    /// let discovery = aads.get_discovery_url().await?;
    /// # let _ = discovery;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) naming the field (an
    /// empty name, description or host name, a port of 0) before anything is sent; the server's answer
    /// otherwise. `.wait()` fails with the GET's error (such as a 404) or
    /// [`ErrorKind::PollTimeout`](sdk_core::ErrorKind::PollTimeout).
    ///
    /// [`ErrorKind::Decode`](sdk_core::ErrorKind::Decode) when the 202 answer's url names no
    /// element: the request reached the server, so the element may exist.
    pub async fn create(
        &self,
        request: &AvayaAuraDeviceServiceRequest,
    ) -> Result<Accepted<AcceptedUrl, AvayaAuraDeviceService>> {
        let spec = self
            .0
            .spec(
                Method::POST,
                "axp.avaya_aura_device_services.create",
                COLLECTION,
                &[],
            )
            .validate(|| request.check())
            .json(request);
        let get_op = "axp.avaya_aura_device_services.get";
        accepted_url(&self.0, spec, get_op, ITEM, classify).await
    }

    /// Replaces an AADS element. `.wait()` returns the element at the first successful
    /// read of its GET, which may not show the update yet.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::device_services::AvayaAuraDeviceServiceRequest;
    ///
    /// let aads = client.account("ABCDEF").avaya_aura_device_services();
    /// let request =
    ///     AvayaAuraDeviceServiceRequest::new("AADS", "AADS Server", "aads2.avaya.com", 443);
    /// let element = aads.update("a1b2", &request).await?.wait().await?;
    /// println!("{:?}", element.hostname); // may still show the previous host
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// As [`create`](Self::create).
    pub async fn update(
        &self,
        avaya_aura_device_service_id: impl AsRef<str>,
        request: &AvayaAuraDeviceServiceRequest,
    ) -> Result<Accepted<AcceptedUrl, AvayaAuraDeviceService>> {
        let id = avaya_aura_device_service_id.as_ref();
        let spec = self
            .0
            .spec(
                Method::PUT,
                "axp.avaya_aura_device_services.update",
                ITEM,
                &[id],
            )
            .validate(|| request.check())
            .json(request);
        let get_op = "axp.avaya_aura_device_services.get";
        accepted_at(&self.0, spec, id, get_op, ITEM, classify).await
    }

    /// Reads an AADS element.
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) once it is deleted.
    pub async fn get(
        &self,
        avaya_aura_device_service_id: impl AsRef<str>,
    ) -> Result<AvayaAuraDeviceService> {
        let id = avaya_aura_device_service_id.as_ref();
        let spec = self.0.spec(
            Method::GET,
            "axp.avaya_aura_device_services.get",
            ITEM,
            &[id],
        );
        self.0.execute(spec).await
    }

    /// Lists every AADS element of the account (the list is not paged).
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn list(&self) -> Result<Vec<AvayaAuraDeviceService>> {
        let spec = self.0.spec(
            Method::GET,
            "axp.avaya_aura_device_services.list",
            COLLECTION,
            &[],
        );
        list_resources(&self.0, spec).await
    }

    /// Deletes an AADS element. Answers 202; `.wait()` on the handle polls its GET until
    /// it answers 404.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// let aads = client.account("ABCDEF").avaya_aura_device_services();
    /// aads.delete("a1b2").await?.wait().await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// The server's answer. `.wait()` fails with
    /// [`ErrorKind::PollTimeout`](sdk_core::ErrorKind::PollTimeout) (last status `FOUND`)
    /// when the element is still there at the deadline; it never fails by status.
    pub async fn delete(
        &self,
        avaya_aura_device_service_id: impl AsRef<str>,
    ) -> Result<Accepted<(), ()>> {
        let id = avaya_aura_device_service_id.as_ref();
        let spec = self.0.spec(
            Method::DELETE,
            "axp.avaya_aura_device_services.delete",
            ITEM,
            &[id],
        );
        let get_op = "axp.avaya_aura_device_services.get";
        delete_async(&self.0, spec, get_op, ITEM, id, classify_gone).await
    }

    /// Reads the account's OpenID Connect discovery URL (`:discoveryUrl`), to configure
    /// AADS; it needs no element.
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn get_discovery_url(&self) -> Result<DiscoveryUrl> {
        let spec = self.0.spec(
            Method::GET,
            "axp.avaya_aura_device_services.get_discovery_url",
            DISCOVERY_URL,
            &[],
        );
        self.0.execute(spec).await
    }
}

/// The simulator's name of the resource.
#[cfg(feature = "simulator")]
pub(crate) const SIM_RESOURCE: &str = "avaya_aura_device_services";

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use sdk_core::sim::{ListStyle, Reply, ReplyBody, Resource, UpdateMode};
    use serde_json::json;

    // No status field, hence no lifecycle: the element answers at once, and answers one
    // more read after a delete before the 404.
    api.resource(
        Resource::new(SIM_RESOURCE, COLLECTION)
            .required(&["name", "description", "hostname", "port"])
            .list(ListStyle::Wrapped("resources"))
            .update(UpdateMode::Replace)
            .create_status(202)
            .create_body(ReplyBody::Url)
            .update_status(202)
            .update_body(ReplyBody::Url)
            .delete_status(202)
            .long_running_delete(1),
    )
    .action(Method::GET, DISCOVERY_URL, |_, req| {
        let account = req.param("accountId").unwrap_or_default();
        let host = req
            .headers
            .get("host")
            .and_then(|h| h.to_str().ok())
            .unwrap_or("127.0.0.1");
        Reply::json(
            200,
            &json!({
                "oidcDiscoveryUrl":
                    format!("http://{host}/auth/realms/{account}/.well-known/openid-configuration")
            }),
        )
    })
}
