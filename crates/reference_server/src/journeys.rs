//! The working copy: every journey version in memory, written through to the
//! store.

use std::cell::Cell;

use chrono::{DateTime, Duration, Utc};
use lifecycle::{
    demo, ActionError, Applied, Catalog, Command, HistoryEntry, JourneyVersion, Simulation,
    SimulationSettings,
};

use crate::entity_tag;
use crate::idempotency::{self, RecordedResponse, Remembered};
use crate::store::{ChangedVersion, Store, StoreError};

pub(crate) struct Journeys {
    catalog: Catalog,
    simulation: Simulation,
    /// The time up to which the simulation has moved the counts.
    advanced_to: DateTime<Utc>,
    /// How far ahead of the wall clock the server's clock is, as saved
    /// (`crate::clock`): zero unless test support moved it.
    clock_ahead: Duration,
    simulating: bool,
    demo: DemoStart,
    store: Store,
    /// `entity_tag::list_hash` of the catalog, until the catalog changes:
    /// every page of every walk through the list needs it.
    list_hash: Cell<Option<u64>>,
    /// `Catalog::next_due`, kept so that every request can ask cheaply whether
    /// a pause ends or a scheduled finish falls due before it is answered.
    next_due: Option<DateTime<Utc>>,
}

/// What a new database (or a reset) starts with.
#[derive(Clone, Copy, Debug)]
pub(crate) struct DemoStart {
    /// Seeds the demo journeys and the simulation.
    pub(crate) seed: u64,
    /// `None` for the dozen demo journeys; otherwise this many generated versions.
    pub(crate) versions: Option<usize>,
}

impl DemoStart {
    fn start(self, now: DateTime<Utc>) -> (Catalog, Simulation) {
        let catalog = match self.versions {
            None => demo::catalog(now, self.seed),
            Some(count) => demo::large_catalog(now, count, self.seed),
        };
        (
            catalog,
            Simulation::new(self.seed, SimulationSettings::default()),
        )
    }
}

impl Journeys {
    /// Carries on from what the store saved, with the server's clock as far
    /// ahead of the wall clock `now` as it was and the counts moved on by the
    /// time the server was down, or starts a new database as `demo` says.
    pub(crate) fn open(
        mut store: Store,
        demo: DemoStart,
        simulating: bool,
        now: DateTime<Utc>,
    ) -> Result<Journeys, StoreError> {
        let (catalog, simulation, advanced_to, clock_ahead) = match store.load()? {
            Some(saved) => (
                saved.catalog,
                saved.simulation,
                saved.advanced_to,
                saved.clock_ahead,
            ),
            None => {
                let (catalog, simulation) = demo.start(now);
                store.replace_all(&catalog, &simulation, now)?;
                (catalog, simulation, now, Duration::zero())
            }
        };
        let now = now.checked_add_signed(clock_ahead).ok_or_else(|| {
            StoreError::Corrupt(format!("the clock is {clock_ahead} ahead, out of range"))
        })?;
        let mut journeys = Journeys {
            catalog,
            simulation,
            advanced_to,
            clock_ahead,
            simulating,
            demo,
            store,
            list_hash: Cell::new(None),
            next_due: None,
        };
        journeys.plan();
        journeys.advance(now);
        Ok(journeys)
    }

    pub(crate) fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// How far ahead of the wall clock the server's clock is, as saved: where
    /// the clock starts when the server does.
    pub(crate) fn clock_ahead(&self) -> Duration {
        self.clock_ahead
    }

    /// Saves how far ahead of the wall clock the server's clock now is
    /// (test support moved it), for a restart to carry on from.
    pub(crate) fn save_clock(&mut self, ahead: Duration) -> Result<(), StoreError> {
        self.store.save_clock(ahead)?;
        self.clock_ahead = ahead;
        Ok(())
    }

