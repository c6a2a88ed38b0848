//! Building blocks of the vendor models, so every crate spells them the same way:
//! string enums that survive new server values ([`string_enum!`](crate::string_enum)), id
//! newtypes ([`id_type!`](crate::id_type)), secret request fields ([`Secret`]) and fields
//! whose `null` must survive a round trip ([`nullable`]).

use std::fmt;

use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Declares a string enum with an `Unknown(String)` arm, so a value the server adds later
/// never breaks a client. It serialises as its wire string, implements `Display`, `FromStr`
/// (infallible) and `as_str()`.
///
/// ```
/// sdk_core::string_enum! {
///     /// The status of an element.
///     pub enum ElementStatus {
///         /// Being created.
///         InProgress = "IN_PROGRESS",
///         /// Ready.
///         Success = "SUCCESS",
///     }
/// }
/// let s: ElementStatus = serde_json::from_str("\"SUCCESS\"")?;
/// assert_eq!(s, ElementStatus::Success);
/// let new: ElementStatus = serde_json::from_str("\"PAUSED\"")?;
/// assert_eq!(new, ElementStatus::Unknown("PAUSED".into()));
/// assert_eq!(serde_json::to_string(&new)?, "\"PAUSED\"");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[macro_export]
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this version of the SDK does not know, kept as the server sent it.
            Unknown(String),
        }

        impl $name {
            /// The value as it appears on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $wire, )+
                    Self::Unknown(s) => s.as_str(),
                }
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;
            fn from_str(s: &str) -> ::std::result::Result<Self, Self::Err> {
                Ok(match s {
                    $( $wire => Self::$variant, )+
                    other => Self::Unknown(other.to_owned()),
                })
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl $crate::__serde::Serialize for $name {
            fn serialize<S: $crate::__serde::Serializer>(&self, s: S) -> ::std::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> $crate::__serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__serde::Deserializer<'de>>(d: D) -> ::std::result::Result<Self, D::Error> {
                let s = <::std::borrow::Cow<'de, str> as $crate::__serde::Deserialize>::deserialize(d)?;
                Ok(<Self as ::std::str::FromStr>::from_str(&s).unwrap_or_else(|never| match never {}))
            }
        }
    };
}

/// Declares an id newtype over `String`: serialised as the bare string, `Display`,
/// `as_str()`, `From<String>` and `From<&str>`, and no `Deref` (an id is not a string
/// to compute with).
///
/// ```
/// sdk_core::id_type! {
///     /// The id of a phone number.
///     pub struct PhoneNumberId;
/// }
/// let id = PhoneNumberId::from("pn-1");
/// assert_eq!(id.as_str(), "pn-1");
/// assert_eq!(serde_json::to_string(&id)?, "\"pn-1\"");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[macro_export]
macro_rules! id_type {
    ( $(#[$meta:meta])* $vis:vis struct $name:ident; ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        $vis struct $name(String);

        impl $name {
            /// Wraps an id.
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }

            /// The id as sent on the wire.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// The owned string.
            pub fn into_string(self) -> String {
                self.0
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl ::std::convert::From<String> for $name {
            fn from(s: String) -> Self {
                Self(s)
            }
        }

        impl ::std::convert::From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_owned())
            }
        }

        impl ::std::convert::From<&$name> for $name {
            fn from(s: &$name) -> Self {
                s.clone()
            }
        }

        impl ::std::convert::AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl $crate::__serde::Serialize for $name {
            fn serialize<S: $crate::__serde::Serializer>(&self, s: S) -> ::std::result::Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
            }
        }

        impl<'de> $crate::__serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__serde::Deserializer<'de>>(d: D) -> ::std::result::Result<Self, D::Error> {
                <String as $crate::__serde::Deserialize>::deserialize(d).map(Self)
            }
        }
    };
}

