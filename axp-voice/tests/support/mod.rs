//! What the wire tests of this crate share: one connection pool, a client of a mock server
//! on a manual clock, a quick poll policy.
#![allow(dead_code)] // Each test crate uses its own part.

use std::sync::Arc;
use std::time::Duration;

use axp_voice::{AxpClient, PollPolicy};
use sdk_core::clock::ManualClock;
use wiremock::{MockServer, Request};

pub use sdk_core::sim::test_http_client as http;

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
