//! Roles (`/roles`) and the users who have them (`/roles/{roleId}/users`).

use serde::{Deserialize, Serialize};

use sdk_core::model::{UnknownFields, check_required};
use sdk_core::{Method, Result};

use crate::common::{IdRef, WithId, list_all, post_for_id, required, search_query};
use crate::users::{User, UserId};

const ROLES: &str = "/roles";
const ROLE: &str = "/roles/{roleId}";
const USERS: &str = "/roles/{roleId}/users";
const USER: &str = "/roles/{roleId}/users/{userId}";

sdk_core::id_type! {
    /// The id of a role: 32 hexadecimal characters in either case (see [ids](crate#ids)).
    pub struct RoleId;
}

/// A role, as `get` answers it or as a list shows it (every field but the id may be
/// absent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Role {
    /// The id, assigned by the system.
    pub id: RoleId,
    /// The name (`CC Agent`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Fields the SDK does not name, kept as the server sent them (sent back by an update
    /// built from this value).
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

sdk_core::listed!(Role);

/// The body of [`Roles::create`] and [`Roles::update`] (an update replaces the role).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RoleRequest {
    /// The name (required; the document gives no length limits for roles).
    pub name: String,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Fields the SDK does not name, carried over from the model this request was built
    /// from (`from_role`) so that the update keeps them; empty otherwise.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

impl RoleRequest {
    /// A role named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        RoleRequest {
            name: name.into(),
            description: None,
            unknown_fields: UnknownFields::default(),
        }
    }

    /// The request that recreates `role` as it is, the fields the SDK does not name
    /// included, to change a field and [`update`](Roles::update) (an update replaces the
    /// role).
    ///
    /// ```
    /// use sinch_rci::roles::{Role, RoleRequest};
    ///
    /// let role: Role = serde_json::from_str(
    ///     r#"{"id": "2CADB6A137124F13BC68938E2B5FEFC1", "name": "Agent", "scope": "all"}"#,
    /// )?;
    /// let change = RoleRequest::from_role(&role)?.description("Answers calls");
    /// // `client.roles().update(&role.id, &change)` sends `scope` back unchanged.
    /// assert_eq!(change.unknown_fields.get("scope"), Some(&serde_json::json!("all")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) naming `name` when
    /// `role` lacks it.
    pub fn from_role(role: &Role) -> Result<Self> {
        Ok(RoleRequest {
            name: required("name", &role.name)?,
            description: role.description.clone(),
            unknown_fields: role.unknown_fields.clone(),
        })
    }

    /// Sets the description.
    pub fn description(mut self, text: impl Into<String>) -> Self {
        self.description = Some(text.into());
        self
    }

    fn check(&self) -> Result<()> {
        check_required("name", &self.name)
    }
}

search_query! {
    /// The search and sort of [`Roles::list`]. Default order: id, name.
    sortable RoleQuery {
        id => "id",
        name => "name",
    }
}

sdk_core::scope_type! {
    /// Roles: `/roles`.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// let role = client.roles().get("2CADB6A137124F13BC68938E2B5FEFC1").await?;
    /// println!("{:?} {:?}", role.name, role.description);
    /// # Ok(()) }
    /// ```
    Roles
}

