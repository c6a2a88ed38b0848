//! What the wire tests of this crate share: a client of a mock server in either format,
//! the documented answers, their XML form, and readers of what reached the server.
#![allow(dead_code)] // Each test crate uses its own part.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use cpaas::{CpaasClient, PollPolicy, ResponseFormat};
use sdk_core::clock::ManualClock;
use sdk_core::format::{camel_case, json_to_xml_with};
use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

/// The account of the credentials.
pub const SID: &str = "AC0123456789abcdef0123456789abcdef";
/// Its AuthToken.
pub const TOKEN: &str = "auth-token-secret";
/// `Authorization: Basic base64(SID:TOKEN)`.
pub const BASIC: &str =
    "Basic QUMwMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZjphdXRoLXRva2VuLXNlY3JldA==";
/// A call's sid.
pub const CALL: &str = "CA9876543210fedcba9876543210fedcba";
/// Both formats, for tests that run in each.
pub const FORMATS: [ResponseFormat; 2] = [ResponseFormat::Json, ResponseFormat::Xml];

pub use sdk_core::sim::test_http_client as http;

/// A client of `server` with the test credentials, in `format`, on a manual clock.
pub fn client(server: &MockServer, format: ResponseFormat) -> CpaasClient {
    CpaasClient::builder()
        .base_url(server.uri())
        .allow_http(true)
        .basic(SID, TOKEN)
        .format(format)
        .clock(Arc::new(ManualClock::new()))
        .http_client(http())
        .build()
        .expect("client")
}

/// Polls every second, no jitter, for a minute (of manual time).
pub fn policy() -> PollPolicy {
    PollPolicy::default()
        .initial_delay(Duration::from_secs(1))
        .multiplier(1.0)
        .jitter(0.0)
        .deadline(Duration::from_secs(60))
}

