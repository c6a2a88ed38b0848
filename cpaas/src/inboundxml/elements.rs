//! The elements of an InboundXML document: one struct per element, one enum per container
//! of what it may hold, the enumerated attribute values, and [`RawElement`] for what the SDK
//! does not know.
//!
//! Each element struct is generated from one list of its attributes, in the order of the
//! vocabulary's table: the list gives the fields, their setters, the order the writer
//! follows and the names the parser reads, so the four cannot disagree.
//!
//! The read side of each element (`blank`, `read_attribute`, `set_text`, `push_raw_child`,
//! `build`) serves the parser, which comes with the feature `xml`; without it that side is
//! compiled but not called.
#![cfg_attr(not(feature = "xml"), allow(dead_code))]

use std::borrow::Cow;
use std::fmt;

use crate::common::HttpMethod;

// ---------------------------------------------------------------------------------------
// Attribute values on the wire.

/// A value an attribute holds: how it is written and read.
pub(crate) trait AttrScalar: Sized {
    /// The value as written.
    fn to_wire(&self) -> Cow<'_, str>;
    /// The value read from a document; `None` when the text does not fit the type.
    fn from_wire(s: &str) -> Option<Self>;
    /// `false` for an enumerated value outside the vocabulary's list (`Unknown`).
    fn is_documented(&self) -> bool {
        true
    }
}

impl AttrScalar for String {
    fn to_wire(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
    fn from_wire(s: &str) -> Option<Self> {
        Some(s.to_owned())
    }
}

impl AttrScalar for u32 {
    fn to_wire(&self) -> Cow<'_, str> {
        Cow::Owned(self.to_string())
    }
    fn from_wire(s: &str) -> Option<Self> {
        s.trim().parse().ok()
    }
}

impl AttrScalar for bool {
    fn to_wire(&self) -> Cow<'_, str> {
        Cow::Borrowed(if *self { "true" } else { "false" })
    }
    fn from_wire(s: &str) -> Option<Self> {
        parse_bool(s)
    }
}

/// Reads a boolean the way the platform accepts them: `true`/`false` in any case
/// (`True`, `TRUE`, ...), `1`, `0`; surrounding whitespace is ignored.
pub(crate) fn parse_bool(s: &str) -> Option<bool> {
    let s = s.trim();
    if s == "1" || s.eq_ignore_ascii_case("true") {
        Some(true)
    } else if s == "0" || s.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

/// The field behind one attribute: `Option<T>` for an optional attribute, `String` for a
/// required one (always written).
pub(crate) trait AttrField {
    /// The value to write, if any.
    fn wire(&self) -> Option<Cow<'_, str>>;
    /// Sets the field from a document's value; `false` (field untouched) when the value
    /// does not fit the attribute's type.
    fn set_wire(&mut self, value: &str) -> bool;
    /// The value, when it is an enumerated value outside the vocabulary's list.
    fn undocumented(&self) -> Option<Cow<'_, str>>;
}

impl<T: AttrScalar> AttrField for Option<T> {
    fn wire(&self) -> Option<Cow<'_, str>> {
        self.as_ref().map(AttrScalar::to_wire)
    }
    fn set_wire(&mut self, value: &str) -> bool {
        match T::from_wire(value) {
            Some(v) => {
                *self = Some(v);
                true
            }
            None => false,
        }
    }
    fn undocumented(&self) -> Option<Cow<'_, str>> {
        self.as_ref()
            .filter(|v| !v.is_documented())
            .map(AttrScalar::to_wire)
    }
}

impl AttrField for String {
    fn wire(&self) -> Option<Cow<'_, str>> {
        Some(Cow::Borrowed(self))
    }
    fn set_wire(&mut self, value: &str) -> bool {
        value.clone_into(self);
        true
    }
    fn undocumented(&self) -> Option<Cow<'_, str>> {
        None
    }
}

