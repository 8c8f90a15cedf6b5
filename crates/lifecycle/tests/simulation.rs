//! Customers moving through journeys: who enters, who leaves, and what never moves.

mod fixtures;

use chrono::Duration;
use fixtures::{assert_invariants, hours_later, one_version, set_stats, start, ID};
use lifecycle::{demo, Catalog, Simulation, SimulationSettings, Stats, Status};

fn simulation(seed: u64) -> Simulation {
    Simulation::new(seed, SimulationSettings::default())
}

fn stats(catalog: &Catalog) -> Stats {
    catalog.get(ID).unwrap().stats
}

#[test]
fn a_live_journey_admits_customers_who_later_leave() {
    let mut catalog = one_version(Status::Live, 0);
    set_stats(&mut catalog, ID, Stats::default());
    let mut simulation = simulation(3);
    simulation.advance(&mut catalog, Duration::hours(1), hours_later(3));
    let after_an_hour = stats(&catalog);
    // At least a quarter of the default 180 per hour.
    assert!(after_an_hour.entered >= 40, "{after_an_hour:?}");
    assert!(after_an_hour.active > 0);
    simulation.advance(&mut catalog, Duration::days(2), hours_later(51));
    let later = stats(&catalog);
    assert!(later.entered > after_an_hour.entered);
    assert!(later.completed > 0 && later.exited > 0, "{later:?}");
    assert!(
        later.completed > later.exited,
        "most customers complete: {later:?}"
    );
    assert_invariants(&catalog);
}

#[test]
fn a_finishing_journey_admits_nobody_and_drains() {
    let mut catalog = one_version(Status::Finished, 60);
    let before = stats(&catalog);
    let mut simulation = simulation(4);
    simulation.advance(&mut catalog, Duration::hours(2), hours_later(4));
    let draining = stats(&catalog);
    assert_eq!(draining.entered, before.entered);
    assert!(draining.active < before.active, "{draining:?}");
    simulation.advance(&mut catalog, Duration::days(5), hours_later(124));
    let drained = stats(&catalog);
    assert_eq!(drained.entered, before.entered);
    assert_eq!(drained.active, 0);
    assert!(drained.completed > before.completed);
    assert_invariants(&catalog);
}

#[test]
fn the_finishing_timeout_exits_whoever_is_left() {
    let settings = SimulationSettings {
        mean_time_in_journey: Duration::days(365),
        ..SimulationSettings::default()
    };
    // Finished at hour 2; the timeout is 30 days later.
    let mut catalog = one_version(Status::Finished, 60);
    let before = stats(&catalog);
    let mut simulation = Simulation::new(5, settings);
    simulation.advance(
        &mut catalog,
        Duration::seconds(1),
        hours_later(2 + 30 * 24 - 1),
    );
    assert!(stats(&catalog).active > 0, "not timed out yet");
    simulation.advance(&mut catalog, Duration::hours(1), hours_later(2 + 30 * 24));
    let after = stats(&catalog);
    assert_eq!(after.active, 0);
    assert_eq!(after.entered, before.entered);
    assert!(after.exited > before.exited);
    assert_eq!(catalog.get(ID).unwrap().status, Status::Finished);
    assert_invariants(&catalog);
}

#[test]
fn drafts_stopped_and_drained_journeys_never_change() {
    let now = start() + Duration::days(400);
    let mut catalog = demo::catalog(now, 9);
    let still: Vec<_> = catalog
        .versions()
        .filter(|v| v.status != Status::Live && !v.is_finishing())
        .cloned()
        .collect();
    assert!(still.iter().any(|v| v.status == Status::Draft));
    assert!(still.iter().any(|v| v.status == Status::Stopped));
    assert!(still.iter().any(|v| v.status == Status::Finished));
    let mut simulation = simulation(9);
    simulation.advance(&mut catalog, Duration::days(30), now + Duration::days(30));
    for version in still {
        assert_eq!(catalog.get(&version.id), Some(&version));
    }
}

#[test]
fn moving_customers_is_not_a_lifecycle_change() {
    let now = start() + Duration::days(400);
    let mut catalog = demo::catalog(now, 10);
    let before = catalog.clone();
    simulation(10).advance(&mut catalog, Duration::hours(3), now + Duration::hours(3));
    assert_ne!(catalog, before, "live journeys should have moved");
    for version in catalog.versions() {
        let mut unchanged = version.clone();
        unchanged.stats = before.get(&version.id).unwrap().stats;
        assert_eq!(before.get(&version.id), Some(&unchanged));
        assert_eq!(catalog.history(&version.id), before.history(&version.id));
    }
}

