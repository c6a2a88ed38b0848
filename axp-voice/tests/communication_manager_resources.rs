//! The resources below a Communication Manager (reason codes, voice plans, hybrid
//! extensions, sync and sync jobs, hybrid skills) on the wire: what is refused before
//! sending, and how the document's loose answers are read.

use axp_voice::communication_managers::CommunicationManagerRequest;
use axp_voice::reason_codes::{NewReasonCode, ReasonCodeType, SystemDefinedAttribute};
use axp_voice::skills::{HybridSkill, SkillRequest};
use axp_voice::sync::{EntityDetailsQuery, SyncEntity, SyncRequest, SyncStatus};
use axp_voice::voice_plans::VoicePlanRequest;
use axp_voice::{AxpClient, CommunicationManager};
use sdk_core::ErrorKind;
use serde_json::{Value, json};
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

mod support;
use support::{client, policy, received};

const CM: &str = "/api/admin/voice/v1/accounts/ABCDEF/communication-managers/cm1";

fn cm(c: &AxpClient) -> CommunicationManager<'_> {
    c.account("ABCDEF").communication_manager("cm1")
}

/// Answers `status` with `body` to the first matching request only.
async fn once(server: &MockServer, m: &str, p: String, status: u16, body: Value) {
    Mock::given(method(m))
        .and(path(p))
        .respond_with(ResponseTemplate::new(status).set_body_json(body))
        .up_to_n_times(1)
        .mount(server)
        .await;
}

#[tokio::test]
async fn invalid_input_is_refused_before_sending() {
    let server = MockServer::start().await;
    let c = client(&server);
    let cm = cm(&c);
    let field = |e: sdk_core::Error| {
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{e:?}");
        e.field().map(str::to_owned)
    };

    let unnamed = NewReasonCode::new(" ", "89", ReasonCodeType::NotReady);
    let e = cm
        .reason_codes()
        .create(&unnamed)
        .await
        .expect_err("no name");
    assert_eq!(field(e).as_deref(), Some("codeName"));

    let e = cm
        .sync()
        .trigger(&SyncRequest::new([]))
        .await
        .expect_err("nothing to sync");
    assert_eq!(field(e).as_deref(), Some("entities"));

    let e = cm
        .skills()
        .update("s1", &SkillRequest::new("French", "1", ""))
        .await
        .expect_err("no extension");
    assert_eq!(field(e).as_deref(), Some("extension"));

    assert!(received(&server).await.is_empty(), "nothing was sent");
}

/// The document's own rules (attributes only on Not Ready codes, `WORKING_ON_DIGITAL` alone,
/// ranges written `from:to`) are the service's to apply: the SDK sends what it is given.
#[tokio::test]
async fn the_services_rules_are_left_to_the_service() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(format!("{CM}/reason-codes")))
        .respond_with(
            ResponseTemplate::new(202)
                .set_body_json(json!({"url": format!("{CM}/reason-codes/rc1")})),
        )
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(format!("{CM}/voice-plans")))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({
            "voicePlanId": "vp1", "name": "System", "type": "SYSTEM", "userProfileId": "ASEDFG",
            "reasonCodeNotReadyRange": ["1-20"]
        })))
        .mount(&server)
        .await;
    let c = client(&server);
    let cm = cm(&c);

    let logout_on_digital = NewReasonCode::new("Home", "3", ReasonCodeType::Logout)
        .attribute(SystemDefinedAttribute::WorkingOnDigital)
        .attribute(SystemDefinedAttribute::Unknown("OTHER".into()));
    let _accepted = cm
        .reason_codes()
        .create(&logout_on_digital)
        .await
        .expect("sent as given");
    let dashed = VoicePlanRequest::system("System", "ASEDFG").reason_code_not_ready_range(["1-20"]);
    cm.voice_plans()
        .create(&dashed)
        .await
        .expect("sent as given");

    let sent = received(&server).await;
    assert_eq!(sent.len(), 2);
    let body = |i: usize| serde_json::from_slice::<Value>(&sent[i].body).expect("json");
    assert_eq!(body(0)["codeType"], "LOGOUT");
    assert_eq!(
        body(0)["systemDefinedAttributes"],
        json!(["WORKING_ON_DIGITAL", "OTHER"])
    );
    assert_eq!(body(1)["reasonCodeNotReadyRange"], json!(["1-20"]));
}

