//! MMS: send, view, list.

use cpaas::mms::{MmsFilter, SendMms};

use super::{Entry, date_filter, entry, first_page};
use crate::{RoundTrip, XmlNames, sdk};

const MMS: Option<XmlNames> = Some(XmlNames::object("MMSMessage"));
const API_VERSION: &str = "FIELD-NAME DOUBTS: View MMS lists `apiVersion`; the SDK reads both spellings and writes `api_version`";

pub(crate) fn entries() -> Vec<Entry> {
    vec![
        entry!(
            "cpaas.mms.send",
            RoundTrip::Renamed {
                pointer: "",
                documented: "apiVersion",
                sdk: "api_version",
                note: API_VERSION,
            },
            MMS,
            |ctx, c| {
                let req: SendMms = ctx.request()?;
                let sent = c
                    .account_sid(ctx.p("AccountSid"))
                    .mms()
                    .send(&req)
                    .await
                    .map_err(sdk)?;
                ctx.value(sent.accepted())
            }
        ),
        entry!(
            "cpaas.mms.get",
            RoundTrip::Renamed {
                pointer: "",
                documented: "apiVersion",
                sdk: "api_version",
                note: API_VERSION,
            },
            MMS,
            |ctx, c| {
                let m = c
                    .account_sid(ctx.p("AccountSid"))
                    .mms()
                    .get(ctx.p("MMSSid"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&m)
            }
        ),
        entry!(
            "cpaas.mms.list",
            RoundTrip::Renamed {
                pointer: "/mms_messages",
                documented: "apiVersion",
                sdk: "api_version",
                note: API_VERSION,
            },
            Some(XmlNames::list("MMSMessages", "MMSMessage")),
            |ctx, c| {
                let mut filter = MmsFilter::new();
                if let Some(to) = ctx.q("To") {
                    filter = filter.to(to);
                }
                if let Some(d) = date_filter(&ctx, "DateSent")? {
                    filter = filter.date_sent(d);
                }
                let p = c.account_sid(ctx.p("AccountSid")).mms().list(&filter);
                first_page(&ctx, p).await
            }
        ),
    ]
}
