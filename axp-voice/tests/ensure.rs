//! `ensure` on the simulator: created, then unchanged, then updated in only the field that
//! differs, with the fields the SDK does not name kept through the update.
#![cfg(feature = "simulator")]

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

/// Whether every request since the last `clear_requests` was a read: a GET, or one of the
/// read-only POSTs named in `lookups`.
fn only_reads(sim: &axp_voice::sim::Simulator, lookups: &[&str]) -> bool {
    sim.requests().iter().all(|r| {
        r.method == sdk_core::Method::GET
            || r.operation
                .as_deref()
                .is_some_and(|op| lookups.contains(&op))
    })
}

/// The JSON body of the last request sent to `operation`.
fn last_body(sim: &axp_voice::sim::Simulator, operation: &str) -> serde_json::Value {
    let request = sim
        .requests()
        .into_iter()
        .rev()
        .find(|r| r.operation.as_deref() == Some(operation))
        .unwrap_or_else(|| panic!("no {operation} request"));
    serde_json::from_slice(&request.body).expect("a JSON body")
}

fn field_names<L>(outcome: &Outcome<L>) -> Vec<&str> {
    outcome.changes().iter().map(|c| c.field.as_str()).collect()
}

const LOOKUP: &str = "axp.phone_numbers.get_by_phone_numbers";

#[tokio::test]
async fn phone_numbers_are_ensured_by_the_number_looked_up_not_listed() {
    use axp_voice::phone_numbers::{NewPhoneNumber, PhoneNumber};

    let sim = axp_voice::sim::start().await.expect("simulator");
    let client = axp_voice::sim::client(&sim).expect("client");
    let numbers = client.account("ACME").phone_numbers();
    let wanted = [
        NewPhoneNumber::new("+16479308804", "Support", "US"),
        NewPhoneNumber::new("+16479308805", "Sales", "US").calling_party_number(true),
    ];

    let plans = numbers.plan_all(&wanted).await.expect("plan");
    assert_eq!(plans, [Plan::Create, Plan::Create]);
    // The second ends INACTIVE: created all the same, and it says it needs documents.
    sim.end_next("phone_numbers", "ACTIVE").expect("declared");
    sim.end_next("phone_numbers", "INACTIVE").expect("declared");
    let mut outcomes = Vec::new();
    for (d, p) in wanted.iter().zip(plans) {
        outcomes.push(numbers.apply(d, p).await.expect("apply"));
    }
    assert!(outcomes.iter().all(|o| matches!(o, Outcome::Created(_))));
    assert!(!outcomes[0].resource().needs_action());
    assert!(outcomes[1].resource().needs_action());
    let id = outcomes[0].resource().phone_number_id.clone();

    sim.clear_requests();
    let again = numbers.plan_all(&wanted).await.expect("plan again");
    assert!(again.iter().all(Plan::is_unchanged), "{again:?}");
    assert!(only_reads(&sim, &[LOOKUP]));
    assert_eq!(sim.requests().len(), 1, "one lookup for both numbers");

    // What the description does not name, set by someone else, is sent back.
    sim.with_store(|s| {
        let n = s
            .get_mut("phone_numbers", &["ACME"], id.as_str())
            .expect("stored");
        n["preferredMediaLocation"] = json!("US-LA");
        n["routingNote"] = json!("kept");
    });
    let renamed = NewPhoneNumber::new("+16479308804", "Support, first line", "US");
    let updated = numbers.ensure(&renamed).await.expect("update");
    assert_eq!(field_names(&updated), ["displayName"]);
    let sent = last_body(&sim, "axp.phone_numbers.update");
    assert_eq!(sent["preferredMediaLocation"], "US-LA");
    assert_eq!(sent["routingNote"], "kept");
    assert_eq!(sent["isCallingPartyNumber"], false);
    let stored = sim
        .item::<PhoneNumber>(&["ACME"], id.as_str())
        .expect("read")
        .expect("there");
    assert_eq!(stored.display_name.as_deref(), Some("Support, first line"));
    assert_eq!(stored.preferred_media_location.as_deref(), Some("US-LA"));
    assert_eq!(sim.with_store(|s| s.count("phone_numbers", &["ACME"])), 2);

    let dup = [wanted[0].clone(), wanted[0].clone()];
    let err = numbers
        .plan_all(&dup)
        .await
        .expect_err("two with one number");
    assert_eq!(err.kind(), sdk_core::ErrorKind::InvalidInput);
    // The service lists numbers only by number.
    let err = Ensure::<NewPhoneNumber>::find(&numbers, &[])
        .await
        .expect_err("no list of every number");
    assert_eq!(err.kind(), sdk_core::ErrorKind::InvalidInput);
}