/// A 202 that names no resource comes after the request reached the server, which may
/// have started the work: a decode error, never "nothing was sent", and nothing is sent
/// again.
#[tokio::test]
async fn an_accepted_answer_naming_no_resource_is_a_decode_error() {
    let account = "/api/admin/voice/v1/accounts/ABCDEF";
    let cases = [
        (
            "axp.reason_codes.create",
            format!("{CM}/reason-codes"),
            json!({"url": ""}),
        ),
        (
            "axp.communication_managers.create",
            format!("{account}/communication-managers"),
            json!({"url": ""}),
        ),
        ("axp.sync.trigger", format!("{CM}:sync"), json!({"url": ""})),
        (
            "axp.sync.trigger",
            format!("{CM}:sync"),
            json!({"jobId": "", "url": "/"}),
        ),
    ];
    for (op, p, body) in cases {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .and(path(p.as_str()))
            .respond_with(ResponseTemplate::new(202).set_body_json(&body))
            .mount(&server)
            .await;
        let c = client(&server);
        let err = match op {
            "axp.reason_codes.create" => cm(&c)
                .reason_codes()
                .create(&NewReasonCode::new("Lunch", "89", ReasonCodeType::NotReady))
                .await
                .map(drop),
            "axp.communication_managers.create" => c
                .account("ABCDEF")
                .communication_managers()
                .create(&CommunicationManagerRequest::new(
                    "CM",
                    "Production CM",
                    "hcg1",
                ))
                .await
                .map(drop),
            _ => cm(&c).sync().trigger(&SyncRequest::all()).await.map(drop),
        }
        .expect_err(op);
        assert_eq!(err.kind(), ErrorKind::Decode, "{op} {body}: {err:?}");
        assert_ne!(
            err.kind(),
            ErrorKind::InvalidInput,
            "{op}: the request was sent"
        );
        assert_eq!(err.operation(), Some(op));
        assert_eq!(
            received(&server).await.len(),
            1,
            "{op}: exactly one request"
        );
    }
}

#[tokio::test]
async fn a_207_is_a_skill_with_a_partial_failure_not_an_error() {
    let server = MockServer::start().await;
    let skill = json!({
        "id": "s1", "number": "8000", "name": "French", "extension": "253647784",
        "agentAssistProfileId": "6a305019"
    });
    let mut partial = skill.clone();
    partial["errorMessage"] = json!("Failure in agent assist API while skill creation");
    let mut partial_get = partial.clone();
    partial_get["agentAssistProfileId"] = Value::Null;
    once(
        &server,
        "POST",
        format!("{CM}/skills"),
        207,
        partial.clone(),
    )
    .await;
    once(
        &server,
        "PUT",
        format!("{CM}/skills/s1"),
        200,
        skill.clone(),
    )
    .await;
    once(
        &server,
        "GET",
        format!("{CM}/skills/s1"),
        207,
        partial_get.clone(),
    )
    .await;
    let c = client(&server);
    let skills = cm(&c).skills();
    let req = SkillRequest::new("French", "1", "253647784").agent_assist_profile_id("1f15835f");

    let created = skills.create(&req).await.expect("a 207 is a success");
    assert_eq!(
        created.partial_failure(),
        Some("Failure in agent assist API while skill creation")
    );
    assert_eq!(created.skill.id.as_str(), "s1");
    assert_eq!(serde_json::to_value(&created).expect("json"), partial);

    let updated = skills.update("s1", &req).await.expect("200");
    assert!(updated.is_complete());
    assert_eq!(updated.partial_failure(), None);

    let read = skills.get("s1").await.expect("a 207 is a success");
    assert!(!read.is_complete());

    // A 207 is a partial success by its status, whatever its body says.
    let server = MockServer::start().await;
    once(
        &server,
        "GET",
        format!("{CM}/skills/s1"),
        207,
        skill.clone(),
    )
    .await;
    let c207 = client(&server);
    let unexplained = cm(&c207).skills().get("s1").await.expect("a 207");
    assert!(!unexplained.is_complete());
    assert_eq!(unexplained.partial_failure(), Some("207 Partial Success"));
    assert_eq!(
        serde_json::to_value(&unexplained).expect("json"),
        skill,
        "the body as sent"
    );
    assert_eq!(
        read.skill.agent_assist_profile_id,
        Some(None),
        "null, not absent"
    );
    assert_eq!(
        serde_json::to_value(&read).expect("json"),
        partial_get,
        "the null survives"
    );
    let skill: HybridSkill = read.into_skill();
    assert_eq!(skill.name.as_deref(), Some("French"));
}

