//! SIP trunks: `/sip-trunks`.
//!
//! The API lists an account's trunks and changes a trunk's caller id; trunks are
//! provisioned elsewhere (the document has no create, get or delete).

use serde::{Deserialize, Serialize};

use sdk_core::ensure::{Change, Desired, Ensure, Field};
use sdk_core::model::{UnknownFields, check_required};
use sdk_core::{Error, Method, Paginator, Result};

const COLLECTION: &str = "/accounts/{accountId}/sip-trunks";
const ITEM: &str = "/accounts/{accountId}/sip-trunks/{sipTrunkId}";

sdk_core::id_type! {
    /// The id of a SIP trunk (`sipTrunkId`).
    pub struct SipTrunkId;
}

sdk_core::string_enum! {
    /// The kind of SIP trunk (`type`).
    pub enum SipTrunkType {
        /// Bring your own carrier.
        Byoc = "BYOC",
        /// A Microsoft Teams direct-routing trunk.
        MsTeamsSipTrunk = "MSTEAMS_SIP_TRUNK",
    }
}

/// A SIP trunk of the account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SipTrunk {
    /// The trunk's id.
    pub id: SipTrunkId,
    /// `BYOC` or `MSTEAMS_SIP_TRUNK`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<SipTrunkType>,
    /// The sequence number (BYOC trunks only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seq_number: Option<i64>,
    /// The provider's host.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// The provider's domain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_domain: Option<String>,
    /// The trunk's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trunk_name: Option<String>,
    /// The outbound domain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outbound_domain: Option<String>,
    /// The inbound domain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inbound_domain: Option<String>,
    /// Whether the media anchor is released during a transfer (BYOC trunks only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub release_media_anchor_during_transfer: Option<bool>,
    /// The preferred media location, such as `AL-01`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_media_location: Option<String>,
    /// The caller id: an opaque id (the document's examples are not all valid UUIDs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caller_id: Option<String>,
    /// Fields the SDK does not name, kept as the server sent them.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

sdk_core::listed!(SipTrunk = "sipTrunks");

/// The body of [`SipTrunks::update_caller_id`].
///
/// ```
/// use axp_voice::sip_trunks::CallerIdUpdate;
///
/// let update = CallerIdUpdate::new("c8c2909d-75e9-484a-94c0-b7e8d29771fg");
/// # let _ = update;
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CallerIdUpdate {
    /// The new caller id (required; opaque, not checked as a UUID).
    pub caller_id: String,
}

impl CallerIdUpdate {
    /// A caller-id change.
    pub fn new(caller_id: impl Into<String>) -> Self {
        CallerIdUpdate {
            caller_id: caller_id.into(),
        }
    }
}

sdk_core::scope_type! {
    /// The SIP trunks of an account.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// let trunks = client.account("ABCDEF").sip_trunks();
    /// for trunk in trunks.list().collect_all().await? {
    ///     println!("{} {:?} {:?}", trunk.id, trunk.trunk_name, trunk.caller_id);
    /// }
    /// # Ok(()) }
    /// ```
    SipTrunks
}

impl SipTrunks<'_> {
    /// Lists the trunks, page by page (items under `sipTrunks`; the document's links name
    /// a wrong path, so pages are computed from `pagination`).
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::sip_trunks::CallerIdUpdate;
    ///
    /// let trunks = client.account("ABCDEF").sip_trunks();
    /// for trunk in trunks.list().collect_all().await? {
    ///     let updated = trunks
    ///         .update_caller_id(&trunk.id, &CallerIdUpdate::new("c8c2909d-75e9-484a-94c0-b7e8d29771fe"))
    ///         .await?;
    ///     println!("{} -> {:?}", updated.id, updated.caller_id);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self) -> Paginator<SipTrunk> {
        let spec = self
            .0
            .spec(Method::GET, "axp.sip_trunks.list", COLLECTION, &[]);
        self.0.paginator(spec)
    }

    /// Changes a trunk's caller id (only `callerId` is sent; the other fields are kept) and
    /// returns the trunk. The document's status line reads "HTTP 200 Accepted": 200 and
    /// 202 are both taken as success, with the trunk in the body.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) for an empty caller
    /// id, before anything is sent; the server's answer otherwise.
    pub async fn update_caller_id(
        &self,
        sip_trunk_id: impl AsRef<str>,
        request: &CallerIdUpdate,
    ) -> Result<SipTrunk> {
        let spec = self
            .0
            .spec(
                Method::PUT,
                "axp.sip_trunks.update_caller_id",
                ITEM,
                &[sip_trunk_id.as_ref()],
            )
            .validate(|| check_required("callerId", &request.caller_id))
            .json(request);
        self.0.execute(spec).await
    }
}

