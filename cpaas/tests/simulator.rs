//! The simulator: call and message lifecycles, paging and date filters, JSON and XML,
//! `RestException` answers.
#![cfg(feature = "simulator")]

mod support;

use std::time::Duration;

use cpaas::accounts::AccountUpdate;
use cpaas::calls::{CallFilter, CallStatus, InterruptCall, MakeCall, PlayAudio};
use cpaas::recordings::RecordCall;
use cpaas::sim::{self, Family};
use cpaas::sms::{MessageStatus, SendSms, SmsFilter};
use cpaas::usages::UsageFilter;
use cpaas::{CpaasClient, DateFilter, ErrorCode, ErrorKind, PollPolicy, ResponseFormat};
use sdk_core::futures_util::TryStreamExt;
use serde_json::json;

const ACCOUNT: &str = "AC00000000000000000000000000000001";

fn quick() -> PollPolicy {
    PollPolicy::default()
        .initial_delay(Duration::from_millis(1))
        .max_interval(Duration::from_millis(5))
        .deadline(Duration::from_secs(10))
}

fn client(sim: &sdk_core::sim::Simulator, format: ResponseFormat) -> CpaasClient {
    sim::client(sim, ACCOUNT)
        .expect("client")
        .with_format(format)
}

#[tokio::test]
async fn calls_ring_then_complete() {
    let sim = sim::start().await.expect("simulator");
    for format in support::FORMATS {
        let calls = client(&sim, format);
        let calls = calls.account().calls();
        let placed = calls
            .make(&MakeCall::new(
                "+12223334444",
                "+15556667777",
                "https://example.com/ivr",
            ))
            .await
            .expect("placed");
        assert_eq!(placed.accepted().status, Some(CallStatus::Queued));
        let sid = placed.accepted().sid.clone();
        let done = placed.policy(quick()).wait().await.expect("completed");
        assert_eq!(done.status, Some(CallStatus::Completed));
        assert!(done.end_time.as_ref().and_then(|t| t.at()).is_some());
        let again = calls.get(&sid).await.expect("the call");
        assert_eq!(again.duration.as_ref().and_then(|d| d.get()), Some(42));
        let err = calls
            .play_audio(&sid, &PlayAudio::new("https://example.com/a.mp3"))
            .await
            .unwrap_err();
        assert_eq!(
            ErrorCode::of(&err).map(ErrorCode::code),
            Some(21221),
            "{format:?}"
        );
    }
}

#[tokio::test]
async fn calls_may_end_busy_or_be_interrupted() {
    let sim = sim::start().await.expect("simulator");
    let c = client(&sim, ResponseFormat::Json);
    sim::end_next_call(&sim, CallStatus::Busy);
    let err = c
        .account()
        .calls()
        .make(&MakeCall::new("+1222", "+1555", "https://example.com/ivr"))
        .await
        .expect("placed")
        .policy(quick())
        .wait()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::OperationFailed);
    assert_eq!(err.operation_status(), Some("busy"));

    sim::set_reads_per_status(&sim, 100);
    let placed = c
        .account()
        .calls()
        .make(&MakeCall::new("+1222", "+1555", "https://example.com/ivr"))
        .await
        .expect("placed");
    let sid = placed.accepted().sid.clone();
    let rec = c
        .account()
        .calls()
        .record(&sid, &RecordCall::start())
        .await
        .expect("recording");
    let rec = rec
        .recording()
        .expect("the simulator answers the recording");
    assert_eq!(rec.call_sid.as_ref(), Some(&sid));
    let of_call = c
        .account()
        .calls()
        .list_recordings(&sid)
        .collect_all()
        .await
        .expect("list");
    assert_eq!(of_call.len(), 1);
    let ended = c
        .account()
        .calls()
        .interrupt(&sid, &InterruptCall::cancel())
        .await
        .expect("canceled");
    assert_eq!(ended.status, Some(CallStatus::Canceled));
}

