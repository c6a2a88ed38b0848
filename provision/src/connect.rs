//! Where `plan` and `apply` send their requests: the real services, as the environment or
//! a profile names them, or the built-in simulators.
//!
//! The variables are the examples' own:
//!
//! | vendor | variables |
//! | --- | --- |
//! | axp | `AXP_BASE_URL`, `AXP_TOKEN` or `AXP_CLIENT_ID` + `AXP_CLIENT_SECRET` (`AXP_TOKEN_URL` overrides the token endpoint) |
//! | sinch | `RCI_BASE_URL`, `RCI_USER`, `RCI_PASSWORD` |
//! | apio | `APIO_BASE_URL`, `APIO_TOKEN` |
//! | cpaas | `CPAAS_ACCOUNT_SID`, `CPAAS_AUTH_TOKEN`, `CPAAS_BASE_URL` (default: the US region) |
//!
//! A profile file (`~/.config/ccadm/profiles.toml`, or `CCADM_PROFILES`) holds the same
//! names in one table per profile; the environment wins over it:
//!
//! ```toml
//! [default]
//! AXP_BASE_URL = "https://na.cc.avayacloud.com"
//! AXP_CLIENT_ID = "provisioning"
//! AXP_CLIENT_SECRET = "..."
//!
//! [local]   # what `ccadm simulator` prints
//! AXP_BASE_URL = "http://127.0.0.1:7401"
//! AXP_TOKEN = "simulator"
//! ```
//!
//! A vendor whose base URL is set nowhere runs on its simulator. A loopback base URL
//! (`127.0.0.1`, `::1`, `localhost`: `ccadm simulator`, a test server) may be plain
//! `http`, and long-running resources there are polled every few milliseconds
//! ([`PollPolicy::simulator`](sdk_core::PollPolicy::simulator)); any other must be `https`
//! and is polled at the client's default pace.

use std::collections::BTreeMap;
use std::path::PathBuf;

use apio_callcenter::ApioClient;
use axp_voice::AxpClient;
use cpaas::CpaasClient;
use sdk_core::sim::Simulator;
use sdk_core::{ClientCredentials, Error};
use sinch_rci::RciClient;

/// Where the settings come from: the environment, then a profile.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    profile: BTreeMap<String, String>,
    env: bool,
    /// Ignore every setting: run on the simulators.
    pub simulator: bool,
}

impl Settings {
    /// The environment and, when the profile file has it, the profile `name`.
    ///
    /// # Errors
    ///
    /// A profile named explicitly that the file does not have, or a file that is not TOML.
    pub fn load(profile: Option<&str>, simulator: bool) -> Result<Self, Error> {
        let path = std::env::var_os("CCADM_PROFILES")
            .map(PathBuf::from)
            .or_else(|| {
                std::env::var_os("HOME")
                    .map(|h| PathBuf::from(h).join(".config/ccadm/profiles.toml"))
            });
        let mut settings = Settings {
            profile: BTreeMap::new(),
            env: true,
            simulator,
        };
        let Some(path) = path.filter(|p| p.exists()) else {
            return match profile {
                Some(name) => Err(Error::invalid_input(
                    "--profile",
                    format!("no profile file, so no profile {name:?}"),
                )),
                None => Ok(settings),
            };
        };
        let text = std::fs::read_to_string(&path).map_err(|e| {
            Error::invalid_input("CCADM_PROFILES", format!("{}: {e}", path.display()))
        })?;
        let mut file: BTreeMap<String, BTreeMap<String, String>> =
            toml::from_str(&text).map_err(|e| {
                Error::invalid_input("CCADM_PROFILES", format!("{}: {e}", path.display()))
            })?;
        match file.remove(profile.unwrap_or("default")) {
            Some(table) => settings.profile = table,
            None if profile.is_some() => {
                return Err(Error::invalid_input(
                    "--profile",
                    format!(
                        "{} has no profile {:?}",
                        path.display(),
                        profile.unwrap_or_default()
                    ),
                ));
            }
            None => {}
        }
        Ok(settings)
    }

