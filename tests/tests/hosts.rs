//! Hosts and TLS: a plain `http://` base URL is refused unless the caller opts in, for every
//! client and for the OAuth2 token URL, and a redirect to another host or port never
//! carries credentials there.

use std::time::Duration;

use apio_callcenter::ApioClient;
use axp_voice::AxpClient;
use cpaas::CpaasClient;
use sdk_core::{Auth, ClientCredentials, ErrorKind};
use sinch_rci::RciClient;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const BEARER: &str = "BEARER-SECRET-1d9f";
const AUTH_TOKEN: &str = "AUTH-TOKEN-SECRET-77aa";
const API_KEY: &str = "API-KEY-SECRET-42cb";
const CLIENT_SECRET: &str = "CLIENT-SECRET-0c3e";
const ACCESS_TOKEN: &str = "ACCESS-TOKEN-SECRET-8e21";

#[tokio::test]
async fn plain_http_is_refused_without_the_opt_in_and_nothing_is_sent() {
    let server = MockServer::start().await;
    let url = server.uri();
    assert!(url.starts_with("http://"));

    let refusals = [
        AxpClient::builder()
            .base_url(&url)
            .bearer(BEARER)
            .build()
            .map(drop),
        ApioClient::builder()
            .base_url(&url)
            .bearer(BEARER)
            .build()
            .map(drop),
        RciClient::builder()
            .base_url(&url)
            .bearer(BEARER)
            .build()
            .map(drop),
        CpaasClient::builder()
            .base_url(&url)
            .basic("AC1", AUTH_TOKEN)
            .build()
            .map(drop),
        ClientCredentials::builder(format!("{url}/token"), "client", CLIENT_SECRET)
            .build()
            .map(drop),
    ];
    for (i, result) in refusals.into_iter().enumerate() {
        let err = result.expect_err("plain http refused");
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "client {i}");
        assert_eq!(err.field(), Some("base_url"), "client {i}: {err}");
        assert!(
            err.to_string().contains("allow_http"),
            "says how to opt in: {err}"
        );
    }
    // Other schemes are refused whatever the opt-in.
    for bad in [
        "ftp://example.com",
        "file:///etc/passwd",
        "ws://example.com",
    ] {
        let err = AxpClient::builder()
            .base_url(bad)
            .allow_http(true)
            .bearer(BEARER)
            .build()
            .expect_err("refused");
        assert_eq!(err.field(), Some("base_url"), "{bad}");
    }
    // With the opt-in the same URL is accepted.
    ApioClient::builder()
        .base_url(&url)
        .allow_http(true)
        .bearer(BEARER)
        .build()
        .expect("opted in");
    assert!(
        server
            .received_requests()
            .await
            .expect("recording")
            .is_empty()
    );
}

/// Header values of `req` that hold any secret, by header name.
fn credentials(req: &Request) -> Vec<String> {
    req.headers
        .iter()
        .filter(|(_, v)| {
            let v = v.to_str().unwrap_or("");
            v.to_ascii_lowercase().starts_with("basic ")
                || [BEARER, API_KEY, ACCESS_TOKEN, AUTH_TOKEN]
                    .iter()
                    .any(|s| v.contains(s))
        })
        .map(|(n, _)| n.as_str().to_owned())
        .chain(
            req.headers
                .contains_key("authorization")
                .then(|| "authorization".to_owned()),
        )
        .collect()
}

