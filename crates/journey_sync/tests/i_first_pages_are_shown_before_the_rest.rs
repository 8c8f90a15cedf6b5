//! Case i: a long list is shown page by page while it loads. The pages that
//! arrived are shown at once, add to what is known without removing anything,
//! never undo a change the user made meanwhile, and the whole list, when it
//! is complete, still decides which versions exist.

mod common;

use common::{at, list_page, server, server_applies, status};
use journey_sync::{JourneyStore, NextPage, PageCollector};
use lifecycle::{Catalog, Command, Status};

fn ids(catalog: &Catalog) -> Vec<&str> {
    catalog.versions().map(|v| v.id.as_str()).collect()
}

#[test]
fn the_first_page_is_shown_before_the_last_one_arrives() {
    let server = server();
    let mut store = JourneyStore::default();
    let load = store.begin_load();
    let mut pages = PageCollector::new();

    let before = pages.arrived();
    let next = pages
        .take(list_page(&server, &["spring-v1", "welcome-v1"], Some("c1")))
        .unwrap();
    assert_eq!(next, NextPage::Fetch("c1".into()));
    let arrived = pages.versions_from(before).to_vec();
    assert_eq!(arrived.len(), 2);
    assert!(store.take_arrived(load, &arrived));
    assert_eq!(ids(store.shown()), ["spring-v1", "welcome-v1"]);

    let before = pages.arrived();
    pages
        .take(list_page(&server, &["winback-v1"], Some("c2")))
        .unwrap();
    assert_eq!(pages.versions_from(before).len(), 1, "only the new page");
    assert!(store.take_arrived(load, pages.versions_from(before)));
    assert_eq!(store.shown().len(), 3);

    let NextPage::Done(listed) = pages
        .take(list_page(&server, &["winback-v2"], None))
        .unwrap()
    else {
        panic!("the list did not end");
    };
    assert!(pages.versions_from(0).is_empty(), "handed over");
    assert!(store.finish_load(load, listed));
    assert_eq!(
        ids(store.shown()),
        ["spring-v1", "welcome-v1", "winback-v1", "winback-v2"]
    );
}

#[test]
fn an_arrived_page_never_undoes_a_change_answered_meanwhile() {
    let mut server = server();
    let mut store = JourneyStore::default();
    let first = store.begin_load();
    store.take_arrived(first, &[server.shared("spring-v1").unwrap().clone()]);
    assert_eq!(status(store.shown(), "spring-v1"), Status::Live);

    // The user stops spring-v1 while the rest of the list loads.
    let ticket = store
        .begin_change(
            "spring-v1",
            Command::Stop { reason: None },
            "k",
            "Ana Ruiz",
            at(10),
        )
        .unwrap();
    let old_copy = server.shared("spring-v1").unwrap().clone();
    let applied = server_applies(
        &mut server,
        "spring-v1",
        Command::Stop { reason: None },
        "Ana Ruiz",
        10,
    );
    store.settle_applied(ticket, applied);

    // A later page of the same load repeats the live copy read before the stop.
    store.take_arrived(first, std::slice::from_ref(&old_copy));
    assert_eq!(status(store.shown(), "spring-v1"), Status::Stopped);
    // And so does the whole list when it completes.
    store.finish_load(first, Catalog::new([old_copy]));
    assert_eq!(status(store.shown(), "spring-v1"), Status::Stopped);
}

#[test]
fn a_version_gone_from_the_whole_list_goes_though_a_page_had_it() {
    let server = server();
    let mut store = JourneyStore::default();
    let load = store.begin_load();
    store.take_arrived(load, &[server.shared("welcome-v1").unwrap().clone()]);
    assert!(store.shown().get("welcome-v1").is_some());
    // Deleted before the list completed: the whole list no longer names it.
    store.finish_load(
        load,
        Catalog::new([server.get("spring-v1").unwrap().clone()]),
    );
    assert!(store.shown().get("welcome-v1").is_none());
    assert!(store.shown().get("spring-v1").is_some());
}

#[test]
fn pages_of_a_load_from_before_a_reset_are_ignored() {
    let server = server();
    let mut store = JourneyStore::default();
    let load = store.begin_load();
    store.reset(Catalog::default());
    assert!(!store.take_arrived(load, &[server.shared("welcome-v1").unwrap().clone()]));
    assert!(store.shown().is_empty());
}

#[test]
fn a_list_that_brings_nothing_new_leaves_what_is_shown_as_it_was() {
    let server = server();
    let mut store = JourneyStore::default();
    let load = store.begin_load();
    store.finish_load(load, server.clone());
    let shown = store.shown_generation();

    // The same list again (a poll answered 304): nothing to redraw.
    let again = store.begin_load();
    store.finish_load(again, server.clone());
    assert_eq!(store.shown_generation(), shown);

    // A list where one version moved on: something to redraw.
    let mut moved = server.clone();
    let mut spring = moved.get("spring-v1").unwrap().clone();
    spring.revision += 1;
    spring.stats.entered += 1;
    moved.upsert(spring);
    let later = store.begin_load();
    store.finish_load(later, moved);
    assert_ne!(store.shown_generation(), shown);
}
