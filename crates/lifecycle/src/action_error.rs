use std::fmt;

use crate::Refusal;

/// Why [`crate::Catalog::apply`] or [`crate::Catalog::check`] changed nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActionError {
    /// No version has this id (it may have been deleted meanwhile).
    NotFound { id: String },
    /// The rules do not allow the action on this version.
    Refused(Refusal),
    /// An id the caller chose for a new version or journey already belongs to one.
    IdInUse { id: String },
}

impl fmt::Display for ActionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ActionError::NotFound { id } => {
                write!(f, "This journey version no longer exists (id {id}).")
            }
            ActionError::Refused(refusal) => refusal.fmt(f),
            ActionError::IdInUse { id } => write!(f, "The id {id} is already in use."),
        }
    }
}

impl std::error::Error for ActionError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ActionError::Refused(refusal) => Some(refusal),
            ActionError::NotFound { .. } | ActionError::IdInUse { .. } => None,
        }
    }
}

impl From<Refusal> for ActionError {
    fn from(refusal: Refusal) -> Self {
        ActionError::Refused(refusal)
    }
}
