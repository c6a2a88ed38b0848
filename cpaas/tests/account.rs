//! The account, usages, credentials, base URLs and error answers on the wire.
#![cfg(feature = "xml")]

mod support;

use cpaas::accounts::{AccountStatus, AccountType, AccountUpdate};
use cpaas::usages::UsageFilter;
use cpaas::wire::Scalar;
use cpaas::{CpaasClient, ErrorCode, ErrorKind, Region, ResponseFormat, RestException};
use serde_json::json;
use support::*;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const ACCOUNT: &str = "/Accounts/{AccountSid}";

#[tokio::test]
async fn view_and_update_the_account_in_both_formats() {
    let mut answers = Vec::new();
    for format in FORMATS {
        let (a, req) = exchange(
            format,
            "GET",
            ACCOUNT,
            "Account",
            &account(),
            |c| async move { c.account().get().await },
        )
        .await;
        assert!(req.body.is_empty());
        assert_eq!(a.status, Some(AccountStatus::Active));
        assert_eq!(a.kind, Some(AccountType::Full));
        assert_eq!(a.account_balance.as_ref().and_then(Scalar::get), Some(25.4));
        answers.push(typed(&a));

        let (a, req) = exchange(
            format,
            "POST",
            ACCOUNT,
            "Account",
            &account(),
            |c| async move {
                c.account()
                    .update(&AccountUpdate::new().friendly_name("Ops & Co"))
                    .await
            },
        )
        .await;
        assert_eq!(form(&req), pairs(&[("FriendlyName", "Ops & Co")]));
        assert_eq!(a.sid.as_str(), SID);
    }
    assert_eq!(
        answers[0], answers[1],
        "subresource names read in snake_case from XML too"
    );
}

#[tokio::test]
async fn sub_accounts_and_per_call_options() {
    let server = MockServer::start().await;
    let other = "AC00000000000000000000000000000002";
    Mock::given(method("GET"))
        .and(path(format!("/v2/Accounts/{other}.json")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"sid": other})))
        .mount(&server)
        .await;
    let c = client(&server, ResponseFormat::Json);
    let a = c
        .account_sid(other)
        .options(
            cpaas::RequestOptions::new()
                .header("x-trace", "t-1")
                .expect("header"),
        )
        .get()
        .await
        .expect("the sub-account");
    assert_eq!(a.sid.as_str(), other);
    let req = &server.received_requests().await.expect("recording")[0];
    assert_eq!(header(req, "x-trace").as_deref(), Some("t-1"));
    assert_eq!(
        header(req, "authorization").as_deref(),
        Some(BASIC),
        "the parent's credentials"
    );
}

#[tokio::test]
async fn usages_get_and_list() {
    for format in FORMATS {
        let (u, _) = exchange(
            format,
            "GET",
            "/Accounts/{AccountSid}/Usages/US0001",
            "Usage",
            &usage("US0001"),
            |c| async move { c.account().usages().get("US0001").await },
        )
        .await;
        assert_eq!(u.product_id.as_ref().and_then(Scalar::get), Some(3));
        assert_eq!(u.day.as_ref().and_then(Scalar::get), Some(15));
        assert_eq!(u.total_cost.as_ref().and_then(Scalar::get), Some(0.03));
        assert_eq!(typed(&u), textual(usage("US0001")));
    }
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(wire_path(
            "/Accounts/{AccountSid}/Usages",
            ResponseFormat::Json,
        )))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"page": 0, "num_pages": 1, "usages": [usage("US0001")]})),
        )
        .mount(&server)
        .await;
    let c = client(&server, ResponseFormat::Json);
    let all = c
        .account()
        .usages()
        .list(
            &UsageFilter::new()
                .day(15u32)
                .month(5u32)
                .year(2019u32)
                .product(3u32),
        )
        .collect_all()
        .await
        .expect("usages");
    assert_eq!(all.len(), 1);
    let req = &server.received_requests().await.expect("recording")[0];
    assert_eq!(
        query(req),
        pairs(&[
            ("Day", "15"),
            ("Month", "5"),
            ("Year", "2019"),
            ("Product", "3"),
            ("Page", "0"),
            ("PageSize", "50")
        ])
    );
    // A month out of range is the server's to judge: sent as given.
    c.account()
        .usages()
        .list(&UsageFilter::new().month(13u32))
        .collect_all()
        .await
        .expect("sent");
    let reqs = server.received_requests().await.expect("recording");
    assert_eq!(
        query(&reqs[1]),
        pairs(&[("Month", "13"), ("Page", "0"), ("PageSize", "50")])
    );
}

