//! The simulator of the Avaya Communications APIs (feature `simulator`): a stateful fake on
//! `127.0.0.1` for the examples and for testing your own code without an account.
//!
//! It serves every path in JSON (`.json`) and XML (`.xml`) below `/v2`, checks the fields
//! the document requires (answering a `RestException` as the API does), and pages lists
//! zero-indexed with `Page`/`PageSize` (at most 50) and `next_page_uri`. Made calls move
//! `queued` → `ringing` → `in-progress` → `completed`, one status per read of the call
//! ([`set_reads_per_status`] slows that down, [`end_next_call`] makes the next call end
//! busy, unanswered or failed); sent SMS and MMS move `queued` → `sending` → `sent`
//! ([`fail_next_message`] makes the next one fail). Interrupting a call ends it at once.
//! Recordings start with [`RecordCall`](crate::recordings::RecordCall); transcriptions
//! are `in-progress`, then `completed`; applications are stored as created; usages,
//! notifications, conferences and their participants exist once [seeded](seed)
//! ([`seed_participant`]). Calls and SMS whose URLs are on loopback run their InboundXML
//! (see "Running InboundXML" below).
//!
//! It is the `sdk-core` simulator engine, told the API's conventions (the path suffix that
//! picks the format, forms read into snake_case fields, `<Response>` around XML answers,
//! `RestException` errors) in [`api`], and each family's resources in the `simulate`
//! function at the end of its file.
//!
//! `TESTING.md`, at the root of the workspace, shows how to test your own code against it,
//! with a complete example per vendor.
//!
//! ```
//! use cpaas::sms::SendSms;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), sdk_core::Error> {
//! let sim = cpaas::sim::start().await?;
//! let client = cpaas::sim::client(&sim, "AC0123")?;
//! let sms = client
//!     .account()
//!     .sms()
//!     .send(&SendSms::new("+12223334444", "+15556667777", "Hello"))
//!     .await?
//!     .wait() // the simulator's client polls every few milliseconds
//!     .await?;
//! assert_eq!(sms.status, Some(cpaas::sms::MessageStatus::Sent));
//! sim.shutdown().await;
//! # Ok(()) }
//! ```
//!
//! # Running InboundXML
//!
//! A call made with a `Url` on loopback (`127.0.0.1`, `::1`, `localhost`), and a call or
//! SMS simulated with [`incoming_call`] or [`incoming_sms`] to a number whose `VoiceUrl` or
//! `SmsUrl` is on loopback, runs its InboundXML as the platform does: the simulator
//! requests the URL with the method configured (GET: the parameters in the query; POST,
//! the default: a form) and the parameters of
//! [`CallbackParams`](crate::inboundxml::CallbackParams) (`CallSid`, `AccountSid`,
//! `From`, `To`, `CallStatus`, `Direction`, `ApiVersion`; `SmsSid`, `Body` for an SMS),
//! parses the answer with [`Response::from_xml`](crate::inboundxml::Response::from_xml)
//! and runs it in a task of its own, verb by verb:
//!
//! | verb | on the simulator |
//! | --- | --- |
//! | `Say`, `Play`, `Pause`, `PlayLastRecording` | written to the call's [`transcript`] (audio is never fetched) |
//! | `Gather`, `GetSpeech` | play their prompts, then take the caller's next [scripted](script_input) input: keys (`Digits`, up to `finishOnKey`, at most `numDigits`) or words (`SpeechResult`), and request the `action`; with nothing scripted they time out and the next verb runs |
//! | `Record` | takes a scripted [`CallInput::Recording`]: the recording is stored (listed by the client's recordings) and the `action` told `RecordingSid`, `RecordingUrl`, `RecordingDuration`; else silence, the next verb |
//! | `Dial` | its targets and outcome (`completed`, 30 seconds) in the transcript, the dialed call stored (`outbound-dial`, this call its parent), the `action` told `DialCallSid`, `DialCallStatus`, `DialCallDuration` |
//! | `Redirect` | the next document |
//! | `Sms`, `Mms` | the message stored as sent (listed by the client), its `statusCallback` told, its `action` requested |
//! | `Ping` | the URL requested, its answer ignored |
//! | `Hangup`, `Reject` | the call ends (`completed`; a `Reject` before anything was answered: `busy` for `reason="busy"`, else `failed`); the end of the document ends it too |
//! | `Answer` | answers (any verb but `Reject` answers an incoming call) |
//! | `Connect`, `Refer` | not simulated: a [`TranscriptEntry::NotRun`], the next verb |
//!
//! A verb without an `action` that has heard something (`Gather`, `GetSpeech`, `Record`)
//! requests the running document's URL; relative URLs are resolved against it. When the
//! call ends its status callback (Make Call's `StatusCallback`, the number's, or the
//! document's `statusCallback`) is told the final `CallStatus` and `CallDuration`.
//! Durations run on the call's own clock, not the wall's: a `Say` one second per 15
//! characters, a `Play` five, a `Pause` its `length`, a verb that timed out its `timeout`
//! (5 by default), a recording or a dialed call its length.
//!
//! A URL that fails and a document the platform refuses end the call the platform's way,
//! with a notification (listed by the client's notifications, of the account and of the
//! call) holding the code, the message, the request and the answer: 11200 (HTTP retrieval
//! failure: an error status, a timeout past [`URL_TIMEOUT`], a URL not on loopback),
//! 11205 (HTTP connection failure), 12100 (document parse failure), 12102 (the root is
//! not `Response`) and every error of [`Response::check`](crate::inboundxml::Response::check)
//! (13320 and 13215 for invalid nesting, 13520 a `Say` with no text, ...). A 12200 (schema
//! validation warning) is a warning notification and the rest of the document runs. A
//! failing first URL tries the fallback URL (a 12105 warning). A call that failed before
//! anything ran ends `failed`.
//!
//! A made call whose `Url` is not on loopback is never requested: it moves through its
//! statuses by reads as described above. A call that runs its document ignores
//! [`end_next_call`] and [`set_reads_per_status`]: its document decides.
//!
//! Not acted on (read, kept, and left alone): audio (`Play` URLs are never fetched,
//! nothing is transcribed: `Record` `transcribe`, `transcribeCallback`), heartbeats
//! (`heartbeatCallback`, `heartbeatUrl`), `Hangup` `schedule` (the call ends at once),
//! what happens on the dialed side of a `Dial` (it answers and lasts 30 seconds: `record`,
//! `ifMachine`, `hangupOnStar`, `confirmSound`, a `Number`'s `url` and `sendDigits`, a
//! `Conference`'s settings; no conference is stored), a `Gather`'s `hints` and `language`,
//! and an Interrupt Live Call's `Url` (an interrupt that ends the call does end its run).
//!
//! ```
//! use axum::Router;
//! use axum::routing::post;
//! use cpaas::inboundxml::{CallbackParams, Gather, Response, Say};
//! use cpaas::numbers::{NewNumber, NumberSettings};
//! use cpaas::sim::{CallInput, TranscriptEntry};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! // The application under test: a web server answering InboundXML.
//! let app = Router::new()
//!     .route("/menu", post(|| async {
//!         Response::new()
//!             .gather(Gather::new().num_digits(1).action("/choice").say(Say::new("Press 1.")))
//!             .to_xml()
//!     }))
//!     .route("/choice", post(|body: String| async move {
//!         let pressed = CallbackParams::from_form(&body).digits.unwrap_or_default();
//!         Response::new().say(Say::new(format!("You pressed {pressed}."))).to_xml()
//!     }));
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
//! let url = format!("http://{}/menu", listener.local_addr()?);
//! tokio::spawn(async move { axum::serve(listener, app).await });
//!
//! let sim = cpaas::sim::start().await?;
//! let client = cpaas::sim::client(&sim, "AC0123")?;
//! let number = NewNumber::phone_number("+15550001000")
//!     .settings(NumberSettings::new().voice_url(url));
//! client.account().incoming_numbers().create(&number).await?;
//!
//! cpaas::sim::script_input(&sim, "+15550001000", ["1"]);
//! let call = cpaas::sim::incoming_call(&sim, "+15559998888", "+15550001000")?;
//! let ended = cpaas::sim::wait_call_ended(&sim, &call).await?;
//! assert_eq!(ended.status, Some(cpaas::calls::CallStatus::Completed));
//! let transcript = cpaas::sim::transcript(&sim, &call);
//! assert_eq!(transcript[1], TranscriptEntry::Gather { heard: Some(CallInput::digits("1")) });
//! assert_eq!(transcript[2].said(), Some("You pressed 1."));
//! # Ok(()) }
//! ```
//!
//! # What the simulator stores
//!
//! Each resource's items are kept per account in the JSON shape of the API (snake_case
//! keys), the nested ones per account and owner. The models below implement
//! [`Simulated`], so a test seeds them with [`Simulator::seed_item`] and reads the store
//! back with [`Simulator::items`] and [`Simulator::item`], passing the ids of the path above
//! the collection as `parents`:
//!
//! | resource | model | `parents` |
//! | --- | --- | --- |
//! | `accounts` | [`AccountDetails`](crate::accounts::AccountDetails) (made on first sight) | `&[]` |
//! | `calls` | [`Call`](crate::calls::Call) | `&[account_sid]` |
//! | `recordings` | [`Recording`](crate::recordings::Recording) | `&[account_sid]` |
//! | `transcriptions` | [`Transcription`](crate::transcriptions::Transcription) | `&[account_sid]` |
//! | `notifications` | [`Notification`](crate::notifications::Notification) | `&[account_sid]` |
//! | `sms` | [`SmsMessage`](crate::sms::SmsMessage) | `&[account_sid]` |
//! | `mms` | [`MmsMessage`](crate::mms::MmsMessage) | `&[account_sid]` |
//! | `usages` | [`Usage`](crate::usages::Usage) | `&[account_sid]` |
//! | `conferences` | [`Conference`](crate::conferences::Conference) | `&[account_sid]` |
//! | `participants` | [`Participant`](crate::conferences::Participant) | `&[account_sid, conference_sid]` |
//! | `applications` | [`Application`](crate::applications::Application) | `&[account_sid]` |
//! | `incoming_numbers` | [`IncomingNumber`](crate::numbers::IncomingNumber) | `&[account_sid]` |
//! | `byoc_numbers` | [`IncomingNumber`](crate::numbers::IncomingNumber) too: seed by name | `&[account_sid]` |
//! | `agents` | [`AgentProfile`](crate::agents::AgentProfile) | `&[account_sid]` |
//! | `fraud` | [`FraudRule`](crate::fraud::FraudRule), by `country_code` | `&[account_sid]` |
//! | `sip_domains` | [`Domain`](crate::sip::Domain) | `&[account_sid]` |
//! | `sip_credential_lists` | [`CredentialList`](crate::sip::CredentialList) | `&[account_sid]` |
//! | `sip_credentials` | [`Credential`](crate::sip::Credential) | `&[account_sid, credential_list_sid]` |
//! | `sip_ip_acls` | [`IpAccessControlList`](crate::sip::IpAccessControlList) | `&[account_sid]` |
//! | `sip_ip_addresses` | [`IpAddress`](crate::sip::IpAddress) | `&[account_sid, ip_acl_sid]` |
//! | `sip_cl_mappings`, `sip_acl_mappings` | a copy of the mapped list, by its sid | `&[account_sid, domain_sid]` |
//! | `carrier_lookups`, `cnam_lookups`, `bna_lookups` | [`CarrierLookup`](crate::lookups::CarrierLookup), [`CnamLookup`](crate::lookups::CnamLookup), [`BnaLookup`](crate::lookups::BnaLookup): each number looked up | `&[account_sid]` |
//!
//! A seeded item is stored as it is, with the resource's defaults in the fields it leaves
//! out (an application's or a number's `voice_method` and `sms_method`, a number's `type`
//! and `capabilities`): nothing is checked, it is not pending whatever its status, and its
//! sid (`sid`; `mms_sid` for MMS; `country_code` for fraud rules) is generated when empty
//! and refused when taken. Unlike [`seed`], [`Simulator::seed_item`] stamps no
//! `account_sid` or `uri`, and a participant seeded with it is not counted in its
//! conference ([`seed_participant`] counts it). BYOC numbers share
//! [`IncomingNumber`](crate::numbers::IncomingNumber) with the incoming numbers, and the
//! domain mappings the list models, so they are seeded by name ([`seed`],
//! [`Simulator::seed`]) and read with [`Simulator::with_store`].
//!
//! ```
//! use cpaas::calls::{Call, CallFilter, CallStatus};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let sim = cpaas::sim::start().await?;
//! let client = cpaas::sim::client(&sim, "AC0123")?;
//! let call: Call = serde_json::from_value(serde_json::json!({
//!     "sid": "CA1", "status": "completed", "start_time": "Wed, 15 May 2019 17:29:06 +0000",
//! }))?;
//! sim.seed_item(&["AC0123"], &call)?;
//!
//! let calls = client.account().calls().list(&CallFilter::new()).collect_all().await?;
//! assert_eq!(calls[0].status, Some(CallStatus::Completed));
//! assert_eq!(sim.items::<Call>(&["AC0123"])?.len(), 1);
//! # Ok(()) }
//! ```

