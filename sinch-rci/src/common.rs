//! What every RCI resource family shares: the id formats and their checks, the sort and
//! search parameters of lists, offset/limit paging ([`Paginator`]), and the scope a
//! family's operations run in.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;
use serde::de::DeserializeOwned;

use sdk_core::{Error, Format, Method, Paginator, RequestOptions, RequestSpec, Result, Transport};

use crate::client::{RciClient, WireFormat};

/// The page size of offset/limit lists unless told otherwise: the server's own default
/// `limit`.
pub const DEFAULT_PAGE_SIZE: u32 = 100;

// ---------------------------------------------------------------------------------------
// Ids
// ---------------------------------------------------------------------------------------

fn is_upper_hex(s: &str) -> bool {
    s.bytes()
        .all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b))
}

/// Checks that `value` is an RCI id: 32 uppercase hexadecimal characters (a GUID without
/// dashes, `E936C474B22311D38FBE0090279A922E`).
///
/// ```
/// use sinch_rci::common::check_id;
///
/// assert!(check_id("userId", "E936C474B22311D38FBE0090279A922E").is_ok());
/// let err = check_id("userId", "2B8ED95B0EC911E79675005056A75D9").unwrap_err(); // 31 characters
/// assert_eq!(err.field(), Some("userId"));
/// ```
///
/// # Errors
///
/// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) naming `field`.
pub fn check_id(field: &str, value: &str) -> Result<()> {
    if value.len() == 32 && is_upper_hex(value) {
        Ok(())
    } else {
        Err(Error::invalid_input(
            field.to_owned(),
            format!("`{value}` is not an RCI id (32 uppercase hexadecimal characters)"),
        ))
    }
}

/// Checks a queue-group id: 32 uppercase hexadecimal characters, or the dashed 36-character
/// GUID form the document also shows for queue groups
/// (`2CADB6A1-3712-4F13-BC68-938E2B5FEFC1`).
///
/// # Errors
///
/// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) naming `field`.
pub fn check_guid(field: &str, value: &str) -> Result<()> {
    let dashed = value.len() == 36
        && value.split('-').map(str::len).eq([8, 4, 4, 4, 12])
        && is_upper_hex(&value.replace('-', ""));
    if dashed || check_id(field, value).is_ok() {
        Ok(())
    } else {
        Err(Error::invalid_input(
            field.to_owned(),
            format!(
                "`{value}` is not a queue-group id (32 uppercase hexadecimal characters, or a dashed GUID)"
            ),
        ))
    }
}

/// Checks a time-zone id: an IANA zone name such as `Europe/Helsinki` or `Etc/GMT+5` (3 to
/// 50 characters: letters, digits, `/`, `_`, `-`, `+`). Its `/` travels percent-encoded
/// inside its one path segment.
///
/// # Errors
///
/// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) naming `field`.
pub fn check_time_zone(field: &str, value: &str) -> Result<()> {
    let ok = (3..=50).contains(&value.len())
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"/_-+".contains(&b))
        && !value.starts_with('/')
        && !value.ends_with('/');
    if ok {
        Ok(())
    } else {
        Err(Error::invalid_input(
            field.to_owned(),
            format!("`{value}` is not an IANA time-zone name (such as Europe/Helsinki)"),
        ))
    }
}

/// Checks the id held by path placeholder `name`, by the format of that resource: time
/// zones are IANA names, queue groups may be dashed GUIDs, everything else is 32 hex.
pub(crate) fn check_path_id(name: &str, value: &str) -> Result<()> {
    match name {
        "timeZoneId" => check_time_zone(name, value),
        "queueGroupId" => check_guid(name, value),
        _ => check_id(name, value),
    }
}

/// The placeholder names of a path template, in order.
fn placeholders(template: &str) -> impl Iterator<Item = &str> {
    template
        .split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(n, _)| n))
}

/// The body of a link: the id of an existing object (`{"id": "..."}`).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct IdRef<'a> {
    pub(crate) id: &'a str,
}

