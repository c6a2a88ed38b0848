//! The entry type, [`AxpClient`], and the scopes that mirror the URL.

use sdk_core::{ClientBuilder, Service, Transport};

use sdk_core::Scope;

use crate::common::AXP_CONVENTIONS;

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
        crate::webhook::FeatureToggleWebhook(Scope::new(
            self.transport(),
            AXP_CONVENTIONS,
            Vec::new(),
        ))
    }
}

/// An account: `/accounts/{accountId}`.
#[derive(Debug, Clone)]
pub struct Account<'a> {
    client: &'a AxpClient,
    account_id: String,
}

impl<'a> Account<'a> {
    /// The scope of the account's families.
    fn scope(&self) -> Scope<'a> {
        Scope::new(
            self.client.transport(),
            AXP_CONVENTIONS,
            vec![self.account_id.clone()],
        )
    }

    /// Avaya Cloud Office elements: `/aco-elements`.
    pub fn aco_elements(&self) -> crate::elements::AcoElements<'a> {
        crate::elements::AcoElements(self.scope())
    }

    /// Microsoft Teams elements: `/msteams-elements`.
    pub fn msteams_elements(&self) -> crate::elements::MsTeamsElements<'a> {
        crate::elements::MsTeamsElements(self.scope())
    }

    /// Phone numbers: `/phone-numbers`.
    pub fn phone_numbers(&self) -> crate::phone_numbers::PhoneNumbers<'a> {
        crate::phone_numbers::PhoneNumbers(self.scope())
    }

    /// Numbers that can be added: `/available-phone-numbers`.
    pub fn available_phone_numbers(&self) -> crate::phone_numbers::AvailablePhoneNumbers<'a> {
        crate::phone_numbers::AvailablePhoneNumbers(self.scope())
    }

    /// Avaya Aura Device Services: `/avaya-aura-device-services`.
    pub fn avaya_aura_device_services(
        &self,
    ) -> crate::device_services::AvayaAuraDeviceServices<'a> {
        crate::device_services::AvayaAuraDeviceServices(self.scope())
    }

    /// Communication Managers: `/communication-managers`.
    pub fn communication_managers(
        &self,
    ) -> crate::communication_managers::CommunicationManagers<'a> {
        crate::communication_managers::CommunicationManagers(self.scope())
    }

    /// Hybrid Cloud Gateways: `/hybrid-cloud-gateways`.
    pub fn hybrid_cloud_gateways(&self) -> crate::hybrid_cloud_gateways::HybridCloudGateways<'a> {
        crate::hybrid_cloud_gateways::HybridCloudGateways(self.scope())
    }

    /// Hybrid Cloud Gateway systems: `/hybrid-cloud-gateway-systems`.
    pub fn hybrid_cloud_gateway_systems(
        &self,
    ) -> crate::hcg_systems::HybridCloudGatewaySystems<'a> {
        crate::hcg_systems::HybridCloudGatewaySystems(self.scope())
    }

    /// System Managers: `/system-managers`.
    pub fn system_managers(&self) -> crate::system_managers::SystemManagers<'a> {
        crate::system_managers::SystemManagers(self.scope())
    }

    /// Route points: `/extensions`.
    pub fn route_points(&self) -> crate::route_points::RoutePoints<'a> {
        crate::route_points::RoutePoints(self.scope())
    }

    /// Location profiles: `/location-profiles`.
    pub fn location_profiles(&self) -> crate::location_profiles::LocationProfiles<'a> {
        crate::location_profiles::LocationProfiles(self.scope())
    }

    /// SIP trunks: `/sip-trunks`.
    pub fn sip_trunks(&self) -> crate::sip_trunks::SipTrunks<'a> {
        crate::sip_trunks::SipTrunks(self.scope())
    }

    /// Outbound routing rules: `/outbound-routing-rules`.
    pub fn outbound_routing_rules(&self) -> crate::routing_rules::OutboundRoutingRules<'a> {
        crate::routing_rules::OutboundRoutingRules(self.scope())
    }

    /// Agent locations: `/agent-locations`.
    pub fn agent_locations(&self) -> crate::agent_locations::AgentLocations<'a> {
        crate::agent_locations::AgentLocations(self.scope())
    }

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

impl<'a> CommunicationManager<'a> {
    /// The scope of the Communication Manager's families.
    fn scope(&self) -> Scope<'a> {
        Scope::new(
            self.client.transport(),
            AXP_CONVENTIONS,
            vec![
                self.account_id.clone(),
                self.communication_manager_id.clone(),
            ],
        )
    }

    /// Reason codes: `/reason-codes`.
    pub fn reason_codes(&self) -> crate::reason_codes::ReasonCodes<'a> {
        crate::reason_codes::ReasonCodes(self.scope())
    }

    /// Voice plans: `/voice-plans`.
    pub fn voice_plans(&self) -> crate::voice_plans::VoicePlans<'a> {
        crate::voice_plans::VoicePlans(self.scope())
    }

    /// Hybrid extensions: `/extensions`.
    pub fn hybrid_extensions(&self) -> crate::hybrid_extensions::HybridExtensions<'a> {
        crate::hybrid_extensions::HybridExtensions(self.scope())
    }

    /// Synchronisation with the Communication Manager: `:sync`.
    pub fn sync(&self) -> crate::sync::Synchronization<'a> {
        crate::sync::Synchronization(self.scope())
    }

    /// Sync jobs: `/jobs`.
    pub fn sync_jobs(&self) -> crate::sync::SyncJobs<'a> {
        crate::sync::SyncJobs(self.scope())
    }

    /// Hybrid skills: `/skills`.
    pub fn skills(&self) -> crate::skills::HybridSkills<'a> {
        crate::skills::HybridSkills(self.scope())
    }
}