/// What the writer, the parser and the checks need of every element.
pub(crate) trait Attributes {
    /// The element's name.
    const NAME: &'static str;
    /// The names of the attributes the SDK models, in writing order.
    const KNOWN: &'static [&'static str];
    /// Calls `f` with each typed attribute that is set, in writing order.
    fn each_typed(&self, f: &mut dyn FnMut(&'static str, &str) -> fmt::Result) -> fmt::Result;
    /// The attributes the SDK does not model.
    fn extra_attributes(&self) -> &[(String, String)];
    /// Sets one attribute read from a document (a typed field, else an extra attribute).
    fn read_attribute(&mut self, name: String, value: String);
    /// The typed attributes holding an enumerated value outside the vocabulary's list.
    fn undocumented_values(&self) -> Vec<(&'static str, String)>;
}

/// How the writer and the parser see an element's content.
pub(crate) trait Node: Attributes + Sized {
    /// An element with every attribute unset and empty content.
    fn blank() -> Self;
    /// The element's text ("" when it has none).
    fn text(&self) -> &str;
    /// Sets the text read from a document (ignored by elements that have none).
    fn set_text(&mut self, text: String);
    /// Whether the element has child elements to write.
    fn has_children(&self) -> bool;
    /// Writes the child elements.
    fn write_children(&self, w: &mut super::writer::XmlWriter<'_>) -> fmt::Result;
    /// Adds a child element read from a document.
    fn push_raw_child(&mut self, child: RawElement);
}

/// Builds a typed element from a raw one: attributes, text, then each child (typed where
/// the element may hold it, kept raw otherwise).
pub(crate) fn build<T: Node>(raw: RawElement) -> T {
    let mut el = T::blank();
    for (name, value) in raw.attributes {
        el.read_attribute(name, value);
    }
    el.set_text(raw.text);
    for child in raw.children {
        el.push_raw_child(child);
    }
    el
}

macro_rules! attr_type {
    (text) => { Option<String> };
    (int) => { Option<u32> };
    (bool) => { Option<bool> };
    (method) => { Option<HttpMethod> };
    (required) => { String };
    (($t:ty)) => { Option<$t> };
}

macro_rules! attr_setter {
    ($(#[$m:meta])* $f:ident text) => {
        $(#[$m])*
        pub fn $f(mut self, value: impl Into<String>) -> Self {
            self.$f = Some(value.into());
            self
        }
    };
    ($(#[$m:meta])* $f:ident int) => {
        $(#[$m])*
        pub fn $f(mut self, value: u32) -> Self {
            self.$f = Some(value);
            self
        }
    };
    ($(#[$m:meta])* $f:ident bool) => {
        $(#[$m])*
        pub fn $f(mut self, value: bool) -> Self {
            self.$f = Some(value);
            self
        }
    };
    ($(#[$m:meta])* $f:ident method) => {
        $(#[$m])*
        pub fn $f(mut self, value: HttpMethod) -> Self {
            self.$f = Some(value);
            self
        }
    };
    ($(#[$m:meta])* $f:ident required) => {
        $(#[$m])*
        pub fn $f(mut self, value: impl Into<String>) -> Self {
            self.$f = value.into();
            self
        }
    };
    ($(#[$m:meta])* $f:ident ($t:ty)) => {
        $(#[$m])*
        pub fn $f(mut self, value: impl Into<$t>) -> Self {
            self.$f = Some(value.into());
            self
        }
    };
}

/// Declares an element: its struct (content fields, then one field per attribute, then
/// `extra_attributes`), `NAME`, a setter per attribute, `attribute()`, and the
/// [`Attributes`] the writer and parser use. Attribute kinds: `text` (also URLs), `int`
/// (`u32`), `bool`, `method` ([`HttpMethod`]), `required` (a `String` always written),
/// `(Type)` (an enum).
macro_rules! element {
    (
        $(#[$meta:meta])*
        pub struct $name:ident ($wire_name:literal) {
            $( $(#[$fmeta:meta])* pub $field:ident : $fty:ty, )*
        }
        attributes {
            $( $(#[$ameta:meta])* $attr:ident : $kind:tt = $wire:literal, )*
        }
    ) => {
        $(#[$meta])*
        #[non_exhaustive]
        pub struct $name {
            $( $(#[$fmeta])* pub $field: $fty, )*
            $( $(#[$ameta])* pub $attr: attr_type!($kind), )*
            /// Attributes the SDK does not model, or whose value did not fit the attribute's
            /// type when read, as `(name, value)` in document order. Written after the typed
            /// attributes, except one whose name was already written.
            pub extra_attributes: Vec<(String, String)>,
        }

        impl $name {
            #[doc = concat!("The element's name: `", $wire_name, "`.")]
            pub const NAME: &'static str = $wire_name;

            $( attr_setter! { $(#[$ameta])* $attr $kind } )*

            /// Adds an attribute the SDK does not model (a newer platform's, say), written
            /// as given after the typed ones. The value is escaped; the name is written
            /// verbatim and must be an XML name. An attribute whose name the element has
            /// already written (a typed one that is set, or an earlier extra) is not written
            /// again.
            pub fn attribute(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
                self.extra_attributes.push((name.into(), value.into()));
                self
            }

            /// An element with every attribute unset and empty content.
            pub(crate) fn blank() -> Self {
                $name {
                    $( $field: Default::default(), )*
                    $( $attr: Default::default(), )*
                    extra_attributes: Vec::new(),
                }
            }
        }

        impl Attributes for $name {
            const NAME: &'static str = $wire_name;
            const KNOWN: &'static [&'static str] = &[$($wire),*];

            #[allow(unused_variables)]
            fn each_typed(
                &self,
                f: &mut dyn FnMut(&'static str, &str) -> fmt::Result,
            ) -> fmt::Result {
                $(
                    if let Some(v) = AttrField::wire(&self.$attr) {
                        f($wire, &v)?;
                    }
                )*
                Ok(())
            }

            fn extra_attributes(&self) -> &[(String, String)] {
                &self.extra_attributes
            }

            fn read_attribute(&mut self, name: String, value: String) {
                match name.as_str() {
                    $( $wire if AttrField::set_wire(&mut self.$attr, &value) => {} )*
                    _ => self.extra_attributes.push((name, value)),
                }
            }

            #[allow(unused_mut)]
            fn undocumented_values(&self) -> Vec<(&'static str, String)> {
                let mut out = Vec::new();
                $(
                    if let Some(v) = AttrField::undocumented(&self.$attr) {
                        out.push(($wire, v.into_owned()));
                    }
                )*
                out
            }
        }
    };
}

/// The [`Node`] of an element with text and no children in the vocabulary: unknown child
/// elements go to `extra_children`.
macro_rules! text_leaf {
    ($($name:ident),* $(,)?) => {$(
        impl Node for $name {
            fn blank() -> Self {
                $name::blank()
            }
            fn text(&self) -> &str {
                &self.text
            }
            fn set_text(&mut self, text: String) {
                self.text = text;
            }
            fn has_children(&self) -> bool {
                !self.extra_children.is_empty()
            }
            fn write_children(&self, w: &mut super::writer::XmlWriter<'_>) -> fmt::Result {
                self.extra_children.iter().try_for_each(|c| w.raw(c))
            }
            fn push_raw_child(&mut self, child: RawElement) {
                self.extra_children.push(child);
            }
        }
    )*};
}

/// The [`Node`] of an element with neither text nor children in the vocabulary: text read
/// from a document is dropped, unknown child elements go to `extra_children`.
macro_rules! empty_leaf {
    ($($name:ident),* $(,)?) => {$(
        impl Node for $name {
            fn blank() -> Self {
                $name::blank()
            }
            fn text(&self) -> &str {
                ""
            }
            fn set_text(&mut self, _text: String) {}
            fn has_children(&self) -> bool {
                !self.extra_children.is_empty()
            }
            fn write_children(&self, w: &mut super::writer::XmlWriter<'_>) -> fmt::Result {
                self.extra_children.iter().try_for_each(|c| w.raw(c))
            }
            fn push_raw_child(&mut self, child: RawElement) {
                self.extra_children.push(child);
            }
        }
    )*};
}

/// The child enum of a container: `From` each allowed element (and from [`RawElement`],
/// into `Unknown`), `name()`, and the reading of a child by its name.
macro_rules! children {
    ($enum:ident { $($variant:ident),* $(,)? }) => {
        $(
            impl From<$variant> for $enum {
                fn from(value: $variant) -> Self {
                    $enum::$variant(value)
                }
            }
        )*

        impl From<RawElement> for $enum {
            fn from(value: RawElement) -> Self {
                $enum::Unknown(value)
            }
        }

        impl $enum {
            /// The element's name (`Say`, ...; an unknown element's own name).
            pub fn name(&self) -> &str {
                match self {
                    $( $enum::$variant(_) => $variant::NAME, )*
                    $enum::Unknown(raw) => &raw.name,
                }
            }

            /// Reads a child element: typed when this container may hold it, else kept
            /// as `Unknown`.
            pub(crate) fn from_raw(raw: RawElement) -> Self {
                match raw.name.as_str() {
                    $( $variant::NAME => $enum::$variant(build(raw)), )*
                    _ => $enum::Unknown(raw),
                }
            }

            pub(crate) fn write(&self, w: &mut super::writer::XmlWriter<'_>) -> fmt::Result {
                match self {
                    $( $enum::$variant(el) => w.element(el), )*
                    $enum::Unknown(raw) => w.raw(raw),
                }
            }
        }
    };
}

// ---------------------------------------------------------------------------------------
// Enumerated attribute values.

sdk_core::string_enum! {
    /// `Say` `voice`.
    pub enum Voice {
        /// `female`.
        Female = "female",
        /// `male`.
        Male = "male",
    }
}

sdk_core::string_enum! {
    /// `Say` `language`: one of six (a `Gather`'s `language` is a BCP-47 tag instead).
    pub enum SayLanguage {
        /// `en`.
        En = "en",
        /// `en-gb`.
        EnGb = "en-gb",
        /// `es`.
        Es = "es",
        /// `fr`.
        Fr = "fr",
        /// `it`.
        It = "it",
        /// `de`.
        De = "de",
    }
}

sdk_core::string_enum! {
    /// `Gather` `input`: what the caller may answer with.
    pub enum GatherInput {
        /// `dtmf`: key presses.
        Dtmf = "dtmf",
        /// `speech`: spoken words.
        Speech = "speech",
        /// `speech dtmf`: either.
        SpeechDtmf = "speech dtmf",
        /// `value`: listed by the vocabulary's table, meaning not documented.
        Value = "value",
    }
}

sdk_core::string_enum! {
    /// `Record` `transcribeQuality`.
    pub enum TranscribeQuality {
        /// `auto`.
        Auto = "auto",
        /// `silver`.
        Silver = "silver",
        /// `gold`.
        Gold = "gold",
        /// `platinum`.
        Platinum = "platinum",
        /// `manual`.
        Manual = "manual",
        /// `hybrid`.
        Hybrid = "hybrid",
        /// `keywords`.
        Keywords = "keywords",
        /// `subtitles`.
        Subtitles = "subtitles",
    }
}

sdk_core::string_enum! {
    /// Which audio is recorded: `Record` `direction`, `Dial` `recordDirection`.
    pub enum RecordDirection {
        /// `in`: what the caller says.
        In = "in",
        /// `out`: what the caller hears.
        Out = "out",
        /// `both`.
        Both = "both",
        /// `inlow`.
        Inlow = "inlow",
    }
}

sdk_core::string_enum! {
    /// `Record` `sampleRate`, in hertz.
    pub enum SampleRate {
        /// `8000`.
        Hz8000 = "8000",
        /// `16000`.
        Hz16000 = "16000",
        /// `32000`.
        Hz32000 = "32000",
        /// `48000`.
        Hz48000 = "48000",
    }
}

sdk_core::string_enum! {
    /// `Dial` `ifMachine`: what to do when a machine answers. The vocabulary spells the
    /// third value with a capital (`Redirect`), unlike Make Call's `IfMachine` parameter.
    pub enum IfMachine {
        /// `continue`.
        Continue = "continue",
        /// `hangup`.
        Hangup = "hangup",
        /// `Redirect`: request `ifMachineUrl` for instructions.
        Redirect = "Redirect",
    }
}

sdk_core::string_enum! {
    /// `Reject` `reason`: what the caller hears.
    pub enum RejectReason {
        /// `busy`: a busy tone.
        Busy = "busy",
        /// `rejected`.
        Rejected = "rejected",
    }
}

macro_rules! scalar_enums {
    ($($t:ty),* $(,)?) => {$(
        impl AttrScalar for $t {
            fn to_wire(&self) -> Cow<'_, str> {
                Cow::Borrowed(self.as_str())
            }
            fn from_wire(s: &str) -> Option<Self> {
                Some(s.parse().unwrap_or_else(|never| match never {}))
            }
            fn is_documented(&self) -> bool {
                !matches!(self, Self::Unknown(_))
            }
        }
    )*};
}

scalar_enums!(
    HttpMethod,
    Voice,
    SayLanguage,
    GatherInput,
    TranscribeQuality,
    RecordDirection,
    SampleRate,
    IfMachine,
    RejectReason,
);

/// `Dial` `straightToVm`: the schema types it "bool or int > 0".
///
/// Read from a document, `true`/`false` (any case) is a [`Bool`](Self::Bool) and a number
/// an [`Int`](Self::Int) (so `1` reads as `Int(1)` and is written back as `1`).
///
/// ```
/// use cpaas::inboundxml::{Dial, StraightToVm};
///
/// let dial = Dial::new().text("+15557654321").straight_to_vm(true);
/// assert_eq!(dial.straight_to_vm, Some(StraightToVm::Bool(true)));
/// let dial = Dial::new().text("+15557654321").straight_to_vm(20u32);
/// assert_eq!(dial.straight_to_vm, Some(StraightToVm::Int(20)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StraightToVm {
    /// `true` or `false`.
    Bool(bool),
    /// A number (documented as greater than 0; not checked).
    Int(u32),
}

impl From<bool> for StraightToVm {
    fn from(value: bool) -> Self {
        StraightToVm::Bool(value)
    }
}

impl From<u32> for StraightToVm {
    fn from(value: u32) -> Self {
        StraightToVm::Int(value)
    }
}

impl AttrScalar for StraightToVm {
    fn to_wire(&self) -> Cow<'_, str> {
        match self {
            StraightToVm::Bool(b) => b.to_wire(),
            StraightToVm::Int(n) => n.to_wire(),
        }
    }
    fn from_wire(s: &str) -> Option<Self> {
        let t = s.trim();
        if t.eq_ignore_ascii_case("true") || t.eq_ignore_ascii_case("false") {
            parse_bool(t).map(StraightToVm::Bool)
        } else {
            u32::from_wire(t).map(StraightToVm::Int)
        }
    }
}

// ---------------------------------------------------------------------------------------
// What the SDK does not know.

/// An element the SDK does not model, or a known element where its container may not hold
/// it (a `Dial` inside a `Gather`): kept as read, and written back as it is.
///
/// Its text is the concatenation of its text nodes; whitespace-only text is dropped when
/// the element has child elements (indentation), kept otherwise. Attribute and element
/// names are written verbatim and must be XML names; values and text are escaped.
///
/// ```
/// use cpaas::inboundxml::{RawElement, Response};
///
/// // A verb of a newer platform, sent as given.
/// let doc = Response::new().verb(RawElement::new("Enqueue").attribute("waitUrl", "https://example.com/wait").text("support"));
/// assert!(doc.to_xml().ends_with(r#"<Response><Enqueue waitUrl="https://example.com/wait">support</Enqueue></Response>"#));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct RawElement {
    /// The element's name, as written (with its prefix, if any).
    pub name: String,
    /// Its attributes, `(name, value)` in document order.
    pub attributes: Vec<(String, String)>,
    /// Its text ("" when none).
    pub text: String,
    /// Its child elements.
    pub children: Vec<RawElement>,
}

impl RawElement {
    /// An element named `name`, without attributes, text or children.
    pub fn new(name: impl Into<String>) -> Self {
        RawElement {
            name: name.into(),
            ..RawElement::default()
        }
    }

    /// Adds an attribute.
    pub fn attribute(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.attributes.push((name.into(), value.into()));
        self
    }

    /// Sets the text.
    pub fn text(mut self, text: impl Into<String>) -> Self {
        self.text = text.into();
        self
    }

    /// Adds a child element.
    pub fn child(mut self, child: RawElement) -> Self {
        self.children.push(child);
        self
    }

    /// The value of the attribute `name`, if present.
    ///
    /// ```
    /// let el = cpaas::inboundxml::RawElement::new("Enqueue").attribute("waitUrl", "https://example.com/wait");
    /// assert_eq!(el.attribute_value("waitUrl"), Some("https://example.com/wait"));
    /// ```
    pub fn attribute_value(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

// ---------------------------------------------------------------------------------------
// The document.

element! {
    /// The root of every document: the verbs run in order.
    ///
    /// ```
    /// use cpaas::inboundxml::{Gather, Redirect, Response, Say};
    ///
    /// let doc = Response::new()
    ///     .gather(Gather::new().say(Say::new("Press 1")).action("https://example.com/menu"))
    ///     .redirect(Redirect::new("https://example.com/again"));
    /// assert_eq!(
    ///     doc.to_xml(),
    ///     concat!(
    ///         r#"<?xml version="1.0" encoding="UTF-8"?>"#, "\n",
    ///         r#"<Response><Gather action="https://example.com/menu"><Say>Press 1</Say></Gather>"#,
    ///         r#"<Redirect>https://example.com/again</Redirect></Response>"#,
    ///     )
    /// );
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq, Default)]
    pub struct Response("Response") {
        /// The verbs, in order.
        pub verbs: Vec<ResponseVerb>,
    }
    attributes {
        /// `statusCallback` (URL): requested when the call ends.
        status_callback: text = "statusCallback",
        /// `statusMethod`: the method of `statusCallback` (GET or POST).
        status_method: method = "statusMethod",
        /// `heartbeatCallback` (URL): requested periodically during the call.
        heartbeat_callback: text = "heartbeatCallback",
        /// `heartbeatMethod`: the method of `heartbeatCallback` (GET or POST).
        heartbeat_method: method = "heartbeatMethod",
    }
}

impl Response {
    /// An empty document.
    pub fn new() -> Self {
        Response::default()
    }

    /// Adds a verb: any element a `Response` may hold (or a [`RawElement`]).
    pub fn verb(mut self, verb: impl Into<ResponseVerb>) -> Self {
        self.verbs.push(verb.into());
        self
    }

    /// Adds an [`Answer`].
    pub fn answer(self, answer: Answer) -> Self {
        self.verb(answer)
    }
    /// Adds a [`Connect`].
    pub fn connect(self, connect: Connect) -> Self {
        self.verb(connect)
    }
    /// Adds a [`Dial`].
    pub fn dial(self, dial: Dial) -> Self {
        self.verb(dial)
    }
    /// Adds a [`Gather`].
    pub fn gather(self, gather: Gather) -> Self {
        self.verb(gather)
    }
    /// Adds a [`GetSpeech`].
    pub fn get_speech(self, get_speech: GetSpeech) -> Self {
        self.verb(get_speech)
    }
    /// Adds a [`Hangup`].
    pub fn hangup(self, hangup: Hangup) -> Self {
        self.verb(hangup)
    }
    /// Adds an [`Mms`].
    pub fn mms(self, mms: Mms) -> Self {
        self.verb(mms)
    }
    /// Adds a [`Pause`].
    pub fn pause(self, pause: Pause) -> Self {
        self.verb(pause)
    }
    /// Adds a [`Ping`].
    pub fn ping(self, ping: Ping) -> Self {
        self.verb(ping)
    }
    /// Adds a [`Play`].
    pub fn play(self, play: Play) -> Self {
        self.verb(play)
    }
    /// Adds a [`PlayLastRecording`].
    pub fn play_last_recording(self, play: PlayLastRecording) -> Self {
        self.verb(play)
    }
    /// Adds a [`Record`].
    pub fn record(self, record: Record) -> Self {
        self.verb(record)
    }
    /// Adds a [`Redirect`].
    pub fn redirect(self, redirect: Redirect) -> Self {
        self.verb(redirect)
    }
    /// Adds a [`Refer`].
    pub fn refer(self, refer: Refer) -> Self {
        self.verb(refer)
    }
    /// Adds a [`Reject`].
    pub fn reject(self, reject: Reject) -> Self {
        self.verb(reject)
    }
    /// Adds a [`Say`].
    pub fn say(self, say: Say) -> Self {
        self.verb(say)
    }
    /// Adds an [`Sms`].
    pub fn sms(self, sms: Sms) -> Self {
        self.verb(sms)
    }
}

/// A verb of a [`Response`].
// A `Dial` (26 attributes) is the largest verb; a document holds a handful of verbs, built
// once per request, so the variants are not boxed: matching on the tree stays plain.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ResponseVerb {
    /// [`Answer`].
    Answer(Answer),
    /// [`Connect`].
    Connect(Connect),
    /// [`Dial`].
    Dial(Dial),
    /// [`Gather`].
    Gather(Gather),
    /// [`GetSpeech`].
    GetSpeech(GetSpeech),
    /// [`Hangup`].
    Hangup(Hangup),
    /// [`Mms`].
    Mms(Mms),
    /// [`Pause`].
    Pause(Pause),
    /// [`Ping`].
    Ping(Ping),
    /// [`Play`].
    Play(Play),
    /// [`PlayLastRecording`].
    PlayLastRecording(PlayLastRecording),
    /// [`Record`].
    Record(Record),
    /// [`Redirect`].
    Redirect(Redirect),
    /// [`Refer`].
    Refer(Refer),
    /// [`Reject`].
    Reject(Reject),
    /// [`Say`].
    Say(Say),
    /// [`Sms`].
    Sms(Sms),
    /// An element the SDK does not know, or one a `Response` may not hold, as read.
    Unknown(RawElement),
}

children!(ResponseVerb {
    Answer,
    Connect,
    Dial,
    Gather,
    GetSpeech,
    Hangup,
    Mms,
    Pause,
    Ping,
    Play,
    PlayLastRecording,
    Record,
    Redirect,
    Refer,
    Reject,
    Say,
    Sms,
});

impl Node for Response {
    fn blank() -> Self {
        Response::blank()
    }
    fn text(&self) -> &str {
        ""
    }
    fn set_text(&mut self, _text: String) {}
    fn has_children(&self) -> bool {
        !self.verbs.is_empty()
    }
    fn write_children(&self, w: &mut super::writer::XmlWriter<'_>) -> fmt::Result {
        self.verbs.iter().try_for_each(|v| v.write(w))
    }
    fn push_raw_child(&mut self, child: RawElement) {
        self.verbs.push(ResponseVerb::from_raw(child));
    }
}

// ---------------------------------------------------------------------------------------
// Prompts: what a Response, a Gather and a GetSpeech play.

element! {
    /// Speaks text to the caller.
    ///
    /// ```
    /// use cpaas::inboundxml::{Say, SayLanguage, Voice};
    ///
    /// let say = Say::new("Bonjour").voice(Voice::Female).language(SayLanguage::Fr).loop_count(2);
    /// # let _ = say;
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Say("Say") {
        /// The words to speak.
        pub text: String,
        /// Child elements read from a document (a `Say` has none in the vocabulary).
        pub extra_children: Vec<RawElement>,
    }
    attributes {
        /// `loop` (int): how many times the text is spoken.
        loop_count: int = "loop",
        /// `voice`: female or male.
        voice: (Voice) = "voice",
        /// `language`: en, en-gb, es, fr, it or de.
        language: (SayLanguage) = "language",
    }
}

impl Say {
    /// Speaks `text`.
    pub fn new(text: impl Into<String>) -> Self {
        Say {
            text: text.into(),
            ..Say::blank()
        }
    }
}

element! {
    /// Plays audio: an audio file's URL, or a `tone_stream://` spec.
    ///
    /// ```
    /// let play = cpaas::inboundxml::Play::new("https://example.com/hold.mp3").loop_count(3);
    /// # let _ = play;
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Play("Play") {
        /// The audio URL or `tone_stream://` spec.
        pub text: String,
        /// Child elements read from a document (a `Play` has none in the vocabulary).
        pub extra_children: Vec<RawElement>,
    }
    attributes {
        /// `loop` (int): how many times the audio plays.
        loop_count: int = "loop",
        /// `method`: the method used to fetch the audio (GET or POST).
        method: method = "method",
    }
}

impl Play {
    /// Plays the audio at `url` (or a `tone_stream://` spec).
    pub fn new(url: impl Into<String>) -> Self {
        Play {
            text: url.into(),
            ..Play::blank()
        }
    }
}

element! {
    /// Waits silently.
    ///
    /// ```
    /// let pause = cpaas::inboundxml::Pause::new().length(2);
    /// # let _ = pause;
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq, Default)]
    pub struct Pause("Pause") {
        /// Child elements read from a document (a `Pause` has none in the vocabulary).
        pub extra_children: Vec<RawElement>,
    }
    attributes {
        /// `length` (int): seconds to wait.
        length: int = "length",
    }
}

impl Pause {
    /// A pause of the platform's default length.
    pub fn new() -> Self {
        Pause::default()
    }
}

element! {
    /// Plays the call's last recording.
    #[derive(Debug, Clone, PartialEq, Eq, Default)]
    pub struct PlayLastRecording("PlayLastRecording") {
        /// Child elements read from a document (none in the vocabulary).
        pub extra_children: Vec<RawElement>,
    }
    attributes {}
}

impl PlayLastRecording {
    /// Plays the last recording.
    pub fn new() -> Self {
        PlayLastRecording::default()
    }
}

/// What a [`Gather`] or a [`GetSpeech`] plays while it listens.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum GatherChild {
    /// [`Say`].
    Say(Say),
    /// [`Play`].
    Play(Play),
    /// [`Pause`].
    Pause(Pause),
    /// [`PlayLastRecording`].
    PlayLastRecording(PlayLastRecording),
    /// An element the SDK does not know, or one a `Gather` may not hold (a `Dial`, ...),
    /// as read; [`Response::check`] names it with code 13320.
    Unknown(RawElement),
}

children!(GatherChild {
    Say,
    Play,
    Pause,
    PlayLastRecording
});

element! {
    /// Collects key presses or speech, then requests `action` with them (`Digits` or
    /// `SpeechResult`, see [`CallbackParams`](super::CallbackParams)). Holds the prompts
    /// played while it listens: [`Say`], [`Play`], [`Pause`], [`PlayLastRecording`].
    ///
    /// ```
    /// use cpaas::HttpMethod;
    /// use cpaas::inboundxml::{Gather, GatherInput, Pause, Say};
    ///
    /// let menu = Gather::new()
    ///     .input(GatherInput::Dtmf)
    ///     .num_digits(1)
    ///     .timeout(5)
    ///     .action("https://example.com/menu")
    ///     .method(HttpMethod::Post)
    ///     .say(Say::new("For sales, press 1."))
    ///     .pause(Pause::new().length(1))
    ///     .say(Say::new("For support, press 2."));
    /// assert_eq!(menu.children.len(), 3);
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq, Default)]
    pub struct Gather("Gather") {
        /// The prompts, in order.
        pub children: Vec<GatherChild>,
    }
    attributes {
        /// `input`: dtmf, speech, or speech dtmf (most schemas require it; the SDK does not).
        input: (GatherInput) = "input",
        /// `hints` (text): words or phrases the speech recognizer should expect.
        hints: text = "hints",
        /// `language` (a BCP-47 tag such as `en-US`): the speech recognizer's language.
        language: text = "language",
        /// `action` (URL): requested with what was gathered.
        action: text = "action",
        /// `method`: the method of `action` (GET or POST).
        method: method = "method",
        /// `timeout` (int > 0 per the schema; not checked): seconds to wait for input.
        timeout: int = "timeout",
        /// `finishOnKey` (text): the key that ends the input.
        finish_on_key: text = "finishOnKey",
        /// `numDigits` (int): how many digits to collect.
        num_digits: int = "numDigits",
    }
}

impl Gather {
    /// A gather with the platform's defaults and no prompt.
    pub fn new() -> Self {
        Gather::default()
    }
    /// Adds a prompt: a [`Say`], [`Play`], [`Pause`] or [`PlayLastRecording`] (or a
    /// [`RawElement`]).
    pub fn child(mut self, child: impl Into<GatherChild>) -> Self {
        self.children.push(child.into());
        self
    }
    /// Adds a [`Say`].
    pub fn say(self, say: Say) -> Self {
        self.child(say)
    }
    /// Adds a [`Play`].
    pub fn play(self, play: Play) -> Self {
        self.child(play)
    }
    /// Adds a [`Pause`].
    pub fn pause(self, pause: Pause) -> Self {
        self.child(pause)
    }
    /// Adds a [`PlayLastRecording`].
    pub fn play_last_recording(self, play: PlayLastRecording) -> Self {
        self.child(play)
    }
}

element! {
    /// Recognizes speech against a grammar, then requests `action` with the result. Holds
    /// the same prompts as a [`Gather`].
    ///
    /// ```
    /// use cpaas::inboundxml::{GetSpeech, Say};
    ///
    /// let ask = GetSpeech::new("https://example.com/yes-no.grxml")
    ///     .action("https://example.com/answer")
    ///     .say(Say::new("Yes or no?"));
    /// # let _ = ask;
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct GetSpeech("GetSpeech") {
        /// The prompts, in order.
        pub children: Vec<GatherChild>,
    }
    attributes {
        /// `action` (URL): requested with the recognized speech.
        action: text = "action",
        /// `method`: the method of `action` (GET or POST).
        method: method = "method",
        /// `timeout` (int > 0 per the schema; not checked): seconds to wait for speech.
        timeout: int = "timeout",
        /// `playBeep` (bool): beeps before listening.
        play_beep: bool = "playBeep",
        /// `grammar` (URL, required): the SRGS grammar file.
        grammar: required = "grammar",
    }
}

impl GetSpeech {
    /// Recognizes speech against the grammar at `grammar` (the required `grammar`).
    pub fn new(grammar: impl Into<String>) -> Self {
        GetSpeech {
            grammar: grammar.into(),
            ..GetSpeech::blank()
        }
    }
    /// Adds a prompt: a [`Say`], [`Play`], [`Pause`] or [`PlayLastRecording`] (or a
    /// [`RawElement`]).
    pub fn child(mut self, child: impl Into<GatherChild>) -> Self {
        self.children.push(child.into());
        self
    }
    /// Adds a [`Say`].
    pub fn say(self, say: Say) -> Self {
        self.child(say)
    }
    /// Adds a [`Play`].
    pub fn play(self, play: Play) -> Self {
        self.child(play)
    }
    /// Adds a [`Pause`].
    pub fn pause(self, pause: Pause) -> Self {
        self.child(pause)
    }
    /// Adds a [`PlayLastRecording`].
    pub fn play_last_recording(self, play: PlayLastRecording) -> Self {
        self.child(play)
    }
}

macro_rules! container_node {
    ($name:ident . $field:ident : $enum:ident) => {
        impl Node for $name {
            fn blank() -> Self {
                $name::blank()
            }
            fn text(&self) -> &str {
                ""
            }
            fn set_text(&mut self, _text: String) {}
            fn has_children(&self) -> bool {
                !self.$field.is_empty()
            }
            fn write_children(&self, w: &mut super::writer::XmlWriter<'_>) -> fmt::Result {
                self.$field.iter().try_for_each(|c| c.write(w))
            }
            fn push_raw_child(&mut self, child: RawElement) {
                self.$field.push($enum::from_raw(child));
            }
        }
    };
}

container_node!(Gather.children: GatherChild);
container_node!(GetSpeech.children: GatherChild);

// ---------------------------------------------------------------------------------------
// Recording.

element! {
    /// Records the caller, then requests `action` with the recording (`RecordingUrl`,
    /// `RecordingDuration`, see [`CallbackParams`](super::CallbackParams)).
    ///
    /// ```
    /// use cpaas::inboundxml::{Record, RecordDirection, SampleRate};
    ///
    /// let voicemail = Record::new()
    ///     .action("https://example.com/voicemail")
    ///     .max_length(120)
    ///     .finish_on_key("#")
    ///     .play_beep(true)
    ///     .direction(RecordDirection::In)
    ///     .sample_rate(SampleRate::Hz16000);
    /// # let _ = voicemail;
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq, Default)]
    pub struct Record("Record") {
        /// Child elements read from a document (a `Record` has none in the vocabulary).
        pub extra_children: Vec<RawElement>,
    }
    attributes {
        /// `action` (URL): requested with the recording.
        action: text = "action",
        /// `method`: the method of `action` (GET or POST).
        method: method = "method",
        /// `timeout` (int > 0 per the schema; not checked): seconds of silence that end the
        /// recording.
        timeout: int = "timeout",
        /// `finishOnKey` (text): the keys that end the recording.
        finish_on_key: text = "finishOnKey",
        /// `maxLength` (int > 0 per the schema; not checked): the longest recording, in
        /// seconds.
        max_length: int = "maxLength",
        /// `transcribe` (bool): transcribes the recording.
        transcribe: bool = "transcribe",
        /// `transcribeCallback` (URL): requested with the transcription.
        transcribe_callback: text = "transcribeCallback",
        /// `transcribeQuality`: auto, silver, gold, platinum, manual, hybrid, keywords or
        /// subtitles.
        transcribe_quality: (TranscribeQuality) = "transcribeQuality",
        /// `sliceStart` (int > 0 per the schema; not checked).
        slice_start: int = "sliceStart",
        /// `sliceDuration` (int > 0 per the schema; not checked).
        slice_duration: int = "sliceDuration",
        /// `playBeep` (bool): beeps before recording.
        play_beep: bool = "playBeep",
        /// `bothLegs` (bool): records both legs of the call.
        both_legs: bool = "bothLegs",
        /// `fileFormat` (text): the recording's file format.
        file_format: text = "fileFormat",
        /// `direction`: in, out, both or inlow.
        direction: (RecordDirection) = "direction",
        /// `background` (bool): records while the document goes on.
        background: bool = "background",
        /// `sampleRate`: 8000, 16000, 32000 or 48000.
        sample_rate: (SampleRate) = "sampleRate",
        /// `trimSilence` (bool): trims the silence at both ends.
        trim_silence: bool = "trimSilence",
        /// `lifetime` (int > 0 per the schema; not checked): how long the recording is kept.
        lifetime: int = "lifetime",
    }
}

impl Record {
    /// A recording with the platform's defaults.
    pub fn new() -> Self {
        Record::default()
    }
}

// ---------------------------------------------------------------------------------------
// Call control.

element! {
    /// Answers the call.
    #[derive(Debug, Clone, PartialEq, Eq, Default)]
    pub struct Answer("Answer") {
        /// Child elements read from a document (none in the vocabulary).
        pub extra_children: Vec<RawElement>,
    }
    attributes {}
}

impl Answer {
    /// Answers the call.
    pub fn new() -> Self {
        Answer::default()
    }
}

element! {
    /// Ends the call.
    ///
    /// ```
    /// let later = cpaas::inboundxml::Hangup::new().schedule(60);
    /// # let _ = later;
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq, Default)]
    pub struct Hangup("Hangup") {
        /// Child elements read from a document (none in the vocabulary).
        pub extra_children: Vec<RawElement>,
    }
    attributes {
        /// `schedule` (int): seconds before the call is hung up.
        schedule: int = "schedule",
        /// `reason` (text).
        reason: text = "reason",
    }
}

impl Hangup {
    /// Hangs up now.
    pub fn new() -> Self {
        Hangup::default()
    }
}

element! {
    /// Rejects an incoming call without answering it.
    ///
    /// ```
    /// use cpaas::inboundxml::{Reject, RejectReason};
    /// let busy = Reject::new().reason(RejectReason::Busy);
    /// # let _ = busy;
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq, Default)]
    pub struct Reject("Reject") {
        /// Child elements read from a document (none in the vocabulary).
        pub extra_children: Vec<RawElement>,
    }
    attributes {
        /// `reason`: busy or rejected.
        reason: (RejectReason) = "reason",
    }
}

impl Reject {
    /// Rejects the call with the platform's default reason.
    pub fn new() -> Self {
        Reject::default()
    }
}

element! {
    /// Runs the InboundXML at a URL instead of the rest of this document.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Redirect("Redirect") {
        /// The URL of the next document.
        pub text: String,
        /// Child elements read from a document (none in the vocabulary).
        pub extra_children: Vec<RawElement>,
    }
    attributes {
        /// `method`: the method of the request (GET or POST).
        method: method = "method",
    }
}

impl Redirect {
    /// Runs the document at `url` next.
    pub fn new(url: impl Into<String>) -> Self {
        Redirect {
            text: url.into(),
            ..Redirect::blank()
        }
    }
}

element! {
    /// Requests a URL (and goes on with the document).
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Ping("Ping") {
        /// The URL to request.
        pub text: String,
        /// Child elements read from a document (none in the vocabulary).
        pub extra_children: Vec<RawElement>,
    }
    attributes {
        /// `method`: the method of the request (GET or POST).
        method: method = "method",
    }
}

impl Ping {
    /// Requests `url`.
    pub fn new(url: impl Into<String>) -> Self {
        Ping {
            text: url.into(),
            ..Ping::blank()
        }
    }
}

// ---------------------------------------------------------------------------------------
// Dial and its targets.

/// What a [`Dial`] calls.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DialTarget {
    /// [`Number`].
    Number(Number),
    /// [`Sip`].
    Sip(Sip),
    /// [`User`].
    User(User),
    /// [`Conference`].
    Conference(Conference),
    /// An element the SDK does not know, or one a `Dial` may not hold, as read;
    /// [`Response::check`] names it with code 13215.
    Unknown(RawElement),
}

children!(DialTarget {
    Number,
    Sip,
    User,
    Conference
});

element! {
    /// Connects the caller to another party: a phone number (as the dial's text, or
    /// [`Number`]s), [`Sip`] addresses, [`User`]s, or a [`Conference`].
    ///
    /// ```
    /// use cpaas::inboundxml::{Conference, Dial, Number, RecordDirection};
    ///
    /// // The number as the dial's text.
    /// let simple = Dial::new().text("+15557654321").timeout(20).caller_id("+15551230000");
    /// // Several numbers, rung at once; the call is recorded.
    /// let sales = Dial::new()
    ///     .number(Number::new("+15557654321"))
    ///     .number(Number::new("+15557654322").send_digits("ww123"))
    ///     .record(true)
    ///     .record_direction(RecordDirection::Both);
    /// // A conference room.
    /// let room = Dial::new().conference(Conference::new("standup").muted(false).beep(true));
    /// # let _ = (simple, sales, room);
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq, Default)]
    pub struct Dial("Dial") {
        /// The phone number to dial written as the dial's text (instead of, or besides, its
        /// targets). Read from a document, whitespace-only text is none.
        pub text: Option<String>,
        /// The targets, in order.
        pub targets: Vec<DialTarget>,
    }
    attributes {
        /// `action` (URL): requested when the dialed call ends (`DialCallStatus`, ...).
        action: text = "action",
        /// `method`: the method of `action` (GET or POST).
        method: method = "method",
        /// `timeout` (int > 0 per the schema; not checked): seconds to wait for an answer.
        timeout: int = "timeout",
        /// `hangupOnStar` (bool): the caller ends the dialed call with `*`.
        hangup_on_star: bool = "hangupOnStar",
        /// `timeLimit` (int): the longest dialed call, in seconds.
        time_limit: int = "timeLimit",
        /// `callerId` (text): the caller id shown to the dialed party.
        caller_id: text = "callerId",
        /// `hideCallerId` (bool): hides the caller id.
        hide_caller_id: bool = "hideCallerId",
        /// `callerName` (text): the caller name shown to the dialed party.
        caller_name: text = "callerName",
        /// `dialMusic` (URL): what the caller hears while the dial rings.
        dial_music: text = "dialMusic",
        /// `callbackUrl` (URL): told about the dialed call.
        callback_url: text = "callbackUrl",
        /// `callbackMethod`: the method of `callbackUrl` (GET or POST).
        callback_method: method = "callbackMethod",
        /// `confirmSound` (text): played to the dialed party before connecting.
        confirm_sound: text = "confirmSound",
        /// `digitsMatch` (text): digits that trigger `callbackUrl`.
        digits_match: text = "digitsMatch",
        /// `straightToVm` (bool or int > 0): goes straight to voicemail.
        straight_to_vm: (StraightToVm) = "straightToVm",
        /// `heartbeatUrl` (URL): requested periodically during the dialed call.
        heartbeat_url: text = "heartbeatUrl",
        /// `heartbeatMethod`: the method of `heartbeatUrl` (GET or POST).
        heartbeat_method: method = "heartbeatMethod",
        /// `forwardedFrom` (text): the forwarding number passed to the carrier.
        forwarded_from: text = "forwardedFrom",
        /// `record` (bool): records the dialed call.
        record: bool = "record",
        /// `recordDirection`: in, out, both or inlow.
        record_direction: (RecordDirection) = "recordDirection",
        /// `recordCallbackUrl` (URL): told about the recording.
        record_callback_url: text = "recordCallbackUrl",
        /// `recordLifetime` (int > 0 per the schema; not checked): how long the recording is
        /// kept.
        record_lifetime: int = "recordLifetime",
        /// `recordFormat` (text): the recording's file format.
        record_format: text = "recordFormat",
        /// `ifMachine`: continue, hangup or Redirect when a machine answers.
        if_machine: (IfMachine) = "ifMachine",
        /// `ifMachineUrl` (URL): requested when a machine answers and `ifMachine` is
        /// `Redirect`.
        if_machine_url: text = "ifMachineUrl",
        /// `ifMachineMethod`: the method of `ifMachineUrl` (GET or POST).
        if_machine_method: method = "ifMachineMethod",
        /// `outboundAction` (bool).
        outbound_action: bool = "outboundAction",
    }
}

impl Dial {
    /// A dial with no target yet: add one with [`text`](Self::text) or the target setters.
    pub fn new() -> Self {
        Dial::default()
    }
    /// Sets the phone number to dial, written as the dial's text.
    pub fn text(mut self, number: impl Into<String>) -> Self {
        self.text = Some(number.into());
        self
    }
    /// Adds a target: a [`Number`], [`Sip`], [`User`] or [`Conference`] (or a
    /// [`RawElement`]).
    pub fn target(mut self, target: impl Into<DialTarget>) -> Self {
        self.targets.push(target.into());
        self
    }
    /// Adds a [`Number`].
    pub fn number(self, number: Number) -> Self {
        self.target(number)
    }
    /// Adds a [`Sip`].
    pub fn sip(self, sip: Sip) -> Self {
        self.target(sip)
    }
    /// Adds a [`User`].
    pub fn user(self, user: User) -> Self {
        self.target(user)
    }
    /// Adds a [`Conference`].
    pub fn conference(self, conference: Conference) -> Self {
        self.target(conference)
    }
}

impl Node for Dial {
    fn blank() -> Self {
        Dial::blank()
    }
    fn text(&self) -> &str {
        self.text.as_deref().unwrap_or("")
    }
    fn set_text(&mut self, text: String) {
        self.text = (!text.trim().is_empty()).then_some(text);
    }
    fn has_children(&self) -> bool {
        !self.targets.is_empty()
    }
    fn write_children(&self, w: &mut super::writer::XmlWriter<'_>) -> fmt::Result {
        self.targets.iter().try_for_each(|t| t.write(w))
    }
    fn push_raw_child(&mut self, child: RawElement) {
        self.targets.push(DialTarget::from_raw(child));
    }
}

element! {
    /// A phone number a [`Dial`] calls.
    ///
    /// ```
    /// let n = cpaas::inboundxml::Number::new("+15557654321").send_digits("ww1234").url("https://example.com/whisper");
    /// # let _ = n;
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Number("Number") {
        /// The phone number.
        pub text: String,
        /// Child elements read from a document (none in the vocabulary).
        pub extra_children: Vec<RawElement>,
    }
    attributes {
        /// `sendDigits` (text): digits played once the number answers.
        send_digits: text = "sendDigits",
        /// `method`: the method of `url` (GET or POST).
        method: method = "method",
        /// `url` (URL): InboundXML run for the called party before connecting.
        url: text = "url",
        /// `sendOnPreanswer` (bool): sends the digits before the answer.
        send_on_preanswer: bool = "sendOnPreanswer",
    }
}

impl Number {
    /// Calls `number`.
    pub fn new(number: impl Into<String>) -> Self {
        Number {
            text: number.into(),
            ..Number::blank()
        }
    }
}

element! {
    /// A SIP address a [`Dial`] calls, or a [`Refer`] transfers to. `Debug` does not show
    /// the password.
    ///
    /// ```
    /// let sip = cpaas::inboundxml::Sip::new("sip:alice@example.com").username("alice").password("secret");
    /// assert!(!format!("{sip:?}").contains("secret"));
    /// ```
    #[derive(Clone, PartialEq, Eq)]
    pub struct Sip("Sip") {
        /// The SIP address.
        pub text: String,
        /// Child elements read from a document (none in the vocabulary).
        pub extra_children: Vec<RawElement>,
    }
    attributes {
        /// `action` (URL).
        action: text = "action",
        /// `method`: the method of `action` (GET or POST).
        method: method = "method",
        /// `username` (text): for SIP authentication.
        username: text = "username",
        /// `password` (text): for SIP authentication.
        password: text = "password",
        /// `sendDigits` (text): digits played once the address answers.
        send_digits: text = "sendDigits",
    }
}

impl Sip {
    /// Calls the SIP address `uri`.
    pub fn new(uri: impl Into<String>) -> Self {
        Sip {
            text: uri.into(),
            ..Sip::blank()
        }
    }
}

impl fmt::Debug for Sip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sip")
            .field("text", &self.text)
            .field("extra_children", &self.extra_children)
            .field("action", &self.action)
            .field("method", &self.method)
            .field("username", &self.username)
            .field("password", &self.password.as_ref().map(|_| "[redacted]"))
            .field("send_digits", &self.send_digits)
            .field("extra_attributes", &self.extra_attributes)
            .finish()
    }
}

element! {
    /// A user a [`Dial`] calls.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct User("User") {
        /// The user id.
        pub text: String,
        /// Child elements read from a document (none in the vocabulary).
        pub extra_children: Vec<RawElement>,
    }
    attributes {
        /// `sendDigits` (text): digits played once the user answers.
        send_digits: text = "sendDigits",
        /// `params` (text).
        params: text = "params",
    }
}

impl User {
    /// Calls the user `id`.
    pub fn new(id: impl Into<String>) -> Self {
        User {
            text: id.into(),
            ..User::blank()
        }
    }
}

element! {
    /// A conference room a [`Dial`] joins.
    ///
    /// ```
    /// let room = cpaas::inboundxml::Conference::new("standup")
    ///     .start_conference_on_enter(true)
    ///     .end_conference_on_exit(false)
    ///     .max_participants(10)
    ///     .wait_url("https://example.com/hold-music");
    /// # let _ = room;
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Conference("Conference") {
        /// The room's name.
        pub text: String,
        /// Child elements read from a document (none in the vocabulary).
        pub extra_children: Vec<RawElement>,
    }
    attributes {
        /// `muted` (bool): the caller joins muted.
        muted: bool = "muted",
        /// `beep` (bool): beeps when someone joins or leaves.
        beep: bool = "beep",
        /// `startConferenceOnEnter` (bool): the conference starts when the caller joins.
        start_conference_on_enter: bool = "startConferenceOnEnter",
        /// `endConferenceOnExit` (bool): the conference ends when the caller leaves.
        end_conference_on_exit: bool = "endConferenceOnExit",
        /// `maxParticipants` (int).
        max_participants: int = "maxParticipants",
        /// `timeLimit` (int): the longest conference, in seconds.
        time_limit: int = "timeLimit",
        /// `waitUrl` (URL): what the caller hears until the conference starts.
        wait_url: text = "waitUrl",
        /// `waitMethod`: the method of `waitUrl` (GET or POST).
        wait_method: method = "waitMethod",
        /// `hangupOnStar` (text; a `Dial`'s is a bool).
        hangup_on_star: text = "hangupOnStar",
        /// `callbackUrl` (URL): told about the conference.
        callback_url: text = "callbackUrl",
        /// `callbackMethod`: the method of `callbackUrl` (GET or POST).
        callback_method: method = "callbackMethod",
        /// `method` (GET or POST).
        method: method = "method",
        /// `waitSound` (URL).
        wait_sound: text = "waitSound",
        /// `waitSoundMethod`: the method of `waitSound` (GET or POST).
        wait_sound_method: method = "waitSoundMethod",
        /// `digitsMatch` (text): digits that trigger `callbackUrl`.
        digits_match: text = "digitsMatch",
        /// `stayAlone` (bool): the conference goes on with one participant.
        stay_alone: bool = "stayAlone",
        /// `record` (bool): records the conference.
        record: bool = "record",
        /// `recordFileFormat` (text): the recording's file format.
        record_file_format: text = "recordFileFormat",
        /// `recordCallbackUrl` (URL): told about the recording.
        record_callback_url: text = "recordCallbackUrl",
        /// `recordCallbackMethod`: the method of `recordCallbackUrl` (GET or POST).
        record_callback_method: method = "recordCallbackMethod",
    }
}

impl Conference {
    /// Joins the room `name`.
    pub fn new(name: impl Into<String>) -> Self {
        Conference {
            text: name.into(),
            ..Conference::blank()
        }
    }
}

// ---------------------------------------------------------------------------------------
// Refer and Connect.

/// What a [`Refer`] transfers to.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ReferTarget {
    /// [`Sip`].
    Sip(Sip),
    /// An element the SDK does not know, or one a `Refer` may not hold, as read.
    Unknown(RawElement),
}

children!(ReferTarget { Sip });

element! {
    /// Transfers a SIP call (SIP REFER) to the [`Sip`] address it holds (one, per the
    /// vocabulary).
    ///
    /// ```
    /// use cpaas::inboundxml::{Refer, Sip};
    /// let transfer = Refer::new().sip(Sip::new("sip:desk@example.com")).timeout(30);
    /// # let _ = transfer;
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq, Default)]
    pub struct Refer("Refer") {
        /// The targets (one, per the vocabulary).
        pub targets: Vec<ReferTarget>,
    }
    attributes {
        /// `action` (URL).
        action: text = "action",
        /// `method`: the method of `action` (GET or POST).
        method: method = "method",
        /// `timeout` (int > 0 per the schema; not checked).
        timeout: int = "timeout",
        /// `callbackUrl` (URL).
        callback_url: text = "callbackUrl",
        /// `callbackMethod`: the method of `callbackUrl` (GET or POST).
        callback_method: method = "callbackMethod",
    }
}

impl Refer {
    /// A refer with no target yet.
    pub fn new() -> Self {
        Refer::default()
    }
    /// Adds a target: a [`Sip`] (or a [`RawElement`]).
    pub fn target(mut self, target: impl Into<ReferTarget>) -> Self {
        self.targets.push(target.into());
        self
    }
    /// Adds a [`Sip`].
    pub fn sip(self, sip: Sip) -> Self {
        self.target(sip)
    }
}

container_node!(Refer.targets: ReferTarget);

/// What a [`Connect`] connects to.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConnectTarget {
    /// [`Agent`].
    Agent(Agent),
    /// An element the SDK does not know, or one a `Connect` may not hold, as read.
    Unknown(RawElement),
}

children!(ConnectTarget { Agent });

element! {
    /// Connects the call to the [`Agent`] it holds (one, per the vocabulary).
    ///
    /// ```
    /// use cpaas::inboundxml::{Agent, Connect};
    /// let to_agent = Connect::new().agent(Agent::new("agent-42")).action("https://example.com/after");
    /// # let _ = to_agent;
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq, Default)]
    pub struct Connect("Connect") {
        /// The targets (one, per the vocabulary).
        pub targets: Vec<ConnectTarget>,
    }
    attributes {
        /// `action` (URL).
        action: text = "action",
        /// `method`: the method of `action` (GET or POST).
        method: method = "method",
    }
}

