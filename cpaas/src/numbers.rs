//! Phone numbers: the account's incoming numbers (`/IncomingPhoneNumbers`), its Bring Your
//! Own Carrier numbers (`/Numbers/Byoc`), and the numbers and countries available to buy
//! (`/AvailablePhoneNumbers`, `/Numbers/AllowedCountries`).
//!
//! Document decisions:
//!
//! - URLs are printed with a literal `/version/` or `/2/` segment, unbraced `AccountSid`
//!   and, for View Number, no suffix: all are `/v2/.../{sid}.json` (or `.xml`) here.
//! - The BYOC family mixes `/Numbers/Byoc` (list, delete), `/Numbers/BYOC` (update) and
//!   `/Byoc.json` (the add example): the SDK uses `/Numbers/Byoc` throughout. A BYOC number
//!   is viewed through the incoming-number URL, as the document says;
//!   [`ByocNumbers::get`] is that GET under its own catalog id.
//! - The add example of BYOC puts its fields in the query string under a "Body
//!   Parameters" heading: they are sent as a form body, like every other POST.
//! - View Number's answer names two fields `voice` and `voice_caller_id`; they are read
//!   into `voice_url` and `voice_caller_id_lookup` (the names of the request and of
//!   applications), as is `hearbeat_method` into `heartbeat_method`. `phone_number` and
//!   `next_renewal_date`, which the document forgets and the service sends, are modelled;
//!   so are an available number's `per_minute_cost` and `unblock_support`.
//! - List Available Countries documents no answer: it is returned as untyped JSON.
//!
//! Requests are sent as given; the document's rules are the service's to apply: one of
//! `AreaCode` and `PhoneNumber` for Add Number (the service also takes both, as the official
//! SDKs send them), `PhoneNumber` in E.164, methods GET or POST, a BYOC `Type` of `Local`, a
//! `Country` in ISO 3166-1 alpha-2, a `ServiceType` among `byoc`, `siptrunk`, `cpaas` and
//! `LEGACY_SERVICE`. Its `RestException` comes back with its code.

use serde::{Deserialize, Serialize};

use sdk_core::ensure::{Change, Desired, Ensure, Field};
use sdk_core::model::check_required;
use sdk_core::{Error, Method, Result};

use crate::common::{HttpMethod, filtered};
use crate::paging::Paginator;
use crate::wire::{self, Scalar, Timestamp};

pub(crate) const INCOMING: &str = "/Accounts/{AccountSid}/IncomingPhoneNumbers";
pub(crate) const INCOMING_ITEM: &str =
    "/Accounts/{AccountSid}/IncomingPhoneNumbers/{IncomingNumberSid}";
pub(crate) const BYOC: &str = "/Accounts/{AccountSid}/Numbers/Byoc";
pub(crate) const BYOC_ITEM: &str = "/Accounts/{AccountSid}/Numbers/Byoc/{IncomingPhoneNumberSid}";
pub(crate) const AVAILABLE: &str = "/Accounts/{AccountSid}/AvailablePhoneNumbers/{Country}/{Type}";
pub(crate) const COUNTRIES: &str = "/Accounts/{AccountSid}/Numbers/AllowedCountries/{NumberType}";

sdk_core::id_type! {
    /// The sid of an incoming (or BYOC) number (`IncomingNumberSid`,
    /// `IncomingPhoneNumberSid`: 34 characters).
    pub struct IncomingNumberSid;
}

sdk_core::string_enum! {
    /// The kind of number to look for (a path segment of the available-number searches);
    /// another value is sent as given.
    pub enum NumberType {
        /// Local numbers.
        Local = "Local",
        /// Toll-free numbers.
        Tollfree = "Tollfree",
    }
}

/// What a number can do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Capabilities {
    /// Voice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice: Option<Scalar<bool>>,
    /// SMS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sms: Option<Scalar<bool>>,
    /// Fields the SDK does not name, kept as the server sent them.
    #[serde(flatten)]
    pub unknown_fields: sdk_core::model::UnknownFields,
}

