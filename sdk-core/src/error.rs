//! The one error type of the workspace.
//!
//! [`Error`] is opaque: match on [`Error::kind`] and read the details through its
//! accessors. No foreign error type appears in its public API; the underlying cause, when
//! there is one, is reachable through [`std::error::Error::source`].

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use http::{HeaderMap, StatusCode};

/// The result type of every fallible call in the workspace.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// How many bytes of an error body (or of an undecodable body) an [`Error`] keeps.
pub const MAX_BODY_SNIPPET: usize = 4096;

/// Headers a server may carry its request id in, tried in this order.
const REQUEST_ID_HEADERS: &[&str] = &[
    "x-request-id",
    "x-correlation-id",
    "request-id",
    "x-amzn-requestid",
    "x-b3-traceid",
];

/// What went wrong, broadly. The details are on [`Error`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The server answered with an error status. The request reached the server.
    Api,
    /// The request could not be sent or its answer could not be read (DNS, connect, TLS,
    /// connection reset). Whether the request reached the server is unknown unless
    /// [`Error::is_connect`] says it did not.
    Transport,
    /// No answer within the configured timeout. The request may have reached the server.
    Timeout,
    /// The server answered with a success status but a body that could not be decoded into
    /// the expected type, or that lacks what the operation needs (a `202` naming no
    /// resource). The request reached the server.
    Decode,
    /// The caller's input was rejected before anything was sent (an empty id, a missing
    /// required field, a bad base URL, a body that does not serialize). Nothing reached the
    /// server; an error returned after a request was sent never has this kind.
    InvalidInput,
    /// A long-running operation reached a failure status. See
    /// [`Error::operation_status`] and [`Error::vendor_message`].
    OperationFailed,
    /// A long-running operation did not reach a terminal status before the poll deadline.
    /// [`Error::operation_status`] holds the last status seen.
    PollTimeout,
    /// Obtaining credentials failed (for example the OAuth2 token endpoint refused the
    /// client: its `error` and `error_description` are then [`Error::vendor_code`] and
    /// [`Error::vendor_message`], its answer the [`source`](std::error::Error::source)).
    /// Nothing was sent to the API itself.
    Auth,
}

impl ErrorKind {
    fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Api => "api error",
            ErrorKind::Transport => "transport error",
            ErrorKind::Timeout => "timed out",
            ErrorKind::Decode => "could not decode response",
            ErrorKind::InvalidInput => "invalid input",
            ErrorKind::OperationFailed => "operation failed",
            ErrorKind::PollTimeout => "poll deadline passed",
            ErrorKind::Auth => "authentication failed",
        }
    }
}

/// The error of every fallible call in the workspace.
///
/// ```
/// use sdk_core::{Error, ErrorKind};
///
/// fn describe(err: &Error) -> String {
///     match err.kind() {
///         ErrorKind::Api if err.is_not_found() => "gone".to_owned(),
///         ErrorKind::Api => format!("server said {:?}", err.vendor_message()),
///         ErrorKind::InvalidInput => format!("fix the input: {err}"),
///         _ => err.to_string(),
///     }
/// }
/// # let _ = describe;
/// ```
#[derive(Clone)]
pub struct Error {
    inner: Box<Inner>,
}

#[derive(Clone)]
struct Inner {
    kind: ErrorKind,
    message: Cow<'static, str>,
    status: Option<StatusCode>,
    vendor_code: Option<String>,
    vendor_message: Option<String>,
    body: Option<String>,
    request_id: Option<String>,
    retry_after: Option<Duration>,
    operation_status: Option<String>,
    field: Option<Cow<'static, str>>,
    operation: Option<&'static str>,
    connect: bool,
    source: Option<Arc<dyn std::error::Error + Send + Sync>>,
}

impl Error {
    fn new(kind: ErrorKind, message: impl Into<Cow<'static, str>>) -> Self {
        Error {
            inner: Box::new(Inner {
                kind,
                message: message.into(),
                status: None,
                vendor_code: None,
                vendor_message: None,
                body: None,
                request_id: None,
                retry_after: None,
                operation_status: None,
                field: None,
                operation: None,
                connect: false,
                source: None,
            }),
        }
    }

