//! Custom IVRs (`/customIvrs`), read-only apart from their attributes: the IVRs, the
//! versions of their VXML source code, and the version in use.

use serde::{Deserialize, Serialize};

use sdk_core::model::UnknownFields;
use sdk_core::{Method, Result};

use crate::attributes::CustomIvrAttributes;
use crate::common::{list_all, search_query, wrapped_list};

const IVRS: &str = "/customIvrs";
const IVR: &str = "/customIvrs/{customIvrId}";
const SOURCE_CODES: &str = "/customIvrs/{customIvrId}/sourceCodes";
const SOURCE_CODE: &str = "/customIvrs/{customIvrId}/sourceCodes/{sourceCodeId}";
const CURRENT: &str = "/customIvrs/{customIvrId}/currentSourceCodeVersion";

sdk_core::id_type! {
    /// The id of a custom IVR: 32 hexadecimal characters in either case (see [ids](crate#ids)).
    pub struct CustomIvrId;
}

sdk_core::id_type! {
    /// The id of a version of an IVR's source code: 32 hexadecimal characters in either case (see [ids](crate#ids)).
    pub struct SourceCodeId;
}

wrapped_list! {
    /// `"addresses": {"address": [..]}`.
    pub(crate) mod addresses = "address"
}

/// A custom IVR (every field but the id may be absent from a list).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CustomIvr {
    /// The id.
    pub id: CustomIvrId,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Free text (in the examples, not in the schema).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The addresses (numbers) the IVR answers (JAXB-wrapped on the wire).
    #[serde(default, skip_serializing_if = "Vec::is_empty", with = "addresses")]
    pub addresses: Vec<String>,
    /// The version of the source code in use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_source_code_version_id: Option<SourceCodeId>,
    /// Whether the IVR is active.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// Fields the SDK does not name, kept as the server sent them (written back when this
    /// value is serialised).
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

sdk_core::listed!(CustomIvr);

search_query! {
    /// The search and sort of [`CustomIvrs::list`]. Default order: name. `address` matches
    /// one of the IVR's addresses, `attribute_name`/`attribute_value` its attributes
    /// (presumably); how to filter on the boolean `active` is undocumented (`true`/`false`
    /// is the plausible form).
    sortable CustomIvrQuery {
        name => "name",
        description => "description",
        address => "address",
        active => "active",
        attribute_name => "attributeName",
        attribute_value => "attributeValue",
    }
}

sdk_core::scope_type! {
    /// Custom IVRs: `/customIvrs`.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// let ivr = client.custom_ivrs().get("A5AF21AB416849BBA6FDBE92E5C15B69").await?;
    /// println!("{:?} {:?}", ivr.name, ivr.current_source_code_version_id);
    /// # Ok(()) }
    /// ```
    CustomIvrs
}

impl CustomIvrs<'_> {
    /// Lists custom IVRs, `limit` (100 by default) per request.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// use sinch_rci::custom_ivrs::CustomIvrQuery;
    ///
    /// let active = client.custom_ivrs().list(&CustomIvrQuery::new().active("true"));
    /// for ivr in active.collect_all().await? {
    ///     println!("{} {:?} {:?}", ivr.id, ivr.name, ivr.addresses);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self, query: &CustomIvrQuery) -> sdk_core::Paginator<CustomIvr> {
        let spec = self.0.spec(Method::GET, "rci.custom_ivrs.list", IVRS, &[]);
        self.0.paginator(query.apply(spec))
    }

    /// Reads a custom IVR.
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) for an unknown id.
    pub async fn get(&self, custom_ivr_id: impl AsRef<str>) -> Result<CustomIvr> {
        let spec = self.0.spec(
            Method::GET,
            "rci.custom_ivrs.get",
            IVR,
            &[custom_ivr_id.as_ref()],
        );
        self.0.execute(spec).await
    }
}

sdk_core::scope_type! {
    /// One custom IVR: `/customIvrs/{customIvrId}`, for its source code and attributes.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// let ivr = client.custom_ivr("A5AF21AB416849BBA6FDBE92E5C15B69");
    /// let current = ivr.current_source_code_version().get().await?;
    /// println!("version {:?}", current.version_number);
    /// # Ok(()) }
    /// ```
    CustomIvrScope
}

