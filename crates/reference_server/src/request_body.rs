//! Request bodies, taken by the handler as the framework read them or why it
//! could not, so that a change is judged in the contract's order: the token
//! (`401`) and the role (`403`) come before anything about the body, and a
//! body that is too large or cannot be read is answered in the contract's
//! error shape, not in the framework's plain text.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::http::StatusCode;

use crate::failure::Failure;

/// The largest body the server reads: 2 MiB, the framework's default limit.
/// A change's body is a few hundred bytes at most.
pub(crate) const LIMIT: usize = 2 * 1024 * 1024;

/// The body: `413` (in the error shape, code `bad_request`) above [`LIMIT`],
/// `400` if it could not be read.
pub(crate) fn read(body: Result<Bytes, BytesRejection>) -> Result<Bytes, Failure> {
    body.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            Failure::too_large(format!(
                "The request body is larger than this server takes ({LIMIT} bytes, 2 MiB)."
            ))
        } else {
            Failure::bad_request(format!(
                "The request body could not be read: {}",
                rejection.body_text()
            ))
        }
    })
}
