//! Location profiles: `/location-profiles`.
//!
//! Creating, updating and deleting a profile are long-running: the server answers
//! `202 Accepted` and pushes the change to every Hybrid Cloud Gateway of the account.
//!
//! - Create and update answer `{"url": ".../location-profiles/<id>"}`; the profile's `status`
//!   goes from `IN_PROGRESS` to `SUCCESS`, or to `FAILED` when the push to any gateway
//!   fails.
//! - Delete answers 202 with no body and is done when the profile's GET answers 404. A
//!   plain [`delete`](LocationProfiles::delete) that fails on a gateway keeps the profile in
//!   `PENDING_DELETE`; [`force_delete`](LocationProfiles::force_delete)
//!   (`?forceDelete=true`) removes it from the administration whatever the gateways say.

use serde::{Deserialize, Serialize};

use sdk_core::ensure::{Change, Desired, Ensure, Field};
use sdk_core::model::{UnknownFields, check_required};
use sdk_core::{Accepted, Error, Method, Paginator, PollStatus, Result};

use crate::common::{
    AcceptedUrl, ResourceStatus, accepted_at, accepted_url, classify_deleting, classify_resource,
    delete_async,
};

const COLLECTION: &str = "/accounts/{accountId}/location-profiles";
const ITEM: &str = "/accounts/{accountId}/location-profiles/{locationProfileId}";

sdk_core::id_type! {
    /// The id of a location profile (`locationProfileId`).
    pub struct LocationProfileId;
}

/// A location profile as the server answers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct LocationProfile {
    /// The profile's id.
    pub id: LocationProfileId,
    /// The profile's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The location code, such as `IN-MH`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_code: Option<String>,
    /// The SIP server host names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sip_server_address_list: Option<Vec<String>>,
    /// Whether media latching is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_media_latching_enabled: Option<bool>,
    /// Where the push to the gateways stands: `IN_PROGRESS`, `SUCCESS`, `FAILED`, or
    /// `PENDING_DELETE` after a plain delete that failed on a gateway.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ResourceStatus>,
    /// Fields the SDK does not name, kept as the server sent them (sent back by an update
    /// built from this value).
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

sdk_core::listed!(LocationProfile = "profiles");

/// The body of a location-profile create or update (an update replaces the profile: send
/// every field).
///
/// ```
/// use axp_voice::location_profiles::LocationProfileRequest;
///
/// let profile = LocationProfileRequest::new(
///     "Location Profile For India Maharashtra",
///     "Mumbai agents",
///     "IN-MH",
///     ["sm1906.avaya.com", "sm-stage224.avaya.com"],
/// )
/// .media_latching(true);
/// # let _ = profile;
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct LocationProfileRequest {
    /// The profile's name (required).
    pub name: String,
    /// Free text (required).
    pub description: String,
    /// The location code, such as `IN-MH` (required).
    pub location_code: String,
    /// The SIP server host names (at least one).
    pub sip_server_address_list: Vec<String>,
    /// Whether media latching is on.
    pub is_media_latching_enabled: bool,
    /// Fields of the read resource that the SDK does not name, sent back as they came: filled
    /// when this body is built from a read [`LocationProfile`], empty otherwise.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

impl LocationProfileRequest {
    /// A profile with media latching off.
    pub fn new<I, S>(
        name: impl Into<String>,
        description: impl Into<String>,
        location_code: impl Into<String>,
        sip_servers: I,
    ) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        LocationProfileRequest {
            name: name.into(),
            description: description.into(),
            location_code: location_code.into(),
            sip_server_address_list: sip_servers.into_iter().map(Into::into).collect(),
            is_media_latching_enabled: false,
            unknown_fields: UnknownFields::new(),
        }
    }

    /// Turns media latching on or off.
    pub fn media_latching(mut self, enabled: bool) -> Self {
        self.is_media_latching_enabled = enabled;
        self
    }

    /// The fields the document lists as required; it states no length limits.
    fn check(&self) -> Result<()> {
        check_required("name", &self.name)?;
        check_required("description", &self.description)?;
        check_required("locationCode", &self.location_code)?;
        if self.sip_server_address_list.is_empty() {
            return Err(Error::invalid_input(
                "sipServerAddressList",
                "at least one SIP server is required",
            ));
        }
        self.sip_server_address_list
            .iter()
            .enumerate()
            .try_for_each(|(i, s)| check_required(&format!("sipServerAddressList[{i}]"), s))
    }
}

