//! The catalog against the code that speaks through it: every file parses,
//! English and German have the same messages, every refusal the rules can
//! give has its own words, and every message id the code names exists.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use chrono::{TimeZone, Utc};
use lifecycle::{
    Action, ActionError, Catalog, Command, JourneyVersion, PauseCustomers, PauseEnd, Reason,
    Refusal, Stats, Status,
};

use crate::{action_error_phrase, refusal_phrase, Locale, Phrase, Wording};

// Refusals

fn at(hours: i64) -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, 3, 9, 0, 0).unwrap() + chrono::Duration::hours(hours)
}

fn version(id: &str, journey: &str, number: u32, status: Status, active: u64) -> JourneyVersion {
    let mut version =
        JourneyVersion::draft(id, journey, "Spring sale", number, "Priya Nair", at(0));
    version.status = status;
    if status != Status::Draft {
        version.stats = Stats {
            entered: active + 10,
            active,
            completed: 10,
            exited: 0,
        };
    }
    version
}

/// Journeys that together reach every refusal the rules give: one version in
/// each status, with and without customers in it; a journey of three versions
/// (finished, live, draft) and one of two ended ones; and one whose version
/// numbers are used up.
fn every_situation() -> Catalog {
    let mut versions = Vec::new();
    for status in Status::ALL {
        for active in [0, 7] {
            let journey = format!("{status:?}-{active}");
            versions.push(version(
                &format!("{journey}-v1"),
                &journey,
                1,
                status,
                active,
            ));
        }
    }
    versions.push(version("three-v1", "three", 1, Status::Finished, 3));
    versions.push(version("three-v2", "three", 2, Status::Live, 40));
    versions.push(version("three-v3", "three", 3, Status::Draft, 0));
    versions.push(version("ended-v1", "ended", 1, Status::Stopped, 0));
    versions.push(version("ended-v2", "ended", 2, Status::Finished, 0));
    versions.push(version("last-v1", "last", u32::MAX, Status::Live, 5));
    Catalog::new(versions)
}

fn every_refusal() -> Vec<Refusal> {
    let catalog = every_situation();
    let mut refusals: Vec<Refusal> = catalog
        .versions()
        .flat_map(|version| {
            let menu = catalog.availability(&version.id).unwrap();
            menu.iter()
                .filter_map(|entry| entry.refusal().cloned())
                .collect::<Vec<_>>()
        })
        .collect();
    // What a pause or a scheduled finish asks for, beyond the action.
    for until in [at(0), at(15 * 24 + 1)] {
        let pause = Command::Pause {
            customers: PauseCustomers::Hold,
            until,
            at_end: PauseEnd::Resume,
        };
        match catalog.check_command("Live-7-v1", &pause, at(0)) {
            Err(ActionError::Refused(refusal)) => refusals.push(refusal),
            other => panic!("{other:?}"),
        }
    }
    // The console's store refuses a second change while one is on its way.
    for earlier in Action::ALL {
        refusals.push(Refusal::new(
            Action::Stop,
            Status::Live,
            Reason::AwaitingAnswer { earlier },
        ));
    }
    for action in Action::ALL.into_iter().filter(|a| a.needs_every_version()) {
        refusals.push(Refusal::new(action, Status::Draft, Reason::ListLoading));
    }
    refusals.sort_by_key(|r| format!("{r:?}"));
    refusals.dedup();
    refusals
}

#[test]
fn every_refusal_the_rules_give_has_its_own_words_in_english_and_german() {
    let refusals = every_refusal();
    let english = Wording::new(Locale::English);
    let german = Wording::new(Locale::German);
    // (action, status) → message, for the refusals by status alone.
    let mut by_status: BTreeMap<&'static str, (Action, Status)> = BTreeMap::new();
    let mut rules = HashSet::new();
    for refusal in &refusals {
        let phrase = refusal_phrase(refusal);
        assert_ne!(
            phrase.id, "refusal-not-allowed",
            "{refusal:?} has no words of its own"
        );
        assert!(
            english.has(phrase.id),
            "{refusal:?}: English lacks {}",
            phrase.id
        );
        assert!(
            german.has(phrase.id),
            "{refusal:?}: German lacks {}",
            phrase.id
        );
        let (en, de) = (english.say(&phrase), german.say(&phrase));
        for said in [&en, &de] {
            assert!(
                !said.contains('{') && !said.starts_with("refusal-"),
                "{refusal:?}: {said}"
            );
        }
        assert_ne!(en, de, "{refusal:?} is not translated");
        if refusal.reason == Reason::Status {
            let pair = (refusal.action, refusal.status);
            if let Some(other) = by_status.insert(phrase.id, pair) {
                assert_eq!(other, pair, "{} words two refusals", phrase.id);
            }
        }
        rules.insert(std::mem::discriminant(&refusal.reason));
    }
    // Every rule was reached, and every refusal by status alone: all 5
    // statuses for restart; 4 for publish, pause, resume and delete; 3 for
    // finish, stop, scheduling a finish and cancelling one.
    assert_eq!(rules.len(), 11, "rules reached: {refusals:#?}");
    assert_eq!(by_status.len(), 5 + 4 * 4 + 4 * 3, "{by_status:#?}");
}

