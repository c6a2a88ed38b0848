//! SMS and MMS on the wire: the inferred paths, form bodies, the send's wait, filters with
//! date inequalities, JSON and XML answers, what is checked before sending and what is left
//! to the server, fields the SDK does not name.
#![cfg(feature = "xml")]

mod support;

use chrono::NaiveDate;
use cpaas::mms::{MmsFilter, SendMms};
use cpaas::sms::{MessageDirection, MessageStatus, SendSms, SmsFilter};
use cpaas::{DateFilter, ErrorKind, HttpMethod, RequestOptions, ResponseFormat};
use serde_json::json;
use support::*;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const SMS: &str = "/Accounts/{AccountSid}/SMS/Messages";
const MMS: &str = "/Accounts/{AccountSid}/MMS/Messages";

#[tokio::test]
async fn send_sms_posts_the_form_in_both_formats() {
    let mut answers = Vec::new();
    for format in FORMATS {
        let (sent, req) = exchange(
            format,
            "POST",
            SMS,
            "SMSMessage",
            &sms("SM0001", "queued"),
            |c| async move {
                let m = SendSms::new("+12223334444", "+15556667777", "Hello & welcome")
                    .status_callback("https://example.com/sms")
                    .status_callback_method(HttpMethod::Get);
                c.account().sms().send(&m).await
            },
        )
        .await;
        assert_eq!(
            form(&req),
            pairs(&[
                ("From", "+12223334444"),
                ("To", "+15556667777"),
                ("Body", "Hello & welcome"),
                ("StatusCallback", "https://example.com/sms"),
                ("StatusCallbackMethod", "GET"),
            ])
        );
        let m = sent.accepted();
        assert_eq!(m.status, Some(MessageStatus::Queued));
        assert_eq!(m.body.as_deref(), Some("Hello & welcome"));
        answers.push(typed(m));
    }
    assert_eq!(answers[0], answers[1]);
    assert_eq!(answers[0], textual(sms("SM0001", "queued")));
}

#[tokio::test]
async fn send_sms_waits_until_sent() {
    let server = MockServer::start().await;
    let item = format!("{SMS}/SM0001");
    mount(
        &server,
        "POST",
        SMS,
        ResponseFormat::Json,
        "SMSMessage",
        &sms("SM0001", "queued"),
    )
    .await;
    Mock::given(method("GET"))
        .and(path(wire_path(&item, ResponseFormat::Json)))
        .respond_with(ResponseTemplate::new(200).set_body_json(sms("SM0001", "sending")))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    mount(
        &server,
        "GET",
        &item,
        ResponseFormat::Json,
        "SMSMessage",
        &sms("SM0001", "sent"),
    )
    .await;
    let sent = client(&server, ResponseFormat::Json)
        .account()
        .sms()
        .send(&SendSms::new("+12223334444", "+15556667777", "Hi"))
        .await
        .expect("queued")
        .policy(policy())
        .wait()
        .await
        .expect("sent");
    assert_eq!(sent.status, Some(MessageStatus::Sent));
    assert_eq!(
        server.received_requests().await.expect("recording").len(),
        3
    );
}

#[tokio::test]
async fn a_failed_sms_fails_the_wait() {
    let server = MockServer::start().await;
    mount(
        &server,
        "POST",
        SMS,
        ResponseFormat::Json,
        "SMSMessage",
        &sms("SM0001", "queued"),
    )
    .await;
    mount(
        &server,
        "GET",
        &format!("{SMS}/SM0001"),
        ResponseFormat::Json,
        "SMSMessage",
        &sms("SM0001", "failed"),
    )
    .await;
    let err = client(&server, ResponseFormat::Json)
        .account()
        .sms()
        .send(&SendSms::new("+12223334444", "+15556667777", "Hi"))
        .await
        .expect("queued")
        .policy(policy())
        .wait()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::OperationFailed);
    assert_eq!(err.operation_status(), Some("failed"));
}

