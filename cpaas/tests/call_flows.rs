//! The simulator runs InboundXML: each verb, the parameters each URL receives, the status
//! callback, and the documents the platform refuses, against small web servers on
//! loopback that answer documents.
#![cfg(feature = "simulator")]

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::http::{Method as HttpVerb, StatusCode, Uri, header};

use cpaas::calls::{CallDirection, CallFilter, CallStatus, MakeCall};
use cpaas::inboundxml::{
    CallbackParams, Dial, Gather, GatherInput, Hangup, Mms, Number, Pause, Play, PlayLastRecording,
    Record, Redirect, Reject, RejectReason, Response, Say, Sms, Voice,
};
use cpaas::mms::MmsFilter;
use cpaas::notifications::{LogLevel, NotificationFilter};
use cpaas::numbers::{NewNumber, NumberSettings};
use cpaas::recordings::RecordingFilter;
use cpaas::sim::{self, CallInput, Dialed, Simulator, TranscriptEntry};
use cpaas::sms::{MessageDirection, MessageStatus, SmsFilter};
use cpaas::{CpaasClient, ErrorKind, HttpMethod};

const ACCOUNT: &str = "AC00000000000000000000000000000001";
/// The account's number.
const OURS: &str = "+15550001000";
/// Who calls it.
const CALLER: &str = "+15559998888";

/// A request one of the servers received.
#[derive(Debug, Clone)]
struct Hit {
    method: String,
    path: String,
    params: CallbackParams,
}

/// A web server on loopback answering each request with `answer(request)`: a status and a
/// document.
struct Server {
    base: String,
    hits: Arc<Mutex<Vec<Hit>>>,
}

