//! The drain forecast, checked against the simulation it is meant to predict.

mod fixtures;

use chrono::{DateTime, Duration, Utc};
use fixtures::{hours_later, one_version, ID};
use lifecycle::{
    Catalog, Command, CountSamples, DrainForecast, PauseCustomers, PauseEnd, Simulation,
    SimulationSettings, Stats, Status, FINISHING_TIMEOUT,
};

/// A live version with a few thousand customers, finished at `hours_later(10)`.
fn finishing() -> (Catalog, Simulation) {
    let mut catalog = one_version(Status::Live, 40);
    let mut simulation = Simulation::new(11, SimulationSettings::default());
    simulation.advance(&mut catalog, Duration::hours(8), hours_later(9));
    catalog
        .apply(ID, Command::Finish, "Priya Nair", hours_later(10))
        .unwrap();
    (catalog, simulation)
}

#[test]
fn it_says_not_enough_data_rather_than_guessing() {
    let (catalog, _) = finishing();
    let version = catalog.get(ID).unwrap();
    let mut samples = CountSamples::default();
    let forecast = DrainForecast::of(version, &samples, hours_later(10)).unwrap();
    assert_eq!(forecast.expected, None);
    assert_eq!(forecast.latest, hours_later(10) + FINISHING_TIMEOUT);

    // Departures seen, but over seconds: still not enough.
    let stats = version.stats;
    samples.record(hours_later(10), stats);
    let later = Stats {
        active: stats.active - 10,
        completed: stats.completed + 10,
        ..stats
    };
    samples.record(hours_later(10) + Duration::seconds(20), later);
    let forecast = DrainForecast::of(version, &samples, hours_later(10)).unwrap();
    assert_eq!(forecast.expected, None);
}

#[test]
fn the_estimate_is_near_when_the_simulation_empties_the_journey() {
    let (mut catalog, mut simulation) = finishing();
    let mut samples = CountSamples::default();
    let mut now = hours_later(10);
    samples.record(now, catalog.get(ID).unwrap().stats);
    for _ in 0..12 {
        now += Duration::minutes(10);
        simulation.advance(&mut catalog, Duration::minutes(10), now);
        samples.record(now, catalog.get(ID).unwrap().stats);
    }
    let version = catalog.get(ID).unwrap();
    assert!(version.stats.active > 100, "{:?}", version.stats);
    let forecast = DrainForecast::of(version, &samples, now).unwrap();
    let expected = forecast
        .expected
        .expect("two hours of departures are enough");
    assert_eq!(forecast.latest, hours_later(10) + FINISHING_TIMEOUT);

    // Play the simulation on until the journey is empty.
    let mut emptied = now;
    while catalog.get(ID).unwrap().stats.active > 0 {
        emptied += Duration::minutes(30);
        simulation.advance(&mut catalog, Duration::minutes(30), emptied);
    }
    let predicted = (expected - now).num_minutes() as f64;
    let actual = (emptied - now).num_minutes() as f64;
    assert!(
        predicted > actual * 0.6 && predicted < actual * 1.6,
        "predicted {predicted} minutes, emptied after {actual}"
    );
}

#[test]
fn a_live_version_is_forecast_as_if_finished_now_and_never_past_the_timeout() {
    let catalog = one_version(Status::Live, 40);
    let version = catalog.get(ID).unwrap();
    let mut samples = CountSamples::default();
    // One departure an hour among 4,000 customers: far slower than the timeout.
    for hour in 0..6 {
        let stats = Stats {
            entered: 5_000,
            active: 4_000 - hour,
            completed: 1_000 + hour,
            exited: 0,
        };
        samples.record(hours_later(3 + hour as i64), stats);
    }
    let now = hours_later(8);
    let forecast = DrainForecast::of(version, &samples, now).unwrap();
    assert_eq!(forecast.latest, now + FINISHING_TIMEOUT);
    assert_eq!(forecast.expected, Some(forecast.latest));
}

#[test]
fn nothing_to_forecast_for_drafts_stopped_or_empty_versions() {
    let samples = CountSamples::default();
    for (status, active) in [
        (Status::Draft, 0),
        (Status::Stopped, 5),
        (Status::Finished, 0),
    ] {
        let catalog = one_version(status, active);
        let version = catalog.get(ID).unwrap();
        assert_eq!(DrainForecast::of(version, &samples, hours_later(5)), None);
    }
}

