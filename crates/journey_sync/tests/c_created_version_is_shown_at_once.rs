//! Case c: a version the server created (201) is shown at once, and a list
//! refresh answered 304 (the cached, older list) does not take it away.

mod common;

use common::{at, server, set_active, status};
use journey_sync::{applied_from_answer, JourneyStore};
use lifecycle::{Command, JourneyVersion, Status};

#[test]
fn created_version_is_shown_at_once_even_when_the_next_refresh_is_a_304() {
    let mut server = server();
    let mut store = JourneyStore::new(Default::default());
    // The first list, which the HTTP layer keeps with its ETag.
    let load = store.begin_load();
    let cached = server.clone();
    store.finish_load(load, cached.clone());

    // "Create new version" on winback-v1 is refused: v2 is a draft already;
    // on spring-v1 it is allowed. Not shown before the answer.
    assert!(store
        .begin_change(
            "winback-v1",
            Command::NewVersion { id: String::new() },
            "key-0",
            "Ana Ruiz",
            at(9)
        )
        .is_err());
    let command = Command::NewVersion { id: String::new() };
    let ticket = store
        .begin_change("spring-v1", command.clone(), "key-1", "Ana Ruiz", at(10))
        .unwrap();
    assert_eq!(store.shown().len(), 4);

    // The server answers 201 with the new draft.
    let created =
        JourneyVersion::draft("spring-v2", "spring", "Spring sale", 2, "Ana Ruiz", at(10));
    server.upsert(created.clone());
    let body = serde_json::to_string(&created).unwrap();
    let applied =
        applied_from_answer("spring-v1", &command, 201, Some("application/json"), &body).unwrap();
    store.settle_applied(ticket, applied);
    assert_eq!(store.shown().get("spring-v2"), Some(&created));

    // The next refresh is answered 304: the load gives back the cached list.
    let load = store.begin_load();
    assert!(store.finish_load(load, cached.clone()));
    assert_eq!(store.shown().get("spring-v2"), Some(&created));
    assert_eq!(status(store.shown(), "spring-v2"), Status::Draft);

    // A real new list, with moved counts, still has it and is taken.
    set_active(&mut server, "welcome-v1", 130);
    let load = store.begin_load();
    store.finish_load(load, server.clone());
    assert_eq!(
        store.confirmed().get("welcome-v1").unwrap().stats.active,
        130
    );
    assert_eq!(store.shown().get("spring-v2"), Some(&created));
}