impl Server {
    async fn start(answer: impl Fn(&Hit) -> (u16, String) + Send + Sync + 'static) -> Server {
        let hits = Arc::new(Mutex::new(Vec::new()));
        let answer = Arc::new(answer);
        let seen = hits.clone();
        let app = Router::new().fallback(move |method: HttpVerb, uri: Uri, body: String| {
            let (seen, answer) = (seen.clone(), answer.clone());
            async move {
                let params = if method == HttpVerb::GET {
                    CallbackParams::from_query(uri.query().unwrap_or(""))
                } else {
                    CallbackParams::from_form(&body)
                };
                let hit = Hit {
                    method: method.to_string(),
                    path: uri.path().to_owned(),
                    params,
                };
                let (status, doc) = answer(&hit);
                seen.lock().expect("hits").push(hit);
                (
                    StatusCode::from_u16(status).expect("a status"),
                    [(header::CONTENT_TYPE, cpaas::inboundxml::CONTENT_TYPE)],
                    doc,
                )
            }
        });
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a port");
        let base = format!("http://{}", listener.local_addr().expect("an address"));
        tokio::spawn(async move { axum::serve(listener, app).await });
        Server { base, hits }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn hits(&self) -> Vec<Hit> {
        self.hits.lock().expect("hits").clone()
    }

    fn hits_at(&self, path: &str) -> Vec<Hit> {
        self.hits().into_iter().filter(|h| h.path == path).collect()
    }
}

/// A server answering `/` with `doc` and anything else with an empty document.
async fn serving(doc: Response) -> Server {
    let xml = doc.to_xml();
    Server::start(move |hit| {
        let body = if hit.path == "/" {
            xml.clone()
        } else {
            Response::new().to_xml()
        };
        (200, body)
    })
    .await
}

async fn setup() -> (Simulator, CpaasClient) {
    let sim = sim::start().await.expect("simulator");
    let client = sim::client(&sim, ACCOUNT).expect("client");
    (sim, client)
}

/// Buys `OURS` with these settings.
async fn buy(client: &CpaasClient, settings: NumberSettings) {
    client
        .account()
        .incoming_numbers()
        .create(&NewNumber::phone_number(OURS).settings(settings))
        .await
        .expect("bought");
}

/// An incoming call to a number whose VoiceUrl is `server`'s `/`, its status callback at
/// `/status`; the call once ended and its transcript.
async fn call_in(
    sim: &Simulator,
    client: &CpaasClient,
    server: &Server,
) -> (cpaas::calls::Call, Vec<TranscriptEntry>) {
    buy(
        client,
        NumberSettings::new()
            .voice_url(server.url("/"))
            .status_callback(server.url("/status")),
    )
    .await;
    let sid = sim::incoming_call(sim, CALLER, OURS).expect("a call");
    let call = sim::wait_call_ended(sim, &sid).await.expect("ended");
    (call, sim::transcript(sim, &sid))
}

fn say(text: &str) -> TranscriptEntry {
    TranscriptEntry::Say {
        text: text.into(),
        voice: None,
        language: None,
        loops: 1,
    }
}

async fn notifications(client: &CpaasClient) -> Vec<cpaas::notifications::Notification> {
    client
        .account()
        .notifications()
        .list(&NotificationFilter::new())
        .collect_all()
        .await
        .expect("notifications")
}

#[tokio::test]
async fn prompts_are_the_transcript_and_the_status_callback_has_the_end() {
    let (sim, client) = setup().await;
    let server = serving(
        Response::new()
            .say(Say::new("Welcome to Example & Co.").voice(Voice::Female))
            .play(Play::new("https://cdn.example.com/jingle.mp3").loop_count(2))
            .pause(Pause::new().length(3))
            .say(Say::new("Goodbye.")),
    )
    .await;
    let (call, transcript) = call_in(&sim, &client, &server).await;
    assert_eq!(
        transcript,
        vec![
            TranscriptEntry::Say {
                text: "Welcome to Example & Co.".into(),
                voice: Some(Voice::Female),
                language: None,
                loops: 1,
            },
            TranscriptEntry::Play {
                url: "https://cdn.example.com/jingle.mp3".into(),
                loops: 2,
            },
            TranscriptEntry::Pause { seconds: 3 },
            say("Goodbye."),
        ]
    );
    // 24 characters: 2 s; two plays of 5 s; 3 s; 1 s.
    assert_eq!(call.status, Some(CallStatus::Completed));
    assert_eq!(call.duration.as_ref().and_then(|d| d.get()), Some(16));
    assert_eq!(call.direction, Some(CallDirection::Inbound));

    // The first request: the call's parameters, POST (the number's default method), ringing.
    let first = &server.hits_at("/")[0];
    assert_eq!(first.method, "POST");
    let p = &first.params;
    assert_eq!(p.call_sid.as_ref(), Some(&call.sid));
    assert_eq!(p.account_sid.as_deref(), Some(ACCOUNT));
    assert_eq!(p.from.as_deref(), Some(CALLER));
    assert_eq!(p.to.as_deref(), Some(OURS));
    assert_eq!(p.call_status, Some(CallStatus::Ringing));
    assert_eq!(p.call_direction(), Some(CallDirection::Inbound));
    assert_eq!(p.api_version.as_deref(), Some("v2"));
    assert!(p.extra.is_empty(), "{:?}", p.extra);

    // The status callback, once, with the final status and duration.
    let ended = server.hits_at("/status");
    assert_eq!(ended.len(), 1);
    assert_eq!(ended[0].params.call_status, Some(CallStatus::Completed));
    assert_eq!(ended[0].params.call_duration, Some(16));
    assert_eq!(ended[0].params.call_sid.as_ref(), Some(&call.sid));

    // The call reads through the client as stored.
    let read = client
        .account()
        .calls()
        .get(&call.sid)
        .await
        .expect("the call");
    assert_eq!(read.status, Some(CallStatus::Completed));
    assert!(notifications(&client).await.is_empty());
}

/// A menu whose choice is read at `/choice`.
fn menu(input: Option<GatherInput>) -> Response {
    let mut gather = Gather::new()
        .action("/choice")
        .say(Say::new("Press 1 for sales."));
    if let Some(input) = input {
        gather = gather.input(input);
    }
    Response::new()
        .gather(gather)
        .say(Say::new("We did not hear you."))
}

async fn menu_server(input: Option<GatherInput>) -> Server {
    let xml = menu(input).to_xml();
    Server::start(move |hit| {
        let doc = match hit.path.as_str() {
            "/" => xml.clone(),
            "/choice" => Response::new()
                .say(Say::new(format!(
                    "You chose {}.",
                    hit.params
                        .digits
                        .as_deref()
                        .or(hit.params.speech_result.as_deref())
                        .unwrap_or("?")
                )))
                .to_xml(),
            _ => Response::new().to_xml(),
        };
        (200, doc)
    })
    .await
}

#[tokio::test]
async fn gather_takes_the_scripted_keys_or_times_out() {
    let (sim, client) = setup().await;
    let server = menu_server(None).await;
    // Scripted for every call to the number: "1", then keys up to `#`.
    sim::script_input(&sim, OURS, ["1", "42#9"]);
    let (call, transcript) = call_in(&sim, &client, &server).await;
    assert_eq!(
        transcript,
        vec![
            say("Press 1 for sales."),
            TranscriptEntry::Gather {
                heard: Some(CallInput::digits("1")),
            },
            say("You chose 1."),
        ]
    );
    let choice = &server.hits_at("/choice")[0];
    assert_eq!(choice.method, "POST");
    assert_eq!(choice.params.digits.as_deref(), Some("1"));
    assert_eq!(choice.params.call_sid.as_ref(), Some(&call.sid));
    assert_eq!(choice.params.call_status, Some(CallStatus::InProgress));

    // The second call takes the next input; the third hears nothing, times out, and
    // carries on with the next verb.
    let second = sim::incoming_call(&sim, CALLER, OURS).expect("a call");
    sim::wait_call_ended(&sim, &second).await.expect("ended");
    assert_eq!(
        sim::transcript(&sim, &second)[2],
        say("You chose 42."),
        "keys up to finishOnKey"
    );
    let third = sim::incoming_call(&sim, CALLER, OURS).expect("a call");
    let ended = sim::wait_call_ended(&sim, &third).await.expect("ended");
    assert_eq!(
        sim::transcript(&sim, &third),
        vec![
            say("Press 1 for sales."),
            TranscriptEntry::Gather { heard: None },
            say("We did not hear you."),
        ]
    );
    // Each prompt (18 and 20 characters) 2 s, the timeout 5 s.
    assert_eq!(ended.duration.as_ref().and_then(|d| d.get()), Some(9));
    assert_eq!(server.hits_at("/choice").len(), 2);
}

#[tokio::test]
async fn gather_hears_speech_per_call_and_ignores_what_it_does_not_take() {
    let (sim, client) = setup().await;
    let server = menu_server(Some(GatherInput::Speech)).await;
    buy(&client, NumberSettings::new().voice_url(server.url("/"))).await;
    let first = sim::incoming_call(&sim, CALLER, OURS).expect("a call");
    // Scripted for this call only.
    sim::script_input(&sim, first.as_str(), [CallInput::speech("sales please")]);
    sim::wait_call_ended(&sim, &first).await.expect("ended");
    assert_eq!(
        sim::transcript(&sim, &first)[2],
        say("You chose sales please.")
    );
    assert_eq!(
        server.hits_at("/choice")[0].params.speech_result.as_deref(),
        Some("sales please")
    );
    // Keys to a speech-only Gather are not heard.
    let second = sim::incoming_call(&sim, CALLER, OURS).expect("a call");
    sim::script_input(&sim, second.as_str(), ["1"]);
    sim::wait_call_ended(&sim, &second).await.expect("ended");
    assert_eq!(
        sim::transcript(&sim, &second)[1],
        TranscriptEntry::Gather { heard: None }
    );
}

#[tokio::test]
async fn record_requests_its_action_and_stores_the_recording() {
    let (sim, client) = setup().await;
    let server = Server::start(|hit| {
        let doc = match hit.path.as_str() {
            "/" => Response::new()
                .say(Say::new("Leave a message."))
                .record(Record::new().action("/recorded").max_length(10))
                .say(Say::new("Nothing was recorded.")),
            "/recorded" => Response::new()
                .play_last_recording(PlayLastRecording::new())
                .hangup(Hangup::new()),
            _ => Response::new(),
        };
        (200, doc.to_xml())
    })
    .await;
    sim::script_input(&sim, OURS, [CallInput::recording(30)]);
    let (call, transcript) = call_in(&sim, &client, &server).await;

    let recordings = client
        .account()
        .recordings()
        .list(&RecordingFilter::new())
        .collect_all()
        .await
        .expect("recordings");
    assert_eq!(recordings.len(), 1);
    let recording = &recordings[0];
    assert_eq!(recording.call_sid.as_ref(), Some(&call.sid));
    assert_eq!(
        recording.duration.as_ref().and_then(|d| d.get()),
        Some(10),
        "maxLength"
    );
    let url = recording.recording_url.clone().expect("a URL");
    assert_eq!(
        transcript[1],
        TranscriptEntry::Record {
            recording: Some(recording.sid.clone()),
            seconds: 10,
        }
    );
    assert_eq!(
        transcript[2],
        TranscriptEntry::PlayLastRecording {
            recording_url: Some(url.clone()),
        }
    );
    assert!(matches!(transcript[3], TranscriptEntry::Hangup { .. }));
    let action = &server.hits_at("/recorded")[0].params;
    assert_eq!(action.recording_url.as_deref(), Some(url.as_str()));
    assert_eq!(action.recording_duration, Some(10));
    assert_eq!(action.recording_sid.as_ref(), Some(&recording.sid));

    // Silence: no recording, the next verb.
    let silent = sim::incoming_call(&sim, CALLER, OURS).expect("a call");
    sim::wait_call_ended(&sim, &silent).await.expect("ended");
    assert_eq!(
        sim::transcript(&sim, &silent)[1..],
        [
            TranscriptEntry::Record {
                recording: None,
                seconds: 0,
            },
            say("Nothing was recorded."),
        ]
    );
    assert_eq!(server.hits_at("/recorded").len(), 1);
}

#[tokio::test]
async fn dial_records_its_targets_and_tells_its_action() {
    let (sim, client) = setup().await;
    let server = Server::start(|hit| {
        let doc = match hit.path.as_str() {
            "/" => Response::new().dial(
                Dial::new()
                    .number(Number::new("+15557654321"))
                    .action("/dialed")
                    .caller_id("+15550001000"),
            ),
            "/dialed" => Response::new()
                .dial(Dial::new().text("+15557654322"))
                .say(Say::new("Bye.")),
            _ => Response::new(),
        };
        (200, doc.to_xml())
    })
    .await;
    let (call, transcript) = call_in(&sim, &client, &server).await;
    let TranscriptEntry::Dial {
        targets,
        status,
        call_sid: Some(dialed),
        seconds,
    } = &transcript[0]
    else {
        panic!("a Dial: {transcript:?}");
    };
    assert_eq!(targets, &[Dialed::Number("+15557654321".into())]);
    assert_eq!(*status, CallStatus::Completed);
    assert_eq!(*seconds, 30);
    let action = &server.hits_at("/dialed")[0].params;
    assert_eq!(action.dial_call_status, Some(CallStatus::Completed));
    assert_eq!(action.dial_call_sid.as_ref(), Some(dialed));
    assert_eq!(action.dial_call_duration, Some(30));
    // A Dial without an action goes on with the next verb.
    assert!(
        matches!(&transcript[1], TranscriptEntry::Dial { targets, .. }
        if targets == &[Dialed::Number("+15557654322".into())])
    );
    assert_eq!(transcript[2], say("Bye."));

    // The dialed calls are calls of the account, children of this one.
    let calls = client
        .account()
        .calls()
        .list(&CallFilter::new())
        .collect_all()
        .await
        .expect("calls");
    assert_eq!(calls.len(), 3);
    let child = calls
        .iter()
        .find(|c| &c.sid == dialed)
        .expect("the dialed call");
    assert_eq!(child.parent(), Some(&call.sid));
    assert_eq!(child.direction, Some(CallDirection::OutboundDial));
    assert_eq!(child.from.as_deref(), Some("+15550001000"));
    assert_eq!(child.to.as_deref(), Some("+15557654321"));
}

#[tokio::test]
async fn redirect_fetches_the_next_document_and_messages_are_sent() {
    let (sim, client) = setup().await;
    let server = Server::start(|hit| {
        let doc = match hit.path.as_str() {
            "/" => Response::new()
                .say(Say::new("One moment."))
                .redirect(Redirect::new("/next?step=2").method(HttpMethod::Get))
                .say(Say::new("never said")),
            "/next" => Response::new()
                .sms(
                    Sms::new(CALLER, OURS, "Thanks for calling & bye")
                        .status_callback("/sms-status"),
                )
                .mms(Mms::new(CALLER, OURS, "https://cdn.example.com/map.png").text("Our shop")),
            _ => Response::new(),
        };
        (200, doc.to_xml())
    })
    .await;
    let (_, transcript) = call_in(&sim, &client, &server).await;
    let next = &server.hits_at("/next")[0];
    assert_eq!(next.method, "GET");
    assert_eq!(
        next.params.extra,
        vec![("step".into(), "2".into())],
        "the URL's own query kept"
    );
    assert_eq!(next.params.to.as_deref(), Some(OURS));
    assert_eq!(
        transcript[1],
        TranscriptEntry::Redirect {
            url: "/next?step=2".into(),
        }
    );
    assert!(!transcript.contains(&say("never said")));

    let sms = client
        .account()
        .sms()
        .list(&SmsFilter::new())
        .collect_all()
        .await
        .expect("sms");
    assert_eq!(sms.len(), 1);
    assert_eq!(sms[0].body.as_deref(), Some("Thanks for calling & bye"));
    assert_eq!(sms[0].to.as_deref(), Some(CALLER));
    assert_eq!(sms[0].status, Some(MessageStatus::Sent));
    assert_eq!(sms[0].direction, Some(MessageDirection::OutboundCall));
    assert!(matches!(&transcript[2], TranscriptEntry::Sms { sid, .. } if *sid == sms[0].id.sid));
    let told = &server.hits_at("/sms-status")[0].params;
    assert_eq!(told.sms_sid.as_ref(), Some(&sms[0].id.sid));
    assert_eq!(told.sms_status, Some(MessageStatus::Sent));

    let mms = client
        .account()
        .mms()
        .list(&MmsFilter::new())
        .collect_all()
        .await
        .expect("mms");
    assert_eq!(mms.len(), 1);
    assert_eq!(
        mms[0].media_url.as_deref(),
        Some("https://cdn.example.com/map.png")
    );
    assert_eq!(mms[0].body.as_deref(), Some("Our shop"));
}

#[tokio::test]
async fn hangup_and_reject_end_the_call() {
    let (sim, client) = setup().await;
    let server = Server::start(|hit| {
        let doc = match hit.path.as_str() {
            "/" => Response::new()
                .say(Say::new("Bye."))
                .hangup(Hangup::new())
                .say(Say::new("never said")),
            "/busy" => Response::new().reject(Reject::new().reason(RejectReason::Busy)),
            _ => Response::new(),
        };
        (200, doc.to_xml())
    })
    .await;
    let (call, transcript) = call_in(&sim, &client, &server).await;
    assert_eq!(
        transcript,
        vec![say("Bye."), TranscriptEntry::Hangup { reason: None }]
    );
    assert_eq!(call.status, Some(CallStatus::Completed));

    client
        .account()
        .incoming_numbers()
        .create(
            &NewNumber::phone_number("+15550002000").settings(
                NumberSettings::new()
                    .voice_url(server.url("/busy"))
                    .status_callback(server.url("/status")),
            ),
        )
        .await
        .expect("bought");
    let refused = sim::incoming_call(&sim, CALLER, "+15550002000").expect("a call");
    let refused = sim::wait_call_ended(&sim, &refused).await.expect("ended");
    assert_eq!(refused.status, Some(CallStatus::Busy));
    assert_eq!(refused.duration.as_ref().and_then(|d| d.get()), Some(0));
    let told = server.hits_at("/status");
    assert_eq!(told[1].params.call_status, Some(CallStatus::Busy));
    assert_eq!(told[1].params.call_duration, Some(0));
}

#[tokio::test]
async fn a_made_call_runs_its_url_and_its_wait_ends_with_it() {
    let (sim, client) = setup().await;
    let server = serving(Response::new().say(Say::new("This is a reminder."))).await;
    let made = client
        .account()
        .calls()
        .make(
            &MakeCall::new(OURS, "+15557654321", server.url("/"))
                .method(HttpMethod::Get)
                .status_callback(server.url("/status")),
        )
        .await
        .expect("made");
    let sid = made.accepted().sid.clone();
    let done = made.wait().await.expect("completed");
    assert_eq!(done.status, Some(CallStatus::Completed));
    let ended = sim::wait_call_ended(&sim, &sid).await.expect("ended");
    assert_eq!(ended.duration.as_ref().and_then(|d| d.get()), Some(2));
    assert_eq!(ended.direction, Some(CallDirection::OutboundApi));
    assert_eq!(
        sim::transcript(&sim, &sid),
        vec![say("This is a reminder.")]
    );
    let first = &server.hits_at("/")[0];
    assert_eq!(first.method, "GET");
    assert_eq!(
        first.params.call_status,
        Some(CallStatus::InProgress),
        "answered"
    );
    assert_eq!(
        first.params.call_direction(),
        Some(CallDirection::OutboundApi)
    );
    assert_eq!(
        server.hits_at("/status")[0].params.call_status,
        Some(CallStatus::Completed)
    );

    // A call whose Url is not on loopback is not run: it moves by reads, as before.
    let elsewhere = client
        .account()
        .calls()
        .make(&MakeCall::new(
            OURS,
            "+15557654321",
            "https://example.com/ivr",
        ))
        .await
        .expect("made");
    let sid = elsewhere.accepted().sid.clone();
    let err = sim::wait_call_ended(&sim, &sid).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(sim::transcript(&sim, &sid).is_empty());
    assert_eq!(
        elsewhere.wait().await.expect("completed").status,
        Some(CallStatus::Completed)
    );
    assert_eq!(server.hits().len(), 2, "nothing else requested");
}

#[tokio::test]
async fn bad_documents_end_the_call_with_the_platforms_code() {
    let cases: [(&str, &str, u32); 5] = [
        ("not well-formed", "<Response><Say>Hi</Response>", 12100),
        ("another root", "<Reply><Say>Hi</Say></Reply>", 12102),
        (
            "a Dial in a Gather",
            "<Response><Gather><Dial>+15557654321</Dial></Gather><Say>after</Say></Response>",
            13320,
        ),
        (
            "a Say in a Dial",
            "<Response><Dial><Say>Hi</Say></Dial></Response>",
            13215,
        ),
        (
            "a Say with no text",
            "<Response><Say> </Say></Response>",
            13520,
        ),
    ];
    for (what, body, code) in cases {
        let (sim, client) = setup().await;
        let server = Server::start(move |hit| match hit.path.as_str() {
            "/" => (200, body.to_owned()),
            _ => (200, Response::new().to_xml()),
        })
        .await;
        let (call, transcript) = call_in(&sim, &client, &server).await;
        assert_eq!(call.status, Some(CallStatus::Failed), "{what}");
        assert_eq!(transcript.len(), 1, "{what}: nothing run: {transcript:?}");
        assert!(
            matches!(&transcript[0], TranscriptEntry::Error { code: c, .. } if c.code() == code),
            "{what}: {transcript:?}"
        );
        let listed = notifications(&client).await;
        assert_eq!(listed.len(), 1, "{what}");
        let n = &listed[0];
        assert_eq!(n.error().map(|c| c.code()), Some(code), "{what}");
        assert_eq!(n.level(), Some(LogLevel::Error), "{what}");
        assert_eq!(n.call_sid.as_ref(), Some(&call.sid), "{what}");
        assert_eq!(n.response(), Some(body), "{what}: the document kept");
        assert_eq!(n.request_url.as_deref(), Some(server.url("/").as_str()));
        assert!(
            n.message_text.as_deref().is_some_and(|m| !m.is_empty()),
            "{what}: the message"
        );
        // Listed under the call too.
        let of_call = client
            .account()
            .calls()
            .list_notifications(&call.sid)
            .collect_all()
            .await
            .expect("the call's notifications");
        assert_eq!(of_call.len(), 1, "{what}");
        // The status callback still tells the end.
        assert_eq!(
            server.hits_at("/status")[0].params.call_status,
            Some(CallStatus::Failed),
            "{what}"
        );
    }
}

#[tokio::test]
async fn urls_that_fail_are_notified_and_the_fallback_is_used() {
    let (sim, client) = setup().await;
    let server = Server::start(|hit| match hit.path.as_str() {
        "/broken" => (500, "<html>oops</html>".to_owned()),
        "/" => (
            200,
            Response::new()
                .say(Say::new("From the fallback."))
                .verb(cpaas::inboundxml::RawElement::new("Dance"))
                .gather(Gather::new().action("/gone").say(Say::new("Press a key.")))
                .to_xml(),
        ),
        _ => (404, String::new()),
    })
    .await;
    buy(
        &client,
        NumberSettings::new()
            .voice_url(server.url("/broken"))
            .voice_fallback_url(server.url("/")),
    )
    .await;
    sim::script_input(&sim, OURS, ["5"]);
    let sid = sim::incoming_call(&sim, CALLER, OURS).expect("a call");
    let call = sim::wait_call_ended(&sim, &sid).await.expect("ended");
    // The fallback ran (an unknown element is a warning and is skipped); the action then
    // answered 404: the call ends, answered, so completed.
    assert_eq!(call.status, Some(CallStatus::Completed));
    let transcript = sim::transcript(&sim, &sid);
    assert!(
        matches!(&transcript[0], TranscriptEntry::Error { code, message }
        if code.code() == 11200 && message.contains("/broken answered 500"))
    );
    assert_eq!(transcript[1], say("From the fallback."));
    assert!(matches!(&transcript[2], TranscriptEntry::NotRun { verb, .. } if verb == "Dance"));
    let codes: Vec<(u32, Option<LogLevel>)> = notifications(&client)
        .await
        .iter()
        .rev()
        .map(|n| (n.error().map(|c| c.code()).unwrap_or(0), n.level()))
        .collect();
    assert_eq!(
        codes,
        vec![
            (11200, Some(LogLevel::Error)),
            (12105, Some(LogLevel::Warning)),
            (12200, Some(LogLevel::Warning)),
            (11200, Some(LogLevel::Error)),
        ]
    );
    assert!(
        matches!(transcript.last(), Some(TranscriptEntry::Error { code, message })
        if code.code() == 11200 && message.contains("404"))
    );

    // A made call to a loopback port nobody listens on: a connection failure.
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
        l.local_addr().expect("an address")
    };
    let made = client
        .account()
        .calls()
        .make(&MakeCall::new(OURS, CALLER, format!("http://{closed}/ivr")))
        .await
        .expect("made");
    let sid = made.accepted().sid.clone();
    sim::wait_call_ended(&sim, &sid).await.expect("ended");
    let of_call = client
        .account()
        .calls()
        .list_notifications(&sid)
        .collect_all()
        .await
        .expect("notifications");
    assert_eq!(of_call[0].error().map(|c| c.code()), Some(11205));
}

