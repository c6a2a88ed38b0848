//! Describing a request: [`RequestSpec`] (method, path filled from a template, query, body,
//! formats) and the per-call [`RequestOptions`].
//!
//! Vendor operations build a `RequestSpec` and hand it to
//! [`Transport`](crate::Transport); they never build an HTTP request themselves.

use std::borrow::Cow;
use std::time::Duration;

use http::{HeaderName, HeaderValue, Method};
use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::format::{self, Format};
use crate::retry::RetryPolicy;

/// Characters percent-encoded inside one path segment.
///
/// RFC 3986 `pchar` is `unreserved / pct-encoded / sub-delims / ":" / "@"`; everything else
/// is encoded, so `/`, `?`, `#`, `%`, spaces, controls and non-ASCII never reach the path
/// raw. `;` is encoded too although it is a sub-delim: Java servers (Sinch RCI) strip
/// `;matrix` parameters from segments. `@`, `:`, `+` and the other sub-delims stay as the
/// documents send them (APIO ids are `name@domain`).
const SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'/')
    .add(b';')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// Encodes one path parameter as (part of) a single path segment.
///
/// # Errors
///
/// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) for an empty value, and for
/// `.` and `..`: URL parsers treat those, and their percent-encoded forms, as dot segments
/// that climb the path, so no encoding of them is safe.
pub fn encode_segment(name: &str, value: &str) -> Result<String> {
    let mut out = String::with_capacity(value.len());
    push_segment(&mut out, name, value)?;
    Ok(out)
}

/// [`encode_segment`] written onto `out`.
fn push_segment(out: &mut String, name: &str, value: &str) -> Result<()> {
    if value.is_empty() {
        return Err(Error::invalid_input(name.to_owned(), "must not be empty"));
    }
    if value == "." || value == ".." {
        return Err(Error::invalid_input(
            name.to_owned(),
            "must not be `.` or `..` (a dot segment would change the path)",
        ));
    }
    out.extend(utf8_percent_encode(value, SEGMENT));
    Ok(())
}

/// Fills a path template such as `/accounts/{accountId}/phone-numbers/{phoneNumberId}`
/// with `params`, in order. Each value is encoded by [`encode_segment`], so no value can
/// add a segment, a query or a fragment, or climb out of its place.
///
/// ```
/// let p = sdk_core::request::fill_path(
///     "/tenants/{tenant_id}/services/call_centers/{name}/",
///     &["foo bar", "cc@sip.example.com"],
/// )?;
/// assert_eq!(p, "/tenants/foo%20bar/services/call_centers/cc@sip.example.com/");
/// # Ok::<(), sdk_core::Error>(())
/// ```
///
/// # Errors
///
/// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) naming the placeholder when
/// a value is empty or a dot segment, or when the number of values does not match.
pub fn fill_path(template: &str, params: &[&str]) -> Result<String> {
    fill_path_from(template, params.iter().copied())
}

/// [`fill_path`] with the values from an iterator (a scope's parents, then an operation's
/// ids), without collecting them first.
pub(crate) fn fill_path_from<'v>(
    template: &str,
    mut values: impl Iterator<Item = &'v str>,
) -> Result<String> {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('}').map(|c| open + c).ok_or_else(|| {
            Error::invalid_input("path", format!("unclosed placeholder in `{template}`"))
        })?;
        let name = &rest[open + 1..close];
        let value = values.next().ok_or_else(|| {
            Error::invalid_input(name.to_owned(), "no value for this path parameter")
        })?;
        push_segment(&mut out, name, value)?;
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    if values.next().is_some() {
        return Err(Error::invalid_input(
            "path",
            format!("more values than placeholders in `{template}`"),
        ));
    }
    Ok(out)
}

