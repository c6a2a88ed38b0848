//! Avaya Aura Device Services elements.

use crate::common::scope_type;

scope_type! {
    /// Avaya Aura Device Services elements.
    AvayaAuraDeviceServices
}
