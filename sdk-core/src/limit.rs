//! Adaptive concurrency for bulk work: how many items of a job a client keeps in flight,
//! learnt from the service's own answers.
//!
//! Every [`Transport`] holds one [`AdaptiveLimit`] ([`Transport::limiter`]); clones of a
//! client share it, so every task sending through the same client sees the same limit.
//! The transport feeds it each attempt's outcome; [`for_each_limited`] runs a list of work
//! items under it and yields their results in completion order:
//!
//! ```
//! use futures_util::StreamExt;
//! use sdk_core::Transport;
//! use sdk_core::limit::for_each_limited;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), sdk_core::Error> {
//! let transport = Transport::builder().base_url("https://example.com").no_auth().build()?;
//! // Each item would be a create sent through `transport` (or a client holding it).
//! let mut doubled: Vec<u32> = for_each_limited(&transport, 1..=100, |i| async move { i * 2 })
//!     .collect()
//!     .await;
//! doubled.sort();
//! assert_eq!(doubled.len(), 100);
//! # Ok(()) }
//! ```
//!
//! # How the limit moves
//!
//! The limit is a number of items in flight (not a request rate), between
//! [`LimitPolicy::min`] and [`LimitPolicy::max`]:
//!
//! - **Growth while answers are clean and fast.** Until the first sign of overload the limit
//!   grows by one per clean answer, doubling every round trip (slow start); afterwards by
//!   one per round trip of answers (`1 / limit` per answer), and once it is back within nine
//!   tenths of the concurrency that was last throttled, by one per eight round trips: each
//!   crossing of the service's limit costs a back-off and often a pause, so it is
//!   approached slowly, and probed past slowly. It grows only while at least half of it is
//!   in use, so an idle or sequential client does not build up a limit it has never tried.
//! - **Back-off on throttling.** A 429 or a 503 multiplies the limit by
//!   [`LimitPolicy::backoff`] (one half by default), from the smaller of the limit and the
//!   items in flight; so does a timeout. Answers to requests that were already on their way
//!   when the limit was lowered belong to the same episode and do not lower it again.
//! - **`Retry-After`, exactly.** A throttled answer with `Retry-After` pauses every new start
//!   under the limit, in every task using the client, until that instant (on the
//!   transport's [`Clock`]); items in flight carry on. A request sent outside a limited job
//!   waits only as its own retry policy says.
//! - **Latency.** The limiter keeps a baseline of the answers' latency (their minimum, let
//!   forget slowly). An answer slower than [`LimitPolicy::latency_tolerance`] times the
//!   baseline (twice, by default) stops the growth and takes the limit down by one per
//!   round trip, so a service that queues is not pushed until it throttles.
//! - Other failures (connection errors, other 5xx) neither grow nor lower the limit.
//!
//! Defaults ([`LimitPolicy::default`]): from 16 in flight, between 1 and 64, halved on
//! throttling, answers slower than twice the baseline count as slow, pauses up to 60 s.
//!
//! The hook on each request is a few atomic operations, with no lock; a request sent
//! outside a limited job costs two atomic loads.
//!
//! Compared with a client-side rate limiter that learns the throttling rate (as
//! aws-sdk-rust's adaptive retry mode does): this limits what is in flight, so it follows
//! the service when its latency changes (the same limit is a lower rate on a slower
//! service); it reads latency as an early sign; it waits exactly as long as `Retry-After`
//! says, no more and no less; and it takes no lock per request.

use std::fmt;
use std::future::Future;
use std::iter::Peekable;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use futures_util::Stream;
use futures_util::stream::FuturesUnordered;
use http::{HeaderMap, StatusCode};
use tokio::sync::Notify;

use crate::clock::{BoxFuture, Clock};
use crate::transport::Transport;

/// How an [`AdaptiveLimit`] moves: its bounds, where it starts, how hard it backs off.
///
/// Defaults: starts at 16, stays between 1 and 64, halves on throttling, counts an answer
/// slower than twice the baseline latency as slow, pauses at most 60 s for a
/// `Retry-After`.
///
/// ```
/// use std::time::Duration;
/// use sdk_core::limit::LimitPolicy;
///
/// let gentle = LimitPolicy::default().initial(4).max(32).backoff(0.7);
/// let steady = LimitPolicy::fixed(8); // never moves, still pauses for Retry-After
/// # let _ = (gentle, steady);
/// # let _ = sdk_core::Transport::builder()
/// #     .base_url("https://example.com")
/// #     .no_auth()
/// #     .concurrency_limit(LimitPolicy::default().max_pause(Duration::from_secs(10)))
/// #     .build()?;
/// # Ok::<(), sdk_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct LimitPolicy {
    min: u32,
    max: u32,
    initial: u32,
    backoff: f64,
    latency_tolerance: f64,
    max_pause: Duration,
}

