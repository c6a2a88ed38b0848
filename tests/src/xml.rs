//! XML for the harness: the catalog's JSON examples converted to XML by one generic rule
//! (or enveloped the CPaaS way, [`enveloped`]), and XML parsed into a normalised element
//! tree for comparison.
//!
//! The rule (`sdk_core::format::json_to_xml`): an object is an element whose children are its keys; an array is the same
//! element repeated, once per item; a scalar is an element holding its text; `null` is left
//! out. A list answer (a JSON array at the root) is a root element holding one item element
//! per entry: `<users><user>..</user></users>`.

use quick_xml::Reader;
use quick_xml::events::Event;
use serde_json::Value;

/// The XML element names of one operation, as its registry entry gives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct XmlNames {
    /// The root of a body sent and of an object answered; the item element of a list.
    pub root: &'static str,
    /// The root of a list answer.
    pub list: Option<&'static str>,
}

impl XmlNames {
    /// An operation sending or answering one object under `<root>`.
    pub const fn object(root: &'static str) -> Self {
        XmlNames { root, list: None }
    }

    /// A list answered as `<list><item>..</item>..</list>`.
    pub const fn list(list: &'static str, item: &'static str) -> Self {
        XmlNames {
            root: item,
            list: Some(list),
        }
    }

    /// The root element of an answer `v`.
    pub(crate) fn answer_root(&self, v: &Value) -> &'static str {
        match (v, self.list) {
            (Value::Array(_), Some(list)) => list,
            _ => self.root,
        }
    }

    /// The item element of a list answer.
    pub(crate) fn item(&self) -> Option<&'static str> {
        self.list.map(|_| self.root)
    }
}

/// `v` as an XML document with root element `root`; a root array holds one `item` element
/// (default: `root`) per entry. The rule is `sdk-core`'s, which the simulator answers by.
pub fn from_json(root: &str, item: Option<&str>, v: &Value) -> String {
    sdk_core::format::json_to_xml(root, item, v)
}

/// `v` as an answer enveloped the CPaaS way: the whole answer under `<Response>`, element
/// names in CamelCase (`date_created` is `<DateCreated>`), and for a list (`names.list`
/// set) the scalar paging values of `v` as attributes of the list element, named by
/// `attribute` (`next_page_uri` is `nextpageuri`), its array as the item elements:
/// `<Response><Calls page="0" nextpageuri=""><Call>..</Call></Calls></Response>`.
pub fn enveloped(names: XmlNames, v: &Value, attribute: &dyn Fn(&str) -> String) -> String {
    let mut out = String::from("<Response>");
    match (names.list, v) {
        (Some(list), Value::Object(map)) => {
            out.push('<');
            out.push_str(list);
            let mut items: Vec<&Value> = Vec::new();
            for (k, val) in map {
                match val {
                    Value::Array(a) => items.extend(a),
                    Value::Null | Value::Object(_) => {}
                    Value::String(s) => attr(&mut out, &attribute(k), s),
                    other => attr(&mut out, &attribute(k), &other.to_string()),
                }
            }
            out.push('>');
            for item in items {
                camel_element(&mut out, names.root, item);
            }
            out.push_str(&format!("</{list}>"));
        }
        (Some(list), Value::Array(items)) => {
            out.push_str(&format!("<{list}>"));
            for item in items {
                camel_element(&mut out, names.root, item);
            }
            out.push_str(&format!("</{list}>"));
        }
        _ => camel_element(&mut out, names.root, v),
    }
    out.push_str("</Response>");
    out
}

fn attr(out: &mut String, name: &str, value: &str) {
    out.push_str(&format!(" {name}=\"{}\"", quick_xml::escape::escape(value)));
}

pub use sdk_core::format::camel_case;

fn camel_element(out: &mut String, name: &str, v: &Value) {
    out.push_str(&sdk_core::format::json_to_xml_with(
        name,
        None,
        v,
        &camel_case,
    ));
}

/// An element: its name, its text (trimmed), its children.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlTree {
    /// The element's name.
    pub name: String,
    /// Its text, trimmed.
    pub text: String,
    /// Its child elements.
    pub children: Vec<XmlTree>,
}

