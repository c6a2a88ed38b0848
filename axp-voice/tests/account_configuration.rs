//! Account configuration (location profiles, route points, SIP trunks, outbound routing
//! rules, agent locations, phone numbers, ACO elements) on the wire: what is refused before
//! sending, what is left to the service, and how the document's loose answers are read.

use axp_voice::agent_locations::{AgentLocation, AgentLocationRequest};
use axp_voice::elements::ElementRequest;
use axp_voice::location_profiles::LocationProfileRequest;
use axp_voice::phone_numbers::{AvailableNumberQuery, NewPhoneNumber};
use axp_voice::route_points::{RoutePoint, RoutePointRequest};
use axp_voice::routing_rules::{RoutingRule, RoutingRuleRequest};
use axp_voice::sip_trunks::CallerIdUpdate;
use sdk_core::ErrorKind;
use sdk_core::model::NumOrStr;
use serde_json::{Value, json};
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

mod support;
use support::{client, policy, received};

const BASE: &str = "/api/admin/voice/v1/accounts/ABCDEF";

fn rule(id: &str, priority: u32) -> Value {
    json!({
        "id": id, "type": "NUMBER_PREFIX", "priority": priority, "prefix": "+1",
        "minLength": 1, "maxLength": 45,
        "sipTrunkId": "9d70a86a-4f04-4cc4-8de7-363ee8f82726", "isoCountry": "IN-UP",
        "locationIds": ["c8c2909d-75e9-484a-94c0-b7e8d29771fe"]
    })
}

#[tokio::test]
async fn invalid_input_is_refused_before_sending() {
    let server = MockServer::start().await;
    let c = client(&server);
    let account = c.account("ABCDEF");

    let no_servers = LocationProfileRequest::new("LP", "desc", "IN-MH", Vec::<String>::new());
    let e = account
        .location_profiles()
        .create(&no_servers)
        .await
        .expect_err("no SIP server");
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert_eq!(e.field(), Some("sipServerAddressList"));

    let blank_code = LocationProfileRequest::new("LP", "desc", " ", ["sm1.avaya.com"]);
    let e = account
        .location_profiles()
        .update("p1", &blank_code)
        .await
        .expect_err("blank location code");
    assert_eq!(e.field(), Some("locationCode"));

    let e = account
        .route_points()
        .create(&RoutePointRequest::new(50003456, ""))
        .await
        .expect_err("no name");
    assert_eq!(e.field(), Some("name"));

    let e = account
        .sip_trunks()
        .update_caller_id("t1", &CallerIdUpdate::new(""))
        .await
        .expect_err("no caller id");
    assert_eq!(e.field(), Some("callerId"));

    let e = account
        .outbound_routing_rules()
        .create(&RoutingRuleRequest::number_prefix(1, "", 1, 45))
        .await
        .expect_err("no prefix");
    assert_eq!(e.field(), Some("prefix"));

    let e = account
        .outbound_routing_rules()
        .bulk_update(&[])
        .await
        .expect_err("nothing to update");
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    let rules: Vec<RoutingRule> =
        serde_json::from_value(json!([rule("r1", 1), rule("", 2)])).expect("rules");
    let e = account
        .outbound_routing_rules()
        .bulk_update(&rules)
        .await
        .expect_err("a rule without id");
    assert_eq!(e.field(), Some("[1].id"));

    let e = account
        .agent_locations()
        .create(&AgentLocationRequest::new("  ", true))
        .await
        .expect_err("no name");
    assert_eq!(e.field(), Some("name"));

    let e = account
        .aco_elements()
        .create(&ElementRequest::aco(
            "ACO",
            "Production",
            Vec::<String>::new(),
        ))
        .await
        .expect_err("no number");
    assert_eq!(e.field(), Some("didNumbers"));
    let e = account
        .phone_numbers()
        .create(&NewPhoneNumber::new("+16479308804", "Support", ""))
        .await
        .expect_err("no country");
    assert_eq!(e.field(), Some("countryCode"));
    let e = account
        .phone_numbers()
        .get_by_phone_numbers(&["+16479308804", ""])
        .await
        .expect_err("an empty number");
    assert_eq!(e.field(), Some("phoneNumbers[1]"));

    assert!(received(&server).await.is_empty());
}

