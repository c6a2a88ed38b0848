//! Agent locations: `/agent-locations`.
//!
//! Every operation is synchronous: create and update answer 200 with the location, delete
//! answers 204. A location's `users` and `outboundRoutingRules` are read-only: the server
//! fills them in; the list shows each location without them.

use serde::{Deserialize, Serialize};

use sdk_core::model::{UnknownFields, check_required};
use sdk_core::{Method, Paginator, Result};

use crate::routing_rules::RoutingRuleId;

const COLLECTION: &str = "/accounts/{accountId}/agent-locations";
const ITEM: &str = "/accounts/{accountId}/agent-locations/{locationId}";

sdk_core::id_type! {
    /// The id of an agent location (`locationId`).
    pub struct AgentLocationId;
}

/// A user assigned to an agent location.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct LocationUser {
    /// The user's id.
    pub user_id: String,
    /// The user's login id. A single string here (hybrid extensions carry a list under the
    /// same name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub login_id: Option<String>,
    /// Fields the SDK does not name, kept as the server sent them.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

/// An outbound routing rule as an agent location names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct LocationRoutingRule {
    /// The rule's id.
    pub id: RoutingRuleId,
    /// A name for the rule (only agent locations show one; the rules themselves have none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Fields the SDK does not name, kept as the server sent them.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

/// An agent location as the server answers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AgentLocation {
    /// The location's id.
    pub id: AgentLocationId,
    /// The location's name, unique in the account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether dialling restrictions apply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_dialing_restriction_enabled: Option<bool>,
    /// The users at this location (not in list answers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub users: Option<Vec<LocationUser>>,
    /// The routing rules that apply to this location (not in list answers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outbound_routing_rules: Option<Vec<LocationRoutingRule>>,
    /// Fields the SDK does not name, kept as the server sent them (sent back by an update
    /// built from this value).
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

sdk_core::listed!(AgentLocation = "locations");

