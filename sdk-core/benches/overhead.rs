//! Overhead of sdk-core's request path against a bare `reqwest` + `serde_json` client.
//!
//! Run with `cargo bench -p sdk-core --bench overhead`.
//!
//! Both sides talk to the same minimal hyper HTTP/1.1 server on loopback, which runs on its
//! own thread and single-threaded runtime; the clients run on a second single-threaded
//! runtime on the main thread, so on a 2-core machine the client and the server each have
//! one core. Rounds of the SDK and of the baseline alternate in A/B/B/A order to cancel
//! drift; each side's figure is the median of its rounds. Besides wall time, the CPU time
//! of the client thread (`/proc/thread-self/schedstat`) is reported: it is the SDK's cost
//! without the server's share. `OVERHEAD_BENCH_SERVER=same-thread` runs the server on the
//! clients' runtime instead (one thread, no cross-thread wake-ups; the CPU column then
//! includes the server).
//!
//! Paging memory is measured in fresh child processes (this same binary, started with
//! `OVERHEAD_BENCH_RSS=<mode>:<items>`): the child resets its peak RSS (`VmHWM`, through
//! `/proc/self/clear_refs`) after setup, walks the list and reports how far the peak rose
//! above the RSS before the walk.
//!
//! Wall and CPU times on a shared 2-core machine move by several percent from run to run.
//! For a deterministic comparison, run one workload alone under callgrind and compare the
//! client thread's instruction counts (the `-01` file; `-02` is the server):
//!
//! ```text
//! cargo bench -p sdk-core --bench overhead --no-run   # prints the binary's path
//! for w in none sdk-get base-get sdk-list base-list; do
//!     OVERHEAD_BENCH_WORKLOAD=$w:2000 valgrind --tool=callgrind --separate-threads=yes \
//!         --callgrind-out-file=cg.$w.%p target/release/deps/overhead-<hash>
//! done
//! grep summary cg.*-01   # (workload - none) / 2000 = instructions per GET or per item
//! ```
//!
//! Workloads: `sdk-get`, `base-get` (n sequential GETs), `sdk-get64`, `base-get64`
//! (64 tasks × n GETs), `sdk-list`, `base-list` (a list of n items), `none` (setup only).
//! Every workload with the same n has the same setup.

use std::convert::Infallible;
use std::hint::black_box;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use futures_util::TryStreamExt;
use futures_util::future::join_all;
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use sdk_core::{Paginator, RequestSpec, Transport};
use serde::Deserialize;

/// Items in the long list.
const LIST_ITEMS: usize = 100_000;
/// Items in the short list the memory comparison starts from.
const SHORT_LIST_ITEMS: usize = 10_000;
/// Items per page (`limit`).
const PAGE_SIZE: u32 = 1000;
/// Sequential GETs per round.
const SEQ_CALLS: usize = 500;
/// Concurrent tasks in the "in flight" case, and GETs per task per round.
const IN_FLIGHT: usize = 64;
const CALLS_PER_TASK: usize = 25;
/// Timed rounds per side: many short rounds, so that the paired rounds of the two sides
/// see the same background load on a shared machine.
const GET_ROUNDS: usize = 51;
const LIST_ROUNDS: usize = 15;
/// The child-process switch for the memory measurement.
const RSS_ENV: &str = "OVERHEAD_BENCH_RSS";
/// Runs one workload once (for callgrind) instead of the benchmark.
const WORKLOAD_ENV: &str = "OVERHEAD_BENCH_WORKLOAD";

// ---------------------------------------------------------------------------------------
// payloads

/// A ~1 KB object of 10 fields, the answer of a typical `get`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Agent {
    id: u64,
    account_id: String,
    name: String,
    email: String,
    status: String,
    extension: u32,
    active: bool,
    score: f64,
    skills: Vec<String>,
    description: String,
}

impl Agent {
    /// Touches every field, so nothing of the decode can be optimised away and both sides
    /// can be checked to have read the same data.
    fn checksum(&self) -> u64 {
        self.id
            + self.account_id.len() as u64
            + self.name.len() as u64
            + self.email.len() as u64
            + self.status.len() as u64
            + u64::from(self.extension)
            + u64::from(self.active)
            + self.score as u64
            + self.skills.iter().map(|s| s.len() as u64).sum::<u64>()
            + self.description.len() as u64
    }
}

