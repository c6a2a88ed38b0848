//! Attributes: localised name/value pairs of queues
//! (`/queues/{queueId}/attributes`), queue groups
//! (`/queueGroups/{queueGroupId}/attributes`) and custom IVRs
//! (`/customIvrs/{customIvrId}/attributes`).
//!
//! The document offers only list and create: there is no get, update or delete, and an
//! attribute has no id of its own, although a create answers one.

use serde::{Deserialize, Serialize};

use sdk_core::model::{UnknownFields, check_required};
use sdk_core::{Method, Result};

use crate::common::{list_all, post_for_id, search_query};

sdk_core::id_type! {
    /// What a create of an attribute answers (the document says "the created id"; no
    /// operation takes it).
    pub struct AttributeId;
}

/// An attribute: a named value in one language (`Name` = `Myynti` in `FI`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Attribute {
    /// The attribute's name (`Name`). Every answer carries it: one without it is not an
    /// attribute, and a decode error.
    pub name: String,
    /// The language of the value (`EN`). The document's schema spells it `langauge`; its
    /// examples, and the wire, `language`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The value (`Sales`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// Fields the SDK does not name, kept as the server sent them (written back when this
    /// value is serialised).
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

/// The body of the attribute creates ([`QueueAttributes::create`],
/// [`QueueGroupAttributes::create`], [`CustomIvrAttributes::create`]).
///
/// ```
/// use sinch_rci::attributes::NewAttribute;
///
/// let finnish_name = NewAttribute::new("Name", "FI", "Myynti");
/// # let _ = finnish_name;
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct NewAttribute {
    /// The attribute's name (required).
    pub name: String,
    /// The language of the value (required).
    pub language: String,
    /// The value (required).
    pub value: String,
}

impl NewAttribute {
    /// Attribute `name` with `value` in `language`.
    pub fn new(
        name: impl Into<String>,
        language: impl Into<String>,
        value: impl Into<String>,
    ) -> Self {
        NewAttribute {
            name: name.into(),
            language: language.into(),
            value: value.into(),
        }
    }

    fn check(&self) -> Result<()> {
        check_required("name", &self.name)?;
        check_required("language", &self.language)?;
        check_required("value", &self.value)
    }
}

search_query! {
    /// The search of an attribute list (no sort, no paging).
    AttributeQuery {
        name => "name",
        language => "language",
    }
}

const QUEUE_ATTRIBUTES: &str = "/queues/{queueId}/attributes";
const QUEUE_GROUP_ATTRIBUTES: &str = "/queueGroups/{queueGroupId}/attributes";
const CUSTOM_IVR_ATTRIBUTES: &str = "/customIvrs/{customIvrId}/attributes";

sdk_core::scope_type! {
    /// The attributes of a queue: `/queues/{queueId}/attributes`.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// use sinch_rci::attributes::NewAttribute;
    ///
    /// let attributes = client.queue("B8F0CA9CFC0411D3A2230050DA29E0F4").attributes();
    /// attributes.create(&NewAttribute::new("greeting", "FI", "Tervetuloa")).await?;
    /// # Ok(()) }
    /// ```
    QueueAttributes
}

impl QueueAttributes<'_> {
    /// The queue's attributes (the whole list: not paged), filtered by `query`.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// use sinch_rci::attributes::AttributeQuery;
    ///
    /// let finnish = client
    ///     .queue("B8F0CA9CFC0411D3A2230050DA29E0F4")
    ///     .attributes()
    ///     .list(&AttributeQuery::new().language("FI"))
    ///     .await?;
    /// # let _ = finnish;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn list(&self, query: &AttributeQuery) -> Result<Vec<Attribute>> {
        let spec = self.0.spec(
            Method::GET,
            "rci.queues.attributes.list",
            QUEUE_ATTRIBUTES,
            &[],
        );
        list_all(&self.0, query.apply(spec)).await
    }

    /// Adds an attribute to the queue.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) for an empty name,
    /// language or value, before anything is sent.
    pub async fn create(&self, attribute: &NewAttribute) -> Result<AttributeId> {
        let spec = self
            .0
            .spec(
                Method::POST,
                "rci.queues.attributes.create",
                QUEUE_ATTRIBUTES,
                &[],
            )
            .validate(|| attribute.check());
        post_for_id(&self.0, spec, "attribute", attribute).await
    }
}