mod inboundxml;

use chrono::{DateTime, NaiveDate, Utc};
pub(crate) use inboundxml::made_call;
pub use inboundxml::{
    CallInput, Dialed, TranscriptEntry, URL_TIMEOUT, WAIT_LIMIT, incoming_call, incoming_sms,
    script_input, transcript, wait_call_ended, wait_sms_handled,
};
/// The engine's types a test of this simulator names, so the crate is enough.
pub use sdk_core::sim::{Fault, RecordedRequest, RetryAfter, Simulator};
use serde_json::{Map, Value, json};

use sdk_core::format::{camel_case, snake_case};
use sdk_core::sim::{
    Api, Change, IdStyle, ListStyle, Reply, ReplyBody, Resource, Simulated, XmlStyle,
};
use sdk_core::{Format, Method};

use crate::CpaasClient;
use crate::calls::CallStatus;
use crate::wire::Timestamp;

/// The description of the API for the `sdk-core` simulator.
pub fn api() -> Api {
    let families: [fn(Api) -> Api; 15] = [
        crate::sip::simulate,
        crate::agents::simulate,
        crate::fraud::simulate,
        crate::lookups::simulate,
        crate::numbers::simulate,
        crate::accounts::simulate,
        crate::applications::simulate,
        crate::conferences::simulate,
        crate::transcriptions::simulate,
        crate::calls::simulate,
        crate::recordings::simulate,
        crate::notifications::simulate,
        crate::sms::simulate,
        crate::mms::simulate,
        crate::usages::simulate,
    ];
    let api = Api::new("cpaas")
        .base_path("/v2")
        .format_suffix(".json", Format::Json)
        .format_suffix(".xml", Format::Xml)
        .form_keys(snake_case)
        .error_body(rest_exception)
        .xml(
            XmlStyle::new()
                .envelope("Response")
                .element_names(camel_case)
                .paging_attributes(|key| key.replace('_', ""))
                .error_element("RestException"),
        );
    families.into_iter().fold(api, |api, add| add(api))
}

