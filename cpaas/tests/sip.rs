//! The SIP family on the wire: domains, credential lists and credentials, IP access control
//! lists and addresses, and their mappings to domains; forms, paths, both formats.
#![cfg(feature = "xml")]

mod support;

use cpaas::ErrorKind;
use cpaas::ResponseFormat;
use cpaas::sip::{
    AuthType, DomainSettings, IpAddressRequest, ListName, NewCredential, NewDomain, NewPassword,
};
use serde_json::json;
use support::*;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const SIP: &str = "/Accounts/{AccountSid}/SIP";

#[tokio::test]
async fn domains() {
    let (collection, item) = (format!("{SIP}/Domains"), format!("{SIP}/Domains/DO0001"));
    for format in FORMATS {
        let (d, req) = exchange(
            format,
            "POST",
            &collection,
            "Domain",
            &sip_domain("DO0001"),
            |c| async move {
                let new = NewDomain::new("acme").settings(
                    DomainSettings::new()
                        .friendly_name("Acme PBX")
                        .voice_url("https://example.com/voice.xml"),
                );
                c.account().sip().domains().create(&new).await
            },
        )
        .await;
        assert_eq!(
            form(&req),
            pairs(&[
                ("DomainName", "acme"),
                ("FriendlyName", "Acme PBX"),
                ("VoiceUrl", "https://example.com/voice.xml")
            ])
        );
        assert_eq!(d.domain_sip_url.as_deref(), Some("sip:acme.sip.zang.io"));
        let (d, _) = exchange(
            format,
            "GET",
            &item,
            "Domain",
            &sip_domain("DO0001"),
            |c| async move { c.account().sip().domains().get("DO0001").await },
        )
        .await;
        assert_eq!(d.auth_type, Some(AuthType::CredentialList));
        if format == ResponseFormat::Json {
            assert_eq!(typed(&d), textual(sip_domain("DO0001")));
        }
        let (_, req) = exchange(
            format,
            "POST",
            &item,
            "Domain",
            &sip_domain("DO0001"),
            |c| async move {
                c.account()
                    .sip()
                    .domains()
                    .update(
                        "DO0001",
                        &DomainSettings::new().voice_status_callback("https://example.com/s"),
                    )
                    .await
            },
        )
        .await;
        assert_eq!(
            form(&req),
            pairs(&[("VoiceStatusCallback", "https://example.com/s")])
        );
        let (d, req) = exchange(
            format,
            "DELETE",
            &item,
            "Domain",
            &sip_domain("DO0001"),
            |c| async move { c.account().sip().domains().delete("DO0001").await },
        )
        .await;
        assert!(req.body.is_empty());
        assert_eq!(d.sid.as_str(), "DO0001");
    }
}