    /// What the list's entity tags are made from (see `entity_tag::of_list`).
    pub(crate) fn list_hash(&self) -> u64 {
        if let Some(hash) = self.list_hash.get() {
            return hash;
        }
        let hash = entity_tag::list_hash(&self.catalog);
        self.list_hash.set(Some(hash));
        hash
    }

    /// Moves customers through the journeys up to `now`, carrying out on the way
    /// every pause end and scheduled finish due by then (see [`Self::catch_up`]).
    pub(crate) fn advance(&mut self, now: DateTime<Utc>) {
        self.catch_up(now);
        self.simulate_to(now);
    }

    /// Carries out the pause ends and scheduled finishes due by `now`, each at
    /// its own time with the customers moved up to it, so that no read or
    /// change answered after a due time shows the version as it was before.
    /// With nothing due it costs nothing and leaves the counts alone, so polling
    /// reads still get `304` between ticks.
    pub(crate) fn catch_up(&mut self, now: DateTime<Utc>) {
        while let Some(due) = self.next_due.filter(|due| *due <= now) {
            self.simulate_to(due);
            if let Err(error) = self.run_due(due) {
                // Undone in memory too; the next request or tick tries again.
                eprintln!("A pause end or scheduled finish could not be saved: {error}");
                return;
            }
        }
    }

    /// What the rules carry out by themselves at `due` (`Catalog::run_due`),
    /// saved before anyone is told; on an error nothing has changed.
    fn run_due(&mut self, due: DateTime<Utc>) -> Result<(), StoreError> {
        // Only a version with a pause or a schedule has anything due.
        let before: Vec<(JourneyVersion, Vec<HistoryEntry>)> = self
            .catalog
            .versions()
            .filter(|version| version.pause.is_some() || version.scheduled_finish.is_some())
            .map(|version| (version.clone(), self.catalog.history(&version.id).to_vec()))
            .collect();
        let done = self.catalog.run_due(due);
        self.list_hash.set(None);
        let changed = changed_versions(&self.catalog, done.iter().flat_map(Applied::changed_ids));
        let saved = self.store.save_due(&changed);
        if saved.is_err() {
            for applied in &done {
                self.restore(&before, applied);
            }
        }
        self.plan();
        saved
    }

    /// Moves the customers up to `to`, if the simulation runs.
    fn simulate_to(&mut self, to: DateTime<Utc>) {
        if to <= self.advanced_to {
            return;
        }
        if self.simulating {
            self.simulation
                .advance(&mut self.catalog, to - self.advanced_to, to);
            self.list_hash.set(None);
        }
        self.advanced_to = to;
    }

    /// Notes when the next pause ends or scheduled finish falls due, after
    /// anything that may have set, moved or dropped one.
    fn plan(&mut self) {
        self.next_due = self.catalog.next_due();
    }

    /// Saves the counts as they are now, and forgets expired idempotency keys.
    pub(crate) fn save_counts(&mut self, now: DateTime<Utc>) -> Result<(), StoreError> {
        // Without the simulation no count moves between changes, which are
        // saved as they happen: rewriting every version would only hold the
        // lock (a second for 100,000 versions) and change nothing.
        let moved = self.simulating.then_some(&self.catalog);
        self.store.save_counts(
            moved,
            &self.simulation,
            self.advanced_to,
            now - idempotency::lifetime(),
        )
    }

    /// Starts over as a new database would, at the wall clock's `now`.
    pub(crate) fn reset(&mut self, now: DateTime<Utc>) -> Result<(), StoreError> {
        let (catalog, simulation) = self.demo.start(now);
        self.store.replace_all(&catalog, &simulation, now)?;
        self.clock_ahead = Duration::zero();
        self.list_hash.set(None);
        self.catalog = catalog;
        self.simulation = simulation;
        self.advanced_to = now;
        self.plan();
        Ok(())
    }

