//! Case m: publishing a draft finishes the journey's live version. Over HTTP
//! the answer carries the published version alone; the version it replaced
//! is still shown finished at once, exactly as the server finished it, and
//! stays so until a list read after the answer says how the server has it.
//! What is confirmed is only ever what the server said.

mod common;

use common::{at, listed, server, server_applies, status};
use journey_sync::{applied_from_answer, ChangeTicket, JourneyStore};
use lifecycle::{Catalog, Command, HistoryCause, PauseCustomers, PauseEnd, Status};

/// The server's journeys, with welcome-v2 a draft beside the live welcome-v1.
fn with_a_draft() -> Catalog {
    let mut server = server();
    let new_version = Command::NewVersion {
        id: "welcome-v2".into(),
    };
    server_applies(&mut server, "welcome-v1", new_version, "Priya Nair", 3);
    server
}

/// The user publishes welcome-v2.
fn publish(store: &mut JourneyStore) -> ChangeTicket {
    store
        .begin_change("welcome-v2", Command::Publish, "key-1", "Ana Ruiz", at(10))
        .unwrap()
}

/// The server's answer to a publish of `id`: the published version, alone.
fn publish_answer(server: &Catalog, id: &str) -> lifecycle::Applied {
    let body = serde_json::to_string(server.get(id).unwrap()).unwrap();
    applied_from_answer(id, &Command::Publish, 200, Some("application/json"), &body).unwrap()
}

#[test]
fn the_replaced_version_is_finished_as_the_server_finished_it() {
    let mut server = with_a_draft();
    let mut store = listed(&server);
    // The detail view of welcome-v1 read its history.
    store.set_history("welcome-v1", server.history("welcome-v1").to_vec());

    let ticket = publish(&mut store);
    assert_eq!(status(store.shown(), "welcome-v1"), Status::Finished);
    // A list asked for before the server took the publish.
    let stale_load = store.begin_load();
    let before_publish = server.clone();

    let applied = server_applies(&mut server, "welcome-v2", Command::Publish, "Ana Ruiz", 11);
    assert_eq!(applied.also_changed, ["welcome-v1"]);
    store.settle_applied(ticket, publish_answer(&server, "welcome-v2"));

    assert_eq!(store.pending_changes().len(), 0);
    assert_eq!(store.shown().get("welcome-v1"), server.get("welcome-v1"));
    // Nothing the server did not say is confirmed.
    assert_eq!(status(store.confirmed(), "welcome-v1"), Status::Live);
    assert_eq!(store.shown().get("welcome-v2"), server.get("welcome-v2"));
    assert_eq!(
        store.shown().history("welcome-v1"),
        server.history("welcome-v1")
    );
    let last = store.shown().history("welcome-v1").last().unwrap();
    assert_eq!(last.cause, Some(HistoryCause::ReplacedBy { version: 2 }));

    // The list asked for before the publish arrives late: welcome-v1 live.
    store.finish_load(stale_load, before_publish);
    assert_eq!(status(store.shown(), "welcome-v1"), Status::Finished);
    assert_eq!(status(store.shown(), "welcome-v2"), Status::Live);

    // The next list is the server's word, and agrees.
    let load = store.begin_load();
    store.finish_load(load, server.clone());
    assert_eq!(store.shown().get("welcome-v1"), server.get("welcome-v1"));
}

#[test]
fn a_history_not_read_yet_is_left_to_be_read() {
    let mut server = with_a_draft();
    let mut store = JourneyStore::new(Default::default());
    // A list carries no histories.
    let load = store.begin_load();
    store.finish_load(load, lifecycle::Catalog::new(server.versions().cloned()));
    assert!(store.shown().history("welcome-v1").is_empty());

    let ticket = publish(&mut store);
    server_applies(&mut server, "welcome-v2", Command::Publish, "Ana Ruiz", 11);
    store.settle_applied(ticket, publish_answer(&server, "welcome-v2"));

    assert_eq!(status(store.shown(), "welcome-v1"), Status::Finished);
    // No history is made up for what is confirmed: the view reads it.
    assert!(store.confirmed().history("welcome-v1").is_empty());
}

