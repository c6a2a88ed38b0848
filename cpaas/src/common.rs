//! What every CPaaS resource family shares: the response format and the path suffix that
//! selects it, the `/v2` version segment, the conventions every scope carries, the list
//! filters and typed date filters, and the callback methods.

use chrono::{Datelike, NaiveDate};

use sdk_core::{Conventions, Error, Format, PagingStyle, RequestSpec, Result};

/// The longest callback URL the document allows (`Url`, `FallbackUrl`, `StatusCallback`,
/// `HeartbeatUrl`, `RecordCallback`, ...): 200 characters. Information only: the SDK sends
/// a URL of any length, and the service refuses longer URLs with error 12301.
pub const MAX_URL_LENGTH: usize = 200;

/// The format CPaaS answers in, chosen by the suffix of every path (`.json` or `.xml`).
///
/// JSON (snake_case keys) is the SDK's default; XML (CamelCase elements under
/// `<Response>`, paging values as attributes of the list element) is the API's own default
/// and decodes into the same model types. CSV is not offered: it cannot represent the
/// nested fields and its documented example does not parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum ResponseFormat {
    /// `.json` paths.
    #[default]
    Json,
    /// `.xml` paths (feature `xml`).
    #[cfg(feature = "xml")]
    #[cfg_attr(docsrs, doc(cfg(feature = "xml")))]
    Xml,
}

impl ResponseFormat {
    /// The path suffix, without its dot.
    pub fn extension(self) -> &'static str {
        match self {
            ResponseFormat::Json => "json",
            #[cfg(feature = "xml")]
            ResponseFormat::Xml => "xml",
        }
    }

    pub(crate) fn core(self) -> Format {
        match self {
            ResponseFormat::Json => Format::Json,
            #[cfg(feature = "xml")]
            ResponseFormat::Xml => Format::Xml,
        }
    }

    /// The path suffix, with its dot.
    pub(crate) fn suffix(self) -> &'static str {
        match self {
            ResponseFormat::Json => ".json",
            #[cfg(feature = "xml")]
            ResponseFormat::Xml => ".xml",
        }
    }
}

/// The version segment below the base URL: none when the base URL already ends in `/v2`
/// (as the document prints its regional URLs), else `/v2`. So `https://api-us...com/v2`
/// and `https://api-us...com` reach the same paths and `/v2` is never joined twice.
pub(crate) fn version_prefix(base: &url::Url) -> &'static str {
    let path = base.path().trim_end_matches('/');
    let last = path.rsplit('/').next().unwrap_or("");
    if last.eq_ignore_ascii_case("v2") {
        ""
    } else {
        "/v2"
    }
}

sdk_core::string_enum! {
    /// The HTTP method CPaaS uses to request one of your callback URLs (`Method`,
    /// `StatusCallbackMethod`, ...). The document allows GET and POST ("any other value
    /// will default to POST"); any other value is sent as given, for the service to judge.
    pub enum HttpMethod {
        /// `GET`.
        Get = "GET",
        /// `POST` (the server's default).
        Post = "POST",
    }
}

/// A date filter of a list: one day, or a range whose ends are included.
///
/// CPaaS writes the comparison into the parameter's name: `StartTime>=2019-05-01` is the
/// parameter `StartTime>` with the value `2019-05-01`, and `StartTime<=2019-05-31` the
/// parameter `StartTime<`. This type writes those pairs, so no filter is pasted into a
/// string by hand.
///
/// ```
/// use chrono::NaiveDate;
/// use cpaas::DateFilter;
///
/// let may = DateFilter::month(2019, 5)?;
/// assert_eq!(
///     may.pairs("StartTime"),
///     vec![
///         ("StartTime>".to_owned(), "2019-05-01".to_owned()),
///         ("StartTime<".to_owned(), "2019-05-31".to_owned()),
///     ]
/// );
/// let day = NaiveDate::from_ymd_opt(2019, 5, 15).expect("a date");
/// assert_eq!(DateFilter::on(day).pairs("DateSent"), vec![("DateSent".to_owned(), "2019-05-15".to_owned())]);
/// assert_eq!(DateFilter::since(day).pairs("DateSent")[0].0, "DateSent>");
/// # Ok::<(), sdk_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateFilter {
    on: Option<NaiveDate>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
}

