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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileError {
    /// The file, as given.
    pub path: String,
    /// The line, from 1 (0 when the file could not be read at all).
    pub line: usize,
    /// The key at fault, when one is.
    #[serde(skip_serializing_if = "Option::is_none")]
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

/// A resource that a description names by its name (a user's skill, a domain's
/// credential list), as written: the name, the line it is on and the key it is under.
/// Resolved to the resource's id when the run reaches it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// The name.
    pub name: String,
    /// The line it is written on, from 1.
    pub line: usize,
    /// The key it is written under (`skills`).
    pub key: &'static str,
}

impl Reference {
    /// The error that `name` names nothing of its kind (`what`, such as `skill`), neither
    /// in the file nor on the service.
    pub(crate) fn unknown(&self, path: &str, what: &str) -> FileError {
        FileError {
            path: path.to_owned(),
            line: self.line,
            key: Some(self.key.to_owned()),
            message: format!(
                "no {what} {:?} in this file or on the service (names are matched exactly)",
                self.name
            ),
        }
    }
}

/// The ids of the `wanted` names among `live`; an error for each name none has, or two
/// have.
pub(crate) fn by_name<Id>(
    live: impl Iterator<Item = (String, Id)>,
    wanted: &[&Reference],
    path: &str,
    what: &str,
    errors: &mut Vec<FileError>,
) -> HashMap<String, Id> {
    let mut found: HashMap<String, Vec<Id>> = HashMap::new();
    for (name, id) in live {
        if wanted.iter().any(|r| r.name == name) {
            found.entry(name).or_default().push(id);
        }
    }
    let mut ids = HashMap::new();
    let mut reported = std::collections::HashSet::new();
    for r in wanted {
        match found.remove(&r.name) {
            Some(mut all) if all.len() == 1 => {
                ids.insert(r.name.clone(), all.remove(0));
            }
            Some(_) => errors.push(FileError {
                message: format!(
                    "the service has several {what}s named {:?}: which one is meant cannot be told",
                    r.name
                ),
                ..r.unknown(path, what)
            }),
            // Named again by another resource: found (or reported) already.
            None if ids.contains_key(&r.name) || !reported.insert(r.name.clone()) => {}
            None => errors.push(r.unknown(path, what)),
        }
    }
    ids
}

