//! The simulator of the AXP Voice Admin API (feature `simulator`): a stateful fake on
//! `127.0.0.1` for the examples and for testing your own provisioning code.
//!
//! Creates of long-running resources answer 202 and become ready after a number of reads
//! (2 by default; [`Simulator::set_polls`](sdk_core::sim::Simulator::set_polls) changes it,
//! [`Simulator::fail_next`](sdk_core::sim::Simulator::fail_next) makes the next one fail),
//! lists page with `pageNumber`/`pageSize`, `pagination` and `links`, and deleted resources
//! answer 404.

use sdk_core::sim::{Api, Simulator};

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
