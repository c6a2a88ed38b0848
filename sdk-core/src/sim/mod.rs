//! The simulator engine (feature `simulator`): a stateful in-process fake of a vendor API,
//! listening on `127.0.0.1` on a free port, that a vendor crate describes in a few
//! declarative lines.
//!
//! It keeps what is created (per resource and per collection path parameters), pages lists
//! the way the vendor does ([`ListStyle`]: the three styles of [`paging`](crate::paging) and
//! the unpaged ones, filtered as the query asks with [`Resource::list_filter`]), moves
//! long-running resources from pending to success after a number of reads, through more
//! statuses on the way if declared, or to failure or another end on demand ([`LongRunning`],
//! [`Simulator::fail_next`], [`Simulator::end_next`]), answers 404 after a delete (at once, or
//! after some reads for long-running deletions), validates required fields, lets hooks
//! complete or check what changes ([`Resource::on_create`]), and injects [`Fault`]s by rule:
//! an error status with or without `Retry-After`, a delay, a malformed or truncated body, a
//! dropped connection, a body of any kind (an HTML error page, an empty `200`, text), a huge
//! streamed body; always, a number of times, or for a seeded fraction of the answers. A
//! [rate limit](Simulator::rate_limit) answers 429 with `Retry-After` beyond a number of
//! requests per second, as a service's quota does. Errors
//! are JSON `{"code": "...", "message": "..."}` unless the API writes its own
//! ([`Api::error_body`]): 400 for validation, 404 for an unknown item or path, 405 for a
//! method a path does not take, 409 for a duplicate id. Bodies may be JSON, XML or forms
//! (`application/x-www-form-urlencoded`, stored as objects of strings, keys optionally
//! renamed by [`Api::form_keys`]); unknown fields are stored as given. Answers are JSON, or
//! (feature `xml`) XML in the API's `XmlStyle` when the request asks for it by `Accept` or
//! by a path suffix ([`Api::format_suffix`]); XML request bodies too need feature `xml`.
//!
//! It is a small [hyper](https://hyper.rs) server, one task per connection, rather than
//! `wiremock`: wiremock cannot drop a connection or cut a body short, and its responders are
//! synchronous and stateless per mock, which would leave the store and the lifecycles to
//! every vendor.
//!
//! ```
//! use sdk_core::sim::{Api, ListStyle, Resource, Simulator};
//! use sdk_core::{Paginator, RequestSpec, Transport};
//! use serde_json::{Value, json};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), sdk_core::Error> {
//! let sim = Simulator::start(Api::new("demo").resource(
//!     Resource::new("widgets", "/widgets").list(ListStyle::OffsetLimit),
//! )).await?;
//!
//! let transport = Transport::builder().base_url(sim.api_url()).allow_http(true).no_auth().build()?;
//! let created: Value = transport
//!     .execute(RequestSpec::post("demo.widgets.create", "/widgets", &[]).json(&json!({"name": "w"})))
//!     .await?;
//! let all = Paginator::<Value>::offset_limit(transport, RequestSpec::get("demo.widgets.list", "/widgets", &[]), 10)
//!     .collect_all()
//!     .await?;
//! assert_eq!(all, vec![created]);
//!
//! sim.shutdown().await;
//! # Ok(()) }
//! ```

mod api;
mod engine;
mod fault;
mod list;
mod rate;
mod render;
mod store;
mod webhook;

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::convert::Infallible;
use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, Weak};
use std::time::Duration;

use bytes::Bytes;
use futures_util::stream::{self, StreamExt};
use http::{HeaderValue, header};
use http_body_util::combinators::BoxBody;
use http_body_util::{BodyExt, Full, StreamBody};
use hyper::body::{Frame, Incoming};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use serde_json::Value;
use tokio::net::TcpListener;
use tokio::task::{JoinHandle, JoinSet};

