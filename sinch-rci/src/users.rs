//! Users (`/users`) and what hangs below one user (`/users/{userId}/...`): the user groups
//! and roles it belongs to, its certificates, and its skills with their levels.
//!
//! A list shows projections: the id, first name and surname, plus the fields the query
//! filtered on; [`Users::get`] reads the whole user. An update replaces the user: send every
//! field you want to keep ([`UserRequest::from_user`] rebuilds the request from a user read
//! with `get`, the fields the SDK does not name included).

use serde::{Deserialize, Serialize};

use sdk_core::ensure::{Change, Desired, Ensure, Field};
use sdk_core::futures_util::StreamExt;
use sdk_core::limit::for_each_limited;
use sdk_core::model::{UnknownFields, check_required};
use sdk_core::{Error, Method, Result};

use crate::common::{IdRef, WithId, list_all, post_for_id, required, search_query};
use crate::roles::{Role, RoleId};
use crate::skills::SkillId;
use crate::user_groups::{UserGroup, UserGroupId};

const USERS: &str = "/users";
const USER: &str = "/users/{userId}";
const USER_GROUPS: &str = "/users/{userId}/userGroups";
const USER_GROUP: &str = "/users/{userId}/userGroups/{userGroupId}";
const ROLES: &str = "/users/{userId}/roles";
const ROLE: &str = "/users/{userId}/roles/{roleId}";
const CERTIFICATES: &str = "/users/{userId}/certificates";
const CERTIFICATE: &str = "/users/{userId}/certificates/{certificateId}";
const SKILLS: &str = "/users/{userId}/skills";
const SKILL: &str = "/users/{userId}/skills/{skillId}";

sdk_core::id_type! {
    /// The id of a user: 32 hexadecimal characters in either case (see [ids](crate#ids)).
    pub struct UserId;
}

sdk_core::id_type! {
    /// The id of a user's certificate: 32 hexadecimal characters in either case (see [ids](crate#ids)).
    pub struct CertificateId;
}

/// A user, as `get` answers it, or the projection a list shows (the id, first name and
/// surname, and the fields filtered on): every field but the id may be absent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct User {
    /// The id, assigned by the system.
    pub id: UserId,
    /// The first name (1 to 400 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// The surname (1 to 400 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub surname: Option<String>,
    /// The login name (1 to 64 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub login: Option<String>,
    /// An id in an external system (1 to 128 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// The phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The chat address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chat: Option<String>,
    /// The name shown in chats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chat_name: Option<String>,
    /// The e-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The language of the user interface (`EN`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ui_language: Option<String>,
    /// The language of the prompts the user hears (`EN`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt_language: Option<String>,
    /// The time zone: a time-zone id, an IANA name (`Europe/Helsinki`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    /// Whether the user is kept in sync from an external directory (the document does not
    /// explain it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub synchronised: Option<bool>,
    /// Fields the SDK does not name, kept as the server sent them (sent back by an update
    /// built from this value).
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

sdk_core::listed!(User);

