//! Call-center service instances: `/tenants/{tenant_id}/groups/{group_id}/services/call_centers/`.
//!
//! Models and operations together. Every path keeps the trailing slash the document
//! prints. A call center is named by its service user id (`name@domain`), which goes on
//! the wire as the document shows it: `@`, `.` and `+` raw, anything that could change the
//! path percent-encoded.

use serde::{Deserialize, Serialize};

use sdk_core::ensure::{Change, Desired, Ensure, Field};
use sdk_core::futures_util::StreamExt;
use sdk_core::limit::for_each_limited;
use sdk_core::model::{Secret, UnknownFields, check_required, nullable};
use sdk_core::{Method, Result};

const COLLECTION: &str = "/tenants/{tenant_id}/groups/{group_id}/services/call_centers/";
const ITEM: &str =
    "/tenants/{tenant_id}/groups/{group_id}/services/call_centers/{call_center_name}/";
const ACTIVE: &str =
    "/tenants/{tenant_id}/groups/{group_id}/services/call_centers/active_instance/";

sdk_core::id_type! {
    /// A call center's service user id, such as `APIOTestCCBasic@sip.netaxis.be`: the
    /// `call_center_name` of the paths.
    pub struct ServiceUserId;
}

sdk_core::string_enum! {
    /// The call center type (`type`).
    pub enum CallCenterType {
        /// Basic.
        Basic = "Basic",
        /// Standard.
        Standard = "Standard",
        /// Premium.
        Premium = "Premium",
    }
}

sdk_core::string_enum! {
    /// How calls are distributed to agents (`policy`).
    pub enum Policy {
        /// Circular.
        Circular = "Circular",
        /// Regular (the document's example).
        Regular = "Regular",
        /// Simultaneous.
        Simultaneous = "Simultaneous",
        /// Uniform.
        Uniform = "Uniform",
        /// Weighted.
        Weighted = "Weighted",
    }
}

sdk_core::string_enum! {
    /// How calls are routed (`routingType`).
    pub enum RoutingType {
        /// Priority based (the document's example).
        PriorityBased = "Priority Based",
        /// Skill based.
        SkillBased = "Skill Based",
    }
}

sdk_core::string_enum! {
    /// The state an agent is put in after a call (`agentStateAfterCall`).
    pub enum AgentState {
        /// Available (the document's example).
        Available = "Available",
        /// Unavailable.
        Unavailable = "Unavailable",
        /// Wrap-up.
        WrapUp = "Wrap-Up",
    }
}

/// The department a call center belongs to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Department {
    /// The department's tenant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
    /// The department's group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
    /// The department's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department_name: Option<String>,
    /// The full path of the department (list answers only), such as
    /// `parent \ child`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub full_path_name: Option<String>,
    /// Fields the SDK does not name, kept as the server sent them (written back when this
    /// value is serialised, as in a `modify` that carries it).
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

impl Department {
    /// A department by tenant, group and name.
    pub fn new(
        tenant_id: impl Into<String>,
        group_id: impl Into<String>,
        name: impl Into<String>,
    ) -> Self {
        Department {
            tenant_id: Some(tenant_id.into()),
            group_id: Some(group_id.into()),
            department_name: Some(name.into()),
            full_path_name: None,
            unknown_fields: UnknownFields::default(),
        }
    }
}

/// The service-user profile of a call center (`serviceInstanceProfile`).
///
/// The same type serves creates, partial modifies and answers: every field is optional
/// and only the fields set are sent. Unset strings come back as `""` (and
/// `cliPhoneNumber` as `null`, kept as `Some(None)`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ServiceInstanceProfile {
    /// The display name (required on create).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The service user's password (create only; never returned, never printed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<Secret>,
    /// The calling-line id first name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cli_first_name: Option<String>,
    /// The calling-line id last name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cli_last_name: Option<String>,
    /// The language, such as `English`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The IANA time zone, such as `Europe/Brussels`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    /// The phone number (`""` when unset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    /// The department.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<Department>,
    /// The extension (`""` when unset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extension: Option<String>,
    /// The calling-line id phone number; `Some(None)` is the server's `null`.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "nullable")]
    pub cli_phone_number: Option<Option<String>>,
    /// The public user identity (`""` when unset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_user_identity: Option<String>,
    /// Fields the SDK does not name, kept as the server sent them (written back when this
    /// value is serialised, as in a `modify` that carries it).
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

impl ServiceInstanceProfile {
    /// A profile with its display name.
    pub fn named(name: impl Into<String>) -> Self {
        ServiceInstanceProfile {
            name: Some(name.into()),
            ..Self::default()
        }
    }
}

