//! Conferences (`/Conferences`) and their participants
//! (`/Conferences/{ConferenceSid}/Participants`): view and list conferences; view, list,
//! mute or deafen, play audio to and hang up participants.
//!
//! Conferences are made by InboundXML (`<Dial><Conference>`), not by the REST API.
//!
//! Document decisions: List Conferences prints the fields of a participant and View
//! Participant those of a list of SMS (both copy errors); the SDK reads a conference list as
//! [`Conference`]s under `conferences` and a participant as [`Participant`] with the fields
//! printed under List Conferences. Hangup Participant shares the participant's URL with
//! View (GET) and Mute/Deaf (POST) and has no body: it is the DELETE.

use serde::{Deserialize, Deserializer, Serialize};

use sdk_core::model::{UnknownFields, check_required};
use sdk_core::{Error, Method, Result};

use crate::common::{DateFilter, filtered};
use crate::paging::Paginator;
use crate::wire::{self, Scalar, Timestamp};

pub(crate) const COLLECTION: &str = "/Accounts/{AccountSid}/Conferences";
pub(crate) const ITEM: &str = "/Accounts/{AccountSid}/Conferences/{ConferenceSid}";
pub(crate) const PARTICIPANTS: &str =
    "/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants";
pub(crate) const PARTICIPANT: &str =
    "/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants/{ParticipantSid}";
const PLAY: &str =
    "/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants/{ParticipantSid}/Play";

sdk_core::id_type! {
    /// The sid of a conference (`ConferenceSid`).
    pub struct ConferenceSid;
}

sdk_core::id_type! {
    /// The sid of a participant (`ParticipantSid`: the sid of the participant's call).
    pub struct ParticipantSid;
}

sdk_core::string_enum! {
    /// The status of a conference.
    pub enum ConferenceStatus {
        /// Set up, nobody in it yet.
        Init = "init",
        /// Someone is in it.
        InProgress = "in-progress",
        /// Over.
        Completed = "completed",
    }
}

/// A conference.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Conference {
    /// The conference's sid.
    #[serde(deserialize_with = "wire::sid")]
    pub sid: ConferenceSid,
    /// Its name (from InboundXML).
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub friendly_name: Option<String>,
    /// The account.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub account_sid: Option<String>,
    /// How many participants are connected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active_participants_count: Option<Scalar<u64>>,
    /// How long it has run, in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run_time: Option<Scalar<u64>>,
    /// The status.
    #[serde(
        default,
        deserialize_with = "wire::parsed",
        skip_serializing_if = "Option::is_none"
    )]
    pub status: Option<ConferenceStatus>,
    /// When it was created (not in the document's list; the production service sends it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_created: Option<Timestamp>,
    /// When it was last updated (not in the document's list; the production service sends
    /// it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_updated: Option<Timestamp>,
    /// This resource's path.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub uri: Option<String>,
    /// The paths of its subresources (not in the document's list; the production service
    /// sends them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subresource_uris: Option<ConferenceSubresources>,
    /// Fields the SDK does not name, kept as the server sent them.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

sdk_core::listed!(Conference = "conferences");

/// The paths of a conference's subresources.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ConferenceSubresources {
    /// The conference's participants.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub participants: Option<String>,
    /// Fields the SDK does not name, kept as the server sent them.
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

/// A participant of a conference.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Participant {
    /// The participant's sid.
    #[serde(deserialize_with = "wire::sid")]
    pub sid: ParticipantSid,
    /// The conference.
    #[serde(
        default,
        deserialize_with = "wire::id",
        skip_serializing_if = "Option::is_none"
    )]
    pub conference_sid: Option<ConferenceSid>,
    /// The account.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub account_sid: Option<String>,
    /// The caller id name.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub caller_name: Option<String>,
    /// The number the participant called from.
    #[serde(
        default,
        deserialize_with = "wire::text",
        skip_serializing_if = "Option::is_none"
    )]
    pub caller_number: Option<String>,
    /// Seconds in the conference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<Scalar<u64>>,
    /// Whether the participant is muted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub muted: Option<Scalar<bool>>,
    /// Whether the participant hears nothing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deaf: Option<Scalar<bool>>,
    /// When the participant's call resource was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_created: Option<Timestamp>,
    /// When it was last updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_updated: Option<Timestamp>,
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

