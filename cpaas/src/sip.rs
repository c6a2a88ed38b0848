//! SIP (`/SIP`): domains, the credential lists and IP access control lists that
//! authenticate their traffic, the credentials and IP addresses in those lists, and the
//! mappings of lists to domains.
//!
//! Scopes mirror the URL: `account.sip().domains()`,
//! `account.sip().domain(d).credential_list_mappings()`,
//! `account.sip().credential_lists()`, `account.sip().credential_list(cl).credentials()`,
//! `account.sip().ip_access_control_lists()`,
//! `account.sip().ip_access_control_list(acl).ip_addresses()`.
//!
//! Document decisions: the credential-list items are listed under `credentials_lists` in
//! List Credentials Lists and `credential_lists` in the mappings (the paginator reads either:
//! it takes the answer's one array); the IP ACL lists under `ip_access_control`. Answer
//! names the document misspells are read under both spellings: `accound_sid`,
//! `domain-sip_url`. A credential's `username`, which the document does not list and the
//! service sends, is modelled. A credential's password is sent, never shown by `Debug`, and
//! never returned.
//!
//! Requests are sent as given: the required fields must be present and not blank, and the
//! document's other rules (a domain name of letters, digits and dashes, error 62006, which
//! the service does not apply to names with dots; passwords of at least
//! [`MIN_PASSWORD_LENGTH`] characters, 62001; IPv4 addresses only, 62016; methods GET or
//! POST) are the service's to apply.
//!
//! The two kinds of mapping of a domain (its credential lists and its IP access control
//! lists) are one type, [`Mappings`], named [`CredentialListMappings`] and [`IpAclMappings`]
//! for the lists they map.
//!
//! Every scope here implements [`Ensure`]: domains by their domain name, credential lists
//! and IP access control lists by their name, credentials by their username, addresses by
//! the address. A domain's mappings are ensured on their own scope, each by the sid of the
//! list it maps ([`CredentialListMapping`], [`IpAclMapping`]), so a provisioning program
//! ensures the lists and the domain, then maps the lists' sids to the domain's:
//!
//! ```no_run
//! # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
//! use cpaas::ensure::Ensure;
//! use cpaas::sip::{CredentialListMapping, NewCredential, NewCredentialList, NewDomain};
//!
//! let sip = client.account().sip();
//! let phones = sip.credential_lists().ensure(&NewCredentialList::new("Office phones")).await?;
//! let phones = &phones.resource().sid;
//! sip.credential_list(phones)
//!     .credentials()
//!     .ensure(&NewCredential::new("alice", "s3cretpassw0rd"))
//!     .await?;
//! let domain = sip.domains().ensure(&NewDomain::new("acme-pbx")).await?;
//! sip.domain(&domain.resource().sid)
//!     .credential_list_mappings()
//!     .ensure(&CredentialListMapping::new(phones))
//!     .await?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;
use std::marker::PhantomData;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use sdk_core::ensure::{Change, Desired, Ensure, Field};
use sdk_core::model::{Secret, UnknownFields, check_required};
use sdk_core::{Method, Result, Scope};

use crate::common::HttpMethod;
use crate::paging::{Listed, Paginator};
use crate::wire::{self, Scalar, Timestamp};

pub(crate) const DOMAINS: &str = "/Accounts/{AccountSid}/SIP/Domains";
pub(crate) const DOMAIN: &str = "/Accounts/{AccountSid}/SIP/Domains/{DomainSid}";
pub(crate) const CL_MAPPINGS: &str =
    "/Accounts/{AccountSid}/SIP/Domains/{DomainSid}/CredentialListMappings";
pub(crate) const CL_MAPPING: &str =
    "/Accounts/{AccountSid}/SIP/Domains/{DomainSid}/CredentialListMappings/{CLSid}";
pub(crate) const ACL_MAPPINGS: &str =
    "/Accounts/{AccountSid}/SIP/Domains/{DomainSid}/IpAccessControlListMappings";
pub(crate) const ACL_MAPPING: &str =
    "/Accounts/{AccountSid}/SIP/Domains/{DomainSid}/IpAccessControlListMappings/{ALSid}";
pub(crate) const CREDENTIAL_LISTS: &str = "/Accounts/{AccountSid}/SIP/CredentialLists";
pub(crate) const CREDENTIAL_LIST: &str = "/Accounts/{AccountSid}/SIP/CredentialLists/{CLSid}";
pub(crate) const CREDENTIALS: &str =
    "/Accounts/{AccountSid}/SIP/CredentialLists/{CLSid}/Credentials";
pub(crate) const CREDENTIAL: &str =
    "/Accounts/{AccountSid}/SIP/CredentialLists/{CLSid}/Credentials/{CredentialSid}";
pub(crate) const IP_ACLS: &str = "/Accounts/{AccountSid}/SIP/IpAccessControlLists";
pub(crate) const IP_ACL: &str =
    "/Accounts/{AccountSid}/SIP/IpAccessControlLists/{IpAccessControlListSid}";
pub(crate) const IP_ADDRESSES: &str =
    "/Accounts/{AccountSid}/SIP/IpAccessControlLists/{AclSid}/IpAddresses";
pub(crate) const IP_ADDRESS: &str =
    "/Accounts/{AccountSid}/SIP/IpAccessControlLists/{AclSid}/IpAddresses/{IpSid}";

/// The shortest password the service takes for a SIP credential, as the document says
/// (it refuses a shorter one with error 62001); the SDK sends any non-empty password.
pub const MIN_PASSWORD_LENGTH: usize = 8;

sdk_core::id_type! {
    /// The sid of a SIP domain (`DomainSid`).
    pub struct DomainSid;
}
sdk_core::id_type! {
    /// The sid of a credential list (`CLSid`, `CredentialListSid`).
    pub struct CredentialListSid;
}
sdk_core::id_type! {
    /// The sid of a credential (`CredentialSid`).
    pub struct CredentialSid;
}
sdk_core::id_type! {
    /// The sid of an IP access control list (`IpAccessControlListSid`, `AclSid`, `ALSid`).
    pub struct IpAclSid;
}
sdk_core::id_type! {
    /// The sid of an IP address of a list (`IpSid`).
    pub struct IpAddressSid;
}

sdk_core::string_enum! {
    /// How a domain's traffic is authenticated (`auth_type`). The document lists `IP_ACL`
    /// and `CREDENTIAL_LIST`; the service answers `ip_and_credential` for a domain with
    /// both. Any other spelling is kept as sent.
    pub enum AuthType {
        /// By IP access control lists.
        IpAcl = "IP_ACL",
        /// By credential lists.
        CredentialList = "CREDENTIAL_LIST",
        /// By both.
        IpAndCredential = "ip_and_credential",
    }
}

/// A SIP domain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Domain {
    /// The domain's sid.
    #[serde(deserialize_with = "wire::sid")]
    pub sid: DomainSid,
    /// Its name.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub friendly_name: Option<String>,
    /// The account.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub account_sid: Option<String>,
    /// The domain name (`{name}.sip.zang.io`).
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub domain_name: Option<String>,
    /// How traffic is authenticated.
    #[serde(
        default,
        deserialize_with = "wire::parsed",
        skip_serializing_if = "Option::is_none"
    )]
    pub auth_type: Option<AuthType>,
    /// The InboundXML of calls to the domain.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub voice_url: Option<String>,
    /// The method of `voice_url`.
    #[serde(
        default,
        deserialize_with = "wire::parsed",
        skip_serializing_if = "Option::is_none"
    )]
    pub voice_method: Option<HttpMethod>,
    /// The URL used when `voice_url` fails.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub voice_fallback_url: Option<String>,
    /// The method of `voice_fallback_url`.
    #[serde(
        default,
        deserialize_with = "wire::parsed",
        skip_serializing_if = "Option::is_none"
    )]
    pub voice_fallback_method: Option<HttpMethod>,
    /// Told every 60 seconds during a call (sent as `HeartbeatUrl`).
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub voice_heartbeat_callback: Option<String>,
    /// The method of `voice_heartbeat_callback`.
    #[serde(
        default,
        deserialize_with = "wire::parsed",
        skip_serializing_if = "Option::is_none"
    )]
    pub voice_heartbeat_callback_method: Option<HttpMethod>,
    /// Told when a call ends (sent as `VoiceStatusCallback`).
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub voice_status_callback_url: Option<String>,
    /// The method of `voice_status_callback_url`.
    #[serde(
        default,
        deserialize_with = "wire::parsed",
        skip_serializing_if = "Option::is_none"
    )]
    pub voice_status_callback_method: Option<HttpMethod>,
    /// The SIP URL of the domain (the document spells it `domain-sip_url`).
    #[serde(
        default,
        alias = "domain-sip_url",
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub domain_sip_url: Option<String>,
    /// When it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_created: Option<Timestamp>,
    /// When it was last updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_updated: Option<Timestamp>,
    /// This resource's path.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub uri: Option<String>,
    /// The paths of its mappings.
    #[serde(
        default,
        deserialize_with = "wire::snake_keys",
        skip_serializing_if = "Option::is_none"
    )]
    pub subresource_uris: Option<BTreeMap<String, String>>,
    /// Fields the SDK does not name, kept as the server sent them.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

