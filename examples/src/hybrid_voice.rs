//! Stand up hybrid voice on an AXP account, idempotently: a Hybrid Cloud Gateway (on the
//! simulator), a Communication Manager, its reason codes and voice plans, and a batch of
//! phone numbers applied under the client's adaptive concurrency limit (it finds the rate
//! the service allows and backs off when it throttles).
//!
//! Every resource goes through `ensure`: looked up by its natural key (the name, the
//! number), then created, updated in only the fields that differ, or left as it is, each
//! create and update awaited to a terminal status. Running it twice changes nothing the
//! second time.

use std::time::{Duration, Instant};

use axp_voice::AxpClient;
use axp_voice::communication_managers::CommunicationManagerRequest;
use axp_voice::ensure::{self, Desired, Ensure};
use axp_voice::hcg_systems::PublicKeyAlgorithm;
use axp_voice::hybrid_cloud_gateways::HybridCloudGatewayRequest;
use axp_voice::phone_numbers::{NewPhoneNumber, PhoneNumber};
use axp_voice::reason_codes::{NewReasonCode, ReasonCodeType};
use axp_voice::voice_plans::VoicePlanRequest;
use futures_util::StreamExt;
use sdk_core::limit::for_each_limited;

/// What to provision.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The account.
    pub account_id: String,
    /// The Hybrid Cloud Gateway the Communication Manager goes through: an existing id, or
    /// `None` to ensure one named `gateway_name`.
    pub gateway_id: Option<String>,
    /// The name of the gateway to ensure when `gateway_id` is `None`.
    pub gateway_name: String,
    /// The Communication Manager's name.
    pub cm_name: String,
    /// The numbers to add, E.164.
    pub numbers: Vec<String>,
    /// Numbers applied at once at the most; below it, the client's adaptive limit decides.
    pub concurrency: usize,
}

/// What happened to one resource.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Created by this run and ready.
    Created,
    /// Found with these fields different, which this run updated.
    Updated(Vec<String>),
    /// Found as described; nothing was sent.
    Unchanged,
    /// There, but someone must act (a phone number waiting for documents), with why.
    NeedsAction(String),
    /// Failed, with why.
    Failed(String),
}

impl Outcome {
    /// The row of what `ensure` answered.
    fn of<L>(result: Result<ensure::Outcome<L>, sdk_core::Error>) -> Self {
        match result {
            Ok(ensure::Outcome::Created(_)) => Outcome::Created,
            Ok(ensure::Outcome::Unchanged(_)) => Outcome::Unchanged,
            Ok(updated @ ensure::Outcome::Updated { .. }) => {
                Outcome::Updated(updated.changes().iter().map(|c| c.field.clone()).collect())
            }
            Err(e) => Outcome::Failed(e.to_string()),
        }
    }

    /// As [`of`](Self::of), for a number: one that ends `INACTIVE` needs action, whether this
    /// run created it or found it so.
    fn of_number(result: Result<ensure::Outcome<PhoneNumber>, sdk_core::Error>) -> Self {
        match &result {
            Ok(done) if done.resource().needs_action() => {
                Outcome::NeedsAction(done.resource().status_message.clone().unwrap_or_default())
            }
            _ => Outcome::of(result),
        }
    }
}

/// One line of the summary.
#[derive(Debug, Clone)]
pub struct Row {
    /// The kind of resource.
    pub kind: &'static str,
    /// Its name or number.
    pub name: String,
    /// What happened.
    pub outcome: Outcome,
    /// How long it took, waits included (the one lookup of a kind is not counted in its
    /// rows).
    pub elapsed: Duration,
}

/// The result of a run.
#[derive(Debug, Default)]
pub struct Summary {
    /// One row per resource.
    pub rows: Vec<Row>,
}

impl Summary {
    /// Rows whose outcome `f` accepts.
    pub fn count(&self, f: impl Fn(&Outcome) -> bool) -> usize {
        self.rows.iter().filter(|r| f(&r.outcome)).count()
    }