/// What a SIP trunk should be, for [`Ensure`]: the trunk, named by its `trunkName`, and
/// the one setting the API changes, its caller id. Trunks are provisioned elsewhere, so
/// ensuring one that is not there is an error, not a create.
///
/// ```
/// use axp_voice::sip_trunks::DesiredSipTrunk;
///
/// let trunk = DesiredSipTrunk::new("trunk1.umhgjt.eu.cc.avayacloud.com")
///     .caller_id("c8c2909d-75e9-484a-94c0-b7e8d29771fe");
/// assert_eq!(trunk.caller_id.as_deref(), Some("c8c2909d-75e9-484a-94c0-b7e8d29771fe"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DesiredSipTrunk {
    /// The trunk's name, as the list shows it (required).
    pub trunk_name: String,
    /// The caller id it should present (opaque, not checked as a UUID); unset, the trunk's
    /// caller id is not managed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caller_id: Option<String>,
}

impl DesiredSipTrunk {
    /// The trunk named `trunk_name`, its caller id not managed.
    pub fn new(trunk_name: impl Into<String>) -> Self {
        DesiredSipTrunk {
            trunk_name: trunk_name.into(),
            caller_id: None,
        }
    }

    /// Sets the caller id the trunk should present.
    pub fn caller_id(mut self, caller_id: impl Into<String>) -> Self {
        self.caller_id = Some(caller_id.into());
        self
    }
}

impl Desired for DesiredSipTrunk {
    type Live = SipTrunk;
    const KIND: &'static str = "SIP trunk";
    /// The trunk's name: the host name the trunk is set up under, what the provider and
    /// the console call it (the id is the service's). The caller id is the only field the
    /// API changes; the others are the provisioning's, shown by the list and not compared.
    const KEY: Field = Field::new("trunkName");
    const FIELDS: &'static [Field] = &[Field::new("callerId")];
}

/// SIP trunks are ensured by name, and only in their caller id: the update sends
/// `callerId` alone (the trunk keeps everything else). The API neither creates nor deletes
/// trunks, so a trunk that is not listed, and a delete, are
/// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) errors, nothing sent.
///
/// ```no_run
/// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
/// use axp_voice::sip_trunks::DesiredSipTrunk;
/// use sdk_core::ensure::Ensure;
///
/// let trunks = client.account("ABCDEF").sip_trunks();
/// let trunk = DesiredSipTrunk::new("trunk1.umhgjt.eu.cc.avayacloud.com")
///     .caller_id("c8c2909d-75e9-484a-94c0-b7e8d29771fe");
/// let outcome = trunks.ensure(&trunk).await?;
/// println!("{} {}", outcome.verb(), outcome.resource().id);
/// # Ok(()) }
/// ```
impl Ensure<DesiredSipTrunk> for SipTrunks<'_> {
    async fn find(&self, _keys: &[String]) -> Result<Vec<SipTrunk>> {
        self.list().collect_all().await
    }

    async fn create(&self, desired: &DesiredSipTrunk) -> Result<SipTrunk> {
        Err(Error::invalid_input(
            "trunkName",
            format!(
                "no SIP trunk is named {:?}: trunks are provisioned outside this API, which cannot create one",
                desired.trunk_name
            ),
        ))
    }

    async fn update(
        &self,
        live: &SipTrunk,
        desired: &DesiredSipTrunk,
        _changes: &[Change],
    ) -> Result<SipTrunk> {
        match &desired.caller_id {
            Some(caller_id) => {
                self.update_caller_id(&live.id, &CallerIdUpdate::new(caller_id.as_str()))
                    .await
            }
            None => Ok(live.clone()),
        }
    }

    async fn delete(&self, live: &SipTrunk) -> Result<()> {
        Err(Error::invalid_input(
            "trunkName",
            format!(
                "SIP trunk {:?} cannot be deleted: trunks are provisioned outside this API",
                live.trunk_name.as_deref().unwrap_or(live.id.as_str())
            ),
        ))
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use sdk_core::sim::{ListStyle, Reply, Resource};
    use serde_json::Value;

    // Trunks are provisioned elsewhere: seed them with `Simulator::seed("sip_trunks",
    // &[account], trunk)`. The only write is the caller-id PUT.
    api.resource(
        Resource::new("sip_trunks", COLLECTION)
            .read_only()
            .list(ListStyle::PageNumber {
                items_key: "sipTrunks",
            }),
    )
    .action(Method::PUT, ITEM, |store, req| {
        let account = req.param("accountId").unwrap_or_default();
        let id = req.param("sipTrunkId").unwrap_or_default();
        let caller_id = match req.body.get("callerId") {
            Some(Value::String(s)) if !s.is_empty() => s.clone(),
            _ => {
                return Reply::error(400, "VALIDATION_ERROR", "missing required field `callerId`");
            }
        };
        match store.get_mut("sip_trunks", &[account], id) {
            Some(Value::Object(trunk)) => {
                trunk.insert("callerId".to_owned(), Value::String(caller_id));
                Reply::json(200, &Value::Object(trunk.clone()))
            }
            _ => Reply::error(404, "NOT_FOUND", format!("sip_trunks `{id}` not found")),
        }
    })
}
