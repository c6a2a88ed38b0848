//! The `[cpaas]` section: Avaya Communications APIs (CPaaS, formerly Zang), in the account
//! of the credentials (`CPAAS_ACCOUNT_SID`).
//!
//! ```toml
//! [cpaas]
//!
//! [[cpaas.credential_lists]]                 # by name
//! FriendlyName = "Office phones"
//!
//! [[cpaas.credential_lists.credentials]]     # by username, within the list
//! Username = "alice"
//! Password = "..."                           # set on create, never shown
//!
//! [[cpaas.ip_access_control_lists]]          # by name
//! FriendlyName = "Office"
//!
//! [[cpaas.ip_access_control_lists.ip_addresses]]   # by address, within the list
//! FriendlyName = "Office gateway"
//! IpAddress = "203.0.113.10"
//!
//! [[cpaas.applications]]                     # by name
//! FriendlyName = "Support line"
//! VoiceUrl = "https://ivr.example.com/voice.xml"
//!
//! [[cpaas.domains]]                          # by domain name
//! DomainName = "acme-pbx"
//! VoiceUrl = "https://ivr.example.com/pbx.xml"
//! credentialLists = ["Office phones"]        # list names, mapped to the domain
//! ipAccessControlLists = ["Office"]
//!
//! [[cpaas.numbers]]                          # by number: one the account has bought
//! PhoneNumber = "+12065550100"
//! FriendlyName = "Support"
//! VoiceApplicationSid = "Support line"       # a sid, or an application of this file
//! ```
//!
//! Applied in this order: credential lists, then the credentials of each; IP access
//! control lists, then the addresses of each; applications; domains, then each domain's
//! credential-list and IP-ACL mappings; then numbers.
//!
//! `credentialLists` and `ipAccessControlLists` are not fields of the API's domain: they
//! belong to this file, name lists of this file or lists the service already has (matched
//! exactly), and are made mappings of the domain. A name that is neither is an error of
//! the file, with its line: the service's lists are read first, before anything is
//! changed, and nothing is sent. A domain whose table has no such key keeps the mappings
//! it has (not managed); with the key, even empty, `--prune` removes the mappings it does
//! not list (the lists stay).
//!
//! A number is bought, not made here: a number of the file that the account does not have
//! is a failed step, in a plan as in an apply, and nothing is sent for it; `--prune`
//! releases no number. Its settings are set where they differ. Its
//! `VoiceApplicationSid`, `SmsApplicationSid` and `MmsApplicationSid` may name an
//! application of this file by its `FriendlyName`, replaced by the application's sid (in a
//! plan, an application still to be created is shown by its name); any other value is sent
//! as the sid it is.

use std::collections::HashMap;

use cpaas::CpaasClient;
use cpaas::applications::ApplicationRequest;
use cpaas::numbers::ConfiguredNumber;
use cpaas::sip::{
    CredentialList, CredentialListMapping, CredentialListSid, IpAccessControlList, IpAclMapping,
    IpAclSid, IpAddressRequest, NewCredential, NewCredentialList, NewDomain,
    NewIpAccessControlList,
};
use sdk_core::Transport;
use sdk_core::ensure::{Desired, Ensure};
use serde::Deserialize;
use toml::Spanned;

use crate::engine::{Action, LiveLabel, Mode, Opts, Run};
use crate::file::{Entry, FileError, Item, Reference, Source, by_name, resolve, unique};

/// Why a number the account does not have is not created.
const NOT_BOUGHT: &str = "not on the account: a number is bought (in the portal, or with \
                          cpaas's IncomingNumbers::create), then configured here";

/// The `[cpaas]` section as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Raw {
    #[serde(default)]
    credential_lists: Vec<Spanned<RawCredentialList>>,
    #[serde(default)]
    ip_access_control_lists: Vec<Spanned<RawIpAcl>>,
    #[serde(default)]
    applications: Vec<Spanned<ApplicationRequest>>,
    #[serde(default)]
    domains: Vec<Spanned<RawDomain>>,
    #[serde(default)]
    numbers: Vec<Spanned<ConfiguredNumber>>,
}

#[derive(Debug, Deserialize)]
struct RawCredentialList {
    #[serde(default)]
    credentials: Vec<NewCredential>,
    #[serde(flatten)]
    list: NewCredentialList,
}

