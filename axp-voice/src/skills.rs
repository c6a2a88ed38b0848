//! Hybrid skills of a Communication Manager.

use crate::common::scope_type;

scope_type! {
    /// Hybrid skills of a Communication Manager.
    HybridSkills
}
