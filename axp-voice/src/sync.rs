//! Synchronisation of a Communication Manager from Aura (`{communicationManagerId}:sync`)
//! and its sync jobs (`/jobs`, `/jobs/{jobId}:details`, `/jobs/{jobId}:entity-details`).
//!
//! A trigger answers `202 Accepted` with `{jobId, url}`; the handle polls the job, whose
//! status field is `statusCode` (not `status`): `COMPLETED` is done, `FAILED` ends the wait
//! with the job's `statusMessage`, anything else (`IN_PROGRESS`) is pending. A completed job
//! may still have failed for some entities: [`SyncJobs::get_details`] counts them.
//!
//! Jobs spell their last change `updatedAt`, entity details `updateAt`; both are kept as
//! sent ([`SyncJob::updated_at`], [`SyncEntityDetail::update_at`]). Timestamps are kept as
//! the RFC 3339 strings the server sends (2 or 3 fraction digits).

use serde::{Deserialize, Serialize};

use sdk_core::model::UnknownFields;
use sdk_core::{Accepted, Error, Method, Paginator, PollStatus, Result};

use crate::common::{answered_id, classify};

const SYNC: &str = "/accounts/{accountId}/communication-managers/{communicationManagerId}:sync";
const JOBS: &str = "/accounts/{accountId}/communication-managers/{communicationManagerId}/jobs";
const JOB: &str =
    "/accounts/{accountId}/communication-managers/{communicationManagerId}/jobs/{jobId}";
const DETAILS: &str =
    "/accounts/{accountId}/communication-managers/{communicationManagerId}/jobs/{jobId}:details";
const ENTITY_DETAILS: &str = "/accounts/{accountId}/communication-managers/{communicationManagerId}/jobs/{jobId}:entity-details";

sdk_core::id_type! {
    /// The id of a sync job (`jobId`, `id`).
    pub struct SyncJobId;
}

sdk_core::string_enum! {
    /// A kind of entity synchronised from Aura.
    pub enum SyncEntity {
        /// Extensions.
        Extension = "EXTENSION",
        /// Agents.
        Agent = "AGENT",
        /// Not Ready reason codes (AUX codes).
        ReasonCodeAux = "REASONCODE_AUX",
        /// System parameter features.
        SystemParameterFeatures = "SYSTEM_PARAMETER_FEATURES",
    }
}

sdk_core::string_enum! {
    /// Where a job (or an entity of it) stands (`statusCode`).
    pub enum SyncStatus {
        /// Running.
        InProgress = "IN_PROGRESS",
        /// Done.
        Completed = "COMPLETED",
        /// Failed; see the job's `statusMessage`.
        Failed = "FAILED",
    }
}

sdk_core::string_enum! {
    /// The kind of job (`type`).
    pub enum SyncJobType {
        /// A synchronisation.
        Sync = "SYNC",
    }
}

/// The body of [`Synchronization::trigger`].
///
/// ```
/// use axp_voice::sync::{SyncEntity, SyncRequest};
///
/// let full = SyncRequest::all().name("Nightly full sync");
/// let agents = SyncRequest::new([SyncEntity::Agent]);
/// # let _ = (full, agents);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SyncRequest {
    /// What to synchronise (at least one).
    pub entities: Vec<SyncEntity>,
    /// A job name; the document recommends a descriptive one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl SyncRequest {
    /// A synchronisation of these entities.
    pub fn new(entities: impl IntoIterator<Item = SyncEntity>) -> Self {
        SyncRequest {
            entities: entities.into_iter().collect(),
            name: None,
        }
    }

    /// A synchronisation of the four kinds of entity.
    pub fn all() -> Self {
        Self::new([
            SyncEntity::Extension,
            SyncEntity::Agent,
            SyncEntity::ReasonCodeAux,
            SyncEntity::SystemParameterFeatures,
        ])
    }

    /// Sets the job name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    fn check(&self) -> Result<()> {
        if self.entities.is_empty() {
            return Err(Error::invalid_input(
                "entities",
                "at least one entity type is required",
            ));
        }
        Ok(())
    }
}

