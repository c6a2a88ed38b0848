//! The parameters the platform sends to a URL that answers with InboundXML.

use url::form_urlencoded;

use crate::calls::{AnsweredBy, CallDirection, CallSid, CallStatus};
use crate::recordings::RecordingSid;
use crate::sms::{MessageDirection, MessageStatus, SmsSid};

/// The parameters a call's or an SMS's URL receives (`Url`, `VoiceUrl`, `SmsUrl`, a
/// `Gather`'s or `Record`'s `action`, a `StatusCallback`), as a form body (POST) or a query
/// string (GET).
///
/// **A decision of the SDK**: the API's document names the URLs but not what the platform
/// sends them. The names are the Call and SMS resources' fields in the API's form spelling
/// (CamelCase, as Make Call and Send SMS take them), plus what each verb reports:
///
/// | parameter | sent | field |
/// | --- | --- | --- |
/// | `AccountSid`, `From`, `To`, `Direction`, `ApiVersion` | every request | [`account_sid`](Self::account_sid), [`from`](Self::from), [`to`](Self::to), [`direction`](Self::direction), [`api_version`](Self::api_version) |
/// | `CallSid`, `CallStatus`, `CallerName`, `ForwardedFrom`, `ParentCallSid`, `AnsweredBy` | calls | [`call_sid`](Self::call_sid), [`call_status`](Self::call_status), [`caller_name`](Self::caller_name), [`forwarded_from`](Self::forwarded_from), [`parent_call_sid`](Self::parent_call_sid), [`answered_by`](Self::answered_by) |
/// | `CallDuration` | a call's status callback, when it ends | [`call_duration`](Self::call_duration) |
/// | `Digits` or `SpeechResult` | a `Gather`'s or `GetSpeech`'s `action` | [`digits`](Self::digits), [`speech_result`](Self::speech_result) |
/// | `RecordingSid`, `RecordingUrl`, `RecordingDuration` | a `Record`'s `action` | [`recording_sid`](Self::recording_sid), [`recording_url`](Self::recording_url), [`recording_duration`](Self::recording_duration) |
/// | `DialCallSid`, `DialCallStatus`, `DialCallDuration` | a `Dial`'s `action` | [`dial_call_sid`](Self::dial_call_sid), [`dial_call_status`](Self::dial_call_status), [`dial_call_duration`](Self::dial_call_duration) |
/// | `SmsSid`, `Body`, `SmsStatus` | SMS | [`sms_sid`](Self::sms_sid), [`body`](Self::body), [`sms_status`](Self::sms_status) |
///
/// The reader is lenient: every parameter is optional; names are matched exactly; a
/// parameter it does not name, a repeated one, or a number that does not parse, is kept in
/// [`extra`](Self::extra) in the order received; status values it does not know are kept
/// in the enums' `Unknown` arm. [`to_form`](Self::to_form) writes them back (what a
/// simulator sends), so `CallbackParams::from_form(p.to_form()) == p`.
///
/// ```
/// use cpaas::calls::CallStatus;
/// use cpaas::inboundxml::CallbackParams;
///
/// // The body of the POST a Gather's action receives.
/// let p = CallbackParams::from_form(
///     "CallSid=CA123&AccountSid=AC456&From=%2B15551230000&To=%2B15557654321\
///      &CallStatus=in-progress&Direction=inbound&Digits=1&Custom=kept",
/// );
/// assert_eq!(p.digits.as_deref(), Some("1"));
/// assert_eq!(p.call_status, Some(CallStatus::InProgress));
/// assert_eq!(p.from.as_deref(), Some("+15551230000"));
/// assert_eq!(p.extra, vec![("Custom".to_owned(), "kept".to_owned())]);
///
/// // The same from a GET's query string.
/// assert_eq!(CallbackParams::from_query("?Digits=1").digits.as_deref(), Some("1"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct CallbackParams {
    /// `AccountSid`: the account.
    pub account_sid: Option<String>,
    /// `CallSid`: the call.
    pub call_sid: Option<CallSid>,
    /// `From`: the calling or sending number (or SIP URI).
    pub from: Option<String>,
    /// `To`: the called or receiving number (or SIP URI).
    pub to: Option<String>,
    /// `CallStatus`: the call's status (`ringing`, `in-progress`, `completed`, ...).
    pub call_status: Option<CallStatus>,
    /// `Direction`: a call's or a message's direction, as sent; read it typed with
    /// [`call_direction`](Self::call_direction) or
    /// [`message_direction`](Self::message_direction).
    pub direction: Option<String>,
    /// `ApiVersion`.
    pub api_version: Option<String>,
    /// `CallerName`: the caller's name (caller id name).
    pub caller_name: Option<String>,
    /// `ForwardedFrom`: the number the call was forwarded from.
    pub forwarded_from: Option<String>,
    /// `ParentCallSid`: the call whose InboundXML made this one.
    pub parent_call_sid: Option<CallSid>,
    /// `AnsweredBy`: who answered, when answering-machine detection ran.
    pub answered_by: Option<AnsweredBy>,
    /// `CallDuration`: the call's length in seconds (its status callback).
    pub call_duration: Option<u64>,
    /// `Digits`: the keys pressed (a `Gather`'s action).
    pub digits: Option<String>,
    /// `SpeechResult`: the words recognized (a `Gather`'s or `GetSpeech`'s action).
    pub speech_result: Option<String>,
    /// `RecordingSid`: the recording (a `Record`'s action).
    pub recording_sid: Option<RecordingSid>,
    /// `RecordingUrl`: where the recording is (a `Record`'s action).
    pub recording_url: Option<String>,
    /// `RecordingDuration`: the recording's length in seconds (a `Record`'s action).
    pub recording_duration: Option<u64>,
    /// `DialCallSid`: the call a `Dial` made (its action).
    pub dial_call_sid: Option<CallSid>,
    /// `DialCallStatus`: how the dialed call ended (a `Dial`'s action).
    pub dial_call_status: Option<CallStatus>,
    /// `DialCallDuration`: the dialed call's length in seconds (a `Dial`'s action).
    pub dial_call_duration: Option<u64>,
    /// `SmsSid`: the message.
    pub sms_sid: Option<SmsSid>,
    /// `Body`: the message's text.
    pub body: Option<String>,
    /// `SmsStatus`: the message's status.
    pub sms_status: Option<MessageStatus>,
    /// The parameters not named above (and repeated or unparsable ones), in the order
    /// received.
    pub extra: Vec<(String, String)>,
}

