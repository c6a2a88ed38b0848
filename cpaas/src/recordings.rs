//! Recordings (`/Recordings`): view, list (by call and date), delete, and start or stop
//! the recording of a live call.
//!
//! Recording a call is documented twice, as "Record Live Call" (answering the Call) and
//! "Record Call" (answering the Recording), on the same `POST
//! /Calls/{CallSid}/Recordings`. The SDK has one request type, [`RecordCall`], sent by
//! [`Calls::record`](crate::calls::Calls::record) and by [`Recordings::record_call`] alike,
//! and one answer type, [`Recorded`], which is whichever of the two resources the server
//! sent.

use serde::{Deserialize, Serialize};

use sdk_core::model::UnknownFields;
use sdk_core::{Method, Result};

use crate::calls::{Call, CallSid};
use crate::common::{DateFilter, filtered};
use crate::paging::Paginator;
use crate::wire::{self, Scalar, Timestamp};

pub(crate) const COLLECTION: &str = "/Accounts/{AccountSid}/Recordings";
const ITEM: &str = "/Accounts/{AccountSid}/Recordings/{RecordingSid}";
pub(crate) const OF_CALL: &str = "/Accounts/{AccountSid}/Calls/{CallSid}/Recordings";

sdk_core::id_type! {
    /// The sid of a recording (`RecordingSid`).
    pub struct RecordingSid;
}

/// A recording of a call.
///
/// The document defines no status for recordings: a recording is complete once its
/// `recording_url` is set (the `CallbackUrl` of [`RecordCall`] is requested then).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Recording {
    /// The recording's sid.
    #[serde(deserialize_with = "wire::sid")]
    pub sid: RecordingSid,
    /// The account.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub account_sid: Option<String>,
    /// The recorded call.
    #[serde(
        default,
        deserialize_with = "wire::id",
        skip_serializing_if = "Option::is_none"
    )]
    pub call_sid: Option<CallSid>,
    /// The length in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<Scalar<u64>>,
    /// When the recording was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_created: Option<Timestamp>,
    /// When the recording was last updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_updated: Option<Timestamp>,
    /// Where the audio file is (mp3, or wav when asked for).
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub recording_url: Option<String>,
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
    /// The cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<Scalar<f64>>,
    /// Fields the SDK does not name, kept as the server sent them.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

sdk_core::listed!(Recording = "recordings");

sdk_core::string_enum! {
    /// Which leg of a call is recorded or played to.
    pub enum AudioDirection {
        /// The incoming leg.
        In = "in",
        /// The outgoing leg.
        Out = "out",
        /// Both legs.
        Both = "both",
    }
}

sdk_core::string_enum! {
    /// The file format of a recording.
    pub enum RecordingFormat {
        /// MP3 (the default).
        Mp3 = "mp3",
        /// WAV.
        Wav = "wav",
    }
}

sdk_core::string_enum! {
    /// How a recording or call is transcribed (the products "Transcription (Auto)",
    /// "(Keywords)" and "(Hybrid)"); a value the SDK does not know is sent as given.
    pub enum TranscribeQuality {
        /// Automatic transcription (the default).
        Auto = "auto",
        /// Keyword transcription.
        Keywords = "keywords",
        /// Hybrid transcription.
        Hybrid = "hybrid",
    }
}

/// The form of `POST /Calls/{CallSid}/Recordings`: start (`Record=true`) or stop
/// (`Record=false`) recording a live call.
///
/// The callback is sent as `CallbackUrl`, the name "Record Live Call" gives it; the
/// `Callback` of "Record Call" is read as the same field. Every value is sent as given: the
/// document's rules (a `TimeLimit` of at least 1, callbacks of at most 200 characters, the
/// formats and directions it lists) are the server's to judge.
///
/// ```
/// use cpaas::recordings::{AudioDirection, RecordCall, RecordingFormat};
///
/// let start = RecordCall::start()
///     .direction(AudioDirection::Both)
///     .file_format(RecordingFormat::Mp3)
///     .time_limit(3600u32)
///     .callback_url("https://example.com/recorded");
/// # let _ = start;
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct RecordCall {
    /// `true` starts a recording, `false` stops it.
    #[serde(deserialize_with = "required_flag")]
    pub record: bool,
    /// Which leg to record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<AudioDirection>,
    /// The most seconds to record (at least 1).
    #[serde(
        default,
        deserialize_with = "wire::number",
        skip_serializing_if = "Option::is_none"
    )]
    pub time_limit: Option<u32>,
    /// The URL told about the recording once it is done (at most 200 characters).
    #[serde(default, alias = "Callback", skip_serializing_if = "Option::is_none")]
    pub callback_url: Option<String>,
    /// The audio format.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_format: Option<RecordingFormat>,
    /// Trims the silence at the start and the end.
    #[serde(
        default,
        deserialize_with = "wire::flag",
        skip_serializing_if = "Option::is_none"
    )]
    pub trim_silence: Option<bool>,
    /// Transcribes the recording.
    #[serde(
        default,
        deserialize_with = "wire::flag",
        skip_serializing_if = "Option::is_none"
    )]
    pub transcribe: Option<bool>,
    /// How to transcribe.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transcribe_quality: Option<TranscribeQuality>,
    /// The URL told about the transcription once it is done (at most 200 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transcribe_callback: Option<String>,
}

