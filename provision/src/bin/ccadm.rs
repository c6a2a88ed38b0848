//! `ccadm`: plan and apply a desired-state file against AXP, Sinch RCI, APIO and CPaaS,
//! read resources for shell scripts, serve the simulators. See `ccadm --help`.

use std::process::ExitCode;

use clap::Parser;

#[tokio::main]
async fn main() -> ExitCode {
    provision::cli::run(provision::cli::Cli::parse()).await
}