impl From<&LocationProfile> for LocationProfileRequest {
    /// The profile as an update body, to change a field and send it back: every field it
    /// names but its id and status, and the fields the SDK does not name. A profile read
    /// without one of the required fields gives a body whose update is refused before
    /// sending.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::location_profiles::LocationProfileRequest;
    ///
    /// let profiles = client.account("ABCDEF").location_profiles();
    /// let profile = profiles.get("8d2c").await?;
    /// let update = LocationProfileRequest::from(&profile).media_latching(true);
    /// profiles.update(&profile.id, &update).await?.wait().await?;
    /// # Ok(()) }
    /// ```
    fn from(profile: &LocationProfile) -> Self {
        LocationProfileRequest {
            name: profile.name.clone().unwrap_or_default(),
            description: profile.description.clone().unwrap_or_default(),
            location_code: profile.location_code.clone().unwrap_or_default(),
            sip_server_address_list: profile.sip_server_address_list.clone().unwrap_or_default(),
            is_media_latching_enabled: profile.is_media_latching_enabled.unwrap_or(false),
            unknown_fields: profile.unknown_fields.clone(),
        }
    }
}

sdk_core::scope_type! {
    /// The location profiles of an account.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// let profiles = client.account("ABCDEF").location_profiles();
    /// let profile = profiles.get("8d2c").await?;
    /// println!("{:?} {:?}", profile.location_code, profile.sip_server_address_list);
    /// # Ok(()) }
    /// ```
    LocationProfiles
}

fn classify(p: &LocationProfile) -> PollStatus {
    let message = p.unknown_fields.failure_message(None);
    classify_resource(p.status.as_ref(), message.as_deref())
}

fn classify_delete(p: &LocationProfile) -> PollStatus {
    let message = p.unknown_fields.failure_message(None);
    classify_deleting(p.status.as_ref(), message.as_deref())
}

/// A forced delete ends in 404 whatever its status says on the way (the document: the
/// profile is deleted "irrespective of deletion status from HCG"), so every status is
/// pending; a profile that still shows `PENDING_DELETE` from an earlier plain delete is
/// the very case a forced delete is for.
fn classify_forced_delete(p: &LocationProfile) -> PollStatus {
    PollStatus::Pending(
        p.status
            .as_ref()
            .map(|s| s.as_str().to_owned())
            .unwrap_or_default(),
    )
}

