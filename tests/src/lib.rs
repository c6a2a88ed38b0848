//! The catalog-driven wire conformance harness.
//!
//! For every operation of `fixtures/catalog/<api>.json` the harness mounts a `wiremock`
//! server answering the documented example response, calls the typed SDK method with the
//! documented example request (through a registry of one small closure per operation id),
//! and checks what reached the server (method, path, query, `Accept`, `Content-Type`, the
//! auth header, the body) and the round trip of the answer through the typed model.
//!
//! An API may say more through its [`Profile`]: the expected `Authorization` header (a
//! bearer token, or CPaaS's HTTP basic credential), the example value of a path parameter
//! its catalog gives none for (Sinch ids must be 32 hex characters), and the XML element
//! names of its operations, which runs every operation with a body in XML too. The `Accept`
//! expected per method comes from the catalog's `common.headers` when it has them (Sinch:
//! `text/html` on POST), else the body format's media type.
//!
//! Where the catalog has no example answer (most CPaaS operations), the answer is built
//! from the fields it lists, every one present, a paged list as two items in the
//! zero-indexed envelope of a last page. Form bodies (`application/x-www-form-urlencoded`)
//! compare as string pairs, a key may repeat. Date filters whose operator is part of the
//! key (`StartTime>=2019-05-01`) get an example range that must reach the query. Where the
//! catalog's `format_selection` says the path's suffix selects the format, an XML run asks
//! for `.xml` instead of `.json` and is answered the way that API answers XML (CPaaS: under
//! `<Response>`, in CamelCase, a list's paging values as attributes; see
//! [`xml::enveloped`]).

use std::collections::BTreeMap;
use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

pub mod apio;
pub mod axp;
pub mod cpaas;
pub mod sinch;
pub mod xml;

pub use xml::XmlNames;

/// The bearer token every conformance client sends.
pub const TOKEN: &str = "conformance-token";

/// The APIs whose crate exists: for them a missing or failing operation fails the test.
/// An API not listed is reported (`0/N`) but does not fail.
pub const ENFORCED: &[&str] = &["apio-callcenter", "axp-voice", "cpaas", "sinch-rci"];

/// A boxed future of a registry closure.
pub type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;

/// What a registry closure returns: the typed answer, serialised again.
pub type Outcome = Result<Value, String>;

