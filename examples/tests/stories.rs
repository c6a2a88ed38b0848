//! Every example's story, run against its simulator: what it reports and what the
//! simulator holds afterwards. Waits run on a manual clock.

use std::sync::Arc;
use std::time::Duration;

use axp_voice::AxpClient;
use axp_voice::elements::ElementRequest;
use examples::hybrid_voice::{Outcome, Plan, Quiet, example_numbers, provision};
use sdk_core::PollPolicy;
use sdk_core::clock::ManualClock;
use sdk_core::sim::Simulator;

fn axp(sim: &Simulator) -> AxpClient {
    AxpClient::builder()
        .base_url(sim.base_url())
        .allow_http(true)
        .no_auth()
        .clock(Arc::new(ManualClock::new()))
        .build()
        .expect("client")
}

fn policy() -> PollPolicy {
    PollPolicy::default()
        .initial_delay(Duration::from_secs(1))
        .jitter(0.0)
        .deadline(Duration::from_secs(120))
}

fn plan(numbers: usize) -> Plan {
    Plan {
        account_id: "ABCDEF".into(),
        gateway_id: None,
        gateway_name: "Gateway 1".into(),
        cm_name: "CM Main".into(),
        numbers: example_numbers(numbers),
        concurrency: 16,
    }
}

#[tokio::test]
async fn provision_hybrid_voice_creates_everything_once() {
    let sim = axp_voice::sim::start().await.expect("simulator");
    let client = axp(&sim);

    let first = provision(&client, &plan(200), &Quiet)
        .await
        .expect("first run");
    assert!(first.ok(), "{}", first.table());
    assert_eq!(first.count(|o| *o == Outcome::Created), 1 + 1 + 3 + 2 + 200);
    let (numbers, cms) = sim.with_store(|s| {
        (
            s.count("phone_numbers", &["ABCDEF"]),
            s.count("communication_managers", &["ABCDEF"]),
        )
    });
    assert_eq!((numbers, cms), (200, 1));
    assert!(
        first
            .table()
            .contains("phone number                200        0"),
        "{}",
        first.table()
    );

    // The second run finds everything and creates nothing.
    let second = provision(&client, &plan(200), &Quiet)
        .await
        .expect("second run");
    assert_eq!(
        second.count(|o| *o == Outcome::Created),
        0,
        "{}",
        second.table()
    );
    assert_eq!(second.count(|o| *o == Outcome::Unchanged), 207);
    assert_eq!(
        sim.with_store(|s| s.count("phone_numbers", &["ABCDEF"])),
        200
    );
}

#[tokio::test]
async fn provision_hybrid_voice_reports_failures_and_carries_on() {
    let sim = axp_voice::sim::start().await.expect("simulator");
    let client = axp(&sim);
    sim.fail_next("phone_numbers").expect("declared");
    sim.fail_next("phone_numbers").expect("declared");

    let summary = provision(&client, &plan(10), &Quiet).await.expect("run");
    assert!(!summary.ok());
    assert_eq!(summary.count(|o| matches!(o, Outcome::Failed(_))), 2);
    assert_eq!(summary.count(|o| *o == Outcome::Created), 1 + 1 + 3 + 2 + 8);
    assert!(summary.table().contains("DISABLED"), "{}", summary.table());
}

#[tokio::test]
async fn wait_for_element_reports_each_status_once() {
    let sim = axp_voice::sim::start().await.expect("simulator");
    let client = axp(&sim);
    let mut lines = Vec::new();
    let request = ElementRequest::aco("Avaya Cloud Office", "Production", ["+16062128688"]);
    let element =
        examples::wait_for_element(&client, "ABCDEF", &request, policy(), |l| lines.push(l))
            .await
            .expect("ready");
    assert_eq!(
        element.status.map(|s| s.to_string()).as_deref(),
        Some("SUCCESS")
    );
    assert_eq!(
        lines[1..],
        [
            "status: IN_PROGRESS".to_owned(),
            "status: SUCCESS".to_owned()
        ]
    );
    assert!(lines[0].starts_with("accepted element "));
    assert_eq!(sim.with_store(|s| s.count("aco_elements", &["ABCDEF"])), 1);
}

