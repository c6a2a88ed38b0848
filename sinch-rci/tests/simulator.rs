//! Provisioning against the simulator: users, queues and their memberships, read back from
//! both sides, paged, searched and sorted.
#![cfg(feature = "simulator")]

use sinch_rci::attributes::{AttributeQuery, NewAttribute};
use sinch_rci::common::Sort;
use sinch_rci::queue_groups::{QueueGroupQueueQuery, QueueGroupRequest};
use sinch_rci::queues::{LoginType, NewExtension, QueueQuery, QueueRequest, QueueType};
use sinch_rci::skills::SkillRequest;
use sinch_rci::user_groups::UserGroupRequest;
use sinch_rci::users::{SkillLevel, UserQuery, UserRequest};

#[tokio::test]
async fn users_and_their_memberships_seen_from_both_sides() {
    let sim = sinch_rci::sim::start().await.expect("simulator");
    let c = sinch_rci::sim::client(&sim).expect("client");

    let john = c
        .users()
        .create(
            &UserRequest::new("John", "Fox")
                .login("John.Fox")
                .time_zone("Europe/Helsinki"),
        )
        .await
        .expect("create");
    // The simulator makes ids as the RCI writes them: 32 uppercase hexadecimal characters.
    assert_eq!(john.as_str().len(), 32);
    assert!(
        john.as_str()
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b))
    );
    let helpdesk = c
        .user_groups()
        .create(&UserGroupRequest::new("HelpDesk"))
        .await
        .expect("group");
    let english = c
        .skills()
        .create(&SkillRequest::new("English", "English language skill"))
        .await
        .expect("skill");

    assert_eq!(
        c.user(&john)
            .user_groups()
            .add(&helpdesk)
            .await
            .expect("add"),
        helpdesk
    );
    let members = c
        .user_group(&helpdesk)
        .users()
        .list()
        .await
        .expect("members");
    assert_eq!(members.len(), 1);
    assert_eq!(members[0].first_name.as_deref(), Some("John"));
    assert_eq!(
        c.user(&john)
            .user_groups()
            .get(&helpdesk)
            .await
            .expect("get")
            .name
            .as_deref(),
        Some("HelpDesk")
    );

    c.user(&john)
        .skills()
        .add(&SkillLevel::new(english.clone(), 4))
        .await
        .expect("level");
    c.user(&john)
        .skills()
        .update(&english, 5)
        .await
        .expect("new level");
    let skills = c.user(&john).skills().list().await.expect("skills");
    assert_eq!(
        (skills[0].id.clone(), skills[0].value),
        (english.clone(), Some(5))
    );
    assert_eq!(
        c.user(&john)
            .skills()
            .add(&SkillLevel::new("ABFF5E5BC1E44E90877C55570D06E8A7", 2))
            .await
            .expect_err("no such skill")
            .status()
            .map(|s| s.as_u16()),
        Some(404)
    );

    c.user_group(&helpdesk)
        .users()
        .remove(&john)
        .await
        .expect("remove");
    assert!(
        c.user(&john)
            .user_groups()
            .list()
            .await
            .expect("none")
            .is_empty()
    );
    assert!(
        c.user(&john)
            .user_groups()
            .get(&helpdesk)
            .await
            .expect_err("gone")
            .is_not_found()
    );

    // An update replaces the user: the login left out is gone.
    c.users()
        .update(&john, &UserRequest::new("John", "Fox"))
        .await
        .expect("update");
    let back = c.users().get(&john).await.expect("get");
    assert_eq!(back.login, None);
    assert_eq!(back.id, john);

    // The same through XML is not possible yet: the simulator engine reads JSON only.
    sim.shutdown().await;
}

