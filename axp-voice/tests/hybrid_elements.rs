//! Hybrid elements on the wire: AADS, Communication Managers, Hybrid Cloud Gateways,
//! System Managers, HCG systems and the feature-toggle webhook. What the conformance run
//! does not cover: validation before sending, the document's loose answers decided once,
//! AADS polling (no status field), paging, and secrets kept out of `Debug`.

use std::sync::atomic::{AtomicUsize, Ordering};

use axp_voice::communication_managers::CommunicationManagerRequest;
use axp_voice::device_services::AvayaAuraDeviceServiceRequest;
use axp_voice::hcg_systems::{PublicKeyAlgorithm, PublicKeyUpdate};
use axp_voice::hybrid_cloud_gateways::HybridCloudGatewayRequest;
use axp_voice::system_managers::SystemManagerRequest;
use axp_voice::webhook::{FeatureToggleAccount, FeatureToggleChange, FeatureToggleOperation};
use sdk_core::ErrorKind;
use sdk_core::model::NumOrStr;
use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

mod support;
use support::{client, policy, received};

const BASE: &str = "/api/admin/voice/v1/accounts/ABCDEF";

/// Answers with `responses` in turn; the last one repeats.
struct Sequence(Vec<ResponseTemplate>, AtomicUsize);

impl Sequence {
    fn new(responses: Vec<ResponseTemplate>) -> Self {
        Sequence(responses, AtomicUsize::new(0))
    }
}

impl Respond for Sequence {
    fn respond(&self, _: &Request) -> ResponseTemplate {
        let n = self.1.fetch_add(1, Ordering::SeqCst);
        self.0[n.min(self.0.len() - 1)].clone()
    }
}

fn json_of(req: &Request) -> Value {
    serde_json::from_slice(&req.body).expect("a JSON body")
}

fn aads(id: &str) -> Value {
    json!({"id": id, "name": "AADS", "hostname": "aads.avaya.com", "port": 443, "description": "AADS Server"})
}

fn cm_answer(id: &str, status: &str) -> Value {
    json!({
        "id": id, "name": "CM4696", "description": "CM", "hostname": "dc1-cm96.avayacloud.stage",
        "port": "5022", "username": "cust", "password": "testpassword", "version": "V10_X",
        "hybridCloudGatewayId": "3987iuy7", "status": status
    })
}

fn gateway() -> HybridCloudGatewayRequest {
    HybridCloudGatewayRequest::new(
        "AHCG123",
        "gateway",
        "MIIBOg",
        PublicKeyAlgorithm::Es256,
        "IN-MH",
        ["sm1906.avaya.com"],
    )
}

fn smgr() -> SystemManagerRequest {
    SystemManagerRequest::new("SMGR", "smgr", "dc1-smgr96", "dc2-smgr97").credentials(
        "dummyUser",
        "dummypassword",
        "testpassword",
    )
}

