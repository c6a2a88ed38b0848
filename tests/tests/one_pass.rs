//! Every AXP list reads its documented page in one pass: the items under the type's key and
//! the paging values beside them, without the general (buffered) rule. The pages are the
//! document's own examples, from the catalog.

use conformance::Catalog;
use sdk_core::paging::Listed;

/// `T` takes `op`'s documented page (its 200 example) in one pass, every item of it.
fn one_pass<T: Listed>(catalog: &Catalog, op: &str) {
    let o = catalog
        .operations
        .iter()
        .find(|o| o["id"] == op)
        .unwrap_or_else(|| panic!("{op} is in the catalog"));
    let key = o["pagination"]["items_key"]
        .as_str()
        .unwrap_or_else(|| panic!("{op} is a paged list"));
    let page = o["responses"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|r| r["status"] == 200)
        .map(|r| &r["example"])
        .unwrap_or_else(|| panic!("{op} documents a 200 page"));
    assert_eq!(T::ITEMS_KEY, key, "{op}: the type's key is the catalog's");
    let documented = page[key].as_array().map_or(0, Vec::len);
    assert!(documented > 0, "{op}: the example holds items");
    let text = serde_json::to_string(page).expect("json");
    let (items, _rest) =
        T::read_page(&text).unwrap_or_else(|| panic!("{op}: not read in one pass"));
    assert_eq!(items.map(|i| i.len()), Some(documented), "{op}");
}

#[test]
fn every_paged_axp_list_reads_its_documented_page_in_one_pass() {
    use axp_voice::*;
    let c = Catalog::load("axp-voice.json");
    one_pass::<phone_numbers::AvailablePhoneNumber>(&c, "axp.available_phone_numbers.list");
    one_pass::<communication_managers::CommunicationManagerElement>(
        &c,
        "axp.communication_managers.list",
    );
    one_pass::<reason_codes::ReasonCode>(&c, "axp.reason_codes.list");
    one_pass::<voice_plans::VoicePlan>(&c, "axp.voice_plans.list");
    one_pass::<route_points::RoutePoint>(&c, "axp.route_points.list");
    one_pass::<hybrid_extensions::HybridExtension>(&c, "axp.hybrid_extensions.list");
    one_pass::<sync::SyncJob>(&c, "axp.sync_jobs.list");
    one_pass::<sync::SyncEntityDetail>(&c, "axp.sync_jobs.list_entity_details");
    one_pass::<location_profiles::LocationProfile>(&c, "axp.location_profiles.list");
    one_pass::<sip_trunks::SipTrunk>(&c, "axp.sip_trunks.list");
    one_pass::<routing_rules::RoutingRule>(&c, "axp.outbound_routing_rules.list");
    one_pass::<agent_locations::AgentLocation>(&c, "axp.agent_locations.list");
    one_pass::<skills::HybridSkill>(&c, "axp.hybrid_skills.list");
    // Every paged list of the catalog is above.
    let paged = c
        .operations
        .iter()
        .filter(|o| o["pagination"]["items_key"].is_string())
        .count();
    assert_eq!(paged, 13);
}
