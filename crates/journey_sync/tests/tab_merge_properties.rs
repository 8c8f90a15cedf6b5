//! Tabs sharing the demo data: merging never lowers a revision, gives both tabs
//! the same lifecycle whichever merges, and never loses a change to another
//! tab's save of its older copy.

mod common;

use std::collections::BTreeMap;

use common::{at, server};
use journey_sync::{merge, Epoch, TabData};
use lifecycle::{Catalog, Command, JourneyVersion, Stats, Status};
use proptest::prelude::*;

fn epoch() -> Epoch {
    Epoch {
        started_at: at(0),
        nonce: 1,
    }
}

fn command(action: u8, n: usize) -> Command {
    let later = |minutes: i64| at(n as i64 + minutes);
    match action % 10 {
        6 => Command::Pause {
            customers: lifecycle::PauseCustomers::Hold,
            until: later(24 * 60),
            at_end: lifecycle::PauseEnd::Resume,
        },
        7 => Command::Resume,
        8 => Command::ScheduleFinish { at: later(600) },
        9 => Command::CancelScheduledFinish,
        0 => Command::Publish,
        1 => Command::Finish,
        2 => Command::Stop {
            reason: Some(format!("reason {n}")),
        },
        3 => Command::Delete,
        4 => Command::NewVersion {
            id: format!("new-{n}"),
        },
        _ => Command::Duplicate {
            id: format!("dup-{n}"),
            journey_id: format!("dup-journey-{n}"),
        },
    }
}

/// Takes a random action, or moves the counts, on one copy.
fn act(
    data: &mut TabData,
    tab: &str,
    version: usize,
    action: u8,
    n: usize,
) -> Option<JourneyVersion> {
    let ids: Vec<String> = data.catalog.versions().map(|v| v.id.clone()).collect();
    if ids.is_empty() {
        return None;
    }
    let id = &ids[version % ids.len()];
    if action % 11 == 10 {
        let mut moved = data.catalog.get(id).unwrap().clone();
        moved.stats = Stats {
            entered: moved.stats.entered + 5,
            active: moved.stats.active + 5,
            ..moved.stats
        };
        data.catalog.upsert(moved);
        return None;
    }
    let applied = data.apply(id, command(action, n), tab, at(n as i64)).ok()?;
    applied.version().cloned()
}

/// A version's lifecycle: everything but the counts.
fn lifecycle(catalog: &Catalog) -> BTreeMap<String, JourneyVersion> {
    catalog
        .versions()
        .map(|v| {
            (
                v.id.clone(),
                JourneyVersion {
                    stats: Stats::default(),
                    ..v.clone()
                },
            )
        })
        .collect()
}

fn diverged() -> impl Strategy<Value = (TabData, TabData)> {
    let moves = prop::collection::vec((any::<bool>(), any::<usize>(), any::<u8>()), 0..25);
    moves.prop_map(|moves| {
        let base = TabData::new(epoch(), server());
        let (mut a, mut b) = (base.clone(), base);
        for (n, (first, version, action)) in moves.into_iter().enumerate() {
            let (data, tab) = if first {
                (&mut a, "Tab A")
            } else {
                (&mut b, "Tab B")
            };
            act(data, tab, version, action, n);
        }
        (a, b)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn merge_never_lowers_a_revision((ours, theirs) in diverged()) {
        let merged = merge(&ours, &theirs).data;
        for side in [&ours, &theirs] {
            for version in side.catalog.versions() {
                match merged.catalog.get(&version.id) {
                    Some(kept) => prop_assert!(kept.revision >= version.revision, "{} lowered", version.id),
                    None => prop_assert!(
                        merged.deleted.get(&version.id).is_some_and(|&at| at >= version.revision),
                        "{} dropped without being deleted", version.id
                    ),
                }
            }
        }
    }

    #[test]
    fn merge_is_commutative_on_lifecycle((a, b) in diverged()) {
        let ab = merge(&a, &b);
        let ba = merge(&b, &a);
        prop_assert_eq!(lifecycle(&ab.data.catalog), lifecycle(&ba.data.catalog));
        prop_assert_eq!(&ab.data.deleted, &ba.data.deleted);
        prop_assert_eq!(ab.ours_newer, ba.theirs_newer);
        // Merging again changes nothing.
        let again = merge(&ab.data, &b);
        prop_assert_eq!(lifecycle(&again.data.catalog), lifecycle(&ab.data.catalog));
        prop_assert!(!again.theirs_newer);
    }

    /// Tab 1 acts on journeys "spring" and "welcome" (and what it creates),
    /// tab 2 on the others; both also move counts, save and read in any order.
    #[test]
    fn a_change_made_in_one_tab_survives_any_interleaving_of_saves(
        steps in prop::collection::vec((0u8..4, any::<bool>(), any::<usize>(), any::<u8>()), 1..40)
    ) {
        let mut stored = TabData::new(epoch(), server());
        let mut tabs = [stored.clone(), stored.clone()];
        // What each change left: id, revision and status, or deleted.
        let mut made: Vec<(String, Option<(u64, Status)>)> = Vec::new();
        for (n, (kind, second, version, action)) in steps.into_iter().enumerate() {
            let tab = usize::from(second);
            match kind {
                0 => {
                    let data = &mut tabs[tab];
                    let ours: Vec<String> = data.catalog.versions()
                        .filter(|v| {
                            let first_tabs = ["spring", "welcome"].contains(&v.journey_id.as_str())
                                || v.journey_id.starts_with("dup-journey-t1");
                            first_tabs == (tab == 0)
                        })
                        .map(|v| v.id.clone())
                        .collect();
                    if ours.is_empty() { continue }
                    let id = ours[version % ours.len()].clone();
                    let command = match command(action, n) {
                        Command::Duplicate { id, .. } => Command::Duplicate { id, journey_id: format!("dup-journey-t{}-{n}", tab + 1) },
                        other => other,
                    };
                    if let Ok(applied) = data.apply(&id, command, "someone", at(n as i64)) {
                        match applied.version() {
                            Some(version) => made.push((version.id.clone(), Some((version.revision, version.status)))),
                            None => made.push((id, None)),
                        }
                        for other in &applied.also_changed {
                            let version = data.catalog.get(other).unwrap();
                            made.push((other.clone(), Some((version.revision, version.status))));
                        }
                    }
                }
                1 => {
                    let saved = merge(&tabs[tab], &stored);
                    stored = saved.data.clone();
                    tabs[tab] = saved.data;
                }
                2 => tabs[tab] = merge(&tabs[tab], &stored).data,
                _ => { act(&mut tabs[tab], "sim", version, 10, n); }
            }
        }
        // Both tabs save and read.
        for tab in [0, 1, 0, 1] {
            let saved = merge(&tabs[tab], &stored);
            stored = saved.data.clone();
            tabs[tab] = saved.data;
        }
        for (id, after) in &made {
            let now = stored.catalog.get(id);
            match after {
                None => prop_assert!(now.is_none(), "deleted {} came back", id),
                Some((revision, status)) => {
                    let Some(now) = now else {
                        prop_assert!(stored.deleted.contains_key(id), "{} lost", id);
                        continue;
                    };
                    prop_assert!(now.revision >= *revision, "{} went back", id);
                    if now.revision == *revision {
                        prop_assert_eq!(now.status, *status, "{} undone", id);
                    }
                }
            }
        }
        prop_assert_eq!(lifecycle(&tabs[0].catalog), lifecycle(&stored.catalog));
        prop_assert_eq!(lifecycle(&tabs[1].catalog), lifecycle(&stored.catalog));
    }
}
