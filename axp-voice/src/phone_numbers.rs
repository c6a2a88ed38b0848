//! Phone numbers (`/phone-numbers`, with the custom methods `:list`, `:validate` and
//! `:getByPhoneNumbers`) and the search of numbers that can be added
//! (`/available-phone-numbers`).
//!
//! Adding or updating a number answers 202 with the number in status `INPROGRESS` (spelled
//! without the underscore of the other resources). It ends `ACTIVE`, or `INACTIVE` when the
//! carrier needs documents first: both are terminal, so [`Accepted::wait`] returns the number
//! and [`PhoneNumber::needs_action`] tells them apart. `DISABLED` ends the wait as a failure.

use serde::{Deserialize, Serialize};

use sdk_core::ensure::{Change, Desired, Ensure, Field};
use sdk_core::model::{UnknownFields, check_required};
use sdk_core::{Accepted, Error, Method, Paginator, PollStatus, RequestSpec, Result, Scope};

use crate::common::{answered_id, classify};

const COLLECTION: &str = "/accounts/{accountId}/phone-numbers";
const ITEM: &str = "/accounts/{accountId}/phone-numbers/{phoneNumberId}";
const LIST: &str = "/accounts/{accountId}/phone-numbers:list";
const VALIDATE: &str = "/accounts/{accountId}/phone-numbers:validate";
const BY_NUMBERS: &str = "/accounts/{accountId}/phone-numbers:getByPhoneNumbers";
const AVAILABLE: &str = "/accounts/{accountId}/available-phone-numbers";

sdk_core::id_type! {
    /// The id of a phone number (`phoneNumberId`).
    pub struct PhoneNumberId;
}

sdk_core::string_enum! {
    /// The status of a phone number.
    pub enum PhoneNumberStatus {
        /// Being added (the document spells it without an underscore).
        InProgress = "INPROGRESS",
        /// Usable.
        Active = "ACTIVE",
        /// Added, but waiting for documents: see `statusMessage`.
        Inactive = "INACTIVE",
        /// Disabled; left out of `:list` and `:getByPhoneNumbers`.
        Disabled = "DISABLED",
    }
}

sdk_core::string_enum! {
    /// The kind of number.
    pub enum NumberType {
        /// Not known yet (the 202 answer of an add).
        NotYetKnown = "UNKNOWN",
        /// A local number.
        Local = "LOCAL",
        /// A toll-free number.
        TollFree = "TOLLFREE",
    }
}

/// A phone number of the account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PhoneNumber {
    /// The number's id.
    pub phone_number_id: PhoneNumberId,
    /// The number, E.164.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    /// The display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// Whether it may be presented as the calling party number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_calling_party_number: Option<bool>,
    /// ISO 3166-1 alpha-2 country code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    /// The kind of number.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<NumberType>,
    /// The account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    /// The status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<PhoneNumberStatus>,
    /// Why the number is not active, when it is not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_message: Option<String>,
    /// The preferred media location, such as `US-LA`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_media_location: Option<String>,
    /// Fields the SDK does not name, kept as the server sent them (sent back by an update
    /// built from this value).
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

impl PhoneNumber {
    /// `true` for a number that was added but needs someone to act (status `INACTIVE`:
    /// documents to send, as `status_message` says).
    pub fn needs_action(&self) -> bool {
        self.status == Some(PhoneNumberStatus::Inactive)
    }
}

fn classify_number(n: &PhoneNumber) -> PollStatus {
    let message = n
        .unknown_fields
        .failure_message(n.status_message.as_deref());
    classify(
        n.status.as_ref().map(PhoneNumberStatus::as_str),
        message.as_deref(),
        &["ACTIVE", "INACTIVE"],
        &["DISABLED"],
    )
}