/// Starts the simulator on a free loopback port.
///
/// # Errors
///
/// A transport error when no port can be bound.
pub async fn start() -> sdk_core::Result<Simulator> {
    Simulator::start(api()).await
}

/// A client of `sim` for the account `account_sid` (the simulator checks no credentials;
/// the client sends them anyway, as a real one would), whose waits poll with the
/// [`PollPolicy::simulator`](sdk_core::PollPolicy::simulator): every few milliseconds, so a sent SMS or a made call is
/// awaited in milliseconds.
///
/// Unlike the other vendors' simulator clients it does not name its operations on the
/// wire: [`Fault::operation`](sdk_core::sim::Fault::operation) matches none of its requests
/// and their [`operation`](sdk_core::sim::RecordedRequest::operation) is `None`; match
/// faults by method and path ([`Fault::on`](sdk_core::sim::Fault::on)).
///
/// # Errors
///
/// Only if the simulator's URL were invalid.
pub fn client(sim: &Simulator, account_sid: &str) -> sdk_core::Result<CpaasClient> {
    CpaasClient::builder()
        .base_url(sim.base_url())
        .allow_http(true)
        .basic(account_sid, "simulated-auth-token")
        .poll_policy(sdk_core::PollPolicy::simulator())
        .operation_header(true)
        .build()
}