impl Connect {
    /// A connect with no target yet.
    pub fn new() -> Self {
        Connect::default()
    }
    /// Adds a target: an [`Agent`] (or a [`RawElement`]).
    pub fn target(mut self, target: impl Into<ConnectTarget>) -> Self {
        self.targets.push(target.into());
        self
    }
    /// Adds an [`Agent`].
    pub fn agent(self, agent: Agent) -> Self {
        self.target(agent)
    }
}

container_node!(Connect.targets: ConnectTarget);

element! {
    /// The agent a [`Connect`] connects to.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Agent("Agent") {
        /// The agent id.
        pub text: String,
        /// Child elements read from a document (none in the vocabulary).
        pub extra_children: Vec<RawElement>,
    }
    attributes {}
}

impl Agent {
    /// Connects to the agent `id`.
    pub fn new(id: impl Into<String>) -> Self {
        Agent {
            text: id.into(),
            ..Agent::blank()
        }
    }
}

// ---------------------------------------------------------------------------------------
// Messages.

element! {
    /// Sends an SMS (during a call, or in reply to one).
    ///
    /// ```
    /// use cpaas::inboundxml::Sms;
    /// let reply = Sms::new("+15557654321", "+15551230000", "Thanks, we got it.")
    ///     .status_callback("https://example.com/sms-status");
    /// # let _ = reply;
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Sms("Sms") {
        /// The message body.
        pub text: String,
        /// Child elements read from a document (none in the vocabulary).
        pub extra_children: Vec<RawElement>,
    }
    attributes {
        /// `to` (text, required): the receiving number.
        to: required = "to",
        /// `from` (text, required): the sending number.
        from: required = "from",
        /// `action` (URL).
        action: text = "action",
        /// `method`: the method of `action` (GET or POST).
        method: method = "method",
        /// `statusCallback` (URL): told about the message's status.
        status_callback: text = "statusCallback",
        /// `statusCallbackMethod`: the method of `statusCallback` (GET or POST).
        status_callback_method: method = "statusCallbackMethod",
    }
}