/// A ~200-byte list entry.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ListEntry {
    id: u64,
    name: String,
    status: String,
    extension: u32,
    active: bool,
    created_at: String,
}

impl ListEntry {
    fn checksum(&self) -> u64 {
        self.id
            + self.name.len() as u64
            + self.status.len() as u64
            + u64::from(self.extension)
            + u64::from(self.active)
            + self.created_at.len() as u64
    }
}

fn agent_json() -> Bytes {
    let skills: Vec<String> = (0..8).map(|i| format!("skill-{i}-inbound-voice")).collect();
    let v = serde_json::json!({
        "id": 42,
        "accountId": "ACCT-0000000000000000000000000000000001",
        "name": "Bench Agent Forty-Two",
        "email": "bench.agent.42@contact-center.example.com",
        "status": "AVAILABLE",
        "extension": 4242,
        "active": true,
        "score": 97.5,
        "skills": skills,
        "description": "x".repeat(620),
    });
    Bytes::from(serde_json::to_vec(&v).expect("serialize the agent"))
}

fn list_entry_json(id: usize) -> Vec<u8> {
    let v = serde_json::json!({
        "id": id,
        "name": format!("agent-{id:08}@sip.contact-center.example.com"),
        "status": if id.is_multiple_of(3) { "BUSY" } else { "AVAILABLE" },
        "extension": 1000 + (id % 9000),
        "active": !id.is_multiple_of(7),
        "createdAt": "2024-05-01T12:34:56.789Z",
        "team": "team-alpha-bravo-charlie-delta-echo-foxtrot-golf-hotel-india",
    });
    serde_json::to_vec(&v).expect("serialize a list entry")
}

/// What the server answers, serialised once up front.
struct Fixture {
    agent: Bytes,
    /// Every list entry, comma-separated (no brackets).
    entries: Vec<u8>,
    /// `(start, end)` of each entry in `entries`.
    bounds: Vec<(usize, usize)>,
}

impl Fixture {
    fn new(items: usize) -> Self {
        let mut entries = Vec::with_capacity(items * 210);
        let mut bounds = Vec::with_capacity(items);
        for id in 0..items {
            if id > 0 {
                entries.push(b',');
            }
            let start = entries.len();
            entries.extend_from_slice(&list_entry_json(id));
            bounds.push((start, entries.len()));
        }
        Fixture {
            agent: agent_json(),
            entries,
            bounds,
        }
    }

    /// The JSON array of entries `offset..offset + limit` of a list of `total` entries.
    fn page(&self, total: usize, offset: usize, limit: usize) -> Bytes {
        let end = total
            .min(self.bounds.len())
            .min(offset.saturating_add(limit));
        if offset >= end {
            return Bytes::from_static(b"[]");
        }
        let slice = &self.entries[self.bounds[offset].0..self.bounds[end - 1].1];
        let mut out = Vec::with_capacity(slice.len() + 2);
        out.push(b'[');
        out.extend_from_slice(slice);
        out.push(b']');
        Bytes::from(out)
    }
}

// ---------------------------------------------------------------------------------------
// loopback server

fn query_usize(query: &str, key: &str) -> Option<usize> {
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == key)
        .and_then(|(_, v)| v.parse().ok())
}

fn answer(fx: &Fixture, req: &hyper::Request<Incoming>) -> hyper::Response<Full<Bytes>> {
    let path = req.uri().path();
    let body = if path == "/items/42" {
        Some(fx.agent.clone())
    } else if let Some(total) = path.strip_prefix("/lists/") {
        let query = req.uri().query().unwrap_or("");
        match (
            total.parse().ok(),
            query_usize(query, "offset"),
            query_usize(query, "limit"),
        ) {
            (Some(total), Some(offset), Some(limit)) => Some(fx.page(total, offset, limit)),
            _ => None,
        }
    } else {
        None
    };
    let (status, body) = match body {
        Some(b) => (hyper::StatusCode::OK, b),
        None => (hyper::StatusCode::NOT_FOUND, Bytes::from_static(b"{}")),
    };
    let mut resp = hyper::Response::new(Full::new(body));
    *resp.status_mut() = status;
    resp.headers_mut().insert(
        hyper::header::CONTENT_TYPE,
        hyper::header::HeaderValue::from_static("application/json"),
    );
    resp
}

