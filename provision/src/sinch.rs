//! The `[sinch]` section: the Sinch Contact Center RCI.
//!
//! ```toml
//! [sinch]
//!
//! [[sinch.skills]]                  # by name
//! name = "English"
//! description = "Speaks English"
//!
//! [[sinch.user_groups]]             # by name
//! name = "Sales agents"
//!
//! [[sinch.queues]]                  # by name
//! type = "Phone"
//! name = "Sales"
//! loginType = "AutoAllocation"
//! addresses = { address = ["+358201234567"] }   # the RCI's own wrapped shape
//!
//! [[sinch.users]]                   # by login
//! login = "john.fox"
//! firstName = "John"
//! surname = "Fox"
//! email = "john.fox@example.com"
//! skills = [{ skill = "English", level = 4 }]   # skill names, with the user's level
//! userGroups = ["Sales agents"]                 # user group names
//! ```
//!
//! Applied in this order: skills, user groups and queues (none of them needs another),
//! then users, then each user's skills and user groups through the user's own scopes
//! (`/users/{id}/skills`, `/users/{id}/userGroups`).
//!
//! `skills` and `userGroups` are not fields of the RCI's user: they belong to this file,
//! are taken out of the user's table before the user is read, and name skills and user
//! groups by name, each one of this file or one the service already has (matched
//! exactly). A name that is neither is an error of the file, with its line: the service's
//! skills and user groups are read first, before anything is changed, and nothing is sent.
//! A user's level in a skill is its `level` (the RCI documents 1 to 5 and applies the
//! range itself). A user whose table has no `skills` (or no `userGroups`) key keeps the
//! skills (or groups) it has: they are not managed; with the key, even empty, they are,
//! and `--prune` takes away those it does not list (the skills and groups stay).

use std::collections::HashMap;

use sdk_core::ensure::Desired;
use sdk_core::model::UnknownFields;
use serde::Deserialize;
use sinch_rci::RciClient;
use sinch_rci::queues::QueueRequest;
use sinch_rci::skills::{SkillId, SkillQuery, SkillRequest};
use sinch_rci::user_groups::{UserGroupId, UserGroupQuery, UserGroupRequest};
use sinch_rci::users::{SkillLevel, UserGroupMembership, UserRequest};
use toml::Spanned;

use crate::engine::{Action, Opts, Run};
use crate::file::{Entry, FileError, Item, Reference, Source, by_name, resolve, unique};

/// The `[sinch]` section as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Raw {
    #[serde(default)]
    skills: Vec<Spanned<SkillRequest>>,
    #[serde(default)]
    user_groups: Vec<Spanned<UserGroupRequest>>,
    #[serde(default)]
    queues: Vec<Spanned<QueueRequest>>,
    #[serde(default)]
    users: Vec<Spanned<RawUser>>,
}

