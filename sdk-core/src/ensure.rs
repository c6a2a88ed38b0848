//! Provisioning as code: make a resource be as described, whatever is there now.
//!
//! `ensure(desired)` finds the live resource by its natural key (a number, a name), then
//! creates it, updates only what differs, or leaves it alone, and says which it did with the
//! resource: an [`Outcome`]. Running it twice changes nothing the second time; there is no
//! state file, the live service is the state.
//!
//! The mechanism is this module's; a resource states only what is its own:
//!
//! - [`Desired`], on the description of a resource (usually the vendor crate's create
//!   request): its natural [`KEY`](Desired::KEY) and the [`FIELDS`](Desired::FIELDS) it
//!   compares, each a [`Field`] naming the field in the description and in the live resource
//!   (their spellings differ where the service reads forms and answers JSON).
//! - [`Ensure`], on the scope that holds such resources: how to [`find`](Ensure::find) the
//!   live ones, [`create`](Ensure::create) (waiting where the service answers before the
//!   resource is ready), [`update`](Ensure::update) and [`delete`](Ensure::delete) one.
//!   [`plan`](Ensure::plan), [`apply`](Ensure::apply) and [`ensure`](Ensure::ensure) come with
//!   the trait.
//!
//! How fields compare: a field the description leaves unset (`null` or absent once
//! serialized) is not managed and never compared. Scalars compare by their text, so a port
//! sent as `"5022"` equals a port read back as `5022`, and `true` equals `"true"`. Objects
//! compare key by key over the keys the description sets (what the server adds is not a
//! difference); arrays compare item by item, in order. An empty string, array or object
//! equals an absent field. A [`Field::ignore_case`] compares its text without regard to
//! ASCII case. A [`Field::secret`] is never shown (a [`Change`] says
//! `(secret)`) and, when the live resource does not show it (most services never return a
//! password), is not compared: it is set on create and left alone after.
//!
//! When a create fails in a way that may have reached the server (a timeout, a connection
//! dropped after sending, a server error), [`apply`](Ensure::apply) looks the key up again
//! before giving up: a resource that was created after all is reported
//! [`Outcome::Created`], so a run that is killed or cut off and run again creates nothing
//! twice. A create that was answered and then failed, or did not finish within the poll
//! deadline, keeps its error.
//!
//! ```
//! use sdk_core::ensure::{Desired, Field, Plan};
//! use serde::Serialize;
//!
//! #[derive(Serialize)]
//! struct NewQueue { name: String, priority: Option<u32>, password: Option<String> }
//! #[derive(Serialize)]
//! struct Queue { id: String, name: String, priority: u32 }
//!
//! impl Desired for NewQueue {
//!     type Live = Queue;
//!     const KIND: &'static str = "queue";
//!     const KEY: Field = Field::new("name");
//!     const FIELDS: &'static [Field] = &[Field::new("priority"), Field::new("password").secret()];
//! }
//!
//! let desired = NewQueue { name: "Sales".into(), priority: Some(3), password: Some("pw".into()) };
//! let live = Queue { id: "q1".into(), name: "Sales".into(), priority: 2 };
//! assert_eq!(desired.key()?, "Sales");
//! let changes = desired.changes(&live)?;
//! assert_eq!(changes.len(), 1); // the password is not shown by the service: not compared
//! assert_eq!(changes[0].to_string(), "priority: 2 -> 3");
//! # Ok::<(), sdk_core::Error>(())
//! ```

use std::collections::HashMap;
use std::fmt;
use std::future::Future;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::{Error, ErrorKind, Result};

/// A field of a resource, as the description spells it and as the live resource does.
///
/// ```
/// use sdk_core::ensure::Field;
///
/// // CPaaS reads forms in PascalCase and answers JSON in snake_case.
/// const VOICE_URL: Field = Field::new("VoiceUrl").live("voice_url");
/// assert_eq!(VOICE_URL.name(), "VoiceUrl");
/// assert_eq!(VOICE_URL.live_name(), "voice_url");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Field {
    name: &'static str,
    live: &'static str,
    secret: bool,
    ignore_case: bool,
}

impl Field {
    /// A field spelled `name` on both sides.
    pub const fn new(name: &'static str) -> Self {
        Field {
            name,
            live: name,
            secret: false,
            ignore_case: false,
        }
    }

    /// The live resource spells it `name`.
    pub const fn live(mut self, name: &'static str) -> Self {
        self.live = name;
        self
    }

