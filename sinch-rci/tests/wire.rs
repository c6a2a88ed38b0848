//! What goes on the wire and how answers are read, in JSON and in XML: paging, ids sent
//! as given (only empty and dot ids refused), the document's lengths and ranges left to the
//! service, creates, updates and deletes, search and sort, errors.
#![cfg(feature = "xml")]

use std::collections::HashMap;

use serde_json::{Value, json};
use sinch_rci::common::Sort;
use sinch_rci::messaging_services::AuthenticationRequest;
use sinch_rci::queues::{LoginType, QueueRequest, QueueType};
use sinch_rci::users::{SkillLevel, UserQuery, UserRequest};
use sinch_rci::{ErrorKind, RciClient, WireFormat};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

const JOHN: &str = "E936C474B22311D38FBE0090279A922E";

use sdk_core::sim::test_http_client as http;

fn client(server: &MockServer, format: WireFormat) -> RciClient {
    RciClient::builder()
        .base_url(format!("{}/RI/rci", server.uri()))
        .allow_http(true)
        .basic("admin", "secret")
        .http_client(http())
        .build()
        .expect("client")
        .with_format(format)
}

async fn received(server: &MockServer) -> Vec<Request> {
    server.received_requests().await.expect("recording is on")
}

fn header<'r>(req: &'r Request, name: &str) -> Option<&'r str> {
    req.headers.get(name).and_then(|v| v.to_str().ok())
}

fn query(req: &Request) -> HashMap<String, String> {
    req.url.query_pairs().into_owned().collect()
}

/// `n` users, answered a page at a time as `offset`/`limit` ask, in the format `Accept`
/// asks for.
struct Users(usize);

fn user(i: usize) -> Value {
    json!({"id": format!("{i:032X}"), "firstName": format!("User{i}"), "surname": "Fox"})
}

impl Respond for Users {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        let q = query(req);
        let offset: usize = q.get("offset").and_then(|v| v.parse().ok()).unwrap_or(0);
        let limit: usize = q.get("limit").and_then(|v| v.parse().ok()).unwrap_or(100);
        let page: Vec<Value> = (0..self.0).skip(offset).take(limit).map(user).collect();
        if header(req, "accept") == Some("application/xml") {
            let items: String = page
                .iter()
                .map(|u| {
                    format!(
                        "<user><id>{}</id><firstName>{}</firstName><surname>Fox</surname></user>",
                        u["id"].as_str().unwrap_or_default(),
                        u["firstName"].as_str().unwrap_or_default()
                    )
                })
                .collect();
            ResponseTemplate::new(200).set_body_raw(
                format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<users>{items}</users>"),
                "application/xml",
            )
        } else {
            ResponseTemplate::new(200).set_body_json(Value::Array(page))
        }
    }
}

#[tokio::test]
async fn offset_limit_lists_walk_three_pages_and_stop_on_the_short_one() {
    for format in [WireFormat::Json, WireFormat::Xml] {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path("/RI/rci/users"))
            .respond_with(Users(5))
            .mount(&server)
            .await;
        let users = client(&server, format)
            .users()
            .list(&UserQuery::new().surname("Fox"))
            .page_size(2)
            .collect_all()
            .await
            .expect("list");
        assert_eq!(users.len(), 5, "{format:?}");
        assert_eq!(users[4].first_name.as_deref(), Some("User4"));
        let asked: Vec<(String, String, String)> = received(&server)
            .await
            .iter()
            .map(|r| {
                let q = query(r);
                assert_eq!(q.get("surname").map(String::as_str), Some("Fox"));
                (
                    q["offset"].clone(),
                    q["limit"].clone(),
                    header(r, "accept").unwrap_or_default().to_owned(),
                )
            })
            .collect();
        let mime = if format == WireFormat::Xml {
            "application/xml"
        } else {
            "application/json"
        };
        assert_eq!(
            asked,
            [("0", "2"), ("2", "2"), ("4", "2")]
                .map(|(o, l)| (o.to_owned(), l.to_owned(), mime.to_owned()))
                .to_vec(),
            "{format:?}"
        );
    }
}

