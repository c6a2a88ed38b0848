//! The bounded read of answer bodies: exactly at the limit is read whole, one byte more is
//! refused for a success answer and kept in part for an error answer, whether the server
//! announces the length or streams the body.

mod support;

use sdk_core::clock::ManualClock;
use sdk_core::{ErrorKind, RequestSpec, Transport};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

const LIMIT: usize = 4096;

fn bounded(server: &MockServer) -> Transport {
    support::builder(server, &ManualClock::new())
        .no_auth()
        .max_response_bytes(LIMIT)
        .build()
        .expect("transport")
}

fn text_of(len: usize) -> String {
    format!("\"{}\"", "x".repeat(len - 2))
}

#[tokio::test]
async fn a_body_of_exactly_the_limit_is_read_and_one_byte_more_is_refused() {
    let server = MockServer::start().await;
    let t = bounded(&server);
    for (len, fits) in [(LIMIT, true), (LIMIT + 1, false)] {
        server.reset().await;
        Mock::given(method("GET"))
            .respond_with(ResponseTemplate::new(200).set_body_raw(text_of(len), "application/json"))
            .mount(&server)
            .await;
        let got = t
            .execute::<String>(RequestSpec::get("t.get", "/x", &[]))
            .await;
        match got {
            Ok(s) => assert!(fits && s.len() == len - 2, "{len}"),
            Err(e) => {
                assert!(!fits, "{len}: {e}");
                assert_eq!(e.kind(), ErrorKind::Decode);
                assert!(e.to_string().contains("limit"), "{e}");
            }
        }
    }
}

#[tokio::test]
async fn an_error_answer_over_the_limit_keeps_its_status() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(404).set_body_raw(text_of(LIMIT * 4), "application/json"),
        )
        .mount(&server)
        .await;
    let err = bounded(&server)
        .execute::<String>(RequestSpec::get("t.get", "/x", &[]))
        .await
        .expect_err("404");
    assert_eq!(err.kind(), ErrorKind::Api);
    assert!(err.is_not_found());
}

#[cfg(feature = "simulator")]
#[tokio::test]
async fn a_streamed_body_without_a_length_is_cut_at_the_limit() {
    use sdk_core::sim::{Api, Fault, Simulator};

    let sim = Simulator::start(Api::new("limits"))
        .await
        .expect("simulator");
    sim.inject(Fault::huge_body(LIMIT as u64 * 8).always());
    let t = Transport::builder()
        .base_url(sim.base_url())
        .allow_http(true)
        .no_auth()
        .max_response_bytes(LIMIT)
        .build()
        .expect("transport");
    let err = t
        .execute::<serde_json::Value>(RequestSpec::get("t.get", "/anything", &[]))
        .await
        .expect_err("too large");
    assert_eq!(err.kind(), ErrorKind::Decode);
    assert!(
        err.body().is_some_and(|b| b.len() <= LIMIT),
        "a bounded snippet"
    );
    sim.shutdown().await;
}