sdk_core::listed!(Domain = "domains");

/// A list of SIP credentials.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CredentialList {
    /// The list's sid.
    #[serde(deserialize_with = "wire::sid")]
    pub sid: CredentialListSid,
    /// The account (the document spells it `accound_sid`).
    #[serde(
        default,
        alias = "accound_sid",
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub account_sid: Option<String>,
    /// Its name.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub friendly_name: Option<String>,
    /// How many credentials it holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credentials_count: Option<Scalar<u64>>,
    /// When it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_created: Option<Timestamp>,
    /// When it was last updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_updated: Option<Timestamp>,
    /// This resource's path.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub uri: Option<String>,
    /// The path of its credentials.
    #[serde(
        default,
        deserialize_with = "wire::snake_keys",
        skip_serializing_if = "Option::is_none"
    )]
    pub subresource_uris: Option<BTreeMap<String, String>>,
    /// Fields the SDK does not name, kept as the server sent them.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

// The mappings' key (List Credentials Lists says `credentials_lists`: both are read).
sdk_core::listed!(CredentialList = "credential_lists");

/// A SIP credential (its password is never returned).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Credential {
    /// The credential's sid.
    #[serde(deserialize_with = "wire::sid")]
    pub sid: CredentialSid,
    /// The username (not in the document's list).
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub username: Option<String>,
    /// The account.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub account_sid: Option<String>,
    /// Its name.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub friendly_name: Option<String>,
    /// The list it belongs to.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub credential_list: Option<String>,
    /// When it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_created: Option<Timestamp>,
    /// When it was last updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_updated: Option<Timestamp>,
    /// This resource's path.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub uri: Option<String>,
    /// Subresource paths.
    #[serde(
        default,
        deserialize_with = "wire::snake_keys",
        skip_serializing_if = "Option::is_none"
    )]
    pub subresource_uris: Option<BTreeMap<String, String>>,
    /// Fields the SDK does not name, kept as the server sent them.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

sdk_core::listed!(Credential = "credentials");

/// An IP access control list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct IpAccessControlList {
    /// The list's sid.
    #[serde(deserialize_with = "wire::sid")]
    pub sid: IpAclSid,
    /// Its name.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub friendly_name: Option<String>,
    /// The account.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub account_sid: Option<String>,
    /// How many addresses it holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_addresses_count: Option<Scalar<u64>>,
    /// When it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_created: Option<Timestamp>,
    /// When it was last updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_updated: Option<Timestamp>,
    /// This resource's path.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub uri: Option<String>,
    /// Subresource paths.
    #[serde(
        default,
        deserialize_with = "wire::snake_keys",
        skip_serializing_if = "Option::is_none"
    )]
    pub subresource_uris: Option<BTreeMap<String, String>>,
    /// Fields the SDK does not name, kept as the server sent them.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

sdk_core::listed!(IpAccessControlList = "ip_access_control");

/// An IP address of an access control list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct IpAddress {
    /// The address's sid.
    #[serde(deserialize_with = "wire::sid")]
    pub sid: IpAddressSid,
    /// Its name.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub friendly_name: Option<String>,
    /// The IPv4 address.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub ip_address: Option<String>,
    /// The account.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub account_sid: Option<String>,
    /// When it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_created: Option<Timestamp>,
    /// When it was last updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_updated: Option<Timestamp>,
    /// This resource's path.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub uri: Option<String>,
    /// Subresource paths.
    #[serde(
        default,
        deserialize_with = "wire::snake_keys",
        skip_serializing_if = "Option::is_none"
    )]
    pub subresource_uris: Option<BTreeMap<String, String>>,
    /// Fields the SDK does not name, kept as the server sent them.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

sdk_core::listed!(IpAddress = "ip_addresses");

/// The settings of a domain: what Update Domain sends, and what Create Domain sends besides
/// the name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct DomainSettings {
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub friendly_name: Option<String>,
    /// The InboundXML of calls to the domain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice_url: Option<String>,
    /// The method of `voice_url`: GET or POST, as the document says (every method below
    /// likewise; sent as given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice_method: Option<HttpMethod>,
    /// The URL used when `voice_url` fails.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice_fallback_url: Option<String>,
    /// The method of `voice_fallback_url`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice_fallback_method: Option<HttpMethod>,
    /// Told every 60 seconds during a call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heartbeat_url: Option<String>,
    /// The method of `heartbeat_url`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heartbeat_method: Option<HttpMethod>,
    /// Told when a call ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice_status_callback: Option<String>,
    /// The method of `voice_status_callback`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice_status_callback_method: Option<HttpMethod>,
}

impl DomainSettings {
    /// No setting yet.
    pub fn new() -> Self {
        Self::default()
    }
}

sdk_core::setters!(DomainSettings {
    /// The name.
    friendly_name: String,
    /// The InboundXML of calls to the domain.
    voice_url: String,
    /// The method of `VoiceUrl`.
    voice_method: HttpMethod,
    /// The URL used when `VoiceUrl` fails.
    voice_fallback_url: String,
    /// The method of `VoiceFallbackUrl`.
    voice_fallback_method: HttpMethod,
    /// Told every 60 seconds during a call.
    heartbeat_url: String,
    /// The method of `HeartbeatUrl`.
    heartbeat_method: HttpMethod,
    /// Told when a call ends.
    voice_status_callback: String,
    /// The method of `VoiceStatusCallback`.
    voice_status_callback_method: HttpMethod,
});

/// The form of Create Domain.
///
/// ```
/// use cpaas::sip::{DomainSettings, NewDomain};
///
/// let d = NewDomain::new("acme-pbx").settings(DomainSettings::new().voice_url("https://example.com/voice.xml"));
/// let dotted = NewDomain::new("mydomain.com");
/// # let _ = (d, dotted);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct NewDomain {
    /// The domain name (the document: letters, digits and dashes; the service also takes
    /// names with dots such as `mydomain.com`). Required.
    pub domain_name: String,
    /// Its settings.
    #[serde(flatten)]
    pub settings: DomainSettings,
}

impl NewDomain {
    /// A domain named `domain_name`.
    pub fn new(domain_name: impl Into<String>) -> Self {
        NewDomain {
            domain_name: domain_name.into(),
            ..Self::default()
        }
    }

    /// Sets its settings.
    pub fn settings(mut self, settings: DomainSettings) -> Self {
        self.settings = settings;
        self
    }

    fn check(&self) -> Result<()> {
        check_required("DomainName", &self.domain_name)
    }
}

/// The form that creates or renames a credential list or an IP access control list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct ListName {
    /// The list's name.
    pub friendly_name: String,
}

impl ListName {
    /// A list named `friendly_name`.
    pub fn new(friendly_name: impl Into<String>) -> Self {
        ListName {
            friendly_name: friendly_name.into(),
        }
    }

