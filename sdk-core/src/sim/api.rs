//! The declarative description of a simulated API: [`Api`], its [`Resource`]s and custom
//! [`actions`](Api::action).

use std::fmt;
use std::sync::Arc;

use bytes::Bytes;
use http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use serde_json::Value;

use super::store::Store;
use crate::Format;

/// A simulated API: a name for logs, the path every route is below, its resources and its
/// custom actions.
///
/// ```
/// use sdk_core::Method;
/// use sdk_core::sim::{Api, ListStyle, Reply, Resource};
///
/// let api = Api::new("demo")
///     .base_path("/api/v1")
///     .resource(Resource::new("widgets", "/shops/{shop}/widgets").list(ListStyle::BareArray))
///     .action(Method::POST, "/shops/{shop}/widgets:count", |store, req| {
///         let shop = req.param("shop").unwrap_or_default();
///         let n = store.count("widgets", &[shop]);
///         Reply::json(200, &serde_json::json!({ "count": n }))
///     });
/// # let _ = api;
/// ```
pub struct Api {
    pub(crate) name: String,
    pub(crate) base_path: String,
    pub(crate) resources: Vec<Resource>,
    pub(crate) actions: Vec<Action>,
    pub(crate) suffixes: Vec<(String, Format)>,
    #[cfg(feature = "xml")]
    pub(crate) xml: XmlStyle,
    pub(crate) error_body: Option<ErrorBody>,
    pub(crate) form_keys: Option<fn(&str) -> String>,
}

/// Builds the body of an error answer from its status, code and message.
pub(crate) type ErrorBody = Arc<dyn Fn(u16, &str, &str) -> Value + Send + Sync>;

impl fmt::Debug for Api {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut f = f.debug_struct("Api");
        f.field("name", &self.name)
            .field("base_path", &self.base_path)
            .field("resources", &self.resources)
            .field("actions", &self.actions)
            .field("suffixes", &self.suffixes);
        #[cfg(feature = "xml")]
        f.field("xml", &self.xml);
        f.finish_non_exhaustive()
    }
}

impl Api {
    /// An API with no routes yet; `name` appears in the simulator's log lines.
    pub fn new(name: impl Into<String>) -> Self {
        Api {
            name: name.into(),
            base_path: String::new(),
            resources: Vec::new(),
            actions: Vec::new(),
            suffixes: Vec::new(),
            #[cfg(feature = "xml")]
            xml: XmlStyle::new(),
            error_body: None,
            form_keys: None,
        }
    }

    /// The path every route is below (`/api/v1`); resource and action templates are
    /// relative to it. Requests outside it answer 404.
    pub fn base_path(mut self, path: impl Into<String>) -> Self {
        self.base_path = path.into();
        self
    }

    /// Chooses the answer's format by a suffix of the path (`.json`, `.xml`), as some
    /// vendors do instead of `Accept`: once a suffix is declared, every route answers at its
    /// template followed by any declared suffix (`/calls/{id}` at `/calls/CA1.json` and
    /// `/calls/CA1.xml`), the placeholders' values never including it, and a path without
    /// one is unknown (404). `Format::Xml` answers in XML (feature `xml`; see `Api::xml`);
    /// any other format answers JSON. Templates are declared without the suffix; custom
    /// actions see the whole path, suffix included.
    ///
    /// Without suffixes, an answer is XML when the request's `Accept` names XML (feature
    /// `xml`; JSON without it).
    pub fn format_suffix(mut self, suffix: impl Into<String>, format: Format) -> Self {
        self.suffixes.push((suffix.into(), format));
        self
    }

    /// How JSON answers are written when XML is asked for (default [`XmlStyle::new`]).
    #[cfg(feature = "xml")]
    #[cfg_attr(docsrs, doc(cfg(feature = "xml")))]
    pub fn xml(mut self, style: XmlStyle) -> Self {
        self.xml = style;
        self
    }

    /// The body of every error answer of the engine and of custom actions'
    /// [`Reply::error`]s, built from the status, the code and the message (the engine's codes
    /// are `NOT_FOUND`, `VALIDATION_ERROR`, `INVALID_BODY`, `CONFLICT` and
    /// `METHOD_NOT_ALLOWED`; a vendor maps them to its own). Default:
    /// `{"code": code, "message": message}`. Injected [`Fault`](super::Fault)s keep the
    /// default.
    ///
    /// ```
    /// use sdk_core::sim::Api;
    ///
    /// let api = Api::new("demo").error_body(|status, code, message| {
    ///     serde_json::json!({"status": status, "error": {"code": code, "text": message}})
    /// });
    /// # let _ = api;
    /// ```
    pub fn error_body(
        mut self,
        body: impl Fn(u16, &str, &str) -> Value + Send + Sync + 'static,
    ) -> Self {
        self.error_body = Some(Arc::new(body));
        self
    }

