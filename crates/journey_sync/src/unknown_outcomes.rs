//! Changes an attempt of which went unanswered, by idempotency key: the
//! server may have carried them out.
//!
//! A later attempt with the same key that the server turned away before
//! looking at the key (too busy, a sign-in it did not accept, a role that does
//! not allow it) says nothing of the unanswered one. Taken at its word
//! ("nothing was changed"), it would show the change undone and let the next
//! try go out with a new key, and so make the change twice. Every way of
//! sending a change (a dialog, a menu action, a bulk run) keeps its key while
//! the outcome may be unknown, so this sits where they all send.

use crate::BackendError;

/// A list, not a set: a few keys at most, and no hashing code for them.
#[derive(Debug, Default)]
pub struct UnknownOutcomes {
    keys: Vec<String>,
}

impl UnknownOutcomes {
    pub fn new() -> UnknownOutcomes {
        UnknownOutcomes::default()
    }

    /// An attempt of the change sent with `key` failed with `failure`.
    pub fn attempt_failed(&mut self, key: &str, failure: &BackendError) {
        if failure.may_have_been_applied() {
            self.remember(key);
        }
    }

    /// The change sent with `key` ended in `result`: returned as the caller
    /// is to take it. Once the server has looked at the key (it answered
    /// the change, or refused it with the key in hand), the key is known.
    pub fn ended<T>(
        &mut self,
        key: &str,
        result: Result<T, BackendError>,
    ) -> Result<T, BackendError> {
        match result {
            Err(error) if error.may_have_been_applied() => {
                self.remember(key);
                Err(error)
            }
            Err(error) if error.kind.turned_away() && self.keys.iter().any(|k| k == key) => {
                Err(error.after_an_unanswered_attempt())
            }
            known => {
                self.keys.retain(|k| k != key);
                known
            }
        }
    }

    fn remember(&mut self, key: &str) {
        if !self.keys.iter().any(|k| k == key) {
            self.keys.push(key.to_owned());
        }
    }
}

#[cfg(test)]
mod tests {
    use wording::Phrase;

    use super::*;
    use crate::english::english;
    use crate::{error_from_answer, ErrorKind};

    fn unanswered() -> BackendError {
        BackendError::unreachable("/api", "connection reset")
    }

    fn answered(status: u16) -> BackendError {
        let now = chrono::DateTime::UNIX_EPOCH;
        error_from_answer(status, None, Some("120"), "", now)
    }

    #[test]
    fn a_turned_away_answer_after_an_unanswered_attempt_may_have_been_applied() {
        for (status, reason) in [
            (
                429,
                "The server is busy (HTTP 429 Too Many Requests) and asks to wait 2 minutes.",
            ),
            (
                401,
                "The server did not accept your sign-in: sign in again.",
            ),
            (
                403,
                "You are not allowed to do this: your role does not allow it.",
            ),
        ] {
            let mut outcomes = UnknownOutcomes::new();
            outcomes.attempt_failed("k1", &unanswered());
            let error = outcomes
                .ended::<()>("k1", Err(answered(status)))
                .unwrap_err();
            assert!(error.may_have_been_applied(), "{status}");
            let said = english(&error.message);
            assert!(said.contains(reason), "{status}: {said}");
            assert!(said.contains("may have made this change"), "{said}");
            assert!(!said.contains("Nothing was changed"), "{said}");
        }
    }

    #[test]
    fn the_key_stays_unknown_across_sends_until_the_server_looks_at_it() {
        let mut outcomes = UnknownOutcomes::new();
        assert!(outcomes.ended::<()>("k1", Err(unanswered())).is_err());
        // The user tries again: turned away once more, still unknown.
        let again = outcomes.ended::<()>("k1", Err(answered(429))).unwrap_err();
        assert!(again.may_have_been_applied());
        // Answered with the key in hand: known from then on.
        assert_eq!(outcomes.ended("k1", Ok(())), Ok(()));
        let after = outcomes.ended::<()>("k1", Err(answered(429))).unwrap_err();
        assert!(!after.may_have_been_applied());
        assert_eq!(after.kind, ErrorKind::Busy);
    }

    #[test]
    fn a_refusal_made_with_the_key_in_hand_is_the_servers_word() {
        let mut outcomes = UnknownOutcomes::new();
        outcomes.attempt_failed("k1", &unanswered());
        // A server that had carried it out would answer as it did then.
        let refused = outcomes.ended::<()>("k1", Err(answered(412))).unwrap_err();
        assert_eq!(refused.kind, ErrorKind::Conflict);
        assert!(!refused.may_have_been_applied());
        let busy = outcomes.ended::<()>("k1", Err(answered(429))).unwrap_err();
        assert!(!busy.may_have_been_applied());
    }

    #[test]
    fn a_turned_away_answer_to_a_change_never_unanswered_is_as_the_server_said() {
        let mut outcomes = UnknownOutcomes::new();
        outcomes.attempt_failed("other", &unanswered());
        let error = answered(401);
        let said = outcomes.ended::<()>("k1", Err(error.clone())).unwrap_err();
        assert_eq!(said, error);
        let refused = BackendError::new(ErrorKind::Forbidden, Phrase::new("sync-not-allowed"));
        outcomes.attempt_failed("k2", &refused);
        assert!(!outcomes
            .ended::<()>("k2", Err(answered(429)))
            .unwrap_err()
            .may_have_been_applied());
    }
}