    fn check(&self) -> Result<()> {
        check_required("FriendlyName", &self.friendly_name)
    }
}

/// The form of Create Credential.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct NewCredential {
    /// The username, unique in the list.
    pub username: String,
    /// The password (the document: at least [`MIN_PASSWORD_LENGTH`] characters; never shown
    /// by `Debug`).
    pub password: Secret,
}

impl NewCredential {
    /// `username` with `password`.
    pub fn new(username: impl Into<String>, password: impl Into<Secret>) -> Self {
        NewCredential {
            username: username.into(),
            password: password.into(),
        }
    }

    fn check(&self) -> Result<()> {
        check_required("Username", &self.username)?;
        check_required("Password", self.password.expose())
    }
}

/// The form of Update Credential: a new password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct NewPassword {
    /// The password (the document: at least [`MIN_PASSWORD_LENGTH`] characters; never shown
    /// by `Debug`).
    pub password: Secret,
}

impl NewPassword {
    /// The new `password`.
    pub fn new(password: impl Into<Secret>) -> Self {
        NewPassword {
            password: password.into(),
        }
    }
}

/// The form of Add (and Update) IP Address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct IpAddressRequest {
    /// The address's name.
    pub friendly_name: String,
    /// The address (the document: IPv4, unique within the list).
    pub ip_address: String,
}

impl IpAddressRequest {
    /// `ip_address`, named `friendly_name`.
    pub fn new(friendly_name: impl Into<String>, ip_address: impl Into<String>) -> Self {
        IpAddressRequest {
            friendly_name: friendly_name.into(),
            ip_address: ip_address.into(),
        }
    }

    fn check(&self) -> Result<()> {
        check_required("FriendlyName", &self.friendly_name)?;
        check_required("IpAddress", &self.ip_address)
    }
}

/// A credential list as an ensure takes it: its name (the form Create Credentials List
/// sends is a [`ListName`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct NewCredentialList {
    /// The list's name.
    pub friendly_name: String,
}

impl NewCredentialList {
    /// A list named `friendly_name`.
    pub fn new(friendly_name: impl Into<String>) -> Self {
        NewCredentialList {
            friendly_name: friendly_name.into(),
        }
    }
}

/// An IP access control list as an ensure takes it: its name (the form Create IP ACL sends
/// is a [`ListName`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct NewIpAccessControlList {
    /// The list's name.
    pub friendly_name: String,
}

impl NewIpAccessControlList {
    /// A list named `friendly_name`.
    pub fn new(friendly_name: impl Into<String>) -> Self {
        NewIpAccessControlList {
            friendly_name: friendly_name.into(),
        }
    }
}

/// A credential list mapped to a domain, as an ensure of
/// [`CredentialListMappings`] takes it: the list's sid (what the list's own ensure
/// answers).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct CredentialListMapping {
    /// The mapped list.
    pub credential_list_sid: CredentialListSid,
}

impl CredentialListMapping {
    /// The list `credential_list_sid`, mapped.
    pub fn new(credential_list_sid: impl Into<CredentialListSid>) -> Self {
        CredentialListMapping {
            credential_list_sid: credential_list_sid.into(),
        }
    }
}

/// An IP access control list mapped to a domain, as an ensure of [`IpAclMappings`] takes
/// it: the list's sid (what the list's own ensure answers).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct IpAclMapping {
    /// The mapped list.
    pub ip_access_control_list_sid: IpAclSid,
}

impl IpAclMapping {
    /// The list `ip_access_control_list_sid`, mapped.
    pub fn new(ip_access_control_list_sid: impl Into<IpAclSid>) -> Self {
        IpAclMapping {
            ip_access_control_list_sid: ip_access_control_list_sid.into(),
        }
    }
}

/// SIP below an account: `/Accounts/{AccountSid}/SIP`.
#[derive(Debug, Clone)]
pub struct Sip<'a>(pub(crate) Scope<'a>);

impl<'a> Sip<'a> {
    /// The domains: `/SIP/Domains`.
    pub fn domains(&self) -> Domains<'a> {
        Domains(self.0.clone())
    }

    /// One domain, for its mappings: `/SIP/Domains/{DomainSid}`.
    pub fn domain(&self, domain_sid: impl AsRef<str>) -> DomainScope<'a> {
        DomainScope(self.0.below(domain_sid.as_ref()))
    }

    /// The credential lists: `/SIP/CredentialLists`.
    pub fn credential_lists(&self) -> CredentialLists<'a> {
        CredentialLists(self.0.clone())
    }

    /// One credential list, for its credentials: `/SIP/CredentialLists/{CLSid}`.
    pub fn credential_list(&self, list_sid: impl AsRef<str>) -> CredentialListScope<'a> {
        CredentialListScope(self.0.below(list_sid.as_ref()))
    }

    /// The IP access control lists: `/SIP/IpAccessControlLists`.
    pub fn ip_access_control_lists(&self) -> IpAccessControlLists<'a> {
        IpAccessControlLists(self.0.clone())
    }

    /// One IP access control list, for its addresses:
    /// `/SIP/IpAccessControlLists/{IpAccessControlListSid}`.
    pub fn ip_access_control_list(&self, list_sid: impl AsRef<str>) -> IpAclScope<'a> {
        IpAclScope(self.0.below(list_sid.as_ref()))
    }
}

/// One SIP domain: `/SIP/Domains/{DomainSid}`.
#[derive(Debug, Clone)]
pub struct DomainScope<'a>(Scope<'a>);

impl<'a> DomainScope<'a> {
    /// Its credential-list mappings: `/CredentialListMappings`.
    pub fn credential_list_mappings(&self) -> CredentialListMappings<'a> {
        Mappings::new(&self.0, "CredentialListSid", (CL_MAPPINGS, CL_MAPPING))
    }

    /// Its IP-ACL mappings: `/IpAccessControlListMappings`.
    pub fn ip_acl_mappings(&self) -> IpAclMappings<'a> {
        Mappings::new(
            &self.0,
            "IpAccessControlListSid",
            (ACL_MAPPINGS, ACL_MAPPING),
        )
    }
}

/// One credential list: `/SIP/CredentialLists/{CLSid}`.
#[derive(Debug, Clone)]
pub struct CredentialListScope<'a>(Scope<'a>);

impl<'a> CredentialListScope<'a> {
    /// Its credentials: `/Credentials`.
    pub fn credentials(&self) -> Credentials<'a> {
        Credentials(self.0.clone())
    }
}

/// One IP access control list: `/SIP/IpAccessControlLists/{IpAccessControlListSid}`.
#[derive(Debug, Clone)]
pub struct IpAclScope<'a>(Scope<'a>);

impl<'a> IpAclScope<'a> {
    /// Its addresses: `/IpAddresses`.
    pub fn ip_addresses(&self) -> IpAddresses<'a> {
        IpAddresses(self.0.clone())
    }
}

// The shapes every SIP operation takes: a form POST answering the resource (the creates, the
// updates, the mappings), a GET or DELETE of one resource answering it, a list.

/// A form POST of `form` (a create, an update, a mapping), refused before sending when
/// `check` fails; answers the resource.
async fn sip_form<T: DeserializeOwned, F: Serialize>(
    scope: &Scope<'_>,
    op: &'static str,
    template: &str,
    ids: &[&str],
    form: &F,
    check: impl FnOnce() -> Result<()>,
) -> Result<T> {
    let spec = scope
        .spec(Method::POST, op, template, ids)
        .validate(check)
        .form(form);
    scope.execute(spec).await
}

/// A `method` (GET or DELETE) of the resource `sid`: answers it.
async fn sip_one<T: DeserializeOwned>(
    scope: &Scope<'_>,
    method: Method,
    op: &'static str,
    template: &str,
    sid: &str,
) -> Result<T> {
    scope
        .execute(scope.spec(method, op, template, &[sid]))
        .await
}

/// A list of the collection `template`.
fn sip_list<T: Listed>(scope: &Scope<'_>, op: &'static str, template: &str) -> Paginator<T> {
    scope.paginator(scope.spec(Method::GET, op, template, &[]))
}

