//! Credentials on the wire: static schemes, the OAuth2 client-credentials provider (single
//! flight, refresh before expiry, one re-send after a 401) and the choice being required.

mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use sdk_core::clock::ManualClock;
use sdk_core::{
    Auth, ClientAuthMethod, ClientCredentials, ErrorKind, RequestSpec, StatusCode, Transport,
};
use support::{base64, builder, received};
use wiremock::matchers::{basic_auth, bearer_token, header, method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

const TOKEN_PATH: &str = "/auth/realms/ABCDEF/protocol/openid-connect/token";
const API_PATH: &str = "/api/things/1";

fn get() -> RequestSpec {
    RequestSpec::get("test.things.get", "/api/things/{id}", &["1"])
}

async fn count(server: &MockServer, p: &str) -> usize {
    received(server)
        .await
        .iter()
        .filter(|r| r.url.path() == p)
        .count()
}

async fn api_ok(server: &MockServer) {
    Mock::given(method("GET"))
        .and(path(API_PATH))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({ "id": "1" })))
        .mount(server)
        .await;
}

#[tokio::test]
async fn bearer_header_is_sent() {
    let server = MockServer::start().await;
    Mock::given(bearer_token("static-token"))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    let t = builder(&server, &ManualClock::new())
        .bearer("static-token")
        .build()
        .unwrap();

    t.send(get()).await.unwrap();

    let req = &received(&server).await[0];
    assert_eq!(req.headers["authorization"], "Bearer static-token");
}

#[tokio::test]
async fn basic_header_is_sent() {
    let server = MockServer::start().await;
    Mock::given(basic_auth("AC0123", "auth-token"))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    let t = builder(&server, &ManualClock::new())
        .auth(Auth::basic("AC0123", "auth-token"))
        .build()
        .unwrap();

    t.send(get()).await.unwrap();

    let req = &received(&server).await[0];
    // base64("AC0123:auth-token")
    assert_eq!(
        req.headers["authorization"],
        "Basic QUMwMTIzOmF1dGgtdG9rZW4="
    );
}

#[tokio::test]
async fn custom_headers_are_sent() {
    let server = MockServer::start().await;
    Mock::given(header("x-api-key", "k-123"))
        .and(header("x-tenant", "t-9"))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    let auth = Auth::header("x-api-key", "k-123")
        .unwrap()
        .and_header("x-tenant", "t-9")
        .unwrap();
    let t = builder(&server, &ManualClock::new())
        .auth(auth)
        .build()
        .unwrap();

    t.send(get()).await.unwrap();

    let req = &received(&server).await[0];
    assert!(req.headers.get("authorization").is_none());
}

#[tokio::test]
async fn no_auth_sends_no_credentials() {
    let server = MockServer::start().await;
    api_ok(&server).await;
    let t = builder(&server, &ManualClock::new())
        .no_auth()
        .build()
        .unwrap();

    t.send(get()).await.unwrap();

    assert!(
        received(&server).await[0]
            .headers
            .get("authorization")
            .is_none()
    );
}

#[test]
fn bad_credential_headers_are_input_errors() {
    let e = Auth::header("bad header", "v").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert_eq!(e.field(), Some("auth"));
    let e = Auth::header("x-api-key", "line\nbreak").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    let e = Auth::bearer("t").and_header("x-api-key", "v").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
}

#[test]
fn building_without_choosing_auth_is_an_input_error() {
    let err = Transport::builder()
        .base_url("https://api.example.com")
        .build()
        .unwrap_err();

    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(err.field(), Some("auth"));
    assert!(err.to_string().contains("auth"), "{err}");
}

// ---------------------------------------------------------------------------------------
// OAuth2 client credentials

/// A token endpoint issuing `tok-1`, `tok-2`, ... valid for `expires_in` seconds.
struct Tokens {
    issued: AtomicUsize,
    expires_in: u64,
}

impl Respond for Tokens {
    fn respond(&self, _: &Request) -> ResponseTemplate {
        let n = self.issued.fetch_add(1, Ordering::SeqCst) + 1;
        ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "access_token": format!("tok-{n}"),
            "token_type": "Bearer",
            "expires_in": self.expires_in,
        }))
    }
}

