//! Wire formats: JSON (the default), XML through `quick-xml`'s serde support (the same
//! model types for both; feature `xml`), form bodies, and the parsing of vendor error
//! bodies.

use http::HeaderMap;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::{Error, Result};

/// A wire format for bodies and the `Accept` header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Format {
    /// `application/json`.
    #[default]
    Json,
    /// `application/xml` (feature `xml`).
    #[cfg(feature = "xml")]
    #[cfg_attr(docsrs, doc(cfg(feature = "xml")))]
    Xml,
    /// `text/plain`.
    Text,
    /// `text/html` (Sinch RCI asks for it on creates, which answer with a bare id).
    Html,
}

impl Format {
    /// The media type of this format.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Json => "application/json",
            #[cfg(feature = "xml")]
            Format::Xml => "application/xml",
            Format::Text => "text/plain",
            Format::Html => "text/html",
        }
    }

    /// Decodes `body` into `T`. An empty body decodes as JSON `null`, so `()` and
    /// `Option<T>` accept the empty answers of deletes and updates.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Decode`](crate::ErrorKind::Decode) with a bounded snippet of the body.
    pub fn decode<T: DeserializeOwned>(self, body: &[u8]) -> Result<T> {
        if body.iter().all(u8::is_ascii_whitespace) {
            return T::deserialize(serde_json::Value::Null)
                .map_err(|e| Error::decode("empty body where a value was expected", body, e));
        }
        match self {
            Format::Json => serde_json::from_slice(body)
                .map_err(|e| Error::decode("invalid JSON for the expected type", body, e)),
            #[cfg(feature = "xml")]
            Format::Xml => {
                let text = std::str::from_utf8(body)
                    .map_err(|e| Error::decode("XML body is not UTF-8", body, e))?;
                quick_xml::de::from_str(text)
                    .map_err(|e| Error::decode("invalid XML for the expected type", body, e))
            }
            Format::Text | Format::Html => {
                let text = String::from_utf8_lossy(body).trim().to_owned();
                T::deserialize(serde_json::Value::String(text))
                    .map_err(|e| Error::decode("text body where a value was expected", body, e))
            }
        }
    }
}

/// How a vendor writes its XML answers, as its [`Conventions`](crate::scope::Conventions)
/// say: whether a root element only wraps the value, and whether element names are the
/// PascalCase spellings of snake_case fields. Part of the API's description, so it exists
/// without the feature `xml` too (and then has nothing to apply to).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub(crate) struct XmlAnswers {
    pub(crate) wrapped: bool,
    pub(crate) pascal_case: bool,
}

impl XmlAnswers {
    pub(crate) const PLAIN: XmlAnswers = XmlAnswers {
        wrapped: false,
        pascal_case: false,
    };
}

/// `text` with every element name in [`snake_case`] (`<DateCreated>` → `<date_created>`),
/// attributes, text, comments, CDATA and processing instructions as they are: how an XML
/// answer whose element names are PascalCase is read into snake_case fields (see
/// [`RequestSpec::xml_pascal_case`](crate::RequestSpec::xml_pascal_case)). One pass over
/// the text that checks nothing: a document that is not well formed stays so, for the
/// decoder to report.
///
/// ```
/// use sdk_core::format::snake_case_elements;
///
/// let xml = r#"<Response><Call><DateCreated page="1">now</DateCreated><!-- <Keep/> --></Call></Response>"#;
/// assert_eq!(
///     snake_case_elements(xml),
///     r#"<response><call><date_created page="1">now</date_created><!-- <Keep/> --></call></response>"#
/// );
/// ```
#[cfg(feature = "xml")]
#[cfg_attr(docsrs, doc(cfg(feature = "xml")))]
pub fn snake_case_elements(text: &str) -> String {
    let mut out: Vec<u8> = Vec::with_capacity(text.len() + text.len() / 8);
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        out.extend_from_slice(&rest.as_bytes()[..at]);
        rest = &rest[at..];
        // Markup that holds no element name: copied through its end.
        let end = [
            ("<!--", "-->"),
            ("<![CDATA[", "]]>"),
            ("<?", "?>"),
            ("<!", ">"),
        ]
        .into_iter()
        .find_map(|(open, close)| rest.starts_with(open).then_some(close));
        if let Some(close) = end {
            let n = rest.find(close).map_or(rest.len(), |i| i + close.len());
            out.extend_from_slice(&rest.as_bytes()[..n]);
            rest = &rest[n..];
            continue;
        }
        let start = if rest[1..].starts_with('/') { 2 } else { 1 };
        let name = rest.as_bytes()[start..]
            .iter()
            .position(|&c| c.is_ascii_whitespace() || c == b'/' || c == b'>')
            .map_or(rest.len(), |i| start + i);
        out.extend_from_slice(&rest.as_bytes()[..start]);
        let name_text = &rest[start..name];
        if name_text.is_ascii() {
            push_ascii_snake_case(&mut out, name_text.as_bytes());
        } else {
            out.extend_from_slice(snake_case(name_text).as_bytes());
        }
        rest = &rest[name..];
    }
    out.extend_from_slice(rest.as_bytes());
    // Only whole UTF-8 runs and ASCII were copied: the text is still UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