/// A number of the account (Communication API or BYOC).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct IncomingNumber {
    /// The number's sid.
    #[serde(deserialize_with = "wire::sid")]
    pub sid: IncomingNumberSid,
    /// The number, E.164 (not in the document's list).
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub phone_number: Option<String>,
    /// Its name.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub friendly_name: Option<String>,
    /// The account.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub account_sid: Option<String>,
    /// The kind of number (`local`, `international`, ...; BYOC numbers are `local`).
    #[serde(
        rename = "type",
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub kind: Option<String>,
    /// The InboundXML of incoming calls (the document names it `voice`).
    #[serde(
        default,
        alias = "voice",
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub voice_url: Option<String>,
    /// The method of `voice_url`.
    #[serde(
        default,
        deserialize_with = "wire::parsed",
        skip_serializing_if = "Option::is_none"
    )]
    pub voice_method: Option<HttpMethod>,
    /// The URL used when `voice_url` fails.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub voice_fallback_url: Option<String>,
    /// The method of `voice_fallback_url`.
    #[serde(
        default,
        deserialize_with = "wire::parsed",
        skip_serializing_if = "Option::is_none"
    )]
    pub voice_fallback_method: Option<HttpMethod>,
    /// Whether caller id lookup is on (the document names it `voice_caller_id`).
    #[serde(
        default,
        alias = "voice_caller_id",
        skip_serializing_if = "Option::is_none"
    )]
    pub voice_caller_id_lookup: Option<Scalar<bool>>,
    /// The InboundXML of incoming SMS.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub sms_url: Option<String>,
    /// The method of `sms_url`.
    #[serde(
        default,
        deserialize_with = "wire::parsed",
        skip_serializing_if = "Option::is_none"
    )]
    pub sms_method: Option<HttpMethod>,
    /// The URL used when `sms_url` fails.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub sms_fallback_url: Option<String>,
    /// The method of `sms_fallback_url`.
    #[serde(
        default,
        deserialize_with = "wire::parsed",
        skip_serializing_if = "Option::is_none"
    )]
    pub sms_fallback_method: Option<HttpMethod>,
    /// Monitors the number.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub heartbeat_url: Option<String>,
    /// The method of `heartbeat_url` (the document spells it `hearbeat_method`).
    #[serde(
        default,
        alias = "hearbeat_method",
        deserialize_with = "wire::parsed",
        skip_serializing_if = "Option::is_none"
    )]
    pub heartbeat_method: Option<HttpMethod>,
    /// Told when an incoming call ends.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub status_callback: Option<String>,
    /// The method of `status_callback`.
    #[serde(
        default,
        deserialize_with = "wire::parsed",
        skip_serializing_if = "Option::is_none"
    )]
    pub status_callback_method: Option<HttpMethod>,
    /// Deprecated clone of `status_callback`.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub hangup_callback: Option<String>,
    /// Deprecated clone of `status_callback_method`.
    #[serde(
        default,
        deserialize_with = "wire::parsed",
        skip_serializing_if = "Option::is_none"
    )]
    pub hangup_callback_method: Option<HttpMethod>,
    /// Voice and SMS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capabilities: Option<Capabilities>,
    /// When it was added.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_created: Option<Timestamp>,
    /// When it was last updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_updated: Option<Timestamp>,
    /// The API version.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub api_version: Option<String>,
    /// This resource's path.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub uri: Option<String>,
    /// When the number is renewed (and charged) next (sent by the service, not in the
    /// document).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_renewal_date: Option<Timestamp>,
    /// Fields the SDK does not name, kept as the server sent them.
    #[serde(flatten)]
    pub unknown_fields: sdk_core::model::UnknownFields,
}

sdk_core::listed!(IncomingNumber = "incoming_phone_numbers");

/// The settings of a number: what Update Number sends, and what Add Number sends besides
/// the number itself. Every field is optional (an update sends only what changes).
///
/// ```
/// use cpaas::HttpMethod;
/// use cpaas::numbers::NumberSettings;
///
/// let settings = NumberSettings::new()
///     .friendly_name("Support")
///     .voice_url("https://example.com/voice.xml")
///     .voice_method(HttpMethod::Get);
/// # let _ = settings;
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct NumberSettings {
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub friendly_name: Option<String>,
    /// The InboundXML of incoming calls.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice_url: Option<String>,
    /// The method of `voice_url`: GET or POST (the service takes any other value as POST;
    /// every method below likewise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice_method: Option<HttpMethod>,
    /// The URL used when `voice_url` fails.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice_fallback_url: Option<String>,
    /// The method of `voice_fallback_url`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice_fallback_method: Option<HttpMethod>,
    /// Turns caller id lookup on.
    #[serde(
        default,
        deserialize_with = "wire::flag",
        skip_serializing_if = "Option::is_none"
    )]
    pub voice_caller_id_lookup: Option<bool>,
    /// The InboundXML of incoming SMS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sms_url: Option<String>,
    /// The method of `sms_url`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sms_method: Option<HttpMethod>,
    /// The URL used when `sms_url` fails.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sms_fallback_url: Option<String>,
    /// The method of `sms_fallback_url`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sms_fallback_method: Option<HttpMethod>,
    /// Monitors the number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heartbeat_url: Option<String>,
    /// The method of `heartbeat_url`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heartbeat_method: Option<HttpMethod>,
    /// Told when an incoming call ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_callback: Option<String>,
    /// The method of `status_callback`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_callback_method: Option<HttpMethod>,
    /// Deprecated by the API: use `status_callback`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hangup_callback: Option<String>,
    /// Deprecated by the API: use `status_callback_method`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hangup_callback_method: Option<HttpMethod>,
    /// An application answering calls (instead of the URLs above).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice_application_sid: Option<String>,
    /// An application answering SMS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sms_application_sid: Option<String>,
    /// An application answering MMS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mms_application_sid: Option<String>,
}

impl NumberSettings {
    /// No setting yet.
    pub fn new() -> Self {
        Self::default()
    }
}