/// The 202 answer of [`Synchronization::trigger`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SyncAccepted {
    /// The job's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_id: Option<SyncJobId>,
    /// The job's path, as the server gave it.
    pub url: String,
    /// Fields the SDK does not name, kept as the server sent them.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

impl SyncAccepted {
    /// The job's id: `jobId` unless empty, else the url's last segment (which names the
    /// same job).
    pub fn id(&self) -> Option<&str> {
        let job_id = self.job_id.as_ref().map(SyncJobId::as_str);
        job_id.filter(|id| !id.is_empty()).or_else(|| {
            self.url
                .trim_end_matches('/')
                .rsplit('/')
                .next()
                .filter(|s| !s.is_empty())
        })
    }
}

/// A sync job.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SyncJob {
    /// The job's id.
    pub id: SyncJobId,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `SYNC`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<SyncJobType>,
    /// Where the job stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_code: Option<SyncStatus>,
    /// What happened, such as "Synchronization job completed successfully.".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_message: Option<String>,
    /// When it started (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// When it last changed (RFC 3339; spelled `updatedAt` here).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    /// Fields the SDK does not name, kept as the server sent them.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

sdk_core::listed!(SyncJob = "jobs");

/// The answer of [`SyncJobs::get_details`]: per entity type, how many entities are in each
/// status.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct JobDetails {
    /// One block per entity type (every answer carries the list: an answer without it is a
    /// [`Decode`](sdk_core::ErrorKind::Decode) error).
    pub job_entity_details: Vec<EntityDetails>,
    /// Fields the SDK does not name, kept as the server sent them.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

impl JobDetails {
    /// How many entities of `entity` are in `status` (0 when not reported).
    pub fn count(&self, entity: &SyncEntity, status: &SyncStatus) -> u64 {
        self.job_entity_details
            .iter()
            .filter(|d| d.entity_type.as_ref() == Some(entity))
            .flat_map(|d| &d.entity_sync_details)
            .filter(|c| c.status_code.as_ref() == Some(status))
            .map(|c| c.entity_count)
            .sum()
    }
}

/// The counts of one entity type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct EntityDetails {
    /// The entity type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_type: Option<SyncEntity>,
    /// One count per status (every block carries the list).
    pub entity_sync_details: Vec<EntitySyncCount>,
    /// Fields the SDK does not name, kept as the server sent them.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

/// How many entities are in one status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct EntitySyncCount {
    /// The number of entities.
    pub entity_count: u64,
    /// The status they are in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_code: Option<SyncStatus>,
    /// Fields the SDK does not name, kept as the server sent them.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

/// One synchronised entity, from [`SyncJobs::list_entity_details`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SyncEntityDetail {
    /// The record's id.
    pub id: String,
    /// The entity type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_type: Option<SyncEntity>,
    /// The entity as synchronised. Its shape depends on the entity type and is documented
    /// only for system parameter features (see
    /// [`system_parameter_feature`](Self::system_parameter_feature)), so it is kept as JSON.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_data: Option<serde_json::Value>,
    /// When it was recorded (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// When it last changed (RFC 3339; spelled `updateAt` here, `updatedAt` on jobs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub update_at: Option<String>,
    /// Where its synchronisation stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_code: Option<SyncStatus>,
    /// Fields the SDK does not name, kept as the server sent them.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

sdk_core::listed!(SyncEntityDetail = "syncEntityDetails");

/// A system parameter feature as synchronised (`entityData.systemParameterFeatures`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SystemParameterFeature {
    /// The parameter, such as `ronaAuxWorkReasonCode`.
    pub name: String,
    /// Its value, as a string.
    #[serde(default)]
    pub value: String,
    /// Fields the SDK does not name, kept as the server sent them.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

