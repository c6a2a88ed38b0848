//! The `ccadm` command line.
//!
//! ```text
//! ccadm plan FILE [--prune] [--json]       what apply would do, resource by resource
//! ccadm apply FILE [--prune] [--json]      do it; exit 1 when anything failed
//! ccadm axp <resource> list|get [KEY]      the live resources as JSON (--table: a table)
//! ccadm simulator [--state FILE]           serve the four simulators on 127.0.0.1
//! ```
//!
//! Credentials come from the environment or a profile ([`crate::connect`]); a vendor with
//! none runs on its built-in simulator, with a notice on stderr (`--simulator` says so for
//! every vendor, without the notice). Exit status: 0 when everything went through, 1 when a
//! resource failed, 2 when the file or the command line has an error (nothing is sent then).

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use sdk_core::ensure::{Desired, Ensure};
use serde_json::Value;

use crate::serve::{Ports, Served};
use crate::{Clients, DesiredState, Progress, Quiet, Report, Settings, Step};

/// Provisioning as code for AXP, Sinch RCI, APIO and CPaaS.
#[derive(Debug, Parser)]
#[command(name = "ccadm", version, about)]
pub struct Cli {
    /// Run every vendor on its built-in simulator, whatever the environment says.
    #[arg(long, global = true)]
    pub simulator: bool,
    /// The profile of `~/.config/ccadm/profiles.toml` to read settings from (default:
    /// `default`, when the file has it).
    #[arg(long, global = true)]
    pub profile: Option<String>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read the live state and print what `apply` would change.
    Plan(Target),
    /// Make the live state what the file says.
    Apply(Target),
    /// AXP resources, as JSON: `ccadm axp communication_managers list`.
    Axp(Query),
    /// Serve the four simulators on 127.0.0.1 until Ctrl-C, printing their settings.
    Simulator(Serve),
}

/// A desired-state file and how to go about it.
#[derive(Debug, Args)]
pub struct Target {
    /// The desired-state file (TOML).
    pub file: PathBuf,
    /// Also delete what the file's scopes hold and the file does not name.
    #[arg(long)]
    pub prune: bool,
    /// Print the report as JSON on stdout.
    #[arg(long)]
    pub json: bool,
}

/// A read for shell scripts.
#[derive(Debug, Args)]
pub struct Query {
    /// The kind of resource.
    pub resource: Resource,
    /// `list` or `get`.
    pub verb: Verb,
    /// The natural key, for `get` (the name, the number).
    pub key: Option<String>,
    /// The account.
    #[arg(long, default_value = "ABCDEF", env = "AXP_ACCOUNT_ID")]
    pub account: String,
    /// The Communication Manager id, for the resources under one.
    #[arg(long)]
    pub cm: Option<String>,
    /// A table of a few columns instead of JSON.
    #[arg(long)]
    pub table: bool,
}

/// The AXP kinds `ccadm axp` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum Resource {
    /// Hybrid Cloud Gateways.
    HybridCloudGateways,
    /// Communication Managers.
    CommunicationManagers,
    /// Phone numbers.
    PhoneNumbers,
    /// Reason codes of a CM (`--cm`).
    ReasonCodes,
    /// Voice plans of a CM (`--cm`).
    VoicePlans,
}

/// `list` or `get`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Verb {
    /// Every resource.
    List,
    /// The one with the key.
    Get,
}

/// Where to serve.
#[derive(Debug, Args)]
pub struct Serve {
    /// AXP's port (0: a free one).
    #[arg(long, default_value_t = 7401)]
    pub axp_port: u16,
    /// Sinch RCI's port.
    #[arg(long, default_value_t = 7402)]
    pub sinch_port: u16,
    /// APIO's port.
    #[arg(long, default_value_t = 7403)]
    pub apio_port: u16,
    /// CPaaS's port.
    #[arg(long, default_value_t = 7404)]
    pub cpaas_port: u16,
    /// Keep the data in this file across restarts (read at start, written after every
    /// change, atomically).
    #[arg(long)]
    pub state: Option<PathBuf>,
}

