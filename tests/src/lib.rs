//! The catalog-driven wire conformance harness.
//!
//! For every operation of `fixtures/catalog/<api>.json` the harness mounts a `wiremock`
//! server answering the documented example response, calls the typed SDK method with the
//! documented example request (through a registry of one small closure per operation id),
//! and checks what reached the server (method, path, query, `Accept`, `Content-Type`, the
//! auth header, the body) and the round trip of the answer through the typed model.

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

/// The bearer token every conformance client sends.
pub const TOKEN: &str = "conformance-token";

/// The APIs whose crate exists: for them a missing or failing operation fails the test.
/// An API not listed is reported (`0/N`) but does not fail.
pub const ENFORCED: &[&str] = &["apio-callcenter", "axp-voice"];

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
    /// The example query parameters.
    pub query: BTreeMap<String, Value>,
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

    /// Serialises the SDK's answer.
    pub fn value<T: Serialize>(&self, v: &T) -> Outcome {
        serde_json::to_value(v).map_err(|e| format!("the answer does not serialise: {e}"))
    }
}

/// One connection pool for every client of the harness: building a TLS-capable client
/// costs more than a conformance case.
pub fn http() -> sdk_core::HttpClient {
    static HTTP: std::sync::OnceLock<sdk_core::HttpClient> = std::sync::OnceLock::new();
    HTTP.get_or_init(sdk_core::HttpClient::new).clone()
}

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
        }
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
}

/// Runs every operation of `catalog` through `cases`.
pub async fn run(catalog: &Catalog, cases: &[Case], expected_auth: &str) -> Report {
    let mut report = Report::default();
    for op in &catalog.operations {
        let id = op["id"].as_str().unwrap_or_default().to_owned();
        let Some(case) = cases.iter().find(|c| c.op == id) else {
            report.missing.push(id);
            continue;
        };
        match check(catalog, op, case, expected_auth).await {
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

fn fill(template: &str, params: &BTreeMap<String, String>) -> String {
    let mut out = template.to_owned();
    for (k, v) in params {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

/// The documented response: the operation's own example, or the one it refers to.
fn documented_response<'a>(
    catalog: &'a Catalog,
    op: &'a Value,
) -> (u16, Option<String>, Option<&'a Value>) {
    let r = &op["responses"][0];
    let status = r["status"].as_u64().unwrap_or(200) as u16;
    let ct = r["content_type"].as_str().map(str::to_owned);
    let example = match &r["example"] {
        Value::Null => r["example_ref"]
            .as_str()
            .and_then(|reference| resolve_ref(catalog, reference)),
        v => Some(v),
    };
    (status, ct, example)
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

async fn check(
    catalog: &Catalog,
    op: &Value,
    case: &Case,
    expected_auth: &str,
) -> Result<Option<String>, String> {
    let server = MockServer::start().await;
    let (status, ct, example) = documented_response(catalog, op);
    let mut template = ResponseTemplate::new(status);
    if let Some(ex) = example {
        let body = serde_json::to_vec(ex).map_err(|e| e.to_string())?;
        template = template.set_body_raw(body, ct.as_deref().unwrap_or("application/json"));
    }
    Mock::given(any())
        .respond_with(template)
        .mount(&server)
        .await;

    let mut path_params: BTreeMap<String, String> = op["example_path_params"]
        .as_object()
        .map(|m| {
            m.iter()
                .map(|(k, v)| (k.clone(), query_string(v)))
                .collect()
        })
        .unwrap_or_default();
    // Catalogs without example values get a stable one per parameter (the documents' own
    // account id, `ABCDEF`, for AXP accounts).
    for name in op["path_params"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
    {
        path_params
            .entry(name.to_owned())
            .or_insert_with(|| match name {
                "accountId" => "ABCDEF".to_owned(),
                other => format!("{other}-0001"),
            });
    }
    let query: BTreeMap<String, Value> = op["query_params"]
        .as_array()
        .map(|qs| {
            qs.iter()
                .filter(|q| !q["example"].is_null())
                .map(|q| {
                    (
                        q["name"].as_str().unwrap_or_default().to_owned(),
                        q["example"].clone(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let request = op["request"]["example"].clone();
    let ctx = Ctx {
        base_url: server.uri(),
        path_params: path_params.clone(),
        request: (!request.is_null()).then_some(request.clone()),
        query: query.clone(),
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
    let want_path = format!(
        "{}{}",
        catalog.base_path,
        fill(op["path"].as_str().unwrap_or_default(), &path_params)
    );
    if req.url.path() != want_path {
        return Err(format!("path {} != {want_path}", req.url.path()));
    }
    let got_query: Vec<(String, String)> = req
        .url
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    for (k, v) in &query {
        let want = query_string(v);
        if !got_query.iter().any(|(gk, gv)| gk == k && *gv == want) {
            return Err(format!(
                "query parameter {k}={want} missing from {got_query:?}"
            ));
        }
    }
    let header = |name: &str| {
        req.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    if header("accept").as_deref() != Some("application/json") {
        return Err(format!("Accept {:?} != application/json", header("accept")));
    }
    if header("authorization").as_deref() != Some(expected_auth) {
        return Err(format!(
            "Authorization header {:?} is not the expected credential",
            header("authorization").map(|_| "<set>")
        ));
    }
    if request.is_null() {
        if !req.body.is_empty() {
            return Err(format!(
                "a body was sent where none is documented: {}",
                String::from_utf8_lossy(&req.body)
            ));
        }
    } else {
        let want_ct = op["request"]["content_type"]
            .as_str()
            .unwrap_or("application/json");
        if header("content-type").as_deref() != Some(want_ct) {
            return Err(format!(
                "Content-Type {:?} != {want_ct}",
                header("content-type")
            ));
        }
        let sent: Value = serde_json::from_slice(&req.body)
            .map_err(|e| format!("the body sent is not JSON: {e}"))?;
        if sent != request {
            return Err(format!("body sent {sent} != documented {request}"));
        }
    }

    match case.round_trip {
        RoundTrip::Nothing(_) => Ok(None),
        RoundTrip::At(pointer) => {
            let want = example
                .and_then(|e| e.pointer(pointer))
                .ok_or("the example has nothing at the pointer")?;
            if &answer != want {
                return Err(format!("round trip: typed {answer} != documented {want}"));
            }
            Ok(None)
        }
        RoundTrip::Differs { pointer, note } => {
            let want = example
                .and_then(|e| e.pointer(pointer))
                .ok_or("the example has nothing at the pointer")?;
            Ok((&answer != want).then(|| note.to_owned()))
        }
    }
}
