//! SIP: domains, credential lists and credentials, IP access control lists and addresses,
//! and the mappings of lists to domains.

use cpaas::sip::{
    DomainSettings, IpAddressRequest, ListName, NewCredential, NewDomain, NewPassword,
};

use super::{Entry, entry, first_page};
use crate::{RoundTrip, XmlNames, sdk};

pub(crate) fn entries() -> Vec<Entry> {
    vec![
        entry!(
            "cpaas.sip.domains.create",
            RoundTrip::At(""),
            Some(XmlNames::object("Domain")),
            |ctx, c| {
                let req: NewDomain = ctx.request()?;
                let v = c
                    .account_sid(ctx.p("AccountSid"))
                    .sip()
                    .domains()
                    .create(&req)
                    .await
                    .map_err(sdk)?;
                ctx.value(&v)
            }
        ),
        entry!(
            "cpaas.sip.domains.get",
            RoundTrip::At(""),
            Some(XmlNames::object("Domain")),
            |ctx, c| {
                let v = c
                    .account_sid(ctx.p("AccountSid"))
                    .sip()
                    .domains()
                    .get(ctx.p("DomainSid"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&v)
            }
        ),
        entry!(
            "cpaas.sip.domains.list",
            RoundTrip::At("/domains"),
            Some(XmlNames::list("Domains", "Domain")),
            |ctx, c| {
                first_page(
                    &ctx,
                    c.account_sid(ctx.p("AccountSid")).sip().domains().list(),
                )
                .await
            }
        ),
        entry!(
            "cpaas.sip.domains.update",
            RoundTrip::At(""),
            Some(XmlNames::object("Domain")),
            |ctx, c| {
                // No example in the catalog.
                let req = DomainSettings::new().friendly_name("Acme HQ");
                let v = c
                    .account_sid(ctx.p("AccountSid"))
                    .sip()
                    .domains()
                    .update(ctx.p("DomainSid"), &req)
                    .await
                    .map_err(sdk)?;
                ctx.value(&v)
            }
        ),
        entry!(
            "cpaas.sip.domains.delete",
            RoundTrip::At(""),
            Some(XmlNames::object("Domain")),
            |ctx, c| {
                let v = c
                    .account_sid(ctx.p("AccountSid"))
                    .sip()
                    .domains()
                    .delete(ctx.p("DomainSid"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&v)
            }
        ),
        entry!(
            "cpaas.sip.credential_lists.create",
            RoundTrip::At(""),
            Some(XmlNames::object("CredentialList")),
            |ctx, c| {
                let req: ListName = ctx.request()?;
                let v = c
                    .account_sid(ctx.p("AccountSid"))
                    .sip()
                    .credential_lists()
                    .create(&req)
                    .await
                    .map_err(sdk)?;
                ctx.value(&v)
            }
        ),
        entry!(
            "cpaas.sip.credential_lists.get",
            RoundTrip::At(""),
            Some(XmlNames::object("CredentialList")),
            |ctx, c| {
                let v = c
                    .account_sid(ctx.p("AccountSid"))
                    .sip()
                    .credential_lists()
                    .get(ctx.p("CLSid"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&v)
            }
        ),
        entry!(
            "cpaas.sip.credential_lists.list",
            RoundTrip::At("/credentials_lists"),
            Some(XmlNames::list("CredentialLists", "CredentialList")),
            |ctx, c| {
                first_page(
                    &ctx,
                    c.account_sid(ctx.p("AccountSid"))
                        .sip()
                        .credential_lists()
                        .list(),
                )
                .await
            }
        ),
        entry!(
            "cpaas.sip.credential_lists.update",
            RoundTrip::At(""),
            Some(XmlNames::object("CredentialList")),
            |ctx, c| {
                // No example in the catalog.
                let req = ListName::new("Contractors");
                let v = c
                    .account_sid(ctx.p("AccountSid"))
                    .sip()
                    .credential_lists()
                    .update(ctx.p("CLSid"), &req)
                    .await
                    .map_err(sdk)?;
                ctx.value(&v)
            }
        ),
        entry!(
            "cpaas.sip.credential_lists.delete",
            RoundTrip::At(""),
            Some(XmlNames::object("CredentialList")),
            |ctx, c| {
                let v = c
                    .account_sid(ctx.p("AccountSid"))
                    .sip()
                    .credential_lists()
                    .delete(ctx.p("CLSid"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&v)
            }
        ),
        entry!(
            "cpaas.sip.credentials.create",
            RoundTrip::At(""),
            Some(XmlNames::object("Credential")),
            |ctx, c| {
                let req: NewCredential = ctx.request()?;
                let v = c
                    .account_sid(ctx.p("AccountSid"))
                    .sip()
                    .credential_list(ctx.p("CLSid"))
                    .credentials()
                    .create(&req)
                    .await
                    .map_err(sdk)?;
                ctx.value(&v)
            }
        ),
        entry!(
            "cpaas.sip.credentials.get",
            RoundTrip::At(""),
            Some(XmlNames::object("Credential")),
            |ctx, c| {
                let v = c
                    .account_sid(ctx.p("AccountSid"))
                    .sip()
                    .credential_list(ctx.p("CLSid"))
                    .credentials()
                    .get(ctx.p("CredentialSid"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&v)
            }
        ),
        entry!(
            "cpaas.sip.credentials.list",
            RoundTrip::At("/credentials"),
            Some(XmlNames::list("Credentials", "Credential")),
            |ctx, c| {
                first_page(
                    &ctx,
                    c.account_sid(ctx.p("AccountSid"))
                        .sip()
                        .credential_list(ctx.p("CLSid"))
                        .credentials()
                        .list(),
                )
                .await
            }
        ),
        entry!(
            "cpaas.sip.credentials.update",
            RoundTrip::At(""),
            Some(XmlNames::object("Credential")),
            |ctx, c| {
                // No example in the catalog.
                let req = NewPassword::new("an0therpassw0rd");
                let v = c
                    .account_sid(ctx.p("AccountSid"))
                    .sip()
                    .credential_list(ctx.p("CLSid"))
                    .credentials()
                    .update(ctx.p("CredentialSid"), &req)
                    .await
                    .map_err(sdk)?;
                ctx.value(&v)
            }
        ),
        entry!(
            "cpaas.sip.credentials.delete",
            RoundTrip::At(""),
            Some(XmlNames::object("Credential")),
            |ctx, c| {
                let v = c
                    .account_sid(ctx.p("AccountSid"))
                    .sip()
                    .credential_list(ctx.p("CLSid"))
                    .credentials()
                    .delete(ctx.p("CredentialSid"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&v)
            }
        ),
        entry!(
            "cpaas.sip.ip_acls.create",
            RoundTrip::At(""),
            Some(XmlNames::object("IpAccessControlList")),
            |ctx, c| {
                let req: ListName = ctx.request()?;
                let v = c
                    .account_sid(ctx.p("AccountSid"))
                    .sip()
                    .ip_access_control_lists()
                    .create(&req)
                    .await
                    .map_err(sdk)?;
                ctx.value(&v)
            }
        ),
        entry!(
            "cpaas.sip.ip_acls.get",
            RoundTrip::At(""),
            Some(XmlNames::object("IpAccessControlList")),
            |ctx, c| {
                let v = c
                    .account_sid(ctx.p("AccountSid"))
                    .sip()
                    .ip_access_control_lists()
                    .get(ctx.p("IpAccessControlListSid"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&v)
            }
        ),
        entry!(
            "cpaas.sip.ip_acls.list",
            RoundTrip::At("/ip_access_control"),
            Some(XmlNames::list(
                "IpAccessControlLists",
                "IpAccessControlList"
            )),
            |ctx, c| {
                first_page(
                    &ctx,
                    c.account_sid(ctx.p("AccountSid"))
                        .sip()
                        .ip_access_control_lists()
                        .list(),
                )
                .await
            }
        ),
        entry!(
            "cpaas.sip.ip_acls.update",
            RoundTrip::At(""),
            Some(XmlNames::object("IpAccessControlList")),
            |ctx, c| {
                // No example in the catalog.
                let req = ListName::new("HQ");
                let v = c
                    .account_sid(ctx.p("AccountSid"))
                    .sip()
                    .ip_access_control_lists()
                    .update(ctx.p("IpAccessControlListSid"), &req)
                    .await
                    .map_err(sdk)?;
                ctx.value(&v)
            }
        ),
        entry!(
            "cpaas.sip.ip_acls.delete",
            RoundTrip::At(""),
            Some(XmlNames::object("IpAccessControlList")),
            |ctx, c| {
                let v = c
                    .account_sid(ctx.p("AccountSid"))
                    .sip()
                    .ip_access_control_lists()
                    .delete(ctx.p("IpAccessControlListSid"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&v)
            }
        ),
        entry!(
            "cpaas.sip.ip_addresses.create",
            RoundTrip::At(""),
            Some(XmlNames::object("IpAddress")),
            |ctx, c| {
                let req: IpAddressRequest = ctx.request()?;
                let v = c
                    .account_sid(ctx.p("AccountSid"))
                    .sip()
                    .ip_access_control_list(ctx.p("AclSid"))
                    .ip_addresses()
                    .create(&req)
                    .await
                    .map_err(sdk)?;
                ctx.value(&v)
            }
        ),
        entry!(
            "cpaas.sip.ip_addresses.get",
            RoundTrip::At(""),
            Some(XmlNames::object("IpAddress")),
            |ctx, c| {
                let v = c
                    .account_sid(ctx.p("AccountSid"))
                    .sip()
                    .ip_access_control_list(ctx.p("AclSid"))
                    .ip_addresses()
                    .get(ctx.p("IpSid"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&v)
            }
        ),
        entry!(
            "cpaas.sip.ip_addresses.list",
            RoundTrip::At("/ip_addresses"),
            Some(XmlNames::list("IpAddresses", "IpAddress")),
            |ctx, c| {
                first_page(
                    &ctx,
                    c.account_sid(ctx.p("AccountSid"))
                        .sip()
                        .ip_access_control_list(ctx.p("AclSid"))
                        .ip_addresses()
                        .list(),
                )
                .await
            }
        ),
        entry!(
            "cpaas.sip.ip_addresses.update",
            RoundTrip::At(""),
            Some(XmlNames::object("IpAddress")),
            |ctx, c| {
                // No example in the catalog.
                let req = IpAddressRequest::new("Gateway", "192.0.2.11");
                let v = c
                    .account_sid(ctx.p("AccountSid"))
                    .sip()
                    .ip_access_control_list(ctx.p("AclSid"))
                    .ip_addresses()
                    .update(ctx.p("IpSid"), &req)
                    .await
                    .map_err(sdk)?;
                ctx.value(&v)
            }
        ),
        entry!(
            "cpaas.sip.ip_addresses.delete",
            RoundTrip::At(""),
            Some(XmlNames::object("IpAddress")),
            |ctx, c| {
                let v = c
                    .account_sid(ctx.p("AccountSid"))
                    .sip()
                    .ip_access_control_list(ctx.p("AclSid"))
                    .ip_addresses()
                    .delete(ctx.p("IpSid"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&v)
            }
        ),
        entry!(
            "cpaas.sip.credential_list_mappings.list",
            RoundTrip::At("/credential_lists"),
            Some(XmlNames::list("CredentialLists", "CredentialList")),
            |ctx, c| {
                first_page(
                    &ctx,
                    c.account_sid(ctx.p("AccountSid"))
                        .sip()
                        .domain(ctx.p("DomainSid"))
                        .credential_list_mappings()
                        .list(),
                )
                .await
            }
        ),
        entry!(
            "cpaas.sip.credential_list_mappings.map",
            RoundTrip::At(""),
            Some(XmlNames::object("CredentialList")),
            |ctx, c| {
                let list = ctx.request_field("CredentialListSid")?;
                let v = c
                    .account_sid(ctx.p("AccountSid"))
                    .sip()
                    .domain(ctx.p("DomainSid"))
                    .credential_list_mappings()
                    .map(list)
                    .await
                    .map_err(sdk)?;
                ctx.value(&v)
            }
        ),
        entry!(
            "cpaas.sip.credential_list_mappings.delete",
            RoundTrip::At(""),
            Some(XmlNames::object("CredentialList")),
            |ctx, c| {
                let v = c
                    .account_sid(ctx.p("AccountSid"))
                    .sip()
                    .domain(ctx.p("DomainSid"))
                    .credential_list_mappings()
                    .delete(ctx.p("CLSid"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&v)
            }
        ),
        entry!(
            "cpaas.sip.ip_acl_mappings.list",
            RoundTrip::At("/ip_access_control"),
            Some(XmlNames::list(
                "IpAccessControlLists",
                "IpAccessControlList"
            )),
            |ctx, c| {
                first_page(
                    &ctx,
                    c.account_sid(ctx.p("AccountSid"))
                        .sip()
                        .domain(ctx.p("DomainSid"))
                        .ip_acl_mappings()
                        .list(),
                )
                .await
            }
        ),
        entry!(
            "cpaas.sip.ip_acl_mappings.map",
            RoundTrip::At(""),
            Some(XmlNames::object("IpAccessControlList")),
            |ctx, c| {
                let list = ctx.request_field("IpAccessControlListSid")?;
                let v = c
                    .account_sid(ctx.p("AccountSid"))
                    .sip()
                    .domain(ctx.p("DomainSid"))
                    .ip_acl_mappings()
                    .map(list)
                    .await
                    .map_err(sdk)?;
                ctx.value(&v)
            }
        ),
        entry!(
            "cpaas.sip.ip_acl_mappings.delete",
            RoundTrip::At(""),
            Some(XmlNames::object("IpAccessControlList")),
            |ctx, c| {
                let v = c
                    .account_sid(ctx.p("AccountSid"))
                    .sip()
                    .domain(ctx.p("DomainSid"))
                    .ip_acl_mappings()
                    .delete(ctx.p("ALSid"))
                    .await
                    .map_err(sdk)?;
                ctx.value(&v)
            }
        ),
    ]
}
