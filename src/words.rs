//! The user's language: every text the console shows is said through
//! [`Words`], which follows the chosen [`Locale`] so that switching language
//! redraws the words in place, without a reload.

use std::collections::HashMap;
use std::rc::Rc;

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use wording::{Locale, Phrase, Wording};

use crate::format;

/// Where the console remembers the language a person picked (standalone).
const CHOSEN_KEY: &str = "journey-console.locale";

thread_local! {
    // One per language, made the first time it is needed: parsing a catalog
    // costs a little, and most people never switch.
    static WORDINGS: std::cell::RefCell<HashMap<Locale, Rc<Wording>>> = Default::default();
    // Messages without placeholders, once said: a status badge is said again
    // for every row a keystroke changes.
    static TEXTS: std::cell::RefCell<HashMap<(Locale, &'static str), Rc<str>>> = Default::default();
}

fn wording(locale: Locale) -> Rc<Wording> {
    WORDINGS.with(|all| {
        all.borrow_mut()
            .entry(locale)
            .or_insert_with(|| Rc::new(Wording::new(locale)))
            .clone()
    })
}

/// The console's language, provided to every view.
#[derive(Clone, Copy)]
pub struct Words {
    locale: RwSignal<Locale>,
}

impl Words {
    pub fn new(locale: Locale) -> Words {
        Words {
            locale: RwSignal::new(locale),
        }
    }

    pub fn locale(&self) -> Locale {
        self.locale.get()
    }

    /// The language now, without following it.
    pub fn untracked_locale(&self) -> Locale {
        self.locale.get_untracked()
    }

    pub fn set_locale(&self, locale: Locale) {
        if self.locale.get_untracked() != locale {
            self.locale.set(locale);
        }
    }

    /// A message with no placeholders, in the current language.
    pub fn text(&self, id: &'static str) -> String {
        let locale = self.locale.get();
        let said = TEXTS.with(|texts| {
            texts
                .borrow_mut()
                .entry((locale, id))
                .or_insert_with(|| wording(locale).text(id).into())
                .clone()
        });
        said.to_string()
    }

    /// The message `id` for a view: it follows the language. Every text of
    /// every view is this one closure type, so its view code is made once.
    pub fn label(self, id: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
        move || self.text(id)
    }

    pub fn say(&self, phrase: &Phrase) -> String {
        wording(self.locale.get()).say(phrase)
    }

    /// 12,345 (English), 12.345 (German).
    pub fn count(&self, value: u64) -> String {
        format::count(self.locale.get(), value)
    }

    /// "3 minutes ago", "vor 3 Minuten".
    pub fn relative(&self, at: DateTime<Utc>, now: DateTime<Utc>) -> String {
        format::relative(self.locale.get(), at, now)
    }

    /// "Dec 3", in the viewer's time zone; "Dec 3, 2027" when it is a year
    /// or so from `now`.
    pub fn short_date(&self, at: DateTime<Utc>, now: DateTime<Utc>) -> String {
        wording(self.locale.get()).date(at, now)
    }

    /// The date and time in the viewer's time zone.
    pub fn exact(&self, at: DateTime<Utc>) -> String {
        wording(self.locale.get()).time(at)
    }
}

pub fn use_words() -> Words {
    expect_context::<Words>()
}

/// The language to start in: the host's `locale` option when it names one
/// the console speaks, else the one this person picked before (standalone),
/// else the browser's languages in their order, else English.
pub fn starting_locale(given: Option<&str>, standalone: bool) -> Locale {
    if let Some(locale) = given.and_then(Locale::from_tag) {
        return locale;
    }
    if standalone {
        let picked = local_storage()
            .and_then(|s| s.get_item(CHOSEN_KEY).ok().flatten())
            .and_then(|tag| Locale::from_tag(&tag));
        if let Some(locale) = picked {
            return locale;
        }
    }
    let languages: Vec<String> = window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .collect();
    Locale::choose(&languages)
}

/// Remembers a language picked in the standalone console.
pub fn remember(locale: Locale) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(CHOSEN_KEY, locale.tag());
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}
