//! Reason codes of a Communication Manager.

use crate::common::scope_type;

scope_type! {
    /// Reason codes of a Communication Manager.
    ReasonCodes
}
