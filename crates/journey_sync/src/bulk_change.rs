//! One action on many journey versions: the plan the confirmation shows, and
//! the run that sends it.
//!
//! The plan asks the rules (`Catalog::check` on what the user sees) which of
//! the selected versions may take the action, exactly as a single action does;
//! nothing else decides. The run sends each allowed version as a change of its
//! own, with its own idempotency key, a few at a time, and keeps each
//! version's result by id, whatever the selection does meanwhile. Any
//! [`Command`] can be run: it is made per version by the caller.

use std::collections::BTreeMap;

use lifecycle::{Action, ActionError, Catalog, Command, JourneyVersion, Reason, Refusal};
use wording::{action_error_phrase, Phrase};

use crate::{Attempt, ErrorKind, SeenChange, SeenLifecycle};

/// At most this many changes of a run are on their way at once: enough to
/// finish a long selection soon, few enough to leave the server (and the
/// browser's connections) for everything else.
pub const MAX_IN_FLIGHT: usize = 3;

/// A version as the confirmation and the results name it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NamedVersion {
    pub id: String,
    pub name: String,
    pub version: u32,
    /// Customers in the journey (`stats.active`) when planned.
    pub active: u64,
    /// Its lifecycle when planned: what the user confirmed the action on.
    pub seen: SeenLifecycle,
    /// Its revision when planned.
    pub revision: u64,
}

impl NamedVersion {
    fn of(version: &JourneyVersion) -> NamedVersion {
        NamedVersion {
            id: version.id.clone(),
            name: version.name.clone(),
            version: version.version,
            active: version.stats.active,
            seen: SeenLifecycle::of(version),
            revision: version.revision,
        }
    }

    /// "Welcome series, version 2".
    pub fn phrase(&self) -> Phrase {
        Phrase::new("bulk-version")
            .with("name", self.name.as_str())
            .with("version", self.version)
    }
}

/// A selected version the rules refuse the action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefusedVersion {
    pub version: NamedVersion,
    pub refusal: Refusal,
}

impl RefusedVersion {
    /// Why, in the rules' own words (`wording::refusal_phrase`).
    pub fn why(&self) -> Phrase {
        wording::refusal_phrase(&self.refusal)
    }
}

/// What one action on the selected versions would do, before anything is sent.
#[derive(Clone, Debug, PartialEq)]
pub struct BulkPlan {
    pub action: Action,
    /// The versions the rules allow it on, in the order shown.
    pub allowed: Vec<NamedVersion>,
    /// The versions they refuse, each with its refusal.
    pub refused: Vec<RefusedVersion>,
    /// Selected versions that no longer exist (deleted meanwhile).
    pub missing: Vec<String>,
    /// Why the user's role may not take the action at all; then nothing is
    /// allowed.
    pub forbidden: Option<Phrase>,
}

