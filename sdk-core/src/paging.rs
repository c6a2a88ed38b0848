//! Lazy paging: [`Paginator`] walks a list page by page, holding one page in memory (two
//! with [`prefetch`](Paginator::prefetch)), in one of the three styles the vendor APIs use.
//!
//! - **page number** (AXP): 1-based `pageNumber`/`pageSize` query parameters and a
//!   `pagination {pageNumber, pageSize, total}` block. The next page is computed from that
//!   block; the answer's `links` are kept as information only, since the documents show
//!   them pointing at wrong paths, spelled `prev` or `previous`, or empty.
//! - **offset/limit** (Sinch RCI): `offset`/`limit` query parameters and a bare JSON array
//!   (or, in XML, the children of the root element); a short or empty page is the last.
//! - **zero-indexed page** (CPaaS): `Page` (from 0) and `PageSize` (at most 50), and the
//!   paging values `page`, `page_size`, `num_pages`, `total`, `start`, `end` and the
//!   `*_page_uri` links beside the items (in XML, attributes of the list element under the
//!   root: `<Response><Calls page="0" numpages="3" nextpageuri="..."><Call>..`). The
//!   answer's `next_page_uri` is followed (HTML entities such as `&amp;` decoded; a path
//!   below the API root, a path relative to the current page, or a URL on the client's own
//!   origin), every query parameter of the first request that the link leaves out is kept,
//!   and the walk stops at an empty page, at the page numbered `num_pages - 1`, or when the
//!   server gives no next link.
//!
//! In every style the walk never steps backwards, so a server that repeats a page cannot
//! make it loop.
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

use std::borrow::Cow;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, ready};

use futures_util::stream::{self, BoxStream, Stream, StreamExt, TryStreamExt};
use indexmap::IndexMap;
use serde::Deserialize;
use serde::de::{self, DeserializeOwned};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use crate::error::{Error, Result};
#[cfg(feature = "xml")]
use crate::format::Format;
use crate::request::{RequestSpec, Target};
use crate::transport::{Response, Transport};

/// The largest `PageSize` CPaaS accepts.
pub const ZERO_INDEXED_MAX_PAGE_SIZE: u32 = 50;

/// One page of a list, with the paging values the server reported (each `None` when the
/// style or the answer has none).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Page<T> {
    /// The items of this page.
    pub items: Vec<T>,
    /// The page number as the server reported it, else as requested (1-based for
    /// page-number lists, 0-based for zero-indexed ones); `None` for offset/limit lists.
    pub number: Option<u64>,
    /// The most items a page holds, as reported (`pageSize`, `page_size`).
    pub page_size: Option<u64>,
    /// How many pages the list has at this page size (`num_pages`).
    pub num_pages: Option<u64>,
    /// The number of items across all pages (`total`).
    pub total: Option<u64>,
    /// The position of this page's first item in the whole list, from 0 (`start`).
    pub start: Option<u64>,
    /// The position of this page's last item (`end`).
    pub end: Option<u64>,
    /// The link to this page (`uri`, `self`), as the server gave it.
    pub self_link: Option<String>,
    /// The link to the first page.
    pub first_link: Option<String>,
    /// The link to the previous page (`prev`, `previous`, `previous_page_uri`).
    pub prev_link: Option<String>,
    /// The link to the next page (`next`, `next_page_uri`). Informational: the paginator
    /// computes the next request itself, except that it follows `next_page_uri`.
    pub next_link: Option<String>,
    /// The link to the last page.
    pub last_link: Option<String>,
}

impl<T> Page<T> {
    /// A page of `items` with no paging values: for fakes and tests of code that reads
    /// pages.
    ///
    /// ```
    /// use sdk_core::Page;
    ///
    /// let page = Page::new(vec!["+12223334444", "+15556667777"]);
    /// assert_eq!(page.items.len(), 2);
    /// assert_eq!(page.total, None);
    /// ```
    pub fn new(items: Vec<T>) -> Self {
        Page {
            items,
            number: None,
            page_size: None,
            num_pages: None,
            total: None,
            start: None,
            end: None,
            self_link: None,
            first_link: None,
            prev_link: None,
            next_link: None,
            last_link: None,
        }
    }
}

#[derive(Debug, Clone, Copy)]
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
/// further request (and cancels a prefetch under way).
#[must_use = "a paginator does nothing until its items or pages are read"]
pub struct Paginator<T> {
    transport: Transport,
    spec: RequestSpec,
    style: Style,
    max_items: Option<usize>,
    prefetch: bool,
    _item: PhantomData<fn() -> T>,
}

impl<T> Clone for Paginator<T> {
    fn clone(&self) -> Self {
        Paginator {
            transport: self.transport.clone(),
            spec: self.spec.clone(),
            style: self.style,
            max_items: self.max_items,
            prefetch: self.prefetch,
            _item: PhantomData,
        }
    }
}

impl<T> Paginator<T> {
    /// The client it reads with.
    pub(crate) fn transport(&self) -> &Transport {
        &self.transport
    }

    /// The request of the first page.
    pub(crate) fn first_request(&self) -> &RequestSpec {
        &self.spec
    }

    /// The same list, its first page asked by `spec` (the same request, other options).
    pub(crate) fn with_first_request(mut self, spec: RequestSpec) -> Self {
        self.spec = spec;
        self
    }
}

impl<T> std::fmt::Debug for Paginator<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Paginator")
            .field("operation", &self.spec.operation())
            .field("style", &self.style)
            .field("max_items", &self.max_items)
            .field("prefetch", &self.prefetch)
            .finish()
    }
}