#[test]
fn a_long_gap_in_one_step_matches_many_small_steps() {
    let now = start() + Duration::days(400);
    let base = demo::catalog(now, 11);
    let mut at_once = base.clone();
    simulation(12).advance(&mut at_once, Duration::days(3), now + Duration::days(3));

    let mut by_minute = base.clone();
    let mut simulation = simulation(13);
    for minute in 1..=3 * 24 * 60 {
        simulation.advance(
            &mut by_minute,
            Duration::minutes(1),
            now + Duration::minutes(minute),
        );
    }
    for version in base.versions().filter(|v| v.status == Status::Live) {
        // What happened during the three days, by either route.
        let moved = |catalog: &Catalog| {
            let (now, then) = (catalog.get(&version.id).unwrap().stats, version.stats);
            [
                now.entered - then.entered,
                now.active,
                now.completed - then.completed,
                now.exited - then.exited,
            ]
        };
        let (one, many) = (moved(&at_once), moved(&by_minute));
        assert!(one[0] > 2_000, "{}: {one:?}", version.id);
        for (a, b) in one.into_iter().zip(many) {
            let close = a.abs_diff(b) as f64 <= 0.05 * a.max(b) as f64 + 30.0;
            assert!(close, "{}: at once {one:?}, by minute {many:?}", version.id);
        }
    }
}

#[test]
fn huge_and_negative_gaps_keep_counts_consistent() {
    let now = start() + Duration::days(400);
    let mut catalog = demo::catalog(now, 14);
    let mut simulation = simulation(14);
    simulation.advance(
        &mut catalog,
        Duration::days(365 * 1000),
        now + Duration::days(365 * 1000),
    );
    assert_invariants(&catalog);
    let before = catalog.clone();
    simulation.advance(
        &mut catalog,
        Duration::hours(-5),
        now + Duration::days(365 * 1000),
    );
    assert_invariants(&catalog);
    for version in catalog.versions() {
        assert_eq!(
            version.stats.entered,
            before.get(&version.id).unwrap().stats.entered
        );
    }
}

#[test]
fn the_same_seed_and_steps_give_the_same_counts() {
    let now = start() + Duration::days(400);
    let run = |seed| {
        let mut catalog = demo::catalog(now, 1);
        let mut simulation = simulation(seed);
        for (i, seconds) in [1, 1, 7, 3600, 1, 86_400 * 3].into_iter().enumerate() {
            simulation.advance(
                &mut catalog,
                Duration::seconds(seconds),
                now + Duration::hours(i as i64),
            );
        }
        catalog
    };
    assert_eq!(run(21), run(21));
    assert_ne!(run(21), run(22), "the seed should matter");
}

#[test]
fn ten_thousand_versions_advance_second_by_second_and_over_days() {
    // How fast is the benchmark's business (scripts/bench), not a test's:
    // this checks that a large catalog moves on and stays consistent.
    let now = start() + Duration::days(400);
    let mut catalog = demo::large_catalog(now, 10_000, 3);
    let entered = |catalog: &Catalog| catalog.versions().map(|v| v.stats.entered).sum::<u64>();
    let before = entered(&catalog);
    let mut simulation = simulation(3);
    for second in 1..=10 {
        simulation.advance(
            &mut catalog,
            Duration::seconds(1),
            now + Duration::seconds(second),
        );
    }
    assert_invariants(&catalog);
    simulation.advance(&mut catalog, Duration::days(3), now + Duration::days(3));
    assert_invariants(&catalog);
    assert!(entered(&catalog) > before, "customers entered");
}

#[test]
fn counts_at_the_end_of_u64_stay_there_instead_of_overflowing() {
    // As a saved copy or a server may hold them: the demo moves them on
    // without trapping the console.
    let mut catalog = one_version(Status::Live, 0);
    let full = Stats {
        entered: u64::MAX,
        active: u64::MAX,
        completed: 0,
        exited: 0,
    };
    set_stats(&mut catalog, ID, full);
    simulation(3).advance(&mut catalog, Duration::days(1000), hours_later(24_000));
    let after = stats(&catalog);
    assert_eq!(after.entered, u64::MAX);
    assert!(after.completed > 0, "customers left: {after:?}");
}
