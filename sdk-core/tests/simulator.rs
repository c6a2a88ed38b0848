//! The simulator engine driven by the real client: `Transport`, `Paginator` and `Poller`
//! against `sdk_core::sim` on a local port. Waits go through a `ManualClock`; the only
//! real waits are a delay fault of a few tens of milliseconds.

#![cfg(feature = "simulator")]

use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use sdk_core::clock::ManualClock;
use sdk_core::futures_util::TryStreamExt;
use sdk_core::sim::{
    Api, Fault, IdStyle, ListStyle, LongRunning, Reply, ReplyBody, Resource, RetryAfter, Simulator,
    UpdateMode,
};
use sdk_core::{
    ErrorKind, Format, Method, Paginator, PollPolicy, PollStatus, Poller, RequestOptions,
    RequestSpec, RetryPolicy, Transport,
};
use serde_json::{Value, json};

type TestResult = Result<(), Box<dyn std::error::Error>>;

use sdk_core::sim::test_http_client as http;

fn client(sim: &Simulator) -> (Transport, ManualClock) {
    let clock = ManualClock::new();
    let transport = Transport::builder()
        .base_url(sim.api_url())
        .http_client(http())
        .allow_http(true)
        .no_auth()
        .clock(Arc::new(clock.clone()))
        .poll_policy(PollPolicy::default().jitter(0.0))
        .build()
        .expect("client");
    (transport, clock)
}

fn no_retry() -> RequestOptions {
    RequestOptions::new().retry(RetryPolicy::none())
}

fn ids(items: &[Value], field: &str) -> Vec<String> {
    items
        .iter()
        .map(|v| v[field].as_str().unwrap_or_default().to_owned())
        .collect()
}

/// The paths and queries of the recorded GETs whose path starts with `prefix`.
fn gets(sim: &Simulator, prefix: &str) -> Vec<Vec<(String, String)>> {
    sim.requests()
        .into_iter()
        .filter(|r| r.method == Method::GET && r.path.starts_with(prefix))
        .map(|r| r.query)
        .collect()
}

fn q(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

// ---------------------------------------------------------------- paging

fn paging_api() -> Api {
    Api::new("paging")
        .base_path("/api/v1")
        .resource(
            Resource::new("things", "/accounts/{accountId}/things")
                .id_field("thingId")
                .list(ListStyle::PageNumber {
                    items_key: "resources",
                }),
        )
        .resource(Resource::new("users", "/tenants/{t}/users").list(ListStyle::OffsetLimit))
        .resource(
            Resource::new("calls", "/Accounts/{AccountSid}/Calls.json")
                .item_path("/Accounts/{AccountSid}/Calls/{CallSid}.json")
                .id_field("sid")
                .generate_id(IdStyle::Prefixed("CA"))
                .list(ListStyle::ZeroIndexed { items_key: "calls" }),
        )
}

fn seed_n(sim: &Simulator, resource: &str, params: &[&str], field: &str, n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            sim.seed(
                resource,
                params,
                json!({ field: format!("{}-{i}", params[0]) }),
            )
            .expect("seed")
        })
        .collect()
}

#[tokio::test]
async fn page_number_lists_page_by_pagination_block() -> TestResult {
    let sim = Simulator::start(paging_api()).await?;
    let (transport, _) = client(&sim);
    let seven = seed_n(&sim, "things", &["A"], "thingId", 7);
    seed_n(&sim, "things", &["B"], "thingId", 6);
    let list = |account: &'static str| {
        Paginator::<Value>::page_number(
            transport.clone(),
            RequestSpec::get("t.things.list", "/accounts/{accountId}/things", &[account]),
            "resources",
            3,
        )
    };

    let pages = list("A").pages().try_collect::<Vec<_>>().await?;
    assert_eq!(
        pages.iter().map(|p| p.items.len()).collect::<Vec<_>>(),
        [3, 3, 1]
    );
    assert_eq!(pages[0].total, Some(7));
    assert_eq!(
        pages[0].next_link.as_deref(),
        Some("/api/v1/accounts/A/things?pageNumber=2&pageSize=3")
    );
    assert_eq!(
        pages[0].prev_link, None,
        "\"\" when there is no previous page"
    );
    let all: Vec<Value> = pages.into_iter().flat_map(|p| p.items).collect();
    assert_eq!(ids(&all, "thingId"), seven);
    assert_eq!(
        gets(&sim, "/api/v1/accounts/A/"),
        [
            q(&[("pageNumber", "1"), ("pageSize", "3")]),
            q(&[("pageNumber", "2"), ("pageSize", "3")]),
            q(&[("pageNumber", "3"), ("pageSize", "3")]),
        ]
    );

    // An exact multiple stops on the pagination total, without an empty page.
    assert_eq!(list("B").collect_all().await?.len(), 6);
    assert_eq!(gets(&sim, "/api/v1/accounts/B/").len(), 2);

    // An empty collection: one request, no items.
    assert!(list("C").collect_all().await?.is_empty());
    assert_eq!(gets(&sim, "/api/v1/accounts/C/").len(), 1);

    // The envelope, as sent.
    let raw: Value = transport
        .execute(
            RequestSpec::get("t", "/accounts/A/things", &[])
                .query_param("pageNumber", 3)
                .query_param("pageSize", 3),
        )
        .await?;
    assert_eq!(
        raw["pagination"],
        json!({"pageNumber": 3, "pageSize": 3, "total": 7})
    );
    assert_eq!(
        raw["links"],
        json!({"prev": "/api/v1/accounts/A/things?pageNumber=2&pageSize=3", "next": ""})
    );
    let err = transport
        .send(RequestSpec::get("t", "/accounts/A/things", &[]).query_param("pageNumber", 0))
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(400));
    Ok(())
}

#[tokio::test]
async fn offset_limit_lists_are_bare_arrays_until_a_short_page() -> TestResult {
    let sim = Simulator::start(paging_api()).await?;
    let (transport, _) = client(&sim);
    let seven = seed_n(&sim, "users", &["A"], "id", 7);
    seed_n(&sim, "users", &["B"], "id", 6);
    let list = |t: &'static str| {
        Paginator::<Value>::offset_limit(
            transport.clone(),
            RequestSpec::get("t.users.list", "/tenants/{t}/users", &[t]),
            3,
        )
    };

    assert_eq!(ids(&list("A").collect_all().await?, "id"), seven);
    let offsets = |prefix| -> Vec<String> {
        gets(&sim, prefix)
            .into_iter()
            .map(|q| q[0].1.clone())
            .collect()
    };
    assert_eq!(offsets("/api/v1/tenants/A/"), ["0", "3", "6"]);
    // A bare array has no total: an exact multiple costs one empty page.
    assert_eq!(list("B").collect_all().await?.len(), 6);
    assert_eq!(offsets("/api/v1/tenants/B/"), ["0", "3", "6"]);
    assert!(list("C").collect_all().await?.is_empty());
    assert_eq!(offsets("/api/v1/tenants/C/"), ["0"]);

    // Defaults: offset 0, limit 100.
    let raw: Vec<Value> = transport
        .execute(RequestSpec::get("t", "/tenants/A/users", &[]).query_param("offset", 5))
        .await?;
    assert_eq!(ids(&raw, "id"), seven[5..]);
    Ok(())
}

