//! The entry type, [`AxpClient`], and the scopes that mirror the URL.

use sdk_core::{ClientBuilder, Service, Transport};

use crate::common::Scope;

/// A client of the AXP Voice Admin API.
///
/// Build one with [`AxpClient::builder`]; it is cheap to clone and to share between tasks.
/// Calls go through scopes that mirror the URL:
/// `client.account("ABCDEF").phone_numbers()`,
/// `client.account(a).communication_manager(cm).reason_codes()`.
#[derive(Debug, Clone)]
pub struct AxpClient {
    transport: Transport,
}

impl Service for AxpClient {
    const NAME: &'static str = "axp-voice";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const BASE_PATH: &'static str = "/api/admin/voice/v1";

    fn from_transport(transport: Transport) -> Self {
        AxpClient { transport }
    }
}

/// The region host of an AXP account: `https://{region}.cc.avayacloud.com`.
///
/// ```
/// assert_eq!(axp_voice::region_url("na"), "https://na.cc.avayacloud.com");
/// ```
pub fn region_url(region: &str) -> String {
    format!("https://{region}.cc.avayacloud.com")
}

/// The platform's OAuth2 token endpoint for an account, by the AXP convention
/// (`/auth/realms/{accountId}/protocol/openid-connect/token` on the region host). Pass it
/// to [`ClientCredentials`](sdk_core::ClientCredentials); any other token URL works too.
///
/// ```
/// assert_eq!(
///     axp_voice::token_url("eu", "ABCDEF"),
///     "https://eu.cc.avayacloud.com/auth/realms/ABCDEF/protocol/openid-connect/token"
/// );
/// ```
pub fn token_url(region: &str, account_id: &str) -> String {
    format!(
        "{}/auth/realms/{account_id}/protocol/openid-connect/token",
        region_url(region)
    )
}

impl AxpClient {
    /// Starts a client: give the region host (see [`region_url`]) and credentials, a
    /// static bearer token or a token provider.
    ///
    /// ```no_run
    /// use axp_voice::AxpClient;
    /// use sdk_core::ClientCredentials;
    ///
    /// let provider = ClientCredentials::builder(
    ///     axp_voice::token_url("na", "ABCDEF"),
    ///     std::env::var("AXP_CLIENT_ID").unwrap_or_default(),
    ///     std::env::var("AXP_CLIENT_SECRET").unwrap_or_default(),
    /// )
    /// .build()?;
    /// let client = AxpClient::builder()
    ///     .base_url(axp_voice::region_url("na"))
    ///     .token_provider(provider)
    ///     .build()?;
    /// # let _ = client;
    /// # Ok::<(), sdk_core::Error>(())
    /// ```
    pub fn builder() -> ClientBuilder<AxpClient> {
        ClientBuilder::new()
    }

    /// The transport this client sends through.
    pub fn transport(&self) -> &Transport {
        &self.transport
    }

    /// An account: `/accounts/{accountId}`.
    pub fn account(&self, account_id: impl Into<String>) -> Account<'_> {
        Account {
            client: self,
            account_id: account_id.into(),
        }
    }

    /// The voice-service feature-toggle webhook (`/voice-service-webhook`, not below an
    /// account).
    pub fn feature_toggle_webhook(&self) -> crate::webhook::FeatureToggleWebhook<'_> {
        crate::webhook::FeatureToggleWebhook(Scope::new(self.transport(), Vec::new()))
    }
}

/// An account: `/accounts/{accountId}`.
#[derive(Debug, Clone)]
pub struct Account<'a> {
    client: &'a AxpClient,
    account_id: String,
}

macro_rules! account_scopes {
    ($( $(#[$meta:meta])* $method:ident => $module:ident :: $ty:ident ),+ $(,)?) => {
        impl<'a> Account<'a> {
            $(
                $(#[$meta])*
                pub fn $method(&self) -> crate::$module::$ty<'a> {
                    crate::$module::$ty(Scope::new(self.client.transport(), vec![self.account_id.clone()]))
                }
            )+
        }
    };
}

account_scopes! {
    /// Avaya Cloud Office elements: `/aco-elements`.
    aco_elements => elements::AcoElements,
    /// Microsoft Teams elements: `/msteams-elements`.
    msteams_elements => elements::MsTeamsElements,
    /// Phone numbers: `/phone-numbers`.
    phone_numbers => phone_numbers::PhoneNumbers,
    /// Numbers that can be added: `/available-phone-numbers`.
    available_phone_numbers => phone_numbers::AvailablePhoneNumbers,
    /// Avaya Aura Device Services: `/avaya-aura-device-services`.
    avaya_aura_device_services => device_services::AvayaAuraDeviceServices,
    /// Communication Managers: `/communication-managers`.
    communication_managers => communication_managers::CommunicationManagers,
    /// Hybrid Cloud Gateways: `/hybrid-cloud-gateways`.
    hybrid_cloud_gateways => hybrid_cloud_gateways::HybridCloudGateways,
    /// Hybrid Cloud Gateway systems: `/hybrid-cloud-gateway-systems`.
    hybrid_cloud_gateway_systems => hcg_systems::HybridCloudGatewaySystems,
    /// System Managers: `/system-managers`.
    system_managers => system_managers::SystemManagers,
    /// Route points: `/extensions`.
    route_points => route_points::RoutePoints,
    /// Location profiles: `/location-profiles`.
    location_profiles => location_profiles::LocationProfiles,
    /// SIP trunks: `/sip-trunks`.
    sip_trunks => sip_trunks::SipTrunks,
    /// Outbound routing rules: `/outbound-routing-rules`.
    outbound_routing_rules => routing_rules::OutboundRoutingRules,
    /// Agent locations: `/agent-locations`.
    agent_locations => agent_locations::AgentLocations,
}

impl<'a> Account<'a> {
    /// One Communication Manager, for the resources below it:
    /// `/communication-managers/{communicationManagerId}`.
    pub fn communication_manager(
        &self,
        communication_manager_id: impl Into<String>,
    ) -> CommunicationManager<'a> {
        CommunicationManager {
            client: self.client,
            account_id: self.account_id.clone(),
            communication_manager_id: communication_manager_id.into(),
        }
    }
}

/// One Communication Manager: `/accounts/{accountId}/communication-managers/{communicationManagerId}`.
#[derive(Debug, Clone)]
pub struct CommunicationManager<'a> {
    client: &'a AxpClient,
    account_id: String,
    communication_manager_id: String,
}

macro_rules! cm_scopes {
    ($( $(#[$meta:meta])* $method:ident => $module:ident :: $ty:ident ),+ $(,)?) => {
        impl<'a> CommunicationManager<'a> {
            $(
                $(#[$meta])*
                pub fn $method(&self) -> crate::$module::$ty<'a> {
                    crate::$module::$ty(Scope::new(
                        self.client.transport(),
                        vec![self.account_id.clone(), self.communication_manager_id.clone()],
                    ))
                }
            )+
        }
    };
}

cm_scopes! {
    /// Reason codes: `/reason-codes`.
    reason_codes => reason_codes::ReasonCodes,
    /// Voice plans: `/voice-plans`.
    voice_plans => voice_plans::VoicePlans,
    /// Hybrid extensions: `/extensions`.
    hybrid_extensions => hybrid_extensions::HybridExtensions,
    /// Synchronisation with the Communication Manager: `:sync`.
    sync => sync::Synchronization,
    /// Sync jobs: `/jobs`.
    sync_jobs => sync::SyncJobs,
    /// Hybrid skills: `/skills`.
    skills => skills::HybridSkills,
}