/// The body of [`PhoneNumbers::create`].
///
/// ```
/// use axp_voice::phone_numbers::NewPhoneNumber;
///
/// let n = NewPhoneNumber::new("+16479308804", "Toll Free number", "US").calling_party_number(true);
/// # let _ = n;
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct NewPhoneNumber {
    /// The number (required), one found by the available-numbers search. The document
    /// gives it in E.164 form (`+16479308804`); it is sent as given and the service judges
    /// it.
    pub phone_number: String,
    /// A display name (required); the document recommends a purposeful one, such as
    /// `Toll Free number`, and states no length.
    pub display_name: String,
    /// The country (required): an ISO 3166-1 alpha-2 code such as `US` in the document,
    /// left to the service to judge.
    pub country_code: String,
    /// Whether it may be presented as the calling party number.
    pub is_calling_party_number: bool,
}

impl NewPhoneNumber {
    /// A number to add, not used as calling party number.
    pub fn new(
        phone_number: impl Into<String>,
        display_name: impl Into<String>,
        country_code: impl Into<String>,
    ) -> Self {
        NewPhoneNumber {
            phone_number: phone_number.into(),
            display_name: display_name.into(),
            country_code: country_code.into(),
            is_calling_party_number: false,
        }
    }

    /// Sets whether it may be presented as the calling party number.
    pub fn calling_party_number(mut self, yes: bool) -> Self {
        self.is_calling_party_number = yes;
        self
    }

    /// The three required texts, present and not empty; their forms (E.164, ISO 3166-1)
    /// are the service's to judge.
    fn check(&self) -> Result<()> {
        check_required("phoneNumber", &self.phone_number)?;
        check_required("displayName", &self.display_name)?;
        check_required("countryCode", &self.country_code)
    }
}

/// The body of [`PhoneNumbers::update`]: a replacement (a field left out is cleared).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PhoneNumberUpdate {
    /// A display name (required: the update replaces the number's settings).
    pub display_name: String,
    /// Whether it may be presented as the calling party number.
    pub is_calling_party_number: bool,
    /// The preferred media location, such as `US-LA` (the document does not list the
    /// values; left out, the update presumably clears it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_media_location: Option<String>,
    /// Fields of the read resource that the SDK does not name, sent back as they came: filled
    /// when this body is built from a read [`PhoneNumber`], empty otherwise.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

impl PhoneNumberUpdate {
    /// A replacement with a display name.
    pub fn new(display_name: impl Into<String>, is_calling_party_number: bool) -> Self {
        PhoneNumberUpdate {
            display_name: display_name.into(),
            is_calling_party_number,
            preferred_media_location: None,
            unknown_fields: UnknownFields::new(),
        }
    }

    /// Sets the preferred media location.
    pub fn preferred_media_location(mut self, location: impl Into<String>) -> Self {
        self.preferred_media_location = Some(location.into());
        self
    }
}

impl From<&PhoneNumber> for PhoneNumberUpdate {
    /// The number's settings as an update body, to change one and send them back: the
    /// display name, calling-party flag and preferred media location, and the fields the
    /// SDK does not name. A number read without a display name gives a body whose update
    /// is refused before sending.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::phone_numbers::PhoneNumberUpdate;
    ///
    /// let numbers = client.account("ABCDEF").phone_numbers();
    /// let number = numbers.get("5e9be49a").await?;
    /// let update = PhoneNumberUpdate::from(&number).preferred_media_location("US-LA");
    /// numbers.update(&number.phone_number_id, &update).await?.wait().await?;
    /// # Ok(()) }
    /// ```
    fn from(number: &PhoneNumber) -> Self {
        PhoneNumberUpdate {
            display_name: number.display_name.clone().unwrap_or_default(),
            is_calling_party_number: number.is_calling_party_number.unwrap_or(false),
            preferred_media_location: number.preferred_media_location.clone(),
            unknown_fields: number.unknown_fields.clone(),
        }
    }
}

/// One id of a [`Validation`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ValidatedId {
    /// The phone number id.
    pub id: PhoneNumberId,
    /// Why it is invalid (invalid ids only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Fields the SDK does not name, kept as the server sent them.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