#[tokio::test]
async fn zero_indexed_lists_follow_next_page_uri() -> TestResult {
    let sim = Simulator::start(paging_api()).await?;
    let (transport, _) = client(&sim);
    let seven = seed_n(&sim, "calls", &["AC1"], "sid", 7);
    seed_n(&sim, "calls", &["AC2"], "sid", 6);
    let list = |account: &'static str| {
        Paginator::<Value>::zero_indexed(
            transport.clone(),
            RequestSpec::get(
                "t.calls.list",
                "/Accounts/{AccountSid}/Calls.json",
                &[account],
            ),
            "calls",
            3,
        )
    };

    let pages = list("AC1").pages().try_collect::<Vec<_>>().await?;
    assert_eq!(
        pages.iter().map(|p| p.number).collect::<Vec<_>>(),
        [Some(0), Some(1), Some(2)]
    );
    let all: Vec<Value> = pages.into_iter().flat_map(|p| p.items).collect();
    assert_eq!(ids(&all, "sid"), seven);
    assert_eq!(gets(&sim, "/api/v1/Accounts/AC1/").len(), 3);
    assert_eq!(list("AC2").collect_all().await?.len(), 6);
    assert_eq!(
        gets(&sim, "/api/v1/Accounts/AC2/").len(),
        2,
        "num_pages ends an exact multiple"
    );
    assert!(list("AC3").collect_all().await?.is_empty());
    assert_eq!(gets(&sim, "/api/v1/Accounts/AC3/").len(), 1);

    let raw: Value = transport
        .execute(
            RequestSpec::get("t", "/Accounts/AC1/Calls.json", &[])
                .query_param("Page", 1)
                .query_param("PageSize", 3),
        )
        .await?;
    let uri = |p: u32| format!("/api/v1/Accounts/AC1/Calls.json?Page={p}&PageSize=3");
    assert_eq!(raw["page"], 1);
    assert_eq!(raw["page_size"], 3);
    assert_eq!(raw["num_pages"], 3);
    assert_eq!(raw["total"], 7);
    assert_eq!(
        (raw["start"].as_u64(), raw["end"].as_u64()),
        (Some(3), Some(5))
    );
    assert_eq!(raw["uri"], uri(1));
    assert_eq!(raw["first_page_uri"], uri(0));
    assert_eq!(raw["previous_page_uri"], uri(0));
    assert_eq!(raw["next_page_uri"], uri(2));
    assert_eq!(raw["last_page_uri"], uri(2));
    let first: Value = transport
        .execute(RequestSpec::get("t", "/Accounts/AC1/Calls.json", &[]))
        .await?;
    assert_eq!(first["previous_page_uri"], "");
    assert_eq!(first["page_size"], 50, "default PageSize");

    let err = transport
        .send(RequestSpec::get("t", "/Accounts/AC1/Calls.json", &[]).query_param("PageSize", 51))
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(400));
    assert_eq!(err.vendor_code(), Some("VALIDATION_ERROR"));
    Ok(())
}

// ---------------------------------------------------------------- store and verbs

fn call_centers() -> Resource {
    Resource::new(
        "call_centers",
        "/tenants/{tenant_id}/groups/{group_id}/services/call_centers/",
    )
    .trailing_slash(true)
    .id_field("serviceUserId")
    .required(&["serviceInstanceProfile", "serviceInstanceProfile.name"])
    .list(ListStyle::Wrapped("call_centers"))
    .list_view(|v| json!({"serviceUserId": v["serviceUserId"], "name": v["serviceInstanceProfile"]["name"]}))
    .item_wrapper("callCenterInstance")
    .create_status(200)
    .create_body(ReplyBody::Empty)
    .update_body(ReplyBody::Empty)
    .delete_status(200)
}

const CC: &str = "/tenants/{t}/groups/{g}/services/call_centers/";
const CC_ITEM: &str = "/tenants/{t}/groups/{g}/services/call_centers/{name}/";

#[tokio::test]
async fn items_are_stored_per_collection_and_wrapped_as_declared() -> TestResult {
    let sim = Simulator::start(
        Api::new("apio")
            .base_path("/api/v1")
            .resource(call_centers()),
    )
    .await?;
    let (transport, _) = client(&sim);
    for (tenant, id) in [
        ("foo", "cc1@sip.example.com"),
        ("foo", "cc2@sip.example.com"),
        ("bar", "cc3@sip.example.com"),
    ] {
        let resp = transport
            .send(
                RequestSpec::post("t.create", CC, &[tenant, "g1"]).json(&json!({
                    "serviceUserId": id,
                    "serviceInstanceProfile": {"name": id.to_uppercase(), "language": "English"},
                    "queueLength": 3,
                })),
            )
            .await?;
        assert_eq!(resp.status().as_u16(), 200);
        assert!(resp.body().is_empty());
    }

    let foo: Value = transport
        .execute(RequestSpec::get("t.list", CC, &["foo", "g1"]))
        .await?;
    assert_eq!(
        foo,
        json!({"call_centers": [
            {"serviceUserId": "cc1@sip.example.com", "name": "CC1@SIP.EXAMPLE.COM"},
            {"serviceUserId": "cc2@sip.example.com", "name": "CC2@SIP.EXAMPLE.COM"},
        ]})
    );
    let other_group: Value = transport
        .execute(RequestSpec::get("t.list", CC, &["foo", "g2"]))
        .await?;
    assert_eq!(other_group, json!({"call_centers": []}));

    let got: Value = transport
        .execute(RequestSpec::get(
            "t.get",
            CC_ITEM,
            &["bar", "g1", "cc3@sip.example.com"],
        ))
        .await?;
    assert_eq!(got["callCenterInstance"]["queueLength"], 3);
    assert_eq!(
        sim.requests().last().map(|r| r.path.clone()).as_deref(),
        Some("/api/v1/tenants/bar/groups/g1/services/call_centers/cc3@sip.example.com/")
    );
    // Not under another tenant.
    let err = transport
        .send(RequestSpec::get(
            "t.get",
            CC_ITEM,
            &["foo", "g1", "cc3@sip.example.com"],
        ))
        .await
        .unwrap_err();
    assert!(err.is_not_found());
    Ok(())
}