#[tokio::test]
async fn lists_page_search_and_sort() {
    let sim = sinch_rci::sim::start().await.expect("simulator");
    let c = sinch_rci::sim::client(&sim).expect("client");
    assert!(
        c.users()
            .list(&UserQuery::new())
            .collect_all()
            .await
            .expect("empty")
            .is_empty()
    );

    for (first, last) in [
        ("Peter", "Frog"),
        ("John", "Fox"),
        ("David", "Duck"),
        ("Anna", "Fox"),
        ("Eve", "Finch"),
    ] {
        c.users()
            .create(&UserRequest::new(first, last))
            .await
            .expect("create");
    }
    sim.clear_requests();
    let all = c
        .users()
        .list(&UserQuery::new().sort(Sort::asc("surname").then_desc("firstName")))
        .page_size(2)
        .collect_all()
        .await
        .expect("list");
    let names: Vec<&str> = all.iter().filter_map(|u| u.first_name.as_deref()).collect();
    assert_eq!(names, ["David", "Eve", "John", "Anna", "Peter"]);
    assert_eq!(sim.requests().len(), 3, "pages of 2, 2 and 1");

    let foxes = c
        .users()
        .list(&UserQuery::new().surname("fo?"))
        .collect_all()
        .await
        .expect("foxes");
    assert_eq!(foxes.len(), 2);
    let f_star = c
        .users()
        .list(&UserQuery::new().surname("F*").first_name("*e*"))
        .collect_all()
        .await
        .expect("f*");
    let names: Vec<&str> = f_star
        .iter()
        .filter_map(|u| u.first_name.as_deref())
        .collect();
    assert_eq!(names, ["Peter", "Eve"]);
    sim.shutdown().await;
}

#[tokio::test]
async fn queues_with_extensions_groups_and_attributes() {
    let sim = sinch_rci::sim::start().await.expect("simulator");
    let c = sinch_rci::sim::client(&sim).expect("client");
    let mut queues = Vec::new();
    for (name, address) in [("Sales", "100"), ("Helpdesk", "101"), ("Support", "102")] {
        let id = c
            .queues()
            .create(
                &QueueRequest::new(QueueType::Phone, name, LoginType::HuntGroup).address(address),
            )
            .await
            .expect("queue");
        queues.push(id);
    }
    let sales = &queues[0];
    let got = c.queues().get(sales).await.expect("get");
    assert_eq!(got.addresses, ["100"]);
    assert_eq!(got.queue_type, Some(QueueType::Phone));
    let found = c
        .queues()
        .list(&QueueQuery::new().address("10[1]").name("*"))
        .collect_all()
        .await
        .expect("none");
    assert!(found.is_empty());
    let found = c
        .queues()
        .list(&QueueQuery::new().address("101"))
        .collect_all()
        .await
        .expect("one");
    assert_eq!(found[0].name.as_deref(), Some("Helpdesk"));

    let ext = c
        .queue(sales)
        .extensions()
        .create(&NewExtension::new("103"))
        .await
        .expect("extension");
    assert_eq!(
        c.queue(sales)
            .extensions()
            .get(&ext)
            .await
            .expect("get")
            .address
            .as_deref(),
        Some("103")
    );
    c.queue(sales)
        .extensions()
        .delete(&ext)
        .await
        .expect("delete");
    assert!(
        c.queue(sales)
            .extensions()
            .list()
            .await
            .expect("list")
            .is_empty()
    );

    let group = c
        .queue_groups()
        .create(&QueueGroupRequest::new("CC Agent", "CC Agent queue group"))
        .await
        .expect("group");
    for q in &queues {
        c.queue_group(&group).queues().add(q).await.expect("link");
    }
    let in_group = c
        .queue_group(&group)
        .queues()
        .list(&QueueGroupQueueQuery::new().sort(Sort::desc("name")))
        .page_size(2)
        .collect_all()
        .await
        .expect("paged");
    let names: Vec<&str> = in_group.iter().filter_map(|q| q.name.as_deref()).collect();
    assert_eq!(names, ["Support", "Sales", "Helpdesk"]);
    assert_eq!(
        c.queue(sales).queue_groups().list().await.expect("groups")[0].id,
        group
    );

    let attrs = c.queue(sales).attributes();
    attrs
        .create(&NewAttribute::new("Name", "EN", "Sales"))
        .await
        .expect("en");
    attrs
        .create(&NewAttribute::new("Name", "FI", "Myynti"))
        .await
        .expect("fi");
    let fi = attrs
        .list(&AttributeQuery::new().language("FI"))
        .await
        .expect("fi");
    assert_eq!(fi.len(), 1);
    assert_eq!(fi[0].value.as_deref(), Some("Myynti"));
    let all = attrs.list(&AttributeQuery::new()).await.expect("all");
    assert_eq!(all.len(), 2);
    sim.shutdown().await;
}

