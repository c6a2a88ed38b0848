//! Reason codes of a Communication Manager:
//! `/communication-managers/{communicationManagerId}/reason-codes`.
//!
//! Codes are propagated to the Communication Manager "at some point in time", so create,
//! update and delete all answer `202 Accepted`: create and update with `{"url": ".../<id>"}`,
//! delete with no body. The handles poll the code's GET: `status` moves from `IN_PROGRESS`
//! to `SUCCESS` (done) or `FAILED`; a deletion is done when the GET answers 404.

use serde::{Deserialize, Serialize};

use sdk_core::ensure::{Change, Desired, Ensure, Field};
use sdk_core::model::{UnknownFields, check_required};
use sdk_core::{Accepted, Method, Paginator, PollStatus, Result};

use crate::common::{
    AcceptedUrl, ResourceStatus, accepted_url, classify_deleting, classify_resource, delete_async,
};

const COLLECTION: &str =
    "/accounts/{accountId}/communication-managers/{communicationManagerId}/reason-codes";
const ITEM: &str = "/accounts/{accountId}/communication-managers/{communicationManagerId}/reason-codes/{reasonCodeId}";

sdk_core::id_type! {
    /// The id of a reason code (`reasonCodeId`).
    pub struct ReasonCodeId;
}

sdk_core::string_enum! {
    /// The kind of reason code (`codeType`).
    pub enum ReasonCodeType {
        /// Chosen by an agent moving into Not Ready.
        NotReady = "NOT_READY",
        /// Chosen by an agent logging out.
        Logout = "LOGOUT",
        /// Tracks a customer-defined event during a call.
        CallWorkCodes = "CALL_WORK_CODES",
    }
}

sdk_core::string_enum! {
    /// A system-defined behaviour of a Not Ready code (`systemDefinedAttributes`).
    pub enum SystemDefinedAttribute {
        /// "Work on Digital": exactly one Not Ready code of a Communication Manager carries
        /// it, and that code carries no other attribute.
        WorkingOnDigital = "WORKING_ON_DIGITAL",
    }
}

/// A reason code as the server answers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ReasonCode {
    /// The code's id.
    pub reason_code_id: ReasonCodeId,
    /// The name, such as `Lunch`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_name: Option<String>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The code number, digits as a string (`"89"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_number: Option<String>,
    /// The kind of code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_type: Option<ReasonCodeType>,
    /// Whether the code may be interrupted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_interruptible: Option<bool>,
    /// System-defined behaviours (Not Ready codes only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system_defined_attributes: Option<Vec<SystemDefinedAttribute>>,
    /// The organisation node (undocumented; shown in the examples).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_node_id: Option<String>,
    /// Where its propagation to the Communication Manager stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ResourceStatus>,
    /// Fields the SDK does not name, kept as the server sent them (sent back by an update
    /// built from this value).
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

sdk_core::listed!(ReasonCode = "resources");

/// The body of a reason-code create ([`NewReasonCode`]) or update ([`ReasonCodeUpdate`]):
/// the fields and setters both share, written once, and in [`specific`](Self::specific)
/// what only one of them sends.
///
/// ```
/// use axp_voice::reason_codes::{NewReasonCode, ReasonCodeType, ReasonCodeUpdate, SystemDefinedAttribute};
///
/// let lunch = NewReasonCode::new("Lunch", "89", ReasonCodeType::NotReady)
///     .description("Not Ready reason code for lunch break.")
///     .attribute(SystemDefinedAttribute::WorkingOnDigital);
/// assert_eq!(lunch.specific.code_number, "89");
/// let longer = ReasonCodeUpdate::new("Long lunch").interruptible(true);
/// assert!(longer.is_interruptible);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ReasonCodeRequest<T> {
    /// The name (required); `(codeName, codeNumber, codeType)` is unique.
    pub code_name: String,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// What only a create ([`CreateOnly`]: the number and type) or only an update
    /// ([`UpdateOnly`]: the fields kept from a read code) sends.
    #[serde(flatten)]
    pub specific: T,
    /// Whether the code may be interrupted.
    pub is_interruptible: bool,
    /// System-defined behaviours. The document's rules, which the service applies: only
    /// Not Ready codes carry them, exactly one Not Ready code of a Communication Manager
    /// carries `WORKING_ON_DIGITAL`, and that code carries no other attribute.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system_defined_attributes: Option<Vec<SystemDefinedAttribute>>,
    /// The organisation node (undocumented; shown in the examples).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_node_id: Option<String>,
}

