//! Hybrid extensions of a Communication Manager:
//! `/communication-managers/{communicationManagerId}/extensions`.
//!
//! Extensions come from Aura by [synchronisation](crate::sync); the API lists and deletes
//! them, nothing else. A delete answers `202 Accepted`, but the document gives no way to
//! follow it: there is no GET of one extension and no status field. The deletion handle
//! therefore re-reads the list and counts the extension deleted once it is no longer
//! listed (see [`HybridExtensions::delete`] for the limits of that).

use serde::{Deserialize, Serialize};

use sdk_core::model::{NumOrStr, OneOrMany, UnknownFields};
use sdk_core::{Accepted, Method, Paginator, PollStatus, Result};

const COLLECTION: &str =
    "/accounts/{accountId}/communication-managers/{communicationManagerId}/extensions";
const ITEM: &str = "/accounts/{accountId}/communication-managers/{communicationManagerId}/extensions/{extensionId}";

sdk_core::id_type! {
    /// The id of a hybrid extension (`id`).
    pub struct ExtensionId;
}

/// An extension synchronised from Aura.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct HybridExtension {
    /// The extension's id.
    pub id: ExtensionId,
    /// The extension number (a JSON number here, a string in other AXP answers; both are
    /// accepted and sent back as they came).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<NumOrStr>,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The login ids using it (a list here; a single string is accepted too).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub login_id: Option<OneOrMany<String>>,
    /// Fields the SDK does not name, kept as the server sent them.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

/// The `pagination` block of a page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Pagination {
    /// The page number, from 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_number: Option<u64>,
    /// The page size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u64>,
    /// The number of items across all pages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<u64>,
    /// Fields the SDK does not name, kept as the server sent them.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

/// The first page of the extension list, as [`HybridExtensions::delete`]'s handle last read
/// it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ExtensionListing {
    /// The paging block.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagination: Option<Pagination>,
    /// The extensions of the page (every page carries the list: a page without it is a
    /// [`Decode`](sdk_core::ErrorKind::Decode) error, not an empty list).
    pub resources: Vec<HybridExtension>,
    /// Fields the SDK does not name, kept as the server sent them.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

impl ExtensionListing {
    /// `true` when this page holds the whole list (so an extension missing from it is
    /// really gone).
    pub fn is_whole_list(&self) -> bool {
        match self.pagination.as_ref().and_then(|p| p.total) {
            Some(total) => total <= self.resources.len() as u64,
            None => true,
        }
    }
}

sdk_core::scope_type! {
    /// Hybrid extensions of a Communication Manager.
    HybridExtensions
}

impl HybridExtensions<'_> {
    /// Lists the extensions of the Communication Manager, page by page.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use sdk_core::futures_util::TryStreamExt;
    ///
    /// let mut extensions = client
    ///     .account("SQVYVE")
    ///     .communication_manager("ce8042a2")
    ///     .hybrid_extensions()
    ///     .list()
    ///     .items();
    /// while let Some(e) = extensions.try_next().await? {
    ///     println!("{} {:?}", e.id, e.number);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self) -> Paginator<HybridExtension> {
        let spec = self
            .0
            .spec(Method::GET, "axp.hybrid_extensions.list", COLLECTION, &[]);
        self.0.paginator(spec, "resources")
    }

    /// Deletes an extension. Answers 202 with no body.
    ///
    /// The document gives no completion signal (no GET of one extension, no status), so
    /// `.wait()` on the handle re-reads the **first page** of the list (the server's default
    /// page size) until the extension is no longer on it, and returns that page. On a
    /// Communication Manager with more extensions than one page, an extension beyond the
    /// first page reads as deleted at once
    /// ([`ExtensionListing::is_whole_list`] tells); page through [`list`](Self::list)
    /// when that matters. The deletion cannot be reported as failed: nothing in the API
    /// says so.
    ///
    /// # Errors
    ///
    /// The server's answer to the DELETE; `.wait()` fails with
    /// [`ErrorKind::PollTimeout`](sdk_core::ErrorKind::PollTimeout) while the extension stays
    /// listed past the deadline.
    pub async fn delete(
        &self,
        extension_id: impl AsRef<str>,
    ) -> Result<Accepted<(), ExtensionListing>> {
        let id = extension_id.as_ref().to_owned();
        self.0
            .send(
                self.0
                    .spec(Method::DELETE, "axp.hybrid_extensions.delete", ITEM, &[&id]),
            )
            .await?;
        let wanted = id.clone();
        let poller = self.0.poller(
            "axp.hybrid_extensions.list",
            COLLECTION,
            &[],
            move |page: &ExtensionListing| {
                if page.resources.iter().any(|e| e.id.as_str() == wanted) {
                    PollStatus::Pending("LISTED".to_owned())
                } else {
                    PollStatus::Succeeded("NOT_LISTED".to_owned())
                }
            },
        );
        Ok(Accepted::new((), Some(id), poller))
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use sdk_core::sim::{ListStyle, Resource};
    // Extensions come from Aura: seed them with `Simulator::seed("hybrid_extensions",
    // &[account, communication_manager], ...)`. A delete answers 202 and removes the
    // extension from the list at once.
    api.resource(
        Resource::new("hybrid_extensions", COLLECTION)
            .list(ListStyle::PageNumber {
                items_key: "resources",
            })
            .delete_status(202),
    )
}