impl Default for LimitPolicy {
    fn default() -> Self {
        LimitPolicy {
            min: 1,
            max: 64,
            initial: 16,
            backoff: 0.5,
            latency_tolerance: 2.0,
            max_pause: Duration::from_secs(60),
        }
    }
}

impl LimitPolicy {
    /// A limit that stays at `n` (at least 1): no growth, no back-off; new starts still
    /// pause for a `Retry-After`.
    pub fn fixed(n: u32) -> Self {
        let n = n.max(1);
        LimitPolicy {
            min: n,
            max: n,
            initial: n,
            ..Self::default()
        }
    }

    /// The lowest limit (default 1; at least 1).
    pub fn min(mut self, n: u32) -> Self {
        self.min = n.max(1);
        self
    }

    /// The highest limit (default 64).
    pub fn max(mut self, n: u32) -> Self {
        self.max = n.max(1);
        self
    }

    /// The limit a new client starts at (default 16).
    pub fn initial(mut self, n: u32) -> Self {
        self.initial = n;
        self
    }

    /// The factor the limit is multiplied by on throttling (default 0.5; kept within
    /// 0.1 to 1).
    pub fn backoff(mut self, factor: f64) -> Self {
        self.backoff = if factor.is_finite() {
            factor.clamp(0.1, 1.0)
        } else {
            0.5
        };
        self
    }

    /// How many times slower than the baseline an answer must be to count as slow (default
    /// 2; `f64::INFINITY` ignores latency; at least 1).
    pub fn latency_tolerance(mut self, times: f64) -> Self {
        self.latency_tolerance = if times.is_nan() { 2.0 } else { times.max(1.0) };
        self
    }

    /// The longest pause a `Retry-After` imposes on new starts (default 60 s); a longer one
    /// is cut to this.
    pub fn max_pause(mut self, d: Duration) -> Self {
        self.max_pause = d;
        self
    }

    /// The bounds in order (`max >= min`) and the start within them.
    fn normalized(mut self) -> Self {
        self.min = self.min.max(1);
        self.max = self.max.max(self.min);
        self.initial = self.initial.clamp(self.min, self.max);
        self
    }
}

/// What one attempt's answer says about the service's load.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Outcome {
    /// The service processed the request (a success, or an error about the request).
    Answered,
    /// 429 or 503, with the `Retry-After` it carried.
    Throttled(Option<Duration>),
    /// No answer within the timeout.
    TimedOut,
    /// Anything else: a connection error, another 5xx.
    Failed,
}

impl Outcome {
    /// The outcome of an error answer.
    pub(crate) fn of_status(status: StatusCode, headers: &HeaderMap) -> Self {
        match status.as_u16() {
            429 | 503 => Outcome::Throttled(crate::retry::retry_after(headers)),
            500..=599 => Outcome::Failed,
            _ => Outcome::Answered,
        }
    }
}

/// Taken when an attempt starts, given back with its outcome.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ticket {
    /// The back-off episode the attempt started in.
    episode: u32,
    /// When it started; only taken while limited work is in flight.
    started: Option<Instant>,
}

/// The concurrency limit of one client, shared by its clones and every task using them.
///
/// The transport adjusts it from each attempt's answer (see the [module](self) docs);
/// work takes a [`Permit`] per item, through [`for_each_limited`] or [`acquire`](Self::acquire).
///
/// ```
/// use sdk_core::Transport;
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), sdk_core::Error> {
/// let transport = Transport::builder().base_url("https://example.com").no_auth().build()?;
/// let limiter = transport.limiter();
/// assert_eq!(limiter.limit(), 16);
/// let permit = limiter.acquire().await; // waits while the limit is full or paused
/// assert_eq!(limiter.in_flight(), 1);
/// drop(permit);
/// assert_eq!(transport.clone().limiter().in_flight(), 0); // clones share it
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct AdaptiveLimit {
    shared: Arc<Shared>,
}

struct Shared {
    policy: LimitPolicy,
    clock: Arc<dyn Clock>,
    epoch: Instant,
    /// The limit, an `f64` in its bits (fractional growth accumulates).
    limit: AtomicU64,
    in_flight: AtomicU32,
    /// Nanoseconds after `epoch` before which nothing new starts; 0 when not paused.
    pause_until: AtomicU64,
    /// Counts the back-offs; an attempt that started before the last one is of its episode.
    episode: AtomicU32,
    slow_start: AtomicBool,
    /// The concurrency throttled last (the limit, or what was in flight if less), an `f64`
    /// in its bits (0 before the first back-off).
    ceiling: AtomicU64,
    /// The baseline latency in nanoseconds (0 until the first answer).
    base_latency: AtomicU64,
    throttled: AtomicU64,
    notify: Notify,
}

impl fmt::Debug for AdaptiveLimit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AdaptiveLimit")
            .field("limit", &self.limit())
            .field("in_flight", &self.in_flight())
            .field("paused_for", &self.paused_for())
            .field("throttled", &self.throttled())
            .field("policy", &self.shared.policy)
            .finish()
    }
}