#[tokio::test]
async fn creates_without_required_fields_answer_400_naming_the_field() -> TestResult {
    let sim = Simulator::start(
        Api::new("apio")
            .base_path("/api/v1")
            .resource(call_centers()),
    )
    .await?;
    let (transport, _) = client(&sim);
    let err = transport
        .send(
            RequestSpec::post("t.create", CC, &["foo", "g1"])
                .json(&json!({"serviceUserId": "x@y"})),
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Api);
    assert_eq!(err.status().map(|s| s.as_u16()), Some(400));
    assert_eq!(err.vendor_code(), Some("VALIDATION_ERROR"));
    assert_eq!(
        err.vendor_message(),
        Some("missing required field `serviceInstanceProfile`")
    );

    let err = transport
        .send(
            RequestSpec::post("t.create", CC, &["foo", "g1"])
                .json(&json!({"serviceInstanceProfile": {"name": ""}})),
        )
        .await
        .unwrap_err();
    assert_eq!(
        err.vendor_message(),
        Some("missing required field `serviceInstanceProfile.name`")
    );
    let err = transport
        .send(
            RequestSpec::post("t.create", CC, &["foo", "g1"]).json(&json!(["not", "an", "object"])),
        )
        .await
        .unwrap_err();
    assert_eq!(err.vendor_code(), Some("INVALID_BODY"));
    assert_eq!(
        sim.with_store(|s| s.count("call_centers", &["foo", "g1"])),
        0
    );
    Ok(())
}

#[tokio::test]
async fn updates_merge_or_replace_and_deletes_answer_404_afterwards() -> TestResult {
    let api = Api::new("crud").resource(call_centers()).resource(
        Resource::new("users", "/users")
            .generate_id(IdStyle::Hex32)
            .update(UpdateMode::Replace)
            .create_body(ReplyBody::Id),
    );
    let sim = Simulator::start(api).await?;
    let (transport, _) = client(&sim);

    // Merge: nested objects merged key by key.
    sim.seed(
        "call_centers",
        &["foo", "g1"],
        json!({"serviceUserId": "cc@x", "serviceInstanceProfile": {"name": "N", "language": "English"}, "queueLength": 3}),
    )?;
    transport
        .send(
            RequestSpec::put("t.modify", CC_ITEM, &["foo", "g1", "cc@x"]).json(
                &json!({"serviceInstanceProfile": {"language": "French"}, "queueLength": 10}),
            ),
        )
        .await?;
    let got: Value = transport
        .execute(RequestSpec::get("t.get", CC_ITEM, &["foo", "g1", "cc@x"]))
        .await?;
    assert_eq!(
        got["callCenterInstance"],
        json!({"serviceUserId": "cc@x", "serviceInstanceProfile": {"name": "N", "language": "French"}, "queueLength": 10})
    );

    // Replace, with a generated 32-hex id answered as a bare text/html body.
    let resp = transport
        .send(
            RequestSpec::post("t.users.create", "/users", &[])
                .json(&json!({"firstName": "Ann", "surname": "Lee"}))
                .accept_and_decode(Format::Html, Format::Html),
        )
        .await?;
    assert_eq!(resp.status().as_u16(), 201);
    assert!(
        resp.headers()["content-type"]
            .to_str()?
            .starts_with("text/html")
    );
    let id: String = resp.decode()?;
    assert!(
        id.len() == 32 && id.chars().all(|c| c.is_ascii_hexdigit()),
        "{id}"
    );
    let updated: Value = transport
        .execute(
            RequestSpec::put("t.users.update", "/users/{id}", &[&id])
                .json(&json!({"firstName": "Bo"})),
        )
        .await?;
    assert_eq!(updated, json!({"firstName": "Bo", "id": id}));

    // Delete: 204, then 404 for reads, updates and deletes.
    let resp = transport
        .send(RequestSpec::delete("t.users.delete", "/users/{id}", &[&id]))
        .await?;
    assert_eq!(resp.status().as_u16(), 204);
    for spec in [
        RequestSpec::get("t.users.get", "/users/{id}", &[&id]),
        RequestSpec::put("t.users.update", "/users/{id}", &[&id]).json(&json!({})),
        RequestSpec::delete("t.users.delete", "/users/{id}", &[&id]),
    ] {
        let err = transport.send(spec).await.unwrap_err();
        assert!(err.is_not_found(), "{err:?}");
        assert_eq!(err.vendor_code(), Some("NOT_FOUND"));
    }
    // The APIO delete answers 200.
    let resp = transport
        .send(RequestSpec::delete(
            "t.delete",
            CC_ITEM,
            &["foo", "g1", "cc@x"],
        ))
        .await?;
    assert_eq!(resp.status().as_u16(), 200);
    assert!(sim.with_store(|s| s.get("call_centers", &["foo", "g1"], "cc@x").is_none()));
    Ok(())
}

#[tokio::test]
async fn duplicates_unknown_paths_and_methods_answer_409_404_405() -> TestResult {
    let sim = Simulator::start(
        Api::new("errors").base_path("/v2").resource(
            Resource::new("things", "/things")
                .id_field("name")
                .read_only(),
        ),
    )
    .await?;
    let (transport, _) = client(&sim);
    sim.seed("things", &[], json!({"name": "a"}))?;
    let seeded = sim.seed("things", &[], json!({"name": "a"})).unwrap_err();
    assert_eq!(seeded.kind(), ErrorKind::InvalidInput);
    assert!(seeded.to_string().contains("already exists"), "{seeded}");

    let raw = http();
    let resp = raw.post(format!("{}/things", sim.api_url())).send().await?;
    assert_eq!(resp.status().as_u16(), 405, "read-only: no create");
    let resp = raw.get(format!("{}/things", sim.api_url())).send().await?;
    assert_eq!(resp.status().as_u16(), 405, "no list declared");
    let resp = raw
        .delete(format!("{}/things/a", sim.api_url()))
        .send()
        .await?;
    assert_eq!(resp.status().as_u16(), 405);
    assert_eq!(resp.headers()["allow"], "GET");
    let resp = raw
        .get(format!("{}/elsewhere", sim.api_url()))
        .send()
        .await?;
    assert_eq!(resp.status().as_u16(), 404);
    let resp = raw
        .get(format!("{}/things/a", sim.base_url()))
        .send()
        .await?;
    assert_eq!(resp.status().as_u16(), 404, "outside the base path");

    let sim = Simulator::start(
        Api::new("dups").resource(Resource::new("things", "/things").id_field("name")),
    )
    .await?;
    let (transport2, _) = client(&sim);
    let create = || RequestSpec::post("t.create", "/things", &[]).json(&json!({"name": "a"}));
    transport2.send(create()).await?;
    let err = transport2.send(create()).await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(409));
    assert_eq!(err.vendor_code(), Some("CONFLICT"));
    let got: Value = transport
        .execute(RequestSpec::get("t", "/things/a", &[]))
        .await?;
    assert_eq!(got, json!({"name": "a"}));
    Ok(())
}

