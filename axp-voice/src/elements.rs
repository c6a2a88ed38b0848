//! Avaya Cloud Office and Microsoft Teams elements: `/aco-elements` and
//! `/msteams-elements`.
//!
//! Both answer create and update with `202 Accepted` and the element, whose `status`
//! moves from `IN_PROGRESS` to `SUCCESS` or `FAILED`; the handle polls the element's GET
//! only when the 202 body's status is not already terminal. Deletes answer 204 at once.

use serde::{Deserialize, Serialize};

use sdk_core::model::{UnknownFields, check_required};
use sdk_core::{Accepted, Error, Method, RequestSpec, Result, Scope};

use crate::common::{ResourceStatus, answered_id, classify_resource};

sdk_core::id_type! {
    /// The id of an ACO or Microsoft Teams element (`elementId`).
    pub struct ElementId;
}

sdk_core::string_enum! {
    /// The kind of element (`elementType`).
    pub enum ElementType {
        /// Avaya Cloud Office.
        Aco = "ACO",
        /// Microsoft Teams.
        MsTeams = "MSTeams",
    }
}

/// An ACO or Microsoft Teams element as the server answers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Element {
    /// The element's id.
    pub element_id: ElementId,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The element's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The ACO environment, such as `Production` (ACO only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub environment: Option<String>,
    /// The Microsoft Teams domain, such as `exchange.com` (Teams only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    /// The DID numbers, E.164.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub did_numbers: Vec<String>,
    /// `ACO` or `MSTeams`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub element_type: Option<ElementType>,
    /// Where its configuration stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ResourceStatus>,
    /// Fields the SDK does not name, kept as the server sent them (sent back by an update
    /// built from this value).
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

/// The body of an element create or update (an update replaces the element: a field left
/// out is removed).
///
/// ```
/// use axp_voice::elements::ElementRequest;
///
/// let aco = ElementRequest::aco("Avaya Cloud Office", "Production", ["+16062128688"])
///     .description("Main office");
/// let teams = ElementRequest::msteams("MS Teams Server", "exchange.com", ["+12702289911"]);
/// # let _ = (aco, teams);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ElementRequest {
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The element's name (required).
    pub name: String,
    /// The ACO environment, such as `Production` (required for ACO elements; the document
    /// does not list its values).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub environment: Option<String>,
    /// The Microsoft Teams domain, such as `exchange.com` (required for Teams elements).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    /// The DID numbers (required: at least one). The document gives them in E.164 form
    /// (`+16062128688`) and states no count; they are sent as given and the service judges
    /// them.
    pub did_numbers: Vec<String>,
    /// Fields of the read resource that the SDK does not name, sent back as they came: filled
    /// when this body is built from a read [`Element`], empty otherwise.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

impl ElementRequest {
    /// An Avaya Cloud Office element.
    pub fn aco<I, S>(
        name: impl Into<String>,
        environment: impl Into<String>,
        did_numbers: I,
    ) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        ElementRequest {
            description: None,
            name: name.into(),
            environment: Some(environment.into()),
            domain: None,
            did_numbers: did_numbers.into_iter().map(Into::into).collect(),
            unknown_fields: UnknownFields::new(),
        }
    }

    /// A Microsoft Teams element.
    pub fn msteams<I, S>(name: impl Into<String>, domain: impl Into<String>, did_numbers: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        ElementRequest {
            description: None,
            name: name.into(),
            environment: None,
            domain: Some(domain.into()),
            did_numbers: did_numbers.into_iter().map(Into::into).collect(),
            unknown_fields: UnknownFields::new(),
        }
    }

    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// The fields the document requires, present and not empty; the numbers' form is the
    /// service's to judge.
    fn check(&self, kind: Kind) -> Result<()> {
        check_required("name", &self.name)?;
        let (field, value) = match kind {
            Kind::Aco => ("environment", &self.environment),
            Kind::MsTeams => ("domain", &self.domain),
        };
        check_required(field, value.as_deref().unwrap_or(""))?;
        if self.did_numbers.is_empty() {
            return Err(Error::invalid_input(
                "didNumbers",
                "at least one number is required",
            ));
        }
        self.did_numbers
            .iter()
            .enumerate()
            .try_for_each(|(i, n)| check_required(&format!("didNumbers[{i}]"), n))
    }
}

