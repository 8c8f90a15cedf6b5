use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize, Serializer};

use crate::journey_version::pause_comes_first;
use crate::rules;
use crate::{
    Action, ActionError, Applied, Availabilities, Command, HistoryCause, HistoryEntry,
    JourneyVersion, Outcome, Pause, PauseCustomers, PauseEnd, Reason, Refusal, ScheduledFinish,
    Status,
};

/// Every journey version the console knows, with the history of each.
///
/// Actions go through [`Catalog::apply`], which asks the rules first; syncing with a
/// server goes through [`Catalog::upsert`], [`Catalog::remove`] and
/// [`Catalog::set_history`], which take the server's word as it is.
///
/// In JSON: `{"versions": [...], "history": {"<version id>": [...]}}`, so a browser
/// can keep the whole catalog in storage and read it back.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "StoredCatalog")]
pub struct Catalog {
    /// Shared, not copied, with the catalogs made from this one (a client's
    /// confirmed and shown lists, a load): a copy of 100,000 versions is tens
    /// of megabytes. A version is copied when it changes ([`Arc::make_mut`]).
    #[serde(serialize_with = "serialize_as_list")]
    versions: BTreeMap<String, Arc<JourneyVersion>>,
    history: BTreeMap<String, Vec<HistoryEntry>>,
    /// Version ids of each journey by version number, so that looking at one journey
    /// does not scan the whole catalog. Rebuilt from `versions`, never stored.
    /// A sorted `Vec`: most journeys have one to three versions, and a
    /// `BTreeSet` would take a whole tree node (eleven places) for each.
    #[serde(skip)]
    journeys: BTreeMap<String, Vec<(u32, String)>>,
}

#[derive(Deserialize)]
struct StoredCatalog {
    versions: Vec<JourneyVersion>,
    #[serde(default)]
    history: BTreeMap<String, Vec<HistoryEntry>>,
}

impl From<StoredCatalog> for Catalog {
    fn from(stored: StoredCatalog) -> Self {
        let mut catalog = Catalog::new(stored.versions);
        for (id, entries) in stored.history {
            catalog.set_history(&id, entries);
        }
        catalog
    }
}

fn serialize_as_list<S: Serializer>(
    versions: &BTreeMap<String, Arc<JourneyVersion>>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(versions.values().map(|version| &**version))
}

impl Catalog {
    /// A catalog of these versions, with no history. A later version with the id of
    /// an earlier one replaces it.
    pub fn new<V: Into<Arc<JourneyVersion>>>(versions: impl IntoIterator<Item = V>) -> Self {
        let mut catalog = Catalog::default();
        for version in versions {
            catalog.upsert(version);
        }
        catalog
    }

