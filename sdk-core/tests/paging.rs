//! Paging on the wire: the three styles, their query parameters, where they stop, links
//! that must not steer them, and laziness.

mod support;

use futures_util::{StreamExt, TryStreamExt};
use sdk_core::clock::ManualClock;
use sdk_core::{ErrorKind, Page, Paginator, RequestSpec, Transport};
use serde_json::{Value, json};
use support::{Sequence, queries, received, transport};
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const AXP_PATH: &str = "/accounts/ABC/voice-plans";
const SINCH_PATH: &str = "/agents";
const CPAAS_PATH: &str = "/v2/Accounts/AC1/Calls.json";

fn ids(items: &[Value]) -> Vec<u64> {
    items
        .iter()
        .map(|v| v["id"].as_u64().expect("id"))
        .collect()
}

fn objects(ids: std::ops::RangeInclusive<u64>) -> Vec<Value> {
    ids.map(|id| json!({ "id": id })).collect()
}

// ---------------------------------------------------------------------------------------
// page number (AXP)

fn axp_spec() -> RequestSpec {
    RequestSpec::get(
        "axp.voice_plans.list",
        "/accounts/{accountId}/voice-plans",
        &["ABC"],
    )
}

fn axp_list(t: &Transport, size: u32) -> Paginator<Value> {
    Paginator::page_number(t.clone(), axp_spec(), "resources", size)
}

fn axp_page(
    items: std::ops::RangeInclusive<u64>,
    number: u64,
    size: u64,
    total: u64,
    links: Value,
) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({
        "resources": if items.is_empty() { vec![] } else { objects(items) },
        "pagination": { "pageNumber": number, "pageSize": size, "total": total },
        "links": links,
    }))
}

async fn mount_axp(server: &MockServer, number: u64, answer: ResponseTemplate) {
    Mock::given(method("GET"))
        .and(path(AXP_PATH))
        .and(query_param("pageNumber", number.to_string()))
        .respond_with(answer)
        .mount(server)
        .await;
}

fn axp_queries(pages: std::ops::RangeInclusive<u64>, size: u32) -> Vec<String> {
    pages
        .map(|n| format!("pageNumber={n}&pageSize={size}"))
        .collect()
}

#[tokio::test]
async fn page_number_empty_list_is_one_request() {
    let server = MockServer::start().await;
    #[allow(clippy::reversed_empty_ranges)]
    mount_axp(&server, 1, axp_page(1..=0, 1, 2, 0, json!({}))).await;
    let t = transport(&server, &ManualClock::new());

    let items = axp_list(&t, 2).collect_all().await.unwrap();

    assert!(items.is_empty());
    assert_eq!(queries(&server, AXP_PATH).await, axp_queries(1..=1, 2));
}

#[tokio::test]
async fn page_number_single_page() {
    let server = MockServer::start().await;
    mount_axp(&server, 1, axp_page(1..=1, 1, 2, 1, json!({}))).await;
    let t = transport(&server, &ManualClock::new());

    let items = axp_list(&t, 2).collect_all().await.unwrap();

    assert_eq!(ids(&items), vec![1]);
    assert_eq!(queries(&server, AXP_PATH).await, axp_queries(1..=1, 2));
}

#[tokio::test]
async fn page_number_exact_multiple_stops_at_the_total() {
    let server = MockServer::start().await;
    mount_axp(&server, 1, axp_page(1..=2, 1, 2, 4, json!({}))).await;
    mount_axp(&server, 2, axp_page(3..=4, 2, 2, 4, json!({}))).await;
    let t = transport(&server, &ManualClock::new());

    let items = axp_list(&t, 2).collect_all().await.unwrap();

    assert_eq!(ids(&items), vec![1, 2, 3, 4]);
    // page 3 is never asked for: the total says page 2 was the last
    assert_eq!(queries(&server, AXP_PATH).await, axp_queries(1..=2, 2));
}

#[tokio::test]
async fn page_number_without_total_stops_on_a_short_page() {
    let server = MockServer::start().await;
    let page = |items: std::ops::RangeInclusive<u64>, n: u64| {
        ResponseTemplate::new(200).set_body_json(json!({
            "resources": objects(items),
            "pagination": { "pageNumber": n, "pageSize": 2 },
        }))
    };
    mount_axp(&server, 1, page(1..=2, 1)).await;
    mount_axp(&server, 2, page(3..=3, 2)).await;
    let t = transport(&server, &ManualClock::new());

    let items = axp_list(&t, 2).collect_all().await.unwrap();

    assert_eq!(ids(&items), vec![1, 2, 3]);
    assert_eq!(queries(&server, AXP_PATH).await, axp_queries(1..=2, 2));
}

