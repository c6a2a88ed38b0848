//! The voice-service feature-toggle webhook.

use crate::common::scope_type;

scope_type! {
    /// The voice-service feature-toggle webhook.
    FeatureToggleWebhook
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    api
}
