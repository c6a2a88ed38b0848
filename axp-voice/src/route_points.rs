//! Route points: the account-level `/extensions` (not the hybrid extensions below a
//! Communication Manager).
//!
//! Every operation is synchronous: create and update answer 200 with the route point,
//! delete answers 204.

use serde::{Deserialize, Serialize};

use sdk_core::ensure::{Change, Desired, Ensure, Field};
use sdk_core::model::{NumOrStr, UnknownFields, check_required};
use sdk_core::{Method, Paginator, Result};

const COLLECTION: &str = "/accounts/{accountId}/extensions";
const ITEM: &str = "/accounts/{accountId}/extensions/{extensionId}";

sdk_core::id_type! {
    /// The id of a route point (`extensionId` in the paths).
    pub struct RoutePointId;
}

/// A route point as the server answers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RoutePoint {
    /// The route point's id.
    pub id: RoutePointId,
    /// The extension number: a JSON number in the document's examples, a string for the
    /// other numbers of the API; both are accepted and sent back as they came.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<NumOrStr>,
    /// The display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Fields the SDK does not name, kept as the server sent them (sent back by an update
    /// built from this value).
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

sdk_core::listed!(RoutePoint = "resources");

/// The body of a route-point create or update.
///
/// ```
/// use axp_voice::route_points::RoutePointRequest;
///
/// let jon = RoutePointRequest::new(50003456, "Jon Extension");
/// # let _ = jon;
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RoutePointRequest {
    /// The extension number (the document sends a JSON number).
    pub number: NumOrStr,
    /// The display name (required).
    pub name: String,
    /// Fields of the read resource that the SDK does not name, sent back as they came: filled
    /// when this body is built from a read [`RoutePoint`], empty otherwise.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

impl RoutePointRequest {
    /// A route point with a numeric extension, as the document sends it.
    pub fn new(number: i64, name: impl Into<String>) -> Self {
        RoutePointRequest {
            number: NumOrStr::Num(number),
            name: name.into(),
            unknown_fields: UnknownFields::new(),
        }
    }

    /// Both fields are required; the document states no other rule (no length, no range).
    fn check(&self) -> Result<()> {
        check_required("number", &self.number.to_string())?;
        check_required("name", &self.name)
    }
}

impl From<&RoutePoint> for RoutePointRequest {
    /// The route point as an update body, to change a field and send it back: its number
    /// (as it came, number or string) and name, and the fields the SDK does not name. A
    /// route point read without a number or name gives a body whose update is refused
    /// before sending.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::route_points::RoutePointRequest;
    ///
    /// let points = client.account("ABCDEF").route_points();
    /// let jon = points.get("b1c2").await?;
    /// let mut update = RoutePointRequest::from(&jon);
    /// update.name = "Jon's Extension".into();
    /// points.update(&jon.id, &update).await?;
    /// # Ok(()) }
    /// ```
    fn from(point: &RoutePoint) -> Self {
        RoutePointRequest {
            number: point
                .number
                .clone()
                .unwrap_or_else(|| NumOrStr::Str(String::new())),
            name: point.name.clone().unwrap_or_default(),
            unknown_fields: point.unknown_fields.clone(),
        }
    }
}

sdk_core::scope_type! {
    /// The route points of an account.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// let points = client.account("ABCDEF").route_points();
    /// let jon = points.get("b1c2").await?;
    /// println!("{:?} {:?}", jon.number, jon.name);
    /// # Ok(()) }
    /// ```
    RoutePoints
}

impl RoutePoints<'_> {
    /// Creates a route point (answered 200 with it).
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::route_points::RoutePointRequest;
    ///
    /// let points = client.account("ABCDEF").route_points();
    /// let created = points
    ///     .create(&RoutePointRequest::new(50003456, "Jon Extension"))
    ///     .await?;
    /// let all = points.list().collect_all().await?;
    /// assert!(all.iter().any(|p| p.id == created.id));
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) for an empty name or
    /// number, before anything is sent; the server's answer otherwise.
    pub async fn create(&self, request: &RoutePointRequest) -> Result<RoutePoint> {
        let spec = self
            .0
            .spec(Method::POST, "axp.route_points.create", COLLECTION, &[])
            .validate(|| request.check())
            .json(request);
        self.0.execute(spec).await
    }

    /// Reads one route point.
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) once it is deleted.
    pub async fn get(&self, route_point_id: impl AsRef<str>) -> Result<RoutePoint> {
        let spec = self.0.spec(
            Method::GET,
            "axp.route_points.get",
            ITEM,
            &[route_point_id.as_ref()],
        );
        self.0.execute(spec).await
    }

    /// Lists the route points, page by page (items under `resources`).
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use sdk_core::futures_util::TryStreamExt;
    ///
    /// let mut points = client.account("ABCDEF").route_points().list().items();
    /// while let Some(point) = points.try_next().await? {
    ///     println!("{} {:?} {:?}", point.id, point.number, point.name);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self) -> Paginator<RoutePoint> {
        let spec = self
            .0
            .spec(Method::GET, "axp.route_points.list", COLLECTION, &[]);
        self.0.paginator(spec)
    }

    /// Replaces a route point (answered 200 with it).
    ///
    /// # Errors
    ///
    /// As [`create`](Self::create).
    pub async fn update(
        &self,
        route_point_id: impl AsRef<str>,
        request: &RoutePointRequest,
    ) -> Result<RoutePoint> {
        let spec = self
            .0
            .spec(
                Method::PUT,
                "axp.route_points.update",
                ITEM,
                &[route_point_id.as_ref()],
            )
            .validate(|| request.check())
            .json(request);
        self.0.execute(spec).await
    }

    /// Deletes a route point (answered 204).
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn delete(&self, route_point_id: impl AsRef<str>) -> Result<()> {
        let spec = self.0.spec(
            Method::DELETE,
            "axp.route_points.delete",
            ITEM,
            &[route_point_id.as_ref()],
        );
        self.0.send(spec).await
    }
}