#[tokio::test]
async fn catalogues_messaging_and_disruptions() {
    use serde_json::json;
    use sinch_rci::disruption_sets::{
        DisruptionEventRequest, DisruptionItemType, EventItem, EventQuery,
    };
    use sinch_rci::messaging_services::{
        AuthenticationRequest, MessagingServiceQuery, MessagingServiceRequest, MessagingServiceType,
    };
    use sinch_rci::prs_profiles::PrsProfileQuery;
    use sinch_rci::time_zones::TimeZoneQuery;

    let sim = sinch_rci::sim::start().await.expect("simulator");
    let c = sinch_rci::sim::client(&sim).expect("client");

    // Seeded catalogues; a time zone's `/` travels encoded and comes back whole.
    let helsinki = c.time_zones().get("Europe/Helsinki").await.expect("zone");
    assert_eq!(helsinki.id.as_str(), "Europe/Helsinki");
    assert!(
        sim.requests()
            .iter()
            .any(|r| r.path == "/RI/rci/timeZones/Europe%2FHelsinki")
    );
    let europe = c
        .time_zones()
        .list(&TimeZoneQuery::new().id("Europe/*").sort(Sort::desc("id")))
        .collect_all()
        .await
        .expect("zones");
    let ids: Vec<&str> = europe.iter().map(|z| z.id.as_str()).collect();
    assert_eq!(ids, ["Europe/London", "Europe/Helsinki"]);
    let vacation = c
        .prs_profiles()
        .list(&PrsProfileQuery::new().reason("VACATION"))
        .collect_all()
        .await
        .expect("profiles");
    assert_eq!(vacation[0].name.as_deref(), Some("Vacation"));
    assert_eq!(
        c.audio_prompts()
            .list(&Default::default())
            .collect_all()
            .await
            .expect("prompts")
            .len(),
        3
    );

    // A messaging service and its credentials: the password is never answered.
    let fb = c
        .messaging_services()
        .create(&MessagingServiceRequest::new(
            MessagingServiceType::Facebook,
            "Facebook connection",
            "https://serviceaddress/",
        ))
        .await
        .expect("service");
    let auths = c.messaging_service(&fb).authentications();
    let rec = auths
        .create(&AuthenticationRequest::new("my_login_id", "zzzxxxx"))
        .await
        .expect("auth");
    let got = auths.get(&rec).await.expect("get");
    assert_eq!(
        (got.authentication_id.as_deref(), got.password),
        (Some("my_login_id"), None)
    );
    let twilio = c
        .messaging_services()
        .list(&MessagingServiceQuery::new().service_type("twilio"))
        .collect_all()
        .await
        .expect("none");
    assert!(twilio.is_empty());

    // Disruption sets are seeded; their events are written.
    let set = sim
        .seed(
            "disruption_sets",
            &[],
            json!({"name": "electricity", "externalId": "set1"}),
        )
        .expect("seed");
    let events = c.disruption_set(&set).events();
    let outage = events
        .create(
            &DisruptionEventRequest::new()
                .item(EventItem::by_external_id("05", DisruptionItemType::Why))
                .active_from("2021-03-29T12:01:00.000Z"),
        )
        .await
        .expect("event");
    let listed = events.list(&EventQuery::new()).await.expect("events");
    assert_eq!(listed[0].id, outage);
    assert_eq!(listed[0].items[0].external_id.as_deref(), Some("05"));
    let e = events
        .create(&DisruptionEventRequest::new())
        .await
        .expect_err("no items");
    assert_eq!(e.field(), Some("items"));
    events.delete(&outage).await.expect("delete");
    assert!(events.get(&outage).await.expect_err("gone").is_not_found());

    // A custom IVR's current version is the one its currentSourceCodeVersionId names.
    let ivr = sim
        .seed(
            "custom_ivrs",
            &[],
            json!({"name": "My Menu Ivr", "active": true}),
        )
        .expect("ivr");
    let v1 = sim
        .seed(
            "source_codes",
            &[&ivr],
            json!({"versionNumber": 1, "sourceCode": "<vxml/>"}),
        )
        .expect("v1");
    sim.with_store(|s| {
        if let Some(i) = s.get_mut("custom_ivrs", &[], &ivr) {
            i["currentSourceCodeVersionId"] = json!(v1);
        }
    });
    let current = c
        .custom_ivr(&ivr)
        .current_source_code_version()
        .get()
        .await
        .expect("current");
    assert_eq!(current.source_code.as_deref(), Some("<vxml/>"));
    let versions = c
        .custom_ivr(&ivr)
        .source_codes()
        .list()
        .await
        .expect("versions");
    assert_eq!(
        (versions.len(), versions[0].source_code.as_deref()),
        (1, None)
    );
    sim.shutdown().await;
}