/// The body of [`Users::create`] and [`Users::update`]. An update replaces the user: the
/// fields left out are cleared.
///
/// ```
/// use sinch_rci::users::UserRequest;
///
/// let john = UserRequest::new("John", "Fox")
///     .login("John.Fox")
///     .email("John.Fox@customer.com")
///     .time_zone("Europe/Helsinki");
/// # let _ = john;
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UserRequest {
    /// The first name (required; the service accepts 1 to 400 characters).
    pub first_name: String,
    /// The surname (required; the service accepts 1 to 400 characters).
    pub surname: String,
    /// The login name (the service accepts 1 to 64 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub login: Option<String>,
    /// An id in an external system (the service accepts 1 to 128 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// The phone number (the service accepts 1 to 256 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The chat address (the service accepts 3 to 256 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chat: Option<String>,
    /// The name shown in chats (the service accepts 1 to 64 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chat_name: Option<String>,
    /// The e-mail address (the service accepts 6 to 256 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The language of the user interface, such as `EN` (the service accepts 2 to 4
    /// characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ui_language: Option<String>,
    /// The language of the prompts, such as `EN` (the service accepts 2 to 4
    /// characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt_language: Option<String>,
    /// The time zone: a time-zone id, an IANA name such as `Europe/Helsinki` (the service
    /// accepts 3 to 50 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    /// Whether the user is kept in sync from an external directory.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub synchronised: Option<bool>,
    /// Fields the SDK does not name, carried over from the model this request was built
    /// from (`from_user`) so that the update keeps them; empty otherwise.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

impl UserRequest {
    /// A user with its two required fields.
    pub fn new(first_name: impl Into<String>, surname: impl Into<String>) -> Self {
        UserRequest {
            first_name: first_name.into(),
            surname: surname.into(),
            login: None,
            external_id: None,
            phone: None,
            chat: None,
            chat_name: None,
            email: None,
            ui_language: None,
            prompt_language: None,
            time_zone: None,
            synchronised: None,
            unknown_fields: UnknownFields::default(),
        }
    }

    /// The request that recreates `user` as it is, the fields the SDK does not name
    /// included (to change a field and [`update`](Users::update), since an update replaces
    /// every field: read the user with [`get`](Users::get), as a list shows projections).
    ///
    /// ```
    /// use sinch_rci::users::{User, UserRequest};
    ///
    /// let john: User = serde_json::from_str(
    ///     r#"{"id": "E936C474B22311D38FBE0090279A922E", "firstName": "John", "surname": "Fox",
    ///         "email": "john@example.com", "department": "Sales"}"#,
    /// )?;
    /// let mut change = UserRequest::from_user(&john)?;
    /// change.email = Some("john.fox@example.com".into());
    /// // `client.users().update(&john.id, &change)` sends `department` back unchanged.
    /// assert_eq!(change.unknown_fields.get("department"), Some(&serde_json::json!("Sales")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) naming `firstName`
    /// or `surname` when `user` is a list projection without them.
    pub fn from_user(user: &User) -> Result<Self> {
        Ok(UserRequest {
            first_name: required("firstName", &user.first_name)?,
            surname: required("surname", &user.surname)?,
            login: user.login.clone(),
            external_id: user.external_id.clone(),
            phone: user.phone.clone(),
            chat: user.chat.clone(),
            chat_name: user.chat_name.clone(),
            email: user.email.clone(),
            ui_language: user.ui_language.clone(),
            prompt_language: user.prompt_language.clone(),
            time_zone: user.time_zone.clone(),
            synchronised: user.synchronised,
            unknown_fields: user.unknown_fields.clone(),
        })
    }

    /// The two required names, present and not empty; the lengths of the document are
    /// the service's to apply.
    fn check(&self) -> Result<()> {
        check_required("firstName", &self.first_name)?;
        check_required("surname", &self.surname)
    }
}

sdk_core::setters!(UserRequest {
    /// Sets the login name.
    login: String,
    /// Sets the external id.
    external_id: String,
    /// Sets the phone number.
    phone: String,
    /// Sets the chat address.
    chat: String,
    /// Sets the chat name.
    chat_name: String,
    /// Sets the e-mail address.
    email: String,
    /// Sets the user-interface language.
    ui_language: String,
    /// Sets the prompt language.
    prompt_language: String,
    /// Sets the time zone (an IANA name).
    time_zone: String,
    /// Sets whether the user is kept in sync from an external directory.
    synchronised: bool,
});

search_query! {
    /// The search and sort of [`Users::list`]. Default order: firstName, surname,
    /// externalId, chatName, chat, email, phone.
    ///
    /// ```
    /// use sinch_rci::common::Sort;
    /// use sinch_rci::users::UserQuery;
    ///
    /// let q = UserQuery::new().surname("F*").email("*@customer.com").sort(Sort::asc("surname").locale("fi"));
    /// # let _ = q;
    /// ```
    sortable UserQuery {
        first_name => "firstName",
        surname => "surname",
        external_id => "externalId",
        chat_name => "chatName",
        chat => "chat",
        email => "email",
        phone => "phone",
    }
}

sdk_core::scope_type! {
    /// Users: `/users`.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// let john = client.users().get("E936C474B22311D38FBE0090279A922E").await?;
    /// println!("{:?} {:?} {:?}", john.first_name, john.surname, john.email);
    /// # Ok(()) }
    /// ```
    Users
}

impl Users<'_> {
    /// Lists users, `limit` (100 by default) per request. Items are projections: the id,
    /// first name and surname, and the fields `query` filters on.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// use sdk_core::futures_util::TryStreamExt;
    /// use sinch_rci::users::UserQuery;
    ///
    /// let mut foxes = client.users().list(&UserQuery::new().surname("Fox*")).items();
    /// while let Some(user) = foxes.try_next().await? {
    ///     println!("{} {:?}", user.id, user.first_name);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self, query: &UserQuery) -> sdk_core::Paginator<User> {
        let spec = self.0.spec(Method::GET, "rci.users.list", USERS, &[]);
        self.0.paginator(query.apply(spec))
    }

    /// Creates a user and returns its id.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// use sinch_rci::users::UserRequest;
    ///
    /// let id = client.users().create(&UserRequest::new("John", "Fox").login("John.Fox")).await?;
    /// let john = client.users().get(&id).await?;
    /// assert_eq!(john.login.as_deref(), Some("John.Fox"));
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) naming `firstName` or
    /// `surname` when it is empty, before anything is sent; the server's answer otherwise
    /// (such as its refusal of a value outside the document's lengths).
    pub async fn create(&self, user: &UserRequest) -> Result<UserId> {
        let spec = self
            .0
            .spec(Method::POST, "rci.users.create", USERS, &[])
            .validate(|| user.check());
        post_for_id(&self.0, spec, "user", user).await
    }

    /// Reads a user.
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) for an unknown id.
    pub async fn get(&self, user_id: impl AsRef<str>) -> Result<User> {
        let spec = self
            .0
            .spec(Method::GET, "rci.users.get", USER, &[user_id.as_ref()]);
        self.0.execute(spec).await
    }

    /// Replaces a user (every field: those left out are cleared). The body carries the
    /// id as well.
    ///
    /// # Errors
    ///
    /// As [`create`](Self::create).
    pub async fn update(&self, user_id: impl AsRef<str>, user: &UserRequest) -> Result<()> {
        let id = user_id.as_ref();
        let spec = self
            .0
            .spec(Method::PUT, "rci.users.update", USER, &[id])
            .validate(|| user.check());
        self.0
            .send(self.0.body(spec, "user", &WithId { id, body: user }))
            .await
    }

    /// Deletes a user.
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn delete(&self, user_id: impl AsRef<str>) -> Result<()> {
        let spec = self.0.spec(
            Method::DELETE,
            "rci.users.delete",
            USER,
            &[user_id.as_ref()],
        );
        self.0.send(spec).await
    }
}

