//! Provisioning as code for the contact-center SDK workspace: describe what AXP, Sinch RCI,
//! APIO and CPaaS should hold in one TOML file, see the difference from what they hold
//! ([`plan`]), and make it so ([`apply`]). The `ccadm` command line runs both, lists
//! resources for shell scripts, and serves the simulators locally.
//!
//! There is no state file: the live services are the state. Every resource is found by its
//! natural key (a name, a number) through the vendor crates' `ensure`
//! ([`sdk_core::ensure`]), so a second `apply` changes nothing, and an `apply` cut off half
//! way and run again finishes without creating anything twice.
//!
//! # The desired-state file
//!
//! One section per vendor, one array of tables per kind of resource; each table is the
//! resource's create request in the API's own field names (as the vendor document spells
//! them), and nested tables are the resources under it. A full example, also in
//! `examples/desired/contact-center.toml`:
//!
//! ```toml
#![doc = include_str!("../desired/contact-center.toml")]
//! ```
//!
//! Each section's shape, natural keys and order of application are in its module:
//! [`axp`], [`sinch`], [`apio`], [`cpaas`]. A few keys belong to this file rather than to
//! an API: a Sinch user's `skills` and `userGroups`, a CPaaS domain's `credentialLists`
//! and `ipAccessControlLists`. They name resources of the file or of the service; a name
//! that neither has is reported with its line before anything is changed
//! ([`Report::file_errors`]).
//!
//! Reading the file checks what can be checked without the services and names the file,
//! line and key of each problem; nothing is sent when it has one:
//!
//! ```
//! let text = "[axp]\naccount = \"ACME\"\n\n[[axp.communication_managers]]\nname = \"CM1\"\ndescription = \"x\"\nhybridCloudGatewayId = \"gw\"\nport = 5022\n";
//! let err = provision::DesiredState::parse("site.toml", text).unwrap_err();
//! assert_eq!(err.line, 8);
//! assert_eq!(err.key.as_deref(), Some("port"));
//! assert!(err.to_string().starts_with("site.toml:8: `port`: "));
//! ```
//!
//! # From a program
//!
//! ```no_run
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! use provision::{Clients, DesiredState, Settings};
//!
//! let state = DesiredState::load("examples/desired/contact-center.toml")?;
//! let clients = Clients::connect(&Settings::load(None, false)?, &state.vendors()).await?;
//! let plan = provision::plan(&state, &clients, false, &provision::Quiet).await;
//! print!("{}", plan.render(false));
//! let done = provision::apply(&state, &clients, false, &provision::Quiet).await;
//! println!("{}", done.summary());
//! assert!(!done.failed());
//! # Ok(()) }
//! ```

use std::path::Path;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

pub mod apio;
pub mod axp;
pub mod connect;
pub mod cpaas;
pub mod engine;
pub mod file;
pub mod render;
pub mod serve;
pub mod sinch;

pub use connect::{Clients, Settings};
pub use engine::{Action, Mode, Progress, Step};
pub use file::{FileError, Item, Reference};

/// The `ccadm` command line, in the library so that its tests and the binary share it.
pub mod cli;

/// What a desired-state file says, checked.
#[derive(Debug, Clone)]
pub struct DesiredState {
    /// The file, as given.
    pub path: String,
    /// The `[axp]` section.
    pub axp: Option<axp::Axp>,
    /// The `[sinch]` section.
    pub sinch: Option<sinch::Sinch>,
    /// The `[apio]` section.
    pub apio: Option<apio::Apio>,
    /// The `[cpaas]` section.
    pub cpaas: Option<cpaas::Cpaas>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Skeleton {
    axp: Option<axp::Raw>,
    sinch: Option<sinch::Raw>,
    apio: Option<apio::Raw>,
    cpaas: Option<cpaas::Raw>,
}

impl DesiredState {
    /// Reads and checks the file at `path`.
    ///
    /// # Errors
    ///
    /// The first problem, with its file, line and key.
    pub fn load(path: impl AsRef<Path>) -> Result<Self, FileError> {
        let path = path.as_ref();
        let text = file::read(path)?;
        Self::parse(&path.display().to_string(), &text)
    }

