//! Voice plans of a Communication Manager:
//! `/communication-managers/{communicationManagerId}/voice-plans`.
//!
//! A plan is a System Range (`SYSTEM`: Not Ready and Logout reason-code ranges) or a User
//! Voice Plan (`USER`: agent and extension dial-plan ranges); at least one System Range must
//! exist before a User Voice Plan. Unlike most hybrid resources, voice plans are synchronous:
//! create answers 201, update 200 (both with the plan), delete 204.

use serde::{Deserialize, Serialize};

use sdk_core::ensure::{Change, Desired, Ensure, Field};
use sdk_core::model::{UnknownFields, check_required};
use sdk_core::{Method, Paginator, Result};

const COLLECTION: &str =
    "/accounts/{accountId}/communication-managers/{communicationManagerId}/voice-plans";
const ITEM: &str = "/accounts/{accountId}/communication-managers/{communicationManagerId}/voice-plans/{voicePlanId}";

sdk_core::id_type! {
    /// The id of a voice plan (`voicePlanId`).
    pub struct VoicePlanId;
}

sdk_core::string_enum! {
    /// The kind of voice plan (`type`).
    pub enum VoicePlanType {
        /// A System Range: reason-code ranges.
        System = "SYSTEM",
        /// A User Voice Plan: agent and extension ranges.
        User = "USER",
    }
}

/// A voice plan as the server answers it. The ranges present depend on the
/// [`kind`](Self::kind): `SYSTEM` plans carry the reason-code ranges, `USER` plans the
/// dial-plan ranges. Each range is `"from:to"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct VoicePlan {
    /// The plan's id.
    pub voice_plan_id: VoicePlanId,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `SYSTEM` or `USER`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<VoicePlanType>,
    /// The user profile it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_profile_id: Option<String>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Ranges of Not Ready reason-code numbers (`SYSTEM`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_code_not_ready_range: Option<Vec<String>>,
    /// Ranges of Logout reason-code numbers (`SYSTEM`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_code_log_out_range: Option<Vec<String>>,
    /// Ranges of agent ids (`USER`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent_dial_plan_range: Option<Vec<String>>,
    /// Ranges of extensions (`USER`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extension_dial_plan_range: Option<Vec<String>>,
    /// Fields the SDK does not name, kept as the server sent them (sent back by an update
    /// built from this value).
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

sdk_core::listed!(VoicePlan = "resources");

/// The body of [`VoicePlans::create`] and [`VoicePlans::update`] (an update replaces the
/// plan). The document writes ranges `"from:to"`, such as `"20000:20100"`; they are sent as
/// given and the service judges them.
///
/// ```
/// use axp_voice::voice_plans::VoicePlanRequest;
///
/// let system = VoicePlanRequest::system("System Range for Production", "ASEDFG")
///     .reason_code_not_ready_range(["1:20", "50:99"])
///     .reason_code_log_out_range(["1:9"]);
/// let user = VoicePlanRequest::user("User Voice Plan for Production", "ASEDFG")
///     .agent_dial_plan_range(["20000:20100"])
///     .extension_dial_plan_range(["30000:30100"]);
/// # let _ = (system, user);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct VoicePlanRequest {
    /// The name (required).
    pub name: String,
    /// `SYSTEM` or `USER` (required); the document says a System Range must exist before
    /// a User Voice Plan is created.
    #[serde(rename = "type")]
    pub kind: VoicePlanType,
    /// The user profile it belongs to (required).
    pub user_profile_id: String,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Ranges of Not Ready reason-code numbers (`SYSTEM`), `from:to` such as `1:20`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_code_not_ready_range: Option<Vec<String>>,
    /// Ranges of Logout reason-code numbers (`SYSTEM`), `from:to`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_code_log_out_range: Option<Vec<String>>,
    /// Ranges of agent ids (`USER`), `from:to` such as `20000:20100`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent_dial_plan_range: Option<Vec<String>>,
    /// Ranges of extensions (`USER`), `from:to` such as `30000:30100`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extension_dial_plan_range: Option<Vec<String>>,
    /// Fields of the read resource that the SDK does not name, sent back as they came: filled
    /// when this body is built from a read [`VoicePlan`], empty otherwise.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

fn ranges<I, S>(ranges: I) -> Option<Vec<String>>
where
    I: IntoIterator<Item = S>,
    S: Into<String>,
{
    Some(ranges.into_iter().map(Into::into).collect())
}

impl VoicePlanRequest {
    fn new(kind: VoicePlanType, name: String, user_profile_id: String) -> Self {
        VoicePlanRequest {
            name,
            kind,
            user_profile_id,
            description: None,
            reason_code_not_ready_range: None,
            reason_code_log_out_range: None,
            agent_dial_plan_range: None,
            extension_dial_plan_range: None,
            unknown_fields: UnknownFields::new(),
        }
    }

