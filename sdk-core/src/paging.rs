//! Lazy paging: [`Paginator`] walks a list page by page, holding one page in memory, in
//! one of the three styles the vendor APIs use.
//!
//! - **page number** (AXP): 1-based `pageNumber`/`pageSize` query parameters and a
//!   `pagination {pageNumber, pageSize, total}` block. The next page is computed from that
//!   block; the answer's `links` are kept as information only, since the documents show
//!   them pointing at wrong paths, spelled `prev` or `previous`, or empty.
//! - **offset/limit** (Sinch RCI): `offset`/`limit` query parameters and a bare JSON array;
//!   a short or empty page is the last.
//! - **zero-indexed page** (CPaaS): `Page` (from 0) and `PageSize` (at most 50); the answer's
//!   `next_page_uri` (relative or absolute, same origin only) is followed, and the page
//!   numbered `num_pages - 1` is the last.
//!
//! ```no_run
//! use futures_util::TryStreamExt;
//! use sdk_core::{Paginator, RequestSpec, Transport};
//!
//! # async fn run(transport: Transport) -> Result<(), sdk_core::Error> {
//! let spec = RequestSpec::get("axp.voice_plans.list", "/accounts/{accountId}/voice-plans", &["ABCDEF"]);
//! let mut items = Paginator::<serde_json::Value>::page_number(transport, spec, "resources", 50).items();
//! while let Some(plan) = items.try_next().await? {
//!     println!("{plan}");
//! }
//! # Ok(()) }
//! ```

use std::marker::PhantomData;

use futures_util::stream::{self, BoxStream, StreamExt, TryStreamExt};
use serde::de::{DeserializeOwned, DeserializeSeed, MapAccess, Visitor};
use serde_json::{Map, Value};

use crate::error::{Error, Result};
use crate::request::RequestSpec;
use crate::transport::Transport;

/// The largest `PageSize` CPaaS accepts.
pub const ZERO_INDEXED_MAX_PAGE_SIZE: u32 = 50;

/// One page of a list.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Page<T> {
    /// The items of this page.
    pub items: Vec<T>,
    /// The page number as the server reported it (1-based for page-number lists,
    /// 0-based for zero-indexed ones); `None` for offset/limit lists.
    pub number: Option<u64>,
    /// The total number of items across all pages, when the server reports it.
    pub total: Option<u64>,
    /// The link to the next page, as the server gave it (informational: the paginator
    /// computes the next request itself except for `next_page_uri`).
    pub next_link: Option<String>,
    /// The link to the previous page (`prev` or `previous`), as the server gave it.
    pub prev_link: Option<String>,
}

#[derive(Debug, Clone)]
enum Style {
    PageNumber {
        items_key: &'static str,
        page: u64,
        size: u32,
    },
    OffsetLimit {
        offset: u64,
        limit: u32,
    },
    ZeroIndexed {
        items_key: &'static str,
        page: u64,
        size: u32,
    },
}

/// A lazy list. Nothing is sent until a stream is polled; dropping the stream sends no
/// further request.
#[must_use = "a paginator does nothing until its items or pages are read"]
pub struct Paginator<T> {
    transport: Transport,
    spec: RequestSpec,
    style: Style,
    max_items: Option<usize>,
    _item: PhantomData<fn() -> T>,
}

impl<T> std::fmt::Debug for Paginator<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Paginator")
            .field("operation", &self.spec.operation())
            .field("style", &self.style)
            .field("max_items", &self.max_items)
            .finish()
    }
}

