//! Table 6: simulator throughput. Creates per second through each vendor crate against its
//! simulator, against the same creates answered by a canned loopback server (the floor:
//! the SDK and HTTP alone), when the simulator is new and again once it holds many items.
//!
//! Each simulator runs on its own thread and runtime, like the canned server, so the
//! client has the main thread to itself. The canned server answers every create with
//! what the simulator answered to the first one (status, `Content-Type` and body, read by
//! replaying the SDK's recorded request). Rounds of creates alternate between the two
//! servers. `BENCH_SIM_CREATES` (default 200 per round), `BENCH_SIM_ROUNDS` (5) and
//! `BENCH_SIM_STORED` (10,000 items stored before the second measurement) scale it.

use std::future::Future;
use std::time::Instant;

use apio_callcenter::ApioClient;
use apio_callcenter::call_centers::{NewCallCenter, Policy, ServiceInstanceProfile};
use axp_voice::AxpClient;
use axp_voice::phone_numbers::NewPhoneNumber;
use benchmarks::measure::{Pair, Table, compare, env_usize, f};
use benchmarks::server::{self, Reply};
use bytes::Bytes;
use cpaas::CpaasClient;
use cpaas::calls::MakeCall;
use sdk_core::sim::Simulator;
use sinch_rci::RciClient;
use sinch_rci::users::UserRequest;

/// A simulator on its own thread; returns it (its runtime keeps running).
fn start_sim<F>(start: fn() -> F) -> Simulator
where
    F: Future<Output = sdk_core::Result<Simulator>> + Send + 'static,
{
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("simulator".into())
        .spawn(move || {
            let rt = server::client_runtime();
            rt.block_on(async move {
                tx.send(start().await.expect("start the simulator"))
                    .expect("hand the simulator over");
                std::future::pending::<()>().await;
            });
        })
        .expect("spawn the simulator thread");
    rx.recv().expect("the simulator")
}

/// Replays the last request `sim` saw on a fresh simulator `fresh` (so a create of the
/// same id is not a conflict) and serves its answer from a canned server; returns the
/// canned server's address.
async fn canned_like(sim: &Simulator, fresh: &Simulator) -> std::net::SocketAddr {
    let r = sim.requests().pop().expect("a recorded create");
    let q: Vec<(String, String)> = r.query.clone();
    let url = reqwest::Url::parse_with_params(&format!("{}{}", fresh.base_url(), r.path), &q)
        .expect("the recorded URL");
    let mut req = sdk_core::http_client_builder()
        .build()
        .expect("a bare client")
        .request(r.method.clone(), url)
        .body(r.body.clone());
    for (k, v) in &r.headers {
        if k != "host" && k != "content-length" {
            req = req.header(k, v);
        }
    }
    let resp = req.send().await.expect("replay the create");
    let status = resp.status().as_u16();
    let ct = resp
        .headers()
        .get("content-type")
        .cloned()
        .unwrap_or(hyper::header::HeaderValue::from_static("application/json"));
    let body: Bytes = resp.bytes().await.expect("replayed body");
    server::start(move |_req| Reply {
        status,
        content_type: ct.clone(),
        body: body.clone(),
        delay: None,
    })
}

/// The vendor crates' creates, each against a base URL.
#[derive(Clone, Copy)]
enum Vendor {
    Axp,
    Cpaas,
    Sinch,
    Apio,
}

enum Client {
    Axp(AxpClient),
    Cpaas(CpaasClient),
    Sinch(RciClient),
    Apio(ApioClient),
}

impl Vendor {
    fn name(self) -> &'static str {
        match self {
            Vendor::Axp => "axp phone_numbers().create",
            Vendor::Cpaas => "cpaas calls().make",
            Vendor::Sinch => "sinch users().create",
            Vendor::Apio => "apio call_centers().create",
        }
    }

    fn sim(self) -> Simulator {
        match self {
            Vendor::Axp => start_sim(axp_voice::sim::start),
            Vendor::Cpaas => start_sim(cpaas::sim::start),
            Vendor::Sinch => start_sim(sinch_rci::sim::start),
            Vendor::Apio => start_sim(apio_callcenter::sim::start),
        }
    }

    /// A client of the server at `addr`, shaped as the simulator's own client.
    fn client(self, addr: std::net::SocketAddr) -> Client {
        let base = format!("http://{addr}");
        match self {
            Vendor::Axp => Client::Axp(
                AxpClient::builder()
                    .base_url(base)
                    .allow_http(true)
                    .no_auth()
                    .build()
                    .expect("client"),
            ),
            Vendor::Cpaas => Client::Cpaas(
                CpaasClient::builder()
                    .base_url(base)
                    .allow_http(true)
                    .basic("AC0123", "simulated-auth-token")
                    .build()
                    .expect("client"),
            ),
            Vendor::Sinch => Client::Sinch(
                RciClient::builder()
                    .base_url(format!("{base}{}", sinch_rci::sim::BASE_PATH))
                    .allow_http(true)
                    .no_auth()
                    .build()
                    .expect("client"),
            ),
            Vendor::Apio => Client::Apio(
                ApioClient::builder()
                    .base_url(base)
                    .allow_http(true)
                    .no_auth()
                    .build()
                    .expect("client"),
            ),
        }
    }
}

