//! Reason codes of a Communication Manager:
//! `/communication-managers/{communicationManagerId}/reason-codes`.
//!
//! Codes are propagated to the Communication Manager "at some point in time", so create,
//! update and delete all answer `202 Accepted`: create and update with `{"url": ".../<id>"}`,
//! delete with no body. The handles poll the code's GET: `status` moves from `IN_PROGRESS`
//! to `SUCCESS` (done) or `FAILED`; a deletion is done when the GET answers 404.

use serde::{Deserialize, Serialize};

use sdk_core::model::check_required;
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct NewReasonCode {
    /// The name (required); `(codeName, codeNumber, codeType)` is unique.
    pub code_name: String,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The code number, digits as a string (required).
    pub code_number: String,
    /// The kind of code (required).
    pub code_type: ReasonCodeType,
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

impl NewReasonCode {
    /// A code that cannot be interrupted, with no attribute.
    pub fn new(
        code_name: impl Into<String>,
        code_number: impl Into<String>,
        code_type: ReasonCodeType,
    ) -> Self {
        NewReasonCode {
            code_name: code_name.into(),
            description: None,
            code_number: code_number.into(),
            code_type,
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

    /// The required fields, present and not empty; the attribute rules are the service's.
    fn check(&self) -> Result<()> {
        check_required("codeName", &self.code_name)?;
        check_required("codeNumber", &self.code_number)?;
        check_required("codeType", self.code_type.as_str())
    }
}

/// The body of [`ReasonCodes::update`]: a complete replacement (fields left out are
/// removed). The code number and type are not part of it: the document's update leaves
/// them out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ReasonCodeUpdate {
    /// The name (required).
    pub code_name: String,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether the code may be interrupted.
    pub is_interruptible: bool,
    /// System-defined behaviours, under the rules of
    /// [`NewReasonCode::system_defined_attributes`], which the service applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system_defined_attributes: Option<Vec<SystemDefinedAttribute>>,
    /// The organisation node (undocumented; shown in the examples).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_node_id: Option<String>,
}

impl ReasonCodeUpdate {
    /// A replacement that cannot be interrupted, with no attribute.
    pub fn new(code_name: impl Into<String>) -> Self {
        ReasonCodeUpdate {
            code_name: code_name.into(),
            description: None,
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

    fn check(&self) -> Result<()> {
        check_required("codeName", &self.code_name)
    }
}

fn classify(code: &ReasonCode) -> PollStatus {
    classify_resource(code.status.as_ref(), None)
}

fn classify_gone(code: &ReasonCode) -> PollStatus {
    classify_deleting(code.status.as_ref(), None)
}

sdk_core::scope_type! {
    /// Reason codes of a Communication Manager.
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
    /// when the code ends `FAILED`.
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
        self.0
            .execute(self.0.spec(
                Method::GET,
                "axp.reason_codes.get",
                ITEM,
                &[reason_code_id.as_ref()],
            ))
            .await
    }

    /// Lists the reason codes of the Communication Manager, page by page.
    pub fn list(&self) -> Paginator<ReasonCode> {
        let spec = self
            .0
            .spec(Method::GET, "axp.reason_codes.list", COLLECTION, &[]);
        self.0.paginator(spec, "resources")
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
}