/// Accepts connections forever and answers from `fx`.
async fn serve(listener: tokio::net::TcpListener, fx: Arc<Fixture>) {
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        let _ = stream.set_nodelay(true);
        let fx = fx.clone();
        tokio::spawn(async move {
            let service = service_fn(move |req| {
                let resp = answer(&fx, &req);
                async move { Ok::<_, Infallible>(resp) }
            });
            let _ = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

async fn bind() -> tokio::net::TcpListener {
    tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind the loopback server")
}

/// Starts the server, on the clients' runtime `rt` when given (one thread does all the
/// work: no cross-thread wake-ups in the measurement) or else on its own thread and
/// runtime; returns its address.
fn start_server(fx: Arc<Fixture>, rt: Option<&tokio::runtime::Runtime>) -> SocketAddr {
    if let Some(rt) = rt {
        let listener = rt.block_on(bind());
        let addr = listener.local_addr().expect("server address");
        rt.spawn(serve(listener, fx));
        return addr;
    }
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("loopback-server".into())
        .spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("server runtime");
            rt.block_on(async move {
                let listener = bind().await;
                tx.send(listener.local_addr().expect("server address"))
                    .expect("hand the address over");
                serve(listener, fx).await;
            });
        })
        .expect("spawn the server thread");
    rx.recv().expect("server address")
}

// ---------------------------------------------------------------------------------------
// the two clients

struct Clients {
    base_url: String,
    sdk: Transport,
    bare: reqwest::Client,
}

impl Clients {
    fn new(addr: SocketAddr) -> Self {
        let base_url = format!("http://{addr}");
        let sdk = Transport::builder()
            .base_url(base_url.as_str())
            .allow_http(true)
            .no_auth()
            .build()
            .expect("build the transport");
        // The hand-written client a careful user would write: same timeouts as the SDK's
        // defaults (reqwest arms the same per-request timer for either).
        let bare = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(10))
            .timeout(Duration::from_secs(60))
            .user_agent("bench-baseline/0.1.0")
            .build()
            .expect("build the bare client");
        Clients {
            base_url,
            sdk,
            bare,
        }
    }

    async fn sdk_get(&self) -> u64 {
        let spec = RequestSpec::get("bench.get", "/items/{id}", &["42"]);
        let agent: Agent = self.sdk.execute(spec).await.expect("sdk get");
        agent.checksum()
    }

    async fn bare_get(&self) -> u64 {
        let resp = self
            .bare
            .get(format!("{}/items/{}", self.base_url, 42))
            .header(reqwest::header::ACCEPT, "application/json")
            .send()
            .await
            .expect("bare get")
            .error_for_status()
            .expect("bare get status");
        let body = resp.bytes().await.expect("bare get body");
        let agent: Agent = serde_json::from_slice(&body).expect("bare get decode");
        agent.checksum()
    }

    async fn sdk_get_seq(&self, n: usize) -> u64 {
        let mut sum = 0;
        for _ in 0..n {
            sum += self.sdk_get().await;
        }
        sum
    }

    async fn bare_get_seq(&self, n: usize) -> u64 {
        let mut sum = 0;
        for _ in 0..n {
            sum += self.bare_get().await;
        }
        sum
    }

    async fn sdk_get_concurrent(&self, calls_per_task: usize) -> u64 {
        join_all((0..IN_FLIGHT).map(|_| self.sdk_get_seq(calls_per_task)))
            .await
            .into_iter()
            .sum()
    }

    async fn bare_get_concurrent(&self, calls_per_task: usize) -> u64 {
        join_all((0..IN_FLIGHT).map(|_| self.bare_get_seq(calls_per_task)))
            .await
            .into_iter()
            .sum()
    }

    fn sdk_list(&self, total: usize) -> Paginator<ListEntry> {
        let total = total.to_string();
        let spec = RequestSpec::get("bench.list", "/lists/{total}", &[total.as_str()]);
        Paginator::offset_limit(self.sdk.clone(), spec, PAGE_SIZE)
    }

    /// Walks the list through `Paginator::items`, one item at a time.
    async fn sdk_walk(&self, total: usize) -> (usize, u64) {
        let mut items = self.sdk_list(total).items();
        let (mut n, mut sum) = (0, 0);
        while let Some(entry) = items.try_next().await.expect("sdk list") {
            n += 1;
            sum += black_box(entry).checksum();
        }
        (n, sum)
    }

    /// The same walk, hand-written: request a page, decode it, consume it, stop on a short
    /// or empty page (the paginator's rule, so both send the same requests).
    async fn bare_walk(&self, total: usize) -> (usize, u64) {
        let limit = PAGE_SIZE as usize;
        let (mut offset, mut n, mut sum) = (0, 0, 0);
        loop {
            let resp = self
                .bare
                .get(format!(
                    "{}/lists/{total}?offset={offset}&limit={limit}",
                    self.base_url
                ))
                .header(reqwest::header::ACCEPT, "application/json")
                .send()
                .await
                .expect("bare list")
                .error_for_status()
                .expect("bare list status");
            let body = resp.bytes().await.expect("bare list body");
            let page: Vec<ListEntry> = serde_json::from_slice(&body).expect("bare list decode");
            let got = page.len();
            for entry in page {
                n += 1;
                sum += black_box(entry).checksum();
            }
            if got < limit {
                break;
            }
            offset += got;
        }
        (n, sum)
    }

    /// Control for the memory measurement: keeps every item (`collect_all`).
    async fn sdk_collect(&self, total: usize) -> (usize, u64) {
        let all = self
            .sdk_list(total)
            .collect_all()
            .await
            .expect("sdk collect");
        let sum = all.iter().map(ListEntry::checksum).sum();
        (all.len(), sum)
    }
}

