//! Zero-indexed lists: [`Paginator`] walks a CPaaS list page by page, in JSON or in XML,
//! holding one page in memory.
//!
//! A list asks for `Page` (from 0) and `PageSize` (1 to 50, 50 by default) and answers the
//! items with the paging values: `page`, `page_size`, `num_pages`, `total`, `start`, `end`
//! and the `uri`s of this, the first, previous, next and last pages (in XML, attributes of
//! the list element: `pagesize`, `numpages`, `nextpageuri`, ...). The paginator follows
//! `next_page_uri` (a path, or a URL on the client's own origin; HTML entities such as
//! `&amp;` decoded), keeps every filter of the first request that the link leaves out, and
//! stops at the last page: an empty page, the page numbered `num_pages - 1`, or no next
//! link. It never steps backwards, so a server repeating a page cannot make it loop.
//!
//! `sdk-core`'s `Paginator::zero_indexed` implements the same walk for JSON only; this
//! type adds the XML envelope and the HTML-escaped links, with the same methods, until the
//! shared one does.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use futures_util::stream::{self, BoxStream, StreamExt, TryStreamExt};
use serde::de::{self, DeserializeOwned, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use sdk_core::futures_util;
use sdk_core::{Error, RequestOptions, RequestSpec, Result, Transport};

use crate::common::{ResponseFormat, version_prefix};
use crate::wire::unescape_html;

/// The largest `PageSize` CPaaS accepts.
pub const MAX_PAGE_SIZE: u32 = 50;

/// A resource that CPaaS lists: the key of its item array in JSON list answers.
pub trait Listed: DeserializeOwned + Send + 'static {
    /// The key of the item array (`calls`, `sms_messages`, ...). When an answer has no
    /// array under it, the one array of the answer is taken instead (several keys are not
    /// documented, only inferred).
    const ITEMS_KEY: &'static str;
}

/// One page of a list, with the paging values the server reported.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Page<T> {
    /// The items of this page.
    pub items: Vec<T>,
    /// The page number (from 0), as reported, else as requested.
    pub number: u64,
    /// `page_size`: the most items a page holds.
    pub page_size: Option<u64>,
    /// `num_pages`: how many pages the list has at this page size.
    pub num_pages: Option<u64>,
    /// `total`: the number of items across all pages.
    pub total: Option<u64>,
    /// `start`: the position of this page's first item in the whole list (from 0).
    pub start: Option<u64>,
    /// `end`: the position of this page's last item.
    pub end: Option<u64>,
    /// `uri`: this page.
    pub uri: Option<String>,
    /// `first_page_uri`.
    pub first_page_uri: Option<String>,
    /// `previous_page_uri` (`None` when empty).
    pub previous_page_uri: Option<String>,
    /// `next_page_uri` (`None` when empty), HTML entities decoded.
    pub next_page_uri: Option<String>,
    /// `last_page_uri`.
    pub last_page_uri: Option<String>,
}

/// A lazy zero-indexed list. Nothing is sent until a stream is polled; dropping the
/// stream sends no further request.
///
/// ```no_run
/// use cpaas::{CpaasClient, DateFilter};
/// use cpaas::calls::CallFilter;
/// use sdk_core::futures_util::TryStreamExt;
///
/// # async fn run(client: CpaasClient) -> Result<(), sdk_core::Error> {
/// let filter = CallFilter::new().start_time(DateFilter::month(2019, 5)?);
/// let mut calls = client.account().calls().list(&filter).page_size(50).items();
/// while let Some(call) = calls.try_next().await? {
///     println!("{:?} {:?}", call.sid, call.status);
/// }
/// # Ok(()) }
/// ```
#[must_use = "a paginator does nothing until its items or pages are read"]
pub struct Paginator<T> {
    transport: Transport,
    first: RequestSpec,
    op: &'static str,
    format: ResponseFormat,
    filters: Vec<(String, String)>,
    options: RequestOptions,
    page: u64,
    size: u32,
    max_items: Option<usize>,
    _item: PhantomData<fn() -> T>,
}