#[cfg(feature = "xml")]
pub use api::XmlStyle;
pub use api::{
    ActionRequest, Api, Change, IdStyle, ListStyle, LongRunning, Reply, ReplyBody, Resource,
    UpdateMode, Verb,
};
pub use fault::{Fault, RecordedRequest, RetryAfter};
pub use store::Store;
pub use webhook::{UrlAnswer, is_loopback, request_url};

use crate::error::{Error, Result};
use crate::poll::PollPolicy;

use engine::Compiled;

/// One HTTP client for tests against local servers (simulators, mock servers), shared by
/// every caller in the process so its setup is paid once, and keeping no idle connection,
/// so a request never lands on a connection to a server that an earlier test stopped.
/// Give it to a client builder's `http_client`.
///
/// # Panics
///
/// If the HTTP client cannot be built at all (no TLS backend), which a test cannot work
/// around anyway.
pub fn test_http_client() -> crate::HttpClient {
    static HTTP: std::sync::OnceLock<crate::HttpClient> = std::sync::OnceLock::new();
    HTTP.get_or_init(|| {
        crate::http_client_builder()
            .pool_max_idle_per_host(0)
            .build()
            .expect("an HTTP client with the SDK's TLS setup")
    })
    .clone()
}

use fault::FaultKind;

type Body = BoxBody<Bytes, io::Error>;

struct Shared {
    api: Compiled,
    store: Mutex<Store>,
    faults: Mutex<Vec<Fault>>,
    requests: Mutex<Vec<RecordedRequest>>,
    rate: Mutex<Option<rate::Bucket>>,
    throttled: AtomicU64,
    /// The vendor's run-time state that is not stored items ([`Simulator::state`]).
    state: Mutex<HashMap<TypeId, Arc<dyn Any + Send + Sync>>>,
    /// The work the simulator does on its own ([`SimulatorHandle::spawn`]).
    tasks: Mutex<JoinSet<()>>,
    stopped: AtomicBool,
}