async fn token_endpoint(server: &MockServer, expires_in: u64) {
    Mock::given(method("POST"))
        .and(path(TOKEN_PATH))
        .and(basic_auth("my-client", "my-secret"))
        .respond_with(Tokens {
            issued: AtomicUsize::new(0),
            expires_in,
        })
        .mount(server)
        .await;
}

fn provider(server: &MockServer, clock: &ManualClock) -> ClientCredentials {
    ClientCredentials::builder(
        format!("{}{TOKEN_PATH}", server.uri()),
        "my-client",
        "my-secret",
    )
    .scopes(["voice-admin", "numbers"])
    .allow_http(true)
    .clock(Arc::new(clock.clone()))
    .build()
    .expect("test setup")
}

fn oauth_transport(server: &MockServer, clock: &ManualClock) -> Transport {
    builder(server, clock)
        .token_provider(provider(server, clock))
        .build()
        .expect("test setup")
}

fn bearer_of(req: &Request) -> String {
    req.headers["authorization"]
        .to_str()
        .expect("test setup")
        .to_owned()
}

async fn api_bearers(server: &MockServer) -> Vec<String> {
    received(server)
        .await
        .iter()
        .filter(|r| r.url.path() == API_PATH)
        .map(bearer_of)
        .collect()
}

#[tokio::test]
async fn concurrent_calls_share_one_token_request() {
    let server = MockServer::start().await;
    token_endpoint(&server, 3600).await;
    api_ok(&server).await;
    let clock = ManualClock::new();
    let t = oauth_transport(&server, &clock);

    let calls = (0..100).map(|_| t.send(get()));
    let results = futures_util::future::join_all(calls).await;

    assert!(results.iter().all(Result::is_ok));
    assert_eq!(count(&server, TOKEN_PATH).await, 1);
    let bearers = api_bearers(&server).await;
    assert_eq!(bearers.len(), 100);
    assert!(bearers.iter().all(|b| b == "Bearer tok-1"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_calls_on_a_multi_thread_runtime_share_one_token_request() {
    let server = MockServer::start().await;
    token_endpoint(&server, 3600).await;
    api_ok(&server).await;
    let t = oauth_transport(&server, &ManualClock::new());

    let tasks: Vec<_> = (0..100)
        .map(|_| {
            let t = t.clone();
            tokio::spawn(async move { t.send(get()).await })
        })
        .collect();
    for r in futures_util::future::join_all(tasks).await {
        r.unwrap().unwrap();
    }

    assert_eq!(count(&server, TOKEN_PATH).await, 1);
    assert_eq!(count(&server, API_PATH).await, 100);
}

#[tokio::test]
async fn token_request_is_a_client_credentials_form_with_basic_client_auth() {
    let server = MockServer::start().await;
    token_endpoint(&server, 3600).await;
    api_ok(&server).await;
    let t = oauth_transport(&server, &ManualClock::new());

    t.send(get()).await.unwrap();

    let requests = received(&server).await;
    let token_req = requests
        .iter()
        .find(|r| r.url.path() == TOKEN_PATH)
        .expect("a token request");
    assert_eq!(token_req.method.as_str(), "POST");
    assert_eq!(
        token_req.headers["content-type"],
        "application/x-www-form-urlencoded"
    );
    let form: Vec<(String, String)> = url::form_urlencoded::parse(&token_req.body)
        .into_owned()
        .collect();
    assert_eq!(
        form,
        vec![
            ("grant_type".to_owned(), "client_credentials".to_owned()),
            ("scope".to_owned(), "voice-admin numbers".to_owned()),
        ]
    );
    // base64("my-client:my-secret")
    assert_eq!(
        token_req.headers["authorization"],
        "Basic bXktY2xpZW50Om15LXNlY3JldA=="
    );
    assert_eq!(api_bearers(&server).await, vec!["Bearer tok-1"]);
}

#[tokio::test]
async fn token_is_refreshed_before_it_expires() {
    let server = MockServer::start().await;
    token_endpoint(&server, 3600).await;
    api_ok(&server).await;
    let clock = ManualClock::new();
    let t = oauth_transport(&server, &clock);

    t.send(get()).await.unwrap();
    // still more than `refresh_before` (60 s) ahead of expiry: cached
    clock.advance(Duration::from_secs(3600 - 61));
    t.send(get()).await.unwrap();
    assert_eq!(count(&server, TOKEN_PATH).await, 1);

    // within the last 60 s: renewed before the server could refuse it
    clock.advance(Duration::from_secs(2));
    t.send(get()).await.unwrap();
    assert_eq!(count(&server, TOKEN_PATH).await, 2);
    assert_eq!(
        api_bearers(&server).await,
        vec!["Bearer tok-1", "Bearer tok-1", "Bearer tok-2"]
    );
}

#[tokio::test]
async fn refresh_margin_is_configurable() {
    let server = MockServer::start().await;
    token_endpoint(&server, 100).await;
    api_ok(&server).await;
    let clock = ManualClock::new();
    let p = ClientCredentials::builder(
        format!("{}{TOKEN_PATH}", server.uri()),
        "my-client",
        "my-secret",
    )
    .refresh_before(Duration::from_secs(10))
    .allow_http(true)
    .clock(Arc::new(clock.clone()))
    .build()
    .unwrap();
    let t = builder(&server, &clock).token_provider(p).build().unwrap();

    t.send(get()).await.unwrap();
    clock.advance(Duration::from_secs(89));
    t.send(get()).await.unwrap();
    assert_eq!(count(&server, TOKEN_PATH).await, 1);
    clock.advance(Duration::from_secs(1));
    t.send(get()).await.unwrap();
    assert_eq!(count(&server, TOKEN_PATH).await, 2);

    // no scopes: no scope parameter
    let token_req = received(&server)
        .await
        .into_iter()
        .find(|r| r.url.path() == TOKEN_PATH)
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&token_req.body),
        "grant_type=client_credentials"
    );
}

#[tokio::test]
async fn a_token_without_expiry_is_kept_until_refused() {
    let server = MockServer::start().await;
    Mock::given(path(TOKEN_PATH))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(serde_json::json!({ "access_token": "forever" })),
        )
        .mount(&server)
        .await;
    api_ok(&server).await;
    let clock = ManualClock::new();
    let t = oauth_transport(&server, &clock);

    t.send(get()).await.unwrap();
    clock.advance(Duration::from_secs(30 * 24 * 3600));
    t.send(get()).await.unwrap();

    assert_eq!(count(&server, TOKEN_PATH).await, 1);
    assert_eq!(api_bearers(&server).await, vec!["Bearer forever"; 2]);
}

