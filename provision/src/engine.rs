//! How one kind of resource is planned and applied: the vendor crates' [`Ensure`] run over
//! the descriptions of a file, each outcome recorded as a [`Step`].

use std::sync::Mutex;
use std::time::Instant;

use futures_util::StreamExt;
use sdk_core::Transport;
use sdk_core::ensure::{Change, Desired, Ensure, Outcome, Plan};
use sdk_core::limit::for_each_limited;
use serde::Serialize;

/// What a step does (or, once applied, did) to one resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// Not there: created.
    Create,
    /// There but different: updated, in the step's changes only.
    Update,
    /// There as described: nothing sent.
    Unchanged,
    /// There but not in the file: deleted (only with pruning).
    Delete,
}

impl Action {
    /// The verb of a plan line.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Update => "update",
            Action::Unchanged => "unchanged",
            Action::Delete => "delete",
        }
    }

    /// The sign of a plan line: `+`, `~`, `=`, `-`.
    pub fn sign(self) -> char {
        match self {
            Action::Create => '+',
            Action::Update => '~',
            Action::Unchanged => '=',
            Action::Delete => '-',
        }
    }
}

/// One resource of a plan or an apply.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    /// `axp`, `sinch`, `apio` or `cpaas`.
    pub vendor: &'static str,
    /// The kind of resource (`reason code`).
    pub kind: &'static str,
    /// Its natural key (the name, the number).
    pub key: String,
    /// The resource it belongs to, when it is nested (the Communication Manager of a
    /// reason code).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// What is (or was) done.
    pub action: Action,
    /// For an update, the fields that differ.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<Change>,
    /// Why it failed, when it did (in a plan: the lookup; in an apply: the change).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// How long the apply of it took, in milliseconds (0 in a plan).
    #[serde(skip_serializing_if = "is_zero")]
    pub millis: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl Step {
    fn new(vendor: &'static str, kind: &'static str, key: String, parent: Option<&str>) -> Self {
        Step {
            vendor,
            kind,
            key,
            parent: parent.map(str::to_owned),
            action: Action::Unchanged,
            changes: Vec::new(),
            error: None,
            millis: 0,
        }
    }

    /// `true` when it failed.
    pub fn failed(&self) -> bool {
        self.error.is_some()
    }
}

/// Plan only, or apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Read the live state and say what would change.
    Plan,
    /// Change it.
    Apply,
}

/// Receives each step as it is decided (a plan) or done (an apply).
pub trait Progress: Sync {
    /// `n` more steps are known.
    fn add(&self, n: u64);
    /// One step is finished.
    fn step(&self, step: &Step);
}

/// What a live resource is called in a step, when its key says less than its name.
pub(crate) type LiveLabel<'a, L> = dyn Fn(&L) -> Option<String> + Sync + 'a;

/// How one kind is run by [`Run::kind_with`]: where it is, and what is particular to it.
pub(crate) struct Opts<'a, L> {
    /// `axp`, `sinch`, `apio` or `cpaas`.
    pub(crate) vendor: &'static str,
    /// The resource it belongs to, for the steps.
    pub(crate) parent: Option<&'a str>,
    /// `false` when the parent is still to be created (in a plan) or failed (in an apply):
    /// nothing is looked up.
    pub(crate) exists: bool,
    /// Whether `--prune` deletes what the scope holds and the file does not name.
    pub(crate) prunable: bool,
    /// Set for a kind that this crate does not create (a CPaaS number is bought): a
    /// description without its live resource is then a failed step saying this, in a
    /// plan as in an apply, and nothing is sent for it.
    pub(crate) no_create: Option<&'a str>,
    /// What each description is called in its step, in order (default: its key), where
    /// the key is an id that says less than the name the file gave.
    pub(crate) labels: Option<&'a [String]>,
    /// What a live resource to prune is called (default: its key).
    pub(crate) live_label: Option<&'a LiveLabel<'a, L>>,
}

impl<'a, L> Opts<'a, L> {
    /// A kind of `vendor` in `parent` that exists, may be created and pruned, and whose
    /// steps are named by key.
    pub(crate) fn new(vendor: &'static str, parent: Option<&'a str>) -> Self {
        Opts {
            vendor,
            parent,
            exists: true,
            prunable: true,
            no_create: None,
            labels: None,
            live_label: None,
        }
    }
}

/// A run over a whole file: its mode, whether to prune, and the steps so far.
pub struct Run<'p> {
    pub(crate) mode: Mode,
    pub(crate) prune: bool,
    pub(crate) progress: &'p dyn Progress,
    steps: Mutex<Vec<Step>>,
}

