//! The store seeded and read with the crate's own model types.

use axp_voice::phone_numbers::{NewPhoneNumber, NumberType, PhoneNumber, PhoneNumberStatus};
use axp_voice::reason_codes::ReasonCode;
use serde_json::json;

/// A seeded number reads back through the client as it was seeded, a created one is in the
/// store once its wait ends (in milliseconds: the simulator's client polls quickly), and
/// nested resources are kept per account and Communication Manager.
#[tokio::test]
async fn the_store_is_seeded_and_read_with_model_types() {
    let sim = axp_voice::sim::start().await.expect("simulator");
    let client = axp_voice::sim::client(&sim).expect("client");
    let numbers = client.account("ACME").phone_numbers();

    let seeded: PhoneNumber = serde_json::from_value(json!({
        "phoneNumberId": "pn-1",
        "phoneNumber": "+16479308804",
        "displayName": "Support",
        "countryCode": "US",
        "status": "ACTIVE",
    }))
    .expect("a phone number");
    let id = sim.seed_item(&["ACME"], &seeded).expect("seeded");
    assert_eq!(id, "pn-1");
    let got = numbers.get("pn-1").await.expect("get");
    assert_eq!(got.display_name, seeded.display_name);
    assert_eq!(got.status, Some(PhoneNumberStatus::Active));
    // What the seed leaves out, the resource's defaults fill in.
    assert_eq!(seeded.kind, None);
    assert_eq!(got.kind, Some(NumberType::Local));
    assert_eq!(
        sim.requests().last().and_then(|r| r.operation.clone()),
        Some("axp.phone_numbers.get".to_owned())
    );
    assert!(
        sim.seed_item(&["ACME"], &seeded).is_err(),
        "an id that is taken is refused"
    );

    let started = std::time::Instant::now();
    let created = numbers
        .create(&NewPhoneNumber::new("+16479308805", "Sales", "US"))
        .await
        .expect("create")
        .wait()
        .await
        .expect("ready");
    assert!(started.elapsed() < std::time::Duration::from_secs(2));
    let stored = sim.items::<PhoneNumber>(&["ACME"]).expect("typed items");
    assert_eq!(stored, [got, created.clone()]);
    assert_eq!(stored[1].status, Some(PhoneNumberStatus::Active));
    assert_eq!(
        sim.item::<PhoneNumber>(&["ACME"], created.phone_number_id.as_str())
            .expect("typed item")
            .and_then(|n| n.display_name),
        Some("Sales".to_owned())
    );
    assert!(
        sim.items::<PhoneNumber>(&["OTHER"])
            .expect("none")
            .is_empty()
    );

    let lunch: ReasonCode = serde_json::from_value(json!({
        "reasonCodeId": "rc-1",
        "codeName": "Lunch",
        "codeNumber": "1",
        "codeType": "NOT_READY",
        "status": "SUCCESS",
    }))
    .expect("a reason code");
    sim.seed_item(&["ACME", "cm-1"], &lunch).expect("seeded");
    let listed = client
        .account("ACME")
        .communication_manager("cm-1")
        .reason_codes()
        .list()
        .collect_all()
        .await
        .expect("list");
    assert_eq!(listed, [lunch]);
    assert!(
        sim.items::<ReasonCode>(&["ACME", "cm-2"])
            .expect("none")
            .is_empty()
    );
}
