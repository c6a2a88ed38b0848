//! The registry of `sinch-rci`: one closure per catalog operation, one file per family,
//! each with the XML element names of the operation (the XML run of the harness).

use futures_util::StreamExt;
use sdk_core::Paginator;
use serde::Serialize;
use serde_json::Value;
use sinch_rci::common::Sort;
use sinch_rci::{RciClient, WireFormat};

use crate::{Case, Ctx, Profile, XmlNames, sdk};

mod catalogues;
mod groups;
mod messaging;
mod queues;
mod users;

/// A registry entry: the case and the XML element names of its bodies.
pub(crate) type Entry = (Case, Option<XmlNames>);

/// Declares an [`Entry`]: `entry!("op", round_trip, xml, |ctx, c| { ... })` where `c` is a
/// client of the mock server in the run's format.
macro_rules! entry {
    ($op:literal, $rt:expr, $xml:expr, |$ctx:ident, $c:ident| $body:block) => {
        (
            $crate::Case {
                op: $op,
                round_trip: $rt,
                run: |$ctx| {
                    Box::pin(async move {
                        let $c = $crate::sinch::client(&$ctx)?;
                        $body
                    })
                },
            },
            $xml,
        )
    };
}
pub(crate) use entry;

/// A client of the mock server, speaking XML when the run does.
pub(crate) fn client(ctx: &Ctx) -> Result<RciClient, String> {
    let c = RciClient::builder()
        .base_url(&ctx.base_url)
        .allow_http(true)
        .bearer(crate::TOKEN)
        .http_client(crate::http())
        .build()
        .map_err(sdk)?;
    Ok(c.with_format(if ctx.xml {
        WireFormat::Xml
    } else {
        WireFormat::Json
    }))
}

/// The first page of an offset/limit list, at the example's offset and limit, serialised.
pub(crate) async fn first_page<T: Serialize + sdk_core::paging::Listed>(
    ctx: &Ctx,
    paginator: Paginator<T>,
) -> crate::Outcome {
    let mut p = paginator;
    if let Some(n) = ctx.query.get("limit").and_then(Value::as_u64) {
        p = p.page_size(u32::try_from(n).map_err(|e| e.to_string())?);
    }
    if let Some(n) = ctx.query.get("offset").and_then(Value::as_u64) {
        p = p.start_at(n);
    }
    let page = p.pages().next().await.ok_or("no page")?.map_err(sdk)?;
    ctx.value(&page.items)
}

/// The example's sort, typed.
pub(crate) fn sort(ctx: &Ctx) -> Result<Option<Sort>, String> {
    ctx.q("sort")
        .map(|s| s.parse::<Sort>().map_err(sdk))
        .transpose()
}

/// An empty answer, for operations that return `()`.
pub(crate) fn nothing() -> crate::Outcome {
    Ok(Value::Null)
}

/// The example values of path parameters: ids from the document's examples (a queue group
/// by its dashed GUID, a time zone by its IANA name, which travels as `Europe%2FHelsinki`).
pub fn path_param(name: &str) -> String {
    match name {
        "userId" => "E936C474B22311D38FBE0090279A922E",
        "userGroupId" => "7B9ED6753BCD460C98501E9FD1C02002",
        "roleId" => "2CADB6A137124F13BC68938E2B5FEFC1",
        "skillId" => "175A098FEDDB41EB8839AACBAB26A0B6",
        "certificateId" => "5D3A260F9F1D4BBFA5A3ADACFFE6C97B",
        "queueId" => "B8F0CA9CFC0411D3A2230050DA29E0F4",
        "extensionId" => "A8F2AC742E914654B9AB5F420406B828",
        "queueGroupId" => "2CADB6A1-3712-4F13-BC68-938E2B5FEFC1",
        "timeZoneId" => "Europe/Helsinki",
        other => {
            // 32 uppercase hex characters made of the name's bytes.
            return other
                .bytes()
                .cycle()
                .take(16)
                .map(|b| format!("{b:02X}"))
                .collect();
        }
    }
    .to_owned()
}

fn all() -> Vec<Entry> {
    [
        users::entries(),
        queues::entries(),
        groups::entries(),
        catalogues::entries(),
        messaging::entries(),
    ]
    .concat()
}

/// Every operation of the Sinch catalog.
pub fn cases() -> Vec<Case> {
    all().into_iter().map(|(case, _)| case).collect()
}

/// The XML element names of an operation.
pub fn xml_names(op: &str) -> Option<XmlNames> {
    all()
        .into_iter()
        .find(|(c, _)| c.op == op)
        .and_then(|(_, x)| x)
}

/// How the harness runs Sinch: the path ids above, every operation with a body in XML too.
pub fn profile(auth: impl Into<String>) -> Profile {
    Profile {
        auth: auth.into(),
        path_param,
        xml: Some(xml_names),
    }
}
