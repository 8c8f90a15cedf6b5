//! The JSON shape of the model, which is the HTTP contract.

mod fixtures;

use std::collections::BTreeSet;

use fixtures::{hours_later, three_versions, ID, JOURNEY};
use lifecycle::{
    demo, Action, Applied, Catalog, Command, HistoryCause, HistoryEntry, JourneyVersion,
    Simulation, SimulationSettings, Stats, Status,
};
use serde_json::{json, Value};

fn finishing_version() -> JourneyVersion {
    let mut catalog = three_versions();
    let mut version = catalog.get(ID).unwrap().clone();
    version.stats = Stats {
        entered: 120,
        active: 20,
        completed: 90,
        exited: 10,
    };
    catalog.upsert(version.clone());
    version
}

fn keys(value: &Value) -> BTreeSet<&str> {
    value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect()
}

#[test]
fn a_version_has_exactly_the_contract_keys() {
    let value = serde_json::to_value(finishing_version()).unwrap();
    assert_eq!(
        keys(&value),
        BTreeSet::from([
            "id",
            "journeyId",
            "name",
            "version",
            "status",
            "revision",
            "createdAt",
            "updatedAt",
            "publishedAt",
            "finishedAt",
            "stoppedAt",
            "updatedBy",
            "stopReason",
            "stats",
        ])
    );
    assert_eq!(
        keys(&value["stats"]),
        BTreeSet::from(["entered", "active", "completed", "exited"])
    );
}

#[test]
fn a_version_serializes_as_expected() {
    let version = finishing_version();
    assert_eq!(
        serde_json::to_value(&version).unwrap(),
        json!({
            "id": "spring-sale-v1",
            "journeyId": "spring-sale",
            "name": "Spring sale announcement",
            "version": 1,
            "status": "finished",
            "revision": 3,
            "createdAt": "2025-03-03T09:00:00Z",
            "updatedAt": "2025-03-03T13:00:00Z",
            "publishedAt": "2025-03-03T10:00:00Z",
            "finishedAt": "2025-03-03T13:00:00Z",
            "stoppedAt": null,
            "updatedBy": "Priya Nair",
            "stopReason": null,
            "stats": { "entered": 120, "active": 20, "completed": 90, "exited": 10 }
        })
    );
}

#[test]
fn a_version_round_trips() {
    let mut version = finishing_version();
    version.status = Status::Stopped;
    version.stopped_at = Some(hours_later(9));
    version.stop_reason = Some("Wrong audience".into());
    let text = serde_json::to_string(&version).unwrap();
    assert_eq!(
        serde_json::from_str::<JourneyVersion>(&text).unwrap(),
        version
    );
}

#[test]
fn statuses_are_lower_case() {
    let names: Vec<Value> = Status::ALL
        .iter()
        .map(|status| serde_json::to_value(status).unwrap())
        .collect();
    assert_eq!(
        names,
        [
            json!("draft"),
            json!("live"),
            json!("paused"),
            json!("finished"),
            json!("stopped")
        ]
    );
    for status in Status::ALL {
        let text = serde_json::to_string(&status).unwrap();
        assert_eq!(serde_json::from_str::<Status>(&text).unwrap(), status);
    }
    assert!(serde_json::from_str::<Status>("\"Live\"").is_err());
}

#[test]
fn an_unknown_status_is_an_error_naming_it() {
    let mut value = serde_json::to_value(finishing_version()).unwrap();
    value["status"] = json!("archived");
    let error = serde_json::from_value::<JourneyVersion>(value).unwrap_err();
    assert!(error.to_string().contains("archived"), "{error}");
}

#[test]
fn a_missing_required_field_is_an_error_naming_it() {
    let full = serde_json::to_value(finishing_version()).unwrap();
    for key in [
        "id",
        "journeyId",
        "name",
        "version",
        "status",
        "revision",
        "createdAt",
        "updatedAt",
        "updatedBy",
        "stats",
    ] {
        let mut value = full.clone();
        value.as_object_mut().unwrap().remove(key);
        let error = serde_json::from_value::<JourneyVersion>(value).unwrap_err();
        assert!(error.to_string().contains(key), "{key}: {error}");
    }
    let mut value = full;
    value["stats"].as_object_mut().unwrap().remove("active");
    let error = serde_json::from_value::<JourneyVersion>(value).unwrap_err();
    assert!(error.to_string().contains("active"), "{error}");
}

