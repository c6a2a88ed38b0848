//! Injected faults ([`Fault`]) and the record of what reached the simulator
//! ([`RecordedRequest`]).

use std::time::{Duration, SystemTime};

use bytes::Bytes;
use http::{HeaderMap, Method};

/// The `Retry-After` value of an injected error answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RetryAfter {
    /// Delay-seconds: `Retry-After: 3`.
    Seconds(u64),
    /// An HTTP date: `Retry-After: Wed, 21 Oct 2026 07:28:00 GMT`.
    HttpDate(SystemTime),
}

impl RetryAfter {
    pub(crate) fn header_value(self) -> String {
        match self {
            RetryAfter::Seconds(s) => s.to_string(),
            RetryAfter::HttpDate(t) => httpdate::fmt_http_date(t),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum FaultKind {
    Status {
        status: u16,
        retry_after: Option<RetryAfter>,
    },
    Delay(Duration),
    MalformedBody,
    TruncatedBody,
    DropConnection,
}

/// A fault to inject, by rule: which requests it hits (a method, a path prefix) and how
/// many times (once by default).
///
/// The requests a fault hits are recorded but never reach the store (a faulted create
/// creates nothing), except for [`delay`](Self::delay), which answers normally afterwards.
/// When several faults match a request, the first injected one applies.
///
/// ```
/// use std::time::Duration;
/// use sdk_core::Method;
/// use sdk_core::sim::{Fault, RetryAfter};
///
/// let busy = Fault::retry_after(429, RetryAfter::Seconds(3));
/// let flaky = Fault::status(503).times(2).on(Method::GET, "/api/v1/tenants/");
/// let slow = Fault::delay(Duration::from_millis(50)).always();
/// # let _ = (busy, flaky, slow);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    pub(crate) kind: FaultKind,
    method: Option<Method>,
    path_prefix: Option<String>,
    /// Hits left; `None` for every matching request.
    pub(crate) left: Option<u32>,
}

impl Fault {
    fn new(kind: FaultKind) -> Self {
        Fault {
            kind,
            method: None,
            path_prefix: None,
            left: Some(1),
        }
    }

    /// Answers this status (a 4xx or 5xx: 500, 502, 503, 504, …) with a JSON error body.
    pub fn status(status: u16) -> Self {
        Fault::new(FaultKind::Status {
            status,
            retry_after: None,
        })
    }

    /// Answers this status (429, 503) with a `Retry-After` header.
    pub fn retry_after(status: u16, after: RetryAfter) -> Self {
        Fault::new(FaultKind::Status {
            status,
            retry_after: Some(after),
        })
    }

    /// Waits this long, then answers normally.
    pub fn delay(duration: Duration) -> Self {
        Fault::new(FaultKind::Delay(duration))
    }

    /// Answers 200 with a `Content-Type: application/json` body that is not valid JSON.
    pub fn malformed_body() -> Self {
        Fault::new(FaultKind::MalformedBody)
    }

    /// Answers 200 with a `Content-Length` larger than the bytes it sends, then closes the
    /// connection.
    pub fn truncated_body() -> Self {
        Fault::new(FaultKind::TruncatedBody)
    }

    /// Reads the request, then closes the connection without answering.
    pub fn drop_connection() -> Self {
        Fault::new(FaultKind::DropConnection)
    }

    /// Hits the next `n` matching requests (default 1).
    pub fn times(mut self, n: u32) -> Self {
        self.left = Some(n);
        self
    }

    /// Hits every matching request until [`Simulator::clear_faults`](super::Simulator::clear_faults).
    pub fn always(mut self) -> Self {
        self.left = None;
        self
    }

    /// Hits only requests with this method whose path (base path included) starts with
    /// `path_prefix`.
    pub fn on(self, method: Method, path_prefix: impl Into<String>) -> Self {
        self.method(method).path(path_prefix)
    }

    /// Hits only requests with this method.
    pub fn method(mut self, method: Method) -> Self {
        self.method = Some(method);
        self
    }

    /// Hits only requests whose path (base path included) starts with `prefix`.
    pub fn path(mut self, prefix: impl Into<String>) -> Self {
        self.path_prefix = Some(prefix.into());
        self
    }

    pub(crate) fn hits(&self, method: &Method, path: &str) -> bool {
        self.left != Some(0)
            && self.method.as_ref().is_none_or(|m| m == method)
            && self
                .path_prefix
                .as_deref()
                .is_none_or(|p| path.starts_with(p))
    }
}

/// Takes the first fault of `faults` that hits the request, counting the hit.
pub(crate) fn take(faults: &mut Vec<Fault>, method: &Method, path: &str) -> Option<FaultKind> {
    let at = faults.iter().position(|f| f.hits(method, path))?;
    let kind = faults[at].kind.clone();
    if let Some(left) = faults[at].left.as_mut() {
        *left -= 1;
        if *left == 0 {
            faults.remove(at);
        }
    }
    Some(kind)
}

/// A request as it reached the simulator (faulted ones included), for assertions.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct RecordedRequest {
    /// The method.
    pub method: Method,
    /// The path, base path included, as sent (percent-encoded).
    pub path: String,
    /// The query parameters, decoded, in order.
    pub query: Vec<(String, String)>,
    /// The headers.
    pub headers: HeaderMap,
    /// The raw body.
    pub body: Bytes,
}

impl RecordedRequest {
    /// The first value of a query parameter.
    pub fn query_value(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// A header's value, when it is text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The body parsed as JSON, when it is JSON.
    pub fn json(&self) -> Option<serde_json::Value> {
        serde_json::from_slice(&self.body).ok()
    }

    /// The body parsed as an `application/x-www-form-urlencoded` form.
    pub fn form(&self) -> Vec<(String, String)> {
        url::form_urlencoded::parse(&self.body)
            .into_owned()
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faults_count_down_and_match_by_rule() {
        let mut faults = vec![
            Fault::status(503).times(2).on(Method::GET, "/a/"),
            Fault::malformed_body().always(),
        ];
        assert_eq!(
            take(&mut faults, &Method::POST, "/a/x"),
            Some(FaultKind::MalformedBody)
        );
        for _ in 0..2 {
            assert!(matches!(
                take(&mut faults, &Method::GET, "/a/x"),
                Some(FaultKind::Status { status: 503, .. })
            ));
        }
        assert_eq!(faults.len(), 1);
        assert_eq!(
            take(&mut faults, &Method::GET, "/a/x"),
            Some(FaultKind::MalformedBody)
        );
        let mut none = vec![Fault::delay(Duration::from_millis(1)).path("/b")];
        assert_eq!(take(&mut none, &Method::GET, "/a"), None);
        assert_eq!(RetryAfter::Seconds(3).header_value(), "3".to_owned());
    }
}