#[tokio::test]
async fn sms_get_and_list_with_filters() {
    for format in FORMATS {
        let (m, _) = exchange(
            format,
            "GET",
            &format!("{SMS}/SM0001"),
            "SMSMessage",
            &sms("SM0001", "sent"),
            |c| async move { c.account().sms().get("SM0001").await },
        )
        .await;
        assert_eq!(m.status, Some(MessageStatus::Sent));
        assert!(m.date_sent.as_ref().and_then(|d| d.at()).is_some());
    }
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(wire_path(SMS, ResponseFormat::Json)))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "page": 0, "num_pages": 1, "total": 1, "sms_messages": [sms("SM0001", "sent")]
        })))
        .mount(&server)
        .await;
    let d = |day| NaiveDate::from_ymd_opt(2020, 5, day).expect("date");
    let filter = SmsFilter::new()
        .from("+12223334444")
        .status(MessageStatus::Sent)
        .direction(MessageDirection::OutboundApi)
        .date_sent(DateFilter::until(d(14)));
    let all = client(&server, ResponseFormat::Json)
        .account()
        .sms()
        .list(&filter)
        .collect_all()
        .await
        .expect("messages");
    assert_eq!(all.len(), 1);
    let req = &server.received_requests().await.expect("recording")[0];
    assert_eq!(
        query(req),
        pairs(&[
            ("From", "+12223334444"),
            ("Status", "sent"),
            ("Direction", "outbound-api"),
            ("DateSent<", "2020-05-14"),
            ("Page", "0"),
            ("PageSize", "50"),
        ])
    );
}

#[tokio::test]
async fn send_sms_checks_only_the_required_fields() {
    let server = MockServer::start().await;
    let c = client(&server, ResponseFormat::Json);
    for (m, field) in [
        (SendSms::new("", "+15556667777", "Hi"), "From"),
        (SendSms::new("+12223334444", " ", "Hi"), "To"),
        (SendSms::new("+12223334444", "+15556667777", ""), "Body"),
    ] {
        let err = c.account().sms().send(&m).await.unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::InvalidInput, Some(field))
        );
    }
    assert!(
        server
            .received_requests()
            .await
            .expect("recording")
            .is_empty()
    );
}

#[tokio::test]
async fn send_sms_sends_what_the_server_judges() {
    // A short code, a body over 765 characters, a callback over 200 and a method the SDK
    // does not know: all sent as given, with AllowMultiple and a parameter the SDK does not
    // model (`RequestOptions::param`).
    let long_body = "x".repeat(800);
    let callback = format!("https://example.com/{}", "x".repeat(190));
    let (sent, req) = exchange(
        ResponseFormat::Json,
        "POST",
        SMS,
        "SMSMessage",
        &sms("SM0001", "queued"),
        |c| {
            let m = SendSms::new("+12223334444", "55555", long_body.clone())
                .status_callback(callback.clone())
                .status_callback_method(HttpMethod::Unknown("PATCH".into()))
                .allow_multiple(true);
            async move {
                c.account()
                    .sms()
                    .options(RequestOptions::new().param("Tag", "campaign-7"))
                    .send(&m)
                    .await
            }
        },
    )
    .await;
    assert_eq!(
        form(&req),
        pairs(&[
            ("From", "+12223334444"),
            ("To", "55555"),
            ("Body", &long_body),
            ("StatusCallback", &callback),
            ("StatusCallbackMethod", "PATCH"),
            ("AllowMultiple", "true"),
            ("Tag", "campaign-7"),
        ])
    );
    assert_eq!(sent.id(), Some("SM0001"));

    // What the server refuses comes back as its typed error.
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(wire_path(SMS, ResponseFormat::Json)))
        .respond_with(ResponseTemplate::new(400).set_body_json(json!({
            "status": 400, "message": "Message body size exceeded", "code": 31,
            "more_info": "http://www.zang.io/docs/api/rest/overview/errors/31"
        })))
        .mount(&server)
        .await;
    let err = client(&server, ResponseFormat::Json)
        .account()
        .sms()
        .send(&SendSms::new(
            "+12223334444",
            "+15556667777",
            "x".repeat(800),
        ))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Api);
    assert_eq!(err.vendor_code(), Some("31"));
    assert_eq!(cpaas::ErrorCode::of(&err).map(|c| c.code()), Some(31));
}