    /// Checks `text`, reporting problems as in the file `path`.
    ///
    /// # Errors
    ///
    /// The first problem, with its file, line and key.
    pub fn parse(path: &str, text: &str) -> Result<Self, FileError> {
        let source = file::Source::parse(path, text)?;
        let skeleton: Skeleton = source.typed()?;
        let axp = skeleton
            .axp
            .map(|raw| axp::check(&source, raw))
            .transpose()?;
        let sinch = skeleton
            .sinch
            .map(|raw| sinch::check(&source, raw))
            .transpose()?;
        let apio = skeleton
            .apio
            .map(|raw| apio::check(&source, raw))
            .transpose()?;
        let cpaas = skeleton
            .cpaas
            .map(|raw| cpaas::check(&source, raw))
            .transpose()?;
        let _ = source.sections();
        Ok(DesiredState {
            path: path.to_owned(),
            axp,
            sinch,
            apio,
            cpaas,
        })
    }

    /// The vendors the file has a section for, to connect to.
    pub fn vendors(&self) -> Vec<&'static str> {
        let mut v = Vec::new();
        if self.axp.is_some() {
            v.push("axp");
        }
        if self.sinch.is_some() {
            v.push("sinch");
        }
        if self.apio.is_some() {
            v.push("apio");
        }
        if self.cpaas.is_some() {
            v.push("cpaas");
        }
        v
    }

    /// How many resources the file describes: one step of a plan each (a user's level in
    /// a skill, its membership of a group and a list mapped to a domain included).
    pub fn len(&self) -> usize {
        self.axp.as_ref().map_or(0, axp::Axp::len)
            + self.sinch.as_ref().map_or(0, sinch::Sinch::len)
            + self.apio.as_ref().map_or(0, apio::Apio::len)
            + self.cpaas.as_ref().map_or(0, cpaas::Cpaas::len)
    }

    /// `true` when the file describes nothing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A plan or an apply: every step, in the order they were decided or finished.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// `plan` or `apply`.
    pub mode: &'static str,
    /// The names the file gives to resources it does not describe and the services do
    /// not have either (a user's skill, a domain's credential list), found before
    /// anything was changed: when there is one, nothing else is planned or done.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub file_errors: Vec<FileError>,
    /// The steps.
    pub steps: Vec<Step>,
    /// How long it took.
    #[serde(serialize_with = "millis")]
    pub elapsed: Duration,
    /// The vendors that ran on a simulator.
    pub simulated: Vec<&'static str>,
}

fn millis<S: serde::Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_u64(d.as_millis() as u64)
}

impl Report {
    /// Steps doing `action` (failed ones included).
    pub fn count(&self, action: Action) -> usize {
        self.steps.iter().filter(|s| s.action == action).count()
    }

    /// Steps that failed.
    pub fn failures(&self) -> usize {
        self.steps.iter().filter(|s| s.failed()).count()
    }

    /// `true` when a step failed, or the file has an error.
    pub fn failed(&self) -> bool {
        self.failures() > 0 || !self.file_errors.is_empty()
    }

    /// `true` when a plan has nothing to do.
    pub fn is_empty(&self) -> bool {
        self.file_errors.is_empty()
            && self
                .steps
                .iter()
                .all(|s| s.action == Action::Unchanged && !s.failed())
    }

    /// The summary line: `Plan: 3 to create, 1 to update, 10 unchanged, 0 to delete.`
    pub fn summary(&self) -> String {
        if !self.file_errors.is_empty() {
            let n = self.file_errors.len();
            return format!(
                "{}: stopped: the file has {n} error{}; nothing was changed.",
                if self.mode == "plan" { "Plan" } else { "Apply" },
                if n == 1 { "" } else { "s" }
            );
        }
        let (c, u, n, d, f) = (
            self.count(Action::Create),
            self.count(Action::Update),
            self.count(Action::Unchanged),
            self.count(Action::Delete),
            self.failures(),
        );
        if self.mode == "plan" {
            let mut line =
                format!("Plan: {c} to create, {u} to update, {n} unchanged, {d} to delete.");
            if f > 0 {
                line.push_str(&format!(" {f} failed."));
            }
            line
        } else {
            format!(
                "Apply: {} created, {} updated, {n} unchanged, {} deleted, {f} failed ({:.1} s).",
                c - self.failed_of(Action::Create),
                u - self.failed_of(Action::Update),
                d - self.failed_of(Action::Delete),
                self.elapsed.as_secs_f64()
            )
        }
    }

