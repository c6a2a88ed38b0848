//! Hybrid elements: AADS, Communication Managers, Hybrid Cloud Gateways, System
//! Managers, HCG systems and the feature-toggle webhook.

use axp_voice::communication_managers::CommunicationManagerRequest;
use axp_voice::device_services::AvayaAuraDeviceServiceRequest;
use axp_voice::hcg_systems::PublicKeyUpdate;
use axp_voice::hybrid_cloud_gateways::HybridCloudGatewayRequest;
use axp_voice::system_managers::SystemManagerRequest;
use axp_voice::webhook::FeatureToggleChange;

use super::{client, first_page};
use crate::{Case, RoundTrip, sdk};

pub(crate) fn cases() -> Vec<Case> {
    vec![
        Case {
            op: "axp.avaya_aura_device_services.create",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let req: AvayaAuraDeviceServiceRequest = ctx.request()?;
                    let c = client(&ctx)?;
                    let h = c
                        .account(ctx.p("accountId"))
                        .avaya_aura_device_services()
                        .create(&req)
                        .await
                        .map_err(sdk)?;
                    ctx.value(h.accepted())
                })
            },
        },
        Case {
            op: "axp.avaya_aura_device_services.update",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let req: AvayaAuraDeviceServiceRequest = ctx.request()?;
                    let c = client(&ctx)?;
                    let h = c
                        .account(ctx.p("accountId"))
                        .avaya_aura_device_services()
                        .update(ctx.p("avayaAuraDeviceServiceId"), &req)
                        .await
                        .map_err(sdk)?;
                    ctx.value(h.accepted())
                })
            },
        },
        Case {
            op: "axp.avaya_aura_device_services.get",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    let e = c
                        .account(ctx.p("accountId"))
                        .avaya_aura_device_services()
                        .get(ctx.p("avayaAuraDeviceServiceId"))
                        .await
                        .map_err(sdk)?;
                    ctx.value(&e)
                })
            },
        },
        Case {
            op: "axp.avaya_aura_device_services.list",
            round_trip: RoundTrip::At("/resources"),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    let all = c
                        .account(ctx.p("accountId"))
                        .avaya_aura_device_services()
                        .list()
                        .await
                        .map_err(sdk)?;
                    ctx.value(&all)
                })
            },
        },
        Case {
            op: "axp.avaya_aura_device_services.delete",
            round_trip: RoundTrip::Nothing("202 without a body"),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    let _handle = c
                        .account(ctx.p("accountId"))
                        .avaya_aura_device_services()
                        .delete(ctx.p("avayaAuraDeviceServiceId"))
                        .await
                        .map_err(sdk)?;
                    Ok(serde_json::Value::Null)
                })
            },
        },
        Case {
            op: "axp.communication_managers.create",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let req: CommunicationManagerRequest = ctx.request()?;
                    let c = client(&ctx)?;
                    let h = c
                        .account(ctx.p("accountId"))
                        .communication_managers()
                        .create(&req)
                        .await
                        .map_err(sdk)?;
                    ctx.value(h.accepted())
                })
            },
        },
        Case {
            op: "axp.communication_managers.update",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let req: CommunicationManagerRequest = ctx.request()?;
                    let c = client(&ctx)?;
                    let h = c
                        .account(ctx.p("accountId"))
                        .communication_managers()
                        .update(ctx.p("communicationManagerId"), &req)
                        .await
                        .map_err(sdk)?;
                    ctx.value(h.accepted())
                })
            },
        },
        Case {
            op: "axp.communication_managers.get",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    let e = c
                        .account(ctx.p("accountId"))
                        .communication_managers()
                        .get(ctx.p("communicationManagerId"))
                        .await
                        .map_err(sdk)?;
                    ctx.value(&e)
                })
            },
        },
        Case {
            op: "axp.communication_managers.list",
            round_trip: RoundTrip::At("/resources"),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    first_page(
                        &ctx,
                        c.account(ctx.p("accountId"))
                            .communication_managers()
                            .list(),
                    )
                    .await
                })
            },
        },
        Case {
            op: "axp.communication_managers.delete",
            round_trip: RoundTrip::Nothing("202 without a body"),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    let _handle = c
                        .account(ctx.p("accountId"))
                        .communication_managers()
                        .delete(ctx.p("communicationManagerId"))
                        .await
                        .map_err(sdk)?;
                    Ok(serde_json::Value::Null)
                })
            },
        },
        Case {
            op: "axp.hybrid_cloud_gateways.create",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let req: HybridCloudGatewayRequest = ctx.request()?;
                    let c = client(&ctx)?;
                    let h = c
                        .account(ctx.p("accountId"))
                        .hybrid_cloud_gateways()
                        .create(&req)
                        .await
                        .map_err(sdk)?;
                    ctx.value(h.accepted())
                })
            },
        },
        Case {
            op: "axp.hybrid_cloud_gateways.update",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let req: HybridCloudGatewayRequest = ctx.request()?;
                    let c = client(&ctx)?;
                    let h = c
                        .account(ctx.p("accountId"))
                        .hybrid_cloud_gateways()
                        .update(ctx.p("hybridCloudGatewayId"), &req)
                        .await
                        .map_err(sdk)?;
                    ctx.value(h.accepted())
                })
            },
        },
        Case {
            op: "axp.hybrid_cloud_gateways.get",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    let e = c
                        .account(ctx.p("accountId"))
                        .hybrid_cloud_gateways()
                        .get(ctx.p("hybridCloudGatewayId"))
                        .await
                        .map_err(sdk)?;
                    ctx.value(&e)
                })
            },
        },
        Case {
            op: "axp.hybrid_cloud_gateways.list",
            round_trip: RoundTrip::At("/resources"),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    let all = c
                        .account(ctx.p("accountId"))
                        .hybrid_cloud_gateways()
                        .list()
                        .await
                        .map_err(sdk)?;
                    ctx.value(&all)
                })
            },
        },
        Case {
            op: "axp.hybrid_cloud_gateways.delete",
            round_trip: RoundTrip::Nothing("202 without a body"),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    let _handle = c
                        .account(ctx.p("accountId"))
                        .hybrid_cloud_gateways()
                        .delete(ctx.p("hybridCloudGatewayId"))
                        .await
                        .map_err(sdk)?;
                    Ok(serde_json::Value::Null)
                })
            },
        },
        Case {
            op: "axp.system_managers.create",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let req: SystemManagerRequest = ctx.request()?;
                    let c = client(&ctx)?;
                    let h = c
                        .account(ctx.p("accountId"))
                        .system_managers()
                        .create(&req)
                        .await
                        .map_err(sdk)?;
                    ctx.value(h.accepted())
                })
            },
        },
        Case {
            op: "axp.system_managers.update",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let req: SystemManagerRequest = ctx.request()?;
                    let c = client(&ctx)?;
                    let h = c
                        .account(ctx.p("accountId"))
                        .system_managers()
                        .update(ctx.p("systemManagerId"), &req)
                        .await
                        .map_err(sdk)?;
                    ctx.value(h.accepted())
                })
            },
        },
        Case {
            op: "axp.system_managers.get",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    let e = c
                        .account(ctx.p("accountId"))
                        .system_managers()
                        .get(ctx.p("systemManagerId"))
                        .await
                        .map_err(sdk)?;
                    ctx.value(&e)
                })
            },
        },
        Case {
            op: "axp.system_managers.list",
            round_trip: RoundTrip::At("/resources"),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    let all = c
                        .account(ctx.p("accountId"))
                        .system_managers()
                        .list()
                        .await
                        .map_err(sdk)?;
                    ctx.value(&all)
                })
            },
        },
        Case {
            op: "axp.system_managers.delete",
            round_trip: RoundTrip::Nothing("202 without a body"),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    let _handle = c
                        .account(ctx.p("accountId"))
                        .system_managers()
                        .delete(ctx.p("systemManagerId"))
                        .await
                        .map_err(sdk)?;
                    Ok(serde_json::Value::Null)
                })
            },
        },
        Case {
            op: "axp.avaya_aura_device_services.get_discovery_url",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    let d = c
                        .account(ctx.p("accountId"))
                        .avaya_aura_device_services()
                        .get_discovery_url()
                        .await
                        .map_err(sdk)?;
                    ctx.value(&d)
                })
            },
        },
        Case {
            op: "axp.hybrid_cloud_gateway_systems.push_config",
            round_trip: RoundTrip::Nothing("200 without a body"),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    c.account(ctx.p("accountId"))
                        .hybrid_cloud_gateway_systems()
                        .push_config(ctx.p("systemId"))
                        .await
                        .map_err(sdk)?;
                    Ok(serde_json::Value::Null)
                })
            },
        },
        Case {
            op: "axp.hybrid_cloud_gateway_systems.update_public_key",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let req: PublicKeyUpdate = ctx.request()?;
                    let c = client(&ctx)?;
                    let a = c
                        .account(ctx.p("accountId"))
                        .hybrid_cloud_gateway_systems()
                        .update_public_key(ctx.p("systemId"), &req)
                        .await
                        .map_err(sdk)?;
                    ctx.value(&a)
                })
            },
        },
        Case {
            op: "axp.feature_toggle_webhook.update",
            round_trip: RoundTrip::Nothing("204 without a body"),
            run: |ctx| {
                Box::pin(async move {
                    let change: FeatureToggleChange = ctx.request()?;
                    let c = client(&ctx)?;
                    c.feature_toggle_webhook()
                        .update(&change)
                        .await
                        .map_err(sdk)?;
                    Ok(serde_json::Value::Null)
                })
            },
        },
    ]
}