sdk_core::listed!(Participant = "participants");

/// The filters of [`Conferences::list`].
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct ConferenceFilter {
    /// Conferences of this name.
    pub friendly_name: Option<String>,
    /// Conferences in this status.
    pub status: Option<ConferenceStatus>,
    /// Created on or within these dates (`DateCreated`, `DateCreated>`, `DateCreated<`).
    pub date_created: Option<DateFilter>,
    /// Updated on or within these dates (`DateUpdated`, `DateUpdated>`, `DateUpdated<`).
    pub date_updated: Option<DateFilter>,
}

impl ConferenceFilter {
    /// No filter.
    pub fn new() -> Self {
        Self::default()
    }

    fn pairs(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = [
            ("FriendlyName", self.friendly_name.clone()),
            ("Status", self.status.as_ref().map(ToString::to_string)),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k.to_owned(), v)))
        .collect();
        if let Some(d) = &self.date_created {
            out.extend(d.pairs("DateCreated"));
        }
        if let Some(d) = &self.date_updated {
            out.extend(d.pairs("DateUpdated"));
        }
        out
    }
}

sdk_core::setters!(ConferenceFilter {
    /// Conferences of this name.
    friendly_name: String,
    /// Conferences in this status.
    status: ConferenceStatus,
    /// Created on or within these dates.
    date_created: DateFilter,
    /// Updated on or within these dates.
    date_updated: DateFilter,
});

/// The filters of [`Participants::list`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParticipantFilter {
    /// Only muted (or unmuted) participants.
    pub muted: Option<bool>,
    /// Only deaf (or hearing) participants.
    pub deaf: Option<bool>,
}

impl ParticipantFilter {
    /// No filter.
    pub fn new() -> Self {
        Self::default()
    }

    fn pairs(&self) -> Vec<(String, String)> {
        [("Muted", self.muted), ("Deaf", self.deaf)]
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| (k.to_owned(), v.to_string())))
            .collect()
    }
}

sdk_core::setters!(ParticipantFilter {
    /// Only muted (`true`) or unmuted (`false`) participants.
    muted: bool,
    /// Only deaf (`true`) or hearing (`false`) participants.
    deaf: bool,
});

/// The form of Mute / Deaf Participant: the document wants at least one of the two; a form
/// with neither is sent as it is, for the server to judge.
///
/// ```
/// use cpaas::conferences::MuteDeaf;
///
/// let hush = MuteDeaf::new().muted(true);
/// # let _ = hush;
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct MuteDeaf {
    /// Mutes (`true`) or unmutes (`false`) the participant.
    #[serde(
        default,
        deserialize_with = "wire::flag",
        skip_serializing_if = "Option::is_none"
    )]
    pub muted: Option<bool>,
    /// Deafens (`true`) or lets the participant hear again (`false`).
    #[serde(
        default,
        deserialize_with = "wire::flag",
        skip_serializing_if = "Option::is_none"
    )]
    pub deaf: Option<bool>,
}

impl MuteDeaf {
    /// Changes nothing yet: set `muted`, `deaf` or both.
    pub fn new() -> Self {
        Self::default()
    }
}

sdk_core::setters!(MuteDeaf {
    /// Mutes or unmutes.
    muted: bool,
    /// Deafens or lets hear.
    deaf: bool,
});

/// The form of Play Audio to Participant: one or more sound files (`AudioUrl`, repeated).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PlayToParticipant {
    /// The sound files, played in order.
    #[serde(rename = "AudioUrl", deserialize_with = "one_or_many")]
    pub audio_urls: Vec<String>,
}

fn one_or_many<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Vec<String>, D::Error> {
    Ok(sdk_core::model::OneOrMany::<String>::deserialize(d)?.to_vec())
}

