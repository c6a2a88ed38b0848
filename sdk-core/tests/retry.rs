//! Retries on the wire: what is retried, how long it waits (on the manual clock), when it
//! stops, and that every retry is traced.

mod support;

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use sdk_core::clock::ManualClock;
use sdk_core::{ErrorKind, RequestOptions, RequestSpec, RetryPolicy, Transport};
use support::{Sequence, builder, received, transport};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn get() -> RequestSpec {
    RequestSpec::get("test.things.get", "/things/{id}", &["1"])
}

fn post() -> RequestSpec {
    RequestSpec::post("test.things.create", "/things", &[])
        .json(&serde_json::json!({ "name": "x" }))
}

async fn answer(server: &MockServer, responses: Vec<ResponseTemplate>) {
    Mock::given(path_any_things())
        .respond_with(Sequence::new(responses))
        .mount(server)
        .await;
}

fn path_any_things() -> wiremock::matchers::PathRegexMatcher {
    wiremock::matchers::path_regex("^/things")
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
async fn get_answered_503_then_200_succeeds_on_the_second_request() {
    let server = MockServer::start().await;
    answer(&server, vec![status(503), ok()]).await;
    let clock = ManualClock::new();
    let t = no_jitter(&server, &clock);

    let resp = t.send(get()).await.unwrap();

    assert_eq!(resp.status(), 200);
    assert_eq!(received(&server).await.len(), 2);
    assert_eq!(clock.sleeps(), vec![Duration::from_millis(200)]);
}

#[tokio::test]
async fn default_backoff_is_jittered_within_the_cap() {
    let server = MockServer::start().await;
    answer(&server, vec![status(502), status(504), ok()]).await;
    let clock = ManualClock::new();
    let t = transport(&server, &clock);

    t.send(get()).await.unwrap();

    let sleeps = clock.sleeps();
    assert_eq!(sleeps.len(), 2);
    assert!(sleeps[0] <= Duration::from_millis(200), "{sleeps:?}");
    assert!(sleeps[1] <= Duration::from_millis(400), "{sleeps:?}");
    assert_eq!(received(&server).await.len(), 3);
}

#[tokio::test]
async fn post_answered_503_is_not_sent_again() {
    let server = MockServer::start().await;
    answer(&server, vec![status(503), ok()]).await;
    let clock = ManualClock::new();
    let t = transport(&server, &clock);

    let err = t.send(post()).await.unwrap_err();

    assert_eq!(err.kind(), ErrorKind::Api);
    assert_eq!(
        err.status(),
        Some(sdk_core::StatusCode::SERVICE_UNAVAILABLE)
    );
    assert!(
        err.is_retryable(),
        "retryable in itself, just not safe to repeat"
    );
    assert_eq!(received(&server).await.len(), 1);
    assert!(clock.sleeps().is_empty());
}

#[tokio::test]
async fn post_is_retried_when_the_caller_opts_in() {
    let server = MockServer::start().await;
    answer(&server, vec![status(503), ok()]).await;
    let clock = ManualClock::new();
    let t = transport(&server, &clock);

    let resp = t
        .send(post().options(RequestOptions::new().retry_non_idempotent(true)))
        .await
        .unwrap();

    assert_eq!(resp.status(), 200);
    let requests = received(&server).await;
    assert_eq!(requests.len(), 2);
    assert!(requests.iter().all(|r| r.method.as_str() == "POST"));
    assert_eq!(
        requests[0].body, requests[1].body,
        "the same body both times"
    );
    assert_eq!(clock.sleeps().len(), 1);
}

#[tokio::test]
async fn retry_after_seconds_is_waited_exactly() {
    let server = MockServer::start().await;
    answer(
        &server,
        vec![status(429).insert_header("Retry-After", "7"), ok()],
    )
    .await;
    let clock = ManualClock::new();
    let t = transport(&server, &clock);

    t.send(get()).await.unwrap();

    assert_eq!(clock.sleeps(), vec![Duration::from_secs(7)]);
    assert_eq!(clock.elapsed(), Duration::from_secs(7));
    assert_eq!(received(&server).await.len(), 2);
}

#[tokio::test]
async fn retry_after_http_date_is_waited_until_that_time() {
    let server = MockServer::start().await;
    let when = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(30));
    answer(
        &server,
        vec![
            status(503).insert_header("Retry-After", when.as_str()),
            ok(),
        ],
    )
    .await;
    let clock = ManualClock::new();
    let t = transport(&server, &clock);

    t.send(get()).await.unwrap();

    let sleeps = clock.sleeps();
    assert_eq!(sleeps.len(), 1);
    // the date has whole seconds; a little real time passes before it is read
    assert!(
        sleeps[0] > Duration::from_secs(25) && sleeps[0] <= Duration::from_secs(30),
        "{sleeps:?}"
    );
}

