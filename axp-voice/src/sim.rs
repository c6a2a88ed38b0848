//! The simulator of the AXP Voice Admin API (feature `simulator`): a stateful fake on
//! `127.0.0.1` for the examples and for testing your own provisioning code.
//!
//! Creates of long-running resources answer 202 and become ready after a number of reads
//! (2 by default; [`Simulator::set_polls`](sdk_core::sim::Simulator::set_polls) changes it,
//! [`Simulator::fail_next`](sdk_core::sim::Simulator::fail_next) makes the next one fail),
//! lists page with `pageNumber`/`pageSize`, `pagination` and `links`, and deleted resources
//! answer 404.
//!
//! `TESTING.md`, at the root of the workspace, shows how to test your own code against it,
//! with a complete example per vendor.
//!
//! # What the simulator stores
//!
//! Each resource's items are kept per account, or per account and Communication Manager,
//! in the wire shape (camelCase JSON). The models below implement [`Simulated`], so a test
//! seeds them with [`Simulator::seed_item`] and reads the store back with
//! [`Simulator::items`] and [`Simulator::item`], passing the ids of the path above the
//! collection as `parents`:
//!
//! | resource | model | `parents` |
//! | --- | --- | --- |
//! | `phone_numbers` | [`PhoneNumber`](crate::phone_numbers::PhoneNumber) | `&[account_id]` |
//! | `available_phone_numbers` | [`AvailablePhoneNumber`](crate::phone_numbers::AvailablePhoneNumber) | `&[account_id]` |
//! | `communication_managers` | [`CommunicationManagerElement`](crate::communication_managers::CommunicationManagerElement) | `&[account_id]` |
//! | `hybrid_cloud_gateways` | [`HybridCloudGateway`](crate::hybrid_cloud_gateways::HybridCloudGateway) | `&[account_id]` |
//! | `system_managers` | [`SystemManager`](crate::system_managers::SystemManager) | `&[account_id]` |
//! | `avaya_aura_device_services` | [`AvayaAuraDeviceService`](crate::device_services::AvayaAuraDeviceService) | `&[account_id]` |
//! | `location_profiles` | [`LocationProfile`](crate::location_profiles::LocationProfile) | `&[account_id]` |
//! | `route_points` | [`RoutePoint`](crate::route_points::RoutePoint) | `&[account_id]` |
//! | `sip_trunks` | [`SipTrunk`](crate::sip_trunks::SipTrunk) | `&[account_id]` |
//! | `outbound_routing_rules` | [`RoutingRule`](crate::routing_rules::RoutingRule) | `&[account_id]` |
//! | `agent_locations` | [`AgentLocation`](crate::agent_locations::AgentLocation) | `&[account_id]` |
//! | `reason_codes` | [`ReasonCode`](crate::reason_codes::ReasonCode) | `&[account_id, cm_id]` |
//! | `voice_plans` | [`VoicePlan`](crate::voice_plans::VoicePlan) | `&[account_id, cm_id]` |
//! | `hybrid_extensions` | [`HybridExtension`](crate::hybrid_extensions::HybridExtension) | `&[account_id, cm_id]` |
//! | `hybrid_skills` | [`HybridSkill`](crate::skills::HybridSkill) | `&[account_id, cm_id]` |
//! | `sync_jobs` | [`SyncJob`](crate::sync::SyncJob) | `&[account_id, cm_id]` |
//! | `aco_elements`, `msteams_elements` | [`Element`](crate::elements::Element) (both kinds) | `&[account_id]` |
//! | `feature_toggles` | the last [`FeatureToggleChange`](crate::webhook::FeatureToggleChange) of each toggle, by its id | `&[]` |
//!
//! One model type names one resource, so the two element kinds, which share
//! [`Element`](crate::elements::Element), are seeded by name with
//! [`Simulator::seed`]`("aco_elements", &[account_id], json)` and read with
//! [`Simulator::with_store`]; the feature toggles are no resource of the API (nothing reads
//! them back), only kept for tests to look at with [`Simulator::with_store`]. Nothing else
//! is stored: the custom actions (the HCG system update, the bulk routing-rule update, the
//! searches and validations) read or change the items above.
//!
//! A seeded item is stored as it is, with the resource's defaults in the fields it leaves
//! out (a phone number's `type` `LOCAL`, `isCallingPartyNumber` `false` and empty
//! `statusMessage`; an element's `elementType`; a location's empty `users` and
//! `outboundRoutingRules`): nothing is checked, and it is not pending, whatever its
//! status. Its id is the model's id field (`phoneNumberId`, an available number's
//! `phoneNumber`, `reasonCodeId`, `voicePlanId`, `elementId`, else `id`): an empty one is
//! generated, one that is taken is refused.
//!
//! ```
//! use axp_voice::reason_codes::ReasonCode;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let sim = axp_voice::sim::start().await?;
//! let client = axp_voice::sim::client(&sim)?;
//! let lunch: ReasonCode = serde_json::from_value(serde_json::json!({
//!     "reasonCodeId": "rc-1", "codeName": "Lunch", "codeNumber": "1", "codeType": "NOT_READY",
//! }))?;
//! sim.seed_item(&["ACME", "cm-1"], &lunch)?;
//!
//! let read = client.account("ACME").communication_manager("cm-1").reason_codes().get("rc-1").await?;
//! assert_eq!(read.code_name.as_deref(), Some("Lunch"));
//! assert_eq!(sim.items::<ReasonCode>(&["ACME", "cm-1"])?, [read]);
//! # Ok(()) }
//! ```

