//! `ensure` on the simulator: users by login, user groups, queues and skills by name, a
//! user's skills by the skill and its user groups by the group. Each is created, then left
//! with nothing sent but reads, then updated in only the field that differs, keeping what
//! the description leaves out and the fields the SDK does not name.
#![cfg(feature = "simulator")]

use std::fmt::Debug;

use sdk_core::Method;
use sdk_core::ensure::{Desired, Ensure, Outcome, Plan};
use serde_json::json;
use sinch_rci::queues::{LoginType, Queue, QueueRequest, QueueType};
use sinch_rci::sim::{Fault, Simulator};
use sinch_rci::skills::{Skill, SkillRequest};
use sinch_rci::user_groups::{UserGroup, UserGroupRequest};
use sinch_rci::users::{SkillLevel, User, UserGroupMembership, UserRequest};
use sinch_rci::{ErrorKind, RciClient};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// Plans a create where there is nothing, ensures it (created), ensures it again
/// (unchanged, with nothing sent but reads) and returns what was created.
async fn created_then_unchanged<D, S>(sim: &Simulator, scope: &S, desired: &D) -> D::Live
where
    D: Desired,
    D::Live: Clone + Debug + PartialEq,
    S: Ensure<D>,
{
    let plan = scope.plan(desired).await.expect("plan");
    assert!(matches!(plan, Plan::Create), "{plan:?}");
    let created = scope.ensure(desired).await.expect("ensure");
    assert!(matches!(created, Outcome::Created(_)), "{created:?}");

    sim.clear_requests();
    let again = scope.ensure(desired).await.expect("ensure again");
    assert!(matches!(again, Outcome::Unchanged(_)), "{again:?}");
    assert_eq!(again.resource(), created.resource());
    let sent: Vec<(Method, String)> = sim
        .requests()
        .into_iter()
        .map(|r| (r.method, r.path))
        .collect();
    assert!(
        !sent.is_empty() && sent.iter().all(|(m, _)| *m == Method::GET),
        "nothing but reads on a second run: {sent:?}"
    );
    created.into_resource()
}

fn fields<L>(outcome: &Outcome<L>) -> Vec<&str> {
    outcome.changes().iter().map(|c| c.field.as_str()).collect()
}

/// Two descriptions with one key are refused before anything is sent.
async fn duplicates_are_refused<D, S>(sim: &Simulator, scope: &S, desired: &D)
where
    D: Desired + Clone,
    D::Live: Clone + Debug,
    S: Ensure<D>,
{
    sim.clear_requests();
    let err = scope
        .plan_all(&[desired.clone(), desired.clone()])
        .await
        .expect_err("two with one key");
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(sim.requests().is_empty(), "nothing sent");
}

async fn simulator() -> (Simulator, RciClient) {
    let sim = sinch_rci::sim::start().await.expect("simulator");
    let client = sinch_rci::sim::client(&sim).expect("client");
    (sim, client)
}

#[tokio::test]
async fn users_are_ensured_by_login_and_an_update_keeps_what_it_does_not_name() {
    let (sim, c) = simulator().await;
    let users = c.users();
    let john = UserRequest::new("John", "Fox")
        .login("john.fox")
        .email("john.fox@example.com");
    let created = created_then_unchanged(&sim, &users, &john).await;
    assert_eq!(created.login.as_deref(), Some("john.fox"));

    // Someone else sets a field the description leaves out and one the SDK does not name.
    sim.with_store(|store| {
        let user = store
            .get_mut("users", &[], created.id.as_str())
            .expect("stored");
        user["phone"] = json!("+358401234567");
        user["department"] = json!("Sales");
    });
    let mut married = john.clone();
    married.surname = "Fox-Smith".into();
    let updated = users.ensure(&married).await.expect("update");
    assert_eq!(fields(&updated), ["surname"]);
    assert_eq!(
        updated.changes()[0].to_string(),
        r#"surname: "Fox" -> "Fox-Smith""#
    );
    assert_eq!(updated.resource().id, created.id);
    let stored = sim
        .item::<User>(&[], created.id.as_str())
        .expect("read")
        .expect("there");
    assert_eq!(stored.surname.as_deref(), Some("Fox-Smith"));
    assert_eq!(stored.phone.as_deref(), Some("+358401234567"));
    assert_eq!(
        stored.unknown_fields.get("department"),
        Some(&json!("Sales"))
    );
    assert_eq!(sim.items::<User>(&[]).expect("users").len(), 1);

    // A user to ensure needs its login; two with one login cannot both be meant.
    sim.clear_requests();
    let err = users
        .plan(&UserRequest::new("Ann", "Lee"))
        .await
        .expect_err("no login");
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(err.field(), Some("login"));
    duplicates_are_refused(&sim, &users, &john).await;
}

