//! SIP trunks.

use crate::common::scope_type;

scope_type! {
    /// SIP trunks.
    SipTrunks
}
