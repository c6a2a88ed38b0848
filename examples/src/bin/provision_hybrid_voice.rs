//! Stand up hybrid voice on an AXP account: a Communication Manager, its reason codes and
//! voice plans, and 200 phone numbers applied with bounded concurrency, each waited for to
//! a terminal status, with a progress bar and a final summary (created, updated,
//! unchanged, needs action, failed). Every resource is ensured by its natural key, so
//! re-running it creates nothing twice and updates only what differs. Exits non-zero if
//! anything failed.
//!
//! Runs against the AXP simulator unless these are set:
//!
//! - `AXP_BASE_URL`, `AXP_ACCOUNT_ID`, and `AXP_TOKEN` or `AXP_CLIENT_ID` + `AXP_CLIENT_SECRET`
//!   (see `examples::axp_from_env`)
//! - `AXP_HCG_ID`: the Hybrid Cloud Gateway of the Communication Manager (on the simulator,
//!   one is found or created)
//! - `PROVISION_NUMBERS`: a file with one E.164 number per line (default on the simulator:
//!   200 numbers of a test range)
//!
//! ```sh
//! cargo run -p examples --bin provision_hybrid_voice
//! ```

use std::process::ExitCode;
use std::time::Instant;

use examples::hybrid_voice::{Outcome, Plan, Progress, Quiet, Row, example_numbers, provision};
use examples::{axp_from_env, env};
use indicatif::{ProgressBar, ProgressStyle};

/// The progress bar.
struct Bar(ProgressBar);

impl Progress for Bar {
    fn start(&self, total: u64) {
        self.0.set_length(total);
    }

    fn done(&self, row: &Row) {
        self.0.set_message(format!("{} {}", row.kind, row.name));
        self.0.inc(1);
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("{}", examples::describe(&e));
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<bool, sdk_core::Error> {
    let started = Instant::now();
    let axp = axp_from_env().await?;
    let simulated = axp.simulator.is_some();
    let numbers = match env("PROVISION_NUMBERS") {
        Some(file) => std::fs::read_to_string(&file)
            .map_err(|e| {
                sdk_core::Error::invalid_input("PROVISION_NUMBERS", format!("{file}: {e}"))
            })?
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect(),
        None if simulated => example_numbers(200),
        None => {
            return Err(sdk_core::Error::invalid_input(
                "PROVISION_NUMBERS",
                "required against a real account",
            ));
        }
    };
    let plan = Plan {
        account_id: axp.account_id.clone(),
        gateway_id: env("AXP_HCG_ID"),
        gateway_name: "Gateway 1".into(),
        cm_name: "CM Main".into(),
        numbers,
        concurrency: 16,
    };
    println!(
        "provisioning account {} ({})",
        plan.account_id,
        if simulated { "simulator" } else { "live" }
    );
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let summary = provision(&axp.client, &plan, &Bar(bar.clone())).await?;
    bar.finish_and_clear();
    print!("{}", summary.table());
    println!("done in {:.1}s", started.elapsed().as_secs_f64());

    // On the simulator, show that the same plan again finds everything in place.
    if simulated {
        let again = provision(&axp.client, &plan, &Quiet).await?;
        println!(
            "second run: {} created, {} updated, {} unchanged",
            again.count(|o| *o == Outcome::Created),
            again.count(|o| matches!(o, Outcome::Updated(_))),
            again.count(|o| *o == Outcome::Unchanged),
        );
    }
    Ok(summary.ok())
}