#[tokio::test]
async fn a_user_whose_create_answer_was_lost_is_found_by_login_not_made_twice() {
    let (sim, c) = simulator().await;
    sim.inject(Fault::lose_answer().operation("rci.users.create"));
    let ann = UserRequest::new("Ann", "Lee").login("ann.lee");
    let out = c.users().ensure(&ann).await.expect("ensure");
    assert!(matches!(out, Outcome::Created(_)), "{out:?}");
    assert_eq!(out.resource().login.as_deref(), Some("ann.lee"));
    assert_eq!(sim.items::<User>(&[]).expect("users").len(), 1);
    assert_eq!(
        c.users().ensure(&ann).await.expect("again").verb(),
        "unchanged"
    );
}

#[tokio::test]
async fn users_listed_without_their_login_are_read_whole_to_find_it() {
    // The RCI's list shows the id and the names only: the login is in the user's `get`.
    let server = MockServer::start().await;
    let john = "E936C474B22311D38FBE0090279A922E";
    let ann = "2B8ED95B0EC911E79675005056A75D9F";
    Mock::given(method("GET"))
        .and(path("/RI/rci/users"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([
            {"id": john, "firstName": "John", "surname": "Fox"},
            {"id": ann, "firstName": "Ann", "surname": "Lee"},
        ])))
        .mount(&server)
        .await;
    for (id, first, surname, login) in [
        (john, "John", "Fox", "john.fox"),
        (ann, "Ann", "Lee", "ann.lee"),
    ] {
        Mock::given(method("GET"))
            .and(path(format!("/RI/rci/users/{id}")))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "id": id, "firstName": first, "surname": surname, "login": login,
                "email": format!("{login}@example.com"),
            })))
            .expect(1)
            .mount(&server)
            .await;
    }
    let c = RciClient::builder()
        .base_url(format!("{}/RI/rci", server.uri()))
        .allow_http(true)
        .no_auth()
        .http_client(sdk_core::sim::test_http_client())
        .build()
        .expect("client");

    let wanted = UserRequest::new("John", "Fox")
        .login("john.fox")
        .email("john.fox@example.com");
    match c.users().plan(&wanted).await.expect("plan") {
        Plan::Unchanged(user) => assert_eq!(user.id.as_str(), john),
        other => panic!("found by the login of its whole read: {other:?}"),
    }
    // Dropping the server checks that each user was read once.
}

