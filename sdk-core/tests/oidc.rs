//! The client-credentials provider against a real OpenID provider: `oidc-provider` (an
//! OpenID-certified implementation) run with node from `tests/oidc-provider/` at the
//! workspace root, its token endpoint at the Keycloak path the AXP token URL has. A
//! loopback API server accepts a bearer token only when the provider's introspection
//! endpoint says it is active.
//!
//! Needs `node` and `npm ci --prefix tests/oidc-provider`. Without them the tests say so and
//! return, except with `CI=true`, where they fail.

mod support;

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use sdk_core::{
    Auth, ClientAuthMethod, ClientCredentials, ErrorKind, RequestSpec, TokenProvider, Transport,
};
use secrecy::ExposeSecret;
use serde_json::Value;
use support::{base64, capture_tracing};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

const TOKEN_PATH: &str = "/auth/realms/ABCDEF/protocol/openid-connect/token";
const INTROSPECTION_PATH: &str = "/auth/realms/ABCDEF/protocol/openid-connect/token/introspect";
const API_PATH: &str = "/api/things/1";

/// The clients `server.mjs` registers: id, secret.
const BASIC: (&str, &str) = ("basic-client", "basic-secret-0123456789");
const POST: (&str, &str) = ("post-client", "post-secret-0123456789");
const SPECIAL: (&str, &str) = ("special-client", SPECIAL_SECRET);
const SPECIAL_POST: (&str, &str) = ("special-post-client", SPECIAL_SECRET);
/// Its tokens live 2 s.
const SHORT: (&str, &str) = ("short-client", "short-secret-0123456789");
/// Its tokens live `RENEWAL_TTL`.
const RENEWAL: (&str, &str) = ("renewal-client", "renewal-secret-0123456789");
const API_SERVER: (&str, &str) = ("api-server", "api-server-secret-0123456789");
/// Every character that form-encoding changes. The provider takes printable ASCII only
/// (RFC 6749 appendix A.2); tests/auth.rs covers non-ASCII secrets on the wire.
const SPECIAL_SECRET: &str = "Pa+ss/wo:rd %2F 100%&=?#~";
const WRONG_SECRET: &str = "wrong-secret-0123456789";
/// Long enough that a token renewed at half its lifetime is still valid at the provider,
/// whose `exp` is whole seconds (up to 1 s earlier than `expires_in` says).
const RENEWAL_TTL: Duration = Duration::from_secs(3);
/// The resource indicator the provider knows; its tokens carry only this scope.
const RESOURCE: &str = "https://api.example.test/voice";

// ---------------------------------------------------------------------------------------
// The provider process

/// A running `node server.mjs`, killed when dropped.
struct Idp {
    child: Child,
    base: String,
    stderr: Arc<Mutex<String>>,
}

impl Drop for Idp {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("sdk-core is in the workspace")
        .join("tests/oidc-provider")
}

/// Why the provider cannot run here, if it cannot.
fn missing_prerequisite() -> Option<String> {
    let dir = fixture_dir();
    match Command::new("node").arg("--version").output() {
        Ok(out) if out.status.success() => {}
        Ok(out) => return Some(format!("`node --version` failed: {}", out.status)),
        Err(e) => return Some(format!("`node` cannot be run: {e}")),
    }
    if !dir
        .join("node_modules/oidc-provider/package.json")
        .is_file()
    {
        return Some(format!(
            "{} has no node_modules: run `npm ci --prefix tests/oidc-provider`",
            dir.display()
        ));
    }
    None
}

