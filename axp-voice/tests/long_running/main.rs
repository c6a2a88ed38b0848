//! Every long-running operation of the AXP API, against the simulator: it polls to
//! success, it ends in `OperationFailed` when the server says the work failed, and it
//! passes its deadline with `PollTimeout`. All waits run on a manual clock.
#![cfg(feature = "simulator")]

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use axp_voice::{AxpClient, PollPolicy};
use sdk_core::ErrorKind;
use sdk_core::clock::ManualClock;
use sdk_core::sim::Simulator;

mod cm;
mod config;
mod elements;
mod hybrid;
mod phone_numbers;
mod typed_store;

/// How the operation under test should end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Succeed,
    Fail,
    Stall,
}

/// What an operation's closure gets.
struct Ctx {
    client: AxpClient,
    sim: Arc<Simulator>,
    mode: Mode,
}

impl Ctx {
    /// A policy with no jitter and a 60 s deadline.
    fn policy(&self) -> PollPolicy {
        PollPolicy::default()
            .initial_delay(Duration::from_secs(1))
            .jitter(0.0)
            .deadline(Duration::from_secs(60))
    }

    /// Called by each closure right before the operation under test (after its setup):
    /// marks the simulator's `resource` to fail or to stall.
    fn arm(&self, resource: &str) {
        match self.mode {
            Mode::Succeed => {}
            Mode::Fail => self.sim.fail_next(resource).expect("a declared resource"),
            Mode::Stall => self
                .sim
                .set_polls(resource, 10_000)
                .expect("a declared resource"),
        }
    }
}

type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;

/// One long-running operation: its catalog id, and a closure that sets up what it needs,
/// calls [`Ctx::arm`], starts it and waits with [`Ctx::policy`].
#[derive(Clone)]
struct Lro {
    op: &'static str,
    run: fn(Arc<Ctx>) -> BoxFuture<sdk_core::Result<()>>,
}

fn all() -> Vec<Lro> {
    [
        elements::lros(),
        phone_numbers::lros(),
        hybrid::lros(),
        cm::lros(),
        config::lros(),
    ]
    .concat()
}

async fn run_all(mode: Mode) -> Vec<(&'static str, sdk_core::Result<()>)> {
    let mut out = Vec::new();
    for lro in all() {
        // A simulator per operation, so a stalled or failing resource affects no other.
        let sim = Arc::new(axp_voice::sim::start().await.expect("simulator"));
        let client = AxpClient::builder()
            .base_url(sim.base_url())
            .allow_http(true)
            .no_auth()
            .clock(Arc::new(ManualClock::new()))
            .http_client(http())
            .build()
            .expect("client");
        let ctx = Arc::new(Ctx { client, sim, mode });
        out.push((lro.op, (lro.run)(ctx).await));
    }
    out
}

use sdk_core::sim::test_http_client as http;

#[tokio::test]
async fn every_long_running_operation_polls_to_success() {
    let results = run_all(Mode::Succeed).await;
    assert!(!results.is_empty());
    for (op, r) in results {
        assert!(r.is_ok(), "{op}: {r:?}");
    }
}

#[tokio::test]
async fn every_long_running_operation_reports_failure() {
    for (op, r) in run_all(Mode::Fail).await {
        let err = r.expect_err(op);
        assert_eq!(err.kind(), ErrorKind::OperationFailed, "{op}: {err:?}");
        assert!(err.operation_status().is_some(), "{op}: {err:?}");
    }
}

#[tokio::test]
async fn every_long_running_operation_passes_its_deadline() {
    for (op, r) in run_all(Mode::Stall).await {
        let err = r.expect_err(op);
        assert_eq!(err.kind(), ErrorKind::PollTimeout, "{op}: {err:?}");
        assert!(
            err.operation_status().is_some(),
            "{op} reports the last status: {err:?}"
        );
    }
}