/// A body with the object's id in front of its other fields: the RCI's updates carry the id
/// (the schema marks it required) as well as the path does.
#[derive(Debug, Serialize)]
pub(crate) struct WithId<'a, T> {
    pub(crate) id: &'a str,
    #[serde(flatten)]
    pub(crate) body: &'a T,
}

/// Checks that a text field is between `min` and `max` characters long (and not only
/// spaces).
pub(crate) fn check_len(field: &str, value: &str, min: usize, max: usize) -> Result<()> {
    if value.trim().is_empty() {
        return Err(Error::invalid_input(field.to_owned(), "required"));
    }
    let n = value.chars().count();
    if n < min || n > max {
        return Err(Error::invalid_input(
            field.to_owned(),
            format!("{min} to {max} characters, got {n}"),
        ));
    }
    Ok(())
}

/// [`check_len`] for an optional field.
pub(crate) fn check_opt_len(
    field: &str,
    value: Option<&str>,
    min: usize,
    max: usize,
) -> Result<()> {
    value.map_or(Ok(()), |v| check_len(field, v, min, max))
}

// ---------------------------------------------------------------------------------------
// Wrapped lists
// ---------------------------------------------------------------------------------------

pub(crate) use sdk_core::wrapped_list;

// ---------------------------------------------------------------------------------------
// Sort and search
// ---------------------------------------------------------------------------------------

/// The `sort` parameter of a list: fields in order, each ascending or descending (`-`),
/// and an optional locale (`,LOCALE-<BCP 47 tag>`). Any field of the items can be sorted
/// on; it is sent without spaces: `sort=surname,-firstName,LOCALE-fi`.
///
/// ```
/// use sinch_rci::common::Sort;
///
/// let sort = Sort::asc("surname").then_desc("firstName").locale("fi");
/// assert_eq!(sort.to_string(), "surname,-firstName,LOCALE-fi");
/// // The document prints its examples with spaces; they parse into the same sort.
/// let parsed: Sort = "surname, -firstName,LOCALE-fi".parse()?;
/// assert_eq!(parsed, sort);
/// # Ok::<(), sdk_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sort {
    keys: Vec<(String, bool)>,
    locale: Option<String>,
}

impl Sort {
    /// Sorts by `field`, ascending.
    pub fn asc(field: impl Into<String>) -> Self {
        Sort::default().then_asc(field)
    }

    /// Sorts by `field`, descending.
    pub fn desc(field: impl Into<String>) -> Self {
        Sort::default().then_desc(field)
    }

    /// Then by `field`, ascending.
    pub fn then_asc(mut self, field: impl Into<String>) -> Self {
        self.keys.push((field.into(), false));
        self
    }

    /// Then by `field`, descending.
    pub fn then_desc(mut self, field: impl Into<String>) -> Self {
        self.keys.push((field.into(), true));
        self
    }

    /// Compares text by the rules of this locale, an IETF BCP 47 tag (`en`, `en-US`, `de`,
    /// `fi`).
    pub fn locale(mut self, tag: impl Into<String>) -> Self {
        self.locale = Some(tag.into());
        self
    }

    /// The fields, in order, each with `true` when descending.
    pub fn keys(&self) -> impl Iterator<Item = (&str, bool)> {
        self.keys.iter().map(|(f, d)| (f.as_str(), *d))
    }

    /// The locale tag, if any.
    pub fn locale_tag(&self) -> Option<&str> {
        self.locale.as_deref()
    }

    /// Checks the fields (letters, digits, `_` and `.`) and the locale tag (letters,
    /// digits and `-`), so nothing can smuggle another parameter into the list.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) naming `sort`.
    pub fn check(&self) -> Result<()> {
        if self.keys.is_empty() {
            return Err(Error::invalid_input("sort", "names no field"));
        }
        for (field, _) in &self.keys {
            let ok = !field.is_empty()
                && field
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.');
            if !ok {
                return Err(Error::invalid_input(
                    "sort",
                    format!("`{field}` is not a field name"),
                ));
            }
        }
        if let Some(tag) = &self.locale {
            let ok = !tag.is_empty()
                && tag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !tag.starts_with('-');
            if !ok {
                return Err(Error::invalid_input(
                    "sort",
                    format!("`{tag}` is not a BCP 47 language tag"),
                ));
            }
        }
        Ok(())
    }
}

