//! Typed async client for the Avaya Experience Platform (AXP) Voice Admin API.
//!
//! # What is checked before sending
//!
//! Only what the crate needs to build a correct request: an id that is empty, or `.`/`..`,
//! in a path; a field the document requires that is empty or missing (a name, a
//! description, a gateway's system id on create, a required list such as an element's DID
//! numbers or a profile's SIP servers, or an empty entry in one); a bulk call with no item
//! (`:list`, `:validate`, `:getByPhoneNumbers`, the bulk update of routing rules, a sync of
//! no entity). Each is an [`InvalidInput`](ErrorKind::InvalidInput) error naming the field
//! (`didNumbers[0]`), and nothing is sent. The document's other rules (E.164 numbers, ISO
//! country codes, `from:to` ranges, which reason codes may carry which attributes) are
//! written on the fields and left to the service, whose answer comes back as the error.
//!
//! # TLS
//!
//! HTTPS goes through rustls on the *ring* crypto provider, with certificates checked
//! against the platform's trust store: feature `rustls`, on by default. Two other choices,
//! each with the default features off:
//!
//! ```toml
//! # rustls with the Mozilla roots bundled in the program, for minimal containers that have
//! # no trust store:
//! axp-voice = { version = "0.1", default-features = false, features = ["webpki-roots"] }
//! # The platform's TLS library (OpenSSL on Linux, Schannel on Windows, Security.framework
//! # on macOS), with no rustls and no ring built:
//! axp-voice = { version = "0.1", default-features = false, features = ["native-tls"] }
//! ```
//!
//! When `native-tls` is on, it is the one used, whatever else is on.
//!
//! # Testing your code
//!
//! Feature `simulator` adds the module `sim`, a stateful fake of the API on loopback to run your
//! own code against, with typed seeding, recorded requests and faults by operation id.
//! The workspace's `TESTING.md` walks through a complete test.
#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod client;
pub mod common;

pub mod agent_locations;
pub mod communication_managers;
pub mod device_services;
pub mod elements;
pub mod hcg_systems;
pub mod hybrid_cloud_gateways;
pub mod hybrid_extensions;
pub mod location_profiles;
pub mod phone_numbers;
pub mod reason_codes;
pub mod route_points;
pub mod routing_rules;
pub mod sip_trunks;
pub mod skills;
pub mod sync;
pub mod system_managers;
pub mod voice_plans;
pub mod webhook;

#[cfg(feature = "simulator")]
#[cfg_attr(docsrs, doc(cfg(feature = "simulator")))]
pub mod sim;

pub use client::{Account, AxpClient, CommunicationManager, region_url, token_url};
/// Provisioning as code: `ensure` a resource by its natural key (created, updated where it
/// differs, or left), and the plan of it. Every family a provisioning program sets up
/// implements [`Ensure`](ensure::Ensure) on its scope.
pub use sdk_core::ensure;
/// The stream adapters a list's `items()` and `pages()` are read with.
pub use sdk_core::futures_util::{StreamExt, TryStreamExt};
/// The fields of an answer a model does not name (every response model keeps them).
pub use sdk_core::model::UnknownFields;
/// What this crate's API names from the shared engine, so one dependency is enough:
/// errors, credentials, per-call options, retry and poll policies, lists and waits.
pub use sdk_core::{
    Accepted, Auth, ClientAuthMethod, ClientCredentials, Error, ErrorKind, Page, Paginator,
    PollPolicy, Poller, RequestOptions, Result, RetryPolicy, TokenProvider,
};

/// The README's examples, compiled as doc-tests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