fn required_flag<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<bool, D::Error> {
    wire::flag(d)?.ok_or_else(|| serde::de::Error::custom("`Record` is required"))
}

impl RecordCall {
    /// Starts recording.
    pub fn start() -> Self {
        RecordCall {
            record: true,
            ..Default::default()
        }
    }

    /// Stops recording.
    pub fn stop() -> Self {
        RecordCall::default()
    }
}

sdk_core::setters!(RecordCall {
    /// Which leg to record.
    direction: AudioDirection,
    /// The most seconds to record.
    time_limit: u32,
    /// The URL told about the recording once it is done.
    callback_url: String,
    /// The audio format.
    file_format: RecordingFormat,
    /// Trims the silence at the start and the end.
    trim_silence: bool,
    /// Transcribes the recording.
    transcribe: bool,
    /// How to transcribe.
    transcribe_quality: TranscribeQuality,
    /// The URL told about the transcription once it is done.
    transcribe_callback: String,
});

/// What recording a call answers: the document says the Call in one place ("Record Live
/// Call") and the Recording in another ("Record Call"). A body with a `call_sid` or a
/// `recording_url` is a recording; anything else is read as the call.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Recorded {
    /// The recording.
    Recording(Box<Recording>),
    /// The recorded call.
    Call(Box<Call>),
}

impl Recorded {
    /// The recording, when the server answered one.
    pub fn recording(&self) -> Option<&Recording> {
        match self {
            Recorded::Recording(r) => Some(r),
            Recorded::Call(_) => None,
        }
    }

    /// The call, when the server answered it.
    pub fn call(&self) -> Option<&Call> {
        match self {
            Recorded::Call(c) => Some(c),
            Recorded::Recording(_) => None,
        }
    }
}

impl<'de> Deserialize<'de> for Recorded {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        use serde::de::Error;
        let v = serde_json::Value::deserialize(d)?;
        let has = |keys: &[&str]| keys.iter().any(|k| v.get(k).is_some());
        if has(&["call_sid", "CallSid", "recording_url", "RecordingUrl"]) {
            Recording::deserialize(v)
                .map(|r| Recorded::Recording(Box::new(r)))
                .map_err(D::Error::custom)
        } else {
            Call::deserialize(v)
                .map(|c| Recorded::Call(Box::new(c)))
                .map_err(D::Error::custom)
        }
    }
}

/// The filters of [`Recordings::list`].
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct RecordingFilter {
    /// Only the recordings of this call (`CallSid`).
    pub call_sid: Option<CallSid>,
    /// Only those created on or within these dates (`DateCreated`, `DateCreated>`,
    /// `DateCreated<`).
    pub date_created: Option<DateFilter>,
}

impl RecordingFilter {
    /// No filter: every recording of the account.
    pub fn new() -> Self {
        Self::default()
    }

    fn pairs(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        if let Some(c) = &self.call_sid {
            out.push(("CallSid".to_owned(), c.to_string()));
        }
        if let Some(d) = &self.date_created {
            out.extend(d.pairs("DateCreated"));
        }
        out
    }
}

sdk_core::setters!(RecordingFilter {
    /// Only the recordings of this call.
    call_sid: CallSid,
    /// Only those created on or within these dates.
    date_created: DateFilter,
});

sdk_core::scope_type! {
    /// The recordings of an account: `/Accounts/{AccountSid}/Recordings`.
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// let recordings = client.account().recordings();
    /// let recording = recordings.get("RE123").await?;
    /// println!("{:?} {:?}", recording.duration, recording.recording_url);
    /// # Ok(()) }
    /// ```
    Recordings
}

