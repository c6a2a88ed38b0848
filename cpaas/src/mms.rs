//! MMS (`/MMS/Messages`): send audio, images or video (US and Canada only), view a
//! message, list them.
//!
//! The document gives View MMS's URL only; List and Send are the GET and POST of its
//! collection. A message is the SMS model, [`Message`], with its sid under `mms_sid` (not
//! `sid`, as the document and the production service write it) and its `media_url`. Send
//! MMS documents no answer: it is read as the message, as View MMS answers it.

use serde::{Deserialize, Serialize};

use sdk_core::model::check_required;
use sdk_core::{Accepted, Method, Result};

use crate::common::{DateFilter, HttpMethod, filtered};
use crate::paging::Paginator;
use crate::sms::Message;
use crate::wire;

pub(crate) const COLLECTION: &str = "/Accounts/{AccountSid}/MMS/Messages";
pub(crate) const ITEM: &str = "/Accounts/{AccountSid}/MMS/Messages/{MMSSid}";

sdk_core::id_type! {
    /// The sid of an MMS message (`MMSSid`).
    pub struct MmsSid;
}

/// How an MMS answer names its message: `mms_sid`, which every MMS answer carries.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MmsId {
    /// The message's sid.
    #[serde(deserialize_with = "wire::sid")]
    pub mms_sid: MmsSid,
}

impl AsRef<str> for MmsId {
    fn as_ref(&self) -> &str {
        self.mms_sid.as_str()
    }
}

/// An MMS message: the shared [`Message`] model, its sid under `mms_sid`.
pub type MmsMessage = Message<MmsId>;

// Not documented: inferred from List SMS's `sms_messages` (the paginator takes the
// answer's one array when the key differs).
sdk_core::listed!(MmsMessage = "mms_messages");

/// The form of Send MMS.
///
/// `From`, `To` and `MediaUrl` must be present and not blank; the rest (media types and
/// size, callback length, methods) is the server's to judge.
///
/// ```
/// use cpaas::mms::SendMms;
///
/// let mms = SendMms::new("+12223334444", "+15556667777", "https://example.com/image.png").body("Hello");
/// # let _ = mms;
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct SendMms {
    /// Your MMS-enabled number.
    pub from: String,
    /// The receiving number (US or Canada), in any format.
    pub to: String,
    /// The media: amr, mp3, wav, jpg, gif, png or mp4, 750 KB in all.
    pub media_url: String,
    /// Text sent with the media.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// Told about the message's status (at most 200 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_callback: Option<String>,
    /// The method of `status_callback` (GET or POST).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_callback_method: Option<HttpMethod>,
}

impl SendMms {
    /// A message from `from` to `to` carrying the media at `media_url`.
    pub fn new(
        from: impl Into<String>,
        to: impl Into<String>,
        media_url: impl Into<String>,
    ) -> Self {
        SendMms {
            from: from.into(),
            to: to.into(),
            media_url: media_url.into(),
            ..Default::default()
        }
    }

    fn check(&self) -> Result<()> {
        check_required("From", &self.from)?;
        check_required("To", &self.to)?;
        check_required("MediaUrl", &self.media_url)
    }
}

sdk_core::setters!(SendMms {
    /// Text sent with the media.
    body: String,
    /// Told about the message's status.
    status_callback: String,
    /// The method of `StatusCallback`.
    status_callback_method: HttpMethod,
});

/// The filters of [`Mms::list`].
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct MmsFilter {
    /// Messages to this number.
    pub to: Option<String>,
    /// Messages from this number.
    pub from: Option<String>,
    /// Messages sent on or within these dates (`DateSent`, `DateSent>`, `DateSent<`).
    pub date_sent: Option<DateFilter>,
}

impl MmsFilter {
    /// No filter.
    pub fn new() -> Self {
        Self::default()
    }

    fn pairs(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = [("To", &self.to), ("From", &self.from)]
            .into_iter()
            .filter_map(|(k, v)| v.clone().map(|v| (k.to_owned(), v)))
            .collect();
        if let Some(d) = &self.date_sent {
            out.extend(d.pairs("DateSent"));
        }
        out
    }
}

sdk_core::setters!(MmsFilter {
    /// Messages to this number.
    to: String,
    /// Messages from this number.
    from: String,
    /// Messages sent on or within these dates.
    date_sent: DateFilter,
});

sdk_core::scope_type! {
    /// The MMS messages of an account: `/Accounts/{AccountSid}/MMS/Messages`.
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// let mms = client.account().mms();
    /// let message = mms.get("MM123").await?;
    /// println!("{:?} {:?}", message.status, message.media_url);
    /// # Ok(()) }
    /// ```
    Mms
}

