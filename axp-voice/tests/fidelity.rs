//! Nothing the server sends is lost: the fields a model does not name go back in the update
//! built from it, the message of a resource that ends `FAILED` reaches
//! [`OperationFailed`](ErrorKind::OperationFailed), and an answer that does not fit its
//! model is a decode error naming the operation, never an `Ok` with empty fields.

use axp_voice::agent_locations::AgentLocationRequest;
use axp_voice::communication_managers::CommunicationManagerRequest;
use axp_voice::device_services::AvayaAuraDeviceServiceRequest;
use axp_voice::elements::ElementRequest;
use axp_voice::hcg_systems::{PublicKeyAlgorithm, PublicKeyUpdate};
use axp_voice::hybrid_cloud_gateways::HybridCloudGatewayRequest;
use axp_voice::location_profiles::LocationProfileRequest;
use axp_voice::phone_numbers::PhoneNumberUpdate;
use axp_voice::reason_codes::{NewReasonCode, ReasonCodeType, ReasonCodeUpdate};
use axp_voice::route_points::RoutePointRequest;
use axp_voice::routing_rules::RoutingRuleRequest;
use axp_voice::skills::SkillRequest;
use axp_voice::system_managers::SystemManagerRequest;
use axp_voice::voice_plans::VoicePlanRequest;
use axp_voice::{AxpClient, CommunicationManager};
use sdk_core::ErrorKind;
use serde_json::{Value, json};
use wiremock::matchers::{any, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

mod support;
use support::{client, policy, received};

const BASE: &str = "/api/admin/voice/v1/accounts/ABCDEF";
const CM: &str = "/api/admin/voice/v1/accounts/ABCDEF/communication-managers/cm1";

/// A field no model names, nested so that its shape must survive too.
fn future() -> Value {
    json!({"since": "v2", "values": [1, "two", null]})
}

/// `answer` with the field no model names.
fn with_future(mut answer: Value) -> Value {
    answer["futureField"] = future();
    answer
}

fn cm(c: &AxpClient) -> CommunicationManager<'_> {
    c.account("ABCDEF").communication_manager("cm1")
}

/// One resource of the read-modify-write test: its item path, its GET answer (with the
/// unknown field) and the answer of its PUT.
struct Resource {
    path: String,
    get: Value,
    put_status: u16,
    put: Value,
}

impl Resource {
    /// A resource whose PUT answers 202 with its url.
    fn accepted(path: String, get: Value) -> Self {
        let put = json!({ "url": path.clone() });
        Resource {
            path,
            get: with_future(get),
            put_status: 202,
            put,
        }
    }

    /// A resource whose PUT answers `status` with the resource.
    fn echoed(path: String, status: u16, get: Value) -> Self {
        let get = with_future(get);
        Resource {
            path,
            put: get.clone(),
            get,
            put_status: status,
        }
    }
}

