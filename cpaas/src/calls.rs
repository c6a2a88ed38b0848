//! Calls (`/Calls`): make a call, view and list calls, and act on a live call (redirect or
//! end it, send digits, record, play audio, apply a voice effect); a call's recordings and
//! notifications.
//!
//! Document decisions:
//!
//! - Interrupt Live Call and Send Digits print the collection URL (`/Calls.json`) although
//!   both take a CallSid: both are sent to the call, `POST /Calls/{CallSid}` (Interrupt's
//!   own prose: "POST to the Call Sid"); the server tells them apart by their fields.
//! - Record Live Call and Record Call are one endpoint: see [`crate::recordings`].
//! - Make Call's `HearbeatMethod` is sent as `HeartbeatMethod` (every other operation's
//!   spelling); Apply Voice Effect's `AudioDirections` as `AudioDirection`. Requests read
//!   from JSON accept both spellings.
//! - [`Calls::list_recordings`] and [`Calls::list_notifications`] follow a call's
//!   `subresource_uris`, which the document shows but never describes.

use serde::{Deserialize, Serialize, Serializer};

use sdk_core::model::{Secret, UnknownFields, check_required};
use sdk_core::{Accepted, Method, PollStatus, Result};

use crate::common::{DateFilter, HttpMethod, filtered};
use crate::notifications::Notification;
use crate::paging::Paginator;
use crate::recordings::{AudioDirection, RecordCall, Recorded, Recording, TranscribeQuality};
use crate::wire::{self, Scalar, Timestamp};

pub(crate) const COLLECTION: &str = "/Accounts/{AccountSid}/Calls";
pub(crate) const ITEM: &str = "/Accounts/{AccountSid}/Calls/{CallSid}";
const PLAY: &str = "/Accounts/{AccountSid}/Calls/{CallSid}/Play";
const EFFECT: &str = "/Accounts/{AccountSid}/Calls/{CallSid}/Effect";

/// The longest `Timeout` of Make Call the document allows, in seconds. Not checked before
/// sending: the server answers a timeout out of range with its error.
pub const MAX_TIMEOUT: u32 = 999;

sdk_core::id_type! {
    /// The sid of a call (`CallSid`).
    pub struct CallSid;
}

sdk_core::string_enum! {
    /// The status of a call.
    pub enum CallStatus {
        /// Waiting to be placed.
        Queued = "queued",
        /// Ringing.
        Ringing = "ringing",
        /// Answered, in progress.
        InProgress = "in-progress",
        /// Ended after being answered.
        Completed = "completed",
        /// Could not be placed.
        Failed = "failed",
        /// The callee was busy.
        Busy = "busy",
        /// Not answered.
        NoAnswer = "no-answer",
        /// Ended before it was answered (the document's examples show it; Interrupt sets
        /// it).
        Canceled = "canceled",
    }
}

impl CallStatus {
    /// `true` for the statuses a call ends in.
    pub fn is_final(&self) -> bool {
        matches!(
            self,
            CallStatus::Completed
                | CallStatus::Failed
                | CallStatus::Busy
                | CallStatus::NoAnswer
                | CallStatus::Canceled
        )
    }
}

sdk_core::string_enum! {
    /// The direction of a call, seen from CPaaS.
    pub enum CallDirection {
        /// A call to one of your numbers.
        Inbound = "inbound",
        /// A call made through the REST API.
        OutboundApi = "outbound-api",
        /// A call made by InboundXML `<Dial>`.
        OutboundDial = "outbound-dial",
    }
}

sdk_core::string_enum! {
    /// Who answered, when answering-machine detection ran.
    pub enum AnsweredBy {
        /// A person.
        Human = "human",
        /// A machine.
        Machine = "machine",
        /// Not determined yet.
        Tbd = "tbd",
        /// Nobody (the document's examples show it).
        Nobody = "nobody",
    }
}

/// The paths of a call's subresources.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CallSubresources {
    /// The call's notifications.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub notifications: Option<String>,
    /// The call's recordings.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub recordings: Option<String>,
    /// Fields the SDK does not name, kept as the server sent them.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

/// A call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Call {
    /// The call's sid.
    #[serde(deserialize_with = "wire::sid")]
    pub sid: CallSid,
    /// When the call resource was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_created: Option<Timestamp>,
    /// When it was last updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_updated: Option<Timestamp>,
    /// The call whose InboundXML made this one (empty when none; see
    /// [`parent`](Self::parent)).
    #[serde(
        default,
        deserialize_with = "wire::id",
        skip_serializing_if = "Option::is_none"
    )]
    pub parent_call_sid: Option<CallSid>,
    /// The account.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub account_sid: Option<String>,
    /// The number (or SIP URI) called.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub to: Option<String>,
    /// The calling number (or SIP URI).
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub from: Option<String>,
    /// The sid of your number involved in the call; empty when none.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub phone_number_sid: Option<String>,
    /// The status.
    #[serde(
        default,
        deserialize_with = "wire::parsed",
        skip_serializing_if = "Option::is_none"
    )]
    pub status: Option<CallStatus>,
    /// When the call started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<Timestamp>,
    /// When it ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<Timestamp>,
    /// The length in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<Scalar<u64>>,
    /// The seconds billed (in the document's examples only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_billed: Option<Scalar<u64>>,
    /// The cost, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<Scalar<f64>>,
    /// The direction.
    #[serde(
        default,
        deserialize_with = "wire::parsed",
        skip_serializing_if = "Option::is_none"
    )]
    pub direction: Option<CallDirection>,
    /// Who answered, when answering-machine detection ran.
    #[serde(
        default,
        deserialize_with = "wire::parsed",
        skip_serializing_if = "Option::is_none"
    )]
    pub answered_by: Option<AnsweredBy>,
    /// The API version (`v2`).
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub api_version: Option<String>,
    /// The number that forwarded the call, if any.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub forwarded_from: Option<String>,
    /// How many recordings were made (the document's example sends `""`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recordings_count: Option<Scalar<u64>>,
    /// Whether the caller id was blocked (the document's example sends `"false"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caller_id_blocked: Option<Scalar<bool>>,
    /// This resource's path (`/v2/Accounts/{AccountSid}/Calls/{CallSid}`).
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub uri: Option<String>,
    /// The paths of its recordings and notifications.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subresource_uris: Option<CallSubresources>,
    /// Fields the SDK does not name, kept as the server sent them.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