    /// Form bodies (`application/x-www-form-urlencoded`) are read with each key turned by
    /// `key` (`FriendlyName` stored as `friendly_name`: pass
    /// [`snake_case`](crate::format::snake_case)), for resources, hooks and actions alike.
    /// Default: keys as sent.
    pub fn form_keys(mut self, key: fn(&str) -> String) -> Self {
        self.form_keys = Some(key);
        self
    }

    /// Adds a stored resource: a collection path (list, create) and an item path (get,
    /// update, delete).
    pub fn resource(mut self, resource: Resource) -> Self {
        self.resources.push(resource);
        self
    }

    /// Adds a custom endpoint for what the resource model does not cover (a bulk status
    /// change, a `:validate`, a search by field). `template` is relative to the base path;
    /// the handler runs with the store locked and returns the whole answer.
    ///
    /// Routes are chosen by specificity: for each path segment a literal beats a
    /// placeholder with a literal prefix or suffix (`{id}:sync`), which beats a bare
    /// placeholder; among equals the one declared first wins. So an action on
    /// `/groups/{g}/items/active/` takes precedence over the item route
    /// `/groups/{g}/items/{id}/` whatever the declaration order.
    pub fn action<F>(mut self, method: Method, template: impl Into<String>, handler: F) -> Self
    where
        F: Fn(&mut Store, &ActionRequest) -> Reply + Send + Sync + 'static,
    {
        self.actions.push(Action {
            method,
            template: template.into(),
            handler: Arc::new(handler),
        });
        self
    }
}

/// The function behind a custom action.
pub(crate) type Handler = Arc<dyn Fn(&mut Store, &ActionRequest) -> Reply + Send + Sync>;

pub(crate) struct Action {
    pub(crate) method: Method,
    pub(crate) template: String,
    pub(crate) handler: Handler,
}

impl fmt::Debug for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.method, self.template)
    }
}

/// How ids of created items are made when the body does not carry one.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum IdStyle {
    /// A random version-4 UUID, lowercase with dashes (the default).
    Uuid,
    /// 32 uppercase hexadecimal characters (Sinch RCI).
    Hex32,
    /// A prefix followed by 32 lowercase hexadecimal characters (CPaaS sids: `CA…`).
    Prefixed(&'static str),
    /// `1`, `2`, `3`, … per resource: predictable ids for tests.
    Sequence,
}

/// How a resource's list answers. Items are listed in creation order.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ListStyle {
    /// AXP: query `pageNumber` (1-based, default 1) and `pageSize` (default 10); the answer
    /// is `{"pagination": {"pageNumber", "pageSize", "total"}, <items_key>: [...],
    /// "links": {"prev", "next"}}` with relative links, `""` when there is none.
    PageNumber {
        /// The key of the item array.
        items_key: &'static str,
    },
    /// Sinch RCI: query `offset` (default 0) and `limit` (default 100); the answer is a
    /// bare JSON array.
    OffsetLimit,
    /// CPaaS: query `Page` (from 0, default 0) and `PageSize` (1 to 50, default 50; more
    /// answers 400); the answer is `{page, page_size, num_pages, total, start, end, uri,
    /// first_page_uri, previous_page_uri, next_page_uri, last_page_uri, <items_key>: [...]}`
    /// with relative URIs, `""` when there is no previous or next page.
    ZeroIndexed {
        /// The key of the item array.
        items_key: &'static str,
    },
    /// The whole list in one object, under this key (APIO).
    Wrapped(&'static str),
    /// The whole list as a bare JSON array.
    BareArray,
}

impl ListStyle {
    /// The key of the item array in the list's object, for the styles that have one.
    #[cfg(feature = "xml")]
    pub(crate) fn items_key(&self) -> Option<&'static str> {
        match self {
            ListStyle::PageNumber { items_key } | ListStyle::ZeroIndexed { items_key } => {
                Some(items_key)
            }
            ListStyle::Wrapped(key) => Some(key),
            ListStyle::OffsetLimit | ListStyle::BareArray => None,
        }
    }
}

/// The verbs of a resource's routes, for [`Resource::only`]. Lists are enabled by
/// [`Resource::list`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Verb {
    /// POST on the collection.
    Create,
    /// GET of the item.
    Get,
    /// The update method on the item.
    Update,
    /// DELETE of the item.
    Delete,
}

/// What an update does with the stored item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum UpdateMode {
    /// Deep merge: objects are merged key by key, recursively; any other value (arrays,
    /// scalars, `null`) replaces the stored one. The default.
    #[default]
    Merge,
    /// The body replaces the stored item (its id field is kept).
    Replace,
}

/// What the body of a create, update or delete answer holds. A 204 status always has an
/// empty body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ReplyBody {
    /// The stored item as JSON (wrapped when the resource has an
    /// [`item_wrapper`](Resource::item_wrapper)).
    Resource,
    /// `{"url": "<base path><item path>"}` (AXP's 202 answers).
    Url,
    /// The bare id as a `text/html` body (Sinch RCI creates).
    Id,
    /// No body.
    Empty,
}

