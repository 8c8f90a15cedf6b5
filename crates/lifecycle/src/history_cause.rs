use serde::{Deserialize, Serialize};

/// Why the rules themselves made a history entry, beside its `reason` text:
/// a console says it in its user's language, and `reason` keeps the English
/// for whoever reads only that.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum HistoryCause {
    /// Finished because version `version` of the journey was published.
    ReplacedBy { version: u32 },
    /// Created as the next version of version `version`.
    CreatedFrom { version: u32 },
    /// Created as a copy of version `version` of the journey called `name`.
    DuplicatedFrom { name: String, version: u32 },
}

impl HistoryCause {
    /// The entry's `reason`, as the contract has always written it.
    pub fn reason(&self) -> String {
        match self {
            HistoryCause::ReplacedBy { version } => format!("Replaced by version {version}"),
            HistoryCause::CreatedFrom { version } => format!("Created from version {version}"),
            HistoryCause::DuplicatedFrom { name, version } => {
                format!("Duplicated from \"{name}\", version {version}")
            }
        }
    }
}