    /// An input error naming the offending field; nothing was sent.
    pub fn invalid_input(
        field: impl Into<Cow<'static, str>>,
        message: impl Into<Cow<'static, str>>,
    ) -> Self {
        let mut e = Error::new(ErrorKind::InvalidInput, message);
        e.inner.field = Some(field.into());
        e
    }

    /// A success answer that does not hold what the operation needs (a `202` whose body
    /// names no resource, say): [`ErrorKind::Decode`]. The request reached the server, so
    /// whatever it started may exist; a caller must not send it again as if nothing
    /// happened.
    ///
    /// ```
    /// use sdk_core::{Error, ErrorKind};
    ///
    /// let err = Error::unexpected_answer("the 202 answer names no resource")
    ///     .with_operation("axp.communication_managers.create");
    /// assert_eq!(err.kind(), ErrorKind::Decode);
    /// assert_eq!(err.operation(), Some("axp.communication_managers.create"));
    /// ```
    pub fn unexpected_answer(message: impl Into<Cow<'static, str>>) -> Self {
        Error::new(ErrorKind::Decode, message)
    }

    /// The error an answer with this status, headers and body gives, read exactly as the
    /// client reads a real one (the vendor's code and message parsed from the body, the
    /// request id and `Retry-After` from the headers): for tests of code that handles the
    /// SDK's errors, without a server.
    ///
    /// ```
    /// use sdk_core::{Error, ErrorKind, StatusCode};
    ///
    /// let body = br#"{"RestException": {"status": 400, "code": 13225, "message": "Invalid To"}}"#;
    /// let err = Error::from_answer(StatusCode::BAD_REQUEST, &Default::default(), body);
    /// assert_eq!(err.kind(), ErrorKind::Api);
    /// assert_eq!(err.vendor_code(), Some("13225"));
    /// assert_eq!(err.vendor_message(), Some("Invalid To"));
    /// ```
    pub fn from_answer(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Self {
        Error::api(status, headers, body)
    }

    /// A long-running operation ended in a failure status.
    pub fn operation_failed(status: impl Into<String>, message: Option<String>) -> Self {
        let status = status.into();
        let mut e = Error::new(
            ErrorKind::OperationFailed,
            format!("ended in status {status}"),
        );
        e.inner.operation_status = Some(status);
        e.inner.vendor_message = message;
        e
    }

    /// The poll deadline passed; `last_status` is the last status observed, if any.
    pub fn poll_timeout(after: Duration, last_status: Option<String>) -> Self {
        let mut e = Error::new(
            ErrorKind::PollTimeout,
            format!(
                "still {} after {:.1}s",
                last_status.as_deref().unwrap_or("pending"),
                after.as_secs_f64()
            ),
        );
        e.inner.operation_status = last_status;
        e
    }

    /// Credentials could not be obtained.
    pub fn auth(message: impl Into<Cow<'static, str>>) -> Self {
        Error::new(ErrorKind::Auth, message)
    }

    pub(crate) fn decode(
        message: impl Into<Cow<'static, str>>,
        body: &[u8],
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Self {
        let mut e = Error::new(ErrorKind::Decode, message);
        e.inner.body = Some(snippet(body));
        e.inner.source = Some(Arc::new(source));
        e
    }

    /// A success answer whose body is longer than the client reads (`limit` bytes).
    pub(crate) fn too_large(limit: usize, start: &[u8]) -> Self {
        Error::decode(
            format!("the answer is larger than the {limit}-byte limit; it was not read further"),
            start,
            std::io::Error::other("response body over the size limit"),
        )
    }

    pub(crate) fn decode_status(mut self, status: StatusCode, headers: &HeaderMap) -> Self {
        self.inner.status = Some(status);
        self.inner.request_id = request_id(headers);
        self
    }

    pub(crate) fn transport(source: reqwest::Error) -> Self {
        if source.is_timeout() {
            let mut e = Error::new(ErrorKind::Timeout, "no answer within the timeout");
            e.inner.source = Some(Arc::new(source));
            return e;
        }
        let connect = source.is_connect();
        let mut e = Error::new(
            ErrorKind::Transport,
            if connect {
                "could not connect"
            } else {
                "request failed"
            },
        );
        e.inner.connect = connect;
        // reqwest's errors print the URL, which holds ids but never credentials: auth travels
        // in headers only. Keep it as the source.
        e.inner.source = Some(Arc::new(source));
        e
    }

    /// A local failure with no answer involved (the simulator could not bind its port, a
    /// prefetch task was cancelled).
    pub(crate) fn io(message: impl Into<Cow<'static, str>>, source: std::io::Error) -> Self {
        let mut e = Error::new(ErrorKind::Transport, message);
        e.inner.source = Some(Arc::new(source));
        e
    }

    /// An error status answered by the server, with what could be parsed from its body.
    pub(crate) fn api(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Self {
        let parsed = crate::format::parse_vendor_error(headers, body);
        let mut e = Error::new(
            ErrorKind::Api,
            format!(
                "{} {}",
                status.as_u16(),
                status.canonical_reason().unwrap_or("")
            ),
        );
        e.inner.status = Some(status);
        e.inner.vendor_code = parsed.code;
        e.inner.vendor_message = parsed.message;
        e.inner.body = if body.is_empty() {
            None
        } else {
            Some(snippet(body))
        };
        e.inner.request_id = request_id(headers);
        e.inner.retry_after = crate::retry::retry_after(headers);
        e
    }

    /// Names the operation (its catalog id) the error belongs to, unless one is named
    /// already.
    pub fn with_operation(mut self, op: &'static str) -> Self {
        if self.inner.operation.is_none() {
            self.inner.operation = Some(op);
        }
        self
    }

    /// Carries the vendor code and message of `answer` (the token endpoint's `error` and
    /// `error_description`), for an error that wraps it.
    pub(crate) fn with_vendor_of(mut self, answer: &Error) -> Self {
        self.inner.vendor_code = answer.inner.vendor_code.clone();
        self.inner.vendor_message = answer.inner.vendor_message.clone();
        self
    }

    pub(crate) fn with_source(
        mut self,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Self {
        self.inner.source = Some(Arc::new(source));
        self
    }

    /// What went wrong, broadly.
    pub fn kind(&self) -> ErrorKind {
        self.inner.kind
    }

    /// The HTTP status of the answer, when the server answered.
    pub fn status(&self) -> Option<StatusCode> {
        self.inner.status
    }

    /// `true` when the server answered 404 Not Found or 410 Gone.
    pub fn is_not_found(&self) -> bool {
        matches!(
            self.inner.status,
            Some(StatusCode::NOT_FOUND) | Some(StatusCode::GONE)
        ) && self.inner.kind == ErrorKind::Api
    }

    /// `true` when the request could not connect, so it certainly never reached the server.
    pub fn is_connect(&self) -> bool {
        self.inner.connect
    }

    /// `true` when the same request may succeed if sent again later: 408, 429, 502, 503,
    /// 504, connection failures and timeouts. Whether re-sending is *safe* also depends on
    /// the method; the transport's retry loop decides that.
    pub fn is_retryable(&self) -> bool {
        match self.inner.kind {
            ErrorKind::Api => self
                .inner
                .status
                .is_some_and(crate::retry::is_retryable_status),
            ErrorKind::Transport | ErrorKind::Timeout => true,
            _ => false,
        }
    }

    /// The vendor's own error code parsed from the body (AXP/APIO `code`/`errorCode`, CPaaS
    /// `RestException` `Code`, OAuth2 `error`), when present. An [`ErrorKind::Auth`] error
    /// carries the token endpoint's `error` (`invalid_client`, `invalid_scope`, ...).
    pub fn vendor_code(&self) -> Option<&str> {
        self.inner.vendor_code.as_deref()
    }

    /// The vendor's message: parsed from the error body (for an [`ErrorKind::Auth`] error,
    /// the token endpoint's `error_description`), or the failure message of a long-running
    /// operation.
    pub fn vendor_message(&self) -> Option<&str> {
        self.inner.vendor_message.as_deref()
    }

    /// The start of the raw body (at most [`MAX_BODY_SNIPPET`] bytes), for error answers
    /// and undecodable bodies, as the server sent it. It may hold what the server answers
    /// in clear (an AXP Communication Manager's password): the error's `Debug` shows it
    /// with the values of password, secret and token fields replaced by `<redacted>`;
    /// `Display` does not show it.
    pub fn body(&self) -> Option<&str> {
        self.inner.body.as_deref()
    }

    /// The server's request id header, when it sent one.
    pub fn request_id(&self) -> Option<&str> {
        self.inner.request_id.as_deref()
    }

    /// How long the server asked the caller to wait (`Retry-After`), when it did.
    pub fn retry_after(&self) -> Option<Duration> {
        self.inner.retry_after
    }

    /// For [`ErrorKind::OperationFailed`] the failure status; for
    /// [`ErrorKind::PollTimeout`] the last status seen.
    pub fn operation_status(&self) -> Option<&str> {
        self.inner.operation_status.as_deref()
    }

    /// For [`ErrorKind::InvalidInput`], the field or parameter that was rejected.
    pub fn field(&self) -> Option<&str> {
        self.inner.field.as_deref()
    }

    /// The catalog id of the operation that failed (`axp.phone_numbers.create`), when known.
    pub fn operation(&self) -> Option<&'static str> {
        self.inner.operation
    }
}

/// Whether a field named `key` holds a secret: a password, a secret or a token, by the
/// end of its name in any case (`password`, `enrollmentPassword`, `SipAuthPassword`,
/// `client_secret`, `auth_token`).
fn is_secret_name(key: &str) -> bool {
    let k = key.to_ascii_lowercase();
    ["password", "secret", "token"]
        .iter()
        .any(|end| k.ends_with(end))
}

/// `body` with the values of its secret fields ([`is_secret_name`]) replaced by
/// `<redacted>`: JSON string and number values (`"password": "x"`) and XML element text
/// (`<password>x</password>`), found by their text, so a body cut at
/// [`MAX_BODY_SNIPPET`] is redacted too. Some services answer passwords in clear (AXP
/// Communication Managers); a body in an error's `Debug` must not print them.
fn redact_secrets(body: &str) -> std::borrow::Cow<'_, str> {
    const HIDDEN: &str = "<redacted>";
    let b = body.as_bytes();
    // The index of the quote closing the JSON string opened at `open` (escapes skipped),
    // or the end of a cut body.
    let closing = |open: usize| {
        let mut j = open + 1;
        while j < b.len() && b[j] != b'"' {
            j += if b[j] == b'\\' { 2 } else { 1 };
        }
        let mut j = j.min(b.len());
        while !body.is_char_boundary(j) {
            j += 1;
        }
        j
    };
    let skip_space = |from: usize| from + body[from..].len() - body[from..].trim_start().len();
    let mut out = String::new();
    let mut copied = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            // A JSON string; a key when `:` follows it.
            b'"' => {
                let end = closing(i);
                let key = &body[i + 1..end];
                i = (end + 1).min(b.len());
                let colon = skip_space(i);
                if !(b.get(colon) == Some(&b':') && is_secret_name(key)) {
                    continue;
                }
                let start = skip_space(colon + 1);
                let (from, to, next) = match b.get(start) {
                    Some(b'"') => {
                        let end = closing(start);
                        (start + 1, end, (end + 1).min(b.len()))
                    }
                    Some(c) if c.is_ascii_digit() || *c == b'-' => {
                        let len = body[start..]
                            .find(|c: char| !(c.is_ascii_alphanumeric() || "+-.".contains(c)))
                            .unwrap_or(body.len() - start);
                        (start, start + len, start + len)
                    }
                    _ => continue,
                };
                out.push_str(&body[copied..from]);
                out.push_str(HIDDEN);
                copied = to;
                i = next;
            }
            // An XML element: `<name>` then its text (or its CDATA section).
            b'<' => {
                let Some(len) = body[i + 1..].find('>') else {
                    break;
                };
                let tag = &body[i + 1..i + 1 + len];
                let name = tag.split_whitespace().next().unwrap_or("");
                i += len + 2;
                if tag.ends_with('/') || name.starts_with(['/', '?', '!']) || !is_secret_name(name)
                {
                    continue;
                }
                let end = if body[i..].starts_with("<![CDATA[") {
                    body[i..].find("]]>").map_or(body.len(), |n| i + n + 3)
                } else {
                    body[i..].find('<').map_or(body.len(), |n| i + n)
                };
                if end > i {
                    out.push_str(&body[copied..i]);
                    out.push_str(HIDDEN);
                    copied = end;
                    i = end;
                }
            }
            _ => i += 1,
        }
    }
    if copied == 0 {
        return std::borrow::Cow::Borrowed(body);
    }
    out.push_str(&body[copied..]);
    std::borrow::Cow::Owned(out)
}