impl PlayToParticipant {
    /// Plays `audio_url`.
    pub fn new(audio_url: impl Into<String>) -> Self {
        PlayToParticipant {
            audio_urls: vec![audio_url.into()],
        }
    }

    /// Plays `audio_url` after the others.
    pub fn then(mut self, audio_url: impl Into<String>) -> Self {
        self.audio_urls.push(audio_url.into());
        self
    }

    fn check(&self) -> Result<()> {
        if self.audio_urls.is_empty() {
            return Err(Error::invalid_input("AudioUrl", "required"));
        }
        self.audio_urls
            .iter()
            .try_for_each(|u| check_required("AudioUrl", u))
    }
}

sdk_core::scope_type! {
    /// The conferences of an account: `/Accounts/{AccountSid}/Conferences`.
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// let conferences = client.account().conferences();
    /// let conference = conferences.get("CF123").await?;
    /// println!("{:?} {:?}", conference.friendly_name, conference.active_participants_count);
    /// # Ok(()) }
    /// ```
    Conferences
}

impl Conferences<'_> {
    /// View Conference (`cpaas.conferences.get`).
    ///
    /// # Errors
    ///
    /// As any call: the server's answer, transport, decode.
    pub async fn get(&self, conference_sid: impl AsRef<str>) -> Result<Conference> {
        let spec = self.0.spec(
            Method::GET,
            "cpaas.conferences.get",
            ITEM,
            &[conference_sid.as_ref()],
        );
        self.0.execute(spec).await
    }

    /// List Conferences (`cpaas.conferences.list`), filtered.
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// use cpaas::conferences::{ConferenceFilter, ConferenceStatus};
    /// use sdk_core::futures_util::TryStreamExt;
    ///
    /// let live = ConferenceFilter::new().status(ConferenceStatus::InProgress);
    /// let mut conferences = client.account().conferences().list(&live).items();
    /// while let Some(conference) = conferences.try_next().await? {
    ///     println!("{} {:?}", conference.sid, conference.friendly_name);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self, filter: &ConferenceFilter) -> Paginator<Conference> {
        let spec = self
            .0
            .spec(Method::GET, "cpaas.conferences.list", COLLECTION, &[]);
        self.0.paginator(filtered(spec, filter.pairs()))
    }
}

sdk_core::scope_type! {
    /// The participants of a conference:
    /// `/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants`.
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// let participants = client.account().conference("CF123").participants();
    /// let participant = participants.hangup("PA123").await?;
    /// println!("{:?} {:?}", participant.caller_number, participant.duration);
    /// # Ok(()) }
    /// ```
    Participants
}

