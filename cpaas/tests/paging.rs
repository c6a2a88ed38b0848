//! Every list over three pages, in JSON and in XML: zero-indexed `Page`, `PageSize`, the
//! server's `next_page_uri` followed (HTML-escaped or not), filters kept on every page,
//! the last page recognised.
#![cfg(feature = "xml")]

mod support;

use chrono::NaiveDate;
use cpaas::calls::CallFilter;
use cpaas::mms::MmsFilter;
use cpaas::notifications::NotificationFilter;
use cpaas::paging::Listed;
use cpaas::recordings::RecordingFilter;
use cpaas::sms::SmsFilter;
use cpaas::usages::UsageFilter;
use cpaas::{CpaasClient, DateFilter, Paginator, ResponseFormat};
use sdk_core::futures_util::{StreamExt, TryStreamExt};
use serde::Serialize;
use serde_json::{Value, json};
use support::*;
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// One list: where it lives, how its answers are spelled, one of its items.
struct List {
    template: String,
    key: &'static str,
    list_element: &'static str,
    item_element: &'static str,
    id_key: &'static str,
    item: fn(&str) -> Value,
}

/// Page `n` of 3 (two items a page, one on the last), in `format`. The JSON pages write
/// `&amp;` in their links, as some servers do.
fn page(list: &List, format: ResponseFormat, n: u64) -> ResponseTemplate {
    let body = page_body(list, format, n);
    match format {
        ResponseFormat::Xml => ResponseTemplate::new(200).set_body_raw(
            xml_page(list.list_element, list.item_element, list.key, &body).into_bytes(),
            "application/xml",
        ),
        _ => ResponseTemplate::new(200)
            .set_body_raw(json_text(&body).into_bytes(), "application/json"),
    }
}

/// The values of page `n`, before they are written in `format`.
fn page_body(list: &List, format: ResponseFormat, n: u64) -> Value {
    let base = wire_path(&list.template, format);
    let link = |p: u64| format!("{base}?Page={p}&PageSize=2");
    let ids: Vec<u64> = match n {
        0 => vec![0, 1],
        1 => vec![2, 3],
        _ => vec![4],
    };
    let items: Vec<Value> = ids
        .iter()
        .map(|i| {
            let mut v = (list.item)(&format!("ID{i}"));
            v[list.id_key] = json!(format!("ID{i}"));
            v
        })
        .collect();
    json!({
        "first_page_uri": link(0),
        "end": n * 2 + items.len() as u64 - 1,
        "total": 5,
        "previous_page_uri": if n == 0 { String::new() } else { link(n - 1) },
        "num_pages": 3,
        "uri": link(n),
        "page_size": 2,
        "start": n * 2,
        "next_page_uri": if n == 2 { String::new() } else { link(n + 1) },
        "last_page_uri": link(2),
        "page": n,
        list.key: items,
    })
}

/// A JSON page as the server writes it (`&amp;` in its links).
fn json_text(body: &Value) -> String {
    serde_json::to_string(body)
        .expect("json")
        .replace("&PageSize", "&amp;PageSize")
}

/// Whether the one-pass read of `T` takes a JSON page under `key`: it must when `key` is
/// the type's own, and must leave the page to the general rule otherwise.
fn assert_one_pass<T: Listed>(list: &List) {
    let body = json_text(&page_body(list, ResponseFormat::Json, 0));
    let taken = T::read_page(body).and_then(|(items, _)| items);
    if list.key == T::ITEMS_KEY {
        assert_eq!(taken.map(|i| i.len()), Some(2), "{} in one pass", list.key);
    } else {
        assert!(taken.is_none(), "{} is not {}", list.key, T::ITEMS_KEY);
    }
}

