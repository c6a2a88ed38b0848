//! The simulator runs InboundXML: a made call whose `Url` is on loopback, an incoming call
//! or SMS to a number whose `VoiceUrl` or `SmsUrl` is, requests that URL, parses the answer
//! and runs it verb by verb, requesting each `action`, `Redirect` and callback in turn.
//! What a call did is its [transcript]; what it made (recordings, messages, notifications,
//! dialed calls) is in the store, listable through the client.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use chrono::Utc;
use serde_json::{Value, json};
use tokio::sync::Notify;

use sdk_core::sim::{Simulator, SimulatorHandle, Store, is_loopback, request_url};
use sdk_core::{Error, ErrorKind, Method, Result};

use crate::calls::{Call, CallSid, CallStatus};
use crate::common::HttpMethod;
use crate::errors::ErrorCode;
use crate::inboundxml::{
    CallbackParams, Dial, DialTarget, Gather, GatherChild, GatherInput, GetSpeech, Record,
    RejectReason, Response, ResponseVerb, SayLanguage, Voice,
};
use crate::mms::MmsSid;
use crate::recordings::RecordingSid;
use crate::sms::{MessageStatus, SmsMessage, SmsSid};

/// How long the simulator waits for one of your URLs to answer (the whole exchange): 10
/// seconds. A URL that takes longer fails as the platform reports it: a notification with
/// code 11200 (HTTP retrieval failure).
pub const URL_TIMEOUT: Duration = Duration::from_secs(10);

/// How long [`wait_call_ended`] and [`wait_sms_handled`] wait at the most: 30 seconds, a
/// bound for a test whose flow never ends, never a pause: they return as soon as the run
/// ends.
pub const WAIT_LIMIT: Duration = Duration::from_secs(30);

/// The most documents one call or message fetches (its first, each `action` and
/// `Redirect`): past it the simulator ends the call, as a loop would never end.
const MAX_DOCUMENTS: u32 = 64;

/// The seconds a dialed call lasts on the simulator (less when the `Dial`'s `timeLimit`
/// is less).
const DIAL_SECONDS: u64 = 30;

/// What the caller does when the call waits for them (a [`Gather`], a [`GetSpeech`], a
/// [`Record`]), as a test scripts it with [`script_input`]. Each one is taken by the next
/// verb that listens, whatever it is; with nothing scripted the caller is silent.
///
/// ```
/// use cpaas::sim::CallInput;
///
/// assert_eq!(CallInput::from("1"), CallInput::Digits("1".into()));
/// assert_eq!(CallInput::speech("sales"), CallInput::Speech("sales".into()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CallInput {
    /// Keys pressed: a `Gather` that takes `dtmf` reports them as `Digits` (up to its
    /// `finishOnKey`, default `#`, and at most `numDigits` of them).
    Digits(String),
    /// Words said: a `Gather` that takes `speech` or a `GetSpeech` reports them as
    /// `SpeechResult`.
    Speech(String),
    /// A message left to a `Record`, this many seconds long (at most its `maxLength`).
    Recording {
        /// Its length.
        seconds: u32,
    },
    /// Nothing: the verb times out (the default when nothing is scripted).
    Silence,
}

impl CallInput {
    /// Keys pressed.
    pub fn digits(keys: impl Into<String>) -> Self {
        CallInput::Digits(keys.into())
    }

    /// Words said.
    pub fn speech(words: impl Into<String>) -> Self {
        CallInput::Speech(words.into())
    }

    /// A recorded message of `seconds`.
    pub fn recording(seconds: u32) -> Self {
        CallInput::Recording { seconds }
    }
}

impl From<&str> for CallInput {
    fn from(keys: &str) -> Self {
        CallInput::Digits(keys.to_owned())
    }
}

impl From<String> for CallInput {
    fn from(keys: String) -> Self {
        CallInput::Digits(keys)
    }
}

/// Who a `Dial` called.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Dialed {
    /// A phone number (a `Number`, or the `Dial`'s text).
    Number(String),
    /// A SIP address.
    Sip(String),
    /// A user id.
    User(String),
    /// A conference room.
    Conference(String),
}

/// One thing a call (or a message's document) did, in order: what [`transcript`] returns.
///
/// ```
/// use cpaas::sim::TranscriptEntry;
///
/// let said = TranscriptEntry::Say {
///     text: "Hello".into(), voice: None, language: None, loops: 1,
/// };
/// assert_eq!(said.said(), Some("Hello"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum TranscriptEntry {
    /// `Answer`.
    Answer,
    /// `Say` (inside a `Gather` or `GetSpeech` too): the words, spoken `loops` times.
    Say {
        /// The words.
        text: String,
        /// The voice asked for.
        voice: Option<Voice>,
        /// The language asked for.
        language: Option<SayLanguage>,
        /// How many times (the `loop` attribute, 1 when absent; 0, "until the call
        /// ends", is kept as 0 and played once).
        loops: u32,
    },
    /// `Play`: the audio URL (not fetched), `loops` times.
    Play {
        /// The URL.
        url: String,
        /// How many times, as for `Say`.
        loops: u32,
    },
    /// `Pause`.
    Pause {
        /// Its length (default 1).
        seconds: u32,
    },
    /// `PlayLastRecording`: the call's latest recording, when it has one.
    PlayLastRecording {
        /// Its URL.
        recording_url: Option<String>,
    },
    /// A `Gather` after its prompts: what it heard, `None` when it timed out.
    Gather {
        /// [`CallInput::Digits`] or [`CallInput::Speech`], as reported to the action.
        heard: Option<CallInput>,
    },
    /// A `GetSpeech` after its prompts: the words heard, `None` when it timed out.
    GetSpeech {
        /// The words.
        heard: Option<String>,
    },
    /// `Record`: the recording made, `None` when the caller was silent.
    Record {
        /// The recording, stored in the simulator's recordings.
        recording: Option<RecordingSid>,
        /// Its length (0 without one).
        seconds: u32,
    },
    /// `Dial`: who was called, and how the dialed call ended.
    Dial {
        /// The targets, in order.
        targets: Vec<Dialed>,
        /// How it ended (`completed` on the simulator).
        status: CallStatus,
        /// The dialed call, stored in the simulator's calls (`outbound-dial`, with this
        /// call as its parent); `None` for a conference.
        call_sid: Option<CallSid>,
        /// Its length.
        seconds: u64,
    },
    /// `Sms`: the message sent, stored in the simulator's SMS.
    Sms {
        /// Its sid.
        sid: SmsSid,
        /// To.
        to: String,
        /// From.
        from: String,
        /// The text.
        body: String,
    },
    /// `Mms`: the message sent, stored in the simulator's MMS.
    Mms {
        /// Its sid.
        sid: MmsSid,
        /// To.
        to: String,
        /// From.
        from: String,
        /// The media's URL.
        media_url: String,
        /// The text.
        body: String,
    },
    /// `Redirect`: the next document's URL.
    Redirect {
        /// The URL, as written.
        url: String,
    },
    /// `Ping`: the URL requested.
    Ping {
        /// The URL, as written.
        url: String,
    },
    /// `Hangup`: the call ended.
    Hangup {
        /// Its `reason`.
        reason: Option<String>,
    },
    /// `Reject`: the call was refused (or ended, once answered).
    Reject {
        /// Its `reason`.
        reason: Option<RejectReason>,
    },
    /// An element the simulator does not run (`Connect`, `Refer`, a call's verb in a
    /// message's document, an element the SDK does not know), skipped.
    NotRun {
        /// Its name.
        verb: String,
        /// Why.
        reason: String,
    },
    /// A failure that ended the document (the same as the error notification): a URL that
    /// failed, a document that did not parse or breaks the platform's rules.
    Error {
        /// The platform's code.
        code: ErrorCode,
        /// What happened.
        message: String,
    },
}