/// What only a reason-code create sends: the code's number and type, which an update
/// cannot change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CreateOnly {
    /// The code number, digits as a string (required).
    pub code_number: String,
    /// The kind of code (required).
    pub code_type: ReasonCodeType,
}

/// What only a reason-code update sends: the fields of the read code that the SDK does
/// not name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateOnly {
    /// Fields of the read code that the SDK does not name, sent back as they came: filled
    /// when the update is built from a read [`ReasonCode`], empty otherwise.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

/// The body of [`ReasonCodes::create`].
///
/// ```
/// use axp_voice::reason_codes::{NewReasonCode, ReasonCodeType, SystemDefinedAttribute};
///
/// let lunch = NewReasonCode::new("Lunch", "89", ReasonCodeType::NotReady)
///     .description("Not Ready reason code for lunch break.")
///     .attribute(SystemDefinedAttribute::WorkingOnDigital);
/// # let _ = lunch;
/// ```
pub type NewReasonCode = ReasonCodeRequest<CreateOnly>;

/// The body of [`ReasonCodes::update`]: a complete replacement (fields left out are
/// removed). The code number and type are not part of it: the document's update leaves
/// them out. Build it from a read code (`ReasonCodeUpdate::from(&code)`) to keep what the
/// SDK does not name.
///
/// ```
/// use axp_voice::reason_codes::ReasonCodeUpdate;
///
/// let update = ReasonCodeUpdate::new("Long lunch").description("Lunch, extended.");
/// # let _ = update;
/// ```
pub type ReasonCodeUpdate = ReasonCodeRequest<UpdateOnly>;

impl<T> ReasonCodeRequest<T> {
    /// A body with no description, not interruptible, with no attribute.
    fn with(code_name: String, specific: T) -> Self {
        ReasonCodeRequest {
            code_name,
            description: None,
            specific,
            is_interruptible: false,
            system_defined_attributes: None,
            organization_node_id: None,
        }
    }

    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Sets whether the code may be interrupted.
    pub fn interruptible(mut self, yes: bool) -> Self {
        self.is_interruptible = yes;
        self
    }

    /// Adds a system-defined attribute.
    pub fn attribute(mut self, attribute: SystemDefinedAttribute) -> Self {
        self.system_defined_attributes
            .get_or_insert_with(Vec::new)
            .push(attribute);
        self
    }

    /// Sets the organisation node.
    pub fn organization_node_id(mut self, id: impl Into<String>) -> Self {
        self.organization_node_id = Some(id.into());
        self
    }
}

impl NewReasonCode {
    /// A code that cannot be interrupted, with no attribute.
    pub fn new(
        code_name: impl Into<String>,
        code_number: impl Into<String>,
        code_type: ReasonCodeType,
    ) -> Self {
        let specific = CreateOnly {
            code_number: code_number.into(),
            code_type,
        };
        Self::with(code_name.into(), specific)
    }

    /// The required fields, present and not empty; the attribute rules are the service's.
    fn check(&self) -> Result<()> {
        check_required("codeName", &self.code_name)?;
        check_required("codeNumber", &self.specific.code_number)?;
        check_required("codeType", self.specific.code_type.as_str())
    }
}

impl ReasonCodeUpdate {
    /// A replacement that cannot be interrupted, with no attribute.
    pub fn new(code_name: impl Into<String>) -> Self {
        Self::with(code_name.into(), UpdateOnly::default())
    }

    fn check(&self) -> Result<()> {
        check_required("codeName", &self.code_name)
    }
}