#[tokio::test]
async fn user_groups_are_ensured_by_name_one_looked_up_several_listed() {
    let (sim, c) = simulator().await;
    let groups = c.user_groups();
    let sales = UserGroupRequest::new("Sales agents");
    let created = created_then_unchanged(&sim, &groups, &sales).await;
    assert!(
        sim.requests()
            .iter()
            .any(|r| r.query_value("name") == Some("Sales agents")),
        "one name is looked up with the service's filter"
    );

    sim.clear_requests();
    let support = UserGroupRequest::new("Support agents");
    let plans = groups
        .plan_all(&[sales.clone(), support])
        .await
        .expect("plan both");
    assert!(plans[0].is_unchanged(), "{plans:?}");
    assert!(matches!(plans[1], Plan::Create), "{plans:?}");
    let reads = sim.requests();
    assert_eq!(reads.len(), 1, "one read of the whole list");
    assert_eq!(reads[0].query_value("name"), None);

    sim.with_store(|store| {
        store
            .get_mut("user_groups", &[], created.id.as_str())
            .expect("stored")["site"] = json!("HEL");
    });
    let synced = UserGroupRequest::new("Sales agents").synchronised(true);
    let updated = groups.ensure(&synced).await.expect("update");
    assert_eq!(fields(&updated), ["synchronised"]);
    let stored = sim
        .item::<UserGroup>(&[], created.id.as_str())
        .expect("read")
        .expect("there");
    assert_eq!(stored.synchronised, Some(true));
    assert_eq!(stored.unknown_fields.get("site"), Some(&json!("HEL")));
    assert_eq!(sim.items::<UserGroup>(&[]).expect("groups").len(), 1);
    duplicates_are_refused(&sim, &groups, &sales).await;
}

#[tokio::test]
async fn queues_are_ensured_by_name_and_their_addresses_compared_in_order() {
    let (sim, c) = simulator().await;
    let queues = c.queues();
    let sales = QueueRequest::new(QueueType::Phone, "Sales", LoginType::AutoAllocation)
        .description("Sales line")
        .address("100");
    let created = created_then_unchanged(&sim, &queues, &sales).await;
    assert_eq!(created.addresses, ["100"]);

    sim.with_store(|store| {
        store
            .get_mut("queues", &[], created.id.as_str())
            .expect("stored")["overflow"] = json!({"target": "102"});
    });
    let wider = sales.clone().address("101");
    let updated = queues.ensure(&wider).await.expect("update");
    assert_eq!(fields(&updated), ["addresses"]);
    assert_eq!(updated.resource().addresses, ["100", "101"]);
    let stored = sim
        .item::<Queue>(&[], created.id.as_str())
        .expect("read")
        .expect("there");
    assert_eq!(stored.description.as_deref(), Some("Sales line"));
    assert_eq!(
        stored.unknown_fields.get("overflow"),
        Some(&json!({"target": "102"}))
    );

    // The same addresses in another order are a change; none leaves them as they are.
    let mut reordered = QueueRequest::new(QueueType::Phone, "Sales", LoginType::AutoAllocation)
        .address("101")
        .address("100");
    assert_eq!(
        queues.plan(&reordered).await.expect("plan").changes()[0].field,
        "addresses"
    );
    reordered.addresses.clear();
    assert!(queues.plan(&reordered).await.expect("plan").is_unchanged());
    let hunt = QueueRequest::new(QueueType::Phone, "Sales", LoginType::HuntGroup);
    let out = queues.ensure(&hunt).await.expect("login type");
    assert_eq!(fields(&out), ["loginType"]);
    assert_eq!(out.resource().addresses, ["100", "101"]);
    assert_eq!(sim.items::<Queue>(&[]).expect("queues").len(), 1);

    // A service answering the type in the document's schema case (`phone`) is not asked to
    // change it to `Phone` on every run; another type is still a change.
    sim.with_store(|store| {
        store
            .get_mut("queues", &[], created.id.as_str())
            .expect("stored")["type"] = json!("phone");
    });
    assert!(queues.plan(&hunt).await.expect("plan").is_unchanged());
    let chat = QueueRequest::new(QueueType::Chat, "Sales", LoginType::HuntGroup);
    assert_eq!(
        queues.plan(&chat).await.expect("plan").changes()[0].to_string(),
        r#"type: "phone" -> "Chat""#
    );
    duplicates_are_refused(&sim, &queues, &sales).await;
}