impl Idp {
    /// Starts the provider on a free port, or returns `None` (loudly) when node or the
    /// fixture's node_modules is missing. With `CI=true` a missing prerequisite fails.
    fn start() -> Option<Idp> {
        if let Some(why) = missing_prerequisite() {
            if std::env::var("CI").is_ok_and(|v| v == "true") {
                panic!("oidc: the OpenID provider test cannot run: {why}");
            }
            // Straight to the process's stderr, which the test harness does not capture.
            let _ = writeln!(
                std::io::stderr(),
                "\n!!!!!!!! oidc: SKIPPED, the OpenID provider test did not run: {why} !!!!!!!!\n"
            );
            return None;
        }
        let mut child = Command::new("node")
            .arg("server.mjs")
            .arg("0")
            .current_dir(fixture_dir())
            // it stops when its stdin closes, should this process die without dropping it
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("node starts");
        let stderr = Arc::new(Mutex::new(String::new()));
        let mut err_pipe = child.stderr.take().expect("piped");
        let sink = stderr.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = err_pipe.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .expect("stderr lock")
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        // The port is the first line that is only digits; oidc-provider's notices are other
        // lines. The pipe is drained to the end so the provider never blocks on it.
        let (port_tx, port_rx) = std::sync::mpsc::channel();
        let out_pipe = child.stdout.take().expect("piped");
        std::thread::spawn(move || {
            let mut sent = false;
            for line in BufReader::new(out_pipe).lines().map_while(Result::ok) {
                if !sent && let Ok(port) = line.trim().parse::<u16>() {
                    let _ = port_tx.send(port);
                    sent = true;
                }
            }
        });
        let mut idp = Idp {
            child,
            base: String::new(),
            stderr,
        };
        match port_rx.recv_timeout(Duration::from_secs(30)) {
            Ok(port) => idp.base = format!("http://127.0.0.1:{port}"),
            Err(_) => panic!(
                "oidc: the provider printed no port (exit: {:?}); its stderr:\n{}",
                idp.child.try_wait(),
                idp.stderr.lock().expect("stderr lock")
            ),
        }
        Some(idp)
    }

    fn token_url(&self) -> String {
        format!("{}{TOKEN_PATH}", self.base)
    }

    /// A provider for `client`, with no caching shared with any other.
    fn client(&self, (id, secret): (&str, &str), method: ClientAuthMethod) -> ClientCredentials {
        self.builder((id, secret), method)
            .build()
            .expect("test setup")
    }

    fn builder(
        &self,
        (id, secret): (&str, &str),
        method: ClientAuthMethod,
    ) -> sdk_core::auth::ClientCredentialsBuilder {
        ClientCredentials::builder(self.token_url(), id, secret)
            .client_auth_method(method)
            .scopes(["voice-admin"])
            .allow_http(true)
    }

    fn plain(&self) -> Transport {
        Transport::builder()
            .base_url(&self.base)
            .allow_http(true)
            .no_auth()
            .build()
            .expect("test setup")
    }

    /// What the token endpoint was asked so far.
    async fn stats(&self) -> Stats {
        let raw: Value = self
            .plain()
            .execute(RequestSpec::get("oidc.stats", "/stats", &[]))
            .await
            .expect("stats");
        Stats {
            token_requests: raw["token_requests"].as_u64().expect("a count"),
            raw,
        }
    }
}

/// The `/stats` of `server.mjs`.
struct Stats {
    /// Requests to the token endpoint, answered or refused.
    token_requests: u64,
    raw: Value,
}

impl Stats {
    /// Tokens issued to `client`.
    fn issued_to(&self, client: &str) -> u64 {
        self.raw["issued"][client].as_u64().unwrap_or(0)
    }

    /// Token requests of `client` that the provider refused.
    fn failed_for(&self, client: &str) -> u64 {
        self.raw["failed"][client].as_u64().unwrap_or(0)
    }
}

/// RFC 7662 introspection of `token` at the provider, as the API server's client.
async fn introspect(idp_base: &str, token: &str) -> Value {
    let t = Transport::builder()
        .base_url(idp_base)
        .allow_http(true)
        .auth(Auth::basic(API_SERVER.0, API_SERVER.1))
        .build()
        .expect("test setup");
    let mut form = HashMap::new();
    form.insert("token", token);
    t.execute(RequestSpec::post("oidc.introspect", INTROSPECTION_PATH, &[]).form(&form))
        .await
        .expect("introspection answers")
}

// ---------------------------------------------------------------------------------------
// The API server

/// Accepts a bearer token when the provider says it is active (asking once per token, then
/// checking its `exp`); answers 401 otherwise. Records what it saw.
#[derive(Clone)]
struct Api {
    idp_base: String,
    /// token -> its introspection
    known: Arc<Mutex<HashMap<String, Value>>>,
    /// the bearer of each request, in order, and whether it was accepted
    seen: Arc<Mutex<Vec<(String, bool)>>>,
    rejected: Arc<AtomicUsize>,
}

impl Api {
    fn new(idp: &Idp) -> Api {
        Api {
            idp_base: idp.base.clone(),
            known: Arc::default(),
            seen: Arc::default(),
            rejected: Arc::default(),
        }
    }