#[tokio::test]
async fn phone_numbers_are_looked_up_a_hundred_at_a_time() {
    use axp_voice::phone_numbers::NewPhoneNumber;

    let sim = axp_voice::sim::start().await.expect("simulator");
    let client = axp_voice::sim::client(&sim).expect("client");
    let wanted: Vec<NewPhoneNumber> = (0..150)
        .map(|i| NewPhoneNumber::new(format!("+1647930{i:04}"), format!("Line {i}"), "US"))
        .collect();
    for n in wanted.iter().step_by(2) {
        sim.seed(
            "phone_numbers",
            &["ACME"],
            json!({"phoneNumber": n.phone_number, "displayName": n.display_name,
                   "countryCode": "US", "status": "ACTIVE"}),
        )
        .expect("seed");
    }
    let plans = client
        .account("ACME")
        .phone_numbers()
        .plan_all(&wanted)
        .await
        .expect("plan");
    let lookups: Vec<usize> = sim
        .requests()
        .iter()
        .map(|r| {
            serde_json::from_slice::<Vec<String>>(&r.body)
                .expect("numbers")
                .len()
        })
        .collect();
    assert_eq!(lookups, [100, 50]);
    assert_eq!(plans.iter().filter(|p| p.is_unchanged()).count(), 75);
    assert!(plans[0].is_unchanged());
    assert_eq!(plans[1], Plan::Create);
}

#[tokio::test]
async fn hybrid_cloud_gateways_are_ensured_by_name_and_keep_their_system() {
    use axp_voice::hcg_systems::PublicKeyAlgorithm;
    use axp_voice::hybrid_cloud_gateways::{HybridCloudGateway, HybridCloudGatewayRequest};

    let sim = axp_voice::sim::start().await.expect("simulator");
    let client = axp_voice::sim::client(&sim).expect("client");
    let gateways = client.account("ACME").hybrid_cloud_gateways();
    let gateway = |fqdns: &[&str]| {
        HybridCloudGatewayRequest::new(
            "HCG1",
            "Production gateway",
            "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE",
            PublicKeyAlgorithm::Es256,
            "IN-MH",
            fqdns.iter().copied(),
        )
        .system_id("system-1")
        .terms_accepted(true)
    };
    let desired = gateway(&["sm1.example.com"]);

    assert_eq!(gateways.plan(&desired).await.expect("plan"), Plan::Create);
    let created = gateways.ensure(&desired).await.expect("ensure");
    assert!(matches!(created, Outcome::Created(_)), "{created:?}");
    let id = created.resource().id.clone();

    sim.clear_requests();
    assert_eq!(
        gateways.ensure(&desired).await.expect("again").verb(),
        "unchanged"
    );
    assert!(only_reads(&sim, &[]));

    sim.with_store(|s| {
        let g = s
            .get_mut("hybrid_cloud_gateways", &["ACME"], id.as_str())
            .expect("stored");
        g["siteCode"] = json!("north");
    });
    let more = gateway(&["sm1.example.com", "sm2.example.com"]);
    let updated = gateways.ensure(&more).await.expect("update");
    assert_eq!(field_names(&updated), ["sessionManagerFqdnList"]);
    // The update starts from the live gateway: what the SDK does not name goes back, and
    // what the document's update leaves out is not sent.
    let sent = last_body(&sim, "axp.hybrid_cloud_gateways.update");
    assert_eq!(sent["siteCode"], "north");
    assert_eq!(sent.get("systemId"), None);
    assert_eq!(sent.get("isTermsAndConditionsAccepted"), None);
    let stored = sim
        .item::<HybridCloudGateway>(&["ACME"], id.as_str())
        .expect("read")
        .expect("there");
    assert_eq!(stored.session_manager_fqdn_list.len(), 2);
    assert_eq!(
        stored.system_id.as_ref().map(|s| s.as_str()),
        Some("system-1")
    );
    assert_eq!(stored.unknown_fields.get("siteCode"), Some(&json!("north")));

    let err = gateways
        .plan_all(&[desired.clone(), desired])
        .await
        .expect_err("two with one name");
    assert_eq!(err.kind(), sdk_core::ErrorKind::InvalidInput);
}

