//! Disruption sets (`/disruptionSets`), read-only, with their items (the reasons, places
//! and times a disruption is made of) and their events (disruptions in progress or planned:
//! the one writable part).
//!
//! An event's items travel JAXB-wrapped (`"items": {"item": [..]}`), as an item's
//! attributes do (`"attributes": {"attribute": [..]}`); the model holds plain `Vec`s.
//! Timestamps are ISO-8601 UTC strings (`2021-03-29T12:01:00.000Z`), kept as written.

use serde::{Deserialize, Serialize};

use sdk_core::model::{UnknownFields, check_required};
use sdk_core::{Error, Method, Result};

use crate::common::{WithId, list_all, post_for_id, search_query, wrapped_list};

const SETS: &str = "/disruptionSets";
const SET: &str = "/disruptionSets/{disruptionSetId}";
const EVENTS: &str = "/disruptionSets/{disruptionSetId}/events";
const EVENT: &str = "/disruptionSets/{disruptionSetId}/events/{eventId}";
const ITEMS: &str = "/disruptionSets/{disruptionSetId}/items";
const ITEM: &str = "/disruptionSets/{disruptionSetId}/items/{itemId}";

sdk_core::id_type! {
    /// The id of a disruption set: 32 hexadecimal characters in either case (see [ids](crate#ids)).
    pub struct DisruptionSetId;
}

sdk_core::id_type! {
    /// The id of a disruption event: 32 hexadecimal characters in either case (see [ids](crate#ids)).
    pub struct DisruptionEventId;
}

sdk_core::id_type! {
    /// The id of a disruption item: 32 hexadecimal characters in either case (see [ids](crate#ids)).
    pub struct DisruptionItemId;
}

sdk_core::string_enum! {
    /// What a disruption item describes (`type`).
    pub enum DisruptionItemType {
        /// The reason.
        Why = "WHY",
        /// The place.
        Where = "WHERE",
        /// The time.
        When = "WHEN",
    }
}

sdk_core::string_enum! {
    /// How a disruption item is spoken (`attributes[].name`).
    pub enum SayAs {
        /// The value to say.
        SayAsValue = "SayAsValue",
        /// Its data type (`digits`).
        SayAsDatatype = "SayAsDatatype",
        /// Its grammatical gender.
        SayAsGender = "SayAsGender",
        /// Its declension.
        SayAsDeclension = "SayAsDeclension",
    }
}

wrapped_list! {
    /// `"items": {"item": [..]}`.
    pub(crate) mod items = "item"
}

wrapped_list! {
    /// `"attributes": {"attribute": [..]}`.
    pub(crate) mod attributes = "attribute"
}

/// A disruption set (every field but the id may be absent from a list).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DisruptionSet {
    /// The id.
    pub id: DisruptionSetId,
    /// The name (`electricity`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// An id in an external system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// Fields the SDK does not name, kept as the server sent them (written back when this
    /// value is serialised).
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

sdk_core::listed!(DisruptionSet);

search_query! {
    /// The search and sort of [`DisruptionSets::list`]. Default order: name.
    sortable DisruptionSetQuery {
        name => "name",
        external_id => "externalId",
    }
}

sdk_core::scope_type! {
    /// Disruption sets: `/disruptionSets`.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// let set = client.disruption_sets().get("14E14D7338C44EA5904A1E18180186FF").await?;
    /// println!("{:?} {:?}", set.name, set.external_id);
    /// # Ok(()) }
    /// ```
    DisruptionSets
}

impl DisruptionSets<'_> {
    /// Lists disruption sets, `limit` (100 by default) per request.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// use sinch_rci::disruption_sets::DisruptionSetQuery;
    ///
    /// let sets = client.disruption_sets().list(&DisruptionSetQuery::new()).collect_all().await?;
    /// for set in sets {
    ///     println!("{} {:?}", set.id, set.name);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self, query: &DisruptionSetQuery) -> sdk_core::Paginator<DisruptionSet> {
        let spec = self
            .0
            .spec(Method::GET, "rci.disruption_sets.list", SETS, &[]);
        self.0.paginator(query.apply(spec))
    }

    /// Reads a disruption set.
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) for an unknown id.
    pub async fn get(&self, disruption_set_id: impl AsRef<str>) -> Result<DisruptionSet> {
        let spec = self.0.spec(
            Method::GET,
            "rci.disruption_sets.get",
            SET,
            &[disruption_set_id.as_ref()],
        );
        self.0.execute(spec).await
    }
}