    async fn mount(&self) -> MockServer {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path(API_PATH))
            .respond_with(self.clone())
            .mount(&server)
            .await;
        server
    }

    fn introspection(&self, token: &str) -> Value {
        if let Some(v) = self.known.lock().expect("lock").get(token) {
            return v.clone();
        }
        // The responder is not async: ask from a thread with its own runtime.
        let (base, t) = (self.idp_base.clone(), token.to_owned());
        let v = std::thread::spawn(move || {
            tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime")
                .block_on(introspect(&base, &t))
        })
        .join()
        .expect("introspection thread");
        self.known
            .lock()
            .expect("lock")
            .insert(token.to_owned(), v.clone());
        v
    }

    fn bearers(&self) -> Vec<String> {
        self.seen
            .lock()
            .expect("lock")
            .iter()
            .map(|(b, _)| b.clone())
            .collect()
    }

    fn accepted(&self) -> usize {
        self.seen
            .lock()
            .expect("lock")
            .iter()
            .filter(|(_, ok)| *ok)
            .count()
    }
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock after 1970")
        .as_secs()
}

impl Respond for Api {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        let bearer = req
            .headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or("")
            .to_owned();
        let info = if bearer.is_empty() {
            Value::Null
        } else {
            self.introspection(&bearer)
        };
        let active = info["active"] == Value::Bool(true)
            && info["exp"].as_u64().is_some_and(|exp| unix_now() < exp);
        self.seen.lock().expect("lock").push((bearer, active));
        if active {
            ResponseTemplate::new(200).set_body_json(serde_json::json!({
                "id": "1",
                "client_id": info["client_id"],
            }))
        } else {
            self.rejected.fetch_add(1, Ordering::SeqCst);
            ResponseTemplate::new(401).set_body_json(serde_json::json!({
                "error": "invalid_token",
            }))
        }
    }
}

fn get() -> RequestSpec {
    RequestSpec::get("test.things.get", "/api/things/{id}", &["1"])
}

fn api_transport(api: &MockServer, provider: ClientCredentials) -> Transport {
    Transport::builder()
        .base_url(api.uri())
        .allow_http(true)
        .token_provider(provider)
        .build()
        .expect("test setup")
}

// ---------------------------------------------------------------------------------------
// The tests

#[tokio::test]
async fn a_token_is_obtained_accepted_and_cached_for_its_lifetime() {
    let Some(idp) = Idp::start() else { return };
    let api = Api::new(&idp);
    let server = api.mount().await;
    let t = api_transport(
        &server,
        idp.client(BASIC, ClientAuthMethod::ClientSecretBasic),
    );

    for _ in 0..20 {
        let body: Value = t.execute(get()).await.expect("the API accepts the token");
        assert_eq!(body["client_id"], BASIC.0);
    }

    let stats = idp.stats().await;
    println!(
        "oidc: 20 sequential calls, {} token request(s)",
        stats.token_requests
    );
    assert_eq!(stats.token_requests, 1);
    assert_eq!(stats.issued_to(BASIC.0), 1);
    assert_eq!(api.accepted(), 20);
    let bearers = api.bearers();
    assert!(bearers.iter().all(|b| *b == bearers[0]), "one token");
    let info = introspect(&idp.base, &bearers[0]).await;
    assert_eq!(info["active"], true);
    assert_eq!(info["client_id"], BASIC.0);
    assert_eq!(info["scope"], "voice-admin");
    assert_eq!(info["iss"], format!("{}/auth/realms/ABCDEF", idp.base));
}