sdk_core::scope_type! {
    /// The attributes of a queue group: `/queueGroups/{queueGroupId}/attributes`.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// use sinch_rci::attributes::AttributeQuery;
    ///
    /// let attributes = client.queue_group("2CADB6A137124F13BC68938E2B5FEFC1").attributes();
    /// for attribute in attributes.list(&AttributeQuery::new().language("EN")).await? {
    ///     println!("{} = {:?}", attribute.name, attribute.value);
    /// }
    /// # Ok(()) }
    /// ```
    QueueGroupAttributes
}

impl QueueGroupAttributes<'_> {
    /// The queue group's attributes (the whole list: not paged), filtered by `query`.
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn list(&self, query: &AttributeQuery) -> Result<Vec<Attribute>> {
        let spec = self.0.spec(
            Method::GET,
            "rci.queue_groups.attributes.list",
            QUEUE_GROUP_ATTRIBUTES,
            &[],
        );
        list_all(&self.0, query.apply(spec)).await
    }

    /// Adds an attribute to the queue group.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) for an empty name,
    /// language or value, before anything is sent.
    pub async fn create(&self, attribute: &NewAttribute) -> Result<AttributeId> {
        let spec = self
            .0
            .spec(
                Method::POST,
                "rci.queue_groups.attributes.create",
                QUEUE_GROUP_ATTRIBUTES,
                &[],
            )
            .validate(|| attribute.check());
        post_for_id(&self.0, spec, "attribute", attribute).await
    }
}

sdk_core::scope_type! {
    /// The attributes of a custom IVR: `/customIvrs/{customIvrId}/attributes` (the one
    /// thing of an IVR that can be written).
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// use sinch_rci::attributes::AttributeQuery;
    ///
    /// let attributes = client.custom_ivr("A5AF21AB416849BBA6FDBE92E5C15B69").attributes();
    /// for attribute in attributes.list(&AttributeQuery::new()).await? {
    ///     println!("{} {:?} = {:?}", attribute.name, attribute.language, attribute.value);
    /// }
    /// # Ok(()) }
    /// ```
    CustomIvrAttributes
}

impl CustomIvrAttributes<'_> {
    /// The custom IVR's attributes (the whole list: not paged), filtered by `query`.
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn list(&self, query: &AttributeQuery) -> Result<Vec<Attribute>> {
        let spec = self.0.spec(
            Method::GET,
            "rci.custom_ivrs.attributes.list",
            CUSTOM_IVR_ATTRIBUTES,
            &[],
        );
        list_all(&self.0, query.apply(spec)).await
    }

    /// Adds an attribute to the custom IVR.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) for an empty name,
    /// language or value, before anything is sent.
    pub async fn create(&self, attribute: &NewAttribute) -> Result<AttributeId> {
        let spec = self
            .0
            .spec(
                Method::POST,
                "rci.custom_ivrs.attributes.create",
                CUSTOM_IVR_ATTRIBUTES,
                &[],
            )
            .validate(|| attribute.check());
        post_for_id(&self.0, spec, "attribute", attribute).await
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use crate::sim::{entity, searchable};
    use sdk_core::sim::ListStyle;
    [
        ("queue_attributes", QUEUE_ATTRIBUTES),
        ("queue_group_attributes", QUEUE_GROUP_ATTRIBUTES),
        ("custom_ivr_attributes", CUSTOM_IVR_ATTRIBUTES),
    ]
    .into_iter()
    .fold(api, |api, (name, template)| {
        let api = api.resource(entity(name, template).required(&["name", "language", "value"]));
        // Attributes have no id: the list does not show the one the create made up.
        searchable(api, name, template, ListStyle::BareArray, &["id"])
    })
}