/// A value wrapped in an XML document element: `<Response><Call>..</Call></Response>`
/// decodes as `Wrapped<Call>`, the root's first child element being the value (the
/// root's attributes and text are ignored). For answers that wrap every value in the same
/// root, as CPaaS's do; see [`RequestSpec::xml_wrapped`](crate::RequestSpec::xml_wrapped).
///
/// ```
/// use sdk_core::Format;
/// use sdk_core::format::Wrapped;
///
/// #[derive(serde::Deserialize)]
/// struct Call {
///     #[serde(rename = "Sid")]
///     sid: String,
/// }
///
/// let xml = "<Response><Call><Sid>CA1</Sid></Call></Response>";
/// let Wrapped(call) = Format::Xml.decode::<Wrapped<Call>>(xml.as_bytes())?;
/// assert_eq!(call.sid, "CA1");
/// # Ok::<(), sdk_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg(feature = "xml")]
#[cfg_attr(docsrs, doc(cfg(feature = "xml")))]
pub struct Wrapped<T>(pub T);

#[cfg(feature = "xml")]
impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Wrapped<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        use serde::de::{self, MapAccess, Visitor};

        struct Root<T>(std::marker::PhantomData<T>);
        impl<'de, T: serde::Deserialize<'de>> Visitor<'de> for Root<T> {
            type Value = Wrapped<T>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a root element holding one element")
            }

            fn visit_map<A: MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<Self::Value, A::Error> {
                let mut found = None;
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    if found.is_none() && !key.starts_with('@') && !key.starts_with('$') {
                        found = Some(map.next_value::<T>()?);
                    } else {
                        map.next_value::<de::IgnoredAny>()?;
                    }
                }
                found
                    .map(Wrapped)
                    .ok_or_else(|| de::Error::custom("the root element is empty"))
            }
        }
        d.deserialize_map(Root(std::marker::PhantomData))
    }
}

/// Serialises `value` as JSON bytes.
///
/// # Errors
///
/// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) when the value cannot be
/// represented (a map with non-string keys, for instance).
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>> {
    serde_json::to_vec(value)
        .map_err(|e| Error::invalid_input("body", "not representable as JSON").with_source(e))
}

/// Serialises `value` as an XML document whose root element is `root`.
///
/// # Errors
///
/// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) when the value has no XML
/// form (a bare sequence at the root, for instance).
#[cfg(feature = "xml")]
#[cfg_attr(docsrs, doc(cfg(feature = "xml")))]
pub fn to_xml<T: Serialize + ?Sized>(root: &str, value: &T) -> Result<String> {
    let mut out = String::new();
    let ser = quick_xml::se::Serializer::with_root(&mut out, Some(root)).map_err(|e| {
        Error::invalid_input("body", "invalid XML root element name").with_source(e)
    })?;
    value
        .serialize(ser)
        .map_err(|e| Error::invalid_input("body", "not representable as XML").with_source(e))?;
    Ok(out)
}

/// Serialises `value` as an `application/x-www-form-urlencoded` body. Sequences become
/// repeated keys (`To=a&To=b`); `None` fields are left out.
///
/// # Errors
///
/// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) when a field is nested
/// (forms are flat).
pub fn to_form<T: Serialize + ?Sized>(value: &T) -> Result<String> {
    let pairs = crate::request::to_pairs(value)?;
    Ok(url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .finish())
}