fn resources() -> Vec<Resource> {
    vec![
        Resource::echoed(
            format!("{BASE}/aco-elements/e1"),
            202,
            json!({"elementId": "e1", "name": "ACO", "environment": "Production",
                   "didNumbers": ["+16062128688"], "elementType": "ACO", "status": "SUCCESS"}),
        ),
        Resource::echoed(
            format!("{BASE}/phone-numbers/p1"),
            202,
            json!({"phoneNumberId": "p1", "phoneNumber": "+16479308804", "displayName": "Support",
                   "isCallingPartyNumber": true, "status": "ACTIVE", "preferredMediaLocation": "US-LA"}),
        ),
        Resource::accepted(
            format!("{BASE}/avaya-aura-device-services/a1"),
            json!({"id": "a1", "name": "AADS", "hostname": "aads.avaya.com", "port": 443,
                   "description": "AADS Server", "oidcDiscoveryUrl": "https://na/x"}),
        ),
        Resource::accepted(
            format!("{BASE}/communication-managers/c1"),
            json!({"id": "c1", "name": "CM4696", "description": "CM", "hostname": "cm.stage",
                   "port": "5022", "username": "cust", "password": "pw", "version": "V10_X",
                   "hybridCloudGatewayId": "g1", "status": "SUCCESS"}),
        ),
        Resource::accepted(
            format!("{BASE}/hybrid-cloud-gateways/g1"),
            json!({"id": "g1", "name": "AHCG123", "description": "HCG", "systemId": "sys-1",
                   "publicKey": "MIIBOg", "publicKeyAlgorithm": "ES256", "locationCode": "IN-MH",
                   "sessionManagerFqdnList": ["sm1906.avaya.com"],
                   "isTermsAndConditionsAccepted": true, "status": "SUCCESS"}),
        ),
        Resource::accepted(
            format!("{BASE}/system-managers/s1"),
            json!({"id": "s1", "name": "SMGR", "description": "SMGR", "primaryHostname": "p.stage",
                   "secondaryHostname": "s.stage", "username": "u", "password": "pw",
                   "enrollmentPassword": "epw", "activeSystemManager": "PRIMARY",
                   "useForCerts": true, "status": "SUCCESS"}),
        ),
        Resource::accepted(
            format!("{CM}/reason-codes/r1"),
            json!({"reasonCodeId": "r1", "codeName": "Lunch", "codeNumber": "89",
                   "codeType": "NOT_READY", "isInterruptible": false, "status": "SUCCESS"}),
        ),
        Resource::echoed(
            format!("{CM}/voice-plans/v1"),
            200,
            json!({"voicePlanId": "v1", "name": "Agents", "type": "USER", "userProfileId": "ASEDFG",
                   "agentDialPlanRange": ["20000:20100"]}),
        ),
        Resource::echoed(
            format!("{CM}/skills/k1"),
            200,
            json!({"id": "k1", "name": "French", "number": "1", "extension": "253647784",
                   "agentAssistProfileId": "1f15"}),
        ),
        Resource::echoed(
            format!("{BASE}/extensions/x1"),
            200,
            json!({"id": "x1", "number": 50003456, "name": "Jon Extension"}),
        ),
        Resource::accepted(
            format!("{BASE}/location-profiles/l1"),
            json!({"id": "l1", "name": "IN", "description": "Mumbai", "locationCode": "IN-MH",
                   "sipServerAddressList": ["sm1906.avaya.com"], "isMediaLatchingEnabled": true,
                   "status": "SUCCESS"}),
        ),
        Resource::echoed(
            format!("{BASE}/outbound-routing-rules/o1"),
            200,
            json!({"id": "o1", "type": "NUMBER_PREFIX", "priority": 92, "prefix": "+1",
                   "minLength": 1, "maxLength": 45, "isoCountry": "IN-UP"}),
        ),
        Resource::echoed(
            format!("{BASE}/agent-locations/al1"),
            200,
            json!({"id": "al1", "name": "uk-1", "isDialingRestrictionEnabled": true,
                   "users": [{"userId": "u1", "loginId": "l1"}],
                   "outboundRoutingRules": [{"id": "o1", "name": "r"}]}),
        ),
    ]
}

