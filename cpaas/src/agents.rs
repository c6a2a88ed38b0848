//! Agents (`/Agents`): the account's Google Dialogflow agent integrations; list them, view
//! an agent's profile, update it.
//!
//! Document decisions: the URLs are printed with `http://`, which the API refuses (the
//! client's base URL applies, HTTPS). The profile is read from `/Agents/{AgentSid}` but
//! written to `/Agents/{AgentSid}/ConfigProfile`, as printed. Its fields are printed
//! capitalised with underscores (`Friendly_name`, `Callback_url`); requests use the
//! CamelCase of every other operation (`FriendlyName`, `CallbackUrl`), answers the
//! snake_case (`friendly_name`), and both printed spellings are read. The list's items key
//! (`agents`) and item fields are not documented: items are read as profiles, plus a `sid`
//! when there is one. No field of a profile is documented as always there, so none is
//! required: an answer of another shape reads as a profile with its fields in
//! [`AgentProfile::unknown_fields`].
//!
//! An update is sent as given: the document's rules (a `Language` written
//! `LanguageCode:VoiceType:Gender`, the [`EVENTS`], POST as the only method) are the
//! service's to apply.

use serde::{Deserialize, Serialize};

use sdk_core::{Method, Result};

use crate::common::HttpMethod;
use crate::paging::Paginator;
use crate::wire::{self, Scalar};

pub(crate) const COLLECTION: &str = "/Accounts/{AccountSid}/Agents";
pub(crate) const ITEM: &str = "/Accounts/{AccountSid}/Agents/{AgentSid}";
pub(crate) const PROFILE: &str = "/Accounts/{AccountSid}/Agents/{AgentSid}/ConfigProfile";

/// The events an agent can report, as the document lists them.
pub const EVENTS: [&str; 3] = [
    "onConversationStarted",
    "onAgentRespond",
    "onConversationEnded",
];

/// An agent's profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AgentProfile {
    /// The agent's sid (not documented; list items may carry it).
    #[serde(
        default,
        alias = "Sid",
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub sid: Option<String>,
    /// The agent's name.
    #[serde(
        default,
        alias = "Friendly_name",
        alias = "FriendlyName",
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub friendly_name: Option<String>,
    /// Seconds the agent waits for the caller before acting.
    #[serde(default, alias = "Timeout", skip_serializing_if = "Option::is_none")]
    pub timeout: Option<Scalar<u64>>,
    /// Where the conversation is forwarded.
    #[serde(
        default,
        alias = "Callback_url",
        alias = "CallbackUrl",
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub callback_url: Option<String>,
    /// `LanguageCode:VoiceType:Gender`, such as `en-US:Standard:FEMALE`.
    #[serde(
        default,
        alias = "Language",
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub language: Option<String>,
    /// Where conversation events are sent.
    #[serde(
        default,
        alias = "Event_callback_url",
        alias = "EventCallbackUrl",
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub event_callback_url: Option<String>,
    /// The events reported (see [`EVENTS`]).
    #[serde(
        default,
        alias = "Events",
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub events: Option<String>,
    /// Fields the SDK does not name, kept as the server sent them.
    #[serde(flatten)]
    pub unknown_fields: sdk_core::model::UnknownFields,
}

// Not documented; the paginator takes the answer's one array when the key differs.
sdk_core::listed!(AgentProfile = "agents");

/// The form of Update Agent Profile.
///
/// ```
/// use cpaas::agents::AgentProfileUpdate;
///
/// let update = AgentProfileUpdate::new()
///     .language("en-US:Standard:FEMALE")
///     .events("onConversationStarted,onConversationEnded")
///     .timeout(10u32);
/// # let _ = update;
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct AgentProfileUpdate {
    /// The agent's name.
    #[serde(
        default,
        alias = "Friendly_name",
        skip_serializing_if = "Option::is_none"
    )]
    pub friendly_name: Option<String>,
    /// Seconds the agent waits for the caller.
    #[serde(
        default,
        deserialize_with = "wire::number",
        skip_serializing_if = "Option::is_none"
    )]
    pub timeout: Option<u32>,
    /// Where the conversation is forwarded.
    #[serde(
        default,
        alias = "Callback_url",
        skip_serializing_if = "Option::is_none"
    )]
    pub callback_url: Option<String>,
    /// `LanguageCode:VoiceType:Gender`, as the document writes it
    /// (`en-US:en-US-Standard-B:Male`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Where conversation events are sent.
    #[serde(
        default,
        alias = "Event_callback_url",
        skip_serializing_if = "Option::is_none"
    )]
    pub event_callback_url: Option<String>,
    /// The events to report (see [`EVENTS`]), as one text: the document separates them with
    /// semicolons.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub events: Option<String>,
    /// The method of `callback_url` (the document: POST only).
    #[serde(
        default,
        alias = "Callback_method",
        skip_serializing_if = "Option::is_none"
    )]
    pub callback_method: Option<HttpMethod>,
    /// The method of `event_callback_url` (the document: POST only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_callback_method: Option<HttpMethod>,
}