#[tokio::test]
async fn sms_are_sent_or_fail() {
    let sim = sim::start().await.expect("simulator");
    for format in support::FORMATS {
        let c = client(&sim, format);
        let sent = c
            .account()
            .sms()
            .send(&SendSms::new("+12223334444", "+15556667777", "Hello"))
            .await
            .expect("queued")
            .policy(quick())
            .wait()
            .await
            .expect("sent");
        assert_eq!(sent.status, Some(MessageStatus::Sent));
        assert!(sent.date_sent.as_ref().and_then(|t| t.at()).is_some());
    }
    sim::fail_next_message(&sim);
    let err = client(&sim, ResponseFormat::Json)
        .account()
        .sms()
        .send(&SendSms::new("+12223334444", "+15556667777", "Hello"))
        .await
        .expect("queued")
        .policy(quick())
        .wait()
        .await
        .unwrap_err();
    assert_eq!(err.operation_status(), Some("failed"));
    let listed = client(&sim, ResponseFormat::Xml)
        .account()
        .sms()
        .list(&SmsFilter::new().status(MessageStatus::Failed))
        .collect_all()
        .await
        .expect("list");
    assert_eq!(listed.len(), 1);
}

#[tokio::test]
async fn last_months_calls_over_pages_in_json_and_xml() {
    let sim = sim::start().await.expect("simulator");
    for day in 1..=7 {
        sim::seed(
            &sim,
            Family::Calls,
            ACCOUNT,
            json!({
                "status": "completed", "from": "+12223334444", "to": "+15556667777",
                "start_time": format!("Wed, {day:02} May 2019 10:00:00 +0000"),
            }),
        );
    }
    for day in 1..=3 {
        sim::seed(
            &sim,
            Family::Calls,
            ACCOUNT,
            json!({
                "status": "completed", "start_time": format!("2019-06-{day:02}T10:00:00Z"),
            }),
        );
    }
    sim::seed(
        &sim,
        Family::Calls,
        "AC_OTHER",
        json!({"status": "completed", "start_time": "2019-05-02T00:00:00Z"}),
    );
    let may = CallFilter::new().start_time(DateFilter::month(2019, 5).expect("May"));
    for format in support::FORMATS {
        let c = client(&sim, format);
        let pages: Vec<_> = c
            .account()
            .calls()
            .list(&may)
            .page_size(3)
            .pages()
            .try_collect()
            .await
            .expect("pages");
        assert_eq!(
            pages.iter().map(|p| p.items.len()).collect::<Vec<_>>(),
            [3, 3, 1],
            "{format:?}"
        );
        assert_eq!(pages[0].total, Some(7));
        let all = c
            .account()
            .calls()
            .list(&CallFilter::new())
            .collect_all()
            .await
            .expect("all");
        assert_eq!(all.len(), 10);
    }
}

#[tokio::test]
async fn errors_accounts_and_usages() {
    let sim = sim::start().await.expect("simulator");
    for format in support::FORMATS {
        let c = client(&sim, format);
        let err = c.account().calls().get("CA404").await.unwrap_err();
        assert!(err.is_not_found(), "{format:?}");
        assert_eq!(err.vendor_code(), Some("20404"));
        let me = c.account().get().await.expect("the account");
        assert_eq!(me.sid.as_str(), ACCOUNT);
        let renamed = c
            .account()
            .update(&AccountUpdate::new().friendly_name("Ops"))
            .await
            .expect("updated");
        assert_eq!(renamed.friendly_name.as_deref(), Some("Ops"));
    }
    sim::seed(
        &sim,
        Family::Usages,
        ACCOUNT,
        json!({"product": "Outbound SMS", "product_id": 3, "year": 2019, "month": 5, "day": 15, "quantity": 2, "total_cost": "0.015"}),
    );
    sim::seed(
        &sim,
        Family::Usages,
        ACCOUNT,
        json!({"product": "Outbound Call", "product_id": 1, "year": 2019, "month": 5, "day": 15, "quantity": 10}),
    );
    let sms_usage = client(&sim, ResponseFormat::Xml)
        .account()
        .usages()
        .list(&UsageFilter::new().product(3u32))
        .collect_all()
        .await
        .expect("usages");
    assert_eq!(sms_usage.len(), 1);
    assert_eq!(sms_usage[0].product_name(), Some("Outbound SMS"));
    let err = client(&sim, ResponseFormat::Json)
        .account()
        .calls()
        .list(&CallFilter::new())
        .page_size(51)
        .collect_all()
        .await
        .unwrap_err();
    // Sent as given; the service (and its simulator) refuses a page of more than 50.
    assert_eq!(err.kind(), sdk_core::ErrorKind::Api);
    assert_eq!(err.status().map(|s| s.as_u16()), Some(400));
}