/// Writes a JSON value as XML by one generic rule: an object is an element whose children
/// are its keys, an array is the same element repeated once per item, a scalar is an
/// element holding its text, `null` is left out. A root array becomes `<root>` holding one
/// `item` element (default: `root`) per entry: `<users><user>..</user></users>`.
///
/// ```
/// let v = serde_json::json!({"id": "A", "addresses": {"address": ["1", "2"]}, "n": null});
/// assert_eq!(
///     sdk_core::format::json_to_xml("queue", None, &v),
///     "<queue><id>A</id><addresses><address>1</address><address>2</address></addresses></queue>"
/// );
/// ```
#[cfg(feature = "xml")]
#[cfg_attr(docsrs, doc(cfg(feature = "xml")))]
pub fn json_to_xml(root: &str, item: Option<&str>, v: &serde_json::Value) -> String {
    json_to_xml_with(root, item, v, &|key| key.to_owned())
}

/// As [`json_to_xml`], with each object key turned into its element name by `name`
/// (CPaaS writes `date_created` as `<DateCreated>`: pass [`camel_case`]). The root and
/// item names are used as given.
///
/// ```
/// use sdk_core::format::{camel_case, json_to_xml_with};
///
/// let v = serde_json::json!({"date_created": "today", "subresource_uris": {"media": "/m"}});
/// assert_eq!(
///     json_to_xml_with("Call", None, &v, &camel_case),
///     "<Call><DateCreated>today</DateCreated><SubresourceUris><Media>/m</Media></SubresourceUris></Call>"
/// );
/// ```
#[cfg(feature = "xml")]
#[cfg_attr(docsrs, doc(cfg(feature = "xml")))]
pub fn json_to_xml_with(
    root: &str,
    item: Option<&str>,
    v: &serde_json::Value,
    name: &dyn Fn(&str) -> String,
) -> String {
    use serde_json::Value;
    fn element(out: &mut String, tag: &str, v: &Value, name: &dyn Fn(&str) -> String) {
        match v {
            Value::Null => {}
            Value::Array(items) => items.iter().for_each(|i| element(out, tag, i, name)),
            Value::Object(map) => {
                out.push_str(&format!("<{tag}>"));
                map.iter()
                    .for_each(|(k, v)| element(out, &name(k), v, name));
                out.push_str(&format!("</{tag}>"));
            }
            Value::String(s) => out.push_str(&format!(
                "<{tag}>{}</{tag}>",
                quick_xml::escape::escape(s.as_str())
            )),
            other => out.push_str(&format!("<{tag}>{other}</{tag}>")),
        }
    }
    let mut out = String::new();
    match v {
        Value::Array(items) => {
            out.push_str(&format!("<{root}>"));
            items
                .iter()
                .for_each(|i| element(&mut out, item.unwrap_or(root), i, name));
            out.push_str(&format!("</{root}>"));
        }
        other => element(&mut out, root, other, name),
    }
    out
}

/// `date_created` → `DateCreated`: each `_`-separated part with its first letter raised.
pub fn camel_case(key: &str) -> String {
    key.split('_')
        .map(|part| {
            let mut c = part.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// `FriendlyName` → `friendly_name`, the inverse of [`camel_case`]: a `_` before each
/// upper-case letter that starts a word (after a lower-case letter or a digit, or ending a
/// run of capitals), all lowered.
///
/// ```
/// use sdk_core::format::snake_case;
///
/// assert_eq!(snake_case("FriendlyName"), "friendly_name");
/// assert_eq!(snake_case("SMSMessageSid"), "sms_message_sid");
/// assert_eq!(snake_case("Url"), "url");
/// assert_eq!(snake_case("already_snake"), "already_snake");
/// ```
pub fn snake_case(key: &str) -> String {
    if key.is_ascii() {
        // The common case, without the Unicode case tables.
        let mut out = Vec::with_capacity(key.len() + 4);
        push_ascii_snake_case(&mut out, key.as_bytes());
        return String::from_utf8(out).unwrap_or_default();
    }
    let mut out = String::with_capacity(key.len() + 4);
    let mut before: Option<char> = None;
    let mut chars = key.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_uppercase()
            && before.is_some_and(|b| {
                b.is_lowercase()
                    || b.is_ascii_digit()
                    || (b.is_uppercase() && chars.peek().is_some_and(|n| n.is_lowercase()))
            })
        {
            out.push('_');
        }
        out.extend(c.to_lowercase());
        before = Some(c);
    }
    out
}

fn push_ascii_snake_case(out: &mut Vec<u8>, b: &[u8]) {
    for (i, &c) in b.iter().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            let before = b[i - 1];
            if before.is_ascii_lowercase()
                || before.is_ascii_digit()
                || (before.is_ascii_uppercase() && b.get(i + 1).is_some_and(u8::is_ascii_lowercase))
            {
                out.push(b'_');
            }
        }
        out.push(c.to_ascii_lowercase());
    }
}