impl Call {
    /// The parent call, when there is one (an empty `parent_call_sid` is none).
    pub fn parent(&self) -> Option<&CallSid> {
        self.parent_call_sid
            .as_ref()
            .filter(|s| !s.as_str().is_empty())
    }
}

sdk_core::listed!(Call = "calls");

/// How a live call is waited for: done when `completed`; `failed`, `busy`, `no-answer`
/// and `canceled` (it never connected) fail the wait; anything else is pending.
pub(crate) fn classify(call: &Call) -> PollStatus {
    match &call.status {
        Some(CallStatus::Completed) => PollStatus::Succeeded("completed".to_owned()),
        Some(s) if s.is_final() => PollStatus::Failed {
            status: s.to_string(),
            message: call.unknown_fields.failure_message(None),
        },
        Some(s) => PollStatus::Pending(s.to_string()),
        None => PollStatus::Pending(String::new()),
    }
}

sdk_core::string_enum! {
    /// What to do when a machine answers.
    pub enum IfMachine {
        /// Go on as usual.
        Continue = "continue",
        /// Request `IfMachineUrl` for instructions.
        Redirect = "redirect",
        /// Hang up (when the tone plays).
        Hangup = "hangup",
    }
}

/// The form of Make Call (`POST /Calls`).
///
/// `From`, `To` and `Url` must be present and not blank; the document's other rules (URL
/// lengths, GET or POST methods, the `Timeout` range, DTMF digits, the SIP header length)
/// are documented on the fields and judged by the server, whose error comes back.
///
/// ```
/// use cpaas::HttpMethod;
/// use cpaas::calls::MakeCall;
///
/// let call = MakeCall::new("+12223334444", "+15556667777", "https://example.com/inboundxml")
///     .method(HttpMethod::Get)
///     .status_callback("https://example.com/status")
///     .timeout(30u32)
///     .record(true);
/// # let _ = call;
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct MakeCall {
    /// The caller id shown (any text; a SIP URI for SIP calls).
    pub from: String,
    /// The number or SIP URI to call (`sip:user@example.com`, custom headers after `?`, at
    /// most 1024 characters with them; `;transport=tcp`).
    pub to: String,
    /// The InboundXML requested once the call connects (at most 200 characters).
    pub url: String,
    /// The method of that request (GET or POST, default POST).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<HttpMethod>,
    /// The URL used when `url` fails.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fallback_url: Option<String>,
    /// The method of `fallback_url`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fallback_method: Option<HttpMethod>,
    /// Told when the call connects and ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_callback: Option<String>,
    /// The method of `status_callback`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_callback_method: Option<HttpMethod>,
    /// Told every 60 seconds once the call has lasted 60 seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heartbeat_url: Option<String>,
    /// The method of `heartbeat_url` (the document spells it `HearbeatMethod`).
    #[serde(
        default,
        alias = "HearbeatMethod",
        skip_serializing_if = "Option::is_none"
    )]
    pub heartbeat_method: Option<HttpMethod>,
    /// The forwarding number passed to the carrier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forwarded_from: Option<String>,
    /// Digits (`0-9`, `#`, `*`, `W`/`w` for half-second pauses) or tones (`4@2000`)
    /// played once the call connects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub play_dtmf: Option<String>,
    /// Seconds to wait for an answer (1 to [`MAX_TIMEOUT`]).
    #[serde(
        default,
        deserialize_with = "wire::number",
        skip_serializing_if = "Option::is_none"
    )]
    pub timeout: Option<u32>,
    /// Blocks the caller id.
    #[serde(
        default,
        deserialize_with = "wire::flag",
        skip_serializing_if = "Option::is_none"
    )]
    pub hide_caller_id: Option<bool>,
    /// Records the call (at most 5 recordings per call).
    #[serde(
        default,
        deserialize_with = "wire::flag",
        skip_serializing_if = "Option::is_none"
    )]
    pub record: Option<bool>,
    /// Told about the recording once it is done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record_callback: Option<String>,
    /// The method of `record_callback`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record_callback_method: Option<HttpMethod>,
    /// Transcribes the call.
    #[serde(
        default,
        deserialize_with = "wire::flag",
        skip_serializing_if = "Option::is_none"
    )]
    pub transcribe: Option<bool>,
    /// How to transcribe.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transcribe_quality: Option<TranscribeQuality>,
    /// Told about the transcription once it is done (from the API explorer's glossary).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transcribe_callback: Option<String>,
    /// Sends the call straight to voicemail.
    #[serde(
        default,
        deserialize_with = "wire::flag",
        skip_serializing_if = "Option::is_none"
    )]
    pub straight_to_voicemail: Option<bool>,
    /// What to do when a machine answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub if_machine: Option<IfMachine>,
    /// The instructions requested when a machine answers and `if_machine` is `redirect`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub if_machine_url: Option<String>,
    /// The method of `if_machine_url`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub if_machine_method: Option<HttpMethod>,
    /// The SIP username, for SIP calls.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sip_auth_username: Option<String>,
    /// The SIP password, for SIP calls (never shown by `Debug`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sip_auth_password: Option<Secret>,
}

impl MakeCall {
    /// A call from `from` to `to`, run by the InboundXML at `url`.
    pub fn new(from: impl Into<String>, to: impl Into<String>, url: impl Into<String>) -> Self {
        MakeCall {
            from: from.into(),
            to: to.into(),
            url: url.into(),
            ..Default::default()
        }
    }

    fn check(&self) -> Result<()> {
        check_required("From", &self.from)?;
        check_required("To", &self.to)?;
        check_required("Url", &self.url)
    }
}

