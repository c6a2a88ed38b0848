//! Calls: make, view, list, the live-call actions, a call's subresources.

use cpaas::calls::{CallFilter, InterruptCall, MakeCall, PlayAudio, SendDigits, VoiceEffect};
use cpaas::recordings::RecordCall;

use super::{Entry, date_filter, entry, first_page};
use crate::{RoundTrip, XmlNames, sdk};

pub(crate) const CALL: Option<XmlNames> = Some(XmlNames::object("Call"));

pub(crate) fn entries() -> Vec<Entry> {
    vec![
        entry!("cpaas.calls.make", RoundTrip::At(""), CALL, |ctx, c| {
            let req: MakeCall = ctx.request()?;
            let placed = c
                .account_sid(ctx.p("AccountSid"))
                .calls()
                .make(&req)
                .await
                .map_err(sdk)?;
            ctx.value(placed.accepted())
        }),
        entry!("cpaas.calls.get", RoundTrip::At(""), CALL, |ctx, c| {
            let call = c
                .account_sid(ctx.p("AccountSid"))
                .calls()
                .get(ctx.p("CallSid"))
                .await
                .map_err(sdk)?;
            ctx.value(&call)
        }),
        entry!(
            "cpaas.calls.list",
            RoundTrip::At("/calls"),
            Some(XmlNames::list("Calls", "Call")),
            |ctx, c| {
                let mut filter = CallFilter::new();
                if let Some(to) = ctx.q("To") {
                    filter = filter.to(to);
                }
                if let Some(from) = ctx.q("From") {
                    filter = filter.from(from);
                }
                if let Some(d) = date_filter(&ctx, "StartTime")? {
                    filter = filter.start_time(d);
                }
                let p = c.account_sid(ctx.p("AccountSid")).calls().list(&filter);
                first_page(&ctx, p).await
            }
        ),
        entry!(
            "cpaas.calls.interrupt",
            RoundTrip::At(""),
            CALL,
            |ctx, c| {
                // No example in the catalog: end the call.
                let call = c
                    .account_sid(ctx.p("AccountSid"))
                    .calls()
                    .interrupt(ctx.p("CallSid"), &InterruptCall::hang_up())
                    .await
                    .map_err(sdk)?;
                ctx.value(&call)
            }
        ),
        entry!(
            "cpaas.calls.send_digits",
            RoundTrip::At(""),
            CALL,
            |ctx, c| {
                let call = c
                    .account_sid(ctx.p("AccountSid"))
                    .calls()
                    .send_digits(ctx.p("CallSid"), &SendDigits::new("1234#"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&call)
            }
        ),
        entry!("cpaas.calls.record", RoundTrip::At(""), CALL, |ctx, c| {
            let req: RecordCall = ctx.request()?;
            let answer = c
                .account_sid(ctx.p("AccountSid"))
                .calls()
                .record(ctx.p("CallSid"), &req)
                .await
                .map_err(sdk)?;
            ctx.value(&answer)
        }),
        entry!(
            "cpaas.calls.play_audio",
            RoundTrip::At(""),
            CALL,
            |ctx, c| {
                let req = PlayAudio::new("https://example.com/audio.mp3");
                let call = c
                    .account_sid(ctx.p("AccountSid"))
                    .calls()
                    .play_audio(ctx.p("CallSid"), &req)
                    .await
                    .map_err(sdk)?;
                ctx.value(&call)
            }
        ),
        entry!(
            "cpaas.calls.voice_effect",
            RoundTrip::At(""),
            CALL,
            |ctx, c| {
                let req = VoiceEffect::new().pitch(1.5);
                let call = c
                    .account_sid(ctx.p("AccountSid"))
                    .calls()
                    .voice_effect(ctx.p("CallSid"), &req)
                    .await
                    .map_err(sdk)?;
                ctx.value(&call)
            }
        ),
        entry!(
            "cpaas.calls.list_recordings",
            RoundTrip::At("/recordings"),
            Some(XmlNames::list("Recordings", "Recording")),
            |ctx, c| {
                let p = c
                    .account_sid(ctx.p("AccountSid"))
                    .calls()
                    .list_recordings(ctx.p("CallSid"));
                first_page(&ctx, p).await
            }
        ),
        entry!(
            "cpaas.calls.list_notifications",
            RoundTrip::At("/notifications"),
            Some(XmlNames::list("Notifications", "Notification")),
            |ctx, c| {
                let p = c
                    .account_sid(ctx.p("AccountSid"))
                    .calls()
                    .list_notifications(ctx.p("CallSid"));
                first_page(&ctx, p).await
            }
        ),
    ]
}
