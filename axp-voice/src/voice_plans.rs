//! Voice plans of a Communication Manager.

use crate::common::scope_type;

scope_type! {
    /// Voice plans of a Communication Manager.
    VoicePlans
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    api
}