#[tokio::test]
async fn rest_exceptions_in_json_and_xml() {
    let xml = "<Response>\n<RestException>\n<Status>403</Status>\n<Message>Invalid credentials</Message>\n<Code>10004</Code>\n<MoreInfo>http://www.zang.io/docs/api/rest/overview/errors/10004</MoreInfo>\n</RestException>\n</Response>\n";
    let json = json!({"status": 403, "message": "Invalid credentials", "code": 10004, "more_info": "http://www.zang.io/docs/api/rest/overview/errors/10004"});
    for (format, answer) in [
        (
            ResponseFormat::Xml,
            ResponseTemplate::new(403).set_body_raw(xml.as_bytes().to_vec(), "application/xml"),
        ),
        (
            ResponseFormat::Json,
            ResponseTemplate::new(403).set_body_json(&json),
        ),
        (
            ResponseFormat::Json,
            ResponseTemplate::new(403).set_body_json(json!({"RestException": json})),
        ),
    ] {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .respond_with(answer)
            .mount(&server)
            .await;
        let err = client(&server, format).account().get().await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Api);
        assert_eq!(err.status().map(|s| s.as_u16()), Some(403));
        assert_eq!(err.vendor_message(), Some("Invalid credentials"));
        let code = ErrorCode::of(&err).expect("a code");
        assert_eq!(code.description(), Some("Invalid credentials supplied"));
        let exception = RestException::of(&err).expect("the exception");
        assert_eq!(exception.error_code(), Some(code));
        assert_eq!(
            exception.more_info.as_deref(),
            Some("http://www.zang.io/docs/api/rest/overview/errors/10004")
        );
        assert_eq!(exception.status.as_ref().and_then(Scalar::get), Some(403));
    }
}

#[tokio::test]
async fn the_version_segment_is_joined_once() {
    for suffix in ["", "/", "/v2", "/v2/"] {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path(format!("/v2/Accounts/{SID}.json")))
            .respond_with(ResponseTemplate::new(200).set_body_json(account()))
            .mount(&server)
            .await;
        let c = CpaasClient::builder()
            .base_url(format!("{}{suffix}", server.uri()))
            .allow_http(true)
            .basic(SID, TOKEN)
            .http_client(http())
            .build()
            .expect("client");
        c.account().get().await.expect("reached /v2/Accounts once");
    }
}

#[test]
fn builder_rules() {
    assert_eq!(
        Region::Us.base_url(),
        "https://api-us.cpaas.avayacloud.com/v2"
    );
    assert_eq!(
        Region::Sg.base_url(),
        "https://api-sg.cpaas.avayacloud.com/v2"
    );
    let c = CpaasClient::new(Region::Eu, SID, TOKEN).expect("client");
    assert_eq!(
        c.transport().base_url().as_str(),
        "https://api-eu.cpaas.avayacloud.com/v2"
    );
    assert_eq!(c.default_account_sid(), Some(SID));
    assert_eq!(c.account().sid(), SID);
    assert_eq!(c.format(), ResponseFormat::Json);
    assert_eq!(
        c.with_format(ResponseFormat::Xml).format(),
        ResponseFormat::Xml
    );
    assert!(
        !format!("{c:?}").contains(TOKEN),
        "the AuthToken never shows"
    );
    let builder = CpaasClient::builder().region(Region::Us).basic(SID, TOKEN);
    assert!(!format!("{builder:?}").contains(TOKEN));
    let err = CpaasClient::builder()
        .basic(SID, TOKEN)
        .build()
        .unwrap_err();
    assert_eq!(err.field(), Some("base_url"), "no default base URL");
    let err = CpaasClient::builder()
        .base_url("http://api.zang.io")
        .basic(SID, TOKEN)
        .build()
        .unwrap_err();
    assert_eq!(err.field(), Some("base_url"), "HTTPS only");
    let err = CpaasClient::builder()
        .region(Region::Us)
        .build()
        .unwrap_err();
    assert_eq!(err.field(), Some("auth"));
}

#[tokio::test]
async fn no_account_sid_fails_before_sending() {
    let server = MockServer::start().await;
    let c = CpaasClient::builder()
        .base_url(server.uri())
        .allow_http(true)
        .no_auth()
        .http_client(http())
        .build()
        .expect("client");
    let err = c.account().get().await.unwrap_err();
    assert_eq!(
        (err.kind(), err.field()),
        (ErrorKind::InvalidInput, Some("AccountSid"))
    );
    assert!(
        server
            .received_requests()
            .await
            .expect("recording")
            .is_empty()
    );
}

