//! The entry type, [`RciClient`], its wire format, and the scopes that mirror the URL.

use sdk_core::{ClientBuilder, Format, Scope, Service, Transport};

use crate::common::RCI_CONVENTIONS;

/// The wire format of a client's bodies: what it sends (`Content-Type`) and asks for
/// (`Accept`). The RCI speaks both; the same model types serve either.
///
/// Creates always ask for `text/html` whatever the format: the RCI answers them with the
/// bare id of the new object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum WireFormat {
    /// `application/json` (the default).
    #[default]
    Json,
    /// `application/xml`, with the element names described in the [crate docs](crate#xml)
    /// (feature `xml`).
    #[cfg(feature = "xml")]
    #[cfg_attr(docsrs, doc(cfg(feature = "xml")))]
    Xml,
}

impl WireFormat {
    /// The `sdk-core` format of request and response bodies.
    pub fn format(self) -> Format {
        match self {
            WireFormat::Json => Format::Json,
            #[cfg(feature = "xml")]
            WireFormat::Xml => Format::Xml,
        }
    }
}

/// A client of the Sinch Contact Center Restful Configuration Interface (RCI).
///
/// Build one with [`RciClient::builder`]; it is cheap to clone and to share between tasks.
/// It speaks JSON unless told otherwise ([`with_format`](Self::with_format),
/// `xml` with the feature of that name). Calls go through scopes that mirror the URL:
/// `client.users()`, `client.user(id).skills()`, `client.queue(id).extensions()`.
#[derive(Debug, Clone)]
pub struct RciClient {
    transport: Transport,
    format: WireFormat,
}

impl Service for RciClient {
    const NAME: &'static str = "sinch-rci";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    /// Empty: the caller gives the deployment's whole RCI root (`https://host/RI/rci`).
    const BASE_PATH: &'static str = "";

    fn from_transport(transport: Transport) -> Self {
        RciClient {
            transport,
            format: WireFormat::Json,
        }
    }
}

impl RciClient {
    /// Starts a client. Give the deployment's RCI root in full as the base URL (the
    /// document's example is `http://<host>/RI/rci`; a hosted deployment may hand out
    /// another path) and choose the credentials explicitly: the document names no
    /// authentication scheme, so the builder refuses to guess (see the
    /// [crate docs](crate#authentication)).
    ///
    /// ```
    /// use sinch_rci::RciClient;
    ///
    /// let client = RciClient::builder()
    ///     .base_url("https://contact-center.example.com/RI/rci")
    ///     .basic("rci-admin", std::env::var("RCI_PASSWORD").unwrap_or_default())
    ///     .build()?;
    /// assert_eq!(client.transport().base_url().as_str(), "https://contact-center.example.com/RI/rci");
    ///
    /// // No credentials chosen: an error naming `auth`, not a stream of 401s.
    /// let err = RciClient::builder().base_url("https://cc.example.com/RI/rci").build().unwrap_err();
    /// assert_eq!(err.field(), Some("auth"));
    /// # Ok::<(), sdk_core::Error>(())
    /// ```
    pub fn builder() -> ClientBuilder<RciClient> {
        ClientBuilder::new()
    }

    /// The transport this client sends through.
    pub fn transport(&self) -> &Transport {
        &self.transport
    }

    /// The wire format of this client's bodies.
    pub fn format(&self) -> WireFormat {
        self.format
    }

    /// This client speaking `format`. Clones share the connection pool and the retry
    /// budget, so a JSON and an XML client of one deployment cost one pool.
    ///
    /// ```
    /// use sinch_rci::{RciClient, WireFormat};
    ///
    /// let json = RciClient::builder().base_url("https://cc.example.com/RI/rci").no_auth().build()?;
    /// assert_eq!(json.format(), WireFormat::Json);
    /// # #[cfg(feature = "xml")] {
    /// let xml = json.with_format(WireFormat::Xml); // feature `xml`
    /// assert_eq!(xml.format(), WireFormat::Xml);
    /// # }
    /// # Ok::<(), sdk_core::Error>(())
    /// ```
    pub fn with_format(&self, format: WireFormat) -> RciClient {
        RciClient {
            transport: self.transport.clone(),
            format,
        }
    }

    /// This client speaking XML (`application/xml`; feature `xml`).
    #[cfg(feature = "xml")]
    #[cfg_attr(docsrs, doc(cfg(feature = "xml")))]
    pub fn xml(&self) -> RciClient {
        self.with_format(WireFormat::Xml)
    }

    /// This client speaking JSON (`application/json`, the default).
    pub fn json(&self) -> RciClient {
        self.with_format(WireFormat::Json)
    }

