//! Time, injectable: every wait of the SDK (retry backoff, poll intervals, token expiry)
//! goes through a [`Clock`], so tests (the SDK's and its users') run waits instantly.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A boxed future, as returned by the object-safe traits of this crate.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// A source of time and of sleeps.
pub trait Clock: Send + Sync + fmt::Debug {
    /// The current instant.
    fn now(&self) -> Instant;
    /// Waits for `duration`.
    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()>;
}

/// The real clock, on tokio's timer. The default.
#[derive(Debug, Clone, Copy, Default)]
pub struct TokioClock;

impl Clock for TokioClock {
    fn now(&self) -> Instant {
        tokio::time::Instant::now().into_std()
    }

    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()> {
        Box::pin(tokio::time::sleep(duration))
    }
}

/// A virtual clock for tests: `sleep` returns at once and moves the clock forward by the
/// requested duration, and every sleep is recorded.
///
/// ```
/// use std::time::Duration;
/// use sdk_core::clock::{Clock, ManualClock};
///
/// # tokio_test_block_on(async {
/// let clock = ManualClock::new();
/// let start = clock.now();
/// clock.sleep(Duration::from_secs(90)).await; // returns at once
/// assert_eq!(clock.now() - start, Duration::from_secs(90));
/// assert_eq!(clock.sleeps(), vec![Duration::from_secs(90)]);
/// # });
/// # fn tokio_test_block_on<F: std::future::Future>(f: F) -> F::Output {
/// #     futures_util::FutureExt::now_or_never(Box::pin(f)).expect("ready")
/// # }
/// ```
#[derive(Debug, Clone)]
pub struct ManualClock {
    start: Instant,
    state: Arc<Mutex<ManualState>>,
}

#[derive(Debug, Default)]
struct ManualState {
    elapsed: Duration,
    sleeps: Vec<Duration>,
}

impl ManualClock {
    /// A clock at an arbitrary start instant.
    pub fn new() -> Self {
        ManualClock {
            start: Instant::now(),
            state: Arc::default(),
        }
    }

    /// Moves the clock forward without sleeping.
    pub fn advance(&self, by: Duration) {
        self.lock().elapsed += by;
    }

    /// Every duration slept so far, in order.
    pub fn sleeps(&self) -> Vec<Duration> {
        self.lock().sleeps.clone()
    }

    /// The time elapsed since the clock was made.
    pub fn elapsed(&self) -> Duration {
        self.lock().elapsed
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, ManualState> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl Default for ManualClock {
    fn default() -> Self {
        Self::new()
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Instant {
        self.start + self.lock().elapsed
    }

    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()> {
        {
            let mut s = self.lock();
            s.elapsed += duration;
            s.sleeps.push(duration);
        }
        Box::pin(std::future::ready(()))
    }
}