#[tokio::test]
async fn a_401_refreshes_the_token_once_and_sends_again() {
    let server = MockServer::start().await;
    token_endpoint(&server, 3600).await;
    Mock::given(path(API_PATH))
        .and(bearer_token("tok-1"))
        .respond_with(ResponseTemplate::new(401))
        .mount(&server)
        .await;
    Mock::given(path(API_PATH))
        .and(bearer_token("tok-2"))
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;
    let t = oauth_transport(&server, &ManualClock::new());

    let resp = t.send(get()).await.unwrap();

    assert_eq!(resp.status(), 200);
    assert_eq!(count(&server, TOKEN_PATH).await, 2);
    assert_eq!(
        api_bearers(&server).await,
        vec!["Bearer tok-1", "Bearer tok-2"]
    );

    // the fresh token is cached for the next call
    t.send(get()).await.unwrap();
    assert_eq!(count(&server, TOKEN_PATH).await, 2);
}

#[tokio::test]
async fn a_second_401_is_returned_as_an_api_error() {
    let server = MockServer::start().await;
    token_endpoint(&server, 3600).await;
    Mock::given(path(API_PATH))
        .respond_with(
            ResponseTemplate::new(401).set_body_json(
                serde_json::json!({ "code": "UNAUTHORIZED", "message": "no access" }),
            ),
        )
        .mount(&server)
        .await;
    let t = oauth_transport(&server, &ManualClock::new());

    let err = t.send(get()).await.unwrap_err();

    assert_eq!(err.kind(), ErrorKind::Api);
    assert_eq!(err.status(), Some(StatusCode::UNAUTHORIZED));
    assert_eq!(err.vendor_code(), Some("UNAUTHORIZED"));
    assert_eq!(count(&server, TOKEN_PATH).await, 2, "one refresh");
    assert_eq!(count(&server, API_PATH).await, 2, "one re-send");
}