/// Reads one parameter into its field; `false` when the field is taken or the value does
/// not fit.
fn set<T>(field: &mut Option<T>, value: &str, parse: impl FnOnce(&str) -> Option<T>) -> bool {
    if field.is_some() {
        return false;
    }
    match parse(value) {
        Some(v) => {
            *field = Some(v);
            true
        }
        None => false,
    }
}

fn text(v: &str) -> Option<String> {
    Some(v.to_owned())
}

fn number(v: &str) -> Option<u64> {
    v.trim().parse().ok()
}

fn status(v: &str) -> Option<CallStatus> {
    Some(v.parse().unwrap_or_else(|never| match never {}))
}

impl CallbackParams {
    /// No parameter set; build one with the setters (a test of a handler, a simulator).
    ///
    /// ```
    /// use cpaas::calls::CallStatus;
    /// use cpaas::inboundxml::CallbackParams;
    ///
    /// let pressed_1 = CallbackParams::new()
    ///     .call_sid("CA123")
    ///     .call_status(CallStatus::InProgress)
    ///     .digits("1");
    /// assert_eq!(pressed_1.to_form(), "CallSid=CA123&CallStatus=in-progress&Digits=1");
    /// ```
    pub fn new() -> Self {
        CallbackParams::default()
    }

    /// Reads a form body (`application/x-www-form-urlencoded`, what a POST carries); never
    /// fails.
    pub fn from_form(body: impl AsRef<[u8]>) -> Self {
        Self::from_pairs(form_urlencoded::parse(body.as_ref()))
    }

