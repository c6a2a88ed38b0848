//! The simulator of the Sinch RCI (feature `simulator`): a stateful fake on `127.0.0.1`
//! for the examples and for testing your own provisioning code without a contact center.
//!
//! It serves the document's paths below `/RI/rci`, stores what is created, generates ids
//! of 32 uppercase hexadecimal characters and answers creates with the bare id as
//! `text/html` (201), updates (full replacement) and deletes with 204, and 404 for what it
//! does not hold. Lists page with `offset`/`limit` (bare arrays, a short page is the last)
//! where the document pages, filter on any field with the `*` and `?` wildcards (compared
//! without regard to case; `address` matches a queue's wrapped addresses) and sort as `sort`
//! asks (`-` descending; the `LOCALE-` postfix is accepted and ignored). Memberships (a user
//! in a user group, a role, a skill with its level; a queue in a queue group) are links
//! between stored objects, visible from both sides.
//!
//! It speaks both formats: XML bodies are read and XML answers given when the request asks
//! for them (`client.xml()`), with the element names the crate uses (`<users><user>..`).
//! XML text stays text in the store, so the same model types read it back from XML alike.
//! Its errors are the engine's `{"code", "message"}` (or `<error>`), where the RCI answers
//! `text/plain`.
//!
//! `TESTING.md`, at the root of the workspace, shows how to test your own code against it,
//! with a complete example per vendor.
//!
//! ```
//! use sinch_rci::queues::{LoginType, QueueQuery, QueueRequest, QueueType};
//! use sinch_rci::users::{UserQuery, UserRequest};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), sdk_core::Error> {
//! let sim = sinch_rci::sim::start().await?;
//! let client = sinch_rci::sim::client(&sim)?;
//!
//! let john = client.users().create(&UserRequest::new("John", "Fox").login("John.Fox")).await?;
//! client.users().create(&UserRequest::new("David", "Duck")).await?;
//! let sales = client
//!     .queues()
//!     .create(&QueueRequest::new(QueueType::Phone, "Sales", LoginType::AutoAllocation).address("100"))
//!     .await?;
//!
//! let foxes = client.users().list(&UserQuery::new().surname("f*")).collect_all().await?;
//! assert_eq!(foxes.len(), 1);
//! assert_eq!(foxes[0].id, john);
//! let by_number = client.queues().list(&QueueQuery::new().address("10?")).collect_all().await?;
//! assert_eq!(by_number[0].id, sales);
//!
//! client.users().delete(&john).await?;
//! assert!(client.users().get(&john).await.unwrap_err().is_not_found());
//! # Ok(()) }
//! ```
//!
//! # What the simulator stores
//!
//! Each resource's items are kept in the wire shape (camelCase JSON), top-level ones with
//! no parents and the nested ones per owner. The models below implement [`Simulated`], so
//! a test seeds them with [`Simulator::seed_item`] and reads the store back with
//! [`Simulator::items`] and [`Simulator::item`], passing the owner's id as `parents`:
//!
//! | resource | model | `parents` |
//! | --- | --- | --- |
//! | `users` | [`User`](crate::users::User) | `&[]` |
//! | `certificates` | [`Certificate`](crate::users::Certificate) | `&[user_id]` |
//! | `user_groups` | [`UserGroup`](crate::user_groups::UserGroup) | `&[]` |
//! | `roles` | [`Role`](crate::roles::Role) | `&[]` |
//! | `skills` | [`Skill`](crate::skills::Skill) | `&[]` |
//! | `queues` | [`Queue`](crate::queues::Queue) | `&[]` |
//! | `extensions` | [`Extension`](crate::queues::Extension) | `&[queue_id]` |
//! | `queue_groups` | [`QueueGroup`](crate::queue_groups::QueueGroup) | `&[]` |
//! | `messaging_services` | [`MessagingService`](crate::messaging_services::MessagingService) | `&[]` |
//! | `authentications` | [`Authentication`](crate::messaging_services::Authentication) | `&[messaging_service_id]` |
//! | `time_zones` | [`TimeZone`](crate::time_zones::TimeZone) (read-only; four from [`start`]) | `&[]` |
//! | `prs_profiles` | [`PrsProfile`](crate::prs_profiles::PrsProfile) (read-only; four from [`start`]) | `&[]` |
//! | `audio_prompts` | [`AudioPrompt`](crate::audio_prompts::AudioPrompt) (read-only; three from [`start`]) | `&[]` |
//! | `reply_templates` | [`ReplyTemplate`](crate::reply_templates::ReplyTemplate) (read-only) | `&[]` |
//! | `attachments` | [`Attachment`](crate::reply_templates::Attachment) (read-only) | `&[reply_template_id]` |
//! | `custom_ivrs` | [`CustomIvr`](crate::custom_ivrs::CustomIvr) (read-only) | `&[]` |
//! | `source_codes` | [`SourceCode`](crate::custom_ivrs::SourceCode) (read-only) | `&[custom_ivr_id]` |
//! | `cp_extensions` | [`CpExtension`](crate::cp_extensions::CpExtension) (read-only) | `&[]` |
//! | `disruption_sets` | [`DisruptionSet`](crate::disruption_sets::DisruptionSet) (read-only) | `&[]` |
//! | `disruption_events` | [`DisruptionEvent`](crate::disruption_sets::DisruptionEvent) | `&[disruption_set_id]` |
//! | `disruption_items` | [`DisruptionItem`](crate::disruption_sets::DisruptionItem) (read-only) | `&[disruption_set_id]` |
//! | `queue_attributes`, `queue_group_attributes`, `custom_ivr_attributes` | [`Attribute`](crate::attributes::Attribute) (all three) | `&[queue_id]`, `&[queue_group_id]`, `&[custom_ivr_id]` |
//!
//! "Read-only" resources have no create in the API: seeding is how a test gives them
//! content. One model type names one resource, so attributes, whose three resources share
//! [`Attribute`](crate::attributes::Attribute), are seeded by name with
//! [`Simulator::seed`]`("queue_attributes", &[queue_id], json)` and read with
//! [`Simulator::with_store`]. Memberships (a user's groups, roles and skills with their
//! levels, a queue group's queues) are links between stored objects, not items: make them
//! through the client (`client.user(&id).skills().add(..)`) once both objects exist.
//!
//! A seeded item is stored as it is: nothing is checked but its `id`, which is generated
//! (32 uppercase hexadecimal characters) when empty and refused when taken.

