//! Voice plans of a Communication Manager.

use crate::common::scope_type;

scope_type! {
    /// Voice plans of a Communication Manager.
    VoicePlans
}