#[tokio::test]
async fn conferences_applications_and_transcriptions() {
    use cpaas::applications::{ApplicationFilter, ApplicationRequest};
    use cpaas::conferences::{ConferenceFilter, MuteDeaf, ParticipantFilter};
    use cpaas::transcriptions::{TranscribeRecording, TranscriptionStatus};

    let sim = sim::start().await.expect("simulator");
    let conf = sim::seed(
        &sim,
        Family::Conferences,
        ACCOUNT,
        json!({
            "friendly_name": "standup", "status": "in-progress", "run_time": 0,
            "date_created": "2019-05-15T10:00:00Z",
        }),
    );
    let ada = sim::seed_participant(&sim, ACCOUNT, &conf, json!({"caller_name": "Ada"}));
    sim::seed_participant(&sim, ACCOUNT, &conf, json!({"caller_name": "Bob"}));
    for format in support::FORMATS {
        let c = client(&sim, format);
        let confs = c
            .account()
            .conferences()
            .list(&ConferenceFilter::new().friendly_name("standup"))
            .collect_all()
            .await
            .expect("conferences");
        assert_eq!(confs.len(), 1);
        assert_eq!(
            confs[0]
                .active_participants_count
                .as_ref()
                .and_then(|n| n.get()),
            Some(2)
        );
        let parts = c.account().conference(&conf).participants();
        let muted = parts
            .mute_deaf(&ada, &MuteDeaf::new().muted(true))
            .await
            .expect("muted");
        assert_eq!(
            muted.muted.as_ref().and_then(|m| m.get()),
            Some(true),
            "{format:?}"
        );
        let only_muted = parts
            .list(&ParticipantFilter::new().muted(true))
            .collect_all()
            .await
            .expect("list");
        assert_eq!(only_muted.len(), 1);
        parts
            .mute_deaf(&ada, &MuteDeaf::new().muted(false))
            .await
            .expect("unmuted");
        // Neither field: sent, and the server's error comes back.
        let err = parts.mute_deaf(&ada, &MuteDeaf::new()).await.unwrap_err();
        assert_eq!(err.vendor_code(), Some("10022"), "{format:?}");
    }
    let c = client(&sim, ResponseFormat::Json);
    let parts = c.account().conference(&conf).participants();
    parts.hangup(&ada).await.expect("hung up");
    assert!(parts.get(&ada).await.unwrap_err().is_not_found());
    assert_eq!(
        c.account()
            .conferences()
            .get(&conf)
            .await
            .expect("conference")
            .active_participants_count
            .as_ref()
            .and_then(|n| n.get()),
        Some(1)
    );

    let apps = c.account().applications();
    let app = apps
        .create(
            &ApplicationRequest::new()
                .friendly_name("Support")
                .voice_url("https://example.com/v.xml"),
        )
        .await
        .expect("created");
    let renamed = apps
        .update(
            &app.sid,
            &ApplicationRequest::new().friendly_name("Helpdesk"),
        )
        .await
        .expect("updated");
    assert_eq!(renamed.friendly_name.as_deref(), Some("Helpdesk"));
    assert_eq!(
        renamed.voice_url.as_deref(),
        Some("https://example.com/v.xml"),
        "an update keeps the rest"
    );
    assert_eq!(
        apps.list(&ApplicationFilter::new())
            .collect_all()
            .await
            .expect("list")
            .len(),
        1
    );
    apps.delete(&app.sid).await.expect("deleted");
    assert!(apps.get(&app.sid).await.unwrap_err().is_not_found());

    sim::set_reads_per_status(&sim, 100);
    let call = c
        .account()
        .calls()
        .make(&MakeCall::new("+1222", "+1555", "https://example.com/ivr"))
        .await
        .expect("placed");
    let rec = c
        .account()
        .calls()
        .record(&call.accepted().sid, &RecordCall::start())
        .await
        .expect("recording");
    let rec_sid = rec.recording().expect("a recording").sid.clone();
    sim::set_reads_per_status(&sim, 1);
    let done = c
        .account()
        .transcriptions()
        .transcribe_recording(&rec_sid, &TranscribeRecording::new())
        .await
        .expect("started")
        .policy(quick())
        .wait()
        .await
        .expect("completed");
    assert_eq!(done.status, Some(TranscriptionStatus::Completed));
    assert!(done.transcription_text.is_some_and(|t| !t.is_empty()));
    let of_rec = c
        .account()
        .transcriptions()
        .list_for_recording(&rec_sid)
        .collect_all()
        .await
        .expect("list");
    assert_eq!(of_rec.len(), 1);
}

