//! CPaaS error codes: the document's table as a typed lookup, and the `RestException` an
//! error answer carries.
//!
//! Failed requests answer an HTTP status and a `RestException` (`Status`, `Message`,
//! `Code`, `MoreInfo`), in XML or JSON. `sdk-core` already reads its code and message into
//! [`Error::vendor_code`](sdk_core::Error::vendor_code) and
//! [`Error::vendor_message`](sdk_core::Error::vendor_message); [`ErrorCode::of`] types the
//! code and [`RestException::of`] reads the whole exception, `more_info` included, from
//! the error's kept body.
//!
//! ```
//! use cpaas::{ErrorCode, ErrorSection};
//!
//! let code = ErrorCode::from(10004);
//! assert_eq!(code.description(), Some("Invalid credentials supplied"));
//! assert_eq!(code.section(), Some(ErrorSection::Core));
//! assert_eq!(ErrorCode::from(99999).description(), None);
//! ```
//!
//! Many codes of the table are events rather than request errors (10000 "Inbound call
//! received", 40001 "SMS sent"); they appear as the `error_code` of
//! [notifications](crate::notifications). The SMS/MMS section is a separate, low-numbered
//! namespace (0 "Status OK" to 56).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error_codes::TABLE;
use crate::wire::{self, Scalar};

/// The section of the document's error table a code comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorSection {
    /// "Error Codes": accounts, URLs, InboundXML, numbers, SMS, conferences, usage.
    Core,
    /// "Error Codes (Core Validation)".
    CoreValidation,
    /// "Conference Error Codes".
    Conference,
    /// "SIP Error Codes (BYOC)".
    SipByoc,
    /// "Fraud Error Codes".
    Fraud,
    /// "Security Error Codes".
    Security,
    /// "SMS/MMS Error Codes" (codes 0 to 56).
    SmsMms,
}

/// A CPaaS error code (`RestException.Code`, a notification's `error_code`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ErrorCode(u32);

impl ErrorCode {
    /// The code.
    pub fn code(self) -> u32 {
        self.0
    }

    /// The document's text for the code (the first, for the two codes the document lists
    /// twice: 31026 and 62006); `None` for a code the document does not list.
    pub fn description(self) -> Option<&'static str> {
        self.entries().next().map(|(_, _, text)| *text)
    }

    /// Every text the document gives the code (two for 31026 and 62006).
    pub fn descriptions(self) -> impl Iterator<Item = &'static str> {
        self.entries().map(|(_, _, text)| *text)
    }

    /// The section of the table the code is in.
    pub fn section(self) -> Option<ErrorSection> {
        self.entries().next().map(|(_, section, _)| *section)
    }

    /// `true` when the document lists the code.
    pub fn is_documented(self) -> bool {
        self.description().is_some()
    }

    /// The vendor code of an SDK error (an API answer with a `RestException`), typed.
    ///
    /// ```
    /// # fn handle(err: sdk_core::Error) {
    /// if cpaas::ErrorCode::of(&err).map(cpaas::ErrorCode::code) == Some(10004) {
    ///     eprintln!("check the AccountSid and AuthToken");
    /// }
    /// # }
    /// ```
    pub fn of(error: &sdk_core::Error) -> Option<ErrorCode> {
        error
            .vendor_code()
            .and_then(|c| c.trim().parse().ok())
            .map(ErrorCode)
    }

    fn entries(self) -> impl Iterator<Item = &'static (u32, ErrorSection, &'static str)> {
        let start = TABLE.partition_point(|(c, _, _)| *c < self.0);
        TABLE[start..]
            .iter()
            .take_while(move |(c, _, _)| *c == self.0)
    }

    /// Every code the document lists, in order (a code listed twice appears twice).
    pub fn all() -> impl Iterator<Item = (ErrorCode, ErrorSection, &'static str)> {
        TABLE.iter().map(|(c, s, t)| (ErrorCode(*c), *s, *t))
    }
}

