//! The declarative description of a simulated API: [`Api`], its [`Resource`]s and custom
//! [`actions`](Api::action).

use std::fmt;
use std::sync::Arc;

use bytes::Bytes;
use http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use serde_json::Value;

use super::store::Store;

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
}

impl fmt::Debug for Api {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Api")
            .field("name", &self.name)
            .field("base_path", &self.base_path)
            .field("resources", &self.resources)
            .field("actions", &self.actions)
            .finish()
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
        }
    }

    /// The path every route is below (`/api/v1`); resource and action templates are
    /// relative to it. Requests outside it answer 404.
    pub fn base_path(mut self, path: impl Into<String>) -> Self {
        self.base_path = path.into();
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LongRunning {
    pub(crate) status_field: String,
    pub(crate) pending: String,
    pub(crate) success: String,
    pub(crate) failure: String,
    pub(crate) polls: u32,
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
        }
    }

    /// How many reads see the pending status before the terminal one (0: the first read
    /// already sees it).
    pub fn polls(mut self, n: u32) -> Self {
        self.polls = n;
        self
    }
}

/// Turns a stored item into what a list shows of it.
pub(crate) type View = Arc<dyn Fn(&Value) -> Value + Send + Sync>;

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
    pub(crate) defaults: Option<Value>,
    pub(crate) list: Option<ListStyle>,
    pub(crate) list_view: Option<View>,
    pub(crate) wrapper: Option<String>,
    pub(crate) update: UpdateMode,
    pub(crate) update_method: Method,
    pub(crate) read_only: bool,
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
            defaults: None,
            list: None,
            list_view: None,
            wrapper: None,
            update: UpdateMode::Merge,
            update_method: Method::PUT,
            read_only: false,
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
    /// [`Simulator::seed`](super::Simulator::seed)).
    pub fn read_only(mut self) -> Self {
        self.read_only = true;
        self
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
            Ok(v) => Reply::json(200, &v),
            Err(reply) => reply,
        }
    }
}

/// An answer of the simulator, as a custom action returns it.
#[derive(Debug, Clone)]
pub struct Reply {
    pub(crate) status: StatusCode,
    pub(crate) headers: Vec<(HeaderName, HeaderValue)>,
    pub(crate) body: Bytes,
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
        }
    }

    /// An answer with a body of the given media type.
    pub fn text(status_code: u16, content_type: &str, body: impl Into<String>) -> Self {
        Reply::empty(status_code)
            .header(header::CONTENT_TYPE.as_str(), content_type)
            .with_body(Bytes::from(body.into()))
    }

    /// The simulator's error answer: `{"code": code, "message": message}`.
    pub fn error(status_code: u16, code: &str, message: impl Into<String>) -> Self {
        Reply::json(
            status_code,
            &serde_json::json!({ "code": code, "message": message.into() }),
        )
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