fn snippet(body: &[u8]) -> String {
    let cut = body.len().min(MAX_BODY_SNIPPET);
    let mut s = String::from_utf8_lossy(&body[..cut]).into_owned();
    if body.len() > cut {
        s.push_str("...");
    }
    s
}

/// The request id a server put in its answer's headers, if any (bounded to 200 characters).
pub(crate) fn request_id_of(headers: &HeaderMap) -> Option<String> {
    request_id(headers)
}

fn request_id(headers: &HeaderMap) -> Option<String> {
    REQUEST_ID_HEADERS
        .iter()
        .find_map(|h| headers.get(*h))
        .and_then(|v| v.to_str().ok())
        .map(|s| s.chars().take(200).collect())
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let i = &self.inner;
        if let Some(op) = i.operation {
            write!(f, "{op}: ")?;
        }
        write!(f, "{}", i.kind.as_str())?;
        if let Some(field) = &i.field {
            write!(f, " in `{field}`")?;
        }
        write!(f, ": {}", i.message.trim_end())?;
        if let Some(code) = &i.vendor_code {
            write!(f, " [{code}]")?;
        }
        if let Some(msg) = &i.vendor_message {
            let short: String = msg.chars().take(300).collect();
            write!(f, ": {short}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let i = &self.inner;
        let mut d = f.debug_struct("Error");
        d.field("kind", &i.kind).field("message", &i.message);
        if let Some(op) = i.operation {
            d.field("operation", &op);
        }
        if let Some(s) = i.status {
            d.field("status", &s.as_u16());
        }
        if let Some(v) = &i.vendor_code {
            d.field("vendor_code", v);
        }
        if let Some(v) = &i.vendor_message {
            d.field("vendor_message", v);
        }
        if let Some(v) = &i.request_id {
            d.field("request_id", v);
        }
        if let Some(v) = &i.operation_status {
            d.field("operation_status", v);
        }
        if let Some(v) = &i.field {
            d.field("field", v);
        }
        if let Some(v) = &i.body {
            d.field("body", &redact_secrets(v));
        }
        if let Some(v) = &i.source {
            d.field("source", v);
        }
        d.finish()
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.inner
            .source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        // Any text, cut anywhere (a snippet ends where it ends): no panic, and what is not
        // a secret's value is kept.
        #[test]
        fn redacting_any_text_keeps_all_but_secret_values(
            text in r#"([a-zA-Z0-9 :,{}\[\]<>/!"\\é€-]|password|Token|<!\[CDATA\[){0,40}"#
        ) {
            let shown = redact_secrets(&text);
            if !text.to_ascii_lowercase().contains("password") && !text.to_ascii_lowercase().contains("token") {
                proptest::prop_assert_eq!(shown.as_ref(), text.as_str());
            }
        }
    }

    #[test]
    fn secrets_in_a_body_are_redacted_in_debug() {
        let cases = [
            (
                r#"{"id": "1", "password" : "s3cr\"et", "enrollmentPassword":"x", "name": "cm"}"#,
                r#"{"id": "1", "password" : "<redacted>", "enrollmentPassword":"<redacted>", "name": "cm"}"#,
            ),
            (
                r#"{"auth_token": 12345, "client_secret": "é", "tokens_used": 3, "pin": "1"}"#,
                r#"{"auth_token": <redacted>, "client_secret": "<redacted>", "tokens_used": 3, "pin": "1"}"#,
            ),
            (
                "<cm><name>a</name><Password>p&amp;w</Password><SipAuthPassword><![CDATA[<x>]]></SipAuthPassword><password/></cm>",
                "<cm><name>a</name><Password><redacted></Password><SipAuthPassword><redacted></SipAuthPassword><password/></cm>",
            ),
            // Cut at the snippet's end, mid-value: what is there is still hidden.
            (
                r#"{"users": [{"password": "hunt"#,
                r#"{"users": [{"password": "<redacted>"#,
            ),
            ("<a><password>hun", "<a><password><redacted>"),
            // Names that only contain the words, and no secrets at all, are left alone.
            (
                r#"{"passwordPolicy": {"min": 8}, "tokenUrl": "https://x"}"#,
                r#"{"passwordPolicy": {"min": 8}, "tokenUrl": "https://x"}"#,
            ),
            ("plain text: password is 42", "plain text: password is 42"),
            (
                r#"{"name": "a\"b", "password": "x", "note": "\"password\": \"y\""}"#,
                r#"{"name": "a\"b", "password": "<redacted>", "note": "\"password\": \"y\""}"#,
            ),
        ];
        for (body, shown) in cases {
            assert_eq!(redact_secrets(body), shown, "{body}");
        }
        let e = Error::decode("invalid JSON", br#"{"password": "hunter2"}"#, fmt::Error);
        let debug = format!("{e:?}");
        assert!(!debug.contains("hunter2"), "{debug}");
        assert!(debug.contains("<redacted>"), "{debug}");
        assert_eq!(
            e.body(),
            Some(r#"{"password": "hunter2"}"#),
            "body() is the answer as sent"
        );
    }

    #[test]
    fn api_error_keeps_bounded_body_and_request_id() {
        let mut headers = HeaderMap::new();
        headers.insert("x-request-id", "abc-123".parse().unwrap());
        let body = vec![b'x'; MAX_BODY_SNIPPET * 2];
        let e = Error::api(StatusCode::BAD_GATEWAY, &headers, &body);
        assert_eq!(e.kind(), ErrorKind::Api);
        assert_eq!(e.request_id(), Some("abc-123"));
        assert_eq!(e.body().unwrap().len(), MAX_BODY_SNIPPET + 3);
        assert!(e.is_retryable());
        assert!(!e.is_not_found());
    }

    #[test]
    fn display_is_short_and_names_the_field() {
        let e = Error::invalid_input("tenant_id", "must not be empty");
        assert_eq!(
            e.to_string(),
            "invalid input in `tenant_id`: must not be empty"
        );
        assert_eq!(e.field(), Some("tenant_id"));
        assert!(!e.is_retryable());
    }

    #[test]
    fn not_found_is_only_for_api_answers() {
        let e = Error::api(StatusCode::NOT_FOUND, &HeaderMap::new(), b"");
        assert!(e.is_not_found());
        assert!(e.body().is_none());
        let e = Error::api(StatusCode::GONE, &HeaderMap::new(), b"");
        assert!(e.is_not_found());
        let e = Error::operation_failed("FAILED", Some("boom".into()));
        assert!(!e.is_not_found());
        assert_eq!(e.operation_status(), Some("FAILED"));
        assert_eq!(e.vendor_message(), Some("boom"));
    }
}
