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
//! ([`seed_participant`]).
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
//!     .policy(sdk_core::PollPolicy::default().initial_delay(std::time::Duration::from_millis(1)))
//!     .wait()
//!     .await?;
//! assert_eq!(sms.status, Some(cpaas::sms::MessageStatus::Sent));
//! sim.shutdown().await;
//! # Ok(()) }
//! ```

use chrono::{NaiveDate, Utc};
use serde_json::{Map, Value, json};

use sdk_core::Method;
use sdk_core::format::{camel_case, json_to_xml_with};
use sdk_core::sim::{ActionRequest, Api, ListStyle, Reply, Simulator, Store};

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
    families
        .into_iter()
        .fold(Api::new("cpaas").base_path("/v2"), |api, add| add(api))
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
/// the client sends them anyway, as a real one would).
///
/// # Errors
///
/// Only if the simulator's URL were invalid.
pub fn client(sim: &Simulator, account_sid: &str) -> sdk_core::Result<CpaasClient> {
    CpaasClient::builder()
        .base_url(sim.base_url())
        .allow_http(true)
        .basic(account_sid, "simulated-auth-token")
        .build()
}

/// How many reads of a made call (or a sent message) see each status before the next
/// (default 1: a call is `completed` from its third read on).
pub fn set_reads_per_status(sim: &Simulator, reads: u32) {
    sim.with_store(|s| config_mut(s)["reads_per_status"] = json!(reads.max(1)));
}

/// The next made call ends in `status` (`busy`, `no-answer`, `failed`, `canceled`)
/// instead of `completed`.
pub fn end_next_call(sim: &Simulator, status: CallStatus) {
    sim.with_store(|s| config_mut(s)["next_call_end"] = json!(status.as_str()));
}

