//! Reason codes of a Communication Manager.

use crate::common::scope_type;

scope_type! {
    /// Reason codes of a Communication Manager.
    ReasonCodes
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    api
}
