use super::elements::{Attributes, parse_bool};
use super::*;
use crate::calls::{AnsweredBy, CallDirection, CallStatus};
use crate::sms::{MessageDirection, MessageStatus};

const DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

fn doc(body: &str) -> String {
    format!("{DECL}{body}")
}

fn parse(text: &str) -> Response {
    match Response::from_xml(text) {
        Ok(r) => r,
        Err(e) => panic!("{text} does not parse: {e}"),
    }
}

fn codes(r: &Response) -> Vec<u32> {
    r.check().iter().map(|v| v.code.code()).collect()
}

/// A document holding every element, each with every attribute set.
fn kitchen_sink() -> Response {
    let say = || {
        Say::new("Hello")
            .loop_count(2)
            .voice(Voice::Female)
            .language(SayLanguage::EnGb)
    };
    let play = || {
        Play::new("https://example.com/a.mp3")
            .loop_count(3)
            .method(HttpMethod::Get)
    };
    Response::new()
        .status_callback("https://example.com/status")
        .status_method(HttpMethod::Post)
        .heartbeat_callback("https://example.com/heartbeat")
        .heartbeat_method(HttpMethod::Get)
        .answer(Answer::new())
        .say(say())
        .play(play())
        .pause(Pause::new().length(2))
        .gather(
            Gather::new()
                .input(GatherInput::SpeechDtmf)
                .hints("sales, support")
                .language("en-US")
                .action("https://example.com/gather")
                .method(HttpMethod::Post)
                .timeout(5)
                .finish_on_key("#")
                .num_digits(1)
                .say(say())
                .play(play())
                .pause(Pause::new().length(1))
                .play_last_recording(PlayLastRecording::new()),
        )
        .get_speech(
            GetSpeech::new("https://example.com/grammar.grxml")
                .action("https://example.com/speech")
                .method(HttpMethod::Get)
                .timeout(4)
                .play_beep(true)
                .say(say())
                .play(play())
                .pause(Pause::new())
                .play_last_recording(PlayLastRecording::new()),
        )
        .record(
            Record::new()
                .action("https://example.com/record")
                .method(HttpMethod::Post)
                .timeout(10)
                .finish_on_key("*")
                .max_length(60)
                .transcribe(true)
                .transcribe_callback("https://example.com/transcribed")
                .transcribe_quality(TranscribeQuality::Platinum)
                .slice_start(1)
                .slice_duration(30)
                .play_beep(false)
                .both_legs(true)
                .file_format("wav")
                .direction(RecordDirection::Inlow)
                .background(false)
                .sample_rate(SampleRate::Hz48000)
                .trim_silence(true)
                .lifetime(7),
        )
        .play_last_recording(PlayLastRecording::new())
        .dial(
            Dial::new()
                .text("+15550000000")
                .action("https://example.com/dialed")
                .method(HttpMethod::Post)
                .timeout(20)
                .hangup_on_star(true)
                .time_limit(3600)
                .caller_id("+15551230000")
                .hide_caller_id(false)
                .caller_name("Example")
                .dial_music("https://example.com/ring.mp3")
                .callback_url("https://example.com/dial-callback")
                .callback_method(HttpMethod::Get)
                .confirm_sound("beep")
                .digits_match("1,2")
                .straight_to_vm(15u32)
                .heartbeat_url("https://example.com/dial-heartbeat")
                .heartbeat_method(HttpMethod::Post)
                .forwarded_from("+15559999999")
                .record(true)
                .record_direction(RecordDirection::Both)
                .record_callback_url("https://example.com/dial-recorded")
                .record_lifetime(30)
                .record_format("mp3")
                .if_machine(IfMachine::Redirect)
                .if_machine_url("https://example.com/machine")
                .if_machine_method(HttpMethod::Get)
                .outbound_action(true)
                .number(
                    Number::new("+15557654321")
                        .send_digits("ww12")
                        .method(HttpMethod::Get)
                        .url("https://example.com/whisper")
                        .send_on_preanswer(true),
                )
                .sip(
                    Sip::new("sip:alice@example.com")
                        .action("https://example.com/sip")
                        .method(HttpMethod::Post)
                        .username("alice")
                        .password("s3cret")
                        .send_digits("9"),
                )
                .user(User::new("user-1").send_digits("5").params("a=b"))
                .conference(
                    Conference::new("standup")
                        .muted(false)
                        .beep(true)
                        .start_conference_on_enter(true)
                        .end_conference_on_exit(false)
                        .max_participants(10)
                        .time_limit(600)
                        .wait_url("https://example.com/wait")
                        .wait_method(HttpMethod::Get)
                        .hangup_on_star("true")
                        .callback_url("https://example.com/conf")
                        .callback_method(HttpMethod::Post)
                        .method(HttpMethod::Get)
                        .wait_sound("https://example.com/wait.mp3")
                        .wait_sound_method(HttpMethod::Post)
                        .digits_match("0")
                        .stay_alone(true)
                        .record(false)
                        .record_file_format("wav")
                        .record_callback_url("https://example.com/conf-recorded")
                        .record_callback_method(HttpMethod::Get),
                ),
        )
        .refer(
            Refer::new()
                .action("https://example.com/refer")
                .method(HttpMethod::Post)
                .timeout(9)
                .callback_url("https://example.com/refer-callback")
                .callback_method(HttpMethod::Get)
                .sip(Sip::new("sip:desk@example.com")),
        )
        .connect(
            Connect::new()
                .action("https://example.com/connect")
                .method(HttpMethod::Get)
                .agent(Agent::new("agent-42")),
        )
        .sms(
            Sms::new("+15557654321", "+15551230000", "Thanks!")
                .action("https://example.com/sms")
                .method(HttpMethod::Post)
                .status_callback("https://example.com/sms-status")
                .status_callback_method(HttpMethod::Get),
        )
        .mms(
            Mms::new(
                "+15557654321",
                "+15551230000",
                "https://example.com/map.png",
            )
            .text("The map")
            .action("https://example.com/mms")
            .method(HttpMethod::Get)
            .status_callback("https://example.com/mms-status")
            .status_callback_method(HttpMethod::Post),
        )
        .ping(Ping::new("https://example.com/ping").method(HttpMethod::Get))
        .redirect(Redirect::new("https://example.com/next").method(HttpMethod::Post))
        .reject(Reject::new().reason(RejectReason::Busy))
        .hangup(Hangup::new().schedule(5).reason("done"))
}

