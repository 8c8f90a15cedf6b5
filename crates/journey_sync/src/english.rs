//! Phrases said in English, for the tests: they prove what a user reads.

use wording::{Locale, Phrase, Wording};

thread_local! {
    static ENGLISH: Wording = Wording::new(Locale::English);
}

pub(crate) fn english(phrase: &Phrase) -> String {
    ENGLISH.with(|wording| wording.say(phrase))
}