impl Desired for UserRequest {
    type Live = User;
    const KIND: &'static str = "user";
    /// The login: what the user signs in with, so it names one person, where first names
    /// and surnames repeat and the external id and e-mail address are optional and belong
    /// to other systems; the id is the service's. The login itself is therefore never
    /// changed by `ensure`.
    const KEY: Field = Field::new("login");
    /// Every other field of the user: the update replaces the whole user, so it can change
    /// each of them.
    const FIELDS: &'static [Field] = &[
        Field::new("firstName"),
        Field::new("surname"),
        Field::new("externalId"),
        Field::new("phone"),
        Field::new("chat"),
        Field::new("chatName"),
        Field::new("email"),
        Field::new("uiLanguage"),
        Field::new("promptLanguage"),
        Field::new("timeZone"),
        Field::new("synchronised"),
    ];
}

/// Users are ensured by login. The RCI cannot search users by login, and its list shows
/// projections without it (the id and the names), so finding users reads the list, then
/// each listed user whole with `get`, as many at once as the client's
/// [concurrency limit](sdk_core::limit) allows (a list item that does show its login is
/// read only when that login is wanted). The users found are whole, so an update starts
/// from the user as it is ([`UserRequest::from_user`]) and keeps what the description
/// leaves out, the fields the SDK does not name included.
///
/// A user's skills and user groups are not fields of the user: they are ensured on
/// [`UserSkills`] and [`UserUserGroups`], once the user exists.
///
/// ```no_run
/// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
/// use sdk_core::ensure::Ensure;
/// use sinch_rci::users::UserRequest;
///
/// let john = UserRequest::new("John", "Fox").login("john.fox").email("john.fox@example.com");
/// let outcome = client.users().ensure(&john).await?;
/// println!("{} user {}", outcome.verb(), outcome.resource().id);
/// # Ok(()) }
/// ```
impl Ensure<UserRequest> for Users<'_> {
    async fn find(&self, keys: &[String]) -> Result<Vec<User>> {
        let wanted = |user: &User| match &user.login {
            Some(login) => keys.is_empty() || keys.contains(login),
            None => true,
        };
        let ids: Vec<UserId> = self
            .list(&UserQuery::new())
            .collect_all()
            .await?
            .into_iter()
            .filter(wanted)
            .map(|user| user.id)
            .collect();
        let read: Vec<Result<User>> =
            for_each_limited(
                self.0.transport(),
                ids,
                |id| async move { self.get(&id).await },
            )
            .collect()
            .await;
        // A user deleted between the list and its read is not there.
        read.into_iter()
            .filter(|r| !matches!(r, Err(e) if e.is_not_found()))
            .collect()
    }

    async fn create(&self, desired: &UserRequest) -> Result<User> {
        let id = self.create(desired).await?;
        self.get(&id).await
    }

    async fn update(
        &self,
        live: &User,
        desired: &UserRequest,
        _changes: &[Change],
    ) -> Result<User> {
        let body = desired.apply_to(&UserRequest::from_user(live)?)?;
        self.update(&live.id, &body).await?;
        self.get(&live.id).await
    }

    async fn delete(&self, live: &User) -> Result<()> {
        self.delete(&live.id).await
    }
}