    fn failed_of(&self, action: Action) -> usize {
        self.steps
            .iter()
            .filter(|s| s.action == action && s.failed())
            .count()
    }

    /// The whole report as text, one line per resource (unchanged ones counted, not
    /// listed), then the summary; `color` adds terminal colours.
    pub fn render(&self, color: bool) -> String {
        render::text(self, color)
    }

    /// The whole report as JSON, for scripts.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_owned())
    }
}

/// Progress that shows nothing.
#[derive(Debug)]
pub struct Quiet;

impl Progress for Quiet {
    fn add(&self, _: u64) {}
    fn step(&self, _: &Step) {}
}

async fn run(
    mode: Mode,
    state: &DesiredState,
    clients: &Clients,
    prune: bool,
    progress: &dyn Progress,
) -> Report {
    let started = Instant::now();
    let run = engine::Run::new(mode, prune, progress);
    // What the file names without describing it is looked up first, so that a name that
    // nothing has stops the run before anything is changed.
    let mut file_errors = Vec::new();
    let sinch = match (&state.sinch, &clients.sinch) {
        (Some(section), Some(client)) => {
            sinch::lookup(&run, client, section, &state.path, &mut file_errors)
                .await
                .map(|known| (section, client, known))
        }
        _ => None,
    };
    let cpaas = match (&state.cpaas, &clients.cpaas) {
        (Some(section), Some((client, account))) => cpaas::lookup(
            &run,
            client,
            account,
            section,
            &state.path,
            &mut file_errors,
        )
        .await
        .map(|known| (section, client, account, known)),
        _ => None,
    };
    if file_errors.is_empty() {
        if let (Some(section), Some(client)) = (&state.axp, &clients.axp) {
            axp::run(&run, client, section).await;
        }
        if let Some((section, client, known)) = &sinch {
            sinch::run(&run, client, section, known).await;
        }
        if let (Some(section), Some(client)) = (&state.apio, &clients.apio) {
            apio::run(&run, client, section).await;
        }
        if let Some((section, client, account, known)) = &cpaas {
            cpaas::run(&run, client, account, section, known).await;
        }
    }
    Report {
        mode: match mode {
            Mode::Plan => "plan",
            Mode::Apply => "apply",
        },
        file_errors,
        steps: run.into_steps(),
        elapsed: started.elapsed(),
        simulated: clients.simulated.clone(),
    }
}

/// Reads the live state and says, resource by resource, what [`apply`] would do. With
/// `prune`, what the services hold in the file's scopes and the file does not name is
/// listed for deletion. Sends only reads.
pub async fn plan(
    state: &DesiredState,
    clients: &Clients,
    prune: bool,
    progress: &dyn Progress,
) -> Report {
    run(Mode::Plan, state, clients, prune, progress).await
}

/// Makes the services hold what the file says: creates, updates only what differs,
/// waits for long-running resources, and with `prune` deletes what the file does not
/// name. Parents before what they hold; resources of one kind several at once under each
/// client's adaptive limit. A failure is a failed [`Step`]; the rest carries on.
pub async fn apply(
    state: &DesiredState,
    clients: &Clients,
    prune: bool,
    progress: &dyn Progress,
) -> Report {
    run(Mode::Apply, state, clients, prune, progress).await
}

/// One line: the error and its causes.
pub(crate) fn describe(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        out.push_str(&format!(": {cause}"));
        source = cause.source();
    }
    out
}

/// The README's examples, compiled as doc-tests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
