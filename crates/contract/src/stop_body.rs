use serde::{Deserialize, Serialize};

/// The body of `POST {apiBase}/journeys/{id}/stop`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StopBody {
    #[serde(default)]
    pub reason: Option<String>,
}
