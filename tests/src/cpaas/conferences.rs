//! Conferences and participants.

use cpaas::conferences::{ConferenceFilter, MuteDeaf, ParticipantFilter, PlayToParticipant};

use super::{Entry, date_filter, entry, first_page};
use crate::{RoundTrip, XmlNames, sdk};

const PARTICIPANT: Option<XmlNames> = Some(XmlNames::object("Participant"));

pub(crate) fn entries() -> Vec<Entry> {
    vec![
        entry!(
            "cpaas.conferences.get",
            RoundTrip::At(""),
            Some(XmlNames::object("Conference")),
            |ctx, c| {
                let conf = c
                    .account_sid(ctx.p("AccountSid"))
                    .conferences()
                    .get(ctx.p("ConferenceSid"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&conf)
            }
        ),
        entry!(
            "cpaas.conferences.list",
            RoundTrip::At("/conferences"),
            Some(XmlNames::list("Conferences", "Conference")),
            |ctx, c| {
                let mut filter = ConferenceFilter::new();
                if let Some(name) = ctx.q("FriendlyName") {
                    filter = filter.friendly_name(name);
                }
                if let Some(d) = date_filter(&ctx, "DateCreated")? {
                    filter = filter.date_created(d);
                }
                if let Some(d) = date_filter(&ctx, "DateUpdated")? {
                    filter = filter.date_updated(d);
                }
                let p = c
                    .account_sid(ctx.p("AccountSid"))
                    .conferences()
                    .list(&filter);
                first_page(&ctx, p).await
            }
        ),
        entry!(
            "cpaas.participants.get",
            RoundTrip::At(""),
            PARTICIPANT,
            |ctx, c| {
                let p = c
                    .account_sid(ctx.p("AccountSid"))
                    .conference(ctx.p("ConferenceSid"))
                    .participants()
                    .get(ctx.p("ParticipantSid"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&p)
            }
        ),
        entry!(
            "cpaas.participants.list",
            RoundTrip::At("/participants"),
            Some(XmlNames::list("Participants", "Participant")),
            |ctx, c| {
                let p = c
                    .account_sid(ctx.p("AccountSid"))
                    .conference(ctx.p("ConferenceSid"))
                    .participants()
                    .list(&ParticipantFilter::new());
                first_page(&ctx, p).await
            }
        ),
        entry!(
            "cpaas.participants.mute_deaf",
            RoundTrip::At(""),
            PARTICIPANT,
            |ctx, c| {
                let req: MuteDeaf = ctx.request()?;
                let p = c
                    .account_sid(ctx.p("AccountSid"))
                    .conference(ctx.p("ConferenceSid"))
                    .participants()
                    .mute_deaf(ctx.p("ParticipantSid"), &req)
                    .await
                    .map_err(sdk)?;
                ctx.value(&p)
            }
        ),
        entry!(
            "cpaas.participants.play_audio",
            RoundTrip::At(""),
            PARTICIPANT,
            |ctx, c| {
                // No example in the catalog: one sound file.
                let req = PlayToParticipant::new("https://example.com/audio.mp3");
                let p = c
                    .account_sid(ctx.p("AccountSid"))
                    .conference(ctx.p("ConferenceSid"))
                    .participants()
                    .play_audio(ctx.p("ParticipantSid"), &req)
                    .await
                    .map_err(sdk)?;
                ctx.value(&p)
            }
        ),
        entry!(
            "cpaas.participants.hangup",
            RoundTrip::At(""),
            PARTICIPANT,
            |ctx, c| {
                let p = c
                    .account_sid(ctx.p("AccountSid"))
                    .conference(ctx.p("ConferenceSid"))
                    .participants()
                    .hangup(ctx.p("ParticipantSid"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&p)
            }
        ),
    ]
}
