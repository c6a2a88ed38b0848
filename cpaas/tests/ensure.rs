//! `ensure` on the simulator: each resource found by its natural key, created (or, for a
//! number, refused: numbers are bought), left alone on a second run, and updated in only
//! the fields that differ, the update form carrying those and nothing else.
#![cfg(feature = "simulator")]

use cpaas::applications::{Application, ApplicationRequest};
use cpaas::ensure::{Ensure, Outcome, Plan};
use cpaas::numbers::{ConfiguredNumber, IncomingNumber, NumberSettings};
use cpaas::sim::{self, Family, RecordedRequest, Simulator};
use cpaas::sip::{
    CredentialList, CredentialListMapping, Domain, DomainSettings, IpAccessControlList,
    IpAclMapping, IpAddressRequest, NewCredential, NewCredentialList, NewDomain,
    NewIpAccessControlList,
};
use cpaas::{CpaasClient, ErrorKind, HttpMethod};
use sdk_core::Method;
use serde_json::json;

const ACCOUNT: &str = "AC0123";

async fn start() -> (Simulator, CpaasClient) {
    let sim = sim::start().await.expect("simulator");
    let client = sim::client(&sim, ACCOUNT).expect("client");
    (sim, client)
}

/// The fields an outcome changed, as the description spells them.
fn fields<L>(outcome: &Outcome<L>) -> Vec<&str> {
    outcome.changes().iter().map(|c| c.field.as_str()).collect()
}

/// The requests made since the last clear that were not reads.
fn writes(sim: &Simulator) -> Vec<RecordedRequest> {
    sim.requests()
        .into_iter()
        .filter(|r| r.method != Method::GET)
        .collect()
}

/// The form of the one write made since the last clear.
fn the_one_form(sim: &Simulator) -> String {
    let writes = writes(sim);
    assert_eq!(writes.len(), 1, "{writes:?}");
    String::from_utf8(writes[0].body.to_vec()).expect("a form")
}

