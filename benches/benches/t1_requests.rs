//! Table 1: per-request overhead of each vendor crate against bare `reqwest` + `serde_json`
//! (or `quick-xml`) on the same loopback server and payload, sequential and 64 in flight;
//! and the XML decode of each model against its JSON decode.
//!
//! The payloads are what each vendor's simulator answers for a freshly created resource,
//! captured once at start (with the path and `Accept` the SDK sent), then served from
//! memory by a minimal hyper server on its own thread, so the server's cost is as small as
//! it can be and the same for both sides. The SDK client and the hand-written client
//! (URL formatted, `Accept` and credentials set, status checked, body read, decoded into
//! the crate's own model type) run on one single-threaded runtime on the main thread.
//! Rounds alternate A B / B A; the figures are medians over the rounds.
//!
//! `BENCH_ROUNDS` (default 21), `BENCH_SEQ_CALLS` (200) and `BENCH_TASK_CALLS` (8 per task
//! of 64) scale it. `BENCH_WORKLOAD=<case>:<sdk|base|sdk64|base64|none>:<n>` runs one side
//! of one case n times (`sdk64`/`base64`: 64 in flight) and exits, for instruction counts
//! under callgrind
//! (`valgrind --tool=callgrind --separate-threads=yes`; the `-01` file is the client thread):
//! cases `axp`, `cpaas-json`, `cpaas-xml`, `sinch-json`, `sinch-xml`, `apio`.

use std::collections::HashMap;
use std::fmt::Debug;
use std::hint::black_box;
use std::sync::Arc;

use apio_callcenter::ApioClient;
use apio_callcenter::call_centers::{CallCenter, NewCallCenter, Policy, ServiceInstanceProfile};
use axp_voice::AxpClient;
use axp_voice::phone_numbers::{NewPhoneNumber, PhoneNumber};
use benchmarks::measure::{Pair, Table, compare, compare_sync, env_usize, f, verdict};
use benchmarks::server::{self, Reply};
use bytes::Bytes;
use cpaas::calls::{Call, MakeCall};
use cpaas::{CpaasClient, ResponseFormat};
use futures_util::future::join_all;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use sinch_rci::RciClient;
use sinch_rci::users::{User, UserRequest};

const ACCOUNT: &str = "ABCDEF";
const CPAAS_SID: &str = "AC0123";
const CPAAS_TOKEN: &str = "simulated-auth-token";
const TENANT: &str = "foo";
const GROUP: &str = "foogroup";
const CENTER: &str = "support@sip.example.com";
const IN_FLIGHT: usize = 64;

/// APIO's answer around one call center.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct CenterAnswer {
    call_center_instance: CallCenter,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Case {
    Axp,
    CpaasJson,
    CpaasXml,
    SinchJson,
    SinchXml,
    Apio,
}

const CASES: [Case; 6] = [
    Case::Axp,
    Case::CpaasJson,
    Case::CpaasXml,
    Case::SinchJson,
    Case::SinchXml,
    Case::Apio,
];

impl Case {
    fn name(self) -> &'static str {
        match self {
            Case::Axp => "axp phone_numbers().get",
            Case::CpaasJson => "cpaas calls().get JSON",
            Case::CpaasXml => "cpaas calls().get XML",
            Case::SinchJson => "sinch users().get JSON",
            Case::SinchXml => "sinch users().get XML",
            Case::Apio => "apio call_centers().get",
        }
    }

    fn key(self) -> &'static str {
        match self {
            Case::Axp => "axp",
            Case::CpaasJson => "cpaas-json",
            Case::CpaasXml => "cpaas-xml",
            Case::SinchJson => "sinch-json",
            Case::SinchXml => "sinch-xml",
            Case::Apio => "apio",
        }
    }

    fn xml(self) -> bool {
        matches!(self, Case::CpaasXml | Case::SinchXml)
    }
}

/// What the SDK sent for one case, and what the simulator answered.
#[derive(Debug, Clone)]
struct Captured {
    path: String,
    accept: String,
    body: Bytes,
}

/// The ids of the created resources, and the captured exchanges.
#[derive(Debug)]
struct Fixtures {
    axp_id: String,
    call_sid: String,
    user_id: String,
    by_case: HashMap<Case, Captured>,
}