#[tokio::test]
async fn page_number_ignores_broken_links_for_navigation() {
    let server = MockServer::start().await;
    // Links as the documents show them: wrong paths, `previous` for `prev`, empty strings,
    // a `next` on the last page, a foreign host, even a links value that is not an object.
    mount_axp(
        &server,
        1,
        axp_page(
            1..=2,
            1,
            2,
            5,
            json!({ "next": "/wrong/path?pageNumber=7", "previous": "", "self": "" }),
        ),
    )
    .await;
    mount_axp(
        &server,
        2,
        axp_page(
            3..=4,
            2,
            2,
            5,
            json!({ "next": "", "prev": "https://elsewhere.example/voice-plans?pageNumber=1" }),
        ),
    )
    .await;
    mount_axp(
        &server,
        3,
        axp_page(
            5..=5,
            3,
            2,
            5,
            json!({ "next": format!("{}{AXP_PATH}?pageNumber=4&pageSize=2", server.uri()) }),
        ),
    )
    .await;
    let t = transport(&server, &ManualClock::new());

    let pages: Vec<Page<Value>> = axp_list(&t, 2).pages().try_collect().await.unwrap();

    assert_eq!(pages.len(), 3);
    assert_eq!(ids(&pages[2].items), vec![5]);
    let requests = received(&server).await;
    assert!(requests.iter().all(|r| r.url.path() == AXP_PATH));
    assert_eq!(queries(&server, AXP_PATH).await, axp_queries(1..=3, 2));
    // links are kept as information, empty strings dropped
    assert_eq!(
        pages[0].next_link.as_deref(),
        Some("/wrong/path?pageNumber=7")
    );
    assert_eq!(pages[0].prev_link, None);
    assert_eq!(pages[1].next_link, None);
    assert_eq!(
        pages[1].prev_link.as_deref(),
        Some("https://elsewhere.example/voice-plans?pageNumber=1")
    );
}

#[tokio::test]
async fn page_number_tolerates_links_that_are_empty_or_not_objects() {
    let server = MockServer::start().await;
    mount_axp(&server, 1, axp_page(1..=2, 1, 2, 3, json!(""))).await;
    mount_axp(&server, 2, axp_page(3..=3, 2, 2, 3, Value::Null)).await;
    let t = transport(&server, &ManualClock::new());

    let pages: Vec<Page<Value>> = axp_list(&t, 2).pages().try_collect().await.unwrap();

    assert_eq!(pages.len(), 2);
    assert!(
        pages
            .iter()
            .all(|p| p.next_link.is_none() && p.prev_link.is_none())
    );
    assert_eq!(queries(&server, AXP_PATH).await, axp_queries(1..=2, 2));
}

#[tokio::test]
async fn page_number_total_growing_while_paging_keeps_going() {
    let server = MockServer::start().await;
    mount_axp(&server, 1, axp_page(1..=2, 1, 2, 4, json!({}))).await;
    mount_axp(&server, 2, axp_page(3..=4, 2, 2, 6, json!({}))).await;
    mount_axp(&server, 3, axp_page(5..=6, 3, 2, 6, json!({}))).await;
    let t = transport(&server, &ManualClock::new());

    let items = axp_list(&t, 2).collect_all().await.unwrap();

    assert_eq!(ids(&items), vec![1, 2, 3, 4, 5, 6]);
    assert_eq!(queries(&server, AXP_PATH).await, axp_queries(1..=3, 2));
}

#[tokio::test]
async fn page_number_total_shrinking_while_paging_stops() {
    let server = MockServer::start().await;
    mount_axp(&server, 1, axp_page(1..=2, 1, 2, 10, json!({}))).await;
    mount_axp(&server, 2, axp_page(3..=4, 2, 2, 3, json!({}))).await;
    // were the paginator to go on, page 3 would claim there is still more
    mount_axp(&server, 3, axp_page(5..=6, 3, 2, 10, json!({}))).await;
    let t = transport(&server, &ManualClock::new());

    let items = axp_list(&t, 2).collect_all().await.unwrap();

    assert_eq!(ids(&items), vec![1, 2, 3, 4]);
    assert_eq!(queries(&server, AXP_PATH).await, axp_queries(1..=2, 2));
}

