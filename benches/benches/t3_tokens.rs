//! Table 3: OAuth2 client credentials under load. 1,000 calls in flight find the token
//! expired: the `ClientCredentials` provider must make exactly one token request, and the
//! calls must wait one token round trip for it, not a queue of them.
//!
//! A loopback server answers `POST /token` after a fixed latency (an identity provider
//! across a network) and `GET /items/42` at once when the bearer token is one it issued.
//! The provider's clock is a `ManualClock`: moving it past the token's expiry makes the
//! cached token stale without waiting. Rounds alternate a batch with a fresh token (the
//! baseline) and a batch with an expired one; each call's latency is measured from the
//! moment the batch starts.
//!
//! `BENCH_TOKEN_CALLS` (default 1,000), `BENCH_TOKEN_ROUNDS` (5) and
//! `BENCH_TOKEN_LATENCY_MS` (20) scale it.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use benchmarks::measure::{Table, env_usize, f, median, verdict};
use benchmarks::server::{self, Reply};
use futures_util::future::join_all;
use sdk_core::clock::ManualClock;
use sdk_core::{ClientCredentials, RequestSpec, Transport};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Item {
    id: u64,
}

/// One batch: every call's latency (ms) from the batch's start, and the token requests
/// the server saw during it.
struct Batch {
    latencies: Vec<f64>,
    token_requests: u64,
    wall_ms: f64,
}

async fn batch(transport: &Transport, calls: usize, tokens: &AtomicU64) -> Batch {
    let before = tokens.load(Ordering::SeqCst);
    let start = Instant::now();
    let latencies = join_all((0..calls).map(|_| async {
        let item: Item = transport
            .execute(RequestSpec::get("bench.item", "/items/42", &[]))
            .await
            .expect("authorised call");
        assert_eq!(item.id, 42);
        start.elapsed().as_secs_f64() * 1e3
    }))
    .await;
    Batch {
        latencies,
        token_requests: tokens.load(Ordering::SeqCst) - before,
        wall_ms: start.elapsed().as_secs_f64() * 1e3,
    }
}

fn main() {
    let calls = env_usize("BENCH_TOKEN_CALLS", 1000);
    let rounds = env_usize("BENCH_TOKEN_ROUNDS", 5);
    let latency = Duration::from_millis(env_usize("BENCH_TOKEN_LATENCY_MS", 20) as u64);
    let tokens = Arc::new(AtomicU64::new(0));
    let issued = tokens.clone();
    let addr = server::start(move |req| match req.path.as_str() {
        "/token" => {
            let n = issued.fetch_add(1, Ordering::SeqCst) + 1;
            Reply::json(format!(
                r#"{{"access_token":"tok-{n}","token_type":"Bearer","expires_in":3600}}"#
            ))
            .after(latency)
        }
        "/items/42" => {
            let ok = req
                .headers
                .get("authorization")
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.starts_with("Bearer tok-"));
            if ok {
                Reply::json(&br#"{"id":42,"name":"item"}"#[..])
            } else {
                Reply::json(&br#"{"code":"UNAUTHORIZED"}"#[..]).status(401)
            }
        }
        _ => Reply::not_found(),
    });
    let base = format!("http://{addr}");
    let clock = ManualClock::new();
    let provider = ClientCredentials::builder(format!("{base}/token"), "client", "secret")
        .allow_http(true)
        .clock(Arc::new(clock.clone()))
        .build()
        .expect("provider");
    let transport = Transport::builder()
        .base_url(base.as_str())
        .allow_http(true)
        .token_provider(provider)
        .clock(Arc::new(clock.clone()))
        .build()
        .expect("transport");
    let rt = server::client_runtime();

    let (fresh, expired, rtt) = rt.block_on(async {
        // The token round trip, as a bare client sees it.
        let bare = sdk_core::http_client_builder()
            .build()
            .expect("a bare client");
        let mut rtt = Vec::new();
        for _ in 0..5 {
            let start = Instant::now();
            bare.post(format!("{base}/token"))
                .send()
                .await
                .expect("token")
                .bytes()
                .await
                .expect("token body");
            rtt.push(start.elapsed().as_secs_f64() * 1e3);
        }
        // The first batch has no token yet: it opens the connections and fetches one.
        let first = batch(&transport, calls, &tokens).await;
        assert_eq!(first.token_requests, 1, "first batch: one token request");
        let (mut fresh, mut expired) = (Vec::new(), Vec::new());
        for round in 0..rounds.max(1) {
            for side in 0..2 {
                if (side == 0) == round.is_multiple_of(2) {
                    fresh.push(batch(&transport, calls, &tokens).await);
                } else {
                    clock.advance(Duration::from_secs(3600));
                    expired.push(batch(&transport, calls, &tokens).await);
                }
            }
        }
        (fresh, expired, median(&rtt))
    });

    let med =
        |b: &[Batch], pick: fn(&Batch) -> f64| median(&b.iter().map(pick).collect::<Vec<_>>());
    let p50 = |b: &Batch| median(&b.latencies);
    let max = |b: &Batch| b.latencies.iter().copied().fold(0.0, f64::max);
    let wall = |b: &Batch| b.wall_ms;
    let per_round: Vec<u64> = expired.iter().map(|b| b.token_requests).collect();
    let fresh_requests: u64 = fresh.iter().map(|b| b.token_requests).sum();
    let added = med(&expired, p50) - med(&fresh, p50);
    let added_max = med(&expired, max) - med(&fresh, max);

    let mut t = Table::new(
        format!("Table 3: {calls} calls in flight, token fresh (baseline) or expired"),
        &[
            "batch",
            "token requests per batch",
            "median call ms",
            "slowest call ms",
            "batch ms",
        ],
    );
    t.row(vec![
        "token fresh".to_owned(),
        format!("{fresh_requests} in {} batches", fresh.len()),
        f(med(&fresh, p50), 2),
        f(med(&fresh, max), 2),
        f(med(&fresh, wall), 2),
    ]);
    t.row(vec![
        "token expired".to_owned(),
        format!("{per_round:?}"),
        f(med(&expired, p50), 2),
        f(med(&expired, max), 2),
        f(med(&expired, wall), 2),
    ]);
    t.print();

    let mut g = Table::new(
        "Table 3b: what a refresh adds, against one token round trip",
        &["figure", "measured", "baseline", "ratio", "goal"],
    );
    g.row(vec![
        "token requests per expired batch".to_owned(),
        format!("{}", per_round.iter().max().copied().unwrap_or(0)),
        "1".to_owned(),
        "-".to_owned(),
        format!("exactly 1: {}", verdict(per_round.iter().all(|n| *n == 1))),
    ]);
    g.row(vec![
        "added latency, median call (ms)".to_owned(),
        f(added, 2),
        format!("{} (token RTT)", f(rtt, 2)),
        f(added / rtt, 2),
        format!("~1 RTT, not {calls}: {}", verdict(added / rtt < 2.0)),
    ]);
    g.row(vec![
        "added latency, slowest call (ms)".to_owned(),
        f(added_max, 2),
        format!("{} (token RTT)", f(rtt, 2)),
        f(added_max / rtt, 2),
        format!("~1 RTT, not {calls}: {}", verdict(added_max / rtt < 2.0)),
    ]);
    g.note(format!(
        "token endpoint latency {} ms; {rounds} alternating rounds; medians over rounds; \
         one token request per waiting call would have added {:.0} ms",
        latency.as_millis(),
        rtt * calls as f64
    ));
    g.print();
}
