//! The platform's checks of a document, with its error codes ([`Response::check`]).

use std::fmt;

use super::elements::{
    Attributes, ConnectTarget, Dial, DialTarget, GatherChild, Node, RawElement, ReferTarget,
    Response, ResponseVerb,
};
use crate::errors::ErrorCode;

/// A rule of the vocabulary a document breaks, with the platform's error code for it: what
/// [`Response::check`] reports.
///
/// ```
/// # #[cfg(feature = "xml")] {
/// use cpaas::inboundxml::Response;
///
/// // Read with the feature `xml`.
/// let doc = Response::from_xml("<Response><Gather><Dial>+15557654321</Dial></Gather></Response>")?;
/// let violations = doc.check();
/// assert_eq!(violations[0].code.code(), 13320);
/// assert_eq!(violations[0].path, "/Response/Gather[1]/Dial[1]");
/// println!("{}", violations[0]); // 13320 (Gather: Invalid nested verb) at /Response/Gather[1]/Dial[1]: ...
/// # }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Violation {
    /// The platform's code (see [`ErrorCode::description`]).
    pub code: ErrorCode,
    /// Where: an XPath of the element (`/Response/Gather[1]/Dial[1]`) or of the attribute
    /// (`/Response/Say[2]/@voice`).
    pub path: String,
    /// What is wrong, in words.
    pub message: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at {}: {}", self.code, self.path, self.message)
    }
}

impl Response {
    /// The rules of the vocabulary this document breaks, in document order, each with the
    /// platform's error code: what the platform would report when it runs the document
    /// (the simulator reports these), for a test that wants to fail on them. The builder
    /// and the parser never reject these documents: the platform is the judge.
    ///
    /// What is checked:
    /// - nesting: an element where its container may not hold it, or one the SDK does not
    ///   know: 13320 (Gather: invalid nested verb) in a `Gather` or a `GetSpeech`, 13215
    ///   (Dial: invalid nested element) in a `Dial`, 12200 (schema validation warning)
    ///   elsewhere (in the `Response`, a `Refer`, a `Connect`, or inside an element that
    ///   has no children); a `Refer` or `Connect` that does not hold exactly one `Sip` or
    ///   `Agent`: 12200;
    /// - required content: `Sms`/`Mms` `to` empty: 14101, `from` empty: 14102, `Sms` body
    ///   empty: 14103, `Mms` `mediaUrl` empty: 14115, `GetSpeech` `grammar` empty: 13335,
    ///   `Say` text blank: 13520, `Play` URL blank: 13421, a `Dial` with no number and no
    ///   target: 13226;
    /// - values: an attribute value that does not fit its type (`loop="twice"`, kept in
    ///   `extra_attributes` by the parser) or an enumerated value outside the vocabulary's
    ///   list (`voice="robot"`, a `method` other than GET or POST), with the element's code
    ///   where the error table has one (`Say` loop 13510, voice 13511, inside a `Gather`
    ///   13322 and 13321; `Play` loop 13410; `Pause` length 13910; `Gather` method 13312,
    ///   timeout 13313, numDigits 13314; `Record` method 13610, timeout 13611, maxLength
    ///   13612; `Redirect` method 13710; `Dial` method 13210, timeout 13212, hangupOnStar
    ///   13213, timeLimit 13216; `Number` method 13221; `Conference` muted 13230,
    ///   endConferenceOnExit 13231, startConferenceOnEnter 13232, waitMethod 13234, beep
    ///   13235; `Sms` method 14104), else 12200.
    ///
    /// Not checked: ranges (`timeout` > 0 and the like), URL and phone number formats, and
    /// attributes the SDK does not model: rules the platform applies itself.
    ///
    /// ```
    /// use cpaas::inboundxml::{Response, Say, Sms};
    ///
    /// let good = Response::new().say(Say::new("Hello")).sms(Sms::new("+15557654321", "+15551230000", "Hi"));
    /// assert!(good.check().is_empty());
    ///
    /// let bad = Response::new().sms(Sms::new("", "+15551230000", "Hi"));
    /// assert_eq!(bad.check()[0].code.code(), 14101);
    /// ```
    pub fn check(&self) -> Vec<Violation> {
        let mut c = Checker::default();
        let path = format!("/{}", Response::NAME);
        c.attributes(self, &path, None);
        let mut siblings = Siblings::default();
        for verb in &self.verbs {
            let p = siblings.path(&path, verb.name());
            let parent = Some(Response::NAME);
            match verb {
                ResponseVerb::Answer(el) => c.leaf(el, &p, parent, &el.extra_children),
                ResponseVerb::Connect(el) => {
                    c.attributes(el, &p, parent);
                    c.exactly_one(
                        &p,
                        "Connect",
                        "Agent",
                        el.targets
                            .iter()
                            .filter(|t| matches!(t, ConnectTarget::Agent(_)))
                            .count(),
                    );
                    let mut s = Siblings::default();
                    for t in &el.targets {
                        let tp = s.path(&p, t.name());
                        match t {
                            ConnectTarget::Agent(a) => {
                                c.leaf(a, &tp, Some("Connect"), &a.extra_children)
                            }
                            ConnectTarget::Unknown(raw) => c.misplaced(12200, &tp, raw, "Connect"),
                        }
                    }
                }
                ResponseVerb::Dial(el) => c.dial(el, &p),
                ResponseVerb::Gather(el) => {
                    c.attributes(el, &p, parent);
                    c.prompts(&el.children, &p, "Gather");
                }
                ResponseVerb::GetSpeech(el) => {
                    c.attributes(el, &p, parent);
                    if el.grammar.trim().is_empty() {
                        c.push(13335, format!("{p}/@grammar"), "`grammar` is required");
                    }
                    c.prompts(&el.children, &p, "GetSpeech");
                }
                ResponseVerb::Hangup(el) => c.leaf(el, &p, parent, &el.extra_children),
                ResponseVerb::Mms(el) => {
                    c.leaf(el, &p, parent, &el.extra_children);
                    c.required(&el.to, 14101, &p, "to");
                    c.required(&el.from, 14102, &p, "from");
                    c.required(&el.media_url, 14115, &p, "mediaUrl");
                }
                ResponseVerb::Pause(el) => c.leaf(el, &p, parent, &el.extra_children),
                ResponseVerb::Ping(el) => c.leaf(el, &p, parent, &el.extra_children),
                ResponseVerb::Play(el) => c.play(el, &p, parent),
                ResponseVerb::PlayLastRecording(el) => c.leaf(el, &p, parent, &el.extra_children),
                ResponseVerb::Record(el) => c.leaf(el, &p, parent, &el.extra_children),
                ResponseVerb::Redirect(el) => c.leaf(el, &p, parent, &el.extra_children),
                ResponseVerb::Refer(el) => {
                    c.attributes(el, &p, parent);
                    c.exactly_one(
                        &p,
                        "Refer",
                        "Sip",
                        el.targets
                            .iter()
                            .filter(|t| matches!(t, ReferTarget::Sip(_)))
                            .count(),
                    );
                    let mut s = Siblings::default();
                    for t in &el.targets {
                        let tp = s.path(&p, t.name());
                        match t {
                            ReferTarget::Sip(sip) => {
                                c.leaf(sip, &tp, Some("Refer"), &sip.extra_children)
                            }
                            ReferTarget::Unknown(raw) => c.misplaced(12200, &tp, raw, "Refer"),
                        }
                    }
                }
                ResponseVerb::Reject(el) => c.leaf(el, &p, parent, &el.extra_children),
                ResponseVerb::Say(el) => c.say(el, &p, parent),
                ResponseVerb::Sms(el) => {
                    c.leaf(el, &p, parent, &el.extra_children);
                    c.required(&el.to, 14101, &p, "to");
                    c.required(&el.from, 14102, &p, "from");
                    if el.text.trim().is_empty() {
                        c.push(14103, p.clone(), "the message body is empty");
                    }
                }
                ResponseVerb::Unknown(raw) => c.misplaced(12200, &p, raw, "Response"),
            }
        }
        c.out
    }
}