    /// What was answered under `key` within its lifetime.
    pub(crate) fn remembered(
        &self,
        key: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<Remembered>, StoreError> {
        self.store.remembered(key, now - idempotency::lifetime())
    }

    /// Takes the action through the rules and saves what changed together with the
    /// response `respond` makes of it, remembered under `key`. On any error nothing
    /// has changed, in memory or in the database.
    pub(crate) fn apply(
        &mut self,
        change: Change<'_>,
        respond: impl FnOnce(&Applied) -> RecordedResponse,
    ) -> Result<RecordedResponse, ChangeError> {
        let before = self.journey_of(change.version_id);
        // Whatever happens below, the list may differ from the one hashed.
        self.list_hash.set(None);
        let applied = self
            .catalog
            .apply(change.version_id, change.command, change.by, change.at)
            .map_err(ChangeError::Refused)?;
        // A pause or schedule may have been set, moved or dropped.
        self.plan();
        let response = respond(&applied);
        let remembered = Remembered {
            key: change.key.to_owned(),
            action: applied.action,
            version_id: change.version_id.to_owned(),
            response: response.clone(),
            at: change.at,
        };
        let changed = changed_versions(&self.catalog, applied.changed_ids());
        if let Err(error) = self.store.save_change(&changed, &remembered) {
            self.restore(&before, &applied);
            self.plan();
            return Err(ChangeError::NotSaved(error));
        }
        Ok(response)
    }

    /// Every version of the journey `version_id` belongs to, with its history:
    /// all that an action on it may change, besides creating new versions.
    fn journey_of(&self, version_id: &str) -> Vec<(JourneyVersion, Vec<HistoryEntry>)> {
        let Some(version) = self.catalog.get(version_id) else {
            return Vec::new();
        };
        self.catalog
            .versions_of(&version.journey_id)
            .map(|version| (version.clone(), self.catalog.history(&version.id).to_vec()))
            .collect()
    }

    /// Puts the versions `applied` changed back as they were in `before`.
    fn restore(&mut self, before: &[(JourneyVersion, Vec<HistoryEntry>)], applied: &Applied) {
        let changed: Vec<String> = applied.changed_ids().map(str::to_owned).collect();
        for id in &changed {
            self.catalog.remove(id);
        }
        for (version, history) in before {
            if changed.contains(&version.id) {
                self.catalog.upsert(version.clone());
                self.catalog.set_history(&version.id, history.clone());
            }
        }
    }
}

/// One change asked for by a client.
pub(crate) struct Change<'a> {
    pub(crate) version_id: &'a str,
    pub(crate) command: Command,
    pub(crate) by: &'a str,
    pub(crate) at: DateTime<Utc>,
    pub(crate) key: &'a str,
}

#[derive(Debug)]
pub(crate) enum ChangeError {
    Refused(ActionError),
    NotSaved(StoreError),
}