#[tokio::test]
async fn forms_are_stored_as_strings_and_post_updates_merge() -> TestResult {
    let sim = Simulator::start(
        Api::new("cpaas").base_path("/v2").resource(
            Resource::new("calls", "/Accounts/{AccountSid}/Calls.json")
                .item_path("/Accounts/{AccountSid}/Calls/{CallSid}.json")
                .id_field("sid")
                .generate_id(IdStyle::Prefixed("CA"))
                .required(&["To"])
                .update_method(Method::POST)
                .create_status(200),
        ),
    )
    .await?;
    let (transport, _) = client(&sim);
    #[derive(serde::Serialize)]
    struct Make {
        #[serde(rename = "To")]
        to: &'static str,
        #[serde(rename = "Tag")]
        tags: Vec<&'static str>,
        #[serde(rename = "Timeout")]
        timeout: u32,
    }
    let call: Value = transport
        .execute(
            RequestSpec::post(
                "t.calls.make",
                "/Accounts/{AccountSid}/Calls.json",
                &["AC1"],
            )
            .form(&Make {
                to: "+15551234",
                tags: vec!["a", "b"],
                timeout: 30,
            }),
        )
        .await?;
    let sid = call["sid"].as_str().unwrap_or_default().to_owned();
    assert!(sid.starts_with("CA") && sid.len() == 34, "{sid}");
    assert_eq!(call["To"], "+15551234");
    assert_eq!(call["Tag"], json!(["a", "b"]));
    assert_eq!(call["Timeout"], "30");

    let updated: Value = transport
        .execute(
            RequestSpec::post(
                "t.calls.interrupt",
                "/Accounts/{AccountSid}/Calls/{CallSid}.json",
                &["AC1", &sid],
            )
            .form(&json!({"Status": "completed"})),
        )
        .await?;
    assert_eq!(updated["Status"], "completed");
    assert_eq!(updated["To"], "+15551234");
    assert_eq!(updated["sid"], sid.as_str());
    let recorded = sim.requests();
    assert_eq!(
        recorded.last().map(|r| r.form()),
        Some(vec![("Status".to_owned(), "completed".to_owned())])
    );
    Ok(())
}

#[tokio::test]
async fn actions_take_precedence_over_placeholders_and_see_the_store() -> TestResult {
    let api = Api::new("apio")
        .base_path("/api/v1")
        .resource(call_centers())
        .action(
            Method::PUT,
            "/tenants/{t}/groups/{g}/services/call_centers/active_instance/",
            |store, req| {
                let (t, g) = (req.param("t").unwrap_or(""), req.param("g").unwrap_or(""));
                let services = req.body["services"].as_array().cloned().unwrap_or_default();
                for s in services {
                    let id = s["serviceUserId"].as_str().unwrap_or("");
                    match store.get_mut("call_centers", &[t, g], id) {
                        Some(item) => item["active"] = s["active"].clone(),
                        None => return Reply::error(404, "NOT_FOUND", format!("no {id}")),
                    }
                }
                Reply::json(200, &json!({}))
            },
        )
        .action(
            Method::POST,
            "/tenants/{t}/groups/{g}/services/call_centers/{name}:sync/",
            |_, req| Reply::json(202, &json!({"synced": req.param("name")})),
        );
    let sim = Simulator::start(api).await?;
    let (transport, _) = client(&sim);
    sim.seed(
        "call_centers",
        &["foo", "g1"],
        json!({"serviceUserId": "cc@x", "serviceInstanceProfile": {"name": "N"}}),
    )?;
    let answer: Value = transport
        .execute(
            RequestSpec::put(
                "t.set_active",
                "/tenants/{t}/groups/{g}/services/call_centers/active_instance/",
                &["foo", "g1"],
            )
            .json(&json!({"services": [{"serviceUserId": "cc@x", "active": true}]})),
        )
        .await?;
    assert_eq!(answer, json!({}));
    let got: Value = transport
        .execute(RequestSpec::get("t.get", CC_ITEM, &["foo", "g1", "cc@x"]))
        .await?;
    assert_eq!(got["callCenterInstance"]["active"], true);

    let synced: Value = transport
        .execute(RequestSpec::post(
            "t.sync",
            "/tenants/{t}/groups/{g}/services/call_centers/{name}:sync/",
            &["foo", "g1", "cc@x"],
        ))
        .await?;
    assert_eq!(synced, json!({"synced": "cc@x"}));
    // The item route still answers other names.
    let err = transport
        .send(RequestSpec::get(
            "t.get",
            CC_ITEM,
            &["foo", "g1", "active_instance"],
        ))
        .await
        .unwrap_err();
    assert!(err.is_not_found());
    Ok(())
}

// ---------------------------------------------------------------- long-running

fn elements(polls: u32) -> Api {
    Api::new("axp").base_path("/api/admin/voice/v1").resource(
        Resource::new("elements", "/accounts/{accountId}/elements")
            .id_field("elementId")
            .list(ListStyle::PageNumber {
                items_key: "resources",
            })
            .long_running(
                LongRunning::new("status", "IN_PROGRESS", "SUCCESS", "FAILED").polls(polls),
            )
            .delete_status(202)
            .long_running_delete(2),
    )
}

fn classify(v: &Value) -> PollStatus {
    let s = v["status"].as_str().unwrap_or_default().to_owned();
    match s.as_str() {
        "SUCCESS" => PollStatus::Succeeded(s),
        "FAILED" => PollStatus::Failed {
            status: s,
            message: None,
        },
        _ => PollStatus::Pending(s),
    }
}

async fn create_element(transport: &Transport, name: &str) -> Result<Value, sdk_core::Error> {
    transport
        .execute(
            RequestSpec::post(
                "t.elements.create",
                "/accounts/{accountId}/elements",
                &["ABC"],
            )
            .json(&json!({"name": name})),
        )
        .await
}

fn element_poller(transport: &Transport, id: &str) -> Poller<Value> {
    Poller::new(
        transport.clone(),
        RequestSpec::get(
            "t.elements.get",
            "/accounts/{accountId}/elements/{id}",
            &["ABC", id],
        ),
        classify,
    )
}

#[tokio::test]
async fn long_running_creates_succeed_after_the_configured_polls() -> TestResult {
    let sim = Simulator::start(elements(2)).await?;
    let (transport, clock) = client(&sim);
    let resp = transport
        .send(
            RequestSpec::post(
                "t.elements.create",
                "/accounts/{accountId}/elements",
                &["ABC"],
            )
            .json(&json!({"name": "e1"})),
        )
        .await?;
    assert_eq!(resp.status().as_u16(), 202);
    let created: Value = resp.decode()?;
    assert_eq!(created["status"], "IN_PROGRESS");
    let id = created["elementId"].as_str().unwrap_or_default().to_owned();

    // A list shows the current status and does not count as a poll.
    let listed: Value = transport
        .execute(RequestSpec::get("t.list", "/accounts/ABC/elements", &[]))
        .await?;
    assert_eq!(listed["resources"][0]["status"], "IN_PROGRESS");

    let mut poller = element_poller(&transport, &id);
    let statuses: Vec<String> = poller.statuses().try_collect().await?;
    assert_eq!(statuses, ["IN_PROGRESS", "IN_PROGRESS", "SUCCESS"]);
    let done = poller.wait().await?;
    assert_eq!(done["status"], "SUCCESS");
    assert_eq!(done["name"], "e1");
    assert_eq!(clock.sleeps().len(), 3, "three reads, no real sleep");

    // set_polls changes items created afterwards.
    sim.set_polls("elements", 0)?;
    let quick = create_element(&transport, "e2").await?;
    let quick_id = quick["elementId"].as_str().unwrap_or_default().to_owned();
    sim.clear_requests();
    let done = element_poller(&transport, &quick_id).wait().await?;
    assert_eq!(done["status"], "SUCCESS");
    assert_eq!(
        gets(&sim, "/api/admin/voice/v1/accounts/ABC/elements/").len(),
        1
    );
    Ok(())
}