/// The engine's types a test of this simulator names, so the crate is enough.
pub use sdk_core::sim::{Fault, RecordedRequest, RetryAfter, Simulator};
use std::cmp::Ordering;

use serde_json::{Value, json};

use sdk_core::Method;
use sdk_core::sim::{
    ActionRequest, Api, IdStyle, ListStyle, Reply, ReplyBody, Resource, Simulated, Store,
    UpdateMode,
};

use crate::RciClient;

/// The path the simulator serves the RCI below, as the document's deployments do.
pub const BASE_PATH: &str = "/RI/rci";

/// The description of the RCI for the `sdk-core` simulator.
pub fn api() -> Api {
    use crate::*;
    let families: [fn(Api) -> Api; 15] = [
        users::simulate,
        user_groups::simulate,
        roles::simulate,
        skills::simulate,
        queues::simulate,
        queue_groups::simulate,
        attributes::simulate,
        time_zones::simulate,
        prs_profiles::simulate,
        messaging_services::simulate,
        reply_templates::simulate,
        custom_ivrs::simulate,
        audio_prompts::simulate,
        cp_extensions::simulate,
        disruption_sets::simulate,
    ];
    // A queue's `<addresses>` holds `<address>` elements: one of them is a list of one, as
    // the document's JSON shows it (`{"address": ["100"]}`).
    let api = Api::new("sinch-rci")
        .base_path(BASE_PATH)
        .xml(sdk_core::sim::XmlStyle::new().list_elements(&["address"]));
    families.into_iter().fold(api, |api, add| add(api))
}

