//! Dialogflow agents.

use cpaas::agents::AgentProfileUpdate;

use super::{Entry, entry, first_page};
use crate::{RoundTrip, XmlNames, sdk};

const AGENT: Option<XmlNames> = Some(XmlNames::object("Agent"));

pub(crate) fn entries() -> Vec<Entry> {
    vec![
        entry!(
            "cpaas.agents.list",
            RoundTrip::At("/agents"),
            Some(XmlNames::list("Agents", "Agent")),
            |ctx, c| {
                let p = c.account_sid(ctx.p("AccountSid")).agents().list();
                first_page(&ctx, p).await
            }
        ),
        entry!(
            "cpaas.agents.get_profile",
            RoundTrip::At(""),
            AGENT,
            |ctx, c| {
                let p = c
                    .account_sid(ctx.p("AccountSid"))
                    .agents()
                    .get_profile(ctx.p("AgentSid"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&p)
            }
        ),
        entry!(
            "cpaas.agents.update_profile",
            RoundTrip::At(""),
            AGENT,
            |ctx, c| {
                // No example in the catalog.
                let u = AgentProfileUpdate::new()
                    .friendly_name("Helpbot")
                    .timeout(10u32);
                let p = c
                    .account_sid(ctx.p("AccountSid"))
                    .agents()
                    .update_profile(ctx.p("AgentSid"), &u)
                    .await
                    .map_err(sdk)?;
                ctx.value(&p)
            }
        ),
    ]
}
