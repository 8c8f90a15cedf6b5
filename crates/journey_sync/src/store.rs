//! What the console shows: the server's word kept apart from the user's changes
//! still on their way, so that neither can undo the other.
//!
//! Replicache-style. `confirmed` only ever moves forward on what the server said
//! (a list, a change's answer, the `current` of a refusal); `shown` is
//! `confirmed` with the pending changes replayed on top. A change that fails
//! simply leaves the queue: nothing is rolled back by restoring a snapshot, so
//! what arrived meanwhile (another change's answer, a list) is never lost.
//!
//! Loads are slow (many pages) and overlap with changes, so every fact carries
//! the time, on a counter of the store's own, at which it was learned. A list
//! does not overwrite what was learned after the list was asked for, and no
//! source ever lowers a version's `revision`. A list identical to the newest
//! one taken (a 304 answered with the cached list) counts as being as old as
//! that one, so it cannot drop a version created since nor bring back one
//! deleted since.

use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use lifecycle::{
    Action, ActionError, Applied, Catalog, Command, HistoryEntry, JourneyVersion, Outcome, Reason,
    Refusal,
};

use crate::Attempt;

/// Handed out when a list load begins; give it back with the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LoadTicket {
    generation: u64,
}

/// Names one pending change, from `begin_change` to its answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ChangeTicket {
    number: u64,
}

/// A change the user made that the server has not answered yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingChange {
    pub ticket: ChangeTicket,
    /// The version the change is taken on.
    pub id: String,
    pub command: Command,
    /// Sent with every attempt of this change.
    pub idempotency_key: String,
    /// The revision the user saw when deciding: the change's `If-Match`.
    pub seen_revision: u64,
    pub by: String,
    pub at: DateTime<Utc>,
}

impl PendingChange {
    /// Finish, stop, publish, a pause, a resume and a scheduled finish are
    /// shown before the answer: their outcome is known in advance. A created or deleted version waits for the server,
    /// which chooses ids and may refuse.
    pub fn is_shown_at_once(&self) -> bool {
        matches!(
            self.command.action(),
            Action::Finish
                | Action::Stop
                | Action::Publish
                | Action::Pause
                | Action::Resume
                | Action::ScheduleFinish
                | Action::CancelScheduledFinish
        )
    }
}

/// A running version that a publish the server answered finished (its
/// answer names the published version alone). It is shown finished, as the
/// rules finish it, until a list read after that answer says how the server
/// has it; what is confirmed does not change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnsweredReplacement {
    pub id: String,
    pub journey_id: String,
    /// The published version's number, and who published it when.
    pub by_version: u32,
    pub by: String,
    pub at: DateTime<Utc>,
    answered_at: u64,
}

/// A change the server made (it answered 2xx) whose answer could not be
/// read: shown made, as the rules make it, until a list read after that
/// answer says how the server has it; what is confirmed does not change.
#[derive(Clone, Debug, PartialEq)]
struct MadeUnread {
    change: PendingChange,
    journey_id: String,
    answered_at: u64,
}

/// The console's journeys: what the server confirmed, the pending changes, and
/// what to show.
#[derive(Clone, Debug, Default)]
pub struct JourneyStore {
    confirmed: Catalog,
    /// `confirmed` with the pending changes replayed; kept up to date journey by
    /// journey, never rebuilt per change.
    shown: Catalog,
    pending: BTreeMap<ChangeTicket, PendingChange>,
    pending_by_version: HashMap<String, ChangeTicket>,
    /// The store's own time: every load, change and learned fact takes the
    /// next tick.
    clock: u64,
    /// Every version (and every absence) without an entry in `learned` is
    /// known as of this tick: the start of the newest load taken.
    base: u64,
    /// When a version was last learned from something other than a list (an
    /// answer, a `current`), or when it was learned to be deleted (then it is
    /// absent from `confirmed`). Only ticks later than `base` are kept.
    learned: HashMap<String, u64>,
    /// Versions the server answered as deleted, with the revision they had:
    /// a copy at that revision or lower, from a late answer or an old list,
    /// is the deleted version and stays gone. Never pruned (deletions are few,
    /// and an answer can arrive arbitrarily late).
    deleted: HashMap<String, u64>,
    /// Tickets older than this belong to data that `reset` replaced.
    since: u64,
    /// Moves on whenever what `shown` holds may have changed.
    shown_generation: u64,
    /// The fingerprint of the newest list taken (what an HTTP cache gives back
    /// on a 304), and the tick its load began.
    last_list: Option<(u64, u64)>,
    /// Versions publishes finished, shown so until a list read after the
    /// answer arrives.
    replaced: Vec<AnsweredReplacement>,
    /// Changes made whose answers could not be read, likewise.
    made_unread: Vec<MadeUnread>,
    /// Whether a whole list has been taken: before, a journey's other
    /// versions may be on a page still to come.
    listed: bool,
}

