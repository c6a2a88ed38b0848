//! Load on the simulators: 10,000 creates across the four APIs, 64 in flight, while a
//! seeded 5 % of all answers are injected faults. A create that fails is never re-sent
//! blindly: the program looks the resource up by its natural key first and creates it
//! again only when it is not there. Afterwards every simulator holds exactly its share,
//! none twice, and every long-running one reached its terminal status.
//!
//! `LOAD_CREATES=n` runs another figure (any multiple of 4); the test command runs the
//! full 10,000.

mod support;

use std::collections::HashSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use apio_callcenter::call_centers::{NewCallCenter, Policy, ServiceInstanceProfile};
use axp_voice::phone_numbers::NewPhoneNumber;
use cpaas::applications::{ApplicationFilter, ApplicationRequest};
use sdk_core::futures_util::StreamExt;
use sdk_core::sim::{Fault, RetryAfter, Simulator};
use sdk_core::{Error, ErrorKind};
use sinch_rci::users::{UserQuery, UserRequest};
use support::{APIO_GROUP, APIO_TENANT, AXP_ACCOUNT, Api, Running};

/// The creates of the default run (see the module docs for another figure).
const CREATES: usize = 10_000;
const IN_FLIGHT: usize = 64;
const SEED: u64 = 0x5EED_F00D;

/// 5 % of every answer, by a seeded draw per rule.
fn inject_faults(sim: &Simulator, seed: u64) {
    let malformed = Fault::malformed_body();
    let rules = [
        (Fault::retry_after(429, RetryAfter::Seconds(1)), 0.010),
        (Fault::status(502), 0.010),
        (Fault::status(503), 0.010),
        (Fault::drop_connection(), 0.010),
        (Fault::status(500), 0.005),
        (malformed, 0.005),
    ];
    for (i, (fault, p)) in rules.into_iter().enumerate() {
        sim.inject(fault.always().ratio(p, seed.wrapping_add(i as u64)));
    }
}

/// Counters of one run.
#[derive(Default)]
struct Tally {
    /// Creates that failed and were looked up before anything else was sent.
    reconciled: AtomicUsize,
    /// Of those, the ones found stored (adopted, not created again).
    adopted: AtomicUsize,
    /// Long-running resources waited for to a terminal status.
    terminal: AtomicUsize,
}

struct World {
    axp: Running<axp_voice::AxpClient>,
    apio: Running<apio_callcenter::ApioClient>,
    sinch: Running<sinch_rci::RciClient>,
    cpaas: Running<cpaas::CpaasClient>,
    tally: Tally,
}

/// An error the program cannot fix by trying again.
fn fatal(e: &Error) -> bool {
    matches!(
        e.kind(),
        ErrorKind::InvalidInput | ErrorKind::OperationFailed
    )
}

/// Up to this many tries per step; a seeded 5 % makes more than a few very unlikely.
const TRIES: usize = 30;

impl World {
    /// Creates item `i` of `api`, reconciling by natural key after any failure.
    async fn create(&self, api: Api, i: usize) {
        for _ in 0..TRIES {
            let result = match api {
                Api::Axp => self.axp_number(i).await,
                Api::Apio => self.apio_center(i).await,
                Api::Sinch => self.sinch_user(i).await,
                Api::Cpaas => self.cpaas_app(i).await,
            };
            match result {
                Ok(()) => return,
                Err(e) if fatal(&e) => panic!("{} item {i}: {e:?}", api.name()),
                Err(_) => {}
            }
            self.tally.reconciled.fetch_add(1, Ordering::Relaxed);
            if self.exists(api, i).await {
                self.tally.adopted.fetch_add(1, Ordering::Relaxed);
                if api == Api::Axp {
                    self.axp_until_terminal(i).await;
                }
                return;
            }
        }
        panic!("{} item {i}: no success in {TRIES} tries", api.name());
    }

