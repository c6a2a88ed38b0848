//! The account itself (`/Accounts/{AccountSid}`): view it, and set its friendly name.
//!
//! The update is a form POST on the account (the document: "POSTing a FriendlyName
//! parameter"), not a PUT; it changes only the fields it carries.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use sdk_core::{Method, Result};

use crate::client::Account;
use crate::wire::{self, Scalar, Timestamp};

pub(crate) const ITEM: &str = "/Accounts/{AccountSid}";

sdk_core::id_type! {
    /// The sid of an account (`AccountSid`), also the username of its credentials.
    pub struct AccountSid;
}

sdk_core::string_enum! {
    /// The status of an account.
    pub enum AccountStatus {
        /// Usable.
        Active = "active",
        /// Suspended.
        Suspended = "suspended",
        /// Closed.
        Closed = "closed",
    }
}

sdk_core::string_enum! {
    /// The type of an account.
    pub enum AccountType {
        /// Not funded yet.
        Trial = "trial",
        /// Upgraded.
        Full = "full",
    }
}

/// An account, as View Account answers it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AccountDetails {
    /// The AccountSid.
    #[serde(deserialize_with = "wire::sid")]
    pub sid: AccountSid,
    /// The name: the sign-up e-mail unless set with [`Account::update`].
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub friendly_name: Option<String>,
    /// The status.
    #[serde(
        default,
        deserialize_with = "wire::parsed",
        skip_serializing_if = "Option::is_none"
    )]
    pub status: Option<AccountStatus>,
    /// Trial or full.
    #[serde(
        rename = "type",
        default,
        deserialize_with = "wire::parsed",
        skip_serializing_if = "Option::is_none"
    )]
    pub kind: Option<AccountType>,
    /// The balance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_balance: Option<Scalar<f64>>,
    /// The highest rate per minute or segment allowed: dearer calls and messages are
    /// refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_outbound_limit: Option<Scalar<f64>>,
    /// The account's time zone.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub time_zone: Option<String>,
    /// When the account was created (UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_created: Option<Timestamp>,
    /// When it was last updated (UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_updated: Option<Timestamp>,
    /// This resource's path, below `https://api.zang.io`.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub uri: Option<String>,
    /// The paths of its resources (calls, messages, ...), by name; the document does not
    /// list the names.
    #[serde(
        default,
        deserialize_with = "wire::snake_keys",
        skip_serializing_if = "Option::is_none"
    )]
    pub subresource_uris: Option<BTreeMap<String, String>>,
    /// Fields the SDK does not name, kept as the server sent them.
    #[serde(flatten)]
    pub unknown_fields: sdk_core::model::UnknownFields,
}

/// The form of Update Account.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct AccountUpdate {
    /// The account's new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub friendly_name: Option<String>,
}

impl AccountUpdate {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        Self::default()
    }
}

sdk_core::setters!(AccountUpdate {
    /// The account's new name.
    friendly_name: String,
});

/// The account's own operations with per-call options (see [`Account::options`]).
#[derive(Debug, Clone)]
pub struct AccountOps<'a>(pub(crate) sdk_core::Scope<'a>);

impl AccountOps<'_> {
    /// View Account (`cpaas.accounts.get`).
    ///
    /// # Errors
    ///
    /// As any call: the server's answer (403 with code 10004 for bad credentials),
    /// transport, decode.
    pub async fn get(&self) -> Result<AccountDetails> {
        let spec = self.0.spec(Method::GET, "cpaas.accounts.get", ITEM, &[]);
        self.0.execute(spec).await
    }

    /// Update Account (`cpaas.accounts.update`): a form POST; answers the account.
    ///
    /// # Errors
    ///
    /// As any call.
    pub async fn update(&self, update: &AccountUpdate) -> Result<AccountDetails> {
        let spec = self
            .0
            .spec(Method::POST, "cpaas.accounts.update", ITEM, &[])
            .form(update);
        self.0.execute(spec).await
    }
}

impl Account<'_> {
    /// View Account (`cpaas.accounts.get`).
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// let me = client.account().get().await?;
    /// println!("{:?} balance {:?}", me.friendly_name, me.account_balance);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// As any call: the server's answer (403 with code 10004 for bad credentials),
    /// transport, decode.
    pub async fn get(&self) -> Result<AccountDetails> {
        AccountOps(self.scope()).get().await
    }

    /// Update Account (`cpaas.accounts.update`).
    ///
    /// # Errors
    ///
    /// As any call.
    pub async fn update(&self, update: &AccountUpdate) -> Result<AccountDetails> {
        AccountOps(self.scope()).update(update).await
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use sdk_core::sim::{Resource, Verb};
    use serde_json::json;

    // The simulator knows every AccountSid: an account is made on first sight.
    api.resource(
        Resource::new("accounts", "/Accounts")
            .item_path(ITEM)
            .id_field("sid")
            .only(&[Verb::Get, Verb::Update])
            .update_method(Method::POST)
            .xml_names("Account", "Accounts")
            .implicit(|_, sid| {
                let now = crate::sim::now();
                json!({
                    "sid": sid, "friendly_name": format!("{sid}@simulator.invalid"),
                    "status": "active", "type": "trial", "account_balance": "10.00",
                    "max_outbound_limit": "1.00", "time_zone": "UTC", "date_created": now,
                    "date_updated": now, "uri": format!("/v2/Accounts/{sid}"),
                    "subresource_uris": {
                        "calls": format!("/v2/Accounts/{sid}/Calls"),
                        "sms_messages": format!("/v2/Accounts/{sid}/SMS/Messages"),
                        "usages": format!("/v2/Accounts/{sid}/Usages"),
                    },
                })
            })
            .on_update(|_, _, account| {
                account["date_updated"] = json!(crate::sim::now());
                Ok(())
            }),
    )
}
#[cfg(all(test, feature = "xml"))]
mod tests {
    use super::*;

    #[test]
    fn accounts_decode_from_json_and_xml() {
        let json = r#"{"sid": "AC1", "friendly_name": "me@example.com", "status": "active", "type": "full",
            "account_balance": "12.50", "subresource_uris": {"calls": "/v2/Accounts/AC1/Calls"}}"#;
        let a: AccountDetails = serde_json::from_str(json).expect("an account");
        assert_eq!(a.kind, Some(AccountType::Full));
        assert_eq!(a.account_balance.as_ref().and_then(Scalar::get), Some(12.5));
        let xml = "<Response><Account><Sid>AC1</Sid><Status>suspended</Status><Type>trial</Type>\
                   <AccountBalance>0</AccountBalance><SubresourceUris><Calls>/v2/Accounts/AC1/Calls</Calls></SubresourceUris></Account></Response>";
        let b: AccountDetails = crate::wire::from_xml(xml).expect("an account");
        assert_eq!(b.status, Some(AccountStatus::Suspended));
        assert_eq!(b.kind, Some(AccountType::Trial));
        assert_eq!(
            b.subresource_uris
                .and_then(|m| m.get("calls").cloned())
                .as_deref(),
            Some("/v2/Accounts/AC1/Calls")
        );
    }
}