sdk_core::setters!(MakeCall {
    /// The method of the `Url` request.
    method: HttpMethod,
    /// The URL used when `Url` fails.
    fallback_url: String,
    /// The method of `FallbackUrl`.
    fallback_method: HttpMethod,
    /// Told when the call connects and ends.
    status_callback: String,
    /// The method of `StatusCallback`.
    status_callback_method: HttpMethod,
    /// Told every 60 seconds during the call.
    heartbeat_url: String,
    /// The method of `HeartbeatUrl`.
    heartbeat_method: HttpMethod,
    /// The forwarding number passed to the carrier.
    forwarded_from: String,
    /// Digits or tones played once the call connects.
    play_dtmf: String,
    /// Seconds to wait for an answer.
    timeout: u32,
    /// Blocks the caller id.
    hide_caller_id: bool,
    /// Records the call.
    record: bool,
    /// Told about the recording once it is done.
    record_callback: String,
    /// The method of `RecordCallback`.
    record_callback_method: HttpMethod,
    /// Transcribes the call.
    transcribe: bool,
    /// How to transcribe.
    transcribe_quality: TranscribeQuality,
    /// Told about the transcription once it is done.
    transcribe_callback: String,
    /// Sends the call straight to voicemail.
    straight_to_voicemail: bool,
    /// What to do when a machine answers.
    if_machine: IfMachine,
    /// The instructions requested when a machine answers.
    if_machine_url: String,
    /// The method of `IfMachineUrl`.
    if_machine_method: HttpMethod,
    /// The SIP username.
    sip_auth_username: String,
    /// The SIP password.
    sip_auth_password: Secret,
});

/// The filters of [`Calls::list`].
///
/// ```
/// use cpaas::DateFilter;
/// use cpaas::calls::{CallFilter, CallStatus};
///
/// let filter = CallFilter::new()
///     .status(CallStatus::Completed)
///     .start_time(DateFilter::month(2019, 5)?);
/// # let _ = filter;
/// # Ok::<(), sdk_core::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct CallFilter {
    /// Calls to this number (with its country code).
    pub to: Option<String>,
    /// Calls from this number.
    pub from: Option<String>,
    /// Calls in this status.
    pub status: Option<CallStatus>,
    /// Calls that started on or within these dates (`StartTime`, `StartTime>`,
    /// `StartTime<`).
    pub start_time: Option<DateFilter>,
    /// Calls whose source and destination contain this SIP domain.
    pub sip_domain: Option<String>,
}

impl CallFilter {
    /// No filter: every call of the account.
    pub fn new() -> Self {
        Self::default()
    }

    fn pairs(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut push = |k: &str, v: Option<String>| {
            if let Some(v) = v {
                out.push((k.to_owned(), v));
            }
        };
        push("To", self.to.clone());
        push("From", self.from.clone());
        push("Status", self.status.as_ref().map(ToString::to_string));
        push("SipDomain", self.sip_domain.clone());
        if let Some(d) = &self.start_time {
            out.extend(d.pairs("StartTime"));
        }
        out
    }
}

sdk_core::setters!(CallFilter {
    /// Calls to this number.
    to: String,
    /// Calls from this number.
    from: String,
    /// Calls in this status.
    status: CallStatus,
    /// Calls that started on or within these dates.
    start_time: DateFilter,
    /// Calls whose addresses contain this SIP domain.
    sip_domain: String,
});

sdk_core::string_enum! {
    /// The status that ends a call through Interrupt.
    pub enum EndStatus {
        /// Ends a queued or ringing call.
        Canceled = "canceled",
        /// Ends a call whatever its status (in progress too).
        Completed = "completed",
    }
}

/// The form of Interrupt Live Call: redirect the call to new InboundXML, end it, or both
/// (`Url` and `Status` may go together).
///
/// A request with neither is sent as it is: the server answers it with its error.
///
/// ```
/// use cpaas::calls::{EndStatus, InterruptCall};
///
/// let redirect = InterruptCall::redirect("https://example.com/next-step");
/// let hang_up = InterruptCall::hang_up();
/// let both = InterruptCall::new()
///     .url("https://example.com/goodbye")
///     .status(EndStatus::Completed);
/// # let _ = (redirect, hang_up, both);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct InterruptCall {
    /// The InboundXML the call runs next (after its current element; at most 200
    /// characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The method of that request (GET or POST).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<HttpMethod>,
    /// Ends the call (`canceled` or `completed`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<EndStatus>,
}

impl InterruptCall {
    /// Nothing set yet: set `url`, `status` or both.
    pub fn new() -> Self {
        Self::default()
    }

    /// Runs the InboundXML at `url` next.
    pub fn redirect(url: impl Into<String>) -> Self {
        InterruptCall::new().url(url)
    }

    /// Ends the call whatever its status (`Status=completed`).
    pub fn hang_up() -> Self {
        InterruptCall::new().status(EndStatus::Completed)
    }

    /// Ends a call that is still queued or ringing (`Status=canceled`).
    pub fn cancel() -> Self {
        InterruptCall::new().status(EndStatus::Canceled)
    }
}

sdk_core::setters!(InterruptCall {
    /// The InboundXML the call runs next.
    url: String,
    /// The method of the `Url` request.
    method: HttpMethod,
    /// Ends the call.
    status: EndStatus,
});

/// The form of Send Digits to Live Call.
///
/// The digits must be present and not blank (without them the request is not Send
/// Digits); which characters and tones the server takes is the server's to judge.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct SendDigits {
    /// The digits (`0-9`, `#`, `*`, `W`/`w` pauses) or tones (`4@2000`).
    pub play_dtmf: String,
    /// Which leg hears them (`in` or `out`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub play_dtmf_direction: Option<AudioDirection>,
}

impl SendDigits {
    /// Sends `digits`.
    pub fn new(digits: impl Into<String>) -> Self {
        SendDigits {
            play_dtmf: digits.into(),
            ..Default::default()
        }
    }

    fn check(&self) -> Result<()> {
        check_required("PlayDtmf", &self.play_dtmf)
    }
}

