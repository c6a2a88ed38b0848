//! Helpers shared by the wire tests: a transport on a wiremock server with a manual clock,
//! a responder that plays a sequence of answers, and a tracing capture.

#![allow(dead_code)] // each test crate uses a different part

use std::io;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use sdk_core::clock::ManualClock;
use sdk_core::{ClientBuilder, Transport};
use wiremock::{MockServer, Request, Respond, ResponseTemplate};

/// A builder for `server` on `clock`, plain HTTP allowed, credentials not chosen yet.
pub fn builder(server: &MockServer, clock: &ManualClock) -> ClientBuilder<Transport> {
    Transport::builder()
        .base_url(server.uri())
        .allow_http(true)
        .clock(Arc::new(clock.clone()))
}

/// A transport without credentials for `server` on `clock`.
pub fn transport(server: &MockServer, clock: &ManualClock) -> Transport {
    builder(server, clock).no_auth().build().expect("transport")
}

/// Every request the server received.
pub async fn received(server: &MockServer) -> Vec<Request> {
    server.received_requests().await.expect("recording is on")
}

/// The query strings of the requests the server received on `path`, in order.
pub async fn queries(server: &MockServer, path: &str) -> Vec<String> {
    received(server)
        .await
        .iter()
        .filter(|r| r.url.path() == path)
        .map(|r| r.url.query().unwrap_or("").to_owned())
        .collect()
}

/// Answers with `responses` in turn; the last one repeats.
pub struct Sequence {
    responses: Vec<ResponseTemplate>,
    next: AtomicUsize,
}

impl Sequence {
    pub fn new(responses: Vec<ResponseTemplate>) -> Self {
        assert!(!responses.is_empty());
        Sequence {
            responses,
            next: AtomicUsize::new(0),
        }
    }
}

impl Respond for Sequence {
    fn respond(&self, _: &Request) -> ResponseTemplate {
        let n = self.next.fetch_add(1, Ordering::SeqCst);
        self.responses[n.min(self.responses.len() - 1)].clone()
    }
}

/// What a tracing subscriber wrote.
#[derive(Clone, Default)]
pub struct LogBuffer(Arc<Mutex<Vec<u8>>>);

impl LogBuffer {
    pub fn contents(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().expect("log lock")).into_owned()
    }
}

impl io::Write for LogBuffer {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.lock().expect("log lock").extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Records every tracing event and span of this thread, at TRACE, until the guard drops.
/// Use it in `#[tokio::test]` (current-thread) tests so the whole call runs on this thread.
pub fn capture_tracing() -> (LogBuffer, tracing::subscriber::DefaultGuard) {
    let buf = LogBuffer::default();
    let writer = buf.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    (buf, tracing::subscriber::set_default(subscriber))
}

/// Standard base64 with padding (what an HTTP basic `Authorization` header carries).
pub fn base64(s: &str) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let bytes = s.as_bytes();
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}
