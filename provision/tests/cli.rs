//! The `ccadm` binary, run as a user runs it: on the built-in simulators, against
//! `ccadm simulator` served from another process, and on files with errors.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/desired/contact-center.toml");

fn ccadm() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ccadm"));
    // Nothing from the machine's environment or profile decides where requests go.
    for var in [
        "AXP_BASE_URL",
        "AXP_TOKEN",
        "AXP_CLIENT_ID",
        "AXP_CLIENT_SECRET",
        "RCI_BASE_URL",
        "RCI_USER",
        "APIO_BASE_URL",
        "APIO_TENANT",
        "APIO_GROUP",
        "CPAAS_BASE_URL",
        "CPAAS_ACCOUNT_SID",
        "AXP_ACCOUNT_ID",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("CCADM_PROFILES", "/nonexistent/profiles.toml");
    cmd
}

fn text(out: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn temp(name: &str, body: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ccadm-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, body).expect("write");
    path
}

#[test]
fn plan_on_the_built_in_simulator_lists_every_create_with_a_notice() {
    let out = ccadm().args(["plan", SAMPLE]).output().expect("ran");
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stdout}{stderr}");
    assert!(
        stderr.contains("notice: no base URL set for axp"),
        "{stderr}"
    );
    assert!(
        stdout.contains("+ create axp communication manager \"CM1\""),
        "{stdout}"
    );
    assert!(
        stdout
            .trim_end()
            .ends_with("0 to update, 0 unchanged, 0 to delete."),
        "{stdout}"
    );
    assert!(!stdout.contains('\x1b'), "no colour when not on a terminal");

    let out = ccadm()
        .args(["--simulator", "plan", SAMPLE, "--json"])
        .output()
        .expect("ran");
    let (stdout, stderr) = text(&out);
    assert!(out.status.success());
    assert!(!stderr.contains("notice"), "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(json["mode"], "plan");
    assert!(
        json["steps"]
            .as_array()
            .is_some_and(|s| s.iter().all(|s| s["action"] == "create"))
    );
    assert_eq!(
        json["simulated"],
        serde_json::json!(["axp", "sinch", "apio", "cpaas"])
    );
}

fn assert_file_error(body: &str, line: usize, key: &str) {
    let path = temp(&format!("bad-{line}-{key}.toml"), body);
    let out = ccadm().args(["plan"]).arg(&path).output().expect("ran");
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(2), "{stdout}{stderr}");
    let expected = format!("{}:{line}: `{key}`: ", path.display());
    assert!(
        stderr.contains(&expected),
        "wanted {expected:?} in {stderr}"
    );
    assert!(
        !stderr.contains("notice"),
        "nothing was connected to: {stderr}"
    );
    assert!(stdout.is_empty(), "{stdout}");
}

#[test]
fn a_file_with_errors_names_file_line_and_key_and_sends_nothing() {
    let head = "[axp]\naccount = \"ABCDEF\"\n\n";
    let cm = "[[axp.communication_managers]]\nname = \"CM1\"\ndescription = \"d\"\nhybridCloudGatewayId = \"g\"\n";
    // An unknown key.
    assert_file_error(&format!("{head}{cm}hostnmae = \"cm1\"\n"), 8, "hostnmae");
    // A wrong type.
    assert_file_error(&format!("{head}{cm}port = 5022\n"), 8, "port");
    // A missing required field.
    assert_file_error(
        &format!(
            "{head}[[axp.communication_managers]]\nname = \"CM1\"\nhybridCloudGatewayId = \"g\"\n"
        ),
        4,
        "description",
    );
    // Two resources with one natural key.
    assert_file_error(&format!("{head}{cm}\n{cm}"), 9, "name");
    // A nested unknown key, and an unknown section.
    assert_file_error(
        &format!(
            "{head}{cm}\n[[axp.communication_managers.reason_codes]]\ncodeName = \"Lunch\"\ncodeNumber = \"1\"\ncodeType = \"NOT_READY\"\nisInterruptible = false\ncolour = \"red\"\n"
        ),
        14,
        "colour",
    );
    assert_file_error("[axq]\naccount = \"x\"\n", 1, "axq");
}