#[tokio::test]
async fn the_simulator_speaks_xml_too() {
    let sim = sinch_rci::sim::start().await.expect("simulator");
    let json = sinch_rci::sim::client(&sim).expect("client");
    let xml = json.xml();

    let id = xml
        .users()
        .create(&UserRequest::new("Ann", "Lee").login("ann.lee"))
        .await
        .expect("create in XML");
    let ann = xml.users().get(&id).await.expect("get in XML");
    assert_eq!(ann.login.as_deref(), Some("ann.lee"));
    assert_eq!(ann.first_name.as_deref(), Some("Ann"));

    let queue = xml
        .queues()
        .create(
            &QueueRequest::new(QueueType::Phone, "Sales", LoginType::AutoAllocation)
                .address("100")
                .address("101"),
        )
        .await
        .expect("queue in XML");
    let got = xml.queues().get(&queue).await.expect("queue read in XML");
    assert_eq!(got.addresses, ["100", "101"]);

    for _ in 0..3 {
        xml.users()
            .create(&UserRequest::new("X", "Y"))
            .await
            .expect("more users");
    }
    let all = xml
        .users()
        .list(&UserQuery::new())
        .page_size(2)
        .collect_all()
        .await
        .expect("XML list over pages");
    assert_eq!(all.len(), 4);
    let (requests, xml_answers) = (
        sim.requests().len(),
        sim.requests()
            .iter()
            .filter(|r| r.header("accept") == Some("application/xml"))
            .count(),
    );
    assert!(xml_answers > 0 && xml_answers <= requests);

    // What XML created, JSON reads: a queue with one address too (one `<address>` element
    // is a list of one, not a lone value).
    let one = xml
        .queues()
        .create(
            &QueueRequest::new(QueueType::Phone, "Support", LoginType::HuntGroup).address("200"),
        )
        .await
        .expect("queue of one address in XML");
    assert_eq!(
        json.queues()
            .get(&one)
            .await
            .expect("read in JSON")
            .addresses,
        ["200"]
    );
    assert_eq!(
        json.queues()
            .get(&queue)
            .await
            .expect("read in JSON")
            .addresses,
        ["100", "101"]
    );
    assert_eq!(
        json.queues()
            .list(&QueueQuery::new())
            .collect_all()
            .await
            .expect("list in JSON")
            .len(),
        2
    );
    assert_eq!(
        xml.queues().get(&one).await.expect("read in XML").addresses,
        ["200"]
    );
    assert_eq!(
        json.users()
            .get(&id)
            .await
            .expect("get in JSON")
            .surname
            .as_deref(),
        Some("Lee")
    );
}