/// Counts same-named siblings, for XPath positions (`Say[2]`).
#[derive(Default)]
struct Siblings(Vec<(String, usize)>);

impl Siblings {
    fn path(&mut self, parent: &str, name: &str) -> String {
        let n = match self.0.iter_mut().find(|(n, _)| n == name) {
            Some((_, count)) => {
                *count += 1;
                *count
            }
            None => {
                self.0.push((name.to_owned(), 1));
                1
            }
        };
        format!("{parent}/{name}[{n}]")
    }
}

#[derive(Default)]
struct Checker {
    out: Vec<Violation>,
}

impl Checker {
    fn push(&mut self, code: u32, path: String, message: impl Into<String>) {
        self.out.push(Violation {
            code: ErrorCode::from(code),
            path,
            message: message.into(),
        });
    }

    fn misplaced(&mut self, code: u32, path: &str, raw: &RawElement, parent: &str) {
        let message = if is_vocabulary(&raw.name) {
            format!("`{}` is not allowed in `{parent}`", raw.name)
        } else {
            format!("`{}` is not an InboundXML element", raw.name)
        };
        self.push(code, path.to_owned(), message);
    }

    fn exactly_one(&mut self, path: &str, element: &str, child: &str, count: usize) {
        if count != 1 {
            self.push(
                12200,
                path.to_owned(),
                format!("a `{element}` holds one `{child}`, this one holds {count}"),
            );
        }
    }

    fn required(&mut self, value: &str, code: u32, path: &str, attr: &str) {
        if value.trim().is_empty() {
            self.push(
                code,
                format!("{path}/@{attr}"),
                format!("`{attr}` is required"),
            );
        }
    }

