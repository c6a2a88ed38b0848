//! Avaya Hybrid Cloud Gateway elements: `/hybrid-cloud-gateways`.
//!
//! Create and update answer `202 Accepted` with `{"url": ".../<id>"}`; the gateway's
//! `status` moves from `IN_PROGRESS` to `SUCCESS` or `FAILED`, and the handle polls its GET.
//! Delete answers 202 and is done when the GET answers 404. The list is not paged: it
//! answers every gateway at once.

use sdk_core::model::{UnknownFields, check_required};
use serde::{Deserialize, Serialize};

use sdk_core::ensure::{Change, Desired, Ensure, Field};
use sdk_core::{Accepted, Error, Method, PollStatus, Result};

use crate::common::{
    AcceptedUrl, ResourceStatus, accepted_at, accepted_url, classify_deleting, classify_resource,
    delete_async, list_resources,
};
use crate::hcg_systems::{HybridCloudGatewaySystemId, PublicKeyAlgorithm};

const COLLECTION: &str = "/accounts/{accountId}/hybrid-cloud-gateways";
const ITEM: &str = "/accounts/{accountId}/hybrid-cloud-gateways/{hybridCloudGatewayId}";

sdk_core::id_type! {
    /// The id of a Hybrid Cloud Gateway element (`hybridCloudGatewayId`).
    pub struct HybridCloudGatewayId;
}

/// A Hybrid Cloud Gateway element as the server answers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct HybridCloudGateway {
    /// The gateway's id.
    pub id: HybridCloudGatewayId,
    /// The gateway's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The HCG system (cluster) the gateway belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system_id: Option<HybridCloudGatewaySystemId>,
    /// The gateway's public key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_key: Option<String>,
    /// The key's algorithm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_key_algorithm: Option<PublicKeyAlgorithm>,
    /// Where the gateway is, such as `IN-MH`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_code: Option<String>,
    /// The FQDNs of the Session Managers behind the gateway.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub session_manager_fqdn_list: Vec<String>,
    /// Whether the terms and conditions were accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_terms_and_conditions_accepted: Option<bool>,
    /// Where its configuration stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ResourceStatus>,
    /// Fields the SDK does not name, kept as the server sent them (sent back by an update
    /// built from this value).
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

/// The body of a gateway create or update (an update replaces the gateway).
///
/// A create also needs the system id and the acceptance of the terms and conditions; the
/// document's update leaves both out.
///
/// ```
/// use axp_voice::hcg_systems::PublicKeyAlgorithm;
/// use axp_voice::hybrid_cloud_gateways::HybridCloudGatewayRequest;
///
/// let update = HybridCloudGatewayRequest::new(
///     "AHCG123",
///     "Production gateway",
///     "MIIBOgIBAAJBAKj34GkxFhD90vc...",
///     PublicKeyAlgorithm::Es256,
///     "IN-MH",
///     ["sm1906.avaya.com", "sm-stage224.avaya.com"],
/// );
/// let create = update.clone().system_id("fa703a3a-3dfb-4606-ae79-fd0fe0be3e64").terms_accepted(true);
/// # let _ = create;
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct HybridCloudGatewayRequest {
    /// The gateway's name (required).
    pub name: String,
    /// Free text (required).
    pub description: String,
    /// The HCG system (cluster) the gateway belongs to (required by create).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system_id: Option<HybridCloudGatewaySystemId>,
    /// The gateway's public key (required).
    pub public_key: String,
    /// The key's algorithm (required).
    pub public_key_algorithm: PublicKeyAlgorithm,
    /// Where the gateway is, such as `IN-MH` (required).
    pub location_code: String,
    /// The FQDNs of the Session Managers behind the gateway (at least one).
    pub session_manager_fqdn_list: Vec<String>,
    /// Whether the terms and conditions are accepted (required by create).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_terms_and_conditions_accepted: Option<bool>,
    /// Fields of the read resource that the SDK does not name, sent back as they came: filled
    /// when this body is built from a read [`HybridCloudGateway`], empty otherwise.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

impl HybridCloudGatewayRequest {
    /// A gateway as an update sends it; add [`system_id`](Self::system_id) and
    /// [`terms_accepted`](Self::terms_accepted) for a create.
    pub fn new<I, S>(
        name: impl Into<String>,
        description: impl Into<String>,
        public_key: impl Into<String>,
        public_key_algorithm: PublicKeyAlgorithm,
        location_code: impl Into<String>,
        session_manager_fqdns: I,
    ) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        HybridCloudGatewayRequest {
            name: name.into(),
            description: description.into(),
            system_id: None,
            public_key: public_key.into(),
            public_key_algorithm,
            location_code: location_code.into(),
            session_manager_fqdn_list: session_manager_fqdns.into_iter().map(Into::into).collect(),
            is_terms_and_conditions_accepted: None,
            unknown_fields: UnknownFields::new(),
        }
    }

    /// Sets the HCG system the gateway belongs to.
    pub fn system_id(mut self, system_id: impl Into<HybridCloudGatewaySystemId>) -> Self {
        self.system_id = Some(system_id.into());
        self
    }

    /// Sets whether the terms and conditions are accepted.
    pub fn terms_accepted(mut self, accepted: bool) -> Self {
        self.is_terms_and_conditions_accepted = Some(accepted);
        self
    }

    fn check(&self, create: bool) -> Result<()> {
        check_required("name", &self.name)?;
        check_required("description", &self.description)?;
        if create {
            check_required(
                "systemId",
                self.system_id.as_ref().map_or("", |s| s.as_str()),
            )?;
            if self.is_terms_and_conditions_accepted.is_none() {
                return Err(Error::invalid_input(
                    "isTermsAndConditionsAccepted",
                    "required",
                ));
            }
        }
        check_required("publicKey", &self.public_key)?;
        check_required("publicKeyAlgorithm", self.public_key_algorithm.as_str())?;
        check_required("locationCode", &self.location_code)?;
        if self.session_manager_fqdn_list.is_empty() {
            return Err(Error::invalid_input(
                "sessionManagerFqdnList",
                "at least one Session Manager FQDN is required",
            ));
        }
        for (i, fqdn) in self.session_manager_fqdn_list.iter().enumerate() {
            if fqdn.trim().is_empty() {
                return Err(Error::invalid_input(
                    format!("sessionManagerFqdnList[{i}]"),
                    "must not be empty",
                ));
            }
        }
        Ok(())
    }
}

