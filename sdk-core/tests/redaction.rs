//! No secret appears in any `Debug`, `Display`, error or `tracing` output.

mod support;

use std::error::Error as _;
use std::sync::Arc;

use sdk_core::clock::ManualClock;
use sdk_core::{Auth, ClientAuthMethod, ClientCredentials, ErrorKind, RequestSpec, Transport};
use support::{base64, builder, capture_tracing};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const BEARER: &str = "BEARER-SECRET-7f3a91";
const PASSWORD: &str = "BASIC-PASSWORD-9c1e42";
const HEADER_SECRET: &str = "HEADER-SECRET-2b8d77";
const CLIENT_SECRET: &str = "CLIENT-SECRET-5e6f03";
const ACCESS_TOKEN: &str = "ACCESS-TOKEN-4d2c18";
/// A client secret that form-encoding changes, as it is and as it goes on the wire.
const SPECIAL_SECRET: &str = "SPECIAL+SECRET/8a:1f %3D é";
const SPECIAL_SECRET_ENCODED: &str = "SPECIAL%2BSECRET%2F8a%3A1f+%253D+%C3%A9";

const TOKEN_PATH: &str = "/oauth/token";

/// Every secret, and the base64 forms a basic `Authorization` header would carry.
fn secrets() -> Vec<String> {
    vec![
        BEARER.to_owned(),
        PASSWORD.to_owned(),
        HEADER_SECRET.to_owned(),
        CLIENT_SECRET.to_owned(),
        ACCESS_TOKEN.to_owned(),
        base64(&format!("AC0123:{PASSWORD}")),
        base64(&format!("client-1:{CLIENT_SECRET}")),
        SPECIAL_SECRET.to_owned(),
        SPECIAL_SECRET_ENCODED.to_owned(),
        base64(&format!("client-1:{SPECIAL_SECRET_ENCODED}")),
        // the distinctive parts, in case a value is cut or re-encoded
        "SPECIAL+SECRET".to_owned(),
        "SPECIAL%2BSECRET".to_owned(),
    ]
}

#[track_caller]
fn assert_clean(what: &str, text: &str) {
    for secret in secrets() {
        assert!(!text.contains(&secret), "{what} leaks {secret:?}:\n{text}");
    }
}

/// `{}` and `{:?}` of an error and of every error in its source chain.
fn render_error(err: &sdk_core::Error) -> String {
    let mut out = format!("{err}\n{err:?}\n");
    let mut source = err.source();
    while let Some(s) = source {
        out.push_str(&format!("{s}\n{s:?}\n"));
        source = s.source();
    }
    out
}

fn get() -> RequestSpec {
    RequestSpec::get("test.things.get", "/things/{id}", &["1"])
}

fn provider(server: &MockServer, clock: &ManualClock) -> ClientCredentials {
    ClientCredentials::builder(
        format!("{}{TOKEN_PATH}", server.uri()),
        "client-1",
        CLIENT_SECRET,
    )
    .scopes(["admin"])
    .allow_http(true)
    .clock(Arc::new(clock.clone()))
    .build()
    .expect("test setup")
}

fn all_auths(server: &MockServer, clock: &ManualClock) -> Vec<Auth> {
    vec![
        Auth::bearer(BEARER),
        Auth::basic("AC0123", PASSWORD),
        Auth::header("x-api-key", HEADER_SECRET)
            .expect("test setup")
            .and_header("x-session", HEADER_SECRET)
            .expect("test setup"),
        Auth::token_provider(provider(server, clock)),
    ]
}

#[test]
fn the_base64_helper_is_right() {
    assert_eq!(base64("AC0123:auth-token"), "QUMwMTIzOmF1dGgtdG9rZW4=");
    assert_eq!(base64("ab"), "YWI=");
    assert_eq!(base64("abc"), "YWJj");
}

#[tokio::test]
async fn debug_of_credentials_builders_and_clients_is_redacted() {
    let server = MockServer::start().await;
    let clock = ManualClock::new();
    let mut out = String::new();

    let cc_builder =
        ClientCredentials::builder("https://idp.example/token", "client-1", CLIENT_SECRET);
    out += &format!("{cc_builder:?}\n");
    out += &format!("{:?}\n", provider(&server, &clock));
    for auth in all_auths(&server, &clock) {
        out += &format!("{auth:?}\n{auth:#?}\n");
        let b = builder(&server, &clock).auth(auth);
        out += &format!("{b:?}\n{b:#?}\n");
        let t = b.build().unwrap();
        out += &format!("{t:?}\n{t:#?}\n");
    }
    let b = builder(&server, &clock).bearer(BEARER);
    out += &format!("{b:?}\n");
    let b = builder(&server, &clock).basic("AC0123", PASSWORD);
    out += &format!("{b:?}\n");

    assert_clean("Debug output", &out);
    // the output is there and says what it hides
    assert!(out.contains("<redacted>"), "{out}");
    assert!(
        out.contains("AC0123"),
        "the username is not a secret: {out}"
    );
    assert!(
        out.contains("x-api-key"),
        "header names are not secret: {out}"
    );
}

