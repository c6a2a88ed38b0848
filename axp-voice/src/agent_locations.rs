//! Agent locations.

use crate::common::scope_type;

scope_type! {
    /// Agent locations.
    AgentLocations
}
