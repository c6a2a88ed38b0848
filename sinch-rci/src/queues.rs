//! Queues (`/queues`) and what hangs below one queue (`/queues/{queueId}/...`): its
//! extensions, the queue groups it belongs to, and its attributes.
//!
//! A queue's addresses travel JAXB-style, wrapped (`"addresses": {"address": ["100"]}`,
//! in XML `<addresses><address>100</address></addresses>`); the model holds them as a
//! plain `Vec<String>`.

use serde::{Deserialize, Serialize};

use sdk_core::ensure::{Change, Desired, Ensure, Field};
use sdk_core::model::{UnknownFields, check_required};
use sdk_core::{Method, Result};

use crate::attributes::QueueAttributes;
use crate::common::{IdRef, WithId, list_all, post_for_id, required, search_query, wrapped_list};
use crate::queue_groups::{QueueGroup, QueueGroupId};

const QUEUES: &str = "/queues";
const QUEUE: &str = "/queues/{queueId}";
const EXTENSIONS: &str = "/queues/{queueId}/extensions";
const EXTENSION: &str = "/queues/{queueId}/extensions/{extensionId}";
const GROUPS: &str = "/queues/{queueId}/queueGroups";
const GROUP: &str = "/queues/{queueId}/queueGroups/{queueGroupId}";

sdk_core::id_type! {
    /// The id of a queue: 32 hexadecimal characters in either case (see [ids](crate#ids)).
    pub struct QueueId;
}

sdk_core::id_type! {
    /// The id of a queue's extension: 32 hexadecimal characters in either case (see [ids](crate#ids)).
    pub struct ExtensionId;
}

sdk_core::string_enum! {
    /// The channel of a queue (`type`). The document's schema says `phone, chat, email`;
    /// its examples, followed here, capitalise them.
    pub enum QueueType {
        /// Phone calls.
        Phone = "Phone",
        /// Chats.
        Chat = "Chat",
        /// E-mails.
        Email = "Email",
    }
}

sdk_core::string_enum! {
    /// How agents are logged in to a queue (`loginType`).
    pub enum LoginType {
        /// Agents are allocated automatically.
        AutoAllocation = "AutoAllocation",
        /// Agents join as a hunt group.
        HuntGroup = "HuntGroup",
    }
}

wrapped_list! {
    /// `"addresses": {"address": [..]}`.
    pub(crate) mod addresses = "address"
}

/// A queue, as `get` answers it or as a list shows it (every field but the id may be
/// absent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Queue {
    /// The id, assigned by the system.
    pub id: QueueId,
    /// The channel.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub queue_type: Option<QueueType>,
    /// The name (1 to 400 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Free text (1 to 400 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// How agents are logged in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub login_type: Option<LoginType>,
    /// The queue's addresses: numbers for phone queues, chat or e-mail addresses for the
    /// others.
    #[serde(default, skip_serializing_if = "Vec::is_empty", with = "addresses")]
    pub addresses: Vec<String>,
    /// Whether the queue is kept in sync from an external system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub synchronised: Option<bool>,
    /// Fields the SDK does not name, kept as the server sent them (sent back by an update
    /// built from this value).
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

sdk_core::listed!(Queue);