    /// A secret (a password): never shown in a [`Change`], and compared only when the live
    /// resource shows it.
    pub const fn secret(mut self) -> Self {
        self.secret = true;
        self
    }

    /// Compared without regard to ASCII case: for a value the service may answer in
    /// another case than it is sent (a document whose schema lists `phone` where its
    /// examples, and the SDK, send `Phone`).
    ///
    /// ```
    /// use sdk_core::ensure::{Desired, Field};
    /// use serde::Serialize;
    ///
    /// #[derive(Serialize)]
    /// struct NewQueue { name: String, r#type: String }
    ///
    /// impl Desired for NewQueue {
    ///     type Live = NewQueue;
    ///     const KIND: &'static str = "queue";
    ///     const KEY: Field = Field::new("name");
    ///     const FIELDS: &'static [Field] = &[Field::new("type").ignore_case()];
    /// }
    ///
    /// let desired = NewQueue { name: "Sales".into(), r#type: "Phone".into() };
    /// let live = NewQueue { name: "Sales".into(), r#type: "phone".into() };
    /// assert!(desired.changes(&live)?.is_empty());
    /// # Ok::<(), sdk_core::Error>(())
    /// ```
    pub const fn ignore_case(mut self) -> Self {
        self.ignore_case = true;
        self
    }

    /// The field's name in the description.
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// The field's name in the live resource.
    pub const fn live_name(&self) -> &'static str {
        self.live
    }

    /// Whether it is a secret.
    pub const fn is_secret(&self) -> bool {
        self.secret
    }

    /// The fields of `parts` one after the other, `N` in all: for resources that share a
    /// group of fields (CPaaS numbers and applications share their callback URLs). A wrong
    /// `N` fails the build.
    ///
    /// ```
    /// use sdk_core::ensure::Field;
    ///
    /// const CALLBACKS: [Field; 2] = [Field::new("VoiceUrl"), Field::new("SmsUrl")];
    /// const NUMBER: &[Field] = &Field::join::<3>(&[&[Field::new("FriendlyName")], &CALLBACKS]);
    /// assert_eq!(NUMBER[2].name(), "SmsUrl");
    /// ```
    pub const fn join<const N: usize>(parts: &[&[Field]]) -> [Field; N] {
        let mut out = [Field::new(""); N];
        let (mut at, mut part) = (0, 0);
        while part < parts.len() {
            let mut i = 0;
            while i < parts[part].len() {
                assert!(at < N, "more fields than N");
                out[at] = parts[part][i];
                at += 1;
                i += 1;
            }
            part += 1;
        }
        assert!(at == N, "fewer fields than N");
        out
    }
}

/// One field that differs: what the live resource has and what the description wants.
/// A secret's values read `(secret)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// The field, as the description spells it.
    pub field: String,
    /// The live value, `None` when the live resource does not have the field.
    pub live: Option<Value>,
    /// The wanted value.
    pub desired: Value,
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let live = match &self.live {
            Some(v) => v.to_string(),
            None => "(none)".to_owned(),
        };
        write!(f, "{}: {live} -> {}", self.field, self.desired)
    }
}

/// The description of a resource that [`Ensure`] makes exist: its natural key and the
/// fields it compares. Both sides are compared through their serialized form, so the
/// description and the live type only need `Serialize`.
pub trait Desired: Serialize + Send + Sync {
    /// The resource as the service answers it.
    type Live: Serialize + Send + Sync;

    /// What the resource is called in messages and plans (`"reason code"`).
    const KIND: &'static str;

    /// The natural key: the field that names one resource within its scope (the number,
    /// the name). Found in the live resource under [`Field::live_name`].
    const KEY: Field;

    /// The fields compared between the description and the live resource. The key is not
    /// repeated here.
    const FIELDS: &'static [Field];

    /// The description's key, as text.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`] when the description has no key, or an empty one.
    fn key(&self) -> Result<String> {
        let value = to_value(self)?;
        match value.get(Self::KEY.name).and_then(scalar_text) {
            Some(key) if !key.is_empty() => Ok(key),
            _ => Err(Error::invalid_input(
                Self::KEY.name,
                format!("a {} to ensure needs its {}", Self::KIND, Self::KEY.name),
            )),
        }
    }

    /// The live resource's key, as text (`None` when it shows none).
    fn live_key(live: &Self::Live) -> Option<String> {
        let value = serde_json::to_value(live).ok()?;
        value.get(Self::KEY.live).and_then(scalar_text)
    }

