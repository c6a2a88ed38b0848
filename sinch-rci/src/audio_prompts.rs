//! Audio prompts (`/audioPrompts`), read-only: their metadata (the audio itself can be
//! neither read nor written through the RCI).

use serde::{Deserialize, Serialize};

use sdk_core::model::UnknownFields;
use sdk_core::{Method, Result};

use crate::common::search_query;

const PROMPTS: &str = "/audioPrompts";
const PROMPT: &str = "/audioPrompts/{audioPromptId}";

sdk_core::id_type! {
    /// The id of an audio prompt: 32 hexadecimal characters in either case (see [ids](crate#ids)).
    pub struct AudioPromptId;
}

sdk_core::string_enum! {
    /// When a prompt is played (`promptType`).
    pub enum PromptType {
        /// A blind transfer failed.
        BlindTransferFailed = "BlindTransferFailed",
        /// Asks an external agent to accept.
        ExtAgentAcceptQuestion = "ExtAgentAcceptQuestion",
        /// An external transfer.
        ExternalTransfer = "ExternalTransfer",
        /// An external transfer failed.
        ExternalTransferFailed = "ExternalTransferFailed",
        /// Waiting in the queue.
        InQueue = "InQueue",
        /// Waiting in a busy queue.
        InQueueBusy = "InQueueBusy",
        /// An internal transfer.
        InternalTransfer = "InternalTransfer",
        /// Played by an IVR.
        IvrPrompt = "IVRPrompt",
        /// Offering the call.
        OfferingPrompt = "OfferingPrompt",
        /// On hold.
        OnHold = "OnHold",
        /// Before the welcome.
        PreWelcome = "PreWelcome",
        /// The queue is full.
        QueueFull = "QueueFull",
        /// The service is closed.
        ServiceClosed = "ServiceClosed",
        /// The welcome.
        Welcome = "Welcome",
        /// The welcome when busy.
        WelcomeBusy = "WelcomeBusy",
    }
}

sdk_core::string_enum! {
    /// How a prompt repeats (`loopType`).
    pub enum LoopType {
        /// All of it, looped.
        All = "ALL",
        /// The last part, looped.
        Last = "LAST",
        /// In random order.
        Random = "RANDOM",
    }
}

sdk_core::string_enum! {
    /// Where a prompt comes from (`sourceType`).
    pub enum SourceType {
        /// Uploaded.
        Custom = "Custom",
        /// Built in, for queues.
        QueueBuiltIn = "QueueBuiltIn",
        /// Built in, for users.
        UserBuiltIn = "UserBuiltIn",
        /// Built in, optional.
        OptionalBuiltIn = "OptionalBuiltIn",
    }
}

/// An audio prompt (every field but the id may be absent from a list).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AudioPrompt {
    /// The id.
    pub id: AudioPromptId,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// When it is played.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt_type: Option<PromptType>,
    /// Where it comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_type: Option<SourceType>,
    /// How it repeats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loop_type: Option<LoopType>,
    /// Fields the SDK does not name, kept as the server sent them (written back when this
    /// value is serialised).
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

sdk_core::listed!(AudioPrompt);

search_query! {
    /// The search and sort of [`AudioPrompts::list`]. Default order: name.
    sortable AudioPromptQuery {
        name => "name",
        description => "description",
        prompt_type => "promptType",
        source_type => "sourceType",
        loop_type => "loopType",
    }
}

sdk_core::scope_type! {
    /// Audio prompts: `/audioPrompts`.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// let prompt = client.audio_prompts().get("EFF0CF25BC374F2982225C83BB21B3F3").await?;
    /// println!("{:?} {:?}", prompt.name, prompt.prompt_type);
    /// # Ok(()) }
    /// ```
    AudioPrompts
}

impl AudioPrompts<'_> {
    /// Lists audio prompts, `limit` (100 by default) per request.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// use sdk_core::futures_util::TryStreamExt;
    /// use sinch_rci::audio_prompts::AudioPromptQuery;
    ///
    /// let query = AudioPromptQuery::new().name("Welcome*");
    /// let mut prompts = client.audio_prompts().list(&query).items();
    /// while let Some(prompt) = prompts.try_next().await? {
    ///     println!("{} {:?}", prompt.id, prompt.name);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self, query: &AudioPromptQuery) -> sdk_core::Paginator<AudioPrompt> {
        let spec = self
            .0
            .spec(Method::GET, "rci.audio_prompts.list", PROMPTS, &[]);
        self.0.paginator(query.apply(spec))
    }

    /// Reads an audio prompt's metadata.
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) for an unknown id.
    pub async fn get(&self, audio_prompt_id: impl AsRef<str>) -> Result<AudioPrompt> {
        let spec = self.0.spec(
            Method::GET,
            "rci.audio_prompts.get",
            PROMPT,
            &[audio_prompt_id.as_ref()],
        );
        self.0.execute(spec).await
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use crate::sim::{entity, searchable};
    let api = api.resource(entity("audio_prompts", PROMPTS).read_only());
    searchable(
        api,
        "audio_prompts",
        PROMPTS,
        sdk_core::sim::ListStyle::OffsetLimit,
        &[],
    )
}
