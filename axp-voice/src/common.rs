//! What every AXP resource family shares: the conventions its scopes carry, status
//! classification for pollers (with the server's message of a failure), the `{url}` shape
//! of 202 answers, and page sizes.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use sdk_core::model::UnknownFields;
use sdk_core::{
    Accepted, Conventions, Error, PagingStyle, PollStatus, RequestSpec, Result, Scope, StatusCode,
};

/// The page size the paged lists ask for unless told otherwise.
pub const DEFAULT_PAGE_SIZE: u32 = 50;

/// How AXP lists page (1-based `pageNumber`/`pageSize`, [`DEFAULT_PAGE_SIZE`] items a page);
/// paths are sent as written.
pub(crate) const AXP_CONVENTIONS: Conventions =
    Conventions::new(PagingStyle::PageNumber, DEFAULT_PAGE_SIZE);

/// Sends `spec`, answered `202 {"url": ".../<id>"}`, and returns the handle that polls
/// `GET item_template` for the resource the url's last segment names.
///
/// A 202 whose url names no resource is a [`Decode`](sdk_core::ErrorKind::Decode) error:
/// the request reached the server, which may have started the work.
pub(crate) async fn accepted_url<T, F>(
    scope: &Scope<'_>,
    spec: RequestSpec,
    get_op: &'static str,
    item_template: &str,
    classify: F,
) -> Result<Accepted<AcceptedUrl, T>>
where
    T: DeserializeOwned + Send + 'static,
    F: Fn(&T) -> PollStatus + Send + Sync + 'static,
{
    let op = spec.operation();
    let accepted: AcceptedUrl = scope.execute(spec).await?;
    let id = answered_id(op, accepted.id(), || {
        format!("the 202 answer's url `{}` names no resource", accepted.url)
    })?;
    let poller = scope.poller(get_op, item_template, &[&id], classify);
    Ok(Accepted::new(accepted, Some(id), poller))
}

/// The id a success answer of `op` gives for the reads that follow it (a poll of the
/// resource): `id` when it can stand in a path (not empty, not `.` or `..`), else a
/// [`Decode`](sdk_core::ErrorKind::Decode) error whose message is `why()`. The request
/// reached the server, so the error is never
/// [`InvalidInput`](sdk_core::ErrorKind::InvalidInput).
pub(crate) fn answered_id(
    op: &'static str,
    id: Option<&str>,
    why: impl FnOnce() -> String,
) -> Result<String> {
    match id {
        Some(id) if !id.is_empty() && id != "." && id != ".." => Ok(id.to_owned()),
        _ => Err(Error::unexpected_answer(why()).with_operation(op)),
    }
}

/// Sends `spec` (an update of resource `id`, answered `202 {"url": ...}`) and returns the
/// handle that polls `GET item_template` for `id`. The id comes from the path, not from
/// the answer's url: the documents' update answers name other resources (and accounts)
/// than the one updated.
pub(crate) async fn accepted_at<T, F>(
    scope: &Scope<'_>,
    spec: RequestSpec,
    id: &str,
    get_op: &'static str,
    item_template: &str,
    classify: F,
) -> Result<Accepted<AcceptedUrl, T>>
where
    T: DeserializeOwned + Send + 'static,
    F: Fn(&T) -> PollStatus + Send + Sync + 'static,
{
    let accepted: AcceptedUrl = scope.execute(spec).await?;
    let poller = scope.poller(get_op, item_template, &[id], classify);
    Ok(Accepted::new(accepted, Some(id.to_owned()), poller))
}

/// Sends an asynchronous delete of resource `id` (answered 202) and returns the handle
/// that waits for `GET item_template` to answer 404 (or 204, which the documents also
/// print for a deleted resource); while it still answers (as `R`), `classify` reads it.
pub(crate) async fn delete_async<R, F>(
    scope: &Scope<'_>,
    spec: RequestSpec,
    get_op: &'static str,
    item_template: &str,
    id: &str,
    classify: F,
) -> Result<Accepted<(), ()>>
where
    R: DeserializeOwned,
    F: Fn(&R) -> PollStatus + Send + Sync + 'static,
{
    scope.send(spec).await?;
    let poller = scope
        .deletion(get_op, item_template, &[id], classify)
        .gone_on(StatusCode::NO_CONTENT);
    Ok(Accepted::new((), Some(id.to_owned()), poller))
}

/// Sends `spec`, a list that is not paged, and returns its items: `{"resources": [...]}`.
/// An answer without `resources` is a [`Decode`](sdk_core::ErrorKind::Decode) error.
pub(crate) async fn list_resources<T: DeserializeOwned>(
    scope: &Scope<'_>,
    spec: RequestSpec,
) -> Result<Vec<T>> {
    let list: Resources<T> = scope.execute(spec).await?;
    Ok(list.resources)
}

/// The answer of an unpaged list: every example of the documents carries `resources`.
#[derive(Deserialize)]
struct Resources<T> {
    resources: Vec<T>,
}

/// A 202 answer that only names the resource: `{"url": "/api/admin/voice/v1/accounts/.../<id>"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AcceptedUrl {
    /// The resource's path, as the server gave it (its prefix varies: `/api/admin/voice/v1`
    /// or `/v1`).
    pub url: String,
    /// Fields the SDK does not name, kept as the server sent them (sent back by an update
    /// built from this value).
    #[serde(flatten)]
    pub unknown_fields: UnknownFields,
}

impl AcceptedUrl {
    /// The id: the url's last segment (the prefix varies between answers, so the url is
    /// never resolved).
    pub fn id(&self) -> Option<&str> {
        self.url
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .filter(|s| !s.is_empty())
    }
}