#[tokio::test]
async fn an_exact_multiple_ends_with_an_empty_page_and_an_empty_list_asks_once() {
    for format in [WireFormat::Json, WireFormat::Xml] {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path("/RI/rci/users"))
            .respond_with(Users(4))
            .mount(&server)
            .await;
        let c = client(&server, format);
        let pages: Vec<usize> = {
            use sdk_core::futures_util::TryStreamExt;
            c.users()
                .list(&UserQuery::new())
                .page_size(2)
                .pages()
                .map_ok(|p| p.items.len())
                .try_collect()
                .await
                .expect("pages")
        };
        assert_eq!(pages, [2, 2, 0], "{format:?}");

        let empty = MockServer::start().await;
        Mock::given(method("GET"))
            .respond_with(Users(0))
            .mount(&empty)
            .await;
        let none = client(&empty, format)
            .users()
            .list(&UserQuery::new())
            .collect_all()
            .await
            .expect("empty list");
        assert!(none.is_empty());
        assert_eq!(received(&empty).await.len(), 1, "{format:?}");
        let capped = c
            .users()
            .list(&UserQuery::new())
            .page_size(2)
            .max_items(3)
            .collect_all()
            .await
            .expect("capped");
        assert_eq!(capped.len(), 3);
    }
}

#[tokio::test]
async fn ids_are_sent_as_given_and_only_empty_or_dot_ids_are_refused() {
    let server = MockServer::start().await;
    let c = client(&server, WireFormat::Json);

    // What cannot make a correct request is refused, and nothing goes out.
    let e = c.users().get("").await.expect_err("empty");
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert_eq!(e.field(), Some("userId"));
    let e = c.user("..").roles().list().await.expect_err("dot-dot");
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert_eq!(e.field(), Some("userId"));
    let e = c.user(JOHN).skills().get(".").await.expect_err("dot");
    assert_eq!(e.field(), Some("skillId"));
    let e = c
        .user(JOHN)
        .user_groups()
        .add("")
        .await
        .expect_err("empty body id");
    assert_eq!(e.field(), Some("userGroupId"));
    assert!(received(&server).await.is_empty());

    // Any other id is the service's to judge: sent as given, encoded in its one segment.
    Mock::given(method("GET"))
        .respond_with(|req: &Request| {
            if req.url.path().ends_with("/roles") {
                ResponseTemplate::new(200).set_body_json(json!([]))
            } else {
                ResponseTemplate::new(200).set_body_json(json!({"id": JOHN}))
            }
        })
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(201).set_body_raw("7B9ED675", "text/html"))
        .mount(&server)
        .await;
    c.users()
        .get("2B8ED95B0EC911E79675005056A75D9")
        .await
        .expect("31 characters");
    c.user("e936c474b22311d38fbe0090279a922e")
        .roles()
        .list()
        .await
        .expect("lowercase");
    c.user(JOHN)
        .skills()
        .get("not an/id?")
        .await
        .expect("not hexadecimal");
    c.user(JOHN)
        .user_groups()
        .add("7B9ED675")
        .await
        .expect("short body id");
    c.users()
        .create(&UserRequest::new("John", "Fox").time_zone("Helsinki time"))
        .await
        .expect("any time zone");
    let reqs = received(&server).await;
    let paths: Vec<&str> = reqs.iter().map(|r| r.url.path()).collect();
    assert_eq!(
        paths,
        [
            "/RI/rci/users/2B8ED95B0EC911E79675005056A75D9",
            "/RI/rci/users/e936c474b22311d38fbe0090279a922e/roles",
            "/RI/rci/users/E936C474B22311D38FBE0090279A922E/skills/not%20an%2Fid%3F",
            "/RI/rci/users/E936C474B22311D38FBE0090279A922E/userGroups",
            "/RI/rci/users",
        ]
    );
    let body = |i: usize| serde_json::from_slice::<Value>(&reqs[i].body).expect("json body");
    assert_eq!(body(3), json!({"id": "7B9ED675"}));
    assert_eq!(body(4)["timeZone"], "Helsinki time");
    server.reset().await;

    // Queue groups may also have dashed GUIDs, as the document shows them.
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"id": "2CADB6A1-3712-4F13-BC68-938E2B5FEFC1", "name": "CC Agent"}),
        ))
        .mount(&server)
        .await;
    let g = c
        .queue_groups()
        .get("2CADB6A1-3712-4F13-BC68-938E2B5FEFC1")
        .await
        .expect("dashed GUID");
    assert_eq!(g.id.as_str(), "2CADB6A1-3712-4F13-BC68-938E2B5FEFC1");
    assert_eq!(
        received(&server).await[0].url.path(),
        "/RI/rci/queueGroups/2CADB6A1-3712-4F13-BC68-938E2B5FEFC1"
    );
}