    /// Reads a query string (what a GET carries), with or without its leading `?`; never
    /// fails.
    pub fn from_query(query: &str) -> Self {
        Self::from_form(query.strip_prefix('?').unwrap_or(query))
    }

    /// Reads parameters a web framework has already decoded.
    ///
    /// ```
    /// let p = cpaas::inboundxml::CallbackParams::from_pairs([("Digits", "42"), ("Foo", "bar")]);
    /// assert_eq!(p.digits.as_deref(), Some("42"));
    /// assert_eq!(p.extra.len(), 1);
    /// ```
    pub fn from_pairs<K, V>(pairs: impl IntoIterator<Item = (K, V)>) -> Self
    where
        K: AsRef<str>,
        V: AsRef<str>,
    {
        let mut p = CallbackParams::default();
        for (name, value) in pairs {
            let (name, value) = (name.as_ref(), value.as_ref());
            let v = value;
            let known = match name {
                "AccountSid" => set(&mut p.account_sid, v, text),
                "CallSid" => set(&mut p.call_sid, v, |v| Some(CallSid::from(v))),
                "From" => set(&mut p.from, v, text),
                "To" => set(&mut p.to, v, text),
                "CallStatus" => set(&mut p.call_status, v, status),
                "Direction" => set(&mut p.direction, v, text),
                "ApiVersion" => set(&mut p.api_version, v, text),
                "CallerName" => set(&mut p.caller_name, v, text),
                "ForwardedFrom" => set(&mut p.forwarded_from, v, text),
                "ParentCallSid" => set(&mut p.parent_call_sid, v, |v| Some(CallSid::from(v))),
                "AnsweredBy" => set(&mut p.answered_by, v, |v| {
                    Some(v.parse().unwrap_or_else(|never| match never {}))
                }),
                "CallDuration" => set(&mut p.call_duration, v, number),
                "Digits" => set(&mut p.digits, v, text),
                "SpeechResult" => set(&mut p.speech_result, v, text),
                "RecordingSid" => set(&mut p.recording_sid, v, |v| Some(RecordingSid::from(v))),
                "RecordingUrl" => set(&mut p.recording_url, v, text),
                "RecordingDuration" => set(&mut p.recording_duration, v, number),
                "DialCallSid" => set(&mut p.dial_call_sid, v, |v| Some(CallSid::from(v))),
                "DialCallStatus" => set(&mut p.dial_call_status, v, status),
                "DialCallDuration" => set(&mut p.dial_call_duration, v, number),
                "SmsSid" => set(&mut p.sms_sid, v, |v| Some(SmsSid::from(v))),
                "Body" => set(&mut p.body, v, text),
                "SmsStatus" => set(&mut p.sms_status, v, |v| {
                    Some(v.parse().unwrap_or_else(|never| match never {}))
                }),
                _ => false,
            };
            if !known {
                p.extra.push((name.to_owned(), value.to_owned()));
            }
        }
        p
    }

