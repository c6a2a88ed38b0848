//! User groups (`/userGroups`) and their members (`/userGroups/{userGroupId}/users`).

use serde::{Deserialize, Serialize};

use sdk_core::ensure::{Change, Desired, Ensure, Field};
use sdk_core::model::{UnknownFields, check_required};
use sdk_core::{Method, Result};

use crate::common::{IdRef, WithId, list_all, post_for_id, required, search_query};
use crate::users::{User, UserId};

const GROUPS: &str = "/userGroups";
const GROUP: &str = "/userGroups/{userGroupId}";
const USERS: &str = "/userGroups/{userGroupId}/users";
const USER: &str = "/userGroups/{userGroupId}/users/{userId}";

sdk_core::id_type! {
    /// The id of a user group: 32 hexadecimal characters in either case (see [ids](crate#ids)).
    pub struct UserGroupId;
}

/// A user group, as `get` answers it or as a list shows it (every field but the id may be
/// absent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UserGroup {
    /// The id, assigned by the system.
    pub id: UserGroupId,
    /// The name (1 to 400 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Whether the group is kept in sync from an external directory.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub synchronised: Option<bool>,
    /// Fields the SDK does not name, kept as the server sent them (sent back by an update
    /// built from this value).
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

sdk_core::listed!(UserGroup);

/// The body of [`UserGroups::create`] and [`UserGroups::update`] (an update replaces the
/// group).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UserGroupRequest {
    /// The name (required; the service accepts 1 to 400 characters).
    pub name: String,
    /// Whether the group is kept in sync from an external directory.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub synchronised: Option<bool>,
    /// Fields the SDK does not name, carried over from the model this request was built
    /// from (`from_user_group`) so that the update keeps them; empty otherwise.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

impl UserGroupRequest {
    /// A group named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        UserGroupRequest {
            name: name.into(),
            synchronised: None,
            unknown_fields: UnknownFields::default(),
        }
    }

    /// The request that recreates `group` as it is, the fields the SDK does not name
    /// included, to change a field and [`update`](UserGroups::update) (an update replaces
    /// the group).
    ///
    /// ```
    /// use sinch_rci::user_groups::{UserGroup, UserGroupRequest};
    ///
    /// let group: UserGroup = serde_json::from_str(
    ///     r#"{"id": "7B9ED6753BCD460C98501E9FD1C02002", "name": "HelpDesk", "site": "HEL"}"#,
    /// )?;
    /// let mut change = UserGroupRequest::from_user_group(&group)?;
    /// change.name = "Help desk".into();
    /// // `client.user_groups().update(&group.id, &change)` sends `site` back unchanged.
    /// assert_eq!(change.unknown_fields.get("site"), Some(&serde_json::json!("HEL")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) naming `name` when
    /// `group` lacks it.
    pub fn from_user_group(group: &UserGroup) -> Result<Self> {
        Ok(UserGroupRequest {
            name: required("name", &group.name)?,
            synchronised: group.synchronised,
            unknown_fields: group.unknown_fields.clone(),
        })
    }

    /// Sets whether the group is kept in sync from an external directory.
    pub fn synchronised(mut self, yes: bool) -> Self {
        self.synchronised = Some(yes);
        self
    }

    fn check(&self) -> Result<()> {
        check_required("name", &self.name)
    }
}

search_query! {
    /// The search and sort of [`UserGroups::list`]. Default order: id, name.
    sortable UserGroupQuery {
        id => "id",
        name => "name",
    }
}

sdk_core::scope_type! {
    /// User groups: `/userGroups`.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// let sales = client.user_groups().get("7B9ED6753BCD460C98501E9FD1C02002").await?;
    /// println!("{:?} {:?}", sales.name, sales.synchronised);
    /// # Ok(()) }
    /// ```
    UserGroups
}

impl UserGroups<'_> {
    /// Lists user groups, `limit` (100 by default) per request.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// use sinch_rci::user_groups::UserGroupQuery;
    ///
    /// let sales = client.user_groups().list(&UserGroupQuery::new().name("Sales*"));
    /// for group in sales.collect_all().await? {
    ///     println!("{} {:?}", group.id, group.name);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self, query: &UserGroupQuery) -> sdk_core::Paginator<UserGroup> {
        let spec = self
            .0
            .spec(Method::GET, "rci.user_groups.list", GROUPS, &[]);
        self.0.paginator(query.apply(spec))
    }

    /// Creates a user group and returns its id.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) naming `name` when it
    /// is empty, before anything is sent; the server's answer otherwise (such as its
    /// refusal of a name longer than 400 characters).
    pub async fn create(&self, group: &UserGroupRequest) -> Result<UserGroupId> {
        let spec = self
            .0
            .spec(Method::POST, "rci.user_groups.create", GROUPS, &[])
            .validate(|| group.check());
        post_for_id(&self.0, spec, "userGroup", group).await
    }

    /// Reads a user group.
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) for an unknown id.
    pub async fn get(&self, user_group_id: impl AsRef<str>) -> Result<UserGroup> {
        let spec = self.0.spec(
            Method::GET,
            "rci.user_groups.get",
            GROUP,
            &[user_group_id.as_ref()],
        );
        self.0.execute(spec).await
    }

    /// Replaces a user group (the body carries the id as well).
    ///
    /// # Errors
    ///
    /// As [`create`](Self::create).
    pub async fn update(
        &self,
        user_group_id: impl AsRef<str>,
        group: &UserGroupRequest,
    ) -> Result<()> {
        let id = user_group_id.as_ref();
        let spec = self
            .0
            .spec(Method::PUT, "rci.user_groups.update", GROUP, &[id])
            .validate(|| group.check());
        self.0
            .send(self.0.body(spec, "userGroup", &WithId { id, body: group }))
            .await
    }

    /// Deletes a user group.
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn delete(&self, user_group_id: impl AsRef<str>) -> Result<()> {
        let spec = self.0.spec(
            Method::DELETE,
            "rci.user_groups.delete",
            GROUP,
            &[user_group_id.as_ref()],
        );
        self.0.send(spec).await
    }
}