impl TranscriptEntry {
    /// The words of a `Say`.
    pub fn said(&self) -> Option<&str> {
        match self {
            TranscriptEntry::Say { text, .. } => Some(text),
            _ => None,
        }
    }
}

// ---------------------------------------------------------------------------------------
// The simulator's state of the runs.

/// Every run of a simulator, and what the tests scripted: [`Simulator::state`].
#[derive(Default)]
struct Flows {
    inner: Mutex<Inner>,
    /// Told when a run ends.
    ended: Notify,
}

#[derive(Default)]
struct Inner {
    runs: HashMap<String, RunState>,
    scripts: HashMap<String, VecDeque<CallInput>>,
}

struct RunState {
    account: String,
    transcript: Vec<TranscriptEntry>,
    ended: bool,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Flows {
    fn begin(&self, sid: &str, account: &str) {
        lock(&self.inner).runs.insert(
            sid.to_owned(),
            RunState {
                account: account.to_owned(),
                transcript: Vec::new(),
                ended: false,
            },
        );
    }

    fn log(&self, sid: &str, entry: TranscriptEntry) {
        if let Some(run) = lock(&self.inner).runs.get_mut(sid) {
            run.transcript.push(entry);
        }
    }

    fn end(&self, sid: &str) {
        if let Some(run) = lock(&self.inner).runs.get_mut(sid) {
            run.ended = true;
        }
        self.ended.notify_waiters();
    }

    /// The next input scripted for the call `sid`, else for the number `to`.
    fn input(&self, sid: &str, to: &str) -> Option<CallInput> {
        let mut inner = lock(&self.inner);
        [sid, to]
            .into_iter()
            .find_map(|key| inner.scripts.get_mut(key).and_then(VecDeque::pop_front))
    }

    /// Whether the run `sid` has ended, and its account; `None` for a sid never run.
    fn status(&self, sid: &str) -> Option<(bool, String)> {
        lock(&self.inner)
            .runs
            .get(sid)
            .map(|r| (r.ended, r.account.clone()))
    }
}

// ---------------------------------------------------------------------------------------
// What tests call.

/// Queues what the caller does when a call waits for them (a `Gather`, a `GetSpeech`, a
/// `Record`), for the call `call_or_number` (its sid) or for every call to the number
/// `call_or_number` (its `To`: your number for an incoming call, the callee for a made
/// one), script before the call when you do not know its sid yet. A call takes from its
/// own queue first, then from its number's; each verb that listens takes one input; a
/// verb that finds none hears silence and times out, and the call goes on with the next
/// verb. Calls add to the queue.
///
/// See the [module](crate::sim) example ("Running InboundXML").
pub fn script_input<I: Into<CallInput>>(
    sim: &Simulator,
    call_or_number: &str,
    inputs: impl IntoIterator<Item = I>,
) {
    let flows = sim.state::<Flows>();
    lock(&flows.inner)
        .scripts
        .entry(call_or_number.trim().to_owned())
        .or_default()
        .extend(inputs.into_iter().map(Into::into));
}

/// What the call (or the message's document) `sid` did so far, in order; empty for a sid
/// the simulator did not run.
pub fn transcript(sim: &Simulator, sid: impl AsRef<str>) -> Vec<TranscriptEntry> {
    let flows = sim.state::<Flows>();
    let inner = lock(&flows.inner);
    inner
        .runs
        .get(sid.as_ref())
        .map(|r| r.transcript.clone())
        .unwrap_or_default()
}

/// Waits until the call `call_sid`, which the simulator runs, has ended and its status
/// callback has been requested, then returns it as stored: its final `status` and its
/// `duration`. Returns as soon as it ends; [`WAIT_LIMIT`] bounds the wait.
///
/// # Errors
///
/// [`ErrorKind::InvalidInput`] for a call the simulator does not run (a made call whose
/// `Url` is not on loopback moves by reads instead: wait on its poller);
/// [`ErrorKind::PollTimeout`] past [`WAIT_LIMIT`]; a decode error if the stored call was
/// replaced by one that does not read as a [`Call`].
pub async fn wait_call_ended(sim: &Simulator, call_sid: impl AsRef<str>) -> Result<Call> {
    let sid = call_sid.as_ref();
    let account = wait_ended(sim, sid).await?;
    sim.item::<Call>(&[&account], sid)?
        .ok_or_else(|| Error::invalid_input("call_sid", format!("the call {sid} is gone")))
}

/// Waits until the document of the incoming SMS `sms_sid` has run (its replies sent),
/// then returns the message as stored. Returns as soon as it is done; [`WAIT_LIMIT`]
/// bounds the wait.
///
/// # Errors
///
/// As [`wait_call_ended`].
pub async fn wait_sms_handled(sim: &Simulator, sms_sid: impl AsRef<str>) -> Result<SmsMessage> {
    let sid = sms_sid.as_ref();
    let account = wait_ended(sim, sid).await?;
    sim.item::<SmsMessage>(&[&account], sid)?
        .ok_or_else(|| Error::invalid_input("sms_sid", format!("the message {sid} is gone")))
}

async fn wait_ended(sim: &Simulator, sid: &str) -> Result<String> {
    let flows = sim.state::<Flows>();
    let deadline = tokio::time::Instant::now() + WAIT_LIMIT;
    loop {
        let notified = std::pin::pin!(flows.ended.notified());
        let mut notified = notified;
        notified.as_mut().enable();
        match flows.status(sid) {
            None => {
                return Err(Error::invalid_input(
                    "sid",
                    format!(
                        "the simulator runs no call or message {sid} (a made call runs its \
                         document only when its Url is on loopback)"
                    ),
                ));
            }
            Some((true, account)) => return Ok(account),
            Some((false, _)) => {}
        }
        if tokio::time::timeout_at(deadline, notified).await.is_err() {
            return Err(Error::poll_timeout(WAIT_LIMIT, Some("running".to_owned())));
        }
    }
}

/// Simulates a call from `from` to your number `to`: the call is stored (`inbound`,
/// `ringing`) and runs the number's InboundXML: its `VoiceUrl` (or its voice
/// application's), requested with its `VoiceMethod`, its `VoiceFallbackUrl` when that
/// fails, its `StatusCallback` told when the call ends. Returns at once with the call's
/// sid; [`wait_call_ended`] waits for the end. Must be called within a tokio runtime.
///
/// See the [module](crate::sim) example ("Running InboundXML").
///
/// # Errors
///
/// [`ErrorKind::InvalidInput`] naming `to` when no incoming (or BYOC) number is `to`, or
/// its voice URL is not set or not on loopback; naming `runtime` outside a tokio runtime.
pub fn incoming_call(sim: &Simulator, from: &str, to: &str) -> Result<CallSid> {
    let (account, settings) = number_settings(sim, to, "voice")?;
    let sid = super::new_sid("CA");
    let uri = format!("/v2/Accounts/{account}/Calls/{sid}");
    let mut call = crate::calls::new_call(&sid, &account, (from, to), "inbound", &uri);
    call["phone_number_sid"] = json!(settings.number_sid);
    call["start_time"] = json!(super::now());
    sim.with_store(|s| s.insert("calls", &[&account], &sid, call));
    let run = Run::new(
        sim.handle(),
        sim.state::<Flows>(),
        Party {
            account,
            sid: sid.clone(),
            from: from.to_owned(),
            to: to.to_owned(),
            direction: "inbound".to_owned(),
            body: None,
        },
        settings.status_callback,
        settings.fallback,
    );
    start(run, settings.url)?;
    Ok(CallSid::from(sid))
}

/// Simulates an SMS from `from` to your number `to`: the message is stored (`incoming`,
/// `received`) and the number's `SmsUrl` (or its SMS application's) is requested with its
/// `SmsMethod` (its `SmsFallbackUrl` when that fails); the document's `Sms` and `Mms`
/// replies are sent (`outbound-reply`) and its `Redirect`s followed. Returns at once with
/// the message's sid; [`wait_sms_handled`] waits until the document has run. Must be
/// called within a tokio runtime.
///
/// # Errors
///
/// As [`incoming_call`], for the SMS URL.
pub fn incoming_sms(sim: &Simulator, from: &str, to: &str, body: &str) -> Result<SmsSid> {
    let (account, settings) = number_settings(sim, to, "sms")?;
    let sid = super::new_sid("SM");
    let now = super::now();
    let message = json!({
        "sid": sid, "account_sid": account, "body": body, "status": "received",
        "direction": "incoming", "from": from, "to": to, "price": "0.00",
        "date_created": now, "date_sent": now, "date_updated": now, "api_version": "v2",
        "uri": format!("/v2/Accounts/{account}/SMS/Messages/{sid}"),
    });
    sim.with_store(|s| s.insert("sms", &[&account], &sid, message));
    let run = Run::new(
        sim.handle(),
        sim.state::<Flows>(),
        Party {
            account,
            sid: sid.clone(),
            from: from.to_owned(),
            to: to.to_owned(),
            direction: "incoming".to_owned(),
            body: Some(body.to_owned()),
        },
        None,
        settings.fallback,
    );
    start(run, settings.url)?;
    Ok(SmsSid::from(sid))
}

/// Called by Make Call's create hook with the new call and the form: a call whose `Url` is
/// on loopback runs it.
pub(crate) fn made_call(store: &Store, call: &Value, form: &Value) {
    let Some(url) = super::field(form, "url").filter(|u| is_loopback(u)) else {
        return;
    };
    let Some(sim) = store.simulator() else {
        return;
    };
    let Some(flows) = sim.state::<Flows>() else {
        return;
    };
    let text = |name: &str| call[name].as_str().unwrap_or_default().to_owned();
    let target = |url: Option<String>, method: &str| {
        url.map(|url| Target {
            url,
            method: method_of(super::field(form, method).as_deref()),
        })
    };
    let run = Run::new(
        sim,
        flows,
        Party {
            account: text("account_sid"),
            sid: text("sid"),
            from: text("from"),
            to: text("to"),
            direction: "outbound-api".to_owned(),
            body: None,
        },
        target(
            super::field(form, "status_callback"),
            "status_callback_method",
        ),
        target(super::field(form, "fallback_url"), "fallback_method"),
    );
    let first = Target {
        url,
        method: method_of(super::field(form, "method").as_deref()),
    };
    let _ = start(run, first);
}

/// Registers the run and spawns it.
fn start(run: Run, first: Target) -> Result<()> {
    run.flows.begin(&run.party.sid, &run.party.account);
    let (sim, flows, sid) = (run.sim.clone(), run.flows.clone(), run.party.sid.clone());
    let message = run.party.body.is_some();
    let spawned = if message {
        sim.spawn(run.message(first))
    } else {
        sim.spawn(run.call(first))
    };
    if !spawned {
        flows.end(&sid);
        return Err(Error::invalid_input(
            "runtime",
            "the simulator runs InboundXML on a tokio runtime: call this within one",
        ));
    }
    Ok(())
}

/// A URL and the method to request it with.
#[derive(Debug, Clone)]
struct Target {
    url: String,
    method: HttpMethod,
}

/// GET, or POST for anything else ("any other value will default to POST").
fn method_of(text: Option<&str>) -> HttpMethod {
    match text {
        Some(m) if m.trim().eq_ignore_ascii_case("GET") => HttpMethod::Get,
        _ => HttpMethod::Post,
    }
}

fn wire_method(m: &HttpMethod) -> Method {
    match m {
        HttpMethod::Get => Method::GET,
        _ => Method::POST,
    }
}

/// A number's URL settings for `kind` (`voice` or `sms`).
struct Settings {
    number_sid: String,
    url: Target,
    fallback: Option<Target>,
    status_callback: Option<Target>,
}

fn number_settings(sim: &Simulator, to: &str, kind: &str) -> Result<(String, Settings)> {
    let wanted = to.trim();
    let found = sim.with_store(|s| {
        ["incoming_numbers", "byoc_numbers"]
            .into_iter()
            .flat_map(|name| s.all(name))
            .find(|(_, _, n)| n["phone_number"].as_str().map(str::trim) == Some(wanted))
            .map(|(params, _, n)| {
                let account = params.first().cloned().unwrap_or_default();
                let app = n[format!("{kind}_application_sid")]
                    .as_str()
                    .and_then(|app| s.get("applications", &[&account], app))
                    .cloned();
                (account, n.clone(), app)
            })
    });
    let Some((account, number, app)) = found else {
        return Err(Error::invalid_input(
            "to",
            format!("no incoming number is {wanted}: buy or seed one first"),
        ));
    };
    let text = |v: &Value, name: &str| {
        v[name]
            .as_str()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    // The number's own settings, else its application's.
    let setting =
        |name: &str| text(&number, name).or_else(|| app.as_ref().and_then(|a| text(a, name)));
    let target = |url: &str, method: &str| {
        setting(url).map(|url| Target {
            url,
            method: method_of(setting(method).as_deref()),
        })
    };
    let Some(url) = target(&format!("{kind}_url"), &format!("{kind}_method")) else {
        return Err(Error::invalid_input(
            "to",
            format!("the number {wanted} has no {} URL", kind.to_uppercase()),
        ));
    };
    if !is_loopback(&url.url) {
        return Err(Error::invalid_input(
            "to",
            format!(
                "the {kind} URL of {wanted}, `{}`, is not on loopback: the simulator requests \
                 only 127.0.0.1, ::1 and localhost",
                url.url
            ),
        ));
    }
    let status_callback = target("status_callback", "status_callback_method")
        .or_else(|| target("hangup_callback", "hangup_callback_method"));
    Ok((
        account,
        Settings {
            number_sid: text(&number, "sid").unwrap_or_default(),
            fallback: target(
                &format!("{kind}_fallback_url"),
                &format!("{kind}_fallback_method"),
            ),
            status_callback: (kind == "voice").then_some(status_callback).flatten(),
            url,
        },
    ))
}

// ---------------------------------------------------------------------------------------
// A run.

/// Who a run is about.
struct Party {
    account: String,
    /// The call's sid, or the incoming message's.
    sid: String,
    from: String,
    to: String,
    direction: String,
    /// The incoming message's text: a message's run.
    body: Option<String>,
}

/// One call (or one incoming message) running its documents.
struct Run {
    sim: SimulatorHandle,
    flows: Arc<Flows>,
    party: Party,
    status_callback: Option<Target>,
    fallback: Option<Target>,
    /// Answered: made calls are, incoming ones once a verb other than `Reject` runs.
    answered: bool,
    /// The call's clock, in seconds since it was answered.
    seconds: u64,
    /// The URL of the document running, against which relative URLs are resolved.
    current: Option<url::Url>,
    documents: u32,
    last_recording: Option<String>,
}

/// What a document leaves to do.
enum Step {
    /// Request this URL with these parameters (beside the call's own) and run its answer.
    Next(Target, Box<CallbackParams>),
    /// The call ended in this status.
    End(CallStatus),
    /// The document is done; so is the call.
    Done,
}

impl Step {
    fn next(target: Target, extra: CallbackParams) -> Step {
        Step::Next(target, Box::new(extra))
    }
}

/// A failure the simulator reports as a notification.
struct Notice {
    level: u32,
    code: u32,
    message: String,
    request: Option<(String, String, String)>,
    response: Option<String>,
}

impl Notice {
    fn error(code: u32, message: impl Into<String>) -> Self {
        Notice {
            level: 0,
            code,
            message: message.into(),
            request: None,
            response: None,
        }
    }

    fn warning(code: u32, message: impl Into<String>) -> Self {
        Notice {
            level: 1,
            ..Notice::error(code, message)
        }
    }

    fn request(mut self, url: &str, method: &HttpMethod, params: &[(String, String)]) -> Self {
        let form = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(params)
            .finish();
        self.request = Some((url.to_owned(), method.as_str().to_owned(), form));
        self
    }

    fn response(mut self, body: &str) -> Self {
        self.response = Some(body.to_owned());
        self
    }
}

/// An error and its causes, on one line.
fn chain(e: &Error) -> String {
    let mut out = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        out.push_str(": ");
        out.push_str(&cause.to_string());
        source = cause.source();
    }
    out
}

impl Run {
    fn new(
        sim: SimulatorHandle,
        flows: Arc<Flows>,
        party: Party,
        status_callback: Option<Target>,
        fallback: Option<Target>,
    ) -> Self {
        Run {
            answered: party.direction != "inbound",
            sim,
            flows,
            party,
            status_callback,
            fallback,
            seconds: 0,
            current: None,
            documents: 0,
            last_recording: None,
        }
    }