/// Flattens a serialisable value into key/value pairs for a query string or a form body:
/// each field of a struct (or entry of a map) becomes a pair, sequences repeat the key,
/// `None` and `null` are left out, booleans and numbers are written as JSON writes them.
///
/// # Errors
///
/// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) when the value is not a
/// struct or map, or when a field is itself nested.
pub fn to_pairs<T: Serialize + ?Sized>(value: &T) -> Result<Vec<(String, String)>> {
    use serde_json::Value;
    let v = serde_json::to_value(value).map_err(|e| {
        Error::invalid_input("parameters", "not representable as key/value pairs").with_source(e)
    })?;
    let Value::Object(map) = v else {
        return Err(Error::invalid_input(
            "parameters",
            "must be a struct or a map",
        ));
    };
    let mut out = Vec::with_capacity(map.len());
    fn scalar(key: &str, v: &Value) -> Result<Option<String>> {
        Ok(match v {
            Value::Null => None,
            Value::String(s) => Some(s.clone()),
            Value::Bool(b) => Some(b.to_string()),
            Value::Number(n) => Some(n.to_string()),
            Value::Array(_) | Value::Object(_) => {
                return Err(Error::invalid_input(
                    key.to_owned(),
                    "nested values cannot be sent as a form or query",
                ));
            }
        })
    }
    for (k, v) in &map {
        match v {
            Value::Array(items) => {
                for item in items {
                    if let Some(s) = scalar(k, item)? {
                        out.push((k.clone(), s));
                    }
                }
            }
            other => {
                if let Some(s) = scalar(k, other)? {
                    out.push((k.clone(), s));
                }
            }
        }
    }
    Ok(out)
}

/// A request body, already encoded.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub enum Body {
    /// No body.
    #[default]
    Empty,
    /// A JSON document.
    Json(bytes::Bytes),
    /// An `application/x-www-form-urlencoded` body.
    Form(String),
    /// An XML document (feature `xml`).
    #[cfg(feature = "xml")]
    #[cfg_attr(docsrs, doc(cfg(feature = "xml")))]
    Xml(String),
}

impl Body {
    pub(crate) fn content_type(&self) -> Option<&'static str> {
        match self {
            Body::Empty => None,
            Body::Json(_) => Some(Format::Json.mime()),
            Body::Form(_) => Some("application/x-www-form-urlencoded"),
            #[cfg(feature = "xml")]
            Body::Xml(_) => Some(Format::Xml.mime()),
        }
    }

    pub(crate) fn bytes(&self) -> Option<bytes::Bytes> {
        match self {
            Body::Empty => None,
            Body::Json(b) => Some(b.clone()),
            Body::Form(s) => Some(bytes::Bytes::from(s.clone())),
            #[cfg(feature = "xml")]
            Body::Xml(s) => Some(bytes::Bytes::from(s.clone())),
        }
    }
}

/// Per-call overrides that any operation accepts, so one call can differ from the
/// client's defaults without rebuilding the client.
///
/// ```
/// use std::time::Duration;
/// use sdk_core::{RequestOptions, RetryPolicy};
///
/// let opts = RequestOptions::new()
///     .timeout(Duration::from_secs(5))
///     .retry(RetryPolicy::default().max_attempts(5))
///     .retry_non_idempotent(true) // this create is safe to repeat: it carries its own id
///     .header("x-trace", "run-42")?;
/// # let _ = opts;
/// # Ok::<(), sdk_core::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct RequestOptions {
    pub(crate) timeout: Option<Duration>,
    pub(crate) retry: Option<RetryPolicy>,
    pub(crate) retry_non_idempotent: bool,
    pub(crate) headers: Vec<(HeaderName, HeaderValue)>,
    pub(crate) extra: Vec<Extra>,
}

/// A parameter the SDK does not model, added to one call.
#[derive(Debug, Clone)]
pub(crate) struct Extra {
    name: String,
    value: serde_json::Value,
    query: bool,
}

impl RequestOptions {
    /// Options that change nothing.
    pub fn new() -> Self {
        Self::default()
    }

