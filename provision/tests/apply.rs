//! Plan and apply on in-process simulators: the plan of an empty account, apply then plan,
//! a changed field, pruning, faults, and an apply cut off half way; for the whole sample,
//! then vendor by vendor.

use std::time::Duration;

use axp_voice::phone_numbers::{PhoneNumber, PhoneNumberStatus};
use provision::{Action, Clients, DesiredState, Quiet, Report, Step};
use sdk_core::sim::{Fault, Simulator};

const SAMPLE: &str = include_str!("../desired/contact-center.toml");

/// The CPaaS account of the tests.
const ACCOUNT: &str = "AC0123456789";

async fn axp() -> (Simulator, Clients) {
    let sim = axp_voice::sim::start().await.expect("simulator");
    let clients = Clients::new().with_axp(axp_voice::sim::client(&sim).expect("client"));
    (sim, clients)
}

async fn sinch() -> (Simulator, Clients) {
    let sim = sinch_rci::sim::start().await.expect("simulator");
    let clients = Clients::new().with_sinch(sinch_rci::sim::client(&sim).expect("client"));
    (sim, clients)
}

async fn apio() -> (Simulator, Clients) {
    let sim = apio_callcenter::sim::start().await.expect("simulator");
    let clients = Clients::new().with_apio(apio_callcenter::sim::client(&sim).expect("client"));
    (sim, clients)
}

async fn cpaas() -> (Simulator, Clients) {
    let sim = cpaas::sim::start().await.expect("simulator");
    let client = cpaas::sim::client(&sim, ACCOUNT).expect("client");
    (sim, Clients::new().with_cpaas(client, ACCOUNT))
}

/// The four simulators.
struct Sims {
    axp: Simulator,
    sinch: Simulator,
    apio: Simulator,
    cpaas: Simulator,
}

impl Sims {
    fn all(&self) -> [&Simulator; 4] {
        [&self.axp, &self.sinch, &self.apio, &self.cpaas]
    }
}

async fn all() -> (Sims, Clients) {
    let axp = axp_voice::sim::start().await.expect("simulator");
    let sinch = sinch_rci::sim::start().await.expect("simulator");
    let apio = apio_callcenter::sim::start().await.expect("simulator");
    let cpaas = cpaas::sim::start().await.expect("simulator");
    let clients = Clients::new()
        .with_axp(axp_voice::sim::client(&axp).expect("client"))
        .with_sinch(sinch_rci::sim::client(&sinch).expect("client"))
        .with_apio(apio_callcenter::sim::client(&apio).expect("client"))
        .with_cpaas(
            cpaas::sim::client(&cpaas, ACCOUNT).expect("client"),
            ACCOUNT,
        );
    (
        Sims {
            axp,
            sinch,
            apio,
            cpaas,
        },
        clients,
    )
}

/// The steps of `report` doing `action`.
fn doing(report: &Report, action: Action) -> Vec<&Step> {
    report.steps.iter().filter(|s| s.action == action).collect()
}

/// The fields a step changes.
fn fields(step: &Step) -> Vec<&str> {
    step.changes.iter().map(|c| c.field.as_str()).collect()
}

/// The writes `sim` received: every operation but the reads (lists, gets and AXP's
/// look-up of numbers, a POST).
fn writes(sim: &Simulator) -> Vec<String> {
    sim.requests()
        .iter()
        .filter(|r| match &r.operation {
            Some(op) => ![".list", ".get", ".get_by_phone_numbers"]
                .iter()
                .any(|read| op.ends_with(read)),
            None => r.method.as_str() != "GET",
        })
        .map(|r| format!("{} {}", r.method, r.path))
        .collect()
}

fn state(text: &str) -> DesiredState {
    DesiredState::parse("desired.toml", text).expect("a good file")
}

fn numbers(n: usize) -> String {
    let mut text = String::from("[axp]\naccount = \"ABCDEF\"\n");
    for i in 0..n {
        text.push_str(&format!(
            "\n[[axp.phone_numbers]]\nphoneNumber = \"+1647930{i:04}\"\ndisplayName = \"Line {i}\"\ncountryCode = \"US\"\nisCallingPartyNumber = false\n"
        ));
    }
    text
}

