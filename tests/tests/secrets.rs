//! No secret in any output: a whole provisioning run on the four simulators (a bearer
//! token, an OAuth2 client secret and the token it buys, a CPaaS AuthToken, an API key
//! header), with tracing at TRACE, faults on the way (throttling, 5xx, a rejected token,
//! a failing token endpoint, a dropped connection), and every error printed with `{}`,
//! `{:?}` and its source chain. The capture holds everything; no secret is in it.

mod support;

use std::error::Error as _;
use std::io;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use apio_callcenter::ApioClient;
use apio_callcenter::call_centers::{NewCallCenter, Policy, ServiceInstanceProfile};
use axp_voice::AxpClient;
use axp_voice::phone_numbers::NewPhoneNumber;
use cpaas::CpaasClient;
use cpaas::applications::ApplicationRequest;
use cpaas::sms::SendSms;
use sdk_core::sim::{Fault, RetryAfter};
use sdk_core::{Auth, ClientCredentials, Method, PollPolicy};
use sinch_rci::RciClient;
use sinch_rci::users::UserRequest;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const BEARER: &str = "BEARER-SECRET-b41e9a";
const CLIENT_SECRET: &str = "CLIENT-SECRET-77c0d2";
const ACCESS_TOKEN: &str = "ACCESS-TOKEN-3f8e51";
const AUTH_TOKEN: &str = "AUTH-TOKEN-c2d7a6";
const API_KEY: &str = "API-KEY-9a0b1c";
const CPAAS_SID: &str = "AC00000000000000000000000000000042";

fn base64(s: &str) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in s.as_bytes().chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            out.push(if i <= chunk.len() {
                ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char
            } else {
                '='
            });
        }
    }
    out
}

/// Every secret, and the forms a basic `Authorization` header carries them in.
fn secrets() -> Vec<String> {
    vec![
        BEARER.to_owned(),
        CLIENT_SECRET.to_owned(),
        ACCESS_TOKEN.to_owned(),
        AUTH_TOKEN.to_owned(),
        API_KEY.to_owned(),
        base64(&format!("{CPAAS_SID}:{AUTH_TOKEN}")),
        base64(&format!("voice-admin:{CLIENT_SECRET}")),
    ]
}

/// Everything the run writes: the tracing output and the printed errors.
#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Capture {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().expect("capture")).into_owned()
    }

    fn print(&self, text: &str) {
        self.0
            .lock()
            .expect("capture")
            .extend_from_slice(text.as_bytes());
    }

    /// `{}` and `{:?}` of an error and of every error in its source chain.
    fn error(&self, what: &str, err: &sdk_core::Error) {
        let mut out = format!("{what}: {err}\n{err:?}\n");
        let mut source = err.source();
        while let Some(s) = source {
            out.push_str(&format!("  caused by: {s}\n  {s:?}\n"));
            source = s.source();
        }
        self.print(&out);
    }

    fn result<T: std::fmt::Debug>(&self, what: &str, r: sdk_core::Result<T>) -> Option<T> {
        match r {
            Ok(v) => {
                self.print(&format!("{what}: {v:?}\n"));
                Some(v)
            }
            Err(e) => {
                self.error(what, &e);
                None
            }
        }
    }
}