#[tokio::test]
async fn a_401_with_a_static_bearer_is_not_sent_again() {
    let server = MockServer::start().await;
    Mock::given(path(API_PATH))
        .respond_with(ResponseTemplate::new(401))
        .mount(&server)
        .await;
    let t = builder(&server, &ManualClock::new())
        .bearer("static")
        .build()
        .unwrap();

    let err = t.send(get()).await.unwrap_err();

    assert_eq!(err.status(), Some(StatusCode::UNAUTHORIZED));
    assert_eq!(count(&server, API_PATH).await, 1);
}

#[tokio::test]
async fn a_token_endpoint_error_is_an_auth_error() {
    let server = MockServer::start().await;
    Mock::given(path(TOKEN_PATH))
        .respond_with(ResponseTemplate::new(401).set_body_json(serde_json::json!({
            "error": "invalid_client",
            "error_description": "Invalid client credentials",
        })))
        .mount(&server)
        .await;
    api_ok(&server).await;
    let t = oauth_transport(&server, &ManualClock::new());

    let err = t.send(get()).await.unwrap_err();

    assert_eq!(err.kind(), ErrorKind::Auth);
    assert!(
        err.to_string().contains("token endpoint answered 401"),
        "{err}"
    );
    assert!(err.to_string().contains("invalid_client"), "{err}");
    assert_eq!(err.operation(), Some("test.things.get"));
    assert_eq!(err.vendor_code(), Some("invalid_client"));
    assert_eq!(err.vendor_message(), Some("Invalid client credentials"));
    assert!(err.status().is_none(), "the API itself was not called");
    let source = std::error::Error::source(&err).expect("the token endpoint's answer");
    let api = source
        .downcast_ref::<sdk_core::Error>()
        .expect("an sdk error");
    assert_eq!(api.status(), Some(StatusCode::UNAUTHORIZED));
    assert_eq!(api.vendor_message(), Some("Invalid client credentials"));
    assert_eq!(count(&server, API_PATH).await, 0, "nothing sent to the API");
}

#[tokio::test]
async fn an_undecodable_token_answer_is_an_auth_error() {
    let server = MockServer::start().await;
    Mock::given(path(TOKEN_PATH))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(serde_json::json!({ "accessToken": "tok-camel" })),
        )
        .mount(&server)
        .await;
    api_ok(&server).await;
    let t = oauth_transport(&server, &ManualClock::new());

    let err = t.send(get()).await.unwrap_err();

    assert_eq!(err.kind(), ErrorKind::Auth);
    assert_eq!(count(&server, API_PATH).await, 0, "nothing sent to the API");
}

#[test]
fn client_credentials_input_is_checked() {
    let e = ClientCredentials::builder("http://idp.example/token", "id", "secret")
        .build()
        .unwrap_err();
    assert_eq!(e.field(), Some("base_url"), "plain http needs the opt-in");
    let e = ClientCredentials::builder("https://idp.example/token", "", "secret")
        .build()
        .unwrap_err();
    assert_eq!(e.field(), Some("client_id"));
}

#[tokio::test]
async fn concurrent_callers_share_one_failing_token_request() {
    let server = MockServer::start().await;
    Mock::given(path(TOKEN_PATH))
        .respond_with(
            ResponseTemplate::new(400)
                .set_body_json(serde_json::json!({"error": "invalid_client"})),
        )
        .mount(&server)
        .await;
    api_ok(&server).await;
    let t = oauth_transport(&server, &ManualClock::new());

    let results = futures_util::future::join_all((0..20).map(|_| t.send(get()))).await;

    assert!(
        results
            .iter()
            .all(|r| r.as_ref().is_err_and(|e| e.kind() == ErrorKind::Auth))
    );
    assert_eq!(
        count(&server, TOKEN_PATH).await,
        1,
        "one token request for the whole burst"
    );
    // A later call tries again.
    assert!(t.send(get()).await.is_err());
    assert_eq!(count(&server, TOKEN_PATH).await, 2);
}

