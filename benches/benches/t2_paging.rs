//! Table 2: paging. A list of 1,000,000 items walked through `Paginator::items()` in each
//! of the three styles, against a hand-written loop over the same pages; the peak memory
//! of both at 10,000 and at 1,000,000 items (child processes); and what prefetch gains on
//! a server with 5 ms latency.
//!
//! The server generates every page on the fly (nothing of the list is held anywhere), on
//! its own thread: page-number pages (`{"resources": [..], "pagination": {..}, "links":
//! {..}}`, 1,000 per page), offset/limit bare arrays (1,000 per page) and zero-indexed
//! pages (`{"resources": [..], "page": .., "num_pages": .., "next_page_uri": ..}`, 50 per
//! page, the most CPaaS allows). The hand-written loops stop by the same rules as the
//! paginator, so both send the same requests.
//!
//! `BENCH_PAGING_ITEMS` (default 1,000,000), `BENCH_PAGING_SMALL` (10,000) and
//! `BENCH_PAGING_ROUNDS` (3) scale it.

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::{Duration, Instant};

use benchmarks::measure::{Table, compare, env_usize, f, median, verdict};
use benchmarks::rss;
use benchmarks::server::{self, Reply, Request};
use futures_util::TryStreamExt;
use sdk_core::{Paginator, RequestSpec, Transport};
use serde::Deserialize;

const LARGE_PAGE: u32 = 1000;
const ZERO_INDEXED_PAGE: u32 = 50;
/// Server latency of the prefetch comparison.
const LATENCY: Duration = Duration::from_millis(5);

/// A ~150-byte list entry.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Entry {
    id: u64,
    name: String,
    status: String,
    extension: u32,
    active: bool,
    created_at: String,
}

sdk_core::listed!(Entry = "resources");

impl Entry {
    fn checksum(&self) -> u64 {
        self.id
            + self.name.len() as u64
            + self.status.len() as u64
            + u64::from(self.extension)
            + u64::from(self.active)
            + self.created_at.len() as u64
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    PageNumber,
    OffsetLimit,
    ZeroIndexed,
}

const STYLES: [Style; 3] = [Style::PageNumber, Style::OffsetLimit, Style::ZeroIndexed];

impl Style {
    fn name(self) -> &'static str {
        match self {
            Style::PageNumber => "page_number",
            Style::OffsetLimit => "offset_limit",
            Style::ZeroIndexed => "zero_indexed",
        }
    }

    fn prefix(self) -> &'static str {
        match self {
            Style::PageNumber => "pn",
            Style::OffsetLimit => "ol",
            Style::ZeroIndexed => "zi",
        }
    }

    fn page_size(self) -> u32 {
        match self {
            Style::ZeroIndexed => ZERO_INDEXED_PAGE,
            _ => LARGE_PAGE,
        }
    }

    fn from_name(name: &str) -> Style {
        STYLES
            .into_iter()
            .find(|s| s.name() == name)
            .expect("a paging style")
    }
}

// ---------------------------------------------------------------------------------------
// the server

fn write_items(out: &mut String, from: u64, to: u64) {
    out.push('[');
    for id in from..to {
        if id > from {
            out.push(',');
        }
        let _ = write!(
            out,
            r#"{{"id":{id},"name":"agent-{id:08}@sip.contact-center.example.com","status":"{}","extension":{},"active":{},"createdAt":"2024-05-01T12:34:56.789Z"}}"#,
            if id % 3 == 0 { "BUSY" } else { "AVAILABLE" },
            1000 + id % 9000,
            id % 7 != 0
        );
    }
    out.push(']');
}