impl LocationProfiles<'_> {
    /// Creates a profile. Answers 202 with the profile's url; `.wait()` on the handle polls
    /// the profile until `SUCCESS`.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::location_profiles::LocationProfileRequest;
    ///
    /// let profiles = client.account("ABCDEF").location_profiles();
    /// let request = LocationProfileRequest::new(
    ///     "Location Profile IN",
    ///     "Location Profile for IN",
    ///     "IN-MH",
    ///     ["sm1906.avaya.com"],
    /// );
    /// let profile = profiles.create(&request).await?.wait().await?;
    ///
    /// // Later: delete it, forcefully if a gateway refuses.
    /// if let Err(e) = profiles.delete(&profile.id).await?.wait().await {
    ///     if e.operation_status() == Some("PENDING_DELETE") {
    ///         profiles.force_delete(&profile.id).await?.wait().await?;
    ///     }
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) naming the field (an
    /// empty name, description or location code, no SIP server) before anything is sent.
    /// From `.wait()`: [`ErrorKind::OperationFailed`](sdk_core::ErrorKind::OperationFailed)
    /// with status `FAILED` when the push to a gateway failed, carrying the server's
    /// `statusMessage` (or `message`, `errorMessage`) in
    /// [`Error::vendor_message`](sdk_core::Error::vendor_message).
    ///
    /// [`ErrorKind::Decode`](sdk_core::ErrorKind::Decode) when the 202 answer's url names no
    /// profile: the request reached the server, so the profile may exist.
    pub async fn create(
        &self,
        request: &LocationProfileRequest,
    ) -> Result<Accepted<AcceptedUrl, LocationProfile>> {
        let spec = self
            .0
            .spec(
                Method::POST,
                "axp.location_profiles.create",
                COLLECTION,
                &[],
            )
            .validate(|| request.check())
            .json(request);
        accepted_url(&self.0, spec, "axp.location_profiles.get", ITEM, classify).await
    }

    /// Replaces a profile (send every field). Answers 202 with a url; `.wait()` polls the
    /// profile named by `location_profile_id` (the id in the path, not the url, which the
    /// document's example shows naming another profile) until `SUCCESS`.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::location_profiles::LocationProfileRequest;
    ///
    /// let profiles = client.account("ABCDEF").location_profiles();
    /// let request = LocationProfileRequest::new(
    ///     "Location Profile IN",
    ///     "Location Profile for IN",
    ///     "IN-MH",
    ///     ["sm1906.avaya.com", "sm-stage224.avaya.com"],
    /// );
    /// let profile = profiles.update("8d2c", &request).await?.wait().await?;
    /// println!("{:?}", profile.status);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// As [`create`](Self::create).
    pub async fn update(
        &self,
        location_profile_id: impl AsRef<str>,
        request: &LocationProfileRequest,
    ) -> Result<Accepted<AcceptedUrl, LocationProfile>> {
        let id = location_profile_id.as_ref();
        let spec = self
            .0
            .spec(Method::PUT, "axp.location_profiles.update", ITEM, &[id])
            .validate(|| request.check())
            .json(request);
        accepted_at(
            &self.0,
            spec,
            id,
            "axp.location_profiles.get",
            ITEM,
            classify,
        )
        .await
    }

    /// Reads one profile.
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) once it is deleted.
    pub async fn get(&self, location_profile_id: impl AsRef<str>) -> Result<LocationProfile> {
        let spec = self.0.spec(
            Method::GET,
            "axp.location_profiles.get",
            ITEM,
            &[location_profile_id.as_ref()],
        );
        self.0.execute(spec).await
    }

    /// Lists the profiles, page by page (`pageNumber`/`pageSize`, items under `profiles`).
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use sdk_core::futures_util::TryStreamExt;
    ///
    /// let mut profiles = client.account("ABCDEF").location_profiles().list().items();
    /// while let Some(profile) = profiles.try_next().await? {
    ///     println!("{} {:?} {:?}", profile.id, profile.name, profile.location_code);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self) -> Paginator<LocationProfile> {
        let spec = self
            .0
            .spec(Method::GET, "axp.location_profiles.list", COLLECTION, &[]);
        self.0.paginator(spec)
    }

    /// Deletes a profile from every gateway, then from the administration. Answers 202;
    /// `.wait()` polls until the GET answers 404.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// let profiles = client.account("ABCDEF").location_profiles();
    /// profiles.delete("8d2c").await?.wait().await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// The server's answer to the DELETE. From `.wait()`:
    /// [`ErrorKind::OperationFailed`](sdk_core::ErrorKind::OperationFailed) with status
    /// `PENDING_DELETE` when a gateway refused (the profile is kept; use
    /// [`force_delete`](Self::force_delete)), or `FAILED`.
    pub async fn delete(&self, location_profile_id: impl AsRef<str>) -> Result<Accepted<(), ()>> {
        let id = location_profile_id.as_ref();
        let spec = self
            .0
            .spec(Method::DELETE, "axp.location_profiles.delete", ITEM, &[id]);
        let get_op = "axp.location_profiles.get";
        delete_async(&self.0, spec, get_op, ITEM, id, classify_delete).await
    }

    /// Deletes a profile whatever the gateways answer (`?forceDelete=true`): the document
    /// says it always ends with the profile gone, so `.wait()` polls until the GET answers
    /// 404 and reads no status as a failure (it reports the last one seen if the deadline
    /// passes).
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// let profiles = client.account("ABCDEF").location_profiles();
    /// profiles.force_delete("8d2c").await?.wait().await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// The server's answer to the DELETE; from `.wait()`,
    /// [`ErrorKind::PollTimeout`](sdk_core::ErrorKind::PollTimeout).
    pub async fn force_delete(
        &self,
        location_profile_id: impl AsRef<str>,
    ) -> Result<Accepted<(), ()>> {
        let id = location_profile_id.as_ref();
        let spec = self
            .0
            .spec(Method::DELETE, "axp.location_profiles.delete", ITEM, &[id])
            .query_param("forceDelete", true);
        let get_op = "axp.location_profiles.get";
        delete_async(&self.0, spec, get_op, ITEM, id, classify_forced_delete).await
    }
}

