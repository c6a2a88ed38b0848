//! No id can change the path, the query, the fragment or the host of a request; bad
//! configuration and bad ids are refused before anything is sent.

mod support;

use percent_encoding::percent_decode_str;
use proptest::prelude::*;
use sdk_core::clock::ManualClock;
use sdk_core::request::fill_path;
use sdk_core::{ErrorKind, RequestSpec, Transport};
use support::{received, transport};
use url::Url;
use wiremock::matchers;
use wiremock::{Mock, MockServer, ResponseTemplate};

fn is_refused(id: &str) -> bool {
    id.is_empty() || id == "." || id == ".."
}

/// Strings built from pieces that attack paths, plus arbitrary characters.
fn ids() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        2 => any::<char>().prop_map(String::from),
        2 => prop::sample::select(vec![
            "/", "?", "#", "%", ".", "..", " ", "@", ":", "+", "%2e", "%2E%2e", "%2F", "%3F",
            "\\", ";", "&", "=", "[", "]", "{", "}", "|", "\"", "'", "<", ">", "`", "^", "~",
            "\t", "\n", "\r", "\u{0}", "\u{7f}", "é", "日本", "\u{202e}", "\u{fffd}", "😀",
            "//", "/../", "http://evil.example", "@evil.example", "?x=1", "#frag",
        ])
        .prop_map(str::to_owned),
        1 => "[a-zA-Z0-9._~-]{1,4}",
    ];
    prop::collection::vec(piece, 0..8).prop_map(|v| v.concat())
}

fn check_one(id: &str) -> Result<(), TestCaseError> {
    match fill_path("/a/{id}/b", &[id]) {
        Err(e) => {
            prop_assert!(is_refused(id), "refused {id:?}: {e}");
            prop_assert_eq!(e.kind(), ErrorKind::InvalidInput);
            prop_assert_eq!(e.field(), Some("id"));
        }
        Ok(p) => {
            prop_assert!(!is_refused(id), "accepted {id:?} as {p:?}");
            let url = Url::parse(&format!("https://h.example/base{p}"))
                .map_err(|e| TestCaseError::fail(format!("{p:?} does not parse: {e}")))?;
            prop_assert_eq!(url.scheme(), "https");
            prop_assert_eq!(url.host_str(), Some("h.example"));
            prop_assert_eq!(url.port(), None);
            prop_assert_eq!(url.username(), "");
            prop_assert_eq!(url.query(), None);
            prop_assert_eq!(url.fragment(), None);
            let segments: Vec<&str> = url.path_segments().expect("a path").collect();
            prop_assert_eq!(segments.len(), 4, "{:?} from {:?}", segments, id);
            prop_assert_eq!(&segments[..2], &["base", "a"][..]);
            prop_assert_eq!(segments[3], "b");
            let seg = segments[2];
            let decoded = percent_decode_str(seg)
                .decode_utf8()
                .map_err(|e| TestCaseError::fail(format!("{seg:?} is not UTF-8: {e}")))?;
            prop_assert_eq!(decoded.as_ref(), id);
            // `@`, `:` and `+` travel raw, as the vendor documents send them
            for c in ['@', ':', '+'] {
                prop_assert_eq!(seg.matches(c).count(), id.matches(c).count(), "{}", c);
            }
            // the transport sets the path with `set_path`: it must leave our encoding alone
            let mut set = Url::parse("https://h.example/base").expect("base");
            set.set_path(&format!("/base{p}"));
            prop_assert_eq!(set.as_str(), url.as_str());
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn no_id_escapes_its_segment(id in ids()) {
        check_one(&id)?;
    }

    #[test]
    fn no_arbitrary_string_escapes_its_segment(id in any::<String>()) {
        check_one(&id)?;
    }
}

#[test]
fn known_attacks_stay_in_one_segment() {
    for id in [
        "",
        ".",
        "..",
        "...",
        ".%2e",
        "%2e%2e",
        "../etc",
        "a/../../b",
        "?admin=1",
        "#x",
        "%00",
        "//evil.example",
        "http://evil.example/",
        "@evil.example",
        "a b",
        "x;y",
        "Zürich",
    ] {
        check_one(id).unwrap_or_else(|e| panic!("{id:?}: {e}"));
    }
}

#[tokio::test]
async fn reserved_characters_reach_the_server_inside_one_segment() {
    let server = MockServer::start().await;
    Mock::given(matchers::any())
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;
    let t = Transport::builder()
        .base_url(format!("{}/base", server.uri()))
        .allow_http(true)
        .no_auth()
        .clock(std::sync::Arc::new(ManualClock::new()))
        .build()
        .unwrap();

    for (id, wire) in [
        ("a/b?c#d", "a%2Fb%3Fc%23d"),
        ("../../admin", "..%2F..%2Fadmin"),
        ("100% sure", "100%25%20sure"),
        ("user@sip.example.com:5060+1", "user@sip.example.com:5060+1"),
    ] {
        t.send(RequestSpec::get(
            "test.items.get",
            "/items/{id}/details",
            &[id],
        ))
        .await
        .unwrap();
        let requests = received(&server).await;
        let req = requests.last().unwrap();
        assert_eq!(
            req.url.path(),
            format!("/base/items/{wire}/details"),
            "{id}"
        );
        assert_eq!(req.url.query(), None, "{id}");
        assert_eq!(
            req.url.path_segments().unwrap().count(),
            4,
            "{id} stays one segment"
        );
    }
}

#[tokio::test]
async fn bad_ids_are_refused_before_sending() {
    let server = MockServer::start().await;
    Mock::given(matchers::any())
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;
    let t = transport(&server, &ManualClock::new());

    for (params, field) in [
        (&[""][..], "id"),
        (&["."][..], "id"),
        (&[".."][..], "id"),
        (&[][..], "id"),
        (&["1", "2"][..], "path"),
    ] {
        let err = t
            .send(RequestSpec::delete(
                "test.items.delete",
                "/items/{id}",
                params,
            ))
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{params:?}");
        assert_eq!(err.field(), Some(field), "{params:?}");
        assert_eq!(err.operation(), Some("test.items.delete"));
    }
    assert!(received(&server).await.is_empty());
}

#[tokio::test]
async fn plain_http_without_the_opt_in_is_refused_and_nothing_is_sent() {
    let server = MockServer::start().await;
    Mock::given(matchers::any())
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;

    let err = Transport::builder()
        .base_url(server.uri())
        .no_auth()
        .build()
        .unwrap_err();

    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(err.field(), Some("base_url"));
    assert!(err.to_string().contains("allow_http"), "{err}");
    assert!(received(&server).await.is_empty());
}

#[test]
fn invalid_base_urls_are_refused() {
    for bad in [
        "not a url",
        "",
        "ftp://h.example",
        "https://",
        "https://user:pw@h.example",
        "https://h.example/?q=1",
        "https://h.example/#frag",
    ] {
        let err = Transport::builder()
            .base_url(bad)
            .no_auth()
            .build()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{bad:?}");
        assert_eq!(err.field(), Some("base_url"), "{bad:?}");
    }
    let err = Transport::builder().no_auth().build().unwrap_err();
    assert_eq!(err.field(), Some("base_url"), "a base URL is required");
}

#[test]
fn the_base_path_is_kept_below_the_origin() {
    let t = Transport::builder()
        .base_url("https://h.example/api/admin/voice/v1/")
        .no_auth()
        .build()
        .unwrap();
    assert_eq!(
        t.base_url().as_str(),
        "https://h.example/api/admin/voice/v1"
    );
}
