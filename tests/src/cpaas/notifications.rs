//! Notifications: view and list.

use cpaas::notifications::{LogLevel, NotificationFilter};

use super::{Entry, entry, first_page};
use crate::{RoundTrip, XmlNames, sdk};

pub(crate) fn entries() -> Vec<Entry> {
    vec![
        entry!(
            "cpaas.notifications.list",
            RoundTrip::At("/notifications"),
            Some(XmlNames::list("Notifications", "Notification")),
            |ctx, c| {
                let mut filter = NotificationFilter::new();
                if let Some(level) = ctx
                    .q("Log")
                    .and_then(|l| l.parse().ok())
                    .map(LogLevel::from_code)
                {
                    filter = filter.log(level);
                }
                let p = c
                    .account_sid(ctx.p("AccountSid"))
                    .notifications()
                    .list(&filter);
                first_page(&ctx, p).await
            }
        ),
        entry!(
            "cpaas.notifications.get",
            RoundTrip::At(""),
            Some(XmlNames::object("Notification")),
            |ctx, c| {
                let n = c
                    .account_sid(ctx.p("AccountSid"))
                    .notifications()
                    .get(ctx.p("NotificationSid"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&n)
            }
        ),
    ]
}
