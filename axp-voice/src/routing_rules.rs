//! Outbound routing rules: `/outbound-routing-rules`.
//!
//! Every operation is synchronous. Create answers 200 with the rule; update answers with
//! the rule under a status line the document prints as "HTTP 202 OK" (200 and 202 are
//! both success); delete answers 204. A PUT on the collection updates several rules at
//! once ([`OutboundRoutingRules::bulk_update`], meant for re-ordering priorities). The
//! list's `links` are `""` when there is no previous or next page; pages are computed from
//! `pagination` anyway.

use serde::{Deserialize, Serialize};

use sdk_core::ensure::{Change, Desired, Ensure, Field};
use sdk_core::model::{UnknownFields, check_required};
use sdk_core::{Error, Method, Paginator, Result};

use crate::agent_locations::AgentLocationId;
use crate::sip_trunks::SipTrunkId;

const COLLECTION: &str = "/accounts/{accountId}/outbound-routing-rules";
const ITEM: &str = "/accounts/{accountId}/outbound-routing-rules/{routingRuleId}";

sdk_core::id_type! {
    /// The id of an outbound routing rule (`routingRuleId`).
    pub struct RoutingRuleId;
}

sdk_core::string_enum! {
    /// How a rule matches a dialled number (`type`).
    pub enum RoutingRuleType {
        /// By prefix and length.
        NumberPrefix = "NUMBER_PREFIX",
    }
}

/// An outbound routing rule as the server answers it; also the item of
/// [`OutboundRoutingRules::bulk_update`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RoutingRule {
    /// The rule's id.
    pub id: RoutingRuleId,
    /// How it matches.
    #[serde(rename = "type")]
    pub kind: RoutingRuleType,
    /// Its priority (the document recommends one priority per rule).
    pub priority: u32,
    /// The dialled-number prefix, such as `+1`.
    pub prefix: String,
    /// The shortest dialled number it matches.
    pub min_length: u32,
    /// The longest dialled number it matches.
    pub max_length: u32,
    /// The SIP trunk calls go out on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sip_trunk_id: Option<SipTrunkId>,
    /// The caller id to present (named by the document, in no example).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caller_id: Option<String>,
    /// The region code, such as `IN-UP` (ISO 3166-2, despite the name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iso_country: Option<String>,
    /// The agent locations the rule applies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_ids: Option<Vec<AgentLocationId>>,
    /// Fields the SDK does not name, kept as the server sent them (sent back by an update
    /// built from this value).
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

sdk_core::listed!(RoutingRule = "outboundRoutingRules");

