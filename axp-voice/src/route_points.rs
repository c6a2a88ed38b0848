//! Route points.

use crate::common::scope_type;

scope_type! {
    /// Route points.
    RoutePoints
}