impl SyncEntityDetail {
    /// The system parameter feature this entity holds: `None` when it holds none.
    ///
    /// ```
    /// use axp_voice::sync::SyncEntityDetail;
    ///
    /// let detail: SyncEntityDetail = serde_json::from_value(serde_json::json!({"id": "d1",
    ///     "entityData": {"systemParameterFeatures": {"name": "ronaAuxWorkReasonCode", "value": "4"}}
    /// }))?;
    /// let feature = detail.system_parameter_feature()?.expect("a feature");
    /// assert_eq!(feature.value, "4");
    ///
    /// let unnamed: SyncEntityDetail = serde_json::from_value(serde_json::json!({"id": "d2",
    ///     "entityData": {"systemParameterFeatures": {"value": "4"}}
    /// }))?;
    /// let err = unnamed.system_parameter_feature().unwrap_err();
    /// assert_eq!(err.kind(), sdk_core::ErrorKind::Decode);
    /// let none: SyncEntityDetail =
    ///     serde_json::from_value(serde_json::json!({"id": "d3", "entityData": {}}))?;
    /// assert!(none.system_parameter_feature()?.is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Decode`](sdk_core::ErrorKind::Decode) when it holds one that does not fit
    /// [`SystemParameterFeature`] (no name, say): what the server sent is not dropped
    /// silently.
    pub fn system_parameter_feature(&self) -> Result<Option<SystemParameterFeature>> {
        let Some(v) = self
            .entity_data
            .as_ref()
            .and_then(|d| d.get("systemParameterFeatures"))
        else {
            return Ok(None);
        };
        serde_json::from_value(v.clone()).map(Some).map_err(|e| {
            Error::unexpected_answer(format!(
                "the entity's systemParameterFeatures is not a system parameter feature: {e}"
            ))
        })
    }
}

/// Options of [`SyncJobs::list`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SyncJobQuery {
    /// The order, `<field> <asc|desc>`, such as `createdAt desc`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_by: Option<String>,
}

impl SyncJobQuery {
    /// Sets the order, such as `createdAt desc`.
    pub fn order_by(mut self, order: impl Into<String>) -> Self {
        self.order_by = Some(order.into());
        self
    }
}

/// Options of [`SyncJobs::list_entity_details`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct EntityDetailsQuery {
    /// The order, `<field> <asc|desc>`, such as `createdAt desc`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_by: Option<String>,
    /// Only entities of this type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_type: Option<SyncEntity>,
}

impl EntityDetailsQuery {
    /// Only entities of this type.
    pub fn entity_type(entity: SyncEntity) -> Self {
        EntityDetailsQuery {
            entity_type: Some(entity),
            ..Self::default()
        }
    }

    /// Sets the order, such as `createdAt desc`.
    pub fn order_by(mut self, order: impl Into<String>) -> Self {
        self.order_by = Some(order.into());
        self
    }
}

fn classify_job(job: &SyncJob) -> PollStatus {
    let message = job
        .unknown_fields
        .failure_message(job.status_message.as_deref());
    classify(
        job.status_code.as_ref().map(SyncStatus::as_str),
        message.as_deref(),
        &["COMPLETED"],
        &["FAILED"],
    )
}

sdk_core::scope_type! {
    /// Synchronisation of a Communication Manager (`:sync`).
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::sync::{SyncEntity, SyncRequest};
    ///
    /// let sync = client.account("SQVYVE").communication_manager("ce8042a2").sync();
    /// let job = sync.trigger(&SyncRequest::new([SyncEntity::Agent])).await?.wait().await?;
    /// println!("{} {:?}", job.id, job.status_code);
    /// # Ok(()) }
    /// ```
    Synchronization
}

