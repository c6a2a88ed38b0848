//! [`Scope`]: where a vendor resource family's operations run, the one shape every vendor
//! crate writes its operations on.
//!
//! A family's type is a newtype over a [`Scope`], declared with
//! [`scope_type!`](crate::scope_type), and each operation is a short `pub async fn` that
//! builds a [`RequestSpec`] with [`Scope::spec`] and hands it to one of the verbs:
//! [`execute`](Scope::execute) (decode the answer), [`send`](Scope::send) (ignore it),
//! [`send_raw`](Scope::send_raw) (the whole answer), [`paginator`](Scope::paginator) (a
//! list in the vendor's paging style), [`poller`](Scope::poller) and
//! [`deletion`](Scope::deletion) (wait for a long-running resource). What differs between
//! vendors (how lists page, what wraps every path) is stated once, in the
//! [`Conventions`] the client gives its scopes.

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::Result;
use crate::paging::{Listed, Paginator};
use crate::poll::{PollStatus, Poller};
use crate::request::{RequestOptions, RequestSpec};
use crate::transport::{Response, Transport};
use crate::{Format, Method};

/// How a vendor's lists page: the style of [`Scope::paginator`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PagingStyle {
    /// 1-based `pageNumber`/`pageSize`, items under a key ([`Paginator::page_number`]).
    PageNumber,
    /// `offset`/`limit` over bare arrays ([`Paginator::offset_limit`]).
    OffsetLimit,
    /// 0-based `Page`/`PageSize` following `next_page_uri` ([`Paginator::zero_indexed`]).
    ZeroIndexed,
}

/// What a vendor's requests share beyond ids: its paging style and page size, and what
/// wraps every path template (CPaaS's `/v2` in front and `.json`/`.xml` behind). Set once
/// by the vendor client; every [`Scope`] it makes carries it.
///
/// ```
/// use sdk_core::scope::{Conventions, PagingStyle};
///
/// let c = Conventions::new(PagingStyle::ZeroIndexed, 50).path_affixes("/v2", ".json");
/// assert_eq!(c.page_size(), 50);
/// assert_eq!(c.wrap("/Accounts/{AccountSid}"), "/v2/Accounts/{AccountSid}.json");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Conventions {
    paging: PagingStyle,
    page_size: u32,
    prefix: &'static str,
    suffix: &'static str,
    #[cfg_attr(not(feature = "xml"), allow(dead_code))]
    xml: crate::format::XmlAnswers,
}

impl Conventions {
    /// Lists page in `paging` style, `page_size` items a page unless a list is told
    /// otherwise; paths are the templates as given.
    pub const fn new(paging: PagingStyle, page_size: u32) -> Self {
        Conventions {
            paging,
            page_size,
            prefix: "",
            suffix: "",
            xml: crate::format::XmlAnswers::PLAIN,
        }
    }

    /// Every path template is sent as `{prefix}{template}{suffix}`.
    pub const fn path_affixes(mut self, prefix: &'static str, suffix: &'static str) -> Self {
        self.prefix = prefix;
        self.suffix = suffix;
        self
    }

    /// XML answers carry the resource inside a root element (CPaaS's `<Response>`); see
    /// `RequestSpec::xml_wrapped` (feature `xml`). A description of the API, so it is declared the same
    /// way with or without the feature `xml` (without it no XML answer is read).
    pub const fn xml_wrapped(mut self, yes: bool) -> Self {
        self.xml.wrapped = yes;
        self
    }

    /// XML answers name their elements in PascalCase (CPaaS's `<DateCreated>` for the JSON
    /// answers' `date_created`), so one model with snake_case field names reads both; see
    /// `RequestSpec::xml_pascal_case` (feature `xml`). Declared with or without the feature `xml`, like
    /// [`xml_wrapped`](Self::xml_wrapped).
    pub const fn xml_pascal_case(mut self, yes: bool) -> Self {
        self.xml.pascal_case = yes;
        self
    }

    /// The paging style.
    pub fn paging(&self) -> PagingStyle {
        self.paging
    }

    /// The default page size.
    pub fn page_size(&self) -> u32 {
        self.page_size
    }