sdk_core::setters!(NumberSettings {
    /// The name.
    friendly_name: String,
    /// The InboundXML of incoming calls.
    voice_url: String,
    /// The method of `VoiceUrl`.
    voice_method: HttpMethod,
    /// The URL used when `VoiceUrl` fails.
    voice_fallback_url: String,
    /// The method of `VoiceFallbackUrl`.
    voice_fallback_method: HttpMethod,
    /// Turns caller id lookup on or off.
    voice_caller_id_lookup: bool,
    /// The InboundXML of incoming SMS.
    sms_url: String,
    /// The method of `SmsUrl`.
    sms_method: HttpMethod,
    /// The URL used when `SmsUrl` fails.
    sms_fallback_url: String,
    /// The method of `SmsFallbackUrl`.
    sms_fallback_method: HttpMethod,
    /// Monitors the number.
    heartbeat_url: String,
    /// The method of `HeartbeatUrl`.
    heartbeat_method: HttpMethod,
    /// Told when an incoming call ends.
    status_callback: String,
    /// The method of `StatusCallback`.
    status_callback_method: HttpMethod,
    /// Deprecated by the API (a clone of `StatusCallback`).
    hangup_callback: String,
    /// Deprecated by the API (a clone of `StatusCallbackMethod`).
    hangup_callback_method: HttpMethod,
    /// An application answering calls.
    voice_application_sid: String,
    /// An application answering SMS.
    sms_application_sid: String,
    /// An application answering MMS.
    mms_application_sid: String,
});

/// The form of Add Number: a specific available number (`PhoneNumber`) or any number in
/// an area code (`AreaCode`), and its settings.
///
/// The document asks for one of the two; the service also takes both (the official SDKs
/// send both), and what it makes of neither is its answer: the SDK sends what is set.
///
/// ```
/// use cpaas::numbers::{NewNumber, NumberSettings};
///
/// let any_in_seattle = NewNumber::in_area_code("206")
///     .settings(NumberSettings::new().voice_url("https://example.com/voice.xml"));
/// let this_one = NewNumber::phone_number("+12065550100");
/// let both = NewNumber::phone_number("+12065550100").area_code("206");
/// # let _ = (any_in_seattle, this_one, both);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct NewNumber {
    /// Any number in this area code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area_code: Option<String>,
    /// This number (the document: E.164, found with the available-number search).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    /// The number's settings.
    #[serde(flatten)]
    pub settings: NumberSettings,
}

impl NewNumber {
    /// Any available number in `area_code`.
    pub fn in_area_code(area_code: impl Into<String>) -> Self {
        NewNumber::default().area_code(area_code)
    }

    /// The number `phone_number`.
    pub fn phone_number(phone_number: impl Into<String>) -> Self {
        NewNumber {
            phone_number: Some(phone_number.into()),
            ..Self::default()
        }
    }

    /// Sets the number's settings.
    pub fn settings(mut self, settings: NumberSettings) -> Self {
        self.settings = settings;
        self
    }
}

sdk_core::setters!(NewNumber {
    /// The area code (with [`phone_number`](Self::phone_number), both are sent).
    area_code: String,
});

/// The form of Add Number for BYOC: a number of an approved carrier.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct NewByocNumber {
    /// The carrier, approved by the account.
    pub byoc_vendor: String,
    /// The number.
    pub phone_number: String,
    /// The type: the document says `Local` for every BYOC number; sent as given.
    #[serde(rename = "Type")]
    pub kind: String,
    /// The number's settings.
    #[serde(flatten)]
    pub settings: NumberSettings,
}

impl NewByocNumber {
    /// `phone_number` of the carrier `byoc_vendor`, a local number.
    pub fn new(byoc_vendor: impl Into<String>, phone_number: impl Into<String>) -> Self {
        NewByocNumber {
            byoc_vendor: byoc_vendor.into(),
            phone_number: phone_number.into(),
            kind: "Local".to_owned(),
            ..Self::default()
        }
    }

    /// Sets the type (`Local` unless told otherwise).
    pub fn kind(mut self, kind: impl Into<String>) -> Self {
        self.kind = kind.into();
        self
    }

    /// Sets the number's settings.
    pub fn settings(mut self, settings: NumberSettings) -> Self {
        self.settings = settings;
        self
    }

    /// The three required fields, present and not blank.
    fn check(&self) -> Result<()> {
        check_required("ByocVendor", &self.byoc_vendor)?;
        check_required("PhoneNumber", &self.phone_number)?;
        check_required("Type", &self.kind)
    }
}

/// A number of the account as it should be set up: the number, and the settings it
/// should have. What [`IncomingNumbers`]' `ensure` takes: the number is bought elsewhere
/// ([`IncomingNumbers::create`]), and an ensure sets what differs of its settings.
///
/// ```
/// use cpaas::numbers::{ConfiguredNumber, NumberSettings};
///
/// let support = ConfiguredNumber::new("+12065550100").settings(
///     NumberSettings::new()
///         .friendly_name("Support")
///         .voice_url("https://example.com/voice.xml"),
/// );
/// # let _ = support;
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct ConfiguredNumber {
    /// The number, as List Numbers shows it (E.164, such as `+12065550100`).
    pub phone_number: String,
    /// The settings it should have; those left unset are not managed.
    #[serde(flatten)]
    pub settings: NumberSettings,
}

impl ConfiguredNumber {
    /// The number `phone_number`, no setting yet.
    pub fn new(phone_number: impl Into<String>) -> Self {
        ConfiguredNumber {
            phone_number: phone_number.into(),
            settings: NumberSettings::default(),
        }
    }

    /// Sets the settings it should have.
    pub fn settings(mut self, settings: NumberSettings) -> Self {
        self.settings = settings;
        self
    }
}

