//! The demo data of several browser tabs sharing one localStorage entry.
//!
//! Each tab keeps its own copy, acts on it and writes it back; a tab that
//! writes must not undo what another tab wrote meanwhile. So a tab never
//! overwrites the stored data: it merges its copy with it, version by version,
//! and the newer lifecycle wins. Customer counts are not lifecycle: each tab
//! simulates its own, and a tie keeps the tab's own counts.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use lifecycle::{ActionError, Applied, Catalog, Command, JourneyVersion, Outcome};
use serde::{Deserialize, Serialize};

/// Which data set the tabs share. Resetting the demo data starts a new epoch;
/// data of different epochs is never mixed, and the newer epoch (the later
/// `started_at`, then the higher `nonce`, so two resets in the same millisecond
/// still agree on a winner) is taken whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Epoch {
    #[serde(deserialize_with = "lifecycle::rfc3339::deserialize")]
    pub started_at: DateTime<Utc>,
    /// Random, chosen by the tab that reset.
    pub nonce: u64,
}

/// One tab's copy of the shared demo data, as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TabData {
    pub epoch: Epoch,
    pub catalog: Catalog,
    /// Ids of deleted versions, with the revision they had when deleted: a copy
    /// of the version at that revision or lower is the deleted one and stays
    /// gone. Kept for the whole epoch (deletions are few).
    #[serde(default)]
    pub deleted: BTreeMap<String, u64>,
}

impl TabData {
    pub fn new(epoch: Epoch, catalog: Catalog) -> TabData {
        TabData {
            epoch,
            catalog,
            deleted: BTreeMap::new(),
        }
    }

    /// Takes an action on this copy, recording a deletion so that merging
    /// with a copy that still has the version does not bring it back.
    pub fn apply(
        &mut self,
        id: &str,
        command: Command,
        by: &str,
        at: DateTime<Utc>,
    ) -> Result<Applied, ActionError> {
        let revision = self.catalog.get(id).map(|version| version.revision);
        let applied = self.catalog.apply(id, command, by, at)?;
        if let (Outcome::Deleted { id }, Some(revision)) = (&applied.outcome, revision) {
            let known = self.deleted.entry(id.clone()).or_insert(revision);
            *known = (*known).max(revision);
        }
        Ok(applied)
    }
}

/// The result of merging two copies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merged {
    pub data: TabData,
    /// Ours had lifecycle news theirs lacked: the tab writes `data` back.
    pub ours_newer: bool,
    /// Theirs had news ours lacked: the tab redraws from `data`.
    pub theirs_newer: bool,
}