#[tokio::test]
async fn an_unreachable_token_endpoint_is_an_auth_error() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = closed.local_addr().unwrap();
    drop(closed);
    let provider = ClientCredentials::builder(format!("http://{addr}/token"), "id", "secret")
        .allow_http(true)
        .clock(Arc::new(ManualClock::new()))
        .build()
        .unwrap();
    let err = sdk_core::TokenProvider::token(&provider).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Auth);
    let source = std::error::Error::source(&err)
        .and_then(|s| s.downcast_ref::<sdk_core::Error>())
        .unwrap();
    assert_eq!(source.kind(), ErrorKind::Transport);
}

// ---------------------------------------------------------------------------------------
// Short-lived tokens, client authentication methods, token parameters

/// A token endpoint issuing `tok-1`, `tok-2`, ... valid for `expires_in` seconds, whose
/// answers take `takes` on `clock` to arrive (a slow identity provider).
struct SlowTokens {
    issued: AtomicUsize,
    expires_in: u64,
    clock: ManualClock,
    takes: Duration,
}

impl Respond for SlowTokens {
    fn respond(&self, _: &Request) -> ResponseTemplate {
        self.clock.advance(self.takes);
        let n = self.issued.fetch_add(1, Ordering::SeqCst) + 1;
        ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "access_token": format!("tok-{n}"),
            "token_type": "Bearer",
            "expires_in": self.expires_in,
        }))
    }
}

async fn slow_token_endpoint(
    server: &MockServer,
    expires_in: u64,
    clock: &ManualClock,
    takes: Duration,
) {
    Mock::given(method("POST"))
        .and(path(TOKEN_PATH))
        .respond_with(SlowTokens {
            issued: AtomicUsize::new(0),
            expires_in,
            clock: clock.clone(),
            takes,
        })
        .mount(server)
        .await;
}

fn form_of(req: &Request) -> Vec<(String, String)> {
    url::form_urlencoded::parse(&req.body)
        .into_owned()
        .collect()
}

async fn token_requests(server: &MockServer) -> Vec<Request> {
    received(server)
        .await
        .into_iter()
        .filter(|r| r.url.path() == TOKEN_PATH)
        .collect()
}

fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
    p.iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

#[tokio::test]
async fn a_short_lived_token_is_used_for_half_its_lifetime() {
    let server = MockServer::start().await;
    token_endpoint(&server, 5).await;
    api_ok(&server).await;
    let clock = ManualClock::new();
    // refresh_before is 60 s, longer than the token lives
    let t = oauth_transport(&server, &clock);

    for _ in 0..10 {
        t.send(get()).await.unwrap();
    }
    clock.advance(Duration::from_millis(2400));
    t.send(get()).await.unwrap();
    assert_eq!(count(&server, TOKEN_PATH).await, 1, "cached for 2.5 s");

    clock.advance(Duration::from_millis(200));
    t.send(get()).await.unwrap();
    assert_eq!(
        count(&server, TOKEN_PATH).await,
        2,
        "renewed 2.5 s before expiry"
    );
    let bearers = api_bearers(&server).await;
    assert_eq!(bearers.len(), 12);
    assert!(bearers[..11].iter().all(|b| b == "Bearer tok-1"));
    assert_eq!(bearers[11], "Bearer tok-2");
}

#[tokio::test]
async fn concurrent_calls_share_one_request_for_a_token_of_any_lifetime() {
    for expires_in in [1, 2, 5, 120] {
        let server = MockServer::start().await;
        token_endpoint(&server, expires_in).await;
        api_ok(&server).await;
        let t = oauth_transport(&server, &ManualClock::new());

        let results = futures_util::future::join_all((0..200).map(|_| t.send(get()))).await;

        assert!(results.iter().all(Result::is_ok), "{expires_in} s");
        assert_eq!(count(&server, TOKEN_PATH).await, 1, "{expires_in} s tokens");
        assert_eq!(count(&server, API_PATH).await, 200);
    }
}