/// The body of a rule create or update (an update replaces the rule: send every field,
/// priority included).
///
/// ```
/// use axp_voice::routing_rules::RoutingRuleRequest;
///
/// let rule = RoutingRuleRequest::number_prefix(92, "+1", 1, 45)
///     .sip_trunk("9d70a86a-4f04-4cc4-8de7-363ee8f82726")
///     .iso_country("IN-UP")
///     .location_ids(["c8c2909d-75e9-484a-94c0-b7e8d29771fe"]);
/// # let _ = rule;
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RoutingRuleRequest {
    /// The rule's id: the document's update example repeats it in the body; left out of
    /// creates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<RoutingRuleId>,
    /// How it matches.
    #[serde(rename = "type")]
    pub kind: RoutingRuleType,
    /// Its priority (mandatory).
    pub priority: u32,
    /// The dialled-number prefix, such as `+1` (required).
    pub prefix: String,
    /// The shortest dialled number it matches.
    pub min_length: u32,
    /// The longest dialled number it matches.
    pub max_length: u32,
    /// The SIP trunk calls go out on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sip_trunk_id: Option<SipTrunkId>,
    /// The caller id to present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caller_id: Option<String>,
    /// The region code, such as `IN-UP`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iso_country: Option<String>,
    /// The agent locations the rule applies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_ids: Option<Vec<AgentLocationId>>,
    /// Fields of the read resource that the SDK does not name, sent back as they came: filled
    /// when this body is built from a read [`RoutingRule`], empty otherwise.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

impl RoutingRuleRequest {
    /// A `NUMBER_PREFIX` rule.
    pub fn number_prefix(
        priority: u32,
        prefix: impl Into<String>,
        min_length: u32,
        max_length: u32,
    ) -> Self {
        RoutingRuleRequest {
            id: None,
            kind: RoutingRuleType::NumberPrefix,
            priority,
            prefix: prefix.into(),
            min_length,
            max_length,
            sip_trunk_id: None,
            caller_id: None,
            iso_country: None,
            location_ids: None,
            unknown_fields: UnknownFields::new(),
        }
    }

    /// Sets the SIP trunk.
    pub fn sip_trunk(mut self, id: impl Into<SipTrunkId>) -> Self {
        self.sip_trunk_id = Some(id.into());
        self
    }

    /// Sets the caller id.
    pub fn caller_id(mut self, caller_id: impl Into<String>) -> Self {
        self.caller_id = Some(caller_id.into());
        self
    }

    /// Sets the region code.
    pub fn iso_country(mut self, code: impl Into<String>) -> Self {
        self.iso_country = Some(code.into());
        self
    }

    /// Sets the agent locations.
    pub fn location_ids<I, S>(mut self, ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<AgentLocationId>,
    {
        self.location_ids = Some(ids.into_iter().map(Into::into).collect());
        self
    }

    fn check(&self) -> Result<()> {
        check_required("prefix", &self.prefix)
    }
}

impl From<RoutingRule> for RoutingRuleRequest {
    /// The rule as an update body (its id included), to change a field and send it back:
    /// every field it names, and the fields the SDK does not name.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::routing_rules::RoutingRuleRequest;
    ///
    /// let rules = client.account("ABCDEF").outbound_routing_rules();
    /// let rule = rules.get("9d70a86a").await?;
    /// let id = rule.id.clone();
    /// let update = RoutingRuleRequest::from(rule).iso_country("IN-UP");
    /// rules.update(&id, &update).await?;
    /// # Ok(()) }
    /// ```
    fn from(r: RoutingRule) -> Self {
        RoutingRuleRequest {
            id: Some(r.id),
            kind: r.kind,
            priority: r.priority,
            prefix: r.prefix,
            min_length: r.min_length,
            max_length: r.max_length,
            sip_trunk_id: r.sip_trunk_id,
            caller_id: r.caller_id,
            iso_country: r.iso_country,
            location_ids: r.location_ids,
            unknown_fields: r.unknown_fields,
        }
    }
}

impl From<&RoutingRule> for RoutingRuleRequest {
    /// As the conversion of an owned [`RoutingRule`]: every field it names, and the fields
    /// the SDK does not name.
    fn from(r: &RoutingRule) -> Self {
        RoutingRuleRequest::from(r.clone())
    }
}

fn check_bulk(rules: &[RoutingRule]) -> Result<()> {
    if rules.is_empty() {
        return Err(Error::invalid_input(
            "rules",
            "at least one rule is required",
        ));
    }
    rules.iter().enumerate().try_for_each(|(i, r)| {
        check_required(&format!("[{i}].id"), r.id.as_str())?;
        check_required(&format!("[{i}].prefix"), &r.prefix)
    })
}

sdk_core::scope_type! {
    /// The outbound routing rules of an account.
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// let rules = client.account("ABCDEF").outbound_routing_rules();
    /// let rule = rules.get("9d70a86a").await?;
    /// println!("{} {} {}..{}", rule.priority, rule.prefix, rule.min_length, rule.max_length);
    /// # Ok(()) }
    /// ```
    OutboundRoutingRules
}

impl OutboundRoutingRules<'_> {
    /// Creates a rule (answered 200 with it).
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use axp_voice::routing_rules::RoutingRuleRequest;
    ///
    /// let rules = client.account("ABCDEF").outbound_routing_rules();
    /// rules
    ///     .create(&RoutingRuleRequest::number_prefix(92, "+1", 1, 45).iso_country("IN-UP"))
    ///     .await?;
    ///
    /// // Re-number every rule's priority in one call.
    /// let mut all = rules.list().collect_all().await?;
    /// for (i, rule) in all.iter_mut().enumerate() {
    ///     rule.priority = 10 * (i as u32 + 1);
    /// }
    /// let updated = rules.bulk_update(&all).await?;
    /// # let _ = updated;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) for an empty prefix,
    /// before anything is sent; the server's answer otherwise.
    pub async fn create(&self, request: &RoutingRuleRequest) -> Result<RoutingRule> {
        let spec = self
            .0
            .spec(
                Method::POST,
                "axp.outbound_routing_rules.create",
                COLLECTION,
                &[],
            )
            .validate(|| request.check())
            .json(request);
        self.0.execute(spec).await
    }

    /// Reads one rule.
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) once it is deleted.
    pub async fn get(&self, routing_rule_id: impl AsRef<str>) -> Result<RoutingRule> {
        let spec = self.0.spec(
            Method::GET,
            "axp.outbound_routing_rules.get",
            ITEM,
            &[routing_rule_id.as_ref()],
        );
        self.0.execute(spec).await
    }

    /// Lists the rules, page by page (items under `outboundRoutingRules`).
    ///
    /// ```no_run
    /// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
    /// use sdk_core::futures_util::TryStreamExt;
    ///
    /// let mut rules = client.account("ABCDEF").outbound_routing_rules().list().items();
    /// while let Some(rule) = rules.try_next().await? {
    ///     println!("{} {} -> {:?}", rule.priority, rule.prefix, rule.sip_trunk_id);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self) -> Paginator<RoutingRule> {
        let spec = self.0.spec(
            Method::GET,
            "axp.outbound_routing_rules.list",
            COLLECTION,
            &[],
        );
        self.0.paginator(spec)
    }

    /// Replaces a rule and returns it (200 or 202: the document prints "HTTP 202 OK").
    ///
    /// # Errors
    ///
    /// As [`create`](Self::create).
    pub async fn update(
        &self,
        routing_rule_id: impl AsRef<str>,
        request: &RoutingRuleRequest,
    ) -> Result<RoutingRule> {
        let spec = self
            .0
            .spec(
                Method::PUT,
                "axp.outbound_routing_rules.update",
                ITEM,
                &[routing_rule_id.as_ref()],
            )
            .validate(|| request.check())
            .json(request);
        self.0.execute(spec).await
    }

    /// Deletes a rule (answered 204).
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn delete(&self, routing_rule_id: impl AsRef<str>) -> Result<()> {
        let spec = self.0.spec(
            Method::DELETE,
            "axp.outbound_routing_rules.delete",
            ITEM,
            &[routing_rule_id.as_ref()],
        );
        self.0.send(spec).await
    }

    /// Updates several whole rules at once, identified by their ids (a PUT of a bare JSON
    /// array on the collection; meant for changing priorities). Returns the updated rules
    /// as the server lists them (the document's example sorts them by priority, not in
    /// request order). Whether the update is atomic is undocumented.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](sdk_core::ErrorKind::InvalidInput) for an empty list, a
    /// rule with an empty id or prefix (naming `[i].id` or `[i].prefix`), before anything
    /// is sent; the server's answer otherwise.
    pub async fn bulk_update(&self, rules: &[RoutingRule]) -> Result<Vec<RoutingRule>> {
        let spec = self
            .0
            .spec(
                Method::PUT,
                "axp.outbound_routing_rules.bulk_update",
                COLLECTION,
                &[],
            )
            .validate(|| check_bulk(rules))
            .json(rules);
        self.0.execute(spec).await
    }
}