#[tokio::test]
async fn creates_ask_for_html_and_return_the_typed_id_in_both_formats() {
    for (format, ct) in [
        (WireFormat::Json, "application/json"),
        (WireFormat::Xml, "application/xml"),
    ] {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .and(path("/RI/rci/queues"))
            .respond_with(
                ResponseTemplate::new(201)
                    .set_body_raw("F5168FBDD6914C8DB1C6D0BD64563A39\n", "text/html"),
            )
            .mount(&server)
            .await;
        let id = client(&server, format)
            .queues()
            .create(
                &QueueRequest::new(QueueType::Phone, "Sales & Co", LoginType::AutoAllocation)
                    .address("100")
                    .address("101"),
            )
            .await
            .expect("create");
        assert_eq!(id.as_str(), "F5168FBDD6914C8DB1C6D0BD64563A39");
        let reqs = received(&server).await;
        assert_eq!(header(&reqs[0], "accept"), Some("text/html"));
        assert_eq!(header(&reqs[0], "content-type"), Some(ct));
        assert_eq!(
            header(&reqs[0], "authorization"),
            Some("Basic YWRtaW46c2VjcmV0")
        );
        let body = String::from_utf8_lossy(&reqs[0].body).into_owned();
        match format {
            WireFormat::Json => assert_eq!(
                serde_json::from_str::<Value>(&body).expect("json"),
                json!({"type": "Phone", "name": "Sales & Co", "loginType": "AutoAllocation",
                       "addresses": {"address": ["100", "101"]}})
            ),
            WireFormat::Xml => assert_eq!(
                body,
                "<queue><type>Phone</type><name>Sales &amp; Co</name><loginType>AutoAllocation</loginType>\
                 <addresses><address>100</address><address>101</address></addresses></queue>"
            ),
            other => panic!("no body expected for {other:?}"),
        }
    }
}

/// The document's lengths (1 to 400 characters for a name, 6 to 256 for an e-mail, at most
/// 512 for a login name) and the skill levels 1 to 5 are the service's to apply: values
/// outside them are sent as given, and only an empty required field is refused.
#[tokio::test]
async fn lengths_and_levels_are_left_to_the_service() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(201)
                .set_body_raw("F5168FBDD6914C8DB1C6D0BD64563A39", "text/html"),
        )
        .mount(&server)
        .await;
    let c = client(&server, WireFormat::Json);
    let long = "x".repeat(401);
    c.users()
        .create(&UserRequest::new(long.as_str(), "Fox").email("a@b.c"))
        .await
        .expect("sent as given");
    c.user(JOHN)
        .skills()
        .add(&SkillLevel::new("ABFF5E5BC1E44E90877C55570D06E8A7", 9))
        .await
        .expect("sent as given");
    let login = "l".repeat(513);
    c.messaging_service("5C3B4D1A8E2F4B6A9C0D1E2F3A4B5C6D")
        .authentications()
        .create(&AuthenticationRequest::new(login.as_str(), "zzzxxxx"))
        .await
        .expect("sent as given");
    let e = c
        .users()
        .create(&UserRequest::new("John", " "))
        .await
        .expect_err("an empty surname");
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert_eq!(e.field(), Some("surname"));

    let reqs = received(&server).await;
    assert_eq!(reqs.len(), 3);
    let body = |i: usize| serde_json::from_slice::<Value>(&reqs[i].body).expect("json");
    assert_eq!(body(0)["firstName"], long.as_str());
    assert_eq!(body(0)["email"], "a@b.c");
    assert_eq!(
        body(1),
        json!({"id": "ABFF5E5BC1E44E90877C55570D06E8A7", "value": 9})
    );
    assert_eq!(body(2)["authenticationId"], login.as_str());
}

#[tokio::test]
async fn updates_carry_the_id_and_any_success_status_will_do() {
    for status in [201, 204, 200] {
        let server = MockServer::start().await;
        Mock::given(method("PUT"))
            .respond_with(
                ResponseTemplate::new(status).set_body_raw("ignored <html/>", "text/html"),
            )
            .mount(&server)
            .await;
        Mock::given(method("DELETE"))
            .respond_with(ResponseTemplate::new(status).set_body_json(
                json!({"message": "The user has been removed properly from user group."}),
            ))
            .mount(&server)
            .await;
        let c = client(&server, WireFormat::Xml);
        c.users()
            .update(JOHN, &UserRequest::new("John", "Fox").login("John.Fox"))
            .await
            .expect("update");
        c.user(JOHN)
            .user_groups()
            .remove("7B9ED6753BCD460C98501E9FD1C02002")
            .await
            .expect("remove");
        let reqs = received(&server).await;
        assert_eq!(reqs[0].url.path(), format!("/RI/rci/users/{JOHN}"));
        assert_eq!(
            String::from_utf8_lossy(&reqs[0].body),
            format!(
                "<user><id>{JOHN}</id><firstName>John</firstName><surname>Fox</surname><login>John.Fox</login></user>"
            )
        );
        assert!(reqs[1].body.is_empty());
    }
}