async fn walk<T, F>(list: List, filters: &[(&str, &str)], paginator: F)
where
    T: Listed + Serialize,
    F: Fn(&CpaasClient) -> Paginator<T>,
{
    assert_one_pass::<T>(&list);
    for format in FORMATS {
        let server = MockServer::start().await;
        for n in 0..3u64 {
            Mock::given(method("GET"))
                .and(path(wire_path(&list.template, format)))
                .and(query_param("Page", n.to_string()))
                .respond_with(page(&list, format, n))
                .mount(&server)
                .await;
        }
        let c = client(&server, format);
        let pages: Vec<_> = paginator(&c)
            .page_size(2)
            .pages()
            .try_collect()
            .await
            .expect("three pages");
        assert_eq!(pages.len(), 3, "{} {format:?}", list.template);
        assert_eq!(
            pages.iter().map(|p| p.number).collect::<Vec<_>>(),
            [Some(0), Some(1), Some(2)]
        );
        assert_eq!(pages[0].num_pages, Some(3));
        assert_eq!(pages[0].total, Some(5));
        assert_eq!((pages[1].start, pages[1].end), (Some(2), Some(3)));
        assert_eq!(
            pages[0].next_link.as_deref(),
            Some(format!("{}?Page=1&PageSize=2", wire_path(&list.template, format)).as_str()),
            "links are unescaped"
        );
        assert_eq!(pages[2].next_link, None);
        let ids: Vec<String> = pages
            .iter()
            .flat_map(|p| p.items.iter())
            .map(|i| {
                serde_json::to_value(i).expect("json")[list.id_key]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned()
            })
            .collect();
        assert_eq!(ids, ["ID0", "ID1", "ID2", "ID3", "ID4"]);

        let requests = server.received_requests().await.expect("recording");
        assert_eq!(requests.len(), 3, "no request after the last page");
        for (n, req) in requests.iter().enumerate() {
            assert_eq!(req.url.path(), wire_path(&list.template, format));
            assert_eq!(header(req, "authorization").as_deref(), Some(BASIC));
            let q = query(req);
            assert!(q.contains(&("Page".into(), n.to_string())), "{q:?}");
            assert!(q.contains(&("PageSize".into(), "2".into())), "{q:?}");
            for f in pairs(filters) {
                assert!(q.contains(&f), "page {n} keeps the filter {f:?}: {q:?}");
            }
        }

        // The same walk as one stream of items, stopping early.
        let first_three: Vec<T> = paginator(&c)
            .page_size(2)
            .max_items(3)
            .items()
            .try_collect()
            .await
            .expect("items");
        assert_eq!(first_three.len(), 3);
        assert_eq!(
            server.received_requests().await.expect("recording").len(),
            5,
            "max_items(3) reads two pages"
        );
    }
}

fn may() -> DateFilter {
    DateFilter::month(2019, 5).expect("May")
}

#[tokio::test]
async fn calls_over_three_pages() {
    let list = List {
        template: "/Accounts/{AccountSid}/Calls".into(),
        key: "calls",
        list_element: "Calls",
        item_element: "Call",
        id_key: "sid",
        item: |_| call("completed"),
    };
    walk(
        list,
        &[
            ("StartTime>", "2019-05-01"),
            ("StartTime<", "2019-05-31"),
            ("From", "+12223334444"),
        ],
        |c| {
            c.account()
                .calls()
                .list(&CallFilter::new().start_time(may()).from("+12223334444"))
        },
    )
    .await;
}

#[tokio::test]
async fn sms_over_three_pages() {
    let list = List {
        template: "/Accounts/{AccountSid}/SMS/Messages".into(),
        key: "sms_messages",
        list_element: "SMSMessages",
        item_element: "SMSMessage",
        id_key: "sid",
        item: |id| sms(id, "sent"),
    };
    walk(list, &[("DateSent>", "2019-05-01")], |c| {
        c.account()
            .sms()
            .list(&SmsFilter::new().date_sent(DateFilter::since(
                NaiveDate::from_ymd_opt(2019, 5, 1).expect("date"),
            )))
    })
    .await;
}

#[tokio::test]
async fn mms_over_three_pages() {
    let list = List {
        template: "/Accounts/{AccountSid}/MMS/Messages".into(),
        key: "mms_messages",
        list_element: "MMSMessages",
        item_element: "MMSMessage",
        id_key: "mms_sid",
        item: |id| mms(id, "sent"),
    };
    walk(list, &[("To", "+15556667777")], |c| {
        c.account().mms().list(&MmsFilter::new().to("+15556667777"))
    })
    .await;
}

