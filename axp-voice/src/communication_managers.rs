//! Communication Manager elements: `/communication-managers`.
//!
//! Create and update answer `202 Accepted` with `{"url": ".../<id>"}`; the element's
//! `status` moves from `IN_PROGRESS` to `SUCCESS` or `FAILED`, and the handle polls its GET.
//! Delete answers 202 too and is done when the GET answers 404. The list is paged.
//!
//! The other hybrid elements (AADS, Hybrid Cloud Gateways, System Managers) share this
//! shape, written on the helpers of [`common`](crate::common).
//!
//! For accounts whose Hybrid Voice deployment type is *AXP Private* or *AXP Private
//! Extended Scale*, `hostname`, `port`, `username` and `password` are optional, and
//! answers may leave them out. The API does not tell which deployment type an account has,
//! so the SDK never requires them.

use serde::{Deserialize, Serialize};

use sdk_core::ensure::{Change, Desired, Ensure, Field};
use sdk_core::model::{NumOrStr, Secret, UnknownFields, check_required};
use sdk_core::{Accepted, Method, Paginator, PollStatus, Result};

use crate::common::{
    AcceptedUrl, ResourceStatus, accepted_at, accepted_url, classify_deleting, classify_resource,
    delete_async,
};
use crate::hybrid_cloud_gateways::HybridCloudGatewayId;

const COLLECTION: &str = "/accounts/{accountId}/communication-managers";
const ITEM: &str = "/accounts/{accountId}/communication-managers/{communicationManagerId}";

sdk_core::id_type! {
    /// The id of a Communication Manager element (`communicationManagerId`).
    pub struct CommunicationManagerId;
}

sdk_core::string_enum! {
    /// The Communication Manager release (`version`).
    pub enum CommunicationManagerVersion {
        /// Release 10.x.
        V10X = "V10_X",
    }
}

/// A Communication Manager element as the server answers it.
///
/// The server returns the password in clear: it is a [`Secret`], so `Debug` never shows
/// it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CommunicationManagerElement {
    /// The element's id.
    pub id: CommunicationManagerId,
    /// The element's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The CM's host name (may be absent for AXP Private deployments).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hostname: Option<String>,
    /// The CM's port: a string (`"5022"`) in every answer the document shows, a number
    /// for AADS; both are accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<NumOrStr>,
    /// The CM login (may be absent for AXP Private deployments).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// The CM password, as the server returns it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<Secret>,
    /// The CM release.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<CommunicationManagerVersion>,
    /// The Hybrid Cloud Gateway the CM is reached through.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hybrid_cloud_gateway_id: Option<HybridCloudGatewayId>,
    /// Where its configuration stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ResourceStatus>,
    /// Fields the SDK does not name, kept as the server sent them (sent back by an update
    /// built from this value).
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

sdk_core::listed!(CommunicationManagerElement = "resources");

/// The body of a Communication Manager create or update (an update replaces the element).
///
/// ```
/// use axp_voice::communication_managers::{CommunicationManagerRequest, CommunicationManagerVersion};
///
/// let cm = CommunicationManagerRequest::new(
///     "Communication Manager For Production",
///     "Production CM",
///     "3987iuy7-3dfb-4606-ae79-fd0te0be3e23",
/// )
/// .connection("dc1-cm96.avayacloud.stage", 5022, "cust", "testpassword")
/// .version(CommunicationManagerVersion::V10X);
/// assert_eq!(cm.port.as_deref(), Some("5022"));
/// assert!(!format!("{cm:?}").contains("testpassword"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CommunicationManagerRequest {
    /// The element's name (required).
    pub name: String,
    /// Free text (required).
    pub description: String,
    /// The CM's host name (required unless the account is an AXP Private deployment).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hostname: Option<String>,
    /// The CM's port, sent as a string as the document shows (`"5022"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<String>,
    /// The CM login (required unless the account is an AXP Private deployment).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// The CM password (required unless the account is an AXP Private deployment).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<Secret>,
    /// The CM release.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<CommunicationManagerVersion>,
    /// The Hybrid Cloud Gateway the CM is reached through (required).
    pub hybrid_cloud_gateway_id: HybridCloudGatewayId,
    /// Fields of the read resource that the SDK does not name, sent back as they came: filled
    /// when this body is built from a read [`CommunicationManagerElement`], empty otherwise.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