sdk_core::setters!(ServiceInstanceProfile {
    /// Sets the display name.
    name: String,
    /// Sets the service user's password (create only). Its rules are the server's
    /// service-user password settings, which the document does not give.
    password: Secret,
    /// Sets the calling-line id first name.
    cli_first_name: String,
    /// Sets the calling-line id last name.
    cli_last_name: String,
    /// Sets the language, such as `English` (the document does not list the values).
    language: String,
    /// Sets the time zone, such as `Europe/Brussels`.
    time_zone: String,
    /// Sets the department.
    department: Department,
});

/// The settings of a call center besides its identity, shared by creates, modifies and
/// answers. Every field is optional; only the fields set are sent.
///
/// The settings are the call center's own top-level fields (flattened into it on the
/// wire), not an object of their own, so they hold no `unknown_fields`: the keys of an
/// answer that no model names are kept once, in
/// [`CallCenter::unknown_fields`](CallCenter#structfield.unknown_fields).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
#[allow(missing_docs)] // The field names are the document's own; it describes none of them.
pub struct CallCenterSettings {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub routing_type: Option<RoutingType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub queue_length: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_reporting: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_caller_to_dial_escape_digit: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub escape_digit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reset_call_statistics_upon_entry_in_queue: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_agent_logoff: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_call_waiting_for_agents: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_calls_to_agents_in_wrap_up: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub override_agent_wrap_up_time: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wrap_up_seconds: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub force_delivery_of_calls: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub force_delivery_wait_time_seconds: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_automatic_state_change_for_agents: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent_state_after_call: Option<AgentState>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent_unavailable_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_preferred_audio_codec: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internal_preferred_audio_codec: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub play_ringing_when_offering_call: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call_center_queue_thresholds_is_active: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network_class_of_service: Option<String>,
}

/// A call center as `get`, `create` and `modify` answer it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CallCenter {
    /// The service user id: the call center's name in paths.
    pub service_user_id: ServiceUserId,
    /// The service-user profile.
    #[serde(default)]
    pub service_instance_profile: ServiceInstanceProfile,
    /// The distribution policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<Policy>,
    /// The call center type.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<CallCenterType>,
    /// The other settings.
    #[serde(flatten)]
    pub settings: CallCenterSettings,
    /// Fields the SDK does not name, kept as the server sent them. `settings` takes the
    /// keys it names first, so each key the SDK does not know lands here, and only here.
    // Serde hands the keys no field claims to each flattened field in turn: this one must
    // stay after `settings`, and `CallCenterSettings` must hold no flattened field of its
    // own, or the settings' keys would be kept (and written) twice.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

/// A call center as the list answers it: a summary with `active` and the department's
/// full path, which `get` lacks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CallCenterSummary {
    /// The service user id.
    pub service_user_id: ServiceUserId,
    /// The display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The phone number (its format depends on a server setting; not always E.164).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    /// The extension.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extension: Option<String>,
    /// The department.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<Department>,
    /// Whether the call center is active.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// The distribution policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<Policy>,
    /// The call center type.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<CallCenterType>,
    /// Fields the SDK does not name, kept as the server sent them.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

/// The body of `create`.
///
/// ```
/// use apio_callcenter::call_centers::{NewCallCenter, Policy, ServiceInstanceProfile, CallCenterType};
///
/// let req = NewCallCenter::new(ServiceInstanceProfile::named("Support line"), Policy::Regular)
///     .service_user_id("support@sip.example.com")
///     .kind(CallCenterType::Basic);
/// # let _ = req;
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct NewCallCenter {
    /// The service user id; leave it out when the server generates ids.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_user_id: Option<ServiceUserId>,
    /// The profile; `name` is required.
    pub service_instance_profile: ServiceInstanceProfile,
    /// The call center type.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<CallCenterType>,
    /// The distribution policy (required).
    pub policy: Policy,
    /// The server-side template to start from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template_name: Option<String>,
    /// Further settings.
    #[serde(flatten)]
    pub settings: CallCenterSettings,
}

impl NewCallCenter {
    /// A create body with the two required parts.
    pub fn new(profile: ServiceInstanceProfile, policy: Policy) -> Self {
        NewCallCenter {
            service_user_id: None,
            service_instance_profile: profile,
            kind: None,
            policy,
            template_name: None,
            settings: CallCenterSettings::default(),
        }
    }

    /// Sets the service user id.
    pub fn service_user_id(mut self, id: impl Into<ServiceUserId>) -> Self {
        self.service_user_id = Some(id.into());
        self
    }

    /// Sets the type.
    pub fn kind(mut self, kind: CallCenterType) -> Self {
        self.kind = Some(kind);
        self
    }

