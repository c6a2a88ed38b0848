//! Create a group's call centers on APIO, adjust them, and deactivate the ones not needed.
//!
//! Runs against the APIO simulator unless these are set:
//!
//! - `APIO_BASE_URL`: the APIO host, e.g. `https://apio.example.com`
//! - `APIO_TOKEN`: a bearer token (APIO documents no scheme; use what your deployment takes)
//! - `APIO_TENANT`, `APIO_GROUP`: where to provision (default `acme` / `support`)
//!
//! ```sh
//! cargo run -p examples --bin provision_call_centers
//! ```

use apio_callcenter::ApioClient;
use apio_callcenter::call_centers::{
    ActiveStatus, CallCenterUpdate, NewCallCenter, Policy, ServiceInstanceProfile,
};
use examples::env;

#[tokio::main]
async fn main() -> Result<(), sdk_core::Error> {
    let (client, _simulator) = match env("APIO_BASE_URL") {
        Some(url) => {
            let token = env("APIO_TOKEN").ok_or_else(|| {
                sdk_core::Error::invalid_input("APIO_TOKEN", "required with APIO_BASE_URL")
            })?;
            (
                ApioClient::builder().base_url(url).bearer(token).build()?,
                None,
            )
        }
        None => {
            let sim = apio_callcenter::sim::start().await?;
            (apio_callcenter::sim::client(&sim)?, Some(sim))
        }
    };
    let tenant = env("APIO_TENANT").unwrap_or_else(|| "acme".into());
    let group = env("APIO_GROUP").unwrap_or_else(|| "support".into());
    let centers = client.tenant(&tenant).group(&group).call_centers();

    for (id, name) in [
        ("helpdesk@sip.example.com", "Helpdesk"),
        ("billing@sip.example.com", "Billing"),
        ("night@sip.example.com", "Night line"),
    ] {
        let cc = centers
            .create(
                &NewCallCenter::new(ServiceInstanceProfile::named(name), Policy::Regular)
                    .service_user_id(id),
            )
            .await?;
        println!("created {}", cc.service_user_id);
    }
    let changed = centers
        .modify(
            "helpdesk@sip.example.com",
            &CallCenterUpdate::default().queue_length(25),
        )
        .await?;
    println!(
        "{} queue length {:?}",
        changed.service_user_id, changed.settings.queue_length
    );

    centers
        .set_active_status(&[ActiveStatus::new("night@sip.example.com", false)])
        .await?;
    for cc in centers.list().await? {
        println!(
            "{:<28} active={}",
            cc.service_user_id,
            cc.active.unwrap_or(true)
        );
    }
    Ok(())
}
