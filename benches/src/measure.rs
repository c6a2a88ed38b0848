//! Paired alternating rounds, medians and ratio tables.

use std::hint::black_box;
use std::time::{Duration, Instant};

/// An integer from the environment (`BENCH_*` scaling knobs), or `default`.
pub fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(default)
}

/// CPU time the calling thread has run, from `/proc/thread-self/schedstat`.
pub fn thread_cpu() -> Duration {
    let ns = std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|t| t.split_whitespace().next().and_then(|v| v.parse().ok()))
        .unwrap_or(0);
    Duration::from_nanos(ns)
}

/// The median of `v` (0 for an empty slice).
pub fn median(v: &[f64]) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    let m = s.len() / 2;
    if s.len().is_multiple_of(2) {
        (s[m - 1] + s[m]) / 2.0
    } else {
        s[m]
    }
}

/// The rounds of one comparison: seconds per operation of each side, paired by round.
#[derive(Debug, Clone, Default)]
pub struct Pair {
    /// Wall seconds per operation of the measured side, one per round.
    pub sdk: Vec<f64>,
    /// Wall seconds per operation of the baseline, one per round.
    pub base: Vec<f64>,
    /// Client-thread CPU seconds per operation of the measured side.
    pub sdk_cpu: Vec<f64>,
    /// Client-thread CPU seconds per operation of the baseline.
    pub base_cpu: Vec<f64>,
}

impl Pair {
    /// Median wall seconds per operation of the measured side.
    pub fn sdk_median(&self) -> f64 {
        median(&self.sdk)
    }

    /// Median wall seconds per operation of the baseline.
    pub fn base_median(&self) -> f64 {
        median(&self.base)
    }

    /// Median measured / median baseline, wall time.
    pub fn ratio(&self) -> f64 {
        self.sdk_median() / self.base_median()
    }

    /// The median of the rounds' own ratios (each round's two runs ran back to back).
    pub fn paired_ratio(&self) -> f64 {
        let r: Vec<f64> = self
            .sdk
            .iter()
            .zip(&self.base)
            .map(|(s, b)| s / b)
            .collect();
        median(&r)
    }

    /// Median measured / median baseline, client-thread CPU time.
    pub fn cpu_ratio(&self) -> f64 {
        median(&self.sdk_cpu) / median(&self.base_cpu)
    }
}

/// Runs `rounds` rounds of each side, alternating which goes first (A B, B A, ...), after
/// one untimed warm-up run of each. A run performs `ops` operations and returns a checksum
/// of what it read; both sides must return the same one.
pub async fn compare(
    name: &str,
    rounds: usize,
    ops: usize,
    mut sdk: impl AsyncFnMut() -> u64,
    mut base: impl AsyncFnMut() -> u64,
) -> Pair {
    let want = sdk().await;
    assert_eq!(
        base().await,
        want,
        "{name}: the two sides read different data"
    );
    let mut pair = Pair::default();
    for round in 0..rounds.max(1) {
        for side in 0..2 {
            let sdk_turn = (side == 0) == round.is_multiple_of(2);
            let (cpu, start) = (thread_cpu(), Instant::now());
            let got = if sdk_turn { sdk().await } else { base().await };
            let wall = start.elapsed().as_secs_f64() / ops as f64;
            let cpu = (thread_cpu() - cpu).as_secs_f64() / ops as f64;
            assert_eq!(black_box(got), want, "{name}: checksum changed");
            if sdk_turn {
                pair.sdk.push(wall);
                pair.sdk_cpu.push(cpu);
            } else {
                pair.base.push(wall);
                pair.base_cpu.push(cpu);
            }
        }
    }
    pair
}

/// The synchronous [`compare`], for work with no I/O (decoding).
pub fn compare_sync(
    name: &str,
    rounds: usize,
    ops: usize,
    mut sdk: impl FnMut() -> u64,
    mut base: impl FnMut() -> u64,
) -> Pair {
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime for the synchronous comparison");
    rt.block_on(compare(name, rounds, ops, async || sdk(), async || base()))
}

/// A printed table: a title, column headers, rows of cells, and notes under it.
#[derive(Debug, Clone)]
pub struct Table {
    title: String,
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    notes: Vec<String>,
}

impl Table {
    /// A table with these column headers.
    pub fn new(title: impl Into<String>, headers: &[&str]) -> Self {
        Table {
            title: title.into(),
            headers: headers.iter().map(|h| (*h).to_owned()).collect(),
            rows: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// Adds a row (as many cells as headers; the first is left-aligned, the rest right).
    pub fn row(&mut self, cells: Vec<String>) -> &mut Self {
        self.rows.push(cells);
        self
    }

    /// Adds a line printed under the table.
    pub fn note(&mut self, line: impl Into<String>) -> &mut Self {
        self.notes.push(line.into());
        self
    }

    /// Prints the table to stdout, as Markdown (so `BENCHMARKS.md` can quote it as is).
    pub fn print(&self) {
        let cols = self.headers.len();
        let width = |i: usize| {
            self.rows
                .iter()
                .filter_map(|r| r.get(i))
                .chain(std::iter::once(&self.headers[i]))
                .map(|c| c.chars().count())
                .max()
                .unwrap_or(0)
        };
        let widths: Vec<usize> = (0..cols).map(width).collect();
        let line = |cells: &[String]| {
            let mut out = String::from("|");
            for (i, w) in widths.iter().enumerate() {
                let c = cells.get(i).map_or("", String::as_str);
                if i == 0 {
                    out.push_str(&format!(" {c:<w$} |"));
                } else {
                    out.push_str(&format!(" {c:>w$} |"));
                }
            }
            out
        };
        println!();
        println!("### {}", self.title);
        println!();
        println!("{}", line(&self.headers));
        let mut sep = String::from("|");
        for (i, w) in widths.iter().enumerate() {
            if i == 0 {
                sep.push_str(&format!(" {} |", "-".repeat(*w)));
            } else {
                sep.push_str(&format!(" {}: |", "-".repeat(w.saturating_sub(1))));
            }
        }
        println!("{sep}");
        for r in &self.rows {
            println!("{}", line(r));
        }
        if !self.notes.is_empty() {
            println!();
            for n in &self.notes {
                println!("{n}");
            }
        }
    }
}

/// `value` with `digits` decimals.
pub fn f(value: f64, digits: usize) -> String {
    format!("{value:.digits$}")
}

/// `met` or `MISSED`, for a goal column.
pub fn verdict(met: bool) -> String {
    if met { "met" } else { "MISSED" }.to_owned()
}