impl Shared {
    fn state<T: Default + Send + Sync + 'static>(&self) -> Arc<T> {
        let mut map = lock(&self.state);
        let any = map
            .entry(TypeId::of::<T>())
            .or_insert_with(|| Arc::new(T::default()));
        // The entry of `T`'s type id holds a `T`.
        any.clone()
            .downcast::<T>()
            .unwrap_or_else(|_| Arc::new(T::default()))
    }

    fn stop(&self) {
        self.stopped.store(true, Ordering::SeqCst);
        lock(&self.tasks).abort_all();
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// A running simulator. Dropping it (or [`shutdown`](Self::shutdown)) stops the server and
/// closes its connections.
pub struct Simulator {
    addr: SocketAddr,
    shared: Arc<Shared>,
    task: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for Simulator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Simulator")
            .field("api", &self.shared.api.name)
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

impl Simulator {
    /// Checks `api` and starts serving it on `127.0.0.1` on a free port. Must be called
    /// within a tokio runtime.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) naming `api` for a bad
    /// description (an unparsable template, an item path whose placeholders do not extend
    /// the collection's, a resource declared twice);
    /// [`ErrorKind::Transport`](crate::ErrorKind::Transport) when no port can be bound.
    pub async fn start(api: Api) -> Result<Simulator> {
        Self::start_at(api, SocketAddr::from(([127, 0, 0, 1], 0))).await
    }

    /// As [`start`](Self::start), on `addr` (port 0: a free one): to serve a simulator at a
    /// known address, for other processes.
    ///
    /// # Errors
    ///
    /// As [`start`](Self::start); [`ErrorKind::Transport`](crate::ErrorKind::Transport)
    /// when `addr` cannot be bound.
    pub async fn start_at(api: Api, addr: SocketAddr) -> Result<Simulator> {
        let api = Compiled::new(api).map_err(|m| Error::invalid_input("api", m))?;
        let listener = TcpListener::bind(addr)
            .await
            .map_err(|e| Error::io("the simulator could not bind its port", e))?;
        let addr = listener
            .local_addr()
            .map_err(|e| Error::io("the simulator could not read its address", e))?;
        tracing::debug!(api = %api.name, %addr, "simulator started");
        let shared = Arc::new_cyclic(|weak| Shared {
            api,
            store: Mutex::new(Store::of(SimulatorHandle {
                shared: weak.clone(),
                addr,
            })),
            faults: Mutex::default(),
            requests: Mutex::default(),
            rate: Mutex::default(),
            throttled: AtomicU64::new(0),
            state: Mutex::default(),
            tasks: Mutex::new(JoinSet::new()),
            stopped: AtomicBool::new(false),
        });
        let task = tokio::spawn(accept(listener, shared.clone()));
        Ok(Simulator {
            addr,
            shared,
            task: Some(task),
        })
    }

    /// `http://127.0.0.1:PORT`, without the base path.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// `http://127.0.0.1:PORT` followed by the API's base path: what a client whose paths
    /// are relative to the base path takes as its base URL.
    pub fn api_url(&self) -> String {
        format!("{}{}", self.base_url(), self.shared.api.base_path)
    }

    /// A client builder for this simulator: its base URL, plain HTTP allowed, the catalog
    /// operation id sent with every request (so [`requests`](Self::requests) and
    /// [`Fault::operation`] can name it), and the [`PollPolicy::simulator`], so a wait on
    /// a simulated long-running resource takes milliseconds. Choose credentials and build:
    /// `sim.client_builder::<AxpClient>().no_auth().build()`.
    pub fn client_builder<C: crate::Service>(&self) -> crate::ClientBuilder<C> {
        crate::ClientBuilder::new()
            .base_url(self.base_url())
            .allow_http(true)
            .operation_header(true)
            .poll_policy(PollPolicy::simulator())
    }

    /// How many requests the simulator has answered (or refused) so far: cheaper than
    /// [`requests`](Self::requests) to see whether anything happened.
    pub fn request_count(&self) -> usize {
        lock(&self.shared.requests).len()
    }

    /// The address the simulator listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// A handle for the work the simulator does on its own, after a request has been
    /// answered (a vendor's callbacks to the user's URLs): it reaches the store and the
    /// state, and spawns tasks that stop with the simulator. Hooks and custom actions get
    /// one from [`Store::simulator`].
    pub fn handle(&self) -> SimulatorHandle {
        SimulatorHandle {
            shared: Arc::downgrade(&self.shared),
            addr: self.addr,
        }
    }

    /// The simulator's one value of `T`, made with `T::default()` on first use: run-time
    /// state of a vendor's simulator that is not a stored item (what a test scripted, who
    /// waits for what). Each type is one slot, so a vendor keeps its state in a type of
    /// its own.
    ///
    /// ```
    /// use std::sync::atomic::{AtomicU32, Ordering};
    ///
    /// use sdk_core::sim::{Api, Simulator};
    ///
    /// #[derive(Default)]
    /// struct Rings(AtomicU32);
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sdk_core::Error> {
    /// let sim = Simulator::start(Api::new("demo")).await?;
    /// sim.state::<Rings>().0.fetch_add(1, Ordering::Relaxed);
    /// let seen = sim.handle().state::<Rings>().map(|r| r.0.load(Ordering::Relaxed));
    /// assert_eq!(seen, Some(1));
    /// # Ok(()) }
    /// ```
    pub fn state<T: Default + Send + Sync + 'static>(&self) -> Arc<T> {
        self.shared.state::<T>()
    }

    /// Adds a fault rule. Rules apply in the order they were added.
    pub fn inject(&self, fault: Fault) {
        lock(&self.shared.faults).push(fault);
    }

    /// Removes every fault rule not used up yet.
    pub fn clear_faults(&self) {
        lock(&self.shared.faults).clear();
    }

    /// Limits the API to `requests_per_second`, as a service's quota does: a token bucket
    /// that holds one second's worth of requests, refilled continuously on real time. A
    /// request that finds it empty is answered 429 with `Retry-After` (the whole seconds
    /// until a token is back, rounded up), is recorded with
    /// [`throttled`](RecordedRequest::throttled) set, and reaches neither the fault rules nor
    /// the store. The limit applies to every request of the API; 0 removes it. Setting it
    /// again starts a full bucket.
    ///
    /// ```
    /// use sdk_core::sim::{Api, Resource, Simulator};
    /// use sdk_core::{RequestSpec, Transport};
    /// use serde_json::{Value, json};
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sdk_core::Error> {
    /// let sim = Simulator::start(Api::new("demo").resource(Resource::new("widgets", "/widgets"))).await?;
    /// sim.rate_limit_with_burst(1, 2);
    /// let transport = Transport::builder().base_url(sim.api_url()).allow_http(true).no_auth().build()?;
    /// // A create is not sent again after a 429: the error comes back.
    /// let create = || RequestSpec::post("demo.widgets.create", "/widgets", &[]).json(&json!({"name": "w"}));
    /// transport.execute::<Value>(create()).await?;
    /// transport.execute::<Value>(create()).await?;
    /// let err = transport.execute::<Value>(create()).await.unwrap_err();
    /// assert_eq!(err.status().map(|s| s.as_u16()), Some(429));
    /// assert_eq!(err.retry_after(), Some(std::time::Duration::from_secs(1)));
    /// assert_eq!(sim.throttled(), 1);
    /// assert_eq!(sim.with_store(|s| s.count("widgets", &[])), 2);
    /// # Ok(()) }
    /// ```
    pub fn rate_limit(&self, requests_per_second: u32) {
        self.rate_limit_with_burst(requests_per_second, requests_per_second);
    }

    /// As [`rate_limit`](Self::rate_limit), with a bucket of `burst` requests (at least 1):
    /// how many may come at once after a quiet spell.
    pub fn rate_limit_with_burst(&self, requests_per_second: u32, burst: u32) {
        *lock(&self.shared.rate) = (requests_per_second > 0).then(|| {
            rate::Bucket::new(
                requests_per_second,
                burst,
                tokio::time::Instant::now().into_std(),
            )
        });
    }

    /// How many requests the [rate limit](Self::rate_limit) has answered with a 429.
    pub fn throttled(&self) -> u64 {
        self.shared.throttled.load(Ordering::Relaxed)
    }

    /// The next create, update or long-running delete of the long-running `resource`
    /// ends in its failure status (a failed delete keeps the item). Calls add up: twice
    /// marks the next two. For a resource whose lifecycle is in a
    /// [`group`](LongRunning::group), the next item of any resource of the group.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) naming `resource` when
    /// the API declares no such resource.
    pub fn fail_next(&self, resource: &str) -> Result<()> {
        let (_, r) = self.resource(resource)?;
        lock(&self.shared.store).state(r.state_key()).fail_next += 1;
        Ok(())
    }

    /// The next create or update of the long-running `resource` ends in `status`, by the
    /// way its [`LongRunning::ending`] declares (or the way to success when it declares
    /// none): a call that ends busy. Calls add up: the next items end in the statuses given,
    /// in order. [`fail_next`](Self::fail_next) is served first.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) naming `resource` when
    /// the API declares no such resource or it is not long-running.
    pub fn end_next(&self, resource: &str, status: &str) -> Result<()> {
        let (_, r) = self.resource(resource)?;
        if r.long_running.is_none() {
            return Err(Error::invalid_input(
                "resource",
                format!("`{resource}` is not long-running"),
            ));
        }
        lock(&self.shared.store)
            .state(r.state_key())
            .ends
            .push_back(status.to_owned());
        Ok(())
    }

    /// How many reads items of `resource` created, updated or deleted (when deletes are
    /// long-running) from now on stay pending (replacing [`LongRunning::polls`] and
    /// [`Resource::long_running_delete`]); with statuses [`through`](LongRunning::through)
    /// the way, each of them is seen by one read more. Applies to the whole
    /// [`group`](LongRunning::group) of the resource's lifecycle.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) naming `resource` when
    /// the API declares no such resource.
    pub fn set_polls(&self, resource: &str, polls: u32) -> Result<()> {
        let (_, r) = self.resource(resource)?;
        lock(&self.shared.store).state(r.state_key()).polls = Some(polls);
        Ok(())
    }

    /// Stores an item under the collection parameters `params`, as it is (no required
    /// fields, no pending status), with an id generated into the id field when it has none.
    /// Returns the id.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) naming `resource` when
    /// the API declares no such resource, or naming `item` when it is not a JSON object or
    /// its id is taken.
    pub fn seed(&self, resource: &str, params: &[&str], item: Value) -> Result<String> {
        let (i, _) = self.resource(resource)?;
        let mut store = lock(&self.shared.store);
        self.shared
            .api
            .insert_new(i, &mut store, params, item, None)
            .map(|(id, _)| id)
            .map_err(|reply| {
                Error::invalid_input("item", String::from_utf8_lossy(reply.body()).into_owned())
            })
    }

    /// Stores `item`, a value of the vendor crate's own model type, under the collection
    /// parameters `parents` (the ids of the path above the collection, the account first),
    /// as [`seed`](Self::seed) does. Returns its id.
    ///
    /// # Errors
    ///
    /// As [`seed`](Self::seed); [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput)
    /// naming `item` when it does not serialise to a JSON object.
    pub fn seed_item<T: Simulated>(&self, parents: &[&str], item: &T) -> Result<String> {
        let value =
            serde_json::to_value(item).map_err(|e| Error::invalid_input("item", e.to_string()))?;
        self.seed(T::RESOURCE, parents, value)
    }

    /// The items of `T`'s resource stored under `parents`, read as `T`, in the order of
    /// the collection.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Decode`](crate::ErrorKind::Decode) when a stored item does not read as
    /// `T` (it was seeded as raw JSON of another shape).
    pub fn items<T: Simulated>(&self, parents: &[&str]) -> Result<Vec<T>> {
        let stored: Vec<Value> =
            self.with_store(|s| s.list(T::RESOURCE, parents).into_iter().cloned().collect());
        stored.into_iter().map(read_stored).collect()
    }

    /// One stored item of `T`'s resource, read as `T`; `None` when there is none with
    /// that id.
    ///
    /// # Errors
    ///
    /// As [`items`](Self::items).
    pub fn item<T: Simulated>(&self, parents: &[&str], id: &str) -> Result<Option<T>> {
        let stored = self.with_store(|s| s.get(T::RESOURCE, parents, id).cloned());
        stored.map(read_stored).transpose()
    }

    /// Every request that reached the simulator so far (faulted ones included), in order.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        lock(&self.shared.requests).clone()
    }

    /// Forgets the recorded requests.
    pub fn clear_requests(&self) {
        lock(&self.shared.requests).clear();
    }

    /// Runs `f` with the store locked: to look at what was stored, or change it.
    pub fn with_store<R>(&self, f: impl FnOnce(&mut Store) -> R) -> R {
        f(&mut lock(&self.shared.store))
    }

    /// Stops the server and waits until it has stopped; open connections are closed and
    /// the tasks it [spawned](SimulatorHandle::spawn) are aborted.
    pub async fn shutdown(mut self) {
        self.shared.stop();
        if let Some(task) = self.task.take() {
            task.abort();
            let _ = task.await;
        }
        tracing::debug!(api = %self.shared.api.name, "simulator stopped");
    }

    fn resource(&self, name: &str) -> Result<(usize, &Resource)> {
        self.shared.api.resource(name).ok_or_else(|| {
            Error::invalid_input(
                "resource",
                format!("the simulated API has no resource `{name}`"),
            )
        })
    }
}

/// A model of a vendor crate that its simulator stores: the name of the simulated
/// resource it is an item of. The implementations of a vendor crate list what its
/// simulator holds; [`Simulator::seed_item`], [`Simulator::items`] and
/// [`Simulator::item`] seed and read the store with the crate's own types.
pub trait Simulated: serde::Serialize + serde::de::DeserializeOwned {
    /// The simulated resource (`"phone_numbers"`).
    const RESOURCE: &'static str;
}

/// A handle on a running simulator, for the work it does on its own once a request has
/// been answered (a call that runs its document, a callback to a user's URL): made by
/// [`Simulator::handle`], or by [`Store::simulator`] in hooks and custom actions. Cloning
/// is cheap. It does not keep the simulator running: once the simulator is shut down or
/// dropped, [`with_store`](Self::with_store) and [`state`](Self::state) answer `None`
/// and [`spawn`](Self::spawn) refuses.
///
/// ```
/// use sdk_core::sim::{Api, Reply, Simulator};
/// use sdk_core::{Method, RequestSpec, Transport};
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), sdk_core::Error> {
/// // An action that answers at once and finishes its work later.
/// let api = Api::new("demo").action(Method::POST, "/jobs", |store, _| {
///     if let Some(sim) = store.simulator() {
///         let later = sim.clone();
///         sim.spawn(async move {
///             later.with_store(|s| s.insert("jobs", &[], "1", serde_json::json!({"done": true})));
///         });
///     }
///     Reply::empty(202)
/// });
/// let sim = Simulator::start(api).await?;
/// let transport = Transport::builder().base_url(sim.api_url()).allow_http(true).no_auth().build()?;
/// transport.send(RequestSpec::post("demo.jobs.start", "/jobs", &[])).await?;
/// while sim.with_store(|s| s.count("jobs", &[])) == 0 {
///     tokio::task::yield_now().await;
/// }
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct SimulatorHandle {
    shared: Weak<Shared>,
    addr: SocketAddr,
}

impl std::fmt::Debug for SimulatorHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SimulatorHandle")
            .field("addr", &self.addr)
            .field("running", &self.is_running())
            .finish()
    }
}