#[tokio::test]
async fn an_incoming_sms_runs_the_sms_url_and_replies() {
    let (sim, client) = setup().await;
    let server = Server::start(|hit| {
        let body = hit.params.body.clone().unwrap_or_default();
        let doc = Response::new()
            .sms(Sms::new(CALLER, OURS, format!("You said: {body}")))
            .say(Say::new("not in a message"));
        (200, doc.to_xml())
    })
    .await;
    buy(
        &client,
        NumberSettings::new()
            .sms_url(server.url("/sms"))
            .sms_method(HttpMethod::Get),
    )
    .await;
    let sid = sim::incoming_sms(&sim, CALLER, OURS, "Opening hours?").expect("a message");
    let received = sim::wait_sms_handled(&sim, &sid).await.expect("handled");
    assert_eq!(received.status, Some(MessageStatus::Received));
    assert_eq!(received.direction, Some(MessageDirection::Incoming));
    let hit = &server.hits_at("/sms")[0];
    assert_eq!(hit.method, "GET");
    assert_eq!(hit.params.sms_sid.as_ref(), Some(&sid));
    assert_eq!(hit.params.body.as_deref(), Some("Opening hours?"));
    assert_eq!(hit.params.from.as_deref(), Some(CALLER));
    assert_eq!(hit.params.sms_status, Some(MessageStatus::Received));
    assert_eq!(hit.params.call_sid, None);

    let sent = client
        .account()
        .sms()
        .list(&SmsFilter::new())
        .collect_all()
        .await
        .expect("sms");
    let reply = sent
        .iter()
        .find(|m| m.direction == Some(MessageDirection::OutboundReply))
        .expect("a reply");
    assert_eq!(reply.body.as_deref(), Some("You said: Opening hours?"));
    assert!(matches!(
        &sim::transcript(&sim, &sid)[1],
        TranscriptEntry::NotRun { verb, .. } if verb == "Say"
    ));
}

#[tokio::test]
async fn calls_to_numbers_the_simulator_cannot_run_are_refused() {
    let (sim, client) = setup().await;
    let err = sim::incoming_call(&sim, CALLER, OURS).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains(OURS), "{err}");

    buy(&client, NumberSettings::new().friendly_name("no URL")).await;
    let err = sim::incoming_call(&sim, CALLER, OURS).unwrap_err();
    assert!(err.to_string().contains("no VOICE URL"), "{err}");
    let err = sim::incoming_sms(&sim, CALLER, OURS, "hi").unwrap_err();
    assert!(err.to_string().contains("no SMS URL"), "{err}");

    client
        .account()
        .incoming_numbers()
        .create(
            &NewNumber::phone_number("+15550003000")
                .settings(NumberSettings::new().voice_url("https://ivr.example.com/menu")),
        )
        .await
        .expect("bought");
    let err = sim::incoming_call(&sim, CALLER, "+15550003000").unwrap_err();
    assert!(err.to_string().contains("loopback"), "{err}");
    assert!(
        client
            .account()
            .calls()
            .list(&CallFilter::new())
            .collect_all()
            .await
            .expect("calls")
            .is_empty(),
        "no call was made"
    );
}