    /// Sets the template name.
    pub fn template_name(mut self, name: impl Into<String>) -> Self {
        self.template_name = Some(name.into());
        self
    }

    /// Sets further settings.
    pub fn settings(mut self, settings: CallCenterSettings) -> Self {
        self.settings = settings;
        self
    }

    /// The profile's name is required; a service user id, when given, is an id and not
    /// empty. Everything else is the server's to judge.
    fn check(&self) -> Result<()> {
        check_required(
            "serviceInstanceProfile.name",
            self.service_instance_profile
                .name
                .as_deref()
                .unwrap_or_default(),
        )?;
        if self
            .service_user_id
            .as_ref()
            .is_some_and(|id| id.as_str().is_empty())
        {
            return Err(sdk_core::Error::invalid_input(
                "serviceUserId",
                "must not be empty when given",
            ));
        }
        Ok(())
    }
}

/// The body of `modify`: a partial update. Only the fields set are sent, nested ones
/// included; everything else stays as it is on the server.
///
/// ```
/// use apio_callcenter::call_centers::{CallCenterUpdate, ServiceInstanceProfile};
///
/// let profile = ServiceInstanceProfile::default().language("French");
/// let change = CallCenterUpdate::default().profile(profile).queue_length(10);
/// assert_eq!(
///     serde_json::to_value(&change)?,
///     serde_json::json!({"serviceInstanceProfile": {"language": "French"}, "queueLength": 10})
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CallCenterUpdate {
    /// Profile fields to change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_instance_profile: Option<ServiceInstanceProfile>,
    /// A new policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<Policy>,
    /// A new type.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<CallCenterType>,
    /// Other settings to change.
    #[serde(flatten)]
    pub settings: CallCenterSettings,
}

impl CallCenterUpdate {
    /// Changes profile fields.
    pub fn profile(mut self, profile: ServiceInstanceProfile) -> Self {
        self.service_instance_profile = Some(profile);
        self
    }

    /// Changes the queue length.
    pub fn queue_length(mut self, n: u32) -> Self {
        self.settings.queue_length = Some(n);
        self
    }

    /// Changes the policy.
    pub fn policy(mut self, policy: Policy) -> Self {
        self.policy = Some(policy);
        self
    }

    /// Changes the type.
    pub fn kind(mut self, kind: CallCenterType) -> Self {
        self.kind = Some(kind);
        self
    }

    /// Changes these settings (replacing the settings set so far on this update, the
    /// queue length included).
    pub fn settings(mut self, settings: CallCenterSettings) -> Self {
        self.settings = settings;
        self
    }
}

/// One entry of `set_active_status`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ActiveStatus {
    /// The call center.
    pub service_user_id: ServiceUserId,
    /// Whether it should be active.
    pub active: bool,
}

impl ActiveStatus {
    /// An entry.
    pub fn new(id: impl Into<ServiceUserId>, active: bool) -> Self {
        ActiveStatus {
            service_user_id: id.into(),
            active,
        }
    }
}

/// A call center as [`Ensure`] on [`CallCenters`] makes it be: what a create holds
/// ([`NewCallCenter`]), with the service user id required, since it is what names the call
/// center. What it leaves unset is not managed: neither compared nor sent.
///
/// The profile's password is sent on create only. The service never shows a password, so
/// it is not compared, and a change of it is [`modify`](CallCenters::modify)'s to send;
/// serialised, a description leaves it out (its `Debug` shows it redacted).
///
/// ```
/// use apio_callcenter::call_centers::{
///     CallCenterDescription, CallCenterSettings, Policy, ServiceInstanceProfile,
/// };
///
/// let mut settings = CallCenterSettings::default();
/// settings.queue_length = Some(10);
/// let support = CallCenterDescription::new(
///     "support@sip.example.com",
///     ServiceInstanceProfile::named("Support line").password("s3cret!"),
///     Policy::Circular,
/// )
/// .settings(settings);
/// let shown = serde_json::to_string(&support)?;
/// assert!(shown.contains("\"queueLength\":10") && !shown.contains("s3cret!"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CallCenterDescription {
    /// The service user id (required): the call center's name in paths.
    pub service_user_id: ServiceUserId,
    /// The profile; `name` is required on create. Compared key by key over the fields it
    /// sets, the password left out.
    #[serde(serialize_with = "without_password")]
    pub service_instance_profile: ServiceInstanceProfile,
    /// The call center type.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<CallCenterType>,
    /// The distribution policy (required).
    pub policy: Policy,
    /// The server-side template a create starts from (create only: the service does not
    /// show it, so it is not compared).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template_name: Option<String>,
    /// Further settings.
    #[serde(flatten)]
    pub settings: CallCenterSettings,
}

