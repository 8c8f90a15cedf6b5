//! Case m: publishing a draft finishes the journey's live version. Over HTTP
//! the answer carries the published version alone; the version it replaced
//! is still finished at once, exactly as the server finished it, and stays
//! so until a list says otherwise.

mod common;

use common::{at, server, server_applies, status};
use journey_sync::{applied_from_answer, JourneyStore};
use lifecycle::{Command, HistoryCause, Status};

/// The server's journeys, with welcome-v2 a draft beside the live welcome-v1.
fn with_a_draft() -> lifecycle::Catalog {
    let mut server = server();
    let new_version = Command::NewVersion {
        id: "welcome-v2".into(),
    };
    server_applies(&mut server, "welcome-v1", new_version, "Priya Nair", 3);
    server
}

/// The server's answer to a publish of `id`: the published version, alone.
fn publish_answer(server: &lifecycle::Catalog, id: &str) -> lifecycle::Applied {
    let body = serde_json::to_string(server.get(id).unwrap()).unwrap();
    applied_from_answer(id, &Command::Publish, 200, Some("application/json"), &body).unwrap()
}

#[test]
fn the_replaced_version_is_finished_as_the_server_finished_it() {
    let mut server = with_a_draft();
    let mut store = JourneyStore::new(Default::default());
    let load = store.begin_load();
    store.finish_load(load, server.clone());
    // The detail view of welcome-v1 read its history.
    store.set_history("welcome-v1", server.history("welcome-v1").to_vec());

    let ticket = store
        .begin_change("welcome-v2", Command::Publish, "key-1", "Ana Ruiz", at(10))
        .unwrap();
    assert_eq!(status(store.shown(), "welcome-v1"), Status::Finished);
    // A list asked for before the server took the publish.
    let stale_load = store.begin_load();
    let before_publish = server.clone();

    let applied = server_applies(&mut server, "welcome-v2", Command::Publish, "Ana Ruiz", 11);
    assert_eq!(applied.also_changed, ["welcome-v1"]);
    store.settle_applied(ticket, publish_answer(&server, "welcome-v2"));

    assert_eq!(store.pending_changes().len(), 0);
    assert_eq!(store.shown().get("welcome-v1"), server.get("welcome-v1"));
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

    let ticket = store
        .begin_change("welcome-v2", Command::Publish, "key-1", "Ana Ruiz", at(10))
        .unwrap();
    server_applies(&mut server, "welcome-v2", Command::Publish, "Ana Ruiz", 11);
    store.settle_applied(ticket, publish_answer(&server, "welcome-v2"));

    assert_eq!(status(store.shown(), "welcome-v1"), Status::Finished);
    // Not one entry standing for the whole history: the view reads it.
    assert!(store.shown().history("welcome-v1").is_empty());
}

#[test]
fn a_list_that_came_before_the_answer_is_kept() {
    let mut server = with_a_draft();
    let mut store = JourneyStore::new(Default::default());
    let load = store.begin_load();
    store.finish_load(load, server.clone());

    let ticket = store
        .begin_change("welcome-v2", Command::Publish, "key-1", "Ana Ruiz", at(10))
        .unwrap();
    server_applies(&mut server, "welcome-v2", Command::Publish, "Ana Ruiz", 11);
    // A poll brings the published journey before the answer does.
    let load = store.begin_load();
    store.finish_load(load, server.clone());
    store.settle_applied(ticket, publish_answer(&server, "welcome-v2"));

    assert_eq!(store.shown().get("welcome-v1"), server.get("welcome-v1"));
    assert_eq!(store.shown().get("welcome-v2"), server.get("welcome-v2"));
    assert_eq!(store.confirmed(), store.shown());
}