impl NewPassword {
    fn check(&self) -> Result<()> {
        check_required("Password", self.password.expose())
    }
}

sdk_core::scope_type! {
    /// The SIP domains of an account (`cpaas.sip.domains.*`).
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// let domains = client.account().sip().domains();
    /// let domain = domains.get("DS0123").await?;
    /// println!("{:?} {:?}", domain.domain_name, domain.voice_url);
    /// # Ok(()) }
    /// ```
    Domains
}

impl Domains<'_> {
    /// Create Domain (`cpaas.sip.domains.create`): answers the domain.
    ///
    /// # Errors
    ///
    /// [`sdk_core::ErrorKind::InvalidInput`] for a blank `DomainName` (nothing sent); else as
    /// any call (62006 for a name the service refuses, 62007 for one taken).
    pub async fn create(&self, request: &NewDomain) -> Result<Domain> {
        let op = "cpaas.sip.domains.create";
        sip_form(&self.0, op, DOMAINS, &[], request, || request.check()).await
    }

    /// View Domain (`cpaas.sip.domains.get`).
    ///
    /// # Errors
    ///
    /// As any call: the server's answer, transport, decode.
    pub async fn get(&self, domain_sid: impl AsRef<str>) -> Result<Domain> {
        let op = "cpaas.sip.domains.get";
        sip_one(&self.0, Method::GET, op, DOMAIN, domain_sid.as_ref()).await
    }

    /// List Domains (`cpaas.sip.domains.list`).
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// use sdk_core::futures_util::TryStreamExt;
    ///
    /// let mut domains = client.account().sip().domains().list().items();
    /// while let Some(domain) = domains.try_next().await? {
    ///     println!("{} {:?}", domain.sid, domain.domain_sip_url);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self) -> Paginator<Domain> {
        sip_list(&self.0, "cpaas.sip.domains.list", DOMAINS)
    }

    /// Update Domain (`cpaas.sip.domains.update`): a form POST of what changes; answers the
    /// domain.
    ///
    /// # Errors
    ///
    /// As [`create`](Self::create).
    pub async fn update(
        &self,
        domain_sid: impl AsRef<str>,
        settings: &DomainSettings,
    ) -> Result<Domain> {
        let op = "cpaas.sip.domains.update";
        let ids = [domain_sid.as_ref()];
        sip_form(&self.0, op, DOMAIN, &ids, settings, || Ok(())).await
    }

    /// Delete Domain (`cpaas.sip.domains.delete`): answers the deleted domain.
    ///
    /// # Errors
    ///
    /// As any call.
    pub async fn delete(&self, domain_sid: impl AsRef<str>) -> Result<Domain> {
        let op = "cpaas.sip.domains.delete";
        sip_one(&self.0, Method::DELETE, op, DOMAIN, domain_sid.as_ref()).await
    }
}

impl Desired for NewDomain {
    type Live = Domain;
    const KIND: &'static str = "SIP domain";
    /// The domain name: unique on the platform and the address SIP traffic is routed to.
    /// Update Domain cannot change it, so a domain of another name is another domain.
    const KEY: Field = Field::new("DomainName").live("domain_name");
    /// Every setting Update Domain takes; the answer names three of them otherwise
    /// (`voice_heartbeat_callback`, `voice_heartbeat_callback_method`,
    /// `voice_status_callback_url`). Its credential lists and IP access control lists are
    /// not fields of the domain: they are mappings, ensured on their own scopes.
    const FIELDS: &'static [Field] = &[
        Field::new("FriendlyName").live("friendly_name"),
        Field::new("VoiceUrl").live("voice_url"),
        Field::new("VoiceMethod").live("voice_method"),
        Field::new("VoiceFallbackUrl").live("voice_fallback_url"),
        Field::new("VoiceFallbackMethod").live("voice_fallback_method"),
        Field::new("HeartbeatUrl").live("voice_heartbeat_callback"),
        Field::new("HeartbeatMethod").live("voice_heartbeat_callback_method"),
        Field::new("VoiceStatusCallback").live("voice_status_callback_url"),
        Field::new("VoiceStatusCallbackMethod").live("voice_status_callback_method"),
    ];
}

/// SIP domains are ensured by domain name, found in the whole list; an update sends only
/// the settings that differ (Update Domain keeps the others).
///
/// ```no_run
/// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
/// use cpaas::ensure::Ensure;
/// use cpaas::sip::{DomainSettings, NewDomain};
///
/// let domains = client.account().sip().domains();
/// let pbx = NewDomain::new("acme-pbx")
///     .settings(DomainSettings::new().voice_url("https://example.com/voice.xml"));
/// let outcome = domains.ensure(&pbx).await?;
/// println!("{} {}", outcome.verb(), outcome.resource().sid);
/// # Ok(()) }
/// ```
impl Ensure<NewDomain> for Domains<'_> {
    async fn find(&self, _keys: &[String]) -> Result<Vec<Domain>> {
        self.list().collect_all().await
    }

    async fn create(&self, desired: &NewDomain) -> Result<Domain> {
        self.create(desired).await
    }

    async fn update(
        &self,
        live: &Domain,
        desired: &NewDomain,
        changes: &[Change],
    ) -> Result<Domain> {
        let settings: DomainSettings = desired.changes_only(changes)?;
        self.update(&live.sid, &settings).await
    }

    async fn delete(&self, live: &Domain) -> Result<()> {
        self.delete(&live.sid).await.map(drop)
    }
}

sdk_core::scope_type! {
    /// The credential lists of an account (`cpaas.sip.credential_lists.*`).
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// let lists = client.account().sip().credential_lists();
    /// let list = lists.get("CL0123").await?;
    /// println!("{:?} {:?}", list.friendly_name, list.credentials_count);
    /// # Ok(()) }
    /// ```
    CredentialLists
}

impl CredentialLists<'_> {
    /// Create Credentials List (`cpaas.sip.credential_lists.create`): answers the list.
    ///
    /// # Errors
    ///
    /// [`sdk_core::ErrorKind::InvalidInput`] for a blank name (nothing sent); else as any
    /// call.
    pub async fn create(&self, request: &ListName) -> Result<CredentialList> {
        let op = "cpaas.sip.credential_lists.create";
        sip_form(&self.0, op, CREDENTIAL_LISTS, &[], request, || {
            request.check()
        })
        .await
    }

    /// View Credentials List (`cpaas.sip.credential_lists.get`).
    ///
    /// # Errors
    ///
    /// As any call: the server's answer, transport, decode.
    pub async fn get(&self, list_sid: impl AsRef<str>) -> Result<CredentialList> {
        let op = "cpaas.sip.credential_lists.get";
        sip_one(&self.0, Method::GET, op, CREDENTIAL_LIST, list_sid.as_ref()).await
    }

    /// List Credentials Lists (`cpaas.sip.credential_lists.list`).
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// for list in client.account().sip().credential_lists().list().collect_all().await? {
    ///     println!("{} {:?} {:?}", list.sid, list.friendly_name, list.credentials_count);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self) -> Paginator<CredentialList> {
        sip_list(&self.0, "cpaas.sip.credential_lists.list", CREDENTIAL_LISTS)
    }

    /// Update Credentials List (`cpaas.sip.credential_lists.update`): renames it; answers
    /// the list.
    ///
    /// # Errors
    ///
    /// As [`create`](Self::create).
    pub async fn update(
        &self,
        list_sid: impl AsRef<str>,
        request: &ListName,
    ) -> Result<CredentialList> {
        let op = "cpaas.sip.credential_lists.update";
        let ids = [list_sid.as_ref()];
        sip_form(&self.0, op, CREDENTIAL_LIST, &ids, request, || {
            request.check()
        })
        .await
    }

    /// Delete Credentials List (`cpaas.sip.credential_lists.delete`): answers the deleted
    /// list.
    ///
    /// # Errors
    ///
    /// As any call.
    pub async fn delete(&self, list_sid: impl AsRef<str>) -> Result<CredentialList> {
        let op = "cpaas.sip.credential_lists.delete";
        sip_one(
            &self.0,
            Method::DELETE,
            op,
            CREDENTIAL_LIST,
            list_sid.as_ref(),
        )
        .await
    }
}

