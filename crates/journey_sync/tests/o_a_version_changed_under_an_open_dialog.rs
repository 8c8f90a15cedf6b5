//! Case o: a confirmation dialog is open on a live version when someone else
//! changes it (finishes it, publishes a new version in its place, schedules
//! its finish, deletes a draft). The user decided on what they read; the next
//! click shows what changed instead of acting, and the one after acts.

mod common;

use common::{at, english, server, set_active};
use journey_sync::{Attempt, ConfirmFlow, DialogState, Opening};
use lifecycle::{Catalog, Command, JourneyVersion, PauseCustomers, PauseEnd};
use wording::Phrase;

fn stop() -> Command {
    Command::Stop { reason: None }
}

fn shown<'a>(catalog: &'a Catalog, id: &str) -> Option<&'a JourneyVersion> {
    catalog.get(id)
}

/// A Stop dialog opened on welcome-v1 as `catalog` shows it, and confirmed
/// once, with key-1.
fn stop_sent(catalog: &Catalog) -> (ConfirmFlow, Opening) {
    let mut dialog = ConfirmFlow::new();
    let opening = dialog.open(shown(catalog, "welcome-v1"));
    dialog
        .confirm(stop(), "key-1".into(), shown(catalog, "welcome-v1"), 0.0)
        .unwrap();
    (dialog, opening)
}

/// Jonas Becker finishes welcome-v1 in `catalog` (the next list brings it),
/// and the open dialog says so.
fn finished_by_a_colleague(catalog: &mut Catalog, dialog: &ConfirmFlow) {
    catalog
        .apply("welcome-v1", Command::Finish, "Jonas Becker", at(5))
        .unwrap();
    assert_eq!(
        said(dialog.change_notice(shown(catalog, "welcome-v1"))).as_deref(),
        Some(
            "Jonas Becker changed this version while the dialog was open: it is now \
             Finishing. Read the dialog again, then confirm."
        )
    );
}

fn said(notice: Option<Phrase>) -> Option<String> {
    notice.map(|phrase| english(&phrase))
}

#[test]
fn a_stop_dialog_on_a_version_finished_elsewhere_shows_it_before_it_stops_it() {
    let mut catalog = server();
    let mut dialog = ConfirmFlow::new();
    dialog.open(shown(&catalog, "welcome-v1"));
    assert_eq!(dialog.change_notice(shown(&catalog, "welcome-v1")), None);

    // A colleague finishes it; the next poll brings that.
    finished_by_a_colleague(&mut catalog, &dialog);
    let now = shown(&catalog, "welcome-v1");
    assert_eq!(
        dialog.confirm(stop(), "key-1".into(), now, 0.0),
        None,
        "the click that met the change sends nothing"
    );
    assert_eq!(dialog.state(), &DialogState::Asking);
    let sent = dialog
        .confirm(stop(), "key-2".into(), now, 2_000.0)
        .unwrap();
    assert_eq!(sent.command, stop());
}

#[test]
fn a_new_version_published_in_its_place_is_a_change_and_moving_counts_are_not() {
    let mut catalog = server();
    let mut dialog = ConfirmFlow::new();
    dialog.open(shown(&catalog, "welcome-v1"));

    // Customers come and go while the user reads.
    set_active(&mut catalog, "welcome-v1", 150);
    assert_eq!(dialog.change_notice(shown(&catalog, "welcome-v1")), None);

    // Version 2 is published: version 1 finishes, its customers continue.
    let mut draft = catalog.get("welcome-v1").unwrap().clone();
    draft.id = "welcome-v2".into();
    draft.version = 2;
    draft.status = lifecycle::Status::Draft;
    catalog.upsert(draft);
    catalog
        .apply("welcome-v2", Command::Publish, "Jonas Becker", at(5))
        .unwrap();
    let now = shown(&catalog, "welcome-v1");
    assert!(said(dialog.change_notice(now))
        .unwrap()
        .contains("it is now Finishing"));
    assert_eq!(
        dialog.confirm(Command::Finish, "key-1".into(), now, 0.0),
        None
    );
}

#[test]
fn a_schedule_set_or_a_draft_deleted_elsewhere_is_said_too() {
    let mut catalog = server();
    let mut dialog = ConfirmFlow::new();
    dialog.open(shown(&catalog, "spring-v1"));
    catalog
        .apply(
            "spring-v1",
            Command::ScheduleFinish { at: at(600) },
            "Jonas Becker",
            at(5),
        )
        .unwrap();
    assert_eq!(
        said(dialog.change_notice(shown(&catalog, "spring-v1"))).as_deref(),
        Some(
            "Jonas Becker changed this version's pause or scheduled finish while the \
             dialog was open. Read the dialog again, then confirm."
        )
    );

    dialog.open(shown(&catalog, "winback-v2"));
    catalog
        .apply("winback-v2", Command::Delete, "Jonas Becker", at(6))
        .unwrap();
    let gone = shown(&catalog, "winback-v2");
    assert_eq!(
        said(dialog.change_notice(gone)).as_deref(),
        Some("This version was deleted while the dialog was open.")
    );
    assert_eq!(
        dialog.confirm(Command::Delete, "key-1".into(), gone, 0.0),
        None
    );
}