impl SimulatorHandle {
    fn shared(&self) -> Option<Arc<Shared>> {
        self.shared
            .upgrade()
            .filter(|s| !s.stopped.load(Ordering::SeqCst))
    }

    /// Whether the simulator still runs.
    pub fn is_running(&self) -> bool {
        self.shared().is_some()
    }

    /// `http://127.0.0.1:PORT`, as [`Simulator::base_url`].
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Runs `f` with the store locked, as [`Simulator::with_store`]; `None` once the
    /// simulator has stopped. Never call it from a hook or an action, which hold the lock
    /// already: they have the store.
    pub fn with_store<R>(&self, f: impl FnOnce(&mut Store) -> R) -> Option<R> {
        let shared = self.shared()?;
        let mut store = lock(&shared.store);
        Some(f(&mut store))
    }

    /// The simulator's value of `T`, as [`Simulator::state`]; `None` once it has stopped.
    pub fn state<T: Default + Send + Sync + 'static>(&self) -> Option<Arc<T>> {
        Some(self.shared()?.state::<T>())
    }

    /// Runs `task` on the current tokio runtime until it ends or the simulator stops,
    /// whichever comes first. Returns `false`, and drops `task`, when the simulator has
    /// stopped or no runtime is current.
    pub fn spawn(&self, task: impl Future<Output = ()> + Send + 'static) -> bool {
        let Some(shared) = self.shared() else {
            return false;
        };
        if tokio::runtime::Handle::try_current().is_err() {
            return false;
        }
        let mut tasks = lock(&shared.tasks);
        while tasks.try_join_next().is_some() {}
        tasks.spawn(task);
        true
    }
}