impl DateFilter {
    /// That day only (`Name=YYYY-MM-DD`).
    pub fn on(day: NaiveDate) -> Self {
        DateFilter {
            on: Some(day),
            from: None,
            to: None,
        }
    }

    /// From that day on, the day included (`Name>=YYYY-MM-DD`).
    pub fn since(day: NaiveDate) -> Self {
        DateFilter {
            on: None,
            from: Some(day),
            to: None,
        }
    }

    /// Up to that day, the day included (`Name<=YYYY-MM-DD`).
    pub fn until(day: NaiveDate) -> Self {
        DateFilter {
            on: None,
            from: None,
            to: Some(day),
        }
    }

    /// From `first` to `last`, both included.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) when `last` is before
    /// `first`.
    pub fn between(first: NaiveDate, last: NaiveDate) -> Result<Self> {
        if last < first {
            return Err(Error::invalid_input(
                "date filter",
                format!("the range ends ({last}) before it starts ({first})"),
            ));
        }
        Ok(DateFilter {
            on: None,
            from: Some(first),
            to: Some(last),
        })
    }

    /// A whole calendar month: "last month's calls" is
    /// `DateFilter::month(2019, 4)`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) for a month outside
    /// 1 to 12 or a year `chrono` cannot represent.
    pub fn month(year: i32, month: u32) -> Result<Self> {
        let first = NaiveDate::from_ymd_opt(year, month, 1).ok_or_else(|| {
            Error::invalid_input("month", format!("{year}-{month} is not a month"))
        })?;
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)
        };
        let last = next
            .and_then(|n| n.pred_opt())
            .ok_or_else(|| Error::invalid_input("month", "out of range"))?;
        DateFilter::between(first, last)
    }

    /// The calendar month before the one `today` is in.
    pub fn month_before(today: NaiveDate) -> Self {
        let (y, m) = if today.month() == 1 {
            (today.year() - 1, 12)
        } else {
            (today.year(), today.month() - 1)
        };
        // A month before a valid date is always representable.
        DateFilter::month(y, m).unwrap_or(DateFilter::until(today))
    }

    /// The query pairs for the parameter `name`.
    pub fn pairs(&self, name: &str) -> Vec<(String, String)> {
        let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
        let mut out = Vec::with_capacity(2);
        if let Some(d) = self.on {
            out.push((name.to_owned(), day(d)));
        }
        if let Some(d) = self.from {
            out.push((format!("{name}>"), day(d)));
        }
        if let Some(d) = self.to {
            out.push((format!("{name}<"), day(d)));
        }
        out
    }
}

/// `spec` with a list's filters as query parameters (each page of the list keeps them).
pub(crate) fn filtered(spec: RequestSpec, filters: Vec<(String, String)>) -> RequestSpec {
    filters
        .into_iter()
        .fold(spec, |s, (k, v)| s.query_param(k, v))
}

/// The URLs a number or an application calls (voice, SMS, heartbeat, status, hang-up) and
/// their methods, as their forms spell them and as their answers do: the fields
/// [`ensure`](crate::ensure) compares for both.
pub(crate) const CALLBACK_FIELDS: [sdk_core::ensure::Field; 15] = {
    use sdk_core::ensure::Field;
    [
        Field::new("VoiceUrl").live("voice_url"),
        Field::new("VoiceMethod").live("voice_method"),
        Field::new("VoiceFallbackUrl").live("voice_fallback_url"),
        Field::new("VoiceFallbackMethod").live("voice_fallback_method"),
        Field::new("VoiceCallerIdLookup").live("voice_caller_id_lookup"),
        Field::new("SmsUrl").live("sms_url"),
        Field::new("SmsMethod").live("sms_method"),
        Field::new("SmsFallbackUrl").live("sms_fallback_url"),
        Field::new("SmsFallbackMethod").live("sms_fallback_method"),
        Field::new("HeartbeatUrl").live("heartbeat_url"),
        Field::new("HeartbeatMethod").live("heartbeat_method"),
        Field::new("StatusCallback").live("status_callback"),
        Field::new("StatusCallbackMethod").live("status_callback_method"),
        Field::new("HangupCallback").live("hangup_callback"),
        Field::new("HangupCallbackMethod").live("hangup_callback_method"),
    ]
};