#[tokio::test]
async fn page_number_total_shrinking_to_an_empty_page_stops() {
    let server = MockServer::start().await;
    mount_axp(&server, 1, axp_page(1..=2, 1, 2, 10, json!({}))).await;
    #[allow(clippy::reversed_empty_ranges)]
    mount_axp(&server, 2, axp_page(1..=0, 2, 2, 10, json!({}))).await;
    mount_axp(&server, 3, axp_page(5..=6, 3, 2, 10, json!({}))).await;
    let t = transport(&server, &ManualClock::new());

    let items = axp_list(&t, 2).collect_all().await.unwrap();

    assert_eq!(ids(&items), vec![1, 2]);
    assert_eq!(queries(&server, AXP_PATH).await, axp_queries(1..=2, 2));
}

#[tokio::test]
async fn page_number_server_stuck_on_one_page_number_does_not_loop() {
    let server = MockServer::start().await;
    // A server that ignores `pageNumber` and always reports page 1 of 6 items.
    Mock::given(method("GET"))
        .and(path(AXP_PATH))
        .respond_with(axp_page(1..=2, 1, 2, 6, json!({})))
        .mount(&server)
        .await;
    let t = transport(&server, &ManualClock::new());

    // `take` bounds the test should the paginator loop
    let pages: Vec<_> = axp_list(&t, 2).pages().take(20).collect().await;

    assert_eq!(pages.len(), 3, "6 items of 2 per page are 3 pages");
    assert_eq!(queries(&server, AXP_PATH).await, axp_queries(1..=3, 2));
}

#[tokio::test]
async fn page_number_max_items_stops_requesting_early() {
    let server = MockServer::start().await;
    for n in 1..=5 {
        mount_axp(&server, n, axp_page(n * 2 - 1..=n * 2, n, 2, 10, json!({}))).await;
    }
    let t = transport(&server, &ManualClock::new());

    let items = axp_list(&t, 2).max_items(3).collect_all().await.unwrap();

    assert_eq!(ids(&items), vec![1, 2, 3]);
    assert_eq!(queries(&server, AXP_PATH).await, axp_queries(1..=2, 2));
}

#[tokio::test]
async fn page_number_pages_expose_total_number_and_links() {
    let server = MockServer::start().await;
    mount_axp(
        &server,
        1,
        axp_page(1..=2, 1, 2, 3, json!({ "next": "n1", "previous": "p1" })),
    )
    .await;
    mount_axp(
        &server,
        2,
        axp_page(3..=3, 2, 2, 3, json!({ "prev": "p2" })),
    )
    .await;
    let t = transport(&server, &ManualClock::new());

    let pages: Vec<Page<Value>> = axp_list(&t, 2).pages().try_collect().await.unwrap();

    let meta: Vec<_> = pages
        .iter()
        .map(|p| {
            (
                p.number,
                p.total,
                p.next_link.as_deref(),
                p.prev_link.as_deref(),
                p.items.len(),
            )
        })
        .collect();
    assert_eq!(
        meta,
        vec![
            (Some(1), Some(3), Some("n1"), Some("p1"), 2),
            (Some(2), Some(3), None, Some("p2"), 1),
        ]
    );
}

#[tokio::test]
async fn page_number_stream_dropped_half_way_sends_nothing_more() {
    let server = MockServer::start().await;
    for n in 1..=5 {
        mount_axp(&server, n, axp_page(n * 2 - 1..=n * 2, n, 2, 10, json!({}))).await;
    }
    let t = transport(&server, &ManualClock::new());

    let mut items = axp_list(&t, 2).items();
    let first: Vec<Value> = (&mut items).take(3).try_collect().await.unwrap();
    drop(items);
    tokio::task::yield_now().await;

    assert_eq!(ids(&first), vec![1, 2, 3]);
    assert_eq!(queries(&server, AXP_PATH).await, axp_queries(1..=2, 2));
}

#[tokio::test]
async fn page_number_paginator_is_lazy() {
    let server = MockServer::start().await;
    let t = transport(&server, &ManualClock::new());

    let pages = axp_list(&t, 2).pages();
    tokio::task::yield_now().await;
    drop(pages);

    assert!(received(&server).await.is_empty());
}

#[tokio::test]
async fn page_number_page_size_zero_is_refused_before_sending() {
    let server = MockServer::start().await;
    let t = transport(&server, &ManualClock::new());

    let err = axp_list(&t, 0).collect_all().await.unwrap_err();

    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(err.field(), Some("pageSize"));
    assert!(received(&server).await.is_empty());
}

// ---------------------------------------------------------------------------------------
// offset/limit (Sinch RCI)

fn sinch_list(t: &Transport, limit: u32) -> Paginator<Value> {
    Paginator::offset_limit(
        t.clone(),
        RequestSpec::get("sinch.agents.list", SINCH_PATH, &[]),
        limit,
    )
}