    /// `base` with the [`FIELDS`](Self::FIELDS) this description sets written over it:
    /// the body of an update that replaces the whole resource, started from the live
    /// resource (as the vendor's read-modify-write conversion gives it, the fields the SDK
    /// does not model included), so that what the description leaves out or does not
    /// manage is kept. Objects merge key by key; arrays and scalars are replaced.
    ///
    /// ```
    /// use sdk_core::ensure::{Desired, Field};
    /// use serde::{Deserialize, Serialize};
    ///
    /// #[derive(Debug, PartialEq, Serialize, Deserialize)]
    /// struct Body { name: String, port: Option<u16>, note: Option<String> }
    /// impl Desired for Body {
    ///     type Live = Body;
    ///     const KIND: &'static str = "element";
    ///     const KEY: Field = Field::new("name");
    ///     const FIELDS: &'static [Field] = &[Field::new("port"), Field::new("note")];
    /// }
    ///
    /// let live = Body { name: "cm".into(), port: Some(5022), note: Some("kept".into()) };
    /// let desired = Body { name: "cm".into(), port: Some(5023), note: None };
    /// let body = desired.apply_to(&live)?;
    /// assert_eq!(body, Body { name: "cm".into(), port: Some(5023), note: Some("kept".into()) });
    /// # Ok::<(), sdk_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`] when either does not serialize, or the merge does not
    /// read back as `T`.
    fn apply_to<T: Serialize + DeserializeOwned>(&self, base: &T) -> Result<T> {
        let mut merged = to_value(base)?;
        let mut desired = to_value(self)?;
        if let (Value::Object(merged), Some(desired)) = (&mut merged, desired.as_object_mut()) {
            for field in Self::FIELDS {
                match desired.remove(field.name) {
                    None | Some(Value::Null) => {}
                    Some(v) => match merged.get_mut(field.name) {
                        Some(slot @ Value::Object(_)) if v.is_object() => merge(slot, v),
                        _ => {
                            merged.insert(field.name.to_owned(), v);
                        }
                    },
                }
            }
        }
        serde_json::from_value(merged).map_err(|e| {
            Error::invalid_input("body", format!("the merged update does not fit: {e}"))
        })
    }

    /// The partial update `T` with only the fields that `changes` names, as this
    /// description has them: the body of an update the service applies field by field
    /// (what it is not sent stays as it is), so that an ensure sends what differs and
    /// nothing else.
    ///
    /// ```
    /// use sdk_core::ensure::{Change, Desired, Field};
    /// use serde::{Deserialize, Serialize};
    ///
    /// #[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
    /// struct Settings {
    ///     #[serde(skip_serializing_if = "Option::is_none")] name: Option<String>,
    ///     #[serde(skip_serializing_if = "Option::is_none")] url: Option<String>,
    /// }
    /// impl Desired for Settings {
    ///     type Live = Settings;
    ///     const KIND: &'static str = "application";
    ///     const KEY: Field = Field::new("name");
    ///     const FIELDS: &'static [Field] = &[Field::new("url")];
    /// }
    ///
    /// let desired = Settings { name: Some("Support".into()), url: Some("https://x".into()) };
    /// let url = Change { field: "url".into(), live: None, desired: "https://x".into() };
    /// let body: Settings = desired.changes_only(&[url])?;
    /// assert_eq!(body, Settings { name: None, url: Some("https://x".into()) });
    /// # Ok::<(), sdk_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`] when the description does not serialize, or the changed
    /// fields do not read back as `T`.
    fn changes_only<T: DeserializeOwned>(&self, changes: &[Change]) -> Result<T> {
        let mut body = to_value(self)?;
        if let Value::Object(fields) = &mut body {
            fields.retain(|name, _| changes.iter().any(|c| c.field == *name));
        }
        serde_json::from_value(body).map_err(|e| {
            Error::invalid_input(
                "body",
                format!("the changed fields do not fit the update: {e}"),
            )
        })
    }

    /// The fields of [`FIELDS`](Self::FIELDS) where `live` differs from this description.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`] when either side does not serialize.
    fn changes(&self, live: &Self::Live) -> Result<Vec<Change>> {
        let desired = to_value(self)?;
        let live = to_value(live)?;
        Ok(Self::FIELDS
            .iter()
            .filter_map(|field| compare(field, &desired, &live))
            .collect())
    }
}