#[tokio::test]
async fn invalid_requests_are_refused_before_sending() {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(500))
        .mount(&server)
        .await;
    let c = client(&server);
    let account = c.account("ABCDEF");

    let mut errors = vec![
        account
            .avaya_aura_device_services()
            .create(&AvayaAuraDeviceServiceRequest::new("AADS", "d", " ", 443))
            .await
            .map(drop),
        account
            .communication_managers()
            .create(&CommunicationManagerRequest::new("", "d", "gw"))
            .await
            .map(drop),
        account
            .communication_managers()
            .update("cm-1", &CommunicationManagerRequest::new("CM", "d", ""))
            .await
            .map(drop),
        // A create needs the system and the terms; the update may leave them out (below).
        account
            .hybrid_cloud_gateways()
            .create(&gateway().terms_accepted(true))
            .await
            .map(drop),
        account
            .hybrid_cloud_gateways()
            .create(&gateway().system_id("sys-1"))
            .await
            .map(drop),
        account
            .hybrid_cloud_gateways()
            .create(
                &HybridCloudGatewayRequest::new(
                    "n",
                    "d",
                    "k",
                    PublicKeyAlgorithm::Es256,
                    "IN-MH",
                    Vec::<String>::new(),
                )
                .system_id("sys-1")
                .terms_accepted(true),
            )
            .await
            .map(drop),
        account.system_managers().create(&smgr()).await.map(drop),
        account
            .system_managers()
            .update(
                "sm-1",
                &SystemManagerRequest::new("SMGR", "smgr", "dc1", "dc2"),
            )
            .await
            .map(drop),
        account
            .hybrid_cloud_gateway_systems()
            .update_public_key(
                "sys-1",
                &PublicKeyUpdate::new("", PublicKeyAlgorithm::Es256),
            )
            .await
            .map(drop),
        c.feature_toggle_webhook()
            .update(&FeatureToggleChange::new(
                "t-1",
                "enableHCMIntegration",
                FeatureToggleOperation::Updated,
            ))
            .await,
        c.feature_toggle_webhook()
            .update(
                &FeatureToggleChange::new("t-1", "x", FeatureToggleOperation::Updated)
                    .account(FeatureToggleAccount::new("", true, true)),
            )
            .await,
    ]
    .into_iter();
    for field in [
        "hostname",
        "name",
        "hybridCloudGatewayId",
        "systemId",
        "isTermsAndConditionsAccepted",
        "sessionManagerFqdnList",
        "useForCerts",
        "username",
        "publicKey",
        "accounts",
        "accounts[0].accountId",
    ] {
        let err = errors.next().expect("one call per field").expect_err(field);
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{field}: {err:?}");
        assert_eq!(err.field(), Some(field));
    }
    assert!(errors.next().is_none());
    assert!(received(&server).await.is_empty(), "nothing was sent");
}

#[tokio::test]
async fn update_bodies_may_leave_out_what_the_document_leaves_out() {
    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .respond_with(
            ResponseTemplate::new(202)
                .set_body_json(json!({"url": "/api/admin/voice/v1/accounts/ABCDEF/x/1"})),
        )
        .mount(&server)
        .await;
    let c = client(&server);
    let account = c.account("ABCDEF");
    let _handle = account
        .hybrid_cloud_gateways()
        .update("gw-1", &gateway())
        .await
        .expect("gateway update");
    let _handle = account
        .system_managers()
        .update("sm-1", &smgr())
        .await
        .expect("SMGR update");
    let sent = received(&server).await;
    assert_eq!(sent.len(), 2);
    let gw = json_of(&sent[0]);
    assert!(gw.get("systemId").is_none() && gw.get("isTermsAndConditionsAccepted").is_none());
    let sm = json_of(&sent[1]);
    assert!(sm.get("useForCerts").is_none());
    assert_eq!(sm["password"], "dummypassword", "secrets are sent as given");
}

