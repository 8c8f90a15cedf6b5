use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};

use crate::{PauseCustomers, PauseEnd};

/// What a history entry says beside its action, typed: why the rules made it
/// (a replaced version, a pause's end, a schedule) or what a person chose (a
/// pause's terms, a finish's time). A console says it in its user's language;
/// `reason` keeps the English for whoever reads only that.
///
/// Written with its `kind` beside the fields (serde's internally tagged
/// form); read through `cause_fields`, a few KB of wasm instead of serde's
/// 18.8 KB for this form, ignoring what the kind does not use as the derive
/// does.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    tag = "kind",
    try_from = "crate::cause_fields::CauseFields"
)]
pub enum HistoryCause {
    /// Finished because version `version` of the journey was published.
    ReplacedBy { version: u32 },
    /// Created as the next version of version `version`.
    CreatedFrom { version: u32 },
    /// Created as a copy of version `version` of the journey called `name`.
    DuplicatedFrom { name: String, version: u32 },
    /// Paused until `until`, customers held or discarded, then resumed or stopped.
    Paused {
        until: DateTime<Utc>,
        customers: PauseCustomers,
        at_end: PauseEnd,
    },
    /// Resumed or stopped by itself, because the pause `by` set ended.
    PauseEnded { by: String },
    /// A finish was set (or moved) to `at`.
    FinishScheduled { at: DateTime<Utc> },
    /// Finished by itself, on the schedule `by` set.
    ScheduledBy { by: String },
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
            HistoryCause::Paused {
                until,
                customers,
                at_end,
            } => {
                let customers = match customers {
                    PauseCustomers::Hold => "customers held",
                    PauseCustomers::Discard => "customers discarded",
                };
                let then = match at_end {
                    PauseEnd::Resume => "then resumes",
                    PauseEnd::Stop => "then stops",
                };
                format!("Paused until {}, {customers}, {then}", utc(until))
            }
            HistoryCause::PauseEnded { by } => format!("The pause {by} set ended"),
            HistoryCause::FinishScheduled { at } => format!("Finish scheduled for {}", utc(at)),
            HistoryCause::ScheduledBy { by } => format!("On the schedule {by} set"),
        }
    }
}

fn utc(at: &DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}