#[tokio::test]
async fn filters_and_sort_are_sent_as_documented() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([])))
        .mount(&server)
        .await;
    let c = client(&server, WireFormat::Json);
    c.users()
        .list(
            &UserQuery::new()
                .surname("F?x*")
                .email("*@customer.com")
                .sort(Sort::asc("surname").then_desc("firstName").locale("fi")),
        )
        .collect_all()
        .await
        .expect("list");
    let req = &received(&server).await[0];
    let q = query(req);
    assert_eq!(q["surname"], "F?x*");
    assert_eq!(q["email"], "*@customer.com");
    assert_eq!(q["sort"], "surname,-firstName,LOCALE-fi");
    assert!(!req.url.query().unwrap_or_default().contains(' '));
    // A field name the crate would not write is the service's to judge: it arrives whole,
    // as the one `sort` value, and adds no parameter.
    c.users()
        .list(&UserQuery::new().sort(Sort::asc("name&x=1").locale("en US")))
        .collect_all()
        .await
        .expect("sent as given");
    let reqs = received(&server).await;
    assert_eq!(reqs.len(), 2);
    let q = query(&reqs[1]);
    assert_eq!(q["sort"], "name&x=1,LOCALE-en US");
    assert!(!q.contains_key("x"));
    // A sort naming no field is no sort to send.
    let e = c
        .users()
        .list(&UserQuery::new().sort(Sort::default()))
        .collect_all()
        .await
        .expect_err("empty sort");
    assert_eq!(e.field(), Some("sort"));
    assert_eq!(received(&server).await.len(), 2);
}

#[tokio::test]
async fn text_errors_keep_their_text() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/RI/rci/users"))
        .respond_with(ResponseTemplate::new(400).set_body_raw(
            "Invalid GUID: '2B8ED95B0EC911E79675005056A75D9'",
            "text/plain",
        ))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("/RI/rci/users/{JOHN}")))
        .respond_with(ResponseTemplate::new(404).set_body_raw("HTTP 404 Not Found", "text/plain"))
        .mount(&server)
        .await;
    let c = client(&server, WireFormat::Xml);
    let e = c
        .users()
        .list(&UserQuery::new())
        .collect_all()
        .await
        .expect_err("400");
    assert_eq!(e.status().map(|s| s.as_u16()), Some(400));
    assert_eq!(
        e.vendor_message(),
        Some("Invalid GUID: '2B8ED95B0EC911E79675005056A75D9'")
    );
    let e = c.users().get(JOHN).await.expect_err("404");
    assert!(e.is_not_found());
    assert_eq!(e.vendor_message(), Some("HTTP 404 Not Found"));
}

#[tokio::test]
async fn a_time_zone_travels_encoded_in_one_segment() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(
            "<timeZone><id>Europe/Helsinki</id><name>(UTC+02:00) Helsinki</name></timeZone>",
            "application/xml",
        ))
        .mount(&server)
        .await;
    let c = client(&server, WireFormat::Xml);
    let z = c.time_zones().get("Europe/Helsinki").await.expect("zone");
    assert_eq!(z.id.as_str(), "Europe/Helsinki");
    assert_eq!(
        received(&server).await[0].url.path(),
        "/RI/rci/timeZones/Europe%2FHelsinki"
    );
    // Names the crate does not know are the service's to judge, each in its one segment.
    for (name, segment) in [
        ("../users", "..%2Fusers"),
        ("Europe/Hel sinki", "Europe%2FHel%20sinki"),
        ("E", "E"),
    ] {
        c.time_zones().get(name).await.expect(name);
        let reqs = received(&server).await;
        assert_eq!(
            reqs.last().map(|r| r.url.path().to_owned()),
            Some(format!("/RI/rci/timeZones/{segment}")),
            "{name}"
        );
    }
    for bad in ["", ".", ".."] {
        let e = c.time_zones().get(bad).await.expect_err(bad);
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{bad:?}");
        assert_eq!(e.field(), Some("timeZoneId"), "{bad:?}");
    }
    assert_eq!(received(&server).await.len(), 4);
}

