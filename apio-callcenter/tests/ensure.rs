//! `ensure` on the simulator: call centers by service user id, created with their
//! password, then left with nothing sent but reads, then modified in only the fields that
//! differ.
#![cfg(feature = "simulator")]

use apio_callcenter::ErrorKind;
use apio_callcenter::call_centers::{
    CallCenter, CallCenterDescription, CallCenterSettings, Department, Policy,
    ServiceInstanceProfile,
};
use apio_callcenter::sim::Fault;
use sdk_core::Method;
use sdk_core::ensure::{Ensure, Outcome, Plan};
use serde_json::{Value, json};

const GROUP: [&str; 2] = ["acme", "support"];

fn support() -> CallCenterDescription {
    let profile = ServiceInstanceProfile::named("Support line")
        .password("pw-never-shown")
        .language("English")
        .department(Department::new("acme", "support", "Helpdesk"));
    let mut settings = CallCenterSettings::default();
    settings.queue_length = Some(10);
    CallCenterDescription::new("support@sip.example.com", profile, Policy::Circular)
        .template_name("basic")
        .settings(settings)
}

#[tokio::test]
async fn a_call_center_is_created_then_left_then_modified_where_it_differs() {
    let sim = apio_callcenter::sim::start().await.expect("simulator");
    let client = apio_callcenter::sim::client(&sim).expect("client");
    let centers = client.tenant("acme").group("support").call_centers();
    let desired = support();

    assert_eq!(centers.plan(&desired).await.expect("plan"), Plan::Create);
    let created = centers.ensure(&desired).await.expect("ensure");
    assert!(matches!(created, Outcome::Created(_)), "{created:?}");
    let create = sim
        .requests()
        .iter()
        .find(|r| r.method == Method::POST)
        .and_then(|r| r.json())
        .expect("a create");
    assert_eq!(
        create["serviceInstanceProfile"]["password"], "pw-never-shown",
        "the password is sent on create"
    );
    assert_eq!(create["templateName"], "basic");

    // The service never shows the password: it is not compared, and nothing is sent.
    sim.clear_requests();
    let again = centers.ensure(&desired).await.expect("ensure again");
    assert!(matches!(again, Outcome::Unchanged(_)), "{again:?}");
    assert_eq!(again.resource(), created.resource());
    let sent = sim.requests();
    assert!(
        !sent.is_empty() && sent.iter().all(|r| r.method == Method::GET),
        "nothing but reads on a second run"
    );

    // Something the SDK does not name, set by someone else, stays.
    sim.with_store(|s| {
        s.get_mut("call_centers", &GROUP, "support@sip.example.com")
            .expect("stored")["overflowTarget"] = json!({"kind": "voicemail"});
    });
    let mut longer = desired.clone();
    longer.settings.queue_length = Some(25);
    sim.clear_requests();
    let updated = centers.ensure(&longer).await.expect("update");
    let fields: Vec<&str> = updated.changes().iter().map(|c| c.field.as_str()).collect();
    assert_eq!(fields, ["queueLength"]);
    assert_eq!(updated.changes()[0].to_string(), "queueLength: 10 -> 25");
    let modify: Vec<Value> = sim
        .requests()
        .iter()
        .filter(|r| r.method == Method::PUT)
        .filter_map(|r| r.json())
        .collect();
    assert_eq!(
        modify,
        [json!({"queueLength": 25})],
        "only what differs is sent"
    );
    assert_eq!(updated.resource().settings.queue_length, Some(25));
    let after = sim
        .item::<CallCenter>(&GROUP, "support@sip.example.com")
        .expect("read")
        .expect("there");
    assert_eq!(
        after.unknown_fields.get("overflowTarget"),
        Some(&json!({"kind": "voicemail"}))
    );
    assert_eq!(
        after.service_instance_profile.name.as_deref(),
        Some("Support line")
    );

    // A profile field that differs sends the profile as described, without its password.
    let mut french = longer.clone();
    french.service_instance_profile.language = Some("French".into());
    sim.clear_requests();
    let out = centers.ensure(&french).await.expect("profile");
    assert_eq!(out.changes().len(), 1);
    assert_eq!(out.changes()[0].field, "serviceInstanceProfile");
    let printed = format!("{out:?} {} {french:?}", out.changes()[0]);
    assert!(!printed.contains("pw-never-shown"), "{printed}");
    let body = sim
        .requests()
        .iter()
        .find(|r| r.method == Method::PUT)
        .and_then(|r| r.json())
        .expect("a modify");
    assert_eq!(body["serviceInstanceProfile"]["language"], "French");
    assert!(
        body["serviceInstanceProfile"].get("password").is_none(),
        "{body}"
    );
    assert_eq!(
        sim.items::<CallCenter>(&GROUP).expect("all").len(),
        1,
        "one call center throughout"
    );
}

#[tokio::test]
async fn a_create_whose_answer_was_lost_is_found_not_made_twice() {
    let sim = apio_callcenter::sim::start().await.expect("simulator");
    let client = apio_callcenter::sim::client(&sim).expect("client");
    let centers = client.tenant("acme").group("support").call_centers();

    sim.inject(Fault::lose_answer().operation("apio.call_centers.create"));
    let out = centers.ensure(&support()).await.expect("ensure");
    assert!(matches!(out, Outcome::Created(_)), "{out:?}");
    assert_eq!(
        out.resource().service_user_id.as_str(),
        "support@sip.example.com"
    );
    assert_eq!(sim.items::<CallCenter>(&GROUP).expect("all").len(), 1);
    assert_eq!(
        centers.ensure(&support()).await.expect("again").verb(),
        "unchanged"
    );
}

#[tokio::test]
async fn a_call_center_to_ensure_needs_one_service_user_id_of_its_own() {
    let sim = apio_callcenter::sim::start().await.expect("simulator");
    let client = apio_callcenter::sim::client(&sim).expect("client");
    let centers = client.tenant("acme").group("support").call_centers();
    // Another call center of the same display name is another call center.
    let mut other = support();
    other.service_user_id = "support2@sip.example.com".into();
    centers.ensure(&support()).await.expect("first");
    assert_eq!(
        centers.ensure(&other).await.expect("second").verb(),
        "created"
    );
    assert_eq!(sim.items::<CallCenter>(&GROUP).expect("all").len(), 2);

    sim.clear_requests();
    let mut unnamed = support();
    unnamed.service_user_id = "".into();
    let err = centers.plan(&unnamed).await.expect_err("no id");
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(err.field(), Some("serviceUserId"));
    let err = centers
        .plan_all(&[support(), other.clone(), support()])
        .await
        .expect_err("two with one id");
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(sim.requests().is_empty(), "nothing sent");
}