#[tokio::test]
async fn a_plan_on_an_empty_account_lists_every_create_and_sends_only_reads() {
    let (sims, clients) = all().await;
    let sim = &sims.axp;
    let desired = state(SAMPLE);
    assert_eq!(desired.vendors(), ["axp", "sinch", "apio", "cpaas"]);
    assert_eq!(desired.len(), 32);
    let plan = provision::plan(&desired, &clients, false, &Quiet).await;
    assert_eq!(plan.steps.len(), desired.len());
    assert_eq!(
        plan.count(Action::Create),
        desired.len(),
        "{}",
        plan.render(false)
    );
    assert!(!plan.failed());
    let sent: Vec<String> = sim
        .requests()
        .iter()
        .filter_map(|r| r.operation.clone())
        .collect();
    assert!(
        sent.iter().all(|op| op.ends_with(".list")
            || op.ends_with(".get")
            || op.ends_with(".get_by_phone_numbers")),
        "only reads: {sent:?}"
    );
    for sim in sims.all() {
        assert_eq!(writes(sim), Vec::<String>::new());
    }
    let text = plan.render(false);
    assert!(
        text.contains("+ create axp reason code \"Lunch\" in \"CM1\""),
        "{text}"
    );
    assert!(
        text.ends_with(&format!(
            "Plan: {} to create, 0 to update, 0 unchanged, 0 to delete.\n",
            desired.len()
        )),
        "{text}"
    );
}

#[tokio::test]
async fn apply_then_plan_shows_nothing_and_a_changed_field_is_the_only_update() {
    let (sims, clients) = all().await;
    let sim = &sims.axp;
    let desired = state(SAMPLE);
    let applied = provision::apply(&desired, &clients, false, &Quiet).await;
    assert!(!applied.failed(), "{}", applied.render(false));
    assert_eq!(applied.count(Action::Create), desired.len());
    let codes = sim.with_store(|s| s.all("reason_codes").len());
    assert_eq!(codes, 3);

    let again = provision::plan(&desired, &clients, false, &Quiet).await;
    assert!(again.is_empty(), "{}", again.render(false));
    assert_eq!(again.count(Action::Unchanged), desired.len());

    let changed = SAMPLE.replace(
        "description = \"Production CM\"",
        "description = \"Second site\"",
    );
    let plan = provision::plan(&state(&changed), &clients, false, &Quiet).await;
    let updates: Vec<_> = plan
        .steps
        .iter()
        .filter(|s| s.action == Action::Update)
        .collect();
    assert_eq!(updates.len(), 1, "{}", plan.render(false));
    assert_eq!(updates[0].key, "CM1");
    let fields: Vec<_> = updates[0]
        .changes
        .iter()
        .map(|c| c.field.as_str())
        .collect();
    assert_eq!(fields, ["description"]);
    let text = plan.render(false);
    assert!(
        text.contains("    description: \"Production CM\" -> \"Second site\""),
        "{text}"
    );
    assert!(!text.contains("cm-password"), "no secret printed");
    assert!(!plan.to_json().contains("cm-password"));
}

#[tokio::test]
async fn prune_deletes_what_the_file_lacks_and_nothing_without_it() {
    let (sims, clients) = all().await;
    let sim = &sims.axp;
    let desired = state(SAMPLE);
    assert!(
        !provision::apply(&desired, &clients, false, &Quiet)
            .await
            .failed()
    );
    let fewer = SAMPLE.replace(
        "[[axp.communication_managers.reason_codes]]\ncodeName = \"Break\"\ncodeNumber = \"12\"\ncodeType = \"NOT_READY\"\nisInterruptible = false\n",
        "",
    );
    assert_ne!(fewer, SAMPLE);
    let fewer = state(&fewer);
    let plan = provision::plan(&fewer, &clients, false, &Quiet).await;
    assert_eq!(plan.count(Action::Delete), 0);
    assert!(plan.is_empty());
    let plan = provision::plan(&fewer, &clients, true, &Quiet).await;
    let deletes: Vec<_> = plan
        .steps
        .iter()
        .filter(|s| s.action == Action::Delete)
        .collect();
    assert_eq!(deletes.len(), 1, "{}", plan.render(false));
    assert_eq!(deletes[0].key, "Break");
    let applied = provision::apply(&fewer, &clients, true, &Quiet).await;
    assert!(!applied.failed(), "{}", applied.render(false));
    let names: Vec<String> = sim.with_store(|s| {
        s.all("reason_codes")
            .iter()
            .map(|(_, _, v)| v["codeName"].to_string())
            .collect()
    });
    assert_eq!(names.len(), 2);
    assert!(!names.iter().any(|n| n.contains("Break")));
    assert!(
        provision::plan(&fewer, &clients, true, &Quiet)
            .await
            .is_empty()
    );
}