/// The document's formats (E.164 numbers, ISO 3166-1 country codes) and the lengths it
/// does not state are the service's to judge: a short code, a lower-case country and a
/// long name are sent as given.
#[tokio::test]
async fn number_formats_are_left_to_the_service() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(format!("{BASE}/phone-numbers")))
        .respond_with(
            ResponseTemplate::new(202)
                .set_body_json(json!({"phoneNumberId": "n1", "status": "INPROGRESS"})),
        )
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(format!("{BASE}/aco-elements")))
        .respond_with(
            ResponseTemplate::new(202)
                .set_body_json(json!({"elementId": "e1", "status": "SUCCESS"})),
        )
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(format!("{BASE}/phone-numbers:getByPhoneNumbers")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([])))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{BASE}/available-phone-numbers")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"phoneNumbers": []})))
        .mount(&server)
        .await;
    let c = client(&server);
    let account = c.account("ABCDEF");
    let long = "n".repeat(300);

    let _number = account
        .phone_numbers()
        .create(&NewPhoneNumber::new("12345", long.as_str(), "us"))
        .await
        .expect("sent as given");
    let _element = account
        .aco_elements()
        .create(&ElementRequest::aco(
            long.as_str(),
            "Production",
            ["5551234"],
        ))
        .await
        .expect("sent as given");
    account
        .phone_numbers()
        .get_by_phone_numbers(&["12345"])
        .await
        .expect("sent as given");
    account
        .available_phone_numbers()
        .list(&AvailableNumberQuery::country("us").phone_number("16479308804"))
        .collect_all()
        .await
        .expect("sent as given");

    let sent = received(&server).await;
    assert_eq!(sent.len(), 4);
    let body = |i: usize| serde_json::from_slice::<Value>(&sent[i].body).expect("json");
    assert_eq!(body(0)["phoneNumber"], "12345");
    assert_eq!(body(0)["countryCode"], "us");
    assert_eq!(body(0)["displayName"], long.as_str());
    assert_eq!(body(1)["didNumbers"], json!(["5551234"]));
    assert_eq!(body(1)["name"], long.as_str());
    assert_eq!(body(2), json!(["12345"]));
    let query: Vec<(String, String)> = sent[3].url.query_pairs().into_owned().collect();
    assert!(
        query.contains(&("countryCode".into(), "us".into())),
        "{query:?}"
    );
    assert!(
        query.contains(&("phoneNumber".into(), "16479308804".into())),
        "{query:?}"
    );
}

#[tokio::test]
async fn a_plain_delete_refused_by_a_gateway_fails_with_pending_delete() {
    let server = MockServer::start().await;
    let item = format!("{BASE}/location-profiles/p1");
    Mock::given(method("DELETE"))
        .and(path(&item))
        .respond_with(ResponseTemplate::new(202))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(&item))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"id": "p1", "name": "LP", "status": "IN_PROGRESS"})),
        )
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(&item))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"id": "p1", "name": "LP", "status": "PENDING_DELETE"})),
        )
        .mount(&server)
        .await;
    let c = client(&server);
    let e = c
        .account("ABCDEF")
        .location_profiles()
        .delete("p1")
        .await
        .expect("accepted")
        .policy(policy())
        .wait()
        .await
        .expect_err("refused");
    assert_eq!(e.kind(), ErrorKind::OperationFailed);
    assert_eq!(e.operation_status(), Some("PENDING_DELETE"));
    let reqs = received(&server).await;
    assert_eq!(reqs[0].method.as_str(), "DELETE");
    assert_eq!(
        reqs[0].url.query(),
        None,
        "a plain delete sends no forceDelete"
    );
}

#[tokio::test]
async fn a_forced_delete_waits_through_pending_delete_until_gone() {
    let server = MockServer::start().await;
    let item = format!("{BASE}/location-profiles/p1");
    Mock::given(method("DELETE"))
        .and(path(&item))
        .and(query_param("forceDelete", "true"))
        .respond_with(ResponseTemplate::new(202))
        .mount(&server)
        .await;
    // Still showing the status of the earlier, refused delete, then gone.
    Mock::given(method("GET"))
        .and(path(&item))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"id": "p1", "name": "LP", "status": "PENDING_DELETE"})),
        )
        .up_to_n_times(2)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(&item))
        .respond_with(ResponseTemplate::new(404))
        .mount(&server)
        .await;
    let c = client(&server);
    c.account("ABCDEF")
        .location_profiles()
        .force_delete("p1")
        .await
        .expect("accepted")
        .policy(policy())
        .wait()
        .await
        .expect("gone");
    let gets = received(&server)
        .await
        .iter()
        .filter(|r| r.method.as_str() == "GET")
        .count();
    assert_eq!(gets, 3);
}

#[tokio::test]
async fn a_deleted_profile_answering_204_is_gone_too() {
    let server = MockServer::start().await;
    let item = format!("{BASE}/location-profiles/p1");
    Mock::given(method("DELETE"))
        .and(path(&item))
        .respond_with(ResponseTemplate::new(202))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(&item))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let c = client(&server);
    c.account("ABCDEF")
        .location_profiles()
        .delete("p1")
        .await
        .expect("accepted")
        .policy(policy())
        .wait()
        .await
        .expect("gone");
}