#[derive(Debug, Deserialize)]
struct RawUser {
    #[serde(default)]
    skills: Option<Vec<RawLevel>>,
    #[serde(default, rename = "userGroups")]
    user_groups: Option<Vec<String>>,
    #[serde(flatten)]
    user: UserRequest,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLevel {
    skill: String,
    level: u8,
}

/// The keys of a user's table that belong to this file, not to the RCI's user.
const USER_KEYS: &[&str] = &["skills", "userGroups"];

/// The `[sinch]` section, checked.
#[derive(Debug, Clone)]
pub struct Sinch {
    /// Skills, by name.
    pub skills: Vec<Item<SkillRequest>>,
    /// User groups, by name.
    pub user_groups: Vec<Item<UserGroupRequest>>,
    /// Queues, by name.
    pub queues: Vec<Item<QueueRequest>>,
    /// Users, by login, with their skills and user groups.
    pub users: Vec<User>,
}

/// A user, and the skills and user groups it should have.
#[derive(Debug, Clone)]
pub struct User {
    /// The user (without `skills` and `userGroups`).
    pub user: Item<UserRequest>,
    /// Its skills and its level in each; `None` when its table has no `skills`: not
    /// managed.
    pub skills: Option<Vec<Level>>,
    /// Its user groups, by name; `None` when its table has no `userGroups`: not managed.
    pub user_groups: Option<Vec<Reference>>,
}

/// A user's level in a skill, the skill named by its name.
#[derive(Debug, Clone)]
pub struct Level {
    /// The skill.
    pub skill: Reference,
    /// The level.
    pub level: u8,
}

impl Entry for SkillRequest {
    fn unknown(&self) -> Option<&UnknownFields> {
        Some(&self.unknown_fields)
    }
}
impl Entry for UserGroupRequest {
    fn unknown(&self) -> Option<&UnknownFields> {
        Some(&self.unknown_fields)
    }
}
impl Entry for QueueRequest {
    fn unknown(&self) -> Option<&UnknownFields> {
        Some(&self.unknown_fields)
    }
}
impl Entry for UserRequest {
    fn unknown(&self) -> Option<&UnknownFields> {
        Some(&self.unknown_fields)
    }
}

fn items<T: Entry>(
    source: &Source<'_>,
    raw: Vec<Spanned<T>>,
    kind: &str,
) -> Result<Vec<Item<T>>, FileError> {
    raw.into_iter()
        .enumerate()
        .map(|(i, t)| source.item(t, &["sinch", kind, &i.to_string()], &[]))
        .collect()
}

pub(crate) fn check(source: &Source<'_>, raw: Raw) -> Result<Sinch, FileError> {
    let skills = items(source, raw.skills, "skills")?;
    unique(source, &skills)?;
    let user_groups = items(source, raw.user_groups, "user_groups")?;
    unique(source, &user_groups)?;
    let queues = items(source, raw.queues, "queues")?;
    unique(source, &queues)?;
    let mut users = Vec::new();
    for (i, raw_user) in raw.users.into_iter().enumerate() {
        let span = raw_user.span();
        let RawUser {
            skills,
            user_groups,
            user,
        } = raw_user.into_inner();
        let user = source.item(
            Spanned::new(span.clone(), user),
            &["sinch", "users", &i.to_string()],
            USER_KEYS,
        )?;
        let skills = match skills {
            None => None,
            Some(levels) => {
                let names = levels.iter().map(|l| l.skill.clone()).collect();
                let refs = source.references(span.clone(), "skills", names)?;
                Some(
                    refs.into_iter()
                        .zip(levels)
                        .map(|(skill, l)| Level {
                            skill,
                            level: l.level,
                        })
                        .collect(),
                )
            }
        };
        let user_groups = user_groups
            .map(|names| source.references(span.clone(), "userGroups", names))
            .transpose()?;
        users.push(User {
            user,
            skills,
            user_groups,
        });
    }
    let user_items: Vec<_> = users.iter().map(|u| u.user.clone()).collect();
    unique(source, &user_items)?;
    Ok(Sinch {
        skills,
        user_groups,
        queues,
        users,
    })
}

impl Sinch {
    /// How many resources the section describes (a user's level in a skill and its
    /// membership of a group each count).
    pub fn len(&self) -> usize {
        self.skills.len()
            + self.user_groups.len()
            + self.queues.len()
            + self
                .users
                .iter()
                .map(|u| {
                    1 + u.skills.as_ref().map_or(0, Vec::len)
                        + u.user_groups.as_ref().map_or(0, Vec::len)
                })
                .sum::<usize>()
    }

