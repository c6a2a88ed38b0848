//! Lookups (`/Lookups/Carrier`, `/Lookups/Cnam`, `/Lookups/Bna`): who carries a number,
//! the caller name (CNAM) and the billing name and address (BNA, US only) of a number;
//! each charged per lookup, each listed afterwards.
//!
//! A lookup is a POST on the list's own URL. CNAM and BNA take several numbers in one
//! request (`PhoneNumber` repeated); the document does not say how several results come
//! back, so the answer is read as one result or a list of them ([`Lookup`]).

use serde::{Deserialize, Serialize};

use sdk_core::model::{check_e164, check_required};
use sdk_core::{Error, Method, Result};

use crate::paging::{Listed, Paginator};
use crate::wire::{self, Scalar, Timestamp};

pub(crate) const CARRIER: &str = "/Accounts/{AccountSid}/Lookups/Carrier";
pub(crate) const CNAM: &str = "/Accounts/{AccountSid}/Lookups/Cnam";
pub(crate) const BNA: &str = "/Accounts/{AccountSid}/Lookups/Bna";

/// What every lookup result carries.
macro_rules! lookup_struct {
    ($(#[$meta:meta])* $name:ident, $key:literal { $( $(#[$fmeta:meta])* $field:ident : $ty:ty ),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[non_exhaustive]
        pub struct $name {
            /// The lookup's sid.
            #[serde(default, alias = "Sid", deserialize_with = "wire::text", skip_serializing_if = "Option::is_none")]
            pub sid: Option<String>,
            /// The account.
            #[serde(default, alias = "AccountSid", deserialize_with = "wire::text", skip_serializing_if = "Option::is_none")]
            pub account_sid: Option<String>,
            /// The number looked up.
            #[serde(default, alias = "PhoneNumber", deserialize_with = "wire::text", skip_serializing_if = "Option::is_none")]
            pub phone_number: Option<String>,
            $( $(#[$fmeta])* pub $field: $ty, )*
            /// The cost of the lookup.
            #[serde(default, alias = "Price", skip_serializing_if = "Option::is_none")]
            pub price: Option<Scalar<f64>>,
            /// When it was made.
            #[serde(default, alias = "DateCreated", skip_serializing_if = "Option::is_none")]
            pub date_created: Option<Timestamp>,
            /// When it was last updated.
            #[serde(default, alias = "DateUpdated", skip_serializing_if = "Option::is_none")]
            pub date_updated: Option<Timestamp>,
            /// The API version.
            #[serde(default, alias = "ApiVersion", deserialize_with = "wire::text", skip_serializing_if = "Option::is_none")]
            pub api_version: Option<String>,
            /// This resource's path.
            #[serde(default, alias = "Uri", deserialize_with = "wire::text", skip_serializing_if = "Option::is_none")]
            pub uri: Option<String>,
        }

        impl Listed for $name {
            const ITEMS_KEY: &'static str = $key;
        }
    };
}

lookup_struct!(
    /// A carrier lookup.
    CarrierLookup, "carrier_lookups" {
        /// The carrier the number is on.
        #[serde(default, alias = "Network", deserialize_with = "wire::text", skip_serializing_if = "Option::is_none")]
        network: Option<String>,
        /// Whether it is a mobile number.
        #[serde(default, alias = "Mobile", skip_serializing_if = "Option::is_none")]
        mobile: Option<Scalar<bool>>,
        /// The four-digit carrier identification code (a number or a string on the wire).
        #[serde(default, alias = "CarrierId", skip_serializing_if = "Option::is_none")]
        carrier_id: Option<Scalar<String>>,
        /// The ISO country code of the number.
        #[serde(default, alias = "CountryCode", deserialize_with = "wire::text", skip_serializing_if = "Option::is_none")]
        country_code: Option<String>,
        /// Mobile network code, when known.
        #[serde(default, alias = "Mnc", deserialize_with = "wire::text", skip_serializing_if = "Option::is_none")]
        mnc: Option<String>,
        /// Mobile country code, when known.
        #[serde(default, alias = "Mcc", deserialize_with = "wire::text", skip_serializing_if = "Option::is_none")]
        mcc: Option<String>,
    }
);

lookup_struct!(
    /// A CNAM (caller name) lookup.
    CnamLookup, "cnam_lookups" {
        /// The name found (`null` when none).
        #[serde(default, alias = "Body", deserialize_with = "wire::text", skip_serializing_if = "Option::is_none")]
        body: Option<String>,
    }
);

lookup_struct!(
    /// A BNA (billing name and address) lookup.
    BnaLookup, "bna_lookups" {
        /// First name.
        #[serde(default, alias = "FirstName", deserialize_with = "wire::text", skip_serializing_if = "Option::is_none")]
        first_name: Option<String>,
        /// Last name.
        #[serde(default, alias = "LastName", deserialize_with = "wire::text", skip_serializing_if = "Option::is_none")]
        last_name: Option<String>,
        /// Address.
        #[serde(default, alias = "Address", deserialize_with = "wire::text", skip_serializing_if = "Option::is_none")]
        address: Option<String>,
        /// City.
        #[serde(default, alias = "City", deserialize_with = "wire::text", skip_serializing_if = "Option::is_none")]
        city: Option<String>,
        /// US state.
        #[serde(default, alias = "State", deserialize_with = "wire::text", skip_serializing_if = "Option::is_none")]
        state: Option<String>,
        /// ZIP code.
        #[serde(default, alias = "ZipCode", deserialize_with = "wire::text", skip_serializing_if = "Option::is_none")]
        zip_code: Option<String>,
        /// Country code.
        #[serde(default, alias = "CountryCode", deserialize_with = "wire::text", skip_serializing_if = "Option::is_none")]
        country_code: Option<String>,
    }
);

/// The answer of a CNAM or BNA lookup: one result, or one per number asked for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Lookup<T> {
    /// Several results.
    Many(Vec<T>),
    /// One result.
    One(T),
}

impl<T> Lookup<T> {
    /// The results as a list.
    pub fn into_vec(self) -> Vec<T> {
        match self {
            Lookup::One(t) => vec![t],
            Lookup::Many(v) => v,
        }
    }
}

/// The form of a lookup: `PhoneNumber`, repeated for several numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LookupRequest {
    /// The numbers, E.164.
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

    /// Looks up `phone_number` too (CNAM and BNA).
    pub fn and(mut self, phone_number: impl Into<String>) -> Self {
        self.phone_numbers.push(phone_number.into());
        self
    }

    fn check(&self, several: bool) -> Result<()> {
        match self.phone_numbers.as_slice() {
            [] => Err(Error::invalid_input("PhoneNumber", "required")),
            [_, _, ..] if !several => Err(Error::invalid_input(
                "PhoneNumber",
                "a carrier lookup takes one number",
            )),
            numbers => numbers.iter().try_for_each(|n| {
                check_required("PhoneNumber", n)?;
                check_e164("PhoneNumber", n)
            }),
        }
    }
}

sdk_core::scope_type! {
    /// The lookups of an account: `/Accounts/{AccountSid}/Lookups`.
    Lookups
}

impl Lookups<'_> {
    /// Carrier Lookup (`cpaas.lookups.carrier`): one E.164 number.
    ///
    /// # Errors
    ///
    /// [`sdk_core::ErrorKind::InvalidInput`] for no number, several, or one that is not
    /// E.164 (nothing sent); else as any call.
    pub async fn carrier(&self, request: &LookupRequest) -> Result<CarrierLookup> {
        let spec = self
            .0
            .spec(Method::POST, "cpaas.lookups.carrier", CARRIER, &[])
            .validate(|| request.check(false))
            .form(request);
        self.0.execute(spec).await
    }

    /// Carrier Lookup List (`cpaas.lookups.carrier_list`).
    pub fn carrier_list(&self) -> Paginator<CarrierLookup> {
        let spec = self
            .0
            .spec(Method::GET, "cpaas.lookups.carrier_list", CARRIER, &[]);
        self.0.paginator(spec, CarrierLookup::ITEMS_KEY)
    }

    /// CNAM Lookup (`cpaas.lookups.cnam`): one or more numbers.
    ///
    /// # Errors
    ///
    /// [`sdk_core::ErrorKind::InvalidInput`] for no number or one that is not E.164
    /// (nothing sent); else as any call.
    pub async fn cnam(&self, request: &LookupRequest) -> Result<Lookup<CnamLookup>> {
        let spec = self
            .0
            .spec(Method::POST, "cpaas.lookups.cnam", CNAM, &[])
            .validate(|| request.check(true))
            .form(request);
        self.0.execute(spec).await
    }

    /// CNAM Lookup List (`cpaas.lookups.cnam_list`).
    pub fn cnam_list(&self) -> Paginator<CnamLookup> {
        let spec = self
            .0
            .spec(Method::GET, "cpaas.lookups.cnam_list", CNAM, &[]);
        self.0.paginator(spec, CnamLookup::ITEMS_KEY)
    }

    /// BNA Lookup (`cpaas.lookups.bna`): one or more US numbers.
    ///
    /// # Errors
    ///
    /// As [`cnam`](Self::cnam).
    pub async fn bna(&self, request: &LookupRequest) -> Result<Lookup<BnaLookup>> {
        let spec = self
            .0
            .spec(Method::POST, "cpaas.lookups.bna", BNA, &[])
            .validate(|| request.check(true))
            .form(request);
        self.0.execute(spec).await
    }

    /// BNA Lookup List (`cpaas.lookups.bna_list`).
    pub fn bna_list(&self) -> Paginator<BnaLookup> {
        let spec = self.0.spec(Method::GET, "cpaas.lookups.bna_list", BNA, &[]);
        self.0.paginator(spec, BnaLookup::ITEMS_KEY)
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use sdk_core::sim::{Api, ListStyle, Resource};
    use serde_json::{Value, json};

    use crate::sim;

    /// The lookups of one kind: a lookup is an answer, not a resource one creates, so a
    /// POST is an action; each number looked up is charged and stored for the list, and the
    /// answer is one result (`found` filled in) or several.
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
            let mut results: Vec<Value> = numbers
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
            // Several results are an array: in XML, the item element repeated in another.
            let answer = match results.len() {
                1 => results.remove(0),
                _ => Value::Array(results),
            };
            sim::answer(item, item, &answer)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_take_one_or_several_numbers() {
        let r: LookupRequest =
            serde_json::from_value(serde_json::json!({"PhoneNumber": "+15556667777"}))
                .expect("the catalog's example");
        assert_eq!(
            sdk_core::format::to_form(&r).expect("a form"),
            "PhoneNumber=%2B15556667777"
        );
        let two = r.clone().and("+15556667778");
        assert_eq!(
            sdk_core::format::to_form(&two).expect("a form"),
            "PhoneNumber=%2B15556667777&PhoneNumber=%2B15556667778"
        );
        assert!(two.check(true).is_ok());
        assert_eq!(two.check(false).unwrap_err().field(), Some("PhoneNumber"));
        assert!(LookupRequest::new("5556667777").check(true).is_err());
        let one: Lookup<CnamLookup> =
            serde_json::from_str(r#"{"sid": "CN1", "body": null}"#).expect("one");
        assert_eq!(one.into_vec().len(), 1);
        let many: Lookup<CnamLookup> =
            serde_json::from_str(r#"[{"sid": "CN1"}, {"sid": "CN2"}]"#).expect("many");
        assert_eq!(many.into_vec().len(), 2);
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
}