    fn is_message(&self) -> bool {
        self.party.body.is_some()
    }

    fn log(&self, entry: TranscriptEntry) {
        self.flows.log(&self.party.sid, entry);
    }

    /// Changes the stored call.
    fn update_call(&self, f: impl FnOnce(&mut Value)) {
        let (account, sid) = (&self.party.account, &self.party.sid);
        self.sim.with_store(|s| {
            if let Some(call) = s.get_mut("calls", &[account], sid) {
                f(call);
            }
        });
    }

    /// The stored call's status, when it has ended (an Interrupt Live Call ended it), or
    /// the simulator has stopped.
    fn ended_outside(&self) -> Option<CallStatus> {
        let (account, sid) = (&self.party.account, &self.party.sid);
        let status = self.sim.with_store(|s| {
            s.get("calls", &[account], sid)
                .and_then(|c| c["status"].as_str())
                .map(|st| st.parse::<CallStatus>().unwrap_or_else(|n| match n {}))
        });
        match status {
            None => Some(CallStatus::Canceled),
            Some(Some(st)) if st.is_final() => Some(st),
            Some(_) => None,
        }
    }

    fn answer(&mut self) {
        if self.answered {
            return;
        }
        self.answered = true;
        self.update_call(|c| {
            c["status"] = json!("in-progress");
            c["answered_by"] = json!("human");
            c["start_time"] = json!(super::now());
            c["date_updated"] = json!(super::now());
        });
    }