// ---------------------------------------------------------------------------------------
// timing

/// One row of the table: seconds per op of each side in each round, paired by round.
struct Row {
    name: &'static str,
    sdk: Vec<f64>,
    base: Vec<f64>,
    /// Client-thread CPU seconds per op.
    sdk_cpu: Vec<f64>,
    base_cpu: Vec<f64>,
}

/// CPU time this thread has run, from `/proc/thread-self/schedstat` (nanoseconds).
fn thread_cpu() -> Duration {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat")
        .expect("read /proc/thread-self/schedstat");
    let ns = text
        .split_whitespace()
        .next()
        .and_then(|v| v.parse().ok())
        .expect("run time in /proc/thread-self/schedstat");
    Duration::from_nanos(ns)
}

fn median(v: &[f64]) -> f64 {
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    let m = s.len() / 2;
    if s.len().is_multiple_of(2) {
        (s[m - 1] + s[m]) / 2.0
    } else {
        s[m]
    }
}

impl Row {
    fn ratio(&self) -> f64 {
        median(&self.sdk) / median(&self.base)
    }

    /// The median of the rounds' own ratios (each round's pair ran back to back).
    fn paired_ratio(&self) -> f64 {
        let ratios: Vec<f64> = self
            .sdk
            .iter()
            .zip(&self.base)
            .map(|(s, b)| s / b)
            .collect();
        median(&ratios)
    }

    fn cpu_ratio(&self) -> f64 {
        median(&self.sdk_cpu) / median(&self.base_cpu)
    }
}

