//! Synchronisation of a Communication Manager and its sync jobs.

use crate::common::scope_type;

scope_type! {
    /// Synchronisation of a Communication Manager (`:sync`).
    Synchronization
}

scope_type! {
    /// The sync jobs of a Communication Manager (`/jobs`).
    SyncJobs
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    api
}
