use std::collections::{BTreeMap, BTreeSet, HashSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize, Serializer};

use crate::rules;
use crate::{
    Action, ActionError, Applied, Availabilities, Command, HistoryCause, HistoryEntry,
    JourneyVersion, Outcome, Reason, Refusal, Status,
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
    #[serde(serialize_with = "serialize_as_list")]
    versions: BTreeMap<String, JourneyVersion>,
    history: BTreeMap<String, Vec<HistoryEntry>>,
    /// Version ids of each journey by version number, so that looking at one journey
    /// does not scan the whole catalog. Rebuilt from `versions`, never stored.
    #[serde(skip)]
    journeys: BTreeMap<String, BTreeSet<(u32, String)>>,
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
    versions: &BTreeMap<String, JourneyVersion>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(versions.values())
}

impl Catalog {
    /// A catalog of these versions, with no history. A later version with the id of
    /// an earlier one replaces it.
    pub fn new(versions: impl IntoIterator<Item = JourneyVersion>) -> Self {
        let mut catalog = Catalog::default();
        for version in versions {
            catalog.upsert(version);
        }
        catalog
    }

    /// All versions, ordered by id.
    pub fn versions(&self) -> impl ExactSizeIterator<Item = &JourneyVersion> + '_ {
        self.versions.values()
    }

    pub fn len(&self) -> usize {
        self.versions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.versions.is_empty()
    }

    pub fn get(&self, id: &str) -> Option<&JourneyVersion> {
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
            .filter_map(|(_, id)| self.versions.get(id))
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
    pub fn upsert(&mut self, version: JourneyVersion) -> Option<JourneyVersion> {
        let replaced = self.versions.remove(&version.id);
        if let Some(old) = &replaced {
            self.unindex(old);
        }
        self.index(&version);
        self.versions.insert(version.id.clone(), version);
        replaced
    }

    /// Removes a version and its history, as when the server says it is gone.
    pub fn remove(&mut self, id: &str) -> Option<JourneyVersion> {
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
        self.check(id, command.action())?;
        match command {
            Command::Publish => self.publish(id, by, at),
            Command::Finish => self.finish(id, by, at),
            Command::Stop { reason } => self.stop(id, reason, by, at),
            Command::Resume | Command::Restart => {
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

    /// For the simulation, which only moves customer counts.
    pub(crate) fn versions_mut(&mut self) -> impl Iterator<Item = &mut JourneyVersion> + '_ {
        self.versions.values_mut()
    }

    fn publish(&mut self, id: &str, by: &str, at: DateTime<Utc>) -> Result<Applied, ActionError> {
        let version = self.get(id).ok_or_else(|| not_found(id))?;
        let number = version.version;
        // A journey has one live version: the one it replaces finishes, so its
        // customers complete their path there while newcomers enter the new one.
        let replaced: Vec<String> = self
            .versions_of(&version.journey_id)
            .filter(|other| other.status == Status::Live && other.id != id)
            .map(|other| other.id.clone())
            .collect();
        for other_id in &replaced {
            self.change(
                other_id,
                Action::Finish,
                Status::Finished,
                Why::Rules(HistoryCause::ReplacedBy { version: number }),
                by,
                at,
            )?;
        }
        let version = self.change(id, Action::Publish, Status::Live, Why::Nothing, by, at)?;
        Ok(Applied {
            action: Action::Publish,
            outcome: Outcome::Updated { version },
            also_changed: replaced,
        })
    }

    fn finish(&mut self, id: &str, by: &str, at: DateTime<Utc>) -> Result<Applied, ActionError> {
        let version = self.change(id, Action::Finish, Status::Finished, Why::Nothing, by, at)?;
        Ok(updated(Action::Finish, version))
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
            outcome: Outcome::Deleted { id: removed.id },
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
        let version = self.versions.get_mut(id).ok_or_else(|| not_found(id))?;
        let from = version.status;
        version.status = to;
        match to {
            Status::Draft => {}
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
        self.journeys
            .entry(version.journey_id.clone())
            .or_default()
            .insert((version.version, version.id.clone()));
    }

    fn unindex(&mut self, version: &JourneyVersion) {
        if let Some(ids) = self.journeys.get_mut(&version.journey_id) {
            ids.remove(&(version.version, version.id.clone()));
            if ids.is_empty() {
                self.journeys.remove(&version.journey_id);
            }
        }
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
