//! Hostile input: arbitrary bytes to every kind of response decoder (JSON and XML models,
//! the three paging envelopes and the unpaged lists, the text ids, the error parsers), and
//! arbitrary strings to the path and query builders. No panic, every failure a typed
//! error, no path that leaves its segment.
//!
//! The case count is `PROPTEST_CASES` when set (a longer run:
//! `PROPTEST_CASES=3000 cargo test -p conformance --test hostile -- --nocapture`),
//! else a short run for CI. Each target prints its cases and time.

mod support;

use std::cell::Cell;
use std::time::Instant;

use axp_voice::phone_numbers::AvailableNumberQuery;
use cpaas::ResponseFormat;
use cpaas::applications::ApplicationFilter;
use cpaas::calls::CallFilter;
use percent_encoding::percent_decode_str;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use sdk_core::futures_util::StreamExt;
use sdk_core::sim::{Fault, Simulator};
use sdk_core::{Error, ErrorKind, Format, RequestOptions, RetryPolicy};
use serde_json::{Map, Value};
use sinch_rci::users::UserQuery;
use support::{APIO_GROUP, APIO_TENANT, AXP_ACCOUNT, Running};

/// The cases of each target: `PROPTEST_CASES`, or `default` for the short CI run.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn runner(default: u32) -> TestRunner {
    TestRunner::new(Config {
        cases: cases(default),
        failure_persistence: None,
        ..Config::default()
    })
}

/// Field names the four APIs use, so that generated documents reach into the models and
/// envelopes rather than being refused at the first key.
const KEYS: &[&str] = &[
    "id",
    "status",
    "statusMessage",
    "phoneNumber",
    "phoneNumberId",
    "displayName",
    "type",
    "pagination",
    "pageNumber",
    "pageSize",
    "total",
    "links",
    "next",
    "prev",
    "previous",
    "phoneNumbers",
    "reasonCodes",
    "serviceUserId",
    "callCenterInstance",
    "call_centers",
    "serviceInstanceProfile",
    "name",
    "policy",
    "firstName",
    "surname",
    "user",
    "users",
    "sid",
    "account_sid",
    "friendly_name",
    "page",
    "page_size",
    "num_pages",
    "start",
    "end",
    "next_page_uri",
    "previous_page_uri",
    "first_page_uri",
    "last_page_uri",
    "uri",
    "calls",
    "applications",
    "date_created",
    "duration",
    "price",
    "RestException",
    "Code",
    "Message",
    "code",
    "message",
    "error",
    "errors",
    "errorCode",
    "detail",
    "title",
    "Response",
    "Call",
    "Calls",
    "Application",
    "Applications",
    "addresses",
    "address",
    "value",
];

/// A JSON document built from [`KEYS`] and scalars of every type.
fn json_doc() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::String),
        prop::sample::select(KEYS).prop_map(|k| Value::String(k.to_owned())),
        Just(Value::String(
            "/v2/Accounts/AC1/Calls.json?Page=1".to_owned()
        )),
        Just(Value::String("2024-02-30T25:61:00Z".to_owned())),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..6).prop_map(|kv| {
                Value::Object(
                    kv.into_iter()
                        .map(|(k, v)| (k.to_owned(), v))
                        .collect::<Map<_, _>>(),
                )
            }),
        ]
    })
}

/// Bodies: arbitrary bytes, generated JSON, the same as XML, and either cut short or with
/// bytes overwritten.
fn body() -> impl Strategy<Value = Vec<u8>> {
    let whole = prop_oneof![
        prop::collection::vec(any::<u8>(), 0..600),
        json_doc().prop_map(|v| v.to_string().into_bytes()),
        json_doc()
            .prop_map(|v| sdk_core::format::json_to_xml("Response", Some("item"), &v).into_bytes()),
        "\\PC{0,200}".prop_map(String::into_bytes),
    ];
    (whole, any::<u16>(), any::<u8>(), 0u8..4).prop_map(|(mut b, at, byte, how)| {
        if !b.is_empty() {
            let at = usize::from(at) % b.len();
            match how {
                0 => b.truncate(at),
                1 => b[at] = byte,
                _ => {}
            }
        }
        b
    })
}

