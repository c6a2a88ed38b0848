//! Hybrid skills of a Communication Manager:
//! `/communication-managers/{communicationManagerId}/skills`.
//!
//! Skills are synchronous (create 201, update and get 200, delete 204), but they are also
//! registered with the agent assist service: when the skill is stored in the voice service
//! and that registration fails, create, update and get answer `207 Partial Success` with the
//! skill plus an `errorMessage`. That is not an error: those calls return a [`SkillResult`],
//! the skill with an optional [`partial_failure`](SkillResult::partial_failure) message.

use serde::{Deserialize, Serialize};

use sdk_core::ensure::{Change, Desired, Ensure, Field};
use sdk_core::model::{UnknownFields, check_required};
use sdk_core::{Method, Paginator, Result};

const COLLECTION: &str =
    "/accounts/{accountId}/communication-managers/{communicationManagerId}/skills";
const ITEM: &str =
    "/accounts/{accountId}/communication-managers/{communicationManagerId}/skills/{skillId}";

sdk_core::id_type! {
    /// The id of a hybrid skill (`id`).
    pub struct SkillId;
}

/// A skill of a Communication Manager.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct HybridSkill {
    /// The skill's id.
    pub id: SkillId,
    /// The name, unique within the Communication Manager.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The skill number, digits as a string.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// The skill extension number, digits as a string.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extension: Option<String>,
    /// The agent assist profile: absent when not sent (lists leave it out), `Some(None)`
    /// when the server sent `null` (a partial success whose agent assist part failed).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "sdk_core::model::nullable"
    )]
    pub agent_assist_profile_id: Option<Option<String>>,
    /// Fields the SDK does not name, kept as the server sent them (sent back by an update
    /// built from this value).
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

sdk_core::listed!(HybridSkill = "skills");

/// The answer of a skill create, update or get: the skill, and the message of a
/// `207 Partial Success` (the skill is stored in the voice service, but the agent assist
/// service failed). The fields the SDK does not name are kept in the skill's
/// [`unknown_fields`](HybridSkill::unknown_fields).
///
/// ```
/// use axp_voice::skills::SkillResult;
///
/// let partial: SkillResult = serde_json::from_str(
///     r#"{"id":"1f15","name":"French","number":"8000","extension":"253647784",
///         "agentAssistProfileId":null,"errorMessage":"Failure in agent assist API"}"#,
/// )?;
/// assert_eq!(partial.partial_failure(), Some("Failure in agent assist API"));
/// assert_eq!(partial.skill.name.as_deref(), Some("French"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SkillResult {
    /// The skill.
    #[serde(flatten)]
    pub skill: HybridSkill,
    /// Why the agent assist part failed (207 answers only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_message: Option<String>,
    /// Whether the answer's status was `207 Partial Success` (not part of the body).
    #[serde(skip)]
    partial: bool,
}

impl SkillResult {
    /// The partial-failure message, when the answer was a `207 Partial Success` (by its
    /// status, or by its `errorMessage` where the status is not known, as in a body read
    /// by hand): the skill is stored, but its agent assist profile is not (retry the update
    /// to set it). A 207 without a message gives `"207 Partial Success"`.
    pub fn partial_failure(&self) -> Option<&str> {
        match (&self.error_message, self.partial) {
            (Some(message), _) => Some(message),
            (None, true) => Some("207 Partial Success"),
            (None, false) => None,
        }
    }

    /// `true` when the whole operation succeeded.
    pub fn is_complete(&self) -> bool {
        self.partial_failure().is_none()
    }

    /// The answer of `spec`, a 207 noted by its status.
    async fn read(scope: &sdk_core::Scope<'_>, spec: sdk_core::RequestSpec) -> Result<Self> {
        let op = spec.operation();
        let answer = scope.send_raw(spec).await?;
        let mut result: SkillResult = answer.decode().map_err(|e| e.with_operation(op))?;
        result.partial = answer.status() == sdk_core::StatusCode::MULTI_STATUS;
        Ok(result)
    }

    /// The skill, dropping any partial-failure message.
    pub fn into_skill(self) -> HybridSkill {
        self.skill
    }
}

