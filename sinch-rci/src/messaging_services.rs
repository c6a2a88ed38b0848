//! Messaging services (`/messagingServices`): connections to Facebook, Twilio and the
//! like, and the credentials they use (`/messagingServices/{messagingServiceId}/authentications`).

use serde::{Deserialize, Serialize};

use sdk_core::model::{Secret, UnknownFields, check_required};
use sdk_core::{Method, Result};

use crate::common::{WithId, list_all, post_for_id, required, search_query};

const SERVICES: &str = "/messagingServices";
const SERVICE: &str = "/messagingServices/{messagingServiceId}";
const AUTHS: &str = "/messagingServices/{messagingServiceId}/authentications";
const AUTH: &str = "/messagingServices/{messagingServiceId}/authentications/{id}";

sdk_core::id_type! {
    /// The id of a messaging service: 32 hexadecimal characters in either case (see [ids](crate#ids)).
    pub struct MessagingServiceId;
}

sdk_core::id_type! {
    /// The id of a messaging service's authentication record: 32 hexadecimal characters in
    /// either case (see [ids](crate#ids)); not its `authenticationId`, which is a login
    /// name.
    pub struct AuthenticationRecordId;
}

sdk_core::string_enum! {
    /// The kind of messaging service (`type`).
    pub enum MessagingServiceType {
        /// Facebook.
        Facebook = "facebook",
        /// Twilio (SMS).
        Twilio = "twilio",
        /// SAP 365.
        Sap365 = "sap365",
        /// YaaS.
        Yaas = "yaas",
    }
}

/// A messaging service (every field but the id may be absent from a list).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessagingService {
    /// The id, assigned by the system.
    pub id: MessagingServiceId,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The kind of service.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub service_type: Option<MessagingServiceType>,
    /// Where the service is reached (a URL in the examples).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connection: Option<String>,
    /// The authentication scope.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authentication_scope: Option<String>,
    /// The authentication URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authentication_url: Option<String>,
    /// Fields the SDK does not name, kept as the server sent them (sent back by an update
    /// built from this value).
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

sdk_core::listed!(MessagingService);

/// The body of [`MessagingServices::create`] and [`MessagingServices::update`] (an update
/// replaces the service).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessagingServiceRequest {
    /// The kind of service (required).
    #[serde(rename = "type")]
    pub service_type: MessagingServiceType,
    /// The name (required).
    pub name: String,
    /// Where the service is reached (required).
    pub connection: String,
    /// The authentication scope.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authentication_scope: Option<String>,
    /// The authentication URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authentication_url: Option<String>,
    /// Fields the SDK does not name, carried over from the model this request was built
    /// from (`from_messaging_service`) so that the update keeps them; empty otherwise.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

impl MessagingServiceRequest {
    /// A service with its three required fields.
    pub fn new(
        service_type: MessagingServiceType,
        name: impl Into<String>,
        connection: impl Into<String>,
    ) -> Self {
        MessagingServiceRequest {
            service_type,
            name: name.into(),
            connection: connection.into(),
            authentication_scope: None,
            authentication_url: None,
            unknown_fields: UnknownFields::default(),
        }
    }

    /// The request that recreates `service` as it is, the fields the SDK does not name
    /// included, to change a field and [`update`](MessagingServices::update) (an update
    /// replaces the service).
    ///
    /// ```
    /// use sinch_rci::messaging_services::{MessagingService, MessagingServiceRequest};
    ///
    /// let service: MessagingService = serde_json::from_str(
    ///     r#"{"id": "D6A3A0B1C2D34E5F8A9B0C1D2E3F4A5B", "name": "Twilio SMS", "type": "twilio",
    ///         "connection": "https://serviceaddress/", "webhook": "https://hooks/"}"#,
    /// )?;
    /// let mut change = MessagingServiceRequest::from_messaging_service(&service)?;
    /// change.connection = "https://serviceaddress2/".into();
    /// // `client.messaging_services().update(&service.id, &change)` sends `webhook` back.
    /// assert_eq!(change.unknown_fields.get("webhook"), Some(&serde_json::json!("https://hooks/")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) naming `type`,
    /// `name` or `connection` when `service` lacks it.
    pub fn from_messaging_service(service: &MessagingService) -> Result<Self> {
        Ok(MessagingServiceRequest {
            service_type: required("type", &service.service_type)?,
            name: required("name", &service.name)?,
            connection: required("connection", &service.connection)?,
            authentication_scope: service.authentication_scope.clone(),
            authentication_url: service.authentication_url.clone(),
            unknown_fields: service.unknown_fields.clone(),
        })
    }