    /// Looks item `i` up by its natural key, trying until the lookup itself answers.
    async fn exists(&self, api: Api, i: usize) -> bool {
        for _ in 0..TRIES {
            let found = match api {
                Api::Axp => self
                    .axp
                    .client
                    .account(AXP_ACCOUNT)
                    .phone_numbers()
                    .get_by_phone_numbers(&[axp_number(i)])
                    .await
                    .map(|v| !v.is_empty()),
                Api::Apio => match self.apio_centers().get(apio_id(i)).await {
                    Ok(_) => Ok(true),
                    Err(e) if e.is_not_found() => Ok(false),
                    Err(e) => Err(e),
                },
                Api::Sinch => self
                    .sinch
                    .client
                    .users()
                    .list(&UserQuery::new().external_id(key(i)))
                    .collect_all()
                    .await
                    .map(|v| !v.is_empty()),
                Api::Cpaas => self
                    .cpaas
                    .client
                    .account()
                    .applications()
                    .list(&ApplicationFilter::new().friendly_name(key(i)))
                    .collect_all()
                    .await
                    .map(|v| !v.is_empty()),
            };
            if let Ok(found) = found {
                return found;
            }
        }
        panic!("{} item {i}: the lookup never answered", api.name());
    }

    async fn axp_number(&self, i: usize) -> Result<(), Error> {
        let accepted = self
            .axp
            .client
            .account(AXP_ACCOUNT)
            .phone_numbers()
            .create(&NewPhoneNumber::new(axp_number(i), key(i), "US"))
            .await?;
        match accepted.wait().await {
            Ok(_) => {
                self.tally.terminal.fetch_add(1, Ordering::Relaxed);
            }
            // Created: only the wait failed. Wait on by reading.
            Err(e) if !fatal(&e) => self.axp_until_terminal(i).await,
            Err(e) => return Err(e),
        }
        Ok(())
    }

    /// Reads number `i` until its status is terminal.
    async fn axp_until_terminal(&self, i: usize) {
        let numbers = self.axp.client.account(AXP_ACCOUNT).phone_numbers();
        let mut id = None;
        for _ in 0..TRIES {
            if id.is_none()
                && let Ok(found) = numbers.get_by_phone_numbers(&[axp_number(i)]).await
            {
                id = found.first().map(|n| n.phone_number_id.clone());
            }
            if let Some(id) = &id
                && let Ok(n) = numbers.get(id).await
                && matches!(n.status.as_ref().map(|s| s.as_str()), Some("ACTIVE"))
            {
                self.tally.terminal.fetch_add(1, Ordering::Relaxed);
                return;
            }
        }
        panic!("axp item {i}: never terminal");
    }

    fn apio_centers(&self) -> apio_callcenter::call_centers::CallCenters<'_> {
        self.apio
            .client
            .tenant(APIO_TENANT)
            .group(APIO_GROUP)
            .call_centers()
    }

    async fn apio_center(&self, i: usize) -> Result<(), Error> {
        self.apio_centers()
            .create(
                &NewCallCenter::new(ServiceInstanceProfile::named(key(i)), Policy::Regular)
                    .service_user_id(apio_id(i)),
            )
            .await
            .map(drop)
    }

    async fn sinch_user(&self, i: usize) -> Result<(), Error> {
        self.sinch
            .client
            .users()
            .create(&UserRequest::new("Load", format!("User{i}")).external_id(key(i)))
            .await
            .map(drop)
    }

    async fn cpaas_app(&self, i: usize) -> Result<(), Error> {
        self.cpaas
            .client
            .account()
            .applications()
            .create(&ApplicationRequest::new().friendly_name(key(i)))
            .await
            .map(drop)
    }

    fn sims(&self) -> [(Api, &Simulator); 4] {
        [
            (Api::Axp, &self.axp.sim),
            (Api::Apio, &self.apio.sim),
            (Api::Sinch, &self.sinch.sim),
            (Api::Cpaas, &self.cpaas.sim),
        ]
    }
}

fn key(i: usize) -> String {
    format!("load-{i:05}")
}

fn axp_number(i: usize) -> String {
    format!("+1555{i:07}")
}

fn apio_id(i: usize) -> String {
    format!("load{i:05}@sip.example.com")
}