impl From<&HybridCloudGateway> for HybridCloudGatewayRequest {
    /// The gateway as an update body, to change a field and send it back: every field it
    /// names but the system id and the terms acceptance (which the document's update leaves
    /// out and the gateway keeps), and the fields the SDK does not name. A gateway read
    /// without one of the fields an update requires gives a body whose update is refused
    /// before sending.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::hybrid_cloud_gateways::HybridCloudGatewayRequest;
    ///
    /// let gateways = client.account("ABCDEF").hybrid_cloud_gateways();
    /// let gateway = gateways.get("3987iuy7").await?;
    /// let mut update = HybridCloudGatewayRequest::from(&gateway);
    /// update.session_manager_fqdn_list.push("sm-stage224.avaya.com".into());
    /// gateways.update(&gateway.id, &update).await?.wait().await?;
    /// # Ok(()) }
    /// ```
    fn from(gateway: &HybridCloudGateway) -> Self {
        HybridCloudGatewayRequest {
            name: gateway.name.clone().unwrap_or_default(),
            description: gateway.description.clone().unwrap_or_default(),
            system_id: None,
            public_key: gateway.public_key.clone().unwrap_or_default(),
            public_key_algorithm: gateway
                .public_key_algorithm
                .clone()
                .unwrap_or_else(|| PublicKeyAlgorithm::Unknown(String::new())),
            location_code: gateway.location_code.clone().unwrap_or_default(),
            session_manager_fqdn_list: gateway.session_manager_fqdn_list.clone(),
            is_terms_and_conditions_accepted: None,
            unknown_fields: gateway.unknown_fields.clone(),
        }
    }
}

fn classify(g: &HybridCloudGateway) -> PollStatus {
    let message = g.unknown_fields.failure_message(None);
    classify_resource(g.status.as_ref(), message.as_deref())
}

fn classify_gone(g: &HybridCloudGateway) -> PollStatus {
    let message = g.unknown_fields.failure_message(None);
    classify_deleting(g.status.as_ref(), message.as_deref())
}

sdk_core::scope_type! {
    /// The Hybrid Cloud Gateway elements of an account.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// let gateways = client.account("ABCDEF").hybrid_cloud_gateways();
    /// let gateway = gateways.get("3987iuy7").await?;
    /// println!("{:?} {:?} {:?}", gateway.name, gateway.location_code, gateway.status);
    /// # Ok(()) }
    /// ```
    HybridCloudGateways
}