#[test]
fn a_list_that_came_before_the_answer_is_kept() {
    let mut server = with_a_draft();
    let mut store = listed(&server);

    let ticket = publish(&mut store);
    server_applies(&mut server, "welcome-v2", Command::Publish, "Ana Ruiz", 11);
    // A poll brings the published journey before the answer does.
    let load = store.begin_load();
    store.finish_load(load, server.clone());
    store.settle_applied(ticket, publish_answer(&server, "welcome-v2"));

    assert_eq!(store.shown().get("welcome-v1"), server.get("welcome-v1"));
    assert_eq!(store.shown().get("welcome-v2"), server.get("welcome-v2"));
    assert_eq!(store.confirmed(), store.shown());
}

#[test]
fn a_version_stopped_elsewhere_meanwhile_is_shown_stopped() {
    let mut server = with_a_draft();
    let mut store = listed(&server);

    let ticket = publish(&mut store);
    // Another desk stops welcome-v1; a poll reads the list then.
    server_applies(
        &mut server,
        "welcome-v1",
        Command::Stop { reason: None },
        "Jonas Becker",
        11,
    );
    let in_flight = store.begin_load();
    let listed = server.clone();
    // The publish then replaces nothing: welcome-v1 is stopped.
    let applied = server_applies(&mut server, "welcome-v2", Command::Publish, "Ana Ruiz", 12);
    assert!(applied.also_changed.is_empty());
    store.settle_applied(ticket, publish_answer(&server, "welcome-v2"));
    store.finish_load(in_flight, listed);

    assert_eq!(store.shown().get("welcome-v1"), server.get("welcome-v1"));
    assert_eq!(
        store.confirmed().get("welcome-v1"),
        server.get("welcome-v1")
    );
}

#[test]
fn a_resume_answered_after_the_publish_does_not_show_the_replaced_version_live_again() {
    let mut server = with_a_draft();
    let pause = Command::Pause {
        customers: PauseCustomers::Hold,
        until: at(60 * 24),
        at_end: PauseEnd::Resume,
    };
    server_applies(&mut server, "welcome-v1", pause, "Priya Nair", 4);
    let mut store = listed(&server);

    let resume = store
        .begin_change("welcome-v1", Command::Resume, "key-1", "Ana Ruiz", at(10))
        .unwrap();
    let publish = store
        .begin_change("welcome-v2", Command::Publish, "key-2", "Ana Ruiz", at(10))
        .unwrap();
    // The server takes the resume, then the publish; the answers come the
    // other way round.
    let resumed = server_applies(&mut server, "welcome-v1", Command::Resume, "Ana Ruiz", 11);
    server_applies(&mut server, "welcome-v2", Command::Publish, "Ana Ruiz", 12);
    store.settle_applied(publish, publish_answer(&server, "welcome-v2"));
    assert_eq!(status(store.shown(), "welcome-v1"), Status::Finished);
    store.settle_applied(resume, resumed);
    assert_eq!(status(store.shown(), "welcome-v1"), Status::Finished);
    assert_eq!(status(store.shown(), "welcome-v2"), Status::Live);

    let load = store.begin_load();
    store.finish_load(load, server.clone());
    assert_eq!(store.shown(), store.confirmed());
    assert_eq!(store.shown().get("welcome-v1"), server.get("welcome-v1"));
}

#[test]
fn a_list_read_after_the_answer_has_the_last_word() {
    let mut server = with_a_draft();
    let mut store = listed(&server);
    let before = server.clone();

    let ticket = publish(&mut store);
    server_applies(&mut server, "welcome-v2", Command::Publish, "Ana Ruiz", 11);
    store.settle_applied(ticket, publish_answer(&server, "welcome-v2"));
    assert_eq!(store.answered_replacements().count(), 1);

    // A server that (against the rules) kept welcome-v1 running says so in
    // a list read after the answer: that is what is shown.
    let mut kept_running = server.clone();
    kept_running.upsert(before.get("welcome-v1").unwrap().clone());
    let load = store.begin_load();
    store.finish_load(load, kept_running);
    assert_eq!(store.answered_replacements().count(), 0);
    assert_eq!(status(store.shown(), "welcome-v1"), Status::Live);
}