#[tokio::test]
async fn an_update_built_from_a_read_resource_sends_back_what_the_sdk_does_not_name() {
    let server = MockServer::start().await;
    let resources = resources();
    for r in &resources {
        Mock::given(method("GET"))
            .and(path(r.path.as_str()))
            .respond_with(ResponseTemplate::new(200).set_body_json(&r.get))
            .mount(&server)
            .await;
        Mock::given(method("PUT"))
            .and(path(r.path.as_str()))
            .respond_with(ResponseTemplate::new(r.put_status).set_body_json(&r.put))
            .mount(&server)
            .await;
    }
    let c = client(&server);
    let a = c.account("ABCDEF");

    let e = a.aco_elements().get("e1").await.expect("element");
    assert_eq!(e.unknown_fields.get("futureField"), Some(&future()));
    let body = ElementRequest::from(&e).description("renamed");
    let _ = a.aco_elements().update("e1", &body).await.expect("element");
    let n = a.phone_numbers().get("p1").await.expect("number");
    let body = PhoneNumberUpdate::from(&n);
    let _ = a.phone_numbers().update("p1", &body).await.expect("number");
    let aads = a.avaya_aura_device_services();
    let body = AvayaAuraDeviceServiceRequest::from(&aads.get("a1").await.expect("AADS"));
    let _ = aads.update("a1", &body).await.expect("AADS");
    let cms = a.communication_managers();
    let body = CommunicationManagerRequest::from(&cms.get("c1").await.expect("CM"));
    let _ = cms.update("c1", &body).await.expect("CM");
    let gateways = a.hybrid_cloud_gateways();
    let body = HybridCloudGatewayRequest::from(&gateways.get("g1").await.expect("HCG"));
    let _ = gateways.update("g1", &body).await.expect("HCG");
    let smgrs = a.system_managers();
    let body = SystemManagerRequest::from(&smgrs.get("s1").await.expect("SMGR"));
    let _ = smgrs.update("s1", &body).await.expect("SMGR");
    let codes = cm(&c).reason_codes();
    let body = ReasonCodeUpdate::from(&codes.get("r1").await.expect("code")).interruptible(true);
    let _ = codes.update("r1", &body).await.expect("code");
    let plans = cm(&c).voice_plans();
    let body = VoicePlanRequest::from(&plans.get("v1").await.expect("plan"));
    plans.update("v1", &body).await.expect("plan");
    let skills = cm(&c).skills();
    let skill = skills.get("k1").await.expect("skill").into_skill();
    skills
        .update("k1", &SkillRequest::from(&skill))
        .await
        .expect("skill");
    let points = a.route_points();
    let body = RoutePointRequest::from(&points.get("x1").await.expect("route point"));
    points.update("x1", &body).await.expect("route point");
    let profiles = a.location_profiles();
    let body = LocationProfileRequest::from(&profiles.get("l1").await.expect("profile"));
    let _ = profiles.update("l1", &body).await.expect("profile");
    let rules = a.outbound_routing_rules();
    let body = RoutingRuleRequest::from(&rules.get("o1").await.expect("rule"));
    rules.update("o1", &body).await.expect("rule");
    let locations = a.agent_locations();
    let body = AgentLocationRequest::from(&locations.get("al1").await.expect("location"));
    locations.update("al1", &body).await.expect("location");

    let puts: Vec<_> = received(&server)
        .await
        .into_iter()
        .filter(|r| r.method.as_str() == "PUT")
        .collect();
    assert_eq!(puts.len(), resources.len());
    for (put, r) in puts.iter().zip(&resources) {
        assert_eq!(put.url.path(), r.path);
        let body: Value = serde_json::from_slice(&put.body).expect("a JSON body");
        assert_eq!(body["futureField"], future(), "{}", r.path);
        // Parsing keeps one value per key: a key sent twice would make the body shorter.
        assert_eq!(
            serde_json::to_vec(&body).expect("JSON").len(),
            put.body.len(),
            "{}: no field sent twice",
            r.path
        );
        // Everything the update sends comes from the answer (the description aside, which
        // the element update changes, and the interruptibility of the reason code).
        for (k, v) in body.as_object().expect("an object") {
            if !["description", "isInterruptible", "port"].contains(&k.as_str()) {
                assert_eq!(&r.get[k], v, "{}: {k}", r.path);
            }
        }
    }
    let cm_body: Value = serde_json::from_slice(&puts[3].body).expect("JSON");
    assert_eq!(
        cm_body,
        json!({"name": "CM4696", "description": "CM", "hostname": "cm.stage", "port": "5022",
               "username": "cust", "password": "pw", "version": "V10_X",
               "hybridCloudGatewayId": "g1", "futureField": future()}),
        "the read values, the id and status left out, the unknown field sent back"
    );
    let aads_body: Value = serde_json::from_slice(&puts[2].body).expect("JSON");
    assert_eq!(aads_body["port"], json!(443));
}

#[tokio::test]
async fn a_body_built_by_hand_sends_no_unknown_field() {
    let code = ReasonCodeUpdate::new("Lunch");
    assert!(code.specific.unknown_fields.is_empty());
    assert_eq!(
        serde_json::to_value(&code).expect("JSON"),
        json!({"codeName": "Lunch", "isInterruptible": false})
    );
    let created = NewReasonCode::new("Lunch", "89", ReasonCodeType::NotReady);
    assert_eq!(
        serde_json::to_value(&created).expect("JSON"),
        json!({"codeName": "Lunch", "codeNumber": "89", "codeType": "NOT_READY",
               "isInterruptible": false})
    );
}

#[tokio::test]
async fn a_read_resource_missing_what_an_update_requires_is_refused_before_sending() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!("{BASE}/communication-managers/c1")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": "c1"})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{BASE}/avaya-aura-device-services/a1")))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"id": "a1", "name": "AADS", "hostname": "h", "description": "d"}),
        ))
        .mount(&server)
        .await;
    let c = client(&server);
    let cms = c.account("ABCDEF").communication_managers();
    let body = CommunicationManagerRequest::from(&cms.get("c1").await.expect("CM"));
    let err = cms.update("c1", &body).await.expect_err("no name");
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(err.field(), Some("name"));
    let aads = c.account("ABCDEF").avaya_aura_device_services();
    let body = AvayaAuraDeviceServiceRequest::from(&aads.get("a1").await.expect("AADS"));
    let err = aads.update("a1", &body).await.expect_err("no port");
    assert_eq!(err.field(), Some("port"));
    assert!(
        received(&server)
            .await
            .iter()
            .all(|r| r.method.as_str() == "GET"),
        "nothing is sent"
    );
}