sdk_core::scope_type! {
    /// One user: `/users/{userId}`, for the resources below it.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// let john = client.user("E936C474B22311D38FBE0090279A922E");
    /// for skill in john.skills().list().await? {
    ///     println!("{:?} at level {:?}", skill.name, skill.value);
    /// }
    /// # Ok(()) }
    /// ```
    UserScope
}

impl<'a> UserScope<'a> {
    /// The user groups the user belongs to: `/userGroups`.
    pub fn user_groups(&self) -> UserUserGroups<'a> {
        UserUserGroups(self.0.clone())
    }

    /// The roles the user has: `/roles`.
    pub fn roles(&self) -> UserRoles<'a> {
        UserRoles(self.0.clone())
    }

    /// The user's certificates: `/certificates`.
    pub fn certificates(&self) -> UserCertificates<'a> {
        UserCertificates(self.0.clone())
    }

    /// The user's skills and their levels: `/skills`.
    pub fn skills(&self) -> UserSkills<'a> {
        UserSkills(self.0.clone())
    }
}

sdk_core::scope_type! {
    /// The user groups of a user: `/users/{userId}/userGroups`. The same links as
    /// [`UserGroupUsers`](crate::user_groups::UserGroupUsers), seen from the user.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// let groups = client.user("E936C474B22311D38FBE0090279A922E").user_groups();
    /// groups.add("7B9ED6753BCD460C98501E9FD1C02002").await?;
    /// # Ok(()) }
    /// ```
    UserUserGroups
}

impl UserUserGroups<'_> {
    /// The user's groups (the whole list: not paged).
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn list(&self) -> Result<Vec<UserGroup>> {
        let spec = self
            .0
            .spec(Method::GET, "rci.users.user_groups.list", USER_GROUPS, &[]);
        list_all(&self.0, spec).await
    }

    /// Adds the user to an existing user group; returns the group's id.
    ///
    /// # Errors
    ///
    /// An [`InvalidInput`](sdk_core::ErrorKind::InvalidInput) error naming `userGroupId`
    /// for an empty id, before anything is sent; the server's answer otherwise.
    pub async fn add(&self, user_group_id: impl AsRef<str>) -> Result<UserGroupId> {
        let id = user_group_id.as_ref();
        let spec = self
            .0
            .spec(Method::POST, "rci.users.user_groups.add", USER_GROUPS, &[])
            .validate(|| check_required("userGroupId", id));
        post_for_id(&self.0, spec, "userGroup", &IdRef { id }).await
    }

    /// Reads one of the user's groups.
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) when the user is not in it.
    pub async fn get(&self, user_group_id: impl AsRef<str>) -> Result<UserGroup> {
        let spec = self.0.spec(
            Method::GET,
            "rci.users.user_groups.get",
            USER_GROUP,
            &[user_group_id.as_ref()],
        );
        self.0.execute(spec).await
    }

    /// Removes the user from a group (the group stays). The server may answer 200 with a
    /// message or 204; both are success.
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) when the user is not in it.
    pub async fn remove(&self, user_group_id: impl AsRef<str>) -> Result<()> {
        let spec = self.0.spec(
            Method::DELETE,
            "rci.users.user_groups.remove",
            USER_GROUP,
            &[user_group_id.as_ref()],
        );
        self.0.send(spec).await
    }
}

