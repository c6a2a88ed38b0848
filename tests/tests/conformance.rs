//! Wire conformance of every crate against the endpoint catalog.

use conformance::{Case, Catalog, ENFORCED, TOKEN, run};

struct Api {
    file: &'static str,
    cases: fn() -> Vec<Case>,
    auth: String,
}

fn none() -> Vec<Case> {
    Vec::new()
}

#[tokio::test]
async fn every_catalog_operation_conforms() {
    let bearer = format!("Bearer {TOKEN}");
    let apis = [
        Api {
            file: "apio-callcenter.json",
            cases: conformance::apio::cases,
            auth: bearer.clone(),
        },
        Api {
            file: "axp-voice.json",
            cases: conformance::axp::cases,
            auth: bearer.clone(),
        },
        Api {
            file: "sinch-rci.json",
            cases: none,
            auth: bearer.clone(),
        },
        Api {
            file: "cpaas.json",
            cases: none,
            auth: bearer.clone(),
        },
    ];
    let mut failures = Vec::new();
    for api in &apis {
        let catalog = Catalog::load(api.file);
        let report = run(&catalog, &(api.cases)(), &api.auth).await;
        let total = catalog.operations.len();
        println!(
            "conformance: {} {}/{} operations",
            catalog.api,
            report.passed.len(),
            total
        );
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
