use std::borrow::Cow;

use chrono::{DateTime, Utc};
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

use crate::number_format::format_value;
use crate::time_format::{write_time, Precision};
use crate::{Arg, Locale, Phrase};

/// The catalog's files, for each language in the same order: what the views
/// say, the rules' refusals, and what the sync layer says about the server.
pub const CATALOG_FILES: [&str; 3] = ["console.ftl", "refusals.ftl", "sync.ftl"];

/// The text of one catalog file of one language, without its comments
/// (`build.rs` takes them out).
pub fn catalog_source(locale: Locale, file: &str) -> &'static str {
    macro_rules! catalog {
        ($($tag:literal => $locale:path),*) => {
            match (locale, file) {
                $(
                    ($locale, "console.ftl") => include_str!(concat!(env!("OUT_DIR"), "/", $tag, "/console.ftl")),
                    ($locale, "refusals.ftl") => include_str!(concat!(env!("OUT_DIR"), "/", $tag, "/refusals.ftl")),
                    ($locale, "sync.ftl") => include_str!(concat!(env!("OUT_DIR"), "/", $tag, "/sync.ftl")),
                )*
                _ => "",
            }
        };
    }
    catalog!("en" => Locale::English, "de" => Locale::German)
}

/// Puts phrases in one language, falling back to English for a message the
/// language lacks.
pub struct Wording {
    locale: Locale,
    /// The language's bundle, then English's (for a language other than English).
    bundles: Vec<FluentBundle<FluentResource>>,
}

impl Wording {
    pub fn new(locale: Locale) -> Wording {
        Wording::from_catalogs(locale, catalog_source)
    }

    fn from_catalogs(locale: Locale, source: fn(Locale, &str) -> &'static str) -> Wording {
        let mut bundles = vec![bundle(locale, locale, source)];
        if locale != Locale::English {
            // English words, but numbers still as the user's language writes them.
            bundles.push(bundle(locale, Locale::English, source));
        }
        Wording { locale, bundles }
    }

    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// The phrase in words. A message no catalog has (a defect the catalog
    /// tests catch) reads as its id rather than as nothing.
    pub fn say(&self, phrase: &Phrase) -> String {
        let mut args = FluentArgs::with_capacity(phrase.args.len());
        for (name, value) in &phrase.args {
            let value = match value {
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Text(text) => FluentValue::String(Cow::Owned(text.clone())),
                Arg::Phrase(inner) => FluentValue::String(Cow::Owned(self.say(inner))),
                Arg::Time(at) => {
                    FluentValue::String(Cow::Owned(write_time(self.locale, *at, Precision::Minute)))
                }
                Arg::Date { at, now } => FluentValue::String(Cow::Owned(write_time(
                    self.locale,
                    *at,
                    Precision::day(*at, *now),
                ))),
            };
            args.set(*name, value);
        }
        for bundle in &self.bundles {
            let Some(pattern) = bundle.get_message(phrase.id).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            return bundle
                .format_pattern(pattern, Some(&args), &mut errors)
                .into_owned();
        }
        phrase.id.to_owned()
    }

    /// A message with no placeholders.
    pub fn text(&self, id: &'static str) -> String {
        self.say(&Phrase::new(id))
    }

    /// The moment as messages say it, on its own: "Dec 3, 2026, 9:00 AM".
    pub fn time(&self, at: DateTime<Utc>) -> String {
        write_time(self.locale, at, Precision::Minute)
    }

    /// The day as messages say it, on its own, seen at `now`: "Dec 3", or
    /// "Dec 3, 2027" when it is a year or so away.
    pub fn date(&self, at: DateTime<Utc>, now: DateTime<Utc>) -> String {
        write_time(self.locale, at, Precision::day(at, now))
    }

    /// Whether the language itself (not English in its place) has the message.
    pub fn has(&self, id: &str) -> bool {
        self.bundles[0].has_message(id)
    }
}

/// The messages of `words`' catalog, with numbers written for `user`.
fn bundle(
    user: Locale,
    words: Locale,
    source: fn(Locale, &str) -> &'static str,
) -> FluentBundle<FluentResource> {
    let mut bundle = FluentBundle::new(vec![user.identifier()]);
    // The console's languages are all written left to right; isolation marks
    // would only end up inside accessible names.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(format_value));
    for file in CATALOG_FILES {
        // A catalog that does not parse is caught by the catalog tests; what
        // did parse is still used.
        let resource = FluentResource::try_new(source(words, file).to_owned())
            .unwrap_or_else(|(partial, _)| partial);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Catalogs where German lacks a message English has.
    fn incomplete(locale: Locale, file: &str) -> &'static str {
        match (locale, file) {
            (Locale::English, "console.ftl") => {
                "cancel = Cancel\nnew-words = Only in English { $n }\n"
            }
            (Locale::German, "console.ftl") => "cancel = Abbrechen\n",
            _ => "",
        }
    }

    /// Named by a constant: the catalog tests check every literal id in code.
    const ONLY_IN_ENGLISH: &str = "new-words";

    #[test]
    fn a_message_missing_from_a_language_is_said_in_english() {
        let german = Wording::from_catalogs(Locale::German, incomplete);
        assert_eq!(german.text("cancel"), "Abbrechen");
        assert!(!german.has(ONLY_IN_ENGLISH));
        assert_eq!(
            german.say(&Phrase::new(ONLY_IN_ENGLISH).with("n", 1025u64)),
            "Only in English 1.025"
        );
    }

    /// A catalog with a message that says a day and a moment.
    fn with_times(_: Locale, file: &str) -> &'static str {
        match file {
            "console.ftl" => "due = Due { $day }, set { $at }\n",
            _ => "",
        }
    }

    const DUE: &str = "due";

    #[test]
    fn a_time_on_its_own_reads_as_in_a_message() {
        let at = "2026-12-03T09:00:00Z".parse().unwrap();
        for now in ["2026-11-25T09:00:00Z", "2025-11-25T09:00:00Z"] {
            let now = now.parse().unwrap();
            for locale in [Locale::English, Locale::German] {
                let wording = Wording::from_catalogs(locale, with_times);
                let said = wording.say(
                    &Phrase::new(DUE)
                        .with("day", Arg::Date { at, now })
                        .with("at", at),
                );
                assert_eq!(
                    said,
                    format!("Due {}, set {}", wording.date(at, now), wording.time(at))
                );
            }
        }
    }

    #[test]
    fn a_day_a_year_away_says_its_year_and_a_near_one_does_not() {
        let wording = Wording::from_catalogs(Locale::English, with_times);
        let at = "2026-12-03T09:00:00Z".parse().unwrap();
        let next_week = "2026-11-26T09:00:00Z".parse().unwrap();
        let a_year_before = "2025-11-26T09:00:00Z".parse().unwrap();
        assert_eq!(wording.date(at, next_week), "Dec 3");
        assert_eq!(wording.date(at, a_year_before), "Dec 3, 2026");
        let said = |now| {
            wording.say(
                &Phrase::new(DUE)
                    .with("day", Arg::Date { at, now })
                    .with("at", at),
            )
        };
        assert!(said(next_week).starts_with("Due Dec 3, set"));
        assert!(said(a_year_before).starts_with("Due Dec 3, 2026, set"));
    }
}
