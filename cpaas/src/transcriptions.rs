//! Transcriptions (`/Transcriptions`): transcribe a recording or an audio file at a URL
//! (both finish later: the answer comes with a poller), view, list, and list a recording's
//! transcriptions.
//!
//! The document prints a recording's transcriptions at `/{AccountSid}/{RecordingSid}/
//! Transcriptions`, without `Recordings/` or a suffix; the SDK uses
//! `/Recordings/{RecordingSid}/Transcriptions`, the collection Transcribe Recording posts
//! to. View Transcription's plain-text form (`.txt`) is not offered: the text is the
//! model's `transcription_text`.

use serde::{Deserialize, Serialize};

use sdk_core::model::{UnknownFields, check_required};
use sdk_core::{Accepted, Method, PollStatus, Result};

use crate::common::{DateFilter, HttpMethod, filtered};
use crate::paging::Paginator;
use crate::recordings::{RecordingSid, TranscribeQuality};
use crate::wire::{self, Scalar, Timestamp};

pub(crate) const COLLECTION: &str = "/Accounts/{AccountSid}/Transcriptions";
pub(crate) const ITEM: &str = "/Accounts/{AccountSid}/Transcriptions/{TranscriptionSid}";
pub(crate) const OF_RECORDING: &str =
    "/Accounts/{AccountSid}/Recordings/{RecordingSid}/Transcriptions";

sdk_core::id_type! {
    /// The sid of a transcription (`TranscriptionSid`).
    pub struct TranscriptionSid;
}

sdk_core::string_enum! {
    /// The status of a transcription.
    pub enum TranscriptionStatus {
        /// Being transcribed.
        InProgress = "in-progress",
        /// Done: the text is in `transcription_text`.
        Completed = "completed",
        /// Failed.
        Failed = "failed",
    }
}

/// A transcription.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Transcription {
    /// The transcription's sid.
    #[serde(deserialize_with = "wire::sid")]
    pub sid: TranscriptionSid,
    /// The account.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub account_sid: Option<String>,
    /// The status.
    #[serde(
        default,
        deserialize_with = "wire::parsed",
        skip_serializing_if = "Option::is_none"
    )]
    pub status: Option<TranscriptionStatus>,
    /// The quality tier (`auto`, `keywords` or `hybrid`).
    #[serde(
        rename = "type",
        default,
        deserialize_with = "wire::parsed",
        skip_serializing_if = "Option::is_none"
    )]
    pub kind: Option<TranscribeQuality>,
    /// The transcribed audio.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub audio_url: Option<String>,
    /// The recording transcribed (transcriptions of recordings only).
    #[serde(
        default,
        deserialize_with = "wire::id",
        skip_serializing_if = "Option::is_none"
    )]
    pub recording_sid: Option<RecordingSid>,
    /// The length of the audio, in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<Scalar<u64>>,
    /// The text.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub transcription_text: Option<String>,
    /// The cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<Scalar<f64>>,
    /// Told when the transcription is done.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub transcribe_callback: Option<String>,
    /// The method of `transcribe_callback`.
    #[serde(
        default,
        deserialize_with = "wire::parsed",
        skip_serializing_if = "Option::is_none"
    )]
    pub callback_method: Option<HttpMethod>,
    /// When it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_created: Option<Timestamp>,
    /// When it was last updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_updated: Option<Timestamp>,
    /// The API version.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub api_version: Option<String>,
    /// This resource's path.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub uri: Option<String>,
    /// Fields the SDK does not name, kept as the server sent them.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

sdk_core::listed!(Transcription = "transcriptions");

fn classify(t: &Transcription) -> PollStatus {
    match &t.status {
        Some(TranscriptionStatus::Completed) => PollStatus::Succeeded("completed".to_owned()),
        Some(TranscriptionStatus::Failed) => PollStatus::Failed {
            status: "failed".to_owned(),
            message: t.unknown_fields.failure_message(None),
        },
        Some(s) => PollStatus::Pending(s.to_string()),
        None => PollStatus::Pending(String::new()),
    }
}

