//! The Sinch RCI story: mirror a small directory (users, their user groups, queues) into
//! the RCI, creating what is missing and updating what differs, and report each change.
//!
//! Each object is ensured by its natural key: queues and user groups by name, users by
//! login. `ensure` finds the live object, creates it, updates only what differs, or leaves
//! it; what the directory does not set is not managed. An RCI update replaces the whole
//! object, so `ensure` starts it from the object as it is: the fields the directory does
//! not set, those the SDK does not name included, are sent back unchanged.
//!
//! The RCI links agents through user groups (and queues through queue groups); it has no
//! direct user-to-queue link, so each user is placed in the user groups the directory
//! names. Memberships the directory does not name are left as they are.

use sdk_core::Error;
use sdk_core::ensure::{Desired, Ensure, Outcome};
use serde::Deserialize;
use sinch_rci::RciClient;
use sinch_rci::queues::{LoginType, QueueRequest, QueueType};
use sinch_rci::user_groups::{UserGroupId, UserGroupRequest};
use sinch_rci::users::{UserGroupMembership, UserRequest};

/// A directory to mirror, as read from JSON.
#[derive(Debug, Clone, Deserialize)]
pub struct Directory {
    /// The users.
    pub users: Vec<DirectoryUser>,
    /// The queues.
    pub queues: Vec<DirectoryQueue>,
}

/// A user of the directory; `login` is the key it is matched by.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DirectoryUser {
    /// The login, unique.
    pub login: String,
    /// The first name.
    pub first_name: String,
    /// The surname.
    pub surname: String,
    /// The e-mail address (left as it is when unset).
    #[serde(default)]
    pub email: Option<String>,
    /// The user groups the user belongs to, by name.
    #[serde(default)]
    pub groups: Vec<String>,
}

impl DirectoryUser {
    /// The user as the RCI should have it.
    pub fn request(&self) -> UserRequest {
        let mut user = UserRequest::new(&self.first_name, &self.surname).login(&self.login);
        user.email = self.email.clone();
        user
    }
}

/// A queue of the directory; `name` is the key it is matched by.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DirectoryQueue {
    /// The name, unique.
    pub name: String,
    /// The channel.
    #[serde(rename = "type")]
    pub queue_type: QueueType,
    /// How agents are logged in (`AutoAllocation` when the directory does not say).
    #[serde(default)]
    pub login_type: Option<LoginType>,
    /// Its addresses (numbers, chat or e-mail addresses; left as they are when none).
    #[serde(default)]
    pub addresses: Vec<String>,
}

impl DirectoryQueue {
    /// The queue as the RCI should have it.
    pub fn request(&self) -> QueueRequest {
        let login_type = self.login_type.clone().unwrap_or(LoginType::AutoAllocation);
        let mut queue = QueueRequest::new(self.queue_type.clone(), &self.name, login_type);
        queue.addresses = self.addresses.clone();
        queue
    }
}

/// The example directory.
pub const SAMPLE: &str = r#"{
  "users": [
    {"login": "john.fox", "firstName": "John", "surname": "Fox", "email": "john.fox@example.com", "groups": ["Sales agents"]},
    {"login": "ann.lee", "firstName": "Ann", "surname": "Lee", "groups": ["Sales agents", "Support agents"]},
    {"login": "raj.iyer", "firstName": "Raj", "surname": "Iyer", "groups": ["Support agents"]}
  ],
  "queues": [
    {"name": "Sales", "type": "Phone", "addresses": ["+358201234567"]},
    {"name": "Support chat", "type": "Chat", "addresses": ["support@chat.example.com"]}
  ]
}"#;

/// Mirrors `dir` into the RCI behind `client` and returns one line per change (nothing
/// when everything is already as the directory says).
///
/// # Errors
///
/// The first failing call (the changes made before it stay made: run it again), or a
/// directory that names one queue or one login twice.
pub async fn mirror(client: &RciClient, dir: &Directory) -> Result<Vec<String>, Error> {
    let mut changes = Vec::new();
    let mut note = |kind: &str, key: &str, verb: &str| {
        changes.push(format!("{verb} {kind} {key}"));
    };

    let queues: Vec<QueueRequest> = dir.queues.iter().map(DirectoryQueue::request).collect();
    ensure_all(&client.queues(), &queues, |q, o| {
        note("queue", &q.name, o.verb())
    })
    .await?;

    // Each user group the directory names, once.
    let mut groups: Vec<UserGroupRequest> = Vec::new();
    for name in dir.users.iter().flat_map(|u| &u.groups) {
        if !groups.iter().any(|g| &g.name == name) {
            groups.push(UserGroupRequest::new(name));
        }
    }
    let group_ids: Vec<(String, UserGroupId)> =
        ensure_all(&client.user_groups(), &groups, |g, o| {
            note("user group", &g.name, o.verb())
        })
        .await?
        .into_iter()
        .zip(&groups)
        .map(|(live, g)| (g.name.clone(), live.id))
        .collect();

    let users: Vec<UserRequest> = dir.users.iter().map(DirectoryUser::request).collect();
    let users = ensure_all(&client.users(), &users, |u, o| {
        note("user", u.login.as_deref().unwrap_or_default(), o.verb())
    })
    .await?;

    for (user, live) in dir.users.iter().zip(&users) {
        let memberships: Vec<UserGroupMembership> = group_ids
            .iter()
            .filter(|(name, _)| user.groups.contains(name))
            .map(|(_, id)| UserGroupMembership::new(id.clone()))
            .collect();
        ensure_all(
            &client.user(&live.id).user_groups(),
            &memberships,
            |_, o| {
                let group = o.resource().name.as_deref().unwrap_or_default();
                changes.push(format!("added {} to {group}", user.login));
            },
        )
        .await?;
    }
    Ok(changes)
}

/// Ensures each of `desired` in `scope` (one lookup for all, then one apply each), calls
/// `changed` with each one created or updated and its outcome, and returns the live
/// objects in the order of `desired`.
async fn ensure_all<D, S>(
    scope: &S,
    desired: &[D],
    mut changed: impl FnMut(&D, &Outcome<D::Live>),
) -> Result<Vec<D::Live>, Error>
where
    D: Desired,
    D::Live: Clone,
    S: Ensure<D>,
{
    let plans = scope.plan_all(desired).await?;
    let mut live = Vec::with_capacity(desired.len());
    for (d, plan) in desired.iter().zip(plans) {
        let outcome = scope.apply(d, plan).await?;
        if !matches!(outcome, Outcome::Unchanged(_)) {
            changed(d, &outcome);
        }
        live.push(outcome.into_resource());
    }
    Ok(live)
}