/// Answers `/{pn|ol|zi}/{total}` (and `/slow/...`, after [`LATENCY`]).
fn answer(req: Request) -> Reply {
    let (path, delay) = match req.path.strip_prefix("/slow") {
        Some(p) => (p, LATENCY),
        None => (req.path.as_str(), Duration::ZERO),
    };
    let mut parts = path.trim_start_matches('/').splitn(2, '/');
    let (Some(prefix), Some(total)) = (parts.next(), parts.next().and_then(|t| t.parse().ok()))
    else {
        return Reply::not_found();
    };
    let total: u64 = total;
    let mut out = String::with_capacity(200 * 1024);
    match prefix {
        "pn" => {
            let (Some(page), Some(size)) = (req.query_u64("pageNumber"), req.query_u64("pageSize"))
            else {
                return Reply::not_found();
            };
            let from = ((page.max(1) - 1) * size).min(total);
            out.push_str(r#"{"resources":"#);
            write_items(&mut out, from, (from + size).min(total));
            let _ = write!(
                out,
                r#","pagination":{{"pageNumber":{page},"pageSize":{size},"total":{total}}},"links":{{"self":"/pn/{total}?pageNumber={page}","next":""}}}}"#
            );
        }
        "ol" => {
            let (Some(offset), Some(limit)) = (req.query_u64("offset"), req.query_u64("limit"))
            else {
                return Reply::not_found();
            };
            let from = offset.min(total);
            write_items(&mut out, from, (from + limit).min(total));
        }
        "zi" => {
            let (Some(page), Some(size)) = (req.query_u64("Page"), req.query_u64("PageSize"))
            else {
                return Reply::not_found();
            };
            let full = &req.path;
            let from = (page * size).min(total);
            let num_pages = total.div_ceil(size);
            out.push_str(r#"{"resources":"#);
            write_items(&mut out, from, (from + size).min(total));
            let _ = write!(
                out,
                r#","page":{page},"num_pages":{num_pages},"page_size":{size},"total":{total},"start":{from},"end":{},"uri":"{full}?Page={page}&PageSize={size}","next_page_uri":"{full}?Page={}&PageSize={size}"}}"#,
                (from + size).min(total).saturating_sub(1),
                page + 1
            );
        }
        _ => return Reply::not_found(),
    }
    Reply::json(out).after(delay)
}

// ---------------------------------------------------------------------------------------
// the two walks

struct Walker {
    base: String,
    transport: Transport,
    bare: reqwest::Client,
}

/// Work the consumer does: an async wait after every `every` items.
#[derive(Clone, Copy)]
struct Work {
    every: u64,
    wait: Duration,
}

impl Walker {
    fn new(addr: std::net::SocketAddr) -> Self {
        let base = format!("http://{addr}");
        let transport = Transport::builder()
            .base_url(base.as_str())
            .allow_http(true)
            .no_auth()
            .build()
            .expect("transport");
        let bare = sdk_core::http_client_builder()
            .connect_timeout(Duration::from_secs(10))
            .timeout(Duration::from_secs(60))
            .build()
            .expect("bare client");
        Walker {
            base,
            transport,
            bare,
        }
    }

    fn paginator(&self, style: Style, root: &str, total: u64) -> Paginator<Entry> {
        let total = total.to_string();
        let template = format!("{root}/{}/{{total}}", style.prefix());
        let spec = RequestSpec::get("bench.list", &template, &[total.as_str()]);
        let t = self.transport.clone();
        match style {
            Style::PageNumber => Paginator::page_number(t, spec, "resources", LARGE_PAGE),
            Style::OffsetLimit => Paginator::offset_limit(t, spec, LARGE_PAGE),
            Style::ZeroIndexed => Paginator::zero_indexed(t, spec, "resources", ZERO_INDEXED_PAGE),
        }
    }

    /// Walks the list through `Paginator::items`; returns (items, checksum). With `work`,
    /// on the server with latency, waiting as the consumer would.
    async fn sdk(
        &self,
        style: Style,
        total: u64,
        prefetch: bool,
        work: Option<Work>,
    ) -> (u64, u64) {
        // The prefetch comparison (the one with consumer work) runs on the slow server.
        let root = if work.is_some() { "/slow" } else { "" };
        let mut items = self
            .paginator(style, root, total)
            .prefetch(prefetch)
            .items();
        let (mut n, mut sum) = (0, 0);
        while let Some(e) = items.try_next().await.expect("sdk walk") {
            n += 1;
            sum += black_box(e).checksum();
            if let Some(w) = work
                && n % w.every == 0
            {
                tokio::time::sleep(w.wait).await;
            }
        }
        (n, sum)
    }

    async fn get_json<T: for<'de> Deserialize<'de>>(&self, url: String) -> T {
        let body = self
            .bare
            .get(url)
            .header(reqwest::header::ACCEPT, "application/json")
            .send()
            .await
            .expect("bare page")
            .error_for_status()
            .expect("bare status")
            .bytes()
            .await
            .expect("bare body");
        serde_json::from_slice(&body).expect("bare decode")
    }

    /// The same walk, hand-written for the style.
    async fn bare(&self, style: Style, total: u64) -> (u64, u64) {
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Pagination {
            page_number: u64,
            page_size: u64,
            total: u64,
        }
        #[derive(Deserialize)]
        struct PnPage {
            resources: Vec<Entry>,
            pagination: Pagination,
        }
        #[derive(Deserialize)]
        struct ZiPage {
            resources: Vec<Entry>,
            page: u64,
            num_pages: u64,
            next_page_uri: Option<String>,
        }
        let (mut n, mut sum) = (0, 0);
        let mut eat = |items: Vec<Entry>| {
            for e in items {
                n += 1;
                sum += black_box(e).checksum();
            }
        };
        let size = style.page_size();
        match style {
            Style::PageNumber => {
                let mut page = 1;
                loop {
                    let p: PnPage = self
                        .get_json(format!(
                            "{}/pn/{total}?pageNumber={page}&pageSize={size}",
                            self.base
                        ))
                        .await;
                    let got = p.resources.len();
                    eat(p.resources);
                    let pg = p.pagination;
                    if got == 0 || pg.page_number * pg.page_size >= pg.total {
                        break;
                    }
                    page = pg.page_number + 1;
                }
            }
            Style::OffsetLimit => {
                let mut offset = 0;
                loop {
                    let p: Vec<Entry> = self
                        .get_json(format!(
                            "{}/ol/{total}?offset={offset}&limit={size}",
                            self.base
                        ))
                        .await;
                    let got = p.len();
                    eat(p);
                    if got < size as usize {
                        break;
                    }
                    offset += got;
                }
            }
            Style::ZeroIndexed => {
                let mut url = format!("{}/zi/{total}?Page=0&PageSize={size}", self.base);
                loop {
                    let p: ZiPage = self.get_json(url).await;
                    let empty = p.resources.is_empty();
                    eat(p.resources);
                    match p.next_page_uri {
                        Some(next) if !empty && p.page + 1 < p.num_pages => {
                            url = format!("{}{next}", self.base);
                        }
                        _ => break,
                    }
                }
            }
        }
        (n, sum)
    }
}

// ---------------------------------------------------------------------------------------

/// In a child: `mem:<style>:<sdk|bare>:<items>`.
fn memory_child(spec: &str) {
    let parts: Vec<&str> = spec.split(':').collect();
    let [_, style, side, items] = parts[..] else {
        panic!("BENCH_CHILD=mem:<style>:<sdk|bare>:<items>");
    };
    let style = Style::from_name(style);
    let items: u64 = items.parse().expect("item count");
    let addr = server::start(answer);
    let rt = server::client_runtime();
    let w = Walker::new(addr);
    rt.block_on(async {
        // Set-up shared by both sides: a connection each, the code paths warmed.
        black_box(w.sdk(style, 10, false, None).await);
        black_box(w.bare(style, 10).await);
        let before = rss::start();
        let (n, sum) = match side {
            "sdk" => w.sdk(style, items, false, None).await,
            _ => w.bare(style, items).await,
        };
        assert_eq!(n, items, "walked {n} of {items}");
        rss::report(before, sum);
    });
}

fn main() {
    if let Some(spec) = rss::child_spec() {
        memory_child(&spec);
        return;
    }
    let started = Instant::now();
    let large = env_usize("BENCH_PAGING_ITEMS", 1_000_000) as u64;
    let small = env_usize("BENCH_PAGING_SMALL", 10_000) as u64;
    let rounds = env_usize("BENCH_PAGING_ROUNDS", 3);
    let addr = server::start(answer);
    let rt = server::client_runtime();
    let w = Walker::new(addr);

    let mut t = Table::new(
        format!(
            "Table 2: paging {large} items, Paginator::items() against a hand-written loop over the same pages"
        ),
        &[
            "style (items/page)",
            "sdk items/s",
            "bare items/s",
            "time ratio",
            "paired",
            "CPU ratio",
            "goal <= 1.10",
            &format!("sdk peak MiB {small}"),
            &format!("sdk peak MiB {large}"),
            &format!("bare peak MiB {small}"),
            &format!("bare peak MiB {large}"),
            "flat (<= +10%)",
        ],
    );
    for style in STYLES {
        let p = rt.block_on(compare(
            style.name(),
            rounds,
            large as usize,
            async || {
                let (n, sum) = w.sdk(style, large, false, None).await;
                assert_eq!(n, large);
                sum
            },
            async || {
                let (n, sum) = w.bare(style, large).await;
                assert_eq!(n, large);
                sum
            },
        ));
        let mem =
            |side: &str, items: u64| rss::measure(&format!("mem:{}:{side}:{items}", style.name()));
        let (s_small, s_large) = (mem("sdk", small), mem("sdk", large));
        let (b_small, b_large) = (mem("bare", small), mem("bare", large));
        let flat = s_large.peak_mib <= s_small.peak_mib * 1.10;
        t.row(vec![
            format!("{} ({})", style.name(), style.page_size()),
            f(1.0 / p.sdk_median(), 0),
            f(1.0 / p.base_median(), 0),
            f(p.ratio(), 3),
            f(p.paired_ratio(), 3),
            f(p.cpu_ratio(), 3),
            verdict(p.ratio() <= 1.10),
            format!("{:.1} (+{:.2})", s_small.peak_mib, s_small.growth_mib),
            format!("{:.1} (+{:.2})", s_large.peak_mib, s_large.growth_mib),
            format!("{:.1} (+{:.2})", b_small.peak_mib, b_small.growth_mib),
            format!("{:.1} (+{:.2})", b_large.peak_mib, b_large.growth_mib),
            verdict(flat),
        ]);
    }
    t.note(format!(
        "time ratio: median SDK / median hand-written time per item over {rounds} alternating rounds; \
         CPU: client thread only. Peak: the child process's VmHWM during the walk, (+ its rise above \
         the RSS before the walk); the server runs in the same child and generates each page on the fly."
    ));
    t.print();

    // Prefetch on a server with 5 ms latency.
    let pages = env_usize("BENCH_PREFETCH_PAGES", 40) as u64;
    let mut p = Table::new(
        format!(
            "Table 2b: prefetch on a server with {} ms latency, {pages} pages per walk",
            LATENCY.as_millis()
        ),
        &[
            "style (items/page)",
            "consumer",
            "prefetch off ms",
            "prefetch on ms",
            "on / off",
        ],
    );
    for style in STYLES {
        let total = pages * u64::from(style.page_size());
        let work = Work {
            every: u64::from(style.page_size()),
            wait: LATENCY,
        };
        let idle = Work {
            every: u64::MAX,
            wait: Duration::ZERO,
        };
        for (label, work) in [("no work", idle), ("awaits 5 ms per page", work)] {
            let (mut off, mut on) = (Vec::new(), Vec::new());
            rt.block_on(async {
                for round in 0..rounds.max(2) {
                    for side in 0..2 {
                        let prefetch = (side == 0) == round.is_multiple_of(2);
                        let start = Instant::now();
                        let (n, _) = w.sdk(style, total, prefetch, Some(work)).await;
                        assert_eq!(n, total);
                        let ms = start.elapsed().as_secs_f64() * 1e3;
                        if prefetch { on.push(ms) } else { off.push(ms) }
                    }
                }
            });
            p.row(vec![
                format!("{} ({})", style.name(), style.page_size()),
                label.to_owned(),
                f(median(&off), 1),
                f(median(&on), 1),
                f(median(&on) / median(&off), 3),
            ]);
        }
    }
    p.note(format!(
        "medians of {} alternating walks each; with nothing to overlap, prefetch cannot gain; \
         table 2 took {:.1} s",
        rounds.max(2),
        started.elapsed().as_secs_f64()
    ));
    p.print();
}
