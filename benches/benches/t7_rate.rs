//! Table 7: bulk work at the service's rate. Creates against a simulator limited to R
//! requests per second (`Simulator::rate_limit`: a token bucket holding one second of
//! requests, 429 with `Retry-After` beyond it) whose admitted answers take a fixed latency,
//! sent under the client's adaptive limit (`sdk_core::limit::for_each_limited`) and at a
//! fixed concurrency (`buffer_unordered(16)` and `(64)`, what bulk code did before).
//!
//! A create is not sent again after a 429 (it is not idempotent), so a failed create comes
//! back to the bench; after each pass over the items the bench reads the simulator's store,
//! counts the failed creates it holds anyway as done, and sends the rest again, until every
//! item is stored. The time of every pass counts. Lost and doubled creates are counted from
//! the store: each asked-for user must be there exactly once.
//!
//! The simulator runs on its own thread and runtime, the client on the main thread. Knobs:
//! `BENCH_RATE_CREATES` (5,000), `BENCH_RATE` (R, 1,000 per second), `BENCH_RATE_LATENCY_MS`
//! (40: the latency of an admitted create, so R needs about R x latency = 40 in flight),
//! `BENCH_RATE_BURST` (the bucket, R: one second's worth).

use std::collections::HashMap;
use std::time::{Duration, Instant};

use benchmarks::measure::{Table, env_usize, f, verdict};
use benchmarks::server;
use futures_util::StreamExt;
use sdk_core::limit::for_each_limited;
use sdk_core::sim::{Fault, Simulator};
use sinch_rci::RciClient;
use sinch_rci::users::UserRequest;

/// A simulator on its own thread; returns it (its runtime keeps running).
fn start_sim() -> Simulator {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("simulator".into())
        .spawn(move || {
            let rt = server::client_runtime();
            rt.block_on(async move {
                tx.send(sinch_rci::sim::start().await.expect("start the simulator"))
                    .expect("hand the simulator over");
                std::future::pending::<()>().await;
            });
        })
        .expect("spawn the simulator thread");
    rx.recv().expect("the simulator")
}

#[derive(Clone, Copy, Debug)]
enum Strategy {
    Adaptive,
    Fixed(usize),
}

impl Strategy {
    fn name(self) -> String {
        match self {
            Strategy::Adaptive => "adaptive (for_each_limited)".to_owned(),
            Strategy::Fixed(n) => format!("fixed {n} (buffer_unordered)"),
        }
    }
}

fn surname(i: u64) -> String {
    format!("Fox{i}")
}

/// Sends the creates of `items`; returns the ones that failed.
async fn pass(strategy: Strategy, client: &RciClient, items: &[u64]) -> Vec<u64> {
    let create = |i: u64| async move {
        let request = UserRequest::new("John", surname(i));
        (i, client.users().create(&request).await.is_ok())
    };
    let results: Vec<(u64, bool)> = match strategy {
        Strategy::Adaptive => {
            for_each_limited(client.transport(), items.iter().copied(), create)
                .collect()
                .await
        }
        Strategy::Fixed(n) => {
            futures_util::stream::iter(items.iter().copied())
                .map(create)
                .buffer_unordered(n)
                .collect()
                .await
        }
    };
    results
        .into_iter()
        .filter_map(|(i, ok)| (!ok).then_some(i))
        .collect()
}

/// How many times each surname is stored.
fn stored(sim: &Simulator) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    sim.with_store(|s| {
        for user in s.list("users", &[]) {
            if let Some(name) = user["surname"].as_str() {
                *counts.entry(name.to_owned()).or_insert(0) += 1;
            }
        }
    });
    counts
}

struct Run {
    elapsed: Duration,
    requests: usize,
    throttled: u64,
    passes: usize,
    lost: usize,
    doubled: usize,
    limit: Option<u32>,
}

