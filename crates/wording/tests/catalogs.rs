//! The catalogs agree with each other and with the code that uses them.

use std::collections::BTreeSet;
use std::path::Path;

use fluent_syntax::ast::Entry;
use fluent_syntax::parser;
use journey_list::{SortKey, StatusFilter};
use lifecycle::{Action, Phase, Status};
use wording::{catalog_source, Locale, Phrase, Wording, CATALOG_FILES};

/// Message ids (with their attributes) of one catalog file.
fn ids(locale: Locale, file: &str) -> BTreeSet<String> {
    let resource = parser::parse(catalog_source(locale, file))
        .unwrap_or_else(|(_, errors)| panic!("{file} ({}) does not parse: {errors:?}", locale.tag()));
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            Entry::Message(m) => Some(
                std::iter::once(m.id.name.to_owned())
                    .chain(m.attributes.iter().map(|a| format!("{}.{}", m.id.name, a.id.name)))
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
                assert!(seen.insert(id.clone()), "{id} is defined twice ({})", locale.tag());
            }
        }
    }
}

/// Message ids the code names with a literal: `text("…")`, `Phrase::new("…")`,
/// and the detail view's `label="…"`.
fn ids_in_code(dir: &Path, found: &mut BTreeSet<String>) {
    let patterns = ["text(\"", "Phrase::new(\"", "label=\""];
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            ids_in_code(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let code = std::fs::read_to_string(&path).unwrap();
            for pattern in patterns {
                for (at, _) in code.match_indices(pattern) {
                    let rest = &code[at + pattern.len()..];
                    let id: String = rest.chars().take_while(|&c| c != '"').collect();
                    if !id.is_empty()
                        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                    {
                        found.insert(id);
                    }
                }
            }
        }
    }
}

#[test]
fn every_message_the_code_names_is_in_every_catalog() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut used = BTreeSet::new();
    for dir in ["src", "crates/journey_sync/src", "crates/wording/src"] {
        ids_in_code(&root.join(dir), &mut used);
    }
    assert!(used.len() > 60, "the scan found only {used:?}");
    for locale in Locale::ALL {
        let wording = Wording::new(locale);
        let missing: Vec<_> = used.iter().filter(|id| !wording.has(id)).collect();
        assert!(missing.is_empty(), "not in the {} catalog: {missing:?}", locale.tag());
    }
}

#[test]
fn actions_statuses_columns_and_filters_have_words_in_every_language() {
    let mut phrases: Vec<Phrase> = Action::ALL.into_iter().map(wording::action_label).collect();
    phrases.extend(
        [Phase::Draft, Phase::Live, Phase::Finishing { active: 3 }, Phase::Finished, Phase::Stopped]
            .into_iter()
            .map(wording::status_label),
    );
    phrases.extend(
        [Status::Draft, Status::Live, Status::Finished, Status::Stopped]
            .into_iter()
            .map(wording::status_name),
    );
    phrases.extend(SortKey::ALL.into_iter().map(wording::sort_label));
    phrases.extend(StatusFilter::ALL.into_iter().map(wording::filter_label));
    for locale in Locale::ALL {
        let wording = Wording::new(locale);
        for phrase in &phrases {
            assert!(wording.has(phrase.id), "{} has no {}", locale.tag(), phrase.id);
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
    let name = Phrase::new("version-named").with("name", "Welcome").with("version", 2u32);
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
fn a_message_no_catalog_has_reads_as_its_id_rather_than_nothing() {
    let wording = Wording::new(Locale::German);
    assert_eq!(wording.text("no-such-message"), "no-such-message");
}
