//! Mirror a small directory of users and queues into the Sinch RCI: create what is missing,
//! update what differs, place users in their user groups, and print what changed. Run it
//! twice: the second run changes nothing.
//!
//! Runs against the RCI simulator unless these are set:
//!
//! - `RCI_BASE_URL`: the RCI root, e.g. `https://contact-center.example.com/RI/rci`
//! - `RCI_USER`, `RCI_PASSWORD`: HTTP basic credentials (the RCI document names no scheme;
//!   use what your deployment takes)
//! - `DIRECTORY_FILE`: a JSON file shaped like `examples::directory::SAMPLE` (default: that
//!   sample)
//!
//! ```sh
//! cargo run -p examples --bin mirror_directory
//! ```

use examples::directory::{Directory, SAMPLE, mirror};
use examples::env;
use sinch_rci::RciClient;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    examples::exit_code(try_main().await)
}

async fn try_main() -> Result<(), sdk_core::Error> {
    let (client, _simulator) = match env("RCI_BASE_URL") {
        Some(url) => {
            let user = env("RCI_USER").ok_or_else(|| {
                sdk_core::Error::invalid_input("RCI_USER", "required with RCI_BASE_URL")
            })?;
            let password = env("RCI_PASSWORD").unwrap_or_default();
            (
                RciClient::builder()
                    .base_url(url)
                    .basic(user, password)
                    .build()?,
                None,
            )
        }
        None => {
            let sim = sinch_rci::sim::start().await?;
            (sinch_rci::sim::client(&sim)?, Some(sim))
        }
    };
    let text = match env("DIRECTORY_FILE") {
        Some(path) => std::fs::read_to_string(&path).map_err(|e| {
            sdk_core::Error::invalid_input("DIRECTORY_FILE", format!("{path}: {e}"))
        })?,
        None => SAMPLE.to_owned(),
    };
    let directory: Directory = serde_json::from_str(&text).map_err(|e| {
        sdk_core::Error::invalid_input("DIRECTORY_FILE", format!("not a directory: {e}"))
    })?;
    for pass in 1..=2 {
        let changes = mirror(&client, &directory).await?;
        println!("pass {pass}: {} changes", changes.len());
        for change in changes {
            println!("  {change}");
        }
    }
    Ok(())
}
