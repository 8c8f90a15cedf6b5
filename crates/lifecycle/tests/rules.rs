//! Every row of the lifecycle rules, allowed and refused, through the public API.

mod fixtures;

use fixtures::{hours_later, one_version, start, three_versions, ID, JOURNEY, NAME};
use lifecycle::{
    Action, ActionError, Catalog, Command, JourneyVersion, Outcome, PauseCustomers, PauseEnd,
    Phase, Reason, Refusal, Stats, Status,
};

const BY: &str = "Sofia Andersson";

fn refusal(catalog: &Catalog, id: &str, action: Action) -> Refusal {
    match catalog.check(id, action) {
        Err(ActionError::Refused(refusal)) => refusal,
        other => panic!("{action:?} on {id} should be refused, got {other:?}"),
    }
}

/// Applies a command that must be refused, checks that nothing changed, and returns
/// the rule that refused it (the refusal's action and status are checked here).
fn refused_reason(catalog: &Catalog, id: &str, command: Command) -> Reason {
    let mut after = catalog.clone();
    let action = command.action();
    let error = after
        .apply(id, command, BY, hours_later(10))
        .expect_err("the command should be refused");
    assert_eq!(&after, catalog, "a refused {action:?} changed the catalog");
    let ActionError::Refused(refusal) = error else {
        panic!("expected a refusal, got {error:?}");
    };
    assert_eq!(refusal.action, action);
    assert_eq!(refusal.status, catalog.get(id).unwrap().status);
    assert_eq!(
        refusal,
        self::refusal(catalog, id, action),
        "check and apply disagree"
    );
    refusal.reason
}

fn applied_version(catalog: &mut Catalog, id: &str, command: Command) -> JourneyVersion {
    let applied = catalog.apply(id, command, BY, hours_later(10)).unwrap();
    applied.version().unwrap().clone()
}

// Publish

#[test]
fn publishing_a_draft_makes_it_live() {
    let mut catalog = one_version(Status::Draft, 0);
    let before = catalog.get(ID).unwrap().clone();
    let version = applied_version(&mut catalog, ID, Command::Publish);
    assert_eq!(version.status, Status::Live);
    assert_eq!(version.published_at, Some(hours_later(10)));
    assert_eq!(version.updated_at, hours_later(10));
    assert_eq!(version.updated_by, BY);
    assert_eq!(version.revision, before.revision + 1);
    assert_eq!(catalog.get(ID), Some(&version));
    let entry = catalog.history(ID).last().unwrap();
    assert_eq!(entry.action, Action::Publish);
    assert_eq!(
        (entry.from, entry.to),
        (Some(Status::Draft), Some(Status::Live))
    );
    assert_eq!(entry.by, BY);
    assert_eq!(entry.at, hours_later(10));
}

#[test]
fn publishing_a_new_version_finishes_the_live_one_and_keeps_its_customers() {
    let mut catalog = one_version(Status::Live, 40);
    catalog
        .apply(
            ID,
            Command::NewVersion { id: "v2".into() },
            BY,
            hours_later(3),
        )
        .unwrap();
    let old = catalog.get(ID).unwrap().clone();
    let applied = catalog
        .apply("v2", Command::Publish, BY, hours_later(4))
        .unwrap();
    assert_eq!(applied.also_changed, vec![ID.to_owned()]);
    assert_eq!(applied.changed_ids().collect::<Vec<_>>(), vec!["v2", ID]);
    assert_eq!(applied.version().unwrap().status, Status::Live);

    let replaced = catalog.get(ID).unwrap();
    assert_eq!(replaced.status, Status::Finished);
    assert_eq!(replaced.finished_at, Some(hours_later(4)));
    assert_eq!(replaced.stats, old.stats, "its customers continue in it");
    assert!(replaced.is_finishing());
    assert_eq!(replaced.revision, old.revision + 1);
    assert_eq!(replaced.updated_by, BY);
    let entry = catalog.history(ID).last().unwrap();
    assert_eq!(entry.action, Action::Finish);
    assert_eq!(
        (entry.from, entry.to),
        (Some(Status::Live), Some(Status::Finished))
    );
    assert_eq!(entry.reason.as_deref(), Some("Replaced by version 2"));
}