#[tokio::test]
async fn a_read_modify_write_keeps_what_the_sdk_does_not_name_in_both_formats() {
    let sim = sinch_rci::sim::start().await.expect("simulator");
    let json = sinch_rci::sim::client(&sim).expect("client");
    for c in [json.clone(), json.xml()] {
        // A user as a newer server stores it, with fields this SDK does not name.
        let id = sim
            .seed(
                "users",
                &[],
                serde_json::json!({"firstName": "Ann", "surname": "Lee", "department": "Sales",
                                   "badge": {"number": "42"}}),
            )
            .expect("seed");
        let ann = c.users().get(&id).await.expect("get");
        assert_eq!(
            ann.unknown_fields.get("department"),
            Some(&serde_json::json!("Sales"))
        );
        let mut change = UserRequest::from_user(&ann).expect("a whole user");
        change.email = Some("ann.lee@example.com".into());
        c.users().update(&ann.id, &change).await.expect("update");
        // The update replaced the user: what it did not name is there because it was sent.
        let after = c.users().get(&id).await.expect("get again");
        assert_eq!(after.email.as_deref(), Some("ann.lee@example.com"));
        assert_eq!(after.unknown_fields, ann.unknown_fields);
        // A request built from scratch replaces them: the simulator replaces as the RCI does.
        c.users()
            .update(&id, &UserRequest::new("Ann", "Lee"))
            .await
            .expect("replace");
        assert!(
            c.users()
                .get(&id)
                .await
                .expect("get")
                .unknown_fields
                .is_empty()
        );
    }
}

/// The store is seeded and read with the crate's model types: a seeded user, queue and
/// read-only reply template read back through the client, in JSON and XML, and what the
/// client creates is in the store, typed.
#[tokio::test]
async fn the_store_is_seeded_and_read_with_model_types() {
    use sinch_rci::queues::Queue;
    use sinch_rci::reply_templates::{ReplyTemplate, ReplyTemplateQuery};
    use sinch_rci::user_groups::UserGroup;
    use sinch_rci::users::User;

    let sim = sinch_rci::sim::start().await.expect("simulator");
    let c = sinch_rci::sim::client(&sim).expect("client");

    let ann: User = serde_json::from_value(serde_json::json!({
        "id": "0123456789ABCDEF0123456789ABCDEF",
        "firstName": "Ann",
        "surname": "Lee",
        "login": "Ann.Lee",
    }))
    .expect("a user");
    let id = sim.seed_item(&[], &ann).expect("seeded");
    assert_eq!(id, ann.id.as_str());
    assert_eq!(c.users().get(&id).await.expect("get"), ann);
    assert_eq!(c.xml().users().get(&id).await.expect("get in XML"), ann);
    assert_eq!(
        sim.requests().last().and_then(|r| r.operation.clone()),
        Some("rci.users.get".to_owned())
    );

    // An empty id is generated, as the RCI writes them.
    let sales: Queue = serde_json::from_value(serde_json::json!({
        "id": "",
        "type": "Phone",
        "name": "Sales",
        "loginType": "AutoAllocation",
        "addresses": {"address": ["100"]},
    }))
    .expect("a queue");
    let queue_id = sim.seed_item(&[], &sales).expect("seeded with a new id");
    assert_eq!(queue_id.len(), 32);
    let read = c.queues().get(&queue_id).await.expect("get");
    assert_eq!(read.addresses, ["100"]);
    assert_eq!(sim.items::<Queue>(&[]).expect("typed"), [read]);

    // Reply templates have no create in the API: seeding is how a test gets one.
    let welcome: ReplyTemplate = serde_json::from_value(serde_json::json!({
        "id": "AB000000000000000000000000000001",
        "name": "Welcome",
        "language": "en",
    }))
    .expect("a reply template");
    sim.seed_item(&[], &welcome).expect("seeded");
    let templates = c
        .reply_templates()
        .list(&ReplyTemplateQuery::new())
        .collect_all()
        .await
        .expect("list");
    assert_eq!(templates, [welcome]);

    let group = c
        .user_groups()
        .create(&sinch_rci::user_groups::UserGroupRequest::new("Support"))
        .await
        .expect("create");
    let stored = sim
        .item::<UserGroup>(&[], group.as_str())
        .expect("typed")
        .expect("stored");
    assert_eq!(stored.name.as_deref(), Some("Support"));
    assert_eq!(sim.items::<User>(&[]).expect("typed").len(), 1);
}