impl<T: Listed> Paginator<T> {
    /// A page-number list (AXP): items under `items_key`, `page_size` per page.
    ///
    /// ```no_run
    /// use sdk_core::{Paginator, RequestSpec, Transport};
    ///
    /// # async fn run() -> sdk_core::Result<()> {
    /// let transport = Transport::builder().base_url("https://example.com").no_auth().build()?;
    /// let template = "/accounts/{accountId}/extensions";
    /// let spec = RequestSpec::get("axp.route_points.list", template, &["ABCDEF"]);
    /// let points: Vec<serde_json::Value> =
    ///     Paginator::page_number(transport, spec, "resources", 100).collect_all().await?;
    /// println!("{} route points", points.len());
    /// # Ok(()) }
    /// ```
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
    ///
    /// ```no_run
    /// use futures_util::TryStreamExt;
    /// use sdk_core::{Paginator, RequestSpec, Transport};
    ///
    /// # async fn run() -> sdk_core::Result<()> {
    /// let transport = Transport::builder().base_url("https://example.com").no_auth().build()?;
    /// let spec = RequestSpec::get("rci.users.list", "/users", &[]).query_param("surname", "F*");
    /// let mut users = Paginator::<serde_json::Value>::offset_limit(transport, spec, 100).items();
    /// while let Some(user) = users.try_next().await? {
    ///     println!("{}", user["login"]);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn offset_limit(transport: Transport, spec: RequestSpec, limit: u32) -> Self {
        Self::new(transport, spec, Style::OffsetLimit { offset: 0, limit })
    }

    /// A zero-indexed page list (CPaaS): items under `items_key` in JSON (or, when an
    /// answer has nothing under that key, its one other array), every child of the list
    /// element in XML; `page_size` (1 to 50) per page. The query parameters of `spec` are
    /// the list's filters: they are sent on every page, even when a `next_page_uri` leaves
    /// them out.
    ///
    /// ```no_run
    /// use futures_util::TryStreamExt;
    /// use sdk_core::{Paginator, RequestSpec, Transport};
    ///
    /// # async fn run() -> sdk_core::Result<()> {
    /// let transport = Transport::builder().base_url("https://example.com").no_auth().build()?;
    /// let template = "/v2/Accounts/{AccountSid}/Calls.json";
    /// let spec = RequestSpec::get("cpaas.calls.list", template, &["AC123"])
    ///     .query_param("Status", "completed");
    /// let calls = Paginator::<serde_json::Value>::zero_indexed(transport, spec, "calls", 50);
    /// let mut pages = calls.pages();
    /// while let Some(page) = pages.try_next().await? {
    ///     println!("page {:?} of {:?}: {} calls", page.number, page.num_pages, page.items.len());
    /// }
    /// # Ok(()) }
    /// ```
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
            prefetch: false,
            _item: PhantomData,
        }
    }

    /// The page size error: a page of no items, which could never end the walk. The
    /// service's own bounds (CPaaS takes at most 50) are its to judge.
    fn size_error(&self) -> Option<Error> {
        let (size, name) = match self.style {
            Style::PageNumber { size, .. } => (size, "pageSize"),
            Style::OffsetLimit { limit, .. } => (limit, "limit"),
            Style::ZeroIndexed { size, .. } => (size, "PageSize"),
        };
        (size == 0).then(|| Error::invalid_input(name, "must be at least 1"))
    }

    /// Items per page, sent as given: the service judges its own bounds (CPaaS documents
    /// at most 50, [`ZERO_INDEXED_MAX_PAGE_SIZE`], and answers a larger size with its
    /// error). A size of 0 fails the first request before it is sent.
    ///
    /// ```no_run
    /// # use sdk_core::{Paginator, RequestSpec, Transport};
    /// # fn plans(t: Transport) -> Paginator<serde_json::Value> {
    /// #     let spec = RequestSpec::get("axp.voice_plans.list", "/accounts/{a}/voice-plans", &["A"]);
    /// #     Paginator::page_number(t, spec, "resources", 50)
    /// # }
    /// # async fn run(t: Transport) -> sdk_core::Result<()> {
    /// let all = plans(t).page_size(200).collect_all().await?; // fewer, larger pages
    /// # let _ = all; Ok(()) }
    /// ```
    pub fn page_size(mut self, n: u32) -> Self {
        match &mut self.style {
            Style::PageNumber { size, .. } | Style::ZeroIndexed { size, .. } => *size = n,
            Style::OffsetLimit { limit, .. } => *limit = n,
        }
        self
    }

    /// Starts at this page (1-based for page-number lists, 0-based for zero-indexed
    /// ones) or, for offset/limit lists, at this offset.
    ///
    /// ```no_run
    /// # use sdk_core::{Paginator, RequestSpec, Transport};
    /// # fn plans(t: Transport) -> Paginator<serde_json::Value> {
    /// #     let spec = RequestSpec::get("axp.voice_plans.list", "/accounts/{a}/voice-plans", &["A"]);
    /// #     Paginator::page_number(t, spec, "resources", 50)
    /// # }
    /// # async fn run(t: Transport) -> sdk_core::Result<()> {
    /// // Resume a walk that stopped after page 3.
    /// let rest = plans(t).start_at(4).collect_all().await?;
    /// # let _ = rest; Ok(()) }
    /// ```
    pub fn start_at(mut self, n: u64) -> Self {
        match &mut self.style {
            Style::PageNumber { page, .. } => *page = n.max(1),
            Style::ZeroIndexed { page, .. } => *page = n,
            Style::OffsetLimit { offset, .. } => *offset = n,
        }
        self
    }

    /// Stops after `n` items, sending no request beyond the page that holds the last one.
    ///
    /// ```no_run
    /// # use sdk_core::{Paginator, RequestSpec, Transport};
    /// # fn plans(t: Transport) -> Paginator<serde_json::Value> {
    /// #     let spec = RequestSpec::get("axp.voice_plans.list", "/accounts/{a}/voice-plans", &["A"]);
    /// #     Paginator::page_number(t, spec, "resources", 50)
    /// # }
    /// # async fn run(t: Transport) -> sdk_core::Result<()> {
    /// let first_ten = plans(t).max_items(10).collect_all().await?;
    /// assert!(first_ten.len() <= 10);
    /// # Ok(()) }
    /// ```
    pub fn max_items(mut self, n: usize) -> Self {
        self.max_items = Some(n);
        self
    }

    /// Requests the next page as soon as one arrives, while the caller reads it, so a
    /// slow server costs one round trip per page less. At most one page is fetched ahead
    /// (memory stays two pages); none beyond [`max_items`](Self::max_items). Needs a Tokio
    /// runtime (the fetch ahead is a task). Off by default.
    ///
    /// ```no_run
    /// # use sdk_core::{Paginator, RequestSpec, Transport};
    /// # fn plans(t: Transport) -> Paginator<serde_json::Value> {
    /// #     let spec = RequestSpec::get("axp.voice_plans.list", "/accounts/{a}/voice-plans", &["A"]);
    /// #     Paginator::page_number(t, spec, "resources", 50)
    /// # }
    /// # async fn run(t: Transport) -> sdk_core::Result<()> {
    /// use futures_util::TryStreamExt;
    ///
    /// let mut pages = plans(t).prefetch(true).pages();
    /// while let Some(page) = pages.try_next().await? {
    ///     // While this page is written out, the next one is already on its way.
    ///     println!("{} plans", page.items.len());
    /// }
    /// # Ok(()) }
    /// ```
    pub fn prefetch(mut self, on: bool) -> Self {
        self.prefetch = on;
        self
    }

    /// The pages, one request each.
    ///
    /// ```no_run
    /// # use sdk_core::{Paginator, RequestSpec, Transport};
    /// # fn plans(t: Transport) -> Paginator<serde_json::Value> {
    /// #     let spec = RequestSpec::get("axp.voice_plans.list", "/accounts/{a}/voice-plans", &["A"]);
    /// #     Paginator::page_number(t, spec, "resources", 50)
    /// # }
    /// # async fn run(t: Transport) -> sdk_core::Result<()> {
    /// use futures_util::TryStreamExt;
    ///
    /// let mut pages = plans(t).pages();
    /// while let Some(page) = pages.try_next().await? {
    ///     println!("page {:?} of {:?} items in all", page.number, page.total);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn pages(mut self) -> BoxStream<'static, Result<Page<T>>> {
        if let Some(e) = self.size_error() {
            self.spec.fail(e);
        }
        let first = first_request(self.spec.clone(), &self.style);
        let state = State {
            walk: Arc::new(Walk {
                transport: self.transport,
                template: self.spec,
            }),
            next: Some((first, self.style)),
            ahead: None,
            left: self.max_items,
            prefetch: self.prefetch,
        };
        stream::unfold(state, |mut st| async move {
            if st.left == Some(0) {
                return None;
            }
            let fetched = match st.ahead.take() {
                Some(ahead) => ahead.await,
                None => {
                    let (req, style) = st.next.take()?;
                    st.walk.fetch::<T>(req, style).await
                }
            };
            match fetched {
                Ok((mut page, next)) => {
                    if let Some(left) = st.left.as_mut() {
                        page.items.truncate(*left);
                        *left -= page.items.len();
                    }
                    st.next = next;
                    if st.prefetch
                        && st.left != Some(0)
                        && let Some((req, style)) = st.next.take()
                    {
                        let walk = Arc::clone(&st.walk);
                        st.ahead = Some(Ahead(tokio::spawn(async move {
                            walk.fetch::<T>(req, style).await
                        })));
                    }
                    Some((Ok(page), st))
                }
                Err(e) => Some((Err(e), st)),
            }
        })
        .boxed()
    }

    /// The items, across pages.
    ///
    /// ```no_run
    /// # use sdk_core::{Paginator, RequestSpec, Transport};
    /// # fn plans(t: Transport) -> Paginator<serde_json::Value> {
    /// #     let spec = RequestSpec::get("axp.voice_plans.list", "/accounts/{a}/voice-plans", &["A"]);
    /// #     Paginator::page_number(t, spec, "resources", 50)
    /// # }
    /// # async fn run(t: Transport) -> sdk_core::Result<()> {
    /// use futures_util::TryStreamExt;
    ///
    /// let mut items = plans(t).items();
    /// while let Some(plan) = items.try_next().await? {
    ///     println!("{}", plan["name"]);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn items(self) -> BoxStream<'static, Result<T>> {
        PageItems {
            pages: self.pages(),
            items: Vec::new().into_iter(),
        }
        .boxed()
    }

    /// Every item in one `Vec`: for lists known to be small.
    ///
    ///
    /// ```no_run
    /// # use sdk_core::{Paginator, RequestSpec, Transport};
    /// # fn plans(t: Transport) -> Paginator<serde_json::Value> {
    /// #     let spec = RequestSpec::get("axp.voice_plans.list", "/accounts/{a}/voice-plans", &["A"]);
    /// #     Paginator::page_number(t, spec, "resources", 50)
    /// # }
    /// # async fn run(t: Transport) -> sdk_core::Result<()> {
    /// let every_plan = plans(t).collect_all().await?;
    /// println!("{} plans", every_plan.len());
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// The first error of any page request.
    pub async fn collect_all(self) -> Result<Vec<T>> {
        self.items().try_collect().await
    }
}