impl BulkPlan {
    /// Splits `selected` by what the rules say of `action` on `shown` (the
    /// catalog the user sees, `JourneyStore::shown`). `permission` is the
    /// role's verdict, as for a single action: a role that may not take the
    /// action gets nothing allowed. Versions are ordered by name, then
    /// version, as Home lists them by default.
    pub fn new<'a>(
        selected: impl IntoIterator<Item = &'a str>,
        action: Action,
        shown: &Catalog,
        permission: Result<(), Phrase>,
    ) -> BulkPlan {
        let mut plan = BulkPlan {
            action,
            allowed: Vec::new(),
            refused: Vec::new(),
            missing: Vec::new(),
            forbidden: permission.err(),
        };
        for id in selected {
            let Some(version) = shown.get(id) else {
                plan.missing.push(id.to_owned());
                continue;
            };
            match shown.check(id, action) {
                Ok(()) if plan.forbidden.is_none() => plan.allowed.push(NamedVersion::of(version)),
                Ok(()) => {}
                Err(ActionError::Refused(refusal)) => plan.refused.push(RefusedVersion {
                    version: NamedVersion::of(version),
                    refusal,
                }),
                Err(_) => plan.missing.push(id.to_owned()),
            }
        }
        let order = |v: &NamedVersion| (v.name.to_lowercase(), v.version, v.id.clone());
        plan.allowed.sort_by_key(order);
        plan.refused.sort_by_key(|r| order(&r.version));
        plan.missing.sort();
        plan
    }

    /// The customers in all the allowed versions together (at most
    /// `u64::MAX`, whatever counts a server sent).
    pub fn customers(&self) -> u64 {
        self.allowed
            .iter()
            .fold(0, |sum, v| sum.saturating_add(v.active))
    }

    /// The plan with every customer count taken out (the versions', and a
    /// refusal's): what a confirmation shows apart from the counts, which
    /// move all the time.
    pub fn without_counts(&self) -> BulkPlan {
        let mut plan = self.clone();
        let named = plan.allowed.iter_mut();
        for version in named.chain(plan.refused.iter_mut().map(|r| &mut r.version)) {
            version.active = 0;
        }
        for refused in &mut plan.refused {
            if let Reason::AlreadyFinishing { active } = &mut refused.refusal.reason {
                *active = 0;
            }
        }
        plan
    }

    /// This plan (asked again when the user confirms) with each allowed
    /// version as `opened`, the plan the confirmation showed when it opened,
    /// had it: what the user decided on. A run then holds back a version
    /// changed since ([`BulkRun::hold_back_changed`]), one the rules refused
    /// then and allow now included.
    pub fn as_seen_in(mut self, opened: &BulkPlan) -> BulkPlan {
        let then = opened
            .allowed
            .iter()
            .chain(opened.refused.iter().map(|refused| &refused.version));
        for version in &mut self.allowed {
            if let Some(then) = then.clone().find(|then| then.id == version.id) {
                version.seen = then.seen.clone();
            }
        }
        self
    }

    /// Whether there is anything to confirm.
    pub fn can_confirm(&self) -> bool {
        !self.allowed.is_empty()
    }

    /// Why a missing version is not acted on.
    pub fn missing_phrase(id: &str) -> Phrase {
        action_error_phrase(&ActionError::NotFound { id: id.to_owned() })
    }
}

/// Why one version's change failed.
#[derive(Clone, Debug, PartialEq)]
pub struct Failure {
    pub why: Phrase,
    /// The request may have been carried out though no answer said so (no
    /// answer, a server failure, an unreadable answer): its retry must carry
    /// the same idempotency key, so it is applied at most once.
    pub maybe_applied: bool,
}

impl Failure {
    /// A failure the server (or the rules, before sending) answered: a
    /// retry is a new request.
    pub fn answered(why: Phrase) -> Failure {
        Failure {
            why,
            maybe_applied: false,
        }
    }

    /// A failure of a request a backend error of `kind` ended.
    pub fn from_error(kind: ErrorKind, why: Phrase) -> Failure {
        Failure {
            why,
            maybe_applied: kind.may_have_been_applied(),
        }
    }
}

/// Where one version of a run is.
#[derive(Clone, Debug, PartialEq)]
pub enum VersionState {
    Waiting,
    Sending,
    Succeeded,
    Failed(Failure),
}

/// One version of a run.
#[derive(Clone, Debug, PartialEq)]
pub struct RunEntry {
    pub version: NamedVersion,
    pub command: Command,
    pub state: VersionState,
    /// The key of the last attempt, kept for a retry that must reuse it.
    key: Option<String>,
}

/// What the shell sends next: one change, on its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dispatch {
    pub id: String,
    pub command: Command,
    pub idempotency_key: String,
    /// Sent before with this key without a known outcome, then it goes
    /// again on the revision the user confirmed the action on
    /// ([`Attempt::Again`]): the server may have made it, and what is shown
    /// may be that very change; or it never reached the server, and a
    /// colleague's change made since must not be overruled by it (a Stop
    /// confirmed on a live version cutting short a finish chosen meanwhile).
    pub attempt: Attempt,
}