/// Runs `rounds` rounds of each side in A/B/B/A order after one untimed warm-up run of
/// each. Each run returns a checksum; both sides must agree.
async fn compare(
    name: &'static str,
    rounds: usize,
    ops_per_run: usize,
    mut sdk: impl AsyncFnMut() -> u64,
    mut base: impl AsyncFnMut() -> u64,
) -> Row {
    let want = sdk().await;
    assert_eq!(
        base().await,
        want,
        "{name}: the two sides read different data"
    );
    let mut row = Row {
        name,
        sdk: Vec::with_capacity(rounds),
        base: Vec::with_capacity(rounds),
        sdk_cpu: Vec::with_capacity(rounds),
        base_cpu: Vec::with_capacity(rounds),
    };
    for round in 0..rounds {
        for side in 0..2 {
            let sdk_turn = (side == 0) == (round % 2 == 0);
            let (cpu, start) = (thread_cpu(), Instant::now());
            let got = if sdk_turn { sdk().await } else { base().await };
            let per_op = start.elapsed().as_secs_f64() / ops_per_run as f64;
            let cpu_per_op = (thread_cpu() - cpu).as_secs_f64() / ops_per_run as f64;
            assert_eq!(black_box(got), want, "{name}: checksum changed");
            if sdk_turn {
                row.sdk.push(per_op);
                row.sdk_cpu.push(cpu_per_op);
            } else {
                row.base.push(per_op);
                row.base_cpu.push(cpu_per_op);
            }
        }
    }
    row
}

// ---------------------------------------------------------------------------------------
// memory (child processes)

fn status_kib(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("read /proc/self/status");
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or_else(|| panic!("no {field} in /proc/self/status"))
}

/// In the child: walks a list in `mode` and prints `<peak growth KiB> <items> <checksum>`.
fn rss_child(spec: &str) {
    let (mode, items) = spec
        .split_once(':')
        .expect("OVERHEAD_BENCH_RSS=<mode>:<items>");
    let items: usize = items.parse().expect("item count");
    let fx = Arc::new(Fixture::new(items));
    let addr = start_server(fx, None);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("client runtime");
    let clients = Clients::new(addr);
    rt.block_on(async {
        // Open the connection and set up the client before the baseline is taken.
        black_box(clients.sdk_get().await);
        black_box(clients.bare_get().await);
        std::fs::write("/proc/self/clear_refs", "5").expect("reset the peak RSS (clear_refs)");
        let before = status_kib("VmRSS");
        let (n, sum) = match mode {
            "sdk" => clients.sdk_walk(items).await,
            "baseline" => clients.bare_walk(items).await,
            "collect" => clients.sdk_collect(items).await,
            other => panic!("unknown mode {other}"),
        };
        let peak = status_kib("VmHWM");
        println!("{} {n} {sum}", peak.saturating_sub(before));
    });
}