#[tokio::test]
async fn long_running_creates_fail_on_demand() -> TestResult {
    let sim = Simulator::start(elements(1)).await?;
    let (transport, _) = client(&sim);
    sim.fail_next("elements")?;
    let doomed = create_element(&transport, "bad").await?;
    let fine = create_element(&transport, "good").await?;

    let err = element_poller(&transport, doomed["elementId"].as_str().unwrap_or_default())
        .wait()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::OperationFailed);
    assert_eq!(err.operation_status(), Some("FAILED"));
    let ok = element_poller(&transport, fine["elementId"].as_str().unwrap_or_default())
        .wait()
        .await?;
    assert_eq!(ok["status"], "SUCCESS", "only the next create fails");

    let unknown = sim.fail_next("nope").unwrap_err();
    assert_eq!(unknown.field(), Some("resource"));
    assert!(sim.set_polls("nope", 1).is_err());
    Ok(())
}

#[tokio::test]
async fn long_running_deletes_stay_pending_then_answer_404() -> TestResult {
    let sim = Simulator::start(elements(0)).await?;
    let (transport, clock) = client(&sim);
    let id = sim.seed(
        "elements",
        &["ABC"],
        json!({"name": "e", "status": "SUCCESS"}),
    )?;
    let resp = transport
        .send(RequestSpec::delete(
            "t.elements.delete",
            "/accounts/{accountId}/elements/{id}",
            &["ABC", &id],
        ))
        .await?;
    assert_eq!(resp.status().as_u16(), 202);
    assert!(resp.body().is_empty());

    let mut gone = Poller::<()>::until_gone(
        transport.clone(),
        RequestSpec::get(
            "t.elements.get",
            "/accounts/{accountId}/elements/{id}",
            &["ABC", &id],
        ),
        classify,
    );
    let statuses: Vec<String> = gone.statuses().try_collect().await?;
    assert_eq!(statuses, ["IN_PROGRESS", "IN_PROGRESS", "GONE"]);
    assert_eq!(clock.sleeps().len(), 3);
    let err = transport
        .send(RequestSpec::get(
            "t.elements.get",
            "/accounts/{accountId}/elements/{id}",
            &["ABC", &id],
        ))
        .await
        .unwrap_err();
    assert!(err.is_not_found());
    assert_eq!(sim.with_store(|s| s.count("elements", &["ABC"])), 0);
    Ok(())
}

#[tokio::test]
async fn accepted_answers_can_carry_the_item_url() -> TestResult {
    let api = Api::new("axp").base_path("/api/admin/voice/v1").resource(
        Resource::new("managers", "/accounts/{accountId}/communication-managers")
            .long_running(LongRunning::new(
                "status",
                "IN_PROGRESS",
                "SUCCESS",
                "FAILED",
            ))
            .generate_id(IdStyle::Sequence)
            .create_body(ReplyBody::Url),
    );
    let sim = Simulator::start(api).await?;
    let (transport, _) = client(&sim);
    let accepted: Value = transport
        .execute(
            RequestSpec::post(
                "t.cm.create",
                "/accounts/{accountId}/communication-managers",
                &["A B"],
            )
            .json(&json!({"name": "cm"})),
        )
        .await?;
    assert_eq!(
        accepted,
        json!({"url": "/api/admin/voice/v1/accounts/A%20B/communication-managers/1"})
    );
    let got: Value = transport
        .execute(RequestSpec::get(
            "t.cm.get",
            "/accounts/{accountId}/communication-managers/{id}",
            &["A B", "1"],
        ))
        .await?;
    assert_eq!(got["id"], "1");
    assert_eq!(got["status"], "IN_PROGRESS", "one pending read by default");
    Ok(())
}

// ---------------------------------------------------------------- faults

fn widgets() -> Api {
    Api::new("faults").base_path("/api/v1").resource(
        Resource::new("widgets", "/widgets")
            .id_field("name")
            .list(ListStyle::BareArray),
    )
}

fn get_widgets() -> RequestSpec {
    RequestSpec::get("t.widgets.list", "/widgets", &[])
}

#[tokio::test]
async fn a_429_with_retry_after_seconds_is_waited_out_and_retried() -> TestResult {
    let sim = Simulator::start(widgets()).await?;
    let (transport, clock) = client(&sim);
    sim.inject(Fault::retry_after(429, RetryAfter::Seconds(3)).times(1));
    let list: Vec<Value> = transport.execute(get_widgets()).await?;
    assert!(list.is_empty());
    assert_eq!(clock.sleeps(), [Duration::from_secs(3)]);
    assert_eq!(sim.requests().len(), 2);

    // An HTTP date is honoured too.
    sim.inject(Fault::retry_after(
        429,
        RetryAfter::HttpDate(SystemTime::now() + Duration::from_secs(120)),
    ));
    let err = transport
        .send(get_widgets().options(no_retry()))
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(429));
    let after = err.retry_after().unwrap_or_default();
    assert!(
        after > Duration::from_secs(100) && after <= Duration::from_secs(120),
        "{after:?}"
    );
    assert_eq!(err.vendor_code(), Some("TOO_MANY_REQUESTS"));
    Ok(())
}

#[tokio::test]
async fn server_errors_are_injected_by_rule_and_count() -> TestResult {
    let sim = Simulator::start(widgets()).await?;
    let (transport, clock) = client(&sim);
    sim.inject(
        Fault::status(503)
            .times(2)
            .on(Method::GET, "/api/v1/widgets"),
    );
    // Another method or path is not hit.
    transport
        .send(RequestSpec::post("t.create", "/widgets", &[]).json(&json!({"name": "w"})))
        .await?;
    let list: Vec<Value> = transport.execute(get_widgets()).await?;
    assert_eq!(list.len(), 1);
    assert_eq!(clock.sleeps().len(), 2, "two retries");
    assert_eq!(sim.requests().len(), 4);

    for status in [500, 502, 503, 504] {
        sim.inject(Fault::status(status));
        let err = transport
            .send(get_widgets().options(no_retry()))
            .await
            .unwrap_err();
        assert_eq!(err.status().map(|s| s.as_u16()), Some(status));
        assert_eq!(
            err.vendor_message(),
            Some(format!("simulated {status}").as_str())
        );
    }
    // 500 is not retried by default.
    sim.clear_requests();
    sim.inject(Fault::status(500).always());
    assert!(transport.send(get_widgets()).await.is_err());
    assert_eq!(sim.requests().len(), 1);
    sim.clear_faults();
    transport.send(get_widgets()).await?;
    Ok(())
}