    fn status(&self) -> CallStatus {
        if self.answered {
            CallStatus::InProgress
        } else {
            CallStatus::Ringing
        }
    }

    /// The parameters of a request: the call's (or the message's) own, then `extra`.
    fn params(&self, extra: &CallbackParams) -> Vec<(String, String)> {
        let p = &self.party;
        let mut base = CallbackParams::new()
            .account_sid(p.account.as_str())
            .from(p.from.as_str())
            .to(p.to.as_str())
            .direction(p.direction.as_str())
            .api_version("v2");
        base = match &p.body {
            Some(body) => base
                .sms_sid(p.sid.as_str())
                .body(body.as_str())
                .sms_status(MessageStatus::Received),
            None => base.call_sid(p.sid.as_str()).call_status(self.status()),
        };
        let mut pairs = base.to_pairs();
        let extra = extra.to_pairs();
        pairs.retain(|(name, _)| !extra.iter().any(|(n, _)| n == name));
        CallbackParams::from_pairs(pairs.into_iter().chain(extra)).to_pairs()
    }

    /// Stores a notification (and, for an error, the transcript's entry).
    fn notify(&self, notice: Notice) {
        let sid = super::new_sid("NO");
        let account = &self.party.account;
        let now = super::now();
        let mut item = json!({
            "sid": sid, "account_sid": account, "date_created": now, "date_updated": now,
            "log": notice.level, "error_code": notice.code,
            "more_info": format!("http://www.zang.io/docs/api/rest/overview/errors/{}", notice.code),
            "message_text": notice.message, "message_date": now, "api_version": "v2",
            "uri": format!("/v2/Accounts/{account}/Notifications/{sid}"),
        });
        if self.is_message() {
            item["sms_sid"] = json!(self.party.sid);
        } else {
            item["call_sid"] = json!(self.party.sid);
        }
        if let Some((url, method, form)) = &notice.request {
            item["request_url"] = json!(url);
            item["request_method"] = json!(method);
            item["request_variables"] = json!(form);
        }
        if let Some(body) = &notice.response {
            item["response_body"] = json!(body);
        }
        self.sim
            .with_store(|s| s.insert("notifications", &[account], &sid, item));
        if notice.level == 0 {
            self.log(TranscriptEntry::Error {
                code: ErrorCode::from(notice.code),
                message: notice.message,
            });
        }
    }

