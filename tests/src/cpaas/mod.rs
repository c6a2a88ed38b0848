//! The registry of `cpaas`: one closure per catalog operation, one file per family, each
//! with the XML element names of the operation's answer.
//!
//! Every operation runs twice: in JSON (`.json` paths) and in XML (`.xml` paths, answers
//! under `<Response>` in CamelCase, a list's paging values as attributes of the list
//! element), decoded into the same model types. Most answers are built from the fields the
//! catalog lists; request bodies are forms; every request carries the basic credential
//! [`BASIC`].

use futures_util::StreamExt;
use serde::Serialize;

use cpaas::paging::Listed;
use cpaas::wire::Timestamp;
use cpaas::{CpaasClient, DateFilter, Paginator, ResponseFormat};

use crate::{Case, Ctx, Profile, XmlNames, sdk};

mod accounts;
mod agents;
mod applications;
mod calls;
mod conferences;
mod fraud;
mod lookups;
mod mms;
mod notifications;
mod numbers;
mod recordings;
mod sip;
mod sms;
mod transcriptions;
mod usages;

/// The AccountSid of the credentials and of every path (34 characters, as the document's
/// sids are).
pub const ACCOUNT_SID: &str = "AC0123456789abcdef0123456789abcdef";

/// The `Authorization` header every CPaaS request must carry:
/// `Basic base64("{ACCOUNT_SID}:{TOKEN}")`.
pub const BASIC: &str =
    "Basic QUMwMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZjpjb25mb3JtYW5jZS10b2tlbg==";

/// A registry entry: the case and the XML element names of its answer.
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
                        let $c = $crate::cpaas::client(&$ctx)?;
                        $body
                    })
                },
            },
            $xml,
        )
    };
}
pub(crate) use entry;

/// A client of the mock server with the conformance credentials, in the run's format.
///
/// # Errors
///
/// The builder's error, as a harness failure.
pub fn client(ctx: &Ctx) -> Result<CpaasClient, String> {
    CpaasClient::builder()
        .base_url(&ctx.base_url)
        .allow_http(true)
        .basic(ACCOUNT_SID, crate::TOKEN)
        .format(if ctx.xml {
            ResponseFormat::Xml
        } else {
            ResponseFormat::Json
        })
        .http_client(crate::http())
        .build()
        .map_err(sdk)
}

/// The items of the first page of a zero-indexed list (of `PageSize` items when the
/// example gives one), serialised.
pub(crate) async fn first_page<T: Listed + Serialize>(
    ctx: &Ctx,
    paginator: Paginator<T>,
) -> crate::Outcome {
    let mut p = paginator;
    if let Some(n) = ctx.q("PageSize").and_then(|v| v.parse::<u32>().ok()) {
        p = p.page_size(n);
    }
    let page = p.pages().next().await.ok_or("no page")?.map_err(sdk)?;
    ctx.value(&page.items)
}

/// The example's date filter `name` (`name>=` and `name<=` in the example query, the
/// operator being part of the key), `None` when the example has neither.
pub(crate) fn date_filter(ctx: &Ctx, name: &str) -> Result<Option<DateFilter>, String> {
    let day = |op: &str| {
        ctx.q(&format!("{name}{op}"))
            .map(|text| {
                Timestamp::parse(text.as_str())
                    .at()
                    .map(|t| t.date_naive())
                    .ok_or_else(|| format!("`{name}{op}{text}` is no date"))
            })
            .transpose()
    };
    Ok(match (day(">=")?, day("<=")?) {
        (Some(first), Some(last)) => Some(DateFilter::between(first, last).map_err(sdk)?),
        (Some(first), None) => Some(DateFilter::since(first)),
        (None, Some(last)) => Some(DateFilter::until(last)),
        (None, None) => None,
    })
}

/// The example value of a path parameter: 34-character sids with the document's prefixes.
pub fn path_param(name: &str) -> String {
    let prefix = match name {
        "AccountSid" => return ACCOUNT_SID.to_owned(),
        "CallSid" => "CA",
        "SMSMessageSid" => "SM",
        "MMSSid" => "MM",
        "UsageSid" => "US",
        "RecordingSid" => "RE",
        "NotificationSid" => "NO",
        "ConferenceSid" => "CF",
        "ParticipantSid" => "CA",
        "ApplicationSid" => "AP",
        "TranscriptionSid" => "TR",
        "IncomingNumberSid" | "IncomingPhoneNumberSid" => "PN",
        "Country" => return "US".to_owned(),
        "Type" | "NumberType" => return "Local".to_owned(),
        "CountryCode" => return "DE".to_owned(),
        "AgentSid" => "AG",
        "DomainSid" => "DO",
        "CLSid" => "CL",
        "CredentialSid" => "CR",
        "IpAccessControlListSid" | "AclSid" | "ALSid" => "AL",
        "IpSid" => "IP",
        _ => return crate::default_path_param(name),
    };
    format!("{prefix}9876543210fedcba9876543210fedcba")
}

fn all() -> Vec<Entry> {
    [
        calls::entries(),
        recordings::entries(),
        transcriptions::entries(),
        notifications::entries(),
        conferences::entries(),
        applications::entries(),
        numbers::entries(),
        lookups::entries(),
        fraud::entries(),
        agents::entries(),
        sip::entries(),
        sms::entries(),
        mms::entries(),
        usages::entries(),
        accounts::entries(),
    ]
    .concat()
}

/// Every operation of the CPaaS catalog (100).
pub fn cases() -> Vec<Case> {
    all().into_iter().map(|(case, _)| case).collect()
}

/// The XML element names of an operation's answer (`<Response><Call>`, or
/// `<Response><Calls ...><Call>` for a list).
pub fn xml_names(op: &str) -> Option<XmlNames> {
    all()
        .into_iter()
        .find(|(c, _)| c.op == op)
        .and_then(|(_, x)| x)
}

/// How the harness runs CPaaS: basic credentials, the sids above, every operation in XML
/// too once the harness switches the path suffix to `.xml` for XML runs.
pub fn profile() -> Profile {
    Profile {
        auth: BASIC.to_owned(),
        path_param,
        xml: Some(xml_names),
    }
}