#[test]
fn a_name_neither_the_file_nor_the_service_has_is_an_error_of_the_file() {
    let body = "[sinch]\n\n[[sinch.users]]\nlogin = \"j\"\nfirstName = \"J\"\nsurname = \"F\"\nuserGroups = [\"Sales\"]\n";
    let path = temp("unknown-group.toml", body);
    for verb in ["plan", "apply"] {
        let out = ccadm()
            .args(["--simulator", verb])
            .arg(&path)
            .output()
            .expect("ran");
        let (stdout, stderr) = text(&out);
        assert_eq!(out.status.code(), Some(2), "{stdout}{stderr}");
        let expected = format!(
            "{}:7: `userGroups`: no user group \"Sales\" in this file or on the service",
            path.display()
        );
        assert!(
            stderr.contains(&expected),
            "wanted {expected:?} in {stderr}"
        );
        assert!(stdout.is_empty(), "{stdout}");
    }
}

/// `ccadm simulator` in its own process, stopped when dropped.
struct Served {
    child: Child,
    settings: Vec<(String, String)>,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(state: Option<&Path>) -> Served {
    let mut cmd = ccadm();
    cmd.args([
        "simulator",
        "--axp-port",
        "0",
        "--sinch-port",
        "0",
        "--apio-port",
        "0",
        "--cpaas-port",
        "0",
    ]);
    if let Some(state) = state {
        cmd.arg("--state").arg(state);
    }
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawned");
    let stdout = child.stdout.take().expect("stdout");
    let mut settings = Vec::new();
    for line in BufReader::new(stdout).lines() {
        let line = line.expect("a line");
        if line.starts_with("# serving") {
            break;
        }
        if let Some((k, v)) = line.split_once('=') {
            settings.push((k.to_owned(), v.to_owned()));
        }
    }
    assert!(
        settings.iter().any(|(k, _)| k == "AXP_BASE_URL"),
        "{settings:?}"
    );
    Served { child, settings }
}

impl Served {
    fn ccadm(&self) -> Command {
        let mut cmd = ccadm();
        cmd.envs(self.settings.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        cmd
    }
}

#[test]
fn apply_against_a_served_simulator_then_plan_is_empty_and_state_survives_a_restart() {
    let state = temp("state.json", "");
    std::fs::remove_file(&state).expect("no state yet");
    let served = serve(Some(&state));
    let out = served
        .ccadm()
        .args(["apply", SAMPLE])
        .output()
        .expect("ran");
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stdout}{stderr}");
    assert!(
        !stderr.contains("notice"),
        "the served simulator was used: {stderr}"
    );
    assert!(
        stdout.contains("Apply: 32 created, 0 updated, 0 unchanged, 0 deleted, 0 failed"),
        "{stdout}"
    );
    for kind in [
        "axp reason code",
        "sinch user skill",
        "apio call center",
        "cpaas credential list mapping",
    ] {
        assert!(stdout.contains(kind), "the table: {stdout}");
    }
    assert!(!stdout.contains("password"), "no secret printed: {stdout}");

    let out = served.ccadm().args(["plan", SAMPLE]).output().expect("ran");
    let (stdout, _) = text(&out);
    assert!(
        stdout.contains("Plan: 0 to create, 0 to update, 32 unchanged, 0 to delete."),
        "{stdout}"
    );

    // The other vendors' resources, for shell scripts; no password shown.
    let json = |args: &[&str]| -> serde_json::Value {
        let out = served.ccadm().args(args).output().expect("ran");
        let (stdout, stderr) = text(&out);
        assert!(out.status.success(), "{args:?}: {stderr}");
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{args:?}: {e}: {stdout}"))
    };
    let john = json(&["sinch", "users", "get", "john.fox"]);
    assert_eq!(john["email"], "john.fox@example.com");
    let id = john["id"].as_str().expect("an id");
    let skills = json(&["sinch", "user_skills", "list", "--user", id]);
    assert_eq!(skills.as_array().map(Vec::len), Some(2), "{skills}");
    let center = json(&[
        "apio",
        "call_centers",
        "get",
        "support@sip.example.com",
        "--tenant",
        "acme",
        "--group",
        "support",
    ]);
    assert_eq!(center["queueLength"], 10);
    let list = json(&["cpaas", "credential_lists", "get", "Office phones"]);
    let sid = list["sid"].as_str().expect("a sid");
    let credentials = json(&["cpaas", "credentials", "list", "--list", sid]);
    assert_eq!(
        credentials.as_array().map(Vec::len),
        Some(2),
        "{credentials}"
    );
    let all = format!("{center}{credentials}");
    assert!(
        !all.contains("cc-password") && !all.contains("alice-sip-password"),
        "{all}"
    );
    let out = served
        .ccadm()
        .args(["sinch", "queues", "list", "--table"])
        .output()
        .expect("ran");
    let (stdout, _) = text(&out);
    assert_eq!(
        stdout.lines().count(),
        3,
        "a header and two queues: {stdout}"
    );