    /// `url` resolved against the running document's URL.
    fn resolve(&self, url: &str) -> std::result::Result<url::Url, String> {
        let url = url.trim();
        let parsed = match &self.current {
            Some(base) => base.join(url),
            None => url::Url::parse(url),
        };
        parsed.map_err(|e| format!("`{url}` is not a URL: {e}"))
    }

    /// Requests a URL whose answer is not a document (a callback, a `Ping`); a failure is
    /// a warning notification.
    async fn tell(&self, what: &str, target: &Target, params: &[(String, String)]) {
        let url = match self.resolve(&target.url) {
            Ok(url) => url,
            Err(message) => {
                self.notify(Notice::warning(11100, format!("{what}: {message}")));
                return;
            }
        };
        let notice = |code, message: String| {
            Notice::warning(code, format!("{what}: {message}")).request(
                url.as_str(),
                &target.method,
                params,
            )
        };
        match request_url(
            &wire_method(&target.method),
            url.as_str(),
            params,
            URL_TIMEOUT,
        )
        .await
        {
            Ok(answer) if answer.status.is_success() => {}
            Ok(answer) => self.notify(
                notice(11200, format!("{url} answered {}", answer.status)).response(&answer.body),
            ),
            Err(e) => self.notify(notice(fetch_code(&e), chain(&e))),
        }
    }

    /// Requests a document and checks it; every failure is reported.
    async fn fetch(&mut self, target: &Target, params: &[(String, String)]) -> Option<Response> {
        self.documents += 1;
        if self.documents > MAX_DOCUMENTS {
            self.notify(Notice::error(
                12400,
                format!("the call fetched {MAX_DOCUMENTS} documents: the simulator ends it"),
            ));
            return None;
        }
        let url = match self.resolve(&target.url) {
            Ok(url) => url,
            Err(message) => {
                self.notify(Notice::error(11100, message));
                return None;
            }
        };
        let failed = |code, message: String| {
            Notice::error(code, message).request(url.as_str(), &target.method, params)
        };
        let answer = match request_url(
            &wire_method(&target.method),
            url.as_str(),
            params,
            URL_TIMEOUT,
        )
        .await
        {
            Ok(answer) => answer,
            Err(e) => {
                self.notify(failed(fetch_code(&e), chain(&e)));
                return None;
            }
        };
        if !answer.status.is_success() {
            self.notify(
                failed(11200, format!("{url} answered {}", answer.status)).response(&answer.body),
            );
            return None;
        }
        let doc = match Response::from_xml(&answer.body) {
            Ok(doc) => doc,
            Err(e) => {
                self.notify(failed(e.code().code(), e.to_string()).response(&answer.body));
                return None;
            }
        };
        let (warnings, errors): (Vec<_>, Vec<_>) = doc
            .check()
            .into_iter()
            .partition(|v| v.code.code() == 12200);
        for v in warnings {
            self.notify(Notice::warning(12200, v.to_string()).request(
                url.as_str(),
                &target.method,
                params,
            ));
        }
        if !errors.is_empty() {
            for v in errors {
                self.notify(failed(v.code.code(), v.to_string()).response(&answer.body));
            }
            return None;
        }
        self.current = Some(url);
        Some(doc)
    }

    /// The document at `target`, or at the fallback URL when `first` and it fails.
    async fn document(
        &mut self,
        target: &Target,
        extra: &CallbackParams,
        first: bool,
    ) -> Option<Response> {
        let params = self.params(extra);
        if let Some(doc) = self.fetch(target, &params).await {
            return Some(doc);
        }
        let fallback = self.fallback.take().filter(|_| first)?;
        self.notify(
            Notice::warning(12105, format!("using the fallback URL {}", fallback.url)).request(
                &target.url,
                &target.method,
                &params,
            ),
        );
        self.fetch(&fallback, &params).await
    }

    /// A call: its documents one after the other, then its end.
    async fn call(mut self, first: Target) {
        if self.answered {
            // A made call is answered: it leaves the read-driven lifecycle.
            let (account, sid) = (self.party.account.clone(), self.party.sid.clone());
            let known = self
                .sim
                .with_store(|s| {
                    let call = s.get("calls", &[&account], &sid).cloned()?;
                    let mut call = call;
                    call["status"] = json!("in-progress");
                    call["answered_by"] = json!("human");
                    call["start_time"] = json!(super::now());
                    s.insert("calls", &[&account], &sid, call);
                    Some(())
                })
                .flatten();
            if known.is_none() {
                self.flows.end(&sid);
                return;
            }
        }
        let mut next = Some((first, CallbackParams::new(), true));
        let mut end = None;
        while let Some((target, extra, first)) = next.take() {
            if self.ended_outside().is_some() {
                break;
            }
            let Some(doc) = self.document(&target, &extra, first).await else {
                end = Some(if self.answered {
                    CallStatus::Completed
                } else {
                    CallStatus::Failed
                });
                break;
            };
            match self.run_call_document(doc).await {
                Step::Next(target, extra) => next = Some((target, *extra, false)),
                Step::End(status) => end = Some(status),
                Step::Done => {}
            }
        }
        self.finish(end).await;
    }