impl Desired for RoutingRuleRequest {
    type Live = RoutingRule;
    const KIND: &'static str = "outbound routing rule";
    /// The priority: a rule has no name, and its priority is the one value the document
    /// asks to be unique per rule (the order rules are tried in), while a prefix may repeat
    /// across rules (per region, per location, per length). Moving a rule to another
    /// priority is therefore another rule; re-number existing rules with
    /// [`bulk_update`](OutboundRoutingRules::bulk_update). The rule's id, which an update
    /// body repeats, is the service's and not compared.
    const KEY: Field = Field::new("priority");
    const FIELDS: &'static [Field] = &[
        Field::new("type"),
        Field::new("prefix"),
        Field::new("minLength"),
        Field::new("maxLength"),
        Field::new("sipTrunkId"),
        Field::new("callerId"),
        Field::new("isoCountry"),
        Field::new("locationIds"),
    ];
}

/// Outbound routing rules are ensured by priority (see the key's note on
/// [`RoutingRuleRequest`]'s [`Desired`] implementation). Rules are synchronous; an update
/// starts from the live rule, its id included, so the fields the SDK does not name are sent
/// back. Two live rules sharing a wanted priority are an error, not a guess.
///
/// ```no_run
/// # async fn run(client: axp_voice::AxpClient) -> Result<(), sdk_core::Error> {
/// use axp_voice::routing_rules::RoutingRuleRequest;
/// use sdk_core::ensure::Ensure;
///
/// let rules = client.account("ABCDEF").outbound_routing_rules();
/// let us = RoutingRuleRequest::number_prefix(10, "+1", 11, 12).sip_trunk("9d70a86a");
/// let outcome = rules.ensure(&us).await?;
/// println!("rule {} {}", outcome.resource().id, outcome.verb());
/// # Ok(()) }
/// ```
impl Ensure<RoutingRuleRequest> for OutboundRoutingRules<'_> {
    async fn find(&self, _keys: &[String]) -> Result<Vec<RoutingRule>> {
        self.list().collect_all().await
    }

    async fn create(&self, desired: &RoutingRuleRequest) -> Result<RoutingRule> {
        self.create(desired).await
    }

    async fn update(
        &self,
        live: &RoutingRule,
        desired: &RoutingRuleRequest,
        _changes: &[Change],
    ) -> Result<RoutingRule> {
        let body = desired.apply_to(&RoutingRuleRequest::from(live))?;
        self.update(&live.id, &body).await
    }

    async fn delete(&self, live: &RoutingRule) -> Result<()> {
        self.delete(&live.id).await
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use sdk_core::sim::{ListStyle, Reply, Resource, UpdateMode};
    use serde_json::Value;

    const NAME: &str = "outbound_routing_rules";
    api.resource(
        Resource::new(NAME, COLLECTION)
            .required(&["type", "priority", "prefix", "minLength", "maxLength"])
            .list(ListStyle::PageNumber {
                items_key: "outboundRoutingRules",
            })
            .create_status(200)
            .update(UpdateMode::Replace)
            // The status the document prints ("HTTP 202 OK").
            .update_status(202),
    )
    .action(Method::PUT, COLLECTION, |store, req| {
        let account = req.param("accountId").unwrap_or_default();
        let Some(rules) = req.body.as_array() else {
            return Reply::error(400, "INVALID_BODY", "the body must be a JSON array");
        };
        // Every rule must exist before any is changed.
        let mut ids = Vec::with_capacity(rules.len());
        for rule in rules {
            let id = rule.get("id").and_then(Value::as_str).unwrap_or_default();
            if store.get(NAME, &[account], id).is_none() {
                return Reply::error(404, "NOT_FOUND", format!("{NAME} `{id}` not found"));
            }
            ids.push(id);
        }
        let mut updated: Vec<Value> = rules
            .iter()
            .zip(ids)
            .map(|(rule, id)| {
                store.insert(NAME, &[account], id, rule.clone());
                rule.clone()
            })
            .collect();
        updated.sort_by_key(|r| r.get("priority").and_then(Value::as_u64).unwrap_or(0));
        Reply::json(200, &Value::Array(updated))
    })
}