/// The answer of [`PhoneNumbers::validate`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Validation {
    /// Ids of existing, enabled numbers (every answer carries the list, empty or not: an
    /// answer without it is a [`Decode`](sdk_core::ErrorKind::Decode) error).
    pub valid: Vec<ValidatedId>,
    /// Ids that do not exist or are disabled, with why (every answer carries the list).
    pub invalid: Vec<ValidatedId>,
    /// Fields the SDK does not name, kept as the server sent them.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

sdk_core::scope_type! {
    /// The phone numbers of an account.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// let numbers = client.account("ABCDEF").phone_numbers();
    /// let number = numbers.get("5e9be49a").await?;
    /// println!("{:?} {:?} {:?}", number.phone_number, number.display_name, number.status);
    /// # Ok(()) }
    /// ```
    PhoneNumbers
}

fn check_ids(field: &'static str, ids: &[impl AsRef<str>]) -> Result<()> {
    if ids.is_empty() {
        return Err(Error::invalid_input(field, "at least one is required"));
    }
    match ids.iter().position(|id| id.as_ref().is_empty()) {
        Some(i) => Err(Error::invalid_input(
            format!("{field}[{i}]"),
            "must not be empty",
        )),
        None => Ok(()),
    }
}

impl PhoneNumbers<'_> {
    /// Adds a number to the account. Answers 202 with the number `INPROGRESS`; `.wait()`
    /// returns it `ACTIVE` or `INACTIVE` (see [`PhoneNumber::needs_action`]).
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::phone_numbers::NewPhoneNumber;
    ///
    /// let number = client
    ///     .account("ABCDEF")
    ///     .phone_numbers()
    ///     .create(&NewPhoneNumber::new("+16479308804", "Support line", "US"))
    ///     .await?
    ///     .wait()
    ///     .await?;
    /// if number.needs_action() {
    ///     println!("{}", number.status_message.unwrap_or_default());
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) naming the field for
    /// an empty number, display name or country code, before anything is sent; the
    /// server's answer otherwise (such as its refusal of a number that is not E.164).
    pub async fn create(
        &self,
        request: &NewPhoneNumber,
    ) -> Result<Accepted<PhoneNumber, PhoneNumber>> {
        let spec = self
            .0
            .spec(Method::POST, "axp.phone_numbers.create", COLLECTION, &[])
            .validate(|| request.check())
            .json(request);
        accepted_number(&self.0, spec).await
    }

    /// Replaces a number's settings; polled like a create.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::phone_numbers::PhoneNumberUpdate;
    ///
    /// let numbers = client.account("ABCDEF").phone_numbers();
    /// let update =
    ///     PhoneNumberUpdate::new("Toll Free number", true).preferred_media_location("US-LA");
    /// let number = numbers.update("5e9be49a", &update).await?.wait().await?;
    /// println!("{:?}", number.status);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) for an empty display
    /// name; the server's answer otherwise.
    pub async fn update(
        &self,
        phone_number_id: impl AsRef<str>,
        request: &PhoneNumberUpdate,
    ) -> Result<Accepted<PhoneNumber, PhoneNumber>> {
        let spec = self
            .0
            .spec(
                Method::PUT,
                "axp.phone_numbers.update",
                ITEM,
                &[phone_number_id.as_ref()],
            )
            .validate(|| check_required("displayName", &request.display_name))
            .json(request);
        accepted_number(&self.0, spec).await
    }

    /// Reads one number.
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) once it is released.
    pub async fn get(&self, phone_number_id: impl AsRef<str>) -> Result<PhoneNumber> {
        let spec = self.0.spec(
            Method::GET,
            "axp.phone_numbers.get",
            ITEM,
            &[phone_number_id.as_ref()],
        );
        self.0.execute(spec).await
    }

    /// Releases a number (answered 204).
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn delete(&self, phone_number_id: impl AsRef<str>) -> Result<()> {
        let spec = self.0.spec(
            Method::DELETE,
            "axp.phone_numbers.delete",
            ITEM,
            &[phone_number_id.as_ref()],
        );
        self.0.send(spec).await
    }

    /// Reads several numbers by id (`:list`). Unknown and disabled ids are left out; the
    /// document states no maximum count.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) for an empty list or
    /// an empty id (naming `ids[i]`), before anything is sent.
    pub async fn list_by_ids(&self, ids: &[impl AsRef<str>]) -> Result<Vec<PhoneNumber>> {
        let body: Vec<&str> = ids.iter().map(AsRef::as_ref).collect();
        let spec = self
            .0
            .spec(Method::POST, "axp.phone_numbers.list_by_ids", LIST, &[])
            .validate(|| check_ids("ids", ids))
            .json(&body);
        self.0.execute(spec.options(retry_safe())).await
    }

    /// Tells which ids name existing, enabled numbers (`:validate`).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) for an empty list or
    /// an empty id (naming `ids[i]`), before anything is sent.
    pub async fn validate(&self, ids: &[impl AsRef<str>]) -> Result<Validation> {
        let body: Vec<&str> = ids.iter().map(AsRef::as_ref).collect();
        let spec = self
            .0
            .spec(Method::POST, "axp.phone_numbers.validate", VALIDATE, &[])
            .validate(|| check_ids("ids", ids))
            .json(&body);
        self.0.execute(spec.options(retry_safe())).await
    }

    /// Reads numbers by the numbers themselves (`:getByPhoneNumbers`), in E.164 form as the
    /// document gives them (`+16479308804`); they are sent as given.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) for an empty list or
    /// an empty number (naming `phoneNumbers[i]`), before anything is sent; the server's
    /// answer otherwise.
    pub async fn get_by_phone_numbers(
        &self,
        numbers: &[impl AsRef<str>],
    ) -> Result<Vec<PhoneNumber>> {
        let body: Vec<&str> = numbers.iter().map(AsRef::as_ref).collect();
        let spec = self
            .0
            .spec(
                Method::POST,
                "axp.phone_numbers.get_by_phone_numbers",
                BY_NUMBERS,
                &[],
            )
            .validate(|| check_ids("phoneNumbers", numbers))
            .json(&body);
        self.0.execute(spec.options(retry_safe())).await
    }
}

