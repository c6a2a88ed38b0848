//! The APIO story: create a call center, modify it, list the group's call centers, delete
//! it.

use apio_callcenter::ApioClient;
use apio_callcenter::call_centers::{
    CallCenterUpdate, NewCallCenter, Policy, ServiceInstanceProfile,
};
use sdk_core::Error;

/// Runs the story in `tenant`/`group` with the call center `id`, returning the lines it
/// reports.
///
/// # Errors
///
/// The first failing call.
pub async fn run(
    client: &ApioClient,
    tenant: &str,
    group: &str,
    id: &str,
) -> Result<Vec<String>, Error> {
    let centers = client.tenant(tenant).group(group).call_centers();
    let mut out = Vec::new();

    let mut profile = ServiceInstanceProfile::named("Helpdesk");
    profile.language = Some("English".into());
    let created = centers
        .create(&NewCallCenter::new(profile, Policy::Regular).service_user_id(id))
        .await?;
    out.push(format!("created {}", created.service_user_id));

    let changed = centers
        .modify(
            &created.service_user_id,
            &CallCenterUpdate::default().queue_length(25),
        )
        .await?;
    out.push(format!(
        "modified {}: queue length {}",
        changed.service_user_id,
        changed.settings.queue_length.unwrap_or_default()
    ));

    for cc in centers.list().await? {
        out.push(format!(
            "listed {} active={}",
            cc.service_user_id,
            cc.active.unwrap_or(true)
        ));
    }

    // The id to use from here on is the answer's: some servers rename on modify.
    centers.delete(&changed.service_user_id).await?;
    out.push(format!("deleted {}", changed.service_user_id));
    Ok(out)
}
