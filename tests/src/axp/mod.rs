//! The registry of `axp-voice`: one closure per catalog operation, one file per family.

use axp_voice::AxpClient;
use futures_util::StreamExt;
use sdk_core::Paginator;
use serde_json::Value;

use crate::{Case, Ctx, TOKEN, sdk};

mod cm;
mod config;
mod elements;
mod hybrid;
mod phone_numbers;

/// A client of the mock server.
pub(crate) fn client(ctx: &Ctx) -> Result<AxpClient, String> {
    AxpClient::builder()
        .base_url(&ctx.base_url)
        .allow_http(true)
        .bearer(TOKEN)
        .http_client(crate::http())
        .build()
        .map_err(sdk)
}

/// The first page of a paged list, with the example's page size, serialised.
pub(crate) async fn first_page<T: serde::Serialize + sdk_core::paging::Listed>(
    ctx: &Ctx,
    paginator: Paginator<T>,
) -> crate::Outcome {
    let paginator = match ctx.query.get("pageSize").and_then(Value::as_u64) {
        Some(n) => paginator.page_size(n as u32),
        None => paginator,
    };
    let paginator = match ctx.query.get("pageNumber").and_then(Value::as_u64) {
        Some(n) => paginator.start_at(n),
        None => paginator,
    };
    let page = paginator
        .pages()
        .next()
        .await
        .ok_or("no page")?
        .map_err(sdk)?;
    ctx.value(&page.items)
}

/// Every operation of the AXP catalog implemented so far.
pub fn cases() -> Vec<Case> {
    [
        elements::cases(),
        phone_numbers::cases(),
        hybrid::cases(),
        cm::cases(),
        config::cases(),
    ]
    .concat()
}
