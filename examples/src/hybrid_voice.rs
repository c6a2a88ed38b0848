//! Stand up hybrid voice on an AXP account, idempotently: a Hybrid Cloud Gateway (on the
//! simulator), a Communication Manager, its reason codes and voice plans, and a batch of
//! phone numbers created under the client's adaptive concurrency limit (it finds the rate
//! the service allows and backs off when it throttles), each awaited to a terminal status.
//!
//! Everything is looked up first, so running it twice creates nothing twice.

use std::time::{Duration, Instant};

use axp_voice::communication_managers::CommunicationManagerRequest;
use axp_voice::hcg_systems::PublicKeyAlgorithm;
use axp_voice::hybrid_cloud_gateways::HybridCloudGatewayRequest;
use axp_voice::phone_numbers::NewPhoneNumber;
use axp_voice::reason_codes::{NewReasonCode, ReasonCodeType};
use axp_voice::voice_plans::VoicePlanRequest;
use axp_voice::{AxpClient, PollPolicy};
use futures_util::{StreamExt, TryStreamExt};
use sdk_core::limit::for_each_limited;

/// What to provision.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The account.
    pub account_id: String,
    /// The Hybrid Cloud Gateway the Communication Manager goes through: an existing id, or
    /// `None` to find or create one named `gateway_name`.
    pub gateway_id: Option<String>,
    /// The name of the gateway to find or create when `gateway_id` is `None`.
    pub gateway_name: String,
    /// The Communication Manager's name.
    pub cm_name: String,
    /// The numbers to add, E.164.
    pub numbers: Vec<String>,
    /// Numbers added at once at the most; below it, the client's adaptive limit decides.
    pub concurrency: usize,
}

/// What happened to one resource.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Created by this run and ready.
    Created,
    /// Found already there; left alone.
    Existed,
    /// Created but needs someone to act (a phone number waiting for documents).
    NeedsAction(String),
    /// Failed, with why.
    Failed(String),
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
    /// How long it took, lookups and waits included.
    pub elapsed: Duration,
}

/// The result of a run.
#[derive(Debug, Default)]
pub struct Summary {
    /// One row per resource.
    pub rows: Vec<Row>,
}

impl Summary {
    /// Rows with `outcome`'s kind (the payload is ignored).
    pub fn count(&self, f: impl Fn(&Outcome) -> bool) -> usize {
        self.rows.iter().filter(|r| f(&r.outcome)).count()
    }

    /// `true` when nothing failed.
    pub fn ok(&self) -> bool {
        self.count(|o| matches!(o, Outcome::Failed(_))) == 0
    }