impl JourneyStore {
    /// A store whose server state is `catalog`, with nothing pending.
    pub fn new(catalog: Catalog) -> JourneyStore {
        let mut store = JourneyStore::default();
        store.reset(catalog);
        store
    }

    /// The last state the server confirmed.
    pub fn confirmed(&self) -> &Catalog {
        &self.confirmed
    }

    /// What the views show: `confirmed` with the pending finish, stop and
    /// publish replayed where the rules allow them.
    pub fn shown(&self) -> &Catalog {
        &self.shown
    }

    /// Moves on whenever what [`JourneyStore::shown`] holds may have changed;
    /// the same number means the same versions and histories are shown (a
    /// poll that brought nothing new need not redraw anything).
    pub fn shown_generation(&self) -> u64 {
        self.shown_generation
    }

    /// The pending change on version `id`, if any.
    pub fn pending(&self, id: &str) -> Option<&PendingChange> {
        self.pending_by_version
            .get(id)
            .and_then(|ticket| self.pending.get(ticket))
    }

    /// Every pending change, oldest first.
    pub fn pending_changes(&self) -> impl ExactSizeIterator<Item = &PendingChange> + '_ {
        self.pending.values()
    }

    /// The versions answered publishes finished that no list has shown yet,
    /// in the order answered: shown finished over what is confirmed, after
    /// the pending changes.
    pub fn answered_replacements(&self) -> impl Iterator<Item = &AnsweredReplacement> + '_ {
        self.replaced.iter()
    }

    /// The changes the server made but answered unreadably that no list has
    /// shown yet: replayed with the pending changes, in the order made.
    pub fn made_unread(&self) -> impl Iterator<Item = &PendingChange> + '_ {
        self.made_unread.iter().map(|made| &made.change)
    }

    /// Whether version `id` is shown ahead of what is confirmed by an answer
    /// no list has confirmed yet (a version a publish finished, a change made
    /// but answered unreadably, its own or another version's of its
    /// journey): the server has it at a revision not known here. Asked while
    /// no change of its own is pending.
    pub fn shown_ahead(&self, id: &str) -> bool {
        let Some(confirmed) = self.confirmed.get(id) else {
            return false;
        };
        let journey_id = &confirmed.journey_id;
        let answered = self.replaced.iter().any(|r| &r.journey_id == journey_id)
            || self.made_unread.iter().any(|m| &m.journey_id == journey_id);
        answered && self.shown.get(id) != Some(confirmed)
    }

    /// Replaces everything (the demo data was reset): nothing pending, and any
    /// load or answer under way from before is ignored when it arrives.
    pub fn reset(&mut self, catalog: Catalog) {
        self.since = self.tick();
        self.base = self.since;
        self.learned.clear();
        self.deleted.clear();
        self.last_list = None;
        self.replaced.clear();
        self.made_unread.clear();
        self.pending.clear();
        self.pending_by_version.clear();
        self.shown_generation += 1;
        self.shown = catalog.clone();
        self.confirmed = catalog;
        self.listed = true;
    }

    /// Notes that a list load begins: what is learned from now on is newer
    /// than that list.
    pub fn begin_load(&mut self) -> LoadTicket {
        LoadTicket {
            generation: self.tick(),
        }
    }

    /// Takes the list a load brought, except what the store learned after the
    /// load began and any version whose revision is lower than the one known.
    /// A list identical to the newest one taken is as old as that one (a 304
    /// gives back the cached list). Histories already read are kept. Returns
    /// false, changing nothing, for a load begun before a
    /// [`JourneyStore::reset`].
    pub fn finish_load(&mut self, ticket: LoadTicket, loaded: Catalog) -> bool {
        let load = ticket.generation;
        if load < self.since {
            return false;
        }
        // Which versions exist is known as of `listed_as_of`: for a list
        // identical to the last one taken, no later than that one's load. The
        // content of each version is guarded by its revision anyway.
        if !self.listed {
            // What the rules allow changes (`check_listed`) even where the
            // last page brought nothing new: the views are told.
            self.listed = true;
            self.shown_generation += 1;
        }
        let fingerprint = fingerprint(&loaded);
        let listed_as_of = match self.last_list {
            Some((last, taken_at)) if last == fingerprint => load.min(taken_at),
            _ => {
                if load > self.base {
                    self.last_list = Some((fingerprint, load));
                }
                load
            }
        };
        let mut touched = BTreeSet::new();
        for theirs in loaded.shared_versions() {
            let newer_known = self.stamp(&theirs.id) > load;
            let history = loaded.history(&theirs.id);
            match self.confirmed.get(&theirs.id) {
                Some(ours) => {
                    // A higher revision is newer whatever we learned; an equal
                    // one brings newer counts unless we learned after the load.
                    let take = if newer_known {
                        theirs.revision > ours.revision
                    } else {
                        theirs.revision >= ours.revision
                    };
                    let keep_history = self.confirmed.history(&theirs.id).is_empty();
                    if take && ours != &**theirs {
                        touched.insert(ours.journey_id.clone());
                        touched.insert(theirs.journey_id.clone());
                        self.confirmed.upsert(Arc::clone(theirs));
                    }
                    let new_history = self.confirmed.history(&theirs.id) != history;
                    if !history.is_empty() && (take || keep_history) && new_history {
                        self.confirmed.set_history(&theirs.id, history.to_vec());
                        touched.insert(theirs.journey_id.clone());
                    }
                }
                // Absent: deleted after the load began, or not known yet.
                None if self.stamp(&theirs.id) > listed_as_of || self.is_deleted(theirs) => {}
                None => {
                    touched.insert(theirs.journey_id.clone());
                    self.confirmed.upsert(Arc::clone(theirs));
                    if !history.is_empty() {
                        self.confirmed.set_history(&theirs.id, history.to_vec());
                    }
                }
            }
        }
        let gone: Vec<String> = self
            .confirmed
            .versions()
            .filter(|ours| loaded.get(&ours.id).is_none() && self.stamp(&ours.id) < listed_as_of)
            .map(|ours| ours.id.clone())
            .collect();
        for id in gone {
            if let Some(removed) = self.confirmed.remove(&id) {
                touched.insert(removed.journey_id.clone());
            }
        }
        if load > self.base {
            self.base = load;
            self.learned.retain(|_, learned_at| *learned_at > load);
        }
        // A list asked for after a publish was answered says how the server
        // has the versions it replaced (a list identical to an older one
        // says only what that one said).
        self.replaced.retain(|replaced| {
            let listed = replaced.answered_at < listed_as_of;
            if listed {
                touched.insert(replaced.journey_id.clone());
            }
            !listed
        });
        self.made_unread.retain(|made| {
            let listed = made.answered_at < listed_as_of;
            if listed {
                touched.insert(made.journey_id.clone());
            }
            !listed
        });
        for journey_id in touched {
            self.refresh_shown(&journey_id);
        }
        true
    }

    /// The pages of a load that have arrived so far, shown before the rest
    /// come: each version is added, or replaces ours when its revision is
    /// higher, but nothing is removed; that waits for the whole list
    /// ([`JourneyStore::finish_load`] with the same ticket). Returns false,
    /// changing nothing, for a load begun before a [`JourneyStore::reset`].
    pub fn take_arrived(&mut self, ticket: LoadTicket, arrived: &[Arc<JourneyVersion>]) -> bool {
        let load = ticket.generation;
        if load < self.since {
            return false;
        }
        let mut touched = BTreeSet::new();
        for theirs in arrived {
            let take = match self.confirmed.get(&theirs.id) {
                Some(ours) if self.stamp(&theirs.id) > load => theirs.revision > ours.revision,
                Some(ours) => theirs.revision >= ours.revision && ours != &**theirs,
                None => self.stamp(&theirs.id) <= load && !self.is_deleted(theirs),
            };
            if take {
                if let Some(ours) = self.confirmed.upsert(Arc::clone(theirs)) {
                    touched.insert(ours.journey_id.clone());
                }
                touched.insert(theirs.journey_id.clone());
            }
        }
        for journey_id in touched {
            self.refresh_shown(&journey_id);
        }
        true
    }

    /// A version the server sent outside a list (`GET /journeys/{id}`), taken
    /// unless its revision is lower than the one known. Returns whether it was
    /// taken.
    pub fn take_version(&mut self, version: JourneyVersion) -> bool {
        let journeys = self.journeys_of(&version.id, Some(&version));
        let taken = self.learn(version);
        for journey_id in journeys {
            self.refresh_shown(&journey_id);
        }
        taken
    }

    /// Replaces the history of a version; false if there is no such version.
    pub fn set_history(&mut self, id: &str, entries: Vec<HistoryEntry>) -> bool {
        if !self.confirmed.set_history(id, entries) {
            return false;
        }
        for journey_id in self.journeys_of(id, None) {
            self.refresh_shown(&journey_id);
        }
        true
    }

    /// Whether a whole list has been taken (or the store was given the whole
    /// of its data): until then, what is shown is what has arrived so far.
    pub fn listed(&self) -> bool {
        self.listed
    }

    /// Refuses, until a whole list has been taken, an action on `id` that
    /// depends on every version of its journey ([`Reason::ListLoading`],
    /// `Action::needs_every_version`). A detail view opened from a link, or
    /// a first page shown while the rest loads, may lack that version.
    pub fn check_listed(&self, id: &str, action: Action) -> Result<(), ActionError> {
        if self.listed || !action.needs_every_version() {
            return Ok(());
        }
        let status = self
            .shown
            .get(id)
            .ok_or_else(|| ActionError::NotFound { id: id.to_owned() })?
            .status;
        Err(ActionError::Refused(Refusal::new(
            action,
            status,
            Reason::ListLoading,
        )))
    }

    /// Records a change the user asked for, before it is sent. The rules are
    /// asked on what is shown, so a refused action never leaves the browser;
    /// a version takes one pending change at a time.
    pub fn begin_change(
        &mut self,
        id: &str,
        command: Command,
        idempotency_key: impl Into<String>,
        by: &str,
        at: DateTime<Utc>,
    ) -> Result<ChangeTicket, ActionError> {
        self.queue_change(id, command, idempotency_key.into(), by, at, Attempt::New)
    }

    /// Records a change sent again as it was (the same command and key) after
    /// an attempt whose outcome is unknown. The rules are not asked: what is
    /// shown may be that very change, made by the server and brought by a
    /// list since, which they would refuse as a new one. The server
    /// recognises the key and answers as it did, or judges the change afresh
    /// (and refuses it, saying why). Like any change, it is shown at once
    /// only where the rules allow it on what the server confirmed. It is sent
    /// on revision `on` ([`crate::Attempt::Again`]), or on the one confirmed
    /// now.
    pub fn begin_change_again(
        &mut self,
        id: &str,
        command: Command,
        idempotency_key: impl Into<String>,
        by: &str,
        at: DateTime<Utc>,
        on: Option<u64>,
    ) -> Result<ChangeTicket, ActionError> {
        self.queue_change(
            id,
            command,
            idempotency_key.into(),
            by,
            at,
            Attempt::Again { on },
        )
    }

    fn queue_change(
        &mut self,
        id: &str,
        command: Command,
        idempotency_key: String,
        by: &str,
        at: DateTime<Utc>,
        attempt: Attempt,
    ) -> Result<ChangeTicket, ActionError> {
        let action = command.action();
        if let Some(earlier) = self.pending(id) {
            let status = self
                .shown
                .get(id)
                .ok_or_else(|| ActionError::NotFound { id: id.to_owned() })?
                .status;
            return Err(ActionError::Refused(Refusal::new(
                action,
                status,
                Reason::AwaitingAnswer {
                    earlier: earlier.command.action(),
                },
            )));
        }
        // The action, and what it asks for (a pause's end, a finish's time).
        let on = match attempt {
            Attempt::New => {
                self.shown.check_command(id, &command, at)?;
                self.check_listed(id, action)?;
                None
            }
            Attempt::Again { on } => {
                if self.shown.get(id).is_none() {
                    return Err(ActionError::NotFound { id: id.to_owned() });
                }
                on
            }
        };
        let seen_revision = on.unwrap_or_else(|| {
            self.confirmed
                .get(id)
                .or_else(|| self.shown.get(id))
                .map_or(0, |version| version.revision)
        });
        let ticket = ChangeTicket {
            number: self.tick(),
        };
        let change = PendingChange {
            ticket,
            id: id.to_owned(),
            command,
            idempotency_key,
            seen_revision,
            by: by.to_owned(),
            at,
        };
        let shown_at_once = change.is_shown_at_once();
        self.pending.insert(ticket, change);
        self.pending_by_version.insert(id.to_owned(), ticket);
        if shown_at_once {
            for journey_id in self.journeys_of(id, None) {
                self.refresh_shown(&journey_id);
            }
        }
        Ok(ticket)
    }

    /// The server applied the change: its answer (the changed or created
    /// version, or the deletion) is confirmed at once and the change leaves the
    /// queue. Returns the change, or `None` if it was no longer pending (after
    /// a reset, or settled twice); the answer is taken all the same unless it
    /// predates a reset.
    pub fn settle_applied(
        &mut self,
        ticket: ChangeTicket,
        applied: Applied,
    ) -> Option<PendingChange> {
        if ticket.number < self.since {
            return None;
        }
        let change = self.take_pending(ticket);
        let mut journeys = match &change {
            Some(change) => self.journeys_of(&change.id, None),
            None => BTreeSet::new(),
        };
        match applied.outcome {
            Outcome::Updated { version } | Outcome::Created { version } => {
                journeys.extend(self.journeys_of(&version.id, Some(&version)));
                if applied.action == Action::Publish {
                    self.note_replaced(&version);
                }
                self.learn(version);
            }
            Outcome::Deleted { id } => {
                journeys.extend(self.journeys_of(&id, None));
                self.forget(&id);
            }
        }
        for journey_id in journeys {
            self.refresh_shown(&journey_id);
        }
        change
    }

    /// The change failed or was refused: only it leaves the queue, and
    /// `current` (the version as the server has it, with a 409 or 412) is taken
    /// unless its revision is lower than the one known.
    pub fn settle_failed(
        &mut self,
        ticket: ChangeTicket,
        current: Option<JourneyVersion>,
    ) -> Option<PendingChange> {
        if ticket.number < self.since {
            return None;
        }
        let change = self.take_pending(ticket);
        let mut journeys = match &change {
            Some(change) => self.journeys_of(&change.id, None),
            None => BTreeSet::new(),
        };
        if let Some(current) = current {
            journeys.extend(self.journeys_of(&current.id, Some(&current)));
            self.learn(current);
        }
        for journey_id in journeys {
            self.refresh_shown(&journey_id);
        }
        change
    }

    /// The server made the change (it answered 2xx) on the version at
    /// revision `made_on` (the revision the change was sent with) but its
    /// answer could not be read: it leaves the queue and is still shown
    /// made, until a list asked for after now is taken or a copy of the
    /// version newer than `made_on` is known. Returns the change, or `None`
    /// if it was no longer pending.
    pub fn settle_made_unread(
        &mut self,
        ticket: ChangeTicket,
        made_on: u64,
    ) -> Option<PendingChange> {
        if ticket.number < self.since {
            return None;
        }
        let mut change = self.take_pending(ticket)?;
        change.seen_revision = made_on;
        let answered_at = self.tick();
        let journeys = self.journeys_of(&change.id, None);
        if let Some(journey_id) = journeys.first() {
            self.made_unread.push(MadeUnread {
                change: change.clone(),
                journey_id: journey_id.clone(),
                answered_at,
            });
        }
        for journey_id in journeys {
            self.refresh_shown(&journey_id);
        }
        Some(change)
    }

    /// Notes the versions the publish of `published` finished: those of its
    /// journey running in what is confirmed when the answer comes.
    fn note_replaced(&mut self, published: &JourneyVersion) {
        let answered_at = self.tick();
        let replaced: Vec<AnsweredReplacement> = self
            .confirmed
            .replaced_on_publish(&published.journey_id, &published.id)
            .map(|version| AnsweredReplacement {
                id: version.id.clone(),
                journey_id: version.journey_id.clone(),
                by_version: published.version,
                by: published.updated_by.clone(),
                at: published.updated_at,
                answered_at,
            })
            .collect();
        self.replaced.extend(replaced);
    }

    fn tick(&mut self) -> u64 {
        self.clock += 1;
        self.clock
    }

    /// When what we know of `id` (its version, or its absence) was learned.
    fn stamp(&self, id: &str) -> u64 {
        self.learned.get(id).copied().unwrap_or(self.base)
    }

    fn take_pending(&mut self, ticket: ChangeTicket) -> Option<PendingChange> {
        let change = self.pending.remove(&ticket)?;
        self.pending_by_version.remove(&change.id);
        Some(change)
    }

    fn is_deleted(&self, version: &JourneyVersion) -> bool {
        self.deleted
            .get(&version.id)
            .is_some_and(|&revision| revision >= version.revision)
    }

    /// Takes a version the server sent, unless it is older than ours or was
    /// deleted since.
    fn learn(&mut self, version: JourneyVersion) -> bool {
        let learned_at = self.tick();
        match self.confirmed.get(&version.id) {
            Some(ours) if ours.revision > version.revision => return false,
            Some(_) => {}
            None if self.is_deleted(&version) => return false,
            None => {}
        }
        self.learned.insert(version.id.clone(), learned_at);
        self.confirmed.upsert(version);
        true
    }

    /// Records that the server deleted `id`.
    fn forget(&mut self, id: &str) {
        let learned_at = self.tick();
        let revision = self
            .confirmed
            .remove(id)
            .map_or(u64::MAX, |removed| removed.revision);
        let known = self.deleted.entry(id.to_owned()).or_insert(revision);
        *known = (*known).max(revision);
        self.learned.insert(id.to_owned(), learned_at);
    }

    /// The journeys whose shown versions a change to `id` may move: the one
    /// `id` belongs to now, and the one of `incoming` if it moves it.
    fn journeys_of(&self, id: &str, incoming: Option<&JourneyVersion>) -> BTreeSet<String> {
        [self.confirmed.get(id), self.shown.get(id), incoming]
            .into_iter()
            .flatten()
            .map(|version| version.journey_id.clone())
            .collect()
    }

    /// Makes the shown versions of one journey `confirmed` with that journey's
    /// pending changes replayed in order. Changes only ever touch their own
    /// journey (a publish finishes the live sibling), so this is all a change
    /// to it can move.
    fn refresh_shown(&mut self, journey_id: &str) {
        self.shown_generation += 1;
        let ids: BTreeSet<String> = self
            .shown
            .versions_of(journey_id)
            .chain(self.confirmed.versions_of(journey_id))
            .map(|version| version.id.clone())
            .collect();
        for id in &ids {
            self.shown.remove(id);
            if let Some(version) = self.confirmed.shared(id) {
                self.shown.upsert(Arc::clone(version));
                let history = self.confirmed.history(id);
                if !history.is_empty() {
                    self.shown.set_history(id, history.to_vec());
                }
            }
        }
        // A change made but answered unreadably is replayed only while
        // nothing newer of its version is confirmed: once the server's copy
        // after it is known (read alone, or a later change's answer), that
        // copy says what it did, and a reversible change (a pause since
        // resumed) is not made again over it.
        let made = self
            .made_unread
            .iter()
            .filter(|made| {
                made.journey_id == journey_id
                    && self
                        .confirmed
                        .get(&made.change.id)
                        .is_some_and(|version| version.revision <= made.change.seen_revision)
            })
            .map(|made| &made.change);
        let mut replays: Vec<&PendingChange> = self
            .confirmed
            .versions_of(journey_id)
            .filter_map(|version| self.pending_by_version.get(&version.id))
            .filter_map(|ticket| self.pending.get(ticket))
            .chain(made)
            .filter(|change| change.is_shown_at_once())
            .collect();
        replays.sort_by_key(|change| change.ticket);
        for change in replays {
            if self
                .confirmed
                .check(&change.id, change.command.action())
                .is_ok()
            {
                // The rules allowed it on what the server confirmed; on what is
                // shown an earlier replay may have moved the version already.
                let _ = self
                    .shown
                    .apply(&change.id, change.command.clone(), &change.by, change.at);
            }
        }
        for replaced in self.replaced.iter().filter(|r| r.journey_id == journey_id) {
            // Not running any more on what is shown (stopped since, say):
            // nothing to finish.
            let _ = self.shown.finish_replaced(
                &replaced.id,
                replaced.by_version,
                &replaced.by,
                replaced.at,
            );
        }
    }
}

