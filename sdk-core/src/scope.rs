//! [`Scope`]: where a vendor resource family's operations run. Vendor crates wrap it in
//! one small type per family (`client.account(a).phone_numbers()`), so the parent ids of the
//! URL and the per-call options travel the same way in every crate.

use serde::de::DeserializeOwned;

use crate::error::Result;
use crate::request::{RequestOptions, RequestSpec};
use crate::transport::{Response, Transport};
use crate::{Format, Method};

/// A transport, the ids of the parent path (`/accounts/{accountId}/...`), the wire format
/// and per-call options.
///
/// ```
/// use sdk_core::{Method, Scope, Transport};
///
/// let transport = Transport::builder().base_url("https://api.example.com").no_auth().build()?;
/// let account = Scope::new(&transport, vec!["ABCDEF".into()]);
/// let spec = account.spec(Method::GET, "demo.numbers.get", "/accounts/{accountId}/numbers/{id}", &["42"]);
/// assert_eq!(spec.path(), Some("/accounts/ABCDEF/numbers/42"));
/// let domain = account.below("DS1");
/// let spec = domain.spec(Method::GET, "demo.mappings.list", "/accounts/{a}/domains/{d}/mappings", &[]);
/// assert_eq!(spec.path(), Some("/accounts/ABCDEF/domains/DS1/mappings"));
/// # Ok::<(), sdk_core::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Scope<'a> {
    transport: &'a Transport,
    parents: Vec<String>,
    format: Format,
    options: RequestOptions,
}

impl<'a> Scope<'a> {
    /// A scope below the parent ids `parents`, in JSON, with no per-call options.
    pub fn new(transport: &'a Transport, parents: Vec<String>) -> Self {
        Scope {
            transport,
            parents,
            format: Format::Json,
            options: RequestOptions::default(),
        }
    }

    /// The wire format of bodies and answers (for APIs that offer several).
    pub fn with_format(mut self, format: Format) -> Self {
        self.format = format;
        self
    }

    /// The same scope (transport, format, options) one level down: `id` becomes the last
    /// parent id.
    pub fn below(&self, id: impl Into<String>) -> Self {
        let mut below = self.clone();
        below.parents.push(id.into());
        below
    }

    /// Replaces the per-call options.
    pub fn set_options(&mut self, options: RequestOptions) {
        self.options = options;
    }

    /// The transport.
    pub fn transport(&self) -> &'a Transport {
        self.transport
    }

    /// The parent ids.
    pub fn parents(&self) -> &[String] {
        &self.parents
    }

    /// The wire format.
    pub fn format(&self) -> Format {
        self.format
    }

    /// A request for `template`, filled with the parent ids and then `ids`, asking for the
    /// scope's format and carrying its options.
    pub fn spec(
        &self,
        method: Method,
        op: &'static str,
        template: &str,
        ids: &[&str],
    ) -> RequestSpec {
        let mut params: Vec<&str> = self.parents.iter().map(String::as_str).collect();
        params.extend_from_slice(ids);
        RequestSpec::new(op, method, template, &params)
            .accept(self.format)
            .options(self.options.clone())
    }

    /// Sends and decodes the answer.
    ///
    /// # Errors
    ///
    /// As [`Transport::execute`].
    pub async fn execute<T: DeserializeOwned>(&self, spec: RequestSpec) -> Result<T> {
        self.transport.execute(spec).await
    }

    /// Sends and ignores the answer's body.
    ///
    /// # Errors
    ///
    /// As [`Transport::send`].
    pub async fn send(&self, spec: RequestSpec) -> Result<()> {
        self.transport.send(spec).await.map(drop)
    }

    /// Sends and returns the whole answer (status and headers included).
    ///
    /// # Errors
    ///
    /// As [`Transport::send`].
    pub async fn send_raw(&self, spec: RequestSpec) -> Result<Response> {
        self.transport.send(spec).await
    }
}
