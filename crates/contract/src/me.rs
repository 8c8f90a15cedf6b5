use serde::{Deserialize, Serialize};

use crate::{Feature, Role};

/// `GET {apiBase}/me`: who the bearer token is, so the console offers only
/// what the server will allow (a viewer sees no Finish or Stop). A server
/// without this endpoint answers 404, and the console offers everything and
/// relies on the server's 403.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Me {
    pub name: String,
    pub role: Role,
    /// What the server offers beyond finishing and stopping; absent from
    /// servers that offer nothing more.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub features: Vec<Feature>,
}

impl Me {
    pub fn offers(&self, feature: Feature) -> bool {
        self.features.contains(&feature)
    }
}
