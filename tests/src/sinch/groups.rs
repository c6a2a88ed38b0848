//! The other top-level families and their links: user groups (and their users), queue
//! groups (and their queues and attributes), roles (and their users), skills.

use sinch_rci::attributes::NewAttribute;
use sinch_rci::queue_groups::{QueueGroupQuery, QueueGroupQueueQuery, QueueGroupRequest};
use sinch_rci::roles::{RoleQuery, RoleRequest};
use sinch_rci::skills::{SkillQuery, SkillRequest};
use sinch_rci::user_groups::{UserGroupQuery, UserGroupRequest};

use super::queues::{ATTRIBUTE, ATTRIBUTES, attribute_query};
use super::{Entry, entry, first_page, nothing, sort};
use crate::{RoundTrip, XmlNames, sdk};

const USER: Option<XmlNames> = Some(XmlNames::object("user"));
const USERS: Option<XmlNames> = Some(XmlNames::list("users", "user"));
const USER_GROUP: Option<XmlNames> = Some(XmlNames::object("userGroup"));
const QUEUE: Option<XmlNames> = Some(XmlNames::object("queue"));
const QUEUE_GROUP: Option<XmlNames> = Some(XmlNames::object("queueGroup"));
const ROLE: Option<XmlNames> = Some(XmlNames::object("role"));
const SKILL: Option<XmlNames> = Some(XmlNames::object("skill"));

pub(crate) fn entries() -> Vec<Entry> {
    [user_groups(), queue_groups(), roles(), skills()].concat()
}

