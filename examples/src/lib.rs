//! Runnable programs, one per user story (see `examples/`).