/// How the typed answer is compared with the documented example.
#[derive(Debug, Clone, Copy)]
pub enum RoundTrip {
    /// The typed value equals the example at this JSON pointer (`""` for the whole).
    At(&'static str),
    /// Nothing to compare (an empty or `{}` answer that the SDK returns as `()`).
    Nothing(&'static str),
    /// The catalog's notes record a contradiction: compare at the pointer but accept a
    /// difference, naming the note.
    Differs {
        /// Where the value sits in the example.
        pointer: &'static str,
        /// The note of the catalog that explains the difference.
        note: &'static str,
    },
    /// The catalog's notes record a field the document spells otherwise than the SDK writes
    /// it: compare at the pointer with the SDK's key `sdk` read as `documented`, and name the
    /// note when that was needed. Every other difference fails.
    Renamed {
        /// Where the value sits in the example.
        pointer: &'static str,
        /// The key as the catalog lists it (`apiVersion`).
        documented: &'static str,
        /// The key as the SDK writes it (`api_version`).
        sdk: &'static str,
        /// The note of the catalog that explains the difference.
        note: &'static str,
    },
}

/// One registry entry: an operation id, how to call it, how to compare its answer.
#[derive(Debug, Clone, Copy)]
pub struct Case {
    /// The catalog id (`apio.call_centers.create`).
    pub op: &'static str,
    /// Calls the SDK.
    pub run: fn(Ctx) -> BoxFuture<Outcome>,
    /// How to compare the answer.
    pub round_trip: RoundTrip,
}

/// What a registry closure gets: the server's URL and the example values.
#[derive(Debug, Clone)]
pub struct Ctx {
    /// The mock server's base URL.
    pub base_url: String,
    /// The example path parameters.
    pub path_params: BTreeMap<String, String>,
    /// The example request body, if any.
    pub request: Option<Value>,
    /// The example query parameters. Sinch's printed examples are normalised: a field
    /// filter `name = Sales*` is the parameter `name` with the value `Sales*`, a sort
    /// `sort=id, name` is `sort` = `id,name`.
    pub query: BTreeMap<String, Value>,
    /// This run speaks XML: the client must be set to XML.
    pub xml: bool,
}

impl Ctx {
    /// A path parameter's example value.
    pub fn p(&self, name: &str) -> String {
        self.path_params.get(name).cloned().unwrap_or_default()
    }

    /// The example request decoded into the SDK's request type.
    pub fn request<T: DeserializeOwned>(&self) -> Result<T, String> {
        serde_json::from_value(self.request.clone().unwrap_or(Value::Null))
            .map_err(|e| format!("the example request does not fit the SDK's request type: {e}"))
    }

    /// A field of the example request (the id a link sends), as a string.
    pub fn request_field(&self, name: &str) -> Result<String, String> {
        self.request
            .as_ref()
            .and_then(|r| r.get(name))
            .and_then(Value::as_str)
            .map(str::to_owned)
            .ok_or_else(|| format!("the example request has no string `{name}`"))
    }

    /// A query value of the example, as a string.
    pub fn q(&self, name: &str) -> Option<String> {
        self.query.get(name).map(query_string)
    }

    /// Every value of a query parameter the example repeats (or its one value).
    pub fn q_all(&self, name: &str) -> Vec<String> {
        match self.query.get(name) {
            Some(Value::Array(values)) => values.iter().map(query_string).collect(),
            Some(one) => vec![query_string(one)],
            None => Vec::new(),
        }
    }

    /// Serialises the SDK's answer.
    pub fn value<T: Serialize>(&self, v: &T) -> Outcome {
        serde_json::to_value(v).map_err(|e| format!("the answer does not serialise: {e}"))
    }
}

pub use sdk_core::sim::test_http_client as http;

/// Turns an SDK error into a harness failure.
pub fn sdk(e: sdk_core::Error) -> String {
    format!("the SDK call failed: {e} ({e:?})")
}

/// One catalog file.
#[derive(Debug)]
pub struct Catalog {
    /// The API name (`apio-callcenter`).
    pub api: String,
    /// The path prefix of every operation.
    pub base_path: String,
    /// The raw operations.
    pub operations: Vec<Value>,
    /// The catalog's `common` block (headers per method), `null` when it has none.
    pub common: Value,
    /// How the API selects the format of its answers (CPaaS: the path suffix `.json` or
    /// `.xml`; XML enveloped in `<Response>`), `null` when it does not say.
    pub format_selection: Value,
    /// The paging values of list answers, each with its JSON key and its XML attribute
    /// (CPaaS), empty when the catalog lists none.
    pub pagination_fields: Vec<Value>,
}

impl Catalog {
    /// Loads `fixtures/catalog/<file>`.
    pub fn load(file: &str) -> Catalog {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/catalog")
            .join(file);
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let v: Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        Catalog {
            api: v["api"].as_str().unwrap_or_default().to_owned(),
            base_path: v["base_path"].as_str().unwrap_or_default().to_owned(),
            operations: v["operations"].as_array().cloned().unwrap_or_default(),
            common: v["common"].clone(),
            format_selection: v["format_selection"].clone(),
            pagination_fields: v["pagination_fields"]
                .as_array()
                .cloned()
                .unwrap_or_default(),
        }
    }

    /// `true` when the path's suffix selects the format: an XML run asks for `.xml` where
    /// the catalog's paths end in `.json`.
    fn suffix_selects_format(&self) -> bool {
        self.format_selection["rule"]
            .as_str()
            .is_some_and(|r| r.contains("suffix"))
    }

    /// `true` when XML answers are enveloped the CPaaS way ([`xml::enveloped`]).
    fn enveloped_xml(&self) -> bool {
        self.format_selection["xml"]
            .as_str()
            .is_some_and(|x| x.contains("<Response>"))
    }

    /// The XML attribute of a list's paging value `json_key` (`next_page_uri` is
    /// `nextpageuri`): as the catalog's `pagination_fields` name it, else the key without
    /// its underscores.
    fn paging_attribute(&self, json_key: &str) -> String {
        self.pagination_fields
            .iter()
            .find(|f| f["json"] == json_key)
            .and_then(|f| f["xml_attr"].as_str())
            .map_or_else(|| json_key.replace('_', ""), str::to_owned)
    }

    fn op(&self, id: &str) -> Option<&Value> {
        self.operations.iter().find(|o| o["id"] == id)
    }
}

/// The result of one API's run.
#[derive(Debug, Default)]
pub struct Report {
    /// Operations that passed every check.
    pub passed: Vec<String>,
    /// Operations with no registry entry.
    pub missing: Vec<String>,
    /// Operations that failed, with why.
    pub failed: Vec<(String, String)>,
    /// Accepted differences, with the note that explains each.
    pub noted: Vec<(String, String)>,
    /// Operations that also passed in XML.
    pub xml: Vec<String>,
}

/// What an API adds to its catalog for the harness.
#[derive(Debug, Clone)]
pub struct Profile {
    /// The expected `Authorization` header.
    pub auth: String,
    /// The value of a path parameter the catalog gives no example for.
    pub path_param: fn(&str) -> String,
    /// The XML element names of an operation: when set, every operation with a request
    /// body or a JSON answer runs again in XML, and one without names fails.
    pub xml: Option<fn(&str) -> Option<XmlNames>>,
}

impl Profile {
    /// JSON only, `Authorization: <auth>`, and [`default_path_param`].
    pub fn new(auth: impl Into<String>) -> Self {
        Profile {
            auth: auth.into(),
            path_param: default_path_param,
            xml: None,
        }
    }
}

/// The stable example value of a path parameter: the documents' own account id, `ABCDEF`,
/// for AXP accounts, else `<name>-0001`.
pub fn default_path_param(name: &str) -> String {
    match name {
        "accountId" => "ABCDEF".to_owned(),
        other => format!("{other}-0001"),
    }
}

/// Runs every operation of `catalog` through `cases`, in JSON, expecting
/// `Authorization: <expected_auth>`.
pub async fn run(catalog: &Catalog, cases: &[Case], expected_auth: &str) -> Report {
    run_with(catalog, cases, &Profile::new(expected_auth)).await
}

/// Runs every operation of `catalog` through `cases` as `profile` says: in JSON, and in XML
/// too for the operations with a body when the profile names XML elements.
pub async fn run_with(catalog: &Catalog, cases: &[Case], profile: &Profile) -> Report {
    let mut report = Report::default();
    for op in &catalog.operations {
        let id = op["id"].as_str().unwrap_or_default().to_owned();
        let Some(case) = cases.iter().find(|c| c.op == id) else {
            report.missing.push(id);
            continue;
        };
        let mut outcome = check(catalog, op, case, profile, None).await;
        if let (Ok(_), Some(names)) = (&outcome, profile.xml)
            && has_body(catalog, op)
        {
            outcome = match names(&id) {
                None => Err("no XML element names registered for this operation".to_owned()),
                Some(n) => match check(catalog, op, case, profile, Some(n)).await {
                    Ok(xml_note) => {
                        report.xml.push(id.clone());
                        outcome.map(|note| note.or(xml_note))
                    }
                    Err(why) => Err(format!("[xml] {why}")),
                },
            };
        }
        match outcome {
            Ok(note) => {
                if let Some(n) = note {
                    report.noted.push((id.clone(), n));
                }
                report.passed.push(id);
            }
            Err(why) => report.failed.push((id, why)),
        }
    }
    for case in cases {
        if catalog.op(case.op).is_none() {
            report.failed.push((
                case.op.to_owned(),
                "registered but not in the catalog".to_owned(),
            ));
        }
    }
    report
}

/// Fills `template` with `params`, each encoded as one path segment (a time zone's `/`
/// travels as `%2F`).
fn fill(template: &str, params: &BTreeMap<String, String>) -> String {
    let mut out = template.to_owned();
    for (k, v) in params {
        let encoded = sdk_core::request::encode_segment(k, v).unwrap_or_else(|_| v.clone());
        out = out.replace(&format!("{{{k}}}"), &encoded);
    }
    out
}

/// `true` when the operation sends a body or answers a JSON one (documented, or built from
/// the fields the catalog lists): those run in XML too.
fn has_body(catalog: &Catalog, op: &Value) -> bool {
    let r = &op["responses"][0];
    !op["request"].is_null()
        || (r["content_type"]
            .as_str()
            .is_some_and(|ct| ct.contains("json"))
            && (!r["example"].is_null()
                || !r["example_ref"].is_null()
                || synthesized_resource(catalog, r, 0).is_some()))
}

/// The `Accept` header a request of `method` must carry: the catalog's `common.headers`
/// value when it has one (`application/json (or application/xml)` reads as JSON, or XML
/// for an XML run), else the media type of the run's format.
fn expected_accept(catalog: &Catalog, method: &str, xml: bool) -> String {
    let format = if xml {
        "application/xml"
    } else {
        "application/json"
    };
    let Some(documented) = catalog.common["headers"][method]["Accept"].as_str() else {
        return format.to_owned();
    };
    match documented.split_once(" (or ") {
        Some((_, alt)) if xml => alt.trim_end_matches(')').trim().to_owned(),
        Some((json, _)) => json.trim().to_owned(),
        None => documented.trim().to_owned(),
    }
}

/// The example of a query parameter as it goes on the wire. The Sinch catalog prints its
/// examples as the document does: a field filter `name = Sales*` (the parameter is the
/// field; `keyword=sales, keyword=proble*,apple` repeats it, the values kept as an array),
/// a sort `sort=id, name,LOCALE-en` (sent without spaces), a flag `active=true`.
fn query_example(q: &Value) -> Option<(String, Value)> {
    let name = q["name"].as_str().unwrap_or_default();
    let example = &q["example"];
    if example.is_null() {
        return None;
    }
    let Some(text) = example.as_str() else {
        return Some((name.to_owned(), example.clone()));
    };
    let pair = |t: &str| {
        t.split_once('=')
            .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
    };
    Some(match q["kind"].as_str() {
        Some("field-filter") => {
            // Pieces without `=` continue the value before them (`proble*,apple`).
            let mut pairs: Vec<(String, String)> = Vec::new();
            for piece in text.split(',') {
                match (pair(piece), pairs.last_mut()) {
                    (Some(p), _) => pairs.push(p),
                    (None, Some((_, v))) => {
                        v.push(',');
                        v.push_str(piece.trim());
                    }
                    (None, None) => return None,
                }
            }
            let key = pairs.first()?.0.clone();
            let mut values: Vec<Value> = pairs
                .into_iter()
                .filter(|(k, _)| *k == key)
                .map(|(_, v)| Value::String(v))
                .collect();
            if values.len() == 1 {
                (key, values.remove(0))
            } else {
                (key, Value::Array(values))
            }
        }
        Some("sort") => {
            let v = text.trim().strip_prefix("sort=").unwrap_or(text);
            let v: Vec<&str> = v.split(',').map(str::trim).collect();
            (name.to_owned(), Value::String(v.join(",")))
        }
        _ => match pair(text) {
            Some((k, v)) if k == name => (k, Value::String(v)),
            _ => (name.to_owned(), example.clone()),
        },
    })
}

/// The field names the catalog knows for the resource of `op`, in any of its operations'
/// requests or answers (top-level names, as the wire spells them): what a body sent where
/// the catalog has no example may hold.
fn known_fields(catalog: &Catalog, op: &Value) -> Vec<String> {
    let resource = &op["resource"];
    let mut out = Vec::new();
    for o in catalog
        .operations
        .iter()
        .filter(|o| &o["resource"] == resource)
    {
        let lists = std::iter::once(&o["request"]["fields"]).chain(
            o["responses"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|r| &r["fields"]),
        );
        for f in lists.filter_map(Value::as_array).flatten() {
            let name = f["wire_path"].as_str().or(f["name"].as_str()).unwrap_or("");
            let head = name.split(['.', '[']).next().unwrap_or("").to_owned();
            if !head.is_empty() && !out.contains(&head) {
                out.push(head);
            }
        }
    }
    out
}

/// The documented response: the operation's own example, or the one it refers to, or
/// (where the catalog has neither, as for most CPaaS operations) one built from the fields
/// the catalog lists for it ([`synthesize`]); `uri` is the path asked, which a list answer
/// names as its own.
fn documented_response(
    catalog: &Catalog,
    op: &Value,
    uri: &str,
) -> (u16, Option<String>, Option<Value>) {
    let r = &op["responses"][0];
    let status = r["status"].as_u64().unwrap_or(200) as u16;
    let ct = r["content_type"].as_str().map(str::to_owned);
    let example = match &r["example"] {
        Value::Null => r["example_ref"]
            .as_str()
            .and_then(|reference| resolve_ref(catalog, reference))
            .cloned()
            .or_else(|| synthesize(catalog, r, uri)),
        v => Some(v.clone()),
    };
    (status, ct, example)
}

/// The first and last day of the example range of a date filter whose operator is part
/// of the key (CPaaS: `StartTime>=2019-05-01&StartTime<=2019-05-31`), as the catalog's
/// `YYYY-MM-DD`.
const DATE_RANGE: (&str, &str) = ("2019-05-01", "2019-05-31");

/// The example date of a filter `name` with the operator `op` (`>=` from, `<=` up to).
fn inequality_example(name: &str, op: &str) -> (String, Value) {
    let day = if op.starts_with('>') {
        DATE_RANGE.0
    } else {
        DATE_RANGE.1
    };
    (format!("{name}{op}"), Value::String(day.to_owned()))
}

/// The key a query parameter of the example travels under: a date inequality `StartTime>=`
/// is the key `StartTime>` (the `=` separates it from its value), any other name itself.
fn wire_key(name: &str) -> &str {
    match name.strip_suffix('=') {
        Some(head) if head.ends_with(['>', '<']) => head,
        _ => name,
    }
}

/// An answer built from the fields the catalog lists for a response without example: the
/// resource ([`synthesized_resource`]), or for a paged list (`items_key`) two of them in
/// the zero-indexed envelope of a last page (`next_page_uri` empty).
fn synthesize(catalog: &Catalog, r: &Value, uri: &str) -> Option<Value> {
    let item = synthesized_resource(catalog, r, 0)?;
    let Some(key) = r["items_key"].as_str() else {
        return Some(item);
    };
    let items = vec![item.clone(), item];
    let first = format!("{uri}?Page=0&PageSize=50");
    let mut page = serde_json::Map::new();
    for (k, v) in [
        ("page", Value::from(0)),
        ("page_size", Value::from(50)),
        ("num_pages", Value::from(1)),
        ("total", Value::from(items.len())),
        ("start", Value::from(0)),
        ("end", Value::from(items.len() - 1)),
        ("uri", Value::from(uri)),
        ("first_page_uri", Value::from(first.as_str())),
        ("previous_page_uri", Value::from("")),
        ("next_page_uri", Value::from("")),
        ("last_page_uri", Value::from(first.as_str())),
    ] {
        page.insert(k.to_owned(), v);
    }
    page.insert(key.to_owned(), Value::Array(items));
    Some(Value::Object(page))
}

/// The resource a response without example holds, every field the catalog lists present:
/// from its own `fields` (`item_fields` for a list), else from the response of the
/// operation its `fields_ref` / `items_fields_ref` names (that operation's example when it
/// has one). `None` when the catalog lists no fields.
fn synthesized_resource(catalog: &Catalog, r: &Value, depth: u8) -> Option<Value> {
    for key in ["item_fields", "fields"] {
        if let Some(fields) = r[key].as_array().filter(|f| !f.is_empty()) {
            return Some(resource_of(fields));
        }
    }
    let reference = r["fields_ref"]
        .as_str()
        .or(r["items_fields_ref"].as_str())?;
    let target = &catalog.op(reference.split('#').next()?)?["responses"][0];
    if target["items_key"].is_null() && target["example"].is_object() {
        return Some(target["example"].clone());
    }
    // A chain of references ends in fields; a loop in the catalog ends here.
    (depth < 4)
        .then(|| synthesized_resource(catalog, target, depth + 1))
        .flatten()
}

/// An object with one value per field (by its wire name: `wire_path`, `likely_wire_name`,
/// else `name`); subfields (`a.b`) fill their object, they are no fields of their own.
fn resource_of(fields: &[Value]) -> Value {
    let mut out = serde_json::Map::new();
    for f in fields {
        let name = f["name"].as_str().unwrap_or_default();
        if name.is_empty() || name.contains('.') {
            continue;
        }
        let wire = f["wire_path"]
            .as_str()
            .or(f["likely_wire_name"].as_str())
            .unwrap_or(name);
        let mut keys: Vec<String> = f["keys"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect();
        for sub in fields.iter().filter_map(|g| g["name"].as_str()) {
            if let Some(k) = sub.strip_prefix(name).and_then(|k| k.strip_prefix('.'))
                && !keys.iter().any(|have| have == k)
            {
                keys.push(k.to_owned());
            }
        }
        out.insert(wire.to_owned(), sample(f, &keys));
    }
    Value::Object(out)
}

/// An example value of a response field, by its type (the first of `a | b`): the first
/// documented enum value, else a number, a boolean, an RFC 2822 date (the documents' form),
/// a decimal string, a URL, `POST` for a `*_method`, or `<name>-example`. An object has
/// `keys`, each a URI, or a boolean where the field says its values are `True or False`.
fn sample(f: &Value, keys: &[String]) -> Value {
    let name = f["name"].as_str().unwrap_or_default();
    if let Some(first) = f["enum"]
        .as_array()
        .or(f["allowed_values"].as_array())
        .and_then(|a| a.first())
    {
        return first.clone();
    }
    let ty = f["type"].as_str().unwrap_or("string");
    let ty = ty.split('|').next().unwrap_or(ty).trim();
    if ty.starts_with("object") {
        let flags = f["description"]
            .as_str()
            .is_some_and(|d| d.contains("True or False"));
        return Value::Object(
            keys.iter()
                .map(|k| {
                    let v = if flags {
                        Value::Bool(true)
                    } else {
                        Value::String(format!("/v2/{name}/{k}"))
                    };
                    (k.clone(), v)
                })
                .collect(),
        );
    }
    if ty.starts_with("integer") {
        return Value::from(7);
    }
    if ty.starts_with("number") {
        return Value::from(1.5);
    }
    if ty.starts_with("boolean") {
        return Value::Bool(true);
    }
    let text = if ty.contains("date") {
        "Wed, 15 May 2019 17:29:06 -0000".to_owned()
    } else if ty.contains("decimal") {
        "0.0100".to_owned()
    } else if ty.contains("URL") {
        format!("https://example.com/{name}")
    } else if ty.contains("IPv4") {
        "192.0.2.10".to_owned()
    } else if ty.contains("\"true\"") {
        "true".to_owned()
    } else if name.ends_with("method") {
        "POST".to_owned()
    } else {
        format!("{name}-example")
    };
    Value::String(text)
}

/// Resolves an `example_ref`: `op`, `op#status` or `op#status[index]` (one item of a
/// list example).
fn resolve_ref<'a>(catalog: &'a Catalog, reference: &str) -> Option<&'a Value> {
    let (id, rest) = reference.split_once('#').unwrap_or((reference, ""));
    let (status, index) = match rest.split_once('[') {
        Some((s, i)) => (s, i.trim_end_matches(']').parse::<usize>().ok()),
        None => (rest, None),
    };
    let responses = catalog.op(id)?["responses"].as_array()?;
    let response = responses
        .iter()
        .find(|r| {
            r["status"]
                .as_u64()
                .is_some_and(|s| s.to_string() == status)
        })
        .or_else(|| responses.first())?;
    let example = &response["example"];
    let example = match index {
        Some(i) => example.get(i)?,
        None => example,
    };
    (!example.is_null()).then_some(example)
}

fn query_string(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// One run of one operation: in JSON (`xml` is `None`) or in XML with these element names.
async fn check(
    catalog: &Catalog,
    op: &Value,
    case: &Case,
    profile: &Profile,
    xml: Option<XmlNames>,
) -> Result<Option<String>, String> {
    let server = MockServer::start().await;

    let mut path_params: BTreeMap<String, String> = op["example_path_params"]
        .as_object()
        .map(|m| {
            m.iter()
                .map(|(k, v)| (k.clone(), query_string(v)))
                .collect()
        })
        .unwrap_or_default();
    // Catalogs without example values get a stable one per parameter, from the profile.
    for name in op["path_params"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
    {
        path_params
            .entry(name.to_owned())
            .or_insert_with(|| (profile.path_param)(name));
    }
    let mut want_path = format!(
        "{}{}",
        catalog.base_path,
        fill(op["path"].as_str().unwrap_or_default(), &path_params)
    );
    if xml.is_some()
        && catalog.suffix_selects_format()
        && let Some(stem) = want_path.strip_suffix(".json")
    {
        want_path = format!("{stem}.xml");
    }

    let (status, ct, example) = documented_response(catalog, op, &want_path);
    let example = example.as_ref();
    let mut template = ResponseTemplate::new(status);
    if let Some(ex) = example {
        let is_json = ct.as_deref().is_none_or(|c| c.contains("json"));
        template = match (ex, is_json, xml) {
            // A bare id answered as text/html, a text/plain message: the text itself.
            (Value::String(text), false, _) => template.set_body_raw(
                text.clone().into_bytes(),
                ct.as_deref().unwrap_or("text/plain"),
            ),
            (_, true, Some(names)) if catalog.enveloped_xml() => template.set_body_raw(
                xml::enveloped(names, ex, &|k| catalog.paging_attribute(k)).into_bytes(),
                "application/xml",
            ),
            (_, true, Some(names)) => template.set_body_raw(
                xml::from_json(names.answer_root(ex), names.item(), ex).into_bytes(),
                "application/xml",
            ),
            _ => {
                let body = serde_json::to_vec(ex).map_err(|e| e.to_string())?;
                template.set_body_raw(body, ct.as_deref().unwrap_or("application/json"))
            }
        };
    }
    Mock::given(any())
        .respond_with(template)
        .mount(&server)
        .await;

    let mut query: BTreeMap<String, Value> = op["query_params"]
        .as_array()
        .map(|qs| qs.iter().filter_map(query_example).collect())
        .unwrap_or_default();
    // A date filter whose operator is part of the key gets an example range.
    for q in op["query_params"].as_array().into_iter().flatten() {
        let name = q["name"].as_str().unwrap_or_default();
        for o in q["inequality_operators"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            let (k, v) = inequality_example(name, o);
            query.entry(k).or_insert(v);
        }
    }
    let request = op["request"]["example"].clone();
    let ctx = Ctx {
        base_url: server.uri(),
        path_params: path_params.clone(),
        request: (!request.is_null()).then_some(request.clone()),
        query: query.clone(),
        xml: xml.is_some(),
    };
    let answer = (case.run)(ctx).await?;

    let received = server.received_requests().await.unwrap_or_default();
    let Some(req) = received.first() else {
        return Err("no request reached the server".to_owned());
    };
    if received.len() != 1 {
        return Err(format!(
            "{} requests reached the server, expected 1",
            received.len()
        ));
    }
    let method = op["method"].as_str().unwrap_or_default();
    if req.method.as_str() != method {
        return Err(format!("method {} != {method}", req.method));
    }
    if req.url.path() != want_path {
        return Err(format!("path {} != {want_path}", req.url.path()));
    }
    let got_query: Vec<(String, String)> = req
        .url
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    for (k, v) in &query {
        let wanted = match v {
            Value::Array(values) => values.iter().map(query_string).collect(),
            one => vec![query_string(one)],
        };
        let k = wire_key(k);
        for want in wanted {
            if !got_query.iter().any(|(gk, gv)| gk == k && *gv == want) {
                return Err(format!(
                    "query parameter {k}={want} missing from {got_query:?}"
                ));
            }
        }
    }
    let header = |name: &str| {
        req.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let want_accept = expected_accept(catalog, method, xml.is_some());
    if header("accept").as_deref() != Some(want_accept.as_str()) {
        return Err(format!("Accept {:?} != {want_accept}", header("accept")));
    }
    if header("authorization").as_deref() != Some(profile.auth.as_str()) {
        return Err(format!(
            "Authorization header {:?} is not the expected credential",
            header("authorization").map(|_| "<set>")
        ));
    }
    if op["request"].is_null() {
        if !req.body.is_empty() {
            return Err(format!(
                "a body was sent where none is documented: {}",
                String::from_utf8_lossy(&req.body)
            ));
        }
    } else {
        check_body(
            catalog,
            op,
            &request,
            &req.body,
            header("content-type"),
            xml,
        )?;
    }

    let compare_with = |answer: &Value, pointer: &str| -> Result<bool, String> {
        let want = example
            .and_then(|e| e.pointer(pointer))
            .ok_or("the example has nothing at the pointer")?;
        Ok(match xml {
            Some(names) if !want.is_string() => {
                let root = names.answer_root(want);
                xml::tree(&xml::from_json(root, names.item(), answer))?
                    == xml::tree(&xml::from_json(root, names.item(), want))?
            }
            _ => answer == want,
        })
    };
    let compare = |pointer: &str| compare_with(&answer, pointer);
    match case.round_trip {
        RoundTrip::Nothing(_) => Ok(None),
        RoundTrip::Renamed {
            pointer,
            documented,
            sdk,
            note,
        } => {
            if compare(pointer)? {
                return Ok(None);
            }
            let renamed = rename_key(&answer, sdk, documented);
            if !compare_with(&renamed, pointer)? {
                let want = example.and_then(|e| e.pointer(pointer));
                return Err(format!(
                    "round trip (`{sdk}` read as `{documented}`): typed {renamed} != documented {}",
                    want.unwrap_or(&Value::Null)
                ));
            }
            Ok(Some(note.to_owned()))
        }
        RoundTrip::At(pointer) => {
            if !compare(pointer)? {
                let want = example.and_then(|e| e.pointer(pointer));
                return Err(format!(
                    "round trip: typed {answer} != documented {}",
                    want.unwrap_or(&Value::Null)
                ));
            }
            Ok(None)
        }
        RoundTrip::Differs { pointer, note } => Ok((!compare(pointer)?).then(|| note.to_owned())),
    }
}

/// `v` with every object key `from` (at any depth) named `to`.
fn rename_key(v: &Value, from: &str, to: &str) -> Value {
    match v {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let k = if k == from { to } else { k.as_str() };
                    (k.to_owned(), rename_key(v, from, to))
                })
                .collect(),
        ),
        Value::Array(items) => {
            Value::Array(items.iter().map(|i| rename_key(i, from, to)).collect())
        }
        other => other.clone(),
    }
}

/// Checks the body sent: its `Content-Type`, and that it is the documented example (as a
/// normalised element tree in XML, as string pairs for a form, [`check_form`]); where the
/// catalog has no example, that it is an object of the fields the catalog knows for the
/// resource (for a form: of the request's fields).
fn check_body(
    catalog: &Catalog,
    op: &Value,
    example: &Value,
    sent: &[u8],
    content_type: Option<String>,
    xml: Option<XmlNames>,
) -> Result<(), String> {
    let documented_ct = op["request"]["content_type"]
        .as_str()
        .unwrap_or("application/json");
    // A form stays a form in an XML run: only the answer's format changes.
    let form = documented_ct == FORM;
    let want_ct = if xml.is_some() && !form {
        "application/xml"
    } else {
        documented_ct
    };
    if content_type.as_deref() != Some(want_ct) {
        return Err(format!("Content-Type {content_type:?} != {want_ct}"));
    }
    if form {
        return check_form(op, example, sent);
    }
    let text = String::from_utf8_lossy(sent);
    match xml {
        Some(names) => {
            let got = xml::tree(&text).map_err(|e| format!("the body sent is not XML: {e}"))?;
            if got.name != names.root {
                return Err(format!(
                    "XML root <{}> != <{}>: {text}",
                    got.name, names.root
                ));
            }
            if example.is_null() {
                let known = known_fields(catalog, op);
                if let Some(c) = got.children.iter().find(|c| !known.contains(&c.name)) {
                    return Err(format!("<{}> is no field of this resource: {text}", c.name));
                }
            } else {
                let want = xml::tree(&xml::from_json(names.root, None, example))?;
                if got != want {
                    return Err(format!(
                        "body sent {text} != documented {}",
                        xml::from_json(names.root, None, example)
                    ));
                }
            }
        }
        None => {
            let got: Value = serde_json::from_slice(sent)
                .map_err(|e| format!("the body sent is not JSON: {e}"))?;
            if example.is_null() {
                let known = known_fields(catalog, op);
                let Some(obj) = got.as_object() else {
                    return Err(format!("the body sent is not an object: {got}"));
                };
                if let Some(k) = obj.keys().find(|k| !known.contains(k)) {
                    return Err(format!("`{k}` is no field of this resource: {got}"));
                }
            } else if &got != example {
                return Err(format!("body sent {got} != documented {example}"));
            }
        }
    }
    Ok(())
}

/// The media type of a form body.
const FORM: &str = "application/x-www-form-urlencoded";

/// Checks a form body: its pairs (a key may repeat), read as strings, are the documented
/// example's (an array value is the key repeated, numbers and booleans compare as their
/// text); where the catalog has no example, every key sent is one of the request's fields.
fn check_form(op: &Value, example: &Value, sent: &[u8]) -> Result<(), String> {
    let text = String::from_utf8_lossy(sent);
    let mut got: Vec<(String, String)> = url::form_urlencoded::parse(sent).into_owned().collect();
    got.sort();
    if example.is_null() {
        let known: Vec<&str> = op["request"]["fields"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|f| {
                ["name", "wire_path", "likely_wire_name"]
                    .into_iter()
                    .filter_map(|k| f[k].as_str())
            })
            .collect();
        if let Some((k, _)) = got.iter().find(|(k, _)| !known.contains(&k.as_str())) {
            return Err(format!(
                "form body: `{k}` is no field of this request: {text}"
            ));
        }
        return Ok(());
    }
    let Some(fields) = example.as_object() else {
        return Err(format!("the documented form {example} is not an object"));
    };
    let mut want: Vec<(String, String)> = Vec::new();
    for (k, v) in fields {
        match v {
            Value::Array(values) => {
                want.extend(values.iter().map(|v| (k.clone(), query_string(v))));
            }
            Value::Null => {}
            one => want.push((k.clone(), query_string(one))),
        }
    }
    want.sort();
    if got != want {
        return Err(format!(
            "form body sent {text} != documented {}",
            url::form_urlencoded::Serializer::new(String::new())
                .extend_pairs(&want)
                .finish()
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn form_op() -> Value {
        json!({"request": {"content_type": FORM, "fields": [
            {"name": "To"}, {"name": "MediaUrl", "repeatable": true},
            {"name": "HearbeatMethod", "likely_wire_name": "HeartbeatMethod"}
        ]}})
    }

    #[test]
    fn forms_compare_as_string_pairs_with_repeated_keys() {
        let op = form_op();
        let example = json!({"To": "+1555", "MediaUrl": ["https://a", "https://b"], "Loop": 2});
        let sent = b"MediaUrl=https%3A%2F%2Fb&To=%2B1555&Loop=2&MediaUrl=https%3A%2F%2Fa";
        assert_eq!(check_form(&op, &example, sent), Ok(()));
        let once = b"To=%2B1555&Loop=2&MediaUrl=https%3A%2F%2Fa";
        assert!(check_form(&op, &example, once).is_err());
        let other = b"MediaUrl=https%3A%2F%2Fb&To=%2B1666&Loop=2&MediaUrl=https%3A%2F%2Fa";
        assert!(check_form(&op, &example, other).is_err());
        // Without example: the keys must be fields of the request, by either spelling.
        assert_eq!(
            check_form(&op, &Value::Null, b"To=1&HeartbeatMethod=GET"),
            Ok(())
        );
        let unknown = check_form(&op, &Value::Null, b"To=1&Loop=2").expect_err("unknown key");
        assert!(unknown.contains("no field"), "{unknown}");
    }

    #[test]
    fn a_documented_spelling_is_read_back_at_any_depth() {
        let typed = json!({"page": 0, "items": [{"api_version": "v2", "sid": "A"}]});
        assert_eq!(
            rename_key(&typed, "api_version", "apiVersion"),
            json!({"page": 0, "items": [{"apiVersion": "v2", "sid": "A"}]})
        );
    }

    #[test]
    fn date_inequalities_travel_with_the_operator_in_the_key() {
        assert_eq!(
            inequality_example("StartTime", ">="),
            ("StartTime>=".to_owned(), json!("2019-05-01"))
        );
        assert_eq!(wire_key("StartTime>="), "StartTime>");
        assert_eq!(wire_key("DateSent<="), "DateSent<");
        assert_eq!(wire_key("PageSize"), "PageSize");
    }

    #[test]
    fn answers_are_built_from_the_catalog_fields() {
        let catalog = Catalog {
            api: "x".to_owned(),
            base_path: "/v2".to_owned(),
            operations: vec![
                json!({"id": "x.things.get", "responses": [{"fields": [
                    {"name": "sid", "type": "string"},
                    {"name": "hearbeat_method", "type": "string", "likely_wire_name": "heartbeat_method"},
                    {"name": "count", "type": "integer | string"},
                    {"name": "status", "type": "string (enum)", "enum": ["queued", "sent"]},
                    {"name": "links", "type": "object", "keys": ["a"]},
                    {"name": "links.b", "type": "string"}
                ]}]}),
                json!({"id": "x.things.list", "responses": [{
                    "items_key": "things", "items_fields_ref": "x.things.get"
                }]}),
            ],
            common: Value::Null,
            format_selection: Value::Null,
            pagination_fields: Vec::new(),
        };
        let thing = json!({
            "sid": "sid-example", "heartbeat_method": "POST", "count": 7, "status": "queued",
            "links": {"a": "/v2/links/a", "b": "/v2/links/b"}
        });
        let get = &catalog.operations[0]["responses"][0];
        assert_eq!(
            synthesize(&catalog, get, "/v2/t/1.json"),
            Some(thing.clone())
        );
        let list = &catalog.operations[1]["responses"][0];
        let page = synthesize(&catalog, list, "/v2/t.json").expect("a page");
        assert_eq!(page["things"], json!([thing.clone(), thing]));
        assert_eq!(page["next_page_uri"], "");
        assert_eq!(page["total"], 2);
        assert_eq!(page["first_page_uri"], "/v2/t.json?Page=0&PageSize=50");
        assert!(synthesize(&catalog, &json!({"status": 200}), "/").is_none());
    }
}