#[tokio::test]
async fn credential_lists_and_credentials() {
    let (lists, list) = (
        format!("{SIP}/CredentialLists"),
        format!("{SIP}/CredentialLists/CL0001"),
    );
    let (creds, cred) = (
        format!("{list}/Credentials"),
        format!("{list}/Credentials/CR0001"),
    );
    for format in FORMATS {
        let (l, req) = exchange(
            format,
            "POST",
            &lists,
            "CredentialList",
            &credential_list("CL0001"),
            |c| async move {
                c.account()
                    .sip()
                    .credential_lists()
                    .create(&ListName::new("Staff"))
                    .await
            },
        )
        .await;
        assert_eq!(form(&req), pairs(&[("FriendlyName", "Staff")]));
        assert_eq!(l.credentials_count.as_ref().and_then(|n| n.get()), Some(2));
        exchange(
            format,
            "GET",
            &list,
            "CredentialList",
            &credential_list("CL0001"),
            |c| async move { c.account().sip().credential_lists().get("CL0001").await },
        )
        .await;
        let (_, req) = exchange(
            format,
            "POST",
            &list,
            "CredentialList",
            &credential_list("CL0001"),
            |c| async move {
                c.account()
                    .sip()
                    .credential_lists()
                    .update("CL0001", &ListName::new("Contractors"))
                    .await
            },
        )
        .await;
        assert_eq!(form(&req), pairs(&[("FriendlyName", "Contractors")]));
        exchange(
            format,
            "DELETE",
            &list,
            "CredentialList",
            &credential_list("CL0001"),
            |c| async move { c.account().sip().credential_lists().delete("CL0001").await },
        )
        .await;

        let (cr, req) = exchange(
            format,
            "POST",
            &creds,
            "Credential",
            &credential("CR0001"),
            |c| async move {
                c.account()
                    .sip()
                    .credential_list("CL0001")
                    .credentials()
                    .create(&NewCredential::new("alice", "s3cretpassw0rd"))
                    .await
            },
        )
        .await;
        assert_eq!(
            form(&req),
            pairs(&[("Username", "alice"), ("Password", "s3cretpassw0rd")])
        );
        assert_eq!(cr.username.as_deref(), Some("alice"));
        exchange(
            format,
            "GET",
            &cred,
            "Credential",
            &credential("CR0001"),
            |c| async move {
                c.account()
                    .sip()
                    .credential_list("CL0001")
                    .credentials()
                    .get("CR0001")
                    .await
            },
        )
        .await;
        let (_, req) = exchange(
            format,
            "POST",
            &cred,
            "Credential",
            &credential("CR0001"),
            |c| async move {
                c.account()
                    .sip()
                    .credential_list("CL0001")
                    .credentials()
                    .update("CR0001", &NewPassword::new("an0therpassw0rd"))
                    .await
            },
        )
        .await;
        assert_eq!(form(&req), pairs(&[("Password", "an0therpassw0rd")]));
        exchange(
            format,
            "DELETE",
            &cred,
            "Credential",
            &credential("CR0001"),
            |c| async move {
                c.account()
                    .sip()
                    .credential_list("CL0001")
                    .credentials()
                    .delete("CR0001")
                    .await
            },
        )
        .await;
    }
}

#[tokio::test]
async fn ip_access_control_lists_and_addresses() {
    let (acls, acl) = (
        format!("{SIP}/IpAccessControlLists"),
        format!("{SIP}/IpAccessControlLists/AL0001"),
    );
    let (ips, ip) = (
        format!("{acl}/IpAddresses"),
        format!("{acl}/IpAddresses/IP0001"),
    );
    for format in FORMATS {
        let (_, req) = exchange(
            format,
            "POST",
            &acls,
            "IpAccessControlList",
            &ip_acl("AL0001"),
            |c| async move {
                c.account()
                    .sip()
                    .ip_access_control_lists()
                    .create(&ListName::new("Office"))
                    .await
            },
        )
        .await;
        assert_eq!(form(&req), pairs(&[("FriendlyName", "Office")]));
        let (a, _) = exchange(
            format,
            "GET",
            &acl,
            "IpAccessControlList",
            &ip_acl("AL0001"),
            |c| async move {
                c.account()
                    .sip()
                    .ip_access_control_lists()
                    .get("AL0001")
                    .await
            },
        )
        .await;
        assert_eq!(a.ip_addresses_count.as_ref().and_then(|n| n.get()), Some(1));
        exchange(
            format,
            "POST",
            &acl,
            "IpAccessControlList",
            &ip_acl("AL0001"),
            |c| async move {
                c.account()
                    .sip()
                    .ip_access_control_lists()
                    .update("AL0001", &ListName::new("HQ"))
                    .await
            },
        )
        .await;
        exchange(
            format,
            "DELETE",
            &acl,
            "IpAccessControlList",
            &ip_acl("AL0001"),
            |c| async move {
                c.account()
                    .sip()
                    .ip_access_control_lists()
                    .delete("AL0001")
                    .await
            },
        )
        .await;

        let (addr, req) = exchange(
            format,
            "POST",
            &ips,
            "IpAddress",
            &ip_address("IP0001"),
            |c| async move {
                c.account()
                    .sip()
                    .ip_access_control_list("AL0001")
                    .ip_addresses()
                    .create(&IpAddressRequest::new("Gateway", "192.0.2.10"))
                    .await
            },
        )
        .await;
        assert_eq!(
            form(&req),
            pairs(&[("FriendlyName", "Gateway"), ("IpAddress", "192.0.2.10")])
        );
        assert_eq!(addr.ip_address.as_deref(), Some("192.0.2.10"));
        exchange(
            format,
            "GET",
            &ip,
            "IpAddress",
            &ip_address("IP0001"),
            |c| async move {
                c.account()
                    .sip()
                    .ip_access_control_list("AL0001")
                    .ip_addresses()
                    .get("IP0001")
                    .await
            },
        )
        .await;
        exchange(
            format,
            "POST",
            &ip,
            "IpAddress",
            &ip_address("IP0001"),
            |c| async move {
                c.account()
                    .sip()
                    .ip_access_control_list("AL0001")
                    .ip_addresses()
                    .update("IP0001", &IpAddressRequest::new("Gateway 2", "192.0.2.11"))
                    .await
            },
        )
        .await;
        exchange(
            format,
            "DELETE",
            &ip,
            "IpAddress",
            &ip_address("IP0001"),
            |c| async move {
                c.account()
                    .sip()
                    .ip_access_control_list("AL0001")
                    .ip_addresses()
                    .delete("IP0001")
                    .await
            },
        )
        .await;
    }
}

