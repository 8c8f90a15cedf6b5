use serde::{Deserialize, Serialize};

/// Something beyond the seed's actions that a server offers, listed in
/// `GET {apiBase}/me`. A console offers an action only if the server lists it,
/// so it keeps working against servers that predate it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Feature {
    /// `POST …/pause` and `POST …/resume`, and the status `paused`.
    Pause,
    /// `PUT` and `DELETE …/scheduled-finish`.
    ScheduledFinish,
    /// A feature this console does not know (from a newer server).
    #[serde(other)]
    Unknown,
}