/// The body of [`Queues::create`] and [`Queues::update`] (an update replaces the queue).
///
/// ```
/// use sinch_rci::queues::{LoginType, QueueRequest, QueueType};
///
/// let sales = QueueRequest::new(QueueType::Phone, "Sales", LoginType::AutoAllocation)
///     .description("Sales phone")
///     .address("100");
/// # let _ = sales;
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct QueueRequest {
    /// The channel (required).
    #[serde(rename = "type")]
    pub queue_type: QueueType,
    /// The name (required; the service accepts 1 to 400 characters).
    pub name: String,
    /// Free text (the service accepts 1 to 400 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// How agents are logged in (required).
    pub login_type: LoginType,
    /// The queue's addresses: numbers for phone queues, chat or e-mail addresses for the
    /// others (sent as given).
    #[serde(default, skip_serializing_if = "Vec::is_empty", with = "addresses")]
    pub addresses: Vec<String>,
    /// Whether the queue is kept in sync from an external system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub synchronised: Option<bool>,
    /// Fields the SDK does not name, carried over from the model this request was built
    /// from (`from_queue`) so that the update keeps them; empty otherwise.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

impl QueueRequest {
    /// A queue with its three required fields.
    pub fn new(queue_type: QueueType, name: impl Into<String>, login_type: LoginType) -> Self {
        QueueRequest {
            queue_type,
            name: name.into(),
            description: None,
            login_type,
            addresses: Vec::new(),
            synchronised: None,
            unknown_fields: UnknownFields::default(),
        }
    }

    /// The request that recreates `queue` as it is, the fields the SDK does not name
    /// included, to change a field and [`update`](Queues::update) (an update replaces the
    /// queue: read it with [`get`](Queues::get), as a list may show less).
    ///
    /// ```
    /// use sinch_rci::queues::{Queue, QueueRequest};
    ///
    /// let queue: Queue = serde_json::from_str(
    ///     r#"{"id": "409FBE1B217643089F291B8796174643", "type": "Phone", "name": "Helpdesk",
    ///         "loginType": "HuntGroup", "addresses": {"address": ["101"]},
    ///         "overflow": {"target": "102"}}"#,
    /// )?;
    /// let change = QueueRequest::from_queue(&queue)?.address("103");
    /// // `client.queues().update(&queue.id, &change)` sends `overflow` back unchanged.
    /// assert_eq!(change.addresses, ["101", "103"]);
    /// assert_eq!(change.unknown_fields.get("overflow"), Some(&serde_json::json!({"target": "102"})));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) naming `type`,
    /// `name` or `loginType` when `queue` lacks it.
    pub fn from_queue(queue: &Queue) -> Result<Self> {
        Ok(QueueRequest {
            queue_type: required("type", &queue.queue_type)?,
            name: required("name", &queue.name)?,
            description: queue.description.clone(),
            login_type: required("loginType", &queue.login_type)?,
            addresses: queue.addresses.clone(),
            synchronised: queue.synchronised,
            unknown_fields: queue.unknown_fields.clone(),
        })
    }

    /// Adds an address.
    pub fn address(mut self, address: impl Into<String>) -> Self {
        self.addresses.push(address.into());
        self
    }

    /// The required name, present and not empty; lengths are the service's to judge.
    fn check(&self) -> Result<()> {
        check_required("name", &self.name)
    }
}

sdk_core::setters!(QueueRequest {
    /// Sets the description.
    description: String,
    /// Sets whether the queue is kept in sync from an external system.
    synchronised: bool,
});

search_query! {
    /// The search and sort of [`Queues::list`]. Default order: name, description.
    ///
    /// ```
    /// use sinch_rci::common::Sort;
    /// use sinch_rci::queues::QueueQuery;
    ///
    /// let sales = QueueQuery::new().name("Sales*").sort(Sort::asc("name").locale("en"));
    /// let by_number = QueueQuery::new().address("10?");
    /// # let _ = (sales, by_number);
    /// ```
    sortable QueueQuery {
        name => "name",
        description => "description",
        address => "address",
    }
}

sdk_core::scope_type! {
    /// Queues: `/queues`.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// let helpdesk = client.queues().get("409FBE1B217643089F291B8796174643").await?;
    /// println!("{:?} {:?}", helpdesk.name, helpdesk.addresses);
    /// # Ok(()) }
    /// ```
    Queues
}

impl Queues<'_> {
    /// Lists queues, `limit` (100 by default) per request.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// use sdk_core::futures_util::TryStreamExt;
    /// use sinch_rci::queues::QueueQuery;
    ///
    /// let mut sales = client.queues().list(&QueueQuery::new().name("Sales*")).items();
    /// while let Some(queue) = sales.try_next().await? {
    ///     println!("{} {:?} {:?}", queue.id, queue.name, queue.queue_type);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self, query: &QueueQuery) -> sdk_core::Paginator<Queue> {
        let spec = self.0.spec(Method::GET, "rci.queues.list", QUEUES, &[]);
        self.0.paginator(query.apply(spec))
    }

    /// Creates a queue and returns its id.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) naming `name` when it
    /// is empty, before anything is sent; the server's answer otherwise (such as its
    /// refusal of a name longer than 400 characters).
    pub async fn create(&self, queue: &QueueRequest) -> Result<QueueId> {
        let spec = self
            .0
            .spec(Method::POST, "rci.queues.create", QUEUES, &[])
            .validate(|| queue.check());
        post_for_id(&self.0, spec, "queue", queue).await
    }

    /// Reads a queue.
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) for an unknown id.
    pub async fn get(&self, queue_id: impl AsRef<str>) -> Result<Queue> {
        let spec = self
            .0
            .spec(Method::GET, "rci.queues.get", QUEUE, &[queue_id.as_ref()]);
        self.0.execute(spec).await
    }

    /// Replaces a queue (the body carries the id as well).
    ///
    /// # Errors
    ///
    /// As [`create`](Self::create).
    pub async fn update(&self, queue_id: impl AsRef<str>, queue: &QueueRequest) -> Result<()> {
        let id = queue_id.as_ref();
        let spec = self
            .0
            .spec(Method::PUT, "rci.queues.update", QUEUE, &[id])
            .validate(|| queue.check());
        self.0
            .send(self.0.body(spec, "queue", &WithId { id, body: queue }))
            .await
    }

    /// Deletes a queue.
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn delete(&self, queue_id: impl AsRef<str>) -> Result<()> {
        let spec = self.0.spec(
            Method::DELETE,
            "rci.queues.delete",
            QUEUE,
            &[queue_id.as_ref()],
        );
        self.0.send(spec).await
    }
}