#[tokio::test]
async fn a_profile_update_polls_the_profile_in_the_path_not_the_url() {
    let server = MockServer::start().await;
    // The document's answer names another account and profile (an example slip).
    Mock::given(method("PUT"))
        .and(path(format!("{BASE}/location-profiles/p1")))
        .respond_with(ResponseTemplate::new(202).set_body_json(json!({
            "url": "/api/admin/voice/v1/accounts/NCWBNY/location-profiles/5e9be49a"
        })))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{BASE}/location-profiles/p1")))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"id": "p1", "name": "LP", "status": "SUCCESS"})),
        )
        .mount(&server)
        .await;
    let c = client(&server);
    let h = c
        .account("ABCDEF")
        .location_profiles()
        .update(
            "p1",
            &LocationProfileRequest::new("LP", "d", "IN-MH", ["sm1.avaya.com"]),
        )
        .await
        .expect("accepted");
    assert_eq!(h.id(), Some("p1"));
    let p = h.policy(policy()).wait().await.expect("updated");
    assert_eq!(p.id.as_str(), "p1");
}

#[tokio::test]
async fn caller_id_and_rule_updates_take_200_and_202_alike() {
    let trunk = json!({
        "id": "t1", "type": "BYOC", "seqNumber": 1,
        "provider": "umhgjt.eu.cc.avayacloud.com", "callerId": "c8c2909d-75e9-484a-94c0-b7e8d29771fg"
    });
    for status in [200, 202] {
        let server = MockServer::start().await;
        Mock::given(method("PUT"))
            .and(path(format!("{BASE}/sip-trunks/t1")))
            .respond_with(ResponseTemplate::new(status).set_body_json(&trunk))
            .mount(&server)
            .await;
        Mock::given(method("PUT"))
            .and(path(format!("{BASE}/outbound-routing-rules/r1")))
            .respond_with(ResponseTemplate::new(status).set_body_json(rule("r1", 95)))
            .mount(&server)
            .await;
        let c = client(&server);
        let t = c
            .account("ABCDEF")
            .sip_trunks()
            .update_caller_id(
                "t1",
                &CallerIdUpdate::new("c8c2909d-75e9-484a-94c0-b7e8d29771fg"),
            )
            .await
            .unwrap_or_else(|e| panic!("{status}: {e:?}"));
        assert_eq!(
            t.caller_id.as_deref(),
            Some("c8c2909d-75e9-484a-94c0-b7e8d29771fg")
        );
        let r = c
            .account("ABCDEF")
            .outbound_routing_rules()
            .update(
                "r1",
                &RoutingRuleRequest::number_prefix(95, "+1", 1, 45).iso_country("IN-UP"),
            )
            .await
            .unwrap_or_else(|e| panic!("{status}: {e:?}"));
        assert_eq!(r.priority, 95);
        // The caller-id PUT sends only callerId.
        let sent: Value = serde_json::from_slice(&received(&server).await[0].body).expect("json");
        assert_eq!(
            sent,
            json!({"callerId": "c8c2909d-75e9-484a-94c0-b7e8d29771fg"})
        );
    }
}

#[test]
fn route_point_numbers_keep_their_json_type() {
    for body in [
        json!({"id": "x", "number": 50003456, "name": "Jon"}),
        json!({"id": "x", "number": "50003456", "name": "Jon"}),
    ] {
        let p: RoutePoint = serde_json::from_value(body.clone()).expect("either type");
        assert_eq!(p.number.as_ref().and_then(NumOrStr::as_u64), Some(50003456));
        assert_eq!(serde_json::to_value(&p).expect("serialises"), body);
    }
    let req = serde_json::to_value(RoutePointRequest::new(50003456, "Jon")).expect("json");
    assert_eq!(req, json!({"number": 50003456, "name": "Jon"}));
}

#[test]
fn agent_location_requests_leave_the_read_only_fields_out() {
    let req = AgentLocationRequest::new("uk-1", true).description("UK");
    assert_eq!(
        serde_json::to_value(&req).expect("json"),
        json!({"name": "uk-1", "description": "UK", "isDialingRestrictionEnabled": true})
    );
    // List items come without users and rules; single reads with them.
    let summary: AgentLocation = serde_json::from_value(
        json!({"id": "l1", "name": "uk-1", "isDialingRestrictionEnabled": true}),
    )
    .expect("summary");
    assert!(summary.users.is_none());
    let full: AgentLocation = serde_json::from_value(json!({
        "id": "l1", "name": "uk-1",
        "users": [{"userId": "u1", "loginId": "agent@example.com"}],
        "outboundRoutingRules": [{"id": "r1", "name": "Outbound Rule"}]
    }))
    .expect("full");
    let users = full.users.expect("users");
    assert_eq!(users[0].login_id.as_deref(), Some("agent@example.com"));
}