#[tokio::test]
async fn faults_end_in_failed_steps_and_a_second_apply_completes_without_duplicates() {
    let (sims, clients) = all().await;
    let sim = &sims.axp;
    let desired = state(SAMPLE);
    // A 503 on one reason code's create (creates are not re-sent), a create whose answer
    // is lost after it was made, and a phone number whose creation ends DISABLED.
    sim.inject(
        Fault::status(503)
            .operation("axp.reason_codes.create")
            .times(1),
    );
    sim.inject(
        Fault::lose_answer()
            .operation("axp.communication_managers.create")
            .times(1),
    );
    sim.end_next("phone_numbers", "DISABLED")
        .expect("a lifecycle");
    let first = provision::apply(&desired, &clients, false, &Quiet).await;
    let failed: Vec<_> = first
        .steps
        .iter()
        .filter(|s| s.failed())
        .map(|s| s.kind)
        .collect();
    assert_eq!(
        failed,
        ["reason code", "phone number"],
        "{}",
        first.render(false)
    );
    let text = first.render(false);
    assert!(text.contains("2 failed"), "{text}");
    // The CM whose answer was lost was found by its name, not created twice.
    let cm = first
        .steps
        .iter()
        .find(|s| s.kind == "communication manager")
        .expect("cm");
    assert_eq!((cm.action, cm.failed()), (Action::Create, false));

    let second = provision::apply(&desired, &clients, false, &Quiet).await;
    assert!(!second.failed(), "{}", second.render(false));
    // The reason code refused with a 503 and the number that ended DISABLED (which the
    // simulator, like the service, does not keep) are created; nothing else is sent.
    assert_eq!(second.count(Action::Create), 2, "{}", second.render(false));
    assert_eq!(second.count(Action::Unchanged), desired.len() - 2);
    sim.with_store(|s| {
        assert_eq!(s.all("communication_managers").len(), 1);
        assert_eq!(s.all("reason_codes").len(), 3);
        assert_eq!(s.all("hybrid_cloud_gateways").len(), 1);
    });
    // The DISABLED number stays, left out of reads as the document says; one active
    // number per wanted number.
    let numbers = sim.items::<PhoneNumber>(&["ABCDEF"]).expect("numbers");
    let active: Vec<_> = numbers
        .iter()
        .filter(|n| n.status == Some(PhoneNumberStatus::Active))
        .filter_map(|n| n.phone_number.clone())
        .collect();
    assert_eq!(active, ["+16479308802", "+16479308801"]);
    assert_eq!(numbers.len(), 3);
}

#[tokio::test]
async fn an_apply_cut_off_half_way_and_run_again_creates_nothing_twice() {
    let (sim, clients) = axp().await;
    let desired = state(&numbers(120));
    let started = sim.request_count();
    let cut = async {
        // Stop the apply once about half the numbers exist.
        loop {
            let made = sim.with_store(|s| s.all("phone_numbers").len());
            if made >= 60 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
    };
    tokio::select! {
        _ = provision::apply(&desired, &clients, false, &Quiet) => panic!("finished before the cut"),
        () = cut => {}
    }
    assert!(sim.request_count() > started);
    let made = sim.with_store(|s| s.all("phone_numbers").len());
    assert!((60..120).contains(&made), "{made}");
    let second = provision::apply(&desired, &clients, false, &Quiet).await;
    assert!(!second.failed(), "{}", second.render(false));
    let numbers = sim.items::<PhoneNumber>(&["ABCDEF"]).expect("numbers");
    assert_eq!(numbers.len(), 120);
    let mut unique: Vec<_> = numbers
        .iter()
        .filter_map(|n| n.phone_number.clone())
        .collect();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 120, "duplicates: {}", 120 - unique.len());
    assert_eq!(
        second.count(Action::Create) + second.count(Action::Unchanged),
        120
    );
}

// Sinch RCI: skills, user groups, queues, users, and each user's skills and groups.

