use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};

use crate::{PauseCustomers, PauseEnd};

/// What a history entry says beside its action, typed: why the rules made it
/// (a replaced version, a pause's end, a schedule) or what a person chose (a
/// pause's terms, a finish's time). A console says it in its user's language;
/// `reason` keeps the English for whoever reads only that.
///
/// Written with its `kind` beside the fields (serde's internally tagged
/// form). It is read through [`CauseFields`], every field of every kind in
/// one flat struct: serde's own reading of an internally tagged enum buffers
/// each object first and was the largest single function of the console's
/// wasm (16 KB of 1.2 MB); read flat it is a few KB.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    tag = "kind",
    try_from = "CauseFields"
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

/// The kinds of [`HistoryCause`], as written.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
enum CauseKind {
    ReplacedBy,
    CreatedFrom,
    DuplicatedFrom,
    Paused,
    PauseEnded,
    FinishScheduled,
    ScheduledBy,
}

/// A [`HistoryCause`] as read: its kind, and whichever fields came.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CauseFields {
    kind: CauseKind,
    version: Option<u32>,
    name: Option<String>,
    #[serde(default, deserialize_with = "crate::rfc3339::option")]
    until: Option<DateTime<Utc>>,
    customers: Option<PauseCustomers>,
    at_end: Option<PauseEnd>,
    by: Option<String>,
    #[serde(default, deserialize_with = "crate::rfc3339::option")]
    at: Option<DateTime<Utc>>,
}

impl TryFrom<CauseFields> for HistoryCause {
    type Error = MissingField;

    fn try_from(fields: CauseFields) -> Result<HistoryCause, MissingField> {
        let CauseFields {
            kind,
            version,
            name,
            until,
            customers,
            at_end,
            by,
            at,
        } = fields;
        let version = || version.ok_or(MissingField("version"));
        let by = || by.ok_or(MissingField("by"));
        Ok(match kind {
            CauseKind::ReplacedBy => HistoryCause::ReplacedBy {
                version: version()?,
            },
            CauseKind::CreatedFrom => HistoryCause::CreatedFrom {
                version: version()?,
            },
            CauseKind::DuplicatedFrom => HistoryCause::DuplicatedFrom {
                name: name.ok_or(MissingField("name"))?,
                version: version()?,
            },
            CauseKind::Paused => HistoryCause::Paused {
                until: until.ok_or(MissingField("until"))?,
                customers: customers.ok_or(MissingField("customers"))?,
                at_end: at_end.ok_or(MissingField("atEnd"))?,
            },
            CauseKind::PauseEnded => HistoryCause::PauseEnded { by: by()? },
            CauseKind::FinishScheduled => HistoryCause::FinishScheduled {
                at: at.ok_or(MissingField("at"))?,
            },
            CauseKind::ScheduledBy => HistoryCause::ScheduledBy { by: by()? },
        })
    }
}

/// A field the cause's kind needs did not come; said as serde says it.
struct MissingField(&'static str);

impl std::fmt::Display for MissingField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "missing field `{}`", self.0)
    }
}

fn utc(at: &DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}
