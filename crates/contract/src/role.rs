use lifecycle::Action;
use serde::{Deserialize, Serialize};

/// What a bearer token may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Reads only.
    Viewer,
    /// Reads, and may finish and stop journeys.
    Operator,
    /// Everything.
    Admin,
}

impl Role {
    pub fn may(self, action: Action) -> bool {
        match self {
            Role::Viewer => false,
            Role::Operator => matches!(action, Action::Finish | Action::Stop),
            Role::Admin => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viewer_reads_only_operator_ends_journeys_admin_does_everything() {
        for action in Action::ALL {
            assert!(!Role::Viewer.may(action), "{action:?}");
            assert!(Role::Admin.may(action), "{action:?}");
            assert_eq!(
                Role::Operator.may(action),
                matches!(action, Action::Finish | Action::Stop),
                "{action:?}"
            );
        }
    }
}
