//! Usages (`/Usages`): what the account used and what it cost, per product and day.

use serde::{Deserialize, Serialize};

use sdk_core::model::UnknownFields;
use sdk_core::{Method, Result};

use crate::common::filtered;
use crate::paging::Paginator;
use crate::wire::{self, Scalar};

pub(crate) const COLLECTION: &str = "/Accounts/{AccountSid}/Usages";
const ITEM: &str = "/Accounts/{AccountSid}/Usages/{UsageSid}";

/// The document's product codes (the `Product` filter, `product_id`). 10, 11, 13, 15 and
/// 16 are not listed.
pub const PRODUCTS: &[(u32, &str)] = &[
    (1, "Outbound Call"),
    (2, "Inbound Call"),
    (3, "Outbound SMS"),
    (4, "Inbound SMS"),
    (5, "Outbound SIP"),
    (6, "Inbound SIP"),
    (7, "Recording"),
    (8, "Recurring DID"),
    (9, "Recurring DID (Premium)"),
    (12, "Transcription (Auto)"),
    (14, "Transcription (Keywords)"),
    (17, "Recurring Inbound Channel"),
    (18, "Inbound Call (Channel)"),
    (19, "CNAM Dip"),
    (20, "Carrier Lookup"),
    (21, "Outbound Call (Spoofed)"),
    (22, "Inbound Call (Channel Overage)"),
    (23, "Recurring DID Unblock"),
    (24, "Inbound Call Unblocked"),
    (25, "Inbound Call Forwarded From"),
];

/// The name of a product code.
///
/// ```
/// assert_eq!(cpaas::usages::product_name(3), Some("Outbound SMS"));
/// assert_eq!(cpaas::usages::product_name(10), None);
/// ```
pub fn product_name(id: u32) -> Option<&'static str> {
    PRODUCTS.iter().find(|(c, _)| *c == id).map(|(_, n)| *n)
}

sdk_core::id_type! {
    /// The sid of a usage (`UsageSid`).
    pub struct UsageSid;
}

/// The usage of one product on one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Usage {
    /// The usage's sid.
    #[serde(deserialize_with = "wire::sid")]
    pub sid: UsageSid,
    /// The product's name.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub product: Option<String>,
    /// The product's code (see [`PRODUCTS`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_id: Option<Scalar<u32>>,
    /// The day of the month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<Scalar<u32>>,
    /// The month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<Scalar<u32>>,
    /// The year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<Scalar<u32>>,
    /// The units used (minutes, messages, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<Scalar<f64>>,
    /// The number of uses (the List Usages page says `total` and `quantity` differ: two
    /// 90-second calls are a total of 2 and a quantity of 4 minutes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<Scalar<f64>>,
    /// The average cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub average_cost: Option<Scalar<f64>>,
    /// The total cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_cost: Option<Scalar<f64>>,
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

impl Usage {
    /// The product's name: `product`, else the name of `product_id`.
    pub fn product_name(&self) -> Option<&str> {
        self.product
            .as_deref()
            .filter(|p| !p.is_empty())
            .or_else(|| {
                self.product_id
                    .as_ref()
                    .and_then(Scalar::get)
                    .and_then(product_name)
            })
    }
}

sdk_core::listed!(Usage = "usages");

/// The filters of [`Usages::list`]: each is sent as given (a day or month out of range is
/// the server's to refuse).
///
/// ```
/// use cpaas::usages::UsageFilter;
///
/// let sms_in_may = UsageFilter::new().year(2019u32).month(5u32).product(3u32);
/// # let _ = sms_in_may;
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct UsageFilter {
    /// The day of the month, 1 to 31.
    pub day: Option<u32>,
    /// The month, 1 to 12.
    pub month: Option<u32>,
    /// The year.
    pub year: Option<u32>,
    /// The product code (see [`PRODUCTS`]).
    pub product: Option<u32>,
}

impl UsageFilter {
    /// No filter.
    pub fn new() -> Self {
        Self::default()
    }

    fn pairs(&self) -> Vec<(String, String)> {
        [
            ("Day", self.day),
            ("Month", self.month),
            ("Year", self.year),
            ("Product", self.product),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k.to_owned(), v.to_string())))
        .collect()
    }
}

