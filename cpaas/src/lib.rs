//! Typed async client for the Avaya Communications APIs (Avaya OneCloud CPaaS, formerly
//! Zang) REST API v2.
//!
//! # Quick start
//!
//! ```no_run
//! use cpaas::{CpaasClient, DateFilter, Region};
//! use cpaas::calls::CallFilter;
//! use cpaas::sms::SendSms;
//! use sdk_core::futures_util::TryStreamExt;
//!
//! # async fn run() -> Result<(), sdk_core::Error> {
//! let client = CpaasClient::new(
//!     Region::Us,
//!     std::env::var("CPAAS_ACCOUNT_SID").unwrap_or_default(),
//!     std::env::var("CPAAS_AUTH_TOKEN").unwrap_or_default(),
//! )?;
//! let account = client.account();
//!
//! // Send an SMS and wait until it is sent.
//! let sms = account
//!     .sms()
//!     .send(&SendSms::new("+12223334444", "+15556667777", "Hello from Rust"))
//!     .await?
//!     .wait()
//!     .await?;
//! println!("{} is {:?}", sms.id.sid, sms.status);
//!
//! // Every call of May 2019, one stream across pages.
//! let may = CallFilter::new().start_time(DateFilter::month(2019, 5)?);
//! let mut calls = account.calls().list(&may).items();
//! while let Some(call) = calls.try_next().await? {
//!     println!("{} {:?} {:?}", call.sid, call.status, call.duration);
//! }
//! # Ok(()) }
//! ```
//!
//! Credentials are the account's AccountSid and AuthToken, sent with HTTP basic
//! authentication; [`CpaasClient::account`] is the account of the credentials,
//! [`CpaasClient::account_sid`] any other (a sub-account). Base URLs: [`Region`], or any URL
//! given to [`CpaasClientBuilder::base_url`], with or without its `/v2`.
//!
//! # Families
//!
//! One module per resource family, each with its models, its requests and its scope:
//! [`calls`], [`recordings`], [`transcriptions`], [`notifications`], [`conferences`],
//! [`sms`], [`mms`], [`applications`], [`numbers`], [`sip`], [`lookups`], [`fraud`],
//! [`agents`], [`usages`], [`accounts`]. Requests are forms with the document's CamelCase names; operations that
//! start something the server finishes later ([`calls::Calls::make`], [`sms::Sms::send`],
//! [`mms::Mms::send`], the transcriptions) return an [`Accepted`] whose `wait()` polls until the call ends or
//! the message is sent.
//!
//! # InboundXML
//!
//! [`inboundxml`]: the documents a call's or an SMS's URL answers with, built with typed
//! elements whose nesting the compiler checks, written, parsed and checked, and the
//! parameters the platform sends to those URLs.
//!
//! # Filters
//!
//! Lists take a filter type ([`calls::CallFilter`], [`sms::SmsFilter`], ...). Date
//! filters are [`DateFilter`]s: CPaaS writes the comparison into the parameter's name
//! (`StartTime>=2019-05-01` is the parameter `StartTime>`), and the SDK writes those names,
//! so no filter is pasted into a string.
//!
//! # Paging
//!
//! A list is a [`Paginator`]: `.items()` streams every item across pages, `.pages()` the
//! pages with their paging values, `.collect_all()` gathers a small list, `.max_items(n)`
//! stops early. Pages are zero-indexed, `PageSize` is 50 by default (the document's largest;
//! a larger one is sent as given and refused by the service), and the paginator follows the
//! server's `next_page_uri` until the last page.
//!
//! # JSON or XML
//!
//! The format is chosen by the path suffix. The client asks for JSON (`.json`, snake_case
//! keys) unless told otherwise; with the feature `xml` (off by default, so that a JSON-only
//! program builds no XML parser; on with `simulator`), `ResponseFormat::Xml` (the API's own
//! default: CamelCase elements under `<Response>`, paging values as attributes of the list
//! element) decodes into the same model types:
//!
//! ```toml
//! cpaas = { version = "0.1", features = ["xml"] }
//! ```
//!
//! ```no_run
//! # fn run(client: cpaas::CpaasClient) {
//! # #[cfg(feature = "xml")] {
//! let xml_client = client.with_format(cpaas::ResponseFormat::Xml);
//! # let _ = xml_client; }
//! # }
//! ```
//!
//! Answers are read leniently ([`wire`]): numbers and booleans sent as strings
//! ([`wire::Scalar`]), dates in RFC 2822 or ISO 8601 ([`wire::Timestamp`]), `null` or absent
//! optional fields, enum values the SDK does not know (kept in `Unknown`), fields it does
//! not know (kept in each model's `unknown_fields`, in JSON and XML alike), HTML-escaped
//! links. An answer that is not the model (an object without its `sid`, say) is an
//! [`ErrorKind::Decode`] error naming the operation.
//!
//! # Errors
//!
//! Every failure is an [`Error`]. Before sending, the crate refuses only what it needs to
//! build a correct request: an empty id, a required field missing or blank (an SMS's `To`,
//! `From` and `Body`, a call's `Url`), a `PageSize` of 0. Everything else the document rules
//! on (E.164 numbers, short codes, URL lengths, GET or POST methods, enum values, ranges) is
//! sent as given and judged by the service. A parameter the SDK does not model goes out with
//! [`RequestOptions::param`]. An error answer's `RestException` code and message are in
//! [`Error::vendor_code`] and [`Error::vendor_message`]; [`ErrorCode`] looks the code up in
//! the document's table:
//!
//! ```no_run
//! # async fn run(client: cpaas::CpaasClient) {
//! match client.account().get().await {
//!     Ok(account) => println!("{:?}", account.friendly_name),
//!     Err(e) => match cpaas::ErrorCode::of(&e) {
//!         Some(code) => eprintln!("CPaaS error {code}"),
//!         None => eprintln!("{e}"),
//!     },
//! }
//! # }
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
//! cpaas = { version = "0.1", default-features = false, features = ["webpki-roots"] }
//! # The platform's TLS library (OpenSSL on Linux, Schannel on Windows, Security.framework
//! # on macOS), with no rustls and no ring built:
//! cpaas = { version = "0.1", default-features = false, features = ["native-tls"] }
//! ```
//!
//! When `native-tls` is on, it is the one used, whatever else is on.
//!
//! # Simulator
//!
//! With the `simulator` feature, the `sim` module runs a stateful fake of the API on a loopback
//! port, to test your own code without an account.
//!
//! # Testing your code
//!
//! Feature `simulator` adds the module `sim`, a stateful fake of the API on loopback to run your
//! own code against, with typed seeding, recorded requests and faults by operation id.
//! The workspace's `TESTING.md` walks through a complete test.
#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]
// The docs name the XML reader, which exists with the feature `xml` (as on docs.rs).
#![cfg_attr(not(feature = "xml"), allow(rustdoc::broken_intra_doc_links))]

mod client;
mod common;
mod error_codes;
pub mod errors;
pub mod fraud;
pub mod inboundxml;
pub mod paging;
pub mod wire;

pub mod accounts;
pub mod agents;
pub mod applications;
pub mod calls;
pub mod conferences;
pub mod lookups;
pub mod mms;
pub mod notifications;
pub mod numbers;
pub mod recordings;
pub mod sip;
pub mod sms;
pub mod transcriptions;
pub mod usages;

#[cfg(feature = "simulator")]
#[cfg_attr(docsrs, doc(cfg(feature = "simulator")))]
pub mod sim;

pub use client::{Account, Conference, CpaasClient, CpaasClientBuilder, Region};
pub use common::{DateFilter, HttpMethod, MAX_URL_LENGTH, ResponseFormat};
pub use errors::{ErrorCode, ErrorSection, RestException};
pub use paging::{Page, Paginator};
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
    Accepted, Auth, ClientAuthMethod, ClientCredentials, Error, ErrorKind, PollPolicy, Poller,
    RequestOptions, Result, RetryPolicy, TokenProvider,
};

/// The README's examples, compiled as doc-tests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
