//! Plan and apply on in-process simulators: the plan of an empty account, apply then plan,
//! a changed field, pruning, faults, and an apply cut off half way.

use std::time::Duration;

use axp_voice::phone_numbers::{PhoneNumber, PhoneNumberStatus};
use provision::{Action, Clients, DesiredState, Quiet};
use sdk_core::sim::{Fault, Simulator};

const SAMPLE: &str = include_str!("../desired/contact-center.toml");

async fn axp() -> (Simulator, Clients) {
    let sim = axp_voice::sim::start().await.expect("simulator");
    let clients = Clients::new().with_axp(axp_voice::sim::client(&sim).expect("client"));
    (sim, clients)
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
    let (sim, clients) = axp().await;
    let desired = state(SAMPLE);
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
    let (sim, clients) = axp().await;
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
    let (sim, clients) = axp().await;
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
    let (sim, clients) = axp().await;
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