impl Desired for NewCredentialList {
    type Live = CredentialList;
    const KIND: &'static str = "credential list";
    /// The name: a list has nothing else of its own (its credentials are ensured in it).
    const KEY: Field = Field::new("FriendlyName").live("friendly_name");
    /// None: Update Credentials List only renames, and the name is the key.
    const FIELDS: &'static [Field] = &[];
}

/// Credential lists are ensured by name, found in the whole list: created or left (a list
/// has no field but its name).
///
/// ```no_run
/// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
/// use cpaas::ensure::Ensure;
/// use cpaas::sip::NewCredentialList;
///
/// let lists = client.account().sip().credential_lists();
/// let phones = lists.ensure(&NewCredentialList::new("Office phones")).await?;
/// println!("{} {}", phones.verb(), phones.resource().sid);
/// # Ok(()) }
/// ```
impl Ensure<NewCredentialList> for CredentialLists<'_> {
    async fn find(&self, _keys: &[String]) -> Result<Vec<CredentialList>> {
        self.list().collect_all().await
    }

    async fn create(&self, desired: &NewCredentialList) -> Result<CredentialList> {
        self.create(&ListName::new(desired.friendly_name.as_str()))
            .await
    }

    /// Sends the name (there is nothing else to update).
    async fn update(
        &self,
        live: &CredentialList,
        desired: &NewCredentialList,
        _changes: &[Change],
    ) -> Result<CredentialList> {
        let name = ListName::new(desired.friendly_name.as_str());
        self.update(&live.sid, &name).await
    }

    async fn delete(&self, live: &CredentialList) -> Result<()> {
        self.delete(&live.sid).await.map(drop)
    }
}

sdk_core::scope_type! {
    /// The credentials of a credential list (`cpaas.sip.credentials.*`).
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// use cpaas::sip::NewCredential;
    ///
    /// let credentials = client.account().sip().credential_list("CL0123").credentials();
    /// let alice = credentials.create(&NewCredential::new("alice", "s3cretpassw0rd")).await?;
    /// println!("{} {:?}", alice.sid, alice.username);
    /// # Ok(()) }
    /// ```
    Credentials
}

impl Credentials<'_> {
    /// Create Credential (`cpaas.sip.credentials.create`) in the list: answers the
    /// credential (without its password).
    ///
    /// # Errors
    ///
    /// [`sdk_core::ErrorKind::InvalidInput`] for a blank `Username` or `Password` (nothing
    /// sent); else as any call (62001 for a password the service refuses, 62002 for a
    /// username taken).
    pub async fn create(&self, request: &NewCredential) -> Result<Credential> {
        let op = "cpaas.sip.credentials.create";
        sip_form(&self.0, op, CREDENTIALS, &[], request, || request.check()).await
    }

    /// View Credential (`cpaas.sip.credentials.get`).
    ///
    /// # Errors
    ///
    /// As any call: the server's answer, transport, decode.
    pub async fn get(&self, credential_sid: impl AsRef<str>) -> Result<Credential> {
        let op = "cpaas.sip.credentials.get";
        sip_one(
            &self.0,
            Method::GET,
            op,
            CREDENTIAL,
            credential_sid.as_ref(),
        )
        .await
    }

    /// List Credentials (`cpaas.sip.credentials.list`) of the list.
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// let credentials = client.account().sip().credential_list("CL0123").credentials();
    /// for credential in credentials.list().collect_all().await? {
    ///     println!("{} {:?}", credential.sid, credential.username);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self) -> Paginator<Credential> {
        sip_list(&self.0, "cpaas.sip.credentials.list", CREDENTIALS)
    }

    /// Update Credential (`cpaas.sip.credentials.update`): sets a new password; answers the
    /// credential.
    ///
    /// # Errors
    ///
    /// As [`create`](Self::create).
    pub async fn update(
        &self,
        credential_sid: impl AsRef<str>,
        request: &NewPassword,
    ) -> Result<Credential> {
        let op = "cpaas.sip.credentials.update";
        let ids = [credential_sid.as_ref()];
        sip_form(&self.0, op, CREDENTIAL, &ids, request, || request.check()).await
    }

    /// Delete Credential (`cpaas.sip.credentials.delete`): answers the deleted credential.
    ///
    /// # Errors
    ///
    /// As any call.
    pub async fn delete(&self, credential_sid: impl AsRef<str>) -> Result<Credential> {
        let op = "cpaas.sip.credentials.delete";
        sip_one(
            &self.0,
            Method::DELETE,
            op,
            CREDENTIAL,
            credential_sid.as_ref(),
        )
        .await
    }
}

impl Desired for NewCredential {
    type Live = Credential;
    const KIND: &'static str = "SIP credential";
    /// The username: unique within its list (62002), and what a device signs in with.
    const KEY: Field = Field::new("Username").live("username");
    /// The password, a secret. The service never shows it, so it is set on create and
    /// compared never after: a new password is [`Credentials::update`]'s to send.
    const FIELDS: &'static [Field] = &[Field::new("Password").live("password").secret()];
}

/// Credentials are ensured by username within their list, found in the whole list:
/// created with their password, then left (the service never shows a password to compare).
///
/// ```no_run
/// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
/// use cpaas::ensure::Ensure;
/// use cpaas::sip::NewCredential;
///
/// let credentials = client.account().sip().credential_list("CL0123").credentials();
/// let alice = credentials
///     .ensure(&NewCredential::new("alice", "s3cretpassw0rd"))
///     .await?;
/// println!("{} {}", alice.verb(), alice.resource().sid);
/// # Ok(()) }
/// ```
impl Ensure<NewCredential> for Credentials<'_> {
    async fn find(&self, _keys: &[String]) -> Result<Vec<Credential>> {
        self.list().collect_all().await
    }

    async fn create(&self, desired: &NewCredential) -> Result<Credential> {
        self.create(desired).await
    }

    /// Sends the new password (the one field Update Credential takes).
    async fn update(
        &self,
        live: &Credential,
        desired: &NewCredential,
        _changes: &[Change],
    ) -> Result<Credential> {
        let password = NewPassword::new(desired.password.clone());
        self.update(&live.sid, &password).await
    }

    async fn delete(&self, live: &Credential) -> Result<()> {
        self.delete(&live.sid).await.map(drop)
    }
}

sdk_core::scope_type! {
    /// The IP access control lists of an account (`cpaas.sip.ip_acls.*`).
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// let acls = client.account().sip().ip_access_control_lists();
    /// let acl = acls.get("AL0123").await?;
    /// println!("{:?} {:?}", acl.friendly_name, acl.ip_addresses_count);
    /// # Ok(()) }
    /// ```
    IpAccessControlLists
}

impl IpAccessControlLists<'_> {
    /// Create IP ACL (`cpaas.sip.ip_acls.create`): answers the list.
    ///
    /// # Errors
    ///
    /// [`sdk_core::ErrorKind::InvalidInput`] for a blank name (nothing sent); else as any
    /// call.
    pub async fn create(&self, request: &ListName) -> Result<IpAccessControlList> {
        let op = "cpaas.sip.ip_acls.create";
        sip_form(&self.0, op, IP_ACLS, &[], request, || request.check()).await
    }

    /// View IP ACL (`cpaas.sip.ip_acls.get`).
    ///
    /// # Errors
    ///
    /// As any call: the server's answer, transport, decode.
    pub async fn get(&self, list_sid: impl AsRef<str>) -> Result<IpAccessControlList> {
        let op = "cpaas.sip.ip_acls.get";
        sip_one(&self.0, Method::GET, op, IP_ACL, list_sid.as_ref()).await
    }

    /// List IP ACLs (`cpaas.sip.ip_acls.list`).
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// use sdk_core::futures_util::TryStreamExt;
    ///
    /// let mut acls = client.account().sip().ip_access_control_lists().list().items();
    /// while let Some(acl) = acls.try_next().await? {
    ///     println!("{} {:?}", acl.sid, acl.friendly_name);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self) -> Paginator<IpAccessControlList> {
        sip_list(&self.0, "cpaas.sip.ip_acls.list", IP_ACLS)
    }

    /// Update IP ACL (`cpaas.sip.ip_acls.update`): renames it; answers the list.
    ///
    /// # Errors
    ///
    /// As [`create`](Self::create).
    pub async fn update(
        &self,
        list_sid: impl AsRef<str>,
        request: &ListName,
    ) -> Result<IpAccessControlList> {
        let op = "cpaas.sip.ip_acls.update";
        let ids = [list_sid.as_ref()];
        sip_form(&self.0, op, IP_ACL, &ids, request, || request.check()).await
    }

    /// Delete IP ACL (`cpaas.sip.ip_acls.delete`): answers the deleted list.
    ///
    /// # Errors
    ///
    /// As any call.
    pub async fn delete(&self, list_sid: impl AsRef<str>) -> Result<IpAccessControlList> {
        let op = "cpaas.sip.ip_acls.delete";
        sip_one(&self.0, Method::DELETE, op, IP_ACL, list_sid.as_ref()).await
    }
}

