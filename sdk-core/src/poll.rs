//! Waiting for long-running resources: [`Poller`] re-reads a resource until its status is
//! terminal, under a [`PollPolicy`] (initial delay, multiplier, max interval, jitter,
//! overall deadline).
//!
//! - [`Poller::wait`] resolves to the resource in a success status, or fails with
//!   [`ErrorKind::OperationFailed`](crate::ErrorKind::OperationFailed) (the server's status
//!   and message) or [`ErrorKind::PollTimeout`](crate::ErrorKind::PollTimeout) (the last
//!   status seen). The last sleep is trimmed to the deadline and followed by one last read;
//!   each read's timeout is cut so that a hanging read ends at most one interval after the
//!   deadline.
//! - [`Poller::poll_once`] reads once, for callers that schedule reads themselves.
//! - [`Poller::statuses`] streams each status observed, for progress output.
//! - A 429 or 503 while polling waits as `Retry-After` says (or the current interval) and
//!   polling goes on; other errors end the wait.
//! - A deletion poller ([`Poller::until_gone`]) ends when the read answers 404.
//!
//! Dropping a poller stops it.

use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::stream::{self, BoxStream, StreamExt};
use http::StatusCode;
use serde::de::DeserializeOwned;

use crate::error::{Error, Result};
use crate::paging::{Listed, Paginator};
use crate::request::RequestSpec;
use crate::retry::RetryPolicy;
use crate::transport::{Response, Transport};

/// The shortest timeout of a read near the deadline.
const MIN_READ_TIMEOUT: Duration = Duration::from_millis(10);

/// How often and how long to poll.
///
/// Defaults: first read after 2 s, then each interval 1.5 times the one before, at most
/// 30 s, up to 20 % shorter at random, and a deadline of 15 minutes.
///
/// ```
/// use std::time::Duration;
/// use sdk_core::PollPolicy;
///
/// let quick = PollPolicy::default()
///     .initial_delay(Duration::from_millis(500))
///     .max_interval(Duration::from_secs(5))
///     .deadline(Duration::from_secs(120));
/// # let _ = quick;
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct PollPolicy {
    initial_delay: Duration,
    multiplier: f64,
    max_interval: Duration,
    jitter: f64,
    deadline: Duration,
}

impl Default for PollPolicy {
    fn default() -> Self {
        PollPolicy {
            initial_delay: Duration::from_secs(2),
            multiplier: 1.5,
            max_interval: Duration::from_secs(30),
            jitter: 0.2,
            deadline: Duration::from_secs(15 * 60),
        }
    }
}

impl PollPolicy {
    /// A policy for simulators and local fakes: a first read after 5 ms, then every 20 ms
    /// at the most, a 30-second deadline.
    pub const fn simulator() -> Self {
        PollPolicy {
            initial_delay: Duration::from_millis(5),
            multiplier: 1.5,
            max_interval: Duration::from_millis(20),
            jitter: 0.0,
            deadline: Duration::from_secs(30),
        }
    }

    /// The wait before the first read.
    pub fn initial_delay(mut self, d: Duration) -> Self {
        self.initial_delay = d;
        self
    }

    /// The factor each interval grows by (at least 1).
    pub fn multiplier(mut self, m: f64) -> Self {
        self.multiplier = if m.is_finite() { m.max(1.0) } else { 1.0 };
        self
    }

    /// The longest interval.
    pub fn max_interval(mut self, d: Duration) -> Self {
        self.max_interval = d;
        self
    }

    /// The fraction (0 to 1) by which an interval may be shortened at random.
    pub fn jitter(mut self, fraction: f64) -> Self {
        self.jitter = if fraction.is_finite() {
            fraction.clamp(0.0, 1.0)
        } else {
            0.0
        };
        self
    }

    /// The overall time limit of [`Poller::wait`].
    pub fn deadline(mut self, d: Duration) -> Self {
        self.deadline = d;
        self
    }

    fn jittered(&self, d: Duration) -> Duration {
        if self.jitter == 0.0 {
            d
        } else {
            d.mul_f64(1.0 - self.jitter * fastrand::f64())
        }
    }

    fn grow(&self, d: Duration) -> Duration {
        d.mul_f64(self.multiplier).min(self.max_interval)
    }
}

/// What a resource's status means, as a vendor crate classifies it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PollStatus {
    /// Still working; the status as the server spelled it.
    Pending(String),
    /// Done and usable.
    Succeeded(String),
    /// Done and failed, with the server's message if it gave one.
    Failed {
        /// The status as the server spelled it.
        status: String,
        /// The server's explanation.
        message: Option<String>,
    },
}

/// The result of one read.
#[derive(Debug)]
pub enum PollState<T> {
    /// Not finished; the status seen.
    Pending {
        /// The status as the server spelled it.
        status: String,
    },
    /// Finished successfully.
    Done(T),
}

