//! SMS (`/SMS/Messages`): send a message, view one, list them.
//!
//! The document gives no URL for any of the three; the paths follow View MMS
//! (`/MMS/Messages/{MMSSid}`) and the former Zang API: `/SMS/Messages` and
//! `/SMS/Messages/{SMSMessageSid}`, the send being a POST on the collection.

use serde::{Deserialize, Serialize};

use sdk_core::model::{check_e164, check_required};
use sdk_core::{Accepted, Error, Method, PollStatus, Result};

use crate::common::{DateFilter, HttpMethod, check_method, check_url, filtered};
use crate::paging::{Listed, Paginator};
use crate::wire::{self, Scalar, Timestamp};

pub(crate) const COLLECTION: &str = "/Accounts/{AccountSid}/SMS/Messages";
pub(crate) const ITEM: &str = "/Accounts/{AccountSid}/SMS/Messages/{SMSMessageSid}";

/// The most GSM-7 characters a (concatenated) SMS holds.
pub const MAX_GSM_LENGTH: usize = 765;
/// The most UCS-2 characters a (concatenated) SMS holds.
pub const MAX_UNICODE_LENGTH: usize = 335;

sdk_core::id_type! {
    /// The sid of an SMS message (`SMSMessageSid`).
    pub struct SmsSid;
}

sdk_core::string_enum! {
    /// The status of an SMS or MMS message.
    pub enum MessageStatus {
        /// Accepted, not sent yet.
        Queued = "queued",
        /// Being sent.
        Sending = "sending",
        /// Sent.
        Sent = "sent",
        /// Received (inbound messages).
        Received = "received",
        /// Not sent.
        Failed = "failed",
        /// Delivered to the handset (not in the document's list; delivery receipts report
        /// it, and the send's wait treats it as sent).
        Delivered = "delivered",
        /// Not delivered (not in the document's list; the send's wait treats it as
        /// failed).
        Undelivered = "undelivered",
    }
}

sdk_core::string_enum! {
    /// The direction of a message.
    pub enum MessageDirection {
        /// Sent through the REST API.
        OutboundApi = "outbound-api",
        /// Received on one of your numbers.
        Incoming = "incoming",
        /// Received (List SMS's spelling).
        Inbound = "inbound",
        /// Sent by InboundXML during a call.
        OutboundCall = "outbound-call",
        /// Sent by InboundXML in reply to a message.
        OutboundReply = "outbound-reply",
    }
}

/// An SMS message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SmsMessage {
    /// The message's sid.
    #[serde(alias = "Sid", deserialize_with = "wire::sid")]
    pub sid: SmsSid,
    /// The account.
    #[serde(
        default,
        alias = "AccountSid",
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub account_sid: Option<String>,
    /// The text.
    #[serde(
        default,
        alias = "Body",
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub body: Option<String>,
    /// The status.
    #[serde(
        default,
        alias = "Status",
        deserialize_with = "wire::parsed",
        skip_serializing_if = "Option::is_none"
    )]
    pub status: Option<MessageStatus>,
    /// The direction.
    #[serde(
        default,
        alias = "Direction",
        deserialize_with = "wire::parsed",
        skip_serializing_if = "Option::is_none"
    )]
    pub direction: Option<MessageDirection>,
    /// The sending number.
    #[serde(
        default,
        alias = "From",
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub from: Option<String>,
    /// The receiving number.
    #[serde(
        default,
        alias = "To",
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub to: Option<String>,
    /// The cost.
    #[serde(default, alias = "Price", skip_serializing_if = "Option::is_none")]
    pub price: Option<Scalar<f64>>,
    /// When it was created.
    #[serde(
        default,
        alias = "DateCreated",
        skip_serializing_if = "Option::is_none"
    )]
    pub date_created: Option<Timestamp>,
    /// When it was sent.
    #[serde(default, alias = "DateSent", skip_serializing_if = "Option::is_none")]
    pub date_sent: Option<Timestamp>,
    /// When it was last updated.
    #[serde(
        default,
        alias = "DateUpdated",
        skip_serializing_if = "Option::is_none"
    )]
    pub date_updated: Option<Timestamp>,
    /// The API version (Send SMS's list spells it `apiVersion`; both are read).
    #[serde(
        default,
        alias = "apiVersion",
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