impl CommunicationManagerRequest {
    /// An element with no connection details (enough for AXP Private deployments; add
    /// [`connection`](Self::connection) otherwise).
    pub fn new(
        name: impl Into<String>,
        description: impl Into<String>,
        hybrid_cloud_gateway_id: impl Into<HybridCloudGatewayId>,
    ) -> Self {
        CommunicationManagerRequest {
            name: name.into(),
            description: description.into(),
            hostname: None,
            port: None,
            username: None,
            password: None,
            version: None,
            hybrid_cloud_gateway_id: hybrid_cloud_gateway_id.into(),
            unknown_fields: UnknownFields::new(),
        }
    }

    /// Sets how the voice service reaches the CM.
    pub fn connection(
        mut self,
        hostname: impl Into<String>,
        port: u16,
        username: impl Into<String>,
        password: impl Into<Secret>,
    ) -> Self {
        self.hostname = Some(hostname.into());
        self.port = Some(port.to_string());
        self.username = Some(username.into());
        self.password = Some(password.into());
        self
    }

    /// Sets the CM release.
    pub fn version(mut self, version: CommunicationManagerVersion) -> Self {
        self.version = Some(version);
        self
    }

    fn check(&self) -> Result<()> {
        check_required("name", &self.name)?;
        check_required("description", &self.description)?;
        check_required(
            "hybridCloudGatewayId",
            self.hybrid_cloud_gateway_id.as_str(),
        )
    }
}

impl From<&CommunicationManagerElement> for CommunicationManagerRequest {
    /// The element as an update body, to change a field and send it back: every field it
    /// names (the port as text, as the document sends it) and the fields the SDK does not
    /// name. An element read without a name, description or gateway gives a body whose
    /// update is refused before sending.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::communication_managers::CommunicationManagerRequest;
    ///
    /// let cms = client.account("ABCDEF").communication_managers();
    /// let cm = cms.get("4d11").await?;
    /// let mut update = CommunicationManagerRequest::from(&cm);
    /// update.description = "Production CM, second site".into();
    /// cms.update(&cm.id, &update).await?.wait().await?;
    /// # Ok(()) }
    /// ```
    fn from(cm: &CommunicationManagerElement) -> Self {
        CommunicationManagerRequest {
            name: cm.name.clone().unwrap_or_default(),
            description: cm.description.clone().unwrap_or_default(),
            hostname: cm.hostname.clone(),
            port: cm.port.as_ref().map(NumOrStr::to_string),
            username: cm.username.clone(),
            password: cm.password.clone(),
            version: cm.version.clone(),
            hybrid_cloud_gateway_id: cm
                .hybrid_cloud_gateway_id
                .clone()
                .unwrap_or_else(|| HybridCloudGatewayId::new("")),
            unknown_fields: cm.unknown_fields.clone(),
        }
    }
}

fn classify(cm: &CommunicationManagerElement) -> PollStatus {
    let message = cm.unknown_fields.failure_message(None);
    classify_resource(cm.status.as_ref(), message.as_deref())
}

fn classify_gone(cm: &CommunicationManagerElement) -> PollStatus {
    let message = cm.unknown_fields.failure_message(None);
    classify_deleting(cm.status.as_ref(), message.as_deref())
}

sdk_core::scope_type! {
    /// The Communication Manager elements of an account.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// let cms = client.account("ABCDEF").communication_managers();
    /// let cm = cms.get("4d11").await?;
    /// println!("{:?} {:?} {:?}", cm.name, cm.hostname, cm.status);
    /// # Ok(()) }
    /// ```
    CommunicationManagers
}

