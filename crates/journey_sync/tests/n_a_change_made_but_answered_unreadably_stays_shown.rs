//! Case n: the server made a change (it answered 2xx) but its answer could
//! not be read, cut short by a proxy, say. The change stays shown made, as
//! the rules make it, until a list read after that answer says how the
//! server has it: a list that was already on its way (read before the
//! change) does not show the version as it was before. What is confirmed is
//! only ever what the server said.

mod common;

use common::{at, listed, server, server_applies, status};
use journey_sync::{applied_from_answer, ChangeTicket, ErrorKind, JourneyStore};
use lifecycle::{Catalog, Command, PauseCustomers, PauseEnd, Status};

/// The user finishes welcome-v1.
fn finish(store: &mut JourneyStore) -> ChangeTicket {
    store
        .begin_change("welcome-v1", Command::Finish, "key-1", "Ana Ruiz", at(10))
        .unwrap()
}

/// The server's answer to the finish, cut in half on its way.
fn cut_answer(server: &Catalog) -> ErrorKind {
    let body = serde_json::to_string(server.get("welcome-v1").unwrap()).unwrap();
    let half = &body[..body.len() / 2];
    applied_from_answer(
        "welcome-v1",
        &Command::Finish,
        200,
        Some("application/json"),
        half,
    )
    .unwrap_err()
    .kind
}

#[test]
fn a_cut_answer_to_a_change_says_the_change_was_made() {
    let mut server = server();
    server_applies(&mut server, "welcome-v1", Command::Finish, "Ana Ruiz", 11);
    let kind = cut_answer(&server);
    assert_eq!(kind, ErrorKind::MadeAnswerUnusable);
    assert!(kind.may_have_been_applied(), "a retry reuses the key");
}

#[test]
fn a_list_already_on_its_way_does_not_show_the_change_undone() {
    let mut server = server();
    let mut store = listed(&server);
    let ticket = finish(&mut store);
    // A poll under way read the list before the server took the finish.
    let in_flight = store.begin_load();
    let before = server.clone();
    server_applies(&mut server, "welcome-v1", Command::Finish, "Ana Ruiz", 11);
    assert_eq!(cut_answer(&server), ErrorKind::MadeAnswerUnusable);
    assert!(store.settle_made_unread(ticket, 2).is_some());

    assert_eq!(store.pending_changes().len(), 0, "nothing is on its way");
    assert!(
        store.shown_ahead("welcome-v1"),
        "the server has it at a revision not known here"
    );
    assert_eq!(status(store.shown(), "welcome-v1"), Status::Finished);
    assert_eq!(
        status(store.confirmed(), "welcome-v1"),
        Status::Live,
        "nothing the server did not say is confirmed"
    );
    store.finish_load(in_flight, before);
    assert_eq!(status(store.shown(), "welcome-v1"), Status::Finished);

    // A list read after the answer is the server's word.
    let load = store.begin_load();
    store.finish_load(load, server.clone());
    assert_eq!(store.shown().get("welcome-v1"), server.get("welcome-v1"));
    assert_eq!(store.confirmed(), store.shown());
    assert!(!store.shown_ahead("welcome-v1"));
}

#[test]
fn a_list_read_after_the_answer_has_the_last_word() {
    let mut server = server();
    let mut store = listed(&server);
    let ticket = finish(&mut store);
    server_applies(&mut server, "welcome-v1", Command::Finish, "Ana Ruiz", 11);
    store.settle_made_unread(ticket, 2);
    // Another desk stops it right after; the next list says so.
    server_applies(
        &mut server,
        "welcome-v1",
        Command::Stop { reason: None },
        "Jonas Becker",
        12,
    );
    let load = store.begin_load();
    store.finish_load(load, server.clone());
    assert_eq!(status(store.shown(), "welcome-v1"), Status::Stopped);

    // And a late list from before the finish no longer brings it back.
    let mut store = listed(&server);
    let ticket = finish_of(&mut store, "spring-v1");
    server_applies(&mut server, "spring-v1", Command::Finish, "Ana Ruiz", 13);
    store.settle_made_unread(ticket, 2);
    let load = store.begin_load();
    store.finish_load(load, server.clone());
    assert_eq!(status(store.shown(), "spring-v1"), Status::Finished);
}

#[test]
fn the_user_may_act_again_on_what_is_shown() {
    let mut server = server();
    let mut store = listed(&server);
    let ticket = finish(&mut store);
    server_applies(&mut server, "welcome-v1", Command::Finish, "Ana Ruiz", 11);
    store.settle_made_unread(ticket, 2);
    // Finishing, the version may still be stopped (an emergency).
    assert!(store
        .begin_change(
            "welcome-v1",
            Command::Stop { reason: None },
            "key-2",
            "Ana Ruiz",
            at(12),
        )
        .is_ok());
    assert_eq!(status(store.shown(), "welcome-v1"), Status::Stopped);
}