impl HybridCloudGateways<'_> {
    /// Creates a gateway. Answers 202 with the gateway's `url`; `.wait()` on the handle
    /// polls its GET until `SUCCESS` (or fails with `FAILED`).
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::hcg_systems::PublicKeyAlgorithm;
    /// use axp_voice::hybrid_cloud_gateways::HybridCloudGatewayRequest;
    ///
    /// let gateways = client.account("ABCDEF").hybrid_cloud_gateways();
    /// let request = HybridCloudGatewayRequest::new(
    ///     "AHCG123",
    ///     "Production gateway",
    ///     "MIIBOgIBAAJBAKj34GkxFhD90vc...",
    ///     PublicKeyAlgorithm::Es256,
    ///     "IN-MH",
    ///     ["sm1906.avaya.com"],
    /// )
    /// .system_id("fa703a3a-3dfb-4606-ae79-fd0fe0be3e64")
    /// .terms_accepted(true);
    /// let gateway = gateways.create(&request).await?.wait().await?;
    /// for g in gateways.list().await? {
    ///     println!("{} {:?}", g.id, g.status);
    /// }
    /// # let _ = gateway;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) naming the field (a
    /// missing system id or terms acceptance, an empty name, key, location or FQDN list)
    /// before anything is sent; the server's answer otherwise. `.wait()` fails with
    /// [`ErrorKind::OperationFailed`](sdk_core::ErrorKind::OperationFailed) when the
    /// gateway ends `FAILED`, carrying the server's `statusMessage` (or `message`,
    /// `errorMessage`) in [`Error::vendor_message`].
    ///
    /// [`ErrorKind::Decode`](sdk_core::ErrorKind::Decode) when the 202 answer's url names no
    /// gateway: the request reached the server, so the gateway may exist.
    pub async fn create(
        &self,
        request: &HybridCloudGatewayRequest,
    ) -> Result<Accepted<AcceptedUrl, HybridCloudGateway>> {
        let spec = self
            .0
            .spec(
                Method::POST,
                "axp.hybrid_cloud_gateways.create",
                COLLECTION,
                &[],
            )
            .validate(|| request.check(true))
            .json(request);
        let get_op = "axp.hybrid_cloud_gateways.get";
        accepted_url(&self.0, spec, get_op, ITEM, classify).await
    }

    /// Replaces a gateway; polled like a create. The system id and the terms acceptance
    /// may be left out, as the document's update does.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use std::time::Duration;
    ///
    /// use axp_voice::hybrid_cloud_gateways::HybridCloudGatewayRequest;
    /// use sdk_core::PollPolicy;
    ///
    /// let gateways = client.account("ABCDEF").hybrid_cloud_gateways();
    /// let mut update = HybridCloudGatewayRequest::from(&gateways.get("3987iuy7").await?);
    /// update.session_manager_fqdn_list.push("sm-stage224.avaya.com".into());
    /// let ten_minutes = PollPolicy::default().deadline(Duration::from_secs(600));
    /// let updating = gateways.update("3987iuy7", &update).await?;
    /// let gateway = updating.policy(ten_minutes).wait().await?;
    /// println!("{:?}", gateway.status);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// As [`create`](Self::create).
    pub async fn update(
        &self,
        hybrid_cloud_gateway_id: impl AsRef<str>,
        request: &HybridCloudGatewayRequest,
    ) -> Result<Accepted<AcceptedUrl, HybridCloudGateway>> {
        let id = hybrid_cloud_gateway_id.as_ref();
        let spec = self
            .0
            .spec(Method::PUT, "axp.hybrid_cloud_gateways.update", ITEM, &[id])
            .validate(|| request.check(false))
            .json(request);
        let get_op = "axp.hybrid_cloud_gateways.get";
        accepted_at(&self.0, spec, id, get_op, ITEM, classify).await
    }

    /// Reads a gateway.
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) once it is deleted.
    pub async fn get(
        &self,
        hybrid_cloud_gateway_id: impl AsRef<str>,
    ) -> Result<HybridCloudGateway> {
        let id = hybrid_cloud_gateway_id.as_ref();
        let spec = self
            .0
            .spec(Method::GET, "axp.hybrid_cloud_gateways.get", ITEM, &[id]);
        self.0.execute(spec).await
    }

    /// Lists every gateway of the account (the list is not paged).
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn list(&self) -> Result<Vec<HybridCloudGateway>> {
        let spec = self.0.spec(
            Method::GET,
            "axp.hybrid_cloud_gateways.list",
            COLLECTION,
            &[],
        );
        list_resources(&self.0, spec).await
    }

    /// Deletes a gateway. Answers 202; `.wait()` on the handle polls its GET until it
    /// answers 404.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// let gateways = client.account("ABCDEF").hybrid_cloud_gateways();
    /// gateways.delete("3987iuy7").await?.wait().await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// The server's answer. `.wait()` fails with
    /// [`ErrorKind::OperationFailed`](sdk_core::ErrorKind::OperationFailed) when the
    /// gateway shows `FAILED` while being deleted.
    pub async fn delete(
        &self,
        hybrid_cloud_gateway_id: impl AsRef<str>,
    ) -> Result<Accepted<(), ()>> {
        let id = hybrid_cloud_gateway_id.as_ref();
        let spec = self.0.spec(
            Method::DELETE,
            "axp.hybrid_cloud_gateways.delete",
            ITEM,
            &[id],
        );
        let get_op = "axp.hybrid_cloud_gateways.get";
        delete_async(&self.0, spec, get_op, ITEM, id, classify_gone).await
    }
}