impl Desired for QueueRequest {
    type Live = Queue;
    const KIND: &'static str = "queue";
    /// The name (`Sales`): what agents, supervisors and routing call a queue; the id is
    /// the service's. The name itself is therefore never changed by `ensure`.
    const KEY: Field = Field::new("name");
    /// Every other field of the queue: the update replaces the whole queue, so it can
    /// change each of them. The addresses compare in order, as the queue lists them; no
    /// addresses in the description leaves the queue's as they are. The type compares
    /// without regard to case: the document's schema lists `phone, chat, email` where its
    /// examples (and this crate) send `Phone`.
    const FIELDS: &'static [Field] = &[
        Field::new("type").ignore_case(),
        Field::new("description"),
        Field::new("loginType"),
        Field::new("addresses"),
        Field::new("synchronised"),
    ];
}

/// Queues are ensured by name. One name is looked up with the service's `name` filter
/// (whose wildcards can only widen the answer, which is then matched by the exact name);
/// several, or none, are matched against the whole list, read once. An update starts from
/// the queue read whole with `get` ([`QueueRequest::from_queue`]), so the fields the SDK
/// does not name are sent back.
///
/// ```no_run
/// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
/// use sdk_core::ensure::Ensure;
/// use sinch_rci::queues::{LoginType, QueueRequest, QueueType};
///
/// let sales = QueueRequest::new(QueueType::Phone, "Sales", LoginType::AutoAllocation)
///     .address("+358201234567");
/// let outcome = client.queues().ensure(&sales).await?;
/// for change in outcome.changes() {
///     println!("changed {change}");
/// }
/// # Ok(()) }
/// ```
impl Ensure<QueueRequest> for Queues<'_> {
    async fn find(&self, keys: &[String]) -> Result<Vec<Queue>> {
        let query = match keys {
            [name] => QueueQuery::new().name(name),
            _ => QueueQuery::new(),
        };
        self.list(&query).collect_all().await
    }

    async fn create(&self, desired: &QueueRequest) -> Result<Queue> {
        let id = self.create(desired).await?;
        self.get(&id).await
    }

    async fn update(
        &self,
        live: &Queue,
        desired: &QueueRequest,
        _changes: &[Change],
    ) -> Result<Queue> {
        let whole = self.get(&live.id).await?;
        let body = desired.apply_to(&QueueRequest::from_queue(&whole)?)?;
        self.update(&live.id, &body).await?;
        self.get(&live.id).await
    }

    async fn delete(&self, live: &Queue) -> Result<()> {
        self.delete(&live.id).await
    }
}