fn user_groups() -> Vec<Entry> {
    vec![
        entry!(
            "rci.user_groups.list",
            RoundTrip::At(""),
            Some(XmlNames::list("userGroups", "userGroup")),
            |ctx, c| {
                let mut q = UserGroupQuery::new();
                if let Some(v) = ctx.q("name") {
                    q = q.name(v);
                }
                if let Some(s) = sort(&ctx)? {
                    q = q.sort(s);
                }
                first_page(&ctx, c.user_groups().list(&q)).await
            }
        ),
        entry!(
            "rci.user_groups.create",
            RoundTrip::At(""),
            USER_GROUP,
            |ctx, c| {
                let req: UserGroupRequest = ctx.request()?;
                let id = c.user_groups().create(&req).await.map_err(sdk)?;
                ctx.value(&id)
            }
        ),
        entry!(
            "rci.user_groups.get",
            RoundTrip::At(""),
            USER_GROUP,
            |ctx, c| {
                let g = c
                    .user_groups()
                    .get(ctx.p("userGroupId"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&g)
            }
        ),
        entry!(
            "rci.user_groups.update",
            RoundTrip::Nothing("204 without a body"),
            USER_GROUP,
            |ctx, c| {
                let req = UserGroupRequest::new("HelpDesk").synchronised(true);
                c.user_groups()
                    .update(ctx.p("userGroupId"), &req)
                    .await
                    .map_err(sdk)?;
                nothing()
            }
        ),
        entry!(
            "rci.user_groups.delete",
            RoundTrip::Nothing("204 without a body"),
            None,
            |ctx, c| {
                c.user_groups()
                    .delete(ctx.p("userGroupId"))
                    .await
                    .map_err(sdk)?;
                nothing()
            }
        ),
        entry!(
            "rci.user_groups.users.list",
            RoundTrip::At(""),
            USERS,
            |ctx, c| {
                let l = c
                    .user_group(ctx.p("userGroupId"))
                    .users()
                    .list()
                    .await
                    .map_err(sdk)?;
                ctx.value(&l)
            }
        ),
        entry!(
            "rci.user_groups.users.add",
            RoundTrip::At(""),
            USER,
            |ctx, c| {
                let id = c
                    .user_group(ctx.p("userGroupId"))
                    .users()
                    .add(ctx.request_field("id")?)
                    .await
                    .map_err(sdk)?;
                ctx.value(&id)
            }
        ),
        entry!(
            "rci.user_groups.users.get",
            RoundTrip::At(""),
            USER,
            |ctx, c| {
                let u = c
                    .user_group(ctx.p("userGroupId"))
                    .users()
                    .get(ctx.p("userId"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&u)
            }
        ),
        entry!(
            "rci.user_groups.users.remove",
            RoundTrip::Nothing("204 without a body"),
            None,
            |ctx, c| {
                c.user_group(ctx.p("userGroupId"))
                    .users()
                    .remove(ctx.p("userId"))
                    .await
                    .map_err(sdk)?;
                nothing()
            }
        ),
    ]
}

fn queue_groups() -> Vec<Entry> {
    vec![
        entry!(
            "rci.queue_groups.list",
            RoundTrip::At(""),
            Some(XmlNames::list("queueGroups", "queueGroup")),
            |ctx, c| {
                let mut q = QueueGroupQuery::new();
                if let Some(v) = ctx.q("name") {
                    q = q.name(v);
                }
                if let Some(s) = sort(&ctx)? {
                    q = q.sort(s);
                }
                first_page(&ctx, c.queue_groups().list(&q)).await
            }
        ),
        entry!(
            "rci.queue_groups.create",
            RoundTrip::At(""),
            QUEUE_GROUP,
            |ctx, c| {
                let req: QueueGroupRequest = ctx.request()?;
                let id = c.queue_groups().create(&req).await.map_err(sdk)?;
                ctx.value(&id)
            }
        ),
        entry!(
            "rci.queue_groups.get",
            RoundTrip::At(""),
            QUEUE_GROUP,
            |ctx, c| {
                let g = c
                    .queue_groups()
                    .get(ctx.p("queueGroupId"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&g)
            }
        ),
        entry!(
            "rci.queue_groups.update",
            RoundTrip::Nothing("204 without a body"),
            QUEUE_GROUP,
            |ctx, c| {
                let req = QueueGroupRequest::new("CC Agent", "CC Agent queue group");
                c.queue_groups()
                    .update(ctx.p("queueGroupId"), &req)
                    .await
                    .map_err(sdk)?;
                nothing()
            }
        ),
        entry!(
            "rci.queue_groups.delete",
            RoundTrip::Nothing("204 without a body"),
            None,
            |ctx, c| {
                c.queue_groups()
                    .delete(ctx.p("queueGroupId"))
                    .await
                    .map_err(sdk)?;
                nothing()
            }
        ),
        entry!(
            "rci.queue_groups.queues.list",
            RoundTrip::At(""),
            Some(XmlNames::list("queues", "queue")),
            |ctx, c| {
                let mut q = QueueGroupQueueQuery::new();
                if let Some(v) = ctx.q("name") {
                    q = q.name(v);
                }
                if let Some(s) = sort(&ctx)? {
                    q = q.sort(s);
                }
                first_page(&ctx, c.queue_group(ctx.p("queueGroupId")).queues().list(&q)).await
            }
        ),
        entry!(
            "rci.queue_groups.queues.add",
            RoundTrip::At(""),
            QUEUE,
            |ctx, c| {
                let id = c
                    .queue_group(ctx.p("queueGroupId"))
                    .queues()
                    .add(ctx.request_field("id")?)
                    .await
                    .map_err(sdk)?;
                ctx.value(&id)
            }
        ),
        entry!(
            "rci.queue_groups.queues.get",
            RoundTrip::At(""),
            QUEUE,
            |ctx, c| {
                let q = c
                    .queue_group(ctx.p("queueGroupId"))
                    .queues()
                    .get(ctx.p("queueId"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&q)
            }
        ),
        entry!(
            "rci.queue_groups.queues.remove",
            RoundTrip::Nothing("204 without a body"),
            None,
            |ctx, c| {
                c.queue_group(ctx.p("queueGroupId"))
                    .queues()
                    .remove(ctx.p("queueId"))
                    .await
                    .map_err(sdk)?;
                nothing()
            }
        ),
        entry!(
            "rci.queue_groups.attributes.list",
            RoundTrip::At(""),
            ATTRIBUTES,
            |ctx, c| {
                let l = c
                    .queue_group(ctx.p("queueGroupId"))
                    .attributes()
                    .list(&attribute_query(&ctx))
                    .await
                    .map_err(sdk)?;
                ctx.value(&l)
            }
        ),
        entry!(
            "rci.queue_groups.attributes.create",
            RoundTrip::At(""),
            ATTRIBUTE,
            |ctx, c| {
                let req: NewAttribute = ctx.request()?;
                let id = c
                    .queue_group(ctx.p("queueGroupId"))
                    .attributes()
                    .create(&req)
                    .await
                    .map_err(sdk)?;
                ctx.value(&id)
            }
        ),
    ]
}

fn roles() -> Vec<Entry> {
    vec![
        entry!(
            "rci.roles.list",
            RoundTrip::At(""),
            Some(XmlNames::list("roles", "role")),
            |ctx, c| {
                let mut q = RoleQuery::new();
                if let Some(v) = ctx.q("name") {
                    q = q.name(v);
                }
                if let Some(s) = sort(&ctx)? {
                    q = q.sort(s);
                }
                first_page(&ctx, c.roles().list(&q)).await
            }
        ),
        entry!("rci.roles.create", RoundTrip::At(""), ROLE, |ctx, c| {
            let req: RoleRequest = ctx.request()?;
            let id = c.roles().create(&req).await.map_err(sdk)?;
            ctx.value(&id)
        }),
        entry!("rci.roles.get", RoundTrip::At(""), ROLE, |ctx, c| {
            let r = c.roles().get(ctx.p("roleId")).await.map_err(sdk)?;
            ctx.value(&r)
        }),
        entry!(
            "rci.roles.update",
            RoundTrip::Nothing("204 without a body"),
            ROLE,
            |ctx, c| {
                let req = RoleRequest::new("CC Agent").description("CC Agent Role");
                c.roles().update(ctx.p("roleId"), &req).await.map_err(sdk)?;
                nothing()
            }
        ),
        entry!(
            "rci.roles.delete",
            RoundTrip::Nothing("204 without a body"),
            None,
            |ctx, c| {
                c.roles().delete(ctx.p("roleId")).await.map_err(sdk)?;
                nothing()
            }
        ),
        entry!(
            "rci.roles.users.list",
            RoundTrip::At(""),
            USERS,
            |ctx, c| {
                let l = c.role(ctx.p("roleId")).users().list().await.map_err(sdk)?;
                ctx.value(&l)
            }
        ),
        entry!("rci.roles.users.add", RoundTrip::At(""), USER, |ctx, c| {
            let id = c
                .role(ctx.p("roleId"))
                .users()
                .add(ctx.request_field("id")?)
                .await
                .map_err(sdk)?;
            ctx.value(&id)
        }),
        entry!("rci.roles.users.get", RoundTrip::At(""), USER, |ctx, c| {
            let u = c
                .role(ctx.p("roleId"))
                .users()
                .get(ctx.p("userId"))
                .await
                .map_err(sdk)?;
            ctx.value(&u)
        }),
        entry!(
            "rci.roles.users.remove",
            RoundTrip::Nothing("204 without a body"),
            None,
            |ctx, c| {
                c.role(ctx.p("roleId"))
                    .users()
                    .remove(ctx.p("userId"))
                    .await
                    .map_err(sdk)?;
                nothing()
            }
        ),
    ]
}

fn skills() -> Vec<Entry> {
    vec![
        entry!(
            "rci.skills.list",
            RoundTrip::At(""),
            Some(XmlNames::list("skills", "skill")),
            |ctx, c| {
                let mut q = SkillQuery::new();
                if let Some(v) = ctx.q("name") {
                    q = q.name(v);
                }
                if let Some(s) = sort(&ctx)? {
                    q = q.sort(s);
                }
                first_page(&ctx, c.skills().list(&q)).await
            }
        ),
        entry!("rci.skills.create", RoundTrip::At(""), SKILL, |ctx, c| {
            let req: SkillRequest = ctx.request()?;
            let id = c.skills().create(&req).await.map_err(sdk)?;
            ctx.value(&id)
        }),
        entry!("rci.skills.get", RoundTrip::At(""), SKILL, |ctx, c| {
            let s = c.skills().get(ctx.p("skillId")).await.map_err(sdk)?;
            ctx.value(&s)
        }),
        entry!(
            "rci.skills.update",
            RoundTrip::Nothing("204 without a body"),
            SKILL,
            |ctx, c| {
                let req = SkillRequest::new("English", "English language skill");
                c.skills()
                    .update(ctx.p("skillId"), &req)
                    .await
                    .map_err(sdk)?;
                nothing()
            }
        ),
        entry!(
            "rci.skills.delete",
            RoundTrip::Nothing("204 without a body"),
            None,
            |ctx, c| {
                c.skills().delete(ctx.p("skillId")).await.map_err(sdk)?;
                nothing()
            }
        ),
    ]
}
