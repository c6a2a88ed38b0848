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
        let step = |key: String| Step::new(vendor, D::KIND, key, parent);
        let key_of = |d: &D| d.key().unwrap_or_default();
        self.progress.add(desired.len() as u64);
        if !exists {
            // In a plan, the parent is still to be created; in an apply, it failed.
            let error = (self.mode == Mode::Apply).then(|| {
                format!(
                    "not created: its parent {} is not there",
                    parent.unwrap_or("?")
                )
            });
            for d in desired {
                self.record(Step {
                    action: Action::Create,
                    error: error.clone(),
                    ..step(key_of(d))
                });
            }
            return vec![None; desired.len()];
        }
        let plans = match scope.plan_all(desired).await {
            Ok(plans) => plans,
            Err(err) => {
                for d in desired {
                    self.record(Step {
                        action: Action::Create,
                        error: Some(crate::describe(&err)),
                        ..step(key_of(d))
                    });
                }
                return vec![None; desired.len()];
            }
        };
        let mut live: Vec<Option<D::Live>> = vec![None; desired.len()];
        match self.mode {
            Mode::Plan => {
                for (i, (d, plan)) in desired.iter().zip(plans).enumerate() {
                    let (action, changes, found) = match plan {
                        Plan::Create => (Action::Create, Vec::new(), None),
                        Plan::Update { live, changes } => (Action::Update, changes, Some(live)),
                        Plan::Unchanged(l) => (Action::Unchanged, Vec::new(), Some(l)),
                    };
                    live[i] = found;
                    self.record(Step {
                        action,
                        changes,
                        ..step(key_of(d))
                    });
                }
            }
            Mode::Apply => {
                let work = desired.iter().zip(plans).enumerate();
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
                        ..step(key_of(&desired[i]))
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
        if self.prune {
            self.prune_kind(vendor, parent, transport, scope, desired)
                .await;
        }
        live
    }

    /// Deletes (in an apply) what the scope holds and the file does not name.
    async fn prune_kind<D, S>(
        &self,
        vendor: &'static str,
        parent: Option<&str>,
        transport: &Transport,
        scope: &S,
        desired: &[D],
    ) where
        D: Desired,
        D::Live: Clone,
        S: Ensure<D>,
    {
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
                (!wanted.contains(&key)).then_some((key, l))
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
