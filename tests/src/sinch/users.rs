//! Users and what hangs below one user: user groups, roles, certificates, skills.

use sinch_rci::users::{NewCertificate, SkillLevel, UserQuery, UserRequest};

use super::{Entry, entry, first_page, nothing, sort};
use crate::{RoundTrip, XmlNames, sdk};

const USER: Option<XmlNames> = Some(XmlNames::object("user"));
const USER_GROUP: Option<XmlNames> = Some(XmlNames::object("userGroup"));
const ROLE: Option<XmlNames> = Some(XmlNames::object("role"));
const CERTIFICATE: Option<XmlNames> = Some(XmlNames::object("certificate"));
const SKILL: Option<XmlNames> = Some(XmlNames::object("skill"));

pub(crate) fn entries() -> Vec<Entry> {
    vec![
        entry!(
            "rci.users.list",
            RoundTrip::At(""),
            Some(XmlNames::list("users", "user")),
            |ctx, c| {
                let mut q = UserQuery::new();
                if let Some(v) = ctx.q("firstName") {
                    q = q.first_name(v);
                }
                if let Some(s) = sort(&ctx)? {
                    q = q.sort(s);
                }
                first_page(&ctx, c.users().list(&q)).await
            }
        ),
        entry!("rci.users.create", RoundTrip::At(""), USER, |ctx, c| {
            let req: UserRequest = ctx.request()?;
            let id = c.users().create(&req).await.map_err(sdk)?;
            ctx.value(&id)
        }),
        entry!("rci.users.get", RoundTrip::At(""), USER, |ctx, c| {
            let u = c.users().get(ctx.p("userId")).await.map_err(sdk)?;
            ctx.value(&u)
        }),
        entry!(
            "rci.users.update",
            RoundTrip::Nothing("204 without a body"),
            USER,
            |ctx, c| {
                // The catalog has no example: a whole user, as a replacement must be.
                let req = UserRequest::new("John", "Fox")
                    .login("John.Fox")
                    .email("John.Fox@customer.com")
                    .time_zone("Europe/Helsinki")
                    .synchronised(true);
                c.users().update(ctx.p("userId"), &req).await.map_err(sdk)?;
                nothing()
            }
        ),
        entry!(
            "rci.users.delete",
            RoundTrip::Nothing("204 without a body"),
            None,
            |ctx, c| {
                c.users().delete(ctx.p("userId")).await.map_err(sdk)?;
                nothing()
            }
        ),
        entry!(
            "rci.users.user_groups.list",
            RoundTrip::At(""),
            Some(XmlNames::list("userGroups", "userGroup")),
            |ctx, c| {
                let l = c
                    .user(ctx.p("userId"))
                    .user_groups()
                    .list()
                    .await
                    .map_err(sdk)?;
                ctx.value(&l)
            }
        ),
        entry!(
            "rci.users.user_groups.add",
            RoundTrip::At(""),
            USER_GROUP,
            |ctx, c| {
                let id = c
                    .user(ctx.p("userId"))
                    .user_groups()
                    .add(ctx.request_field("id")?)
                    .await
                    .map_err(sdk)?;
                ctx.value(&id)
            }
        ),
        entry!(
            "rci.users.user_groups.get",
            RoundTrip::At(""),
            USER_GROUP,
            |ctx, c| {
                let g = c
                    .user(ctx.p("userId"))
                    .user_groups()
                    .get(ctx.p("userGroupId"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&g)
            }
        ),
        entry!(
            "rci.users.user_groups.remove",
            RoundTrip::Nothing("200 with a message, or 204: the message is not typed"),
            // The document gives the message's JSON only; its XML root is a guess the SDK
            // does not depend on (it ignores the body).
            Some(XmlNames::object("response")),
            |ctx, c| {
                c.user(ctx.p("userId"))
                    .user_groups()
                    .remove(ctx.p("userGroupId"))
                    .await
                    .map_err(sdk)?;
                nothing()
            }
        ),
        entry!(
            "rci.users.roles.list",
            RoundTrip::At(""),
            Some(XmlNames::list("roles", "role")),
            |ctx, c| {
                let l = c.user(ctx.p("userId")).roles().list().await.map_err(sdk)?;
                ctx.value(&l)
            }
        ),
        entry!("rci.users.roles.add", RoundTrip::At(""), ROLE, |ctx, c| {
            let id = c
                .user(ctx.p("userId"))
                .roles()
                .add(ctx.request_field("id")?)
                .await
                .map_err(sdk)?;
            ctx.value(&id)
        }),
        entry!("rci.users.roles.get", RoundTrip::At(""), ROLE, |ctx, c| {
            let r = c
                .user(ctx.p("userId"))
                .roles()
                .get(ctx.p("roleId"))
                .await
                .map_err(sdk)?;
            ctx.value(&r)
        }),
        entry!(
            "rci.users.roles.remove",
            RoundTrip::Nothing("204 without a body"),
            None,
            |ctx, c| {
                c.user(ctx.p("userId"))
                    .roles()
                    .remove(ctx.p("roleId"))
                    .await
                    .map_err(sdk)?;
                nothing()
            }
        ),
        entry!(
            "rci.users.certificates.list",
            RoundTrip::At(""),
            Some(XmlNames::list("certificates", "certificate")),
            |ctx, c| {
                let l = c
                    .user(ctx.p("userId"))
                    .certificates()
                    .list()
                    .await
                    .map_err(sdk)?;
                ctx.value(&l)
            }
        ),
        entry!(
            "rci.users.certificates.create",
            RoundTrip::At(""),
            CERTIFICATE,
            |ctx, c| {
                let req: NewCertificate = ctx.request()?;
                let id = c
                    .user(ctx.p("userId"))
                    .certificates()
                    .create(&req)
                    .await
                    .map_err(sdk)?;
                ctx.value(&id)
            }
        ),
        entry!(
            "rci.users.certificates.get",
            RoundTrip::At(""),
            CERTIFICATE,
            |ctx, c| {
                let cert = c
                    .user(ctx.p("userId"))
                    .certificates()
                    .get(ctx.p("certificateId"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&cert)
            }
        ),
        entry!(
            "rci.users.certificates.delete",
            RoundTrip::Nothing("204 without a body"),
            None,
            |ctx, c| {
                c.user(ctx.p("userId"))
                    .certificates()
                    .delete(ctx.p("certificateId"))
                    .await
                    .map_err(sdk)?;
                nothing()
            }
        ),
        entry!(
            "rci.users.skills.list",
            RoundTrip::At(""),
            Some(XmlNames::list("skills", "skill")),
            |ctx, c| {
                let l = c.user(ctx.p("userId")).skills().list().await.map_err(sdk)?;
                ctx.value(&l)
            }
        ),
        entry!(
            "rci.users.skills.add",
            RoundTrip::At(""),
            SKILL,
            |ctx, c| {
                let req: SkillLevel = ctx.request()?;
                let id = c
                    .user(ctx.p("userId"))
                    .skills()
                    .add(&req)
                    .await
                    .map_err(sdk)?;
                ctx.value(&id)
            }
        ),
        entry!(
            "rci.users.skills.get",
            RoundTrip::At(""),
            SKILL,
            |ctx, c| {
                let s = c
                    .user(ctx.p("userId"))
                    .skills()
                    .get(ctx.p("skillId"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&s)
            }
        ),
        entry!(
            "rci.users.skills.update",
            RoundTrip::Nothing("204 without a body"),
            SKILL,
            |ctx, c| {
                // No example in the catalog: the skill id and the user's new level.
                c.user(ctx.p("userId"))
                    .skills()
                    .update(ctx.p("skillId"), 3)
                    .await
                    .map_err(sdk)?;
                nothing()
            }
        ),
        entry!(
            "rci.users.skills.remove",
            RoundTrip::Nothing("204 without a body"),
            None,
            |ctx, c| {
                c.user(ctx.p("userId"))
                    .skills()
                    .remove(ctx.p("skillId"))
                    .await
                    .map_err(sdk)?;
                nothing()
            }
        ),
    ]
}
