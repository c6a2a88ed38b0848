//! The IVR story: a small web server answering InboundXML for a phone menu. Press 1 for
//! sales, 2 for support; anything else (or nothing) repeats the menu, twice at the most,
//! then the call is hung up. Sales and support are dialed.
//!
//! The documents are built with [`cpaas::inboundxml`] and served as
//! [`CONTENT_TYPE`]. The server also takes the calls'
//! status callbacks, and keeps them for whoever wants to know how calls ended.
//!
//! On the simulator ([`on_simulator`]) the server runs on loopback, a number of the
//! simulated account points at it, and [`SimulatedIvr::call`] simulates a caller pressing
//! keys: what the call did is its transcript.

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::State;
use axum::http::{Method, Uri, header};
use axum::response::IntoResponse;
use axum::routing::any;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

use cpaas::CpaasClient;
use cpaas::calls::Call;
use cpaas::inboundxml::{CONTENT_TYPE, CallbackParams, Dial, Gather, GatherInput, Hangup};
use cpaas::inboundxml::{Number, Pause, Redirect, Response, Say, Voice};
use cpaas::numbers::{NewNumber, NumberSettings};
use cpaas::sim::{Simulator, TranscriptEntry};
use sdk_core::Error;

/// The menu's words.
pub const WELCOME: &str = "Welcome to Example & Co.";
/// What the menu offers.
pub const MENU: &str = "For sales, press 1. For support, press 2.";
/// Said before the menu is repeated.
pub const NOT_AN_OPTION: &str = "Sorry, that is not an option.";
/// Said before hanging up, after the menu was said three times.
pub const GOODBYE: &str = "Goodbye.";
/// Said before dialing sales.
pub const TO_SALES: &str = "Connecting you to sales.";
/// Said before dialing support.
pub const TO_SUPPORT: &str = "Connecting you to support.";
/// How many times the menu is said at the most: once, and repeated twice.
pub const MENU_TIMES: u32 = 3;

/// The IVR: where it is reached, whom it dials, and the status callbacks it received.
#[derive(Debug)]
pub struct Ivr {
    base_url: String,
    sales: String,
    support: String,
    ended: Mutex<Vec<CallbackParams>>,
}

impl Ivr {
    /// An IVR reached at `base_url` (`https://ivr.example.com`, or the loopback address it
    /// listens on), dialing these numbers.
    pub fn new(
        base_url: impl Into<String>,
        sales: impl Into<String>,
        support: impl Into<String>,
    ) -> Arc<Ivr> {
        Arc::new(Ivr {
            base_url: base_url.into().trim_end_matches('/').to_owned(),
            sales: sales.into(),
            support: support.into(),
            ended: Mutex::default(),
        })
    }

    /// The URL a number's `VoiceUrl` points at: the menu.
    pub fn voice_url(&self) -> String {
        format!("{}/ivr/menu", self.base_url)
    }

    /// The URL of the calls' status callback.
    pub fn status_url(&self) -> String {
        format!("{}/ivr/status", self.base_url)
    }

    /// The menu, said for the `attempt`th time (from 1): one key, five seconds to press
    /// it, then the choice is read with no key (which repeats the menu or hangs up).
    ///
    /// ```
    /// let ivr = examples::ivr::Ivr::new("https://ivr.example.com", "+15557654321", "+15557654322");
    /// let menu = ivr.menu(1).to_xml();
    /// assert!(menu.contains(r#"action="https://ivr.example.com/ivr/choice?attempt=1""#));
    /// assert!(menu.contains("Example &amp; Co."));
    /// ```
    pub fn menu(&self, attempt: u32) -> Response {
        let choice = format!("{}/ivr/choice?attempt={attempt}", self.base_url);
        let mut gather = Gather::new()
            .input(GatherInput::Dtmf)
            .num_digits(1)
            .timeout(5)
            .action(&choice);
        if attempt == 1 {
            gather = gather
                .say(Say::new(WELCOME).voice(Voice::Female))
                .pause(Pause::new().length(1));
        }
        Response::new()
            .gather(gather.say(Say::new(MENU).voice(Voice::Female)))
            // No key pressed: the choice without digits.
            .redirect(Redirect::new(choice))
    }