/// The filters of the number lists.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct NumberFilter {
    /// Numbers containing these digits.
    pub contains: Option<String>,
    /// Numbers of this name.
    pub friendly_name: Option<String>,
}

impl NumberFilter {
    /// No filter.
    pub fn new() -> Self {
        Self::default()
    }

    fn pairs(&self) -> Vec<(String, String)> {
        [
            ("Contains", &self.contains),
            ("FriendlyName", &self.friendly_name),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.clone().map(|v| (k.to_owned(), v)))
        .collect()
    }
}

sdk_core::setters!(NumberFilter {
    /// Numbers containing these digits.
    contains: String,
    /// Numbers of this name.
    friendly_name: String,
});

/// A number available to buy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AvailableNumber {
    /// The number, E.164 (what [`NewNumber::phone_number`] takes); every available number
    /// has one.
    #[serde(deserialize_with = "wire::required")]
    pub phone_number: String,
    /// The number in domestic format.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub friendly_name: Option<String>,
    /// Local Access and Transport Area.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub lata: Option<String>,
    /// Rate center.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub rate_center: Option<String>,
    /// Latitude.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latitude: Option<Scalar<f64>>,
    /// Longitude.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longitude: Option<Scalar<f64>>,
    /// The country calling code.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub country_code: Option<String>,
    /// Numbering plan area (area code).
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub npa: Option<String>,
    /// The three digits after the area code.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub exchange: Option<String>,
    /// City.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub city: Option<String>,
    /// Region (state).
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub region: Option<String>,
    /// Postal code.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub postal_code: Option<String>,
    /// ISO 3166-1 alpha-2 country.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub iso_country: Option<String>,
    /// `local` or `tollfree`.
    #[serde(
        rename = "type",
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub kind: Option<String>,
    /// Setup cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub setup_cost: Option<Scalar<f64>>,
    /// Monthly cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monthly_cost: Option<Scalar<f64>>,
    /// Voice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice_enabled: Option<Scalar<bool>>,
    /// SMS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sms_enabled: Option<Scalar<bool>>,
    /// Forwarded-from support.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supports_forwarded_from: Option<Scalar<bool>>,
    /// The cost of a minute of a call (sent by the service, not in the document).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_minute_cost: Option<Scalar<f64>>,
    /// Unblocking support (sent by the service, not in the document; kept as sent, read as
    /// a flag when it is one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unblock_support: Option<Scalar<bool>>,
    /// Fields the SDK does not name, kept as the server sent them.
    #[serde(flatten)]
    pub unknown_fields: sdk_core::model::UnknownFields,
}

sdk_core::listed!(AvailableNumber = "available_phone_numbers");

/// The filters of [`AvailableNumbers::list`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct AvailableNumberFilter {
    /// Numbers containing these digits.
    pub contains: Option<String>,
    /// Numbers in this area code.
    pub area_code: Option<String>,
    /// Numbers in this region.
    pub in_region: Option<String>,
    /// Numbers in this postal code.
    pub in_postal_code: Option<String>,
}

impl AvailableNumberFilter {
    /// No filter.
    pub fn new() -> Self {
        Self::default()
    }

    fn pairs(&self) -> Vec<(String, String)> {
        [
            ("Contains", &self.contains),
            ("AreaCode", &self.area_code),
            ("InRegion", &self.in_region),
            ("InPostalCode", &self.in_postal_code),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.clone().map(|v| (k.to_owned(), v)))
        .collect()
    }
}

sdk_core::setters!(AvailableNumberFilter {
    /// Numbers containing these digits.
    contains: String,
    /// Numbers in this area code.
    area_code: String,
    /// Numbers in this region.
    in_region: String,
    /// Numbers in this postal code.
    in_postal_code: String,
});

/// The filters of [`AvailableNumbers::list_countries`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct CountryFilter {
    /// One country (the document: ISO 3166-1 alpha-2, or `LEGACY_COUNTRY`).
    pub country: Option<String>,
    /// The service (the document: `byoc`, `siptrunk`, `cpaas` or `LEGACY_SERVICE`); sent as
    /// given.
    pub service_type: Option<String>,
}

impl CountryFilter {
    /// No filter.
    pub fn new() -> Self {
        Self::default()
    }

    fn pairs(&self) -> Vec<(String, String)> {
        [
            ("Country", &self.country),
            ("ServiceType", &self.service_type),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.clone().map(|v| (k.to_owned(), v)))
        .collect()
    }
}

sdk_core::setters!(CountryFilter {
    /// One country.
    country: String,
    /// The service type.
    service_type: String,
});

sdk_core::scope_type! {
    /// The incoming numbers of an account: `/Accounts/{AccountSid}/IncomingPhoneNumbers`.
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// use cpaas::numbers::NumberSettings;
    ///
    /// let numbers = client.account().incoming_numbers();
    /// let settings = NumberSettings::new().voice_url("https://example.com/voice.xml");
    /// let number = numbers.update("PN123", &settings).await?;
    /// println!("{:?} {:?}", number.phone_number, number.voice_url);
    /// # Ok(()) }
    /// ```
    IncomingNumbers
}