#[tokio::test]
async fn applications_create_get_update_delete_list() {
    use cpaas::HttpMethod;
    use cpaas::applications::{ApplicationFilter, ApplicationRequest};

    const APPS: &str = "/Accounts/{AccountSid}/Applications";
    const APP: &str = "/Accounts/{AccountSid}/Applications/AP0001";
    let mut answers = Vec::new();
    for format in FORMATS {
        let (a, req) = exchange(
            format,
            "POST",
            APPS,
            "Application",
            &application("AP0001"),
            |c| async move {
                let r = ApplicationRequest::new()
                    .friendly_name("Support")
                    .voice_url("https://example.com/voice.xml")
                    .sms_url("https://example.com/sms.xml")
                    .sms_method(HttpMethod::Get)
                    .voice_caller_id_lookup(false);
                c.account().applications().create(&r).await
            },
        )
        .await;
        assert_eq!(
            form(&req),
            pairs(&[
                ("FriendlyName", "Support"),
                ("VoiceUrl", "https://example.com/voice.xml"),
                ("VoiceCallerIdLookup", "false"),
                ("SmsUrl", "https://example.com/sms.xml"),
                ("SmsMethod", "GET"),
            ])
        );
        assert_eq!(a.sms_method, Some(HttpMethod::Get));
        answers.push(typed(&a));
        let (_, req) = exchange(
            format,
            "GET",
            APP,
            "Application",
            &application("AP0001"),
            |c| async move { c.account().applications().get("AP0001").await },
        )
        .await;
        assert!(req.body.is_empty());
        let (_, req) = exchange(
            format,
            "POST",
            APP,
            "Application",
            &application("AP0001"),
            |c| async move {
                c.account()
                    .applications()
                    .update(
                        "AP0001",
                        &ApplicationRequest::new().status_callback("https://example.com/s2"),
                    )
                    .await
            },
        )
        .await;
        assert_eq!(
            form(&req),
            pairs(&[("StatusCallback", "https://example.com/s2")])
        );
        let (a, _) = exchange(
            format,
            "DELETE",
            APP,
            "Application",
            &application("AP0001"),
            |c| async move { c.account().applications().delete("AP0001").await },
        )
        .await;
        assert_eq!(a.sid.as_str(), "AP0001");
    }
    assert_eq!(answers[0], answers[1]);
    assert_eq!(answers[0], textual(application("AP0001")));

    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(wire_path(APPS, ResponseFormat::Json)))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"page": 0, "num_pages": 1, "applications": [application("AP0001")]}),
        ))
        .mount(&server)
        .await;
    let all = client(&server, ResponseFormat::Json)
        .account()
        .applications()
        .list(&ApplicationFilter::new().friendly_name("Support"))
        .collect_all()
        .await
        .expect("applications");
    assert_eq!(all.len(), 1);
    let req = &server.received_requests().await.expect("recording")[0];
    assert_eq!(
        query(req),
        pairs(&[
            ("FriendlyName", "Support"),
            ("Page", "0"),
            ("PageSize", "50")
        ])
    );
}

#[tokio::test]
async fn incoming_and_byoc_numbers() {
    use cpaas::HttpMethod;
    use cpaas::numbers::{NewByocNumber, NewNumber, NumberFilter, NumberSettings};

    const NUMBERS: &str = "/Accounts/{AccountSid}/IncomingPhoneNumbers";
    const NUMBER: &str = "/Accounts/{AccountSid}/IncomingPhoneNumbers/PN0001";
    const BYOC: &str = "/Accounts/{AccountSid}/Numbers/Byoc";
    const BYOC_ITEM: &str = "/Accounts/{AccountSid}/Numbers/Byoc/PN0001";
    for format in FORMATS {
        let (n, req) = exchange(
            format,
            "POST",
            NUMBERS,
            "IncomingPhoneNumber",
            &number("PN0001"),
            |c| async move {
                let settings = NumberSettings::new()
                    .voice_url("https://example.com/voice.xml")
                    .voice_method(HttpMethod::Get);
                c.account()
                    .incoming_numbers()
                    .create(&NewNumber::in_area_code("206").settings(settings))
                    .await
            },
        )
        .await;
        assert_eq!(
            form(&req),
            pairs(&[
                ("AreaCode", "206"),
                ("VoiceUrl", "https://example.com/voice.xml"),
                ("VoiceMethod", "GET")
            ])
        );
        assert_eq!(
            n.voice_url.as_deref(),
            Some("https://example.com/voice.xml")
        );
        assert_eq!(
            n.capabilities
                .as_ref()
                .and_then(|c| c.sms.as_ref())
                .and_then(Scalar::get),
            Some(true)
        );

        let (n, _) = exchange(
            format,
            "GET",
            NUMBER,
            "IncomingPhoneNumber",
            &number("PN0001"),
            |c| async move { c.account().incoming_numbers().get("PN0001").await },
        )
        .await;
        assert_eq!(n.phone_number.as_deref(), Some("+12065550100"));
        let (n, _) = exchange(
            format,
            "GET",
            NUMBER,
            "IncomingPhoneNumber",
            &number("PN0001"),
            |c| async move { c.account().byoc_numbers().get("PN0001").await },
        )
        .await;
        assert_eq!(
            n.sid.as_str(),
            "PN0001",
            "BYOC numbers are viewed at the incoming-number URL"
        );

        for (template, byoc) in [(NUMBER, false), (BYOC_ITEM, true)] {
            let (_, req) = exchange(
                format,
                "POST",
                template,
                "IncomingPhoneNumber",
                &number("PN0001"),
                |c| async move {
                    let s = NumberSettings::new()
                        .friendly_name("Sales")
                        .sms_application_sid("AP0001");
                    if byoc {
                        c.account().byoc_numbers().update("PN0001", &s).await
                    } else {
                        c.account().incoming_numbers().update("PN0001", &s).await
                    }
                },
            )
            .await;
            assert_eq!(
                form(&req),
                pairs(&[("FriendlyName", "Sales"), ("SmsApplicationSid", "AP0001")])
            );
            let (n, req) = exchange(
                format,
                "DELETE",
                template,
                "IncomingPhoneNumber",
                &number("PN0001"),
                |c| async move {
                    if byoc {
                        c.account().byoc_numbers().delete("PN0001").await
                    } else {
                        c.account().incoming_numbers().delete("PN0001").await
                    }
                },
            )
            .await;
            assert!(req.body.is_empty());
            assert_eq!(n.sid.as_str(), "PN0001");
        }

        let (_, req) = exchange(
            format,
            "POST",
            BYOC,
            "IncomingPhoneNumber",
            &number("PN0001"),
            |c| async move {
                c.account()
                    .byoc_numbers()
                    .create(&NewByocNumber::new("Carrier", "39111111111"))
                    .await
            },
        )
        .await;
        assert!(
            req.url.query().is_none(),
            "BYOC fields travel in the body, not the query"
        );
        assert_eq!(
            form(&req),
            pairs(&[
                ("ByocVendor", "Carrier"),
                ("PhoneNumber", "39111111111"),
                ("Type", "Local")
            ])
        );
    }
    for (template, byoc) in [(NUMBERS, false), (BYOC, true)] {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path(wire_path(template, ResponseFormat::Json)))
            .respond_with(ResponseTemplate::new(200).set_body_json(
                json!({"page": 0, "num_pages": 1, "incoming_phone_numbers": [number("PN0001")]}),
            ))
            .mount(&server)
            .await;
        let c = client(&server, ResponseFormat::Json);
        let filter = NumberFilter::new().contains("555").friendly_name("Support");
        let all = if byoc {
            c.account().byoc_numbers().list(&filter).collect_all().await
        } else {
            c.account()
                .incoming_numbers()
                .list(&filter)
                .collect_all()
                .await
        }
        .expect("numbers");
        assert_eq!(all.len(), 1);
        let req = &server.received_requests().await.expect("recording")[0];
        assert_eq!(
            query(req),
            pairs(&[
                ("Contains", "555"),
                ("FriendlyName", "Support"),
                ("Page", "0"),
                ("PageSize", "50")
            ])
        );
    }
}

