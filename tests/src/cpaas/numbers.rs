//! Incoming numbers, BYOC numbers, available numbers and countries.

use cpaas::numbers::{
    AvailableNumberFilter, CountryFilter, NewByocNumber, NewNumber, NumberFilter, NumberSettings,
    NumberType,
};

use super::{Entry, entry, first_page};
use crate::{RoundTrip, XmlNames, sdk};

const NUMBER: Option<XmlNames> = Some(XmlNames::object("IncomingPhoneNumber"));
const NUMBERS: Option<XmlNames> = Some(XmlNames::list(
    "IncomingPhoneNumbers",
    "IncomingPhoneNumber",
));

fn sid(ctx: &crate::Ctx) -> String {
    let a = ctx.p("IncomingNumberSid");
    if a.is_empty() {
        ctx.p("IncomingPhoneNumberSid")
    } else {
        a
    }
}

fn number_type(ctx: &crate::Ctx, name: &str) -> NumberType {
    ctx.p(name).parse().unwrap_or(NumberType::Local)
}

pub(crate) fn entries() -> Vec<Entry> {
    vec![
        entry!(
            "cpaas.incoming_numbers.list",
            RoundTrip::At("/incoming_phone_numbers"),
            NUMBERS,
            |ctx, c| {
                let p = c
                    .account_sid(ctx.p("AccountSid"))
                    .incoming_numbers()
                    .list(&NumberFilter::new());
                first_page(&ctx, p).await
            }
        ),
        entry!(
            "cpaas.incoming_numbers.get",
            RoundTrip::At(""),
            NUMBER,
            |ctx, c| {
                let n = c
                    .account_sid(ctx.p("AccountSid"))
                    .incoming_numbers()
                    .get(sid(&ctx))
                    .await
                    .map_err(sdk)?;
                ctx.value(&n)
            }
        ),
        entry!(
            "cpaas.incoming_numbers.create",
            RoundTrip::At(""),
            NUMBER,
            |ctx, c| {
                let req: NewNumber = ctx.request()?;
                let n = c
                    .account_sid(ctx.p("AccountSid"))
                    .incoming_numbers()
                    .create(&req)
                    .await
                    .map_err(sdk)?;
                ctx.value(&n)
            }
        ),
        entry!(
            "cpaas.incoming_numbers.update",
            RoundTrip::At(""),
            NUMBER,
            |ctx, c| {
                // No example in the catalog: a partial update.
                let req = NumberSettings::new().friendly_name("Sales");
                let n = c
                    .account_sid(ctx.p("AccountSid"))
                    .incoming_numbers()
                    .update(sid(&ctx), &req)
                    .await
                    .map_err(sdk)?;
                ctx.value(&n)
            }
        ),
        entry!(
            "cpaas.incoming_numbers.delete",
            RoundTrip::At(""),
            NUMBER,
            |ctx, c| {
                let n = c
                    .account_sid(ctx.p("AccountSid"))
                    .incoming_numbers()
                    .delete(sid(&ctx))
                    .await
                    .map_err(sdk)?;
                ctx.value(&n)
            }
        ),
        entry!(
            "cpaas.byoc_numbers.list",
            RoundTrip::At("/incoming_phone_numbers"),
            NUMBERS,
            |ctx, c| {
                let p = c
                    .account_sid(ctx.p("AccountSid"))
                    .byoc_numbers()
                    .list(&NumberFilter::new());
                first_page(&ctx, p).await
            }
        ),
        entry!(
            "cpaas.byoc_numbers.get",
            RoundTrip::At(""),
            NUMBER,
            |ctx, c| {
                let n = c
                    .account_sid(ctx.p("AccountSid"))
                    .byoc_numbers()
                    .get(sid(&ctx))
                    .await
                    .map_err(sdk)?;
                ctx.value(&n)
            }
        ),
        entry!(
            "cpaas.byoc_numbers.create",
            RoundTrip::At(""),
            NUMBER,
            |ctx, c| {
                let req: NewByocNumber = ctx.request()?;
                let n = c
                    .account_sid(ctx.p("AccountSid"))
                    .byoc_numbers()
                    .create(&req)
                    .await
                    .map_err(sdk)?;
                ctx.value(&n)
            }
        ),
        entry!(
            "cpaas.byoc_numbers.update",
            RoundTrip::At(""),
            NUMBER,
            |ctx, c| {
                let req = NumberSettings::new().friendly_name("Sales");
                let n = c
                    .account_sid(ctx.p("AccountSid"))
                    .byoc_numbers()
                    .update(sid(&ctx), &req)
                    .await
                    .map_err(sdk)?;
                ctx.value(&n)
            }
        ),
        entry!(
            "cpaas.byoc_numbers.delete",
            RoundTrip::At(""),
            NUMBER,
            |ctx, c| {
                let n = c
                    .account_sid(ctx.p("AccountSid"))
                    .byoc_numbers()
                    .delete(sid(&ctx))
                    .await
                    .map_err(sdk)?;
                ctx.value(&n)
            }
        ),
        entry!(
            "cpaas.available_numbers.list",
            RoundTrip::At("/available_phone_numbers"),
            Some(XmlNames::list(
                "AvailablePhoneNumbers",
                "AvailablePhoneNumber"
            )),
            |ctx, c| {
                let p = c.account_sid(ctx.p("AccountSid")).available_numbers().list(
                    ctx.p("Country"),
                    &number_type(&ctx, "Type"),
                    &AvailableNumberFilter::new(),
                );
                first_page(&ctx, p).await
            }
        ),
        entry!(
            "cpaas.available_numbers.list_countries",
            RoundTrip::Nothing("the document gives no answer"),
            None,
            |ctx, c| {
                let mut filter = CountryFilter::new();
                if let Some(country) = ctx.q("Country") {
                    filter = filter.country(country);
                }
                if let Some(service) = ctx.q("ServiceType") {
                    filter = filter.service_type(service);
                }
                let v = c
                    .account_sid(ctx.p("AccountSid"))
                    .available_numbers()
                    .list_countries(&number_type(&ctx, "NumberType"), &filter)
                    .await
                    .map_err(sdk)?;
                ctx.value(&v)
            }
        ),
    ]
}
