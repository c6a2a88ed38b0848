//! Wire behaviour of the call-center operations beyond the catalog examples: bad input,
//! ids that need encoding, partial modifies, errors and retries.

use apio_callcenter::ApioClient;
use apio_callcenter::ErrorKind;
use apio_callcenter::call_centers::{
    ActiveStatus, CallCenterUpdate, NewCallCenter, Policy, ServiceInstanceProfile,
};
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn client(server: &MockServer) -> ApioClient {
    ApioClient::builder()
        .base_url(server.uri())
        .allow_http(true)
        .bearer("t")
        .build()
        .expect("a valid client")
}

fn instance(id: &str) -> serde_json::Value {
    json!({"callCenterInstance": {"serviceUserId": id, "serviceInstanceProfile": {"name": "X"}, "policy": "Regular", "type": "Basic"}})
}

#[tokio::test]
async fn bad_ids_are_refused_before_sending() {
    let server = MockServer::start().await;
    let c = client(&server);
    let err = c
        .tenant("")
        .group("g")
        .call_centers()
        .list()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(err.field(), Some("tenant_id"));
    assert_eq!(err.operation(), Some("apio.call_centers.list"));
    let err = c
        .tenant("t")
        .group("g")
        .call_centers()
        .get("..")
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("call_center_name"));
    let err = c
        .tenant("t")
        .group("g")
        .call_centers()
        .delete("")
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn a_slash_in_an_id_stays_inside_its_segment_and_at_signs_stay_raw() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(instance("a/b@sip.example.com")))
        .mount(&server)
        .await;
    let c = client(&server);
    let got = c
        .tenant("t 1")
        .group("g")
        .call_centers()
        .get("a/b@sip.example.com")
        .await
        .unwrap();
    assert_eq!(got.service_user_id.as_str(), "a/b@sip.example.com");
    c.tenant("t")
        .group("g")
        .call_centers()
        .get("+3225551234@sip.example.com")
        .await
        .unwrap();
    let reqs = server.received_requests().await.unwrap();
    assert_eq!(
        reqs[0].url.path(),
        "/api/v1/tenants/t%201/groups/g/services/call_centers/a%2Fb@sip.example.com/"
    );
    assert_eq!(
        reqs[1].url.path(),
        "/api/v1/tenants/t/groups/g/services/call_centers/+3225551234@sip.example.com/"
    );
}

#[tokio::test]
async fn a_client_without_credentials_is_refused() {
    let err = ApioClient::builder()
        .base_url("https://apio.example.com")
        .build()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(err.field(), Some("auth"));
    let ok = ApioClient::builder()
        .base_url("https://apio.example.com")
        .no_auth()
        .build();
    assert!(ok.is_ok());
}

#[tokio::test]
async fn create_validates_and_is_never_retried() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(503))
        .mount(&server)
        .await;
    let c = client(&server);
    let centers = c.tenant("t").group("g").call_centers();

    let err = centers
        .create(&NewCallCenter::new(
            ServiceInstanceProfile::default(),
            Policy::Regular,
        ))
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("serviceInstanceProfile.name"));
    assert!(server.received_requests().await.unwrap().is_empty());

    let err = centers
        .create(&NewCallCenter::new(
            ServiceInstanceProfile::named("X"),
            Policy::Regular,
        ))
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(
        server.received_requests().await.unwrap().len(),
        1,
        "a create that may have reached the server is not repeated"
    );
}

#[tokio::test]
async fn modify_sends_only_the_fields_set_and_takes_the_new_id_from_the_answer() {
    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .respond_with(ResponseTemplate::new(200).set_body_json(instance("renamed@sip.example.com")))
        .mount(&server)
        .await;
    let c = client(&server);
    let mut profile = ServiceInstanceProfile::default();
    profile.language = Some("French".into());
    let out = c
        .tenant("t")
        .group("g")
        .call_centers()
        .modify(
            "old@sip.example.com",
            &CallCenterUpdate::default()
                .profile(profile)
                .queue_length(10),
        )
        .await
        .unwrap();
    assert_eq!(out.service_user_id.as_str(), "renamed@sip.example.com");
    let body: serde_json::Value = server.received_requests().await.unwrap()[0]
        .body_json()
        .unwrap();
    assert_eq!(
        body,
        json!({"serviceInstanceProfile": {"language": "French"}, "queueLength": 10})
    );

    let err = c
        .tenant("t")
        .group("g")
        .call_centers()
        .modify("x@y", &CallCenterUpdate::default())
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("change"));
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn answers_bare_or_wrapped_and_errors_carry_the_server_message() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(201).set_body_json(instance("n@d")["callCenterInstance"].clone()),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(
            "/api/v1/tenants/t/groups/g/services/call_centers/missing@d/",
        ))
        .respond_with(
            ResponseTemplate::new(404)
                .insert_header("x-request-id", "req-9")
                .set_body_json(json!({"error": "call center not found"})),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v1/tenants/t/groups/g/services/call_centers/"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"call_centers": []})))
        .mount(&server)
        .await;
    let centers_client = client(&server);
    let centers = centers_client.tenant("t").group("g").call_centers();
    let created = centers
        .create(&NewCallCenter::new(
            ServiceInstanceProfile::named("X"),
            Policy::Regular,
        ))
        .await
        .unwrap();
    assert_eq!(created.service_user_id.as_str(), "n@d");
    let err = centers.get("missing@d").await.unwrap_err();
    assert!(err.is_not_found());
    assert_eq!(err.vendor_message(), Some("call center not found"));
    assert_eq!(err.request_id(), Some("req-9"));
    assert!(centers.list().await.unwrap().is_empty());
}