    /// Settings from `pairs` only (no environment, no file): for tests and programs.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        Settings {
            profile: pairs
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
                .collect(),
            env: false,
            simulator: false,
        }
    }

    /// A setting: the environment's (when not built from pairs), else the profile's; empty is
    /// unset.
    pub fn get(&self, name: &str) -> Option<String> {
        if self.simulator {
            return None;
        }
        self.env
            .then(|| std::env::var(name).ok())
            .flatten()
            .or_else(|| self.profile.get(name).cloned())
            .filter(|v| !v.trim().is_empty())
    }

    fn require(&self, name: &str, with: &str) -> Result<String, Error> {
        self.get(name)
            .ok_or_else(|| Error::invalid_input(name.to_owned(), format!("required with {with}")))
    }
}

/// The clients of a run, and the simulators they talk to when no real endpoint is set
/// (kept alive as long as the clients).
#[derive(Debug, Default)]
pub struct Clients {
    /// AXP, when the file has an `[axp]` section.
    pub axp: Option<AxpClient>,
    /// Sinch RCI.
    pub sinch: Option<RciClient>,
    /// APIO.
    pub apio: Option<ApioClient>,
    /// CPaaS, and its account sid.
    pub cpaas: Option<(CpaasClient, String)>,
    /// The vendors running on a simulator started for this run.
    pub simulated: Vec<&'static str>,
    simulators: Vec<Simulator>,
}

fn loopback(url: &str) -> bool {
    let rest = url
        .strip_prefix("http://")
        .or_else(|| url.strip_prefix("https://"))
        .unwrap_or(url);
    ["127.0.0.1", "localhost", "[::1]"]
        .iter()
        .any(|h| rest.starts_with(h))
}

impl Clients {
    /// No client yet: add them with [`with_axp`](Self::with_axp) and the like, for a
    /// program that builds its own (a test on a simulator it started).
    ///
    /// ```
    /// # async fn run() -> sdk_core::Result<()> {
    /// let sim = axp_voice::sim::start().await?;
    /// let clients = provision::Clients::new().with_axp(axp_voice::sim::client(&sim)?);
    /// # let _ = clients; Ok(()) }
    /// ```
    pub fn new() -> Self {
        Clients::default()
    }

    /// Runs the `[axp]` section with `client`.
    pub fn with_axp(mut self, client: AxpClient) -> Self {
        self.axp = Some(client);
        self
    }

    /// Runs the `[sinch]` section with `client`.
    pub fn with_sinch(mut self, client: RciClient) -> Self {
        self.sinch = Some(client);
        self
    }

    /// Runs the `[apio]` section with `client`.
    pub fn with_apio(mut self, client: ApioClient) -> Self {
        self.apio = Some(client);
        self
    }

    /// Runs the `[cpaas]` section with `client`, in the account `account_sid`.
    pub fn with_cpaas(mut self, client: CpaasClient, account_sid: impl Into<String>) -> Self {
        self.cpaas = Some((client, account_sid.into()));
        self
    }