impl Listed for SmsMessage {
    const ITEMS_KEY: &'static str = "sms_messages";
}

/// How a sent message is waited for: `sent` (or `delivered`) resolves, `failed` (or
/// `undelivered`) fails, `queued` and `sending` are pending.
pub(crate) fn classify(status: Option<&MessageStatus>) -> PollStatus {
    match status {
        Some(s @ (MessageStatus::Sent | MessageStatus::Delivered | MessageStatus::Received)) => {
            PollStatus::Succeeded(s.to_string())
        }
        Some(s @ (MessageStatus::Failed | MessageStatus::Undelivered)) => PollStatus::Failed {
            status: s.to_string(),
            message: None,
        },
        Some(s) => PollStatus::Pending(s.to_string()),
        None => PollStatus::Pending(String::new()),
    }
}

/// Whether `text` is written in the GSM 7-bit alphabet, and its length in that alphabet
/// (extension characters such as `€` or `{` count twice); `None` when it needs Unicode.
pub(crate) fn gsm_length(text: &str) -> Option<usize> {
    const BASIC: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?\
                         ¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    const EXTENSION: &str = "^{}\\[~]|€\u{c}";
    text.chars().try_fold(0, |n, c| {
        if BASIC.contains(c) {
            Some(n + 1)
        } else if EXTENSION.contains(c) {
            Some(n + 2)
        } else {
            None
        }
    })
}

/// Checks an SMS body: not empty, at most 765 GSM-7 characters (153 per part), or 335
/// characters when it needs Unicode (67 per part). International destinations take one
/// part only (160 or 70): the server enforces that.
pub(crate) fn check_body(field: &str, body: &str) -> Result<()> {
    check_required(field, body)?;
    let (len, max, alphabet) = match gsm_length(body) {
        Some(n) => (n, MAX_GSM_LENGTH, "GSM-7"),
        None => (body.encode_utf16().count(), MAX_UNICODE_LENGTH, "Unicode"),
    };
    if len > max {
        return Err(Error::invalid_input(
            field.to_owned(),
            format!("at most {max} {alphabet} characters, got {len}"),
        ));
    }
    Ok(())
}

/// The form of Send SMS.
///
/// ```
/// use cpaas::sms::SendSms;
///
/// let sms = SendSms::new("+12223334444", "+15556667777", "Your code is 1234")
///     .status_callback("https://example.com/sms-status");
/// # let _ = sms;
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct SendSms {
    /// Your SMS-enabled number.
    pub from: String,
    /// The receiving number, E.164 (`+15556667777`).
    pub to: String,
    /// The text: up to 765 GSM-7 characters, or 335 with Unicode.
    pub body: String,
    /// Told about the message's status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_callback: Option<String>,
    /// The method of `status_callback`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_callback_method: Option<HttpMethod>,
}

impl SendSms {
    /// A message from `from` to `to`.
    pub fn new(from: impl Into<String>, to: impl Into<String>, body: impl Into<String>) -> Self {
        SendSms {
            from: from.into(),
            to: to.into(),
            body: body.into(),
            status_callback: None,
            status_callback_method: None,
        }
    }

    fn check(&self) -> Result<()> {
        check_required("From", &self.from)?;
        check_e164("To", &self.to)?;
        check_body("Body", &self.body)?;
        check_url("StatusCallback", self.status_callback.as_deref())?;
        check_method("StatusCallbackMethod", self.status_callback_method.as_ref())
    }
}

sdk_core::setters!(SendSms {
    /// Told about the message's status.
    status_callback: String,
    /// The method of `StatusCallback`.
    status_callback_method: HttpMethod,
});

/// The filters of [`Sms::list`].
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct SmsFilter {
    /// Messages to this number.
    pub to: Option<String>,
    /// Messages from this number.
    pub from: Option<String>,
    /// Messages sent on or within these dates (`DateSent`, `DateSent>`, `DateSent<`).
    pub date_sent: Option<DateFilter>,
    /// Messages in this status.
    pub status: Option<MessageStatus>,
    /// Messages in this direction.
    pub direction: Option<MessageDirection>,
}