    /// The values of an element's attributes.
    fn attributes<T: Attributes>(&mut self, el: &T, path: &str, parent: Option<&str>) {
        for (attr, value) in el.undocumented_values() {
            self.push(
                value_code(T::NAME, parent, attr),
                format!("{path}/@{attr}"),
                format!("`{attr}=\"{value}\"` is not one of the documented values"),
            );
        }
        let mut typed: Vec<&str> = Vec::new();
        let _ = el.each_typed(&mut |name, _| {
            typed.push(name);
            Ok(())
        });
        for (name, value) in el.extra_attributes() {
            if let Some(attr) = T::KNOWN.iter().find(|k| **k == name.as_str())
                && !typed.contains(attr)
            {
                self.push(
                    value_code(T::NAME, parent, attr),
                    format!("{path}/@{attr}"),
                    format!("`{attr}=\"{value}\"` does not fit the attribute's type"),
                );
            }
        }
    }

    /// An element without children in the vocabulary: its attributes, and any child.
    fn leaf<T: Node>(
        &mut self,
        el: &T,
        path: &str,
        parent: Option<&str>,
        extra_children: &[RawElement],
    ) {
        self.attributes(el, path, parent);
        let mut s = Siblings::default();
        for child in extra_children {
            let p = s.path(path, &child.name);
            self.misplaced(12200, &p, child, T::NAME);
        }
    }

    fn say(&mut self, el: &super::Say, path: &str, parent: Option<&str>) {
        self.leaf(el, path, parent, &el.extra_children);
        if el.text.trim().is_empty() {
            self.push(13520, path.to_owned(), "a `Say` has no text");
        }
    }

    fn play(&mut self, el: &super::Play, path: &str, parent: Option<&str>) {
        self.leaf(el, path, parent, &el.extra_children);
        if el.text.trim().is_empty() {
            self.push(13421, path.to_owned(), "a `Play` has no URL");
        }
    }

    fn prompts(&mut self, children: &[GatherChild], path: &str, parent: &'static str) {
        let mut s = Siblings::default();
        for child in children {
            let p = s.path(path, child.name());
            match child {
                GatherChild::Say(el) => self.say(el, &p, Some(parent)),
                GatherChild::Play(el) => self.play(el, &p, Some(parent)),
                GatherChild::Pause(el) => self.leaf(el, &p, Some(parent), &el.extra_children),
                GatherChild::PlayLastRecording(el) => {
                    self.leaf(el, &p, Some(parent), &el.extra_children)
                }
                GatherChild::Unknown(raw) => self.misplaced(13320, &p, raw, parent),
            }
        }
    }

    fn dial(&mut self, el: &Dial, path: &str) {
        self.attributes(el, path, Some(Response::NAME));
        if el.text.as_deref().is_none_or(|t| t.trim().is_empty()) && el.targets.is_empty() {
            self.push(
                13226,
                path.to_owned(),
                "a `Dial` with no number and no target",
            );
        }
        let mut s = Siblings::default();
        for target in &el.targets {
            let p = s.path(path, target.name());
            let parent = Some(Dial::NAME);
            match target {
                DialTarget::Number(t) => self.leaf(t, &p, parent, &t.extra_children),
                DialTarget::Sip(t) => self.leaf(t, &p, parent, &t.extra_children),
                DialTarget::User(t) => self.leaf(t, &p, parent, &t.extra_children),
                DialTarget::Conference(t) => self.leaf(t, &p, parent, &t.extra_children),
                DialTarget::Unknown(raw) => self.misplaced(13215, &p, raw, Dial::NAME),
            }
        }
    }
}

/// The names of the vocabulary's elements.
fn is_vocabulary(name: &str) -> bool {
    const NAMES: &[&str] = &[
        "Response",
        "Say",
        "Play",
        "Pause",
        "Gather",
        "GetSpeech",
        "Record",
        "PlayLastRecording",
        "Answer",
        "Dial",
        "Number",
        "Sip",
        "User",
        "Conference",
        "Refer",
        "Connect",
        "Agent",
        "Hangup",
        "Reject",
        "Redirect",
        "Ping",
        "Sms",
        "Mms",
    ];
    NAMES.contains(&name)
}

/// The error table's code for a bad value of `attr` on `element` (inside `parent`), else
/// 12200 (schema validation warning).
fn value_code(element: &str, parent: Option<&str>, attr: &str) -> u32 {
    let in_gather = parent == Some("Gather");
    match (element, attr) {
        ("Say", "loop") if in_gather => 13322,
        ("Say", "voice") if in_gather => 13321,
        ("Say", "loop") => 13510,
        ("Say", "voice") => 13511,
        ("Play", "loop") => 13410,
        ("Pause", "length") => 13910,
        ("Gather", "method") => 13312,
        ("Gather", "timeout") => 13313,
        ("Gather", "numDigits") => 13314,
        ("Record", "method") => 13610,
        ("Record", "timeout") => 13611,
        ("Record", "maxLength") => 13612,
        ("Redirect", "method") => 13710,
        ("Dial", "method") => 13210,
        ("Dial", "timeout") => 13212,
        ("Dial", "hangupOnStar") => 13213,
        ("Dial", "timeLimit") => 13216,
        ("Number", "method") => 13221,
        ("Conference", "muted") => 13230,
        ("Conference", "endConferenceOnExit") => 13231,
        ("Conference", "startConferenceOnEnter") => 13232,
        ("Conference", "waitMethod") => 13234,
        ("Conference", "beep") => 13235,
        ("Sms", "method") => 14104,
        _ => 12200,
    }
}