async fn mount_sinch(server: &MockServer, offset: u64, items: Vec<Value>) {
    Mock::given(method("GET"))
        .and(path(SINCH_PATH))
        .and(query_param("offset", offset.to_string()))
        .respond_with(ResponseTemplate::new(200).set_body_json(items))
        .mount(server)
        .await;
}

fn sinch_queries(offsets: &[u64], limit: u32) -> Vec<String> {
    offsets
        .iter()
        .map(|o| format!("offset={o}&limit={limit}"))
        .collect()
}

#[tokio::test]
async fn offset_limit_empty_list_is_one_request() {
    let server = MockServer::start().await;
    mount_sinch(&server, 0, vec![]).await;
    let t = transport(&server, &ManualClock::new());

    let items = sinch_list(&t, 3).collect_all().await.unwrap();

    assert!(items.is_empty());
    assert_eq!(queries(&server, SINCH_PATH).await, sinch_queries(&[0], 3));
}

#[tokio::test]
async fn offset_limit_single_short_page() {
    let server = MockServer::start().await;
    mount_sinch(&server, 0, objects(1..=2)).await;
    let t = transport(&server, &ManualClock::new());

    let items = sinch_list(&t, 3).collect_all().await.unwrap();

    assert_eq!(ids(&items), vec![1, 2]);
    assert_eq!(queries(&server, SINCH_PATH).await, sinch_queries(&[0], 3));
}

#[tokio::test]
async fn offset_limit_exact_multiple_ends_on_one_empty_page() {
    let server = MockServer::start().await;
    mount_sinch(&server, 0, objects(1..=3)).await;
    mount_sinch(&server, 3, objects(4..=6)).await;
    mount_sinch(&server, 6, vec![]).await;
    let t = transport(&server, &ManualClock::new());

    let items = sinch_list(&t, 3).collect_all().await.unwrap();

    assert_eq!(ids(&items), vec![1, 2, 3, 4, 5, 6]);
    assert_eq!(
        queries(&server, SINCH_PATH).await,
        sinch_queries(&[0, 3, 6], 3)
    );
}

#[tokio::test]
async fn offset_limit_max_items_stops_requesting_early() {
    let server = MockServer::start().await;
    for p in 0..4 {
        mount_sinch(&server, p * 3, objects(p * 3 + 1..=p * 3 + 3)).await;
    }
    let t = transport(&server, &ManualClock::new());

    let items = sinch_list(&t, 3).max_items(4).collect_all().await.unwrap();

    assert_eq!(ids(&items), vec![1, 2, 3, 4]);
    assert_eq!(
        queries(&server, SINCH_PATH).await,
        sinch_queries(&[0, 3], 3)
    );
}

#[tokio::test]
async fn offset_limit_pages_carry_no_metadata() {
    let server = MockServer::start().await;
    mount_sinch(&server, 0, objects(1..=2)).await;
    let t = transport(&server, &ManualClock::new());

    let pages: Vec<Page<Value>> = sinch_list(&t, 3).pages().try_collect().await.unwrap();

    assert_eq!(pages.len(), 1);
    assert_eq!(ids(&pages[0].items), vec![1, 2]);
    assert_eq!(
        (pages[0].number, pages[0].total, &pages[0].next_link),
        (None, None, &None)
    );
}

#[tokio::test]
async fn offset_limit_stream_dropped_half_way_sends_nothing_more() {
    let server = MockServer::start().await;
    for p in 0..4 {
        mount_sinch(&server, p * 3, objects(p * 3 + 1..=p * 3 + 3)).await;
    }
    let t = transport(&server, &ManualClock::new());

    let mut items = sinch_list(&t, 3).items();
    let first: Vec<Value> = (&mut items).take(4).try_collect().await.unwrap();
    drop(items);
    tokio::task::yield_now().await;

    assert_eq!(ids(&first), vec![1, 2, 3, 4]);
    assert_eq!(
        queries(&server, SINCH_PATH).await,
        sinch_queries(&[0, 3], 3)
    );
}

#[tokio::test]
async fn offset_limit_limit_zero_is_refused_before_sending() {
    let server = MockServer::start().await;
    let t = transport(&server, &ManualClock::new());

    let err = sinch_list(&t, 0).collect_all().await.unwrap_err();

    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(err.field(), Some("limit"));
    assert!(received(&server).await.is_empty());
}

// ---------------------------------------------------------------------------------------
// zero-indexed page (CPaaS)

/// A CPaaS transport: the base URL carries the `/v2` prefix.
fn cpaas_transport(server: &MockServer) -> Transport {
    Transport::builder()
        .base_url(format!("{}/v2", server.uri()))
        .allow_http(true)
        .no_auth()
        .clock(std::sync::Arc::new(ManualClock::new()))
        .build()
        .expect("transport")
}