/// Reads an XML document into a JSON value by the rule of [`json_to_xml`], backwards: the
/// root element's children become the keys of an object, repeated children an array, an
/// element with only text a string (XML does not say whether `4` is a number: it stays
/// text, which the same model types read back from XML alike), an empty element `null`.
/// One child cannot be told from a list of one: it reads as the single value (name the
/// elements that are always list items with [`xml_to_json_with`]).
///
/// # Errors
///
/// [`ErrorKind::Decode`](crate::ErrorKind::Decode) for a document that is not well formed.
#[cfg(feature = "xml")]
#[cfg_attr(docsrs, doc(cfg(feature = "xml")))]
pub fn xml_to_json(text: &str) -> Result<serde_json::Value> {
    xml_to_json_with(text, &[])
}

/// [`xml_to_json`], with the elements named in `lists` always read as list items: where a
/// schema says `<addresses>` holds `<address>` elements, one of them is a list of one.
///
/// ```
/// use serde_json::json;
/// use sdk_core::format::xml_to_json_with;
///
/// let xml = "<queue><name>Sales</name><addresses><address>100</address></addresses></queue>";
/// assert_eq!(
///     xml_to_json_with(xml, &["address"]).unwrap(),
///     json!({"name": "Sales", "addresses": {"address": ["100"]}})
/// );
/// ```
///
/// # Errors
///
/// As [`xml_to_json`].
#[cfg(feature = "xml")]
#[cfg_attr(docsrs, doc(cfg(feature = "xml")))]
pub fn xml_to_json_with(text: &str, lists: &[&str]) -> Result<serde_json::Value> {
    use quick_xml::events::Event;
    use serde_json::{Map, Value};

    struct Open {
        name: String,
        text: String,
        children: Vec<(String, Value)>,
    }
    let close = |open: Open| -> Value {
        if open.children.is_empty() {
            let t = open.text.trim();
            return if t.is_empty() {
                Value::Null
            } else {
                Value::String(t.to_owned())
            };
        }
        let mut map = Map::new();
        for (k, v) in open.children {
            if lists.contains(&k.as_str()) {
                // Only this arm inserts under a list's name, always an array.
                if let Value::Array(items) = map.entry(k).or_insert_with(|| Value::Array(vec![])) {
                    items.push(v);
                }
                continue;
            }
            match map.get_mut(&k) {
                Some(Value::Array(items))
                    if items.len() > 1 || matches!(items.first(), Some(Value::Array(_))) =>
                {
                    items.push(v)
                }
                Some(existing) => {
                    let first = existing.take();
                    *existing = Value::Array(vec![first, v]);
                }
                None => {
                    map.insert(k, v);
                }
            }
        }
        Value::Object(map)
    };
    let bad = |e: &dyn std::fmt::Display| {
        Error::decode(
            format!("invalid XML: {e}"),
            text.as_bytes(),
            std::fmt::Error,
        )
    };
    let mut reader = quick_xml::Reader::from_str(text);
    let mut stack: Vec<Open> = Vec::new();
    loop {
        match reader.read_event().map_err(|e| bad(&e))? {
            Event::Start(e) => stack.push(Open {
                name: AsRef::<str>::as_ref(&e.local_name()).to_owned(),
                text: String::new(),
                children: Vec::new(),
            }),
            Event::Empty(e) => {
                let name = AsRef::<str>::as_ref(&e.local_name()).to_owned();
                match stack.last_mut() {
                    Some(parent) => parent.children.push((name, Value::Null)),
                    None => return Ok(Value::Null),
                }
            }
            Event::Text(t) => {
                if let Some(open) = stack.last_mut() {
                    open.text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => quick_xml::escape::resolve_predefined_entity(AsRef::<str>::as_ref(&r))
                        .unwrap_or("")
                        .to_owned(),
                };
                if let Some(open) = stack.last_mut() {
                    open.text.push_str(&c);
                }
            }
            Event::End(_) => {
                let open = stack.pop().ok_or_else(|| bad(&"unbalanced end tag"))?;
                let name = open.name.clone();
                let value = close(open);
                match stack.last_mut() {
                    Some(parent) => parent.children.push((name, value)),
                    None => return Ok(value),
                }
            }
            Event::Eof => return Err(bad(&"no root element")),
            _ => {}
        }
    }
}