/// Stored items of `resource` and how many distinct values `field` has among them.
fn stored(sim: &Simulator, resource: &str, field: &str) -> (usize, usize, Vec<String>) {
    sim.with_store(|s| {
        let all = s.all(resource);
        let keys: HashSet<String> = all
            .iter()
            .filter_map(|(_, _, v)| v.pointer(field).and_then(|k| k.as_str()))
            .map(str::to_owned)
            .collect();
        let statuses = all
            .iter()
            .filter_map(|(_, _, v)| v.get("status").and_then(|k| k.as_str()))
            .map(str::to_owned)
            .collect();
        (all.len(), keys.len(), statuses)
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn thousands_of_creates_under_five_percent_faults_store_each_resource_once() {
    let clocks: Vec<_> = (0..4).map(|_| support::manual()).collect();
    let world = Arc::new(World {
        axp: support::axp(clocks[0].1.clone()).await,
        apio: support::apio(clocks[1].1.clone()).await,
        sinch: support::sinch(clocks[2].1.clone()).await,
        cpaas: support::cpaas(clocks[3].1.clone()).await,
        tally: Tally::default(),
    });
    world
        .axp
        .sim
        .set_polls("phone_numbers", 0)
        .expect("resource");
    for (n, (_, sim)) in world.sims().into_iter().enumerate() {
        inject_faults(sim, SEED.wrapping_mul(n as u64 + 1));
    }
    let started = Instant::now();

    let creates: usize = std::env::var("LOAD_CREATES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(CREATES);
    let per_api = creates / Api::ALL.len();
    let creates = per_api * Api::ALL.len();
    let only: Option<usize> = std::env::var("LOAD_ONLY").ok().and_then(|v| v.parse().ok());
    sdk_core::futures_util::stream::iter(
        (0..creates)
            .map(|n| (Api::ALL[n % 4], n / 4))
            .filter(move |(a, _)| only.is_none_or(|o| Api::ALL[o] == *a)),
    )
    .map(|(api, i)| {
        let world = world.clone();
        // Spawned, so that the clients' work spreads over the runtime's threads.
        tokio::spawn(async move { world.create(api, i).await })
    })
    .buffer_unordered(IN_FLIGHT)
    .for_each(|done| async move { done.expect("a create task panicked") })
    .await;

    let elapsed = started.elapsed();
    let (mut requests, mut faulted) = (0, 0);
    for (_, sim) in world.sims() {
        let recorded = sim.requests();
        requests += recorded.len();
        faulted += recorded.iter().filter(|r| r.faulted).count();
    }
    let axp = stored(&world.axp.sim, "phone_numbers", "/phoneNumber");
    let apio = stored(&world.apio.sim, "call_centers", "/serviceUserId");
    let sinch = stored(&world.sinch.sim, "users", "/externalId");
    let cpaas = stored(&world.cpaas.sim, "applications", "/friendly_name");
    let total = axp.0 + apio.0 + sinch.0 + cpaas.0;
    let distinct = axp.1 + apio.1 + sinch.1 + cpaas.1;
    let terminal = world.tally.terminal.load(Ordering::Relaxed);
    println!(
        "load: {creates} creates ({per_api} per API), {IN_FLIGHT} in flight, {requests} requests, \
         {faulted} faulted ({:.2} %), {} failed creates reconciled by lookup ({} found stored), \
         {total} stored, {distinct} distinct, {terminal}/{} polls terminal, {:.2} s",
        100.0 * faulted as f64 / requests as f64,
        world.tally.reconciled.load(Ordering::Relaxed),
        world.tally.adopted.load(Ordering::Relaxed),
        axp.0,
        elapsed.as_secs_f64(),
    );

    for (name, (count, keys, _)) in [
        ("axp", &axp),
        ("apio", &apio),
        ("sinch", &sinch),
        ("cpaas", &cpaas),
    ] {
        assert_eq!(*count, per_api, "{name}: stored");
        assert_eq!(*keys, per_api, "{name}: distinct natural keys");
    }
    assert_eq!(total, creates);
    assert_eq!(
        terminal, per_api,
        "every number waited for to a terminal status"
    );
    assert!(
        axp.2.iter().all(|s| s == "ACTIVE"),
        "every stored number is ACTIVE"
    );
    let rate = faulted as f64 / requests as f64;
    assert!((0.035..0.065).contains(&rate), "fault rate {rate}");
}
