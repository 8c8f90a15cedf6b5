//! Case p: the user stops a journey; the server makes the Stop, but no answer
//! comes back (the connection drops), so its outcome is unknown and it is
//! shown undone. A list read later shows it stopped. The user confirms again:
//! the rules, asked on what is shown, would refuse a Stop of a stopped
//! version as a new change, but this is the same request, so it goes to the
//! server as it was, which answers as it did when it made it. Nothing is
//! shown undone or made twice on the way.

mod common;

use common::{at, listed, server, server_applies, status};
use journey_sync::JourneyStore;
use lifecycle::{Action, ActionError, Command, Status};

fn stop() -> Command {
    Command::Stop { reason: None }
}

/// The store after the user's Stop went unanswered and a later list showed
/// what the server did; and the server's answer to that Stop, as it
/// remembered it under its key.
fn stop_lost_then_listed() -> (JourneyStore, lifecycle::Applied) {
    let mut server = server();
    let mut store = listed(&server);
    let first = store
        .begin_change("welcome-v1", stop(), "key-1", "Ana Ruiz", at(10))
        .unwrap();
    let made = server_applies(&mut server, "welcome-v1", stop(), "Ana Ruiz", 11);
    // No answer: the Stop is taken back, shown undone.
    store.settle_failed(first, None);
    assert_eq!(status(store.shown(), "welcome-v1"), Status::Live);
    let load = store.begin_load();
    store.finish_load(load, server.clone());
    assert_eq!(status(store.shown(), "welcome-v1"), Status::Stopped);
    (store, made)
}

#[test]
fn the_same_stop_sent_again_is_not_refused_as_a_new_one_and_its_replayed_answer_is_taken() {
    let (mut store, made) = stop_lost_then_listed();
    // As a new change, the rules refuse it.
    assert!(matches!(
        store.begin_change("welcome-v1", stop(), "key-2", "Ana Ruiz", at(12)),
        Err(ActionError::Refused(_))
    ));
    // As the same request again, it is queued; nothing shown moves.
    let shown_before = store.shown().clone();
    let again = store
        .begin_change_again("welcome-v1", stop(), "key-1", "Ana Ruiz", at(12), None)
        .unwrap();
    assert_eq!(store.shown(), &shown_before);
    assert_eq!(
        store
            .pending("welcome-v1")
            .map(|p| p.idempotency_key.as_str()),
        Some("key-1")
    );
    // A second one while it is on its way is refused, like any change.
    assert!(store
        .begin_change_again("welcome-v1", stop(), "key-1", "Ana Ruiz", at(12), None)
        .is_err());
    // The server answers as it did: the version as the Stop left it.
    assert!(store.settle_applied(again, made).is_some());
    assert_eq!(store.pending_changes().len(), 0);
    assert_eq!(status(store.shown(), "welcome-v1"), Status::Stopped);
    assert_eq!(store.shown(), &shown_before);
}

#[test]
fn a_replayed_answer_older_than_what_is_known_does_not_take_the_version_back() {
    let (mut store, made) = stop_lost_then_listed();
    // Since the Stop, a colleague's change raised the revision: a later list
    // brings it. (A stopped version has nothing left to change but its
    // history, so the revision is moved by hand.)
    let mut later = store.confirmed().get("welcome-v1").unwrap().clone();
    later.revision += 1;
    later.updated_by = "Jonas Becker".into();
    let mut newer = store.confirmed().clone();
    newer.upsert(later);
    let load = store.begin_load();
    store.finish_load(load, newer);
    let again = store
        .begin_change_again("welcome-v1", stop(), "key-1", "Ana Ruiz", at(13), None)
        .unwrap();
    store.settle_applied(again, made);
    let shown = store.shown().get("welcome-v1").unwrap();
    assert_eq!(shown.updated_by, "Jonas Becker", "the newer copy stays");
}

#[test]
fn the_same_request_sent_again_still_needs_its_version() {
    let (mut store, _) = stop_lost_then_listed();
    assert_eq!(
        store.begin_change_again("nope", stop(), "key-1", "Ana Ruiz", at(12), None),
        Err(ActionError::NotFound { id: "nope".into() })
    );
    // A change the rules allow is queued and shown at once, as any change.
    store
        .begin_change_again(
            "spring-v1",
            Command::Finish,
            "key-3",
            "Ana Ruiz",
            at(12),
            None,
        )
        .unwrap();
    assert_eq!(status(store.shown(), "spring-v1"), Status::Finished);
    assert!(store.shown().check("spring-v1", Action::Finish).is_err());
}