impl IncomingNumbers<'_> {
    /// List Numbers (`cpaas.incoming_numbers.list`).
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// use cpaas::numbers::NumberFilter;
    /// use sdk_core::futures_util::TryStreamExt;
    ///
    /// let filter = NumberFilter::new().contains("206");
    /// let mut numbers = client.account().incoming_numbers().list(&filter).items();
    /// while let Some(number) = numbers.try_next().await? {
    ///     println!("{} {:?} {:?}", number.sid, number.phone_number, number.friendly_name);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self, filter: &NumberFilter) -> Paginator<IncomingNumber> {
        let spec = self
            .0
            .spec(Method::GET, "cpaas.incoming_numbers.list", INCOMING, &[]);
        self.0.paginator(filtered(spec, filter.pairs()))
    }

    /// View Number (`cpaas.incoming_numbers.get`): Communication API and BYOC numbers.
    ///
    /// # Errors
    ///
    /// As any call: the server's answer, transport, decode.
    pub async fn get(&self, number_sid: impl AsRef<str>) -> Result<IncomingNumber> {
        let spec = self.0.spec(
            Method::GET,
            "cpaas.incoming_numbers.get",
            INCOMING_ITEM,
            &[number_sid.as_ref()],
        );
        self.0.execute(spec).await
    }

    /// Add Number (`cpaas.incoming_numbers.create`): buys a number (it costs money).
    ///
    /// # Errors
    ///
    /// As any call: the server's answer (a `RestException` with its code, for a number that
    /// is not available or neither `AreaCode` nor `PhoneNumber`), transport, decode.
    pub async fn create(&self, number: &NewNumber) -> Result<IncomingNumber> {
        let spec = self
            .0
            .spec(Method::POST, "cpaas.incoming_numbers.create", INCOMING, &[])
            .form(number);
        self.0.execute(spec).await
    }

    /// Update Number (`cpaas.incoming_numbers.update`): a form POST of the settings to
    /// change.
    ///
    /// # Errors
    ///
    /// As any call.
    pub async fn update(
        &self,
        number_sid: impl AsRef<str>,
        settings: &NumberSettings,
    ) -> Result<IncomingNumber> {
        let spec = self
            .0
            .spec(
                Method::POST,
                "cpaas.incoming_numbers.update",
                INCOMING_ITEM,
                &[number_sid.as_ref()],
            )
            .form(settings);
        self.0.execute(spec).await
    }

    /// Delete Number (`cpaas.incoming_numbers.delete`): releases the number for good;
    /// answers it.
    ///
    /// # Errors
    ///
    /// As any call.
    pub async fn delete(&self, number_sid: impl AsRef<str>) -> Result<IncomingNumber> {
        let spec = self.0.spec(
            Method::DELETE,
            "cpaas.incoming_numbers.delete",
            INCOMING_ITEM,
            &[number_sid.as_ref()],
        );
        self.0.execute(spec).await
    }
}

impl Desired for ConfiguredNumber {
    type Live = IncomingNumber;
    const KIND: &'static str = "phone number";
    /// The phone number: what callers dial and what a number is known by everywhere; the
    /// sid is the service's, given when the number is bought.
    const KEY: Field = Field::new("PhoneNumber").live("phone_number");
    /// Every setting Update Number takes. The three application sids are not in the
    /// document's View Number: they are compared with the `voice_application_sid`,
    /// `sms_application_sid` and `mms_application_sid` the service sends, and where it
    /// sends none, a number that sets them is updated on every run.
    const FIELDS: &'static [Field] = &Field::join::<19>(&[
        &[Field::new("FriendlyName").live("friendly_name")],
        &crate::common::CALLBACK_FIELDS,
        &[
            Field::new("VoiceApplicationSid").live("voice_application_sid"),
            Field::new("SmsApplicationSid").live("sms_application_sid"),
            Field::new("MmsApplicationSid").live("mms_application_sid"),
        ],
    ]);
}

/// Incoming numbers are ensured by their phone number, found in the whole list (the
/// list's `Contains` filter is not documented precisely enough to find one number by).
/// An ensure sets settings and buys nothing: a number that is not on the account is an
/// error, and an update sends only the settings that differ (Update Number keeps the
/// ones it is not sent).
///
/// ```no_run
/// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
/// use cpaas::ensure::Ensure;
/// use cpaas::numbers::{ConfiguredNumber, NumberSettings};
///
/// let numbers = client.account().incoming_numbers();
/// let support = ConfiguredNumber::new("+12065550100").settings(
///     NumberSettings::new()
///         .friendly_name("Support")
///         .voice_url("https://example.com/voice.xml"),
/// );
/// let outcome = numbers.ensure(&support).await?;
/// for change in outcome.changes() {
///     println!("{} {change}", outcome.resource().sid);
/// }
/// # Ok(()) }
/// ```
impl Ensure<ConfiguredNumber> for IncomingNumbers<'_> {
    async fn find(&self, _keys: &[String]) -> Result<Vec<IncomingNumber>> {
        self.list(&NumberFilter::new()).collect_all().await
    }

    /// Refused, nothing sent: a number is bought, which costs money, with
    /// [`IncomingNumbers::create`] (or added from a carrier with [`ByocNumbers::create`]),
    /// not made by an ensure.
    async fn create(&self, desired: &ConfiguredNumber) -> Result<IncomingNumber> {
        Err(Error::invalid_input(
            "PhoneNumber",
            format!(
                "the number {:?} is not on the account: buy it first (IncomingNumbers::create), \
                 then ensure its settings",
                desired.phone_number
            ),
        ))
    }

    async fn update(
        &self,
        live: &IncomingNumber,
        desired: &ConfiguredNumber,
        changes: &[Change],
    ) -> Result<IncomingNumber> {
        let settings: NumberSettings = desired.changes_only(changes)?;
        self.update(&live.sid, &settings).await
    }

    /// Refused, nothing sent: what an ensure cannot buy back it does not release. A number
    /// is released with [`IncomingNumbers::delete`].
    async fn delete(&self, live: &IncomingNumber) -> Result<()> {
        Err(Error::invalid_input(
            "PhoneNumber",
            format!(
                "the number {:?} is released only by IncomingNumbers::delete, not by an ensure",
                live.phone_number.as_deref().unwrap_or(live.sid.as_str())
            ),
        ))
    }
}