    /// What the menu's `attempt`th choice answers, given the key pressed.
    ///
    /// ```
    /// use cpaas::inboundxml::{ResponseVerb, Say};
    ///
    /// let ivr = examples::ivr::Ivr::new("https://ivr.example.com", "+15557654321", "+15557654322");
    /// let sales = ivr.choice(1, Some("1"));
    /// assert!(matches!(&sales.verbs[1], ResponseVerb::Dial(d) if d.targets.len() == 1));
    /// let last = ivr.choice(3, Some("9"));
    /// assert_eq!(last.verbs[0], ResponseVerb::Say(Say::new(examples::ivr::GOODBYE)));
    /// ```
    pub fn choice(&self, attempt: u32, digits: Option<&str>) -> Response {
        let dial = |number: &str| Dial::new().number(Number::new(number)).timeout(20);
        match digits.map(str::trim) {
            Some("1") => Response::new()
                .say(Say::new(TO_SALES))
                .dial(dial(&self.sales)),
            Some("2") => Response::new()
                .say(Say::new(TO_SUPPORT))
                .dial(dial(&self.support)),
            _ if attempt >= MENU_TIMES => {
                Response::new().say(Say::new(GOODBYE)).hangup(Hangup::new())
            }
            _ => Response::new()
                .say(Say::new(NOT_AN_OPTION))
                .redirect(Redirect::new(format!(
                    "{}/ivr/menu?attempt={}",
                    self.base_url,
                    attempt + 1
                ))),
        }
    }

    /// The status callbacks received, in order: how each call ended.
    pub fn ended_calls(&self) -> Vec<CallbackParams> {
        self.ended.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// The web server: `/ivr/menu`, `/ivr/choice` and `/ivr/status`, by GET or POST.
    pub fn router(self: Arc<Self>) -> Router {
        Router::new()
            .route("/ivr/menu", any(menu))
            .route("/ivr/choice", any(choice))
            .route("/ivr/status", any(status))
            .with_state(self)
    }
}

/// What the platform sent: the form of a POST, the query of a GET; and the `attempt` the
/// IVR put in its own URL.
fn read(method: &Method, uri: &Uri, body: &str) -> (CallbackParams, u32) {
    let query = CallbackParams::from_query(uri.query().unwrap_or(""));
    let attempt = query
        .extra
        .iter()
        .find(|(name, _)| name == "attempt")
        .and_then(|(_, n)| n.parse().ok())
        .unwrap_or(1);
    let params = if method == Method::GET {
        query
    } else {
        CallbackParams::from_form(body)
    };
    (params, attempt)
}

fn document(doc: Response) -> impl IntoResponse {
    ([(header::CONTENT_TYPE, CONTENT_TYPE)], doc.to_xml())
}

async fn menu(
    State(ivr): State<Arc<Ivr>>,
    method: Method,
    uri: Uri,
    body: String,
) -> impl IntoResponse {
    let (_, attempt) = read(&method, &uri, &body);
    document(ivr.menu(attempt))
}

async fn choice(
    State(ivr): State<Arc<Ivr>>,
    method: Method,
    uri: Uri,
    body: String,
) -> impl IntoResponse {
    let (params, attempt) = read(&method, &uri, &body);
    document(ivr.choice(attempt, params.digits.as_deref()))
}

async fn status(
    State(ivr): State<Arc<Ivr>>,
    method: Method,
    uri: Uri,
    body: String,
) -> &'static str {
    let (params, _) = read(&method, &uri, &body);
    ivr.ended
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .push(params);
    ""
}