/// Items with an id only (lists are projections: every other field is optional), paged as
/// asked, in the format asked for.
struct Ids(usize);

impl Respond for Ids {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        let q = query(req);
        let offset: usize = q.get("offset").and_then(|v| v.parse().ok()).unwrap_or(0);
        let limit: usize = q.get("limit").and_then(|v| v.parse().ok()).unwrap_or(100);
        let ids: Vec<String> = (0..self.0)
            .skip(offset)
            .take(limit)
            .map(|i| format!("{i:032X}"))
            .collect();
        if header(req, "accept") == Some("application/xml") {
            let items: String = ids
                .iter()
                .map(|id| format!("<item><id>{id}</id></item>"))
                .collect();
            ResponseTemplate::new(200)
                .set_body_raw(format!("<items>{items}</items>"), "application/xml")
        } else {
            let items: Vec<Value> = ids.iter().map(|id| json!({ "id": id })).collect();
            ResponseTemplate::new(200).set_body_json(items)
        }
    }
}

/// Walks paged list `which` (0 to 14: the fifteen offset/limit lists of the document)
/// with two items per page; the number of items and the path asked.
async fn walk(c: &RciClient, which: usize) -> (usize, &'static str) {
    macro_rules! n {
        ($list:expr, $path:literal) => {
            (
                $list.page_size(2).collect_all().await.expect($path).len(),
                $path,
            )
        };
    }
    match which {
        0 => n!(c.users().list(&Default::default()), "/RI/rci/users"),
        1 => n!(
            c.user_groups().list(&Default::default()),
            "/RI/rci/userGroups"
        ),
        2 => n!(c.queues().list(&Default::default()), "/RI/rci/queues"),
        3 => n!(
            c.queue_groups().list(&Default::default()),
            "/RI/rci/queueGroups"
        ),
        4 => n!(
            c.queue_group("2CADB6A137124F13BC68938E2B5FEFC1")
                .queues()
                .list(&Default::default()),
            "/RI/rci/queueGroups/2CADB6A137124F13BC68938E2B5FEFC1/queues"
        ),
        5 => n!(c.roles().list(&Default::default()), "/RI/rci/roles"),
        6 => n!(c.skills().list(&Default::default()), "/RI/rci/skills"),
        7 => n!(
            c.time_zones().list(&Default::default()),
            "/RI/rci/timeZones"
        ),
        8 => n!(
            c.prs_profiles().list(&Default::default()),
            "/RI/rci/prsProfiles"
        ),
        9 => n!(
            c.messaging_services().list(&Default::default()),
            "/RI/rci/messagingServices"
        ),
        10 => n!(
            c.reply_templates().list(&Default::default()),
            "/RI/rci/replyTemplates"
        ),
        11 => n!(
            c.custom_ivrs().list(&Default::default()),
            "/RI/rci/customIvrs"
        ),
        12 => n!(
            c.audio_prompts().list(&Default::default()),
            "/RI/rci/audioPrompts"
        ),
        13 => n!(
            c.cp_extensions().list(&Default::default()),
            "/RI/rci/cpExtensions"
        ),
        _ => n!(
            c.disruption_sets().list(&Default::default()),
            "/RI/rci/disruptionSets"
        ),
    }
}

#[tokio::test]
async fn every_paged_list_walks_three_pages_and_an_empty_collection() {
    for format in [WireFormat::Json, WireFormat::Xml] {
        for which in 0..15 {
            for (items, requests) in [(5, 3), (0, 1)] {
                let server = MockServer::start().await;
                Mock::given(method("GET"))
                    .respond_with(Ids(items))
                    .mount(&server)
                    .await;
                let (n, want_path) = walk(&client(&server, format), which).await;
                assert_eq!(n, items, "{want_path} {format:?}");
                let reqs = received(&server).await;
                assert_eq!(reqs.len(), requests, "{want_path} {format:?}");
                for (i, r) in reqs.iter().enumerate() {
                    assert_eq!(r.url.path(), want_path);
                    let q = query(r);
                    assert_eq!(q["offset"], (2 * i).to_string(), "{want_path}");
                    assert_eq!(q["limit"], "2", "{want_path}");
                }
            }
        }
    }
}

/// Answers `self.1` as the JSON or the XML (root `self.0`) that `Accept` asks for.
struct Answer(&'static str, Value);

impl Respond for Answer {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        if header(req, "accept") == Some("application/xml") {
            ResponseTemplate::new(200).set_body_raw(
                sdk_core::format::json_to_xml(self.0, None, &self.1),
                "application/xml",
            )
        } else {
            ResponseTemplate::new(200).set_body_json(self.1.clone())
        }
    }
}