#[tokio::test]
async fn voice_plans_are_ensured_by_name_and_an_update_keeps_what_it_does_not_set() {
    use axp_voice::voice_plans::{VoicePlan, VoicePlanRequest};

    let sim = axp_voice::sim::start().await.expect("simulator");
    let client = axp_voice::sim::client(&sim).expect("client");
    let plans = client
        .account("ACME")
        .communication_manager("cm-1")
        .voice_plans();
    let system = VoicePlanRequest::system("System range", "default")
        .reason_code_not_ready_range(["10:19"])
        .reason_code_log_out_range(["20:29"]);

    assert_eq!(plans.plan(&system).await.expect("plan"), Plan::Create);
    let created = plans.ensure(&system).await.expect("ensure");
    assert_eq!(created.verb(), "created");
    let id = created.resource().voice_plan_id.clone();

    sim.clear_requests();
    assert_eq!(
        plans.ensure(&system).await.expect("again").verb(),
        "unchanged"
    );
    assert!(only_reads(&sim, &[]));

    sim.with_store(|s| {
        let p = s
            .get_mut("voice_plans", &["ACME", "cm-1"], id.as_str())
            .expect("stored");
        p["region"] = json!("emea");
    });
    // Only the Not Ready ranges are given: the Logout ranges stay as they are.
    let wider =
        VoicePlanRequest::system("System range", "default").reason_code_not_ready_range(["10:29"]);
    let updated = plans.ensure(&wider).await.expect("update");
    assert_eq!(field_names(&updated), ["reasonCodeNotReadyRange"]);
    let stored = sim
        .item::<VoicePlan>(&["ACME", "cm-1"], id.as_str())
        .expect("read")
        .expect("there");
    assert_eq!(
        stored.reason_code_not_ready_range,
        Some(vec!["10:29".to_owned()])
    );
    assert_eq!(
        stored.reason_code_log_out_range,
        Some(vec!["20:29".to_owned()])
    );
    assert_eq!(stored.unknown_fields.get("region"), Some(&json!("emea")));

    let err = plans
        .plan_all(&[system.clone(), wider])
        .await
        .expect_err("two with one name");
    assert_eq!(err.kind(), sdk_core::ErrorKind::InvalidInput);
}

#[tokio::test]
async fn route_points_are_ensured_by_number_whether_sent_as_number_or_text() {
    use axp_voice::route_points::{RoutePoint, RoutePointRequest};

    let sim = axp_voice::sim::start().await.expect("simulator");
    let client = axp_voice::sim::client(&sim).expect("client");
    let points = client.account("ACME").route_points();
    let jon = RoutePointRequest::new(50003456, "Jon Extension");

    assert_eq!(points.plan(&jon).await.expect("plan"), Plan::Create);
    let created = points.ensure(&jon).await.expect("ensure");
    assert_eq!(created.verb(), "created");
    let id = created.resource().id.clone();

    sim.clear_requests();
    assert_eq!(
        points.ensure(&jon).await.expect("again").verb(),
        "unchanged"
    );
    assert!(only_reads(&sim, &[]));
    // The same digits as text name the same route point.
    sim.with_store(|s| {
        let p = s
            .get_mut("route_points", &["ACME"], id.as_str())
            .expect("stored");
        p["number"] = json!("50003456");
        p["pickupGroup"] = json!(7);
    });
    assert_eq!(
        points.ensure(&jon).await.expect("as text").verb(),
        "unchanged"
    );

    let renamed = RoutePointRequest::new(50003456, "Jon's Extension");
    let updated = points.ensure(&renamed).await.expect("update");
    assert_eq!(field_names(&updated), ["name"]);
    let stored = sim
        .item::<RoutePoint>(&["ACME"], id.as_str())
        .expect("read")
        .expect("there");
    assert_eq!(stored.name.as_deref(), Some("Jon's Extension"));
    assert_eq!(stored.unknown_fields.get("pickupGroup"), Some(&json!(7)));
    assert_eq!(sim.with_store(|s| s.count("route_points", &["ACME"])), 1);

    let err = points
        .plan_all(&[jon, renamed])
        .await
        .expect_err("two with one number");
    assert_eq!(err.kind(), sdk_core::ErrorKind::InvalidInput);
}

