//! Traces of the SDK's requests in OpenTelemetry: a `tracing` subscriber with the
//! `tracing-opentelemetry` layer in front of an OpenTelemetry tracer, so every operation is
//! a client span named after its catalog id, carrying the HTTP client attributes
//! (`http.request.method`, `url.template`, `server.address`, `server.port`,
//! `http.response.status_code`, `http.request.resend_count`, `error.type`) and the vendor's
//! request id. The `traces` program exports them to stdout; the same wiring with the
//! OTLP exporter sends them to a collector.

use axp_voice::AxpClient;
use axp_voice::reason_codes::{NewReasonCode, ReasonCodeType};
use opentelemetry::trace::TracerProvider as _;
use opentelemetry_sdk::trace::{SdkTracerProvider, SpanExporter};
use tracing::{Instrument, Level};
use tracing_subscriber::filter::Targets;
use tracing_subscriber::layer::SubscriberExt;

/// A tracer provider exporting each finished span to `exporter` as it ends (a batch
/// exporter is the choice for production; this one keeps the example's output in order).
pub fn provider(exporter: impl SpanExporter + 'static) -> SdkTracerProvider {
    SdkTracerProvider::builder()
        .with_simple_exporter(exporter)
        .build()
}

/// Runs a few AXP operations under a subscriber that sends their spans to `provider`: a
/// reason code created and awaited, then the list read, all inside one `provision` span.
///
/// # Errors
///
/// The operations' errors.
pub async fn run(provider: &SdkTracerProvider, client: &AxpClient) -> Result<(), sdk_core::Error> {
    let tracer = provider.tracer("contact-center-sdk");
    // The SDK's spans and this program's; not the HTTP stack's own events below them.
    let only = Targets::new()
        .with_target("sdk_core", Level::DEBUG)
        .with_target("examples", Level::INFO);
    let subscriber = tracing_subscriber::registry()
        .with(tracing_opentelemetry::layer().with_tracer(tracer))
        .with(only);
    let _guard = tracing::subscriber::set_default(subscriber);
    let codes = client
        .account("ABCDEF")
        .communication_manager("cm-1")
        .reason_codes();
    async {
        codes
            .create(&NewReasonCode::new("Lunch", "11", ReasonCodeType::NotReady))
            .await?
            .wait()
            .await?;
        codes.list().collect_all().await?;
        Ok::<_, sdk_core::Error>(())
    }
    .instrument(tracing::info_span!("provision"))
    .await
}
