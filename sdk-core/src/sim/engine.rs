//! Routing and the generic verbs: create, get, list, update, delete, and the long-running
//! lifecycles.

use http::{Method, header};
use percent_encoding::percent_decode_str;
use serde_json::{Map, Value, json};

use super::api::{
    Action, ActionRequest, Api, IdStyle, ListStyle, Reply, ReplyBody, Resource, UpdateMode,
};
use super::fault::RecordedRequest;
use super::store::{Entry, Pending, Store};

/// One segment of a path template.
#[derive(Debug, Clone)]
enum Seg {
    Literal(String),
    Param {
        name: String,
        prefix: String,
        suffix: String,
    },
}

/// Placeholder names and their decoded values, in template order.
type Params = Vec<(String, String)>;

/// A parsed path template (`/a/{x}/b{y}.json`).
#[derive(Debug, Clone)]
pub(crate) struct Template {
    segs: Vec<Seg>,
}

/// Splits a path into its segments after the leading slash (`/a/b/` gives `a`, `b`, ``).
fn segments(path: &str) -> Vec<&str> {
    path.strip_prefix('/').unwrap_or(path).split('/').collect()
}

impl Template {
    fn parse(raw: &str) -> Result<Self, String> {
        let mut segs = Vec::new();
        for s in segments(raw) {
            let Some(open) = s.find('{') else {
                if s.contains('}') {
                    return Err(format!("stray `}}` in `{raw}`"));
                }
                segs.push(Seg::Literal(s.to_owned()));
                continue;
            };
            let close = s
                .find('}')
                .filter(|c| *c > open)
                .ok_or_else(|| format!("unclosed placeholder in `{raw}`"))?;
            let (prefix, name, suffix) = (&s[..open], &s[open + 1..close], &s[close + 1..]);
            if name.is_empty() || suffix.contains(['{', '}']) {
                return Err(format!(
                    "one named placeholder per segment at most in `{raw}`"
                ));
            }
            segs.push(Seg::Param {
                name: name.to_owned(),
                prefix: prefix.to_owned(),
                suffix: suffix.to_owned(),
            });
        }
        Ok(Template { segs })
    }

    fn names(&self) -> Vec<&str> {
        self.segs
            .iter()
            .filter_map(|s| match s {
                Seg::Param { name, .. } => Some(name.as_str()),
                Seg::Literal(_) => None,
            })
            .collect()
    }

    /// The placeholder values (decoded) and a specificity score per segment (2 literal, 1
    /// placeholder with a literal part, 0 bare placeholder), if `path` matches.
    fn matches(&self, path: &[&str]) -> Option<(Params, Vec<u8>)> {
        if path.len() != self.segs.len() {
            return None;
        }
        let mut params = Vec::new();
        let mut score = Vec::with_capacity(path.len());
        for (seg, raw) in self.segs.iter().zip(path) {
            let decoded = percent_decode_str(raw).decode_utf8_lossy();
            match seg {
                Seg::Literal(l) => {
                    if *l != decoded {
                        return None;
                    }
                    score.push(2);
                }
                Seg::Param {
                    name,
                    prefix,
                    suffix,
                } => {
                    let value = decoded
                        .strip_prefix(prefix.as_str())?
                        .strip_suffix(suffix.as_str())?;
                    if value.is_empty() {
                        return None;
                    }
                    params.push((name.clone(), value.to_owned()));
                    score.push(u8::from(!prefix.is_empty() || !suffix.is_empty()));
                }
            }
        }
        Some((params, score))
    }
}

#[derive(Debug, Clone, Copy)]
enum Target {
    Collection(usize),
    Item(usize),
    Action(usize),
}

#[derive(Debug)]
struct Route {
    template: Template,
    methods: Vec<Method>,
    target: Target,
}

/// An [`Api`] checked and turned into routes.
#[derive(Debug)]
pub(crate) struct Compiled {
    pub(crate) name: String,
    pub(crate) base_path: String,
    pub(crate) resources: Vec<Resource>,
    item_templates: Vec<String>,
    actions: Vec<Action>,
    routes: Vec<Route>,
}

