//! Location profiles.

use crate::common::scope_type;

scope_type! {
    /// Location profiles.
    LocationProfiles
}
