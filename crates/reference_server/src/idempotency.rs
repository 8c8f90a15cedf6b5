//! Idempotency keys: a client sends one fresh key with each user action and the
//! same key with every retry of it, so a retry after a lost response gets the
//! first answer instead of acting twice.
//!
//! Only successful changes are remembered. A refused or failed request changed
//! nothing, so its retry is judged afresh, which also lets a retry after a `503`
//! go through.

use axum::body::Body;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Duration, Utc};
use contract::IDEMPOTENCY_KEY;
use lifecycle::Action;

use crate::failure::Failure;

/// How long a key is remembered.
pub(crate) fn lifetime() -> Duration {
    Duration::hours(24)
}

/// Longer keys are refused; a UUID has 36 characters.
const MAX_KEY_LENGTH: usize = 255;

/// The `Idempotency-Key` of a change request.
pub(crate) fn key_of(headers: &HeaderMap) -> Result<String, Failure> {
    let mut values = headers.get_all(IDEMPOTENCY_KEY).iter();
    let value = values.next().ok_or_else(|| {
        Failure::bad_request(
            "The Idempotency-Key header is required with every change: send one fresh \
             UUID per user action, and the same one when retrying it.",
        )
    })?;
    if values.next().is_some() {
        return Err(Failure::bad_request(
            "The Idempotency-Key header was sent more than once: send it once, with the \
             one key of this user action.",
        ));
    }
    let key = value.to_str().map(str::trim).unwrap_or_default();
    if key.is_empty()
        || key.len() > MAX_KEY_LENGTH
        || !key.bytes().all(|byte| byte.is_ascii_graphic())
    {
        return Err(Failure::bad_request(format!(
            "The Idempotency-Key header must be 1 to {MAX_KEY_LENGTH} visible ASCII \
             characters, such as a UUID."
        )));
    }
    Ok(key.to_owned())
}

/// A response as it was first given, to give again on a retry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RecordedResponse {
    pub(crate) status: u16,
    /// JSON, or empty for `204 No Content`.
    pub(crate) body: String,
}

impl RecordedResponse {
    pub(crate) fn json(status: StatusCode, body: String) -> Self {
        RecordedResponse {
            status: status.as_u16(),
            body,
        }
    }

    pub(crate) fn no_content() -> Self {
        RecordedResponse {
            status: StatusCode::NO_CONTENT.as_u16(),
            body: String::new(),
        }
    }
}

impl IntoResponse for RecordedResponse {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::OK);
        if self.body.is_empty() {
            return status.into_response();
        }
        let mut response = Response::new(Body::from(self.body));
        *response.status_mut() = status;
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        response
    }
}

/// What was done under an idempotency key, and what was answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Remembered {
    pub(crate) key: String,
    pub(crate) action: Action,
    pub(crate) version_id: String,
    pub(crate) response: RecordedResponse,
    pub(crate) at: DateTime<Utc>,
}

impl Remembered {
    /// The first response if this retry asks for the same action on the same
    /// version; a key reused for something else is the client's mistake.
    pub(crate) fn replay(self, action: Action, version_id: &str) -> Result<Response, Failure> {
        if self.action != action || self.version_id != version_id {
            return Err(Failure::bad_request(format!(
                "This Idempotency-Key was already used for {} on journey version {}; \
                 send a fresh key for each new action.",
                self.action, self.version_id
            )));
        }
        Ok(self.response.into_response())
    }
}