impl Desired for NewIpAccessControlList {
    type Live = IpAccessControlList;
    const KIND: &'static str = "IP access control list";
    /// The name: a list has nothing else of its own (its addresses are ensured in it).
    const KEY: Field = Field::new("FriendlyName").live("friendly_name");
    /// None: Update IP ACL only renames, and the name is the key.
    const FIELDS: &'static [Field] = &[];
}

/// IP access control lists are ensured by name, found in the whole list: created or left
/// (a list has no field but its name).
///
/// ```no_run
/// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
/// use cpaas::ensure::Ensure;
/// use cpaas::sip::NewIpAccessControlList;
///
/// let lists = client.account().sip().ip_access_control_lists();
/// let office = lists.ensure(&NewIpAccessControlList::new("Office")).await?;
/// println!("{} {}", office.verb(), office.resource().sid);
/// # Ok(()) }
/// ```
impl Ensure<NewIpAccessControlList> for IpAccessControlLists<'_> {
    async fn find(&self, _keys: &[String]) -> Result<Vec<IpAccessControlList>> {
        self.list().collect_all().await
    }

    async fn create(&self, desired: &NewIpAccessControlList) -> Result<IpAccessControlList> {
        self.create(&ListName::new(desired.friendly_name.as_str()))
            .await
    }

    /// Sends the name (there is nothing else to update).
    async fn update(
        &self,
        live: &IpAccessControlList,
        desired: &NewIpAccessControlList,
        _changes: &[Change],
    ) -> Result<IpAccessControlList> {
        let name = ListName::new(desired.friendly_name.as_str());
        self.update(&live.sid, &name).await
    }

    async fn delete(&self, live: &IpAccessControlList) -> Result<()> {
        self.delete(&live.sid).await.map(drop)
    }
}

sdk_core::scope_type! {
    /// The addresses of an IP access control list (`cpaas.sip.ip_addresses.*`).
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// let addresses = client.account().sip().ip_access_control_list("AL0123").ip_addresses();
    /// let office = addresses.get("IP0123").await?;
    /// println!("{:?} {:?}", office.friendly_name, office.ip_address);
    /// # Ok(()) }
    /// ```
    IpAddresses
}

impl IpAddresses<'_> {
    /// Add ACL IP (`cpaas.sip.ip_addresses.create`) to the list: answers the address.
    ///
    /// # Errors
    ///
    /// [`sdk_core::ErrorKind::InvalidInput`] for a blank `FriendlyName` or `IpAddress`
    /// (nothing sent); else as any call (62016 for an address already in the list).
    pub async fn create(&self, request: &IpAddressRequest) -> Result<IpAddress> {
        let op = "cpaas.sip.ip_addresses.create";
        sip_form(&self.0, op, IP_ADDRESSES, &[], request, || request.check()).await
    }

    /// View ACL IP (`cpaas.sip.ip_addresses.get`).
    ///
    /// # Errors
    ///
    /// As any call: the server's answer, transport, decode.
    pub async fn get(&self, ip_sid: impl AsRef<str>) -> Result<IpAddress> {
        let op = "cpaas.sip.ip_addresses.get";
        sip_one(&self.0, Method::GET, op, IP_ADDRESS, ip_sid.as_ref()).await
    }

    /// List ACL IPs (`cpaas.sip.ip_addresses.list`) of the list.
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// let addresses = client.account().sip().ip_access_control_list("AL0123").ip_addresses();
    /// for address in addresses.list().collect_all().await? {
    ///     println!("{} {:?}", address.sid, address.ip_address);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self) -> Paginator<IpAddress> {
        sip_list(&self.0, "cpaas.sip.ip_addresses.list", IP_ADDRESSES)
    }

    /// Update ACL IP (`cpaas.sip.ip_addresses.update`): a form POST of the name and address;
    /// answers the address.
    ///
    /// # Errors
    ///
    /// As [`create`](Self::create).
    pub async fn update(
        &self,
        ip_sid: impl AsRef<str>,
        request: &IpAddressRequest,
    ) -> Result<IpAddress> {
        let op = "cpaas.sip.ip_addresses.update";
        let ids = [ip_sid.as_ref()];
        sip_form(&self.0, op, IP_ADDRESS, &ids, request, || request.check()).await
    }

    /// Delete ACL IP (`cpaas.sip.ip_addresses.delete`): answers the deleted address.
    ///
    /// # Errors
    ///
    /// As any call.
    pub async fn delete(&self, ip_sid: impl AsRef<str>) -> Result<IpAddress> {
        let op = "cpaas.sip.ip_addresses.delete";
        sip_one(&self.0, Method::DELETE, op, IP_ADDRESS, ip_sid.as_ref()).await
    }
}

impl Desired for IpAddressRequest {
    type Live = IpAddress;
    const KIND: &'static str = "IP address";
    /// The address: unique within its list (62016), and what the entry lets in; the name
    /// is its label.
    const KEY: Field = Field::new("IpAddress").live("ip_address");
    /// The name, the one other field Update ACL IP takes.
    const FIELDS: &'static [Field] = &[Field::new("FriendlyName").live("friendly_name")];
}

/// The addresses of a list are ensured by address, found in the whole list; an update
/// sends the name with the address, both of which Update ACL IP requires.
///
/// ```no_run
/// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
/// use cpaas::ensure::Ensure;
/// use cpaas::sip::IpAddressRequest;
///
/// let addresses = client.account().sip().ip_access_control_list("AL0123").ip_addresses();
/// let gateway = addresses
///     .ensure(&IpAddressRequest::new("Gateway", "203.0.113.10"))
///     .await?;
/// println!("{} {}", gateway.verb(), gateway.resource().sid);
/// # Ok(()) }
/// ```
impl Ensure<IpAddressRequest> for IpAddresses<'_> {
    async fn find(&self, _keys: &[String]) -> Result<Vec<IpAddress>> {
        self.list().collect_all().await
    }

    async fn create(&self, desired: &IpAddressRequest) -> Result<IpAddress> {
        self.create(desired).await
    }

    async fn update(
        &self,
        live: &IpAddress,
        desired: &IpAddressRequest,
        _changes: &[Change],
    ) -> Result<IpAddress> {
        self.update(&live.sid, desired).await
    }

    async fn delete(&self, live: &IpAddress) -> Result<()> {
        self.delete(&live.sid).await.map(drop)
    }
}

/// The lists of one kind mapped to a domain: its credential lists
/// ([`CredentialListMappings`]) or its IP access control lists ([`IpAclMappings`]). A
/// mapping is made by naming the list in a form POST, removed by a DELETE of the list below
/// the domain; both answer the list, which stays.
#[derive(Debug, Clone)]
pub struct Mappings<'a, L> {
    scope: Scope<'a>,
    /// The form field that names the list to map (`CredentialListSid`).
    field: &'static str,
    /// The templates of the mappings and of one mapping.
    paths: (&'static str, &'static str),
    list: PhantomData<fn() -> L>,
}