#[tokio::test]
async fn sinch_plans_every_create_applies_and_then_plans_nothing() {
    let (sim, clients) = sinch().await;
    let desired = state(SAMPLE);
    let section = desired.sinch.as_ref().expect("a [sinch] section");
    assert_eq!(section.len(), 14);
    let plan = provision::plan(&desired, &clients, false, &Quiet).await;
    assert_eq!(
        plan.count(Action::Create),
        section.len(),
        "{}",
        plan.render(false)
    );
    assert!(
        plan.steps
            .iter()
            .all(|s| s.vendor == "sinch" && !s.failed())
    );
    let text = plan.render(false);
    assert!(
        text.contains("+ create sinch user skill \"Finnish\" in \"john.fox\""),
        "the skill by its name, in its user: {text}"
    );
    assert!(writes(&sim).is_empty(), "{:?}", writes(&sim));

    let applied = provision::apply(&desired, &clients, false, &Quiet).await;
    assert!(!applied.failed(), "{}", applied.render(false));
    assert_eq!(applied.count(Action::Create), section.len());
    let client = sinch_rci::sim::client(&sim).expect("client");
    let users = sinch_rci::sim::client(&sim).expect("client");
    let ann = users
        .users()
        .list(&sinch_rci::users::UserQuery::new())
        .collect_all()
        .await
        .expect("users");
    assert_eq!(ann.len(), 2);
    let ann = ann
        .iter()
        .find(|u| u.first_name.as_deref() == Some("Ann"))
        .expect("ann");
    let groups = client
        .user(&ann.id)
        .user_groups()
        .list()
        .await
        .expect("groups");
    let mut names: Vec<_> = groups.iter().filter_map(|g| g.name.clone()).collect();
    names.sort();
    assert_eq!(names, ["Sales agents", "Support agents"]);
    let skills = client.user(&ann.id).skills().list().await.expect("skills");
    assert_eq!(skills.len(), 1);
    assert_eq!(skills[0].value, Some(3));

    let again = provision::plan(&desired, &clients, false, &Quiet).await;
    assert!(again.is_empty(), "{}", again.render(false));
    assert_eq!(again.count(Action::Unchanged), section.len());
}

#[tokio::test]
async fn sinch_a_changed_field_or_level_is_an_update_of_it_alone() {
    let (_sim, clients) = sinch().await;
    assert!(
        !provision::apply(&state(SAMPLE), &clients, false, &Quiet)
            .await
            .failed()
    );
    let changed = SAMPLE
        .replace(
            "email = \"john.fox@example.com\"",
            "email = \"jf@example.com\"",
        )
        .replace(
            "{ skill = \"Finnish\", level = 5 }",
            "{ skill = \"Finnish\", level = 2 }",
        );
    let plan = provision::plan(&state(&changed), &clients, false, &Quiet).await;
    let updates = doing(&plan, Action::Update);
    assert_eq!(updates.len(), 2, "{}", plan.render(false));
    assert_eq!(
        (updates[0].kind, updates[0].key.as_str()),
        ("user", "john.fox")
    );
    assert_eq!(fields(updates[0]), ["email"]);
    assert_eq!(updates[1].kind, "user skill");
    assert_eq!(updates[1].key, "Finnish");
    assert_eq!(updates[1].parent.as_deref(), Some("john.fox"));
    assert_eq!(fields(updates[1]), ["value"]);
    let text = plan.render(false);
    assert!(text.contains("    value: 5 -> 2"), "{text}");

    let applied = provision::apply(&state(&changed), &clients, false, &Quiet).await;
    assert!(!applied.failed(), "{}", applied.render(false));
    assert_eq!(applied.count(Action::Update), 2);
    assert!(
        provision::plan(&state(&changed), &clients, false, &Quiet)
            .await
            .is_empty()
    );
}

#[tokio::test]
async fn sinch_prune_takes_away_only_what_a_managed_list_lacks() {
    let (sim, clients) = sinch().await;
    assert!(
        !provision::apply(&state(SAMPLE), &clients, false, &Quiet)
            .await
            .failed()
    );
    // John loses Finnish; Ann's table no longer says which groups she is in: not managed.
    let fewer = SAMPLE
        .replace(", { skill = \"Finnish\", level = 5 }", "")
        .replace("userGroups = [\"Sales agents\", \"Support agents\"]\n", "");
    let fewer = state(&fewer);
    assert!(
        provision::plan(&fewer, &clients, false, &Quiet)
            .await
            .is_empty()
    );
    let plan = provision::plan(&fewer, &clients, true, &Quiet).await;
    let deletes = doing(&plan, Action::Delete);
    assert_eq!(deletes.len(), 1, "{}", plan.render(false));
    assert_eq!(
        (
            deletes[0].kind,
            deletes[0].key.as_str(),
            deletes[0].parent.as_deref()
        ),
        ("user skill", "Finnish", Some("john.fox"))
    );
    let applied = provision::apply(&fewer, &clients, true, &Quiet).await;
    assert!(!applied.failed(), "{}", applied.render(false));
    assert_eq!(applied.count(Action::Delete), 1);
    // The skill itself stays; only John's level in it went.
    assert_eq!(sim.with_store(|s| s.all("skills").len()), 2);
    assert!(
        provision::plan(&fewer, &clients, true, &Quiet)
            .await
            .is_empty()
    );
}