/// Starts the simulator on a free loopback port, holding the read-only catalogues a
/// deployment comes with: the document's time zones, presence profiles and built-in audio
/// prompts. The other read-only resources (reply templates, custom IVRs, contact-panel
/// extensions, disruption sets) start empty: [`Simulator::seed`] adds to them.
///
/// # Errors
///
/// A transport error when no port can be bound.
pub async fn start() -> sdk_core::Result<Simulator> {
    let sim = Simulator::start(api()).await?;
    for (id, name) in [
        ("America/New_York", "(UTC-05:00) Eastern Time (US & Canada)"),
        ("Asia/Singapore", "(UTC+08:00) Kuala Lumpur, Singapore"),
        (
            "Europe/Helsinki",
            "(UTC+02:00) Helsinki, Kyiv, Riga, Sofia, Tallinn, Vilnius",
        ),
        ("Europe/London", "(UTC) Dublin, Edinburgh, Lisbon, London"),
    ] {
        sim.seed("time_zones", &[], json!({"id": id, "name": name}))?;
    }
    for (id, name, reason) in [
        ("02770429F80BDF1191AD001CC4D98816", "Default", "NONE"),
        ("04770429F80BDF1191AD001CC4D98816", "Lunch", "NONE"),
        ("12684EA701114105A1D73F532AB80C28", "Vacation", "VACATION"),
        (
            "2EA19675EA7DDF11B644463500000031",
            "Meeting / Deny calls (Def: 1 hour)",
            "MEETING",
        ),
    ] {
        sim.seed(
            "prs_profiles",
            &[],
            json!({"id": id, "name": name, "reason": reason}),
        )?;
    }
    for (id, prompt, loop_type) in [
        ("F0EDAAE15EAB4167A84DD0CC69680A4F", "Welcome", "ALL"),
        ("EFF0CF25BC374F2982225C83BB21B3F3", "InQueue", "RANDOM"),
        ("3A1C8A257DFD4F0781F55FA1BA188F97", "OnHold", "ALL"),
    ] {
        sim.seed(
            "audio_prompts",
            &[],
            json!({
                "id": id,
                "name": format!("{prompt} (Built-In Default Prompt)"),
                "promptType": prompt,
                "sourceType": "QueueBuiltIn",
                "loopType": loop_type,
            }),
        )?;
    }
    Ok(sim)
}

/// A JSON client of `sim`, with no credentials (the simulator checks none).
///
/// Built by [`Simulator::client_builder`]: every request names its catalog operation (see
/// [`Simulator::requests`], [`Fault::operation`](sdk_core::sim::Fault::operation)) and
/// waits poll every few milliseconds.
///
/// # Errors
///
/// Only if the simulator's URL were invalid.
pub fn client(sim: &Simulator) -> sdk_core::Result<RciClient> {
    sim.client_builder::<RciClient>()
        .base_url(sim.api_url())
        .no_auth()
        .build()
}

/// A stored RCI object: 32-hex ids, creates answered with the id as `text/html`, updates
/// replacing the object (204), deletes 204. No list route: see [`searchable`].
pub(crate) fn entity(name: &str, collection: &str) -> Resource {
    Resource::new(name, collection)
        .generate_id(IdStyle::Hex32)
        .create_body(ReplyBody::Id)
        .update(UpdateMode::Replace)
        .update_status(204)
        .update_body(ReplyBody::Empty)
        .delete_status(204)
}

/// The list of a stored resource, filtered, sorted and paged as the RCI does; `hide`
/// names fields a list does not show.
pub(crate) fn searchable(
    api: Api,
    name: &'static str,
    collection: &str,
    style: ListStyle,
    hide: &'static [&'static str],
) -> Api {
    api.action(Method::GET, collection, move |store, req| {
        let params: Vec<&str> = req.params.iter().map(|(_, v)| v.as_str()).collect();
        let items: Vec<Value> = store
            .list(name, &params)
            .into_iter()
            .map(|v| without(v, hide))
            .collect();
        answer_list(req, &style, items)
    })
}