/// A user's membership of a user group, as [`Ensure`] on [`UserUserGroups`] describes it:
/// the group, by id. The RCI has no link from a user to a queue: a user's memberships
/// are its user groups.
///
/// ```
/// use sinch_rci::users::UserGroupMembership;
///
/// let sales = UserGroupMembership::new("7B9ED6753BCD460C98501E9FD1C02002");
/// assert_eq!(sales.id.as_str(), "7B9ED6753BCD460C98501E9FD1C02002");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UserGroupMembership {
    /// The id of an existing user group (required).
    pub id: UserGroupId,
}

impl UserGroupMembership {
    /// Membership of the user group `user_group_id`.
    pub fn new(user_group_id: impl Into<UserGroupId>) -> Self {
        UserGroupMembership {
            id: user_group_id.into(),
        }
    }
}

impl Desired for UserGroupMembership {
    type Live = UserGroup;
    const KIND: &'static str = "user group membership";
    /// The group's id: a user is in a group once, and the group's name is the group's own
    /// (ensured on [`UserGroups`](crate::user_groups::UserGroups)).
    const KEY: Field = Field::new("id");
    /// None: a membership has nothing of its own to change; it is there or not.
    const FIELDS: &'static [Field] = &[];
}

/// A user's user groups are ensured by the groups' ids: a missing membership is added,
/// and one that is there is left (a membership has no field to update). Memberships the
/// description does not name are not removed.
///
/// ```no_run
/// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
/// use sdk_core::ensure::Ensure;
/// use sinch_rci::users::UserGroupMembership;
///
/// let groups = client.user("E936C474B22311D38FBE0090279A922E").user_groups();
/// let sales = UserGroupMembership::new("7B9ED6753BCD460C98501E9FD1C02002");
/// println!("{}", groups.ensure(&sales).await?.verb());
/// # Ok(()) }
/// ```
impl Ensure<UserGroupMembership> for UserUserGroups<'_> {
    async fn find(&self, _keys: &[String]) -> Result<Vec<UserGroup>> {
        self.list().await
    }

    async fn create(&self, desired: &UserGroupMembership) -> Result<UserGroup> {
        let id = self.add(&desired.id).await?;
        self.get(&id).await
    }

    /// Never called: with no field to compare, a membership that is there is unchanged.
    async fn update(
        &self,
        live: &UserGroup,
        _desired: &UserGroupMembership,
        _changes: &[Change],
    ) -> Result<UserGroup> {
        Ok(live.clone())
    }

    async fn delete(&self, live: &UserGroup) -> Result<()> {
        self.remove(&live.id).await
    }
}

sdk_core::scope_type! {
    /// The roles of a user: `/users/{userId}/roles`. The same links as
    /// [`RoleUsers`](crate::roles::RoleUsers), seen from the user.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// let roles = client.user("E936C474B22311D38FBE0090279A922E").roles();
    /// for role in roles.list().await? {
    ///     println!("{} {:?}", role.id, role.name);
    /// }
    /// # Ok(()) }
    /// ```
    UserRoles
}

impl UserRoles<'_> {
    /// The user's roles (the whole list: not paged).
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn list(&self) -> Result<Vec<Role>> {
        let spec = self.0.spec(Method::GET, "rci.users.roles.list", ROLES, &[]);
        list_all(&self.0, spec).await
    }

    /// Gives the user an existing role; returns the role's id.
    ///
    /// # Errors
    ///
    /// An [`InvalidInput`](sdk_core::ErrorKind::InvalidInput) error naming `roleId` for an
    /// empty id, before anything is sent; the server's answer otherwise.
    pub async fn add(&self, role_id: impl AsRef<str>) -> Result<RoleId> {
        let id = role_id.as_ref();
        let spec = self
            .0
            .spec(Method::POST, "rci.users.roles.add", ROLES, &[])
            .validate(|| check_required("roleId", id));
        post_for_id(&self.0, spec, "role", &IdRef { id }).await
    }

    /// Reads one of the user's roles.
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) when the user lacks it.
    pub async fn get(&self, role_id: impl AsRef<str>) -> Result<Role> {
        let spec = self.0.spec(
            Method::GET,
            "rci.users.roles.get",
            ROLE,
            &[role_id.as_ref()],
        );
        self.0.execute(spec).await
    }

    /// Takes a role from the user (the role stays).
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn remove(&self, role_id: impl AsRef<str>) -> Result<()> {
        let spec = self.0.spec(
            Method::DELETE,
            "rci.users.roles.remove",
            ROLE,
            &[role_id.as_ref()],
        );
        self.0.send(spec).await
    }
}

