//! Table 4: polling. How many reads `Poller::wait()` makes for a resource that becomes
//! ready 30 s after the wait starts, with the default `PollPolicy` (2 s, then x1.5 up to
//! 30 s, 20 % jitter) against a fixed 1 s interval, and how late each notices.
//!
//! Time is a `ManualClock` shared by the poller's transport and the loopback server: the
//! poller's sleeps return at once and move the clock, and the server answers `PENDING`
//! until the clock has moved 30 s past the start of the wait, then `READY`. So every wait
//! takes milliseconds of real time and the counts are exact. The default policy has
//! jitter, so it is run many times (`BENCH_POLL_WAITS`, default 200) and the counts are
//! summarised.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use benchmarks::measure::{Table, env_usize, f, median};
use benchmarks::server::{self, Reply};
use sdk_core::clock::{Clock, ManualClock};
use sdk_core::{PollPolicy, PollStatus, Poller, RequestSpec, Transport};
use serde::Deserialize;

const READY_AFTER: Duration = Duration::from_secs(30);

#[derive(Debug, Deserialize)]
struct Resource {
    status: String,
}

fn classify(r: &Resource) -> PollStatus {
    match r.status.as_str() {
        "READY" => PollStatus::Succeeded(r.status.clone()),
        s => PollStatus::Pending(s.to_owned()),
    }
}

/// The summary of many waits under one policy.
struct Summary {
    reads: Vec<f64>,
    late_s: Vec<f64>,
}

fn main() {
    let waits = env_usize("BENCH_POLL_WAITS", 200);
    let clock = ManualClock::new();
    // Nanoseconds of clock time at which the current wait started.
    let started = Arc::new(AtomicU64::new(0));
    let reads = Arc::new(AtomicU64::new(0));
    let (server_clock, server_start, server_reads) =
        (clock.clone(), started.clone(), reads.clone());
    let addr = server::start(move |_req| {
        server_reads.fetch_add(1, Ordering::SeqCst);
        let since = server_clock.elapsed().as_nanos() as u64 - server_start.load(Ordering::SeqCst);
        if Duration::from_nanos(since) >= READY_AFTER {
            Reply::json(&br#"{"id":"r1","status":"READY"}"#[..])
        } else {
            Reply::json(&br#"{"id":"r1","status":"PENDING"}"#[..])
        }
    });
    let transport = Transport::builder()
        .base_url(format!("http://{addr}"))
        .allow_http(true)
        .no_auth()
        .clock(Arc::new(clock.clone()))
        .build()
        .expect("transport");
    let rt = server::client_runtime();
    let run = |policy: PollPolicy| -> Summary {
        let mut s = Summary {
            reads: Vec::new(),
            late_s: Vec::new(),
        };
        rt.block_on(async {
            for _ in 0..waits {
                let t0 = clock.now();
                started.store(clock.elapsed().as_nanos() as u64, Ordering::SeqCst);
                reads.store(0, Ordering::SeqCst);
                let poller = Poller::new(
                    transport.clone(),
                    RequestSpec::get("bench.resource.get", "/resources/r1", &[]),
                    classify,
                )
                .policy(policy.clone());
                let r = poller.wait().await.expect("the resource becomes ready");
                assert_eq!(r.status, "READY");
                s.reads.push(reads.load(Ordering::SeqCst) as f64);
                s.late_s
                    .push((clock.now() - t0).saturating_sub(READY_AFTER).as_secs_f64());
            }
        });
        s
    };
    let default = run(PollPolicy::default());
    let fixed = run(PollPolicy::default()
        .initial_delay(Duration::from_secs(1))
        .multiplier(1.0)
        .max_interval(Duration::from_secs(1))
        .jitter(0.0));
    let range = |v: &[f64]| {
        let lo = v.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = v.iter().copied().fold(0.0, f64::max);
        format!("{lo:.0}-{hi:.0}")
    };
    let mut t = Table::new(
        "Table 4: requests per wait() for a resource ready after 30 s of paused time",
        &[
            "policy",
            "requests per wait (median)",
            "range",
            "ready → noticed, s (median)",
            "requests vs fixed 1 s",
        ],
    );
    for (name, s) in [
        ("default (2 s, x1.5, max 30 s, jitter 20 %)", &default),
        ("fixed 1 s interval", &fixed),
    ] {
        t.row(vec![
            name.to_owned(),
            f(median(&s.reads), 0),
            range(&s.reads),
            f(median(&s.late_s), 2),
            f(median(&s.reads) / median(&fixed.reads), 3),
        ]);
    }
    t.note(format!(
        "{waits} waits per policy on a ManualClock shared by the poller and the server; \
         requests counted by the server"
    ));
    t.print();
}