#[tokio::test]
async fn sinch_faults_then_a_second_apply_completes_without_duplicates() {
    let (sim, clients) = sinch().await;
    let desired = state(SAMPLE);
    // A 503 on a user's skill (a POST: not sent again), and a user created whose answer
    // was lost.
    sim.inject(
        Fault::status(503)
            .operation("rci.users.skills.add")
            .times(1),
    );
    sim.inject(Fault::lose_answer().operation("rci.users.create").times(1));
    let first = provision::apply(&desired, &clients, false, &Quiet).await;
    let failed: Vec<_> = first.steps.iter().filter(|s| s.failed()).collect();
    assert_eq!(failed.len(), 1, "{}", first.render(false));
    assert_eq!(failed[0].kind, "user skill");
    assert!(first.render(false).contains("1 failed"));
    let users: Vec<_> = doing(&first, Action::Create)
        .into_iter()
        .filter(|s| s.kind == "user")
        .collect();
    assert!(
        users.iter().all(|u| !u.failed()),
        "the lost answer was found by login"
    );

    let second = provision::apply(&desired, &clients, false, &Quiet).await;
    assert!(!second.failed(), "{}", second.render(false));
    assert_eq!(second.count(Action::Create), 1, "{}", second.render(false));
    let section = desired.sinch.as_ref().expect("a [sinch] section");
    assert_eq!(second.count(Action::Unchanged), section.len() - 1);
    sim.with_store(|s| {
        assert_eq!(s.all("users").len(), 2, "duplicates: 0");
        assert_eq!(s.all("skills").len(), 2);
        assert_eq!(s.all("user_groups").len(), 2);
        assert_eq!(s.all("queues").len(), 2);
    });
}

#[tokio::test]
async fn sinch_names_of_the_service_resolve_and_unknown_ones_are_file_errors() {
    let (sim, clients) = sinch().await;
    let client = sinch_rci::sim::client(&sim).expect("client");
    client
        .skills()
        .create(&sinch_rci::skills::SkillRequest::new(
            "German",
            "Speaks German",
        ))
        .await
        .expect("a skill of the service");
    let head = "[sinch]\n\n[[sinch.skills]]\nname = \"English\"\ndescription = \"d\"\n\n";
    let user = "[[sinch.users]]\nlogin = \"john.fox\"\nfirstName = \"John\"\nsurname = \"Fox\"\n";
    let known = format!(
        "{head}{user}skills = [{{ skill = \"English\", level = 4 }}, {{ skill = \"German\", level = 2 }}]\n"
    );
    let applied = provision::apply(&state(&known), &clients, false, &Quiet).await;
    assert!(!applied.failed(), "{}", applied.render(false));
    assert!(
        applied
            .steps
            .iter()
            .any(|s| s.kind == "user skill" && s.key == "German" && s.action == Action::Create)
    );

    // A name of neither, on line 13: nothing is planned, nothing is sent.
    let before = sim.request_count();
    let unknown = format!(
        "{head}[[sinch.users]]\nlogin = \"ann.lee\"\nfirstName = \"Ann\"\nsurname = \"Lee\"\nskills = [\n  {{ skill = \"English\", level = 4 }},\n  {{ skill = \"Frnch\", level = 2 }},\n]\n"
    );
    for report in [
        provision::plan(&state(&unknown), &clients, false, &Quiet).await,
        provision::apply(&state(&unknown), &clients, false, &Quiet).await,
    ] {
        assert!(report.steps.is_empty(), "{}", report.render(false));
        assert!(report.failed());
        assert_eq!(report.file_errors.len(), 1);
        let e = &report.file_errors[0];
        assert_eq!((e.line, e.key.as_deref()), (13, Some("skills")));
        assert!(
            e.to_string()
                .starts_with("desired.toml:13: `skills`: no skill \"Frnch\""),
            "{e}"
        );
        assert!(report.summary().contains("nothing was changed"));
    }
    let sent = &sim.requests()[before..];
    assert!(
        sent.iter().all(|r| r.method.as_str() == "GET"),
        "only the service's skills were read: {sent:?}"
    );
}