impl Desired for NewPhoneNumber {
    type Live = PhoneNumber;
    const KIND: &'static str = "phone number";
    /// The number itself: it is what the account owns and what the service looks numbers up
    /// by (`:getByPhoneNumbers`); the id is the service's. The country is set on create and
    /// never compared (the update cannot change it), and the preferred media location, which
    /// the update can change, is not part of the description: an update keeps the live one.
    const KEY: Field = Field::new("phoneNumber");
    const FIELDS: &'static [Field] = &[
        Field::new("displayName"),
        Field::new("isCallingPartyNumber"),
    ];
}

/// The most numbers one `:getByPhoneNumbers` lookup asks for.
const LOOKUP_CHUNK: usize = 100;

/// Phone numbers are ensured by the number. They are looked up with `:getByPhoneNumbers`,
/// a hundred at a time (the service has no list of every number, so a lookup with no keys
/// is refused). A create or an update is awaited to `ACTIVE` or `INACTIVE`: a number that
/// ends `INACTIVE` is created all the same, and [`PhoneNumber::needs_action`] on the
/// outcome's resource says someone must send documents. An update starts from the live
/// number, so what the SDK does not name, and the preferred media location, are sent back.
///
/// A `DISABLED` number is left out of the lookup, as the service does: ensuring it tries a
/// create, and the service's answer says why it cannot.
///
/// ```no_run
/// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
/// use axp_voice::phone_numbers::NewPhoneNumber;
/// use sdk_core::ensure::Ensure;
///
/// let numbers = client.account("ABCDEF").phone_numbers();
/// let wanted = [
///     NewPhoneNumber::new("+16479308804", "Support line", "US"),
///     NewPhoneNumber::new("+16479308805", "Sales line", "US").calling_party_number(true),
/// ];
/// let plans = numbers.plan_all(&wanted).await?;
/// for (number, plan) in wanted.iter().zip(plans) {
///     let outcome = numbers.apply(number, plan).await?;
///     if outcome.resource().needs_action() {
///         println!("{} needs documents", number.phone_number);
///     }
/// }
/// # Ok(()) }
/// ```
impl Ensure<NewPhoneNumber> for PhoneNumbers<'_> {
    async fn find(&self, keys: &[String]) -> Result<Vec<PhoneNumber>> {
        if keys.is_empty() {
            return Err(Error::invalid_input(
                "phoneNumbers",
                "the service lists phone numbers only by number: name the numbers to find",
            ));
        }
        let mut found = Vec::with_capacity(keys.len());
        for chunk in keys.chunks(LOOKUP_CHUNK) {
            found.extend(self.get_by_phone_numbers(chunk).await?);
        }
        Ok(found)
    }

    async fn create(&self, desired: &NewPhoneNumber) -> Result<PhoneNumber> {
        self.create(desired).await?.wait().await
    }

    async fn update(
        &self,
        live: &PhoneNumber,
        desired: &NewPhoneNumber,
        _changes: &[Change],
    ) -> Result<PhoneNumber> {
        let body = desired.apply_to(&PhoneNumberUpdate::from(live))?;
        self.update(&live.phone_number_id, &body)
            .await?
            .wait()
            .await
    }

    async fn delete(&self, live: &PhoneNumber) -> Result<()> {
        self.delete(&live.phone_number_id).await
    }
}

