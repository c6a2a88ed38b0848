//! Calls, recordings and notifications on the wire: method, `/v2` path with its format
//! suffix, form bodies, basic credentials, and the same models from JSON and XML answers;
//! what is checked before sending and what is left to the server; fields the SDK does not
//! name.
#![cfg(feature = "xml")]

mod support;

use chrono::NaiveDate;
use cpaas::calls::{
    CallFilter, CallStatus, EndStatus, InterruptCall, MakeCall, PlayAudio, SendDigits, VoiceEffect,
};
use cpaas::notifications::{LogLevel, NotificationFilter};
use cpaas::recordings::{
    AudioDirection, RecordCall, RecordingFilter, RecordingFormat, TranscribeQuality,
};
use cpaas::wire::Scalar;
use cpaas::{DateFilter, ErrorKind, HttpMethod, ResponseFormat};
use serde_json::json;
use support::*;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const CALLS: &str = "/Accounts/{AccountSid}/Calls";
const ITEM: &str = "/Accounts/{AccountSid}/Calls/CA9876543210fedcba9876543210fedcba";

#[tokio::test]
async fn make_posts_the_form_and_reads_the_call_in_both_formats() {
    let mut answers = Vec::new();
    for format in FORMATS {
        let (placed, req) = exchange(
            format,
            "POST",
            CALLS,
            "Call",
            &call("queued"),
            |c| async move {
                let req = MakeCall::new(
                    "+12223334444",
                    "+15556667777",
                    "https://example.com/inboundxml",
                )
                .method(HttpMethod::Get)
                .status_callback("https://example.com/status?a=1&b=2")
                .heartbeat_method(HttpMethod::Post)
                .timeout(30u32)
                .record(true)
                .sip_auth_password(sdk_core::model::Secret::new("pw"));
                c.account().calls().make(&req).await
            },
        )
        .await;
        assert_eq!(
            form(&req),
            pairs(&[
                ("From", "+12223334444"),
                ("To", "+15556667777"),
                ("Url", "https://example.com/inboundxml"),
                ("Method", "GET"),
                ("StatusCallback", "https://example.com/status?a=1&b=2"),
                ("HeartbeatMethod", "POST"),
                ("Timeout", "30"),
                ("Record", "true"),
                ("SipAuthPassword", "pw"),
            ])
        );
        let call = placed.accepted();
        assert_eq!(call.sid.as_str(), CALL);
        assert_eq!(placed.id(), Some(CALL));
        assert_eq!(call.status, Some(CallStatus::Queued));
        assert_eq!(call.duration.as_ref().and_then(Scalar::get), Some(7));
        assert_eq!(
            call.caller_id_blocked.as_ref().and_then(Scalar::get),
            Some(false)
        );
        assert!(call.start_time.as_ref().and_then(|t| t.at()).is_some());
        answers.push(typed(call));
    }
    assert_eq!(answers[0], answers[1], "the same call from JSON and XML");
    assert_eq!(answers[0], textual(call("queued")));
}

#[tokio::test]
async fn make_waits_until_the_call_completes() {
    let server = MockServer::start().await;
    let c = client(&server, ResponseFormat::Xml);
    mount(
        &server,
        "POST",
        CALLS,
        ResponseFormat::Xml,
        "Call",
        &call("queued"),
    )
    .await;
    for (status, times) in [("ringing", 1), ("in-progress", 1)] {
        Mock::given(method("GET"))
            .and(path(wire_path(ITEM, ResponseFormat::Xml)))
            .respond_with(answer(ResponseFormat::Xml, "Call", &call(status)))
            .up_to_n_times(times)
            .mount(&server)
            .await;
    }
    mount(
        &server,
        "GET",
        ITEM,
        ResponseFormat::Xml,
        "Call",
        &call("completed"),
    )
    .await;
    let placed = c
        .account()
        .calls()
        .make(&MakeCall::new("+1222", "+1555", "https://example.com/x"))
        .await
        .expect("placed");
    let done = placed.policy(policy()).wait().await.expect("completed");
    assert_eq!(done.status, Some(CallStatus::Completed));
    let reads = server.received_requests().await.expect("recording");
    assert_eq!(
        reads.len(),
        4,
        "one POST, then ringing, in-progress, completed"
    );
    assert!(
        reads[1..].iter().all(|r| r.url.path().ends_with(".xml")),
        "pollers read in the client's format"
    );
}