impl Participants<'_> {
    /// View Participant (`cpaas.participants.get`).
    ///
    /// # Errors
    ///
    /// As any call: the server's answer, transport, decode.
    pub async fn get(&self, participant_sid: impl AsRef<str>) -> Result<Participant> {
        let spec = self.0.spec(
            Method::GET,
            "cpaas.participants.get",
            PARTICIPANT,
            &[participant_sid.as_ref()],
        );
        self.0.execute(spec).await
    }

    /// List Participants (`cpaas.participants.list`), filtered by muted and deaf.
    ///
    /// ```no_run
    /// # async fn run(client: cpaas::CpaasClient) -> Result<(), sdk_core::Error> {
    /// use cpaas::conferences::ParticipantFilter;
    ///
    /// let participants = client.account().conference("CF123").participants();
    /// for p in participants.list(&ParticipantFilter::new().muted(true)).collect_all().await? {
    ///     println!("{} {:?}", p.sid, p.caller_number);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self, filter: &ParticipantFilter) -> Paginator<Participant> {
        let spec = self
            .0
            .spec(Method::GET, "cpaas.participants.list", PARTICIPANTS, &[]);
        self.0.paginator(filtered(spec, filter.pairs()))
    }

    /// Mute / Deaf Participant (`cpaas.participants.mute_deaf`).
    ///
    /// # Errors
    ///
    /// As any call: the server's answer (a form with neither field is its to refuse),
    /// transport, decode.
    pub async fn mute_deaf(
        &self,
        participant_sid: impl AsRef<str>,
        request: &MuteDeaf,
    ) -> Result<Participant> {
        let spec = self
            .0
            .spec(
                Method::POST,
                "cpaas.participants.mute_deaf",
                PARTICIPANT,
                &[participant_sid.as_ref()],
            )
            .form(request);
        self.0.execute(spec).await
    }

    /// Play Audio to Participant (`cpaas.participants.play_audio`).
    ///
    /// # Errors
    ///
    /// [`sdk_core::ErrorKind::InvalidInput`] without an audio URL (nothing sent); else as
    /// any call.
    pub async fn play_audio(
        &self,
        participant_sid: impl AsRef<str>,
        request: &PlayToParticipant,
    ) -> Result<Participant> {
        let spec = self
            .0
            .spec(
                Method::POST,
                "cpaas.participants.play_audio",
                PLAY,
                &[participant_sid.as_ref()],
            )
            .validate(|| request.check())
            .form(request);
        self.0.execute(spec).await
    }

    /// Hangup Participant (`cpaas.participants.hangup`): a DELETE; answers the participant.
    ///
    /// # Errors
    ///
    /// As any call.
    pub async fn hangup(&self, participant_sid: impl AsRef<str>) -> Result<Participant> {
        let spec = self.0.spec(
            Method::DELETE,
            "cpaas.participants.hangup",
            PARTICIPANT,
            &[participant_sid.as_ref()],
        );
        self.0.execute(spec).await
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use sdk_core::sim::Verb;
    use serde_json::json;

    use crate::paging::Listed;
    use crate::sim;

    let conferences = &[("FriendlyName", "friendly_name"), ("Status", "status")];
    // Conferences and their participants are made by InboundXML on a real account: seeded.
    api.resource(
        sim::resource(
            "conferences",
            "CF",
            (COLLECTION, ITEM),
            Conference::ITEMS_KEY,
        )
        .xml_names("Conference", "Conferences")
        .only(&[Verb::Get])
        .list_filter(sim::filters(
            conferences,
            Some(("DateCreated", "date_created")),
        )),
    )
    .resource(
        sim::resource(
            "participants",
            "CA",
            (PARTICIPANTS, PARTICIPANT),
            Participant::ITEMS_KEY,
        )
        .xml_names("Participant", "Participants")
        .only(&[Verb::Get, Verb::Update, Verb::Delete])
        .newest_first(false)
        .list_filter(sim::filters(&[("Muted", "muted"), ("Deaf", "deaf")], None))
        .on_update(|_, change, p| {
            let form = &change.request.body;
            if sim::field(form, "muted").is_none() && sim::field(form, "deaf").is_none() {
                return Err(sim::error(400, 10022, "Muted or Deaf is required"));
            }
            for key in ["muted", "deaf"] {
                if let Some(v) = p[key].as_str() {
                    p[key] = json!(matches!(v, "true" | "True" | "1"));
                }
            }
            Ok(())
        })
        .on_delete(|store, change, _| {
            let conference = change.param("ConferenceSid").unwrap_or_default();
            count_participants(store, sim::account(change), conference, -1);
            Ok(())
        }),
    )
    .action(Method::POST, PLAY, |store, req| {
        let at = [
            req.param("AccountSid").unwrap_or_default(),
            req.param("ConferenceSid").unwrap_or_default(),
        ];
        let sid = req.param("ParticipantSid").unwrap_or_default();
        if sim::field(&req.body, "audio_url").is_none() {
            return sim::error(400, 61003, "Invalid or missing Play URL");
        }
        match store.get("participants", &at, sid) {
            Some(p) => sim::answer("Participant", "Participants", p),
            None => sim::not_found("Participants", sid),
        }
    })
}