    /// `true` when nothing failed.
    pub fn ok(&self) -> bool {
        self.count(|o| matches!(o, Outcome::Failed(_))) == 0
    }

    /// The summary table: counts per kind and outcome, then every update with its fields,
    /// every resource that needs action and every failure, with why.
    pub fn table(&self) -> String {
        let mut out = format!(
            "{:<22} {:>8} {:>8} {:>9} {:>8} {:>8}\n",
            "resource", "created", "updated", "unchanged", "action", "failed"
        );
        let mut kinds: Vec<&str> = self.rows.iter().map(|r| r.kind).collect();
        kinds.dedup();
        for kind in kinds {
            let of = |f: fn(&Outcome) -> bool| {
                self.rows
                    .iter()
                    .filter(|r| r.kind == kind && f(&r.outcome))
                    .count()
            };
            out.push_str(&format!(
                "{kind:<22} {:>8} {:>8} {:>9} {:>8} {:>8}\n",
                of(|o| *o == Outcome::Created),
                of(|o| matches!(o, Outcome::Updated(_))),
                of(|o| *o == Outcome::Unchanged),
                of(|o| matches!(o, Outcome::NeedsAction(_))),
                of(|o| matches!(o, Outcome::Failed(_))),
            ));
        }
        for r in &self.rows {
            let (what, why) = match &r.outcome {
                Outcome::Updated(fields) => ("updated", fields.join(", ")),
                Outcome::NeedsAction(why) => ("needs action", why.clone()),
                Outcome::Failed(why) => ("failed", why.clone()),
                Outcome::Created | Outcome::Unchanged => continue,
            };
            out.push_str(&format!("{what}: {} {}: {why}\n", r.kind, r.name));
        }
        out
    }
}

/// Reports progress: called once per finished resource.
pub trait Progress: Sync {
    /// The total number of resources is known.
    fn start(&self, total: u64);
    /// One more resource is done.
    fn done(&self, row: &Row);
}

/// Progress that prints nothing.
#[derive(Debug)]
pub struct Quiet;

impl Progress for Quiet {
    fn start(&self, _: u64) {}
    fn done(&self, _: &Row) {}
}

const REASON_CODES: [(&str, &str, ReasonCodeType); 3] = [
    ("Lunch", "11", ReasonCodeType::NotReady),
    ("Break", "12", ReasonCodeType::NotReady),
    ("End of shift", "21", ReasonCodeType::Logout),
];

