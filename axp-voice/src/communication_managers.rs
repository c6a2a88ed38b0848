//! Communication Managers.

use crate::common::scope_type;

scope_type! {
    /// Communication Managers.
    CommunicationManagers
}