impl Mms<'_> {
    /// Send MMS (`cpaas.mms.send`): returns the message with a poller that waits until it
    /// is sent or fails (as [`Sms::send`](crate::sms::Sms::send)).
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// use cpaas::mms::SendMms;
    ///
    /// let mms = SendMms::new("+12223334444", "+15556667777", "https://example.com/photo.jpg")
    ///     .body("Your parcel");
    /// let sent = client.account().mms().send(&mms).await?;
    /// println!("sending {}", sent.accepted().id.mms_sid);
    /// let done = sent.wait().await?;
    /// println!("{:?}", done.status);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// [`sdk_core::ErrorKind::InvalidInput`] naming `From`, `To` or `MediaUrl` when it is
    /// blank (nothing sent); else as any call.
    pub async fn send(&self, mms: &SendMms) -> Result<Accepted<MmsMessage, MmsMessage>> {
        let spec = self
            .0
            .spec(Method::POST, "cpaas.mms.send", COLLECTION, &[])
            .validate(|| mms.check())
            .form(mms);
        let sent: MmsMessage = self.0.execute(spec).await?;
        let sid = sent.id.mms_sid.to_string();
        let poller = self
            .0
            .poller("cpaas.mms.get", ITEM, &[&sid], |m: &MmsMessage| {
                crate::sms::classify(m.status.as_ref(), &m.unknown_fields)
            });
        Ok(Accepted::new(sent, Some(sid), poller))
    }

    /// View MMS (`cpaas.mms.get`).
    ///
    /// # Errors
    ///
    /// As any call: the server's answer, transport, decode (an answer without an
    /// `mms_sid`).
    pub async fn get(&self, mms_sid: impl AsRef<str>) -> Result<MmsMessage> {
        let spec = self
            .0
            .spec(Method::GET, "cpaas.mms.get", ITEM, &[mms_sid.as_ref()]);
        self.0.execute(spec).await
    }

    /// List MMS (`cpaas.mms.list`), filtered.
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// use cpaas::mms::MmsFilter;
    /// use sdk_core::futures_util::TryStreamExt;
    ///
    /// let filter = MmsFilter::new().to("+15556667777");
    /// let mut messages = client.account().mms().list(&filter).items();
    /// while let Some(m) = messages.try_next().await? {
    ///     println!("{} {:?} {:?}", m.id.mms_sid, m.status, m.media_url);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self, filter: &MmsFilter) -> Paginator<MmsMessage> {
        let spec = self.0.spec(Method::GET, "cpaas.mms.list", COLLECTION, &[]);
        self.0.paginator(filtered(spec, filter.pairs()))
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use crate::paging::Listed;

    let filters = &[("To", "to"), ("From", "from")];
    api.resource(
        crate::sms::message("mms", "MM", (COLLECTION, ITEM), MmsMessage::ITEMS_KEY, true)
            .xml_names("MMSMessage", "MMSMessages")
            .list_filter(crate::sim::filters(
                filters,
                Some(("DateSent", "date_sent")),
            )),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An MMS as the production service answers it: `mms_sid`, an ISO 8601
    /// `date_created`, `direction: outbound`.
    const PRODUCTION: &str = r#"{"status":"queued","mms_sid":"MM1","account_sid":"AC1","from":"+654321","to":"+123456","body":"This is MMS","date_created":"2017-10-16T08:15:08+0000","media_url":"https://media.giphy.com/media/x/giphy.gif","direction":"outbound","apiVersion":"v2"}"#;

    #[test]
    fn mms_answers_name_their_sid_mms_sid() {
        let m: MmsMessage = serde_json::from_str(PRODUCTION).expect("a message");
        assert_eq!(m.id.mms_sid.as_str(), "MM1");
        assert_eq!(m.id.as_ref(), "MM1");
        assert_eq!(
            m.direction,
            Some(crate::sms::MessageDirection::Unknown("outbound".into()))
        );
        assert_eq!(m.api_version.as_deref(), Some("v2"));
        let back = serde_json::to_value(&m).expect("json");
        assert_eq!(back["mms_sid"], "MM1");
        assert_eq!(back["date_created"], "2017-10-16T08:15:08+0000");
        assert!(m.date_created.as_ref().and_then(|d| d.at()).is_some());
        assert!(back.get("sid").is_none());
        assert!(
            serde_json::from_str::<MmsMessage>(r#"{"sid": "MM1"}"#).is_err(),
            "an MMS answer has an mms_sid"
        );
        let with_sid: MmsMessage =
            serde_json::from_str(r#"{"mms_sid": "MM1", "sid": "MM1"}"#).expect("a message");
        assert_eq!(
            with_sid.unknown_fields.get("sid"),
            Some(&serde_json::json!("MM1"))
        );
    }

    #[test]
    fn send_requires_the_media() {
        assert_eq!(
            SendMms::new("+1", "+2", " ").check().unwrap_err().field(),
            Some("MediaUrl")
        );
        let req: SendMms = serde_json::from_value(serde_json::json!({
            "From": "+12223334444", "To": "+15556667777", "MediaUrl": "https://example.com/image.png", "Body": "Hello"
        }))
        .expect("the catalog's example");
        assert_eq!(
            sdk_core::format::to_form(&req).expect("a form"),
            "From=%2B12223334444&To=%2B15556667777&MediaUrl=https%3A%2F%2Fexample.com%2Fimage.png&Body=Hello"
        );
        SendMms::new("(555) 666-7777", "55555", "https://x/a.png")
            .status_callback_method(HttpMethod::Unknown("PUT".into()))
            .check()
            .expect("the server judges the rest");
    }
}
