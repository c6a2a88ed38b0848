//! SMS (`/SMS/Messages`): send a message, view one, list them.
//!
//! The document gives no URL for any of the three; the paths follow View MMS
//! (`/MMS/Messages/{MMSSid}`) and the former Zang API: `/SMS/Messages` and
//! `/SMS/Messages/{SMSMessageSid}`, the send being a POST on the collection.
//!
//! SMS and MMS answers are one model, [`Message`], whose type parameter is the way each
//! kind names its sid: [`SmsMessage`] (`sid`) here, [`MmsMessage`](crate::mms::MmsMessage)
//! (`mms_sid`) in [`crate::mms`].

use serde::{Deserialize, Serialize};

use sdk_core::model::{UnknownFields, check_required};
use sdk_core::{Accepted, Method, PollStatus, Result};

use crate::common::{DateFilter, HttpMethod, filtered};
use crate::paging::Paginator;
use crate::wire::{self, Scalar, Timestamp};

pub(crate) const COLLECTION: &str = "/Accounts/{AccountSid}/SMS/Messages";
pub(crate) const ITEM: &str = "/Accounts/{AccountSid}/SMS/Messages/{SMSMessageSid}";

/// The most GSM-7 characters a (concatenated) SMS holds, as the document states (153 a
/// part). The SDK sends any body; the server refuses a longer one with its error.
pub const MAX_GSM_LENGTH: usize = 765;
/// The most UCS-2 characters a (concatenated) SMS holds (67 a part). The SDK sends any
/// body; the server refuses a longer one with its error.
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

/// How an SMS answer names its message: `sid`, which every SMS answer carries.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SmsId {
    /// The message's sid.
    #[serde(deserialize_with = "wire::sid")]
    pub sid: SmsSid,
}

impl AsRef<str> for SmsId {
    fn as_ref(&self) -> &str {
        self.sid.as_str()
    }
}

/// A message, SMS or MMS: `Id` is the way the kind names its sid ([`SmsId`]: `sid`,
/// [`MmsId`](crate::mms::MmsId): `mms_sid`); the other fields are shared, `media_url`
/// being sent for MMS only. Use the aliases [`SmsMessage`] and
/// [`MmsMessage`](crate::mms::MmsMessage).
///
/// ```
/// use cpaas::sms::SmsMessage;
///
/// let m: SmsMessage = serde_json::from_str(
///     r#"{"sid": "SM1", "status": "sent", "segments": 2}"#,
/// )?;
/// assert_eq!(m.id.sid.as_str(), "SM1");
/// assert_eq!(m.unknown_fields.get("segments"), Some(&serde_json::json!(2)));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Message<Id> {
    /// The message's sid, under the name its kind gives it.
    #[serde(flatten)]
    pub id: Id,
    /// The account.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub account_sid: Option<String>,
    /// The text (for MMS, sent with the media).
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub body: Option<String>,
    /// The media's URL (MMS only).
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub media_url: Option<String>,
    /// The status.
    #[serde(
        default,
        deserialize_with = "wire::parsed",
        skip_serializing_if = "Option::is_none"
    )]
    pub status: Option<MessageStatus>,
    /// The direction.
    #[serde(
        default,
        deserialize_with = "wire::parsed",
        skip_serializing_if = "Option::is_none"
    )]
    pub direction: Option<MessageDirection>,
    /// The sending number.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub from: Option<String>,
    /// The receiving number.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub to: Option<String>,
    /// The cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<Scalar<f64>>,
    /// When it was created (RFC 2822; MMS answers may write ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_created: Option<Timestamp>,
    /// When it was sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_sent: Option<Timestamp>,
    /// When it was last updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_updated: Option<Timestamp>,
    /// The API version (Send SMS and View MMS spell it `apiVersion`; both are read).
    #[serde(
        default,
        alias = "apiVersion",
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub api_version: Option<String>,
    /// This resource's path (not in View MMS's list).
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

/// An SMS message.
pub type SmsMessage = Message<SmsId>;

sdk_core::listed!(SmsMessage = "sms_messages");