/// Turns one read (and the statuses that mean "gone") into a status and a state.
type Step<T> =
    dyn Fn(Result<Response>, &[StatusCode]) -> Result<(String, PollState<T>)> + Send + Sync;

/// A read of more than one request: given the poll's request (its options narrowed for
/// this read), the status seen and the state.
type Reads<T> = dyn Fn(RequestSpec) -> futures_util::future::BoxFuture<'static, Result<(String, PollState<T>)>>
    + Send
    + Sync;

/// How a poller reads: one request and a step, or a read of its own.
enum Reading<T> {
    Once(Arc<Step<T>>),
    Many(Arc<Reads<T>>),
}

/// Waits for a long-running resource. See the [module docs](self).
#[must_use = "a poller does nothing until it is awaited"]
pub struct Poller<T> {
    transport: Transport,
    spec: RequestSpec,
    reading: Reading<T>,
    policy: PollPolicy,
    last_status: Option<String>,
    output: Option<T>,
    failed: Option<Error>,
    classify: Option<Arc<Classify<T>>>,
    gone_statuses: Vec<StatusCode>,
}

type Classify<T> = dyn Fn(&T) -> PollStatus + Send + Sync;

impl<T> std::fmt::Debug for Poller<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Poller")
            .field("operation", &self.spec.operation())
            .field("policy", &self.policy)
            .field("last_status", &self.last_status)
            .finish_non_exhaustive()
    }
}

fn classify_into<R>(status: PollStatus, value: R) -> Result<(String, PollState<R>)> {
    match status {
        PollStatus::Pending(s) => Ok((s.clone(), PollState::Pending { status: s })),
        PollStatus::Succeeded(s) => Ok((s, PollState::Done(value))),
        PollStatus::Failed { status, message } => Err(Error::operation_failed(status, message)),
    }
}