impl<T> fmt::Debug for Paginator<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Paginator")
            .field("operation", &self.op)
            .field("format", &self.format)
            .field("page", &self.page)
            .field("page_size", &self.size)
            .field("max_items", &self.max_items)
            .finish_non_exhaustive()
    }
}

impl<T: Listed> Paginator<T> {
    /// A list whose first request is `first` (filters included, which are also in
    /// `filters` so that followed links keep them).
    pub(crate) fn new(
        transport: Transport,
        first: RequestSpec,
        format: ResponseFormat,
        filters: Vec<(String, String)>,
        options: RequestOptions,
    ) -> Self {
        let op = first.operation();
        let first = filters
            .iter()
            .fold(first, |s, (k, v)| s.query_param(Cow::Owned(k.clone()), v));
        Paginator {
            transport,
            first,
            op,
            format,
            filters,
            options,
            page: 0,
            size: MAX_PAGE_SIZE,
            max_items: None,
            _item: PhantomData,
        }
    }

    /// Items per page, 1 to 50 (default 50); anything else fails the first request
    /// before it is sent.
    pub fn page_size(mut self, n: u32) -> Self {
        self.size = n;
        self
    }

    /// Starts at this page (from 0).
    pub fn start_at(mut self, page: u64) -> Self {
        self.page = page;
        self
    }

    /// Stops after `n` items, sending no request beyond the page that holds the last one.
    pub fn max_items(mut self, n: usize) -> Self {
        self.max_items = Some(n);
        self
    }

    /// The pages, one request each.
    pub fn pages(self) -> BoxStream<'static, Result<Page<T>>> {
        let size = self.size;
        let mut first = self
            .first
            .clone()
            .query_param("Page", self.page)
            .query_param("PageSize", size);
        if size == 0 || size > MAX_PAGE_SIZE {
            first.fail(Error::invalid_input(
                "PageSize",
                format!("must be between 1 and {MAX_PAGE_SIZE}, got {size}"),
            ));
        }
        let state = Walk {
            page: self.page,
            next: Some(first),
            left: self.max_items,
            list: self,
        };
        stream::unfold(state, |mut st| async move {
            if st.left == Some(0) {
                return None;
            }
            let req = st.next.take()?;
            match st.fetch(req).await {
                Ok(mut page) => {
                    if let Some(left) = st.left.as_mut() {
                        page.items.truncate(*left);
                        *left -= page.items.len();
                    }
                    Some((Ok(page), st))
                }
                Err(e) => Some((Err(e), st)),
            }
        })
        .boxed()
    }

    /// The items, across pages.
    pub fn items(self) -> BoxStream<'static, Result<T>> {
        self.pages()
            .flat_map(|page| {
                let (items, error) = match page {
                    Ok(p) => (p.items, None),
                    Err(e) => (Vec::new(), Some(Err(e))),
                };
                stream::iter(items.into_iter().map(Ok).chain(error))
            })
            .boxed()
    }

    /// Every item in one `Vec`: for lists known to be small.
    ///
    /// # Errors
    ///
    /// The first error of any page request.
    pub async fn collect_all(self) -> Result<Vec<T>> {
        self.items().try_collect().await
    }
}

struct Walk<T> {
    list: Paginator<T>,
    page: u64,
    next: Option<RequestSpec>,
    left: Option<usize>,
}

impl<T: Listed> Walk<T> {
    async fn fetch(&mut self, req: RequestSpec) -> Result<Page<T>> {
        let current_path = req.path().map(str::to_owned);
        let resp = self.list.transport.send(req).await?;
        let (items, meta) = match self.list.format {
            ResponseFormat::Xml => {
                let XmlPage { items, meta } = resp.decode::<XmlPage<T>>()?;
                (items, meta)
            }
            ResponseFormat::Json => {
                let JsonPage { items, meta } = resp.decode::<JsonPage<T>>()?;
                (items, meta)
            }
        };
        // Never step backwards: a server reporting an older page cannot make the walk loop.
        let number = meta.page.map_or(self.page, |n| n.max(self.page));
        let next_uri = meta.next.clone().filter(|s| !s.trim().is_empty());
        let last = items.is_empty() || meta.num_pages.is_some_and(|np| number + 1 >= np);
        if !last {
            self.next = self.next_request(
                number,
                next_uri.as_deref(),
                current_path.as_deref(),
                items.len(),
                &meta,
            )?;
            self.page = number + 1;
        }
        Ok(Page {
            items,
            number,
            page_size: meta.page_size,
            num_pages: meta.num_pages,
            total: meta.total,
            start: meta.start,
            end: meta.end,
            uri: meta.uri,
            first_page_uri: meta.first,
            previous_page_uri: meta.previous.filter(|s| !s.trim().is_empty()),
            next_page_uri: next_uri,
            last_page_uri: meta.last,
        })
    }