/// How a long-running resource moves through its statuses.
///
/// A created item is stored with `status_field` set to `pending`; its first
/// [`polls`](Self::polls) reads (GETs of the item) still see `pending`, and from the next read
/// on it shows `success` (or `failure` when [`Simulator::fail_next`](super::Simulator::fail_next)
/// marked it).
///
/// A lifecycle may pass through more statuses on its way ([`through`](Self::through)): the
/// item then moves one status further every `polls + 1` reads, so with `polls(0)` each read
/// shows the next status. [`ending`](Self::ending) declares other ends (and the statuses on
/// their way), chosen per item by [`Simulator::end_next`](super::Simulator::end_next).
///
/// ```
/// use sdk_core::sim::LongRunning;
///
/// // queued, then one status per read: ringing, in-progress, completed.
/// let call = LongRunning::new("status", "queued", "completed", "failed")
///     .polls(0)
///     .through(&["ringing", "in-progress"])
///     .ending("failed", &[])
///     .ending("busy", &["ringing"])
///     .on_status(|call, status| {
///         if status == "completed" {
///             call["duration"] = serde_json::json!(42);
///         }
///     });
/// # let _ = call;
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LongRunning {
    pub(crate) status_field: String,
    pub(crate) pending: String,
    pub(crate) success: String,
    pub(crate) failure: String,
    pub(crate) polls: u32,
    pub(crate) through: Vec<String>,
    pub(crate) endings: Vec<(String, Vec<String>)>,
    pub(crate) on_status: Option<OnStatus>,
    pub(crate) group: Option<String>,
}

/// A function called with an item each time it enters a status of its lifecycle.
#[derive(Clone, Copy)]
pub(crate) struct OnStatus(pub(crate) fn(&mut Value, &str));

impl PartialEq for OnStatus {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::fn_addr_eq(self.0, other.0)
    }
}

impl Eq for OnStatus {}

impl fmt::Debug for OnStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("OnStatus")
    }
}

impl LongRunning {
    /// The status field and its pending, success and failure values; one pending read by
    /// default.
    pub fn new(
        status_field: impl Into<String>,
        pending: impl Into<String>,
        success: impl Into<String>,
        failure: impl Into<String>,
    ) -> Self {
        LongRunning {
            status_field: status_field.into(),
            pending: pending.into(),
            success: success.into(),
            failure: failure.into(),
            polls: 1,
            through: Vec::new(),
            endings: Vec::new(),
            on_status: None,
            group: None,
        }
    }

    /// How many reads see the pending status before the terminal one (0: the first read
    /// already sees it). With statuses [`through`](Self::through) the way, every later status
    /// but the last is seen by `n + 1` reads.
    pub fn polls(mut self, n: u32) -> Self {
        self.polls = n;
        self
    }

    /// The statuses between pending and the end, in order (none by default): the way to
    /// success, and to any end [`ending`](Self::ending) does not give its own way.
    pub fn through(mut self, statuses: &[&str]) -> Self {
        self.through = statuses.iter().map(|s| (*s).to_owned()).collect();
        self
    }

    /// Another way for the lifecycle to end, or the way to `status` when it is the success
    /// or failure status: the statuses between pending and `status`.
    /// [`Simulator::end_next`](super::Simulator::end_next) sends the next item there.
    pub fn ending(mut self, status: &str, through: &[&str]) -> Self {
        self.endings.retain(|(s, _)| s != status);
        self.endings.push((
            status.to_owned(),
            through.iter().map(|s| (*s).to_owned()).collect(),
        ));
        self
    }

    /// Called with the stored item each time a read moves it into a status (not the
    /// pending one it is created in), after the status field is set: to fill in what that
    /// status brings (an end time, a duration).
    pub fn on_status(mut self, entered: fn(&mut Value, &str)) -> Self {
        self.on_status = Some(OnStatus(entered));
        self
    }

    /// Resources whose lifecycles name the same group share their run-time settings:
    /// [`Simulator::set_polls`](super::Simulator::set_polls),
    /// [`fail_next`](super::Simulator::fail_next) and
    /// [`end_next`](super::Simulator::end_next) on any of them apply to the next item of
    /// any (two kinds of messages, one "the next message fails").
    pub fn group(mut self, name: impl Into<String>) -> Self {
        self.group = Some(name.into());
        self
    }

    /// The statuses between pending and `end`, and `end`.
    pub(crate) fn path_to(&self, end: &str) -> std::collections::VecDeque<String> {
        let through = self
            .endings
            .iter()
            .find(|(s, _)| s == end)
            .map_or(&self.through, |(_, t)| t);
        through
            .iter()
            .cloned()
            .chain(std::iter::once(end.to_owned()))
            .collect()
    }
}

/// Turns a stored item into what a list shows of it.
pub(crate) type View = Arc<dyn Fn(&Value) -> Value + Send + Sync>;

/// Keeps the items of a list that its query asks for.
pub(crate) type Filter = Arc<dyn Fn(&[(String, String)], &Value) -> bool + Send + Sync>;

/// Completes, checks or follows a change of an item.
pub(crate) type Hook =
    Arc<dyn Fn(&mut Store, &Change, &mut Value) -> Result<(), Reply> + Send + Sync>;