fn content_type() -> impl Strategy<Value = Option<&'static str>> {
    prop::sample::select(vec![
        None,
        Some("application/json"),
        Some("application/xml"),
        Some("text/xml; charset=iso-8859-1"),
        Some("text/html"),
        Some("text/plain"),
        Some("application/problem+json"),
        Some("\u{7f}bogus"),
    ])
}

fn status() -> impl Strategy<Value = u16> {
    prop::sample::select(vec![
        200, 201, 202, 204, 400, 401, 403, 404, 409, 429, 500, 502, 503,
    ])
}

/// The models whose decoders are fed bytes directly, in JSON and XML.
fn decode_all(body: &[u8]) {
    fn both<T: serde::de::DeserializeOwned>(body: &[u8]) {
        for format in [Format::Json, Format::Xml, Format::Text] {
            if let Err(e) = format.decode::<T>(body) {
                assert_eq!(e.kind(), ErrorKind::Decode);
                let _ = (e.to_string(), format!("{e:?}"));
            }
        }
    }
    both::<axp_voice::phone_numbers::PhoneNumber>(body);
    both::<axp_voice::phone_numbers::AvailablePhoneNumber>(body);
    both::<axp_voice::reason_codes::ReasonCode>(body);
    both::<apio_callcenter::call_centers::CallCenter>(body);
    both::<apio_callcenter::call_centers::CallCenterSummary>(body);
    both::<sinch_rci::users::User>(body);
    both::<sinch_rci::queues::Queue>(body);
    both::<sinch_rci::users::UserId>(body);
    both::<cpaas::applications::Application>(body);
    both::<cpaas::calls::Call>(body);
    both::<cpaas::recordings::Recording>(body);
    both::<cpaas::fraud::FraudRule>(body);
    both::<cpaas::RestException>(body);
    both::<Vec<Value>>(body);
    if let Ok(text) = std::str::from_utf8(body) {
        let _ = sdk_core::format::xml_to_json(text);
    }
}

#[test]
fn every_model_decoder_takes_any_bytes_without_panicking() {
    let started = Instant::now();
    let mut runner = runner(400);
    runner
        .run(&body(), |b| {
            decode_all(&b);
            Ok(())
        })
        .expect("no decoder panics");
    println!(
        "hostile decoders: {} cases in {:.2} s",
        cases(400),
        started.elapsed().as_secs_f64()
    );
}

/// The four simulators with clients that never retry (one request per call).
struct World {
    rt: tokio::runtime::Runtime,
    axp: Running<axp_voice::AxpClient>,
    apio: Running<apio_callcenter::ApioClient>,
    sinch: Running<sinch_rci::RciClient>,
    cpaas: Running<cpaas::CpaasClient>,
}

impl World {
    fn start() -> World {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        let (axp, apio, sinch, cpaas) = rt.block_on(async {
            let (_, clock) = support::manual();
            (
                support::axp(clock.clone()).await,
                support::apio(clock.clone()).await,
                support::sinch(clock.clone()).await,
                support::cpaas(clock).await,
            )
        });
        World {
            rt,
            axp,
            apio,
            sinch,
            cpaas,
        }
    }
}

fn once() -> RequestOptions {
    RequestOptions::new().retry(RetryPolicy::none())
}

const HEX: &str = "0123456789ABCDEF0123456789ABCDEF";
const READS: usize = 15;