sdk_core::scope_type! {
    /// One disruption set: `/disruptionSets/{disruptionSetId}`, for its events and items.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// use sinch_rci::disruption_sets::EventQuery;
    ///
    /// let set = client.disruption_set("14E14D7338C44EA5904A1E18180186FF");
    /// let active = set.events().list(&EventQuery::new().active(true)).await?;
    /// println!("{} active events", active.len());
    /// # Ok(()) }
    /// ```
    DisruptionSetScope
}

impl<'a> DisruptionSetScope<'a> {
    /// The set's events: `/events`.
    pub fn events(&self) -> DisruptionEvents<'a> {
        DisruptionEvents(self.0.clone())
    }

    /// The set's items: `/items`.
    pub fn items(&self) -> DisruptionItems<'a> {
        DisruptionItems(self.0.clone())
    }
}

/// An item of an event: a reference to one of the set's items, by id, or by external id
/// and type (the document's examples name items by external id and type; its schema marks
/// all three required). Answers carry all three. What a reference must hold beyond a
/// non-empty id or external id is the service's rule.
///
/// ```
/// use sinch_rci::disruption_sets::{DisruptionItemType, EventItem};
///
/// let by_id = EventItem::by_id("4207972208924A96816382C5E1BFD686");
/// let by_external_id = EventItem::by_external_id("05", DisruptionItemType::Why);
/// # let _ = (by_id, by_external_id);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct EventItem {
    /// The item's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<DisruptionItemId>,
    /// The item's external id (the schema spells it `externalid`; the examples, and the
    /// wire, `externalId`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// The item's type.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub item_type: Option<DisruptionItemType>,
    /// Fields the SDK does not name, kept as the server sent them (sent back by an update
    /// built from the value holding this one).
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

impl EventItem {
    /// The set's item `id`.
    pub fn by_id(id: impl Into<DisruptionItemId>) -> Self {
        EventItem {
            id: Some(id.into()),
            external_id: None,
            item_type: None,
            unknown_fields: UnknownFields::default(),
        }
    }

    /// The set's item of this external id and type.
    pub fn by_external_id(external_id: impl Into<String>, item_type: DisruptionItemType) -> Self {
        EventItem {
            id: None,
            external_id: Some(external_id.into()),
            item_type: Some(item_type),
            unknown_fields: UnknownFields::default(),
        }
    }

    /// A reference names an item: a non-empty id, or else a non-empty external id.
    fn check(&self, i: usize) -> Result<()> {
        match (&self.id, &self.external_id) {
            (Some(id), _) => check_required(&format!("items[{i}].id"), id.as_str()),
            (None, Some(ext)) => check_required(&format!("items[{i}].externalId"), ext),
            (None, None) => Err(Error::invalid_input(
                format!("items[{i}]"),
                "an item reference needs its id or its externalId",
            )),
        }
    }
}

sdk_core::setters!(EventItem {
    /// Sets the item's id.
    id: DisruptionItemId,
    /// Sets the item's external id.
    external_id: String,
    /// Sets the item's type.
    item_type: DisruptionItemType,
});

/// A disruption event (every field but the id may be absent from a list).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DisruptionEvent {
    /// The id.
    pub id: DisruptionEventId,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remarks: Option<String>,
    /// From when the disruption is active.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active_from: Option<String>,
    /// Until when it is active.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active_to: Option<String>,
    /// When it was last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified: Option<String>,
    /// When it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    /// What it is made of.
    #[serde(default, skip_serializing_if = "Vec::is_empty", with = "items")]
    pub items: Vec<EventItem>,
    /// Fields the SDK does not name, kept as the server sent them (sent back by an update
    /// built from this value).
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