#[tokio::test]
async fn a_call_that_is_not_answered_fails_the_wait() {
    let server = MockServer::start().await;
    let c = client(&server, ResponseFormat::Json);
    mount(
        &server,
        "POST",
        CALLS,
        ResponseFormat::Json,
        "Call",
        &call("queued"),
    )
    .await;
    mount(
        &server,
        "GET",
        ITEM,
        ResponseFormat::Json,
        "Call",
        &call("no-answer"),
    )
    .await;
    let placed = c
        .account()
        .calls()
        .make(&MakeCall::new("+1222", "+1555", "https://example.com/x"))
        .await
        .expect("placed");
    let err = placed.policy(policy()).wait().await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::OperationFailed);
    assert_eq!(err.operation_status(), Some("no-answer"));
}

#[tokio::test]
async fn get_reads_the_call_in_both_formats() {
    let mut answers = Vec::new();
    for format in FORMATS {
        let (c, req) = exchange(
            format,
            "GET",
            ITEM,
            "Call",
            &call("completed"),
            |c| async move { c.account().calls().get(CALL).await },
        )
        .await;
        assert!(req.body.is_empty());
        assert_eq!(c.status, Some(CallStatus::Completed));
        answers.push(typed(&c));
    }
    assert_eq!(answers[0], answers[1]);
}

#[tokio::test]
async fn list_sends_filters_with_the_operator_in_the_key() {
    let page = json!({
        "page": 0, "page_size": 50, "num_pages": 1, "total": 1, "start": 0, "end": 0,
        "uri": format!("/v2/Accounts/{SID}/Calls.json"), "first_page_uri": "", "previous_page_uri": "",
        "next_page_uri": "", "last_page_uri": "", "calls": [call("completed")],
    });
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(wire_path(CALLS, ResponseFormat::Json)))
        .respond_with(ResponseTemplate::new(200).set_body_json(&page))
        .mount(&server)
        .await;
    let filter = CallFilter::new()
        .to("+15556667777")
        .status(CallStatus::Completed)
        .start_time(
            DateFilter::between(
                NaiveDate::from_ymd_opt(2019, 5, 1).expect("date"),
                NaiveDate::from_ymd_opt(2019, 5, 31).expect("date"),
            )
            .expect("range"),
        )
        .sip_domain("example.sip.zang.io");
    let calls = client(&server, ResponseFormat::Json)
        .account()
        .calls()
        .list(&filter)
        .collect_all()
        .await
        .expect("calls");
    assert_eq!(calls.len(), 1);
    let req = &server.received_requests().await.expect("recording")[0];
    assert_eq!(
        query(req),
        pairs(&[
            ("To", "+15556667777"),
            ("Status", "completed"),
            ("SipDomain", "example.sip.zang.io"),
            ("StartTime>", "2019-05-01"),
            ("StartTime<", "2019-05-31"),
            ("Page", "0"),
            ("PageSize", "50"),
        ])
    );
    assert!(
        req.url
            .query()
            .unwrap_or_default()
            .contains("StartTime%3E=2019-05-01"),
        "`StartTime>=2019-05-01` on the wire: {:?}",
        req.url.query()
    );
}

