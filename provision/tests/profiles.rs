//! Settings from a profile file: `--profile` picks a table, the environment wins over it,
//! and a profile that is not there is an error before anything is sent.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/desired/contact-center.toml");

fn ccadm(profiles: &std::path::Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ccadm"));
    for var in [
        "AXP_BASE_URL",
        "AXP_TOKEN",
        "RCI_BASE_URL",
        "APIO_BASE_URL",
        "CPAAS_BASE_URL",
        "CPAAS_ACCOUNT_SID",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("CCADM_PROFILES", profiles);
    cmd
}

#[test]
fn a_profile_names_the_endpoints_and_a_missing_one_is_refused() {
    let dir = std::env::temp_dir().join(format!("ccadm-profiles-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let profiles = dir.join("profiles.toml");

    // One served simulator, reached only through the profile.
    let mut served = Command::new(env!("CARGO_BIN_EXE_ccadm"))
        .args([
            "simulator",
            "--axp-port",
            "0",
            "--sinch-port",
            "0",
            "--apio-port",
            "0",
            "--cpaas-port",
            "0",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("served");
    let mut table = String::from("[local]\n");
    for line in BufReader::new(served.stdout.take().expect("stdout")).lines() {
        let line = line.expect("line");
        if line.starts_with("# serving") {
            break;
        }
        if let Some((k, v)) = line.split_once('=') {
            table.push_str(&format!("{k} = \"{v}\"\n"));
        }
    }
    table.push_str("\n[default]\nAXP_BASE_URL = \"https://axp.invalid\"\nAXP_TOKEN = \"profile-secret-token\"\n");
    std::fs::write(&profiles, &table).expect("profiles");

    let out = ccadm(&profiles)
        .args(["--profile", "local", "apply", SAMPLE])
        .output()
        .expect("ran");
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    let _ = served.kill();
    let _ = served.wait();
    assert!(out.status.success(), "{stdout}{stderr}");
    assert!(
        !stderr.contains("notice"),
        "the profile's endpoints were used: {stderr}"
    );
    assert!(
        stdout.contains(" created, 0 updated, 0 unchanged, 0 deleted, 0 failed"),
        "{stdout}"
    );

    // The default profile names an endpoint that cannot be reached: the failure says so,
    // and the token in the profile is never printed.
    let out = ccadm(&profiles)
        .args(["plan", SAMPLE])
        .output()
        .expect("ran");
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!out.status.success(), "{all}");
    assert!(all.contains("axp.invalid"), "{all}");
    assert!(!all.contains("profile-secret-token"), "{all}");

    let out = ccadm(&profiles)
        .args(["--profile", "staging", "plan", SAMPLE])
        .output()
        .expect("ran");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("has no profile \"staging\""), "{stderr}");
}
