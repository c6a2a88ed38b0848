//! Transcriptions.

use cpaas::transcriptions::{TranscribeAudioUrl, TranscribeRecording, TranscriptionFilter};

use super::{Entry, date_filter, entry, first_page};
use crate::{RoundTrip, XmlNames, sdk};

const TRANSCRIPTION: Option<XmlNames> = Some(XmlNames::object("Transcription"));
const TRANSCRIPTIONS: Option<XmlNames> = Some(XmlNames::list("Transcriptions", "Transcription"));

pub(crate) fn entries() -> Vec<Entry> {
    vec![
        entry!(
            "cpaas.transcriptions.get",
            RoundTrip::At(""),
            TRANSCRIPTION,
            |ctx, c| {
                let t = c
                    .account_sid(ctx.p("AccountSid"))
                    .transcriptions()
                    .get(ctx.p("TranscriptionSid"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&t)
            }
        ),
        entry!(
            "cpaas.transcriptions.list",
            RoundTrip::At("/transcriptions"),
            TRANSCRIPTIONS,
            |ctx, c| {
                let mut filter = TranscriptionFilter::new();
                if let Some(d) = date_filter(&ctx, "DateTranscribed")? {
                    filter = filter.date_transcribed(d);
                }
                let p = c
                    .account_sid(ctx.p("AccountSid"))
                    .transcriptions()
                    .list(&filter);
                first_page(&ctx, p).await
            }
        ),
        entry!(
            "cpaas.transcriptions.list_for_recording",
            RoundTrip::At("/transcriptions"),
            TRANSCRIPTIONS,
            |ctx, c| {
                let p = c
                    .account_sid(ctx.p("AccountSid"))
                    .transcriptions()
                    .list_for_recording(ctx.p("RecordingSid"));
                first_page(&ctx, p).await
            }
        ),
        entry!(
            "cpaas.transcriptions.transcribe_recording",
            RoundTrip::At(""),
            TRANSCRIPTION,
            |ctx, c| {
                // No example in the catalog: the whole recording.
                let started = c
                    .account_sid(ctx.p("AccountSid"))
                    .transcriptions()
                    .transcribe_recording(ctx.p("RecordingSid"), &TranscribeRecording::new())
                    .await
                    .map_err(sdk)?;
                ctx.value(started.accepted())
            }
        ),
        entry!(
            "cpaas.transcriptions.transcribe_audio_url",
            RoundTrip::At(""),
            TRANSCRIPTION,
            |ctx, c| {
                let req: TranscribeAudioUrl = ctx.request()?;
                let started = c
                    .account_sid(ctx.p("AccountSid"))
                    .transcriptions()
                    .transcribe_audio_url(&req)
                    .await
                    .map_err(sdk)?;
                ctx.value(started.accepted())
            }
        ),
    ]
}
