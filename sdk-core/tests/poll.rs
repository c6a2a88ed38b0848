//! Pollers on the wire: the intervals they sleep (on the manual clock), how they end
//! (success, failure status, deadline, gone), 429s while polling, and the status stream.

mod support;

use std::time::Duration;

use futures_util::{StreamExt, TryStreamExt};
use sdk_core::clock::ManualClock;
use sdk_core::{
    ErrorKind, PollPolicy, PollState, PollStatus, Poller, RequestOptions, RequestSpec, StatusCode,
    Transport,
};
use serde_json::{Value, json};
use support::{Sequence, builder, received, transport};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const JOB_PATH: &str = "/jobs/j-1";

fn spec() -> RequestSpec {
    RequestSpec::get("test.jobs.get", "/jobs/{id}", &["j-1"])
}

fn classify(v: &Value) -> PollStatus {
    let status = v["status"].as_str().unwrap_or("").to_owned();
    match status.as_str() {
        "READY" => PollStatus::Succeeded(status),
        "FAILED" => PollStatus::Failed {
            status,
            message: v["message"].as_str().map(str::to_owned),
        },
        _ => PollStatus::Pending(status),
    }
}

fn job(status: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({ "id": "j-1", "status": status }))
}

async fn answer(server: &MockServer, responses: Vec<ResponseTemplate>) {
    Mock::given(method("GET"))
        .and(path(JOB_PATH))
        .respond_with(Sequence::new(responses))
        .mount(server)
        .await;
}

/// 1 s, doubling, at most 5 s, no jitter, deadline 60 s.
fn policy() -> PollPolicy {
    PollPolicy::default()
        .initial_delay(Duration::from_secs(1))
        .multiplier(2.0)
        .max_interval(Duration::from_secs(5))
        .jitter(0.0)
        .deadline(Duration::from_secs(60))
}

fn poller(t: &Transport) -> Poller<Value> {
    Poller::new(t.clone(), spec(), classify).policy(policy())
}

fn secs(s: &[u64]) -> Vec<Duration> {
    s.iter().map(|s| Duration::from_secs(*s)).collect()
}

#[tokio::test]
async fn wait_succeeds_after_pending_reads_with_growing_capped_intervals() {
    let server = MockServer::start().await;
    answer(
        &server,
        vec![
            job("QUEUED"),
            job("RUNNING"),
            job("RUNNING"),
            job("RUNNING"),
            job("RUNNING"),
            job("READY"),
        ],
    )
    .await;
    let clock = ManualClock::new();
    let t = transport(&server, &clock);

    let done = poller(&t).wait().await.unwrap();

    assert_eq!(done["status"], "READY");
    assert_eq!(received(&server).await.len(), 6);
    // initial 1 s, then x2 each read, capped at 5 s
    assert_eq!(clock.sleeps(), secs(&[1, 2, 4, 5, 5, 5]));
    assert_eq!(clock.elapsed(), Duration::from_secs(22));
}

#[tokio::test]
async fn the_client_default_policy_applies_when_none_is_given() {
    let server = MockServer::start().await;
    answer(&server, vec![job("RUNNING"), job("READY")]).await;
    let clock = ManualClock::new();
    let t = builder(&server, &clock)
        .no_auth()
        .poll_policy(
            policy()
                .initial_delay(Duration::from_secs(3))
                .multiplier(1.0),
        )
        .build()
        .unwrap();

    Poller::new(t, spec(), classify).wait().await.unwrap();

    assert_eq!(clock.sleeps(), secs(&[3, 3]));
}

#[tokio::test]
async fn jitter_only_shortens_intervals() {
    let server = MockServer::start().await;
    answer(&server, vec![job("RUNNING"), job("RUNNING"), job("READY")]).await;
    let clock = ManualClock::new();
    let t = transport(&server, &clock);

    Poller::new(t, spec(), classify)
        .policy(policy().multiplier(1.0).jitter(0.5))
        .wait()
        .await
        .unwrap();

    let sleeps = clock.sleeps();
    assert_eq!(sleeps.len(), 3);
    assert!(
        sleeps
            .iter()
            .all(|s| *s >= Duration::from_millis(500) && *s <= Duration::from_secs(1)),
        "{sleeps:?}"
    );
}