/// The items of a stream of pages, one by one, and each page's error in its place.
struct PageItems<T> {
    pages: BoxStream<'static, Result<Page<T>>>,
    /// What is left of the current page.
    items: std::vec::IntoIter<T>,
}

// Nothing of a `PageItems` is pinned: its items are moved out as they are read.
impl<T> Unpin for PageItems<T> {}

impl<T> Stream for PageItems<T> {
    type Item = Result<T>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        loop {
            if let Some(item) = self.items.next() {
                return Poll::Ready(Some(Ok(item)));
            }
            match ready!(self.pages.poll_next_unpin(cx)) {
                Some(Ok(page)) => self.items = page.items.into_iter(),
                Some(Err(e)) => return Poll::Ready(Some(Err(e))),
                None => return Poll::Ready(None),
            }
        }
    }
}

/// A page and the request of the one after it, if any.
type Fetched<T> = (Page<T>, Option<(RequestSpec, Style)>);

struct State<T> {
    walk: Arc<Walk>,
    next: Option<(RequestSpec, Style)>,
    ahead: Option<Ahead<T>>,
    left: Option<usize>,
    prefetch: bool,
}

/// A page being fetched ahead; dropping it cancels the fetch.
struct Ahead<T>(tokio::task::JoinHandle<Result<Fetched<T>>>);

impl<T> Future for Ahead<T> {
    type Output = Result<Fetched<T>>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        Pin::new(&mut self.0).poll(cx).map(|joined| match joined {
            Ok(fetched) => fetched,
            Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
            Err(e) => Err(Error::io("a prefetched page was cancelled", e.into())),
        })
    }
}

impl<T> Drop for Ahead<T> {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// What every page request of one list shares.
struct Walk {
    transport: Transport,
    /// The first request without its paging parameters: its query holds the filters.
    template: RequestSpec,
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

/// A non-empty link, HTML entities decoded.
fn link(v: Option<&Value>) -> Option<String> {
    v.and_then(Value::as_str).and_then(link_text)
}

fn link_text(s: &str) -> Option<String> {
    Some(s.trim()).filter(|s| !s.is_empty()).map(unescape_html)
}

/// The paging values of a zero-indexed answer, by their name with `@` and `_` left out
/// and in lower case: `num_pages`, `numpages`, `NumPages` and the XML attribute
/// `@numpages` are all [`Key::NumPages`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    Page,
    PageSize,
    NumPages,
    Total,
    Start,
    End,
    Uri,
    FirstPageUri,
    PreviousPageUri,
    NextPageUri,
    LastPageUri,
}

impl Key {
    const COUNT: usize = Key::LastPageUri as usize + 1;