sdk_core::setters!(SendDigits {
    /// Which leg hears the digits.
    play_dtmf_direction: AudioDirection,
});

/// The form of Play Audio to Live Call.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct PlayAudio {
    /// The sound file (MP3).
    pub audio_url: String,
    /// Which leg hears it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<AudioDirection>,
    /// Repeats it.
    #[serde(
        rename = "Loop",
        default,
        deserialize_with = "wire::flag",
        skip_serializing_if = "Option::is_none"
    )]
    pub repeat: Option<bool>,
    /// How long to play, in seconds (from the API explorer's glossary).
    #[serde(
        default,
        deserialize_with = "wire::number",
        skip_serializing_if = "Option::is_none"
    )]
    pub length: Option<u32>,
    /// Mixes it with the call's audio; `false` mutes the rest (glossary).
    #[serde(
        default,
        deserialize_with = "wire::flag",
        skip_serializing_if = "Option::is_none"
    )]
    pub mix: Option<bool>,
}

impl PlayAudio {
    /// Plays `audio_url`.
    pub fn new(audio_url: impl Into<String>) -> Self {
        PlayAudio {
            audio_url: audio_url.into(),
            ..Default::default()
        }
    }

    fn check(&self) -> Result<()> {
        check_required("AudioUrl", &self.audio_url)
    }
}

sdk_core::setters!(PlayAudio {
    /// Which leg hears it.
    direction: AudioDirection,
    /// Repeats it.
    repeat: bool,
    /// How long to play, in seconds.
    length: u32,
    /// Mixes it with the call's audio.
    mix: bool,
});

/// The form of Apply Voice Effect.
///
/// Every value is sent as given (the ranges below are the document's; the server answers a
/// value out of them with error 21222). A whole number is written without a fraction
/// (`Pitch=5`, not `5.0`), a fraction as the shortest decimal that reads back the same.
///
/// ```
/// use cpaas::calls::VoiceEffect;
///
/// let deeper = VoiceEffect::new().pitch_semi_tones(-4.0);
/// assert_eq!(sdk_core::format::to_form(&deeper)?, "PitchSemiTones=-4");
/// # Ok::<(), sdk_core::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct VoiceEffect {
    /// Whose voice changes: `out` (the default) or `in` (the document spells the
    /// parameter `AudioDirections`).
    #[serde(
        default,
        alias = "AudioDirections",
        skip_serializing_if = "Option::is_none"
    )]
    pub audio_direction: Option<AudioDirection>,
    /// Pitch, above 0 (1 unchanged).
    #[serde(
        default,
        deserialize_with = "wire::number",
        serialize_with = "decimal",
        skip_serializing_if = "Option::is_none"
    )]
    pub pitch: Option<f64>,
    /// Pitch change in semitones, -14 to 14.
    #[serde(
        default,
        deserialize_with = "wire::number",
        serialize_with = "decimal",
        skip_serializing_if = "Option::is_none"
    )]
    pub pitch_semi_tones: Option<f64>,
    /// Pitch change in octaves, -1 to 1.
    #[serde(
        default,
        deserialize_with = "wire::number",
        serialize_with = "decimal",
        skip_serializing_if = "Option::is_none"
    )]
    pub pitch_octaves: Option<f64>,
    /// Rate, above 0 (1 unchanged).
    #[serde(
        default,
        deserialize_with = "wire::number",
        serialize_with = "decimal",
        skip_serializing_if = "Option::is_none"
    )]
    pub rate: Option<f64>,
    /// Tempo, above 0 (1 unchanged).
    #[serde(
        default,
        deserialize_with = "wire::number",
        serialize_with = "decimal",
        skip_serializing_if = "Option::is_none"
    )]
    pub tempo: Option<f64>,
}

/// Writes a number as the document does: a whole number without a fraction (`5`, not
/// `5.0`), others as they are.
fn decimal<S: Serializer>(value: &Option<f64>, s: S) -> std::result::Result<S::Ok, S::Error> {
    match value {
        // Whole and within the integers an f64 holds exactly: the cast is exact.
        Some(x) if x.fract() == 0.0 && x.abs() < 9_007_199_254_740_992.0 => {
            s.serialize_i64(*x as i64)
        }
        Some(x) => s.serialize_f64(*x),
        None => s.serialize_none(),
    }
}

impl VoiceEffect {
    /// No change yet; set what to change.
    pub fn new() -> Self {
        Self::default()
    }
}

sdk_core::setters!(VoiceEffect {
    /// Whose voice changes.
    audio_direction: AudioDirection,
    /// Pitch, above 0.
    pitch: f64,
    /// Pitch change in semitones, -14 to 14.
    pitch_semi_tones: f64,
    /// Pitch change in octaves, -1 to 1.
    pitch_octaves: f64,
    /// Rate, above 0.
    rate: f64,
    /// Tempo, above 0.
    tempo: f64,
});

sdk_core::scope_type! {
    /// The calls of an account: `/Accounts/{AccountSid}/Calls`.
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// let calls = client.account().calls();
    /// let call = calls.get("CA123").await?;
    /// println!("{:?} {:?} {:?}", call.from, call.to, call.status);
    /// # Ok(()) }
    /// ```
    Calls
}

