//! Lenient wire values: what CPaaS answers beyond its document, read without breaking.
//!
//! The document gives no types, and its one JSON example mixes them (`"duration": 7` but
//! `"price": "0.00"`, `"caller_id_blocked": "false"`, `"recordings_count": ""`); XML answers
//! carry every value as text. So:
//!
//! - [`Scalar<T>`] reads a number or a boolean sent as a JSON number, a JSON boolean, a
//!   string or XML text, keeps the form it came in (an answer serialises back as it was
//!   received) and gives its typed value with [`Scalar::get`] (`None` for `""`).
//! - [`Timestamp`] reads RFC 2822 (`Sun, 15 May 2019 17:29:13 -0000`, the document's form)
//!   and ISO 8601 / RFC 3339 dates (`2017-10-16T08:15:08+0000`, as the service writes an
//!   MMS's `date_created`) into a `chrono` instant, keeping the text.
//! - Text fields accept numbers and booleans too (a number sent where the document has a
//!   string is kept as its decimal text).
//! - Absent and `null` optional fields are `None`; fields the models do not name are kept in
//!   their `unknown_fields` ([`UnknownFields`](sdk_core::model::UnknownFields)); enum values
//!   the SDK does not know are kept in their `Unknown` arm.
//!
//! In XML, `quick-xml` hands an element to a visitor as a map holding its text under
//! `$text`; every reader here accepts that form too, so one model type decodes JSON and XML.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// A scalar as the server sent it, before typing: text, a number or a boolean.
#[derive(Debug, Clone, PartialEq)]
enum Raw {
    Text(String),
    Number(serde_json::Number),
    Bool(bool),
    Null,
}

impl Raw {
    fn text(&self) -> Option<String> {
        match self {
            Raw::Text(s) => Some(s.clone()),
            Raw::Number(n) => Some(n.to_string()),
            Raw::Bool(b) => Some(b.to_string()),
            Raw::Null => None,
        }
    }
}

