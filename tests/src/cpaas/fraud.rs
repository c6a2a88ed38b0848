//! Fraud control.

use cpaas::fraud::{FraudFilter, Permissions};

use super::{Entry, entry, first_page};
use crate::{RoundTrip, XmlNames, sdk};

const RULE: Option<XmlNames> = Some(XmlNames::object("Fraud"));

pub(crate) fn entries() -> Vec<Entry> {
    vec![
        entry!("cpaas.fraud.block", RoundTrip::At(""), RULE, |ctx, c| {
            // No example in the catalog: block everything but SMS.
            let p = Permissions::new().sms_enabled(true);
            let r = c
                .account_sid(ctx.p("AccountSid"))
                .fraud()
                .block(ctx.p("CountryCode"), &p)
                .await
                .map_err(sdk)?;
            ctx.value(&r)
        }),
        entry!(
            "cpaas.fraud.authorize",
            RoundTrip::At(""),
            RULE,
            |ctx, c| {
                let p = Permissions::new().mobile_enabled(true);
                let r = c
                    .account_sid(ctx.p("AccountSid"))
                    .fraud()
                    .authorize(ctx.p("CountryCode"), &p)
                    .await
                    .map_err(sdk)?;
                ctx.value(&r)
            }
        ),
        entry!("cpaas.fraud.extend", RoundTrip::At(""), RULE, |ctx, c| {
            let r = c
                .account_sid(ctx.p("AccountSid"))
                .fraud()
                .extend(ctx.p("CountryCode"))
                .await
                .map_err(sdk)?;
            ctx.value(&r)
        }),
        entry!(
            "cpaas.fraud.whitelist",
            RoundTrip::At(""),
            RULE,
            |ctx, c| {
                let p = Permissions::new().landline_enabled(true);
                let r = c
                    .account_sid(ctx.p("AccountSid"))
                    .fraud()
                    .whitelist(ctx.p("CountryCode"), &p)
                    .await
                    .map_err(sdk)?;
                ctx.value(&r)
            }
        ),
        entry!(
            "cpaas.fraud.list",
            RoundTrip::At("/frauds"),
            Some(XmlNames::list("Frauds", "Fraud")),
            |ctx, c| {
                let p = c
                    .account_sid(ctx.p("AccountSid"))
                    .fraud()
                    .list(&FraudFilter::new());
                first_page(&ctx, p).await
            }
        ),
    ]
}