/// What [`Ensure::apply`] will do to one resource.
#[derive(Debug, Clone, PartialEq)]
pub enum Plan<L> {
    /// No live resource has the key: it will be created.
    Create,
    /// The live resource differs in `changes`: it will be updated.
    Update {
        /// The resource as it is.
        live: L,
        /// What differs.
        changes: Vec<Change>,
    },
    /// The live resource is as described.
    Unchanged(L),
}

impl<L> Plan<L> {
    /// The changes an update would make (empty for a create or no change).
    pub fn changes(&self) -> &[Change] {
        match self {
            Plan::Update { changes, .. } => changes,
            _ => &[],
        }
    }

    /// `true` when applying it sends nothing.
    pub fn is_unchanged(&self) -> bool {
        matches!(self, Plan::Unchanged(_))
    }
}

/// What [`Ensure::ensure`] did, with the resource as it now is.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome<L> {
    /// It was not there and was created.
    Created(L),
    /// It was there and differed in `changes`, which were updated.
    Updated {
        /// The resource after the update.
        resource: L,
        /// What was changed.
        changes: Vec<Change>,
    },
    /// It was there as described; nothing was sent.
    Unchanged(L),
}

impl<L> Outcome<L> {
    /// The resource as it now is.
    pub fn resource(&self) -> &L {
        match self {
            Outcome::Created(r) | Outcome::Unchanged(r) | Outcome::Updated { resource: r, .. } => r,
        }
    }

    /// The resource as it now is.
    pub fn into_resource(self) -> L {
        match self {
            Outcome::Created(r) | Outcome::Unchanged(r) | Outcome::Updated { resource: r, .. } => r,
        }
    }

    /// The fields an update changed (empty otherwise).
    pub fn changes(&self) -> &[Change] {
        match self {
            Outcome::Updated { changes, .. } => changes,
            _ => &[],
        }
    }

    /// `"created"`, `"updated"` or `"unchanged"`.
    pub fn verb(&self) -> &'static str {
        match self {
            Outcome::Created(_) => "created",
            Outcome::Updated { .. } => "updated",
            Outcome::Unchanged(_) => "unchanged",
        }
    }
}

/// A scope whose resources described by `D` can be ensured. The vendor crates implement it
/// on their scopes (`client.account("..").reason_codes()` and so on); the plan, the apply
/// and the ensure are provided.
///
/// ```
/// # use sdk_core::ensure::{Change, Desired, Ensure, Field, Outcome};
/// # use serde::Serialize;
/// # use std::sync::Mutex;
/// #[derive(Clone, Serialize)]
/// struct Queue { name: String, priority: u32 }
///
/// impl Desired for Queue {
///     type Live = Queue;
///     const KIND: &'static str = "queue";
///     const KEY: Field = Field::new("name");
///     const FIELDS: &'static [Field] = &[Field::new("priority")];
/// }
///
/// /// Stands for a vendor scope.
/// struct Queues(Mutex<Vec<Queue>>);
///
/// impl Ensure<Queue> for Queues {
///     async fn find(&self, _keys: &[String]) -> sdk_core::Result<Vec<Queue>> {
///         Ok(self.0.lock().unwrap().clone())
///     }
///     async fn create(&self, desired: &Queue) -> sdk_core::Result<Queue> {
///         self.0.lock().unwrap().push(desired.clone());
///         Ok(desired.clone())
///     }
///     async fn update(&self, _live: &Queue, desired: &Queue, _: &[Change]) -> sdk_core::Result<Queue> {
///         let mut all = self.0.lock().unwrap();
///         let q = all.iter_mut().find(|q| q.name == desired.name).unwrap();
///         *q = desired.clone();
///         Ok(q.clone())
///     }
///     async fn delete(&self, live: &Queue) -> sdk_core::Result<()> {
///         self.0.lock().unwrap().retain(|q| q.name != live.name);
///         Ok(())
///     }
/// }
///
/// # tokio_test(async {
/// let queues = Queues(Mutex::new(vec![]));
/// let sales = Queue { name: "Sales".into(), priority: 3 };
/// assert!(matches!(queues.ensure(&sales).await?, Outcome::Created(_)));
/// assert!(matches!(queues.ensure(&sales).await?, Outcome::Unchanged(_)));
/// let urgent = Queue { priority: 1, ..sales };
/// let outcome = queues.ensure(&urgent).await?;
/// assert_eq!(outcome.changes()[0].to_string(), "priority: 3 -> 1");
/// # Ok::<(), sdk_core::Error>(()) });
/// # fn tokio_test<F: std::future::Future>(f: F) -> F::Output {
/// #     tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(f)
/// # }
/// ```
pub trait Ensure<D: Desired>: Sync {
    /// The live resources among which the `keys` are looked for. It may return more than
    /// asked (the whole list, where the service cannot look keys up); the match is by key.
    /// With no keys, it returns every live resource of the scope (what pruning compares
    /// against).
    fn find(&self, keys: &[String]) -> impl Future<Output = Result<Vec<D::Live>>> + Send;