impl<T: DeserializeOwned + Send + 'static> Paginator<T> {
    /// A page-number list (AXP): items under `items_key`, `page_size` per page.
    pub fn page_number(
        transport: Transport,
        spec: RequestSpec,
        items_key: &'static str,
        page_size: u32,
    ) -> Self {
        Self::new(
            transport,
            spec,
            Style::PageNumber {
                items_key,
                page: 1,
                size: page_size,
            },
        )
    }

    /// An offset/limit list answering bare arrays (Sinch RCI), `limit` per page.
    pub fn offset_limit(transport: Transport, spec: RequestSpec, limit: u32) -> Self {
        Self::new(transport, spec, Style::OffsetLimit { offset: 0, limit })
    }

    /// A zero-indexed page list (CPaaS): items under `items_key`, `page_size` (1 to 50) per
    /// page.
    pub fn zero_indexed(
        transport: Transport,
        spec: RequestSpec,
        items_key: &'static str,
        page_size: u32,
    ) -> Self {
        Self::new(
            transport,
            spec,
            Style::ZeroIndexed {
                items_key,
                page: 0,
                size: page_size,
            },
        )
    }

    fn new(transport: Transport, spec: RequestSpec, style: Style) -> Self {
        Paginator {
            transport,
            spec,
            style,
            max_items: None,
            _item: PhantomData,
        }
    }

    /// The page size error, if the size is out of the style's bounds.
    fn size_error(&self) -> Option<Error> {
        let (size, max, name) = match self.style {
            Style::PageNumber { size, .. } => (size, u32::MAX, "pageSize"),
            Style::OffsetLimit { limit, .. } => (limit, u32::MAX, "limit"),
            Style::ZeroIndexed { size, .. } => (size, ZERO_INDEXED_MAX_PAGE_SIZE, "PageSize"),
        };
        (size == 0 || size > max)
            .then(|| Error::invalid_input(name, format!("must be between 1 and {max}, got {size}")))
    }

    /// Items per page (the style's bounds apply: CPaaS takes at most 50).
    pub fn page_size(mut self, n: u32) -> Self {
        match &mut self.style {
            Style::PageNumber { size, .. } | Style::ZeroIndexed { size, .. } => *size = n,
            Style::OffsetLimit { limit, .. } => *limit = n,
        }
        self
    }

    /// Starts at this page (1-based for page-number lists, 0-based for zero-indexed
    /// ones) or, for offset/limit lists, at this offset.
    pub fn start_at(mut self, n: u64) -> Self {
        match &mut self.style {
            Style::PageNumber { page, .. } => *page = n.max(1),
            Style::ZeroIndexed { page, .. } => *page = n,
            Style::OffsetLimit { offset, .. } => *offset = n,
        }
        self
    }

    /// Stops after `n` items, sending no request beyond the page that holds the last one.
    pub fn max_items(mut self, n: usize) -> Self {
        self.max_items = Some(n);
        self
    }

    /// The pages, one request each.
    pub fn pages(mut self) -> BoxStream<'static, Result<Page<T>>> {
        if let Some(e) = self.size_error() {
            self.spec.fail(e);
        }
        let Paginator {
            transport,
            spec,
            style,
            max_items,
            ..
        } = self;
        let state = State {
            transport,
            next: Some(first_request(spec.clone(), &style)),
            template: spec,
            style,
            left: max_items,
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

struct State {
    transport: Transport,
    template: RequestSpec,
    next: Option<RequestSpec>,
    style: Style,
    left: Option<usize>,
}

fn first_request(spec: RequestSpec, style: &Style) -> RequestSpec {
    match *style {
        Style::PageNumber { page, size, .. } => spec
            .query_param("pageNumber", page)
            .query_param("pageSize", size),
        Style::OffsetLimit { offset, limit } => spec
            .query_param("offset", offset)
            .query_param("limit", limit),
        Style::ZeroIndexed { page, size, .. } => {
            spec.query_param("Page", page).query_param("PageSize", size)
        }
    }
}

fn as_u64(v: Option<&Value>) -> Option<u64> {
    match v? {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn link(v: Option<&Value>) -> Option<String> {
    v.and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty())
        .map(str::to_owned)
}

impl State {
    async fn fetch<T: DeserializeOwned>(&mut self, req: RequestSpec) -> Result<Page<T>> {
        let op = req.operation();
        let resp = self.transport.send(req).await?;
        match self.style.clone() {
            Style::OffsetLimit { offset, limit } => {
                let items: Vec<T> = resp.decode_list()?;
                let n = items.len() as u64;
                if n >= u64::from(limit) && n > 0 {
                    let next_offset = offset + n;
                    self.style = Style::OffsetLimit {
                        offset: next_offset,
                        limit,
                    };
                    self.next = Some(first_request(self.template.clone(), &self.style));
                }
                Ok(Page {
                    items,
                    number: None,
                    total: None,
                    next_link: None,
                    prev_link: None,
                })
            }
            Style::PageNumber {
                items_key,
                page,
                size,
            } => {
                let env: Envelope<T> = decode_envelope(&resp, items_key)?;
                let pagination = env.meta.get("pagination").and_then(Value::as_object);
                let reported = as_u64(pagination.and_then(|p| p.get("pageNumber")));
                // Navigate from the page asked for when the server reports an older one,
                // so a server that ignores `pageNumber` cannot make the walk loop.
                let number = reported.map_or(page, |n| n.max(page));
                let per_page = as_u64(pagination.and_then(|p| p.get("pageSize")))
                    .filter(|s| *s > 0)
                    .unwrap_or(u64::from(size));
                let total = as_u64(pagination.and_then(|p| p.get("total")));
                let links = env.meta.get("links").and_then(Value::as_object);
                let n = env.items.len() as u64;
                let more = n > 0
                    && match total {
                        Some(t) => number.saturating_mul(per_page) < t,
                        None => n >= u64::from(size),
                    };
                if more {
                    self.style = Style::PageNumber {
                        items_key,
                        page: number + 1,
                        size,
                    };
                    self.next = Some(first_request(self.template.clone(), &self.style));
                }
                Ok(Page {
                    items: env.items,
                    number: reported.or(Some(page)),
                    total,
                    next_link: link(links.and_then(|l| l.get("next"))),
                    prev_link: link(links.and_then(|l| l.get("prev")))
                        .or_else(|| link(links.and_then(|l| l.get("previous")))),
                })
            }
            Style::ZeroIndexed {
                items_key,
                page,
                size,
            } => {
                let env: Envelope<T> = decode_envelope(&resp, items_key)?;
                let reported = as_u64(env.meta.get("page"));
                // As for page numbers: never navigate backwards, so the walk cannot loop.
                let number = reported.map_or(page, |n| n.max(page));
                let num_pages = as_u64(
                    env.meta
                        .get("num_pages")
                        .or_else(|| env.meta.get("numpages")),
                );
                let total = as_u64(env.meta.get("total"));
                let next_uri = link(
                    env.meta
                        .get("next_page_uri")
                        .or_else(|| env.meta.get("nextpageuri")),
                );
                let last = env.items.is_empty() || num_pages.is_some_and(|np| number + 1 >= np);
                if !last {
                    if let Some(uri) = &next_uri {
                        let url = self.resolve(uri)?;
                        self.next = Some(
                            RequestSpec::get_url(op, url).options(self.template.options.clone()),
                        );
                    } else if num_pages.is_some() {
                        self.style = Style::ZeroIndexed {
                            items_key,
                            page: number + 1,
                            size,
                        };
                        self.next = Some(first_request(self.template.clone(), &self.style));
                    }
                    self.style = Style::ZeroIndexed {
                        items_key,
                        page: number + 1,
                        size,
                    };
                }
                Ok(Page {
                    items: env.items,
                    number: reported.or(Some(page)),
                    total,
                    next_link: next_uri,
                    prev_link: link(
                        env.meta
                            .get("previous_page_uri")
                            .or_else(|| env.meta.get("previouspageuri")),
                    ),
                })
            }
        }
    }

    /// Resolves a `next_page_uri`: absolute URLs as they are (the transport refuses another
    /// origin), `/paths` against the origin, other relative paths below the base URL.
    fn resolve(&self, uri: &str) -> Result<url::Url> {
        let base = self.transport.base_url();
        let joined = if uri.starts_with('/') || uri.contains("://") {
            base.join(uri)
        } else {
            let mut b = base.clone();
            if !b.path().ends_with('/') {
                b.set_path(&format!("{}/", b.path()));
            }
            b.join(uri)
        };
        joined.map_err(|e| {
            Error::invalid_input("next_page_uri", format!("unusable link `{uri}`: {e}"))
        })
    }
}

struct Envelope<T> {
    items: Vec<T>,
    meta: Map<String, Value>,
}

fn decode_envelope<T: DeserializeOwned>(
    resp: &crate::transport::Response,
    items_key: &'static str,
) -> Result<Envelope<T>> {
    let mut de = serde_json::Deserializer::from_slice(resp.body());
    let env = EnvelopeSeed::<T> {
        items_key,
        _item: PhantomData,
    }
    .deserialize(&mut de)
    .and_then(|env| de.end().map(|()| env))
    .map_err(|e| {
        Error::decode("invalid list page", resp.body(), e)
            .decode_status(resp.status(), resp.headers())
    })?;
    Ok(env)
}

struct EnvelopeSeed<T> {
    items_key: &'static str,
    _item: PhantomData<fn() -> T>,
}

impl<'de, T: DeserializeOwned> DeserializeSeed<'de> for EnvelopeSeed<T> {
    type Value = Envelope<T>;

    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        d: D,
    ) -> std::result::Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, T: DeserializeOwned> Visitor<'de> for EnvelopeSeed<T> {
    type Value = Envelope<T>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "a list page with its items under `{}`", self.items_key)
    }

    fn visit_map<A: MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<Self::Value, A::Error> {
        let mut items = None;
        let mut meta = Map::new();
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key == self.items_key {
                items = Some(map.next_value::<Option<Vec<T>>>()?.unwrap_or_default());
            } else {
                meta.insert(key.into_owned(), map.next_value::<Value>()?);
            }
        }
        Ok(Envelope {
            items: items.unwrap_or_default(),
            meta,
        })
    }
}
