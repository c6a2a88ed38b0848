//! The resources below a Communication Manager: reason codes, voice plans, hybrid
//! extensions, synchronisation and sync jobs, hybrid skills.

use axp_voice::CommunicationManager;
use axp_voice::reason_codes::{NewReasonCode, ReasonCodeUpdate};
use axp_voice::skills::SkillRequest;
use axp_voice::sync::{EntityDetailsQuery, SyncJobQuery, SyncRequest};
use axp_voice::voice_plans::VoicePlanRequest;
use serde_json::Value;

use super::{client, first_page};
use crate::{Case, Ctx, RoundTrip, sdk};

/// The Communication Manager of the example path.
fn cm<'a>(c: &'a axp_voice::AxpClient, ctx: &Ctx) -> CommunicationManager<'a> {
    c.account(ctx.p("accountId"))
        .communication_manager(ctx.p("communicationManagerId"))
}

/// A query value of the example, as a string.
fn q(ctx: &Ctx, name: &str) -> Option<String> {
    ctx.query
        .get(name)
        .and_then(Value::as_str)
        .map(str::to_owned)
}

pub(crate) fn cases() -> Vec<Case> {
    [
        reason_codes(),
        voice_plans(),
        extensions(),
        sync(),
        skills(),
    ]
    .concat()
}

fn reason_codes() -> Vec<Case> {
    vec![
        Case {
            op: "axp.reason_codes.create",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let req: NewReasonCode = ctx.request()?;
                    let c = client(&ctx)?;
                    let h = cm(&c, &ctx)
                        .reason_codes()
                        .create(&req)
                        .await
                        .map_err(sdk)?;
                    ctx.value(h.accepted())
                })
            },
        },
        Case {
            op: "axp.reason_codes.update",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let req: ReasonCodeUpdate = ctx.request()?;
                    let c = client(&ctx)?;
                    let h = cm(&c, &ctx)
                        .reason_codes()
                        .update(ctx.p("reasonCodeId"), &req)
                        .await
                        .map_err(sdk)?;
                    ctx.value(h.accepted())
                })
            },
        },
        Case {
            op: "axp.reason_codes.delete",
            round_trip: RoundTrip::Nothing("202 without a body"),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    let h = cm(&c, &ctx)
                        .reason_codes()
                        .delete(ctx.p("reasonCodeId"))
                        .await
                        .map_err(sdk)?;
                    ctx.value(h.accepted())
                })
            },
        },
        Case {
            op: "axp.reason_codes.get",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    let r = cm(&c, &ctx)
                        .reason_codes()
                        .get(ctx.p("reasonCodeId"))
                        .await
                        .map_err(sdk)?;
                    ctx.value(&r)
                })
            },
        },
        Case {
            op: "axp.reason_codes.list",
            round_trip: RoundTrip::At("/resources"),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    first_page(&ctx, cm(&c, &ctx).reason_codes().list()).await
                })
            },
        },
    ]
}

fn voice_plans() -> Vec<Case> {
    vec![
        Case {
            op: "axp.voice_plans.create",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let req: VoicePlanRequest = ctx.request()?;
                    let c = client(&ctx)?;
                    let p = cm(&c, &ctx).voice_plans().create(&req).await.map_err(sdk)?;
                    ctx.value(&p)
                })
            },
        },
        Case {
            op: "axp.voice_plans.update",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let req: VoicePlanRequest = ctx.request()?;
                    let c = client(&ctx)?;
                    let p = cm(&c, &ctx)
                        .voice_plans()
                        .update(ctx.p("voicePlanId"), &req)
                        .await
                        .map_err(sdk)?;
                    ctx.value(&p)
                })
            },
        },
        Case {
            op: "axp.voice_plans.get",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    let p = cm(&c, &ctx)
                        .voice_plans()
                        .get(ctx.p("voicePlanId"))
                        .await
                        .map_err(sdk)?;
                    ctx.value(&p)
                })
            },
        },
        Case {
            op: "axp.voice_plans.list",
            round_trip: RoundTrip::At("/resources"),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    first_page(&ctx, cm(&c, &ctx).voice_plans().list()).await
                })
            },
        },
        Case {
            op: "axp.voice_plans.delete",
            round_trip: RoundTrip::Nothing("204 without a body"),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    cm(&c, &ctx)
                        .voice_plans()
                        .delete(ctx.p("voicePlanId"))
                        .await
                        .map_err(sdk)?;
                    Ok(Value::Null)
                })
            },
        },
    ]
}