    fn check(&self) -> Result<()> {
        check_required("name", &self.name)?;
        check_required("connection", &self.connection)
    }
}

sdk_core::setters!(MessagingServiceRequest {
    /// Sets the authentication scope.
    authentication_scope: String,
    /// Sets the authentication URL.
    authentication_url: String,
});

search_query! {
    /// The search and sort of [`MessagingServices::list`]. Default order: name.
    sortable MessagingServiceQuery {
        id => "id",
        service_type => "type",
    }
}

sdk_core::scope_type! {
    /// Messaging services: `/messagingServices`.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// let services = client.messaging_services();
    /// let service = services.get("B8F0CA9CFC0411D3A2230050DA29E0F4").await?;
    /// println!("{:?} {:?}", service.service_type, service.connection);
    /// # Ok(()) }
    /// ```
    MessagingServices
}

impl MessagingServices<'_> {
    /// Lists messaging services, `limit` (100 by default) per request.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// use sinch_rci::messaging_services::MessagingServiceQuery;
    ///
    /// let twilio = MessagingServiceQuery::new().service_type("twilio");
    /// for service in client.messaging_services().list(&twilio).collect_all().await? {
    ///     println!("{} {:?}", service.id, service.name);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self, query: &MessagingServiceQuery) -> sdk_core::Paginator<MessagingService> {
        let spec = self
            .0
            .spec(Method::GET, "rci.messaging_services.list", SERVICES, &[]);
        self.0.paginator(query.apply(spec))
    }

    /// Creates a messaging service and returns its id.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) for an empty name or
    /// connection, before anything is sent.
    pub async fn create(&self, service: &MessagingServiceRequest) -> Result<MessagingServiceId> {
        let spec = self
            .0
            .spec(Method::POST, "rci.messaging_services.create", SERVICES, &[])
            .validate(|| service.check());
        post_for_id(&self.0, spec, "messagingService", service).await
    }

    /// Reads a messaging service.
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) for an unknown id.
    pub async fn get(&self, messaging_service_id: impl AsRef<str>) -> Result<MessagingService> {
        let spec = self.0.spec(
            Method::GET,
            "rci.messaging_services.get",
            SERVICE,
            &[messaging_service_id.as_ref()],
        );
        self.0.execute(spec).await
    }

    /// Replaces a messaging service (the body carries the id as well).
    ///
    /// # Errors
    ///
    /// As [`create`](Self::create).
    pub async fn update(
        &self,
        messaging_service_id: impl AsRef<str>,
        service: &MessagingServiceRequest,
    ) -> Result<()> {
        let id = messaging_service_id.as_ref();
        let spec = self
            .0
            .spec(Method::PUT, "rci.messaging_services.update", SERVICE, &[id])
            .validate(|| service.check());
        self.0
            .send(
                self.0
                    .body(spec, "messagingService", &WithId { id, body: service }),
            )
            .await
    }

    /// Deletes a messaging service.
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn delete(&self, messaging_service_id: impl AsRef<str>) -> Result<()> {
        let spec = self.0.spec(
            Method::DELETE,
            "rci.messaging_services.delete",
            SERVICE,
            &[messaging_service_id.as_ref()],
        );
        self.0.send(spec).await
    }
}

sdk_core::scope_type! {
    /// One messaging service: `/messagingServices/{messagingServiceId}`, for its
    /// credentials.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// let service = client.messaging_service("B8F0CA9CFC0411D3A2230050DA29E0F4");
    /// for record in service.authentications().list().await? {
    ///     println!("{} {:?}", record.id, record.authentication_id);
    /// }
    /// # Ok(()) }
    /// ```
    MessagingServiceScope
}

impl<'a> MessagingServiceScope<'a> {
    /// The service's authentication records: `/authentications`.
    pub fn authentications(&self) -> Authentications<'a> {
        Authentications(self.0.clone())
    }
}

/// An authentication record of a messaging service. The password is write-only in
/// practice (no example answers it); when a server sends it, it is kept as a [`Secret`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Authentication {
    /// The record's id.
    pub id: AuthenticationRecordId,
    /// The login name (at most 512 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authentication_id: Option<String>,
    /// The password, if the server shows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<Secret>,
    /// Fields the SDK does not name, kept as the server sent them (sent back by an update
    /// built from this value).
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

/// The body of [`Authentications::create`] and [`Authentications::update`] (an update
/// replaces the record: send the password again). `Debug` never shows the password.
///
/// ```
/// use sinch_rci::messaging_services::AuthenticationRequest;
///
/// let login = AuthenticationRequest::new("my_login_id", "zzzxxxx");
/// assert!(!format!("{login:?}").contains("zzzxxxx"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AuthenticationRequest {
    /// The login name. The service accepts at most 512 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authentication_id: Option<String>,
    /// The password.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<Secret>,
    /// Fields the SDK does not name, carried over from the model this request was built
    /// from (`from_authentication`) so that the update keeps them; empty otherwise.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

