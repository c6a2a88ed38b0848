//! What every AXP resource family shares: the scope a family's operations run in, status
//! classification for pollers, the `{url}` shape of 202 answers, and page sizes.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use sdk_core::{Accepted, Method, Paginator, PollStatus, Poller, RequestSpec, Result, StatusCode};

/// The page size the paged lists ask for unless told otherwise.
pub const DEFAULT_PAGE_SIZE: u32 = 50;

pub(crate) use sdk_core::Scope;

/// The AXP shapes of long-running work and paging, on the shared [`Scope`].
pub(crate) trait AxpScope {
    /// A page-number list (`pageNumber`/`pageSize`, items under `items_key`).
    fn paginator<T: DeserializeOwned + Send + 'static>(
        &self,
        spec: RequestSpec,
        items_key: &'static str,
    ) -> Paginator<T>;

    /// A poller reading `GET template` (filled with the parents and `ids`) until
    /// `classify` says the resource is done.
    fn poller<T, F>(
        &self,
        get_op: &'static str,
        template: &str,
        ids: &[&str],
        classify: F,
    ) -> Poller<T>
    where
        T: DeserializeOwned + Send + 'static,
        F: Fn(&T) -> PollStatus + Send + Sync + 'static;

    /// A poller reading `GET template` until it answers 404 (or 204, which the document
    /// also prints for a deleted resource). While it answers, `classify` reads the status.
    fn deletion<R, F>(
        &self,
        get_op: &'static str,
        template: &str,
        ids: &[&str],
        classify: F,
    ) -> Poller<()>
    where
        R: DeserializeOwned,
        F: Fn(&R) -> PollStatus + Send + Sync + 'static;

    /// Sends an asynchronous delete (answered 202) and returns the handle that waits for
    /// the resource's GET to answer 404.
    async fn delete_async<R, F>(
        &self,
        spec: RequestSpec,
        get_op: &'static str,
        template: &str,
        id: &str,
        classify: F,
    ) -> Result<Accepted<(), ()>>
    where
        R: DeserializeOwned,
        F: Fn(&R) -> PollStatus + Send + Sync + 'static;

    /// Sends a request answered by `{"url": ".../<id>"}` (202) and returns the handle that
    /// waits for the resource named by the url's last segment.
    async fn accepted_url<T, F>(
        &self,
        spec: RequestSpec,
        get_op: &'static str,
        item_template: &str,
        classify: F,
    ) -> Result<Accepted<AcceptedUrl, T>>
    where
        T: DeserializeOwned + Send + 'static,
        F: Fn(&T) -> PollStatus + Send + Sync + 'static;
}

impl AxpScope for Scope<'_> {
    /// A page-number list (`pageNumber`/`pageSize`, items under `items_key`).
    fn paginator<T: DeserializeOwned + Send + 'static>(
        &self,
        spec: RequestSpec,
        items_key: &'static str,
    ) -> Paginator<T> {
        Paginator::page_number(self.transport().clone(), spec, items_key, DEFAULT_PAGE_SIZE)
    }

    /// A poller reading `GET template` (filled with the parents and `ids`) until
    /// `classify` says the resource is done.
    fn poller<T, F>(
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
            self.transport().clone(),
            self.spec(Method::GET, get_op, template, ids),
            classify,
        )
    }

    /// A poller reading `GET template` until it answers 404 (or 204, which the document
    /// also prints for a deleted resource). While it answers, `classify` reads the status.
    fn deletion<R, F>(
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
            self.transport().clone(),
            self.spec(Method::GET, get_op, template, ids),
            classify,
        )
        .gone_on(StatusCode::NO_CONTENT)
    }

    /// Sends an asynchronous delete (answered 202) and returns the handle that waits for
    /// the resource's GET to answer 404.
    async fn delete_async<R, F>(
        &self,
        spec: RequestSpec,
        get_op: &'static str,
        template: &str,
        id: &str,
        classify: F,
    ) -> Result<Accepted<(), ()>>
    where
        R: DeserializeOwned,
        F: Fn(&R) -> PollStatus + Send + Sync + 'static,
    {
        self.send(spec).await?;
        let poller = self.deletion(get_op, template, &[id], classify);
        Ok(Accepted::new((), Some(id.to_owned()), poller))
    }

    /// Sends a request answered by `{"url": ".../<id>"}` (202) and returns the handle that
    /// waits for the resource named by the url's last segment.
    async fn accepted_url<T, F>(
        &self,
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
        let accepted: AcceptedUrl = self.execute(spec).await?;
        let id = accepted.id().map(str::to_owned).ok_or_else(|| {
            sdk_core::Error::invalid_input(
                "url",
                format!(
                    "{op}: the 202 answer's url `{}` names no resource",
                    accepted.url
                ),
            )
        })?;
        let poller = self.poller(get_op, item_template, &[&id], classify);
        Ok(Accepted::new(accepted, Some(id), poller))
    }
}

/// Declares a family's scope type: a newtype over [`Scope`] with `options()`.
macro_rules! scope_type {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone)]
        pub struct $name<'a>(pub(crate) $crate::common::Scope<'a>);

        impl<'a> $name<'a> {
            /// Per-call options (timeout, retries, headers) for the calls made through
            /// this scope.
            pub fn options(mut self, options: sdk_core::RequestOptions) -> Self {
                self.0.set_options(options);
                self
            }
        }
    };
}
pub(crate) use scope_type;

/// A 202 answer that only names the resource: `{"url": "/api/admin/voice/v1/accounts/.../<id>"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AcceptedUrl {
    /// The resource's path, as the server gave it (its prefix varies: `/api/admin/voice/v1`
    /// or `/v1`).
    pub url: String,
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
        let a = AcceptedUrl {
            url: "/api/admin/voice/v1/accounts/NCWBNY/communication-managers/4d11".into(),
        };
        assert_eq!(a.id(), Some("4d11"));
        let b = AcceptedUrl {
            url: "/v1/accounts/X/avaya-aura-device-services/abc/".into(),
        };
        assert_eq!(b.id(), Some("abc"));
        assert_eq!(AcceptedUrl { url: "".into() }.id(), None);
    }
}