#[tokio::test]
async fn aads_create_is_done_when_its_get_answers() {
    let server = MockServer::start().await;
    // The create's url has the short `/v1` prefix: only its last segment counts.
    Mock::given(method("POST"))
        .and(path(format!("{BASE}/avaya-aura-device-services")))
        .respond_with(
            ResponseTemplate::new(202).set_body_json(
                json!({"url": "/v1/accounts/ABCDEF/avaya-aura-device-services/aads-1"}),
            ),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{BASE}/avaya-aura-device-services/aads-1")))
        .respond_with(ResponseTemplate::new(200).set_body_json(aads("aads-1")))
        .mount(&server)
        .await;
    let c = client(&server);
    let request = AvayaAuraDeviceServiceRequest::new("AADS", "AADS Server", "aads.avaya.com", 443);

    let h = c
        .account("ABCDEF")
        .avaya_aura_device_services()
        .create(&request)
        .await
        .expect("accepted");
    assert_eq!(h.id(), Some("aads-1"));
    let (_, mut poller) = h.policy(policy()).into_parts();
    let statuses: Vec<String> =
        sdk_core::futures_util::TryStreamExt::try_collect(poller.statuses())
            .await
            .expect("statuses");
    assert_eq!(statuses, [axp_voice::device_services::FOUND]);
    let element = poller.wait().await.expect("the element");
    assert_eq!(element.port, Some(NumOrStr::Num(443)));
    let sent = received(&server).await;
    assert_eq!(sent.len(), 2, "one create, one read");
    assert_eq!(
        json_of(&sent[0])["port"],
        443,
        "AADS sends its port as a number"
    );
}

#[tokio::test]
async fn aads_delete_waits_for_the_404_and_never_fails_by_status() {
    let server = MockServer::start().await;
    Mock::given(method("DELETE"))
        .respond_with(ResponseTemplate::new(202))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{BASE}/avaya-aura-device-services/gone")))
        .respond_with(Sequence::new(vec![
            ResponseTemplate::new(200).set_body_json(aads("gone")),
            ResponseTemplate::new(200).set_body_json(aads("gone")),
            ResponseTemplate::new(404),
        ]))
        .mount(&server)
        .await;
    // The document also prints 204 for a read of a deleted resource.
    Mock::given(method("GET"))
        .and(path(format!(
            "{BASE}/avaya-aura-device-services/no-content"
        )))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{BASE}/avaya-aura-device-services/stuck")))
        .respond_with(ResponseTemplate::new(200).set_body_json(aads("stuck")))
        .mount(&server)
        .await;
    let c = client(&server);
    let scope = c.account("ABCDEF").avaya_aura_device_services();

    scope
        .delete("gone")
        .await
        .expect("accepted")
        .policy(policy())
        .wait()
        .await
        .expect("gone");
    scope
        .delete("no-content")
        .await
        .expect("accepted")
        .policy(policy())
        .wait()
        .await
        .expect("gone");
    let err = scope
        .delete("stuck")
        .await
        .expect("accepted")
        .policy(policy())
        .wait()
        .await
        .expect_err("never gone");
    assert_eq!(err.kind(), ErrorKind::PollTimeout);
    assert_eq!(
        err.operation_status(),
        Some(axp_voice::device_services::FOUND)
    );
    let reads = received(&server)
        .await
        .iter()
        .filter(|r| r.method.as_str() == "GET" && r.url.path().ends_with("/gone"))
        .count();
    assert_eq!(reads, 3);
}

#[tokio::test]
async fn cm_update_polls_the_updated_element_not_the_url_answered() {
    let server = MockServer::start().await;
    // The document's update answer names another account and element.
    Mock::given(method("PUT"))
        .and(path(format!("{BASE}/communication-managers/cm-1")))
        .respond_with(ResponseTemplate::new(202).set_body_json(
            json!({"url": "/api/admin/voice/v1/accounts/NCWBNY/communication-managers/5e9be49a"}),
        ))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{BASE}/communication-managers/cm-1")))
        .respond_with(Sequence::new(vec![
            ResponseTemplate::new(200).set_body_json(cm_answer("cm-1", "IN_PROGRESS")),
            ResponseTemplate::new(200).set_body_json(cm_answer("cm-1", "SUCCESS")),
        ]))
        .mount(&server)
        .await;
    let c = client(&server);
    let request = CommunicationManagerRequest::new("CM4696", "CM", "3987iuy7").connection(
        "dc1-cm96.avayacloud.stage",
        5022,
        "cust",
        "testpassword",
    );

    let h = c
        .account("ABCDEF")
        .communication_managers()
        .update("cm-1", &request)
        .await
        .expect("accepted");
    assert_eq!(h.id(), Some("cm-1"));
    assert_eq!(h.accepted().id(), Some("5e9be49a"));
    let cm = h.policy(policy()).wait().await.expect("updated");
    assert_eq!(cm.id.as_str(), "cm-1");
    assert_eq!(cm.port, Some(NumOrStr::Str("5022".into())));
    let sent = received(&server).await;
    assert_eq!(
        json_of(&sent[0])["port"],
        "5022",
        "a CM's port is sent as a string"
    );
    assert_eq!(sent.len(), 3);
}

#[tokio::test]
async fn deleting_ends_on_404_or_fails_on_failed() {
    let server = MockServer::start().await;
    Mock::given(method("DELETE"))
        .respond_with(ResponseTemplate::new(202))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{BASE}/communication-managers/ok")))
        .respond_with(Sequence::new(vec![
            ResponseTemplate::new(200).set_body_json(cm_answer("ok", "IN_PROGRESS")),
            ResponseTemplate::new(404),
        ]))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{BASE}/communication-managers/bad")))
        .respond_with(ResponseTemplate::new(200).set_body_json(cm_answer("bad", "FAILED")))
        .mount(&server)
        .await;
    let c = client(&server);
    let cms = c.account("ABCDEF").communication_managers();

    cms.delete("ok")
        .await
        .expect("accepted")
        .policy(policy())
        .wait()
        .await
        .expect("deleted");
    let err = cms
        .delete("bad")
        .await
        .expect("accepted")
        .policy(policy())
        .wait()
        .await
        .expect_err("failed");
    assert_eq!(err.kind(), ErrorKind::OperationFailed);
    assert_eq!(err.operation_status(), Some("FAILED"));
}

#[tokio::test]
async fn cm_list_walks_every_page() {
    let server = MockServer::start().await;
    let page = |n: u64, ids: &[&str]| {
        ResponseTemplate::new(200).set_body_json(json!({
            "pagination": {"pageNumber": n, "pageSize": 2, "total": 5},
            "resources": ids.iter().map(|id| cm_answer(id, "SUCCESS")).collect::<Vec<_>>(),
            "links": {"prev": "", "next": "/api/admin/voice/v1/accounts/{accountId}/communication-managers?pageNumber=9"}
        }))
    };
    for (n, ids) in [(1, &["a", "b"][..]), (2, &["c", "d"]), (3, &["e"])] {
        Mock::given(method("GET"))
            .and(path(format!("{BASE}/communication-managers")))
            .and(wiremock::matchers::query_param("pageNumber", n.to_string()))
            .respond_with(page(n, ids))
            .mount(&server)
            .await;
    }
    let c = client(&server);

    let all = c
        .account("ABCDEF")
        .communication_managers()
        .list()
        .page_size(2)
        .collect_all()
        .await
        .expect("every page");
    let ids: Vec<&str> = all.iter().map(|cm| cm.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c", "d", "e"]);
    let queries: Vec<String> = received(&server)
        .await
        .iter()
        .map(|r| r.url.query().unwrap_or("").to_owned())
        .collect();
    assert_eq!(queries.len(), 3, "the links are not followed: {queries:?}");
    assert!(queries.iter().all(|q| q.contains("pageSize=2")));
}

#[tokio::test]
async fn unpaged_lists_answer_every_element() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!("{BASE}/avaya-aura-device-services")))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"resources": [
                aads("a"),
                // The same field as a string, as Communication Managers send it.
                {"id": "b", "port": "8443"}
            ]})),
        )
        .mount(&server)
        .await;
    let c = client(&server);
    let all = c
        .account("ABCDEF")
        .avaya_aura_device_services()
        .list()
        .await
        .expect("list");
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].port.as_ref().and_then(NumOrStr::as_u64), Some(8443));
    assert_eq!(
        serde_json::to_value(&all[1]).expect("serialises"),
        json!({"id": "b", "port": "8443"})
    );
    assert!(
        received(&server).await[0].url.query().is_none(),
        "no paging parameters"
    );
}