impl CommunicationManagers<'_> {
    /// Creates a Communication Manager element. Answers 202 with the element's `url`;
    /// `.wait()` on the handle polls its GET until `SUCCESS` (or fails with `FAILED`).
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::communication_managers::CommunicationManagerRequest;
    ///
    /// let cms = client.account("ABCDEF").communication_managers();
    /// let request = CommunicationManagerRequest::new("CM4696", "Production CM", "3987iuy7-3dfb")
    ///     .connection("dc1-cm96.avayacloud.stage", 5022, "cust", "testpassword");
    /// let cm = cms.create(&request).await?.wait().await?;
    /// println!("{} is {:?}", cm.id, cm.status);
    /// cms.delete(&cm.id).await?.wait().await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) naming the field (an
    /// empty name, description or gateway id) before anything is sent; the server's answer
    /// otherwise. `.wait()` fails with
    /// [`ErrorKind::OperationFailed`](sdk_core::ErrorKind::OperationFailed) when the
    /// element ends `FAILED`, carrying the server's `statusMessage` (or `message`,
    /// `errorMessage`) in [`Error::vendor_message`](sdk_core::Error::vendor_message).
    ///
    /// [`ErrorKind::Decode`](sdk_core::ErrorKind::Decode) when the 202 answer's url names no
    /// element: the request reached the server, so the element may exist.
    pub async fn create(
        &self,
        request: &CommunicationManagerRequest,
    ) -> Result<Accepted<AcceptedUrl, CommunicationManagerElement>> {
        let spec = self
            .0
            .spec(
                Method::POST,
                "axp.communication_managers.create",
                COLLECTION,
                &[],
            )
            .validate(|| request.check())
            .json(request);
        let get_op = "axp.communication_managers.get";
        accepted_url(&self.0, spec, get_op, ITEM, classify).await
    }

    /// Replaces a Communication Manager element (fields left out are removed); polled
    /// like a create.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::communication_managers::CommunicationManagerRequest;
    ///
    /// let cms = client.account("ABCDEF").communication_managers();
    /// let request = CommunicationManagerRequest::new("CM4696", "Production CM", "3987iuy7-3dfb")
    ///     .connection("dc1-cm96.avayacloud.stage", 5022, "cust", "testpassword");
    /// let cm = cms.update("4d11", &request).await?.wait().await?;
    /// println!("{:?}", cm.status);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// As [`create`](Self::create).
    pub async fn update(
        &self,
        communication_manager_id: impl AsRef<str>,
        request: &CommunicationManagerRequest,
    ) -> Result<Accepted<AcceptedUrl, CommunicationManagerElement>> {
        let id = communication_manager_id.as_ref();
        let spec = self
            .0
            .spec(
                Method::PUT,
                "axp.communication_managers.update",
                ITEM,
                &[id],
            )
            .validate(|| request.check())
            .json(request);
        let get_op = "axp.communication_managers.get";
        accepted_at(&self.0, spec, id, get_op, ITEM, classify).await
    }

    /// Reads a Communication Manager element.
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) once it is deleted.
    pub async fn get(
        &self,
        communication_manager_id: impl AsRef<str>,
    ) -> Result<CommunicationManagerElement> {
        let id = communication_manager_id.as_ref();
        let spec = self
            .0
            .spec(Method::GET, "axp.communication_managers.get", ITEM, &[id]);
        self.0.execute(spec).await
    }

    /// Lists the account's Communication Manager elements, page by page.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use sdk_core::futures_util::TryStreamExt;
    ///
    /// let mut cms = client.account("ABCDEF").communication_managers().list().items();
    /// while let Some(cm) = cms.try_next().await? {
    ///     println!("{} {:?} {:?}", cm.id, cm.name, cm.status);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self) -> Paginator<CommunicationManagerElement> {
        let spec = self.0.spec(
            Method::GET,
            "axp.communication_managers.list",
            COLLECTION,
            &[],
        );
        self.0.paginator(spec)
    }

    /// Deletes a Communication Manager element. Answers 202; `.wait()` on the handle polls
    /// its GET until it answers 404.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// let cms = client.account("ABCDEF").communication_managers();
    /// cms.delete("4d11").await?.wait().await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// The server's answer. `.wait()` fails with
    /// [`ErrorKind::OperationFailed`](sdk_core::ErrorKind::OperationFailed) when the
    /// element shows `FAILED` while being deleted.
    pub async fn delete(
        &self,
        communication_manager_id: impl AsRef<str>,
    ) -> Result<Accepted<(), ()>> {
        let id = communication_manager_id.as_ref();
        let spec = self.0.spec(
            Method::DELETE,
            "axp.communication_managers.delete",
            ITEM,
            &[id],
        );
        let get_op = "axp.communication_managers.get";
        delete_async(&self.0, spec, get_op, ITEM, id, classify_gone).await
    }
}

