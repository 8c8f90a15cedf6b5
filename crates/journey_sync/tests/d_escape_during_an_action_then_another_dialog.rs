//! Case d: closing a dialog while its action is on its way, then opening
//! another: the first answer neither closes nor fills in the second.

mod common;

use common::{at, server, server_applies, status};
use journey_sync::{error_from_answer, AnswerEffect, ConfirmFlow, DialogState, JourneyStore};
use lifecycle::{Command, Status};

#[test]
fn escape_during_an_action_then_another_dialog_is_left_alone_by_the_first_answer() {
    let mut server = server();
    let mut store = JourneyStore::new(server.clone());
    let mut dialog = ConfirmFlow::new();

    // Finish welcome-v1 is confirmed and sent; the user presses Escape.
    let first = dialog.open(None);
    let sent = dialog
        .confirm(Command::Finish, "key-1".into(), None, 0.0)
        .unwrap();
    let ticket = store
        .begin_change(
            "welcome-v1",
            sent.command.clone(),
            sent.idempotency_key.clone(),
            "Ana Ruiz",
            at(10),
        )
        .unwrap();
    dialog.close();
    assert_eq!(dialog.state(), &DialogState::Closed);

    // The user opens Stop on spring-v1.
    let second = dialog.open(None);
    assert_ne!(first, second);
    assert_eq!(dialog.state(), &DialogState::Asking);

    // The first answer, a failure, arrives: a toast, not this dialog's error.
    assert_eq!(
        dialog.answer(
            sent.opening,
            Err(error_from_answer(502, None, None, "", at(11)).message)
        ),
        AnswerEffect::NotThisDialog
    );
    assert_eq!(dialog.state(), &DialogState::Asking);
    // Nor does a success close it.
    assert_eq!(dialog.answer(first, Ok(())), AnswerEffect::NotThisDialog);
    assert_eq!(dialog.state(), &DialogState::Asking);
    // The store settles the first change all the same.
    let applied = server_applies(&mut server, "welcome-v1", Command::Finish, "Ana Ruiz", 11);
    store.settle_applied(ticket, applied);
    assert_eq!(status(store.shown(), "welcome-v1"), Status::Finished);

    // The second dialog works as usual.
    let stop = dialog
        .confirm(
            Command::Stop {
                reason: Some("Wrong audience".into()),
            },
            "key-2".into(),
            None,
            0.0,
        )
        .unwrap();
    assert_eq!(
        (stop.opening, stop.idempotency_key.as_str()),
        (second, "key-2")
    );
    assert_eq!(dialog.answer(second, Ok(())), AnswerEffect::Close);
    assert_eq!(dialog.state(), &DialogState::Closed);
}