/// Makes an item that exists before it is created.
pub(crate) type Implicit = Arc<dyn Fn(&[&str], &str) -> Value + Send + Sync>;

/// What a resource's hooks ([`Resource::on_create`], [`on_update`](Resource::on_update),
/// [`on_delete`](Resource::on_delete)) are told about the change.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Change {
    /// The request: its path placeholders (the collection's, extra ones of a
    /// [`create_at`](Resource::create_at) path, the id), query and body as read.
    pub request: ActionRequest,
    /// The values of the collection's placeholders: where the item is stored.
    pub collection: Vec<String>,
    /// The item's id.
    pub id: String,
    /// The item's path, base path included, placeholders filled, without a format suffix
    /// (what vendors answer as the item's `uri` or `self` link).
    pub path: String,
}

impl Change {
    /// The collection's placeholder values, as [`Store`] methods take them.
    pub fn collection(&self) -> Vec<&str> {
        self.collection.iter().map(String::as_str).collect()
    }

    /// The value of a path placeholder of the request.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.request.param(name)
    }
}

/// A stored resource: where it lives, how its ids are made, what a create requires, and
/// how each verb answers.
///
/// Defaults: item path `<collection>/{id}`, id field `id` with [`IdStyle::Uuid`], no
/// list route (GET on the collection answers 405 until [`list`](Self::list) is set),
/// updates by PUT with [`UpdateMode::Merge`], create answering 201 (202 when
/// [`long_running`](Self::long_running)) with the item, update 200 with the item, delete
/// 204.
///
/// ```
/// use sdk_core::sim::{IdStyle, ListStyle, LongRunning, ReplyBody, Resource};
///
/// let elements = Resource::new("elements", "/accounts/{accountId}/elements")
///     .id_field("elementId")
///     .required(&["name"])
///     .list(ListStyle::PageNumber { items_key: "resources" })
///     .long_running(LongRunning::new("status", "IN_PROGRESS", "SUCCESS", "FAILED").polls(2))
///     .create_body(ReplyBody::Url)
///     .delete_status(202)
///     .long_running_delete(1);
/// # let _ = elements;
/// ```
pub struct Resource {
    pub(crate) name: String,
    pub(crate) collection: String,
    pub(crate) item: Option<String>,
    pub(crate) trailing_slash: bool,
    pub(crate) id_field: String,
    pub(crate) id_style: IdStyle,
    pub(crate) required: Vec<String>,
    pub(crate) write_only: Vec<String>,
    pub(crate) hidden: Vec<String>,
    pub(crate) defaults: Option<Value>,
    pub(crate) list: Option<ListStyle>,
    pub(crate) list_view: Option<View>,
    pub(crate) list_filter: Option<Filter>,
    pub(crate) newest_first: bool,
    pub(crate) list_at: Vec<(String, Vec<(String, String)>)>,
    pub(crate) create_at: Vec<String>,
    pub(crate) update_at: Vec<String>,
    pub(crate) wrapper: Option<String>,
    #[cfg(feature = "xml")]
    pub(crate) xml_names: Option<(String, String)>,
    pub(crate) update: UpdateMode,
    pub(crate) update_method: Method,
    pub(crate) verbs: Vec<Verb>,
    pub(crate) on_create: Vec<Hook>,
    pub(crate) on_update: Vec<Hook>,
    pub(crate) on_delete: Vec<Hook>,
    pub(crate) implicit: Option<Implicit>,
    pub(crate) not_found: Option<(u16, String, String)>,
    pub(crate) create_status: Option<u16>,
    pub(crate) create_body: ReplyBody,
    pub(crate) update_status: u16,
    pub(crate) update_body: ReplyBody,
    pub(crate) delete_status: u16,
    pub(crate) delete_body: ReplyBody,
    pub(crate) long_running: Option<LongRunning>,
    pub(crate) delete_polls: u32,
}

impl fmt::Debug for Resource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Resource")
            .field("name", &self.name)
            .field("collection", &self.collection)
            .field("item", &self.item_template())
            .field("id_field", &self.id_field)
            .field("list", &self.list)
            .field("verbs", &self.verbs)
            .field("long_running", &self.long_running)
            .finish_non_exhaustive()
    }
}