#[tokio::test]
async fn a_number_is_never_bought_and_gets_only_the_settings_that_differ() {
    let (sim, client) = start().await;
    let numbers = client.account().incoming_numbers();
    let support = ConfiguredNumber::new("+12065550100").settings(
        NumberSettings::new()
            .friendly_name("Support")
            .voice_url("https://example.com/voice.xml"),
    );

    // Not on the account: planned as a create, which is refused with nothing sent.
    assert_eq!(numbers.plan(&support).await.expect("plan"), Plan::Create);
    sim.clear_requests();
    let err = numbers.ensure(&support).await.expect_err("not bought");
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(err.field(), Some("PhoneNumber"));
    assert!(err.to_string().contains("+12065550100"), "{err}");
    assert!(writes(&sim).is_empty(), "nothing bought");

    // Bought elsewhere, with a field the SDK does not name.
    let sid = sim::seed(
        &sim,
        Family::IncomingNumbers,
        ACCOUNT,
        json!({"phone_number": "+12065550100", "friendly_name": "(206) 555-0100",
               "voice_url": "https://example.com/voice.xml", "emergency_address": "1 Main St"}),
    );
    let other = sim::seed(
        &sim,
        Family::IncomingNumbers,
        ACCOUNT,
        json!({"phone_number": "+12065550101", "friendly_name": "Sales"}),
    );
    sim.clear_requests();
    let named = numbers.ensure(&support).await.expect("ensure");
    assert_eq!(named.verb(), "updated");
    assert_eq!(fields(&named), ["FriendlyName"]);
    assert_eq!(named.resource().sid.as_str(), sid);
    assert_eq!(the_one_form(&sim), "FriendlyName=Support");

    sim.clear_requests();
    let again = numbers.ensure(&support).await.expect("again");
    assert!(matches!(again, Outcome::Unchanged(_)), "{again:?}");
    assert!(writes(&sim).is_empty(), "nothing but reads on a second run");

    let by_get = ConfiguredNumber::new("+12065550100").settings(
        NumberSettings::new()
            .friendly_name("Support")
            .voice_method(HttpMethod::Get)
            .voice_application_sid("AP0001"),
    );
    sim.clear_requests();
    let updated = numbers.ensure(&by_get).await.expect("update");
    assert_eq!(fields(&updated), ["VoiceMethod", "VoiceApplicationSid"]);
    assert_eq!(
        the_one_form(&sim),
        "VoiceMethod=GET&VoiceApplicationSid=AP0001"
    );
    let stored = sim
        .item::<IncomingNumber>(&[ACCOUNT], &sid)
        .expect("read")
        .expect("there");
    assert_eq!(stored.friendly_name.as_deref(), Some("Support"));
    assert_eq!(
        stored.voice_url.as_deref(),
        Some("https://example.com/voice.xml")
    );
    assert_eq!(stored.voice_method, Some(HttpMethod::Get));
    assert_eq!(
        stored.unknown_fields.get("emergency_address"),
        Some(&json!("1 Main St"))
    );
    assert_eq!(
        numbers.ensure(&by_get).await.expect("again").verb(),
        "unchanged",
        "the application sid is read back"
    );
    let untouched = sim
        .item::<IncomingNumber>(&[ACCOUNT], &other)
        .expect("read")
        .expect("there");
    assert_eq!(untouched.friendly_name.as_deref(), Some("Sales"));

    // What an ensure cannot buy, it does not release.
    let err = Ensure::<ConfiguredNumber>::delete(&numbers, updated.resource())
        .await
        .expect_err("not released");
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(
        sim.items::<IncomingNumber>(&[ACCOUNT]).expect("all").len(),
        2
    );

    let dup = [by_get.clone(), by_get];
    let err = numbers.plan_all(&dup).await.expect_err("one number twice");
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[tokio::test]
async fn applications_are_looked_up_by_name_and_updated_where_they_differ() {
    let (sim, client) = start().await;
    let apps = client.account().applications();
    let support = ApplicationRequest::new()
        .friendly_name("Support line")
        .voice_url("https://example.com/voice.xml")
        .voice_caller_id_lookup(true);

    assert_eq!(apps.plan(&support).await.expect("plan"), Plan::Create);
    let created = apps.ensure(&support).await.expect("ensure");
    assert!(matches!(created, Outcome::Created(_)), "{created:?}");
    let sid = created.resource().sid.clone();

    sim.clear_requests();
    let again = apps.ensure(&support).await.expect("again");
    assert_eq!(again.verb(), "unchanged");
    let reads = sim.requests();
    assert!(reads.iter().all(|r| r.method == Method::GET), "{reads:?}");
    assert_eq!(
        reads[0].query_value("FriendlyName"),
        Some("Support line"),
        "one name is looked up, not listed"
    );

    // Someone else set a field the SDK does not name: the update leaves it.
    sim.with_store(|store| {
        let app = store
            .get_mut("applications", &[ACCOUNT], sid.as_str())
            .expect("stored");
        app["client_tag"] = json!("kept");
    });
    let with_sms = support.clone().sms_url("https://example.com/sms.xml");
    sim.clear_requests();
    let updated = apps.ensure(&with_sms).await.expect("update");
    assert_eq!(fields(&updated), ["SmsUrl"]);
    assert_eq!(updated.resource().sid, sid);
    assert_eq!(
        the_one_form(&sim),
        "SmsUrl=https%3A%2F%2Fexample.com%2Fsms.xml"
    );
    let stored = sim
        .item::<Application>(&[ACCOUNT], sid.as_str())
        .expect("read")
        .expect("there");
    assert_eq!(
        stored.sms_url.as_deref(),
        Some("https://example.com/sms.xml")
    );
    assert_eq!(
        stored.voice_url.as_deref(),
        Some("https://example.com/voice.xml")
    );
    assert_eq!(
        stored.unknown_fields.get("client_tag"),
        Some(&json!("kept"))
    );

    // Several names: one list, matched by name.
    let billing = ApplicationRequest::new().friendly_name("Billing");
    let plans = apps
        .plan_all(&[with_sms.clone(), billing])
        .await
        .expect("plans");
    assert!(plans[0].is_unchanged(), "{plans:?}");
    assert_eq!(plans[1], Plan::Create);

    let unnamed = ApplicationRequest::new().voice_url("https://example.com/voice.xml");
    let err = apps.ensure(&unnamed).await.expect_err("no name");
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let err = apps
        .plan_all(&[with_sms.clone(), with_sms])
        .await
        .expect_err("one name twice");
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(sim.items::<Application>(&[ACCOUNT]).expect("all").len(), 1);
}

#[tokio::test]
async fn sip_domains_are_ensured_by_domain_name() {
    let (sim, client) = start().await;
    let domains = client.account().sip().domains();
    let pbx = NewDomain::new("acme-pbx").settings(
        DomainSettings::new()
            .friendly_name("Acme PBX")
            .voice_url("https://example.com/voice.xml")
            .heartbeat_url("https://example.com/heartbeat"),
    );

    assert_eq!(domains.plan(&pbx).await.expect("plan"), Plan::Create);
    let created = domains.ensure(&pbx).await.expect("ensure");
    assert_eq!(created.verb(), "created");
    let sid = created.resource().sid.clone();
    assert_eq!(
        created.resource().voice_heartbeat_callback.as_deref(),
        Some("https://example.com/heartbeat")
    );

    sim.clear_requests();
    let again = domains.ensure(&pbx).await.expect("again");
    assert_eq!(again.verb(), "unchanged", "{:?}", again.resource());
    assert!(writes(&sim).is_empty(), "nothing but reads on a second run");

    sim.with_store(|store| {
        let d = store
            .get_mut("sip_domains", &[ACCOUNT], sid.as_str())
            .expect("stored");
        d["region"] = json!("us-east");
    });
    let called_back = NewDomain::new("acme-pbx").settings(
        DomainSettings::new()
            .friendly_name("Acme PBX")
            .voice_status_callback("https://example.com/status"),
    );
    sim.clear_requests();
    let updated = domains.ensure(&called_back).await.expect("update");
    assert_eq!(fields(&updated), ["VoiceStatusCallback"]);
    assert_eq!(
        the_one_form(&sim),
        "VoiceStatusCallback=https%3A%2F%2Fexample.com%2Fstatus"
    );
    let stored = sim
        .item::<Domain>(&[ACCOUNT], sid.as_str())
        .expect("read")
        .expect("there");
    assert_eq!(
        stored.voice_status_callback_url.as_deref(),
        Some("https://example.com/status")
    );
    assert_eq!(
        stored.voice_url.as_deref(),
        Some("https://example.com/voice.xml")
    );
    assert_eq!(stored.unknown_fields.get("region"), Some(&json!("us-east")));
    assert_eq!(
        domains.ensure(&called_back).await.expect("again").verb(),
        "unchanged"
    );

    let err = domains
        .plan_all(&[pbx.clone(), pbx])
        .await
        .expect_err("one name twice");
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(sim.items::<Domain>(&[ACCOUNT]).expect("all").len(), 1);
}

#[tokio::test]
async fn lists_and_their_credentials_and_addresses_are_ensured_by_their_keys() {
    let (sim, client) = start().await;
    let sip = client.account().sip();

    // Credential lists and IP access control lists: a name and nothing else.
    let lists = sip.credential_lists();
    let phones = NewCredentialList::new("Office phones");
    assert_eq!(lists.plan(&phones).await.expect("plan"), Plan::Create);
    let list = lists.ensure(&phones).await.expect("ensure");
    assert_eq!(list.verb(), "created");
    sim.clear_requests();
    assert_eq!(
        lists.ensure(&phones).await.expect("again").verb(),
        "unchanged"
    );
    assert!(writes(&sim).is_empty());
    let err = lists
        .plan_all(&[phones.clone(), phones])
        .await
        .expect_err("one name twice");
    assert_eq!(err.kind(), ErrorKind::InvalidInput);

    let acls = sip.ip_access_control_lists();
    let office = NewIpAccessControlList::new("Office");
    assert_eq!(acls.plan(&office).await.expect("plan"), Plan::Create);
    let acl = acls.ensure(&office).await.expect("ensure");
    assert_eq!(acl.verb(), "created");
    sim.clear_requests();
    assert_eq!(
        acls.ensure(&office).await.expect("again").verb(),
        "unchanged"
    );
    assert!(writes(&sim).is_empty());
    let err = acls
        .plan_all(&[office.clone(), office])
        .await
        .expect_err("one name twice");
    assert_eq!(err.kind(), ErrorKind::InvalidInput);

    // Credentials, by username: the password is sent on create and never shown.
    let list_sid = list.resource().sid.clone();
    let credentials = sip.credential_list(&list_sid).credentials();
    let alice = NewCredential::new("alice", "first-passw0rd");
    assert_eq!(credentials.plan(&alice).await.expect("plan"), Plan::Create);
    let created = credentials.ensure(&alice).await.expect("ensure");
    assert_eq!(created.verb(), "created");
    let credential_sid = created.resource().sid.clone();
    sim.clear_requests();
    let rotated = NewCredential::new("alice", "second-passw0rd");
    assert_eq!(
        credentials.ensure(&rotated).await.expect("again").verb(),
        "unchanged",
        "a password the service does not show is not compared"
    );
    assert!(writes(&sim).is_empty());

    // A service that shows it: compared, updated, and never printed.
    sim.with_store(|store| {
        let c = store
            .get_mut(
                "sip_credentials",
                &[ACCOUNT, list_sid.as_str()],
                credential_sid.as_str(),
            )
            .expect("stored");
        c["password"] = json!("first-passw0rd");
    });
    let plan = credentials.plan(&rotated).await.expect("plan");
    assert_eq!(plan.changes().len(), 1);
    assert_eq!(
        plan.changes()[0].to_string(),
        "Password: \"(secret)\" -> \"(secret)\""
    );
    sim.clear_requests();
    let updated = credentials.apply(&rotated, plan).await.expect("update");
    assert_eq!(fields(&updated), ["Password"]);
    assert_eq!(the_one_form(&sim), "Password=second-passw0rd");
    let printed = format!("{updated:?} {}", updated.changes()[0]);
    assert!(
        !printed.contains("passw0rd"),
        "no password is printed: {printed}"
    );
    let err = credentials
        .plan_all(&[alice.clone(), alice])
        .await
        .expect_err("one username twice");
    assert_eq!(err.kind(), ErrorKind::InvalidInput);

    // Addresses, by the address: the name is what changes.
    let addresses = sip
        .ip_access_control_list(&acl.resource().sid)
        .ip_addresses();
    let gateway = IpAddressRequest::new("Gateway", "203.0.113.10");
    assert_eq!(addresses.plan(&gateway).await.expect("plan"), Plan::Create);
    let created = addresses.ensure(&gateway).await.expect("ensure");
    assert_eq!(created.verb(), "created");
    sim.clear_requests();
    assert_eq!(
        addresses.ensure(&gateway).await.expect("again").verb(),
        "unchanged"
    );
    assert!(writes(&sim).is_empty());
    let renamed = IpAddressRequest::new("Main gateway", "203.0.113.10");
    sim.clear_requests();
    let updated = addresses.ensure(&renamed).await.expect("update");
    assert_eq!(fields(&updated), ["FriendlyName"]);
    assert_eq!(updated.resource().sid, created.resource().sid);
    assert_eq!(
        the_one_form(&sim),
        "FriendlyName=Main+gateway&IpAddress=203.0.113.10"
    );
    assert_eq!(
        updated.resource().friendly_name.as_deref(),
        Some("Main gateway")
    );
    let err = addresses
        .plan_all(&[gateway.clone(), renamed])
        .await
        .expect_err("one address twice");
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[tokio::test]
async fn a_domain_maps_lists_by_their_sid_and_unmaps_them_keeping_the_list() {
    let (sim, client) = start().await;
    let sip = client.account().sip();
    let phones = sip
        .credential_lists()
        .ensure(&NewCredentialList::new("Office phones"))
        .await
        .expect("list")
        .into_resource();
    let office = sip
        .ip_access_control_lists()
        .ensure(&NewIpAccessControlList::new("Office"))
        .await
        .expect("acl")
        .into_resource();
    let domain = sip
        .domains()
        .ensure(&NewDomain::new("acme-pbx"))
        .await
        .expect("domain")
        .into_resource();
    let scope = sip.domain(&domain.sid);

    let credential_lists = scope.credential_list_mappings();
    let mapping = CredentialListMapping::new(&phones.sid);
    assert_eq!(
        credential_lists.plan(&mapping).await.expect("plan"),
        Plan::Create
    );
    let mapped = credential_lists.ensure(&mapping).await.expect("map");
    assert_eq!(mapped.verb(), "created");
    assert_eq!(mapped.resource().sid, phones.sid);
    sim.clear_requests();
    assert_eq!(
        credential_lists
            .ensure(&mapping)
            .await
            .expect("again")
            .verb(),
        "unchanged"
    );
    assert!(writes(&sim).is_empty(), "mapped once");
    let err = credential_lists
        .plan_all(&[mapping.clone(), mapping.clone()])
        .await
        .expect_err("one list twice");
    assert_eq!(err.kind(), ErrorKind::InvalidInput);

    let acls = scope.ip_acl_mappings();
    let acl_mapping = IpAclMapping::new(&office.sid);
    assert_eq!(acls.plan(&acl_mapping).await.expect("plan"), Plan::Create);
    assert_eq!(
        acls.ensure(&acl_mapping).await.expect("map").verb(),
        "created"
    );
    assert_eq!(
        acls.ensure(&acl_mapping).await.expect("again").verb(),
        "unchanged"
    );
    let err = acls
        .plan_all(&[acl_mapping.clone(), acl_mapping.clone()])
        .await
        .expect_err("one list twice");
    assert_eq!(err.kind(), ErrorKind::InvalidInput);

    // Removing a mapping keeps the list; the next ensure maps it again.
    Ensure::<CredentialListMapping>::delete(&credential_lists, mapped.resource())
        .await
        .expect("unmapped");
    assert_eq!(
        credential_lists.plan(&mapping).await.expect("plan"),
        Plan::Create
    );
    assert_eq!(
        sim.items::<CredentialList>(&[ACCOUNT])
            .expect("lists")
            .len(),
        1
    );
    let live = Ensure::<IpAclMapping>::find(&acls, &[])
        .await
        .expect("mapped");
    assert_eq!(
        live.iter().map(|l| &l.sid).collect::<Vec<_>>(),
        [&office.sid]
    );
    assert_eq!(
        sim.items::<IpAccessControlList>(&[ACCOUNT])
            .expect("acls")
            .len(),
        1
    );
}