/// The form of Transcribe Recording. Every value is sent as given (callbacks of at most
/// 200 characters, GET or POST, the quality tiers: the server judges).
///
/// ```
/// use cpaas::recordings::TranscribeQuality;
/// use cpaas::transcriptions::TranscribeRecording;
///
/// let first_minute = TranscribeRecording::new()
///     .slice_start(0u32)
///     .slice_duration(60u32)
///     .quality(TranscribeQuality::Keywords);
/// # let _ = first_minute;
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct TranscribeRecording {
    /// Told when the transcription is done (at most 200 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transcribe_callback: Option<String>,
    /// The method of `transcribe_callback`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callback_method: Option<HttpMethod>,
    /// Where to start, in seconds.
    #[serde(
        default,
        deserialize_with = "wire::number",
        skip_serializing_if = "Option::is_none"
    )]
    pub slice_start: Option<u32>,
    /// How many seconds to transcribe.
    #[serde(
        default,
        deserialize_with = "wire::number",
        skip_serializing_if = "Option::is_none"
    )]
    pub slice_duration: Option<u32>,
    /// The quality tier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quality: Option<TranscribeQuality>,
}

impl TranscribeRecording {
    /// The whole recording, default quality.
    pub fn new() -> Self {
        Self::default()
    }
}

sdk_core::setters!(TranscribeRecording {
    /// Told when the transcription is done.
    transcribe_callback: String,
    /// The method of `TranscribeCallback`.
    callback_method: HttpMethod,
    /// Where to start, in seconds.
    slice_start: u32,
    /// How many seconds to transcribe.
    slice_duration: u32,
    /// The quality tier.
    quality: TranscribeQuality,
});

/// The form of Transcribe Audio Url: `AudioUrl` must be present and not blank, the rest is
/// sent as given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct TranscribeAudioUrl {
    /// The audio file.
    pub audio_url: String,
    /// Told when the transcription is done (at most 200 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transcribe_callback: Option<String>,
    /// The method of `transcribe_callback`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callback_method: Option<HttpMethod>,
    /// Where to start, in seconds.
    #[serde(
        default,
        deserialize_with = "wire::number",
        skip_serializing_if = "Option::is_none"
    )]
    pub slice_start: Option<u32>,
    /// How many seconds to transcribe.
    #[serde(
        default,
        deserialize_with = "wire::number",
        skip_serializing_if = "Option::is_none"
    )]
    pub slice_duration: Option<u32>,
    /// The quality tier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quality: Option<TranscribeQuality>,
}

impl TranscribeAudioUrl {
    /// Transcribes the audio at `audio_url`.
    pub fn new(audio_url: impl Into<String>) -> Self {
        TranscribeAudioUrl {
            audio_url: audio_url.into(),
            ..Default::default()
        }
    }

    fn check(&self) -> Result<()> {
        check_required("AudioUrl", &self.audio_url)
    }
}

sdk_core::setters!(TranscribeAudioUrl {
    /// Told when the transcription is done.
    transcribe_callback: String,
    /// The method of `TranscribeCallback`.
    callback_method: HttpMethod,
    /// Where to start, in seconds.
    slice_start: u32,
    /// How many seconds to transcribe.
    slice_duration: u32,
    /// The quality tier.
    quality: TranscribeQuality,
});

/// The filters of [`Transcriptions::list`].
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct TranscriptionFilter {
    /// Transcriptions in this status.
    pub status: Option<TranscriptionStatus>,
    /// Transcribed on or within these dates (`DateTranscribed`, `DateTranscribed>`,
    /// `DateTranscribed<`).
    pub date_transcribed: Option<DateFilter>,
}

impl TranscriptionFilter {
    /// No filter.
    pub fn new() -> Self {
        Self::default()
    }

    fn pairs(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        if let Some(s) = &self.status {
            out.push(("Status".to_owned(), s.to_string()));
        }
        if let Some(d) = &self.date_transcribed {
            out.extend(d.pairs("DateTranscribed"));
        }
        out
    }
}

sdk_core::setters!(TranscriptionFilter {
    /// Transcriptions in this status.
    status: TranscriptionStatus,
    /// Transcribed on or within these dates.
    date_transcribed: DateFilter,
});

sdk_core::scope_type! {
    /// The transcriptions of an account: `/Accounts/{AccountSid}/Transcriptions`.
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// let transcriptions = client.account().transcriptions();
    /// let transcription = transcriptions.get("TR123").await?;
    /// println!("{:?} {:?}", transcription.status, transcription.transcription_text);
    /// # Ok(()) }
    /// ```
    Transcriptions
}