#[tokio::test]
async fn mappings_of_lists_to_domains() {
    let domain = format!("{SIP}/Domains/DO0001");
    for format in FORMATS {
        let (l, req) = exchange(
            format,
            "POST",
            &format!("{domain}/CredentialListMappings"),
            "CredentialList",
            &credential_list("CL0001"),
            |c| async move {
                c.account()
                    .sip()
                    .domain("DO0001")
                    .credential_list_mappings()
                    .map("CL0001")
                    .await
            },
        )
        .await;
        assert_eq!(form(&req), pairs(&[("CredentialListSid", "CL0001")]));
        assert_eq!(l.sid.as_str(), "CL0001");
        exchange(
            format,
            "DELETE",
            &format!("{domain}/CredentialListMappings/CL0001"),
            "CredentialList",
            &credential_list("CL0001"),
            |c| async move {
                c.account()
                    .sip()
                    .domain("DO0001")
                    .credential_list_mappings()
                    .delete("CL0001")
                    .await
            },
        )
        .await;
        let (_, req) = exchange(
            format,
            "POST",
            &format!("{domain}/IpAccessControlListMappings"),
            "IpAccessControlList",
            &ip_acl("AL0001"),
            |c| async move {
                c.account()
                    .sip()
                    .domain("DO0001")
                    .ip_acl_mappings()
                    .map("AL0001")
                    .await
            },
        )
        .await;
        assert_eq!(form(&req), pairs(&[("IpAccessControlListSid", "AL0001")]));
        exchange(
            format,
            "DELETE",
            &format!("{domain}/IpAccessControlListMappings/AL0001"),
            "IpAccessControlList",
            &ip_acl("AL0001"),
            |c| async move {
                c.account()
                    .sip()
                    .domain("DO0001")
                    .ip_acl_mappings()
                    .delete("AL0001")
                    .await
            },
        )
        .await;
    }
    // Both spellings of the credential lists' key are read.
    for key in ["credential_lists", "credentials_lists"] {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path(wire_path(
                &format!("{SIP}/CredentialLists"),
                ResponseFormat::Json,
            )))
            .respond_with(ResponseTemplate::new(200).set_body_json(
                json!({"page": 0, "num_pages": 1, key: [credential_list("CL0001")]}),
            ))
            .mount(&server)
            .await;
        let all = client(&server, ResponseFormat::Json)
            .account()
            .sip()
            .credential_lists()
            .list()
            .collect_all()
            .await
            .expect("lists");
        assert_eq!(all.len(), 1, "{key}");
    }
}