/// What could be read of a vendor's error body.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct VendorError {
    pub(crate) code: Option<String>,
    pub(crate) message: Option<String>,
}

const CODE_KEYS: &[&str] = &["code", "errorCode", "error_code", "Code", "error"];
const MESSAGE_KEYS: &[&str] = &[
    "message",
    "errorMessage",
    "error_message",
    "error_description",
    "Message",
    "detail",
    "description",
    "title",
    "msg",
];
const MAX_MESSAGE: usize = 1000;

/// Reads the vendor code and message out of an error body: AXP and APIO JSON, OAuth2
/// `{error, error_description}`, CPaaS `RestException` (XML with feature `xml`, or JSON
/// with or without the wrapper), Sinch's `text/plain` and HTML pages. Without feature
/// `xml`, an XML body is kept whole (bounded) as the message.
pub(crate) fn parse_vendor_error(headers: &HeaderMap, body: &[u8]) -> VendorError {
    let ct = headers
        .get(http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let text = String::from_utf8_lossy(body);
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return VendorError::default();
    }
    let first = trimmed.as_bytes()[0];
    if (ct.contains("json") || first == b'{' || first == b'[')
        && let Ok(v) = serde_json::from_str::<serde_json::Value>(trimmed)
    {
        return from_json(&v);
    }
    if ct.contains("html")
        || trimmed
            .get(..14)
            .is_some_and(|s| s.eq_ignore_ascii_case("<!doctype html"))
        || trimmed.starts_with("<html")
    {
        return VendorError {
            code: None,
            message: html_message(trimmed),
        };
    }
    #[cfg(feature = "xml")]
    if ct.contains("xml") || first == b'<' {
        return from_xml(trimmed);
    }
    VendorError {
        code: None,
        message: Some(bounded(trimmed)),
    }
}

fn from_json(v: &serde_json::Value) -> VendorError {
    let Some(obj) = v.as_object() else {
        return VendorError::default();
    };
    // Wrapped shapes: {"RestException": {...}}, {"error": {...}}, {"errors": [{...}]}.
    for wrapper in ["RestException", "error", "fault"] {
        if let Some(inner @ serde_json::Value::Object(_)) = obj.get(wrapper) {
            return from_json(inner);
        }
    }
    if let Some(serde_json::Value::Array(items)) = obj.get("errors")
        && let Some(first) = items.first()
    {
        let inner = from_json(first);
        if inner != VendorError::default() {
            return inner;
        }
    }
    let scalar = |key: &str| match obj.get(key)? {
        serde_json::Value::String(s) if !s.is_empty() => Some(bounded(s)),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    let mut out = VendorError {
        code: CODE_KEYS.iter().find_map(|k| scalar(k)),
        message: MESSAGE_KEYS.iter().find_map(|k| scalar(k)),
    };
    // `{"error": "call center not found"}`: a sentence under `error` is a message, not a
    // code (OAuth2's `error` codes have no spaces).
    if out.message.is_none() && out.code.as_deref().is_some_and(|c| c.contains(' ')) {
        out.message = out.code.take();
    }
    out
}

#[cfg(feature = "xml")]
fn from_xml(text: &str) -> VendorError {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(text);
    let mut current: Option<String> = None;
    let mut out = VendorError::default();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                current = Some(AsRef::<str>::as_ref(&e.local_name()).to_owned());
            }
            Ok(Event::Text(t)) => {
                let value = t.xml10_content().trim().to_owned();
                if value.is_empty() {
                    continue;
                }
                match current.as_deref() {
                    Some(name) if CODE_KEYS.iter().any(|k| k.eq_ignore_ascii_case(name)) => {
                        out.code.get_or_insert(bounded(&value));
                    }
                    Some(name) if MESSAGE_KEYS.iter().any(|k| k.eq_ignore_ascii_case(name)) => {
                        out.message.get_or_insert(bounded(&value));
                    }
                    _ => {}
                }
            }
            Ok(Event::End(_)) => current = None,
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    out
}

