//! The account: view and update.

use cpaas::accounts::AccountUpdate;

use super::{Entry, entry};
use crate::{RoundTrip, XmlNames, sdk};

const ACCOUNT: Option<XmlNames> = Some(XmlNames::object("Account"));

pub(crate) fn entries() -> Vec<Entry> {
    vec![
        entry!(
            "cpaas.accounts.get",
            RoundTrip::At(""),
            ACCOUNT,
            |ctx, c| {
                let a = c
                    .account_sid(ctx.p("AccountSid"))
                    .get()
                    .await
                    .map_err(sdk)?;
                ctx.value(&a)
            }
        ),
        entry!(
            "cpaas.accounts.update",
            RoundTrip::At(""),
            ACCOUNT,
            |ctx, c| {
                let req: AccountUpdate = ctx.request()?;
                let a = c
                    .account_sid(ctx.p("AccountSid"))
                    .update(&req)
                    .await
                    .map_err(sdk)?;
                ctx.value(&a)
            }
        ),
    ]
}
