//! Pausing and resuming a live version, and finishing one on a schedule.

mod fixtures;

use chrono::Duration;
use fixtures::{assert_invariants, hours_later, one_version, set_stats, three_versions, ID};
use lifecycle::{
    Action, ActionError, Catalog, Command, HistoryCause, PauseAgainstFinish, PauseCustomers,
    PauseEnd, Phase, Reason, ScheduledFinish, Simulation, SimulationSettings, Stats, Status,
};

const BY: &str = "Sofia Andersson";

fn pause(customers: PauseCustomers, days: i64, at_end: PauseEnd) -> Command {
    Command::Pause {
        customers,
        until: hours_later(3) + Duration::days(days),
        at_end,
    }
}

fn refused(catalog: &Catalog, command: Command, at_hours: i64) -> Reason {
    let before = catalog.clone();
    let mut catalog = catalog.clone();
    match catalog.apply(ID, command, BY, hours_later(at_hours)) {
        Err(ActionError::Refused(refusal)) => {
            assert_eq!(catalog, before, "a refusal changes nothing");
            refusal.reason
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_paused_version_holds_its_customers_and_admits_nobody() {
    let mut catalog = one_version(Status::Live, 40);
    let applied = catalog
        .apply(
            ID,
            pause(PauseCustomers::Hold, 3, PauseEnd::Resume),
            BY,
            hours_later(3),
        )
        .unwrap();
    let version = applied.version().unwrap();
    assert_eq!(version.status, Status::Paused);
    assert_eq!(
        version.phase(),
        Phase::Paused {
            held: 40,
            until: hours_later(3) + Duration::days(3)
        }
    );
    let entry = catalog.history(ID).last().unwrap();
    assert_eq!(
        (entry.action, entry.from, entry.to),
        (Action::Pause, Some(Status::Live), Some(Status::Paused))
    );
    assert_eq!(
        entry.reason.as_deref(),
        Some("Paused until 2025-03-06T12:00:00Z, customers held, then resumes")
    );

    let before = catalog.get(ID).unwrap().stats;
    let mut simulation = Simulation::new(7, SimulationSettings::default());
    simulation.advance(&mut catalog, Duration::hours(20), hours_later(23));
    assert_eq!(catalog.get(ID).unwrap().stats, before, "nobody moves");
    assert_invariants(&catalog);
}

#[test]
fn discarding_on_pause_exits_everyone_at_once() {
    let mut catalog = one_version(Status::Live, 40);
    let version = catalog
        .apply(
            ID,
            pause(PauseCustomers::Discard, 1, PauseEnd::Resume),
            BY,
            hours_later(3),
        )
        .unwrap()
        .version()
        .cloned()
        .unwrap();
    assert_eq!(
        version.stats,
        Stats {
            entered: 100,
            active: 0,
            completed: 60,
            exited: 40
        }
    );
}

#[test]
fn the_terms_of_a_pause_are_judged_apart_from_whether_the_version_may_be_paused() {
    // Stopped: no pause at all, however good its terms.
    let catalog = one_version(Status::Stopped, 0);
    let fine = pause(PauseCustomers::Hold, 3, PauseEnd::Resume);
    assert!(matches!(
        catalog.check_command(ID, &fine, hours_later(0)),
        Err(ActionError::Refused(refusal)) if refusal.reason == Reason::Status
    ));
    assert_eq!(catalog.check_terms(ID, &fine, hours_later(0)), Ok(()));
    let too_long = pause(PauseCustomers::Hold, 15, PauseEnd::Resume);
    assert!(matches!(
        catalog.check_terms(ID, &too_long, hours_later(0)),
        Err(ActionError::Refused(refusal)) if refusal.reason == Reason::PauseTooLong { longest_days: 14 }
    ));
    assert!(matches!(
        catalog.check_terms("nope", &fine, hours_later(0)),
        Err(ActionError::NotFound { .. })
    ));
}

#[test]
fn a_pause_ends_ahead_and_within_fourteen_days() {
    let catalog = one_version(Status::Live, 40);
    let at = |until| Command::Pause {
        customers: PauseCustomers::Hold,
        until,
        at_end: PauseEnd::Resume,
    };
    assert_eq!(
        refused(&catalog, at(hours_later(3)), 3),
        Reason::NotInFuture
    );
    assert_eq!(
        refused(
            &catalog,
            at(hours_later(3) + Duration::days(14) + Duration::seconds(1)),
            3
        ),
        Reason::PauseTooLong { longest_days: 14 }
    );
    let mut catalog = catalog;
    let until = hours_later(3) + Duration::days(14);
    assert!(catalog.apply(ID, at(until), BY, hours_later(3)).is_ok());
    // The rules say so before anything is sent, too.
    let live = one_version(Status::Live, 40);
    assert!(live.check_command(ID, &at(until), hours_later(3)).is_ok());
    assert!(live.check_command(ID, &at(until), hours_later(2)).is_err());
}

#[test]
fn resume_makes_a_paused_version_live_again_keeping_its_customers() {
    let mut catalog = one_version(Status::Paused, 40);
    let published_at = catalog.get(ID).unwrap().published_at;
    let version = catalog
        .apply(ID, Command::Resume, BY, hours_later(5))
        .unwrap()
        .version()
        .cloned()
        .unwrap();
    assert_eq!(version.status, Status::Live);
    assert_eq!(version.pause, None);
    assert_eq!(version.stats.active, 40);
    assert_eq!(version.published_at, published_at);
    assert_eq!(
        refused(&catalog, Command::Resume, 6),
        Reason::Status,
        "a live version has nothing to resume"
    );
}

#[test]
fn finish_and_stop_from_paused_without_resuming_first() {
    let mut catalog = one_version(Status::Paused, 40);
    let finished = catalog
        .apply(ID, Command::Finish, BY, hours_later(5))
        .unwrap()
        .version()
        .cloned()
        .unwrap();
    assert_eq!(finished.status, Status::Finished);
    assert_eq!(finished.pause, None);
    assert_eq!(
        finished.phase(),
        Phase::Finishing { active: 40 },
        "held customers continue to the end"
    );

    let mut catalog = one_version(Status::Paused, 40);
    let stopped = catalog
        .apply(ID, Command::Stop { reason: None }, BY, hours_later(5))
        .unwrap()
        .version()
        .cloned()
        .unwrap();
    assert_eq!((stopped.status, stopped.stats.active), (Status::Stopped, 0));
    assert_invariants(&catalog);
}

#[test]
fn ended_versions_are_never_paused_or_resumed() {
    for (status, active) in [
        (Status::Finished, 5),
        (Status::Finished, 0),
        (Status::Stopped, 0),
    ] {
        let catalog = one_version(status, active);
        let hold = pause(PauseCustomers::Hold, 1, PauseEnd::Resume);
        assert_eq!(refused(&catalog, hold, 3), Reason::Status);
        assert_eq!(refused(&catalog, Command::Resume, 3), Reason::Status);
        let schedule = Command::ScheduleFinish {
            at: hours_later(30),
        };
        assert_eq!(refused(&catalog, schedule, 3), Reason::Status);
    }
    let paused = one_version(Status::Paused, 5);
    let again = pause(PauseCustomers::Hold, 1, PauseEnd::Resume);
    assert_eq!(refused(&paused, again, 3), Reason::Status);
    let draft = one_version(Status::Draft, 0);
    let hold = pause(PauseCustomers::Hold, 1, PauseEnd::Resume);
    assert_eq!(refused(&draft, hold, 3), Reason::Status);
}

#[test]
fn publishing_a_new_version_finishes_a_paused_one() {
    let mut catalog = three_versions();
    catalog
        .apply(
            "spring-sale-v2",
            pause(PauseCustomers::Hold, 2, PauseEnd::Resume),
            BY,
            hours_later(6),
        )
        .unwrap();
    let warned: Vec<&str> = catalog
        .replaced_on_publish("spring-sale", "spring-sale-v3")
        .map(|v| v.id.as_str())
        .collect();
    assert_eq!(warned, ["spring-sale-v2"], "the confirmation warns of it");
    let applied = catalog
        .apply("spring-sale-v3", Command::Publish, BY, hours_later(7))
        .unwrap();
    assert_eq!(applied.also_changed, ["spring-sale-v2"]);
    let replaced = catalog.get("spring-sale-v2").unwrap();
    assert_eq!(
        (replaced.status, replaced.pause.clone()),
        (Status::Finished, None)
    );
    assert_invariants(&catalog);
}

#[test]
fn a_pause_ends_by_itself_resuming_or_stopping_as_chosen() {
    let mut catalog = one_version(Status::Live, 40);
    catalog
        .apply(
            ID,
            pause(PauseCustomers::Hold, 2, PauseEnd::Resume),
            "Priya Nair",
            hours_later(3),
        )
        .unwrap();
    let end = hours_later(3) + Duration::days(2);
    assert_eq!(catalog.next_due(), Some(end));
    assert!(catalog.run_due(end - Duration::seconds(1)).is_empty());
    let done = catalog.run_due(end + Duration::hours(1));
    assert_eq!(done.len(), 1);
    let version = catalog.get(ID).unwrap();
    assert_eq!((version.status, version.updated_at), (Status::Live, end));
    let entry = catalog.history(ID).last().unwrap();
    assert_eq!(entry.by, "Priya Nair");
    assert_eq!(
        entry.cause,
        Some(HistoryCause::PauseEnded {
            by: "Priya Nair".into()
        })
    );
    assert!(catalog.run_due(end + Duration::days(9)).is_empty(), "once");

    let mut catalog = one_version(Status::Live, 40);
    catalog
        .apply(
            ID,
            pause(PauseCustomers::Hold, 2, PauseEnd::Stop),
            BY,
            hours_later(3),
        )
        .unwrap();
    catalog.run_due(end);
    let version = catalog.get(ID).unwrap();
    assert_eq!((version.status, version.stats.active), (Status::Stopped, 0));
    assert_eq!(catalog.history(ID).last().unwrap().action, Action::Stop);
}

#[test]
fn a_finish_is_scheduled_no_later_than_the_year_9999_ends() {
    // "9999-12-31T23:59" typed west of UTC is in the year 10000, which no
    // RFC 3339 time (the contract's, the saved copy's) can name.
    let mut catalog = one_version(Status::Live, 40);
    let latest = ScheduledFinish::latest();
    assert_eq!(latest.to_rfc3339(), "9999-12-31T23:59:59.999999999+00:00");
    assert_eq!(
        refused(
            &catalog,
            Command::ScheduleFinish {
                at: latest + Duration::hours(5)
            },
            3
        ),
        Reason::PastLatestTime
    );
    catalog
        .apply(
            ID,
            Command::ScheduleFinish { at: latest },
            BY,
            hours_later(3),
        )
        .unwrap();
    let saved = serde_json::to_string(&catalog).unwrap();
    let read: Catalog = serde_json::from_str(&saved).unwrap();
    assert_eq!(
        read.get(ID).unwrap().scheduled_finish.as_ref().unwrap().at,
        latest
    );
}

#[test]
fn a_scheduled_finish_can_be_moved_and_cancelled_until_it_is_due() {
    let mut catalog = one_version(Status::Live, 40);
    assert_eq!(
        refused(&catalog, Command::CancelScheduledFinish, 3),
        Reason::NothingScheduled
    );
    assert_eq!(
        refused(&catalog, Command::ScheduleFinish { at: hours_later(3) }, 3),
        Reason::NotInFuture
    );
    catalog
        .apply(
            ID,
            Command::ScheduleFinish {
                at: hours_later(48),
            },
            "Priya Nair",
            hours_later(3),
        )
        .unwrap();
    catalog
        .apply(
            ID,
            Command::ScheduleFinish {
                at: hours_later(24),
            },
            "Jonas Becker",
            hours_later(4),
        )
        .unwrap();
    let schedule = catalog.get(ID).unwrap().scheduled_finish.clone().unwrap();
    assert_eq!(
        (schedule.at, schedule.by.as_str()),
        (hours_later(24), "Jonas Becker")
    );
    assert_eq!(catalog.next_due(), Some(hours_later(24)));

    let mut cancelled = catalog.clone();
    cancelled
        .apply(ID, Command::CancelScheduledFinish, BY, hours_later(5))
        .unwrap();
    assert_eq!(cancelled.get(ID).unwrap().scheduled_finish, None);
    assert!(cancelled.run_due(hours_later(100)).is_empty());

    catalog.run_due(hours_later(30));
    let version = catalog.get(ID).unwrap();
    assert_eq!(version.status, Status::Finished);
    assert_eq!(version.finished_at, Some(hours_later(24)));
    assert_eq!(version.scheduled_finish, None);
    let entry = catalog.history(ID).last().unwrap();
    assert_eq!(entry.by, "Jonas Becker");
    assert_eq!(
        entry.reason.as_deref(),
        Some("On the schedule Jonas Becker set")
    );
}

#[test]
fn a_finish_scheduled_during_a_pause_finishes_the_paused_version() {
    let mut catalog = one_version(Status::Paused, 40);
    catalog
        .apply(
            ID,
            Command::ScheduleFinish {
                at: hours_later(24),
            },
            BY,
            hours_later(3),
        )
        .unwrap();
    let done = catalog.run_due(hours_later(24) + Duration::days(10));
    assert_eq!(
        done.len(),
        1,
        "the finish comes first; the pause's end is moot"
    );
    let version = catalog.get(ID).unwrap();
    assert_eq!(version.phase(), Phase::Finishing { active: 40 });
    assert_invariants(&catalog);
}

#[test]
fn finishing_or_stopping_drops_a_schedule() {
    let mut catalog = one_version(Status::Live, 40);
    catalog
        .apply(
            ID,
            Command::ScheduleFinish {
                at: hours_later(24),
            },
            BY,
            hours_later(3),
        )
        .unwrap();
    catalog
        .apply(ID, Command::Finish, BY, hours_later(4))
        .unwrap();
    assert_eq!(catalog.get(ID).unwrap().scheduled_finish, None);
    assert_eq!(catalog.next_due(), None);
    set_stats(
        &mut catalog,
        ID,
        Stats {
            entered: 100,
            active: 0,
            completed: 100,
            exited: 0,
        },
    );
    assert_invariants(&catalog);
}

/// A pause or a schedule a server left on a version that has moved on (the
/// contract has it drop them) is not shown as if it were in force.
#[test]
fn a_pause_or_schedule_left_on_a_version_that_moved_on_is_not_in_force() {
    let finish_at = hours_later(24);
    let mut catalog = live_finishing_at(finish_at);
    let paused = pause(PauseCustomers::Hold, 3, PauseEnd::Resume);
    catalog.apply(ID, paused, BY, hours_later(2)).unwrap();
    let mut version = catalog.get(ID).unwrap().clone();
    assert!(version.pause_now().is_some());
    assert_eq!(version.finish_ahead().map(|s| s.at), Some(finish_at));

    // As a server that forgot to drop them would send a stopped version.
    version.status = Status::Stopped;
    assert_eq!(version.pause_now(), None);
    assert_eq!(version.finish_ahead(), None);
    // And a live one still carrying its old pause.
    version.status = Status::Live;
    assert_eq!(version.pause_now(), None);
    assert_eq!(version.finish_ahead().map(|s| s.at), Some(finish_at));
}

/// What the Pause and Schedule finish dialogs say comes first is what
/// `run_due` carries out.
#[test]
fn which_comes_first_a_pause_end_or_a_scheduled_finish_is_said_as_it_is_carried_out() {
    // A finish scheduled before a pause that stops its customers would end:
    // the finish comes first, and nobody is stopped.
    let finish_at = hours_later(24);
    let mut catalog = live_finishing_at(finish_at);
    let pause = pause(PauseCustomers::Hold, 3, PauseEnd::Stop);
    let Command::Pause { until, .. } = pause else {
        unreachable!()
    };
    let version = catalog.get(ID).unwrap();
    assert_eq!(version.finish_before_pause_ends(until), Some(finish_at));
    assert_eq!(
        version.pause_against_finish(until, PauseEnd::Stop),
        Some(PauseAgainstFinish::FinishFirst(finish_at))
    );
    assert_eq!(
        version.finish_before_pause_ends(finish_at),
        None,
        "a tie: the pause first"
    );
    assert_eq!(
        version.pause_against_finish(finish_at, PauseEnd::Stop),
        Some(PauseAgainstFinish::StoppedFirst(finish_at))
    );
    assert_eq!(
        version.pause_against_finish(finish_at, PauseEnd::Resume),
        None
    );
    catalog.apply(ID, pause, BY, hours_later(2)).unwrap();
    catalog.run_due(until + Duration::minutes(1));
    assert_eq!(
        catalog.get(ID).unwrap().phase(),
        Phase::Finishing { active: 40 }
    );

    // A pause that stops the journey before a finish scheduled later: the
    // journey is stopped, and the finish never happens.
    let mut catalog = one_version(Status::Live, 40);
    let pause = pause_days(1, PauseEnd::Stop);
    let Command::Pause { until, .. } = pause else {
        unreachable!()
    };
    catalog.apply(ID, pause, BY, hours_later(0)).unwrap();
    let version = catalog.get(ID).unwrap();
    let later = until + Duration::days(2);
    assert_eq!(version.stopped_before_finish(later), Some(until));
    assert_eq!(
        version.stopped_before_finish(until),
        Some(until),
        "a tie: the pause first"
    );
    assert_eq!(
        version.stopped_before_finish(until - Duration::minutes(1)),
        None
    );
    catalog
        .apply(
            ID,
            Command::ScheduleFinish { at: later },
            BY,
            hours_later(1),
        )
        .unwrap();
    catalog.run_due(later + Duration::minutes(1));
    assert_eq!(catalog.get(ID).unwrap().status, Status::Stopped);

    // Asked before pausing, as the Pause dialog asks: a pause ending by
    // then and stopping the journey comes first (a tie too); one that
    // resumes it, or ends after the finish, does not.
    let mut catalog = one_version(Status::Live, 40);
    catalog
        .apply(
            ID,
            Command::ScheduleFinish { at: later },
            BY,
            hours_later(0),
        )
        .unwrap();
    let version = catalog.get(ID).unwrap();
    assert_eq!(
        version.finish_after_pause_stops(until, PauseEnd::Stop),
        Some(later)
    );
    assert_eq!(
        version.finish_after_pause_stops(later, PauseEnd::Stop),
        Some(later),
        "a tie: the pause first"
    );
    assert_eq!(
        version.finish_after_pause_stops(until, PauseEnd::Resume),
        None
    );
    assert_eq!(
        version.finish_after_pause_stops(later + Duration::minutes(1), PauseEnd::Stop),
        None
    );
    catalog
        .apply(ID, pause_days(1, PauseEnd::Stop), BY, hours_later(0))
        .unwrap();
    catalog.run_due(later + Duration::minutes(1));
    assert_eq!(catalog.get(ID).unwrap().status, Status::Stopped);

    // One that resumes it leaves the finish to come.
    let mut catalog = one_version(Status::Live, 40);
    catalog
        .apply(ID, pause_days(1, PauseEnd::Resume), BY, hours_later(0))
        .unwrap();
    assert_eq!(catalog.get(ID).unwrap().stopped_before_finish(later), None);
}

/// A live version with 40 customers, its finish scheduled for `at` (an hour
/// in).
fn live_finishing_at(at: chrono::DateTime<chrono::Utc>) -> Catalog {
    let mut catalog = one_version(Status::Live, 40);
    catalog
        .apply(ID, Command::ScheduleFinish { at }, BY, hours_later(1))
        .unwrap();
    catalog
}

fn pause_days(days: i64, at_end: PauseEnd) -> Command {
    pause(PauseCustomers::Hold, days, at_end)
}
