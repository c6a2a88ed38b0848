//! Routing and the generic verbs: create, get, list, update, delete, and the long-running
//! lifecycles.

use http::{Method, header};
use percent_encoding::percent_decode_str;
use serde_json::{Map, Value, json};

#[cfg(feature = "xml")]
use super::api::XmlStyle;
use super::api::{
    Action, ActionRequest, Api, Change, ErrorBody, IdStyle, ListStyle, LongRunning, Reply,
    ReplyBody, Resource, UpdateMode, Verb,
};
use super::fault::RecordedRequest;
use super::render::Names;
use super::store::{Entry, Pending, Store};
use crate::Format;

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
    /// A resource's [`create_at`](Resource::create_at) path.
    CreateAt(usize),
    /// A resource's [`update_at`](Resource::update_at) path.
    UpdateAt(usize),
    /// A resource's `j`-th [`list_at`](Resource::list_at) path.
    ListAt(usize, usize),
}

#[derive(Debug)]
struct Route {
    template: Template,
    methods: Vec<Method>,
    target: Target,
    /// The XML element names of its answers.
    names: Names,
}

/// An [`Api`] checked and turned into routes.
pub(crate) struct Compiled {
    pub(crate) name: String,
    pub(crate) base_path: String,
    pub(crate) resources: Vec<Resource>,
    item_templates: Vec<String>,
    /// How many placeholders each resource's collection has.
    collection_params: Vec<usize>,
    actions: Vec<Action>,
    routes: Vec<Route>,
    suffixes: Vec<(String, Format)>,
    #[cfg(feature = "xml")]
    xml: XmlStyle,
    error_body: Option<ErrorBody>,
    form_keys: Option<fn(&str) -> String>,
}

impl std::fmt::Debug for Compiled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Compiled")
            .field("name", &self.name)
            .field("base_path", &self.base_path)
            .field("routes", &self.routes)
            .finish_non_exhaustive()
    }
}