/// The credential lists mapped to a domain (`cpaas.sip.credential_list_mappings.*`).
pub type CredentialListMappings<'a> = Mappings<'a, CredentialList>;

/// The IP access control lists mapped to a domain (`cpaas.sip.ip_acl_mappings.*`).
pub type IpAclMappings<'a> = Mappings<'a, IpAccessControlList>;

impl<'a, L: Listed> Mappings<'a, L> {
    fn new(scope: &Scope<'a>, field: &'static str, paths: (&'static str, &'static str)) -> Self {
        Mappings {
            scope: scope.clone(),
            field,
            paths,
            list: PhantomData,
        }
    }

    /// Per-call options (timeout, retries, headers) for the calls made through this scope,
    /// the pages of its lists included.
    pub fn options(mut self, options: sdk_core::RequestOptions) -> Self {
        self.scope.set_options(options);
        self
    }

    /// The mapped lists.
    fn listed(&self, op: &'static str) -> Paginator<L> {
        sip_list(&self.scope, op, self.paths.0)
    }

    /// Maps the list `sid`: a form of one field; refused before sending when `sid` is blank.
    async fn mapped(&self, op: &'static str, sid: &str) -> Result<L> {
        let form = BTreeMap::from([(self.field, sid)]);
        let check = || check_required(self.field, sid);
        sip_form(&self.scope, op, self.paths.0, &[], &form, check).await
    }

    /// Removes the mapping of the list `sid`.
    async fn unmapped(&self, op: &'static str, sid: &str) -> Result<L> {
        sip_one(&self.scope, Method::DELETE, op, self.paths.1, sid).await
    }
}

impl CredentialListMappings<'_> {
    /// List Mapped Credentials Lists (`cpaas.sip.credential_list_mappings.list`).
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// let mappings = client.account().sip().domain("DS0123").credential_list_mappings();
    /// for list in mappings.list().collect_all().await? {
    ///     println!("{} {:?}", list.sid, list.friendly_name);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self) -> Paginator<CredentialList> {
        self.listed("cpaas.sip.credential_list_mappings.list")
    }

    /// Map Credentials List (`cpaas.sip.credential_list_mappings.map`): answers the list.
    ///
    /// # Errors
    ///
    /// [`sdk_core::ErrorKind::InvalidInput`] for an empty sid (nothing sent); else as any
    /// call (62013 when already mapped).
    pub async fn map(&self, credential_list_sid: impl AsRef<str>) -> Result<CredentialList> {
        let op = "cpaas.sip.credential_list_mappings.map";
        self.mapped(op, credential_list_sid.as_ref()).await
    }

    /// Delete Mapped Credentials List (`cpaas.sip.credential_list_mappings.delete`): the
    /// mapping goes, the list stays.
    ///
    /// # Errors
    ///
    /// As any call (62015 when the list is not mapped).
    pub async fn delete(&self, credential_list_sid: impl AsRef<str>) -> Result<CredentialList> {
        let op = "cpaas.sip.credential_list_mappings.delete";
        self.unmapped(op, credential_list_sid.as_ref()).await
    }
}

impl IpAclMappings<'_> {
    /// List Mapped IP Access Control Lists (`cpaas.sip.ip_acl_mappings.list`).
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// let mappings = client.account().sip().domain("DS0123").ip_acl_mappings();
    /// for acl in mappings.list().collect_all().await? {
    ///     println!("{} {:?}", acl.sid, acl.friendly_name);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self) -> Paginator<IpAccessControlList> {
        self.listed("cpaas.sip.ip_acl_mappings.list")
    }

    /// Map IP Access Control List (`cpaas.sip.ip_acl_mappings.map`): answers the list.
    ///
    /// # Errors
    ///
    /// [`sdk_core::ErrorKind::InvalidInput`] for an empty sid (nothing sent); else as any
    /// call (62009 when already mapped).
    pub async fn map(&self, ip_acl_sid: impl AsRef<str>) -> Result<IpAccessControlList> {
        let op = "cpaas.sip.ip_acl_mappings.map";
        self.mapped(op, ip_acl_sid.as_ref()).await
    }

    /// Delete Mapped IP Access Control List (`cpaas.sip.ip_acl_mappings.delete`): the
    /// mapping goes, the list stays.
    ///
    /// # Errors
    ///
    /// As any call (62011 when the list is not mapped).
    pub async fn delete(&self, ip_acl_sid: impl AsRef<str>) -> Result<IpAccessControlList> {
        let op = "cpaas.sip.ip_acl_mappings.delete";
        self.unmapped(op, ip_acl_sid.as_ref()).await
    }
}

impl Desired for CredentialListMapping {
    type Live = CredentialList;
    const KIND: &'static str = "credential list mapping";
    /// The mapped list's sid: a domain maps a list once (62013), and the mapping is
    /// nothing but the list.
    const KEY: Field = Field::new("CredentialListSid").live("sid");
    /// None: a mapping is made or removed, never changed.
    const FIELDS: &'static [Field] = &[];
}

/// A domain's credential-list mappings are ensured by the list's sid: mapped or left; a
/// delete removes the mapping and keeps the list.
///
/// ```no_run
/// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
/// use cpaas::ensure::Ensure;
/// use cpaas::sip::CredentialListMapping;
///
/// let mappings = client.account().sip().domain("DO0123").credential_list_mappings();
/// let mapped = mappings.ensure(&CredentialListMapping::new("CL0123")).await?;
/// println!("{}", mapped.verb());
/// # Ok(()) }
/// ```
impl Ensure<CredentialListMapping> for CredentialListMappings<'_> {
    async fn find(&self, _keys: &[String]) -> Result<Vec<CredentialList>> {
        self.list().collect_all().await
    }

    async fn create(&self, desired: &CredentialListMapping) -> Result<CredentialList> {
        self.map(&desired.credential_list_sid).await
    }

    /// Nothing to send: a mapping has no field but its key.
    async fn update(
        &self,
        live: &CredentialList,
        _desired: &CredentialListMapping,
        _changes: &[Change],
    ) -> Result<CredentialList> {
        Ok(live.clone())
    }

    async fn delete(&self, live: &CredentialList) -> Result<()> {
        self.delete(&live.sid).await.map(drop)
    }
}

impl Desired for IpAclMapping {
    type Live = IpAccessControlList;
    const KIND: &'static str = "IP access control list mapping";
    /// The mapped list's sid: a domain maps a list once (62009), and the mapping is
    /// nothing but the list.
    const KEY: Field = Field::new("IpAccessControlListSid").live("sid");
    /// None: a mapping is made or removed, never changed.
    const FIELDS: &'static [Field] = &[];
}