    /// The request of the page after `number`: the server's link when it has one that
    /// moves forward, else the first request with `Page = number + 1` when the answer says
    /// there are more pages (or, saying nothing, was full).
    fn next_request(
        &self,
        number: u64,
        link: Option<&str>,
        current_path: Option<&str>,
        len: usize,
        meta: &Meta,
    ) -> Result<Option<RequestSpec>> {
        let list = &self.list;
        if let Some(link) = link {
            let (path, mut query) =
                link_target(list.transport.base_url(), current_path.unwrap_or(""), link)?;
            let linked_page = query
                .iter()
                .find(|(k, _)| k == "Page")
                .and_then(|(_, v)| v.trim().parse::<u64>().ok());
            if linked_page.is_none_or(|p| p > number) {
                for (k, v) in &list.filters {
                    if !query.iter().any(|(qk, _)| qk == k) {
                        query.push((k.clone(), v.clone()));
                    }
                }
                if !query.iter().any(|(k, _)| k == "PageSize") {
                    query.push(("PageSize".to_owned(), list.size.to_string()));
                }
                let spec = RequestSpec::get(list.op, &path, &[])
                    .accept(list.format.core())
                    .options(list.options.clone());
                return Ok(Some(
                    query
                        .into_iter()
                        .fold(spec, |s, (k, v)| s.query_param(Cow::Owned(k), v)),
                ));
            }
        }
        let more = meta.num_pages.is_some()
            || (link.is_none() && meta.next.is_none() && len >= list.size as usize);
        Ok(more.then(|| {
            list.first
                .clone()
                .query_param("Page", number + 1)
                .query_param("PageSize", list.size)
        }))
    }
}

/// Where a `next_page_uri` points, as a path below the client's base URL and its query.
///
/// Links are paths below the API root (`/v2/Accounts/...`), URLs on the client's origin,
/// or (never seen, but cheap) paths relative to the current page.
fn link_target(
    base: &url::Url,
    current_path: &str,
    link: &str,
) -> Result<(String, Vec<(String, String)>)> {
    let link = unescape_html(link.trim());
    let bad = |why: &str| Error::invalid_input("next_page_uri", format!("`{link}`: {why}"));
    let resolved = if link.contains("://") {
        let url = url::Url::parse(&link).map_err(|e| bad(&e.to_string()))?;
        if url.origin() != base.origin() {
            return Err(bad("refusing to follow a link to another origin"));
        }
        url
    } else if link.starts_with('/') {
        base.join(&link).map_err(|e| bad(&e.to_string()))?
    } else {
        let dir = current_path.rsplit_once('/').map_or("", |(d, _)| d);
        let mut here = base.clone();
        here.set_path(&format!("{}{dir}/", base.path().trim_end_matches('/')));
        here.join(&link).map_err(|e| bad(&e.to_string()))?
    };
    let query: Vec<(String, String)> = resolved
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let path = resolved.path();
    let base_path = base.path().trim_end_matches('/');
    let below_base = if link.starts_with('/') || link.contains("://") {
        if !base_path.is_empty()
            && let Some(rest) = path.strip_prefix(base_path)
            && (rest.is_empty() || rest.starts_with('/'))
            && !link.starts_with("/v2/")
        {
            rest.to_owned()
        } else if let Some(rest) = path.strip_prefix("/v2") {
            format!("{}{rest}", version_prefix(base))
        } else {
            path.to_owned()
        }
    } else {
        path.strip_prefix(base_path).unwrap_or(path).to_owned()
    };
    Ok((below_base, query))
}

