//! Phone numbers: adding and updating are long-running.

use axp_voice::phone_numbers::{NewPhoneNumber, PhoneNumberUpdate};

use super::Lro;

pub(super) fn lros() -> Vec<Lro> {
    vec![
        Lro {
            op: "axp.phone_numbers.create",
            run: |ctx| {
                Box::pin(async move {
                    ctx.arm("phone_numbers");
                    let n = ctx
                        .client
                        .account("ABCDEF")
                        .phone_numbers()
                        .create(&NewPhoneNumber::new("+16479308804", "Support", "US"))
                        .await?
                        .policy(ctx.policy())
                        .wait()
                        .await?;
                    assert_eq!(n.status.as_ref().map(|s| s.as_str()), Some("ACTIVE"));
                    assert!(!n.needs_action());
                    Ok(())
                })
            },
        },
        Lro {
            op: "axp.phone_numbers.update",
            run: |ctx| {
                Box::pin(async move {
                    let scope = ctx.client.account("ABCDEF").phone_numbers();
                    let n = scope
                        .create(&NewPhoneNumber::new("+16479308804", "Support", "US"))
                        .await?
                        .policy(ctx.policy())
                        .wait()
                        .await?;
                    ctx.arm("phone_numbers");
                    let u = scope
                        .update(
                            &n.phone_number_id,
                            &PhoneNumberUpdate::new("Sales", true)
                                .preferred_media_location("US-LA"),
                        )
                        .await?
                        .policy(ctx.policy())
                        .wait()
                        .await?;
                    assert_eq!(u.display_name.as_deref(), Some("Sales"));
                    Ok(())
                })
            },
        },
    ]
}