#[test]
fn a_retry_after_a_failure_is_held_back_once_when_a_colleague_changed_the_version_meanwhile() {
    let mut catalog = server();
    let (mut dialog, opening) = stop_sent(&catalog);
    // The server is down for maintenance; nothing was changed, and the
    // version is shown as it was.
    dialog.answer(opening, Err(Phrase::new("sync-unreachable")));
    assert_eq!(dialog.change_notice(shown(&catalog, "welcome-v1")), None);

    // A colleague finishes it meanwhile; a later list brings that.
    finished_by_a_colleague(&mut catalog, &dialog);
    let now = shown(&catalog, "welcome-v1");
    assert_eq!(
        dialog.confirm(stop(), "key-2".into(), now, 10_000.0),
        None,
        "the retry aimed at a live version sends nothing"
    );
    assert_eq!(
        dialog.confirm(stop(), "key-3".into(), now, 10_500.0),
        None,
        "nor does the second click of a double click"
    );
    let retry = dialog
        .confirm(stop(), "key-4".into(), now, 12_000.0)
        .unwrap();
    assert_eq!(retry.idempotency_key, "key-1", "the same request again");
}

#[test]
fn a_retry_after_an_unanswered_attempt_shows_the_users_own_change_when_a_list_brings_it() {
    let mut catalog = server();
    let (mut dialog, opening) = stop_sent(&catalog);
    // No answer came; the change is shown undone until a list says more.
    dialog.answer(opening, Err(Phrase::new("sync-unreachable")));
    dialog.failure_may_be_made();
    // The server had made it: the next list shows it stopped, by the user.
    catalog
        .apply("welcome-v1", stop(), "Priya Nair", at(5))
        .unwrap();
    let now = shown(&catalog, "welcome-v1");
    assert_eq!(
        said(dialog.change_notice(now)).as_deref(),
        Some(
            "Priya Nair changed this version while the dialog was open: it is now Stopped. \
             Whether your last attempt was carried out is not known. Read the dialog again; \
             confirmed as it was, it sends the same request, which the server makes at most once."
        )
    );
    assert_eq!(dialog.confirm(stop(), "key-2".into(), now, 0.0), None);
    // Confirmed again, the same request goes to the server as it was
    // (the rules, asked on what is shown, would refuse a Stop of a stopped
    // version): the server answers as it did when it made it.
    let retry = dialog
        .confirm(stop(), "key-3".into(), now, 2_000.0)
        .unwrap();
    assert_eq!(retry.idempotency_key, "key-1", "the same request again");
    assert_eq!(retry.attempt, Attempt::Again { on: None });
}

#[test]
fn a_retry_after_a_failure_the_server_answered_is_not_sent_as_unknown() {
    let catalog = server();
    let (mut dialog, opening) = stop_sent(&catalog);
    dialog.answer(opening, Err(Phrase::new("sync-unreachable")));
    dialog.failure_may_be_made();
    let now = shown(&catalog, "welcome-v1");
    let retry = dialog.confirm(stop(), "key-2".into(), now, 0.0).unwrap();
    assert_eq!(retry.attempt, Attempt::Again { on: None });
    // The retry is answered: refused (a 409: the server looked at the key
    // and did not know it), so the next one is judged like any other.
    dialog.answer(
        retry.opening,
        Err(Phrase::new("sync-server-said").with("said", "Already stopped.")),
    );
    let last = dialog.confirm(stop(), "key-3".into(), now, 0.0).unwrap();
    assert_eq!(last.idempotency_key, "key-1");
    assert_eq!(last.attempt, Attempt::New);
    // An edited stop reason is a new request: never sent as the old one.
    let (mut dialog, opening) = stop_sent(&catalog);
    dialog.answer(opening, Err(Phrase::new("sync-unreachable")));
    dialog.failure_may_be_made();
    let edited = Command::Stop {
        reason: Some("Wrong audience".into()),
    };
    let sent = dialog.confirm(edited, "key-4".into(), now, 0.0).unwrap();
    assert_eq!(sent.idempotency_key, "key-4");
    assert_eq!(sent.attempt, Attempt::New);
}

#[test]
fn a_change_that_came_while_the_attempt_was_on_its_way_is_said_after_its_failure() {
    let mut catalog = server();
    let (mut dialog, opening) = stop_sent(&catalog);
    // While the Stop is retried (the console shows it made meanwhile), a
    // list brings a colleague's Finish; then the server fails for good, the
    // Stop is taken back, and what shows is the Finish.
    catalog
        .apply("welcome-v1", Command::Finish, "Jonas Becker", at(5))
        .unwrap();
    dialog.answer(opening, Err(Phrase::new("sync-unreachable")));
    let now = shown(&catalog, "welcome-v1");
    assert!(said(dialog.change_notice(now)).unwrap().contains(
        "Jonas Becker changed this version while the dialog was open: it is now Finishing."
    ));
    assert_eq!(dialog.confirm(stop(), "key-2".into(), now, 0.0), None);
    assert!(dialog
        .confirm(stop(), "key-3".into(), now, 2_000.0)
        .is_some());
}

