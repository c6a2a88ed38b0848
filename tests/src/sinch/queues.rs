//! Queues and what hangs below one queue: extensions, queue groups, attributes.

use sinch_rci::attributes::{AttributeQuery, NewAttribute};
use sinch_rci::queues::{LoginType, NewExtension, QueueQuery, QueueRequest, QueueType};

use super::{Entry, entry, first_page, nothing, sort};
use crate::{Ctx, RoundTrip, XmlNames, sdk};

const QUEUE: Option<XmlNames> = Some(XmlNames::object("queue"));
const EXTENSION: Option<XmlNames> = Some(XmlNames::object("extension"));
const QUEUE_GROUP: Option<XmlNames> = Some(XmlNames::object("queueGroup"));
pub(crate) const ATTRIBUTE: Option<XmlNames> = Some(XmlNames::object("attribute"));
pub(crate) const ATTRIBUTES: Option<XmlNames> = Some(XmlNames::list("attributes", "attribute"));

/// The example's attribute filters.
pub(crate) fn attribute_query(ctx: &Ctx) -> AttributeQuery {
    let mut q = AttributeQuery::new();
    if let Some(v) = ctx.q("name") {
        q = q.name(v);
    }
    if let Some(v) = ctx.q("language") {
        q = q.language(v);
    }
    q
}

pub(crate) fn entries() -> Vec<Entry> {
    vec![
        entry!(
            "rci.queues.list",
            RoundTrip::At(""),
            Some(XmlNames::list("queues", "queue")),
            |ctx, c| {
                let mut q = QueueQuery::new();
                if let Some(v) = ctx.q("name") {
                    q = q.name(v);
                }
                if let Some(s) = sort(&ctx)? {
                    q = q.sort(s);
                }
                first_page(&ctx, c.queues().list(&q)).await
            }
        ),
        entry!("rci.queues.create", RoundTrip::At(""), QUEUE, |ctx, c| {
            let req: QueueRequest = ctx.request()?;
            let id = c.queues().create(&req).await.map_err(sdk)?;
            ctx.value(&id)
        }),
        entry!("rci.queues.get", RoundTrip::At(""), QUEUE, |ctx, c| {
            let q = c.queues().get(ctx.p("queueId")).await.map_err(sdk)?;
            ctx.value(&q)
        }),
        entry!(
            "rci.queues.update",
            RoundTrip::Nothing("204 without a body"),
            QUEUE,
            |ctx, c| {
                // No example in the catalog: a whole queue, with two wrapped addresses.
                let req = QueueRequest::new(QueueType::Phone, "Helpdesk", LoginType::HuntGroup)
                    .description("Helpdesk phone")
                    .address("101")
                    .address("102")
                    .synchronised(true);
                c.queues()
                    .update(ctx.p("queueId"), &req)
                    .await
                    .map_err(sdk)?;
                nothing()
            }
        ),
        entry!(
            "rci.queues.delete",
            RoundTrip::Nothing("204 without a body"),
            None,
            |ctx, c| {
                c.queues().delete(ctx.p("queueId")).await.map_err(sdk)?;
                nothing()
            }
        ),
        entry!(
            "rci.queues.extensions.list",
            RoundTrip::At(""),
            Some(XmlNames::list("extensions", "extension")),
            |ctx, c| {
                let l = c
                    .queue(ctx.p("queueId"))
                    .extensions()
                    .list()
                    .await
                    .map_err(sdk)?;
                ctx.value(&l)
            }
        ),
        entry!(
            "rci.queues.extensions.create",
            RoundTrip::At(""),
            EXTENSION,
            |ctx, c| {
                let req: NewExtension = ctx.request()?;
                let id = c
                    .queue(ctx.p("queueId"))
                    .extensions()
                    .create(&req)
                    .await
                    .map_err(sdk)?;
                ctx.value(&id)
            }
        ),
        entry!(
            "rci.queues.extensions.get",
            RoundTrip::At(""),
            EXTENSION,
            |ctx, c| {
                let e = c
                    .queue(ctx.p("queueId"))
                    .extensions()
                    .get(ctx.p("extensionId"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&e)
            }
        ),
        entry!(
            "rci.queues.extensions.delete",
            RoundTrip::Nothing("204 without a body"),
            None,
            |ctx, c| {
                c.queue(ctx.p("queueId"))
                    .extensions()
                    .delete(ctx.p("extensionId"))
                    .await
                    .map_err(sdk)?;
                nothing()
            }
        ),
        entry!(
            "rci.queues.queue_groups.list",
            RoundTrip::At(""),
            Some(XmlNames::list("queueGroups", "queueGroup")),
            |ctx, c| {
                let l = c
                    .queue(ctx.p("queueId"))
                    .queue_groups()
                    .list()
                    .await
                    .map_err(sdk)?;
                ctx.value(&l)
            }
        ),
        entry!(
            "rci.queues.queue_groups.add",
            RoundTrip::At(""),
            QUEUE_GROUP,
            |ctx, c| {
                // The example links the group by its dashed GUID.
                let id = c
                    .queue(ctx.p("queueId"))
                    .queue_groups()
                    .add(ctx.request_field("id")?)
                    .await
                    .map_err(sdk)?;
                ctx.value(&id)
            }
        ),
        entry!(
            "rci.queues.queue_groups.get",
            RoundTrip::At(""),
            QUEUE_GROUP,
            |ctx, c| {
                let g = c
                    .queue(ctx.p("queueId"))
                    .queue_groups()
                    .get(ctx.p("queueGroupId"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&g)
            }
        ),
        entry!(
            "rci.queues.queue_groups.remove",
            RoundTrip::Nothing("204 without a body"),
            None,
            |ctx, c| {
                c.queue(ctx.p("queueId"))
                    .queue_groups()
                    .remove(ctx.p("queueGroupId"))
                    .await
                    .map_err(sdk)?;
                nothing()
            }
        ),
        entry!(
            "rci.queues.attributes.list",
            RoundTrip::At(""),
            ATTRIBUTES,
            |ctx, c| {
                let l = c
                    .queue(ctx.p("queueId"))
                    .attributes()
                    .list(&attribute_query(&ctx))
                    .await
                    .map_err(sdk)?;
                ctx.value(&l)
            }
        ),
        entry!(
            "rci.queues.attributes.create",
            RoundTrip::At(""),
            ATTRIBUTE,
            |ctx, c| {
                let req: NewAttribute = ctx.request()?;
                let id = c
                    .queue(ctx.p("queueId"))
                    .attributes()
                    .create(&req)
                    .await
                    .map_err(sdk)?;
                ctx.value(&id)
            }
        ),
    ]
}