/// How a sent message is waited for: `sent` (or `delivered`) resolves, `failed` (or
/// `undelivered`) fails, `queued` and `sending` are pending.
pub(crate) fn classify(
    status: Option<&MessageStatus>,
    unknown: &sdk_core::model::UnknownFields,
) -> PollStatus {
    match status {
        Some(s @ (MessageStatus::Sent | MessageStatus::Delivered | MessageStatus::Received)) => {
            PollStatus::Succeeded(s.to_string())
        }
        Some(s @ (MessageStatus::Failed | MessageStatus::Undelivered)) => PollStatus::Failed {
            status: s.to_string(),
            message: unknown.failure_message(None),
        },
        Some(s) => PollStatus::Pending(s.to_string()),
        None => PollStatus::Pending(String::new()),
    }
}

/// The form of Send SMS.
///
/// `From`, `To` and `Body` must be present and not blank; everything else is the server's
/// to judge (a short code or any other number format, a body over [`MAX_GSM_LENGTH`], a
/// callback over 200 characters, a method other than GET or POST).
///
/// ```
/// use cpaas::sms::SendSms;
///
/// let sms = SendSms::new("+12223334444", "+15556667777", "Your code is 1234")
///     .status_callback("https://example.com/sms-status")
///     .allow_multiple(true);
/// # let _ = sms;
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct SendSms {
    /// Your SMS-enabled number.
    pub from: String,
    /// The receiving number: the document asks for E.164 (`+15556667777`); short codes
    /// and other forms are sent as given.
    pub to: String,
    /// The text: up to 765 GSM-7 characters, or 335 with Unicode; one part (160 or 70) to
    /// international destinations.
    pub body: String,
    /// Told about the message's status (at most 200 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_callback: Option<String>,
    /// The method of `status_callback` (GET or POST).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_callback_method: Option<HttpMethod>,
    /// Sends a body over 160 characters as a multi-part SMS (`AllowMultiple`, which the
    /// official SDKs send; not in the document).
    #[serde(
        default,
        deserialize_with = "wire::flag",
        skip_serializing_if = "Option::is_none"
    )]
    pub allow_multiple: Option<bool>,
}

impl SendSms {
    /// A message from `from` to `to`.
    pub fn new(from: impl Into<String>, to: impl Into<String>, body: impl Into<String>) -> Self {
        SendSms {
            from: from.into(),
            to: to.into(),
            body: body.into(),
            ..Default::default()
        }
    }

    fn check(&self) -> Result<()> {
        check_required("From", &self.from)?;
        check_required("To", &self.to)?;
        check_required("Body", &self.body)
    }
}