/// Sends `spec` (an add or update, answered 202 with the number) and returns the handle
/// that polls the number's GET, seeded with the answer.
async fn accepted_number(
    scope: &Scope<'_>,
    spec: RequestSpec,
) -> Result<Accepted<PhoneNumber, PhoneNumber>> {
    let op = spec.operation();
    let number: PhoneNumber = scope.execute(spec).await?;
    let id = answered_id(op, Some(number.phone_number_id.as_str()), || {
        "the answer's phoneNumberId is empty".to_owned()
    })?;
    let poller = scope
        .poller("axp.phone_numbers.get", ITEM, &[&id], classify_number)
        .seeded(number.clone());
    Ok(Accepted::new(number, Some(id), poller))
}

/// The read-only POSTs (`:list`, `:validate`, `:getByPhoneNumbers`) change nothing, so
/// they may be retried like a GET.
fn retry_safe() -> sdk_core::RequestOptions {
    sdk_core::RequestOptions::new().retry_non_idempotent(true)
}

/// A number that can be added, from [`AvailablePhoneNumbers::list`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AvailablePhoneNumber {
    /// The number, E.164.
    pub phone_number: String,
    /// ISO 3166-1 alpha-2 country code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    /// The kind of number.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<NumberType>,
    /// Whether activating it needs documents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documentation_required: Option<bool>,
    /// Fields the SDK does not name, kept as the server sent them.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

sdk_core::listed!(AvailablePhoneNumber = "phoneNumbers");

/// Filters of [`AvailablePhoneNumbers::list`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AvailableNumberQuery {
    /// The country: an ISO 3166-1 alpha-2 code such as `US` in the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    /// The kind of number, such as `TOLLFREE`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<NumberType>,
    /// An area code, such as `330`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area_code: Option<String>,
    /// A number to look for, E.164 in the document's example (`+16479308804`); whether it
    /// is matched exactly or as a pattern is the service's (undocumented) rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
}

impl AvailableNumberQuery {
    /// Numbers of a country.
    pub fn country(code: impl Into<String>) -> Self {
        AvailableNumberQuery {
            country_code: Some(code.into()),
            ..Self::default()
        }
    }

    /// Only this kind of number.
    pub fn kind(mut self, kind: NumberType) -> Self {
        self.kind = Some(kind);
        self
    }

    /// Only this area code.
    pub fn area_code(mut self, area_code: impl Into<String>) -> Self {
        self.area_code = Some(area_code.into());
        self
    }

    /// Only this number (sent as `phoneNumber`, as given).
    pub fn phone_number(mut self, phone_number: impl Into<String>) -> Self {
        self.phone_number = Some(phone_number.into());
        self
    }
}

