//! The `ccadm` command line.
//!
//! ```text
//! ccadm plan FILE [--prune] [--json]       what apply would do, resource by resource
//! ccadm apply FILE [--prune] [--json]      do it; exit 1 when anything failed
//! ccadm axp <resource> list|get [KEY]      the live resources as JSON (--table: a table)
//! ccadm sinch <resource> list|get [KEY]    likewise for Sinch RCI, APIO and CPaaS
//! ccadm apio call_centers list --tenant T --group G
//! ccadm cpaas <resource> list|get [KEY]
//! ccadm simulator [--state FILE]           serve the four simulators on 127.0.0.1
//! ```
//!
//! `get` takes the resource's natural key (a name, a login, a number, a service user id),
//! as the desired-state file does. Passwords are shown as `(secret)`.
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
    /// Sinch RCI resources, as JSON: `ccadm sinch users get john.fox`.
    Sinch(SinchQuery),
    /// APIO call centers, as JSON: `ccadm apio call_centers list --tenant T --group G`.
    Apio(ApioQuery),
    /// CPaaS resources of the account, as JSON: `ccadm cpaas numbers list`.
    Cpaas(CpaasQuery),
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

/// A read of Sinch RCI for shell scripts.
#[derive(Debug, Args)]
pub struct SinchQuery {
    /// The kind of resource.
    pub resource: SinchResource,
    /// `list` or `get`.
    pub verb: Verb,
    /// The natural key, for `get`: the name (the login for users, the skill's id for a
    /// user's skills, the group's name for its memberships).
    pub key: Option<String>,
    /// The user id, for the resources of one user.
    #[arg(long)]
    pub user: Option<String>,
    /// A table of a few columns instead of JSON.
    #[arg(long)]
    pub table: bool,
}

/// The Sinch RCI kinds `ccadm sinch` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum SinchResource {
    /// Skills.
    Skills,
    /// User groups.
    UserGroups,
    /// Queues.
    Queues,
    /// Users (each read whole: the list shows no login).
    Users,
    /// A user's skills and levels (`--user`).
    UserSkills,
    /// The user groups a user is in (`--user`).
    UserGroupMemberships,
}

/// A read of APIO for shell scripts.
#[derive(Debug, Args)]
pub struct ApioQuery {
    /// The kind of resource.
    pub resource: ApioResource,
    /// `list` or `get`.
    pub verb: Verb,
    /// The service user id, for `get`.
    pub key: Option<String>,
    /// The tenant.
    #[arg(long, env = "APIO_TENANT")]
    pub tenant: String,
    /// The tenant's group.
    #[arg(long, env = "APIO_GROUP")]
    pub group: String,
    /// A table of a few columns instead of JSON.
    #[arg(long)]
    pub table: bool,
}

/// The APIO kinds `ccadm apio` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum ApioResource {
    /// Call centers (each read whole).
    CallCenters,
}

/// A read of CPaaS for shell scripts, in the account of the credentials.
#[derive(Debug, Args)]
pub struct CpaasQuery {
    /// The kind of resource.
    pub resource: CpaasResource,
    /// `list` or `get`.
    pub verb: Verb,
    /// The natural key, for `get`: the name (the domain name, the number, the username,
    /// the address).
    pub key: Option<String>,
    /// The credential list sid, for its credentials.
    #[arg(long)]
    pub list: Option<String>,
    /// The IP access control list sid, for its addresses.
    #[arg(long)]
    pub acl: Option<String>,
    /// A table of a few columns instead of JSON.
    #[arg(long)]
    pub table: bool,
}

/// The CPaaS kinds `ccadm cpaas` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum CpaasResource {
    /// Applications.
    Applications,
    /// SIP domains.
    Domains,
    /// SIP credential lists.
    CredentialLists,
    /// The credentials of a list (`--list`).
    Credentials,
    /// IP access control lists.
    IpAccessControlLists,
    /// The addresses of a list (`--acl`).
    IpAddresses,
    /// Incoming numbers.
    Numbers,
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
        Command::Sinch(ref q) => match query_sinch(&cli, q).await {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(&e),
        },
        Command::Apio(ref q) => match query_apio(&cli, q).await {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(&e),
        },
        Command::Cpaas(ref q) => match query_cpaas(&cli, q).await {
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
    if !report.file_errors.is_empty() {
        // As a file that does not parse: on stderr, nothing changed, exit status 2.
        for e in &report.file_errors {
            eprintln!("error: {e}");
        }
        return ExitCode::from(2);
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
    let key = wanted(q.verb, &q.key)?;
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
    print(q.verb, q.key.as_deref(), q.table, &rows)
}

/// The key of a `get` (required), or none for a `list`.
fn wanted(verb: Verb, key: &Option<String>) -> Result<Option<String>, sdk_core::Error> {
    match (verb, key) {
        (Verb::Get, None) => Err(sdk_core::Error::invalid_input("KEY", "`get` needs the key")),
        (Verb::Get, Some(k)) => Ok(Some(k.clone())),
        (Verb::List, _) => Ok(None),
    }
}

/// Prints what a read found: one JSON object for `get`, an array for `list`, or a table.
fn print(
    verb: Verb,
    key: Option<&str>,
    as_table: bool,
    rows: &[Value],
) -> Result<(), sdk_core::Error> {
    let mut out = std::io::stdout().lock();
    if as_table {
        let _ = write!(out, "{}", table(rows));
    } else if verb == Verb::Get {
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
                    format!("no such resource: {:?}", key.unwrap_or_default()),
                ));
            }
        }
    } else {
        let _ = writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(rows).unwrap_or_default()
        );
    }
    Ok(())
}

