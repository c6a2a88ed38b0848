//! The writer: one pass over the tree, every text and attribute value escaped.

use std::fmt::{self, Write as _};

use super::elements::{Node, RawElement, Response};

/// The declaration every document starts with: XML 1.0, UTF-8 (the encoding of the text
/// the writer produces; Rust strings are UTF-8), followed by a line break.
pub const XML_DECLARATION: &str = r#"<?xml version="1.0" encoding="UTF-8"?>"#;

/// The content type to serve a document with: `application/xml`.
///
/// ```
/// use cpaas::inboundxml::{CONTENT_TYPE, Response, Say};
///
/// // In a web handler: the header and the body.
/// let headers = [("Content-Type", CONTENT_TYPE)];
/// let body = Response::new().say(Say::new("Hello")).to_xml();
/// # let _ = (headers, body);
/// ```
pub const CONTENT_TYPE: &str = "application/xml";

/// Writes elements to a `fmt::Write`.
pub(crate) struct XmlWriter<'a> {
    out: &'a mut dyn fmt::Write,
}

impl<'a> XmlWriter<'a> {
    pub(crate) fn new(out: &'a mut dyn fmt::Write) -> Self {
        XmlWriter { out }
    }

    /// Writes a typed element: its typed attributes in table order, then the extra ones
    /// (skipping a name already written), then its text and children.
    pub(crate) fn element<T: Node>(&mut self, el: &T) -> fmt::Result {
        self.out.write_char('<')?;
        self.out.write_str(T::NAME)?;
        let mut written: Vec<&str> = Vec::new();
        let out = &mut *self.out;
        el.each_typed(&mut |name, value| {
            written.push(name);
            write_attribute(out, name, value)
        })?;
        for (i, (name, value)) in el.extra_attributes().iter().enumerate() {
            let earlier = el.extra_attributes()[..i].iter().any(|(n, _)| n == name);
            if !earlier && !written.contains(&name.as_str()) {
                write_attribute(self.out, name, value)?;
            }
        }
        let text = Node::text(el);
        if text.is_empty() && !el.has_children() {
            return self.out.write_str("/>");
        }
        self.out.write_char('>')?;
        escape_text(self.out, text)?;
        el.write_children(self)?;
        self.out.write_str("</")?;
        self.out.write_str(T::NAME)?;
        self.out.write_char('>')
    }

    /// Writes an element the SDK does not model, as it is (a repeated attribute name is
    /// written once, the first time).
    pub(crate) fn raw(&mut self, el: &RawElement) -> fmt::Result {
        self.out.write_char('<')?;
        self.out.write_str(&el.name)?;
        for (i, (name, value)) in el.attributes.iter().enumerate() {
            if !el.attributes[..i].iter().any(|(n, _)| n == name) {
                write_attribute(self.out, name, value)?;
            }
        }
        if el.text.is_empty() && el.children.is_empty() {
            return self.out.write_str("/>");
        }
        self.out.write_char('>')?;
        escape_text(self.out, &el.text)?;
        for child in &el.children {
            self.raw(child)?;
        }
        self.out.write_str("</")?;
        self.out.write_str(&el.name)?;
        self.out.write_char('>')
    }
}

fn write_attribute(out: &mut dyn fmt::Write, name: &str, value: &str) -> fmt::Result {
    out.write_char(' ')?;
    out.write_str(name)?;
    out.write_str("=\"")?;
    escape_attribute(out, value)?;
    out.write_char('"')
}

/// Characters XML 1.0 cannot carry at all, even as character references: C0 controls
/// other than tab, line feed and carriage return, and U+FFFE, U+FFFF.
fn is_forbidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// Escapes text content: `&`, `<`, `>`, `"` as entities, a carriage return as `&#13;` (a
/// parser would turn a raw one into a line feed); characters XML cannot carry are left out.
pub(crate) fn escape_text(out: &mut dyn fmt::Write, text: &str) -> fmt::Result {
    escape(out, text, false)
}

/// Escapes an attribute value: `&`, `<`, `>`, `"`, `'` as entities, and tab, line feed and
/// carriage return as character references (a parser would turn raw ones into spaces);
/// characters XML cannot carry are left out.
pub(crate) fn escape_attribute(out: &mut dyn fmt::Write, value: &str) -> fmt::Result {
    escape(out, value, true)
}

fn escape(out: &mut dyn fmt::Write, s: &str, attribute: bool) -> fmt::Result {
    let mut start = 0;
    for (i, c) in s.char_indices() {
        let replacement = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' if attribute => "&apos;",
            '\r' => "&#13;",
            '\n' if attribute => "&#10;",
            '\t' if attribute => "&#9;",
            c if is_forbidden(c) => "",
            _ => continue,
        };
        out.write_str(&s[start..i])?;
        out.write_str(replacement)?;
        start = i + c.len_utf8();
    }
    out.write_str(&s[start..])
}

impl fmt::Display for Response {
    /// Writes the document: [`XML_DECLARATION`], a line break, then the `Response` element
    /// on one line, with no indentation (so no whitespace is added to any text).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(XML_DECLARATION)?;
        f.write_char('\n')?;
        XmlWriter::new(f).element(self)
    }
}

impl Response {
    /// The document as XML: the [`XML_DECLARATION`] (`<?xml version="1.0"
    /// encoding="UTF-8"?>`), a line break, then the `Response` element on one line.
    ///
    /// The writer's rules, so that the output is stable and well-formed:
    /// - attributes in the order of the vocabulary's table (the order of each element's
    ///   fields), then the element's `extra_attributes` in their order (one whose name was
    ///   already written is skipped, so no name appears twice);
    /// - booleans as `true`/`false`;
    /// - in text, `&`, `<`, `>`, `"` escaped as entities and a carriage return as `&#13;`;
    ///   in attribute values also `'`, and tab, line feed and carriage return as character
    ///   references, so that reading the document back gives the same values;
    /// - characters XML 1.0 cannot carry (C0 controls other than tab, line feed and carriage
    ///   return; U+FFFE, U+FFFF) are left out;
    /// - an element with neither text nor children is written self-closed (`<Hangup/>`).
    ///
    /// ```
    /// use cpaas::inboundxml::{Hangup, Response, Say, Voice};
    ///
    /// let doc = Response::new()
    ///     .say(Say::new("Tom & Jerry say \"<hi>\"").voice(Voice::Male).loop_count(2))
    ///     .hangup(Hangup::new());
    /// assert_eq!(
    ///     doc.to_xml(),
    ///     "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
    ///      <Response><Say loop=\"2\" voice=\"male\">Tom &amp; Jerry say &quot;&lt;hi&gt;&quot;</Say><Hangup/></Response>"
    /// );
    /// ```
    pub fn to_xml(&self) -> String {
        self.to_string()
    }
}