#[tokio::test]
async fn a_sync_job_is_polled_on_status_code() {
    let server = MockServer::start().await;
    let job = |id: &str, status: &str, message: &str| {
        json!({
            "id": id, "name": "FullSync", "type": "SYNC", "statusCode": status,
            "statusMessage": message,
            "createdAt": "2023-12-08T11:23:20.84Z", "updatedAt": "2023-12-08T11:51:11.256Z"
        })
    };
    let accepted = |id: &str| json!({ "jobId": id, "url": format!("{CM}/jobs/{id}") });
    once(&server, "POST", format!("{CM}:sync"), 202, accepted("j1")).await;
    once(&server, "POST", format!("{CM}:sync"), 202, accepted("j2")).await;
    once(
        &server,
        "GET",
        format!("{CM}/jobs/j1"),
        200,
        job("j1", "IN_PROGRESS", ""),
    )
    .await;
    let timed_out =
        "Synchronization job timed out. No connection found with on premises Aura servers.";
    once(
        &server,
        "GET",
        format!("{CM}/jobs/j1"),
        200,
        job("j1", "FAILED", timed_out),
    )
    .await;
    let done = "Synchronization job completed successfully.";
    once(
        &server,
        "GET",
        format!("{CM}/jobs/j2"),
        200,
        job("j2", "COMPLETED", done),
    )
    .await;
    let c = client(&server);
    let sync = cm(&c).sync();

    let handle = sync.trigger(&SyncRequest::all()).await.expect("accepted");
    assert_eq!(handle.id(), Some("j1"));
    let err = handle.policy(policy()).wait().await.expect_err("FAILED");
    assert_eq!(err.kind(), ErrorKind::OperationFailed);
    assert_eq!(err.operation_status(), Some("FAILED"));
    assert_eq!(
        err.vendor_message(),
        Some(timed_out),
        "the job's statusMessage"
    );

    let ok = sync
        .trigger(&SyncRequest::new([SyncEntity::Agent]))
        .await
        .expect("accepted")
        .policy(policy())
        .wait()
        .await
        .expect("COMPLETED");
    assert_eq!(ok.status_code, Some(SyncStatus::Completed));
    assert_eq!(ok.updated_at.as_deref(), Some("2023-12-08T11:51:11.256Z"));

    let paths: Vec<String> = received(&server)
        .await
        .iter()
        .map(|r| format!("{} {}", r.method, r.url.path()))
        .collect();
    assert_eq!(
        paths,
        [
            format!("POST {CM}:sync"),
            format!("GET {CM}/jobs/j1"),
            format!("GET {CM}/jobs/j1"),
            format!("POST {CM}:sync"),
            format!("GET {CM}/jobs/j2"),
        ],
        "the colon of :sync is sent raw"
    );
}

