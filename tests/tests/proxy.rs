//! Proxies: a client built without a `reqwest::Client` of its own sends through the proxy
//! that `HTTP_PROXY` names, with the credentials of the proxy URL, as the README says.
//!
//! The client runs in a child process of the test binary, whose environment names the proxy.

use axp_voice::AxpClient;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// Accepts one connection, keeps its request head and answers `200 {}`.
async fn one_request(listener: TcpListener) -> String {
    let (mut socket, _) = listener.accept().await.expect("accept");
    let mut head = Vec::new();
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = socket.read(&mut buf).await.expect("read");
        assert!(n > 0, "the connection closed before the request head ended");
        head.extend_from_slice(&buf[..n]);
    }
    let body = br#"{"resources":[],"totalRecords":0}"#;
    let answer = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
        body.len()
    );
    socket.write_all(answer.as_bytes()).await.expect("write");
    socket.write_all(body).await.expect("write");
    String::from_utf8_lossy(&head).into_owned()
}

/// Run by the test below in a child process whose environment names the proxy.
#[tokio::test]
#[ignore = "run by http_proxy_from_the_environment_is_used_with_its_credentials"]
async fn child_lists_through_the_environment_proxy() {
    let client = AxpClient::builder()
        .base_url("http://axp.example.invalid")
        .allow_http(true)
        .bearer("token")
        .build()
        .expect("client");
    let points = client
        .account("ACC1")
        .route_points()
        .list()
        .collect_all()
        .await
        .expect("the proxy's answer is the service's");
    assert!(points.is_empty());
}

#[tokio::test]
async fn http_proxy_from_the_environment_is_used_with_its_credentials() {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let proxy = format!(
        "http://proxyuser:proxypass@{}",
        listener.local_addr().expect("addr")
    );
    let server = tokio::spawn(one_request(listener));
    let exe = std::env::current_exe().expect("test binary");
    let child = tokio::task::spawn_blocking(move || {
        std::process::Command::new(exe)
            .args([
                "--exact",
                "child_lists_through_the_environment_proxy",
                "--ignored",
            ])
            .env("HTTP_PROXY", &proxy)
            .env_remove("NO_PROXY")
            .env_remove("no_proxy")
            .env_remove("ALL_PROXY")
            .env_remove("all_proxy")
            .output()
            .expect("child test")
    })
    .await
    .expect("child task");
    assert!(
        child.status.success(),
        "{}",
        String::from_utf8_lossy(&child.stdout)
    );
    // The child succeeded, so something answered it: the proxy, or the test says so.
    let head = tokio::time::timeout(std::time::Duration::from_secs(5), server)
        .await
        .expect("the proxy saw no request")
        .expect("proxy task");
    let request_line = head.lines().next().unwrap_or_default();
    assert!(
        request_line.starts_with("GET http://axp.example.invalid/"),
        "an absolute-form request to the proxy: {request_line}"
    );
    // Basic base64("proxyuser:proxypass")
    assert!(
        head.to_ascii_lowercase()
            .contains("proxy-authorization: basic chjvehl1c2vyonbyb3h5cgfzcw=="),
        "{head}"
    );
}
