//! Case a: a failed action removes only its own pending change.

mod common;

use common::{at, error_body, server, server_applies, status};
use journey_sync::{error_from_answer, ErrorKind, JourneyStore};
use lifecycle::{Command, Status};

#[test]
fn failed_action_removes_only_its_own_change() {
    let mut server = server();
    let mut store = JourneyStore::new(server.clone());

    // Finish A is sent; so is Stop B.
    let finish_a = store
        .begin_change("welcome-v1", Command::Finish, "key-a", "Ana Ruiz", at(10))
        .unwrap();
    let stop_b = store
        .begin_change(
            "spring-v1",
            Command::Stop {
                reason: Some("Wrong audience".into()),
            },
            "key-b",
            "Ana Ruiz",
            at(10),
        )
        .unwrap();
    assert_eq!(status(store.shown(), "welcome-v1"), Status::Finished);
    assert_eq!(status(store.shown(), "spring-v1"), Status::Stopped);

    // Someone else stops A first, so Finish A will meet a 412.
    server_applies(
        &mut server,
        "welcome-v1",
        Command::Stop {
            reason: Some("Legal".into()),
        },
        "Jonas Becker",
        11,
    );
    // B is applied and answered first.
    let applied_b = server_applies(
        &mut server,
        "spring-v1",
        Command::Stop {
            reason: Some("Wrong audience".into()),
        },
        "Ana Ruiz",
        12,
    );
    store.settle_applied(stop_b, applied_b);

    // A is answered 412 with the server's current version.
    let current = server.get("welcome-v1").unwrap().clone();
    let body = error_body(
        "revision_mismatch",
        "Someone changed this journey.",
        &current,
    );
    let error = error_from_answer(412, Some("application/json"), None, &body, at(13));
    assert_eq!(error.kind, ErrorKind::Conflict);
    let settled = store
        .settle_failed(finish_a, error.current.map(|c| *c))
        .unwrap();
    assert_eq!(settled.id, "welcome-v1");

    // B still shows stopped; A shows what the server has.
    assert_eq!(status(store.shown(), "spring-v1"), Status::Stopped);
    assert_eq!(status(store.confirmed(), "spring-v1"), Status::Stopped);
    assert_eq!(store.shown().get("spring-v1"), server.get("spring-v1"));
    assert_eq!(store.shown().get("welcome-v1"), Some(&current));
    assert_eq!(current.updated_by, "Jonas Becker");
    assert_eq!(store.pending_changes().len(), 0);
    assert_eq!(store.shown(), store.confirmed());
}
