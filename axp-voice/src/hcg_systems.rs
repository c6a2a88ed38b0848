//! Hybrid Cloud Gateway systems.

use crate::common::scope_type;

scope_type! {
    /// Hybrid Cloud Gateway systems.
    HybridCloudGatewaySystems
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    api
}