#[tokio::test]
async fn the_services_own_rules_are_left_to_it() {
    // A domain name with dots (the service echoes `mytestdomain.com`), a short password,
    // an IPv6 address, a method the SDK does not know: all reach the server.
    let (d, req) = exchange(
        ResponseFormat::Json,
        "POST",
        &format!("{SIP}/Domains"),
        "Domain",
        &json!({"sid": "DO0001", "domain_name": "mytestdomain.com", "auth_type": "ip_and_credential"}),
        |c| async move {
            let settings = DomainSettings::new().voice_method(cpaas::HttpMethod::Unknown("PUT".into()));
            let new = NewDomain::new("mytestdomain.com").settings(settings);
            c.account().sip().domains().create(&new).await
        },
    )
    .await;
    assert_eq!(
        form(&req),
        pairs(&[("DomainName", "mytestdomain.com"), ("VoiceMethod", "PUT")])
    );
    assert_eq!(d.domain_name.as_deref(), Some("mytestdomain.com"));
    assert_eq!(d.auth_type, Some(AuthType::IpAndCredential));
    let (_, req) = exchange(
        ResponseFormat::Json,
        "POST",
        &format!("{SIP}/CredentialLists/CL1/Credentials"),
        "Credential",
        &credential("CR0001"),
        |c| async move {
            c.account()
                .sip()
                .credential_list("CL1")
                .credentials()
                .create(&NewCredential::new("bob", "short"))
                .await
        },
    )
    .await;
    assert_eq!(
        form(&req),
        pairs(&[("Username", "bob"), ("Password", "short")])
    );
    let (_, req) = exchange(
        ResponseFormat::Json,
        "POST",
        &format!("{SIP}/IpAccessControlLists/AL1/IpAddresses"),
        "IpAddress",
        &ip_address("IP0001"),
        |c| async move {
            c.account()
                .sip()
                .ip_access_control_list("AL1")
                .ip_addresses()
                .create(&IpAddressRequest::new("gw", "2001:db8::1"))
                .await
        },
    )
    .await;
    assert_eq!(
        form(&req),
        pairs(&[("FriendlyName", "gw"), ("IpAddress", "2001:db8::1")])
    );
}

#[tokio::test]
async fn missing_required_sip_fields_are_refused_before_sending() {
    let server = MockServer::start().await;
    let c = client(&server, ResponseFormat::Json);
    let sip = c.account().sip();
    for (err, field) in [
        (
            sip.domains()
                .create(&NewDomain::new(" "))
                .await
                .unwrap_err(),
            "DomainName",
        ),
        (
            sip.credential_list("CL1")
                .credentials()
                .create(&NewCredential::new("bob", ""))
                .await
                .unwrap_err(),
            "Password",
        ),
        (
            sip.credential_list("CL1")
                .credentials()
                .update("CR1", &NewPassword::new(""))
                .await
                .unwrap_err(),
            "Password",
        ),
        (
            sip.ip_access_control_list("AL1")
                .ip_addresses()
                .create(&IpAddressRequest::new("gw", ""))
                .await
                .unwrap_err(),
            "IpAddress",
        ),
        (
            sip.domain("DO1")
                .credential_list_mappings()
                .map("")
                .await
                .unwrap_err(),
            "CredentialListSid",
        ),
        (
            sip.domain("DO1")
                .ip_acl_mappings()
                .map(" ")
                .await
                .unwrap_err(),
            "IpAccessControlListSid",
        ),
        (
            sip.credential_lists()
                .create(&ListName::new(""))
                .await
                .unwrap_err(),
            "FriendlyName",
        ),
    ] {
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::InvalidInput, Some(field))
        );
    }
    assert!(
        server
            .received_requests()
            .await
            .expect("recording")
            .is_empty()
    );
}

#[tokio::test]
async fn mapping_scopes_take_per_call_options() {
    let domain = format!("{SIP}/Domains/DO0001");
    let (_, req) = exchange(
        ResponseFormat::Json,
        "POST",
        &format!("{domain}/IpAccessControlListMappings"),
        "IpAccessControlList",
        &ip_acl("AL0001"),
        |c| async move {
            c.account()
                .sip()
                .domain("DO0001")
                .ip_acl_mappings()
                .options(
                    cpaas::RequestOptions::new()
                        .header("x-trace", "t-2")
                        .expect("a header"),
                )
                .map("AL0001")
                .await
        },
    )
    .await;
    assert_eq!(header(&req, "x-trace").as_deref(), Some("t-2"));
}