impl CallCenterDescription {
    /// A call center named `service_user_id`, with its profile and policy.
    pub fn new(
        service_user_id: impl Into<ServiceUserId>,
        profile: ServiceInstanceProfile,
        policy: Policy,
    ) -> Self {
        CallCenterDescription {
            service_user_id: service_user_id.into(),
            service_instance_profile: profile,
            kind: None,
            policy,
            template_name: None,
            settings: CallCenterSettings::default(),
        }
    }

    /// Sets the type.
    pub fn kind(mut self, kind: CallCenterType) -> Self {
        self.kind = Some(kind);
        self
    }

    /// Sets the template name.
    pub fn template_name(mut self, name: impl Into<String>) -> Self {
        self.template_name = Some(name.into());
        self
    }

    /// Sets further settings.
    pub fn settings(mut self, settings: CallCenterSettings) -> Self {
        self.settings = settings;
        self
    }
}

impl From<&CallCenterDescription> for NewCallCenter {
    /// The create of the described call center, its password included.
    fn from(d: &CallCenterDescription) -> Self {
        NewCallCenter {
            service_user_id: Some(d.service_user_id.clone()),
            service_instance_profile: d.service_instance_profile.clone(),
            kind: d.kind.clone(),
            policy: d.policy.clone(),
            template_name: d.template_name.clone(),
            settings: d.settings.clone(),
        }
    }
}

/// Writes a profile without its password.
fn without_password<S: serde::Serializer>(
    profile: &ServiceInstanceProfile,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    let mut shown = profile.clone();
    shown.password = None;
    shown.serialize(s)
}

/// `get`, `create` and `modify` answer `{"callCenterInstance": {...}}`; "similar to GET"
/// may also mean the bare instance (the call center's own fields at the top level), which
/// is accepted too.
///
/// The wrapper's value is decoded in place, so an error in it points inside it; a wrapper
/// whose value is not a call center is an error, whatever else the object holds. Without a
/// wrapper (or with a `null` one) the call center is read from the other keys.
#[derive(Deserialize)]
#[serde(try_from = "RawAnswer")]
struct InstanceAnswer(CallCenter);

#[derive(Deserialize)]
#[serde(expecting = "a call center")]
struct RawAnswer {
    #[serde(rename = "callCenterInstance", default)]
    wrapped: Option<CallCenter>,
    #[serde(flatten)]
    rest: serde_json::Map<String, serde_json::Value>,
}

impl TryFrom<RawAnswer> for InstanceAnswer {
    type Error = String;

    fn try_from(raw: RawAnswer) -> std::result::Result<Self, String> {
        match raw.wrapped {
            Some(center) => Ok(InstanceAnswer(center)),
            None => serde_json::from_value(serde_json::Value::Object(raw.rest))
                .map(InstanceAnswer)
                .map_err(|e| format!("neither `callCenterInstance` nor a bare call center: {e}")),
        }
    }
}

impl From<InstanceAnswer> for CallCenter {
    fn from(a: InstanceAnswer) -> Self {
        a.0
    }
}

/// `{"call_centers": [...]}`. The key is required: every list answer carries it (an empty
/// group answers `[]`), so an answer without it is not a list and is a decode error, never
/// an empty list.
#[derive(Deserialize)]
#[serde(expecting = "a list of call centers")]
struct ListAnswer {
    call_centers: Vec<CallCenterSummary>,
}

sdk_core::scope_type! {
    /// The call centers of one group: `client.tenant(t).group(g).call_centers()`.
    ///
    /// ```no_run
    /// # async fn run(client: apio_callcenter::ApioClient) -> Result<(), sdk_core::Error> {
    /// let centers = client.tenant("foo").group("foogroup").call_centers();
    /// for center in centers.list().await? {
    ///     println!("{} {:?} {:?}", center.service_user_id, center.name, center.active);
    /// }
    /// # Ok(()) }
    /// ```
    CallCenters
}