impl Desired for LocationProfileRequest {
    type Live = LocationProfile;
    const KIND: &'static str = "location profile";
    /// The name: what a profile is known by (the id is the service's; several profiles may
    /// share a location code). The update replaces the profile, so every other field is
    /// compared.
    const KEY: Field = Field::new("name");
    const FIELDS: &'static [Field] = &[
        Field::new("description"),
        Field::new("locationCode"),
        Field::new("sipServerAddressList"),
        Field::new("isMediaLatchingEnabled"),
    ];
}

/// Location profiles are ensured by name; a create or an update is awaited until the
/// profile is pushed to every gateway (`SUCCESS`), and an update starts from the live
/// profile, so the fields the SDK does not name are sent back. A delete is the plain one:
/// it fails with `PENDING_DELETE` when a gateway refuses, and
/// [`force_delete`](LocationProfiles::force_delete) is left to the caller.
///
/// ```no_run
/// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
/// use axp_voice::location_profiles::LocationProfileRequest;
/// use sdk_core::ensure::Ensure;
///
/// let profiles = client.account("ABCDEF").location_profiles();
/// let mumbai = LocationProfileRequest::new("Mumbai", "Mumbai agents", "IN-MH", ["sm1906.avaya.com"])
///     .media_latching(true);
/// let outcome = profiles.ensure(&mumbai).await?;
/// for change in outcome.changes() {
///     println!("changed {change}");
/// }
/// # Ok(()) }
/// ```
impl Ensure<LocationProfileRequest> for LocationProfiles<'_> {
    async fn find(&self, _keys: &[String]) -> Result<Vec<LocationProfile>> {
        self.list().collect_all().await
    }

    async fn create(&self, desired: &LocationProfileRequest) -> Result<LocationProfile> {
        self.create(desired).await?.wait().await
    }

    async fn update(
        &self,
        live: &LocationProfile,
        desired: &LocationProfileRequest,
        _changes: &[Change],
    ) -> Result<LocationProfile> {
        let body = desired.apply_to(&LocationProfileRequest::from(live))?;
        self.update(&live.id, &body).await?.wait().await
    }

    async fn delete(&self, live: &LocationProfile) -> Result<()> {
        self.delete(&live.id).await?.wait().await
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use sdk_core::sim::{ListStyle, LongRunning, ReplyBody, Resource, UpdateMode};
    // A failed delete (Simulator::fail_next) ends in FAILED, the engine's one failure
    // value; the real server shows PENDING_DELETE. `delete` treats both as failures.
    api.resource(
        Resource::new("location_profiles", COLLECTION)
            .required(&[
                "name",
                "description",
                "locationCode",
                "sipServerAddressList",
                "isMediaLatchingEnabled",
            ])
            .list(ListStyle::PageNumber {
                items_key: "profiles",
            })
            .create_body(ReplyBody::Url)
            .update(UpdateMode::Replace)
            .update_status(202)
            .update_body(ReplyBody::Url)
            .delete_status(202)
            .long_running(LongRunning::new("status", "IN_PROGRESS", "SUCCESS", "FAILED").polls(2))
            .long_running_delete(2),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deleting_statuses() {
        let p = |s: &str| LocationProfile {
            id: "p".into(),
            name: None,
            description: None,
            location_code: None,
            sip_server_address_list: None,
            is_media_latching_enabled: None,
            status: Some(s.parse().unwrap_or_else(|e| match e {})),
            unknown_fields: UnknownFields::new(),
        };
        assert!(matches!(
            classify_delete(&p("PENDING_DELETE")),
            PollStatus::Failed { .. }
        ));
        assert!(matches!(
            classify_delete(&p("IN_PROGRESS")),
            PollStatus::Pending(_)
        ));
        assert_eq!(
            classify_forced_delete(&p("PENDING_DELETE")),
            PollStatus::Pending("PENDING_DELETE".into())
        );
    }
}