fn cpaas_list(t: &Transport, size: u32) -> Paginator<Value> {
    Paginator::zero_indexed(
        t.clone(),
        RequestSpec::get(
            "cpaas.calls.list",
            "/Accounts/{AccountSid}/Calls.json",
            &["AC1"],
        ),
        "calls",
        size,
    )
}

fn cpaas_page(
    items: Vec<Value>,
    page: u64,
    num_pages: u64,
    total: u64,
    next: Option<String>,
) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({
        "calls": items,
        "page": page,
        "num_pages": num_pages,
        "page_size": 2,
        "total": total,
        "start": page * 2,
        "next_page_uri": next,
        "previous_page_uri": if page == 0 { Value::Null } else {
            Value::String(format!("{CPAAS_PATH}?Page={}&PageSize=2", page - 1))
        },
    }))
}

async fn mount_cpaas(server: &MockServer, page: u64, answer: ResponseTemplate) {
    Mock::given(method("GET"))
        .and(path(CPAAS_PATH))
        .and(query_param("Page", page.to_string()))
        .respond_with(answer)
        .mount(server)
        .await;
}

fn next_rel(page: u64) -> Option<String> {
    Some(format!("{CPAAS_PATH}?Page={page}&PageSize=2"))
}

fn cpaas_queries(pages: std::ops::RangeInclusive<u64>) -> Vec<String> {
    pages.map(|p| format!("Page={p}&PageSize=2")).collect()
}

#[tokio::test]
async fn zero_indexed_empty_list_is_one_request() {
    let server = MockServer::start().await;
    mount_cpaas(&server, 0, cpaas_page(vec![], 0, 0, 0, None)).await;
    let t = cpaas_transport(&server);

    let items = cpaas_list(&t, 2).collect_all().await.unwrap();

    assert!(items.is_empty());
    assert_eq!(queries(&server, CPAAS_PATH).await, cpaas_queries(0..=0));
}

#[tokio::test]
async fn zero_indexed_single_page() {
    let server = MockServer::start().await;
    mount_cpaas(&server, 0, cpaas_page(objects(1..=1), 0, 1, 1, None)).await;
    let t = cpaas_transport(&server);

    let items = cpaas_list(&t, 2).collect_all().await.unwrap();

    assert_eq!(ids(&items), vec![1]);
    assert_eq!(queries(&server, CPAAS_PATH).await, cpaas_queries(0..=0));
}

#[tokio::test]
async fn zero_indexed_exact_multiple_stops_at_the_last_page() {
    let server = MockServer::start().await;
    mount_cpaas(&server, 0, cpaas_page(objects(1..=2), 0, 2, 4, next_rel(1))).await;
    // a `next_page_uri` on the last page must not be followed: num_pages says it is last
    mount_cpaas(&server, 1, cpaas_page(objects(3..=4), 1, 2, 4, next_rel(2))).await;
    let t = cpaas_transport(&server);

    let items = cpaas_list(&t, 2).collect_all().await.unwrap();

    assert_eq!(ids(&items), vec![1, 2, 3, 4]);
    assert_eq!(queries(&server, CPAAS_PATH).await, cpaas_queries(0..=1));
}

#[tokio::test]
async fn zero_indexed_follows_a_relative_next_page_uri() {
    let server = MockServer::start().await;
    let next = Some(format!("{CPAAS_PATH}?Page=1&PageSize=2&AfterSid=CA2"));
    mount_cpaas(&server, 0, cpaas_page(objects(1..=2), 0, 2, 3, next)).await;
    mount_cpaas(&server, 1, cpaas_page(objects(3..=3), 1, 2, 3, None)).await;
    let t = cpaas_transport(&server);

    let items = cpaas_list(&t, 2).collect_all().await.unwrap();

    assert_eq!(ids(&items), vec![1, 2, 3]);
    assert_eq!(
        queries(&server, CPAAS_PATH).await,
        vec!["Page=0&PageSize=2", "Page=1&PageSize=2&AfterSid=CA2"]
    );
}

#[tokio::test]
async fn zero_indexed_follows_an_absolute_next_page_uri_on_its_own_origin() {
    let server = MockServer::start().await;
    let next = Some(format!(
        "{}{CPAAS_PATH}?Page=1&PageSize=2&AfterSid=CA2",
        server.uri()
    ));
    mount_cpaas(&server, 0, cpaas_page(objects(1..=2), 0, 2, 3, next)).await;
    mount_cpaas(&server, 1, cpaas_page(objects(3..=3), 1, 2, 3, None)).await;
    let t = cpaas_transport(&server);

    let items = cpaas_list(&t, 2).collect_all().await.unwrap();

    assert_eq!(ids(&items), vec![1, 2, 3]);
    assert_eq!(
        queries(&server, CPAAS_PATH).await,
        vec!["Page=0&PageSize=2", "Page=1&PageSize=2&AfterSid=CA2"]
    );
}

