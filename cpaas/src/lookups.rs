//! Lookups (`/Lookups/Carrier`, `/Lookups/Cnam`, `/Lookups/Bna`): who carries a number,
//! the caller name (CNAM) and the billing name and address (BNA, US only) of a number;
//! each charged per lookup, each listed afterwards.
//!
//! A lookup is a POST on the list's own URL, and every kind takes several numbers in one
//! request (`PhoneNumber` repeated). The production service answers with the list envelope
//! (`carrier_lookups`, `cnam_dips`, `bna_lookups` beside the paging values), other
//! deployments with the one result; both are read, as a list of results. The CNAM list's
//! key is `cnam_dips` (the document's `cnam_lookups` is read too). The numbers are sent as
//! given: the document asks for E.164, and short codes and other numbers are the service's
//! to judge.

use std::marker::PhantomData;

use serde::de::{self, DeserializeOwned, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use sdk_core::model::check_required;
use sdk_core::{Error, Method, Result};

use crate::paging::Paginator;
use crate::wire::{self, Scalar, Timestamp};

pub(crate) const CARRIER: &str = "/Accounts/{AccountSid}/Lookups/Carrier";
pub(crate) const CNAM: &str = "/Accounts/{AccountSid}/Lookups/Cnam";
pub(crate) const BNA: &str = "/Accounts/{AccountSid}/Lookups/Bna";

/// What every lookup result carries.
macro_rules! lookup_struct {
    ($(#[$meta:meta])* $name:ident, [$key:literal $(, $other:literal)*] { $( $(#[$fmeta:meta])* $field:ident : $ty:ty ),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[non_exhaustive]
        pub struct $name {
            /// The lookup's sid (every lookup has one).
            #[serde( deserialize_with = "wire::sid")]
            pub sid: String,
            /// The account.
            #[serde(default, deserialize_with = "wire::text", skip_serializing_if = "Option::is_none")]
            pub account_sid: Option<String>,
            /// The number looked up.
            #[serde(default, deserialize_with = "wire::text", skip_serializing_if = "Option::is_none")]
            pub phone_number: Option<String>,
            $( $(#[$fmeta])* pub $field: $ty, )*
            /// The cost of the lookup.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub price: Option<Scalar<f64>>,
            /// When it was made.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub date_created: Option<Timestamp>,
            /// When it was last updated.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub date_updated: Option<Timestamp>,
            /// The API version.
            #[serde(default, deserialize_with = "wire::text", skip_serializing_if = "Option::is_none")]
            pub api_version: Option<String>,
            /// This resource's path.
            #[serde(default, deserialize_with = "wire::text", skip_serializing_if = "Option::is_none")]
            pub uri: Option<String>,
            /// Fields the SDK does not name, kept as the server sent them.
            #[serde(flatten)]
            pub unknown_fields: sdk_core::model::UnknownFields,
        }

        sdk_core::listed!($name = $key);

        impl Found for $name {
            const KEYS: &'static [&'static str] = &[$key $(, $other)*];
        }
    };
}

/// A lookup result: the keys its list is sent under.
trait Found: DeserializeOwned {
    /// The keys of the list envelope's items (the first is [`Listed::ITEMS_KEY`]).
    const KEYS: &'static [&'static str];
}

lookup_struct!(
    /// A carrier lookup.
    CarrierLookup, ["carrier_lookups"] {
        /// The carrier the number is on.
        #[serde(default, deserialize_with = "wire::text", skip_serializing_if = "Option::is_none")]
        network: Option<String>,
        /// Whether it is a mobile number.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        mobile: Option<Scalar<bool>>,
        /// The four-digit carrier identification code (a number or a string on the wire).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        carrier_id: Option<Scalar<String>>,
        /// The ISO country code of the number.
        #[serde(default, deserialize_with = "wire::text", skip_serializing_if = "Option::is_none")]
        country_code: Option<String>,
        /// Mobile network code, when known.
        #[serde(default, deserialize_with = "wire::text", skip_serializing_if = "Option::is_none")]
        mnc: Option<String>,
        /// Mobile country code, when known.
        #[serde(default, deserialize_with = "wire::text", skip_serializing_if = "Option::is_none")]
        mcc: Option<String>,
        /// The carrier identification code of the sponsoring carrier, for a number a
        /// reseller sells (sent by the service, not in the document).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        sponsor_carrier_id: Option<Scalar<String>>,
        /// Whether the sponsoring carrier's number is a mobile (sent by the service).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        sponsor_mobile: Option<Scalar<bool>>,
        /// The sponsoring carrier (sent by the service).
        #[serde(default, deserialize_with = "wire::text", skip_serializing_if = "Option::is_none")]
        sponsor_network: Option<String>,
        /// The sponsoring carrier's ISO country code (sent by the service).
        #[serde(default, deserialize_with = "wire::text", skip_serializing_if = "Option::is_none")]
        sponsor_country_code: Option<String>,
    }
);

lookup_struct!(
    /// A CNAM (caller name) lookup.
    CnamLookup, ["cnam_dips", "cnam_lookups"] {
        /// The name found (`null` when none).
        #[serde(default, deserialize_with = "wire::text", skip_serializing_if = "Option::is_none")]
        body: Option<String>,
    }
);

lookup_struct!(
    /// A BNA (billing name and address) lookup.
    BnaLookup, ["bna_lookups"] {
        /// First name.
        #[serde(default, deserialize_with = "wire::text", skip_serializing_if = "Option::is_none")]
        first_name: Option<String>,
        /// Last name.
        #[serde(default, deserialize_with = "wire::text", skip_serializing_if = "Option::is_none")]
        last_name: Option<String>,
        /// Address.
        #[serde(default, deserialize_with = "wire::text", skip_serializing_if = "Option::is_none")]
        address: Option<String>,
        /// City.
        #[serde(default, deserialize_with = "wire::text", skip_serializing_if = "Option::is_none")]
        city: Option<String>,
        /// US state.
        #[serde(default, deserialize_with = "wire::text", skip_serializing_if = "Option::is_none")]
        state: Option<String>,
        /// ZIP code.
        #[serde(default, deserialize_with = "wire::text", skip_serializing_if = "Option::is_none")]
        zip_code: Option<String>,
        /// Country code.
        #[serde(default, deserialize_with = "wire::text", skip_serializing_if = "Option::is_none")]
        country_code: Option<String>,
    }
);

/// The answer of a lookup POST, as a list: the list envelope (its items under one of
/// `T::KEYS`; in XML the list element, whose children are the items), a bare array, or one
/// result.
struct Answer<T>(Vec<T>);

impl<'de, T: Found> Deserialize<'de> for Answer<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct Read<T>(PhantomData<T>);

        impl<'de, T: Found> Visitor<'de> for Read<T> {
            type Value = Answer<T>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a lookup, a list of lookups or their list envelope")
            }

            fn visit_seq<A: SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> std::result::Result<Self::Value, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Answer(items))
            }

            fn visit_map<A: MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<Self::Value, A::Error> {
                // Every entry, a repeated key (an XML element per item) kept each time.
                let mut entries: Vec<(String, Value)> = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    entries.push((key, map.next_value()?));
                }
                found(entries).map(Answer).map_err(de::Error::custom)
            }
        }

        d.deserialize_any(Read(PhantomData))
    }
}