    /// An incoming message: its documents, its replies.
    async fn message(mut self, first: Target) {
        let mut next = Some((first, CallbackParams::new(), true));
        while let Some((target, extra, first)) = next.take() {
            let Some(doc) = self.document(&target, &extra, first).await else {
                break;
            };
            if let Step::Next(target, extra) = self.run_message_document(doc).await {
                next = Some((target, *extra, false));
            }
        }
        self.flows.end(&self.party.sid);
    }

    /// The call's end: its status and duration stored, its status callback requested.
    async fn finish(mut self, end: Option<CallStatus>) {
        let outside = self.ended_outside();
        let status = outside.clone().or(end).unwrap_or(CallStatus::Completed);
        if !self.answered {
            self.seconds = 0;
        }
        let seconds = self.seconds;
        let ended_at = Utc::now() + chrono::Duration::seconds(seconds as i64);
        self.update_call(|c| {
            c["status"] = json!(status.as_str());
            c["duration"] = json!(seconds);
            c["duration_billed"] = json!(seconds.div_ceil(60) * 60);
            c["end_time"] = json!(super::date(ended_at));
            c["date_updated"] = json!(super::now());
            if seconds > 0 && c["start_time"] == "" {
                c["start_time"] = json!(super::now());
            }
        });
        if let Some(callback) = self.status_callback.take() {
            let extra = CallbackParams::new()
                .call_status(status.clone())
                .call_duration(seconds);
            let params = self.params(&extra);
            self.tell("the status callback", &callback, &params).await;
        }
        self.flows.end(&self.party.sid);
    }

    /// Runs a call's document.
    async fn run_call_document(&mut self, doc: Response) -> Step {
        if let Some(url) = &doc.status_callback {
            self.status_callback = Some(Target {
                url: url.clone(),
                method: doc.status_method.clone().unwrap_or(HttpMethod::Post),
            });
        }
        for verb in doc.verbs {
            if let Some(status) = self.ended_outside() {
                return Step::End(status);
            }
            if !matches!(verb, ResponseVerb::Reject(_)) {
                self.answer();
            }
            match verb {
                ResponseVerb::Answer(_) => self.log(TranscriptEntry::Answer),
                ResponseVerb::Say(say) => self.prompt(GatherChild::Say(say)),
                ResponseVerb::Play(play) => self.prompt(GatherChild::Play(play)),
                ResponseVerb::Pause(pause) => self.prompt(GatherChild::Pause(pause)),
                ResponseVerb::PlayLastRecording(p) => {
                    self.prompt(GatherChild::PlayLastRecording(p))
                }
                ResponseVerb::Gather(gather) => {
                    if let Some(step) = self.gather(gather) {
                        return step;
                    }
                }
                ResponseVerb::GetSpeech(get) => {
                    if let Some(step) = self.get_speech(get) {
                        return step;
                    }
                }
                ResponseVerb::Record(record) => {
                    if let Some(step) = self.record(record) {
                        return step;
                    }
                }
                ResponseVerb::Dial(dial) => {
                    if let Some(step) = self.dial(dial) {
                        return step;
                    }
                }
                ResponseVerb::Redirect(r) => {
                    self.log(TranscriptEntry::Redirect {
                        url: r.text.clone(),
                    });
                    return Step::next(
                        Target {
                            url: r.text,
                            method: r.method.unwrap_or(HttpMethod::Post),
                        },
                        CallbackParams::new(),
                    );
                }
                ResponseVerb::Ping(ping) => {
                    let target = Target {
                        url: ping.text.clone(),
                        method: ping.method.unwrap_or(HttpMethod::Post),
                    };
                    let params = self.params(&CallbackParams::new());
                    self.tell("Ping", &target, &params).await;
                    self.log(TranscriptEntry::Ping { url: ping.text });
                }
                ResponseVerb::Sms(sms) => {
                    let sent = Sent {
                        mms: None,
                        to: sms.to,
                        from: sms.from,
                        body: sms.text,
                        action: sms.action.map(|url| Target {
                            url,
                            method: sms.method.unwrap_or(HttpMethod::Post),
                        }),
                        status_callback: sms.status_callback.map(|url| Target {
                            url,
                            method: sms.status_callback_method.unwrap_or(HttpMethod::Post),
                        }),
                    };
                    if let Some(step) = self.send(sent).await {
                        return step;
                    }
                }
                ResponseVerb::Mms(mms) => {
                    let sent = Sent {
                        mms: Some(mms.media_url),
                        to: mms.to,
                        from: mms.from,
                        body: mms.text,
                        action: mms.action.map(|url| Target {
                            url,
                            method: mms.method.unwrap_or(HttpMethod::Post),
                        }),
                        status_callback: mms.status_callback.map(|url| Target {
                            url,
                            method: mms.status_callback_method.unwrap_or(HttpMethod::Post),
                        }),
                    };
                    if let Some(step) = self.send(sent).await {
                        return step;
                    }
                }
                ResponseVerb::Hangup(h) => {
                    self.log(TranscriptEntry::Hangup { reason: h.reason });
                    return Step::End(CallStatus::Completed);
                }
                ResponseVerb::Reject(r) => {
                    let status = match (&r.reason, self.answered) {
                        (_, true) => CallStatus::Completed,
                        (Some(RejectReason::Busy), false) => CallStatus::Busy,
                        (_, false) => CallStatus::Failed,
                    };
                    self.log(TranscriptEntry::Reject { reason: r.reason });
                    return Step::End(status);
                }
                ResponseVerb::Connect(_) => self.not_run("Connect", "agents are not simulated"),
                ResponseVerb::Refer(_) => self.not_run("Refer", "SIP transfers are not simulated"),
                other => self.not_run(other.name(), "not an element a call runs"),
            }
        }
        Step::Done
    }