fn html_message(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    for tag in ["title", "h1"] {
        let open = format!("<{tag}");
        if let Some(start) = lower.find(&open) {
            let after = &lower[start..];
            if let Some(gt) = after.find('>') {
                let from = start + gt + 1;
                if let Some(end) = lower[from..].find(&format!("</{tag}")) {
                    let inner = html[from..from + end].trim();
                    if !inner.is_empty() {
                        return Some(bounded(inner));
                    }
                }
            }
        }
    }
    None
}

fn bounded(s: &str) -> String {
    s.chars().take(MAX_MESSAGE).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(ct: &str, body: &str) -> VendorError {
        let mut h = HeaderMap::new();
        if !ct.is_empty() {
            h.insert(http::header::CONTENT_TYPE, ct.parse().unwrap());
        }
        parse_vendor_error(&h, body.as_bytes())
    }

    fn ve(code: Option<&str>, message: Option<&str>) -> VendorError {
        VendorError {
            code: code.map(Into::into),
            message: message.map(Into::into),
        }
    }

    #[test]
    fn vendor_error_shapes() {
        let cases = [
            // AXP / APIO style JSON
            (
                "application/json",
                r#"{"code":"VOICE-400","message":"name is required"}"#,
                ve(Some("VOICE-400"), Some("name is required")),
            ),
            (
                "application/json",
                r#"{"errorCode":12,"errorMessage":"bad"}"#,
                ve(Some("12"), Some("bad")),
            ),
            (
                "",
                r#"{"error":{"code":"E1","message":"nested"}}"#,
                ve(Some("E1"), Some("nested")),
            ),
            // OAuth2
            (
                "application/json",
                r#"{"error":"invalid_client","error_description":"Invalid client secret"}"#,
                ve(Some("invalid_client"), Some("Invalid client secret")),
            ),
            // CPaaS RestException in JSON (XML below)
            (
                "application/json",
                r#"{"status":403,"message":"Invalid credentials","code":10004,"more_info":"http://x"}"#,
                ve(Some("10004"), Some("Invalid credentials")),
            ),
            (
                "application/json",
                r#"{"RestException":{"Status":404,"Message":"nope","Code":20404}}"#,
                ve(Some("20404"), Some("nope")),
            ),
            // Sinch text and HTML
            (
                "text/plain",
                "Invalid GUID: '2B8ED95B0EC911E79675005056A75D9'\n",
                ve(
                    None,
                    Some("Invalid GUID: '2B8ED95B0EC911E79675005056A75D9'"),
                ),
            ),
            (
                "text/html",
                "<html><head><title>Error 500 Internal</title></head><body>x</body></html>",
                ve(None, Some("Error 500 Internal")),
            ),
            (
                "application/json",
                r#"{"error":"call center not found"}"#,
                ve(None, Some("call center not found")),
            ),
            ("", "", ve(None, None)),
            ("application/json", "[1,2]", ve(None, None)),
        ];
        for (ct, body, want) in cases {
            assert_eq!(parse(ct, body), want, "{ct} {body}");
        }
    }

    const REST_EXCEPTION: &str = "<Response>\n<RestException>\n<Status>403</Status>\n<Message>Invalid credentials</Message>\n<Code>10004</Code>\n<MoreInfo>http://x/10004</MoreInfo>\n</RestException>\n</Response>\n";

    #[cfg(feature = "xml")]
    #[test]
    fn vendor_errors_in_xml() {
        assert_eq!(
            parse("application/xml", REST_EXCEPTION),
            ve(Some("10004"), Some("Invalid credentials"))
        );
    }

    #[cfg(not(feature = "xml"))]
    #[test]
    fn without_xml_an_xml_error_body_is_the_message() {
        assert_eq!(
            parse("application/xml", REST_EXCEPTION),
            ve(None, Some(REST_EXCEPTION.trim()))
        );
    }

    #[cfg(feature = "xml")]
    #[test]
    fn named_list_elements_are_lists_even_of_one() {
        let one = "<q><a>1</a><b>x</b><w><a/></w></q>";
        assert_eq!(
            xml_to_json(one).unwrap(),
            serde_json::json!({"a": "1", "b": "x", "w": {"a": null}})
        );
        assert_eq!(
            xml_to_json_with(one, &["a"]).unwrap(),
            serde_json::json!({"a": ["1"], "b": "x", "w": {"a": [null]}})
        );
        let many = "<q><a>1</a><b>x</b><a>2</a><a>3</a><b>y</b></q>";
        assert_eq!(
            xml_to_json_with(many, &["a"]).unwrap(),
            serde_json::json!({"a": ["1", "2", "3"], "b": ["x", "y"]})
        );
        assert_eq!(
            xml_to_json_with(many, &[]).unwrap(),
            xml_to_json(many).unwrap()
        );
    }

    #[cfg(feature = "xml")]
    #[test]
    fn element_names_are_read_as_snake_case_and_attributes_kept() {
        let xml = r#"<?xml version="1.0"?><Response><Calls page="0" nextpageuri="/x?a=1&amp;b=2"><Call><Sid>CA1</Sid><DateCreated/><SMSMessageSid>S &lt;1&gt;</SMSMessageSid></Call></Calls></Response>"#;
        assert_eq!(
            snake_case_elements(xml),
            r#"<?xml version="1.0"?><response><calls page="0" nextpageuri="/x?a=1&amp;b=2"><call><sid>CA1</sid><date_created/><sms_message_sid>S &lt;1&gt;</sms_message_sid></call></calls></response>"#
        );
        // Not well formed: renamed all the same, for the decoder to report.
        assert_eq!(snake_case_elements("<A><BigB></A"), "<a><big_b></a");
        assert_eq!(
            snake_case_elements("<A><![CDATA[<NotAName>]]><?Pi X?><!--<C>--></A>"),
            "<a><![CDATA[<NotAName>]]><?Pi X?><!--<C>--></a>"
        );
    }

    #[cfg(feature = "xml")]
    #[test]
    fn xml_and_json_convert_both_ways() {
        let v = serde_json::json!({"id": "A", "name": "S & <x>", "value": "4", "addresses": {"address": ["100", "101"]}});
        let x = json_to_xml("queue", None, &v);
        assert_eq!(
            x,
            "<queue><id>A</id><name>S &amp; &lt;x&gt;</name><value>4</value><addresses><address>100</address><address>101</address></addresses></queue>"
        );
        assert_eq!(xml_to_json(&x).unwrap(), v);
        let list = serde_json::json!([{"id": "A"}, {"id": "B"}]);
        assert_eq!(
            json_to_xml("users", Some("user"), &list),
            "<users><user><id>A</id></user><user><id>B</id></user></users>"
        );
        assert_eq!(
            xml_to_json("<?xml version=\"1.0\"?><q><phone>+358</phone><zip>0012</zip><e/></q>")
                .unwrap(),
            serde_json::json!({"phone": "+358", "zip": "0012", "e": null})
        );
        assert!(xml_to_json("<q><a></q>").is_err());
    }

    #[test]
    fn empty_body_decodes_as_unit_or_none() {
        Format::Json.decode::<()>(b"").unwrap();
        assert_eq!(Format::Json.decode::<Option<u32>>(b"  ").unwrap(), None);
        assert!(Format::Json.decode::<Vec<u32>>(b"").is_err());
    }

    #[cfg(feature = "xml")]
    #[test]
    fn xml_round_trip_uses_the_same_model() {
        #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
        struct Queue {
            id: String,
            name: String,
        }
        let q = Queue {
            id: "A".repeat(32),
            name: "Sales".into(),
        };
        let xml = to_xml("queue", &q).unwrap();
        assert_eq!(
            xml,
            format!(
                "<queue><id>{}</id><name>Sales</name></queue>",
                "A".repeat(32)
            )
        );
        assert_eq!(Format::Xml.decode::<Queue>(xml.as_bytes()).unwrap(), q);
        let json = to_json(&q).unwrap();
        assert_eq!(Format::Json.decode::<Queue>(&json).unwrap(), q);
    }

    #[test]
    fn form_repeats_keys_for_lists_and_skips_none() {
        #[derive(serde::Serialize)]
        #[serde(rename_all = "PascalCase")]
        struct Sms {
            to: Vec<String>,
            body: String,
            status_callback: Option<String>,
            allow_multiple: bool,
        }
        let f = to_form(&Sms {
            to: vec!["+1 555".into(), "+2".into()],
            body: "a&b=c".into(),
            status_callback: None,
            allow_multiple: true,
        })
        .unwrap();
        assert_eq!(f, "To=%2B1+555&To=%2B2&Body=a%26b%3Dc&AllowMultiple=true");
    }
}