impl Recordings<'_> {
    /// View Recording (`cpaas.recordings.get`).
    ///
    /// # Errors
    ///
    /// As any call: the server's answer ([`sdk_core::ErrorKind::Api`]), transport, decode.
    pub async fn get(&self, recording_sid: impl AsRef<str>) -> Result<Recording> {
        let spec = self.0.spec(
            Method::GET,
            "cpaas.recordings.get",
            ITEM,
            &[recording_sid.as_ref()],
        );
        self.0.execute(spec).await
    }

    /// List Recordings (`cpaas.recordings.list`), newest first, filtered by call and date.
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// use cpaas::DateFilter;
    /// use cpaas::recordings::RecordingFilter;
    /// use sdk_core::futures_util::TryStreamExt;
    ///
    /// let may = RecordingFilter::new().date_created(DateFilter::month(2019, 5)?);
    /// let mut recordings = client.account().recordings().list(&may).items();
    /// while let Some(recording) = recordings.try_next().await? {
    ///     println!("{} {:?}", recording.sid, recording.duration);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self, filter: &RecordingFilter) -> Paginator<Recording> {
        let spec = self
            .0
            .spec(Method::GET, "cpaas.recordings.list", COLLECTION, &[]);
        self.0.paginator(filtered(spec, filter.pairs()))
    }

    /// Delete Recording (`cpaas.recordings.delete`): answers the deleted recording.
    ///
    /// # Errors
    ///
    /// As any call.
    pub async fn delete(&self, recording_sid: impl AsRef<str>) -> Result<Recording> {
        let spec = self.0.spec(
            Method::DELETE,
            "cpaas.recordings.delete",
            ITEM,
            &[recording_sid.as_ref()],
        );
        self.0.execute(spec).await
    }

    /// Record Call (`cpaas.recordings.record_call`): the same request as
    /// [`Calls::record`](crate::calls::Calls::record), under this family's catalog id.
    ///
    /// # Errors
    ///
    /// As any call: the server's answer, transport, decode.
    pub async fn record_call(
        &self,
        call_sid: impl AsRef<str>,
        request: &RecordCall,
    ) -> Result<Recorded> {
        record(
            &self.0,
            "cpaas.recordings.record_call",
            call_sid.as_ref(),
            request,
        )
        .await
    }
}

