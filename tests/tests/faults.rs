//! The fault matrix: every API, every verb, every fault the simulator injects, through the
//! public typed clients. Each cell says what must happen (retried and succeeded, or a
//! typed error of the right kind), how many requests the server received, and that no
//! create is received twice unless the caller opted in.
//!
//! CPaaS has no PUT: its updates are form POSTs, tested in the PUT column as the
//! non-idempotent requests they are.

mod support;

use std::fmt::Write as _;
use std::time::{Duration, SystemTime};

use apio_callcenter::call_centers::{
    CallCenterUpdate, NewCallCenter, Policy, ServiceInstanceProfile,
};
use axp_voice::phone_numbers::{NewPhoneNumber, PhoneNumberUpdate};
use cpaas::applications::ApplicationRequest;
use sdk_core::clock::ManualClock;
use sdk_core::sim::{Fault, RetryAfter, Simulator};
use sdk_core::{Error, ErrorKind, Method, RequestOptions};
use sinch_rci::users::UserRequest;
use support::{APIO_GROUP, APIO_TENANT, AXP_ACCOUNT, Api, BODY_LIMIT, Running, e164, unique};

/// The per-attempt timeout of the timeout cells, and the delay that outlasts it.
const TIMEOUT: Duration = Duration::from_millis(60);
const SLOW: Duration = Duration::from_millis(400);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verb {
    Get,
    Post,
    Put,
    Delete,
}

/// What a cell must end in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// Failed once, retried once, succeeded: two requests.
    Retried,
    /// Succeeded at the first request (the operation does not read the answer's body).
    Ok,
    /// A typed error of this kind and status after one request.
    Fails(ErrorKind, Option<u16>),
}

use Expect::{Fails, Ok as Succeeds, Retried};

/// How long the manual clock must have waited before the retry.
#[derive(Debug, Clone, Copy)]
enum Wait {
    /// Anything (the backoff).
    Backoff,
    /// Exactly this (`Retry-After` in seconds).
    Exactly(Duration),
    /// More than zero and at most this (`Retry-After` as an HTTP date).
    AtMost(Duration),
}

/// One row of the table: a fault and its expected outcome for idempotent requests (GET,
/// PUT, DELETE), for non-idempotent ones (POST), and for requests whose operation ignores
/// the answer's body (when that differs).
struct Row {
    fault: &'static str,
    make: fn() -> Fault,
    idempotent: Expect,
    post: Expect,
    body_ignored: Option<Expect>,
    wait: Wait,
}

const API: ErrorKind = ErrorKind::Api;
const DECODE: ErrorKind = ErrorKind::Decode;
const TRANSPORT: ErrorKind = ErrorKind::Transport;