#[derive(Debug, Deserialize)]
struct RawIpAcl {
    #[serde(default)]
    ip_addresses: Vec<IpAddressRequest>,
    #[serde(flatten)]
    list: NewIpAccessControlList,
}

#[derive(Debug, Deserialize)]
struct RawDomain {
    #[serde(default, rename = "credentialLists")]
    credential_lists: Option<Vec<String>>,
    #[serde(default, rename = "ipAccessControlLists")]
    ip_access_control_lists: Option<Vec<String>>,
    #[serde(flatten)]
    domain: NewDomain,
}

/// The `[cpaas]` section, checked.
#[derive(Debug, Clone)]
pub struct Cpaas {
    /// Credential lists, by name, with their credentials.
    pub credential_lists: Vec<Credentials>,
    /// IP access control lists, by name, with their addresses.
    pub ip_access_control_lists: Vec<IpAcl>,
    /// Applications, by name.
    pub applications: Vec<Item<ApplicationRequest>>,
    /// SIP domains, by domain name, with the lists mapped to them.
    pub domains: Vec<SipDomain>,
    /// The settings of numbers the account has, by number.
    pub numbers: Vec<Item<ConfiguredNumber>>,
}

/// A credential list and its credentials.
#[derive(Debug, Clone)]
pub struct Credentials {
    /// The list.
    pub list: Item<NewCredentialList>,
    /// Its credentials, by username.
    pub credentials: Vec<Item<NewCredential>>,
}

/// An IP access control list and its addresses.
#[derive(Debug, Clone)]
pub struct IpAcl {
    /// The list.
    pub list: Item<NewIpAccessControlList>,
    /// Its addresses, by address.
    pub ip_addresses: Vec<Item<IpAddressRequest>>,
}

/// A SIP domain and the lists that should be mapped to it.
#[derive(Debug, Clone)]
pub struct SipDomain {
    /// The domain (without `credentialLists` and `ipAccessControlLists`).
    pub domain: Item<NewDomain>,
    /// Its credential lists, by name; `None` when its table has no `credentialLists`: not
    /// managed.
    pub credential_lists: Option<Vec<Reference>>,
    /// Its IP access control lists, by name; `None` when its table has no
    /// `ipAccessControlLists`: not managed.
    pub ip_access_control_lists: Option<Vec<Reference>>,
}

// The request forms hold no field they do not name: what the file adds is left out of
// them, and `Source::item` refuses it.
impl Entry for NewCredentialList {}
impl Entry for NewCredential {}
impl Entry for NewIpAccessControlList {}
impl Entry for IpAddressRequest {}
impl Entry for ApplicationRequest {}
impl Entry for NewDomain {}
impl Entry for ConfiguredNumber {}

/// The keys of a domain's table that belong to this file, not to the API's domain.
const DOMAIN_KEYS: &[&str] = &["credentialLists", "ipAccessControlLists"];