#[test]
fn sinch_file_errors_in_the_provision_keys_name_their_line() {
    let user = "[sinch]\n\n[[sinch.users]]\nlogin = \"j\"\nfirstName = \"J\"\nsurname = \"F\"\n";
    let err = |text: String| DesiredState::parse("site.toml", &text).expect_err("an error");
    let e = err(format!("{user}skills = [{{ skill = \"E\", levl = 2 }}]\n"));
    assert_eq!((e.line, e.key.as_deref()), (7, Some("skills")), "{e}");
    let e = err(format!("{user}userGroups = [\"a\",\n  \"a\"]\n"));
    assert_eq!((e.line, e.key.as_deref()), (8, Some("userGroups")), "{e}");
    let e = err(format!("{user}colour = \"red\"\n"));
    assert_eq!((e.line, e.key.as_deref()), (7, Some("colour")), "{e}");
    let e = err(format!("{user}\n{user}").replacen("[sinch]\n\n", "", 1));
    assert_eq!((e.line, e.key.as_deref()), (8, Some("login")), "{e}");
}

// APIO: call centers of one tenant's group.

#[tokio::test]
async fn apio_plans_applies_updates_one_field_and_never_shows_the_password() {
    let (sim, clients) = apio().await;
    let desired = state(SAMPLE);
    let plan = provision::plan(&desired, &clients, false, &Quiet).await;
    assert_eq!(plan.count(Action::Create), 1, "{}", plan.render(false));
    let applied = provision::apply(&desired, &clients, false, &Quiet).await;
    assert!(!applied.failed(), "{}", applied.render(false));
    let centers = sim
        .items::<apio_callcenter::call_centers::CallCenter>(&["acme", "support"])
        .expect("call centers");
    assert_eq!(centers.len(), 1);
    assert!(
        provision::plan(&desired, &clients, false, &Quiet)
            .await
            .is_empty()
    );

    let changed = SAMPLE.replace("queueLength = 10", "queueLength = 12");
    let plan = provision::plan(&state(&changed), &clients, false, &Quiet).await;
    let updates = doing(&plan, Action::Update);
    assert_eq!(updates.len(), 1, "{}", plan.render(false));
    assert_eq!(fields(updates[0]), ["queueLength"]);
    // A profile change shows the profile without its password, in text and JSON.
    let changed = changed.replace("language = \"English\"", "language = \"French\"");
    for report in [
        provision::plan(&state(&changed), &clients, false, &Quiet).await,
        provision::apply(&state(&changed), &clients, false, &Quiet).await,
    ] {
        assert!(!report.failed(), "{}", report.render(false));
        let updates = doing(&report, Action::Update);
        assert_eq!(
            fields(updates[0]),
            ["serviceInstanceProfile", "queueLength"]
        );
        let (text, json) = (report.render(false), report.to_json());
        assert!(text.contains("French"), "{text}");
        assert!(!text.contains("cc-password") && !json.contains("cc-password"));
    }
    assert!(
        provision::plan(&state(&changed), &clients, false, &Quiet)
            .await
            .is_empty()
    );
}

#[tokio::test]
async fn apio_prune_and_a_503_then_a_second_apply_without_duplicates() {
    let (sim, clients) = apio().await;
    let desired = state(SAMPLE);
    let other: apio_callcenter::call_centers::CallCenter = serde_json::from_value(
        serde_json::json!({"serviceUserId": "old@sip.example.com", "policy": "Regular",
                           "serviceInstanceProfile": {"name": "Old"}}),
    )
    .expect("a call center");
    sim.seed_item(&["acme", "support"], &other).expect("seeded");
    sim.inject(
        Fault::status(503)
            .operation("apio.call_centers.create")
            .times(1),
    );
    let first = provision::apply(&desired, &clients, false, &Quiet).await;
    assert_eq!(first.failures(), 1, "{}", first.render(false));
    assert_eq!(first.count(Action::Delete), 0);
    let second = provision::apply(&desired, &clients, false, &Quiet).await;
    assert!(!second.failed(), "{}", second.render(false));
    assert_eq!(second.count(Action::Create), 1);

    let plan = provision::plan(&desired, &clients, true, &Quiet).await;
    let deletes = doing(&plan, Action::Delete);
    assert_eq!(deletes.len(), 1, "{}", plan.render(false));
    assert_eq!(deletes[0].key, "old@sip.example.com");
    assert!(
        !provision::apply(&desired, &clients, true, &Quiet)
            .await
            .failed()
    );
    let ids: Vec<String> = sim
        .items::<apio_callcenter::call_centers::CallCenter>(&["acme", "support"])
        .expect("call centers")
        .iter()
        .map(|c| c.service_user_id.as_str().to_owned())
        .collect();
    assert_eq!(
        ids,
        ["support@sip.example.com"],
        "one, not two: duplicates 0"
    );
}