#[tokio::test]
async fn zero_indexed_refuses_a_next_page_uri_on_another_origin() {
    let server = MockServer::start().await;
    let elsewhere = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(cpaas_page(objects(3..=3), 1, 2, 3, None))
        .mount(&elsewhere)
        .await;
    let next = Some(format!("{}{CPAAS_PATH}?Page=1&PageSize=2", elsewhere.uri()));
    mount_cpaas(&server, 0, cpaas_page(objects(1..=2), 0, 2, 3, next)).await;
    mount_cpaas(&server, 1, cpaas_page(objects(3..=3), 1, 2, 3, None)).await;
    let t = cpaas_transport(&server);

    let results: Vec<_> = cpaas_list(&t, 2).items().collect().await;

    assert_eq!(
        results.len(),
        3,
        "two items, then the refusal, then the end"
    );
    assert!(results[0].is_ok() && results[1].is_ok());
    let err = results[2].as_ref().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("another origin"), "{err}");
    assert!(received(&elsewhere).await.is_empty());
    assert_eq!(queries(&server, CPAAS_PATH).await, cpaas_queries(0..=0));
}

#[tokio::test]
async fn zero_indexed_without_next_page_uri_counts_pages() {
    let server = MockServer::start().await;
    mount_cpaas(&server, 0, cpaas_page(objects(1..=2), 0, 3, 5, None)).await;
    mount_cpaas(&server, 1, cpaas_page(objects(3..=4), 1, 3, 5, None)).await;
    mount_cpaas(&server, 2, cpaas_page(objects(5..=5), 2, 3, 5, None)).await;
    let t = cpaas_transport(&server);

    let items = cpaas_list(&t, 2).collect_all().await.unwrap();

    assert_eq!(ids(&items), vec![1, 2, 3, 4, 5]);
    assert_eq!(queries(&server, CPAAS_PATH).await, cpaas_queries(0..=2));
}

#[tokio::test]
async fn zero_indexed_server_stuck_on_one_page_does_not_loop() {
    let server = MockServer::start().await;
    // A server that always answers page 0 of 3, pointing at page 1.
    Mock::given(method("GET"))
        .and(path(CPAAS_PATH))
        .respond_with(cpaas_page(objects(1..=2), 0, 3, 6, next_rel(1)))
        .mount(&server)
        .await;
    let t = cpaas_transport(&server);

    let pages: Vec<_> = cpaas_list(&t, 2).pages().take(20).collect().await;

    assert_eq!(pages.len(), 3, "num_pages is 3");
    assert_eq!(received(&server).await.len(), 3);
}

#[tokio::test]
async fn zero_indexed_max_items_stops_requesting_early() {
    let server = MockServer::start().await;
    for p in 0..4 {
        mount_cpaas(
            &server,
            p,
            cpaas_page(objects(p * 2 + 1..=p * 2 + 2), p, 4, 8, next_rel(p + 1)),
        )
        .await;
    }
    let t = cpaas_transport(&server);

    let items = cpaas_list(&t, 2).max_items(3).collect_all().await.unwrap();

    assert_eq!(ids(&items), vec![1, 2, 3]);
    assert_eq!(queries(&server, CPAAS_PATH).await, cpaas_queries(0..=1));
}

#[tokio::test]
async fn zero_indexed_pages_expose_number_total_and_links() {
    let server = MockServer::start().await;
    mount_cpaas(&server, 0, cpaas_page(objects(1..=2), 0, 2, 3, next_rel(1))).await;
    mount_cpaas(&server, 1, cpaas_page(objects(3..=3), 1, 2, 3, None)).await;
    let t = cpaas_transport(&server);

    let pages: Vec<Page<Value>> = cpaas_list(&t, 2).pages().try_collect().await.unwrap();

    assert_eq!(pages.len(), 2);
    assert_eq!((pages[0].number, pages[0].total), (Some(0), Some(3)));
    assert_eq!(pages[0].next_link, next_rel(1));
    assert_eq!(pages[0].prev_link, None);
    assert_eq!((pages[1].number, pages[1].total), (Some(1), Some(3)));
    assert_eq!(pages[1].next_link, None);
    assert_eq!(
        pages[1].prev_link.as_deref(),
        Some(format!("{CPAAS_PATH}?Page=0&PageSize=2").as_str())
    );
}

