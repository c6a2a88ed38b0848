//! Recordings: view, list, delete, and Record Call (the endpoint of Record Live Call).

use cpaas::recordings::{RecordCall, RecordingFilter};

use super::{Entry, date_filter, entry, first_page};
use crate::{RoundTrip, XmlNames, sdk};

const RECORDING: Option<XmlNames> = Some(XmlNames::object("Recording"));

pub(crate) fn entries() -> Vec<Entry> {
    vec![
        entry!(
            "cpaas.recordings.list",
            RoundTrip::At("/recordings"),
            Some(XmlNames::list("Recordings", "Recording")),
            |ctx, c| {
                let mut filter = RecordingFilter::new();
                if let Some(call) = ctx.q("CallSid") {
                    filter = filter.call_sid(call);
                }
                if let Some(d) = date_filter(&ctx, "DateCreated")? {
                    filter = filter.date_created(d);
                }
                let p = c
                    .account_sid(ctx.p("AccountSid"))
                    .recordings()
                    .list(&filter);
                first_page(&ctx, p).await
            }
        ),
        entry!(
            "cpaas.recordings.get",
            RoundTrip::At(""),
            RECORDING,
            |ctx, c| {
                let r = c
                    .account_sid(ctx.p("AccountSid"))
                    .recordings()
                    .get(ctx.p("RecordingSid"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&r)
            }
        ),
        entry!(
            "cpaas.recordings.delete",
            RoundTrip::At(""),
            RECORDING,
            |ctx, c| {
                let r = c
                    .account_sid(ctx.p("AccountSid"))
                    .recordings()
                    .delete(ctx.p("RecordingSid"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&r)
            }
        ),
        entry!(
            "cpaas.recordings.record_call",
            RoundTrip::At(""),
            RECORDING,
            |ctx, c| {
                // No example in the catalog (the same endpoint as cpaas.calls.record, whose
                // example starts a recording).
                let req = RecordCall::start().callback_url("https://example.com/recorded");
                let answer = c
                    .account_sid(ctx.p("AccountSid"))
                    .recordings()
                    .record_call(ctx.p("CallSid"), &req)
                    .await
                    .map_err(sdk)?;
                ctx.value(&answer)
            }
        ),
    ]
}