/// Runs the command line and says how the process should exit.
pub async fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Plan(ref t) | Command::Apply(ref t) => {
            let apply = matches!(cli.command, Command::Apply(_));
            plan_or_apply(&cli, t, apply).await
        }
        Command::Axp(ref q) => match query(&cli, q).await {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(&e),
        },
        Command::Simulator(ref s) => match serve(s).await {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(&e),
        },
    }
}

fn fail(e: &dyn std::error::Error) -> ExitCode {
    eprintln!("error: {}", crate::describe(e));
    ExitCode::from(1)
}

async fn connect(cli: &Cli, vendors: &[&'static str]) -> Result<Clients, sdk_core::Error> {
    let settings = Settings::load(cli.profile.as_deref(), cli.simulator)?;
    let clients = Clients::connect(&settings, vendors).await?;
    if !cli.simulator {
        for vendor in &clients.simulated {
            eprintln!(
                "notice: no base URL set for {vendor}: running on its built-in simulator \
                 (set the variables of `ccadm --help`, or pass --simulator to silence this)"
            );
        }
    }
    Ok(clients)
}

/// A progress bar on a terminal (stderr), nothing otherwise.
struct Bar(Option<ProgressBar>);

impl Progress for Bar {
    fn add(&self, n: u64) {
        if let Some(bar) = &self.0 {
            bar.inc_length(n);
        }
    }
    fn step(&self, step: &Step) {
        if let Some(bar) = &self.0 {
            bar.set_message(format!("{} {}", step.kind, step.key));
            bar.inc(1);
        }
    }
}

async fn plan_or_apply(cli: &Cli, target: &Target, apply: bool) -> ExitCode {
    let state = match DesiredState::load(&target.file) {
        Ok(state) => state,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let clients = match connect(cli, &state.vendors()).await {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {}", crate::describe(&e));
            return ExitCode::from(2);
        }
    };
    let terminal = std::io::stdout().is_terminal();
    let bar = (apply && !target.json && std::io::stderr().is_terminal()).then(|| {
        let bar = ProgressBar::new(0);
        if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}") {
            bar.set_style(style);
        }
        bar
    });
    let progress = Bar(bar);
    let report: Report = if apply {
        crate::apply(&state, &clients, target.prune, &progress).await
    } else {
        crate::plan(&state, &clients, target.prune, &Quiet).await
    };
    if let Some(bar) = &progress.0 {
        bar.finish_and_clear();
    }
    let text = if target.json {
        report.to_json()
    } else {
        report.render(terminal && std::env::var_os("NO_COLOR").is_none())
    };
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{}", text.trim_end());
    if report.failed() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

async fn query(cli: &Cli, q: &Query) -> Result<(), sdk_core::Error> {
    use axp_voice::communication_managers::CommunicationManagerRequest;
    use axp_voice::hybrid_cloud_gateways::HybridCloudGatewayRequest;
    use axp_voice::phone_numbers::NewPhoneNumber;
    use axp_voice::reason_codes::NewReasonCode;
    use axp_voice::voice_plans::VoicePlanRequest;

    let clients = connect(cli, &["axp"]).await?;
    let Some(client) = &clients.axp else {
        return Ok(());
    };
    let account = client.account(&q.account);
    let cm = || {
        q.cm.clone()
            .ok_or_else(|| sdk_core::Error::invalid_input("--cm", "required for this resource"))
    };
    let key = match (q.verb, &q.key) {
        (Verb::Get, None) => {
            return Err(sdk_core::Error::invalid_input("KEY", "`get` needs the key"));
        }
        (Verb::Get, Some(k)) => Some(k.clone()),
        (Verb::List, _) => None,
    };
    let rows = match q.resource {
        Resource::HybridCloudGateways => {
            read::<HybridCloudGatewayRequest, _>(&account.hybrid_cloud_gateways(), key).await?
        }
        Resource::CommunicationManagers => {
            read::<CommunicationManagerRequest, _>(&account.communication_managers(), key).await?
        }
        Resource::PhoneNumbers => read::<NewPhoneNumber, _>(&account.phone_numbers(), key).await?,
        Resource::ReasonCodes => {
            let scope = account.communication_manager(cm()?);
            read::<NewReasonCode, _>(&scope.reason_codes(), key).await?
        }
        Resource::VoicePlans => {
            let scope = account.communication_manager(cm()?);
            read::<VoicePlanRequest, _>(&scope.voice_plans(), key).await?
        }
    };
    let mut out = std::io::stdout().lock();
    if q.table {
        let _ = write!(out, "{}", table(&rows));
    } else if q.verb == Verb::Get {
        match rows.first() {
            Some(row) => {
                let _ = writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(row).unwrap_or_default()
                );
            }
            None => {
                return Err(sdk_core::Error::invalid_input(
                    "KEY",
                    format!(
                        "no such resource: {:?}",
                        q.key.as_deref().unwrap_or_default()
                    ),
                ));
            }
        }
    } else {
        let _ = writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&rows).unwrap_or_default()
        );
    }
    Ok(())
}