/// Runs `plan` against `client`. Waits follow the client's poll policy. Only what stops the
/// run as a whole is an `Err`; every resource that fails is an [`Outcome::Failed`] row.
///
/// # Errors
///
/// When the gateway or the Communication Manager cannot be ensured (nothing else can
/// proceed without them), or a lookup of the reason codes, voice plans or numbers fails.
pub async fn provision(
    client: &AxpClient,
    plan: &Plan,
    progress: &dyn Progress,
) -> Result<Summary, sdk_core::Error> {
    let account = client.account(&plan.account_id);
    let mut run = Run {
        summary: Summary::default(),
        progress,
    };
    progress.start((2 + REASON_CODES.len() + 2 + plan.numbers.len()) as u64);

    // The gateway: given, or ensured by name.
    let started = Instant::now();
    let (gateway_id, outcome) = match &plan.gateway_id {
        Some(id) => (id.clone(), Outcome::Unchanged),
        None => {
            let gateway = HybridCloudGatewayRequest::new(
                &plan.gateway_name,
                "Gateway of the provisioning example",
                "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE",
                PublicKeyAlgorithm::Es256,
                "US-LA",
                ["sm1.example.com"],
            )
            .system_id("hcg-system-1")
            .terms_accepted(true);
            let done = account.hybrid_cloud_gateways().ensure(&gateway).await?;
            (
                done.resource().id.as_str().to_owned(),
                Outcome::of(Ok(done)),
            )
        }
    };
    run.done("hybrid cloud gateway", &plan.gateway_name, outcome, started);

    // The Communication Manager, by name.
    let started = Instant::now();
    let request = CommunicationManagerRequest::new(
        &plan.cm_name,
        "Provisioned by the example",
        gateway_id.as_str(),
    )
    .connection("cm1.example.com", 5022, "admin", "cm-password");
    let done = account.communication_managers().ensure(&request).await?;
    let cm = account.communication_manager(done.resource().id.as_str());
    let outcome = Outcome::of(Ok(done));
    run.done("communication manager", &plan.cm_name, outcome, started);

    // Reason codes and voice plans, each kind looked up once, by name.
    let codes = REASON_CODES.map(|(name, number, kind)| NewReasonCode::new(name, number, kind));
    run.ensure_all(&cm.reason_codes(), "reason code", &codes)
        .await?;
    let plans = [
        VoicePlanRequest::system("System range", "default")
            .reason_code_not_ready_range(["10:19"])
            .reason_code_log_out_range(["20:29"]),
        VoicePlanRequest::user("Agents", "default")
            .agent_dial_plan_range(["20000:20999"])
            .extension_dial_plan_range(["30000:30999"]),
    ];
    run.ensure_all(&cm.voice_plans(), "voice plan", &plans)
        .await?;

    // Phone numbers: looked up together (a hundred a request), then applied under the
    // client's adaptive limit, at most `concurrency` at a time.
    let numbers = account.phone_numbers();
    let wanted: Vec<NewPhoneNumber> = plan
        .numbers
        .iter()
        .enumerate()
        .map(|(i, n)| NewPhoneNumber::new(n, format!("Line {}", i + 1), "US"))
        .collect();
    let plans = numbers.plan_all(&wanted).await?;
    let rows: Vec<Row> =
        for_each_limited(client.transport(), wanted.iter().zip(plans), |(d, p)| {
            let numbers = &numbers;
            async move {
                let started = Instant::now();
                let outcome = Outcome::of_number(numbers.apply(d, p).await);
                let row = Row::new("phone number", &d.phone_number, outcome, started);
                progress.done(&row);
                row
            }
        })
        .max_in_flight(plan.concurrency.max(1))
        .collect()
        .await;
    run.summary.rows.extend(rows);
    Ok(run.summary)
}

impl Row {
    fn new(kind: &'static str, name: &str, outcome: Outcome, started: Instant) -> Self {
        Row {
            kind,
            name: name.to_owned(),
            outcome,
            elapsed: started.elapsed(),
        }
    }
}

/// A run under way: the rows so far, and where progress goes.
struct Run<'a> {
    summary: Summary,
    progress: &'a dyn Progress,
}

impl Run<'_> {
    /// Adds the row of one resource started at `started`, and reports it.
    fn done(&mut self, kind: &'static str, name: &str, outcome: Outcome, started: Instant) {
        let row = Row::new(kind, name, outcome, started);
        self.progress.done(&row);
        self.summary.rows.push(row);
    }

    /// Ensures each of `desired` in `scope`: one lookup for all, then each applied in turn.
    async fn ensure_all<D, S>(
        &mut self,
        scope: &S,
        kind: &'static str,
        desired: &[D],
    ) -> Result<(), sdk_core::Error>
    where
        D: Desired,
        D::Live: Clone,
        S: Ensure<D>,
    {
        let plans = scope.plan_all(desired).await?;
        for (d, p) in desired.iter().zip(plans) {
            let started = Instant::now();
            let outcome = Outcome::of(scope.apply(d, p).await);
            self.done(kind, &d.key()?, outcome, started);
        }
        Ok(())
    }
}

/// `n` numbers of the example's simulated range, `+1647930xxxx`.
pub fn example_numbers(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("+1647930{:04}", i)).collect()
}