#[test]
fn apio_an_unknown_profile_field_names_its_line() {
    let text = "[apio]\ntenant = \"a\"\ngroup = \"b\"\n\n[[apio.call_centers]]\nserviceUserId = \"s@x\"\npolicy = \"Circular\"\nserviceInstanceProfile = { name = \"S\", nmae = \"x\" }\n";
    let e = DesiredState::parse("site.toml", text).expect_err("an error");
    assert_eq!(
        (e.line, e.key.as_deref()),
        (8, Some("serviceInstanceProfile.nmae")),
        "{e}"
    );
}

// CPaaS: SIP lists and their entries, applications, domains and their mappings, numbers.

/// The sample with its commented-out numbers written out.
fn with_numbers() -> String {
    let (head, tail) = SAMPLE
        .split_once("# [[cpaas.numbers]]")
        .expect("the sample's numbers");
    let numbers: String = format!("# [[cpaas.numbers]]{tail}")
        .lines()
        .map(|l| format!("{}\n", l.trim_start_matches("# ")))
        .collect();
    format!("{head}{numbers}")
}

#[tokio::test]
async fn cpaas_plans_every_create_applies_maps_and_then_plans_nothing() {
    let (sim, clients) = cpaas().await;
    let desired = state(SAMPLE);
    let section = desired.cpaas.as_ref().expect("a [cpaas] section");
    assert_eq!(section.len(), 9);
    let plan = provision::plan(&desired, &clients, false, &Quiet).await;
    assert_eq!(
        plan.count(Action::Create),
        section.len(),
        "{}",
        plan.render(false)
    );
    let text = plan.render(false);
    assert!(
        text.contains("+ create cpaas credential list mapping \"Office phones\" in \"acme-pbx\""),
        "{text}"
    );
    let applied = provision::apply(&desired, &clients, false, &Quiet).await;
    assert!(!applied.failed(), "{}", applied.render(false));
    for report in [&plan, &applied] {
        let (text, json) = (report.render(false), report.to_json());
        assert!(
            !text.contains("alice-sip-password") && !json.contains("alice-sip-password"),
            "no secret printed"
        );
    }
    sim.with_store(|s| {
        assert_eq!(s.all("sip_credentials").len(), 2);
        assert_eq!(s.all("sip_cl_mappings").len(), 1);
        assert_eq!(s.all("sip_acl_mappings").len(), 1);
    });
    assert!(
        provision::plan(&desired, &clients, false, &Quiet)
            .await
            .is_empty()
    );

    let changed = SAMPLE.replace(
        "VoiceUrl = \"https://ivr.example.com/voice.xml\"",
        "VoiceUrl = \"https://ivr.example.com/v2.xml\"",
    );
    let plan = provision::plan(&state(&changed), &clients, false, &Quiet).await;
    let updates = doing(&plan, Action::Update);
    assert_eq!(updates.len(), 1, "{}", plan.render(false));
    assert_eq!(
        (updates[0].kind, fields(updates[0])),
        ("application", vec!["VoiceUrl"])
    );
}

