//! Hybrid elements: Communication Managers, Hybrid Cloud Gateways and System Managers are
//! created, updated and deleted asynchronously.
//!
//! AADS create, update and delete are long-running too, but an AADS element has no status
//! field: nothing can end them in a failure status, and create and update are done at the
//! first read, so they cannot stall either. They are left out of this table (which runs
//! every entry in the Fail and Stall modes too); `tests/hybrid_elements.rs` tests their
//! polling.

use axp_voice::communication_managers::CommunicationManagerRequest;
use axp_voice::hcg_systems::PublicKeyAlgorithm;
use axp_voice::hybrid_cloud_gateways::HybridCloudGatewayRequest;
use axp_voice::system_managers::SystemManagerRequest;

use super::Lro;

const ACCOUNT: &str = "ABCDEF";

fn cm(description: &str) -> CommunicationManagerRequest {
    CommunicationManagerRequest::new("CM4696", description, "3987iuy7-3dfb").connection(
        "dc1-cm96.avayacloud.stage",
        5022,
        "cust",
        "testpassword",
    )
}

fn gateway(description: &str) -> HybridCloudGatewayRequest {
    HybridCloudGatewayRequest::new(
        "AHCG123",
        description,
        "MIIBOgIBAAJBAKj34GkxFhD90vc",
        PublicKeyAlgorithm::Es256,
        "IN-MH",
        ["sm1906.avaya.com", "sm-stage224.avaya.com"],
    )
    .system_id("fa703a3a-3dfb-4606-ae79-fd0fe0be3e64")
    .terms_accepted(true)
}

fn smgr(description: &str) -> SystemManagerRequest {
    SystemManagerRequest::new(
        "SMGR for Production",
        description,
        "dc1-smgr96.avayacloud.stage",
        "dc2-smgr97.avayacloud.stage",
    )
    .credentials("dummyUser", "dummypassword", "testpassword")
    .use_for_certs(true)
}

/// The create, update and delete entries of one family: `$family` is both the catalog
/// family and the simulator's resource, `$scope` the account's accessor, `$request` a
/// function from a description to a request.
macro_rules! family {
    ($family:literal, $scope:ident, $request:ident) => {
        [
            Lro {
                op: concat!("axp.", $family, ".create"),
                run: |ctx| {
                    Box::pin(async move {
                        ctx.arm($family);
                        let h = ctx
                            .client
                            .account(ACCOUNT)
                            .$scope()
                            .create(&$request("first"))
                            .await?;
                        let id = h.id().map(str::to_owned);
                        let e = h.policy(ctx.policy()).wait().await?;
                        assert_eq!(id.as_deref(), Some(e.id.as_str()));
                        assert_eq!(e.status.as_ref().map(|s| s.as_str()), Some("SUCCESS"));
                        assert_eq!(e.description.as_deref(), Some("first"));
                        Ok(())
                    })
                },
            },
            Lro {
                op: concat!("axp.", $family, ".update"),
                run: |ctx| {
                    Box::pin(async move {
                        let scope = ctx.client.account(ACCOUNT).$scope();
                        let e = scope
                            .create(&$request("first"))
                            .await?
                            .policy(ctx.policy())
                            .wait()
                            .await?;
                        ctx.arm($family);
                        let h = scope.update(&e.id, &$request("second")).await?;
                        assert_eq!(h.id(), Some(e.id.as_str()));
                        let u = h.policy(ctx.policy()).wait().await?;
                        assert_eq!(u.id, e.id);
                        assert_eq!(u.description.as_deref(), Some("second"));
                        assert_eq!(u.status.as_ref().map(|s| s.as_str()), Some("SUCCESS"));
                        Ok(())
                    })
                },
            },
            Lro {
                op: concat!("axp.", $family, ".delete"),
                run: |ctx| {
                    Box::pin(async move {
                        let scope = ctx.client.account(ACCOUNT).$scope();
                        let e = scope
                            .create(&$request("to delete"))
                            .await?
                            .policy(ctx.policy())
                            .wait()
                            .await?;
                        ctx.arm($family);
                        let h = scope.delete(&e.id).await?;
                        h.policy(ctx.policy()).wait().await?;
                        assert!(scope.get(&e.id).await.is_err_and(|e| e.is_not_found()));
                        Ok(())
                    })
                },
            },
        ]
    };
}

pub(super) fn lros() -> Vec<Lro> {
    [
        family!("communication_managers", communication_managers, cm),
        family!("hybrid_cloud_gateways", hybrid_cloud_gateways, gateway),
        family!("system_managers", system_managers, smgr),
    ]
    .concat()
}