impl From<&Element> for ElementRequest {
    /// The element as an update body, to change a field and send it back: every field it
    /// names but its id, type and status, and the fields the SDK does not name. An element
    /// read without a name gives a body whose update is refused before sending.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::elements::ElementRequest;
    ///
    /// let elements = client.account("ABCDEF").aco_elements();
    /// let element = elements.get("ce8042a2").await?;
    /// let mut update = ElementRequest::from(&element).description("Main office");
    /// update.did_numbers.push("+12702289911".into());
    /// elements.update(&element.element_id, &update).await?.wait().await?;
    /// # Ok(()) }
    /// ```
    fn from(element: &Element) -> Self {
        ElementRequest {
            description: element.description.clone(),
            name: element.name.clone().unwrap_or_default(),
            environment: element.environment.clone(),
            domain: element.domain.clone(),
            did_numbers: element.did_numbers.clone(),
            unknown_fields: element.unknown_fields.clone(),
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Kind {
    Aco,
    MsTeams,
}

const ACO_COLLECTION: &str = "/accounts/{accountId}/aco-elements";
const ACO_ITEM: &str = "/accounts/{accountId}/aco-elements/{elementId}";
const MSTEAMS_COLLECTION: &str = "/accounts/{accountId}/msteams-elements";
const MSTEAMS_ITEM: &str = "/accounts/{accountId}/msteams-elements/{elementId}";

fn classify(e: &Element) -> sdk_core::PollStatus {
    let message = e.unknown_fields.failure_message(None);
    classify_resource(e.status.as_ref(), message.as_deref())
}

/// Sends `spec` (a create or update, answered 202 with the element) and returns the
/// handle that polls `GET item_template` for the element, seeded with the answer.
async fn accepted_element(
    scope: &Scope<'_>,
    spec: RequestSpec,
    get_op: &'static str,
    item_template: &str,
) -> Result<Accepted<Element, Element>> {
    let op = spec.operation();
    let element: Element = scope.execute(spec).await?;
    let id = answered_id(op, Some(element.element_id.as_str()), || {
        "the answer's elementId is empty".to_owned()
    })?;
    let poller = scope
        .poller(get_op, item_template, &[&id], classify)
        .seeded(element.clone());
    Ok(Accepted::new(element, Some(id), poller))
}

sdk_core::scope_type! {
    /// Avaya Cloud Office elements of an account.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// let elements = client.account("ABCDEF").aco_elements();
    /// let element = elements.get("ce8042a2").await?;
    /// println!("{:?} {:?} {:?}", element.name, element.did_numbers, element.status);
    /// # Ok(()) }
    /// ```
    AcoElements
}

sdk_core::scope_type! {
    /// Microsoft Teams elements of an account.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// let elements = client.account("ABCDEF").msteams_elements();
    /// let element = elements.get("ce8042a2").await?;
    /// println!("{:?} {:?} {:?}", element.domain, element.did_numbers, element.status);
    /// # Ok(()) }
    /// ```
    MsTeamsElements
}

impl AcoElements<'_> {
    /// Creates an Avaya Cloud Office element. Answers 202 with the element; `.wait()` on the handle
    /// polls its GET until `SUCCESS` (or fails with the `FAILED` status, the server's
    /// `statusMessage` in [`Error::vendor_message`]), unless the answer's status is already
    /// terminal.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::elements::ElementRequest;
    ///
    /// let request = ElementRequest::aco("Avaya Cloud Office", "Production", ["+16062128688"]);
    /// let elements = client.account("ABCDEF").aco_elements();
    /// let element = elements.create(&request).await?.wait().await?;
    /// println!("{} {:?}", element.element_id, element.status);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) naming the field (an
    /// empty name or environment, no number or an empty one) before anything is sent; the
    /// server's answer otherwise, such as its refusal of a number that is not E.164.
    pub async fn create(&self, request: &ElementRequest) -> Result<Accepted<Element, Element>> {
        let spec = self
            .0
            .spec(Method::POST, "axp.aco_elements.create", ACO_COLLECTION, &[])
            .validate(|| request.check(Kind::Aco))
            .json(request);
        accepted_element(&self.0, spec, "axp.aco_elements.get", ACO_ITEM).await
    }

    /// Replaces an Avaya Cloud Office element (fields left out are removed); polled like a create.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::elements::ElementRequest;
    ///
    /// let numbers = ["+16062128688", "+12702289911"];
    /// let request = ElementRequest::aco("Avaya Cloud Office", "Production", numbers)
    ///     .description("Main office");
    /// let elements = client.account("ABCDEF").aco_elements();
    /// let element = elements.update("ce8042a2", &request).await?.wait().await?;
    /// println!("{:?}", element.did_numbers);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// As [`create`](Self::create).
    pub async fn update(
        &self,
        element_id: impl AsRef<str>,
        request: &ElementRequest,
    ) -> Result<Accepted<Element, Element>> {
        let spec = self
            .0
            .spec(
                Method::PUT,
                "axp.aco_elements.update",
                ACO_ITEM,
                &[element_id.as_ref()],
            )
            .validate(|| request.check(Kind::Aco))
            .json(request);
        accepted_element(&self.0, spec, "axp.aco_elements.get", ACO_ITEM).await
    }

    /// Reads an Avaya Cloud Office element.
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) once it is deleted.
    pub async fn get(&self, element_id: impl AsRef<str>) -> Result<Element> {
        let spec = self.0.spec(
            Method::GET,
            "axp.aco_elements.get",
            ACO_ITEM,
            &[element_id.as_ref()],
        );
        self.0.execute(spec).await
    }

    /// Deletes an Avaya Cloud Office element (answered 204 at once).
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn delete(&self, element_id: impl AsRef<str>) -> Result<()> {
        let spec = self.0.spec(
            Method::DELETE,
            "axp.aco_elements.delete",
            ACO_ITEM,
            &[element_id.as_ref()],
        );
        self.0.send(spec).await
    }
}

impl MsTeamsElements<'_> {
    /// Creates a Microsoft Teams element. Answers 202 with the element; `.wait()` on the handle
    /// polls its GET until `SUCCESS` (or fails with the `FAILED` status, the server's
    /// `statusMessage` in [`Error::vendor_message`]), unless the answer's status is already
    /// terminal.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::elements::ElementRequest;
    ///
    /// let request = ElementRequest::msteams("MS Teams Server", "exchange.com", ["+12702289911"]);
    /// let elements = client.account("ABCDEF").msteams_elements();
    /// let element = elements.create(&request).await?.wait().await?;
    /// println!("{} {:?}", element.element_id, element.status);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) naming the field (an
    /// empty name or domain, no number or an empty one) before anything is sent; the
    /// server's answer otherwise, such as its refusal of a number that is not E.164.
    pub async fn create(&self, request: &ElementRequest) -> Result<Accepted<Element, Element>> {
        let spec = self
            .0
            .spec(
                Method::POST,
                "axp.msteams_elements.create",
                MSTEAMS_COLLECTION,
                &[],
            )
            .validate(|| request.check(Kind::MsTeams))
            .json(request);
        accepted_element(&self.0, spec, "axp.msteams_elements.get", MSTEAMS_ITEM).await
    }