impl Roles<'_> {
    /// Lists roles, `limit` (100 by default) per request.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// use sinch_rci::roles::RoleQuery;
    ///
    /// let roles = client.roles().list(&RoleQuery::new()).max_items(50).collect_all().await?;
    /// for role in roles {
    ///     println!("{} {:?}", role.id, role.name);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self, query: &RoleQuery) -> sdk_core::Paginator<Role> {
        let spec = self.0.spec(Method::GET, "rci.roles.list", ROLES, &[]);
        self.0.paginator(query.apply(spec))
    }

    /// Creates a role and returns its id.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) naming `name` when it
    /// is empty, before anything is sent.
    pub async fn create(&self, role: &RoleRequest) -> Result<RoleId> {
        let spec = self
            .0
            .spec(Method::POST, "rci.roles.create", ROLES, &[])
            .validate(|| role.check());
        post_for_id(&self.0, spec, "role", role).await
    }

    /// Reads a role.
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) for an unknown id.
    pub async fn get(&self, role_id: impl AsRef<str>) -> Result<Role> {
        let spec = self
            .0
            .spec(Method::GET, "rci.roles.get", ROLE, &[role_id.as_ref()]);
        self.0.execute(spec).await
    }

    /// Replaces a role (the body carries the id as well).
    ///
    /// # Errors
    ///
    /// As [`create`](Self::create).
    pub async fn update(&self, role_id: impl AsRef<str>, role: &RoleRequest) -> Result<()> {
        let id = role_id.as_ref();
        let spec = self
            .0
            .spec(Method::PUT, "rci.roles.update", ROLE, &[id])
            .validate(|| role.check());
        self.0
            .send(self.0.body(spec, "role", &WithId { id, body: role }))
            .await
    }

    /// Deletes a role.
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn delete(&self, role_id: impl AsRef<str>) -> Result<()> {
        let spec = self.0.spec(
            Method::DELETE,
            "rci.roles.delete",
            ROLE,
            &[role_id.as_ref()],
        );
        self.0.send(spec).await
    }
}

sdk_core::scope_type! {
    /// One role: `/roles/{roleId}`, for the users who have it.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// let role = client.role("2CADB6A137124F13BC68938E2B5FEFC1");
    /// for user in role.users().list().await? {
    ///     println!("{:?} {:?}", user.login, user.email);
    /// }
    /// # Ok(()) }
    /// ```
    RoleScope
}

impl<'a> RoleScope<'a> {
    /// The users who have the role: `/users`.
    pub fn users(&self) -> RoleUsers<'a> {
        RoleUsers(self.0.clone())
    }
}

sdk_core::scope_type! {
    /// The users who have a role: `/roles/{roleId}/users`. The same links as
    /// [`UserRoles`](crate::users::UserRoles), seen from the role.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// let users = client.role("2CADB6A137124F13BC68938E2B5FEFC1").users();
    /// users.add("E936C474B22311D38FBE0090279A922E").await?;
    /// # Ok(()) }
    /// ```
    RoleUsers
}

impl RoleUsers<'_> {
    /// The users who have the role (the whole list: not paged; items are projections).
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn list(&self) -> Result<Vec<User>> {
        let spec = self.0.spec(Method::GET, "rci.roles.users.list", USERS, &[]);
        list_all(&self.0, spec).await
    }

    /// Gives the role to an existing user; returns the user's id.
    ///
    /// # Errors
    ///
    /// An [`InvalidInput`](sdk_core::ErrorKind::InvalidInput) error naming `userId` for an
    /// empty id, before anything is sent; the server's answer otherwise.
    pub async fn add(&self, user_id: impl AsRef<str>) -> Result<UserId> {
        let id = user_id.as_ref();
        let spec = self
            .0
            .spec(Method::POST, "rci.roles.users.add", USERS, &[])
            .validate(|| check_required("userId", id));
        post_for_id(&self.0, spec, "user", &IdRef { id }).await
    }

    /// Reads one user who has the role.
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) when the user lacks it.
    pub async fn get(&self, user_id: impl AsRef<str>) -> Result<User> {
        let spec = self.0.spec(
            Method::GET,
            "rci.roles.users.get",
            USER,
            &[user_id.as_ref()],
        );
        self.0.execute(spec).await
    }

    /// Takes the role from a user (the user stays).
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn remove(&self, user_id: impl AsRef<str>) -> Result<()> {
        let spec = self.0.spec(
            Method::DELETE,
            "rci.roles.users.remove",
            USER,
            &[user_id.as_ref()],
        );
        self.0.send(spec).await
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use crate::sim::{Link, entity, link, searchable};
    let api = api.resource(entity("roles", ROLES).required(&["name"]));
    let api = searchable(
        api,
        "roles",
        ROLES,
        sdk_core::sim::ListStyle::OffsetLimit,
        &[],
    );
    link(api, Link::new(USERS, "roles", "users"))
}
