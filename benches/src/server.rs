//! A minimal hyper HTTP/1.1 server on loopback that answers from a closure.
//!
//! It runs on its own thread and single-threaded runtime, so that on a 2-core machine the
//! client and the server each have a core. The request body is read whole before the
//! closure sees it; a reply may ask for a delay (server latency) before it is sent.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;

/// What the closure sees of a request.
#[derive(Debug)]
pub struct Request {
    /// The method.
    pub method: hyper::Method,
    /// The path, as sent.
    pub path: String,
    /// The query string, as sent (empty when none).
    pub query: String,
    /// The headers.
    pub headers: hyper::HeaderMap,
    /// The body.
    pub body: Bytes,
}

impl Request {
    /// The first value of query parameter `key`, parsed.
    pub fn query_u64(&self, key: &str) -> Option<u64> {
        self.query
            .split('&')
            .filter_map(|p| p.split_once('='))
            .find(|(k, _)| *k == key)
            .and_then(|(_, v)| v.parse().ok())
    }

    /// Whether the request asks for XML (an `Accept` naming XML, or a `.xml` path).
    pub fn wants_xml(&self) -> bool {
        self.path.ends_with(".xml")
            || self
                .headers
                .get(hyper::header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.contains("xml"))
    }
}

/// The answer to a request.
#[derive(Debug, Clone)]
pub struct Reply {
    /// The status code.
    pub status: u16,
    /// The `Content-Type`.
    pub content_type: hyper::header::HeaderValue,
    /// The body.
    pub body: Bytes,
    /// How long to wait before answering.
    pub delay: Option<Duration>,
}

impl Reply {
    /// A 200 JSON answer.
    pub fn json(body: impl Into<Bytes>) -> Self {
        Reply {
            status: 200,
            content_type: hyper::header::HeaderValue::from_static("application/json"),
            body: body.into(),
            delay: None,
        }
    }

    /// A 200 XML answer.
    pub fn xml(body: impl Into<Bytes>) -> Self {
        Reply {
            content_type: hyper::header::HeaderValue::from_static("application/xml"),
            ..Reply::json(body)
        }
    }

    /// A 404 with a JSON error body.
    pub fn not_found() -> Self {
        Reply {
            status: 404,
            ..Reply::json(&br#"{"code":"NOT_FOUND","message":"no such path"}"#[..])
        }
    }

    /// This reply with another status.
    pub fn status(mut self, status: u16) -> Self {
        self.status = status;
        self
    }

    /// This reply, sent after `d`.
    pub fn after(mut self, d: Duration) -> Self {
        self.delay = Some(d).filter(|d| !d.is_zero());
        self
    }
}

/// The closure that answers requests.
pub type Handler = Arc<dyn Fn(Request) -> Reply + Send + Sync>;

async fn answer(handler: Handler, req: hyper::Request<hyper::body::Incoming>) -> Reply {
    let (parts, body) = req.into_parts();
    let body = body
        .collect()
        .await
        .map(|b| b.to_bytes())
        .unwrap_or_default();
    let req = Request {
        method: parts.method,
        path: parts.uri.path().to_owned(),
        query: parts.uri.query().unwrap_or("").to_owned(),
        headers: parts.headers,
        body,
    };
    let reply = handler(req);
    if let Some(d) = reply.delay {
        tokio::time::sleep(d).await;
    }
    reply
}

async fn serve(listener: tokio::net::TcpListener, handler: Handler) {
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        let _ = stream.set_nodelay(true);
        let handler = handler.clone();
        tokio::spawn(async move {
            let service = service_fn(move |req| {
                let handler = handler.clone();
                async move {
                    let reply = answer(handler, req).await;
                    let mut resp = hyper::Response::new(Full::new(reply.body));
                    *resp.status_mut() =
                        hyper::StatusCode::from_u16(reply.status).unwrap_or_default();
                    resp.headers_mut()
                        .insert(hyper::header::CONTENT_TYPE, reply.content_type);
                    Ok::<_, Infallible>(resp)
                }
            });
            let _ = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

/// Starts a server on its own thread and returns its address; it runs until the process
/// ends.
pub fn start(handler: impl Fn(Request) -> Reply + Send + Sync + 'static) -> SocketAddr {
    let handler: Handler = Arc::new(handler);
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("loopback-server".into())
        .spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("server runtime");
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                    .await
                    .expect("bind the loopback server");
                tx.send(listener.local_addr().expect("server address"))
                    .expect("hand the address over");
                serve(listener, handler).await;
            });
        })
        .expect("spawn the server thread");
    rx.recv().expect("server address")
}

/// A single-threaded client runtime for the calling thread (timers and I/O on).
pub fn client_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("client runtime")
}
