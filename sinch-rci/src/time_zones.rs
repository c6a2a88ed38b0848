//! Time zones (`/timeZones`), read-only. Their ids are IANA names (`Europe/Helsinki`), the
//! one RCI id that is not hexadecimal: its `/` travels percent-encoded inside its one path
//! segment (`/timeZones/Europe%2FHelsinki`).

use serde::{Deserialize, Serialize};

use sdk_core::model::UnknownFields;
use sdk_core::{Method, Result};

use crate::common::search_query;

const ZONES: &str = "/timeZones";
const ZONE: &str = "/timeZones/{timeZoneId}";

sdk_core::id_type! {
    /// The id of a time zone: an IANA name such as `Europe/Helsinki` or `Etc/GMT+5`, whose
    /// `/` travels percent-encoded inside its one path segment (see [ids](crate#ids)).
    pub struct TimeZoneId;
}

/// A time zone (every field but the id may be absent from a list).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct TimeZone {
    /// The IANA name (`Europe/Helsinki`): what a user's `timeZone` takes.
    pub id: TimeZoneId,
    /// The display name (`(UTC+02:00) Helsinki, Kyiv, Riga, Sofia, Tallinn, Vilnius`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Fields the SDK does not name, kept as the server sent them (written back when this
    /// value is serialised).
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

sdk_core::listed!(TimeZone);

search_query! {
    /// The search and sort of [`TimeZones::list`]. Default order: id, name.
    sortable TimeZoneQuery {
        id => "id",
        name => "name",
    }
}

sdk_core::scope_type! {
    /// Time zones: `/timeZones`.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// let helsinki = client.time_zones().get("Europe/Helsinki").await?;
    /// println!("{:?}", helsinki.name);
    /// # Ok(()) }
    /// ```
    TimeZones
}

impl TimeZones<'_> {
    /// Lists time zones, `limit` (100 by default) per request.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// use sdk_core::futures_util::TryStreamExt;
    /// use sinch_rci::time_zones::TimeZoneQuery;
    ///
    /// let mut europe = client.time_zones().list(&TimeZoneQuery::new().id("Europe/*")).items();
    /// while let Some(zone) = europe.try_next().await? {
    ///     println!("{} {:?}", zone.id, zone.name);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self, query: &TimeZoneQuery) -> sdk_core::Paginator<TimeZone> {
        let spec = self.0.spec(Method::GET, "rci.time_zones.list", ZONES, &[]);
        self.0.paginator(query.apply(spec))
    }

    /// Reads a time zone by its IANA name.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// let helsinki = client.time_zones().get("Europe/Helsinki").await?; // GET /timeZones/Europe%2FHelsinki
    /// println!("{:?}", helsinki.name);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) for an unknown zone.
    pub async fn get(&self, time_zone_id: impl AsRef<str>) -> Result<TimeZone> {
        let spec = self.0.spec(
            Method::GET,
            "rci.time_zones.get",
            ZONE,
            &[time_zone_id.as_ref()],
        );
        self.0.execute(spec).await
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use crate::sim::{entity, searchable};
    let api = api.resource(entity("time_zones", ZONES).read_only());
    searchable(
        api,
        "time_zones",
        ZONES,
        sdk_core::sim::ListStyle::OffsetLimit,
        &[],
    )
}
