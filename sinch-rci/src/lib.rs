//! Typed async client for the Sinch Contact Center Restful Configuration Interface (RCI),
//! all 109 operations of its document: users and their groups, roles, certificates and
//! skills; user groups; queues with their extensions, queue groups and attributes; queue
//! groups; roles; skills; time zones; presence profiles; messaging services and their
//! authentications; reply templates and their attachments; custom IVRs, their source code
//! and attributes; audio prompts; contact-panel extensions; disruption sets with their
//! events and items.
//!
//! # Quick start
//!
//! ```no_run
//! use sinch_rci::RciClient;
//! use sinch_rci::common::Sort;
//! use sinch_rci::users::{SkillLevel, UserQuery, UserRequest};
//!
//! # async fn run() -> Result<(), sdk_core::Error> {
//! let client = RciClient::builder()
//!     .base_url("https://contact-center.example.com/RI/rci")
//!     .basic("rci-admin", std::env::var("RCI_PASSWORD").unwrap_or_default())
//!     .build()?;
//!
//! let john = client.users().create(&UserRequest::new("John", "Fox").login("John.Fox")).await?;
//! client.user(&john).skills().add(&SkillLevel::new("ABFF5E5BC1E44E90877C55570D06E8A7", 4)).await?;
//!
//! let foxes = client
//!     .users()
//!     .list(&UserQuery::new().surname("Fox*").sort(Sort::asc("firstName").locale("en")))
//!     .collect_all()
//!     .await?;
//! println!("{} users named Fox", foxes.len());
//! # Ok(()) }
//! ```
//!
//! The base URL is the deployment's whole RCI root: the document's example is
//! `http://<host>/RI/rci`, but a hosted deployment may hand out another path, so the crate
//! adds nothing to it. Plain `http://` needs `.allow_http(true)`, for local tests only.
//!
//! # Authentication
//!
//! The RCI document names no authentication scheme at all, and a deployment certainly
//! checks its callers. The builder therefore makes you choose explicitly: `.basic(..)`,
//! `.bearer(..)`, `.token_provider(..)`, `.auth(Auth::header(..)?)` for a gateway's key
//! header, or `.no_auth()`. A client built without a choice is an error naming `auth`, not a
//! stream of 401s.
//!
//! # Ids
//!
//! Each resource has its id type ([`UserId`](users::UserId), [`QueueId`](queues::QueueId),
//! ...); every method takes anything that is `AsRef<str>`. The document's ids are 32
//! hexadecimal characters (a GUID without dashes, `E936C474B22311D38FBE0090279A922E`),
//! which the service accepts in either case. Two others, as the document shows them: queue
//! groups may also have dashed GUIDs (`2CADB6A1-3712-4F13-BC68-938E2B5FEFC1`), and time
//! zones are IANA names (`Europe/Helsinki`). These formats are information, not checks:
//! the crate sends an id as given, percent-encoded inside its one path segment (the `/` of
//! `Europe/Helsinki` travels as `%2F`), and leaves judging it to the service. What is
//! refused before sending is only what would make the request wrong: an empty id (in the
//! path, or in a body that links objects) and, in the path, `.` or `..`, an
//! [`InvalidInput`](ErrorKind::InvalidInput) error naming it (`userId`).
//!
//! # Creates, updates and deletes
//!
//! A create (`POST`) asks for `text/html`, as the document requires, and returns the new
//! object's typed id, read from the bare-text answer. Updates (`PUT`) replace the whole
//! object (send every field you keep; the body carries the id as well as the path) and,
//! like deletes, answer no body: any success status counts (the document says 201 in its
//! header, 204 in its sections, and 200 with a message for one delete).
//!
//! # Fields the SDK does not name
//!
//! Every model read from an answer keeps the fields it does not name in its
//! `unknown_fields`, as the server sent them (in XML, an element's text is the value and
//! nested elements an object, so a field reads the same in both formats), and writes them
//! back when serialised. Since an update replaces the object, each writable resource has a
//! request built from what was read, which carries those fields back in the `PUT`:
//! [`UserRequest::from_user`](users::UserRequest::from_user),
//! [`QueueRequest::from_queue`](queues::QueueRequest::from_queue),
//! [`SkillRequest::from_skill`](skills::SkillRequest::from_skill),
//! [`RoleRequest::from_role`](roles::RoleRequest::from_role),
//! [`UserGroupRequest::from_user_group`](user_groups::UserGroupRequest::from_user_group),
//! [`QueueGroupRequest::from_queue_group`](queue_groups::QueueGroupRequest::from_queue_group),
//! [`MessagingServiceRequest::from_messaging_service`](messaging_services::MessagingServiceRequest::from_messaging_service),
//! [`AuthenticationRequest::from_authentication`](messaging_services::AuthenticationRequest::from_authentication)
//! and [`DisruptionEventRequest::from_event`](disruption_sets::DisruptionEventRequest::from_event).
//! Read the object with its `get` first (a list shows projections), change what you
//! change, and send the request: a read-modify-write never clears what the SDK does not
//! know. An answer that is not the model (an object without its `id`, an attribute
//! without its `name`) is an [`ErrorKind::Decode`] error naming the operation.
//!
//! # What is checked before sending
//!
//! Only what the crate needs to build a correct request: an id that is empty (in the path,
//! or in a body that links objects) or `.`/`..` in the path, a required field that is
//! empty (a user's first name or surname, a queue's or a skill's name, a certificate's
//! subject, a disruption event with no item), and a sort that names no field. Each is an
//! [`InvalidInput`](ErrorKind::InvalidInput) error naming the field, and nothing is sent.
//! The document's other rules (its lengths, such as 1 to 400 characters for a name or at
//! most 512 for a login name, a skill level of 1 to 5, its value sets) are written on the
//! fields and left to the service, whose answer comes back as the error.
//!
//! Time zones, presence profiles, reply templates, custom IVRs (but their attributes),
//! audio prompts, contact-panel extensions and disruption sets (but their events) are
//! read-only: the document offers no writes for them, nor any way to read or write audio,
//! attachments' contents or IVR source code.
//!
//! # XML
//!
//! Each client speaks one wire format, JSON by default. With the feature `xml` (off by
//! default, so that a JSON-only program builds no XML parser; on with `simulator`),
//! `RciClient::xml` (or [`with_format`](RciClient::with_format)) gives a client of the same
//! connection pool that sends and asks for `application/xml`. The model types are the same
//! for both.
//!
//! ```toml
//! sinch-rci = { version = "0.1", features = ["xml"] }
//! ```
//!
//! The document shows only JSON, so the XML element names are this crate's reading of it,
//! the mapping a JAXB server makes of those JSON shapes:
//!
//! - an object's root element is its resource name, singular, in camelCase: `<user>`,
//!   `<userGroup>`, `<queue>`, `<queueGroup>`, `<role>`, `<skill>`, `<certificate>`,
//!   `<extension>`, `<attribute>`, `<messagingService>`, `<authentication>`, `<event>`
//!   (a disruption event); a membership add sends the linked object with its id only
//!   (`<userGroup><id>..</id></userGroup>`), a user's skill
//!   `<skill><id>..</id><value>4</value></skill>`;
//! - inside it, one element per JSON key, with the same name (`<firstName>`); an array is
//!   the element repeated (a contact-panel extension's `<queues>` once per queue id);
//! - a list answer is the plural root holding one element per item:
//!   `<users><user>..</user><user>..</user></users>` (the crate reads any element names
//!   there, and any root name for an object);
//! - the JSON's JAXB-style wrappers are the XML's nesting:
//!   `"addresses": {"address": ["100", "101"]}` is
//!   `<addresses><address>100</address><address>101</address></addresses>` (also
//!   `keywords.keyword`, an event's `items.item`, a disruption item's
//!   `attributes.attribute`), and the model holds a plain `Vec` either way.
//!
//! # Search and sort
//!
//! Each searchable list takes a typed query with one method per searchable field of the
//! document ([`UserQuery::surname`](users::UserQuery::surname), ...); a value may hold the
//! wildcards `*` and `?`, and is sent as `field=value`. Lists that sort take a
//! [`Sort`](common::Sort): fields in order, `-` for descending, and the `,LOCALE-xx` postfix
//! (a BCP 47 tag), sent without spaces as one percent-encoded value
//! (`sort=surname,-firstName,LOCALE-fi`); the service judges the names and tags.
//!
//! # Paging
//!
//! The fourteen top-level lists and a queue group's queues page with `offset` and `limit`:
//! their `list` returns a [`Paginator`], lazy, asking `limit`
//! items (100 unless [`page_size`](sdk_core::Paginator::page_size) says otherwise) per
//! request and stopping after a short page (the answers carry no total and no links). The
//! lists below one object are not paged by the document and return a `Vec`.
//!
//! # Errors
//!
//! The RCI answers errors as `text/plain` (`Invalid GUID: '...'`, `HTTP 404 Not Found`) or
//! an HTML page; [`Error`] keeps that text
//! ([`vendor_message`](Error::vendor_message)) with the status
//! ([`is_not_found`](Error::is_not_found)).
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
//! sinch-rci = { version = "0.1", default-features = false, features = ["webpki-roots"] }
//! # The platform's TLS library (OpenSSL on Linux, Schannel on Windows, Security.framework
//! # on macOS), with no rustls and no ring built:
//! sinch-rci = { version = "0.1", default-features = false, features = ["native-tls"] }
//! ```
//!
//! When `native-tls` is on, it is the one used, whatever else is on.
//!
//! # Testing
//!
//! The `simulator` feature adds `sim`: a stateful fake RCI on `127.0.0.1` to run your
//! provisioning code against.

//!
//! # Testing your code
//!
//! Feature `simulator` adds the module `sim`, a stateful fake of the API on loopback to run your
//! own code against, with typed seeding, recorded requests and faults by operation id.
//! The workspace's `TESTING.md` walks through a complete test.
#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod attributes;
pub mod audio_prompts;
mod client;
pub mod common;
pub mod cp_extensions;
pub mod custom_ivrs;
pub mod disruption_sets;
pub mod messaging_services;
pub mod prs_profiles;
pub mod queue_groups;
pub mod queues;
pub mod reply_templates;
pub mod roles;
pub mod skills;
pub mod time_zones;
pub mod user_groups;
pub mod users;

#[cfg(feature = "simulator")]
#[cfg_attr(docsrs, doc(cfg(feature = "simulator")))]
pub mod sim;

pub use client::{RciClient, WireFormat};
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