    /// The whole-request timeout for this call (each attempt).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// The retry policy for this call.
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Allows retrying this call even when it is not idempotent (a POST) and may have
    /// reached the server. Only opt in when repeating it cannot create a duplicate.
    pub fn retry_non_idempotent(mut self, yes: bool) -> Self {
        self.retry_non_idempotent = yes;
        self
    }

    /// Adds a header to this call.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) for an invalid name or
    /// value.
    pub fn header(mut self, name: &str, value: &str) -> Result<Self> {
        let n = HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| Error::invalid_input("header", format!("invalid header name `{name}`")))?;
        let v = HeaderValue::from_str(value)
            .map_err(|_| Error::invalid_input(name.to_owned(), "invalid header value"))?;
        self.headers.push((n, v));
        Ok(self)
    }

    /// Adds a parameter the SDK does not model (one the service accepts that this version
    /// does not know): a field of the body when the call has one, whatever its format (a
    /// form field, a member of a JSON object, an element of an XML document), else a query
    /// parameter. A list becomes repeated form fields or query parameters; in JSON the
    /// value is written as given. Sent as the caller gives it, like every other value.
    ///
    /// ```
    /// use sdk_core::RequestOptions;
    ///
    /// // CPaaS's official SDKs send `AllowMultiple` with an SMS.
    /// let opts = RequestOptions::new().param("AllowMultiple", true).param("Tag", "campaign-7");
    /// # let _ = opts;
    /// ```
    ///
    /// The call fails with [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput)
    /// before anything is sent when the value cannot go where it must (an object in a form
    /// or a query, a member added to a JSON body that is not an object).
    pub fn param(mut self, name: impl Into<String>, value: impl Into<serde_json::Value>) -> Self {
        self.extra.push(Extra {
            name: name.into(),
            value: value.into(),
            query: false,
        });
        self
    }

    /// Adds a query parameter the SDK does not model, whether or not the call has a body.
    pub fn query_param(
        mut self,
        name: impl Into<String>,
        value: impl Into<serde_json::Value>,
    ) -> Self {
        self.extra.push(Extra {
            name: name.into(),
            value: value.into(),
            query: true,
        });
        self
    }
}

/// The texts a scalar or a list of scalars stands for in a form or a query.
fn extra_texts(name: &str, value: &serde_json::Value) -> Result<Vec<String>> {
    use serde_json::Value;
    let one = |v: &Value| match v {
        Value::String(s) => Ok(s.clone()),
        Value::Bool(_) | Value::Number(_) => Ok(v.to_string()),
        Value::Null => Ok(String::new()),
        _ => Err(Error::invalid_input(
            name.to_owned(),
            "a nested value cannot be a form field or a query parameter",
        )),
    };
    match value {
        Value::Array(items) => items.iter().map(one).collect(),
        v => one(v).map(|s| vec![s]),
    }
}

impl RequestSpec {
    /// Puts the [`RequestOptions::param`]s of the call where they belong.
    pub(crate) fn apply_extras(&mut self) -> Result<()> {
        for extra in std::mem::take(&mut self.options.extra) {
            let Extra { name, value, query } = extra;
            match &mut self.body {
                _ if query => {
                    for text in extra_texts(&name, &value)? {
                        self.query.push((Cow::Owned(name.clone()), text));
                    }
                }
                Body::Empty => {
                    for text in extra_texts(&name, &value)? {
                        self.query.push((Cow::Owned(name.clone()), text));
                    }
                }
                Body::Form(form) => {
                    let mut out = url::form_urlencoded::Serializer::new(std::mem::take(form));
                    for text in extra_texts(&name, &value)? {
                        out.append_pair(&name, &text);
                    }
                    *form = out.finish();
                }
                Body::Json(bytes) => {
                    let mut doc: serde_json::Value = serde_json::from_slice(bytes)
                        .map_err(|e| Error::invalid_input("body", e.to_string()))?;
                    let Some(object) = doc.as_object_mut() else {
                        return Err(Error::invalid_input(
                            name,
                            "the JSON body is not an object: no member can be added",
                        ));
                    };
                    object.insert(name, value);
                    *bytes = format::to_json(&doc)?.into();
                }
                #[cfg(feature = "xml")]
                Body::Xml(xml) => {
                    let texts = extra_texts(&name, &value)?;
                    let Some(at) = xml.rfind("</") else {
                        return Err(Error::invalid_input(
                            name,
                            "the XML body has no closing root tag to add an element before",
                        ));
                    };
                    let mut elements = String::new();
                    for text in texts {
                        elements.push_str(&format!(
                            "<{name}>{}</{name}>",
                            quick_xml::escape::escape(text.as_str())
                        ));
                    }
                    xml.insert_str(at, &elements);
                }
            }
        }
        Ok(())
    }
}

