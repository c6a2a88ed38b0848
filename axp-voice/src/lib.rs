//! Placeholder: this crate's client is not written yet.
#![warn(missing_docs)]