impl Transcriptions<'_> {
    /// View Transcription (`cpaas.transcriptions.get`).
    ///
    /// # Errors
    ///
    /// As any call: the server's answer, transport, decode.
    pub async fn get(&self, transcription_sid: impl AsRef<str>) -> Result<Transcription> {
        let spec = self.0.spec(
            Method::GET,
            "cpaas.transcriptions.get",
            ITEM,
            &[transcription_sid.as_ref()],
        );
        self.0.execute(spec).await
    }

    /// List Transcriptions (`cpaas.transcriptions.list`), filtered.
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// use cpaas::transcriptions::{TranscriptionFilter, TranscriptionStatus};
    /// use sdk_core::futures_util::TryStreamExt;
    ///
    /// let completed = TranscriptionFilter::new().status(TranscriptionStatus::Completed);
    /// let mut transcriptions = client.account().transcriptions().list(&completed).items();
    /// while let Some(t) = transcriptions.try_next().await? {
    ///     println!("{} {:?}", t.sid, t.transcription_text);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self, filter: &TranscriptionFilter) -> Paginator<Transcription> {
        let spec = self
            .0
            .spec(Method::GET, "cpaas.transcriptions.list", COLLECTION, &[]);
        self.0.paginator(filtered(spec, filter.pairs()))
    }

    /// The transcriptions of one recording (`cpaas.transcriptions.list_for_recording`).
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// let transcriptions = client.account().transcriptions().list_for_recording("RE123");
    /// for t in transcriptions.collect_all().await? {
    ///     println!("{} {:?}", t.sid, t.status);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list_for_recording(&self, recording_sid: impl AsRef<str>) -> Paginator<Transcription> {
        let spec = self.0.spec(
            Method::GET,
            "cpaas.transcriptions.list_for_recording",
            OF_RECORDING,
            &[recording_sid.as_ref()],
        );
        self.0.paginator(spec)
    }

    fn accepted(&self, t: Transcription) -> Accepted<Transcription, Transcription> {
        let sid = t.sid.to_string();
        let poller = self
            .0
            .poller("cpaas.transcriptions.get", ITEM, &[&sid], classify);
        Accepted::new(t, Some(sid), poller)
    }

    /// Transcribe Recording (`cpaas.transcriptions.transcribe_recording`): returns the
    /// transcription (in progress) and a poller that waits until it is `completed` (or
    /// fails on `failed`).
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// use cpaas::recordings::TranscribeQuality;
    /// use cpaas::transcriptions::TranscribeRecording;
    ///
    /// let request = TranscribeRecording::new().quality(TranscribeQuality::Hybrid);
    /// let transcriptions = client.account().transcriptions();
    /// let done = transcriptions.transcribe_recording("RE123", &request).await?.wait().await?;
    /// println!("{:?}", done.transcription_text);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// As any call: the server's answer, transport, decode.
    pub async fn transcribe_recording(
        &self,
        recording_sid: impl AsRef<str>,
        request: &TranscribeRecording,
    ) -> Result<Accepted<Transcription, Transcription>> {
        let spec = self
            .0
            .spec(
                Method::POST,
                "cpaas.transcriptions.transcribe_recording",
                OF_RECORDING,
                &[recording_sid.as_ref()],
            )
            .form(request);
        Ok(self.accepted(self.0.execute(spec).await?))
    }

    /// Transcribe Audio Url (`cpaas.transcriptions.transcribe_audio_url`): as
    /// [`transcribe_recording`](Self::transcribe_recording), for any audio file.
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// use std::time::Duration;
    ///
    /// use cpaas::transcriptions::TranscribeAudioUrl;
    /// use sdk_core::PollPolicy;
    ///
    /// let request = TranscribeAudioUrl::new("https://example.com/voicemail.mp3");
    /// let started = client.account().transcriptions().transcribe_audio_url(&request).await?;
    /// let ten_minutes = PollPolicy::default().deadline(Duration::from_secs(600));
    /// let done = started.policy(ten_minutes).wait().await?;
    /// println!("{:?}", done.transcription_text);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// [`sdk_core::ErrorKind::InvalidInput`] for a blank `AudioUrl` (nothing sent); else as
    /// any call.
    pub async fn transcribe_audio_url(
        &self,
        request: &TranscribeAudioUrl,
    ) -> Result<Accepted<Transcription, Transcription>> {
        let spec = self
            .0
            .spec(
                Method::POST,
                "cpaas.transcriptions.transcribe_audio_url",
                COLLECTION,
                &[],
            )
            .validate(|| request.check())
            .form(request);
        Ok(self.accepted(self.0.execute(spec).await?))
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use sdk_core::sim::{Change, LongRunning, Reply, Store, Verb};
    use serde_json::{Value, json};

    use crate::paging::Listed;
    use crate::sim;

    fn transcribed(t: &mut Value, status: &str) {
        t["date_updated"] = json!(sim::now());
        if status == "completed" {
            t["transcription_text"] = json!("Hello, this is a simulated transcription.");
            t["duration"] = json!(4);
            t["price"] = json!("0.0500");
        }
    }

    /// A transcription of the audio at `AudioUrl`, or of the recording of the path.
    fn start(store: &mut Store, change: &Change, t: &mut Value) -> Result<(), Reply> {
        let acct = sim::account(change);
        let form = &change.request.body;
        let (recording, audio_url) = match change.param("RecordingSid") {
            Some(rec) => match store.get("recordings", &[acct], rec) {
                Some(r) => (
                    Some(rec),
                    r["recording_url"].as_str().unwrap_or_default().to_owned(),
                ),
                None => return Err(sim::not_found("Recordings", rec)),
            },
            None => match sim::field(form, "audio_url") {
                Some(url) => (None, url),
                None => {
                    return Err(sim::error(
                        400,
                        50006,
                        "Fatal error transcribing audio due to missing or invalid media url",
                    ));
                }
            },
        };
        *t = json!({
            "sid": change.id, "account_sid": acct, "status": "in-progress",
            "type": sim::field(form, "quality").unwrap_or_else(|| "auto".to_owned()),
            "audio_url": audio_url, "recording_sid": recording, "duration": 0,
            "transcription_text": "", "price": "0.00", "api_version": "v2",
            "transcribe_callback": sim::field(form, "transcribe_callback").unwrap_or_default(),
            "callback_method": sim::field(form, "callback_method").unwrap_or_else(|| "POST".to_owned()),
            "date_created": t["date_created"].clone(), "date_updated": t["date_updated"].clone(),
            "uri": change.path,
        });
        Ok(())
    }

    let filters = &[("Status", "status")];
    api.resource(
        sim::resource(
            "transcriptions",
            "TR",
            (COLLECTION, ITEM),
            Transcription::ITEMS_KEY,
        )
        .xml_names("Transcription", "Transcriptions")
        .only(&[Verb::Create, Verb::Get])
        .list_filter(sim::filters(
            filters,
            Some(("DateTranscribed", "date_created")),
        ))
        .create_at(OF_RECORDING)
        .list_at(OF_RECORDING, &[("RecordingSid", "recording_sid")])
        .long_running(
            LongRunning::new("status", "in-progress", "completed", "failed")
                .polls(0)
                .on_status(transcribed),
        )
        .on_create(start),
    )
}