impl Desired for CommunicationManagerRequest {
    type Live = CommunicationManagerElement;
    const KIND: &'static str = "communication manager";
    /// The name: what people call a CM by, and what the console shows; the id is the
    /// service's.
    const KEY: Field = Field::new("name");
    const FIELDS: &'static [Field] = &[
        Field::new("description"),
        Field::new("hostname"),
        Field::new("port"),
        Field::new("username"),
        Field::new("password").secret(),
        Field::new("version"),
        Field::new("hybridCloudGatewayId"),
    ];
}

/// Communication Managers are ensured by name; a create or an update is awaited until the
/// element is `SUCCESS`, and an update starts from the live element, so the fields the SDK
/// does not name are sent back.
///
/// ```no_run
/// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
/// use axp_voice::communication_managers::CommunicationManagerRequest;
/// use axp_voice::ensure::Ensure;
///
/// let cms = client.account("ABCDEF").communication_managers();
/// let desired = CommunicationManagerRequest::new("CM4696", "Production CM", "3987iuy7-3dfb")
///     .connection("dc1-cm96.avayacloud.stage", 5022, "cust", "testpassword");
/// let outcome = cms.ensure(&desired).await?;
/// println!("{} {}", outcome.verb(), outcome.resource().id);
/// # Ok(()) }
/// ```
impl Ensure<CommunicationManagerRequest> for CommunicationManagers<'_> {
    async fn find(&self, _keys: &[String]) -> Result<Vec<CommunicationManagerElement>> {
        self.list().collect_all().await
    }

    async fn create(
        &self,
        desired: &CommunicationManagerRequest,
    ) -> Result<CommunicationManagerElement> {
        self.create(desired).await?.wait().await
    }

    async fn update(
        &self,
        live: &CommunicationManagerElement,
        desired: &CommunicationManagerRequest,
        _changes: &[Change],
    ) -> Result<CommunicationManagerElement> {
        let body = desired.apply_to(&CommunicationManagerRequest::from(live))?;
        self.update(&live.id, &body).await?.wait().await
    }

    async fn delete(&self, live: &CommunicationManagerElement) -> Result<()> {
        self.delete(&live.id).await?.wait().await
    }
}

/// The simulator's name of the resource.
#[cfg(feature = "simulator")]
pub(crate) const SIM_RESOURCE: &str = "communication_managers";

/// The simulator of a hybrid element family with a status: 202 `{url}` for create and
/// update, 202 for delete, then 404 after one more read.
#[cfg(feature = "simulator")]
pub(crate) fn sim_resource(
    name: &str,
    collection: &str,
    required: &[&str],
) -> sdk_core::sim::Resource {
    use sdk_core::sim::{LongRunning, ReplyBody, Resource};
    Resource::new(name, collection)
        .required(required)
        .create_status(202)
        .create_body(ReplyBody::Url)
        .update_status(202)
        .update_body(ReplyBody::Url)
        .delete_status(202)
        .long_running(LongRunning::new("status", "IN_PROGRESS", "SUCCESS", "FAILED").polls(2))
        .long_running_delete(1)
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use sdk_core::sim::{ListStyle, UpdateMode};
    api.resource(
        sim_resource(
            SIM_RESOURCE,
            COLLECTION,
            &["name", "description", "hybridCloudGatewayId"],
        )
        .list(ListStyle::PageNumber {
            items_key: "resources",
        })
        .update(UpdateMode::Replace),
    )
}