#[tokio::test]
async fn interrupt_and_send_digits_post_to_the_call() {
    for format in FORMATS {
        let (c, req) = exchange(
            format,
            "POST",
            ITEM,
            "Call",
            &call("completed"),
            |c| async move {
                c.account()
                    .calls()
                    .interrupt(CALL, &InterruptCall::hang_up())
                    .await
            },
        )
        .await;
        assert_eq!(form(&req), pairs(&[("Status", "completed")]));
        assert_eq!(c.status, Some(CallStatus::Completed));

        let (_, req) = exchange(
            format,
            "POST",
            ITEM,
            "Call",
            &call("in-progress"),
            |c| async move {
                let r = InterruptCall::redirect("https://example.com/next").method(HttpMethod::Get);
                c.account().calls().interrupt(CALL, &r).await
            },
        )
        .await;
        assert_eq!(
            form(&req),
            pairs(&[("Url", "https://example.com/next"), ("Method", "GET")])
        );

        let (_, req) = exchange(
            format,
            "POST",
            ITEM,
            "Call",
            &call("completed"),
            |c| async move {
                let r = InterruptCall::new()
                    .url("https://example.com/goodbye")
                    .status(EndStatus::Completed);
                c.account().calls().interrupt(CALL, &r).await
            },
        )
        .await;
        assert_eq!(
            form(&req),
            pairs(&[
                ("Url", "https://example.com/goodbye"),
                ("Status", "completed")
            ]),
            "Url and Status together"
        );

        let (c, req) = exchange(
            format,
            "POST",
            ITEM,
            "Call",
            &call("in-progress"),
            |c| async move {
                let d = SendDigits::new("1234#").play_dtmf_direction(AudioDirection::Out);
                c.account().calls().send_digits(CALL, &d).await
            },
        )
        .await;
        assert_eq!(
            form(&req),
            pairs(&[("PlayDtmf", "1234#"), ("PlayDtmfDirection", "out")])
        );
        assert_eq!(c.status, Some(CallStatus::InProgress));
    }
}

#[tokio::test]
async fn record_answers_whichever_resource_the_server_sends() {
    let path = "/Accounts/{AccountSid}/Calls/CA9876543210fedcba9876543210fedcba/Recordings";
    let rec = recording("RE0001");
    for format in FORMATS {
        let (r, req) = exchange(format, "POST", path, "Recording", &rec, |c| async move {
            let r = RecordCall::start()
                .direction(AudioDirection::Both)
                .file_format(RecordingFormat::Wav)
                .callback_url("https://example.com/rec")
                .transcribe(true)
                .transcribe_quality(TranscribeQuality::Hybrid);
            c.account().calls().record(CALL, &r).await
        })
        .await;
        assert_eq!(
            form(&req),
            pairs(&[
                ("Record", "true"),
                ("Direction", "both"),
                ("CallbackUrl", "https://example.com/rec"),
                ("FileFormat", "wav"),
                ("Transcribe", "true"),
                ("TranscribeQuality", "hybrid"),
            ])
        );
        assert_eq!(r.recording().map(|r| r.sid.as_str()), Some("RE0001"));
        assert_eq!(typed(&r), textual(rec.clone()));

        // The same endpoint, documented again as Record Call, answering the call.
        let (r, req) = exchange(
            format,
            "POST",
            path,
            "Call",
            &call("in-progress"),
            |c| async move {
                c.account()
                    .recordings()
                    .record_call(CALL, &RecordCall::stop())
                    .await
            },
        )
        .await;
        assert_eq!(form(&req), pairs(&[("Record", "false")]));
        assert_eq!(r.call().map(|c| c.sid.as_str()), Some(CALL));
    }
}