#[tokio::test]
async fn location_profiles_are_ensured_by_name_and_awaited() {
    use axp_voice::location_profiles::{LocationProfile, LocationProfileRequest};

    let sim = axp_voice::sim::start().await.expect("simulator");
    let client = axp_voice::sim::client(&sim).expect("client");
    let profiles = client.account("ACME").location_profiles();
    let mumbai =
        LocationProfileRequest::new("Mumbai", "Mumbai agents", "IN-MH", ["sm1.example.com"]);

    assert_eq!(profiles.plan(&mumbai).await.expect("plan"), Plan::Create);
    let created = profiles.ensure(&mumbai).await.expect("ensure");
    assert_eq!(created.verb(), "created");
    assert_eq!(
        created.resource().status.as_ref().map(|s| s.as_str()),
        Some("SUCCESS")
    );
    let id = created.resource().id.clone();

    sim.clear_requests();
    assert_eq!(
        profiles.ensure(&mumbai).await.expect("again").verb(),
        "unchanged"
    );
    assert!(only_reads(&sim, &[]));

    sim.with_store(|s| {
        let p = s
            .get_mut("location_profiles", &["ACME"], id.as_str())
            .expect("stored");
        p["emergencyNumber"] = json!("112");
    });
    let latched = mumbai.clone().media_latching(true);
    let updated = profiles.ensure(&latched).await.expect("update");
    assert_eq!(field_names(&updated), ["isMediaLatchingEnabled"]);
    let stored = sim
        .item::<LocationProfile>(&["ACME"], id.as_str())
        .expect("read")
        .expect("there");
    assert_eq!(stored.is_media_latching_enabled, Some(true));
    assert_eq!(
        stored.unknown_fields.get("emergencyNumber"),
        Some(&json!("112"))
    );

    let err = profiles
        .plan_all(&[mumbai, latched])
        .await
        .expect_err("two with one name");
    assert_eq!(err.kind(), sdk_core::ErrorKind::InvalidInput);
}

#[tokio::test]
async fn skills_are_read_one_by_one_so_their_agent_assist_profile_is_compared_and_kept() {
    use axp_voice::skills::{HybridSkill, SkillRequest};

    let sim = axp_voice::sim::start().await.expect("simulator");
    let client = axp_voice::sim::client(&sim).expect("client");
    let skills = client
        .account("ACME")
        .communication_manager("cm-1")
        .skills();
    let french = SkillRequest::new("French", "1", "253647784").agent_assist_profile_id("aa-1");

    assert_eq!(skills.plan(&french).await.expect("plan"), Plan::Create);
    let created = skills.ensure(&french).await.expect("ensure");
    assert_eq!(created.verb(), "created");
    assert!(created.resource().is_complete());
    let id = created.resource().skill.id.clone();

    // The list hides the agent assist profile; the lookup reads the skill, so it is the
    // same and nothing is sent.
    sim.clear_requests();
    assert_eq!(
        skills.ensure(&french).await.expect("again").verb(),
        "unchanged"
    );
    assert!(only_reads(&sim, &[]));
    assert!(
        sim.requests()
            .iter()
            .any(|r| r.operation.as_deref() == Some("axp.hybrid_skills.get"))
    );

    sim.with_store(|s| {
        let k = s
            .get_mut("hybrid_skills", &["ACME", "cm-1"], id.as_str())
            .expect("stored");
        k["queuePriority"] = json!(3);
    });
    // The profile is not given this time: the update keeps it.
    let moved = SkillRequest::new("French", "1", "253647785");
    let updated = skills.ensure(&moved).await.expect("update");
    assert_eq!(field_names(&updated), ["extension"]);
    let stored = sim
        .item::<HybridSkill>(&["ACME", "cm-1"], id.as_str())
        .expect("read")
        .expect("there");
    assert_eq!(stored.extension.as_deref(), Some("253647785"));
    assert_eq!(
        stored.agent_assist_profile_id,
        Some(Some("aa-1".to_owned()))
    );
    assert_eq!(stored.unknown_fields.get("queuePriority"), Some(&json!(3)));

    let err = skills
        .plan_all(&[french, moved])
        .await
        .expect_err("two with one name");
    assert_eq!(err.kind(), sdk_core::ErrorKind::InvalidInput);
}

