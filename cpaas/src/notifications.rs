//! Notifications (`/Notifications`): the errors, warnings and events the platform logged
//! while processing your calls and messages (an InboundXML document that did not parse, a
//! callback that failed, ...). Each carries an [`ErrorCode`].

use serde::{Deserialize, Serialize};

use sdk_core::{Method, Result};

use crate::calls::CallSid;

use crate::common::filtered;
use crate::errors::ErrorCode;
use crate::paging::{Listed, Paginator};
use crate::wire::{self, Scalar, Timestamp};

pub(crate) const COLLECTION: &str = "/Accounts/{AccountSid}/Notifications";
const ITEM: &str = "/Accounts/{AccountSid}/Notifications/{NotificationSid}";
pub(crate) const OF_CALL: &str = "/Accounts/{AccountSid}/Calls/{CallSid}/Notifications";

sdk_core::id_type! {
    /// The sid of a notification (`NotificationSid`).
    pub struct NotificationSid;
}

/// The level of a notification (`log`, and the `Log` filter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LogLevel {
    /// 0.
    Error,
    /// 1.
    Warning,
    /// 2.
    Info,
}

impl LogLevel {
    /// The number on the wire (0 error, 1 warning, 2 info; the document's "1, 2 or 3" is
    /// read as these three).
    pub fn code(self) -> u32 {
        match self {
            LogLevel::Error => 0,
            LogLevel::Warning => 1,
            LogLevel::Info => 2,
        }
    }

    /// The level of a wire number.
    pub fn from_code(code: u32) -> Option<LogLevel> {
        match code {
            0 => Some(LogLevel::Error),
            1 => Some(LogLevel::Warning),
            2 => Some(LogLevel::Info),
            _ => None,
        }
    }
}

/// A notification.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Notification {
    /// The notification's sid.
    #[serde(alias = "Sid", deserialize_with = "wire::sid")]
    pub sid: NotificationSid,
    /// The account.
    #[serde(
        default,
        alias = "AccountSid",
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub account_sid: Option<String>,
    /// The call it is about, if any.
    #[serde(
        default,
        alias = "CallSid",
        deserialize_with = "wire::id",
        skip_serializing_if = "Option::is_none"
    )]
    pub call_sid: Option<CallSid>,
    /// When it was created.
    #[serde(
        default,
        alias = "DateCreated",
        skip_serializing_if = "Option::is_none"
    )]
    pub date_created: Option<Timestamp>,
    /// When it was last updated.
    #[serde(
        default,
        alias = "DateUpdated",
        skip_serializing_if = "Option::is_none"
    )]
    pub date_updated: Option<Timestamp>,
    /// The level: 0 error, 1 warning, 2 info (see [`level`](Self::level)).
    #[serde(default, alias = "Log", skip_serializing_if = "Option::is_none")]
    pub log: Option<Scalar<u32>>,
    /// The code (see [`error`](Self::error)).
    #[serde(default, alias = "ErrorCode", skip_serializing_if = "Option::is_none")]
    pub error_code: Option<Scalar<u32>>,
    /// A link to the code's documentation.
    #[serde(
        default,
        alias = "MoreInfo",
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub more_info: Option<String>,
    /// The message.
    #[serde(
        default,
        alias = "MessageText",
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub message_text: Option<String>,
    /// When the account received it (a little after `date_created`, buffering).
    #[serde(
        default,
        alias = "MessageDate",
        skip_serializing_if = "Option::is_none"
    )]
    pub message_date: Option<Timestamp>,
    /// The headers your server answered with.
    #[serde(
        default,
        alias = "ResponseHeaders",
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub response_headers: Option<String>,
    /// The body your server answered with (the former Zang API's `response_body` is read
    /// too).
    #[serde(
        default,
        alias = "ResponseData",
        alias = "response_body",
        alias = "ResponseBody",
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub response_data: Option<String>,
    /// The URL requested.
    #[serde(
        default,
        alias = "RequestUrl",
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub request_url: Option<String>,
    /// The method of that request.
    #[serde(
        default,
        alias = "RequestMethod",
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub request_method: Option<String>,
    /// The variables sent with it.
    #[serde(
        default,
        alias = "RequestVariables",
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub request_variables: Option<String>,
    /// The API version.
    #[serde(
        default,
        alias = "ApiVersion",
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub api_version: Option<String>,
    /// This resource's path.
    #[serde(
        default,
        alias = "Uri",
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub uri: Option<String>,
}

impl Notification {
    /// The level, typed.
    pub fn level(&self) -> Option<LogLevel> {
        self.log
            .as_ref()
            .and_then(Scalar::get)
            .and_then(LogLevel::from_code)
    }

    /// The code, typed (its text with [`ErrorCode::description`]).
    pub fn error(&self) -> Option<ErrorCode> {
        self.error_code
            .as_ref()
            .and_then(Scalar::get)
            .map(ErrorCode::from)
    }
}

impl Listed for Notification {
    const ITEMS_KEY: &'static str = "notifications";
}

/// The filters of [`Notifications::list`].
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct NotificationFilter {
    /// Only this level (`Log`).
    pub log: Option<LogLevel>,
}

impl NotificationFilter {
    /// No filter.
    pub fn new() -> Self {
        Self::default()
    }

    fn pairs(&self) -> Vec<(String, String)> {
        self.log
            .map(|l| vec![("Log".to_owned(), l.code().to_string())])
            .unwrap_or_default()
    }
}

sdk_core::setters!(NotificationFilter {
    /// Only this level.
    log: LogLevel,
});

sdk_core::scope_type! {
    /// The notifications of an account: `/Accounts/{AccountSid}/Notifications`.
    Notifications
}

impl Notifications<'_> {
    /// View Notification (`cpaas.notifications.get`).
    ///
    /// # Errors
    ///
    /// As any call: the server's answer, transport, decode.
    pub async fn get(&self, notification_sid: impl AsRef<str>) -> Result<Notification> {
        let spec = self.0.spec(
            Method::GET,
            "cpaas.notifications.get",
            ITEM,
            &[notification_sid.as_ref()],
        );
        self.0.execute(spec).await
    }

    /// List Notifications (`cpaas.notifications.list`).
    pub fn list(&self, filter: &NotificationFilter) -> Paginator<Notification> {
        let spec = self
            .0
            .spec(Method::GET, "cpaas.notifications.list", COLLECTION, &[]);
        self.0
            .paginator(filtered(spec, filter.pairs()), Notification::ITEMS_KEY)
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use crate::sim;

    api.resource(
        sim::resource(
            "notifications",
            "NO",
            (COLLECTION, ITEM),
            Notification::ITEMS_KEY,
        )
        .xml_names("Notification", "Notifications")
        .only(&[sdk_core::sim::Verb::Get])
        .list_filter(sim::filters(&[("Log", "log")], None))
        .list_at(OF_CALL, &[("CallSid", "call_sid")]),
    )
}
