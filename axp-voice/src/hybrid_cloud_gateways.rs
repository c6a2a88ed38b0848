//! Hybrid Cloud Gateways.

use crate::common::scope_type;

scope_type! {
    /// Hybrid Cloud Gateways.
    HybridCloudGateways
}
