//! Case j: one Finish or Stop on many selected versions. The rules split the
//! selection before anything is sent; each allowed version is a change of its
//! own with its own key, at most three on their way at once, each through the
//! store like a single action; a retry sends only the failed ones; and the
//! results outlive any change of the selection.

mod common;

use std::collections::BTreeSet;

use common::{at, english, server, server_applies, set_active, status};
use journey_list::VersionSelection;
use journey_sync::{
    error_from_answer, Attempt, BulkPlan, BulkRun, Dispatch, ErrorKind, Failure, JourneyStore,
    VersionState, MAX_IN_FLIGHT,
};
use lifecycle::{Action, Catalog, Command, JourneyVersion, Reason, Status};
use wording::Phrase;

/// `server()` and six more live journeys, "extra-1-v1" … "extra-6-v1", with
/// 10, 20, … 60 customers in them.
fn larger_server() -> Catalog {
    let mut catalog = server();
    for n in 1..=6 {
        let id = format!("extra-{n}-v1");
        catalog.upsert(JourneyVersion::draft(
            &id,
            format!("extra-{n}"),
            format!("Extra journey {n}"),
            1,
            "Priya Nair",
            at(0),
        ));
        catalog
            .apply(&id, Command::Publish, "Priya Nair", at(1))
            .unwrap();
        set_active(&mut catalog, &id, 10 * n);
    }
    catalog
}

/// Keys as the browser makes them: a new one every time one is asked for.
struct Keys(u32);

impl Keys {
    fn fresh(&mut self) -> String {
        self.0 += 1;
        format!("key-{}", self.0)
    }
}

/// What the console's `Journeys::act` does with one dispatch: the store takes
/// the change (asking the rules again), the server answers, and only this
/// change is settled. `fail` makes the server answer with that error instead.
fn send(
    store: &mut JourneyStore,
    server: &mut Catalog,
    run: &mut BulkRun,
    sent: &Dispatch,
    fail: Option<u16>,
) {
    let ticket = match store.begin_change(
        &sent.id,
        sent.command.clone(),
        sent.idempotency_key.clone(),
        "Ana Ruiz",
        at(10),
    ) {
        Ok(ticket) => ticket,
        Err(error) => {
            let why = wording::action_error_phrase(&error);
            assert!(run.settle(&sent.id, Err(Failure::answered(why))));
            return;
        }
    };
    match fail {
        None => {
            let applied = server_applies(server, &sent.id, sent.command.clone(), "Ana Ruiz", 10);
            store.settle_applied(ticket, applied).unwrap();
            assert!(run.settle(&sent.id, Ok(())));
        }
        Some(code) => {
            let error = error_from_answer(code, None, None, "", at(10));
            store.settle_failed(ticket, None);
            let failure = Failure::from_error(error.kind, error.message);
            assert!(run.settle(&sent.id, Err(failure)));
        }
    }
}

fn plan(selected: &[&str], action: Action, store: &JourneyStore) -> BulkPlan {
    BulkPlan::new(selected.iter().copied(), action, store.shown(), Ok(()))
}

fn ids(sent: &[Dispatch]) -> Vec<&str> {
    sent.iter().map(|d| d.id.as_str()).collect()
}

#[test]
fn customers_a_server_counts_past_u64_are_said_as_the_most_there_can_be() {
    let mut server = larger_server();
    set_active(&mut server, "extra-1-v1", 1 << 63);
    set_active(&mut server, "extra-2-v1", 1 << 63);
    let store = JourneyStore::new(server);
    let plan = plan(
        &["extra-1-v1", "extra-2-v1", "extra-3-v1"],
        Action::Stop,
        &store,
    );
    assert_eq!(plan.allowed.len(), 3);
    assert_eq!(plan.customers(), u64::MAX);
}