#[rustfmt::skip]
fn table() -> Vec<Row> {
    vec![
        Row { fault: "429 Retry-After: 1",      make: || Fault::retry_after(429, RetryAfter::Seconds(1)),
              idempotent: Retried, post: Fails(API, Some(429)), body_ignored: None, wait: Wait::Exactly(Duration::from_secs(1)) },
        Row { fault: "429 Retry-After: <date>", make: || Fault::retry_after(429, RetryAfter::HttpDate(SystemTime::now() + Duration::from_secs(3))),
              idempotent: Retried, post: Fails(API, Some(429)), body_ignored: None, wait: Wait::AtMost(Duration::from_secs(3)) },
        Row { fault: "500",                     make: || Fault::status(500),
              idempotent: Fails(API, Some(500)), post: Fails(API, Some(500)), body_ignored: None, wait: Wait::Backoff },
        Row { fault: "502",                     make: || Fault::status(502),
              idempotent: Retried, post: Fails(API, Some(502)), body_ignored: None, wait: Wait::Backoff },
        Row { fault: "503",                     make: || Fault::status(503),
              idempotent: Retried, post: Fails(API, Some(503)), body_ignored: None, wait: Wait::Backoff },
        Row { fault: "504",                     make: || Fault::status(504),
              idempotent: Retried, post: Fails(API, Some(504)), body_ignored: None, wait: Wait::Backoff },
        Row { fault: "dropped connection",      make: Fault::drop_connection,
              idempotent: Retried, post: Fails(TRANSPORT, None), body_ignored: None, wait: Wait::Backoff },
        Row { fault: "timeout",                 make: || Fault::delay(SLOW),
              idempotent: Retried, post: Fails(ErrorKind::Timeout, None), body_ignored: None, wait: Wait::Backoff },
        Row { fault: "truncated body",          make: Fault::truncated_body,
              idempotent: Retried, post: Fails(TRANSPORT, None), body_ignored: None, wait: Wait::Backoff },
        Row { fault: "malformed JSON 200",      make: Fault::malformed_body,
              idempotent: Fails(DECODE, Some(200)), post: Fails(DECODE, Some(200)), body_ignored: Some(Succeeds), wait: Wait::Backoff },
        Row { fault: "not JSON/XML 200",        make: || Fault::body(200, Some("text/plain"), "Service temporarily unavailable; please retry"),
              idempotent: Fails(DECODE, Some(200)), post: Fails(DECODE, Some(200)), body_ignored: Some(Succeeds), wait: Wait::Backoff },
        Row { fault: "HTML 502 page",           make: || Fault::html_error(502),
              idempotent: Retried, post: Fails(API, Some(502)), body_ignored: None, wait: Wait::Backoff },
        Row { fault: "empty 200",               make: Fault::empty_body,
              idempotent: Fails(DECODE, Some(200)), post: Fails(DECODE, Some(200)), body_ignored: Some(Succeeds), wait: Wait::Backoff },
        Row { fault: "huge body",               make: || Fault::huge_body(4 * BODY_LIMIT as u64),
              idempotent: Fails(DECODE, Some(200)), post: Fails(DECODE, Some(200)), body_ignored: None, wait: Wait::Backoff },
    ]
}

/// The four simulators and clients, on one manual clock each.
struct World {
    axp: Running<axp_voice::AxpClient>,
    apio: Running<apio_callcenter::ApioClient>,
    sinch: Running<sinch_rci::RciClient>,
    cpaas: Running<cpaas::CpaasClient>,
    clocks: [ManualClock; 4],
}

impl World {
    async fn start() -> World {
        let c: Vec<_> = (0..4).map(|_| support::manual()).collect();
        World {
            axp: support::axp(c[0].1.clone()).await,
            apio: support::apio(c[1].1.clone()).await,
            sinch: support::sinch(c[2].1.clone()).await,
            cpaas: support::cpaas(c[3].1.clone()).await,
            clocks: [
                c[0].0.clone(),
                c[1].0.clone(),
                c[2].0.clone(),
                c[3].0.clone(),
            ],
        }
    }

    fn sim(&self, api: Api) -> &Simulator {
        match api {
            Api::Axp => &self.axp.sim,
            Api::Apio => &self.apio.sim,
            Api::Sinch => &self.sinch.sim,
            Api::Cpaas => &self.cpaas.sim,
        }
    }

    fn clock(&self, api: Api) -> &ManualClock {
        &self.clocks[Api::ALL.iter().position(|a| *a == api).expect("listed")]
    }

    /// The HTTP method of `verb` on `api` (CPaaS updates are POSTs).
    fn method(api: Api, verb: Verb) -> Method {
        match (api, verb) {
            (_, Verb::Get) => Method::GET,
            (_, Verb::Post) | (Api::Cpaas, Verb::Put) => Method::POST,
            (_, Verb::Put) => Method::PUT,
            (_, Verb::Delete) => Method::DELETE,
        }
    }

    /// Whether the operation of `verb` on `api` decodes the answer's body.
    fn reads_body(api: Api, verb: Verb) -> bool {
        !matches!(
            (api, verb),
            (Api::Axp | Api::Apio | Api::Sinch, Verb::Delete) | (Api::Sinch, Verb::Put)
        )
    }

    /// Creates a resource to read, update or delete, with no fault.
    async fn prepare(&self, api: Api) -> String {
        self.run(api, Verb::Post, "", RequestOptions::new())
            .await
            .expect("a create with no fault succeeds")
    }