#[test]
fn publishing_leaves_ended_versions_of_the_journey_alone() {
    let mut catalog = three_versions();
    catalog
        .apply(
            "spring-sale-v2",
            Command::Stop { reason: None },
            BY,
            hours_later(6),
        )
        .unwrap();
    let v1 = catalog.get(ID).unwrap().clone();
    let v2 = catalog.get("spring-sale-v2").unwrap().clone();
    let applied = catalog
        .apply("spring-sale-v3", Command::Publish, BY, hours_later(7))
        .unwrap();
    assert!(applied.also_changed.is_empty());
    assert_eq!(catalog.get(ID), Some(&v1));
    assert_eq!(catalog.get("spring-sale-v2"), Some(&v2));
}

#[test]
fn publishing_is_refused_unless_draft() {
    for status in [Status::Live, Status::Finished, Status::Stopped] {
        assert_eq!(
            refused_reason(&one_version(status, 5), ID, Command::Publish),
            Reason::Status,
            "{status:?}"
        );
    }
}

// Finish

#[test]
fn finishing_a_live_journey_blocks_newcomers_and_keeps_customers_in_it() {
    let mut catalog = one_version(Status::Live, 30);
    let before = catalog.get(ID).unwrap().clone();
    let version = applied_version(&mut catalog, ID, Command::Finish);
    assert_eq!(version.status, Status::Finished);
    assert_eq!(version.finished_at, Some(hours_later(10)));
    assert_eq!(version.stats, before.stats);
    assert_eq!(version.phase(), Phase::Finishing { active: 30 });
    assert_eq!(version.revision, before.revision + 1);
    let entry = catalog.history(ID).last().unwrap();
    assert_eq!(entry.action, Action::Finish);
    assert_eq!(
        (entry.from, entry.to),
        (Some(Status::Live), Some(Status::Finished))
    );
    assert_eq!(entry.reason, None);
}

#[test]
fn finishing_is_refused_unless_live() {
    assert_eq!(
        refused_reason(&one_version(Status::Draft, 0), ID, Command::Finish),
        Reason::Status
    );
    // A finishing journey: the refusal counts the customers still in it.
    assert_eq!(
        refused_reason(&one_version(Status::Finished, 12), ID, Command::Finish),
        Reason::AlreadyFinishing { active: 12 }
    );
    assert_eq!(
        refused_reason(&one_version(Status::Finished, 1), ID, Command::Finish),
        Reason::AlreadyFinishing { active: 1 }
    );
    // Drained: finished, not finishing.
    assert_eq!(
        refused_reason(&one_version(Status::Finished, 0), ID, Command::Finish),
        Reason::Status
    );
    assert_eq!(
        refused_reason(&one_version(Status::Stopped, 5), ID, Command::Finish),
        Reason::Status
    );
}

// Stop

#[test]
fn stopping_a_live_journey_stops_everyone_in_it() {
    let mut catalog = one_version(Status::Live, 30);
    let before = catalog.get(ID).unwrap().clone();
    let version = applied_version(
        &mut catalog,
        ID,
        Command::Stop {
            reason: Some("  The offer code is wrong.  ".into()),
        },
    );
    assert_eq!(version.status, Status::Stopped);
    assert_eq!(version.stopped_at, Some(hours_later(10)));
    assert_eq!(
        version.stop_reason.as_deref(),
        Some("The offer code is wrong.")
    );
    assert_eq!(
        version.stats,
        Stats {
            entered: 100,
            active: 0,
            completed: 70,
            exited: 30
        }
    );
    assert_eq!(version.revision, before.revision + 1);
    let entry = catalog.history(ID).last().unwrap();
    assert_eq!(entry.action, Action::Stop);
    assert_eq!(
        (entry.from, entry.to),
        (Some(Status::Live), Some(Status::Stopped))
    );
    assert_eq!(entry.reason.as_deref(), Some("The offer code is wrong."));
}

#[test]
fn stopping_a_finishing_journey_is_the_emergency_brake() {
    let mut catalog = one_version(Status::Finished, 12);
    let version = applied_version(&mut catalog, ID, Command::Stop { reason: None });
    assert_eq!(version.status, Status::Stopped);
    assert_eq!(version.stats.active, 0);
    assert_eq!(version.stats.exited, 12);
    assert_eq!(
        version.finished_at,
        Some(hours_later(2)),
        "the finish is kept"
    );
    let entry = catalog.history(ID).last().unwrap();
    assert_eq!(
        (entry.from, entry.to),
        (Some(Status::Finished), Some(Status::Stopped))
    );
}