/// Tells two lists apart without keeping the older one: 100,000 versions are
/// hashed in milliseconds, a copy would double the memory.
fn fingerprint(catalog: &Catalog) -> u64 {
    let mut hasher = DefaultHasher::new();
    catalog.len().hash(&mut hasher);
    for version in catalog.versions() {
        version.hash(&mut hasher);
    }
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};
    use lifecycle::{Stats, Status};

    use super::*;
    use crate::english::english;

    fn at(minutes: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 3, 3, 9, 0, 0).unwrap() + Duration::minutes(minutes)
    }

    /// Journey "a": a-v1 live with 40 customers. Journey "b": b-v1 live, b-v2
    /// a draft.
    fn server() -> Catalog {
        let mut catalog = Catalog::new([
            JourneyVersion::draft("a-v1", "a", "Welcome", 1, "Ana", at(0)),
            JourneyVersion::draft("b-v1", "b", "Spring sale", 1, "Ana", at(0)),
            JourneyVersion::draft("b-v2", "b", "Spring sale", 2, "Ana", at(0)),
        ]);
        catalog
            .apply("a-v1", Command::Publish, "Ana", at(1))
            .unwrap();
        catalog
            .apply("b-v1", Command::Publish, "Ana", at(1))
            .unwrap();
        let mut a = catalog.get("a-v1").unwrap().clone();
        a.stats = Stats {
            entered: 40,
            active: 40,
            completed: 0,
            exited: 0,
        };
        catalog.upsert(a);
        catalog
    }

    /// What the server answers to `command` on `id` of `catalog`.
    fn answer(catalog: &mut Catalog, id: &str, command: Command, minutes: i64) -> Applied {
        catalog.apply(id, command, "Server", at(minutes)).unwrap()
    }

    fn status(catalog: &Catalog, id: &str) -> Status {
        catalog.get(id).unwrap().status
    }

    #[test]
    fn a_finish_is_shown_at_once_and_confirmed_by_its_answer() {
        let mut server = server();
        let mut store = JourneyStore::new(server.clone());
        let ticket = store
            .begin_change("a-v1", Command::Finish, "k1", "Ana", at(2))
            .unwrap();
        assert_eq!(status(store.shown(), "a-v1"), Status::Finished);
        assert_eq!(status(store.confirmed(), "a-v1"), Status::Live);
        let pending = store.pending("a-v1").unwrap();
        assert_eq!(
            (pending.seen_revision, pending.idempotency_key.as_str()),
            (2, "k1")
        );

        let applied = answer(&mut server, "a-v1", Command::Finish, 3);
        let settled = store.settle_applied(ticket, applied).unwrap();
        assert_eq!(settled.ticket, ticket);
        assert_eq!(status(store.confirmed(), "a-v1"), Status::Finished);
        assert_eq!(store.pending("a-v1"), None);
        assert_eq!(store.shown(), store.confirmed());
    }

    #[test]
    fn a_refused_action_never_becomes_pending() {
        let mut store = JourneyStore::new(server());
        let error = store
            .begin_change("b-v2", Command::Finish, "k1", "Ana", at(2))
            .unwrap_err();
        assert!(matches!(error, ActionError::Refused(_)));
        let error = store
            .begin_change("nope", Command::Finish, "k1", "Ana", at(2))
            .unwrap_err();
        assert_eq!(error, ActionError::NotFound { id: "nope".into() });
        assert_eq!(store.pending_changes().len(), 0);
    }

    #[test]
    fn a_second_change_on_a_version_waits_for_the_first() {
        let mut store = JourneyStore::new(server());
        store
            .begin_change("a-v1", Command::Finish, "k1", "Ana", at(2))
            .unwrap();
        let error = store
            .begin_change("a-v1", Command::Stop { reason: None }, "k2", "Ana", at(2))
            .unwrap_err();
        let ActionError::Refused(refusal) = error else {
            panic!("expected a refusal, got {error:?}");
        };
        assert_eq!(
            refusal,
            Refusal::new(
                Action::Stop,
                Status::Finished,
                Reason::AwaitingAnswer {
                    earlier: Action::Finish
                }
            )
        );
        assert_eq!(
            english(&wording::refusal_phrase(&refusal)),
            "Your request to finish this journey is still on its way to the server; wait for \
             its answer before doing anything else with it."
        );
        // Another version is free.
        store
            .begin_change("b-v1", Command::Finish, "k3", "Ana", at(2))
            .unwrap();
    }

    #[test]
    fn created_and_deleted_versions_wait_for_the_answer() {
        let mut server = server();
        let mut store = JourneyStore::new(server.clone());
        let create = store
            .begin_change(
                "a-v1",
                Command::NewVersion { id: String::new() },
                "k1",
                "Ana",
                at(2),
            )
            .unwrap();
        let delete = store
            .begin_change("b-v2", Command::Delete, "k2", "Ana", at(2))
            .unwrap();
        assert_eq!(store.shown(), store.confirmed());
        store.settle_applied(
            create,
            answer(
                &mut server,
                "a-v1",
                Command::NewVersion { id: "a-v2".into() },
                3,
            ),
        );
        store.settle_applied(delete, answer(&mut server, "b-v2", Command::Delete, 3));
        assert_eq!(status(store.shown(), "a-v2"), Status::Draft);
        assert!(store.shown().get("b-v2").is_none());
        assert_eq!(store.shown(), store.confirmed());
    }

    #[test]
    fn a_publish_shows_the_live_sibling_finished() {
        let mut store = JourneyStore::new(server());
        let ticket = store
            .begin_change("b-v2", Command::Publish, "k1", "Ana", at(2))
            .unwrap();
        assert_eq!(status(store.shown(), "b-v2"), Status::Live);
        assert_eq!(status(store.shown(), "b-v1"), Status::Finished);
        store.settle_failed(ticket, None);
        assert_eq!(store.shown(), store.confirmed());
        assert_eq!(status(store.shown(), "b-v1"), Status::Live);
    }

    #[test]
    fn a_refusals_current_is_taken_unless_it_is_older() {
        let mut server = server();
        let mut store = JourneyStore::new(server.clone());
        let old = server.get("a-v1").unwrap().clone();
        answer(&mut server, "a-v1", Command::Stop { reason: None }, 2);
        let current = server.get("a-v1").unwrap().clone();
        let ticket = store
            .begin_change("a-v1", Command::Finish, "k1", "Ana", at(3))
            .unwrap();
        store.settle_failed(ticket, Some(current.clone()));
        assert_eq!(store.shown().get("a-v1"), Some(&current));
        assert!(!store.take_version(old));
        assert_eq!(store.confirmed().get("a-v1"), Some(&current));
    }

    #[test]
    fn a_load_does_not_overwrite_what_was_learned_after_it_began() {
        let mut server = server();
        let mut store = JourneyStore::new(server.clone());
        let load = store.begin_load();
        let listed = server.clone();
        let ticket = store
            .begin_change("a-v1", Command::Finish, "k1", "Ana", at(2))
            .unwrap();
        store.settle_applied(ticket, answer(&mut server, "a-v1", Command::Finish, 2));
        assert!(store.finish_load(load, listed));
        assert_eq!(status(store.shown(), "a-v1"), Status::Finished);
        // A load begun afterwards brings the newer counts of the same revision.
        let mut a = server.get("a-v1").unwrap().clone();
        a.stats.active = 30;
        a.stats.completed = 10;
        server.upsert(a.clone());
        let load = store.begin_load();
        store.finish_load(load, server.clone());
        assert_eq!(store.confirmed().get("a-v1"), Some(&a));
    }

    #[test]
    fn an_older_load_finishing_last_brings_back_no_older_counts() {
        let mut server = server();
        let mut store = JourneyStore::new(server.clone());
        let older = store.begin_load();
        let older_list = server.clone();
        let mut a = server.get("a-v1").unwrap().clone();
        a.stats.entered = 50;
        a.stats.active = 50;
        server.upsert(a.clone());
        let newer = store.begin_load();
        store.finish_load(newer, server.clone());
        store.finish_load(older, older_list);
        assert_eq!(store.confirmed().get("a-v1"), Some(&a));
    }

    #[test]
    fn a_deletion_learned_during_a_load_is_not_undone_by_it() {
        let mut server = server();
        let mut store = JourneyStore::new(server.clone());
        let load = store.begin_load();
        let listed = server.clone();
        let ticket = store
            .begin_change("b-v2", Command::Delete, "k1", "Ana", at(2))
            .unwrap();
        store.settle_applied(ticket, answer(&mut server, "b-v2", Command::Delete, 2));
        store.finish_load(load, listed);
        assert!(store.confirmed().get("b-v2").is_none());
        // And a version the server no longer lists leaves.
        server.remove("a-v1");
        let load = store.begin_load();
        store.finish_load(load, server.clone());
        assert!(store.shown().get("a-v1").is_none());
    }

    #[test]
    fn histories_are_kept_across_loads() {
        let server = server();
        let mut store = JourneyStore::new(server.clone());
        let entries = server.history("a-v1").to_vec();
        assert!(!entries.is_empty());
        let mut without_history = Catalog::new(server.versions().cloned());
        store.set_history("a-v1", entries.clone());
        let load = store.begin_load();
        store.finish_load(load, without_history.clone());
        assert_eq!(store.shown().history("a-v1"), entries.as_slice());
        assert!(!store.set_history("nope", Vec::new()));
        // A list that brings histories (the demo backend) gives them.
        without_history.set_history("b-v1", server.history("b-v1").to_vec());
        let load = store.begin_load();
        store.finish_load(load, without_history);
        assert_eq!(store.confirmed().history("b-v1"), server.history("b-v1"));
    }

    #[test]
    fn a_reset_ignores_loads_and_answers_from_before() {
        let mut server = server();
        let mut store = JourneyStore::new(server.clone());
        let load = store.begin_load();
        let ticket = store
            .begin_change("a-v1", Command::Finish, "k1", "Ana", at(2))
            .unwrap();
        store.reset(Catalog::default());
        assert!(!store.finish_load(load, server.clone()));
        assert_eq!(
            store.settle_applied(ticket, answer(&mut server, "a-v1", Command::Finish, 2)),
            None
        );
        assert!(store.shown().is_empty() && store.confirmed().is_empty());
    }

    #[test]
    fn a_hundred_thousand_versions_take_many_changes_without_rebuilding() {
        let catalog = lifecycle::demo::large_catalog(at(0), 100_000, 7);
        let mut store = JourneyStore::new(catalog);
        let live: Vec<String> = store
            .confirmed()
            .versions()
            .filter(|v| v.status == Status::Live)
            .take(500)
            .map(|v| v.id.clone())
            .collect();
        let tickets: Vec<ChangeTicket> = live
            .iter()
            .map(|id| {
                store
                    .begin_change(id, Command::Finish, id.as_str(), "Ana", at(1))
                    .unwrap()
            })
            .collect();
        for (ticket, id) in tickets.into_iter().zip(&live) {
            let mut version = store.confirmed().get(id).unwrap().clone();
            version.status = Status::Finished;
            version.revision += 1;
            store.settle_applied(
                ticket,
                Applied {
                    action: Action::Finish,
                    outcome: Outcome::Updated { version },
                    also_changed: Vec::new(),
                },
            );
        }
        assert!(live
            .iter()
            .all(|id| status(store.shown(), id) == Status::Finished));
        assert_eq!(store.shown().len(), 100_000);
    }
}