#[tokio::test]
async fn skills_are_ensured_by_name() {
    let (sim, c) = simulator().await;
    let skills = c.skills();
    let english = SkillRequest::new("English", "English language skill");
    let created = created_then_unchanged(&sim, &skills, &english).await;

    sim.with_store(|store| {
        store
            .get_mut("skills", &[], created.id.as_str())
            .expect("stored")["category"] = json!("Languages");
    });
    let fluent = SkillRequest::new("English", "Fluent English");
    let updated = skills.ensure(&fluent).await.expect("update");
    assert_eq!(fields(&updated), ["description"]);
    let stored = sim
        .item::<Skill>(&[], created.id.as_str())
        .expect("read")
        .expect("there");
    assert_eq!(stored.description.as_deref(), Some("Fluent English"));
    assert_eq!(
        stored.unknown_fields.get("category"),
        Some(&json!("Languages"))
    );
    duplicates_are_refused(&sim, &skills, &english).await;
}

#[tokio::test]
async fn a_users_skills_are_ensured_by_skill_and_its_level_updated() {
    let (sim, c) = simulator().await;
    let john = c
        .users()
        .create(&UserRequest::new("John", "Fox").login("john.fox"))
        .await
        .expect("user");
    let english = c
        .skills()
        .create(&SkillRequest::new("English", "English language skill"))
        .await
        .expect("skill");
    let german = c
        .skills()
        .create(&SkillRequest::new("Deutsch", "German language skill"))
        .await
        .expect("skill");
    let skills = c.user(&john).skills();

    let level = SkillLevel::new(english.clone(), 4);
    let created = created_then_unchanged(&sim, &skills, &level).await;
    assert_eq!(
        (created.id.clone(), created.value),
        (english.clone(), Some(4))
    );

    let plans = skills
        .plan_all(&[
            SkillLevel::new(english.clone(), 5),
            SkillLevel::new(german.clone(), 2),
        ])
        .await
        .expect("plan");
    assert_eq!(plans[0].changes()[0].to_string(), "value: 4 -> 5");
    assert!(matches!(plans[1], Plan::Create), "{plans:?}");
    let better = skills
        .ensure(&SkillLevel::new(english.clone(), 5))
        .await
        .expect("update");
    assert_eq!(fields(&better), ["value"]);
    assert_eq!(better.resource().value, Some(5));
    let listed = skills.list().await.expect("list");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].value, Some(5));
    duplicates_are_refused(&sim, &skills, &level).await;
}

#[tokio::test]
async fn a_users_user_groups_are_ensured_by_group() {
    let (sim, c) = simulator().await;
    let john = c
        .users()
        .create(&UserRequest::new("John", "Fox").login("john.fox"))
        .await
        .expect("user");
    let sales = c
        .user_groups()
        .create(&UserGroupRequest::new("Sales agents"))
        .await
        .expect("group");
    let groups = c.user(&john).user_groups();

    let member = UserGroupMembership::new(sales.clone());
    let created = created_then_unchanged(&sim, &groups, &member).await;
    assert_eq!(created.id, sales);
    assert_eq!(created.name.as_deref(), Some("Sales agents"));
    let members = c.user_group(&sales).users().list().await.expect("members");
    assert_eq!(members.len(), 1);
    assert_eq!(members[0].id, john);
    duplicates_are_refused(&sim, &groups, &member).await;
}

#[tokio::test]
async fn a_queue_is_ensured_in_xml_too() {
    let (sim, c) = simulator().await;
    let xml = c.xml();
    let queues = xml.queues();
    let support = QueueRequest::new(QueueType::Chat, "Support chat", LoginType::AutoAllocation)
        .description("Chat support")
        .address("support@chat.example.com");
    let created = created_then_unchanged(&sim, &queues, &support).await;
    assert!(
        sim.requests().iter().all(|r| r
            .headers
            .get("accept")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("xml"))),
        "asked in XML"
    );

    let mut moved = support.clone();
    moved.description = Some("Chat support, all week".into());
    let updated = queues.ensure(&moved).await.expect("update in XML");
    assert_eq!(fields(&updated), ["description"]);
    let read = queues.get(&created.id).await.expect("read back");
    assert_eq!(read.description.as_deref(), Some("Chat support, all week"));
    assert_eq!(read.addresses, ["support@chat.example.com"]);
}