    /// `true` when the section describes nothing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The skills and user groups named by users that this file does not describe.
    fn foreign(&self) -> (Vec<&Reference>, Vec<&Reference>) {
        let skills = self
            .users
            .iter()
            .flat_map(|u| u.skills.iter().flatten().map(|l| &l.skill))
            .filter(|r| !self.skills.iter().any(|s| s.value.name == r.name))
            .collect();
        let groups = self
            .users
            .iter()
            .flat_map(|u| u.user_groups.iter().flatten())
            .filter(|r| !self.user_groups.iter().any(|g| g.value.name == r.name))
            .collect();
        (skills, groups)
    }
}

/// The skills and user groups of the service that the file names without describing
/// them, by name.
#[derive(Debug, Default)]
pub(crate) struct Known {
    skills: HashMap<String, SkillId>,
    user_groups: HashMap<String, UserGroupId>,
}

/// Reads the skills and user groups of the service that users name and the file does
/// not describe (nothing when there are none). A name the service does not have either
/// is pushed to `errors`; `None` when the read failed (recorded in `run`).
pub(crate) async fn lookup(
    run: &Run<'_>,
    client: &RciClient,
    sinch: &Sinch,
    path: &str,
    errors: &mut Vec<FileError>,
) -> Option<Known> {
    let (skills, groups) = sinch.foreign();
    let mut known = Known::default();
    if !skills.is_empty() {
        match client.skills().list(&SkillQuery::new()).collect_all().await {
            Ok(live) => {
                let live = live.into_iter().filter_map(|s| Some((s.name?, s.id)));
                known.skills = by_name(live, &skills, path, "skill", errors);
            }
            Err(e) => {
                run.unread("sinch", SkillRequest::KIND, &e);
                return None;
            }
        }
    }
    if !groups.is_empty() {
        match client
            .user_groups()
            .list(&UserGroupQuery::new())
            .collect_all()
            .await
        {
            Ok(live) => {
                let live = live.into_iter().filter_map(|g| Some((g.name?, g.id)));
                known.user_groups = by_name(live, &groups, path, "user group", errors);
            }
            Err(e) => {
                run.unread("sinch", UserGroupRequest::KIND, &e);
                return None;
            }
        }
    }
    Some(known)
}

fn values<T: Clone>(items: &[Item<T>]) -> Vec<T> {
    items.iter().map(|i| i.value.clone()).collect()
}

pub(crate) async fn run(run: &Run<'_>, client: &RciClient, sinch: &Sinch, known: &Known) {
    let transport = client.transport();
    let skills = values(&sinch.skills);
    let live_skills = run
        .kind("sinch", None, transport, &client.skills(), &skills, true)
        .await;
    let groups = values(&sinch.user_groups);
    let live_groups = run
        .kind(
            "sinch",
            None,
            transport,
            &client.user_groups(),
            &groups,
            true,
        )
        .await;
    let queues = values(&sinch.queues);
    run.kind("sinch", None, transport, &client.queues(), &queues, true)
        .await;
    let users: Vec<UserRequest> = sinch.users.iter().map(|u| u.user.value.clone()).collect();
    let live_users = run
        .kind("sinch", None, transport, &client.users(), &users, true)
        .await;

    let file_skills: Vec<(String, Option<SkillId>)> = skills
        .iter()
        .zip(&live_skills)
        .map(|(s, l)| (s.name.clone(), l.as_ref().map(|l| l.id.clone())))
        .collect();
    let file_groups: Vec<(String, Option<UserGroupId>)> = groups
        .iter()
        .zip(&live_groups)
        .map(|(g, l)| (g.name.clone(), l.as_ref().map(|l| l.id.clone())))
        .collect();
    // A user's skill shows only its id: named after the skill, where known.
    let mut skill_names: HashMap<String, String> = known
        .skills
        .iter()
        .map(|(name, id)| (id.as_str().to_owned(), name.clone()))
        .collect();
    for (name, id) in &file_skills {
        if let Some(id) = id {
            skill_names.insert(id.as_str().to_owned(), name.clone());
        }
    }
    let skill_label = |l: &sinch_rci::users::UserSkill| {
        l.name
            .clone()
            .or_else(|| skill_names.get(l.id.as_str()).cloned())
    };
    let group_label = |l: &sinch_rci::user_groups::UserGroup| l.name.clone();

    for (user, live) in sinch.users.iter().zip(&live_users) {
        let login = user.user.value.login.as_deref().unwrap_or_default();
        let id = live.as_ref().map(|l| l.id.as_str().to_owned());
        let scope = client.user(id.as_deref().unwrap_or_default());
        let for_user = format!("the user {login:?}");

        if let Some(levels) = &user.skills {
            let mut wanted = Vec::new();
            let mut labels = Vec::new();
            for level in levels {
                let name = level.skill.name.clone();
                let skill = resolve(&name, &file_skills, &known.skills, "skill");
                match (&id, skill) {
                    (None, _) => {
                        run.waiting(
                            "sinch",
                            SkillLevel::KIND,
                            name,
                            Some(login),
                            Action::Create,
                            &for_user,
                        );
                    }
                    (Some(_), Err(waits_for)) => {
                        run.waiting(
                            "sinch",
                            SkillLevel::KIND,
                            name,
                            Some(login),
                            Action::Create,
                            &waits_for,
                        );
                    }
                    (Some(_), Ok(skill_id)) => {
                        wanted.push(SkillLevel::new(skill_id, level.level));
                        labels.push(name);
                    }
                }
            }
            if id.is_some() {
                let opts = Opts {
                    labels: Some(&labels),
                    live_label: Some(&skill_label),
                    ..Opts::new("sinch", Some(login))
                };
                run.kind_with(&opts, transport, &scope.skills(), &wanted)
                    .await;
            }
        }

        if let Some(names) = &user.user_groups {
            let mut wanted = Vec::new();
            let mut labels = Vec::new();
            for r in names {
                let name = r.name.clone();
                let group = resolve(&name, &file_groups, &known.user_groups, "user group");
                match (&id, group) {
                    (None, _) => run.waiting(
                        "sinch",
                        UserGroupMembership::KIND,
                        name,
                        Some(login),
                        Action::Create,
                        &for_user,
                    ),
                    (Some(_), Err(waits_for)) => run.waiting(
                        "sinch",
                        UserGroupMembership::KIND,
                        name,
                        Some(login),
                        Action::Create,
                        &waits_for,
                    ),
                    (Some(_), Ok(group_id)) => {
                        wanted.push(UserGroupMembership::new(group_id));
                        labels.push(name);
                    }
                }
            }
            if id.is_some() {
                let opts = Opts {
                    labels: Some(&labels),
                    live_label: Some(&group_label),
                    ..Opts::new("sinch", Some(login))
                };
                run.kind_with(&opts, transport, &scope.user_groups(), &wanted)
                    .await;
            }
        }
    }
}