#[tokio::test]
async fn a_rate_limit_answers_429_beyond_its_rate_and_the_client_backs_off() -> TestResult {
    use sdk_core::futures_util::StreamExt;
    use sdk_core::limit::for_each_limited;

    let sim = Simulator::start(widgets()).await?;
    let (transport, clock) = client(&sim);
    // One request a second, four at once: ten creates sent together find four tokens.
    sim.rate_limit_with_burst(1, 4);
    let results: Vec<Result<Value, sdk_core::Error>> = for_each_limited(&transport, 0..10, |i| {
        let transport = transport.clone();
        async move {
            let spec = RequestSpec::post("t.create", "/widgets", &[])
                .json(&json!({"name": format!("w{i}")}));
            transport.execute(spec).await
        }
    })
    .collect()
    .await;
    let throttled: Vec<&sdk_core::Error> =
        results.iter().filter_map(|r| r.as_ref().err()).collect();
    assert_eq!(throttled.len(), 6);
    for e in &throttled {
        assert_eq!(e.status().map(|s| s.as_u16()), Some(429));
        assert_eq!(e.retry_after(), Some(Duration::from_secs(1)));
    }
    assert_eq!(sim.throttled(), 6);
    assert_eq!(
        sim.with_store(|s| s.count("widgets", &[])),
        4,
        "a 429 stores nothing"
    );
    let recorded = sim.requests();
    assert_eq!(recorded.len(), 10);
    assert_eq!(recorded.iter().filter(|r| r.throttled).count(), 6);
    assert!(recorded.iter().all(|r| !r.faulted));

    // The client learnt from the answers: a lower limit, and new starts wait out the
    // Retry-After (on the client's manual clock).
    let limiter = transport.limiter();
    assert_eq!(limiter.throttled(), 6);
    assert!(limiter.limit() < 16, "{limiter:?}");
    assert!(
        limiter
            .paused_for()
            .is_some_and(|d| d <= Duration::from_secs(1)),
        "{limiter:?}"
    );
    let slept = clock.sleeps().len();
    drop(limiter.acquire().await);
    assert_eq!(clock.sleeps().len(), slept + 1);
    assert_eq!(limiter.paused_for(), None);

    // Without the limit, everything goes through again.
    sim.rate_limit(0);
    let list: Vec<Value> = transport.execute(get_widgets()).await?;
    assert_eq!(list.len(), 4);
    assert_eq!(sim.throttled(), 6);
    Ok(())
}

#[tokio::test]
async fn a_delay_holds_the_answer_and_can_time_a_request_out() -> TestResult {
    let sim = Simulator::start(widgets()).await?;
    let (transport, _) = client(&sim);
    sim.inject(Fault::delay(Duration::from_millis(40)));
    let start = Instant::now();
    let list: Vec<Value> = transport.execute(get_widgets()).await?;
    assert!(list.is_empty());
    assert!(
        start.elapsed() >= Duration::from_millis(40),
        "{:?}",
        start.elapsed()
    );

    sim.inject(Fault::delay(Duration::from_secs(5)));
    let err = transport
        .send(get_widgets().options(no_retry().timeout(Duration::from_millis(30))))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Timeout);
    Ok(())
}

