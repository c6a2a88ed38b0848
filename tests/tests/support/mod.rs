//! The four simulators and typed clients of the reliability tests, on a manual clock so
//! that backoffs and `Retry-After` waits take no time.
#![allow(dead_code)]

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use apio_callcenter::ApioClient;
use axp_voice::AxpClient;
use cpaas::CpaasClient;
use sdk_core::clock::{Clock, ManualClock};
use sdk_core::sim::Simulator;
use sdk_core::{PollPolicy, RetryPolicy};
use sinch_rci::RciClient;

/// The AXP account of every AXP call.
pub const AXP_ACCOUNT: &str = "ABCDEF";
/// The APIO tenant and group of every APIO call.
pub const APIO_TENANT: &str = "acme";
/// See [`APIO_TENANT`].
pub const APIO_GROUP: &str = "support";
/// The CPaaS AccountSid.
pub const CPAAS_ACCOUNT: &str = "AC00000000000000000000000000000001";
/// The body limit of the clients whose builder takes one (CPaaS keeps the default).
pub const BODY_LIMIT: usize = 256 * 1024;

/// The four APIs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Api {
    /// AXP Voice Admin.
    Axp,
    /// APIO call centers.
    Apio,
    /// Sinch RCI.
    Sinch,
    /// Avaya CPaaS.
    Cpaas,
}

impl Api {
    /// All four, in a fixed order.
    pub const ALL: [Api; 4] = [Api::Axp, Api::Apio, Api::Sinch, Api::Cpaas];

    /// A short name for reports.
    pub fn name(self) -> &'static str {
        match self {
            Api::Axp => "axp",
            Api::Apio => "apio",
            Api::Sinch => "sinch",
            Api::Cpaas => "cpaas",
        }
    }
}

/// Retries as the default policy does, without jitter (3 attempts).
pub fn retry() -> RetryPolicy {
    RetryPolicy::default().without_jitter()
}

/// Polls every millisecond (on whatever clock the client has), deadline 10 minutes.
pub fn quick_poll() -> PollPolicy {
    PollPolicy::default()
        .initial_delay(Duration::from_millis(1))
        .max_interval(Duration::from_millis(1))
        .jitter(0.0)
        .deadline(Duration::from_secs(600))
}

/// A simulator and a client of it.
pub struct Running<C> {
    /// The simulator.
    pub sim: Simulator,
    /// The typed client.
    pub client: C,
}

/// Starts the AXP simulator; the client uses `clock`.
pub async fn axp(clock: Arc<dyn Clock>) -> Running<AxpClient> {
    let sim = axp_voice::sim::start().await.expect("AXP simulator");
    let client = AxpClient::builder()
        .base_url(sim.base_url())
        .allow_http(true)
        .no_auth()
        .clock(clock)
        .retry_policy(retry())
        .poll_policy(quick_poll())
        .max_response_bytes(BODY_LIMIT)
        .build()
        .expect("AXP client");
    Running { sim, client }
}

/// Starts the APIO simulator; the client uses `clock`.
pub async fn apio(clock: Arc<dyn Clock>) -> Running<ApioClient> {
    let sim = apio_callcenter::sim::start().await.expect("APIO simulator");
    let client = ApioClient::builder()
        .base_url(sim.base_url())
        .allow_http(true)
        .no_auth()
        .clock(clock)
        .retry_policy(retry())
        .poll_policy(quick_poll())
        .max_response_bytes(BODY_LIMIT)
        .build()
        .expect("APIO client");
    Running { sim, client }
}

/// Starts the Sinch RCI simulator; the client uses `clock`.
pub async fn sinch(clock: Arc<dyn Clock>) -> Running<RciClient> {
    let sim = sinch_rci::sim::start().await.expect("Sinch simulator");
    let client = RciClient::builder()
        .base_url(sim.api_url())
        .allow_http(true)
        .no_auth()
        .clock(clock)
        .retry_policy(retry())
        .poll_policy(quick_poll())
        .max_response_bytes(BODY_LIMIT)
        .build()
        .expect("Sinch client");
    Running { sim, client }
}

/// Starts the CPaaS simulator; the client uses `clock`.
pub async fn cpaas(clock: Arc<dyn Clock>) -> Running<CpaasClient> {
    let sim = cpaas::sim::start().await.expect("CPaaS simulator");
    let client = CpaasClient::builder()
        .base_url(sim.base_url())
        .allow_http(true)
        .basic(CPAAS_ACCOUNT, "simulated-auth-token")
        .clock(clock)
        .max_response_bytes(BODY_LIMIT)
        .retry_policy(retry())
        .poll_policy(quick_poll())
        .build()
        .expect("CPaaS client");
    Running { sim, client }
}

/// A fresh manual clock, as the `Arc<dyn Clock>` builders take, and the handle to read it.
pub fn manual() -> (ManualClock, Arc<dyn Clock>) {
    let clock = ManualClock::new();
    let shared: Arc<dyn Clock> = Arc::new(clock.clone());
    (clock, shared)
}

/// A number unique in the test process: for E.164 numbers, names and ids.
pub fn unique() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// A unique E.164 number.
pub fn e164() -> String {
    format!("+1647{:07}", unique())
}