#[test]
fn samples_start_again_when_counts_go_back_and_keep_a_recent_window() {
    let mut samples = CountSamples::default();
    let stats = |active, completed| Stats {
        entered: 100,
        active,
        completed,
        exited: 0,
    };
    samples.record(hours_later(1), stats(50, 50));
    samples.record(hours_later(2), stats(40, 60));
    samples.record(hours_later(2), stats(30, 70)); // not later: ignored
    assert_eq!(samples.len(), 2);
    samples.record(hours_later(3), stats(60, 30)); // a reset server
    assert_eq!(samples.len(), 1);
    for hour in 4..20 {
        samples.record(hours_later(hour), stats(60 - hour as u64, 40 + hour as u64));
    }
    assert!(samples.len() <= 7, "six hours kept: {}", samples.len());
    // Polls every second keep one sample per spacing, and never more than MOST.
    let mut polled = CountSamples::default();
    for second in 0..3_600 {
        polled.record(
            hours_later(1) + Duration::seconds(second),
            stats(50, 50 + second as u64 / 60),
        );
    }
    assert_eq!(polled.len(), CountSamples::MOST);
}

#[test]
fn counts_at_the_end_of_u64_still_give_a_forecast() {
    // Two polls of a server that counts this many customers.
    let (mut catalog, _) = finishing();
    let polled = |active: u64, departed: u64| Stats {
        entered: u64::MAX,
        active,
        completed: departed,
        exited: 0,
    };
    fixtures::set_stats(&mut catalog, ID, polled(u64::MAX - 500, 500));
    let mut samples = CountSamples::default();
    samples.record(hours_later(10), polled(u64::MAX, 0));
    samples.record(hours_later(11), polled(u64::MAX - 500, 500));
    let version = catalog.get(ID).unwrap();
    let forecast = DrainForecast::of(version, &samples, hours_later(11)).unwrap();
    assert_eq!(forecast.latest, hours_later(10) + FINISHING_TIMEOUT);
    // So few leave that the journey would drain long after the timeout,
    // which ends it first.
    assert_eq!(forecast.expected, Some(forecast.latest));
}

/// Polls `version` every 30 seconds, `polls` times, customers moving in
/// between.
fn poll(
    polls: u32,
    catalog: &mut Catalog,
    simulation: &mut Simulation,
    samples: &mut CountSamples,
    now: &mut DateTime<Utc>,
) {
    for _ in 0..polls {
        *now += Duration::seconds(30);
        simulation.advance(catalog, Duration::seconds(30), *now);
        samples.observe(*now, catalog.get(ID).unwrap());
    }
}

/// The forecast wait, in hours.
fn wait_in_hours(catalog: &Catalog, samples: &CountSamples, now: DateTime<Utc>) -> Option<f64> {
    let forecast = DrainForecast::of(catalog.get(ID).unwrap(), samples, now).unwrap();
    forecast
        .expected
        .map(|at| (at - now).num_minutes() as f64 / 60.0)
}

#[test]
fn the_pace_seen_before_a_pause_still_counts_after_it_and_after_the_finish() {
    let mut catalog = one_version(Status::Live, 40);
    let mut simulation = Simulation::new(5, SimulationSettings::default());
    let mut now = hours_later(9);
    simulation.advance(&mut catalog, Duration::hours(8), now);
    let mut samples = CountSamples::default();
    poll(20, &mut catalog, &mut simulation, &mut samples, &mut now);
    let pause = Command::Pause {
        customers: PauseCustomers::Hold,
        until: now + Duration::days(1),
        at_end: PauseEnd::Resume,
    };
    catalog.apply(ID, pause, "Ana Ruiz", now).unwrap();
    poll(60, &mut catalog, &mut simulation, &mut samples, &mut now);
    // While paused, the Finish dialog still has the pace seen before; its
    // held customers are still all there.
    let paused = wait_in_hours(&catalog, &samples, now).expect("ten minutes seen before the pause");
    catalog.apply(ID, Command::Resume, "Ana Ruiz", now).unwrap();
    poll(30, &mut catalog, &mut simulation, &mut samples, &mut now);
    catalog.apply(ID, Command::Finish, "Ana Ruiz", now).unwrap();
    poll(1, &mut catalog, &mut simulation, &mut samples, &mut now);
    // Right after the finish, the estimate goes on from what was seen before.
    let finishing = wait_in_hours(&catalog, &samples, now).expect("the runs before still count");
    assert!(
        finishing > paused * 0.7 && finishing < paused * 1.4,
        "{paused:.1} h while paused, {finishing:.1} h once finished"
    );
}
