//! Typed async client for the Avaya Experience Platform (AXP) Voice Admin API.
#![warn(missing_docs)]

mod client;
pub mod common;

pub mod agent_locations;
pub mod communication_managers;
pub mod device_services;
pub mod elements;
pub mod hcg_systems;
pub mod hybrid_cloud_gateways;
pub mod hybrid_extensions;
pub mod location_profiles;
pub mod phone_numbers;
pub mod reason_codes;
pub mod route_points;
pub mod routing_rules;
pub mod sip_trunks;
pub mod skills;
pub mod sync;
pub mod system_managers;
pub mod voice_plans;
pub mod webhook;

#[cfg(feature = "simulator")]
pub mod sim;

pub use client::{Account, AxpClient, CommunicationManager, region_url, token_url};
pub use sdk_core::{Accepted, Error, ErrorKind, Paginator, PollPolicy, RequestOptions, Result};