#[tokio::test]
async fn callers_that_waited_take_a_token_that_arrived_due_for_renewal() {
    // The token lives 2 s and its answer takes 1.5 s: it arrives past its renewal point
    // (1 s before expiry) but still valid. The callers that queued behind that request use
    // it instead of each asking for another.
    let server = MockServer::start().await;
    let clock = ManualClock::new();
    slow_token_endpoint(&server, 2, &clock, Duration::from_millis(1500)).await;
    api_ok(&server).await;
    let t = oauth_transport(&server, &clock);

    let results = futures_util::future::join_all((0..200).map(|_| t.send(get()))).await;

    assert!(results.iter().all(Result::is_ok));
    assert_eq!(count(&server, TOKEN_PATH).await, 1);
    assert!(
        api_bearers(&server)
            .await
            .iter()
            .all(|b| b == "Bearer tok-1")
    );

    // a later caller, which did not wait for that request, renews the token
    t.send(get()).await.unwrap();
    assert_eq!(count(&server, TOKEN_PATH).await, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_tasks_share_one_request_for_a_short_lived_token() {
    let server = MockServer::start().await;
    token_endpoint(&server, 2).await;
    api_ok(&server).await;
    let t = oauth_transport(&server, &ManualClock::new());

    let tasks: Vec<_> = (0..200)
        .map(|_| {
            let t = t.clone();
            tokio::spawn(async move { t.send(get()).await })
        })
        .collect();
    for r in futures_util::future::join_all(tasks).await {
        r.unwrap().unwrap();
    }

    assert_eq!(count(&server, TOKEN_PATH).await, 1);
}

#[tokio::test]
async fn an_expired_token_is_fetched_again() {
    let server = MockServer::start().await;
    token_endpoint(&server, 2).await;
    api_ok(&server).await;
    let clock = ManualClock::new();
    let t = oauth_transport(&server, &clock);

    t.send(get()).await.unwrap();
    clock.advance(Duration::from_secs(3));
    t.send(get()).await.unwrap();

    assert_eq!(
        api_bearers(&server).await,
        vec!["Bearer tok-1", "Bearer tok-2"]
    );
}

/// A secret with every character that form-encoding changes, and non-ASCII.
const SPECIAL_SECRET: &str = "p+ss/w:rd %2B 100% é€";
/// Its `application/x-www-form-urlencoded` form.
const SPECIAL_SECRET_ENCODED: &str = "p%2Bss%2Fw%3Ard+%252B+100%25+%C3%A9%E2%82%AC";

#[tokio::test]
async fn basic_client_auth_form_encodes_the_id_and_secret() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(TOKEN_PATH))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(serde_json::json!({ "access_token": "tok-special" })),
        )
        .mount(&server)
        .await;
    api_ok(&server).await;
    let p = ClientCredentials::builder(
        format!("{}{TOKEN_PATH}", server.uri()),
        "my:client id",
        SPECIAL_SECRET,
    )
    .allow_http(true)
    .build()
    .unwrap();
    let t = builder(&server, &ManualClock::new())
        .token_provider(p)
        .build()
        .unwrap();

    t.send(get()).await.unwrap();

    let req = &token_requests(&server).await[0];
    let expected = base64(&format!("my%3Aclient+id:{SPECIAL_SECRET_ENCODED}"));
    assert_eq!(req.headers["authorization"], format!("Basic {expected}"));
    assert_eq!(
        form_of(req),
        pairs(&[("grant_type", "client_credentials")]),
        "the secret is in the header only"
    );
    assert_eq!(api_bearers(&server).await, vec!["Bearer tok-special"]);
}