impl Compiled {
    pub(crate) fn new(api: Api) -> Result<Self, String> {
        let base = api.base_path.trim().trim_end_matches('/');
        let base_path = if base.is_empty() || base.starts_with('/') {
            base.to_owned()
        } else {
            format!("/{base}")
        };
        let mut routes = Vec::new();
        let mut item_templates = Vec::new();
        for (i, r) in api.resources.iter().enumerate() {
            if api.resources[..i].iter().any(|o| o.name == r.name) {
                return Err(format!("resource `{}` is declared twice", r.name));
            }
            let collection = Template::parse(&r.collection)?;
            let item_raw = r.item_template();
            let item = Template::parse(&item_raw)?;
            let (cn, inames) = (collection.names(), item.names());
            if inames.len() != cn.len() + 1 || inames[..cn.len()] != cn[..] {
                return Err(format!(
                    "resource `{}`: the item path `{item_raw}` must have the collection's placeholders {cn:?} and then one for the id",
                    r.name
                ));
            }
            let mut collection_methods = Vec::new();
            let mut item_methods = vec![Method::GET];
            if r.list.is_some() {
                collection_methods.push(Method::GET);
            }
            if !r.read_only {
                collection_methods.push(Method::POST);
                item_methods.push(r.update_method.clone());
                item_methods.push(Method::DELETE);
            }
            routes.push(Route {
                template: collection,
                methods: collection_methods,
                target: Target::Collection(i),
            });
            routes.push(Route {
                template: item,
                methods: item_methods,
                target: Target::Item(i),
            });
            item_templates.push(item_raw);
        }
        for (j, a) in api.actions.iter().enumerate() {
            routes.push(Route {
                template: Template::parse(&a.template)?,
                methods: vec![a.method.clone()],
                target: Target::Action(j),
            });
        }
        Ok(Compiled {
            name: api.name,
            base_path,
            resources: api.resources,
            item_templates,
            actions: api.actions,
            routes,
        })
    }

    pub(crate) fn resource(&self, name: &str) -> Option<(usize, &Resource)> {
        self.resources
            .iter()
            .enumerate()
            .find(|(_, r)| r.name == name)
    }

    /// Answers one request.
    pub(crate) fn handle(&self, store: &mut Store, req: &RecordedRequest) -> Reply {
        let rel = match req.path.strip_prefix(self.base_path.as_str()) {
            Some(r) if r.starts_with('/') => r,
            _ => return no_route(req),
        };
        let path = segments(rel);
        let mut best: Option<(Vec<u8>, &Route, Params)> = None;
        let mut allowed: Vec<Method> = Vec::new();
        let mut path_known = false;
        for route in &self.routes {
            let Some((params, score)) = route.template.matches(&path) else {
                continue;
            };
            path_known = true;
            if !route.methods.contains(&req.method) {
                allowed.extend(route.methods.iter().cloned());
                continue;
            }
            if best.as_ref().is_none_or(|(s, _, _)| score > *s) {
                best = Some((score, route, params));
            }
        }
        let Some((_, route, params)) = best else {
            if !path_known {
                return no_route(req);
            }
            allowed.sort_by(|a, b| a.as_str().cmp(b.as_str()));
            allowed.dedup();
            let allow: Vec<&str> = allowed.iter().map(Method::as_str).collect();
            return Reply::error(
                405,
                "METHOD_NOT_ALLOWED",
                format!("{} is not allowed on {}", req.method, req.path),
            )
            .header(header::ALLOW.as_str(), &allow.join(", "));
        };
        let body = match parse_body(req) {
            Ok(b) => b,
            Err(reply) => return reply,
        };
        let values: Vec<&str> = params.iter().map(|(_, v)| v.as_str()).collect();
        match route.target {
            Target::Action(j) => {
                let action_req = ActionRequest {
                    method: req.method.clone(),
                    path: req.path.clone(),
                    params: params.clone(),
                    query: req.query.clone(),
                    headers: req.headers.clone(),
                    body,
                };
                let reply = (self.actions[j].handler)(store, &action_req);
                in_format(&self.actions[j].template, req, reply)
            }
            Target::Collection(i) if req.method == Method::GET => {
                let reply = self.list(i, store, &values, req);
                in_format(&self.resources[i].collection, req, reply)
            }
            Target::Collection(i) => {
                let reply = self.create(i, store, &values, body);
                in_format(&self.resources[i].collection, req, reply)
            }
            Target::Item(i) => {
                let (cols, id) = values.split_at(values.len() - 1);
                let id = id[0];
                let r = &self.resources[i];
                let reply = if req.method == Method::GET {
                    self.get(i, store, cols, id)
                } else if req.method == Method::DELETE {
                    self.delete(i, store, cols, id)
                } else if req.method == r.update_method {
                    self.update(i, store, cols, id, body)
                } else {
                    no_route(req)
                };
                in_format(&r.collection, req, reply)
            }
        }
    }

