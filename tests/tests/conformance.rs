//! Wire conformance of every crate against the endpoint catalog.

use conformance::{Case, Catalog, ENFORCED, Profile, TOKEN, run, run_with};

struct Api {
    file: &'static str,
    cases: fn() -> Vec<Case>,
    profile: Profile,
}

#[tokio::test]
async fn every_catalog_operation_conforms() {
    let bearer = format!("Bearer {TOKEN}");
    let apis = [
        Api {
            file: "apio-callcenter.json",
            cases: conformance::apio::cases,
            profile: Profile::new(&bearer),
        },
        Api {
            file: "axp-voice.json",
            cases: conformance::axp::cases,
            profile: Profile::new(&bearer),
        },
        Api {
            file: "sinch-rci.json",
            cases: conformance::sinch::cases,
            profile: conformance::sinch::profile(&bearer),
        },
        Api {
            file: "cpaas.json",
            cases: conformance::cpaas::cases,
            profile: conformance::cpaas::profile(),
        },
    ];
    let mut failures = Vec::new();
    for api in &apis {
        let catalog = Catalog::load(api.file);
        let report = run_with(&catalog, &(api.cases)(), &api.profile).await;
        let total = catalog.operations.len();
        println!(
            "conformance: {} {}/{} operations",
            catalog.api,
            report.passed.len(),
            total
        );
        if !report.xml.is_empty() {
            println!(
                "  {} of them also in XML (every one with a body)",
                report.xml.len()
            );
        }
        for (op, note) in &report.noted {
            println!("  {op}: documented difference accepted: {note}");
        }
        for (op, why) in &report.failed {
            println!("  FAILED {op}: {why}");
        }
        if ENFORCED.contains(&catalog.api.as_str()) {
            for (op, why) in &report.failed {
                failures.push(format!("{op}: {why}"));
            }
            for op in &report.missing {
                failures.push(format!("{op}: not in the registry"));
            }
        } else if !report.missing.is_empty() {
            println!(
                "  {} operations not implemented yet (crate not enforced)",
                report.missing.len()
            );
        }
    }
    assert!(
        failures.is_empty(),
        "conformance failures:\n{}",
        failures.join("\n")
    );
}

/// The harness itself must catch a wrong body, a wrong path and a missing operation.
#[tokio::test]
async fn the_harness_catches_wrong_bodies_and_missing_operations() {
    use apio_callcenter::ApioClient;
    use apio_callcenter::call_centers::CallCenterUpdate;
    use conformance::{RoundTrip, sdk};

    let catalog = Catalog::load("apio-callcenter.json");
    let mut cases: Vec<Case> = conformance::apio::cases()
        .into_iter()
        .filter(|c| c.op != "apio.call_centers.delete")
        .collect();
    let modify = cases
        .iter_mut()
        .find(|c| c.op == "apio.call_centers.modify")
        .unwrap();
    modify.round_trip = RoundTrip::Nothing("not compared");
    modify.run = |ctx| {
        Box::pin(async move {
            let c = ApioClient::builder()
                .base_url(&ctx.base_url)
                .allow_http(true)
                .bearer(TOKEN)
                .build()
                .map_err(sdk)?;
            c.tenant(ctx.p("tenant_id"))
                .group(ctx.p("group_id"))
                .call_centers()
                .modify(
                    ctx.p("call_center_name"),
                    &CallCenterUpdate::default().queue_length(11),
                )
                .await
                .map_err(sdk)?;
            Ok(serde_json::Value::Null)
        })
    };
    let get = cases
        .iter_mut()
        .find(|c| c.op == "apio.call_centers.get")
        .unwrap();
    get.run = |ctx| {
        Box::pin(async move {
            let c = ApioClient::builder()
                .base_url(&ctx.base_url)
                .allow_http(true)
                .bearer(TOKEN)
                .build()
                .map_err(sdk)?;
            let out = c
                .tenant(ctx.p("tenant_id"))
                .group("othergroup")
                .call_centers()
                .get(ctx.p("call_center_name"))
                .await
                .map_err(sdk)?;
            ctx.value(&out)
        })
    };
    let report = run(&catalog, &cases, &format!("Bearer {TOKEN}")).await;
    assert_eq!(report.missing, vec!["apio.call_centers.delete".to_owned()]);
    let failed: Vec<&str> = report.failed.iter().map(|(op, _)| op.as_str()).collect();
    assert_eq!(
        failed,
        vec!["apio.call_centers.get", "apio.call_centers.modify"],
        "{:?}",
        report.failed
    );
    assert!(
        report.failed[0].1.contains("path"),
        "{}",
        report.failed[0].1
    );
    assert!(
        report.failed[1].1.contains("body"),
        "{}",
        report.failed[1].1
    );
    // The wrong credential is caught too.
    let report = run(&catalog, &conformance::apio::cases(), "Bearer other").await;
    assert_eq!(report.failed.len(), 6);
}

