//! Fraud control (`/Fraud`): block outbound calls and SMS to a country, authorize a blocked
//! one for 30 days (and extend that), whitelist one for good, and list the rules.
//!
//! Document decisions: the three permission flags (`MobileEnabled`, `LandlineEnabled`,
//! `SmsEnabled`) are headed "Query Params" on these state-changing POSTs; they are sent as
//! the form body, like every other POST. The former Zang API wrapped a rule in a key naming
//! its state (`{"blocked": {...}}`) and listed `frauds` as such wrapped objects; the document
//! shows neither the wrapper nor an array. [`FraudRule`] reads a rule wrapped or not (the
//! wrapper's name goes to [`FraudRule::state`]), and the list reads `frauds` as an array or
//! an object.
//!
//! The country code of the path is sent as given (the document: two letters, such as `DE`);
//! the service answers a code it does not know with its error (70002).

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use sdk_core::{Method, Result};

use crate::common::filtered;
use crate::paging::Paginator;
use crate::wire::{self, Scalar, Timestamp};

pub(crate) const LIST: &str = "/Accounts/{AccountSid}/Fraud";
pub(crate) const BLOCK: &str = "/Accounts/{AccountSid}/Fraud/Block/{CountryCode}";
pub(crate) const AUTHORIZE: &str = "/Accounts/{AccountSid}/Fraud/Authorize/{CountryCode}";
pub(crate) const EXTEND: &str = "/Accounts/{AccountSid}/Fraud/Extend/{CountryCode}";
pub(crate) const WHITELIST: &str = "/Accounts/{AccountSid}/Fraud/Whitelist/{CountryCode}";

sdk_core::string_enum! {
    /// The state of a destination, as the wrapper of a rule names it.
    pub enum FraudState {
        /// Blocked.
        Blocked = "blocked",
        /// Authorized for 30 days.
        Authorized = "authorized",
        /// Whitelisted for good.
        Whitelisted = "whitelisted",
    }
}

/// A fraud-control rule for one destination country.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self")]
#[non_exhaustive]
pub struct FraudRule {
    /// The rule's state, when the answer wrapped the rule in it (`{"blocked": {...}}`);
    /// never written back.
    #[serde(skip)]
    pub state: Option<FraudState>,
    /// The rule's sid (not in list items).
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub sid: Option<String>,
    /// The two-letter country code (every rule has one).
    #[serde(deserialize_with = "wire::required")]
    pub country_code: String,
    /// The country's name.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub country_name: Option<String>,
    /// The dialling prefix (`+49`).
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub country_prefix: Option<String>,
    /// Calls to mobiles allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mobile_enabled: Option<Scalar<bool>>,
    /// Calls to landlines allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub landline_enabled: Option<Scalar<bool>>,
    /// SMS allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sms_enabled: Option<Scalar<bool>>,
    /// Locked by CPaaS (the US is locked as whitelisted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_lock: Option<Scalar<bool>>,
    /// The highest price an outbound call may cost (list items).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_outbound_rate: Option<Scalar<f64>>,
    /// When an authorization expires (list items).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiration_date: Option<Timestamp>,
    /// When the rule was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_created: Option<Timestamp>,
    /// When it was last updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_updated: Option<Timestamp>,
    /// Fields the SDK does not name, kept as the server sent them.
    #[serde(flatten)]
    pub unknown_fields: sdk_core::model::UnknownFields,
}

impl Serialize for FraudRule {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        FraudRule::serialize(self, s)
    }
}

impl<'de> Deserialize<'de> for FraudRule {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let v = serde_json::Value::deserialize(d)?;
        let wrapped = v.as_object().filter(|m| m.len() == 1).and_then(|m| {
            let (k, inner) = m.iter().next()?;
            let state: FraudState = k.to_ascii_lowercase().parse().ok()?;
            (!matches!(state, FraudState::Unknown(_)) && inner.is_object())
                .then(|| (state, inner.clone()))
        });
        let (state, inner) = match wrapped {
            Some((s, inner)) => (Some(s), inner),
            None => (None, v),
        };
        let mut rule = FraudRule::deserialize(inner).map_err(serde::de::Error::custom)?;
        rule.state = state;
        Ok(rule)
    }
}

sdk_core::listed!(FraudRule = "frauds");

/// The permissions sent with Block, Authorize and Whitelist Destination.
///
/// ```
/// use cpaas::fraud::Permissions;
///
/// let sms_only = Permissions::new().sms_enabled(true).mobile_enabled(false).landline_enabled(false);
/// # let _ = sms_only;
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct Permissions {
    /// Calls to mobiles.
    #[serde(
        default,
        deserialize_with = "wire::flag",
        skip_serializing_if = "Option::is_none"
    )]
    pub mobile_enabled: Option<bool>,
    /// Calls to landlines.
    #[serde(
        default,
        deserialize_with = "wire::flag",
        skip_serializing_if = "Option::is_none"
    )]
    pub landline_enabled: Option<bool>,
    /// SMS.
    #[serde(
        default,
        deserialize_with = "wire::flag",
        skip_serializing_if = "Option::is_none"
    )]
    pub sms_enabled: Option<bool>,
}