    let out = served
        .ccadm()
        .args(["axp", "communication_managers", "get", "CM1"])
        .output()
        .expect("ran");
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    let cm: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(cm["name"], "CM1");
    assert_eq!(cm["password"], "(secret)", "no secret printed");
    let out = served
        .ccadm()
        .args(["axp", "phone_numbers", "get", "+16479308802"])
        .output()
        .expect("ran");
    let number: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(number["displayName"], "Support");
    let out = served
        .ccadm()
        .args(["axp", "reason_codes", "list", "--table", "--cm"])
        .arg(cm["id"].as_str().expect("an id"))
        .output()
        .expect("ran");
    let (stdout, _) = text(&out);
    assert_eq!(
        stdout.lines().count(),
        4,
        "a header and three codes: {stdout}"
    );
    assert!(
        stdout
            .lines()
            .next()
            .is_some_and(|h| h.contains("codeName")),
        "{stdout}"
    );
    assert!(stdout.contains("End of shift"), "{stdout}");

    // Restarted on its state file, the simulators hold what was applied.
    drop(served);
    let saved = std::fs::read_to_string(&state).expect("state written");
    assert!(saved.contains("CM1"));
    let served = serve(Some(&state));
    let out = served.ccadm().args(["plan", SAMPLE]).output().expect("ran");
    let (stdout, _) = text(&out);
    assert!(
        stdout.contains("Plan: 0 to create, 0 to update, 32 unchanged"),
        "{stdout}"
    );
}

#[test]
fn apply_killed_half_way_and_run_again_creates_nothing_twice() {
    let served = serve(None);
    let mut body = String::from(
        "[axp]\naccount = \"ABCDEF\"\n\n[[axp.communication_managers]]\nname = \"CM1\"\ndescription = \"d\"\nhybridCloudGatewayId = \"g\"\n",
    );
    for i in 0..300 {
        body.push_str(&format!(
            "\n[[axp.communication_managers.reason_codes]]\ncodeName = \"Code {i}\"\ncodeNumber = \"{i}\"\ncodeType = \"NOT_READY\"\nisInterruptible = false\n"
        ));
    }
    let file = temp("codes.toml", &body);
    let read = |args: &[&str]| -> serde_json::Value {
        let out = served.ccadm().arg("axp").args(args).output().expect("ran");
        serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null)
    };
    let codes = |cm: &str| -> Vec<String> {
        read(&["reason_codes", "list", "--cm", cm])
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|c| c["codeName"].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut apply = served
        .ccadm()
        .args(["apply"])
        .arg(&file)
        .stdout(Stdio::null())
        .spawn()
        .expect("spawned");
    // Kill it once some codes exist, polling at short intervals.
    let cm_id = loop {
        assert!(
            apply.try_wait().expect("status").is_none(),
            "finished before it was killed"
        );
        if let Some(id) = read(&["communication_managers", "get", "CM1"])["id"].as_str()
            && codes(id).len() >= 20
        {
            break id.to_owned();
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    };
    apply.kill().expect("killed");
    apply.wait().expect("reaped");
    let made = codes(&cm_id).len();
    assert!(made < 300, "killed half way: {made}");

    let out = served
        .ccadm()
        .args(["apply"])
        .arg(&file)
        .output()
        .expect("ran");
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stdout}{stderr}");
    let mut all = codes(&cm_id);
    assert_eq!(all.len(), 300, "{stdout}");
    all.sort_unstable();
    all.dedup();
    assert_eq!(all.len(), 300, "duplicates: {}", 300 - all.len());
    let cms = read(&["communication_managers", "list"]);
    assert_eq!(cms.as_array().map(Vec::len), Some(1), "one CM: {cms}");
}
