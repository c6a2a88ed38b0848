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
    LoseAnswer,
    Body {
        status: u16,
        content_type: Option<String>,
        body: Bytes,
    },
    HugeBody(u64),
}

/// A seeded chance of hitting a matching request (see [`Fault::ratio`]).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Chance {
    /// Hits when the next draw in `0..u32::MAX` is below this.
    threshold: u64,
    rng: fastrand::Rng,
}

impl Chance {
    fn roll(&mut self) -> bool {
        u64::from(self.rng.u32(..)) < self.threshold
    }
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
    operation: Option<String>,
    /// Hits left; `None` for every matching request.
    pub(crate) left: Option<u32>,
    chance: Option<Chance>,
}

impl Fault {
    fn new(kind: FaultKind) -> Self {
        Fault {
            kind,
            method: None,
            path_prefix: None,
            operation: None,
            left: Some(1),
            chance: None,
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

    /// Handles the request (a create is made), then closes the connection without
    /// answering: the request reached the server and its answer was lost, as when a
    /// connection breaks or a program is stopped at the wrong moment.
    pub fn lose_answer() -> Self {
        Fault::new(FaultKind::LoseAnswer)
    }

    /// Answers `status` with this body and `Content-Type` (none when `content_type` is
    /// `None`): a body that is not JSON, an empty `200`, a proxy's page, arbitrary bytes.
    pub fn body(status: u16, content_type: Option<&str>, body: impl Into<Bytes>) -> Self {
        Fault::new(FaultKind::Body {
            status,
            content_type: content_type.map(str::to_owned),
            body: body.into(),
        })
    }

    /// Answers `status` with the HTML error page a proxy or load balancer sends
    /// (`<title>502 Bad Gateway</title>`).
    pub fn html_error(status: u16) -> Self {
        let reason = http::StatusCode::from_u16(status)
            .ok()
            .and_then(|s| s.canonical_reason())
            .unwrap_or("Error");
        let page = format!(
            "<!DOCTYPE html>\n<html><head><title>{status} {reason}</title></head>\n<body><center><h1>{status} {reason}</h1></center><hr><center>nginx</center></body></html>\n"
        );
        Fault::body(status, Some("text/html; charset=utf-8"), page)
    }

    /// Answers `200` with an empty body (and a JSON `Content-Type`).
    pub fn empty_body() -> Self {
        Fault::body(200, Some("application/json"), Bytes::new())
    }

    /// Answers `200` with a JSON-looking body of `len` bytes, streamed in chunks without a
    /// `Content-Length`, so a client must bound what it reads.
    pub fn huge_body(len: u64) -> Self {
        Fault::new(FaultKind::HugeBody(len))
    }

    /// Hits each matching request with probability `fraction` (0 to 1), decided by a
    /// generator seeded with `seed`, so a run with the same requests in the same order
    /// faults the same ones. Combine with [`always`](Self::always) for a steady rate
    /// ("5 % of answers"); with [`times`](Self::times) only hits count.
    pub fn ratio(mut self, fraction: f64, seed: u64) -> Self {
        let fraction = if fraction.is_finite() {
            fraction.clamp(0.0, 1.0)
        } else {
            0.0
        };
        self.chance = Some(Chance {
            threshold: (fraction * f64::from(u32::MAX)).round() as u64 + u64::from(fraction >= 1.0),
            rng: fastrand::Rng::with_seed(seed),
        });
        self
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

    /// Hits only requests of this catalog operation (`axp.phone_numbers.create`), as the
    /// client names it in the [`OPERATION_HEADER`](crate::config::OPERATION_HEADER) (the
    /// vendor crates' `sim::client` sends it). A create and a search that share a path
    /// prefix are told apart.
    pub fn operation(mut self, id: impl Into<String>) -> Self {
        self.operation = Some(id.into());
        self
    }

    pub(crate) fn hits(&self, method: &Method, path: &str, operation: Option<&str>) -> bool {
        self.left != Some(0)
            && self.method.as_ref().is_none_or(|m| m == method)
            && self
                .path_prefix
                .as_deref()
                .is_none_or(|p| path.starts_with(p))
            && self
                .operation
                .as_deref()
                .is_none_or(|op| operation == Some(op))
    }
}

/// Takes the first fault of `faults` that hits the request, counting the hit. A rule with
/// a [`ratio`](Fault::ratio) that matches but does not roll a hit lets the next rule try.
pub(crate) fn take(
    faults: &mut Vec<Fault>,
    method: &Method,
    path: &str,
    operation: Option<&str>,
) -> Option<FaultKind> {
    let at = faults.iter_mut().position(|f| {
        f.hits(method, path, operation) && f.chance.as_mut().is_none_or(Chance::roll)
    })?;
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
    /// The catalog operation id the client named (`axp.phone_numbers.create`), when it
    /// sends the [`OPERATION_HEADER`](crate::config::OPERATION_HEADER).
    pub operation: Option<String>,
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
    /// Whether an injected [`Fault`] answered it (a delay included).
    pub faulted: bool,
    /// Whether the [rate limit](super::Simulator::rate_limit) answered it with a 429.
    pub throttled: bool,
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
            take(&mut faults, &Method::POST, "/a/x", None),
            Some(FaultKind::MalformedBody)
        );
        for _ in 0..2 {
            assert!(matches!(
                take(&mut faults, &Method::GET, "/a/x", None),
                Some(FaultKind::Status { status: 503, .. })
            ));
        }
        assert_eq!(faults.len(), 1);
        assert_eq!(
            take(&mut faults, &Method::GET, "/a/x", None),
            Some(FaultKind::MalformedBody)
        );
        let mut none = vec![Fault::delay(Duration::from_millis(1)).path("/b")];
        assert_eq!(take(&mut none, &Method::GET, "/a", None), None);
        assert_eq!(RetryAfter::Seconds(3).header_value(), "3".to_owned());
    }

    #[test]
    fn faults_match_by_operation() {
        let mut faults = vec![Fault::status(503).operation("axp.phone_numbers.create")];
        let path = "/api/admin/voice/v1/accounts/A/phone-numbers";
        let search = Some("axp.phone_numbers.get_by_phone_numbers");
        assert_eq!(take(&mut faults, &Method::POST, path, search), None);
        assert_eq!(take(&mut faults, &Method::POST, path, None), None);
        assert!(
            take(
                &mut faults,
                &Method::POST,
                path,
                Some("axp.phone_numbers.create")
            )
            .is_some()
        );
        assert!(faults.is_empty());
    }

    #[test]
    fn ratios_are_seeded_and_close_to_the_fraction() {
        let run = |seed| {
            let mut faults = vec![Fault::status(503).always().ratio(0.05, seed)];
            (0..20_000)
                .map(|_| take(&mut faults, &Method::GET, "/a", None).is_some())
                .collect::<Vec<_>>()
        };
        let a = run(7);
        assert_eq!(a, run(7), "the same seed faults the same requests");
        assert_ne!(a, run(8));
        let hits = a.iter().filter(|h| **h).count();
        assert!((800..1200).contains(&hits), "{hits} hits of 20000 at 5 %");
        let mut never = vec![Fault::status(503).always().ratio(0.0, 1)];
        assert!((0..1000).all(|_| take(&mut never, &Method::GET, "/a", None).is_none()));
        let mut always = vec![Fault::status(503).always().ratio(1.0, 1)];
        assert!((0..1000).all(|_| take(&mut always, &Method::GET, "/a", None).is_some()));
        // A missed roll lets the next rule answer.
        let mut two = vec![
            Fault::status(503).always().ratio(0.0, 1),
            Fault::malformed_body(),
        ];
        assert_eq!(
            take(&mut two, &Method::GET, "/a", None),
            Some(FaultKind::MalformedBody)
        );
    }
}