impl Synchronization<'_> {
    /// Starts a synchronisation from Aura (`:sync`). Answers 202 with the job's id and url;
    /// `.wait()` on the handle polls the job until `COMPLETED`.
    ///
    /// At least one System Range and one User Voice Plan must exist first; accounts of the
    /// AXP Private deployment types cannot synchronise.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::sync::{SyncEntity, SyncRequest, SyncStatus};
    ///
    /// let cm = client.account("SQVYVE").communication_manager("ce8042a2");
    /// let job = cm.sync().trigger(&SyncRequest::all().name("Full sync")).await?.wait().await?;
    /// let details = cm.sync_jobs().get_details(&job.id).await?;
    /// let failed = details.count(&SyncEntity::Agent, &SyncStatus::Failed);
    /// println!("{}: {failed} agents failed", job.id);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) for an empty entity
    /// list, before anything is sent; the server's answer otherwise. `.wait()` fails with
    /// [`ErrorKind::OperationFailed`](sdk_core::ErrorKind::OperationFailed) carrying the
    /// job's `statusMessage` when the job ends `FAILED` (the document shows jobs timing out
    /// after 15 minutes or more when Aura cannot be reached: give the wait a deadline to
    /// match). [`ErrorKind::Decode`](sdk_core::ErrorKind::Decode) when the 202 answer names
    /// no job: the request reached the server, so the job may be running.
    pub async fn trigger(&self, request: &SyncRequest) -> Result<Accepted<SyncAccepted, SyncJob>> {
        let spec = self
            .0
            .spec(Method::POST, "axp.sync.trigger", SYNC, &[])
            .validate(|| request.check())
            .json(request);
        let accepted: SyncAccepted = self.0.execute(spec).await?;
        let id = answered_id("axp.sync.trigger", accepted.id(), || {
            format!("the 202 answer names no job (url `{}`)", accepted.url)
        })?;
        let poller = self
            .0
            .poller("axp.sync_jobs.get", JOB, &[&id], classify_job);
        Ok(Accepted::new(accepted, Some(id), poller))
    }
}

sdk_core::scope_type! {
    /// The sync jobs of a Communication Manager (`/jobs`).
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// let jobs = client.account("SQVYVE").communication_manager("ce8042a2").sync_jobs();
    /// let job = jobs.get("3987iuy7-3dfb-4606-ae79-fd0te0be3e23").await?;
    /// println!("{:?} {:?}", job.status_code, job.status_message);
    /// # Ok(()) }
    /// ```
    SyncJobs
}

impl SyncJobs<'_> {
    /// Reads one job.
    ///
    /// # Errors
    ///
    /// The server's answer ([`Error::is_not_found`](sdk_core::Error::is_not_found) for an
    /// unknown job).
    pub async fn get(&self, job_id: impl AsRef<str>) -> Result<SyncJob> {
        let spec = self
            .0
            .spec(Method::GET, "axp.sync_jobs.get", JOB, &[job_id.as_ref()]);
        self.0.execute(spec).await
    }

    /// Lists the jobs, page by page.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::sync::SyncJobQuery;
    ///
    /// let latest = client
    ///     .account("SQVYVE")
    ///     .communication_manager("ce8042a2")
    ///     .sync_jobs()
    ///     .list(&SyncJobQuery::default().order_by("createdAt desc"))
    ///     .max_items(5)
    ///     .collect_all()
    ///     .await?;
    /// # let _ = latest;
    /// # Ok(()) }
    /// ```
    pub fn list(&self, query: &SyncJobQuery) -> Paginator<SyncJob> {
        let spec = self
            .0
            .spec(Method::GET, "axp.sync_jobs.list", JOBS, &[])
            .query(query);
        self.0.paginator(spec)
    }

    /// Reads how many entities of each type the job synchronised, failed or still works on
    /// (`:details`).
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn get_details(&self, job_id: impl AsRef<str>) -> Result<JobDetails> {
        let spec = self.0.spec(
            Method::GET,
            "axp.sync_jobs.get_details",
            DETAILS,
            &[job_id.as_ref()],
        );
        self.0.execute(spec).await
    }

    /// Lists the entities the job synchronised (`:entity-details`), page by page.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::sync::{EntityDetailsQuery, SyncEntity};
    /// use sdk_core::futures_util::TryStreamExt;
    ///
    /// let jobs = client.account("SQVYVE").communication_manager("ce8042a2").sync_jobs();
    /// let query = EntityDetailsQuery::entity_type(SyncEntity::SystemParameterFeatures)
    ///     .order_by("createdAt desc");
    /// let job = "3987iuy7-3dfb-4606-ae79-fd0te0be3e23";
    /// let mut details = jobs.list_entity_details(job, &query).items();
    /// while let Some(detail) = details.try_next().await? {
    ///     println!("{} {:?}", detail.id, detail.status_code);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list_entity_details(
        &self,
        job_id: impl AsRef<str>,
        query: &EntityDetailsQuery,
    ) -> Paginator<SyncEntityDetail> {
        let spec = self
            .0
            .spec(
                Method::GET,
                "axp.sync_jobs.list_entity_details",
                ENTITY_DETAILS,
                &[job_id.as_ref()],
            )
            .query(query);
        self.0.paginator(spec)
    }
}