    /// A System Range (`SYSTEM`); add its reason-code ranges.
    pub fn system(name: impl Into<String>, user_profile_id: impl Into<String>) -> Self {
        Self::new(VoicePlanType::System, name.into(), user_profile_id.into())
    }

    /// A User Voice Plan (`USER`); add its agent and extension ranges.
    pub fn user(name: impl Into<String>, user_profile_id: impl Into<String>) -> Self {
        Self::new(VoicePlanType::User, name.into(), user_profile_id.into())
    }

    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Sets the Not Ready reason-code ranges.
    pub fn reason_code_not_ready_range<I, S>(mut self, r: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.reason_code_not_ready_range = ranges(r);
        self
    }

    /// Sets the Logout reason-code ranges.
    pub fn reason_code_log_out_range<I, S>(mut self, r: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.reason_code_log_out_range = ranges(r);
        self
    }

    /// Sets the agent-id ranges.
    pub fn agent_dial_plan_range<I, S>(mut self, r: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.agent_dial_plan_range = ranges(r);
        self
    }

    /// Sets the extension ranges.
    pub fn extension_dial_plan_range<I, S>(mut self, r: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.extension_dial_plan_range = ranges(r);
        self
    }

    /// The required fields, present and not empty; the ranges' form is the service's to
    /// judge.
    fn check(&self) -> Result<()> {
        check_required("name", &self.name)?;
        check_required("type", self.kind.as_str())?;
        check_required("userProfileId", &self.user_profile_id)
    }
}

impl From<&VoicePlan> for VoicePlanRequest {
    /// The plan as an update body, to change a field and send it back: every field it
    /// names but its id, and the fields the SDK does not name. A plan read without a name,
    /// type or user profile gives a body whose update is refused before sending.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::voice_plans::VoicePlanRequest;
    ///
    /// let plans = client.account("SQVYVE").communication_manager("ce8042a2").voice_plans();
    /// let plan = plans.get("b7e8").await?;
    /// let update = VoicePlanRequest::from(&plan).agent_dial_plan_range(["20000:20200"]);
    /// plans.update(&plan.voice_plan_id, &update).await?;
    /// # Ok(()) }
    /// ```
    fn from(plan: &VoicePlan) -> Self {
        VoicePlanRequest {
            name: plan.name.clone().unwrap_or_default(),
            kind: plan
                .kind
                .clone()
                .unwrap_or_else(|| VoicePlanType::Unknown(String::new())),
            user_profile_id: plan.user_profile_id.clone().unwrap_or_default(),
            description: plan.description.clone(),
            reason_code_not_ready_range: plan.reason_code_not_ready_range.clone(),
            reason_code_log_out_range: plan.reason_code_log_out_range.clone(),
            agent_dial_plan_range: plan.agent_dial_plan_range.clone(),
            extension_dial_plan_range: plan.extension_dial_plan_range.clone(),
            unknown_fields: plan.unknown_fields.clone(),
        }
    }
}

sdk_core::scope_type! {
    /// Voice plans of a Communication Manager.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// let plans = client.account("SQVYVE").communication_manager("ce8042a2").voice_plans();
    /// let plan = plans.get("b7e8").await?;
    /// println!("{:?} {:?}", plan.name, plan.agent_dial_plan_range);
    /// # Ok(()) }
    /// ```
    VoicePlans
}