#[test]
fn a_blank_stop_reason_counts_as_none() {
    let mut catalog = one_version(Status::Live, 3);
    let version = applied_version(
        &mut catalog,
        ID,
        Command::Stop {
            reason: Some("   ".into()),
        },
    );
    assert_eq!(version.stop_reason, None);
}

#[test]
fn stopping_is_refused_on_drafts_drained_finished_and_stopped_journeys() {
    for (status, active) in [
        (Status::Draft, 0),
        (Status::Finished, 0),
        (Status::Stopped, 5),
    ] {
        assert_eq!(
            refused_reason(
                &one_version(status, active),
                ID,
                Command::Stop { reason: None }
            ),
            Reason::Status,
            "{status:?} with {active} customers"
        );
    }
}

// Resume and restart

#[test]
fn resuming_is_refused_unless_paused_and_restarting_always() {
    let cases = [
        (Status::Draft, 0),
        (Status::Live, 5),
        (Status::Finished, 5),
        (Status::Finished, 0),
        (Status::Stopped, 5),
    ];
    for (status, active) in cases {
        let catalog = one_version(status, active);
        // `refused_reason` checks the refusal names the action and the status.
        assert_eq!(
            refused_reason(&catalog, ID, Command::Resume),
            Reason::Status
        );
        assert_eq!(
            refused_reason(&catalog, ID, Command::Restart),
            Reason::Status
        );
    }
    let paused = one_version(Status::Paused, 5);
    assert_eq!(
        refused_reason(&paused, ID, Command::Restart),
        Reason::Status
    );
}

// Delete

#[test]
fn deleting_a_draft_removes_it_and_its_history() {
    let mut catalog = three_versions();
    assert!(!catalog.history("spring-sale-v3").is_empty());
    let applied = catalog
        .apply("spring-sale-v3", Command::Delete, BY, hours_later(10))
        .unwrap();
    assert_eq!(
        applied.outcome,
        Outcome::Deleted {
            id: "spring-sale-v3".into()
        }
    );
    assert_eq!(applied.version(), None);
    assert_eq!(catalog.get("spring-sale-v3"), None);
    assert!(catalog.history("spring-sale-v3").is_empty());
    assert_eq!(catalog.versions_of(JOURNEY).count(), 2);
    assert_eq!(
        catalog.check("spring-sale-v3", Action::Delete),
        Err(ActionError::NotFound {
            id: "spring-sale-v3".into()
        })
    );
}

#[test]
fn deleting_the_only_version_removes_the_journey() {
    let mut catalog = one_version(Status::Draft, 0);
    catalog
        .apply(ID, Command::Delete, BY, hours_later(1))
        .unwrap();
    assert!(catalog.is_empty());
    assert_eq!(catalog.journey_ids().count(), 0);
}

#[test]
fn deleting_is_refused_unless_draft() {
    for (status, active) in [
        (Status::Live, 5),
        (Status::Finished, 0),
        (Status::Finished, 5),
        (Status::Stopped, 5),
    ] {
        assert_eq!(
            refused_reason(&one_version(status, active), ID, Command::Delete),
            Reason::Status,
            "{status:?} with {active} customers"
        );
    }
}

// New version

#[test]
fn a_new_version_is_a_draft_of_the_same_journey_numbered_next() {
    for (status, active) in [
        (Status::Live, 5),
        (Status::Finished, 5),
        (Status::Finished, 0),
        (Status::Stopped, 5),
    ] {
        let mut catalog = one_version(status, active);
        let base = catalog.get(ID).unwrap().clone();
        let applied = catalog
            .apply(
                ID,
                Command::NewVersion { id: "v2".into() },
                BY,
                hours_later(10),
            )
            .unwrap();
        let Outcome::Created { version } = &applied.outcome else {
            panic!("expected a created version, got {:?}", applied.outcome);
        };
        assert!(applied.also_changed.is_empty());
        assert_eq!(
            version,
            &JourneyVersion::draft("v2", JOURNEY, NAME, 2, BY, hours_later(10))
        );
        assert_eq!(catalog.get("v2"), Some(version));
        assert_eq!(catalog.get(ID), Some(&base), "the base is not changed");
        assert_eq!(catalog.newest_version_of(JOURNEY).unwrap().id, "v2");
        let entry = &catalog.history("v2")[0];
        assert_eq!(entry.action, Action::NewVersion);
        assert_eq!((entry.from, entry.to), (None, Some(Status::Draft)));
        assert_eq!(entry.reason.as_deref(), Some("Created from version 1"));
    }
}

