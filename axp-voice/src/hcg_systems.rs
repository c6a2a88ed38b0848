//! Hybrid Cloud Gateway systems.

use crate::common::scope_type;

scope_type! {
    /// Hybrid Cloud Gateway systems.
    HybridCloudGatewaySystems
}
