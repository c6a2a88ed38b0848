//! Applications.

use cpaas::applications::{ApplicationFilter, ApplicationRequest};

use super::{Entry, entry, first_page};
use crate::{RoundTrip, XmlNames, sdk};

const APPLICATION: Option<XmlNames> = Some(XmlNames::object("Application"));

pub(crate) fn entries() -> Vec<Entry> {
    vec![
        entry!(
            "cpaas.applications.create",
            RoundTrip::At(""),
            APPLICATION,
            |ctx, c| {
                let req: ApplicationRequest = ctx.request()?;
                let a = c
                    .account_sid(ctx.p("AccountSid"))
                    .applications()
                    .create(&req)
                    .await
                    .map_err(sdk)?;
                ctx.value(&a)
            }
        ),
        entry!(
            "cpaas.applications.get",
            RoundTrip::At(""),
            APPLICATION,
            |ctx, c| {
                let a = c
                    .account_sid(ctx.p("AccountSid"))
                    .applications()
                    .get(ctx.p("ApplicationSid"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&a)
            }
        ),
        entry!(
            "cpaas.applications.update",
            RoundTrip::At(""),
            APPLICATION,
            |ctx, c| {
                // No example in the catalog: a partial update.
                let req = ApplicationRequest::new().friendly_name("Helpdesk");
                let a = c
                    .account_sid(ctx.p("AccountSid"))
                    .applications()
                    .update(ctx.p("ApplicationSid"), &req)
                    .await
                    .map_err(sdk)?;
                ctx.value(&a)
            }
        ),
        entry!(
            "cpaas.applications.delete",
            RoundTrip::At(""),
            APPLICATION,
            |ctx, c| {
                let a = c
                    .account_sid(ctx.p("AccountSid"))
                    .applications()
                    .delete(ctx.p("ApplicationSid"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&a)
            }
        ),
        entry!(
            "cpaas.applications.list",
            RoundTrip::At("/applications"),
            Some(XmlNames::list("Applications", "Application")),
            |ctx, c| {
                let mut filter = ApplicationFilter::new();
                if let Some(name) = ctx.q("FriendlyName") {
                    filter = filter.friendly_name(name);
                }
                let p = c
                    .account_sid(ctx.p("AccountSid"))
                    .applications()
                    .list(&filter);
                first_page(&ctx, p).await
            }
        ),
    ]
}