#[tokio::test]
async fn post_client_auth_sends_the_id_and_secret_in_the_form() {
    let server = MockServer::start().await;
    token_endpoint(&server, 3600).await; // matches basic auth only: must not answer
    Mock::given(method("POST"))
        .and(path(TOKEN_PATH))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(serde_json::json!({ "access_token": "tok-post" })),
        )
        .mount(&server)
        .await;
    api_ok(&server).await;
    let p = ClientCredentials::builder(
        format!("{}{TOKEN_PATH}", server.uri()),
        "my-client",
        SPECIAL_SECRET,
    )
    .client_auth_method(ClientAuthMethod::ClientSecretPost)
    .scope("voice-admin")
    .allow_http(true)
    .build()
    .unwrap();
    let t = builder(&server, &ManualClock::new())
        .token_provider(p)
        .build()
        .unwrap();

    t.send(get()).await.unwrap();

    let req = &token_requests(&server).await[0];
    assert!(req.headers.get("authorization").is_none());
    assert_eq!(
        form_of(req),
        pairs(&[
            ("grant_type", "client_credentials"),
            ("scope", "voice-admin"),
            ("client_id", "my-client"),
            ("client_secret", SPECIAL_SECRET),
        ])
    );
    assert!(
        String::from_utf8_lossy(&req.body).contains(SPECIAL_SECRET_ENCODED),
        "form-encoded on the wire"
    );
    assert_eq!(api_bearers(&server).await, vec!["Bearer tok-post"]);
}

#[tokio::test]
async fn token_parameters_are_sent_in_order_after_the_scope() {
    let server = MockServer::start().await;
    token_endpoint(&server, 3600).await;
    api_ok(&server).await;
    let p = ClientCredentials::builder(
        format!("{}{TOKEN_PATH}", server.uri()),
        "my-client",
        "my-secret",
    )
    .scopes(["voice-admin"])
    .scope("numbers")
    .audience("https://api.example.com")
    .resource("https://api.example.com/voice")
    .resource("https://api.example.com/numbers")
    .param("tenant", "t 42&x=y")
    .allow_http(true)
    .build()
    .unwrap();
    let t = builder(&server, &ManualClock::new())
        .token_provider(p)
        .build()
        .unwrap();

    t.send(get()).await.unwrap();

    let req = &token_requests(&server).await[0];
    assert_eq!(
        form_of(req),
        pairs(&[
            ("grant_type", "client_credentials"),
            ("scope", "voice-admin numbers"),
            ("audience", "https://api.example.com"),
            ("resource", "https://api.example.com/voice"),
            ("resource", "https://api.example.com/numbers"),
            ("tenant", "t 42&x=y"),
        ])
    );
}

#[test]
fn token_parameters_the_provider_sets_itself_are_refused() {
    for name in ["grant_type", "scope", "client_id", "client_secret", ""] {
        let e = ClientCredentials::builder("https://idp.example/token", "id", "secret")
            .param(name, "x")
            .build()
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{name:?}");
        assert_eq!(e.field(), Some("param"), "{name:?}");
        assert!(!e.to_string().contains("secret\""), "{e}");
    }
}

#[tokio::test]
async fn token_endpoint_errors_carry_the_provider_s_code_and_description() {
    for (status, code, description) in [
        (401, "invalid_client", "client authentication failed"),
        (400, "invalid_scope", "requested scope is not allowed"),
        (
            400,
            "invalid_target",
            "resource indicator is missing, or unknown",
        ),
        (400, "unauthorized_client", "grant type not allowed"),
    ] {
        let server = MockServer::start().await;
        Mock::given(path(TOKEN_PATH))
            .respond_with(
                ResponseTemplate::new(status).set_body_json(serde_json::json!({
                    "error": code,
                    "error_description": description,
                })),
            )
            .mount(&server)
            .await;
        let p = provider(&server, &ManualClock::new());

        let err = sdk_core::TokenProvider::token(&p).await.unwrap_err();

        assert_eq!(err.kind(), ErrorKind::Auth);
        assert_eq!(err.vendor_code(), Some(code));
        assert_eq!(err.vendor_message(), Some(description));
        assert_eq!(
            err.to_string(),
            format!(
                "authentication failed: token endpoint answered {status} [{code}]: {description}"
            )
        );
    }
}