/// A user's certificate (for certificate-based sign-in).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Certificate {
    /// The id (the document's schema leaves it out; its examples all carry it).
    pub id: CertificateId,
    /// The subject (1 to 450 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// The issuer (1 to 450 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// Fields the SDK does not name, kept as the server sent them (written back when this
    /// value is serialised).
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

/// The body of [`UserCertificates::create`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct NewCertificate {
    /// The subject (required; the service accepts 1 to 450 characters).
    pub subject: String,
    /// The issuer (required; the service accepts 1 to 450 characters).
    pub issuer: String,
}

impl NewCertificate {
    /// A certificate of `subject`, issued by `issuer`.
    pub fn new(subject: impl Into<String>, issuer: impl Into<String>) -> Self {
        NewCertificate {
            subject: subject.into(),
            issuer: issuer.into(),
        }
    }

    fn check(&self) -> Result<()> {
        check_required("subject", &self.subject)?;
        check_required("issuer", &self.issuer)
    }
}

sdk_core::scope_type! {
    /// The certificates of a user: `/users/{userId}/certificates`.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// let certificates = client.user("E936C474B22311D38FBE0090279A922E").certificates();
    /// for certificate in certificates.list().await? {
    ///     println!("{} {:?}", certificate.id, certificate.subject);
    /// }
    /// # Ok(()) }
    /// ```
    UserCertificates
}

impl UserCertificates<'_> {
    /// The user's certificates (the whole list: not paged).
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn list(&self) -> Result<Vec<Certificate>> {
        let spec = self.0.spec(
            Method::GET,
            "rci.users.certificates.list",
            CERTIFICATES,
            &[],
        );
        list_all(&self.0, spec).await
    }

    /// Adds a certificate and returns its id.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) for an empty subject
    /// or issuer, before anything is sent; the server's answer otherwise.
    pub async fn create(&self, certificate: &NewCertificate) -> Result<CertificateId> {
        let spec = self
            .0
            .spec(
                Method::POST,
                "rci.users.certificates.create",
                CERTIFICATES,
                &[],
            )
            .validate(|| certificate.check());
        post_for_id(&self.0, spec, "certificate", certificate).await
    }

    /// Reads a certificate.
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) for an unknown id.
    pub async fn get(&self, certificate_id: impl AsRef<str>) -> Result<Certificate> {
        let spec = self.0.spec(
            Method::GET,
            "rci.users.certificates.get",
            CERTIFICATE,
            &[certificate_id.as_ref()],
        );
        self.0.execute(spec).await
    }

    /// Deletes a certificate.
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn delete(&self, certificate_id: impl AsRef<str>) -> Result<()> {
        let spec = self.0.spec(
            Method::DELETE,
            "rci.users.certificates.delete",
            CERTIFICATE,
            &[certificate_id.as_ref()],
        );
        self.0.send(spec).await
    }
}

/// A skill of a user. The list shows the skill's id and the user's level in it
/// (`value`); `get` shows the skill itself (name and description, no level).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UserSkill {
    /// The skill's id.
    pub id: SkillId,
    /// The skill's name (on `get`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The skill's description (on `get`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The user's level in the skill, 1 to 5 (on `list`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<u8>,
    /// Fields the SDK does not name, kept as the server sent them (written back when this
    /// value is serialised).
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

/// A skill and a user's level in it: the body of [`UserSkills::add`] and
/// [`UserSkills::update`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SkillLevel {
    /// The id of an existing skill (required).
    pub id: SkillId,
    /// The level: the document's levels are 1 to 5, a range the service applies.
    pub value: u8,
}