impl io::Write for Capture {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.lock().expect("capture").extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn quick() -> PollPolicy {
    PollPolicy::default()
        .initial_delay(Duration::from_millis(1))
        .max_interval(Duration::from_millis(2))
        .deadline(Duration::from_secs(20))
}

// Current-thread: every task of the run (clients, simulators) runs on this thread, where
// the capturing subscriber is the default.
#[tokio::test]
async fn a_whole_provisioning_run_at_trace_prints_no_secret() {
    let capture = Capture::default();
    let writer = capture.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    let (_, clock) = support::manual();

    // The OAuth2 token endpoint: fails once, then answers.
    let token = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/token"))
        .respond_with(ResponseTemplate::new(500).set_body_json(serde_json::json!({
            "error": "server_error", "error_description": "try later"
        })))
        .up_to_n_times(1)
        .mount(&token)
        .await;
    Mock::given(method("POST"))
        .and(path("/token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "access_token": ACCESS_TOKEN, "token_type": "bearer", "expires_in": 300
        })))
        .mount(&token)
        .await;
    let provider = ClientCredentials::builder(
        format!("{}/token", token.uri()),
        "voice-admin",
        CLIENT_SECRET,
    )
    .allow_http(true)
    .clock(clock.clone())
    .build()
    .expect("provider");
    capture.print(&format!("{provider:?}\n"));

    let axp_sim = axp_voice::sim::start().await.expect("sim");
    let apio_sim = apio_callcenter::sim::start().await.expect("sim");
    let sinch_sim = sinch_rci::sim::start().await.expect("sim");
    let cpaas_sim = cpaas::sim::start().await.expect("sim");
    let axp = AxpClient::builder()
        .base_url(axp_sim.base_url())
        .allow_http(true)
        .token_provider(provider)
        .clock(clock.clone())
        .poll_policy(quick())
        .build()
        .expect("client");
    let apio = ApioClient::builder()
        .base_url(apio_sim.base_url())
        .allow_http(true)
        .bearer(BEARER)
        .clock(clock.clone())
        .build()
        .expect("client");
    let sinch = RciClient::builder()
        .base_url(sinch_sim.api_url())
        .allow_http(true)
        .auth(Auth::header("x-api-key", API_KEY).expect("header"))
        .clock(clock.clone())
        .build()
        .expect("client");
    let cpaas = CpaasClient::builder()
        .base_url(cpaas_sim.base_url())
        .allow_http(true)
        .basic(CPAAS_SID, AUTH_TOKEN)
        .clock(clock.clone())
        .poll_policy(quick())
        .build()
        .expect("client");
    capture.print(&format!("{axp:?}\n{apio:?}\n{sinch:?}\n{cpaas:?}\n"));

    // AXP: the token endpoint fails once; then a rejected token is refreshed; a 429 and a
    // 503 are retried; a number is created and waited for; a 404 and a 500 are printed.
    let numbers = axp.account("ABCDEF").phone_numbers();
    let number = NewPhoneNumber::new("+16479308804", "Support", "US");
    capture.result(
        "axp create, token endpoint down",
        numbers
            .create(&number)
            .await
            .map(|a| a.id().map(str::to_owned)),
    );
    axp_sim.inject(Fault::status(401).on(Method::POST, "/api/"));
    axp_sim.inject(Fault::retry_after(429, RetryAfter::Seconds(1)).on(Method::GET, "/api/"));
    axp_sim.inject(Fault::status(503).on(Method::GET, "/api/"));
    if let Some(accepted) = capture.result("axp create", numbers.create(&number).await) {
        capture.result("axp wait", accepted.wait().await);
    }
    capture.result("axp get missing", numbers.get("missing").await);
    axp_sim.inject(Fault::status(500).on(Method::GET, "/api/"));
    capture.result("axp list by ids", numbers.list_by_ids(&["x"]).await);
    capture.result("axp get 500", numbers.get("missing").await);

    // APIO: a create, a dropped connection on a read (retried), a 409, a 500 create.
    let centers = apio.tenant("acme").group("support").call_centers();
    let cc = NewCallCenter::new(ServiceInstanceProfile::named("Helpdesk"), Policy::Regular)
        .service_user_id("helpdesk@sip.example.com");
    capture.result("apio create", centers.create(&cc).await);
    capture.result("apio duplicate", centers.create(&cc).await);
    apio_sim.inject(Fault::drop_connection().on(Method::GET, "/api/"));
    capture.result("apio get", centers.get("helpdesk@sip.example.com").await);
    apio_sim.inject(Fault::drop_connection().on(Method::POST, "/api/"));
    capture.result("apio create dropped", centers.create(&cc).await);
    apio_sim.inject(Fault::html_error(502).always());
    capture.result("apio list behind a broken proxy", centers.list().await);
    apio_sim.clear_faults();

    // Sinch: a user, a validation error, an unknown id, a malformed answer.
    let users = sinch.users();
    if let Some(id) = capture.result(
        "sinch create",
        users.create(&UserRequest::new("John", "Fox")).await,
    ) {
        capture.result("sinch get", users.get(&id).await);
        sinch_sim.inject(Fault::malformed_body().on(Method::GET, "/RI/"));
        capture.result("sinch get malformed", users.get(&id).await);
    }
    capture.result("sinch bad id", users.get("not-an-id").await);
    capture.result(
        "sinch unknown",
        users.get("0123456789ABCDEF0123456789ABCDEF").await,
    );

    // CPaaS: an application, an SMS waited for, a RestException, a truncated answer.
    let account = cpaas.account();
    capture.result(
        "cpaas app",
        account
            .applications()
            .create(&ApplicationRequest::new().friendly_name("ivr"))
            .await,
    );
    if let Some(sms) = capture.result(
        "cpaas sms",
        account
            .sms()
            .send(&SendSms::new("+12223334444", "+15556667777", "hi"))
            .await,
    ) {
        capture.result("cpaas sms wait", sms.wait().await);
    }
    capture.result("cpaas missing", account.applications().get("AP0").await);
    cpaas_sim.inject(Fault::truncated_body().always().on(Method::GET, "/v2/"));
    capture.result("cpaas truncated", account.applications().get("AP0").await);
    cpaas_sim.clear_faults();

    // The secrets reached the servers: a leak would have had something to leak.
    let sent = |sim: &sdk_core::sim::Simulator, header: &str| {
        sim.requests()
            .iter()
            .filter_map(|r| r.header(header).map(str::to_owned))
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert!(sent(&axp_sim, "authorization").contains(ACCESS_TOKEN));
    assert!(sent(&apio_sim, "authorization").contains(BEARER));
    assert!(sent(&sinch_sim, "x-api-key").contains(API_KEY));
    assert!(
        sent(&cpaas_sim, "authorization").contains(&base64(&format!("{CPAAS_SID}:{AUTH_TOKEN}")))
    );
    assert_eq!(
        token.received_requests().await.expect("recording").len(),
        3,
        "failed, fetched, refreshed after the 401"
    );

    let out = capture.text();
    for needle in [
        "TRACE",
        "DEBUG",
        "retrying",
        "401",
        "axp.phone_numbers.create",
        "caused by",
    ] {
        assert!(
            out.contains(needle),
            "the capture holds {needle:?}: the run was traced"
        );
    }
    for secret in secrets() {
        assert!(!out.contains(&secret), "output leaks {secret:?}:\n{out}");
    }
    println!(
        "secrets: {} bytes of TRACE output and printed errors, {} secrets, none found",
        out.len(),
        secrets().len()
    );
}