impl fmt::Display for Sort {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for (field, desc) in &self.keys {
            if !first {
                f.write_str(",")?;
            }
            first = false;
            if *desc {
                f.write_str("-")?;
            }
            f.write_str(field)?;
        }
        if let Some(tag) = &self.locale {
            write!(f, ",LOCALE-{tag}")?;
        }
        Ok(())
    }
}

impl FromStr for Sort {
    type Err = Error;

    /// Parses `field[,-field...][,LOCALE-tag]`, spaces after commas allowed (the
    /// document's examples have them; [`Display`](fmt::Display) writes none).
    fn from_str(s: &str) -> Result<Self> {
        let mut sort = Sort::default();
        for part in s.split(',').map(str::trim) {
            if let Some(tag) = part.strip_prefix("LOCALE-") {
                sort.locale = Some(tag.to_owned());
            } else if let Some(field) = part.strip_prefix('-') {
                sort = sort.then_desc(field);
            } else {
                sort = sort.then_asc(part);
            }
        }
        sort.check()?;
        Ok(sort)
    }
}

/// The filters and sort of a list, as a collection's typed query holds them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Search {
    filters: Vec<(&'static str, String)>,
    sort: Option<Sort>,
}

impl Search {
    /// Sets the filter on `field` (replacing an earlier one).
    pub(crate) fn filter(&mut self, field: &'static str, pattern: String) {
        self.filters.retain(|(f, _)| *f != field);
        self.filters.push((field, pattern));
    }

    /// Adds a filter on `field`, keeping earlier ones (a parameter the document repeats).
    pub(crate) fn add(&mut self, field: &'static str, pattern: String) {
        self.filters.push((field, pattern));
    }

    pub(crate) fn set_sort(&mut self, sort: Sort) {
        self.sort = Some(sort);
    }

    /// Adds the filters (one query parameter per field) and the sort to `spec`.
    pub(crate) fn apply(&self, mut spec: RequestSpec) -> RequestSpec {
        for (field, pattern) in &self.filters {
            spec = spec.query_param(*field, pattern);
        }
        if let Some(sort) = &self.sort {
            spec = spec
                .validate(|| sort.check())
                .query_param("sort", sort.to_string());
        }
        spec
    }
}