#[tokio::test]
async fn concurrent_calls_on_an_empty_cache_make_one_token_request() {
    let Some(idp) = Idp::start() else { return };
    let api = Api::new(&idp);
    let server = api.mount().await;

    // a 300 s token and a 2 s one
    for client in [BASIC, SHORT] {
        let before = idp.stats().await.token_requests;
        let t = api_transport(
            &server,
            idp.client(client, ClientAuthMethod::ClientSecretBasic),
        );

        let results = futures_util::future::join_all((0..200).map(|_| t.send(get()))).await;

        let stats = idp.stats().await;
        let requests = stats.token_requests - before;
        println!(
            "oidc: 200 concurrent calls, {requests} token request(s) ({} tokens)",
            client.0
        );
        for r in &results {
            r.as_ref().expect("the API accepts the token");
        }
        assert_eq!(requests, 1, "{}", client.0);
        assert_eq!(stats.issued_to(client.0), 1);
    }
    assert_eq!(api.accepted(), 400);
    assert_eq!(api.rejected.load(Ordering::SeqCst), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_tasks_on_an_empty_cache_make_one_token_request() {
    let Some(idp) = Idp::start() else { return };
    let api = Api::new(&idp);
    let server = api.mount().await;
    let t = api_transport(
        &server,
        idp.client(SHORT, ClientAuthMethod::ClientSecretBasic),
    );

    let tasks: Vec<_> = (0..200)
        .map(|_| {
            let t = t.clone();
            tokio::spawn(async move { t.send(get()).await })
        })
        .collect();
    for r in futures_util::future::join_all(tasks).await {
        r.expect("task").expect("the API accepts the token");
    }

    let stats = idp.stats().await;
    println!(
        "oidc: 200 concurrent tasks on 2 threads, {} token request(s) ({} tokens)",
        stats.token_requests, SHORT.0
    );
    assert_eq!(stats.token_requests, 1);
}

#[tokio::test]
async fn a_short_lived_token_is_renewed_before_the_provider_expires_it() {
    let Some(idp) = Idp::start() else { return };
    let api = Api::new(&idp);
    let server = api.mount().await;
    let t = api_transport(
        &server,
        idp.client(RENEWAL, ClientAuthMethod::ClientSecretBasic),
    );

    t.send(get()).await.expect("accepted");
    // The first token was asked for and issued before this instant.
    let start = Instant::now();
    for _ in 0..4 {
        t.send(get()).await.expect("accepted");
    }
    assert_eq!(idp.stats().await.token_requests, 1, "cached");

    // A 3 s token is renewed 1.5 s before its expiry (half its lifetime).
    tokio::time::sleep_until((start + RENEWAL_TTL / 2 + Duration::from_millis(100)).into()).await;
    t.send(get()).await.expect("accepted");
    assert_eq!(idp.stats().await.token_requests, 2, "renewed");

    // By now the provider has expired the first token.
    tokio::time::sleep_until((start + RENEWAL_TTL).into()).await;
    let bearers = api.bearers();
    let (first, second) = (&bearers[0], &bearers[5]);
    assert_eq!(
        introspect(&idp.base, first).await["active"],
        false,
        "expired"
    );
    // The second one, or a third if it is due, is accepted.
    t.send(get()).await.expect("accepted");

    let stats = idp.stats().await;
    println!(
        "oidc: {} s tokens, 7 calls over {:.1} s, {} token requests",
        RENEWAL_TTL.as_secs(),
        start.elapsed().as_secs_f64(),
        stats.token_requests
    );
    assert!(
        (2..=3).contains(&stats.token_requests),
        "{}",
        stats.token_requests
    );
    assert_ne!(first, second);
    assert!(bearers[..5].iter().all(|b| b == first));
    assert_eq!(
        api.rejected.load(Ordering::SeqCst),
        0,
        "no call met a 401: every token was renewed ahead of its expiry"
    );
    assert_eq!(api.accepted(), 7);
}

/// Every secret, as given, as form-encoded and inside a basic `Authorization` header.
fn secret_forms() -> Vec<String> {
    let mut out = Vec::new();
    for (id, secret) in [BASIC, POST, SPECIAL, SPECIAL_POST, SHORT, RENEWAL] {
        let encoded: String = url::form_urlencoded::byte_serialize(secret.as_bytes()).collect();
        out.push(base64(&format!("{id}:{encoded}")));
        out.push(base64(&format!("{id}:{secret}")));
        out.push(encoded);
        out.push(secret.to_owned());
    }
    out.push(WRONG_SECRET.to_owned());
    out
}

#[track_caller]
fn assert_no_secret(what: &str, text: &str, tokens: &[String]) {
    for s in secret_forms().iter().chain(tokens) {
        assert!(!text.contains(s.as_str()), "{what} shows {s:?}:\n{text}");
    }
}

fn render_error(err: &sdk_core::Error) -> String {
    let mut out = format!("{err}\n{err:?}\n");
    let mut source = std::error::Error::source(err);
    while let Some(s) = source {
        out.push_str(&format!("{s}\n{s:?}\n"));
        source = s.source();
    }
    out
}

#[tokio::test]
async fn a_wrong_secret_is_an_auth_error_with_the_provider_s_code_and_description() {
    let Some(idp) = Idp::start() else { return };
    let api = Api::new(&idp);
    let server = api.mount().await;
    let (logs, _guard) = capture_tracing();

    let mut out = String::new();
    for (client, secret, method) in [
        (BASIC.0, WRONG_SECRET, ClientAuthMethod::ClientSecretBasic),
        (POST.0, WRONG_SECRET, ClientAuthMethod::ClientSecretPost),
        (SPECIAL.0, WRONG_SECRET, ClientAuthMethod::ClientSecretBasic),
    ] {
        let provider = idp.client((client, secret), method);
        out += &format!("{provider:?}\n{provider:#?}\n");
        let t = api_transport(&server, provider);
        out += &format!("{t:?}\n");

        let err = t.send(get()).await.unwrap_err();

        assert_eq!(err.kind(), ErrorKind::Auth, "{err:?}");
        assert_eq!(err.vendor_code(), Some("invalid_client"), "{err:?}");
        assert_eq!(
            err.vendor_message(),
            Some("client authentication failed"),
            "{err:?}"
        );
        assert_eq!(
            err.to_string(),
            "test.things.get: authentication failed: token endpoint answered 401 \
             [invalid_client]: client authentication failed"
        );
        out += &render_error(&err);
    }
    let stats = idp.stats().await;
    println!(
        "oidc: 3 refused clients, {} token requests, errors {}",
        stats.token_requests, stats.raw["errors"]
    );
    assert_eq!(stats.token_requests, 3);
    for id in [BASIC.0, POST.0, SPECIAL.0] {
        assert_eq!(stats.failed_for(id), 1, "{id}");
    }
    assert!(api.bearers().is_empty(), "nothing sent to the API");

    assert_no_secret("errors and Debug output", &out, &[]);
    let traces = logs.contents();
    assert!(traces.contains("requesting an access token"), "{traces}");
    assert!(
        traces.contains("TRACE") || traces.contains("DEBUG"),
        "{traces}"
    );
    assert_no_secret("traces", &traces, &[]);
}

#[tokio::test]
async fn both_client_auth_methods_and_a_secret_of_special_characters_work() {
    let Some(idp) = Idp::start() else { return };
    let api = Api::new(&idp);
    let server = api.mount().await;
    let (logs, _guard) = capture_tracing();

    let mut out = String::new();
    for (client, method) in [
        (BASIC, ClientAuthMethod::ClientSecretBasic),
        (POST, ClientAuthMethod::ClientSecretPost),
        (SPECIAL, ClientAuthMethod::ClientSecretBasic),
        (SPECIAL_POST, ClientAuthMethod::ClientSecretPost),
    ] {
        let provider = idp.client(client, method);
        out += &format!("{provider:?}\n");
        let t = api_transport(&server, provider);
        let body: Value = t
            .execute(get())
            .await
            .unwrap_or_else(|e| panic!("{} ({method}): {e:?}", client.0));
        assert_eq!(body["client_id"], client.0, "{method}");
        // oidc-provider takes either shared-secret method whatever the client is
        // registered with: the token records the one the request used.
        let token = api.bearers().pop().expect("a call");
        let info = introspect(&idp.base, &token).await;
        assert_eq!(
            info["client_auth_method_used"],
            method.as_str(),
            "{}",
            client.0
        );
    }

    let stats = idp.stats().await;
    println!(
        "oidc: 4 clients (basic, post, special-character secret both ways), {} token requests",
        stats.token_requests
    );
    assert_eq!(stats.token_requests, 4);
    for (id, _) in [BASIC, POST, SPECIAL, SPECIAL_POST] {
        assert_eq!(stats.issued_to(id), 1, "{id}");
    }
    assert_eq!(api.accepted(), 4);
    let tokens = api.bearers();
    assert_no_secret("Debug output", &out, &tokens);
    assert_no_secret("traces", &logs.contents(), &tokens);
}

#[tokio::test]
async fn token_parameters_reach_the_provider() {
    let Some(idp) = Idp::start() else { return };
    let api = Api::new(&idp);
    let server = api.mount().await;

    let provider = idp
        .builder(POST, ClientAuthMethod::ClientSecretPost)
        .scope("numbers")
        .resource(RESOURCE)
        .audience("https://voice.example.test")
        .build()
        .expect("test setup");
    let token = provider.token().await.expect("a token for the resource");
    let t = api_transport(&server, provider);
    t.send(get()).await.expect("accepted");

    let info = introspect(&idp.base, token.secret().expose_secret()).await;
    assert_eq!(info["client_id"], POST.0);
    assert_eq!(info["aud"], RESOURCE, "resource indicator (RFC 8707)");
    assert_eq!(
        info["scope"], "voice-admin",
        "the scopes the resource server has, of those asked for"
    );
    assert_eq!(
        info["requested_audience"], "https://voice.example.test",
        "the audience parameter was sent"
    );

    // An unknown resource is the provider's error, with its code.
    let err = idp
        .builder(BASIC, ClientAuthMethod::ClientSecretBasic)
        .resource("https://unknown.example.test/")
        .build()
        .expect("test setup")
        .token()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Auth);
    assert_eq!(err.vendor_code(), Some("invalid_target"), "{err:?}");
    assert!(err.vendor_message().is_some(), "{err:?}");
}