    /// All versions, ordered by id.
    pub fn versions(&self) -> impl ExactSizeIterator<Item = &JourneyVersion> + '_ {
        self.versions.values().map(|version| &**version)
    }

    /// All versions, ordered by id, to be kept in another catalog without a copy.
    pub fn shared_versions(&self) -> impl ExactSizeIterator<Item = &Arc<JourneyVersion>> + '_ {
        self.versions.values()
    }

    pub fn len(&self) -> usize {
        self.versions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.versions.is_empty()
    }

    pub fn get(&self, id: &str) -> Option<&JourneyVersion> {
        self.versions.get(id).map(|version| &**version)
    }

    /// The version with this id, to be kept in another catalog without a copy.
    pub fn shared(&self, id: &str) -> Option<&Arc<JourneyVersion>> {
        self.versions.get(id)
    }

    /// The versions of one journey, oldest (version 1) first.
    pub fn versions_of<'a>(
        &'a self,
        journey_id: &str,
    ) -> impl DoubleEndedIterator<Item = &'a JourneyVersion> + 'a {
        self.journeys
            .get(journey_id)
            .into_iter()
            .flatten()
            .filter_map(|(_, id)| self.get(id))
    }

    /// The version with the highest number in a journey.
    pub fn newest_version_of(&self, journey_id: &str) -> Option<&JourneyVersion> {
        self.versions_of(journey_id).next_back()
    }

    /// Ids of all journeys, in order.
    pub fn journey_ids(&self) -> impl Iterator<Item = &str> + '_ {
        self.journeys.keys().map(String::as_str)
    }

    /// The lifecycle changes of a version, oldest first.
    pub fn history(&self, id: &str) -> &[HistoryEntry] {
        self.history.get(id).map_or(&[], Vec::as_slice)
    }

    /// Adds a version, or replaces the one with the same id; returns the replaced one.
    pub fn upsert(
        &mut self,
        version: impl Into<Arc<JourneyVersion>>,
    ) -> Option<Arc<JourneyVersion>> {
        let version = version.into();
        let replaced = self.versions.remove(&version.id);
        if let Some(old) = &replaced {
            self.unindex(old);
        }
        self.index(&version);
        self.versions.insert(version.id.clone(), version);
        replaced
    }

    /// Removes a version and its history, as when the server says it is gone.
    pub fn remove(&mut self, id: &str) -> Option<Arc<JourneyVersion>> {
        let removed = self.versions.remove(id)?;
        self.unindex(&removed);
        self.history.remove(id);
        Some(removed)
    }

    /// Replaces the history of a version; returns false, changing nothing, if there
    /// is no version with this id.
    pub fn set_history(&mut self, id: &str, entries: Vec<HistoryEntry>) -> bool {
        if !self.versions.contains_key(id) {
            return false;
        }
        self.history.insert(id.to_owned(), entries);
        true
    }

    /// Whether `action` is allowed on the version `id`, and if not, why.
    pub fn check(&self, id: &str, action: Action) -> Result<(), ActionError> {
        let version = self.get(id).ok_or_else(|| not_found(id))?;
        rules::verdict(self, version, action).map_err(ActionError::Refused)
    }

    /// Whether `command` may be applied to the version `id` at `at`: its action
    /// ([`Catalog::check`]) and what it asks for (a pause's end, a finish's time).
    pub fn check_command(
        &self,
        id: &str,
        command: &Command,
        at: DateTime<Utc>,
    ) -> Result<(), ActionError> {
        self.check(id, command.action())?;
        self.check_terms(id, command, at)
    }

    /// Whether what `command` asks beyond its action (a pause's end, a
    /// finish's time) may be asked of the version `id` at `at`, whatever
    /// its action is allowed: what a dialog says beside its fields, while
    /// a change of the version itself is said by the dialog as a change.
    pub fn check_terms(
        &self,
        id: &str,
        command: &Command,
        at: DateTime<Utc>,
    ) -> Result<(), ActionError> {
        let version = self.get(id).ok_or_else(|| not_found(id))?;
        rules::terms_verdict(version, command, at).map_err(ActionError::Refused)
    }

    /// The verdict on every action for the version `id`; `None` if there is none.
    pub fn availability(&self, id: &str) -> Option<Availabilities> {
        let version = self.get(id)?;
        Some(Availabilities::from_fn(|action| {
            rules::verdict(self, version, action)
        }))
    }

    /// Takes an action on the version `id` on behalf of `by` at time `at`.
    ///
    /// On any error nothing has changed.
    pub fn apply(
        &mut self,
        id: &str,
        command: Command,
        by: &str,
        at: DateTime<Utc>,
    ) -> Result<Applied, ActionError> {
        self.check_command(id, &command, at)?;
        match command {
            Command::Publish => self.publish(id, by, at),
            Command::Finish => self.finish(id, Why::Nothing, by, at),
            Command::Stop { reason } => self.stop(id, reason, by, at),
            Command::Pause {
                customers,
                until,
                at_end,
            } => {
                let pause = Pause {
                    since: at,
                    until,
                    customers,
                    at_end,
                    by: by.to_owned(),
                };
                self.pause(id, pause, at)
            }
            Command::Resume => {
                let version =
                    self.change(id, Action::Resume, Status::Live, Why::Nothing, by, at)?;
                Ok(updated(Action::Resume, version))
            }
            Command::ScheduleFinish { at: when } => {
                let schedule = ScheduledFinish {
                    at: when,
                    by: by.to_owned(),
                };
                self.schedule(id, Some(schedule), by, at)
            }
            Command::CancelScheduledFinish => self.schedule(id, None, by, at),
            Command::Restart => {
                let version = self.get(id).ok_or_else(|| not_found(id))?;
                Err(ActionError::Refused(Refusal::new(
                    command.action(),
                    version.status,
                    Reason::Status,
                )))
            }
            Command::Delete => self.delete(id),
            Command::NewVersion { id: new_id } => self.new_version(id, new_id, by, at),
            Command::Duplicate {
                id: new_id,
                journey_id,
            } => self.duplicate(id, new_id, journey_id, by, at),
        }
    }

    /// For the simulation, which only moves customer counts: the versions
    /// `moving` picks, each copied first if another catalog shares it.
    pub(crate) fn versions_mut(
        &mut self,
        moving: impl Fn(&JourneyVersion) -> bool,
    ) -> impl Iterator<Item = &mut JourneyVersion> {
        self.versions
            .values_mut()
            .filter(move |version| moving(version))
            .map(Arc::make_mut)
    }

    fn publish(&mut self, id: &str, by: &str, at: DateTime<Utc>) -> Result<Applied, ActionError> {
        let version = self.get(id).ok_or_else(|| not_found(id))?;
        let number = version.version;
        // A journey has one live (or paused) version: the one it replaces
        // finishes, so its customers complete their path there while newcomers
        // enter the new one.
        let replaced: Vec<String> = self
            .replaced_on_publish(&version.journey_id, id)
            .map(|other| other.id.clone())
            .collect();
        for other_id in &replaced {
            self.finish_replaced(other_id, number, by, at)?;
        }
        let version = self.change(id, Action::Publish, Status::Live, Why::Nothing, by, at)?;
        Ok(Applied {
            action: Action::Publish,
            outcome: Outcome::Updated { version },
            also_changed: replaced,
        })
    }

    fn finish(
        &mut self,
        id: &str,
        why: Why,
        by: &str,
        at: DateTime<Utc>,
    ) -> Result<Applied, ActionError> {
        let version = self.change(id, Action::Finish, Status::Finished, why, by, at)?;
        Ok(updated(Action::Finish, version))
    }

    fn pause(&mut self, id: &str, pause: Pause, at: DateTime<Utc>) -> Result<Applied, ActionError> {
        let cause = HistoryCause::Paused {
            until: pause.until,
            customers: pause.customers,
            at_end: pause.at_end,
        };
        let by = pause.by.clone();
        let version = self
            .versions
            .get_mut(id)
            .map(Arc::make_mut)
            .ok_or_else(|| not_found(id))?;
        if pause.customers == PauseCustomers::Discard {
            version.stats.exit_everyone();
        }
        version.pause = Some(pause);
        let version = self.change(
            id,
            Action::Pause,
            Status::Paused,
            Why::Rules(cause),
            &by,
            at,
        )?;
        Ok(updated(Action::Pause, version))
    }

    /// Sets, moves or (with `None`) cancels a version's scheduled finish.
    fn schedule(
        &mut self,
        id: &str,
        schedule: Option<ScheduledFinish>,
        by: &str,
        at: DateTime<Utc>,
    ) -> Result<Applied, ActionError> {
        let (action, why) = match &schedule {
            Some(schedule) => (
                Action::ScheduleFinish,
                Why::Rules(HistoryCause::FinishScheduled { at: schedule.at }),
            ),
            None => (Action::CancelScheduledFinish, Why::Nothing),
        };
        let version = self
            .versions
            .get_mut(id)
            .map(Arc::make_mut)
            .ok_or_else(|| not_found(id))?;
        version.scheduled_finish = schedule;
        let status = version.status;
        let version = self.change(id, action, status, why, by, at)?;
        Ok(updated(action, version))
    }

    /// Finishes the running version `id` as publishing version `by_version`
    /// of its journey does (by `by`, at `at`): a journey has one running
    /// version. A console also shows, with it, a publish the server answered
    /// before its next list. Refused, changing nothing, for a version that is
    /// not running.
    pub fn finish_replaced(
        &mut self,
        id: &str,
        by_version: u32,
        by: &str,
        at: DateTime<Utc>,
    ) -> Result<(), ActionError> {
        let version = self.get(id).ok_or_else(|| not_found(id))?;
        if !version.status.is_running() {
            return Err(ActionError::Refused(Refusal::new(
                Action::Finish,
                version.status,
                Reason::Status,
            )));
        }
        self.change(
            id,
            Action::Finish,
            Status::Finished,
            Why::Rules(HistoryCause::ReplacedBy {
                version: by_version,
            }),
            by,
            at,
        )
        .map(|_| ())
    }

    /// The live or paused versions of journey `journey_id` that publishing its
    /// version `id` finishes: what a Publish confirmation warns about.
    pub fn replaced_on_publish<'a>(
        &'a self,
        journey_id: &str,
        id: &'a str,
    ) -> impl Iterator<Item = &'a JourneyVersion> + 'a {
        self.versions_of(journey_id)
            .filter(move |other| other.status.is_running() && other.id != id)
    }

    /// When the next pause ends or scheduled finish falls due, if any: a server
    /// can sleep until then before calling [`Catalog::run_due`].
    pub fn next_due(&self) -> Option<DateTime<Utc>> {
        self.versions().filter_map(due_at).min()
    }

    /// Carries out every pause end and scheduled finish due at `now`, oldest
    /// first, each recorded as done by the person who set it, at the time it
    /// fell due. Returns what changed. Servers and the embedded backend call it
    /// before they let customers move.
    pub fn run_due(&mut self, now: DateTime<Utc>) -> Vec<Applied> {
        let mut done = Vec::new();
        // A pause's end may make a later scheduled finish pointless (it stopped),
        // so each due change is found again after the one before.
        while let Some((when, id)) = self
            .versions
            .values()
            .filter_map(|version| Some((due_at(version)?, version.id.clone())))
            .filter(|(when, _)| *when <= now)
            .min()
        {
            let version = &self.versions[&id];
            // Never before the version's last change: its history stays in order.
            let at = when.max(version.updated_at);
            let pause_first = match (&version.pause, &version.scheduled_finish) {
                (Some(pause), Some(schedule)) => pause_comes_first(pause.until, schedule.at),
                (pause, _) => pause.is_some(),
            };
            let result = if let Some(pause) = version.pause.as_ref().filter(|_| pause_first) {
                let by = pause.by.clone();
                let why = Why::Rules(HistoryCause::PauseEnded { by: by.clone() });
                match pause.at_end {
                    PauseEnd::Resume => self
                        .change(&id, Action::Resume, Status::Live, why, &by, at)
                        .map(|version| updated(Action::Resume, version)),
                    PauseEnd::Stop => self
                        .change(&id, Action::Stop, Status::Stopped, why, &by, at)
                        .map(|version| updated(Action::Stop, version)),
                }
            } else {
                let by = version
                    .scheduled_finish
                    .as_ref()
                    .map_or_else(String::new, |schedule| schedule.by.clone());
                let why = Why::Rules(HistoryCause::ScheduledBy { by: by.clone() });
                self.finish(&id, why, &by, at)
            };
            match result {
                Ok(applied) => done.push(applied),
                // The rules always allow these on a running version, which is
                // the only kind that has a pause or a schedule; if ever not, the
                // stale plan is dropped so the loop ends.
                Err(_) => {
                    if let Some(version) = self.versions.get_mut(&id).map(Arc::make_mut) {
                        version.pause = None;
                        version.scheduled_finish = None;
                    }
                }
            }
        }
        done
    }

    fn stop(
        &mut self,
        id: &str,
        reason: Option<String>,
        by: &str,
        at: DateTime<Utc>,
    ) -> Result<Applied, ActionError> {
        let reason = reason
            .map(|reason| reason.trim().to_owned())
            .filter(|reason| !reason.is_empty());
        let version = self.change(
            id,
            Action::Stop,
            Status::Stopped,
            Why::Typed(reason),
            by,
            at,
        )?;
        Ok(updated(Action::Stop, version))
    }

    fn delete(&mut self, id: &str) -> Result<Applied, ActionError> {
        let removed = self.remove(id).ok_or_else(|| not_found(id))?;
        Ok(Applied {
            action: Action::Delete,
            outcome: Outcome::Deleted {
                id: removed.id.clone(),
            },
            also_changed: Vec::new(),
        })
    }

    fn new_version(
        &mut self,
        id: &str,
        new_id: String,
        by: &str,
        at: DateTime<Utc>,
    ) -> Result<Applied, ActionError> {
        if self.versions.contains_key(&new_id) {
            return Err(ActionError::IdInUse { id: new_id });
        }
        let base = self.get(id).ok_or_else(|| not_found(id))?;
        let draft = JourneyVersion::draft(
            new_id,
            base.journey_id.clone(),
            base.name.clone(),
            // The rules refuse a new version after u32::MAX.
            base.version.saturating_add(1),
            by,
            at,
        );
        let cause = HistoryCause::CreatedFrom {
            version: base.version,
        };
        Ok(self.create(Action::NewVersion, draft, cause))
    }

    fn duplicate(
        &mut self,
        id: &str,
        new_id: String,
        journey_id: String,
        by: &str,
        at: DateTime<Utc>,
    ) -> Result<Applied, ActionError> {
        if self.versions.contains_key(&new_id) {
            return Err(ActionError::IdInUse { id: new_id });
        }
        if self.journeys.contains_key(&journey_id) {
            return Err(ActionError::IdInUse { id: journey_id });
        }
        let source = self.get(id).ok_or_else(|| not_found(id))?;
        let cause = HistoryCause::DuplicatedFrom {
            name: source.name.clone(),
            version: source.version,
        };
        let name = self.copy_name(&source.name);
        let draft = JourneyVersion::draft(new_id, journey_id, name, 1, by, at);
        Ok(self.create(Action::Duplicate, draft, cause))
    }

    /// Moves an existing version to `to`, stamping the time of the move, and records it.
    fn change(
        &mut self,
        id: &str,
        action: Action,
        to: Status,
        why: Why,
        by: &str,
        at: DateTime<Utc>,
    ) -> Result<JourneyVersion, ActionError> {
        let (reason, cause) = match why {
            Why::Nothing => (None, None),
            Why::Typed(reason) => (reason, None),
            Why::Rules(cause) => (Some(cause.reason()), Some(cause)),
        };
        let version = self
            .versions
            .get_mut(id)
            .map(Arc::make_mut)
            .ok_or_else(|| not_found(id))?;
        let from = version.status;
        version.status = to;
        if to != Status::Paused {
            version.pause = None;
        }
        if !to.is_running() {
            version.scheduled_finish = None;
        }
        match to {
            Status::Draft | Status::Paused => {}
            // A resumed version keeps the time it was first published.
            Status::Live if from == Status::Paused => {}
            Status::Live => version.published_at = Some(at),
            Status::Finished => version.finished_at = Some(at),
            Status::Stopped => {
                version.stopped_at = Some(at);
                version.stop_reason = reason.clone();
                // Everyone in a stopped journey is stopped at once.
                version.stats.exit_everyone();
            }
        }
        version.touch(by, at);
        let version = version.clone();
        self.history
            .entry(id.to_owned())
            .or_default()
            .push(HistoryEntry {
                at,
                by: by.to_owned(),
                action,
                from: Some(from),
                to: Some(to),
                reason,
                cause,
            });
        Ok(version)
    }

    fn create(&mut self, action: Action, draft: JourneyVersion, cause: HistoryCause) -> Applied {
        self.history.insert(
            draft.id.clone(),
            vec![HistoryEntry {
                at: draft.created_at,
                by: draft.updated_by.clone(),
                action,
                from: None,
                to: Some(Status::Draft),
                reason: Some(cause.reason()),
                cause: Some(cause),
            }],
        );
        self.upsert(draft.clone());
        Applied {
            action,
            outcome: Outcome::Created { version: draft },
            also_changed: Vec::new(),
        }
    }

    /// "<name> (copy)", or "(copy 2)", "(copy 3)"… if that name is taken by any
    /// journey. Copying a copy numbers from the original name rather than stacking
    /// "(copy) (copy)".
    fn copy_name(&self, name: &str) -> String {
        let base = without_copy_suffix(name);
        let taken: HashSet<&str> = self.versions.values().map(|v| v.name.as_str()).collect();
        let first = format!("{base} (copy)");
        if !taken.contains(first.as_str()) {
            return first;
        }
        // Ends: there are only so many taken names.
        let mut n: u64 = 2;
        loop {
            let candidate = format!("{base} (copy {n})");
            if !taken.contains(candidate.as_str()) {
                return candidate;
            }
            n += 1;
        }
    }

    fn index(&mut self, version: &JourneyVersion) {
        let ids = self.journeys.entry(version.journey_id.clone()).or_default();
        let entry = (version.version, version.id.clone());
        if let Err(place) = ids.binary_search(&entry) {
            ids.insert(place, entry);
        }
    }

    fn unindex(&mut self, version: &JourneyVersion) {
        if let Some(ids) = self.journeys.get_mut(&version.journey_id) {
            ids.retain(|(number, id)| {
                (*number, id.as_str()) != (version.version, version.id.as_str())
            });
            if ids.is_empty() {
                self.journeys.remove(&version.journey_id);
            }
        }
    }
}

/// When a version's pause ends or its scheduled finish falls due, whichever
/// comes first.
fn due_at(version: &JourneyVersion) -> Option<DateTime<Utc>> {
    let pause_end = version.pause.as_ref().map(|pause| pause.until);
    let finish = version.scheduled_finish.as_ref().map(|s| s.at);
    match (pause_end, finish) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn not_found(id: &str) -> ActionError {
    ActionError::NotFound { id: id.to_owned() }
}

fn updated(action: Action, version: JourneyVersion) -> Applied {
    Applied {
        action,
        outcome: Outcome::Updated { version },
        also_changed: Vec::new(),
    }
}

fn without_copy_suffix(name: &str) -> &str {
    let stripped = name.strip_suffix(" (copy)").or_else(|| {
        let (base, number) = name.strip_suffix(')')?.rsplit_once(" (copy ")?;
        let is_number = !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit());
        is_number.then_some(base)
    });
    match stripped {
        Some(base) if !base.trim().is_empty() => base,
        _ => name,
    }
}

/// What a history entry says about why it happened.
enum Why {
    Nothing,
    /// The words a person gave (a stop reason).
    Typed(Option<String>),
    /// A change the rules made themselves.
    Rules(HistoryCause),
}