#[tokio::test]
async fn entity_details_keep_their_update_at_spelling() {
    let server = MockServer::start().await;
    let detail = json!({
        "id": "215a563c", "entityType": "SYSTEM_PARAMETER_FEATURES",
        "entityData": {"systemParameterFeatures": {"name": "roofAuxWorkReasonCode", "value": "4"}},
        "createdAt": "2023-12-08T11:59:36.684Z", "updateAt": "2023-12-08T11:59:36.691Z",
        "statusCode": "COMPLETED"
    });
    Mock::given(method("GET"))
        .and(path(format!("{CM}/jobs/j1:entity-details")))
        .and(query_param("entityType", "SYSTEM_PARAMETER_FEATURES"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "pagination": {"pageNumber": 1, "pageSize": 50, "total": 1},
            "syncEntityDetails": [detail.clone()],
            "links": {"prev": "/jobs/j1/entity-details?pageNumber=1", "next": ""}
        })))
        .mount(&server)
        .await;
    let c = client(&server);
    let details = cm(&c)
        .sync_jobs()
        .list_entity_details(
            "j1",
            &EntityDetailsQuery::entity_type(SyncEntity::SystemParameterFeatures),
        )
        .collect_all()
        .await
        .expect("one page");
    assert_eq!(details.len(), 1);
    assert_eq!(
        details[0].update_at.as_deref(),
        Some("2023-12-08T11:59:36.691Z")
    );
    assert_eq!(serde_json::to_value(&details[0]).expect("json"), detail);
    let feature = details[0]
        .system_parameter_feature()
        .expect("it fits")
        .expect("a feature");
    assert_eq!(
        (feature.name.as_str(), feature.value.as_str()),
        ("roofAuxWorkReasonCode", "4")
    );
}

#[tokio::test]
async fn voice_plans_page_by_number_whatever_the_links_say() {
    let server = MockServer::start().await;
    let plan = |n: u32| json!({"voicePlanId": format!("vp{n}"), "name": format!("plan {n}"), "type": "USER"});
    for page in 1..=3u32 {
        let items: Vec<Value> = (1..=2)
            .map(|i| plan((page - 1) * 2 + i))
            .filter(|p| p["voicePlanId"] != "vp6")
            .collect();
        Mock::given(method("GET"))
            .and(path(format!("{CM}/voice-plans")))
            .and(query_param("pageNumber", page.to_string()))
            .and(query_param("pageSize", "2"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "pagination": {"pageNumber": page, "pageSize": 2, "total": 5},
                "resources": items,
                // The document's voice-plan links say `previous` and point elsewhere.
                "links": {"next": "/elsewhere?pageNumber=9", "previous": "/elsewhere?pageNumber=1"}
            })))
            .mount(&server)
            .await;
    }
    let c = client(&server);
    let plans = cm(&c)
        .voice_plans()
        .list()
        .page_size(2)
        .collect_all()
        .await
        .expect("three pages");
    let ids: Vec<&str> = plans.iter().map(|p| p.voice_plan_id.as_str()).collect();
    assert_eq!(ids, ["vp1", "vp2", "vp3", "vp4", "vp5"]);
    assert_eq!(
        received(&server).await.len(),
        3,
        "stops after the last page"
    );
}

#[tokio::test]
async fn reason_code_deletion_ends_on_404_or_204_and_fails_on_failed() {
    let server = MockServer::start().await;
    for id in ["gone404", "gone204", "broken"] {
        Mock::given(method("DELETE"))
            .and(path(format!("{CM}/reason-codes/{id}")))
            .respond_with(ResponseTemplate::new(202))
            .mount(&server)
            .await;
    }
    let code =
        |id: &str, status: &str| json!({"reasonCodeId": id, "codeName": "Lunch", "status": status});
    let item = |id: &str| format!("{CM}/reason-codes/{id}");
    once(
        &server,
        "GET",
        item("gone404"),
        200,
        code("gone404", "IN_PROGRESS"),
    )
    .await;
    Mock::given(method("GET"))
        .and(path(item("gone404")))
        .respond_with(ResponseTemplate::new(404))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(item("gone204")))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    once(
        &server,
        "GET",
        item("broken"),
        200,
        code("broken", "FAILED"),
    )
    .await;
    let c = client(&server);
    let codes = cm(&c).reason_codes();

    let h = codes.delete("gone404").await.expect("202");
    assert_eq!(h.id(), Some("gone404"));
    h.policy(policy()).wait().await.expect("404 ends the wait");
    codes
        .delete("gone204")
        .await
        .expect("202")
        .policy(policy())
        .wait()
        .await
        .expect("204 ends the wait too");
    let err = codes
        .delete("broken")
        .await
        .expect("202")
        .policy(policy())
        .wait()
        .await
        .expect_err("FAILED while deleting");
    assert_eq!(err.kind(), ErrorKind::OperationFailed);
    assert_eq!(err.operation_status(), Some("FAILED"));
}

