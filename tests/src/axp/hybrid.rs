//! Registry entries of this group of families.

use crate::Case;

pub(crate) fn cases() -> Vec<Case> {
    Vec::new()
}