/// A domain's IP-ACL mappings are ensured by the list's sid: mapped or left; a delete
/// removes the mapping and keeps the list.
///
/// ```no_run
/// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
/// use cpaas::ensure::Ensure;
/// use cpaas::sip::IpAclMapping;
///
/// let mappings = client.account().sip().domain("DO0123").ip_acl_mappings();
/// let mapped = mappings.ensure(&IpAclMapping::new("AL0123")).await?;
/// println!("{}", mapped.verb());
/// # Ok(()) }
/// ```
impl Ensure<IpAclMapping> for IpAclMappings<'_> {
    async fn find(&self, _keys: &[String]) -> Result<Vec<IpAccessControlList>> {
        self.list().collect_all().await
    }

    async fn create(&self, desired: &IpAclMapping) -> Result<IpAccessControlList> {
        self.map(&desired.ip_access_control_list_sid).await
    }

    /// Nothing to send: a mapping has no field but its key.
    async fn update(
        &self,
        live: &IpAccessControlList,
        _desired: &IpAclMapping,
        _changes: &[Change],
    ) -> Result<IpAccessControlList> {
        Ok(live.clone())
    }

    async fn delete(&self, live: &IpAccessControlList) -> Result<()> {
        self.delete(&live.sid).await.map(drop)
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use sdk_core::sim::{Resource, Verb};

    use crate::sim;

    /// A SIP resource: listed in creation order, created with its `required` fields.
    fn stored(
        name: &str,
        prefix: &'static str,
        paths: (&str, &str),
        items_key: &'static str,
        (item, list): (&str, &str),
        required: &[&str],
    ) -> Resource {
        sim::resource(name, prefix, paths, items_key)
            .xml_names(item, list)
            .newest_first(false)
            .required(required)
    }

    /// Mapping a list to a domain: a copy of the list (named by the form's `form_field`)
    /// stored under the domain with the list's sid; `codes` for an unknown list, one mapped
    /// already, and removing one that is not mapped.
    fn mapping(
        name: &'static str,
        paths: (&str, &str),
        (list_resource, items_key, xml): (&'static str, &'static str, (&str, &str)),
        form_field: &'static str,
        (unknown, mapped, unmapped): (u32, u32, u32),
    ) -> Resource {
        sim::resource(name, "", paths, items_key)
            .xml_names(xml.0, xml.1)
            .only(&[Verb::Create, Verb::Delete])
            .newest_first(false)
            .not_found(
                400,
                &unmapped.to_string(),
                "The list is not assigned to the domain. Removal rejected",
            )
            .on_create(move |store, change, copy| {
                let acct = sim::account(change);
                let domain = change.param("DomainSid").unwrap_or_default();
                if store.get("sip_domains", &[acct], domain).is_none() {
                    return Err(sim::not_found("SIP/Domains", domain));
                }
                let field = sdk_core::format::snake_case(form_field);
                let Some(list_sid) = sim::field(&change.request.body, &field) else {
                    return Err(sim::error(
                        400,
                        unknown,
                        format!("{form_field} is required"),
                    ));
                };
                let Some(list) = store.get(list_resource, &[acct], &list_sid) else {
                    let message = "Invalid list sid provided. Please sure one exist first";
                    return Err(sim::error(400, unknown, message));
                };
                if store.get(name, &change.collection(), &list_sid).is_some() {
                    let message = "The list is already assigned to the domain";
                    return Err(sim::error(400, mapped, message));
                }
                *copy = list.clone();
                Ok(())
            })
    }

    /// A domain's three settings that the answer names otherwise than the form
    /// (`HeartbeatUrl` is answered as `voice_heartbeat_callback`, ...), stored as answered.
    fn answer_names(domain: &mut serde_json::Value) {
        let renamed = [
            ("heartbeat_url", "voice_heartbeat_callback"),
            ("heartbeat_method", "voice_heartbeat_callback_method"),
            ("voice_status_callback", "voice_status_callback_url"),
        ];
        if let serde_json::Value::Object(fields) = domain {
            for (form, answer) in renamed {
                if let Some(v) = fields.remove(form) {
                    fields.insert(answer.to_owned(), v);
                }
            }
        }
    }

    let cls = ("CredentialList", "CredentialLists");
    let acls = ("IpAccessControlList", "IpAccessControlLists");
    api.resource(
        stored(
            "sip_domains",
            "DO",
            (DOMAINS, DOMAIN),
            Domain::ITEMS_KEY,
            ("Domain", "Domains"),
            &["domain_name"],
        )
        .on_create(|_, _, domain| {
            answer_names(domain);
            Ok(())
        })
        .on_update(|_, _, domain| {
            answer_names(domain);
            Ok(())
        }),
    )
    .resource(stored(
        "sip_credential_lists",
        "CL",
        (CREDENTIAL_LISTS, CREDENTIAL_LIST),
        CredentialList::ITEMS_KEY,
        cls,
        &["friendly_name"],
    ))
    .resource(
        stored(
            "sip_credentials",
            "CR",
            (CREDENTIALS, CREDENTIAL),
            Credential::ITEMS_KEY,
            ("Credential", "Credentials"),
            &["username", "password"],
        )
        .write_only(&["password"]),
    )
    .resource(stored(
        "sip_ip_acls",
        "AL",
        (IP_ACLS, IP_ACL),
        IpAccessControlList::ITEMS_KEY,
        acls,
        &["friendly_name"],
    ))
    .resource(stored(
        "sip_ip_addresses",
        "IP",
        (IP_ADDRESSES, IP_ADDRESS),
        IpAddress::ITEMS_KEY,
        ("IpAddress", "IpAddresses"),
        &["friendly_name", "ip_address"],
    ))
    .resource(mapping(
        "sip_cl_mappings",
        (CL_MAPPINGS, CL_MAPPING),
        ("sip_credential_lists", CredentialList::ITEMS_KEY, cls),
        "CredentialListSid",
        (62012, 62013, 62015),
    ))
    .resource(mapping(
        "sip_acl_mappings",
        (ACL_MAPPINGS, ACL_MAPPING),
        ("sip_ip_acls", IpAccessControlList::ITEMS_KEY, acls),
        "IpAccessControlListSid",
        (62008, 62009, 62011),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sip_forms_carry_what_is_given() {
        let d: NewDomain = serde_json::from_value(serde_json::json!({
            "DomainName": "mydomain", "FriendlyName": "My domain", "VoiceUrl": "https://example.com/voice.xml"
        }))
        .expect("the catalog's example");
        assert_eq!(
            sdk_core::format::to_form(&d).expect("a form"),
            "DomainName=mydomain&FriendlyName=My+domain&VoiceUrl=https%3A%2F%2Fexample.com%2Fvoice.xml"
        );
        NewDomain::new("mydomain.com")
            .check()
            .expect("dots are the service's to judge");
        assert_eq!(
            NewDomain::new(" ").check().unwrap_err().field(),
            Some("DomainName")
        );
        let c: NewCredential = serde_json::from_value(
            serde_json::json!({"Username": "alice", "Password": "s3cretpassw0rd"}),
        )
        .expect("the catalog's example");
        assert!(!format!("{c:?}").contains("s3cret"));
        assert_eq!(
            sdk_core::format::to_form(&c).expect("a form"),
            "Username=alice&Password=s3cretpassw0rd"
        );
        NewCredential::new("bob", "short")
            .check()
            .expect("the service judges its length");
        assert_eq!(
            NewCredential::new("bob", "").check().unwrap_err().field(),
            Some("Password")
        );
        assert_eq!(
            NewPassword::new("").check().unwrap_err().field(),
            Some("Password")
        );
        NewPassword::new("1234567").check().expect("sent");
        IpAddressRequest::new("gw", "2001:db8::1")
            .check()
            .expect("sent");
        assert_eq!(
            IpAddressRequest::new("gw", "").check().unwrap_err().field(),
            Some("IpAddress")
        );
        assert_eq!(
            ListName::new(" ").check().unwrap_err().field(),
            Some("FriendlyName")
        );
        let put = DomainSettings::new().voice_method(HttpMethod::Unknown("PUT".into()));
        assert_eq!(
            sdk_core::format::to_form(&put).expect("a form"),
            "VoiceMethod=PUT"
        );
    }

    #[test]
    fn misspelt_answer_fields_are_read() {
        let d: Domain =
            serde_json::from_str(r#"{"sid": "DO1", "domain-sip_url": "sip:acme.sip.zang.io"}"#)
                .expect("a domain");
        assert_eq!(d.domain_sip_url.as_deref(), Some("sip:acme.sip.zang.io"));
        let l: CredentialList = serde_json::from_str(
            r#"{"sid": "CL1", "accound_sid": "AC1", "credentials_count": "2"}"#,
        )
        .expect("a list");
        assert_eq!(l.account_sid.as_deref(), Some("AC1"));
        assert_eq!(l.credentials_count.as_ref().and_then(Scalar::get), Some(2));
        for (text, want) in [
            ("ip_and_credential", AuthType::IpAndCredential),
            ("IP_ACL", AuthType::IpAcl),
            ("CREDENTIAL_LIST", AuthType::CredentialList),
            ("no_traffic", AuthType::Unknown("no_traffic".into())),
        ] {
            let d: Domain =
                serde_json::from_value(serde_json::json!({"sid": "DO1", "auth_type": text}))
                    .expect("a domain");
            assert_eq!(d.auth_type, Some(want), "{text}");
            assert_eq!(serde_json::to_value(&d).expect("json")["auth_type"], text);
        }
    }
}
