//! The entry type, [`ApioClient`], and the scopes that mirror the URL.

use sdk_core::{ClientBuilder, Conventions, PagingStyle, Scope, Service, Transport};

use crate::call_centers::CallCenters;

/// APIO answers every list whole, so no list of this crate pages; the style is never
/// used.
const CONVENTIONS: Conventions = Conventions::new(PagingStyle::OffsetLimit, 0);

/// A client of the APIO call-center API.
///
/// Build one with [`ApioClient::builder`]; it is cheap to clone and to share between
/// tasks. Calls are made through scopes that mirror the URL:
/// `client.tenant(t).group(g).call_centers()`.
#[derive(Debug, Clone)]
pub struct ApioClient {
    transport: Transport,
}

impl Service for ApioClient {
    const NAME: &'static str = "apio-callcenter";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const BASE_PATH: &'static str = "/api/v1";

    fn from_transport(transport: Transport) -> Self {
        ApioClient { transport }
    }
}

impl ApioClient {
    /// Starts a client. Give the server's base URL (scheme and host, without `/api/v1`)
    /// and choose credentials explicitly: the document names no scheme, so
    /// [`build`](ClientBuilder::build) refuses a client without one.
    ///
    /// ```
    /// use apio_callcenter::ApioClient;
    ///
    /// let client = ApioClient::builder()
    ///     .base_url("https://apio.example.com")
    ///     .bearer("token")
    ///     .build()?;
    /// # let _ = client;
    /// # Ok::<(), sdk_core::Error>(())
    /// ```
    pub fn builder() -> ClientBuilder<ApioClient> {
        ClientBuilder::new()
    }

    /// The transport this client sends through.
    pub fn transport(&self) -> &Transport {
        &self.transport
    }

    /// A tenant (service provider or enterprise).
    pub fn tenant(&self, tenant_id: impl Into<String>) -> Tenant<'_> {
        Tenant {
            client: self,
            tenant_id: tenant_id.into(),
        }
    }
}

/// A tenant: `/tenants/{tenant_id}`.
#[derive(Debug, Clone)]
pub struct Tenant<'a> {
    client: &'a ApioClient,
    tenant_id: String,
}

impl<'a> Tenant<'a> {
    /// A group of the tenant.
    pub fn group(&self, group_id: impl Into<String>) -> Group<'a> {
        Group {
            client: self.client,
            tenant_id: self.tenant_id.clone(),
            group_id: group_id.into(),
        }
    }
}

/// A group: `/tenants/{tenant_id}/groups/{group_id}`.
#[derive(Debug, Clone)]
pub struct Group<'a> {
    client: &'a ApioClient,
    tenant_id: String,
    group_id: String,
}

impl<'a> Group<'a> {
    /// The group's call-center service instances.
    pub fn call_centers(&self) -> CallCenters<'a> {
        CallCenters(Scope::new(
            self.client.transport(),
            CONVENTIONS,
            vec![self.tenant_id.clone(), self.group_id.clone()],
        ))
    }
}