impl<T: Send + 'static> Poller<T> {
    fn with_step(transport: Transport, spec: RequestSpec, step: Arc<Step<T>>) -> Self {
        Self::reading(transport, spec, Reading::Once(step))
    }

    fn reading(transport: Transport, spec: RequestSpec, reading: Reading<T>) -> Self {
        // The poller handles transient errors itself, so each read is a single attempt;
        // the spec's other options (headers, timeout) stay.
        let mut options = spec.options.clone();
        options.retry = Some(RetryPolicy::none());
        let spec = spec.options(options);
        let policy = transport.poll_policy().clone();
        Poller {
            transport,
            spec,
            reading,
            policy,
            last_status: None,
            output: None,
            failed: None,
            classify: None,
            gone_statuses: Vec::new(),
        }
    }

    /// A poller that reads `spec` (a GET of the resource), decodes it as `T`, and asks
    /// `classify` what its status means.
    ///
    /// ```no_run
    /// use sdk_core::{PollStatus, Poller, RequestSpec, Transport};
    ///
    /// #[derive(serde::Deserialize)]
    /// struct Job {
    ///     status: String,
    /// }
    ///
    /// # async fn run() -> sdk_core::Result<()> {
    /// let transport = Transport::builder().base_url("https://example.com").no_auth().build()?;
    /// let spec = RequestSpec::get("demo.jobs.get", "/jobs/{jobId}", &["42"]);
    /// let done = Poller::new(transport, spec, |job: &Job| match job.status.as_str() {
    ///     "SUCCESS" => PollStatus::Succeeded(job.status.clone()),
    ///     "FAILED" => PollStatus::Failed { status: job.status.clone(), message: None },
    ///     other => PollStatus::Pending(other.to_owned()),
    /// })
    /// .wait()
    /// .await?;
    /// # let _ = done;
    /// # Ok(()) }
    /// ```
    pub fn new<F>(transport: Transport, spec: RequestSpec, classify: F) -> Self
    where
        T: DeserializeOwned,
        F: Fn(&T) -> PollStatus + Send + Sync + 'static,
    {
        let classify: Arc<Classify<T>> = Arc::new(classify);
        let c = classify.clone();
        let step = move |resp: Result<Response>, _gone: &[StatusCode]| {
            let value: T = resp?.decode()?;
            let status = c(&value);
            classify_into(status, value)
        };
        let mut p = Self::with_step(transport, spec, Arc::new(step));
        p.classify = Some(classify);
        p
    }

    /// Starts from a value the server already gave (a `202` body carrying the resource
    /// and its status): when its status is terminal, [`wait`](Self::wait) answers at once
    /// without a read; otherwise polling starts as usual.
    ///
    /// ```no_run
    /// # use sdk_core::{PollStatus, Poller, RequestSpec, Transport};
    /// # #[derive(Debug, serde::Deserialize)]
    /// # struct Job {
    /// #     status: String,
    /// # }
    /// # fn job(t: Transport, id: &str) -> Poller<Job> {
    /// #     let spec = RequestSpec::get("demo.jobs.get", "/jobs/{jobId}", &[id]);
    /// #     Poller::new(t, spec, |j: &Job| match j.status.as_str() {
    /// #         "SUCCESS" => PollStatus::Succeeded(j.status.clone()),
    /// #         s => PollStatus::Pending(s.to_owned()),
    /// #     })
    /// # }
    /// # async fn run(t: Transport) -> sdk_core::Result<()> {
    /// // The 202 answer already carried the job, finished: no read is made.
    /// let answered = Job { status: "SUCCESS".into() };
    /// let done = job(t, "42").seeded(answered).wait().await?;
    /// assert_eq!(done.status, "SUCCESS");
    /// # Ok(()) }
    /// ```
    pub fn seeded(mut self, value: T) -> Self {
        let Some(classify) = self.classify.clone() else {
            return self;
        };
        match classify(&value) {
            PollStatus::Succeeded(s) => {
                self.last_status = Some(s);
                self.output = Some(value);
            }
            PollStatus::Failed { status, message } => {
                self.last_status = Some(status.clone());
                self.failed = Some(
                    Error::operation_failed(status, message).with_operation(self.spec.operation()),
                );
            }
            PollStatus::Pending(s) => self.last_status = Some(s),
        }
        self
    }

    /// Replaces the client's default poll policy for this poller.
    ///
    /// ```no_run
    /// # use sdk_core::{PollStatus, Poller, RequestSpec, Transport};
    /// # #[derive(Debug, serde::Deserialize)]
    /// # struct Job {
    /// #     status: String,
    /// # }
    /// # fn job(t: Transport, id: &str) -> Poller<Job> {
    /// #     let spec = RequestSpec::get("demo.jobs.get", "/jobs/{jobId}", &[id]);
    /// #     Poller::new(t, spec, |j: &Job| match j.status.as_str() {
    /// #         "SUCCESS" => PollStatus::Succeeded(j.status.clone()),
    /// #         s => PollStatus::Pending(s.to_owned()),
    /// #     })
    /// # }
    /// # async fn run(t: Transport) -> sdk_core::Result<()> {
    /// use std::time::Duration;
    ///
    /// use sdk_core::PollPolicy;
    ///
    /// let quick = PollPolicy::default()
    ///     .initial_delay(Duration::from_millis(500))
    ///     .deadline(Duration::from_secs(60));
    /// let done = job(t, "42").policy(quick).wait().await?;
    /// # let _ = done;
    /// # Ok(()) }
    /// ```
    pub fn policy(mut self, policy: PollPolicy) -> Self {
        self.policy = policy;
        self
    }

    /// The last status seen, if any read happened.
    ///
    /// ```no_run
    /// # use sdk_core::{PollStatus, Poller, RequestSpec, Transport};
    /// # #[derive(Debug, serde::Deserialize)]
    /// # struct Job {
    /// #     status: String,
    /// # }
    /// # fn job(t: Transport, id: &str) -> Poller<Job> {
    /// #     let spec = RequestSpec::get("demo.jobs.get", "/jobs/{jobId}", &[id]);
    /// #     Poller::new(t, spec, |j: &Job| match j.status.as_str() {
    /// #         "SUCCESS" => PollStatus::Succeeded(j.status.clone()),
    /// #         s => PollStatus::Pending(s.to_owned()),
    /// #     })
    /// # }
    /// # async fn run(t: Transport) -> sdk_core::Result<()> {
    /// let mut poller = job(t, "42");
    /// assert_eq!(poller.last_status(), None);
    /// poller.poll_once().await?;
    /// println!("{:?}", poller.last_status());
    /// # Ok(()) }
    /// ```
    pub fn last_status(&self) -> Option<&str> {
        self.last_status.as_deref()
    }

    /// Reads the resource once.
    ///
    /// ```no_run
    /// # use sdk_core::{PollStatus, Poller, RequestSpec, Transport};
    /// # #[derive(Debug, serde::Deserialize)]
    /// # struct Job {
    /// #     status: String,
    /// # }
    /// # fn job(t: Transport, id: &str) -> Poller<Job> {
    /// #     let spec = RequestSpec::get("demo.jobs.get", "/jobs/{jobId}", &[id]);
    /// #     Poller::new(t, spec, |j: &Job| match j.status.as_str() {
    /// #         "SUCCESS" => PollStatus::Succeeded(j.status.clone()),
    /// #         s => PollStatus::Pending(s.to_owned()),
    /// #     })
    /// # }
    /// # async fn run(t: Transport) -> sdk_core::Result<()> {
    /// use sdk_core::PollState;
    ///
    /// let mut poller = job(t, "42");
    /// match poller.poll_once().await? {
    ///     PollState::Done(job) => println!("done: {job:?}"),
    ///     PollState::Pending { status } => println!("still {status}; read again later"),
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::OperationFailed`](crate::ErrorKind::OperationFailed) for a failure
    /// status, or the read's own error.
    pub async fn poll_once(&mut self) -> Result<PollState<T>> {
        self.read(None).await
    }

    /// Reads once; with `limit`, the read's timeout is cut to it.
    async fn read(&mut self, limit: Option<Duration>) -> Result<PollState<T>> {
        if let Some(e) = self.failed.take() {
            return Err(e);
        }
        if let Some(out) = self.output.take() {
            return Ok(PollState::Done(out));
        }
        let mut spec = self.spec.clone();
        if let Some(limit) = limit {
            let timeout = spec
                .options
                .timeout
                .unwrap_or_else(|| self.transport.default_timeout());
            spec.options.timeout = Some(timeout.min(limit));
        }
        let read = match &self.reading {
            Reading::Once(step) => step(self.transport.send(spec).await, &self.gone_statuses),
            Reading::Many(reads) => reads(spec).await,
        };
        let (status, state) = read.map_err(|e| e.with_operation(self.spec.operation()))?;
        tracing::debug!(operation = self.spec.operation(), status = %status, "polled");
        self.last_status = Some(status);
        Ok(state)
    }

    /// Polls until the resource is done, failed, or the deadline passes.
    ///
    /// ```no_run
    /// # use sdk_core::{PollStatus, Poller, RequestSpec, Transport};
    /// # #[derive(Debug, serde::Deserialize)]
    /// # struct Job {
    /// #     status: String,
    /// # }
    /// # fn job(t: Transport, id: &str) -> Poller<Job> {
    /// #     let spec = RequestSpec::get("demo.jobs.get", "/jobs/{jobId}", &[id]);
    /// #     Poller::new(t, spec, |j: &Job| match j.status.as_str() {
    /// #         "SUCCESS" => PollStatus::Succeeded(j.status.clone()),
    /// #         s => PollStatus::Pending(s.to_owned()),
    /// #     })
    /// # }
    /// # async fn run(t: Transport) -> sdk_core::Result<()> {
    /// use sdk_core::ErrorKind;
    ///
    /// match job(t, "42").wait().await {
    ///     Ok(done) => println!("{}", done.status),
    ///     Err(e) if e.kind() == ErrorKind::PollTimeout => {
    ///         println!("still {:?} at the deadline", e.operation_status());
    ///     }
    ///     Err(e) => return Err(e),
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::OperationFailed`](crate::ErrorKind::OperationFailed),
    /// [`ErrorKind::PollTimeout`](crate::ErrorKind::PollTimeout), or a read's error that
    /// is not transient.
    pub async fn wait(mut self) -> Result<T> {
        let mut schedule = self.schedule();
        loop {
            if let Event::Done(_, v) = self.advance(&mut schedule).await? {
                return Ok(v);
            }
        }
    }

    fn schedule(&self) -> Schedule {
        let start = self.transport.clock().now();
        Schedule {
            start,
            deadline: start + self.policy.deadline,
            interval: self.policy.initial_delay,
            next_wait: self.policy.jittered(self.policy.initial_delay),
        }
    }

    /// Sleeps until the next read (cut to the deadline) and reads, until a status is seen:
    /// transient errors (429, 503, connection failures) are waited out as `Retry-After`
    /// says, or for the current interval.
    async fn advance(&mut self, s: &mut Schedule) -> Result<Event<T>> {
        if let Some(e) = self.failed.take() {
            return Err(e);
        }
        if let Some(out) = self.output.take() {
            return Ok(Event::Done(
                self.last_status.clone().unwrap_or_default(),
                out,
            ));
        }
        let clock = self.transport.clock().clone();
        loop {
            let now = clock.now();
            if now >= s.deadline {
                return Err(self.timeout(now - s.start));
            }
            clock.sleep(s.next_wait.min(s.deadline - now)).await;
            // A read that hangs may not carry the wait past the deadline by more than one
            // interval.
            let limit = s.deadline.saturating_duration_since(clock.now()) + s.interval;
            match self.read(Some(limit.max(MIN_READ_TIMEOUT))).await {
                Ok(PollState::Done(v)) => {
                    return Ok(Event::Done(self.last_status.clone().unwrap_or_default(), v));
                }
                Ok(PollState::Pending { status }) => {
                    s.interval = self.policy.grow(s.interval);
                    s.next_wait = self.policy.jittered(s.interval);
                    return Ok(Event::Status(status));
                }
                Err(e) if e.is_retryable() => {
                    tracing::debug!(error = %e, "transient error while polling; polling on");
                    s.next_wait = e
                        .retry_after()
                        .unwrap_or_else(|| self.policy.jittered(s.interval));
                }
                Err(e) => return Err(e),
            }
        }
    }

    fn timeout(&self, after: Duration) -> Error {
        Error::poll_timeout(after, self.last_status.clone()).with_operation(self.spec.operation())
    }

    /// A stream of every status observed, ending after a terminal one (a failure or the
    /// deadline ends it with the error). The resource itself stays in the poller: call
    /// [`wait`](Self::wait) afterwards to get it without another read.
    ///
    /// The stream follows the same policy and deadline as `wait`.
    ///
    /// ```no_run
    /// # use sdk_core::{PollStatus, Poller, RequestSpec, Transport};
    /// # #[derive(Debug, serde::Deserialize)]
    /// # struct Job {
    /// #     status: String,
    /// # }
    /// # fn job(t: Transport, id: &str) -> Poller<Job> {
    /// #     let spec = RequestSpec::get("demo.jobs.get", "/jobs/{jobId}", &[id]);
    /// #     Poller::new(t, spec, |j: &Job| match j.status.as_str() {
    /// #         "SUCCESS" => PollStatus::Succeeded(j.status.clone()),
    /// #         s => PollStatus::Pending(s.to_owned()),
    /// #     })
    /// # }
    /// # async fn run(t: Transport) -> sdk_core::Result<()> {
    /// use futures_util::TryStreamExt;
    ///
    /// let mut poller = job(t, "42");
    /// let mut statuses = poller.statuses();
    /// while let Some(status) = statuses.try_next().await? {
    ///     println!("{status}");
    /// }
    /// drop(statuses);
    /// let done = poller.wait().await?; // the job the last read saw, no further read
    /// # let _ = done;
    /// # Ok(()) }
    /// ```
    pub fn statuses(&mut self) -> BoxStream<'_, Result<String>> {
        let schedule = self.schedule();
        stream::unfold(Some((self, schedule)), |state| async move {
            let (p, mut schedule) = state?;
            match p.advance(&mut schedule).await {
                Ok(Event::Status(s)) => Some((Ok(s), Some((p, schedule)))),
                Ok(Event::Done(s, v)) => {
                    p.output = Some(v);
                    Some((Ok(s), None))
                }
                Err(e) => Some((Err(e), None)),
            }
        })
        .boxed()
    }
}