impl CallCenters<'_> {
    /// Creates a call center. Never retried automatically once it may have reached the
    /// server: with server-generated ids a repeat would create a second call center.
    ///
    /// ```no_run
    /// # async fn run(client: apio_callcenter::ApioClient) -> Result<(), sdk_core::Error> {
    /// use apio_callcenter::call_centers::{NewCallCenter, Policy, ServiceInstanceProfile};
    ///
    /// let created = client
    ///     .tenant("foo")
    ///     .group("foogroup")
    ///     .call_centers()
    ///     .create(&NewCallCenter::new(ServiceInstanceProfile::named("Support"), Policy::Regular))
    ///     .await?;
    /// println!("created {}", created.service_user_id);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) when the profile
    /// has no name, or the service user id is given empty (nothing sent); the server's
    /// answer otherwise.
    pub async fn create(&self, request: &NewCallCenter) -> Result<CallCenter> {
        let spec = self
            .0
            .spec(Method::POST, "apio.call_centers.create", COLLECTION, &[])
            .validate(|| request.check())
            .json(request);
        Ok(self.0.execute::<InstanceAnswer>(spec).await?.into())
    }

    /// Reads one call center by its service user id.
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) when it does not exist;
    /// [`ErrorKind::Decode`](sdk_core::ErrorKind::Decode) for an answer that is not a call
    /// center (no `serviceUserId`).
    pub async fn get(&self, service_user_id: impl AsRef<str>) -> Result<CallCenter> {
        let spec = self.0.spec(
            Method::GET,
            "apio.call_centers.get",
            ITEM,
            &[service_user_id.as_ref()],
        );
        Ok(self.0.execute::<InstanceAnswer>(spec).await?.into())
    }

    /// Lists the group's call centers (the API answers the whole list at once).
    ///
    /// # Errors
    ///
    /// The server's answer; [`ErrorKind::Decode`](sdk_core::ErrorKind::Decode) for an
    /// answer that has no `call_centers` list.
    pub async fn list(&self) -> Result<Vec<CallCenterSummary>> {
        let spec = self
            .0
            .spec(Method::GET, "apio.call_centers.list", COLLECTION, &[]);
        Ok(self.0.execute::<ListAnswer>(spec).await?.call_centers)
    }

    /// Changes only the fields set in `change`. The answer may carry a new service user
    /// id (servers that derive ids from phone numbers rename on change): use it for later
    /// calls.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) when `change` sets
    /// nothing (nothing sent); the server's answer otherwise.
    pub async fn modify(
        &self,
        service_user_id: impl AsRef<str>,
        change: &CallCenterUpdate,
    ) -> Result<CallCenter> {
        let spec = self
            .0
            .spec(
                Method::PUT,
                "apio.call_centers.modify",
                ITEM,
                &[service_user_id.as_ref()],
            )
            .validate(|| {
                if change == &CallCenterUpdate::default() {
                    Err(sdk_core::Error::invalid_input("change", "sets no field"))
                } else {
                    Ok(())
                }
            })
            .json(change);
        Ok(self.0.execute::<InstanceAnswer>(spec).await?.into())
    }

    /// Deletes a call center.
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn delete(&self, service_user_id: impl AsRef<str>) -> Result<()> {
        let spec = self.0.spec(
            Method::DELETE,
            "apio.call_centers.delete",
            ITEM,
            &[service_user_id.as_ref()],
        );
        self.0.send(spec).await
    }

    /// Activates or deactivates call centers, several at once.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) for an empty list or
    /// an entry with an empty service user id (nothing sent); the server's answer
    /// otherwise. The document states no maximum count.
    pub async fn set_active_status(&self, services: &[ActiveStatus]) -> Result<()> {
        #[derive(Serialize)]
        struct Body<'b> {
            services: &'b [ActiveStatus],
        }
        let spec = self
            .0
            .spec(
                Method::PUT,
                "apio.call_centers.set_active_status",
                ACTIVE,
                &[],
            )
            .validate(|| {
                if services.is_empty() {
                    return Err(sdk_core::Error::invalid_input(
                        "services",
                        "must not be empty",
                    ));
                }
                if services
                    .iter()
                    .any(|s| s.service_user_id.as_str().is_empty())
                {
                    return Err(sdk_core::Error::invalid_input(
                        "services[].serviceUserId",
                        "must not be empty",
                    ));
                }
                Ok(())
            })
            .json(&Body { services });
        self.0.send(spec).await
    }
}