#[tokio::test]
async fn numbers_are_bought_updated_and_released() {
    use cpaas::numbers::{
        AvailableNumberFilter, CountryFilter, NewByocNumber, NewNumber, NumberFilter,
        NumberSettings, NumberType,
    };

    let sim = sim::start().await.expect("simulator");
    for format in support::FORMATS {
        let c = client(&sim, format);
        let available = c
            .account()
            .available_numbers()
            .list(
                "US",
                &NumberType::Local,
                &AvailableNumberFilter::new().area_code("415"),
            )
            .page_size(3)
            .collect_all()
            .await
            .expect("available");
        assert_eq!(available.len(), 7, "{format:?}");
        let pick = available[2].phone_number.clone();
        let bought = c
            .account()
            .incoming_numbers()
            .create(
                &NewNumber::phone_number(&pick)
                    .settings(NumberSettings::new().friendly_name("Sales")),
            )
            .await
            .expect("bought");
        assert_eq!(bought.phone_number.as_deref(), Some(pick.as_str()));
        let updated = c
            .account()
            .incoming_numbers()
            .update(
                &bought.sid,
                &NumberSettings::new().voice_url("https://example.com/v.xml"),
            )
            .await
            .expect("updated");
        assert_eq!(updated.friendly_name.as_deref(), Some("Sales"));
        assert_eq!(
            updated.voice_url.as_deref(),
            Some("https://example.com/v.xml")
        );
        c.account()
            .incoming_numbers()
            .delete(&bought.sid)
            .await
            .expect("released");
        assert!(
            c.account()
                .incoming_numbers()
                .get(&bought.sid)
                .await
                .unwrap_err()
                .is_not_found()
        );
    }
    let c = client(&sim, ResponseFormat::Json);
    let byoc = c
        .account()
        .byoc_numbers()
        .create(&NewByocNumber::new("Carrier", "+39111111111"))
        .await
        .expect("added");
    assert_eq!(
        c.account()
            .byoc_numbers()
            .get(&byoc.sid)
            .await
            .expect("viewed")
            .phone_number
            .as_deref(),
        Some("+39111111111")
    );
    assert_eq!(
        c.account()
            .byoc_numbers()
            .list(&NumberFilter::new())
            .collect_all()
            .await
            .expect("list")
            .len(),
        1
    );
    assert!(
        c.account()
            .incoming_numbers()
            .list(&NumberFilter::new())
            .collect_all()
            .await
            .expect("list")
            .is_empty()
    );
    let countries = c
        .account()
        .available_numbers()
        .list_countries(&NumberType::Local, &CountryFilter::new())
        .await
        .expect("countries");
    assert_eq!(countries["countries"][0]["country"], "US");
}