    /// Stores a new item as a create would (required fields, id, lifecycle), without an
    /// answer: for creates and for [`Simulator::seed`](super::Simulator::seed).
    pub(crate) fn insert_new(
        &self,
        i: usize,
        store: &mut Store,
        params: &[&str],
        body: Value,
        lifecycle: bool,
    ) -> Result<(String, Value), Reply> {
        let r = &self.resources[i];
        let mut obj = match body {
            Value::Object(m) => m,
            Value::Null => Map::new(),
            _ => {
                return Err(Reply::error(
                    400,
                    "INVALID_BODY",
                    "the body must be a JSON object",
                ));
            }
        };
        if lifecycle && let Some(missing) = r.required.iter().find(|f| is_missing(&obj, f)) {
            return Err(Reply::error(
                400,
                "VALIDATION_ERROR",
                format!("missing required field `{missing}`"),
            ));
        }
        let id = match obj.get(&r.id_field) {
            Some(Value::String(s)) if !s.is_empty() => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            _ => {
                let id = new_id(&r.id_style, store.state(&r.name));
                obj.insert(r.id_field.clone(), Value::String(id.clone()));
                id
            }
        };
        if store.entry_mut(&r.name, params, &id).is_some() {
            return Err(Reply::error(
                409,
                "CONFLICT",
                format!("{} `{id}` already exists", r.name),
            ));
        }
        let mut pending = None;
        if let (true, Some(lr)) = (lifecycle, &r.long_running) {
            obj.insert(lr.status_field.clone(), Value::String(lr.pending.clone()));
            pending = Some(next_lifecycle(store, &r.name, lr.polls));
        }
        let mut value = Value::Object(obj);
        apply_defaults(&mut value, r.defaults.as_ref());
        strip(&mut value, &r.write_only);
        store.push(
            &r.name,
            params.iter().map(|p| (*p).to_owned()).collect(),
            Entry {
                id: id.clone(),
                value: value.clone(),
                pending,
                deleting: None,
            },
        );
        Ok((id, value))
    }

    fn create(&self, i: usize, store: &mut Store, params: &[&str], body: Value) -> Reply {
        let r = &self.resources[i];
        match self.insert_new(i, store, params, body, true) {
            Ok((id, value)) => {
                let default = if r.long_running.is_some() { 202 } else { 201 };
                let status = r.create_status.unwrap_or(default);
                self.answer(i, status, r.create_body, params, &id, &value)
            }
            Err(reply) => reply,
        }
    }

    fn get(&self, i: usize, store: &mut Store, params: &[&str], id: &str) -> Reply {
        let r = &self.resources[i];
        let Some(e) = store.entry_mut(&r.name, params, id) else {
            return not_found(r, id);
        };
        match e.deleting {
            Some(0) => {
                store.remove(&r.name, params, id);
                return not_found(r, id);
            }
            Some(n) => e.deleting = Some(n - 1),
            None => {}
        }
        if let (Some(p), Some(lr)) = (e.pending.as_mut(), &r.long_running) {
            if p.reads_left == 0 {
                let status = if p.fail { &lr.failure } else { &lr.success };
                set_field(&mut e.value, &lr.status_field, status);
                e.pending = None;
            } else {
                p.reads_left -= 1;
            }
        }
        let value = e.value.clone();
        Reply::json(200, &wrap(r, value))
    }

    fn update(&self, i: usize, store: &mut Store, params: &[&str], id: &str, body: Value) -> Reply {
        let r = &self.resources[i];
        if store.entry_mut(&r.name, params, id).is_none() {
            return not_found(r, id);
        }
        let lifecycle = r
            .long_running
            .as_ref()
            .map(|lr| next_lifecycle(store, &r.name, lr.polls));
        let Some(e) = store.entry_mut(&r.name, params, id) else {
            return not_found(r, id);
        };
        let body = match body {
            Value::Null => Value::Object(Map::new()),
            b @ Value::Object(_) => b,
            _ => return Reply::error(400, "INVALID_BODY", "the body must be a JSON object"),
        };
        let id_value = e.value.get(&r.id_field).cloned();
        match r.update {
            UpdateMode::Merge => merge(&mut e.value, body),
            UpdateMode::Replace => e.value = body,
        }
        if let (Some(v), Value::Object(m)) = (id_value, &mut e.value) {
            m.insert(r.id_field.clone(), v);
        }
        apply_defaults(&mut e.value, r.defaults.as_ref());
        strip(&mut e.value, &r.write_only);
        // An update of a long-running resource is reconfigured like a create: pending
        // again for the same number of reads.
        if let (Some(lr), Some(pending)) = (&r.long_running, lifecycle) {
            set_field(&mut e.value, &lr.status_field, &lr.pending);
            e.pending = Some(pending);
        }
        let value = e.value.clone();
        self.answer(i, r.update_status, r.update_body, params, id, &value)
    }

