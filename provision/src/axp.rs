//! The `[axp]` section: Avaya Experience Platform Voice Admin.
//!
//! ```toml
//! [axp]
//! account = "ABCDEF"
//!
//! [[axp.hybrid_cloud_gateways]]
//! name = "Gateway 1"
//! # ... the create request's fields, as the API names them
//!
//! [[axp.communication_managers]]
//! name = "CM1"
//! description = "Production"
//! hybridCloudGatewayId = "Gateway 1"   # an id, or the name of a gateway of this file
//!
//! [[axp.communication_managers.reason_codes]]
//! codeName = "Lunch"
//! codeNumber = "11"
//! codeType = "NOT_READY"
//!
//! [[axp.communication_managers.voice_plans]]
//! name = "System range"
//!
//! [[axp.phone_numbers]]
//! phoneNumber = "+16479308804"
//! ```
//!
//! Applied in this order: gateways, then Communication Managers (a gateway named by its
//! file name is replaced by its id), then each CM's reason codes and voice plans, then phone
//! numbers.

use axp_voice::AxpClient;
use axp_voice::communication_managers::CommunicationManagerRequest;
use axp_voice::hybrid_cloud_gateways::HybridCloudGatewayRequest;
use axp_voice::phone_numbers::NewPhoneNumber;
use axp_voice::reason_codes::NewReasonCode;
use axp_voice::voice_plans::VoicePlanRequest;
use sdk_core::model::UnknownFields;
use serde::Deserialize;
use toml::Spanned;

use crate::engine::Run;
use crate::file::{Entry, FileError, Item, Source, unique};

/// The `[axp]` section as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Raw {
    account: String,
    #[serde(default)]
    hybrid_cloud_gateways: Vec<Spanned<HybridCloudGatewayRequest>>,
    #[serde(default)]
    communication_managers: Vec<Spanned<RawCm>>,
    #[serde(default)]
    phone_numbers: Vec<Spanned<NewPhoneNumber>>,
}

#[derive(Debug, Deserialize)]
struct RawCm {
    #[serde(default)]
    reason_codes: Vec<NewReasonCode>,
    #[serde(default)]
    voice_plans: Vec<VoicePlanRequest>,
    #[serde(flatten)]
    cm: CommunicationManagerRequest,
}

/// The `[axp]` section, checked.
#[derive(Debug, Clone)]
pub struct Axp {
    /// The account everything is in.
    pub account: String,
    /// Hybrid Cloud Gateways, by name.
    pub hybrid_cloud_gateways: Vec<Item<HybridCloudGatewayRequest>>,
    /// Communication Managers, by name, with what they hold.
    pub communication_managers: Vec<Cm>,
    /// Phone numbers, by number.
    pub phone_numbers: Vec<Item<NewPhoneNumber>>,
}

/// A Communication Manager and the resources under it.
#[derive(Debug, Clone)]
pub struct Cm {
    /// The CM.
    pub cm: Item<CommunicationManagerRequest>,
    /// Its reason codes, by name.
    pub reason_codes: Vec<Item<NewReasonCode>>,
    /// Its voice plans, by name.
    pub voice_plans: Vec<Item<VoicePlanRequest>>,
}

impl Entry for HybridCloudGatewayRequest {
    fn unknown(&self) -> Option<&UnknownFields> {
        Some(&self.unknown_fields)
    }
}
impl Entry for CommunicationManagerRequest {
    fn unknown(&self) -> Option<&UnknownFields> {
        Some(&self.unknown_fields)
    }
}
impl Entry for NewPhoneNumber {}
impl Entry for NewReasonCode {}
impl Entry for VoicePlanRequest {
    fn unknown(&self) -> Option<&UnknownFields> {
        Some(&self.unknown_fields)
    }
}