#[test]
fn a_plan_without_counts_stays_the_same_as_customers_come_and_go() {
    let mut server = larger_server();
    // A finishing version, which a Finish refuses with its customers named.
    server
        .apply("extra-4-v1", Command::Finish, "Priya Nair", at(2))
        .unwrap();
    let selected = ["extra-1-v1", "extra-2-v1", "extra-4-v1"];
    let before = plan(
        &selected,
        Action::Finish,
        &JourneyStore::new(server.clone()),
    );
    set_active(&mut server, "extra-1-v1", 11);
    set_active(&mut server, "extra-4-v1", 39);
    let after = plan(
        &selected,
        Action::Finish,
        &JourneyStore::new(server.clone()),
    );
    assert_ne!(before, after);
    assert_eq!(before.without_counts(), after.without_counts());

    // A change the confirmation must show is still one.
    server
        .apply("extra-2-v1", Command::Finish, "Jonas Becker", at(5))
        .unwrap();
    let changed = plan(&selected, Action::Finish, &JourneyStore::new(server));
    assert_ne!(after.without_counts(), changed.without_counts());
}

#[test]
fn the_plan_counts_versions_and_customers_and_lists_what_the_rules_refuse() {
    let store = JourneyStore::new(server());
    let plan = plan(
        &[
            "welcome-v1",
            "spring-v1",
            "winback-v1",
            "winback-v2",
            "gone-v9",
        ],
        Action::Finish,
        &store,
    );
    let allowed: Vec<&str> = plan.allowed.iter().map(|v| v.id.as_str()).collect();
    assert_eq!(allowed, ["spring-v1", "welcome-v1"], "by name");
    assert_eq!(plan.customers(), 200);
    assert!(plan.can_confirm());
    let refused: Vec<(&str, Reason)> = plan
        .refused
        .iter()
        .map(|r| (r.version.id.as_str(), r.refusal.reason))
        .collect();
    assert_eq!(
        refused,
        [
            ("winback-v1", Reason::Status),
            ("winback-v2", Reason::Status)
        ]
    );
    assert_eq!(
        english(&plan.refused[1].version.phrase()),
        "Win back, version 2"
    );
    assert_eq!(
        english(&plan.refused[1].why()),
        english(&wording::refusal_phrase(&plan.refused[1].refusal))
    );
    assert_eq!(plan.missing, ["gone-v9"]);
    assert_eq!(
        english(&BulkPlan::missing_phrase("gone-v9")),
        "This journey version no longer exists (id gone-v9)."
    );
}

#[test]
fn a_role_that_may_not_act_gets_nothing_to_confirm() {
    let store = JourneyStore::new(server());
    let plan = BulkPlan::new(
        ["welcome-v1", "spring-v1"],
        Action::Stop,
        store.shown(),
        Err(Phrase::new("sync-role-forbids").with("role", "viewer")),
    );
    assert!(plan.allowed.is_empty());
    assert!(!plan.can_confirm());
    assert!(plan.forbidden.is_some());
    let run = BulkRun::new(&plan, |_| Command::Stop { reason: None });
    assert_eq!(run.counts().total, 0);
}

#[test]
fn refused_versions_are_never_sent() {
    let mut server = server();
    let mut store = JourneyStore::new(server.clone());
    let plan = plan(
        &["winback-v1", "winback-v2", "welcome-v1"],
        Action::Stop,
        &store,
    );
    assert_eq!(plan.refused.len(), 2);
    let mut run = BulkRun::new(&plan, |_| Command::Stop { reason: None });
    let mut keys = Keys(0);
    let mut sent_ids = Vec::new();
    loop {
        let sent = run.next_all(|| keys.fresh());
        if sent.is_empty() {
            break;
        }
        for dispatch in &sent {
            sent_ids.push(dispatch.id.clone());
            send(&mut store, &mut server, &mut run, dispatch, None);
        }
    }
    assert_eq!(sent_ids, ["welcome-v1"]);
    assert_eq!(status(store.shown(), "welcome-v1"), Status::Stopped);
    assert_eq!(status(store.shown(), "winback-v2"), Status::Draft);
    assert_eq!(run.state("winback-v2"), None);
}

