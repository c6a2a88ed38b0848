//! System Manager (SMGR) elements: `/system-managers`.
//!
//! Create and update answer `202 Accepted` with `{"url": ".../<id>"}`; the element's
//! `status` moves from `IN_PROGRESS` to `SUCCESS` or `FAILED`, and the handle polls its GET.
//! Delete answers 202 and is done when the GET answers 404. The list is not paged.
//!
//! Accounts of the *AXP Private Extended Scale* deployment type cannot configure System
//! Managers; the error the server answers then is not documented.

use serde::{Deserialize, Serialize};

use sdk_core::model::{Secret, UnknownFields, check_required};
use sdk_core::{Accepted, Error, Method, PollStatus, Result};

use crate::common::{
    AcceptedUrl, ResourceStatus, accepted_at, accepted_url, classify_deleting, classify_resource,
    delete_async, list_resources,
};

const COLLECTION: &str = "/accounts/{accountId}/system-managers";
const ITEM: &str = "/accounts/{accountId}/system-managers/{systemManagerId}";

sdk_core::id_type! {
    /// The id of a System Manager element (`systemManagerId`).
    pub struct SystemManagerId;
}

sdk_core::string_enum! {
    /// Which of the two System Managers is active (`activeSystemManager`).
    pub enum ActiveSystemManager {
        /// The primary host.
        Primary = "PRIMARY",
        /// The secondary host (not shown by the document, which only shows `PRIMARY`).
        Secondary = "SECONDARY",
    }
}

/// A System Manager element as the server answers it.
///
/// The server returns both passwords in clear: they are [`Secret`]s, so `Debug` never
/// shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SystemManager {
    /// The element's id.
    pub id: SystemManagerId,
    /// The element's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The primary SMGR's host name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_hostname: Option<String>,
    /// The secondary SMGR's host name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secondary_hostname: Option<String>,
    /// The SMGR login.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// The SMGR password, as the server returns it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<Secret>,
    /// The enrollment password, as the server returns it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enrollment_password: Option<Secret>,
    /// Which SMGR is active.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active_system_manager: Option<ActiveSystemManager>,
    /// Whether the SMGR issues the certificates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub use_for_certs: Option<bool>,
    /// Where its configuration stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ResourceStatus>,
    /// Fields the SDK does not name, kept as the server sent them (sent back by an update
    /// built from this value).
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

/// The body of a System Manager create or update (an update replaces the element).
///
/// ```
/// use axp_voice::system_managers::{ActiveSystemManager, SystemManagerRequest};
///
/// let smgr = SystemManagerRequest::new(
///     "SMGR for Production",
///     "Production SMGR",
///     "dc1-smgr96.avayacloud.stage",
///     "dc2-smgr97.avayacloud.stage",
/// )
/// .credentials("dummyUser", "dummypassword", "testpassword")
/// .active(ActiveSystemManager::Primary)
/// .use_for_certs(true);
/// assert!(!format!("{smgr:?}").contains("dummypassword"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SystemManagerRequest {
    /// The element's name (required).
    pub name: String,
    /// Free text (required).
    pub description: String,
    /// The primary SMGR's host name (required).
    pub primary_hostname: String,
    /// The secondary SMGR's host name (required).
    pub secondary_hostname: String,
    /// The SMGR login (required).
    pub username: String,
    /// The SMGR password (required).
    pub password: Secret,
    /// The enrollment password (required).
    pub enrollment_password: Secret,
    /// Which SMGR is active.
    pub active_system_manager: ActiveSystemManager,
    /// Whether the SMGR issues the certificates (required by create; the document's
    /// update leaves it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub use_for_certs: Option<bool>,
    /// Fields of the read resource that the SDK does not name, sent back as they came: filled
    /// when this body is built from a read [`SystemManager`], empty otherwise.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

impl SystemManagerRequest {
    /// An element with its hosts, `PRIMARY` active; set the
    /// [`credentials`](Self::credentials) (required) and, for a create,
    /// [`use_for_certs`](Self::use_for_certs).
    pub fn new(
        name: impl Into<String>,
        description: impl Into<String>,
        primary_hostname: impl Into<String>,
        secondary_hostname: impl Into<String>,
    ) -> Self {
        SystemManagerRequest {
            name: name.into(),
            description: description.into(),
            primary_hostname: primary_hostname.into(),
            secondary_hostname: secondary_hostname.into(),
            username: String::new(),
            password: Secret::new(""),
            enrollment_password: Secret::new(""),
            active_system_manager: ActiveSystemManager::Primary,
            use_for_certs: None,
            unknown_fields: UnknownFields::new(),
        }
    }