pub(crate) fn check(source: &Source<'_>, raw: Raw) -> Result<Axp, FileError> {
    let gateways = raw
        .hybrid_cloud_gateways
        .into_iter()
        .enumerate()
        .map(|(i, g)| source.item(g, &["axp", "hybrid_cloud_gateways", &i.to_string()], &[]))
        .collect::<Result<Vec<_>, _>>()?;
    unique(source, &gateways)?;
    let mut cms = Vec::new();
    for (i, raw_cm) in raw.communication_managers.into_iter().enumerate() {
        let span = raw_cm.span();
        let index = i.to_string();
        let path = ["axp", "communication_managers", index.as_str()];
        let RawCm {
            reason_codes,
            voice_plans,
            cm,
        } = raw_cm.into_inner();
        let cm = source.item(
            Spanned::new(span.clone(), cm),
            &path,
            &["reason_codes", "voice_plans"],
        )?;
        let nested = |kind: &'static str, j: usize| {
            let j = j.to_string();
            [path[0], path[1], path[2], kind, &j].map(str::to_owned)
        };
        let reason_codes = reason_codes
            .into_iter()
            .enumerate()
            .map(|(j, c)| {
                let p = nested("reason_codes", j);
                source.nested_item(c, span.clone(), &p.each_ref().map(String::as_str))
            })
            .collect::<Result<Vec<_>, _>>()?;
        unique(source, &reason_codes)?;
        let voice_plans = voice_plans
            .into_iter()
            .enumerate()
            .map(|(j, v)| {
                let p = nested("voice_plans", j);
                source.nested_item(v, span.clone(), &p.each_ref().map(String::as_str))
            })
            .collect::<Result<Vec<_>, _>>()?;
        unique(source, &voice_plans)?;
        cms.push(Cm {
            cm,
            reason_codes,
            voice_plans,
        });
    }
    let cm_items: Vec<_> = cms.iter().map(|c| c.cm.clone()).collect();
    unique(source, &cm_items)?;
    let numbers = raw
        .phone_numbers
        .into_iter()
        .enumerate()
        .map(|(i, n)| source.item(n, &["axp", "phone_numbers", &i.to_string()], &[]))
        .collect::<Result<Vec<_>, _>>()?;
    unique(source, &numbers)?;
    Ok(Axp {
        account: raw.account,
        hybrid_cloud_gateways: gateways,
        communication_managers: cms,
        phone_numbers: numbers,
    })
}

impl Axp {
    /// How many resources the section describes.
    pub fn len(&self) -> usize {
        self.hybrid_cloud_gateways.len()
            + self.phone_numbers.len()
            + self
                .communication_managers
                .iter()
                .map(|c| 1 + c.reason_codes.len() + c.voice_plans.len())
                .sum::<usize>()
    }

    /// `true` when the section describes nothing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn values<T: Clone>(items: &[Item<T>]) -> Vec<T> {
    items.iter().map(|i| i.value.clone()).collect()
}

pub(crate) async fn run(run: &Run<'_>, client: &AxpClient, axp: &Axp) {
    let transport = client.transport();
    let account = client.account(&axp.account);

    let gateways = values(&axp.hybrid_cloud_gateways);
    let live_gateways = run
        .kind(
            "axp",
            None,
            transport,
            &account.hybrid_cloud_gateways(),
            &gateways,
            true,
        )
        .await;
    // A CM may name its gateway by the gateway's name in this file.
    let gateway_id = |named: &str| -> Option<String> {
        gateways
            .iter()
            .zip(&live_gateways)
            .find(|(g, _)| g.name == named)
            .and_then(|(_, live)| live.as_ref().map(|l| l.id.as_str().to_owned()))
    };
    let cms: Vec<CommunicationManagerRequest> = axp
        .communication_managers
        .iter()
        .map(|c| {
            let mut cm = c.cm.value.clone();
            if let Some(id) = gateway_id(cm.hybrid_cloud_gateway_id.as_str()) {
                cm.hybrid_cloud_gateway_id = id.into();
            }
            cm
        })
        .collect();
    let live_cms = run
        .kind(
            "axp",
            None,
            transport,
            &account.communication_managers(),
            &cms,
            true,
        )
        .await;
    for (cm, live) in axp.communication_managers.iter().zip(&live_cms) {
        let name = cm.cm.value.name.as_str();
        let id = live.as_ref().map(|l| l.id.as_str().to_owned());
        let exists = id.is_some();
        let scope = account.communication_manager(id.unwrap_or_default());
        let codes = values(&cm.reason_codes);
        run.kind(
            "axp",
            Some(name),
            transport,
            &scope.reason_codes(),
            &codes,
            exists,
        )
        .await;
        let plans = values(&cm.voice_plans);
        run.kind(
            "axp",
            Some(name),
            transport,
            &scope.voice_plans(),
            &plans,
            exists,
        )
        .await;
    }
    let numbers = values(&axp.phone_numbers);
    run.kind(
        "axp",
        None,
        transport,
        &account.phone_numbers(),
        &numbers,
        true,
    )
    .await;
}