/// The results in the entries of an answer object.
fn found<T: Found>(entries: Vec<(String, Value)>) -> serde_json::Result<Vec<T>> {
    let named = |k: &str| !k.starts_with('@') && !k.starts_with('$');
    let listed: Vec<&Value> = entries
        .iter()
        .filter(|(k, _)| T::KEYS.contains(&k.as_str()))
        .map(|(_, v)| v)
        .collect();
    let one_result = entries.iter().any(|(k, _)| k.eq_ignore_ascii_case("sid"));
    let mut names = entries.iter().filter(|(k, _)| named(k)).map(|(k, _)| k);
    let only_name = names.next().filter(|first| names.all(|k| k == *first));
    let items: Vec<&Value> = if !listed.is_empty() {
        listed
    } else if one_result {
        return Ok(vec![T::deserialize(Value::Object(
            entries.into_iter().collect(),
        ))?]);
    } else if let Some(name) = only_name.filter(|_| {
        entries
            .iter()
            .all(|(k, v)| !named(k) || v.is_object() || v.is_array())
    }) {
        // An XML list element (its children the items) or a one-key wrapper.
        entries
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v)
            .collect()
    } else {
        // A JSON envelope under another key: its one array.
        let arrays: Vec<&Value> = entries
            .iter()
            .map(|(_, v)| v)
            .filter(|v| v.is_array())
            .collect();
        match arrays.as_slice() {
            [one] => vec![*one],
            _ => {
                return Ok(vec![T::deserialize(Value::Object(
                    entries.into_iter().collect(),
                ))?]);
            }
        }
    };
    let mut out = Vec::new();
    for v in items {
        match v {
            Value::Array(list) => {
                for item in list {
                    out.push(T::deserialize(item)?);
                }
            }
            Value::Null => {}
            one => out.push(T::deserialize(one)?),
        }
    }
    Ok(out)
}