impl From<u32> for ErrorCode {
    fn from(code: u32) -> Self {
        ErrorCode(code)
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.description() {
            Some(text) => write!(f, "{} ({text})", self.0),
            None => write!(f, "{}", self.0),
        }
    }
}

/// The error a failed request answers: `<Response><RestException>` in XML, the same four
/// values in JSON (at the top level, or under `RestException`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RestException {
    /// The HTTP status.
    #[serde(default, alias = "Status", skip_serializing_if = "Option::is_none")]
    pub status: Option<Scalar<u16>>,
    /// What went wrong.
    #[serde(
        default,
        alias = "Message",
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub message: Option<String>,
    /// The error code (see [`ErrorCode`]).
    #[serde(default, alias = "Code", skip_serializing_if = "Option::is_none")]
    pub code: Option<Scalar<u32>>,
    /// A link to the code's documentation.
    #[serde(
        default,
        alias = "MoreInfo",
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub more_info: Option<String>,
    /// Fields the SDK does not name, kept as the server sent them.
    #[serde(flatten)]
    pub unknown_fields: sdk_core::model::UnknownFields,
}

impl RestException {
    /// The typed code.
    pub fn error_code(&self) -> Option<ErrorCode> {
        self.code.as_ref().and_then(Scalar::get).map(ErrorCode)
    }

    /// Reads the exception from an SDK error's kept body (JSON, or XML with the feature
    /// `xml`); `None` when the error has no body or the body is not a `RestException`.
    pub fn of(error: &sdk_core::Error) -> Option<RestException> {
        let body = error.body()?.trim();
        let parsed = if body.starts_with('<') {
            xml_exception(body)
        } else {
            #[derive(Deserialize)]
            struct Wrapped {
                #[serde(rename = "RestException", alias = "rest_exception")]
                inner: RestException,
            }
            sdk_core::Format::Json
                .decode::<Wrapped>(body.as_bytes())
                .map(|w| w.inner)
                .or_else(|_| sdk_core::Format::Json.decode::<RestException>(body.as_bytes()))
                .ok()
        };
        parsed.filter(|e| e.code.is_some() || e.message.is_some())
    }
}

/// An XML `RestException` body (`<Response><RestException>..`).
#[cfg(feature = "xml")]
fn xml_exception(body: &str) -> Option<RestException> {
    sdk_core::Format::Xml
        .decode::<sdk_core::format::Wrapped<RestException>>(body.as_bytes())
        .ok()
        .map(|d| d.0)
}

/// Without the feature `xml` an XML body is not read (a client asks for XML only with it).
#[cfg(not(feature = "xml"))]
fn xml_exception(_body: &str) -> Option<RestException> {
    None
}

impl crate::wire::ScalarValue for u16 {
    fn parse_text(text: &str) -> Option<Self> {
        text.parse().ok()
    }
    fn to_json(&self) -> serde_json::Value {
        serde_json::json!(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_and_complete() {
        assert_eq!(TABLE.len(), 323);
        assert!(TABLE.windows(2).all(|w| w[0].0 <= w[1].0));
        assert_eq!(
            ErrorCode::from(10004).description(),
            Some("Invalid credentials supplied")
        );
        assert_eq!(ErrorCode::from(0).section(), Some(ErrorSection::SmsMms));
        assert_eq!(
            ErrorCode::from(12301).description(),
            Some("Length of the URL is bigger than allowed")
        );
        assert_eq!(ErrorCode::from(31026).descriptions().count(), 2);
        assert_eq!(
            ErrorCode::from(62006).section(),
            Some(ErrorSection::SipByoc)
        );
        assert_eq!(
            ErrorCode::from(14101).description(),
            Some("Invalid \"To\" attribute")
        );
        assert!(!ErrorCode::from(1).is_documented());
        assert_eq!(ErrorCode::all().count(), 323);
        assert_eq!(
            ErrorCode::from(10004).to_string(),
            "10004 (Invalid credentials supplied)"
        );
    }
}