#[tokio::test]
async fn retry_after_http_date_is_read_on_the_servers_clock() {
    // The server's clock is far behind this machine's: measured against this machine, its
    // date would be long past and the retry immediate.
    let server = MockServer::start().await;
    answer(
        &server,
        vec![
            status(429)
                .insert_header("Date", "Sun, 06 Nov 1994 08:49:37 GMT")
                .insert_header("Retry-After", "Sun, 06 Nov 1994 08:49:49 GMT"),
            ok(),
        ],
    )
    .await;
    let clock = ManualClock::new();
    let t = transport(&server, &clock);

    t.send(get()).await.unwrap();

    assert_eq!(clock.sleeps(), vec![Duration::from_secs(12)]);
    assert_eq!(received(&server).await.len(), 2);
}

#[tokio::test]
async fn retry_after_above_the_cap_is_capped() {
    let server = MockServer::start().await;
    answer(
        &server,
        vec![
            status(429).insert_header("Retry-After", "3600"),
            status(429).insert_header("Retry-After", "3600"),
            ok(),
        ],
    )
    .await;
    let clock = ManualClock::new();
    let t = transport(&server, &clock);

    // the default cap (60 s), then a per-call policy's own cap
    t.send(get()).await.unwrap();
    assert_eq!(clock.sleeps(), vec![Duration::from_secs(60); 2]);

    server.reset().await;
    answer(
        &server,
        vec![status(429).insert_header("Retry-After", "30"), ok()],
    )
    .await;
    let capped = RetryPolicy::default().max_retry_after(Duration::from_secs(10));
    t.send(get().options(RequestOptions::new().retry(capped)))
        .await
        .unwrap();
    assert_eq!(clock.sleeps()[2..], [Duration::from_secs(10)]);
}

#[tokio::test]
async fn retries_stop_at_max_attempts_with_the_last_error() {
    let server = MockServer::start().await;
    answer(
        &server,
        vec![
            status(503),
            status(502),
            ResponseTemplate::new(503)
                .insert_header("x-request-id", "req-3")
                .set_body_json(serde_json::json!({ "code": "BUSY", "message": "try later" })),
            ok(),
        ],
    )
    .await;
    let clock = ManualClock::new();
    let t = no_jitter(&server, &clock);

    let err = t.send(get()).await.unwrap_err();

    assert_eq!(received(&server).await.len(), 3, "3 attempts by default");
    assert_eq!(err.kind(), ErrorKind::Api);
    assert_eq!(
        err.status(),
        Some(sdk_core::StatusCode::SERVICE_UNAVAILABLE)
    );
    assert_eq!(err.request_id(), Some("req-3"), "the last answer's error");
    assert_eq!(err.vendor_code(), Some("BUSY"));
    assert_eq!(err.vendor_message(), Some("try later"));
    assert_eq!(err.operation(), Some("test.things.get"));
    assert_eq!(
        clock.sleeps(),
        vec![Duration::from_millis(200), Duration::from_millis(400)]
    );
}

#[tokio::test]
async fn per_call_policy_changes_the_attempts() {
    let server = MockServer::start().await;
    answer(&server, vec![status(503)]).await;
    let clock = ManualClock::new();
    let t = transport(&server, &clock);

    let opts = RequestOptions::new().retry(RetryPolicy::default().max_attempts(5));
    t.send(get().options(opts)).await.unwrap_err();
    assert_eq!(received(&server).await.len(), 5);

    t.send(get().options(RequestOptions::new().retry(RetryPolicy::none())))
        .await
        .unwrap_err();
    assert_eq!(received(&server).await.len(), 6);
}

