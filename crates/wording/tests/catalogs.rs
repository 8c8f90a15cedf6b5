//! The catalogs agree with each other and with the code that uses them.

use std::collections::BTreeSet;

use fluent_syntax::ast::Entry;
use fluent_syntax::parser;
use journey_list::{SortKey, StatusFilter};
use lifecycle::{Action, HistoryCause, Phase, Status};
use wording::{catalog_source, Locale, Phrase, Wording, CATALOG_FILES};

/// Message ids (with their attributes) of one catalog file.
fn ids(locale: Locale, file: &str) -> BTreeSet<String> {
    let resource = parser::parse(catalog_source(locale, file)).unwrap_or_else(|(_, errors)| {
        panic!("{file} ({}) does not parse: {errors:?}", locale.tag())
    });
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            Entry::Message(m) => Some(
                std::iter::once(m.id.name.to_owned())
                    .chain(
                        m.attributes
                            .iter()
                            .map(|a| format!("{}.{}", m.id.name, a.id.name)),
                    )
                    .collect::<Vec<_>>(),
            ),
            Entry::Term(t) => Some(vec![format!("-{}", t.id.name)]),
            _ => None,
        })
        .flatten()
        .collect()
}

#[test]
fn every_language_has_every_message_english_has_and_no_other() {
    for file in CATALOG_FILES {
        let english = ids(Locale::English, file);
        assert!(!english.is_empty(), "{file} has no English messages");
        for locale in Locale::ALL {
            let theirs = ids(locale, file);
            let missing: Vec<_> = english.difference(&theirs).collect();
            let extra: Vec<_> = theirs.difference(&english).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{file} ({}): missing {missing:?}, not in English {extra:?}",
                locale.tag()
            );
        }
    }
}

#[test]
fn no_message_is_defined_twice() {
    for locale in Locale::ALL {
        let mut seen = BTreeSet::new();
        for file in CATALOG_FILES {
            for id in ids(locale, file) {
                assert!(
                    seen.insert(id.clone()),
                    "{id} is defined twice ({})",
                    locale.tag()
                );
            }
        }
    }
}

#[test]
fn actions_statuses_columns_and_filters_have_words_in_every_language() {
    let mut phrases: Vec<Phrase> = Action::ALL.into_iter().map(wording::action_label).collect();
    phrases.extend(
        [
            Phase::Draft,
            Phase::Live,
            Phase::Finishing { active: 3 },
            Phase::Finished,
            Phase::Stopped,
        ]
        .into_iter()
        .map(wording::status_label),
    );
    phrases.extend(
        [
            Status::Draft,
            Status::Live,
            Status::Finished,
            Status::Stopped,
        ]
        .into_iter()
        .map(wording::status_name),
    );
    phrases.extend(SortKey::ALL.into_iter().map(wording::sort_label));
    phrases.extend(StatusFilter::ALL.into_iter().map(wording::filter_label));
    for locale in Locale::ALL {
        let wording = Wording::new(locale);
        for phrase in &phrases {
            assert!(
                wording.has(phrase.id),
                "{} has no {}",
                locale.tag(),
                phrase.id
            );
        }
    }
}

#[test]
fn counts_are_written_as_the_language_writes_numbers_and_choose_the_plural() {
    let left = |locale, active: u64| {
        Wording::new(locale).say(&Phrase::new("finishing-left").with("active", active))
    };
    assert_eq!(left(Locale::English, 1025), "Finishing · 1,025 left");
    assert_eq!(left(Locale::German, 1025), "Wird beendet · 1.025 übrig");
    let entry = |locale, active: u64| {
        Wording::new(locale).say(&Phrase::new("finish-consequence-entry").with("active", active))
    };
    assert!(entry(Locale::English, 1).contains("The 1 customer already in it continues"));
    assert!(entry(Locale::English, 2500).contains("The 2,500 customers already in it continue"));
    assert!(entry(Locale::German, 1).contains("Der 1 Kunde"));
    assert!(entry(Locale::German, 2500).contains("Die 2.500 Kunden"));
}

#[test]
fn a_phrase_inside_a_phrase_is_said_in_the_same_language() {
    let name = Phrase::new("version-named")
        .with("name", "Welcome")
        .with("version", 2u32);
    let done = Phrase::new("done-stopped").with("version", name);
    assert_eq!(
        Wording::new(Locale::English).say(&done),
        "\u{201c}Welcome\u{201d} version 2 is stopped: everyone in it was stopped."
    );
    assert_eq!(
        Wording::new(Locale::German).say(&done),
        "\u{201e}Welcome\u{201c} Version 2 ist gestoppt: Alle darin wurden gestoppt."
    );
}

#[test]
fn the_rules_history_entries_read_in_english_as_their_recorded_reason_and_in_german_their_own() {
    let causes = [
        HistoryCause::ReplacedBy { version: 2 },
        HistoryCause::CreatedFrom { version: 1 },
        HistoryCause::DuplicatedFrom {
            name: "Spring sale".into(),
            version: 3,
        },
    ];
    for cause in &causes {
        let phrase = wording::history_cause_phrase(cause);
        assert_eq!(Wording::new(Locale::English).say(&phrase), cause.reason());
    }
    assert_eq!(
        Wording::new(Locale::German).say(&wording::history_cause_phrase(&causes[0])),
        "Ersetzt durch Version 2"
    );
}

#[test]
fn the_bulk_confirmation_counts_versions_and_customers_in_each_language() {
    let say = |locale, phrase: &Phrase| Wording::new(locale).say(phrase);
    let title = |versions: u64| {
        Phrase::new("bulk-confirm-title")
            .with("action", "finish")
            .with("versions", versions)
    };
    let customers = |active: u64, versions: u64| {
        Phrase::new("bulk-customers")
            .with("active", active)
            .with("versions", versions)
    };
    assert_eq!(
        say(Locale::English, &title(12)),
        "Finish 12 journey versions?"
    );
    assert_eq!(say(Locale::English, &title(1)), "Finish 1 journey version?");
    assert_eq!(
        say(Locale::English, &title(0)),
        "None of the selected journey versions can be finished"
    );
    assert_eq!(
        say(Locale::German, &title(12)),
        "12 Journey-Versionen beenden?"
    );
    assert_eq!(
        say(Locale::English, &customers(3456, 12)),
        "3,456 customers are in them."
    );
    assert_eq!(
        say(Locale::English, &customers(1, 1)),
        "1 customer is in it."
    );
    assert_eq!(
        say(Locale::German, &customers(3456, 12)),
        "Darin sind 3.456 Kunden."
    );
    let progress = |failed: u64| {
        Phrase::new("bulk-progress")
            .with("done", 3)
            .with("total", 12)
            .with("failed", failed)
    };
    assert_eq!(say(Locale::English, &progress(0)), "3 of 12 done.");
    assert_eq!(
        say(Locale::German, &progress(1)),
        "3 von 12 erledigt, 1 fehlgeschlagen."
    );
}
