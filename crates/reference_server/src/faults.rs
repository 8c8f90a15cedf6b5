//! Faults on request, for testing clients against a failing server. Only with
//! `--fault-injection`: `POST {base}/_test/faults` with
//! `{"path": "finish", "mode": "error" | "drop", "count": 1}` makes the next
//! `count` change requests whose path ends with `/finish`
//!
//! - `error`: answer `503` without doing anything;
//! - `drop`: do the change as usual (remembering its response under the
//!   idempotency key) and then close the connection without answering, as when a
//!   response is lost on the way.

use std::io;
use std::sync::{Mutex, PoisonError};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::de::Error as _;
use serde::{Deserialize, Deserializer};

use crate::failure::Failure;
use crate::server_state::ServerState;

/// The body of `POST {base}/_test/faults`.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct FaultRequest {
    /// The last segment(s) of the request path: `finish`, `stop`, `pause`,
    /// `resume`, `scheduled-finish` (its `PUT` and `DELETE`), `publish`,
    /// `versions`, `duplicate`, or a version id for its `DELETE`.
    path: String,
    mode: FaultMode,
    #[serde(default = "one", deserialize_with = "whole_number")]
    count: u32,
}

fn one() -> u32 {
    1
}

/// A count written `2.0` is still 2: JSON does not tell integers from other
/// numbers, and test-support.yaml's `integer` admits both.
pub(crate) fn whole_number<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    let number = serde_json::Number::deserialize(deserializer)?;
    let whole = number.as_u64().or_else(|| {
        number
            .as_f64()
            .filter(|value| value.fract() == 0.0 && *value >= 0.0 && *value <= f64::from(u32::MAX))
            .map(|value| value as u64)
    });
    whole
        .and_then(|value| u32::try_from(value).ok())
        .ok_or_else(|| {
            D::Error::custom(format!(
                "count must be a whole number from 1 to {}",
                u32::MAX
            ))
        })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum FaultMode {
    Error,
    Drop,
}

#[derive(Default)]
pub(crate) struct Faults {
    pending: Mutex<Vec<FaultRequest>>,
}

impl Faults {
    pub(crate) fn add(&self, fault: FaultRequest) -> Result<(), Failure> {
        let path = fault.path.trim_matches('/');
        if path.is_empty() || fault.count == 0 {
            return Err(Failure::bad_request(
                "A fault needs a path such as \"finish\" and a count of at least 1.",
            ));
        }
        let fault = FaultRequest {
            path: path.to_owned(),
            ..fault
        };
        self.lock().push(fault);
        Ok(())
    }

    pub(crate) fn clear(&self) {
        self.lock().clear();
    }

    /// The fault to inflict on a change request to `path`, counting it.
    fn take(&self, path: &str) -> Option<FaultMode> {
        let mut pending = self.lock();
        let index = pending
            .iter()
            .position(|fault| path.ends_with(&format!("/{}", fault.path)))?;
        let fault = &mut pending[index];
        let mode = fault.mode;
        fault.count -= 1;
        if fault.count == 0 {
            pending.remove(index);
        }
        Some(mode)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<FaultRequest>> {
        self.pending.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Middleware on the journey routes.
pub(crate) async fn inflict(
    State(state): State<ServerState>,
    request: Request,
    next: Next,
) -> Response {
    let is_change = matches!(
        *request.method(),
        Method::POST | Method::PUT | Method::DELETE
    ) && request.uri().path().starts_with("/journeys/");
    let fault = if is_change {
        state.faults().take(request.uri().path())
    } else {
        None
    };
    match fault {
        None => next.run(request).await,
        Some(FaultMode::Error) => {
            Failure::unavailable("Injected fault: the server is unavailable.").into_response()
        }
        Some(FaultMode::Drop) => {
            let (mut parts, _) = next.run(request).await.into_parts();
            parts.headers.remove(header::CONTENT_LENGTH);
            // hyper sends a 204 whole, having no body to wait for.
            parts.status = StatusCode::OK;
            // A body that fails before its first byte makes hyper close the
            // connection before the status line is sent.
            let body = Body::from_stream(futures_util::stream::once(async {
                Err::<Bytes, _>(io::Error::other("response dropped by fault injection"))
            }));
            Response::from_parts(parts, body)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count_of(body: &str) -> Option<u32> {
        serde_json::from_str::<FaultRequest>(body)
            .ok()
            .map(|fault| fault.count)
    }

    #[test]
    fn a_count_is_any_whole_number_that_fits() {
        assert_eq!(count_of(r#"{"path": "finish", "mode": "error"}"#), Some(1));
        assert_eq!(
            count_of(r#"{"path": "finish", "mode": "error", "count": 3}"#),
            Some(3)
        );
        assert_eq!(
            count_of(r#"{"path": "finish", "mode": "drop", "count": 3.0}"#),
            Some(3)
        );
        for count in ["1.5", "-1", "4294967296", "1e300", "\"2\"", "null"] {
            let body = format!(r#"{{"path": "finish", "mode": "error", "count": {count}}}"#);
            assert_eq!(count_of(&body), None, "{count}");
        }
    }
}
