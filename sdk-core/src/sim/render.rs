//! The XML element names of routes, and (feature `xml`) JSON answers written as XML, in
//! the API's `XmlStyle`.

#[cfg(feature = "xml")]
use http::header;
#[cfg(feature = "xml")]
use serde_json::Value;

#[cfg(feature = "xml")]
use super::api::{Reply, XmlStyle};
#[cfg(feature = "xml")]
use crate::format::json_to_xml_with;

/// The XML element names of a route's answers: one item, and a list of them (read only
/// when answers are written in XML).
#[derive(Debug, Clone)]
#[cfg_attr(not(feature = "xml"), allow(dead_code))]
pub(crate) struct Names {
    pub(crate) item: String,
    pub(crate) list: String,
}

impl Names {
    /// The names a template gives: the list after its last literal segment, an item after
    /// the singular of it (`/groups/{g}/users` gives `users` and `user`).
    pub(crate) fn of(template: &str) -> Names {
        let list = template
            .split(['/', ':'])
            .rfind(|s| !s.is_empty() && !s.starts_with('{'))
            .unwrap_or("items")
            .to_owned();
        Names {
            item: singular(&list),
            list,
        }
    }
}

/// `users` -> `user`, `categories` -> `category`, `status` -> `status`.
fn singular(plural: &str) -> String {
    if let Some(stem) = plural.strip_suffix("ies") {
        format!("{stem}y")
    } else if let Some(stem) = plural
        .strip_suffix('s')
        .filter(|_| !plural.ends_with("ss") && !plural.ends_with("us"))
    {
        stem.to_owned()
    } else {
        plural.to_owned()
    }
}

/// A scalar as attribute text; `None` for `null`, arrays and objects.
#[cfg(feature = "xml")]
fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(_) | Value::Bool(_) => Some(v.to_string()),
        _ => None,
    }
}

/// Turns a JSON answer into XML in `style` (other answers are left as they are). The
/// answer's own names ([`Reply::xml_names`]) win over the route's `names`; an error is the
/// style's error element, a bare array the list element holding items, a paged list (with
/// [`XmlStyle::paging_attributes`]) the list element with its paging values as attributes,
/// anything else one item.
#[cfg(feature = "xml")]
pub(crate) fn to_xml(style: &XmlStyle, names: &Names, reply: Reply) -> Reply {
    let is_json = reply
        .header_value("content-type")
        .is_some_and(|ct| ct.contains("json"));
    if !is_json {
        return reply;
    }
    let Ok(value) = serde_json::from_slice::<Value>(reply.body()) else {
        return reply;
    };
    let (item, list) = match reply.xml_names.as_deref() {
        Some((item, list)) => (item.as_str(), list.as_str()),
        None => (names.item.as_str(), names.list.as_str()),
    };
    let own = |key: &str| key.to_owned();
    let name: &dyn Fn(&str) -> String = match &style.element_names {
        Some(f) => f,
        None => &own,
    };
    let inner = match (&value, style.paging_attributes, reply.list_key) {
        _ if !reply.status().is_success() => {
            json_to_xml_with(&style.error_element, None, &value, name)
        }
        (Value::Object(page), Some(attribute), Some(key)) => {
            let mut out = format!("<{list}");
            let mut children = String::new();
            for (k, v) in page.iter().filter(|(k, _)| k.as_str() != key) {
                match scalar(v) {
                    Some(text) => out.push_str(&format!(
                        " {}=\"{}\"",
                        attribute(k),
                        quick_xml::escape::escape(text.as_str())
                    )),
                    None => children.push_str(&json_to_xml_with(&name(k), None, v, name)),
                }
            }
            out.push('>');
            out.push_str(&children);
            for it in page[key].as_array().into_iter().flatten() {
                out.push_str(&json_to_xml_with(item, None, it, name));
            }
            out.push_str(&format!("</{list}>"));
            out
        }
        (Value::Array(_), _, _) => json_to_xml_with(list, Some(item), &value, name),
        _ => json_to_xml_with(item, None, &value, name),
    };
    let xml = match &style.envelope {
        Some(root) => format!("<{root}>{inner}</{root}>"),
        None => inner,
    };
    let mut out = Reply::text(reply.status().as_u16(), "application/xml", xml);
    out.headers.extend(
        reply
            .headers
            .into_iter()
            .filter(|(n, _)| n != header::CONTENT_TYPE && n != header::CONTENT_LENGTH),
    );
    out.error = reply.error;
    out
}

#[cfg(all(test, feature = "xml"))]
mod tests {
    use super::*;
    use crate::format::camel_case;
    use crate::sim::ListStyle;
    use serde_json::json;

    fn xml(style: &XmlStyle, reply: Reply) -> String {
        let out = to_xml(style, &Names::of("/a/{x}/calls"), reply);
        String::from_utf8_lossy(out.body()).into_owned()
    }

    #[test]
    fn the_plain_style_names_elements_after_the_template() {
        let plain = XmlStyle::new();
        assert_eq!(Names::of("/categories").item, "category");
        assert_eq!(Names::of("/status").item, "status");
        assert_eq!(
            xml(&plain, Reply::json(200, &json!([{"id": 1}]))),
            "<calls><call><id>1</id></call></calls>"
        );
        assert_eq!(
            xml(&plain, Reply::error(404, "NOT_FOUND", "x")),
            "<error><code>NOT_FOUND</code><message>x</message></error>"
        );
        let text = Reply::text(200, "text/plain", "hi");
        assert_eq!(xml(&plain, text), "hi");
    }

    #[test]
    fn a_styled_list_carries_its_paging_in_attributes() {
        let style = XmlStyle::new()
            .envelope("Answer")
            .element_names(camel_case)
            .paging_attributes(|k| k.replace('_', ""))
            .error_element("Fault");
        let page = json!({"page": 0, "page_size": 2, "next_page_uri": "/a?Page=1&PageSize=2", "calls": [{"sid": "A", "date_created": "x & y"}]});
        let list = Reply::json(200, &page)
            .list_of(&ListStyle::ZeroIndexed { items_key: "calls" })
            .xml_names("Call", "Calls");
        assert_eq!(
            xml(&style, list),
            "<Answer><Calls page=\"0\" pagesize=\"2\" nextpageuri=\"/a?Page=1&amp;PageSize=2\"><Call><Sid>A</Sid><DateCreated>x &amp; y</DateCreated></Call></Calls></Answer>"
        );
        assert_eq!(
            xml(&style, Reply::json(200, &json!({"sid": "A"}))),
            "<Answer><call><Sid>A</Sid></call></Answer>"
        );
        let err = xml(
            &style,
            Reply::json(404, &json!({"status": 404, "code": 20404})),
        );
        assert_eq!(
            err,
            "<Answer><Fault><Status>404</Status><Code>20404</Code></Fault></Answer>"
        );
    }
}
