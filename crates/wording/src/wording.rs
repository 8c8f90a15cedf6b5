use std::borrow::Cow;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

use crate::number_format::format_value;
use crate::{Arg, Locale, Phrase};

/// The catalog's files, for each language in the same order: what the views
/// say, the rules' refusals, and what the sync layer says about the server.
const FILES: [&str; 3] = ["console.ftl", "refusals.ftl", "sync.ftl"];

/// The text of one catalog file of one language.
pub(crate) fn source(locale: Locale, file: &str) -> &'static str {
    macro_rules! catalog {
        ($($tag:literal => $locale:path),*) => {
            match (locale, file) {
                $(
                    ($locale, "console.ftl") => include_str!(concat!("../locales/", $tag, "/console.ftl")),
                    ($locale, "refusals.ftl") => include_str!(concat!("../locales/", $tag, "/refusals.ftl")),
                    ($locale, "sync.ftl") => include_str!(concat!("../locales/", $tag, "/sync.ftl")),
                )*
                _ => "",
            }
        };
    }
    catalog!("en" => Locale::English, "de" => Locale::German)
}

pub(crate) fn files() -> &'static [&'static str] {
    &FILES
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
        let mut bundles = vec![bundle(locale)];
        if locale != Locale::English {
            bundles.push(bundle(Locale::English));
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

    /// Whether the language itself (not English in its place) has the message.
    pub fn has(&self, id: &str) -> bool {
        self.bundles[0].has_message(id)
    }
}

fn bundle(locale: Locale) -> FluentBundle<FluentResource> {
    let mut bundle = FluentBundle::new(vec![locale.identifier()]);
    // The console's languages are all written left to right; isolation marks
    // would only end up inside accessible names.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(format_value));
    for file in files() {
        // A catalog that does not parse is caught by the catalog tests; what
        // did parse is still used.
        let resource = FluentResource::try_new(source(locale, file).to_owned())
            .unwrap_or_else(|(partial, _)| partial);
        let _ = bundle.add_resource(resource);
    }
    bundle
}