/// Merges our copy with theirs (the stored one, or another tab's).
///
/// Per version: the higher `revision` wins; at an equal revision with the same
/// lifecycle ours is kept (our counts); at an equal revision with a different
/// lifecycle (two tabs acted at once) a fixed order decides, so that both tabs
/// pick the same winner. A version on one side only is kept unless deleted at
/// that revision or later.
pub fn merge(ours: &TabData, theirs: &TabData) -> Merged {
    match ours.epoch.cmp(&theirs.epoch) {
        Ordering::Greater => {
            return Merged {
                data: ours.clone(),
                ours_newer: true,
                theirs_newer: false,
            }
        }
        Ordering::Less => {
            return Merged {
                data: theirs.clone(),
                ours_newer: false,
                theirs_newer: true,
            }
        }
        Ordering::Equal => {}
    }
    let mut deleted = ours.deleted.clone();
    for (id, &revision) in &theirs.deleted {
        let known = deleted.entry(id.clone()).or_insert(revision);
        *known = (*known).max(revision);
    }
    let mut catalog = ours.catalog.clone();
    let mut ours_newer = deleted != theirs.deleted;
    let mut theirs_newer = deleted != ours.deleted;
    let ids: BTreeSet<&str> = ours
        .catalog
        .versions()
        .chain(theirs.catalog.versions())
        .map(|version| version.id.as_str())
        .collect();
    for id in ids {
        let mine = ours.catalog.get(id);
        let other = theirs.catalog.get(id);
        let winner = match (mine, other) {
            (Some(mine), Some(other)) => match lifecycle_order(mine, other) {
                Ordering::Less => Side::Theirs(other),
                Ordering::Greater => Side::Ours(mine),
                Ordering::Equal => Side::Both,
            },
            (Some(mine), None) => Side::Ours(mine),
            (None, Some(other)) => Side::Theirs(other),
            (None, None) => continue,
        };
        let revision = match winner {
            Side::Ours(version) | Side::Theirs(version) => version.revision,
            Side::Both => mine.map_or(0, |version| version.revision),
        };
        if deleted.get(id).is_some_and(|&at| at >= revision) {
            if mine.is_some() {
                catalog.remove(id);
                theirs_newer = true;
            }
            ours_newer |= other.is_some();
            continue;
        }
        match winner {
            Side::Theirs(version) => {
                // Removed first so that none of our history stays behind.
                catalog.remove(id);
                catalog.upsert(version.clone());
                let history = theirs.catalog.history(id);
                if !history.is_empty() {
                    catalog.set_history(id, history.to_vec());
                }
                theirs_newer = true;
            }
            Side::Ours(_) => ours_newer = true,
            Side::Both => {}
        }
    }
    Merged {
        data: TabData {
            epoch: ours.epoch,
            catalog,
            deleted,
        },
        ours_newer,
        theirs_newer,
    }
}