    fn delete(&self, i: usize, store: &mut Store, params: &[&str], id: &str) -> Reply {
        let r = &self.resources[i];
        if store.entry_mut(&r.name, params, id).is_none() {
            return not_found(r, id);
        }
        // A long-running delete marked to fail keeps the item and ends in the failure
        // status after the usual reads.
        let failing = r.delete_polls > 0 && r.long_running.is_some() && {
            let state = store.state(&r.name);
            let fail = state.fail_next > 0;
            state.fail_next = state.fail_next.saturating_sub(1);
            fail
        };
        // set_polls applies to long-running deletes too.
        let delete_polls = if r.delete_polls > 0 {
            store.state(&r.name).polls.unwrap_or(r.delete_polls)
        } else {
            0
        };
        let Some(e) = store.entry_mut(&r.name, params, id) else {
            return not_found(r, id);
        };
        let value = e.value.clone();
        if failing {
            if let Some(lr) = &r.long_running {
                set_field(&mut e.value, &lr.status_field, &lr.pending);
            }
            e.pending = Some(Pending {
                reads_left: delete_polls,
                fail: true,
            });
        } else if delete_polls == 0 {
            store.remove(&r.name, params, id);
        } else if e.deleting.is_none() {
            e.deleting = Some(delete_polls);
            e.pending = None;
            if let Some(lr) = &r.long_running {
                set_field(&mut e.value, &lr.status_field, &lr.pending);
            }
        }
        self.answer(i, r.delete_status, r.delete_body, params, id, &value)
    }

    fn list(&self, i: usize, store: &Store, params: &[&str], req: &RecordedRequest) -> Reply {
        let r = &self.resources[i];
        let items: Vec<Value> = store
            .list(&r.name, params)
            .into_iter()
            .map(|v| match &r.list_view {
                Some(view) => view(v),
                None => v.clone(),
            })
            .collect();
        let style = r.list.clone().unwrap_or(ListStyle::BareArray);
        match super::list::answer(&style, &items, &req.path, &req.query) {
            Ok(v) => Reply::json(200, &v),
            Err(reply) => reply,
        }
    }

    fn answer(
        &self,
        i: usize,
        status: u16,
        body: ReplyBody,
        params: &[&str],
        id: &str,
        value: &Value,
    ) -> Reply {
        let r = &self.resources[i];
        if status == 204 {
            return Reply::empty(status);
        }
        match body {
            ReplyBody::Resource => Reply::json(status, &wrap(r, value.clone())),
            ReplyBody::Url => {
                let mut all = params.to_vec();
                all.push(id);
                let path = crate::request::fill_path(&self.item_templates[i], &all)
                    .unwrap_or_else(|_| format!("{}/{id}", r.collection.trim_end_matches('/')));
                Reply::json(
                    status,
                    &json!({ "url": format!("{}{path}", self.base_path) }),
                )
            }
            ReplyBody::Id => Reply::text(status, "text/html; charset=utf-8", id),
            ReplyBody::Empty => Reply::empty(status),
        }
    }
}

fn no_route(req: &RecordedRequest) -> Reply {
    Reply::error(
        404,
        "NOT_FOUND",
        format!("no route for {} {}", req.method, req.path),
    )
}

fn not_found(r: &Resource, id: &str) -> Reply {
    Reply::error(404, "NOT_FOUND", format!("{} `{id}` not found", r.name))
}

/// The lifecycle of a create or update: pending for the resource's reads (or the count
/// set at run time), failing if a failure was asked for.
fn next_lifecycle(store: &mut Store, resource: &str, default_polls: u32) -> Pending {
    let state = store.state(resource);
    let fail = state.fail_next > 0;
    state.fail_next = state.fail_next.saturating_sub(1);
    Pending {
        reads_left: state.polls.unwrap_or(default_polls),
        fail,
    }
}

