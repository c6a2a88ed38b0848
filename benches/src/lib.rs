//! The measurement kit shared by the bench targets of this crate (one per table of
//! `BENCHMARKS.md`): paired alternating rounds and their medians ([`measure`]), the
//! printed tables ([`Table`]), peak memory of child runs ([`rss`]), and a loopback hyper
//! server that answers from a closure ([`server`]).
//!
//! Every figure is a ratio against a baseline measured in the same process, in rounds that
//! alternate between the two sides (A B B A ...) so that a shared machine's drift hits
//! both alike.

pub mod measure;
pub mod rss;
pub mod server;

pub use measure::{Pair, Table, compare, env_usize, median, thread_cpu};
