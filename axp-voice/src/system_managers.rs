//! System Managers.

use crate::common::scope_type;

scope_type! {
    /// System Managers.
    SystemManagers
}