#[tokio::test]
async fn a_redirect_to_another_host_carries_no_credentials() {
    // `other` is reached as `localhost`, `origin` as `127.0.0.1`: another host (and port).
    let origin = MockServer::start().await;
    let other = MockServer::start().await;
    let other_url = other.uri().replace("127.0.0.1", "localhost");
    let token = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "access_token": ACCESS_TOKEN, "token_type": "bearer", "expires_in": 300
        })))
        .mount(&token)
        .await;
    for status in [301u16, 302, 303, 307, 308] {
        Mock::given(path(format!("/r{status}")))
            .respond_with(
                ResponseTemplate::new(status)
                    .insert_header("location", format!("{other_url}/landed").as_str()),
            )
            .mount(&origin)
            .await;
    }
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({})))
        .mount(&other)
        .await;

    let provider =
        ClientCredentials::builder(format!("{}/token", token.uri()), "client", CLIENT_SECRET)
            .allow_http(true)
            .build()
            .expect("provider");
    let auths = [
        ("bearer", Auth::bearer(BEARER)),
        ("basic", Auth::basic("AC1", AUTH_TOKEN)),
        (
            "header",
            Auth::header("x-api-key", API_KEY).expect("header"),
        ),
        ("token provider", Auth::token_provider(provider)),
    ];
    for (name, auth) in auths {
        let transport = sdk_core::Transport::builder()
            .base_url(origin.uri())
            .allow_http(true)
            .auth(auth)
            .timeout(Duration::from_secs(5))
            .retry_policy(sdk_core::RetryPolicy::none())
            .build()
            .expect("transport");
        for status in [301u16, 302, 303, 307, 308] {
            let spec =
                sdk_core::RequestSpec::get("test.redirect", "/{p}", &[&format!("r{status}")]);
            let result = transport.send(spec).await;
            // Not followed: the 3xx answer is the error.
            let e = result.expect_err("a redirect to another origin is not followed");
            assert_eq!(e.kind(), ErrorKind::Api);
            assert_eq!(
                e.status().map(|s| s.as_u16()),
                Some(status),
                "{name}: {e:?}"
            );
        }
        for req in other.received_requests().await.expect("recording") {
            assert!(
                credentials(&req).is_empty(),
                "{name}: credentials carried to another host: {:?}",
                req.headers
            );
        }
    }
    // The origin saw the credentials: the test would notice a leak.
    let at_origin = origin.received_requests().await.expect("recording");
    assert_eq!(at_origin.len(), 4 * 5);
    assert!(at_origin.iter().all(|r| !credentials(r).is_empty()));
    assert!(
        other
            .received_requests()
            .await
            .expect("recording")
            .is_empty()
    );
}

#[tokio::test]
async fn a_shared_client_from_http_client_builder_keeps_the_same_origin_rule() {
    let origin = MockServer::start().await;
    let other = MockServer::start().await;
    let other_url = other.uri().replace("127.0.0.1", "localhost");
    Mock::given(path("/away"))
        .respond_with(
            ResponseTemplate::new(302).insert_header("location", format!("{other_url}/x").as_str()),
        )
        .mount(&origin)
        .await;
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({})))
        .mount(&other)
        .await;
    let http = sdk_core::http_client_builder()
        .pool_max_idle_per_host(4)
        .build()
        .expect("client");
    let transport = sdk_core::Transport::builder()
        .base_url(origin.uri())
        .allow_http(true)
        .bearer(BEARER)
        .http_client(http)
        .retry_policy(sdk_core::RetryPolicy::none())
        .build()
        .expect("transport");
    let e = transport
        .send(sdk_core::RequestSpec::get("test.redirect", "/away", &[]))
        .await
        .expect_err("not followed to another origin");
    assert_eq!(e.status().map(|s| s.as_u16()), Some(302), "{e:?}");
    assert!(
        other
            .received_requests()
            .await
            .expect("recording")
            .is_empty()
    );
}

#[tokio::test]
async fn a_redirect_within_the_origin_is_followed_with_credentials() {
    let origin = MockServer::start().await;
    Mock::given(path("/old"))
        .respond_with(ResponseTemplate::new(307).insert_header("location", "/new"))
        .mount(&origin)
        .await;
    Mock::given(path("/new"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({"ok": true})))
        .mount(&origin)
        .await;
    let transport = sdk_core::Transport::builder()
        .base_url(origin.uri())
        .allow_http(true)
        .bearer(BEARER)
        .build()
        .expect("transport");
    let answer: serde_json::Value = transport
        .execute(sdk_core::RequestSpec::get("test.redirect", "/old", &[]))
        .await
        .expect("followed");
    assert_eq!(answer["ok"], true);
    let received = origin.received_requests().await.expect("recording");
    assert_eq!(received.len(), 2);
    assert!(received.iter().all(|r| !credentials(r).is_empty()));
}