/// Mounts `answer` for `method` on `path`, for every request.
async fn answer(server: &MockServer, verb: &str, at: String, status: u16, body: Value) {
    Mock::given(method(verb))
        .and(path(at))
        .respond_with(ResponseTemplate::new(status).set_body_json(body))
        .mount(server)
        .await;
}

#[tokio::test]
async fn a_resource_that_ends_failed_carries_the_servers_message() {
    let server = MockServer::start().await;
    let in_use = "DID number +16062128688 is already assigned";
    // ACO elements: the 202 body is the element in progress, its GET says why it failed.
    answer(
        &server,
        "POST",
        format!("{BASE}/aco-elements"),
        202,
        json!({"elementId": "e1", "name": "ACO", "status": "IN_PROGRESS"}),
    )
    .await;
    answer(
        &server,
        "GET",
        format!("{BASE}/aco-elements/e1"),
        200,
        json!({"elementId": "e1", "name": "ACO", "status": "FAILED", "statusMessage": in_use}),
    )
    .await;
    // Communication Managers: 202 with a url, then the GET.
    let unreachable = "Unable to reach the Communication Manager through the gateway";
    answer(
        &server,
        "POST",
        format!("{BASE}/communication-managers"),
        202,
        json!({"url": format!("{BASE}/communication-managers/c1")}),
    )
    .await;
    answer(
        &server,
        "GET",
        format!("{BASE}/communication-managers/c1"),
        200,
        json!({"id": "c1", "status": "FAILED", "statusMessage": unreachable}),
    )
    .await;
    // A reason code that says it in `message`, one being deleted in `errorMessage`.
    answer(
        &server,
        "POST",
        format!("{CM}/reason-codes"),
        202,
        json!({"url": format!("{CM}/reason-codes/r1")}),
    )
    .await;
    answer(
        &server,
        "GET",
        format!("{CM}/reason-codes/r1"),
        200,
        json!({"reasonCodeId": "r1", "status": "FAILED", "message": "codeNumber 89 is taken"}),
    )
    .await;
    answer(
        &server,
        "DELETE",
        format!("{CM}/reason-codes/r2"),
        202,
        json!({}),
    )
    .await;
    answer(
        &server,
        "GET",
        format!("{CM}/reason-codes/r2"),
        200,
        json!({"reasonCodeId": "r2", "status": "FAILED", "errorMessage": "the CM refused"}),
    )
    .await;
    // A phone number names its statusMessage; an empty one says nothing.
    answer(
        &server,
        "PUT",
        format!("{BASE}/phone-numbers/p1"),
        202,
        json!({"phoneNumberId": "p1", "status": "INPROGRESS"}),
    )
    .await;
    answer(
        &server,
        "GET",
        format!("{BASE}/phone-numbers/p1"),
        200,
        json!({"phoneNumberId": "p1", "status": "DISABLED", "statusMessage": "",
               "message": "the carrier disabled the number"}),
    )
    .await;
    let c = client(&server);
    let a = c.account("ABCDEF");

    let element = ElementRequest::aco("ACO", "Production", ["+16062128688"]);
    let err = a
        .aco_elements()
        .create(&element)
        .await
        .expect("accepted")
        .policy(policy())
        .wait()
        .await
        .expect_err("FAILED");
    assert_eq!(err.kind(), ErrorKind::OperationFailed);
    assert_eq!(err.operation_status(), Some("FAILED"));
    assert_eq!(err.vendor_message(), Some(in_use));

    let request = CommunicationManagerRequest::new("CM", "CM", "g1");
    let err = a
        .communication_managers()
        .create(&request)
        .await
        .expect("accepted")
        .policy(policy())
        .wait()
        .await
        .expect_err("FAILED");
    assert_eq!(err.kind(), ErrorKind::OperationFailed);
    assert_eq!(err.vendor_message(), Some(unreachable));

    let codes = cm(&c).reason_codes();
    let lunch = NewReasonCode::new("Lunch", "89", ReasonCodeType::NotReady);
    let err = codes
        .create(&lunch)
        .await
        .expect("accepted")
        .policy(policy())
        .wait()
        .await
        .expect_err("FAILED");
    assert_eq!(err.vendor_message(), Some("codeNumber 89 is taken"));
    let err = codes
        .delete("r2")
        .await
        .expect("accepted")
        .policy(policy())
        .wait()
        .await
        .expect_err("FAILED");
    assert_eq!(err.kind(), ErrorKind::OperationFailed);
    assert_eq!(err.vendor_message(), Some("the CM refused"));

    let err = a
        .phone_numbers()
        .update("p1", &PhoneNumberUpdate::new("Support", false))
        .await
        .expect("accepted")
        .policy(policy())
        .wait()
        .await
        .expect_err("DISABLED");
    assert_eq!(err.operation_status(), Some("DISABLED"));
    assert_eq!(
        err.vendor_message(),
        Some("the carrier disabled the number")
    );
}

