//! ACO and Microsoft Teams elements: create and update are long-running.

use axp_voice::elements::ElementRequest;

use super::{Lro, Mode};

fn aco() -> ElementRequest {
    ElementRequest::aco("Avaya Cloud Office", "Production", ["+16062128688"])
}

fn teams() -> ElementRequest {
    ElementRequest::msteams("MS Teams Server", "exchange.com", ["+16062128688"])
}

pub(super) fn lros() -> Vec<Lro> {
    vec![
        Lro {
            op: "axp.aco_elements.create",
            run: |ctx| {
                Box::pin(async move {
                    ctx.arm("aco_elements");
                    let e = ctx
                        .client
                        .account("ABCDEF")
                        .aco_elements()
                        .create(&aco())
                        .await?
                        .policy(ctx.policy())
                        .wait()
                        .await?;
                    assert_eq!(e.status.as_ref().map(|s| s.as_str()), Some("SUCCESS"));
                    assert_eq!(e.element_type.as_ref().map(|t| t.as_str()), Some("ACO"));
                    Ok(())
                })
            },
        },
        Lro {
            op: "axp.aco_elements.update",
            run: |ctx| {
                Box::pin(async move {
                    let scope = ctx.client.account("ABCDEF").aco_elements();
                    let e = scope
                        .create(&aco())
                        .await?
                        .policy(ctx.policy())
                        .wait()
                        .await?;
                    ctx.arm("aco_elements");
                    let renamed = aco().description("renamed");
                    let u = scope
                        .update(&e.element_id, &renamed)
                        .await?
                        .policy(ctx.policy())
                        .wait()
                        .await?;
                    assert_eq!(u.description.as_deref(), Some("renamed"));
                    if ctx.mode == Mode::Succeed {
                        scope.delete(&e.element_id).await?;
                        assert!(
                            scope
                                .get(&e.element_id)
                                .await
                                .is_err_and(|e| e.is_not_found())
                        );
                    }
                    Ok(())
                })
            },
        },
        Lro {
            op: "axp.msteams_elements.create",
            run: |ctx| {
                Box::pin(async move {
                    ctx.arm("msteams_elements");
                    let e = ctx
                        .client
                        .account("ABCDEF")
                        .msteams_elements()
                        .create(&teams())
                        .await?
                        .policy(ctx.policy())
                        .wait()
                        .await?;
                    assert_eq!(e.element_type.as_ref().map(|t| t.as_str()), Some("MSTeams"));
                    Ok(())
                })
            },
        },
        Lro {
            op: "axp.msteams_elements.update",
            run: |ctx| {
                Box::pin(async move {
                    let scope = ctx.client.account("ABCDEF").msteams_elements();
                    let e = scope
                        .create(&teams())
                        .await?
                        .policy(ctx.policy())
                        .wait()
                        .await?;
                    ctx.arm("msteams_elements");
                    scope
                        .update(&e.element_id, &teams())
                        .await?
                        .policy(ctx.policy())
                        .wait()
                        .await?;
                    Ok(())
                })
            },
        },
    ]
}