impl Desired for CallCenterDescription {
    type Live = CallCenter;
    const KIND: &'static str = "call center";
    /// The service user id (`support@sip.example.com`): a call center is a service user,
    /// whose id is unique and names it in every path, where the profile's `name` is a
    /// display name that two call centers may share. Ensuring therefore needs the id
    /// chosen by the caller: a call center whose id the server generates
    /// (`SUID_CALL_CENTER_AUTO_GENERATE`) is named only once it exists, and can be
    /// created, not ensured.
    const KEY: Field = Field::new("serviceUserId");
    /// Every field a modify takes: the profile (key by key, the password left out), the
    /// policy, the type and each setting. The template name is left out: a create uses
    /// it and the service does not show it.
    const FIELDS: &'static [Field] = &[
        Field::new("serviceInstanceProfile"),
        Field::new("policy"),
        Field::new("type"),
        Field::new("routingType"),
        Field::new("queueLength"),
        Field::new("enableReporting"),
        Field::new("allowCallerToDialEscapeDigit"),
        Field::new("escapeDigit"),
        Field::new("resetCallStatisticsUponEntryInQueue"),
        Field::new("allowAgentLogoff"),
        Field::new("allowCallWaitingForAgents"),
        Field::new("allowCallsToAgentsInWrapUp"),
        Field::new("overrideAgentWrapUpTime"),
        Field::new("wrapUpSeconds"),
        Field::new("forceDeliveryOfCalls"),
        Field::new("forceDeliveryWaitTimeSeconds"),
        Field::new("enableAutomaticStateChangeForAgents"),
        Field::new("agentStateAfterCall"),
        Field::new("agentUnavailableCode"),
        Field::new("externalPreferredAudioCodec"),
        Field::new("internalPreferredAudioCodec"),
        Field::new("playRingingWhenOfferingCall"),
        Field::new("callCenterQueueThresholdsIsActive"),
        Field::new("networkClassOfService"),
    ];
}

