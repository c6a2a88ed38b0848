//! Stand up hybrid voice on an AXP account: an Avaya Cloud Office element, a Microsoft
//! Teams element and the account's phone numbers, each created and then awaited until the
//! platform has configured it.
//!
//! Runs against the AXP simulator unless these are set:
//!
//! - `AXP_BASE_URL`: the region host, e.g. `https://na.cc.avayacloud.com`
//! - `AXP_ACCOUNT_ID`: the account, e.g. `ABCDEF`
//! - `AXP_TOKEN`: a bearer token, or `AXP_CLIENT_ID` and `AXP_CLIENT_SECRET` for the OAuth2
//!   client-credentials grant on the platform's token endpoint (`AXP_TOKEN_URL` overrides it)
//!
//! ```sh
//! cargo run -p examples --bin provision_voice
//! ```

use axp_voice::AxpClient;
use axp_voice::elements::ElementRequest;
use axp_voice::phone_numbers::{AvailableNumberQuery, NewPhoneNumber};
use examples::{env, poll_policy};
use futures_util::TryStreamExt;
use sdk_core::ClientCredentials;

#[tokio::main]
async fn main() -> Result<(), sdk_core::Error> {
    let (client, account_id, _simulator) = connect().await?;
    let simulated = _simulator.is_some();
    let account = client.account(&account_id);
    let policy = poll_policy(simulated);

    println!(
        "provisioning account {account_id} ({})",
        if simulated { "simulator" } else { "live" }
    );

    let aco = account
        .aco_elements()
        .create(&ElementRequest::aco(
            "Avaya Cloud Office",
            "Production",
            ["+16062128688", "+12702289911"],
        ))
        .await?;
    println!(
        "ACO element {} accepted, waiting...",
        aco.id().unwrap_or("?")
    );
    let aco = aco.policy(policy.clone()).wait().await?;
    println!(
        "ACO element {} is {}",
        aco.element_id,
        status(aco.status.as_ref())
    );

    let teams = account
        .msteams_elements()
        .create(&ElementRequest::msteams(
            "MS Teams Server",
            "exchange.com",
            ["+16062128690"],
        ))
        .await?
        .policy(policy.clone())
        .wait()
        .await?;
    println!(
        "Teams element {} is {}",
        teams.element_id,
        status(teams.status.as_ref())
    );

    // Phone numbers: on the simulator, add the numbers listed here; against a real
    // account, take the first available toll-free numbers of the US.
    let wanted: Vec<String> = if simulated {
        vec![
            "+16479308804".into(),
            "+16479308805".into(),
            "+16479308806".into(),
        ]
    } else {
        account
            .available_phone_numbers()
            .list(&AvailableNumberQuery::country("US"))
            .max_items(3)
            .items()
            .map_ok(|n| n.phone_number)
            .try_collect()
            .await?
    };
    for (i, number) in wanted.iter().enumerate() {
        let added = account
            .phone_numbers()
            .create(&NewPhoneNumber::new(
                number,
                format!("Support line {}", i + 1),
                "US",
            ))
            .await?
            .policy(policy.clone())
            .wait()
            .await?;
        let note = if added.needs_action() {
            " (needs documents)"
        } else {
            ""
        };
        println!("number {number} is {}{note}", status(added.status.as_ref()));
    }
    println!("done");
    Ok(())
}

/// A status for display (`-` when the server sent none).
fn status(s: Option<&impl std::fmt::Display>) -> String {
    s.map_or_else(|| "-".to_owned(), ToString::to_string)
}

/// A client of the real service when the environment says so, else of a fresh simulator
/// (returned so that it lives as long as the client).
async fn connect() -> Result<(AxpClient, String, Option<sdk_core::sim::Simulator>), sdk_core::Error>
{
    let Some(base_url) = env("AXP_BASE_URL") else {
        let sim = axp_voice::sim::start().await?;
        let client = axp_voice::sim::client(&sim)?;
        return Ok((client, "ABCDEF".to_owned(), Some(sim)));
    };
    let account_id = env("AXP_ACCOUNT_ID").ok_or_else(|| {
        sdk_core::Error::invalid_input("AXP_ACCOUNT_ID", "required with AXP_BASE_URL")
    })?;
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
            return Err(sdk_core::Error::invalid_input(
                "AXP_TOKEN",
                "set AXP_TOKEN, or AXP_CLIENT_ID and AXP_CLIENT_SECRET",
            ));
        }
    };
    Ok((builder.build()?, account_id, None))
}