#[tokio::test]
async fn play_audio_and_voice_effect() {
    for format in FORMATS {
        let play = "/Accounts/{AccountSid}/Calls/CA9876543210fedcba9876543210fedcba/Play";
        let (_, req) = exchange(
            format,
            "POST",
            play,
            "Call",
            &call("in-progress"),
            |c| async move {
                let p = PlayAudio::new("https://example.com/a.mp3")
                    .direction(AudioDirection::Both)
                    .repeat(true);
                c.account().calls().play_audio(CALL, &p).await
            },
        )
        .await;
        assert_eq!(
            form(&req),
            pairs(&[
                ("AudioUrl", "https://example.com/a.mp3"),
                ("Direction", "both"),
                ("Loop", "true")
            ])
        );
        let effect = "/Accounts/{AccountSid}/Calls/CA9876543210fedcba9876543210fedcba/Effect";
        let (_, req) = exchange(
            format,
            "POST",
            effect,
            "Call",
            &call("in-progress"),
            |c| async move {
                let e = VoiceEffect::new()
                    .audio_direction(AudioDirection::In)
                    .pitch(5.0)
                    .pitch_semi_tones(-4.5)
                    .tempo(1.2);
                c.account().calls().voice_effect(CALL, &e).await
            },
        )
        .await;
        assert_eq!(
            form(&req),
            pairs(&[
                ("AudioDirection", "in"),
                ("Pitch", "5"),
                ("PitchSemiTones", "-4.5"),
                ("Tempo", "1.2")
            ]),
            "a whole number without `.0`"
        );
    }
}

#[tokio::test]
async fn only_what_a_request_needs_is_checked_before_sending() {
    let server = MockServer::start().await;
    let calls = client(&server, ResponseFormat::Json);
    let calls = calls.account().calls();
    let err = calls
        .make(&MakeCall::new("+1", "+2", " "))
        .await
        .unwrap_err();
    assert_eq!(
        (err.kind(), err.field()),
        (ErrorKind::InvalidInput, Some("Url"))
    );
    let err = calls
        .send_digits(CALL, &SendDigits::new(""))
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("PlayDtmf"));
    let err = calls.get("").await.unwrap_err();
    assert_eq!(err.field(), Some("CallSid"));
    let err = calls
        .list(&CallFilter::new())
        .page_size(0)
        .collect_all()
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("PageSize"));
    assert!(
        server
            .received_requests()
            .await
            .expect("recording")
            .is_empty()
    );
}

#[tokio::test]
async fn the_documents_rules_are_left_to_the_server() {
    let long_url = format!("https://example.com/{}", "x".repeat(200));
    let (_, req) = exchange(
        ResponseFormat::Json,
        "POST",
        CALLS,
        "Call",
        &call("queued"),
        |c| {
            let m = MakeCall::new("8143", "+15556667777", long_url.clone())
                .timeout(1000u32)
                .play_dtmf("12x")
                .method(HttpMethod::Unknown("PUT".into()));
            async move { c.account().calls().make(&m).await }
        },
    )
    .await;
    assert_eq!(
        form(&req),
        pairs(&[
            ("From", "8143"),
            ("To", "+15556667777"),
            ("Url", &long_url),
            ("Method", "PUT"),
            ("PlayDtmf", "12x"),
            ("Timeout", "1000"),
        ])
    );
    let (_, req) = exchange(
        ResponseFormat::Json,
        "POST",
        CALLS,
        "Call",
        &call("queued"),
        |c| async move {
            c.account()
                .calls()
                .options(sdk_core::RequestOptions::new().param("Trunk", "east-1"))
                .make(&MakeCall::new("+1222", "+1555", "https://example.com/x"))
                .await
        },
    )
    .await;
    assert_eq!(
        form(&req).last(),
        Some(&("Trunk".to_owned(), "east-1".to_owned())),
        "a parameter the SDK does not model reaches the server"
    );

    // An effect out of the document's range reaches the server, whose error comes back.
    let server = MockServer::start().await;
    let effect = "/Accounts/{AccountSid}/Calls/CA9876543210fedcba9876543210fedcba/Effect";
    Mock::given(method("POST"))
        .and(path(wire_path(effect, ResponseFormat::Xml)))
        .respond_with(ResponseTemplate::new(400).set_body_raw(
            "<Response><RestException><Status>400</Status><Message>Sound effect parameter is out of bounds</Message>\
             <Code>21222</Code><MoreInfo>http://www.zang.io/docs/api/rest/overview/errors/21222</MoreInfo>\
             </RestException></Response>"
                .as_bytes()
                .to_vec(),
            "application/xml",
        ))
        .mount(&server)
        .await;
    let err = client(&server, ResponseFormat::Xml)
        .account()
        .calls()
        .voice_effect(
            CALL,
            &VoiceEffect::new()
                .pitch_octaves(2.0)
                .audio_direction(AudioDirection::Both),
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Api);
    assert_eq!(err.vendor_code(), Some("21222"));
    let reqs = server.received_requests().await.expect("recording");
    assert_eq!(
        form(&reqs[0]),
        pairs(&[("AudioDirection", "both"), ("PitchOctaves", "2")])
    );
}