pub(crate) fn check(source: &Source<'_>, raw: Raw) -> Result<Cpaas, FileError> {
    let mut credential_lists = Vec::new();
    for (i, raw_list) in raw.credential_lists.into_iter().enumerate() {
        let span = raw_list.span();
        let index = i.to_string();
        let path = ["cpaas", "credential_lists", index.as_str()];
        let RawCredentialList { credentials, list } = raw_list.into_inner();
        let list = source.item(Spanned::new(span.clone(), list), &path, &["credentials"])?;
        let credentials = credentials
            .into_iter()
            .enumerate()
            .map(|(j, c)| {
                let j = j.to_string();
                let p = [path[0], path[1], path[2], "credentials", j.as_str()];
                source.nested_item(c, span.clone(), &p)
            })
            .collect::<Result<Vec<_>, _>>()?;
        unique(source, &credentials)?;
        credential_lists.push(Credentials { list, credentials });
    }
    let items: Vec<_> = credential_lists.iter().map(|c| c.list.clone()).collect();
    unique(source, &items)?;

    let mut ip_access_control_lists = Vec::new();
    for (i, raw_list) in raw.ip_access_control_lists.into_iter().enumerate() {
        let span = raw_list.span();
        let index = i.to_string();
        let path = ["cpaas", "ip_access_control_lists", index.as_str()];
        let RawIpAcl { ip_addresses, list } = raw_list.into_inner();
        let list = source.item(Spanned::new(span.clone(), list), &path, &["ip_addresses"])?;
        let ip_addresses = ip_addresses
            .into_iter()
            .enumerate()
            .map(|(j, a)| {
                let j = j.to_string();
                let p = [path[0], path[1], path[2], "ip_addresses", j.as_str()];
                source.nested_item(a, span.clone(), &p)
            })
            .collect::<Result<Vec<_>, _>>()?;
        unique(source, &ip_addresses)?;
        ip_access_control_lists.push(IpAcl { list, ip_addresses });
    }
    let items: Vec<_> = ip_access_control_lists
        .iter()
        .map(|c| c.list.clone())
        .collect();
    unique(source, &items)?;

    let applications = raw
        .applications
        .into_iter()
        .enumerate()
        .map(|(i, a)| source.item(a, &["cpaas", "applications", &i.to_string()], &[]))
        .collect::<Result<Vec<_>, _>>()?;
    unique(source, &applications)?;

    let mut domains = Vec::new();
    for (i, raw_domain) in raw.domains.into_iter().enumerate() {
        let span = raw_domain.span();
        let RawDomain {
            credential_lists,
            ip_access_control_lists,
            domain,
        } = raw_domain.into_inner();
        let domain = source.item(
            Spanned::new(span.clone(), domain),
            &["cpaas", "domains", &i.to_string()],
            DOMAIN_KEYS,
        )?;
        let credential_lists = credential_lists
            .map(|names| source.references(span.clone(), "credentialLists", names))
            .transpose()?;
        let ip_access_control_lists = ip_access_control_lists
            .map(|names| source.references(span.clone(), "ipAccessControlLists", names))
            .transpose()?;
        domains.push(SipDomain {
            domain,
            credential_lists,
            ip_access_control_lists,
        });
    }
    let items: Vec<_> = domains.iter().map(|d| d.domain.clone()).collect();
    unique(source, &items)?;

    let numbers = raw
        .numbers
        .into_iter()
        .enumerate()
        .map(|(i, n)| source.item(n, &["cpaas", "numbers", &i.to_string()], &[]))
        .collect::<Result<Vec<_>, _>>()?;
    unique(source, &numbers)?;
    Ok(Cpaas {
        credential_lists,
        ip_access_control_lists,
        applications,
        domains,
        numbers,
    })
}

impl Cpaas {
    /// How many resources the section describes (each mapping of a list to a domain
    /// counts).
    pub fn len(&self) -> usize {
        let lists: usize = self
            .credential_lists
            .iter()
            .map(|c| 1 + c.credentials.len())
            .sum();
        let acls: usize = self
            .ip_access_control_lists
            .iter()
            .map(|a| 1 + a.ip_addresses.len())
            .sum();
        let domains: usize = self
            .domains
            .iter()
            .map(|d| {
                1 + d.credential_lists.as_ref().map_or(0, Vec::len)
                    + d.ip_access_control_lists.as_ref().map_or(0, Vec::len)
            })
            .sum();
        lists + acls + self.applications.len() + domains + self.numbers.len()
    }

    /// `true` when the section describes nothing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The credential lists and IP ACLs named by domains that this file does not
    /// describe.
    fn foreign(&self) -> (Vec<&Reference>, Vec<&Reference>) {
        let lists = self
            .domains
            .iter()
            .flat_map(|d| d.credential_lists.iter().flatten())
            .filter(|r| {
                !self
                    .credential_lists
                    .iter()
                    .any(|c| c.list.value.friendly_name == r.name)
            })
            .collect();
        let acls = self
            .domains
            .iter()
            .flat_map(|d| d.ip_access_control_lists.iter().flatten())
            .filter(|r| {
                !self
                    .ip_access_control_lists
                    .iter()
                    .any(|a| a.list.value.friendly_name == r.name)
            })
            .collect();
        (lists, acls)
    }
}

/// The lists of the service that domains name and the file does not describe, by name.
#[derive(Debug, Default)]
pub(crate) struct Known {
    credential_lists: HashMap<String, CredentialListSid>,
    ip_acls: HashMap<String, IpAclSid>,
}