sdk_core::setters!(SendSms {
    /// Told about the message's status.
    status_callback: String,
    /// The method of `StatusCallback`.
    status_callback_method: HttpMethod,
    /// Sends a long body as a multi-part SMS.
    allow_multiple: bool,
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
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// let sms = client.account().sms();
    /// let message = sms.get("SM1").await?;
    /// println!("{:?} {:?} {:?}", message.from, message.to, message.status);
    /// # Ok(()) }
    /// ```
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
    /// [`sdk_core::ErrorKind::InvalidInput`] naming `From`, `To` or `Body` when it is blank
    /// (nothing sent); the server's error for what it refuses (a number it cannot send
    /// to, a body too long, ...); else as any call.
    pub async fn send(&self, sms: &SendSms) -> Result<Accepted<SmsMessage, SmsMessage>> {
        let spec = self
            .0
            .spec(Method::POST, "cpaas.sms.send", COLLECTION, &[])
            .validate(|| sms.check())
            .form(sms);
        let sent: SmsMessage = self.0.execute(spec).await?;
        let sid = sent.id.sid.to_string();
        let poller = self
            .0
            .poller("cpaas.sms.get", ITEM, &[&sid], |m: &SmsMessage| {
                classify(m.status.as_ref(), &m.unknown_fields)
            });
        Ok(Accepted::new(sent, Some(sid), poller))
    }

    /// View SMS (`cpaas.sms.get`).
    ///
    /// # Errors
    ///
    /// As any call: the server's answer, transport, decode (an answer without a `sid`).
    pub async fn get(&self, sms_sid: impl AsRef<str>) -> Result<SmsMessage> {
        let spec = self
            .0
            .spec(Method::GET, "cpaas.sms.get", ITEM, &[sms_sid.as_ref()]);
        self.0.execute(spec).await
    }

    /// List SMS (`cpaas.sms.list`), newest first, filtered.
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// use cpaas::DateFilter;
    /// use cpaas::sms::SmsFilter;
    /// use sdk_core::futures_util::TryStreamExt;
    ///
    /// let filter = SmsFilter::new().from("+12223334444").date_sent(DateFilter::month(2019, 5)?);
    /// let mut messages = client.account().sms().list(&filter).items();
    /// while let Some(m) = messages.try_next().await? {
    ///     println!("{} {:?} {:?}", m.id.sid, m.to, m.status);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self, filter: &SmsFilter) -> Paginator<SmsMessage> {
        let spec = self.0.spec(Method::GET, "cpaas.sms.list", COLLECTION, &[]);
        self.0.paginator(filtered(spec, filter.pairs()))
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use crate::paging::Listed;

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
    fn send_checks_only_what_it_needs() {
        let req: SendSms = serde_json::from_value(serde_json::json!({
            "From": "+12223334444", "To": "+15556667777", "Body": "Hello", "AllowMultiple": "true"
        }))
        .expect("the catalog's example, with the official SDKs' AllowMultiple");
        req.check().expect("valid");
        assert_eq!(req.allow_multiple, Some(true));
        for (from, to, body, field) in [
            ("", "+15556667777", "x", "From"),
            ("+1222", " ", "x", "To"),
            ("+1222", "+15556667777", "", "Body"),
        ] {
            assert_eq!(
                SendSms::new(from, to, body).check().unwrap_err().field(),
                Some(field)
            );
        }
        // The server's rules are the server's: a short code, a long body, any method.
        let lenient = SendSms::new("+1222", "55555", "€".repeat(800))
            .status_callback(format!("https://example.com/{}", "x".repeat(300)))
            .status_callback_method(HttpMethod::Unknown("PATCH".into()));
        lenient.check().expect("sent as given");
        assert!(
            sdk_core::format::to_form(&lenient)
                .expect("a form")
                .ends_with("&StatusCallbackMethod=PATCH")
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
            classify(m.status.as_ref(), &m.unknown_fields),
            PollStatus::Succeeded("sent".into())
        );
        let none = sdk_core::model::UnknownFields::new();
        assert_eq!(
            classify(Some(&MessageStatus::Sending), &none),
            PollStatus::Pending("sending".into())
        );
        let failed: SmsMessage = serde_json::from_str(
            r#"{"sid": "SM2", "status": "failed", "error_message": "Unreachable destination"}"#,
        )
        .expect("a message");
        assert_eq!(
            classify(failed.status.as_ref(), &failed.unknown_fields),
            PollStatus::Failed {
                status: "failed".into(),
                message: Some("Unreachable destination".into())
            }
        );
        assert!(
            serde_json::from_str::<SmsMessage>(r#"{"status": "sent"}"#).is_err(),
            "an SMS answer has a sid"
        );
    }

    #[test]
    #[cfg(feature = "xml")]
    fn unknown_fields_are_kept_in_json_and_xml() {
        let json = r#"{"sid":"SM1","status":"sent","num_segments":"2","error":{"code":31}}"#;
        let m: SmsMessage = serde_json::from_str(json).expect("a message");
        assert_eq!(
            m.unknown_fields.get("num_segments"),
            Some(&serde_json::json!("2"))
        );
        assert_eq!(serde_json::to_string(&m).expect("json"), json);
        let xml = "<Response><SMSMessage><Sid>SM1</Sid><Status>sent</Status><Price>0.0075</Price>\
                   <NumSegments>2</NumSegments></SMSMessage></Response>";
        let m: SmsMessage = crate::wire::from_xml(xml).expect("a message");
        assert_eq!(m.id.sid.as_str(), "SM1");
        assert_eq!(m.price.as_ref().and_then(Scalar::get), Some(0.0075));
        assert_eq!(
            m.unknown_fields.get("num_segments"),
            Some(&serde_json::json!("2"))
        );
    }
}
