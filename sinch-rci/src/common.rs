//! What every RCI resource family shares: the conventions its scopes carry, the sort and
//! search parameters of lists, and the RCI's own answers (a create answers the new id as
//! bare text; a list below one object is not paged).

use std::fmt;
use std::str::FromStr;

use serde::Serialize;
use serde::de::DeserializeOwned;

use sdk_core::{Conventions, Error, Format, PagingStyle, RequestSpec, Result, Scope};

/// The page size of offset/limit lists unless told otherwise: the server's own default
/// `limit`.
pub const DEFAULT_PAGE_SIZE: u32 = 100;

/// How RCI lists page (`offset`/`limit` over bare arrays, [`DEFAULT_PAGE_SIZE`] items a
/// page); paths are sent as written.
pub(crate) const RCI_CONVENTIONS: Conventions =
    Conventions::new(PagingStyle::OffsetLimit, DEFAULT_PAGE_SIZE);

// ---------------------------------------------------------------------------------------
// Creates and unpaged lists
// ---------------------------------------------------------------------------------------

/// Sends `spec` with `body` (`root` names the XML root element), asking for `text/html`:
/// the RCI answers a create with the new id, as bare text. An answer that is not one bare
/// token (an error page or a sentence sent with a success status) is a decode error, never
/// an id: nothing is known to have been created.
pub(crate) async fn post_for_id<I: DeserializeOwned, B: Serialize + ?Sized>(
    scope: &Scope<'_>,
    spec: RequestSpec,
    root: &str,
    body: &B,
) -> Result<I> {
    let spec = scope
        .body(spec, root, body)
        .accept_and_decode(Format::Html, Format::Text);
    scope.send_raw(spec).await?.decode_token()
}

/// Sends `spec` and reads the whole (unpaged) list it answers.
pub(crate) async fn list_all<T: DeserializeOwned>(
    scope: &Scope<'_>,
    spec: RequestSpec,
) -> Result<Vec<T>> {
    scope.send_raw(spec).await?.decode_list()
}

/// A field an update needs, taken from a read model: a list projection may lack it, which
/// is an [`InvalidInput`](sdk_core::ErrorKind::InvalidInput) error naming it.
pub(crate) fn required<T: Clone>(field: &str, value: &Option<T>) -> Result<T> {
    value
        .clone()
        .ok_or_else(|| Error::invalid_input(field.to_owned(), "required"))
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

// ---------------------------------------------------------------------------------------
// Wrapped lists
// ---------------------------------------------------------------------------------------

pub(crate) use sdk_core::wrapped_list;

// ---------------------------------------------------------------------------------------
// Sort and search
// ---------------------------------------------------------------------------------------

/// The `sort` parameter of a list: fields in order, each ascending or descending (`-`),
/// and an optional locale (`,LOCALE-<BCP 47 tag>`, such as `en`, `en-US`, `de`, `fi`). Any
/// field of the items can be sorted on; it is sent without spaces, as one query value that
/// is percent-encoded like any other: `sort=surname,-firstName,LOCALE-fi`. Which field
/// names and locale tags exist is the service's to judge.
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

    /// Checks that the sort names at least one field and that no field (nor the locale
    /// tag, when there is one) is empty: an empty one would write an empty entry
    /// (`sort=,-x` or `LOCALE-`). Nothing else is checked: the value travels
    /// percent-encoded, so no character can reach another parameter, and the service
    /// judges the names.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) naming `sort`.
    pub fn check(&self) -> Result<()> {
        if self.keys.is_empty() {
            return Err(Error::invalid_input("sort", "names no field"));
        }
        if self.keys.iter().any(|(field, _)| field.trim().is_empty()) {
            return Err(Error::invalid_input("sort", "names an empty field"));
        }
        if self
            .locale
            .as_deref()
            .is_some_and(|tag| tag.trim().is_empty())
        {
            return Err(Error::invalid_input("sort", "has an empty locale tag"));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_is_written_without_spaces_and_sent_as_given() {
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
        // Names and tags are the service's to judge; the query encoding keeps `&` and
        // spaces inside the one value.
        for given in [
            Sort::asc("name&x=1"),
            Sort::asc("name").locale("en US"),
            Sort::desc("élément"),
        ] {
            assert!(given.check().is_ok(), "{given:?}");
        }
        for empty in [
            Sort::asc(""),
            Sort::default(),
            Sort::asc("name").then_desc(" "),
            Sort::asc("name").locale(""),
        ] {
            assert_eq!(
                empty.check().unwrap_err().field(),
                Some("sort"),
                "{empty:?}"
            );
        }
        assert!("name, ,LOCALE-en".parse::<Sort>().is_err());
    }
}