impl SkillLevel {
    /// Level `value` (1 to 5 in the document) in skill `skill_id`.
    pub fn new(skill_id: impl Into<SkillId>, value: u8) -> Self {
        SkillLevel {
            id: skill_id.into(),
            value,
        }
    }

    fn check(&self) -> Result<()> {
        check_required("id", self.id.as_str())
    }
}

sdk_core::scope_type! {
    /// The skills of a user and the user's levels in them: `/users/{userId}/skills`.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// let skills = client.user("E936C474B22311D38FBE0090279A922E").skills();
    /// skills.update("ABFF5E5BC1E44E90877C55570D06E8A7", 5).await?;
    /// # Ok(()) }
    /// ```
    UserSkills
}

impl UserSkills<'_> {
    /// The user's skills with their levels (the whole list: not paged).
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn list(&self) -> Result<Vec<UserSkill>> {
        let spec = self
            .0
            .spec(Method::GET, "rci.users.skills.list", SKILLS, &[]);
        list_all(&self.0, spec).await
    }

    /// Gives the user an existing skill at a level; returns the skill's id.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// use sinch_rci::users::SkillLevel;
    ///
    /// client
    ///     .user("E936C474B22311D38FBE0090279A922E")
    ///     .skills()
    ///     .add(&SkillLevel::new("ABFF5E5BC1E44E90877C55570D06E8A7", 4))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) for an empty skill
    /// id, before anything is sent; the server's answer otherwise (such as its refusal of
    /// a level outside 1 to 5).
    pub async fn add(&self, skill: &SkillLevel) -> Result<SkillId> {
        let spec = self
            .0
            .spec(Method::POST, "rci.users.skills.add", SKILLS, &[])
            .validate(|| skill.check());
        post_for_id(&self.0, spec, "skill", skill).await
    }

    /// Reads one of the user's skills (the skill's name and description).
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) when the user lacks it.
    pub async fn get(&self, skill_id: impl AsRef<str>) -> Result<UserSkill> {
        let spec = self.0.spec(
            Method::GET,
            "rci.users.skills.get",
            SKILL,
            &[skill_id.as_ref()],
        );
        self.0.execute(spec).await
    }

    /// Changes the user's level in a skill. Sends `{"id": <skillId>, "value": <level>}`:
    /// the document's schema for this body is the skill entity, but the level is the only
    /// thing a user's skill has of its own.
    ///
    /// # Errors
    ///
    /// As [`add`](Self::add).
    pub async fn update(&self, skill_id: impl AsRef<str>, value: u8) -> Result<()> {
        let id = skill_id.as_ref();
        let body = SkillLevel::new(id, value);
        let spec = self
            .0
            .spec(Method::PUT, "rci.users.skills.update", SKILL, &[id])
            .validate(|| body.check());
        self.0.send(self.0.body(spec, "skill", &body)).await
    }

    /// Takes a skill from the user (the skill stays).
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn remove(&self, skill_id: impl AsRef<str>) -> Result<()> {
        let spec = self.0.spec(
            Method::DELETE,
            "rci.users.skills.remove",
            SKILL,
            &[skill_id.as_ref()],
        );
        self.0.send(spec).await
    }
}

impl Desired for SkillLevel {
    type Live = UserSkill;
    const KIND: &'static str = "user skill";
    /// The skill's id: a user has each skill once, at one level, and the user's list of
    /// skills shows them by id and level only.
    const KEY: Field = Field::new("id");
    /// The level, which [`UserSkills::update`] changes.
    const FIELDS: &'static [Field] = &[Field::new("value")];
}

