//! Skills (`/skills`). A user's level in a skill is set through
//! [`UserSkills`](crate::users::UserSkills).

use serde::{Deserialize, Serialize};

use sdk_core::ensure::{Change, Desired, Ensure, Field};
use sdk_core::model::{UnknownFields, check_required};
use sdk_core::{Method, Result};

use crate::common::{WithId, post_for_id, required, search_query};

const SKILLS: &str = "/skills";
const SKILL: &str = "/skills/{skillId}";

sdk_core::id_type! {
    /// The id of a skill: 32 hexadecimal characters in either case (see [ids](crate#ids)).
    pub struct SkillId;
}

/// A skill, as `get` answers it or as a list shows it (every field but the id may be
/// absent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Skill {
    /// The id, assigned by the system.
    pub id: SkillId,
    /// The name (1 to 400 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The description (1 to 400 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Fields the SDK does not name, kept as the server sent them (sent back by an update
    /// built from this value).
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

sdk_core::listed!(Skill);

/// The body of [`Skills::create`] and [`Skills::update`] (an update replaces the skill).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SkillRequest {
    /// The name (required; the service accepts 1 to 400 characters).
    pub name: String,
    /// The description (required; the service accepts 1 to 400 characters).
    pub description: String,
    /// Fields the SDK does not name, carried over from the model this request was built
    /// from (`from_skill`) so that the update keeps them; empty otherwise.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

impl SkillRequest {
    /// A skill with its name and description.
    pub fn new(name: impl Into<String>, description: impl Into<String>) -> Self {
        SkillRequest {
            name: name.into(),
            description: description.into(),
            unknown_fields: UnknownFields::default(),
        }
    }

    /// The request that recreates `skill` as it is, the fields the SDK does not name
    /// included, to change a field and [`update`](Skills::update) (an update replaces the
    /// skill).
    ///
    /// ```
    /// use sinch_rci::skills::{Skill, SkillRequest};
    ///
    /// let skill: Skill = serde_json::from_str(
    ///     r#"{"id": "175A098FEDDB41EB8839AACBAB26A0B6", "name": "English",
    ///         "description": "Speaks English", "category": "Languages"}"#,
    /// )?;
    /// let mut change = SkillRequest::from_skill(&skill)?;
    /// change.description = "Speaks English fluently".into();
    /// // `client.skills().update(&skill.id, &change)` sends `category` back unchanged.
    /// assert_eq!(change.unknown_fields.get("category"), Some(&serde_json::json!("Languages")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) naming `name` or
    /// `description` when `skill` lacks it.
    pub fn from_skill(skill: &Skill) -> Result<Self> {
        Ok(SkillRequest {
            name: required("name", &skill.name)?,
            description: required("description", &skill.description)?,
            unknown_fields: skill.unknown_fields.clone(),
        })
    }

    fn check(&self) -> Result<()> {
        check_required("name", &self.name)?;
        check_required("description", &self.description)
    }
}

search_query! {
    /// The search and sort of [`Skills::list`]. Default order: id, name.
    sortable SkillQuery {
        id => "id",
        name => "name",
    }
}

sdk_core::scope_type! {
    /// Skills: `/skills`.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// let english = client.skills().get("175A098FEDDB41EB8839AACBAB26A0B6").await?;
    /// println!("{:?} {:?}", english.name, english.description);
    /// # Ok(()) }
    /// ```
    Skills
}

