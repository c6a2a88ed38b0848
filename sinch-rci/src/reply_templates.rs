//! Reply templates (`/replyTemplates`) and their attachments, read-only: the canned
//! answers agents send, and the metadata of their attached files (the files themselves
//! cannot be read through the RCI).

use serde::{Deserialize, Serialize};

use sdk_core::model::UnknownFields;
use sdk_core::{Method, Result};

use crate::common::{list_all, search_query, wrapped_list};

const TEMPLATES: &str = "/replyTemplates";
const TEMPLATE: &str = "/replyTemplates/{replyTemplateId}";
const ATTACHMENTS: &str = "/replyTemplates/{replyTemplateId}/attachments";
const ATTACHMENT: &str = "/replyTemplates/{replyTemplateId}/attachments/{attachmentId}";

sdk_core::id_type! {
    /// The id of a reply template: 32 hexadecimal characters in either case (see [ids](crate#ids)).
    pub struct ReplyTemplateId;
}

sdk_core::id_type! {
    /// The id of a reply template's attachment: 32 hexadecimal characters in either case (see [ids](crate#ids)).
    pub struct AttachmentId;
}

sdk_core::string_enum! {
    /// The kind of content of a template (`contentType`).
    pub enum TemplateContentType {
        /// Fixed text.
        Static = "Static",
        /// Interactive content.
        Interactive = "Interactive",
    }
}

wrapped_list! {
    /// `"keywords": {"keyword": [..]}`.
    pub(crate) mod keywords = "keyword"
}

/// A reply template (every field but the id may be absent from a list).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ReplyTemplate {
    /// The id.
    pub id: ReplyTemplateId,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Free text (1 to 400 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The language (2 to 4 characters, `EN`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The subject (at most 1024 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// The kind of content.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<TemplateContentType>,
    /// How many files are attached.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment_count: Option<u32>,
    /// The text, with placeholders such as `{CUSTOMERNAME}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// The keywords the template is found by (JAXB-wrapped on the wire:
    /// `"keywords": {"keyword": [..]}`).
    #[serde(default, skip_serializing_if = "Vec::is_empty", with = "keywords")]
    pub keywords: Vec<String>,
    /// Fields the SDK does not name, kept as the server sent them (written back when this
    /// value is serialised).
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

sdk_core::listed!(ReplyTemplate);

search_query! {
    /// The search of [`ReplyTemplates::list`] (the document gives it no sort).
    ReplyTemplateQuery {
        queue_id => "queueId",
        language => "language",
        name => "name",
    }
}

impl ReplyTemplateQuery {
    /// Only templates with a keyword matching `pattern`. Each call adds one `keyword`
    /// parameter (the document's example repeats it: `keyword=sales&keyword=proble*,apple`);
    /// how the server combines them is undocumented.
    pub fn keyword(mut self, pattern: impl Into<String>) -> Self {
        self.search.add("keyword", pattern.into());
        self
    }
}

sdk_core::scope_type! {
    /// Reply templates: `/replyTemplates`.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// let template = client.reply_templates().get("000BC39C7CC04554A95062CF4C6BBE06").await?;
    /// println!("{:?} {:?}", template.subject, template.attachment_count);
    /// # Ok(()) }
    /// ```
    ReplyTemplates
}

impl ReplyTemplates<'_> {
    /// Lists reply templates, `limit` (100 by default) per request.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// use sdk_core::futures_util::TryStreamExt;
    /// use sinch_rci::reply_templates::ReplyTemplateQuery;
    ///
    /// let query = ReplyTemplateQuery::new().language("en").keyword("sales");
    /// let mut templates = client.reply_templates().list(&query).items();
    /// while let Some(template) = templates.try_next().await? {
    ///     println!("{} {:?}", template.id, template.name);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self, query: &ReplyTemplateQuery) -> sdk_core::Paginator<ReplyTemplate> {
        let spec = self
            .0
            .spec(Method::GET, "rci.reply_templates.list", TEMPLATES, &[]);
        self.0.paginator(query.apply(spec))
    }

    /// Reads a reply template.
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) for an unknown id.
    pub async fn get(&self, reply_template_id: impl AsRef<str>) -> Result<ReplyTemplate> {
        let spec = self.0.spec(
            Method::GET,
            "rci.reply_templates.get",
            TEMPLATE,
            &[reply_template_id.as_ref()],
        );
        self.0.execute(spec).await
    }
}

sdk_core::scope_type! {
    /// One reply template: `/replyTemplates/{replyTemplateId}`, for its attachments.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// let template = client.reply_template("000BC39C7CC04554A95062CF4C6BBE06");
    /// for attachment in template.attachments().list().await? {
    ///     println!("{:?} {:?}", attachment.file_name, attachment.size);
    /// }
    /// # Ok(()) }
    /// ```
    ReplyTemplateScope
}

impl<'a> ReplyTemplateScope<'a> {
    /// The template's attachments: `/attachments`.
    pub fn attachments(&self) -> Attachments<'a> {
        Attachments(self.0.clone())
    }
}

/// The metadata of a file attached to a reply template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Attachment {
    /// The id.
    pub id: AttachmentId,
    /// The size in bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<u64>,
    /// The file name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_name: Option<String>,
    /// The media type (`image/png`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mime_type: Option<String>,
    /// Fields the SDK does not name, kept as the server sent them (written back when this
    /// value is serialised).
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

sdk_core::scope_type! {
    /// The attachments of a reply template:
    /// `/replyTemplates/{replyTemplateId}/attachments`.
    ///
    /// ```no_run
    /// # async fn run(client: sinch_rci::RciClient) -> Result<(), sdk_core::Error> {
    /// let attachments = client.reply_template("000BC39C7CC04554A95062CF4C6BBE06").attachments();
    /// let attachment = attachments.get("3D612DF2E3694A56A9253365CA8EEEFE").await?;
    /// println!("{:?} {:?}", attachment.file_name, attachment.mime_type);
    /// # Ok(()) }
    /// ```
    Attachments
}

impl Attachments<'_> {
    /// The template's attachments (the whole list: not paged).
    ///
    /// # Errors
    ///
    /// The server's answer.
    pub async fn list(&self) -> Result<Vec<Attachment>> {
        let spec = self.0.spec(
            Method::GET,
            "rci.reply_templates.attachments.list",
            ATTACHMENTS,
            &[],
        );
        list_all(&self.0, spec).await
    }

    /// Reads an attachment's metadata.
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`](sdk_core::Error::is_not_found) for an unknown id.
    pub async fn get(&self, attachment_id: impl AsRef<str>) -> Result<Attachment> {
        let spec = self.0.spec(
            Method::GET,
            "rci.reply_templates.attachments.get",
            ATTACHMENT,
            &[attachment_id.as_ref()],
        );
        self.0.execute(spec).await
    }
}

#[cfg(feature = "simulator")]
pub(crate) fn simulate(api: sdk_core::sim::Api) -> sdk_core::sim::Api {
    use crate::sim::{entity, searchable};
    use sdk_core::sim::ListStyle;
    let api = api
        .resource(entity("reply_templates", TEMPLATES).read_only())
        .resource(entity("attachments", ATTACHMENTS).read_only());
    let api = searchable(
        api,
        "reply_templates",
        TEMPLATES,
        ListStyle::OffsetLimit,
        &[],
    );
    searchable(api, "attachments", ATTACHMENTS, ListStyle::BareArray, &[])
}
