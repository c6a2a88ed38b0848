//! Account configuration: location profiles, route points, SIP trunks, outbound routing
//! rules and agent locations.

use axp_voice::agent_locations::AgentLocationRequest;
use axp_voice::location_profiles::LocationProfileRequest;
use axp_voice::route_points::RoutePointRequest;
use axp_voice::routing_rules::{RoutingRule, RoutingRuleRequest};
use axp_voice::sip_trunks::CallerIdUpdate;
use serde_json::Value;

use super::{client, first_page};
use crate::{Case, RoundTrip, sdk};

pub(crate) fn cases() -> Vec<Case> {
    [
        location_profiles(),
        route_points(),
        sip_trunks(),
        routing_rules(),
        agent_locations(),
    ]
    .concat()
}

fn location_profiles() -> Vec<Case> {
    vec![
        Case {
            op: "axp.location_profiles.create",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let req: LocationProfileRequest = ctx.request()?;
                    let c = client(&ctx)?;
                    let h = c
                        .account(ctx.p("accountId"))
                        .location_profiles()
                        .create(&req)
                        .await
                        .map_err(sdk)?;
                    ctx.value(h.accepted())
                })
            },
        },
        Case {
            op: "axp.location_profiles.update",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let req: LocationProfileRequest = ctx.request()?;
                    let c = client(&ctx)?;
                    let h = c
                        .account(ctx.p("accountId"))
                        .location_profiles()
                        .update(ctx.p("locationProfileId"), &req)
                        .await
                        .map_err(sdk)?;
                    ctx.value(h.accepted())
                })
            },
        },
        Case {
            op: "axp.location_profiles.delete",
            round_trip: RoundTrip::Nothing("202 without a body"),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    let scope = c.account(ctx.p("accountId")).location_profiles();
                    let id = ctx.p("locationProfileId");
                    // The catalog's example query is `forceDelete=true`.
                    let forced = ctx.query.get("forceDelete") == Some(&Value::Bool(true));
                    let h = if forced {
                        scope.force_delete(id).await
                    } else {
                        scope.delete(id).await
                    }
                    .map_err(sdk)?;
                    ctx.value(h.accepted())
                })
            },
        },
        Case {
            op: "axp.location_profiles.get",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    let p = c
                        .account(ctx.p("accountId"))
                        .location_profiles()
                        .get(ctx.p("locationProfileId"))
                        .await
                        .map_err(sdk)?;
                    ctx.value(&p)
                })
            },
        },
        Case {
            op: "axp.location_profiles.list",
            round_trip: RoundTrip::At("/profiles"),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    first_page(
                        &ctx,
                        c.account(ctx.p("accountId")).location_profiles().list(),
                    )
                    .await
                })
            },
        },
    ]
}

fn route_points() -> Vec<Case> {
    vec![
        Case {
            op: "axp.route_points.list",
            round_trip: RoundTrip::At("/resources"),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    first_page(&ctx, c.account(ctx.p("accountId")).route_points().list()).await
                })
            },
        },
        Case {
            op: "axp.route_points.create",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let req: RoutePointRequest = ctx.request()?;
                    let c = client(&ctx)?;
                    let p = c
                        .account(ctx.p("accountId"))
                        .route_points()
                        .create(&req)
                        .await
                        .map_err(sdk)?;
                    ctx.value(&p)
                })
            },
        },
        Case {
            op: "axp.route_points.get",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    let p = c
                        .account(ctx.p("accountId"))
                        .route_points()
                        .get(ctx.p("extensionId"))
                        .await
                        .map_err(sdk)?;
                    ctx.value(&p)
                })
            },
        },
        Case {
            op: "axp.route_points.update",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let req: RoutePointRequest = ctx.request()?;
                    let c = client(&ctx)?;
                    let p = c
                        .account(ctx.p("accountId"))
                        .route_points()
                        .update(ctx.p("extensionId"), &req)
                        .await
                        .map_err(sdk)?;
                    ctx.value(&p)
                })
            },
        },
        Case {
            op: "axp.route_points.delete",
            round_trip: RoundTrip::Nothing("204 without a body"),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    c.account(ctx.p("accountId"))
                        .route_points()
                        .delete(ctx.p("extensionId"))
                        .await
                        .map_err(sdk)?;
                    Ok(Value::Null)
                })
            },
        },
    ]
}

