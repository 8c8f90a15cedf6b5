//! Random sequences of actions, refused ones included, interleaved with simulated
//! time, never break the lifecycle rules.

mod fixtures;

use chrono::{DateTime, Duration, Utc};
use fixtures::{assert_invariants, start};
use lifecycle::{
    demo, Action, ActionError, Applied, Catalog, Command, JourneyVersion, PauseCustomers, PauseEnd,
    Simulation, SimulationSettings, Stats, Status,
};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Step {
    Act {
        target: usize,
        action: usize,
        /// Picks an existing id for a new version or journey, which must be refused.
        reuse_id: Option<usize>,
        by: usize,
        with_reason: bool,
        /// How far ahead a pause ends or a finish is scheduled (may be past).
        hours_ahead: i64,
    },
    Wait {
        seconds: i64,
    },
}

fn step() -> impl Strategy<Value = Step> {
    let act = (
        any::<usize>(),
        0..11_usize,
        proptest::option::weighted(0.15, any::<usize>()),
        0..3_usize,
        any::<bool>(),
        prop_oneof![-2_i64..1, 1_i64..48, 48_i64..400],
    )
        .prop_map(
            |(target, action, reuse_id, by, with_reason, hours_ahead)| Step::Act {
                target,
                action,
                reuse_id,
                by,
                with_reason,
                hours_ahead,
            },
        );
    let wait = prop_oneof![1_i64..120, 120_i64..3 * 86_400, Just(40 * 86_400),]
        .prop_map(|seconds| Step::Wait { seconds });
    prop_oneof![3 => act, 1 => wait]
}

/// A demo catalog and its simulation, played forward step by step.
struct Run {
    catalog: Catalog,
    simulation: Simulation,
    now: DateTime<Utc>,
    minted: usize,
}

/// What a step did; `Acted` is boxed because an applied action is large.
enum StepResult {
    Acted(Box<Result<Applied, ActionError>>),
    /// What fell due while waiting (pause ends, scheduled finishes).
    Waited(Vec<Applied>),
}

impl Run {
    fn new(seed: u64) -> Self {
        let now = start() + Duration::days(400);
        Run {
            catalog: demo::catalog(now, seed),
            simulation: Simulation::new(seed, SimulationSettings::default()),
            now,
            minted: 0,
        }
    }

    fn take(&mut self, step: &Step) -> StepResult {
        match *step {
            Step::Wait { seconds } => {
                self.now += Duration::seconds(seconds);
                let due = self.catalog.run_due(self.now);
                self.simulation
                    .advance(&mut self.catalog, Duration::seconds(seconds), self.now);
                StepResult::Waited(due)
            }
            Step::Act {
                target,
                action,
                reuse_id,
                by,
                with_reason,
                hours_ahead,
            } => {
                self.now += Duration::minutes(1);
                let ids: Vec<String> = self.catalog.versions().map(|v| v.id.clone()).collect();
                let journeys: Vec<String> = self.catalog.journey_ids().map(str::to_owned).collect();
                self.minted += 1;
                let (new_id, new_journey) = match reuse_id {
                    Some(k) if k % 2 == 0 => {
                        (ids[k % ids.len()].clone(), format!("j{}", self.minted))
                    }
                    Some(k) => (
                        format!("n{}", self.minted),
                        journeys[k % journeys.len()].clone(),
                    ),
                    None => (format!("n{}", self.minted), format!("j{}", self.minted)),
                };
                let command = match action {
                    0 => Command::Publish,
                    1 => Command::Finish,
                    2 => Command::Stop {
                        reason: with_reason.then(|| "Wrong audience".to_owned()),
                    },
                    3 => Command::Pause {
                        customers: if with_reason {
                            PauseCustomers::Hold
                        } else {
                            PauseCustomers::Discard
                        },
                        until: self.now + Duration::hours(hours_ahead),
                        at_end: if by == 0 {
                            PauseEnd::Stop
                        } else {
                            PauseEnd::Resume
                        },
                    },
                    4 => Command::Resume,
                    5 => Command::ScheduleFinish {
                        at: self.now + Duration::hours(hours_ahead),
                    },
                    6 => Command::CancelScheduledFinish,
                    7 => Command::Restart,
                    8 => Command::Delete,
                    9 => Command::NewVersion { id: new_id },
                    _ => Command::Duplicate {
                        id: new_id,
                        journey_id: new_journey,
                    },
                };
                let by = ["Priya Nair", "Jonas Becker", "Marco Rossi"][by];
                let id = &ids[target % ids.len()];
                StepResult::Acted(Box::new(self.catalog.apply(id, command, by, self.now)))
            }
        }
    }
}