    /// `template` with the path prefix and suffix.
    pub fn wrap<'t>(&self, template: &'t str) -> std::borrow::Cow<'t, str> {
        if self.prefix.is_empty() && self.suffix.is_empty() {
            return std::borrow::Cow::Borrowed(template);
        }
        let mut s = String::with_capacity(self.prefix.len() + template.len() + self.suffix.len());
        s.push_str(self.prefix);
        s.push_str(template);
        s.push_str(self.suffix);
        std::borrow::Cow::Owned(s)
    }
}

/// A transport, the vendor's [`Conventions`], the ids of the parent path
/// (`/accounts/{accountId}/...`), the wire format and per-call options.
///
/// ```
/// use sdk_core::scope::{Conventions, PagingStyle};
/// use sdk_core::{Method, Scope, Transport};
///
/// let transport = Transport::builder().base_url("https://api.example.com").no_auth().build()?;
/// let conventions = Conventions::new(PagingStyle::PageNumber, 50);
/// let account = Scope::new(&transport, conventions, vec!["ABCDEF".into()]);
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
    conventions: Conventions,
    parents: Vec<String>,
    format: Format,
    options: RequestOptions,
}

impl<'a> Scope<'a> {
    /// A scope below the parent ids `parents`, in JSON, with no per-call options.
    pub fn new(transport: &'a Transport, conventions: Conventions, parents: Vec<String>) -> Self {
        Scope {
            transport,
            conventions,
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

    /// The vendor's conventions.
    pub fn conventions(&self) -> &Conventions {
        &self.conventions
    }

    /// The parent ids.
    pub fn parents(&self) -> &[String] {
        &self.parents
    }

    /// The wire format.
    pub fn format(&self) -> Format {
        self.format
    }

    /// A request for `template` (wrapped as the [`Conventions`] say), filled with the
    /// parent ids and then `ids`, asking for the scope's format and carrying its options.
    pub fn spec(
        &self,
        method: Method,
        op: &'static str,
        template: &str,
        ids: &[&str],
    ) -> RequestSpec {
        let params = self
            .parents
            .iter()
            .map(String::as_str)
            .chain(ids.iter().copied());
        let template = self.conventions.wrap(template);
        let spec = RequestSpec::filled(op, method, &template, params).accept(self.format);
        #[cfg(feature = "xml")]
        let spec = spec.xml_answers(self.conventions.xml);
        spec.options(self.options.clone())
    }

    /// `spec` with `body` in the scope's format (`xml_root` names the XML root element, with
    /// feature `xml`).
    ///
    /// ```no_run
    /// use sdk_core::scope::{Conventions, PagingStyle};
    /// use sdk_core::{Method, Scope, Transport};
    ///
    /// # async fn run() -> sdk_core::Result<()> {
    /// let transport = Transport::builder().base_url("https://api.example.com").no_auth().build()?;
    /// let account = Scope::new(&transport, Conventions::new(PagingStyle::PageNumber, 50), vec!["A1".into()]);
    /// let spec = account.spec(Method::POST, "demo.skills.create", "/accounts/{accountId}/skills", &[]);
    /// let spec = account.body(spec, "skill", &serde_json::json!({ "name": "billing" }));
    /// let created: serde_json::Value = account.execute(spec).await?;
    /// # Ok(()) }
    /// ```
    pub fn body<B: Serialize + ?Sized>(
        &self,
        spec: RequestSpec,
        xml_root: &str,
        body: &B,
    ) -> RequestSpec {
        spec.body_as(self.format, xml_root, body)
    }

    /// Sends and decodes the answer.
    ///
    /// ```no_run
    /// use sdk_core::scope::{Conventions, PagingStyle};
    /// use sdk_core::{Method, Scope, Transport};
    ///
    /// # async fn run() -> sdk_core::Result<()> {
    /// let transport = Transport::builder().base_url("https://api.example.com").no_auth().build()?;
    /// let account = Scope::new(&transport, Conventions::new(PagingStyle::PageNumber, 50), vec!["A1".into()]);
    /// let spec = account.spec(Method::GET, "demo.skills.get", "/accounts/{accountId}/skills/{id}", &["7"]);
    /// let skill: serde_json::Value = account.execute(spec).await?;
    /// println!("{}", skill["name"]);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Transport::execute`].
    pub async fn execute<T: DeserializeOwned>(&self, spec: RequestSpec) -> Result<T> {
        self.transport.execute(spec).await
    }

    /// Sends and ignores the answer's body.
    ///
    /// ```no_run
    /// use sdk_core::scope::{Conventions, PagingStyle};
    /// use sdk_core::{Method, Scope, Transport};
    ///
    /// # async fn run() -> sdk_core::Result<()> {
    /// let transport = Transport::builder().base_url("https://api.example.com").no_auth().build()?;
    /// let account = Scope::new(&transport, Conventions::new(PagingStyle::PageNumber, 50), vec!["A1".into()]);
    /// let path = "/accounts/{accountId}/skills/{id}";
    /// account.send(account.spec(Method::DELETE, "demo.skills.delete", path, &["7"])).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Transport::send`].
    pub async fn send(&self, spec: RequestSpec) -> Result<()> {
        self.transport.send(spec).await.map(drop)
    }

    /// Sends and returns the whole answer (status and headers included).
    ///
    /// ```no_run
    /// use sdk_core::scope::{Conventions, PagingStyle};
    /// use sdk_core::{Method, Scope, Transport};
    ///
    /// # async fn run() -> sdk_core::Result<()> {
    /// let transport = Transport::builder().base_url("https://api.example.com").no_auth().build()?;
    /// let account = Scope::new(&transport, Conventions::new(PagingStyle::PageNumber, 50), vec!["A1".into()]);
    /// let spec = account.spec(Method::POST, "demo.sync.start", "/accounts/{accountId}:sync", &[]);
    /// let answer = account.send_raw(spec).await?;
    /// println!("{} {:?}", answer.status(), answer.headers().get("location"));
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Transport::send`].
    pub async fn send_raw(&self, spec: RequestSpec) -> Result<Response> {
        self.transport.send(spec).await
    }

    /// A lazy list whose first request is `spec`, paged in the vendor's style with its
    /// default page size; the items are `T`, found under its [`Listed::ITEMS_KEY`] and read
    /// in one pass ([`Listed`]).
    ///
    /// ```no_run
    /// use sdk_core::scope::{Conventions, PagingStyle};
    /// use sdk_core::{Method, Scope, Transport};
    ///
    /// #[derive(Debug, serde::Deserialize)]
    /// struct Skill { id: String }
    /// sdk_core::listed!(Skill = "skills");
    ///
    /// # async fn run() -> sdk_core::Result<()> {
    /// let transport = Transport::builder().base_url("https://api.example.com").no_auth().build()?;
    /// let account = Scope::new(&transport, Conventions::new(PagingStyle::PageNumber, 50), vec!["A1".into()]);
    /// let spec = account.spec(Method::GET, "demo.skills.list", "/accounts/{accountId}/skills", &[]);
    /// let skills: Vec<Skill> = account.paginator(spec).collect_all().await?;
    /// println!("{} skills", skills.len());
    /// # Ok(()) }
    /// ```
    pub fn paginator<T: Listed>(&self, spec: RequestSpec) -> Paginator<T> {
        let transport = self.transport.clone();
        let size = self.conventions.page_size;
        match self.conventions.paging {
            PagingStyle::PageNumber => Paginator::page_number(transport, spec, T::ITEMS_KEY, size),
            PagingStyle::OffsetLimit => Paginator::offset_limit(transport, spec, size),
            PagingStyle::ZeroIndexed => {
                Paginator::zero_indexed(transport, spec, T::ITEMS_KEY, size)
            }
        }
    }

    /// A poller reading `GET template` (filled with the parents and `ids`) as `T` until
    /// `classify` says the resource is done.
    ///
    /// ```no_run
    /// use sdk_core::scope::{Conventions, PagingStyle};
    /// use sdk_core::{PollStatus, Scope, Transport};
    ///
    /// # async fn run() -> sdk_core::Result<()> {
    /// let transport = Transport::builder().base_url("https://api.example.com").no_auth().build()?;
    /// let account = Scope::new(&transport, Conventions::new(PagingStyle::PageNumber, 50), vec!["A1".into()]);
    /// let path = "/accounts/{accountId}/numbers/{id}";
    /// let poller = account.poller(
    ///     "demo.numbers.get",
    ///     path,
    ///     &["N1"],
    ///     |n: &serde_json::Value| match n["status"].as_str().unwrap_or_default() {
    ///         "READY" => PollStatus::Succeeded("READY".into()),
    ///         "FAILED" => PollStatus::Failed { status: "FAILED".into(), message: None },
    ///         other => PollStatus::Pending(other.into()),
    ///     },
    /// );
    /// let number = poller.wait().await?;
    /// # Ok(()) }
    /// ```
    pub fn poller<T, F>(
        &self,
        get_op: &'static str,
        template: &str,
        ids: &[&str],
        classify: F,
    ) -> Poller<T>
    where
        T: DeserializeOwned + Send + 'static,
        F: Fn(&T) -> PollStatus + Send + Sync + 'static,
    {
        Poller::new(
            self.transport.clone(),
            self.spec(Method::GET, get_op, template, ids),
            classify,
        )
    }

    /// A poller reading `GET template` until it answers 404; while the resource still
    /// answers (as `R`), `classify` reads its status (see [`Poller::until_gone`]).
    ///
    /// ```no_run
    /// use sdk_core::scope::{Conventions, PagingStyle};
    /// use sdk_core::{PollStatus, Scope, Transport};
    ///
    /// # async fn run() -> sdk_core::Result<()> {
    /// let transport = Transport::builder().base_url("https://api.example.com").no_auth().build()?;
    /// let account = Scope::new(&transport, Conventions::new(PagingStyle::PageNumber, 50), vec!["A1".into()]);
    /// let path = "/accounts/{accountId}/numbers/{id}";
    /// let gone = account.deletion("demo.numbers.get", path, &["N1"], |n: &serde_json::Value| {
    ///     PollStatus::Pending(n["status"].as_str().unwrap_or("DELETING").into())
    /// });
    /// gone.wait().await?;
    /// # Ok(()) }
    /// ```
    pub fn deletion<R, F>(
        &self,
        get_op: &'static str,
        template: &str,
        ids: &[&str],
        classify: F,
    ) -> Poller<()>
    where
        R: DeserializeOwned,
        F: Fn(&R) -> PollStatus + Send + Sync + 'static,
    {
        Poller::until_gone(
            self.transport.clone(),
            self.spec(Method::GET, get_op, template, ids),
            classify,
        )
    }
}

/// Declares a resource family's scope type: a newtype over [`Scope`] whose operations are
/// written as its methods, with `options()` for per-call options.
///
/// ```
/// sdk_core::scope_type! {
///     /// Phone numbers: `/accounts/{accountId}/phone-numbers`.
///     PhoneNumbers
/// }
///
/// impl PhoneNumbers<'_> {
///     /// Deletes one number.
///     pub async fn delete(&self, id: &str) -> sdk_core::Result<()> {
///         let path = "/accounts/{accountId}/phone-numbers/{id}";
///         self.0.send(self.0.spec(sdk_core::Method::DELETE, "demo.phone_numbers.delete", path, &[id])).await
///     }
/// }
/// # fn main() {}
/// ```
#[macro_export]
macro_rules! scope_type {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone)]
        pub struct $name<'a>(pub(crate) $crate::Scope<'a>);

        impl<'a> $name<'a> {
            /// Per-call options (timeout, retries, headers) for the calls made through
            /// this scope, the pages of its lists and the reads of its waits included.
            pub fn options(mut self, options: $crate::RequestOptions) -> Self {
                self.0.set_options(options);
                self
            }
        }
    };
}

/// Declares chainable setters of a request type's optional fields: `name: Type` makes
/// `pub fn name(self, value: impl Into<Type>) -> Self` setting `Some(value.into())`.
///
/// ```
/// #[derive(Debug, Default)]
/// pub struct NewQueue {
///     name: Option<String>,
///     priority: Option<u32>,
/// }
///
/// sdk_core::setters!(NewQueue {
///     /// The queue's name.
///     name: String,
///     /// Its priority.
///     priority: u32,
/// });
///
/// let q = NewQueue::default().name("Sales").priority(3u32);
/// assert_eq!(q.name.as_deref(), Some("Sales"));
/// assert_eq!(q.priority, Some(3));
/// ```
#[macro_export]
macro_rules! setters {
    ($ty:ident { $( $(#[$meta:meta])* $field:ident : $t:ty ),* $(,)? }) => {
        impl $ty {
            $(
                $(#[$meta])*
                pub fn $field(mut self, value: impl Into<$t>) -> Self {
                    self.$field = Some(value.into());
                    self
                }
            )*
        }
    };
}
