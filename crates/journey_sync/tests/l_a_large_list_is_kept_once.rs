//! Case l: a large account's list is kept once. The console holds the list as
//! the server confirmed it, the list it shows (with the user's pending changes)
//! and the pages as read (for their ETags); with 100,000 versions a copy of
//! each version in each of them was hundreds of megabytes in the browser. They
//! share the versions instead: a version is copied only when it changes.

use std::alloc::System;

use contract::JourneyPage;
use journey_sync::{JourneyStore, NextPage, PageCollector};
use lifecycle::{Command, Status};
use stats_alloc::{Region, StatsAlloc, INSTRUMENTED_SYSTEM};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

const VERSIONS: usize = 20_000;
const PAGE: usize = 500;

/// The list as a server sends it, page by page (JSON).
fn answers() -> Vec<String> {
    (0..VERSIONS / PAGE)
        .map(|page| {
            let items: Vec<String> = (page * PAGE..(page + 1) * PAGE)
                .map(|n| {
                    format!(
                        r#"{{"id":"journey-{n:05}-v1","journeyId":"journey-{n:05}","name":"Journey number {n}","version":1,"status":"live","revision":2,"createdAt":"2026-09-07T00:58:00Z","updatedAt":"2026-09-09T00:58:00Z","publishedAt":"2026-09-09T00:58:00Z","finishedAt":null,"stoppedAt":null,"updatedBy":"Jonas Becker","stopReason":null,"stats":{{"entered":270542,"active":578,"completed":248365,"exited":21599}}}}"#
                    )
                })
                .collect();
            let next = if (page + 1) * PAGE < VERSIONS {
                format!(r#""journey-{:05}-v1""#, (page + 1) * PAGE - 1)
            } else {
                "null".to_owned()
            };
            format!(r#"{{"items":[{}],"next":{next}}}"#, items.join(","))
        })
        .collect()
}

fn live_bytes(region: &Region<System>) -> isize {
    let change = region.change();
    change.bytes_allocated as isize - change.bytes_deallocated as isize + change.bytes_reallocated
}

#[test]
fn the_confirmed_list_the_shown_list_and_the_pages_share_each_version() {
    let answers = answers();

    // One copy of the list, read from JSON: the yardstick.
    let region = Region::new(GLOBAL);
    let read: Vec<JourneyPage> = answers
        .iter()
        .map(|body| serde_json::from_str(body).unwrap())
        .collect();
    let one_copy = live_bytes(&region);
    drop(read);

    // The list loaded as the console loads it: each page kept for its ETag,
    // shown as it arrives, then the whole list taken.
    let region = Region::new(GLOBAL);
    let mut store = JourneyStore::new(Default::default());
    let load = store.begin_load();
    let mut collector = PageCollector::new();
    let mut kept = Vec::new();
    let mut loaded = None;
    for body in &answers {
        let page: JourneyPage = serde_json::from_str(body).unwrap();
        kept.push(page.clone());
        let before = collector.arrived();
        match collector.take(page).unwrap() {
            NextPage::Fetch(_) => {
                assert!(store.take_arrived(load, collector.versions_from(before)))
            }
            NextPage::Done(catalog) => loaded = Some(catalog),
        }
    }
    assert!(store.finish_load(load, loaded.unwrap()));
    assert_eq!(store.shown().len(), VERSIONS);
    let kept_by_the_console = live_bytes(&region);

    // The pages hold the one copy; the two lists add their indexes (ids and
    // pointers, about 2.6 times the yardstick in all), not the versions again
    // (a copy in each list took 4.5 times).
    assert!(
        kept_by_the_console < 3 * one_copy,
        "the pages and two lists take {kept_by_the_console} bytes, one copy of the list {one_copy}"
    );

    // A change is still the shown list's alone: the version is copied, not
    // changed where the confirmed list and the pages hold it.
    let id = "journey-00042-v1";
    store
        .begin_change(
            id,
            Command::Stop { reason: None },
            "key-1",
            "Ana Ruiz",
            "2026-09-10T00:00:00Z".parse().unwrap(),
        )
        .unwrap();
    assert_eq!(store.shown().get(id).unwrap().status, Status::Stopped);
    assert_eq!(store.confirmed().get(id).unwrap().status, Status::Live);
    let in_pages = kept
        .iter()
        .flat_map(|page| &page.items)
        .find(|v| v.id == id)
        .unwrap();
    assert_eq!(in_pages.status, Status::Live);
}