#[tokio::test]
async fn available_numbers_and_countries() {
    use cpaas::numbers::{AvailableNumberFilter, CountryFilter, NumberType};

    for format in FORMATS {
        let server = MockServer::start().await;
        let template = "/Accounts/{AccountSid}/AvailablePhoneNumbers/US/Local";
        let page = json!({"page": 0, "num_pages": 1, "available_phone_numbers": [available("+12065550100")]});
        let body = match format {
            ResponseFormat::Xml => ResponseTemplate::new(200).set_body_raw(
                xml_page(
                    "AvailablePhoneNumbers",
                    "AvailablePhoneNumber",
                    "available_phone_numbers",
                    &page,
                )
                .into_bytes(),
                "application/xml",
            ),
            _ => ResponseTemplate::new(200).set_body_json(&page),
        };
        Mock::given(method("GET"))
            .and(path(wire_path(template, format)))
            .respond_with(body)
            .mount(&server)
            .await;
        let c = client(&server, format);
        let found = c
            .account()
            .available_numbers()
            .list(
                "US",
                &NumberType::Local,
                &AvailableNumberFilter::new()
                    .area_code("206")
                    .contains("555"),
            )
            .collect_all()
            .await
            .expect("numbers");
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].longitude.as_ref().and_then(Scalar::get),
            Some(-122.3321)
        );
        assert_eq!(
            found[0].voice_enabled.as_ref().and_then(Scalar::get),
            Some(true)
        );
        let req = &server.received_requests().await.expect("recording")[0];
        assert_eq!(
            query(req),
            pairs(&[
                ("Contains", "555"),
                ("AreaCode", "206"),
                ("Page", "0"),
                ("PageSize", "50")
            ])
        );
    }
    // A country and a type the document does not list are the service's to judge.
    let server = MockServer::start().await;
    let template = "/Accounts/{AccountSid}/AvailablePhoneNumbers/usa/Mobile";
    Mock::given(method("GET"))
        .and(path(wire_path(template, ResponseFormat::Json)))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"page": 0, "num_pages": 1, "available_phone_numbers": []})),
        )
        .mount(&server)
        .await;
    let none = client(&server, ResponseFormat::Json)
        .account()
        .available_numbers()
        .list(
            "usa",
            &NumberType::Unknown("Mobile".into()),
            &AvailableNumberFilter::new(),
        )
        .collect_all()
        .await
        .expect("sent as given");
    assert!(none.is_empty());

    let countries = json!({"countries": [{"country": "US"}, {"country": "CA"}]});
    // `ServiceType` outside the document's four values: sent as given.
    let (v, req) = exchange(
        ResponseFormat::Json,
        "GET",
        "/Accounts/{AccountSid}/Numbers/AllowedCountries/Tollfree",
        "AllowedCountries",
        &countries,
        |c| async move {
            c.account()
                .available_numbers()
                .list_countries(
                    &NumberType::Tollfree,
                    &CountryFilter::new().service_type("trunking"),
                )
                .await
        },
    )
    .await;
    assert_eq!(v, countries);
    assert_eq!(query(&req), pairs(&[("ServiceType", "trunking")]));
}