/// Where a request goes: a path below the client's base URL, or a full URL on the same
/// origin (a `next_page_uri`).
#[derive(Debug, Clone)]
pub(crate) enum Target {
    Path(String),
    Url(url::Url),
}

/// One request, described: what a vendor operation hands to
/// [`Transport`](crate::Transport).
///
/// Building never fails; an invalid input is stored and returned by
/// [`Transport::send`](crate::Transport::send) before anything is sent.
///
/// ```
/// use sdk_core::RequestSpec;
///
/// let spec = RequestSpec::get("axp.phone_numbers.get", "/accounts/{accountId}/phone-numbers/{id}", &["ABCDEF", "42"])
///     .query_param("view", "full");
/// assert_eq!(spec.path(), Some("/accounts/ABCDEF/phone-numbers/42"));
/// ```
#[derive(Debug, Clone)]
pub struct RequestSpec {
    pub(crate) operation: &'static str,
    pub(crate) method: Method,
    /// The path template, as traces name the request (`url.template`): ids never appear in
    /// it.
    pub(crate) template: std::sync::Arc<str>,
    pub(crate) target: Target,
    pub(crate) query: Vec<(Cow<'static, str>, String)>,
    pub(crate) body: Body,
    pub(crate) accept: Format,
    pub(crate) response_format: Format,
    #[cfg(feature = "xml")]
    pub(crate) xml: crate::format::XmlAnswers,
    pub(crate) options: RequestOptions,
    pub(crate) error: Option<Error>,
}

impl RequestSpec {
    /// A request for `operation` (its catalog id), with `template` filled by `params`
    /// (see [`fill_path`]).
    pub fn new(operation: &'static str, method: Method, template: &str, params: &[&str]) -> Self {
        Self::filled(operation, method, template, params.iter().copied())
    }

    /// [`new`](Self::new) with the path values from an iterator.
    pub(crate) fn filled<'v>(
        operation: &'static str,
        method: Method,
        template: &str,
        params: impl Iterator<Item = &'v str>,
    ) -> Self {
        let (target, error) = match fill_path_from(template, params) {
            Ok(p) => (Target::Path(p), None),
            Err(e) => (Target::Path(String::new()), Some(e)),
        };
        RequestSpec {
            operation,
            method,
            template: std::sync::Arc::from(template),
            target,
            query: Vec::new(),
            body: Body::Empty,
            accept: Format::Json,
            response_format: Format::Json,
            #[cfg(feature = "xml")]
            xml: crate::format::XmlAnswers::PLAIN,
            options: RequestOptions::default(),
            error,
        }
    }

    /// The path template the request was built from (`/accounts/{accountId}/phone-numbers`).
    pub fn template(&self) -> &str {
        &self.template
    }

    /// A GET request.
    pub fn get(operation: &'static str, template: &str, params: &[&str]) -> Self {
        Self::new(operation, Method::GET, template, params)
    }

    /// A POST request.
    pub fn post(operation: &'static str, template: &str, params: &[&str]) -> Self {
        Self::new(operation, Method::POST, template, params)
    }

    /// A PUT request.
    pub fn put(operation: &'static str, template: &str, params: &[&str]) -> Self {
        Self::new(operation, Method::PUT, template, params)
    }