impl AgentProfileUpdate {
    /// Changes nothing yet.
    pub fn new() -> Self {
        Self::default()
    }
}

sdk_core::setters!(AgentProfileUpdate {
    /// The agent's name.
    friendly_name: String,
    /// Seconds the agent waits for the caller.
    timeout: u32,
    /// Where the conversation is forwarded.
    callback_url: String,
    /// `LanguageCode:VoiceType:Gender`.
    language: String,
    /// Where conversation events are sent.
    event_callback_url: String,
    /// The events to report.
    events: String,
    /// The method of `CallbackUrl` (POST).
    callback_method: HttpMethod,
    /// The method of `EventCallbackUrl` (POST).
    event_callback_method: HttpMethod,
});

sdk_core::scope_type! {
    /// The Dialogflow agents of an account: `/Accounts/{AccountSid}/Agents`.
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// let agents = client.account().agents();
    /// let profile = agents.get_profile("AG123").await?;
    /// println!("{:?} {:?}", profile.friendly_name, profile.language);
    /// # Ok(()) }
    /// ```
    Agents
}

impl Agents<'_> {
    /// List Agents (`cpaas.agents.list`).
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// for agent in client.account().agents().list().collect_all().await? {
    ///     println!("{:?} {:?}", agent.sid, agent.friendly_name);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self) -> Paginator<AgentProfile> {
        let spec = self
            .0
            .spec(Method::GET, "cpaas.agents.list", COLLECTION, &[]);
        self.0.paginator(spec)
    }

    /// View Agent Profile (`cpaas.agents.get_profile`).
    ///
    /// # Errors
    ///
    /// As any call: the server's answer, transport, decode.
    pub async fn get_profile(&self, agent_sid: impl AsRef<str>) -> Result<AgentProfile> {
        let spec = self.0.spec(
            Method::GET,
            "cpaas.agents.get_profile",
            ITEM,
            &[agent_sid.as_ref()],
        );
        self.0.execute(spec).await
    }

    /// Update Agent Profile (`cpaas.agents.update_profile`): a form POST on
    /// `/ConfigProfile`; the answer (undocumented) is read as the profile.
    ///
    /// # Errors
    ///
    /// As any call.
    pub async fn update_profile(
        &self,
        agent_sid: impl AsRef<str>,
        update: &AgentProfileUpdate,
    ) -> Result<AgentProfile> {
        let spec = self
            .0
            .spec(
                Method::POST,
                "cpaas.agents.update_profile",
                PROFILE,
                &[agent_sid.as_ref()],
            )
            .form(update);
        self.0.execute(spec).await
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use crate::paging::Listed;

    use sdk_core::sim::Verb;

    // Agents are set up in the portal (seeded); their profile is updated on its own path.
    api.resource(
        crate::sim::resource("agents", "AG", (COLLECTION, ITEM), AgentProfile::ITEMS_KEY)
            .xml_names("Agent", "Agents")
            .only(&[Verb::Get])
            .update_at(PROFILE),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profiles_read_the_printed_names() {
        let p: AgentProfile = serde_json::from_str(
            r#"{"Friendly_name": "Bot", "Timeout": "10", "Callback_url": "https://x/df", "Events": "onAgentRespond"}"#,
        )
        .expect("a profile");
        assert_eq!(p.friendly_name.as_deref(), Some("Bot"));
        assert_eq!(p.timeout.as_ref().and_then(Scalar::get), Some(10));
        let u = AgentProfileUpdate::new()
            .friendly_name("Bot")
            .timeout(10u32);
        assert_eq!(
            sdk_core::format::to_form(&u).expect("a form"),
            "FriendlyName=Bot&Timeout=10"
        );
        // Values the document does not list are the service's to judge.
        let u = AgentProfileUpdate::new()
            .language("en-US")
            .events("onStart")
            .callback_method(HttpMethod::Get);
        assert_eq!(
            sdk_core::format::to_form(&u).expect("a form"),
            "Language=en-US&Events=onStart&CallbackMethod=GET"
        );
        let p: AgentProfile =
            serde_json::from_str(r#"{"friendly_name": "Bot", "project_id": "df-1"}"#)
                .expect("a profile");
        assert_eq!(
            p.unknown_fields.get("project_id"),
            Some(&serde_json::json!("df-1"))
        );
    }
}