#[tokio::test]
async fn a_malformed_body_is_a_decode_error() -> TestResult {
    let sim = Simulator::start(widgets()).await?;
    let (transport, _) = client(&sim);
    sim.inject(Fault::malformed_body().method(Method::POST));
    let err = transport
        .execute::<Value>(
            RequestSpec::post("t.create", "/widgets", &[]).json(&json!({"name": "w"})),
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode);
    assert_eq!(err.status().map(|s| s.as_u16()), Some(200));
    assert!(err.body().is_some_and(|b| b.starts_with("{\"id\"")));
    assert_eq!(
        sim.with_store(|s| s.count("widgets", &[])),
        0,
        "a faulted create stores nothing"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_truncated_body_is_a_transport_error() -> TestResult {
    let sim = Simulator::start(widgets()).await?;
    let (transport, _) = client(&sim);
    sim.inject(Fault::truncated_body());
    let err = transport
        .send(get_widgets().options(no_retry()))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Transport);

    // On the wire: a 200 whose Content-Length promises more than arrives.
    sim.inject(Fault::truncated_body());
    let raw = raw_exchange(
        sim.addr(),
        "GET /api/v1/widgets HTTP/1.1\r\nHost: sim\r\n\r\n",
    )
    .await?;
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    let length: usize = head
        .lines()
        .find_map(|l| {
            let l = l.to_ascii_lowercase();
            l.strip_prefix("content-length: ").map(str::to_owned)
        })
        .unwrap_or_default()
        .parse()?;
    assert!(
        !body.is_empty() && body.len() < length,
        "{} of {length}",
        body.len()
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dropped_connection_is_a_transport_error() -> TestResult {
    let sim = Simulator::start(widgets()).await?;
    let (transport, _) = client(&sim);

    // A create is not re-sent: it may have reached the server.
    sim.inject(Fault::drop_connection());
    let err = transport
        .send(RequestSpec::post("t.create", "/widgets", &[]).json(&json!({"name": "w"})))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Transport);
    assert!(!err.is_connect());
    assert_eq!(sim.requests().len(), 1);
    assert_eq!(sim.with_store(|s| s.count("widgets", &[])), 0);

    // A read is retried, and the retry goes through.
    sim.inject(Fault::drop_connection());
    let list: Vec<Value> = transport.execute(get_widgets()).await?;
    assert!(list.is_empty());
    assert_eq!(sim.requests().len(), 3);

    // On the wire: nothing comes back.
    sim.inject(Fault::drop_connection());
    let raw = raw_exchange(
        sim.addr(),
        "GET /api/v1/widgets HTTP/1.1\r\nHost: sim\r\n\r\n",
    )
    .await?;
    assert_eq!(raw, "");
    Ok(())
}

/// Sends `request` on a fresh connection and reads until the server closes it.
async fn raw_exchange(
    addr: std::net::SocketAddr,
    request: &'static str,
) -> Result<String, Box<dyn std::error::Error>> {
    let out = tokio::task::spawn_blocking(move || -> std::io::Result<Vec<u8>> {
        use std::io::{Read, Write};
        let mut s = std::net::TcpStream::connect(addr)?;
        s.set_read_timeout(Some(Duration::from_secs(5)))?;
        s.write_all(request.as_bytes())?;
        let mut buf = Vec::new();
        let _ = s.read_to_end(&mut buf);
        Ok(buf)
    })
    .await??;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

// ---------------------------------------------------------------- records and lifecycle

#[tokio::test]
async fn requests_record_what_was_sent() -> TestResult {
    let sim = Simulator::start(widgets()).await?;
    let (transport, _) = client(&sim);
    transport
        .send(
            RequestSpec::post("t.create", "/widgets", &[])
                .query_param("dryRun", false)
                .json(&json!({"name": "w", "size": 3}))
                .options(RequestOptions::new().header("x-trace", "run-42")?),
        )
        .await?;
    let recorded = sim.requests();
    assert_eq!(recorded.len(), 1);
    let r = &recorded[0];
    assert_eq!(r.method, Method::POST);
    assert_eq!(r.path, "/api/v1/widgets");
    assert_eq!(r.query_value("dryRun"), Some("false"));
    assert_eq!(r.header("x-trace"), Some("run-42"));
    assert_eq!(r.header("content-type"), Some("application/json"));
    assert_eq!(r.json(), Some(json!({"name": "w", "size": 3})));
    sim.clear_requests();
    assert!(sim.requests().is_empty());
    Ok(())
}

#[tokio::test]
async fn bad_descriptions_are_refused_and_shutdown_closes_the_port() -> TestResult {
    for (api, needle) in [
        (
            Api::new("x").resource(Resource::new("a", "/a/{x")),
            "unclosed",
        ),
        (
            Api::new("x").resource(Resource::new("a", "/t/{t}/a").item_path("/a/{id}")),
            "placeholders",
        ),
        (
            Api::new("x")
                .resource(Resource::new("a", "/a"))
                .resource(Resource::new("a", "/b")),
            "twice",
        ),
    ] {
        let err = Simulator::start(api).await.unwrap_err();
        assert_eq!(err.field(), Some("api"));
        assert!(err.to_string().contains(needle), "{err}");
    }

    let sim = Simulator::start(widgets()).await?;
    assert!(sim.base_url().starts_with("http://127.0.0.1:"));
    assert_eq!(sim.api_url(), format!("{}/api/v1", sim.base_url()));
    let (transport, _) = client(&sim);
    transport.send(get_widgets()).await?;
    sim.shutdown().await;
    let err = transport
        .send(get_widgets().options(no_retry()))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Transport);
    Ok(())
}

// ---------------------------------------------------------------- a vendor's own conventions

/// A raw answer's body as JSON.
#[cfg(feature = "xml")]
trait JsonBody {
    async fn json_value(self) -> Result<Value, Box<dyn std::error::Error>>;
}

#[cfg(feature = "xml")]
impl JsonBody for reqwest::Response {
    async fn json_value(self) -> Result<Value, Box<dyn std::error::Error>> {
        Ok(serde_json::from_slice(&self.bytes().await?)?)
    }
}

/// An API that picks the format by path suffix, reads forms into snake_case fields, writes
/// its own errors and XML, and declares its resources with hooks and multi-step lifecycles.
#[cfg(feature = "xml")]
fn conventions_api() -> Api {
    use sdk_core::format::{camel_case, snake_case};
    use sdk_core::sim::{Verb, XmlStyle};

    fn rang(call: &mut Value, status: &str) {
        if status == "done" {
            call["duration"] = json!(42);
        }
    }
    Api::new("conventions")
        .base_path("/v9")
        .format_suffix(".json", Format::Json)
        .format_suffix(".xml", Format::Xml)
        .form_keys(snake_case)
        .error_body(|status, code, message| {
            json!({"status": status, "code": code.parse::<u32>().unwrap_or(1), "message": message})
        })
        .xml(
            XmlStyle::new()
                .envelope("Answer")
                .element_names(camel_case)
                .paging_attributes(|k| k.replace('_', ""))
                .error_element("Fault"),
        )
        .resource(
            Resource::new("calls", "/a/{acct}/calls")
                .id_field("sid")
                .generate_id(IdStyle::Sequence)
                .required(&["to"])
                .only(&[Verb::Create, Verb::Get])
                .list(ListStyle::ZeroIndexed { items_key: "calls" })
                .newest_first(true)
                .list_filter(|query, call| {
                    query
                        .iter()
                        .all(|(k, v)| k != "To" || call["to"].as_str() == Some(v.as_str()))
                })
                .hidden(&["secret"])
                .xml_names("Call", "Calls")
                .long_running(
                    LongRunning::new("status", "queued", "done", "failed")
                        .polls(0)
                        .through(&["ringing", "talking"])
                        .ending("busy", &["ringing"])
                        .ending("failed", &[])
                        .group("voice")
                        .on_status(rang),
                )
                .on_create(|_, change, call| {
                    call["uri"] = json!(change.path);
                    call["secret"] = json!("kept");
                    Ok(())
                }),
        )
        .resource(
            Resource::new("notes", "/a/{acct}/notes")
                .id_field("sid")
                .generate_id(IdStyle::Sequence)
                .list(ListStyle::ZeroIndexed { items_key: "notes" })
                .update_method(Method::POST)
                .list_at("/a/{acct}/calls/{call}/notes", &[("call", "call_sid")])
                .create_at("/a/{acct}/calls/{call}/notes")
                .update_at("/a/{acct}/notes/{sid}/edit")
                .not_found(410, "7", "gone")
                .on_create(|store, change, note| {
                    if let Some(call) = change.param("call") {
                        if store.get("calls", &change.collection(), call).is_none() {
                            return Err(Reply::error(404, "404", "no such call"));
                        }
                        note["call_sid"] = json!(call);
                    }
                    Ok(())
                })
                .on_update(|_, _, note| {
                    note["edited"] = json!(true);
                    Ok(())
                })
                .on_delete(|store, change, _| {
                    let left = store.count("notes", &change.collection()) - 1;
                    store.insert("counts", &[], "notes", json!(left));
                    Ok(())
                }),
        )
        .resource(
            Resource::new("accounts", "/a")
                .item_path("/a/{acct}")
                .only(&[Verb::Get])
                .implicit(|_, id| json!({"name": format!("account {id}")})),
        )
}

#[cfg(feature = "xml")]
#[tokio::test]
async fn a_vendor_api_has_its_suffixes_forms_errors_xml_and_lifecycles() -> TestResult {
    let sim = Simulator::start(conventions_api()).await?;
    let raw = http();
    let url = |path: &str| format!("{}{path}", sim.api_url());
    let form = |path: &str, body: &str| {
        raw.post(url(path))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body.to_owned())
    };

    // Forms read into snake_case; the create answers JSON by its suffix, hidden fields left out.
    let call: Value = form("/a/A1/calls.json", "To=%2B1555&FriendlyName=x")
        .send()
        .await?
        .json_value()
        .await?;
    assert_eq!(call["to"], "+1555");
    assert_eq!(call["friendly_name"], "x");
    assert_eq!(call["status"], "queued");
    assert_eq!(call["uri"], "/v9/a/A1/calls/1");
    assert!(call.get("secret").is_none());
    assert_eq!(
        sim.with_store(|s| s.get("calls", &["A1"], "1").cloned())
            .map(|c| c["secret"].clone()),
        Some(json!("kept"))
    );
    // One status per read, in the style's XML.
    let mut seen = Vec::new();
    for _ in 0..4 {
        let xml = raw
            .get(url("/a/A1/calls/1.xml"))
            .send()
            .await?
            .text()
            .await?;
        assert!(xml.starts_with("<Answer><Call>"), "{xml}");
        let status = xml
            .split("<Status>")
            .nth(1)
            .and_then(|s| s.split('<').next());
        seen.push(status.unwrap_or_default().to_owned());
    }
    assert_eq!(seen, ["ringing", "talking", "done", "done"]);
    let done: Value = raw
        .get(url("/a/A1/calls/1.json"))
        .send()
        .await?
        .json_value()
        .await?;
    assert_eq!(done["duration"], 42, "on_status filled the end in");

    // Another end, its own way; run-time settings for the lifecycle's group.
    sim.end_next("calls", "busy")?;
    sim.set_polls("calls", 1)?;
    form("/a/A1/calls.json", "To=%2B1666").send().await?;
    let mut seen = Vec::new();
    for _ in 0..4 {
        let v: Value = raw
            .get(url("/a/A1/calls/2.json"))
            .send()
            .await?
            .json_value()
            .await?;
        seen.push(v["status"].as_str().unwrap_or_default().to_owned());
    }
    assert_eq!(seen, ["queued", "ringing", "ringing", "busy"]);
    assert!(sim.end_next("notes", "x").is_err(), "not long-running");

    // Lists: filtered, newest first, paging values as attributes in XML.
    let page: Value = raw
        .get(url("/a/A1/calls.json?PageSize=1"))
        .send()
        .await?
        .json_value()
        .await?;
    assert_eq!(page["calls"][0]["sid"], "2");
    assert_eq!(page["total"], 2);
    let only: Value = raw
        .get(url("/a/A1/calls.json?To=%2B1555"))
        .send()
        .await?
        .json_value()
        .await?;
    assert_eq!(
        ids(
            only["calls"].as_array().map_or(&[][..], Vec::as_slice),
            "sid"
        ),
        ["1"]
    );
    let xml = raw
        .get(url("/a/A1/calls.xml?PageSize=1"))
        .send()
        .await?
        .text()
        .await?;
    assert!(
        xml.starts_with("<Answer><Calls page=\"0\" pagesize=\"1\" numpages=\"2\""),
        "{xml}"
    );

    // The API's errors, in the suffix's format; a path without a suffix is unknown.
    let resp = form("/a/A1/calls.json", "From=x").send().await?;
    assert_eq!(resp.status().as_u16(), 400);
    let err: Value = resp.json_value().await?;
    assert_eq!(err["code"], 1);
    assert_eq!(err["status"], 400);
    let resp = raw.delete(url("/a/A1/calls/1.xml")).send().await?;
    assert_eq!(resp.status().as_u16(), 405, "only create and get");
    assert!(resp.text().await?.starts_with("<Answer><Fault>"));
    let resp = raw.get(url("/a/A1/calls/1")).send().await?;
    assert_eq!(resp.status().as_u16(), 404);

    // Other paths of a resource; hooks that check, follow and complete.
    let resp = form("/a/A1/calls/9/notes.json", "Text=hi").send().await?;
    assert_eq!(resp.json_value().await?["code"], 404);
    let note: Value = form("/a/A1/calls/1/notes.json", "Text=hi")
        .send()
        .await?
        .json_value()
        .await?;
    assert_eq!(note["call_sid"], "1");
    let sid = note["sid"].as_str().unwrap_or_default().to_owned();
    form("/a/A1/notes.json", "Text=alone").send().await?;
    let of_call: Value = raw
        .get(url("/a/A1/calls/1/notes.json"))
        .send()
        .await?
        .json_value()
        .await?;
    assert_eq!(of_call["total"], 1);
    let edited: Value = form(&format!("/a/A1/notes/{sid}/edit.json"), "Text=bye")
        .send()
        .await?
        .json_value()
        .await?;
    assert_eq!(
        (&edited["text"], &edited["edited"]),
        (&json!("bye"), &json!(true))
    );
    assert_eq!(
        raw.delete(url(&format!("/a/A1/notes/{sid}.json")))
            .send()
            .await?
            .status()
            .as_u16(),
        204
    );
    assert_eq!(
        sim.with_store(|s| s.get("counts", &[], "notes").cloned()),
        Some(json!(1))
    );
    let resp = raw
        .get(url(&format!("/a/A1/notes/{sid}.json")))
        .send()
        .await?;
    assert_eq!(resp.status().as_u16(), 410);
    assert_eq!(resp.json_value().await?["code"], 7);

    // An item that exists before it is created.
    let account: Value = raw
        .get(url("/a/B2.json"))
        .send()
        .await?
        .json_value()
        .await?;
    assert_eq!(account, json!({"name": "account B2", "id": "B2"}));
    Ok(())
}

/// A fault meant for a create hits the create, not a search on the same path, when it is
/// matched by catalog operation id; the recorded requests name their operations.
#[tokio::test]
async fn faults_match_by_operation_id_and_requests_name_their_operation() -> TestResult {
    let api = Api::new("demo")
        .base_path("/api")
        .resource(Resource::new("widgets", "/widgets"))
        .action(Method::POST, "/widgets:search", |_, _| {
            Reply::json(200, &json!({ "widgets": [] }))
        });
    let sim = Simulator::start(api).await?;
    let t = sim
        .client_builder::<Transport>()
        .base_url(sim.api_url())
        .http_client(http())
        .no_auth()
        .retry_policy(RetryPolicy::none())
        .build()?;
    sim.inject(Fault::status(503).operation("demo.widgets.create"));

    let search = RequestSpec::post("demo.widgets.search", "/widgets:search", &[]).json(&json!({}));
    t.send(search).await?;
    let create =
        RequestSpec::post("demo.widgets.create", "/widgets", &[]).json(&json!({"name": "w"}));
    let err = t
        .send(create.clone())
        .await
        .expect_err("the create is faulted");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    t.send(create).await?;

    let ops: Vec<(Option<String>, bool)> = sim
        .requests()
        .into_iter()
        .map(|r| (r.operation, r.faulted))
        .collect();
    assert_eq!(
        ops,
        [
            (Some("demo.widgets.search".to_owned()), false),
            (Some("demo.widgets.create".to_owned()), true),
            (Some("demo.widgets.create".to_owned()), false),
        ]
    );
    Ok(())
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
struct Widget {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    name: String,
}

impl sdk_core::sim::Simulated for Widget {
    const RESOURCE: &'static str = "widgets";
}

/// The store is seeded and read with model types.
#[tokio::test]
async fn the_store_is_seeded_and_read_with_model_types() -> TestResult {
    let api = Api::new("demo").resource(Resource::new("widgets", "/shops/{shop}/widgets"));
    let sim = Simulator::start(api).await?;
    let (t, _clock) = client(&sim);
    let id = sim.seed_item(
        &["s1"],
        &Widget {
            id: None,
            name: "bolt".into(),
        },
    )?;
    let got: Widget = t
        .execute(RequestSpec::get(
            "demo.widgets.get",
            "/shops/{shop}/widgets/{id}",
            &["s1", &id],
        ))
        .await?;
    assert_eq!(got.name, "bolt");
    let stored: Vec<Widget> = sim.items(&["s1"])?;
    assert_eq!(stored, [got]);
    assert_eq!(
        sim.item::<Widget>(&["s1"], &id)?.map(|w| w.name).as_deref(),
        Some("bolt")
    );
    assert!(sim.items::<Widget>(&["other"])?.is_empty());
    sim.seed("widgets", &["s1"], json!({"id": "raw", "name": 7}))?;
    assert_eq!(
        sim.items::<Widget>(&["s1"]).unwrap_err().kind(),
        ErrorKind::Decode
    );
    Ok(())
}