/// What every CPaaS request shares, for a client whose base URL is `base` and that asks for
/// `format`: zero-indexed lists of at most [`MAX_PAGE_SIZE`](crate::paging::MAX_PAGE_SIZE)
/// items a page, every path below the `/v2` segment (see [`version_prefix`]) and ending in
/// the format's suffix, XML answers inside `<Response>` with PascalCase element names (read
/// into the same snake_case fields as JSON answers).
pub(crate) fn conventions(base: &url::Url, format: ResponseFormat) -> Conventions {
    Conventions::new(PagingStyle::ZeroIndexed, crate::paging::MAX_PAGE_SIZE)
        .path_affixes(version_prefix(base), format.suffix())
        .xml_wrapped(true)
        .xml_pascal_case(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sdk_core::ensure::Change;

    #[test]
    fn an_update_carries_only_the_changed_fields() {
        use crate::applications::ApplicationRequest;
        let desired = ApplicationRequest::new()
            .friendly_name("Support")
            .voice_url("https://example.com/v.xml")
            .voice_method(HttpMethod::Get)
            .voice_caller_id_lookup(true);
        let changed = |field: &str| Change {
            field: field.to_owned(),
            live: None,
            desired: serde_json::Value::Null,
        };
        let form: ApplicationRequest = sdk_core::ensure::Desired::changes_only(
            &desired,
            &[changed("VoiceMethod"), changed("VoiceCallerIdLookup")],
        )
        .expect("a form");
        assert_eq!(
            sdk_core::format::to_form(&form).expect("a form"),
            "VoiceMethod=GET&VoiceCallerIdLookup=true"
        );
        let none: ApplicationRequest =
            sdk_core::ensure::Desired::changes_only(&desired, &[]).expect("a form");
        assert_eq!(none, ApplicationRequest::new());
    }

    #[test]
    fn the_version_segment_is_added_once() {
        for (base, want) in [
            ("https://api-us.cpaas.avayacloud.com/v2", ""),
            ("https://api-us.cpaas.avayacloud.com/v2/", ""),
            ("https://api-us.cpaas.avayacloud.com/V2", ""),
            ("https://api-us.cpaas.avayacloud.com", "/v2"),
            ("https://gateway.example.com/cpaas", "/v2"),
            ("https://gateway.example.com/cpaas/v2", ""),
            ("https://gateway.example.com/v20", "/v2"),
        ] {
            let url = url::Url::parse(base).expect("a URL");
            assert_eq!(version_prefix(&url), want, "{base}");
        }
    }

    #[test]
    fn date_filters_put_the_operator_in_the_key() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("a date");
        assert_eq!(
            DateFilter::between(d(2019, 5, 1), d(2019, 5, 31))
                .expect("a range")
                .pairs("StartTime"),
            vec![
                ("StartTime>".to_owned(), "2019-05-01".to_owned()),
                ("StartTime<".to_owned(), "2019-05-31".to_owned())
            ]
        );
        assert_eq!(
            DateFilter::until(d(2020, 1, 2)).pairs("DateCreated"),
            vec![("DateCreated<".to_owned(), "2020-01-02".to_owned())]
        );
        let err = DateFilter::between(d(2019, 5, 2), d(2019, 5, 1)).unwrap_err();
        assert_eq!(err.field(), Some("date filter"));
        assert_eq!(
            DateFilter::month(2024, 2).expect("a month"),
            DateFilter::between(d(2024, 2, 1), d(2024, 2, 29)).expect("a range")
        );
        assert_eq!(
            DateFilter::month(2019, 12).expect("a month"),
            DateFilter::between(d(2019, 12, 1), d(2019, 12, 31)).expect("a range")
        );
        assert!(DateFilter::month(2019, 13).is_err());
        assert_eq!(
            DateFilter::month_before(d(2020, 1, 15)),
            DateFilter::month(2019, 12).expect("a month")
        );
        assert_eq!(
            DateFilter::month_before(d(2020, 3, 31)),
            DateFilter::month(2020, 2).expect("a month")
        );
    }
}
