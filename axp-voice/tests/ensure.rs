//! `ensure` on the simulator: created, then unchanged, then updated in only the field that
//! differs, with the fields the SDK does not name kept through the update.

use axp_voice::communication_managers::{CommunicationManagerElement, CommunicationManagerRequest};
use axp_voice::ensure::{Ensure, Outcome, Plan};
use axp_voice::reason_codes::{NewReasonCode, ReasonCode, ReasonCodeType};
use serde_json::json;

#[tokio::test]
async fn a_communication_manager_is_created_then_left_then_updated_where_it_differs() {
    let sim = axp_voice::sim::start().await.expect("simulator");
    let client = axp_voice::sim::client(&sim).expect("client");
    let cms = client.account("ACME").communication_managers();
    let desired = CommunicationManagerRequest::new("CM1", "Production", "hcg-1").connection(
        "cm1.example.com",
        5022,
        "admin",
        "pw",
    );

    assert_eq!(cms.plan(&desired).await.expect("plan"), Plan::Create);
    let created = cms.ensure(&desired).await.expect("ensure");
    assert!(matches!(created, Outcome::Created(_)), "{created:?}");
    let id = created.resource().id.clone();

    sim.clear_requests();
    let again = cms.ensure(&desired).await.expect("ensure again");
    assert_eq!(again.verb(), "unchanged");
    assert!(
        sim.requests()
            .iter()
            .all(|r| r.method == sdk_core::Method::GET),
        "nothing but reads on a second run"
    );

    // Something the SDK does not name, set by someone else, survives the update.
    sim.with_store(|store| {
        let cm = store
            .get_mut("communication_managers", &["ACME"], id.as_str())
            .expect("stored");
        cm["siteCode"] = json!("north");
    });
    let moved = CommunicationManagerRequest::new("CM1", "Production, second site", "hcg-1")
        .connection("cm1.example.com", 5023, "admin", "pw");
    let updated = cms.ensure(&moved).await.expect("update");
    let fields: Vec<&str> = updated.changes().iter().map(|c| c.field.as_str()).collect();
    assert_eq!(fields, ["description", "port"]);
    assert_eq!(updated.resource().id, id);
    let stored = sim
        .item::<CommunicationManagerElement>(&["ACME"], id.as_str())
        .expect("read")
        .expect("there");
    assert_eq!(
        stored.description.as_deref(),
        Some("Production, second site")
    );
    assert_eq!(stored.unknown_fields.get("siteCode"), Some(&json!("north")));
    assert_eq!(
        sim.items::<CommunicationManagerElement>(&["ACME"])
            .expect("all")
            .len(),
        1
    );
    let printed = format!("{updated:?} {}", updated.changes()[1]);
    assert!(!printed.contains("\"pw\""), "{printed}");
}

#[tokio::test]
async fn reason_codes_are_ensured_by_name_and_their_number_is_not_compared() {
    let sim = axp_voice::sim::start().await.expect("simulator");
    let client = axp_voice::sim::client(&sim).expect("client");
    let codes = client
        .account("ACME")
        .communication_manager("cm-1")
        .reason_codes();
    let wanted = [
        NewReasonCode::new("Lunch", "11", ReasonCodeType::NotReady),
        NewReasonCode::new("Break", "12", ReasonCodeType::NotReady),
    ];
    let plans = codes.plan_all(&wanted).await.expect("plan");
    assert_eq!(plans, [Plan::Create, Plan::Create]);
    for (d, p) in wanted.iter().zip(plans) {
        assert_eq!(codes.apply(d, p).await.expect("apply").verb(), "created");
    }
    // The number is the service's to keep: a different one is no update.
    let renumbered = NewReasonCode::new("Lunch", "99", ReasonCodeType::NotReady);
    assert_eq!(
        codes.ensure(&renumbered).await.expect("ensure").verb(),
        "unchanged"
    );
    let longer = NewReasonCode::new("Lunch", "11", ReasonCodeType::NotReady)
        .interruptible(true)
        .description("Lunch break");
    let out = codes.ensure(&longer).await.expect("update");
    assert_eq!(out.changes().len(), 2, "{:?}", out.changes());
    let stored = sim.items::<ReasonCode>(&["ACME", "cm-1"]).expect("codes");
    assert_eq!(stored.len(), 2);
    let lunch = stored
        .iter()
        .find(|c| c.code_name.as_deref() == Some("Lunch"))
        .expect("lunch");
    assert_eq!(lunch.is_interruptible, Some(true));
    assert_eq!(lunch.code_number.as_deref(), Some("11"));

    let dup = [wanted[0].clone(), wanted[0].clone()];
    let err = codes.plan_all(&dup).await.expect_err("two with one name");
    assert_eq!(err.kind(), sdk_core::ErrorKind::InvalidInput);
}
