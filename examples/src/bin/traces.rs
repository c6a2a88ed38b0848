//! Prints the OpenTelemetry spans of a few AXP operations on the simulator to stdout:
//! each a client span named after its catalog id, with the HTTP client attributes.
//!
//! Against a real endpoint: the `AXP_*` variables of `provision_hybrid_voice`.

use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    examples::exit_code(try_main().await)
}

async fn try_main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let axp = examples::axp_from_env().await?;
    let provider = examples::traces::provider(opentelemetry_stdout::SpanExporter::default());
    examples::traces::run(&provider, &axp.client).await?;
    provider.shutdown()?;
    Ok(())
}