#[tokio::test]
async fn usages_over_three_pages() {
    let list = List {
        template: "/Accounts/{AccountSid}/Usages".into(),
        key: "usages",
        list_element: "Usages",
        item_element: "Usage",
        id_key: "sid",
        item: usage,
    };
    walk(list, &[("Year", "2019")], |c| {
        c.account().usages().list(&UsageFilter::new().year(2019u32))
    })
    .await;
}

#[tokio::test]
async fn recordings_over_three_pages() {
    let list = List {
        template: "/Accounts/{AccountSid}/Recordings".into(),
        key: "recordings",
        list_element: "Recordings",
        item_element: "Recording",
        id_key: "sid",
        item: recording,
    };
    walk(
        list,
        &[
            ("DateCreated>", "2019-05-01"),
            ("DateCreated<", "2019-05-31"),
        ],
        |c| {
            c.account()
                .recordings()
                .list(&RecordingFilter::new().date_created(may()))
        },
    )
    .await;
}

#[tokio::test]
async fn notifications_over_three_pages() {
    let list = List {
        template: "/Accounts/{AccountSid}/Notifications".into(),
        key: "notifications",
        list_element: "Notifications",
        item_element: "Notification",
        id_key: "sid",
        item: notification,
    };
    walk(list, &[("Log", "0")], |c| {
        c.account()
            .notifications()
            .list(&NotificationFilter::new().log(cpaas::notifications::LogLevel::Error))
    })
    .await;
}

#[tokio::test]
async fn a_calls_recordings_and_notifications_over_three_pages() {
    let list = List {
        template: format!("/Accounts/{{AccountSid}}/Calls/{CALL}/Recordings"),
        key: "recordings",
        list_element: "Recordings",
        item_element: "Recording",
        id_key: "sid",
        item: recording,
    };
    walk(list, &[], |c| c.account().calls().list_recordings(CALL)).await;
    let list = List {
        template: format!("/Accounts/{{AccountSid}}/Calls/{CALL}/Notifications"),
        key: "notifications",
        list_element: "Notifications",
        item_element: "Notification",
        id_key: "sid",
        item: notification,
    };
    walk(list, &[], |c| c.account().calls().list_notifications(CALL)).await;
}

#[tokio::test]
async fn conferences_participants_applications_transcriptions_over_three_pages() {
    use cpaas::applications::ApplicationFilter;
    use cpaas::conferences::{ConferenceFilter, ParticipantFilter};
    use cpaas::transcriptions::TranscriptionFilter;

    let list = List {
        template: "/Accounts/{AccountSid}/Conferences".into(),
        key: "conferences",
        list_element: "Conferences",
        item_element: "Conference",
        id_key: "sid",
        item: conference,
    };
    walk(list, &[("DateCreated>", "2019-05-01")], |c| {
        c.account()
            .conferences()
            .list(&ConferenceFilter::new().date_created(DateFilter::since(
                NaiveDate::from_ymd_opt(2019, 5, 1).expect("date"),
            )))
    })
    .await;
    let list = List {
        template: "/Accounts/{AccountSid}/Conferences/CF0001/Participants".into(),
        key: "participants",
        list_element: "Participants",
        item_element: "Participant",
        id_key: "sid",
        item: participant,
    };
    walk(list, &[("Deaf", "false")], |c| {
        c.account()
            .conference("CF0001")
            .participants()
            .list(&ParticipantFilter::new().deaf(false))
    })
    .await;
    let list = List {
        template: "/Accounts/{AccountSid}/Applications".into(),
        key: "applications",
        list_element: "Applications",
        item_element: "Application",
        id_key: "sid",
        item: application,
    };
    walk(list, &[], |c| {
        c.account().applications().list(&ApplicationFilter::new())
    })
    .await;
    let list = List {
        template: "/Accounts/{AccountSid}/Transcriptions".into(),
        key: "transcriptions",
        list_element: "Transcriptions",
        item_element: "Transcription",
        id_key: "sid",
        item: |id| transcription(id, "completed"),
    };
    walk(list, &[("DateTranscribed<", "2019-05-31")], |c| {
        c.account()
            .transcriptions()
            .list(
                &TranscriptionFilter::new().date_transcribed(DateFilter::until(
                    NaiveDate::from_ymd_opt(2019, 5, 31).expect("date"),
                )),
            )
    })
    .await;
    let list = List {
        template: "/Accounts/{AccountSid}/Recordings/RE0001/Transcriptions".into(),
        key: "transcriptions",
        list_element: "Transcriptions",
        item_element: "Transcription",
        id_key: "sid",
        item: |id| transcription(id, "completed"),
    };
    walk(list, &[], |c| {
        c.account().transcriptions().list_for_recording("RE0001")
    })
    .await;
}

