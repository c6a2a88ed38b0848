//! List answers in the vendors' styles: the three paging styles of
//! [`paging`](crate::paging) and the unpaged ones.

use serde_json::{Value, json};

use super::api::{ListStyle, Reply};

/// The largest `PageSize` of zero-indexed lists.
const ZERO_INDEXED_MAX: u64 = crate::paging::ZERO_INDEXED_MAX_PAGE_SIZE as u64;
/// The default `pageSize` of page-number lists.
const PAGE_NUMBER_DEFAULT: u64 = 10;
/// The default `limit` of offset/limit lists.
const OFFSET_LIMIT_DEFAULT: u64 = 100;

fn invalid(message: impl Into<String>) -> Reply {
    Reply::error(400, "VALIDATION_ERROR", message)
}

/// A non-negative integer query parameter, or `default` when absent.
fn number(query: &[(String, String)], name: &str, default: u64) -> Result<u64, Reply> {
    match query
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
    {
        None => Ok(default),
        Some(v) => v.trim().parse().map_err(|_| {
            invalid(format!(
                "query parameter `{name}` must be a non-negative integer"
            ))
        }),
    }
}

/// The items from `start`, at most `len` of them.
fn slice(items: &[Value], start: u64, len: u64) -> Vec<Value> {
    let start = usize::try_from(start).unwrap_or(usize::MAX);
    let len = usize::try_from(len).unwrap_or(usize::MAX);
    items.iter().skip(start).take(len).cloned().collect()
}

/// The list answer for `items` (the whole collection, in order) in `style`, paged as the
/// query of `req` asks. Links and URIs repeat the request's path.
pub(crate) fn answer(
    style: &ListStyle,
    items: &[Value],
    path: &str,
    query: &[(String, String)],
) -> Result<Value, Reply> {
    let total = items.len() as u64;
    Ok(match style {
        ListStyle::BareArray => Value::Array(items.to_vec()),
        ListStyle::Wrapped(key) => json!({ *key: items }),
        ListStyle::OffsetLimit => {
            let offset = number(query, "offset", 0)?;
            let limit = number(query, "limit", OFFSET_LIMIT_DEFAULT)?;
            Value::Array(slice(items, offset, limit))
        }
        ListStyle::PageNumber { items_key } => {
            let page = number(query, "pageNumber", 1)?;
            let size = number(query, "pageSize", PAGE_NUMBER_DEFAULT)?;
            if page == 0 || size == 0 {
                return Err(invalid("pageNumber and pageSize start at 1"));
            }
            let link = |n: u64| format!("{}?pageNumber={n}&pageSize={size}", path);
            let prev = if page > 1 {
                link(page - 1)
            } else {
                String::new()
            };
            let next = if page.saturating_mul(size) < total {
                link(page + 1)
            } else {
                String::new()
            };
            json!({
                "pagination": { "pageNumber": page, "pageSize": size, "total": total },
                *items_key: slice(items, (page - 1).saturating_mul(size), size),
                "links": { "prev": prev, "next": next },
            })
        }
        ListStyle::ZeroIndexed { items_key } => {
            let page = number(query, "Page", 0)?;
            let size = number(query, "PageSize", ZERO_INDEXED_MAX)?;
            if size == 0 || size > ZERO_INDEXED_MAX {
                return Err(invalid(format!(
                    "PageSize must be between 1 and {ZERO_INDEXED_MAX}"
                )));
            }
            let num_pages = total.div_ceil(size).max(1);
            let uri = |n: u64| format!("{}?Page={n}&PageSize={size}", path);
            let start = page.saturating_mul(size);
            let on_page = slice(items, start, size);
            let end = start
                .saturating_add(on_page.len() as u64)
                .saturating_sub(1)
                .max(start);
            let previous = if page > 0 {
                uri(page - 1)
            } else {
                String::new()
            };
            let next = if page.saturating_add(1) < num_pages {
                uri(page + 1)
            } else {
                String::new()
            };
            json!({
                "page": page,
                "page_size": size,
                "num_pages": num_pages,
                "total": total,
                "start": start,
                "end": end,
                "uri": uri(page),
                "first_page_uri": uri(0),
                "previous_page_uri": previous,
                "next_page_uri": next,
                "last_page_uri": uri(num_pages - 1),
                *items_key: on_page,
            })
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PATH: &str = "/v2/Calls.json";

    fn q(query: &[(&str, &str)]) -> Vec<(String, String)> {
        query
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn empty_and_far_pages_are_well_formed() {
        let style = ListStyle::ZeroIndexed { items_key: "calls" };
        let empty = answer(&style, &[], PATH, &q(&[])).unwrap();
        assert_eq!(empty["num_pages"], 1);
        assert_eq!(empty["calls"], json!([]));
        assert_eq!(empty["next_page_uri"], "");
        assert_eq!(empty["last_page_uri"], "/v2/Calls.json?Page=0&PageSize=50");

        let items = vec![json!(1), json!(2)];
        let far = answer(&style, &items, PATH, &q(&[("Page", &u64::MAX.to_string())])).unwrap();
        assert_eq!(far["calls"], json!([]));
        assert_eq!(far["next_page_uri"], "");
        let pn = ListStyle::PageNumber { items_key: "r" };
        let far = answer(
            &pn,
            &items,
            PATH,
            &q(&[("pageNumber", &u64::MAX.to_string())]),
        )
        .unwrap();
        assert_eq!(far["r"], json!([]));
        assert_eq!(far["links"]["next"], "");

        for (style, query) in [
            (&style, ("PageSize", "0")),
            (&style, ("Page", "-1")),
            (&pn, ("pageSize", "x")),
            (&ListStyle::OffsetLimit, ("limit", "1.5")),
        ] {
            let err = answer(style, &items, PATH, &q(&[query])).unwrap_err();
            assert_eq!(err.status().as_u16(), 400, "{query:?}");
        }
    }
}