    /// Runs the typed operation of `verb` on `api` on the resource `id` (ignored by
    /// creates); a create returns the new id.
    async fn run(
        &self,
        api: Api,
        verb: Verb,
        id: &str,
        options: RequestOptions,
    ) -> Result<String, Error> {
        let n = unique();
        match api {
            Api::Axp => {
                let numbers = self
                    .axp
                    .client
                    .account(AXP_ACCOUNT)
                    .phone_numbers()
                    .options(options);
                match verb {
                    Verb::Get => numbers.get(id).await.map(|_| id.to_owned()),
                    Verb::Post => numbers
                        .create(&NewPhoneNumber::new(e164(), "Support", "US"))
                        .await
                        .map(|a| a.id().unwrap_or_default().to_owned()),
                    Verb::Put => numbers
                        .update(id, &PhoneNumberUpdate::new(format!("Sales {n}"), true))
                        .await
                        .map(|_| id.to_owned()),
                    Verb::Delete => numbers.delete(id).await.map(|()| id.to_owned()),
                }
            }
            Api::Apio => {
                let centers = self
                    .apio
                    .client
                    .tenant(APIO_TENANT)
                    .group(APIO_GROUP)
                    .call_centers()
                    .options(options);
                match verb {
                    Verb::Get => centers.get(id).await.map(|_| id.to_owned()),
                    Verb::Post => centers
                        .create(
                            &NewCallCenter::new(
                                ServiceInstanceProfile::named(format!("Helpdesk {n}")),
                                Policy::Regular,
                            )
                            .service_user_id(format!("cc{n}@sip.example.com")),
                        )
                        .await
                        .map(|c| c.service_user_id.to_string()),
                    Verb::Put => centers
                        .modify(id, &CallCenterUpdate::default().queue_length(5))
                        .await
                        .map(|_| id.to_owned()),
                    Verb::Delete => centers.delete(id).await.map(|()| id.to_owned()),
                }
            }
            Api::Sinch => {
                let users = self.sinch.client.users().options(options);
                let user = UserRequest::new("John", format!("Fox{n}"));
                match verb {
                    Verb::Get => users.get(id).await.map(|_| id.to_owned()),
                    Verb::Post => users.create(&user).await.map(|id| id.to_string()),
                    Verb::Put => users.update(id, &user).await.map(|()| id.to_owned()),
                    Verb::Delete => users.delete(id).await.map(|()| id.to_owned()),
                }
            }
            Api::Cpaas => {
                let apps = self.cpaas.client.account().applications().options(options);
                let app = ApplicationRequest::new().friendly_name(format!("app {n}"));
                match verb {
                    Verb::Get => apps.get(id).await.map(|_| id.to_owned()),
                    Verb::Post => apps.create(&app).await.map(|a| a.sid.to_string()),
                    Verb::Put => apps.update(id, &app).await.map(|_| id.to_owned()),
                    Verb::Delete => apps.delete(id).await.map(|_| id.to_owned()),
                }
            }
        }
    }
}

/// What one cell saw.
struct Outcome {
    result: Result<String, Error>,
    requests: usize,
    posts: usize,
    sleeps: Vec<Duration>,
}

async fn cell(
    world: &World,
    api: Api,
    verb: Verb,
    fault: Fault,
    options: RequestOptions,
) -> Outcome {
    let id = if verb == Verb::Post {
        String::new()
    } else {
        world.prepare(api).await
    };
    let sim = world.sim(api);
    sim.clear_requests();
    let method = World::method(api, verb);
    sim.inject(fault.method(method).path("/"));
    let slept_before = world.clock(api).sleeps().len();
    let result = world.run(api, verb, &id, options).await;
    sim.clear_faults();
    let requests = sim.requests();
    Outcome {
        result,
        requests: requests.len(),
        posts: requests.iter().filter(|r| r.method == Method::POST).count(),
        sleeps: world.clock(api).sleeps()[slept_before..].to_vec(),
    }
}