/// The body of [`HybridSkills::create`] and [`HybridSkills::update`] (an update replaces
/// the skill).
///
/// ```
/// use axp_voice::skills::SkillRequest;
///
/// let french = SkillRequest::new("French", "1", "253647784").agent_assist_profile_id("1f15835f");
/// # let _ = french;
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SkillRequest {
    /// The name (required; unique within the Communication Manager).
    pub name: String,
    /// The skill number (required; unique).
    pub number: String,
    /// The skill extension number (required; unique).
    pub extension: String,
    /// The agent assist profile, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent_assist_profile_id: Option<String>,
    /// Fields of the read resource that the SDK does not name, sent back as they came: filled
    /// when this body is built from a read [`HybridSkill`], empty otherwise.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

impl SkillRequest {
    /// A skill with no agent assist profile.
    pub fn new(
        name: impl Into<String>,
        number: impl Into<String>,
        extension: impl Into<String>,
    ) -> Self {
        SkillRequest {
            name: name.into(),
            number: number.into(),
            extension: extension.into(),
            agent_assist_profile_id: None,
            unknown_fields: UnknownFields::new(),
        }
    }

    /// Sets the agent assist profile.
    pub fn agent_assist_profile_id(mut self, id: impl Into<String>) -> Self {
        self.agent_assist_profile_id = Some(id.into());
        self
    }

    fn check(&self) -> Result<()> {
        check_required("name", &self.name)?;
        check_required("number", &self.number)?;
        check_required("extension", &self.extension)
    }
}

impl From<&HybridSkill> for SkillRequest {
    /// The skill as an update body, to change a field and send it back: its name, number,
    /// extension and agent assist profile, and the fields the SDK does not name. A skill
    /// read without a name, number or extension gives a body whose update is refused
    /// before sending.
    ///
    /// Build it from a [`get`](HybridSkills::get), not from a list item: lists leave the
    /// agent assist profile out, and the update (a replacement) would remove it.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::skills::SkillRequest;
    ///
    /// let skills = client.account("ABCDEF").communication_manager("4d110ac3").skills();
    /// let french = skills.get("1f15").await?.into_skill();
    /// let mut update = SkillRequest::from(&french);
    /// update.name = "French (Canada)".into();
    /// skills.update(&french.id, &update).await?;
    /// # Ok(()) }
    /// ```
    fn from(skill: &HybridSkill) -> Self {
        SkillRequest {
            name: skill.name.clone().unwrap_or_default(),
            number: skill.number.clone().unwrap_or_default(),
            extension: skill.extension.clone().unwrap_or_default(),
            agent_assist_profile_id: skill.agent_assist_profile_id.clone().flatten(),
            unknown_fields: skill.unknown_fields.clone(),
        }
    }
}

sdk_core::scope_type! {
    /// Hybrid skills of a Communication Manager.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// let skills = client.account("ABCDEF").communication_manager("4d110ac3").skills();
    /// let french = skills.get("1f15").await?.into_skill();
    /// println!("{:?} {:?}", french.name, french.extension);
    /// # Ok(()) }
    /// ```
    HybridSkills
}

impl HybridSkills<'_> {
    /// Creates a skill (answered 201, or 207 when the agent assist part failed).
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::skills::SkillRequest;
    ///
    /// let skills = client.account("ABCDEF").communication_manager("4d110ac3").skills();
    /// let created = skills
    ///     .create(&SkillRequest::new("French", "1", "253647784").agent_assist_profile_id("1f15835f"))
    ///     .await?;
    /// if let Some(why) = created.partial_failure() {
    ///     eprintln!("skill {} stored without its agent assist profile: {why}", created.skill.id);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) for an empty name,
    /// number or extension, before anything is sent; the server's answer otherwise. A 207
    /// is not an error: see [`SkillResult::partial_failure`].
    pub async fn create(&self, request: &SkillRequest) -> Result<SkillResult> {
        let spec = self
            .0
            .spec(Method::POST, "axp.hybrid_skills.create", COLLECTION, &[])
            .validate(|| request.check())
            .json(request);
        SkillResult::read(&self.0, spec).await
    }

    /// Replaces a skill (answered 200, or 207 when the agent assist part failed).
    ///
    /// # Errors
    ///
    /// As [`create`](Self::create).
    pub async fn update(
        &self,
        skill_id: impl AsRef<str>,
        request: &SkillRequest,
    ) -> Result<SkillResult> {
        let spec = self
            .0
            .spec(
                Method::PUT,
                "axp.hybrid_skills.update",
                ITEM,
                &[skill_id.as_ref()],
            )
            .validate(|| request.check())
            .json(request);
        SkillResult::read(&self.0, spec).await
    }

    /// Reads one skill (answered 200, or 207 with a `null` agent assist profile when the
    /// agent assist service failed).
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) once it is deleted.
    pub async fn get(&self, skill_id: impl AsRef<str>) -> Result<SkillResult> {
        let spec = self.0.spec(
            Method::GET,
            "axp.hybrid_skills.get",
            ITEM,
            &[skill_id.as_ref()],
        );
        SkillResult::read(&self.0, spec).await
    }

    /// Deletes a skill (answered 204).
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn delete(&self, skill_id: impl AsRef<str>) -> Result<()> {
        let spec = self.0.spec(
            Method::DELETE,
            "axp.hybrid_skills.delete",
            ITEM,
            &[skill_id.as_ref()],
        );
        self.0.send(spec).await
    }

    /// Lists the skills of the Communication Manager, page by page (list items carry no
    /// agent assist profile).
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use sdk_core::futures_util::TryStreamExt;
    ///
    /// let skills = client.account("ABCDEF").communication_manager("4d110ac3").skills();
    /// let mut all = skills.list().items();
    /// while let Some(skill) = all.try_next().await? {
    ///     println!("{} {:?} {:?}", skill.id, skill.name, skill.number);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self) -> Paginator<HybridSkill> {
        let spec = self
            .0
            .spec(Method::GET, "axp.hybrid_skills.list", COLLECTION, &[]);
        self.0.paginator(spec)
    }
}

