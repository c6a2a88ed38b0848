//! What a request traces: the OpenTelemetry HTTP client fields on its span, one DEBUG
//! event per attempt, a retry at INFO and a give-up at WARN.
//!
//! Every test here captures the trace output: tracing caches each event's interest once,
//! so a test in the same process that emits the same event with no subscriber could
//! silence it for the others.

mod support;

use sdk_core::RetryPolicy;
use sdk_core::clock::ManualClock;
use sdk_core::{RequestSpec, Transport};
use support::{Sequence, builder, capture_tracing, received, transport};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn get() -> RequestSpec {
    RequestSpec::get("test.things.get", "/things/{id}", &["1"])
}

fn post() -> RequestSpec {
    RequestSpec::post("test.things.create", "/things", &[])
        .json(&serde_json::json!({ "name": "x" }))
}

async fn answer(server: &MockServer, responses: Vec<ResponseTemplate>) {
    Mock::given(wiremock::matchers::path_regex("^/things"))
        .respond_with(Sequence::new(responses))
        .mount(server)
        .await;
}

fn status(code: u16) -> ResponseTemplate {
    ResponseTemplate::new(code)
}

fn ok() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(serde_json::json!({ "id": "1" }))
}

fn no_jitter(server: &MockServer, clock: &ManualClock) -> Transport {
    builder(server, clock)
        .no_auth()
        .retry_policy(RetryPolicy::default().without_jitter())
        .build()
        .expect("transport")
}

#[tokio::test]
async fn every_retry_is_a_tracing_event() {
    let server = MockServer::start().await;
    answer(&server, vec![status(503), status(429), ok()]).await;
    let clock = ManualClock::new();
    let t = no_jitter(&server, &clock);
    let (logs, _guard) = capture_tracing();

    t.send(get()).await.unwrap();

    let out = logs.contents();
    let retries: Vec<&str> = out.lines().filter(|l| l.contains("retrying")).collect();
    assert_eq!(retries.len(), 2, "{out}");
    assert!(
        retries[0].contains("attempt=1") && retries[0].contains("status=503"),
        "{out}"
    );
    assert!(
        retries[1].contains("attempt=2") && retries[1].contains("status=429"),
        "{out}"
    );
    assert!(retries[0].contains("delay_ms=200"), "{out}");
    assert!(retries.iter().all(|l| l.contains("INFO")), "{out}");
    assert!(
        retries
            .iter()
            .all(|l| l.contains("operation=\"test.things.get\"")
                || l.contains("operation=test.things.get")),
        "the span names the operation: {out}"
    );
}

#[tokio::test]
async fn a_refused_post_retry_is_traced_too() {
    let server = MockServer::start().await;
    answer(&server, vec![status(503)]).await;
    let clock = ManualClock::new();
    let t = transport(&server, &clock);
    let (logs, _guard) = capture_tracing();

    t.send(post()).await.unwrap_err();

    let out = logs.contents();
    assert!(
        out.contains("not retrying a non-idempotent request"),
        "{out}"
    );
    let retries = out
        .lines()
        .filter(|l| l.contains("retrying") && !l.contains("not retrying"))
        .count();
    assert_eq!(retries, 0, "{out}");
    assert_eq!(received(&server).await.len(), 1);
}

#[tokio::test]
async fn the_span_carries_the_opentelemetry_http_client_fields() {
    let server = MockServer::start().await;
    answer(
        &server,
        vec![
            status(503),
            status(503),
            ok().insert_header("x-request-id", "req-77"),
        ],
    )
    .await;
    let clock = ManualClock::new();
    let t = no_jitter(&server, &clock);
    let (logs, _guard) = capture_tracing();

    t.send(get()).await.unwrap();

    let out = logs.contents();
    let answered: Vec<&str> = out.lines().filter(|l| l.contains("answered")).collect();
    assert_eq!(answered.len(), 3, "one event per attempt: {out}");
    assert!(answered.iter().all(|l| l.contains("DEBUG")), "{out}");
    let last = answered[2];
    for field in [
        "otel.name=\"test.things.get\"",
        "http.request.method=GET",
        "url.template=\"/things/{id}\"",
        "server.address=\"127.0.0.1\"",
        "http.response.status_code=200",
        "http.request.resend_count=2",
        "request_id=\"req-77\"",
    ] {
        assert!(last.contains(field), "{field} in {last}");
    }
    assert!(
        !out.contains("/things/1"),
        "the filled path is never traced: {out}"
    );
}

#[tokio::test]
async fn a_give_up_is_a_warning_with_the_error_type() {
    let server = MockServer::start().await;
    answer(&server, vec![status(503), status(503), status(503)]).await;
    let clock = ManualClock::new();
    let t = no_jitter(&server, &clock);
    let (logs, _guard) = capture_tracing();

    let err = t.send(get()).await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));

    let out = logs.contents();
    let give_up: Vec<&str> = out.lines().filter(|l| l.contains("giving up")).collect();
    assert_eq!(give_up.len(), 1, "{out}");
    assert!(give_up[0].contains("WARN"), "{out}");
    assert!(
        !out.lines()
            .any(|l| l.contains("WARN") && l.contains("retrying")),
        "{out}"
    );
}