/// Reads any scalar: JSON string, number, boolean or null, and an XML element (a map with
/// its text under `$text`, or an empty map for an empty element).
struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string, a number or a boolean")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Raw, E> {
        Ok(Raw::Text(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Raw, E> {
        Ok(Raw::Text(v))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Raw, E> {
        Ok(Raw::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Raw, E> {
        Ok(Raw::Number(v.into()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Raw, E> {
        Ok(Raw::Number(v.into()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Raw, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Raw::Null, Raw::Number))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Raw, D::Error> {
        d.deserialize_any(RawVisitor)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
        // An XML element: `<Duration>7</Duration>` is `{"$text": "7"}`, `<X></X>` is `{}`.
        let mut text = String::new();
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key == "$text" || key == "$value" {
                if let Some(t) = map.next_value::<Raw>()?.text() {
                    text.push_str(&t);
                }
            } else {
                map.next_value::<de::IgnoredAny>()?;
            }
        }
        Ok(Raw::Text(text))
    }
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(RawVisitor)
    }
}

impl Serialize for Raw {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Raw::Text(t) => s.serialize_str(t),
            Raw::Number(n) => n.serialize(s),
            Raw::Bool(b) => s.serialize_bool(*b),
            Raw::Null => s.serialize_none(),
        }
    }
}

/// A type a [`Scalar`] can be read as.
pub trait ScalarValue: Sized {
    /// Reads the value from its text (already trimmed, never empty).
    fn parse_text(text: &str) -> Option<Self>;
    /// The JSON form the SDK writes for a value it builds itself.
    fn to_json(&self) -> serde_json::Value;
}

macro_rules! scalar_numbers {
    ($($t:ty),+) => {$(
        impl ScalarValue for $t {
            fn parse_text(text: &str) -> Option<Self> {
                text.parse().ok()
            }
            fn to_json(&self) -> serde_json::Value {
                serde_json::json!(self)
            }
        }
    )+};
}
scalar_numbers!(u32, u64, i32, i64, f64);

impl ScalarValue for String {
    /// Any text: for identifiers sent as numbers or strings (a carrier code `6006`).
    fn parse_text(text: &str) -> Option<Self> {
        Some(text.to_owned())
    }
    fn to_json(&self) -> serde_json::Value {
        serde_json::Value::String(self.clone())
    }
}

impl ScalarValue for bool {
    /// `true`, `True`, `TRUE` and `1` are true; `false`, `False` and `0` are false (the
    /// document's positive spellings, and what servers print).
    fn parse_text(text: &str) -> Option<Self> {
        match text {
            "1" => Some(true),
            "0" => Some(false),
            t if t.eq_ignore_ascii_case("true") => Some(true),
            t if t.eq_ignore_ascii_case("false") => Some(false),
            _ => None,
        }
    }
    fn to_json(&self) -> serde_json::Value {
        serde_json::Value::Bool(*self)
    }
}

/// A number or a boolean as the server sent it (a JSON number or boolean, a string, XML
/// text), with its typed value.
///
/// It serialises back in the form it was received, so an answer round-trips unchanged;
/// [`get`](Self::get) gives the typed value (`None` for an empty string or text that is
/// not a `T`).
///
/// ```
/// use cpaas::wire::Scalar;
///
/// let a: Scalar<u64> = serde_json::from_str("7")?;
/// let b: Scalar<u64> = serde_json::from_str("\"7\"")?;
/// let empty: Scalar<u64> = serde_json::from_str("\"\"")?;
/// assert_eq!((a.get(), b.get(), empty.get()), (Some(7), Some(7), None));
/// assert_eq!(serde_json::to_string(&b)?, "\"7\"");
/// let blocked: Scalar<bool> = serde_json::from_str("\"false\"")?;
/// assert_eq!(blocked.get(), Some(false));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, PartialEq)]
pub struct Scalar<T> {
    raw: Raw,
    value: Option<T>,
}

impl<T: fmt::Debug> fmt::Debug for Scalar<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.value, &self.raw) {
            (Some(v), _) => v.fmt(f),
            (None, Raw::Text(t)) => write!(f, "{t:?}"),
            (None, other) => write!(f, "{other:?}"),
        }
    }
}

impl<T: ScalarValue> Scalar<T> {
    fn from_raw(raw: Raw) -> Self {
        let value = match &raw {
            Raw::Text(t) => {
                let t = t.trim();
                if t.is_empty() { None } else { T::parse_text(t) }
            }
            Raw::Number(n) => T::parse_text(&n.to_string()),
            Raw::Bool(b) => T::parse_text(if *b { "true" } else { "false" }),
            Raw::Null => None,
        };
        Scalar { raw, value }
    }
}

impl<T: Copy> Scalar<T> {
    /// The typed value; `None` when the server sent an empty string or something that is
    /// not a `T`.
    pub fn get(&self) -> Option<T> {
        self.value
    }
}

impl<T> Scalar<T> {
    /// The typed value, borrowed (for types that are not `Copy`, such as `String`).
    pub fn value(&self) -> Option<&T> {
        self.value.as_ref()
    }

    /// The value as text, as the server sent it (a number or boolean in its JSON form).
    pub fn as_text(&self) -> Option<String> {
        self.raw.text()
    }
}

impl<T: ScalarValue> From<T> for Scalar<T> {
    fn from(value: T) -> Self {
        let raw = match value.to_json() {
            serde_json::Value::Number(n) => Raw::Number(n),
            serde_json::Value::Bool(b) => Raw::Bool(b),
            serde_json::Value::String(s) => Raw::Text(s),
            _ => Raw::Null,
        };
        Scalar {
            raw,
            value: Some(value),
        }
    }
}

impl<T> Serialize for Scalar<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.raw.serialize(s)
    }
}

impl<'de, T: ScalarValue> Deserialize<'de> for Scalar<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Raw::deserialize(d).map(Scalar::from_raw)
    }
}