    /// Creates the resource, waiting until it is ready where the service answers first.
    fn create(&self, desired: &D) -> impl Future<Output = Result<D::Live>> + Send;

    /// Updates `live` to the description. Where the service replaces the whole resource,
    /// the body starts from `live` (keeping the fields the SDK does not model; see
    /// [`Desired::apply_to`]); `changes` says what differs.
    fn update(
        &self,
        live: &D::Live,
        desired: &D,
        changes: &[Change],
    ) -> impl Future<Output = Result<D::Live>> + Send;

    /// Deletes `live`, waiting until it is gone where the service answers first.
    fn delete(&self, live: &D::Live) -> impl Future<Output = Result<()>> + Send;

    /// What [`apply`](Self::apply) would do for each description, looked up in one
    /// [`find`](Self::find).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`] (nothing sent) when a description has no key or two
    /// share one; the lookup's error; [`ErrorKind::Decode`] when two live resources share
    /// a wanted key (which one is meant cannot be told).
    fn plan_all(&self, desired: &[D]) -> impl Future<Output = Result<Vec<Plan<D::Live>>>> + Send
    where
        D::Live: Clone,
    {
        async move {
            let keys = unique_keys(desired)?;
            if keys.is_empty() {
                return Ok(Vec::new());
            }
            let mut live = index_by_key::<D>(self.find(&keys).await?, &keys)?;
            desired
                .iter()
                .zip(&keys)
                .map(|(d, key)| match live.remove(key.as_str()) {
                    None => Ok(Plan::Create),
                    Some(l) => plan_one(d, l),
                })
                .collect()
        }
    }

    /// What [`apply`](Self::apply) would do for `desired`.
    ///
    /// # Errors
    ///
    /// As [`plan_all`](Self::plan_all).
    fn plan(&self, desired: &D) -> impl Future<Output = Result<Plan<D::Live>>> + Send
    where
        D::Live: Clone,
    {
        async move {
            let key = desired.key()?;
            let live = index_by_key::<D>(self.find(std::slice::from_ref(&key)).await?, &[key])?;
            match live.into_values().next() {
                None => Ok(Plan::Create),
                Some(l) => plan_one(desired, l),
            }
        }
    }

    /// Carries out `plan` for `desired`. A create that fails in a way that may have reached
    /// the server is looked up again by key, and reported created if it was.
    ///
    /// # Errors
    ///
    /// The create's or update's error.
    fn apply(
        &self,
        desired: &D,
        plan: Plan<D::Live>,
    ) -> impl Future<Output = Result<Outcome<D::Live>>> + Send
    where
        D::Live: Clone,
    {
        async move {
            match plan {
                Plan::Unchanged(live) => Ok(Outcome::Unchanged(live)),
                Plan::Update { live, changes } => {
                    let resource = self.update(&live, desired, &changes).await?;
                    Ok(Outcome::Updated { resource, changes })
                }
                Plan::Create => match self.create(desired).await {
                    Ok(created) => Ok(Outcome::Created(created)),
                    Err(err) if may_have_reached_server(&err) => {
                        let key = desired.key()?;
                        let found = self.find(std::slice::from_ref(&key)).await;
                        match found.ok().and_then(|all| {
                            all.into_iter()
                                .find(|l| D::live_key(l).as_deref() == Some(key.as_str()))
                        }) {
                            Some(created) => Ok(Outcome::Created(created)),
                            None => Err(err),
                        }
                    }
                    Err(err) => Err(err),
                },
            }
        }
    }

    /// Makes the resource be as `desired` says: [`plan`](Self::plan), then
    /// [`apply`](Self::apply).
    ///
    /// # Errors
    ///
    /// As [`plan`](Self::plan) and [`apply`](Self::apply).
    fn ensure(&self, desired: &D) -> impl Future<Output = Result<Outcome<D::Live>>> + Send
    where
        D::Live: Clone,
    {
        async move {
            let plan = self.plan(desired).await?;
            self.apply(desired, plan).await
        }
    }
}

