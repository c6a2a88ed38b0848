//! The parser: quick-xml's event reader into a tree of [`RawElement`]s, then the typed tree.

use std::fmt;

use quick_xml::Reader;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};

use super::elements::{RawElement, Response, build};
use crate::errors::ErrorCode;

/// Why a text is not an InboundXML document, with the platform's error code for it.
///
/// - 12100 (document parse failure): not well-formed XML (unclosed or mismatched tags, a
///   repeated attribute, an undefined entity, text or a second element outside the root,
///   no element at all), or elements nested more than 256 deep;
/// - 12102 (the root element must be Response): well-formed, but the root is another
///   element.
///
/// Everything else parses: see [`Response::from_xml`] for what is kept and
/// [`Response::check`] for the platform's other checks.
///
/// ```
/// use cpaas::inboundxml::Response;
///
/// let err = Response::from_xml("<Reply><Say>Hi</Say></Reply>").unwrap_err();
/// assert_eq!(err.code().code(), 12102);
/// let err = Response::from_xml("<Response><Say>Hi</Response>").unwrap_err();
/// assert_eq!(err.code().code(), 12100);
/// println!("{err}"); // 12100 (Document parse failure) at byte 15: ...
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    code: ErrorCode,
    message: String,
    position: Option<u64>,
}

impl ParseError {
    fn new(code: u32, message: impl Into<String>, position: Option<u64>) -> Self {
        ParseError {
            code: ErrorCode::from(code),
            message: message.into(),
            position,
        }
    }

    /// The platform's code: 12100 (document parse failure) or 12102 (the root element must
    /// be Response).
    pub fn code(&self) -> ErrorCode {
        self.code
    }