/// Checks that `extra` starts with the placeholders `first`, in order, and has `more` more
/// (any number when `None`).
fn extends(
    resource: &str,
    raw: &str,
    extra: &Template,
    first: &[&str],
    more: Option<usize>,
) -> Result<(), String> {
    let names = extra.names();
    let fits = names.len() >= first.len()
        && names[..first.len()] == first[..]
        && more.is_none_or(|n| names.len() == first.len() + n);
    if fits {
        Ok(())
    } else {
        Err(format!(
            "resource `{resource}`: the path `{raw}` must start with the placeholders {first:?}{}",
            more.map_or(String::new(), |n| format!(" and have {n} more"))
        ))
    }
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
        let mut collection_params = Vec::new();
        for (i, r) in api.resources.iter().enumerate() {
            if api.resources[..i].iter().any(|o| o.name == r.name) {
                return Err(format!("resource `{}` is declared twice", r.name));
            }
            let collection = Template::parse(&r.collection)?;
            let item_raw = r.item_template();
            let item = Template::parse(&item_raw)?;
            let cn = collection.names();
            extends(&r.name, &item_raw, &item, &cn, Some(1)).map_err(|_| {
                format!(
                    "resource `{}`: the item path `{item_raw}` must have the collection's placeholders {cn:?} and then one for the id",
                    r.name
                )
            })?;
            #[cfg(feature = "xml")]
            let names = match &r.xml_names {
                Some((item, list)) => Names {
                    item: item.clone(),
                    list: list.clone(),
                },
                None => Names::of(&r.collection),
            };
            #[cfg(not(feature = "xml"))]
            let names = Names::of(&r.collection);
            let mut collection_methods = Vec::new();
            if r.list.is_some() {
                collection_methods.push(Method::GET);
            }
            if r.allows(Verb::Create) {
                collection_methods.push(Method::POST);
            }
            let item_methods: Vec<Method> = [
                (Verb::Get, Method::GET),
                (Verb::Update, r.update_method.clone()),
                (Verb::Delete, Method::DELETE),
            ]
            .into_iter()
            .filter(|(v, _)| r.allows(*v))
            .map(|(_, m)| m)
            .collect();
            let mut add = |template: Template, methods: Vec<Method>, target: Target| {
                routes.push(Route {
                    template,
                    methods,
                    target,
                    names: names.clone(),
                });
            };
            for raw in &r.create_at {
                let t = Template::parse(raw)?;
                extends(&r.name, raw, &t, &cn, None)?;
                add(t, vec![Method::POST], Target::CreateAt(i));
            }
            for raw in &r.update_at {
                let t = Template::parse(raw)?;
                extends(&r.name, raw, &t, &cn, Some(1))?;
                add(t, vec![r.update_method.clone()], Target::UpdateAt(i));
            }
            for (j, (raw, fields)) in r.list_at.iter().enumerate() {
                let t = Template::parse(raw)?;
                extends(&r.name, raw, &t, &cn, Some(fields.len()))?;
                let extra = &t.names()[cn.len()..];
                if let Some(p) = extra.iter().find(|p| !fields.iter().any(|(f, _)| f == *p)) {
                    return Err(format!(
                        "resource `{}`: the placeholder `{p}` of `{raw}` names no field",
                        r.name
                    ));
                }
                add(t, vec![Method::GET], Target::ListAt(i, j));
            }
            collection_params.push(cn.len());
            add(collection, collection_methods, Target::Collection(i));
            add(item, item_methods, Target::Item(i));
            item_templates.push(item_raw);
        }
        for (j, a) in api.actions.iter().enumerate() {
            routes.push(Route {
                template: Template::parse(&a.template)?,
                methods: vec![a.method.clone()],
                target: Target::Action(j),
                names: Names::of(&a.template),
            });
        }
        Ok(Compiled {
            name: api.name,
            base_path,
            resources: api.resources,
            item_templates,
            collection_params,
            actions: api.actions,
            routes,
            suffixes: api.suffixes,
            #[cfg(feature = "xml")]
            xml: api.xml,
            error_body: api.error_body,
            form_keys: api.form_keys,
        })
    }

    pub(crate) fn resource(&self, name: &str) -> Option<(usize, &Resource)> {
        self.resources
            .iter()
            .enumerate()
            .find(|(_, r)| r.name == name)
    }

    /// The path below the base path without its format suffix, and whether the answer is
    /// XML; `None` when the path is outside the base path or lacks a declared suffix.
    fn relative<'p>(&self, req: &'p RecordedRequest) -> Option<(&'p str, bool)> {
        let rel = req
            .path
            .strip_prefix(self.base_path.as_str())
            .filter(|r| r.starts_with('/'))?;
        if self.suffixes.is_empty() {
            return Some((rel, accepts_xml(req)));
        }
        self.suffixes.iter().find_map(|(suffix, format)| {
            rel.strip_suffix(suffix.as_str())
                .map(|r| (r, is_xml(*format)))
        })
    }

    /// Answers one request.
    pub(crate) fn handle(&self, store: &mut Store, req: &RecordedRequest) -> Reply {
        // Without format suffixes, what no route answers (an unknown path, a method not
        // allowed, a body that cannot be read) stays JSON.
        let early = !self.suffixes.is_empty();
        let Some((rel, xml)) = self.relative(req) else {
            return self.finish(no_route(req), early && accepts_xml(req), &Names::of(""));
        };
        let path = segments(rel);
        let mut best: Option<(Vec<u8>, &Route, Params)> = None;
        let mut allowed: Vec<Method> = Vec::new();
        let mut known: Option<&Route> = None;
        for route in &self.routes {
            let Some((params, score)) = route.template.matches(&path) else {
                continue;
            };
            known.get_or_insert(route);
            if !route.methods.contains(&req.method) {
                allowed.extend(route.methods.iter().cloned());
                continue;
            }
            if best.as_ref().is_none_or(|(s, _, _)| score > *s) {
                best = Some((score, route, params));
            }
        }
        let Some((_, route, params)) = best else {
            let Some(known) = known else {
                return self.finish(no_route(req), early && xml, &Names::of(""));
            };
            allowed.sort_by(|a, b| a.as_str().cmp(b.as_str()));
            allowed.dedup();
            let allow: Vec<&str> = allowed.iter().map(Method::as_str).collect();
            let reply = Reply::error(
                405,
                "METHOD_NOT_ALLOWED",
                format!("{} is not allowed on {}", req.method, req.path),
            )
            .header(header::ALLOW.as_str(), &allow.join(", "));
            return self.finish(reply, early && xml, &known.names);
        };
        #[cfg(feature = "xml")]
        let lists = self.xml.list_elements;
        #[cfg(not(feature = "xml"))]
        let lists: &[&str] = &[];
        let body = match parse_body(req, self.form_keys, lists) {
            Ok(b) => b,
            Err(reply) => return self.finish(reply, early && xml, &route.names),
        };
        let values: Vec<&str> = params.iter().map(|(_, v)| v.as_str()).collect();
        // Built for the routes that hand the request on (actions, hooks), once.
        let request = || ActionRequest {
            method: req.method.clone(),
            path: req.path.clone(),
            params: params.clone(),
            query: req.query.clone(),
            headers: req.headers.clone(),
            body,
        };
        let reply = match route.target {
            Target::Action(j) => (self.actions[j].handler)(store, &request()),
            Target::Collection(i) if req.method == Method::GET => {
                self.list(i, store, &values, req, &[])
            }
            Target::Collection(i) => self.create(i, store, &values, request()),
            Target::CreateAt(i) => {
                self.create(i, store, &values[..self.collection_params[i]], request())
            }
            Target::ListAt(i, j) => {
                // The extra placeholders' values, as the item fields they must equal.
                let n = self.collection_params[i];
                let fields: Vec<(&str, &str)> = self.resources[i].list_at[j]
                    .1
                    .iter()
                    .filter_map(|(param, field)| {
                        let value = params[n..].iter().find(|(p, _)| p == param)?;
                        Some((field.as_str(), value.1.as_str()))
                    })
                    .collect();
                self.list(i, store, &values[..n], req, &fields)
            }
            Target::Item(i) | Target::UpdateAt(i) => {
                let (cols, id) = values.split_at(values.len() - 1);
                let id = id[0];
                let r = &self.resources[i];
                if req.method == Method::GET {
                    self.get(i, store, cols, id)
                } else if req.method == Method::DELETE {
                    self.delete(i, store, cols, id, &request())
                } else if req.method == r.update_method {
                    self.update(i, store, cols, id, &request())
                } else {
                    no_route(req)
                }
            }
        };
        self.finish(reply, xml, &route.names)
    }

    /// Writes an error in the API's error body and a JSON answer as XML when XML is asked
    /// for (feature `xml`; JSON without it).
    fn finish(&self, mut reply: Reply, xml: bool, names: &Names) -> Reply {
        if let (Some(error), Some(body)) = (&reply.error, &self.error_body) {
            let (code, message) = &**error;
            let value = body(reply.status.as_u16(), code, message);
            let mut out = Reply::json(reply.status.as_u16(), &value);
            out.headers.extend(
                reply
                    .headers
                    .drain(..)
                    .filter(|(n, _)| n != header::CONTENT_TYPE && n != header::CONTENT_LENGTH),
            );
            out.error = reply.error.take();
            reply = out;
        }
        #[cfg(feature = "xml")]
        if xml {
            return super::render::to_xml(&self.xml, names, reply);
        }
        #[cfg(not(feature = "xml"))]
        let _ = (xml, names);
        reply
    }

    /// The item's path (base path included) under `params` with the id `id`.
    fn item_path(&self, i: usize, params: &[&str], id: &str) -> String {
        let mut all = params.to_vec();
        all.push(id);
        let path = crate::request::fill_path(&self.item_templates[i], &all).unwrap_or_else(|_| {
            format!(
                "{}/{id}",
                self.resources[i].collection.trim_end_matches('/')
            )
        });
        format!("{}{path}", self.base_path)
    }

    fn change(&self, i: usize, params: &[&str], id: &str, request: ActionRequest) -> Change {
        Change {
            request,
            collection: params.iter().map(|p| (*p).to_owned()).collect(),
            id: id.to_owned(),
            path: self.item_path(i, params, id),
        }
    }

    /// Stores a new item as a create would (required fields, id, hooks, lifecycle) when
    /// `request` is the create, or as it is for [`Simulator::seed`](super::Simulator::seed)
    /// when it is `None`; without an answer.
    pub(crate) fn insert_new(
        &self,
        i: usize,
        store: &mut Store,
        params: &[&str],
        body: Value,
        request: Option<ActionRequest>,
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
        if request.is_some()
            && let Some(missing) = r.required.iter().find(|f| is_missing(&obj, f))
        {
            return Err(Reply::error(
                400,
                "VALIDATION_ERROR",
                format!("missing required field `{missing}`"),
            ));
        }
        let mut id = match id_of(&obj, &r.id_field) {
            Some(id) => id,
            None => {
                let id = new_id(&r.id_style, store.state(&r.name));
                obj.insert(r.id_field.clone(), Value::String(id.clone()));
                id
            }
        };
        let mut value = Value::Object(obj);
        let create = request.is_some();
        if let Some(request) = request.filter(|_| !r.on_create.is_empty()) {
            let change = self.change(i, params, &id, request);
            for hook in &r.on_create {
                hook(store, &change, &mut value)?;
            }
            if let Some(changed) = value.as_object().and_then(|m| id_of(m, &r.id_field)) {
                id = changed;
            }
        }
        if store.entry_mut(&r.name, params, &id).is_some() {
            return Err(Reply::error(
                409,
                "CONFLICT",
                format!("{} `{id}` already exists", r.name),
            ));
        }
        let mut pending = None;
        if let (true, Some(lr)) = (create, &r.long_running) {
            set_field(&mut value, &lr.status_field, &lr.pending);
            pending = Some(next_lifecycle(store, r.state_key(), lr));
        }
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

    fn create(
        &self,
        i: usize,
        store: &mut Store,
        params: &[&str],
        mut req: ActionRequest,
    ) -> Reply {
        let r = &self.resources[i];
        // Hooks see the request's body beside the item made of it.
        let body = if r.on_create.is_empty() {
            std::mem::take(&mut req.body)
        } else {
            req.body.clone()
        };
        match self.insert_new(i, store, params, body, Some(req)) {
            Ok((id, value)) => {
                let default = if r.long_running.is_some() { 202 } else { 201 };
                let status = r.create_status.unwrap_or(default);
                self.answer(i, status, r.create_body, params, &id, &value)
            }
            Err(reply) => reply,
        }
    }

    /// Stores the [`implicit`](Resource::implicit) item `id` when the resource has one and
    /// it is not stored yet; `false` when the item does not exist.
    fn exists(&self, i: usize, store: &mut Store, params: &[&str], id: &str) -> bool {
        let r = &self.resources[i];
        if store.entry_mut(&r.name, params, id).is_some() {
            return true;
        }
        let Some(make) = &r.implicit else {
            return false;
        };
        let mut value = make(params, id);
        if let Value::Object(m) = &mut value {
            m.entry(r.id_field.clone())
                .or_insert_with(|| Value::String(id.to_owned()));
        }
        store.insert(&r.name, params, id, value);
        true
    }

    fn get(&self, i: usize, store: &mut Store, params: &[&str], id: &str) -> Reply {
        let r = &self.resources[i];
        if !self.exists(i, store, params, id) {
            return not_found(r, id);
        }
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
            p.reads += 1;
            if p.reads > p.polls {
                p.reads = 0;
                if let Some(status) = p.ahead.pop_front() {
                    set_field(&mut e.value, &lr.status_field, &status);
                    if let Some(entered) = lr.on_status {
                        (entered.0)(&mut e.value, &status);
                    }
                }
                if p.ahead.is_empty() {
                    e.pending = None;
                }
            }
        }
        let value = e.value.clone();
        Reply::json(200, &wrap(r, shown(r, value)))
    }

    fn update(
        &self,
        i: usize,
        store: &mut Store,
        params: &[&str],
        id: &str,
        req: &ActionRequest,
    ) -> Reply {
        let r = &self.resources[i];
        if !self.exists(i, store, params, id) {
            return not_found(r, id);
        }
        let body = match &req.body {
            Value::Null => Value::Object(Map::new()),
            b @ Value::Object(_) => b.clone(),
            _ => return Reply::error(400, "INVALID_BODY", "the body must be a JSON object"),
        };
        let Some(stored) = store.get(&r.name, params, id) else {
            return not_found(r, id);
        };
        let id_value = stored.get(&r.id_field).cloned();
        let mut value = match r.update {
            UpdateMode::Merge => {
                let mut v = stored.clone();
                merge(&mut v, body);
                v
            }
            UpdateMode::Replace => body,
        };
        if let (Some(v), Value::Object(m)) = (id_value, &mut value) {
            m.insert(r.id_field.clone(), v);
        }
        apply_defaults(&mut value, r.defaults.as_ref());
        strip(&mut value, &r.write_only);
        if !r.on_update.is_empty() {
            let change = self.change(i, params, id, req.clone());
            for hook in &r.on_update {
                if let Err(reply) = hook(store, &change, &mut value) {
                    return reply;
                }
            }
        }
        // An update of a long-running resource is reconfigured like a create: pending
        // again for the same number of reads.
        let lifecycle = r
            .long_running
            .as_ref()
            .map(|lr| (lr, next_lifecycle(store, r.state_key(), lr)));
        let Some(e) = store.entry_mut(&r.name, params, id) else {
            return not_found(r, id);
        };
        e.value = value;
        if let Some((lr, pending)) = lifecycle {
            set_field(&mut e.value, &lr.status_field, &lr.pending);
            e.pending = Some(pending);
        }
        let value = e.value.clone();
        self.answer(i, r.update_status, r.update_body, params, id, &value)
    }

    fn delete(
        &self,
        i: usize,
        store: &mut Store,
        params: &[&str],
        id: &str,
        req: &ActionRequest,
    ) -> Reply {
        let r = &self.resources[i];
        let Some(mut value) = store.get(&r.name, params, id).cloned() else {
            return not_found(r, id);
        };
        if !r.on_delete.is_empty() {
            let change = self.change(i, params, id, req.clone());
            for hook in &r.on_delete {
                if let Err(reply) = hook(store, &change, &mut value) {
                    return reply;
                }
            }
        }
        // A long-running delete marked to fail keeps the item and ends in the failure
        // status after the usual reads.
        let failing = r.delete_polls > 0 && r.long_running.is_some() && {
            let state = store.state(r.state_key());
            let fail = state.fail_next > 0;
            state.fail_next = state.fail_next.saturating_sub(1);
            fail
        };
        // set_polls applies to long-running deletes too.
        let delete_polls = if r.delete_polls > 0 {
            store.state(r.state_key()).polls.unwrap_or(r.delete_polls)
        } else {
            0
        };
        let Some(e) = store.entry_mut(&r.name, params, id) else {
            return not_found(r, id);
        };
        if failing {
            if let Some(lr) = &r.long_running {
                set_field(&mut e.value, &lr.status_field, &lr.pending);
                e.pending = Some(Pending {
                    ahead: [lr.failure.clone()].into(),
                    polls: delete_polls,
                    reads: 0,
                });
            }
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

    /// The list of the collection `params`, filtered by the query and by `fields` (item
    /// fields and the values they must have, as text).
    fn list(
        &self,
        i: usize,
        store: &Store,
        params: &[&str],
        req: &RecordedRequest,
        fields: &[(&str, &str)],
    ) -> Reply {
        let r = &self.resources[i];
        let mut stored = store.list(&r.name, params);
        if r.newest_first {
            stored.reverse();
        }
        let items: Vec<Value> = stored
            .into_iter()
            .filter(|v| {
                fields
                    .iter()
                    .all(|(f, want)| text(&v[*f]).as_deref() == Some(*want))
            })
            .filter(|v| {
                r.list_filter
                    .as_ref()
                    .is_none_or(|keep| keep(&req.query, v))
            })
            .map(|v| {
                let v = shown(r, v.clone());
                match &r.list_view {
                    Some(view) => view(&v),
                    None => v,
                }
            })
            .collect();
        let style = r.list.clone().unwrap_or(ListStyle::BareArray);
        match super::list::answer(&style, &items, &req.path, &req.query) {
            Ok(v) => Reply::json(200, &v).list_of(&style),
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
            ReplyBody::Resource => Reply::json(status, &wrap(r, shown(r, value.clone()))),
            ReplyBody::Url => Reply::json(status, &json!({ "url": self.item_path(i, params, id) })),
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
    match &r.not_found {
        Some((status, code, message)) => Reply::error(*status, code, message.clone()),
        None => Reply::error(404, "NOT_FOUND", format!("{} `{id}` not found", r.name)),
    }
}

/// The id an item's field holds: a non-empty string, or a number.
fn id_of(obj: &Map<String, Value>, field: &str) -> Option<String> {
    match obj.get(field) {
        Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    }
}

/// A scalar as text (`"a"`, `1`, `true`); `None` for `null`, arrays and objects.
fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(_) | Value::Bool(_) => Some(v.to_string()),
        _ => None,
    }
}

/// The item as answers show it: without its hidden fields.
fn shown(r: &Resource, mut value: Value) -> Value {
    strip(&mut value, &r.hidden);
    value
}

/// The lifecycle of a create or update: the statuses ahead to the end (success, failure
/// when one was asked for, or the end [`Simulator::end_next`](super::Simulator::end_next)
/// chose) and the reads per status (the resource's, or the count set at run time).
fn next_lifecycle(store: &mut Store, key: &str, lr: &LongRunning) -> Pending {
    let state = store.state(key);
    let end = if state.fail_next > 0 {
        state.fail_next -= 1;
        lr.failure.clone()
    } else {
        state.ends.pop_front().unwrap_or_else(|| lr.success.clone())
    };
    Pending {
        ahead: lr.path_to(&end),
        polls: state.polls.unwrap_or(lr.polls),
        reads: 0,
    }
}

/// Whether answers in `format` are XML.
fn is_xml(format: Format) -> bool {
    #[cfg(feature = "xml")]
    return format == Format::Xml;
    #[cfg(not(feature = "xml"))]
    {
        let _ = format;
        false
    }
}

/// Whether the request's `Accept` names XML.
fn accepts_xml(req: &RecordedRequest) -> bool {
    req.headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.to_ascii_lowercase().contains("xml"))
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

/// Reads the body as JSON, as XML (feature `xml`; the elements in `lists` always list
/// items), or as a form (an object of strings, repeated keys as arrays); `null` when empty.
fn parse_body(
    req: &RecordedRequest,
    keys: Option<fn(&str) -> String>,
    lists: &[&str],
) -> Result<Value, Reply> {
    #[cfg(not(feature = "xml"))]
    let _ = lists;
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
    #[cfg(feature = "xml")]
    if req
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.to_ascii_lowercase().contains("xml"))
    {
        let text = String::from_utf8_lossy(&req.body);
        return crate::format::xml_to_json_with(&text, lists).map_err(|e| {
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
            let k = match keys {
                Some(key) => key(&k),
                None => k.into_owned(),
            };
            match m.get_mut(&k) {
                Some(Value::Array(a)) => a.push(Value::String(v.into_owned())),
                Some(existing) => {
                    let first = existing.take();
                    *existing = Value::Array(vec![first, Value::String(v.into_owned())]);
                }
                None => {
                    m.insert(k, Value::String(v.into_owned()));
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