impl std::fmt::Debug for Run<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Run")
            .field("mode", &self.mode)
            .field("prune", &self.prune)
            .finish_non_exhaustive()
    }
}

impl<'p> Run<'p> {
    pub(crate) fn new(mode: Mode, prune: bool, progress: &'p dyn Progress) -> Self {
        Run {
            mode,
            prune,
            progress,
            steps: Mutex::new(Vec::new()),
        }
    }

    pub(crate) fn into_steps(self) -> Vec<Step> {
        self.steps.into_inner().unwrap_or_else(|e| e.into_inner())
    }

    fn record(&self, step: Step) {
        self.progress.step(&step);
        self.steps
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(step);
    }

    /// Plans (and in an apply, carries out) the descriptions `desired` of one kind in
    /// `scope`, several at once under the client's adaptive limit. Returns, for each
    /// description, the live resource once it exists (`None` when a plan would create it,
    /// or its create failed): what nested resources are found under.
    ///
    /// `exists` is `false` when the scope's parent is itself still to be created (in a
    /// plan): then everything in it is to be created and nothing is looked up.
    pub(crate) async fn kind<D, S>(
        &self,
        vendor: &'static str,
        parent: Option<&str>,
        transport: &Transport,
        scope: &S,
        desired: &[D],
        exists: bool,
    ) -> Vec<Option<D::Live>>
    where
        D: Desired,
        D::Live: Clone,
        S: Ensure<D>,
    {
        let opts = Opts {
            exists,
            ..Opts::new(vendor, parent)
        };
        self.kind_with(&opts, transport, scope, desired).await
    }

    /// As [`kind`](Self::kind), the way `opts` says.
    pub(crate) async fn kind_with<D, S>(
        &self,
        opts: &Opts<'_, D::Live>,
        transport: &Transport,
        scope: &S,
        desired: &[D],
    ) -> Vec<Option<D::Live>>
    where
        D: Desired,
        D::Live: Clone,
        S: Ensure<D>,
    {
        let (vendor, parent) = (opts.vendor, opts.parent);
        let step = |i: usize, d: &D| {
            let key = opts
                .labels
                .and_then(|l| l.get(i).cloned())
                .unwrap_or_else(|| d.key().unwrap_or_default());
            Step::new(vendor, D::KIND, key, parent)
        };
        self.progress.add(desired.len() as u64);
        if !opts.exists {
            // In a plan, the parent is still to be created; in an apply, it failed.
            let error = (self.mode == Mode::Apply).then(|| {
                format!(
                    "not created: its parent {} is not there",
                    parent.unwrap_or("?")
                )
            });
            for (i, d) in desired.iter().enumerate() {
                self.record(Step {
                    action: Action::Create,
                    error: error.clone(),
                    ..step(i, d)
                });
            }
            return vec![None; desired.len()];
        }
        let plans = match scope.plan_all(desired).await {
            Ok(plans) => plans,
            Err(err) => {
                for (i, d) in desired.iter().enumerate() {
                    self.record(Step {
                        action: Action::Create,
                        error: Some(crate::describe(&err)),
                        ..step(i, d)
                    });
                }
                return vec![None; desired.len()];
            }
        };
        let mut live: Vec<Option<D::Live>> = vec![None; desired.len()];
        // What cannot be created is a failure of the plan as of the apply; nothing is sent.
        let refused = |plan: &Plan<D::Live>| match (plan, opts.no_create) {
            (Plan::Create, Some(why)) => Some(why.to_owned()),
            _ => None,
        };
        match self.mode {
            Mode::Plan => {
                for (i, (d, plan)) in desired.iter().zip(plans).enumerate() {
                    let error = refused(&plan);
                    let (action, changes, found) = match plan {
                        Plan::Create => (Action::Create, Vec::new(), None),
                        Plan::Update { live, changes } => (Action::Update, changes, Some(live)),
                        Plan::Unchanged(l) => (Action::Unchanged, Vec::new(), Some(l)),
                    };
                    live[i] = found;
                    self.record(Step {
                        action,
                        changes,
                        error,
                        ..step(i, d)
                    });
                }
            }
            Mode::Apply => {
                let mut work = Vec::with_capacity(desired.len());
                for (i, (d, plan)) in desired.iter().zip(plans).enumerate() {
                    match refused(&plan) {
                        Some(error) => self.record(Step {
                            action: Action::Create,
                            error: Some(error),
                            ..step(i, d)
                        }),
                        None => work.push((i, (d, plan))),
                    }
                }
                let mut done = for_each_limited(transport, work, |(i, (d, plan))| async move {
                    let started = Instant::now();
                    let action = match &plan {
                        Plan::Create => Action::Create,
                        Plan::Update { .. } => Action::Update,
                        Plan::Unchanged(_) => Action::Unchanged,
                    };
                    let changes = plan.changes().to_vec();
                    let result = scope.apply(d, plan).await;
                    (i, action, changes, result, started.elapsed())
                });
                while let Some((i, action, changes, result, took)) = done.next().await {
                    let mut s = Step {
                        action,
                        changes,
                        millis: took.as_millis() as u64,
                        ..step(i, &desired[i])
                    };
                    match result {
                        Ok(outcome) => {
                            if let Outcome::Updated { changes, .. } = &outcome {
                                s.changes = changes.clone();
                            }
                            live[i] = Some(outcome.into_resource());
                        }
                        Err(err) => s.error = Some(crate::describe(&err)),
                    }
                    self.record(s);
                }
            }
        }
        if self.prune && opts.prunable {
            self.prune_kind(opts, transport, scope, desired).await;
        }
        live
    }