/// The XML run catches a wrong root element, a client that stays in JSON, and an operation
/// with a body but no element names.
#[tokio::test]
async fn the_harness_checks_sinch_in_xml() {
    use conformance::XmlNames;

    let catalog = Catalog::load("sinch-rci.json");
    let bearer = format!("Bearer {TOKEN}");
    let picked = [
        "rci.users.create",
        "rci.users.get",
        "rci.users.list",
        "rci.users.delete",
    ];
    let mut cases: Vec<Case> = conformance::sinch::cases()
        .into_iter()
        .filter(|c| picked.contains(&c.op))
        .collect();
    let report = run_with(&catalog, &cases, &conformance::sinch::profile(&bearer)).await;
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    // delete has no body: it runs in JSON only.
    assert_eq!(report.xml.len(), 3, "{:?}", report.xml);

    let mut profile = conformance::sinch::profile(&bearer);
    profile.xml = Some(|op| match op {
        "rci.users.create" => Some(XmlNames::object("person")),
        "rci.users.list" => None,
        other => conformance::sinch::xml_names(other),
    });
    let get = cases
        .iter_mut()
        .find(|c| c.op == "rci.users.get")
        .expect("registered");
    get.run = |ctx| {
        Box::pin(async move {
            // Ignores the run's format: always JSON.
            let c = sinch_rci::RciClient::builder()
                .base_url(&ctx.base_url)
                .allow_http(true)
                .bearer(TOKEN)
                .build()
                .map_err(conformance::sdk)?;
            let u = c
                .users()
                .get(ctx.p("userId"))
                .await
                .map_err(conformance::sdk)?;
            ctx.value(&u)
        })
    };
    let report = run_with(&catalog, &cases, &profile).await;
    let why = |op: &str| {
        report
            .failed
            .iter()
            .find(|(o, _)| o == op)
            .map(|(_, w)| w.clone())
            .unwrap_or_default()
    };
    assert!(
        why("rci.users.create").contains("XML root <user> != <person>"),
        "{}",
        why("rci.users.create")
    );
    assert!(
        why("rci.users.get").starts_with("[xml]"),
        "{}",
        why("rci.users.get")
    );
    assert!(
        why("rci.users.list").contains("no XML element names"),
        "{}",
        why("rci.users.list")
    );
    assert_eq!(report.passed, vec!["rci.users.delete".to_owned()]);
}

/// For CPaaS the harness catches a form body other than the documented one, a form key that
/// is no field of the request, a wrong basic credential, a client that stays in JSON in an
/// XML run, and a list that leaves out the example's date range.
#[tokio::test]
async fn the_harness_checks_cpaas_forms_credentials_and_formats() {
    use conformance::cpaas::{ACCOUNT_SID, client};
    use conformance::sdk;
    use cpaas::accounts::AccountUpdate;
    use cpaas::calls::{CallFilter, SendDigits};

    let catalog = Catalog::load("cpaas.json");
    let picked = [
        "cpaas.accounts.get",
        "cpaas.accounts.update",
        "cpaas.calls.interrupt",
        "cpaas.calls.list",
        "cpaas.sip.credential_lists.get",
    ];
    let mut cases: Vec<Case> = conformance::cpaas::cases()
        .into_iter()
        .filter(|c| picked.contains(&c.op))
        .collect();
    let profile = conformance::cpaas::profile();
    let report = run_with(&catalog, &cases, &profile).await;
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    assert_eq!(report.passed.len(), picked.len());
    assert_eq!(report.xml.len(), picked.len(), "{:?}", report.xml);

    let case = |cases: &mut Vec<Case>, op: &str| -> usize {
        cases.iter().position(|c| c.op == op).expect("registered")
    };
    // Another name than the documented example's.
    let i = case(&mut cases, "cpaas.accounts.update");
    cases[i].run = |ctx| {
        Box::pin(async move {
            let a = client(&ctx)?
                .account_sid(ctx.p("AccountSid"))
                .update(&AccountUpdate::new().friendly_name("Another name"))
                .await
                .map_err(sdk)?;
            ctx.value(&a)
        })
    };
    // Send Digits' form on Interrupt's endpoint: `PlayDtmf` is no field of Interrupt.
    let i = case(&mut cases, "cpaas.calls.interrupt");
    cases[i].run = |ctx| {
        Box::pin(async move {
            let call = client(&ctx)?
                .account_sid(ctx.p("AccountSid"))
                .calls()
                .send_digits(ctx.p("CallSid"), &SendDigits::new("1234#"))
                .await
                .map_err(sdk)?;
            ctx.value(&call)
        })
    };
    // Another AuthToken.
    let i = case(&mut cases, "cpaas.accounts.get");
    cases[i].run = |ctx| {
        Box::pin(async move {
            let c = cpaas::CpaasClient::builder()
                .base_url(&ctx.base_url)
                .allow_http(true)
                .basic(ACCOUNT_SID, "another-token")
                .build()
                .map_err(sdk)?;
            let a = c
                .account_sid(ctx.p("AccountSid"))
                .get()
                .await
                .map_err(sdk)?;
            ctx.value(&a)
        })
    };
    // No date range.
    let i = case(&mut cases, "cpaas.calls.list");
    cases[i].run = |ctx| {
        Box::pin(async move {
            let p = client(&ctx)?
                .account_sid(ctx.p("AccountSid"))
                .calls()
                .list(&CallFilter::new());
            let page = futures_util::StreamExt::next(&mut p.pages())
                .await
                .ok_or("no page")?
                .map_err(sdk)?;
            ctx.value(&page.items)
        })
    };
    // Ignores the run's format: always JSON.
    let i = case(&mut cases, "cpaas.sip.credential_lists.get");
    cases[i].run = |ctx| {
        Box::pin(async move {
            let c = cpaas::CpaasClient::builder()
                .base_url(&ctx.base_url)
                .allow_http(true)
                .basic(ACCOUNT_SID, TOKEN)
                .build()
                .map_err(sdk)?;
            let l = c
                .account_sid(ctx.p("AccountSid"))
                .sip()
                .credential_lists()
                .get(ctx.p("CLSid"))
                .await
                .map_err(sdk)?;
            ctx.value(&l)
        })
    };
    let report = run_with(&catalog, &cases, &profile).await;
    let why = |op: &str| {
        report
            .failed
            .iter()
            .find(|(o, _)| o == op)
            .map(|(_, w)| w.clone())
            .unwrap_or_default()
    };
    assert!(report.passed.is_empty(), "{:?}", report.passed);
    for (op, wanted) in [
        ("cpaas.accounts.update", "form body sent"),
        ("cpaas.calls.interrupt", "`PlayDtmf` is no field"),
        ("cpaas.accounts.get", "Authorization"),
        ("cpaas.calls.list", "query parameter StartTime"),
        ("cpaas.sip.credential_lists.get", "[xml]"),
    ] {
        assert!(why(op).contains(wanted), "{op}: {}", why(op));
    }

    // A server expecting another credential refuses every operation.
    let mut other = conformance::cpaas::profile();
    other.auth = "Basic b3RoZXI6Y3JlZGVudGlhbA==".to_owned();
    let report = run_with(&catalog, &conformance::cpaas::cases(), &other).await;
    assert!(report.passed.is_empty(), "{:?}", report.passed);
    assert_eq!(report.failed.len(), catalog.operations.len());
    assert!(
        report
            .failed
            .iter()
            .all(|(_, why)| why.contains("Authorization")),
        "{:?}",
        report.failed
    );
}

