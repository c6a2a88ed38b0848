//! Queue groups (`/queueGroups`), their queues (`/queueGroups/{queueGroupId}/queues`) and
//! their attributes.
//!
//! Queue-group ids are the one RCI id that the document also shows as a dashed GUID
//! (`2CADB6A1-3712-4F13-BC68-938E2B5FEFC1`, beside the usual 32 hexadecimal characters);
//! either form is sent as given.

use serde::{Deserialize, Serialize};

use sdk_core::model::{UnknownFields, check_required};
use sdk_core::{Method, Result};

use crate::attributes::QueueGroupAttributes;
use crate::common::{IdRef, WithId, post_for_id, required, search_query};
use crate::queues::{Queue, QueueId};

const GROUPS: &str = "/queueGroups";
const GROUP: &str = "/queueGroups/{queueGroupId}";
const QUEUES: &str = "/queueGroups/{queueGroupId}/queues";
const QUEUE: &str = "/queueGroups/{queueGroupId}/queues/{queueId}";

sdk_core::id_type! {
    /// The id of a queue group: 32 hexadecimal characters in either case, or a dashed GUID
    /// (`2CADB6A1-3712-4F13-BC68-938E2B5FEFC1`); see [ids](crate#ids).
    pub struct QueueGroupId;
}

/// A queue group, as `get` answers it or as a list shows it (every field but the id may be
/// absent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct QueueGroup {
    /// The id, assigned by the system.
    pub id: QueueGroupId,
    /// The name (1 to 400 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The description (1 to 400 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Fields the SDK does not name, kept as the server sent them (sent back by an update
    /// built from this value).
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

sdk_core::listed!(QueueGroup);

/// The body of [`QueueGroups::create`] and [`QueueGroups::update`] (an update replaces
/// the group).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct QueueGroupRequest {
    /// The name (required; the service accepts 1 to 400 characters).
    pub name: String,
    /// The description (required; the service accepts 1 to 400 characters).
    pub description: String,
    /// Fields the SDK does not name, carried over from the model this request was built
    /// from (`from_queue_group`) so that the update keeps them; empty otherwise.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

impl QueueGroupRequest {
    /// A group with its name and description.
    pub fn new(name: impl Into<String>, description: impl Into<String>) -> Self {
        QueueGroupRequest {
            name: name.into(),
            description: description.into(),
            unknown_fields: UnknownFields::default(),
        }
    }

    /// The request that recreates `group` as it is, the fields the SDK does not name
    /// included, to change a field and [`update`](QueueGroups::update) (an update replaces
    /// the group).
    ///
    /// ```
    /// use sinch_rci::queue_groups::{QueueGroup, QueueGroupRequest};
    ///
    /// let group: QueueGroup = serde_json::from_str(
    ///     r#"{"id": "2CADB6A1-3712-4F13-BC68-938E2B5FEFC1", "name": "Sales",
    ///         "description": "Sales queues", "region": "EU"}"#,
    /// )?;
    /// let mut change = QueueGroupRequest::from_queue_group(&group)?;
    /// change.description = "All sales queues".into();
    /// // `client.queue_groups().update(&group.id, &change)` sends `region` back unchanged.
    /// assert_eq!(change.unknown_fields.get("region"), Some(&serde_json::json!("EU")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) naming `name` or
    /// `description` when `group` lacks it.
    pub fn from_queue_group(group: &QueueGroup) -> Result<Self> {
        Ok(QueueGroupRequest {
            name: required("name", &group.name)?,
            description: required("description", &group.description)?,
            unknown_fields: group.unknown_fields.clone(),
        })
    }

    fn check(&self) -> Result<()> {
        check_required("name", &self.name)?;
        check_required("description", &self.description)
    }
}

search_query! {
    /// The search and sort of [`QueueGroups::list`]. Default order: name.
    sortable QueueGroupQuery {
        name => "name",
        description => "description",
    }
}

search_query! {
    /// The search and sort of [`QueueGroupQueues::list`]. Default order: name.
    sortable QueueGroupQueueQuery {
        name => "name",
    }
}

sdk_core::scope_type! {
    /// Queue groups: `/queueGroups`.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// let groups = client.queue_groups();
    /// let group = groups.get("2CADB6A137124F13BC68938E2B5FEFC1").await?;
    /// println!("{:?} {:?}", group.name, group.description);
    /// # Ok(()) }
    /// ```
    QueueGroups
}

