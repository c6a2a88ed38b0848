//! The APIO simulator behaves like the documented API, end to end through the client.
#![cfg(feature = "simulator")]

use std::sync::Arc;

use apio_callcenter::call_centers::{
    ActiveStatus, CallCenterUpdate, NewCallCenter, Policy, ServiceInstanceProfile,
};
use apio_callcenter::{ApioClient, ErrorKind};
use sdk_core::clock::ManualClock;
use sdk_core::sim::Fault;
use sdk_core::{Method, RequestSpec};

fn new_cc(id: &str) -> NewCallCenter {
    let mut profile = ServiceInstanceProfile::named("Helpdesk");
    profile.password = Some("pw-never-returned".into());
    profile.language = Some("English".into());
    NewCallCenter::new(profile, Policy::Regular).service_user_id(id)
}

#[tokio::test]
async fn the_whole_lifecycle_of_a_call_center() {
    let sim = apio_callcenter::sim::start().await.unwrap();
    let client = apio_callcenter::sim::client(&sim).unwrap();
    let centers = client.tenant("acme").group("support").call_centers();

    let cc = centers
        .create(&new_cc("help@sip.example.com"))
        .await
        .unwrap();
    assert_eq!(cc.service_user_id.as_str(), "help@sip.example.com");
    assert!(
        cc.service_instance_profile.password.is_none(),
        "passwords are never returned"
    );

    let changed = centers
        .modify(
            "help@sip.example.com",
            &CallCenterUpdate::default()
                .profile({
                    let mut p = ServiceInstanceProfile::default();
                    p.language = Some("French".into());
                    p
                })
                .queue_length(10),
        )
        .await
        .unwrap();
    assert_eq!(
        changed.service_instance_profile.language.as_deref(),
        Some("French")
    );
    assert_eq!(
        changed.service_instance_profile.name.as_deref(),
        Some("Helpdesk"),
        "a partial modify keeps the rest"
    );
    assert_eq!(changed.settings.queue_length, Some(10));

    centers
        .set_active_status(&[ActiveStatus::new("help@sip.example.com", false)])
        .await
        .unwrap();
    let list = centers.list().await.unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].active, Some(false));
    assert_eq!(list[0].name.as_deref(), Some("Helpdesk"));

    // Another group sees nothing.
    assert!(
        client
            .tenant("acme")
            .group("sales")
            .call_centers()
            .list()
            .await
            .unwrap()
            .is_empty()
    );

    centers.delete("help@sip.example.com").await.unwrap();
    let err = centers.get("help@sip.example.com").await.unwrap_err();
    assert!(err.is_not_found(), "{err:?}");
}

#[tokio::test]
async fn the_simulator_validates_like_the_server() {
    let sim = apio_callcenter::sim::start().await.unwrap();
    let client = apio_callcenter::sim::client(&sim).unwrap();
    let centers = client.tenant("acme").group("support").call_centers();
    centers
        .create(&new_cc("dup@sip.example.com"))
        .await
        .unwrap();
    let err = centers
        .create(&new_cc("dup@sip.example.com"))
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(409));

    // A body the typed client would refuse, sent raw: the simulator names the field.
    let raw = RequestSpec::post(
        "apio.call_centers.create",
        "/tenants/a/groups/b/services/call_centers/",
        &[],
    )
    .json(&serde_json::json!({"serviceInstanceProfile": {"name": "X"}}));
    let err = client.transport().send(raw).await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(400));
    assert!(
        err.vendor_message().unwrap_or("").contains("policy"),
        "{err:?}"
    );

    // Without an id, the simulator generates one, as APIO's auto-generation does.
    let generated = centers
        .create(&NewCallCenter::new(
            ServiceInstanceProfile::named("Auto"),
            Policy::Circular,
        ))
        .await
        .unwrap();
    assert!(!generated.service_user_id.as_str().is_empty());
    assert_eq!(centers.list().await.unwrap().len(), 2);
}

#[tokio::test]
async fn injected_faults_reach_the_client() {
    let sim = apio_callcenter::sim::start().await.unwrap();
    let clock = ManualClock::new();
    let client = ApioClient::builder()
        .base_url(sim.base_url())
        .allow_http(true)
        .no_auth()
        .clock(Arc::new(clock.clone()))
        .build()
        .unwrap();
    let centers = client.tenant("acme").group("support").call_centers();

    sim.inject(
        Fault::status(503)
            .times(2)
            .on(Method::GET, "/api/v1/tenants/"),
    );
    assert!(
        centers.list().await.unwrap().is_empty(),
        "a GET is retried through two 503s"
    );
    assert_eq!(clock.sleeps().len(), 2);

    sim.inject(Fault::status(503).on(Method::POST, "/api/v1/tenants/"));
    let err = centers
        .create(&new_cc("x@sip.example.com"))
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(clock.sleeps().len(), 2, "a create is not retried");
    assert!(
        centers.list().await.unwrap().is_empty(),
        "and nothing was created"
    );

    sim.inject(Fault::malformed_body().on(Method::GET, "/api/v1/tenants/"));
    assert_eq!(centers.list().await.unwrap_err().kind(), ErrorKind::Decode);
}

/// The store is seeded and read with the crate's model type: a seeded call center reads
/// back through the client, a modify and a deactivation show in the store, typed.
#[tokio::test]
async fn the_store_is_seeded_and_read_with_model_types() {
    use apio_callcenter::call_centers::CallCenter;

    let sim = apio_callcenter::sim::start().await.unwrap();
    let client = apio_callcenter::sim::client(&sim).unwrap();
    let centers = client.tenant("acme").group("support").call_centers();

    let sales: CallCenter = serde_json::from_value(serde_json::json!({
        "serviceUserId": "sales@sip.example.com",
        "serviceInstanceProfile": {"name": "Sales", "extension": "2000"},
        "policy": "Circular",
        "queueLength": 10,
    }))
    .unwrap();
    let id = sim.seed_item(&["acme", "support"], &sales).unwrap();
    assert_eq!(id, "sales@sip.example.com");
    // The store holds the bare instance; the answer wraps it, the client unwraps it.
    assert_eq!(centers.get(&id).await.unwrap(), sales);
    let listed = centers.list().await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].name.as_deref(), Some("Sales"));
    assert_eq!(
        sim.requests().last().and_then(|r| r.operation.clone()),
        Some("apio.call_centers.list".to_owned())
    );

    centers
        .modify(&id, &CallCenterUpdate::default().queue_length(25))
        .await
        .unwrap();
    centers
        .set_active_status(&[ActiveStatus::new(id.as_str(), false)])
        .await
        .unwrap();
    let stored = sim
        .item::<CallCenter>(&["acme", "support"], &id)
        .unwrap()
        .expect("stored");
    assert_eq!(stored.settings.queue_length, Some(25));
    assert_eq!(stored.policy, Some(Policy::Circular), "a modify merges");
    assert_eq!(
        stored.unknown_fields.get("active"),
        Some(&serde_json::json!(false))
    );
    assert_eq!(
        sim.items::<CallCenter>(&["acme", "support"]).unwrap(),
        [stored]
    );
    assert!(
        sim.items::<CallCenter>(&["acme", "other"])
            .unwrap()
            .is_empty()
    );
}
