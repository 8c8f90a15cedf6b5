//! Case s: the list is ordered by id, and a new version's id is the server's
//! (a random UUID), so the versions of one journey may come on different
//! pages. Until the whole list is in, a new version (one draft per journey,
//! made from the newest) and a publish (it finishes the version it
//! replaces, which the confirmation names) wait for it: the rules, asked on
//! part of a journey, would offer a new version the server refuses, and a
//! publish whose confirmation does not say which live version it finishes.
//! Everything else is asked of the rules as usual.

mod common;

use common::{at, list_page, server};
use journey_sync::{JourneyStore, NextPage, PageCollector};
use lifecycle::{Action, ActionError, Command, Reason};

fn waits_for_the_list(result: Result<impl std::fmt::Debug, ActionError>) -> bool {
    matches!(result, Err(ActionError::Refused(refusal)) if refusal.reason == Reason::ListLoading)
}

#[test]
fn a_new_version_and_a_publish_wait_while_only_the_first_page_is_in() {
    let server = server();
    // winback-v1 finished, winback-v2 its draft: the server refuses a new
    // version of winback-v1, and publishing winback-v2 makes it live.
    assert!(server.check("winback-v1", Action::NewVersion).is_err());

    let mut store = JourneyStore::default();
    assert!(!store.listed());
    let load = store.begin_load();
    let mut pages = PageCollector::new();
    let first = list_page(
        &server,
        &["spring-v1", "welcome-v1", "winback-v1"],
        Some("c1"),
    );
    assert_eq!(pages.take(first).unwrap(), NextPage::Fetch("c1".into()));
    assert!(store.take_arrived(load, pages.versions_from(0)));

    // The rules alone, asked on what arrived, would offer it.
    assert!(store
        .shown()
        .check("winback-v1", Action::NewVersion)
        .is_ok());
    assert!(waits_for_the_list(
        store.check_listed("winback-v1", Action::NewVersion)
    ));
    assert!(waits_for_the_list(store.begin_change(
        "winback-v1",
        Command::NewVersion { id: "new-v".into() },
        "key-1",
        "Ana Ruiz",
        at(10),
    )));
    assert_eq!(store.pending_changes().len(), 0, "nothing is sent");
    // What needs no other version is asked of the rules as usual.
    assert!(store.check_listed("spring-v1", Action::Stop).is_ok());
    assert!(store.check_listed("spring-v1", Action::Duplicate).is_ok());
    assert!(store
        .begin_change("spring-v1", Command::Finish, "key-2", "Ana Ruiz", at(10))
        .is_ok());

    // The rest arrives: the draft is known, and the rules say why.
    let rest = list_page(&server, &["winback-v2"], None);
    let NextPage::Done(listed) = pages.take(rest).unwrap() else {
        panic!("the last page");
    };
    store.finish_load(load, listed);
    assert!(store.listed());
    assert!(store.check_listed("winback-v2", Action::Publish).is_ok());
    let refused = store.begin_change(
        "winback-v1",
        Command::NewVersion { id: "new-v".into() },
        "key-3",
        "Ana Ruiz",
        at(11),
    );
    assert!(
        matches!(&refused, Err(ActionError::Refused(r)) if r.reason == Reason::OtherDraft { version: 2 }),
        "{refused:?}"
    );
}

#[test]
fn a_version_read_alone_from_a_link_waits_for_the_list_to_publish() {
    let server = server();
    let mut store = JourneyStore::default();
    let _first_load = store.begin_load();
    assert!(store.take_version(server.get("winback-v2").unwrap().clone()));
    assert!(waits_for_the_list(store.begin_change(
        "winback-v2",
        Command::Publish,
        "key-1",
        "Ana Ruiz",
        at(10),
    )));
    assert!(waits_for_the_list(
        store.check_listed("winback-v2", Action::Publish)
    ));
    assert!(matches!(
        store.check_listed("nope", Action::Publish),
        Err(ActionError::NotFound { .. })
    ));
}

#[test]
fn data_given_whole_needs_no_list() {
    // The embedded backend hands over its whole data at once.
    let store = JourneyStore::new(server());
    assert!(store.listed());
    assert!(store.check_listed("winback-v2", Action::Publish).is_ok());
}

#[test]
fn the_list_completing_is_told_to_the_views_even_when_its_last_page_brings_nothing_new() {
    let server = server();
    let mut store = JourneyStore::default();
    let load = store.begin_load();
    let mut pages = PageCollector::new();
    let first = list_page(
        &server,
        &["spring-v1", "welcome-v1", "winback-v1", "winback-v2"],
        Some("c1"),
    );
    assert_eq!(pages.take(first).unwrap(), NextPage::Fetch("c1".into()));
    assert!(store.take_arrived(load, pages.versions_from(0)));
    let told = store.shown_generation();
    assert!(waits_for_the_list(
        store.check_listed("winback-v2", Action::Publish)
    ));
    // A last page may be empty (a server may give a cursor on a full page).
    let NextPage::Done(listed) = pages.take(list_page(&server, &[], None)).unwrap() else {
        panic!("the last page");
    };
    store.finish_load(load, listed);
    assert!(store.check_listed("winback-v2", Action::Publish).is_ok());
    assert_ne!(
        store.shown_generation(),
        told,
        "the menu, drawn anew only when the generation moves, would keep waiting"
    );
}