#[tokio::test]
async fn a_failure_status_is_operation_failed_with_status_and_message() {
    let server = MockServer::start().await;
    answer(
        &server,
        vec![
            job("RUNNING"),
            ResponseTemplate::new(200).set_body_json(
                json!({ "id": "j-1", "status": "FAILED", "message": "trunk limit reached" }),
            ),
        ],
    )
    .await;
    let clock = ManualClock::new();
    let t = transport(&server, &clock);

    let err = poller(&t).wait().await.unwrap_err();

    assert_eq!(err.kind(), ErrorKind::OperationFailed);
    assert_eq!(err.operation_status(), Some("FAILED"));
    assert_eq!(err.vendor_message(), Some("trunk limit reached"));
    assert_eq!(err.operation(), Some("test.jobs.get"));
    assert!(err.to_string().contains("trunk limit reached"), "{err}");
    assert_eq!(received(&server).await.len(), 2, "no read after a failure");
}

#[tokio::test]
async fn the_deadline_ends_the_wait_with_the_last_status_and_trims_the_last_sleep() {
    let server = MockServer::start().await;
    answer(
        &server,
        vec![
            job("STEP-1"),
            job("STEP-2"),
            job("STEP-3"),
            job("STEP-4"),
            job("READY"),
        ],
    )
    .await;
    let clock = ManualClock::new();
    let t = transport(&server, &clock);

    let err = poller(&t)
        .policy(policy().deadline(Duration::from_secs(10)))
        .wait()
        .await
        .unwrap_err();

    assert_eq!(err.kind(), ErrorKind::PollTimeout);
    assert_eq!(err.operation_status(), Some("STEP-4"));
    // 1 + 2 + 4 = 7, then 5 is cut to the 3 s left, and one last read at the deadline
    assert_eq!(clock.sleeps(), secs(&[1, 2, 4, 3]));
    assert_eq!(clock.elapsed(), Duration::from_secs(10));
    assert_eq!(received(&server).await.len(), 4);
}

#[tokio::test]
async fn a_429_while_polling_waits_as_retry_after_says_and_polls_on() {
    let server = MockServer::start().await;
    answer(
        &server,
        vec![
            job("RUNNING"),
            ResponseTemplate::new(429).insert_header("Retry-After", "7"),
            job("READY"),
        ],
    )
    .await;
    let clock = ManualClock::new();
    let t = transport(&server, &clock);

    let done = poller(&t).wait().await.unwrap();

    assert_eq!(done["status"], "READY");
    assert_eq!(clock.sleeps(), secs(&[1, 2, 7]));
    assert_eq!(
        received(&server).await.len(),
        3,
        "the read itself is not retried"
    );
}

#[tokio::test]
async fn a_non_transient_error_ends_the_wait() {
    let server = MockServer::start().await;
    answer(&server, vec![job("RUNNING"), ResponseTemplate::new(403)]).await;
    let clock = ManualClock::new();
    let t = transport(&server, &clock);

    let err = poller(&t).wait().await.unwrap_err();

    assert_eq!(err.kind(), ErrorKind::Api);
    assert_eq!(err.status(), Some(StatusCode::FORBIDDEN));
    assert_eq!(received(&server).await.len(), 2);
}

#[tokio::test]
async fn reads_keep_the_specs_own_options() {
    let server = MockServer::start().await;
    Mock::given(path(JOB_PATH))
        .and(header("x-trace", "run-42"))
        .respond_with(job("READY"))
        .mount(&server)
        .await;
    let t = transport(&server, &ManualClock::new());
    let spec = spec().options(RequestOptions::new().header("x-trace", "run-42").unwrap());

    let done = Poller::new(t, spec, classify).policy(policy()).wait().await;

    assert_eq!(done.unwrap()["status"], "READY");
}

#[tokio::test]
async fn until_gone_ends_on_404() {
    let server = MockServer::start().await;
    answer(
        &server,
        vec![job("DELETING"), job("DELETING"), ResponseTemplate::new(404)],
    )
    .await;
    let clock = ManualClock::new();
    let t = transport(&server, &clock);

    Poller::until_gone::<Value, _>(t, spec(), classify)
        .policy(policy())
        .wait()
        .await
        .unwrap();

    assert_eq!(received(&server).await.len(), 3);
    assert_eq!(clock.sleeps(), secs(&[1, 2, 4]));
}

#[tokio::test]
async fn until_gone_ends_on_an_added_status() {
    let server = MockServer::start().await;
    answer(&server, vec![job("DELETING"), ResponseTemplate::new(204)]).await;
    let t = transport(&server, &ManualClock::new());

    Poller::until_gone::<Value, _>(t.clone(), spec(), classify)
        .gone_on(StatusCode::NO_CONTENT)
        .policy(policy())
        .wait()
        .await
        .unwrap();
    assert_eq!(received(&server).await.len(), 2);

    // without `gone_on`, a 204 is an empty body where a status was expected
    let err = Poller::until_gone::<Value, _>(t, spec(), classify)
        .policy(policy())
        .wait()
        .await;
    assert!(err.is_err(), "{err:?}");
}