/// Turns a JSON answer into XML when the request asked for XML (`Accept`), by the rule of
/// [`json_to_xml`](crate::format::json_to_xml). Element names come from the last literal
/// segment of the route's `template`: a list is `<users><user>..</user></users>`, one
/// object `<user>`, an error `<error>`.
fn in_format(template: &str, req: &RecordedRequest, reply: Reply) -> Reply {
    let wants_xml = req
        .headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.to_ascii_lowercase().contains("xml"));
    let is_json = reply
        .header_value("content-type")
        .is_some_and(|ct| ct.contains("json"));
    if !wants_xml || !is_json {
        return reply;
    }
    let Ok(value) = serde_json::from_slice::<Value>(reply.body()) else {
        return reply;
    };
    let collection = template
        .split(['/', ':'])
        .rfind(|s| !s.is_empty() && !s.starts_with('{'))
        .unwrap_or("items")
        .to_owned();
    let item = singular(&collection);
    let xml = if !reply.status().is_success() {
        crate::format::json_to_xml("error", None, &value)
    } else if value.is_array() {
        crate::format::json_to_xml(&collection, Some(&item), &value)
    } else {
        crate::format::json_to_xml(&item, None, &value)
    };
    let mut out = Reply::text(reply.status().as_u16(), "application/xml", xml);
    out.headers.extend(
        reply
            .headers
            .into_iter()
            .filter(|(n, _)| n != header::CONTENT_TYPE && n != header::CONTENT_LENGTH),
    );
    out
}

/// `users` -> `user`, `categories` -> `category`, `status` -> `status`.
fn singular(plural: &str) -> String {
    if let Some(stem) = plural.strip_suffix("ies") {
        format!("{stem}y")
    } else if let Some(stem) = plural
        .strip_suffix('s')
        .filter(|_| !plural.ends_with("ss") && !plural.ends_with("us"))
    {
        stem.to_owned()
    } else {
        plural.to_owned()
    }
}

/// Adds the fields of `defaults` that `value` lacks.
fn apply_defaults(value: &mut Value, defaults: Option<&Value>) {
    if let (Value::Object(m), Some(Value::Object(d))) = (value, defaults) {
        for (k, v) in d {
            m.entry(k.clone()).or_insert_with(|| v.clone());
        }
    }
}

/// Removes each dotted path of `fields` from `value`.
fn strip(value: &mut Value, fields: &[String]) {
    for field in fields {
        let (parent, last) = match field.rsplit_once('.') {
            Some((parent, last)) => (
                value.pointer_mut(&format!("/{}", parent.replace('.', "/"))),
                last,
            ),
            None => (Some(&mut *value), field.as_str()),
        };
        if let Some(Value::Object(m)) = parent {
            m.remove(last);
        }
    }
}

fn wrap(r: &Resource, value: Value) -> Value {
    match &r.wrapper {
        Some(key) => json!({ key.as_str(): value }),
        None => value,
    }
}

fn set_field(value: &mut Value, field: &str, status: &str) {
    if let Value::Object(m) = value {
        m.insert(field.to_owned(), Value::String(status.to_owned()));
    }
}

/// `true` when a dotted `field` is absent, `null` or `""` in `doc`.
fn is_missing(doc: &Map<String, Value>, field: &str) -> bool {
    let mut keys = field.split('.');
    let mut found = keys.next().and_then(|k| doc.get(k));
    for key in keys {
        found = found.and_then(Value::as_object).and_then(|m| m.get(key));
    }
    match found {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.is_empty(),
        Some(_) => false,
    }
}

/// Deep merge: objects key by key, anything else replaces.
pub(crate) fn merge(target: &mut Value, patch: Value) {
    match (target, patch) {
        (Value::Object(t), Value::Object(p)) => {
            for (k, v) in p {
                match t.get_mut(&k) {
                    Some(existing) => merge(existing, v),
                    None => {
                        t.insert(k, v);
                    }
                }
            }
        }
        (t, p) => *t = p,
    }
}

fn random_hex(n: usize, upper: bool) -> String {
    let digits: &[u8; 16] = if upper {
        b"0123456789ABCDEF"
    } else {
        b"0123456789abcdef"
    };
    (0..n)
        .map(|_| char::from(digits[fastrand::usize(..16)]))
        .collect()
}