#[test]
fn a_reset_forgets_it() {
    let mut server = server();
    let mut store = listed(&server);
    let ticket = finish(&mut store);
    server_applies(&mut server, "welcome-v1", Command::Finish, "Ana Ruiz", 11);
    store.settle_made_unread(ticket, 2);
    store.reset(common::server());
    assert_eq!(status(store.shown(), "welcome-v1"), Status::Live);
    assert!(
        store.settle_made_unread(ticket, 2).is_none(),
        "settled once"
    );
}

fn finish_of(store: &mut JourneyStore, id: &str) -> ChangeTicket {
    store
        .begin_change(id, Command::Finish, "key-3", "Ana Ruiz", at(12))
        .unwrap()
}

#[test]
fn once_a_newer_copy_is_known_it_is_not_made_again_over_it() {
    let mut server = server();
    let mut store = listed(&server);
    let pause = Command::Pause {
        customers: PauseCustomers::Hold,
        until: at(10) + chrono::Duration::days(2),
        at_end: PauseEnd::Resume,
    };
    let ticket = store
        .begin_change("welcome-v1", pause.clone(), "key-1", "Ana Ruiz", at(10))
        .unwrap();
    server_applies(&mut server, "welcome-v1", pause, "Ana Ruiz", 11);
    store.settle_made_unread(ticket, 2);
    assert_eq!(status(store.shown(), "welcome-v1"), Status::Paused);

    // The detail view reads the version alone, then the user resumes it.
    store.take_version(server.get("welcome-v1").unwrap().clone());
    let ticket = store
        .begin_change("welcome-v1", Command::Resume, "key-2", "Ana Ruiz", at(12))
        .unwrap();
    let applied = server_applies(&mut server, "welcome-v1", Command::Resume, "Ana Ruiz", 13);
    store.settle_applied(ticket, applied);
    assert_eq!(
        status(store.shown(), "welcome-v1"),
        Status::Live,
        "the resume the server confirmed is not undone by the pause made before it"
    );
}

#[test]
fn a_change_sent_again_at_the_servers_revision_is_kept_from_that_revision() {
    let mut server = server();
    let mut store = listed(&server);
    let ticket = finish(&mut store);
    server_applies(&mut server, "welcome-v1", Command::Finish, "Ana Ruiz", 11);
    store.settle_made_unread(ticket, 2);
    // A list is asked for; it reads the server now: finished, at 3.
    let in_flight = store.begin_load();
    let read_then = server.clone();
    // The user stops it. Sent at 2, refused (412, the server is at 3), sent
    // again at 3: made, and answered unreadably again.
    let stop = Command::Stop { reason: None };
    let ticket = store
        .begin_change("welcome-v1", stop.clone(), "key-2", "Ana Ruiz", at(12))
        .unwrap();
    assert_eq!(store.pending("welcome-v1").unwrap().seen_revision, 2);
    server_applies(&mut server, "welcome-v1", stop, "Ana Ruiz", 13);
    store.settle_made_unread(ticket, 3);
    // The list read before the Stop arrives: finished at 3, which is not
    // newer than the revision the Stop was made on.
    store.finish_load(in_flight, read_then);
    assert_eq!(status(store.shown(), "welcome-v1"), Status::Stopped);
    let load = store.begin_load();
    store.finish_load(load, server.clone());
    assert_eq!(store.shown().get("welcome-v1"), server.get("welcome-v1"));
}

#[test]
fn the_version_a_publish_answered_unreadably_replaced_is_shown_ahead() {
    let mut server = server();
    let new_version = Command::NewVersion {
        id: "welcome-v2".into(),
    };
    server_applies(&mut server, "welcome-v1", new_version, "Priya Nair", 3);
    let mut store = listed(&server);
    let ticket = store
        .begin_change("welcome-v2", Command::Publish, "key-1", "Ana Ruiz", at(10))
        .unwrap();
    server_applies(&mut server, "welcome-v2", Command::Publish, "Ana Ruiz", 11);
    store.settle_made_unread(ticket, 1);

    assert_eq!(status(store.shown(), "welcome-v1"), Status::Finished);
    assert!(store.shown_ahead("welcome-v2"));
    assert!(
        store.shown_ahead("welcome-v1"),
        "finished by the publish, at a revision not known here"
    );
    assert!(!store.shown_ahead("spring-v1"), "another journey");
}
