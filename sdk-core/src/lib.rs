//! The shared engine of the contact-center SDK workspace.
//!
//! Every vendor crate (`axp-voice`, `apio-callcenter`, `sinch-rci`, `cpaas`) describes its
//! operations as [`RequestSpec`]s and sends them through one [`Transport`], which applies
//! credentials ([`auth`]), retries what is safe to retry ([`retry`]), enforces timeouts and
//! turns every failure into the one [`Error`] type. Lists are walked by [`Paginator`] in the
//! three paging styles of the vendor documents; long-running resources are awaited with
//! [`Poller`]. Bulk work runs at the rate the service allows under the client's adaptive
//! concurrency limit ([`limit`]). Every wait goes through a [`Clock`](clock::Clock), so
//! tests run instantly.
//!
//! ```
//! use sdk_core::{RequestSpec, Transport};
//!
//! let transport = Transport::builder()
//!     .base_url("https://na.cc.avayacloud.com/api/admin/voice/v1")
//!     .bearer("token")
//!     .build()?;
//! let spec = RequestSpec::get("axp.phone_numbers.get", "/accounts/{accountId}/phone-numbers/{id}", &["ABCDEF", "a/b"]);
//! assert_eq!(spec.path(), Some("/accounts/ABCDEF/phone-numbers/a%2Fb"));
//! # let _ = transport;
//! # Ok::<(), sdk_core::Error>(())
//! ```
//!
//! # Features
//!
//! - `rustls` (default), `webpki-roots`, `native-tls`: the TLS backend, see [TLS](#tls).
//! - `xml`: XML bodies and answers through `quick-xml` (`Format::Xml`, `format::to_xml`,
//!   `format::Wrapped`, `RequestSpec::xml`, the simulator's XML answers; each marked in
//!   these docs). Off by default: the JSON-only vendor crates (`axp-voice`,
//!   `apio-callcenter`) build without quick-xml; `sinch-rci` and `cpaas` turn it on.
//! - `simulator`: the `sim` module, the stateful in-process fake server that vendor crates
//!   describe their APIs to.
//!
//! # TLS
//!
//! Every client starts from [`http_client_builder`], whose TLS the features choose:
//!
//! - `rustls` (default): rustls on the *ring* crypto provider, certificates checked against
//!   the platform's trust store (`rustls-platform-verifier`);
//! - `webpki-roots`: rustls on *ring* as above, checking certificates against the Mozilla
//!   roots bundled in the program (`webpki-roots`) instead of the platform's store, for
//!   minimal containers that have no trust store; it turns `rustls` on;
//! - `native-tls`: the platform's TLS library (OpenSSL on Linux, Schannel on Windows,
//!   Security.framework on macOS). When it is on, it is the one used, whatever else is on;
//!   with `default-features = false` no rustls and no ring are built.
//!
//! Without any of them, `https://` URLs cannot be reached (unless the program enables a
//! TLS backend of reqwest's own and shares its client through
//! [`ClientBuilder::http_client`]). Each vendor crate has the same three features and
//! passes them through.

#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]

// Lets the exported macros, which name `sdk_core::`, expand inside this crate's own tests.
#[cfg(test)]
extern crate self as sdk_core;

pub mod auth;
pub mod clock;
pub mod config;
pub mod ensure;
pub mod error;
pub mod format;
pub mod limit;
pub mod model;
pub mod paging;
pub mod poll;
pub mod request;
pub mod retry;
pub mod scope;
#[cfg(feature = "simulator")]
#[cfg_attr(docsrs, doc(cfg(feature = "simulator")))]
pub mod sim;
pub mod transport;

pub use auth::{Auth, ClientAuthMethod, ClientCredentials, TokenProvider};
pub use config::{ClientBuilder, Service, http_client_builder};
pub use error::{Error, ErrorKind, Result};
pub use format::Format;
pub use paging::{Page, Paginator};
pub use poll::{Accepted, PollPolicy, PollState, PollStatus, Poller};
pub use request::{RequestOptions, RequestSpec};
pub use retry::RetryPolicy;
pub use scope::{Conventions, PagingStyle, Scope};
pub use transport::{Response, Transport};

#[doc(hidden)]
pub use serde as __serde;

/// The HTTP client under every transport, to share one connection pool between clients
/// ([`ClientBuilder::http_client`]).
pub use reqwest::Client as HttpClient;

/// Re-exported so vendor crates and users name the same versions.
pub use futures_util;
pub use http::{HeaderMap, Method, StatusCode};

/// The README's examples, compiled as doc-tests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