sdk_core::scope_type! {
    /// The BYOC numbers of an account: `/Accounts/{AccountSid}/Numbers/Byoc`.
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// use cpaas::numbers::NumberFilter;
    ///
    /// let byoc = client.account().byoc_numbers();
    /// for number in byoc.list(&NumberFilter::new()).collect_all().await? {
    ///     println!("{} {:?}", number.sid, number.phone_number);
    /// }
    /// # Ok(()) }
    /// ```
    ByocNumbers
}

impl ByocNumbers<'_> {
    /// List Numbers, BYOC (`cpaas.byoc_numbers.list`).
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// use cpaas::numbers::NumberFilter;
    ///
    /// let support = NumberFilter::new().friendly_name("Support");
    /// let numbers = client.account().byoc_numbers().list(&support).max_items(10);
    /// for number in numbers.collect_all().await? {
    ///     println!("{} {:?}", number.sid, number.phone_number);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self, filter: &NumberFilter) -> Paginator<IncomingNumber> {
        let spec = self
            .0
            .spec(Method::GET, "cpaas.byoc_numbers.list", BYOC, &[]);
        self.0.paginator(filtered(spec, filter.pairs()))
    }

    /// View Number, BYOC (`cpaas.byoc_numbers.get`): the incoming-number URL, which the
    /// document gives for both.
    ///
    /// # Errors
    ///
    /// As any call.
    pub async fn get(&self, number_sid: impl AsRef<str>) -> Result<IncomingNumber> {
        let spec = self.0.spec(
            Method::GET,
            "cpaas.byoc_numbers.get",
            INCOMING_ITEM,
            &[number_sid.as_ref()],
        );
        self.0.execute(spec).await
    }

    /// Add Number, BYOC (`cpaas.byoc_numbers.create`).
    ///
    /// # Errors
    ///
    /// [`sdk_core::ErrorKind::InvalidInput`] for a blank `ByocVendor`, `PhoneNumber` or
    /// `Type` (nothing sent); else as any call.
    pub async fn create(&self, number: &NewByocNumber) -> Result<IncomingNumber> {
        let spec = self
            .0
            .spec(Method::POST, "cpaas.byoc_numbers.create", BYOC, &[])
            .validate(|| number.check())
            .form(number);
        self.0.execute(spec).await
    }

    /// Update Number, BYOC (`cpaas.byoc_numbers.update`).
    ///
    /// # Errors
    ///
    /// As [`IncomingNumbers::update`].
    pub async fn update(
        &self,
        number_sid: impl AsRef<str>,
        settings: &NumberSettings,
    ) -> Result<IncomingNumber> {
        let spec = self
            .0
            .spec(
                Method::POST,
                "cpaas.byoc_numbers.update",
                BYOC_ITEM,
                &[number_sid.as_ref()],
            )
            .form(settings);
        self.0.execute(spec).await
    }

    /// Delete Number, BYOC (`cpaas.byoc_numbers.delete`): removes the number from CPaaS.
    ///
    /// # Errors
    ///
    /// As any call.
    pub async fn delete(&self, number_sid: impl AsRef<str>) -> Result<IncomingNumber> {
        let spec = self.0.spec(
            Method::DELETE,
            "cpaas.byoc_numbers.delete",
            BYOC_ITEM,
            &[number_sid.as_ref()],
        );
        self.0.execute(spec).await
    }
}

sdk_core::scope_type! {
    /// Numbers and countries available to the account.
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// use cpaas::numbers::{AvailableNumberFilter, NumberType};
    ///
    /// let available = client.account().available_numbers();
    /// let seattle = AvailableNumberFilter::new().area_code("206");
    /// let first_five = available.list("US", &NumberType::Local, &seattle).max_items(5);
    /// for number in first_five.collect_all().await? {
    ///     println!("{} {:?}", number.phone_number, number.rate_center);
    /// }
    /// # Ok(()) }
    /// ```
    AvailableNumbers
}