/// Past this share of the concurrency throttled last, the limit grows [`PROBE`] times slower.
const PLATEAU: f64 = 0.9;
/// How many round trips of clean answers the limit takes to grow by one near the
/// concurrency throttled last.
const PROBE: f64 = 8.0;

/// How much slower the baseline forgets than it learns: a latency above it moves it by
/// this fraction of the difference.
const BASELINE_DRIFT: u64 = 512;

impl AdaptiveLimit {
    pub(crate) fn new(policy: LimitPolicy, clock: Arc<dyn Clock>) -> Self {
        let policy = policy.normalized();
        let epoch = clock.now();
        AdaptiveLimit {
            shared: Arc::new(Shared {
                limit: AtomicU64::new(f64::from(policy.initial).to_bits()),
                policy,
                clock,
                epoch,
                in_flight: AtomicU32::new(0),
                pause_until: AtomicU64::new(0),
                episode: AtomicU32::new(0),
                slow_start: AtomicBool::new(true),
                ceiling: AtomicU64::new(0),
                base_latency: AtomicU64::new(0),
                throttled: AtomicU64::new(0),
                notify: Notify::new(),
            }),
        }
    }

    /// The policy it follows.
    pub fn policy(&self) -> &LimitPolicy {
        &self.shared.policy
    }

    /// The current limit: how many items may be in flight.
    pub fn limit(&self) -> u32 {
        let p = &self.shared.policy;
        (self.limit_f64() as u32).clamp(p.min, p.max)
    }

    /// The items in flight: permits held.
    pub fn in_flight(&self) -> u32 {
        self.shared.in_flight.load(Ordering::Acquire)
    }

    /// How long new starts still wait for a `Retry-After`, if they do.
    pub fn paused_for(&self) -> Option<Duration> {
        let until = self.shared.pause_until.load(Ordering::Acquire);
        if until == 0 {
            return None;
        }
        let now = self.now_ns();
        if now >= until {
            // Over: later checks need not read the clock.
            let _ = self.shared.pause_until.compare_exchange(
                until,
                0,
                Ordering::AcqRel,
                Ordering::Relaxed,
            );
            None
        } else {
            Some(Duration::from_nanos(until - now))
        }
    }

    /// How many throttled answers (429, 503) the client has seen.
    pub fn throttled(&self) -> u64 {
        self.shared.throttled.load(Ordering::Relaxed)
    }