fn new_id(style: &IdStyle, state: &mut super::store::ResourceState) -> String {
    match style {
        IdStyle::Uuid => {
            let h = random_hex(32, false);
            let variant = ["8", "9", "a", "b"][fastrand::usize(..4)];
            format!(
                "{}-{}-4{}-{variant}{}-{}",
                &h[..8],
                &h[8..12],
                &h[13..16],
                &h[17..20],
                &h[20..]
            )
        }
        IdStyle::Hex32 => random_hex(32, true),
        IdStyle::Prefixed(prefix) => format!("{prefix}{}", random_hex(32, false)),
        IdStyle::Sequence => {
            state.sequence += 1;
            state.sequence.to_string()
        }
    }
}

/// Reads the body as JSON, or as a form (an object of strings, repeated keys as arrays);
/// `null` when empty.
fn parse_body(req: &RecordedRequest) -> Result<Value, Reply> {
    if req.body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Value::Null);
    }
    let is_form = req
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| {
            ct.to_ascii_lowercase()
                .starts_with("application/x-www-form-urlencoded")
        });
    let is_xml = req
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.to_ascii_lowercase().contains("xml"));
    if is_xml {
        let text = String::from_utf8_lossy(&req.body);
        return crate::format::xml_to_json(&text).map_err(|e| {
            Reply::error(
                400,
                "INVALID_BODY",
                format!("the body is not valid XML: {e}"),
            )
        });
    }
    if is_form {
        let mut m = Map::new();
        for (k, v) in url::form_urlencoded::parse(&req.body) {
            match m.get_mut(k.as_ref()) {
                Some(Value::Array(a)) => a.push(Value::String(v.into_owned())),
                Some(existing) => {
                    let first = existing.take();
                    *existing = Value::Array(vec![first, Value::String(v.into_owned())]);
                }
                None => {
                    m.insert(k.into_owned(), Value::String(v.into_owned()));
                }
            }
        }
        return Ok(Value::Object(m));
    }
    serde_json::from_slice(&req.body).map_err(|e| {
        Reply::error(
            400,
            "INVALID_BODY",
            format!("the body is not valid JSON: {e}"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_match_with_prefixes_suffixes_and_decoding() {
        let t = Template::parse("/Accounts/{sid}/Calls/{call}.json").unwrap();
        let (params, score) = t
            .matches(&segments("/Accounts/AC1/Calls/CA%2F2.json"))
            .unwrap();
        assert_eq!(
            params,
            vec![
                ("sid".to_owned(), "AC1".to_owned()),
                ("call".to_owned(), "CA/2".to_owned())
            ]
        );
        assert_eq!(score, vec![2, 0, 2, 1]);
        assert!(t.matches(&segments("/Accounts/AC1/Calls/.json")).is_none());
        assert!(t.matches(&segments("/Accounts/AC1/Calls/CA2")).is_none());
        let slash = Template::parse("/a/{x}/").unwrap();
        assert!(slash.matches(&segments("/a/1/")).is_some());
        assert!(slash.matches(&segments("/a/1")).is_none());
        assert!(Template::parse("/a/{x").is_err());
        assert!(Template::parse("/a/{x}{y}").is_err());
    }

    #[test]
    fn merge_is_deep_for_objects_only() {
        let mut v = json!({"a": {"b": 1, "c": [1, 2]}, "d": "x"});
        merge(&mut v, json!({"a": {"c": [3], "e": null}, "f": true}));
        assert_eq!(
            v,
            json!({"a": {"b": 1, "c": [3], "e": null}, "d": "x", "f": true})
        );
    }

    #[test]
    fn ids_have_their_shapes() {
        let mut st = super::super::store::ResourceState::default();
        let u = new_id(&IdStyle::Uuid, &mut st);
        assert_eq!(u.len(), 36);
        assert_eq!(&u[14..15], "4");
        let h = new_id(&IdStyle::Hex32, &mut st);
        assert!(
            h.len() == 32
                && h.chars()
                    .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_lowercase())
        );
        assert!(new_id(&IdStyle::Prefixed("CA"), &mut st).starts_with("CA"));
        assert_eq!(new_id(&IdStyle::Sequence, &mut st), "1");
        assert_eq!(new_id(&IdStyle::Sequence, &mut st), "2");
    }

    #[test]
    fn required_fields_may_be_nested() {
        let Value::Object(doc) = json!({"p": {"name": "x", "empty": ""}, "n": null}) else {
            unreachable!()
        };
        assert!(!is_missing(&doc, "p.name"));
        assert!(is_missing(&doc, "p.empty"));
        assert!(is_missing(&doc, "p.other"));
        assert!(is_missing(&doc, "n"));
        assert!(is_missing(&doc, "q"));
    }
}