/// Call centers are ensured by service user id within their group. The list shows
/// summaries without the settings, so each listed call center whose id is wanted is read
/// whole with `get` (as many at once as the client's
/// [concurrency limit](sdk_core::limit) allows). A modify is partial: an update sends only
/// the fields that differ, and what the description does not set stays as it is on the
/// server. The modify's answer is the resource returned, with the new service user id if
/// the server renamed it.
///
/// ```no_run
/// # async fn run(client: apio_callcenter::ApioClient) -> Result<(), sdk_core::Error> {
/// use apio_callcenter::call_centers::{CallCenterDescription, Policy, ServiceInstanceProfile};
/// use sdk_core::ensure::Ensure;
///
/// let centers = client.tenant("foo").group("foogroup").call_centers();
/// let support = CallCenterDescription::new(
///     "support@sip.example.com",
///     ServiceInstanceProfile::named("Support line").language("English"),
///     Policy::Circular,
/// );
/// let outcome = centers.ensure(&support).await?;
/// println!("{} {}", outcome.verb(), outcome.resource().service_user_id);
/// for change in outcome.changes() {
///     println!("  changed {change}");
/// }
/// # Ok(()) }
/// ```
impl Ensure<CallCenterDescription> for CallCenters<'_> {
    async fn find(&self, keys: &[String]) -> Result<Vec<CallCenter>> {
        let ids: Vec<ServiceUserId> = self
            .list()
            .await?
            .into_iter()
            .map(|summary| summary.service_user_id)
            .filter(|id| keys.is_empty() || keys.iter().any(|k| k == id.as_str()))
            .collect();
        let read: Vec<Result<CallCenter>> = for_each_limited(
            self.0.transport(),
            ids,
            |id| async move { self.get(&id).await },
        )
        .collect()
        .await;
        // A call center deleted between the list and its read is not there.
        read.into_iter()
            .filter(|r| !matches!(r, Err(e) if e.is_not_found()))
            .collect()
    }

    async fn create(&self, desired: &CallCenterDescription) -> Result<CallCenter> {
        self.create(&NewCallCenter::from(desired)).await
    }

    async fn update(
        &self,
        live: &CallCenter,
        desired: &CallCenterDescription,
        changes: &[Change],
    ) -> Result<CallCenter> {
        self.modify(
            &live.service_user_id,
            &desired.changes_only::<CallCenterUpdate>(changes)?,
        )
        .await
    }

    async fn delete(&self, live: &CallCenter) -> Result<()> {
        self.delete(&live.service_user_id).await
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    /// The call center of the document's GET example.
    fn example() -> serde_json::Value {
        json!({
            "serviceUserId": "APIOTestCCBasic@sip.netaxis.be",
            "serviceInstanceProfile": {
                "name": "Test User Basic", "cliFirstName": "First Name",
                "cliLastName": "Last Name", "language": "English",
                "timeZone": "Europe/Brussels", "phoneNumber": "",
                "department": {"tenantId": "ApioSpTest", "groupId": "ApioGrpTest",
                               "departmentName": "test_department_initial"},
                "extension": "", "cliPhoneNumber": null, "publicUserIdentity": ""
            },
            "policy": "Regular", "type": "Basic", "routingType": "Priority Based",
            "queueLength": 0, "enableReporting": false, "allowCallerToDialEscapeDigit": true,
            "escapeDigit": "0", "resetCallStatisticsUponEntryInQueue": false,
            "allowAgentLogoff": false, "allowCallWaitingForAgents": false,
            "allowCallsToAgentsInWrapUp": false, "overrideAgentWrapUpTime": false,
            "wrapUpSeconds": 0, "forceDeliveryOfCalls": false,
            "forceDeliveryWaitTimeSeconds": 1, "enableAutomaticStateChangeForAgents": false,
            "agentStateAfterCall": "Available", "agentUnavailableCode": "",
            "externalPreferredAudioCodec": "None", "internalPreferredAudioCodec": "None",
            "playRingingWhenOfferingCall": true, "callCenterQueueThresholdsIsActive": false,
            "networkClassOfService": ""
        })
    }

    fn decode(body: &str) -> std::result::Result<CallCenter, serde_json::Error> {
        serde_json::from_str::<InstanceAnswer>(body).map(CallCenter::from)
    }

    /// Decodes `body` as `get`, `create` and `modify` answers are decoded.
    fn agreed(body: &str) -> std::result::Result<CallCenter, serde_json::Error> {
        decode(body)
    }

    #[test]
    fn accepts_the_wrapped_and_the_bare_answer() {
        let center = example();
        let expected: CallCenter = serde_json::from_value(center.clone()).unwrap();
        assert_eq!(
            expected.service_instance_profile.cli_phone_number,
            Some(None)
        );
        let minimal = json!({"serviceUserId": "m@d"});
        let shapes = [
            // The documented answer.
            json!({ "callCenterInstance": center }),
            // Other keys before and after the wrapper are ignored.
            json!({"meta": {"a": [1, -2, 3.5, null, true]}, "callCenterInstance": center, "x": "y"}),
            // Top-level call-center fields beside the wrapper: the wrapper wins.
            json!({"serviceUserId": "other@d", "policy": "Bogus", "callCenterInstance": center}),
            json!({"callCenterInstance": center, "serviceUserId": "other@d"}),
            // The bare instance.
            center.clone(),
            // The bare instance with a `null` wrapper, and with unknown keys.
            json!({"callCenterInstance": null, "serviceUserId": "APIOTestCCBasic@sip.netaxis.be",
                   "serviceInstanceProfile": center["serviceInstanceProfile"].clone(),
                   "policy": "Regular", "type": "Basic", "extra": [{"k": 1}]}),
        ];
        for shape in &shapes {
            let body = shape.to_string();
            let got = agreed(&body).unwrap_or_else(|e| panic!("{body}: {e}"));
            assert!(
                ["APIOTestCCBasic@sip.netaxis.be", "m@d"].contains(&got.service_user_id.as_str()),
                "{body}"
            );
        }
        assert_eq!(
            agreed(&json!({"callCenterInstance": center}).to_string()).unwrap(),
            expected
        );
        assert_eq!(agreed(&center.to_string()).unwrap(), expected);
        let bare = agreed(&minimal.to_string()).unwrap();
        assert_eq!(bare.service_user_id.as_str(), "m@d");
        assert_eq!(
            bare.service_instance_profile,
            ServiceInstanceProfile::default()
        );
        // Escaped keys and values read the same.
        let escaped = r#"{"callCenter\u0049nstance": {"service\u0055serId": "e\u0040d"}}"#;
        assert_eq!(agreed(escaped).unwrap().service_user_id.as_str(), "e@d");
        let escaped_bare = r#"{"service\u0055serId": "e\u0040d", "policy": "Reg\u0075lar"}"#;
        assert_eq!(agreed(escaped_bare).unwrap().policy, Some(Policy::Regular));
    }

    #[test]
    fn unknown_fields_are_kept_once_at_every_level_and_written_back() {
        let mut center = example();
        center["overflowTarget"] = json!({"kind": "voicemail", "to": ["a", "b"]});
        center["serviceInstanceProfile"]["alias"] = json!("help");
        center["serviceInstanceProfile"]["department"]["costCenter"] = json!(42);
        let wrapped = json!({ "callCenterInstance": center }).to_string();
        for body in [wrapped, center.to_string()] {
            let got = agreed(&body).unwrap();
            // `settings` and `unknown_fields` are both flattened: the settings take the
            // keys they name, the unknown fields the rest, and no key lands in both.
            assert_eq!(got.settings.queue_length, Some(0));
            assert_eq!(got.settings.escape_digit.as_deref(), Some("0"));
            assert_eq!(
                got.unknown_fields
                    .iter()
                    .map(|(k, _)| k)
                    .collect::<Vec<_>>(),
                ["overflowTarget"]
            );
            assert_eq!(
                got.unknown_fields.get("overflowTarget"),
                Some(&json!({"kind": "voicemail", "to": ["a", "b"]}))
            );
            let profile = &got.service_instance_profile;
            assert_eq!(profile.unknown_fields.get("alias"), Some(&json!("help")));
            assert_eq!(profile.unknown_fields.len(), 1);
            let department = profile.department.as_ref().unwrap();
            assert_eq!(
                department.unknown_fields.get("costCenter"),
                Some(&json!(42))
            );
            assert_eq!(department.unknown_fields.len(), 1);
            // Written back once each, as they came.
            let text = serde_json::to_string(&got).unwrap();
            for key in [
                "\"overflowTarget\"",
                "\"queueLength\"",
                "\"escapeDigit\"",
                "\"alias\"",
                "\"costCenter\"",
                "\"serviceUserId\"",
            ] {
                assert_eq!(text.matches(key).count(), 1, "{key} in {text}");
            }
            assert_eq!(serde_json::to_value(&got).unwrap(), center);
        }
        // Without unknown keys, nothing is kept.
        let plain: CallCenter = serde_json::from_value(example()).unwrap();
        assert!(plain.unknown_fields.is_empty());
        assert!(plain.service_instance_profile.unknown_fields.is_empty());

        let summary = json!({
            "serviceUserId": "a@d", "name": "A", "active": true, "queueCount": 3,
            "department": {"tenantId": "t", "departmentName": "d", "fullPathName": "p \\ d",
                           "level": 2}
        });
        let s: CallCenterSummary = serde_json::from_value(summary.clone()).unwrap();
        assert_eq!(s.unknown_fields.get("queueCount"), Some(&json!(3)));
        assert_eq!(
            s.department.as_ref().unwrap().unknown_fields.get("level"),
            Some(&json!(2))
        );
        assert_eq!(serde_json::to_value(&s).unwrap(), summary);
    }

    #[test]
    fn a_list_answer_without_its_list_is_an_error() {
        for body in [r#"{}"#, r#"{"error": "x"}"#, "[]", r#""x""#, "null"] {
            assert!(serde_json::from_str::<ListAnswer>(body).is_err(), "{body}");
        }
        let empty: ListAnswer = serde_json::from_str(r#"{"call_centers": []}"#).unwrap();
        assert!(empty.call_centers.is_empty());
    }

    #[test]
    fn rejects_what_is_not_a_call_center_and_says_why() {
        let rejected = [
            (
                "{}",
                "neither `callCenterInstance` nor a bare call center: missing field `serviceUserId`",
            ),
            ("null", "invalid type: null, expected a call center"),
            ("\"x@d\"", "invalid type: string"),
            ("[]", "invalid type: sequence, expected a call center"),
            (
                r#"[{"serviceUserId": "a@d"}]"#,
                "invalid type: sequence, expected a call center",
            ),
            (
                r#"{"callCenterInstance": null}"#,
                "missing field `serviceUserId`",
            ),
            (
                r#"{"callCenterInstance": {"policy": "Regular"}}"#,
                "missing field `serviceUserId`",
            ),
            (
                r#"{"callCenterInstance": {"serviceUserId": "a@d", "queueLength": -1}}"#,
                "invalid value: integer `-1`",
            ),
            (
                r#"{"serviceUserId": "a@d", "queueLength": "ten"}"#,
                "invalid type: string \"ten\", expected u32",
            ),
            (
                r#"{"serviceUserId": "a@d", "serviceInstanceProfile": 5}"#,
                "invalid type: integer `5`",
            ),
            (r#"{"serviceUserId": 7}"#, "invalid type: integer `7`"),
            (r#"{"call_centers": []}"#, "missing field `serviceUserId`"),
        ];
        for (body, message) in rejected {
            let err = decode(body).expect_err(body).to_string();
            assert!(err.contains(message), "{body}: {err}");
        }
        // A wrapper that is not a call center, or a second wrapper, is an error even when
        // the top level also holds a call center's fields.
        for body in [
            r#"{"callCenterInstance": {"policy": "Regular"}, "serviceUserId": "a@d"}"#,
            r#"{"callCenterInstance": {"serviceUserId": "a@d"}, "callCenterInstance": {"serviceUserId": "b@d"}, "serviceUserId": "c@d"}"#,
        ] {
            assert!(decode(body).is_err(), "{body}");
        }
        assert!(
            decode(r#"{"callCenterInstance": {"serviceUserId": "a@d"}, "callCenterInstance": {}}"#)
                .unwrap_err()
                .to_string()
                .contains("duplicate field `callCenterInstance`")
        );
        // An error inside the wrapper is placed inside it, not at the end of the answer.
        let body =
            r#"{"callCenterInstance": {"serviceUserId": "a@d", "wrapUpSeconds": true}, "x": 1}"#;
        let err = decode(body).unwrap_err();
        assert!(err.to_string().contains("expected u32"), "{err}");
        assert!(err.column() < body.find(r#""x""#).unwrap(), "{err}");
    }
}