    /// Records a resource that waits for another one of the file that is not there yet
    /// (`waits_for`, such as `the skill "English"`): in a plan, the `action` it will take
    /// once the other one is created; in an apply, a failure (the other one could not
    /// be), nothing sent.
    pub(crate) fn waiting(
        &self,
        vendor: &'static str,
        kind: &'static str,
        label: String,
        parent: Option<&str>,
        action: Action,
        waits_for: &str,
    ) {
        self.progress.add(1);
        let error = (self.mode == Mode::Apply).then(|| {
            format!(
                "not {}: {waits_for} is not there",
                match action {
                    Action::Create => "created",
                    Action::Update => "updated",
                    Action::Unchanged => "checked",
                    Action::Delete => "deleted",
                }
            )
        });
        self.record(Step {
            action,
            error,
            ..Step::new(vendor, kind, label, parent)
        });
    }

    /// Records a read that failed before anything of `vendor` was planned: nothing of it is
    /// planned or applied.
    pub(crate) fn unread(&self, vendor: &'static str, kind: &'static str, error: &sdk_core::Error) {
        self.progress.add(1);
        self.record(Step {
            action: Action::Unchanged,
            error: Some(format!(
                "not read, so nothing of {vendor} was planned: {}",
                crate::describe(error)
            )),
            ..Step::new(vendor, kind, "(every one)".to_owned(), None)
        });
    }

    /// Deletes (in an apply) what the scope holds and the file does not name.
    async fn prune_kind<D, S>(
        &self,
        opts: &Opts<'_, D::Live>,
        transport: &Transport,
        scope: &S,
        desired: &[D],
    ) where
        D: Desired,
        D::Live: Clone,
        S: Ensure<D>,
    {
        let (vendor, parent) = (opts.vendor, opts.parent);
        let wanted: std::collections::HashSet<String> =
            desired.iter().filter_map(|d| d.key().ok()).collect();
        let all = match scope.find(&[]).await {
            Ok(all) => all,
            // A kind the service cannot list whole (AXP's phone numbers are read only by
            // number) is not pruned: nothing was sent.
            Err(err) if err.kind() == sdk_core::ErrorKind::InvalidInput => return,
            Err(err) => {
                self.record(Step {
                    action: Action::Delete,
                    error: Some(crate::describe(&err)),
                    ..Step::new(vendor, D::KIND, "(every one)".to_owned(), parent)
                });
                return;
            }
        };
        let extra: Vec<(String, D::Live)> = all
            .into_iter()
            .filter_map(|l| {
                let key = D::live_key(&l)?;
                if wanted.contains(&key) {
                    return None;
                }
                let label = opts.live_label.and_then(|f| f(&l)).unwrap_or(key);
                Some((label, l))
            })
            .collect();
        self.progress.add(extra.len() as u64);
        let step = |key: String| Step {
            action: Action::Delete,
            ..Step::new(vendor, D::KIND, key, parent)
        };
        match self.mode {
            Mode::Plan => {
                for (key, _) in extra {
                    self.record(step(key));
                }
            }
            Mode::Apply => {
                let mut done = for_each_limited(transport, extra, |(key, l)| async move {
                    let started = Instant::now();
                    let result = scope.delete(&l).await;
                    (key, result, started.elapsed())
                });
                while let Some((key, result, took)) = done.next().await {
                    self.record(Step {
                        error: result.err().map(|e| crate::describe(&e)),
                        millis: took.as_millis() as u64,
                        ..step(key)
                    });
                }
            }
        }
    }
}