#[tokio::test]
async fn zero_indexed_stream_dropped_half_way_sends_nothing_more() {
    let server = MockServer::start().await;
    for p in 0..4 {
        mount_cpaas(
            &server,
            p,
            cpaas_page(objects(p * 2 + 1..=p * 2 + 2), p, 4, 8, next_rel(p + 1)),
        )
        .await;
    }
    let t = cpaas_transport(&server);

    let mut pages = cpaas_list(&t, 2).pages();
    let first = pages.next().await.unwrap().unwrap();
    drop(pages);
    tokio::task::yield_now().await;

    assert_eq!(ids(&first.items), vec![1, 2]);
    assert_eq!(queries(&server, CPAAS_PATH).await, cpaas_queries(0..=0));
}

#[tokio::test]
async fn a_page_size_is_sent_as_given_and_only_zero_is_refused() {
    let server = MockServer::start().await;
    let t = cpaas_transport(&server);

    let err = cpaas_list(&t, 0).collect_all().await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(err.field(), Some("PageSize"));
    let err = cpaas_list(&t, 10)
        .page_size(0)
        .collect_all()
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("PageSize"));
    assert!(received(&server).await.is_empty());

    // The documented cap (50) is the service's to enforce: 50 and 51 are both sent.
    Mock::given(method("GET"))
        .and(path(CPAAS_PATH))
        .respond_with(Sequence::new(vec![
            cpaas_page(vec![], 0, 0, 0, None),
            cpaas_page(vec![], 0, 0, 0, None),
        ]))
        .mount(&server)
        .await;
    cpaas_list(&t, 50).collect_all().await.unwrap();
    cpaas_list(&t, 51).collect_all().await.unwrap();
    assert_eq!(
        queries(&server, CPAAS_PATH).await,
        vec!["Page=0&PageSize=50", "Page=0&PageSize=51"]
    );
}

#[tokio::test]
async fn an_error_page_ends_the_stream_with_the_error() {
    let server = MockServer::start().await;
    mount_axp(&server, 1, axp_page(1..=2, 1, 2, 6, json!({}))).await;
    mount_axp(&server, 2, ResponseTemplate::new(404)).await;
    let t = transport(&server, &ManualClock::new());

    let results: Vec<_> = axp_list(&t, 2).items().collect().await;

    assert_eq!(results.len(), 3);
    let err = results[2].as_ref().unwrap_err();
    assert!(err.is_not_found());
    assert_eq!(err.operation(), Some("axp.voice_plans.list"));
    assert_eq!(queries(&server, AXP_PATH).await, axp_queries(1..=2, 2));
}

#[cfg(feature = "xml")]
fn cpaas_xml_page(ids: std::ops::RangeInclusive<u64>, page: u64, next: &str) -> ResponseTemplate {
    let items: String = ids.map(|i| format!("<Call><id>{i}</id></Call>")).collect();
    let body = format!(
        "<Response><Calls page=\"{page}\" numpages=\"3\" pagesize=\"2\" total=\"5\" \
         start=\"{}\" nextpageuri=\"{next}\">{items}</Calls></Response>",
        page * 2
    );
    ResponseTemplate::new(200).set_body_raw(body.into_bytes(), "application/xml")
}