#[test]
fn null_optional_fields_are_accepted() {
    let mut value = serde_json::to_value(finishing_version()).unwrap();
    for key in ["publishedAt", "finishedAt", "stoppedAt", "stopReason"] {
        value[key] = Value::Null;
    }
    let version: JourneyVersion = serde_json::from_value(value).unwrap();
    assert_eq!(version.published_at, None);
    assert_eq!(version.finished_at, None);
    assert_eq!(version.stopped_at, None);
    assert_eq!(version.stop_reason, None);
}

#[test]
fn missing_optional_times_read_as_none() {
    let mut value = serde_json::to_value(finishing_version()).unwrap();
    for key in ["publishedAt", "finishedAt", "stoppedAt"] {
        value.as_object_mut().unwrap().remove(key);
    }
    let version: JourneyVersion = serde_json::from_value(value).unwrap();
    assert_eq!(version.published_at, None);
    assert_eq!(version.finished_at, None);
    assert_eq!(version.stopped_at, None);
}

#[test]
fn timestamps_must_be_rfc_3339() {
    let full = serde_json::to_value(finishing_version()).unwrap();
    for key in [
        "createdAt",
        "updatedAt",
        "publishedAt",
        "finishedAt",
        "stoppedAt",
    ] {
        // The second is what chrono's own reader would also have taken.
        for text in ["3 March 2025", "2025-03-03 10:00:00 UTC"] {
            let mut value = full.clone();
            value[key] = json!(text);
            let error = serde_json::from_value::<JourneyVersion>(value).unwrap_err();
            assert!(error.to_string().contains("input"), "{key} {text}: {error}");
        }
    }
}

#[test]
fn unknown_extra_fields_are_ignored() {
    let version = finishing_version();
    let mut value = serde_json::to_value(&version).unwrap();
    value["owner"] = json!("someone");
    assert_eq!(
        serde_json::from_value::<JourneyVersion>(value).unwrap(),
        version
    );
}

#[test]
fn actions_are_camel_case() {
    let names: Vec<Value> = Action::ALL
        .iter()
        .map(|action| serde_json::to_value(action).unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "publish",
            "finish",
            "stop",
            "pause",
            "resume",
            "scheduleFinish",
            "cancelScheduledFinish",
            "restart",
            "delete",
            "newVersion",
            "duplicate"
        ]
        .map(|name| json!(name))
    );
}

#[test]
fn history_entries_have_exactly_the_contract_keys() {
    let entry = HistoryEntry {
        at: hours_later(2),
        by: "Jonas Becker".into(),
        action: Action::Stop,
        from: Some(Status::Live),
        to: Some(Status::Stopped),
        reason: Some("Wrong audience".into()),
        cause: None,
    };
    let value = serde_json::to_value(&entry).unwrap();
    assert_eq!(
        value,
        json!({
            "at": "2025-03-03T11:00:00Z",
            "by": "Jonas Becker",
            "action": "stop",
            "from": "live",
            "to": "stopped",
            "reason": "Wrong audience"
        })
    );
    assert_eq!(
        serde_json::from_value::<HistoryEntry>(value).unwrap(),
        entry
    );
    let created = json!({
        "at": "2025-03-03T11:00:00Z",
        "by": "Jonas Becker",
        "action": "newVersion",
        "from": null,
        "to": "draft",
        "reason": null
    });
    let entry: HistoryEntry = serde_json::from_value(created).unwrap();
    assert_eq!((entry.from, entry.reason, entry.cause), (None, None, None));
}

#[test]
fn an_entry_the_rules_made_carries_its_cause_beside_the_english_reason() {
    let entry = HistoryEntry {
        at: hours_later(2),
        by: "Jonas Becker".into(),
        action: Action::Duplicate,
        from: None,
        to: Some(Status::Draft),
        reason: Some("Duplicated from \"Welcome\", version 2".into()),
        cause: Some(HistoryCause::DuplicatedFrom {
            name: "Welcome".into(),
            version: 2,
        }),
    };
    let value = serde_json::to_value(&entry).unwrap();
    assert_eq!(
        value["cause"],
        json!({ "kind": "duplicatedFrom", "name": "Welcome", "version": 2 })
    );
    assert_eq!(
        serde_json::from_value::<HistoryEntry>(value).unwrap(),
        entry
    );
    assert_eq!(
        HistoryCause::ReplacedBy { version: 3 }.reason(),
        "Replaced by version 3"
    );
}