/// The path of `template` (below `/v2`, the account filled in) in `format`.
pub fn wire_path(template: &str, format: ResponseFormat) -> String {
    format!(
        "/v2{}.{}",
        template.replace("{AccountSid}", SID),
        format.extension()
    )
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// `v` as the element `name`, CamelCase inside, a line per element (as servers indent).
fn element(out: &mut String, name: &str, v: &Value) {
    out.push_str(&json_to_xml_with(name, None, v, &camel_case).replace("><", ">\n<"));
    out.push('\n');
}

/// A resource as CPaaS writes it in XML.
pub fn xml(item: &str, v: &Value) -> String {
    let mut out = String::from("<Response>\n");
    element(&mut out, item, v);
    out.push_str("</Response>\n");
    out
}

/// A list page in XML: the envelope's values as attributes of `<list>`, items as `<item>`.
pub fn xml_page(list: &str, item: &str, items_key: &str, page: &Value) -> String {
    let mut out = format!("<Response>\n<{list}");
    for (k, v) in page.as_object().into_iter().flatten() {
        if k == items_key {
            continue;
        }
        let text = match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        out.push_str(&format!(
            " {}=\"{}\"",
            k.replace('_', ""),
            escape(&text).replace('"', "&quot;")
        ));
    }
    out.push_str(">\n");
    for i in page[items_key].as_array().into_iter().flatten() {
        element(&mut out, item, i);
    }
    out.push_str(&format!("</{list}>\n</Response>\n"));
    out
}

/// The answer `body` (a JSON value) in `format`, the XML root being `item`.
pub fn answer(format: ResponseFormat, item: &str, body: &Value) -> ResponseTemplate {
    match format {
        ResponseFormat::Xml => {
            ResponseTemplate::new(200).set_body_raw(xml(item, body).into_bytes(), "application/xml")
        }
        _ => ResponseTemplate::new(200).set_body_json(body),
    }
}

/// Mounts one answer for `verb template` in `format`.
pub async fn mount(
    server: &MockServer,
    verb: &str,
    template: &str,
    format: ResponseFormat,
    item: &str,
    body: &Value,
) {
    Mock::given(method(verb))
        .and(path(wire_path(template, format)))
        .respond_with(answer(format, item, body))
        .mount(server)
        .await;
}

/// Runs `call` against a fresh server answering `body` for `verb template`, in `format`;
/// returns the typed answer and the one request that reached the server, after checking
/// its method, path, credentials and `Accept`.
pub async fn exchange<T, F, Fut>(
    format: ResponseFormat,
    verb: &str,
    template: &str,
    item: &str,
    body: &Value,
    call: F,
) -> (T, Request)
where
    F: FnOnce(CpaasClient) -> Fut,
    Fut: Future<Output = sdk_core::Result<T>>,
{
    let server = MockServer::start().await;
    mount(&server, verb, template, format, item, body).await;
    let value = call(client(&server, format))
        .await
        .expect("the call succeeds");
    let mut received = server.received_requests().await.expect("recording is on");
    assert_eq!(received.len(), 1, "one request for {verb} {template}");
    let req = received.remove(0);
    assert_eq!(req.method.as_str(), verb);
    assert_eq!(req.url.path(), wire_path(template, format));
    assert_eq!(header(&req, "authorization").as_deref(), Some(BASIC));
    let accept = match format {
        ResponseFormat::Xml => "application/xml",
        _ => "application/json",
    };
    assert_eq!(header(&req, "accept").as_deref(), Some(accept));
    (value, req)
}

/// A header of a request.
pub fn header(req: &Request, name: &str) -> Option<String> {
    req.headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// The form pairs of a request, after checking its `Content-Type`.
pub fn form(req: &Request) -> Vec<(String, String)> {
    assert_eq!(
        header(req, "content-type").as_deref(),
        Some("application/x-www-form-urlencoded")
    );
    url::form_urlencoded::parse(&req.body)
        .into_owned()
        .collect()
}

/// The query pairs of a request.
pub fn query(req: &Request) -> Vec<(String, String)> {
    req.url.query_pairs().into_owned().collect()
}

/// Pairs from literals.
pub fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
    p.iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

/// A value with every scalar as text: JSON answers and XML answers carry the same values,
/// XML as text only.
pub fn textual(v: Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(m.into_iter().map(|(k, v)| (k, textual(v))).collect()),
        Value::Array(a) => Value::Array(a.into_iter().map(textual).collect()),
        Value::Number(n) => Value::String(n.to_string()),
        Value::Bool(b) => Value::String(b.to_string()),
        other => other,
    }
}

/// The typed answer serialised, every scalar as text.
pub fn typed<T: serde::Serialize>(v: &T) -> Value {
    textual(serde_json::to_value(v).expect("serialisable"))
}

/// The document's call (View Call's JSON example, sids filled in).
pub fn call(status: &str) -> Value {
    json!({
        "date_updated": "Sun, 15 May 2019 17:29:13 -0000", "parent_call_sid": "",
        "duration": 7, "from": "+12223334444", "to": "+15556667777",
        "caller_id_blocked": "false", "answered_by": "nobody", "sid": CALL,
        "recordings_count": "", "price": "0.00", "api_version": "v2", "status": status,
        "direction": "outbound-api", "start_time": "Sun, 15 May 2019 17:29:06 -0000",
        "date_created": "Sun, 15 May 2019 17:29:06 -0000",
        "subresource_uris": {
            "notifications": format!("/v2/Accounts/{SID}/Calls/{CALL}/Notifications"),
            "recordings": format!("/v2/Accounts/{SID}/Calls/{CALL}/Recordings"),
        },
        "forwarded_from": "", "uri": format!("/v2/Accounts/{SID}/Calls/{CALL}"),
        "account_sid": SID, "duration_billed": 60,
        "end_time": "Sun, 15 May 2019 17:29:13 -0000", "phone_number_sid": "",
    })
}

/// A recording.
pub fn recording(sid: &str) -> Value {
    json!({
        "sid": sid, "account_sid": SID, "call_sid": CALL, "duration": "12",
        "date_created": "Wed, 15 May 2019 17:30:00 +0000", "date_updated": "Wed, 15 May 2019 17:30:12 +0000",
        "recording_url": format!("https://recordings.example.com/{sid}.mp3"),
        "api_version": "v2", "uri": format!("/v2/Accounts/{SID}/Recordings/{sid}"), "price": "0.0025",
    })
}

/// A notification.
pub fn notification(sid: &str) -> Value {
    json!({
        "sid": sid, "account_sid": SID, "call_sid": CALL,
        "date_created": "Wed, 15 May 2019 17:30:00 +0000", "date_updated": "Wed, 15 May 2019 17:30:00 +0000",
        "log": 0, "error_code": 11200, "more_info": "http://www.zang.io/docs/api/rest/overview/errors/11200",
        "message_text": "HTTP retrieval failure", "message_date": "2019-05-15T17:30:00Z",
        "response_headers": "Content-Type: text/html", "response_data": "<html/>",
        "request_url": "https://example.com/ivr", "request_method": "POST",
        "request_variables": "CallSid=CA1", "api_version": "v2",
        "uri": format!("/v2/Accounts/{SID}/Notifications/{sid}"),
    })
}

/// An SMS message.
pub fn sms(sid: &str, status: &str) -> Value {
    json!({
        "sid": sid, "account_sid": SID, "body": "Hello & welcome", "status": status,
        "direction": "outbound-api", "from": "+12223334444", "to": "+15556667777",
        "price": "0.0075", "date_created": "Thu, 14 May 2020 19:39:22 +0000",
        "date_sent": "Thu, 14 May 2020 19:39:23 +0000", "date_updated": "Thu, 14 May 2020 19:39:23 +0000",
        "api_version": "v2", "uri": format!("/v2/Accounts/{SID}/SMS/Messages/{sid}"),
    })
}

/// An MMS message (its id is `mms_sid`).
pub fn mms(sid: &str, status: &str) -> Value {
    json!({
        "mms_sid": sid, "account_sid": SID, "body": "Look", "status": status,
        "direction": "outbound-api", "from": "+12223334444", "to": "+15556667777",
        "media_url": "https://example.com/image.png", "price": "0.02",
        "date_created": "Thu, 14 May 2020 19:39:22 +0000", "date_sent": "",
        "date_updated": "Thu, 14 May 2020 19:39:22 +0000", "apiVersion": "v2",
    })
}

/// A usage.
pub fn usage(sid: &str) -> Value {
    json!({
        "sid": sid, "product": "Outbound SMS", "product_id": 3, "day": "15", "month": "5",
        "year": 2019, "quantity": "4", "average_cost": "0.0075", "total_cost": "0.0300",
        "uri": format!("/v2/Accounts/{SID}/Usages/{sid}"),
    })
}

/// The account.
pub fn account() -> Value {
    json!({
        "sid": SID, "friendly_name": "ops@example.com", "status": "active", "type": "full",
        "account_balance": "25.40", "date_created": "Mon, 06 May 2019 10:00:00 +0000",
        "date_updated": "Mon, 06 May 2019 10:00:00 +0000", "uri": format!("/v2/Accounts/{SID}"),
        "max_outbound_limit": "1.00", "time_zone": "America/New_York",
        "subresource_uris": { "calls": format!("/v2/Accounts/{SID}/Calls") },
    })
}

/// A conference.
pub fn conference(sid: &str) -> Value {
    json!({
        "sid": sid, "friendly_name": "standup", "account_sid": SID,
        "active_participants_count": 2, "run_time": "65", "status": "in-progress",
        "uri": format!("/v2/Accounts/{SID}/Conferences/{sid}"),
    })
}

/// A participant of conference `CF0001`.
pub fn participant(sid: &str) -> Value {
    json!({
        "sid": sid, "caller_name": "Ada", "caller_number": "+15556667777", "duration": 65,
        "conference_sid": "CF0001", "date_created": "Wed, 15 May 2019 17:29:06 +0000",
        "date_updated": "Wed, 15 May 2019 17:29:06 +0000", "account_sid": SID,
        "muted": "false", "deaf": false,
        "uri": format!("/v2/Accounts/{SID}/Conferences/CF0001/Participants/{sid}"),
    })
}

/// An application (with the document's `hearbeat_*` spelling).
pub fn application(sid: &str) -> Value {
    json!({
        "sid": sid, "friendly_name": "Support", "account_sid": SID,
        "voice_url": "https://example.com/voice.xml", "voice_method": "POST",
        "voice_fallback_url": "", "voice_fallback_method": "POST", "voice_caller_id_lookup": "false",
        "sms_url": "https://example.com/sms.xml", "sms_method": "GET",
        "sms_fallback_url": "", "sms_fallback_method": "POST",
        "heartbeat_url": "", "heartbeat_method": "POST",
        "status_callback": "https://example.com/status", "status_callback_method": "POST",
        "date_created": "Wed, 15 May 2019 17:29:06 +0000", "date_updated": "Wed, 15 May 2019 17:29:06 +0000",
        "api_version": "v2", "uri": format!("/v2/Accounts/{SID}/Applications/{sid}"),
    })
}

/// A transcription in `status`.
pub fn transcription(sid: &str, status: &str) -> Value {
    json!({
        "sid": sid, "account_sid": SID, "status": status, "type": "auto",
        "audio_url": "https://example.com/audio.mp3", "recording_sid": "RE0001", "duration": 4,
        "transcription_text": if status == "completed" { "Hello there" } else { "" },
        "api_version": "v2", "price": "0.05", "transcribe_callback": "https://example.com/tr",
        "callback_method": "POST", "date_created": "2019-05-15T17:30:00Z",
        "date_updated": "2019-05-15T17:30:05Z", "uri": format!("/v2/Accounts/{SID}/Transcriptions/{sid}"),
    })
}

/// An incoming number (with the document's `voice` / `voice_caller_id` names).
pub fn number(sid: &str) -> Value {
    json!({
        "sid": sid, "phone_number": "+12065550100", "friendly_name": "Support", "account_sid": SID,
        "type": "local", "voice": "https://example.com/voice.xml", "voice_method": "POST",
        "voice_fallback_url": "", "voice_fallback_method": "POST", "voice_caller_id": "false",
        "date_created": "Wed, 15 May 2019 17:29:06 +0000", "date_updated": "Wed, 15 May 2019 17:29:06 +0000",
        "sms_url": "", "sms_method": "POST", "sms_fallback_url": "", "sms_fallback_method": "POST",
        "heartbeat_url": "", "hearbeat_method": "POST", "capabilities": {"voice": "true", "sms": "true"},
        "status_callback": "", "status_callback_method": "POST", "api_version": "v2",
        "uri": format!("/v2/Accounts/{SID}/IncomingPhoneNumbers/{sid}"),
    })
}

/// An available number.
pub fn available(id: &str) -> Value {
    json!({
        "friendly_name": "(206) 555-0100", "phone_number": id, "lata": "674",
        "rate_center": "SEATTLE", "latitude": "47.6062", "longitude": -122.3321, "country_code": "+1",
        "npa": "206", "exchange": "555", "city": "Seattle", "region": "WA", "postal_code": "98101",
        "iso_country": "US", "type": "local", "setup_cost": "1.00", "monthly_cost": "1.00",
        "voice_enabled": "true", "sms_enabled": true, "supports_forwarded_from": "false",
    })
}

/// A carrier lookup.
pub fn carrier_lookup(sid: &str) -> Value {
    json!({
        "sid": sid, "account_sid": SID, "date_created": "Wed, 15 May 2019 17:29:06 +0000",
        "date_updated": "Wed, 15 May 2019 17:29:06 +0000", "phone_number": "+15556667777",
        "network": "T-Mobile", "mobile": "true", "carrier_id": "6006", "country_code": "US",
        "price": "0.0100", "api_version": "v2", "uri": format!("/v2/Accounts/{SID}/Lookups/Carrier/{sid}"),
    })
}

/// A fraud-control rule.
pub fn fraud_rule(code: &str) -> Value {
    json!({
        "sid": format!("FR{code}"), "country_code": code, "country_name": "Germany", "country_prefix": "+49",
        "is_lock": false, "mobile_enabled": "false", "landline_enabled": "false", "sms_enabled": true,
        "date_created": "Wed, 15 May 2019 17:29:06 +0000", "date_updated": "Wed, 15 May 2019 17:29:06 +0000",
    })
}

/// An agent profile.
pub fn agent(sid: &str) -> Value {
    json!({
        "sid": sid, "friendly_name": "Helpbot", "timeout": 10, "callback_url": "https://example.com/df",
        "language": "en-US:Standard:FEMALE", "event_callback_url": "https://example.com/events",
        "events": "onConversationStarted",
    })
}

/// A SIP domain (with the document's `domain-sip_url`).
pub fn sip_domain(sid: &str) -> Value {
    json!({
        "sid": sid, "friendly_name": "Acme PBX", "account_sid": SID, "domain_name": "acme",
        "auth_type": "CREDENTIAL_LIST", "voice_url": "https://example.com/voice.xml", "voice_method": "POST",
        "voice_fallback_url": "", "voice_fallback_method": "POST", "voice_heartbeat_callback": "",
        "voice_heartbeat_callback_method": "POST", "voice_status_callback_url": "",
        "voice_status_callback_method": "POST", "date_created": "Wed, 15 May 2019 17:29:06 +0000",
        "date_updated": "Wed, 15 May 2019 17:29:06 +0000",
        "uri": format!("/v2/Accounts/{SID}/SIP/Domains/{sid}"), "domain_sip_url": "sip:acme.sip.zang.io",
        "subresource_uris": {
            "ip_access_control_list_mappings": format!("/v2/Accounts/{SID}/SIP/Domains/{sid}/IpAccessControlListMappings"),
            "credential_list_mappings": format!("/v2/Accounts/{SID}/SIP/Domains/{sid}/CredentialListMappings"),
        },
    })
}

/// A credential list.
pub fn credential_list(sid: &str) -> Value {
    json!({
        "sid": sid, "account_sid": SID, "friendly_name": "Staff", "credentials_count": 2,
        "date_created": "Wed, 15 May 2019 17:29:06 +0000", "date_updated": "Wed, 15 May 2019 17:29:06 +0000",
        "uri": format!("/v2/Accounts/{SID}/SIP/CredentialLists/{sid}"),
        "subresource_uris": {"credentials": format!("/v2/Accounts/{SID}/SIP/CredentialLists/{sid}/Credentials")},
    })
}

/// A SIP credential.
pub fn credential(sid: &str) -> Value {
    json!({
        "sid": sid, "username": "alice", "account_sid": SID, "friendly_name": "alice",
        "credential_list": "CL0001", "date_created": "Wed, 15 May 2019 17:29:06 +0000",
        "date_updated": "Wed, 15 May 2019 17:29:06 +0000",
        "uri": format!("/v2/Accounts/{SID}/SIP/CredentialLists/CL0001/Credentials/{sid}"),
    })
}

/// An IP access control list.
pub fn ip_acl(sid: &str) -> Value {
    json!({
        "sid": sid, "friendly_name": "Office", "account_sid": SID, "ip_addresses_count": "1",
        "date_created": "Wed, 15 May 2019 17:29:06 +0000", "date_updated": "Wed, 15 May 2019 17:29:06 +0000",
        "uri": format!("/v2/Accounts/{SID}/SIP/IpAccessControlLists/{sid}"),
    })
}

/// An IP address of list `AL0001`.
pub fn ip_address(sid: &str) -> Value {
    json!({
        "sid": sid, "friendly_name": "Gateway", "ip_address": "192.0.2.10", "account_sid": SID,
        "date_created": "Wed, 15 May 2019 17:29:06 +0000", "date_updated": "Wed, 15 May 2019 17:29:06 +0000",
        "uri": format!("/v2/Accounts/{SID}/SIP/IpAccessControlLists/AL0001/IpAddresses/{sid}"),
    })
}
