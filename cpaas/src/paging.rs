//! Zero-indexed lists: every CPaaS list is an `sdk-core` [`Paginator`] in its zero-indexed
//! style, in JSON or in XML, holding one page in memory.
//!
//! A list asks for `Page` (from 0) and `PageSize` (1 to 50, 50 by default) and answers the
//! items with the paging values: `page`, `page_size`, `num_pages`, `total`, `start`, `end`
//! and the `uri`s of this, the first, previous, next and last pages (in XML, attributes of
//! the list element: `pagesize`, `numpages`, `nextpageuri`, ...), all in [`Page`]. The
//! paginator follows `next_page_uri` (a path, or a URL on the client's own origin; HTML
//! entities such as `&amp;` decoded), keeps every filter of the first request that the
//! link leaves out, and stops at the last page: an empty page, the page numbered
//! `num_pages - 1`, or no next link.
//!
//! ```no_run
//! use cpaas::{CpaasClient, DateFilter};
//! use cpaas::calls::CallFilter;
//! use sdk_core::futures_util::TryStreamExt;
//!
//! # async fn run(client: CpaasClient) -> Result<(), sdk_core::Error> {
//! let filter = CallFilter::new().start_time(DateFilter::month(2019, 5)?);
//! let mut calls = client.account().calls().list(&filter).page_size(50).items();
//! while let Some(call) = calls.try_next().await? {
//!     println!("{:?} {:?}", call.sid, call.status);
//! }
//! # Ok(()) }
//! ```

pub use sdk_core::paging::Listed;
pub use sdk_core::{Page, Paginator};

/// The largest `PageSize` CPaaS accepts.
pub const MAX_PAGE_SIZE: u32 = sdk_core::paging::ZERO_INDEXED_MAX_PAGE_SIZE;