impl From<&ReasonCode> for ReasonCodeUpdate {
    /// The code as an update body, to change a field and send it back: its name,
    /// description, interruptibility, attributes and organisation node, and the fields the
    /// SDK does not name (the number and type stay, as the document's update leaves them
    /// out). A code read without a name gives a body whose update is refused before
    /// sending.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::reason_codes::ReasonCodeUpdate;
    ///
    /// let codes = client.account("ABCDEF").communication_manager("5e9be49a").reason_codes();
    /// let lunch = codes.get("4d11").await?;
    /// let update = ReasonCodeUpdate::from(&lunch).interruptible(true);
    /// codes.update(&lunch.reason_code_id, &update).await?.wait().await?;
    /// # Ok(()) }
    /// ```
    fn from(code: &ReasonCode) -> Self {
        ReasonCodeRequest {
            code_name: code.code_name.clone().unwrap_or_default(),
            description: code.description.clone(),
            specific: UpdateOnly {
                unknown_fields: code.unknown_fields.clone(),
            },
            is_interruptible: code.is_interruptible.unwrap_or(false),
            system_defined_attributes: code.system_defined_attributes.clone(),
            organization_node_id: code.organization_node_id.clone(),
        }
    }
}

fn classify(code: &ReasonCode) -> PollStatus {
    let message = code.unknown_fields.failure_message(None);
    classify_resource(code.status.as_ref(), message.as_deref())
}

fn classify_gone(code: &ReasonCode) -> PollStatus {
    let message = code.unknown_fields.failure_message(None);
    classify_deleting(code.status.as_ref(), message.as_deref())
}

sdk_core::scope_type! {
    /// Reason codes of a Communication Manager.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// let codes = client.account("ABCDEF").communication_manager("5e9be49a").reason_codes();
    /// let lunch = codes.get("4d11").await?;
    /// println!("{:?} {:?} {:?}", lunch.code_number, lunch.code_name, lunch.status);
    /// # Ok(()) }
    /// ```
    ReasonCodes
}

impl ReasonCodes<'_> {
    /// Creates a reason code. Answers 202 with its url; `.wait()` on the handle polls the
    /// code until `SUCCESS` (the id is the url's last segment, also in
    /// [`Accepted::id`]).
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::reason_codes::{NewReasonCode, ReasonCodeType};
    ///
    /// let codes = client.account("ABCDEF").communication_manager("5e9be49a").reason_codes();
    /// let lunch = codes
    ///     .create(&NewReasonCode::new("Lunch", "89", ReasonCodeType::NotReady))
    ///     .await?
    ///     .wait()
    ///     .await?;
    /// println!("{} is ready", lunch.reason_code_id);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) naming the field (an
    /// empty name, number or type) before anything is sent; the server's answer otherwise,
    /// such as its refusal of attributes on a code that is not Not Ready or of another
    /// attribute next to `WORKING_ON_DIGITAL`.
    /// `.wait()` fails with [`ErrorKind::OperationFailed`](sdk_core::ErrorKind::OperationFailed)
    /// when the code ends `FAILED`, carrying the server's `statusMessage` (or `message`,
    /// `errorMessage`) in [`Error::vendor_message`](sdk_core::Error::vendor_message).
    ///
    /// [`ErrorKind::Decode`](sdk_core::ErrorKind::Decode) when the 202 answer's url names no
    /// code: the request reached the server, so the code may exist.
    pub async fn create(
        &self,
        request: &NewReasonCode,
    ) -> Result<Accepted<AcceptedUrl, ReasonCode>> {
        let spec = self
            .0
            .spec(Method::POST, "axp.reason_codes.create", COLLECTION, &[])
            .validate(|| request.check())
            .json(request);
        accepted_url(&self.0, spec, "axp.reason_codes.get", ITEM, classify).await
    }

    /// Replaces a reason code (fields left out are removed); polled like a create.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::reason_codes::ReasonCodeUpdate;
    ///
    /// let codes = client.account("ABCDEF").communication_manager("5e9be49a").reason_codes();
    /// let update = ReasonCodeUpdate::new("Long lunch").description("Lunch, extended.");
    /// let code = codes.update("4d11", &update).await?.wait().await?;
    /// println!("{:?}", code.status);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// As [`create`](Self::create) (the update has no number or type: only an empty name
    /// is refused before sending).
    pub async fn update(
        &self,
        reason_code_id: impl AsRef<str>,
        request: &ReasonCodeUpdate,
    ) -> Result<Accepted<AcceptedUrl, ReasonCode>> {
        let spec = self
            .0
            .spec(
                Method::PUT,
                "axp.reason_codes.update",
                ITEM,
                &[reason_code_id.as_ref()],
            )
            .validate(|| request.check())
            .json(request);
        accepted_url(&self.0, spec, "axp.reason_codes.get", ITEM, classify).await
    }

    /// Deletes a reason code. Answers 202; `.wait()` on the handle polls the code until its
    /// GET answers 404 (or 204).
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// let codes = client.account("ABCDEF").communication_manager("5e9be49a").reason_codes();
    /// codes.delete("4d11").await?.wait().await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// The server's answer; `.wait()` fails with
    /// [`ErrorKind::OperationFailed`](sdk_core::ErrorKind::OperationFailed) when the code
    /// reads `FAILED` (or `PENDING_DELETE`) while being deleted.
    pub async fn delete(&self, reason_code_id: impl AsRef<str>) -> Result<Accepted<(), ()>> {
        let id = reason_code_id.as_ref();
        let spec = self
            .0
            .spec(Method::DELETE, "axp.reason_codes.delete", ITEM, &[id]);
        delete_async(
            &self.0,
            spec,
            "axp.reason_codes.get",
            ITEM,
            id,
            classify_gone,
        )
        .await
    }

    /// Reads one reason code.
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) once it is deleted.
    pub async fn get(&self, reason_code_id: impl AsRef<str>) -> Result<ReasonCode> {
        let spec = self.0.spec(
            Method::GET,
            "axp.reason_codes.get",
            ITEM,
            &[reason_code_id.as_ref()],
        );
        self.0.execute(spec).await
    }

    /// Lists the reason codes of the Communication Manager, page by page.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use sdk_core::futures_util::TryStreamExt;
    ///
    /// let codes = client.account("ABCDEF").communication_manager("5e9be49a").reason_codes();
    /// let mut all = codes.list().items();
    /// while let Some(code) = all.try_next().await? {
    ///     println!("{:?} {:?} {:?}", code.code_number, code.code_name, code.code_type);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self) -> Paginator<ReasonCode> {
        let spec = self
            .0
            .spec(Method::GET, "axp.reason_codes.list", COLLECTION, &[]);
        self.0.paginator(spec)
    }
}