#[tokio::test]
async fn until_gone_reports_a_failed_deletion() {
    let server = MockServer::start().await;
    answer(
        &server,
        vec![
            job("DELETING"),
            ResponseTemplate::new(200)
                .set_body_json(json!({ "id": "j-1", "status": "FAILED", "message": "in use" })),
        ],
    )
    .await;
    let t = transport(&server, &ManualClock::new());

    let err = Poller::until_gone::<Value, _>(t, spec(), classify)
        .policy(policy())
        .wait()
        .await
        .unwrap_err();

    assert_eq!(err.kind(), ErrorKind::OperationFailed);
    assert_eq!(err.vendor_message(), Some("in use"));
}

#[tokio::test]
async fn poll_once_reads_once_and_does_not_sleep() {
    let server = MockServer::start().await;
    answer(&server, vec![job("RUNNING"), job("READY")]).await;
    let clock = ManualClock::new();
    let t = transport(&server, &clock);
    let mut p = poller(&t);

    match p.poll_once().await.unwrap() {
        PollState::Pending { status } => assert_eq!(status, "RUNNING"),
        PollState::Done(v) => panic!("done too early: {v}"),
    }
    assert_eq!(p.last_status(), Some("RUNNING"));
    match p.poll_once().await.unwrap() {
        PollState::Done(v) => assert_eq!(v["status"], "READY"),
        PollState::Pending { status } => panic!("still {status}"),
    }
    assert_eq!(p.last_status(), Some("READY"));
    assert_eq!(received(&server).await.len(), 2);
    assert!(clock.sleeps().is_empty());
}

#[tokio::test]
async fn statuses_stream_each_status_then_wait_returns_the_resource_without_a_read() {
    let server = MockServer::start().await;
    answer(
        &server,
        vec![
            job("QUEUED"),
            ResponseTemplate::new(503),
            job("RUNNING"),
            job("READY"),
        ],
    )
    .await;
    let clock = ManualClock::new();
    let t = transport(&server, &clock);
    let mut p = poller(&t);

    let seen: Vec<String> = p.statuses().try_collect().await.unwrap();
    assert_eq!(seen.first().map(String::as_str), Some("QUEUED"));
    assert_eq!(seen.last().map(String::as_str), Some("READY"));
    assert!(seen.contains(&"RUNNING".to_owned()), "{seen:?}");
    assert_eq!(received(&server).await.len(), 4);

    let done = p.wait().await.unwrap();
    assert_eq!(done["status"], "READY");
    assert_eq!(received(&server).await.len(), 4, "no extra read");
}

#[tokio::test]
async fn statuses_end_with_the_failure() {
    let server = MockServer::start().await;
    answer(&server, vec![job("RUNNING"), job("FAILED")]).await;
    let t = transport(&server, &ManualClock::new());
    let mut p = poller(&t);

    let seen: Vec<_> = p.statuses().collect().await;

    assert_eq!(seen.len(), 2);
    assert_eq!(seen[0].as_deref().unwrap(), "RUNNING");
    let err = seen[1].as_ref().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::OperationFailed);
    assert_eq!(err.operation_status(), Some("FAILED"));
}

#[tokio::test]
async fn statuses_end_with_a_timeout_at_the_deadline() {
    let server = MockServer::start().await;
    answer(&server, vec![job("RUNNING")]).await;
    let clock = ManualClock::new();
    let t = transport(&server, &clock);
    let mut p = poller(&t).policy(policy().deadline(Duration::from_secs(10)));

    let seen: Vec<_> = p.statuses().take(20).collect().await;

    let err = seen.last().unwrap().as_ref().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::PollTimeout);
    assert_eq!(err.operation_status(), Some("RUNNING"));
    assert!(seen[..seen.len() - 1].iter().all(Result::is_ok));
    assert_eq!(clock.elapsed(), Duration::from_secs(10));
}

#[tokio::test]
async fn a_dropped_status_stream_reads_no_more() {
    let server = MockServer::start().await;
    answer(&server, vec![job("RUNNING")]).await;
    let t = transport(&server, &ManualClock::new());
    let mut p = poller(&t);

    let first: Vec<_> = p.statuses().take(2).collect().await;
    tokio::task::yield_now().await;

    assert_eq!(first.len(), 2);
    assert_eq!(received(&server).await.len(), 2);
    drop(p);
    assert_eq!(received(&server).await.len(), 2);
}