sdk_core::setters!(UsageFilter {
    /// The day of the month, 1 to 31.
    day: u32,
    /// The month, 1 to 12.
    month: u32,
    /// The year.
    year: u32,
    /// The product code.
    product: u32,
});

sdk_core::scope_type! {
    /// The usages of an account: `/Accounts/{AccountSid}/Usages`.
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// let usages = client.account().usages();
    /// let usage = usages.get("US123").await?;
    /// println!("{:?} {:?}", usage.product, usage.total_cost);
    /// # Ok(()) }
    /// ```
    Usages
}

impl Usages<'_> {
    /// View Usage (`cpaas.usages.get`).
    ///
    /// # Errors
    ///
    /// As any call: the server's answer, transport, decode.
    pub async fn get(&self, usage_sid: impl AsRef<str>) -> Result<Usage> {
        let spec = self
            .0
            .spec(Method::GET, "cpaas.usages.get", ITEM, &[usage_sid.as_ref()]);
        self.0.execute(spec).await
    }

    /// List Usages (`cpaas.usages.list`), filtered by day, month, year and product.
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// use cpaas::usages::UsageFilter;
    /// use sdk_core::futures_util::TryStreamExt;
    ///
    /// let may = UsageFilter::new().year(2019u32).month(5u32);
    /// let mut usages = client.account().usages().list(&may).items();
    /// while let Some(usage) = usages.try_next().await? {
    ///     println!("{:?} {:?} {:?}", usage.product, usage.quantity, usage.total_cost);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self, filter: &UsageFilter) -> Paginator<Usage> {
        let spec = self
            .0
            .spec(Method::GET, "cpaas.usages.list", COLLECTION, &[]);
        self.0.paginator(filtered(spec, filter.pairs()))
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use crate::paging::Listed;
    use crate::sim;

    let filters = &[
        ("Day", "day"),
        ("Month", "month"),
        ("Year", "year"),
        ("Product", "product_id"),
    ];
    api.resource(
        sim::resource("usages", "US", (COLLECTION, ITEM), Usage::ITEMS_KEY)
            .xml_names("Usage", "Usages")
            .only(&[sdk_core::sim::Verb::Get])
            .list_filter(sim::filters(filters, None)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(feature = "xml")]
    fn usages_read_numbers_either_way() {
        let u: Usage = serde_json::from_str(
            r#"{"sid": "US1", "product_id": "3", "day": "03", "month": 5, "year": "2019", "quantity": 4, "total_cost": "0.0300", "average_cost": null}"#,
        )
        .expect("a usage");
        assert_eq!(u.day.as_ref().and_then(Scalar::get), Some(3));
        assert_eq!(u.month.as_ref().and_then(Scalar::get), Some(5));
        assert_eq!(u.total_cost.as_ref().and_then(Scalar::get), Some(0.03));
        assert_eq!(u.average_cost, None);
        assert_eq!(u.product_name(), Some("Outbound SMS"));
        assert!(u.unknown_fields.is_empty());
        let xml = "<Response><Usage><Sid>US1</Sid><Day>03</Day><Currency>USD</Currency></Usage></Response>";
        let u: Usage = crate::wire::from_xml(xml).expect("a usage");
        assert_eq!(u.day.as_ref().and_then(Scalar::get), Some(3));
        assert_eq!(
            u.unknown_fields.get("currency"),
            Some(&serde_json::json!("USD"))
        );
        let json = r#"{"sid":"US1","currency":"USD"}"#;
        let u: Usage = serde_json::from_str(json).expect("a usage");
        assert_eq!(serde_json::to_string(&u).expect("json"), json);
    }

    #[test]
    fn filters_are_sent_as_given() {
        assert_eq!(
            UsageFilter::new().day(0u32).month(13u32).pairs(),
            vec![
                ("Day".to_owned(), "0".to_owned()),
                ("Month".to_owned(), "13".to_owned())
            ]
        );
        assert_eq!(
            UsageFilter::new().year(2019u32).product(3u32).pairs(),
            vec![
                ("Year".to_owned(), "2019".to_owned()),
                ("Product".to_owned(), "3".to_owned())
            ]
        );
    }
}
