#!/usr/bin/env bash
# Table 5b: a user's clean build of each vendor crate against the bare HTTP stack.
#
# For each vendor crate, two tiny programs in a temporary folder:
#   - "crate": depends on the vendor crate by path, default features, and builds its client
#     and one operation's future (never run);
#   - "bare": depends only on reqwest (rustls on ring, the workspace's reqwest features),
#     tokio, serde and serde_json, and does the same: builds a client and one request's
#     future that would decode a model.
# Each side is built clean (`cargo build`, debug, dependencies included) in a fresh target
# dir, alternating bare, crate, crate, bare, ... for ROUNDS rounds, offline after one fetch.
# Both start from the workspace's Cargo.lock, so both sides build the same versions. The
# SDK's crates are built without incremental compilation, as a dependency from crates.io
# is (cargo makes path dependencies incremental, which costs them a third more here).
#
#   benches/build-ratio.sh                          every vendor crate, 2 rounds
#   ROUNDS=3 benches/build-ratio.sh axp-voice       one crate, 3 rounds
#   BUILD_RATIO_WORKSPACE=/path/to/checkout ...     the crates of another checkout
#   BUILD_RATIO_TIMINGS=1 ...                       keep a --timings report of each build
#   BUILD_RATIO_WRITE_ONLY=1 ...                    write and fetch the programs, build nothing
#
# Prints the medians per crate and the ratio crate / bare (the goal: <= 1.15), the median
# of each round's ratio ("paired", steadier when the machine's speed drifts), with the
# machine's load and the number of rustc processes running at the start: figures taken
# while something else compiles are not clean.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
ws=$(cd "${BUILD_RATIO_WORKSPACE:-$here}" && pwd)
rounds=${ROUNDS:-2}
dir=${BUILD_RATIO_DIR:-$(mktemp -d /tmp/build-ratio.XXXXXX)}
timings=${BUILD_RATIO_TIMINGS:-0}
if [ $# -gt 0 ]; then
    vendors=("$@")
else
    vendors=(axp-voice apio-callcenter sinch-rci cpaas)
fi

# What each crate program does: build the client, name one operation's future.
declare -A program=(
    [axp-voice]='
    let client = axp_voice::AxpClient::builder()
        .base_url("https://na.cc.avayacloud.com")
        .bearer("token")
        .build()?;
    let account = client.account("ABCDEF");
    let numbers = account.phone_numbers();
    let pending = numbers.get("42");'
    [apio-callcenter]='
    let client = apio_callcenter::ApioClient::builder()
        .base_url("https://apio.example.com")
        .bearer("token")
        .build()?;
    let tenant = client.tenant("foo");
    let group = tenant.group("foogroup");
    let centers = group.call_centers();
    let pending = centers.get("support@sip.example.com");'
    [sinch-rci]='
    let client = sinch_rci::RciClient::builder()
        .base_url("https://contact-center.example.com/RI/rci")
        .basic("rci-admin", "secret")
        .build()?;
    let users = client.users();
    let pending = users.get("E936C474B22311D38FBE0090279A922E");'
    [cpaas]='
    let client = cpaas::CpaasClient::new(cpaas::Region::Us, "AC1", "token")?;
    let account = client.account();
    let calls = account.calls();
    let pending = calls.get("CA1");'
)

bare_main='use serde::{Deserialize, Serialize};

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct PhoneNumber {
    id: String,
    phone_number: Option<String>,
    #[serde(flatten)]
    unknown_fields: serde_json::Map<String, serde_json::Value>,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let client = reqwest::Client::builder().build()?;
    let request = client
        .get("https://na.cc.avayacloud.com/api/admin/voice/v1/accounts/ABCDEF/phone-numbers/42")
        .bearer_auth("token")
        .header(reqwest::header::ACCEPT, "application/json")
        .build()?;
    let pending = async move {
        let answer = client.execute(request).await?.error_for_status()?;
        let body = answer.bytes().await?;
        Ok::<PhoneNumber, Box<dyn std::error::Error>>(serde_json::from_slice(&body)?)
    };
    let _runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    drop(pending);
    Ok(())
}
'

# reqwest's version, rustls and serde as the workspace has them; reqwest's TLS as sdk-core's
# default feature `rustls` sets it (rustls without a provider, ring given by rustls);
# serde_json without the workspace's `preserve_order`, as a bare program would have it.
ws_dep() { # name: the dependency line of the workspace's Cargo.toml
    grep -E "^$1 = " "$ws/Cargo.toml" | head -1
}

write_bare() { # dir
    mkdir -p "$1/src"
    cat >"$1/Cargo.toml" <<EOF
[package]
name = "bare-stack"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
reqwest = { version = "$(ws_dep reqwest | sed -E 's/.*version = "([^"]+)".*/\1/')", default-features = false, features = ["rustls-no-provider"] }
$(ws_dep rustls)
tokio = { version = "1", default-features = false, features = ["rt", "time", "sync"] }
$(ws_dep serde)
serde_json = "1"

[workspace]
EOF
    printf '%s' "$bare_main" >"$1/src/main.rs"
    cp "$ws/Cargo.lock" "$1/Cargo.lock"
}

write_crate() { # dir crate
    mkdir -p "$1/src"
    cat >"$1/Cargo.toml" <<EOF
[package]
name = "with-$2"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
$2 = { path = "$ws/$2" }

# Built as dependencies from crates.io are: a path dependency would be incremental.
[profile.dev.package.contact-center-sdk-core]
incremental = false
[profile.dev.package.$2]
incremental = false

[workspace]
EOF
    cat >"$1/src/main.rs" <<EOF
fn main() -> Result<(), Box<dyn std::error::Error>> {${program[$2]}
    drop(pending);
    Ok(())
}
EOF
    cp "$ws/Cargo.lock" "$1/Cargo.lock"
}

secs() { # project target: seconds of a clean build, its output kept in the project's build.log
    local start end extra=()
    [ "$timings" = 1 ] && extra=(--timings)
    rm -rf "$2"
    start=$(date +%s.%N)
    if ! CARGO_TARGET_DIR=$2 cargo build --offline "${extra[@]}" --manifest-path "$1/Cargo.toml" \
        >>"$1/build.log" 2>&1; then
        echo "build of $1 failed; see $1/build.log" >&2
        exit 1
    fi
    end=$(date +%s.%N)
    if [ "$timings" = 1 ]; then
        mkdir -p "$1/timings"
        cp "$2/cargo-timings/cargo-timing.html" "$1/timings/$(date +%s%N).html"
    fi
    rm -rf "$2"
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f\n", b - a }'
}
median() { # values...
    printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
        if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

mkdir -p "$dir"
write_bare "$dir/bare"
for c in "${vendors[@]}"; do
    [ -n "${program[$c]:-}" ] || { echo "no program for crate $c" >&2; exit 2; }
    write_crate "$dir/$c" "$c"
done
# One fetch (and lockfile update) per program; every build after it is offline.
for p in bare "${vendors[@]}"; do
    cargo fetch --quiet --manifest-path "$dir/$p/Cargo.toml"
done

if [ "${BUILD_RATIO_WRITE_ONLY:-0}" = 1 ]; then
    echo "programs written in $dir"
    exit 0
fi

busy=$(pgrep -c rustc || true)
load=$(cut -d' ' -f1-3 /proc/loadavg)
echo "build ratio: $(nproc) cores, load average $load, rustc processes running: $busy"
echo "crates of $ws, $rounds rounds, programs in $dir"

declare -A bare_s crate_s paired
for c in "${vendors[@]}"; do
    b=() k=()
    for ((r = 1; r <= rounds; r++)); do
        # bare, crate, crate, bare, ...: a drift in the machine's speed hits both sides.
        if ((r % 2)); then
            b+=("$(secs "$dir/bare" "$dir/target-bare")")
            k+=("$(secs "$dir/$c" "$dir/target-$c")")
        else
            k+=("$(secs "$dir/$c" "$dir/target-$c")")
            b+=("$(secs "$dir/bare" "$dir/target-bare")")
        fi
    done
    echo "  $c: bare ${b[*]} s, crate ${k[*]} s"
    bare_s[$c]=$(median "${b[@]}")
    crate_s[$c]=$(median "${k[@]}")
    # Each round's crate build over the bare build beside it: a drift of the machine's speed
    # across rounds (bare builds here range over a quarter) moves both of a pair alike.
    pr=()
    for ((r = 0; r < rounds; r++)); do
        pr+=("$(awk -v a="${k[$r]}" -v b="${b[$r]}" 'BEGIN { printf "%.3f", a / b }')")
    done
    paired[$c]=$(median "${pr[@]}")
done

echo
printf '%-16s %8s %8s %7s %8s\n' crate "bare s" "crate s" ratio paired
for c in "${vendors[@]}"; do
    ratio=$(awk -v a="${crate_s[$c]}" -v b="${bare_s[$c]}" 'BEGIN { printf "%.2f", a / b }')
    pair=$(awk -v p="${paired[$c]}" 'BEGIN { printf "%.2f", p }')
    verdict=$(awk -v r="$ratio" 'BEGIN { print (r <= 1.15) ? "met" : "MISSED" }')
    printf '%-16s %8s %8s %6sx %7sx  <= 1.15 %s\n' "$c" "${bare_s[$c]}" "${crate_s[$c]}" "$ratio" "$pair" "$verdict"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