#[test]
fn a_new_version_is_refused_while_the_journey_has_a_draft() {
    let catalog = three_versions();
    let command = || Command::NewVersion { id: "v4".into() };
    assert_eq!(
        refused_reason(&catalog, "spring-sale-v2", command()),
        Reason::OtherDraft { version: 3 }
    );
    assert_eq!(
        refused_reason(&catalog, ID, command()),
        Reason::OtherDraft { version: 3 }
    );
    assert_eq!(
        refused_reason(&catalog, "spring-sale-v3", command()),
        Reason::IsDraft
    );
}

#[test]
fn a_new_version_is_refused_from_an_older_version() {
    let mut catalog = three_versions();
    catalog
        .apply("spring-sale-v3", Command::Publish, BY, hours_later(6))
        .unwrap();
    for older in [ID, "spring-sale-v2"] {
        assert_eq!(
            refused_reason(&catalog, older, Command::NewVersion { id: "v4".into() }),
            Reason::NotNewest { newest: 3 }
        );
    }
    catalog
        .apply(
            "spring-sale-v3",
            Command::NewVersion { id: "v4".into() },
            BY,
            hours_later(7),
        )
        .unwrap();
    assert_eq!(catalog.get("v4").unwrap().version, 4);
}

#[test]
fn a_new_version_is_refused_when_the_version_numbers_are_used_up() {
    let mut catalog = Catalog::new([JourneyVersion::draft(
        ID,
        JOURNEY,
        NAME,
        u32::MAX,
        BY,
        hours_later(0),
    )]);
    catalog
        .apply(ID, Command::Publish, BY, hours_later(1))
        .unwrap();
    assert_eq!(
        refused_reason(&catalog, ID, Command::NewVersion { id: "v2".into() }),
        Reason::HighestVersionNumber
    );
    assert!(catalog.check(ID, Action::Duplicate).is_ok());
}

#[test]
fn a_new_version_needs_an_unused_id() {
    let catalog = one_version(Status::Live, 5);
    let mut after = catalog.clone();
    let error = after
        .apply(
            ID,
            Command::NewVersion { id: ID.into() },
            BY,
            hours_later(3),
        )
        .unwrap_err();
    assert_eq!(error, ActionError::IdInUse { id: ID.into() });
    assert_eq!(after, catalog);
}

// Duplicate

#[test]
fn any_version_can_be_duplicated_into_a_new_journey() {
    for (status, active) in [
        (Status::Draft, 0),
        (Status::Live, 5),
        (Status::Finished, 5),
        (Status::Finished, 0),
        (Status::Stopped, 5),
    ] {
        let mut catalog = one_version(status, active);
        let source = catalog.get(ID).unwrap().clone();
        let applied = catalog
            .apply(
                ID,
                Command::Duplicate {
                    id: "copy-v1".into(),
                    journey_id: "copy".into(),
                },
                BY,
                hours_later(10),
            )
            .unwrap();
        let copy = applied.version().unwrap();
        assert_eq!(
            copy,
            &JourneyVersion::draft(
                "copy-v1",
                "copy",
                "Spring sale announcement (copy)",
                1,
                BY,
                hours_later(10)
            )
        );
        assert_eq!(catalog.get(ID), Some(&source), "the source is not changed");
        let entry = &catalog.history("copy-v1")[0];
        assert_eq!(entry.action, Action::Duplicate);
        assert_eq!((entry.from, entry.to), (None, Some(Status::Draft)));
        assert_eq!(
            entry.reason.as_deref(),
            Some("Duplicated from \"Spring sale announcement\", version 1")
        );
    }
}

