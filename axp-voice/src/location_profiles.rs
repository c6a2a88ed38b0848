//! Location profiles.

use crate::common::scope_type;

scope_type! {
    /// Location profiles.
    LocationProfiles
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    api
}
