//! Attributes: localised name/value pairs of queues
//! (`/queues/{queueId}/attributes`), queue groups
//! (`/queueGroups/{queueGroupId}/attributes`) and custom IVRs
//! (`/customIvrs/{customIvrId}/attributes`).
//!
//! The document offers only list and create: there is no get, update or delete, and an
//! attribute has no id of its own, although a create answers one.

use serde::{Deserialize, Serialize};

use sdk_core::model::check_required;
use sdk_core::{Method, RequestOptions, Result};

use crate::common::{Scope, search_query};

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
    /// The attribute's name (`Name`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The language of the value (`EN`). The document's schema spells it `langauge`; its
    /// examples, and the wire, `language`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The value (`Sales`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// The body of [`Attributes::create`].
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

/// What the attributes belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Owner {
    Queue,
    QueueGroup,
    CustomIvr,
}

impl Owner {
    fn template(self) -> &'static str {
        match self {
            Owner::Queue => "/queues/{queueId}/attributes",
            Owner::QueueGroup => "/queueGroups/{queueGroupId}/attributes",
            Owner::CustomIvr => "/customIvrs/{customIvrId}/attributes",
        }
    }

    fn ops(self) -> (&'static str, &'static str) {
        match self {
            Owner::Queue => ("rci.queues.attributes.list", "rci.queues.attributes.create"),
            Owner::QueueGroup => (
                "rci.queue_groups.attributes.list",
                "rci.queue_groups.attributes.create",
            ),
            Owner::CustomIvr => (
                "rci.custom_ivrs.attributes.list",
                "rci.custom_ivrs.attributes.create",
            ),
        }
    }
}

/// The attributes of a queue, a queue group or a custom IVR.
#[derive(Debug, Clone)]
pub struct Attributes<'a> {
    scope: Scope<'a>,
    owner: Owner,
}

impl<'a> Attributes<'a> {
    pub(crate) fn new(scope: Scope<'a>, owner: Owner) -> Self {
        Attributes { scope, owner }
    }

    /// Per-call options (timeout, retries, headers) for the calls made through this
    /// scope.
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.scope.set_options(options);
        self
    }

    /// The attributes (the whole list: not paged), filtered by `query`.
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
        let spec = self
            .scope
            .spec(Method::GET, self.owner.ops().0, self.owner.template(), &[]);
        self.scope.list_all(query.apply(spec)).await
    }

    /// Adds an attribute.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) for an empty name,
    /// language or value, before anything is sent.
    pub async fn create(&self, attribute: &NewAttribute) -> Result<AttributeId> {
        let spec = self
            .scope
            .spec(Method::POST, self.owner.ops().1, self.owner.template(), &[])
            .validate(|| attribute.check());
        self.scope.create(spec, "attribute", attribute).await
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use crate::sim::{entity, searchable};
    use sdk_core::sim::ListStyle;
    [
        ("queue_attributes", Owner::Queue),
        ("queue_group_attributes", Owner::QueueGroup),
        ("custom_ivr_attributes", Owner::CustomIvr),
    ]
    .into_iter()
    .fold(api, |api, (name, owner)| {
        let api =
            api.resource(entity(name, owner.template()).required(&["name", "language", "value"]));
        // Attributes have no id: the list does not show the one the create made up.
        searchable(api, name, owner.template(), ListStyle::BareArray, &["id"])
    })
}