const QUEUE: &str = "409FBE1B217643089F291B8796174643";
const SERVICE: &str = "D6A3A0B1C2D34E5F8A9B0C1D2E3F4A5B";
const SET: &str = "3F2504E04F8911D39A0C0305E82C3301";

/// Fields no model names, a scalar, an object and a list (text only, so that they read the
/// same from XML, where nothing says `4` is a number; the list is a repeated element there).
fn unknown() -> Value {
    json!({"department": "Sales", "badge": {"number": "42", "colour": "red"},
           "tags": ["vip", "night"]})
}

/// `fields` with the unknown fields added.
fn with_unknown(fields: Value) -> Value {
    let mut v = fields;
    for (k, x) in unknown().as_object().into_iter().flatten() {
        v[k] = x.clone();
    }
    v
}

/// The writable resource `which` (0 to 8): its path, XML root, the answer its `get` gets,
/// and the body its update must send (the id, the fields read, the one change, the
/// unknown fields; not what the server keeps).
fn writable(which: usize) -> (String, &'static str, Value, Value) {
    let two_items = |weight: bool| {
        let item = |id: &str, ext: &str, t: &str, w: &str| {
            let mut v = json!({"id": id, "externalId": ext, "type": t});
            if weight {
                v["weight"] = json!(w);
            }
            v
        };
        json!({"item": [
            item("4207972208924A96816382C5E1BFD686", "05", "WHY", "2"),
            item("8207972208924A96816382C5E18FD686", "00100", "WHERE", "1"),
        ]})
    };
    let (path, root, read, change) = match which {
        0 => (
            format!("/RI/rci/users/{JOHN}"),
            "user",
            json!({"id": JOHN, "firstName": "John", "surname": "Fox", "login": "John.Fox"}),
            json!({"email": "john.fox@example.com"}),
        ),
        1 => (
            format!("/RI/rci/queues/{QUEUE}"),
            "queue",
            json!({"id": QUEUE, "type": "Phone", "name": "Helpdesk", "loginType": "HuntGroup",
                   "addresses": {"address": ["101", "102"]}}),
            json!({"description": "Helpdesk phone"}),
        ),
        2 => (
            "/RI/rci/skills/175A098FEDDB41EB8839AACBAB26A0B6".to_owned(),
            "skill",
            json!({"id": "175A098FEDDB41EB8839AACBAB26A0B6", "name": "English",
                   "description": "Speaks English"}),
            json!({"description": "Speaks English fluently"}),
        ),
        3 => (
            "/RI/rci/roles/2CADB6A137124F13BC68938E2B5FEFC1".to_owned(),
            "role",
            json!({"id": "2CADB6A137124F13BC68938E2B5FEFC1", "name": "Agent"}),
            json!({"description": "Answers calls"}),
        ),
        4 => (
            "/RI/rci/userGroups/7B9ED6753BCD460C98501E9FD1C02002".to_owned(),
            "userGroup",
            json!({"id": "7B9ED6753BCD460C98501E9FD1C02002", "name": "HelpDesk"}),
            json!({"name": "Help desk"}),
        ),
        5 => (
            "/RI/rci/queueGroups/2CADB6A1-3712-4F13-BC68-938E2B5FEFC1".to_owned(),
            "queueGroup",
            json!({"id": "2CADB6A1-3712-4F13-BC68-938E2B5FEFC1", "name": "Sales",
                   "description": "Sales queues"}),
            json!({"description": "All sales queues"}),
        ),
        6 => (
            format!("/RI/rci/messagingServices/{SERVICE}"),
            "messagingService",
            json!({"id": SERVICE, "name": "Twilio SMS", "type": "twilio",
                   "connection": "https://serviceaddress/"}),
            json!({"connection": "https://serviceaddress2/"}),
        ),
        7 => (
            format!(
                "/RI/rci/messagingServices/{SERVICE}/authentications/A1B2C3D4E5F60718293A4B5C6D7E8F90"
            ),
            "authentication",
            json!({"id": "A1B2C3D4E5F60718293A4B5C6D7E8F90", "authenticationId": "my_login_id"}),
            json!({"password": "new-password"}),
        ),
        _ => (
            format!("/RI/rci/disruptionSets/{SET}/events/C21269BEA18B4146A219202DD8966FFA"),
            "event",
            json!({"id": "C21269BEA18B4146A219202DD8966FFA", "remarks": "Outage",
                   "modified": "2020-12-29T12:01:00.000Z", "created": "2020-12-29T12:01:00.000Z",
                   "items": two_items(true)}),
            json!({"activeTo": "2021-05-29T12:01:00.000Z"}),
        ),
    };
    let answer = with_unknown(read);
    let mut sent = answer.clone();
    for (k, v) in change.as_object().into_iter().flatten() {
        sent[k] = v.clone();
    }
    if let Some(o) = sent.as_object_mut() {
        o.remove("modified");
        o.remove("created");
    }
    (path, root, answer, sent)
}