/// Reads the credential lists and IP ACLs of the service that domains name and the file
/// does not describe (nothing when there are none). A name the service does not have
/// either is pushed to `errors`; `None` when the read failed (recorded in `run`).
pub(crate) async fn lookup(
    run: &Run<'_>,
    client: &CpaasClient,
    account_sid: &str,
    cpaas: &Cpaas,
    path: &str,
    errors: &mut Vec<FileError>,
) -> Option<Known> {
    let (lists, acls) = cpaas.foreign();
    let sip = client.account_sid(account_sid).sip();
    let mut known = Known::default();
    if !lists.is_empty() {
        match sip.credential_lists().list().collect_all().await {
            Ok(live) => {
                let live = live
                    .into_iter()
                    .filter_map(|l| Some((l.friendly_name?, l.sid)));
                known.credential_lists = by_name(live, &lists, path, "credential list", errors);
            }
            Err(e) => {
                run.unread("cpaas", NewCredentialList::KIND, &e);
                return None;
            }
        }
    }
    if !acls.is_empty() {
        match sip.ip_access_control_lists().list().collect_all().await {
            Ok(live) => {
                let live = live
                    .into_iter()
                    .filter_map(|l| Some((l.friendly_name?, l.sid)));
                known.ip_acls = by_name(live, &acls, path, "IP access control list", errors);
            }
            Err(e) => {
                run.unread("cpaas", NewIpAccessControlList::KIND, &e);
                return None;
            }
        }
    }
    Some(known)
}

fn values<T: Clone>(items: &[Item<T>]) -> Vec<T> {
    items.iter().map(|i| i.value.clone()).collect()
}

/// The lists mapped to one domain.
struct Mapped<'a, Id> {
    /// The domain's name, for the steps.
    domain: &'a str,
    /// Whether the domain is there.
    exists: bool,
    /// The lists the file names.
    names: &'a [Reference],
    /// The lists of this file, with their sids once they exist.
    of_file: &'a [(String, Option<Id>)],
    /// The lists of the service the file names.
    known: &'a HashMap<String, Id>,
    /// What a list is called in messages.
    what: &'a str,
}

/// Ensures the mappings of `mapped` in `scope`, made with `make` from each list's sid.
async fn mappings<D, S, Id>(
    run: &Run<'_>,
    transport: &Transport,
    scope: &S,
    mapped: Mapped<'_, Id>,
    make: impl Fn(Id) -> D,
    live_label: &LiveLabel<'_, D::Live>,
) where
    D: Desired,
    D::Live: Clone,
    S: Ensure<D>,
    Id: Clone,
{
    let mut wanted = Vec::new();
    let mut labels = Vec::new();
    let for_domain = format!("the domain {:?}", mapped.domain);
    for r in mapped.names {
        let name = r.name.clone();
        match (
            mapped.exists,
            resolve(&name, mapped.of_file, mapped.known, mapped.what),
        ) {
            (false, _) => run.waiting(
                "cpaas",
                D::KIND,
                name,
                Some(mapped.domain),
                Action::Create,
                &for_domain,
            ),
            (true, Err(waits_for)) => run.waiting(
                "cpaas",
                D::KIND,
                name,
                Some(mapped.domain),
                Action::Create,
                &waits_for,
            ),
            (true, Ok(id)) => {
                wanted.push(make(id));
                labels.push(name);
            }
        }
    }
    if mapped.exists {
        let opts = Opts {
            labels: Some(&labels),
            live_label: Some(live_label),
            ..Opts::new("cpaas", Some(mapped.domain))
        };
        run.kind_with(&opts, transport, scope, &wanted).await;
    }
}

