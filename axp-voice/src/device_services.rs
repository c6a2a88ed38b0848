//! Avaya Aura Device Services elements.

use crate::common::scope_type;

scope_type! {
    /// Avaya Aura Device Services elements.
    AvayaAuraDeviceServices
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    api
}