#[test]
fn at_most_three_are_on_their_way_and_each_has_a_key_of_its_own() {
    let mut server = larger_server();
    let mut store = JourneyStore::new(server.clone());
    let selected: Vec<String> = store.shown().versions().map(|v| v.id.clone()).collect();
    let selected: Vec<&str> = selected.iter().map(String::as_str).collect();
    let plan = plan(&selected, Action::Finish, &store);
    assert_eq!(plan.allowed.len(), 8);
    assert_eq!(plan.customers(), 120 + 80 + 210);
    let mut run = BulkRun::new(&plan, |_| Command::Finish);
    let mut keys = Keys(0);

    let first = run.next_all(|| keys.fresh());
    assert_eq!(first.len(), MAX_IN_FLIGHT);
    assert_eq!(run.next(|| keys.fresh()), None, "three are on their way");
    for dispatch in &first {
        store
            .begin_change(
                &dispatch.id,
                dispatch.command.clone(),
                dispatch.idempotency_key.clone(),
                "Ana Ruiz",
                at(10),
            )
            .unwrap();
    }
    assert_eq!(store.pending_changes().len(), 3);

    // One answer frees one place.
    let ticket = store.pending(&first[0].id).unwrap().ticket;
    let applied = server_applies(&mut server, &first[0].id, Command::Finish, "Ana Ruiz", 10);
    store.settle_applied(ticket, applied);
    run.settle(&first[0].id, Ok(()));
    let more = run.next_all(|| keys.fresh());
    assert_eq!(more.len(), 1);
    assert_eq!(run.counts().sending, MAX_IN_FLIGHT);

    // The rest, three at a time at most.
    let mut all = first.clone();
    all.extend(more.iter().cloned());
    for dispatch in first.iter().skip(1).chain(&more) {
        let ticket = store.pending(&dispatch.id).map(|p| p.ticket);
        if let Some(ticket) = ticket {
            let applied =
                server_applies(&mut server, &dispatch.id, Command::Finish, "Ana Ruiz", 10);
            store.settle_applied(ticket, applied);
        } else {
            send(&mut store, &mut server, &mut run, dispatch, None);
            continue;
        }
        run.settle(&dispatch.id, Ok(()));
    }
    loop {
        let sent = run.next_all(|| keys.fresh());
        if sent.is_empty() {
            break;
        }
        assert!(sent.len() <= MAX_IN_FLIGHT);
        for dispatch in &sent {
            send(&mut store, &mut server, &mut run, dispatch, None);
        }
        all.extend(sent);
    }
    assert_eq!(run.counts().succeeded, 8);
    assert!(!run.counts().is_running());
    let distinct: BTreeSet<&str> = all.iter().map(|d| d.idempotency_key.as_str()).collect();
    assert_eq!(distinct.len(), 8, "one key per version: {all:?}");
    assert!(plan
        .allowed
        .iter()
        .all(|v| status(store.shown(), &v.id) == Status::Finished));
    assert_eq!(
        english(&run.progress()),
        "8 of 8 done.",
        "the live region's words"
    );
}

#[test]
fn a_console_that_goes_mid_run_sends_every_waiting_version_once_with_the_keys_of_earlier_attempts()
{
    let server = larger_server();
    let store = JourneyStore::new(server.clone());
    let selected: Vec<String> = store.shown().versions().map(|v| v.id.clone()).collect();
    let selected: Vec<&str> = selected.iter().map(String::as_str).collect();
    let plan = plan(&selected, Action::Stop, &store);
    let mut run = BulkRun::new(&plan, |_| Command::Stop { reason: None });
    let mut keys = Keys(0);
    let first = run.next_all(|| keys.fresh());
    assert_eq!(first.len(), MAX_IN_FLIGHT);
    // The first is answered with no answer (it may have been applied): it
    // goes back to be sent again, with its key.
    let failure = Failure::from_error(ErrorKind::Unreachable, Phrase::new("sync-no-whole-answer"));
    assert!(failure.maybe_applied);
    run.settle(&first[0].id, Err(failure));
    run.retry_failed();

    let unsent = run.unsent(|| keys.fresh());
    let expected: Vec<&str> = plan
        .allowed
        .iter()
        .map(|v| v.id.as_str())
        .filter(|id| !ids(&first[1..]).contains(id))
        .collect();
    assert_eq!(
        ids(&unsent),
        expected,
        "every waiting one, in the plan's order, past the limit"
    );
    assert_eq!(
        unsent[0].idempotency_key, first[0].idempotency_key,
        "a retry keeps its key"
    );
    let distinct: BTreeSet<&str> = unsent
        .iter()
        .chain(&first)
        .map(|d| d.idempotency_key.as_str())
        .collect();
    assert_eq!(distinct.len(), plan.allowed.len(), "one key per version");
    assert!(unsent
        .iter()
        .all(|d| d.command == Command::Stop { reason: None }));
    assert_eq!(run.counts().waiting, 0);
    assert_eq!(run.counts().sending, plan.allowed.len());
    assert!(
        run.unsent(|| keys.fresh()).is_empty(),
        "nothing is handed over twice"
    );
    assert_eq!(run.next(|| keys.fresh()), None);
}