    /// Sets the login, its password and the enrollment password.
    pub fn credentials(
        mut self,
        username: impl Into<String>,
        password: impl Into<Secret>,
        enrollment_password: impl Into<Secret>,
    ) -> Self {
        self.username = username.into();
        self.password = password.into();
        self.enrollment_password = enrollment_password.into();
        self
    }

    /// Sets which SMGR is active.
    pub fn active(mut self, active: ActiveSystemManager) -> Self {
        self.active_system_manager = active;
        self
    }

    /// Sets whether the SMGR issues the certificates.
    pub fn use_for_certs(mut self, yes: bool) -> Self {
        self.use_for_certs = Some(yes);
        self
    }

    fn check(&self, create: bool) -> Result<()> {
        check_required("name", &self.name)?;
        check_required("description", &self.description)?;
        check_required("primaryHostname", &self.primary_hostname)?;
        check_required("secondaryHostname", &self.secondary_hostname)?;
        check_required("username", &self.username)?;
        check_required("password", self.password.expose())?;
        check_required("enrollmentPassword", self.enrollment_password.expose())?;
        check_required("activeSystemManager", self.active_system_manager.as_str())?;
        if create && self.use_for_certs.is_none() {
            return Err(Error::invalid_input("useForCerts", "required"));
        }
        Ok(())
    }
}

impl From<&SystemManager> for SystemManagerRequest {
    /// The element as an update body, to change a field and send it back: every field it
    /// names but `useForCerts` (which the document's update leaves out and the element
    /// keeps), its id and status, and the fields the SDK does not name. An element read
    /// without one of the required fields gives a body whose update is refused before
    /// sending.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::system_managers::{ActiveSystemManager, SystemManagerRequest};
    ///
    /// let smgrs = client.account("ABCDEF").system_managers();
    /// let smgr = smgrs.get("7c1d").await?;
    /// let update = SystemManagerRequest::from(&smgr).active(ActiveSystemManager::Secondary);
    /// smgrs.update(&smgr.id, &update).await?.wait().await?;
    /// # Ok(()) }
    /// ```
    fn from(smgr: &SystemManager) -> Self {
        let secret = |s: &Option<Secret>| s.clone().unwrap_or_else(|| Secret::new(""));
        SystemManagerRequest {
            name: smgr.name.clone().unwrap_or_default(),
            description: smgr.description.clone().unwrap_or_default(),
            primary_hostname: smgr.primary_hostname.clone().unwrap_or_default(),
            secondary_hostname: smgr.secondary_hostname.clone().unwrap_or_default(),
            username: smgr.username.clone().unwrap_or_default(),
            password: secret(&smgr.password),
            enrollment_password: secret(&smgr.enrollment_password),
            active_system_manager: smgr
                .active_system_manager
                .clone()
                .unwrap_or_else(|| ActiveSystemManager::Unknown(String::new())),
            use_for_certs: None,
            unknown_fields: smgr.unknown_fields.clone(),
        }
    }
}

fn classify(s: &SystemManager) -> PollStatus {
    let message = s.unknown_fields.failure_message(None);
    classify_resource(s.status.as_ref(), message.as_deref())
}

fn classify_gone(s: &SystemManager) -> PollStatus {
    let message = s.unknown_fields.failure_message(None);
    classify_deleting(s.status.as_ref(), message.as_deref())
}

sdk_core::scope_type! {
    /// The System Manager elements of an account.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// let smgrs = client.account("ABCDEF").system_managers();
    /// for smgr in smgrs.list().await? {
    ///     println!("{} {:?} {:?}", smgr.id, smgr.active_system_manager, smgr.status);
    /// }
    /// # Ok(()) }
    /// ```
    SystemManagers
}

