//! Case g: after a failure, retrying the same stop reuses its idempotency key
//! (the server applies it once); editing the reason first gets a new key (or
//! the server would replay the old reason).

mod common;

use common::{at, english, server};
use journey_sync::{error_from_answer, AnswerEffect, ConfirmFlow, DialogState, JourneyStore};
use lifecycle::Command;

fn stop(reason: &str) -> Command {
    Command::Stop {
        reason: Some(reason.into()),
    }
}

#[test]
fn edited_stop_reason_gets_a_new_idempotency_key_and_unchanged_retry_reuses_it() {
    let mut store = JourneyStore::new(server());
    let mut dialog = ConfirmFlow::new();
    let opening = dialog.open(None);
    let mut fresh = (1..).map(|n| format!("key-{n}"));

    let first = dialog
        .confirm(stop("Wrong audience"), fresh.next().unwrap(), None, 0.0)
        .unwrap();
    assert_eq!(first.idempotency_key, "key-1");
    let ticket = store
        .begin_change(
            "spring-v1",
            first.command.clone(),
            first.idempotency_key.clone(),
            "Ana Ruiz",
            at(10),
        )
        .unwrap();
    assert_eq!(store.pending("spring-v1").unwrap().idempotency_key, "key-1");
    store.settle_failed(ticket, None);
    let failure = error_from_answer(503, Some("text/html"), None, "", at(10)).message;
    assert_eq!(
        english(&failure),
        "The server had a problem (HTTP 503 Service Unavailable). Nothing was lost; try again."
    );
    assert_eq!(
        dialog.answer(opening, Err(failure.clone())),
        AnswerEffect::ShowError(failure.clone())
    );
    assert_eq!(dialog.state(), &DialogState::Failed(failure.clone()));

    // Retrying unchanged: the same key.
    let retry = dialog
        .confirm(stop("Wrong audience"), fresh.next().unwrap(), None, 0.0)
        .unwrap();
    assert_eq!(retry.idempotency_key, "key-1");
    dialog.answer(opening, Err(failure.clone()));

    // The reason is edited, then retried: a new key, kept for its own retries.
    let edited = dialog
        .confirm(
            stop("Wrong audience: used last year's list"),
            fresh.next().unwrap(),
            None,
            0.0,
        )
        .unwrap();
    assert_eq!(edited.idempotency_key, "key-3");
    assert_eq!(
        edited.command,
        stop("Wrong audience: used last year's list")
    );
    dialog.answer(opening, Err(failure.clone()));
    let again = dialog
        .confirm(
            stop("Wrong audience: used last year's list"),
            fresh.next().unwrap(),
            None,
            0.0,
        )
        .unwrap();
    assert_eq!(again.idempotency_key, "key-3");
}