impl Resource {
    /// A resource named `name` (the name [`Simulator`](super::Simulator) methods take) whose
    /// collection lives at `collection`, a template relative to the API's base path.
    /// Items are stored per collection: those created under `/tenants/a/...` are listed
    /// only there.
    pub fn new(name: impl Into<String>, collection: impl Into<String>) -> Self {
        Resource {
            name: name.into(),
            collection: collection.into(),
            item: None,
            trailing_slash: false,
            id_field: "id".to_owned(),
            id_style: IdStyle::Uuid,
            required: Vec::new(),
            write_only: Vec::new(),
            hidden: Vec::new(),
            defaults: None,
            list: None,
            list_view: None,
            list_filter: None,
            newest_first: false,
            list_at: Vec::new(),
            create_at: Vec::new(),
            update_at: Vec::new(),
            wrapper: None,
            #[cfg(feature = "xml")]
            xml_names: None,
            update: UpdateMode::Merge,
            update_method: Method::PUT,
            verbs: vec![Verb::Create, Verb::Get, Verb::Update, Verb::Delete],
            on_create: Vec::new(),
            on_update: Vec::new(),
            on_delete: Vec::new(),
            implicit: None,
            not_found: None,
            create_status: None,
            create_body: ReplyBody::Resource,
            update_status: 200,
            update_body: ReplyBody::Resource,
            delete_status: 204,
            delete_body: ReplyBody::Empty,
            long_running: None,
            delete_polls: 0,
        }
    }

    /// The item path, when it is not `<collection>/{id}`: a template with the collection's
    /// placeholders, in the same order, and one more, last, for the id
    /// (`/Accounts/{AccountSid}/Calls/{CallSid}.json`).
    pub fn item_path(mut self, template: impl Into<String>) -> Self {
        self.item = Some(template.into());
        self
    }

    /// The default item path ends with a slash: `<collection>/{id}/` (APIO).
    pub fn trailing_slash(mut self, yes: bool) -> Self {
        self.trailing_slash = yes;
        self
    }

    /// The body field holding the id (default `id`). A create that carries it keeps it;
    /// otherwise an id is generated and written into this field.
    pub fn id_field(mut self, field: impl Into<String>) -> Self {
        self.id_field = field.into();
        self
    }

    /// How ids are generated when a create carries none (default [`IdStyle::Uuid`]).
    pub fn generate_id(mut self, style: IdStyle) -> Self {
        self.id_style = style;
        self
    }

    /// Fields a create must carry (not absent, `null` or `""`), dotted for nested ones
    /// (`profile.name`). A create without one answers 400 with
    /// `{"code": "VALIDATION_ERROR", "message": "missing required field `name`"}`.
    pub fn required(mut self, fields: &[&str]) -> Self {
        self.required.extend(fields.iter().map(|f| (*f).to_owned()));
        self
    }

    /// Fields the server adds to every stored item when the body does not carry them
    /// (`{"elementType": "ACO"}`); a JSON object.
    pub fn defaults(mut self, defaults: Value) -> Self {
        self.defaults = Some(defaults);
        self
    }

    /// Fields (dotted paths allowed) that are accepted but never stored nor returned, as
    /// servers do with passwords.
    pub fn write_only(mut self, fields: &[&str]) -> Self {
        self.write_only = fields.iter().map(|f| (*f).to_owned()).collect();
        self
    }

    /// Enables GET on the collection, answering in this style.
    pub fn list(mut self, style: ListStyle) -> Self {
        self.list = Some(style);
        self
    }

    /// What a list shows of each item, when it differs from the item itself (APIO lists
    /// summaries).
    pub fn list_view(mut self, view: impl Fn(&Value) -> Value + Send + Sync + 'static) -> Self {
        self.list_view = Some(Arc::new(view));
        self
    }

    /// Answers carrying the item wrap it in an object under this key
    /// (`{"callCenterInstance": {...}}`). List items are not wrapped.
    pub fn item_wrapper(mut self, key: impl Into<String>) -> Self {
        self.wrapper = Some(key.into());
        self
    }

    /// How an update changes the stored item (default [`UpdateMode::Merge`]).
    pub fn update(mut self, mode: UpdateMode) -> Self {
        self.update = mode;
        self
    }

    /// The method of updates on the item path (default PUT; CPaaS updates with POST).
    pub fn update_method(mut self, method: Method) -> Self {
        self.update_method = method;
        self
    }

    /// Only GET routes: no create, update or delete (items come from
    /// [`Simulator::seed`](super::Simulator::seed)). The same as `only(&[Verb::Get])`.
    pub fn read_only(self) -> Self {
        self.only(&[Verb::Get])
    }

    /// Only these verbs are routed (default: all four); the list is routed when
    /// [`list`](Self::list) is set. The other methods answer 405, but those of a custom
    /// action on the same path: an action takes a verb the resource leaves out (a POST on
    /// the item that is not an update). The paths of [`list_at`](Self::list_at),
    /// [`create_at`](Self::create_at) and [`update_at`](Self::update_at) are routed whatever
    /// the verbs.
    pub fn only(mut self, verbs: &[Verb]) -> Self {
        self.verbs = verbs.to_vec();
        self
    }

    /// Fields (dotted paths allowed) kept in the store, for hooks and actions, but left out
    /// of every answer of the resource's routes.
    pub fn hidden(mut self, fields: &[&str]) -> Self {
        self.hidden = fields.iter().map(|f| (*f).to_owned()).collect();
        self
    }

    /// Lists keep only the items `keep` accepts, given the request's query (decoded, in
    /// order) and the stored item: the vendor's list filters. Paging counts what is kept.
    pub fn list_filter(
        mut self,
        keep: impl Fn(&[(String, String)], &Value) -> bool + Send + Sync + 'static,
    ) -> Self {
        self.list_filter = Some(Arc::new(keep));
        self
    }