impl SmsFilter {
    /// No filter: every message, newest first.
    pub fn new() -> Self {
        Self::default()
    }

    fn pairs(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = [
            ("To", self.to.clone()),
            ("From", self.from.clone()),
            ("Status", self.status.as_ref().map(ToString::to_string)),
            (
                "Direction",
                self.direction.as_ref().map(ToString::to_string),
            ),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k.to_owned(), v)))
        .collect();
        if let Some(d) = &self.date_sent {
            out.extend(d.pairs("DateSent"));
        }
        out
    }
}

sdk_core::setters!(SmsFilter {
    /// Messages to this number.
    to: String,
    /// Messages from this number.
    from: String,
    /// Messages sent on or within these dates.
    date_sent: DateFilter,
    /// Messages in this status.
    status: MessageStatus,
    /// Messages in this direction.
    direction: MessageDirection,
});

sdk_core::scope_type! {
    /// The SMS messages of an account: `/Accounts/{AccountSid}/SMS/Messages`.
    Sms
}

impl Sms<'_> {
    /// Send SMS (`cpaas.sms.send`): returns the message (usually queued) with a poller
    /// that waits until it is sent (`sent`, `delivered`) or fails (`failed`,
    /// `undelivered`). The poller reads in the client's format.
    ///
    /// ```no_run
    /// use cpaas::sms::SendSms;
    ///
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// let sent = client
    ///     .account()
    ///     .sms()
    ///     .send(&SendSms::new("+12223334444", "+15556667777", "Hello"))
    ///     .await?
    ///     .wait()
    ///     .await?;
    /// println!("{:?}", sent.status);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// [`sdk_core::ErrorKind::InvalidInput`] naming the field (a `To` that is not E.164, a
    /// body too long, ...; nothing sent); else as any call.
    pub async fn send(&self, sms: &SendSms) -> Result<Accepted<SmsMessage, SmsMessage>> {
        let spec = self
            .0
            .spec(Method::POST, "cpaas.sms.send", COLLECTION, &[])
            .validate(|| sms.check())
            .form(sms);
        let sent: SmsMessage = self.0.execute(spec).await?;
        let sid = sent.sid.to_string();
        let poller = self
            .0
            .poller("cpaas.sms.get", ITEM, &[&sid], |m: &SmsMessage| {
                classify(m.status.as_ref())
            });
        Ok(Accepted::new(sent, Some(sid), poller))
    }

    /// View SMS (`cpaas.sms.get`).
    ///
    /// # Errors
    ///
    /// As any call: the server's answer, transport, decode.
    pub async fn get(&self, sms_sid: impl AsRef<str>) -> Result<SmsMessage> {
        let spec = self
            .0
            .spec(Method::GET, "cpaas.sms.get", ITEM, &[sms_sid.as_ref()]);
        self.0.execute(spec).await
    }

    /// List SMS (`cpaas.sms.list`), newest first, filtered.
    pub fn list(&self, filter: &SmsFilter) -> Paginator<SmsMessage> {
        let spec = self.0.spec(Method::GET, "cpaas.sms.list", COLLECTION, &[]);
        self.0
            .paginator(filtered(spec, filter.pairs()), SmsMessage::ITEMS_KEY)
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    let filters = &[
        ("To", "to"),
        ("From", "from"),
        ("Status", "status"),
        ("Direction", "direction"),
    ];
    api.resource(
        message(
            "sms",
            "SM",
            (COLLECTION, ITEM),
            SmsMessage::ITEMS_KEY,
            false,
        )
        .xml_names("SMSMessage", "SMSMessages")
        .list_filter(crate::sim::filters(
            filters,
            Some(("DateSent", "date_sent")),
        )),
    )
}