/// The versions `ids` as they are now in `catalog` (`None` once deleted),
/// with their histories: what the store saves after a change.
fn changed_versions<'a>(
    catalog: &'a Catalog,
    ids: impl Iterator<Item = &'a str>,
) -> Vec<ChangedVersion<'a>> {
    ids.map(|id| ChangedVersion {
        id,
        now: catalog
            .get(id)
            .map(|version| (version, catalog.history(id))),
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use axum::http::StatusCode;
    use chrono::TimeZone;
    use lifecycle::Status;

    use super::*;
    use crate::Database;

    fn monday() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 3, 3, 9, 0, 0).unwrap()
    }

    fn dozen(seed: u64) -> DemoStart {
        DemoStart {
            seed,
            versions: None,
        }
    }

    #[test]
    fn a_change_that_cannot_be_saved_is_undone() {
        let store = Store::open(&Database::Memory).unwrap();
        let mut journeys = Journeys::open(store, dozen(3), true, monday()).unwrap();
        let before = journeys.catalog().clone();
        let live = before
            .versions()
            .find(|version| version.status == Status::Live)
            .unwrap()
            .id
            .clone();
        let change = |key| Change {
            version_id: &live,
            command: Command::Stop { reason: None },
            by: "Ana Ruiz",
            at: monday(),
            key,
        };
        let ok = |_: &Applied| RecordedResponse::json(StatusCode::OK, "{}".into());
        journeys.apply(change("first"), ok).unwrap();
        assert_eq!(
            journeys.catalog().get(&live).unwrap().status,
            Status::Stopped
        );

        // With the idempotency table gone, saving fails: the duplicate's new
        // version must not stay behind in memory.
        journeys.store.tamper("DROP TABLE idempotency");
        let duplicate = Change {
            command: Command::Duplicate {
                id: "copy-v1".into(),
                journey_id: "copy".into(),
            },
            ..change("second")
        };
        let result = journeys.apply(duplicate, ok);
        assert!(
            matches!(result, Err(ChangeError::NotSaved(_))),
            "{result:?}"
        );
        assert!(journeys.catalog().get("copy-v1").is_none());
        assert_eq!(journeys.catalog().len(), before.len());

        // The same for a publish, which changes the draft and the live version it
        // replaces.
        let unchanged = |journeys: &Journeys| {
            ["subscription-renewal-v1", "subscription-renewal-v2"].map(|id| {
                let catalog = journeys.catalog();
                (catalog.get(id).cloned(), catalog.history(id).to_vec())
            })
        };
        let before_publish = unchanged(&journeys);
        let publish = Change {
            version_id: "subscription-renewal-v2",
            command: Command::Publish,
            ..change("third")
        };
        assert!(journeys.apply(publish, ok).is_err());
        assert_eq!(unchanged(&journeys), before_publish);
        assert_eq!(
            journeys
                .catalog()
                .get("subscription-renewal-v1")
                .unwrap()
                .status,
            Status::Live
        );
    }

    #[test]
    fn counts_move_without_changing_revisions() {
        let store = Store::open(&Database::Memory).unwrap();
        let mut journeys = Journeys::open(store, dozen(3), true, monday()).unwrap();
        let before = journeys.catalog().clone();
        journeys.advance(monday() + chrono::Duration::hours(6));
        let after = journeys.catalog();
        let moved = before
            .versions()
            .filter(|version| after.get(&version.id).unwrap().stats != version.stats)
            .count();
        assert!(moved > 0);
        for version in before.versions() {
            assert_eq!(after.get(&version.id).unwrap().revision, version.revision);
        }
    }

    #[test]
    fn a_new_database_starts_with_as_many_generated_versions_as_asked() {
        let dir = tempfile::tempdir().unwrap();
        let database = Database::File(dir.path().join("journeys.sqlite"));
        let large = DemoStart {
            seed: 5,
            versions: Some(2_500),
        };
        let mut journeys =
            Journeys::open(Store::open(&database).unwrap(), large, false, monday()).unwrap();
        assert_eq!(journeys.catalog().len(), 2_500);
        assert!(journeys.catalog().get("welcome-series-v1").is_none());

        // A reset starts over the same way.
        journeys.reset(monday()).unwrap();
        assert_eq!(journeys.catalog().len(), 2_500);
        drop(journeys);

        // A database that holds journeys keeps them, whatever the start asked.
        let reopened =
            Journeys::open(Store::open(&database).unwrap(), dozen(5), false, monday()).unwrap();
        assert_eq!(reopened.catalog().len(), 2_500);

        let other = tempfile::tempdir().unwrap();
        let database = Database::File(other.path().join("journeys.sqlite"));
        drop(Journeys::open(Store::open(&database).unwrap(), dozen(5), false, monday()).unwrap());
        let reopened =
            Journeys::open(Store::open(&database).unwrap(), large, false, monday()).unwrap();
        assert!(reopened.catalog().get("welcome-series-v1").is_some());
        assert!(reopened.catalog().len() < 100);
    }

    #[test]
    fn the_list_hash_is_kept_until_the_list_changes() {
        let store = Store::open(&Database::Memory).unwrap();
        let mut journeys = Journeys::open(store, dozen(3), true, monday()).unwrap();
        let fresh = |journeys: &Journeys| entity_tag::list_hash(journeys.catalog());
        let first = journeys.list_hash();
        assert_eq!(first, fresh(&journeys));
        assert_eq!(journeys.list_hash(), first, "nothing changed");

        journeys.advance(monday() + chrono::Duration::hours(6));
        assert_eq!(journeys.list_hash(), fresh(&journeys), "counts moved");
        assert_ne!(journeys.list_hash(), first);

        let live = journeys
            .catalog()
            .versions()
            .find(|version| version.status == Status::Live)
            .unwrap()
            .id
            .clone();
        let before = journeys.list_hash();
        let finish = Change {
            version_id: &live,
            command: Command::Finish,
            by: "Ana Ruiz",
            at: monday() + chrono::Duration::hours(6),
            key: "finish",
        };
        let ok = |_: &Applied| RecordedResponse::json(StatusCode::OK, "{}".into());
        journeys.apply(finish, ok).unwrap();
        assert_eq!(journeys.list_hash(), fresh(&journeys), "a change");
        assert_ne!(journeys.list_hash(), before);

        journeys
            .reset(monday() + chrono::Duration::days(1))
            .unwrap();
        assert_eq!(journeys.list_hash(), fresh(&journeys), "a reset");
    }

    fn schedule_a_finish(journeys: &mut Journeys, at: DateTime<Utc>) -> String {
        let live = journeys
            .catalog()
            .versions()
            .find(|version| version.status == Status::Live)
            .unwrap()
            .id
            .clone();
        let schedule = Change {
            version_id: &live,
            command: Command::ScheduleFinish { at },
            by: "Jonas Becker",
            at: monday(),
            key: "schedule",
        };
        let ok = |_: &Applied| RecordedResponse::json(StatusCode::OK, "{}".into());
        journeys.apply(schedule, ok).unwrap();
        live
    }

    #[test]
    fn a_due_finish_is_carried_out_before_a_read_and_saved() {
        let dir = tempfile::tempdir().unwrap();
        let database = Database::File(dir.path().join("journeys.sqlite"));
        let store = Store::open(&database).unwrap();
        let mut journeys = Journeys::open(store, dozen(3), false, monday()).unwrap();
        let at = monday() + chrono::Duration::hours(1);
        let live = schedule_a_finish(&mut journeys, at);
        let before = journeys.list_hash();

        journeys.catch_up(at - chrono::Duration::seconds(1));
        assert_eq!(journeys.catalog().get(&live).unwrap().status, Status::Live);
        assert_eq!(journeys.list_hash(), before, "nothing due yet");

        // No tick in between: the read's own catch-up does it.
        journeys.catch_up(at + chrono::Duration::seconds(1));
        let version = journeys.catalog().get(&live).unwrap().clone();
        assert_eq!(
            (version.status, version.finished_at),
            (Status::Finished, Some(at))
        );
        assert_ne!(journeys.list_hash(), before, "the list changed");
        assert_eq!(
            journeys.list_hash(),
            entity_tag::list_hash(journeys.catalog())
        );
        assert_eq!(journeys.next_due, None);
        let history = journeys.catalog().history(&live).to_vec();
        drop(journeys);

        let reopened =
            Journeys::open(Store::open(&database).unwrap(), dozen(3), false, at).unwrap();
        assert_eq!(reopened.catalog().get(&live), Some(&version));
        assert_eq!(reopened.catalog().history(&live), history.as_slice());
    }

    #[test]
    fn customers_move_up_to_a_due_finish_and_not_in_as_it_falls() {
        let store = Store::open(&Database::Memory).unwrap();
        let mut journeys = Journeys::open(store, dozen(3), true, monday()).unwrap();
        let at = monday() + chrono::Duration::hours(1);
        let live = schedule_a_finish(&mut journeys, at);
        let entered_before = journeys.catalog().get(&live).unwrap().stats.entered;
        journeys.advance(monday() + chrono::Duration::hours(30));
        let version = journeys.catalog().get(&live).unwrap();
        assert_eq!(version.status, Status::Finished);

        // The same hour of arrivals, then a finish: nobody enters after it.
        let store = Store::open(&Database::Memory).unwrap();
        let mut by_hand = Journeys::open(store, dozen(3), true, monday()).unwrap();
        let same = schedule_a_finish(&mut by_hand, at + chrono::Duration::days(9));
        assert_eq!(same, live);
        by_hand.advance(at);
        let entered_by_then = by_hand.catalog().get(&live).unwrap().stats.entered;
        assert!(entered_by_then > entered_before, "an hour of arrivals");
        assert_eq!(
            version.stats.entered, entered_by_then,
            "none after the finish"
        );
    }

    #[test]
    fn a_due_change_that_cannot_be_saved_is_undone_and_tried_again() {
        let store = Store::open(&Database::Memory).unwrap();
        let mut journeys = Journeys::open(store, dozen(3), false, monday()).unwrap();
        let at = monday() + chrono::Duration::hours(1);
        let live = schedule_a_finish(&mut journeys, at);
        let before = journeys.catalog().get(&live).unwrap().clone();
        journeys
            .store
            .tamper("ALTER TABLE journey_versions RENAME TO hidden");
        journeys.catch_up(at + chrono::Duration::minutes(1));
        assert_eq!(journeys.catalog().get(&live), Some(&before), "undone");
        assert_eq!(journeys.next_due, Some(at), "still planned");

        journeys
            .store
            .tamper("ALTER TABLE hidden RENAME TO journey_versions");
        journeys.catch_up(at + chrono::Duration::minutes(2));
        let version = journeys.catalog().get(&live).unwrap();
        assert_eq!(
            (version.status, version.finished_at),
            (Status::Finished, Some(at)),
            "done at its own time"
        );
    }

    #[test]
    fn a_reopened_database_carries_on_from_the_clock_it_saved() {
        let dir = tempfile::tempdir().unwrap();
        let database = Database::File(dir.path().join("journeys.sqlite"));
        let mut journeys =
            Journeys::open(Store::open(&database).unwrap(), dozen(3), true, monday()).unwrap();
        assert_eq!(journeys.clock_ahead(), Duration::zero());
        let ahead = Duration::days(3);
        journeys.save_clock(ahead).unwrap();
        journeys.advance(monday() + ahead);
        journeys.save_counts(monday() + ahead).unwrap();
        drop(journeys);

        // Started again an hour later by the wall clock: three days and an
        // hour on by the server's, and the counts moved on by that hour.
        let later = monday() + Duration::hours(1);
        let mut reopened =
            Journeys::open(Store::open(&database).unwrap(), dozen(3), true, later).unwrap();
        assert_eq!(reopened.clock_ahead(), ahead);
        assert_eq!(reopened.advanced_to, later + ahead);

        // A reset is back at the wall clock, for a restart too.
        reopened.reset(later).unwrap();
        assert_eq!(reopened.clock_ahead(), Duration::zero());
        drop(reopened);
        let reset = Journeys::open(Store::open(&database).unwrap(), dozen(3), true, later).unwrap();
        assert_eq!(reset.clock_ahead(), Duration::zero());
        assert_eq!(reset.advanced_to, later);
    }

    #[test]
    fn without_the_simulation_saving_counts_leaves_the_versions_alone() {
        let store = Store::open(&Database::Memory).unwrap();
        let mut still = Journeys::open(store, dozen(3), false, monday()).unwrap();
        // Writing any version would fail now.
        still.store.tamper("DROP TABLE journey_versions");
        still.save_counts(monday()).unwrap();

        let store = Store::open(&Database::Memory).unwrap();
        let mut moving = Journeys::open(store, dozen(3), true, monday()).unwrap();
        moving.store.tamper("DROP TABLE journey_versions");
        assert!(moving.save_counts(monday()).is_err());
    }
}
