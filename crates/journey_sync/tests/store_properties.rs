//! Random sequences of loads (begun and finished in any order, some answered
//! from cache), changes begun, sent, answered, lost, and other people's
//! actions on the server: what the server confirmed is never undone, a failure
//! touches only its own change, and what is shown is always the confirmed
//! state with the pending changes replayed.

mod common;

use std::collections::HashMap;

use common::at;
use journey_sync::{ChangeTicket, JourneyStore, LoadTicket, PendingChange};
use lifecycle::{Applied, Catalog, Command, JourneyVersion, Outcome, Status};
use proptest::prelude::*;

#[derive(Clone, Debug)]
enum Step {
    BeginLoad,
    /// Finishes an outstanding load; versions from `fresh_from` (a fraction of
    /// the id order) on come from later pages, read from the server now.
    FinishLoad {
        which: usize,
        fresh_from: u8,
    },
    /// A refresh answered 304: the newest list taken comes back (the HTTP
    /// layer keeps it with its ETag).
    FinishLoadFromCache {
        which: usize,
    },
    /// A change the user asks for; `again`: sent again as it was after an
    /// attempt without a known outcome, which the rules are not asked of.
    BeginChange {
        version: usize,
        action: usize,
        again: bool,
    },
    /// The server judges a change that was sent (its answer stays on its way).
    Judge {
        which: usize,
    },
    /// A judged change's answer arrives.
    Deliver {
        which: usize,
    },
    /// A judged change's answer arrives cut short: one the server carried
    /// out says only that it was made.
    DeliverUnreadably {
        which: usize,
    },
    /// A change gets no answer (connection lost before it reached the server).
    Lose {
        which: usize,
    },
    /// Someone else acts on the server.
    Elsewhere {
        version: usize,
        action: usize,
    },
    /// Customers move on the server.
    CountsMove,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        2 => Just(Step::BeginLoad),
        2 => (any::<usize>(), any::<u8>()).prop_map(|(which, fresh_from)| Step::FinishLoad { which, fresh_from }),
        1 => any::<usize>().prop_map(|which| Step::FinishLoadFromCache { which }),
        3 => (any::<usize>(), any::<usize>(), any::<u8>())
            .prop_map(|(version, action, again)| Step::BeginChange { version, action, again: again < 64 }),
        2 => any::<usize>().prop_map(|which| Step::Judge { which }),
        2 => any::<usize>().prop_map(|which| Step::Deliver { which }),
        1 => any::<usize>().prop_map(|which| Step::DeliverUnreadably { which }),
        1 => any::<usize>().prop_map(|which| Step::Lose { which }),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(version, action)| Step::Elsewhere { version, action }),
        1 => Just(Step::CountsMove),
    ]
}

/// What the server answered a change.
#[derive(Clone, Debug)]
enum Answer {
    Applied(Applied),
    Failed(Option<JourneyVersion>),
}

struct Flight {
    ticket: ChangeTicket,
    change: PendingChange,
    answer: Option<Answer>,
}

struct World {
    server: Catalog,
    store: JourneyStore,
    loads: Vec<(LoadTicket, Catalog)>,
    newest_list: Option<(LoadTicket, Catalog)>,
    flights: Vec<Flight>,
    next_id: usize,
    minute: i64,
    /// Per version, the lifecycle an applied change of ours confirmed.
    floors: HashMap<String, (u64, Status)>,
    /// Versions our applied deletes removed.
    deleted: Vec<String>,
    /// Every (id, revision) the server ever had, with its status then.
    made: HashMap<(String, u64), Status>,
}

fn record(world: &mut World) {
    for v in world.server.versions() {
        world
            .made
            .entry((v.id.clone(), v.revision))
            .or_insert(v.status);
    }
}

fn command(action: usize, world: &mut World) -> Command {
    world.next_id += 1;
    match action % 6 {
        0 => Command::Publish,
        1 => Command::Finish,
        2 => Command::Stop {
            reason: Some(format!("reason {}", world.next_id)),
        },
        3 => Command::Delete,
        4 => Command::NewVersion {
            id: format!("new-{}", world.next_id),
        },
        _ => Command::Duplicate {
            id: format!("dup-{}", world.next_id),
            journey_id: format!("dup-journey-{}", world.next_id),
        },
    }
}

