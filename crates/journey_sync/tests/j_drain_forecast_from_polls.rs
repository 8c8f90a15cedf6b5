//! Case j: a finishing journey watched through polls gets an estimate of when
//! its last customer is out, and says "not enough data yet" until then.

use chrono::{Duration, TimeZone, Utc};
use journey_sync::{drain_phrase, DrainWatch};
use lifecycle::{
    Catalog, Command, JourneyVersion, PauseCustomers, PauseEnd, Simulation, SimulationSettings,
    Status,
};
use wording::{Locale, Wording};

fn started() -> (Catalog, Simulation, chrono::DateTime<Utc>) {
    let start = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
    let mut catalog = Catalog::new([
        JourneyVersion::draft("a-v1", "a", "Welcome series", 1, "Priya Nair", start),
        JourneyVersion::draft("b-v1", "b", "Winback", 1, "Priya Nair", start),
    ]);
    for id in ["a-v1", "b-v1"] {
        catalog
            .apply(id, Command::Publish, "Priya Nair", start)
            .unwrap();
    }
    let mut simulation = Simulation::new(3, SimulationSettings::default());
    let now = start + Duration::hours(12);
    simulation.advance(&mut catalog, Duration::hours(12), now);
    catalog
        .apply("a-v1", Command::Finish, "Jonas Becker", now)
        .unwrap();
    (catalog, simulation, now)
}

#[test]
fn polls_give_an_estimate_after_enough_departures() {
    let (mut catalog, mut simulation, mut now) = started();
    let mut watch = DrainWatch::default();
    watch.observe(&catalog, now);
    let english = Wording::new(Locale::English);
    let first = watch.forecast(catalog.get("a-v1").unwrap(), now).unwrap();
    assert_eq!(first.expected, None);
    assert_eq!(
        english.say(&drain_phrase(&first, now)),
        "not enough data yet; by 2026-12-02 21:00 UTC at the latest"
    );
    // A poll every 5 seconds for 10 minutes.
    for _ in 0..120 {
        now += Duration::seconds(5);
        simulation.advance(&mut catalog, Duration::seconds(5), now);
        watch.observe(&catalog, now);
    }
    let version = catalog.get("a-v1").unwrap();
    let forecast = watch.forecast(version, now).unwrap();
    let expected = forecast
        .expected
        .expect("ten minutes of a busy journey are enough");
    assert!(expected > now && expected < forecast.latest, "{forecast:?}");
    let said = english.say(&drain_phrase(&forecast, now));
    assert!(
        said.starts_with("about ") && said.contains("; by 2026-12-02"),
        "{said}"
    );
    let german = Wording::new(Locale::German);
    assert!(german
        .say(&drain_phrase(&forecast, now))
        .starts_with("etwa "));
    // The live one is watched too: its Finish dialog can say the same.
    assert!(watch.forecast(catalog.get("b-v1").unwrap(), now).is_some());
}

#[test]
fn versions_that_cannot_drain_are_forgotten() {
    let (mut catalog, _, now) = started();
    let mut watch = DrainWatch::default();
    watch.observe(&catalog, now);
    assert_eq!(watch.len(), 2);
    catalog
        .apply("b-v1", Command::Stop { reason: None }, "Jonas Becker", now)
        .unwrap();
    watch.observe(&catalog, now + Duration::seconds(5));
    assert_eq!(watch.len(), 1);
    assert_eq!(catalog.get("b-v1").unwrap().status, Status::Stopped);
    assert_eq!(
        watch.forecast(catalog.get("b-v1").unwrap(), now),
        None,
        "nothing to forecast for a stopped journey"
    );
}

/// Polls every 30 seconds for `minutes`, customers moving in between.
fn poll_for(
    minutes: i64,
    catalog: &mut Catalog,
    simulation: &mut Simulation,
    watch: &mut DrainWatch,
    now: &mut chrono::DateTime<Utc>,
) {
    for _ in 0..minutes * 2 {
        *now += Duration::seconds(30);
        simulation.advance(catalog, Duration::seconds(30), *now);
        watch.observe(catalog, *now);
    }
}

fn pause(customers: PauseCustomers, now: chrono::DateTime<Utc>) -> Command {
    Command::Pause {
        customers,
        until: now + Duration::days(1),
        at_end: PauseEnd::Resume,
    }
}

