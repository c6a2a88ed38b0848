//! The registry of `apio-callcenter`: one closure per catalog operation.

use apio_callcenter::ApioClient;
use apio_callcenter::call_centers::{ActiveStatus, CallCenterUpdate, NewCallCenter};

use crate::{Case, Ctx, RoundTrip, TOKEN, sdk};

fn client(ctx: &Ctx) -> Result<ApioClient, String> {
    ApioClient::builder()
        .base_url(&ctx.base_url)
        .allow_http(true)
        .bearer(TOKEN)
        .http_client(crate::http())
        .build()
        .map_err(sdk)
}

/// Every operation of the APIO catalog.
pub fn cases() -> Vec<Case> {
    vec![
        Case {
            op: "apio.call_centers.create",
            round_trip: RoundTrip::At("/callCenterInstance"),
            run: |ctx| {
                Box::pin(async move {
                    let req: NewCallCenter = ctx.request()?;
                    let c = client(&ctx)?;
                    let out = c
                        .tenant(ctx.p("tenant_id"))
                        .group(ctx.p("group_id"))
                        .call_centers()
                        .create(&req)
                        .await
                        .map_err(sdk)?;
                    ctx.value(&out)
                })
            },
        },
        Case {
            op: "apio.call_centers.get",
            round_trip: RoundTrip::At("/callCenterInstance"),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    let out = c
                        .tenant(ctx.p("tenant_id"))
                        .group(ctx.p("group_id"))
                        .call_centers()
                        .get(ctx.p("call_center_name"))
                        .await
                        .map_err(sdk)?;
                    ctx.value(&out)
                })
            },
        },
        Case {
            op: "apio.call_centers.list",
            round_trip: RoundTrip::At("/call_centers"),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    let out = c
                        .tenant(ctx.p("tenant_id"))
                        .group(ctx.p("group_id"))
                        .call_centers()
                        .list()
                        .await
                        .map_err(sdk)?;
                    ctx.value(&out)
                })
            },
        },
        Case {
            op: "apio.call_centers.modify",
            round_trip: RoundTrip::At("/callCenterInstance"),
            run: |ctx| {
                Box::pin(async move {
                    let change: CallCenterUpdate = ctx.request()?;
                    let c = client(&ctx)?;
                    let out = c
                        .tenant(ctx.p("tenant_id"))
                        .group(ctx.p("group_id"))
                        .call_centers()
                        .modify(ctx.p("call_center_name"), &change)
                        .await
                        .map_err(sdk)?;
                    ctx.value(&out)
                })
            },
        },
        Case {
            op: "apio.call_centers.delete",
            round_trip: RoundTrip::Nothing("200 with no body"),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    c.tenant(ctx.p("tenant_id"))
                        .group(ctx.p("group_id"))
                        .call_centers()
                        .delete(ctx.p("call_center_name"))
                        .await
                        .map_err(sdk)?;
                    Ok(serde_json::Value::Null)
                })
            },
        },
        Case {
            op: "apio.call_centers.set_active_status",
            round_trip: RoundTrip::Nothing("answers {} with nothing to type"),
            run: |ctx| {
                Box::pin(async move {
                    #[derive(serde::Deserialize)]
                    struct Body {
                        services: Vec<ActiveStatus>,
                    }
                    let body: Body = ctx.request()?;
                    let c = client(&ctx)?;
                    c.tenant(ctx.p("tenant_id"))
                        .group(ctx.p("group_id"))
                        .call_centers()
                        .set_active_status(&body.services)
                        .await
                        .map_err(sdk)?;
                    Ok(serde_json::Value::Null)
                })
            },
        },
    ]
}