#[tokio::test]
async fn routing_rules_page_by_pagination_with_empty_links() {
    let server = MockServer::start().await;
    let list = format!("{BASE}/outbound-routing-rules");
    let pages = [
        vec![rule("r1", 1), rule("r2", 2)],
        vec![rule("r3", 3), rule("r4", 4)],
        vec![rule("r5", 5)],
    ];
    for (i, items) in pages.iter().enumerate() {
        let n = i + 1;
        Mock::given(method("GET"))
            .and(path(&list))
            .and(query_param("pageNumber", n.to_string()))
            .and(query_param("pageSize", "2"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "pagination": {"pageNumber": n, "pageSize": 2, "total": 5},
                "outboundRoutingRules": items,
                "links": {"prev": "", "next": ""}
            })))
            .expect(1)
            .mount(&server)
            .await;
    }
    let c = client(&server);
    let all = c
        .account("ABCDEF")
        .outbound_routing_rules()
        .list()
        .page_size(2)
        .collect_all()
        .await
        .expect("three pages");
    let ids: Vec<&str> = all.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["r1", "r2", "r3", "r4", "r5"]);
    assert_eq!(received(&server).await.len(), 3);
}

#[tokio::test]
async fn bulk_update_sends_a_bare_array_and_reads_one_back() {
    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .and(path(format!("{BASE}/outbound-routing-rules")))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!([rule("r2", 10), rule("r1", 20)])),
        )
        .mount(&server)
        .await;
    let rules: Vec<RoutingRule> =
        serde_json::from_value(json!([rule("r1", 20), rule("r2", 10)])).expect("rules");
    let c = client(&server);
    let updated = c
        .account("ABCDEF")
        .outbound_routing_rules()
        .bulk_update(&rules)
        .await
        .expect("updated");
    assert_eq!(updated.len(), 2);
    assert_eq!(updated[0].id.as_str(), "r2");
    let sent: Value = serde_json::from_slice(&received(&server).await[0].body).expect("json");
    assert_eq!(sent, json!([rule("r1", 20), rule("r2", 10)]));
}

/// The simulator's description of the synchronous families: what users' own tests run on.
#[cfg(feature = "simulator")]
#[tokio::test]
async fn the_simulator_keeps_the_account_configuration() {
    let sim = axp_voice::sim::start().await.expect("simulator");
    let c = axp_voice::AxpClient::builder()
        .base_url(sim.base_url())
        .allow_http(true)
        .no_auth()
        .http_client(support::http())
        .build()
        .expect("client");
    let account = c.account("ABCDEF");

    let points = account.route_points();
    let p = points
        .create(&RoutePointRequest::new(50003456, "Jon Extension"))
        .await
        .expect("created");
    let renamed = points
        .update(&p.id, &RoutePointRequest::new(50003456, "Jon"))
        .await
        .expect("updated");
    assert_eq!(renamed.name.as_deref(), Some("Jon"));
    points.delete(&p.id).await.expect("deleted");
    assert!(points.get(&p.id).await.is_err_and(|e| e.is_not_found()));

    sim.seed(
        "sip_trunks",
        &["ABCDEF"],
        json!({"id": "t1", "type": "MSTEAMS_SIP_TRUNK", "callerId": "old"}),
    )
    .expect("seeded");
    let t = account
        .sip_trunks()
        .update_caller_id("t1", &CallerIdUpdate::new("new"))
        .await
        .expect("updated");
    assert_eq!(t.caller_id.as_deref(), Some("new"));
    assert_eq!(
        t.kind.as_ref().map(|k| k.as_str()),
        Some("MSTEAMS_SIP_TRUNK")
    );

    let rules = account.outbound_routing_rules();
    let a = rules
        .create(&RoutingRuleRequest::number_prefix(1, "+1", 1, 45))
        .await
        .expect("created");
    let b = rules
        .create(&RoutingRuleRequest::number_prefix(2, "+44", 1, 45))
        .await
        .expect("created");
    let mut swapped = rules.list().collect_all().await.expect("listed");
    swapped[0].priority = 2;
    swapped[1].priority = 1;
    let updated = rules.bulk_update(&swapped).await.expect("bulk");
    assert_eq!(updated[0].id, b.id, "sorted by priority");
    assert_eq!(rules.get(&a.id).await.expect("read").priority, 2);

    let locations = account.agent_locations();
    let l = locations
        .create(&AgentLocationRequest::new("uk-1", true))
        .await
        .expect("created");
    assert_eq!(l.users.as_deref(), Some(&[][..]));
    let listed = locations.list().collect_all().await.expect("listed");
    assert_eq!(listed.len(), 1);
    assert!(listed[0].users.is_none(), "lists show summaries");
}
