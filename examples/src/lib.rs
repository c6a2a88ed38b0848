//! Runnable programs, one per user story (`src/bin/`), with their logic here so that tests
//! run it against the simulators. Each program runs against its crate's simulator unless
//! the environment names a real endpoint and its credentials; nothing secret is printed.

use std::time::Duration;

use axp_voice::AxpClient;
use sdk_core::sim::Simulator;
use sdk_core::{ClientCredentials, Error, PollPolicy};

pub mod call_center;
pub mod calls_report;
pub mod directory;
mod exit;
pub mod hybrid_voice;
pub mod ivr;
pub mod traces;

pub use exit::{describe, exit_code};

/// Reads an environment variable, treating an empty value as unset.
pub fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// The poll policy of the examples: quick on the simulator, patient against a real
/// service.
pub fn poll_policy(simulated: bool) -> PollPolicy {
    if simulated {
        PollPolicy::default()
            .initial_delay(Duration::from_millis(20))
            .max_interval(Duration::from_millis(100))
            .deadline(Duration::from_secs(30))
    } else {
        PollPolicy::default().deadline(Duration::from_secs(15 * 60))
    }
}

/// An AXP client and account id.
#[derive(Debug)]
pub struct Axp {
    /// The client.
    pub client: AxpClient,
    /// The account to work in.
    pub account_id: String,
    /// The simulator the client talks to, when no real endpoint was configured; kept alive
    /// as long as the client.
    pub simulator: Option<Simulator>,
}

/// Connects to AXP as the environment says, or starts the simulator:
///
/// - `AXP_BASE_URL`: the region host, e.g. `https://na.cc.avayacloud.com` (unset: simulator)
/// - `AXP_ACCOUNT_ID`: the account
/// - `AXP_TOKEN`, or `AXP_CLIENT_ID` and `AXP_CLIENT_SECRET` for the OAuth2
///   client-credentials grant on the platform's token endpoint (`AXP_TOKEN_URL` overrides it)
///
/// # Errors
///
/// A missing variable, or a simulator that cannot start.
pub async fn axp_from_env() -> Result<Axp, Error> {
    let Some(base_url) = env("AXP_BASE_URL") else {
        let sim = axp_voice::sim::start().await?;
        let client = axp_voice::sim::client(&sim)?;
        return Ok(Axp {
            client,
            account_id: "ABCDEF".to_owned(),
            simulator: Some(sim),
        });
    };
    let account_id = env("AXP_ACCOUNT_ID")
        .ok_or_else(|| Error::invalid_input("AXP_ACCOUNT_ID", "required with AXP_BASE_URL"))?;
    let builder = AxpClient::builder().base_url(&base_url);
    let builder = match (
        env("AXP_TOKEN"),
        env("AXP_CLIENT_ID"),
        env("AXP_CLIENT_SECRET"),
    ) {
        (Some(token), _, _) => builder.bearer(token),
        (None, Some(id), Some(secret)) => {
            let token_url = env("AXP_TOKEN_URL").unwrap_or_else(|| {
                format!(
                    "{}/auth/realms/{account_id}/protocol/openid-connect/token",
                    base_url.trim_end_matches('/')
                )
            });
            builder.token_provider(ClientCredentials::builder(token_url, id, secret).build()?)
        }
        _ => {
            return Err(Error::invalid_input(
                "AXP_TOKEN",
                "set AXP_TOKEN, or AXP_CLIENT_ID and AXP_CLIENT_SECRET",
            ));
        }
    };
    Ok(Axp {
        client: builder.build()?,
        account_id,
        simulator: None,
    })
}

/// The application-code pattern of `wait_for_element`: create an ACO element, then wait for
/// it under `policy`, calling `report` with each status change.
///
/// # Errors
///
/// The create's error, `OperationFailed` or `PollTimeout`.
pub async fn wait_for_element(
    client: &AxpClient,
    account_id: &str,
    request: &axp_voice::elements::ElementRequest,
    policy: PollPolicy,
    mut report: impl FnMut(String),
) -> Result<axp_voice::elements::Element, Error> {
    use futures_util::TryStreamExt;

    let handle = client
        .account(account_id)
        .aco_elements()
        .create(request)
        .await?
        .policy(policy);
    report(format!("accepted element {}", handle.id().unwrap_or("?")));
    let (_, mut poller) = handle.into_parts();
    let mut last = String::new();
    let mut statuses = poller.statuses();
    while let Some(status) = statuses.try_next().await? {
        if status != last {
            report(format!("status: {status}"));
            last = status;
        }
    }
    drop(statuses);
    poller.wait().await
}

/// The README's Rust examples, compiled as doc-tests so they stay true.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

/// TESTING.md's examples, compiled and run as doc-tests so they stay true.
#[doc = include_str!("../../TESTING.md")]
#[cfg(doctest)]
pub struct TestingGuide;