#[test]
fn a_retry_sends_only_the_failed_reusing_the_key_only_when_no_answer_came() {
    let mut server = larger_server();
    let mut store = JourneyStore::new(server.clone());
    let plan = plan(
        &["welcome-v1", "spring-v1", "extra-1-v1", "extra-2-v1"],
        Action::Stop,
        &store,
    );
    let reason = Some("Wrong audience".to_owned());
    let mut run = BulkRun::new(&plan, |_| Command::Stop {
        reason: reason.clone(),
    });
    let mut keys = Keys(0);
    // "extra-1" gets a 503 (the server may have acted), "spring" a 403 (it
    // did not); the other two succeed.
    let fault = |id: &str| match id {
        "extra-1-v1" => Some(503),
        "spring-v1" => Some(403),
        _ => None,
    };
    let mut first_keys = std::collections::BTreeMap::new();
    loop {
        let sent = run.next_all(|| keys.fresh());
        if sent.is_empty() {
            break;
        }
        for dispatch in &sent {
            first_keys.insert(dispatch.id.clone(), dispatch.idempotency_key.clone());
            send(
                &mut store,
                &mut server,
                &mut run,
                dispatch,
                fault(&dispatch.id),
            );
        }
    }
    let counts = run.counts();
    assert_eq!((counts.succeeded, counts.failed), (2, 2));
    let failed: Vec<(&str, bool)> = run
        .failed()
        .map(|(entry, failure)| (entry.version.id.as_str(), failure.maybe_applied))
        .collect();
    assert_eq!(failed, [("extra-1-v1", true), ("spring-v1", false)]);
    let (_, why) = run.failed().next().unwrap();
    assert!(
        english(&why.why).starts_with("The server had a problem (HTTP 503"),
        "{}",
        english(&why.why)
    );
    assert_eq!(
        english(&run.progress()),
        "4 of 4 done, 2 failed.",
        "the live region's words"
    );
    // Both failed changes left the store: the versions show as they were.
    assert_eq!(status(store.shown(), "spring-v1"), Status::Live);

    assert_eq!(run.retry_failed(), 2);
    let again = run.next_all(|| keys.fresh());
    assert_eq!(ids(&again), ["extra-1-v1", "spring-v1"], "only the failed");
    assert_eq!(
        again[0].idempotency_key, first_keys["extra-1-v1"],
        "no answer came: the same key"
    );
    assert_ne!(
        again[1].idempotency_key, first_keys["spring-v1"],
        "the server answered: a new request"
    );
    // The same request goes to the server even where what is shown refuses
    // it (a list may show it made); a new one is asked of the rules.
    // The same request goes on the revision the user confirmed the action on.
    let planned = store.shown().get("extra-1-v1").unwrap().revision;
    assert_eq!(again[0].attempt, Attempt::Again { on: Some(planned) });
    assert_eq!(again[1].attempt, Attempt::New);
    assert_eq!(
        again[1].command,
        Command::Stop {
            reason: Some("Wrong audience".into())
        }
    );
    for dispatch in &again {
        send(&mut store, &mut server, &mut run, dispatch, None);
    }
    assert_eq!(run.counts().succeeded, 4);
    assert_eq!(run.retry_failed(), 0);
    assert!(run.next(|| keys.fresh()).is_none(), "nothing is sent twice");
    assert_eq!(
        server.get("extra-1-v1").unwrap().stop_reason.as_deref(),
        Some("Wrong audience")
    );
}

