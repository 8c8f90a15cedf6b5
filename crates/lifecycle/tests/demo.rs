//! The demo catalogs are believable and keep every rule.

mod fixtures;

use std::collections::{BTreeMap, BTreeSet};

use chrono::Duration;
use fixtures::{assert_invariants, start};
use lifecycle::{demo, Catalog, Phase, Stats, Status};

fn now() -> chrono::DateTime<chrono::Utc> {
    start() + Duration::days(500)
}

fn assert_times_are_in_order(catalog: &Catalog) {
    let now = now();
    for v in catalog.versions() {
        assert!(
            v.created_at <= v.updated_at && v.updated_at <= now,
            "{}",
            v.id
        );
        for time in [v.published_at, v.finished_at, v.stopped_at]
            .into_iter()
            .flatten()
        {
            assert!(v.created_at <= time && time <= now, "{}", v.id);
        }
        let published = v.published_at;
        assert_eq!(published.is_some(), v.status != Status::Draft, "{}", v.id);
        if v.status == Status::Finished {
            assert!(
                v.finished_at.is_some() && published <= v.finished_at,
                "{}",
                v.id
            );
        }
        if v.status == Status::Stopped {
            assert!(
                v.stopped_at.is_some() && published <= v.stopped_at,
                "{}",
                v.id
            );
            assert!(v.stop_reason.is_some(), "{}", v.id);
        }
    }
}

fn assert_only_the_newest_is_live_or_draft(catalog: &Catalog) {
    for journey in catalog.journey_ids() {
        let versions: Vec<_> = catalog.versions_of(journey).collect();
        let numbers: Vec<u32> = versions.iter().map(|v| v.version).collect();
        let expected: Vec<u32> = (1..=versions.len() as u32).collect();
        assert_eq!(numbers, expected, "{journey}");
        // Below a draft, the live version it will replace.
        let newest = versions[versions.len() - 1];
        for older in &versions[..versions.len() - 1] {
            let replaced_later = older.status == Status::Live && newest.status == Status::Draft;
            assert!(
                older.status.is_ended() || replaced_later,
                "{} is older but {:?}",
                older.id,
                older.status
            );
        }
    }
}

#[test]
fn the_demo_has_the_twelve_journeys() {
    let catalog = demo::catalog(now(), 1);
    let names: BTreeSet<&str> = catalog.versions().map(|v| v.name.as_str()).collect();
    assert_eq!(
        names,
        BTreeSet::from([
            "Welcome series",
            "Cart abandonment reminder",
            "Birthday offer",
            "Win-back: lapsed customers",
            "Loyalty tier upgrade",
            "Webinar follow-up",
            "Spring sale announcement",
            "Onboarding tips",
            "Re-engagement survey",
            "Subscription renewal",
            "Back in stock alert",
            "Post-purchase review request",
        ])
    );
    assert_eq!(catalog.journey_ids().count(), 12);
}

#[test]
fn the_demo_shows_every_phase() {
    let catalog = demo::catalog(now(), 1);
    let labels: BTreeSet<&str> = catalog.versions().map(|v| v.phase().label()).collect();
    assert_eq!(
        labels,
        BTreeSet::from(["Draft", "Live", "Finishing", "Finished", "Stopped"])
    );
    let finishing: Vec<_> = catalog.versions().filter(|v| v.is_finishing()).collect();
    assert!(finishing.len() >= 2, "one replaced, one finished by hand");
    assert!(finishing
        .iter()
        .all(|v| matches!(v.phase(), Phase::Finishing { active } if active > 10)));
}

#[test]
fn the_demo_has_journeys_with_several_versions() {
    let catalog = demo::catalog(now(), 1);
    let counts: BTreeMap<&str, usize> = catalog
        .journey_ids()
        .map(|journey| (journey, catalog.versions_of(journey).count()))
        .collect();
    assert!(
        counts.values().filter(|&&n| n >= 2).count() >= 4,
        "{counts:?}"
    );
    assert!(counts.values().any(|&n| n == 3), "{counts:?}");
    assert_only_the_newest_is_live_or_draft(&catalog);
    assert_invariants(&catalog);
}

#[test]
fn the_demo_counts_and_times_are_plausible() {
    let catalog = demo::catalog(now(), 1);
    assert_times_are_in_order(&catalog);
    for v in catalog.versions() {
        match v.status {
            Status::Draft => assert_eq!(v.stats, Stats::default()),
            Status::Live => assert!(v.stats.entered > 100 && v.stats.active > 0, "{v:?}"),
            Status::Paused => panic!("the demo starts with nothing paused: {v:?}"),
            Status::Finished | Status::Stopped => {
                assert!(v.stats.entered > 0 && v.stats.completed > 0, "{v:?}")
            }
        }
    }
    let editors: BTreeSet<&str> = catalog.versions().map(|v| v.updated_by.as_str()).collect();
    assert!(editors.len() >= 3, "{editors:?}");
}

#[test]
fn the_demo_history_matches_the_statuses() {
    let catalog = demo::catalog(now(), 1);
    for v in catalog.versions() {
        let history = catalog.history(&v.id);
        if v.version == 1 && v.status == Status::Draft {
            assert!(history.is_empty());
            continue;
        }
        assert!(!history.is_empty(), "{} has no history", v.id);
        for pair in history.windows(2) {
            assert_eq!(pair[0].to, pair[1].from, "{}: broken chain", v.id);
            assert!(pair[0].at <= pair[1].at, "{}: out of order", v.id);
        }
        let last = history.last().unwrap();
        assert_eq!(last.to, Some(v.status), "{}", v.id);
        assert_eq!(
            (last.at, last.by.as_str()),
            (v.updated_at, v.updated_by.as_str())
        );
    }
    let replaced = catalog
        .versions()
        .flat_map(|v| catalog.history(&v.id))
        .filter(|entry| {
            entry
                .reason
                .as_deref()
                .is_some_and(|r| r.starts_with("Replaced by"))
        })
        .count();
    assert!(replaced >= 3);
}

#[test]
fn the_seed_varies_counts_but_not_statuses() {
    let (one, other) = (demo::catalog(now(), 1), demo::catalog(now(), 2));
    assert_eq!(demo::catalog(now(), 1), one);
    let statuses = |c: &Catalog| {
        c.versions()
            .map(|v| (v.id.clone(), v.status))
            .collect::<Vec<_>>()
    };
    assert_eq!(statuses(&one), statuses(&other));
    let counts = |c: &Catalog| c.versions().map(|v| v.stats).collect::<Vec<_>>();
    assert_ne!(counts(&one), counts(&other));
}

#[test]
fn a_large_catalog_has_the_asked_size_and_keeps_every_rule() {
    for count in [0, 1, 2, 10_000] {
        let catalog = demo::large_catalog(now(), count, 5);
        assert_eq!(catalog.len(), count);
        assert_invariants(&catalog);
        assert_only_the_newest_is_live_or_draft(&catalog);
        assert_times_are_in_order(&catalog);
    }
    let catalog = demo::large_catalog(now(), 10_000, 5);
    let labels: BTreeSet<&str> = catalog.versions().map(|v| v.phase().label()).collect();
    assert_eq!(labels.len(), 5, "{labels:?}");
    assert!(
        catalog.journey_ids().count() < 10_000,
        "some journeys have several versions"
    );
    assert_eq!(demo::large_catalog(now(), 10_000, 5), catalog);
}
