//! The Sinch RCI story: mirror a small directory (users, their user groups, queues) into
//! the RCI, creating what is missing and updating what differs, and report each change.
//!
//! The RCI links agents through user groups (and queues through queue groups); it has no
//! direct user-to-queue link, so each user is placed in the user groups the directory
//! names.
//!
//! An RCI update replaces the whole object, so a change is a read-modify-write: the
//! object is read whole (`get`), turned into its request (`from_user`, `from_queue`), which
//! carries over every field the directory does not set, those the SDK does not name
//! included, and only the directory's fields are changed before the update.

use sdk_core::Error;
use serde::Deserialize;
use sinch_rci::RciClient;
use sinch_rci::queues::{LoginType, QueueRequest, QueueType};
use sinch_rci::user_groups::{UserGroupId, UserGroupRequest};
use sinch_rci::users::UserRequest;

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
    /// The e-mail address.
    #[serde(default)]
    pub email: Option<String>,
    /// The user groups the user belongs to, by name.
    #[serde(default)]
    pub groups: Vec<String>,
}

/// A queue of the directory; `name` is the key it is matched by.
#[derive(Debug, Clone, Deserialize)]
pub struct DirectoryQueue {
    /// The name, unique.
    pub name: String,
    /// The channel.
    #[serde(rename = "type")]
    pub queue_type: QueueType,
    /// Its addresses (numbers, chat or e-mail addresses).
    #[serde(default)]
    pub addresses: Vec<String>,
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
/// The first failing call (the changes made before it stay made: run it again).
pub async fn mirror(client: &RciClient, dir: &Directory) -> Result<Vec<String>, Error> {
    let mut changes = Vec::new();

    let existing_queues = client
        .queues()
        .list(&Default::default())
        .collect_all()
        .await?;
    for q in &dir.queues {
        match existing_queues
            .iter()
            .find(|e| e.name.as_deref() == Some(q.name.as_str()))
        {
            None => {
                let mut request =
                    QueueRequest::new(q.queue_type.clone(), &q.name, LoginType::AutoAllocation);
                request.addresses = q.addresses.clone();
                let id = client.queues().create(&request).await?;
                changes.push(format!("created queue {} ({id})", q.name));
            }
            Some(e)
                if e.addresses != q.addresses || e.queue_type.as_ref() != Some(&q.queue_type) =>
            {
                // The queue as it is, whole, with the directory's changes.
                let mut change = QueueRequest::from_queue(&client.queues().get(&e.id).await?)?;
                change.queue_type = q.queue_type.clone();
                change.addresses = q.addresses.clone();
                client.queues().update(&e.id, &change).await?;
                changes.push(format!("updated queue {}", q.name));
            }
            Some(_) => {}
        }
    }

    // User groups by name: the existing ones, and those the directory adds.
    let mut groups: Vec<(String, UserGroupId)> = client
        .user_groups()
        .list(&Default::default())
        .collect_all()
        .await?
        .into_iter()
        .filter_map(|g| Some((g.name?, g.id)))
        .collect();
    for name in dir.users.iter().flat_map(|u| &u.groups) {
        if !groups.iter().any(|(n, _)| n == name) {
            let id = client
                .user_groups()
                .create(&UserGroupRequest::new(name))
                .await?;
            changes.push(format!("created user group {name}"));
            groups.push((name.clone(), id));
        }
    }

    let existing_users = client
        .users()
        .list(&Default::default())
        .collect_all()
        .await?;
    for u in &dir.users {
        let id = match existing_users
            .iter()
            .find(|e| e.login.as_deref() == Some(u.login.as_str()))
        {
            None => {
                let mut request = UserRequest::new(&u.first_name, &u.surname);
                request.login = Some(u.login.clone());
                request.email = u.email.clone();
                let id = client.users().create(&request).await?;
                changes.push(format!("created user {}", u.login));
                id
            }
            Some(e) => {
                let same = e.first_name.as_deref() == Some(u.first_name.as_str())
                    && e.surname.as_deref() == Some(u.surname.as_str())
                    && e.email == u.email;
                if !same {
                    // The user as it is, whole (a list shows projections), with the
                    // directory's changes.
                    let mut change = UserRequest::from_user(&client.users().get(&e.id).await?)?;
                    change.first_name = u.first_name.clone();
                    change.surname = u.surname.clone();
                    change.email = u.email.clone();
                    client.users().update(&e.id, &change).await?;
                    changes.push(format!("updated user {}", u.login));
                }
                e.id.clone()
            }
        };
        let member_of = client.user(&id).user_groups().list().await?;
        for name in &u.groups {
            let Some((_, gid)) = groups.iter().find(|(n, _)| n == name) else {
                continue;
            };
            if !member_of.iter().any(|g| &g.id == gid) {
                client.user(&id).user_groups().add(gid).await?;
                changes.push(format!("added {} to {name}", u.login));
            }
        }
    }
    Ok(changes)
}