enum Side<'a> {
    Ours(&'a JourneyVersion),
    Theirs(&'a JourneyVersion),
    /// The same lifecycle on both sides.
    Both,
}

/// Orders two copies of a version by their lifecycle, counts left out: the
/// revision first, then (for two tabs that acted at once) the status, ended
/// beating running and stopped beating finished, then every other field of
/// the lifecycle (a pause's terms, a scheduled finish's time among them), so
/// that the order is total and both tabs agree.
fn lifecycle_order(a: &JourneyVersion, b: &JourneyVersion) -> Ordering {
    let key = |v: &JourneyVersion| {
        (
            v.revision,
            v.status,
            v.updated_at,
            v.stopped_at,
            v.finished_at,
            v.published_at,
            v.created_at,
            v.version,
        )
    };
    key(a).cmp(&key(b)).then_with(|| {
        fn rest(v: &JourneyVersion) -> impl Ord + '_ {
            (
                &v.updated_by,
                &v.stop_reason,
                &v.name,
                &v.journey_id,
                &v.pause,
                &v.scheduled_finish,
            )
        }
        rest(a).cmp(&rest(b))
    })
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};
    use lifecycle::Status;

    use super::*;

    fn at(minutes: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 3, 3, 9, 0, 0).unwrap() + Duration::minutes(minutes)
    }

    fn epoch(nonce: u64) -> Epoch {
        Epoch {
            started_at: at(0),
            nonce,
        }
    }

    fn data() -> TabData {
        let mut catalog = Catalog::new([
            JourneyVersion::draft("a-v1", "a", "Welcome", 1, "Ana", at(0)),
            JourneyVersion::draft("b-v1", "b", "Spring sale", 1, "Ana", at(0)),
        ]);
        catalog
            .apply("a-v1", Command::Publish, "Ana", at(1))
            .unwrap();
        TabData::new(epoch(1), catalog)
    }

    #[test]
    fn the_higher_revision_wins_and_says_who_is_newer() {
        let stored = data();
        let mut tab = stored.clone();
        tab.apply("a-v1", Command::Finish, "Jonas", at(2)).unwrap();
        let merged = merge(&tab, &stored);
        assert_eq!(
            merged.data.catalog.get("a-v1").unwrap().status,
            Status::Finished
        );
        assert!(merged.ours_newer && !merged.theirs_newer);
        let merged = merge(&stored, &tab);
        assert_eq!(
            merged.data.catalog.get("a-v1").unwrap().status,
            Status::Finished
        );
        assert!(!merged.ours_newer && merged.theirs_newer);
        assert_eq!(merged.data.catalog.history("a-v1").len(), 2);
    }

    #[test]
    fn an_equal_revision_keeps_our_counts() {
        let stored = data();
        let mut tab = stored.clone();
        let mut version = tab.catalog.get("a-v1").unwrap().clone();
        version.stats.entered = 10;
        version.stats.active = 10;
        tab.catalog.upsert(version);
        let merged = merge(&tab, &stored);
        assert_eq!(merged.data.catalog.get("a-v1").unwrap().stats.entered, 10);
        assert!(!merged.ours_newer && !merged.theirs_newer);
    }

    /// Two tabs take `one` and `other` on the same version at the same
    /// moment as the same person: merged either way round, they keep the
    /// same copy (what `read` takes of it).
    fn both_ways_agree<T: PartialEq + std::fmt::Debug>(
        one: Command,
        other: Command,
        read: impl Fn(&JourneyVersion) -> T,
    ) {
        let stored = data();
        let (mut first, mut second) = (stored.clone(), stored);
        first.apply("a-v1", one, "You", at(5)).unwrap();
        second.apply("a-v1", other, "You", at(5)).unwrap();
        let kept = |merged: Merged| read(merged.data.catalog.get("a-v1").unwrap());
        assert_eq!(kept(merge(&first, &second)), kept(merge(&second, &first)));
    }

    #[test]
    fn two_tabs_that_set_a_different_schedule_or_pause_at_once_agree_on_one() {
        let schedule = |minutes| Command::ScheduleFinish { at: at(minutes) };
        both_ways_agree(schedule(100), schedule(200), |version| {
            version.scheduled_finish.clone()
        });
        let pause = |days: i64| Command::Pause {
            customers: lifecycle::PauseCustomers::Hold,
            until: at(days * 24 * 60),
            at_end: lifecycle::PauseEnd::Resume,
        };
        both_ways_agree(pause(2), pause(3), |version| version.pause.clone());
    }

    #[test]
    fn a_deletion_stays_deleted_but_not_over_a_later_publish() {
        let stored = data();
        let mut tab = stored.clone();
        tab.apply("b-v1", Command::Delete, "Ana", at(3)).unwrap();
        let merged = merge(&tab, &stored);
        assert!(merged.data.catalog.get("b-v1").is_none());
        assert!(merged.ours_newer);
        let merged = merge(&stored, &tab);
        assert!(merged.data.catalog.get("b-v1").is_none());
        assert!(merged.theirs_newer);

        let mut other = stored.clone();
        other
            .apply("b-v1", Command::Publish, "Jonas", at(3))
            .unwrap();
        let merged = merge(&tab, &other);
        assert_eq!(
            merged.data.catalog.get("b-v1").unwrap().status,
            Status::Live
        );
    }

    #[test]
    fn the_newer_epoch_is_taken_whole() {
        let old = data();
        let mut reset = TabData::new(epoch(2), Catalog::default());
        reset.epoch.started_at = at(10);
        let merged = merge(&old, &reset);
        assert_eq!(merged.data, reset);
        assert!(merged.theirs_newer && !merged.ours_newer);
        let merged = merge(&reset, &old);
        assert_eq!(merged.data, reset);
        assert!(merged.ours_newer && !merged.theirs_newer);
    }

    #[test]
    fn stored_data_reads_back_as_written() {
        let mut tab = data();
        tab.apply("b-v1", Command::Delete, "Ana", at(3)).unwrap();
        let json = serde_json::to_string(&tab).unwrap();
        let read: TabData = serde_json::from_str(&json).unwrap();
        assert_eq!(read, tab);
    }
}