impl AvailableNumbers<'_> {
    /// List Available Numbers (`cpaas.available_numbers.list`) of `country` (ISO 3166-1
    /// alpha-2, such as `US`) and `kind`.
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// use cpaas::numbers::{AvailableNumberFilter, NumberType};
    /// use sdk_core::futures_util::TryStreamExt;
    ///
    /// let available = client.account().available_numbers();
    /// let any = AvailableNumberFilter::new();
    /// let mut numbers = available.list("US", &NumberType::Tollfree, &any).items();
    /// while let Some(number) = numbers.try_next().await? {
    ///     println!("{} {:?}", number.phone_number, number.monthly_cost);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(
        &self,
        country: impl AsRef<str>,
        kind: &NumberType,
        filter: &AvailableNumberFilter,
    ) -> Paginator<AvailableNumber> {
        let country = country.as_ref();
        let spec = self.0.spec(
            Method::GET,
            "cpaas.available_numbers.list",
            AVAILABLE,
            &[country, kind.as_str()],
        );
        self.0.paginator(filtered(spec, filter.pairs()))
    }

    /// List Available Countries (`cpaas.available_numbers.list_countries`) for numbers of
    /// `kind`. The document gives no answer, so it is returned as it came (JSON; XML as
    /// `quick-xml` reads it into a value).
    ///
    /// # Errors
    ///
    /// As any call.
    pub async fn list_countries(
        &self,
        kind: &NumberType,
        filter: &CountryFilter,
    ) -> Result<serde_json::Value> {
        let spec = self.0.spec(
            Method::GET,
            "cpaas.available_numbers.list_countries",
            COUNTRIES,
            &[kind.as_str()],
        );
        let spec = filtered(spec, filter.pairs());
        self.0.execute(spec).await
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use sdk_core::sim::{ActionRequest, ListStyle, Reply, Resource, Store, Verb};
    use serde_json::{Value, json};

    use crate::paging::Listed;
    use crate::sim;

    /// Incoming or BYOC numbers: the number the form gives, the settings the form sets.
    fn numbers(name: &str, paths: (&str, &str)) -> Resource {
        sim::resource(name, "PN", paths, IncomingNumber::ITEMS_KEY)
            .xml_names("IncomingPhoneNumber", "IncomingPhoneNumbers")
            .only(&[Verb::Create, Verb::Update, Verb::Delete])
            .defaults(json!({
                "type": "local", "voice_method": "POST", "sms_method": "POST",
                "capabilities": {"voice": true, "sms": true},
            }))
            .list_filter(sim::filters(&[("FriendlyName", "friendly_name")], None))
    }

    /// Stores `number` in the new item, which keeps the form's settings only.
    fn numbered(n: &mut Value, number: String) {
        if let Value::Object(m) = n {
            for what in ["area_code", "byoc_vendor", "type"] {
                m.remove(what);
            }
            m.entry("friendly_name").or_insert(json!(number));
            m.insert("phone_number".to_owned(), json!(number));
        }
    }

    /// View Number, of either kind: the document gives one URL for both.
    fn either(store: &mut Store, req: &ActionRequest) -> Reply {
        let acct = req.param("AccountSid").unwrap_or_default();
        let sid = req.param("IncomingNumberSid").unwrap_or_default();
        ["incoming_numbers", "byoc_numbers"]
            .into_iter()
            .find_map(|name| store.get(name, &[acct], sid))
            .map_or_else(
                || sim::not_found("IncomingPhoneNumbers", sid),
                |n| sim::answer("IncomingPhoneNumber", "IncomingPhoneNumbers", n),
            )
    }

    /// Seven numbers of the searched area code (206 by default), not stored.
    fn available(_: &mut Store, req: &ActionRequest) -> Reply {
        let country = req.param("Country").unwrap_or_default();
        let kind = req.param("Type").unwrap_or_default().to_ascii_lowercase();
        let area = req.query_value("AreaCode").unwrap_or("206");
        let items: Vec<Value> = (0..7)
            .map(|i| {
                json!({
                    "friendly_name": format!("({area}) 555-01{i:02}"),
                    "phone_number": format!("+1{area}55501{i:02}"),
                    "lata": "674", "rate_center": "SEATTLE", "latitude": "47.6", "longitude": "-122.3",
                    "country_code": "+1", "npa": area, "exchange": "555", "city": "Seattle",
                    "region": "WA", "postal_code": "98101", "iso_country": country, "type": kind,
                    "setup_cost": "1.00", "monthly_cost": "1.00", "voice_enabled": true,
                    "sms_enabled": true, "supports_forwarded_from": false,
                })
            })
            .filter(|n| {
                req.query_value("Contains")
                    .is_none_or(|c| n["phone_number"].as_str().is_some_and(|p| p.contains(c)))
            })
            .collect();
        let style = ListStyle::ZeroIndexed {
            items_key: AvailableNumber::ITEMS_KEY,
        };
        req.list_reply(&style, &items)
            .xml_names("AvailablePhoneNumber", "AvailablePhoneNumbers")
    }

    api.resource(
        numbers("incoming_numbers", (INCOMING, INCOMING_ITEM)).on_create(|store, change, n| {
            let form = &change.request.body;
            let number = match (
                sim::field(form, "phone_number"),
                sim::field(form, "area_code"),
            ) {
                (Some(p), _) => p,
                (None, Some(area)) => {
                    let n = store.count("incoming_numbers", &change.collection());
                    format!("+1{area}555{:04}", 100 + n)
                }
                (None, None) => {
                    return Err(sim::error(
                        400,
                        10022,
                        "AreaCode or PhoneNumber is required",
                    ));
                }
            };
            numbered(n, number);
            Ok(())
        }),
    )
    .resource(
        numbers("byoc_numbers", (BYOC, BYOC_ITEM))
            .required(&["byoc_vendor", "phone_number"])
            .on_create(|_, change, n| {
                let number = sim::field(&change.request.body, "phone_number").unwrap_or_default();
                numbered(n, number);
                // Viewed at the incoming-number URL.
                n["uri"] = json!(format!(
                    "/v2/Accounts/{}/IncomingPhoneNumbers/{}",
                    sim::account(change),
                    change.id
                ));
                Ok(())
            }),
    )
    .action(Method::GET, INCOMING_ITEM, either)
    .action(Method::GET, AVAILABLE, available)
    .action(Method::GET, COUNTRIES, |_, req| {
        let kind = req.param("NumberType").unwrap_or_default();
        sim::answer(
            "AllowedCountries",
            "AllowedCountries",
            &json!({"number_type": kind, "countries": [{"country": "US"}, {"country": "CA"}]}),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documents_field_names_are_read() {
        let n: IncomingNumber = serde_json::from_str(
            r#"{"sid": "PN1", "voice": "https://x/v.xml", "voice_caller_id": "true", "hearbeat_method": "GET",
                "capabilities": {"voice": "True", "sms": false}}"#,
        )
        .expect("a number");
        assert_eq!(n.voice_url.as_deref(), Some("https://x/v.xml"));
        assert_eq!(
            n.voice_caller_id_lookup.as_ref().and_then(Scalar::get),
            Some(true)
        );
        assert_eq!(n.heartbeat_method, Some(HttpMethod::Get));
        let caps = n.capabilities.expect("capabilities");
        assert_eq!(
            (
                caps.voice.and_then(|v| v.get()),
                caps.sms.and_then(|v| v.get())
            ),
            (Some(true), Some(false))
        );
    }

    #[test]
    fn add_number_forms_are_sent_as_given() {
        let req: NewNumber = serde_json::from_value(serde_json::json!({
            "AreaCode": "206", "VoiceUrl": "https://example.com/voice.xml"
        }))
        .expect("the catalog's example");
        assert_eq!(
            sdk_core::format::to_form(&req).expect("a form"),
            "AreaCode=206&VoiceUrl=https%3A%2F%2Fexample.com%2Fvoice.xml"
        );
        // Both, as the official SDKs send them; a number that is not E.164.
        let both = NewNumber::phone_number("2065550100").area_code("206");
        assert_eq!(
            sdk_core::format::to_form(&both).expect("a form"),
            "AreaCode=206&PhoneNumber=2065550100"
        );
        let byoc: NewByocNumber = serde_json::from_value(serde_json::json!({
            "ByocVendor": "<CarrierName>", "PhoneNumber": "39111111111", "Type": "Local"
        }))
        .expect("the catalog's example");
        byoc.check().expect("valid");
        assert_eq!(
            sdk_core::format::to_form(&byoc).expect("a form"),
            "ByocVendor=%3CCarrierName%3E&PhoneNumber=39111111111&Type=Local"
        );
        let tollfree = byoc.clone().kind("Tollfree");
        tollfree.check().expect("the service judges the type");
        assert_eq!(
            NewByocNumber::new(" ", "39111111111")
                .check()
                .unwrap_err()
                .field(),
            Some("ByocVendor")
        );
        assert_eq!(byoc.kind("").check().unwrap_err().field(), Some("Type"));
        let settings = NumberSettings::new()
            .hangup_callback("https://example.com/h")
            .hangup_callback_method(HttpMethod::Unknown("PATCH".into()));
        assert_eq!(
            sdk_core::format::to_form(&settings).expect("a form"),
            "HangupCallback=https%3A%2F%2Fexample.com%2Fh&HangupCallbackMethod=PATCH"
        );
    }

    #[test]
    fn production_fields_are_read_and_unknown_ones_kept() {
        let n: IncomingNumber = serde_json::from_str(
            r#"{"sid": "PN1", "phone_number": "+12065550100", "next_renewal_date": "Wed, 15 May 2019 17:29:06 +0000",
                "capabilities": {"voice": true, "sms": true, "mms": false}, "emergency_address": "x"}"#,
        )
        .expect("a number");
        assert!(
            n.next_renewal_date
                .as_ref()
                .and_then(Timestamp::at)
                .is_some()
        );
        assert_eq!(
            n.unknown_fields.get("emergency_address"),
            Some(&serde_json::json!("x"))
        );
        let caps = n.capabilities.as_ref().expect("capabilities");
        assert_eq!(
            caps.unknown_fields.get("mms"),
            Some(&serde_json::json!(false))
        );
        let a: AvailableNumber = serde_json::from_str(
            r#"{"phone_number": "+12065550100", "per_minute_cost": "0.0100", "unblock_support": "true"}"#,
        )
        .expect("an available number");
        assert_eq!(a.per_minute_cost.as_ref().and_then(Scalar::get), Some(0.01));
        assert_eq!(a.unblock_support.as_ref().and_then(Scalar::get), Some(true));
        assert!(
            serde_json::from_str::<AvailableNumber>(r#"{"friendly_name": "x"}"#).is_err(),
            "every available number has its number"
        );
    }
}