    /// A permit at once, if the limit has room and no `Retry-After` pause is on.
    pub fn try_acquire(&self) -> Option<Permit> {
        if self.paused_for().is_some() {
            return None;
        }
        let cap = self.limit();
        self.shared
            .in_flight
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| {
                (n < cap).then_some(n + 1)
            })
            .ok()?;
        Some(Permit {
            limit: self.clone(),
        })
    }

    /// Waits for a permit: until the limit has room and any `Retry-After` pause is over
    /// (the pause is slept on the transport's clock). Hold it while the item's requests
    /// run; dropping it frees the place.
    pub async fn acquire(&self) -> Permit {
        loop {
            if let Some(wait) = self.paused_for() {
                self.shared.clock.sleep(wait).await;
                continue;
            }
            let notified = self.shared.notify.notified();
            let mut notified = std::pin::pin!(notified);
            notified.as_mut().enable();
            if let Some(permit) = self.try_acquire() {
                if self.in_flight() < self.limit() {
                    // Room for more: pass the wake-up on.
                    self.shared.notify.notify_one();
                }
                return permit;
            }
            if self.paused_for().is_some() {
                continue;
            }
            notified.await;
        }
    }

    fn limit_f64(&self) -> f64 {
        f64::from_bits(self.shared.limit.load(Ordering::Relaxed))
    }

    fn now_ns(&self) -> u64 {
        nanos(
            self.shared
                .clock
                .now()
                .saturating_duration_since(self.shared.epoch),
        )
    }

    /// Called as an attempt is sent.
    pub(crate) fn start(&self) -> Ticket {
        let s = &self.shared;
        Ticket {
            episode: s.episode.load(Ordering::Acquire),
            started: (s.in_flight.load(Ordering::Relaxed) > 0).then(|| s.clock.now()),
        }
    }

    /// Called with the outcome of the attempt `ticket` was taken for.
    pub(crate) fn finish(&self, ticket: Ticket, outcome: Outcome) {
        match outcome {
            Outcome::Answered => {
                let Some(started) = ticket.started else {
                    return;
                };
                let in_flight = self.shared.in_flight.load(Ordering::Relaxed);
                if in_flight == 0 {
                    return;
                }
                let latency = nanos(self.shared.clock.now().saturating_duration_since(started));
                if self.is_slow(latency) {
                    self.shared.slow_start.store(false, Ordering::Relaxed);
                    self.update(|l| l - 1.0 / l);
                } else if f64::from(in_flight) * 2.0 >= self.limit_f64() {
                    if self.shared.slow_start.load(Ordering::Relaxed) {
                        self.update(|l| l + 1.0);
                    } else {
                        // Near the concurrency last throttled, approach it slowly: each
                        // crossing costs a back-off, and often a pause.
                        let near =
                            PLATEAU * f64::from_bits(self.shared.ceiling.load(Ordering::Relaxed));
                        self.update(|l| {
                            if near > 0.0 && l >= near {
                                l + 1.0 / (PROBE * l)
                            } else {
                                l + 1.0 / l
                            }
                        });
                    }
                }
            }
            Outcome::Throttled(retry_after) => {
                self.shared.throttled.fetch_add(1, Ordering::Relaxed);
                if let Some(d) = retry_after.filter(|d| !d.is_zero()) {
                    self.pause(d);
                }
                self.back_off(ticket);
            }
            Outcome::TimedOut => self.back_off(ticket),
            Outcome::Failed => {}
        }
    }

    /// Learns from one answer's latency; `true` when it is slow against the baseline.
    fn is_slow(&self, latency: u64) -> bool {
        let latency = latency.max(1);
        let base = &self.shared.base_latency;
        let b = base.load(Ordering::Relaxed);
        if b == 0 || latency < b {
            base.store(latency, Ordering::Relaxed);
            return false;
        }
        base.store(b + (latency - b) / BASELINE_DRIFT, Ordering::Relaxed);
        latency as f64 > b as f64 * self.shared.policy.latency_tolerance
    }

    /// Pauses new starts for `d` from now (or longer, if a pause already runs longer).
    fn pause(&self, d: Duration) {
        let until = self.now_ns() + nanos(d.min(self.shared.policy.max_pause)).max(1);
        let before = self.shared.pause_until.fetch_max(until, Ordering::AcqRel);
        if before < until {
            tracing::debug!(
                pause_ms = d.as_millis() as u64,
                "Retry-After: pausing new starts"
            );
        }
    }

    /// Lowers the limit once per episode.
    fn back_off(&self, ticket: Ticket) {
        let s = &self.shared;
        if s.episode
            .compare_exchange(
                ticket.episode,
                ticket.episode.wrapping_add(1),
                Ordering::AcqRel,
                Ordering::Relaxed,
            )
            .is_err()
        {
            // Sent before the last back-off: the same episode.
            return;
        }
        s.slow_start.store(false, Ordering::Relaxed);
        let in_flight = f64::from(s.in_flight.load(Ordering::Relaxed));
        let old = self.limit_f64();
        let from = if in_flight > 0.0 {
            old.min(in_flight)
        } else {
            old
        };
        s.ceiling.store(from.to_bits(), Ordering::Relaxed);
        let factor = s.policy.backoff;
        self.update(|_| from * factor);
        tracing::debug!(from = old, to = self.limit(), "concurrency limit lowered");
    }

    /// Applies `f` to the limit, within the bounds; wakes a waiter when a place opens.
    fn update(&self, f: impl Fn(f64) -> f64) {
        let p = &self.shared.policy;
        let (lo, hi) = (f64::from(p.min), f64::from(p.max));
        let result = self
            .shared
            .limit
            .fetch_update(Ordering::AcqRel, Ordering::Relaxed, |bits| {
                let old = f64::from_bits(bits);
                let new = f(old).clamp(lo, hi);
                (new != old).then_some(new.to_bits())
            });
        if let Ok(bits) = result {
            let old = f64::from_bits(bits);
            let new = self.limit_f64();
            if new.floor() > old.floor() {
                self.shared.notify.notify_one();
            }
        }
    }
}