#[tokio::test]
async fn messages_keep_the_fields_the_sdk_does_not_name() {
    for format in FORMATS {
        let mut body = sms("SM0001", "sent");
        body["num_segments"] = json!("2");
        let (m, _) = exchange(
            format,
            "GET",
            &format!("{SMS}/SM0001"),
            "SMSMessage",
            &body,
            |c| async move { c.account().sms().get("SM0001").await },
        )
        .await;
        assert_eq!(
            m.unknown_fields.get("num_segments"),
            Some(&json!("2")),
            "{format:?}"
        );

        let mut body = mms("MM0001", "sent");
        body["date_created"] = json!("2017-10-16T08:15:08+0000");
        body["carrier"] = json!("T-Mobile");
        let (m, _) = exchange(
            format,
            "GET",
            &format!("{MMS}/MM0001"),
            "MMSMessage",
            &body,
            |c| async move { c.account().mms().get("MM0001").await },
        )
        .await;
        assert_eq!(m.unknown_fields.get("carrier"), Some(&json!("T-Mobile")));
        assert!(m.date_created.as_ref().and_then(|d| d.at()).is_some());
    }
}

#[tokio::test]
async fn an_answer_without_the_sid_is_a_decode_error() {
    for (template, op) in [
        (format!("{SMS}/SM0001"), "cpaas.sms.get"),
        (format!("{MMS}/MM0001"), "cpaas.mms.get"),
    ] {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path(wire_path(&template, ResponseFormat::Json)))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({"x": 1})))
            .mount(&server)
            .await;
        let c = client(&server, ResponseFormat::Json);
        let err = if op == "cpaas.sms.get" {
            c.account()
                .sms()
                .get("SM0001")
                .await
                .map(|_| ())
                .unwrap_err()
        } else {
            c.account()
                .mms()
                .get("MM0001")
                .await
                .map(|_| ())
                .unwrap_err()
        };
        assert_eq!(err.kind(), ErrorKind::Decode, "{op}");
        assert_eq!(err.operation(), Some(op));
    }
}

#[tokio::test]
async fn send_mms_and_read_it_in_both_formats() {
    let mut answers = Vec::new();
    for format in FORMATS {
        let (sent, req) = exchange(
            format,
            "POST",
            MMS,
            "MMSMessage",
            &mms("MM0001", "queued"),
            |c| async move {
                c.account()
                    .mms()
                    .send(
                        &SendMms::new(
                            "+12223334444",
                            "+15556667777",
                            "https://example.com/image.png",
                        )
                        .body("Look"),
                    )
                    .await
            },
        )
        .await;
        assert_eq!(
            form(&req),
            pairs(&[
                ("From", "+12223334444"),
                ("To", "+15556667777"),
                ("MediaUrl", "https://example.com/image.png"),
                ("Body", "Look"),
            ])
        );
        assert_eq!(sent.id(), Some("MM0001"));
        assert_eq!(sent.accepted().id.mms_sid.as_str(), "MM0001");
        assert_eq!(sent.accepted().api_version.as_deref(), Some("v2"));
        answers.push(typed(sent.accepted()));

        let (m, _) = exchange(
            format,
            "GET",
            &format!("{MMS}/MM0001"),
            "MMSMessage",
            &mms("MM0001", "sent"),
            |c| async move { c.account().mms().get("MM0001").await },
        )
        .await;
        assert_eq!(m.status, Some(MessageStatus::Sent));
        assert_eq!(
            m.media_url.as_deref(),
            Some("https://example.com/image.png")
        );
    }
    assert_eq!(answers[0], answers[1]);
}

#[tokio::test]
async fn mms_list_with_filters() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(wire_path(MMS, ResponseFormat::Json)))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "page": 0, "num_pages": 1, "mms_messages": [mms("MM0001", "sent"), mms("MM0002", "failed")]
        })))
        .mount(&server)
        .await;
    let all = client(&server, ResponseFormat::Json)
        .account()
        .mms()
        .list(
            &MmsFilter::new()
                .to("+15556667777")
                .date_sent(DateFilter::on(
                    NaiveDate::from_ymd_opt(2020, 5, 14).expect("date"),
                )),
        )
        .collect_all()
        .await
        .expect("messages");
    assert_eq!(all.len(), 2);
    let req = &server.received_requests().await.expect("recording")[0];
    assert_eq!(
        query(req),
        pairs(&[
            ("To", "+15556667777"),
            ("DateSent", "2020-05-14"),
            ("Page", "0"),
            ("PageSize", "50")
        ])
    );
}