/// Every catalog operation is a visible function named after its id's last segment, whose
/// body holds the id: grep an id and you land on the function that sends it, not in a
/// table or a macro.
#[test]
fn every_operation_is_a_function_named_after_its_id() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let apis = [
        ("apio-callcenter.json", "apio-callcenter"),
        ("axp-voice.json", "axp-voice"),
        ("sinch-rci.json", "sinch-rci"),
        ("cpaas.json", "cpaas"),
    ];
    let mut missing = Vec::new();
    let mut found = 0;
    for (file, dir) in apis {
        let sources = rust_sources(&root.join(dir).join("src"));
        assert!(!sources.is_empty(), "no sources under {dir}/src");
        let catalog = Catalog::load(file);
        for op in &catalog.operations {
            let id = op["id"].as_str().expect("an id");
            let last = id.rsplit('.').next().expect("a segment");
            let literal = format!("\"{id}\"");
            let homes: Vec<String> = sources
                .iter()
                .flat_map(|(path, text)| {
                    text.match_indices(&literal)
                        .map(move |(at, _)| (path, enclosing_fn(&text[..at])))
                })
                .map(|(path, f)| format!("{} in {f:?}", path.display()))
                .collect();
            let home = sources.iter().any(|(_, text)| {
                text.match_indices(&literal)
                    .any(|(at, _)| enclosing_fn(&text[..at]) == Some(("pub", last.to_owned())))
            });
            if home {
                found += 1;
            } else {
                missing.push(format!("{id}: {homes:?}"));
            }
        }
    }
    println!(
        "operations found in their named functions: {found}/{}",
        found + missing.len()
    );
    assert!(
        missing.is_empty(),
        "not in a pub fn named after the id:\n{}",
        missing.join("\n")
    );
}

/// The `.rs` files below `dir` (the simulator's excluded: it serves operations, it does
/// not send them), with their text.
fn rust_sources(dir: &std::path::Path) -> Vec<(std::path::PathBuf, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("a source folder") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                if path.file_name().is_some_and(|n| n != "sim") {
                    stack.push(path);
                }
            } else if path.extension().is_some_and(|e| e == "rs")
                && path.file_name().is_some_and(|n| n != "sim.rs")
            {
                let text = std::fs::read_to_string(&path).expect("a source file");
                out.push((path, text));
            }
        }
    }
    out
}

/// The last function declared before the end of `before`: its visibility (`pub` or
/// `private`) and its name.
fn enclosing_fn(before: &str) -> Option<(&'static str, String)> {
    before.lines().rev().find_map(|line| {
        let line = line.trim_start();
        let (visibility, rest) = match line.strip_prefix("pub ") {
            Some(rest) => ("pub", rest),
            None => ("private", line.split_once(") ").map_or(line, |(_, r)| r)),
        };
        let rest = rest.strip_prefix("async ").unwrap_or(rest);
        let name: String = rest
            .strip_prefix("fn ")?
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        Some((visibility, name))
    })
}
