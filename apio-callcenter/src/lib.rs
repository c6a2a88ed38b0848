//! Typed async client for the Netaxis APIO call-center service instances API
//! (`/api/v1/tenants/{tenant_id}/groups/{group_id}/services/call_centers/`).
//!
//! All six operations of the document: [`create`](call_centers::CallCenters::create),
//! [`get`](call_centers::CallCenters::get), [`list`](call_centers::CallCenters::list),
//! [`modify`](call_centers::CallCenters::modify) (a partial PUT: only the fields set are
//! sent), [`delete`](call_centers::CallCenters::delete) and
//! [`set_active_status`](call_centers::CallCenters::set_active_status).
//!
//! # Authentication
//!
//! The APIO document names no authentication scheme, yet APIO checks its callers' rights.
//! The builder therefore makes you choose one explicitly: `.bearer(..)`,
//! `.token_provider(..)`, `.basic(..)`, `.auth(Auth::header(..)?)` for a gateway's key
//! header, or `.no_auth()`. A client built without a choice is an error, not a stream of
//! 401s.
//!
//! # Ids
//!
//! A call center is named by its service user id (`name@domain`). It goes on the wire as
//! the document shows it: `@`, `.` and `+` raw; `/`, `?`, `#`, `%`, spaces and non-ASCII
//! percent-encoded, so no id can change the path. An empty id, or `.`/`..`, is refused
//! before anything is sent.
//!
//! # What is checked before sending
//!
//! Only what the crate needs to build a correct request: an empty or dot id in a path, a
//! create whose profile has no name (or whose service user id is given empty), a `modify`
//! that sets nothing, and a `set_active_status` with no entry or an entry with an empty
//! service user id. Each is an [`InvalidInput`](ErrorKind::InvalidInput) error naming the
//! field, and nothing is sent. Everything else (value sets such as the policy's, password
//! rules, limits) is the server's to judge; its answer comes back as the error.
//!
//! # Fields the SDK does not name
//!
//! Every model read from an answer ([`CallCenter`](call_centers::CallCenter), its
//! [profile](call_centers::ServiceInstanceProfile) and
//! [department](call_centers::Department), [`CallCenterSummary`](call_centers::CallCenterSummary))
//! keeps the fields it does not name in its `unknown_fields`, as the server sent them, and
//! writes them back when serialised. [`modify`](call_centers::CallCenters::modify) is a
//! partial PUT that sends only the fields set, so a change never clears what it does not
//! name: no read-modify-write is needed. An answer that is not the model (a call center
//! without `serviceUserId`, a list without `call_centers`) is an
//! [`ErrorKind::Decode`] error naming the operation.
//!
//! # Example
//!
//! ```no_run
//! use apio_callcenter::ApioClient;
//! use apio_callcenter::call_centers::{CallCenterUpdate, NewCallCenter, Policy, ServiceInstanceProfile};
//!
//! # async fn run() -> Result<(), sdk_core::Error> {
//! let client = ApioClient::builder()
//!     .base_url("https://apio.example.com")
//!     .bearer(std::env::var("APIO_TOKEN").unwrap_or_default())
//!     .build()?;
//! let centers = client.tenant("foo").group("foogroup").call_centers();
//!
//! let created = centers
//!     .create(&NewCallCenter::new(ServiceInstanceProfile::named("Support"), Policy::Regular)
//!         .service_user_id("support@sip.example.com"))
//!     .await?;
//! let changed = centers
//!     .modify(&created.service_user_id, &CallCenterUpdate::default().queue_length(10))
//!     .await?;
//! for summary in centers.list().await? {
//!     println!("{} active={:?}", summary.service_user_id, summary.active);
//! }
//! centers.delete(&changed.service_user_id).await?;
//! # Ok(()) }
//! ```

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
//! apio-callcenter = { version = "0.1", default-features = false, features = ["webpki-roots"] }
//! # The platform's TLS library (OpenSSL on Linux, Schannel on Windows, Security.framework
//! # on macOS), with no rustls and no ring built:
//! apio-callcenter = { version = "0.1", default-features = false, features = ["native-tls"] }
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

pub mod call_centers;
mod client;
#[cfg(feature = "simulator")]
#[cfg_attr(docsrs, doc(cfg(feature = "simulator")))]
pub mod sim;

pub use client::{ApioClient, Group, Tenant};
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