/// The next sent SMS or MMS ends `failed`.
pub fn fail_next_message(sim: &Simulator) {
    sim.with_store(|s| config_mut(s)["fail_next_message"] = json!(true));
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
    fn kind(self) -> Kind {
        match self {
            Family::Calls => CALLS,
            Family::Recordings => RECORDINGS,
            Family::Notifications => NOTIFICATIONS,
            Family::Sms => SMS,
            Family::Mms => MMS,
            Family::Usages => USAGES,
            Family::Conferences => CONFERENCES,
            Family::Applications => APPLICATIONS,
            Family::Transcriptions => TRANSCRIPTIONS,
            Family::IncomingNumbers => INCOMING_NUMBERS,
            Family::ByocNumbers => BYOC_NUMBERS,
            Family::Agents => AGENTS,
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
    let kind = family.kind();
    sim.with_store(|store| {
        let mut item = match item {
            Value::Object(m) => m,
            _ => Map::new(),
        };
        let sid = match item.get(kind.id).and_then(Value::as_str) {
            Some(s) if !s.is_empty() => s.to_owned(),
            _ => new_sid(kind.prefix),
        };
        item.insert(kind.id.to_owned(), json!(sid));
        item.entry("account_sid").or_insert(json!(account_sid));
        item.entry("uri").or_insert(json!(format!(
            "/v2/Accounts/{account_sid}/{}/{sid}",
            kind.path
        )));
        store.insert(kind.store, &[account_sid], &sid, Value::Object(item));
        sid
    })
}

/// Stores a participant of the conference `conference_sid` (seed the conference first to
/// see it counted) and returns its sid.
pub fn seed_participant(
    sim: &Simulator,
    account_sid: &str,
    conference_sid: &str,
    item: Value,
) -> String {
    sim.with_store(|store| {
        let mut item = match item {
            Value::Object(m) => m,
            _ => Map::new(),
        };
        let sid = match item.get("sid").and_then(Value::as_str) {
            Some(s) if !s.is_empty() => s.to_owned(),
            _ => new_sid(PARTICIPANTS.prefix),
        };
        item.insert("sid".to_owned(), json!(sid));
        item.entry("account_sid").or_insert(json!(account_sid));
        item.entry("conference_sid")
            .or_insert(json!(conference_sid));
        item.entry("muted").or_insert(json!(false));
        item.entry("deaf").or_insert(json!(false));
        item.entry("uri").or_insert(json!(format!(
            "/v2/Accounts/{account_sid}/Conferences/{conference_sid}/Participants/{sid}"
        )));
        store.insert(
            PARTICIPANTS.store,
            &[account_sid, conference_sid],
            &sid,
            Value::Object(item),
        );
        if let Some(c) = store.get_mut(CONFERENCES.store, &[account_sid], conference_sid) {
            let n = c["active_participants_count"].as_u64().unwrap_or(0);
            c["active_participants_count"] = json!(n + 1);
        }
        sid
    })
}

/// A [`Kind`] whose id field is `sid`.
pub(crate) const fn kind(
    store: &'static str,
    path: &'static str,
    item: &'static str,
    list: &'static str,
    key: &'static str,
    prefix: &'static str,
) -> Kind {
    Kind {
        store,
        path,
        item,
        list,
        key,
        id: "sid",
        prefix,
    }
}

/// `FriendlyName` → `friendly_name`: a form field as an answer field.
pub(crate) fn snake(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 4);
    for (i, c) in key.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// What a simulated resource is called in the store, in JSON and in XML.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Kind {
    /// The store's resource name.
    pub(crate) store: &'static str,
    /// The path below the account (`Calls`, `SMS/Messages`).
    pub(crate) path: &'static str,
    /// The XML element of one item.
    pub(crate) item: &'static str,
    /// The XML element of a list.
    pub(crate) list: &'static str,
    /// The JSON key of a list's items.
    pub(crate) key: &'static str,
    /// The id field.
    pub(crate) id: &'static str,
    /// The sid prefix.
    pub(crate) prefix: &'static str,
}

pub(crate) const CALLS: Kind = Kind {
    store: "calls",
    path: "Calls",
    item: "Call",
    list: "Calls",
    key: "calls",
    id: "sid",
    prefix: "CA",
};
pub(crate) const RECORDINGS: Kind = Kind {
    store: "recordings",
    path: "Recordings",
    item: "Recording",
    list: "Recordings",
    key: "recordings",
    id: "sid",
    prefix: "RE",
};
pub(crate) const NOTIFICATIONS: Kind = Kind {
    store: "notifications",
    path: "Notifications",
    item: "Notification",
    list: "Notifications",
    key: "notifications",
    id: "sid",
    prefix: "NO",
};
pub(crate) const SMS: Kind = Kind {
    store: "sms",
    path: "SMS/Messages",
    item: "SMSMessage",
    list: "SMSMessages",
    key: "sms_messages",
    id: "sid",
    prefix: "SM",
};
pub(crate) const MMS: Kind = Kind {
    store: "mms",
    path: "MMS/Messages",
    item: "MMSMessage",
    list: "MMSMessages",
    key: "mms_messages",
    id: "mms_sid",
    prefix: "MM",
};
pub(crate) const USAGES: Kind = Kind {
    store: "usages",
    path: "Usages",
    item: "Usage",
    list: "Usages",
    key: "usages",
    id: "sid",
    prefix: "US",
};
pub(crate) const CONFERENCES: Kind = Kind {
    store: "conferences",
    path: "Conferences",
    item: "Conference",
    list: "Conferences",
    key: "conferences",
    id: "sid",
    prefix: "CF",
};
pub(crate) const PARTICIPANTS: Kind = Kind {
    store: "participants",
    path: "Participants",
    item: "Participant",
    list: "Participants",
    key: "participants",
    id: "sid",
    prefix: "CA",
};
pub(crate) const APPLICATIONS: Kind = Kind {
    store: "applications",
    path: "Applications",
    item: "Application",
    list: "Applications",
    key: "applications",
    id: "sid",
    prefix: "AP",
};
pub(crate) const TRANSCRIPTIONS: Kind = Kind {
    store: "transcriptions",
    path: "Transcriptions",
    item: "Transcription",
    list: "Transcriptions",
    key: "transcriptions",
    id: "sid",
    prefix: "TR",
};
pub(crate) const INCOMING_NUMBERS: Kind = Kind {
    store: "incoming_numbers",
    path: "IncomingPhoneNumbers",
    item: "IncomingPhoneNumber",
    list: "IncomingPhoneNumbers",
    key: "incoming_phone_numbers",
    id: "sid",
    prefix: "PN",
};
pub(crate) const BYOC_NUMBERS: Kind = Kind {
    store: "byoc_numbers",
    path: "IncomingPhoneNumbers",
    item: "IncomingPhoneNumber",
    list: "IncomingPhoneNumbers",
    key: "incoming_phone_numbers",
    id: "sid",
    prefix: "PN",
};
pub(crate) const AVAILABLE_NUMBERS: Kind = Kind {
    store: "available_numbers",
    path: "AvailablePhoneNumbers",
    item: "AvailablePhoneNumber",
    list: "AvailablePhoneNumbers",
    key: "available_phone_numbers",
    id: "phone_number",
    prefix: "",
};
pub(crate) const COUNTRIES: Kind = Kind {
    store: "countries",
    path: "Numbers/AllowedCountries",
    item: "AllowedCountries",
    list: "AllowedCountries",
    key: "countries",
    id: "country",
    prefix: "",
};
pub(crate) const CARRIER_LOOKUPS: Kind = Kind {
    store: "carrier_lookups",
    path: "Carrier",
    item: "CarrierLookup",
    list: "CarrierLookups",
    key: "carrier_lookups",
    id: "sid",
    prefix: "CL",
};
pub(crate) const CNAM_LOOKUPS: Kind = Kind {
    store: "cnam_lookups",
    path: "Cnam",
    item: "CnamLookup",
    list: "CnamLookups",
    key: "cnam_lookups",
    id: "sid",
    prefix: "CN",
};
pub(crate) const BNA_LOOKUPS: Kind = Kind {
    store: "bna_lookups",
    path: "Bna",
    item: "BnaLookup",
    list: "BnaLookups",
    key: "bna_lookups",
    id: "sid",
    prefix: "BN",
};
pub(crate) const FRAUD: Kind = Kind {
    store: "fraud",
    path: "Fraud",
    item: "Fraud",
    list: "Frauds",
    key: "frauds",
    id: "country_code",
    prefix: "FR",
};
pub(crate) const AGENTS: Kind = Kind {
    store: "agents",
    path: "Agents",
    item: "Agent",
    list: "Agents",
    key: "agents",
    id: "sid",
    prefix: "AG",
};
pub(crate) const ACCOUNTS: Kind = Kind {
    store: "accounts",
    path: "",
    item: "Account",
    list: "Accounts",
    key: "accounts",
    id: "sid",
    prefix: "AC",
};

/// What a simulated handler answers, rendered in the request's format.
#[derive(Debug)]
pub(crate) enum Out {
    /// One resource.
    Item(Kind, Value),
    /// A list of all `items`, paged as the request asks.
    List(Kind, Vec<Value>),
    /// A `RestException`.
    Error {
        /// The HTTP status.
        status: u16,
        /// The CPaaS code.
        code: u32,
        /// The message.
        message: String,
    },
}

impl Out {
    pub(crate) fn error(status: u16, code: u32, message: impl Into<String>) -> Out {
        Out::Error {
            status,
            code,
            message: message.into(),
        }
    }

    pub(crate) fn not_found(kind: Kind, sid: &str) -> Out {
        Out::error(
            404,
            20404,
            format!("The requested resource {}/{sid} was not found", kind.path),
        )
    }
}

/// Registers `handler` on `template` (below `/v2`, without suffix) for `.json` and `.xml`.
pub(crate) fn route<F>(api: Api, method: Method, template: &str, handler: F) -> Api
where
    F: Fn(&mut Store, &ActionRequest) -> Out + Clone + Send + Sync + 'static,
{
    let json = handler.clone();
    api.action(method.clone(), format!("{template}.json"), move |s, r| {
        render(json(s, r), r, false)
    })
    .action(method, format!("{template}.xml"), move |s, r| {
        render(handler(s, r), r, true)
    })
}

fn render(out: Out, req: &ActionRequest, xml: bool) -> Reply {
    match out {
        Out::Item(kind, v) => {
            let v = public(&v);
            if xml {
                Reply::text(200, "application/xml", document(kind.item, &v))
            } else {
                Reply::json(200, &v)
            }
        }
        Out::List(kind, items) => {
            let items: Vec<Value> = items.iter().map(public).collect();
            let reply = req.list_reply(
                &ListStyle::ZeroIndexed {
                    items_key: kind.key,
                },
                &items,
            );
            if reply.status().as_u16() != 200 {
                let message = serde_json::from_slice::<Value>(reply.body())
                    .ok()
                    .and_then(|v| v["message"].as_str().map(str::to_owned))
                    .unwrap_or_else(|| "invalid paging".to_owned());
                return render(Out::error(400, 10022, message), req, xml);
            }
            if !xml {
                return reply;
            }
            let page: Value = serde_json::from_slice(reply.body()).unwrap_or(Value::Null);
            Reply::text(200, "application/xml", list_document(kind, &page))
        }
        Out::Error {
            status,
            code,
            message,
        } => {
            let more_info = format!("http://www.zang.io/docs/api/rest/overview/errors/{code}");
            if xml {
                Reply::text(
                    status,
                    "application/xml",
                    format!(
                        "<Response><RestException><Status>{status}</Status><Message>{}</Message><Code>{code}</Code><MoreInfo>{more_info}</MoreInfo></RestException></Response>",
                        escape(&message)
                    ),
                )
            } else {
                Reply::json(
                    status,
                    &json!({"status": status, "message": message, "code": code, "more_info": more_info}),
                )
            }
        }
    }
}

/// The item without the simulator's own bookkeeping (keys starting with `_`).
fn public(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .filter(|(k, _)| !k.starts_with('_'))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        ),
        other => other.clone(),
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// One resource as CPaaS writes it in XML: `<Response><Call><DateCreated>..`.
pub(crate) fn document(item: &str, v: &Value) -> String {
    format!(
        "<Response>{}</Response>",
        json_to_xml_with(item, None, v, &camel_case)
    )
}

/// A list page in XML: the paging values as attributes of the list element.
pub(crate) fn list_document(kind: Kind, page: &Value) -> String {
    let mut out = format!("<Response><{}", kind.list);
    for (json_key, attr) in [
        ("page", "page"),
        ("page_size", "pagesize"),
        ("num_pages", "numpages"),
        ("total", "total"),
        ("start", "start"),
        ("end", "end"),
        ("uri", "uri"),
        ("first_page_uri", "firstpageuri"),
        ("previous_page_uri", "previouspageuri"),
        ("next_page_uri", "nextpageuri"),
        ("last_page_uri", "lastpageuri"),
    ] {
        let value = match &page[json_key] {
            Value::String(s) => s.clone(),
            Value::Null => continue,
            other => other.to_string(),
        };
        out.push_str(&format!(" {attr}=\"{}\"", escape(&value)));
    }
    out.push('>');
    for item in page[kind.key].as_array().into_iter().flatten() {
        out.push_str(&json_to_xml_with(kind.item, None, item, &camel_case));
    }
    out.push_str(&format!("</{}></Response>", kind.list));
    out
}

/// The simulator's settings, kept in the store.
fn config_mut(store: &mut Store) -> &mut Value {
    if store.get("_config", &[], "cpaas").is_none() {
        store.insert("_config", &[], "cpaas", json!({"reads_per_status": 1}));
    }
    // Inserted just above.
    store
        .get_mut("_config", &[], "cpaas")
        .unwrap_or_else(|| unreachable!("the configuration was just stored"))
}

/// Takes a one-shot setting.
pub(crate) fn take_config(store: &mut Store, key: &str) -> Value {
    config_mut(store)
        .as_object_mut()
        .and_then(|m| m.remove(key))
        .unwrap_or(Value::Null)
}

pub(crate) fn reads_per_status(store: &mut Store) -> u64 {
    config_mut(store)["reads_per_status"]
        .as_u64()
        .unwrap_or(1)
        .max(1)
}

/// The AccountSid of the request's path.
pub(crate) fn account(req: &ActionRequest) -> String {
    req.param("AccountSid").unwrap_or_default().to_owned()
}

/// A form field of the request, trimmed; `None` when absent or empty.
pub(crate) fn field(req: &ActionRequest, name: &str) -> Option<String> {
    match &req.body[name] {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Array(a) => a.first().and_then(Value::as_str).map(str::to_owned),
        _ => None,
    }
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
    Utc::now().format("%a, %d %b %Y %H:%M:%S +0000").to_string()
}

/// The `uri` of a new resource.
pub(crate) fn uri(kind: Kind, account: &str, sid: &str) -> String {
    format!("/v2/Accounts/{account}/{}/{sid}", kind.path)
}

/// The items of `kind` in `account` matching the request's filters: `(query parameter,
/// field)` pairs compared as text, and a date filter (`Name`, `Name>`, `Name<`) on a date
/// field. Newest first, as CPaaS lists.
pub(crate) fn filtered(
    store: &Store,
    kind: Kind,
    account: &str,
    req: &ActionRequest,
    equal: &[(&str, &str)],
    date: Option<(&str, &str)>,
) -> Vec<Value> {
    let day = |v: &Value| {
        v.as_str()
            .and_then(|s| Timestamp::parse(s).at())
            .map(|t| t.date_naive())
    };
    let q = |name: &str| {
        req.query_value(name)
            .and_then(|v| NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d").ok())
    };
    let mut items: Vec<Value> = store
        .list(kind.store, &[account])
        .into_iter()
        .filter(|item| {
            equal
                .iter()
                .all(|(param, key)| match req.query_value(param) {
                    None => true,
                    Some(want) => match &item[*key] {
                        Value::String(s) => s == want,
                        Value::Null => false,
                        other => {
                            let text = other.to_string();
                            text == want
                        }
                    },
                })
        })
        .filter(|item| {
            let Some((param, key)) = date else {
                return true;
            };
            let d = day(&item[key]);
            let on = q(param).is_none_or(|w| d == Some(w));
            let from = q(&format!("{param}>")).is_none_or(|w| d.is_some_and(|d| d >= w));
            let to = q(&format!("{param}<")).is_none_or(|w| d.is_some_and(|d| d <= w));
            on && from && to
        })
        .cloned()
        .collect();
    items.reverse();
    items
}

/// GET of one item.
pub(crate) fn get_item(
    kind: Kind,
    sid_param: &'static str,
) -> impl Fn(&mut Store, &ActionRequest) -> Out + Clone + Send + Sync + 'static {
    move |store, req| {
        let acct = account(req);
        let sid = req.param(sid_param).unwrap_or_default();
        match store.get(kind.store, &[&acct], sid) {
            Some(v) => Out::Item(kind, v.clone()),
            None => Out::not_found(kind, sid),
        }
    }
}

/// DELETE of one item, answering it.
pub(crate) fn delete_item(
    kind: Kind,
    sid_param: &'static str,
) -> impl Fn(&mut Store, &ActionRequest) -> Out + Clone + Send + Sync + 'static {
    move |store, req| {
        let acct = account(req);
        let sid = req.param(sid_param).unwrap_or_default();
        match store.remove(kind.store, &[&acct], sid) {
            Some(v) => Out::Item(kind, v),
            None => Out::not_found(kind, sid),
        }
    }
}