fn required(value: &Option<String>, flag: &str) -> Result<String, sdk_core::Error> {
    value.clone().ok_or_else(|| {
        sdk_core::Error::invalid_input(flag.to_owned(), "required for this resource")
    })
}

async fn query_sinch(cli: &Cli, q: &SinchQuery) -> Result<(), sdk_core::Error> {
    use sinch_rci::queues::QueueRequest;
    use sinch_rci::skills::SkillRequest;
    use sinch_rci::user_groups::UserGroupRequest;
    use sinch_rci::users::{SkillLevel, UserGroupMembership, UserRequest};

    let clients = connect(cli, &["sinch"]).await?;
    let Some(client) = &clients.sinch else {
        return Ok(());
    };
    let key = wanted(q.verb, &q.key)?;
    let rows = match q.resource {
        SinchResource::Skills => read::<SkillRequest, _>(&client.skills(), key).await?,
        SinchResource::UserGroups => {
            read::<UserGroupRequest, _>(&client.user_groups(), key).await?
        }
        SinchResource::Queues => read::<QueueRequest, _>(&client.queues(), key).await?,
        SinchResource::Users => read::<UserRequest, _>(&client.users(), key).await?,
        SinchResource::UserSkills => {
            let user = client.user(required(&q.user, "--user")?);
            read::<SkillLevel, _>(&user.skills(), key).await?
        }
        SinchResource::UserGroupMemberships => {
            let user = client.user(required(&q.user, "--user")?);
            // Keyed by the group's name, as a user's table names its groups.
            let all = read::<UserGroupMembership, _>(&user.user_groups(), None).await?;
            all.into_iter()
                .filter(|g| key.is_none() || g["name"].as_str() == key.as_deref())
                .collect()
        }
    };
    print(q.verb, q.key.as_deref(), q.table, &rows)
}

async fn query_apio(cli: &Cli, q: &ApioQuery) -> Result<(), sdk_core::Error> {
    use apio_callcenter::call_centers::CallCenterDescription;

    let clients = connect(cli, &["apio"]).await?;
    let Some(client) = &clients.apio else {
        return Ok(());
    };
    let key = wanted(q.verb, &q.key)?;
    let scope = client.tenant(&q.tenant).group(&q.group).call_centers();
    let rows = match q.resource {
        ApioResource::CallCenters => read::<CallCenterDescription, _>(&scope, key).await?,
    };
    print(q.verb, q.key.as_deref(), q.table, &rows)
}

async fn query_cpaas(cli: &Cli, q: &CpaasQuery) -> Result<(), sdk_core::Error> {
    use cpaas::applications::ApplicationRequest;
    use cpaas::numbers::ConfiguredNumber;
    use cpaas::sip::{
        IpAddressRequest, NewCredential, NewCredentialList, NewDomain, NewIpAccessControlList,
    };

    let clients = connect(cli, &["cpaas"]).await?;
    let Some((client, account_sid)) = &clients.cpaas else {
        return Ok(());
    };
    let key = wanted(q.verb, &q.key)?;
    let account = client.account_sid(account_sid);
    let sip = account.sip();
    let rows = match q.resource {
        CpaasResource::Applications => {
            read::<ApplicationRequest, _>(&account.applications(), key).await?
        }
        CpaasResource::Domains => read::<NewDomain, _>(&sip.domains(), key).await?,
        CpaasResource::CredentialLists => {
            read::<NewCredentialList, _>(&sip.credential_lists(), key).await?
        }
        CpaasResource::Credentials => {
            let list = sip.credential_list(required(&q.list, "--list")?);
            read::<NewCredential, _>(&list.credentials(), key).await?
        }
        CpaasResource::IpAccessControlLists => {
            read::<NewIpAccessControlList, _>(&sip.ip_access_control_lists(), key).await?
        }
        CpaasResource::IpAddresses => {
            let acl = sip.ip_access_control_list(required(&q.acl, "--acl")?);
            read::<IpAddressRequest, _>(&acl.ip_addresses(), key).await?
        }
        CpaasResource::Numbers => {
            read::<ConfiguredNumber, _>(&account.incoming_numbers(), key).await?
        }
    };
    print(q.verb, q.key.as_deref(), q.table, &rows)
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
    hide_passwords(&mut v);
    v
}

/// A field named `password` at any depth (an APIO profile's, were a server to answer it)
/// is hidden too.
fn hide_passwords(v: &mut Value) {
    match v {
        Value::Object(o) => {
            for (k, slot) in o.iter_mut() {
                if k.eq_ignore_ascii_case("password") && !slot.is_null() {
                    *slot = Value::String("(secret)".into());
                } else {
                    hide_passwords(slot);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(hide_passwords),
        _ => {}
    }
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
