//! Waiting for long-running resources while the server throttles, fails and drops
//! connections: the wait still ends in the terminal status, a deadline holds within one
//! interval even when a read hangs, and a dropped wait sends nothing more.

mod support;

use std::time::{Duration, Instant, SystemTime};

use axp_voice::phone_numbers::NewPhoneNumber;
use cpaas::calls::{CallStatus, MakeCall};
use sdk_core::sim::{Fault, RetryAfter, Simulator};
use sdk_core::{ErrorKind, Method, PollPolicy};
use support::{AXP_ACCOUNT, e164};

/// A 429 with `Retry-After: 1`, a 429 with a date, a 503 and a dropped connection, each
/// once, on the reads below `path`.
fn transient_faults(sim: &Simulator, path: &str) {
    sim.inject(Fault::retry_after(429, RetryAfter::Seconds(1)).on(Method::GET, path));
    sim.inject(
        Fault::retry_after(
            429,
            RetryAfter::HttpDate(SystemTime::now() + Duration::from_secs(2)),
        )
        .on(Method::GET, path),
    );
    sim.inject(Fault::status(503).on(Method::GET, path));
    sim.inject(Fault::drop_connection().on(Method::GET, path));
}

fn gets(sim: &Simulator) -> usize {
    sim.requests()
        .iter()
        .filter(|r| r.method == Method::GET)
        .count()
}

fn posts(sim: &Simulator) -> usize {
    sim.requests()
        .iter()
        .filter(|r| r.method == Method::POST)
        .count()
}

#[tokio::test]
async fn an_axp_wait_meets_429s_503_and_a_dropped_connection_and_still_succeeds() {
    let (clock, shared) = support::manual();
    let axp = support::axp(shared).await;
    axp.sim.set_polls("phone_numbers", 3).expect("resource");
    let accepted = axp
        .client
        .account(AXP_ACCOUNT)
        .phone_numbers()
        .create(&NewPhoneNumber::new(e164(), "Support", "US"))
        .await
        .expect("accepted");
    transient_faults(&axp.sim, "/api/admin/voice/v1/");

    let number = accepted.wait().await.expect("the number becomes active");

    assert_eq!(number.status.as_ref().map(|s| s.as_str()), Some("ACTIVE"));
    // 4 faulted reads, 3 pending ones, the successful one; the create once.
    assert_eq!(gets(&axp.sim), 8);
    assert_eq!(posts(&axp.sim), 1);
    let sleeps = clock.sleeps();
    assert!(sleeps.contains(&Duration::from_secs(1)), "{sleeps:?}");
    assert!(
        sleeps
            .iter()
            .any(|s| *s > Duration::from_millis(900) && *s <= Duration::from_secs(2)),
        "the dated Retry-After is waited: {sleeps:?}"
    );
}

#[tokio::test]
async fn a_cpaas_call_reaches_completed_through_the_same_faults() {
    let (_clock, shared) = support::manual();
    let cpaas = support::cpaas(shared).await;
    let placed = cpaas
        .client
        .account()
        .calls()
        .make(&MakeCall::new(
            "+12223334444",
            "+15556667777",
            "https://example.com/ivr",
        ))
        .await
        .expect("placed");
    transient_faults(&cpaas.sim, "/v2/");

    let call = placed.wait().await.expect("completed");

    assert_eq!(call.status, Some(CallStatus::Completed));
    // 4 faulted reads, ringing, in-progress, completed.
    assert_eq!(gets(&cpaas.sim), 7);
    assert_eq!(posts(&cpaas.sim), 1);
}