impl Desired for NewReasonCode {
    type Live = ReasonCode;
    const KIND: &'static str = "reason code";
    /// The name, as agents see it. The number and type are set on create and compared
    /// never: the service's update cannot change them.
    const KEY: Field = Field::new("codeName");
    const FIELDS: &'static [Field] = &[
        Field::new("description"),
        Field::new("isInterruptible"),
        Field::new("systemDefinedAttributes"),
        Field::new("organizationNodeId"),
    ];
}

/// Reason codes are ensured by name within their Communication Manager; creates and
/// updates are awaited until `SUCCESS`, and an update starts from the live code.
///
/// ```no_run
/// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
/// use axp_voice::ensure::Ensure;
/// use axp_voice::reason_codes::{NewReasonCode, ReasonCodeType};
///
/// let codes = client.account("ABCDEF").communication_manager("5e9be49a").reason_codes();
/// let lunch = NewReasonCode::new("Lunch", "11", ReasonCodeType::NotReady).interruptible(true);
/// let outcome = codes.ensure(&lunch).await?;
/// for change in outcome.changes() {
///     println!("changed {change}");
/// }
/// # Ok(()) }
/// ```
impl Ensure<NewReasonCode> for ReasonCodes<'_> {
    async fn find(&self, _keys: &[String]) -> Result<Vec<ReasonCode>> {
        self.list().collect_all().await
    }

    async fn create(&self, desired: &NewReasonCode) -> Result<ReasonCode> {
        self.create(desired).await?.wait().await
    }

    async fn update(
        &self,
        live: &ReasonCode,
        desired: &NewReasonCode,
        _changes: &[Change],
    ) -> Result<ReasonCode> {
        let body = desired.apply_to(&ReasonCodeUpdate::from(live))?;
        self.update(&live.reason_code_id, &body).await?.wait().await
    }

    async fn delete(&self, live: &ReasonCode) -> Result<()> {
        self.delete(&live.reason_code_id).await?.wait().await
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use sdk_core::sim::{ListStyle, LongRunning, ReplyBody, Resource, UpdateMode};
    api.resource(
        Resource::new("reason_codes", COLLECTION)
            .id_field("reasonCodeId")
            .required(&["codeName", "codeNumber", "codeType"])
            .list(ListStyle::PageNumber {
                items_key: "resources",
            })
            // The document's update leaves out the number and type, which stay.
            .update(UpdateMode::Merge)
            .update_status(202)
            .update_body(ReplyBody::Url)
            .create_body(ReplyBody::Url)
            .delete_status(202)
            .long_running(LongRunning::new("status", "IN_PROGRESS", "SUCCESS", "FAILED").polls(2))
            .long_running_delete(2),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_fields_are_checked_and_attributes_sent_as_given() {
        // The document's attribute rules are the service's: a Logout code with two
        // attributes, one of them WORKING_ON_DIGITAL, is sent as written.
        let logout = NewReasonCode::new("Home", "3", ReasonCodeType::Logout)
            .attribute(SystemDefinedAttribute::WorkingOnDigital)
            .attribute(SystemDefinedAttribute::Unknown("OTHER".into()));
        assert!(logout.check().is_ok());
        assert_eq!(
            serde_json::to_value(&logout).unwrap()["systemDefinedAttributes"],
            serde_json::json!(["WORKING_ON_DIGITAL", "OTHER"])
        );
        let unnamed = NewReasonCode::new(" ", "3", ReasonCodeType::Logout);
        assert_eq!(unnamed.check().unwrap_err().field(), Some("codeName"));
        let unnumbered = NewReasonCode::new("Home", "", ReasonCodeType::Logout);
        assert_eq!(unnumbered.check().unwrap_err().field(), Some("codeNumber"));
        assert!(ReasonCodeUpdate::new("").check().is_err());
    }

    #[test]
    fn create_and_update_share_their_fields_and_send_the_same_bodies() {
        let lunch = NewReasonCode::new("Lunch", "89", ReasonCodeType::NotReady)
            .description("Break")
            .interruptible(true)
            .attribute(SystemDefinedAttribute::WorkingOnDigital)
            .organization_node_id("node");
        assert_eq!(
            serde_json::to_string(&lunch).unwrap(),
            r#"{"codeName":"Lunch","description":"Break","codeNumber":"89","codeType":"NOT_READY","isInterruptible":true,"systemDefinedAttributes":["WORKING_ON_DIGITAL"],"organizationNodeId":"node"}"#
        );
        let longer = ReasonCodeUpdate::new("Long lunch")
            .description("Break")
            .interruptible(true)
            .attribute(SystemDefinedAttribute::WorkingOnDigital)
            .organization_node_id("node");
        assert_eq!(
            serde_json::to_string(&longer).unwrap(),
            r#"{"codeName":"Long lunch","description":"Break","isInterruptible":true,"systemDefinedAttributes":["WORKING_ON_DIGITAL"],"organizationNodeId":"node"}"#
        );
        let decoded: NewReasonCode =
            serde_json::from_str(&serde_json::to_string(&lunch).unwrap()).unwrap();
        assert_eq!(decoded, lunch);
    }

    #[test]
    fn an_update_built_from_a_read_code_keeps_what_the_sdk_does_not_name() {
        let code: ReasonCode = serde_json::from_value(serde_json::json!({
            "reasonCodeId": "r1", "codeName": "Lunch", "codeNumber": "89",
            "codeType": "NOT_READY", "isInterruptible": true, "status": "SUCCESS",
            "colour": "blue"
        }))
        .unwrap();
        let update = ReasonCodeUpdate::from(&code).description("Break");
        let body = serde_json::to_value(&update).unwrap();
        assert_eq!(
            body,
            serde_json::json!({
                "codeName": "Lunch", "description": "Break", "isInterruptible": true,
                "colour": "blue"
            })
        );
        let decoded: ReasonCodeUpdate = serde_json::from_value(body).unwrap();
        assert_eq!(decoded, update);
    }
}