#[tokio::test]
async fn calls_keep_the_fields_the_sdk_does_not_name() {
    for format in FORMATS {
        let mut body = call("completed");
        body["queue_time"] = json!("3");
        body["subresource_uris"]["media"] = json!("/media");
        let (c, _) = exchange(format, "GET", ITEM, "Call", &body, |c| async move {
            c.account().calls().get(CALL).await
        })
        .await;
        // One key whichever the format: XML element names are read as snake_case.
        assert_eq!(
            c.unknown_fields.get("queue_time"),
            Some(&json!("3")),
            "{format:?}"
        );
        let subs = c.subresource_uris.as_ref().expect("subresources");
        assert_eq!(subs.unknown_fields.get("media"), Some(&json!("/media")));
        assert!(subs.recordings.is_some());
        if format == ResponseFormat::Json {
            assert_eq!(
                serde_json::to_value(&c).expect("json"),
                body,
                "sent back as received"
            );
        }
    }
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(wire_path(ITEM, ResponseFormat::Json)))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"x": 1})))
        .mount(&server)
        .await;
    let err = client(&server, ResponseFormat::Json)
        .account()
        .calls()
        .get(CALL)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode);
    assert_eq!(err.operation(), Some("cpaas.calls.get"));
}

#[tokio::test]
async fn recordings_get_list_and_delete() {
    let item = "/Accounts/{AccountSid}/Recordings/RE0001";
    for format in FORMATS {
        let (r, _) = exchange(
            format,
            "GET",
            item,
            "Recording",
            &recording("RE0001"),
            |c| async move { c.account().recordings().get("RE0001").await },
        )
        .await;
        assert_eq!(r.duration.as_ref().and_then(Scalar::get), Some(12));
        assert_eq!(typed(&r), textual(recording("RE0001")));
        let (r, req) = exchange(
            format,
            "DELETE",
            item,
            "Recording",
            &recording("RE0001"),
            |c| async move { c.account().recordings().delete("RE0001").await },
        )
        .await;
        assert!(req.body.is_empty());
        assert_eq!(r.sid.as_str(), "RE0001");
    }
    let server = MockServer::start().await;
    let page = json!({"page": 0, "num_pages": 1, "recordings": [recording("RE0001")]});
    Mock::given(method("GET"))
        .and(path(wire_path(
            "/Accounts/{AccountSid}/Recordings",
            ResponseFormat::Json,
        )))
        .respond_with(ResponseTemplate::new(200).set_body_json(page))
        .mount(&server)
        .await;
    let filter = RecordingFilter::new()
        .call_sid(CALL)
        .date_created(DateFilter::since(
            NaiveDate::from_ymd_opt(2019, 5, 1).expect("date"),
        ));
    let all = client(&server, ResponseFormat::Json)
        .account()
        .recordings()
        .list(&filter)
        .collect_all()
        .await
        .expect("recordings");
    assert_eq!(all.len(), 1);
    let req = &server.received_requests().await.expect("recording")[0];
    assert_eq!(
        query(req),
        pairs(&[
            ("CallSid", CALL),
            ("DateCreated>", "2019-05-01"),
            ("Page", "0"),
            ("PageSize", "50")
        ])
    );
}