/// The simulator's jobs: a trigger is a create of the `sync_jobs` resource at `:sync`
/// (answered 202 with the job's url), whose item is the job at `/jobs/{jobId}`, so the
/// simulator's lifecycle (`IN_PROGRESS`, then `COMPLETED`, or `FAILED` on demand) applies.
/// The simulator has no Aura: a job synchronises nothing, so its details count 0 entities
/// and its entity details are empty.
#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use sdk_core::sim::{ActionRequest, ListStyle, LongRunning, Reply, ReplyBody, Resource, Store};
    use serde_json::{Value, json};

    fn cm(req: &ActionRequest) -> [&str; 2] {
        [
            req.param("accountId").unwrap_or_default(),
            req.param("communicationManagerId").unwrap_or_default(),
        ]
    }

    fn job(store: &Store, req: &ActionRequest) -> Option<Value> {
        let id = req.param("jobId").unwrap_or_default();
        store.get("sync_jobs", &cm(req), id).cloned()
    }

    fn not_found(req: &ActionRequest) -> Reply {
        Reply::error(
            404,
            "NOT_FOUND",
            format!(
                "sync_jobs `{}` not found",
                req.param("jobId").unwrap_or_default()
            ),
        )
    }

    api.resource(
        Resource::new("sync_jobs", SYNC)
            .item_path(JOB)
            .required(&["entities"])
            .defaults(json!({ "type": "SYNC" }))
            .create_body(ReplyBody::Url)
            .long_running(
                LongRunning::new("statusCode", "IN_PROGRESS", "COMPLETED", "FAILED").polls(2),
            ),
    )
    .action(Method::GET, JOBS, |store, req| {
        let jobs: Vec<Value> = store
            .list("sync_jobs", &cm(req))
            .into_iter()
            .rev() // newest first, as `createdAt desc`
            .cloned()
            .collect();
        req.list_reply(&ListStyle::PageNumber { items_key: "jobs" }, &jobs)
    })
    .action(Method::GET, DETAILS, |store, req| {
        let Some(job) = job(store, req) else {
            return not_found(req);
        };
        let details: Vec<Value> = job["entities"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|entity| {
                let counts: Vec<Value> = ["COMPLETED", "FAILED", "IN_PROGRESS"]
                    .iter()
                    .map(|s| json!({ "entityCount": 0, "statusCode": s }))
                    .collect();
                json!({ "entityType": entity, "entitySyncDetails": counts })
            })
            .collect();
        Reply::json(200, &json!({ "jobEntityDetails": details }))
    })
    .action(Method::GET, ENTITY_DETAILS, |store, req| {
        match job(store, req) {
            Some(_) => req.list_reply(
                &ListStyle::PageNumber {
                    items_key: "syncEntityDetails",
                },
                &[],
            ),
            None => not_found(req),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_job_id_falls_back_to_the_url() {
        let with: SyncAccepted = serde_json::from_str(
            r#"{"jobId":"j1","url":"/v1/accounts/A/communication-managers/c/jobs/j2"}"#,
        )
        .unwrap();
        assert_eq!(with.id(), Some("j1"));
        let without: SyncAccepted =
            serde_json::from_str(r#"{"url":"/v1/accounts/A/communication-managers/c/jobs/j2"}"#)
                .unwrap();
        assert_eq!(without.id(), Some("j2"));
    }

    #[test]
    fn details_count_per_entity_and_status() {
        let d: JobDetails = serde_json::from_str(
            r#"{"jobEntityDetails":[{"entityType":"REASONCODE_AUX","entitySyncDetails":[
                {"entityCount":8,"statusCode":"COMPLETED"},{"entityCount":2,"statusCode":"FAILED"}]}]}"#,
        )
        .unwrap();
        assert_eq!(d.count(&SyncEntity::ReasonCodeAux, &SyncStatus::Failed), 2);
        assert_eq!(d.count(&SyncEntity::Agent, &SyncStatus::Failed), 0);
    }
}
