//! Case j: a finishing journey watched through polls gets an estimate of when
//! its last customer is out, and says "not enough data yet" until then.

use chrono::{Duration, TimeZone, Utc};
use journey_sync::{drain_phrase, DrainWatch};
use lifecycle::{Catalog, Command, JourneyVersion, Simulation, SimulationSettings, Status};
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