#[tokio::test]
async fn cpaas_numbers_are_configured_never_bought_and_name_applications() {
    let (sim, clients) = cpaas().await;
    let text = with_numbers();
    let desired = state(&text);
    // Not on the account: a failure in the plan and in the apply, nothing sent for it.
    let plan = provision::plan(&desired, &clients, false, &Quiet).await;
    let number = plan
        .steps
        .iter()
        .find(|s| s.kind == "phone number")
        .expect("the number");
    assert!(number.failed(), "{}", plan.render(false));
    assert!(
        number
            .error
            .as_deref()
            .is_some_and(|e| e.contains("bought"))
    );
    let applied = provision::apply(&desired, &clients, false, &Quiet).await;
    assert_eq!(applied.failures(), 1, "{}", applied.render(false));
    assert!(
        writes(&sim)
            .iter()
            .all(|w| !w.contains("IncomingPhoneNumbers")),
        "{:?}",
        writes(&sim)
    );

    // Bought: its settings are set, the application named by its name.
    let client = cpaas::sim::client(&sim, ACCOUNT).expect("client");
    let numbers = client.account().incoming_numbers();
    for n in ["+12065550100", "+12065550199"] {
        numbers
            .create(&cpaas::numbers::NewNumber::phone_number(n))
            .await
            .expect("bought");
    }
    let plan = provision::plan(&desired, &clients, true, &Quiet).await;
    let updates = doing(&plan, Action::Update);
    assert_eq!(updates.len(), 1, "{}", plan.render(false));
    assert_eq!(
        fields(updates[0]),
        ["FriendlyName", "VoiceApplicationSid", "SmsApplicationSid"]
    );
    assert_eq!(
        doing(&plan, Action::Delete).len(),
        0,
        "no number is released"
    );
    let applied = provision::apply(&desired, &clients, true, &Quiet).await;
    assert!(!applied.failed(), "{}", applied.render(false));
    let app = client
        .account()
        .applications()
        .list(&cpaas::applications::ApplicationFilter::new())
        .collect_all()
        .await
        .expect("applications");
    let listed = numbers
        .list(&cpaas::numbers::NumberFilter::new())
        .collect_all()
        .await
        .expect("numbers");
    assert_eq!(listed.len(), 2);
    let support = listed
        .iter()
        .find(|n| n.phone_number.as_deref() == Some("+12065550100"))
        .expect("the number");
    let shown = serde_json::to_value(support).expect("json");
    assert_eq!(shown["voice_application_sid"], app[0].sid.as_str());
    assert!(
        provision::plan(&desired, &clients, true, &Quiet)
            .await
            .is_empty()
    );
}

#[tokio::test]
async fn cpaas_prune_removes_a_credential_and_faults_leave_no_duplicates() {
    let (sim, clients) = cpaas().await;
    let desired = state(SAMPLE);
    sim.inject(
        Fault::lose_answer()
            .operation("cpaas.sip.credential_lists.create")
            .times(1),
    );
    sim.inject(
        Fault::status(503)
            .operation("cpaas.sip.ip_acl_mappings.map")
            .times(1),
    );
    let first = provision::apply(&desired, &clients, false, &Quiet).await;
    let failed: Vec<_> = first
        .steps
        .iter()
        .filter(|s| s.failed())
        .map(|s| s.kind)
        .collect();
    assert_eq!(
        failed,
        ["IP access control list mapping"],
        "{}",
        first.render(false)
    );
    let second = provision::apply(&desired, &clients, false, &Quiet).await;
    assert!(!second.failed(), "{}", second.render(false));
    assert_eq!(second.count(Action::Create), 1);
    sim.with_store(|s| {
        assert_eq!(s.all("sip_credential_lists").len(), 1, "duplicates: 0");
        assert_eq!(s.all("sip_credentials").len(), 2);
        assert_eq!(s.all("sip_acl_mappings").len(), 1);
    });

    let fewer = SAMPLE.replace(
        "[[cpaas.credential_lists.credentials]]\nUsername = \"bob\"\nPassword = \"bob-sip-password\"\n",
        "",
    );
    assert_ne!(fewer, SAMPLE);
    let fewer = state(&fewer);
    assert!(
        provision::plan(&fewer, &clients, false, &Quiet)
            .await
            .is_empty()
    );
    let plan = provision::plan(&fewer, &clients, true, &Quiet).await;
    let deletes = doing(&plan, Action::Delete);
    assert_eq!(deletes.len(), 1, "{}", plan.render(false));
    assert_eq!(
        (
            deletes[0].kind,
            deletes[0].key.as_str(),
            deletes[0].parent.as_deref()
        ),
        ("SIP credential", "bob", Some("Office phones"))
    );
    assert!(
        !provision::apply(&fewer, &clients, true, &Quiet)
            .await
            .failed()
    );
    assert_eq!(sim.with_store(|s| s.all("sip_credentials").len()), 1);
}

#[tokio::test]
async fn cpaas_a_domain_naming_an_unknown_list_is_a_file_error() {
    let (sim, clients) = cpaas().await;
    let text = SAMPLE.replace(
        "credentialLists = [\"Office phones\"]",
        "credentialLists = [\"Office phones\", \"Home phones\"]",
    );
    let line = text
        .lines()
        .position(|l| l.contains("Home phones"))
        .expect("the line")
        + 1;
    let report = provision::apply(&state(&text), &clients, false, &Quiet).await;
    assert!(report.steps.is_empty(), "{}", report.render(false));
    let e = &report.file_errors[0];
    assert_eq!((e.line, e.key.as_deref()), (line, Some("credentialLists")));
    assert!(
        e.message.contains("no credential list \"Home phones\""),
        "{e}"
    );
    assert!(writes(&sim).is_empty(), "nothing sent: {:?}", writes(&sim));
}