impl Sms {
    /// Sends `body` to `to` from `from` (the required `to` and `from`).
    pub fn new(to: impl Into<String>, from: impl Into<String>, body: impl Into<String>) -> Self {
        Sms {
            to: to.into(),
            from: from.into(),
            text: body.into(),
            ..Sms::blank()
        }
    }
}

element! {
    /// Sends an MMS.
    ///
    /// ```
    /// use cpaas::inboundxml::Mms;
    /// let photo = Mms::new("+15557654321", "+15551230000", "https://example.com/map.png").text("Here is the map.");
    /// # let _ = photo;
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Mms("Mms") {
        /// The message body ("" when none).
        pub text: String,
        /// Child elements read from a document (none in the vocabulary).
        pub extra_children: Vec<RawElement>,
    }
    attributes {
        /// `to` (text, required): the receiving number.
        to: required = "to",
        /// `from` (text, required): the sending number.
        from: required = "from",
        /// `action` (URL).
        action: text = "action",
        /// `method`: the method of `action` (GET or POST).
        method: method = "method",
        /// `statusCallback` (URL): told about the message's status.
        status_callback: text = "statusCallback",
        /// `mediaUrl` (URL, required): the media sent.
        media_url: required = "mediaUrl",
        /// `statusCallbackMethod`: the method of `statusCallback` (GET or POST; in one
        /// schema only, so written after the others).
        status_callback_method: method = "statusCallbackMethod",
    }
}

impl Mms {
    /// Sends the media at `media_url` to `to` from `from` (the required `to`, `from` and
    /// `mediaUrl`), without a body.
    pub fn new(
        to: impl Into<String>,
        from: impl Into<String>,
        media_url: impl Into<String>,
    ) -> Self {
        Mms {
            to: to.into(),
            from: from.into(),
            media_url: media_url.into(),
            ..Mms::blank()
        }
    }
    /// Sets the message body.
    pub fn text(mut self, body: impl Into<String>) -> Self {
        self.text = body.into();
        self
    }
}

text_leaf!(
    Say, Play, Redirect, Ping, Number, Sip, User, Conference, Agent, Sms, Mms
);
empty_leaf!(Pause, PlayLastRecording, Record, Answer, Hangup, Reject);