/// Declares a serde `with` module for a list wrapped JAXB-style: the model holds a plain
/// `Vec<T>`, the wire an object with one key holding the array
/// (`"addresses": {"address": ["100", "101"]}`), which is, in XML,
/// `<addresses><address>100</address><address>101</address></addresses>`. An absent or
/// `null` wrapper reads as an empty list; use with
/// `#[serde(default, skip_serializing_if = "Vec::is_empty", with = "...")]`.
///
/// ```
/// sdk_core::wrapped_list! {
///     /// `{"address": [...]}`.
///     pub mod addresses = "address"
/// }
///
/// #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
/// struct Queue {
///     #[serde(default, skip_serializing_if = "Vec::is_empty", with = "addresses")]
///     addresses: Vec<String>,
/// }
/// let q: Queue = serde_json::from_str(r#"{"addresses":{"address":["100","101"]}}"#)?;
/// assert_eq!(q.addresses, ["100", "101"]);
/// assert_eq!(serde_json::to_string(&q)?, r#"{"addresses":{"address":["100","101"]}}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[macro_export]
macro_rules! wrapped_list {
    ($(#[$meta:meta])* $vis:vis mod $module:ident = $item:literal) => {
        $(#[$meta])*
        $vis mod $module {
            use $crate::__serde::{Deserialize, Deserializer, Serialize, Serializer};

            #[derive(Serialize)]
            #[serde(crate = "sdk_core::__serde")]
            struct Out<'a, T> {
                #[serde(rename = $item)]
                items: &'a [T],
            }

            #[derive(Deserialize)]
            #[serde(crate = "sdk_core::__serde")]
            struct In<T> {
                #[serde(rename = $item, default = "Vec::new")]
                items: Vec<T>,
            }

            /// Writes `{"<item>": [...]}`.
            #[allow(clippy::ptr_arg)]
            pub fn serialize<T: Serialize, S: Serializer>(items: &Vec<T>, s: S) -> Result<S::Ok, S::Error> {
                Out { items: items.as_slice() }.serialize(s)
            }

            /// Reads `{"<item>": [...]}`; `null` or an empty wrapper is an empty list.
            pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(d: D) -> Result<Vec<T>, D::Error> {
                Ok(Option::<In<T>>::deserialize(d)?.map(|w| w.items).unwrap_or_default())
            }
        }
    };
}

/// The fields of an answer that a model does not name, kept as the server sent them (as
/// google-cloud-rust keeps `_unknown_fields` on every message). Every response model has
/// one, flattened into it, so a field the server adds later is readable at once and goes
/// back when the model is sent again (a read-modify-write replaces nothing it does not
/// know).
///
/// ```
/// #[derive(serde::Serialize, serde::Deserialize)]
/// struct Queue {
///     name: String,
///     #[serde(flatten)]
///     unknown_fields: sdk_core::model::UnknownFields,
/// }
///
/// let q: Queue = serde_json::from_str(r#"{"name": "Sales", "overflowTarget": "Q2"}"#)?;
/// assert_eq!(q.unknown_fields.get("overflowTarget"), Some(&serde_json::json!("Q2")));
/// assert_eq!(serde_json::to_string(&q)?, r#"{"name":"Sales","overflowTarget":"Q2"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// In XML answers an element's text is what the field holds (`<extra>x</extra>` is `"x"`),
/// and elements inside it are an object, so the same field reads the same in both formats.
/// An element repeated keeps every value, as an array (`<tag>a</tag><tag>b</tag>` is
/// `"tag": ["a", "b"]`, which is written back as the two elements); one element cannot be
/// told from a list of one, and reads as its value.
///
/// `Debug` shows the names of the fields, not their values: a field the SDK does not know
/// may hold a secret.
#[derive(Clone, Default, PartialEq, Serialize)]
#[serde(transparent)]
pub struct UnknownFields(serde_json::Map<String, serde_json::Value>);

impl fmt::Debug for UnknownFields {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.0.keys()).finish()
    }
}