    /// The summary table: counts per kind and outcome, then every failure with its reason.
    pub fn table(&self) -> String {
        let mut out = format!(
            "{:<22} {:>8} {:>8} {:>8} {:>8}\n",
            "resource", "created", "existed", "action", "failed"
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
                "{kind:<22} {:>8} {:>8} {:>8} {:>8}\n",
                of(|o| *o == Outcome::Created),
                of(|o| *o == Outcome::Existed),
                of(|o| matches!(o, Outcome::NeedsAction(_))),
                of(|o| matches!(o, Outcome::Failed(_))),
            ));
        }
        for r in &self.rows {
            if let Outcome::Failed(why) = &r.outcome {
                out.push_str(&format!("failed: {} {}: {why}\n", r.kind, r.name));
            }
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

/// Runs `plan` against `client`. Only a failure to reach the service at all is an `Err`;
/// every resource that fails is a [`Outcome::Failed`] row.
///
/// # Errors
///
/// When the gateway or the Communication Manager cannot be found or created: nothing else
/// can proceed without them.
pub async fn provision(
    client: &AxpClient,
    plan: &Plan,
    policy: &PollPolicy,
    progress: &dyn Progress,
) -> Result<Summary, sdk_core::Error> {
    let account = client.account(&plan.account_id);
    let mut summary = Summary::default();
    progress.start((2 + REASON_CODES.len() + 2 + plan.numbers.len()) as u64);

    // The gateway: given, found by name, or created.
    let started = Instant::now();
    let (gateway_id, outcome) = match &plan.gateway_id {
        Some(id) => (id.clone(), Outcome::Existed),
        None => match account
            .hybrid_cloud_gateways()
            .list()
            .await?
            .into_iter()
            .find(|g| g.name.as_deref() == Some(&plan.gateway_name))
        {
            Some(g) => (g.id.as_str().to_owned(), Outcome::Existed),
            None => {
                let request = HybridCloudGatewayRequest::new(
                    &plan.gateway_name,
                    "Gateway of the provisioning example",
                    "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE",
                    PublicKeyAlgorithm::Es256,
                    "US-LA",
                    ["sm1.example.com"],
                )
                .system_id("hcg-system-1")
                .terms_accepted(true);
                let g = account
                    .hybrid_cloud_gateways()
                    .create(&request)
                    .await?
                    .policy(policy.clone())
                    .wait()
                    .await?;
                (g.id.as_str().to_owned(), Outcome::Created)
            }
        },
    };
    summary.push(
        progress,
        "hybrid cloud gateway",
        &plan.gateway_name,
        outcome,
        started,
    );

    // The Communication Manager, found by name or created.
    let started = Instant::now();
    let existing = account
        .communication_managers()
        .list()
        .items()
        .try_filter(|cm| futures_util::future::ready(cm.name.as_deref() == Some(&plan.cm_name)))
        .next()
        .await
        .transpose()?;
    let (cm_id, outcome) = match existing {
        Some(cm) => (cm.id.as_str().to_owned(), Outcome::Existed),
        None => {
            let request = CommunicationManagerRequest::new(
                &plan.cm_name,
                "Provisioned by the example",
                gateway_id.as_str(),
            )
            .connection("cm1.example.com", 5022, "admin", "cm-password");
            let cm = account
                .communication_managers()
                .create(&request)
                .await?
                .policy(policy.clone())
                .wait()
                .await?;
            (cm.id.as_str().to_owned(), Outcome::Created)
        }
    };
    summary.push(
        progress,
        "communication manager",
        &plan.cm_name,
        outcome,
        started,
    );
    let cm = account.communication_manager(&cm_id);

    // Reason codes, by name.
    let codes = cm.reason_codes().list().collect_all().await?;
    for (name, number, kind) in REASON_CODES {
        let started = Instant::now();
        let outcome = if codes.iter().any(|c| c.code_name.as_deref() == Some(name)) {
            Outcome::Existed
        } else {
            match cm
                .reason_codes()
                .create(&NewReasonCode::new(name, number, kind))
                .await
            {
                Ok(h) => match h.policy(policy.clone()).wait().await {
                    Ok(_) => Outcome::Created,
                    Err(e) => Outcome::Failed(e.to_string()),
                },
                Err(e) => Outcome::Failed(e.to_string()),
            }
        };
        summary.push(progress, "reason code", name, outcome, started);
    }

    // Voice plans, by name (created synchronously).
    let plans = cm.voice_plans().list().collect_all().await?;
    let wanted = [
        VoicePlanRequest::system("System range", "default")
            .reason_code_not_ready_range(["10:19"])
            .reason_code_log_out_range(["20:29"]),
        VoicePlanRequest::user("Agents", "default")
            .agent_dial_plan_range(["20000:20999"])
            .extension_dial_plan_range(["30000:30999"]),
    ];
    for request in wanted {
        let started = Instant::now();
        let outcome = if plans
            .iter()
            .any(|p| p.name.as_deref() == Some(request.name.as_str()))
        {
            Outcome::Existed
        } else {
            match cm.voice_plans().create(&request).await {
                Ok(_) => Outcome::Created,
                Err(e) => Outcome::Failed(e.to_string()),
            }
        };
        summary.push(progress, "voice plan", &request.name, outcome, started);
    }

    // Phone numbers: the ones the account has already, in one lookup; the rest created
    // under the client's adaptive limit (at most `concurrency` at a time), each awaited.
    let mut existing = Vec::new();
    for chunk in plan.numbers.chunks(100) {
        existing.extend(
            account
                .phone_numbers()
                .get_by_phone_numbers(chunk)
                .await?
                .into_iter()
                .filter_map(|n| n.phone_number),
        );
    }
    let numbers = plan.numbers.iter().enumerate();
    let rows: Vec<Row> = for_each_limited(client.transport(), numbers, |(i, number)| {
        let account = &account;
        let existed = existing.contains(number);
        async move {
            let started = Instant::now();
            let outcome = if existed {
                Outcome::Existed
            } else {
                add_number(account, number, i, policy).await
            };
            let row = Row {
                kind: "phone number",
                name: number.clone(),
                outcome,
                elapsed: started.elapsed(),
            };
            progress.done(&row);
            row
        }
    })
    .max_in_flight(plan.concurrency.max(1))
    .collect()
    .await;
    summary.rows.extend(rows);
    Ok(summary)
}

async fn add_number(
    account: &axp_voice::Account<'_>,
    number: &str,
    i: usize,
    policy: &PollPolicy,
) -> Outcome {
    let request = NewPhoneNumber::new(number, format!("Line {}", i + 1), "US");
    let handle = match account.phone_numbers().create(&request).await {
        Ok(h) => h,
        Err(e) => return Outcome::Failed(e.to_string()),
    };
    match handle.policy(policy.clone()).wait().await {
        Ok(n) if n.needs_action() => Outcome::NeedsAction(n.status_message.unwrap_or_default()),
        Ok(_) => Outcome::Created,
        Err(e) => Outcome::Failed(e.to_string()),
    }
}

impl Summary {
    fn push(
        &mut self,
        progress: &dyn Progress,
        kind: &'static str,
        name: &str,
        outcome: Outcome,
        started: Instant,
    ) {
        let row = Row {
            kind,
            name: name.to_owned(),
            outcome,
            elapsed: started.elapsed(),
        };
        progress.done(&row);
        self.rows.push(row);
    }
}

/// `n` numbers of the example's simulated range, `+1647930xxxx`.
pub fn example_numbers(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("+1647930{:04}", i)).collect()
}