#[tokio::test]
async fn lookups_post_the_numbers_and_list_them() {
    use cpaas::lookups::LookupRequest;

    for format in FORMATS {
        let (l, req) = exchange(
            format,
            "POST",
            "/Accounts/{AccountSid}/Lookups/Carrier",
            "CarrierLookup",
            &carrier_lookup("CL0001"),
            |c| async move {
                c.account()
                    .lookups()
                    .carrier(&LookupRequest::new("+15556667777"))
                    .await
            },
        )
        .await;
        assert_eq!(form(&req), pairs(&[("PhoneNumber", "+15556667777")]));
        assert_eq!(l.len(), 1, "one object is one result");
        assert_eq!(l[0].mobile.as_ref().and_then(Scalar::get), Some(true));
        assert_eq!(typed(&l[0]), textual(carrier_lookup("CL0001")));
    }
    let cnam = json!({"sid": "CN0001", "phone_number": "+15556667777", "body": "ADA LOVELACE", "price": "0.01"});
    let (l, req) = exchange(
        ResponseFormat::Json,
        "POST",
        "/Accounts/{AccountSid}/Lookups/Cnam",
        "CnamLookup",
        &cnam,
        |c| async move {
            c.account()
                .lookups()
                .cnam(&LookupRequest::new("+15556667777").and("+15556667778"))
                .await
        },
    )
    .await;
    assert_eq!(
        form(&req),
        pairs(&[
            ("PhoneNumber", "+15556667777"),
            ("PhoneNumber", "+15556667778")
        ])
    );
    assert_eq!(l[0].body.as_deref(), Some("ADA LOVELACE"));
    let bna = json!([{"sid": "BN1", "first_name": "Ada", "state": "WA"}, {"sid": "BN2", "first_name": "Bob"}]);
    let (l, _) = exchange(
        ResponseFormat::Json,
        "POST",
        "/Accounts/{AccountSid}/Lookups/Bna",
        "BnaLookup",
        &bna,
        |c| async move {
            c.account()
                .lookups()
                .bna(&LookupRequest::new("+15556667777").and("+15556667778"))
                .await
        },
    )
    .await;
    assert_eq!(l.len(), 2, "several numbers, several results");
}

/// The list envelope the production service answers a lookup with, in `format`.
fn lookup_page(
    format: ResponseFormat,
    key: &str,
    list: &str,
    item: &str,
    items: Vec<serde_json::Value>,
) -> ResponseTemplate {
    let page = json!({
        "page": 0, "num_pages": 1, "page_size": 50, "total": items.len(), "start": 0,
        "end": items.len().saturating_sub(1), "next_page_uri": "", key: items,
    });
    match format {
        ResponseFormat::Xml => ResponseTemplate::new(200).set_body_raw(
            xml_page(list, item, key, &page).into_bytes(),
            "application/xml",
        ),
        _ => ResponseTemplate::new(200).set_body_json(&page),
    }
}

#[tokio::test]
async fn lookups_read_the_production_list_envelope() {
    use cpaas::lookups::LookupRequest;

    for format in FORMATS {
        let server = MockServer::start().await;
        let mut sponsored = carrier_lookup("CL0002");
        sponsored["phone_number"] = json!("+15556667778");
        sponsored["sponsor_carrier_id"] = json!("6529");
        sponsored["sponsor_mobile"] = json!("false");
        sponsored["sponsor_network"] = json!("Sponsor Wireless");
        sponsored["sponsor_country_code"] = json!("US");
        sponsored["ported"] = json!("true");
        for (kind, key, list, item, items) in [
            (
                "Carrier",
                "carrier_lookups",
                "CarrierLookups",
                "CarrierLookup",
                vec![carrier_lookup("CL0001"), sponsored.clone()],
            ),
            (
                "Cnam",
                "cnam_dips",
                "CnamDips",
                "CnamDip",
                vec![json!({"sid": "CN0001", "body": "ADA LOVELACE"})],
            ),
            (
                "Bna",
                "bna_lookups",
                "BnaLookups",
                "BnaLookup",
                vec![
                    json!({"sid": "BN1", "first_name": "Ada"}),
                    json!({"sid": "BN2", "first_name": "Bob"}),
                ],
            ),
        ] {
            Mock::given(method("POST"))
                .and(path(wire_path(
                    &format!("/Accounts/{{AccountSid}}/Lookups/{kind}"),
                    format,
                )))
                .respond_with(lookup_page(format, key, list, item, items))
                .mount(&server)
                .await;
        }
        let c = client(&server, format);
        let lookups = c.account().lookups();
        let two = LookupRequest::new("+15556667777").and("+15556667778");
        let carriers = lookups.carrier(&two).await.expect("carrier lookups");
        assert_eq!(carriers.len(), 2, "{format:?}");
        let s = &carriers[1];
        assert_eq!(
            s.sponsor_carrier_id
                .as_ref()
                .and_then(Scalar::as_text)
                .as_deref(),
            Some("6529")
        );
        assert_eq!(s.sponsor_mobile.as_ref().and_then(Scalar::get), Some(false));
        assert_eq!(s.sponsor_network.as_deref(), Some("Sponsor Wireless"));
        assert_eq!(s.sponsor_country_code.as_deref(), Some("US"));
        assert_eq!(
            s.unknown_fields.get("ported"),
            Some(&json!("true")),
            "{format:?}"
        );
        let names = lookups
            .cnam(&LookupRequest::new("+15556667777"))
            .await
            .expect("cnam");
        assert_eq!(names[0].body.as_deref(), Some("ADA LOVELACE"), "{format:?}");
        let bna = lookups.bna(&two).await.expect("bna");
        assert_eq!(
            bna.iter()
                .map(|b| b.first_name.as_deref())
                .collect::<Vec<_>>(),
            [Some("Ada"), Some("Bob")]
        );
        let req = &server.received_requests().await.expect("recording")[0];
        assert_eq!(
            form(req),
            pairs(&[
                ("PhoneNumber", "+15556667777"),
                ("PhoneNumber", "+15556667778")
            ]),
            "a carrier lookup takes several numbers"
        );
    }
}