/// Declares the typed query of a collection: one method per searchable field (the value
/// may hold the wildcards `*` and `?`) and, for collections that sort, `sort`.
macro_rules! search_query {
    (@common $(#[$meta:meta])* $name:ident { $( $method:ident => $wire:literal ),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, Eq)]
        pub struct $name {
            search: $crate::common::Search,
        }

        impl $name {
            /// A query with no filter: the whole collection.
            pub fn new() -> Self {
                Self::default()
            }

            $(
                #[doc = concat!("Only items whose `", $wire, "` matches `pattern` (`*` matches any run of characters, `?` one character). Sent as `", $wire, "=<pattern>`.")]
                pub fn $method(mut self, pattern: impl Into<String>) -> Self {
                    self.search.filter($wire, pattern.into());
                    self
                }
            )*

            pub(crate) fn apply(&self, spec: sdk_core::RequestSpec) -> sdk_core::RequestSpec {
                self.search.apply(spec)
            }
        }
    };
    ($(#[$meta:meta])* sortable $name:ident { $($body:tt)* }) => {
        $crate::common::search_query!(@common $(#[$meta])* $name { $($body)* });

        impl $name {
            /// The order of the answer (see [`Sort`](crate::common::Sort)).
            pub fn sort(mut self, sort: $crate::common::Sort) -> Self {
                self.search.set_sort(sort);
                self
            }
        }
    };
    ($(#[$meta:meta])* $name:ident { $($body:tt)* }) => {
        $crate::common::search_query!(@common $(#[$meta])* $name { $($body)* });
    };
}
pub(crate) use search_query;

// ---------------------------------------------------------------------------------------
// Paging
// ---------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------
// Scope
// ---------------------------------------------------------------------------------------

/// Where a family's operations run: `sdk-core`'s [`Scope`](sdk_core::Scope) (the
/// transport, the ids of the parent path such as the user of `/users/{userId}/skills`, the
/// client's wire format, per-call options), wrapped so that every request checks its ids
/// and every create, update and delete speaks the RCI's way.
#[derive(Debug, Clone)]
pub(crate) struct Scope<'a>(sdk_core::Scope<'a>);

impl<'a> Scope<'a> {
    pub(crate) fn new(client: &'a RciClient, parents: Vec<String>) -> Self {
        Scope(
            sdk_core::Scope::new(client.transport(), parents).with_format(client.format().format()),
        )
    }

    pub(crate) fn set_options(&mut self, options: RequestOptions) {
        self.0.set_options(options);
    }

    pub(crate) fn format(&self) -> WireFormat {
        match self.0.format() {
            Format::Xml => WireFormat::Xml,
            _ => WireFormat::Json,
        }
    }

    fn transport(&self) -> &'a Transport {
        self.0.transport()
    }

    /// A request for `template`, filled with the parent ids and then `ids`, each checked
    /// in the format of its placeholder (nothing is sent for an invalid id), asking for
    /// the client's format and carrying the scope's options.
    pub(crate) fn spec(
        &self,
        method: Method,
        op: &'static str,
        template: &str,
        ids: &[&str],
    ) -> RequestSpec {
        let mut spec = self.0.spec(method, op, template, ids);
        let params = self
            .0
            .parents()
            .iter()
            .map(String::as_str)
            .chain(ids.iter().copied());
        for (name, value) in placeholders(template).zip(params) {
            if let Err(e) = check_path_id(name, value) {
                spec.fail(e);
                break;
            }
        }
        spec
    }

    /// Sets `body` in the client's format (`root` names the XML root element).
    fn with_body<B: Serialize + ?Sized>(
        &self,
        spec: RequestSpec,
        root: &str,
        body: &B,
    ) -> RequestSpec {
        spec.body_as(self.format().format(), root, body)
    }

    /// `GET` one object.
    pub(crate) async fn get<T: DeserializeOwned>(
        &self,
        op: &'static str,
        template: &str,
        ids: &[&str],
    ) -> Result<T> {
        self.transport()
            .execute(self.spec(Method::GET, op, template, ids))
            .await
    }

    /// `GET` a whole (unpaged) list.
    pub(crate) async fn list_all<T: DeserializeOwned>(&self, spec: RequestSpec) -> Result<Vec<T>> {
        self.transport().send(spec).await?.decode_list()
    }

    /// An offset/limit list.
    pub(crate) fn paginator<T: DeserializeOwned + Send + 'static>(
        &self,
        spec: RequestSpec,
    ) -> Paginator<T> {
        Paginator::offset_limit(self.transport().clone(), spec, DEFAULT_PAGE_SIZE)
    }

    /// `POST` a body, asking for `text/html`: the answer is the new id, as bare text. An
    /// answer that is not one bare token (an error page or a sentence sent with a success
    /// status) is a decode error, never an id: nothing is known to have been created.
    pub(crate) async fn create<I: DeserializeOwned, B: Serialize + ?Sized>(
        &self,
        spec: RequestSpec,
        root: &str,
        body: &B,
    ) -> Result<I> {
        let spec = self
            .with_body(spec, root, body)
            .accept_and_decode(Format::Html, Format::Text);
        self.transport().send(spec).await?.decode_token()
    }

    /// `PUT` a body; any success status (201, 204, 200) will do, and a body is ignored.
    pub(crate) async fn put<B: Serialize + ?Sized>(
        &self,
        spec: RequestSpec,
        root: &str,
        body: &B,
    ) -> Result<()> {
        self.transport()
            .send(self.with_body(spec, root, body))
            .await
            .map(drop)
    }

    /// `DELETE`; any success status will do, and a body is ignored.
    pub(crate) async fn delete(
        &self,
        op: &'static str,
        template: &str,
        ids: &[&str],
    ) -> Result<()> {
        self.transport()
            .send(self.spec(Method::DELETE, op, template, ids))
            .await
            .map(drop)
    }
}

/// Declares a family's scope type: a newtype over [`Scope`] with `options()`.
macro_rules! scope_type {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone)]
        pub struct $name<'a>(pub(crate) $crate::common::Scope<'a>);

        impl<'a> $name<'a> {
            /// Per-call options (timeout, retries, headers) for the calls made through
            /// this scope.
            pub fn options(mut self, options: sdk_core::RequestOptions) -> Self {
                self.0.set_options(options);
                self
            }
        }
    };
}
pub(crate) use scope_type;

