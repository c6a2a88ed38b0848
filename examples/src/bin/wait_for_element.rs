//! The application-code pattern: create an Avaya Cloud Office element and wait for it with
//! a deadline, printing each status as it changes.
//!
//! Runs against the AXP simulator unless `AXP_BASE_URL` and credentials are set (see
//! `examples::axp_from_env`).
//!
//! ```sh
//! cargo run -p examples --bin wait_for_element
//! ```

use std::time::Duration;

use axp_voice::elements::ElementRequest;
use examples::{axp_from_env, poll_policy};

#[tokio::main]
async fn main() -> std::process::ExitCode {
    examples::exit_code(try_main().await)
}

async fn try_main() -> Result<(), sdk_core::Error> {
    let axp = axp_from_env().await?;
    let policy = poll_policy(axp.simulator.is_some()).deadline(Duration::from_secs(120));
    let element = examples::wait_for_element(
        &axp.client,
        &axp.account_id,
        &ElementRequest::aco("Avaya Cloud Office", "Production", ["+16062128688"]),
        policy,
        |line| println!("{line}"),
    )
    .await?;
    println!("element {} ready", element.element_id);
    Ok(())
}