#[tokio::test]
async fn numbers_the_document_calls_invalid_are_sent_as_given() {
    use cpaas::lookups::LookupRequest;
    use cpaas::numbers::NewNumber;

    // A short code to look up; a number that is not E.164 bought with its area code too.
    let (_, req) = exchange(
        ResponseFormat::Json,
        "POST",
        "/Accounts/{AccountSid}/Lookups/Carrier",
        "CarrierLookup",
        &carrier_lookup("CL0001"),
        |c| async move {
            c.account()
                .lookups()
                .carrier(&LookupRequest::new("24273"))
                .await
        },
    )
    .await;
    assert_eq!(form(&req), pairs(&[("PhoneNumber", "24273")]));
    let (_, req) = exchange(
        ResponseFormat::Json,
        "POST",
        "/Accounts/{AccountSid}/IncomingPhoneNumbers",
        "IncomingPhoneNumber",
        &number("PN0001"),
        |c| async move {
            c.account()
                .incoming_numbers()
                .create(&NewNumber::phone_number("2065550100").area_code("206"))
                .await
        },
    )
    .await;
    assert_eq!(
        form(&req),
        pairs(&[("AreaCode", "206"), ("PhoneNumber", "2065550100")])
    );
    // The required fields are still needed.
    let server = MockServer::start().await;
    let c = client(&server, ResponseFormat::Json);
    let err = c
        .account()
        .lookups()
        .carrier(&LookupRequest::new(""))
        .await
        .unwrap_err();
    assert_eq!(
        (err.kind(), err.field()),
        (ErrorKind::InvalidInput, Some("PhoneNumber"))
    );
    let err = c
        .account()
        .byoc_numbers()
        .create(&cpaas::numbers::NewByocNumber::new("", "39111111111"))
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("ByocVendor"));
    assert!(
        server
            .received_requests()
            .await
            .expect("recording")
            .is_empty()
    );
}