/// The form of a lookup: `PhoneNumber`, repeated for several numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LookupRequest {
    /// The numbers (the document: E.164; sent as given).
    #[serde(rename = "PhoneNumber", deserialize_with = "one_or_many")]
    pub phone_numbers: Vec<String>,
}

fn one_or_many<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Vec<String>, D::Error> {
    Ok(sdk_core::model::OneOrMany::<String>::deserialize(d)?.to_vec())
}

impl LookupRequest {
    /// Looks up `phone_number`.
    pub fn new(phone_number: impl Into<String>) -> Self {
        LookupRequest {
            phone_numbers: vec![phone_number.into()],
        }
    }

    /// Looks up `phone_number` too.
    pub fn and(mut self, phone_number: impl Into<String>) -> Self {
        self.phone_numbers.push(phone_number.into());
        self
    }

    /// At least one number, none blank.
    fn check(&self) -> Result<()> {
        if self.phone_numbers.is_empty() {
            return Err(Error::invalid_input("PhoneNumber", "required"));
        }
        self.phone_numbers
            .iter()
            .try_for_each(|n| check_required("PhoneNumber", n))
    }
}

sdk_core::scope_type! {
    /// The lookups of an account: `/Accounts/{AccountSid}/Lookups`.
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// use cpaas::lookups::LookupRequest;
    ///
    /// let lookups = client.account().lookups();
    /// for found in lookups.carrier(&LookupRequest::new("+12223334444")).await? {
    ///     println!("{:?} {:?} {:?}", found.phone_number, found.network, found.mobile);
    /// }
    /// # Ok(()) }
    /// ```
    Lookups
}

