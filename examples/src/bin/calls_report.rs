//! Last month's CPaaS calls as CSV, streamed page by page, with a progress line on stderr.
//!
//! Runs against the CPaaS simulator (filled with a few hundred calls) unless these are set:
//!
//! - `CPAAS_ACCOUNT_SID` and `CPAAS_AUTH_TOKEN`: the account's credentials (the token is
//!   never printed)
//! - `CPAAS_BASE_URL`: the API's base URL (default: the US region,
//!   `https://api-us.cpaas.avayacloud.com/v2`)
//!
//! ```sh
//! cargo run -p examples --bin calls_report               # CSV on stdout
//! cargo run -p examples --bin calls_report -- calls.csv  # CSV in calls.csv
//! ```

use std::io::{IsTerminal, Write};

use cpaas::{CpaasClient, DateFilter, Region};
use examples::calls_report::{ReportError, run, seed_simulator};
use examples::env;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    examples::exit_code(try_main().await)
}

async fn try_main() -> Result<(), ReportError> {
    let today = chrono::Utc::now().date_naive();
    let (client, _simulator) = match env("CPAAS_ACCOUNT_SID") {
        Some(sid) => {
            let token = env("CPAAS_AUTH_TOKEN").ok_or_else(|| {
                sdk_core::Error::invalid_input(
                    "CPAAS_AUTH_TOKEN",
                    "required with CPAAS_ACCOUNT_SID",
                )
            })?;
            let base = env("CPAAS_BASE_URL").unwrap_or_else(|| Region::Us.base_url().to_owned());
            (
                CpaasClient::builder()
                    .base_url(base)
                    .basic(sid, token)
                    .build()?,
                None,
            )
        }
        None => {
            let sim = cpaas::sim::start().await?;
            seed_simulator(&sim, "AC0123", today, 237);
            (cpaas::sim::client(&sim, "AC0123")?, Some(sim))
        }
    };
    let period = DateFilter::month_before(today);
    let mut out: Box<dyn Write> = match std::env::args_os().nth(1) {
        Some(path) => Box::new(std::io::BufWriter::new(std::fs::File::create(path)?)),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    // One line rewritten in place on a terminal, a line per page otherwise.
    let terminal = std::io::stderr().is_terminal();
    let done = run(&client, period, &mut out, |p| {
        if terminal {
            eprint!("\r{p}");
        } else {
            eprintln!("{p}");
        }
    })
    .await?;
    eprintln!("{}done: {done}", if terminal { "\r" } else { "" });
    Ok(())
}