#[tokio::test]
async fn lookups_fraud_and_agents() {
    use cpaas::agents::AgentProfileUpdate;
    use cpaas::fraud::{FraudFilter, Permissions};
    use cpaas::lookups::LookupRequest;

    let sim = sim::start().await.expect("simulator");
    for format in support::FORMATS {
        let c = client(&sim, format);
        let carrier = c
            .account()
            .lookups()
            .carrier(&LookupRequest::new("+15556667777"))
            .await
            .expect("looked up");
        assert_eq!(carrier.len(), 1, "{format:?}");
        assert_eq!(
            carrier[0].mobile.as_ref().and_then(|m| m.get()),
            Some(true),
            "{format:?}"
        );
        let names = c
            .account()
            .lookups()
            .cnam(&LookupRequest::new("+15556667777"))
            .await
            .expect("cnam");
        assert_eq!(names[0].body.as_deref(), Some("SIMULATED CALLER"));
    }
    let c = client(&sim, ResponseFormat::Json);
    assert_eq!(
        c.account()
            .lookups()
            .carrier_list()
            .collect_all()
            .await
            .expect("list")
            .len(),
        2
    );
    let two = c
        .account()
        .lookups()
        .bna(&LookupRequest::new("+15556667777").and("+15556667778"))
        .await
        .expect("bna");
    assert_eq!(two.len(), 2);
    // A carrier lookup of several numbers, answered in the production list envelope.
    let carriers = c
        .account()
        .lookups()
        .carrier(&LookupRequest::new("+15556667777").and("24273"))
        .await
        .expect("carrier lookups");
    assert_eq!(
        carriers
            .iter()
            .map(|l| l.phone_number.as_deref())
            .collect::<Vec<_>>(),
        [Some("+15556667777"), Some("24273")]
    );
    assert_eq!(
        client(&sim, ResponseFormat::Xml)
            .account()
            .lookups()
            .bna(&LookupRequest::new("+15556667777").and("+15556667778"))
            .await
            .expect("bna in XML")
            .len(),
        2
    );

    let fraud = c.account().fraud();
    let blocked = fraud
        .block("de", &Permissions::new())
        .await
        .expect("blocked");
    assert_eq!(
        blocked.mobile_enabled.as_ref().and_then(|m| m.get()),
        Some(false)
    );
    let err = fraud.block("DE", &Permissions::new()).await.unwrap_err();
    assert_eq!(ErrorCode::of(&err).map(ErrorCode::code), Some(70003));
    assert_eq!(
        ErrorCode::of(&err).and_then(|c| c.description()),
        Some("Requested country is already blocked")
    );
    let err = fraud.extend("DE").await.unwrap_err();
    assert_eq!(ErrorCode::of(&err).map(ErrorCode::code), Some(70001));
    let authorized = fraud
        .authorize("DE", &Permissions::new().sms_enabled(true))
        .await
        .expect("authorized");
    assert!(
        authorized
            .expiration_date
            .as_ref()
            .and_then(|d| d.at())
            .is_some()
    );
    fraud.extend("DE").await.expect("extended");
    fraud
        .whitelist("FR", &Permissions::new())
        .await
        .expect("whitelisted");
    assert_eq!(
        fraud
            .list(&FraudFilter::new())
            .collect_all()
            .await
            .expect("rules")
            .len(),
        2
    );
    assert_eq!(
        client(&sim, ResponseFormat::Xml)
            .account()
            .fraud()
            .list(&FraudFilter::new().sms_enabled(true))
            .collect_all()
            .await
            .expect("rules")
            .len(),
        2
    );

    let bot = sim::seed(
        &sim,
        Family::Agents,
        ACCOUNT,
        json!({"friendly_name": "Helpbot", "timeout": 10}),
    );
    let updated = c
        .account()
        .agents()
        .update_profile(
            &bot,
            &AgentProfileUpdate::new().language("en-GB:Standard:MALE"),
        )
        .await
        .expect("updated");
    assert_eq!(updated.language.as_deref(), Some("en-GB:Standard:MALE"));
    assert_eq!(
        c.account()
            .agents()
            .list()
            .collect_all()
            .await
            .expect("agents")
            .len(),
        1
    );
    assert_eq!(
        c.account()
            .agents()
            .get_profile(&bot)
            .await
            .expect("profile")
            .friendly_name
            .as_deref(),
        Some("Helpbot")
    );
}