    /// Lists show the newest items first (default: creation order).
    pub fn newest_first(mut self, yes: bool) -> Self {
        self.newest_first = yes;
        self
    }

    /// The items are also listed at `template` (a GET, in the resource's list style): a
    /// path with the collection's placeholders first, in order, and more, each named in
    /// `fields` with the item field it must equal (compared as text): a call's recordings
    /// at `/Calls/{CallSid}/Recordings`, `&[("CallSid", "call_sid")]`.
    pub fn list_at(mut self, template: impl Into<String>, fields: &[(&str, &str)]) -> Self {
        self.list_at.push((
            template.into(),
            fields
                .iter()
                .map(|(p, f)| ((*p).to_owned(), (*f).to_owned()))
                .collect(),
        ));
        self
    }

    /// Items are also created by a POST on `template`: a path with the collection's
    /// placeholders first, in order, and more, whose values the [`on_create`](Self::on_create)
    /// hooks read from [`Change::param`] (a transcription of the recording
    /// `/Recordings/{RecordingSid}/Transcriptions`). The item is stored in the collection.
    pub fn create_at(mut self, template: impl Into<String>) -> Self {
        self.create_at.push(template.into());
        self
    }

    /// Items are also updated (with the [`update_method`](Self::update_method)) at
    /// `template`: the item's placeholders, in order, on another path (`/Agents/{id}/Profile`).
    pub fn update_at(mut self, template: impl Into<String>) -> Self {
        self.update_at.push(template.into());
        self
    }

    /// The element names of an item and of a list in XML answers (`Call`, `Calls`). By
    /// default the list is named after the collection path's last literal segment and an
    /// item after its singular (`users`, `user`).
    #[cfg(feature = "xml")]
    #[cfg_attr(docsrs, doc(cfg(feature = "xml")))]
    pub fn xml_names(mut self, item: impl Into<String>, list: impl Into<String>) -> Self {
        self.xml_names = Some((item.into(), list.into()));
        self
    }

    /// Runs `hook` on each new item of a create (not on [`seed`](super::Simulator::seed)),
    /// after the required fields are checked and the id is set, before the item is stored
    /// and the [`defaults`](Self::defaults) applied: to fill in what the server computes
    /// (links, dates, fields from the path), to check what the resource model cannot (one
    /// of two fields, a parent that must exist) or to replace the item. An `Err` is answered
    /// and nothing is stored. A hook may change the id field; the item is stored under the
    /// new id. Hooks run in the order they were added.
    ///
    /// ```
    /// use sdk_core::sim::{Reply, Resource};
    ///
    /// let notes = Resource::new("notes", "/shops/{shop}/notes").on_create(|store, change, note| {
    ///     if store.get("shops", &[], change.param("shop").unwrap_or_default()).is_none() {
    ///         return Err(Reply::error(404, "NOT_FOUND", "no such shop"));
    ///     }
    ///     note["self"] = serde_json::json!(change.path);
    ///     Ok(())
    /// });
    /// # let _ = notes;
    /// ```
    pub fn on_create(
        mut self,
        hook: impl Fn(&mut Store, &Change, &mut Value) -> Result<(), Reply> + Send + Sync + 'static,
    ) -> Self {
        self.on_create.push(Arc::new(hook));
        self
    }

    /// Runs `hook` on the updated item of an update, after the body is merged (or
    /// replaces it), before it is stored; an `Err` is answered and the item stays as it was.
    pub fn on_update(
        mut self,
        hook: impl Fn(&mut Store, &Change, &mut Value) -> Result<(), Reply> + Send + Sync + 'static,
    ) -> Self {
        self.on_update.push(Arc::new(hook));
        self
    }

    /// Runs `hook` on the item a delete removes, before it is removed, with the store: to
    /// follow the delete elsewhere (a count kept on a parent). An `Err` is answered and the
    /// item stays. The answer (when it carries the item) shows the item as the hook left it.
    pub fn on_delete(
        mut self,
        hook: impl Fn(&mut Store, &Change, &mut Value) -> Result<(), Reply> + Send + Sync + 'static,
    ) -> Self {
        self.on_delete.push(Arc::new(hook));
        self
    }

    /// Every id exists: a GET or an update of an item not stored first stores
    /// `make(collection params, id)`, as [`seed`](super::Simulator::seed) would (an account
    /// the server knows by its credentials).
    pub fn implicit(
        mut self,
        make: impl Fn(&[&str], &str) -> Value + Send + Sync + 'static,
    ) -> Self {
        self.implicit = Some(Arc::new(make));
        self
    }

    /// The error answered for an id that is not stored (default 404 `NOT_FOUND`), as a
    /// [`Reply::error`].
    pub fn not_found(mut self, status: u16, code: &str, message: &str) -> Self {
        self.not_found = Some((status, code.to_owned(), message.to_owned()));
        self
    }

