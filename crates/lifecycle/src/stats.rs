use serde::{Deserialize, Serialize};

/// Customer counts of one journey version.
///
/// Every customer who entered is in exactly one place: still in the journey
/// (`active`), through to the end (`completed`), or out before the end (`exited`),
/// so `entered == active + completed + exited`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    pub entered: u64,
    /// Customers in the journey now.
    pub active: u64,
    pub completed: u64,
    pub exited: u64,
}

impl Stats {
    /// Whether every customer who entered is counted exactly once.
    pub fn is_consistent(&self) -> bool {
        self.active
            .checked_add(self.completed)
            .and_then(|sum| sum.checked_add(self.exited))
            == Some(self.entered)
    }

    /// Moves everyone still in the journey to `exited`, as a stop or the finishing
    /// timeout does.
    pub(crate) fn exit_everyone(&mut self) {
        self.exited = self.exited.saturating_add(self.active);
        self.active = 0;
    }
}
