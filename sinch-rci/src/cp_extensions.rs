//! Contact-panel extensions (`/cpExtensions`), read-only: pages embedded in the agent's
//! contact panel, per queue.

use serde::{Deserialize, Serialize};

use sdk_core::model::UnknownFields;
use sdk_core::{Method, Result};

use crate::common::search_query;
use crate::queues::QueueId;

const EXTENSIONS: &str = "/cpExtensions";
const EXTENSION: &str = "/cpExtensions/{cpExtensionId}";

sdk_core::id_type! {
    /// The id of a contact-panel extension: 32 hexadecimal characters in either case (see [ids](crate#ids)).
    pub struct CpExtensionId;
}

/// A contact-panel extension (every field but the id may be absent from a list).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CpExtension {
    /// The id.
    pub id: CpExtensionId,
    /// The name (in no example).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Free text (in no example).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The title shown to agents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The page embedded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The icon (`sap-icon://business-card`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icon: Option<String>,
    /// The queues the extension is enabled for. A plain array on the wire (no wrapper):
    /// in XML, one `<queues>` element per id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub queues: Vec<QueueId>,
    /// Whether it is hidden.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hidden: Option<bool>,
    /// Fields the SDK does not name, kept as the server sent them (written back when this
    /// value is serialised).
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

sdk_core::listed!(CpExtension);

search_query! {
    /// The search and sort of [`CpExtensions::list`]. Default order: name. The document does
    /// not say how to filter on the boolean `hidden`; `true`/`false` is the plausible form.
    sortable CpExtensionQuery {
        name => "name",
        description => "description",
        title => "title",
        url => "url",
        icon => "icon",
        hidden => "hidden",
    }
}

sdk_core::scope_type! {
    /// Contact-panel extensions: `/cpExtensions`.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// let extension = client.cp_extensions().get("94C89D627D0340A2807B18D8B9C4CD90").await?;
    /// println!("{:?} {:?}", extension.title, extension.url);
    /// # Ok(()) }
    /// ```
    CpExtensions
}

impl CpExtensions<'_> {
    /// Lists contact-panel extensions, `limit` (100 by default) per request.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// use sdk_core::futures_util::TryStreamExt;
    /// use sinch_rci::cp_extensions::CpExtensionQuery;
    ///
    /// let mut extensions = client.cp_extensions().list(&CpExtensionQuery::new()).items();
    /// while let Some(extension) = extensions.try_next().await? {
    ///     println!("{} {:?} {:?}", extension.id, extension.title, extension.queues);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self, query: &CpExtensionQuery) -> sdk_core::Paginator<CpExtension> {
        let spec = self
            .0
            .spec(Method::GET, "rci.cp_extensions.list", EXTENSIONS, &[]);
        self.0.paginator(query.apply(spec))
    }

    /// Reads a contact-panel extension.
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) for an unknown id.
    pub async fn get(&self, cp_extension_id: impl AsRef<str>) -> Result<CpExtension> {
        let spec = self.0.spec(
            Method::GET,
            "rci.cp_extensions.get",
            EXTENSION,
            &[cp_extension_id.as_ref()],
        );
        self.0.execute(spec).await
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use crate::sim::{entity, searchable};
    let api = api.resource(entity("cp_extensions", EXTENSIONS).read_only());
    searchable(
        api,
        "cp_extensions",
        EXTENSIONS,
        sdk_core::sim::ListStyle::OffsetLimit,
        &[],
    )
}
