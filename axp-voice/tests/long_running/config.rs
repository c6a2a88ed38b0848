//! Account configuration: location profiles are created, updated and deleted
//! asynchronously (the other families of the group are synchronous).

use axp_voice::location_profiles::LocationProfileRequest;

use super::Lro;

const ACCOUNT: &str = "ABCDEF";

fn profile(description: &str) -> LocationProfileRequest {
    LocationProfileRequest::new(
        "Location Profile IN",
        description,
        "IN-MH",
        ["sm1906.avaya.com", "sm-stage224.avaya.com"],
    )
    .media_latching(true)
}

pub(super) fn lros() -> Vec<Lro> {
    vec![
        Lro {
            op: "axp.location_profiles.create",
            run: |ctx| {
                Box::pin(async move {
                    ctx.arm("location_profiles");
                    let h = ctx
                        .client
                        .account(ACCOUNT)
                        .location_profiles()
                        .create(&profile("Location Profile for IN"))
                        .await?;
                    let id = h.id().map(str::to_owned);
                    let p = h.policy(ctx.policy()).wait().await?;
                    assert_eq!(id.as_deref(), Some(p.id.as_str()));
                    assert_eq!(p.status.as_ref().map(|s| s.as_str()), Some("SUCCESS"));
                    assert_eq!(p.is_media_latching_enabled, Some(true));
                    Ok(())
                })
            },
        },
        Lro {
            op: "axp.location_profiles.update",
            run: |ctx| {
                Box::pin(async move {
                    let scope = ctx.client.account(ACCOUNT).location_profiles();
                    let p = scope
                        .create(&profile("first"))
                        .await?
                        .policy(ctx.policy())
                        .wait()
                        .await?;
                    ctx.arm("location_profiles");
                    let u = scope
                        .update(&p.id, &profile("second"))
                        .await?
                        .policy(ctx.policy())
                        .wait()
                        .await?;
                    assert_eq!(u.id, p.id);
                    assert_eq!(u.description.as_deref(), Some("second"));
                    assert_eq!(u.status.as_ref().map(|s| s.as_str()), Some("SUCCESS"));
                    Ok(())
                })
            },
        },
        Lro {
            op: "axp.location_profiles.delete",
            run: |ctx| {
                Box::pin(async move {
                    let scope = ctx.client.account(ACCOUNT).location_profiles();
                    let p = scope
                        .create(&profile("to delete"))
                        .await?
                        .policy(ctx.policy())
                        .wait()
                        .await?;
                    ctx.arm("location_profiles");
                    let h = scope.delete(&p.id).await?;
                    h.policy(ctx.policy()).wait().await?;
                    assert!(scope.get(&p.id).await.is_err_and(|e| e.is_not_found()));
                    Ok(())
                })
            },
        },
    ]
}
