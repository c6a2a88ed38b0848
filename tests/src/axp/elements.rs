//! ACO and Microsoft Teams elements.

use axp_voice::elements::ElementRequest;

use super::client;
use crate::{Case, RoundTrip, sdk};

pub(crate) fn cases() -> Vec<Case> {
    vec![
        Case {
            op: "axp.aco_elements.create",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let req: ElementRequest = ctx.request()?;
                    let c = client(&ctx)?;
                    let h = c
                        .account(ctx.p("accountId"))
                        .aco_elements()
                        .create(&req)
                        .await
                        .map_err(sdk)?;
                    ctx.value(h.accepted())
                })
            },
        },
        Case {
            op: "axp.aco_elements.update",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let req: ElementRequest = ctx.request()?;
                    let c = client(&ctx)?;
                    let h = c
                        .account(ctx.p("accountId"))
                        .aco_elements()
                        .update(ctx.p("elementId"), &req)
                        .await
                        .map_err(sdk)?;
                    ctx.value(h.accepted())
                })
            },
        },
        Case {
            op: "axp.aco_elements.get",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    let e = c
                        .account(ctx.p("accountId"))
                        .aco_elements()
                        .get(ctx.p("elementId"))
                        .await
                        .map_err(sdk)?;
                    ctx.value(&e)
                })
            },
        },
        Case {
            op: "axp.aco_elements.delete",
            round_trip: RoundTrip::Nothing("204 without a body"),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    c.account(ctx.p("accountId"))
                        .aco_elements()
                        .delete(ctx.p("elementId"))
                        .await
                        .map_err(sdk)?;
                    Ok(serde_json::Value::Null)
                })
            },
        },
        Case {
            op: "axp.msteams_elements.create",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let req: ElementRequest = ctx.request()?;
                    let c = client(&ctx)?;
                    let h = c
                        .account(ctx.p("accountId"))
                        .msteams_elements()
                        .create(&req)
                        .await
                        .map_err(sdk)?;
                    ctx.value(h.accepted())
                })
            },
        },
        Case {
            op: "axp.msteams_elements.update",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let req: ElementRequest = ctx.request()?;
                    let c = client(&ctx)?;
                    let h = c
                        .account(ctx.p("accountId"))
                        .msteams_elements()
                        .update(ctx.p("elementId"), &req)
                        .await
                        .map_err(sdk)?;
                    ctx.value(h.accepted())
                })
            },
        },
        Case {
            op: "axp.msteams_elements.get",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    let e = c
                        .account(ctx.p("accountId"))
                        .msteams_elements()
                        .get(ctx.p("elementId"))
                        .await
                        .map_err(sdk)?;
                    ctx.value(&e)
                })
            },
        },
        Case {
            op: "axp.msteams_elements.delete",
            round_trip: RoundTrip::Nothing("204 without a body"),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    c.account(ctx.p("accountId"))
                        .msteams_elements()
                        .delete(ctx.p("elementId"))
                        .await
                        .map_err(sdk)?;
                    Ok(serde_json::Value::Null)
                })
            },
        },
    ]
}