impl QueueGroups<'_> {
    /// Lists queue groups, `limit` (100 by default) per request.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// use sdk_core::futures_util::TryStreamExt;
    /// use sinch_rci::queue_groups::QueueGroupQuery;
    ///
    /// let mut groups = client.queue_groups().list(&QueueGroupQuery::new().name("Sales*")).items();
    /// while let Some(group) = groups.try_next().await? {
    ///     println!("{} {:?}", group.id, group.name);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self, query: &QueueGroupQuery) -> sdk_core::Paginator<QueueGroup> {
        let spec = self
            .0
            .spec(Method::GET, "rci.queue_groups.list", GROUPS, &[]);
        self.0.paginator(query.apply(spec))
    }

    /// Creates a queue group and returns its id (the document's example answers a dashed
    /// GUID).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) naming `name` or
    /// `description` when it is empty, before anything is sent; the server's answer
    /// otherwise (such as its refusal of a value longer than 400 characters).
    pub async fn create(&self, group: &QueueGroupRequest) -> Result<QueueGroupId> {
        let spec = self
            .0
            .spec(Method::POST, "rci.queue_groups.create", GROUPS, &[])
            .validate(|| group.check());
        post_for_id(&self.0, spec, "queueGroup", group).await
    }

    /// Reads a queue group.
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) for an unknown id.
    pub async fn get(&self, queue_group_id: impl AsRef<str>) -> Result<QueueGroup> {
        let spec = self.0.spec(
            Method::GET,
            "rci.queue_groups.get",
            GROUP,
            &[queue_group_id.as_ref()],
        );
        self.0.execute(spec).await
    }

    /// Replaces a queue group (the body carries the id as well).
    ///
    /// # Errors
    ///
    /// As [`create`](Self::create).
    pub async fn update(
        &self,
        queue_group_id: impl AsRef<str>,
        group: &QueueGroupRequest,
    ) -> Result<()> {
        let id = queue_group_id.as_ref();
        let spec = self
            .0
            .spec(Method::PUT, "rci.queue_groups.update", GROUP, &[id])
            .validate(|| group.check());
        self.0
            .send(self.0.body(spec, "queueGroup", &WithId { id, body: group }))
            .await
    }

    /// Deletes a queue group.
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn delete(&self, queue_group_id: impl AsRef<str>) -> Result<()> {
        let spec = self.0.spec(
            Method::DELETE,
            "rci.queue_groups.delete",
            GROUP,
            &[queue_group_id.as_ref()],
        );
        self.0.send(spec).await
    }
}

sdk_core::scope_type! {
    /// One queue group: `/queueGroups/{queueGroupId}`, for its queues and attributes.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// let group = client.queue_group("2CADB6A137124F13BC68938E2B5FEFC1");
    /// let queue = group.queues().get("B8F0CA9CFC0411D3A2230050DA29E0F4").await?;
    /// println!("{:?}", queue.name);
    /// # Ok(()) }
    /// ```
    QueueGroupScope
}

impl<'a> QueueGroupScope<'a> {
    /// The queues in the group: `/queues`.
    pub fn queues(&self) -> QueueGroupQueues<'a> {
        QueueGroupQueues(self.0.clone())
    }

    /// The group's attributes: `/attributes`.
    pub fn attributes(&self) -> QueueGroupAttributes<'a> {
        QueueGroupAttributes(self.0.clone())
    }
}

sdk_core::scope_type! {
    /// The queues of a queue group: `/queueGroups/{queueGroupId}/queues`. The same links as
    /// [`QueueQueueGroups`](crate::queues::QueueQueueGroups), seen from the group; the one
    /// membership list that searches, sorts and pages.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// let queues = client.queue_group("2CADB6A137124F13BC68938E2B5FEFC1").queues();
    /// queues.add("B8F0CA9CFC0411D3A2230050DA29E0F4").await?;
    /// # Ok(()) }
    /// ```
    QueueGroupQueues
}

impl QueueGroupQueues<'_> {
    /// Lists the group's queues, `limit` (100 by default) per request; items are
    /// projections.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// use sinch_rci::common::Sort;
    /// use sinch_rci::queue_groups::QueueGroupQueueQuery;
    ///
    /// let queues = client.queue_group("2CADB6A137124F13BC68938E2B5FEFC1").queues();
    /// let query = QueueGroupQueueQuery::new().sort(Sort::desc("name"));
    /// for queue in queues.list(&query).max_items(20).collect_all().await? {
    ///     println!("{} {:?}", queue.id, queue.name);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self, query: &QueueGroupQueueQuery) -> sdk_core::Paginator<Queue> {
        let spec = self
            .0
            .spec(Method::GET, "rci.queue_groups.queues.list", QUEUES, &[]);
        self.0.paginator(query.apply(spec))
    }

    /// Adds an existing queue to the group; returns the id the server answers (the
    /// document's example answers another id than the queue's; what it denotes is
    /// undocumented).
    ///
    /// # Errors
    ///
    /// An [`InvalidInput`](sdk_core::ErrorKind::InvalidInput) error naming `queueId` for an
    /// empty id, before anything is sent; the server's answer otherwise.
    pub async fn add(&self, queue_id: impl AsRef<str>) -> Result<QueueId> {
        let id = queue_id.as_ref();
        let spec = self
            .0
            .spec(Method::POST, "rci.queue_groups.queues.add", QUEUES, &[])
            .validate(|| check_required("queueId", id));
        post_for_id(&self.0, spec, "queue", &IdRef { id }).await
    }

    /// Reads one queue of the group.
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) when the queue is not in it.
    pub async fn get(&self, queue_id: impl AsRef<str>) -> Result<Queue> {
        let spec = self.0.spec(
            Method::GET,
            "rci.queue_groups.queues.get",
            QUEUE,
            &[queue_id.as_ref()],
        );
        self.0.execute(spec).await
    }

    /// Removes a queue from the group. The document's summary says "Delete the queue";
    /// this is the mirror of [`QueueQueueGroups::remove`](crate::queues::QueueQueueGroups::remove)
    /// and, most plausibly, leaves the queue itself in place.
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn remove(&self, queue_id: impl AsRef<str>) -> Result<()> {
        let spec = self.0.spec(
            Method::DELETE,
            "rci.queue_groups.queues.remove",
            QUEUE,
            &[queue_id.as_ref()],
        );
        self.0.send(spec).await
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use crate::sim::{Link, entity, link, searchable};
    use sdk_core::sim::ListStyle;
    let api = api.resource(entity("queue_groups", GROUPS).required(&["name", "description"]));
    let api = searchable(api, "queue_groups", GROUPS, ListStyle::OffsetLimit, &[]);
    link(api, Link::new(QUEUES, "queue_groups", "queues").paged())
}