impl<'a> CustomIvrScope<'a> {
    /// The versions of the IVR's source code: `/sourceCodes`.
    pub fn source_codes(&self) -> SourceCodes<'a> {
        SourceCodes(self.0.clone())
    }

    /// The IVR's attributes: `/attributes` (the one thing of an IVR that can be written).
    pub fn attributes(&self) -> CustomIvrAttributes<'a> {
        CustomIvrAttributes(self.0.clone())
    }

    /// The version of the source code in use: `/currentSourceCodeVersion`.
    pub fn current_source_code_version(&self) -> CurrentSourceCodeVersion<'a> {
        CurrentSourceCodeVersion(self.0.clone())
    }
}

sdk_core::scope_type! {
    /// The version of an IVR's source code in use:
    /// `/customIvrs/{customIvrId}/currentSourceCodeVersion`.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// let current = client
    ///     .custom_ivr("A5AF21AB416849BBA6FDBE92E5C15B69")
    ///     .current_source_code_version()
    ///     .get()
    ///     .await?;
    /// println!("{:?}", current.source_code);
    /// # Ok(()) }
    /// ```
    CurrentSourceCodeVersion
}

impl CurrentSourceCodeVersion<'_> {
    /// Reads the version in use, with its text.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// let current = client
    ///     .custom_ivr("8A3C1D2E4F5061728394A5B6C7D8E9F0")
    ///     .current_source_code_version()
    ///     .get()
    ///     .await?;
    /// println!("version {:?}", current.version_number);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) for an unknown IVR (and,
    /// plausibly, for one with no version in use).
    pub async fn get(&self) -> Result<SourceCode> {
        let spec = self.0.spec(
            Method::GET,
            "rci.custom_ivrs.current_source_code_version.get",
            CURRENT,
            &[],
        );
        self.0.execute(spec).await
    }
}

/// A version of an IVR's source code. Lists show the metadata; `get` adds the VXML text.
/// Dates are ISO-8601 UTC, with or without milliseconds (`2020-01-21T13:10:47.493Z`), kept
/// as the server wrote them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SourceCode {
    /// The id.
    pub id: SourceCodeId,
    /// The version number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version_number: Option<u64>,
    /// When the version was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creation_date: Option<String>,
    /// When it was last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modification_date: Option<String>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The VXML document (on `get`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_code: Option<String>,
    /// Fields the SDK does not name, kept as the server sent them (written back when this
    /// value is serialised).
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

sdk_core::scope_type! {
    /// The versions of an IVR's source code: `/customIvrs/{customIvrId}/sourceCodes`.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// let versions = client.custom_ivr("A5AF21AB416849BBA6FDBE92E5C15B69").source_codes();
    /// for version in versions.list().await? {
    ///     println!("{} {:?} {:?}", version.id, version.version_number, version.modification_date);
    /// }
    /// # Ok(()) }
    /// ```
    SourceCodes
}

impl SourceCodes<'_> {
    /// The versions (the whole list: not paged), without their text.
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn list(&self) -> Result<Vec<SourceCode>> {
        let spec = self.0.spec(
            Method::GET,
            "rci.custom_ivrs.source_codes.list",
            SOURCE_CODES,
            &[],
        );
        list_all(&self.0, spec).await
    }

    /// Reads a version, with its text.
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) for an unknown id.
    pub async fn get(&self, source_code_id: impl AsRef<str>) -> Result<SourceCode> {
        let spec = self.0.spec(
            Method::GET,
            "rci.custom_ivrs.source_codes.get",
            SOURCE_CODE,
            &[source_code_id.as_ref()],
        );
        self.0.execute(spec).await
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use crate::sim::{entity, searchable};
    use sdk_core::sim::{ListStyle, Reply};
    use serde_json::Value;
    let api = api
        .resource(entity("custom_ivrs", IVRS).read_only())
        .resource(entity("source_codes", SOURCE_CODES).read_only());
    let api = searchable(api, "custom_ivrs", IVRS, ListStyle::OffsetLimit, &[]);
    // Lists show the versions without their text.
    let api = searchable(
        api,
        "source_codes",
        SOURCE_CODES,
        ListStyle::BareArray,
        &["sourceCode"],
    );
    api.action(Method::GET, CURRENT, |store, req| {
        let ivr = req.param("customIvrId").unwrap_or_default();
        let current = store
            .get("custom_ivrs", &[], ivr)
            .and_then(|i| i.get("currentSourceCodeVersionId"))
            .and_then(Value::as_str)
            .and_then(|v| store.get("source_codes", &[ivr], v));
        match current {
            Some(v) => Reply::json(200, v),
            None => Reply::error(
                404,
                "NOT_FOUND",
                format!("custom IVR `{ivr}` has no current version"),
            ),
        }
    })
}
