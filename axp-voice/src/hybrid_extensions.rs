//! Hybrid extensions of a Communication Manager.

use crate::common::scope_type;

scope_type! {
    /// Hybrid extensions of a Communication Manager.
    HybridExtensions
}