#[tokio::test]
async fn set_active_status_refuses_an_empty_list_and_sends_the_batch() {
    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
        .mount(&server)
        .await;
    let c = client(&server);
    let centers = c.tenant("t").group("g").call_centers();
    assert_eq!(
        centers.set_active_status(&[]).await.unwrap_err().field(),
        Some("services")
    );
    centers
        .set_active_status(&[
            ActiveStatus::new("a@d", true),
            ActiveStatus::new("b@d", false),
        ])
        .await
        .unwrap();
    let reqs = server.received_requests().await.unwrap();
    assert_eq!(reqs.len(), 1);
    assert_eq!(
        reqs[0].url.path(),
        "/api/v1/tenants/t/groups/g/services/call_centers/active_instance/"
    );
    assert_eq!(
        reqs[0].body_json::<serde_json::Value>().unwrap(),
        json!({"services": [{"serviceUserId": "a@d", "active": true}, {"serviceUserId": "b@d", "active": false}]})
    );
}

#[test]
fn passwords_never_show_in_debug_output() {
    let mut profile = ServiceInstanceProfile::named("X");
    profile.password = Some("s3cret-Pa55".into());
    let req = NewCallCenter::new(profile, Policy::Regular);
    let shown = format!("{req:?}");
    assert!(!shown.contains("s3cret-Pa55"), "{shown}");
    assert!(
        serde_json::to_string(&req).unwrap().contains("s3cret-Pa55"),
        "but it is sent"
    );
}

#[tokio::test]
async fn an_answer_that_is_not_the_model_is_a_decode_error_naming_the_operation() {
    let server = MockServer::start().await;
    let c = client(&server);
    let centers = c.tenant("t").group("g").call_centers();
    for body in [json!({"error": "x"}), json!([]), json!("x"), json!({})] {
        server.reset().await;
        Mock::given(method("GET"))
            .respond_with(ResponseTemplate::new(200).set_body_json(body.clone()))
            .mount(&server)
            .await;
        let err = centers.get("a@d").await.expect_err("not a call center");
        assert_eq!(err.kind(), ErrorKind::Decode, "{body}: {err}");
        assert_eq!(err.operation(), Some("apio.call_centers.get"), "{body}");
        let err = centers.list().await.expect_err("not a list");
        assert_eq!(err.kind(), ErrorKind::Decode, "{body}: {err}");
        assert_eq!(err.operation(), Some("apio.call_centers.list"), "{body}");
    }
}

#[tokio::test]
async fn fields_the_sdk_does_not_name_are_readable_from_every_answer() {
    let server = MockServer::start().await;
    let mut one = instance("a@d");
    one["callCenterInstance"]["overflowTarget"] = json!("vm@d");
    one["callCenterInstance"]["serviceInstanceProfile"]["alias"] = json!("help");
    Mock::given(method("GET"))
        .and(path(
            "/api/v1/tenants/t/groups/g/services/call_centers/a@d/",
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(one))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v1/tenants/t/groups/g/services/call_centers/"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"call_centers": [
                {"serviceUserId": "a@d", "active": true, "queueCount": 3,
                 "department": {"departmentName": "d", "level": 2}}
            ]})),
        )
        .mount(&server)
        .await;
    let c = client(&server);
    let centers = c.tenant("t").group("g").call_centers();
    let got = centers.get("a@d").await.unwrap();
    assert_eq!(
        got.unknown_fields.get("overflowTarget"),
        Some(&json!("vm@d"))
    );
    assert_eq!(got.unknown_fields.len(), 1);
    assert_eq!(
        got.service_instance_profile.unknown_fields.get("alias"),
        Some(&json!("help"))
    );
    let list = centers.list().await.unwrap();
    assert_eq!(list[0].unknown_fields.get("queueCount"), Some(&json!(3)));
    assert_eq!(
        list[0]
            .department
            .as_ref()
            .unwrap()
            .unknown_fields
            .get("level"),
        Some(&json!(2))
    );
}