#[tokio::test]
async fn errors_and_traces_of_rejected_calls_are_redacted() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(TOKEN_PATH))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "access_token": ACCESS_TOKEN,
            "token_type": "Bearer",
            "expires_in": 3600,
        })))
        .mount(&server)
        .await;
    Mock::given(path("/things/1"))
        .respond_with(
            ResponseTemplate::new(401)
                .insert_header("x-request-id", "req-401")
                .set_body_json(
                    serde_json::json!({ "code": "UNAUTHORIZED", "message": "bad credentials" }),
                ),
        )
        .mount(&server)
        .await;
    let clock = ManualClock::new();
    let (logs, _guard) = capture_tracing();

    let mut out = String::new();
    for auth in all_auths(&server, &clock) {
        let t = builder(&server, &clock).auth(auth).build().unwrap();
        let err = t.send(get()).await.unwrap_err();
        assert_eq!(err.status().map(|s| s.as_u16()), Some(401));
        out += &render_error(&err);
    }

    assert_clean("401 errors", &out);
    assert!(out.contains("bad credentials"), "{out}");
    let traces = logs.contents();
    assert_clean("traces", &traces);
    assert!(
        traces.contains("test.things.get"),
        "the capture works: {traces}"
    );
    assert!(
        traces.contains("TRACE") || traces.contains("DEBUG"),
        "{traces}"
    );
}

#[tokio::test]
async fn token_endpoint_errors_and_traces_are_redacted() {
    let server = MockServer::start().await;
    // an error answer, then a success answer in a shape that is not a token response
    Mock::given(path(TOKEN_PATH))
        .respond_with(support::Sequence::new(vec![
            ResponseTemplate::new(401).set_body_json(serde_json::json!({
                "error": "invalid_client",
                "error_description": "client authentication failed",
            })),
            ResponseTemplate::new(200).set_body_json(serde_json::json!({
                "accessToken": ACCESS_TOKEN,
                "expires_in": 3600,
            })),
            ResponseTemplate::new(200)
                .set_body_string(format!("access_token={ACCESS_TOKEN}&expires_in=3600")),
            ResponseTemplate::new(200)
                .set_body_json(serde_json::json!({
                    "access_token": ACCESS_TOKEN,
                    "expires_in": { "seconds": ACCESS_TOKEN },
                    "extra": [ACCESS_TOKEN],
                }))
                .insert_header("content-type", "application/json"),
        ]))
        .mount(&server)
        .await;
    Mock::given(path("/things/1"))
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;
    let clock = ManualClock::new();
    let (logs, _guard) = capture_tracing();
    let t = builder(&server, &clock)
        .token_provider(provider(&server, &clock))
        .build()
        .unwrap();

    let mut out = String::new();
    for round in 0..3 {
        let err = t.send(get()).await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Auth, "round {round}: {err:?}");
        out += &render_error(&err);
    }
    // the fourth answer holds a usable token next to odd fields
    t.send(get()).await.unwrap();

    assert_clean("token endpoint errors", &out);
    assert!(out.contains("invalid_client"), "{out}");
    assert_clean("traces", &logs.contents());
    assert!(
        logs.contents().contains("requesting an access token"),
        "{}",
        logs.contents()
    );
}

#[tokio::test]
async fn connection_errors_with_credentials_are_redacted() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let clock = ManualClock::new();
    let (logs, _guard) = capture_tracing();

    let mut out = String::new();
    for auth in [
        Auth::bearer(BEARER),
        Auth::basic("AC0123", PASSWORD),
        Auth::header("x-api-key", HEADER_SECRET).unwrap(),
    ] {
        let t = Transport::builder()
            .base_url(format!("http://127.0.0.1:{port}"))
            .allow_http(true)
            .auth(auth)
            .clock(Arc::new(clock.clone()))
            .build()
            .unwrap();
        let err = t.send(get()).await.unwrap_err();
        assert!(err.is_connect());
        out += &render_error(&err);
    }

    assert_clean("connection errors", &out);
    assert_clean("traces", &logs.contents());
    assert!(logs.contents().contains("retrying"), "{}", logs.contents());
}

#[tokio::test]
async fn client_secrets_of_both_client_auth_methods_stay_hidden() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(TOKEN_PATH))
        .respond_with(ResponseTemplate::new(401).set_body_json(serde_json::json!({
            "error": "invalid_client",
            "error_description": "client authentication failed",
        })))
        .mount(&server)
        .await;
    let clock = ManualClock::new();
    let (logs, _guard) = capture_tracing();

    let mut out = String::new();
    for method in [
        ClientAuthMethod::ClientSecretBasic,
        ClientAuthMethod::ClientSecretPost,
    ] {
        let b = ClientCredentials::builder(
            format!("{}{TOKEN_PATH}", server.uri()),
            "client-1",
            SPECIAL_SECRET,
        )
        .client_auth_method(method)
        .param("audience", "https://api.example.com")
        .allow_http(true)
        .clock(Arc::new(clock.clone()));
        out += &format!("{b:?}\n{b:#?}\n");
        let p = b.build().unwrap();
        out += &format!("{p:?}\n{p:#?}\n");
        let t = builder(&server, &clock).token_provider(p).build().unwrap();
        out += &format!("{t:?}\n");
        let err = t.send(get()).await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Auth);
        assert_eq!(err.vendor_code(), Some("invalid_client"));
        out += &render_error(&err);
    }

    assert_clean("client-credentials output", &out);
    assert!(out.contains("ClientSecretPost"), "{out}");
    assert!(out.contains("client authentication failed"), "{out}");
    let traces = logs.contents();
    assert_clean("traces", &traces);
    assert!(traces.contains("requesting an access token"), "{traces}");
}