/// Checks an outcome against its expectation; the reason when it differs.
fn check(expect: Expect, wait: Wait, out: &Outcome) -> Result<(), String> {
    let want_requests = if expect == Retried { 2 } else { 1 };
    if out.requests != want_requests {
        return Err(format!(
            "{} requests received, expected {want_requests} ({:?})",
            out.requests,
            out.result.as_ref().map_err(|e| e.to_string())
        ));
    }
    match (expect, &out.result) {
        (Retried | Succeeds, Ok(_)) => {}
        (Fails(kind, status), Err(e)) => {
            if e.kind() != kind || e.status().map(|s| s.as_u16()) != status {
                return Err(format!(
                    "expected {kind:?} {status:?}, got {:?} {:?}: {e}",
                    e.kind(),
                    e.status()
                ));
            }
            if e.operation().is_none() {
                return Err(format!("the error names no operation: {e}"));
            }
        }
        (_, Ok(_)) => return Err(format!("expected {expect:?}, got success")),
        (_, Err(e)) => return Err(format!("expected {expect:?}, got {e:?}")),
    }
    if expect == Retried {
        let ok = match (wait, out.sleeps.as_slice()) {
            (Wait::Backoff, [_]) => true,
            (Wait::Exactly(d), [s]) => *s == d,
            (Wait::AtMost(d), [s]) => !s.is_zero() && *s <= d,
            _ => false,
        };
        if !ok {
            return Err(format!("waited {:?}, expected {wait:?}", out.sleeps));
        }
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_api_and_verb_meets_every_fault_as_the_table_says() {
    let world = World::start().await;
    let mut cells = 0;
    let mut passed = 0;
    let mut duplicates = 0;
    let mut failures = String::new();
    let mut report = String::new();

    for api in Api::ALL {
        for verb in [Verb::Get, Verb::Post, Verb::Put, Verb::Delete] {
            let method = World::method(api, verb);
            let non_idempotent = method == Method::POST;
            for row in table() {
                let expect = if non_idempotent {
                    row.post
                } else if !World::reads_body(api, verb) {
                    row.body_ignored.unwrap_or(row.idempotent)
                } else {
                    row.idempotent
                };
                let options = if row.fault == "timeout" {
                    RequestOptions::new().timeout(TIMEOUT)
                } else {
                    RequestOptions::new()
                };
                let out = cell(&world, api, verb, (row.make)(), options).await;
                cells += 1;
                if non_idempotent && out.posts > 1 {
                    duplicates += 1;
                }
                let verdict = check(expect, row.wait, &out);
                let _ = writeln!(
                    report,
                    "  {:5} {:6} {:24} {:32} {}",
                    api.name(),
                    format!("{verb:?}"),
                    row.fault,
                    format!("{expect:?}"),
                    if verdict.is_ok() { "ok" } else { "FAIL" }
                );
                match verdict {
                    Ok(()) => passed += 1,
                    Err(why) => {
                        let _ =
                            writeln!(failures, "{} {verb:?} / {}: {why}", api.name(), row.fault);
                    }
                }
                // The huge body is not read past the client's limit.
                if row.fault == "huge body"
                    && let Err(e) = &out.result
                    && !e.to_string().contains("byte limit")
                {
                    let _ = writeln!(
                        failures,
                        "{} {verb:?}: huge body read whole: {e}",
                        api.name()
                    );
                }
                // The proxy's page is read into the error.
                if row.fault == "HTML 502 page"
                    && let Err(e) = &out.result
                    && e.vendor_message() != Some("502 Bad Gateway")
                {
                    let _ = writeln!(failures, "{} {verb:?}: HTML page message {e:?}", api.name());
                }
            }
        }
        // A caller that opted in for its create gets the retry, and one resource.
        for (fault, make) in [
            ("503, opted in", (|| Fault::status(503)) as fn() -> Fault),
            ("dropped connection, opted in", Fault::drop_connection),
        ] {
            let out = cell(
                &world,
                api,
                Verb::Post,
                make(),
                RequestOptions::new().retry_non_idempotent(true),
            )
            .await;
            cells += 1;
            let verdict = check(Retried, Wait::Backoff, &out);
            let _ = writeln!(
                report,
                "  {:5} {:6} {:24} {:32} {}",
                api.name(),
                "Post",
                fault,
                "Retried",
                if verdict.is_ok() { "ok" } else { "FAIL" }
            );
            match verdict {
                Ok(()) => passed += 1,
                Err(why) => {
                    let _ = writeln!(failures, "{} Post / {fault}: {why}", api.name());
                }
            }
        }
    }

    println!("{report}");
    println!("faults: {cells} cells, {passed} as expected, {duplicates} duplicate creates");
    assert!(failures.is_empty(), "cells not as expected:\n{failures}");
    assert_eq!(passed, cells);
    assert_eq!(duplicates, 0);
    assert_eq!(cells, 4 * 4 * table().len() + 4 * 2);
}