impl Calls<'_> {
    /// Make Call (`cpaas.calls.make`): places the call and returns it (queued) with a
    /// poller that waits until it ends: `completed` resolves, `failed`, `busy`,
    /// `no-answer` and `canceled` fail the wait with that status. The poller reads the call
    /// in the client's format.
    ///
    /// ```no_run
    /// use cpaas::calls::MakeCall;
    ///
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// let placed = client
    ///     .account()
    ///     .calls()
    ///     .make(&MakeCall::new("+12223334444", "+15556667777", "https://example.com/ivr"))
    ///     .await?;
    /// println!("calling: {}", placed.accepted().sid);
    /// let ended = placed.wait().await?;
    /// println!("{:?} seconds", ended.duration);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// [`sdk_core::ErrorKind::InvalidInput`] naming `From`, `To` or `Url` when it is blank
    /// (nothing sent); the server's error for what it refuses; else as any call.
    pub async fn make(&self, call: &MakeCall) -> Result<Accepted<Call, Call>> {
        let spec = self
            .0
            .spec(Method::POST, "cpaas.calls.make", COLLECTION, &[])
            .validate(|| call.check())
            .form(call);
        let placed: Call = self.0.execute(spec).await?;
        let sid = placed.sid.to_string();
        let poller = self.0.poller("cpaas.calls.get", ITEM, &[&sid], classify);
        Ok(Accepted::new(placed, Some(sid), poller))
    }

    /// View Call (`cpaas.calls.get`).
    ///
    /// # Errors
    ///
    /// As any call: the server's answer, transport, decode.
    pub async fn get(&self, call_sid: impl AsRef<str>) -> Result<Call> {
        let spec = self
            .0
            .spec(Method::GET, "cpaas.calls.get", ITEM, &[call_sid.as_ref()]);
        self.0.execute(spec).await
    }

    /// List Calls (`cpaas.calls.list`), filtered.
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// use cpaas::calls::{CallFilter, CallStatus};
    /// use sdk_core::futures_util::TryStreamExt;
    ///
    /// let filter = CallFilter::new().to("+15556667777").status(CallStatus::Completed);
    /// let mut calls = client.account().calls().list(&filter).items();
    /// while let Some(call) = calls.try_next().await? {
    ///     println!("{} {:?} seconds", call.sid, call.duration);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self, filter: &CallFilter) -> Paginator<Call> {
        let spec = self
            .0
            .spec(Method::GET, "cpaas.calls.list", COLLECTION, &[]);
        self.0.paginator(filtered(spec, filter.pairs()))
    }

    /// Interrupt Live Call (`cpaas.calls.interrupt`): redirect the call or end it.
    ///
    /// # Errors
    ///
    /// As any call: the server's answer (a request with neither `Url` nor `Status` is its
    /// to refuse), transport, decode.
    pub async fn interrupt(
        &self,
        call_sid: impl AsRef<str>,
        request: &InterruptCall,
    ) -> Result<Call> {
        let spec = self
            .0
            .spec(
                Method::POST,
                "cpaas.calls.interrupt",
                ITEM,
                &[call_sid.as_ref()],
            )
            .form(request);
        self.0.execute(spec).await
    }

    /// Send Digits to Live Call (`cpaas.calls.send_digits`).
    ///
    /// # Errors
    ///
    /// [`sdk_core::ErrorKind::InvalidInput`] for blank digits (nothing sent); the server's
    /// error for digits it does not take; else as any call.
    pub async fn send_digits(
        &self,
        call_sid: impl AsRef<str>,
        request: &SendDigits,
    ) -> Result<Call> {
        let spec = self
            .0
            .spec(
                Method::POST,
                "cpaas.calls.send_digits",
                ITEM,
                &[call_sid.as_ref()],
            )
            .validate(|| request.check())
            .form(request);
        self.0.execute(spec).await
    }

    /// Record Live Call (`cpaas.calls.record`): start or stop recording. The answer is the
    /// call or the recording, as the server sends it (see [`Recorded`]).
    ///
    /// # Errors
    ///
    /// As any call: the server's answer, transport, decode.
    pub async fn record(
        &self,
        call_sid: impl AsRef<str>,
        request: &RecordCall,
    ) -> Result<Recorded> {
        crate::recordings::record(&self.0, "cpaas.calls.record", call_sid.as_ref(), request).await
    }

    /// Play Audio to Live Call (`cpaas.calls.play_audio`).
    ///
    /// # Errors
    ///
    /// [`sdk_core::ErrorKind::InvalidInput`] for a blank `AudioUrl` (nothing sent); else as
    /// any call.
    pub async fn play_audio(&self, call_sid: impl AsRef<str>, request: &PlayAudio) -> Result<Call> {
        let spec = self
            .0
            .spec(
                Method::POST,
                "cpaas.calls.play_audio",
                PLAY,
                &[call_sid.as_ref()],
            )
            .validate(|| request.check())
            .form(request);
        self.0.execute(spec).await
    }

    /// Apply Voice Effect (`cpaas.calls.voice_effect`).
    ///
    /// # Errors
    ///
    /// As any call: the server's answer (error 21222 for a value out of its range),
    /// transport, decode.
    pub async fn voice_effect(
        &self,
        call_sid: impl AsRef<str>,
        request: &VoiceEffect,
    ) -> Result<Call> {
        let spec = self
            .0
            .spec(
                Method::POST,
                "cpaas.calls.voice_effect",
                EFFECT,
                &[call_sid.as_ref()],
            )
            .form(request);
        self.0.execute(spec).await
    }

    /// A call's recordings (`cpaas.calls.list_recordings`): its
    /// `subresource_uris.recordings`, which the document shows but does not describe.
    /// [`Recordings::list`](crate::recordings::Recordings::list) with a `CallSid` filter is
    /// the documented equivalent.
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// let recordings = client.account().calls().list_recordings("CA123").collect_all().await?;
    /// for recording in recordings {
    ///     println!("{} {:?}", recording.sid, recording.recording_url);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list_recordings(&self, call_sid: impl AsRef<str>) -> Paginator<Recording> {
        let spec = self.0.spec(
            Method::GET,
            "cpaas.calls.list_recordings",
            crate::recordings::OF_CALL,
            &[call_sid.as_ref()],
        );
        self.0.paginator(spec)
    }

    /// A call's notifications (`cpaas.calls.list_notifications`): its
    /// `subresource_uris.notifications` (undocumented beyond the link).
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// let notifications = client.account().calls().list_notifications("CA123");
    /// for notification in notifications.collect_all().await? {
    ///     println!("{:?} {:?}", notification.error_code, notification.message_text);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list_notifications(&self, call_sid: impl AsRef<str>) -> Paginator<Notification> {
        let spec = self.0.spec(
            Method::GET,
            "cpaas.calls.list_notifications",
            crate::notifications::OF_CALL,
            &[call_sid.as_ref()],
        );
        self.0.paginator(spec)
    }
}

