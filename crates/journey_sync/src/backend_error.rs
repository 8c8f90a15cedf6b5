//! Why a backend call did not succeed, in words for the marketer: what happened
//! and whether anything was lost.

use std::fmt;
use std::time::Duration;

use lifecycle::JourneyVersion;

use crate::in_words::size_in_words;

/// Why a backend call did not succeed; decides what the console does next
/// (retry, show the server's `current`, ask to sign in).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// The rules refused the action (409): `current` is the truth.
    Refused,
    /// Someone changed the version first (412): `current` is the truth.
    Conflict,
    NotFound,
    Unauthorized,
    Forbidden,
    /// No connection, or no answer in time.
    Unreachable,
    /// The server failed (5xx).
    Server,
    /// The server asked the console to slow down (429).
    Busy,
    /// The server answered something this console cannot use.
    BadResponse,
}

/// A backend's refusal or failure, in words for the marketer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackendError {
    pub kind: ErrorKind,
    /// Never empty: shown as it is.
    pub message: String,
    /// The version as the server has it now, when it said.
    pub current: Option<Box<JourneyVersion>>,
    /// How long the server asked the console to wait before trying again
    /// (`Retry-After` on a 429 or 503).
    pub retry_after: Option<Duration>,
}

impl BackendError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> BackendError {
        BackendError {
            kind,
            message: message.into(),
            current: None,
            retry_after: None,
        }
    }

    /// No connection, or no answer in time: `why` says which.
    pub fn unreachable(api_base: &str, why: &str) -> BackendError {
        BackendError::new(
            ErrorKind::Unreachable,
            format!(
                "The server at {api_base} could not be reached ({why}). Check the connection \
                 and try again; nothing was lost."
            ),
        )
    }

    /// The server answered, but not with something this console can use; `what`
    /// completes "The server's answer was not usable: …".
    pub fn bad_response(what: &str) -> BackendError {
        BackendError::new(
            ErrorKind::BadResponse,
            format!("The server's answer was not usable: {what}. Nothing was changed."),
        )
    }

    /// An answer larger than any journey data this console can show.
    pub fn too_large(max_bytes: usize) -> BackendError {
        BackendError::bad_response(&format!(
            "its answer is larger than {}",
            size_in_words(max_bytes)
        ))
    }

    /// The same error, carrying the version as the server has it now.
    pub fn with_current(mut self, current: JourneyVersion) -> BackendError {
        self.current = Some(Box::new(current));
        self
    }
}

impl fmt::Display for BackendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for BackendError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unreachable_names_the_server_and_says_nothing_was_lost() {
        let error =
            BackendError::unreachable("https://api.example.com/v1", "no answer within 15 seconds");
        assert_eq!(error.kind, ErrorKind::Unreachable);
        assert_eq!(
            error.message,
            "The server at https://api.example.com/v1 could not be reached (no answer within \
             15 seconds). Check the connection and try again; nothing was lost."
        );
        assert_eq!(error.current, None);
        assert_eq!(error.retry_after, None);
    }

    #[test]
    fn bad_response_says_nothing_was_changed() {
        let error = BackendError::bad_response("it sent an HTML page instead of JSON (HTTP 200)");
        assert_eq!(error.kind, ErrorKind::BadResponse);
        assert_eq!(
            error.to_string(),
            "The server's answer was not usable: it sent an HTML page instead of JSON \
             (HTTP 200). Nothing was changed."
        );
    }

    #[test]
    fn too_large_gives_the_limit_in_megabytes() {
        let error = BackendError::too_large(32 * 1024 * 1024);
        assert_eq!(error.kind, ErrorKind::BadResponse);
        assert!(
            error.message.contains("larger than 32 MB"),
            "{}",
            error.message
        );
    }
}