fn last_request(sim: &sdk_core::sim::Simulator) -> (String, String) {
    let r = sim.requests().pop().expect("a recorded request");
    let accept = r
        .headers
        .get("accept")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("*/*")
        .to_owned();
    (r.path, accept)
}

async fn body_of(sim: &sdk_core::sim::Simulator, path: &str, accept: &str) -> Bytes {
    sdk_core::http_client_builder()
        .build()
        .expect("a bare client")
        .get(format!("{}{path}", sim.base_url()))
        .header("accept", accept)
        .basic_auth(CPAAS_SID, Some(CPAAS_TOKEN))
        .send()
        .await
        .expect("read the simulator")
        .bytes()
        .await
        .expect("simulator body")
}

/// Creates one resource on each simulator, reads it through the SDK, and captures the
/// request path, `Accept` and the simulator's answer.
async fn capture() -> Fixtures {
    let mut by_case = HashMap::new();
    let mut put = async |case: Case, sim: &sdk_core::sim::Simulator| {
        let (path, accept) = last_request(sim);
        let body = body_of(sim, &path, &accept).await;
        by_case.insert(case, Captured { path, accept, body });
    };

    let sim = axp_voice::sim::start().await.expect("axp simulator");
    let client = axp_voice::sim::client(&sim).expect("axp client");
    let numbers = client.account(ACCOUNT).phone_numbers();
    let created = numbers
        .create(&NewPhoneNumber::new("+16479308804", "Support line", "US"))
        .await
        .expect("create a number");
    let axp_id = created.id().expect("number id").to_owned();
    numbers.get(&axp_id).await.expect("get the number");
    put(Case::Axp, &sim).await;

    let sim = cpaas::sim::start().await.expect("cpaas simulator");
    let client = cpaas::sim::client(&sim, CPAAS_SID).expect("cpaas client");
    let made = client
        .account()
        .calls()
        .make(&MakeCall::new(
            "+12223334444",
            "+15556667777",
            "https://example.com/inboundxml",
        ))
        .await
        .expect("make a call");
    let call_sid = made.id().expect("call sid").to_owned();
    client.account().calls().get(&call_sid).await.expect("get");
    put(Case::CpaasJson, &sim).await;
    let xml = client.with_format(ResponseFormat::Xml);
    xml.account().calls().get(&call_sid).await.expect("get xml");
    put(Case::CpaasXml, &sim).await;

    let sim = sinch_rci::sim::start().await.expect("sinch simulator");
    let client = sinch_rci::sim::client(&sim).expect("sinch client");
    let user_id = client
        .users()
        .create(&UserRequest::new("John", "Fox"))
        .await
        .expect("create a user");
    let user_id = user_id.as_str().to_owned();
    client.users().get(&user_id).await.expect("get user");
    put(Case::SinchJson, &sim).await;
    client
        .xml()
        .users()
        .get(&user_id)
        .await
        .expect("get user xml");
    put(Case::SinchXml, &sim).await;

    let sim = apio_callcenter::sim::start().await.expect("apio simulator");
    let client = apio_callcenter::sim::client(&sim).expect("apio client");
    let centers = client.tenant(TENANT).group(GROUP).call_centers();
    centers
        .create(
            &NewCallCenter::new(ServiceInstanceProfile::named("Support"), Policy::Regular)
                .service_user_id(CENTER),
        )
        .await
        .expect("create a call center");
    centers.get(CENTER).await.expect("get the call center");
    put(Case::Apio, &sim).await;

    Fixtures {
        axp_id,
        call_sid,
        user_id,
        by_case,
    }
}

/// Serves the captured answers by path and format.
fn start_static_server(fx: &Fixtures) -> std::net::SocketAddr {
    let table: HashMap<(String, bool), Bytes> = fx
        .by_case
        .iter()
        .map(|(case, c)| ((c.path.clone(), case.xml()), c.body.clone()))
        .collect();
    server::start(move |req| {
        let xml = req.wants_xml();
        match table.get(&(req.path.clone(), xml)) {
            Some(b) if xml => Reply::xml(b.clone()),
            Some(b) => Reply::json(b.clone()),
            None => Reply::not_found(),
        }
    })
}

struct Clients {
    fx: Fixtures,
    base: String,
    axp: AxpClient,
    cpaas_json: CpaasClient,
    cpaas_xml: CpaasClient,
    sinch_json: RciClient,
    sinch_xml: RciClient,
    apio: ApioClient,
    bare: reqwest::Client,
}

