//! One action on many versions, sent: the reactive shell of
//! `journey_sync::BulkRun`. Each version goes through `Journeys::act`, the
//! path of a single confirmed action (the rules asked again, the store's
//! pending change, the backend's retries, the answer settled), with the key
//! the run gives it. The run lives beside the journeys, not in a page: its
//! results stay until the next bulk action starts, whatever the selection
//! or the page does meanwhile, and its versions are all sent even when the
//! console is unmounted halfway.

use journey_sync::{BulkPlan, BulkRun, Dispatch, Failure, NamedVersion, MAX_IN_FLIGHT};
use leptos::prelude::*;
use leptos::task::spawn_local;
use lifecycle::{Action, Command};

use super::journeys::Journeys;
use super::leaving::OnItsWay;
use crate::host_events::HostEvents;
use crate::new_id::new_id;

#[derive(Clone, Copy)]
pub struct BulkActions {
    journeys: Journeys,
    host_events: HostEvents,
    run: RwSignal<Option<BulkRun>>,
    /// Counts the runs started: an answer for an earlier run is not this one's.
    number: StoredValue<u64>,
    /// Held while a run is sending: leaving the page asks first, also while
    /// the versions on their way read their histories and others wait.
    on_its_way: StoredValue<Option<OnItsWay>>,
}

impl BulkActions {
    pub fn new(journeys: Journeys, host_events: HostEvents) -> BulkActions {
        let bulk = BulkActions {
            journeys,
            host_events,
            run: RwSignal::new(None),
            number: StoredValue::new(0),
            on_its_way: StoredValue::new(None),
        };
        // Unmounted mid-run, the console still sends the versions the user
        // confirmed and it had not sent yet (those on their way go on too).
        on_cleanup(move || {
            let unsent = bulk
                .run
                .try_update_untracked(|run| {
                    run.as_mut().map(|run| {
                        bulk.hold_back_changed(run);
                        run.unsent(new_id)
                    })
                })
                .flatten()
                .unwrap_or_default();
            journeys.send_unanswered(unsent);
        });
        bulk
    }

    /// The latest run, with each version's result.
    pub fn run(&self) -> ReadSignal<Option<BulkRun>> {
        self.run.read_only()
    }

    /// Whether a run is still sending (no new one starts meanwhile).
    pub fn running(&self) -> bool {
        self.run
            .with(|run| run.as_ref().is_some_and(|run| run.counts().is_running()))
    }

    /// What `action` on `selected` would do, by the rules on what the user
    /// sees and by the user's role.
    pub fn plan<'a>(
        &self,
        selected: impl IntoIterator<Item = &'a str>,
        action: Action,
    ) -> BulkPlan {
        let permission = self.journeys.permission(action);
        self.journeys
            .catalog()
            .with(|shown| BulkPlan::new(selected, action, shown, permission))
    }

    /// Starts sending the plan's allowed versions, replacing the results of
    /// the run before; `command` makes each version's command.
    pub fn start(&self, plan: &BulkPlan, command: impl FnMut(&NamedVersion) -> Command) {
        if self.running() {
            return;
        }
        self.number.update_value(|n| *n += 1);
        self.run.set(Some(BulkRun::new(plan, command)));
        self.keep_asking();
        self.pump();
    }

    /// Sends again only the versions that failed.
    pub fn retry_failed(&self) {
        let again = self
            .run
            .try_update(|run| run.as_mut().map_or(0, BulkRun::retry_failed))
            .unwrap_or(0);
        if again > 0 {
            self.keep_asking();
            self.pump();
        }
    }

    /// Sends what the run lets go now (at most `MAX_IN_FLIGHT` at once);
    /// each answer sends the next. A version is taken from the run only when
    /// its task starts: one the console is unmounted before has not left the
    /// run, and the unmount sends it.
    fn pump(&self) {
        let free = self
            .run
            .try_with_untracked(|run| {
                run.as_ref().map_or(0, |run| {
                    let counts = run.counts();
                    counts
                        .waiting
                        .min(MAX_IN_FLIGHT.saturating_sub(counts.sending))
                })
            })
            .unwrap_or(0);
        for _ in 0..free {
            let bulk = *self;
            spawn_local(async move {
                let number = bulk.number.try_get_value();
                let dispatch = bulk
                    .run
                    .try_update(|run| {
                        run.as_mut().and_then(|run| {
                            bulk.hold_back_changed(run);
                            run.next(new_id)
                        })
                    })
                    .flatten();
                match (number, dispatch) {
                    (Some(number), Some(dispatch)) => bulk.send(number, dispatch).await,
                    // Nothing left to send (the rest changed since the user
                    // confirmed): the run may be over.
                    _ => bulk.keep_asking(),
                }
            });
        }
    }

    async fn send(self, number: u64, dispatch: Dispatch) {
        let journeys = self.journeys;
        let before = journeys
            .catalog()
            .with_untracked(|shown| shown.get(&dispatch.id).cloned());
        let outcome = journeys
            .act(
                &dispatch.id,
                dispatch.command,
                &dispatch.idempotency_key,
                dispatch.attempt,
            )
            .await;
        if self.number.try_get_value() != Some(number) {
            return;
        }
        let outcome = match outcome {
            Ok(applied) => {
                if let Some(before) = &before {
                    self.host_events.announce(before, &applied);
                }
                Ok(())
            }
            Err(failure) => Err(Failure {
                why: failure.message,
                maybe_applied: failure.maybe_applied,
            }),
        };
        self.run.try_update(|run| {
            if let Some(run) = run {
                run.settle(&dispatch.id, outcome);
            }
        });
        self.keep_asking();
        self.pump();
    }

    /// Takes out of `run` the waiting versions changed since the user
    /// confirmed (`BulkRun::hold_back_changed`), by what is shown now.
    fn hold_back_changed(&self, run: &mut BulkRun) {
        self.journeys
            .catalog()
            .try_with_untracked(|shown| run.hold_back_changed(shown));
    }

    /// Holds an [`OnItsWay`] for as long as the run is sending.
    fn keep_asking(&self) {
        let running = self
            .run
            .try_with_untracked(|run| run.as_ref().is_some_and(|run| run.counts().is_running()))
            .unwrap_or(false);
        self.on_its_way
            .try_update_value(|held| match (running, held.is_some()) {
                (true, false) => *held = Some(OnItsWay::begin()),
                (false, true) => *held = None,
                _ => {}
            });
    }
}

/// The bulk actions of the running console, provided by `App`.
pub fn use_bulk_actions() -> BulkActions {
    expect_context::<BulkActions>()
}