impl<'de> Deserialize<'de> for UnknownFields {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match d.deserialize_map(KeepRepeats)? {
            serde_json::Value::Object(map) => Ok(UnknownFields::from(map)),
            _ => Err(serde::de::Error::custom("expected the fields of an object")),
        }
    }
}

/// Reads any value as JSON, keeping every value of a key repeated in one object as an
/// array, where a map would keep the last: XML repeats an element for a list
/// (`<tag>a</tag><tag>b</tag>` is `"tag": ["a", "b"]`), and the unknown fields must send
/// all of them back.
struct KeepRepeats;

impl<'de> serde::de::DeserializeSeed<'de> for KeepRepeats {
    type Value = serde_json::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for KeepRepeats {
    type Value = serde_json::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
        Ok(v.into())
    }

    fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
        Ok(v.into())
    }

    fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
        Ok(v.into())
    }

    fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
        Ok(v.into())
    }

    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(v.into())
    }

    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(v.into())
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(serde_json::Value::Null)
    }

    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(serde_json::Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::new();
        while let Some(v) = seq.next_element_seed(KeepRepeats)? {
            items.push(v);
        }
        Ok(items.into())
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        use serde_json::map::Entry;
        use serde_json::{Map, Value};
        // Keys seen more than once: their values are gathered in an array of their own, so
        // that a repeated key whose first value is itself an array is told apart.
        let mut repeated = std::collections::HashSet::new();
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let v = map.next_value_seed(KeepRepeats)?;
            match out.entry(key) {
                Entry::Vacant(e) => {
                    e.insert(v);
                }
                Entry::Occupied(mut e) => {
                    if repeated.contains(e.key()) {
                        if let Value::Array(items) = e.get_mut() {
                            items.push(v);
                        }
                    } else {
                        repeated.insert(e.key().clone());
                        let first = e.get_mut().take();
                        e.insert(Value::Array(vec![first, v]));
                    }
                }
            }
        }
        Ok(Value::Object(out))
    }
}

/// An XML element read as `{"$text": x}` is the value `x`; the rest as it is.
fn xml_text_as_value(value: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::Object(map) if map.len() == 1 && map.contains_key("$text") => {
            map.into_iter().next().map_or(Value::Null, |(_, v)| v)
        }
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (k, xml_text_as_value(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(xml_text_as_value).collect()),
        other => other,
    }
}

// JSON values have no NaN: equality is total.
impl Eq for UnknownFields {}

impl UnknownFields {
    /// No fields.
    pub fn new() -> Self {
        Self::default()
    }

    /// The value of field `name`, if the server sent it.
    pub fn get(&self, name: &str) -> Option<&serde_json::Value> {
        self.0.get(name)
    }

    /// Sets field `name`, returning its previous value.
    pub fn insert(
        &mut self,
        name: impl Into<String>,
        value: impl Into<serde_json::Value>,
    ) -> Option<serde_json::Value> {
        self.0.insert(name.into(), value.into())
    }

    /// Removes field `name`, returning its value.
    pub fn remove(&mut self, name: &str) -> Option<serde_json::Value> {
        self.0.remove(name)
    }

    /// The fields, in the order the server sent them.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &serde_json::Value)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// How many fields there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// `true` when the server sent nothing the model does not name.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The fields as a JSON object.
    pub fn as_map(&self) -> &serde_json::Map<String, serde_json::Value> {
        &self.0
    }