/// A user's skills are ensured by the skills' ids: a missing one is added at its level, a
/// level that differs is changed, and skills the description does not name are left. What
/// `ensure` returns is the skill as the user's list shows it (its id and the level).
///
/// ```no_run
/// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
/// use sdk_core::ensure::Ensure;
/// use sinch_rci::users::SkillLevel;
///
/// let skills = client.user("E936C474B22311D38FBE0090279A922E").skills();
/// let wanted = [
///     SkillLevel::new("175A098FEDDB41EB8839AACBAB26A0B6", 5),
///     SkillLevel::new("ABFF5E5BC1E44E90877C55570D06E8A7", 3),
/// ];
/// for (skill, plan) in wanted.iter().zip(skills.plan_all(&wanted).await?) {
///     println!("{}", skills.apply(skill, plan).await?.verb());
/// }
/// # Ok(()) }
/// ```
impl Ensure<SkillLevel> for UserSkills<'_> {
    async fn find(&self, _keys: &[String]) -> Result<Vec<UserSkill>> {
        self.list().await
    }

    async fn create(&self, desired: &SkillLevel) -> Result<UserSkill> {
        let id = self.add(desired).await?;
        self.listed(&id).await
    }

    async fn update(
        &self,
        live: &UserSkill,
        desired: &SkillLevel,
        _changes: &[Change],
    ) -> Result<UserSkill> {
        self.update(&live.id, desired.value).await?;
        self.listed(&live.id).await
    }

    async fn delete(&self, live: &UserSkill) -> Result<()> {
        self.remove(&live.id).await
    }
}

impl UserSkills<'_> {
    /// The skill `id` as the user's list shows it, with its level (`get` shows no level).
    async fn listed(&self, id: &SkillId) -> Result<UserSkill> {
        self.list()
            .await?
            .into_iter()
            .find(|skill| &skill.id == id)
            .ok_or_else(|| {
                Error::unexpected_answer(format!(
                    "the user's skills do not show the skill `{id}` just set"
                ))
            })
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use crate::sim::{Link, entity, link, searchable};
    use sdk_core::sim::ListStyle;
    let api = api
        .resource(entity("users", USERS).required(&["firstName", "surname"]))
        .resource(entity("certificates", CERTIFICATES).required(&["subject", "issuer"]));
    let api = searchable(api, "users", USERS, ListStyle::OffsetLimit, &[]);
    let api = searchable(api, "certificates", CERTIFICATES, ListStyle::BareArray, &[]);
    let api = link(api, Link::new(USER_GROUPS, "users", "user_groups"));
    let api = link(api, Link::new(ROLES, "users", "roles"));
    link(
        api,
        Link::new(SKILLS, "users", "skills").with_value("value"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_required_values_are_checked() {
        // The document's lengths and level range are the service's to apply: these are
        // sent as given.
        for given in [
            UserRequest::new("John", "Fox")
                .email("a@b.c")
                .chat("ab")
                .ui_language("ENGLISH")
                .time_zone("Europe/Helsinki"),
            UserRequest::new("x".repeat(401), "Fox"),
        ] {
            assert!(given.check().is_ok(), "{given:?}");
        }
        assert_eq!(
            UserRequest::new("", "Fox").check().unwrap_err().field(),
            Some("firstName")
        );
        assert_eq!(
            UserRequest::new("John", " ").check().unwrap_err().field(),
            Some("surname")
        );
        let level = SkillLevel::new("ABFF5E5BC1E44E90877C55570D06E8A7", 6);
        assert!(level.check().is_ok());
        assert_eq!(serde_json::to_value(&level).unwrap()["value"], 6);
        assert_eq!(
            SkillLevel::new("", 3).check().unwrap_err().field(),
            Some("id")
        );
    }

    #[test]
    fn a_user_round_trips_and_rebuilds_its_request() {
        let body = serde_json::json!({
            "id": "E936C474B22311D38FBE0090279A922E",
            "firstName": "John",
            "surname": "Fox",
            "login": "John.Fox",
            "timeZone": "Europe/Helsinki",
            "synchronised": true,
            "department": "Sales",
            "badge": {"number": 42}
        });
        let user: User = serde_json::from_value(body.clone()).unwrap();
        assert_eq!(user.unknown_fields.len(), 2);
        assert_eq!(serde_json::to_value(&user).unwrap(), body);
        let req = UserRequest::from_user(&user).unwrap();
        assert_eq!(req.login.as_deref(), Some("John.Fox"));
        assert_eq!(req.unknown_fields, user.unknown_fields);
        let mut sent = body.clone();
        sent.as_object_mut().unwrap().remove("id");
        assert_eq!(serde_json::to_value(&req).unwrap(), sent);
        assert!(UserRequest::new("A", "B").unknown_fields.is_empty());
        let projection: User =
            serde_json::from_value(serde_json::json!({"id": "E936C474B22311D38FBE0090279A922E"}))
                .unwrap();
        assert_eq!(
            UserRequest::from_user(&projection).unwrap_err().field(),
            Some("firstName")
        );
    }
}