sdk_core::string_enum! {
    /// The status of an element or a hybrid resource (`status`).
    pub enum ResourceStatus {
        /// Being configured (or deleted).
        InProgress = "IN_PROGRESS",
        /// Configured.
        Success = "SUCCESS",
        /// Configuration failed.
        Failed = "FAILED",
        /// A non-forced delete failed; the resource is still there (location profiles).
        PendingDelete = "PENDING_DELETE",
    }
}

/// Compares statuses the way the documents spell them: case-insensitively and ignoring
/// `_`, so `INPROGRESS` (phone numbers) and `IN_PROGRESS` (everything else) are one
/// status.
pub(crate) fn same_status(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.chars()
            .filter(|c| *c != '_' && *c != '-')
            .flat_map(char::to_uppercase)
            .collect::<String>()
    };
    norm(a) == norm(b)
}

/// Classifies `status`: one of `success` or `failure` (compared with [`same_status`]),
/// else pending. A missing status is pending.
pub(crate) fn classify(
    status: Option<&str>,
    message: Option<&str>,
    success: &[&str],
    failure: &[&str],
) -> PollStatus {
    let Some(s) = status else {
        return PollStatus::Pending(String::new());
    };
    if success.iter().any(|ok| same_status(s, ok)) {
        PollStatus::Succeeded(s.to_owned())
    } else if failure.iter().any(|bad| same_status(s, bad)) {
        PollStatus::Failed {
            status: s.to_owned(),
            message: message.map(str::to_owned),
        }
    } else {
        PollStatus::Pending(s.to_owned())
    }
}

/// Classifies a [`ResourceStatus`]: `SUCCESS` done, `FAILED` failed, anything else
/// pending.
pub(crate) fn classify_resource(
    status: Option<&ResourceStatus>,
    message: Option<&str>,
) -> PollStatus {
    classify(
        status.map(ResourceStatus::as_str),
        message,
        &["SUCCESS"],
        &["FAILED"],
    )
}

/// While a resource is being deleted: `FAILED` and `PENDING_DELETE` (a refused non-forced
/// delete) end the wait as failures; anything else is pending until the 404.
pub(crate) fn classify_deleting(
    status: Option<&ResourceStatus>,
    message: Option<&str>,
) -> PollStatus {
    classify(
        status.map(ResourceStatus::as_str),
        message,
        &[],
        &["FAILED", "PENDING_DELETE"],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_compare_without_underscores_or_case() {
        assert!(same_status("INPROGRESS", "IN_PROGRESS"));
        assert!(same_status("success", "SUCCESS"));
        assert!(!same_status("SUCCESS", "FAILED"));
        assert_eq!(
            classify(Some("INPROGRESS"), None, &["ACTIVE"], &["DISABLED"]),
            PollStatus::Pending("INPROGRESS".into())
        );
        assert_eq!(
            classify(Some("ACTIVE"), None, &["ACTIVE"], &[]),
            PollStatus::Succeeded("ACTIVE".into())
        );
        assert_eq!(
            classify(Some("FAILED"), Some("bad"), &["SUCCESS"], &["FAILED"]),
            PollStatus::Failed {
                status: "FAILED".into(),
                message: Some("bad".into())
            }
        );
        assert_eq!(
            classify(None, None, &["SUCCESS"], &[]),
            PollStatus::Pending(String::new())
        );
    }

    #[test]
    fn accepted_url_ids_are_the_last_segment() {
        let url = |url: &str| AcceptedUrl {
            url: url.into(),
            unknown_fields: UnknownFields::new(),
        };
        let a = url("/api/admin/voice/v1/accounts/NCWBNY/communication-managers/4d11");
        assert_eq!(a.id(), Some("4d11"));
        assert_eq!(
            url("/v1/accounts/X/avaya-aura-device-services/abc/").id(),
            Some("abc")
        );
        assert_eq!(url("").id(), None);
    }

    #[test]
    fn failure_messages_come_from_the_named_field_then_the_kept_ones() {
        let kept = |v: serde_json::Value| -> UnknownFields {
            serde_json::from_value(v).expect("an object")
        };
        let none = UnknownFields::new();
        assert_eq!(
            none.failure_message(Some("named")).as_deref(),
            Some("named")
        );
        assert_eq!(none.failure_message(Some(" ")), None);
        assert_eq!(none.failure_message(None), None);
        let all = kept(serde_json::json!({
            "errorMessage": "third", "message": "second", "statusMessage": "first"
        }));
        assert_eq!(all.failure_message(None).as_deref(), Some("first"));
        assert_eq!(all.failure_message(Some("")).as_deref(), Some("first"));
        assert_eq!(all.failure_message(Some("named")).as_deref(), Some("named"));
        let later =
            kept(serde_json::json!({"statusMessage": "", "message": 3, "errorMessage": "x"}));
        assert_eq!(later.failure_message(None).as_deref(), Some("x"));
    }

    #[test]
    fn answered_ids_that_cannot_stand_in_a_path_are_decode_errors() {
        let op = "axp.reason_codes.create";
        assert_eq!(answered_id(op, Some("4d11"), String::new).unwrap(), "4d11");
        for bad in [None, Some(""), Some("."), Some("..")] {
            let err = answered_id(op, bad, || "no id".into()).unwrap_err();
            assert_eq!(err.kind(), sdk_core::ErrorKind::Decode, "{bad:?}");
            assert_eq!(err.operation(), Some(op));
        }
    }
}
