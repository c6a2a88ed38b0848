//! Messaging services and their authentication records; disruption sets with their events
//! and items.

use sinch_rci::disruption_sets::{
    DisruptionEventRequest, DisruptionItemQuery, DisruptionItemType, DisruptionSetQuery, EventItem,
    EventQuery,
};
use sinch_rci::messaging_services::{
    AuthenticationRequest, MessagingServiceQuery, MessagingServiceRequest, MessagingServiceType,
};

use super::{Entry, entry, first_page, nothing, sort};
use crate::{RoundTrip, XmlNames, sdk};

const SERVICE: Option<XmlNames> = Some(XmlNames::object("messagingService"));
const AUTHENTICATION: Option<XmlNames> = Some(XmlNames::object("authentication"));
const SET: Option<XmlNames> = Some(XmlNames::object("disruptionSet"));
const EVENT: Option<XmlNames> = Some(XmlNames::object("event"));
const ITEM: Option<XmlNames> = Some(XmlNames::object("item"));

pub(crate) fn entries() -> Vec<Entry> {
    [messaging_services(), disruption_sets()].concat()
}

fn messaging_services() -> Vec<Entry> {
    vec![
        entry!(
            "rci.messaging_services.list",
            RoundTrip::At(""),
            Some(XmlNames::list("messagingServices", "messagingService")),
            |ctx, c| {
                let mut q = MessagingServiceQuery::new();
                if let Some(v) = ctx.q("type") {
                    q = q.service_type(v);
                }
                if let Some(s) = sort(&ctx)? {
                    q = q.sort(s);
                }
                first_page(&ctx, c.messaging_services().list(&q)).await
            }
        ),
        entry!(
            "rci.messaging_services.create",
            RoundTrip::At(""),
            SERVICE,
            |ctx, c| {
                let req: MessagingServiceRequest = ctx.request()?;
                let id = c.messaging_services().create(&req).await.map_err(sdk)?;
                ctx.value(&id)
            }
        ),
        entry!(
            "rci.messaging_services.get",
            RoundTrip::At(""),
            SERVICE,
            |ctx, c| {
                let s = c
                    .messaging_services()
                    .get(ctx.p("messagingServiceId"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&s)
            }
        ),
        entry!(
            "rci.messaging_services.update",
            RoundTrip::Nothing("204 without a body"),
            SERVICE,
            |ctx, c| {
                let req = MessagingServiceRequest::new(
                    MessagingServiceType::Twilio,
                    "Twilio SMS",
                    "https://serviceaddress2/",
                );
                c.messaging_services()
                    .update(ctx.p("messagingServiceId"), &req)
                    .await
                    .map_err(sdk)?;
                nothing()
            }
        ),
        entry!(
            "rci.messaging_services.delete",
            RoundTrip::Nothing("204 without a body"),
            None,
            |ctx, c| {
                c.messaging_services()
                    .delete(ctx.p("messagingServiceId"))
                    .await
                    .map_err(sdk)?;
                nothing()
            }
        ),
        entry!(
            "rci.messaging_services.authentications.list",
            RoundTrip::At(""),
            Some(XmlNames::list("authentications", "authentication")),
            |ctx, c| {
                let l = c
                    .messaging_service(ctx.p("messagingServiceId"))
                    .authentications()
                    .list()
                    .await
                    .map_err(sdk)?;
                ctx.value(&l)
            }
        ),
        entry!(
            "rci.messaging_services.authentications.create",
            RoundTrip::At(""),
            AUTHENTICATION,
            |ctx, c| {
                let req: AuthenticationRequest = ctx.request()?;
                let id = c
                    .messaging_service(ctx.p("messagingServiceId"))
                    .authentications()
                    .create(&req)
                    .await
                    .map_err(sdk)?;
                ctx.value(&id)
            }
        ),
        entry!(
            "rci.messaging_services.authentications.get",
            RoundTrip::At(""),
            AUTHENTICATION,
            |ctx, c| {
                let a = c
                    .messaging_service(ctx.p("messagingServiceId"))
                    .authentications()
                    .get(ctx.p("id"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&a)
            }
        ),
        entry!(
            "rci.messaging_services.authentications.update",
            RoundTrip::Nothing("204 without a body"),
            AUTHENTICATION,
            |ctx, c| {
                let req = AuthenticationRequest::new("my_login_id", "new-password");
                c.messaging_service(ctx.p("messagingServiceId"))
                    .authentications()
                    .update(ctx.p("id"), &req)
                    .await
                    .map_err(sdk)?;
                nothing()
            }
        ),
        entry!(
            "rci.messaging_services.authentications.delete",
            RoundTrip::Nothing("204 without a body"),
            None,
            |ctx, c| {
                c.messaging_service(ctx.p("messagingServiceId"))
                    .authentications()
                    .delete(ctx.p("id"))
                    .await
                    .map_err(sdk)?;
                nothing()
            }
        ),
    ]
}

fn disruption_sets() -> Vec<Entry> {
    vec![
        entry!(
            "rci.disruption_sets.list",
            RoundTrip::At(""),
            Some(XmlNames::list("disruptionSets", "disruptionSet")),
            |ctx, c| {
                let mut q = DisruptionSetQuery::new();
                if let Some(v) = ctx.q("name") {
                    q = q.name(v);
                }
                if let Some(s) = sort(&ctx)? {
                    q = q.sort(s);
                }
                first_page(&ctx, c.disruption_sets().list(&q)).await
            }
        ),
        entry!(
            "rci.disruption_sets.get",
            RoundTrip::At(""),
            SET,
            |ctx, c| {
                let s = c
                    .disruption_sets()
                    .get(ctx.p("disruptionSetId"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&s)
            }
        ),
        entry!(
            "rci.disruption_sets.events.list",
            RoundTrip::At(""),
            Some(XmlNames::list("events", "event")),
            |ctx, c| {
                let v = |name: &str| ctx.q(name).unwrap_or_default();
                let q = EventQuery::new()
                    .active(v("active") == "true")
                    .active_from(v("activeFrom"))
                    .active_from_end(v("activeFromEnd"))
                    .active_to(v("activeTo"))
                    .active_to_end(v("activeToEnd"))
                    .created(v("created"))
                    .created_end(v("createdEnd"))
                    .modified(v("modified"))
                    .modified_end(v("modifiedEnd"));
                let l = c
                    .disruption_set(ctx.p("disruptionSetId"))
                    .events()
                    .list(&q)
                    .await
                    .map_err(sdk)?;
                ctx.value(&l)
            }
        ),
        entry!(
            "rci.disruption_sets.events.create",
            RoundTrip::At(""),
            EVENT,
            |ctx, c| {
                let req: DisruptionEventRequest = ctx.request()?;
                let id = c
                    .disruption_set(ctx.p("disruptionSetId"))
                    .events()
                    .create(&req)
                    .await
                    .map_err(sdk)?;
                ctx.value(&id)
            }
        ),
        entry!(
            "rci.disruption_sets.events.get",
            RoundTrip::At(""),
            EVENT,
            |ctx, c| {
                let e = c
                    .disruption_set(ctx.p("disruptionSetId"))
                    .events()
                    .get(ctx.p("eventId"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&e)
            }
        ),
        entry!(
            "rci.disruption_sets.events.update",
            RoundTrip::Nothing("204 without a body"),
            EVENT,
            |ctx, c| {
                // No example in the catalog: items by external id and type, the document's
                // second way of naming them.
                let req = DisruptionEventRequest::new()
                    .remarks("Extended")
                    .active_to("2021-05-29T12:01:00.000Z")
                    .item(EventItem::by_external_id("05", DisruptionItemType::Why))
                    .item(EventItem::by_external_id(
                        "00100",
                        DisruptionItemType::Where,
                    ));
                c.disruption_set(ctx.p("disruptionSetId"))
                    .events()
                    .update(ctx.p("eventId"), &req)
                    .await
                    .map_err(sdk)?;
                nothing()
            }
        ),
        entry!(
            "rci.disruption_sets.events.delete",
            RoundTrip::Nothing("204 without a body"),
            None,
            |ctx, c| {
                c.disruption_set(ctx.p("disruptionSetId"))
                    .events()
                    .delete(ctx.p("eventId"))
                    .await
                    .map_err(sdk)?;
                nothing()
            }
        ),
        entry!(
            "rci.disruption_sets.items.list",
            RoundTrip::At(""),
            Some(XmlNames::list("items", "item")),
            |ctx, c| {
                let mut q = DisruptionItemQuery::new();
                if let Some(v) = ctx.q("externalId") {
                    q = q.external_id(v);
                }
                let l = c
                    .disruption_set(ctx.p("disruptionSetId"))
                    .items()
                    .list(&q)
                    .await
                    .map_err(sdk)?;
                ctx.value(&l)
            }
        ),
        entry!(
            "rci.disruption_sets.items.get",
            RoundTrip::At(""),
            ITEM,
            |ctx, c| {
                let i = c
                    .disruption_set(ctx.p("disruptionSetId"))
                    .items()
                    .get(ctx.p("itemId"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&i)
            }
        ),
    ]
}