/// Read operation `op`: each decodes its answer through a different path.
async fn read(w: &World, op: usize) -> Result<(), Error> {
    let axp = w.axp.client.account(AXP_ACCOUNT);
    let apio = w.apio.client.tenant(APIO_TENANT).group(APIO_GROUP);
    let sinch_xml = w.sinch.client.xml();
    let cpaas_xml = w.cpaas.client.with_format(ResponseFormat::Xml);
    match op {
        0 => axp
            .phone_numbers()
            .options(once())
            .get("n1")
            .await
            .map(drop),
        1 => {
            first(
                w.axp
                    .client
                    .account(AXP_ACCOUNT)
                    .communication_manager("cm1")
                    .reason_codes()
                    .options(once())
                    .list()
                    .pages(),
            )
            .await
        }
        2 => {
            first(
                axp.available_phone_numbers()
                    .options(once())
                    .list(&AvailableNumberQuery::country("US"))
                    .pages(),
            )
            .await
        }
        3 => apio
            .call_centers()
            .options(once())
            .get("cc@x")
            .await
            .map(drop),
        4 => apio.call_centers().options(once()).list().await.map(drop),
        5 => w
            .sinch
            .client
            .users()
            .options(once())
            .get(HEX)
            .await
            .map(drop),
        6 => {
            first(
                w.sinch
                    .client
                    .users()
                    .options(once())
                    .list(&UserQuery::new())
                    .pages(),
            )
            .await
        }
        7 => sinch_xml.users().options(once()).get(HEX).await.map(drop),
        8 => {
            first(
                sinch_xml
                    .users()
                    .options(once())
                    .list(&UserQuery::new())
                    .pages(),
            )
            .await
        }
        9 => w
            .sinch
            .client
            .users()
            .options(once())
            .create(&sinch_rci::users::UserRequest::new("A", "B"))
            .await
            .map(drop),
        10 => w
            .cpaas
            .client
            .account()
            .applications()
            .options(once())
            .get("AP1")
            .await
            .map(drop),
        11 => {
            first(
                w.cpaas
                    .client
                    .account()
                    .calls()
                    .options(once())
                    .list(&CallFilter::default())
                    .pages(),
            )
            .await
        }
        12 => cpaas_xml
            .account()
            .applications()
            .options(once())
            .get("AP1")
            .await
            .map(drop),
        13 => {
            first(
                cpaas_xml
                    .account()
                    .calls()
                    .options(once())
                    .list(&CallFilter::default())
                    .pages(),
            )
            .await
        }
        _ => {
            first(
                cpaas_xml
                    .account()
                    .applications()
                    .options(once())
                    .list(&ApplicationFilter::new())
                    .pages(),
            )
            .await
        }
    }
}

/// The first page of a list.
async fn first<P>(
    mut pages: sdk_core::futures_util::stream::BoxStream<'static, Result<P, Error>>,
) -> Result<(), Error> {
    pages.next().await.transpose().map(drop)
}

fn sim_of(w: &World, op: usize) -> &Simulator {
    match op {
        0..=2 => &w.axp.sim,
        3 | 4 => &w.apio.sim,
        5..=9 => &w.sinch.sim,
        _ => &w.cpaas.sim,
    }
}

#[test]
fn every_response_decoder_on_the_wire_takes_any_answer_without_panicking() {
    let w = World::start();
    let started = Instant::now();
    let mut runner = runner(300);
    let strategy = (0..READS, status(), content_type(), body());
    runner
        .run(&strategy, |(op, status, ct, body)| {
            let sim = sim_of(&w, op);
            sim.clear_faults();
            sim.inject(Fault::body(status, ct, body.clone()));
            let result = w.rt.block_on(read(&w, op));
            sim.clear_faults();
            let Err(e) = result else { return Ok(()) };
            // The error renders, bounded, and the vendor parsers take it.
            let shown = format!("{e} {e:?}");
            prop_assert!(shown.len() < 64 * 1024, "{} bytes", shown.len());
            let _ = (cpaas::ErrorCode::of(&e), cpaas::RestException::of(&e));
            match e.kind() {
                ErrorKind::Api => {
                    // Whatever page came first, an error status is what the error says.
                    prop_assert!(e.status().is_some_and(|s| !s.is_success()), "{e:?}");
                }
                ErrorKind::Decode => prop_assert!(e.body().is_none_or(|b| b.len() <= 4099)),
                // A paginator refusing a server's link to elsewhere.
                ErrorKind::InvalidInput => {}
                other => return Err(TestCaseError::fail(format!("{other:?}: {e:?}"))),
            }
            Ok(())
        })
        .expect("every answer decodes or fails with a typed error");
    println!(
        "hostile answers on the wire: {} cases over {READS} read operations in {:.2} s",
        cases(300),
        started.elapsed().as_secs_f64()
    );
}

