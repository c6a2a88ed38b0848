//! The resources below a Communication Manager: reason codes (create, update, delete) and
//! the sync trigger are long-running.
//!
//! The hybrid-extension delete is long-running too, but it has no status that could say it
//! failed, so it cannot run in the `Fail` mode of this table: its wait is tested on the wire
//! in `tests/communication_manager_resources.rs`.

use axp_voice::reason_codes::{
    NewReasonCode, ReasonCodeType, ReasonCodeUpdate, SystemDefinedAttribute,
};
use axp_voice::sync::{SyncEntity, SyncRequest, SyncStatus};

use super::Lro;

const ACCOUNT: &str = "ABCDEF";
const CM: &str = "5e9be49a";

fn lunch() -> NewReasonCode {
    NewReasonCode::new("Lunch", "89", ReasonCodeType::NotReady)
        .attribute(SystemDefinedAttribute::WorkingOnDigital)
}

pub(super) fn lros() -> Vec<Lro> {
    vec![
        Lro {
            op: "axp.reason_codes.create",
            run: |ctx| {
                Box::pin(async move {
                    ctx.arm("reason_codes");
                    let code = ctx
                        .client
                        .account(ACCOUNT)
                        .communication_manager(CM)
                        .reason_codes()
                        .create(&lunch())
                        .await?
                        .policy(ctx.policy())
                        .wait()
                        .await?;
                    assert_eq!(code.status.as_ref().map(|s| s.as_str()), Some("SUCCESS"));
                    assert_eq!(code.code_number.as_deref(), Some("89"));
                    Ok(())
                })
            },
        },
        Lro {
            op: "axp.reason_codes.update",
            run: |ctx| {
                Box::pin(async move {
                    let codes = ctx
                        .client
                        .account(ACCOUNT)
                        .communication_manager(CM)
                        .reason_codes();
                    let code = codes
                        .create(&lunch())
                        .await?
                        .policy(ctx.policy())
                        .wait()
                        .await?;
                    ctx.arm("reason_codes");
                    let update = ReasonCodeUpdate::new("Long lunch")
                        .interruptible(true)
                        .attribute(SystemDefinedAttribute::WorkingOnDigital);
                    let handle = codes.update(&code.reason_code_id, &update).await?;
                    assert_eq!(handle.id(), Some(code.reason_code_id.as_str()));
                    let updated = handle.policy(ctx.policy()).wait().await?;
                    assert_eq!(updated.code_name.as_deref(), Some("Long lunch"));
                    assert_eq!(updated.is_interruptible, Some(true));
                    assert_eq!(
                        updated.code_number.as_deref(),
                        Some("89"),
                        "the number is not part of an update and stays"
                    );
                    Ok(())
                })
            },
        },
        Lro {
            op: "axp.reason_codes.delete",
            run: |ctx| {
                Box::pin(async move {
                    let codes = ctx
                        .client
                        .account(ACCOUNT)
                        .communication_manager(CM)
                        .reason_codes();
                    let code = codes
                        .create(&lunch())
                        .await?
                        .policy(ctx.policy())
                        .wait()
                        .await?;
                    ctx.arm("reason_codes");
                    let handle = codes.delete(&code.reason_code_id).await?;
                    handle.policy(ctx.policy()).wait().await?;
                    assert!(
                        codes
                            .get(&code.reason_code_id)
                            .await
                            .is_err_and(|e| e.is_not_found())
                    );
                    Ok(())
                })
            },
        },
        Lro {
            op: "axp.sync.trigger",
            run: |ctx| {
                Box::pin(async move {
                    let cm = ctx.client.account(ACCOUNT).communication_manager(CM);
                    ctx.arm("sync_jobs");
                    let handle = cm
                        .sync()
                        .trigger(&SyncRequest::all().name("Full sync"))
                        .await?;
                    let job_id = handle.id().map(str::to_owned);
                    let job = handle.policy(ctx.policy()).wait().await?;
                    assert_eq!(job_id.as_deref(), Some(job.id.as_str()));
                    assert_eq!(job.status_code, Some(SyncStatus::Completed));
                    let listed = cm
                        .sync_jobs()
                        .list(&Default::default())
                        .collect_all()
                        .await?;
                    assert_eq!(listed.len(), 1);
                    let details = cm.sync_jobs().get_details(&job.id).await?;
                    assert_eq!(details.job_entity_details.len(), 4);
                    assert_eq!(
                        details.count(&SyncEntity::Agent, &SyncStatus::Failed),
                        0,
                        "the simulator has no Aura: nothing synchronised, nothing failed"
                    );
                    Ok(())
                })
            },
        },
    ]
}