    /// Runs a message's document: its replies and redirects.
    async fn run_message_document(&mut self, doc: Response) -> Step {
        for verb in doc.verbs {
            let name = verb.name().to_owned();
            let sent = match verb {
                ResponseVerb::Sms(sms) => Sent {
                    mms: None,
                    to: sms.to,
                    from: sms.from,
                    body: sms.text,
                    action: sms.action.map(|url| Target {
                        url,
                        method: sms.method.unwrap_or(HttpMethod::Post),
                    }),
                    status_callback: sms.status_callback.map(|url| Target {
                        url,
                        method: sms.status_callback_method.unwrap_or(HttpMethod::Post),
                    }),
                },
                ResponseVerb::Mms(mms) => Sent {
                    mms: Some(mms.media_url),
                    to: mms.to,
                    from: mms.from,
                    body: mms.text,
                    action: mms.action.map(|url| Target {
                        url,
                        method: mms.method.unwrap_or(HttpMethod::Post),
                    }),
                    status_callback: mms.status_callback.map(|url| Target {
                        url,
                        method: mms.status_callback_method.unwrap_or(HttpMethod::Post),
                    }),
                },
                ResponseVerb::Redirect(r) => {
                    self.log(TranscriptEntry::Redirect {
                        url: r.text.clone(),
                    });
                    return Step::next(
                        Target {
                            url: r.text,
                            method: r.method.unwrap_or(HttpMethod::Post),
                        },
                        CallbackParams::new(),
                    );
                }
                _ => {
                    self.not_run(
                        &name,
                        "a message's document only sends messages and redirects",
                    );
                    continue;
                }
            };
            if let Some(step) = self.send(sent).await {
                return step;
            }
        }
        Step::Done
    }

    fn not_run(&self, verb: &str, reason: &str) {
        self.log(TranscriptEntry::NotRun {
            verb: verb.to_owned(),
            reason: reason.to_owned(),
        });
    }

    /// A prompt: `Say`, `Play`, `Pause`, `PlayLastRecording`, on its own or in a `Gather`.
    fn prompt(&mut self, prompt: GatherChild) {
        match prompt {
            GatherChild::Say(say) => {
                let loops = say.loop_count.unwrap_or(1);
                let words = say.text.chars().count().div_ceil(15).max(1) as u64;
                self.seconds += words * u64::from(loops.max(1));
                self.log(TranscriptEntry::Say {
                    text: say.text,
                    voice: say.voice,
                    language: say.language,
                    loops,
                });
            }
            GatherChild::Play(play) => {
                let loops = play.loop_count.unwrap_or(1);
                self.seconds += 5 * u64::from(loops.max(1));
                self.log(TranscriptEntry::Play {
                    url: play.text,
                    loops,
                });
            }
            GatherChild::Pause(pause) => {
                let seconds = pause.length.unwrap_or(1);
                self.seconds += u64::from(seconds);
                self.log(TranscriptEntry::Pause { seconds });
            }
            GatherChild::PlayLastRecording(_) => {
                self.seconds += 5;
                self.log(TranscriptEntry::PlayLastRecording {
                    recording_url: self.last_recording.clone(),
                });
            }
            GatherChild::Unknown(raw) => self.not_run(&raw.name, "not a prompt"),
        }
    }

    fn input(&self) -> Option<CallInput> {
        self.flows.input(&self.party.sid, &self.party.to)
    }

    /// The action of a verb that listened: its `action`, else the running document's URL.
    fn action(&self, url: Option<String>, method: Option<HttpMethod>) -> Target {
        Target {
            url: url
                .or_else(|| self.current.as_ref().map(url::Url::to_string))
                .unwrap_or_default(),
            method: method.unwrap_or(HttpMethod::Post),
        }
    }

    fn gather(&mut self, gather: Gather) -> Option<Step> {
        for child in gather.children {
            self.prompt(child);
        }
        let (dtmf, speech) = match &gather.input {
            None | Some(GatherInput::Dtmf) => (true, false),
            Some(GatherInput::Speech) => (false, true),
            Some(_) => (true, true),
        };
        let heard = match self.input() {
            Some(CallInput::Digits(keys)) if dtmf => {
                let finish = gather.finish_on_key.as_deref().unwrap_or("#");
                let end = keys.find(|c| finish.contains(c)).unwrap_or(keys.len());
                let mut keys = keys[..end].to_owned();
                if let Some(n) = gather.num_digits {
                    keys = keys.chars().take(n as usize).collect();
                }
                (!keys.is_empty()).then_some(CallInput::Digits(keys))
            }
            Some(CallInput::Speech(words)) if speech => Some(CallInput::Speech(words)),
            _ => None,
        };
        self.log(TranscriptEntry::Gather {
            heard: heard.clone(),
        });
        let Some(heard) = heard else {
            self.seconds += u64::from(gather.timeout.unwrap_or(5));
            return None;
        };
        self.seconds += 1;
        let extra = match heard {
            CallInput::Speech(words) => CallbackParams::new().speech_result(words),
            CallInput::Digits(keys) => CallbackParams::new().digits(keys),
            _ => CallbackParams::new(),
        };
        Some(Step::next(self.action(gather.action, gather.method), extra))
    }

    fn get_speech(&mut self, get: GetSpeech) -> Option<Step> {
        for child in get.children {
            self.prompt(child);
        }
        let heard = match self.input() {
            Some(CallInput::Speech(words)) => Some(words),
            _ => None,
        };
        self.log(TranscriptEntry::GetSpeech {
            heard: heard.clone(),
        });
        let Some(words) = heard else {
            self.seconds += u64::from(get.timeout.unwrap_or(5));
            return None;
        };
        self.seconds += 1;
        Some(Step::next(
            self.action(get.action, get.method),
            CallbackParams::new().speech_result(words),
        ))
    }

    fn record(&mut self, record: Record) -> Option<Step> {
        let Some(CallInput::Recording { seconds }) = self.input() else {
            self.log(TranscriptEntry::Record {
                recording: None,
                seconds: 0,
            });
            self.seconds += u64::from(record.timeout.unwrap_or(5));
            return None;
        };
        let seconds = record.max_length.map_or(seconds, |max| seconds.min(max));
        let sid = super::new_sid("RE");
        let ext = record
            .file_format
            .clone()
            .filter(|f| !f.trim().is_empty())
            .unwrap_or_else(|| "mp3".to_owned());
        let url = format!("https://recordings.sim.invalid/{sid}.{ext}");
        let (account, call_sid) = (&self.party.account, &self.party.sid);
        let now = super::now();
        let recording = json!({
            "sid": sid, "account_sid": account, "call_sid": call_sid, "duration": seconds,
            "date_created": now, "date_updated": now, "recording_url": url,
            "api_version": "v2", "uri": format!("/v2/Accounts/{account}/Recordings/{sid}"),
            "price": "0.00",
        });
        self.sim.with_store(|s| {
            s.insert("recordings", &[account], &sid, recording);
            if let Some(call) = s.get_mut("calls", &[account], call_sid) {
                let count = call["recordings_count"]
                    .as_str()
                    .and_then(|c| c.parse::<u32>().ok())
                    .unwrap_or(0);
                call["recordings_count"] = json!((count + 1).to_string());
            }
        });
        self.seconds += u64::from(seconds);
        self.last_recording = Some(url.clone());
        self.log(TranscriptEntry::Record {
            recording: Some(RecordingSid::from(sid.as_str())),
            seconds,
        });
        let extra = CallbackParams::new()
            .recording_sid(sid.as_str())
            .recording_url(url)
            .recording_duration(u64::from(seconds));
        Some(Step::next(self.action(record.action, record.method), extra))
    }