/// Serves `ivr` on `listener` until the task is dropped or aborted.
pub fn serve(listener: TcpListener, ivr: Arc<Ivr>) -> JoinHandle<std::io::Result<()>> {
    tokio::spawn(async move { axum::serve(listener, ivr.router()).await })
}

/// The simulated account.
pub const ACCOUNT: &str = "AC0123456789abcdef0123456789abcdef";
/// The simulated account's number, whose `VoiceUrl` is the IVR.
pub const NUMBER: &str = "+15550001000";
/// The sales line the IVR dials.
pub const SALES: &str = "+15557654321";
/// The support line the IVR dials.
pub const SUPPORT: &str = "+15557654322";

/// The IVR served on loopback, and a CPaaS simulator whose number [`NUMBER`] calls it.
#[derive(Debug)]
pub struct SimulatedIvr {
    /// The simulator.
    pub sim: Simulator,
    /// A client of the simulated account.
    pub client: CpaasClient,
    /// The IVR.
    pub ivr: Arc<Ivr>,
    server: JoinHandle<std::io::Result<()>>,
}

impl Drop for SimulatedIvr {
    fn drop(&mut self) {
        self.server.abort();
    }
}

/// Starts the simulator and the IVR on loopback, and buys [`NUMBER`] with the IVR as its
/// `VoiceUrl` and status callback.
///
/// # Errors
///
/// No port to listen on, or the simulator's answer.
pub async fn on_simulator() -> Result<SimulatedIvr, Error> {
    let sim = cpaas::sim::start().await?;
    let client = cpaas::sim::client(&sim, ACCOUNT)?;
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .map_err(|e| Error::invalid_input("listen", format!("no loopback port: {e}")))?;
    let addr = listener
        .local_addr()
        .map_err(|e| Error::invalid_input("listen", e.to_string()))?;
    let ivr = Ivr::new(format!("http://{addr}"), SALES, SUPPORT);
    let server = serve(listener, ivr.clone());
    let settings = NumberSettings::new()
        .friendly_name("IVR")
        .voice_url(ivr.voice_url())
        .status_callback(ivr.status_url());
    client
        .account()
        .incoming_numbers()
        .create(&NewNumber::phone_number(NUMBER).settings(settings))
        .await?;
    Ok(SimulatedIvr {
        sim,
        client,
        ivr,
        server,
    })
}

impl SimulatedIvr {
    /// A call from `from` to [`NUMBER`] whose caller presses `keys`, one per menu: the call
    /// once ended, and what it did.
    ///
    /// # Errors
    ///
    /// The simulator's, when the call cannot start or does not end.
    pub async fn call(
        &self,
        from: &str,
        keys: &[&str],
    ) -> Result<(Call, Vec<TranscriptEntry>), Error> {
        // Scripted before the call, for the number: the call takes them as it goes (a key
        // it does not need is left for the number's next call).
        cpaas::sim::script_input(&self.sim, NUMBER, keys.iter().copied());
        let sid = cpaas::sim::incoming_call(&self.sim, from, NUMBER)?;
        let call = cpaas::sim::wait_call_ended(&self.sim, &sid).await?;
        Ok((call, cpaas::sim::transcript(&self.sim, &sid)))
    }
}

/// One line per transcript entry, for people.
pub fn transcript_line(entry: &TranscriptEntry) -> String {
    match entry {
        TranscriptEntry::Say { text, .. } => format!("said: {text}"),
        TranscriptEntry::Pause { seconds } => format!("paused {seconds} s"),
        TranscriptEntry::Gather { heard: Some(heard) } => format!("heard: {heard:?}"),
        TranscriptEntry::Gather { heard: None } => "heard nothing".to_owned(),
        TranscriptEntry::Dial {
            targets, status, ..
        } => format!("dialed {targets:?}: {status}"),
        TranscriptEntry::Redirect { url } => format!("next: {url}"),
        TranscriptEntry::Hangup { .. } => "hung up".to_owned(),
        other => format!("{other:?}"),
    }
}