#[tokio::test]
async fn outbound_routing_rules_are_ensured_by_priority() {
    use axp_voice::routing_rules::{RoutingRule, RoutingRuleRequest};

    let sim = axp_voice::sim::start().await.expect("simulator");
    let client = axp_voice::sim::client(&sim).expect("client");
    let rules = client.account("ACME").outbound_routing_rules();
    let us = RoutingRuleRequest::number_prefix(10, "+1", 11, 12).sip_trunk("trunk-1");
    // Another rule with the same prefix is another rule.
    let us_long = RoutingRuleRequest::number_prefix(20, "+1", 13, 15).sip_trunk("trunk-2");

    let plans = rules
        .plan_all(&[us.clone(), us_long.clone()])
        .await
        .expect("plan");
    assert_eq!(plans, [Plan::Create, Plan::Create]);
    for (d, p) in [&us, &us_long].into_iter().zip(plans) {
        assert_eq!(rules.apply(d, p).await.expect("apply").verb(), "created");
    }

    sim.clear_requests();
    let again = rules.plan_all(&[us.clone(), us_long]).await.expect("again");
    assert!(again.iter().all(Plan::is_unchanged), "{again:?}");
    assert!(only_reads(&sim, &[]));

    let live = rules.list().collect_all().await.expect("list");
    let id = live
        .iter()
        .find(|r| r.priority == 10)
        .expect("rule 10")
        .id
        .clone();
    sim.with_store(|s| {
        let r = s
            .get_mut("outbound_routing_rules", &["ACME"], id.as_str())
            .expect("stored");
        r["emergency"] = json!(false);
    });
    let rerouted = RoutingRuleRequest::number_prefix(10, "+1", 11, 12).sip_trunk("trunk-3");
    let updated = rules.ensure(&rerouted).await.expect("update");
    assert_eq!(field_names(&updated), ["sipTrunkId"]);
    assert_eq!(
        last_body(&sim, "axp.outbound_routing_rules.update")["id"],
        id.as_str()
    );
    let stored = sim
        .item::<RoutingRule>(&["ACME"], id.as_str())
        .expect("read")
        .expect("there");
    assert_eq!(
        stored.sip_trunk_id.as_ref().map(|t| t.as_str()),
        Some("trunk-3")
    );
    assert_eq!(stored.unknown_fields.get("emergency"), Some(&json!(false)));
    assert_eq!(
        sim.with_store(|s| s.count("outbound_routing_rules", &["ACME"])),
        2
    );

    let err = rules
        .plan_all(&[us, rerouted])
        .await
        .expect_err("two with one priority");
    assert_eq!(err.kind(), sdk_core::ErrorKind::InvalidInput);
}