#[tokio::test]
async fn an_exhausted_retry_budget_returns_the_last_error() {
    let server = MockServer::start().await;
    answer(&server, vec![status(503)]).await;
    let clock = ManualClock::new();
    let t = builder(&server, &clock)
        .no_auth()
        .retry_budget(10)
        .retry_policy(RetryPolicy::default().max_attempts(10))
        .build()
        .unwrap();

    let err = t.send(get()).await.unwrap_err();

    // 10 tokens pay for two retries of 5: three requests, not ten
    assert_eq!(
        err.status(),
        Some(sdk_core::StatusCode::SERVICE_UNAVAILABLE)
    );
    assert_eq!(received(&server).await.len(), 3);
    assert_eq!(clock.sleeps().len(), 2);
    assert_eq!(t.retry_budget_available(), 0);

    // the empty budget is shared by clones: no retry at all now
    let err = t.clone().send(get()).await.unwrap_err();
    assert_eq!(
        err.status(),
        Some(sdk_core::StatusCode::SERVICE_UNAVAILABLE)
    );
    assert_eq!(received(&server).await.len(), 4);
    assert_eq!(clock.sleeps().len(), 2);

    // a success gives a token back
    server.reset().await;
    answer(&server, vec![ok()]).await;
    t.send(get()).await.unwrap();
    assert_eq!(t.retry_budget_available(), 1);
}

#[tokio::test]
async fn non_retryable_statuses_are_not_retried() {
    for code in [400, 401, 403, 404, 409, 500, 501] {
        let server = MockServer::start().await;
        answer(&server, vec![status(code), ok()]).await;
        let clock = ManualClock::new();
        let t = transport(&server, &clock);

        let err = t.send(get()).await.unwrap_err();

        assert_eq!(err.status().map(|s| s.as_u16()), Some(code));
        assert!(!err.is_retryable(), "{code}");
        assert_eq!(received(&server).await.len(), 1, "{code}");
        assert!(clock.sleeps().is_empty(), "{code}");
    }
}

#[tokio::test]
async fn a_connect_error_is_retried_even_for_post() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    }; // dropped: nothing listens there now
    let clock = ManualClock::new();
    let t = Transport::builder()
        .base_url(format!("http://127.0.0.1:{port}"))
        .allow_http(true)
        .no_auth()
        .clock(Arc::new(clock.clone()))
        .build()
        .unwrap();

    let err = t.send(post()).await.unwrap_err();

    assert_eq!(err.kind(), ErrorKind::Transport);
    assert!(err.is_connect());
    assert!(err.is_retryable());
    assert_eq!(err.status(), None);
    assert_eq!(clock.sleeps().len(), 2, "three attempts in all");
    assert_eq!(t.retry_budget_available(), 500 - 2 * 5);
}

#[tokio::test]
async fn a_per_call_timeout_is_a_timeout_error() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/things/1"))
        .respond_with(ok().set_delay(Duration::from_millis(300)))
        .mount(&server)
        .await;
    let clock = ManualClock::new();
    let t = transport(&server, &clock);

    let started = std::time::Instant::now();
    let opts = RequestOptions::new()
        .timeout(Duration::from_millis(50))
        .retry(RetryPolicy::default().max_attempts(2));
    let err = t.send(get().options(opts)).await.unwrap_err();

    assert_eq!(err.kind(), ErrorKind::Timeout);
    assert!(err.is_retryable());
    assert!(!err.is_connect());
    assert!(
        started.elapsed() < Duration::from_millis(550),
        "two attempts did not wait for the answers"
    );
    // a GET that timed out is retried once (max_attempts 2), at the timeout price of 10
    assert_eq!(received(&server).await.len(), 2);
    assert_eq!(clock.sleeps().len(), 1);
    assert_eq!(t.retry_budget_available(), 490);
}