/// A call as the simulator stores it: `direction` (`outbound-api`, `inbound`,
/// `outbound-dial`), ringing, nothing answered yet.
#[cfg(feature = "simulator")]
pub(crate) fn new_call(
    sid: &str,
    account: &str,
    (from, to): (&str, &str),
    direction: &str,
    uri: &str,
) -> serde_json::Value {
    let now = crate::sim::now();
    serde_json::json!({
        "sid": sid, "date_created": now, "date_updated": now, "parent_call_sid": "",
        "account_sid": account, "to": to, "from": from,
        "phone_number_sid": "", "status": "ringing", "start_time": "", "end_time": "",
        "duration": 0, "duration_billed": 0, "price": "0.00", "direction": direction,
        "answered_by": "tbd", "api_version": "v2", "forwarded_from": "",
        "recordings_count": "", "caller_id_blocked": "false",
        "uri": uri,
        "subresource_uris": {
            "notifications": format!("{uri}/Notifications"),
            "recordings": format!("{uri}/Recordings"),
        },
    })
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use sdk_core::sim::{ActionRequest, Change, LongRunning, Reply, Store, Verb};
    use serde_json::{Value, json};

    use crate::paging::Listed;
    use crate::sim;

    /// What a call's status brings when a read moves the call into it.
    fn entered(call: &mut Value, status: &str) {
        call["date_updated"] = json!(sim::now());
        match status {
            "in-progress" => {
                call["start_time"] = json!(sim::now());
                call["answered_by"] = json!("human");
            }
            "completed" => {
                call["end_time"] = json!(sim::now());
                call["duration"] = json!(42);
                call["duration_billed"] = json!(60);
                call["price"] = json!("0.0130");
            }
            _ if status_of(status).is_final() => {
                call["end_time"] = json!(sim::now());
                call["duration"] = json!(0);
            }
            _ => {}
        }
    }

    fn status_of(s: &str) -> CallStatus {
        s.parse().unwrap_or(CallStatus::Unknown(String::new()))
    }

    /// A made call as the API answers it (none of the form's callbacks echoed). One whose
    /// `Url` is on loopback runs its document ([`crate::sim`]'s "Running InboundXML").
    fn placed(store: &mut Store, change: &Change, call: &mut Value) -> Result<(), Reply> {
        let form = &change.request.body;
        let text = |name| sim::field(form, name).unwrap_or_default();
        let mut made = new_call(
            &change.id,
            sim::account(change),
            (&text("from"), &text("to")),
            "outbound-api",
            &change.path,
        );
        made["date_created"] = call["date_created"].clone();
        made["date_updated"] = call["date_updated"].clone();
        made["status"] = json!("queued");
        made["forwarded_from"] = json!(text("forwarded_from"));
        made["caller_id_blocked"] = json!(
            sim::flag(form, "hide_caller_id")
                .unwrap_or(false)
                .to_string()
        );
        *call = made;
        sim::made_call(store, call, form);
        Ok(())
    }

    /// The call of the request's path while it is live.
    fn live_call(store: &Store, req: &ActionRequest) -> Result<Value, Reply> {
        let acct = req.param("AccountSid").unwrap_or_default();
        let sid = req.param("CallSid").unwrap_or_default();
        let Some(call) = store.get("calls", &[acct], sid) else {
            return Err(sim::not_found("Calls", sid));
        };
        if status_of(call["status"].as_str().unwrap_or_default()).is_final() {
            return Err(sim::error(400, 21221, "Call is not active"));
        }
        Ok(call.clone())
    }

    /// Interrupt and Send Digits share the call's URL: the fields tell them apart. An
    /// interrupted call ends at once, leaving its lifecycle.
    fn interrupt(store: &mut Store, req: &ActionRequest) -> Reply {
        let mut call = match live_call(store, req) {
            Ok(call) => call,
            Err(reply) => return reply,
        };
        let acct = req.param("AccountSid").unwrap_or_default();
        let sid = req.param("CallSid").unwrap_or_default();
        call["date_updated"] = json!(sim::now());
        if let Some(end) = sim::field(&req.body, "status") {
            let ringing = matches!(
                status_of(call["status"].as_str().unwrap_or_default()),
                CallStatus::Queued | CallStatus::Ringing
            );
            let end = match end.as_str() {
                "completed" => "completed",
                "canceled" if ringing => "canceled",
                "canceled" => return sim::error(400, 21220, "Invalid call state"),
                _ => return sim::error(400, 10022, "Status must be canceled or completed"),
            };
            call["status"] = json!(end);
            entered(&mut call, end);
            // Stored anew, the call leaves its lifecycle.
            store.insert("calls", &[acct], sid, call.clone());
        } else if sim::field(&req.body, "url").is_none()
            && sim::field(&req.body, "play_dtmf").is_none()
        {
            return sim::error(400, 10022, "Url, Status or PlayDtmf is required");
        } else if let Some(stored) = store.get_mut("calls", &[acct], sid) {
            stored["date_updated"] = call["date_updated"].clone();
        }
        sim::answer("Call", "Calls", &call)
    }

    /// Play Audio and Voice Effect: a live call, and the field they need.
    fn live(
        required: &'static str,
    ) -> impl Fn(&mut Store, &ActionRequest) -> Reply + Send + Sync + 'static {
        move |store, req| match live_call(store, req) {
            Err(reply) => reply,
            Ok(_) if !required.is_empty() && sim::field(&req.body, required).is_none() => {
                sim::error(400, 10022, format!("{required} is required"))
            }
            Ok(call) => sim::answer("Call", "Calls", &call),
        }
    }

    let filters = &[("To", "to"), ("From", "from"), ("Status", "status")];
    api.resource(
        sim::resource("calls", "CA", (COLLECTION, ITEM), Call::ITEMS_KEY)
            .xml_names("Call", "Calls")
            .only(&[Verb::Create, Verb::Get])
            .required(&["from", "to", "url"])
            .list_filter(sim::filters(filters, Some(("StartTime", "start_time"))))
            .long_running(
                LongRunning::new("status", "queued", "completed", "failed")
                    .polls(0)
                    .through(&["ringing", "in-progress"])
                    .ending("failed", &[])
                    .ending("busy", &["ringing"])
                    .ending("no-answer", &["ringing"])
                    .ending("canceled", &["ringing"])
                    .on_status(entered),
            )
            .on_create(placed),
    )
    .action(Method::POST, ITEM, interrupt)
    .action(Method::POST, PLAY, live("audio_url"))
    .action(Method::POST, EFFECT, live(""))
}