impl Skills<'_> {
    /// Lists skills, `limit` (100 by default) per request.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// use sinch_rci::skills::SkillQuery;
    ///
    /// let languages = client.skills().list(&SkillQuery::new().name("*lish")).collect_all().await?;
    /// for skill in languages {
    ///     println!("{} {:?}", skill.id, skill.name);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self, query: &SkillQuery) -> sdk_core::Paginator<Skill> {
        let spec = self.0.spec(Method::GET, "rci.skills.list", SKILLS, &[]);
        self.0.paginator(query.apply(spec))
    }

    /// Creates a skill and returns its id.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) naming `name` or
    /// `description` when it is empty, before anything is sent; the server's answer
    /// otherwise (such as its refusal of a name longer than 400 characters).
    pub async fn create(&self, skill: &SkillRequest) -> Result<SkillId> {
        let spec = self
            .0
            .spec(Method::POST, "rci.skills.create", SKILLS, &[])
            .validate(|| skill.check());
        post_for_id(&self.0, spec, "skill", skill).await
    }

    /// Reads a skill.
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) for an unknown id.
    pub async fn get(&self, skill_id: impl AsRef<str>) -> Result<Skill> {
        let spec = self
            .0
            .spec(Method::GET, "rci.skills.get", SKILL, &[skill_id.as_ref()]);
        self.0.execute(spec).await
    }

    /// Replaces a skill (the body carries the id as well).
    ///
    /// # Errors
    ///
    /// As [`create`](Self::create).
    pub async fn update(&self, skill_id: impl AsRef<str>, skill: &SkillRequest) -> Result<()> {
        let id = skill_id.as_ref();
        let spec = self
            .0
            .spec(Method::PUT, "rci.skills.update", SKILL, &[id])
            .validate(|| skill.check());
        self.0
            .send(self.0.body(spec, "skill", &WithId { id, body: skill }))
            .await
    }

    /// Deletes a skill.
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn delete(&self, skill_id: impl AsRef<str>) -> Result<()> {
        let spec = self.0.spec(
            Method::DELETE,
            "rci.skills.delete",
            SKILL,
            &[skill_id.as_ref()],
        );
        self.0.send(spec).await
    }
}

impl Desired for SkillRequest {
    type Live = Skill;
    const KIND: &'static str = "skill";
    /// The name (`English`): what people and routing rules call a skill; the id is the
    /// service's. The name itself is therefore never changed by `ensure`.
    const KEY: Field = Field::new("name");
    /// The description: the update replaces the skill, so it can change it.
    const FIELDS: &'static [Field] = &[Field::new("description")];
}

/// Skills are ensured by name. One name is looked up with the service's `name` filter
/// (whose wildcards can only widen the answer, which is then matched by the exact name);
/// several, or none, are matched against the whole list, read once. An update starts from
/// the skill read whole with `get` ([`SkillRequest::from_skill`]), so the fields the SDK
/// does not name are sent back.
///
/// ```no_run
/// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
/// use sdk_core::ensure::Ensure;
/// use sinch_rci::skills::SkillRequest;
///
/// let english = SkillRequest::new("English", "English language skill");
/// let outcome = client.skills().ensure(&english).await?;
/// println!("{} skill {}", outcome.verb(), outcome.resource().id);
/// # Ok(()) }
/// ```
impl Ensure<SkillRequest> for Skills<'_> {
    async fn find(&self, keys: &[String]) -> Result<Vec<Skill>> {
        let query = match keys {
            [name] => SkillQuery::new().name(name),
            _ => SkillQuery::new(),
        };
        self.list(&query).collect_all().await
    }

    async fn create(&self, desired: &SkillRequest) -> Result<Skill> {
        let id = self.create(desired).await?;
        self.get(&id).await
    }

    async fn update(
        &self,
        live: &Skill,
        desired: &SkillRequest,
        _changes: &[Change],
    ) -> Result<Skill> {
        let whole = self.get(&live.id).await?;
        let body = desired.apply_to(&SkillRequest::from_skill(&whole)?)?;
        self.update(&live.id, &body).await?;
        self.get(&live.id).await
    }

    async fn delete(&self, live: &Skill) -> Result<()> {
        self.delete(&live.id).await
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use crate::sim::{entity, searchable};
    let api = api.resource(entity("skills", SKILLS).required(&["name", "description"]));
    searchable(
        api,
        "skills",
        SKILLS,
        sdk_core::sim::ListStyle::OffsetLimit,
        &[],
    )
}