impl SystemManagers<'_> {
    /// Creates a System Manager element. Answers 202 with the element's `url`; `.wait()`
    /// on the handle polls its GET until `SUCCESS` (or fails with `FAILED`).
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::system_managers::SystemManagerRequest;
    ///
    /// let request = SystemManagerRequest::new(
    ///     "SMGR for Production",
    ///     "Production SMGR",
    ///     "dc1-smgr96.avayacloud.stage",
    ///     "dc2-smgr97.avayacloud.stage",
    /// )
    /// .credentials("dummyUser", "dummypassword", "testpassword")
    /// .use_for_certs(true);
    /// let smgr = client
    ///     .account("ABCDEF")
    ///     .system_managers()
    ///     .create(&request)
    ///     .await?
    ///     .wait()
    ///     .await?;
    /// # let _ = smgr;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) naming the field (an
    /// empty name, host, login or password, a missing `useForCerts`) before anything is
    /// sent; the server's answer otherwise. `.wait()` fails with
    /// [`ErrorKind::OperationFailed`](sdk_core::ErrorKind::OperationFailed) when the
    /// element ends `FAILED`, carrying the server's `statusMessage` (or `message`,
    /// `errorMessage`) in [`Error::vendor_message`].
    ///
    /// [`ErrorKind::Decode`](sdk_core::ErrorKind::Decode) when the 202 answer's url names no
    /// element: the request reached the server, so the element may exist.
    pub async fn create(
        &self,
        request: &SystemManagerRequest,
    ) -> Result<Accepted<AcceptedUrl, SystemManager>> {
        let spec = self
            .0
            .spec(Method::POST, "axp.system_managers.create", COLLECTION, &[])
            .validate(|| request.check(true))
            .json(request);
        let get_op = "axp.system_managers.get";
        accepted_url(&self.0, spec, get_op, ITEM, classify).await
    }

    /// Replaces a System Manager element; polled like a create. `useForCerts` may be left
    /// out, as the document's update does.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use std::time::Duration;
    ///
    /// use axp_voice::system_managers::{ActiveSystemManager, SystemManagerRequest};
    /// use sdk_core::PollPolicy;
    ///
    /// let smgrs = client.account("ABCDEF").system_managers();
    /// let smgr = smgrs.get("7c1d").await?;
    /// let update = SystemManagerRequest::from(&smgr).active(ActiveSystemManager::Primary);
    /// let updated = smgrs
    ///     .update(&smgr.id, &update)
    ///     .await?
    ///     .policy(PollPolicy::default().deadline(Duration::from_secs(300)))
    ///     .wait()
    ///     .await?;
    /// println!("{:?}", updated.status);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// As [`create`](Self::create).
    pub async fn update(
        &self,
        system_manager_id: impl AsRef<str>,
        request: &SystemManagerRequest,
    ) -> Result<Accepted<AcceptedUrl, SystemManager>> {
        let id = system_manager_id.as_ref();
        let spec = self
            .0
            .spec(Method::PUT, "axp.system_managers.update", ITEM, &[id])
            .validate(|| request.check(false))
            .json(request);
        let get_op = "axp.system_managers.get";
        accepted_at(&self.0, spec, id, get_op, ITEM, classify).await
    }

    /// Reads a System Manager element.
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) once it is deleted.
    pub async fn get(&self, system_manager_id: impl AsRef<str>) -> Result<SystemManager> {
        let id = system_manager_id.as_ref();
        let spec = self
            .0
            .spec(Method::GET, "axp.system_managers.get", ITEM, &[id]);
        self.0.execute(spec).await
    }

    /// Lists every System Manager element of the account (the list is not paged).
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn list(&self) -> Result<Vec<SystemManager>> {
        let spec = self
            .0
            .spec(Method::GET, "axp.system_managers.list", COLLECTION, &[]);
        list_resources(&self.0, spec).await
    }

    /// Deletes a System Manager element. Answers 202; `.wait()` on the handle polls its
    /// GET until it answers 404.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// let smgrs = client.account("ABCDEF").system_managers();
    /// smgrs.delete("7c1d").await?.wait().await?; // done once the GET answers 404
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// The server's answer. `.wait()` fails with
    /// [`ErrorKind::OperationFailed`](sdk_core::ErrorKind::OperationFailed) when the
    /// element shows `FAILED` while being deleted.
    pub async fn delete(&self, system_manager_id: impl AsRef<str>) -> Result<Accepted<(), ()>> {
        let id = system_manager_id.as_ref();
        let spec = self
            .0
            .spec(Method::DELETE, "axp.system_managers.delete", ITEM, &[id]);
        let get_op = "axp.system_managers.get";
        delete_async(&self.0, spec, get_op, ITEM, id, classify_gone).await
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use sdk_core::sim::{ListStyle, UpdateMode};
    // Merged updates: the document's update leaves out useForCerts, which the element
    // keeps.
    api.resource(
        crate::communication_managers::sim_resource(
            "system_managers",
            COLLECTION,
            &[
                "name",
                "description",
                "primaryHostname",
                "secondaryHostname",
                "username",
                "password",
                "enrollmentPassword",
                "activeSystemManager",
                "useForCerts",
            ],
        )
        .list(ListStyle::Wrapped("resources"))
        .update(UpdateMode::Merge),
    )
}
