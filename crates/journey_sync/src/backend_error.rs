//! Why a backend call did not succeed, in words for the marketer: what happened
//! and whether anything was lost.

use std::fmt;
use std::time::Duration;

use lifecycle::JourneyVersion;

use wording::{Arg, Locale, Phrase, Wording};

use crate::in_words::{duration_in_words, size_in_words};

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
    /// The server made the change (it answered 2xx), but its answer could
    /// not be used.
    MadeAnswerUnusable,
}

impl ErrorKind {
    /// Whether a change that ended in this error may have been carried out
    /// all the same: no answer came, the server failed mid-way, or its answer
    /// could not be read. Retrying such a change must reuse its idempotency
    /// key; after any other answer nothing was changed.
    pub fn may_have_been_applied(self) -> bool {
        match self {
            ErrorKind::Unreachable
            | ErrorKind::Server
            | ErrorKind::BadResponse
            | ErrorKind::MadeAnswerUnusable => true,
            ErrorKind::Refused
            | ErrorKind::Conflict
            | ErrorKind::NotFound
            | ErrorKind::Unauthorized
            | ErrorKind::Forbidden
            | ErrorKind::Busy => false,
        }
    }

    /// Whether the server turned the request away before looking at its
    /// idempotency key: too busy, a sign-in it did not accept, a role that
    /// does not allow it. Such an answer says nothing of an earlier attempt
    /// with the same key, which it may have carried out.
    pub fn turned_away(self) -> bool {
        matches!(
            self,
            ErrorKind::Busy | ErrorKind::Unauthorized | ErrorKind::Forbidden
        )
    }
}

/// A backend's refusal or failure, in words for the marketer.
#[derive(Clone, Debug, PartialEq)]
pub struct BackendError {
    pub kind: ErrorKind,
    /// What to tell the marketer; never empty.
    pub message: Phrase,
    /// The version as the server has it now, when it said.
    pub current: Option<Box<JourneyVersion>>,
    /// How long the server asked the console to wait before trying again
    /// (`Retry-After` on a 429 or 503).
    pub retry_after: Option<Duration>,
    /// Turned away after an earlier attempt with the same idempotency key
    /// went unanswered ([`BackendError::after_an_unanswered_attempt`]).
    pub after_unanswered: bool,
}

impl BackendError {
    pub fn new(kind: ErrorKind, message: Phrase) -> BackendError {
        BackendError {
            kind,
            message,
            current: None,
            retry_after: None,
            after_unanswered: false,
        }
    }

    /// Whether the change that ended in this error may have been carried out
    /// all the same ([`ErrorKind::may_have_been_applied`], or an earlier
    /// attempt of it went unanswered): a retry must reuse its key.
    pub fn may_have_been_applied(&self) -> bool {
        self.kind.may_have_been_applied() || self.after_unanswered
    }

    /// The same error, turned away ([`ErrorKind::turned_away`]) after an
    /// earlier attempt with the same key ended without a known outcome: the
    /// server may have carried that one out, so it says so instead of
    /// "nothing was changed", and then why the last attempt was turned away.
    pub fn after_an_unanswered_attempt(mut self) -> BackendError {
        let said = match (self.kind, self.retry_after) {
            (ErrorKind::Busy, Some(wait)) => {
                Phrase::new("sync-busy-asks-wait").with("wait", duration_in_words(wait))
            }
            (ErrorKind::Busy, None) => Phrase::new("sync-busy-now"),
            // A sign-in or a role refused: said as the server said it, with
            // nothing in it about what was changed.
            _ => self.message,
        };
        self.message = Phrase::new("sync-turned-away-after-no-answer").with("said", said);
        self.after_unanswered = true;
        self
    }

    /// No connection, or no answer in time: `why` says which (a phrase of
    /// the catalog, or what the browser said, as text).
    pub fn unreachable(api_base: &str, why: impl Into<Arg>) -> BackendError {
        BackendError::new(
            ErrorKind::Unreachable,
            Phrase::new("sync-unreachable")
                .with("server", api_base)
                .with("why", why),
        )
    }

    /// No whole answer (headers and body) came within `deadline`.
    pub fn timed_out(api_base: &str, deadline: Duration) -> BackendError {
        BackendError::unreachable(
            api_base,
            Phrase::new("sync-no-whole-answer").with("wait", duration_in_words(deadline)),
        )
    }

    /// The server answered, but not with something this console can use; `what`
    /// completes "The server's answer was not usable: …".
    pub fn bad_response(what: Phrase) -> BackendError {
        BackendError::new(
            ErrorKind::BadResponse,
            Phrase::new("sync-bad-response").with("what", what),
        )
    }

    /// An answer larger than any journey data this console can show.
    pub fn too_large(max_bytes: usize) -> BackendError {
        BackendError::bad_response(
            Phrase::new("sync-answer-too-large").with("size", size_in_words(max_bytes)),
        )
    }

    /// The same error, said of the answer to a change the server made (it
    /// answered 2xx): an answer that was not usable does not mean that
    /// nothing was changed.
    pub fn about_a_change_made(mut self) -> BackendError {
        if self.kind == ErrorKind::BadResponse {
            self.kind = ErrorKind::MadeAnswerUnusable;
            self.message.id = "sync-change-made-answer-unusable";
        }
        self
    }

    /// The same error, carrying the version as the server has it now.
    pub fn with_current(mut self, current: JourneyVersion) -> BackendError {
        self.current = Some(Box::new(current));
        self
    }
}

/// For logs: the message in English.
impl fmt::Display for BackendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Wording::new(Locale::English).say(&self.message))
    }
}

impl std::error::Error for BackendError {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::english::english;

    #[test]
    fn unreachable_names_the_server_and_says_nothing_was_lost() {
        let error = BackendError::timed_out("https://api.example.com/v1", Duration::from_secs(15));
        assert_eq!(error.kind, ErrorKind::Unreachable);
        assert_eq!(
            english(&error.message),
            "The server at https://api.example.com/v1 could not be reached (no whole answer \
             within 15 seconds). Check the connection and try again; nothing was lost."
        );
        assert_eq!(error.current, None);
        assert_eq!(error.retry_after, None);
        let error = BackendError::unreachable("/api", "Failed to fetch");
        assert_eq!(
            english(&error.message),
            "The server at /api could not be reached (Failed to fetch). Check the connection \
             and try again; nothing was lost."
        );
    }

    #[test]
    fn bad_response_says_nothing_was_changed() {
        let error = BackendError::bad_response(Phrase::new("sync-sent-html").with("status", "200"));
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
        let message = english(&error.message);
        assert!(message.contains("larger than 32 MB"), "{message}");
    }
}