impl Clients {
    fn new(fx: Fixtures, addr: std::net::SocketAddr) -> Self {
        let base = format!("http://{addr}");
        let axp = AxpClient::builder()
            .base_url(base.as_str())
            .allow_http(true)
            .no_auth()
            .build()
            .expect("axp client");
        let cpaas_json = CpaasClient::builder()
            .base_url(base.as_str())
            .allow_http(true)
            .basic(CPAAS_SID, CPAAS_TOKEN)
            .build()
            .expect("cpaas client");
        let cpaas_xml = cpaas_json.with_format(ResponseFormat::Xml);
        let sinch_json = RciClient::builder()
            .base_url(format!("{base}{}", sinch_rci::sim::BASE_PATH))
            .allow_http(true)
            .no_auth()
            .build()
            .expect("sinch client");
        let sinch_xml = sinch_json.xml();
        let apio = ApioClient::builder()
            .base_url(base.as_str())
            .allow_http(true)
            .no_auth()
            .build()
            .expect("apio client");
        // What a careful hand-written client sets: the SDK's default timeouts.
        let bare = sdk_core::http_client_builder()
            .connect_timeout(std::time::Duration::from_secs(10))
            .timeout(std::time::Duration::from_secs(60))
            .user_agent("bench-baseline/0.1.0")
            .build()
            .expect("bare client");
        Clients {
            fx,
            base,
            axp,
            cpaas_json,
            cpaas_xml,
            sinch_json,
            sinch_xml,
            apio,
            bare,
        }
    }

    /// One GET through the SDK; its value's `Debug` when `show` (for the first check).
    async fn sdk(&self, case: Case, show: bool) -> Option<String> {
        fn out<T: Debug>(v: T, show: bool) -> Option<String> {
            let v = black_box(v);
            show.then(|| format!("{v:?}"))
        }
        let fx = &self.fx;
        match case {
            Case::Axp => out(
                self.axp
                    .account(ACCOUNT)
                    .phone_numbers()
                    .get(&fx.axp_id)
                    .await
                    .expect("axp get"),
                show,
            ),
            Case::CpaasJson | Case::CpaasXml => {
                let c = if case == Case::CpaasXml {
                    &self.cpaas_xml
                } else {
                    &self.cpaas_json
                };
                out(
                    c.account()
                        .calls()
                        .get(&fx.call_sid)
                        .await
                        .expect("cpaas get"),
                    show,
                )
            }
            Case::SinchJson | Case::SinchXml => {
                let c = if case == Case::SinchXml {
                    &self.sinch_xml
                } else {
                    &self.sinch_json
                };
                out(c.users().get(&fx.user_id).await.expect("sinch get"), show)
            }
            Case::Apio => out(
                self.apio
                    .tenant(TENANT)
                    .group(GROUP)
                    .call_centers()
                    .get(CENTER)
                    .await
                    .expect("apio get"),
                show,
            ),
        }
    }

    async fn bare_body(&self, case: Case) -> Bytes {
        let c = &self.fx.by_case[&case];
        let mut req = self
            .bare
            .get(format!("{}{}", self.base, c.path))
            .header(reqwest::header::ACCEPT, c.accept.as_str());
        if matches!(case, Case::CpaasJson | Case::CpaasXml) {
            req = req.basic_auth(CPAAS_SID, Some(CPAAS_TOKEN));
        }
        req.send()
            .await
            .expect("bare get")
            .error_for_status()
            .expect("bare status")
            .bytes()
            .await
            .expect("bare body")
    }