/// Every element of the tree with the names of its typed attributes that are set, and
/// those it knows.
fn attribute_coverage(
    r: &Response,
) -> Vec<(&'static str, Vec<&'static str>, &'static [&'static str])> {
    fn names<T: Attributes>(el: &T) -> (&'static str, Vec<&'static str>, &'static [&'static str]) {
        let mut set = Vec::new();
        let _ = el.each_typed(&mut |n, _| {
            set.push(n);
            Ok(())
        });
        (T::NAME, set, T::KNOWN)
    }
    let mut out = vec![names(r)];
    let prompts = |children: &[GatherChild], out: &mut Vec<_>| {
        for c in children {
            match c {
                GatherChild::Say(e) => out.push(names(e)),
                GatherChild::Play(e) => out.push(names(e)),
                GatherChild::Pause(e) => out.push(names(e)),
                GatherChild::PlayLastRecording(e) => out.push(names(e)),
                GatherChild::Unknown(_) => {}
            }
        }
    };
    for v in &r.verbs {
        match v {
            ResponseVerb::Answer(e) => out.push(names(e)),
            ResponseVerb::Connect(e) => {
                out.push(names(e));
                for t in &e.targets {
                    if let ConnectTarget::Agent(a) = t {
                        out.push(names(a));
                    }
                }
            }
            ResponseVerb::Dial(e) => {
                out.push(names(e));
                for t in &e.targets {
                    match t {
                        DialTarget::Number(x) => out.push(names(x)),
                        DialTarget::Sip(x) => out.push(names(x)),
                        DialTarget::User(x) => out.push(names(x)),
                        DialTarget::Conference(x) => out.push(names(x)),
                        DialTarget::Unknown(_) => {}
                    }
                }
            }
            ResponseVerb::Gather(e) => {
                out.push(names(e));
                prompts(&e.children, &mut out);
            }
            ResponseVerb::GetSpeech(e) => {
                out.push(names(e));
                prompts(&e.children, &mut out);
            }
            ResponseVerb::Hangup(e) => out.push(names(e)),
            ResponseVerb::Mms(e) => out.push(names(e)),
            ResponseVerb::Pause(e) => out.push(names(e)),
            ResponseVerb::Ping(e) => out.push(names(e)),
            ResponseVerb::Play(e) => out.push(names(e)),
            ResponseVerb::PlayLastRecording(e) => out.push(names(e)),
            ResponseVerb::Record(e) => out.push(names(e)),
            ResponseVerb::Redirect(e) => out.push(names(e)),
            ResponseVerb::Refer(e) => {
                out.push(names(e));
                for t in &e.targets {
                    if let ReferTarget::Sip(s) = t {
                        out.push(names(s));
                    }
                }
            }
            ResponseVerb::Reject(e) => out.push(names(e)),
            ResponseVerb::Say(e) => out.push(names(e)),
            ResponseVerb::Sms(e) => out.push(names(e)),
            ResponseVerb::Unknown(_) => {}
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// Writer.

#[test]
fn writes_the_declaration_then_the_document_on_one_line() {
    assert_eq!(Response::new().to_xml(), doc("<Response/>"));
    assert_eq!(
        Response::new()
            .say(Say::new("Hello"))
            .hangup(Hangup::new())
            .to_xml(),
        doc("<Response><Say>Hello</Say><Hangup/></Response>")
    );
    let r = Response::new().say(Say::new("Hi"));
    assert_eq!(r.to_string(), r.to_xml());
    assert_eq!(CONTENT_TYPE, "application/xml");
    assert!(r.to_xml().starts_with(XML_DECLARATION));
}

#[test]
fn writes_the_issue_example() {
    let r = Response::new()
        .gather(
            Gather::new()
                .say(Say::new("Press 1"))
                .action("https://x/menu"),
        )
        .redirect(Redirect::new("https://x/again"));
    assert_eq!(
        r.to_xml(),
        doc(
            "<Response><Gather action=\"https://x/menu\"><Say>Press 1</Say></Gather>\
             <Redirect>https://x/again</Redirect></Response>"
        )
    );
}

#[test]
fn escapes_text() {
    let r = Response::new().say(Say::new("a & b < c > d \"e\" 'f'"));
    assert_eq!(
        r.to_xml(),
        doc("<Response><Say>a &amp; b &lt; c &gt; d &quot;e&quot; 'f'</Say></Response>")
    );
    // A bare `&` in a URL, the classic.
    let r = Response::new().play(Play::new("https://x/a.mp3?x=1&y=2"));
    assert_eq!(
        r.to_xml(),
        doc("<Response><Play>https://x/a.mp3?x=1&amp;y=2</Play></Response>")
    );
    // `]]>` cannot appear raw in text.
    assert!(
        Response::new()
            .say(Say::new("]]>"))
            .to_xml()
            .contains("]]&gt;")
    );
}

#[test]
fn escapes_attribute_values() {
    let r = Response::new().redirect(
        Redirect::new("https://x/next")
            .attribute("note", "a & b < c > d \"e\" 'f'")
            .method(HttpMethod::Unknown("P\"O'S<T>&".into())),
    );
    assert_eq!(
        r.to_xml(),
        doc(
            "<Response><Redirect method=\"P&quot;O&apos;S&lt;T&gt;&amp;\" \
             note=\"a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;\">https://x/next</Redirect></Response>"
        )
    );
}

#[test]
fn escapes_whitespace_a_parser_would_normalize() {
    let r = Response::new().say(Say::new("line1\r\nline2\tend").attribute("x", "a\nb\tc\rd"));
    let xml = r.to_xml();
    assert!(
        xml.contains("<Say x=\"a&#10;b&#9;c&#13;d\">line1&#13;\nline2\tend</Say>"),
        "{xml}"
    );
    assert_eq!(parse(&xml), r);
}

#[test]
fn leaves_out_characters_xml_cannot_carry() {
    let r = Response::new().say(Say::new("a\u{0}b\u{1b}c\u{fffe}d").attribute("x", "\u{7}y"));
    assert_eq!(
        r.to_xml(),
        doc("<Response><Say x=\"y\">abcd</Say></Response>")
    );
}

#[test]
fn writes_attributes_in_the_table_order_whatever_the_setter_order() {
    let gather = Gather::new()
        .num_digits(1)
        .finish_on_key("#")
        .timeout(5)
        .method(HttpMethod::Get)
        .action("/a")
        .language("en-US")
        .hints("h")
        .input(GatherInput::Dtmf);
    let r = Response::new().gather(gather);
    assert_eq!(
        r.to_xml(),
        doc(
            "<Response><Gather input=\"dtmf\" hints=\"h\" language=\"en-US\" action=\"/a\" \
             method=\"GET\" timeout=\"5\" finishOnKey=\"#\" numDigits=\"1\"/></Response>"
        )
    );
    let sms = Sms::new("+1", "+2", "x")
        .status_callback_method(HttpMethod::Post)
        .action("/s");
    assert_eq!(
        Response::new().sms(sms).to_xml(),
        doc(
            "<Response><Sms to=\"+1\" from=\"+2\" action=\"/s\" statusCallbackMethod=\"POST\">x</Sms></Response>"
        )
    );
    let mms = Mms::new("+1", "+2", "/m.png").status_callback_method(HttpMethod::Get);
    assert_eq!(
        Response::new().mms(mms).to_xml(),
        doc(
            "<Response><Mms to=\"+1\" from=\"+2\" mediaUrl=\"/m.png\" statusCallbackMethod=\"GET\"/></Response>"
        )
    );
}

#[test]
fn the_field_order_is_the_table_order() {
    // The writer's order is each element's list, which must be the vocabulary's table.
    assert_eq!(
        <Dial as Attributes>::KNOWN,
        &[
            "action",
            "method",
            "timeout",
            "hangupOnStar",
            "timeLimit",
            "callerId",
            "hideCallerId",
            "callerName",
            "dialMusic",
            "callbackUrl",
            "callbackMethod",
            "confirmSound",
            "digitsMatch",
            "straightToVm",
            "heartbeatUrl",
            "heartbeatMethod",
            "forwardedFrom",
            "record",
            "recordDirection",
            "recordCallbackUrl",
            "recordLifetime",
            "recordFormat",
            "ifMachine",
            "ifMachineUrl",
            "ifMachineMethod",
            "outboundAction",
        ]
    );
    assert_eq!(
        <Record as Attributes>::KNOWN,
        &[
            "action",
            "method",
            "timeout",
            "finishOnKey",
            "maxLength",
            "transcribe",
            "transcribeCallback",
            "transcribeQuality",
            "sliceStart",
            "sliceDuration",
            "playBeep",
            "bothLegs",
            "fileFormat",
            "direction",
            "background",
            "sampleRate",
            "trimSilence",
            "lifetime",
        ]
    );
    assert_eq!(
        <Conference as Attributes>::KNOWN,
        &[
            "muted",
            "beep",
            "startConferenceOnEnter",
            "endConferenceOnExit",
            "maxParticipants",
            "timeLimit",
            "waitUrl",
            "waitMethod",
            "hangupOnStar",
            "callbackUrl",
            "callbackMethod",
            "method",
            "waitSound",
            "waitSoundMethod",
            "digitsMatch",
            "stayAlone",
            "record",
            "recordFileFormat",
            "recordCallbackUrl",
            "recordCallbackMethod",
        ]
    );
    assert_eq!(
        <Response as Attributes>::KNOWN,
        &[
            "statusCallback",
            "statusMethod",
            "heartbeatCallback",
            "heartbeatMethod"
        ]
    );
    assert_eq!(<Say as Attributes>::KNOWN, &["loop", "voice", "language"]);
    assert_eq!(
        <GetSpeech as Attributes>::KNOWN,
        &["action", "method", "timeout", "playBeep", "grammar"]
    );
    assert_eq!(
        <Number as Attributes>::KNOWN,
        &["sendDigits", "method", "url", "sendOnPreanswer"]
    );
    assert_eq!(
        <Sip as Attributes>::KNOWN,
        &["action", "method", "username", "password", "sendDigits"]
    );
    assert_eq!(
        <Refer as Attributes>::KNOWN,
        &[
            "action",
            "method",
            "timeout",
            "callbackUrl",
            "callbackMethod"
        ]
    );
    assert_eq!(<Hangup as Attributes>::KNOWN, &["schedule", "reason"]);
    assert!(<Answer as Attributes>::KNOWN.is_empty());
    assert!(<PlayLastRecording as Attributes>::KNOWN.is_empty());
    assert!(<Agent as Attributes>::KNOWN.is_empty());
}

#[test]
fn extra_attributes_come_last_and_never_repeat_a_name() {
    let say = Say::new("x")
        .attribute("zeta", "1")
        .voice(Voice::Male)
        .attribute("voice", "robot")
        .attribute("zeta", "2")
        .attribute("alpha", "3");
    assert_eq!(
        Response::new().say(say).to_xml(),
        doc("<Response><Say voice=\"male\" zeta=\"1\" alpha=\"3\">x</Say></Response>")
    );
}

#[test]
fn writes_booleans_as_true_and_false() {
    let r = Response::new().record(Record::new().transcribe(true).play_beep(false));
    assert_eq!(
        r.to_xml(),
        doc("<Response><Record transcribe=\"true\" playBeep=\"false\"/></Response>")
    );
}

#[test]
fn writes_a_dial_number_as_text_and_targets_as_children() {
    assert_eq!(
        Response::new()
            .dial(Dial::new().text("+15557654321").timeout(20))
            .to_xml(),
        doc("<Response><Dial timeout=\"20\">+15557654321</Dial></Response>")
    );
    assert_eq!(
        Response::new()
            .dial(
                Dial::new()
                    .number(Number::new("+1"))
                    .conference(Conference::new("room").beep(false))
            )
            .to_xml(),
        doc(
            "<Response><Dial><Number>+1</Number><Conference beep=\"false\">room</Conference></Dial></Response>"
        )
    );
    assert_eq!(
        Response::new()
            .dial(Dial::new().straight_to_vm(true))
            .to_xml(),
        doc("<Response><Dial straightToVm=\"true\"/></Response>")
    );
}

#[test]
fn writes_unknown_enum_values_verbatim() {
    let r = Response::new().say(Say::new("x").voice(Voice::Unknown("woman".into())));
    assert_eq!(
        r.to_xml(),
        doc("<Response><Say voice=\"woman\">x</Say></Response>")
    );
}

#[test]
fn the_kitchen_sink_sets_every_attribute_of_every_element() {
    let coverage = attribute_coverage(&kitchen_sink());
    let mut seen: Vec<&str> = coverage.iter().map(|(n, _, _)| *n).collect();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), 23, "every element: {seen:?}");
    // Some occurrence of each element sets all its attributes (others are left bare, to
    // show they may be).
    for name in seen {
        assert!(
            coverage
                .iter()
                .any(|(n, set, known)| *n == name && set.as_slice() == *known),
            "{name}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// Round trips and the parser.

#[test]
fn round_trips_a_document_of_every_element_and_attribute() {
    let sink = kitchen_sink();
    let xml = sink.to_xml();
    let back = parse(&xml);
    assert_eq!(back, sink);
    assert_eq!(back.to_xml(), xml);
    assert!(sink.check().is_empty(), "{:?}", sink.check());
}

#[test]
fn round_trips_escaped_values() {
    let r = Response::new()
        .say(
            Say::new("Tom & Jerry <3 \"quotes\" 'single' ]]> \u{e9}\u{1f600}")
                .attribute("a", "x'\"&<>y"),
        )
        .sms(Sms::new("+1 & <2>", "'3'", "body & \"more\""));
    assert_eq!(parse(&r.to_xml()), r);
}

#[test]
fn round_trips_every_ascii_character_and_some_unicode_in_text_and_attributes() {
    let forbidden = |c: char| c < ' ' && !matches!(c, '\t' | '\n' | '\r');
    let chars = (0u8..0x80).map(char::from).chain([
        '\u{85}',
        '\u{a0}',
        '\u{2028}',
        '\u{e9}',
        '\u{1f600}',
        '\u{fffd}',
        '\u{fffe}',
    ]);
    for c in chars {
        let value = format!("a{c}b{c}{c}");
        let r = Response::new().say(Say::new(value.clone()).attribute("x", value.clone()));
        let xml = r.to_xml();
        let back = parse(&xml);
        if forbidden(c) || c == '\u{fffe}' {
            assert_eq!(
                back,
                Response::new().say(Say::new("ab").attribute("x", "ab")),
                "{c:?}"
            );
        } else {
            assert_eq!(back, r, "{c:?} in {xml}");
        }
    }
}

#[test]
fn refuses_absurd_nesting() {
    let deep = |n: usize| {
        format!(
            "<Response>{}{}</Response>",
            "<X>".repeat(n),
            "</X>".repeat(n)
        )
    };
    assert!(Response::from_xml(&deep(200)).is_ok());
    let e = Response::from_xml(&deep(300)).unwrap_err();
    assert_eq!(e.code().code(), 12100);
    assert!(e.message().contains("nested deeper"), "{e}");
}

#[test]
fn parses_a_hand_written_document() {
    let text = r#"<?xml version="1.0" encoding="UTF-8"?>
<!-- the main menu -->
<Response statusCallback="https://x/status">
    <Gather action="https://x/menu" numDigits="1" timeout="5" input="dtmf">
        <Say voice="female" loop="2">Press 1 for sales</Say>
        <Pause length="1"/>
        <Play>https://x/jingle.mp3</Play>
    </Gather>
    <Dial callerId="+15551230000">
        <Number sendDigits="ww1">+15557654321</Number>
        <Sip username="u">sip:a@example.com</Sip>
    </Dial>
    <Sms to="+1" from="+2">Bye &amp; thanks</Sms>
    <Hangup/>
</Response>
"#;
    let r = parse(text);
    let expected = Response::new()
        .status_callback("https://x/status")
        .gather(
            Gather::new()
                .action("https://x/menu")
                .num_digits(1)
                .timeout(5)
                .input(GatherInput::Dtmf)
                .say(
                    Say::new("Press 1 for sales")
                        .voice(Voice::Female)
                        .loop_count(2),
                )
                .pause(Pause::new().length(1))
                .play(Play::new("https://x/jingle.mp3")),
        )
        .dial(
            Dial::new()
                .caller_id("+15551230000")
                .number(Number::new("+15557654321").send_digits("ww1"))
                .sip(Sip::new("sip:a@example.com").username("u")),
        )
        .sms(Sms::new("+1", "+2", "Bye & thanks"))
        .hangup(Hangup::new());
    assert_eq!(r, expected);
    assert!(r.check().is_empty());
}

#[test]
fn keeps_text_as_written() {
    let r = parse("<Response><Say>\n  Hello there \n</Say><Dial> +15557654321 </Dial></Response>");
    let ResponseVerb::Say(say) = &r.verbs[0] else {
        panic!("{r:?}")
    };
    assert_eq!(say.text, "\n  Hello there \n");
    let ResponseVerb::Dial(dial) = &r.verbs[1] else {
        panic!("{r:?}")
    };
    assert_eq!(dial.text.as_deref(), Some(" +15557654321 "));
    // Whitespace-only dial text is none.
    let r = parse("<Response><Dial>\n  <Number>+1</Number>\n</Dial></Response>");
    let ResponseVerb::Dial(dial) = &r.verbs[0] else {
        panic!("{r:?}")
    };
    assert_eq!(dial.text, None);
    assert_eq!(dial.targets.len(), 1);
}

#[test]
fn reads_entities_character_references_and_cdata() {
    let r = parse(
        "<Response><Say>a&amp;b&lt;c&gt;d&quot;e&apos;f&#233;&#x1F600;</Say>\
         <Say><![CDATA[<not> & markup]]></Say></Response>",
    );
    assert_eq!(
        r,
        Response::new()
            .say(Say::new("a&b<c>d\"e'f\u{e9}\u{1f600}"))
            .say(Say::new("<not> & markup"))
    );
    // Attribute values: entities resolved, raw line breaks read as spaces.
    let r = parse("<Response><Say x=\"a&amp;b&#10;c\nd\">x</Say></Response>");
    let ResponseVerb::Say(say) = &r.verbs[0] else {
        panic!("{r:?}")
    };
    assert_eq!(
        say.extra_attributes,
        vec![("x".to_owned(), "a&b\nc d".to_owned())]
    );
}

#[test]
fn reads_booleans_the_platform_accepts() {
    for (text, value) in [
        ("true", true),
        ("True", true),
        ("TRUE", true),
        ("1", true),
        ("false", false),
        ("False", false),
        ("FALSE", false),
        ("0", false),
        (" true ", true),
    ] {
        assert_eq!(parse_bool(text), Some(value), "{text}");
        let r = parse(&format!(
            "<Response><Record transcribe=\"{text}\"/></Response>"
        ));
        assert_eq!(
            r,
            Response::new().record(Record::new().transcribe(value)),
            "{text}"
        );
    }
    assert_eq!(parse_bool("yes"), None);
    assert_eq!(parse_bool(""), None);
    // Written back as true/false.
    assert_eq!(
        parse("<Response><Record transcribe=\"TRUE\"/></Response>").to_xml(),
        doc("<Response><Record transcribe=\"true\"/></Response>")
    );
}

#[test]
fn reads_straight_to_vm_as_bool_or_int() {
    for (text, value) in [
        ("true", StraightToVm::Bool(true)),
        ("False", StraightToVm::Bool(false)),
        ("1", StraightToVm::Int(1)),
        ("30", StraightToVm::Int(30)),
    ] {
        let r = parse(&format!(
            "<Response><Dial straightToVm=\"{text}\">+1</Dial></Response>"
        ));
        let ResponseVerb::Dial(dial) = &r.verbs[0] else {
            panic!("{r:?}")
        };
        assert_eq!(dial.straight_to_vm, Some(value), "{text}");
    }
}

#[test]
fn keeps_unknown_attributes_and_elements_and_writes_them_back() {
    let text = doc(
        "<Response version=\"2\"><Say loop=\"2\" voice=\"robot\" emphasis=\"strong\">Hi<break time=\"1s\"/></Say>\
         <Enqueue waitUrl=\"/wait\">support<Queue priority=\"1\">vip</Queue></Enqueue>\
         <Gather timeout=\"soon\"><Dial>+1</Dial><Say>x</Say></Gather>\
         <Dial><Number>+1</Number><Agent>a</Agent></Dial>\
         <Number>+15557654321</Number></Response>",
    );
    let r = parse(&text);
    assert_eq!(r.to_xml(), text, "written back as read");
    assert_eq!(
        r.extra_attributes,
        vec![("version".to_owned(), "2".to_owned())]
    );
    let ResponseVerb::Say(say) = &r.verbs[0] else {
        panic!("{r:?}")
    };
    assert_eq!(say.loop_count, Some(2));
    assert_eq!(say.voice, Some(Voice::Unknown("robot".into())));
    assert_eq!(
        say.extra_attributes,
        vec![("emphasis".to_owned(), "strong".to_owned())]
    );
    assert_eq!(
        say.extra_children,
        vec![RawElement::new("break").attribute("time", "1s")]
    );
    assert_eq!(
        r.verbs[1],
        ResponseVerb::Unknown(
            RawElement::new("Enqueue")
                .attribute("waitUrl", "/wait")
                .text("support")
                .child(
                    RawElement::new("Queue")
                        .attribute("priority", "1")
                        .text("vip")
                )
        )
    );
    let ResponseVerb::Gather(gather) = &r.verbs[2] else {
        panic!("{r:?}")
    };
    assert_eq!(gather.timeout, None);
    assert_eq!(
        gather.extra_attributes,
        vec![("timeout".to_owned(), "soon".to_owned())]
    );
    assert_eq!(
        gather.children[0],
        GatherChild::Unknown(RawElement::new("Dial").text("+1"))
    );
    assert_eq!(gather.children[0].name(), "Dial");
    assert!(matches!(&gather.children[1], GatherChild::Say(s) if s.text == "x"));
    let ResponseVerb::Dial(dial) = &r.verbs[3] else {
        panic!("{r:?}")
    };
    assert!(matches!(&dial.targets[0], DialTarget::Number(n) if n.text == "+1"));
    assert!(matches!(&dial.targets[1], DialTarget::Unknown(raw) if raw.name == "Agent"));
    assert!(matches!(&r.verbs[4], ResponseVerb::Unknown(raw) if raw.name == "Number"));
    assert_eq!(parse(&r.to_xml()), r);
}

#[test]
fn an_unknown_element_can_be_built_into_any_container() {
    let r = Response::new()
        .gather(Gather::new().child(RawElement::new("Beep")))
        .dial(Dial::new().target(RawElement::new("Queue").text("q")))
        .refer(Refer::new().target(RawElement::new("Uri").text("u")))
        .connect(Connect::new().target(RawElement::new("Bot").text("b")));
    let xml = r.to_xml();
    assert_eq!(
        xml,
        doc(
            "<Response><Gather><Beep/></Gather><Dial><Queue>q</Queue></Dial>\
             <Refer><Uri>u</Uri></Refer><Connect><Bot>b</Bot></Connect></Response>"
        )
    );
    assert_eq!(parse(&xml), r);
}

#[test]
fn a_missing_required_attribute_reads_as_empty() {
    let r = parse("<Response><Sms from=\"+2\">hi</Sms><GetSpeech/></Response>");
    let ResponseVerb::Sms(sms) = &r.verbs[0] else {
        panic!("{r:?}")
    };
    assert_eq!(sms.to, "");
    assert_eq!(sms.from, "+2");
    let ResponseVerb::GetSpeech(g) = &r.verbs[1] else {
        panic!("{r:?}")
    };
    assert_eq!(g.grammar, "");
    assert_eq!(codes(&r), vec![14101, 13335]);
}

#[test]
fn parse_errors_name_the_platform_codes() {
    for text in [
        "",
        "   ",
        "not xml",
        "<Response>",
        "<Response><Say>Hi</Response>",
        "<Response></Say></Response>",
        "<Response><Say loop=\"1\" loop=\"2\">x</Say></Response>",
        "<Response><Say>&nbsp;</Say></Response>",
        "<Response><Say>&#xZZ;</Say></Response>",
        "<Response/><Response/>",
        "<Response/>trailing",
        "leading<Response/>",
        "<Response><Say a=b>x</Say></Response>",
        "<Response><Say a=\"&bogus;\">x</Say></Response>",
    ] {
        match Response::from_xml(text) {
            Err(e) => assert_eq!(e.code().code(), 12100, "{text}: {e}"),
            Ok(r) => panic!("{text} parsed: {r:?}"),
        }
    }
    for text in [
        "<Reply/>",
        "<?xml version=\"1.0\"?><response><Say>x</Say></response>",
        "<ns:Response xmlns:ns=\"urn:x\"/>",
    ] {
        match Response::from_xml(text) {
            Err(e) => assert_eq!(e.code().code(), 12102, "{text}: {e}"),
            Ok(r) => panic!("{text} parsed: {r:?}"),
        }
    }
    let e = Response::from_xml("<Response><Say>Hi</Response>").unwrap_err();
    assert!(e.position().is_some());
    assert!(
        e.to_string().starts_with("12100 (Document parse failure)"),
        "{e}"
    );
    let e = Response::from_xml("<Reply/>").unwrap_err();
    assert_eq!(
        e.to_string(),
        "12102 (The root element must be Response): the root element is `Reply`, not `Response`"
    );
    assert_eq!(e.message(), "the root element is `Reply`, not `Response`");
}

#[test]
fn accepts_a_byte_order_mark_a_doctype_and_processing_instructions() {
    let r = parse(
        "\u{feff}<?xml version=\"1.0\"?><!DOCTYPE Response><?app x?><Response><Hangup/></Response>",
    );
    assert_eq!(r, Response::new().hangup(Hangup::new()));
}

// ---------------------------------------------------------------------------------------
// The platform's checks.

#[test]
fn checks_nesting_with_the_platform_codes() {
    let r = parse(
        "<Response>\
         <Gather><Dial>+1</Dial><Gather/><Sip>sip:a@b</Sip><Say>ok</Say></Gather>\
         <GetSpeech grammar=\"g\"><Record/></GetSpeech>\
         <Dial><Agent>a</Agent><Say>x</Say><Number>+1</Number></Dial>\
         <Refer><Say>x</Say></Refer>\
         <Connect><Number>+1</Number></Connect>\
         <Number>+1</Number><Dance/>\
         </Response>",
    );
    let found: Vec<(u32, String)> = r
        .check()
        .into_iter()
        .map(|v| (v.code.code(), v.path))
        .collect();
    let expect = |c: u32, p: &str| (c, p.to_owned());
    assert_eq!(
        found,
        vec![
            expect(13320, "/Response/Gather[1]/Dial[1]"),
            expect(13320, "/Response/Gather[1]/Gather[1]"),
            expect(13320, "/Response/Gather[1]/Sip[1]"),
            expect(13320, "/Response/GetSpeech[1]/Record[1]"),
            expect(13215, "/Response/Dial[1]/Agent[1]"),
            expect(13215, "/Response/Dial[1]/Say[1]"),
            expect(12200, "/Response/Refer[1]"),
            expect(12200, "/Response/Refer[1]/Say[1]"),
            expect(12200, "/Response/Connect[1]"),
            expect(12200, "/Response/Connect[1]/Number[1]"),
            expect(12200, "/Response/Number[1]"),
            expect(12200, "/Response/Dance[1]"),
        ]
    );
    let v = &r.check()[0];
    assert_eq!(v.message, "`Dial` is not allowed in `Gather`");
    assert_eq!(
        v.to_string(),
        "13320 (Gather: Invalid nested verb) at /Response/Gather[1]/Dial[1]: `Dial` is not allowed in `Gather`"
    );
    let unknown = r.check().pop().map(|v| v.message);
    assert_eq!(
        unknown.as_deref(),
        Some("`Dance` is not an InboundXML element")
    );
}

#[test]
fn checks_values_with_the_elements_codes() {
    let r = parse(
        "<Response>\
         <Say voice=\"robot\" loop=\"twice\">x</Say>\
         <Gather method=\"PUT\" timeout=\"soon\" numDigits=\"-1\" input=\"dtmf speech\">\
           <Say voice=\"woman\" loop=\"x\">y</Say></Gather>\
         <Play loop=\"many\">u</Play><Pause length=\"long\"/>\
         <Record method=\"PUT\" timeout=\"t\" maxLength=\"m\" transcribe=\"maybe\"/>\
         <Redirect method=\"PATCH\">u</Redirect>\
         <Dial method=\"X\" timeout=\"t\" hangupOnStar=\"sure\" timeLimit=\"l\">\
           <Number method=\"X\">+1</Number>\
           <Conference muted=\"m\" endConferenceOnExit=\"e\" startConferenceOnEnter=\"s\" waitMethod=\"W\" beep=\"b\">r</Conference></Dial>\
         <Sms to=\"+1\" from=\"+2\" method=\"X\">b</Sms>\
         </Response>",
    );
    let found: Vec<(u32, String)> = r
        .check()
        .into_iter()
        .map(|v| (v.code.code(), v.path))
        .collect();
    let expect = |c: u32, p: &str| (c, p.to_owned());
    assert_eq!(
        found,
        vec![
            expect(13511, "/Response/Say[1]/@voice"),
            expect(13510, "/Response/Say[1]/@loop"),
            expect(12200, "/Response/Gather[1]/@input"),
            expect(13312, "/Response/Gather[1]/@method"),
            expect(13313, "/Response/Gather[1]/@timeout"),
            expect(13314, "/Response/Gather[1]/@numDigits"),
            expect(13321, "/Response/Gather[1]/Say[1]/@voice"),
            expect(13322, "/Response/Gather[1]/Say[1]/@loop"),
            expect(13410, "/Response/Play[1]/@loop"),
            expect(13910, "/Response/Pause[1]/@length"),
            expect(13610, "/Response/Record[1]/@method"),
            expect(13611, "/Response/Record[1]/@timeout"),
            expect(13612, "/Response/Record[1]/@maxLength"),
            expect(12200, "/Response/Record[1]/@transcribe"),
            expect(13710, "/Response/Redirect[1]/@method"),
            expect(13210, "/Response/Dial[1]/@method"),
            expect(13212, "/Response/Dial[1]/@timeout"),
            expect(13213, "/Response/Dial[1]/@hangupOnStar"),
            expect(13216, "/Response/Dial[1]/@timeLimit"),
            expect(13221, "/Response/Dial[1]/Number[1]/@method"),
            expect(13234, "/Response/Dial[1]/Conference[1]/@waitMethod"),
            expect(13230, "/Response/Dial[1]/Conference[1]/@muted"),
            expect(
                13231,
                "/Response/Dial[1]/Conference[1]/@endConferenceOnExit"
            ),
            expect(
                13232,
                "/Response/Dial[1]/Conference[1]/@startConferenceOnEnter"
            ),
            expect(13235, "/Response/Dial[1]/Conference[1]/@beep"),
            expect(14104, "/Response/Sms[1]/@method"),
        ]
    );
}

#[test]
fn checks_required_content() {
    let r = Response::new()
        .say(Say::new("  "))
        .play(Play::new(""))
        .dial(Dial::new())
        .dial(Dial::new().text("+1"))
        .dial(Dial::new().number(Number::new("+1")))
        .sms(Sms::new("", " ", ""))
        .mms(Mms::new("+1", "+2", ""))
        .get_speech(GetSpeech::new(""));
    assert_eq!(
        codes(&r),
        vec![13520, 13421, 13226, 14101, 14102, 14103, 14115, 13335]
    );
    // An MMS needs no body.
    assert!(
        Response::new()
            .mms(Mms::new("+1", "+2", "/m.png"))
            .check()
            .is_empty()
    );
}

#[test]
fn checks_are_positioned_among_same_named_siblings() {
    let r = Response::new()
        .say(Say::new("a"))
        .pause(Pause::new())
        .say(Say::new("b").voice(Voice::Unknown("x".into())));
    let v = r.check();
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].path, "/Response/Say[2]/@voice");
    assert_eq!(
        v[0].message,
        "`voice=\"x\"` is not one of the documented values"
    );
}

// ---------------------------------------------------------------------------------------
// Builder details.

#[test]
fn sip_debug_hides_the_password() {
    let sip = Sip::new("sip:a@b").password("hunter2");
    let shown = format!("{sip:?}");
    assert!(!shown.contains("hunter2"), "{shown}");
    assert!(shown.contains("[redacted]"), "{shown}");
    let shown = format!("{:?}", Response::new().dial(Dial::new().sip(sip)));
    assert!(!shown.contains("hunter2"), "{shown}");
}

#[test]
fn element_names_and_child_names() {
    assert_eq!(Say::NAME, "Say");
    assert_eq!(PlayLastRecording::NAME, "PlayLastRecording");
    assert_eq!(GetSpeech::NAME, "GetSpeech");
    assert_eq!(ResponseVerb::from(Sms::new("a", "b", "c")).name(), "Sms");
    assert_eq!(DialTarget::from(User::new("u")).name(), "User");
    assert_eq!(ReferTarget::from(Sip::new("s")).name(), "Sip");
    assert_eq!(ConnectTarget::from(Agent::new("a")).name(), "Agent");
    assert_eq!(GatherChild::from(RawElement::new("X")).name(), "X");
}

// ---------------------------------------------------------------------------------------
// The parameters a URL receives.

#[test]
fn reads_a_form_body() {
    let p = CallbackParams::from_form(
        "AccountSid=AC1&CallSid=CA1&From=%2B15551230000&To=%2B15557654321&CallStatus=in-progress\
         &Direction=inbound&ApiVersion=v2&CallerName=Jane+Doe&ForwardedFrom=&ParentCallSid=CA0\
         &AnsweredBy=human&CallDuration=42&Digits=1%23&SpeechResult=sales+please&RecordingSid=RE1\
         &RecordingUrl=https%3A%2F%2Fx%2Fr.mp3&RecordingDuration=12&DialCallSid=CA2\
         &DialCallStatus=no-answer&DialCallDuration=0&SmsSid=SM1&Body=Hi+%26+bye&SmsStatus=received\
         &Custom=x",
    );
    assert_eq!(p.account_sid.as_deref(), Some("AC1"));
    assert_eq!(p.call_sid.as_ref().map(|s| s.as_str()), Some("CA1"));
    assert_eq!(p.from.as_deref(), Some("+15551230000"));
    assert_eq!(p.to.as_deref(), Some("+15557654321"));
    assert_eq!(p.call_status, Some(CallStatus::InProgress));
    assert_eq!(p.call_direction(), Some(CallDirection::Inbound));
    assert_eq!(p.api_version.as_deref(), Some("v2"));
    assert_eq!(p.caller_name.as_deref(), Some("Jane Doe"));
    assert_eq!(p.forwarded_from.as_deref(), Some(""));
    assert_eq!(p.parent_call_sid.as_ref().map(|s| s.as_str()), Some("CA0"));
    assert_eq!(p.answered_by, Some(AnsweredBy::Human));
    assert_eq!(p.call_duration, Some(42));
    assert_eq!(p.digits.as_deref(), Some("1#"));
    assert_eq!(p.speech_result.as_deref(), Some("sales please"));
    assert_eq!(p.recording_sid.as_ref().map(|s| s.as_str()), Some("RE1"));
    assert_eq!(p.recording_url.as_deref(), Some("https://x/r.mp3"));
    assert_eq!(p.recording_duration, Some(12));
    assert_eq!(p.dial_call_sid.as_ref().map(|s| s.as_str()), Some("CA2"));
    assert_eq!(p.dial_call_status, Some(CallStatus::NoAnswer));
    assert_eq!(p.dial_call_duration, Some(0));
    assert_eq!(p.sms_sid.as_ref().map(|s| s.as_str()), Some("SM1"));
    assert_eq!(p.body.as_deref(), Some("Hi & bye"));
    assert_eq!(p.sms_status, Some(MessageStatus::Received));
    assert_eq!(p.extra, vec![("Custom".to_owned(), "x".to_owned())]);
    assert_eq!(CallbackParams::from_form(p.to_form()), p);
}

#[test]
fn reads_leniently() {
    let p = CallbackParams::from_query(
        "?Digits=1&Digits=2&RecordingDuration=soon&CallStatus=ringing-ish&digits=lower&Direction=incoming",
    );
    assert_eq!(p.digits.as_deref(), Some("1"));
    assert_eq!(p.recording_duration, None);
    assert_eq!(
        p.call_status,
        Some(CallStatus::Unknown("ringing-ish".into()))
    );
    assert_eq!(p.message_direction(), Some(MessageDirection::Incoming));
    assert_eq!(
        p.extra,
        vec![
            ("Digits".to_owned(), "2".to_owned()),
            ("RecordingDuration".to_owned(), "soon".to_owned()),
            ("digits".to_owned(), "lower".to_owned()),
        ]
    );
    assert_eq!(CallbackParams::from_form(p.to_form()), p);
    assert_eq!(CallbackParams::from_form(""), CallbackParams::new());
    assert_eq!(
        CallbackParams::from_query("Body=a"),
        CallbackParams::from_form("Body=a")
    );
    assert_eq!(
        CallbackParams::from_form(b"Body=%FF".as_slice())
            .body
            .as_deref(),
        Some("\u{fffd}")
    );
}

#[test]
fn writes_a_form_in_field_order_then_extras() {
    let p = CallbackParams::new()
        .param("Zeta", "z")
        .digits("1")
        .call_sid("CA1")
        .from("+1 555")
        .recording_duration(5u64)
        .call_status(CallStatus::Completed);
    assert_eq!(
        p.to_form(),
        "CallSid=CA1&From=%2B1+555&CallStatus=completed&Digits=1&RecordingDuration=5&Zeta=z"
    );
    assert_eq!(CallbackParams::from_form(p.to_form()), p);
}
