//! Sends an SMS and lists last month's calls, against the simulator unless
//! `CPAAS_ACCOUNT_SID` and `CPAAS_AUTH_TOKEN` are set (then against the US region).
//!
//! ```text
//! cargo run -p cpaas --example sms_and_last_months_calls --features simulator
//! ```

use std::time::Duration;

use chrono::{Datelike, Utc};
use cpaas::calls::CallFilter;
use cpaas::sim::{self, Family};
use cpaas::sms::SendSms;
use cpaas::{CpaasClient, DateFilter, PollPolicy, Region};
use sdk_core::futures_util::TryStreamExt;

#[tokio::main]
async fn main() -> Result<(), sdk_core::Error> {
    let today = Utc::now().date_naive();
    let last_month = DateFilter::month_before(today);

    let real = std::env::var("CPAAS_ACCOUNT_SID")
        .ok()
        .zip(std::env::var("CPAAS_AUTH_TOKEN").ok());
    let (client, _sim) = match real {
        Some((sid, token)) => (CpaasClient::new(Region::Us, sid, token)?, None),
        None => {
            let sim = sim::start().await?;
            // Some history: three calls last month, one this month.
            let (y, m) = if today.month() == 1 {
                (today.year() - 1, 12)
            } else {
                (today.year(), today.month() - 1)
            };
            for day in [3, 14, 27] {
                sim::seed(
                    &sim,
                    Family::Calls,
                    "ACexample",
                    serde_json::json!({
                        "status": "completed", "from": "+12223334444", "to": "+15556667777",
                        "start_time": format!("{y}-{m:02}-{day:02}T09:30:00Z"), "duration": 95,
                    }),
                );
            }
            sim::seed(
                &sim,
                Family::Calls,
                "ACexample",
                serde_json::json!({
                    "status": "completed", "start_time": format!("{today}T08:00:00Z"),
                }),
            );
            (sim::client(&sim, "ACexample")?, Some(sim))
        }
    };
    let account = client.account();

    let sent = account
        .sms()
        .send(&SendSms::new(
            "+12223334444",
            "+15556667777",
            "Hello from the cpaas crate",
        ))
        .await?
        .policy(PollPolicy::default().initial_delay(Duration::from_millis(200)))
        .wait()
        .await?;
    println!("SMS {} is {:?}", sent.id.sid, sent.status);

    let filter = CallFilter::new().start_time(last_month);
    let mut calls = account.calls().list(&filter).items();
    let mut n = 0;
    while let Some(call) = calls.try_next().await? {
        n += 1;
        println!(
            "{} {:?} -> {:?} {:?} {}s",
            call.start_time
                .as_ref()
                .map(|t| t.to_string())
                .unwrap_or_default(),
            call.from,
            call.to,
            call.status,
            call.duration.as_ref().and_then(|d| d.get()).unwrap_or(0),
        );
    }
    println!("{n} calls last month");
    Ok(())
}