/// The body of [`DisruptionEvents::create`] and [`DisruptionEvents::update`] (an update
/// replaces the event).
///
/// ```
/// use sinch_rci::disruption_sets::{DisruptionEventRequest, DisruptionItemType, EventItem};
///
/// let outage = DisruptionEventRequest::new()
///     .item(EventItem::by_external_id("05", DisruptionItemType::Why))
///     .item(EventItem::by_external_id("00100", DisruptionItemType::Where))
///     .active_from("2021-03-29T12:01:00.000Z")
///     .active_to("2021-04-29T12:01:00.000Z");
/// # let _ = outage;
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DisruptionEventRequest {
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remarks: Option<String>,
    /// From when the disruption is active (ISO-8601 UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active_from: Option<String>,
    /// Until when it is active (ISO-8601 UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active_to: Option<String>,
    /// What it is made of (required, at least one).
    #[serde(default, skip_serializing_if = "Vec::is_empty", with = "items")]
    pub items: Vec<EventItem>,
    /// Fields the SDK does not name, carried over from the model this request was built
    /// from (`from_event`) so that the update keeps them; empty otherwise.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

impl DisruptionEventRequest {
    /// An event with no item yet (add at least one).
    pub fn new() -> Self {
        Self::default()
    }

    /// The request that recreates `event` as it is (its remarks, times and items), the
    /// fields the SDK does not name included, its items' own, to change a field and
    /// [`update`](DisruptionEvents::update) (an update replaces the event). The fields the
    /// server keeps (`modified`, `created`) are not sent.
    ///
    /// ```
    /// use sinch_rci::disruption_sets::{DisruptionEvent, DisruptionEventRequest};
    ///
    /// let event: DisruptionEvent = serde_json::from_str(
    ///     r#"{"id": "C21269BEA18B4146A219202DD8966FFA", "remarks": "Outage",
    ///         "modified": "2020-12-29T12:01:00.000Z", "severity": "high",
    ///         "items": {"item": [{"id": "4207972208924A96816382C5E1BFD686", "externalId": "05",
    ///                             "type": "WHY", "weight": 2}]}}"#,
    /// )?;
    /// let change = DisruptionEventRequest::from_event(&event).active_to("2021-05-29T12:01:00.000Z");
    /// assert_eq!(change.unknown_fields.get("severity"), Some(&serde_json::json!("high")));
    /// assert_eq!(change.items[0].unknown_fields.get("weight"), Some(&serde_json::json!(2)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_event(event: &DisruptionEvent) -> Self {
        DisruptionEventRequest {
            remarks: event.remarks.clone(),
            active_from: event.active_from.clone(),
            active_to: event.active_to.clone(),
            items: event.items.clone(),
            unknown_fields: event.unknown_fields.clone(),
        }
    }

    /// Adds an item.
    pub fn item(mut self, item: EventItem) -> Self {
        self.items.push(item);
        self
    }

    fn check(&self) -> Result<()> {
        if self.items.is_empty() {
            return Err(Error::invalid_input(
                "items",
                "at least one item is required",
            ));
        }
        self.items
            .iter()
            .enumerate()
            .try_for_each(|(i, item)| item.check(i))
    }
}

sdk_core::setters!(DisruptionEventRequest {
    /// Sets the remarks.
    remarks: String,
    /// Sets from when the disruption is active (ISO-8601 UTC).
    active_from: String,
    /// Sets until when it is active (ISO-8601 UTC).
    active_to: String,
});

/// The filters of [`DisruptionEvents::list`]: whether an event is active, and time ranges
/// (`X` = at or after, `XEnd` = at or before, ISO-8601 UTC) on its activity, creation and
/// last change. The list has no paging, no sort and no wildcards.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventQuery {
    filters: Vec<(&'static str, String)>,
}