/// Declares builder setters for the optional fields of a request type: each takes
/// `impl Into<T>` and sets `Some`.
macro_rules! setters {
    ($ty:ident { $( $(#[$m:meta])* $field:ident : $t:ty ),* $(,)? }) => {
        impl $ty {
            $(
                $(#[$m])*
                pub fn $field(mut self, value: impl Into<$t>) -> Self {
                    self.$field = Some(value.into());
                    self
                }
            )*
        }
    };
}
pub(crate) use setters;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_their_exceptions() {
        let hex = "E936C474B22311D38FBE0090279A922E";
        for (name, value, ok) in [
            ("userId", hex, true),
            ("userId", "e936c474b22311d38fbe0090279a922e", false),
            ("userId", "2B8ED95B0EC911E79675005056A75D9", false),
            ("userId", "2CADB6A1-3712-4F13-BC68-938E2B5FEFC1", false),
            ("userId", "", false),
            ("queueGroupId", "2CADB6A1-3712-4F13-BC68-938E2B5FEFC1", true),
            ("queueGroupId", hex, true),
            (
                "queueGroupId",
                "2CADB6A1-3712-4F13-BC68938E2B5FEFC1X",
                false,
            ),
            (
                "queueGroupId",
                "2CADB6A13-712-4F13-BC68-938E2B5FEFC1",
                false,
            ),
            ("timeZoneId", "Europe/Helsinki", true),
            ("timeZoneId", "Etc/GMT+5", true),
            ("timeZoneId", "America/Argentina/Buenos_Aires", true),
            ("timeZoneId", "../etc", false),
            ("timeZoneId", "Europe/Hel sinki", false),
            ("timeZoneId", "/x/", false),
        ] {
            let got = check_path_id(name, value);
            assert_eq!(got.is_ok(), ok, "{name}={value}");
            if let Err(e) = got {
                assert_eq!(e.field(), Some(name));
            }
        }
    }

    #[test]
    fn placeholders_are_read_in_order() {
        let names: Vec<&str> = placeholders("/users/{userId}/skills/{skillId}").collect();
        assert_eq!(names, ["userId", "skillId"]);
        assert_eq!(placeholders("/users").count(), 0);
    }

    #[test]
    fn sort_is_written_without_spaces_and_checked() {
        let s = Sort::asc("firstName")
            .then_asc("surname")
            .then_desc("email")
            .locale("en-US");
        assert_eq!(s.to_string(), "firstName,surname,-email,LOCALE-en-US");
        let parsed: Sort = "firstName, surname, externalId, chatName, chat, email, phone,LOCALE-en"
            .parse()
            .unwrap();
        assert_eq!(
            parsed.to_string(),
            "firstName,surname,externalId,chatName,chat,email,phone,LOCALE-en"
        );
        for bad in [
            Sort::asc("name&x=1"),
            Sort::asc(""),
            Sort::default(),
            Sort::asc("name").locale("en US"),
            Sort::asc("name").locale(""),
        ] {
            assert_eq!(bad.check().unwrap_err().field(), Some("sort"), "{bad:?}");
        }
        assert!("name, ,LOCALE-en".parse::<Sort>().is_err());
    }

    #[test]
    fn lengths() {
        assert!(check_len("email", "a@b.co", 6, 256).is_ok());
        assert!(check_len("email", "a@b.c", 6, 256).is_err());
        assert!(check_len("email", "   ", 0, 256).is_err());
        assert!(check_opt_len("email", None, 6, 256).is_ok());
    }
}