#[tokio::test]
async fn a_retry_after_beyond_the_deadline_does_not_carry_the_wait_past_it() {
    let (clock, shared) = support::manual();
    let axp = support::axp(shared).await;
    axp.sim.set_polls("phone_numbers", 1_000).expect("resource");
    let interval = Duration::from_secs(1);
    let deadline = Duration::from_secs(10);
    let accepted = axp
        .client
        .account(AXP_ACCOUNT)
        .phone_numbers()
        .create(&NewPhoneNumber::new(e164(), "Support", "US"))
        .await
        .expect("accepted");
    axp.sim.inject(
        Fault::retry_after(429, RetryAfter::Seconds(3_600))
            .times(2)
            .on(Method::GET, "/api/"),
    );
    axp.sim
        .inject(Fault::status(503).times(3).on(Method::GET, "/api/"));
    let start = clock.elapsed();

    let err = accepted
        .policy(
            PollPolicy::default()
                .initial_delay(interval)
                .max_interval(interval)
                .jitter(0.0)
                .deadline(deadline),
        )
        .wait()
        .await
        .expect_err("still pending at the deadline");

    assert_eq!(err.kind(), ErrorKind::PollTimeout);
    assert_eq!(err.operation_status(), Some("INPROGRESS"));
    let waited = clock.elapsed() - start;
    assert!(
        waited >= deadline && waited <= deadline + interval,
        "waited {waited:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hanging_read_ends_within_one_interval_of_the_deadline() {
    // The real clock: the read's own timeout is what is tested.
    let axp = support::axp(std::sync::Arc::new(sdk_core::clock::TokioClock)).await;
    axp.sim.set_polls("phone_numbers", 1_000).expect("resource");
    let interval = Duration::from_millis(20);
    let deadline = Duration::from_millis(150);
    let accepted = axp
        .client
        .account(AXP_ACCOUNT)
        .phone_numbers()
        .create(&NewPhoneNumber::new(e164(), "Support", "US"))
        .await
        .expect("accepted");
    // Every read hangs far longer than the deadline (and than the client's 60 s timeout).
    axp.sim.inject(
        Fault::delay(Duration::from_secs(120))
            .always()
            .on(Method::GET, "/api/"),
    );
    let start = Instant::now();

    let err = accepted
        .policy(
            PollPolicy::default()
                .initial_delay(interval)
                .max_interval(interval)
                .jitter(0.0)
                .deadline(deadline),
        )
        .wait()
        .await
        .expect_err("no read answers");

    let waited = start.elapsed();
    assert_eq!(err.kind(), ErrorKind::PollTimeout, "{err:?}");
    // Within one interval of the deadline, plus what a debug build needs to notice.
    assert!(
        waited < deadline + interval + Duration::from_millis(250),
        "waited {waited:?}"
    );
    assert!(waited >= deadline, "waited {waited:?}");
    axp.sim.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dropping_the_wait_stops_the_reads() {
    let axp = support::axp(std::sync::Arc::new(sdk_core::clock::TokioClock)).await;
    axp.sim
        .set_polls("phone_numbers", 1_000_000)
        .expect("resource");
    let accepted = axp
        .client
        .account(AXP_ACCOUNT)
        .phone_numbers()
        .create(&NewPhoneNumber::new(e164(), "Support", "US"))
        .await
        .expect("accepted");
    // Faults on the way too: the wait keeps reading through them until dropped.
    axp.sim.inject(
        Fault::status(503)
            .always()
            .ratio(0.3, 42)
            .on(Method::GET, "/api/"),
    );
    let wait = accepted
        .policy(
            PollPolicy::default()
                .initial_delay(Duration::from_millis(2))
                .max_interval(Duration::from_millis(2))
                .jitter(0.0),
        )
        .wait();

    let cut = tokio::time::timeout(Duration::from_millis(100), wait).await;

    assert!(cut.is_err(), "still pending when dropped");
    let at_drop = gets(&axp.sim);
    assert!(at_drop >= 5, "it was polling: {at_drop} reads");
    // A read already on the wire when the wait was dropped may still reach the server;
    // after that, twenty intervals pass without another.
    tokio::time::sleep(Duration::from_millis(20)).await;
    let settled = gets(&axp.sim);
    assert!(settled <= at_drop + 1, "{settled} reads after {at_drop}");
    tokio::time::sleep(Duration::from_millis(40)).await;
    assert_eq!(gets(&axp.sim), settled);
}