#[test]
fn commands_name_their_action() {
    let cases = [
        (Command::Publish, json!({ "action": "publish" })),
        (
            Command::Stop {
                reason: Some("Broken link".into()),
            },
            json!({ "action": "stop", "reason": "Broken link" }),
        ),
        (
            Command::NewVersion { id: "v2".into() },
            json!({ "action": "newVersion", "id": "v2" }),
        ),
        (
            Command::Duplicate {
                id: "c-v1".into(),
                journey_id: "c".into(),
            },
            json!({ "action": "duplicate", "id": "c-v1", "journeyId": "c" }),
        ),
    ];
    for (command, value) in cases {
        assert_eq!(serde_json::to_value(&command).unwrap(), value);
        assert_eq!(serde_json::from_value::<Command>(value).unwrap(), command);
    }
    assert_eq!(
        serde_json::from_value::<Command>(json!({ "action": "stop" })).unwrap(),
        Command::Stop { reason: None }
    );
    assert!(serde_json::from_value::<Command>(json!({ "action": "pause" })).is_err());
}

#[test]
fn an_applied_action_serializes_its_outcome() {
    let mut catalog = three_versions();
    let applied = catalog
        .apply(
            "spring-sale-v3",
            Command::Publish,
            "Marco Rossi",
            hours_later(8),
        )
        .unwrap();
    let value = serde_json::to_value(&applied).unwrap();
    assert_eq!(value["action"], json!("publish"));
    assert_eq!(value["outcome"]["kind"], json!("updated"));
    assert_eq!(value["outcome"]["version"]["status"], json!("live"));
    assert_eq!(value["alsoChanged"], json!(["spring-sale-v2"]));
    assert_eq!(serde_json::from_value::<Applied>(value).unwrap(), applied);
}

#[test]
fn a_catalog_round_trips_with_its_history() {
    let catalog = demo::catalog(hours_later(5000), 7);
    let value = serde_json::to_value(&catalog).unwrap();
    assert_eq!(keys(&value), BTreeSet::from(["versions", "history"]));
    assert_eq!(value["versions"].as_array().unwrap().len(), catalog.len());
    let back: Catalog = serde_json::from_value(value).unwrap();
    assert_eq!(back, catalog);
    // The per-journey lookup is rebuilt, not stored.
    assert_eq!(
        back.versions_of("welcome-series")
            .map(|v| v.version)
            .collect::<Vec<_>>(),
        [1, 2, 3]
    );
}

#[test]
fn a_catalog_without_history_is_accepted() {
    let catalog = three_versions();
    let versions = serde_json::to_value(catalog.versions().collect::<Vec<_>>()).unwrap();
    let back: Catalog = serde_json::from_value(json!({ "versions": versions })).unwrap();
    assert_eq!(back.len(), 3);
    assert_eq!(back.versions_of(JOURNEY).count(), 3);
    assert!(back.history(ID).is_empty());
}

#[test]
fn a_saved_simulation_carries_on_where_it_left_off() {
    let now = hours_later(5000);
    let mut catalog = demo::catalog(now, 1);
    let mut simulation = Simulation::new(u64::MAX - 3, SimulationSettings::default());
    simulation.advance(&mut catalog, chrono::Duration::seconds(1), now);
    let value = serde_json::to_value(&simulation).unwrap();
    assert!(value["rngState"].is_string(), "{value}");
    assert_eq!(
        value["settings"]["finishingTimeoutSeconds"],
        json!(30 * 24 * 3600)
    );
    let mut restored: Simulation = serde_json::from_value(value).unwrap();
    assert_eq!(restored, simulation);

    let mut other = catalog.clone();
    let later = now + chrono::Duration::minutes(5);
    simulation.advance(&mut catalog, chrono::Duration::minutes(5), later);
    restored.advance(&mut other, chrono::Duration::minutes(5), later);
    assert_eq!(other, catalog);
}