#[test]
fn duplicate_names_are_unique_across_journeys() {
    let mut catalog = one_version(Status::Live, 5);
    let mut names = Vec::new();
    for n in 1..=4 {
        let source = if n == 4 { "c3-v1" } else { ID };
        let applied = catalog
            .apply(
                source,
                Command::Duplicate {
                    id: format!("c{n}-v1"),
                    journey_id: format!("c{n}"),
                },
                BY,
                hours_later(n),
            )
            .unwrap();
        names.push(applied.version().unwrap().name.clone());
    }
    assert_eq!(
        names,
        [
            "Spring sale announcement (copy)",
            "Spring sale announcement (copy 2)",
            "Spring sale announcement (copy 3)",
            // A copy of a copy is numbered from the original name.
            "Spring sale announcement (copy 4)",
        ]
    );
}

#[test]
fn a_freed_copy_name_is_used_again() {
    let mut catalog = one_version(Status::Live, 5);
    let duplicate = |n: i64| Command::Duplicate {
        id: format!("c{n}-v1"),
        journey_id: format!("c{n}"),
    };
    catalog.apply(ID, duplicate(1), BY, hours_later(1)).unwrap();
    catalog.apply(ID, duplicate(2), BY, hours_later(2)).unwrap();
    catalog
        .apply("c1-v1", Command::Delete, BY, hours_later(3))
        .unwrap();
    let applied = catalog.apply(ID, duplicate(3), BY, hours_later(4)).unwrap();
    assert_eq!(
        applied.version().unwrap().name,
        "Spring sale announcement (copy)"
    );
}

#[test]
fn a_duplicate_needs_an_unused_version_id_and_journey_id() {
    let catalog = three_versions();
    for (id, journey_id, taken) in [
        ("spring-sale-v2", "fresh", "spring-sale-v2"),
        ("fresh-v1", JOURNEY, JOURNEY),
    ] {
        let mut after = catalog.clone();
        let error = after
            .apply(
                ID,
                Command::Duplicate {
                    id: id.into(),
                    journey_id: journey_id.into(),
                },
                BY,
                hours_later(9),
            )
            .unwrap_err();
        assert_eq!(error, ActionError::IdInUse { id: taken.into() });
        assert_eq!(after, catalog);
    }
}

// Unknown versions

#[test]
fn actions_on_an_unknown_version_are_not_found() {
    let mut catalog = three_versions();
    let before = catalog.clone();
    let not_found = ActionError::NotFound { id: "nope".into() };
    for action in Action::ALL {
        assert_eq!(catalog.check("nope", action), Err(not_found.clone()));
    }
    assert_eq!(
        catalog.apply("nope", Command::Publish, BY, hours_later(9)),
        Err(not_found)
    );
    assert_eq!(catalog.availability("nope"), None);
    assert_eq!(catalog, before);
}

// Availability

fn allowed(catalog: &Catalog, id: &str) -> Vec<Action> {
    catalog
        .availability(id)
        .unwrap()
        .allowed_actions()
        .collect()
}

#[test]
fn availability_lists_what_each_status_allows() {
    use Action::*;
    assert_eq!(
        allowed(&one_version(Status::Draft, 0), ID),
        [Publish, Delete, Duplicate]
    );
    assert_eq!(
        allowed(&one_version(Status::Live, 5), ID),
        [Finish, Stop, Pause, ScheduleFinish, NewVersion, Duplicate]
    );
    assert_eq!(
        allowed(&one_version(Status::Paused, 5), ID),
        [Finish, Stop, Resume, ScheduleFinish, NewVersion, Duplicate]
    );
    assert_eq!(
        allowed(&one_version(Status::Finished, 5), ID),
        [Stop, NewVersion, Duplicate]
    );
    assert_eq!(
        allowed(&one_version(Status::Finished, 0), ID),
        [NewVersion, Duplicate]
    );
    assert_eq!(
        allowed(&one_version(Status::Stopped, 5), ID),
        [NewVersion, Duplicate]
    );
    let catalog = three_versions();
    assert_eq!(allowed(&catalog, ID), [Stop, Duplicate]);
    assert_eq!(
        allowed(&catalog, "spring-sale-v2"),
        [Finish, Stop, Pause, ScheduleFinish, Duplicate]
    );
    assert_eq!(
        allowed(&catalog, "spring-sale-v3"),
        [Publish, Delete, Duplicate]
    );
}