/// The `which`th change on its way (modulo their number) whose answer the
/// server has given (`judged`) or not yet.
fn pick_flight(world: &World, which: usize, judged: bool) -> Option<usize> {
    let flights: Vec<usize> = (0..world.flights.len())
        .filter(|&i| world.flights[i].answer.is_some() == judged)
        .collect();
    (!flights.is_empty()).then(|| flights[which % flights.len()])
}

fn pick_id(catalog: &Catalog, n: usize) -> Option<String> {
    let len = catalog.len();
    (len > 0).then(|| catalog.versions().nth(n % len).unwrap().id.clone())
}

/// What `shown` is by definition: the confirmed state with the pending
/// finish, stop and publish replayed in order where the rules allow them,
/// then the versions answered publishes finished that no list has shown yet.
fn replayed(store: &JourneyStore) -> Catalog {
    let mut shown = store.confirmed().clone();
    let made = store.made_unread().filter(|change| {
        store
            .confirmed()
            .get(&change.id)
            .is_some_and(|version| version.revision <= change.seen_revision)
    });
    let mut changes: Vec<&PendingChange> = store.pending_changes().chain(made).collect();
    changes.sort_by_key(|change| change.ticket);
    for change in changes {
        if change.is_shown_at_once()
            && store
                .confirmed()
                .check(&change.id, change.command.action())
                .is_ok()
        {
            let _ = shown.apply(&change.id, change.command.clone(), &change.by, change.at);
        }
    }
    for replaced in store.answered_replacements() {
        let _ = shown.finish_replaced(&replaced.id, replaced.by_version, &replaced.by, replaced.at);
    }
    shown
}

fn check_invariants(world: &World) -> Result<(), TestCaseError> {
    let store = &world.store;
    prop_assert_eq!(
        store.shown(),
        &replayed(store),
        "shown is not confirmed + pending"
    );
    if store.pending_changes().len() == 0
        && store.answered_replacements().count() == 0
        && store.made_unread().count() == 0
    {
        prop_assert_eq!(store.shown(), store.confirmed());
    }
    for (id, (revision, status)) in &world.floors {
        if let Some(version) = store.confirmed().get(id) {
            prop_assert!(
                version.revision >= *revision,
                "{} went back to revision {} from {}",
                id,
                version.revision,
                revision
            );
            if version.revision == *revision {
                prop_assert_eq!(
                    version.status,
                    *status,
                    "{} changed status at the same revision",
                    id
                );
            }
        } else {
            prop_assert!(
                world.server.get(id).is_none(),
                "{} vanished while the server has it",
                id
            );
        }
    }
    for id in &world.deleted {
        prop_assert!(
            store.confirmed().get(id).is_none(),
            "deleted {} came back",
            id
        );
    }
    for version in store.confirmed().versions() {
        if let Some(made) = world.made.get(&(version.id.clone(), version.revision)) {
            prop_assert_eq!(
                version.status,
                *made,
                "{} shows {:?} at revision {}, which the server made {:?}",
                &version.id,
                version.status,
                version.revision,
                made
            );
        }
        if let Some(server) = world.server.get(&version.id) {
            prop_assert!(
                version.revision <= server.revision,
                "the store invented a revision"
            );
        }
    }
    Ok(())
}

fn settle(world: &mut World, index: usize, answer: Answer) -> Result<(), TestCaseError> {
    let flight = world.flights.remove(index);
    let before = world.store.clone();
    match answer {
        Answer::Applied(applied) => {
            match &applied.outcome {
                Outcome::Updated { version } | Outcome::Created { version } => {
                    world
                        .floors
                        .insert(version.id.clone(), (version.revision, version.status));
                }
                Outcome::Deleted { id } => world.deleted.push(id.clone()),
            }
            let settled = world.store.settle_applied(flight.ticket, applied);
            prop_assert_eq!(settled.as_ref(), Some(&flight.change));
        }
        Answer::Failed(current) => {
            let current_id = current.as_ref().map(|c| c.id.clone());
            let settled = world.store.settle_failed(flight.ticket, current);
            prop_assert_eq!(settled.as_ref(), Some(&flight.change));
            // Only its own change left, and only `current` was learned.
            let left: Vec<&PendingChange> = before
                .pending_changes()
                .filter(|c| c.ticket != flight.ticket)
                .collect();
            prop_assert_eq!(world.store.pending_changes().collect::<Vec<_>>(), left);
            for version in before
                .confirmed()
                .versions()
                .chain(world.store.confirmed().versions())
            {
                if Some(&version.id) != current_id.as_ref() {
                    prop_assert_eq!(
                        world.store.confirmed().get(&version.id),
                        before.confirmed().get(&version.id)
                    );
                }
            }
            // Versions of other journeys are shown exactly as before.
            let journey = before
                .shown()
                .get(&flight.change.id)
                .map(|v| v.journey_id.clone());
            for version in before.shown().versions() {
                if Some(&version.journey_id) != journey.as_ref()
                    && Some(&version.id) != current_id.as_ref()
                {
                    prop_assert_eq!(world.store.shown().get(&version.id), Some(version));
                }
            }
        }
    }
    Ok(())
}