/// A date as the server wrote it, and the instant it names.
///
/// Read from RFC 2822 (`Sun, 15 May 2019 17:29:13 -0000`, the document's form; `+0000` and
/// `GMT` too), RFC 3339 / ISO 8601 (`2019-05-15T17:29:13Z`; an offset written `+00:00` or
/// `+0000`, as the service writes an MMS's `date_created`: `2017-10-16T08:15:08+0000`; with
/// or without the `T`; taken as UTC without an offset) or a bare date (`2019-05-15`, midnight
/// UTC). Text that is none of these is kept, with no instant. It serialises back as it came.
///
/// ```
/// use cpaas::wire::Timestamp;
///
/// let t: Timestamp = serde_json::from_str("\"Sun, 15 May 2019 17:29:13 -0000\"")?;
/// assert_eq!(t.at().map(|d| d.to_rfc3339()), Some("2019-05-15T17:29:13+00:00".to_owned()));
/// let iso: Timestamp = serde_json::from_str("\"2019-05-15T19:29:13+02:00\"")?;
/// assert_eq!(iso.at(), t.at());
/// let mms: Timestamp = serde_json::from_str("\"2019-05-15T17:29:13+0000\"")?;
/// assert_eq!(mms.at(), t.at());
/// assert_eq!(mms.as_str(), "2019-05-15T17:29:13+0000");
/// assert_eq!(serde_json::to_string(&t)?, "\"Sun, 15 May 2019 17:29:13 -0000\"");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Timestamp {
    text: String,
    at: Option<DateTime<Utc>>,
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.at {
            Some(at) => write!(f, "{}", at.to_rfc3339()),
            None => write!(f, "{:?}", self.text),
        }
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Timestamp {
    /// Reads a date in any of the accepted forms; text that is none of them is kept with
    /// no instant.
    pub fn parse(text: impl Into<String>) -> Self {
        let text = text.into();
        let at = parse_date(text.trim());
        Timestamp { text, at }
    }

    /// The instant, in UTC; `None` for an empty or unreadable date.
    pub fn at(&self) -> Option<DateTime<Utc>> {
        self.at
    }

    /// The date as the server wrote it.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl From<DateTime<Utc>> for Timestamp {
    /// The instant, written as CPaaS writes dates (`Sun, 15 May 2019 17:29:13 +0000`).
    fn from(at: DateTime<Utc>) -> Self {
        Timestamp {
            text: at.to_rfc2822(),
            at: Some(at),
        }
    }
}

fn parse_date(t: &str) -> Option<DateTime<Utc>> {
    if t.is_empty() {
        return None;
    }
    let utc = |d: DateTime<FixedOffset>| d.with_timezone(&Utc);
    // RFC 2822: the weekday is left out (the document's examples print the wrong one:
    // "Sun, 15 May 2019" was a Wednesday) and `-0000` ("UTC, local zone unknown", which
    // chrono refuses) is read as `+0000`.
    let without_day = t.split_once(',').map_or(t, |(day, rest)| {
        if day.trim().len() == 3 && day.trim().chars().all(|c| c.is_ascii_alphabetic()) {
            rest.trim_start()
        } else {
            t
        }
    });
    let rfc2822 = match without_day.strip_suffix("-0000") {
        Some(head) => Cow::Owned(format!("{head}+0000")),
        None => Cow::Borrowed(without_day),
    };
    if let Ok(d) = DateTime::parse_from_rfc2822(&rfc2822) {
        return Some(utc(d));
    }
    if let Ok(d) = DateTime::parse_from_rfc3339(t) {
        return Some(utc(d));
    }
    for fmt in [
        "%Y-%m-%d %H:%M:%S%.f%:z",
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S%.f%z",
    ] {
        if let Ok(d) = DateTime::parse_from_str(t, fmt) {
            return Some(utc(d));
        }
    }
    for fmt in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f"] {
        if let Ok(d) = NaiveDateTime::parse_from_str(t, fmt) {
            return Some(Utc.from_utc_datetime(&d));
        }
    }
    NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|d| Utc.from_utc_datetime(&d))
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = Raw::deserialize(d)?;
        Ok(Timestamp::parse(raw.text().unwrap_or_default()))
    }
}