#[test]
fn a_version_changed_since_the_plan_fails_on_its_own_without_being_sent() {
    let mut server = server();
    let mut store = JourneyStore::new(server.clone());
    let plan = plan(&["welcome-v1", "spring-v1"], Action::Finish, &store);
    let mut run = BulkRun::new(&plan, |_| Command::Finish);
    // Someone else stopped "spring" meanwhile; a poll brought it.
    server_applies(
        &mut server,
        "spring-v1",
        Command::Stop { reason: None },
        "Olga",
        5,
    );
    let load = store.begin_load();
    store.finish_load(load, server.clone());
    let before = server.get("spring-v1").unwrap().revision;
    let mut keys = Keys(0);
    for dispatch in run.next_all(|| keys.fresh()) {
        send(&mut store, &mut server, &mut run, &dispatch, None);
    }
    assert_eq!(run.state("welcome-v1"), Some(&VersionState::Succeeded));
    let Some(VersionState::Failed(failure)) = run.state("spring-v1") else {
        panic!("spring-v1 should have failed: {:?}", run.state("spring-v1"));
    };
    assert!(!failure.maybe_applied);
    assert!(
        english(&failure.why).contains("stopped"),
        "{}",
        english(&failure.why)
    );
    assert_eq!(
        server.get("spring-v1").unwrap().revision,
        before,
        "not sent"
    );
}

#[test]
fn a_selection_change_during_and_after_a_run_keeps_every_result() {
    let mut server = larger_server();
    let mut store = JourneyStore::new(server.clone());
    let shown: Vec<String> = store.shown().versions().map(|v| v.id.clone()).collect();
    let shown: Vec<&str> = shown.iter().map(String::as_str).collect();
    let mut selection = VersionSelection::default();
    selection.click("welcome-v1", true, false, shown.iter().copied());
    selection.click("extra-1-v1", true, false, shown.iter().copied());
    selection.click("extra-2-v1", true, false, shown.iter().copied());
    selection.click("extra-3-v1", true, false, shown.iter().copied());
    let plan = BulkPlan::new(selection.ids(), Action::Finish, store.shown(), Ok(()));
    let mut run = BulkRun::new(&plan, |_| Command::Finish);
    let mut keys = Keys(0);

    let first = run.next_all(|| keys.fresh());
    send(&mut store, &mut server, &mut run, &first[0], Some(503));
    // The user unticks a version on its way and ticks others.
    selection.click(&first[1].id, false, false, shown.iter().copied());
    selection.click("spring-v1", true, false, shown.iter().copied());
    for dispatch in &first[1..] {
        send(&mut store, &mut server, &mut run, dispatch, None);
    }
    let rest = run.next_all(|| keys.fresh());
    selection.clear();
    for dispatch in &rest {
        send(&mut store, &mut server, &mut run, dispatch, None);
    }
    let results: Vec<(&str, bool)> = run
        .entries()
        .map(|e| (e.version.id.as_str(), e.state == VersionState::Succeeded))
        .collect();
    assert_eq!(results.len(), 4);
    assert_eq!(run.counts().failed, 1);
    assert!(matches!(
        run.state(&first[0].id),
        Some(VersionState::Failed(_))
    ));
    assert_eq!(run.state(&first[1].id), Some(&VersionState::Succeeded));

    // A new selection and its plan leave the run alone; its retry still
    // sends the one that failed.
    selection.toggle_all_shown(shown.iter().copied());
    let _new_plan = BulkPlan::new(selection.ids(), Action::Stop, store.shown(), Ok(()));
    assert_eq!(run.counts().failed, 1);
    run.retry_failed();
    let again = run.next_all(|| keys.fresh());
    assert_eq!(ids(&again), [first[0].id.as_str()]);
}

#[test]
fn an_answer_for_a_version_not_on_its_way_changes_nothing() {
    let store = JourneyStore::new(server());
    let plan = plan(&["welcome-v1"], Action::Finish, &store);
    let mut run = BulkRun::new(&plan, |_| Command::Finish);
    assert!(!run.settle("welcome-v1", Ok(())), "not sent yet");
    assert!(!run.settle("spring-v1", Ok(())), "not in the run");
    assert_eq!(run.state("welcome-v1"), Some(&VersionState::Waiting));
}

#[test]
fn which_failures_may_have_been_applied() {
    for (code, maybe) in [
        (503, true),
        (500, true),
        (409, false),
        (412, false),
        (429, false),
    ] {
        let error = error_from_answer(code, None, None, "", at(0));
        assert_eq!(
            Failure::from_error(error.kind, error.message).maybe_applied,
            maybe,
            "HTTP {code}"
        );
    }
    assert!(ErrorKind::Unreachable.may_have_been_applied());
}