#[tokio::test]
async fn notifications_get_and_list() {
    let item = "/Accounts/{AccountSid}/Notifications/NO0001";
    for format in FORMATS {
        let (n, _) = exchange(
            format,
            "GET",
            item,
            "Notification",
            &notification("NO0001"),
            |c| async move { c.account().notifications().get("NO0001").await },
        )
        .await;
        assert_eq!(n.level(), Some(LogLevel::Error));
        assert_eq!(
            n.error().and_then(|e| e.description()),
            Some("HTTP retrieval failure")
        );
        assert!(n.message_date.as_ref().and_then(|d| d.at()).is_some());
    }
    let server = MockServer::start().await;
    let page = json!({"page": 0, "num_pages": 1, "notifications": [notification("NO0001")]});
    Mock::given(method("GET"))
        .and(path(wire_path(
            "/Accounts/{AccountSid}/Notifications",
            ResponseFormat::Json,
        )))
        .respond_with(ResponseTemplate::new(200).set_body_json(page))
        .mount(&server)
        .await;
    let all = client(&server, ResponseFormat::Json)
        .account()
        .notifications()
        .list(&NotificationFilter::new().log(LogLevel::Warning))
        .collect_all()
        .await
        .expect("notifications");
    assert_eq!(all.len(), 1);
    let req = &server.received_requests().await.expect("recording")[0];
    assert_eq!(
        query(req),
        pairs(&[("Log", "1"), ("Page", "0"), ("PageSize", "50")])
    );
}

#[tokio::test]
async fn a_calls_subresources() {
    for (sub, key, item) in [
        ("Recordings", "recordings", recording("RE0001")),
        ("Notifications", "notifications", notification("NO0001")),
    ] {
        let server = MockServer::start().await;
        let template = format!("/Accounts/{{AccountSid}}/Calls/{CALL}/{sub}");
        Mock::given(method("GET"))
            .and(path(wire_path(&template, ResponseFormat::Json)))
            .respond_with(
                ResponseTemplate::new(200)
                    .set_body_json(json!({"page": 0, "num_pages": 1, key: [item]})),
            )
            .mount(&server)
            .await;
        let c = client(&server, ResponseFormat::Json);
        let n = if sub == "Recordings" {
            c.account()
                .calls()
                .list_recordings(CALL)
                .collect_all()
                .await
                .expect("list")
                .len()
        } else {
            c.account()
                .calls()
                .list_notifications(CALL)
                .collect_all()
                .await
                .expect("list")
                .len()
        };
        assert_eq!(n, 1, "{sub}");
    }
}