impl Desired for HybridCloudGatewayRequest {
    type Live = HybridCloudGateway;
    const KIND: &'static str = "hybrid cloud gateway";
    /// The name: what a gateway is known by (Communication Managers name their gateway by
    /// its id, which is the service's). The system id and the acceptance of the terms are
    /// set on create and never compared: the document's update leaves both out, and the
    /// gateway keeps them.
    const KEY: Field = Field::new("name");
    const FIELDS: &'static [Field] = &[
        Field::new("description"),
        Field::new("publicKey"),
        Field::new("publicKeyAlgorithm"),
        Field::new("locationCode"),
        Field::new("sessionManagerFqdnList"),
    ];
}

/// Hybrid Cloud Gateways are ensured by name; a create or an update is awaited until the
/// gateway is `SUCCESS`, and an update starts from the live gateway, so the fields the SDK
/// does not name are sent back.
///
/// ```no_run
/// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
/// use axp_voice::hcg_systems::PublicKeyAlgorithm;
/// use axp_voice::hybrid_cloud_gateways::HybridCloudGatewayRequest;
/// use sdk_core::ensure::Ensure;
///
/// let gateways = client.account("ABCDEF").hybrid_cloud_gateways();
/// let desired = HybridCloudGatewayRequest::new(
///     "AHCG123",
///     "Production gateway",
///     "MIIBOgIBAAJBAKj34GkxFhD90vc...",
///     PublicKeyAlgorithm::Es256,
///     "IN-MH",
///     ["sm1906.avaya.com"],
/// )
/// .system_id("fa703a3a-3dfb-4606-ae79-fd0fe0be3e64")
/// .terms_accepted(true);
/// let outcome = gateways.ensure(&desired).await?;
/// println!("{} {}", outcome.verb(), outcome.resource().id);
/// # Ok(()) }
/// ```
impl Ensure<HybridCloudGatewayRequest> for HybridCloudGateways<'_> {
    async fn find(&self, _keys: &[String]) -> Result<Vec<HybridCloudGateway>> {
        self.list().await
    }

    async fn create(&self, desired: &HybridCloudGatewayRequest) -> Result<HybridCloudGateway> {
        self.create(desired).await?.wait().await
    }

    async fn update(
        &self,
        live: &HybridCloudGateway,
        desired: &HybridCloudGatewayRequest,
        _changes: &[Change],
    ) -> Result<HybridCloudGateway> {
        let body = desired.apply_to(&HybridCloudGatewayRequest::from(live))?;
        self.update(&live.id, &body).await?.wait().await
    }

    async fn delete(&self, live: &HybridCloudGateway) -> Result<()> {
        self.delete(&live.id).await?.wait().await
    }
}

/// The simulator's name of the resource.
#[cfg(feature = "simulator")]
pub(crate) const SIM_RESOURCE: &str = "hybrid_cloud_gateways";

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use sdk_core::sim::{ListStyle, UpdateMode};
    // Merged updates: the document's update leaves out systemId and
    // isTermsAndConditionsAccepted, which a gateway keeps.
    api.resource(
        crate::communication_managers::sim_resource(
            SIM_RESOURCE,
            COLLECTION,
            &[
                "name",
                "description",
                "systemId",
                "publicKey",
                "publicKeyAlgorithm",
                "locationCode",
                "sessionManagerFqdnList",
                "isTermsAndConditionsAccepted",
            ],
        )
        .list(ListStyle::Wrapped("resources"))
        .update(UpdateMode::Merge),
    )
}