    /// What is wrong, in words.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The byte offset in the text where the problem was found, when known.
    pub fn position(&self) -> Option<u64> {
        self.position
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.code)?;
        if let Some(p) = self.position {
            write!(f, " at byte {p}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for ParseError {}

/// The deepest nesting read: far beyond any meaningful document, and a bound on the
/// recursion of writing, comparing and dropping a tree.
pub(crate) const MAX_DEPTH: usize = 256;

/// Reads the element tree of a document (12100 when it is not well-formed XML).
pub(crate) fn read_tree(text: &str) -> Result<RawElement, ParseError> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<RawElement> = Vec::new();
    let mut root: Option<RawElement> = None;
    loop {
        let event = reader.read_event().map_err(|e| {
            ParseError::new(
                12100,
                format!("not well-formed XML: {e}"),
                Some(reader.error_position()),
            )
        })?;
        let at = reader.buffer_position();
        let outside = |what: &str| {
            ParseError::new(12100, format!("{what} outside the root element"), Some(at))
        };
        match event {
            Event::Start(start) => {
                if root.is_some() {
                    return Err(outside("a second element"));
                }
                if stack.len() == MAX_DEPTH {
                    return Err(ParseError::new(
                        12100,
                        format!("elements nested deeper than {MAX_DEPTH}"),
                        Some(at),
                    ));
                }
                stack.push(open(&start, at)?);
            }
            Event::Empty(start) => {
                if root.is_some() {
                    return Err(outside("a second element"));
                }
                let el = open(&start, at)?;
                close(el, &mut stack, &mut root);
            }
            Event::End(_) => {
                // quick-xml checks that the end tag matches the open element.
                let el = stack
                    .pop()
                    .ok_or_else(|| ParseError::new(12100, "an unmatched end tag", Some(at)))?;
                close(el, &mut stack, &mut root);
            }
            Event::Text(t) => {
                let content = t.xml10_content();
                match stack.last_mut() {
                    Some(open) => open.text.push_str(&content),
                    None if content.trim().is_empty() => {}
                    None => return Err(outside("text")),
                }
            }
            Event::CData(c) => match stack.last_mut() {
                Some(open) => open.text.push_str(&c.xml10_content()),
                None => return Err(outside("CDATA")),
            },
            Event::GeneralRef(r) => {
                let name: &str = &r;
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => resolve_predefined_entity(name)
                        .ok_or_else(|| {
                            ParseError::new(
                                12100,
                                format!("the undefined entity `&{name};`"),
                                Some(at),
                            )
                        })?
                        .to_owned(),
                    Err(e) => {
                        return Err(ParseError::new(
                            12100,
                            format!("a bad character reference `&{name};`: {e}"),
                            Some(at),
                        ));
                    }
                };
                match stack.last_mut() {
                    Some(open) => open.text.push_str(&resolved),
                    None => return Err(outside("text")),
                }
            }
            Event::Eof => {
                if let Some(open) = stack.last() {
                    return Err(ParseError::new(
                        12100,
                        format!("the element `{}` is not closed", open.name),
                        Some(at),
                    ));
                }
                return root.ok_or_else(|| ParseError::new(12100, "no root element", None));
            }
            // The declaration, comments, processing instructions and a DOCTYPE carry
            // nothing the document's meaning depends on.
            Event::Decl(_) | Event::Comment(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
}

fn open(start: &BytesStart<'_>, at: u64) -> Result<RawElement, ParseError> {
    let name = AsRef::<str>::as_ref(&start.name()).to_owned();
    let mut el = RawElement::new(name);
    for attr in start.attributes() {
        let attr = attr.map_err(|e| {
            ParseError::new(
                12100,
                format!("a bad attribute in `{}`: {e}", el.name),
                Some(at),
            )
        })?;
        let key = AsRef::<str>::as_ref(&attr.key).to_owned();
        let value = attr
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|e| {
                ParseError::new(
                    12100,
                    format!("a bad value of `{key}` in `{}`: {e}", el.name),
                    Some(at),
                )
            })?
            .into_owned();
        el.attributes.push((key, value));
    }
    Ok(el)
}

/// Closes an element: whitespace-only text is indentation when it has children; it
/// becomes the root, or a child of the element below it.
fn close(mut el: RawElement, stack: &mut [RawElement], root: &mut Option<RawElement>) {
    if !el.children.is_empty() && el.text.trim().is_empty() {
        el.text.clear();
    }
    match stack.last_mut() {
        Some(parent) => parent.children.push(el),
        None => *root = Some(el),
    }
}

impl Response {
    /// Reads a document into the typed tree.
    ///
    /// Lenient, so that a test can assert on whatever a handler produced, and so that
    /// `Response::from_xml(&doc.to_xml()) == Ok(doc)`:
    /// - an element the SDK does not know, or a known one where its container may not hold
    ///   it (a `Dial` inside a `Gather`, a `Number` directly in the `Response`), is kept as
    ///   the container's `Unknown` child ([`RawElement`]) and written back;
    ///   [`Response::check`] names it with the platform's code (13320, 13215, ...). Child
    ///   elements of an element that has none in the vocabulary go to its
    ///   `extra_children`;
    /// - an attribute the SDK does not model, or whose value does not fit the attribute's
    ///   type (`timeout="soon"`), is kept in the element's `extra_attributes`;
    /// - enumerated values outside the vocabulary's list are kept in the enum's `Unknown`
    ///   arm;
    /// - a missing required attribute (`Sms` `to`) reads as empty;
    /// - booleans read `true`/`false` in any case, `1` and `0`;
    /// - text is kept as written (not trimmed); whitespace-only text between child
    ///   elements is dropped; text inside an element that has none in the vocabulary (a
    ///   `Gather`, a `Pause`) is dropped; comments and processing instructions are dropped.
    ///
    /// The round trip `Response::from_xml(&doc.to_xml()) == Ok(doc)` holds for every
    /// document except where the writer's own rules change a value: an attribute name
    /// repeated in `extra_attributes` (written once), characters XML cannot carry (left
    /// out), a `Dial`'s whitespace-only text (read as none), and an unknown element's
    /// whitespace-only text beside child elements (read as indentation).
    ///
    /// # Errors
    ///
    /// A [`ParseError`] with code 12100 when the text is not well-formed XML, 12102 when its
    /// root is not `Response`.
    ///
    /// ```
    /// use cpaas::inboundxml::{GatherChild, Response, ResponseVerb};
    ///
    /// let doc = Response::from_xml(r#"<?xml version="1.0"?>
    /// <Response>
    ///   <Gather numDigits="1" action="/menu" future="yes">
    ///     <Say voice="female">Press 1</Say>
    ///   </Gather>
    ///   <Hangup/>
    /// </Response>"#)?;
    /// let ResponseVerb::Gather(gather) = &doc.verbs[0] else { panic!("a gather") };
    /// assert_eq!(gather.num_digits, Some(1));
    /// assert_eq!(gather.extra_attributes, vec![("future".to_owned(), "yes".to_owned())]);
    /// assert!(matches!(&gather.children[0], GatherChild::Say(say) if say.text == "Press 1"));
    /// assert_eq!(Response::from_xml(&doc.to_xml())?, doc);
    /// # Ok::<(), cpaas::inboundxml::ParseError>(())
    /// ```
    pub fn from_xml(text: &str) -> Result<Response, ParseError> {
        let root = read_tree(text)?;
        if root.name != Response::NAME {
            return Err(ParseError::new(
                12102,
                format!("the root element is `{}`, not `Response`", root.name),
                None,
            ));
        }
        Ok(build(root))
    }
}
