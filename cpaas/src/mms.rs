//! MMS (`/MMS/Messages`): send audio, images or video (US and Canada only), view a
//! message, list them.
//!
//! The document gives View MMS's URL only; List and Send are the GET and POST of its
//! collection. A message's id is `mms_sid` (not `sid`); a `sid` is read too
//! ([`MmsMessage::id`] gives whichever came). Send MMS documents
//! no answer: it is read as the message, as View MMS answers it.

use serde::{Deserialize, Serialize};

use sdk_core::model::check_required;
use sdk_core::{Accepted, Method, Result};

use crate::common::{DateFilter, HttpMethod, check_method, check_url, filtered};
use crate::paging::{Listed, Paginator};
use crate::sms::{MessageDirection, MessageStatus};
use crate::wire::{self, Scalar, Timestamp};

pub(crate) const COLLECTION: &str = "/Accounts/{AccountSid}/MMS/Messages";
pub(crate) const ITEM: &str = "/Accounts/{AccountSid}/MMS/Messages/{MMSSid}";

sdk_core::id_type! {
    /// The sid of an MMS message (`MMSSid`).
    pub struct MmsSid;
}

/// An MMS message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MmsMessage {
    /// The message's sid, as the document names it (see [`id`](Self::id)).
    #[serde(
        default,
        alias = "MmsSid",
        alias = "MMSSid",
        deserialize_with = "wire::id",
        skip_serializing_if = "Option::is_none"
    )]
    pub mms_sid: Option<MmsSid>,
    /// The message's sid under the name every other resource uses, should the server send
    /// it so.
    #[serde(
        default,
        alias = "Sid",
        deserialize_with = "wire::id",
        skip_serializing_if = "Option::is_none"
    )]
    pub sid: Option<MmsSid>,
    /// The account.
    #[serde(
        default,
        alias = "AccountSid",
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub account_sid: Option<String>,
    /// The text sent with the media.
    #[serde(
        default,
        alias = "Body",
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub body: Option<String>,
    /// The media's URL.
    #[serde(
        default,
        alias = "MediaUrl",
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub media_url: Option<String>,
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
    /// The API version (the document spells it `apiVersion`; both are read).
    #[serde(
        default,
        alias = "apiVersion",
        alias = "ApiVersion",
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub api_version: Option<String>,
    /// This resource's path (not in the document's list).
    #[serde(
        default,
        alias = "Uri",
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub uri: Option<String>,
}

impl MmsMessage {
    /// The message's sid: `mms_sid`, else `sid`.
    pub fn id(&self) -> Option<&MmsSid> {
        self.mms_sid
            .as_ref()
            .or(self.sid.as_ref())
            .filter(|s| !s.as_str().is_empty())
    }
}

impl Listed for MmsMessage {
    /// Not documented: inferred from List SMS's `sms_messages` (the paginator takes the
    /// answer's one array when the key differs).
    const ITEMS_KEY: &'static str = "mms_messages";
}

/// The form of Send MMS.
///
/// ```
/// use cpaas::mms::SendMms;
///
/// let mms = SendMms::new("+12223334444", "+15556667777", "https://example.com/image.png").body("Hello");
/// # let _ = mms;
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct SendMms {
    /// Your MMS-enabled number.
    pub from: String,
    /// The receiving number (US or Canada).
    pub to: String,
    /// The media: amr, mp3, wav, jpg, gif, png or mp4, 750 KB in all.
    pub media_url: String,
    /// Text sent with the media.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// Told about the message's status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_callback: Option<String>,
    /// The method of `status_callback`.
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
            body: None,
            status_callback: None,
            status_callback_method: None,
        }
    }

    fn check(&self) -> Result<()> {
        check_required("From", &self.from)?;
        check_required("To", &self.to)?;
        check_required("MediaUrl", &self.media_url)?;
        check_url("StatusCallback", self.status_callback.as_deref())?;
        check_method("StatusCallbackMethod", self.status_callback_method.as_ref())
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
    Mms
}

impl Mms<'_> {
    /// Send MMS (`cpaas.mms.send`): returns the message with a poller that waits until it
    /// is sent or fails (as [`Sms::send`](crate::sms::Sms::send)).
    ///
    /// # Errors
    ///
    /// [`sdk_core::ErrorKind::InvalidInput`] naming the field (nothing sent); else as any
    /// call.
    pub async fn send(&self, mms: &SendMms) -> Result<Accepted<MmsMessage, MmsMessage>> {
        let spec = self
            .0
            .spec(Method::POST, "cpaas.mms.send", COLLECTION, &[])
            .validate(|| mms.check())
            .form(mms);
        let sent: MmsMessage = self.0.execute(spec).await?;
        let sid = sent.id().map(ToString::to_string).unwrap_or_default();
        let poller = self
            .0
            .poller("cpaas.mms.get", ITEM, &[&sid], |m: &MmsMessage| {
                crate::sms::classify(m.status.as_ref())
            });
        Ok(Accepted::new(sent, Some(sid), poller))
    }

    /// View MMS (`cpaas.mms.get`).
    ///
    /// # Errors
    ///
    /// As any call: the server's answer, transport, decode.
    pub async fn get(&self, mms_sid: impl AsRef<str>) -> Result<MmsMessage> {
        let spec = self
            .0
            .spec(Method::GET, "cpaas.mms.get", ITEM, &[mms_sid.as_ref()]);
        self.0.execute(spec).await
    }

    /// List MMS (`cpaas.mms.list`), filtered.
    pub fn list(&self, filter: &MmsFilter) -> Paginator<MmsMessage> {
        let spec = self.0.spec(Method::GET, "cpaas.mms.list", COLLECTION, &[]);
        self.0
            .paginator(filtered(spec, filter.pairs()), MmsMessage::ITEMS_KEY)
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
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

    #[test]
    fn mms_ids_are_read_under_either_name() {
        for json in [
            r#"{"mms_sid": "MM1"}"#,
            r#"{"sid": "MM1"}"#,
            r#"{"sid": "MM1", "mms_sid": "MM1"}"#,
        ] {
            let m: MmsMessage = serde_json::from_str(json).expect("a message");
            assert_eq!(m.id().map(MmsSid::as_str), Some("MM1"));
        }
        assert_eq!(
            serde_json::to_string(
                &serde_json::from_str::<MmsMessage>(r#"{"mms_sid":"MM1","apiVersion":"v2"}"#)
                    .expect("a message")
            )
            .expect("json"),
            r#"{"mms_sid":"MM1","api_version":"v2"}"#
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
    }
}