#[test]
fn availability_agrees_with_check_for_every_action() {
    let mut catalogs: Vec<Catalog> = [
        (Status::Draft, 0),
        (Status::Live, 5),
        (Status::Paused, 5),
        (Status::Finished, 5),
        (Status::Finished, 0),
        (Status::Stopped, 5),
    ]
    .into_iter()
    .map(|(status, active)| one_version(status, active))
    .collect();
    catalogs.push(three_versions());
    for catalog in &catalogs {
        for version in catalog.versions() {
            let availability = catalog.availability(&version.id).unwrap();
            assert_eq!(availability.iter().count(), Action::ALL.len());
            for action in Action::ALL {
                let entry = availability.get(action);
                assert_eq!(entry.action, action);
                let checked = catalog
                    .check(&version.id, action)
                    .map_err(|error| match error {
                        ActionError::Refused(refusal) => refusal,
                        other => panic!("unexpected {other:?}"),
                    });
                assert_eq!(entry.verdict, checked);
                assert_eq!(availability.allowed(action), checked.is_ok());
                assert_eq!(availability.refusal(action), checked.as_ref().err());
            }
        }
    }
}

// Words

#[test]
fn refusals_read_in_logs_as_the_action_the_status_and_the_rule() {
    let refusal = refusal(&one_version(Status::Finished, 12), ID, Action::Finish);
    assert_eq!(
        refusal,
        Refusal::new(
            Action::Finish,
            Status::Finished,
            Reason::AlreadyFinishing { active: 12 }
        )
    );
    let logged = "Finish refused on a Finished version (AlreadyFinishing { active: 12 })";
    assert_eq!(refusal.to_string(), logged);
    let error = ActionError::Refused(refusal.clone());
    assert_eq!(error.to_string(), logged);
    let source = std::error::Error::source(&error).unwrap();
    assert_eq!(source.to_string(), logged);
}

#[test]
fn phases_tell_finishing_apart_from_finished() {
    let phase = |status, active| one_version(status, active).get(ID).unwrap().phase();
    assert_eq!(phase(Status::Draft, 0), Phase::Draft);
    assert_eq!(phase(Status::Live, 7), Phase::Live);
    assert_eq!(phase(Status::Finished, 7), Phase::Finishing { active: 7 });
    assert_eq!(phase(Status::Finished, 0), Phase::Finished);
    assert_eq!(phase(Status::Stopped, 7), Phase::Stopped);
    assert!(one_version(Status::Finished, 7)
        .get(ID)
        .unwrap()
        .is_finishing());
    assert!(!one_version(Status::Finished, 0)
        .get(ID)
        .unwrap()
        .is_finishing());
    assert!(!one_version(Status::Live, 7).get(ID).unwrap().is_finishing());
    let labels: Vec<_> = [
        Phase::Draft,
        Phase::Live,
        Phase::Finishing { active: 1 },
        Phase::Finished,
        Phase::Stopped,
    ]
    .map(Phase::label)
    .into();
    assert_eq!(
        labels,
        ["Draft", "Live", "Finishing", "Finished", "Stopped"]
    );
    assert_eq!(Phase::Finishing { active: 1 }.status(), Status::Finished);
}

#[test]
fn actions_have_their_menu_labels() {
    let labels: Vec<_> = Action::ALL.map(Action::label).into();
    assert_eq!(
        labels,
        [
            "Publish",
            "Finish",
            "Stop",
            "Pause",
            "Resume",
            "Schedule finish",
            "Cancel scheduled finish",
            "Restart",
            "Delete",
            "Create new version",
            "Duplicate"
        ]
    );
    let commands = [
        Command::Publish,
        Command::Finish,
        Command::Stop { reason: None },
        Command::Pause {
            customers: PauseCustomers::Hold,
            until: start(),
            at_end: PauseEnd::Resume,
        },
        Command::Resume,
        Command::ScheduleFinish { at: start() },
        Command::CancelScheduledFinish,
        Command::Restart,
        Command::Delete,
        Command::NewVersion { id: "x".into() },
        Command::Duplicate {
            id: "x".into(),
            journey_id: "y".into(),
        },
    ];
    assert_eq!(commands.map(|c| c.action()), Action::ALL);
    assert_eq!(
        Status::ALL.map(Status::label),
        ["Draft", "Live", "Paused", "Finished", "Stopped"]
    );
}