#[test]
fn a_failure_that_shows_the_change_itself_is_not_held_back_again() {
    let mut catalog = server();
    let (mut dialog, opening) = stop_sent(&catalog);
    // Refused (412): the server's answer carries the version as a colleague
    // left it, which the console shows with the refusal, naming them.
    catalog
        .apply("welcome-v1", Command::Finish, "Jonas Becker", at(5))
        .unwrap();
    let now = shown(&catalog, "welcome-v1");
    let refused = Phrase::new("sync-server-said").with("said", "Changed meanwhile.");
    dialog.answer(opening, Err(refused));
    dialog.failure_shows(now);
    assert_eq!(dialog.change_notice(now), None, "the refusal says it");
    assert!(dialog.confirm(stop(), "key-2".into(), now, 0.0).is_some());
}

#[test]
fn a_change_made_but_answered_unreadably_shown_made_is_the_users_own() {
    let mut catalog = server();
    let (mut dialog, opening) = stop_sent(&catalog);
    // The server answered 2xx with a body the console could not read: the
    // Stop is shown made as the failure is said.
    catalog.apply("welcome-v1", stop(), "You", at(5)).unwrap();
    let made = shown(&catalog, "welcome-v1");
    dialog.answer(
        opening,
        Err(Phrase::new("sync-change-made-answer-unusable")),
    );
    dialog.failure_shows(made);
    assert_eq!(dialog.change_notice(made), None);
    // A later list names the user, at the server's time: the same lifecycle.
    let mut listed = server();
    listed
        .apply("welcome-v1", stop(), "Priya Nair", at(6))
        .unwrap();
    let listed = shown(&listed, "welcome-v1");
    assert_eq!(dialog.change_notice(listed), None);
    assert!(dialog
        .confirm(stop(), "key-2".into(), listed, 0.0)
        .is_some());
}

fn pause_until(minutes: i64) -> Command {
    Command::Pause {
        customers: PauseCustomers::Hold,
        until: at(minutes),
        at_end: PauseEnd::Resume,
    }
}

#[test]
fn the_users_own_pause_answered_by_the_server_is_not_a_change() {
    // The console shows the user's pause at once ("You", the browser's
    // time); the server's answer names them, at its own time.
    let mut shown_ahead = server();
    shown_ahead
        .apply("welcome-v1", pause_until(600), "You", at(5))
        .unwrap();
    let mut answered = server();
    answered
        .apply("welcome-v1", pause_until(600), "Ana Ruiz", at(6))
        .unwrap();
    let mut dialog = ConfirmFlow::new();
    dialog.open(shown(&shown_ahead, "welcome-v1"));
    let now = shown(&answered, "welcome-v1");
    assert_eq!(dialog.change_notice(now), None);
    assert!(dialog.confirm(stop(), "key-1".into(), now, 0.0).is_some());
}

#[test]
fn a_change_undone_before_the_click_holds_nothing_back() {
    let mut catalog = server();
    let mut dialog = ConfirmFlow::new();
    dialog.open(shown(&catalog, "welcome-v1"));
    let live = catalog.clone();
    catalog
        .apply("welcome-v1", pause_until(600), "Jonas Becker", at(5))
        .unwrap();
    let paused = shown(&catalog, "welcome-v1");
    assert!(dialog.change_notice(paused).is_some());
    assert_eq!(dialog.confirm(stop(), "key-1".into(), paused, 0.0), None);
    // Resumed: as it was when the dialog opened, and nothing says otherwise.
    let back = shown(&live, "welcome-v1");
    assert_eq!(dialog.change_notice(back), None);
    assert!(dialog
        .confirm(stop(), "key-2".into(), back, 2_000.0)
        .is_some());
}

#[test]
fn a_double_click_on_a_change_it_meets_sends_nothing() {
    let mut catalog = server();
    let mut dialog = ConfirmFlow::new();
    dialog.open(shown(&catalog, "welcome-v1"));
    catalog
        .apply("welcome-v1", Command::Finish, "Jonas Becker", at(5))
        .unwrap();
    let now = shown(&catalog, "welcome-v1");
    // Both clicks of a double click come before the user could read the notice.
    assert_eq!(dialog.confirm(stop(), "key-1".into(), now, 10_000.0), None);
    assert_eq!(dialog.confirm(stop(), "key-2".into(), now, 10_150.0), None);
    assert_eq!(dialog.state(), &DialogState::Asking);
    // Read, then confirmed.
    let sent = dialog
        .confirm(
            stop(),
            "key-3".into(),
            now,
            10_000.0 + journey_list::READING_MS,
        )
        .unwrap();
    assert_eq!(sent.command, stop());
}