pub(crate) async fn run(
    run: &Run<'_>,
    client: &CpaasClient,
    account_sid: &str,
    cpaas: &Cpaas,
    known: &Known,
) {
    let transport = client.transport();
    let account = client.account_sid(account_sid);
    let sip = account.sip();

    let lists: Vec<NewCredentialList> = cpaas
        .credential_lists
        .iter()
        .map(|c| c.list.value.clone())
        .collect();
    let live_lists = run
        .kind(
            "cpaas",
            None,
            transport,
            &sip.credential_lists(),
            &lists,
            true,
        )
        .await;
    for (entry, live) in cpaas.credential_lists.iter().zip(&live_lists) {
        let sid = live.as_ref().map(|l| l.sid.as_str().to_owned());
        let exists = sid.is_some();
        let scope = sip.credential_list(sid.unwrap_or_default()).credentials();
        let credentials = values(&entry.credentials);
        let name = entry.list.value.friendly_name.as_str();
        run.kind("cpaas", Some(name), transport, &scope, &credentials, exists)
            .await;
    }

    let acls: Vec<NewIpAccessControlList> = cpaas
        .ip_access_control_lists
        .iter()
        .map(|a| a.list.value.clone())
        .collect();
    let live_acls = run
        .kind(
            "cpaas",
            None,
            transport,
            &sip.ip_access_control_lists(),
            &acls,
            true,
        )
        .await;
    for (entry, live) in cpaas.ip_access_control_lists.iter().zip(&live_acls) {
        let sid = live.as_ref().map(|l| l.sid.as_str().to_owned());
        let exists = sid.is_some();
        let scope = sip
            .ip_access_control_list(sid.unwrap_or_default())
            .ip_addresses();
        let addresses = values(&entry.ip_addresses);
        let name = entry.list.value.friendly_name.as_str();
        run.kind("cpaas", Some(name), transport, &scope, &addresses, exists)
            .await;
    }

    let apps = values(&cpaas.applications);
    let live_apps = run
        .kind(
            "cpaas",
            None,
            transport,
            &account.applications(),
            &apps,
            true,
        )
        .await;

    let domains: Vec<NewDomain> = cpaas
        .domains
        .iter()
        .map(|d| d.domain.value.clone())
        .collect();
    let live_domains = run
        .kind("cpaas", None, transport, &sip.domains(), &domains, true)
        .await;
    let list_sids: Vec<(String, Option<CredentialListSid>)> = lists
        .iter()
        .zip(&live_lists)
        .map(|(l, live)| {
            (
                l.friendly_name.clone(),
                live.as_ref().map(|l| l.sid.clone()),
            )
        })
        .collect();
    let acl_sids: Vec<(String, Option<IpAclSid>)> = acls
        .iter()
        .zip(&live_acls)
        .map(|(l, live)| {
            (
                l.friendly_name.clone(),
                live.as_ref().map(|l| l.sid.clone()),
            )
        })
        .collect();
    let list_label = |l: &CredentialList| l.friendly_name.clone();
    let acl_label = |l: &IpAccessControlList| l.friendly_name.clone();
    for (entry, live) in cpaas.domains.iter().zip(&live_domains) {
        let name = entry.domain.value.domain_name.as_str();
        let sid = live.as_ref().map(|l| l.sid.as_str().to_owned());
        let exists = sid.is_some();
        let scope = sip.domain(sid.unwrap_or_default());
        if let Some(names) = &entry.credential_lists {
            let mapped = Mapped {
                domain: name,
                exists,
                names,
                of_file: &list_sids,
                known: &known.credential_lists,
                what: "credential list",
            };
            mappings(
                run,
                transport,
                &scope.credential_list_mappings(),
                mapped,
                CredentialListMapping::new,
                &list_label,
            )
            .await;
        }
        if let Some(names) = &entry.ip_access_control_lists {
            let mapped = Mapped {
                domain: name,
                exists,
                names,
                of_file: &acl_sids,
                known: &known.ip_acls,
                what: "IP access control list",
            };
            mappings(
                run,
                transport,
                &scope.ip_acl_mappings(),
                mapped,
                IpAclMapping::new,
                &acl_label,
            )
            .await;
        }
    }

    // A number may name an application of this file instead of its sid.
    let mut numbers = Vec::new();
    for item in &cpaas.numbers {
        let mut number = item.value.clone();
        let mut waits_for = None;
        let settings = &mut number.settings;
        for slot in [
            &mut settings.voice_application_sid,
            &mut settings.sms_application_sid,
            &mut settings.mms_application_sid,
        ] {
            let Some(value) = slot.as_mut() else { continue };
            let Some((_, live)) = apps
                .iter()
                .zip(&live_apps)
                .find(|(a, _)| a.friendly_name.as_deref() == Some(value.as_str()))
            else {
                continue;
            };
            match live {
                Some(app) => *value = app.sid.as_str().to_owned(),
                // In a plan the application is still to be created: shown by its name.
                None if run.mode == Mode::Plan => {}
                None => waits_for = Some(format!("the application {value:?}")),
            }
        }
        match waits_for {
            Some(waits_for) => run.waiting(
                "cpaas",
                ConfiguredNumber::KIND,
                number.phone_number.clone(),
                None,
                Action::Update,
                &waits_for,
            ),
            None => numbers.push(number),
        }
    }
    let opts = Opts {
        prunable: false,
        no_create: Some(NOT_BOUGHT),
        ..Opts::new("cpaas", None)
    };
    run.kind_with(&opts, transport, &account.incoming_numbers(), &numbers)
        .await;
}