    /// Connects to the vendors in `vendors` (`"axp"`, `"sinch"`, `"apio"`, `"cpaas"`) as
    /// `settings` say, starting a simulator for each one with no base URL.
    ///
    /// # Errors
    ///
    /// A base URL set without its credentials (the message names the variable), or a
    /// simulator that cannot start.
    pub async fn connect(settings: &Settings, vendors: &[&str]) -> Result<Self, Error> {
        let mut c = Clients::default();
        for vendor in vendors {
            match *vendor {
                "axp" => {
                    let client = match settings.get("AXP_BASE_URL") {
                        Some(url) => axp_client(settings, &url)?,
                        None => {
                            let sim = axp_voice::sim::start().await?;
                            let client = axp_voice::sim::client(&sim)?;
                            c.simulated.push("axp");
                            c.simulators.push(sim);
                            client
                        }
                    };
                    c.axp = Some(client);
                }
                "sinch" => {
                    let client = match settings.get("RCI_BASE_URL") {
                        Some(url) => local(RciClient::builder(), &url)
                            .basic(
                                settings.require("RCI_USER", "RCI_BASE_URL")?,
                                settings.get("RCI_PASSWORD").unwrap_or_default(),
                            )
                            .build()?,
                        None => {
                            let sim = sinch_rci::sim::start().await?;
                            let client = sinch_rci::sim::client(&sim)?;
                            c.simulated.push("sinch");
                            c.simulators.push(sim);
                            client
                        }
                    };
                    c.sinch = Some(client);
                }
                "apio" => {
                    let client = match settings.get("APIO_BASE_URL") {
                        Some(url) => local(ApioClient::builder(), &url)
                            .bearer(settings.require("APIO_TOKEN", "APIO_BASE_URL")?)
                            .build()?,
                        None => {
                            let sim = apio_callcenter::sim::start().await?;
                            let client = apio_callcenter::sim::client(&sim)?;
                            c.simulated.push("apio");
                            c.simulators.push(sim);
                            client
                        }
                    };
                    c.apio = Some(client);
                }
                "cpaas" => {
                    let client = match settings.get("CPAAS_BASE_URL").or_else(|| {
                        settings
                            .get("CPAAS_ACCOUNT_SID")
                            .map(|_| cpaas::Region::Us.base_url().to_owned())
                    }) {
                        Some(url) => {
                            let sid = settings.require("CPAAS_ACCOUNT_SID", "CPAAS_BASE_URL")?;
                            let token =
                                settings.require("CPAAS_AUTH_TOKEN", "CPAAS_ACCOUNT_SID")?;
                            let fast = loopback(&url);
                            let builder = CpaasClient::builder().base_url(&url).allow_http(fast);
                            let builder = if fast {
                                builder.poll_policy(sdk_core::PollPolicy::simulator())
                            } else {
                                builder
                            };
                            let client = builder.basic(sid.clone(), token).build()?;
                            (client, sid)
                        }
                        None => {
                            let sim = cpaas::sim::start().await?;
                            let sid = "AC0123456789".to_owned();
                            let client = cpaas::sim::client(&sim, &sid)?;
                            c.simulated.push("cpaas");
                            c.simulators.push(sim);
                            (client, sid)
                        }
                    };
                    c.cpaas = Some(client);
                }
                other => {
                    return Err(Error::invalid_input(
                        "vendor",
                        format!("{other:?} is not one of axp, sinch, apio, cpaas"),
                    ));
                }
            }
        }
        Ok(c)
    }
}

/// The builder on `url`; plain HTTP and quick polls on a loopback one.
fn local<C: sdk_core::Service>(
    builder: sdk_core::ClientBuilder<C>,
    url: &str,
) -> sdk_core::ClientBuilder<C> {
    let builder = builder.base_url(url);
    if loopback(url) {
        builder
            .allow_http(true)
            .poll_policy(sdk_core::PollPolicy::simulator())
    } else {
        builder
    }
}

fn axp_client(settings: &Settings, base_url: &str) -> Result<AxpClient, Error> {
    let builder = local(AxpClient::builder(), base_url);
    let builder = match (
        settings.get("AXP_TOKEN"),
        settings.get("AXP_CLIENT_ID"),
        settings.get("AXP_CLIENT_SECRET"),
    ) {
        (Some(token), _, _) => builder.bearer(token),
        (None, Some(id), Some(secret)) => {
            let token_url = settings.get("AXP_TOKEN_URL").ok_or_else(|| {
                Error::invalid_input(
                    "AXP_TOKEN_URL",
                    "required with AXP_CLIENT_ID (the account's token endpoint)",
                )
            })?;
            builder.token_provider(ClientCredentials::builder(token_url, id, secret).build()?)
        }
        _ => {
            return Err(Error::invalid_input(
                "AXP_TOKEN",
                "set AXP_TOKEN, or AXP_CLIENT_ID and AXP_CLIENT_SECRET",
            ));
        }
    };
    builder.build()
}