impl VoicePlans<'_> {
    /// Creates a voice plan (answered 201 with the plan).
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::voice_plans::VoicePlanRequest;
    ///
    /// let plans = client.account("SQVYVE").communication_manager("ce8042a2").voice_plans();
    /// plans
    ///     .create(
    ///         &VoicePlanRequest::system("System Range", "ASEDFG")
    ///             .reason_code_not_ready_range(["1:20"])
    ///             .reason_code_log_out_range(["1:9"]),
    ///     )
    ///     .await?;
    /// let user = plans
    ///     .create(&VoicePlanRequest::user("Agents", "ASEDFG").agent_dial_plan_range(["20000:20100"]))
    ///     .await?;
    /// println!("{}", user.voice_plan_id);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) naming the field (an
    /// empty name, type or user profile) before anything is sent; the server's answer
    /// otherwise (such as a User Voice Plan created before any System Range, or a range
    /// that is not `from:to`).
    pub async fn create(&self, request: &VoicePlanRequest) -> Result<VoicePlan> {
        let spec = self
            .0
            .spec(Method::POST, "axp.voice_plans.create", COLLECTION, &[])
            .validate(|| request.check())
            .json(request);
        self.0.execute(spec).await
    }

    /// Replaces a voice plan (answered 200 with the plan).
    ///
    /// # Errors
    ///
    /// As [`create`](Self::create).
    pub async fn update(
        &self,
        voice_plan_id: impl AsRef<str>,
        request: &VoicePlanRequest,
    ) -> Result<VoicePlan> {
        let spec = self
            .0
            .spec(
                Method::PUT,
                "axp.voice_plans.update",
                ITEM,
                &[voice_plan_id.as_ref()],
            )
            .validate(|| request.check())
            .json(request);
        self.0.execute(spec).await
    }

    /// Reads one voice plan.
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) once it is deleted.
    pub async fn get(&self, voice_plan_id: impl AsRef<str>) -> Result<VoicePlan> {
        let spec = self.0.spec(
            Method::GET,
            "axp.voice_plans.get",
            ITEM,
            &[voice_plan_id.as_ref()],
        );
        self.0.execute(spec).await
    }

    /// Lists the voice plans of the Communication Manager, page by page (the answer's links
    /// say `previous` where other lists say `prev`; they are informational only).
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// let plans = client.account("SQVYVE").communication_manager("ce8042a2").voice_plans();
    /// for plan in plans.list().collect_all().await? {
    ///     println!("{} {:?} {:?}", plan.voice_plan_id, plan.kind, plan.name);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self) -> Paginator<VoicePlan> {
        let spec = self
            .0
            .spec(Method::GET, "axp.voice_plans.list", COLLECTION, &[]);
        self.0.paginator(spec)
    }

    /// Deletes a voice plan (answered 204 at once).
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn delete(&self, voice_plan_id: impl AsRef<str>) -> Result<()> {
        let spec = self.0.spec(
            Method::DELETE,
            "axp.voice_plans.delete",
            ITEM,
            &[voice_plan_id.as_ref()],
        );
        self.0.send(spec).await
    }
}

impl Desired for VoicePlanRequest {
    type Live = VoicePlan;
    const KIND: &'static str = "voice plan";
    /// The name: what a plan is known by within its Communication Manager (the id is the
    /// service's). The update replaces the plan, so every other field is compared, its
    /// type included.
    const KEY: Field = Field::new("name");
    const FIELDS: &'static [Field] = &[
        Field::new("type"),
        Field::new("userProfileId"),
        Field::new("description"),
        Field::new("reasonCodeNotReadyRange"),
        Field::new("reasonCodeLogOutRange"),
        Field::new("agentDialPlanRange"),
        Field::new("extensionDialPlanRange"),
    ];
}

/// Voice plans are ensured by name within their Communication Manager. Plans are
/// synchronous, so nothing is awaited; an update starts from the live plan, so the fields
/// the SDK does not name, and the ranges the description leaves unset, are sent back.
/// Ensure the System Range before the User Voice Plans: the service refuses a User Voice
/// Plan while no System Range exists.
///
/// ```no_run
/// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
/// use axp_voice::voice_plans::VoicePlanRequest;
/// use sdk_core::ensure::Ensure;
///
/// let plans = client.account("SQVYVE").communication_manager("ce8042a2").voice_plans();
/// let wanted = [
///     VoicePlanRequest::system("System Range", "ASEDFG").reason_code_not_ready_range(["1:20"]),
///     VoicePlanRequest::user("Agents", "ASEDFG").agent_dial_plan_range(["20000:20100"]),
/// ];
/// for plan in &wanted {
///     println!("{} {}", plans.ensure(plan).await?.verb(), plan.name);
/// }
/// # Ok(()) }
/// ```
impl Ensure<VoicePlanRequest> for VoicePlans<'_> {
    async fn find(&self, _keys: &[String]) -> Result<Vec<VoicePlan>> {
        self.list().collect_all().await
    }

    async fn create(&self, desired: &VoicePlanRequest) -> Result<VoicePlan> {
        self.create(desired).await
    }

    async fn update(
        &self,
        live: &VoicePlan,
        desired: &VoicePlanRequest,
        _changes: &[Change],
    ) -> Result<VoicePlan> {
        let body = desired.apply_to(&VoicePlanRequest::from(live))?;
        self.update(&live.voice_plan_id, &body).await
    }

    async fn delete(&self, live: &VoicePlan) -> Result<()> {
        self.delete(&live.voice_plan_id).await
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use sdk_core::sim::{ListStyle, Resource, UpdateMode};
    api.resource(
        Resource::new("voice_plans", COLLECTION)
            .id_field("voicePlanId")
            .required(&["name", "type", "userProfileId"])
            .list(ListStyle::PageNumber {
                items_key: "resources",
            })
            .update(UpdateMode::Replace),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_sent_as_given() {
        let plan = VoicePlanRequest::user("u", "p").extension_dial_plan_range(["1:2", "3-4"]);
        assert!(plan.check().is_ok());
        assert_eq!(
            serde_json::to_value(&plan).unwrap()["extensionDialPlanRange"],
            serde_json::json!(["1:2", "3-4"])
        );
        assert_eq!(
            VoicePlanRequest::system("s", " ")
                .check()
                .unwrap_err()
                .field(),
            Some("userProfileId")
        );
    }
}