    /// The same GET, hand-written.
    async fn bare(&self, case: Case, show: bool) -> Option<String> {
        fn json<T: DeserializeOwned + Debug>(b: &[u8], show: bool) -> Option<String> {
            let v: T = serde_json::from_slice(b).expect("bare decode");
            let v = black_box(v);
            show.then(|| format!("{v:?}"))
        }
        fn xml<T: DeserializeOwned>(b: &[u8]) -> T {
            quick_xml::de::from_str(std::str::from_utf8(b).expect("utf-8")).expect("bare xml")
        }
        let body = self.bare_body(case).await;
        match case {
            Case::Axp => json::<PhoneNumber>(&body, show),
            Case::CpaasJson => json::<Call>(&body, show),
            Case::SinchJson => json::<User>(&body, show),
            Case::Apio => {
                let v: CenterAnswer = serde_json::from_slice(&body).expect("bare decode");
                let v = black_box(v.call_center_instance);
                show.then(|| format!("{v:?}"))
            }
            Case::CpaasXml => {
                // The crate's model read as the crate documents: element names in snake_case.
                let text = std::str::from_utf8(&body).expect("utf-8");
                let v: Call = black_box(cpaas::wire::from_xml(text).expect("bare xml"));
                show.then(|| format!("{v:?}"))
            }
            Case::SinchXml => {
                let v = black_box(xml::<User>(&body));
                show.then(|| format!("{v:?}"))
            }
        }
    }

    async fn sdk_seq(&self, case: Case, n: usize) -> u64 {
        for _ in 0..n {
            self.sdk(case, false).await;
        }
        n as u64
    }

    async fn bare_seq(&self, case: Case, n: usize) -> u64 {
        for _ in 0..n {
            self.bare(case, false).await;
        }
        n as u64
    }

    async fn sdk_concurrent(&self, case: Case, per_task: usize) -> u64 {
        join_all((0..IN_FLIGHT).map(|_| self.sdk_seq(case, per_task)))
            .await
            .into_iter()
            .sum()
    }

    async fn bare_concurrent(&self, case: Case, per_task: usize) -> u64 {
        join_all((0..IN_FLIGHT).map(|_| self.bare_seq(case, per_task)))
            .await
            .into_iter()
            .sum()
    }
}

/// Decodes of the same model from its JSON and from its XML, through `sdk_core::Format`.
fn decode_rows(fx: &Fixtures, rounds: usize) -> Vec<(&'static str, Pair, usize, usize)> {
    const N: usize = 2000;
    let cj = fx.by_case[&Case::CpaasJson].body.clone();
    let cx = fx.by_case[&Case::CpaasXml].body.clone();
    let sj = fx.by_case[&Case::SinchJson].body.clone();
    let sx = fx.by_case[&Case::SinchXml].body.clone();
    let call = compare_sync(
        "cpaas Call decode",
        rounds,
        N,
        || {
            for _ in 0..N {
                let text = std::str::from_utf8(&cx).expect("utf-8");
                let d: Call = cpaas::wire::from_xml(text).expect("xml");
                black_box(d);
            }
            N as u64
        },
        || {
            for _ in 0..N {
                let c: Call = sdk_core::Format::Json.decode(&cj).expect("json");
                black_box(c);
            }
            N as u64
        },
    );
    let user = compare_sync(
        "sinch User decode",
        rounds,
        N,
        || {
            for _ in 0..N {
                let u: User = sdk_core::Format::Xml.decode(&sx).expect("xml");
                black_box(u);
            }
            N as u64
        },
        || {
            for _ in 0..N {
                let u: User = sdk_core::Format::Json.decode(&sj).expect("json");
                black_box(u);
            }
            N as u64
        },
    );
    vec![
        ("cpaas Call", call, cx.len(), cj.len()),
        ("sinch User", user, sx.len(), sj.len()),
    ]
}

fn run_workload(spec: &str, rt: &tokio::runtime::Runtime, clients: &Clients) {
    let mut parts = spec.split(':');
    let (case, side, n) = (
        parts.next().unwrap_or(""),
        parts.next().unwrap_or(""),
        parts
            .next()
            .and_then(|n| n.parse::<usize>().ok())
            .unwrap_or(1000),
    );
    let case = CASES
        .into_iter()
        .find(|c| c.key() == case)
        .expect("BENCH_WORKLOAD=<case>:<sdk|base|sdk64|base64|none>:<n>");
    rt.block_on(async {
        // The same warm-up for every side: one connection each.
        clients.sdk(case, false).await;
        clients.bare(case, false).await;
        // `sdk64` / `base64`: the same n requests, 64 in flight.
        let per_task = n.div_ceil(IN_FLIGHT);
        let done = match side {
            "sdk" => clients.sdk_seq(case, n).await,
            "base" => clients.bare_seq(case, n).await,
            "sdk64" => clients.sdk_concurrent(case, per_task).await,
            "base64" => clients.bare_concurrent(case, per_task).await,
            _ => 0,
        };
        println!("{spec}: {done} requests");
    });
}