#[tokio::test]
async fn an_answer_that_does_not_fit_is_a_decode_error_naming_the_operation() {
    for body in [json!({"error": "x"}), json!([]), json!("x")] {
        let server = MockServer::start().await;
        Mock::given(any())
            .respond_with(ResponseTemplate::new(200).set_body_json(&body))
            .mount(&server)
            .await;
        let c = client(&server);
        let a = c.account("ABCDEF");
        let key = PublicKeyUpdate::new("MIIBOg", PublicKeyAlgorithm::Es256);
        let results: Vec<(&str, sdk_core::Result<()>)> = vec![
            (
                "axp.aco_elements.get",
                a.aco_elements().get("e1").await.map(drop),
            ),
            (
                "axp.msteams_elements.get",
                a.msteams_elements().get("e1").await.map(drop),
            ),
            (
                "axp.phone_numbers.get",
                a.phone_numbers().get("p1").await.map(drop),
            ),
            (
                "axp.phone_numbers.validate",
                a.phone_numbers().validate(&["p1"]).await.map(drop),
            ),
            (
                "axp.avaya_aura_device_services.get",
                a.avaya_aura_device_services().get("a1").await.map(drop),
            ),
            (
                "axp.avaya_aura_device_services.list",
                a.avaya_aura_device_services().list().await.map(drop),
            ),
            (
                "axp.avaya_aura_device_services.get_discovery_url",
                a.avaya_aura_device_services()
                    .get_discovery_url()
                    .await
                    .map(drop),
            ),
            (
                "axp.communication_managers.get",
                a.communication_managers().get("c1").await.map(drop),
            ),
            (
                "axp.hybrid_cloud_gateways.get",
                a.hybrid_cloud_gateways().get("g1").await.map(drop),
            ),
            (
                "axp.hybrid_cloud_gateways.list",
                a.hybrid_cloud_gateways().list().await.map(drop),
            ),
            (
                "axp.hybrid_cloud_gateway_systems.update_public_key",
                a.hybrid_cloud_gateway_systems()
                    .update_public_key("sys-1", &key)
                    .await
                    .map(drop),
            ),
            (
                "axp.system_managers.get",
                a.system_managers().get("s1").await.map(drop),
            ),
            (
                "axp.system_managers.list",
                a.system_managers().list().await.map(drop),
            ),
            (
                "axp.reason_codes.get",
                cm(&c).reason_codes().get("r1").await.map(drop),
            ),
            (
                "axp.voice_plans.get",
                cm(&c).voice_plans().get("v1").await.map(drop),
            ),
            (
                "axp.hybrid_skills.get",
                cm(&c).skills().get("k1").await.map(drop),
            ),
            (
                "axp.sync_jobs.get",
                cm(&c).sync_jobs().get("j1").await.map(drop),
            ),
            (
                "axp.sync_jobs.get_details",
                cm(&c).sync_jobs().get_details("j1").await.map(drop),
            ),
            (
                "axp.route_points.get",
                a.route_points().get("x1").await.map(drop),
            ),
            (
                "axp.location_profiles.get",
                a.location_profiles().get("l1").await.map(drop),
            ),
            (
                "axp.outbound_routing_rules.get",
                a.outbound_routing_rules().get("o1").await.map(drop),
            ),
            (
                "axp.agent_locations.get",
                a.agent_locations().get("al1").await.map(drop),
            ),
        ];
        for (op, result) in results {
            let err = result.expect_err(op);
            assert_eq!(
                err.kind(),
                ErrorKind::Decode,
                "{op} answered {body}: {err:?}"
            );
            assert_eq!(err.operation(), Some(op), "{op} answered {body}");
        }
    }
}