impl Desired for RoutePointRequest {
    type Live = RoutePoint;
    const KIND: &'static str = "route point";
    /// The extension number: what calls are routed to, one route point per number; the
    /// name is only what it is displayed as. A number sent as a JSON number equals the same
    /// digits read back as a string.
    const KEY: Field = Field::new("number");
    const FIELDS: &'static [Field] = &[Field::new("name")];
}

/// Route points are ensured by their extension number. They are synchronous, so nothing
/// is awaited; an update starts from the live route point, so the fields the SDK does not
/// name are sent back.
///
/// ```no_run
/// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
/// use axp_voice::route_points::RoutePointRequest;
/// use sdk_core::ensure::Ensure;
///
/// let points = client.account("ABCDEF").route_points();
/// let outcome = points.ensure(&RoutePointRequest::new(50003456, "Jon Extension")).await?;
/// println!("{} {}", outcome.verb(), outcome.resource().id);
/// # Ok(()) }
/// ```
impl Ensure<RoutePointRequest> for RoutePoints<'_> {
    async fn find(&self, _keys: &[String]) -> Result<Vec<RoutePoint>> {
        self.list().collect_all().await
    }

    async fn create(&self, desired: &RoutePointRequest) -> Result<RoutePoint> {
        self.create(desired).await
    }

    async fn update(
        &self,
        live: &RoutePoint,
        desired: &RoutePointRequest,
        _changes: &[Change],
    ) -> Result<RoutePoint> {
        let body = desired.apply_to(&RoutePointRequest::from(live))?;
        self.update(&live.id, &body).await
    }

    async fn delete(&self, live: &RoutePoint) -> Result<()> {
        self.delete(&live.id).await
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use sdk_core::sim::{ListStyle, Resource, UpdateMode};
    api.resource(
        Resource::new("route_points", COLLECTION)
            .required(&["number", "name"])
            .list(ListStyle::PageNumber {
                items_key: "resources",
            })
            .create_status(200)
            .update(UpdateMode::Replace),
    )
}
