//! The `traces` story: the SDK's spans as OpenTelemetry receives them.

use opentelemetry::Value;
use opentelemetry::trace::SpanKind;
use opentelemetry_sdk::trace::{InMemorySpanExporter, SpanData};

fn attr<'a>(span: &'a SpanData, key: &str) -> Option<&'a Value> {
    span.attributes
        .iter()
        .find(|kv| kv.key.as_str() == key)
        .map(|kv| &kv.value)
}

#[tokio::test]
async fn every_operation_is_a_client_span_with_the_http_attributes() {
    let sim = axp_voice::sim::start().await.expect("simulator");
    let client = axp_voice::sim::client(&sim).expect("client");
    let exporter = InMemorySpanExporter::default();
    let provider = examples::traces::provider(exporter.clone());
    examples::traces::run(&provider, &client)
        .await
        .expect("run");
    provider.force_flush().expect("flushed");
    let spans = exporter.get_finished_spans().expect("spans");

    let root = spans
        .iter()
        .find(|s| s.name == "provision")
        .expect("the program's span");
    let create = spans
        .iter()
        .find(|s| s.name == "axp.reason_codes.create")
        .expect("the create's span");
    assert_eq!(create.span_kind, SpanKind::Client);
    assert_eq!(create.parent_span_id, root.span_context.span_id());
    assert_eq!(
        attr(create, "http.request.method")
            .map(Value::as_str)
            .as_deref(),
        Some("POST")
    );
    let template = attr(create, "url.template")
        .map(|v| v.as_str().into_owned())
        .expect("template");
    assert_eq!(
        template,
        "/accounts/{accountId}/communication-managers/{communicationManagerId}/reason-codes",
        "the template, never the ids"
    );
    assert_eq!(
        attr(create, "server.address").map(Value::as_str).as_deref(),
        Some("127.0.0.1")
    );
    assert_eq!(
        attr(create, "http.response.status_code")
            .map(Value::as_str)
            .as_deref(),
        Some("202")
    );
    // The wait's reads and the list are spans of their own, in the same trace.
    assert!(
        spans.iter().any(|s| s.name == "axp.reason_codes.get"),
        "the wait polls"
    );
    let list = spans
        .iter()
        .find(|s| s.name == "axp.reason_codes.list")
        .expect("the list");
    assert_eq!(list.span_context.trace_id(), root.span_context.trace_id());
    // Only the SDK's spans and the program's: nothing of the HTTP stack below them.
    assert!(
        spans
            .iter()
            .all(|s| s.name == "provision" || s.name.starts_with("axp."))
    );
}