impl Permissions {
    /// The server's defaults.
    pub fn new() -> Self {
        Self::default()
    }
}

sdk_core::setters!(Permissions {
    /// Calls to mobiles.
    mobile_enabled: bool,
    /// Calls to landlines.
    landline_enabled: bool,
    /// SMS.
    sms_enabled: bool,
});

/// The filters of [`Fraud::list`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct FraudFilter {
    /// Only rules with SMS allowed (or not).
    pub sms_enabled: Option<bool>,
}

impl FraudFilter {
    /// No filter.
    pub fn new() -> Self {
        Self::default()
    }
}

sdk_core::setters!(FraudFilter {
    /// Only rules with SMS allowed (`true`) or not (`false`).
    sms_enabled: bool,
});

sdk_core::scope_type! {
    /// The fraud-control rules of an account: `/Accounts/{AccountSid}/Fraud`.
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// use cpaas::fraud::Permissions;
    ///
    /// let fraud = client.account().fraud();
    /// let rule = fraud.authorize("DE", &Permissions::new().mobile_enabled(true)).await?;
    /// println!("{:?} {:?}", rule.state, rule.expiration_date);
    /// # Ok(()) }
    /// ```
    Fraud
}

impl Fraud<'_> {
    async fn change(
        &self,
        op: &'static str,
        template: &str,
        country_code: &str,
        permissions: Option<&Permissions>,
    ) -> Result<FraudRule> {
        let mut spec = self.0.spec(Method::POST, op, template, &[country_code]);
        if let Some(p) = permissions {
            spec = spec.form(p);
        }
        self.0.execute(spec).await
    }

    /// Block Destination (`cpaas.fraud.block`): outbound calls and SMS to the country are
    /// refused, except what `permissions` allows.
    ///
    /// # Errors
    ///
    /// As any call: the server's answer (70002 for a country it does not support, 70003
    /// when already blocked), transport, decode.
    pub async fn block(
        &self,
        country_code: impl AsRef<str>,
        permissions: &Permissions,
    ) -> Result<FraudRule> {
        self.change(
            "cpaas.fraud.block",
            BLOCK,
            country_code.as_ref(),
            Some(permissions),
        )
        .await
    }

    /// Authorize Destination (`cpaas.fraud.authorize`): for 30 days.
    ///
    /// # Errors
    ///
    /// As [`block`](Self::block).
    pub async fn authorize(
        &self,
        country_code: impl AsRef<str>,
        permissions: &Permissions,
    ) -> Result<FraudRule> {
        self.change(
            "cpaas.fraud.authorize",
            AUTHORIZE,
            country_code.as_ref(),
            Some(permissions),
        )
        .await
    }

    /// Extend Destination Authorization (`cpaas.fraud.extend`) by 30 days; no body.
    ///
    /// # Errors
    ///
    /// As [`block`](Self::block).
    pub async fn extend(&self, country_code: impl AsRef<str>) -> Result<FraudRule> {
        self.change("cpaas.fraud.extend", EXTEND, country_code.as_ref(), None)
            .await
    }

    /// Whitelist Destination (`cpaas.fraud.whitelist`): for good.
    ///
    /// # Errors
    ///
    /// As [`block`](Self::block).
    pub async fn whitelist(
        &self,
        country_code: impl AsRef<str>,
        permissions: &Permissions,
    ) -> Result<FraudRule> {
        self.change(
            "cpaas.fraud.whitelist",
            WHITELIST,
            country_code.as_ref(),
            Some(permissions),
        )
        .await
    }

    /// List Fraud Control Resources (`cpaas.fraud.list`).
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// use cpaas::fraud::FraudFilter;
    ///
    /// let rules = client.account().fraud().list(&FraudFilter::new()).collect_all().await?;
    /// for rule in rules {
    ///     println!("{} {:?} {:?}", rule.country_code, rule.state, rule.sms_enabled);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self, filter: &FraudFilter) -> Paginator<FraudRule> {
        let spec = self.0.spec(Method::GET, "cpaas.fraud.list", LIST, &[]);
        let pairs = filter
            .sms_enabled
            .map(|s| vec![("SmsEnabled".to_owned(), s.to_string())])
            .unwrap_or_default();
        self.0.paginator(filtered(spec, pairs))
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use sdk_core::sim::{ActionRequest, ListStyle, Reply, Resource, Store};
    use serde_json::{Value, json};

    use crate::paging::Listed;
    use crate::sim;

    /// Block, authorize, extend or whitelist: the rule of the path's country moves to
    /// `state` (`_state`, kept from answers), made on first use.
    fn change(store: &mut Store, req: &ActionRequest, state: &str) -> Reply {
        let acct = req.param("AccountSid").unwrap_or_default();
        let code = req
            .param("CountryCode")
            .unwrap_or_default()
            .to_ascii_uppercase();
        let now = sim::now();
        let existing = store.get("fraud", &[acct], &code).cloned();
        let current = existing
            .as_ref()
            .and_then(|r| r["_state"].as_str())
            .unwrap_or("")
            .to_owned();
        match (state, current.as_str()) {
            ("blocked", "blocked") => {
                return sim::error(400, 70003, "Requested country is already blocked");
            }
            ("extend", "authorized") => {}
            ("extend", _) => return sim::error(400, 70001, "Country could not be authorized"),
            _ => {}
        }
        let mut rule = existing.unwrap_or_else(|| {
            json!({
                "sid": sim::new_sid("FR"), "country_code": code, "country_name": code,
                "country_prefix": "+0", "is_lock": false, "mobile_enabled": false,
                "landline_enabled": false, "sms_enabled": false, "max_outbound_rate": "1.00",
                "date_created": now,
            })
        });
        let state = if state == "extend" {
            "authorized"
        } else {
            state
        };
        for key in ["mobile_enabled", "landline_enabled", "sms_enabled"] {
            rule[key] = json!(sim::flag(&req.body, key).unwrap_or(state != "blocked"));
        }
        rule["_state"] = json!(state);
        rule["date_updated"] = json!(now);
        rule["expiration_date"] = if state == "authorized" {
            json!((chrono::Utc::now() + chrono::Duration::days(30)).to_rfc2822())
        } else {
            Value::String(String::new())
        };
        store.insert("fraud", &[acct], &code, rule.clone());
        if let Value::Object(m) = &mut rule {
            m.remove("_state");
        }
        sim::answer("Fraud", "Frauds", &rule)
    }

    api.resource(
        Resource::new("fraud", LIST)
            .id_field("country_code")
            .only(&[])
            .list(ListStyle::ZeroIndexed {
                items_key: FraudRule::ITEMS_KEY,
            })
            .newest_first(true)
            .hidden(&["_state"])
            .xml_names("Fraud", "Frauds")
            .list_filter(sim::filters(&[("SmsEnabled", "sms_enabled")], None)),
    )
    .action(Method::POST, BLOCK, |s, r| change(s, r, "blocked"))
    .action(Method::POST, AUTHORIZE, |s, r| change(s, r, "authorized"))
    .action(Method::POST, EXTEND, |s, r| change(s, r, "extend"))
    .action(Method::POST, WHITELIST, |s, r| change(s, r, "whitelisted"))
}