/// Strings that attack paths and queries, and anything at all.
fn hostile_string() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "..",
        ".",
        "/",
        "\\",
        "?",
        "#",
        "%",
        "%2F",
        "%2e%2e",
        "@",
        ":",
        "+",
        " ",
        "&",
        "=",
        ";",
        "\u{0}",
        "\r\n",
        "é",
        "\u{202e}",
        "//evil.example",
        "http://evil.example/",
    ]);
    prop_oneof![
        any::<String>(),
        prop::collection::vec(
            prop_oneof![piece.prop_map(str::to_owned), "\\PC{0,4}"],
            0..6
        )
        .prop_map(|p| p.concat()),
    ]
}

/// A path operation: its call, and the segment positions (after the base path) that
/// must hold the given strings.
async fn path_call(w: &World, op: usize, a: &str, b: &str) -> Result<(), Error> {
    match op {
        0 => w
            .axp
            .client
            .account(a)
            .phone_numbers()
            .options(once())
            .get(b)
            .await
            .map(drop),
        1 => w
            .axp
            .client
            .account(a)
            .communication_manager(b)
            .reason_codes()
            .options(once())
            .get("r1")
            .await
            .map(drop),
        2 => w
            .apio
            .client
            .tenant(a)
            .group(b)
            .call_centers()
            .options(once())
            .get(a)
            .await
            .map(drop),
        3 => w
            .sinch
            .client
            .time_zones()
            .options(once())
            .get(a)
            .await
            .map(drop),
        4 => w
            .sinch
            .client
            .users()
            .options(once())
            .get(a)
            .await
            .map(drop),
        _ => w
            .cpaas
            .client
            .account_sid(a)
            .applications()
            .options(once())
            .get(b)
            .await
            .map(drop),
    }
}

/// For path operation `op`: its simulator, its base path, and the expected segments
/// (`None` where the string goes).
fn path_shape(op: usize) -> (&'static str, Vec<Option<&'static str>>, Vec<u8>) {
    // The digits say which argument each placeholder takes: 1 = a, 2 = b.
    match op {
        0 => (
            "/api/admin/voice/v1",
            vec![Some("accounts"), None, Some("phone-numbers"), None],
            vec![1, 2],
        ),
        1 => (
            "/api/admin/voice/v1",
            vec![
                Some("accounts"),
                None,
                Some("communication-managers"),
                None,
                Some("reason-codes"),
                Some("r1"),
            ],
            vec![1, 2],
        ),
        2 => (
            "/api/v1",
            vec![
                Some("tenants"),
                None,
                Some("groups"),
                None,
                Some("services"),
                Some("call_centers"),
                None,
                Some(""),
            ],
            vec![1, 2, 1],
        ),
        3 => ("/RI/rci", vec![Some("timeZones"), None], vec![1]),
        4 => ("/RI/rci", vec![Some("users"), None], vec![1]),
        _ => (
            "/v2",
            vec![Some("Accounts"), None, Some("Applications"), None],
            vec![1, 2],
        ),
    }
}

