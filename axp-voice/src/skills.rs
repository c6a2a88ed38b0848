//! Hybrid skills of a Communication Manager.

use crate::common::scope_type;

scope_type! {
    /// Hybrid skills of a Communication Manager.
    HybridSkills
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    api
}