#[cfg(all(test, feature = "xml"))]
mod tests {
    use super::*;

    #[test]
    fn rules_are_read_wrapped_or_not() {
        let plain: FraudRule = serde_json::from_str(
            r#"{"sid": "FR1", "country_code": "DE", "mobile_enabled": "false", "is_lock": false}"#,
        )
        .expect("a rule");
        assert_eq!(plain.state, None);
        assert_eq!(
            plain.mobile_enabled.as_ref().and_then(Scalar::get),
            Some(false)
        );
        let wrapped: FraudRule =
            serde_json::from_str(r#"{"blocked": {"sid": "FR1", "country_code": "DE"}}"#)
                .expect("a wrapped rule");
        assert_eq!(wrapped.state, Some(FraudState::Blocked));
        assert_eq!(wrapped.country_code, "DE");
        assert_eq!(
            serde_json::to_value(&wrapped).expect("json"),
            serde_json::json!({"sid": "FR1", "country_code": "DE"})
        );
        let xml = "<Response><Whitelisted><CountryCode>US</CountryCode><IsLock>true</IsLock></Whitelisted></Response>";
        let rule: FraudRule = crate::wire::from_xml(xml).expect("an XML rule");
        assert_eq!(rule.is_lock.as_ref().and_then(Scalar::get), Some(true));
        assert_eq!(rule.country_code, "US");
        assert_eq!(rule.unknown_fields.get("Locked"), None, "nothing invented");
        let extra: FraudRule = serde_json::from_str(
            r#"{"authorized": {"country_code": "DE", "max_outbound_rate": "0.50", "blocked_numbers": 3}}"#,
        )
        .expect("a rule with a field the SDK does not name");
        assert_eq!(
            extra.unknown_fields.get("blocked_numbers"),
            Some(&serde_json::json!(3))
        );
        assert!(
            serde_json::from_str::<FraudRule>(r#"{"x": 1}"#).is_err(),
            "a body that is no rule"
        );
        assert_eq!(
            sdk_core::format::to_form(&Permissions::new().sms_enabled(true)).expect("a form"),
            "SmsEnabled=true"
        );
    }
}