#[tokio::test]
async fn conferences_and_participants() {
    use cpaas::conferences::{
        ConferenceFilter, ConferenceStatus, MuteDeaf, ParticipantFilter, PlayToParticipant,
    };

    for format in FORMATS {
        let (c, _) = exchange(
            format,
            "GET",
            "/Accounts/{AccountSid}/Conferences/CF0001",
            "Conference",
            &conference("CF0001"),
            |c| async move { c.account().conferences().get("CF0001").await },
        )
        .await;
        assert_eq!(c.status, Some(ConferenceStatus::InProgress));
        assert_eq!(c.run_time.as_ref().and_then(Scalar::get), Some(65));
        assert_eq!(typed(&c), textual(conference("CF0001")));

        let item = "/Accounts/{AccountSid}/Conferences/CF0001/Participants/CA0002";
        let (p, _) = exchange(
            format,
            "GET",
            item,
            "Participant",
            &participant("CA0002"),
            |c| async move {
                c.account()
                    .conference("CF0001")
                    .participants()
                    .get("CA0002")
                    .await
            },
        )
        .await;
        assert_eq!(p.muted.as_ref().and_then(Scalar::get), Some(false));
        assert_eq!(typed(&p), textual(participant("CA0002")));

        let (_, req) = exchange(
            format,
            "POST",
            item,
            "Participant",
            &participant("CA0002"),
            |c| async move {
                c.account()
                    .conference("CF0001")
                    .participants()
                    .mute_deaf("CA0002", &MuteDeaf::new().muted(true).deaf(false))
                    .await
            },
        )
        .await;
        assert_eq!(form(&req), pairs(&[("Muted", "true"), ("Deaf", "false")]));

        let (_, req) = exchange(
            format,
            "POST",
            &format!("{item}/Play"),
            "Participant",
            &participant("CA0002"),
            |c| async move {
                let play = PlayToParticipant::new("https://example.com/a.mp3")
                    .then("https://example.com/b.mp3");
                c.account()
                    .conference("CF0001")
                    .participants()
                    .play_audio("CA0002", &play)
                    .await
            },
        )
        .await;
        assert_eq!(
            form(&req),
            pairs(&[
                ("AudioUrl", "https://example.com/a.mp3"),
                ("AudioUrl", "https://example.com/b.mp3")
            ])
        );

        let (p, req) = exchange(
            format,
            "DELETE",
            item,
            "Participant",
            &participant("CA0002"),
            |c| async move {
                c.account()
                    .conference("CF0001")
                    .participants()
                    .hangup("CA0002")
                    .await
            },
        )
        .await;
        assert!(req.body.is_empty());
        assert_eq!(p.sid.as_str(), "CA0002");
    }

    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(wire_path(
            "/Accounts/{AccountSid}/Conferences",
            ResponseFormat::Json,
        )))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"page": 0, "num_pages": 1, "conferences": [conference("CF0001")]}),
        ))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(wire_path(
            "/Accounts/{AccountSid}/Conferences/CF0001/Participants",
            ResponseFormat::Json,
        )))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"page": 0, "num_pages": 1, "participants": [participant("CA0002")]}),
        ))
        .mount(&server)
        .await;
    let c = client(&server, ResponseFormat::Json);
    let filter = ConferenceFilter::new()
        .friendly_name("standup")
        .status(ConferenceStatus::InProgress)
        .date_updated(DateFilter::since(
            NaiveDate::from_ymd_opt(2019, 5, 1).expect("date"),
        ));
    assert_eq!(
        c.account()
            .conferences()
            .list(&filter)
            .collect_all()
            .await
            .expect("list")
            .len(),
        1
    );
    let parts = c
        .account()
        .conference("CF0001")
        .participants()
        .list(&ParticipantFilter::new().muted(true))
        .collect_all()
        .await
        .expect("list");
    assert_eq!(parts.len(), 1);
    let reqs = server.received_requests().await.expect("recording");
    assert_eq!(
        query(&reqs[0]),
        pairs(&[
            ("FriendlyName", "standup"),
            ("Status", "in-progress"),
            ("DateUpdated>", "2019-05-01"),
            ("Page", "0"),
            ("PageSize", "50")
        ])
    );
    assert_eq!(
        query(&reqs[1]),
        pairs(&[("Muted", "true"), ("Page", "0"), ("PageSize", "50")])
    );
    // Neither Muted nor Deaf: the server's to judge, sent as it is.
    let server = MockServer::start().await;
    let item = "/Accounts/{AccountSid}/Conferences/CF0001/Participants/CA0002";
    mount(
        &server,
        "POST",
        item,
        ResponseFormat::Json,
        "Participant",
        &participant("CA0002"),
    )
    .await;
    client(&server, ResponseFormat::Json)
        .account()
        .conference("CF0001")
        .participants()
        .mute_deaf("CA0002", &MuteDeaf::new())
        .await
        .expect("sent");
    let reqs = server.received_requests().await.expect("recording");
    assert!(reqs[0].body.is_empty());
}

