//! Hybrid Cloud Gateway systems: `/hybrid-cloud-gateway-systems/{systemId}`, used when an
//! HCG cluster is recovered to push its configuration to the voice service again
//! (`:pushConfig`) and to give the voice service the cluster's new public key.
//!
//! There is no GET of a system: its id is the `systemId` given to
//! [`HybridCloudGateways::create`](crate::hybrid_cloud_gateways::HybridCloudGateways::create).
//! Both calls answer 200 at once; nothing is polled.

use serde::{Deserialize, Serialize};

use sdk_core::model::{UnknownFields, check_required};
use sdk_core::{Method, Result};

const ITEM: &str = "/accounts/{accountId}/hybrid-cloud-gateway-systems/{systemId}";
const PUSH_CONFIG: &str =
    "/accounts/{accountId}/hybrid-cloud-gateway-systems/{systemId}:pushConfig";

sdk_core::id_type! {
    /// The id of a Hybrid Cloud Gateway system (`systemId`), shared by the gateways of one
    /// HCG cluster.
    pub struct HybridCloudGatewaySystemId;
}

sdk_core::string_enum! {
    /// The algorithm of an HCG public key (`publicKeyAlgorithm`).
    pub enum PublicKeyAlgorithm {
        /// ECDSA with P-256 and SHA-256.
        Es256 = "ES256",
    }
}

/// The body of [`HybridCloudGatewaySystems::update_public_key`].
///
/// ```
/// use axp_voice::hcg_systems::{PublicKeyAlgorithm, PublicKeyUpdate};
///
/// let update = PublicKeyUpdate::new("MIIBOgIBAAJBAKj34GkxFhD90vc...", PublicKeyAlgorithm::Es256);
/// # let _ = update;
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PublicKeyUpdate {
    /// The public key, base64 as the HCG gives it (the document does not say more of its
    /// encoding).
    pub public_key: String,
    /// Its algorithm.
    pub public_key_algorithm: PublicKeyAlgorithm,
}

impl PublicKeyUpdate {
    /// A new key.
    pub fn new(public_key: impl Into<String>, algorithm: PublicKeyAlgorithm) -> Self {
        PublicKeyUpdate {
            public_key: public_key.into(),
            public_key_algorithm: algorithm,
        }
    }

    fn check(&self) -> Result<()> {
        check_required("publicKey", &self.public_key)?;
        check_required("publicKeyAlgorithm", self.public_key_algorithm.as_str())
    }
}

sdk_core::string_enum! {
    /// The outcome of a public-key update (`status`), spelled in lower case unlike every
    /// other status of the API.
    pub enum SystemUpdateStatus {
        /// The key was stored.
        Success = "success",
    }
}

/// The answer of [`HybridCloudGatewaySystems::update_public_key`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SystemUpdate {
    /// `success` (the only value the document shows). Every answer carries it: an answer
    /// without it is a [`Decode`](sdk_core::ErrorKind::Decode) error.
    pub status: SystemUpdateStatus,
    /// The server's message, such as `Hybrid Cloud Gateway System updated successfully.`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Fields the SDK does not name, kept as the server sent them.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

impl SystemUpdate {
    /// `true` when the status says `success`, whatever its case.
    pub fn is_success(&self) -> bool {
        self.status.as_str().eq_ignore_ascii_case("success")
    }
}

sdk_core::scope_type! {
    /// The Hybrid Cloud Gateway systems of an account.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// let systems = client.account("ABCDEF").hybrid_cloud_gateway_systems();
    /// systems.push_config("ce8042a2-12f8-406f-5fd3-86c1c16d3a77").await?;
    /// # Ok(()) }
    /// ```
    HybridCloudGatewaySystems
}

impl HybridCloudGatewaySystems<'_> {
    /// Asks the voice service to take the system's configuration again (`:pushConfig`,
    /// answered 200 with no body), after an HCG cluster was recovered.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::hcg_systems::{PublicKeyAlgorithm, PublicKeyUpdate};
    ///
    /// let systems = client.account("ABCDEF").hybrid_cloud_gateway_systems();
    /// let key = PublicKeyUpdate::new("MIIBOgIBAAJBAKj34GkxFhD90vc...", PublicKeyAlgorithm::Es256);
    /// let answer = systems.update_public_key("ce8042a2-12f8-406f-5fd3-86c1c16d3a77", &key).await?;
    /// assert!(answer.is_success());
    /// systems.push_config("ce8042a2-12f8-406f-5fd3-86c1c16d3a77").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) for an empty id; the
    /// server's answer otherwise. The request is a POST and is not retried on its own.
    pub async fn push_config(&self, system_id: impl AsRef<str>) -> Result<()> {
        let spec = self.0.spec(
            Method::POST,
            "axp.hybrid_cloud_gateway_systems.push_config",
            PUSH_CONFIG,
            &[system_id.as_ref()],
        );
        self.0.send(spec).await
    }

    /// Gives the voice service the system's new public key (answered 200 with
    /// `{"status": "success", "message": ...}`).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) for an empty key
    /// before anything is sent; the server's answer otherwise.
    pub async fn update_public_key(
        &self,
        system_id: impl AsRef<str>,
        request: &PublicKeyUpdate,
    ) -> Result<SystemUpdate> {
        let spec = self
            .0
            .spec(
                Method::PUT,
                "axp.hybrid_cloud_gateway_systems.update_public_key",
                ITEM,
                &[system_id.as_ref()],
            )
            .validate(|| request.check())
            .json(request);
        self.0.execute(spec).await
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use sdk_core::sim::Reply;
    use serde_json::{Value, json};

    api.action(Method::POST, PUSH_CONFIG, |_, _| Reply::empty(200))
        .action(Method::PUT, ITEM, |store, req| {
            let account = req.param("accountId").unwrap_or_default();
            let system = req.param("systemId").unwrap_or_default();
            let field = |k: &str| req.body.get(k).and_then(Value::as_str).unwrap_or("");
            for k in ["publicKey", "publicKeyAlgorithm"] {
                if field(k).is_empty() {
                    return Reply::error(
                        400,
                        "VALIDATION_ERROR",
                        format!("missing required field `{k}`"),
                    );
                }
            }
            // The gateways of the system show the new key.
            let gateways: Vec<String> = store
                .list(crate::hybrid_cloud_gateways::SIM_RESOURCE, &[account])
                .into_iter()
                .filter(|g| g["systemId"] == system)
                .filter_map(|g| g["id"].as_str().map(str::to_owned))
                .collect();
            for id in gateways {
                if let Some(Value::Object(g)) =
                    store.get_mut(crate::hybrid_cloud_gateways::SIM_RESOURCE, &[account], &id)
                {
                    for k in ["publicKey", "publicKeyAlgorithm"] {
                        g.insert(k.to_owned(), json!(field(k)));
                    }
                }
            }
            Reply::json(
                200,
                &json!({
                    "status": "success",
                    "message": "Hybrid Cloud Gateway System updated successfully."
                }),
            )
        })
}