/// What a name stands for when the run reaches it: the id of the resource of this file
/// of that name (`of_file`: each name with its live id, `None` when it is not there), else
/// of the service's (`known`); or, when it is of the file and not there yet, what it
/// waits for (`the skill "English"`).
pub(crate) fn resolve<Id: Clone>(
    name: &str,
    of_file: &[(String, Option<Id>)],
    known: &HashMap<String, Id>,
    what: &str,
) -> Result<Id, String> {
    match of_file.iter().find(|(n, _)| n == name) {
        Some((_, id)) => id.clone().ok_or_else(|| format!("the {what} {name:?}")),
        None => known
            .get(name)
            .cloned()
            .ok_or_else(|| format!("the {what} {name:?}")),
    }
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

    /// The names under `key` of the table that starts at `span` (a list the file wrote
    /// as `key = ["a", "b"]`, or as inline tables carrying the names), each with the line
    /// it is on; refuses a name given twice.
    pub(crate) fn references(
        &self,
        span: std::ops::Range<usize>,
        key: &'static str,
        names: Vec<String>,
    ) -> Result<Vec<Reference>, FileError> {
        let from = span.start.min(self.text.len());
        let key_at = find_key(table_body(&self.text[from..]), key).map_or(from, |at| from + at);
        // The value runs to the next key or table: a name is looked for there only.
        let value_end = key_at + value_len(&self.text[key_at..]);
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut out = Vec::with_capacity(names.len());
        let mut at = key_at;
        for name in names {
            let quoted = format!("\"{name}\"");
            let line = match self.text[at..value_end.max(at)].find(&quoted) {
                Some(found) => {
                    let line = self.line_of(at + found);
                    // The next name is written after this one.
                    at += found + quoted.len();
                    line
                }
                None => self.line_of(key_at),
            };
            if let Some(first) = seen.insert(name.clone(), line) {
                return Err(FileError {
                    path: self.path.to_owned(),
                    line,
                    key: Some(key.to_owned()),
                    message: format!("{name:?} is named twice (first on line {first})"),
                });
            }
            out.push(Reference { name, line, key });
        }
        Ok(out)
    }

    /// Refuses the fields of a nested object (the value of `key`, dotted for deeper ones,
    /// in the table at `span`) that its type does not name, reported as `key.field` on the
    /// line of the field when it has one of its own, else of `key`.
    pub(crate) fn nested_unknown(
        &self,
        span: std::ops::Range<usize>,
        key: &str,
        unknown: &UnknownFields,
    ) -> Result<(), FileError> {
        let Some((field, _)) = unknown.iter().next() else {
            return Ok(());
        };
        let from = span.start.min(self.text.len());
        let body = &self.text[from..];
        // Up to the next resource: a sub-table of this one (`[a.b.key]`) is part of it.
        let end = body
            .get(1..)
            .and_then(|b| b.find("\n[["))
            .map_or(body.len(), |n| n + 1);
        let body = &body[..end];
        let outer = key.split('.').next().unwrap_or(key);
        let at = find_key(body, field)
            .or_else(|| find_key(body, key))
            .or_else(|| find_key(body, outer))
            .map_or(from, |at| from + at);
        Err(FileError {
            path: self.path.to_owned(),
            line: self.line_of(at),
            key: Some(format!("{key}.{field}")),
            message: "no such field here (the API's field names are used)".to_owned(),
        })
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

/// The body of the table whose header starts `rest`: up to the next table header.
fn table_body(rest: &str) -> &str {
    let first = rest.find('\n').map_or(rest.len(), |n| n + 1);
    let end = rest[first..]
        .find("\n[")
        .map_or(rest.len(), |n| first + n + 1);
    &rest[..end]
}

/// The length of the value whose `key =` line starts `rest`: up to the line that starts
/// another key, a table or the end.
fn value_len(rest: &str) -> usize {
    let mut at = 0;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        let t = line.trim_start();
        let starts_key = t
            .split_once('=')
            .is_some_and(|(k, _)| is_bare_key(k.trim()));
        if i > 0 && (t.starts_with('[') && !t.starts_with("[{") || starts_key) {
            return at;
        }
        at += line.len();
    }
    at
}

/// Whether `k` is a bare or quoted TOML key (what starts a `key = value` line, not a
/// line inside an inline table or an array).
fn is_bare_key(k: &str) -> bool {
    let k = k.trim_matches('"');
    !k.is_empty()
        && k.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
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

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "[sinch]\n\n[[sinch.users]]\nlogin = \"j\"\nskills = [\n  { skill = \"A\", level = 1 },\n  { skill = \"B\", level = 2 },\n]\nuserGroups = [\"A\", \"G\"]\n\n[[sinch.users]]\nlogin = \"k\"\n";

    fn source() -> Source<'static> {
        Source::parse("f.toml", TEXT).unwrap()
    }

    #[test]
    fn references_are_found_on_their_own_lines_under_their_key() {
        let s = source();
        let start = TEXT.find("[[sinch.users]]").unwrap();
        let lines = |key, names: &[&str]| -> Vec<usize> {
            let names = names.iter().map(|n| (*n).to_owned()).collect();
            s.references(start..start + 1, key, names)
                .unwrap()
                .iter()
                .map(|r| r.line)
                .collect()
        };
        assert_eq!(lines("skills", &["A", "B"]), [6, 7]);
        // "A" is also a skill above: the group is looked for under its own key.
        assert_eq!(lines("userGroups", &["A", "G"]), [9, 9]);
        let twice = s
            .references(start..start + 1, "skills", vec!["A".into(), "A".into()])
            .unwrap_err();
        // The second is not written under `skills`: reported on the key's line.
        assert_eq!((twice.line, twice.key.as_deref()), (5, Some("skills")));
        assert!(twice.message.contains("named twice"), "{twice}");
    }

    #[test]
    fn names_resolve_to_the_file_first_then_the_service() {
        let of_file = [("A".to_owned(), Some(1)), ("B".to_owned(), None)];
        let known: HashMap<String, i32> = [("A".to_owned(), 9), ("C".to_owned(), 3)].into();
        assert_eq!(resolve("A", &of_file, &known, "skill"), Ok(1));
        assert_eq!(
            resolve("B", &of_file, &known, "skill"),
            Err("the skill \"B\"".to_owned())
        );
        assert_eq!(resolve("C", &of_file, &known, "skill"), Ok(3));
        assert!(resolve("D", &of_file, &known, "skill").is_err());
    }

    #[test]
    fn names_of_the_service_must_be_there_once() {
        let r = |name: &str, line| Reference {
            name: name.into(),
            line,
            key: "skills",
        };
        let wanted = [r("A", 3), r("B", 4), r("C", 5), r("A", 6)];
        let wanted: Vec<&Reference> = wanted.iter().collect();
        let live = [("A", 1), ("B", 2), ("B", 3), ("Z", 4)]
            .into_iter()
            .map(|(n, id)| (n.to_owned(), id));
        let mut errors = Vec::new();
        let ids = by_name(live, &wanted, "f.toml", "skill", &mut errors);
        assert_eq!(ids, [("A".to_owned(), 1)].into());
        let found: Vec<_> = errors
            .iter()
            .map(|e| (e.line, e.message.as_str()))
            .collect();
        assert_eq!(found.len(), 2, "{errors:?}");
        assert_eq!(found[0].0, 4);
        assert!(found[0].1.contains("several skills named \"B\""));
        assert_eq!(found[1].0, 5);
        assert!(
            found[1]
                .1
                .starts_with("no skill \"C\" in this file or on the service")
        );
    }
}