/// `deserialize_with` for `Option<String>` fields: text, a number or a boolean (kept as its
/// text), an XML element's text; `null` is `None`.
pub(crate) fn text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(Raw::deserialize(d)?.text())
}

/// `deserialize_with` for `subresource_uris` maps: XML names them by element
/// (`<Calls>`, `<IpAccessControlListMappings>`), JSON in snake_case; keys are read as
/// snake_case so both formats give the same map.
pub(crate) fn snake_keys<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<std::collections::BTreeMap<String, String>>, D::Error> {
    let map = Option::<std::collections::BTreeMap<String, Raw>>::deserialize(d)?;
    Ok(map.map(|m| {
        m.into_iter()
            .map(|(k, v)| (snake_case(&k), v.text().unwrap_or_default()))
            .collect()
    }))
}

/// `IpAccessControlListMappings` → `ip_access_control_list_mappings`; snake_case stays.
pub(crate) fn snake_case(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 4);
    let chars: Vec<char> = key.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() {
            let after_lower =
                i > 0 && (chars[i - 1].is_ascii_lowercase() || chars[i - 1].is_ascii_digit());
            let before_lower = i > 0
                && chars[i - 1].is_ascii_uppercase()
                && chars.get(i + 1).is_some_and(char::is_ascii_lowercase);
            if after_lower || before_lower {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(*c);
        }
    }
    out
}

/// `deserialize_with` for optional ids: as [`text`], an empty sid kept as it came.
pub(crate) fn id<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: From<String>,
{
    Ok(text(d)?.map(T::from))
}

/// Decodes an XML answer of the API (`<Response>` around one resource, elements in
/// PascalCase) into a model, as the client does: for answers recorded or received outside
/// the client.
///
/// ```
/// let xml = "<Response><Call><Sid>CA1</Sid><DateCreated>Mon, 01 Jan 2024 00:00:00 +0000</DateCreated></Call></Response>";
/// let call: cpaas::calls::Call = cpaas::wire::from_xml(xml)?;
/// assert_eq!(call.sid.as_str(), "CA1");
/// # Ok::<(), cpaas::Error>(())
/// ```
///
/// # Errors
///
/// [`ErrorKind::Decode`](sdk_core::ErrorKind::Decode) when the document is not well formed or
/// does not fit `T`.
#[cfg(feature = "xml")]
#[cfg_attr(docsrs, doc(cfg(feature = "xml")))]
pub fn from_xml<T: serde::de::DeserializeOwned>(xml: &str) -> sdk_core::Result<T> {
    let renamed = sdk_core::format::snake_case_elements(xml);
    sdk_core::Format::Xml
        .decode::<sdk_core::format::Wrapped<T>>(renamed.as_bytes())
        .map(|w| w.0)
}

/// `deserialize_with` for the sid every resource carries.
pub(crate) fn sid<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: From<String>,
{
    text(d)?
        .map(T::from)
        .ok_or_else(|| de::Error::custom("the sid is null"))
}

/// `deserialize_with` for another field every answer carries: as [`text`], `null` refused.
pub(crate) fn required<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: From<String>,
{
    text(d)?
        .map(T::from)
        .ok_or_else(|| de::Error::custom("null where every answer has a value"))
}

/// `deserialize_with` for `Option<E>` fields of a string enum (or any `FromStr` type whose
/// parse cannot fail): read as [`text`], then parsed. An empty value is `None`.
pub(crate) fn parsed<'de, D, E>(d: D) -> Result<Option<E>, D::Error>
where
    D: Deserializer<'de>,
    E: FromStr<Err = std::convert::Infallible>,
{
    Ok(text(d)?
        .filter(|t| !t.is_empty())
        .and_then(|t| t.parse().ok()))
}