impl AuthenticationRequest {
    /// A login name and its password.
    pub fn new(authentication_id: impl Into<String>, password: impl Into<Secret>) -> Self {
        AuthenticationRequest {
            authentication_id: Some(authentication_id.into()),
            password: Some(password.into()),
            unknown_fields: UnknownFields::default(),
        }
    }

    /// The request that recreates `auth` as it is, the fields the SDK does not name
    /// included, to [`update`](Authentications::update) it (an update replaces the
    /// record). The password is carried over only when the server showed it: set it again
    /// otherwise.
    ///
    /// ```
    /// use sinch_rci::messaging_services::{Authentication, AuthenticationRequest};
    ///
    /// let auth: Authentication = serde_json::from_str(
    ///     r#"{"id": "A1B2C3D4E5F60718293A4B5C6D7E8F90", "authenticationId": "my_login_id",
    ///         "expires": "2030-01-01"}"#,
    /// )?;
    /// let mut change = AuthenticationRequest::from_authentication(&auth);
    /// change.password = Some("new-password".into());
    /// assert_eq!(change.unknown_fields.get("expires"), Some(&serde_json::json!("2030-01-01")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_authentication(auth: &Authentication) -> Self {
        AuthenticationRequest {
            authentication_id: auth.authentication_id.clone(),
            password: auth.password.clone(),
            unknown_fields: auth.unknown_fields.clone(),
        }
    }
}

sdk_core::scope_type! {
    /// The authentication records of a messaging service:
    /// `/messagingServices/{messagingServiceId}/authentications`.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// use sinch_rci::messaging_services::AuthenticationRequest;
    ///
    /// let service = client.messaging_service("B8F0CA9CFC0411D3A2230050DA29E0F4");
    /// let records = service.authentications();
    /// let id = records.create(&AuthenticationRequest::new("AC1234", "s3cret")).await?;
    /// println!("created {id}");
    /// # Ok(()) }
    /// ```
    Authentications
}

impl Authentications<'_> {
    /// The service's authentication records (the whole list: not paged).
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn list(&self) -> Result<Vec<Authentication>> {
        let spec = self.0.spec(
            Method::GET,
            "rci.messaging_services.authentications.list",
            AUTHS,
            &[],
        );
        list_all(&self.0, spec).await
    }

    /// Adds an authentication record and returns its id. Both fields are optional and sent
    /// as given (the service's limit of 512 characters on the login name is its own to
    /// apply).
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn create(&self, auth: &AuthenticationRequest) -> Result<AuthenticationRecordId> {
        let spec = self.0.spec(
            Method::POST,
            "rci.messaging_services.authentications.create",
            AUTHS,
            &[],
        );
        post_for_id(&self.0, spec, "authentication", auth).await
    }

    /// Reads an authentication record (by its record id, not its login name).
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) for an unknown id.
    pub async fn get(&self, record_id: impl AsRef<str>) -> Result<Authentication> {
        let spec = self.0.spec(
            Method::GET,
            "rci.messaging_services.authentications.get",
            AUTH,
            &[record_id.as_ref()],
        );
        self.0.execute(spec).await
    }

    /// Replaces an authentication record (the body carries the id as well).
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn update(
        &self,
        record_id: impl AsRef<str>,
        auth: &AuthenticationRequest,
    ) -> Result<()> {
        let id = record_id.as_ref();
        let spec = self.0.spec(
            Method::PUT,
            "rci.messaging_services.authentications.update",
            AUTH,
            &[id],
        );
        self.0
            .send(
                self.0
                    .body(spec, "authentication", &WithId { id, body: auth }),
            )
            .await
    }

    /// Deletes an authentication record.
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn delete(&self, record_id: impl AsRef<str>) -> Result<()> {
        let spec = self.0.spec(
            Method::DELETE,
            "rci.messaging_services.authentications.delete",
            AUTH,
            &[record_id.as_ref()],
        );
        self.0.send(spec).await
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use crate::sim::{entity, searchable};
    use sdk_core::sim::ListStyle;
    let api = api
        .resource(entity("messaging_services", SERVICES).required(&["type", "name", "connection"]))
        .resource(entity("authentications", AUTHS).write_only(&["password"]));
    let api = searchable(
        api,
        "messaging_services",
        SERVICES,
        ListStyle::OffsetLimit,
        &[],
    );
    searchable(api, "authentications", AUTHS, ListStyle::BareArray, &[])
}
