//! Retries: which answers are worth repeating, how long to wait (exponential backoff with
//! full jitter, or the server's `Retry-After`), and a per-client budget so a failing
//! service is not hammered.

use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use http::{HeaderMap, StatusCode, header};

/// The statuses worth repeating: 408, 429, 502, 503, 504.
pub fn is_retryable_status(status: StatusCode) -> bool {
    matches!(status.as_u16(), 408 | 429 | 502 | 503 | 504)
}

/// The wait an answer's `Retry-After` asks for: delay-seconds, or an HTTP date measured
/// against the answer's own `Date` header (the server's clock, RFC 9110 section 6.6.1), so
/// a client whose clock is off by minutes still waits what the server meant; against this
/// machine's clock when the answer carries no valid `Date`. A date in the past is zero; no
/// header, or a value that is neither form, is `None`.
///
/// ```
/// use std::time::Duration;
/// use http::{HeaderMap, HeaderValue};
/// use sdk_core::retry::retry_after;
///
/// let mut headers = HeaderMap::new();
/// headers.insert("date", HeaderValue::from_static("Sun, 06 Nov 1994 08:49:37 GMT"));
/// headers.insert("retry-after", HeaderValue::from_static("Sun, 06 Nov 1994 08:50:07 GMT"));
/// assert_eq!(retry_after(&headers), Some(Duration::from_secs(30)));
///
/// headers.insert("retry-after", HeaderValue::from_static("5"));
/// assert_eq!(retry_after(&headers), Some(Duration::from_secs(5)));
/// ```
pub fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(header::RETRY_AFTER)?.to_str().ok()?;
    let served = headers
        .get(header::DATE)
        .and_then(|v| v.to_str().ok())
        .and_then(|d| httpdate::parse_http_date(d.trim()).ok());
    wait_until(value, served.unwrap_or_else(SystemTime::now))
}

/// A `Retry-After` value as a wait from `now`.
fn wait_until(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(when.duration_since(now).unwrap_or(Duration::ZERO))
}

/// How a request is retried.
///
/// Defaults: 3 attempts in all, backoff from 200 ms doubling up to 20 s with full jitter
/// (each wait is uniform in `[0, backoff]`), a server's `Retry-After` honoured up to 60 s.
///
/// ```
/// use std::time::Duration;
/// use sdk_core::RetryPolicy;
///
/// let patient = RetryPolicy::default()
///     .max_attempts(6)
///     .initial_backoff(Duration::from_secs(1))
///     .max_backoff(Duration::from_secs(30));
/// let never = RetryPolicy::none();
/// # let _ = (patient, never);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct RetryPolicy {
    pub(crate) max_attempts: u32,
    pub(crate) initial_backoff: Duration,
    pub(crate) max_backoff: Duration,
    pub(crate) max_retry_after: Duration,
    pub(crate) jitter: bool,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 3,
            initial_backoff: Duration::from_millis(200),
            max_backoff: Duration::from_secs(20),
            max_retry_after: Duration::from_secs(60),
            jitter: true,
        }
    }
}

impl RetryPolicy {
    /// One attempt, no retries.
    pub fn none() -> Self {
        RetryPolicy {
            max_attempts: 1,
            ..Self::default()
        }
    }

    /// Attempts in all, the first included (at least 1).
    pub fn max_attempts(mut self, n: u32) -> Self {
        self.max_attempts = n.max(1);
        self
    }

    /// The backoff before the first retry; it doubles for each further retry.
    pub fn initial_backoff(mut self, d: Duration) -> Self {
        self.initial_backoff = d;
        self
    }

    /// The largest backoff.
    pub fn max_backoff(mut self, d: Duration) -> Self {
        self.max_backoff = d;
        self
    }

    /// The longest `Retry-After` honoured; a longer one is cut to this.
    pub fn max_retry_after(mut self, d: Duration) -> Self {
        self.max_retry_after = d;
        self
    }

    /// Turns full jitter off (each wait is then exactly the backoff). For tests.
    pub fn without_jitter(mut self) -> Self {
        self.jitter = false;
        self
    }

    /// The wait before retry number `retry` (1 for the first retry), given the server's
    /// `Retry-After`, if any.
    pub fn delay(&self, retry: u32, retry_after: Option<Duration>) -> Duration {
        if let Some(ra) = retry_after {
            return ra.min(self.max_retry_after);
        }
        let exp = retry.saturating_sub(1).min(30);
        let cap = self
            .initial_backoff
            .saturating_mul(1u32 << exp)
            .min(self.max_backoff);
        if self.jitter {
            cap.mul_f64(fastrand::f64())
        } else {
            cap
        }
    }
}

/// A per-client token bucket that bounds retries, as aws-sdk-rust's standard retry mode
/// does: each retry spends tokens (a timeout more), each success puts one back, and an
/// empty bucket stops retrying until successes refill it. First attempts never need
/// tokens.
#[derive(Debug)]
pub struct RetryBudget {
    capacity: u32,
    tokens: Mutex<u32>,
}

/// Tokens a retry after an error answer or a connection failure costs.
pub const RETRY_COST: u32 = 5;
/// Tokens a retry after a timeout costs.
pub const TIMEOUT_RETRY_COST: u32 = 10;

impl RetryBudget {
    /// A full bucket of `capacity` tokens (the default client has 500).
    pub fn new(capacity: u32) -> Self {
        RetryBudget {
            capacity,
            tokens: Mutex::new(capacity),
        }
    }