/// How long the simulation takes, on average, to empty a journey of
/// `active` customers once finished: the last of them leaves after
/// `H(active)` mean times in the journey.
fn drains_in_hours(active: u64) -> f64 {
    let harmonic: f64 = (1..=active).map(|k| 1.0 / k as f64).sum();
    let mean = SimulationSettings::default().mean_time_in_journey;
    harmonic * mean.num_seconds() as f64 / 3600.0
}

/// What the Finish dialog of the live "b-v1" says now, and the hours it
/// forecasts against the hours the journey takes to empty.
fn finish_dialog(
    catalog: &Catalog,
    watch: &DrainWatch,
    now: chrono::DateTime<Utc>,
) -> (String, f64, f64) {
    let version = catalog.get("b-v1").unwrap();
    assert_eq!(version.status, Status::Live);
    let forecast = watch.forecast(version, now).unwrap();
    let said = Wording::new(Locale::English).say(&drain_phrase(&forecast, now));
    let expected = forecast.expected.expect("an estimate");
    let hours = (expected - now).num_seconds() as f64 / 3600.0;
    (said, hours, drains_in_hours(version.stats.active))
}

/// The Finish dialog of "b-v1" after ten minutes of polls, a pause
/// (`customers`) of `paused_minutes` seen by the polls, a resume and ten
/// minutes more.
fn finish_dialog_after_pause(customers: PauseCustomers, paused_minutes: i64) -> (String, f64, f64) {
    let (mut catalog, mut simulation, mut now) = started();
    let mut watch = DrainWatch::default();
    watch.observe(&catalog, now);
    poll_for(10, &mut catalog, &mut simulation, &mut watch, &mut now);
    catalog
        .apply("b-v1", pause(customers, now), "Ana Ruiz", now)
        .unwrap();
    poll_for(
        paused_minutes,
        &mut catalog,
        &mut simulation,
        &mut watch,
        &mut now,
    );
    catalog
        .apply("b-v1", Command::Resume, "Ana Ruiz", now)
        .unwrap();
    poll_for(10, &mut catalog, &mut simulation, &mut watch, &mut now);
    finish_dialog(&catalog, &watch, now)
}

#[test]
fn a_pause_that_discarded_its_customers_is_not_taken_for_them_leaving() {
    // The few customers who came since the resume leave at the pace seen
    // before the pause: over many hours, not in the minutes the discard took.
    let (said, hours, drains) = finish_dialog_after_pause(PauseCustomers::Discard, 60);
    assert!(
        hours > drains * 0.7 && hours < drains * 1.4,
        "{said}: forecast {hours:.1} h, drains in {drains:.1} h"
    );
    assert!(
        said.starts_with("about ") && said.contains("hours"),
        "{said}"
    );
}

#[test]
fn a_pause_that_held_its_customers_is_not_taken_for_a_slow_journey() {
    // Held, nobody leaves: those two hours say nothing of the journey's pace.
    let (said, hours, drains) = finish_dialog_after_pause(PauseCustomers::Hold, 120);
    assert!(
        hours > drains * 0.7 && hours < drains * 1.4,
        "{said}: forecast {hours:.1} h, drains in {drains:.1} h"
    );
}

#[test]
fn a_discarding_pause_no_poll_saw_is_not_taken_for_them_leaving() {
    let (mut catalog, mut simulation, mut now) = started();
    let mut watch = DrainWatch::default();
    watch.observe(&catalog, now);
    poll_for(10, &mut catalog, &mut simulation, &mut watch, &mut now);
    // Paused and resumed between two polls (in another tab, say).
    catalog
        .apply("b-v1", pause(PauseCustomers::Discard, now), "Ana Ruiz", now)
        .unwrap();
    catalog
        .apply(
            "b-v1",
            Command::Resume,
            "Ana Ruiz",
            now + Duration::seconds(10),
        )
        .unwrap();
    poll_for(10, &mut catalog, &mut simulation, &mut watch, &mut now);
    let (said, hours, drains) = finish_dialog(&catalog, &watch, now);
    assert!(
        hours > drains * 0.7 && hours < drains * 1.4,
        "{said}: forecast {hours:.1} h, drains in {drains:.1} h"
    );
}