#[test]
fn a_pause_and_its_history_cause_are_camel_case() {
    use chrono::{TimeZone, Utc};
    use lifecycle::{HistoryCause, PauseCustomers, PauseEnd};
    let until = Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap();
    let cause = HistoryCause::Paused {
        until,
        customers: PauseCustomers::Hold,
        at_end: PauseEnd::Stop,
    };
    assert_eq!(
        serde_json::to_value(&cause).unwrap(),
        json!({"kind": "paused", "until": "2026-12-03T09:00:00Z", "customers": "hold", "atEnd": "stop"})
    );
    let command = Command::Pause {
        customers: PauseCustomers::Discard,
        until,
        at_end: PauseEnd::Resume,
    };
    assert_eq!(
        serde_json::to_value(&command).unwrap(),
        json!({"action": "pause", "customers": "discard", "until": "2026-12-03T09:00:00Z", "atEnd": "resume"})
    );
}

#[test]
fn every_history_cause_is_read_back_as_written() {
    use chrono::{TimeZone, Utc};
    use lifecycle::{HistoryCause, PauseCustomers, PauseEnd};
    let at = Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap();
    let causes = [
        HistoryCause::ReplacedBy { version: 3 },
        HistoryCause::CreatedFrom { version: 2 },
        HistoryCause::DuplicatedFrom {
            name: "Welcome".into(),
            version: 4,
        },
        HistoryCause::Paused {
            until: at,
            customers: PauseCustomers::Discard,
            at_end: PauseEnd::Resume,
        },
        HistoryCause::PauseEnded {
            by: "Ana Ruiz".into(),
        },
        HistoryCause::FinishScheduled { at },
        HistoryCause::ScheduledBy {
            by: "Jonas Becker".into(),
        },
    ];
    for cause in causes {
        let text = serde_json::to_string(&cause).unwrap();
        assert_eq!(
            serde_json::from_str::<HistoryCause>(&text).unwrap(),
            cause,
            "{text}"
        );
    }
    // Any order of the fields, and fields a later server adds, are read.
    let cause: HistoryCause =
        serde_json::from_value(json!({ "version": 5, "note": "new", "kind": "replacedBy" }))
            .unwrap();
    assert_eq!(cause, HistoryCause::ReplacedBy { version: 5 });
    let cause: HistoryCause = serde_json::from_value(json!({
        "kind": "finishScheduled", "at": "2026-12-03T10:00:00+01:00"
    }))
    .unwrap();
    assert_eq!(cause, HistoryCause::FinishScheduled { at });
}

#[test]
fn an_entry_whose_cause_is_of_a_kind_not_known_yet_is_read_without_it() {
    // The contract: clients ignore a `kind` they do not know. The entry (who
    // did what, when, and the English reason) is shown as an older server's.
    for cause in [
        json!({ "kind": "archivedBy", "by": "Ana Ruiz" }),
        json!({ "kind": "movedOn", "version": "three", "until": 5 }),
        json!({ "kind": "mergedInto" }),
    ] {
        let value = json!({
            "at": "2025-03-03T11:00:00Z",
            "by": "Jonas Becker",
            "action": "finish",
            "from": "live",
            "to": "finished",
            "reason": "Archived by Ana Ruiz",
            "cause": cause,
        });
        let entry: HistoryEntry =
            serde_json::from_value(value).unwrap_or_else(|e| panic!("{cause}: {e}"));
        assert_eq!(
            entry,
            HistoryEntry {
                at: hours_later(2),
                by: "Jonas Becker".into(),
                action: Action::Finish,
                from: Some(Status::Live),
                to: Some(Status::Finished),
                reason: Some("Archived by Ana Ruiz".into()),
                cause: None,
            },
            "{cause}"
        );
    }
    // A kind it knows is still read, and still refused without its fields.
    let entry = |cause: Value| {
        serde_json::from_value::<HistoryEntry>(json!({
            "at": "2025-03-03T11:00:00Z", "by": "Bot", "action": "finish",
            "from": "live", "to": "finished", "reason": null, "cause": cause,
        }))
    };
    assert_eq!(
        entry(json!({ "kind": "replacedBy", "version": 4 }))
            .unwrap()
            .cause,
        Some(HistoryCause::ReplacedBy { version: 4 })
    );
    assert_eq!(entry(Value::Null).unwrap().cause, None);
    let error = entry(json!({ "kind": "replacedBy" })).unwrap_err();
    assert!(
        error.to_string().contains("missing field `version`"),
        "{error}"
    );
    let error = entry(json!({ "version": 4 })).unwrap_err();
    assert!(
        error.to_string().contains("missing field `kind`"),
        "{error}"
    );
}