#[tokio::test]
async fn fraud_rules_block_authorize_extend_whitelist() {
    use cpaas::fraud::{FraudFilter, FraudState, Permissions};

    for format in FORMATS {
        for (verb_path, wrapped) in [("Block", true), ("Authorize", false), ("Whitelist", false)] {
            let template = format!("/Accounts/{{AccountSid}}/Fraud/{verb_path}/DE");
            let body = if wrapped && format == ResponseFormat::Json {
                json!({"blocked": fraud_rule("DE")})
            } else {
                fraud_rule("DE")
            };
            let (rule, req) = exchange(format, "POST", &template, "Fraud", &body, |c| async move {
                let p = Permissions::new().sms_enabled(true).mobile_enabled(false);
                let fraud = c.account().fraud();
                match verb_path {
                    "Block" => fraud.block("DE", &p).await,
                    "Authorize" => fraud.authorize("DE", &p).await,
                    _ => fraud.whitelist("DE", &p).await,
                }
            })
            .await;
            assert_eq!(
                form(&req),
                pairs(&[("MobileEnabled", "false"), ("SmsEnabled", "true")])
            );
            assert_eq!(rule.country_code, "DE");
            assert_eq!(rule.sms_enabled.as_ref().and_then(Scalar::get), Some(true));
            if wrapped && format == ResponseFormat::Json {
                assert_eq!(rule.state, Some(FraudState::Blocked));
            }
        }
        let (_, req) = exchange(
            format,
            "POST",
            "/Accounts/{AccountSid}/Fraud/Extend/DE",
            "Fraud",
            &fraud_rule("DE"),
            |c| async move { c.account().fraud().extend("DE").await },
        )
        .await;
        assert!(req.body.is_empty(), "extend has no body");
    }
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(wire_path(
            "/Accounts/{AccountSid}/Fraud",
            ResponseFormat::Json,
        )))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "page": 0, "num_pages": 1,
            "frauds": {"blocked": fraud_rule("DE")},
        })))
        .mount(&server)
        .await;
    let c = client(&server, ResponseFormat::Json);
    let rules = c
        .account()
        .fraud()
        .list(&FraudFilter::new().sms_enabled(true))
        .collect_all()
        .await
        .expect("rules");
    assert_eq!(
        rules.len(),
        1,
        "`frauds` as an object holding one wrapped rule"
    );
    assert_eq!(rules[0].state, Some(FraudState::Blocked));
    let req = &server.received_requests().await.expect("recording")[0];
    assert_eq!(
        query(req),
        pairs(&[("SmsEnabled", "true"), ("Page", "0"), ("PageSize", "50")])
    );
    // A country code the document would not take reaches the server, which answers it.
    Mock::given(method("POST"))
        .and(path(wire_path(
            "/Accounts/{AccountSid}/Fraud/Extend/Germany",
            ResponseFormat::Json,
        )))
        .respond_with(ResponseTemplate::new(400).set_body_json(json!({
            "status": 400, "message": "Country not supported", "code": 70002,
            "more_info": "http://www.zang.io/docs/api/rest/overview/errors/70002",
        })))
        .mount(&server)
        .await;
    let err = c.account().fraud().extend("Germany").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Api);
    assert_eq!(ErrorCode::of(&err).map(ErrorCode::code), Some(70002));
}

#[tokio::test]
async fn agents_profiles() {
    use cpaas::agents::AgentProfileUpdate;

    for format in FORMATS {
        let (p, _) = exchange(
            format,
            "GET",
            "/Accounts/{AccountSid}/Agents/AG0001",
            "Agent",
            &agent("AG0001"),
            |c| async move { c.account().agents().get_profile("AG0001").await },
        )
        .await;
        assert_eq!(p.timeout.as_ref().and_then(Scalar::get), Some(10));
        assert_eq!(typed(&p), textual(agent("AG0001")));
        let (_, req) = exchange(
            format,
            "POST",
            "/Accounts/{AccountSid}/Agents/AG0001/ConfigProfile",
            "Agent",
            &agent("AG0001"),
            |c| async move {
                let u = AgentProfileUpdate::new()
                    .friendly_name("Helpbot")
                    .events("onAgentRespond");
                c.account().agents().update_profile("AG0001", &u).await
            },
        )
        .await;
        assert_eq!(
            form(&req),
            pairs(&[("FriendlyName", "Helpbot"), ("Events", "onAgentRespond")])
        );
    }
}

#[tokio::test]
async fn answers_keep_the_fields_the_sdk_does_not_name_in_json_and_xml() {
    for format in FORMATS {
        let mut app = application("AP0001");
        app["client_count"] = json!("3");
        app["voice_caller_id_lookup_name"] = json!("on");
        let (a, _) = exchange(
            format,
            "GET",
            "/Accounts/{AccountSid}/Applications/AP0001",
            "Application",
            &app,
            |c| async move { c.account().applications().get("AP0001").await },
        )
        .await;
        assert_eq!(a.client_count.as_ref().and_then(Scalar::get), Some(3));
        // The same key whichever the format: XML element names are read as snake_case.
        assert_eq!(
            a.unknown_fields.get("voice_caller_id_lookup_name"),
            Some(&json!("on")),
            "{format:?}"
        );

        let mut n = number("PN0001");
        n["next_renewal_date"] = json!("Sat, 15 Jun 2019 17:29:06 +0000");
        n["emergency_enabled"] = json!("false");
        n["capabilities"]["mms"] = json!("true");
        let (n, _) = exchange(
            format,
            "GET",
            "/Accounts/{AccountSid}/IncomingPhoneNumbers/PN0001",
            "IncomingPhoneNumber",
            &n,
            |c| async move { c.account().incoming_numbers().get("PN0001").await },
        )
        .await;
        assert!(n.next_renewal_date.as_ref().and_then(|d| d.at()).is_some());
        assert_eq!(
            n.unknown_fields.get("emergency_enabled"),
            Some(&json!("false"))
        );
        let caps = n.capabilities.as_ref().expect("capabilities");
        assert_eq!(caps.unknown_fields.get("mms"), Some(&json!("true")));

        let mut acct = account();
        acct["owner_email"] = json!("ops@example.com");
        let (a, _) = exchange(format, "GET", ACCOUNT, "Account", &acct, |c| async move {
            c.account().get().await
        })
        .await;
        assert_eq!(
            a.unknown_fields.get("owner_email"),
            Some(&json!("ops@example.com"))
        );

        let mut d = sip_domain("DO0001");
        d["auth_type"] = json!("ip_and_credential");
        d["voice_sip_headers"] = json!({"x_tag": "a"});
        let (d, _) = exchange(
            format,
            "GET",
            "/Accounts/{AccountSid}/SIP/Domains/DO0001",
            "Domain",
            &d,
            |c| async move { c.account().sip().domains().get("DO0001").await },
        )
        .await;
        assert_eq!(d.auth_type, Some(cpaas::sip::AuthType::IpAndCredential));
        let headers = d
            .unknown_fields
            .get("voice_sip_headers")
            .expect("a nested unknown field");
        assert_eq!(headers["x_tag"], json!("a"));

        let mut rule = fraud_rule("DE");
        rule["blocked_count"] = json!("2");
        let (r, _) = exchange(
            format,
            "POST",
            "/Accounts/{AccountSid}/Fraud/Whitelist/DE",
            "Fraud",
            &rule,
            |c| async move {
                c.account()
                    .fraud()
                    .whitelist("DE", &cpaas::fraud::Permissions::new())
                    .await
            },
        )
        .await;
        assert_eq!(r.unknown_fields.get("blocked_count"), Some(&json!("2")));
    }
    // In JSON the kept fields go back out as they came.
    let mut cred = credential("CR0001");
    cred["realm"] = json!({"name": "acme", "port": 5060});
    let (c, _) = exchange(
        ResponseFormat::Json,
        "GET",
        "/Accounts/{AccountSid}/SIP/CredentialLists/CL0001/Credentials/CR0001",
        "Credential",
        &cred,
        |c| async move {
            c.account()
                .sip()
                .credential_list("CL0001")
                .credentials()
                .get("CR0001")
                .await
        },
    )
    .await;
    assert_eq!(serde_json::to_value(&c).expect("json"), cred);
}

