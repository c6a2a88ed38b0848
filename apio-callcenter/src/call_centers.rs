//! Call-center service instances: `/tenants/{tenant_id}/groups/{group_id}/services/call_centers/`.
//!
//! Models and operations together. Every path keeps the trailing slash the document
//! prints. A call center is named by its service user id (`name@domain`), which goes on
//! the wire as the document shows it: `@`, `.` and `+` raw, anything that could change the
//! path percent-encoded.

use serde::{Deserialize, Serialize};

use sdk_core::model::{Secret, nullable};
use sdk_core::{Method, RequestOptions, Result, Scope};

use crate::client::ApioClient;

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

/// The settings of a call center besides its identity, shared by creates, modifies and
/// answers. Every field is optional; only the fields set are sent.
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

    fn check(&self) -> Result<()> {
        if self
            .service_instance_profile
            .name
            .as_deref()
            .is_none_or(|n| n.trim().is_empty())
        {
            return Err(sdk_core::Error::invalid_input(
                "serviceInstanceProfile.name",
                "required",
            ));
        }
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
/// let mut profile = ServiceInstanceProfile::default();
/// profile.language = Some("French".into());
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

/// `get`, `create` and `modify` answer `{"callCenterInstance": {...}}`; "similar to GET"
/// may also mean the bare instance, which is accepted too.
#[derive(Deserialize)]
#[serde(untagged)]
enum InstanceAnswer {
    Wrapped {
        #[serde(rename = "callCenterInstance")]
        call_center_instance: CallCenter,
    },
    Bare(CallCenter),
}

impl From<InstanceAnswer> for CallCenter {
    fn from(a: InstanceAnswer) -> Self {
        match a {
            InstanceAnswer::Wrapped {
                call_center_instance,
            } => call_center_instance,
            InstanceAnswer::Bare(c) => c,
        }
    }
}

#[derive(Deserialize)]
struct ListAnswer {
    #[serde(default)]
    call_centers: Vec<CallCenterSummary>,
}

/// The call centers of one group: `client.tenant(t).group(g).call_centers()`.
#[derive(Debug, Clone)]
pub struct CallCenters<'a> {
    scope: Scope<'a>,
}

impl<'a> CallCenters<'a> {
    pub(crate) fn new(client: &'a ApioClient, tenant_id: String, group_id: String) -> Self {
        CallCenters {
            scope: Scope::new(client.transport(), vec![tenant_id, group_id]),
        }
    }

    /// Per-call options (timeout, retries, headers) for the calls made through this scope.
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.scope.set_options(options);
        self
    }

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
    /// has no name (nothing sent); the server's answer otherwise.
    pub async fn create(&self, request: &NewCallCenter) -> Result<CallCenter> {
        let spec = self
            .scope
            .spec(Method::POST, "apio.call_centers.create", COLLECTION, &[])
            .validate(|| request.check())
            .json(request);
        Ok(self.scope.execute::<InstanceAnswer>(spec).await?.into())
    }

    /// Reads one call center by its service user id.
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) when it does not exist.
    pub async fn get(&self, service_user_id: impl AsRef<str>) -> Result<CallCenter> {
        let spec = self.scope.spec(
            Method::GET,
            "apio.call_centers.get",
            ITEM,
            &[service_user_id.as_ref()],
        );
        Ok(self.scope.execute::<InstanceAnswer>(spec).await?.into())
    }

    /// Lists the group's call centers (the API answers the whole list at once).
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn list(&self) -> Result<Vec<CallCenterSummary>> {
        let spec = self
            .scope
            .spec(Method::GET, "apio.call_centers.list", COLLECTION, &[]);
        Ok(self.scope.execute::<ListAnswer>(spec).await?.call_centers)
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
            .scope
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
        Ok(self.scope.execute::<InstanceAnswer>(spec).await?.into())
    }

    /// Deletes a call center.
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn delete(&self, service_user_id: impl AsRef<str>) -> Result<()> {
        let spec = self.scope.spec(
            Method::DELETE,
            "apio.call_centers.delete",
            ITEM,
            &[service_user_id.as_ref()],
        );
        self.scope.send(spec).await
    }

    /// Activates or deactivates call centers, several at once.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) for an empty list
    /// (nothing sent); the server's answer otherwise.
    pub async fn set_active_status(&self, services: &[ActiveStatus]) -> Result<()> {
        #[derive(Serialize)]
        struct Body<'b> {
            services: &'b [ActiveStatus],
        }
        let spec = self
            .scope
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
        self.scope.send(spec).await
    }
}