/// Adds `delta` to the active participants of a stored conference.
#[cfg(feature = "simulator")]
pub(crate) fn count_participants(
    store: &mut sdk_core::sim::Store,
    account: &str,
    conference: &str,
    delta: i64,
) {
    if let Some(c) = store.get_mut("conferences", &[account], conference) {
        let n = c["active_participants_count"].as_i64().unwrap_or(0);
        c["active_participants_count"] = serde_json::json!((n + delta).max(0));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_of_participant_actions() {
        let m: MuteDeaf = serde_json::from_value(serde_json::json!({"Muted": "true"}))
            .expect("the catalog's example");
        assert_eq!(sdk_core::format::to_form(&m).expect("a form"), "Muted=true");
        assert_eq!(
            sdk_core::format::to_form(&MuteDeaf::new()).expect("a form"),
            ""
        );
        let p = PlayToParticipant::new("https://x/a.mp3").then("https://x/b.mp3");
        assert_eq!(
            sdk_core::format::to_form(&p).expect("a form"),
            "AudioUrl=https%3A%2F%2Fx%2Fa.mp3&AudioUrl=https%3A%2F%2Fx%2Fb.mp3"
        );
        let one: PlayToParticipant =
            serde_json::from_value(serde_json::json!({"AudioUrl": "https://x/a.mp3"}))
                .expect("one");
        assert_eq!(one.audio_urls.len(), 1);
        assert!(PlayToParticipant { audio_urls: vec![] }.check().is_err());
    }

    #[test]
    #[cfg(feature = "xml")]
    fn participants_read_flags_either_way() {
        let p: Participant = serde_json::from_str(
            r#"{"sid": "CA1", "muted": "true", "deaf": false, "duration": "30", "conference_sid": "CF1"}"#,
        )
        .expect("a participant");
        assert_eq!(p.muted.as_ref().and_then(Scalar::get), Some(true));
        assert_eq!(p.deaf.as_ref().and_then(Scalar::get), Some(false));
        let xml = "<Response><Participant><Sid>CA1</Sid><Muted>false</Muted><Deaf>True</Deaf></Participant></Response>";
        let p: Participant = crate::wire::from_xml(xml).expect("a participant");
        assert_eq!(p.deaf.as_ref().and_then(Scalar::get), Some(true));
    }

    #[test]
    #[cfg(feature = "xml")]
    fn conferences_keep_what_the_production_service_adds() {
        let json = r#"{"sid":"CF1","status":"completed","date_created":"Wed, 15 May 2019 17:29:06 +0000","date_updated":"Wed, 15 May 2019 17:39:06 +0000","subresource_uris":{"participants":"/v2/Accounts/AC1/Conferences/CF1/Participants","recordings":"/r"},"region":"us-east"}"#;
        let c: Conference = serde_json::from_str(json).expect("a conference");
        assert!(c.date_created.as_ref().and_then(|d| d.at()).is_some());
        let subs = c.subresource_uris.as_ref().expect("subresources");
        assert_eq!(
            subs.participants.as_deref(),
            Some("/v2/Accounts/AC1/Conferences/CF1/Participants")
        );
        assert_eq!(
            subs.unknown_fields.get("recordings"),
            Some(&serde_json::json!("/r"))
        );
        assert_eq!(
            c.unknown_fields.get("region"),
            Some(&serde_json::json!("us-east"))
        );
        assert_eq!(serde_json::to_string(&c).expect("json"), json);
        let xml = "<Response><Conference><Sid>CF1</Sid><RunTime>65</RunTime><Region>us-east</Region>\
                   <SubresourceUris><Participants>/p</Participants></SubresourceUris></Conference></Response>";
        let c: Conference = crate::wire::from_xml(xml).expect("a conference");
        assert_eq!(c.run_time.as_ref().and_then(Scalar::get), Some(65));
        assert_eq!(
            c.unknown_fields.get("region"),
            Some(&serde_json::json!("us-east"))
        );
        assert_eq!(
            c.subresource_uris.and_then(|s| s.participants).as_deref(),
            Some("/p")
        );
        assert!(serde_json::from_str::<Participant>(r#"{"muted": "true"}"#).is_err());
    }
}