    /// Takes `cost` tokens, or returns `false` (and takes none) when too few are left.
    pub fn try_spend(&self, cost: u32) -> bool {
        let mut t = self.tokens.lock().unwrap_or_else(|p| p.into_inner());
        if *t >= cost {
            *t -= cost;
            true
        } else {
            false
        }
    }

    /// Puts one token back after a success.
    pub fn refill(&self) {
        let mut t = self.tokens.lock().unwrap_or_else(|p| p.into_inner());
        *t = (*t + 1).min(self.capacity);
    }

    /// The tokens left.
    pub fn available(&self) -> u32 {
        *self.tokens.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl Default for RetryBudget {
    fn default() -> Self {
        RetryBudget::new(500)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A `Retry-After` value alone, as an answer without a `Date` carries it.
    fn parse_retry_after(value: &str) -> Option<Duration> {
        let mut h = HeaderMap::new();
        h.insert(header::RETRY_AFTER, value.parse().unwrap());
        retry_after(&h)
    }

    #[test]
    fn retry_after_seconds_and_dates() {
        assert_eq!(parse_retry_after("7"), Some(Duration::from_secs(7)));
        assert_eq!(parse_retry_after(" 0 "), Some(Duration::ZERO));
        let later = SystemTime::now() + Duration::from_secs(120);
        let d = parse_retry_after(&httpdate::fmt_http_date(later)).unwrap();
        assert!(
            d > Duration::from_secs(100) && d <= Duration::from_secs(120),
            "{d:?}"
        );
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT"),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon"), None);
    }

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        pairs
            .iter()
            .map(|&(k, v)| (header::HeaderName::from_static(k), v.parse().unwrap()))
            .collect()
    }

    #[test]
    fn a_retry_after_date_is_measured_against_the_answers_date() {
        // A server whose clock is 32 years behind this machine's: its date still means 45 s.
        let skewed = headers(&[
            ("date", "Sun, 06 Nov 1994 08:49:37 GMT"),
            ("retry-after", "Sun, 06 Nov 1994 08:50:22 GMT"),
        ]);
        assert_eq!(retry_after(&skewed), Some(Duration::from_secs(45)));
        // Before the answer's own date: zero.
        let past = headers(&[
            ("date", "Sun, 06 Nov 1994 08:49:37 GMT"),
            ("retry-after", "Sun, 06 Nov 1994 08:49:00 GMT"),
        ]);
        assert_eq!(retry_after(&past), Some(Duration::ZERO));
        // Seconds need no date; no header, or neither form, is no wait asked for.
        assert_eq!(
            retry_after(&headers(&[("retry-after", " 9 ")])),
            Some(Duration::from_secs(9))
        );
        assert_eq!(
            retry_after(&headers(&[("date", "Sun, 06 Nov 1994 08:49:37 GMT")])),
            None
        );
        assert_eq!(retry_after(&headers(&[("retry-after", "later")])), None);
    }

    #[test]
    fn without_a_valid_date_a_retry_after_date_is_measured_on_this_machine() {
        let later = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(120));
        for date in [None, Some("yesterday")] {
            let mut h = HeaderMap::new();
            h.insert(header::RETRY_AFTER, later.parse().unwrap());
            if let Some(d) = date {
                h.insert(header::DATE, d.parse().unwrap());
            }
            let d = retry_after(&h).unwrap();
            assert!(
                d > Duration::from_secs(100) && d <= Duration::from_secs(120),
                "{date:?}: {d:?}"
            );
        }
    }

    #[test]
    fn backoff_doubles_caps_and_jitters() {
        let p = RetryPolicy::default().without_jitter();
        let delays: Vec<_> = (1..=10).map(|r| p.delay(r, None)).collect();
        assert_eq!(delays[0], Duration::from_millis(200));
        assert_eq!(delays[1], Duration::from_millis(400));
        assert_eq!(delays[2], Duration::from_millis(800));
        assert_eq!(delays[9], Duration::from_secs(20));
        assert_eq!(
            p.delay(1, Some(Duration::from_secs(3600))),
            Duration::from_secs(60)
        );
        assert_eq!(
            p.delay(1, Some(Duration::from_secs(2))),
            Duration::from_secs(2)
        );
        let j = RetryPolicy::default();
        let mut distinct = std::collections::HashSet::new();
        for _ in 0..50 {
            let d = j.delay(3, None);
            assert!(d <= Duration::from_millis(800));
            distinct.insert(d);
        }
        assert!(distinct.len() > 10, "full jitter spreads the waits");
    }

    #[test]
    fn budget_spends_and_refills() {
        let b = RetryBudget::new(12);
        assert!(b.try_spend(RETRY_COST));
        assert!(b.try_spend(RETRY_COST));
        assert!(!b.try_spend(RETRY_COST));
        assert_eq!(b.available(), 2);
        for _ in 0..20 {
            b.refill();
        }
        assert_eq!(b.available(), 12);
    }

    #[test]
    fn retryable_statuses() {
        for s in [408, 429, 502, 503, 504] {
            assert!(is_retryable_status(StatusCode::from_u16(s).unwrap()));
        }
        for s in [400, 401, 403, 404, 409, 500, 501] {
            assert!(!is_retryable_status(StatusCode::from_u16(s).unwrap()));
        }
    }
}