fn nanos(d: Duration) -> u64 {
    u64::try_from(d.as_nanos()).unwrap_or(u64::MAX)
}

/// A place under an [`AdaptiveLimit`]; dropping it frees the place.
pub struct Permit {
    limit: AdaptiveLimit,
}

impl fmt::Debug for Permit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Permit").finish_non_exhaustive()
    }
}

impl Drop for Permit {
    fn drop(&mut self) {
        self.limit.shared.in_flight.fetch_sub(1, Ordering::AcqRel);
        self.limit.shared.notify.notify_one();
    }
}

/// Runs `f` on each of `items` under `transport`'s [`AdaptiveLimit`] and yields the results
/// in completion order. Each item holds a place for as long as its future runs (all of its
/// requests, retries and waits included); new items start as places open and as
/// `Retry-After` pauses end. Items start in order. The closure is called as an item
/// starts; the work belongs in the future it returns.
///
/// At most [`LimitPolicy::max`] items run at once; [`ForEachLimited::max_in_flight`]
/// lowers that for one job.
///
/// ```no_run
/// use futures_util::StreamExt;
/// use sdk_core::{RequestSpec, Transport};
/// use sdk_core::limit::for_each_limited;
/// use serde_json::{Value, json};
///
/// # async fn run() -> Result<(), sdk_core::Error> {
/// let transport = Transport::builder().base_url("https://api.example.com").bearer("t").build()?;
/// let names: Vec<String> = (1..=5000).map(|i| format!("user{i}")).collect();
/// let results: Vec<_> = for_each_limited(&transport, names, |name| {
///     let transport = transport.clone();
///     async move {
///         let spec = RequestSpec::post("demo.users.create", "/users", &[]).json(&json!({ "name": name }));
///         (name, transport.execute::<Value>(spec).await)
///     }
/// })
/// .collect()
/// .await;
/// let failed: Vec<_> = results.iter().filter(|(_, r)| r.is_err()).collect();
/// # let _ = failed;
/// # Ok(()) }
/// ```
pub fn for_each_limited<I, F, Fut>(
    transport: &Transport,
    items: I,
    f: F,
) -> ForEachLimited<I::IntoIter, F, Fut>
where
    I: IntoIterator,
    F: FnMut(I::Item) -> Fut,
    Fut: Future,
{
    let limit = transport.limiter().clone();
    let cap = limit.policy().max as usize;
    ForEachLimited {
        limit,
        items: items.into_iter().peekable(),
        f,
        running: FuturesUnordered::new(),
        permits: Vec::new(),
        acquiring: None,
        cap,
    }
}

/// The stream of [`for_each_limited`]: the items' results in completion order.
#[must_use = "streams do nothing unless polled"]
pub struct ForEachLimited<I: Iterator, F, Fut> {
    limit: AdaptiveLimit,
    items: Peekable<I>,
    f: F,
    running: FuturesUnordered<Fut>,
    /// One per running future: places are alike, so whichever future ends frees one.
    permits: Vec<Permit>,
    acquiring: Option<BoxFuture<'static, Permit>>,
    cap: usize,
}

impl<I: Iterator, F, Fut> fmt::Debug for ForEachLimited<I, F, Fut> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ForEachLimited")
            .field("running", &self.running.len())
            .field("max_in_flight", &self.cap)
            .field("limit", &self.limit)
            .finish_non_exhaustive()
    }
}