#[tokio::test]
async fn sip_trunks_are_ensured_in_their_caller_id_and_never_created() {
    use axp_voice::sip_trunks::{DesiredSipTrunk, SipTrunk};

    let sim = axp_voice::sim::start().await.expect("simulator");
    let client = axp_voice::sim::client(&sim).expect("client");
    let trunks = client.account("ACME").sip_trunks();
    let id = sim
        .seed(
            "sip_trunks",
            &["ACME"],
            json!({"type": "BYOC", "trunkName": "trunk1.example.com",
                   "provider": "carrier.example.com", "callerId": "caller-1"}),
        )
        .expect("seed");

    let missing = DesiredSipTrunk::new("trunk9.example.com").caller_id("caller-1");
    assert_eq!(trunks.plan(&missing).await.expect("plan"), Plan::Create);
    sim.clear_requests();
    let err = trunks.ensure(&missing).await.expect_err("no create");
    assert_eq!(err.kind(), sdk_core::ErrorKind::InvalidInput);
    assert!(only_reads(&sim, &[]), "nothing but the lookup is sent");

    let same = DesiredSipTrunk::new("trunk1.example.com").caller_id("caller-1");
    sim.clear_requests();
    assert_eq!(
        trunks.ensure(&same).await.expect("ensure").verb(),
        "unchanged"
    );
    assert!(only_reads(&sim, &[]));
    // With no caller id, nothing is managed.
    let bare = DesiredSipTrunk::new("trunk1.example.com");
    assert_eq!(
        trunks.ensure(&bare).await.expect("bare").verb(),
        "unchanged"
    );

    let other = DesiredSipTrunk::new("trunk1.example.com").caller_id("caller-2");
    let updated = trunks.ensure(&other).await.expect("update");
    assert_eq!(field_names(&updated), ["callerId"]);
    // The update is partial: it sends the caller id alone.
    assert_eq!(
        last_body(&sim, "axp.sip_trunks.update_caller_id"),
        json!({"callerId": "caller-2"})
    );
    let stored = sim
        .item::<SipTrunk>(&["ACME"], &id)
        .expect("read")
        .expect("there");
    assert_eq!(stored.caller_id.as_deref(), Some("caller-2"));
    assert_eq!(stored.provider.as_deref(), Some("carrier.example.com"));

    let err = trunks
        .plan_all(&[same, other])
        .await
        .expect_err("two with one name");
    assert_eq!(err.kind(), sdk_core::ErrorKind::InvalidInput);
}

#[tokio::test]
async fn hybrid_extensions_are_found_by_number_and_only_deleted() {
    use axp_voice::hybrid_extensions::{DesiredHybridExtension, HybridExtension};

    let sim = axp_voice::sim::start().await.expect("simulator");
    let client = axp_voice::sim::client(&sim).expect("client");
    let extensions = client
        .account("ACME")
        .communication_manager("cm-1")
        .hybrid_extensions();
    let parents = ["ACME", "cm-1"];
    sim.seed(
        "hybrid_extensions",
        &parents,
        json!({"number": 50003456, "name": "Jon Extension"}),
    )
    .expect("seed");
    sim.seed(
        "hybrid_extensions",
        &parents,
        json!({"number": "50003457", "name": "Ann Extension"}),
    )
    .expect("seed");

    let wanted = [
        DesiredHybridExtension::new(50003456),
        DesiredHybridExtension::new("50003457"),
        DesiredHybridExtension::new(50003458),
    ];
    sim.clear_requests();
    let plans = extensions.plan_all(&wanted).await.expect("plan");
    assert!(
        plans[0].is_unchanged() && plans[1].is_unchanged(),
        "{plans:?}"
    );
    assert_eq!(plans[2], Plan::Create);
    let err = extensions.ensure(&wanted[2]).await.expect_err("no create");
    assert_eq!(err.kind(), sdk_core::ErrorKind::InvalidInput);
    assert!(only_reads(&sim, &[]));

    // Pruning: every extension is found, and one no description names is deleted.
    let all = Ensure::<DesiredHybridExtension>::find(&extensions, &[])
        .await
        .expect("all");
    assert_eq!(all.len(), 2);
    let ann = all
        .iter()
        .find(|e| e.name.as_deref() == Some("Ann Extension"))
        .expect("ann");
    Ensure::<DesiredHybridExtension>::delete(&extensions, ann)
        .await
        .expect("deleted");
    assert_eq!(
        sim.items::<HybridExtension>(&parents).expect("left").len(),
        1
    );

    let err = extensions
        .plan_all(&[wanted[0].clone(), DesiredHybridExtension::new("50003456")])
        .await
        .expect_err("two with one number");
    assert_eq!(err.kind(), sdk_core::ErrorKind::InvalidInput);
}
