//! Outbound routing rules.

use crate::common::scope_type;

scope_type! {
    /// Outbound routing rules.
    OutboundRoutingRules
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    api
}
