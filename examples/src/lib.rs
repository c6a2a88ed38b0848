//! Runnable programs, one per user story (`src/bin/`). Each runs against the crate's
//! simulator unless the environment names a real endpoint and its credentials; nothing
//! secret is ever printed.

use std::time::Duration;

use sdk_core::PollPolicy;

/// Reads an environment variable, treating an empty value as unset.
pub fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// The poll policy of the examples: quick on the simulator, patient against a real
/// service.
pub fn poll_policy(simulated: bool) -> PollPolicy {
    if simulated {
        PollPolicy::default()
            .initial_delay(Duration::from_millis(50))
            .max_interval(Duration::from_millis(200))
            .deadline(Duration::from_secs(30))
    } else {
        PollPolicy::default().deadline(Duration::from_secs(15 * 60))
    }
}