    fn dial(&mut self, dial: Dial) -> Option<Step> {
        let mut targets: Vec<Dialed> = dial
            .text
            .iter()
            .map(|t| Dialed::Number(t.trim().to_owned()))
            .collect();
        for target in &dial.targets {
            targets.push(match target {
                DialTarget::Number(n) => Dialed::Number(n.text.trim().to_owned()),
                DialTarget::Sip(s) => Dialed::Sip(s.text.trim().to_owned()),
                DialTarget::User(u) => Dialed::User(u.text.trim().to_owned()),
                DialTarget::Conference(c) => Dialed::Conference(c.text.trim().to_owned()),
                DialTarget::Unknown(raw) => {
                    self.not_run(&raw.name, "not a target of Dial");
                    continue;
                }
            });
        }
        let seconds = dial
            .time_limit
            .map_or(DIAL_SECONDS, |limit| DIAL_SECONDS.min(u64::from(limit)));
        // The first target that is not a conference answers.
        let called = targets.iter().find_map(|t| match t {
            Dialed::Number(n) | Dialed::Sip(n) | Dialed::User(n) => Some(n.clone()),
            Dialed::Conference(_) => None,
        });
        let call_sid = called.map(|to| {
            let sid = super::new_sid("CA");
            let account = &self.party.account;
            let from = dial
                .caller_id
                .clone()
                .unwrap_or_else(|| self.party.from.clone());
            let uri = format!("/v2/Accounts/{account}/Calls/{sid}");
            let mut child =
                crate::calls::new_call(&sid, account, (&from, &to), "outbound-dial", &uri);
            let now = Utc::now();
            child["parent_call_sid"] = json!(self.party.sid);
            child["status"] = json!("completed");
            child["answered_by"] = json!("human");
            child["start_time"] = json!(super::date(now));
            child["end_time"] = json!(super::date(now + chrono::Duration::seconds(seconds as i64)));
            child["duration"] = json!(seconds);
            child["duration_billed"] = json!(seconds.div_ceil(60) * 60);
            self.sim
                .with_store(|s| s.insert("calls", &[account], &sid, child));
            CallSid::from(sid)
        });
        self.seconds += seconds;
        self.log(TranscriptEntry::Dial {
            targets,
            status: CallStatus::Completed,
            call_sid: call_sid.clone(),
            seconds,
        });
        let action = dial.action?;
        let mut extra = CallbackParams::new()
            .dial_call_status(CallStatus::Completed)
            .dial_call_duration(seconds);
        if let Some(sid) = call_sid {
            extra = extra.dial_call_sid(sid);
        }
        Some(Step::next(
            Target {
                url: action,
                method: dial.method.unwrap_or(HttpMethod::Post),
            },
            extra,
        ))
    }

    /// `Sms` and `Mms`: the message stored as sent, its status callback told, its action
    /// requested.
    async fn send(&mut self, sent: Sent) -> Option<Step> {
        let account = self.party.account.clone();
        let now = super::now();
        let direction = if self.is_message() {
            "outbound-reply"
        } else {
            "outbound-call"
        };
        let (resource, prefix, path) = match sent.mms {
            Some(_) => ("mms", "MM", "MMS/Messages"),
            None => ("sms", "SM", "SMS/Messages"),
        };
        let sid = super::new_sid(prefix);
        let mut item = json!({
            "account_sid": account, "body": sent.body, "status": "sent",
            "direction": direction, "from": sent.from, "to": sent.to, "price": "0.0075",
            "date_created": now, "date_sent": now, "date_updated": now, "api_version": "v2",
            "uri": format!("/v2/Accounts/{account}/{path}/{sid}"),
        });
        match &sent.mms {
            Some(media) => {
                item["mms_sid"] = json!(sid);
                item["media_url"] = json!(media);
                self.log(TranscriptEntry::Mms {
                    sid: MmsSid::from(sid.as_str()),
                    to: sent.to.clone(),
                    from: sent.from.clone(),
                    media_url: media.clone(),
                    body: sent.body.clone(),
                });
            }
            None => {
                item["sid"] = json!(sid);
                self.log(TranscriptEntry::Sms {
                    sid: SmsSid::from(sid.as_str()),
                    to: sent.to.clone(),
                    from: sent.from.clone(),
                    body: sent.body.clone(),
                });
            }
        }
        self.sim
            .with_store(|s| s.insert(resource, &[&account], &sid, item));
        if let Some(callback) = &sent.status_callback {
            let params = CallbackParams::new()
                .account_sid(account.as_str())
                .sms_sid(sid.as_str())
                .from(sent.from.as_str())
                .to(sent.to.as_str())
                .body(sent.body.as_str())
                .sms_status(MessageStatus::Sent)
                .direction(direction)
                .api_version("v2")
                .to_pairs();
            self.tell("the message's status callback", callback, &params)
                .await;
        }
        let action = sent.action?;
        Some(Step::next(
            action,
            CallbackParams::new()
                .sms_sid(sid.as_str())
                .sms_status(MessageStatus::Sent),
        ))
    }
}

/// A message a document sends.
struct Sent {
    /// The media URL of an MMS; `None` for an SMS.
    mms: Option<String>,
    to: String,
    from: String,
    body: String,
    action: Option<Target>,
    status_callback: Option<Target>,
}

/// The code of a URL that failed: 11205 (HTTP connection failure) when it could not be
/// reached, else 11200 (HTTP retrieval failure: a timeout, a URL not on loopback, an
/// answer that could not be read).
fn fetch_code(e: &Error) -> u32 {
    match e.kind() {
        ErrorKind::Transport if e.is_connect() => 11205,
        _ => 11200,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn methods_default_to_post_and_codes_name_the_failure() {
        assert_eq!(method_of(Some("get")), HttpMethod::Get);
        assert_eq!(method_of(Some("PUT")), HttpMethod::Post);
        assert_eq!(method_of(None), HttpMethod::Post);
        assert_eq!(fetch_code(&Error::invalid_input("url", "x")), 11200);
        assert_eq!(CallInput::from(String::from("12")), CallInput::digits("12"));
    }
}
