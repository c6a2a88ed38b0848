//! Phone numbers and available phone numbers.

use axp_voice::phone_numbers::{AvailableNumberQuery, NewPhoneNumber, PhoneNumberUpdate};

use super::{client, first_page};
use crate::{Case, RoundTrip, sdk};

pub(crate) fn cases() -> Vec<Case> {
    vec![
        Case {
            op: "axp.phone_numbers.create",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let req: NewPhoneNumber = ctx.request()?;
                    let c = client(&ctx)?;
                    let h = c
                        .account(ctx.p("accountId"))
                        .phone_numbers()
                        .create(&req)
                        .await
                        .map_err(sdk)?;
                    ctx.value(h.accepted())
                })
            },
        },
        Case {
            op: "axp.phone_numbers.update",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let req: PhoneNumberUpdate = ctx.request()?;
                    let c = client(&ctx)?;
                    let h = c
                        .account(ctx.p("accountId"))
                        .phone_numbers()
                        .update(ctx.p("phoneNumberId"), &req)
                        .await
                        .map_err(sdk)?;
                    ctx.value(h.accepted())
                })
            },
        },
        Case {
            op: "axp.phone_numbers.delete",
            round_trip: RoundTrip::Nothing("204 without a body"),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    c.account(ctx.p("accountId"))
                        .phone_numbers()
                        .delete(ctx.p("phoneNumberId"))
                        .await
                        .map_err(sdk)?;
                    Ok(serde_json::Value::Null)
                })
            },
        },
        Case {
            op: "axp.phone_numbers.get",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let c = client(&ctx)?;
                    let n = c
                        .account(ctx.p("accountId"))
                        .phone_numbers()
                        .get(ctx.p("phoneNumberId"))
                        .await
                        .map_err(sdk)?;
                    ctx.value(&n)
                })
            },
        },
        Case {
            op: "axp.phone_numbers.list_by_ids",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let ids: Vec<String> = ctx.request()?;
                    let c = client(&ctx)?;
                    let n = c
                        .account(ctx.p("accountId"))
                        .phone_numbers()
                        .list_by_ids(&ids)
                        .await
                        .map_err(sdk)?;
                    ctx.value(&n)
                })
            },
        },
        Case {
            op: "axp.phone_numbers.validate",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let ids: Vec<String> = ctx.request()?;
                    let c = client(&ctx)?;
                    let v = c
                        .account(ctx.p("accountId"))
                        .phone_numbers()
                        .validate(&ids)
                        .await
                        .map_err(sdk)?;
                    ctx.value(&v)
                })
            },
        },
        Case {
            op: "axp.phone_numbers.get_by_phone_numbers",
            round_trip: RoundTrip::At(""),
            run: |ctx| {
                Box::pin(async move {
                    let numbers: Vec<String> = ctx.request()?;
                    let c = client(&ctx)?;
                    let n = c
                        .account(ctx.p("accountId"))
                        .phone_numbers()
                        .get_by_phone_numbers(&numbers)
                        .await
                        .map_err(sdk)?;
                    ctx.value(&n)
                })
            },
        },
        Case {
            op: "axp.available_phone_numbers.list",
            round_trip: RoundTrip::At("/phoneNumbers"),
            run: |ctx| {
                Box::pin(async move {
                    let mut q = AvailableNumberQuery::default();
                    let s = |k: &str| ctx.query.get(k).and_then(|v| v.as_str()).map(str::to_owned);
                    q.country_code = s("countryCode");
                    q.kind = s("type").map(|t| t.parse().unwrap_or_else(|e| match e {}));
                    q.area_code = s("areaCode");
                    q.phone_number = s("phoneNumber");
                    let c = client(&ctx)?;
                    first_page(
                        &ctx,
                        c.account(ctx.p("accountId"))
                            .available_phone_numbers()
                            .list(&q),
                    )
                    .await
                })
            },
        },
    ]
}
