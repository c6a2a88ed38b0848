//! Carrier, CNAM and BNA lookups and their lists. A lookup answers a list of results; the
//! catalog's answer is one result, read as a list of one.

use cpaas::lookups::LookupRequest;

use super::{Entry, entry, first_page};
use crate::{RoundTrip, XmlNames, sdk};

/// The one result of a lookup whose answer is one object.
fn only<T>(results: Vec<T>) -> Result<T, String> {
    let n = results.len();
    let mut results = results.into_iter();
    match (results.next(), n) {
        (Some(one), 1) => Ok(one),
        _ => Err(format!("one lookup result expected, got {n}")),
    }
}

pub(crate) fn entries() -> Vec<Entry> {
    vec![
        entry!(
            "cpaas.lookups.carrier",
            RoundTrip::At(""),
            Some(XmlNames::object("CarrierLookup")),
            |ctx, c| {
                let req: LookupRequest = ctx.request()?;
                let l = c
                    .account_sid(ctx.p("AccountSid"))
                    .lookups()
                    .carrier(&req)
                    .await
                    .map_err(sdk)?;
                ctx.value(&only(l)?)
            }
        ),
        entry!(
            "cpaas.lookups.carrier_list",
            RoundTrip::At("/carrier_lookups"),
            Some(XmlNames::list("CarrierLookups", "CarrierLookup")),
            |ctx, c| {
                let p = c.account_sid(ctx.p("AccountSid")).lookups().carrier_list();
                first_page(&ctx, p).await
            }
        ),
        entry!(
            "cpaas.lookups.cnam",
            RoundTrip::At(""),
            Some(XmlNames::object("CnamLookup")),
            |ctx, c| {
                let req: LookupRequest = ctx.request()?;
                let l = c
                    .account_sid(ctx.p("AccountSid"))
                    .lookups()
                    .cnam(&req)
                    .await
                    .map_err(sdk)?;
                ctx.value(&only(l)?)
            }
        ),
        entry!(
            "cpaas.lookups.cnam_list",
            RoundTrip::At("/cnam_lookups"),
            Some(XmlNames::list("CnamLookups", "CnamLookup")),
            |ctx, c| {
                let p = c.account_sid(ctx.p("AccountSid")).lookups().cnam_list();
                first_page(&ctx, p).await
            }
        ),
        entry!(
            "cpaas.lookups.bna",
            RoundTrip::At(""),
            Some(XmlNames::object("BnaLookup")),
            |ctx, c| {
                let req: LookupRequest = ctx.request()?;
                let l = c
                    .account_sid(ctx.p("AccountSid"))
                    .lookups()
                    .bna(&req)
                    .await
                    .map_err(sdk)?;
                ctx.value(&only(l)?)
            }
        ),
        entry!(
            "cpaas.lookups.bna_list",
            RoundTrip::At("/bna_lookups"),
            Some(XmlNames::list("BnaLookups", "BnaLookup")),
            |ctx, c| {
                let p = c.account_sid(ctx.p("AccountSid")).lookups().bna_list();
                first_page(&ctx, p).await
            }
        ),
    ]
}