    /// The server's message about why a resource failed, for
    /// [`OperationFailed`](crate::ErrorKind::OperationFailed): `named` (the message field
    /// the model names, if any) when it holds text, else the first text among the kept
    /// fields `statusMessage`, `message`, `errorMessage` (and their snake_case spellings).
    /// Empty texts say nothing.
    ///
    /// ```
    /// use sdk_core::model::UnknownFields;
    ///
    /// let mut kept = UnknownFields::new();
    /// kept.insert("error_message", "Carrier rejected the message");
    /// assert_eq!(kept.failure_message(None).as_deref(), Some("Carrier rejected the message"));
    /// assert_eq!(kept.failure_message(Some("Aura unreachable")).as_deref(), Some("Aura unreachable"));
    /// ```
    pub fn failure_message(&self, named: Option<&str>) -> Option<String> {
        const FIELDS: [&str; 6] = [
            "statusMessage",
            "status_message",
            "message",
            "errorMessage",
            "error_message",
            "ErrorMessage",
        ];
        let text = |s: &str| (!s.trim().is_empty()).then(|| s.to_owned());
        named.and_then(text).or_else(|| {
            FIELDS
                .iter()
                .find_map(|field| self.0.get(*field)?.as_str().and_then(text))
        })
    }
}

impl From<serde_json::Map<String, serde_json::Value>> for UnknownFields {
    fn from(map: serde_json::Map<String, serde_json::Value>) -> Self {
        UnknownFields(
            map.into_iter()
                .map(|(k, v)| (k, xml_text_as_value(v)))
                .collect(),
        )
    }
}

/// A secret request field (a password, a PIN): sent on the wire as given, never shown by
/// `Debug`.
///
/// ```
/// let pw = sdk_core::model::Secret::new("hunter2");
/// assert_eq!(format!("{pw:?}"), "Secret(<redacted>)");
/// assert_eq!(serde_json::to_string(&pw)?, "\"hunter2\"");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone)]
pub struct Secret(SecretString);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(SecretString::from(value.into()))
    }

    /// The secret itself.
    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

impl PartialEq for Secret {
    fn eq(&self, other: &Self) -> bool {
        self.expose() == other.expose()
    }
}

impl Eq for Secret {}

impl From<&str> for Secret {
    fn from(s: &str) -> Self {
        Secret::new(s)
    }
}

impl From<String> for Secret {
    fn from(s: String) -> Self {
        Secret::new(s)
    }
}

impl Serialize for Secret {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.expose())
    }
}

impl<'de> Deserialize<'de> for Secret {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(Secret::new)
    }
}

/// For `Option<Option<T>>` fields that must tell "absent" from `null`: absent is `None`,
/// `null` is `Some(None)`, a value is `Some(Some(v))`. Use with
/// `#[serde(default, skip_serializing_if = "Option::is_none", with = "sdk_core::model::nullable")]`.
///
/// ```
/// #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
/// struct Profile {
///     #[serde(default, skip_serializing_if = "Option::is_none", with = "sdk_core::model::nullable")]
///     cli: Option<Option<String>>,
/// }
/// let p: Profile = serde_json::from_str(r#"{"cli":null}"#)?;
/// assert_eq!(p.cli, Some(None));
/// assert_eq!(serde_json::to_string(&p)?, r#"{"cli":null}"#);
/// let q: Profile = serde_json::from_str("{}")?;
/// assert_eq!(serde_json::to_string(&q)?, "{}");
/// # Ok::<(), serde_json::Error>(())
/// ```
pub mod nullable {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    /// Serialises `Some(None)` as `null`.
    pub fn serialize<T: Serialize, S: Serializer>(
        v: &Option<Option<T>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match v {
            Some(Some(v)) => v.serialize(s),
            _ => s.serialize_none(),
        }
    }

    /// Reads `null` as `Some(None)`.
    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Option<T>>, D::Error> {
        Option::<T>::deserialize(d).map(Some)
    }
}

/// A value the documents send as a JSON number in one place and as a string in another
/// (AXP's `port`, extension `number`): both are accepted, and each is sent back in the form
/// it came in.
///
/// ```
/// use sdk_core::model::NumOrStr;
///
/// let a: NumOrStr = serde_json::from_str("443")?;
/// let b: NumOrStr = serde_json::from_str("\"5022\"")?;
/// assert_eq!(a.as_u64(), Some(443));
/// assert_eq!(b.as_u64(), Some(5022));
/// assert_eq!(serde_json::to_string(&b)?, "\"5022\"");
/// assert_eq!(b.to_string(), "5022");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub enum NumOrStr {
    /// A JSON number.
    Num(i64),
    /// A JSON string.
    Str(String),
}