#[tokio::test]
async fn numbers_over_three_pages() {
    use cpaas::numbers::{AvailableNumberFilter, NumberFilter, NumberType};

    for (template, byoc) in [
        ("/Accounts/{AccountSid}/IncomingPhoneNumbers", false),
        ("/Accounts/{AccountSid}/Numbers/Byoc", true),
    ] {
        let list = List {
            template: template.into(),
            key: "incoming_phone_numbers",
            list_element: "IncomingPhoneNumbers",
            item_element: "IncomingPhoneNumber",
            id_key: "sid",
            item: number,
        };
        walk(list, &[("Contains", "555")], move |c| {
            let f = NumberFilter::new().contains("555");
            if byoc {
                c.account().byoc_numbers().list(&f)
            } else {
                c.account().incoming_numbers().list(&f)
            }
        })
        .await;
    }
    let list = List {
        template: "/Accounts/{AccountSid}/AvailablePhoneNumbers/US/Tollfree".into(),
        key: "available_phone_numbers",
        list_element: "AvailablePhoneNumbers",
        item_element: "AvailablePhoneNumber",
        id_key: "phone_number",
        item: available,
    };
    walk(list, &[("InRegion", "WA")], |c| {
        c.account().available_numbers().list(
            "US",
            &NumberType::Tollfree,
            &AvailableNumberFilter::new().in_region("WA"),
        )
    })
    .await;
}

#[tokio::test]
async fn lookups_fraud_and_agents_over_three_pages() {
    use cpaas::fraud::FraudFilter;

    let lookup = |kind: &str, key: &'static str, element: &'static str| List {
        template: format!("/Accounts/{{AccountSid}}/Lookups/{kind}"),
        key,
        list_element: "Lookups",
        item_element: element,
        id_key: "sid",
        item: carrier_lookup,
    };
    walk(
        lookup("Carrier", "carrier_lookups", "CarrierLookup"),
        &[],
        |c| c.account().lookups().carrier_list(),
    )
    .await;
    // The production service's key, and the document's.
    for key in ["cnam_dips", "cnam_lookups"] {
        walk(lookup("Cnam", key, "CnamLookup"), &[], |c| {
            c.account().lookups().cnam_list()
        })
        .await;
    }
    walk(lookup("Bna", "bna_lookups", "BnaLookup"), &[], |c| {
        c.account().lookups().bna_list()
    })
    .await;
    let list = List {
        template: "/Accounts/{AccountSid}/Fraud".into(),
        key: "frauds",
        list_element: "Frauds",
        item_element: "Fraud",
        id_key: "sid",
        item: fraud_rule,
    };
    walk(list, &[("SmsEnabled", "false")], |c| {
        c.account()
            .fraud()
            .list(&FraudFilter::new().sms_enabled(false))
    })
    .await;
    let list = List {
        template: "/Accounts/{AccountSid}/Agents".into(),
        key: "agents",
        list_element: "Agents",
        item_element: "Agent",
        id_key: "sid",
        item: agent,
    };
    walk(list, &[], |c| c.account().agents().list()).await;
}

