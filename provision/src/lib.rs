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

pub mod axp;
pub mod connect;
pub mod engine;
pub mod file;
pub mod render;
pub mod serve;

pub use connect::{Clients, Settings};
pub use engine::{Action, Mode, Progress, Step};
pub use file::{FileError, Item};

/// The `ccadm` command line, in the library so that its tests and the binary share it.
pub mod cli;

/// What a desired-state file says, checked.
#[derive(Debug, Clone)]
pub struct DesiredState {
    /// The file, as given.
    pub path: String,
    /// The `[axp]` section.
    pub axp: Option<axp::Axp>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Skeleton {
    axp: Option<axp::Raw>,
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
        let _ = source.sections();
        Ok(DesiredState {
            path: path.to_owned(),
            axp,
        })
    }

    /// The vendors the file has a section for, to connect to.
    pub fn vendors(&self) -> Vec<&'static str> {
        let mut v = Vec::new();
        if self.axp.is_some() {
            v.push("axp");
        }
        v
    }

    /// How many resources the file describes.
    pub fn len(&self) -> usize {
        self.axp.as_ref().map_or(0, axp::Axp::len)
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

    /// `true` when a step failed.
    pub fn failed(&self) -> bool {
        self.failures() > 0
    }

    /// `true` when a plan has nothing to do.
    pub fn is_empty(&self) -> bool {
        self.steps
            .iter()
            .all(|s| s.action == Action::Unchanged && !s.failed())
    }

    /// The summary line: `Plan: 3 to create, 1 to update, 10 unchanged, 0 to delete.`
    pub fn summary(&self) -> String {
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
                line.push_str(&format!(" {f} could not be read."));
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
    if let (Some(section), Some(client)) = (&state.axp, &clients.axp) {
        axp::run(&run, client, section).await;
    }
    Report {
        mode: match mode {
            Mode::Plan => "plan",
            Mode::Apply => "apply",
        },
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