impl Desired for SkillRequest {
    type Live = SkillResult;
    const KIND: &'static str = "skill";
    /// The name: unique within the Communication Manager, and what agents and routing know
    /// a skill by. The number and the extension are unique too, but the update can change
    /// them, so they are compared.
    const KEY: Field = Field::new("name");
    const FIELDS: &'static [Field] = &[
        Field::new("number"),
        Field::new("extension"),
        Field::new("agentAssistProfileId"),
    ];
}

/// Skills are ensured by name within their Communication Manager, and described as the
/// service answers a read: a [`SkillResult`], whose
/// [`partial_failure`](SkillResult::partial_failure) tells a skill stored without its
/// agent assist profile (a `207`). The list leaves the agent assist profile out, so each
/// skill looked up by name is read with [`get`](HybridSkills::get) (a lookup with no keys
/// returns the list as it comes); a skill whose profile did not take reads back with none,
/// and ensuring it again updates it, as the service advises. Skills are synchronous;
/// an update starts from the read skill, so the fields the SDK does not name are sent back.
///
/// ```no_run
/// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
/// use axp_voice::skills::SkillRequest;
/// use sdk_core::ensure::Ensure;
///
/// let skills = client.account("ABCDEF").communication_manager("4d110ac3").skills();
/// let french = SkillRequest::new("French", "1", "253647784").agent_assist_profile_id("1f15835f");
/// let outcome = skills.ensure(&french).await?;
/// if let Some(why) = outcome.resource().partial_failure() {
///     eprintln!("French is {} without its agent assist profile: {why}", outcome.verb());
/// }
/// # Ok(()) }
/// ```
impl Ensure<SkillRequest> for HybridSkills<'_> {
    async fn find(&self, keys: &[String]) -> Result<Vec<SkillResult>> {
        let listed = self.list().collect_all().await?;
        let mut found = Vec::with_capacity(listed.len());
        for skill in listed {
            let wanted = skill.name.as_ref().is_some_and(|name| keys.contains(name));
            if !wanted {
                found.push(SkillResult {
                    skill,
                    error_message: None,
                    partial: false,
                });
                continue;
            }
            match self.get(&skill.id).await {
                Ok(read) => found.push(read),
                // Deleted since it was listed: not there.
                Err(e) if e.is_not_found() => {}
                Err(e) => return Err(e),
            }
        }
        Ok(found)
    }

    async fn create(&self, desired: &SkillRequest) -> Result<SkillResult> {
        self.create(desired).await
    }

    async fn update(
        &self,
        live: &SkillResult,
        desired: &SkillRequest,
        _changes: &[Change],
    ) -> Result<SkillResult> {
        let body = desired.apply_to(&SkillRequest::from(&live.skill))?;
        self.update(&live.skill.id, &body).await
    }

    async fn delete(&self, live: &SkillResult) -> Result<()> {
        self.delete(&live.skill.id).await
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use sdk_core::sim::{ListStyle, Resource, UpdateMode};
    api.resource(
        Resource::new("hybrid_skills", COLLECTION)
            .required(&["name", "number", "extension"])
            .list(ListStyle::PageNumber {
                items_key: "skills",
            })
            .list_view(|skill| {
                let mut s = skill.clone();
                if let Some(m) = s.as_object_mut() {
                    m.remove("agentAssistProfileId");
                }
                s
            })
            .update(UpdateMode::Replace),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_success_round_trips_with_its_null() {
        let body = serde_json::json!({
            "id": "1f15",
            "number": "8000",
            "name": "French",
            "extension": "253647784",
            "agentAssistProfileId": null,
            "errorMessage": "Failure in agent assist API while skill creation"
        });
        let r: SkillResult = serde_json::from_value(body.clone()).unwrap();
        assert_eq!(r.skill.agent_assist_profile_id, Some(None));
        assert!(!r.is_complete());
        assert_eq!(serde_json::to_value(&r).unwrap(), body);
        let listed: HybridSkill =
            serde_json::from_value(serde_json::json!({"id": "x", "name": "n"})).unwrap();
        assert_eq!(listed.agent_assist_profile_id, None);
    }
}
