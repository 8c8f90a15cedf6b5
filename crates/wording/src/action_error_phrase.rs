use lifecycle::ActionError;

use crate::{refusal_phrase, Phrase};

/// Why the catalog changed nothing: the rules' refusal, or a version that is
/// gone or an id that is taken.
pub fn action_error_phrase(error: &ActionError) -> Phrase {
    match error {
        ActionError::Refused(refusal) => refusal_phrase(refusal),
        ActionError::NotFound { id } => {
            Phrase::new("action-error-not-found").with("id", id.as_str())
        }
        ActionError::IdInUse { id } => {
            Phrase::new("action-error-id-in-use").with("id", id.as_str())
        }
    }
}