/// GET of a filtered list.
pub(crate) fn list_items(
    kind: Kind,
    equal: &'static [(&'static str, &'static str)],
    date: Option<(&'static str, &'static str)>,
) -> impl Fn(&mut Store, &ActionRequest) -> Out + Clone + Send + Sync + 'static {
    move |store, req| {
        let acct = account(req);
        Out::List(kind, filtered(store, kind, &acct, req, equal, date))
    }
}

/// Moves a stored item one read further along its `_path` of statuses (each held for the
/// configured number of reads), calling `entered` for each status it enters; answers it.
pub(crate) fn advance(
    store: &mut Store,
    kind: Kind,
    account: &str,
    sid: &str,
    entered: fn(&mut Value, &str),
) -> Option<Value> {
    let per = reads_per_status(store);
    let item = store.get_mut(kind.store, &[account], sid)?;
    let path: Vec<String> = item["_path"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    let reads = item["_reads"].as_u64().unwrap_or(0) + 1;
    item["_reads"] = json!(reads);
    let current = item["status"].as_str().unwrap_or_default().to_owned();
    if let Some(at) = path.iter().position(|s| *s == current) {
        let target = usize::try_from(reads / per)
            .unwrap_or(usize::MAX)
            .min(path.len() - 1);
        for status in path.iter().take(target + 1).skip(at + 1) {
            item["status"] = json!(status);
            item["date_updated"] = json!(now());
            entered(item, status);
        }
    }
    Some(item.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_documents_use_camel_case_and_attributes() {
        let v = json!({"sid": "CA1", "date_created": "x & y", "subresource_uris": {"recordings": "/r"}, "none": null});
        assert_eq!(
            document("Call", &v),
            "<Response><Call><Sid>CA1</Sid><DateCreated>x &amp; y</DateCreated><SubresourceUris><Recordings>/r</Recordings></SubresourceUris></Call></Response>"
        );
        let page = json!({"page": 0, "page_size": 2, "next_page_uri": "/v2/a?Page=1&PageSize=2", "calls": [{"sid": "A"}]});
        assert_eq!(
            list_document(CALLS, &page),
            "<Response><Calls page=\"0\" pagesize=\"2\" nextpageuri=\"/v2/a?Page=1&amp;PageSize=2\"><Call><Sid>A</Sid></Call></Calls></Response>"
        );
        assert_eq!(new_sid("CA").len(), 34);
    }
}