/// `deserialize_with` for `Option<bool>` request fields: a JSON boolean, or the strings the
/// document accepts (`true`, `True`, `1`, `false`, `False`, `0`).
pub(crate) fn flag<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    let raw = Raw::deserialize(d)?;
    if raw == Raw::Null {
        return Ok(None);
    }
    Scalar::<bool>::from_raw(raw.clone())
        .get()
        .map(Some)
        .ok_or_else(|| de::Error::custom(format!("not a boolean: {:?}", raw.text())))
}

/// `deserialize_with` for optional numeric request fields written as numbers or strings.
pub(crate) fn number<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: ScalarValue + Copy,
{
    let raw = Raw::deserialize(d)?;
    if raw == Raw::Null || raw == Raw::Text(String::new()) {
        return Ok(None);
    }
    Scalar::<T>::from_raw(raw.clone())
        .get()
        .map(Some)
        .ok_or_else(|| de::Error::custom(format!("not a number: {:?}", raw.text())))
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(feature = "xml")]
    use sdk_core::Format;

    #[derive(Debug, Deserialize, Serialize, PartialEq)]
    struct Probe {
        #[serde(default, alias = "Duration", skip_serializing_if = "Option::is_none")]
        duration: Option<Scalar<u64>>,
        #[serde(default, alias = "Blocked", skip_serializing_if = "Option::is_none")]
        blocked: Option<Scalar<bool>>,
        #[serde(default, alias = "Price", skip_serializing_if = "Option::is_none")]
        price: Option<Scalar<f64>>,
        #[serde(
            default,
            alias = "To",
            deserialize_with = "text",
            skip_serializing_if = "Option::is_none"
        )]
        to: Option<String>,
        #[serde(default, alias = "Start", skip_serializing_if = "Option::is_none")]
        start: Option<Timestamp>,
    }

    #[test]
    fn numbers_and_booleans_as_strings_or_values() {
        let cases = [
            (r#"{"duration": 7}"#, Some(7)),
            (r#"{"duration": "7"}"#, Some(7)),
            (r#"{"duration": " 7 "}"#, Some(7)),
            (r#"{"duration": ""}"#, None),
            (r#"{"duration": "n/a"}"#, None),
            (r#"{"duration": null}"#, None),
            (r#"{}"#, None),
        ];
        for (json, want) in cases {
            let p: Probe = serde_json::from_str(json).unwrap();
            assert_eq!(p.duration.as_ref().and_then(Scalar::get), want, "{json}");
        }
        for (json, want) in [
            (r#"{"blocked": false}"#, Some(false)),
            (r#"{"blocked": "false"}"#, Some(false)),
            (r#"{"blocked": "True"}"#, Some(true)),
            (r#"{"blocked": 1}"#, Some(true)),
            (r#"{"blocked": "0"}"#, Some(false)),
            (r#"{"blocked": ""}"#, None),
        ] {
            let p: Probe = serde_json::from_str(json).unwrap();
            assert_eq!(p.blocked.as_ref().and_then(Scalar::get), want, "{json}");
        }
        let p: Probe = serde_json::from_str(r#"{"price": "0.0650", "to": 15556667777}"#).unwrap();
        assert_eq!(p.price.as_ref().and_then(Scalar::get), Some(0.065));
        assert_eq!(p.to.as_deref(), Some("15556667777"));
        let p: Probe = serde_json::from_str(r#"{"price": 0.08, "to": true}"#).unwrap();
        assert_eq!(p.price.as_ref().and_then(Scalar::get), Some(0.08));
        assert_eq!(p.to.as_deref(), Some("true"));
    }

    #[test]
    fn answers_serialise_back_as_received() {
        for json in [
            r#"{"duration":7,"blocked":"false","price":"0.00"}"#,
            r#"{"duration":"","blocked":false,"price":0.5}"#,
            r#"{"start":"Sun, 15 May 2019 17:29:13 -0000"}"#,
            r#"{"start":"not a date"}"#,
        ] {
            let p: Probe = serde_json::from_str(json).unwrap();
            assert_eq!(serde_json::to_string(&p).unwrap(), json);
        }
        assert_eq!(
            serde_json::to_string(&Scalar::from(7u64)).unwrap(),
            "7",
            "values the SDK builds are written as JSON values"
        );
    }

    #[test]
    fn dates_in_rfc_2822_or_iso_8601() {
        let want = Utc.with_ymd_and_hms(2019, 5, 15, 17, 29, 13).single();
        for text in [
            "Sun, 15 May 2019 17:29:13 -0000",
            "Sun, 15 May 2019 17:29:13 +0000",
            "Wed, 15 May 2019 19:29:13 +0200",
            "15 May 2019 19:29:13 +0200",
            "15 May 2019 17:29:13 GMT",
            "2019-05-15T17:29:13Z",
            "2019-05-15T17:29:13+00:00",
            "2019-05-15T17:29:13.000Z",
            "2019-05-15T19:29:13+0200",
            "2019-05-15 17:29:13",
            "2019-05-15T17:29:13",
        ] {
            assert_eq!(Timestamp::parse(text).at(), want, "{text}");
        }
        assert_eq!(
            Timestamp::parse("2019-05-15").at(),
            Utc.with_ymd_and_hms(2019, 5, 15, 0, 0, 0).single()
        );
        for bad in ["", "  ", "yesterday", "15/05/2019"] {
            let t = Timestamp::parse(bad);
            assert_eq!(t.at(), None, "{bad}");
            assert_eq!(t.as_str(), bad);
        }
        // An MMS's `date_created` as the service writes it.
        let mms = Timestamp::parse("2017-10-16T08:15:08+0000");
        assert_eq!(
            mms.at(),
            Utc.with_ymd_and_hms(2017, 10, 16, 8, 15, 8).single()
        );
        assert_eq!(
            serde_json::to_string(&mms).unwrap(),
            "\"2017-10-16T08:15:08+0000\"",
            "written back as received"
        );
        let built = Timestamp::from(want.unwrap_or_default());
        assert_eq!(built.as_str(), "Wed, 15 May 2019 17:29:13 +0000");
    }

    #[test]
    #[cfg(feature = "xml")]
    fn xml_elements_decode_into_the_same_types() {
        let xml = "<Response><Probe><Duration>7</Duration><Blocked>false</Blocked>\
                   <Price></Price><To>+15556667777</To>\
                   <Start>Sun, 15 May 2019 17:29:13 -0000</Start><Unknown>x</Unknown></Probe></Response>";
        let sdk_core::format::Wrapped(p) = Format::Xml
            .decode::<sdk_core::format::Wrapped<Probe>>(xml.as_bytes())
            .unwrap();
        assert_eq!(p.duration.as_ref().and_then(Scalar::get), Some(7));
        assert_eq!(p.blocked.as_ref().and_then(Scalar::get), Some(false));
        assert_eq!(p.price.as_ref().and_then(Scalar::get), None);
        assert_eq!(
            p.price.as_ref().and_then(Scalar::as_text).as_deref(),
            Some("")
        );
        assert_eq!(p.to.as_deref(), Some("+15556667777"));
        assert!(p.start.as_ref().and_then(Timestamp::at).is_some());
        let empty = "<Response><Probe><Duration/><To></To></Probe></Response>";
        let sdk_core::format::Wrapped(p) = Format::Xml
            .decode::<sdk_core::format::Wrapped<Probe>>(empty.as_bytes())
            .unwrap();
        assert_eq!(p.duration.as_ref().and_then(Scalar::get), None);
        assert_eq!(p.to.as_deref(), Some(""));
    }

    #[test]
    #[cfg(feature = "xml")]
    fn the_readers_work_beside_kept_unknown_fields() {
        #[derive(Debug, Deserialize, Serialize)]
        struct Kept {
            #[serde(alias = "Sid", deserialize_with = "sid")]
            sid: String,
            #[serde(default, alias = "Duration", skip_serializing_if = "Option::is_none")]
            duration: Option<Scalar<u64>>,
            #[serde(default, alias = "Start", skip_serializing_if = "Option::is_none")]
            start: Option<Timestamp>,
            #[serde(
                default,
                alias = "To",
                deserialize_with = "text",
                skip_serializing_if = "Option::is_none"
            )]
            to: Option<String>,
            #[serde(flatten)]
            unknown_fields: sdk_core::model::UnknownFields,
        }
        let json = r#"{"sid":"CA1","duration":"7","start":"2017-10-16T08:15:08+0000","to":15556667777,"queue":{"pos":2}}"#;
        let k: Kept = serde_json::from_str(json).unwrap();
        assert_eq!(k.duration.as_ref().and_then(Scalar::get), Some(7));
        assert!(k.start.as_ref().and_then(Timestamp::at).is_some());
        assert_eq!(k.to.as_deref(), Some("15556667777"));
        assert_eq!(
            k.unknown_fields.get("queue"),
            Some(&serde_json::json!({"pos": 2}))
        );
        let xml = "<Response><Call><Sid>CA1</Sid><Duration>7</Duration>\
                   <Start>Sun, 15 May 2019 17:29:13 -0000</Start><To>+15556667777</To>\
                   <Queue><Pos>2</Pos></Queue><Tag>a</Tag></Call></Response>";
        let sdk_core::format::Wrapped(k) = Format::Xml
            .decode::<sdk_core::format::Wrapped<Kept>>(xml.as_bytes())
            .unwrap();
        assert_eq!(k.sid, "CA1");
        assert_eq!(k.duration.as_ref().and_then(Scalar::get), Some(7));
        assert!(k.start.as_ref().and_then(Timestamp::at).is_some());
        assert_eq!(k.to.as_deref(), Some("+15556667777"));
        assert_eq!(k.unknown_fields.get("Tag"), Some(&serde_json::json!("a")));
        assert_eq!(
            k.unknown_fields.get("Queue"),
            Some(&serde_json::json!({"Pos": "2"}))
        );
    }

    #[test]
    fn request_flags_and_numbers() {
        #[derive(Deserialize)]
        struct R {
            #[serde(default, deserialize_with = "flag")]
            record: Option<bool>,
            #[serde(default, deserialize_with = "number")]
            timeout: Option<u32>,
        }
        for (json, record, timeout) in [
            (
                r#"{"record": "true", "timeout": "30"}"#,
                Some(true),
                Some(30),
            ),
            (r#"{"record": "True", "timeout": 30}"#, Some(true), Some(30)),
            (r#"{"record": "1"}"#, Some(true), None),
            (r#"{"record": false, "timeout": ""}"#, Some(false), None),
            (r#"{}"#, None, None),
        ] {
            let r: R = serde_json::from_str(json).unwrap();
            assert_eq!((r.record, r.timeout), (record, timeout), "{json}");
        }
        assert!(serde_json::from_str::<R>(r#"{"record": "yes"}"#).is_err());
        assert!(serde_json::from_str::<R>(r#"{"timeout": "soon"}"#).is_err());
    }

    #[test]
    fn map_keys_in_snake_case() {
        for (k, want) in [
            ("Calls", "calls"),
            (
                "IpAccessControlListMappings",
                "ip_access_control_list_mappings",
            ),
            ("SMSMessages", "sms_messages"),
            ("sms_messages", "sms_messages"),
            ("Mp3Url", "mp3_url"),
        ] {
            assert_eq!(snake_case(k), want, "{k}");
        }
    }
}