impl NumOrStr {
    /// The value as an unsigned number, when it is one (a string of digits counts).
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            NumOrStr::Num(n) => u64::try_from(*n).ok(),
            NumOrStr::Str(s) => s.trim().parse().ok(),
        }
    }
}

impl fmt::Display for NumOrStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NumOrStr::Num(n) => write!(f, "{n}"),
            NumOrStr::Str(s) => f.write_str(s),
        }
    }
}

impl From<i64> for NumOrStr {
    fn from(n: i64) -> Self {
        NumOrStr::Num(n)
    }
}

impl From<&str> for NumOrStr {
    fn from(s: &str) -> Self {
        NumOrStr::Str(s.to_owned())
    }
}

impl From<String> for NumOrStr {
    fn from(s: String) -> Self {
        NumOrStr::Str(s)
    }
}

/// A value the documents send as one item in one place and as a list in another (AXP's
/// `loginId`): both are accepted and sent back as they came.
///
/// ```
/// use sdk_core::model::OneOrMany;
///
/// let one: OneOrMany<String> = serde_json::from_str("\"a\"")?;
/// let many: OneOrMany<String> = serde_json::from_str("[\"a\",\"b\"]")?;
/// assert_eq!(one.to_vec(), vec!["a".to_owned()]);
/// assert_eq!(many.to_vec().len(), 2);
/// assert_eq!(serde_json::to_string(&one)?, "\"a\"");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany<T> {
    /// A single value.
    One(T),
    /// A list.
    Many(Vec<T>),
}

impl<T: Clone> OneOrMany<T> {
    /// The values as a list.
    pub fn to_vec(&self) -> Vec<T> {
        match self {
            OneOrMany::One(v) => vec![v.clone()],
            OneOrMany::Many(v) => v.clone(),
        }
    }
}

