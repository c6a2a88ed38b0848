//! The desired-state file: TOML, one section per vendor, one array of tables per kind of
//! resource, each table a resource in the API's own field names.
//!
//! Reading it checks everything that can be checked without the service, and names the
//! file, the line and the key of each problem: a key no resource of that kind has, a value
//! of the wrong type, a required field missing, two resources with one natural key.
//! Nothing is sent when the file has an error.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use toml::Spanned;

use sdk_core::ensure::Desired;
use sdk_core::model::UnknownFields;

/// A problem in a desired-state file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    /// The file, as given.
    pub path: String,
    /// The line, from 1 (0 when the file could not be read at all).
    pub line: usize,
    /// The key at fault, when one is.
    pub key: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: ", self.path, self.line)?;
        if let Some(key) = &self.key {
            write!(f, "`{key}`: ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for FileError {}

/// A resource as the file describes it, with where it was written.
#[derive(Debug, Clone)]
pub struct Item<T> {
    /// The description.
    pub value: T,
    /// The line of its table, from 1.
    pub line: usize,
}

/// A resource whose description may carry fields the SDK does not name (sent as given);
/// in a desired-state file they are a mistake more often than not, so they are refused.
pub(crate) trait Entry: DeserializeOwned + Serialize {
    /// The fields of the description that the SDK does not name, when it keeps them.
    fn unknown(&self) -> Option<&UnknownFields> {
        None
    }
}

/// Reads the raw sections of a file; every vendor module parses its own section from it.
pub(crate) struct Source<'a> {
    pub(crate) path: &'a str,
    pub(crate) text: &'a str,
    raw: toml::Table,
}

impl<'a> Source<'a> {
    pub(crate) fn parse(path: &'a str, text: &'a str) -> Result<Self, FileError> {
        let raw: toml::Table = toml::from_str(text).map_err(|e| toml_error(path, text, &e))?;
        Ok(Source { path, text, raw })
    }

    pub(crate) fn sections(&self) -> impl Iterator<Item = &str> {
        self.raw.keys().map(String::as_str)
    }

    /// Deserializes the whole file as `T` (the typed skeleton), with toml's own positions.
    pub(crate) fn typed<T: DeserializeOwned>(&self) -> Result<T, FileError> {
        toml::from_str(self.text).map_err(|e| toml_error(self.path, self.text, &e))
    }

    /// The line of byte offset `at`, from 1.
    pub(crate) fn line_of(&self, at: usize) -> usize {
        self.text[..at.min(self.text.len())].matches('\n').count() + 1
    }

    /// The error for `item`, at the line of `key` within it when that can be found.
    pub(crate) fn error_in(
        &self,
        span: std::ops::Range<usize>,
        key: Option<&str>,
        message: String,
    ) -> FileError {
        let mut line = self.line_of(span.start);
        if let Some(key) = key {
            // The table runs from its span to the next table header.
            let rest = &self.text[span.start.min(self.text.len())..];
            let first = rest.find('\n').map_or(rest.len(), |n| n + 1);
            let end = rest[first..]
                .find("\n[")
                .map_or(rest.len(), |n| first + n + 1)
                .max(span.end.saturating_sub(span.start).min(rest.len()));
            let body = &rest[..end];
            if let Some(at) = find_key(body, key) {
                line = self.line_of(span.start + at);
            }
        }
        FileError {
            path: self.path.to_owned(),
            line,
            key: key.map(str::to_owned),
            message,
        }
    }

    /// The raw table of the resource at `path` (`["axp", "communication_managers", "0"]`).
    pub(crate) fn raw_table(&self, path: &[&str]) -> Option<&toml::Table> {
        let mut table = &self.raw;
        let mut parts = path.iter().peekable();
        while let Some(part) = parts.next() {
            let value = table.get(*part)?;
            let value = match value {
                toml::Value::Array(items) => {
                    let index: usize = parts.next()?.parse().ok()?;
                    items.get(index)?
                }
                other => other,
            };
            table = value.as_table()?;
        }
        Some(table)
    }

    /// Checks one resource: no key that its kind does not have (`nested` names the keys
    /// that hold resources under it), and returns it with its line.
    pub(crate) fn item<T: Entry>(
        &self,
        spanned: Spanned<T>,
        path: &[&str],
        nested: &[&str],
    ) -> Result<Item<T>, FileError> {
        let span = spanned.span();
        let value = spanned.into_inner();
        self.check_keys(&value, span.clone(), path, nested)?;
        Ok(Item {
            value,
            line: self.line_of(span.start),
        })
    }

    /// As [`item`](Self::item), for a resource nested in another (whose tables carry no
    /// span of their own): its line is found from its key within the parent's span.
    pub(crate) fn nested_item<T: Entry + Desired>(
        &self,
        value: T,
        parent_span: std::ops::Range<usize>,
        path: &[&str],
    ) -> Result<Item<T>, FileError> {
        // Nested tables follow their parent's: the first mention of the key's value
        // after the parent starts is this resource's table.
        let from = parent_span.start.min(self.text.len());
        let at = value
            .key()
            .ok()
            .and_then(|k| self.text[from..].find(&format!("\"{k}\"")))
            .map_or(from, |at| from + at);
        let line = self.line_of(at);
        let start = self.text[..at].rfind("[[").unwrap_or(from).max(from);
        self.check_keys(&value, start..self.text.len(), path, &[])?;
        Ok(Item { value, line })
    }

    fn check_keys<T: Entry>(
        &self,
        value: &T,
        span: std::ops::Range<usize>,
        path: &[&str],
        nested: &[&str],
    ) -> Result<(), FileError> {
        let kept = serde_json::to_value(value).unwrap_or(Value::Null);
        let unknown = value.unknown();
        let Some(raw) = self.raw_table(path) else {
            return Ok(());
        };
        for (key, v) in raw {
            if nested.contains(&key.as_str()) {
                continue;
            }
            let dropped = kept.get(key).is_none() && !is_empty(v);
            let foreign = unknown.is_some_and(|u| u.get(key).is_some());
            if dropped || foreign {
                return Err(self.error_in(
                    span,
                    Some(key),
                    format!(
                        "no such field here (the API's field names are used, e.g. `{}`)",
                        sample_key(&kept)
                    ),
                ));
            }
        }
        Ok(())
    }
}

/// Refuses two items of one kind (and one parent) with the same natural key.
pub(crate) fn unique<T: Desired>(source: &Source<'_>, items: &[Item<T>]) -> Result<(), FileError> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for item in items {
        let key = item.value.key().map_err(|e| FileError {
            path: source.path.to_owned(),
            line: item.line,
            key: Some(T::KEY.name().to_owned()),
            message: e.to_string(),
        })?;
        if let Some(first) = seen.insert(key.clone(), item.line) {
            return Err(FileError {
                path: source.path.to_owned(),
                line: item.line,
                key: Some(T::KEY.name().to_owned()),
                message: format!(
                    "a second {} with {} {key:?} (the first is on line {first})",
                    T::KIND,
                    T::KEY.name()
                ),
            });
        }
    }
    Ok(())
}