#[cfg(all(test, feature = "xml"))]
mod tests {
    use super::*;

    #[test]
    fn transcriptions_and_their_forms() {
        let t: Transcription = serde_json::from_str(
            r#"{"sid": "TR1", "status": "in-progress", "type": "keywords", "recording_sid": "RE1", "duration": "0"}"#,
        )
        .expect("a transcription");
        assert_eq!(t.kind, Some(TranscribeQuality::Keywords));
        assert_eq!(classify(&t), PollStatus::Pending("in-progress".into()));
        let req: TranscribeAudioUrl = serde_json::from_value(serde_json::json!({
            "AudioUrl": "https://example.com/audio.mp3", "Quality": "auto"
        }))
        .expect("the catalog's example");
        assert_eq!(
            sdk_core::format::to_form(&req).expect("a form"),
            "AudioUrl=https%3A%2F%2Fexample.com%2Faudio.mp3&Quality=auto"
        );
        assert_eq!(
            TranscribeAudioUrl::new("").check().unwrap_err().field(),
            Some("AudioUrl")
        );
        assert_eq!(
            sdk_core::format::to_form(
                &TranscribeRecording::new()
                    .quality(TranscribeQuality::Hybrid)
                    .callback_method(HttpMethod::Unknown("PUT".into()))
            )
            .expect("a form"),
            "CallbackMethod=PUT&Quality=hybrid",
            "sent as given"
        );
        assert_eq!(
            TranscribeQuality::Unknown("best".into()).to_string(),
            "best"
        );
        let t: Transcription =
            serde_json::from_str(r#"{"sid": "TR1", "type": "hybrid", "confidence": 0.93}"#)
                .expect("a transcription");
        assert_eq!(t.kind, Some(TranscribeQuality::Hybrid));
        assert_eq!(
            t.unknown_fields.get("confidence"),
            Some(&serde_json::json!(0.93))
        );
        let xml = "<Response><Transcription><Sid>TR1</Sid><Status>completed</Status><Confidence>0.93</Confidence></Transcription></Response>";
        let t: Transcription = crate::wire::from_xml(xml).expect("a transcription");
        assert_eq!(t.status, Some(TranscriptionStatus::Completed));
        assert_eq!(
            t.unknown_fields.get("confidence"),
            Some(&serde_json::json!("0.93"))
        );
    }
}
