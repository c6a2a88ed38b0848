use cpaas::inboundxml::{
    Agent, Answer, Conference, Connect, Dial, Gather, GetSpeech, Hangup, Mms, Number, Pause, Ping,
    Play, PlayLastRecording, Record, Redirect, Refer, Reject, Response, Say, Sip, Sms, User,
};

fn main() {
    let doc = Response::new()
        .verb(Answer::new())
        .verb(
            Gather::new()
                .child(Say::new("Press 1"))
                .child(Play::new("https://example.com/a.mp3"))
                .child(Pause::new())
                .child(PlayLastRecording::new()),
        )
        .verb(GetSpeech::new("https://example.com/g.grxml").child(Say::new("Speak")))
        .verb(
            Dial::new()
                .target(Number::new("+15557654321"))
                .target(Sip::new("sip:alice@example.com"))
                .target(User::new("user-1"))
                .target(Conference::new("room")),
        )
        .verb(Refer::new().target(Sip::new("sip:desk@example.com")))
        .verb(Connect::new().target(Agent::new("agent-42")))
        .verb(Record::new())
        .verb(Sms::new("+15557654321", "+15551230000", "Hi"))
        .verb(Mms::new(
            "+15557654321",
            "+15551230000",
            "https://example.com/m.png",
        ))
        .verb(Ping::new("https://example.com/ping"))
        .verb(Redirect::new("https://example.com/next"))
        .verb(Reject::new())
        .verb(Hangup::new());
    assert_eq!(doc.verbs.len(), 13);
}