#[test]
fn no_string_leaves_its_path_segment_or_query_value() {
    let w = World::start();
    let started = Instant::now();
    let mut runner = runner(80);
    let refused = Cell::new(0usize);
    let sent = Cell::new(0usize);
    runner
        .run(&(hostile_string(), hostile_string()), |(a, b)| {
            for op in 0..6 {
                let sim = match op {
                    0 | 1 => &w.axp.sim,
                    2 => &w.apio.sim,
                    3 | 4 => &w.sinch.sim,
                    _ => &w.cpaas.sim,
                };
                sim.clear_requests();
                let result = w.rt.block_on(path_call(&w, op, &a, &b));
                let requests = sim.requests();
                if let Err(e) = &result
                    && e.kind() == ErrorKind::InvalidInput
                {
                    prop_assert!(requests.is_empty(), "refused, yet sent: {e}");
                    refused.set(refused.get() + 1);
                    continue;
                }
                prop_assert_eq!(requests.len(), 1, "{:?}", result.as_ref().err());
                sent.set(sent.get() + 1);
                let (base, shape, args) = path_shape(op);
                let path = &requests[0].path;
                let rest = path.strip_prefix(base);
                prop_assert!(rest.is_some(), "{path} left {base}");
                let mut segments: Vec<&str> = rest.unwrap_or_default().split('/').skip(1).collect();
                // CPaaS paths end in the format suffix.
                if op == 5
                    && let Some(last) = segments.last_mut()
                {
                    *last = last.strip_suffix(".json").unwrap_or(last);
                }
                prop_assert_eq!(segments.len(), shape.len(), "{} in {:?}", path, shape);
                let mut arg = 0;
                for (seg, want) in segments.iter().zip(&shape) {
                    match want {
                        Some(lit) => prop_assert_eq!(seg, lit, "{}", path),
                        None => {
                            let given = if args[arg] == 1 { &a } else { &b };
                            arg += 1;
                            let decoded = percent_decode_str(seg).decode_utf8_lossy();
                            prop_assert_eq!(&decoded, given, "{}", path);
                        }
                    }
                }
            }
            // Query builders: the value arrives whole, as the only value of its name.
            for (sim, name, call) in [
                (&w.sinch.sim, "surname", 0),
                (&w.cpaas.sim, "FriendlyName", 1),
                (&w.axp.sim, "areaCode", 2),
            ] {
                sim.clear_requests();
                let result = w.rt.block_on(async {
                    match call {
                        0 => {
                            first(
                                w.sinch
                                    .client
                                    .users()
                                    .options(once())
                                    .list(&UserQuery::new().surname(a.clone()))
                                    .pages(),
                            )
                            .await
                        }
                        1 => {
                            first(
                                w.cpaas
                                    .client
                                    .account()
                                    .applications()
                                    .options(once())
                                    .list(&ApplicationFilter::new().friendly_name(a.clone()))
                                    .pages(),
                            )
                            .await
                        }
                        _ => {
                            first(
                                w.axp
                                    .client
                                    .account(AXP_ACCOUNT)
                                    .available_phone_numbers()
                                    .options(once())
                                    .list(&AvailableNumberQuery::country("US").area_code(a.clone()))
                                    .pages(),
                            )
                            .await
                        }
                    }
                });
                let requests = sim.requests();
                if matches!(&result, Err(e) if e.kind() == ErrorKind::InvalidInput) {
                    prop_assert!(requests.is_empty());
                    continue;
                }
                prop_assert!(!requests.is_empty(), "{:?}", result.err());
                let values: Vec<&str> = requests[0]
                    .query
                    .iter()
                    .filter(|(n, _)| n == name)
                    .map(|(_, v)| v.as_str())
                    .collect();
                prop_assert_eq!(values, vec![a.as_str()], "{:?}", requests[0].query);
                prop_assert!(requests[0].path.find('?').is_none());
            }
            Ok(())
        })
        .expect("every string stays in its segment");
    println!(
        "hostile paths and queries: {} cases ({} requests sent, {} refused before sending) in {:.2} s",
        cases(80),
        sent.get(),
        refused.get(),
        started.elapsed().as_secs_f64()
    );
}