fn main() {
    let started = std::time::Instant::now();
    let rounds = env_usize("BENCH_ROUNDS", 21);
    let seq = env_usize("BENCH_SEQ_CALLS", 200);
    let per_task = env_usize("BENCH_TASK_CALLS", 8);
    let rt = server::client_runtime();
    let fx = rt.block_on(capture());
    let addr = start_static_server(&fx);
    let clients = Arc::new(Clients::new(fx, addr));

    if let Ok(spec) = std::env::var("BENCH_WORKLOAD") {
        run_workload(&spec, &rt, &clients);
        return;
    }

    let rows: Vec<(Case, Pair, Pair)> = rt.block_on(async {
        let mut rows = Vec::new();
        for case in CASES {
            let a = clients.sdk(case, true).await;
            let b = clients.bare(case, true).await;
            assert_eq!(
                a,
                b,
                "{}: the SDK and the baseline decoded differently",
                case.name()
            );
            let s = compare(
                case.name(),
                rounds,
                seq,
                async || clients.sdk_seq(case, seq).await,
                async || clients.bare_seq(case, seq).await,
            )
            .await;
            let c = compare(
                case.name(),
                rounds,
                IN_FLIGHT * per_task,
                async || clients.sdk_concurrent(case, per_task).await,
                async || clients.bare_concurrent(case, per_task).await,
            )
            .await;
            rows.push((case, s, c));
        }
        rows
    });

    let mut t = Table::new(
        "Table 1: per-request overhead against bare reqwest + serde_json / quick-xml (same loopback server, same payload)",
        &[
            "operation",
            "bytes",
            "mode",
            "sdk µs/req",
            "bare µs/req",
            "ratio",
            "paired",
            "CPU ratio",
            "goal",
        ],
    );
    for (case, s, c) in &rows {
        let bytes = clients.fx.by_case[case].body.len();
        for (mode, p) in [("sequential", s), ("64 in flight", c)] {
            let goal = if case.xml() {
                "(XML: see decode)".to_owned()
            } else {
                format!("<= 1.05 {}", verdict(p.ratio() <= 1.05))
            };
            t.row(vec![
                case.name().to_owned(),
                bytes.to_string(),
                mode.to_owned(),
                f(p.sdk_median() * 1e6, 2),
                f(p.base_median() * 1e6, 2),
                f(p.ratio(), 3),
                f(p.paired_ratio(), 3),
                f(p.cpu_ratio(), 3),
                goal,
            ]);
        }
    }
    t.note(format!(
        "ratio: median SDK / median baseline wall time over {rounds} alternating rounds per side \
         ({seq} sequential requests, or 64 tasks x {per_task}, per round); paired: median of \
         the per-round ratios; CPU ratio: client thread only (the server runs on its own thread)."
    ));
    t.print();

    let mut d = Table::new(
        "Table 1b: XML decode against the same model's JSON decode (sdk_core::Format, in memory)",
        &[
            "model",
            "XML bytes",
            "JSON bytes",
            "XML µs",
            "JSON µs",
            "ratio",
            "goal",
        ],
    );
    for (name, p, xb, jb) in decode_rows(&clients.fx, rounds) {
        d.row(vec![
            name.to_owned(),
            xb.to_string(),
            jb.to_string(),
            f(p.sdk_median() * 1e6, 2),
            f(p.base_median() * 1e6, 2),
            f(p.ratio(), 2),
            format!("<= 2.0 {}", verdict(p.ratio() <= 2.0)),
        ]);
    }
    let xml_vs_json = |x: Case, j: Case| {
        let get = |c: Case| rows.iter().find(|r| r.0 == c).map(|r| r.1.sdk_median());
        match (get(x), get(j)) {
            (Some(x), Some(j)) => f(x / j, 3),
            _ => "-".to_owned(),
        }
    };
    d.note(format!(
        "whole request, SDK XML / SDK JSON, sequential: cpaas {}, sinch {}",
        xml_vs_json(Case::CpaasXml, Case::CpaasJson),
        xml_vs_json(Case::SinchXml, Case::SinchJson)
    ));
    d.note(format!(
        "table 1 took {:.1} s",
        started.elapsed().as_secs_f64()
    ));
    d.print();
}
