//! The voice-service feature-toggle webhook.

use crate::common::scope_type;

scope_type! {
    /// The voice-service feature-toggle webhook.
    FeatureToggleWebhook
}
