//! The SDK's own TLS setup (rustls on the ring provider, the platform's roots): an HTTPS
//! client builds, speaks TLS, and reports a server that does not as a transport error.

use sdk_core::{ErrorKind, RequestSpec, RetryPolicy, Transport};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

#[tokio::test]
async fn an_https_client_opens_with_a_tls_handshake() {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("a port");
    let port = listener.local_addr().expect("an address").port();
    let server = tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.expect("a connection");
        let mut first = [0u8; 3];
        socket
            .read_exact(&mut first)
            .await
            .expect("the first bytes");
        // Not a TLS server: answer plain HTTP, which the client must refuse.
        let _ = socket
            .write_all(b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n")
            .await;
        first
    });
    let transport = Transport::builder()
        .base_url(format!("https://127.0.0.1:{port}"))
        .no_auth()
        .retry_policy(RetryPolicy::none())
        .build()
        .expect("an HTTPS transport");

    let err = transport
        .send(RequestSpec::get("t.get", "/x", &[]))
        .await
        .expect_err("no TLS server");

    assert_eq!(err.kind(), ErrorKind::Transport, "{err}");
    let first = server.await.expect("the server task");
    assert_eq!(first[0], 0x16, "a TLS handshake record");
    assert_eq!(first[1], 0x03, "TLS record version");
}

#[test]
fn the_shared_builder_makes_a_client() {
    assert!(sdk_core::http_client_builder().build().is_ok());
}
