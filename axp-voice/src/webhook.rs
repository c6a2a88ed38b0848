//! The voice service's feature-toggle webhook: `PUT /voice-service-webhook` (not below an
//! account), through which a feature-toggle service tells the voice service that a toggle
//! changed. Answered 204.

use sdk_core::model::check_required;
use serde::{Deserialize, Serialize};

use sdk_core::{Error, Method, Result};

const PATH: &str = "/voice-service-webhook";

sdk_core::string_enum! {
    /// What happened to the toggle (`operation`).
    pub enum FeatureToggleOperation {
        /// The toggle changed (the only value the document shows).
        Updated = "UPDATED",
    }
}

sdk_core::string_enum! {
    /// The toggle's value type (`type`).
    pub enum FeatureToggleType {
        /// An on/off toggle.
        Boolean = "Boolean",
    }
}

/// One account's setting of a toggle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct FeatureToggleAccount {
    /// The account id, or `ALL` for every account.
    pub account_id: String,
    /// Whether the setting applies.
    pub enabled: bool,
    /// The toggle's value for the account.
    pub value: bool,
}

impl FeatureToggleAccount {
    /// One account's setting (`ALL` for every account).
    pub fn new(account_id: impl Into<String>, enabled: bool, value: bool) -> Self {
        FeatureToggleAccount {
            account_id: account_id.into(),
            enabled,
            value,
        }
    }
}

/// A feature-toggle change, the body of [`FeatureToggleWebhook::update`].
///
/// ```
/// use axp_voice::webhook::{FeatureToggleAccount, FeatureToggleChange, FeatureToggleOperation};
///
/// let change = FeatureToggleChange::new(
///     "ce8042a2-12f8-406f-5fd3-86c1c16d3a54",
///     "enableHCMIntegration",
///     FeatureToggleOperation::Updated,
/// )
/// .display_name("Enable HCM Integration")
/// .account(FeatureToggleAccount::new("ALL", true, false))
/// .account(FeatureToggleAccount::new("PFRSTS", true, true));
/// # let _ = change;
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct FeatureToggleChange {
    /// The toggle's id (required).
    pub feature_toggle_id: String,
    /// The toggle's name, such as `enableHCMIntegration` (required).
    pub feature_toggle_name: String,
    /// A display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The value type.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<FeatureToggleType>,
    /// The default value, as text (the document's example, `MPC`, does not say more).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_value: Option<String>,
    /// Whether the toggle is on by default (required).
    pub default_state: bool,
    /// Whether the toggle is deprecated (required).
    pub deprecated: bool,
    /// What happened to the toggle (required).
    pub operation: FeatureToggleOperation,
    /// The settings per account (at least one).
    pub accounts: Vec<FeatureToggleAccount>,
}

impl FeatureToggleChange {
    /// A change, off by default, not deprecated, with no account yet.
    pub fn new(
        feature_toggle_id: impl Into<String>,
        feature_toggle_name: impl Into<String>,
        operation: FeatureToggleOperation,
    ) -> Self {
        FeatureToggleChange {
            feature_toggle_id: feature_toggle_id.into(),
            feature_toggle_name: feature_toggle_name.into(),
            display_name: None,
            description: None,
            kind: None,
            default_value: None,
            default_state: false,
            deprecated: false,
            operation,
            accounts: Vec::new(),
        }
    }

    /// Sets the display name.
    pub fn display_name(mut self, name: impl Into<String>) -> Self {
        self.display_name = Some(name.into());
        self
    }

    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Sets the value type.
    pub fn kind(mut self, kind: FeatureToggleType) -> Self {
        self.kind = Some(kind);
        self
    }

    /// Sets the default value.
    pub fn default_value(mut self, value: impl Into<String>) -> Self {
        self.default_value = Some(value.into());
        self
    }

    /// Sets whether the toggle is on by default.
    pub fn default_state(mut self, on: bool) -> Self {
        self.default_state = on;
        self
    }

    /// Sets whether the toggle is deprecated.
    pub fn deprecated(mut self, yes: bool) -> Self {
        self.deprecated = yes;
        self
    }

    /// Adds an account's setting.
    pub fn account(mut self, account: FeatureToggleAccount) -> Self {
        self.accounts.push(account);
        self
    }

    fn check(&self) -> Result<()> {
        check_required("featureToggleId", &self.feature_toggle_id)?;
        check_required("featureToggleName", &self.feature_toggle_name)?;
        check_required("operation", self.operation.as_str())?;
        if self.accounts.is_empty() {
            return Err(Error::invalid_input(
                "accounts",
                "at least one account (or `ALL`) is required",
            ));
        }
        match self
            .accounts
            .iter()
            .position(|a| a.account_id.trim().is_empty())
        {
            Some(i) => Err(Error::invalid_input(
                format!("accounts[{i}].accountId"),
                "required",
            )),
            None => Ok(()),
        }
    }
}

sdk_core::scope_type! {
    /// The voice service's feature-toggle webhook.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::webhook::{FeatureToggleAccount, FeatureToggleChange, FeatureToggleOperation};
    ///
    /// let webhook = client.feature_toggle_webhook();
    /// let operation = FeatureToggleOperation::Updated;
    /// let change = FeatureToggleChange::new("ce8042a2", "enableHCMIntegration", operation)
    ///     .account(FeatureToggleAccount::new("PFRSTS", true, false));
    /// webhook.update(&change).await?;
    /// # Ok(()) }
    /// ```
    FeatureToggleWebhook
}

impl FeatureToggleWebhook<'_> {
    /// Tells the voice service that a feature toggle changed (answered 204).
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::webhook::{FeatureToggleAccount, FeatureToggleChange, FeatureToggleOperation};
    ///
    /// let change = FeatureToggleChange::new("ce8042a2", "enableHCMIntegration", FeatureToggleOperation::Updated)
    ///     .account(FeatureToggleAccount::new("ALL", true, true));
    /// client.feature_toggle_webhook().update(&change).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) naming the field (an
    /// empty id or name, no account) before anything is sent; the server's answer
    /// otherwise.
    pub async fn update(&self, change: &FeatureToggleChange) -> Result<()> {
        let spec = self
            .0
            .spec(Method::PUT, "axp.feature_toggle_webhook.update", PATH, &[])
            .validate(|| change.check())
            .json(change);
        self.0.send(spec).await
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use sdk_core::sim::Reply;
    use serde_json::Value;

    // Keeps the last change of each toggle, under its id, for tests to look at.
    api.action(Method::PUT, PATH, |store, req| {
        for k in ["featureToggleId", "featureToggleName", "operation"] {
            if req
                .body
                .get(k)
                .and_then(Value::as_str)
                .unwrap_or("")
                .is_empty()
            {
                return Reply::error(
                    400,
                    "VALIDATION_ERROR",
                    format!("missing required field `{k}`"),
                );
            }
        }
        for k in ["defaultState", "deprecated"] {
            if !req.body.get(k).is_some_and(Value::is_boolean) {
                return Reply::error(
                    400,
                    "VALIDATION_ERROR",
                    format!("missing required field `{k}`"),
                );
            }
        }
        if !req.body.get("accounts").is_some_and(Value::is_array) {
            return Reply::error(400, "VALIDATION_ERROR", "missing required field `accounts`");
        }
        let id = req.body["featureToggleId"].as_str().unwrap_or_default();
        store.insert("feature_toggles", &[], id, req.body.clone());
        Reply::empty(204)
    })
}