/// How a refusal recommends an action outright, in lower case: English, then
/// German. A sentence that makes its advice conditional ("… if it has none",
/// "… falls es keinen gibt") is not held to the rules of every situation.
const RECOMMENDATIONS: [(Action, &[&str], &[&str]); 6] = [
    (
        Action::NewVersion,
        &["create a new version"],
        &["erstellen sie eine neue version"],
    ),
    (
        Action::Stop,
        &["stop it"],
        &["stoppen sie sie", "stoppen sie die journey"],
    ),
    (
        Action::Resume,
        &["resume it", "resume,"],
        &["setzen sie sie fort"],
    ),
    (
        Action::Finish,
        &["finish it", "finish or"],
        &["beenden sie sie", "beenden oder"],
    ),
    (
        Action::Publish,
        &["publish it"],
        &["veröffentlichen sie sie"],
    ),
    (Action::Delete, &["delete it"], &["löschen sie sie"]),
];

/// The sentences of `said` that give advice unconditionally.
fn unconditional_sentences(said: &str) -> Vec<String> {
    said.split('.')
        .map(str::to_lowercase)
        .filter(|sentence| {
            ![" if ", " falls ", " wenn ", "sind noch"]
                .iter()
                .any(|condition| sentence.contains(condition))
        })
        .collect()
}

#[test]
fn no_refusal_recommends_an_action_the_same_menu_refuses() {
    let catalog = every_situation();
    let english = Wording::new(Locale::English);
    let german = Wording::new(Locale::German);
    for version in catalog.versions() {
        let menu = catalog.availability(&version.id).unwrap();
        for refusal in menu.iter().filter_map(|entry| entry.refusal()) {
            let phrase = refusal_phrase(refusal);
            for (action, in_english, in_german) in RECOMMENDATIONS {
                if menu.allowed(action) {
                    continue;
                }
                for (wording, recommendations) in [(&english, in_english), (&german, in_german)] {
                    let said = wording.say(&phrase);
                    for sentence in unconditional_sentences(&said) {
                        for recommendation in recommendations {
                            assert!(
                                !sentence.contains(recommendation),
                                "{}: {} recommends {action:?}, which the same menu refuses: {said}",
                                version.id,
                                phrase.id
                            );
                        }
                    }
                }
            }
        }
    }
}

/// A running journey's refusal to delete goes on to say how to end it, which
/// must not read as the way to deleting it afterwards.
#[test]
fn refusing_to_delete_a_running_journey_says_that_only_a_draft_can_be_deleted() {
    let english = Wording::new(Locale::English);
    let german = Wording::new(Locale::German);
    for status in [Status::Live, Status::Paused] {
        let phrase = refusal_phrase(&Refusal::new(Action::Delete, status, Reason::Status));
        let (en, de) = (english.say(&phrase), german.say(&phrase));
        assert!(en.contains("only a draft can"), "{en}");
        assert!(de.contains("nur ein Entwurf"), "{de}");
    }
}

#[test]
fn the_already_finishing_count_is_written_as_each_language_writes_numbers() {
    let refusal = |active| {
        Refusal::new(
            Action::Finish,
            Status::Finished,
            Reason::AlreadyFinishing { active },
        )
    };
    let english = Wording::new(Locale::English);
    let german = Wording::new(Locale::German);
    let said = english.say(&refusal_phrase(&refusal(1025)));
    assert_eq!(
        said,
        "This journey is already finishing: no new customers can enter, and 1,025 customers \
         still in it are completing their path. To end their path now, stop it."
    );
    assert!(said.contains("1,025 customers still in it are"), "{said}");
    let said = german.say(&refusal_phrase(&refusal(1025)));
    assert!(said.contains("1.025 Kunden darin durchlaufen"), "{said}");
    let said = english.say(&refusal_phrase(&refusal(1)));
    assert!(
        said.contains("and 1 customer still in it is completing"),
        "{said}"
    );
    let said = german.say(&refusal_phrase(&refusal(1)));
    assert!(said.contains("1 Kunde darin durchläuft"), "{said}");
}