/// Sent messages in the simulator (SMS, or MMS when `mms`): stored `queued`, then
/// `sending`, then `sent` (or `failed` when asked, for the next message of either kind) as
/// they are read.
#[cfg(feature = "simulator")]
pub(crate) fn message(
    name: &str,
    prefix: &'static str,
    paths: (&str, &str),
    items_key: &'static str,
    mms: bool,
) -> sdk_core::sim::Resource {
    use sdk_core::sim::{LongRunning, Verb};
    use serde_json::{Value, json};

    use crate::sim;

    fn moved(m: &mut Value, status: &str) {
        m["date_updated"] = json!(sim::now());
        if status == "sent" {
            m["date_sent"] = json!(sim::now());
        }
    }

    let id_field = if mms { "mms_sid" } else { "sid" };
    sim::resource(name, prefix, paths, items_key)
        .id_field(id_field)
        .only(&[Verb::Create, Verb::Get])
        .long_running(
            LongRunning::new("status", "queued", "sent", "failed")
                .polls(0)
                .through(&["sending"])
                .group("messages")
                .on_status(moved),
        )
        .on_create(move |_, change, m| {
            let form = &change.request.body;
            let Some(from) = sim::field(form, "from") else {
                return Err(sim::error(
                    400,
                    21603,
                    "'From' phone number is required to send an SMS",
                ));
            };
            let Some(to) = sim::field(form, "to") else {
                return Err(sim::error(
                    400,
                    21604,
                    "'To' phone number is required to send an SMS",
                ));
            };
            let body = sim::field(form, "body");
            let media = sim::field(form, "media_url");
            if mms && media.is_none() {
                return Err(sim::error(400, 10022, "MediaUrl is required"));
            }
            if !mms && body.is_none() {
                return Err(sim::error(400, 21602, "Message body is required"));
            }
            *m = json!({
                id_field: change.id, "account_sid": sim::account(change),
                "body": body.unwrap_or_default(), "status": "queued",
                "direction": "outbound-api", "from": from, "to": to, "price": "0.0075",
                "date_created": m["date_created"].clone(), "date_sent": "",
                "date_updated": m["date_updated"].clone(), "api_version": "v2",
                "uri": change.path,
            });
            if let Some(media) = media {
                m["media_url"] = json!(media);
            }
            Ok(())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_are_measured_in_their_alphabet() {
        assert_eq!(gsm_length("Hello @ 5€"), Some(11));
        assert_eq!(gsm_length("Привет"), None);
        assert!(check_body("Body", &"a".repeat(765)).is_ok());
        assert_eq!(
            check_body("Body", &"a".repeat(766)).unwrap_err().field(),
            Some("Body")
        );
        assert!(check_body("Body", &"€".repeat(382)).is_ok());
        assert!(check_body("Body", &"€".repeat(383)).is_err());
        assert!(check_body("Body", &"é".repeat(765)).is_ok(), "é is GSM-7");
        assert!(check_body("Body", &"ы".repeat(335)).is_ok());
        assert!(check_body("Body", &"ы".repeat(336)).is_err());
        assert!(check_body("Body", "").is_err());
    }

    #[test]
    fn send_checks_the_number_and_reads_the_catalog_shape() {
        let req: SendSms = serde_json::from_value(serde_json::json!({
            "From": "+12223334444", "To": "+15556667777", "Body": "Hello"
        }))
        .expect("the catalog's example");
        req.check().expect("valid");
        assert_eq!(
            SendSms::new("+1222", "5556667777", "x")
                .check()
                .unwrap_err()
                .field(),
            Some("To")
        );
        assert_eq!(
            SendSms::new("+1222", "+15556667777", "x")
                .status_callback_method(HttpMethod::Unknown("PATCH".into()))
                .check()
                .unwrap_err()
                .field(),
            Some("StatusCallbackMethod")
        );
    }

    #[test]
    fn messages_read_both_api_version_spellings() {
        let m: SmsMessage = serde_json::from_str(
            r#"{"sid": "SM1", "apiVersion": "v2", "status": "sent", "direction": "inbound", "date_sent": "Thu, 14 May 2020 19:39:22 +0000"}"#,
        )
        .expect("a message");
        assert_eq!(m.api_version.as_deref(), Some("v2"));
        assert_eq!(m.direction, Some(MessageDirection::Inbound));
        assert!(m.date_sent.as_ref().and_then(Timestamp::at).is_some());
        assert_eq!(
            classify(m.status.as_ref()),
            PollStatus::Succeeded("sent".into())
        );
        assert_eq!(
            classify(Some(&MessageStatus::Sending)),
            PollStatus::Pending("sending".into())
        );
    }
}
