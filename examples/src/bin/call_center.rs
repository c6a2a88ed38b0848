//! Create, modify, list and delete an APIO call center instance.
//!
//! Runs against the APIO simulator unless these are set:
//!
//! - `APIO_BASE_URL`: the APIO host, e.g. `https://apio.example.com`
//! - `APIO_TOKEN`: a bearer token (APIO documents no scheme; use what your deployment takes)
//! - `APIO_TENANT`, `APIO_GROUP`: where to work (default `acme` / `support`)
//!
//! ```sh
//! cargo run -p examples --bin call_center
//! ```

use apio_callcenter::ApioClient;
use examples::env;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    examples::exit_code(try_main().await)
}

async fn try_main() -> Result<(), sdk_core::Error> {
    let (client, _simulator) = match env("APIO_BASE_URL") {
        Some(url) => {
            let token = env("APIO_TOKEN").ok_or_else(|| {
                sdk_core::Error::invalid_input("APIO_TOKEN", "required with APIO_BASE_URL")
            })?;
            (
                ApioClient::builder().base_url(url).bearer(token).build()?,
                None,
            )
        }
        None => {
            let sim = apio_callcenter::sim::start().await?;
            (apio_callcenter::sim::client(&sim)?, Some(sim))
        }
    };
    let tenant = env("APIO_TENANT").unwrap_or_else(|| "acme".into());
    let group = env("APIO_GROUP").unwrap_or_else(|| "support".into());
    for line in
        examples::call_center::run(&client, &tenant, &group, "helpdesk@sip.example.com").await?
    {
        println!("{line}");
    }
    Ok(())
}
