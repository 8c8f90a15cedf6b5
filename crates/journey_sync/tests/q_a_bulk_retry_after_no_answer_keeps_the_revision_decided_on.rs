//! Case q: a bulk Stop of a live version gets no answer (a gateway's 504:
//! whether the server made it is not known). Meanwhile a colleague finishes
//! the version, and a poll shows it. "Retry failed" sends the same request
//! again (its key), which the rules are not asked about: it may be the very
//! change a list shows. It goes on the revision the user decided on, as the
//! first attempt did: a server that never saw it refuses it (412) with the
//! colleague's version, so a Stop confirmed on a live journey never cuts
//! short a finish someone chose meanwhile; a server that made it answers as
//! it did.

mod common;

use std::collections::HashMap;

use common::{at, listed, server, status};
use journey_sync::{
    error_from_answer, Attempt, BulkPlan, BulkRun, Dispatch, Failure, JourneyStore,
};
use lifecycle::{Action, Applied, Catalog, Command, Status};

/// A server as the contract has it: a key it knows is answered as it was
/// first, whatever else the request says; then `If-Match`; then the rules.
struct ContractServer {
    catalog: Catalog,
    made: HashMap<String, Applied>,
}

#[derive(Debug, PartialEq)]
enum Refused {
    /// 412: the version changed since the revision sent.
    Changed,
    /// 409: the rules refuse it.
    Rules,
}

impl ContractServer {
    fn new() -> ContractServer {
        ContractServer {
            catalog: server(),
            made: HashMap::new(),
        }
    }

    fn change(
        &mut self,
        id: &str,
        command: Command,
        if_match: u64,
        key: &str,
        by: &str,
        minutes: i64,
    ) -> Result<Applied, Refused> {
        if let Some(made) = self.made.get(key) {
            return Ok(made.clone());
        }
        if self.catalog.get(id).unwrap().revision != if_match {
            return Err(Refused::Changed);
        }
        let applied = self
            .catalog
            .apply(id, command, by, at(minutes))
            .map_err(|_| Refused::Rules)?;
        self.made.insert(key.to_owned(), applied.clone());
        Ok(applied)
    }

    /// How many changes of version `id` it made.
    fn changes_made(&self, id: &str) -> usize {
        self.made
            .values()
            .filter(|made| made.version().is_some_and(|v| v.id == id))
            .count()
    }
}

/// A bulk Stop of spring-v1 (live), its first attempt sent and failed with
/// a 504; returns the store, the run and that attempt's revision.
fn stop_unanswered(backend: &ContractServer) -> (JourneyStore, BulkRun, Dispatch, u64) {
    let mut store = listed(&backend.catalog);
    let plan = BulkPlan::new(["spring-v1"], Action::Stop, store.shown(), Ok(()));
    let mut run = BulkRun::new(&plan, |_| Command::Stop { reason: None });
    let first = run.next(|| "key-1".into()).unwrap();
    assert_eq!(first.attempt, Attempt::New);
    let ticket = store
        .begin_change(
            &first.id,
            first.command.clone(),
            &first.idempotency_key,
            "Ana Ruiz",
            at(10),
        )
        .unwrap();
    let sent_on = store.pending("spring-v1").unwrap().seen_revision;
    let gateway = error_from_answer(504, None, None, "", at(10));
    assert!(gateway.may_have_been_applied());
    store.settle_failed(ticket, None);
    assert!(run.settle(
        &first.id,
        Err(Failure::from_error(gateway.kind, gateway.message))
    ));
    (store, run, first, sent_on)
}

/// "Retry failed" as the console sends it (`Journeys::act` with the
/// dispatch's attempt); returns what the server did with it.
fn retry(
    store: &mut JourneyStore,
    run: &mut BulkRun,
    backend: &mut ContractServer,
) -> (Dispatch, u64, Result<Applied, Refused>) {
    assert_eq!(run.retry_failed(), 1);
    assert_eq!(
        run.hold_back_changed(store.shown()),
        0,
        "sent again all the same: what is shown may be this very change"
    );
    let again = run.next(|| "key-2".into()).unwrap();
    let Attempt::Again { on } = again.attempt else {
        panic!("the same request, sent as new: {:?}", again.attempt);
    };
    let ticket = store
        .begin_change_again(
            &again.id,
            again.command.clone(),
            &again.idempotency_key,
            "Ana Ruiz",
            at(12),
            on,
        )
        .unwrap();
    let sent_on = store.pending("spring-v1").unwrap().seen_revision;
    let answer = backend.change(
        &again.id,
        again.command.clone(),
        sent_on,
        &again.idempotency_key,
        "Ana Ruiz",
        12,
    );
    match &answer {
        Ok(applied) => {
            store.settle_applied(ticket, applied.clone());
        }
        Err(_) => {
            store.settle_failed(ticket, backend.catalog.get("spring-v1").cloned());
        }
    }
    (again, sent_on, answer)
}

#[test]
fn a_retry_the_server_never_saw_does_not_stop_a_finish_a_colleague_chose_meanwhile() {
    let mut backend = ContractServer::new();
    let (mut store, mut run, first, first_on) = stop_unanswered(&backend);

    // The 504 came from a gateway: the server never saw the Stop. A
    // colleague finishes spring-v1 (80 customers still in it: finishing),
    // and the next poll shows it.
    backend
        .change(
            "spring-v1",
            Command::Finish,
            first_on,
            "colleague",
            "Jonas Becker",
            11,
        )
        .unwrap();
    let load = store.begin_load();
    store.finish_load(load, backend.catalog.clone());
    assert_eq!(status(store.shown(), "spring-v1"), Status::Finished);

    let (again, sent_on, answer) = retry(&mut store, &mut run, &mut backend);
    assert_eq!(again.idempotency_key, first.idempotency_key, "the same key");
    assert_eq!(
        sent_on, first_on,
        "the same request, on the revision the user decided on"
    );
    assert_eq!(
        answer.unwrap_err(),
        Refused::Changed,
        "refused: the version changed since"
    );
    assert_eq!(
        status(&backend.catalog, "spring-v1"),
        Status::Finished,
        "the colleague's finish stands"
    );
    assert_eq!(status(store.shown(), "spring-v1"), Status::Finished);
    assert_eq!(store.pending_changes().len(), 0);
}

#[test]
fn a_retry_of_a_stop_the_server_made_is_answered_as_it_was_made() {
    let mut backend = ContractServer::new();
    let (mut store, mut run, first, first_on) = stop_unanswered(&backend);

    // The server made the Stop; its answer was lost (a gateway's 504 after
    // it). The next poll shows it stopped.
    backend
        .change(
            "spring-v1",
            first.command.clone(),
            first_on,
            &first.idempotency_key,
            "Ana Ruiz",
            10,
        )
        .unwrap();
    let load = store.begin_load();
    store.finish_load(load, backend.catalog.clone());
    assert_eq!(status(store.shown(), "spring-v1"), Status::Stopped);

    let (_, _, answer) = retry(&mut store, &mut run, &mut backend);
    assert!(answer.is_ok(), "answered as it was made: {answer:?}");
    assert_eq!(backend.changes_made("spring-v1"), 1, "stopped once");
    assert_eq!(status(store.shown(), "spring-v1"), Status::Stopped);
    assert_eq!(store.pending_changes().len(), 0);
}
