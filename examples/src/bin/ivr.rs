//! A phone menu served as InboundXML: press 1 for sales, 2 for support; anything else
//! repeats the menu, twice at the most, then hangs up.
//!
//! On the CPaaS simulator by default: it serves the menu on loopback, points a simulated
//! number's `VoiceUrl` at it, simulates an incoming call whose caller presses the keys
//! given as arguments (default `1`), and prints what the call did and how it ended.
//!
//! ```sh
//! cargo run -p examples --bin ivr            # the caller presses 1: sales
//! cargo run -p examples --bin ivr -- 9 9 9   # three wrong keys: goodbye
//! ```
//!
//! Against a real account it serves the menu and points one of your numbers at it, until
//! stopped (Ctrl-C), when these are set:
//!
//! - `CPAAS_ACCOUNT_SID` and `CPAAS_AUTH_TOKEN`: the account's credentials (the token is
//!   never printed)
//! - `CPAAS_BASE_URL`: the API's base URL (default: the US region)
//! - `IVR_NUMBER_SID`: the incoming number whose `VoiceUrl` becomes the menu
//! - `IVR_PUBLIC_URL`: where the platform reaches this server (`https://ivr.example.com`,
//!   a tunnel to it, ...)
//! - `IVR_LISTEN`: the address to listen on (default `127.0.0.1:8080`)
//! - `IVR_SALES`, `IVR_SUPPORT`: the numbers dialed (default the example's)

use cpaas::numbers::NumberSettings;
use cpaas::{CpaasClient, Region};
use examples::env;
use examples::ivr::{Ivr, SALES, SUPPORT, on_simulator, serve, transcript_line};
use sdk_core::Error;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    examples::exit_code(try_main().await)
}

async fn try_main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    match env("CPAAS_ACCOUNT_SID") {
        Some(sid) => on_the_platform(sid).await,
        None => on_the_simulator().await,
    }
}

async fn on_the_simulator() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let keys: Vec<&str> = if args.is_empty() {
        vec!["1"]
    } else {
        args.iter().map(String::as_str).collect()
    };
    let simulated = on_simulator().await?;
    println!(
        "the menu is served at {}; {} calls it",
        simulated.ivr.voice_url(),
        examples::ivr::NUMBER
    );
    let (call, transcript) = simulated.call("+15559998888", &keys).await?;
    for entry in &transcript {
        println!("  {}", transcript_line(entry));
    }
    let ended = simulated.ivr.ended_calls();
    let told = ended.last().ok_or("no status callback was received")?;
    println!(
        "call {} ended {} after {} s (status callback: {}, {} s)",
        call.sid,
        call.status.as_ref().map_or("?", |s| s.as_str()),
        call.duration.as_ref().and_then(|d| d.get()).unwrap_or(0),
        told.call_status.as_ref().map_or("?", |s| s.as_str()),
        told.call_duration.unwrap_or(0),
    );
    Ok(())
}

async fn on_the_platform(sid: String) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let required = |name: &'static str| {
        env(name).ok_or_else(|| Error::invalid_input(name, "required with CPAAS_ACCOUNT_SID"))
    };
    let token = required("CPAAS_AUTH_TOKEN")?;
    let number = required("IVR_NUMBER_SID")?;
    let public = required("IVR_PUBLIC_URL")?;
    let base = env("CPAAS_BASE_URL").unwrap_or_else(|| Region::Us.base_url().to_owned());
    let client = CpaasClient::builder()
        .base_url(base)
        .basic(sid, token)
        .build()?;
    let listen = env("IVR_LISTEN").unwrap_or_else(|| "127.0.0.1:8080".to_owned());
    let listener = tokio::net::TcpListener::bind(&listen).await?;
    let ivr = Ivr::new(
        public,
        env("IVR_SALES").unwrap_or_else(|| SALES.to_owned()),
        env("IVR_SUPPORT").unwrap_or_else(|| SUPPORT.to_owned()),
    );
    let settings = NumberSettings::new()
        .voice_url(ivr.voice_url())
        .status_callback(ivr.status_url());
    let updated = client
        .account()
        .incoming_numbers()
        .update(&number, &settings)
        .await?;
    println!(
        "{} now answers with {}; listening on {listen} (Ctrl-C stops)",
        updated.phone_number.as_deref().unwrap_or(&number),
        ivr.voice_url()
    );
    serve(listener, ivr).await??;
    Ok(())
}