#[cfg(feature = "xml")]
#[tokio::test]
async fn zero_indexed_reads_xml_envelopes_and_keeps_filters_the_link_drops() {
    let server = MockServer::start().await;
    let xml_path = "/v2/Accounts/AC1/Calls.xml";
    // The links are HTML-escaped, as an XML attribute holding `&amp;` decodes to `&`
    // once and some servers escape twice; they drop the `StartTime>=` filter.
    let link = |p: u64| format!("{xml_path}?Page={p}&amp;amp;PageSize=2");
    for (page, ids, next) in [
        (0, 1..=2, link(1)),
        (1, 3..=4, link(2)),
        (2, 5..=5, String::new()),
    ] {
        Mock::given(method("GET"))
            .and(path(xml_path))
            .and(query_param("Page", page.to_string()))
            .respond_with(cpaas_xml_page(ids, page, &next))
            .mount(&server)
            .await;
    }
    let t = cpaas_transport(&server);
    let spec = RequestSpec::get(
        "cpaas.calls.list",
        "/Accounts/{AccountSid}/Calls.xml",
        &["AC1"],
    )
    .accept(sdk_core::Format::Xml)
    .query_param("StartTime>=", "2019-05-01");

    #[derive(serde::Deserialize)]
    struct Call {
        id: String,
    }
    sdk_core::listed!(Call = "calls");
    let pages: Vec<Page<Call>> = Paginator::zero_indexed(t, spec, "calls", 2)
        .pages()
        .try_collect()
        .await
        .unwrap();

    let ids: Vec<Vec<String>> = pages
        .iter()
        .map(|p| p.items.iter().map(|i| i.id.clone()).collect())
        .collect();
    assert_eq!(ids, [vec!["1", "2"], vec!["3", "4"], vec!["5"]]);
    assert_eq!(
        pages
            .iter()
            .map(|p| (p.number, p.num_pages, p.start))
            .collect::<Vec<_>>(),
        [
            (Some(0), Some(3), Some(0)),
            (Some(1), Some(3), Some(2)),
            (Some(2), Some(3), Some(4))
        ]
    );
    assert_eq!(
        pages[0].next_link.as_deref(),
        Some(format!("{xml_path}?Page=1&PageSize=2").as_str())
    );
    assert_eq!(pages[2].next_link, None);
    let sent = queries(&server, xml_path).await;
    assert_eq!(sent.len(), 3, "{sent:?}");
    assert_eq!(sent[0], "StartTime%3E%3D=2019-05-01&Page=0&PageSize=2");
    for q in &sent[1..] {
        assert!(q.contains("StartTime%3E%3D=2019-05-01"), "filter kept: {q}");
        assert!(!q.contains("amp"), "link unescaped: {q}");
    }
}

#[tokio::test]
async fn zero_indexed_takes_the_one_array_when_the_key_is_absent() {
    let server = MockServer::start().await;
    mount_cpaas(
        &server,
        0,
        ResponseTemplate::new(200).set_body_json(json!({
            "page": 0, "num_pages": 1, "messages": objects(1..=2),
        })),
    )
    .await;
    let items = cpaas_list(&cpaas_transport(&server), 2)
        .collect_all()
        .await
        .unwrap();
    assert_eq!(ids(&items), [1, 2]);
}

/// A page answer that reports when it was asked for.
struct Signal(
    ResponseTemplate,
    tokio::sync::mpsc::UnboundedSender<u64>,
    u64,
);

impl wiremock::Respond for Signal {
    fn respond(&self, _: &wiremock::Request) -> ResponseTemplate {
        let _ = self.1.send(self.2);
        self.0.clone()
    }
}

#[tokio::test]
async fn prefetch_asks_for_the_next_page_before_it_is_read() {
    let server = MockServer::start().await;
    let (tx, mut asked) = tokio::sync::mpsc::unbounded_channel();
    for (page, ids, next) in [
        (0, 1..=2, next_rel(1)),
        (1, 3..=4, next_rel(2)),
        (2, 5..=5, None),
    ] {
        Mock::given(method("GET"))
            .and(path(CPAAS_PATH))
            .and(query_param("Page", page.to_string()))
            .respond_with(Signal(
                cpaas_page(objects(ids), page, 3, 5, next),
                tx.clone(),
                page,
            ))
            .mount(&server)
            .await;
    }
    let t = cpaas_transport(&server);
    let mut pages = cpaas_list(&t, 2).prefetch(true).pages();

    let first = pages.try_next().await.unwrap().expect("page 0");
    assert_eq!(ids(&first.items), [1, 2]);
    assert_eq!(asked.recv().await, Some(0));
    // Page 1 is requested while page 0 is being read, before the stream is polled again.
    let ahead = tokio::time::timeout(std::time::Duration::from_secs(5), asked.recv()).await;
    assert_eq!(ahead.ok().flatten(), Some(1), "page 1 fetched ahead");
    let rest: Vec<Page<Value>> = pages.try_collect().await.unwrap();
    assert_eq!(
        rest.iter().map(|p| ids(&p.items)).collect::<Vec<_>>(),
        [vec![3, 4], vec![5]]
    );
    assert_eq!(queries(&server, CPAAS_PATH).await, cpaas_queries(0..=2));
}

#[tokio::test]
async fn prefetch_sends_nothing_beyond_max_items() {
    let server = MockServer::start().await;
    mount_cpaas(&server, 0, cpaas_page(objects(1..=2), 0, 3, 5, next_rel(1))).await;
    mount_cpaas(&server, 1, cpaas_page(objects(3..=4), 1, 3, 5, next_rel(2))).await;
    let t = cpaas_transport(&server);

    let items = cpaas_list(&t, 2)
        .prefetch(true)
        .max_items(2)
        .collect_all()
        .await
        .unwrap();

    assert_eq!(ids(&items), [1, 2]);
    assert_eq!(queries(&server, CPAAS_PATH).await, cpaas_queries(0..=0));
}
