//! The CPaaS story: last month's calls, streamed page by page and written as CSV, with a
//! progress report after each page. One page is held in memory (two while the next is
//! fetched ahead), however many calls the month had.

use std::io::Write;

use chrono::{Datelike, NaiveDate};
use serde_json::json;

use cpaas::calls::{Call, CallFilter};
use cpaas::{CpaasClient, DateFilter};
use futures_util::TryStreamExt;

/// The CSV columns, in order.
pub const COLUMNS: [&str; 9] = [
    "sid",
    "start_time",
    "end_time",
    "from",
    "to",
    "direction",
    "status",
    "duration",
    "price",
];

/// Where the report stands after a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Pages read.
    pub pages: u64,
    /// The list's page count, when the server reports it.
    pub num_pages: Option<u64>,
    /// Calls written.
    pub calls: u64,
    /// The list's call count, when the server reports it.
    pub total: Option<u64>,
}

impl std::fmt::Display for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let of = |n: Option<u64>| n.map(|n| format!("/{n}")).unwrap_or_default();
        write!(
            f,
            "page {}{}, {}{} calls",
            self.pages,
            of(self.num_pages),
            self.calls,
            of(self.total)
        )
    }
}

/// A failed report: the API's error, or the output's.
pub type ReportError = Box<dyn std::error::Error + Send + Sync>;

/// Writes the calls that started within `period` to `out` as CSV (a header line, then one
/// line per call, newest first as CPaaS lists them), calling `progress` after each page.
/// Returns the final progress.
///
/// # Errors
///
/// The first failing page request, or the first failing write.
pub async fn run(
    client: &CpaasClient,
    period: DateFilter,
    out: &mut impl Write,
    mut progress: impl FnMut(Progress),
) -> Result<Progress, ReportError> {
    writeln!(out, "{}", COLUMNS.join(","))?;
    let filter = CallFilter::new().start_time(period);
    let mut pages = client
        .account()
        .calls()
        .list(&filter)
        .page_size(cpaas::paging::MAX_PAGE_SIZE)
        .prefetch(true)
        .pages();
    let mut done = Progress {
        pages: 0,
        num_pages: None,
        calls: 0,
        total: None,
    };
    while let Some(page) = pages.try_next().await? {
        for call in &page.items {
            writeln!(out, "{}", csv_line(&row(call)))?;
        }
        done.pages += 1;
        done.calls += page.items.len() as u64;
        done.num_pages = page.num_pages.or(done.num_pages);
        done.total = page.total.or(done.total);
        progress(done);
    }
    out.flush()?;
    Ok(done)
}

/// A call's values, in the order of [`COLUMNS`].
pub fn row(call: &Call) -> [String; 9] {
    let text = |v: Option<&str>| v.unwrap_or_default().to_owned();
    [
        call.sid.to_string(),
        text(call.start_time.as_ref().map(|t| t.as_str())),
        text(call.end_time.as_ref().map(|t| t.as_str())),
        text(call.from.as_deref()),
        text(call.to.as_deref()),
        call.direction
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
        call.status
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
        call.duration
            .as_ref()
            .and_then(|d| d.as_text())
            .unwrap_or_default(),
        call.price
            .as_ref()
            .and_then(|p| p.as_text())
            .unwrap_or_default(),
    ]
}

/// One CSV line (RFC 4180): a field holding a comma, a quote or a line break is quoted,
/// its quotes doubled.
pub fn csv_line(fields: &[String]) -> String {
    fields
        .iter()
        .map(|f| {
            if f.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", f.replace('"', "\"\""))
            } else {
                f.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// Fills the simulator's account `account_sid` with calls around the month before `today`:
/// `in_month` calls within it (spread over its days and hours), and a few in the months
/// around it, which the report must leave out. Returns the sids of the calls within it.
pub fn seed_simulator(
    sim: &sdk_core::sim::Simulator,
    account_sid: &str,
    today: NaiveDate,
    in_month: u32,
) -> Vec<String> {
    use cpaas::sim::{Family, seed};
    let this_month = today.with_day(1).unwrap_or(today);
    let last_month = this_month
        .pred_opt()
        .and_then(|d| d.with_day(1))
        .unwrap_or(this_month);
    let before = last_month
        .pred_opt()
        .and_then(|d| d.with_day(1))
        .unwrap_or(last_month);
    let days_in_last = (this_month - last_month).num_days().max(1) as u32;
    let call = |day: NaiveDate, n: u32| {
        let start = day
            .and_hms_opt(8 + n % 10, (n * 7) % 60, (n * 13) % 60)
            .unwrap_or_default()
            .and_utc();
        let seconds = 20 + (n * 37) % 600;
        json!({
            "status": "completed",
            "direction": if n.is_multiple_of(3) { "inbound" } else { "outbound-api" },
            "from": format!("+1555{:07}", 1_000_000 + n),
            "to": format!("+1444{:07}", 2_000_000 + n * 3),
            "start_time": start.to_rfc2822(),
            "end_time": (start + chrono::Duration::seconds(i64::from(seconds))).to_rfc2822(),
            "duration": seconds,
            "price": format!("{:.4}", f64::from(seconds) * 0.0002),
        })
    };
    for n in 0..5 {
        seed(
            sim,
            Family::Calls,
            account_sid,
            call(before + chrono::Days::new(u64::from(n)), n),
        );
        seed(
            sim,
            Family::Calls,
            account_sid,
            call(this_month + chrono::Days::new(u64::from(n)), n),
        );
    }
    (0..in_month)
        .map(|n| {
            let day = last_month + chrono::Days::new(u64::from(n % days_in_last));
            seed(sim, Family::Calls, account_sid, call(day, n))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_only_when_needed() {
        let fields = ["a", "b,c", "say \"hi\"", "two\nlines", ""].map(str::to_owned);
        assert_eq!(
            csv_line(&fields),
            "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\","
        );
    }
}