/// How far a run is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RunCounts {
    pub total: usize,
    pub waiting: usize,
    pub sending: usize,
    pub succeeded: usize,
    pub failed: usize,
}

impl RunCounts {
    /// Answered, either way.
    pub fn done(&self) -> usize {
        self.succeeded + self.failed
    }

    pub fn is_running(&self) -> bool {
        self.waiting + self.sending > 0
    }
}

/// The sending of a plan: each allowed version a change of its own, at most
/// [`MAX_IN_FLIGHT`] at once. Results are kept by version id and only the
/// run's own answers change them; a selection is never consulted.
#[derive(Clone, Debug, PartialEq)]
pub struct BulkRun {
    action: Action,
    entries: BTreeMap<String, RunEntry>,
    /// The plan's order, for the results.
    order: Vec<String>,
}

impl BulkRun {
    /// A run of the plan's allowed versions (never its refused ones), each
    /// sent with the command `command` makes for it.
    pub fn new(plan: &BulkPlan, mut command: impl FnMut(&NamedVersion) -> Command) -> BulkRun {
        let mut entries = BTreeMap::new();
        let mut order = Vec::new();
        for version in &plan.allowed {
            let command = command(version);
            debug_assert_eq!(command.action(), plan.action);
            order.push(version.id.clone());
            entries.insert(
                version.id.clone(),
                RunEntry {
                    version: version.clone(),
                    command,
                    state: VersionState::Waiting,
                    key: None,
                },
            );
        }
        BulkRun {
            action: plan.action,
            entries,
            order,
        }
    }

    pub fn action(&self) -> Action {
        self.action
    }

    /// The next change to send, if one is waiting and fewer than
    /// [`MAX_IN_FLIGHT`] are on their way; it is then marked as sending.
    /// `fresh_key` is asked for a key only when the version has none to reuse.
    pub fn next(&mut self, fresh_key: impl FnOnce() -> String) -> Option<Dispatch> {
        self.next_within(MAX_IN_FLIGHT, fresh_key)
    }

    fn next_within(
        &mut self,
        in_flight: usize,
        fresh_key: impl FnOnce() -> String,
    ) -> Option<Dispatch> {
        if self.counts().sending >= in_flight {
            return None;
        }
        let id = self
            .order
            .iter()
            .find(|id| self.entries[*id].state == VersionState::Waiting)?
            .clone();
        let entry = self.entries.get_mut(&id)?;
        // A key is kept only from an attempt that may have been made.
        let attempt = match entry.key {
            Some(_) => Attempt::Again {
                on: Some(entry.version.revision),
            },
            None => Attempt::New,
        };
        let key = entry.key.get_or_insert_with(fresh_key).clone();
        entry.state = VersionState::Sending;
        Some(Dispatch {
            id,
            command: entry.command.clone(),
            idempotency_key: key,
            attempt,
        })
    }

    /// Every change that may be sent now, each with a key from `fresh_key`.
    pub fn next_all(&mut self, mut fresh_key: impl FnMut() -> String) -> Vec<Dispatch> {
        std::iter::from_fn(|| self.next(&mut fresh_key)).collect()
    }

    /// Every change still waiting, at once and whatever is on its way: for
    /// a console that goes (unmounted) and sends them all before it does.
    pub fn unsent(&mut self, mut fresh_key: impl FnMut() -> String) -> Vec<Dispatch> {
        std::iter::from_fn(|| self.next_within(usize::MAX, &mut fresh_key)).collect()
    }