/// The paging values of one answer.
#[derive(Debug, Default, Clone, PartialEq)]
struct Meta {
    page: Option<u64>,
    page_size: Option<u64>,
    num_pages: Option<u64>,
    total: Option<u64>,
    start: Option<u64>,
    end: Option<u64>,
    uri: Option<String>,
    first: Option<String>,
    previous: Option<String>,
    next: Option<String>,
    last: Option<String>,
}

impl Meta {
    /// Stores the value of a paging key, in any of its spellings (`page_size`, `pagesize`,
    /// `@pagesize`, `PageSize`). Returns `false` for a key that is not a paging value.
    fn set(&mut self, key: &str, value: Option<String>) -> bool {
        let norm: String = key
            .trim_start_matches('@')
            .chars()
            .filter(|c| *c != '_')
            .flat_map(char::to_lowercase)
            .collect();
        let number = || value.as_deref().and_then(|v| v.trim().parse::<u64>().ok());
        let link = || value.as_deref().map(unescape_html);
        match norm.as_str() {
            "page" => self.page = number(),
            "pagesize" => self.page_size = number(),
            "numpages" => self.num_pages = number(),
            "total" => self.total = number(),
            "start" => self.start = number(),
            "end" => self.end = number(),
            "uri" => self.uri = link(),
            "firstpageuri" => self.first = link(),
            "previouspageuri" => self.previous = link(),
            "nextpageuri" => self.next = link(),
            "lastpageuri" => self.last = link(),
            _ => return false,
        }
        true
    }
}

/// A scalar paging value, in JSON or XML form.
fn scalar_text(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Bool(b) => Some(b.to_string()),
        serde_json::Value::Object(m) => m.get("$text").and_then(scalar_text),
        _ => None,
    }
}

/// A JSON list answer: the items under `T::ITEMS_KEY` (or the answer's one other array)
/// and the paging values.
struct JsonPage<T> {
    items: Vec<T>,
    meta: Meta,
}

impl<'de, T: Listed> Deserialize<'de> for JsonPage<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Listed> Visitor<'de> for V<T> {
            type Value = JsonPage<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "a list page with its items under `{}`", T::ITEMS_KEY)
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<Self::Value, A::Error> {
                let mut items: Option<Vec<T>> = None;
                let mut other_array: Option<serde_json::Value> = None;
                let mut meta = Meta::default();
                while let Some(key) = map.next_key::<Cow<'de, str>>()? {
                    if key == T::ITEMS_KEY {
                        items = Some(items_of::<T, A::Error>(map.next_value()?)?);
                        continue;
                    }
                    let value = map.next_value::<serde_json::Value>()?;
                    if !meta.set(&key, scalar_text(&value))
                        && value.is_array()
                        && other_array.is_none()
                    {
                        other_array = Some(value);
                    }
                }
                let items = match (items, other_array) {
                    (Some(items), _) => items,
                    (None, Some(array)) => items_of::<T, A::Error>(array)?,
                    (None, None) => Vec::new(),
                };
                Ok(JsonPage { items, meta })
            }
        }
        d.deserialize_map(V(PhantomData))
    }
}

/// The items under a list's key: an array (the rule), `null` (none), or an object (List
/// Fraud documents `frauds` as "Object containing fraud control resources"): one item, or
/// an item per value.
fn items_of<T: Listed, E: de::Error>(value: serde_json::Value) -> std::result::Result<Vec<T>, E> {
    match value {
        serde_json::Value::Null => Ok(Vec::new()),
        serde_json::Value::Object(m) => {
            match T::deserialize(serde_json::Value::Object(m.clone())) {
                Ok(one) => Ok(vec![one]),
                Err(_) => m
                    .into_values()
                    .map(T::deserialize)
                    .collect::<std::result::Result<_, _>>()
                    .map_err(E::custom),
            }
        }
        other => Vec::<T>::deserialize(other).map_err(E::custom),
    }
}

/// An XML list answer: `<Response><Calls page=".." ...><Call>..</Call>..</Calls></Response>`,
/// every child of the list element an item.
struct XmlPage<T> {
    items: Vec<T>,
    meta: Meta,
}