#[tokio::test]
async fn passwords_returned_in_clear_stay_out_of_debug() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!("{BASE}/communication-managers/cm-1")))
        .respond_with(ResponseTemplate::new(200).set_body_json(cm_answer("cm-1", "SUCCESS")))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{BASE}/system-managers")))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"resources": [{
                "id": "sm-1", "username": "dummyUser", "password": "dummypassword",
                "enrollmentPassword": "enrollsecret", "status": "SUCCESS"
            }]})),
        )
        .mount(&server)
        .await;
    let c = client(&server);
    let account = c.account("ABCDEF");

    let cm = account
        .communication_managers()
        .get("cm-1")
        .await
        .expect("cm");
    assert_eq!(
        cm.password.as_ref().map(|p| p.expose()),
        Some("testpassword")
    );
    let smgrs = account.system_managers().list().await.expect("smgrs");
    let debug = format!("{cm:?} {smgrs:?} {:?}", smgr());
    for secret in ["testpassword", "dummypassword", "enrollsecret"] {
        assert!(!debug.contains(secret), "{secret} in {debug}");
    }
    assert!(debug.contains("dummyUser"), "the rest is shown: {debug}");
}

#[tokio::test]
async fn hcg_systems_and_the_webhook() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(format!(
            "{BASE}/hybrid-cloud-gateway-systems/sys-1:pushConfig"
        )))
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path(format!("{BASE}/hybrid-cloud-gateway-systems/sys-1")))
        .respond_with(Sequence::new(vec![
            ResponseTemplate::new(200).set_body_json(
                json!({"status": "success", "message": "Hybrid Cloud Gateway System updated successfully."}),
            ),
            ResponseTemplate::new(200).set_body_json(json!({"status": "SUCCESS"})),
            ResponseTemplate::new(200).set_body_json(json!({"status": "failure"})),
        ]))
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path("/api/admin/voice/v1/voice-service-webhook"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let c = client(&server);
    let systems = c.account("ABCDEF").hybrid_cloud_gateway_systems();

    systems.push_config("sys-1").await.expect("pushed");
    let key = PublicKeyUpdate::new("MIIBOg", PublicKeyAlgorithm::Es256);
    let answers = [
        systems
            .update_public_key("sys-1", &key)
            .await
            .expect("lower case"),
        systems
            .update_public_key("sys-1", &key)
            .await
            .expect("upper case"),
        systems
            .update_public_key("sys-1", &key)
            .await
            .expect("other"),
    ];
    assert_eq!(answers.map(|a| a.is_success()), [true, true, false]);
    let change = FeatureToggleChange::new(
        "t-1",
        "enableHCMIntegration",
        FeatureToggleOperation::Updated,
    )
    .account(FeatureToggleAccount::new("ALL", true, false));
    c.feature_toggle_webhook()
        .update(&change)
        .await
        .expect("204");

    let sent = received(&server).await;
    assert!(sent[0].body.is_empty(), ":pushConfig sends no body");
    assert!(
        sent[0].url.path().ends_with(":pushConfig"),
        "the colon is not encoded"
    );
    assert_eq!(
        json_of(&sent[1]),
        json!({"publicKey": "MIIBOg", "publicKeyAlgorithm": "ES256"})
    );
    assert_eq!(
        json_of(&sent[4]),
        json!({
            "featureToggleId": "t-1", "featureToggleName": "enableHCMIntegration",
            "defaultState": false, "deprecated": false, "operation": "UPDATED",
            "accounts": [{"accountId": "ALL", "enabled": true, "value": false}]
        })
    );
}

