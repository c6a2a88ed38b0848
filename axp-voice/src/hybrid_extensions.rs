//! Hybrid extensions of a Communication Manager:
//! `/communication-managers/{communicationManagerId}/extensions`.
//!
//! Extensions come from Aura by [synchronisation](crate::sync); the API lists and deletes
//! them, nothing else. A delete answers `202 Accepted`, but the document gives no way to
//! follow it: there is no GET of one extension and no status field. The deletion handle
//! therefore re-reads the list and counts the extension deleted once it is no longer
//! listed (see [`HybridExtensions::delete`] for the limits of that).

use serde::{Deserialize, Serialize};

use sdk_core::ensure::{Change, Desired, Ensure, Field};
use sdk_core::model::{NumOrStr, OneOrMany, UnknownFields};
use sdk_core::{Accepted, Error, Method, Paginator, PollStatus, Poller, Result};

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

sdk_core::listed!(HybridExtension = "resources");

sdk_core::scope_type! {
    /// Hybrid extensions of a Communication Manager.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// let cm = client.account("SQVYVE").communication_manager("ce8042a2");
    /// let extensions = cm.hybrid_extensions();
    /// let all = extensions.list().collect_all().await?;
    /// println!("{} extensions", all.len());
    /// # Ok(()) }
    /// ```
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
        self.0.paginator(spec)
    }

    /// Deletes an extension. Answers 202 with no body.
    ///
    /// The document gives no completion signal (no GET of one extension, no status), so
    /// `.wait()` on the handle reads the whole list, every page, until the extension is no
    /// longer on it, and returns the extensions left. The deletion cannot be reported as
    /// failed: nothing in the API says so.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// let cm = client.account("ABCDEF").communication_manager("5e9be49a");
    /// let deleting = cm.hybrid_extensions().delete("fa703a3a-3dfb-4606-ae79-fd0fe0be3e64").await?;
    /// let left = deleting.wait().await?;
    /// println!("{} extensions left", left.len());
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// The server's answer to the DELETE; `.wait()` fails with
    /// [`ErrorKind::PollTimeout`](sdk_core::ErrorKind::PollTimeout) while the extension stays
    /// listed past the deadline.
    pub async fn delete(
        &self,
        extension_id: impl AsRef<str>,
    ) -> Result<Accepted<(), Vec<HybridExtension>>> {
        let id = extension_id.as_ref().to_owned();
        let spec = self
            .0
            .spec(Method::DELETE, "axp.hybrid_extensions.delete", ITEM, &[&id]);
        self.0.send(spec).await?;
        let wanted = id.clone();
        let list = self
            .0
            .spec(Method::GET, "axp.hybrid_extensions.list", COLLECTION, &[]);
        let poller = Poller::over_list(self.0.paginator(list), move |all: &[HybridExtension]| {
            if all.iter().any(|e| e.id.as_str() == wanted) {
                PollStatus::Pending("LISTED".to_owned())
            } else {
                PollStatus::Succeeded("NOT_LISTED".to_owned())
            }
        });
        Ok(Accepted::new((), Some(id), poller))
    }
}

/// An extension that should be on a Communication Manager, for [`Ensure`]: named by its
/// number. Extensions come from Aura by [synchronisation](crate::sync) and the API changes
/// none of their fields, so ensuring one tells whether it is there ([`Plan::Create`] when
/// it is not) and pruning deletes the ones no description names.
///
/// [`Plan::Create`]: sdk_core::ensure::Plan::Create
///
/// ```
/// use axp_voice::hybrid_extensions::DesiredHybridExtension;
///
/// let jon = DesiredHybridExtension::new(50003456);
/// assert_eq!(jon.number.to_string(), "50003456");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DesiredHybridExtension {
    /// The extension number (required): a number or digits as text, which compare equal.
    pub number: NumOrStr,
}

impl DesiredHybridExtension {
    /// The extension `number`.
    pub fn new(number: impl Into<NumOrStr>) -> Self {
        DesiredHybridExtension {
            number: number.into(),
        }
    }
}

impl Desired for DesiredHybridExtension {
    type Live = HybridExtension;
    const KIND: &'static str = "hybrid extension";
    /// The number: what an extension is dialled and administered by on the Communication
    /// Manager (the id is the service's). Nothing is compared: the API changes no field of
    /// an extension (its name and login ids are Aura's).
    const KEY: Field = Field::new("number");
    const FIELDS: &'static [Field] = &[];
}

/// Hybrid extensions are ensured by number. Present, an extension is
/// [`Unchanged`](sdk_core::ensure::Outcome::Unchanged); missing, ensuring it is an
/// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) error, nothing sent
/// (the API cannot create one: synchronise the Communication Manager). A delete is awaited
/// as [`HybridExtensions::delete`] says, with its limits.
///
/// ```no_run
/// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
/// use axp_voice::hybrid_extensions::DesiredHybridExtension;
/// use sdk_core::ensure::{Ensure, Plan};
///
/// let extensions = client.account("SQVYVE").communication_manager("ce8042a2").hybrid_extensions();
/// let wanted = [DesiredHybridExtension::new(50003456), DesiredHybridExtension::new(50003457)];
/// for (e, plan) in wanted.iter().zip(extensions.plan_all(&wanted).await?) {
///     if plan == Plan::Create {
///         println!("{} is not synchronised yet", e.number);
///     }
/// }
/// # Ok(()) }
/// ```
impl Ensure<DesiredHybridExtension> for HybridExtensions<'_> {
    async fn find(&self, _keys: &[String]) -> Result<Vec<HybridExtension>> {
        self.list().collect_all().await
    }

    async fn create(&self, desired: &DesiredHybridExtension) -> Result<HybridExtension> {
        Err(Error::invalid_input(
            "number",
            format!(
                "extension {} is not on the Communication Manager: extensions come from Aura by synchronisation, the API cannot create one",
                desired.number
            ),
        ))
    }

    async fn update(
        &self,
        live: &HybridExtension,
        _desired: &DesiredHybridExtension,
        _changes: &[Change],
    ) -> Result<HybridExtension> {
        // No field is compared, so there is never anything to change.
        Ok(live.clone())
    }

    async fn delete(&self, live: &HybridExtension) -> Result<()> {
        self.delete(&live.id).await?.wait().await.map(drop)
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