    /// Replaces a Microsoft Teams element (fields left out are removed); polled like a create.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::elements::ElementRequest;
    ///
    /// let request = ElementRequest::msteams("MS Teams Server", "exchange.com", ["+12702289911"])
    ///     .description("Teams direct routing");
    /// let elements = client.account("ABCDEF").msteams_elements();
    /// let element = elements.update("ce8042a2", &request).await?.wait().await?;
    /// println!("{:?}", element.description);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// As [`create`](Self::create).
    pub async fn update(
        &self,
        element_id: impl AsRef<str>,
        request: &ElementRequest,
    ) -> Result<Accepted<Element, Element>> {
        let spec = self
            .0
            .spec(
                Method::PUT,
                "axp.msteams_elements.update",
                MSTEAMS_ITEM,
                &[element_id.as_ref()],
            )
            .validate(|| request.check(Kind::MsTeams))
            .json(request);
        accepted_element(&self.0, spec, "axp.msteams_elements.get", MSTEAMS_ITEM).await
    }

    /// Reads a Microsoft Teams element.
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) once it is deleted.
    pub async fn get(&self, element_id: impl AsRef<str>) -> Result<Element> {
        let spec = self.0.spec(
            Method::GET,
            "axp.msteams_elements.get",
            MSTEAMS_ITEM,
            &[element_id.as_ref()],
        );
        self.0.execute(spec).await
    }

    /// Deletes a Microsoft Teams element (answered 204 at once).
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn delete(&self, element_id: impl AsRef<str>) -> Result<()> {
        let spec = self.0.spec(
            Method::DELETE,
            "axp.msteams_elements.delete",
            MSTEAMS_ITEM,
            &[element_id.as_ref()],
        );
        self.0.send(spec).await
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use sdk_core::sim::{LongRunning, Resource, UpdateMode};
    let element = |name: &str, collection: &str, element_type: &str, required: &[&str]| {
        Resource::new(name, collection)
            .id_field("elementId")
            .required(required)
            .defaults(serde_json::json!({ "elementType": element_type }))
            .update(UpdateMode::Replace)
            .update_status(202)
            .long_running(LongRunning::new("status", "IN_PROGRESS", "SUCCESS", "FAILED").polls(2))
    };
    api.resource(element(
        "aco_elements",
        ACO_COLLECTION,
        "ACO",
        &["name", "environment", "didNumbers"],
    ))
    .resource(element(
        "msteams_elements",
        MSTEAMS_COLLECTION,
        "MSTeams",
        &["name", "domain", "didNumbers"],
    ))
}