#[test]
fn a_version_changed_after_the_confirmation_is_not_sent_and_says_why() {
    // A Stop of three live versions is confirmed.
    let mut server = larger_server();
    let mut store = JourneyStore::new(server.clone());
    let plan = plan(
        &["extra-1-v1", "extra-2-v1", "extra-3-v1"],
        Action::Stop,
        &store,
    );
    let mut run = BulkRun::new(&plan, |_| Command::Stop { reason: None });
    let mut keys = Keys(0);

    // Before the run sends them, a colleague finishes extra-2 (so its
    // customers may complete their path), and a poll brings that.
    server
        .apply("extra-2-v1", Command::Finish, "Jonas Becker", at(5))
        .unwrap();
    store.take_version(server.get("extra-2-v1").unwrap().clone());

    assert_eq!(run.hold_back_changed(store.shown()), 1);
    let sent = run.next_all(|| keys.fresh());
    assert_eq!(ids(&sent), ["extra-1-v1", "extra-3-v1"]);
    for dispatch in &sent {
        send(&mut store, &mut server, &mut run, dispatch, None);
    }
    assert_eq!(
        status(&server, "extra-2-v1"),
        Status::Finished,
        "not stopped"
    );
    let failed: Vec<(&str, String)> = run
        .failed()
        .map(|(entry, failure)| (entry.version.id.as_str(), english(&failure.why)))
        .collect();
    assert_eq!(
        failed,
        [(
            "extra-2-v1",
            "Jonas Becker changed it since you chose this action: it is now Finishing. \
             Nothing was sent: choose the action again if it still applies."
                .to_owned()
        )]
    );

    // "Retry failed" asks again: it is still not what was confirmed.
    assert_eq!(run.retry_failed(), 1);
    assert_eq!(run.hold_back_changed(store.shown()), 1);
    assert!(run.next_all(|| keys.fresh()).is_empty());
    assert_eq!(status(&server, "extra-2-v1"), Status::Finished);
}

#[test]
fn a_retry_that_may_have_been_carried_out_is_sent_again_though_it_shows_changed() {
    let mut server = larger_server();
    let mut store = JourneyStore::new(server.clone());
    let plan = plan(&["extra-1-v1"], Action::Stop, &store);
    let mut run = BulkRun::new(&plan, |_| Command::Stop { reason: None });
    let mut keys = Keys(0);
    let first = run.next_all(|| keys.fresh());
    // No answer came (a 504 from a gateway): the server may have stopped it.
    send(&mut store, &mut server, &mut run, &first[0], Some(504));
    // It did: a poll shows it stopped.
    server
        .apply(
            "extra-1-v1",
            Command::Stop { reason: None },
            "Ana Ruiz",
            at(10),
        )
        .unwrap();
    store.take_version(server.get("extra-1-v1").unwrap().clone());

    assert_eq!(run.retry_failed(), 1);
    assert_eq!(run.hold_back_changed(store.shown()), 0);
    let again = run.next_all(|| keys.fresh());
    assert_eq!(again.len(), 1);
    assert_eq!(
        again[0].idempotency_key, first[0].idempotency_key,
        "the same request"
    );
}

#[test]
fn a_version_changed_while_the_confirmation_was_open_is_held_back_too() {
    // The confirmation opens on a Stop of two live versions.
    let mut server = larger_server();
    let mut store = JourneyStore::new(server.clone());
    let selected = ["extra-1-v1", "extra-2-v1"];
    let opened = plan(&selected, Action::Stop, &store);
    // A colleague finishes extra-2 while it is open; Stop is still allowed
    // on it (finishing), and the plan asked again at the click has it.
    server
        .apply("extra-2-v1", Command::Finish, "Jonas Becker", at(5))
        .unwrap();
    store.take_version(server.get("extra-2-v1").unwrap().clone());
    let at_the_click = plan(&selected, Action::Stop, &store);
    assert_eq!(at_the_click.allowed.len(), 2);

    let mut run = BulkRun::new(&at_the_click.as_seen_in(&opened), |_| Command::Stop {
        reason: None,
    });
    assert_eq!(run.hold_back_changed(store.shown()), 1);
    let sent = run.next_all(|| Keys(0).fresh());
    assert_eq!(ids(&sent), ["extra-1-v1"]);
}
