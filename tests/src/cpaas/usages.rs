//! Usages: view and list.

use cpaas::usages::UsageFilter;

use super::{Entry, entry, first_page};
use crate::{RoundTrip, XmlNames, sdk};

pub(crate) fn entries() -> Vec<Entry> {
    vec![
        entry!(
            "cpaas.usages.get",
            RoundTrip::At(""),
            Some(XmlNames::object("Usage")),
            |ctx, c| {
                let u = c
                    .account_sid(ctx.p("AccountSid"))
                    .usages()
                    .get(ctx.p("UsageSid"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&u)
            }
        ),
        entry!(
            "cpaas.usages.list",
            RoundTrip::At("/usages"),
            Some(XmlNames::list("Usages", "Usage")),
            |ctx, c| {
                let mut filter = UsageFilter::new();
                let number = |name: &str| ctx.q(name).and_then(|v| v.parse::<u32>().ok());
                if let Some(v) = number("Day") {
                    filter = filter.day(v);
                }
                if let Some(v) = number("Month") {
                    filter = filter.month(v);
                }
                if let Some(v) = number("Year") {
                    filter = filter.year(v);
                }
                if let Some(v) = number("Product") {
                    filter = filter.product(v);
                }
                let p = c.account_sid(ctx.p("AccountSid")).usages().list(&filter);
                first_page(&ctx, p).await
            }
        ),
    ]
}