#[test]
fn the_catalogs_other_errors_are_worded() {
    use lifecycle::ActionError;
    let english = Wording::new(Locale::English);
    let german = Wording::new(Locale::German);
    let gone = action_error_phrase(&ActionError::NotFound {
        id: "welcome-v1".into(),
    });
    assert_eq!(
        english.say(&gone),
        "This journey version no longer exists (id welcome-v1)."
    );
    assert_eq!(
        german.say(&gone),
        "Diese Journey-Version gibt es nicht mehr (ID welcome-v1)."
    );
    let taken = action_error_phrase(&ActionError::IdInUse { id: "x".into() });
    assert_eq!(english.say(&taken), "The id x is already in use.");
    let refusal = Refusal::new(Action::Delete, Status::Live, Reason::Status);
    assert_eq!(
        action_error_phrase(&ActionError::Refused(refusal.clone())),
        refusal_phrase(&refusal)
    );
}

// Message ids named in code

/// The Rust files under `dir`, but for this one (which names ids that must
/// not exist).
fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "rs")
            && !path.ends_with("catalog_tests.rs")
        {
            found.push(path);
        }
    }
}

/// The string literals given to `Phrase::new(` and to the views' `text(` and `label(`,
/// and the detail view's `label="…"`.
fn phrase_ids(text: &str) -> Vec<&str> {
    ["Phrase::new(", "text(", "label(", "label="]
        .iter()
        .flat_map(|call| text.match_indices(call))
        .filter_map(|(at, call)| {
            let rest = text[at + call.len()..].trim_start().strip_prefix('"')?;
            let id = &rest[..rest.find('"')?];
            let id_like = !id.is_empty()
                && id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            id_like.then_some(id)
        })
        .collect()
}

/// String literals that look like the ids of refusals.ftl and sync.ftl,
/// wherever they are (the wording crate picks some ids by a `match`).
fn catalog_like_literals(text: &str) -> Vec<&str> {
    text.split('"')
        .skip(1)
        .step_by(2)
        .filter(|literal| {
            [
                "refusal-", "action-", "status-", "sync-", "column-", "filter-",
            ]
            .iter()
            .any(|prefix| literal.starts_with(prefix))
                && literal.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
        })
        .collect()
}

#[test]
fn every_message_id_the_code_names_exists_in_english_and_german() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap();
    // The console (src/) and every crate of the workspace.
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    rust_files(&root.join("crates"), &mut files);
    let mut named: BTreeSet<(String, PathBuf)> = BTreeSet::new();
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let mut ids = phrase_ids(&text);
        if path.starts_with(root.join("crates/wording")) {
            ids.extend(catalog_like_literals(&text));
        }
        for id in ids {
            named.insert((id.to_owned(), path.strip_prefix(&root).unwrap().to_owned()));
        }
    }
    let ids_in = |dir: &str| {
        named
            .iter()
            .filter(|(_, path)| path.starts_with(dir))
            .count()
    };
    // The scan finds what it should.
    assert!(ids_in("crates/journey_sync/src") >= 40, "{named:#?}");
    assert!(ids_in("src/sync") >= 15, "{named:#?}");
    assert!(ids_in("crates/wording/src") >= 40, "{named:#?}");
    assert!(ids_in("src/pages") >= 40, "{named:#?}");
    assert!(ids_in("src/components") >= 25, "{named:#?}");
    let english = Wording::new(Locale::English);
    let german = Wording::new(Locale::German);
    for (id, path) in &named {
        assert!(
            english.has(id),
            "{}: {id} is not in the English catalog",
            path.display()
        );
        assert!(
            german.has(id),
            "{}: {id} is not in the German catalog",
            path.display()
        );
    }
}

#[test]
fn a_message_the_catalog_lacks_reads_as_its_id() {
    let english = Wording::new(Locale::English);
    assert!(!english.has("sync-no-such-message"));
    assert_eq!(
        english.say(&Phrase::new("sync-no-such-message")),
        "sync-no-such-message"
    );
}

#[test]
fn who_changed_a_journey_says_its_phase_and_names_only_a_change_the_phase_shows() {
    let said = |locale: Locale, phase: &str| {
        Wording::new(locale).say(
            &Phrase::new("sync-who-changed")
                .with("by", "Olga Operator")
                .with("phase", phase)
                .with("when", "2 minutes ago"),
        )
    };
    let english = |phase| said(Locale::English, phase);
    // A paused journey has not ended; a live one may have been published,
    // resumed or rescheduled.
    assert_eq!(
        english("paused"),
        "Olga Operator changed this journey 2 minutes ago; it is paused now."
    );
    assert_eq!(
        english("live"),
        "Olga Operator changed this journey 2 minutes ago; it is live now."
    );
    assert_eq!(
        english("finishing"),
        "Olga Operator finished this journey 2 minutes ago; it is finishing now."
    );
    assert_eq!(
        english("stopped"),
        "Olga Operator stopped this journey 2 minutes ago; it is stopped now."
    );
    assert_eq!(
        said(Locale::German, "paused"),
        "Olga Operator hat diese Journey 2 minutes ago geändert; sie ist jetzt pausiert."
    );
}
