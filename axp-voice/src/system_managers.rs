//! System Managers.

use crate::common::scope_type;

scope_type! {
    /// System Managers.
    SystemManagers
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    api
}