fn merge(base: &mut Value, over: Value) {
    match (base, over) {
        (Value::Object(base), Value::Object(over)) => {
            for (k, v) in over {
                if v.is_null() {
                    continue;
                }
                match base.get_mut(&k) {
                    Some(slot @ Value::Object(_)) if v.is_object() => merge(slot, v),
                    _ => {
                        base.insert(k, v);
                    }
                }
            }
        }
        (base, over) => *base = over,
    }
}

/// Whether a failed create may have happened without its answer being read: a request
/// that may have reached the server and was not answered (or answered what could not be
/// read). Not a refusal before sending, nor a create that was answered and then failed or
/// did not finish while awaited (`OperationFailed`, `PollTimeout`): its outcome is known,
/// and finding the resource by its key would report a failure as a create.
fn may_have_reached_server(err: &Error) -> bool {
    !matches!(
        err.kind(),
        ErrorKind::InvalidInput
            | ErrorKind::Auth
            | ErrorKind::OperationFailed
            | ErrorKind::PollTimeout
    ) && !err.is_connect()
}

fn plan_one<D: Desired>(desired: &D, live: D::Live) -> Result<Plan<D::Live>> {
    let changes = desired.changes(&live)?;
    Ok(if changes.is_empty() {
        Plan::Unchanged(live)
    } else {
        Plan::Update { live, changes }
    })
}

fn unique_keys<D: Desired>(desired: &[D]) -> Result<Vec<String>> {
    let mut seen = std::collections::HashSet::new();
    desired
        .iter()
        .map(|d| {
            let key = d.key()?;
            if !seen.insert(key.clone()) {
                return Err(Error::invalid_input(
                    D::KEY.name,
                    format!(
                        "two {}s to ensure share the {} {key:?}",
                        D::KIND,
                        D::KEY.name
                    ),
                ));
            }
            Ok(key)
        })
        .collect()
}

/// The live resources whose key is wanted, by key; two with one wanted key is an error.
fn index_by_key<D: Desired>(
    live: Vec<D::Live>,
    wanted: &[String],
) -> Result<HashMap<String, D::Live>> {
    let wanted: std::collections::HashSet<&str> = wanted.iter().map(String::as_str).collect();
    let mut by_key = HashMap::new();
    for l in live {
        let Some(key) = D::live_key(&l) else { continue };
        if !wanted.contains(key.as_str()) {
            continue;
        }
        if by_key.insert(key.clone(), l).is_some() {
            return Err(Error::unexpected_answer(format!(
                "two live {}s have the {} {key:?}: which one to ensure cannot be told",
                D::KIND,
                D::KEY.live
            )));
        }
    }
    Ok(by_key)
}

fn to_value<T: Serialize + ?Sized>(v: &T) -> Result<Value> {
    serde_json::to_value(v)
        .map_err(|e| Error::invalid_input("body", format!("does not serialize: {e}")))
}

/// A scalar as text (`None` for null, arrays and objects).
fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

const SECRET: &str = "(secret)";

fn compare(field: &Field, desired: &Value, live: &Value) -> Option<Change> {
    let want = desired.get(field.name).filter(|v| !v.is_null())?;
    let have = live.get(field.live).filter(|v| !v.is_null());
    if field.secret && have.is_none() {
        return None;
    }
    if covers(have, want, field.ignore_case) {
        return None;
    }
    let shown = |v: &Value| {
        if field.secret {
            Value::String(SECRET.to_owned())
        } else {
            v.clone()
        }
    };
    Some(Change {
        field: field.name.to_owned(),
        live: have.map(shown),
        desired: shown(want),
    })
}