fn sip_trunks() -> Vec<Case> {
    vec![
        Case {
            op: "axp.sip_trunks.list",
            round_trip: RoundTrip::At("/sipTrunks"),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    first_page(&ctx, c.account(ctx.p("accountId")).sip_trunks().list()).await
                })
            },
        },
        Case {
            op: "axp.sip_trunks.update_caller_id",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let req: CallerIdUpdate = ctx.request()?;
                    let c = client(&ctx)?;
                    let t = c
                        .account(ctx.p("accountId"))
                        .sip_trunks()
                        .update_caller_id(ctx.p("sipTrunkId"), &req)
                        .await
                        .map_err(sdk)?;
                    ctx.value(&t)
                })
            },
        },
    ]
}

fn routing_rules() -> Vec<Case> {
    vec![
        Case {
            op: "axp.outbound_routing_rules.create",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let req: RoutingRuleRequest = ctx.request()?;
                    let c = client(&ctx)?;
                    let r = c
                        .account(ctx.p("accountId"))
                        .outbound_routing_rules()
                        .create(&req)
                        .await
                        .map_err(sdk)?;
                    ctx.value(&r)
                })
            },
        },
        Case {
            op: "axp.outbound_routing_rules.update",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let req: RoutingRuleRequest = ctx.request()?;
                    let c = client(&ctx)?;
                    let r = c
                        .account(ctx.p("accountId"))
                        .outbound_routing_rules()
                        .update(ctx.p("routingRuleId"), &req)
                        .await
                        .map_err(sdk)?;
                    ctx.value(&r)
                })
            },
        },
        Case {
            op: "axp.outbound_routing_rules.delete",
            round_trip: RoundTrip::Nothing("204 without a body"),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    c.account(ctx.p("accountId"))
                        .outbound_routing_rules()
                        .delete(ctx.p("routingRuleId"))
                        .await
                        .map_err(sdk)?;
                    Ok(Value::Null)
                })
            },
        },
        Case {
            op: "axp.outbound_routing_rules.get",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    let r = c
                        .account(ctx.p("accountId"))
                        .outbound_routing_rules()
                        .get(ctx.p("routingRuleId"))
                        .await
                        .map_err(sdk)?;
                    ctx.value(&r)
                })
            },
        },
        Case {
            op: "axp.outbound_routing_rules.list",
            round_trip: RoundTrip::At("/outboundRoutingRules"),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    first_page(
                        &ctx,
                        c.account(ctx.p("accountId"))
                            .outbound_routing_rules()
                            .list(),
                    )
                    .await
                })
            },
        },
        Case {
            op: "axp.outbound_routing_rules.bulk_update",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let rules: Vec<RoutingRule> = ctx.request()?;
                    let c = client(&ctx)?;
                    let r = c
                        .account(ctx.p("accountId"))
                        .outbound_routing_rules()
                        .bulk_update(&rules)
                        .await
                        .map_err(sdk)?;
                    ctx.value(&r)
                })
            },
        },
    ]
}

fn agent_locations() -> Vec<Case> {
    vec![
        Case {
            op: "axp.agent_locations.create",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let req: AgentLocationRequest = ctx.request()?;
                    let c = client(&ctx)?;
                    let l = c
                        .account(ctx.p("accountId"))
                        .agent_locations()
                        .create(&req)
                        .await
                        .map_err(sdk)?;
                    ctx.value(&l)
                })
            },
        },
        Case {
            op: "axp.agent_locations.update",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let req: AgentLocationRequest = ctx.request()?;
                    let c = client(&ctx)?;
                    let l = c
                        .account(ctx.p("accountId"))
                        .agent_locations()
                        .update(ctx.p("locationId"), &req)
                        .await
                        .map_err(sdk)?;
                    ctx.value(&l)
                })
            },
        },
        Case {
            op: "axp.agent_locations.get",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    let l = c
                        .account(ctx.p("accountId"))
                        .agent_locations()
                        .get(ctx.p("locationId"))
                        .await
                        .map_err(sdk)?;
                    ctx.value(&l)
                })
            },
        },
        Case {
            op: "axp.agent_locations.delete",
            round_trip: RoundTrip::Nothing("204 without a body"),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    c.account(ctx.p("accountId"))
                        .agent_locations()
                        .delete(ctx.p("locationId"))
                        .await
                        .map_err(sdk)?;
                    Ok(Value::Null)
                })
            },
        },
        Case {
            op: "axp.agent_locations.list",
            round_trip: RoundTrip::At("/locations"),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    first_page(&ctx, c.account(ctx.p("accountId")).agent_locations().list()).await
                })
            },
        },
    ]
}