/// Reads resource `which` with its `get`, builds its update from what was read, changes
/// one field and sends it.
async fn read_modify_write(c: &RciClient, which: usize) -> sinch_rci::Result<()> {
    use sinch_rci::disruption_sets::DisruptionEventRequest;
    use sinch_rci::messaging_services::MessagingServiceRequest;
    use sinch_rci::queue_groups::QueueGroupRequest;
    use sinch_rci::roles::RoleRequest;
    use sinch_rci::skills::SkillRequest;
    use sinch_rci::user_groups::UserGroupRequest;
    match which {
        0 => {
            let u = c.users().get(JOHN).await?;
            let mut req = UserRequest::from_user(&u)?;
            req.email = Some("john.fox@example.com".into());
            c.users().update(&u.id, &req).await
        }
        1 => {
            let q = c.queues().get(QUEUE).await?;
            let req = QueueRequest::from_queue(&q)?.description("Helpdesk phone");
            c.queues().update(&q.id, &req).await
        }
        2 => {
            let s = c.skills().get("175A098FEDDB41EB8839AACBAB26A0B6").await?;
            let mut req = SkillRequest::from_skill(&s)?;
            req.description = "Speaks English fluently".into();
            c.skills().update(&s.id, &req).await
        }
        3 => {
            let r = c.roles().get("2CADB6A137124F13BC68938E2B5FEFC1").await?;
            let req = RoleRequest::from_role(&r)?.description("Answers calls");
            c.roles().update(&r.id, &req).await
        }
        4 => {
            let g = c
                .user_groups()
                .get("7B9ED6753BCD460C98501E9FD1C02002")
                .await?;
            let mut req = UserGroupRequest::from_user_group(&g)?;
            req.name = "Help desk".into();
            c.user_groups().update(&g.id, &req).await
        }
        5 => {
            let g = c
                .queue_groups()
                .get("2CADB6A1-3712-4F13-BC68-938E2B5FEFC1")
                .await?;
            let mut req = QueueGroupRequest::from_queue_group(&g)?;
            req.description = "All sales queues".into();
            c.queue_groups().update(&g.id, &req).await
        }
        6 => {
            let s = c.messaging_services().get(SERVICE).await?;
            let mut req = MessagingServiceRequest::from_messaging_service(&s)?;
            req.connection = "https://serviceaddress2/".into();
            c.messaging_services().update(&s.id, &req).await
        }
        7 => {
            let auths = c.messaging_service(SERVICE).authentications();
            let a = auths.get("A1B2C3D4E5F60718293A4B5C6D7E8F90").await?;
            let mut req = AuthenticationRequest::from_authentication(&a);
            req.password = Some("new-password".into());
            auths.update(&a.id, &req).await
        }
        _ => {
            let events = c.disruption_set(SET).events();
            let e = events.get("C21269BEA18B4146A219202DD8966FFA").await?;
            let req = DisruptionEventRequest::from_event(&e).active_to("2021-05-29T12:01:00.000Z");
            events.update(&e.id, &req).await
        }
    }
}

#[tokio::test]
async fn a_read_modify_write_sends_back_the_fields_the_sdk_does_not_name() {
    for format in [WireFormat::Json, WireFormat::Xml] {
        for which in 0..9 {
            let (at, root, answer, want) = writable(which);
            let server = MockServer::start().await;
            Mock::given(method("GET"))
                .and(path(at.as_str()))
                .respond_with(Answer(root, answer))
                .mount(&server)
                .await;
            Mock::given(method("PUT"))
                .and(path(at.as_str()))
                .respond_with(ResponseTemplate::new(204))
                .mount(&server)
                .await;
            read_modify_write(&client(&server, format), which)
                .await
                .unwrap_or_else(|e| panic!("{at} {format:?}: {e}"));
            let reqs = received(&server).await;
            assert_eq!(reqs.len(), 2, "{at} {format:?}");
            let put = &reqs[1];
            let sent: Value = match format {
                WireFormat::Json => put.body_json().expect("a JSON body"),
                _ => {
                    let text = String::from_utf8_lossy(&put.body);
                    assert!(text.starts_with(&format!("<{root}>")), "{text}");
                    sdk_core::format::xml_to_json(&text).expect("an XML body")
                }
            };
            // Everything read goes back, the unknown fields (an item's own included) with
            // it, each once.
            assert_eq!(sent, want, "{at} {format:?}");
            let text = String::from_utf8_lossy(&put.body);
            let key = if format == WireFormat::Json {
                "\"department\""
            } else {
                "<department>"
            };
            assert_eq!(text.matches(key).count(), 1, "{text}");
        }
    }
}