#[test]
fn a_history_cause_without_what_its_kind_needs_is_refused_by_name() {
    use lifecycle::HistoryCause;
    let error =
        serde_json::from_value::<HistoryCause>(json!({ "kind": "duplicatedFrom", "version": 2 }))
            .unwrap_err();
    assert!(
        error.to_string().contains("missing field `name`"),
        "{error}"
    );
    let error = serde_json::from_value::<HistoryCause>(
        json!({ "kind": "paused", "until": "2026-12-03T09:00:00Z", "customers": "hold" }),
    )
    .unwrap_err();
    assert!(
        error.to_string().contains("missing field `atEnd`"),
        "{error}"
    );
    let error = serde_json::from_value::<HistoryCause>(json!({ "kind": "movedOn" })).unwrap_err();
    assert!(
        error.to_string().contains("unknown variant `movedOn`"),
        "{error}"
    );
    let error = serde_json::from_value::<HistoryCause>(json!({ "version": 2 })).unwrap_err();
    assert!(
        error.to_string().contains("missing field `kind`"),
        "{error}"
    );
    let error = serde_json::from_value::<HistoryCause>(
        json!({ "kind": "finishScheduled", "at": "next Tuesday" }),
    )
    .unwrap_err();
    assert!(!error.to_string().is_empty());
}

#[test]
fn a_history_cause_ignores_what_its_kind_does_not_use_whatever_its_type() {
    use lifecycle::HistoryCause;
    // A later server may add, to one kind, a field another kind uses, with a
    // type of its own: the kind's own fields are what is read.
    for (value, read) in [
        (
            json!({"kind": "pauseEnded", "by": "Ana Ruiz", "customers": 12}),
            HistoryCause::PauseEnded {
                by: "Ana Ruiz".into(),
            },
        ),
        (
            json!({"kind": "replacedBy", "version": 3, "by": {"name": "Ana Ruiz"}}),
            HistoryCause::ReplacedBy { version: 3 },
        ),
        (
            json!({"kind": "createdFrom", "version": 2, "name": 7}),
            HistoryCause::CreatedFrom { version: 2 },
        ),
        (
            json!({"kind": "scheduledBy", "by": "Ana Ruiz", "at": 1767000000, "until": [1, {"a": null}]}),
            HistoryCause::ScheduledBy {
                by: "Ana Ruiz".into(),
            },
        ),
    ] {
        assert_eq!(
            serde_json::from_value::<HistoryCause>(value.clone()).unwrap(),
            read,
            "{value}"
        );
    }
}

#[test]
fn a_field_the_kind_uses_with_another_type_is_refused_by_name() {
    use lifecycle::HistoryCause;
    for (value, said) in [
        (
            json!({"kind": "replacedBy", "version": "3"}),
            "invalid type for `version`: a string, expected a whole number",
        ),
        (
            json!({"kind": "replacedBy", "version": -3}),
            "invalid type for `version`: a negative number, expected a whole number",
        ),
        (
            json!({"kind": "replacedBy", "version": 5_000_000_000u64}),
            "invalid value for `version`: 5000000000 is too large",
        ),
        // null reads as absent.
        (
            json!({"kind": "pauseEnded", "by": null}),
            "missing field `by`",
        ),
        (
            json!({"kind": "paused", "until": "2026-12-03T09:00:00Z", "customers": "keep", "atEnd": "stop"}),
            "invalid value for `customers`: unknown variant `keep`, expected `hold` or `discard`",
        ),
    ] {
        let error = serde_json::from_value::<HistoryCause>(value.clone()).unwrap_err();
        assert!(error.to_string().contains(said), "{value}: {error}");
    }
}

#[test]
fn a_command_names_the_version_it_creates() {
    let duplicate = Command::Duplicate {
        id: "copy-v1".into(),
        journey_id: "copy".into(),
    };
    assert_eq!(duplicate.created_version(), Some("copy-v1"));
    let new_version = Command::NewVersion { id: "w-v3".into() };
    assert_eq!(new_version.created_version(), Some("w-v3"));
    for changes in [
        Command::Publish,
        Command::Finish,
        Command::Delete,
        Command::Resume,
    ] {
        assert_eq!(changes.created_version(), None, "{changes:?}");
    }
}