    /// A scope below the parent ids `parents`, in this client's wire format.
    fn scope(&self, parents: Vec<String>) -> Scope<'_> {
        Scope::new(&self.transport, RCI_CONVENTIONS, parents).with_format(self.format.format())
    }

    /// Users: `/users`.
    pub fn users(&self) -> crate::users::Users<'_> {
        crate::users::Users(self.scope(Vec::new()))
    }

    /// One user, for the resources below it (`/users/{userId}`): its user groups, roles,
    /// certificates and skills.
    pub fn user(&self, user_id: impl AsRef<str>) -> crate::users::UserScope<'_> {
        crate::users::UserScope(self.scope(vec![user_id.as_ref().to_owned()]))
    }

    /// User groups: `/userGroups`.
    pub fn user_groups(&self) -> crate::user_groups::UserGroups<'_> {
        crate::user_groups::UserGroups(self.scope(Vec::new()))
    }

    /// One user group, for its members (`/userGroups/{userGroupId}`).
    pub fn user_group(
        &self,
        user_group_id: impl AsRef<str>,
    ) -> crate::user_groups::UserGroupScope<'_> {
        crate::user_groups::UserGroupScope(self.scope(vec![user_group_id.as_ref().to_owned()]))
    }

    /// Queues: `/queues`.
    pub fn queues(&self) -> crate::queues::Queues<'_> {
        crate::queues::Queues(self.scope(Vec::new()))
    }

    /// One queue, for the resources below it (`/queues/{queueId}`): its extensions, queue
    /// groups and attributes.
    pub fn queue(&self, queue_id: impl AsRef<str>) -> crate::queues::QueueScope<'_> {
        crate::queues::QueueScope(self.scope(vec![queue_id.as_ref().to_owned()]))
    }

    /// Queue groups: `/queueGroups`.
    pub fn queue_groups(&self) -> crate::queue_groups::QueueGroups<'_> {
        crate::queue_groups::QueueGroups(self.scope(Vec::new()))
    }

    /// One queue group, for its queues and attributes (`/queueGroups/{queueGroupId}`).
    pub fn queue_group(
        &self,
        queue_group_id: impl AsRef<str>,
    ) -> crate::queue_groups::QueueGroupScope<'_> {
        crate::queue_groups::QueueGroupScope(self.scope(vec![queue_group_id.as_ref().to_owned()]))
    }

    /// Roles: `/roles`.
    pub fn roles(&self) -> crate::roles::Roles<'_> {
        crate::roles::Roles(self.scope(Vec::new()))
    }

    /// One role, for its users (`/roles/{roleId}`).
    pub fn role(&self, role_id: impl AsRef<str>) -> crate::roles::RoleScope<'_> {
        crate::roles::RoleScope(self.scope(vec![role_id.as_ref().to_owned()]))
    }

    /// Skills: `/skills`.
    pub fn skills(&self) -> crate::skills::Skills<'_> {
        crate::skills::Skills(self.scope(Vec::new()))
    }

    /// Time zones: `/timeZones` (read-only; ids are IANA names).
    pub fn time_zones(&self) -> crate::time_zones::TimeZones<'_> {
        crate::time_zones::TimeZones(self.scope(Vec::new()))
    }

    /// Presence profiles: `/prsProfiles` (read-only).
    pub fn prs_profiles(&self) -> crate::prs_profiles::PrsProfiles<'_> {
        crate::prs_profiles::PrsProfiles(self.scope(Vec::new()))
    }

    /// Messaging services: `/messagingServices`.
    pub fn messaging_services(&self) -> crate::messaging_services::MessagingServices<'_> {
        crate::messaging_services::MessagingServices(self.scope(Vec::new()))
    }

    /// One messaging service, for its authentication records
    /// (`/messagingServices/{messagingServiceId}`).
    pub fn messaging_service(
        &self,
        messaging_service_id: impl AsRef<str>,
    ) -> crate::messaging_services::MessagingServiceScope<'_> {
        crate::messaging_services::MessagingServiceScope(
            self.scope(vec![messaging_service_id.as_ref().to_owned()]),
        )
    }

    /// Reply templates: `/replyTemplates` (read-only).
    pub fn reply_templates(&self) -> crate::reply_templates::ReplyTemplates<'_> {
        crate::reply_templates::ReplyTemplates(self.scope(Vec::new()))
    }

    /// One reply template, for its attachments (`/replyTemplates/{replyTemplateId}`).
    pub fn reply_template(
        &self,
        reply_template_id: impl AsRef<str>,
    ) -> crate::reply_templates::ReplyTemplateScope<'_> {
        crate::reply_templates::ReplyTemplateScope(
            self.scope(vec![reply_template_id.as_ref().to_owned()]),
        )
    }

    /// Custom IVRs: `/customIvrs` (read-only apart from their attributes).
    pub fn custom_ivrs(&self) -> crate::custom_ivrs::CustomIvrs<'_> {
        crate::custom_ivrs::CustomIvrs(self.scope(Vec::new()))
    }

    /// One custom IVR, for its source code and attributes (`/customIvrs/{customIvrId}`).
    pub fn custom_ivr(
        &self,
        custom_ivr_id: impl AsRef<str>,
    ) -> crate::custom_ivrs::CustomIvrScope<'_> {
        crate::custom_ivrs::CustomIvrScope(self.scope(vec![custom_ivr_id.as_ref().to_owned()]))
    }

    /// Audio prompts: `/audioPrompts` (read-only metadata).
    pub fn audio_prompts(&self) -> crate::audio_prompts::AudioPrompts<'_> {
        crate::audio_prompts::AudioPrompts(self.scope(Vec::new()))
    }

    /// Contact-panel extensions: `/cpExtensions` (read-only).
    pub fn cp_extensions(&self) -> crate::cp_extensions::CpExtensions<'_> {
        crate::cp_extensions::CpExtensions(self.scope(Vec::new()))
    }

    /// Disruption sets: `/disruptionSets` (read-only).
    pub fn disruption_sets(&self) -> crate::disruption_sets::DisruptionSets<'_> {
        crate::disruption_sets::DisruptionSets(self.scope(Vec::new()))
    }

    /// One disruption set, for its events and items (`/disruptionSets/{disruptionSetId}`).
    pub fn disruption_set(
        &self,
        disruption_set_id: impl AsRef<str>,
    ) -> crate::disruption_sets::DisruptionSetScope<'_> {
        crate::disruption_sets::DisruptionSetScope(
            self.scope(vec![disruption_set_id.as_ref().to_owned()]),
        )
    }
}
