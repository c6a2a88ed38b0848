#!/usr/bin/env bash
# Table 5: build times, debug profile, dependencies included.
#
#   1. a clean `cargo build --workspace --timings`;
#   2. in a second clean target dir, `cargo build -p contact-center-sdk-core`, then `cargo build -p <crate>`
#      for each vendor crate on top of it (the time "above sdk-core");
#   3. the incremental rebuild after touching one model file of each vendor crate, of that
#      crate alone and of the whole workspace (its dependents: examples, tests, benches).
#
# Both target dirs live under target/build-bench (BUILD_BENCH_DIR) and are wiped first, so
# the builds are clean whatever else was built. The --timings reports are kept there
# (cargo-timings/cargo-timing.html). The script prints how many rustc processes were
# running before it started: figures taken while something else compiles are not clean.
set -euo pipefail
cd "$(dirname "$0")/.."

dir=${BUILD_BENCH_DIR:-target/build-bench}
ws_dir="$dir/workspace"
crates_dir="$dir/crates"
vendors=(axp-voice cpaas sinch-rci apio-callcenter)
declare -A model=(
    [axp-voice]=axp-voice/src/phone_numbers.rs
    [cpaas]=cpaas/src/calls.rs
    [sinch-rci]=sinch-rci/src/users.rs
    [apio-callcenter]=apio-callcenter/src/call_centers.rs
)

secs() { # seconds of "$@", its output kept in $dir/build.log
    local start end
    start=$(date +%s.%N)
    "$@" >>"$dir/build.log" 2>&1
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN { print b - a }'
}
verdict() { # value limit
    awk -v v="$1" -v l="$2" 'BEGIN { print (v < l) ? "met" : "MISSED" }'
}
row() { printf '| %-44s | %9s | %-14s |\n' "$1" "$2" "$3"; }

rm -rf "$ws_dir" "$crates_dir"
mkdir -p "$dir"
: >"$dir/build.log"
busy=$(pgrep -c rustc || true)
load=$(cut -d' ' -f1-3 /proc/loadavg)

ws=$(CARGO_TARGET_DIR=$ws_dir secs cargo build --workspace --timings)
core=$(CARGO_TARGET_DIR=$crates_dir secs cargo build -p contact-center-sdk-core)
declare -A above inc_crate inc_ws
for c in "${vendors[@]}"; do
    above[$c]=$(CARGO_TARGET_DIR=$crates_dir secs cargo build -p "$c")
done
for c in "${vendors[@]}"; do
    touch "${model[$c]}"
    inc_crate[$c]=$(CARGO_TARGET_DIR=$crates_dir secs cargo build -p "$c")
    touch "${model[$c]}"
    inc_ws[$c]=$(CARGO_TARGET_DIR=$ws_dir secs cargo build --workspace)
done

echo
echo "### Table 5: build times (debug, dependencies included, $(nproc) cores)"
echo
echo "rustc processes running at the start: $busy; load average $load"
echo
row "build" "seconds" "goal"
row "--------------------------------------------" "--------:" "--------------"
row "clean cargo build --workspace" "$(printf %.1f "$ws")" "< 150 $(verdict "$ws" 150)"
row "clean cargo build -p sdk-core" "$(printf %.1f "$core")" "(baseline)"
for c in "${vendors[@]}"; do
    row "cargo build -p $c, above sdk-core" "$(printf %.1f "${above[$c]}")" "< 30 $(verdict "${above[$c]}" 30)"
done
for c in "${vendors[@]}"; do
    row "touch ${model[$c]}: -p $c" "$(printf %.1f "${inc_crate[$c]}")" "< 10 $(verdict "${inc_crate[$c]}" 10)"
    row "touch ${model[$c]}: --workspace" "$(printf %.1f "${inc_ws[$c]}")" "< 10 $(verdict "${inc_ws[$c]}" 10)"
done
echo
echo "timings: $ws_dir/cargo-timings/cargo-timing.html"

# The costliest units of the clean workspace build, from the --timings report.
if command -v python3 >/dev/null; then
    python3 - "$ws_dir/cargo-timings/cargo-timing.html" <<'EOF'
import json, re, sys
html = open(sys.argv[1]).read()
m = re.search(r"const UNIT_DATA = (\[.*?\]);", html, re.S)
if m:
    units = json.loads(m.group(1))
    units.sort(key=lambda u: -u["duration"])
    print("\ncostliest units of the clean workspace build (seconds):")
    for u in units[:12]:
        print(f"  {u['duration']:6.1f}  {u['name']} {u['version']} {u.get('target', '').strip()}")
EOF
fi
echo
echo "duplicated dependency versions (cargo tree -d, normal and build edges):"
cargo tree --workspace -d -e normal,build --depth 0 2>/dev/null | grep -E '^[a-z]' | sort -u | sed 's/^/  /' || true
