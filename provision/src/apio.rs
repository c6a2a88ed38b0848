//! The `[apio]` section: Netaxis APIO call-center service instances.
//!
//! ```toml
//! [apio]
//! tenant = "acme"          # the tenant (service provider or enterprise)
//! group = "support"        # and its group, which holds the call centers
//!
//! [[apio.call_centers]]    # by service user id
//! serviceUserId = "support@sip.example.com"
//! policy = "Circular"
//! type = "Premium"
//! queueLength = 10
//! serviceInstanceProfile = { name = "Support line", password = "...", language = "English" }
//! ```
//!
//! A call center is the create request of the API: its service user id, its profile and
//! policy, and any of the settings a modify takes (`routingType`, `wrapUpSeconds`, ...).
//! The service user id is its natural key, chosen here (a call center whose id the
//! server would generate cannot be found again). The profile's password is sent when the
//! call center is created and never after (the service does not show it, so it cannot be
//! compared), and never printed. A call center needs nothing else of the file, so the
//! section has one kind.

use apio_callcenter::ApioClient;
use apio_callcenter::call_centers::CallCenterDescription;
use serde::Deserialize;
use toml::Spanned;

use crate::engine::Run;
use crate::file::{Entry, FileError, Item, Source, unique};

/// The `[apio]` section as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Raw {
    tenant: String,
    group: String,
    #[serde(default)]
    call_centers: Vec<Spanned<CallCenterDescription>>,
}

/// The `[apio]` section, checked.
#[derive(Debug, Clone)]
pub struct Apio {
    /// The tenant.
    pub tenant: String,
    /// The group of the tenant that holds the call centers.
    pub group: String,
    /// Call centers, by service user id.
    pub call_centers: Vec<Item<CallCenterDescription>>,
}

/// The settings of a call center are its own top-level fields: what the description does
/// not name is left out of it, and [`Source::item`] refuses it. The profile's own unknown
/// fields are checked in [`check`].
impl Entry for CallCenterDescription {}

pub(crate) fn check(source: &Source<'_>, raw: Raw) -> Result<Apio, FileError> {
    let mut call_centers = Vec::new();
    for (i, center) in raw.call_centers.into_iter().enumerate() {
        let span = center.span();
        let item = source.item(center, &["apio", "call_centers", &i.to_string()], &[])?;
        let profile = &item.value.service_instance_profile;
        source.nested_unknown(
            span.clone(),
            "serviceInstanceProfile",
            &profile.unknown_fields,
        )?;
        if let Some(department) = &profile.department {
            source.nested_unknown(
                span,
                "serviceInstanceProfile.department",
                &department.unknown_fields,
            )?;
        }
        call_centers.push(item);
    }
    unique(source, &call_centers)?;
    Ok(Apio {
        tenant: raw.tenant,
        group: raw.group,
        call_centers,
    })
}

impl Apio {
    /// How many resources the section describes.
    pub fn len(&self) -> usize {
        self.call_centers.len()
    }

    /// `true` when the section describes nothing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

pub(crate) async fn run(run: &Run<'_>, client: &ApioClient, apio: &Apio) {
    let centers: Vec<CallCenterDescription> =
        apio.call_centers.iter().map(|c| c.value.clone()).collect();
    let scope = client
        .tenant(&apio.tenant)
        .group(&apio.group)
        .call_centers();
    run.kind("apio", None, client.transport(), &scope, &centers, true)
        .await;
}
