//! The simulator of the APIO call-center API (feature `simulator`): a stateful fake on
//! `127.0.0.1` for examples and for testing your own provisioning code without a server.
//!
//! It stores call centers per tenant and group, answers `get`/`create`/`modify` wrapped in
//! `callCenterInstance` and the list as `{"call_centers": [...]}` summaries, merges partial
//! modifies, never returns passwords, refuses a create without `serviceInstanceProfile.name`
//! or `policy` (400), a duplicate service user id (409), and answers 404 after a delete.
//! Faults can be injected through [`Simulator::inject`](sdk_core::sim::Simulator::inject).
//!
//! `TESTING.md`, at the root of the workspace, shows how to test your own code against it,
//! with a complete example per vendor.
//!
//! ```
//! use apio_callcenter::call_centers::{NewCallCenter, Policy, ServiceInstanceProfile};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), sdk_core::Error> {
//! let sim = apio_callcenter::sim::start().await?;
//! let client = apio_callcenter::sim::client(&sim)?;
//! let centers = client.tenant("acme").group("support").call_centers();
//! let cc = centers
//!     .create(&NewCallCenter::new(ServiceInstanceProfile::named("Helpdesk"), Policy::Regular)
//!         .service_user_id("helpdesk@sip.example.com"))
//!     .await?;
//! assert_eq!(centers.list().await?.len(), 1);
//! centers.delete(&cc.service_user_id).await?;
//! assert!(centers.get(&cc.service_user_id).await.unwrap_err().is_not_found());
//! # Ok(()) }
//! ```
//!
//! # What the simulator stores
//!
//! | resource | model | `parents` |
//! | --- | --- | --- |
//! | `call_centers` | [`CallCenter`](crate::call_centers::CallCenter) | `&[tenant_id, group_id]` |
//!
//! The store holds each call center bare, as [`CallCenter`](crate::call_centers::CallCenter)
//! reads it (the answers wrap it in `callCenterInstance`; the list shows a summary of it),
//! with the password it was created with (never answered) and, once
//! [`set_active_status`](crate::call_centers::CallCenters::set_active_status) changed it, an `active` flag (in
//! [`unknown_fields`](crate::call_centers::CallCenter#structfield.unknown_fields)). It
//! implements [`Simulated`], so a test seeds call centers with [`Simulator::seed_item`] and
//! reads the store back with [`Simulator::items`] and [`Simulator::item`]. A seeded call
//! center is stored as it is: nothing is checked but its `serviceUserId`, which is
//! generated (`cc…`) when empty and refused when taken.
//!
//! ```
//! use apio_callcenter::call_centers::CallCenter;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let sim = apio_callcenter::sim::start().await?;
//! let client = apio_callcenter::sim::client(&sim)?;
//! let existing: CallCenter = serde_json::from_value(serde_json::json!({
//!     "serviceUserId": "sales@sip.example.com",
//!     "serviceInstanceProfile": {"name": "Sales"},
//!     "policy": "Circular",
//! }))?;
//! sim.seed_item(&["acme", "support"], &existing)?;
//!
//! let centers = client.tenant("acme").group("support").call_centers();
//! assert_eq!(centers.get("sales@sip.example.com").await?, existing);
//! assert_eq!(sim.items::<CallCenter>(&["acme", "support"])?, [existing]);
//! # Ok(()) }
//! ```

/// The engine's types a test of this simulator names, so the crate is enough.
pub use sdk_core::sim::{Fault, RecordedRequest, RetryAfter, Simulator};
use serde_json::{Value, json};

use sdk_core::Method;
use sdk_core::sim::{Api, IdStyle, ListStyle, Reply, Resource, Simulated, UpdateMode};

use crate::ApioClient;

const COLLECTION: &str = "/tenants/{tenant_id}/groups/{group_id}/services/call_centers/";

/// The description of the APIO call-center API for the `sdk-core` simulator.
pub fn api() -> Api {
    Api::new("apio-callcenter")
        .base_path("/api/v1")
        .resource(
            Resource::new("call_centers", COLLECTION)
                .trailing_slash(true)
                .id_field("serviceUserId")
                .generate_id(IdStyle::Prefixed("cc"))
                .required(&[
                    "serviceInstanceProfile",
                    "serviceInstanceProfile.name",
                    "policy",
                ])
                .write_only(&["serviceInstanceProfile.password", "templateName"])
                .item_wrapper("callCenterInstance")
                .update(UpdateMode::Merge)
                .create_status(200)
                .update_status(200)
                .delete_status(200)
                .list(ListStyle::Wrapped("call_centers"))
                .list_view(summary),
        )
        .action(
            Method::PUT,
            "/tenants/{tenant_id}/groups/{group_id}/services/call_centers/active_instance/",
            |store, req| {
                let params = [
                    req.param("tenant_id").unwrap_or(""),
                    req.param("group_id").unwrap_or(""),
                ];
                let Some(services) = req.body.get("services").and_then(Value::as_array) else {
                    return Reply::error(
                        400,
                        "VALIDATION_ERROR",
                        "missing required field `services`",
                    );
                };
                for s in services {
                    let (Some(id), Some(active)) = (
                        s.get("serviceUserId").and_then(Value::as_str),
                        s.get("active").and_then(Value::as_bool),
                    ) else {
                        return Reply::error(
                            400,
                            "VALIDATION_ERROR",
                            "each service needs serviceUserId and active",
                        );
                    };
                    match store.get_mut("call_centers", &params, id) {
                        Some(Value::Object(cc)) => {
                            cc.insert("active".into(), Value::Bool(active));
                        }
                        _ => {
                            return Reply::error(
                                404,
                                "NOT_FOUND",
                                format!("call center `{id}` not found"),
                            );
                        }
                    }
                }
                Reply::json(200, &json!({}))
            },
        )
}

/// The list answer's summary of a stored call center: profile fields flattened, `active`
/// (true unless deactivated).
fn summary(cc: &Value) -> Value {
    let profile = &cc["serviceInstanceProfile"];
    let mut out = json!({
        "serviceUserId": cc["serviceUserId"],
        "name": profile.get("name").cloned().unwrap_or(json!("")),
        "phoneNumber": profile.get("phoneNumber").cloned().unwrap_or(json!("")),
        "extension": profile.get("extension").cloned().unwrap_or(json!("")),
        "active": cc.get("active").cloned().unwrap_or(json!(true)),
    });
    for key in ["policy", "type"] {
        if let Some(v) = cc.get(key) {
            out[key] = v.clone();
        }
    }
    if let Some(d) = profile.get("department") {
        out["department"] = d.clone();
    }
    out
}

/// Starts the simulator on a free loopback port.
///
/// # Errors
///
/// A transport error when no port can be bound.
pub async fn start() -> sdk_core::Result<Simulator> {
    Simulator::start(api()).await
}

/// A client of `sim`, with no credentials (the simulator checks none).
///
/// Built by [`Simulator::client_builder`]: every request names its catalog operation (see
/// [`Simulator::requests`], [`Fault::operation`](sdk_core::sim::Fault::operation)) and
/// waits poll every few milliseconds.
///
/// # Errors
///
/// Only if the simulator's URL were invalid.
pub fn client(sim: &Simulator) -> sdk_core::Result<ApioClient> {
    sim.client_builder::<ApioClient>().no_auth().build()
}

impl Simulated for crate::call_centers::CallCenter {
    const RESOURCE: &'static str = "call_centers";
}
