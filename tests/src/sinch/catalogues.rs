//! The read-only catalogues: time zones, presence profiles, audio prompts, contact-panel
//! extensions, reply templates (and attachments), custom IVRs (source code, attributes).

use sinch_rci::attributes::NewAttribute;
use sinch_rci::audio_prompts::AudioPromptQuery;
use sinch_rci::cp_extensions::CpExtensionQuery;
use sinch_rci::custom_ivrs::CustomIvrQuery;
use sinch_rci::prs_profiles::PrsProfileQuery;
use sinch_rci::reply_templates::ReplyTemplateQuery;
use sinch_rci::time_zones::TimeZoneQuery;

use super::queues::{ATTRIBUTE, ATTRIBUTES, attribute_query};
use super::{Entry, entry, first_page, sort};
use crate::{RoundTrip, XmlNames, sdk};

const TIME_ZONE: Option<XmlNames> = Some(XmlNames::object("timeZone"));
const PRS_PROFILE: Option<XmlNames> = Some(XmlNames::object("prsProfile"));
const AUDIO_PROMPT: Option<XmlNames> = Some(XmlNames::object("audioPrompt"));
const CP_EXTENSION: Option<XmlNames> = Some(XmlNames::object("cpExtension"));
const REPLY_TEMPLATE: Option<XmlNames> = Some(XmlNames::object("replyTemplate"));
const ATTACHMENT: Option<XmlNames> = Some(XmlNames::object("attachment"));
const CUSTOM_IVR: Option<XmlNames> = Some(XmlNames::object("customIvr"));
const SOURCE_CODE: Option<XmlNames> = Some(XmlNames::object("sourceCode"));