/// The version without its counts: what only actions may change.
fn lifecycle_of(version: &JourneyVersion) -> JourneyVersion {
    JourneyVersion {
        stats: Stats::default(),
        ..version.clone()
    }
}

fn check(before: &Catalog, after: &Catalog, outcome: &StepResult) {
    assert_invariants(after);
    for version in after.versions() {
        let Some(old) = before.get(&version.id) else {
            continue;
        };
        let (was, is) = (old.status, version.status);
        match was {
            Status::Draft => {}
            Status::Live | Status::Paused => assert_ne!(is, Status::Draft, "{}", version.id),
            // An ended version is never paused, resumed or made live again.
            Status::Finished => assert!(is.is_ended(), "{} came back as {is:?}", version.id),
            Status::Stopped => assert_eq!(is, Status::Stopped, "{}", version.id),
        }
        if was.is_ended() || was == Status::Paused && is == Status::Paused {
            assert_eq!(
                version.stats.entered, old.stats.entered,
                "{} admitted customers while ended or paused",
                version.id
            );
        }
        if was == Status::Paused && is == Status::Paused {
            let held = old.pause.as_ref().unwrap().customers == PauseCustomers::Hold;
            assert_eq!(
                (version.stats.completed, version.stats.exited),
                (old.stats.completed, old.stats.exited),
                "{}: nobody completes or exits a paused journey",
                version.id
            );
            if !held {
                assert_eq!(version.stats.active, 0, "{} discarded", version.id);
            }
        }
        assert!(version.revision >= old.revision, "{}", version.id);
        if lifecycle_of(version) != lifecycle_of(old) {
            assert!(
                version.revision > old.revision,
                "{} changed without a new revision",
                version.id
            );
        }
    }
    match outcome {
        StepResult::Waited(due) => {
            assert_eq!(after.len(), before.len());
            let changed: Vec<&str> = due.iter().flat_map(Applied::changed_ids).collect();
            for version in after.versions() {
                let old = before.get(&version.id).unwrap();
                if changed.contains(&version.id.as_str()) {
                    assert!(version.revision > old.revision);
                    assert!(after.history(&version.id).len() > before.history(&version.id).len());
                } else {
                    assert_eq!(lifecycle_of(version), lifecycle_of(old));
                    assert_eq!(after.history(&version.id), before.history(&version.id));
                }
            }
            for applied in due {
                check_resume(applied);
            }
        }
        StepResult::Acted(result) => match result.as_ref() {
            Err(_) => assert_eq!(after, before, "a refused action changed things"),
            Ok(applied) => {
                check_resume(applied);
                check_applied(before, after, applied);
            }
        },
    }
}

/// A resume makes a paused version live: it never ends one.
fn check_resume(applied: &Applied) {
    if applied.action == Action::Resume {
        let version = applied.version().unwrap();
        assert_eq!(version.status, Status::Live, "{}", version.id);
    }
}

/// An applied action reports every version it changed, gives each a new revision
/// and one history entry, and only a delete removes a version (a draft).
fn check_applied(before: &Catalog, after: &Catalog, applied: &Applied) {
    let changed: Vec<&str> = applied.changed_ids().collect();
    for version in after.versions() {
        let old = before.get(&version.id);
        if old != Some(version) {
            assert!(
                changed.contains(&version.id.as_str()),
                "{} changed unreported",
                version.id
            );
        }
        if let Some(old) = old.filter(|old| *old != version) {
            assert_eq!(
                after.history(&version.id).len(),
                before.history(&version.id).len() + 1,
                "{}: one history entry per change",
                version.id
            );
            assert!(version.revision > old.revision);
        }
    }
    for version in before.versions() {
        if after.get(&version.id).is_none() {
            assert_eq!(changed, [version.id.as_str()], "only a delete removes");
            assert_eq!(version.status, Status::Draft);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn random_actions_and_time_keep_every_rule(
        seed in 0_u64..1_000,
        steps in proptest::collection::vec(step(), 1..60),
    ) {
        let mut run = Run::new(seed);
        assert_invariants(&run.catalog);
        for step in &steps {
            let before = run.catalog.clone();
            let outcome = run.take(step);
            check(&before, &run.catalog, &outcome);
        }
    }

    #[test]
    fn the_same_seed_and_steps_give_the_same_catalog(
        seed in any::<u64>(),
        steps in proptest::collection::vec(step(), 1..40),
    ) {
        let play = || {
            let mut run = Run::new(seed);
            for step in &steps {
                run.take(step);
            }
            (run.catalog, run.simulation)
        };
        prop_assert_eq!(play(), play());
    }
}