#[tokio::test]
async fn extension_deletion_looks_for_it_on_every_page() {
    // The extension is on the second page: it is not gone because the first page does not
    // show it.
    let server = MockServer::start().await;
    let ext = |id: &str| json!({"id": id, "number": 5000, "name": id});
    let page = |n: u64, total: u64, items: Vec<Value>| json!({"pagination": {"pageNumber": n, "pageSize": 2, "total": total}, "resources": items});
    Mock::given(method("DELETE"))
        .and(path(format!("{CM}/extensions/e9")))
        .respond_with(ResponseTemplate::new(202))
        .mount(&server)
        .await;
    // First round: two pages, e9 on the second. Second round: one page, e9 gone.
    for (n, body) in [
        ("1", page(1, 3, vec![ext("a"), ext("b")])),
        ("2", page(2, 3, vec![ext("e9")])),
    ] {
        Mock::given(method("GET"))
            .and(path(format!("{CM}/extensions")))
            .and(query_param("pageNumber", n))
            .respond_with(ResponseTemplate::new(200).set_body_json(body))
            .up_to_n_times(1)
            .mount(&server)
            .await;
    }
    Mock::given(method("GET"))
        .and(path(format!("{CM}/extensions")))
        .and(query_param("pageNumber", "1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(
            1,
            2,
            vec![ext("a"), ext("b")],
        )))
        .mount(&server)
        .await;
    let c = client(&server);

    let left = cm(&c)
        .hybrid_extensions()
        .delete("e9")
        .await
        .expect("202")
        .policy(policy())
        .wait()
        .await
        .expect("gone from every page on the second round");
    let ids: Vec<&str> = left.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["a", "b"]);
    let pages: Vec<String> = received(&server)
        .await
        .iter()
        .filter(|r| r.method.as_str() == "GET")
        .map(|r| r.url.query().unwrap_or("").to_owned())
        .collect();
    assert_eq!(pages.len(), 3, "{pages:?}");
    assert!(pages[1].contains("pageNumber=2"), "{pages:?}");
}

#[tokio::test]
async fn extension_deletion_waits_until_it_is_no_longer_listed() {
    let server = MockServer::start().await;
    let ext = |id: &str, number: Value| json!({"id": id, "number": number, "name": id, "loginId": ["a@b.c"]});
    let page = |items: Vec<Value>| {
        json!({
            "pagination": {"pageNumber": 1, "pageSize": 10, "total": items.len()},
            "resources": items,
            "links": {"prev": "", "next": ""}
        })
    };
    for id in ["e1", "stuck"] {
        Mock::given(method("DELETE"))
            .and(path(format!("{CM}/extensions/{id}")))
            .respond_with(ResponseTemplate::new(202))
            .mount(&server)
            .await;
    }
    let listed = page(vec![
        ext("e1", json!(50003456)),
        ext("stuck", json!("5022")),
    ]);
    once(
        &server,
        "GET",
        format!("{CM}/extensions"),
        200,
        listed.clone(),
    )
    .await;
    Mock::given(method("GET"))
        .and(path(format!("{CM}/extensions")))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(vec![
            ext("stuck", json!("5022")),
            ext("other", json!(500034567)),
        ])))
        .mount(&server)
        .await;
    let c = client(&server);
    let extensions = cm(&c).hybrid_extensions();

    let remaining = extensions
        .delete("e1")
        .await
        .expect("202")
        .policy(policy())
        .wait()
        .await
        .expect("e1 leaves the list on the second read");
    assert_eq!(remaining.len(), 2);
    let reads = received(&server)
        .await
        .iter()
        .filter(|r| r.method.as_str() == "GET")
        .count();
    assert_eq!(reads, 2);

    let err = extensions
        .delete("stuck")
        .await
        .expect("202")
        .policy(policy())
        .wait()
        .await
        .expect_err("never leaves the list");
    assert_eq!(err.kind(), ErrorKind::PollTimeout);
    assert_eq!(err.operation_status(), Some("LISTED"));

    // The numbers keep their JSON types: an integer here, a string elsewhere.
    let all = extensions.list().collect_all().await.expect("list");
    assert_eq!(
        serde_json::to_value(&all).expect("json"),
        json!([ext("stuck", json!("5022")), ext("other", json!(500034567))])
    );
}