    /// The answer to the change sent for `id`. Returns false, changing
    /// nothing, when `id` is not being sent by this run.
    pub fn settle(&mut self, id: &str, outcome: Result<(), Failure>) -> bool {
        let Some(entry) = self.entries.get_mut(id) else {
            return false;
        };
        if entry.state != VersionState::Sending {
            return false;
        }
        entry.state = match outcome {
            Ok(()) => VersionState::Succeeded,
            Err(failure) => {
                if !failure.maybe_applied {
                    // The server's answer was its considered word: a retry
                    // is a new request, with a new key.
                    entry.key = None;
                }
                VersionState::Failed(failure)
            }
        };
        true
    }

    /// Takes out of the run, as failed and unsent, each waiting version that
    /// `shown` (what the user sees now) has changed since the user confirmed
    /// (finished or stopped by someone else, replaced, paused, rescheduled,
    /// deleted): the user decided on what they saw, and a Stop confirmed on a
    /// live version must not cut short a finish someone chose meanwhile. A
    /// version whose earlier attempt may have been carried out is sent again
    /// all the same, with its key: it may show that very change. It goes on
    /// the revision the user decided on ([`Dispatch::attempt`]), so the
    /// server refuses it if it was not made and the version changed. Call it
    /// right before [`BulkRun::next`]. Returns how many were taken out.
    pub fn hold_back_changed(&mut self, shown: &Catalog) -> usize {
        let mut held = 0;
        for (id, entry) in &mut self.entries {
            if entry.state != VersionState::Waiting || entry.key.is_some() {
                continue;
            }
            let Some(change) = entry.version.seen.change(shown.get(id)) else {
                continue;
            };
            let why = match change {
                SeenChange::Gone => BulkPlan::missing_phrase(id),
                SeenChange::Schedule { by } => Phrase::new("bulk-changed-schedule").with("by", by),
                SeenChange::Status { status, by } => Phrase::new("bulk-changed-status")
                    .with("status", status)
                    .with("by", by),
            };
            entry.state = VersionState::Failed(Failure::answered(why));
            held += 1;
        }
        held
    }

    /// Puts the failed versions back to be sent again (and only them); the
    /// ones whose request may have been applied keep their key. Returns how
    /// many.
    pub fn retry_failed(&mut self) -> usize {
        let mut again = 0;
        for entry in self.entries.values_mut() {
            if matches!(entry.state, VersionState::Failed(_)) {
                entry.state = VersionState::Waiting;
                again += 1;
            }
        }
        again
    }

    /// The result of version `id`, if this run acts on it.
    pub fn state(&self, id: &str) -> Option<&VersionState> {
        self.entries.get(id).map(|entry| &entry.state)
    }

    /// Every version of the run, in the plan's order.
    pub fn entries(&self) -> impl Iterator<Item = &RunEntry> + '_ {
        self.order.iter().map(|id| &self.entries[id])
    }

    pub fn succeeded(&self) -> impl Iterator<Item = &RunEntry> + '_ {
        self.entries()
            .filter(|entry| entry.state == VersionState::Succeeded)
    }

    /// The failed versions, each with why.
    pub fn failed(&self) -> impl Iterator<Item = (&RunEntry, &Failure)> + '_ {
        self.entries().filter_map(|entry| match &entry.state {
            VersionState::Failed(failure) => Some((entry, failure)),
            _ => None,
        })
    }

    pub fn counts(&self) -> RunCounts {
        let mut counts = RunCounts {
            total: self.entries.len(),
            ..RunCounts::default()
        };
        for entry in self.entries.values() {
            match entry.state {
                VersionState::Waiting => counts.waiting += 1,
                VersionState::Sending => counts.sending += 1,
                VersionState::Succeeded => counts.succeeded += 1,
                VersionState::Failed(_) => counts.failed += 1,
            }
        }
        counts
    }

    /// "3 of 12 done, 1 failed.", for a live region.
    pub fn progress(&self) -> Phrase {
        let counts = self.counts();
        Phrase::new("bulk-progress")
            .with("done", counts.done())
            .with("total", counts.total)
            .with("failed", counts.failed)
    }
}