fn sample_key(kept: &Value) -> String {
    kept.as_object()
        .and_then(|o| o.keys().next().cloned())
        .unwrap_or_else(|| "name".to_owned())
}

fn is_empty(v: &toml::Value) -> bool {
    match v {
        toml::Value::String(s) => s.is_empty(),
        toml::Value::Array(a) => a.is_empty(),
        toml::Value::Table(t) => t.is_empty(),
        _ => false,
    }
}

/// Where `key = ` starts a line in `body`.
fn find_key(body: &str, key: &str) -> Option<usize> {
    let mut at = 0;
    for line in body.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix(key)
            && rest.trim_start().starts_with('=')
        {
            return Some(at + (line.len() - trimmed.len()));
        }
        at += line.len();
    }
    None
}

fn toml_error(path: &str, text: &str, e: &toml::de::Error) -> FileError {
    let message = e.message().trim().to_owned();
    let Some(span) = e.span() else {
        return FileError {
            path: path.to_owned(),
            line: 0,
            key: None,
            message,
        };
    };
    let start = span.start.min(text.len());
    let mut line = text[..start].matches('\n').count() + 1;
    let this_line = text.lines().nth(line - 1).unwrap_or_default();
    let mut key = this_line
        .split_once('=')
        .map(|(k, _)| k.trim().trim_matches('"').to_owned())
        .filter(|k| !k.is_empty() && !k.starts_with('['));
    if key.is_none() {
        // The error points at a whole table (the resource types keep the fields they do
        // not name, so toml cannot point deeper): find the line whose value the message
        // quotes, else take the field the message names.
        let quoted = message
            .split('`')
            .nth(1)
            .map(str::to_owned)
            .or_else(|| message.split('"').nth(1).map(|v| format!("\"{v}\"")));
        let body_start = text[..start].rfind('\n').map_or(0, |n| n + 1);
        let found = quoted.and_then(|v| {
            let mut at = body_start;
            for (i, l) in text[body_start..].split_inclusive('\n').enumerate() {
                if i > 0 && l.trim_start().starts_with('[') {
                    break;
                }
                if let Some((k, value)) = l.split_once('=')
                    && (value.trim() == v || value.trim() == format!("\"{v}\""))
                {
                    return Some((at, k.trim().trim_matches('"').to_owned()));
                }
                at += l.len();
            }
            None
        });
        match found {
            Some((at, k)) => {
                line = text[..at].matches('\n').count() + 1;
                key = Some(k);
            }
            None => key = message.split('`').nth(1).map(str::to_owned),
        }
    }
    FileError {
        path: path.to_owned(),
        line,
        key,
        message,
    }
}

/// Reads a file from disk.
pub(crate) fn read(path: &Path) -> Result<String, FileError> {
    std::fs::read_to_string(path).map_err(|e| FileError {
        path: path.display().to_string(),
        line: 0,
        key: None,
        message: format!("cannot read it: {e}"),
    })
}
