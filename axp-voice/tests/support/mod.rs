//! What the wire tests of this crate share: one connection pool, a client of a mock server
//! on a manual clock, a quick poll policy.
#![allow(dead_code)] // Each test crate uses its own part.

use std::sync::Arc;
use std::time::Duration;

use axp_voice::{AxpClient, PollPolicy};
use sdk_core::clock::ManualClock;
use wiremock::{MockServer, Request};

/// One connection pool for every client of a test crate (building a client costs more
/// than most tests).
pub fn http() -> sdk_core::HttpClient {
    static HTTP: std::sync::OnceLock<sdk_core::HttpClient> = std::sync::OnceLock::new();
    HTTP.get_or_init(|| {
        // No keep-alive: each mock server is fresh, and a pooled connection to a server of
        // an earlier test must never carry a request into a later one.
        sdk_core::HttpClient::builder()
            .pool_max_idle_per_host(0)
            .build()
            .expect("an HTTP client")
    })
    .clone()
}

/// A client of `server` with a bearer token, on a manual clock.
pub fn client(server: &MockServer) -> AxpClient {
    AxpClient::builder()
        .base_url(server.uri())
        .allow_http(true)
        .bearer("token")
        .clock(Arc::new(ManualClock::new()))
        .http_client(http())
        .build()
        .expect("client")
}

/// Polls every second, no jitter, for a minute (of manual time).
pub fn policy() -> PollPolicy {
    PollPolicy::default()
        .initial_delay(Duration::from_secs(1))
        .multiplier(1.0)
        .jitter(0.0)
        .deadline(Duration::from_secs(60))
}

/// What reached `server`.
pub async fn received(server: &MockServer) -> Vec<Request> {
    server.received_requests().await.expect("recording is on")
}