/// Creates users `0..n` with `strategy` against a fresh simulator limited to `rate` per
/// second (none when 0) whose admitted answers take `latency`.
async fn run(strategy: Strategy, n: u64, rate: u32, burst: u32, latency: Duration) -> Run {
    let sim = start_sim();
    if !latency.is_zero() {
        sim.inject(Fault::delay(latency).always());
    }
    if rate > 0 {
        sim.rate_limit_with_burst(rate, burst);
    }
    let client = sinch_rci::sim::client(&sim).expect("client");
    let started = Instant::now();
    let mut pending: Vec<u64> = (0..n).collect();
    let mut passes = 0;
    while !pending.is_empty() && passes < 100 {
        passes += 1;
        let failed = pass(strategy, &client, &pending).await;
        let have = stored(&sim);
        pending = failed
            .into_iter()
            .filter(|i| !have.contains_key(&surname(*i)))
            .collect();
    }
    let elapsed = started.elapsed();
    let have = stored(&sim);
    let lost = (0..n).filter(|i| !have.contains_key(&surname(*i))).count();
    let doubled = have.values().map(|c| c - 1).sum();
    let run = Run {
        elapsed,
        requests: sim.requests().len(),
        throttled: sim.throttled(),
        passes,
        lost,
        doubled,
        limit: matches!(strategy, Strategy::Adaptive).then(|| client.transport().limiter().limit()),
    };
    sim.shutdown().await;
    run
}

fn main() {
    let started = Instant::now();
    let n = env_usize("BENCH_RATE_CREATES", 5000) as u64;
    let rate = env_usize("BENCH_RATE", 1000) as u32;
    let burst = env_usize("BENCH_RATE_BURST", rate as usize) as u32;
    let latency = Duration::from_millis(env_usize("BENCH_RATE_LATENCY_MS", 40) as u64);
    let rt = server::client_runtime();

    // What the machine sustains: the same creates, no rate limit, no latency, 64 at once.
    let probe_n = n.min(2000);
    let probe = rt.block_on(run(Strategy::Fixed(64), probe_n, 0, 0, Duration::ZERO));
    let capacity = probe_n as f64 / probe.elapsed.as_secs_f64();

    let mut t = Table::new(
        format!(
            "Table 7: {n} sinch users().create against a simulator limited to R = {rate}/s \
             ({} ms per admitted create)",
            latency.as_millis()
        ),
        &[
            "strategy",
            "creates/s",
            "of R",
            "requests",
            "429s",
            "429 share",
            "passes",
            "lost",
            "doubled",
            "limit at end",
            "wall s",
            "goal (>= 0.9 R, <= 1 % 429s, 0 lost or doubled)",
        ],
    );
    // The last row: the same run against a bucket of a tenth of a second, where each
    // one-second pause a Retry-After asks for costs what the bucket cannot give back.
    let small = (rate / 10).max(1);
    let rows = [
        (Strategy::Adaptive, burst, String::new()),
        (Strategy::Fixed(16), burst, String::new()),
        (Strategy::Fixed(64), burst, String::new()),
        (Strategy::Adaptive, small, format!(", bucket {small}")),
    ];
    for (strategy, burst, label) in rows {
        let r = rt.block_on(run(strategy, n, rate, burst, latency));
        let per_s = n as f64 / r.elapsed.as_secs_f64();
        let share = r.throttled as f64 / r.requests as f64;
        let met = per_s >= 0.9 * f64::from(rate) && share <= 0.01 && r.lost + r.doubled == 0;
        t.row(vec![
            format!("{}{label}", strategy.name()),
            f(per_s, 0),
            f(per_s / f64::from(rate), 3),
            r.requests.to_string(),
            r.throttled.to_string(),
            format!("{:.2} %", share * 100.0),
            r.passes.to_string(),
            r.lost.to_string(),
            r.doubled.to_string(),
            r.limit.map_or("-".to_owned(), |l| l.to_string()),
            f(r.elapsed.as_secs_f64(), 2),
            verdict(met),
        ]);
    }
    t.note(format!(
        "Creates/s: all {n} users stored over the wall time of every pass (failed creates are \
         sent again after each pass, those the store holds anyway counted as done). The bucket \
         holds {burst} requests (one second of R, refilled continuously), so a run may pass R \
         by up to {burst} / wall time; Retry-After is whole seconds. Unthrottled, with no latency and 64 at once, this machine sustains {capacity:.0} \
         creates/s, {:.1} x R. Table 7 took {:.1} s",
        capacity / f64::from(rate),
        started.elapsed().as_secs_f64()
    ));
    t.print();
}
