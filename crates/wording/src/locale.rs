use fluent_langneg::{negotiate_languages, NegotiationStrategy};
use unic_langid::LanguageIdentifier;

/// A language the console speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Locale {
    English,
    German,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::English, Locale::German];

    /// The BCP 47 tag: `en`, `de`.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::English => "en",
            Locale::German => "de",
        }
    }

    /// The language's name in itself, as a language picker shows it.
    pub fn own_name(self) -> &'static str {
        match self {
            Locale::English => "English",
            Locale::German => "Deutsch",
        }
    }

    /// The language that best matches `requested` (BCP 47 tags, most wanted
    /// first, as `navigator.languages` lists them): `de-AT` is German, `en-GB`
    /// English. Tags that are not tags, or languages the console does not
    /// speak, are passed over; when none is left, English.
    pub fn choose<S: AsRef<str>>(requested: &[S]) -> Locale {
        let requested: Vec<LanguageIdentifier> = requested
            .iter()
            .filter_map(|tag| tag.as_ref().parse().ok())
            .collect();
        let available: Vec<LanguageIdentifier> = Locale::ALL
            .iter()
            .filter_map(|locale| locale.tag().parse().ok())
            .collect();
        negotiate_languages(&requested, &available, None, NegotiationStrategy::Lookup)
            .first()
            .and_then(|chosen| {
                Locale::ALL
                    .into_iter()
                    .find(|l| chosen.language.as_str() == l.tag())
            })
            .unwrap_or(Locale::English)
    }

    /// The language a tag names exactly enough (`de`, `de-CH`), or `None`
    /// for a tag the console has no language for.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let tag: LanguageIdentifier = tag.trim().parse().ok()?;
        Locale::ALL
            .into_iter()
            .find(|l| tag.language.as_str() == l.tag())
    }

    pub(crate) fn identifier(self) -> LanguageIdentifier {
        // The tags above are valid language identifiers.
        self.tag().parse().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_requested_language_the_console_speaks_wins() {
        assert_eq!(Locale::choose(&["de-AT", "en"]), Locale::German);
        assert_eq!(Locale::choose(&["fr-FR", "de"]), Locale::German);
        assert_eq!(Locale::choose(&["en-GB", "de"]), Locale::English);
        assert_eq!(Locale::choose(&["fr", "ja"]), Locale::English);
        assert_eq!(Locale::choose::<&str>(&[]), Locale::English);
        assert_eq!(Locale::choose(&["not a tag!", "de-DE"]), Locale::German);
    }

    #[test]
    fn tags_name_a_language_by_its_language_subtag() {
        assert_eq!(Locale::from_tag("de"), Some(Locale::German));
        assert_eq!(Locale::from_tag(" de-CH "), Some(Locale::German));
        assert_eq!(Locale::from_tag("en-US"), Some(Locale::English));
        assert_eq!(Locale::from_tag("fr"), None);
        assert_eq!(Locale::from_tag("??"), None);
    }
}