/// When the next read happens, and the overall deadline.
struct Schedule {
    start: Instant,
    deadline: Instant,
    interval: Duration,
    next_wait: Duration,
}

/// What one step of polling observed.
enum Event<T> {
    Status(String),
    Done(String, T),
}

impl<T: Listed + Send + 'static> Poller<Vec<T>> {
    /// A poller that reads the whole of `list`, every page, on each round, and asks
    /// `classify` what the items mean: for a resource the API shows only in a list (waiting
    /// until a deleted item is no longer listed, however long the list). It waits with
    /// the client's poll policy; each page is one attempt, a transient error polls on, and
    /// the wait answers the whole list as last read.
    ///
    /// ```no_run
    /// use sdk_core::{Paginator, PollStatus, Poller, RequestSpec, Transport};
    ///
    /// #[derive(serde::Deserialize)]
    /// struct Extension {
    ///     id: String,
    /// }
    /// sdk_core::listed!(Extension = "resources");
    ///
    /// # async fn run() -> sdk_core::Result<()> {
    /// let transport = Transport::builder().base_url("https://example.com").no_auth().build()?;
    /// let list = Paginator::page_number(transport, RequestSpec::get("demo.extensions.list", "/extensions", &[]), "resources", 50);
    /// let rest = Poller::over_list(list, |all: &[Extension]| {
    ///     if all.iter().any(|e| e.id == "e1") {
    ///         PollStatus::Pending("LISTED".into())
    ///     } else {
    ///         PollStatus::Succeeded("NOT_LISTED".into())
    ///     }
    /// })
    /// .wait()
    /// .await?;
    /// println!("{} extensions left", rest.len());
    /// # Ok(()) }
    /// ```
    pub fn over_list<F>(list: Paginator<T>, classify: F) -> Self
    where
        F: Fn(&[T]) -> PollStatus + Send + Sync + 'static,
    {
        let transport = list.transport().clone();
        let spec = list.first_request().clone();
        let classify = Arc::new(classify);
        let reads = move |spec: RequestSpec| {
            let (pages, classify) = (list.clone().with_first_request(spec), classify.clone());
            let read: futures_util::future::BoxFuture<'static, _> = Box::pin(async move {
                let items = pages.collect_all().await?;
                classify_into(classify(&items), items)
            });
            read
        };
        Self::reading(transport, spec, Reading::Many(Arc::new(reads)))
    }
}