/// Runs one child; returns its peak RSS growth in MiB.
fn rss_growth_mib(mode: &str, items: usize) -> f64 {
    let exe = std::env::current_exe().expect("path of this bench binary");
    let out = std::process::Command::new(exe)
        .env(RSS_ENV, format!("{mode}:{items}"))
        .output()
        .expect("run the memory child");
    assert!(
        out.status.success(),
        "memory child {mode}:{items} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let mut fields = text.split_whitespace();
    let kib: f64 = fields
        .next()
        .and_then(|v| v.parse().ok())
        .expect("growth from the memory child");
    let n: usize = fields
        .next()
        .and_then(|v| v.parse().ok())
        .expect("item count from the memory child");
    assert_eq!(n, items, "memory child {mode} walked {n} of {items} items");
    kib / 1024.0
}

// ---------------------------------------------------------------------------------------

/// Runs one workload once, for an instruction count under callgrind.
fn run_workload(spec: &str) {
    let (name, n) = spec
        .split_once(':')
        .expect("OVERHEAD_BENCH_WORKLOAD=<workload>:<n>");
    let n: usize = n.parse().expect("workload size");
    let addr = start_server(Arc::new(Fixture::new(n)), None);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("client runtime");
    let clients = Clients::new(addr);
    rt.block_on(async {
        // The same warm-up for every workload: one connection per client.
        black_box(clients.sdk_get().await);
        black_box(clients.bare_get().await);
        let sum: u64 = match name {
            "none" => 0,
            "sdk-get" => clients.sdk_get_seq(n).await,
            "base-get" => clients.bare_get_seq(n).await,
            "sdk-get64" => clients.sdk_get_concurrent(n).await,
            "base-get64" => clients.bare_get_concurrent(n).await,
            "sdk-list" => clients.sdk_walk(n).await.1,
            "base-list" => clients.bare_walk(n).await.1,
            other => panic!("unknown workload {other}"),
        };
        println!("{name}:{n} checksum {sum}");
    });
}

fn main() {
    if let Ok(spec) = std::env::var(RSS_ENV) {
        rss_child(&spec);
        return;
    }
    if let Ok(spec) = std::env::var(WORKLOAD_ENV) {
        run_workload(&spec);
        return;
    }
    let started = Instant::now();

    let fx = Arc::new(Fixture::new(LIST_ITEMS));
    let agent_bytes = fx.agent.len();
    let page_bytes = fx.page(LIST_ITEMS, 0, PAGE_SIZE as usize).len();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("client runtime");
    let same_thread = std::env::var("OVERHEAD_BENCH_SERVER").is_ok_and(|v| v == "same-thread");
    let addr = start_server(fx, same_thread.then_some(&rt));
    let clients = Clients::new(addr);

    let rows = rt.block_on(async {
        let seq = compare(
            "get+decode sequential",
            GET_ROUNDS,
            SEQ_CALLS,
            async || clients.sdk_get_seq(SEQ_CALLS).await,
            async || clients.bare_get_seq(SEQ_CALLS).await,
        )
        .await;
        let concurrent = compare(
            "get+decode 64 in flight",
            GET_ROUNDS,
            IN_FLIGHT * CALLS_PER_TASK,
            async || clients.sdk_get_concurrent(CALLS_PER_TASK).await,
            async || clients.bare_get_concurrent(CALLS_PER_TASK).await,
        )
        .await;
        let list = compare(
            "list 100k items (offset/limit)",
            LIST_ROUNDS,
            LIST_ITEMS,
            async || {
                let (n, sum) = clients.sdk_walk(LIST_ITEMS).await;
                assert_eq!(n, LIST_ITEMS);
                sum
            },
            async || {
                let (n, sum) = clients.bare_walk(LIST_ITEMS).await;
                assert_eq!(n, LIST_ITEMS);
                sum
            },
        )
        .await;
        [seq, concurrent, list]
    });

    let mem: Vec<(&str, f64, f64)> = ["sdk", "baseline", "collect"]
        .into_iter()
        .map(|mode| {
            (
                mode,
                rss_growth_mib(mode, SHORT_LIST_ITEMS),
                rss_growth_mib(mode, LIST_ITEMS),
            )
        })
        .collect();

    println!();
    println!(
        "sdk-core overhead: loopback hyper server, {agent_bytes} B object, list pages of {PAGE_SIZE} ({page_bytes} B), median of rounds"
    );
    println!(
        "{:<31} {:>11} {:>16} {:>6} {:>7} | {:>11} {:>11} {:>6}",
        "bench",
        "sdk (µs/op)",
        "baseline (µs/op)",
        "ratio",
        "paired",
        "sdk CPU µs",
        "base CPU µs",
        "ratio"
    );
    for row in &rows {
        println!(
            "{:<31} {:>11.3} {:>16.3} {:>6.3} {:>7.3} | {:>11.3} {:>11.3} {:>6.3}",
            row.name,
            median(&row.sdk) * 1e6,
            median(&row.base) * 1e6,
            row.ratio(),
            row.paired_ratio(),
            median(&row.sdk_cpu) * 1e6,
            median(&row.base_cpu) * 1e6,
            row.cpu_ratio(),
        );
    }
    println!(
        "(ratio: median sdk / median baseline wall time; paired: median of per-round ratios; \
         CPU: client thread only; {GET_ROUNDS} rounds per side for GETs, {LIST_ROUNDS} for lists)"
    );
    for (mode, short, long) in &mem {
        let label = match *mode {
            "sdk" => "paging (Paginator::items)",
            "baseline" => "paging (hand-written loop)",
            _ => "control: collect_all (keeps items)",
        };
        println!(
            "{label:<36} peak RSS growth: 10k items +{short:.1} MiB, 100k items +{long:.1} MiB"
        );
    }
    println!("goal: ratio <= 1.05, paging memory flat (100k growth ≈ 10k growth)");
    println!("total bench time {:.1} s", started.elapsed().as_secs_f64());
}