fn extensions() -> Vec<Case> {
    vec![
        Case {
            op: "axp.hybrid_extensions.list",
            round_trip: RoundTrip::At("/resources"),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    first_page(&ctx, cm(&c, &ctx).hybrid_extensions().list()).await
                })
            },
        },
        Case {
            op: "axp.hybrid_extensions.delete",
            round_trip: RoundTrip::Nothing("202 without a body"),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    let h = cm(&c, &ctx)
                        .hybrid_extensions()
                        .delete(ctx.p("extensionId"))
                        .await
                        .map_err(sdk)?;
                    ctx.value(h.accepted())
                })
            },
        },
    ]
}

fn sync() -> Vec<Case> {
    vec![
        Case {
            op: "axp.sync.trigger",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let req: SyncRequest = ctx.request()?;
                    let c = client(&ctx)?;
                    let h = cm(&c, &ctx).sync().trigger(&req).await.map_err(sdk)?;
                    ctx.value(h.accepted())
                })
            },
        },
        Case {
            op: "axp.sync_jobs.get",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    let j = cm(&c, &ctx)
                        .sync_jobs()
                        .get(ctx.p("jobId"))
                        .await
                        .map_err(sdk)?;
                    ctx.value(&j)
                })
            },
        },
        Case {
            op: "axp.sync_jobs.list",
            round_trip: RoundTrip::At("/jobs"),
            run: |ctx| {
                Box::pin(async move {
                    let mut query = SyncJobQuery::default();
                    query.order_by = q(&ctx, "orderBy");
                    let c = client(&ctx)?;
                    first_page(&ctx, cm(&c, &ctx).sync_jobs().list(&query)).await
                })
            },
        },
        Case {
            op: "axp.sync_jobs.get_details",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    let d = cm(&c, &ctx)
                        .sync_jobs()
                        .get_details(ctx.p("jobId"))
                        .await
                        .map_err(sdk)?;
                    ctx.value(&d)
                })
            },
        },
        Case {
            op: "axp.sync_jobs.list_entity_details",
            round_trip: RoundTrip::At("/syncEntityDetails"),
            run: |ctx| {
                Box::pin(async move {
                    let mut query = EntityDetailsQuery::default();
                    query.order_by = q(&ctx, "orderBy");
                    query.entity_type =
                        q(&ctx, "entityType").map(|t| t.parse().unwrap_or_else(|e| match e {}));
                    let c = client(&ctx)?;
                    first_page(
                        &ctx,
                        cm(&c, &ctx)
                            .sync_jobs()
                            .list_entity_details(ctx.p("jobId"), &query),
                    )
                    .await
                })
            },
        },
    ]
}

fn skills() -> Vec<Case> {
    vec![
        Case {
            op: "axp.hybrid_skills.create",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let req: SkillRequest = ctx.request()?;
                    let c = client(&ctx)?;
                    let s = cm(&c, &ctx).skills().create(&req).await.map_err(sdk)?;
                    ctx.value(&s)
                })
            },
        },
        Case {
            op: "axp.hybrid_skills.update",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let req: SkillRequest = ctx.request()?;
                    let c = client(&ctx)?;
                    let s = cm(&c, &ctx)
                        .skills()
                        .update(ctx.p("skillId"), &req)
                        .await
                        .map_err(sdk)?;
                    ctx.value(&s)
                })
            },
        },
        Case {
            op: "axp.hybrid_skills.get",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    let s = cm(&c, &ctx)
                        .skills()
                        .get(ctx.p("skillId"))
                        .await
                        .map_err(sdk)?;
                    ctx.value(&s)
                })
            },
        },
        Case {
            op: "axp.hybrid_skills.delete",
            round_trip: RoundTrip::Nothing("204 without a body"),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    cm(&c, &ctx)
                        .skills()
                        .delete(ctx.p("skillId"))
                        .await
                        .map_err(sdk)?;
                    Ok(Value::Null)
                })
            },
        },
        Case {
            op: "axp.hybrid_skills.list",
            round_trip: RoundTrip::At("/skills"),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    first_page(&ctx, cm(&c, &ctx).skills().list()).await
                })
            },
        },
    ]
}