/// The resources whose statuses move as they are read.
const LIFECYCLES: [&str; 4] = ["calls", "sms", "mms", "transcriptions"];

/// How many reads of a made call (or a sent message, or a transcription) see each status
/// before the next (default 1: a call is `completed` from its third read on), for those
/// made from now on.
pub fn set_reads_per_status(sim: &Simulator, reads: u32) {
    for resource in LIFECYCLES {
        // Declared by `api`: only a simulator of another API refuses, and has none.
        let _ = sim.set_polls(resource, reads.max(1) - 1);
    }
}

/// The next made call ends in `status` (`busy`, `no-answer`, `failed`, `canceled`)
/// instead of `completed`; calls add up, one per made call.
pub fn end_next_call(sim: &Simulator, status: CallStatus) {
    let _ = sim.end_next("calls", status.as_str());
}

/// The next sent SMS or MMS ends `failed`; calls add up, one per sent message.
pub fn fail_next_message(sim: &Simulator) {
    // SMS and MMS share their lifecycle settings (`sdk_core::sim::LongRunning::group`).
    let _ = sim.fail_next("sms");
}

/// The stores of the simulated resources, for [`seed`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Family {
    /// Calls.
    Calls,
    /// Recordings.
    Recordings,
    /// Notifications.
    Notifications,
    /// SMS messages.
    Sms,
    /// MMS messages.
    Mms,
    /// Usages.
    Usages,
    /// Conferences (made by InboundXML on a real account; see [`seed_participant`]).
    Conferences,
    /// Applications.
    Applications,
    /// Transcriptions.
    Transcriptions,
    /// Incoming numbers.
    IncomingNumbers,
    /// BYOC numbers.
    ByocNumbers,
    /// Dialogflow agents (set up in the portal on a real account).
    Agents,
}