impl Poller<()> {
    /// A deletion poller: reads `spec` until it answers 404 (or another status added with
    /// [`gone_on`](Self::gone_on)). While the resource still answers, `classify` reads its
    /// status: a failure status ends the wait with
    /// [`ErrorKind::OperationFailed`](crate::ErrorKind::OperationFailed), anything else is
    /// pending.
    ///
    /// ```no_run
    /// use sdk_core::{PollStatus, Poller, RequestSpec, Transport};
    ///
    /// # async fn run(transport: Transport) -> sdk_core::Result<()> {
    /// let spec = RequestSpec::get("demo.jobs.get", "/jobs/{jobId}", &["42"]);
    /// let deleting = Poller::until_gone(transport, spec, |job: &serde_json::Value| {
    ///     match job["status"].as_str() {
    ///         Some("FAILED") => PollStatus::Failed { status: "FAILED".into(), message: None },
    ///         _ => PollStatus::Pending("DELETING".into()),
    ///     }
    /// });
    /// deleting.wait().await?; // the GET answered 404
    /// # Ok(()) }
    /// ```
    pub fn until_gone<R, F>(transport: Transport, spec: RequestSpec, classify: F) -> Self
    where
        R: DeserializeOwned,
        F: Fn(&R) -> PollStatus + Send + Sync + 'static,
    {
        let step = move |resp: Result<Response>, gone: &[StatusCode]| match resp {
            Err(e) if e.is_not_found() => Ok(("GONE".to_owned(), PollState::Done(()))),
            Ok(r) if gone.contains(&r.status()) => Ok(("GONE".to_owned(), PollState::Done(()))),
            Err(e) => Err(e),
            Ok(r) => match classify(&r.decode::<R>()?) {
                PollStatus::Failed { status, message } => {
                    Err(Error::operation_failed(status, message))
                }
                PollStatus::Pending(s) | PollStatus::Succeeded(s) => {
                    Ok((s.clone(), PollState::Pending { status: s }))
                }
            },
        };
        Self::with_step(transport, spec, Arc::new(step))
    }