impl<I: Iterator, F, Fut> ForEachLimited<I, F, Fut> {
    /// Runs at most `n` (at least 1) of this job's items at once, below the client's
    /// limit: for a job that should leave room to others sharing the client.
    ///
    /// ```
    /// # use futures_util::StreamExt;
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sdk_core::Error> {
    /// # let transport = sdk_core::Transport::builder().base_url("https://example.com").no_auth().build()?;
    /// let n = sdk_core::limit::for_each_limited(&transport, 0..10, |i| async move { i })
    ///     .max_in_flight(4)
    ///     .count()
    ///     .await;
    /// assert_eq!(n, 10);
    /// # Ok(()) }
    /// ```
    pub fn max_in_flight(mut self, n: usize) -> Self {
        self.cap = n.max(1);
        self
    }
}

// Nothing in it is pinned in place: the running futures are pinned inside
// `FuturesUnordered`'s own allocations, the rest is never pinned.
impl<I: Iterator, F, Fut> Unpin for ForEachLimited<I, F, Fut> {}

impl<I, F, Fut> Stream for ForEachLimited<I, F, Fut>
where
    I: Iterator,
    F: FnMut(I::Item) -> Fut,
    Fut: Future,
{
    type Item = Fut::Output;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        while this.running.len() < this.cap && this.items.peek().is_some() {
            let permit = match this.acquiring.as_mut() {
                Some(acquiring) => match acquiring.as_mut().poll(cx) {
                    Poll::Ready(p) => {
                        this.acquiring = None;
                        p
                    }
                    Poll::Pending => break,
                },
                None => match this.limit.try_acquire() {
                    Some(p) => p,
                    None => {
                        let limit = this.limit.clone();
                        this.acquiring = Some(Box::pin(async move { limit.acquire().await }));
                        continue;
                    }
                },
            };
            let Some(item) = this.items.next() else {
                break;
            };
            this.running.push((this.f)(item));
            this.permits.push(permit);
        }
        match Pin::new(&mut this.running).poll_next(cx) {
            Poll::Ready(Some(out)) => {
                this.permits.pop();
                Poll::Ready(Some(out))
            }
            Poll::Ready(None) if this.items.peek().is_none() => Poll::Ready(None),
            // Nothing running and items waiting for a place: `acquiring` wakes us.
            Poll::Ready(None) | Poll::Pending => Poll::Pending,
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let (lo, hi) = self.items.size_hint();
        let n = self.running.len();
        (lo + n, hi.map(|h| h + n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::ManualClock;

    fn limiter(policy: LimitPolicy) -> (AdaptiveLimit, ManualClock) {
        let clock = ManualClock::new();
        (AdaptiveLimit::new(policy, Arc::new(clock.clone())), clock)
    }

    /// Holds `n` permits (the limit must have room).
    fn hold(l: &AdaptiveLimit, n: u32) -> Vec<Permit> {
        (0..n)
            .map(|_| l.try_acquire().expect("room under the limit"))
            .collect()
    }

    /// `n` answers that took `latency` each.
    fn answers(l: &AdaptiveLimit, clock: &ManualClock, n: u32, latency: Duration) {
        for _ in 0..n {
            let t = l.start();
            clock.advance(latency);
            l.finish(t, Outcome::Answered);
        }
    }

    fn throttle(l: &AdaptiveLimit, retry_after: Option<Duration>) {
        let t = l.start();
        l.finish(t, Outcome::Throttled(retry_after));
    }

    const MS: Duration = Duration::from_millis(1);

    #[test]
    fn it_doubles_per_round_trip_of_clean_answers_then_grows_by_one() {
        let (l, clock) = limiter(LimitPolicy::default().max(1000));
        assert_eq!(l.limit(), 16);
        let _held = hold(&l, 16);
        answers(&l, &clock, 16, 40 * MS);
        assert_eq!(l.limit(), 32, "slow start: +1 per clean answer");
        throttle(&l, None);
        assert_eq!(l.limit(), 8, "halved from the 16 in flight");
        // After a back-off: 1 / limit per answer, one per round trip of answers.
        answers(&l, &clock, 8, 40 * MS);
        assert!((l.limit_f64() - 9.0).abs() < 0.1, "{}", l.limit_f64());
        answers(&l, &clock, 10, 40 * MS);
        assert!((l.limit_f64() - 10.0).abs() < 0.1, "{}", l.limit_f64());
    }

    #[test]
    fn near_the_concurrency_throttled_last_it_grows_eight_times_slower() {
        let (l, clock) = limiter(LimitPolicy::default().initial(40).max(1000));
        let _held = hold(&l, 40);
        throttle(&l, None);
        assert_eq!(l.limit(), 20, "halved from the 40 throttled");
        // Back to 36 (nine tenths of 40) at one per round trip...
        let mut answered = 0;
        while l.limit_f64() < 36.0 {
            answers(&l, &clock, 1, 40 * MS);
            answered += 1;
        }
        assert!((420..=470).contains(&answered), "{answered}");
        // ...then one per eight round trips.
        answers(&l, &clock, 8 * 36, 40 * MS);
        assert!((l.limit_f64() - 37.0).abs() < 0.1, "{}", l.limit_f64());
    }

    #[test]
    fn it_grows_only_while_half_of_it_is_in_use() {
        let (l, clock) = limiter(LimitPolicy::default());
        answers(&l, &clock, 100, MS);
        assert_eq!(
            l.limit(),
            16,
            "nothing in flight: a plain call teaches nothing"
        );
        let _held = hold(&l, 7);
        answers(&l, &clock, 100, MS);
        assert_eq!(l.limit(), 16, "7 of 16 in use");
        let _more = hold(&l, 1);
        answers(&l, &clock, 4, MS);
        assert_eq!(
            l.limit(),
            17,
            "8 of 16 in use, and no further than twice that"
        );
    }

    #[test]
    fn it_never_exceeds_max_nor_goes_below_min() {
        let (l, clock) = limiter(LimitPolicy::default().min(3).max(24));
        let _held = hold(&l, 16);
        answers(&l, &clock, 1000, MS);
        assert_eq!(l.limit(), 24);
        assert!(l.limit_f64() <= 24.0);
        for _ in 0..20 {
            throttle(&l, None);
        }
        assert_eq!(l.limit(), 3);
        assert!(l.limit_f64() >= 3.0);
        let fixed = limiter(LimitPolicy::fixed(5)).0;
        let _f = hold(&fixed, 5);
        throttle(&fixed, None);
        assert_eq!(fixed.limit(), 5);
        assert!(fixed.try_acquire().is_none(), "5 of 5 in use");
        // Bounds given in the wrong order still make a range.
        let odd = limiter(LimitPolicy::default().min(10).max(2).initial(50)).0;
        assert_eq!(odd.limit(), 10);
    }

    #[test]
    fn throttles_of_one_episode_back_off_once() {
        let (l, clock) = limiter(LimitPolicy::default());
        let _held = hold(&l, 16);
        // Sixteen requests on their way, all throttled: one back-off.
        let tickets: Vec<Ticket> = (0..16).map(|_| l.start()).collect();
        clock.advance(MS);
        for t in tickets {
            l.finish(t, Outcome::Throttled(None));
        }
        assert_eq!(l.limit(), 8);
        assert_eq!(l.throttled(), 16);
        // A request sent after the back-off starts a new episode.
        throttle(&l, None);
        assert_eq!(l.limit(), 4);
        // A timeout is a sign of overload too; other failures are not.
        let t = l.start();
        l.finish(t, Outcome::TimedOut);
        assert_eq!(l.limit(), 2);
        let t = l.start();
        l.finish(t, Outcome::Failed);
        assert_eq!(l.limit(), 2);
        assert_eq!(l.throttled(), 17);
    }

    #[test]
    fn retry_after_pauses_new_starts_until_then_on_the_clock() {
        let (l, clock) = limiter(LimitPolicy::fixed(4));
        let held = hold(&l, 2);
        throttle(&l, Some(Duration::from_secs(3)));
        assert_eq!(l.paused_for(), Some(Duration::from_secs(3)));
        assert!(
            l.try_acquire().is_none(),
            "paused, though the limit has room"
        );
        clock.advance(Duration::from_secs(1));
        // A shorter Retry-After does not cut a longer pause short.
        throttle(&l, Some(Duration::from_millis(500)));
        assert_eq!(l.paused_for(), Some(Duration::from_secs(2)));
        clock.advance(Duration::from_millis(1999));
        assert!(l.try_acquire().is_none());
        clock.advance(MS);
        assert_eq!(l.paused_for(), None);
        assert!(l.try_acquire().is_some());
        drop(held);

        // acquire() sleeps out the pause, exactly, on the clock.
        throttle(&l, Some(Duration::from_secs(7)));
        let before = clock.sleeps().len();
        let permit = futures_util::FutureExt::now_or_never(l.acquire()).expect("ready");
        assert_eq!(clock.sleeps()[before..], [Duration::from_secs(7)]);
        drop(permit);

        // A pause is capped, and Retry-After: 0 pauses nothing.
        let (capped, _) = limiter(LimitPolicy::default().max_pause(Duration::from_secs(10)));
        throttle(&capped, Some(Duration::from_secs(3600)));
        assert_eq!(capped.paused_for(), Some(Duration::from_secs(10)));
        let (zero, _) = limiter(LimitPolicy::default());
        throttle(&zero, Some(Duration::ZERO));
        assert_eq!(zero.paused_for(), None);
    }

    #[test]
    fn slow_answers_stop_the_growth_and_take_it_down() {
        let (l, clock) = limiter(LimitPolicy::default());
        let _held = hold(&l, 16);
        answers(&l, &clock, 4, 20 * MS);
        assert_eq!(l.limit(), 20);
        // Three times the baseline: slow.
        answers(&l, &clock, 20, 60 * MS);
        let down = l.limit_f64();
        assert!(
            (down - 19.0).abs() < 0.05,
            "one down per round trip of slow answers: {down}"
        );
        // Out of slow start: growth is one per round trip now.
        answers(&l, &clock, 19, 20 * MS);
        assert!((l.limit_f64() - 20.0).abs() < 0.05, "{}", l.limit_f64());
        // Latency ignored when asked.
        let (deaf, clock) = limiter(LimitPolicy::default().latency_tolerance(f64::INFINITY));
        let _h = hold(&deaf, 16);
        answers(&deaf, &clock, 4, MS);
        answers(&deaf, &clock, 4, 500 * MS);
        assert_eq!(deaf.limit(), 24);
    }

    #[test]
    fn a_status_says_how_loaded_the_service_is() {
        let mut h = HeaderMap::new();
        h.insert(
            http::header::RETRY_AFTER,
            http::HeaderValue::from_static("2"),
        );
        assert_eq!(
            Outcome::of_status(StatusCode::TOO_MANY_REQUESTS, &h),
            Outcome::Throttled(Some(Duration::from_secs(2)))
        );
        assert_eq!(
            Outcome::of_status(StatusCode::SERVICE_UNAVAILABLE, &HeaderMap::new()),
            Outcome::Throttled(None)
        );
        assert_eq!(
            Outcome::of_status(StatusCode::BAD_GATEWAY, &h),
            Outcome::Failed
        );
        assert_eq!(
            Outcome::of_status(StatusCode::CONFLICT, &h),
            Outcome::Answered
        );
    }

    #[test]
    fn every_holder_shares_one_limit() {
        let (a, _clock) = limiter(LimitPolicy::fixed(3));
        let b = a.clone();
        let _p = hold(&a, 2);
        let _q = hold(&b, 1);
        assert!(a.try_acquire().is_none() && b.try_acquire().is_none());
        assert_eq!(b.in_flight(), 3);
        throttle(&b, Some(Duration::from_secs(1)));
        assert!(
            a.paused_for().is_some(),
            "a pause learnt by one holder holds for all"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn tasks_on_clones_of_one_client_share_its_limit() {
        use futures_util::StreamExt;
        use std::sync::atomic::AtomicUsize;

        let transport = crate::Transport::builder()
            .base_url("https://example.com")
            .no_auth()
            .concurrency_limit(LimitPolicy::fixed(6))
            .build()
            .expect("transport");
        let running = Arc::new(AtomicUsize::new(0));
        let peak = Arc::new(AtomicUsize::new(0));
        let tasks: Vec<_> = (0..3)
            .map(|_| {
                let (transport, running, peak) = (transport.clone(), running.clone(), peak.clone());
                tokio::spawn(async move {
                    for_each_limited(&transport, 0..10, |_| {
                        let (running, peak) = (running.clone(), peak.clone());
                        async move {
                            let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                            peak.fetch_max(now, Ordering::SeqCst);
                            tokio::time::sleep(Duration::from_millis(10)).await;
                            running.fetch_sub(1, Ordering::SeqCst);
                        }
                    })
                    .count()
                    .await
                })
            })
            .collect();
        for task in tasks {
            assert_eq!(task.await.expect("task"), 10);
        }
        assert_eq!(peak.load(Ordering::SeqCst), 6, "three jobs, one limit of 6");
        assert_eq!(transport.limiter().in_flight(), 0);
    }

    #[tokio::test(start_paused = true)]
    async fn the_stream_keeps_within_the_limit_and_waits_out_pauses() {
        use futures_util::StreamExt;
        use std::sync::atomic::AtomicUsize;

        let transport = crate::Transport::builder()
            .base_url("https://example.com")
            .no_auth()
            .concurrency_limit(LimitPolicy::fixed(4))
            .build()
            .expect("transport");
        let running = Arc::new(AtomicUsize::new(0));
        let peak = Arc::new(AtomicUsize::new(0));
        let started = tokio::time::Instant::now();
        let limiter = transport.limiter().clone();
        let done: Vec<usize> = for_each_limited(&transport, 0..20, |i| {
            let (running, peak, limiter) = (running.clone(), peak.clone(), limiter.clone());
            async move {
                let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                peak.fetch_max(now, Ordering::SeqCst);
                tokio::time::sleep(Duration::from_millis(10)).await;
                if i == 5 {
                    // One answer asks for a 2-second pause.
                    let t = limiter.start();
                    limiter.finish(t, Outcome::Throttled(Some(Duration::from_secs(2))));
                }
                running.fetch_sub(1, Ordering::SeqCst);
                i
            }
        })
        .collect()
        .await;
        assert_eq!(done.len(), 20);
        assert_eq!(peak.load(Ordering::SeqCst), 4);
        assert_eq!(transport.limiter().in_flight(), 0);
        // 5 rounds of 10 ms, and the pause: nothing started during it.
        let took = started.elapsed();
        assert!(
            took >= Duration::from_millis(2040) && took < Duration::from_millis(2100),
            "{took:?}"
        );
    }
}