    /// Whether `verb` is routed.
    pub(crate) fn allows(&self, verb: Verb) -> bool {
        self.verbs.contains(&verb)
    }

    /// The key of the run-time lifecycle settings: the lifecycle's group, or the name.
    pub(crate) fn state_key(&self) -> &str {
        self.long_running
            .as_ref()
            .and_then(|lr| lr.group.as_deref())
            .unwrap_or(&self.name)
    }

    /// The status of a create's answer (default 201, or 202 for long-running resources).
    pub fn create_status(mut self, status: u16) -> Self {
        self.create_status = Some(status);
        self
    }

    /// The body of a create's answer (default [`ReplyBody::Resource`]).
    pub fn create_body(mut self, body: ReplyBody) -> Self {
        self.create_body = body;
        self
    }

    /// The status of an update's answer (default 200).
    pub fn update_status(mut self, status: u16) -> Self {
        self.update_status = status;
        self
    }

    /// The body of an update's answer (default [`ReplyBody::Resource`]).
    pub fn update_body(mut self, body: ReplyBody) -> Self {
        self.update_body = body;
        self
    }

    /// The status of a delete's answer (default 204).
    pub fn delete_status(mut self, status: u16) -> Self {
        self.delete_status = status;
        self
    }

    /// The body of a delete's answer (default [`ReplyBody::Empty`];
    /// [`ReplyBody::Resource`] answers the deleted item).
    pub fn delete_body(mut self, body: ReplyBody) -> Self {
        self.delete_body = body;
        self
    }

    /// Created items start pending and finish after some reads; see [`LongRunning`].
    pub fn long_running(mut self, lifecycle: LongRunning) -> Self {
        self.long_running = Some(lifecycle);
        self
    }

    /// Deletion takes `polls` reads: after the DELETE the item still answers (its status
    /// field set to the [`LongRunning`] pending value, when there is one) to its next
    /// `polls` reads, then it is gone and answers 404. 0 (the default) removes it at once.
    pub fn long_running_delete(mut self, polls: u32) -> Self {
        self.delete_polls = polls;
        self
    }

    /// The item template, explicit or derived from the collection.
    pub(crate) fn item_template(&self) -> String {
        if let Some(t) = &self.item {
            return t.clone();
        }
        let base = self.collection.trim_end_matches('/');
        if self.trailing_slash {
            format!("{base}/{{id}}/")
        } else {
            format!("{base}/{{id}}")
        }
    }
}

/// What a custom action receives.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ActionRequest {
    /// The method.
    pub method: Method,
    /// The whole path as received (base path included, still percent-encoded).
    pub path: String,
    /// The template's placeholders and their percent-decoded values, in template order.
    pub params: Vec<(String, String)>,
    /// The query parameters, decoded, in order.
    pub query: Vec<(String, String)>,
    /// The headers.
    pub headers: HeaderMap,
    /// The body: parsed JSON, a form as an object of strings (repeated keys as arrays), or
    /// `null` when empty.
    pub body: Value,
}

impl ActionRequest {
    /// The value of a path placeholder.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The first value of a query parameter.
    pub fn query_value(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The answer listing `items` in `style`, paged as this request's query asks: what a
    /// resource's list answers, for custom list endpoints.
    pub fn list_reply(&self, style: &ListStyle, items: &[Value]) -> Reply {
        match super::list::answer(style, items, &self.path, &self.query) {
            Ok(v) => Reply::json(200, &v).list_of(style),
            Err(reply) => reply,
        }
    }
}

/// How JSON answers are written in XML, when a request asks for XML: by
/// [`json_to_xml`](crate::format::json_to_xml)'s rule, an item as one element, a bare list
/// as a list element holding one element per item, an error as one element.
///
/// [`new`](Self::new) is the plain style; a vendor may wrap every answer in a root
/// element, name elements after its own spelling of the keys, and put a list's paging
/// values in attributes of the list element
/// (`<Response><Calls page="0" numpages="1"><Call><Sid>..`).
///
/// ```
/// use sdk_core::format::camel_case;
/// use sdk_core::sim::XmlStyle;
///
/// let style = XmlStyle::new()
///     .envelope("Response")
///     .element_names(camel_case)
///     .paging_attributes(|key| key.replace('_', ""))
///     .error_element("Error");
/// # let _ = style;
/// ```
#[cfg(feature = "xml")]
#[cfg_attr(docsrs, doc(cfg(feature = "xml")))]
#[derive(Debug, Clone)]
pub struct XmlStyle {
    pub(crate) envelope: Option<String>,
    pub(crate) element_names: Option<fn(&str) -> String>,
    pub(crate) paging_attributes: Option<fn(&str) -> String>,
    pub(crate) error_element: String,
    pub(crate) list_elements: &'static [&'static str],
}

#[cfg(feature = "xml")]
impl Default for XmlStyle {
    fn default() -> Self {
        XmlStyle::new()
    }
}