/// Whether `have` already is what `want` says (see the module's rules), scalars compared
/// without regard to ASCII case when `any_case`.
fn covers(have: Option<&Value>, want: &Value, any_case: bool) -> bool {
    match (have, want) {
        (_, Value::Null) => true,
        (None, w) => is_empty(w),
        (Some(Value::Null), w) => is_empty(w),
        (Some(Value::Object(h)), Value::Object(w)) => {
            w.iter().all(|(k, v)| covers(h.get(k), v, any_case))
        }
        (Some(Value::Array(h)), Value::Array(w)) => {
            h.len() == w.len() && h.iter().zip(w).all(|(h, w)| covers(Some(h), w, any_case))
        }
        (Some(h), w) => match (scalar_text(h), scalar_text(w)) {
            (Some(h), Some(w)) if any_case => h.eq_ignore_ascii_case(&w),
            (Some(h), Some(w)) => h == w,
            _ => false,
        },
    }
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.values().all(is_empty),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
    struct Want {
        #[serde(rename = "Name")]
        name: String,
        #[serde(rename = "Port", skip_serializing_if = "Option::is_none")]
        port: Option<String>,
        #[serde(rename = "Tags", skip_serializing_if = "Option::is_none")]
        tags: Option<Vec<String>>,
        #[serde(rename = "Password", skip_serializing_if = "Option::is_none")]
        password: Option<String>,
        #[serde(rename = "Settings", skip_serializing_if = "Option::is_none")]
        settings: Option<Value>,
    }

    fn want(name: &str) -> Want {
        Want {
            name: name.into(),
            port: None,
            tags: None,
            password: None,
            settings: None,
        }
    }

    impl Desired for Want {
        type Live = Value;
        const KIND: &'static str = "thing";
        const KEY: Field = Field::new("Name").live("name");
        const FIELDS: &'static [Field] = &[
            Field::new("Port").live("port"),
            Field::new("Tags").live("tags"),
            Field::new("Password").live("password").secret(),
            Field::new("Settings").live("settings"),
        ];
    }

    #[test]
    fn scalars_compare_by_text_and_unset_fields_are_not_managed() {
        let live = json!({"name": "a", "port": 5022, "tags": ["x"], "extra": 1});
        let mut d = want("a");
        assert!(d.changes(&live).unwrap().is_empty());
        d.port = Some("5022".into());
        assert!(d.changes(&live).unwrap().is_empty());
        d.port = Some("5023".into());
        let c = d.changes(&live).unwrap();
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].field, "Port");
        assert_eq!(c[0].to_string(), "Port: 5022 -> \"5023\"");
    }

    #[test]
    fn arrays_in_order_objects_by_the_wanted_keys_and_empty_equals_absent() {
        let live = json!({"name": "a", "tags": ["x", "y"], "settings": {"a": 1, "b": true}});
        let mut d = want("a");
        d.tags = Some(vec!["y".into(), "x".into()]);
        assert_eq!(d.changes(&live).unwrap()[0].field, "Tags");
        d.tags = Some(vec!["x".into(), "y".into()]);
        d.settings = Some(json!({"b": "true"}));
        assert!(d.changes(&live).unwrap().is_empty());
        d.settings = Some(json!({"c": 2}));
        assert_eq!(d.changes(&live).unwrap()[0].field, "Settings");
        let bare = json!({"name": "a"});
        let mut d = want("a");
        d.tags = Some(vec![]);
        assert!(d.changes(&bare).unwrap().is_empty());
        d.tags = Some(vec!["x".into()]);
        let c = d.changes(&bare).unwrap();
        assert_eq!(c[0].live, None);
        assert_eq!(c[0].to_string(), "Tags: (none) -> [\"x\"]");
    }

    #[test]
    fn secrets_are_never_shown_and_compared_only_when_shown() {
        let mut d = want("a");
        d.password = Some("hunter2".into());
        assert!(d.changes(&json!({"name": "a"})).unwrap().is_empty());
        let c = d.changes(&json!({"name": "a", "password": "old"})).unwrap();
        assert_eq!(c.len(), 1);
        let shown = format!(
            "{} {:?} {}",
            c[0],
            c[0],
            serde_json::to_string(&c[0]).unwrap()
        );
        assert!(
            !shown.contains("hunter2") && !shown.contains("old"),
            "{shown}"
        );
        assert!(
            d.changes(&json!({"name": "a", "password": "hunter2"}))
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn keys_are_required_and_unique() {
        assert_eq!(want("").key().unwrap_err().kind(), ErrorKind::InvalidInput);
        let err = unique_keys(&[want("a"), want("b"), want("a")]).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        assert!(err.to_string().contains("\"a\""), "{err}");
        let err = index_by_key::<Want>(
            vec![json!({"name": "a"}), json!({"name": "a"})],
            &["a".into()],
        )
        .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Decode);
        // Two live ones with a key nobody wants are no matter.
        let ok = index_by_key::<Want>(
            vec![json!({"name": "z"}), json!({"name": "z"})],
            &["a".into()],
        );
        assert!(ok.unwrap().is_empty());
    }

    #[test]
    fn apply_to_writes_only_the_managed_fields_it_sets() {
        let live = json!({"Name": "a", "Port": "1", "Settings": {"k": 1, "j": 2}, "Other": 5});
        let mut d = want("a");
        d.settings = Some(json!({"k": 3}));
        let merged: Value = d.apply_to(&live).unwrap();
        assert_eq!(
            merged,
            json!({"Name": "a", "Port": "1", "Settings": {"k": 3, "j": 2}, "Other": 5})
        );
        d.port = Some("2".into());
        let merged: Value = d.apply_to(&live).unwrap();
        assert_eq!(merged["Port"], "2");
    }

    /// A store that loses the answer of its first create after making it.
    struct Flaky {
        items: Mutex<Vec<Value>>,
        creates: AtomicUsize,
        lose_answer: bool,
    }

    impl Ensure<Want> for Flaky {
        async fn find(&self, _keys: &[String]) -> Result<Vec<Value>> {
            Ok(self.items.lock().unwrap().clone())
        }
        async fn create(&self, d: &Want) -> Result<Value> {
            self.creates.fetch_add(1, Ordering::SeqCst);
            let v = json!({"name": d.name, "port": d.port});
            self.items.lock().unwrap().push(v.clone());
            if self.lose_answer {
                return Err(Error::unexpected_answer(
                    "connection closed after the request",
                ));
            }
            Ok(v)
        }
        async fn update(&self, _live: &Value, d: &Want, _c: &[Change]) -> Result<Value> {
            let mut items = self.items.lock().unwrap();
            let item = items.iter_mut().find(|i| i["name"] == d.name).unwrap();
            item["port"] = json!(d.port);
            Ok(item.clone())
        }
        async fn delete(&self, live: &Value) -> Result<()> {
            self.items.lock().unwrap().retain(|i| i != live);
            Ok(())
        }
    }

    fn block_on<F: Future>(f: F) -> F::Output {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap()
            .block_on(f)
    }

    #[test]
    fn ensure_creates_then_leaves_then_updates_only_what_differs() {
        let store = Flaky {
            items: Mutex::new(vec![]),
            creates: AtomicUsize::new(0),
            lose_answer: false,
        };
        block_on(async {
            let mut d = want("a");
            d.port = Some("1".into());
            assert_eq!(store.ensure(&d).await.unwrap().verb(), "created");
            assert_eq!(store.ensure(&d).await.unwrap().verb(), "unchanged");
            d.port = Some("2".into());
            let out = store.ensure(&d).await.unwrap();
            assert_eq!(out.verb(), "updated");
            assert_eq!(out.changes().len(), 1);
            assert_eq!(out.resource()["port"], "2");
            let plans = store.plan_all(&[d.clone(), want("b")]).await.unwrap();
            assert!(plans[0].is_unchanged());
            assert_eq!(plans[1], Plan::Create);
            assert_eq!(store.creates.load(Ordering::SeqCst), 1);
        });
    }

    #[test]
    fn a_create_whose_answer_was_lost_is_found_by_key_not_sent_twice() {
        let store = Flaky {
            items: Mutex::new(vec![]),
            creates: AtomicUsize::new(0),
            lose_answer: true,
        };
        block_on(async {
            let out = store.ensure(&want("a")).await.unwrap();
            assert_eq!(out.verb(), "created");
            assert_eq!(out.resource()["name"], "a");
            assert_eq!(store.ensure(&want("a")).await.unwrap().verb(), "unchanged");
            assert_eq!(store.creates.load(Ordering::SeqCst), 1);
        });
    }

    #[test]
    fn a_create_that_was_answered_and_then_failed_is_not_looked_up() {
        assert!(!may_have_reached_server(&Error::operation_failed(
            "FAILED", None
        )));
        assert!(!may_have_reached_server(&Error::poll_timeout(
            std::time::Duration::from_secs(30),
            Some("IN_PROGRESS".into())
        )));
        assert!(may_have_reached_server(&Error::unexpected_answer("no url")));
    }

    #[test]
    fn a_create_refused_before_sending_is_not_looked_up() {
        struct Refuses;
        impl Ensure<Want> for Refuses {
            async fn find(&self, _: &[String]) -> Result<Vec<Value>> {
                Ok(vec![json!({"name": "a"})])
            }
            async fn create(&self, _: &Want) -> Result<Value> {
                Err(Error::invalid_input("Name", "refused"))
            }
            async fn update(&self, l: &Value, _: &Want, _: &[Change]) -> Result<Value> {
                Ok(l.clone())
            }
            async fn delete(&self, _: &Value) -> Result<()> {
                Ok(())
            }
        }
        block_on(async {
            let err = Refuses.apply(&want("a"), Plan::Create).await.unwrap_err();
            assert_eq!(err.kind(), ErrorKind::InvalidInput);
        });
    }
}