/// The body of an agent-location create or update.
///
/// ```
/// use axp_voice::agent_locations::AgentLocationRequest;
///
/// let uk = AgentLocationRequest::new("uk-1-location-id", true).description("UK Agent Location 1");
/// # let _ = uk;
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AgentLocationRequest {
    /// The location's name, unique in the account (required).
    pub name: String,
    /// Free text (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether dialling restrictions apply (required).
    pub is_dialing_restriction_enabled: bool,
    /// Read-only on the server, which ignores it; the document's request examples carry it
    /// all the same, so it is kept when given and never set by this type's constructors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub users: Option<Vec<LocationUser>>,
    /// Read-only on the server, like [`users`](Self::users).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outbound_routing_rules: Option<Vec<LocationRoutingRule>>,
    /// Fields of the read resource that the SDK does not name, sent back as they came: filled
    /// when this body is built from a read [`AgentLocation`], empty otherwise.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

impl AgentLocationRequest {
    /// A location with no description.
    pub fn new(name: impl Into<String>, is_dialing_restriction_enabled: bool) -> Self {
        AgentLocationRequest {
            name: name.into(),
            description: None,
            is_dialing_restriction_enabled,
            users: None,
            outbound_routing_rules: None,
            unknown_fields: UnknownFields::new(),
        }
    }

    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
}

impl From<&AgentLocation> for AgentLocationRequest {
    /// The location as an update body, to change a field and send it back: every field it
    /// names, its users and rules as read (the server ignores them), and the fields the SDK
    /// does not name. A location read without a name gives a body whose update is refused
    /// before sending.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::agent_locations::AgentLocationRequest;
    ///
    /// let locations = client.account("ABCDEF").agent_locations();
    /// let uk = locations.get("c8c2909d-75e9-484a-94c0-b7e8d29771fe").await?;
    /// let update = AgentLocationRequest::from(&uk).description("UK Agent Location 1");
    /// locations.update(&uk.id, &update).await?;
    /// # Ok(()) }
    /// ```
    fn from(location: &AgentLocation) -> Self {
        AgentLocationRequest {
            name: location.name.clone().unwrap_or_default(),
            description: location.description.clone(),
            is_dialing_restriction_enabled: location
                .is_dialing_restriction_enabled
                .unwrap_or(false),
            users: location.users.clone(),
            outbound_routing_rules: location.outbound_routing_rules.clone(),
            unknown_fields: location.unknown_fields.clone(),
        }
    }
}

sdk_core::scope_type! {
    /// The agent locations of an account.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// let locations = client.account("ABCDEF").agent_locations();
    /// let uk = locations.get("c8c2909d-75e9-484a-94c0-b7e8d29771fe").await?;
    /// println!("{:?} {:?}", uk.name, uk.is_dialing_restriction_enabled);
    /// # Ok(()) }
    /// ```
    AgentLocations
}

impl AgentLocations<'_> {
    /// Creates a location (answered 200 with it).
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::agent_locations::AgentLocationRequest;
    ///
    /// let locations = client.account("ABCDEF").agent_locations();
    /// let uk = locations
    ///     .create(&AgentLocationRequest::new("uk-1-location-id", true))
    ///     .await?;
    /// let full = locations.get(&uk.id).await?;
    /// for user in full.users.unwrap_or_default() {
    ///     println!("{}", user.user_id);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) for an empty name,
    /// before anything is sent; the server's answer otherwise (a name already used, for
    /// one).
    pub async fn create(&self, request: &AgentLocationRequest) -> Result<AgentLocation> {
        let spec = self
            .0
            .spec(Method::POST, "axp.agent_locations.create", COLLECTION, &[])
            .validate(|| check_required("name", &request.name))
            .json(request);
        self.0.execute(spec).await
    }

    /// Reads one location, with its users and routing rules.
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) once it is deleted.
    pub async fn get(&self, location_id: impl AsRef<str>) -> Result<AgentLocation> {
        let spec = self.0.spec(
            Method::GET,
            "axp.agent_locations.get",
            ITEM,
            &[location_id.as_ref()],
        );
        self.0.execute(spec).await
    }

    /// Lists the locations, page by page (items under `locations`, without users or
    /// routing rules).
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// let locations = client.account("ABCDEF").agent_locations();
    /// for location in locations.list().max_items(100).collect_all().await? {
    ///     println!("{} {:?}", location.id, location.name);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self) -> Paginator<AgentLocation> {
        let spec = self
            .0
            .spec(Method::GET, "axp.agent_locations.list", COLLECTION, &[]);
        self.0.paginator(spec)
    }

    /// Replaces a location (answered 200 with it).
    ///
    /// # Errors
    ///
    /// As [`create`](Self::create).
    pub async fn update(
        &self,
        location_id: impl AsRef<str>,
        request: &AgentLocationRequest,
    ) -> Result<AgentLocation> {
        let spec = self
            .0
            .spec(
                Method::PUT,
                "axp.agent_locations.update",
                ITEM,
                &[location_id.as_ref()],
            )
            .validate(|| check_required("name", &request.name))
            .json(request);
        self.0.execute(spec).await
    }

    /// Deletes a location (answered 204).
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn delete(&self, location_id: impl AsRef<str>) -> Result<()> {
        let spec = self.0.spec(
            Method::DELETE,
            "axp.agent_locations.delete",
            ITEM,
            &[location_id.as_ref()],
        );
        self.0.send(spec).await
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use sdk_core::sim::{ListStyle, Resource, UpdateMode};
    use serde_json::{Value, json};

    api.resource(
        Resource::new("agent_locations", COLLECTION)
            .required(&["name", "isDialingRestrictionEnabled"])
            .defaults(json!({ "users": [], "outboundRoutingRules": [] }))
            .list(ListStyle::PageNumber {
                items_key: "locations",
            })
            .list_view(|v| {
                let mut v = v.clone();
                if let Value::Object(m) = &mut v {
                    m.remove("users");
                    m.remove("outboundRoutingRules");
                }
                v
            })
            .create_status(200)
            .update(UpdateMode::Replace),
    )
}