#[cfg(feature = "xml")]
impl XmlStyle {
    /// No envelope, element names as the JSON keys, a paged list's values as elements of
    /// its object, errors in `<error>`.
    pub fn new() -> Self {
        XmlStyle {
            envelope: None,
            element_names: None,
            paging_attributes: None,
            error_element: "error".to_owned(),
            list_elements: &[],
        }
    }

    /// Every XML answer (items, lists, errors) inside this root element.
    pub fn envelope(mut self, root: impl Into<String>) -> Self {
        self.envelope = Some(root.into());
        self
    }

    /// The element of each JSON key, made by `name` (pass
    /// [`camel_case`](crate::format::camel_case) for `date_created` as `<DateCreated>`).
    /// The item, list and error element names are used as given.
    pub fn element_names(mut self, name: fn(&str) -> String) -> Self {
        self.element_names = Some(name);
        self
    }

    /// A paged list (an object holding the item array beside its paging values) is written
    /// as the list element, with each paging value an attribute named by `name`, holding
    /// one element per item.
    pub fn paging_attributes(mut self, name: fn(&str) -> String) -> Self {
        self.paging_attributes = Some(name);
        self
    }

    /// The element of an error answer (default `error`).
    pub fn error_element(mut self, name: impl Into<String>) -> Self {
        self.error_element = name.into();
        self
    }

    /// The elements of XML request bodies that are always list items, as the API's schema
    /// says (`&["address"]` for `<addresses><address>..`): one of them is stored as a list
    /// of one, as a JSON body would carry it, not as a lone value
    /// ([`xml_to_json_with`](crate::format::xml_to_json_with)).
    pub fn list_elements(mut self, names: &'static [&'static str]) -> Self {
        self.list_elements = names;
        self
    }
}

/// An answer of the simulator, as a custom action returns it.
#[derive(Debug, Clone)]
pub struct Reply {
    pub(crate) status: StatusCode,
    pub(crate) headers: Vec<(HeaderName, HeaderValue)>,
    pub(crate) body: Bytes,
    /// The code and message of a [`Reply::error`], to write it in the API's error body.
    pub(crate) error: Option<Box<(String, String)>>,
    /// The XML element names of the answer's item and list.
    #[cfg(feature = "xml")]
    pub(crate) xml_names: Option<Box<(String, String)>>,
    /// The key of the item array, when the answer is a paged list (for its XML form).
    #[cfg(feature = "xml")]
    pub(crate) list_key: Option<&'static str>,
}

fn status(code: u16) -> StatusCode {
    StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

impl Reply {
    /// A JSON answer. An invalid status code becomes 500.
    pub fn json(status_code: u16, body: &Value) -> Self {
        Reply::text(status_code, "application/json", body.to_string())
    }

    /// An answer with no body.
    pub fn empty(status_code: u16) -> Self {
        Reply {
            status: status(status_code),
            headers: Vec::new(),
            body: Bytes::new(),
            error: None,
            #[cfg(feature = "xml")]
            xml_names: None,
            #[cfg(feature = "xml")]
            list_key: None,
        }
    }

    /// An answer with a body of the given media type.
    pub fn text(status_code: u16, content_type: &str, body: impl Into<String>) -> Self {
        Reply::empty(status_code)
            .header(header::CONTENT_TYPE.as_str(), content_type)
            .with_body(Bytes::from(body.into()))
    }

    /// The simulator's error answer: `{"code": code, "message": message}`, or the API's
    /// own [`error_body`](Api::error_body) when it has one.
    pub fn error(status_code: u16, code: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        let mut reply = Reply::json(
            status_code,
            &serde_json::json!({ "code": code, "message": message }),
        );
        reply.error = Some(Box::new((code.to_owned(), message)));
        reply
    }

    /// The element names of the answer's item and list when it is given in XML (`Call`,
    /// `Calls`), for custom actions; by default they come from the action's template as
    /// for a resource.
    #[cfg(feature = "xml")]
    #[cfg_attr(docsrs, doc(cfg(feature = "xml")))]
    pub fn xml_names(mut self, item: &str, list: &str) -> Self {
        self.xml_names = Some(Box::new((item.to_owned(), list.to_owned())));
        self
    }

    /// Marks the answer as a list in `style`, for its XML form.
    pub(crate) fn list_of(self, style: &ListStyle) -> Self {
        #[cfg(feature = "xml")]
        return Reply {
            list_key: style.items_key(),
            ..self
        };
        #[cfg(not(feature = "xml"))]
        {
            let _ = style;
            self
        }
    }

    /// Adds a header; an invalid name or value is left out.
    pub fn header(mut self, name: &str, value: &str) -> Self {
        if let (Ok(n), Ok(v)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(value),
        ) {
            self.headers.push((n, v));
        }
        self
    }

    /// The status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The value of a header, when it is set and is text.
    pub fn header_value(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.as_str().eq_ignore_ascii_case(name))
            .and_then(|(_, v)| v.to_str().ok())
    }

    /// The body.
    pub fn body(&self) -> &Bytes {
        &self.body
    }

    fn with_body(mut self, body: Bytes) -> Self {
        self.body = body;
        self
    }
}
