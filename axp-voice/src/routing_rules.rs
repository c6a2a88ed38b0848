//! Outbound routing rules.

use crate::common::scope_type;

scope_type! {
    /// Outbound routing rules.
    OutboundRoutingRules
}