#[tokio::test]
async fn call_center_story_leaves_nothing_behind() {
    let sim = apio_callcenter::sim::start().await.expect("simulator");
    let client = apio_callcenter::sim::client(&sim).expect("client");
    let lines = examples::call_center::run(&client, "acme", "support", "helpdesk@sip.example.com")
        .await
        .expect("story");
    assert_eq!(
        lines,
        [
            "created helpdesk@sip.example.com",
            "modified helpdesk@sip.example.com: queue length 25",
            "listed helpdesk@sip.example.com active=true",
            "deleted helpdesk@sip.example.com",
        ]
    );
    assert_eq!(
        sim.with_store(|s| s.count("call_centers", &["acme", "support"])),
        0
    );
}

#[tokio::test]
async fn mirror_directory_creates_then_changes_nothing() {
    use examples::directory::{Directory, SAMPLE, mirror};

    let sim = sinch_rci::sim::start().await.expect("simulator");
    let client = sinch_rci::sim::client(&sim).expect("client");
    let dir: Directory = serde_json::from_str(SAMPLE).expect("the sample parses");

    let first = mirror(&client, &dir).await.expect("first pass");
    assert_eq!(first.len(), 11, "{first:#?}");
    assert!(first.contains(&"added ann.lee to Support agents".to_owned()));
    let (users, queues, groups) = sim.with_store(|s| {
        (
            s.count("users", &[]),
            s.count("queues", &[]),
            s.count("user_groups", &[]),
        )
    });
    assert_eq!((users, queues, groups), (3, 2, 2));

    assert!(mirror(&client, &dir).await.expect("second pass").is_empty());

    // A changed name is an update, nothing else; the update keeps what the directory does
    // not set, the fields the SDK does not name included (an update replaces the user).
    let john = client
        .users()
        .list(&sinch_rci::users::UserQuery::new())
        .collect_all()
        .await
        .expect("users")
        .into_iter()
        .find(|u| u.login.as_deref() == Some("john.fox"))
        .expect("john");
    let mut kept = sinch_rci::users::UserRequest::from_user(&john).expect("whole");
    kept.phone = Some("+358401234567".into());
    kept.unknown_fields.insert("department", "Sales");
    client.users().update(&john.id, &kept).await.expect("set");
    let mut changed = dir.clone();
    changed.users[0].surname = "Fox-Smith".into();
    assert_eq!(
        mirror(&client, &changed).await.expect("third pass"),
        ["updated user john.fox"]
    );
    assert_eq!(sim.with_store(|s| s.count("users", &[])), 3);
    let after = client.users().get(&john.id).await.expect("john");
    assert_eq!(after.surname.as_deref(), Some("Fox-Smith"));
    assert_eq!(after.phone.as_deref(), Some("+358401234567"));
    assert_eq!(
        after.unknown_fields.get("department"),
        Some(&serde_json::json!("Sales"))
    );
}

#[tokio::test]
async fn calls_report_writes_last_month_once_each_page_by_page() {
    use examples::calls_report::{COLUMNS, Progress, run, seed_simulator};

    let sim = cpaas::sim::start().await.expect("simulator");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 15).expect("a date");
    let mut seeded = seed_simulator(&sim, "AC0123", today, 123);
    let client = cpaas::sim::client(&sim, "AC0123").expect("client");
    let mut csv = Vec::new();
    let mut seen = Vec::new();

    let done = run(
        &client,
        cpaas::DateFilter::month_before(today),
        &mut csv,
        |p| seen.push(p),
    )
    .await
    .expect("report");

    let text = String::from_utf8(csv).expect("UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], COLUMNS.join(","));
    let mut sids: Vec<String> = lines[1..]
        .iter()
        .map(|l| l.split(',').next().unwrap_or_default().to_owned())
        .collect();
    // February only: the calls seeded in January and March are left out.
    assert!(
        lines[1..].iter().all(|l| l.contains(" Feb 2026 ")),
        "{text}"
    );
    sids.sort();
    seeded.sort();
    assert_eq!(sids, seeded, "every call of the month, once");
    assert_eq!(
        seen.iter().map(|p| p.calls).collect::<Vec<_>>(),
        [50, 100, 123]
    );
    assert_eq!(
        done,
        Progress {
            pages: 3,
            num_pages: Some(3),
            calls: 123,
            total: Some(123)
        }
    );
    let pages: Vec<_> = sim
        .requests()
        .into_iter()
        .filter(|r| r.path.ends_with("/Calls.json"))
        .collect();
    assert_eq!(pages.len(), 3);
    for r in &pages {
        assert_eq!(r.query_value("StartTime>"), Some("2026-02-01"));
        assert_eq!(r.query_value("StartTime<"), Some("2026-02-28"));
    }
}