/// The one implementation of the two documented "record" operations.
pub(crate) async fn record(
    scope: &sdk_core::Scope<'_>,
    op: &'static str,
    call_sid: &str,
    request: &RecordCall,
) -> Result<Recorded> {
    let spec = scope
        .spec(Method::POST, op, OF_CALL, &[call_sid])
        .form(request);
    scope.execute(spec).await
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use sdk_core::sim::{ActionRequest, Reply, Store, Verb};
    use serde_json::json;

    use crate::paging::Listed;
    use crate::sim;

    /// Both documented "record" operations share the call's path: starting answers the new
    /// recording (and counts it on the call), stopping the call's latest one.
    fn record(store: &mut Store, req: &ActionRequest) -> Reply {
        let acct = req.param("AccountSid").unwrap_or_default();
        let call_sid = req.param("CallSid").unwrap_or_default();
        let Some(call) = store.get_mut("calls", &[acct], call_sid) else {
            return sim::not_found("Calls", call_sid);
        };
        let start = match sim::field(&req.body, "record").as_deref() {
            Some("true" | "True" | "1") => true,
            Some("false" | "False" | "0") => false,
            _ => return sim::error(400, 10022, "Record is required: true or false"),
        };
        if start {
            let count = call["recordings_count"]
                .as_str()
                .and_then(|c| c.parse::<u32>().ok())
                .unwrap_or(0);
            if count >= 5 {
                return sim::error(400, 21510, "Call has too many recordings");
            }
            call["recordings_count"] = json!((count + 1).to_string());
            let sid = sim::new_sid("RE");
            let now = sim::now();
            let ext = sim::field(&req.body, "file_format").unwrap_or_else(|| "mp3".to_owned());
            let recording = json!({
                "sid": sid, "account_sid": acct, "call_sid": call_sid, "duration": 0,
                "date_created": now, "date_updated": now,
                "recording_url": format!("https://recordings.sim.invalid/{sid}.{ext}"),
                "api_version": "v2", "uri": format!("/v2/Accounts/{acct}/Recordings/{sid}"),
                "price": "0.00",
            });
            store.insert("recordings", &[acct], &sid, recording.clone());
            return sim::answer("Recording", "Recordings", &recording);
        }
        let latest = store
            .list("recordings", &[acct])
            .into_iter()
            .rev()
            .find(|r| r["call_sid"] == call_sid)
            .cloned();
        match latest {
            Some(mut r) => {
                r["duration"] = json!(30);
                let sid = r["sid"].as_str().unwrap_or_default().to_owned();
                store.insert("recordings", &[acct], &sid, r.clone());
                sim::answer("Recording", "Recordings", &r)
            }
            None => sim::error(400, 21504, "RecordingSid is required."),
        }
    }

    let filters = &[("CallSid", "call_sid")];
    api.resource(
        sim::resource("recordings", "RE", (COLLECTION, ITEM), Recording::ITEMS_KEY)
            .xml_names("Recording", "Recordings")
            .only(&[Verb::Get, Verb::Delete])
            .list_filter(sim::filters(filters, Some(("DateCreated", "date_created"))))
            .list_at(OF_CALL, &[("CallSid", "call_sid")]),
    )
    .action(Method::POST, OF_CALL, record)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(feature = "xml")]
    fn the_record_answer_is_whichever_resource_came() {
        let rec: Recorded = serde_json::from_str(
            r#"{"sid": "RE1", "call_sid": "CA1", "recording_url": "", "duration": "0"}"#,
        )
        .expect("a recording");
        assert_eq!(rec.recording().map(|r| r.sid.as_str()), Some("RE1"));
        let call: Recorded =
            serde_json::from_str(r#"{"sid": "CA1", "status": "in-progress"}"#).expect("a call");
        assert_eq!(call.call().map(|c| c.sid.as_str()), Some("CA1"));
        let xml = "<Response><Recording><Sid>RE1</Sid><CallSid>CA1</CallSid><Duration>3</Duration></Recording></Response>";
        let rec: Recorded = crate::wire::from_xml(xml).expect("a recording");
        let r = rec.recording().expect("a recording");
        assert_eq!(r.duration.as_ref().and_then(Scalar::get), Some(3));
        assert!(
            serde_json::from_str::<Recorded>(r#"{"call_sid": "CA1"}"#).is_err(),
            "a recording has a sid"
        );
        let xml = "<Response><Call><Sid>CA1</Sid><Status>in-progress</Status><Duration/></Call></Response>";
        let call: Recorded = crate::wire::from_xml(xml).expect("a call");
        assert!(call.call().is_some());
    }

    #[test]
    fn record_requests_read_either_callback_name() {
        let a: RecordCall = serde_json::from_value(serde_json::json!({
            "Record": "true", "Direction": "both", "FileFormat": "mp3", "Callback": "https://x/cb"
        }))
        .expect("a request");
        assert_eq!(a.callback_url.as_deref(), Some("https://x/cb"));
        assert_eq!(
            sdk_core::format::to_form(&a).expect("a form"),
            "Record=true&Direction=both&CallbackUrl=https%3A%2F%2Fx%2Fcb&FileFormat=mp3"
        );
        assert_eq!(
            sdk_core::format::to_form(
                &RecordCall::start()
                    .time_limit(0u32)
                    .file_format(RecordingFormat::Unknown("ogg".into()))
                    .transcribe_quality(TranscribeQuality::Hybrid)
            )
            .expect("a form"),
            "Record=true&TimeLimit=0&FileFormat=ogg&TranscribeQuality=hybrid",
            "sent as given: the server judges"
        );
        assert_eq!(
            sdk_core::format::to_form(&RecordCall::stop()).expect("a form"),
            "Record=false"
        );
    }

    #[test]
    #[cfg(feature = "xml")]
    fn unknown_fields_are_kept_in_json_and_xml() {
        let json = r#"{"sid":"RE1","duration":"3","transcription_sid":"TR1"}"#;
        let rec: Recording = serde_json::from_str(json).expect("a recording");
        assert_eq!(
            rec.unknown_fields.get("transcription_sid"),
            Some(&serde_json::json!("TR1"))
        );
        assert_eq!(serde_json::to_string(&rec).expect("json"), json);
        let xml = "<Response><Recording><Sid>RE1</Sid><CallSid>CA1</CallSid><Channels>2</Channels></Recording></Response>";
        let rec: Recorded = crate::wire::from_xml(xml).expect("a recording");
        let rec = rec.recording().expect("a recording");
        assert_eq!(
            rec.unknown_fields.get("channels"),
            Some(&serde_json::json!("2"))
        );
    }
}