fn read_stored<T: serde::de::DeserializeOwned>(value: Value) -> Result<T> {
    let text = value.to_string();
    serde_json::from_value(value).map_err(|e| {
        Error::decode(
            "a stored item does not read as the model type",
            text.as_bytes(),
            e,
        )
    })
}

impl Drop for Simulator {
    fn drop(&mut self) {
        self.shared.stop();
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }
}

/// Accepts connections until aborted; aborting drops the set, which aborts every
/// connection task.
async fn accept(listener: TcpListener, shared: Arc<Shared>) {
    let mut connections = JoinSet::new();
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(e) => {
                tracing::warn!(error = %e, "simulator: accept failed");
                tokio::time::sleep(Duration::from_millis(10)).await;
                continue;
            }
        };
        while connections.try_join_next().is_some() {}
        let shared = shared.clone();
        connections.spawn(async move {
            let service = service_fn(move |req| serve(shared.clone(), req));
            if let Err(e) = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await
            {
                tracing::debug!(error = %e, "simulator: connection ended");
            }
        });
    }
}

fn full(bytes: Bytes) -> Body {
    Full::new(bytes).map_err(|e: Infallible| match e {}).boxed()
}

fn into_response(reply: Reply) -> hyper::Response<Body> {
    let mut resp = hyper::Response::new(full(reply.body));
    *resp.status_mut() = reply.status;
    for (name, value) in reply.headers {
        resp.headers_mut().append(name, value);
    }
    resp
}