#[tokio::test]
async fn a_body_that_does_not_fit_is_a_decode_error_naming_the_operation() {
    for format in FORMATS {
        let server = MockServer::start().await;
        let body = match format {
            ResponseFormat::Xml => ResponseTemplate::new(200)
                .set_body_raw(b"<Response><X>1</X></Response>".to_vec(), "application/xml"),
            _ => ResponseTemplate::new(200).set_body_json(json!({"x": 1})),
        };
        Mock::given(method("GET"))
            .respond_with(body.clone())
            .mount(&server)
            .await;
        Mock::given(method("POST"))
            .respond_with(body)
            .mount(&server)
            .await;
        let c = client(&server, format);
        let a = c.account();
        let errors = [
            ("cpaas.accounts.get", a.get().await.map(drop)),
            (
                "cpaas.applications.get",
                a.applications().get("AP1").await.map(drop),
            ),
            (
                "cpaas.incoming_numbers.get",
                a.incoming_numbers().get("PN1").await.map(drop),
            ),
            (
                "cpaas.sip.domains.get",
                a.sip().domains().get("DO1").await.map(drop),
            ),
            (
                "cpaas.sip.credentials.get",
                a.sip()
                    .credential_list("CL1")
                    .credentials()
                    .get("CR1")
                    .await
                    .map(drop),
            ),
            (
                "cpaas.sip.ip_addresses.get",
                a.sip()
                    .ip_access_control_list("AL1")
                    .ip_addresses()
                    .get("IP1")
                    .await
                    .map(drop),
            ),
            ("cpaas.fraud.extend", a.fraud().extend("DE").await.map(drop)),
            (
                "cpaas.lookups.carrier",
                a.lookups()
                    .carrier(&cpaas::lookups::LookupRequest::new("+15556667777"))
                    .await
                    .map(drop),
            ),
        ];
        for (op, result) in errors {
            let err = result.expect_err(op);
            assert_eq!(err.kind(), ErrorKind::Decode, "{op} {format:?}: {err:?}");
            assert_eq!(err.operation(), Some(op), "{format:?}");
        }
    }
}

#[tokio::test]
async fn a_parameter_the_sdk_does_not_model_reaches_the_server() {
    use cpaas::applications::ApplicationRequest;

    let (_, req) = exchange(
        ResponseFormat::Json,
        "POST",
        "/Accounts/{AccountSid}/Applications",
        "Application",
        &application("AP0001"),
        |c| async move {
            c.account()
                .applications()
                .options(
                    cpaas::RequestOptions::new()
                        .param("VoiceRecordingEnabled", true)
                        .param("Tag", vec!["a", "b"]),
                )
                .create(
                    &ApplicationRequest::new()
                        .friendly_name("Support")
                        .hangup_callback("https://example.com/h")
                        .hangup_callback_method(cpaas::HttpMethod::Get),
                )
                .await
        },
    )
    .await;
    assert_eq!(
        form(&req),
        pairs(&[
            ("FriendlyName", "Support"),
            ("HangupCallback", "https://example.com/h"),
            ("HangupCallbackMethod", "GET"),
            ("VoiceRecordingEnabled", "true"),
            ("Tag", "a"),
            ("Tag", "b"),
        ])
    );
}