impl Desired for UserGroupRequest {
    type Live = UserGroup;
    const KIND: &'static str = "user group";
    /// The name: the only thing that tells user groups apart to people and to a
    /// directory; the id is the service's. The name itself is therefore never changed by
    /// `ensure`.
    const KEY: Field = Field::new("name");
    /// The group's one other field: the update replaces the group, so it can change it.
    const FIELDS: &'static [Field] = &[Field::new("synchronised")];
}

/// User groups are ensured by name. One name is looked up with the service's `name`
/// filter (whose wildcards can only widen the answer, which is then matched by the exact
/// name); several, or none, are matched against the whole list, read once. An update
/// starts from the group read whole with `get` ([`UserGroupRequest::from_user_group`]), so
/// the fields the SDK does not name are sent back.
///
/// ```no_run
/// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
/// use sdk_core::ensure::Ensure;
/// use sinch_rci::user_groups::UserGroupRequest;
///
/// let outcome = client.user_groups().ensure(&UserGroupRequest::new("Sales agents")).await?;
/// println!("{} user group {}", outcome.verb(), outcome.resource().id);
/// # Ok(()) }
/// ```
impl Ensure<UserGroupRequest> for UserGroups<'_> {
    async fn find(&self, keys: &[String]) -> Result<Vec<UserGroup>> {
        let query = match keys {
            [name] => UserGroupQuery::new().name(name),
            _ => UserGroupQuery::new(),
        };
        self.list(&query).collect_all().await
    }

    async fn create(&self, desired: &UserGroupRequest) -> Result<UserGroup> {
        let id = self.create(desired).await?;
        self.get(&id).await
    }

    async fn update(
        &self,
        live: &UserGroup,
        desired: &UserGroupRequest,
        _changes: &[Change],
    ) -> Result<UserGroup> {
        let whole = self.get(&live.id).await?;
        let body = desired.apply_to(&UserGroupRequest::from_user_group(&whole)?)?;
        self.update(&live.id, &body).await?;
        self.get(&live.id).await
    }

    async fn delete(&self, live: &UserGroup) -> Result<()> {
        self.delete(&live.id).await
    }
}

sdk_core::scope_type! {
    /// One user group: `/userGroups/{userGroupId}`, for its members.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// let sales = client.user_group("7B9ED6753BCD460C98501E9FD1C02002");
    /// for user in sales.users().list().await? {
    ///     println!("{:?} {:?}", user.first_name, user.surname);
    /// }
    /// # Ok(()) }
    /// ```
    UserGroupScope
}

impl<'a> UserGroupScope<'a> {
    /// The members: `/users`.
    pub fn users(&self) -> UserGroupUsers<'a> {
        UserGroupUsers(self.0.clone())
    }
}

sdk_core::scope_type! {
    /// The members of a user group: `/userGroups/{userGroupId}/users`. The same links as
    /// [`UserUserGroups`](crate::users::UserUserGroups), seen from the group.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// let members = client.user_group("7B9ED6753BCD460C98501E9FD1C02002").users();
    /// members.add("E936C474B22311D38FBE0090279A922E").await?;
    /// # Ok(()) }
    /// ```
    UserGroupUsers
}

impl UserGroupUsers<'_> {
    /// The members (the whole list: not paged; items are projections).
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn list(&self) -> Result<Vec<User>> {
        let spec = self
            .0
            .spec(Method::GET, "rci.user_groups.users.list", USERS, &[]);
        list_all(&self.0, spec).await
    }

    /// Adds an existing user to the group; returns the user's id.
    ///
    /// # Errors
    ///
    /// An [`InvalidInput`](sdk_core::ErrorKind::InvalidInput) error naming `userId` for an
    /// empty id, before anything is sent; the server's answer otherwise.
    pub async fn add(&self, user_id: impl AsRef<str>) -> Result<UserId> {
        let id = user_id.as_ref();
        let spec = self
            .0
            .spec(Method::POST, "rci.user_groups.users.add", USERS, &[])
            .validate(|| check_required("userId", id));
        post_for_id(&self.0, spec, "user", &IdRef { id }).await
    }

    /// Reads one member.
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) when the user is not a member.
    pub async fn get(&self, user_id: impl AsRef<str>) -> Result<User> {
        let spec = self.0.spec(
            Method::GET,
            "rci.user_groups.users.get",
            USER,
            &[user_id.as_ref()],
        );
        self.0.execute(spec).await
    }

    /// Removes a user from the group (the user stays).
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn remove(&self, user_id: impl AsRef<str>) -> Result<()> {
        let spec = self.0.spec(
            Method::DELETE,
            "rci.user_groups.users.remove",
            USER,
            &[user_id.as_ref()],
        );
        self.0.send(spec).await
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use crate::sim::{Link, entity, link, searchable};
    let api = api.resource(entity("user_groups", GROUPS).required(&["name"]));
    let api = searchable(
        api,
        "user_groups",
        GROUPS,
        sdk_core::sim::ListStyle::OffsetLimit,
        &[],
    );
    link(api, Link::new(USERS, "user_groups", "users"))
}