/// The 429 of the rate limit, when the request finds its bucket empty.
fn throttle(shared: &Shared) -> Option<Reply> {
    let wait = lock(&shared.rate)
        .as_mut()?
        .take(tokio::time::Instant::now().into_std())
        .err()?;
    shared.throttled.fetch_add(1, Ordering::Relaxed);
    let secs = rate::retry_after_secs(wait);
    tracing::debug!(api = %shared.api.name, retry_after = secs, "simulator: rate limited");
    Some(
        Reply::error(429, "TOO_MANY_REQUESTS", "rate limit exceeded")
            .header(header::RETRY_AFTER.as_str(), &secs.to_string()),
    )
}

/// Answers one request: record it, answer 429 if the rate limit says so, apply a fault if
/// one hits, else ask the engine. An error closes the connection without an answer.
async fn serve(
    shared: Arc<Shared>,
    req: hyper::Request<Incoming>,
) -> std::result::Result<hyper::Response<Body>, io::Error> {
    let (parts, body) = req.into_parts();
    let body = body.collect().await.map_err(io::Error::other)?.to_bytes();
    let operation = parts
        .headers
        .get(crate::config::OPERATION_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let recorded = RecordedRequest {
        operation,
        method: parts.method,
        path: parts.uri.path().to_owned(),
        query: parts
            .uri
            .query()
            .map(|q| {
                url::form_urlencoded::parse(q.as_bytes())
                    .into_owned()
                    .collect()
            })
            .unwrap_or_default(),
        headers: parts.headers,
        body,
        faulted: false,
        throttled: false,
    };
    if let Some(reply) = throttle(&shared) {
        let mut recorded = recorded;
        recorded.throttled = true;
        lock(&shared.requests).push(recorded);
        return Ok(into_response(reply));
    }
    let fault = fault::take(
        &mut lock(&shared.faults),
        &recorded.method,
        &recorded.path,
        recorded.operation.as_deref(),
    );
    let mut recorded = recorded;
    recorded.faulted = fault.is_some();
    lock(&shared.requests).push(recorded.clone());
    let api = &shared.api.name;
    let (method, path) = (&recorded.method, &recorded.path);
    match fault {
        None | Some(FaultKind::LoseAnswer) => {}
        Some(FaultKind::Delay(d)) => {
            tracing::debug!(%api, %method, %path, delay_ms = d.as_millis() as u64, "simulator: delaying");
            tokio::time::sleep(d).await;
        }
        Some(FaultKind::Status {
            status,
            retry_after,
        }) => {
            let code = http::StatusCode::from_u16(status)
                .ok()
                .and_then(|s| s.canonical_reason())
                .unwrap_or("SIMULATED_FAULT")
                .to_ascii_uppercase()
                .replace(' ', "_");
            let mut reply = Reply::error(status, &code, format!("simulated {status}"));
            if let Some(ra) = retry_after {
                reply = reply.header(header::RETRY_AFTER.as_str(), &ra.header_value());
            }
            tracing::debug!(%api, %method, %path, status, "simulator: injected status");
            return Ok(into_response(reply));
        }
        Some(FaultKind::MalformedBody) => {
            tracing::debug!(%api, %method, %path, "simulator: malformed body");
            return Ok(into_response(Reply::text(
                200,
                "application/json",
                r#"{"id": "malformed", "items": [1, 2"#,
            )));
        }
        Some(FaultKind::TruncatedBody) => {
            tracing::debug!(%api, %method, %path, "simulator: truncated body");
            let whole = Bytes::from_static(
                br#"{"message": "this answer is cut short by the simulator before its end"}"#,
            );
            let sent = whole.slice(..whole.len() / 2);
            // The first half goes out (hyper flushes while the body is pending), then the
            // body fails and hyper closes the connection short of Content-Length.
            let frames = stream::iter([Ok(Frame::data(sent))]).chain(stream::once(async {
                tokio::time::sleep(Duration::from_millis(5)).await;
                Err(io::Error::other("simulated truncated body"))
            }));
            let mut resp = hyper::Response::new(BodyExt::boxed(StreamBody::new(frames)));
            resp.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            );
            resp.headers_mut()
                .insert(header::CONTENT_LENGTH, HeaderValue::from(whole.len()));
            return Ok(resp);
        }
        Some(FaultKind::Body {
            status,
            content_type,
            body,
        }) => {
            tracing::debug!(%api, %method, %path, status, "simulator: injected body");
            let mut resp = hyper::Response::new(full(body));
            *resp.status_mut() = http::StatusCode::from_u16(status).unwrap_or(http::StatusCode::OK);
            if let Some(ct) = content_type.and_then(|ct| HeaderValue::from_str(&ct).ok()) {
                resp.headers_mut().insert(header::CONTENT_TYPE, ct);
            }
            return Ok(resp);
        }
        Some(FaultKind::HugeBody(len)) => {
            tracing::debug!(%api, %method, %path, len, "simulator: huge body");
            const CHUNK: usize = 64 * 1024;
            let mut chunk = vec![b' '; CHUNK];
            chunk[..10].copy_from_slice(br#"{"items":["#);
            let first = Bytes::from(chunk);
            let filler = Bytes::from(vec![b' '; CHUNK]);
            let chunks = len.div_ceil(CHUNK as u64);
            let frames = stream::iter((0..chunks).map(move |i| {
                let part = if i == 0 {
                    first.clone()
                } else {
                    filler.clone()
                };
                let left = len - i * CHUNK as u64;
                let part = part.slice(..(left.min(CHUNK as u64) as usize));
                Ok::<_, io::Error>(Frame::data(part))
            }));
            let mut resp = hyper::Response::new(BodyExt::boxed(StreamBody::new(frames)));
            resp.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            );
            return Ok(resp);
        }
        Some(FaultKind::DropConnection) => {
            tracing::debug!(%api, %method, %path, "simulator: dropping the connection");
            return Err(io::Error::new(
                io::ErrorKind::ConnectionAborted,
                "simulated dropped connection",
            ));
        }
    }
    let reply = shared.api.handle(&mut lock(&shared.store), &recorded);
    if fault == Some(FaultKind::LoseAnswer) {
        tracing::debug!(%api, %method, %path, status = reply.status.as_u16(), "simulator: handled, answer lost");
        return Err(io::Error::new(
            io::ErrorKind::ConnectionAborted,
            "simulated lost answer",
        ));
    }
    tracing::debug!(%api, %method, %path, status = reply.status.as_u16(), "simulator answered");
    Ok(into_response(reply))
}
