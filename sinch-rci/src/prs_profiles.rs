//! Presence (PRS) profiles (`/prsProfiles`), read-only.

use serde::{Deserialize, Serialize};

use sdk_core::model::UnknownFields;
use sdk_core::{Method, Result};

use crate::common::search_query;

const PROFILES: &str = "/prsProfiles";
const PROFILE: &str = "/prsProfiles/{prsProfileId}";

sdk_core::id_type! {
    /// The id of a presence profile: 32 hexadecimal characters in either case (see [ids](crate#ids)).
    pub struct PrsProfileId;
}

/// A presence profile (every field but the id may be absent from a list).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PrsProfile {
    /// The id.
    pub id: PrsProfileId,
    /// The name (`Lunch`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The reason (`NONE`, `VACATION`, `MEETING`; the document lists no closed set).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Fields the SDK does not name, kept as the server sent them (written back when this
    /// value is serialised).
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

sdk_core::listed!(PrsProfile);

search_query! {
    /// The search and sort of [`PrsProfiles::list`]. Default order: id, name.
    sortable PrsProfileQuery {
        id => "id",
        name => "name",
        reason => "reason",
    }
}

sdk_core::scope_type! {
    /// Presence profiles: `/prsProfiles`.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// let lunch = client.prs_profiles().get("02770429F80BDF1191AD001CC4D98816").await?;
    /// println!("{:?} {:?}", lunch.name, lunch.reason);
    /// # Ok(()) }
    /// ```
    PrsProfiles
}

impl PrsProfiles<'_> {
    /// Lists presence profiles, `limit` (100 by default) per request.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// use sinch_rci::prs_profiles::PrsProfileQuery;
    ///
    /// let profiles = client.prs_profiles().list(&PrsProfileQuery::new()).collect_all().await?;
    /// for profile in profiles {
    ///     println!("{} {:?}", profile.id, profile.name);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self, query: &PrsProfileQuery) -> sdk_core::Paginator<PrsProfile> {
        let spec = self
            .0
            .spec(Method::GET, "rci.prs_profiles.list", PROFILES, &[]);
        self.0.paginator(query.apply(spec))
    }

    /// Reads a presence profile.
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) for an unknown id.
    pub async fn get(&self, prs_profile_id: impl AsRef<str>) -> Result<PrsProfile> {
        let spec = self.0.spec(
            Method::GET,
            "rci.prs_profiles.get",
            PROFILE,
            &[prs_profile_id.as_ref()],
        );
        self.0.execute(spec).await
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use crate::sim::{entity, searchable};
    let api = api.resource(entity("prs_profiles", PROFILES).read_only());
    searchable(
        api,
        "prs_profiles",
        PROFILES,
        sdk_core::sim::ListStyle::OffsetLimit,
        &[],
    )
}