fn run(steps: Vec<Step>) -> Result<(), TestCaseError> {
    let mut server = common::server();
    server
        .apply(
            "welcome-v1",
            Command::NewVersion {
                id: "welcome-v2".into(),
            },
            "Priya Nair",
            at(3),
        )
        .unwrap();
    let mut world = World {
        store: JourneyStore::new(server.clone()),
        server,
        loads: Vec::new(),
        newest_list: None,
        flights: Vec::new(),
        next_id: 0,
        minute: 10,
        floors: HashMap::new(),
        deleted: Vec::new(),
        made: HashMap::new(),
    };
    record(&mut world);
    for step in steps {
        world.minute += 1;
        let now = at(world.minute);
        match step {
            Step::BeginLoad => {
                let ticket = world.store.begin_load();
                world.loads.push((ticket, world.server.clone()));
            }
            Step::FinishLoad { which, fresh_from } if !world.loads.is_empty() => {
                let (ticket, begun) = world.loads.remove(which % world.loads.len());
                // Pages in id order: the first ones read when the load began,
                // the later ones read now.
                let ids: Vec<String> = begun
                    .versions()
                    .chain(world.server.versions())
                    .map(|v| v.id.clone())
                    .collect::<std::collections::BTreeSet<_>>()
                    .into_iter()
                    .collect();
                let split = ids.len() * usize::from(fresh_from) / 256;
                let listed = Catalog::new(ids.iter().enumerate().filter_map(|(i, id)| {
                    if i < split {
                        begun.get(id)
                    } else {
                        world.server.get(id)
                    }
                    .cloned()
                }));
                if world
                    .newest_list
                    .as_ref()
                    .is_none_or(|(newest, _)| ticket > *newest)
                {
                    world.newest_list = Some((ticket, listed.clone()));
                }
                world.store.finish_load(ticket, listed);
            }
            Step::FinishLoadFromCache { which } if !world.loads.is_empty() => {
                let (ticket, _) = world.loads.remove(which % world.loads.len());
                if let Some((newest, cached)) = world.newest_list.clone() {
                    // The cached list is confirmed as still current.
                    world.newest_list = Some((ticket.max(newest), cached.clone()));
                    world.store.finish_load(ticket, cached);
                }
            }
            Step::BeginChange {
                version,
                action,
                again,
            } => {
                let Some(id) = pick_id(world.store.shown(), version) else {
                    continue;
                };
                let command = command(action, &mut world);
                let key = format!("key-{}", world.next_id);
                let allowed = (again || world.store.shown().check(&id, command.action()).is_ok())
                    && world.store.pending(&id).is_none();
                let begun = if again {
                    world
                        .store
                        .begin_change_again(&id, command, key, "Ana Ruiz", now, None)
                } else {
                    world.store.begin_change(&id, command, key, "Ana Ruiz", now)
                };
                match begun {
                    Ok(ticket) => {
                        prop_assert!(allowed, "a change the rules refuse became pending");
                        let change = world.store.pending(&id).unwrap().clone();
                        world.flights.push(Flight {
                            ticket,
                            change,
                            answer: None,
                        });
                    }
                    Err(_) => prop_assert!(!allowed, "a change the rules allow was refused"),
                }
            }
            Step::Judge { which } => {
                let Some(index) = pick_flight(&world, which, false) else {
                    continue;
                };
                let change = world.flights[index].change.clone();
                let answer = match world.server.get(&change.id).cloned() {
                    None => Answer::Failed(None),
                    Some(current) if current.revision != change.seen_revision => {
                        Answer::Failed(Some(current))
                    }
                    Some(current) => match world.server.apply(
                        &change.id,
                        change.command.clone(),
                        &change.by,
                        now,
                    ) {
                        Ok(applied) => Answer::Applied(applied),
                        Err(_) => Answer::Failed(Some(current)),
                    },
                };
                world.flights[index].answer = Some(answer);
            }
            Step::Deliver { which } => {
                let Some(index) = pick_flight(&world, which, true) else {
                    continue;
                };
                let answer = world.flights[index].answer.clone().unwrap();
                settle(&mut world, index, answer)?;
            }
            Step::DeliverUnreadably { which } => {
                let Some(index) = pick_flight(&world, which, true) else {
                    continue;
                };
                match world.flights[index].answer.clone().unwrap() {
                    Answer::Applied(_) => {
                        let flight = world.flights.remove(index);
                        let before = world.store.clone();
                        let settled = world
                            .store
                            .settle_made_unread(flight.ticket, flight.change.seen_revision);
                        prop_assert_eq!(settled.as_ref(), Some(&flight.change));
                        // Nothing is confirmed that the server did not say.
                        prop_assert_eq!(world.store.confirmed(), before.confirmed());
                    }
                    failed => settle(&mut world, index, failed)?,
                }
            }
            Step::Lose { which } => {
                let Some(index) = pick_flight(&world, which, false) else {
                    continue;
                };
                settle(&mut world, index, Answer::Failed(None))?;
            }
            Step::Elsewhere { version, action } => {
                let Some(id) = pick_id(&world.server, version) else {
                    continue;
                };
                let command = command(action, &mut world);
                let _ = world.server.apply(&id, command, "Jonas Becker", now);
            }
            Step::CountsMove => {
                let moving: Vec<JourneyVersion> = world
                    .server
                    .versions()
                    .filter(|v| v.status == Status::Live)
                    .cloned()
                    .collect();
                for mut version in moving {
                    version.stats.entered += 3;
                    version.stats.active += 3;
                    world.server.upsert(version);
                }
            }
            Step::FinishLoad { .. } | Step::FinishLoadFromCache { .. } => continue,
        }
        record(&mut world);
        check_invariants(&world)?;
    }

    // Everything answered, then a fresh list: the store agrees with the server.
    while let Some(flight) = world.flights.first() {
        let answer = flight.answer.clone().unwrap_or(Answer::Failed(None));
        settle(&mut world, 0, answer)?;
        check_invariants(&world)?;
    }
    for (ticket, _) in std::mem::take(&mut world.loads) {
        world.store.finish_load(ticket, world.server.clone());
    }
    // The list changes (someone adds a journey): an identical list would be
    // dated as the one it repeats, which could keep a version created by us and
    // deleted by someone else before any list showed it.
    world.server.upsert(JourneyVersion::draft(
        "zz-last",
        "zz",
        "Last",
        1,
        "Jonas Becker",
        at(world.minute),
    ));
    let ticket = world.store.begin_load();
    world.store.finish_load(ticket, world.server.clone());
    let confirmed: Vec<&JourneyVersion> = world.store.confirmed().versions().collect();
    let server: Vec<&JourneyVersion> = world.server.versions().collect();
    prop_assert_eq!(confirmed, server);
    prop_assert_eq!(world.store.shown(), world.store.confirmed());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn confirmed_changes_are_never_undone_and_failures_touch_only_their_own(steps in prop::collection::vec(step(), 1..60)) {
        run(steps)?;
    }
}

#[test]
fn publish_is_shown_at_once_and_a_stop_elsewhere_survives_its_failure() {
    // A hand-picked run through the same machinery, so a failure here reads
    // more easily than a shrunk random one.
    run(vec![
        Step::BeginLoad,
        Step::BeginChange {
            version: 3,
            action: 0,
            again: false,
        }, // publish winback-v2
        Step::BeginChange {
            version: 0,
            action: 2,
            again: false,
        }, // stop spring-v1
        Step::Judge { which: 1 },
        Step::Deliver { which: 0 },
        Step::Lose { which: 0 },
        Step::FinishLoad {
            which: 0,
            fresh_from: 0,
        },
    ])
    .unwrap();
}
