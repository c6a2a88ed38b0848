//! Notifications (`/Notifications`): the errors, warnings and events the platform logged
//! while processing your calls and messages (an InboundXML document that did not parse, a
//! callback that failed, ...). Each carries an [`ErrorCode`].

use serde::{Deserialize, Serialize};

use sdk_core::model::UnknownFields;
use sdk_core::{Method, Result};

use crate::calls::CallSid;
use crate::common::filtered;
use crate::errors::ErrorCode;
use crate::paging::Paginator;
use crate::wire::{self, Scalar, Timestamp};

pub(crate) const COLLECTION: &str = "/Accounts/{AccountSid}/Notifications";
const ITEM: &str = "/Accounts/{AccountSid}/Notifications/{NotificationSid}";
pub(crate) const OF_CALL: &str = "/Accounts/{AccountSid}/Calls/{CallSid}/Notifications";

sdk_core::id_type! {
    /// The sid of a notification (`NotificationSid`).
    pub struct NotificationSid;
}

/// The level of a notification (`log`, and the `Log` filter).
///
/// ```
/// use cpaas::notifications::LogLevel;
///
/// assert_eq!(LogLevel::from_code(1), LogLevel::Warning);
/// assert_eq!(LogLevel::from_code(3), LogLevel::Unknown(3));
/// assert_eq!(LogLevel::Unknown(3).code(), 3);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LogLevel {
    /// 0.
    Error,
    /// 1.
    Warning,
    /// 2.
    Info,
    /// A number the SDK does not know, read and sent as it is.
    Unknown(u32),
}

impl LogLevel {
    /// The number on the wire (0 error, 1 warning, 2 info; the document's "1, 2 or 3" is
    /// read as these three).
    pub fn code(self) -> u32 {
        match self {
            LogLevel::Error => 0,
            LogLevel::Warning => 1,
            LogLevel::Info => 2,
            LogLevel::Unknown(code) => code,
        }
    }

    /// The level of a wire number ([`Unknown`](Self::Unknown) for one the SDK does not
    /// know).
    pub fn from_code(code: u32) -> LogLevel {
        match code {
            0 => LogLevel::Error,
            1 => LogLevel::Warning,
            2 => LogLevel::Info,
            other => LogLevel::Unknown(other),
        }
    }
}

/// A notification.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Notification {
    /// The notification's sid.
    #[serde(deserialize_with = "wire::sid")]
    pub sid: NotificationSid,
    /// The account.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub account_sid: Option<String>,
    /// The call it is about, if any.
    #[serde(
        default,
        deserialize_with = "wire::id",
        skip_serializing_if = "Option::is_none"
    )]
    pub call_sid: Option<CallSid>,
    /// When it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_created: Option<Timestamp>,
    /// When it was last updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_updated: Option<Timestamp>,
    /// The level: 0 error, 1 warning, 2 info (see [`level`](Self::level)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log: Option<Scalar<u32>>,
    /// The code (see [`error`](Self::error)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_code: Option<Scalar<u32>>,
    /// A link to the code's documentation.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub more_info: Option<String>,
    /// The message.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub message_text: Option<String>,
    /// When the account received it (a little after `date_created`, buffering).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_date: Option<Timestamp>,
    /// The headers your server answered with.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub response_headers: Option<String>,
    /// The body your server answered with, as the production service names it (see
    /// [`response`](Self::response)).
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub response_body: Option<String>,
    /// The body your server answered with, as the document names it (the production
    /// service sends `response_body` instead; both are kept as they came).
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub response_data: Option<String>,
    /// The URL requested.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub request_url: Option<String>,
    /// The method of that request.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub request_method: Option<String>,
    /// The variables sent with it.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub request_variables: Option<String>,
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
    /// Fields the SDK does not name, kept as the server sent them.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

impl Notification {
    /// The level, typed.
    pub fn level(&self) -> Option<LogLevel> {
        self.log
            .as_ref()
            .and_then(Scalar::get)
            .map(LogLevel::from_code)
    }

    /// The body your server answered with: `response_body`, else `response_data`.
    pub fn response(&self) -> Option<&str> {
        self.response_body
            .as_deref()
            .or(self.response_data.as_deref())
    }

    /// The code, typed (its text with [`ErrorCode::description`]).
    pub fn error(&self) -> Option<ErrorCode> {
        self.error_code
            .as_ref()
            .and_then(Scalar::get)
            .map(ErrorCode::from)
    }
}

sdk_core::listed!(Notification = "notifications");

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
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// let notifications = client.account().notifications();
    /// let notification = notifications.get("NO123").await?;
    /// println!("{:?} {:?}", notification.error_code, notification.message_text);
    /// # Ok(()) }
    /// ```
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
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// use cpaas::notifications::{LogLevel, NotificationFilter};
    ///
    /// let errors = NotificationFilter::new().log(LogLevel::Error);
    /// for n in client.account().notifications().list(&errors).max_items(50).collect_all().await? {
    ///     println!("{:?} {:?} {:?}", n.call_sid, n.error_code, n.more_info);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self, filter: &NotificationFilter) -> Paginator<Notification> {
        let spec = self
            .0
            .spec(Method::GET, "cpaas.notifications.list", COLLECTION, &[]);
        self.0.paginator(filtered(spec, filter.pairs()))
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use crate::paging::Listed;
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

#[cfg(all(test, feature = "xml"))]
mod tests {
    use super::*;

    #[test]
    fn notifications_read_either_body_name_and_keep_the_rest() {
        let production = r#"{"sid":"NO1","log":"1","error_code":"11200","response_body":"<html/>","response_status":"500"}"#;
        let n: Notification = serde_json::from_str(production).expect("a notification");
        assert_eq!(n.response(), Some("<html/>"));
        assert_eq!(n.level(), Some(LogLevel::Warning));
        assert_eq!(
            n.unknown_fields.get("response_status"),
            Some(&serde_json::json!("500"))
        );
        assert_eq!(serde_json::to_string(&n).expect("json"), production);
        let documented: Notification =
            serde_json::from_str(r#"{"sid": "NO2", "response_data": "ok", "log": 7}"#)
                .expect("a notification");
        assert_eq!(documented.response(), Some("ok"));
        assert_eq!(documented.level(), Some(LogLevel::Unknown(7)));
        let xml = "<Response><Notification><Sid>NO1</Sid><ResponseBody>x</ResponseBody><Extra>y</Extra></Notification></Response>";
        let n: Notification = crate::wire::from_xml(xml).expect("a notification");
        assert_eq!(n.response(), Some("x"));
        assert_eq!(n.unknown_fields.get("extra"), Some(&serde_json::json!("y")));
        assert!(serde_json::from_str::<Notification>(r#"{"log": 0}"#).is_err());
        assert_eq!(
            NotificationFilter::new().log(LogLevel::Unknown(3)).pairs(),
            vec![("Log".to_owned(), "3".to_owned())]
        );
    }
}