sdk_core::scope_type! {
    /// The search of numbers that can be added to an account.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::phone_numbers::AvailableNumberQuery;
    ///
    /// let available = client.account("ABCDEF").available_phone_numbers();
    /// let first_five = available.list(&AvailableNumberQuery::country("US")).max_items(5);
    /// for number in first_five.collect_all().await? {
    ///     println!("{} {:?}", number.phone_number, number.documentation_required);
    /// }
    /// # Ok(()) }
    /// ```
    AvailablePhoneNumbers
}

impl AvailablePhoneNumbers<'_> {
    /// Searches numbers that can be added, page by page (`pageNumber`/`pageSize`).
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::phone_numbers::{AvailableNumberQuery, NumberType};
    ///
    /// let first_ten = client
    ///     .account("ABCDEF")
    ///     .available_phone_numbers()
    ///     .list(&AvailableNumberQuery::country("US").kind(NumberType::TollFree))
    ///     .max_items(10)
    ///     .collect_all()
    ///     .await?;
    /// # let _ = first_ten;
    /// # Ok(()) }
    /// ```
    pub fn list(&self, query: &AvailableNumberQuery) -> Paginator<AvailablePhoneNumber> {
        let spec = self
            .0
            .spec(
                Method::GET,
                "axp.available_phone_numbers.list",
                AVAILABLE,
                &[],
            )
            .query(query);
        self.0.paginator(spec)
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use sdk_core::sim::{ListStyle, LongRunning, Reply, Resource, UpdateMode};
    use serde_json::{Value, json};

    let numbers = |store: &sdk_core::sim::Store, account: &str| -> Vec<Value> {
        store
            .list("phone_numbers", &[account])
            .into_iter()
            .cloned()
            .collect()
    };
    api.resource(
        Resource::new("phone_numbers", COLLECTION)
            .id_field("phoneNumberId")
            .required(&["phoneNumber", "displayName", "countryCode"])
            .defaults(json!({"type": "LOCAL", "isCallingPartyNumber": false, "statusMessage": ""}))
            .update(UpdateMode::Merge)
            .update_status(202)
            .long_running(LongRunning::new("status", "INPROGRESS", "ACTIVE", "DISABLED").polls(2)),
    )
    .resource(
        Resource::new("available_phone_numbers", AVAILABLE)
            .id_field("phoneNumber")
            .read_only()
            .list(ListStyle::PageNumber {
                items_key: "phoneNumbers",
            }),
    )
    .action(Method::POST, LIST, move |store, req| {
        let account = req.param("accountId").unwrap_or("");
        let ids: Vec<&str> = req
            .body
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let found: Vec<Value> = numbers(store, account)
            .into_iter()
            .filter(|n| {
                ids.contains(&n["phoneNumberId"].as_str().unwrap_or(""))
                    && n["status"] != "DISABLED"
            })
            .collect();
        Reply::json(200, &Value::Array(found))
    })
    .action(Method::POST, BY_NUMBERS, move |store, req| {
        let account = req.param("accountId").unwrap_or("");
        let wanted: Vec<&str> = req
            .body
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let found: Vec<Value> = numbers(store, account)
            .into_iter()
            .filter(|n| {
                wanted.contains(&n["phoneNumber"].as_str().unwrap_or(""))
                    && n["status"] != "DISABLED"
            })
            .collect();
        Reply::json(200, &Value::Array(found))
    })
    .action(Method::POST, VALIDATE, move |store, req| {
        let account = req.param("accountId").unwrap_or("");
        let all = numbers(store, account);
        let (mut valid, mut invalid) = (Vec::new(), Vec::new());
        for id in req
            .body
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect::<Vec<_>>())
            .unwrap_or_default()
        {
            if all
                .iter()
                .any(|n| n["phoneNumberId"] == id && n["status"] != "DISABLED")
            {
                valid.push(json!({ "id": id }));
            } else {
                invalid
                    .push(json!({ "id": id, "message": "Phone number doesn't exist or disabled" }));
            }
        }
        Reply::json(200, &json!({ "valid": valid, "invalid": invalid }))
    })
}