pub(crate) fn entries() -> Vec<Entry> {
    vec![
        entry!(
            "rci.time_zones.list",
            RoundTrip::At(""),
            Some(XmlNames::list("timeZones", "timeZone")),
            |ctx, c| {
                let mut q = TimeZoneQuery::new();
                if let Some(v) = ctx.q("id") {
                    q = q.id(v);
                }
                if let Some(s) = sort(&ctx)? {
                    q = q.sort(s);
                }
                first_page(&ctx, c.time_zones().list(&q)).await
            }
        ),
        entry!(
            "rci.time_zones.get",
            RoundTrip::At(""),
            TIME_ZONE,
            |ctx, c| {
                // Europe/Helsinki: its `/` travels as %2F.
                let z = c.time_zones().get(ctx.p("timeZoneId")).await.map_err(sdk)?;
                ctx.value(&z)
            }
        ),
        entry!(
            "rci.prs_profiles.list",
            RoundTrip::At(""),
            Some(XmlNames::list("prsProfiles", "prsProfile")),
            |ctx, c| {
                let mut q = PrsProfileQuery::new();
                if let Some(v) = ctx.q("reason") {
                    q = q.reason(v);
                }
                if let Some(s) = sort(&ctx)? {
                    q = q.sort(s);
                }
                first_page(&ctx, c.prs_profiles().list(&q)).await
            }
        ),
        entry!(
            "rci.prs_profiles.get",
            RoundTrip::At(""),
            PRS_PROFILE,
            |ctx, c| {
                let p = c
                    .prs_profiles()
                    .get(ctx.p("prsProfileId"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&p)
            }
        ),
        entry!(
            "rci.audio_prompts.list",
            RoundTrip::At(""),
            Some(XmlNames::list("audioPrompts", "audioPrompt")),
            |ctx, c| {
                let mut q = AudioPromptQuery::new();
                if let Some(v) = ctx.q("promptType") {
                    q = q.prompt_type(v);
                }
                if let Some(s) = sort(&ctx)? {
                    q = q.sort(s);
                }
                first_page(&ctx, c.audio_prompts().list(&q)).await
            }
        ),
        entry!(
            "rci.audio_prompts.get",
            RoundTrip::At(""),
            AUDIO_PROMPT,
            |ctx, c| {
                let p = c
                    .audio_prompts()
                    .get(ctx.p("audioPromptId"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&p)
            }
        ),
        entry!(
            "rci.cp_extensions.list",
            RoundTrip::At(""),
            Some(XmlNames::list("cpExtensions", "cpExtension")),
            |ctx, c| {
                let mut q = CpExtensionQuery::new();
                if let Some(v) = ctx.q("name") {
                    q = q.name(v);
                }
                if let Some(s) = sort(&ctx)? {
                    q = q.sort(s);
                }
                first_page(&ctx, c.cp_extensions().list(&q)).await
            }
        ),
        entry!(
            "rci.cp_extensions.get",
            RoundTrip::At(""),
            CP_EXTENSION,
            |ctx, c| {
                let e = c
                    .cp_extensions()
                    .get(ctx.p("cpExtensionId"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&e)
            }
        ),
        entry!(
            "rci.reply_templates.list",
            RoundTrip::At(""),
            Some(XmlNames::list("replyTemplates", "replyTemplate")),
            |ctx, c| {
                let q = ctx
                    .q_all("keyword")
                    .into_iter()
                    .fold(ReplyTemplateQuery::new(), |q, k| q.keyword(k));
                first_page(&ctx, c.reply_templates().list(&q)).await
            }
        ),
        entry!(
            "rci.reply_templates.get",
            RoundTrip::At(""),
            REPLY_TEMPLATE,
            |ctx, c| {
                let t = c
                    .reply_templates()
                    .get(ctx.p("replyTemplateId"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&t)
            }
        ),
        entry!(
            "rci.reply_templates.attachments.list",
            RoundTrip::At(""),
            Some(XmlNames::list("attachments", "attachment")),
            |ctx, c| {
                let l = c
                    .reply_template(ctx.p("replyTemplateId"))
                    .attachments()
                    .list()
                    .await
                    .map_err(sdk)?;
                ctx.value(&l)
            }
        ),
        entry!(
            "rci.reply_templates.attachments.get",
            RoundTrip::At(""),
            ATTACHMENT,
            |ctx, c| {
                let a = c
                    .reply_template(ctx.p("replyTemplateId"))
                    .attachments()
                    .get(ctx.p("attachmentId"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&a)
            }
        ),
        entry!(
            "rci.custom_ivrs.list",
            RoundTrip::At(""),
            Some(XmlNames::list("customIvrs", "customIvr")),
            |ctx, c| {
                let mut q = CustomIvrQuery::new();
                if let Some(v) = ctx.q("name") {
                    q = q.name(v);
                }
                if let Some(s) = sort(&ctx)? {
                    q = q.sort(s);
                }
                first_page(&ctx, c.custom_ivrs().list(&q)).await
            }
        ),
        entry!(
            "rci.custom_ivrs.get",
            RoundTrip::At(""),
            CUSTOM_IVR,
            |ctx, c| {
                let i = c
                    .custom_ivrs()
                    .get(ctx.p("customIvrId"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&i)
            }
        ),
        entry!(
            "rci.custom_ivrs.source_codes.list",
            RoundTrip::At(""),
            Some(XmlNames::list("sourceCodes", "sourceCode")),
            |ctx, c| {
                let l = c
                    .custom_ivr(ctx.p("customIvrId"))
                    .source_codes()
                    .list()
                    .await
                    .map_err(sdk)?;
                ctx.value(&l)
            }
        ),
        entry!(
            "rci.custom_ivrs.source_codes.get",
            RoundTrip::At(""),
            SOURCE_CODE,
            |ctx, c| {
                let s = c
                    .custom_ivr(ctx.p("customIvrId"))
                    .source_codes()
                    .get(ctx.p("sourceCodeId"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&s)
            }
        ),
        entry!(
            "rci.custom_ivrs.current_source_code_version.get",
            RoundTrip::At(""),
            SOURCE_CODE,
            |ctx, c| {
                let s = c
                    .custom_ivr(ctx.p("customIvrId"))
                    .current_source_code_version()
                    .get()
                    .await
                    .map_err(sdk)?;
                ctx.value(&s)
            }
        ),
        entry!(
            "rci.custom_ivrs.attributes.list",
            RoundTrip::At(""),
            ATTRIBUTES,
            |ctx, c| {
                let l = c
                    .custom_ivr(ctx.p("customIvrId"))
                    .attributes()
                    .list(&attribute_query(&ctx))
                    .await
                    .map_err(sdk)?;
                ctx.value(&l)
            }
        ),
        entry!(
            "rci.custom_ivrs.attributes.create",
            RoundTrip::At(""),
            ATTRIBUTE,
            |ctx, c| {
                let req: NewAttribute = ctx.request()?;
                let id = c
                    .custom_ivr(ctx.p("customIvrId"))
                    .attributes()
                    .create(&req)
                    .await
                    .map_err(sdk)?;
                ctx.value(&id)
            }
        ),
    ]
}