/// The live resources of a scope as JSON values, secrets hidden; only the one whose key is
/// `key` when it is given.
async fn read<D, S>(scope: &S, key: Option<String>) -> Result<Vec<Value>, sdk_core::Error>
where
    D: Desired,
    S: Ensure<D>,
{
    let keys: Vec<String> = key.iter().cloned().collect();
    let live = scope.find(&keys).await?;
    Ok(live
        .iter()
        .filter(|l| key.is_none() || D::live_key(l) == key)
        .map(|l| hide_secrets::<D>(serde_json::to_value(l).unwrap_or(Value::Null)))
        .collect())
}

fn hide_secrets<D: Desired>(mut v: Value) -> Value {
    if let Some(o) = v.as_object_mut() {
        for f in D::FIELDS.iter().filter(|f| f.is_secret()) {
            if let Some(slot) = o.get_mut(f.live_name()) {
                *slot = Value::String("(secret)".into());
            }
        }
    }
    v
}

/// A table of the scalar fields every row has, at most six.
fn table(rows: &[Value]) -> String {
    let mut cols: Vec<String> = rows
        .first()
        .and_then(Value::as_object)
        .map(|o| {
            o.iter()
                .filter(|(_, v)| !v.is_object() && !v.is_array())
                .map(|(k, _)| k.clone())
                .take(6)
                .collect()
        })
        .unwrap_or_default();
    cols.retain(|c| rows.iter().all(|r| r.get(c).is_some()));
    let cell = |v: Option<&Value>| match v {
        Some(Value::String(s)) => s.clone(),
        Some(v) => v.to_string(),
        None => String::new(),
    };
    let widths: Vec<usize> = cols
        .iter()
        .map(|c| {
            rows.iter()
                .map(|r| cell(r.get(c)).len())
                .chain([c.len()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    let line = |cells: Vec<String>| {
        cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_owned()
            + "\n"
    };
    out.push_str(&line(cols.clone()));
    for r in rows {
        out.push_str(&line(cols.iter().map(|c| cell(r.get(c))).collect()));
    }
    out
}

async fn serve(s: &Serve) -> Result<(), sdk_core::Error> {
    let ports = Ports {
        axp: s.axp_port,
        sinch: s.sinch_port,
        apio: s.apio_port,
        cpaas: s.cpaas_port,
    };
    let served = Served::start(ports, s.state.as_deref()).await?;
    let mut out = std::io::stdout().lock();
    for (vendor, sim) in &served.simulators {
        let _ = writeln!(out, "# {vendor}: {}", sim.base_url());
    }
    for (k, v) in served.settings() {
        let _ = writeln!(out, "{k}={v}");
    }
    let _ = writeln!(out, "# serving until Ctrl-C");
    let _ = out.flush();
    drop(out);
    // Save after every change: the number of requests seen is the change counter.
    let mut seen = 0usize;
    loop {
        tokio::select! {
            _ = tokio::signal::ctrl_c() => break,
            () = tokio::time::sleep(std::time::Duration::from_millis(200)) => {
                let now: usize = served.simulators.iter().map(|(_, s)| s.request_count()).sum();
                if now != seen {
                    seen = now;
                    served.save()?;
                }
            }
        }
    }
    served.save()?;
    eprintln!("stopped");
    Ok(())
}