struct XmlList<T>(Vec<T>, Meta);

impl<'de, T: Listed> Deserialize<'de> for XmlList<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Listed> Visitor<'de> for V<T> {
            type Value = XmlList<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list element")
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<Self::Value, A::Error> {
                let mut items = Vec::new();
                let mut meta = Meta::default();
                while let Some(key) = map.next_key::<Cow<'de, str>>()? {
                    if let Some(attr) = key.strip_prefix('@') {
                        let value = map.next_value::<String>()?;
                        meta.set(attr, Some(value));
                    } else if key.starts_with('$') {
                        map.next_value::<de::IgnoredAny>()?;
                    } else {
                        items.push(map.next_value::<T>()?);
                    }
                }
                Ok(XmlList(items, meta))
            }
        }
        d.deserialize_map(V(PhantomData))
    }
}

impl<'de, T: Listed> Deserialize<'de> for XmlPage<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let crate::wire::XmlDoc(XmlList(items, meta)) =
            crate::wire::XmlDoc::<XmlList<T>>::deserialize(d)?;
        Ok(XmlPage { items, meta })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sdk_core::Format;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Item {
        #[serde(alias = "Sid")]
        sid: String,
    }

    impl Listed for Item {
        const ITEMS_KEY: &'static str = "calls";
    }

    fn sids(items: &[Item]) -> Vec<&str> {
        items.iter().map(|i| i.sid.as_str()).collect()
    }

    #[test]
    fn json_pages_take_the_items_key_or_the_one_array() {
        let body = r#"{"page": 1, "page_size": "2", "num_pages": 3, "total": 5, "start": 2,
            "end": 3, "uri": "/v2/Accounts/AC/Calls.json?Page=1&amp;PageSize=2",
            "next_page_uri": "/v2/Accounts/AC/Calls.json?Page=2&amp;PageSize=2",
            "previous_page_uri": "", "calls": [{"sid": "a"}, {"sid": "b"}], "extra": {"x": 1}}"#;
        let JsonPage { items, meta } = Format::Json
            .decode::<JsonPage<Item>>(body.as_bytes())
            .expect("a page");
        assert_eq!(sids(&items), ["a", "b"]);
        assert_eq!(
            (
                meta.page,
                meta.page_size,
                meta.num_pages,
                meta.total,
                meta.start,
                meta.end
            ),
            (Some(1), Some(2), Some(3), Some(5), Some(2), Some(3))
        );
        assert_eq!(
            meta.next.as_deref(),
            Some("/v2/Accounts/AC/Calls.json?Page=2&PageSize=2")
        );
        let guessed = r#"{"page": 0, "messages": [{"sid": "m"}], "numpages": "1"}"#;
        let JsonPage { items, meta } = Format::Json
            .decode::<JsonPage<Item>>(guessed.as_bytes())
            .expect("a page");
        assert_eq!(sids(&items), ["m"]);
        assert_eq!(meta.num_pages, Some(1));
        let object = r#"{"page": 0, "calls": {"a": {"sid": "x"}, "b": {"sid": "y"}}}"#;
        let JsonPage { items, .. } = Format::Json
            .decode::<JsonPage<Item>>(object.as_bytes())
            .expect("a page");
        assert_eq!(sids(&items), ["x", "y"]);
        let one = r#"{"page": 0, "calls": {"sid": "z"}}"#;
        let JsonPage { items, .. } = Format::Json
            .decode::<JsonPage<Item>>(one.as_bytes())
            .expect("a page");
        assert_eq!(sids(&items), ["z"]);
        let null = r#"{"page": 0, "calls": null}"#;
        assert!(
            Format::Json
                .decode::<JsonPage<Item>>(null.as_bytes())
                .expect("a page")
                .items
                .is_empty()
        );
    }

    #[test]
    fn xml_pages_read_attributes_and_every_child() {
        let body = "<Response>\n<Calls end=\"11\" firstpageuri=\"/v2/Accounts/AC/Calls.xml?Page=0&amp;PageSize=2\" \
            nextpageuri=\"/v2/Accounts/AC/Calls.xml?Page=6&amp;PageSize=2\" numpages=\"190\" page=\"5\" pagesize=\"2\" \
            previouspageuri=\"/v2/Accounts/AC/Calls.xml?Page=4&amp;PageSize=2\" start=\"10\" total=\"379\" \
            uri=\"/v2/Accounts/AC/Calls.xml\">\n<Call><Sid>a</Sid></Call>\n<Call><Sid>b</Sid></Call>\n</Calls>\n</Response>\n";
        let XmlPage { items, meta } = Format::Xml
            .decode::<XmlPage<Item>>(body.as_bytes())
            .expect("a page");
        assert_eq!(sids(&items), ["a", "b"]);
        assert_eq!(
            (
                meta.page,
                meta.page_size,
                meta.num_pages,
                meta.total,
                meta.start,
                meta.end
            ),
            (Some(5), Some(2), Some(190), Some(379), Some(10), Some(11))
        );
        assert_eq!(
            meta.next.as_deref(),
            Some("/v2/Accounts/AC/Calls.xml?Page=6&PageSize=2")
        );
        for empty in [
            "<Response><Calls page=\"0\" numpages=\"1\"/></Response>",
            "<Response><Calls page=\"0\"></Calls></Response>",
        ] {
            let XmlPage { items, meta } = Format::Xml
                .decode::<XmlPage<Item>>(empty.as_bytes())
                .expect("a page");
            assert!(items.is_empty());
            assert_eq!(meta.page, Some(0));
        }
    }

    #[test]
    fn links_resolve_below_the_base_url() {
        let base = |u: &str| url::Url::parse(u).expect("a URL");
        let cases = [
            (
                "https://api.zang.io",
                "/v2/Accounts/AC/Calls.json?Page=1&PageSize=2",
                "/v2/Accounts/AC/Calls.json",
            ),
            (
                "https://api-us.cpaas.avayacloud.com/v2",
                "/v2/Accounts/AC/Calls.json?Page=1",
                "/Accounts/AC/Calls.json",
            ),
            (
                "https://api-us.cpaas.avayacloud.com/v2",
                "https://api-us.cpaas.avayacloud.com/v2/Accounts/AC/Calls.json?Page=1",
                "/Accounts/AC/Calls.json",
            ),
            (
                "https://gw.example.com/cpaas",
                "/v2/Accounts/AC/Calls.json?Page=1",
                "/v2/Accounts/AC/Calls.json",
            ),
            (
                "https://gw.example.com/cpaas/v2",
                "/v2/Accounts/AC/Calls.json?Page=1",
                "/Accounts/AC/Calls.json",
            ),
            (
                "https://gw.example.com/cpaas/v2",
                "https://gw.example.com/cpaas/v2/Accounts/AC/Calls.json?Page=1",
                "/Accounts/AC/Calls.json",
            ),
            (
                "https://api.zang.io",
                "Calls.json?Page=1&amp;PageSize=2",
                "/v2/Accounts/AC/Calls.json",
            ),
        ];
        for (b, link, want) in cases {
            let (path, query) =
                link_target(&base(b), "/v2/Accounts/AC/Calls.json", link).expect("a target");
            assert_eq!(path, want, "{b} {link}");
            assert_eq!(
                query.first().map(|(k, v)| (k.as_str(), v.as_str())),
                Some(("Page", "1")),
                "{link}"
            );
        }
        let err = link_target(
            &base("https://api.zang.io"),
            "/",
            "https://evil.example.com/v2/x",
        )
        .unwrap_err();
        assert_eq!(err.field(), Some("next_page_uri"));
    }

    #[test]
    fn paging_keys_in_every_spelling() {
        let mut m = Meta::default();
        for (k, v) in [
            ("page_size", "2"),
            ("@numpages", "3"),
            ("NextPageUri", "/a?x=1&amp;y=2"),
            ("items", "x"),
        ] {
            let known = m.set(k, Some(v.to_owned()));
            assert_eq!(known, k != "items", "{k}");
        }
        assert_eq!((m.page_size, m.num_pages), (Some(2), Some(3)));
        assert_eq!(m.next.as_deref(), Some("/a?x=1&y=2"));
    }
}