sdk_core::scope_type! {
    /// One queue: `/queues/{queueId}`, for the resources below it.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// let queue = client.queue("B8F0CA9CFC0411D3A2230050DA29E0F4");
    /// for extension in queue.extensions().list().await? {
    ///     println!("{} {:?}", extension.id, extension.address);
    /// }
    /// # Ok(()) }
    /// ```
    QueueScope
}

impl<'a> QueueScope<'a> {
    /// The queue's extensions: `/extensions`.
    pub fn extensions(&self) -> QueueExtensions<'a> {
        QueueExtensions(self.0.clone())
    }

    /// The queue groups the queue belongs to: `/queueGroups`.
    pub fn queue_groups(&self) -> QueueQueueGroups<'a> {
        QueueQueueGroups(self.0.clone())
    }

    /// The queue's attributes: `/attributes`.
    pub fn attributes(&self) -> QueueAttributes<'a> {
        QueueAttributes(self.0.clone())
    }
}

/// An extension of a queue. The document's schema lists a name, a language and a
/// priority; its examples show only the address (one of the queue's numbers or
/// addresses). All are optional here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Extension {
    /// The id, assigned by the system.
    pub id: ExtensionId,
    /// The address (`101`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// The name (schema only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The language (schema only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The priority (schema only, typed `number`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<f64>,
    /// Fields the SDK does not name, kept as the server sent them (written back when this
    /// value is serialised).
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

/// The body of [`QueueExtensions::create`]: the address, and the schema's optional
/// name, language and priority.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct NewExtension {
    /// The address (required: the document's example sends only it).
    pub address: String,
    /// The name (the schema marks it required; the example leaves it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The priority.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<f64>,
}

impl NewExtension {
    /// An extension at `address`.
    pub fn new(address: impl Into<String>) -> Self {
        NewExtension {
            address: address.into(),
            name: None,
            language: None,
            priority: None,
        }
    }

    fn check(&self) -> Result<()> {
        check_required("address", &self.address)
    }
}

sdk_core::setters!(NewExtension {
    /// Sets the name.
    name: String,
    /// Sets the language.
    language: String,
    /// Sets the priority.
    priority: f64,
});

sdk_core::scope_type! {
    /// The extensions of a queue: `/queues/{queueId}/extensions`.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// use sinch_rci::queues::NewExtension;
    ///
    /// let extensions = client.queue("B8F0CA9CFC0411D3A2230050DA29E0F4").extensions();
    /// let id = extensions.create(&NewExtension::new("+358201234567")).await?;
    /// println!("created {id}");
    /// # Ok(()) }
    /// ```
    QueueExtensions
}

impl QueueExtensions<'_> {
    /// The queue's extensions (the whole list: not paged).
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn list(&self) -> Result<Vec<Extension>> {
        let spec = self
            .0
            .spec(Method::GET, "rci.queues.extensions.list", EXTENSIONS, &[]);
        list_all(&self.0, spec).await
    }

    /// Adds an extension and returns its id.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) naming `address` when
    /// it is empty, before anything is sent; the server's answer otherwise.
    pub async fn create(&self, extension: &NewExtension) -> Result<ExtensionId> {
        let spec = self
            .0
            .spec(
                Method::POST,
                "rci.queues.extensions.create",
                EXTENSIONS,
                &[],
            )
            .validate(|| extension.check());
        post_for_id(&self.0, spec, "extension", extension).await
    }

    /// Reads an extension.
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) for an unknown id.
    pub async fn get(&self, extension_id: impl AsRef<str>) -> Result<Extension> {
        let spec = self.0.spec(
            Method::GET,
            "rci.queues.extensions.get",
            EXTENSION,
            &[extension_id.as_ref()],
        );
        self.0.execute(spec).await
    }

    /// Deletes an extension (there is no update: delete and create again).
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn delete(&self, extension_id: impl AsRef<str>) -> Result<()> {
        let spec = self.0.spec(
            Method::DELETE,
            "rci.queues.extensions.delete",
            EXTENSION,
            &[extension_id.as_ref()],
        );
        self.0.send(spec).await
    }
}