impl Client {
    /// The `i`th create (every one distinct: numbers, names and ids).
    async fn create(&self, i: u64) {
        match self {
            Client::Axp(c) => {
                let n = format!("+1647{:07}", i % 10_000_000);
                c.account("ABCDEF")
                    .phone_numbers()
                    .create(&NewPhoneNumber::new(n, "Support line", "US"))
                    .await
                    .map(drop)
            }
            Client::Cpaas(c) => c
                .account()
                .calls()
                .make(&MakeCall::new(
                    "+12223334444",
                    format!("+1555{:07}", i % 10_000_000),
                    "https://example.com/inboundxml",
                ))
                .await
                .map(drop),
            Client::Sinch(c) => c
                .users()
                .create(&UserRequest::new("John", format!("Fox{i}")))
                .await
                .map(drop),
            Client::Apio(c) => c
                .tenant("foo")
                .group("foogroup")
                .call_centers()
                .create(
                    &NewCallCenter::new(
                        ServiceInstanceProfile::named(format!("Center {i}")),
                        Policy::Regular,
                    )
                    .service_user_id(format!("cc{i}@sip.example.com")),
                )
                .await
                .map(drop),
        }
        .expect("create");
    }

    async fn creates(&self, from: u64, n: usize) -> u64 {
        for i in from..from + n as u64 {
            self.create(i).await;
        }
        n as u64
    }
}

fn main() {
    let started = Instant::now();
    let per_round = env_usize("BENCH_SIM_CREATES", 200);
    let rounds = env_usize("BENCH_SIM_ROUNDS", 5);
    let stored = env_usize("BENCH_SIM_STORED", 10_000);
    let rt = server::client_runtime();
    let mut t = Table::new(
        "Table 6: simulator creates per second, against a canned server (same SDK call, same answer)",
        &[
            "create",
            "canned /s",
            "sim new /s",
            "sim / canned rate",
            &format!("sim at {stored} /s"),
            "sim / canned rate",
            "time full / new",
            "fill s",
        ],
    );
    for vendor in [Vendor::Axp, Vendor::Cpaas, Vendor::Sinch, Vendor::Apio] {
        let sim = vendor.sim();
        let sim_client = vendor.client(sim.addr());
        let (new, full, fill_s) = rt.block_on(async {
            sim_client.create(u64::MAX / 2).await;
            let fresh = vendor.sim();
            let canned = vendor.client(canned_like(&sim, &fresh).await);
            let next = std::cell::Cell::new(0u64);
            let measure = async |label: &str| -> Pair {
                let mut from = next.get();
                let p = compare(
                    label,
                    rounds,
                    per_round,
                    async || {
                        from += per_round as u64;
                        sim_client.creates(from, per_round).await
                    },
                    async || canned.creates(0, per_round).await,
                )
                .await;
                next.set(from + per_round as u64);
                p
            };
            let new = measure(vendor.name()).await;
            let fill_start = Instant::now();
            let have = (rounds + 2) * per_round;
            if stored > have {
                let from = 1_000_000 + next.get();
                sim_client.creates(from, stored - have).await;
            }
            let fill_s = fill_start.elapsed().as_secs_f64();
            let full = measure(vendor.name()).await;
            (new, full, fill_s)
        });
        t.row(vec![
            vendor.name().to_owned(),
            f(1.0 / new.base_median(), 0),
            f(1.0 / new.sdk_median(), 0),
            f(new.base_median() / new.sdk_median(), 3),
            f(1.0 / full.sdk_median(), 0),
            f(full.base_median() / full.sdk_median(), 3),
            f(full.sdk_median() / new.sdk_median(), 3),
            f(fill_s, 1),
        ]);
    }
    t.note(format!(
        "{rounds} alternating rounds of {per_round} sequential creates per side; sim / canned rate: the \
         share of the canned server's rate the simulator reaches (1.0 = the simulator costs \
         nothing); time full / new: per-create time with {stored} items stored over per-create time when new. \
         Table 6 took {:.1} s",
        started.elapsed().as_secs_f64()
    ));
    t.print();
}