use sdk_core::sim::{Api, Simulated};
/// The engine's types a test of this simulator names, so the crate is enough.
pub use sdk_core::sim::{Fault, RecordedRequest, RetryAfter, Simulator};

use crate::AxpClient;

/// The description of the AXP Voice Admin API for the `sdk-core` simulator.
pub fn api() -> Api {
    use crate::*;
    let families: [fn(Api) -> Api; 18] = [
        elements::simulate,
        phone_numbers::simulate,
        device_services::simulate,
        communication_managers::simulate,
        hybrid_cloud_gateways::simulate,
        hcg_systems::simulate,
        system_managers::simulate,
        webhook::simulate,
        reason_codes::simulate,
        voice_plans::simulate,
        hybrid_extensions::simulate,
        sync::simulate,
        skills::simulate,
        location_profiles::simulate,
        route_points::simulate,
        sip_trunks::simulate,
        routing_rules::simulate,
        agent_locations::simulate,
    ];
    families.into_iter().fold(
        Api::new("axp-voice").base_path("/api/admin/voice/v1"),
        |api, add| add(api),
    )
}

/// Starts the simulator on a free loopback port.
///
/// # Errors
///
/// A transport error when no port can be bound.
pub async fn start() -> sdk_core::Result<Simulator> {
    Simulator::start(api()).await
}

/// A client of `sim`, with no credentials (the simulator checks none).
///
/// Built by [`Simulator::client_builder`]: every request names its catalog operation (see
/// [`Simulator::requests`], [`Fault::operation`](sdk_core::sim::Fault::operation)) and
/// waits poll every few milliseconds.
///
/// # Errors
///
/// Only if the simulator's URL were invalid.
pub fn client(sim: &Simulator) -> sdk_core::Result<AxpClient> {
    sim.client_builder::<AxpClient>().no_auth().build()
}

impl Simulated for crate::phone_numbers::PhoneNumber {
    const RESOURCE: &'static str = "phone_numbers";
}

impl Simulated for crate::phone_numbers::AvailablePhoneNumber {
    const RESOURCE: &'static str = "available_phone_numbers";
}

impl Simulated for crate::communication_managers::CommunicationManagerElement {
    const RESOURCE: &'static str = crate::communication_managers::SIM_RESOURCE;
}

impl Simulated for crate::hybrid_cloud_gateways::HybridCloudGateway {
    const RESOURCE: &'static str = crate::hybrid_cloud_gateways::SIM_RESOURCE;
}

impl Simulated for crate::system_managers::SystemManager {
    const RESOURCE: &'static str = "system_managers";
}

impl Simulated for crate::device_services::AvayaAuraDeviceService {
    const RESOURCE: &'static str = crate::device_services::SIM_RESOURCE;
}

impl Simulated for crate::location_profiles::LocationProfile {
    const RESOURCE: &'static str = "location_profiles";
}

impl Simulated for crate::route_points::RoutePoint {
    const RESOURCE: &'static str = "route_points";
}

impl Simulated for crate::sip_trunks::SipTrunk {
    const RESOURCE: &'static str = "sip_trunks";
}

impl Simulated for crate::routing_rules::RoutingRule {
    const RESOURCE: &'static str = "outbound_routing_rules";
}

impl Simulated for crate::agent_locations::AgentLocation {
    const RESOURCE: &'static str = "agent_locations";
}

impl Simulated for crate::reason_codes::ReasonCode {
    const RESOURCE: &'static str = "reason_codes";
}

impl Simulated for crate::voice_plans::VoicePlan {
    const RESOURCE: &'static str = "voice_plans";
}

impl Simulated for crate::hybrid_extensions::HybridExtension {
    const RESOURCE: &'static str = "hybrid_extensions";
}

impl Simulated for crate::skills::HybridSkill {
    const RESOURCE: &'static str = "hybrid_skills";
}

impl Simulated for crate::sync::SyncJob {
    const RESOURCE: &'static str = "sync_jobs";
}