    /// The paging value `key` names in any of its spellings.
    fn of(key: &str) -> Option<Key> {
        let key = key.trim_start_matches('@');
        // Every name is ASCII and at most 15 bytes long.
        let mut normalized = [0u8; 15];
        let mut len = 0;
        if key.is_ascii() {
            for b in key.bytes().filter(|b| *b != b'_') {
                *normalized.get_mut(len)? = b.to_ascii_lowercase();
                len += 1;
            }
        } else {
            for c in key
                .chars()
                .filter(|c| *c != '_')
                .flat_map(char::to_lowercase)
            {
                *normalized.get_mut(len).filter(|_| c.is_ascii())? = c as u8;
                len += 1;
            }
        }
        Some(match &normalized[..len] {
            b"page" => Key::Page,
            b"pagesize" => Key::PageSize,
            b"numpages" => Key::NumPages,
            b"total" => Key::Total,
            b"start" => Key::Start,
            b"end" => Key::End,
            b"uri" => Key::Uri,
            b"firstpageuri" => Key::FirstPageUri,
            b"previouspageuri" => Key::PreviousPageUri,
            b"nextpageuri" => Key::NextPageUri,
            b"lastpageuri" => Key::LastPageUri,
            _ => return None,
        })
    }
}

/// A paging value beside the items, as far as paging reads it: a number that fits `u64`,
/// a text, an object, or anything else.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Scalar {
    Number(u64),
    Text(String),
    /// An object (`pagination` and `links`, read in one pass).
    Object(Map<String, Value>),
    Other(de::IgnoredAny),
}

/// The paging values of one answer.
#[derive(Debug, Default)]
struct Paging {
    /// The zero-indexed values by [`Key`]: of two spellings of one value, the first in the
    /// answer.
    values: [Option<Scalar>; Key::COUNT],
    /// The page-number `pagination` block, when it is an object.
    pagination: Option<Map<String, Value>>,
    /// The page-number `links` block, when it is an object.
    links: Option<Map<String, Value>>,
}

impl Paging {
    /// Takes `value` under `key`, unless another spelling of the same value came first.
    fn set(&mut self, key: &str, value: Scalar) {
        if let Some(k) = Key::of(key) {
            self.values[k as usize].get_or_insert(value);
        }
    }

    fn get(&self, key: Key) -> Option<&Scalar> {
        self.values[key as usize].as_ref()
    }

    /// A number, given as a number or as text.
    fn number(&self, key: Key) -> Option<u64> {
        match self.get(key)? {
            Scalar::Number(n) => Some(*n),
            Scalar::Text(s) => s.trim().parse().ok(),
            Scalar::Object(_) | Scalar::Other(_) => None,
        }
    }

    /// A non-empty link, HTML entities decoded.
    fn link(&self, key: Key) -> Option<String> {
        match self.get(key)? {
            Scalar::Text(s) => link_text(s),
            _ => None,
        }
    }
}

impl Walk {
    async fn fetch<T: Listed>(&self, req: RequestSpec, style: Style) -> Result<Fetched<T>> {
        // What the URL of this page is built from, for a `next_page_uri` relative to it;
        // the URL itself is built only for such a link.
        let sent = matches!(style, Style::ZeroIndexed { .. })
            .then(|| (req.target.clone(), req.query.clone()));
        let resp = self.transport.send(req).await?;
        match style {
            Style::OffsetLimit { offset, limit } => {
                let items: Vec<T> = resp.decode_list()?;
                let n = items.len() as u64;
                let next = (n >= u64::from(limit) && n > 0).then(|| {
                    let style = Style::OffsetLimit {
                        offset: offset + n,
                        limit,
                    };
                    (first_request(self.template.clone(), &style), style)
                });
                Ok((Page::new(items), next))
            }
            Style::PageNumber {
                items_key,
                page,
                size,
            } => {
                let env: Envelope<T> = decode_page(&resp, items_key)?;
                let pagination = env.paging.pagination.as_ref();
                let reported = as_u64(pagination.and_then(|p| p.get("pageNumber")));
                // Navigate from the page asked for when the server reports an older one,
                // so a server that ignores `pageNumber` cannot make the walk loop.
                let number = reported.map_or(page, |n| n.max(page));
                let page_size = as_u64(pagination.and_then(|p| p.get("pageSize")));
                let per_page = page_size.filter(|s| *s > 0).unwrap_or(u64::from(size));
                let total = as_u64(pagination.and_then(|p| p.get("total")));
                let links = env.paging.links.as_ref();
                let get_link = |k: &str| link(links.and_then(|l| l.get(k)));
                let n = env.items.len() as u64;
                let more = n > 0
                    && match total {
                        Some(t) => number.saturating_mul(per_page) < t,
                        None => n >= u64::from(size),
                    };
                let next = more.then(|| {
                    let style = Style::PageNumber {
                        items_key,
                        page: number + 1,
                        size,
                    };
                    (first_request(self.template.clone(), &style), style)
                });
                let page = Page {
                    number: reported.or(Some(page)),
                    page_size,
                    total,
                    self_link: get_link("self"),
                    first_link: get_link("first"),
                    prev_link: get_link("prev").or_else(|| get_link("previous")),
                    next_link: get_link("next"),
                    last_link: get_link("last"),
                    ..Page::new(env.items)
                };
                Ok((page, next))
            }
            Style::ZeroIndexed {
                items_key,
                page,
                size,
            } => {
                let env: Envelope<T> = decode_page(&resp, items_key)?;
                let values = &env.paging;
                let reported = values.number(Key::Page);
                // As for page numbers: never navigate backwards, so the walk cannot loop.
                let number = reported.map_or(page, |n| n.max(page));
                let num_pages = values.number(Key::NumPages);
                let next_given = values.get(Key::NextPageUri).is_some();
                let next_link = values.link(Key::NextPageUri);
                let last = env.items.is_empty() || num_pages.is_some_and(|np| number + 1 >= np);
                let next = if last {
                    None
                } else {
                    let style = Style::ZeroIndexed {
                        items_key,
                        page: number + 1,
                        size,
                    };
                    let current = || {
                        let (target, query) = sent?;
                        let spec = RequestSpec {
                            target,
                            query,
                            ..self.template.clone()
                        };
                        self.transport.url_for(&spec).ok()
                    };
                    // A link that cannot be followed fails the next request, after this
                    // page's items.
                    let followed = next_link.as_deref().and_then(|l| {
                        self.follow(l, current, number, size).unwrap_or_else(|e| {
                            let mut refused = self.template.clone();
                            refused.fail(e);
                            Some(refused)
                        })
                    });
                    let more =
                        num_pages.is_some() || (!next_given && env.items.len() >= size as usize);
                    followed
                        .or_else(|| more.then(|| first_request(self.template.clone(), &style)))
                        .map(|req| (req, style))
                };
                let page = Page {
                    number: reported.or(Some(page)),
                    page_size: values.number(Key::PageSize),
                    num_pages,
                    total: values.number(Key::Total),
                    start: values.number(Key::Start),
                    end: values.number(Key::End),
                    self_link: values.link(Key::Uri),
                    first_link: values.link(Key::FirstPageUri),
                    prev_link: values.link(Key::PreviousPageUri),
                    next_link,
                    last_link: values.link(Key::LastPageUri),
                    ..Page::new(env.items)
                };
                Ok((page, next))
            }
        }
    }