/// Filters (`field=pattern`) and sorts (`sort=`) `items` as the request asks, then pages
/// them in `style`.
fn answer_list(req: &ActionRequest, style: &ListStyle, mut items: Vec<Value>) -> Reply {
    for (field, pattern) in &req.query {
        if matches!(field.as_str(), "offset" | "limit" | "sort") {
            continue;
        }
        items.retain(|item| values_of(item, field).iter().any(|v| wildcard(pattern, v)));
    }
    if let Some(sort) = req.query_value("sort") {
        let keys: Vec<(&str, bool)> = sort
            .split(',')
            .map(str::trim)
            .filter(|k| !k.is_empty() && !k.starts_with("LOCALE-"))
            .map(|k| match k.strip_prefix('-') {
                Some(f) => (f, true),
                None => (k, false),
            })
            .collect();
        items.sort_by(|a, b| {
            keys.iter()
                .map(|(f, desc)| {
                    let (x, y) = (sort_key(a, f), sort_key(b, f));
                    if *desc { y.cmp(&x) } else { x.cmp(&y) }
                })
                .find(|o| *o != Ordering::Equal)
                .unwrap_or(Ordering::Equal)
        });
    }
    req.list_reply(style, &items)
}

fn without(v: &Value, hide: &[&str]) -> Value {
    let mut v = v.clone();
    if let Some(m) = v.as_object_mut() {
        for h in hide {
            m.remove(*h);
        }
    }
    v
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// The values of `field` in `item`: the field itself (a scalar or a list of them), or
/// the same key inside a wrapper object (`address` in `addresses.address`).
fn values_of(item: &Value, field: &str) -> Vec<String> {
    let collect = |v: &Value| match v {
        Value::Array(a) => a.iter().filter_map(scalar).collect(),
        other => scalar(other).into_iter().collect(),
    };
    if let Some(v) = item.get(field) {
        return collect(v);
    }
    item.as_object()
        .into_iter()
        .flat_map(|m| m.values())
        .filter_map(|v| v.get(field))
        .flat_map(collect)
        .collect::<Vec<String>>()
}

fn sort_key(item: &Value, field: &str) -> Option<String> {
    values_of(item, field).first().map(|s| s.to_lowercase())
}

/// `*` matches any run of characters, `?` one; case is ignored.
fn wildcard(pattern: &str, value: &str) -> bool {
    let p: Vec<char> = pattern.to_lowercase().chars().collect();
    let v: Vec<char> = value.to_lowercase().chars().collect();
    let (mut pi, mut vi) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while vi < v.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == v[vi]) {
            pi += 1;
            vi += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some((pi, vi));
            pi += 1;
        } else if let Some((sp, sv)) = star {
            pi = sp + 1;
            vi = sv + 1;
            star = Some((sp, sv + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|c| *c == '*')
}

/// A membership: objects of `target` linked to one object of `owner` below `collection`
/// (`/users/{userId}/userGroups` links user groups to a user). Both sides of a relation
/// share the links.
pub(crate) struct Link {
    collection: &'static str,
    owner: &'static str,
    target: &'static str,
    value: Option<&'static str>,
    paged: bool,
}

impl Link {
    pub(crate) fn new(collection: &'static str, owner: &'static str, target: &'static str) -> Self {
        Link {
            collection,
            owner,
            target,
            value: None,
            paged: false,
        }
    }

    /// The link carries a value of its own (a user's skill level), set by the add and by
    /// a PUT of the item.
    pub(crate) fn with_value(mut self, field: &'static str) -> Self {
        self.value = Some(field);
        self
    }

    /// The list pages with offset/limit.
    pub(crate) fn paged(mut self) -> Self {
        self.paged = true;
        self
    }
}

/// Where the links of a relation are kept: one table per pair of resources, whichever
/// side it is seen from.
fn table(a: &str, b: &str) -> String {
    if a <= b {
        format!("link:{a}:{b}")
    } else {
        format!("link:{b}:{a}")
    }
}

fn link_id(owner: &str, owner_id: &str, target: &str, target_id: &str) -> String {
    if owner <= target {
        format!("{owner_id}|{target_id}")
    } else {
        format!("{target_id}|{owner_id}")
    }
}

fn not_found(what: &str, id: &str) -> Reply {
    Reply::error(404, "NOT_FOUND", format!("{what} `{id}` not found"))
}

/// The linked object as the link shows it: the stored target, with the link's value.
fn linked(store: &Store, l: &LinkSpec, owner_id: &str, target_id: &str) -> Option<Value> {
    let link = store.get(
        &table(l.owner, l.target),
        &[],
        &link_id(l.owner, owner_id, l.target, target_id),
    )?;
    let mut item = store.get(l.target, &[], target_id)?.clone();
    if let (Some(field), Some(m)) = (l.value, item.as_object_mut())
        && let Some(v) = link.get(field)
    {
        m.insert(field.to_owned(), v.clone());
    }
    Some(item)
}

#[derive(Clone, Copy)]
struct LinkSpec {
    owner: &'static str,
    target: &'static str,
    value: Option<&'static str>,
}

/// Adds the routes of a membership: list, add, get, remove, and the PUT of the value when
/// the link has one.
pub(crate) fn link(api: Api, l: Link) -> Api {
    let spec = LinkSpec {
        owner: l.owner,
        target: l.target,
        value: l.value,
    };
    let item = format!("{}/{{linkedId}}", l.collection);
    let style = if l.paged {
        ListStyle::OffsetLimit
    } else {
        ListStyle::BareArray
    };
    let owner_id = |req: &ActionRequest| {
        req.params
            .first()
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let target_id = |req: &ActionRequest| {
        req.params
            .get(1)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let api = api
        .action(Method::GET, l.collection, move |store, req| {
            let owner = owner_id(req);
            if store.get(spec.owner, &[], &owner).is_none() {
                return not_found(spec.owner, &owner);
            }
            let t = table(spec.owner, spec.target);
            let ids: Vec<String> = store
                .list(&t, &[])
                .into_iter()
                .filter(|rec| rec.get(spec.owner).and_then(Value::as_str) == Some(&owner))
                .filter_map(|rec| {
                    rec.get(spec.target)
                        .and_then(Value::as_str)
                        .map(str::to_owned)
                })
                .collect();
            let items = ids
                .iter()
                .filter_map(|id| linked(store, &spec, &owner, id))
                .collect();
            answer_list(req, &style, items)
        })
        .action(Method::POST, l.collection, move |store, req| {
            let owner = owner_id(req);
            if store.get(spec.owner, &[], &owner).is_none() {
                return not_found(spec.owner, &owner);
            }
            let Some(target) = req
                .body
                .get("id")
                .and_then(Value::as_str)
                .map(str::to_owned)
            else {
                return Reply::error(400, "VALIDATION_ERROR", "missing required field `id`");
            };
            if store.get(spec.target, &[], &target).is_none() {
                return not_found(spec.target, &target);
            }
            let mut rec = json!({ spec.owner: owner, spec.target: target });
            if let Some(field) = spec.value {
                match req.body.get(field) {
                    Some(v) if !v.is_null() => rec[field] = v.clone(),
                    _ => {
                        return Reply::error(
                            400,
                            "VALIDATION_ERROR",
                            format!("missing required field `{field}`"),
                        );
                    }
                }
            }
            let id = link_id(spec.owner, &owner, spec.target, &target);
            store.insert(&table(spec.owner, spec.target), &[], &id, rec);
            Reply::text(201, "text/html; charset=utf-8", target)
        })
        .action(Method::GET, item.clone(), move |store, req| {
            let (owner, target) = (owner_id(req), target_id(req));
            match linked(store, &spec, &owner, &target) {
                Some(v) => Reply::json(200, &v),
                None => not_found(spec.target, &target),
            }
        })
        .action(Method::DELETE, item.clone(), move |store, req| {
            let (owner, target) = (owner_id(req), target_id(req));
            let id = link_id(spec.owner, &owner, spec.target, &target);
            match store.remove(&table(spec.owner, spec.target), &[], &id) {
                Some(_) => Reply::empty(204),
                None => not_found(spec.target, &target),
            }
        });
    match spec.value {
        None => api,
        Some(field) => api.action(Method::PUT, item, move |store, req| {
            let (owner, target) = (owner_id(req), target_id(req));
            let id = link_id(spec.owner, &owner, spec.target, &target);
            let Some(v) = req.body.get(field).filter(|v| !v.is_null()).cloned() else {
                return Reply::error(
                    400,
                    "VALIDATION_ERROR",
                    format!("missing required field `{field}`"),
                );
            };
            match store.get_mut(&table(spec.owner, spec.target), &[], &id) {
                Some(rec) => {
                    rec[field] = v;
                    Reply::empty(204)
                }
                None => not_found(spec.target, &target),
            }
        }),
    }
}

impl Simulated for crate::users::User {
    const RESOURCE: &'static str = "users";
}

impl Simulated for crate::users::Certificate {
    const RESOURCE: &'static str = "certificates";
}

impl Simulated for crate::user_groups::UserGroup {
    const RESOURCE: &'static str = "user_groups";
}

impl Simulated for crate::roles::Role {
    const RESOURCE: &'static str = "roles";
}

impl Simulated for crate::skills::Skill {
    const RESOURCE: &'static str = "skills";
}

impl Simulated for crate::queues::Queue {
    const RESOURCE: &'static str = "queues";
}

impl Simulated for crate::queues::Extension {
    const RESOURCE: &'static str = "extensions";
}

impl Simulated for crate::queue_groups::QueueGroup {
    const RESOURCE: &'static str = "queue_groups";
}

impl Simulated for crate::messaging_services::MessagingService {
    const RESOURCE: &'static str = "messaging_services";
}

impl Simulated for crate::messaging_services::Authentication {
    const RESOURCE: &'static str = "authentications";
}

impl Simulated for crate::time_zones::TimeZone {
    const RESOURCE: &'static str = "time_zones";
}

impl Simulated for crate::prs_profiles::PrsProfile {
    const RESOURCE: &'static str = "prs_profiles";
}

impl Simulated for crate::audio_prompts::AudioPrompt {
    const RESOURCE: &'static str = "audio_prompts";
}

impl Simulated for crate::reply_templates::ReplyTemplate {
    const RESOURCE: &'static str = "reply_templates";
}

impl Simulated for crate::reply_templates::Attachment {
    const RESOURCE: &'static str = "attachments";
}

impl Simulated for crate::custom_ivrs::CustomIvr {
    const RESOURCE: &'static str = "custom_ivrs";
}

impl Simulated for crate::custom_ivrs::SourceCode {
    const RESOURCE: &'static str = "source_codes";
}

impl Simulated for crate::cp_extensions::CpExtension {
    const RESOURCE: &'static str = "cp_extensions";
}

impl Simulated for crate::disruption_sets::DisruptionSet {
    const RESOURCE: &'static str = "disruption_sets";
}

impl Simulated for crate::disruption_sets::DisruptionEvent {
    const RESOURCE: &'static str = "disruption_events";
}

impl Simulated for crate::disruption_sets::DisruptionItem {
    const RESOURCE: &'static str = "disruption_items";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards() {
        for (p, v, ok) in [
            ("Sales*", "Sales chat", true),
            ("sales*", "Sales", true),
            ("*chat", "Sales chat", true),
            ("S?les", "Sales", true),
            ("S?les", "Saales", false),
            ("10?", "100", true),
            ("10?", "1000", false),
            ("*", "", true),
            ("a*b*c", "axxbyyc", true),
            ("a*b*c", "axxbyy", false),
        ] {
            assert_eq!(wildcard(p, v), ok, "{p} {v}");
        }
    }

    #[test]
    fn wrapped_values_are_searchable() {
        let q = json!({"name": "Sales", "addresses": {"address": ["100", "101"]}});
        assert_eq!(values_of(&q, "address"), ["100", "101"]);
        assert_eq!(values_of(&q, "name"), ["Sales"]);
        assert!(values_of(&q, "email").is_empty());
    }
}