#[tokio::test]
async fn sip_lists_over_three_pages() {
    let sip = "/Accounts/{AccountSid}/SIP";
    let list = |template: String,
                key: &'static str,
                list_element: &'static str,
                item_element: &'static str,
                item: fn(&str) -> Value| List {
        template,
        key,
        list_element,
        item_element,
        id_key: "sid",
        item,
    };
    walk(
        list(
            format!("{sip}/Domains"),
            "domains",
            "Domains",
            "Domain",
            sip_domain,
        ),
        &[],
        |c| c.account().sip().domains().list(),
    )
    .await;
    walk(
        list(
            format!("{sip}/CredentialLists"),
            "credentials_lists",
            "CredentialLists",
            "CredentialList",
            credential_list,
        ),
        &[],
        |c| c.account().sip().credential_lists().list(),
    )
    .await;
    walk(
        list(
            format!("{sip}/CredentialLists/CL0001/Credentials"),
            "credentials",
            "Credentials",
            "Credential",
            credential,
        ),
        &[],
        |c| {
            c.account()
                .sip()
                .credential_list("CL0001")
                .credentials()
                .list()
        },
    )
    .await;
    walk(
        list(
            format!("{sip}/IpAccessControlLists"),
            "ip_access_control",
            "IpAccessControlLists",
            "IpAccessControlList",
            ip_acl,
        ),
        &[],
        |c| c.account().sip().ip_access_control_lists().list(),
    )
    .await;
    walk(
        list(
            format!("{sip}/IpAccessControlLists/AL0001/IpAddresses"),
            "ip_addresses",
            "IpAddresses",
            "IpAddress",
            ip_address,
        ),
        &[],
        |c| {
            c.account()
                .sip()
                .ip_access_control_list("AL0001")
                .ip_addresses()
                .list()
        },
    )
    .await;
    walk(
        list(
            format!("{sip}/Domains/DO0001/CredentialListMappings"),
            "credential_lists",
            "CredentialLists",
            "CredentialList",
            credential_list,
        ),
        &[],
        |c| {
            c.account()
                .sip()
                .domain("DO0001")
                .credential_list_mappings()
                .list()
        },
    )
    .await;
    walk(
        list(
            format!("{sip}/Domains/DO0001/IpAccessControlListMappings"),
            "ip_access_control",
            "IpAccessControlLists",
            "IpAccessControlList",
            ip_acl,
        ),
        &[],
        |c| c.account().sip().domain("DO0001").ip_acl_mappings().list(),
    )
    .await;
}

#[tokio::test]
async fn a_server_that_repeats_a_page_cannot_make_the_walk_loop() {
    let server = MockServer::start().await;
    let template = "/Accounts/{AccountSid}/Calls";
    let back = format!(
        "{}?Page=0&PageSize=50",
        wire_path(template, ResponseFormat::Json)
    );
    Mock::given(method("GET"))
        .and(path(wire_path(template, ResponseFormat::Json)))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "page": 0, "calls": [call("completed")], "next_page_uri": back,
        })))
        .mount(&server)
        .await;
    let mut items = client(&server, ResponseFormat::Json)
        .account()
        .calls()
        .list(&CallFilter::new())
        .items()
        .take(10);
    let mut n = 0;
    while let Some(item) = items.next().await {
        item.expect("a call");
        n += 1;
    }
    assert_eq!(
        n, 1,
        "a link back to page 0 with no page count ends the walk"
    );
}

#[tokio::test]
async fn links_to_another_origin_are_refused() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "page": 0, "num_pages": 2, "calls": [call("completed")],
            "next_page_uri": "https://evil.example.com/v2/Accounts/x/Calls.json?Page=1",
        })))
        .mount(&server)
        .await;
    let result: Result<Vec<_>, _> = client(&server, ResponseFormat::Json)
        .account()
        .calls()
        .list(&CallFilter::new())
        .items()
        .collect::<Vec<_>>()
        .await
        .into_iter()
        .collect();
    let err = result.unwrap_err();
    assert_eq!(err.field(), Some("next_page_uri"));
}