    /// The request a `next_page_uri` names, keeping the filters it leaves out; `None`
    /// when the link does not move forward from page `number`. `current` gives the URL
    /// of this page, for a link relative to it.
    fn follow(
        &self,
        link: &str,
        current: impl FnOnce() -> Option<url::Url>,
        number: u64,
        size: u32,
    ) -> Result<Option<RequestSpec>> {
        let mut url = resolve_link(self.transport.base_url(), current, link)?;
        let mut query: Vec<(Cow<'static, str>, String)> = url
            .query_pairs()
            .map(|(k, v)| (Cow::Owned(k.into_owned()), v.into_owned()))
            .collect();
        let linked_page = query
            .iter()
            .find(|(k, _)| k == "Page")
            .and_then(|(_, v)| v.trim().parse::<u64>().ok());
        if linked_page.is_some_and(|p| p <= number) {
            return Ok(None);
        }
        for (k, v) in &self.template.query {
            if !query.iter().any(|(qk, _)| qk == k) {
                query.push((k.clone(), v.clone()));
            }
        }
        if !query.iter().any(|(k, _)| k == "PageSize") {
            query.push((Cow::Borrowed("PageSize"), size.to_string()));
        }
        url.set_query(None);
        let mut spec = self.template.clone();
        spec.target = Target::Url(url);
        spec.query = query;
        Ok(Some(spec))
    }
}

/// Where a server's link points: a URL on the client's own origin as it is; a path from
/// the host's root taken as below the API root (`base`), so a base URL with a gateway
/// prefix (`https://gw.example.com/cpaas/v2`) still reaches `/v2/...` links, the prefix
/// put in front less any segments the link already starts with; any other link relative
/// to the current page, whose URL `current` gives (asked only for such a link).
fn resolve_link(
    base: &url::Url,
    current: impl FnOnce() -> Option<url::Url>,
    link: &str,
) -> Result<url::Url> {
    let bad = |why: &str| Error::invalid_input("next_page_uri", format!("`{link}`: {why}"));
    if link.contains("://") {
        let url = url::Url::parse(link).map_err(|e| bad(&e.to_string()))?;
        if url.origin() != base.origin() {
            return Err(bad("refusing to follow a link to another origin"));
        }
        return Ok(url);
    }
    if !link.starts_with('/') {
        return match current() {
            Some(current) => current.join(link),
            None => base.join(link),
        }
        .map_err(|e| bad(&e.to_string()));
    }
    let mut url = base.join(link).map_err(|e| bad(&e.to_string()))?;
    let base_path = base.path().trim_end_matches('/');
    let path = url.path().to_owned();
    let under_base = path
        .strip_prefix(base_path)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'));
    if !base_path.is_empty() && !under_base {
        let prefix: Vec<&str> = base_path.split('/').skip(1).collect();
        let linked: Vec<&str> = path.split('/').skip(1).collect();
        let overlap = (1..=prefix.len().min(linked.len()))
            .rev()
            .find(|&k| prefix[prefix.len() - k..] == linked[..k])
            .unwrap_or(0);
        let kept = &prefix[..prefix.len() - overlap];
        url.set_path(&format!("/{}{path}", kept.join("/")).replacen("//", "/", 1));
    }
    Ok(url)
}

/// The HTML entities a server may leave in a link (`&amp;` between query parameters),
/// decoded: the five XML entities and numeric references.
fn unescape_html(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let decoded = rest.find(';').filter(|end| *end <= 10).and_then(|end| {
            let entity = &rest[1..end];
            let c = match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                e if e.starts_with("#x") || e.starts_with("#X") => u32::from_str_radix(&e[2..], 16)
                    .ok()
                    .and_then(char::from_u32),
                e if e.starts_with('#') => e[1..].parse().ok().and_then(char::from_u32),
                _ => None,
            };
            c.map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The items of one answer and its paging values.
#[derive(Debug)]
struct Envelope<T> {
    items: Vec<T>,
    paging: Paging,
}

/// A JSON page read in one pass by [`Listed::read_page`] when the list's key is the item
/// type's and the page fits; by [`decode_envelope`] otherwise. The one-pass read is reached
/// only from here, so a vendor crate that builds a paginator does not compile its items'
/// decoding: the program that walks the list does.
fn decode_page<T: Listed>(resp: &Response, items_key: &'static str) -> Result<Envelope<T>> {
    if items_key == T::ITEMS_KEY
        && resp.format() == crate::Format::Json
        && let Some(envelope) = read_listed::<T>(resp.body())
    {
        return Ok(envelope);
    }
    decode_envelope(resp, items_key)
}

fn read_listed<T: Listed>(body: &[u8]) -> Option<Envelope<T>> {
    let (items, rest) = T::read_page(body)?;
    let items = items?;
    let mut paging = Paging::default();
    for (key, value) in rest.0 {
        match (key.as_str(), value) {
            ("pagination", Scalar::Object(block)) => paging.pagination = Some(block),
            ("links", Scalar::Object(block)) => paging.links = Some(block),
            ("pagination" | "links", _) => {}
            (key, value) => paging.set(key, value),
        }
    }
    Some(Envelope { items, paging })
}

/// A type that lists hold, what a [`Paginator`] yields: the key its items sit under in a
/// JSON list answer, and how a page of it is read in one pass.
/// [`Scope::paginator`](crate::Scope::paginator) pages lists of it; declare it with
/// [`listed!`](crate::listed). `serde_json::Value` is listed with no key (its pages are
/// always read by the general rule).
///
/// A page whose list key is the type's is read as a derived struct naming that key, so the
/// items are decoded in place as the answer is read. A page that does not fit it (no items
/// under the key, `null`, an object, an item that does not decode) is read by the paging
/// style's general rule instead, which also gives the error.
pub trait Listed: DeserializeOwned + Send + 'static {
    /// The key of the item array (`resources`, `calls`, ...); empty for lists answered as
    /// bare arrays. When an answer has nothing under it, the general rule takes the
    /// answer's one array instead (several vendor keys are inferred, not documented).
    const ITEMS_KEY: &'static str;

    /// Reads a JSON page in one pass: the items under [`ITEMS_KEY`](Self::ITEMS_KEY)
    /// (`None` when the answer has none there) and the values beside them; `None` when the
    /// page does not fit. [`listed!`](crate::listed) writes it; without it every page is
    /// read by the general rule.
    ///
    /// Generic over the body so that it is compiled where a list is walked, not in the
    /// crate that declares the type (a vendor crate would otherwise compile the decoding of
    /// every listed model, used or not).
    #[doc(hidden)]
    fn read_page<B: AsRef<[u8]>>(body: B) -> Option<(Option<Vec<Self>>, PageRest)> {
        let _ = body;
        None
    }
}

/// JSON values, read by the paging style's general rule: for lists without a model, and for
/// reading any list raw.
impl Listed for Value {
    const ITEMS_KEY: &'static str = "";
}

/// The values of a list page beside its items, as [`Listed::read_page`] gives them.
#[doc(hidden)]
#[derive(Debug, Default, Deserialize)]
#[serde(transparent)]
pub struct PageRest(IndexMap<String, Scalar>);

/// Reads a JSON answer as `P`, for [`listed!`](crate::listed); `None` when it does not fit.
#[doc(hidden)]
pub fn read_json<P: DeserializeOwned>(body: &[u8]) -> Option<P> {
    serde_json::from_slice(body).ok()
}

/// Declares that a type is [`Listed`]: the key its items sit under in a JSON list answer
/// (`Type = "key"`), or, for lists answered as bare JSON arrays, no key (`Type`).
///
/// ```
/// use sdk_core::paging::Listed;
///
/// #[derive(Debug, serde::Deserialize)]
/// pub struct RoutePoint {
///     pub id: String,
/// }
/// sdk_core::listed!(RoutePoint = "resources");
///
/// assert_eq!(RoutePoint::ITEMS_KEY, "resources");
/// let body = br#"{"resources": [{"id": "1"}], "pagination": {"pageNumber": 1}}"#;
/// let (items, _rest) = RoutePoint::read_page(body).expect("a page of route points");
/// assert_eq!(items.map(|i| i.len()), Some(1));
/// ```
#[macro_export]
macro_rules! listed {
    ($ty:ty = $key:literal) => {
        impl $crate::paging::Listed for $ty {
            const ITEMS_KEY: &'static str = $key;

            fn read_page<B: ::std::convert::AsRef<[u8]>>(
                body: B,
            ) -> ::std::option::Option<(
                ::std::option::Option<::std::vec::Vec<Self>>,
                $crate::paging::PageRest,
            )> {
                #[derive(::serde::Deserialize)]
                struct Page {
                    #[serde(rename = $key, default)]
                    items: ::std::option::Option<::std::vec::Vec<$ty>>,
                    #[serde(flatten)]
                    rest: $crate::paging::PageRest,
                }
                let page: Page = $crate::paging::read_json(body.as_ref())?;
                ::std::option::Option::Some((page.items, page.rest))
            }
        }
    };
    ($ty:ty) => {
        impl $crate::paging::Listed for $ty {
            const ITEMS_KEY: &'static str = "";
        }
    };
}

fn decode_envelope<T: DeserializeOwned>(
    resp: &Response,
    items_key: &'static str,
) -> Result<Envelope<T>> {
    fn invalid(resp: &Response, e: impl std::error::Error + Send + Sync + 'static) -> Error {
        Error::decode("invalid list page", resp.body(), e)
            .decode_status(resp.status(), resp.headers())
            .with_operation(resp.operation())
    }
    #[cfg(feature = "xml")]
    if resp.format() == Format::Xml {
        let body = resp.xml_body()?;
        let text = std::str::from_utf8(&body).map_err(|e| invalid(resp, e))?;
        return decode_xml_envelope(text).map_err(|e| invalid(resp, e));
    }
    decode_json_envelope(resp.body(), items_key).map_err(|e| invalid(resp, e))
}

/// A JSON list answer: an object whose value under `items_key` holds the items (or, when
/// nothing is under that key, its first array), the other keys its paging values. The
/// answer is read one level deep first, each value kept as its undecoded text, so that the
/// items are decoded once, in place, whatever their position among the paging values.
fn decode_json_envelope<T: DeserializeOwned>(
    body: &[u8],
    items_key: &str,
) -> serde_json::Result<Envelope<T>> {
    let mut fields: IndexMap<String, &RawValue> = serde_json::from_slice(body)?;
    let items = match fields.shift_remove(items_key) {
        Some(raw) => Some(raw),
        None => fields
            .iter()
            .position(|(_, v)| v.get().starts_with('['))
            .and_then(|i| fields.shift_remove_index(i))
            .map(|(_, raw)| raw),
    };
    let mut paging = Paging::default();
    for (key, raw) in &fields {
        match key.as_str() {
            "pagination" => paging.pagination = serde_json::from_str(raw.get()).ok(),
            "links" => paging.links = serde_json::from_str(raw.get()).ok(),
            k => paging.set(k, serde_json::from_str(raw.get())?),
        }
    }
    let items = match items {
        Some(raw) => json_items(raw.get())?,
        // An object with no list at all is not a page (an error sentence sent with a
        // success status, another resource): never an empty `Ok`.
        None => {
            return Err(serde::de::Error::custom(format_args!(
                "the answer holds no `{items_key}` list"
            )));
        }
    };
    Ok(Envelope { items, paging })
}

/// The items under a list's key: an array (the rule), `null` (none), or an object: one
/// item, or, when it is not one, an item per value.
fn json_items<T: DeserializeOwned>(text: &str) -> serde_json::Result<Vec<T>> {
    match text.as_bytes().first() {
        Some(b'{') => match serde_json::from_str::<T>(text) {
            Ok(one) => Ok(vec![one]),
            Err(_) => serde_json::from_str::<IndexMap<String, &RawValue>>(text)?
                .values()
                .map(|v| serde_json::from_str(v.get()))
                .collect(),
        },
        Some(b'n') => serde_json::from_str::<()>(text).map(|()| Vec::new()),
        _ => serde_json::from_str(text),
    }
}

/// An XML list answer: the root element (`<Response>`) holds the list element, whose
/// attributes are the paging values (in the lower-case spelling CPaaS writes them) and whose
/// children, whatever their names, the items.
#[cfg(feature = "xml")]
#[derive(Deserialize)]
#[serde(bound = "T: DeserializeOwned")]
struct XmlDocument<T> {
    #[serde(rename = "$value", default = "Option::default")]
    list: Option<XmlList<T>>,
}

#[cfg(feature = "xml")]
#[derive(Deserialize)]
#[serde(bound = "T: DeserializeOwned")]
struct XmlList<T> {
    #[serde(rename = "@page")]
    page: Option<String>,
    #[serde(rename = "@pagesize")]
    page_size: Option<String>,
    #[serde(rename = "@numpages")]
    num_pages: Option<String>,
    #[serde(rename = "@total")]
    total: Option<String>,
    #[serde(rename = "@start")]
    start: Option<String>,
    #[serde(rename = "@end")]
    end: Option<String>,
    #[serde(rename = "@uri")]
    uri: Option<String>,
    #[serde(rename = "@firstpageuri")]
    first_page_uri: Option<String>,
    #[serde(rename = "@previouspageuri")]
    previous_page_uri: Option<String>,
    #[serde(rename = "@nextpageuri")]
    next_page_uri: Option<String>,
    #[serde(rename = "@lastpageuri")]
    last_page_uri: Option<String>,
    #[serde(rename = "$value", default = "Vec::new")]
    items: Vec<T>,
}

#[cfg(feature = "xml")]
fn decode_xml_envelope<T: DeserializeOwned>(
    text: &str,
) -> std::result::Result<Envelope<T>, quick_xml::DeError> {
    let Some(list) = quick_xml::de::from_str::<XmlDocument<T>>(text)?.list else {
        return Ok(Envelope {
            items: Vec::new(),
            paging: Paging::default(),
        });
    };
    let mut paging = Paging::default();
    for (key, value) in [
        (Key::Page, list.page),
        (Key::PageSize, list.page_size),
        (Key::NumPages, list.num_pages),
        (Key::Total, list.total),
        (Key::Start, list.start),
        (Key::End, list.end),
        (Key::Uri, list.uri),
        (Key::FirstPageUri, list.first_page_uri),
        (Key::PreviousPageUri, list.previous_page_uri),
        (Key::NextPageUri, list.next_page_uri),
        (Key::LastPageUri, list.last_page_uri),
    ] {
        paging.values[key as usize] = value.map(Scalar::Text);
    }
    Ok(Envelope {
        items: list.items,
        paging,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_entities_are_decoded_in_links() {
        for (raw, want) in [
            ("/a?x=1&amp;y=2", "/a?x=1&y=2"),
            ("/a?x=1&y=2", "/a?x=1&y=2"),
            ("&lt;&gt;&quot;&apos;&#38;&#x26;", "<>\"'&&"),
            ("&unknown; & &amp", "&unknown; & &amp"),
            ("&#xZZ;", "&#xZZ;"),
            ("&amp;amp;", "&amp;"),
        ] {
            assert_eq!(unescape_html(raw), want, "{raw}");
        }
    }

    #[test]
    fn paging_keys_match_in_every_spelling() {
        for (key, want) in [
            ("page", Some(Key::Page)),
            ("Page", Some(Key::Page)),
            ("page_size", Some(Key::PageSize)),
            ("PageSize", Some(Key::PageSize)),
            ("num_pages", Some(Key::NumPages)),
            ("numpages", Some(Key::NumPages)),
            ("NumPages", Some(Key::NumPages)),
            ("@numpages", Some(Key::NumPages)),
            ("NextPageUri", Some(Key::NextPageUri)),
            ("previous_page_uri", Some(Key::PreviousPageUri)),
            ("pages", None),
            ("pag", None),
            ("previous_page_uri_x", None),
            ("pag\u{e9}", None),
            // The Kelvin sign lowers to an ASCII `k`: no paging name has one.
            ("\u{212a}page", None),
            ("P\u{130}", None),
            ("", None),
        ] {
            assert_eq!(Key::of(key), want, "{key}");
        }
        let page = decode_json(
            r#"{"page_size": 2, "numpages": "3", "NextPageUri": "/n", "items": 1, "calls": []}"#,
        );
        assert_eq!(page.paging.number(Key::PageSize), Some(2));
        assert_eq!(page.paging.number(Key::NumPages), Some(3));
        assert_eq!(page.paging.link(Key::NextPageUri).as_deref(), Some("/n"));
        assert_eq!(page.paging.number(Key::Page), None);
    }

    #[test]
    fn paging_values_keep_the_first_spelling_and_a_repeated_keys_last_value() {
        let page = decode_json(
            r#"{"num_pages": 3, "NumPages": 9, "page": 1, "page": 2, "total": -1,
                "start": 1.5, "end": " 7 ", "uri": 5, "first_page_uri": " ",
                "last_page_uri": " /l?a=1&amp;b=2 ", "next_page_uri": null, "calls": []}"#,
        );
        let v = &page.paging;
        assert_eq!(v.number(Key::NumPages), Some(3));
        assert_eq!(v.number(Key::Page), Some(2));
        assert_eq!(v.number(Key::Total), None);
        assert_eq!(v.number(Key::Start), None);
        assert_eq!(v.number(Key::End), Some(7));
        assert_eq!(v.link(Key::Uri), None);
        assert_eq!(v.link(Key::FirstPageUri), None);
        assert_eq!(v.link(Key::LastPageUri).as_deref(), Some("/l?a=1&b=2"));
        assert!(v.get(Key::NextPageUri).is_some());
        assert_eq!(v.link(Key::NextPageUri), None);
        assert!(v.get(Key::PreviousPageUri).is_none());
    }

    #[test]
    fn page_number_blocks_are_read_when_they_are_objects() {
        let page = decode_json(
            r#"{"pagination": {"pageNumber": 2, "pageSize": "5"}, "links": [], "calls": []}"#,
        );
        let pagination = page.paging.pagination.as_ref();
        assert_eq!(
            as_u64(pagination.and_then(|p| p.get("pageNumber"))),
            Some(2)
        );
        assert_eq!(as_u64(pagination.and_then(|p| p.get("pageSize"))), Some(5));
        assert!(page.paging.links.is_none());
    }

    #[test]
    fn links_resolve_below_the_api_root() {
        let url = |u: &str| url::Url::parse(u).expect("a URL");
        let here = url("https://api.zang.io/v2/Accounts/AC/Calls.json?Page=0");
        let cases = [
            ("https://api.zang.io", "/v2/Accounts/AC/Calls.json?Page=1"),
            (
                "https://api-us.cpaas.avayacloud.com/v2",
                "/v2/Accounts/AC/Calls.json?Page=1",
            ),
            (
                "https://api-us.cpaas.avayacloud.com/v2",
                "https://api-us.cpaas.avayacloud.com/v2/Accounts/AC/Calls.json?Page=1",
            ),
            (
                "https://gw.example.com/cpaas",
                "/v2/Accounts/AC/Calls.json?Page=1",
            ),
            (
                "https://gw.example.com/cpaas/v2",
                "/v2/Accounts/AC/Calls.json?Page=1",
            ),
            (
                "https://gw.example.com/cpaas/v2",
                "https://gw.example.com/cpaas/v2/Accounts/AC/Calls.json?Page=1",
            ),
        ];
        let wants = [
            "https://api.zang.io/v2/Accounts/AC/Calls.json?Page=1",
            "https://api-us.cpaas.avayacloud.com/v2/Accounts/AC/Calls.json?Page=1",
            "https://api-us.cpaas.avayacloud.com/v2/Accounts/AC/Calls.json?Page=1",
            "https://gw.example.com/cpaas/v2/Accounts/AC/Calls.json?Page=1",
            "https://gw.example.com/cpaas/v2/Accounts/AC/Calls.json?Page=1",
            "https://gw.example.com/cpaas/v2/Accounts/AC/Calls.json?Page=1",
        ];
        for ((base, l), want) in cases.into_iter().zip(wants) {
            let got = resolve_link(&url(base), || None, l).expect("a target");
            assert_eq!(got.as_str(), want, "{base} {l}");
        }
        let relative = resolve_link(
            &url("https://api.zang.io"),
            || Some(here.clone()),
            "Calls.json?Page=1",
        )
        .expect("a target");
        assert_eq!(
            relative.as_str(),
            "https://api.zang.io/v2/Accounts/AC/Calls.json?Page=1"
        );
        let err = resolve_link(
            &url("https://api.zang.io"),
            || None,
            "https://evil.example.com/v2/x",
        )
        .expect_err("another origin");
        assert_eq!(err.field(), Some("next_page_uri"));
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Item {
        #[serde(alias = "Sid")]
        sid: String,
    }

    crate::listed!(Item = "calls");

    /// The general rule's page, checked against the one-pass read wherever that one takes
    /// the page: the same items and the same paging values.
    fn decode_json(body: &str) -> Envelope<Item> {
        let general = decode_json_envelope(body.as_bytes(), "calls").expect("a page");
        if let Some(one_pass) = read_listed::<Item>(body.as_bytes()) {
            assert_eq!(one_pass.items, general.items, "{body}");
            assert_eq!(
                format!("{:?}", one_pass.paging),
                format!("{:?}", general.paging),
                "{body}"
            );
        }
        general
    }

    /// Whether the one-pass read takes the page (else the general rule does).
    fn one_pass_takes(body: &str) -> bool {
        read_listed::<Item>(body.as_bytes()).is_some()
    }

    #[test]
    fn one_pass_takes_pages_that_fit_and_leaves_the_rest_to_the_general_rule() {
        for body in [
            r#"{"page": 1, "calls": [{"sid": "a"}, {"sid": "b"}], "x": {"y": 1}}"#,
            r#"{"tags": ["t"], "calls": [{"sid": "c"}], "next_page_uri": "/n"}"#,
            r#"{"pagination": {"pageNumber": 2}, "links": {"next": "/n"}, "calls": []}"#,
            r#"{"calls": [], "links": [], "pagination": 3}"#,
        ] {
            assert!(one_pass_takes(body), "{body}");
            decode_json(body);
        }
        for body in [
            r#"{"page": 0, "messages": [{"sid": "m"}]}"#,
            r#"{"calls": {"sid": "z"}}"#,
            r#"{"calls": {"a": {"sid": "x"}}}"#,
            r#"{"calls": null}"#,
            r#"{"calls": [{"id": "no sid"}]}"#,
            r#"[{"sid": "a"}]"#,
            "not json",
        ] {
            assert!(!one_pass_takes(body), "{body}");
        }
        // An item that does not decode is the general rule's error.
        let err = decode_json_envelope::<Item>(br#"{"calls": [{"id": 1}]}"#, "calls")
            .map(|_| ())
            .unwrap_err();
        assert!(err.to_string().contains("sid"), "{err}");
    }

    fn sids(env: &Envelope<Item>) -> Vec<&str> {
        env.items.iter().map(|i| i.sid.as_str()).collect()
    }

    #[test]
    fn json_items_under_the_key_the_one_array_or_an_object() {
        let page =
            decode_json(r#"{"page": 1, "calls": [{"sid": "a"}, {"sid": "b"}], "x": {"y": 1}}"#);
        assert_eq!(sids(&page), ["a", "b"]);
        assert_eq!(page.paging.number(Key::Page), Some(1));
        assert_eq!(
            sids(&decode_json(r#"{"page": 0, "messages": [{"sid": "m"}]}"#)),
            ["m"]
        );
        assert_eq!(
            sids(&decode_json(
                r#"{"calls": {"a": {"sid": "x"}, "b": {"sid": "y"}}}"#
            )),
            ["x", "y"]
        );
        assert_eq!(sids(&decode_json(r#"{"calls": {"sid": "z"}}"#)), ["z"]);
        // An array before the items is not decoded as items.
        assert_eq!(
            sids(&decode_json(r#"{"tags": ["t"], "calls": [{"sid": "c"}]}"#)),
            ["c"]
        );
        // The one array under a paging key: the items, and no longer a paging value.
        let page = decode_json(r#"{"next_page_uri": [{"sid": "n"}], "x": [1]}"#);
        assert_eq!(sids(&page), ["n"]);
        assert!(page.paging.get(Key::NextPageUri).is_none());
        assert!(decode_json(r#"{"calls": null}"#).items.is_empty());
        let err = decode_json_envelope::<Item>(br#"{"error": "x", "code": 5}"#, "calls")
            .map(|_| ())
            .unwrap_err();
        assert!(err.to_string().contains("no `calls` list"), "{err}");
    }

    #[cfg(feature = "xml")]
    fn decode_xml(body: &str) -> Envelope<Item> {
        decode_xml_envelope(body).expect("a page")
    }

    #[cfg(feature = "xml")]
    #[test]
    fn xml_pages_read_attributes_and_every_child() {
        let page = decode_xml(
            "<Response>\n<Calls end=\"11\" nextpageuri=\"/v2/Accounts/AC/Calls.xml?Page=6&amp;PageSize=2\" \
             numpages=\"190\" page=\"5\" pagesize=\"2\" start=\"10\" total=\"379\">\n\
             <Call><Sid>a</Sid></Call>\n<Call><Sid>b</Sid></Call>\n</Calls>\n</Response>\n",
        );
        assert_eq!(sids(&page), ["a", "b"]);
        let m = |k| page.paging.number(k);
        assert_eq!(
            [
                m(Key::Page),
                m(Key::PageSize),
                m(Key::NumPages),
                m(Key::Total),
                m(Key::Start),
                m(Key::End)
            ],
            [Some(5), Some(2), Some(190), Some(379), Some(10), Some(11)]
        );
        assert_eq!(
            page.paging.link(Key::NextPageUri).as_deref(),
            Some("/v2/Accounts/AC/Calls.xml?Page=6&PageSize=2")
        );
        for empty in [
            "<Response><Calls page=\"0\" numpages=\"1\"/></Response>",
            "<Response><Calls page=\"0\"></Calls></Response>",
            "<Response><Calls/></Response>",
            "<Response></Response>",
        ] {
            assert!(decode_xml(empty).items.is_empty(), "{empty}");
        }
    }
}
