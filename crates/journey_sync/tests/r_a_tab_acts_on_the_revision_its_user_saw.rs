//! Case r: two tabs share the demo data. Tab 2 finishes spring-v1 (customers
//! still in it: finishing); tab 1 has not heard of it yet (the write reaches
//! it only in its turn to act) and its user confirms a Stop of the live
//! version they see. The Stop is refused as a server's `If-Match` refuses
//! it, with the version as it is now: the finish stands.

mod common;

use common::{at, server, status};
use journey_sync::{merge, Epoch, ErrorKind, TabData};
use lifecycle::{Command, Status};

fn epoch() -> Epoch {
    Epoch {
        started_at: at(0),
        nonce: 7,
    }
}

fn stop() -> Command {
    Command::Stop { reason: None }
}

#[test]
fn a_stop_confirmed_on_what_a_tab_showed_does_not_cut_short_another_tabs_finish() {
    let stored = TabData::new(epoch(), server());
    let seen = stored.catalog.get("spring-v1").unwrap().revision;
    let mut tab2 = stored.clone();
    tab2.act("spring-v1", Command::Finish, seen, "Jonas Becker", at(10))
        .unwrap();
    let stored = merge(&tab2, &stored).data;

    // Tab 1, in its turn, reads the stored copy, then acts on it.
    let mut tab1 = merge(&TabData::new(epoch(), server()), &stored).data;
    let error = tab1
        .act("spring-v1", stop(), seen, "Ana Ruiz", at(11))
        .unwrap_err();
    assert_eq!(error.kind, ErrorKind::Conflict);
    let current = error.current.as_deref().expect("the version as it is now");
    assert_eq!(
        (current.status, current.updated_by.as_str()),
        (Status::Finished, "Jonas Becker")
    );
    assert_eq!(
        common::english(&error.message),
        "This journey changed before this tab heard of it. Nothing was changed; look at it \
         again before you retry."
    );
    assert_eq!(status(&tab1.catalog, "spring-v1"), Status::Finished);
    assert!(tab1.catalog.get("spring-v1").unwrap().stats.active > 0);

    // Looked at again, on the revision it now shows, the Stop is made.
    let now = tab1.catalog.get("spring-v1").unwrap().revision;
    let stopped = tab1
        .act("spring-v1", stop(), now, "Ana Ruiz", at(12))
        .unwrap();
    assert_eq!(stopped.version().unwrap().status, Status::Stopped);
}

#[test]
fn refusals_carry_the_version_as_it_is_now_and_a_missing_one_is_not_found() {
    let mut tab = TabData::new(epoch(), server());
    // The rules refuse finishing a finished version.
    let finished = tab.catalog.get("winback-v1").unwrap().revision;
    let error = tab
        .act("winback-v1", Command::Finish, finished, "Ana Ruiz", at(10))
        .unwrap_err();
    assert_eq!(error.kind, ErrorKind::Refused);
    assert_eq!(
        error.current.as_deref().map(|v| v.id.as_str()),
        Some("winback-v1")
    );

    let error = tab
        .act("nope", Command::Finish, 1, "Ana Ruiz", at(10))
        .unwrap_err();
    assert_eq!(error.kind, ErrorKind::NotFound);
    assert!(error.current.is_none());
    assert_eq!(tab, TabData::new(epoch(), server()), "nothing changed");
}
