//! Long-running operations of this group of families.

use super::Lro;

pub(super) fn lros() -> Vec<Lro> {
    Vec::new()
}