    /// Also treats a success answer with this status as "gone" (AXP answers some reads of
    /// a deleted resource with 204).
    ///
    /// ```no_run
    /// use sdk_core::{PollStatus, Poller, RequestSpec, StatusCode, Transport};
    ///
    /// # async fn run(transport: Transport) -> sdk_core::Result<()> {
    /// let spec = RequestSpec::get("demo.codes.get", "/codes/{codeId}", &["4d11"]);
    /// let found = |_: &serde_json::Value| PollStatus::Pending("FOUND".into());
    /// Poller::until_gone(transport, spec, found).gone_on(StatusCode::NO_CONTENT).wait().await?;
    /// # Ok(()) }
    /// ```
    pub fn gone_on(mut self, status: StatusCode) -> Self {
        self.gone_statuses.push(status);
        self
    }
}

/// What a long-running operation returns: the server's accepted answer (a `202` body)
/// and a [`Poller`] for the resource, so that
/// `scope.create(&req).await?.wait().await?` is one line.
#[must_use = "the operation goes on server-side; wait() for its result or keep the handle"]
#[derive(Debug)]
pub struct Accepted<A, T> {
    accepted: A,
    id: Option<String>,
    poller: Poller<T>,
}

impl<A, T: Send + 'static> Accepted<A, T> {
    /// A handle for an accepted operation on the resource `id` (when known).
    ///
    /// ```no_run
    /// # use sdk_core::{PollStatus, Poller, RequestSpec, Transport};
    /// # #[derive(Debug, serde::Deserialize)]
    /// # struct Job {
    /// #     status: String,
    /// # }
    /// # fn job(t: Transport, id: &str) -> Poller<Job> {
    /// #     let spec = RequestSpec::get("demo.jobs.get", "/jobs/{jobId}", &[id]);
    /// #     Poller::new(t, spec, |j: &Job| match j.status.as_str() {
    /// #         "SUCCESS" => PollStatus::Succeeded(j.status.clone()),
    /// #         s => PollStatus::Pending(s.to_owned()),
    /// #     })
    /// # }
    /// # async fn run(t: Transport) -> sdk_core::Result<()> {
    /// use sdk_core::{Accepted, Method};
    ///
    /// #[derive(serde::Deserialize)]
    /// struct Created {
    ///     id: String,
    /// }
    ///
    /// let spec = RequestSpec::new("demo.jobs.create", Method::POST, "/jobs", &[]);
    /// let created: Created = t.execute(spec).await?;
    /// let poller = job(t, &created.id);
    /// let id = Some(created.id.clone());
    /// let handle = Accepted::new(created, id, poller);
    /// let done = handle.wait().await?;
    /// # let _ = done;
    /// # Ok(()) }
    /// ```
    pub fn new(accepted: A, id: Option<String>, poller: Poller<T>) -> Self {
        Accepted {
            accepted,
            id,
            poller,
        }
    }

    /// The answer the server gave when it accepted the operation.
    ///
    /// ```no_run
    /// # use sdk_core::{PollStatus, Poller, RequestSpec, Transport};
    /// # #[derive(Debug, serde::Deserialize)]
    /// # struct Job {
    /// #     status: String,
    /// # }
    /// # fn job(t: Transport, id: &str) -> Poller<Job> {
    /// #     let spec = RequestSpec::get("demo.jobs.get", "/jobs/{jobId}", &[id]);
    /// #     Poller::new(t, spec, |j: &Job| match j.status.as_str() {
    /// #         "SUCCESS" => PollStatus::Succeeded(j.status.clone()),
    /// #         s => PollStatus::Pending(s.to_owned()),
    /// #     })
    /// # }
    /// # use sdk_core::Accepted;
    /// # async fn create(t: Transport) -> sdk_core::Result<Accepted<serde_json::Value, Job>> {
    /// #     let spec = RequestSpec::new("demo.jobs.create", sdk_core::Method::POST, "/jobs", &[]);
    /// #     let answer: serde_json::Value = t.execute(spec).await?;
    /// #     Ok(Accepted::new(answer, Some("42".into()), job(t, "42")))
    /// # }
    /// # async fn run(t: Transport) -> sdk_core::Result<()> {
    /// let handle = create(t).await?;
    /// println!("accepted: {}", handle.accepted());
    /// # Ok(()) }
    /// ```
    pub fn accepted(&self) -> &A {
        &self.accepted
    }

    /// The id of the resource being worked on, when the answer carried one.
    ///
    /// ```no_run
    /// # use sdk_core::{PollStatus, Poller, RequestSpec, Transport};
    /// # #[derive(Debug, serde::Deserialize)]
    /// # struct Job {
    /// #     status: String,
    /// # }
    /// # fn job(t: Transport, id: &str) -> Poller<Job> {
    /// #     let spec = RequestSpec::get("demo.jobs.get", "/jobs/{jobId}", &[id]);
    /// #     Poller::new(t, spec, |j: &Job| match j.status.as_str() {
    /// #         "SUCCESS" => PollStatus::Succeeded(j.status.clone()),
    /// #         s => PollStatus::Pending(s.to_owned()),
    /// #     })
    /// # }
    /// # use sdk_core::Accepted;
    /// # async fn create(t: Transport) -> sdk_core::Result<Accepted<serde_json::Value, Job>> {
    /// #     let spec = RequestSpec::new("demo.jobs.create", sdk_core::Method::POST, "/jobs", &[]);
    /// #     let answer: serde_json::Value = t.execute(spec).await?;
    /// #     Ok(Accepted::new(answer, Some("42".into()), job(t, "42")))
    /// # }
    /// # async fn run(t: Transport) -> sdk_core::Result<()> {
    /// let handle = create(t).await?;
    /// if let Some(id) = handle.id() {
    ///     println!("working on job {id}");
    /// }
    /// # Ok(()) }
    /// ```
    pub fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }

    /// Replaces the poll policy for this operation.
    ///
    /// ```no_run
    /// # use sdk_core::{PollStatus, Poller, RequestSpec, Transport};
    /// # #[derive(Debug, serde::Deserialize)]
    /// # struct Job {
    /// #     status: String,
    /// # }
    /// # fn job(t: Transport, id: &str) -> Poller<Job> {
    /// #     let spec = RequestSpec::get("demo.jobs.get", "/jobs/{jobId}", &[id]);
    /// #     Poller::new(t, spec, |j: &Job| match j.status.as_str() {
    /// #         "SUCCESS" => PollStatus::Succeeded(j.status.clone()),
    /// #         s => PollStatus::Pending(s.to_owned()),
    /// #     })
    /// # }
    /// # use sdk_core::Accepted;
    /// # async fn create(t: Transport) -> sdk_core::Result<Accepted<serde_json::Value, Job>> {
    /// #     let spec = RequestSpec::new("demo.jobs.create", sdk_core::Method::POST, "/jobs", &[]);
    /// #     let answer: serde_json::Value = t.execute(spec).await?;
    /// #     Ok(Accepted::new(answer, Some("42".into()), job(t, "42")))
    /// # }
    /// # async fn run(t: Transport) -> sdk_core::Result<()> {
    /// use std::time::Duration;
    ///
    /// use sdk_core::PollPolicy;
    ///
    /// let two_minutes = PollPolicy::default().deadline(Duration::from_secs(120));
    /// let done = create(t).await?.policy(two_minutes).wait().await?;
    /// # let _ = done;
    /// # Ok(()) }
    /// ```
    pub fn policy(mut self, policy: PollPolicy) -> Self {
        self.poller = self.poller.policy(policy);
        self
    }

    /// Waits until the resource reaches a terminal status. See [`Poller::wait`].
    ///
    /// ```no_run
    /// # use sdk_core::{PollStatus, Poller, RequestSpec, Transport};
    /// # #[derive(Debug, serde::Deserialize)]
    /// # struct Job {
    /// #     status: String,
    /// # }
    /// # fn job(t: Transport, id: &str) -> Poller<Job> {
    /// #     let spec = RequestSpec::get("demo.jobs.get", "/jobs/{jobId}", &[id]);
    /// #     Poller::new(t, spec, |j: &Job| match j.status.as_str() {
    /// #         "SUCCESS" => PollStatus::Succeeded(j.status.clone()),
    /// #         s => PollStatus::Pending(s.to_owned()),
    /// #     })
    /// # }
    /// # use sdk_core::Accepted;
    /// # async fn create(t: Transport) -> sdk_core::Result<Accepted<serde_json::Value, Job>> {
    /// #     let spec = RequestSpec::new("demo.jobs.create", sdk_core::Method::POST, "/jobs", &[]);
    /// #     let answer: serde_json::Value = t.execute(spec).await?;
    /// #     Ok(Accepted::new(answer, Some("42".into()), job(t, "42")))
    /// # }
    /// # async fn run(t: Transport) -> sdk_core::Result<()> {
    /// let done = create(t).await?.wait().await?;
    /// println!("{}", done.status);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Poller::wait`].
    pub async fn wait(self) -> Result<T> {
        self.poller.wait().await
    }

    /// The accepted answer and the poller, to drive it yourself.
    ///
    /// ```no_run
    /// # use sdk_core::{PollStatus, Poller, RequestSpec, Transport};
    /// # #[derive(Debug, serde::Deserialize)]
    /// # struct Job {
    /// #     status: String,
    /// # }
    /// # fn job(t: Transport, id: &str) -> Poller<Job> {
    /// #     let spec = RequestSpec::get("demo.jobs.get", "/jobs/{jobId}", &[id]);
    /// #     Poller::new(t, spec, |j: &Job| match j.status.as_str() {
    /// #         "SUCCESS" => PollStatus::Succeeded(j.status.clone()),
    /// #         s => PollStatus::Pending(s.to_owned()),
    /// #     })
    /// # }
    /// # use sdk_core::Accepted;
    /// # async fn create(t: Transport) -> sdk_core::Result<Accepted<serde_json::Value, Job>> {
    /// #     let spec = RequestSpec::new("demo.jobs.create", sdk_core::Method::POST, "/jobs", &[]);
    /// #     let answer: serde_json::Value = t.execute(spec).await?;
    /// #     Ok(Accepted::new(answer, Some("42".into()), job(t, "42")))
    /// # }
    /// # async fn run(t: Transport) -> sdk_core::Result<()> {
    /// use sdk_core::PollState;
    ///
    /// let (answer, mut poller) = create(t).await?.into_parts();
    /// println!("accepted: {answer}");
    /// if let PollState::Pending { status } = poller.poll_once().await? {
    ///     println!("still {status}");
    /// }
    /// # Ok(()) }
    /// ```
    pub fn into_parts(self) -> (A, Poller<T>) {
        (self.accepted, self.poller)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::ManualClock;

    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct Element {
        status: String,
    }

    fn classify(e: &Element) -> PollStatus {
        match e.status.as_str() {
            "SUCCESS" => PollStatus::Succeeded(e.status.clone()),
            "FAILED" => PollStatus::Failed {
                status: e.status.clone(),
                message: Some("bad trunk".into()),
            },
            other => PollStatus::Pending(other.to_owned()),
        }
    }

    fn poller(clock: &ManualClock) -> Poller<Element> {
        // Port 9 on loopback: nothing listens, so any read would fail.
        let t = Transport::builder()
            .base_url("http://127.0.0.1:9")
            .allow_http(true)
            .no_auth()
            .clock(Arc::new(clock.clone()))
            .build()
            .unwrap();
        Poller::new(t, RequestSpec::get("t.get", "/e/{id}", &["1"]), classify)
    }

    #[tokio::test]
    async fn a_terminal_seed_answers_without_reading() {
        let clock = ManualClock::new();
        let done = poller(&clock)
            .seeded(Element {
                status: "SUCCESS".into(),
            })
            .wait()
            .await
            .unwrap();
        assert_eq!(done.status, "SUCCESS");
        let err = poller(&clock)
            .seeded(Element {
                status: "FAILED".into(),
            })
            .wait()
            .await
            .unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::OperationFailed);
        assert_eq!(err.vendor_message(), Some("bad trunk"));
        assert_eq!(err.operation(), Some("t.get"));
        assert!(clock.sleeps().is_empty(), "no wait, no read");
    }

    #[tokio::test]
    async fn a_pending_seed_polls_as_usual() {
        let clock = ManualClock::new();
        let p = poller(&clock).seeded(Element {
            status: "IN_PROGRESS".into(),
        });
        assert_eq!(p.last_status(), Some("IN_PROGRESS"));
        let err = p.wait().await.unwrap_err();
        assert!(
            matches!(
                err.kind(),
                crate::ErrorKind::Transport | crate::ErrorKind::PollTimeout
            ),
            "{err:?}"
        );
    }
}