#[tokio::test]
async fn sip_domains_lists_and_mappings() {
    use cpaas::sip::{DomainSettings, IpAddressRequest, ListName, NewCredential, NewDomain};

    let sim = sim::start().await.expect("simulator");
    for format in support::FORMATS {
        let c = client(&sim, format);
        let sip = c.account().sip();
        let domain = sip
            .domains()
            .create(&NewDomain::new("acme").settings(DomainSettings::new().friendly_name("Acme")))
            .await
            .expect("domain");
        let staff = sip
            .credential_lists()
            .create(&ListName::new("Staff"))
            .await
            .expect("list");
        let alice = sip
            .credential_list(&staff.sid)
            .credentials()
            .create(&NewCredential::new("alice", "s3cretpassw0rd"))
            .await
            .expect("credential");
        assert_eq!(alice.username.as_deref(), Some("alice"), "{format:?}");
        assert_eq!(
            sip.credential_list(&staff.sid)
                .credentials()
                .list()
                .collect_all()
                .await
                .expect("list")
                .len(),
            1
        );
        let office = sip
            .ip_access_control_lists()
            .create(&ListName::new("Office"))
            .await
            .expect("acl");
        sip.ip_access_control_list(&office.sid)
            .ip_addresses()
            .create(&IpAddressRequest::new("gw", "192.0.2.10"))
            .await
            .expect("address");
        let mapped = sip
            .domain(&domain.sid)
            .credential_list_mappings()
            .map(&staff.sid)
            .await
            .expect("mapped");
        assert_eq!(mapped.sid, staff.sid);
        let err = sip
            .domain(&domain.sid)
            .credential_list_mappings()
            .map(&staff.sid)
            .await
            .unwrap_err();
        assert_eq!(ErrorCode::of(&err).map(ErrorCode::code), Some(62013));
        sip.domain(&domain.sid)
            .ip_acl_mappings()
            .map(&office.sid)
            .await
            .expect("mapped");
        assert_eq!(
            sip.domain(&domain.sid)
                .ip_acl_mappings()
                .list()
                .collect_all()
                .await
                .expect("list")
                .len(),
            1
        );
        sip.domain(&domain.sid)
            .credential_list_mappings()
            .delete(&staff.sid)
            .await
            .expect("unmapped");
        let err = sip
            .domain(&domain.sid)
            .credential_list_mappings()
            .delete(&staff.sid)
            .await
            .unwrap_err();
        assert_eq!(ErrorCode::of(&err).map(ErrorCode::code), Some(62015));
        let renamed = sip
            .domains()
            .update(&domain.sid, &DomainSettings::new().friendly_name("Acme HQ"))
            .await
            .expect("updated");
        assert_eq!(renamed.friendly_name.as_deref(), Some("Acme HQ"));
        sip.domains().delete(&domain.sid).await.expect("deleted");
        assert!(
            sip.domains()
                .get(&domain.sid)
                .await
                .unwrap_err()
                .is_not_found()
        );
    }
}

/// The store is seeded and read with the crate's model types: seeded calls are listed
/// through the client (the date filter applies to them), a sent SMS is in the store once
/// its quick wait ends, and a seeded SIP domain reads back in XML too.
#[tokio::test]
async fn the_store_is_seeded_and_read_with_model_types() {
    use cpaas::calls::Call;
    use cpaas::sip::Domain;
    use cpaas::sms::SmsMessage;

    let sim = sim::start().await.expect("simulator");
    let cpaas = sim::client(&sim, ACCOUNT).expect("client");
    let account = cpaas.account();

    for (sid, start) in [
        (
            "CA00000000000000000000000000000001",
            "Wed, 15 May 2019 17:29:06 +0000",
        ),
        (
            "CA00000000000000000000000000000002",
            "Sat, 01 Jun 2019 09:00:00 +0000",
        ),
    ] {
        let call: Call = serde_json::from_value(json!({
            "sid": sid, "status": "completed", "start_time": start, "duration": "60",
        }))
        .expect("a call");
        assert_eq!(sim.seed_item(&[ACCOUNT], &call).expect("seeded"), sid);
    }
    let may = CallFilter::new().start_time(DateFilter::month(2019, 5).expect("a month"));
    let calls = account
        .calls()
        .list(&may)
        .collect_all()
        .await
        .expect("list");
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0].sid.as_str(), "CA00000000000000000000000000000001");
    assert_eq!(sim.items::<Call>(&[ACCOUNT]).expect("typed").len(), 2);

    // The simulator's client waits with its quick poll policy by default.
    let started = std::time::Instant::now();
    let sent = account
        .sms()
        .send(&SendSms::new("+12223334444", "+15556667777", "Hello"))
        .await
        .expect("send")
        .wait()
        .await
        .expect("sent");
    assert!(started.elapsed() < Duration::from_secs(2));
    let stored = sim
        .item::<SmsMessage>(&[ACCOUNT], sent.id.sid.as_str())
        .expect("typed")
        .expect("stored");
    assert_eq!(stored.status, Some(MessageStatus::Sent));
    assert_eq!(stored.body.as_deref(), Some("Hello"));

    let domain: Domain = serde_json::from_value(json!({
        "sid": "DO00000000000000000000000000000001",
        "domain_name": "acme.sip.zang.io",
        "friendly_name": "Acme",
    }))
    .expect("a domain");
    sim.seed_item(&[ACCOUNT], &domain).expect("seeded");
    for format in support::FORMATS {
        let read = client(&sim, format)
            .account()
            .sip()
            .domains()
            .get(&domain.sid)
            .await
            .expect("get");
        assert_eq!(read.friendly_name.as_deref(), Some("Acme"), "{format:?}");
    }
    assert_eq!(sim.items::<Domain>(&[ACCOUNT]).expect("typed"), [domain]);
}
