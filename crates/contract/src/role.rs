use lifecycle::Action;
use serde::{Deserialize, Serialize};

/// What a bearer token may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Reads only.
    Viewer,
    /// Reads, and may finish, stop, pause and resume journeys and schedule
    /// their finish.
    Operator,
    /// Everything.
    Admin,
}

impl Role {
    pub fn may(self, action: Action) -> bool {
        match self {
            Role::Viewer => false,
            Role::Operator => operates(action),
            Role::Admin => true,
        }
    }
}

/// What an operator may do: control running journeys, not edit them.
fn operates(action: Action) -> bool {
    matches!(
        action,
        Action::Finish
            | Action::Stop
            | Action::Pause
            | Action::Resume
            | Action::ScheduleFinish
            | Action::CancelScheduledFinish
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viewer_reads_only_operator_controls_running_journeys_admin_does_everything() {
        use Action::*;
        let operated = [
            Finish,
            Stop,
            Pause,
            Resume,
            ScheduleFinish,
            CancelScheduledFinish,
        ];
        for action in Action::ALL {
            assert!(!Role::Viewer.may(action), "{action:?}");
            assert!(Role::Admin.may(action), "{action:?}");
            assert_eq!(
                Role::Operator.may(action),
                operated.contains(&action),
                "{action:?}"
            );
        }
    }
}