sdk_core::scope_type! {
    /// The queue groups of a queue: `/queues/{queueId}/queueGroups`. The same links as
    /// [`QueueGroupQueues`](crate::queue_groups::QueueGroupQueues), seen from the queue.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// let groups = client.queue("B8F0CA9CFC0411D3A2230050DA29E0F4").queue_groups();
    /// for group in groups.list().await? {
    ///     println!("{} {:?}", group.id, group.name);
    /// }
    /// # Ok(()) }
    /// ```
    QueueQueueGroups
}

impl QueueQueueGroups<'_> {
    /// The queue's groups (the whole list: not paged).
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn list(&self) -> Result<Vec<QueueGroup>> {
        let spec = self
            .0
            .spec(Method::GET, "rci.queues.queue_groups.list", GROUPS, &[]);
        list_all(&self.0, spec).await
    }

    /// Adds the queue to an existing queue group; returns the id the server answers.
    ///
    /// # Errors
    ///
    /// An [`InvalidInput`](sdk_core::ErrorKind::InvalidInput) error naming `queueGroupId`
    /// for an empty id, before anything is sent; the server's answer otherwise.
    pub async fn add(&self, queue_group_id: impl AsRef<str>) -> Result<QueueGroupId> {
        let id = queue_group_id.as_ref();
        let spec = self
            .0
            .spec(Method::POST, "rci.queues.queue_groups.add", GROUPS, &[])
            .validate(|| check_required("queueGroupId", id));
        post_for_id(&self.0, spec, "queueGroup", &IdRef { id }).await
    }

    /// Reads one of the queue's groups.
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) when the queue is not in it.
    pub async fn get(&self, queue_group_id: impl AsRef<str>) -> Result<QueueGroup> {
        let spec = self.0.spec(
            Method::GET,
            "rci.queues.queue_groups.get",
            GROUP,
            &[queue_group_id.as_ref()],
        );
        self.0.execute(spec).await
    }

    /// Removes the queue from a group (the group stays).
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn remove(&self, queue_group_id: impl AsRef<str>) -> Result<()> {
        let spec = self.0.spec(
            Method::DELETE,
            "rci.queues.queue_groups.remove",
            GROUP,
            &[queue_group_id.as_ref()],
        );
        self.0.send(spec).await
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use crate::sim::{Link, entity, link, searchable};
    use sdk_core::sim::ListStyle;
    let api = api
        .resource(entity("queues", QUEUES).required(&["type", "name", "loginType"]))
        .resource(entity("extensions", EXTENSIONS).required(&["address"]));
    let api = searchable(api, "queues", QUEUES, ListStyle::OffsetLimit, &[]);
    let api = searchable(api, "extensions", EXTENSIONS, ListStyle::BareArray, &[]);
    link(api, Link::new(GROUPS, "queues", "queue_groups"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queues_round_trip_with_their_wrapped_addresses() {
        let body = serde_json::json!({
            "id": "409FBE1B217643089F291B8796174643",
            "type": "Phone",
            "name": "Helpdesk",
            "description": "Helpdesk phone",
            "loginType": "HuntGroup",
            "addresses": {"address": ["101", "102"]},
            "synchronised": true
        });
        let q: Queue = serde_json::from_value(body.clone()).unwrap();
        assert_eq!(q.addresses, ["101", "102"]);
        assert_eq!(q.queue_type, Some(QueueType::Phone));
        assert_eq!(serde_json::to_value(&q).unwrap(), body);
        let lower: Queue = serde_json::from_value(
            serde_json::json!({"id": "409FBE1B217643089F291B8796174643", "type": "phone"}),
        )
        .unwrap();
        assert_eq!(lower.queue_type, Some(QueueType::Unknown("phone".into())));
    }
}