    /// The parameters as `(name, value)` pairs: the named ones in the order of the fields,
    /// then [`extra`](Self::extra).
    pub fn to_pairs(&self) -> Vec<(String, String)> {
        fn put(out: &mut Vec<(String, String)>, name: &str, value: Option<impl ToString>) {
            if let Some(v) = value {
                out.push((name.to_owned(), v.to_string()));
            }
        }
        let mut out = Vec::new();
        put(&mut out, "AccountSid", self.account_sid.as_ref());
        put(&mut out, "CallSid", self.call_sid.as_ref());
        put(&mut out, "From", self.from.as_ref());
        put(&mut out, "To", self.to.as_ref());
        put(&mut out, "CallStatus", self.call_status.as_ref());
        put(&mut out, "Direction", self.direction.as_ref());
        put(&mut out, "ApiVersion", self.api_version.as_ref());
        put(&mut out, "CallerName", self.caller_name.as_ref());
        put(&mut out, "ForwardedFrom", self.forwarded_from.as_ref());
        put(&mut out, "ParentCallSid", self.parent_call_sid.as_ref());
        put(&mut out, "AnsweredBy", self.answered_by.as_ref());
        put(&mut out, "CallDuration", self.call_duration);
        put(&mut out, "Digits", self.digits.as_ref());
        put(&mut out, "SpeechResult", self.speech_result.as_ref());
        put(&mut out, "RecordingSid", self.recording_sid.as_ref());
        put(&mut out, "RecordingUrl", self.recording_url.as_ref());
        put(&mut out, "RecordingDuration", self.recording_duration);
        put(&mut out, "DialCallSid", self.dial_call_sid.as_ref());
        put(&mut out, "DialCallStatus", self.dial_call_status.as_ref());
        put(&mut out, "DialCallDuration", self.dial_call_duration);
        put(&mut out, "SmsSid", self.sms_sid.as_ref());
        put(&mut out, "Body", self.body.as_ref());
        put(&mut out, "SmsStatus", self.sms_status.as_ref());
        out.extend(self.extra.iter().cloned());
        out
    }

    /// The parameters form-encoded (a POST body, or a query string after `?`), in the
    /// order of [`to_pairs`](Self::to_pairs).
    pub fn to_form(&self) -> String {
        form_urlencoded::Serializer::new(String::new())
            .extend_pairs(self.to_pairs())
            .finish()
    }

    /// `Direction` as a call's direction (`inbound`, `outbound-api`, `outbound-dial`).
    pub fn call_direction(&self) -> Option<CallDirection> {
        self.direction
            .as_deref()
            .map(|d| d.parse().unwrap_or_else(|never| match never {}))
    }

    /// `Direction` as a message's direction (`incoming`, `outbound-api`, ...).
    pub fn message_direction(&self) -> Option<MessageDirection> {
        self.direction
            .as_deref()
            .map(|d| d.parse().unwrap_or_else(|never| match never {}))
    }

    /// Adds a parameter the SDK does not name (kept in [`extra`](Self::extra)).
    pub fn param(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.extra.push((name.into(), value.into()));
        self
    }
}

sdk_core::setters!(CallbackParams {
    /// `AccountSid`.
    account_sid: String,
    /// `CallSid`.
    call_sid: CallSid,
    /// `From`.
    from: String,
    /// `To`.
    to: String,
    /// `CallStatus`.
    call_status: CallStatus,
    /// `Direction`.
    direction: String,
    /// `ApiVersion`.
    api_version: String,
    /// `CallerName`.
    caller_name: String,
    /// `ForwardedFrom`.
    forwarded_from: String,
    /// `ParentCallSid`.
    parent_call_sid: CallSid,
    /// `AnsweredBy`.
    answered_by: AnsweredBy,
    /// `CallDuration`, in seconds.
    call_duration: u64,
    /// `Digits`.
    digits: String,
    /// `SpeechResult`.
    speech_result: String,
    /// `RecordingSid`.
    recording_sid: RecordingSid,
    /// `RecordingUrl`.
    recording_url: String,
    /// `RecordingDuration`, in seconds.
    recording_duration: u64,
    /// `DialCallSid`.
    dial_call_sid: CallSid,
    /// `DialCallStatus`.
    dial_call_status: CallStatus,
    /// `DialCallDuration`, in seconds.
    dial_call_duration: u64,
    /// `SmsSid`.
    sms_sid: SmsSid,
    /// `Body`.
    body: String,
    /// `SmsStatus`.
    sms_status: MessageStatus,
});
