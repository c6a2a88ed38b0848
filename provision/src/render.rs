//! Reports as text: a line per resource that changes, its field-level diff, a table of
//! counts per kind, the summary line.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::Report;
use crate::engine::{Action, Step};

const RESET: &str = "\x1b[0m";

fn paint(color: bool, code: &str, text: &str) -> String {
    if color {
        format!("\x1b[{code}m{text}{RESET}")
    } else {
        text.to_owned()
    }
}

fn code(action: Action) -> &'static str {
    match action {
        Action::Create => "32",
        Action::Update => "33",
        Action::Unchanged => "2",
        Action::Delete => "31",
    }
}

fn title(step: &Step) -> String {
    let mut t = format!("{} {} {:?}", step.vendor, step.kind, step.key);
    if let Some(parent) = &step.parent {
        let _ = write!(t, " in {parent:?}");
    }
    t
}

/// The report as text (see [`Report::render`]).
pub(crate) fn text(report: &Report, color: bool) -> String {
    let mut out = String::new();
    for e in &report.file_errors {
        let _ = writeln!(out, "{}", paint(color, "31", &format!("error: {e}")));
    }
    for step in &report.steps {
        if step.action == Action::Unchanged && !step.failed() {
            continue;
        }
        let verb = match (report.mode, step.action) {
            ("plan", a) => a.as_str().to_owned(),
            (_, Action::Create) => "created".to_owned(),
            (_, Action::Update) => "updated".to_owned(),
            (_, Action::Delete) => "deleted".to_owned(),
            (_, Action::Unchanged) => "unchanged".to_owned(),
        };
        let head = format!("{} {verb} {}", step.action.sign(), title(step));
        if let Some(err) = &step.error {
            let _ = writeln!(
                out,
                "{}",
                paint(color, "31", &format!("! {} failed: {err}", title(step)))
            );
            continue;
        }
        let _ = writeln!(out, "{}", paint(color, code(step.action), &head));
        for change in &step.changes {
            let _ = writeln!(out, "    {change}");
        }
    }
    if report.mode == "apply" && report.file_errors.is_empty() {
        out.push_str(&table(report));
    }
    out.push_str(&report.summary());
    out.push('\n');
    out
}

/// Counts per kind and outcome.
fn table(report: &Report) -> String {
    let mut rows: BTreeMap<(String, &str), [usize; 5]> = BTreeMap::new();
    for s in &report.steps {
        let row = rows.entry((s.vendor.to_owned(), s.kind)).or_default();
        let col = if s.failed() {
            4
        } else {
            match s.action {
                Action::Create => 0,
                Action::Update => 1,
                Action::Unchanged => 2,
                Action::Delete => 3,
            }
        };
        row[col] += 1;
    }
    let mut out = format!(
        "\n{:<34} {:>8} {:>8} {:>9} {:>8} {:>7}\n",
        "resource", "created", "updated", "unchanged", "deleted", "failed"
    );
    for ((vendor, kind), [c, u, n, d, f]) in rows {
        let _ = writeln!(
            out,
            "{:<34} {c:>8} {u:>8} {n:>9} {d:>8} {f:>7}",
            format!("{vendor} {kind}")
        );
    }
    out.push('\n');
    out
}
