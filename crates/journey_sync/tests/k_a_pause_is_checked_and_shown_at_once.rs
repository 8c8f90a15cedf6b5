//! Case k: a pause's terms are asked of the rules before anything is sent,
//! and a pause (like Finish and Stop) shows at once and survives a load that
//! began before it.

mod common;

use chrono::Duration;
use common::{at, english, server, server_applies, status};
use journey_sync::JourneyStore;
use lifecycle::{ActionError, Command, PauseCustomers, PauseEnd, Phase, Status};
use wording::action_error_phrase;

fn pause(days: i64, minutes: i64) -> Command {
    Command::Pause {
        customers: PauseCustomers::Hold,
        until: at(minutes) + Duration::days(days),
        at_end: PauseEnd::Resume,
    }
}

#[test]
fn a_pause_longer_than_the_rules_allow_never_leaves_the_browser() {
    let mut store = JourneyStore::new(server());
    let refused = store
        .begin_change("welcome-v1", pause(15, 10), "key-a", "Ana Ruiz", at(10))
        .unwrap_err();
    assert!(matches!(refused, ActionError::Refused(_)), "{refused:?}");
    assert_eq!(
        english(&action_error_phrase(&refused)),
        "A pause can last 14 days at most."
    );
    assert_eq!(store.pending_changes().len(), 0);
    assert_eq!(status(store.shown(), "welcome-v1"), Status::Live);

    let finish_in_the_past = Command::ScheduleFinish { at: at(5) };
    let refused = store
        .begin_change(
            "welcome-v1",
            finish_in_the_past,
            "key-b",
            "Ana Ruiz",
            at(10),
        )
        .unwrap_err();
    assert_eq!(
        english(&action_error_phrase(&refused)),
        "Choose a time in the future."
    );
    assert_eq!(store.pending_changes().len(), 0);
}

#[test]
fn a_pause_shows_at_once_and_a_load_from_before_it_does_not_undo_it() {
    let mut server = server();
    let mut store = JourneyStore::new(server.clone());
    let load = store.begin_load();
    let ticket = store
        .begin_change("welcome-v1", pause(3, 10), "key-a", "Ana Ruiz", at(10))
        .unwrap();
    assert_eq!(
        store.shown().get("welcome-v1").unwrap().phase(),
        Phase::Paused {
            held: 120,
            until: at(10) + Duration::days(3)
        }
    );
    // The list asked for before the pause arrives after it was sent.
    store.finish_load(load, server.clone());
    assert_eq!(status(store.shown(), "welcome-v1"), Status::Paused);

    let applied = server_applies(&mut server, "welcome-v1", pause(3, 10), "Ana Ruiz", 11);
    store.settle_applied(ticket, applied);
    assert_eq!(status(store.shown(), "welcome-v1"), Status::Paused);
    assert_eq!(status(store.confirmed(), "welcome-v1"), Status::Paused);

    // Resumed: shown at once too.
    store
        .begin_change("welcome-v1", Command::Resume, "key-b", "Ana Ruiz", at(12))
        .unwrap();
    assert_eq!(status(store.shown(), "welcome-v1"), Status::Live);
}