#[tokio::test]
async fn unknown_fields_read_the_same_in_json_and_xml() {
    let mut read = Vec::new();
    for format in [WireFormat::Json, WireFormat::Xml] {
        let (at, root, answer, _) = writable(0);
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path(at.as_str()))
            .respond_with(Answer(root, answer))
            .mount(&server)
            .await;
        let u = client(&server, format)
            .users()
            .get(JOHN)
            .await
            .expect("user");
        assert_eq!(u.unknown_fields.get("department"), Some(&json!("Sales")));
        assert_eq!(
            u.unknown_fields.get("badge"),
            Some(&json!({"number": "42", "colour": "red"}))
        );
        assert_eq!(
            u.unknown_fields.get("tags"),
            Some(&json!(["vip", "night"])),
            "{format:?}: every repeated element is kept"
        );
        assert_eq!(u.unknown_fields.len(), 3, "{format:?}");
        read.push(u);
    }
    assert_eq!(read[0], read[1]);
    // A list item and a nested item keep theirs too.
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(Answer(
            "event",
            json!({"id": "C21269BEA18B4146A219202DD8966FFA",
                   "items": {"item": [{"id": "4207972208924A96816382C5E1BFD686", "weight": "2"}]}}),
        ))
        .mount(&server)
        .await;
    for format in [WireFormat::Json, WireFormat::Xml] {
        let e = client(&server, format)
            .disruption_set(SET)
            .events()
            .get("C21269BEA18B4146A219202DD8966FFA")
            .await
            .expect("event");
        assert_eq!(e.items[0].unknown_fields.get("weight"), Some(&json!("2")));
    }
}

#[tokio::test]
async fn an_answer_that_is_not_the_model_is_a_decode_error_naming_the_operation() {
    let answers: [(&str, &str); 6] = [
        (r#"{"error": "x"}"#, "application/json"),
        ("[]", "application/json"),
        (r#""x""#, "application/json"),
        ("<error>x</error>", "application/xml"),
        (
            "<user><firstName>John</firstName></user>",
            "application/xml",
        ),
        ("<users/>", "application/xml"),
    ];
    for (body, mime) in answers {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .respond_with(ResponseTemplate::new(200).set_body_raw(body, mime))
            .mount(&server)
            .await;
        let format = if mime == "application/xml" {
            WireFormat::Xml
        } else {
            WireFormat::Json
        };
        let c = client(&server, format);
        let e = c.users().get(JOHN).await.expect_err(body);
        assert_eq!(e.kind(), ErrorKind::Decode, "{body}: {e}");
        assert_eq!(e.operation(), Some("rci.users.get"), "{body}");
        let e = c.queues().get(QUEUE).await.expect_err(body);
        assert_eq!(e.kind(), ErrorKind::Decode, "{body}: {e}");
        assert_eq!(e.operation(), Some("rci.queues.get"), "{body}");
        let e = c.time_zones().get("Europe/Helsinki").await.expect_err(body);
        assert_eq!(e.operation(), Some("rci.time_zones.get"), "{body}");
    }
    // An attribute list whose items have no name is not a list of attributes.
    for (body, mime, format) in [
        (
            r#"[{"language": "EN"}]"#,
            "application/json",
            WireFormat::Json,
        ),
        (
            "<attributes><attribute><language>EN</language></attribute></attributes>",
            "application/xml",
            WireFormat::Xml,
        ),
    ] {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .respond_with(ResponseTemplate::new(200).set_body_raw(body, mime))
            .mount(&server)
            .await;
        let e = client(&server, format)
            .queue(QUEUE)
            .attributes()
            .list(&Default::default())
            .await
            .expect_err(body);
        assert_eq!(e.kind(), ErrorKind::Decode, "{body}: {e}");
        assert_eq!(e.operation(), Some("rci.queues.attributes.list"), "{body}");
    }
}