macro_rules! event_filters {
    ($( $(#[$m:meta])* $method:ident => $wire:literal ),* $(,)?) => {
        impl EventQuery {
            $(
                $(#[$m])*
                pub fn $method(mut self, timestamp: impl Into<String>) -> Self {
                    self.set($wire, timestamp.into());
                    self
                }
            )*
        }
    };
}

impl EventQuery {
    /// No filter: every event of the set.
    pub fn new() -> Self {
        Self::default()
    }

    fn set(&mut self, field: &'static str, value: String) {
        self.filters.retain(|(f, _)| *f != field);
        self.filters.push((field, value));
    }

    /// Only events that are (`true`) or are not (`false`) active.
    pub fn active(mut self, yes: bool) -> Self {
        self.set("active", yes.to_string());
        self
    }

    fn apply(&self, mut spec: sdk_core::RequestSpec) -> sdk_core::RequestSpec {
        for (field, value) in &self.filters {
            spec = spec.query_param(*field, value);
        }
        spec
    }
}

event_filters! {
    /// Active from this time or later (`activeFrom`).
    active_from => "activeFrom",
    /// Active from this time or earlier (`activeFromEnd`).
    active_from_end => "activeFromEnd",
    /// Active until this time or later (`activeTo`).
    active_to => "activeTo",
    /// Active until this time or earlier (`activeToEnd`).
    active_to_end => "activeToEnd",
    /// Created at this time or later (`created`).
    created => "created",
    /// Created at this time or earlier (`createdEnd`).
    created_end => "createdEnd",
    /// Changed at this time or later (`modified`).
    modified => "modified",
    /// Changed at this time or earlier (`modifiedEnd`).
    modified_end => "modifiedEnd",
}

sdk_core::scope_type! {
    /// The events of a disruption set: `/disruptionSets/{disruptionSetId}/events`.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// use sinch_rci::disruption_sets::{DisruptionEventRequest, EventItem};
    ///
    /// let events = client.disruption_set("14E14D7338C44EA5904A1E18180186FF").events();
    /// let outage = DisruptionEventRequest::new()
    ///     .remarks("Outage")
    ///     .item(EventItem::by_id("145D6121895A491DB60F03AE610248E7"));
    /// let id = events.create(&outage).await?;
    /// println!("created {id}");
    /// # Ok(()) }
    /// ```
    DisruptionEvents
}

impl DisruptionEvents<'_> {
    /// The set's events (the whole list: not paged), filtered by `query`.
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn list(&self, query: &EventQuery) -> Result<Vec<DisruptionEvent>> {
        let spec = self
            .0
            .spec(Method::GET, "rci.disruption_sets.events.list", EVENTS, &[]);
        list_all(&self.0, query.apply(spec)).await
    }

    /// Creates an event and returns its id.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) for an event without
    /// items, or an item that names nothing (neither an id nor an external id, or an empty
    /// one), before anything is sent; the server's answer otherwise.
    pub async fn create(&self, event: &DisruptionEventRequest) -> Result<DisruptionEventId> {
        let spec = self
            .0
            .spec(
                Method::POST,
                "rci.disruption_sets.events.create",
                EVENTS,
                &[],
            )
            .validate(|| event.check());
        post_for_id(&self.0, spec, "event", event).await
    }

    /// Reads an event.
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) for an unknown id.
    pub async fn get(&self, event_id: impl AsRef<str>) -> Result<DisruptionEvent> {
        let spec = self.0.spec(
            Method::GET,
            "rci.disruption_sets.events.get",
            EVENT,
            &[event_id.as_ref()],
        );
        self.0.execute(spec).await
    }

    /// Replaces an event (the body carries the id as well).
    ///
    /// # Errors
    ///
    /// As [`create`](Self::create).
    pub async fn update(
        &self,
        event_id: impl AsRef<str>,
        event: &DisruptionEventRequest,
    ) -> Result<()> {
        let id = event_id.as_ref();
        let spec = self
            .0
            .spec(
                Method::PUT,
                "rci.disruption_sets.events.update",
                EVENT,
                &[id],
            )
            .validate(|| event.check());
        self.0
            .send(self.0.body(spec, "event", &WithId { id, body: event }))
            .await
    }

    /// Deletes an event.
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn delete(&self, event_id: impl AsRef<str>) -> Result<()> {
        let spec = self.0.spec(
            Method::DELETE,
            "rci.disruption_sets.events.delete",
            EVENT,
            &[event_id.as_ref()],
        );
        self.0.send(spec).await
    }
}

/// How a disruption item is spoken: one attribute in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SayAsAttribute {
    /// What the attribute sets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<SayAs>,
    /// The language (`EN`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The value (`digits`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// Fields the SDK does not name, kept as the server sent them (written back when this
    /// value is serialised).
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

/// An item of a disruption set: a reason, a place or a time (every field but the id may
/// be absent from a list).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DisruptionItem {
    /// The id.
    pub id: DisruptionItemId,
    /// An id in an external system (`1.00.100`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Reason, place or time.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub item_type: Option<DisruptionItemType>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The prompt played for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt_id: Option<String>,
    /// The prompt's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt_name: Option<String>,
    /// The prompt's external id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt_external_id: Option<String>,
    /// How it is spoken (JAXB-wrapped on the wire).
    #[serde(default, skip_serializing_if = "Vec::is_empty", with = "attributes")]
    pub attributes: Vec<SayAsAttribute>,
    /// Fields the SDK does not name, kept as the server sent them (written back when this
    /// value is serialised).
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

search_query! {
    /// The search of [`DisruptionItems::list`] (no sort, no paging).
    DisruptionItemQuery {
        external_id => "externalId",
        name => "name",
        item_type => "type",
        description => "description",
        prompt_id => "promptId",
        prompt_name => "promptName",
        prompt_external_id => "promptExternalId",
    }
}

sdk_core::scope_type! {
    /// The items of a disruption set: `/disruptionSets/{disruptionSetId}/items`.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// use sinch_rci::disruption_sets::DisruptionItemQuery;
    ///
    /// let items = client.disruption_set("14E14D7338C44EA5904A1E18180186FF").items();
    /// for item in items.list(&DisruptionItemQuery::new()).await? {
    ///     println!("{} {:?} {:?}", item.id, item.item_type, item.name);
    /// }
    /// # Ok(()) }
    /// ```
    DisruptionItems
}

impl DisruptionItems<'_> {
    /// The set's items (the whole list: not paged), filtered by `query`.
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn list(&self, query: &DisruptionItemQuery) -> Result<Vec<DisruptionItem>> {
        let spec = self
            .0
            .spec(Method::GET, "rci.disruption_sets.items.list", ITEMS, &[]);
        list_all(&self.0, query.apply(spec)).await
    }

    /// Reads an item.
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) for an unknown id.
    pub async fn get(&self, item_id: impl AsRef<str>) -> Result<DisruptionItem> {
        let spec = self.0.spec(
            Method::GET,
            "rci.disruption_sets.items.get",
            ITEM,
            &[item_id.as_ref()],
        );
        self.0.execute(spec).await
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use crate::sim::{entity, searchable};
    use sdk_core::sim::ListStyle;
    let api = api
        .resource(entity("disruption_sets", SETS).read_only())
        .resource(entity("disruption_events", EVENTS).required(&["items"]))
        .resource(entity("disruption_items", ITEMS).read_only());
    let api = searchable(api, "disruption_sets", SETS, ListStyle::OffsetLimit, &[]);
    // Events are listed unfiltered: their time-range filters are not patterns.
    let api = api.action(Method::GET, EVENTS, |store, req| {
        let set = req.param("disruptionSetId").unwrap_or_default();
        let items: Vec<serde_json::Value> = store
            .list("disruption_events", &[set])
            .into_iter()
            .cloned()
            .collect();
        req.list_reply(&ListStyle::BareArray, &items)
    });
    searchable(api, "disruption_items", ITEMS, ListStyle::BareArray, &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_items_name_an_item() {
        assert_eq!(
            DisruptionEventRequest::new().check().unwrap_err().field(),
            Some("items")
        );
        let ok = DisruptionEventRequest::new()
            .item(EventItem::by_id("4207972208924A96816382C5E1BFD686"))
            .item(EventItem::by_external_id("05", DisruptionItemType::Why));
        assert!(ok.check().is_ok());
        // An external id without a type is the service's to judge: sent as given.
        let untyped = EventItem {
            id: None,
            external_id: Some("05".into()),
            item_type: None,
            unknown_fields: UnknownFields::default(),
        };
        let event = DisruptionEventRequest::new().item(untyped);
        assert!(event.check().is_ok());
        assert_eq!(
            serde_json::to_value(&event).unwrap(),
            serde_json::json!({"items": {"item": [{"externalId": "05"}]}})
        );
        let nothing = EventItem {
            id: None,
            external_id: None,
            item_type: Some(DisruptionItemType::Why),
            unknown_fields: UnknownFields::default(),
        };
        assert_eq!(
            DisruptionEventRequest::new()
                .item(nothing)
                .check()
                .unwrap_err()
                .field(),
            Some("items[0]")
        );
        let blank = EventItem::by_external_id(" ", DisruptionItemType::Why);
        assert_eq!(
            DisruptionEventRequest::new()
                .item(blank)
                .check()
                .unwrap_err()
                .field(),
            Some("items[0].externalId")
        );
    }

    #[test]
    fn events_round_trip_with_their_wrapped_items() {
        let body = serde_json::json!({
            "id": "C21269BEA18B4146A219202DD8966FFA",
            "modified": "2020-12-29T12:01:00.000Z",
            "items": {"item": [{"id": "4207972208924A96816382C5E1BFD686", "externalId": "05", "type": "WHY"}]}
        });
        let e: DisruptionEvent = serde_json::from_value(body.clone()).unwrap();
        assert_eq!(e.items[0].item_type, Some(DisruptionItemType::Why));
        assert_eq!(serde_json::to_value(&e).unwrap(), body);
    }
}