impl Lookups<'_> {
    /// Carrier Lookup (`cpaas.lookups.carrier`): one or more numbers, a result each.
    ///
    /// # Errors
    ///
    /// [`sdk_core::ErrorKind::InvalidInput`] for no number or a blank one (nothing sent);
    /// else as any call.
    pub async fn carrier(&self, request: &LookupRequest) -> Result<Vec<CarrierLookup>> {
        let spec = self
            .0
            .spec(Method::POST, "cpaas.lookups.carrier", CARRIER, &[])
            .validate(|| request.check())
            .form(request);
        Ok(self.0.execute::<Answer<CarrierLookup>>(spec).await?.0)
    }

    /// Carrier Lookup List (`cpaas.lookups.carrier_list`).
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// use sdk_core::futures_util::TryStreamExt;
    ///
    /// let mut lookups = client.account().lookups().carrier_list().items();
    /// while let Some(lookup) = lookups.try_next().await? {
    ///     println!("{:?} {:?} {:?}", lookup.phone_number, lookup.network, lookup.price);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn carrier_list(&self) -> Paginator<CarrierLookup> {
        let spec = self
            .0
            .spec(Method::GET, "cpaas.lookups.carrier_list", CARRIER, &[]);
        self.0.paginator(spec)
    }

    /// CNAM Lookup (`cpaas.lookups.cnam`): one or more numbers, a result each.
    ///
    /// # Errors
    ///
    /// As [`carrier`](Self::carrier).
    pub async fn cnam(&self, request: &LookupRequest) -> Result<Vec<CnamLookup>> {
        let spec = self
            .0
            .spec(Method::POST, "cpaas.lookups.cnam", CNAM, &[])
            .validate(|| request.check())
            .form(request);
        Ok(self.0.execute::<Answer<CnamLookup>>(spec).await?.0)
    }

    /// CNAM Lookup List (`cpaas.lookups.cnam_list`): the items under `cnam_dips` (or the
    /// document's `cnam_lookups`).
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// let recent = client.account().lookups().cnam_list().max_items(20).collect_all().await?;
    /// for lookup in recent {
    ///     println!("{:?} {:?}", lookup.phone_number, lookup.body);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn cnam_list(&self) -> Paginator<CnamLookup> {
        let spec = self
            .0
            .spec(Method::GET, "cpaas.lookups.cnam_list", CNAM, &[]);
        self.0.paginator(spec)
    }

    /// BNA Lookup (`cpaas.lookups.bna`): one or more US numbers, a result each.
    ///
    /// # Errors
    ///
    /// As [`carrier`](Self::carrier).
    pub async fn bna(&self, request: &LookupRequest) -> Result<Vec<BnaLookup>> {
        let spec = self
            .0
            .spec(Method::POST, "cpaas.lookups.bna", BNA, &[])
            .validate(|| request.check())
            .form(request);
        Ok(self.0.execute::<Answer<BnaLookup>>(spec).await?.0)
    }

    /// BNA Lookup List (`cpaas.lookups.bna_list`).
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// for lookup in client.account().lookups().bna_list().collect_all().await? {
    ///     println!("{:?} {:?} {:?}", lookup.phone_number, lookup.last_name, lookup.city);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn bna_list(&self) -> Paginator<BnaLookup> {
        let spec = self.0.spec(Method::GET, "cpaas.lookups.bna_list", BNA, &[]);
        self.0.paginator(spec)
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use sdk_core::sim::{Api, ListStyle, Resource};
    use serde_json::{Value, json};

    use crate::paging::Listed;
    use crate::sim;

    /// The lookups of one kind: a lookup is an answer, not a resource one creates, so a
    /// POST is an action; each number looked up is charged and stored for the list, and the
    /// answer is the list envelope of the results (`found` filled in), as the production
    /// service answers.
    fn lookups(
        api: Api,
        (template, name): (&'static str, &'static str),
        (item, list): (&'static str, &'static str),
        items_key: &'static str,
        prefix: &'static str,
        found: Value,
    ) -> Api {
        let segment = template.rsplit('/').next().unwrap_or_default();
        api.resource(
            Resource::new(name, template)
                .id_field("sid")
                .only(&[])
                .list(ListStyle::ZeroIndexed { items_key })
                .newest_first(true)
                .xml_names(item, list),
        )
        .action(Method::POST, template, move |store, req| {
            let acct = req.param("AccountSid").unwrap_or_default();
            let numbers: Vec<&str> = match &req.body["phone_number"] {
                Value::String(s) => vec![s.as_str()],
                Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
                _ => Vec::new(),
            };
            if numbers.is_empty() {
                return sim::error(400, 10022, "PhoneNumber is required");
            }
            let results: Vec<Value> = numbers
                .iter()
                .map(|number| {
                    let (sid, now) = (sim::new_sid(prefix), sim::now());
                    let mut r = json!({
                        "sid": sid, "account_sid": acct, "phone_number": number,
                        "price": "0.0100", "date_created": now, "date_updated": now,
                        "api_version": "v2",
                        "uri": format!("/v2/Accounts/{acct}/Lookups/{segment}/{sid}"),
                    });
                    if let (Value::Object(r), Value::Object(found)) = (&mut r, &found) {
                        r.extend(found.clone());
                    }
                    store.insert(name, &[acct], &sid, r.clone());
                    r
                })
                .collect();
            let style = ListStyle::ZeroIndexed { items_key };
            req.list_reply(&style, &results).xml_names(item, list)
        })
    }

    let api = lookups(
        api,
        (CARRIER, "carrier_lookups"),
        ("CarrierLookup", "CarrierLookups"),
        CarrierLookup::ITEMS_KEY,
        "CL",
        json!({"network": "Simulated Wireless", "mobile": true, "carrier_id": "6006", "country_code": "US"}),
    );
    let api = lookups(
        api,
        (CNAM, "cnam_lookups"),
        ("CnamLookup", "CnamLookups"),
        CnamLookup::ITEMS_KEY,
        "CN",
        json!({"body": "SIMULATED CALLER"}),
    );
    lookups(
        api,
        (BNA, "bna_lookups"),
        ("BnaLookup", "BnaLookups"),
        BnaLookup::ITEMS_KEY,
        "BN",
        json!({
            "first_name": "Ada", "last_name": "Lovelace", "address": "1 Main St",
            "city": "Seattle", "state": "WA", "zip_code": "98101", "country_code": "US",
        }),
    )
}

#[cfg(all(test, feature = "xml"))]
mod tests {
    use super::*;

