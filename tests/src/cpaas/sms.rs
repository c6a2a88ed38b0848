//! SMS: send, view, list.

use cpaas::sms::{SendSms, SmsFilter};

use super::{Entry, date_filter, entry, first_page};
use crate::{RoundTrip, XmlNames, sdk};

const SMS: Option<XmlNames> = Some(XmlNames::object("SMSMessage"));

pub(crate) fn entries() -> Vec<Entry> {
    vec![
        entry!("cpaas.sms.send", RoundTrip::At(""), SMS, |ctx, c| {
            let req: SendSms = ctx.request()?;
            let sent = c
                .account_sid(ctx.p("AccountSid"))
                .sms()
                .send(&req)
                .await
                .map_err(sdk)?;
            ctx.value(sent.accepted())
        }),
        entry!("cpaas.sms.get", RoundTrip::At(""), SMS, |ctx, c| {
            let m = c
                .account_sid(ctx.p("AccountSid"))
                .sms()
                .get(ctx.p("SMSMessageSid"))
                .await
                .map_err(sdk)?;
            ctx.value(&m)
        }),
        entry!(
            "cpaas.sms.list",
            RoundTrip::At("/sms_messages"),
            Some(XmlNames::list("SMSMessages", "SMSMessage")),
            |ctx, c| {
                let mut filter = SmsFilter::new();
                if let Some(to) = ctx.q("To") {
                    filter = filter.to(to);
                }
                if let Some(from) = ctx.q("From") {
                    filter = filter.from(from);
                }
                if let Some(d) = date_filter(&ctx, "DateSent")? {
                    filter = filter.date_sent(d);
                }
                let p = c.account_sid(ctx.p("AccountSid")).sms().list(&filter);
                first_page(&ctx, p).await
            }
        ),
    ]
}
