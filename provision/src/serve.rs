//! `ccadm simulator`: the four simulators served on 127.0.0.1 for other processes, with
//! their data kept in a file across restarts when asked.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use sdk_core::Error;
use sdk_core::sim::{Api, Simulator};
use serde_json::{Map, Value};

/// The ports to serve on (0: a free one).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ports {
    /// AXP.
    pub axp: u16,
    /// Sinch RCI.
    pub sinch: u16,
    /// APIO.
    pub apio: u16,
    /// CPaaS.
    pub cpaas: u16,
}

/// The four simulators, running.
#[derive(Debug)]
pub struct Served {
    /// `(vendor, simulator)`, in the order axp, sinch, apio, cpaas.
    pub simulators: Vec<(&'static str, Simulator)>,
    state: Option<PathBuf>,
}

fn apis() -> [(&'static str, Api); 4] {
    [
        ("axp", axp_voice::sim::api()),
        ("sinch", sinch_rci::sim::api()),
        ("apio", apio_callcenter::sim::api()),
        ("cpaas", cpaas::sim::api()),
    ]
}

impl Served {
    /// Starts the four simulators on `ports`; with `state`, loads the data the file holds
    /// (when it exists).
    ///
    /// # Errors
    ///
    /// A port that cannot be bound, or a state file that is not one this command wrote.
    pub async fn start(ports: Ports, state: Option<&Path>) -> Result<Self, Error> {
        let saved: Map<String, Value> = match state {
            Some(path) if path.exists() => {
                let text = std::fs::read_to_string(path).map_err(|e| {
                    Error::invalid_input("--state", format!("{}: {e}", path.display()))
                })?;
                serde_json::from_str(&text).map_err(|e| {
                    Error::invalid_input("--state", format!("{}: {e}", path.display()))
                })?
            }
            _ => Map::new(),
        };
        let mut simulators = Vec::new();
        for (vendor, api) in apis() {
            let port = match vendor {
                "axp" => ports.axp,
                "sinch" => ports.sinch,
                "apio" => ports.apio,
                _ => ports.cpaas,
            };
            let sim = Simulator::start_at(api, SocketAddr::from(([127, 0, 0, 1], port))).await?;
            if let Some(snapshot) = saved.get(vendor) {
                sim.with_store(|s| s.restore(snapshot))
                    .map_err(|m| Error::invalid_input("--state", m))?;
            }
            simulators.push((vendor, sim));
        }
        Ok(Served {
            simulators,
            state: state.map(Path::to_path_buf),
        })
    }

    /// The settings a client needs to reach them, as `NAME=value` lines (a shell can
    /// `export` them; a profile table takes them as they are).
    pub fn settings(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for (vendor, sim) in &self.simulators {
            let url = sim.base_url();
            match *vendor {
                "axp" => {
                    out.push(("AXP_BASE_URL".into(), url));
                    out.push(("AXP_TOKEN".into(), "simulator".into()));
                }
                "sinch" => {
                    // The RCI is served below its deployments' base path (`/RI/rci`),
                    // which is part of the base URL a client takes.
                    out.push(("RCI_BASE_URL".into(), sim.api_url()));
                    out.push(("RCI_USER".into(), "simulator".into()));
                }
                "apio" => {
                    out.push(("APIO_BASE_URL".into(), url.clone()));
                    out.push(("APIO_TOKEN".into(), "simulator".into()));
                }
                _ => {
                    out.push(("CPAAS_BASE_URL".into(), url.clone()));
                    out.push(("CPAAS_ACCOUNT_SID".into(), "AC0123456789".into()));
                    out.push(("CPAAS_AUTH_TOKEN".into(), "simulator".into()));
                }
            }
        }
        out
    }

    /// Writes every simulator's data to the state file, atomically (a temporary file
    /// beside it, then a rename): a reader never sees half a file.
    ///
    /// # Errors
    ///
    /// The file cannot be written.
    pub fn save(&self) -> Result<(), Error> {
        let Some(path) = &self.state else {
            return Ok(());
        };
        let mut all = Map::new();
        for (vendor, sim) in &self.simulators {
            all.insert((*vendor).to_owned(), sim.with_store(|s| s.snapshot()));
        }
        let text = serde_json::to_string_pretty(&Value::Object(all))
            .map_err(|e| Error::invalid_input("--state", e.to_string()))?;
        let tmp = path.with_extension("tmp");
        let io =
            |e: std::io::Error| Error::invalid_input("--state", format!("{}: {e}", path.display()));
        std::fs::write(&tmp, text).map_err(io)?;
        std::fs::rename(&tmp, path).map_err(io)
    }
}