impl Family {
    /// The resource's name, id field, sid prefix and path below the account.
    fn resource(self) -> (&'static str, &'static str, &'static str, &'static str) {
        match self {
            Family::Calls => ("calls", "sid", "CA", "Calls"),
            Family::Recordings => ("recordings", "sid", "RE", "Recordings"),
            Family::Notifications => ("notifications", "sid", "NO", "Notifications"),
            Family::Sms => ("sms", "sid", "SM", "SMS/Messages"),
            Family::Mms => ("mms", "mms_sid", "MM", "MMS/Messages"),
            Family::Usages => ("usages", "sid", "US", "Usages"),
            Family::Conferences => ("conferences", "sid", "CF", "Conferences"),
            Family::Applications => ("applications", "sid", "AP", "Applications"),
            Family::Transcriptions => ("transcriptions", "sid", "TR", "Transcriptions"),
            Family::IncomingNumbers => ("incoming_numbers", "sid", "PN", "IncomingPhoneNumbers"),
            Family::ByocNumbers => ("byoc_numbers", "sid", "PN", "IncomingPhoneNumbers"),
            Family::Agents => ("agents", "sid", "AG", "Agents"),
        }
    }
}

/// Stores `item` (a JSON object with the API's snake_case keys) in `family` of
/// `account_sid`, as it is, with a sid generated when it has none, and returns the sid:
/// to list last month's calls, seed calls with such a `start_time`.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), sdk_core::Error> {
/// use cpaas::sim::{Family, seed};
///
/// let sim = cpaas::sim::start().await?;
/// let sid = seed(&sim, Family::Calls, "AC0123", serde_json::json!({
///     "status": "completed",
///     "start_time": "Wed, 15 May 2019 17:29:06 +0000",
/// }));
/// let client = cpaas::sim::client(&sim, "AC0123")?;
/// let call = client.account().calls().get(&sid).await?;
/// assert_eq!(call.status, Some(cpaas::calls::CallStatus::Completed));
/// # Ok(()) }
/// ```
pub fn seed(sim: &Simulator, family: Family, account_sid: &str, item: Value) -> String {
    let (resource, id, prefix, path) = family.resource();
    let mut item = object(item);
    let sid = sid_in(&mut item, id, prefix);
    item.entry("account_sid").or_insert(json!(account_sid));
    item.entry("uri")
        .or_insert(json!(format!("/v2/Accounts/{account_sid}/{path}/{sid}")));
    sim.with_store(|store| store.insert(resource, &[account_sid], &sid, Value::Object(item)));
    sid
}

