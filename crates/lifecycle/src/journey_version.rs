use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{Pause, PauseEnd, Phase, ScheduledFinish, Stats, Status};

/// One version of a journey, as the console shows it and as the HTTP API carries it.
///
/// Versions of the same journey share `journey_id` and are numbered from 1 by
/// `version`. Published versions are never edited; a change is a new version.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JourneyVersion {
    pub id: String,
    pub journey_id: String,
    pub name: String,
    pub version: u32,
    pub status: Status,
    /// Grows by at least one on every lifecycle change of this version (publish,
    /// finish, stop, and being finished because another version was published), so
    /// a client can send it back with a change and be refused if someone else acted
    /// first.
    ///
    /// Customer counts moving is an observation, not an edit, and leaves `revision`
    /// alone: on a live journey the counts change every second, and if they bumped
    /// the revision almost every action sent with it would be rejected as stale.
    /// Freshness of what a client shows is a separate matter, judged from the
    /// content (counts included) where responses are built.
    pub revision: u64,
    #[serde(deserialize_with = "crate::rfc3339::deserialize")]
    pub created_at: DateTime<Utc>,
    /// When the lifecycle last changed; like `revision`, counts do not touch it.
    #[serde(deserialize_with = "crate::rfc3339::deserialize")]
    pub updated_at: DateTime<Utc>,
    #[serde(default, deserialize_with = "crate::rfc3339::option")]
    pub published_at: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "crate::rfc3339::option")]
    pub finished_at: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "crate::rfc3339::option")]
    pub stopped_at: Option<DateTime<Utc>>,
    pub updated_by: String,
    pub stop_reason: Option<String>,
    pub stats: Stats,
    /// Set while the version is paused, and only then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pause: Option<Pause>,
    /// A finish set to happen by itself; only on a live or paused version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheduled_finish: Option<ScheduledFinish>,
}

impl JourneyVersion {
    /// A new draft with no customers, at revision 1.
    pub fn draft(
        id: impl Into<String>,
        journey_id: impl Into<String>,
        name: impl Into<String>,
        version: u32,
        by: impl Into<String>,
        at: DateTime<Utc>,
    ) -> Self {
        JourneyVersion {
            id: id.into(),
            journey_id: journey_id.into(),
            name: name.into(),
            version,
            status: Status::Draft,
            revision: 1,
            created_at: at,
            updated_at: at,
            published_at: None,
            finished_at: None,
            stopped_at: None,
            updated_by: by.into(),
            stop_reason: None,
            stats: Stats::default(),
            pause: None,
            scheduled_finish: None,
        }
    }

    /// The scheduled finish, when it falls due before a pause ending at
    /// `until` would end: the finish then comes first ([`pause_comes_first`],
    /// `Catalog::run_due`), and what was chosen for the pause's end never
    /// happens.
    pub fn finish_before_pause_ends(&self, until: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let at = self.scheduled_finish.as_ref()?.at;
        (!pause_comes_first(until, at)).then_some(at)
    }

    /// When the version's pause ends and stops it, if that comes before a
    /// finish scheduled for `at`: the finish then never happens.
    pub fn stopped_before_finish(&self, at: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let pause = self.pause_now()?;
        stops_first(pause.until, pause.at_end, at).then_some(pause.until)
    }

    /// The scheduled finish that a pause ending at `until`, then doing
    /// `at_end`, would stop the journey before: that finish never happens.
    pub fn finish_after_pause_stops(
        &self,
        until: DateTime<Utc>,
        at_end: PauseEnd,
    ) -> Option<DateTime<Utc>> {
        let at = self.scheduled_finish.as_ref()?.at;
        stops_first(until, at_end, at).then_some(at)
    }

    /// The pause, while the version is paused. The contract has a server
    /// drop it once the version moves on; one left behind (a server's slip)
    /// is not shown as if it were in force.
    pub fn pause_now(&self) -> Option<&Pause> {
        self.pause
            .as_ref()
            .filter(|_| self.status == Status::Paused)
    }

    /// The scheduled finish, while it can still happen: on a live or paused
    /// version (one left behind on an ended version is not shown).
    pub fn finish_ahead(&self) -> Option<&ScheduledFinish> {
        self.scheduled_finish
            .as_ref()
            .filter(|_| self.status.is_running())
    }

    /// Which of a pause being set (ending at `until`, then doing `at_end`)
    /// and the version's scheduled finish keeps the other from happening,
    /// if either does: what the Pause dialogs say.
    pub fn pause_against_finish(
        &self,
        until: DateTime<Utc>,
        at_end: PauseEnd,
    ) -> Option<PauseAgainstFinish> {
        match self.finish_before_pause_ends(until) {
            Some(at) => Some(PauseAgainstFinish::FinishFirst(at)),
            None => self
                .finish_after_pause_stops(until, at_end)
                .map(PauseAgainstFinish::StoppedFirst),
        }
    }

    /// Finished, with customers still completing their path.
    pub fn is_finishing(&self) -> bool {
        self.status == Status::Finished && self.stats.active > 0
    }

    pub fn phase(&self) -> Phase {
        match self.status {
            Status::Draft => Phase::Draft,
            Status::Live => Phase::Live,
            // A paused version always has its pause; one without (a server's
            // slip) is shown ending when it began, never as live.
            Status::Paused => Phase::Paused {
                held: self.stats.active,
                until: self
                    .pause
                    .as_ref()
                    .map_or(self.updated_at, |pause| pause.until),
            },
            Status::Finished if self.stats.active > 0 => Phase::Finishing {
                active: self.stats.active,
            },
            Status::Finished => Phase::Finished,
            Status::Stopped => Phase::Stopped,
        }
    }

    /// Records a lifecycle change: who, when, and a higher revision.
    pub(crate) fn touch(&mut self, by: &str, at: DateTime<Utc>) {
        self.revision = self.revision.saturating_add(1);
        self.updated_at = at;
        self.updated_by = by.to_owned();
    }
}

/// A pause being set against the version's scheduled finish
/// ([`JourneyVersion::pause_against_finish`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PauseAgainstFinish {
    /// The finish, scheduled for this time, comes before the pause would
    /// end: the journey finishes then, and the pause's end never happens.
    FinishFirst(DateTime<Utc>),
    /// The pause ends first and stops the journey: the finish scheduled for
    /// this time never happens.
    StoppedFirst(DateTime<Utc>),
}

/// Whether a pause ending at `until` falls due before a finish scheduled for
/// `finish_at`: on a tie, the pause's end comes first.
pub(crate) fn pause_comes_first(until: DateTime<Utc>, finish_at: DateTime<Utc>) -> bool {
    until <= finish_at
}

/// Whether a pause ending at `until`, then doing `at_end`, stops the
/// journey before a finish scheduled for `finish_at` would finish it.
fn stops_first(until: DateTime<Utc>, at_end: PauseEnd, finish_at: DateTime<Utc>) -> bool {
    at_end == PauseEnd::Stop && pause_comes_first(until, finish_at)
}
