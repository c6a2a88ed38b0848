//! Peak memory of one workload, measured in a fresh child process.
//!
//! The parent runs its own executable again with [`CHILD_ENV`] set to a workload spec;
//! the bench's `main` hands that spec to its workload first thing ([`child_spec`]). The
//! child sets up, resets its peak RSS (`/proc/self/clear_refs`), runs the workload and
//! prints [`report`]'s line: the process's peak RSS (`VmHWM`) and how far it rose above the
//! RSS measured just before the workload.

/// The environment variable that makes a bench binary run one workload as a child.
pub const CHILD_ENV: &str = "BENCH_CHILD";

/// The workload spec when this process is a child run.
pub fn child_spec() -> Option<String> {
    std::env::var(CHILD_ENV).ok()
}

/// A field of `/proc/self/status`, in KiB.
pub fn status_kib(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

/// In the child, after setup: resets the peak RSS and returns the RSS now (KiB).
pub fn start() -> u64 {
    std::fs::write("/proc/self/clear_refs", "5").expect("reset the peak RSS (clear_refs)");
    status_kib("VmRSS")
}

/// In the child, after the workload: prints `<peak KiB> <growth KiB> <checksum>`.
pub fn report(before_kib: u64, checksum: u64) {
    let peak = status_kib("VmHWM");
    println!("{peak} {} {checksum}", peak.saturating_sub(before_kib));
}

/// What a child run measured.
#[derive(Debug, Clone, Copy)]
pub struct Peak {
    /// The process's peak RSS during the workload, MiB.
    pub peak_mib: f64,
    /// How far the peak rose above the RSS before the workload, MiB.
    pub growth_mib: f64,
    /// The workload's checksum.
    pub checksum: u64,
}

/// Runs this executable as a child with [`CHILD_ENV`]` = spec` and reads its report.
pub fn measure(spec: &str) -> Peak {
    let exe = std::env::current_exe().expect("path of this bench binary");
    let out = std::process::Command::new(exe)
        .env(CHILD_ENV, spec)
        .output()
        .expect("run the memory child");
    assert!(
        out.status.success(),
        "memory child {spec} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let v: Vec<u64> = text
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    assert_eq!(v.len(), 3, "memory child {spec} printed {text:?}");
    Peak {
        peak_mib: v[0] as f64 / 1024.0,
        growth_mib: v[1] as f64 / 1024.0,
        checksum: v[2],
    }
}