/// Parses `text` into its root element, normalised for comparison: elements with neither
/// text nor children are left out (an empty list, `null` and an absent field look alike in
/// XML), and children are ordered by name (keeping the order of repeated elements).
///
/// # Errors
///
/// A message when `text` is not one well-formed element.
pub fn tree(text: &str) -> Result<XmlTree, String> {
    let mut reader = Reader::from_str(text);
    let mut stack: Vec<XmlTree> = Vec::new();
    let mut root: Option<XmlTree> = None;
    let open = |name: &str| XmlTree {
        name: name.to_owned(),
        text: String::new(),
        children: Vec::new(),
    };
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("invalid XML: {e}"))?;
        match event {
            Event::Start(e) => stack.push(open(e.name().as_ref())),
            Event::Empty(e) => {
                let el = open(e.name().as_ref());
                match stack.last_mut() {
                    Some(parent) => parent.children.push(el),
                    None => root = Some(el),
                }
            }
            Event::End(_) => {
                let mut el = stack.pop().ok_or("unbalanced end tag")?;
                el.text = el.text.trim().to_owned();
                match stack.last_mut() {
                    Some(parent) => parent.children.push(el),
                    None => root = Some(el),
                }
            }
            Event::Text(t) => {
                if let Some(el) = stack.last_mut() {
                    el.text.push_str(&t.xml10_content());
                }
            }
            Event::CData(t) => {
                if let Some(el) = stack.last_mut() {
                    el.text.push_str(&t.into_inner());
                }
            }
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => quick_xml::escape::resolve_predefined_entity(r.as_ref())
                        .ok_or_else(|| format!("unknown entity &{};", AsRef::<str>::as_ref(&r)))?
                        .to_owned(),
                };
                if let Some(el) = stack.last_mut() {
                    el.text.push_str(&resolved);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !stack.is_empty() {
        return Err("unclosed element".to_owned());
    }
    let root = root.ok_or("no root element")?;
    Ok(normalise(root).unwrap_or(XmlTree {
        name: String::new(),
        text: String::new(),
        children: Vec::new(),
    }))
}

fn normalise(mut t: XmlTree) -> Option<XmlTree> {
    t.children = t.children.into_iter().filter_map(normalise).collect();
    t.children.sort_by(|a, b| a.name.cmp(&b.name));
    (!t.text.is_empty() || !t.children.is_empty()).then_some(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn json_becomes_xml_and_compares_as_a_tree() {
        let q = json!({"id": "A", "name": "S & <x>", "addresses": {"address": ["100", "101"]}, "n": null, "ok": true});
        let x = from_json("queue", None, &q);
        assert_eq!(
            x,
            "<queue><id>A</id><name>S &amp; &lt;x&gt;</name><addresses><address>100</address><address>101</address></addresses><ok>true</ok></queue>"
        );
        let reordered = "<?xml version=\"1.0\"?>\n<queue>\n <ok>true</ok><addresses><address>100</address><address>101</address></addresses><name>S &amp; &lt;x&gt;</name><id>A</id><empty/></queue>";
        assert_eq!(tree(&x), tree(reordered));
        let swapped = "<queue><ok>true</ok><addresses><address>101</address><address>100</address></addresses><name>S &amp; &lt;x&gt;</name><id>A</id></queue>";
        assert_ne!(tree(&x), tree(swapped));
        let list = from_json("users", Some("user"), &json!([{"id": "A"}, {"id": "B"}]));
        assert_eq!(
            list,
            "<users><user><id>A</id></user><user><id>B</id></user></users>"
        );
        assert!(tree("<a><b></a>").is_err());
    }

    #[test]
    fn enveloped_answers_camel_case_with_paging_attributes() {
        let call =
            json!({"sid": "CA1", "date_created": "x", "subresource_uris": {"recordings": "/r"}});
        assert_eq!(
            enveloped(XmlNames::object("Call"), &call, &|k| k.replace('_', "")),
            "<Response><Call><Sid>CA1</Sid><DateCreated>x</DateCreated><SubresourceUris><Recordings>/r</Recordings></SubresourceUris></Call></Response>"
        );
        let page = json!({"page": 0, "next_page_uri": "", "first_page_uri": "/c?Page=0&PageSize=50", "calls": [{"sid": "A"}, {"sid": "B"}]});
        assert_eq!(
            enveloped(XmlNames::list("Calls", "Call"), &page, &|k| k
                .replace('_', "")),
            "<Response><Calls page=\"0\" nextpageuri=\"\" firstpageuri=\"/c?Page=0&amp;PageSize=50\"><Call><Sid>A</Sid></Call><Call><Sid>B</Sid></Call></Calls></Response>"
        );
        assert_eq!(camel_case("ip_addresses_count"), "IpAddressesCount");
    }
}