/// The simulator's description of these families: what a user's own tests would rely on.
#[cfg(feature = "simulator")]
#[tokio::test]
async fn the_simulator_serves_plans_skills_extensions_and_jobs() {
    let sim = axp_voice::sim::start().await.expect("simulator");
    let c = AxpClient::builder()
        .base_url(sim.base_url())
        .allow_http(true)
        .no_auth()
        .clock(std::sync::Arc::new(sdk_core::clock::ManualClock::new()))
        .http_client(support::http())
        .build()
        .expect("client");
    let cm = cm(&c);

    let system = VoicePlanRequest::system("System", "ASEDFG").reason_code_not_ready_range(["1:20"]);
    let plan = cm.voice_plans().create(&system).await.expect("201");
    let user = VoicePlanRequest::user("Agents", "ASEDFG").agent_dial_plan_range(["20000:20100"]);
    let replaced = cm
        .voice_plans()
        .update(&plan.voice_plan_id, &user)
        .await
        .expect("200");
    assert_eq!(replaced.reason_code_not_ready_range, None, "a replacement");
    cm.voice_plans()
        .delete(&plan.voice_plan_id)
        .await
        .expect("204");
    assert!(
        cm.voice_plans()
            .get(&plan.voice_plan_id)
            .await
            .is_err_and(|e| e.is_not_found())
    );

    let skill = cm
        .skills()
        .create(&SkillRequest::new("French", "1", "253647784").agent_assist_profile_id("p1"))
        .await
        .expect("201");
    assert!(skill.is_complete());
    let listed = cm.skills().list().collect_all().await.expect("list");
    assert_eq!(listed.len(), 1);
    assert_eq!(
        listed[0].agent_assist_profile_id, None,
        "lists leave the profile out"
    );

    sim.seed(
        "hybrid_extensions",
        &["ABCDEF", "cm1"],
        json!({"id": "e1", "number": 50003456, "name": "Jon", "loginId": ["jon@example.com"]}),
    )
    .expect("seeded");
    let extensions = cm.hybrid_extensions();
    assert_eq!(
        extensions.list().collect_all().await.expect("list").len(),
        1
    );
    extensions
        .delete("e1")
        .await
        .expect("202")
        .policy(policy())
        .wait()
        .await
        .expect("unlisted");
    assert!(
        extensions
            .list()
            .collect_all()
            .await
            .expect("list")
            .is_empty()
    );

    let job = cm
        .sync()
        .trigger(&SyncRequest::new([SyncEntity::Extension]))
        .await
        .expect("202")
        .policy(policy())
        .wait()
        .await
        .expect("completed");
    let details = cm
        .sync_jobs()
        .list_entity_details(&job.id, &EntityDetailsQuery::default())
        .collect_all()
        .await
        .expect("entity details");
    assert!(details.is_empty(), "the simulator has no Aura to sync from");
    assert!(
        cm.sync_jobs()
            .get_details("nope")
            .await
            .is_err_and(|e| e.is_not_found())
    );
}