#[cfg(test)]
mod tests {
    use super::*;

    const CALL_JSON: &str = r#"{"date_updated": "Sun, 15 May 2019 17:29:13 -0000", "parent_call_sid": "{CallSid}", "duration": 7, "from": "+12223334444", "to": "+15556667777", "caller_id_blocked": "false", "answered_by": "nobody", "sid": "{CallSid}", "recordings_count": "", "price": "0.00", "api_version": "v2", "status": "canceled", "direction": "outbound-dial", "start_time": "Sun, 15 May 2019 17:29:06 -0000", "date_created": "Sun, 15 May 2019 17:29:06 -0000", "subresource_uris": {"notifications": "/v2/Accounts/{AccountSid}/Calls/{CallSid}/Notifications", "recordings": "/v2/Accounts/{AccountSid}/Calls/{Callsid}/Recordings"}, "forwarded_from": "", "uri": "/v2/Accounts/{AccountSid}/Calls/{CallSid}", "account_sid": "{AccountSid}", "duration_billed": 0, "end_time": "Sun, 15 May 2019 17:29:13 -0000", "phone_number_sid": ""}"#;

    #[cfg(feature = "xml")]
    const CALL_XML: &str = "<Response>\n<Call>\n<DateUpdated>Sun, 15 May 2019 17:29:13 -0000</DateUpdated>\n<ParentCallSid>{CallSid}</ParentCallSid>\n<Duration>7</Duration>\n<From>+12223334444</From>\n<To>+15556667777</To>\n<CallerIdBlocked>false</CallerIdBlocked>\n<AnsweredBy>nobody</AnsweredBy>\n<Sid>{CallSid}</Sid>\n<RecordingsCount></RecordingsCount>\n<Price>0.00</Price>\n<ApiVersion>v2</ApiVersion>\n<Status>canceled</Status>\n<Direction>outbound-dial</Direction>\n<StartTime>Sun, 15 May 2019 17:29:06 -0000</StartTime>\n<DateCreated>Sun, 15 May 2019 17:29:06 -0000</DateCreated>\n<SubresourceUris>\n<Notifications>/v2/Accounts/{AccountSid}/Calls/{CallSid}/Notifications</Notifications>\n<Recordings>/v2/Accounts/{AccountSid}/Calls/{CallSid}/Recordings</Recordings>\n</SubresourceUris>\n<ForwardedFrom></ForwardedFrom>\n<Uri>/v2/Accounts/{AccountSid}/Calls/{CallSid}</Uri>\n<AccountSid>{AccountSid}</AccountSid>\n<DurationBilled>0</DurationBilled>\n<EndTime>Sun, 15 May 2019 17:29:13 -0000</EndTime>\n<PhoneNumberSid></PhoneNumberSid>\n</Call>\n</Response>\n";

    #[test]
    fn the_documented_call_round_trips_in_json() {
        let call: Call = serde_json::from_str(CALL_JSON).expect("a call");
        assert_eq!(call.status, Some(CallStatus::Canceled));
        assert_eq!(call.answered_by, Some(AnsweredBy::Nobody));
        assert_eq!(call.duration.as_ref().and_then(Scalar::get), Some(7));
        assert_eq!(
            call.caller_id_blocked.as_ref().and_then(Scalar::get),
            Some(false)
        );
        assert_eq!(call.recordings_count.as_ref().and_then(Scalar::get), None);
        let back = serde_json::to_value(&call).expect("serialisable");
        let want: serde_json::Value = serde_json::from_str(CALL_JSON).expect("json");
        assert_eq!(back, want);
    }

    #[test]
    #[cfg(feature = "xml")]
    fn the_documented_xml_call_is_the_same_call() {
        let from_xml: Call = crate::wire::from_xml(CALL_XML).expect("a call");
        let mut from_json: Call = serde_json::from_str(CALL_JSON).expect("a call");
        // The JSON example's one typo ({Callsid}) and its JSON numbers are the only
        // differences: XML carries every value as text.
        from_json.subresource_uris = from_xml.subresource_uris.clone();
        assert_eq!(from_xml.sid, from_json.sid);
        assert_eq!(from_xml.status, from_json.status);
        assert_eq!(from_xml.start_time, from_json.start_time);
        assert_eq!(
            from_xml.duration.as_ref().and_then(Scalar::get),
            from_json.duration.as_ref().and_then(Scalar::get)
        );
        assert_eq!(
            from_xml.caller_id_blocked.as_ref().and_then(Scalar::get),
            Some(false)
        );
        assert_eq!(from_xml.parent(), from_json.parent());
        assert_eq!(from_xml.phone_number_sid.as_deref(), Some(""));
    }