#[tokio::test]
async fn transcriptions_transcribe_and_wait() {
    use cpaas::recordings::TranscribeQuality;
    use cpaas::transcriptions::{
        TranscribeAudioUrl, TranscribeRecording, TranscriptionFilter, TranscriptionStatus,
    };

    for format in FORMATS {
        let (t, _) = exchange(
            format,
            "GET",
            "/Accounts/{AccountSid}/Transcriptions/TR0001",
            "Transcription",
            &transcription("TR0001", "completed"),
            |c| async move { c.account().transcriptions().get("TR0001").await },
        )
        .await;
        assert_eq!(t.status, Some(TranscriptionStatus::Completed));
        assert_eq!(t.kind, Some(TranscribeQuality::Auto));
        assert_eq!(typed(&t), textual(transcription("TR0001", "completed")));

        let (started, req) = exchange(
            format,
            "POST",
            "/Accounts/{AccountSid}/Recordings/RE0001/Transcriptions",
            "Transcription",
            &transcription("TR0001", "in-progress"),
            |c| async move {
                let r = TranscribeRecording::new()
                    .slice_start(5u32)
                    .slice_duration(30u32)
                    .quality(TranscribeQuality::Keywords)
                    .callback_method(HttpMethod::Get);
                c.account()
                    .transcriptions()
                    .transcribe_recording("RE0001", &r)
                    .await
            },
        )
        .await;
        assert_eq!(
            form(&req),
            pairs(&[
                ("CallbackMethod", "GET"),
                ("SliceStart", "5"),
                ("SliceDuration", "30"),
                ("Quality", "keywords")
            ])
        );
        assert_eq!(started.id(), Some("TR0001"));

        let (_, req) = exchange(
            format,
            "POST",
            "/Accounts/{AccountSid}/Transcriptions",
            "Transcription",
            &transcription("TR0002", "in-progress"),
            |c| async move {
                c.account()
                    .transcriptions()
                    .transcribe_audio_url(&TranscribeAudioUrl::new("https://example.com/audio.mp3"))
                    .await
            },
        )
        .await;
        assert_eq!(
            form(&req),
            pairs(&[("AudioUrl", "https://example.com/audio.mp3")])
        );
    }

    let server = MockServer::start().await;
    mount(
        &server,
        "POST",
        "/Accounts/{AccountSid}/Transcriptions",
        ResponseFormat::Json,
        "Transcription",
        &transcription("TR0002", "in-progress"),
    )
    .await;
    Mock::given(method("GET"))
        .and(path(wire_path(
            "/Accounts/{AccountSid}/Transcriptions/TR0002",
            ResponseFormat::Json,
        )))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(transcription("TR0002", "in-progress")),
        )
        .up_to_n_times(1)
        .mount(&server)
        .await;
    mount(
        &server,
        "GET",
        "/Accounts/{AccountSid}/Transcriptions/TR0002",
        ResponseFormat::Json,
        "Transcription",
        &transcription("TR0002", "completed"),
    )
    .await;
    Mock::given(method("GET"))
        .and(path(wire_path("/Accounts/{AccountSid}/Transcriptions", ResponseFormat::Json)))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"page": 0, "num_pages": 1, "transcriptions": [transcription("TR0002", "completed")]})))
        .mount(&server)
        .await;
    let c = client(&server, ResponseFormat::Json);
    let done = c
        .account()
        .transcriptions()
        .transcribe_audio_url(&TranscribeAudioUrl::new("https://example.com/audio.mp3"))
        .await
        .expect("started")
        .policy(policy())
        .wait()
        .await
        .expect("completed");
    assert_eq!(done.transcription_text.as_deref(), Some("Hello there"));
    let filter = TranscriptionFilter::new()
        .status(TranscriptionStatus::Completed)
        .date_transcribed(DateFilter::on(
            NaiveDate::from_ymd_opt(2019, 5, 15).expect("date"),
        ));
    assert_eq!(
        c.account()
            .transcriptions()
            .list(&filter)
            .collect_all()
            .await
            .expect("list")
            .len(),
        1
    );
    let last = server
        .received_requests()
        .await
        .expect("recording")
        .pop()
        .expect("a request");
    assert_eq!(
        query(&last),
        pairs(&[
            ("Status", "completed"),
            ("DateTranscribed", "2019-05-15"),
            ("Page", "0"),
            ("PageSize", "50")
        ])
    );
}