/// Checks that a required text field is not empty (nor only spaces): the one check of a
/// text's content made before sending. Formats and lengths are the service's to refuse.
///
/// ```
/// use sdk_core::model::check_required;
///
/// assert!(check_required("name", "Sales").is_ok());
/// assert_eq!(check_required("name", "  ").unwrap_err().field(), Some("name"));
/// ```
///
/// # Errors
///
/// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) naming `field`.
pub fn check_required(field: &str, value: &str) -> crate::Result<()> {
    if value.trim().is_empty() {
        return Err(crate::Error::invalid_input(field.to_owned(), "required"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Kept {
        id: String,
        #[serde(flatten)]
        unknown_fields: UnknownFields,
    }

    #[test]
    fn unknown_fields_keep_every_value_of_a_repeated_key() {
        use serde_json::json;
        // As XML reads: `<tag>` three times, `<pair>` twice holding lists, `<sub>` holding
        // a repeated `<x>`; `list` once, already an array.
        let read: Kept = serde_json::from_str(
            r#"{"id": "1", "tag": "a", "tag": "b", "list": ["p", "q"], "tag": "c",
                "pair": [1, 2], "pair": [3], "sub": {"x": "1", "x": "2", "y": "3"}}"#,
        )
        .unwrap();
        assert_eq!(read.id, "1");
        assert_eq!(
            serde_json::to_value(&read.unknown_fields).unwrap(),
            json!({"tag": ["a", "b", "c"], "list": ["p", "q"], "pair": [[1, 2], [3]],
                   "sub": {"x": ["1", "2"], "y": "3"}})
        );
        // Numbers, booleans and nulls are kept as read.
        let scalars: Kept =
            serde_json::from_str(r#"{"id": "2", "n": -4, "f": 1.5, "b": true, "z": null}"#)
                .unwrap();
        assert_eq!(
            serde_json::to_value(&scalars.unknown_fields).unwrap(),
            json!({"n": -4, "f": 1.5, "b": true, "z": null})
        );
    }

    #[cfg(feature = "xml")]
    #[test]
    fn repeated_unknown_xml_elements_are_all_kept() {
        let read: Kept =
            quick_xml::de::from_str("<q><id>1</id><tag>a</tag><tag>b</tag><one>x</one></q>")
                .unwrap();
        assert_eq!(
            read.unknown_fields.get("tag"),
            Some(&serde_json::json!(["a", "b"]))
        );
        assert_eq!(
            read.unknown_fields.get("one"),
            Some(&serde_json::json!("x"))
        );
    }

    crate::wrapped_list!(mod addresses = "address");

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Q {
        id: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty", with = "addresses")]
        addresses: Vec<String>,
    }

    #[test]
    fn wrapped_lists_are_plain_vecs_in_json_and_xml() {
        let json = serde_json::json!({"id": "A", "addresses": {"address": ["100", "101"]}});
        let q: Q = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(q.addresses, ["100", "101"]);
        assert_eq!(serde_json::to_value(&q).unwrap(), json);
        #[cfg(feature = "xml")]
        xml_forms(&q);
        let none: Q =
            serde_json::from_value(serde_json::json!({"id": "A", "addresses": null})).unwrap();
        assert!(none.addresses.is_empty());
        assert_eq!(
            serde_json::to_value(&none).unwrap(),
            serde_json::json!({"id": "A"})
        );
    }

    #[cfg(feature = "xml")]
    fn xml_forms(q: &Q) {
        use crate::Format;
        let xml = crate::format::to_xml("queue", q).unwrap();
        assert_eq!(
            xml,
            "<queue><id>A</id><addresses><address>100</address><address>101</address></addresses></queue>"
        );
        assert_eq!(&Format::Xml.decode::<Q>(xml.as_bytes()).unwrap(), q);
        let one: Q = Format::Xml
            .decode(b"<queue><id>A</id><addresses><address>100</address></addresses></queue>")
            .unwrap();
        assert_eq!(one.addresses, ["100"]);
        for empty in [
            &b"<queue><id>A</id><addresses/></queue>"[..],
            b"<queue><id>A</id></queue>",
        ] {
            assert!(Format::Xml.decode::<Q>(empty).unwrap().addresses.is_empty());
        }
    }

    #[test]
    fn required_text() {
        assert!(check_required("name", "x").is_ok());
        assert!(
            check_required("name", &"x".repeat(100_000)).is_ok(),
            "no length limit"
        );
        for blank in ["", "  ", "\t\n"] {
            assert_eq!(
                check_required("name", blank).unwrap_err().field(),
                Some("name")
            );
        }
    }
}

#[cfg(all(test, feature = "xml"))]
mod unknown_fields_tests {
    use super::UnknownFields;

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct User {
        #[serde(rename = "firstName")]
        first_name: Option<String>,
        #[serde(flatten)]
        unknown_fields: UnknownFields,
    }

    #[test]
    fn unknown_fields_read_the_same_in_json_and_xml_and_go_back() {
        let xml = "<user><firstName>A</firstName><extra>x</extra><nested><a>1</a></nested></user>";
        let from_xml: User = quick_xml::de::from_str(xml).expect("XML");
        let json = r#"{"firstName":"A","extra":"x","nested":{"a":"1"}}"#;
        let from_json: User = serde_json::from_str(json).expect("JSON");
        assert_eq!(from_xml, from_json);
        assert_eq!(from_json.unknown_fields.len(), 2);
        assert_eq!(
            format!("{:?}", from_json.unknown_fields),
            r#"{"extra", "nested"}"#
        );
        assert_eq!(serde_json::to_string(&from_xml).expect("JSON"), json);
        assert_eq!(
            quick_xml::se::to_string_with_root("user", &from_json).expect("XML"),
            xml
        );
    }
}