    #[test]
    fn lookups_take_one_or_several_numbers_as_given() {
        let r: LookupRequest =
            serde_json::from_value(serde_json::json!({"PhoneNumber": "+15556667777"}))
                .expect("the catalog's example");
        assert_eq!(
            sdk_core::format::to_form(&r).expect("a form"),
            "PhoneNumber=%2B15556667777"
        );
        let two = r.clone().and("12345");
        assert_eq!(
            sdk_core::format::to_form(&two).expect("a form"),
            "PhoneNumber=%2B15556667777&PhoneNumber=12345"
        );
        two.check().expect("a short code is the service's to judge");
        assert_eq!(
            LookupRequest::new(" ").check().unwrap_err().field(),
            Some("PhoneNumber")
        );
        let none = LookupRequest {
            phone_numbers: Vec::new(),
        };
        assert_eq!(none.check().unwrap_err().field(), Some("PhoneNumber"));
        let c: CarrierLookup =
            serde_json::from_str(r#"{"sid": "CL1", "mobile": "true", "carrier_id": 6006}"#)
                .expect("a lookup");
        assert_eq!(c.mobile.as_ref().and_then(Scalar::get), Some(true));
        assert_eq!(
            c.carrier_id
                .as_ref()
                .and_then(Scalar::value)
                .map(String::as_str),
            Some("6006")
        );
        assert_eq!(
            serde_json::to_value(&c).expect("json")["carrier_id"],
            6006,
            "kept a number"
        );
    }

    fn json<T: Found>(text: &str) -> serde_json::Result<Vec<T>> {
        serde_json::from_str::<Answer<T>>(text).map(|a| a.0)
    }

    fn xml<T: Found>(text: &str) -> Vec<T> {
        crate::wire::from_xml::<Answer<T>>(text)
            .expect("an XML answer")
            .0
    }

    #[test]
    fn answers_are_read_as_a_list_in_every_shape() {
        let one = json::<CnamLookup>(r#"{"sid": "CN1", "body": null}"#).expect("one");
        assert_eq!(one.len(), 1);
        let bare = json::<CnamLookup>(r#"[{"sid": "CN1"}, {"sid": "CN2"}]"#).expect("an array");
        assert_eq!(bare.len(), 2);
        for key in ["cnam_dips", "cnam_lookups"] {
            let text = format!(
                r#"{{"page": 0, "num_pages": 1, "page_size": 50, "total": 2, "{key}": [{{"sid": "CN1", "body": "ADA"}}, {{"sid": "CN2"}}], "next_page_uri": ""}}"#
            );
            let env = json::<CnamLookup>(&text).expect("the production envelope");
            assert_eq!(env.len(), 2, "{key}");
            assert_eq!(env[0].body.as_deref(), Some("ADA"));
        }
        let carrier = json::<CarrierLookup>(
            r#"{"page": 0, "carrier_lookups": [{"sid": "CL1", "network": "T-Mobile", "sponsor_carrier_id": 6529,
                "sponsor_mobile": "true", "sponsor_network": "Sponsor", "sponsor_country_code": "US", "ported": false}]}"#,
        )
        .expect("the production envelope");
        assert_eq!(
            carrier[0]
                .sponsor_carrier_id
                .as_ref()
                .and_then(Scalar::as_text)
                .as_deref(),
            Some("6529")
        );
        assert_eq!(
            carrier[0].sponsor_mobile.as_ref().and_then(Scalar::get),
            Some(true)
        );
        assert_eq!(carrier[0].sponsor_network.as_deref(), Some("Sponsor"));
        assert_eq!(carrier[0].sponsor_country_code.as_deref(), Some("US"));
        assert_eq!(
            carrier[0].unknown_fields.get("ported"),
            Some(&serde_json::json!(false))
        );
        let bna = json::<BnaLookup>(r#"{"bna_lookups": [], "page": 0}"#).expect("an empty page");
        assert!(bna.is_empty());
        assert!(
            json::<BnaLookup>(r#"{"x": 1}"#).is_err(),
            "a shape that does not fit"
        );

        let one = xml::<CarrierLookup>(
            "<Response><CarrierLookup><Sid>CL1</Sid><Mobile>true</Mobile><Extra>x</Extra></CarrierLookup></Response>",
        );
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].mobile.as_ref().and_then(Scalar::get), Some(true));
        assert_eq!(
            one[0].unknown_fields.get("extra"),
            Some(&serde_json::json!("x"))
        );
        let env = xml::<CarrierLookup>(
            "<Response><CarrierLookups page=\"0\" numpages=\"1\">\
             <CarrierLookup><Sid>CL1</Sid><Network>A</Network></CarrierLookup>\
             <CarrierLookup><Sid>CL2</Sid><Network>B</Network></CarrierLookup>\
             </CarrierLookups></Response>",
        );
        assert_eq!(
            env.iter().map(|l| l.sid.as_str()).collect::<Vec<_>>(),
            ["CL1", "CL2"]
        );
        let single = xml::<CnamLookup>(
            "<Response><CnamDips page=\"0\"><CnamDip><Sid>CN1</Sid><Body>ADA</Body></CnamDip></CnamDips></Response>",
        );
        assert_eq!(single[0].body.as_deref(), Some("ADA"));
    }
}
