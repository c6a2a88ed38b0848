//! InboundXML: the documents a call's or an SMS's URL answers with (a call's `Url`, a
//! number's `VoiceUrl` and `SmsUrl`, an application's URLs, a verb's `action`), and the
//! parameters the platform sends to those URLs.
//!
//! - **Build** a document with typed elements whose nesting the compiler checks: a
//!   [`Response`] holds verbs ([`ResponseVerb`]), a [`Gather`] or [`GetSpeech`] holds only
//!   [`Say`], [`Play`], [`Pause`] and [`PlayLastRecording`] ([`GatherChild`]), a [`Dial`]
//!   holds [`Number`], [`Sip`], [`User`] and [`Conference`] ([`DialTarget`]), a [`Refer`]
//!   holds a [`Sip`], a [`Connect`] an [`Agent`]. A `Dial` inside a `Gather` does not
//!   compile. Every element and attribute of the vocabulary has a type and a setter;
//!   required attributes (`Sms` `to` and `from`, `Mms` `mediaUrl`, `GetSpeech` `grammar`)
//!   are the constructors' arguments.
//! - **Write** it: [`Response::to_xml`] (or `Display`) gives well-formed XML in one pass,
//!   every value escaped, attributes in a fixed order; serve it with [`CONTENT_TYPE`].
//! - **Read** one (feature `xml`): [`Response::from_xml`] parses into the same tree,
//!   keeping what it does not know, so a test can assert on what a handler produced;
//!   [`Response::check`] lists the platform's rules a document breaks, with the platform's
//!   error codes.
//! - **Answer a request**: [`CallbackParams`] reads what the platform sends to a URL
//!   (`CallSid`, `From`, `Digits`, ...), from a form body or a query string.
//!
//! # An IVR menu
//!
//! ```
//! use cpaas::HttpMethod;
//! use cpaas::inboundxml::{
//!     CallbackParams, Dial, Gather, GatherInput, Hangup, Number, Pause, Redirect, Response,
//!     Say, Voice,
//! };
//!
//! /// The menu: press 1 for sales, 2 for support.
//! fn menu() -> Response {
//!     Response::new()
//!         .gather(
//!             Gather::new()
//!                 .input(GatherInput::Dtmf)
//!                 .num_digits(1)
//!                 .timeout(5)
//!                 .action("https://ivr.example.com/choice")
//!                 .method(HttpMethod::Post)
//!                 .say(Say::new("Welcome to Example & Co.").voice(Voice::Female))
//!                 .pause(Pause::new().length(1))
//!                 .say(Say::new("For sales, press 1. For support, press 2.")),
//!         )
//!         .redirect(Redirect::new("https://ivr.example.com/menu"))
//! }
//!
//! /// What the menu's action answers, given the parameters it received.
//! fn choice(form_body: &str) -> Response {
//!     let params = CallbackParams::from_form(form_body);
//!     match params.digits.as_deref() {
//!         Some("1") => Response::new()
//!             .say(Say::new("Connecting you to sales."))
//!             .dial(Dial::new().number(Number::new("+15557654321")).timeout(20)),
//!         Some("2") => Response::new()
//!             .say(Say::new("Connecting you to support."))
//!             .dial(Dial::new().text("+15557654322")),
//!         _ => Response::new().say(Say::new("Goodbye.")).hangup(Hangup::new()),
//!     }
//! }
//!
//! println!("{}", menu());
//! assert_eq!(
//!     menu().to_xml(),
//!     concat!(
//!         r#"<?xml version="1.0" encoding="UTF-8"?>"#,
//!         "\n",
//!         r#"<Response>"#,
//!         r#"<Gather input="dtmf" action="https://ivr.example.com/choice" method="POST" timeout="5" numDigits="1">"#,
//!         r#"<Say voice="female">Welcome to Example &amp; Co.</Say>"#,
//!         r#"<Pause length="1"/>"#,
//!         r#"<Say>For sales, press 1. For support, press 2.</Say>"#,
//!         r#"</Gather>"#,
//!         r#"<Redirect>https://ivr.example.com/menu</Redirect>"#,
//!         r#"</Response>"#,
//!     )
//! );
//!
//! // A test of the handler: parse what it produced (feature `xml`) and assert on the tree.
//! # #[cfg(feature = "xml")] {
//! let answer = Response::from_xml(&choice("CallSid=CA1&Digits=1").to_xml())?;
//! assert_eq!(answer, choice("Digits=1"));
//! assert!(answer.check().is_empty());
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Writing
//!
//! The document starts with the declaration `<?xml version="1.0" encoding="UTF-8"?>`
//! ([`XML_DECLARATION`]: XML 1.0, the version every published schema uses; UTF-8, the
//! encoding of the text the writer produces) and a line break, then the `Response` on one
//! line with no indentation, so no whitespace is ever added to a text. Each element's
//! attributes are written in the order of the vocabulary's table, which is the order of
//! the element's fields here, then its `extra_attributes`. Booleans are `true`/`false`.
//! Text and attribute values are escaped (`&`, `<`, `>`, `"`; in attributes `'` and line
//! breaks and tabs too). See [`Response::to_xml`].
//!
//! # Reading, and the platform's checks
//!
//! [`Response::from_xml`] fails only on what is not a document: 12100 (document parse
//! failure) for XML that is not well-formed, 12102 when the root is not `Response`
//! ([`ParseError::code`]). Anything else is read, leniently: an element the SDK does not
//! know, or a known one where its container may not hold it (a `Dial` in a `Gather`), is
//! kept as the container's `Unknown` child ([`RawElement`]); unknown attributes, and values
//! that do not fit their attribute's type, go to the element's `extra_attributes`; all of
//! it is written back, so `Response::from_xml(&doc.to_xml()) == Ok(doc)`.
//!
//! Misplaced elements are kept rather than rejected so that a test can see exactly what a
//! handler produced and the simulator can report what the platform would. The platform's
//! checks are [`Response::check`]: each [`Violation`] carries the platform's code (13320
//! for a `Gather`'s invalid nested verb, 13215 for a `Dial`'s invalid nested element,
//! 13511 for a `Say`'s invalid voice, ...) and the XPath of the element or attribute.
//!
//! ```
//! # #[cfg(feature = "xml")] {
//! use cpaas::inboundxml::{Response, ResponseVerb};
//!
//! let doc = Response::from_xml(r#"<Response><Say voice="robot">Hi</Say><Dance/></Response>"#)?;
//! assert!(matches!(&doc.verbs[1], ResponseVerb::Unknown(raw) if raw.name == "Dance"));
//! let codes: Vec<u32> = doc.check().iter().map(|v| v.code.code()).collect();
//! assert_eq!(codes, vec![13511, 12200]);
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Being no stricter than the platform
//!
//! The builder never rejects a value: enumerated attributes take values the SDK does not
//! know (each enum's `Unknown` arm), numbers are not range-checked (the documented ranges
//! are on the setters), and any element can carry an attribute the SDK does not model
//! (`.attribute(name, value)`), any container an element it does not model
//! ([`RawElement`]).

mod check;
mod elements;
mod params;
#[cfg(feature = "xml")]
mod parser;
mod writer;

#[cfg(all(test, feature = "xml"))]
mod tests;

pub use crate::common::HttpMethod;
pub use check::Violation;
pub use elements::{
    Agent, Answer, Conference, Connect, ConnectTarget, Dial, DialTarget, Gather, GatherChild,
    GatherInput, GetSpeech, Hangup, IfMachine, Mms, Number, Pause, Ping, Play, PlayLastRecording,
    RawElement, Record, RecordDirection, Redirect, Refer, ReferTarget, Reject, RejectReason,
    Response, ResponseVerb, SampleRate, Say, SayLanguage, Sip, Sms, StraightToVm,
    TranscribeQuality, User, Voice,
};
pub use params::CallbackParams;
#[cfg(feature = "xml")]
#[cfg_attr(docsrs, doc(cfg(feature = "xml")))]
pub use parser::ParseError;
pub use writer::{CONTENT_TYPE, XML_DECLARATION};