/// Stores a participant of the conference `conference_sid` (seed the conference first to
/// see it counted) and returns its sid.
pub fn seed_participant(
    sim: &Simulator,
    account_sid: &str,
    conference_sid: &str,
    item: Value,
) -> String {
    let mut item = object(item);
    let sid = sid_in(&mut item, "sid", "CA");
    item.entry("account_sid").or_insert(json!(account_sid));
    item.entry("conference_sid")
        .or_insert(json!(conference_sid));
    item.entry("muted").or_insert(json!(false));
    item.entry("deaf").or_insert(json!(false));
    item.entry("uri").or_insert(json!(format!(
        "/v2/Accounts/{account_sid}/Conferences/{conference_sid}/Participants/{sid}"
    )));
    sim.with_store(|store| {
        let at = [account_sid, conference_sid];
        store.insert("participants", &at, &sid, Value::Object(item));
        crate::conferences::count_participants(store, account_sid, conference_sid, 1);
    });
    sid
}

fn object(item: Value) -> Map<String, Value> {
    match item {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

/// The item's sid in `field`, a new one written there when it has none.
fn sid_in(item: &mut Map<String, Value>, field: &str, prefix: &str) -> String {
    let sid = match item.get(field).and_then(Value::as_str) {
        Some(s) if !s.is_empty() => s.to_owned(),
        _ => new_sid(prefix),
    };
    item.insert(field.to_owned(), json!(sid));
    sid
}

/// A `RestException` (`{"status", "message", "code", "more_info"}`, in XML
/// `<Response><RestException><Status>..`) for every error answer: the engine's own codes
/// become the document's (an unknown sid 20404, a method not allowed 20004, a bad request
/// 10022), the families' numeric codes are kept.
fn rest_exception(status: u16, code: &str, message: &str) -> Value {
    let code: u32 = match code {
        "NOT_FOUND" => 20404,
        "METHOD_NOT_ALLOWED" => 20004,
        other => other.parse().unwrap_or(10022),
    };
    json!({
        "status": status,
        "message": message,
        "code": code,
        "more_info": format!("http://www.zang.io/docs/api/rest/overview/errors/{code}"),
    })
}

/// A `RestException` answer with the document's `code`.
pub(crate) fn error(status: u16, code: u32, message: impl Into<String>) -> Reply {
    Reply::error(status, &code.to_string(), message)
}

/// The `RestException` of a sid that is not stored (code 20404).
pub(crate) fn not_found(what: &str, sid: &str) -> Reply {
    Reply::error(
        404,
        "NOT_FOUND",
        format!("The requested resource {what}/{sid} was not found"),
    )
}

/// A custom action's answer: one resource, named `item` (and `list`) in XML.
pub(crate) fn answer(item: &str, list: &str, value: &Value) -> Reply {
    Reply::json(200, value).xml_names(item, list)
}

/// A stored resource of an account as CPaaS serves it: `sid`s of `prefix` and 32
/// hexadecimal digits, at `collection` and `item` (templates below `/v2`, without suffix),
/// listed zero-indexed under `items_key` newest first, updated by form POSTs on the item,
/// created, updated and deleted answering 200 with the item. A new item is stamped with
/// its `account_sid`, `uri`, `date_created`, `date_updated` and `api_version`; an update
/// with its `date_updated`. Name its XML elements with
/// [`Resource::xml_names`](sdk_core::sim::Resource::xml_names).
pub(crate) fn resource(
    name: &str,
    prefix: &'static str,
    (collection, item): (&str, &str),
    items_key: &'static str,
) -> Resource {
    Resource::new(name, collection)
        .item_path(item)
        .id_field("sid")
        .generate_id(IdStyle::Prefixed(prefix))
        .list(ListStyle::ZeroIndexed { items_key })
        .newest_first(true)
        .update_method(Method::POST)
        .create_status(200)
        .delete_status(200)
        .delete_body(ReplyBody::Resource)
        .on_create(|_, change, item| {
            let now = now();
            item["account_sid"] = json!(change.param("AccountSid").unwrap_or_default());
            item["uri"] = json!(change.path);
            item["date_created"] = json!(now);
            item["date_updated"] = json!(now);
            item["api_version"] = json!("v2");
            Ok(())
        })
        .on_update(|_, _, item| {
            item["date_updated"] = json!(now());
            Ok(())
        })
}

/// A list filter: each `(query parameter, field)` of `equal` compared as text, and a date
/// filter (`Name`, `Name>`, `Name<`, days included) on a date field.
pub(crate) fn filters(
    equal: &'static [(&'static str, &'static str)],
    date: Option<(&'static str, &'static str)>,
) -> impl Fn(&[(String, String)], &Value) -> bool + Send + Sync + 'static {
    move |query, item| {
        let value = |name: &str| {
            query
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
        };
        let equal = equal.iter().all(|(param, key)| {
            value(param).is_none_or(|want| match &item[*key] {
                Value::String(s) => s == want,
                Value::Null => false,
                // A number or a flag, as the query writes it.
                other => {
                    let text = other.to_string();
                    text == want
                }
            })
        });
        let Some((param, key)) = date else {
            return equal;
        };
        let day = item[key]
            .as_str()
            .and_then(|s| Timestamp::parse(s).at())
            .map(|t| t.date_naive());
        let bound = |name: &str| {
            value(name).and_then(|v| NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d").ok())
        };
        let on = bound(param).is_none_or(|w| day == Some(w));
        let from = bound(&format!("{param}>")).is_none_or(|w| day.is_some_and(|d| d >= w));
        let to = bound(&format!("{param}<")).is_none_or(|w| day.is_some_and(|d| d <= w));
        equal && on && from && to
    }
}

/// A form field of a request as read (snake_case), trimmed; `None` when absent or empty.
pub(crate) fn field(body: &Value, name: &str) -> Option<String> {
    match &body[name] {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Array(a) => a.first().and_then(Value::as_str).map(str::to_owned),
        _ => None,
    }
}

/// A form flag: `true`, `True` or `1`.
pub(crate) fn flag(body: &Value, name: &str) -> Option<bool> {
    field(body, name).map(|v| matches!(v.as_str(), "true" | "True" | "1"))
}

/// The AccountSid of the request's path.
pub(crate) fn account(change: &Change) -> &str {
    change.param("AccountSid").unwrap_or_default()
}

/// A new sid: the prefix and 32 hexadecimal digits.
pub(crate) fn new_sid(prefix: &str) -> String {
    let mut out = String::from(prefix);
    while out.len() < prefix.len() + 32 {
        out.push_str(&format!("{:016x}", fastrand_u64()));
    }
    out.truncate(prefix.len() + 32);
    out
}

fn fastrand_u64() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    h.finish()
}

/// Now, as CPaaS writes dates.
pub(crate) fn now() -> String {
    date(Utc::now())
}

/// A time as CPaaS writes dates.
pub(crate) fn date(at: DateTime<Utc>) -> String {
    at.format("%a, %d %b %Y %H:%M:%S +0000").to_string()
}

impl Simulated for crate::accounts::AccountDetails {
    const RESOURCE: &'static str = "accounts";
}

impl Simulated for crate::calls::Call {
    const RESOURCE: &'static str = "calls";
}

impl Simulated for crate::recordings::Recording {
    const RESOURCE: &'static str = "recordings";
}

impl Simulated for crate::transcriptions::Transcription {
    const RESOURCE: &'static str = "transcriptions";
}

impl Simulated for crate::notifications::Notification {
    const RESOURCE: &'static str = "notifications";
}

impl Simulated for crate::sms::SmsMessage {
    const RESOURCE: &'static str = "sms";
}

impl Simulated for crate::mms::MmsMessage {
    const RESOURCE: &'static str = "mms";
}

impl Simulated for crate::usages::Usage {
    const RESOURCE: &'static str = "usages";
}

impl Simulated for crate::conferences::Conference {
    const RESOURCE: &'static str = "conferences";
}

impl Simulated for crate::conferences::Participant {
    const RESOURCE: &'static str = "participants";
}

impl Simulated for crate::applications::Application {
    const RESOURCE: &'static str = "applications";
}

impl Simulated for crate::numbers::IncomingNumber {
    const RESOURCE: &'static str = "incoming_numbers";
}

impl Simulated for crate::agents::AgentProfile {
    const RESOURCE: &'static str = "agents";
}

impl Simulated for crate::fraud::FraudRule {
    const RESOURCE: &'static str = "fraud";
}

impl Simulated for crate::sip::Domain {
    const RESOURCE: &'static str = "sip_domains";
}

impl Simulated for crate::sip::CredentialList {
    const RESOURCE: &'static str = "sip_credential_lists";
}

impl Simulated for crate::sip::Credential {
    const RESOURCE: &'static str = "sip_credentials";
}

impl Simulated for crate::sip::IpAccessControlList {
    const RESOURCE: &'static str = "sip_ip_acls";
}

impl Simulated for crate::sip::IpAddress {
    const RESOURCE: &'static str = "sip_ip_addresses";
}

impl Simulated for crate::lookups::CarrierLookup {
    const RESOURCE: &'static str = "carrier_lookups";
}

impl Simulated for crate::lookups::CnamLookup {
    const RESOURCE: &'static str = "cnam_lookups";
}

impl Simulated for crate::lookups::BnaLookup {
    const RESOURCE: &'static str = "bna_lookups";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_rest_exceptions_and_filters_read_dates() {
        assert_eq!(rest_exception(404, "NOT_FOUND", "x")["code"], 20404);
        assert_eq!(rest_exception(400, "21221", "x")["code"], 21221);
        assert_eq!(rest_exception(400, "VALIDATION_ERROR", "x")["code"], 10022);
        let may = filters(&[("To", "to")], Some(("StartTime", "start_time")));
        let q = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect()
        };
        let call = json!({"to": "+1", "start_time": "Wed, 15 May 2019 17:29:06 +0000"});
        assert!(may(
            &q(&[("StartTime>", "2019-05-01"), ("StartTime<", "2019-05-31")]),
            &call
        ));
        assert!(!may(&q(&[("StartTime", "2019-05-16")]), &call));
        assert!(!may(&q(&[("To", "+2")]), &call));
        assert_eq!(new_sid("CA").len(), 34);
    }
}