    /// A DELETE request.
    pub fn delete(operation: &'static str, template: &str, params: &[&str]) -> Self {
        Self::new(operation, Method::DELETE, template, params)
    }

    /// The catalog id of the operation.
    pub fn operation(&self) -> &'static str {
        self.operation
    }

    /// The HTTP method.
    pub fn method(&self) -> &Method {
        &self.method
    }

    /// The filled path (below the client's base URL), unless the spec targets a full URL
    /// or its path was rejected.
    pub fn path(&self) -> Option<&str> {
        match (&self.target, &self.error) {
            (Target::Path(p), None) => Some(p),
            _ => None,
        }
    }

    /// Adds one query parameter.
    pub fn query_param(mut self, name: impl Into<Cow<'static, str>>, value: impl ToString) -> Self {
        self.query.push((name.into(), value.to_string()));
        self
    }

    /// Adds one query parameter when `value` is `Some`.
    pub fn query_opt(
        self,
        name: impl Into<Cow<'static, str>>,
        value: Option<impl ToString>,
    ) -> Self {
        match value {
            Some(v) => self.query_param(name, v),
            None => self,
        }
    }

    /// Adds every field of `params` as a query parameter (see [`to_pairs`]).
    pub fn query<T: Serialize + ?Sized>(mut self, params: &T) -> Self {
        match to_pairs(params) {
            Ok(pairs) => self
                .query
                .extend(pairs.into_iter().map(|(k, v)| (Cow::Owned(k), v))),
            Err(e) => self.fail(e),
        }
        self
    }

    /// Sets a JSON body.
    pub fn json<T: Serialize + ?Sized>(mut self, body: &T) -> Self {
        match format::to_json(body) {
            Ok(b) => self.body = Body::Json(b.into()),
            Err(e) => self.fail(e),
        }
        self
    }

    /// Sets a form body (`application/x-www-form-urlencoded`, lists as repeated keys).
    pub fn form<T: Serialize + ?Sized>(mut self, body: &T) -> Self {
        match format::to_form(body) {
            Ok(b) => self.body = Body::Form(b),
            Err(e) => self.fail(e),
        }
        self
    }

    /// Sets an XML body with the given root element.
    #[cfg(feature = "xml")]
    #[cfg_attr(docsrs, doc(cfg(feature = "xml")))]
    pub fn xml<T: Serialize + ?Sized>(mut self, root: &str, body: &T) -> Self {
        match format::to_xml(root, body) {
            Ok(b) => self.body = Body::Xml(b),
            Err(e) => self.fail(e),
        }
        self
    }

    /// Sets a body in `format`: XML (feature `xml`) with the root element `xml_root`,
    /// JSON for any other format.
    pub fn body_as<T: Serialize + ?Sized>(self, format: Format, xml_root: &str, body: &T) -> Self {
        match format {
            #[cfg(feature = "xml")]
            Format::Xml => self.xml(xml_root, body),
            _ => {
                let _ = xml_root;
                self.json(body)
            }
        }
    }

    /// The format to ask for (`Accept`) and to decode the answer with.
    pub fn accept(mut self, format: Format) -> Self {
        self.accept = format;
        self.response_format = format;
        self
    }

    /// Says that an XML answer's root element only wraps the value, as CPaaS's
    /// `<Response><Call>..</Call></Response>` does: the value is decoded from the root's
    /// first child element (see [`Wrapped`](crate::format::Wrapped)). JSON answers are
    /// not affected.
    #[cfg(feature = "xml")]
    #[cfg_attr(docsrs, doc(cfg(feature = "xml")))]
    pub fn xml_wrapped(mut self, yes: bool) -> Self {
        self.xml.wrapped = yes;
        self
    }

    /// Says that an XML answer names its elements in PascalCase where the models' fields
    /// (and the JSON answers) are snake_case, as CPaaS's `<DateCreated>` is `date_created`:
    /// element names are read as [`snake_case`](crate::format::snake_case) before decoding
    /// (attributes as they are). JSON answers are not affected.
    ///
    /// ```no_run
    /// use sdk_core::{Format, RequestSpec, Transport};
    ///
    /// #[derive(serde::Deserialize)]
    /// struct Call {
    ///     date_created: String, // <DateCreated> in XML
    /// }
    ///
    /// # async fn run() -> sdk_core::Result<()> {
    /// let transport = Transport::builder().base_url("https://api.example.com").no_auth().build()?;
    /// let spec = RequestSpec::get("cpaas.calls.get", "/Calls/{CallSid}.xml", &["CA1"])
    ///     .accept(Format::Xml)
    ///     .xml_wrapped(true)
    ///     .xml_pascal_case(true);
    /// let call: Call = transport.execute(spec).await?;
    /// # Ok(()) }
    /// ```
    #[cfg(feature = "xml")]
    #[cfg_attr(docsrs, doc(cfg(feature = "xml")))]
    pub fn xml_pascal_case(mut self, yes: bool) -> Self {
        self.xml.pascal_case = yes;
        self
    }

    #[cfg(feature = "xml")]
    pub(crate) fn xml_answers(mut self, style: crate::format::XmlAnswers) -> Self {
        self.xml = style;
        self
    }

    /// Asks for `accept` but decodes the answer as `decode_as` (Sinch RCI creates ask for
    /// `text/html` and answer with a bare id).
    pub fn accept_and_decode(mut self, accept: Format, decode_as: Format) -> Self {
        self.accept = accept;
        self.response_format = decode_as;
        self
    }

    /// Per-call options.
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Rejects the request with `error` before anything is sent (for client-side
    /// validation in vendor operations). The first stored error wins.
    pub fn fail(&mut self, error: Error) {
        if self.error.is_none() {
            self.error = Some(error.with_operation(self.operation));
        }
    }

    /// Runs a validation and stores its error, if any.
    pub fn validate(mut self, check: impl FnOnce() -> Result<()>) -> Self {
        if self.error.is_none()
            && let Err(e) = check()
        {
            self.fail(e);
        }
        self
    }

    /// `true` for methods that may be repeated without a second effect (GET, PUT,
    /// DELETE, HEAD, OPTIONS).
    pub fn is_idempotent(&self) -> bool {
        self.method.is_idempotent()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_are_encoded_and_pchar_kept() {
        let cases = [
            ("a/b", "a%2Fb"),
            ("a?b#c", "a%3Fb%23c"),
            ("100%", "100%25"),
            ("a b", "a%20b"),
            ("name@sip.example.com", "name@sip.example.com"),
            ("+3225551234", "+3225551234"),
            ("urn:x:1", "urn:x:1"),
            ("x;y=1", "x%3By=1"),
            ("Zürich", "Z%C3%BCrich"),
            ("...", "..."),
            (".hidden", ".hidden"),
        ];
        for (input, want) in cases {
            assert_eq!(encode_segment("id", input).unwrap(), want, "{input}");
        }
    }

    #[test]
    fn empty_and_dot_segments_are_rejected() {
        for bad in ["", ".", ".."] {
            let e = encode_segment("accountId", bad).unwrap_err();
            assert_eq!(e.kind(), crate::ErrorKind::InvalidInput);
            assert_eq!(e.field(), Some("accountId"));
        }
    }

    #[test]
    fn fill_path_counts_placeholders() {
        assert_eq!(
            fill_path("/Calls/{CallSid}.json", &["CA1"]).unwrap(),
            "/Calls/CA1.json"
        );
        assert!(fill_path("/a/{x}", &[]).is_err());
        assert!(fill_path("/a/{x}", &["1", "2"]).is_err());
        assert!(fill_path("/a/{x", &["1"]).is_err());
        let spec = RequestSpec::get("t.op", "/a/{x}", &[""]);
        assert!(spec.path().is_none());
        assert_eq!(spec.error.as_ref().unwrap().field(), Some("x"));
    }

    #[test]
    fn pairs_repeat_lists_and_skip_nulls() {
        #[derive(Serialize)]
        struct Q {
            #[serde(rename = "StartTime>")]
            start: Option<&'static str>,
            page: u32,
            ids: Vec<u32>,
            none: Option<u32>,
        }
        let pairs = to_pairs(&Q {
            start: Some("2019-05-01"),
            page: 0,
            ids: vec![1, 2],
            none: None,
        })
        .unwrap();
        assert_eq!(
            pairs,
            vec![
                ("StartTime>".to_owned(), "2019-05-01".to_owned()),
                ("page".to_owned(), "0".to_owned()),
                ("ids".to_owned(), "1".to_owned()),
                ("ids".to_owned(), "2".to_owned()),
            ]
        );
        assert!(to_pairs(&vec![1]).is_err());
    }

    fn with_extras(spec: RequestSpec, options: RequestOptions) -> Result<RequestSpec> {
        let mut spec = spec.options(options);
        spec.apply_extras()?;
        Ok(spec)
    }

    #[test]
    fn extra_parameters_go_where_the_body_is() {
        #[derive(Serialize)]
        #[serde(rename_all = "PascalCase")]
        struct Sms<'a> {
            to: &'a str,
            body: &'a str,
        }
        let sms = Sms {
            to: "12345",
            body: "a b&c",
        };
        let opts = RequestOptions::new()
            .param("AllowMultiple", true)
            .param("Tag", vec!["x y", "z"])
            .query_param("Trace", 7);
        let form = with_extras(
            RequestSpec::post("t.sms", "/sms", &[]).form(&sms),
            opts.clone(),
        )
        .expect("a form");
        match &form.body {
            Body::Form(f) => {
                assert_eq!(f, "To=12345&Body=a+b%26c&AllowMultiple=true&Tag=x+y&Tag=z")
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(form.query, [(Cow::Borrowed("Trace"), "7".to_owned())]);

        let json = with_extras(
            RequestSpec::post("t.sms", "/sms", &[]).json(&sms),
            opts.clone(),
        )
        .expect("a JSON body");
        match &json.body {
            Body::Json(b) => assert_eq!(
                std::str::from_utf8(b).expect("UTF-8"),
                r#"{"To":"12345","Body":"a b&c","AllowMultiple":true,"Tag":["x y","z"]}"#
            ),
            other => panic!("{other:?}"),
        }

        #[cfg(feature = "xml")]
        {
            let xml = with_extras(
                RequestSpec::post("t.sms", "/sms", &[]).xml("sms", &sms),
                RequestOptions::new().param("Note", "<&>"),
            )
            .expect("an XML body");
            match &xml.body {
                Body::Xml(x) => assert!(x.ends_with("<Note>&lt;&amp;&gt;</Note></sms>"), "{x}"),
                other => panic!("{other:?}"),
            }
        }

        let get = with_extras(RequestSpec::get("t.list", "/sms", &[]), opts).expect("a query");
        assert_eq!(
            get.query,
            [
                (Cow::Borrowed("AllowMultiple"), "true".to_owned()),
                (Cow::Borrowed("Tag"), "x y".to_owned()),
                (Cow::Borrowed("Tag"), "z".to_owned()),
                (Cow::Borrowed("Trace"), "7".to_owned()),
            ]
        );
    }

    #[test]
    fn extra_parameters_that_cannot_be_placed_are_refused() {
        let nested = RequestOptions::new().param("Deep", serde_json::json!({"a": 1}));
        let err = with_extras(RequestSpec::get("t.list", "/sms", &[]), nested).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::InvalidInput);
        assert_eq!(err.field(), Some("Deep"));
        let array_body = RequestSpec::post("t.bulk", "/bulk", &[]).json(&[1, 2]);
        let err = with_extras(array_body, RequestOptions::new().param("x", 1)).unwrap_err();
        assert_eq!(err.field(), Some("x"));
    }
}