#[cfg(feature = "simulator")]
mod simulator {
    use std::sync::Arc;

    use axp_voice::AxpClient;
    use sdk_core::clock::ManualClock;

    use super::support::http;
    use super::*;

    /// AADS on the simulator: created at once (no lifecycle), gone after one more read.
    #[tokio::test]
    async fn aads_lifecycle() {
        let sim = axp_voice::sim::start().await.expect("simulator");
        let c = AxpClient::builder()
            .base_url(sim.base_url())
            .allow_http(true)
            .no_auth()
            .clock(Arc::new(ManualClock::new()))
            .http_client(http())
            .build()
            .expect("client");
        let scope = c.account("ABCDEF").avaya_aura_device_services();
        let request = AvayaAuraDeviceServiceRequest::new("AADS", "first", "aads.avaya.com", 443);
        let created = scope
            .create(&request)
            .await
            .expect("accepted")
            .policy(policy())
            .wait()
            .await
            .expect("created");
        let mut changed = request.clone();
        changed.description = "second".into();
        let updated = scope
            .update(&created.id, &changed)
            .await
            .expect("accepted")
            .policy(policy())
            .wait()
            .await
            .expect("updated");
        assert_eq!(updated.description.as_deref(), Some("second"));
        assert_eq!(scope.list().await.expect("list").len(), 1);
        let discovery = scope.get_discovery_url().await.expect("discovery url");
        assert!(
            discovery
                .oidc_discovery_url
                .contains("/auth/realms/ABCDEF/")
        );
        scope
            .delete(&created.id)
            .await
            .expect("accepted")
            .policy(policy())
            .wait()
            .await
            .expect("deleted");
        assert!(
            scope
                .get(&created.id)
                .await
                .is_err_and(|e| e.is_not_found())
        );
    }
}