    #[test]
    #[cfg(feature = "xml")]
    fn unknown_values_and_fields_are_kept() {
        let json = r#"{"sid":"CA1","status":"transferring","price":0.5,"subresource_uris":{"recordings":"/r","media":"/m"},"new_field":{"a":1}}"#;
        let call: Call = serde_json::from_str(json).expect("a call");
        assert_eq!(
            call.status,
            Some(CallStatus::Unknown("transferring".into()))
        );
        assert_eq!(call.price.as_ref().and_then(Scalar::get), Some(0.5));
        assert_eq!(
            call.unknown_fields.get("new_field"),
            Some(&serde_json::json!({"a": 1}))
        );
        let subs = call.subresource_uris.as_ref().expect("subresources");
        assert_eq!(
            subs.unknown_fields.get("media"),
            Some(&serde_json::json!("/m"))
        );
        assert_eq!(serde_json::to_string(&call).expect("json"), json);
        assert!(
            serde_json::from_str::<Call>(r#"{"status": "queued"}"#).is_err(),
            "a call has a sid"
        );
        let xml = "<Response><Call><Sid>CA1</Sid><Duration>7</Duration><QueueTime>3</QueueTime>\
                   <SubresourceUris><Recordings>/r</Recordings><Media>/m</Media></SubresourceUris>\
                   </Call></Response>";
        let call: Call = crate::wire::from_xml(xml).expect("a call");
        assert_eq!(call.duration.as_ref().and_then(Scalar::get), Some(7));
        assert_eq!(
            call.unknown_fields.get("queue_time"),
            Some(&serde_json::json!("3"))
        );
        let subs = call.subresource_uris.expect("subresources");
        assert_eq!(subs.recordings.as_deref(), Some("/r"));
        assert_eq!(
            subs.unknown_fields.get("media"),
            Some(&serde_json::json!("/m"))
        );
    }

    #[test]
    fn make_call_forms_and_checks() {
        let req: MakeCall = serde_json::from_value(serde_json::json!({
            "From": "+12223334444", "To": "+15556667777", "Url": "https://example.com/inboundxml",
            "Record": "True", "Timeout": "30", "HearbeatMethod": "GET"
        }))
        .expect("the catalog's shape");
        assert_eq!(req.record, Some(true));
        assert_eq!(req.heartbeat_method, Some(HttpMethod::Get));
        assert_eq!(
            sdk_core::format::to_form(&req).expect("a form"),
            "From=%2B12223334444&To=%2B15556667777&Url=https%3A%2F%2Fexample.com%2Finboundxml&HeartbeatMethod=GET&Timeout=30&Record=true"
        );
        req.check().expect("valid");
        let field = |r: MakeCall| r.check().unwrap_err().field().map(str::to_owned);
        assert_eq!(
            field(MakeCall::new("", "+2", "https://x")),
            Some("From".into())
        );
        assert_eq!(
            field(MakeCall::new("+1", " ", "https://x")),
            Some("To".into())
        );
        assert_eq!(field(MakeCall::new("+1", "+2", "")), Some("Url".into()));
        // The document's other rules are the server's: each is sent as given.
        let lenient = MakeCall::new("8143", "sip:a@example.com?x-h=1", "x".repeat(201))
            .timeout(1000u32)
            .status_callback("x".repeat(201))
            .fallback_method(HttpMethod::Unknown("PUT".into()))
            .play_dtmf("12a")
            .if_machine(IfMachine::Unknown("wait".into()))
            .transcribe_quality(TranscribeQuality::Unknown("premium".into()));
        lenient.check().expect("the server judges");
        let form = sdk_core::format::to_form(&lenient).expect("a form");
        for sent in [
            "FallbackMethod=PUT",
            "PlayDtmf=12a",
            "Timeout=1000",
            "IfMachine=wait",
            "TranscribeQuality=premium",
        ] {
            assert!(form.contains(sent), "{sent} in {form}");
        }
        let secret =
            MakeCall::new("+1", "+2", "https://x").sip_auth_password(Secret::new("hunter2"));
        assert!(!format!("{secret:?}").contains("hunter2"));
        assert!(
            sdk_core::format::to_form(&secret)
                .expect("a form")
                .contains("SipAuthPassword=hunter2")
        );
    }

    #[test]
    fn live_call_requests() {
        assert_eq!(
            sdk_core::format::to_form(&InterruptCall::cancel()).expect("a form"),
            "Status=canceled"
        );
        assert_eq!(
            sdk_core::format::to_form(
                &InterruptCall::redirect("https://x/next").status(EndStatus::Completed)
            )
            .expect("a form"),
            "Url=https%3A%2F%2Fx%2Fnext&Status=completed",
            "Url and Status together"
        );
        assert_eq!(
            sdk_core::format::to_form(&InterruptCall::new()).expect("a form"),
            "",
            "an empty interrupt is the server's to refuse"
        );
        assert_eq!(
            SendDigits::new(" ").check().unwrap_err().field(),
            Some("PlayDtmf")
        );
        SendDigits::new("1")
            .play_dtmf_direction(AudioDirection::Both)
            .check()
            .expect("the server judges the direction");
        assert_eq!(
            sdk_core::format::to_form(&PlayAudio::new("https://x/a.mp3").repeat(true))
                .expect("a form"),
            "AudioUrl=https%3A%2F%2Fx%2Fa.mp3&Loop=true"
        );
        assert_eq!(
            PlayAudio::new("").check().unwrap_err().field(),
            Some("AudioUrl")
        );
        let effect: VoiceEffect = serde_json::from_value(
            serde_json::json!({"AudioDirections": "in", "PitchSemiTones": "-4"}),
        )
        .expect("the document's spelling");
        assert_eq!(
            sdk_core::format::to_form(&effect).expect("a form"),
            "AudioDirection=in&PitchSemiTones=-4"
        );
        assert_eq!(
            sdk_core::format::to_form(
                &VoiceEffect::new()
                    .pitch(5.0)
                    .pitch_octaves(-1.5)
                    .rate(0.25)
                    .tempo(1.2)
            )
            .expect("a form"),
            "Pitch=5&PitchOctaves=-1.5&Rate=0.25&Tempo=1.2",
            "whole numbers without a fraction, every value as given"
        );
    }

    #[test]
    fn call_waits_end_on_final_statuses() {
        let with = |s: &str| Call {
            status: Some(s.parse().unwrap_or(CallStatus::Queued)),
            ..serde_json::from_str(r#"{"sid": "CA1"}"#).expect("a call")
        };
        assert_eq!(
            classify(&with("ringing")),
            PollStatus::Pending("ringing".into())
        );
        assert_eq!(
            classify(&with("completed")),
            PollStatus::Succeeded("completed".into())
        );
        assert_eq!(
            classify(&with("no-answer")),
            PollStatus::Failed {
                status: "no-answer".into(),
                message: None
            }
        );
        assert_eq!(
            classify(&with("paused")),
            PollStatus::Pending("paused".into())
        );
    }
}
