//! The IVR story, end to end on loopback: the menu's web server, a simulated number whose
//! VoiceUrl is the menu, incoming calls whose callers press keys; what each call did (its
//! transcript) and how it ended (its status callback).

use cpaas::calls::CallStatus;
use cpaas::inboundxml::Voice;
use cpaas::sim::{CallInput, Dialed, TranscriptEntry};
use examples::ivr::{
    GOODBYE, MENU, NOT_AN_OPTION, SALES, SUPPORT, SimulatedIvr, TO_SALES, TO_SUPPORT, WELCOME,
    on_simulator,
};

const CALLER: &str = "+15559998888";

fn said(transcript: &[TranscriptEntry]) -> Vec<&str> {
    transcript
        .iter()
        .filter_map(TranscriptEntry::said)
        .collect()
}

/// The call's duration, and the status callback's final status and duration: they agree.
fn ended(simulated: &SimulatedIvr, call: &cpaas::calls::Call) -> (CallStatus, u64) {
    let duration = call
        .duration
        .as_ref()
        .and_then(|d| d.get())
        .expect("a duration");
    let told = simulated.ivr.ended_calls();
    let last = told.last().expect("a status callback");
    assert_eq!(last.call_sid.as_ref(), Some(&call.sid));
    assert_eq!(
        last.call_duration,
        Some(duration),
        "the callback's duration is the call's"
    );
    assert_eq!(
        last.call_status, call.status,
        "the callback's status is the call's"
    );
    (last.call_status.clone().expect("a status"), duration)
}

#[tokio::test]
async fn pressing_1_dials_sales() {
    let simulated = on_simulator().await.expect("the IVR on the simulator");
    let (call, transcript) = simulated.call(CALLER, &["1"]).await.expect("a call");
    assert_eq!(
        transcript[0],
        TranscriptEntry::Say {
            text: WELCOME.into(),
            voice: Some(Voice::Female),
            language: None,
            loops: 1,
        }
    );
    assert_eq!(transcript[1], TranscriptEntry::Pause { seconds: 1 });
    assert_eq!(said(&transcript), [WELCOME, MENU, TO_SALES]);
    assert_eq!(
        transcript[3],
        TranscriptEntry::Gather {
            heard: Some(CallInput::digits("1")),
        }
    );
    let TranscriptEntry::Dial {
        targets,
        status,
        call_sid,
        ..
    } = transcript.last().expect("a last entry")
    else {
        panic!("the call ends dialing: {transcript:?}");
    };
    assert_eq!(targets, &[Dialed::Number(SALES.into())]);
    assert_eq!(*status, CallStatus::Completed);

    // The dialed call is a child of the caller's.
    let dialed = simulated
        .client
        .account()
        .calls()
        .get(call_sid.as_ref().expect("a dialed call"))
        .await
        .expect("the dialed call");
    assert_eq!(dialed.parent(), Some(&call.sid));
    assert_eq!(dialed.to.as_deref(), Some(SALES));

    // Welcome 2 s, pause 1 s, menu 3 s, a key 1 s, connecting 2 s, the dialed call 30 s.
    assert_eq!(ended(&simulated, &call), (CallStatus::Completed, 39));
    assert_eq!(call.from.as_deref(), Some(CALLER));
}

#[tokio::test]
async fn pressing_2_dials_support() {
    let simulated = on_simulator().await.expect("the IVR on the simulator");
    let (call, transcript) = simulated.call(CALLER, &["2"]).await.expect("a call");
    assert_eq!(said(&transcript), [WELCOME, MENU, TO_SUPPORT]);
    assert!(
        matches!(transcript.last(), Some(TranscriptEntry::Dial { targets, .. })
        if targets == &[Dialed::Number(SUPPORT.into())])
    );
    assert_eq!(ended(&simulated, &call).0, CallStatus::Completed);
}

#[tokio::test]
async fn three_wrong_keys_hear_the_menu_three_times_then_goodbye() {
    let simulated = on_simulator().await.expect("the IVR on the simulator");
    let (call, transcript) = simulated
        .call(CALLER, &["9", "9", "9"])
        .await
        .expect("a call");
    assert_eq!(
        said(&transcript),
        [
            WELCOME,
            MENU,
            NOT_AN_OPTION,
            MENU,
            NOT_AN_OPTION,
            MENU,
            GOODBYE
        ]
    );
    assert_eq!(
        transcript
            .iter()
            .filter(|e| matches!(e, TranscriptEntry::Gather { heard: Some(CallInput::Digits(k)) } if k == "9"))
            .count(),
        3
    );
    assert!(matches!(
        transcript.last(),
        Some(TranscriptEntry::Hangup { .. })
    ));
    assert!(
        !transcript
            .iter()
            .any(|e| matches!(e, TranscriptEntry::Dial { .. })),
        "nobody is dialed"
    );
    let (status, seconds) = ended(&simulated, &call);
    assert_eq!(status, CallStatus::Completed);
    // Welcome 2, pause 1, three menus of 3 and keys of 1, two apologies of 2, goodbye 1.
    assert_eq!(seconds, 2 + 1 + 3 * (3 + 1) + 2 * 2 + 1);
}

#[tokio::test]
async fn silence_repeats_the_menu_then_hangs_up() {
    let simulated = on_simulator().await.expect("the IVR on the simulator");
    let (call, transcript) = simulated.call(CALLER, &[]).await.expect("a call");
    assert_eq!(
        transcript
            .iter()
            .filter(|e| **e == TranscriptEntry::Gather { heard: None })
            .count(),
        3,
        "each menu timed out"
    );
    assert_eq!(said(&transcript).last(), Some(&GOODBYE));
    assert_eq!(said(&transcript).iter().filter(|s| **s == MENU).count(), 3);
    let (status, seconds) = ended(&simulated, &call);
    assert_eq!(status, CallStatus::Completed);
    // The keys' seconds become the five-second timeouts.
    assert_eq!(seconds, 2 + 1 + 3 * (3 + 5) + 2 * 2 + 1);
    // Two calls on one simulator: each callback is kept.
    let (second, _) = simulated.call(CALLER, &["1"]).await.expect("a call");
    assert_eq!(simulated.ivr.ended_calls().len(), 2);
    assert_ne!(second.sid, call.sid);
}
