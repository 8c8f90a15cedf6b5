//! Every word Journey Console shows, in the user's language.
//!
//! One Fluent catalog per language (`locales/<tag>/*.ftl`), with plural rules
//! and placeholders. Code names what it wants to say as a [`Phrase`] (a message
//! id and its arguments); a [`Wording`] for a [`Locale`] puts it in words. A
//! message missing from a language is said in English.
//!
//! Numbers in messages are written as the locale writes them (the browser's
//! Intl in wasm; natively, for servers and tests, num-format's CLDR data);
//! times in the user's language and time zone (Intl in wasm; UTC natively).

mod action_error_phrase;
#[cfg(test)]
mod catalog_tests;
mod list_labels;
mod locale;
mod number_format;
mod phrase;
mod refusal_phrase;
mod time_format;
mod wording;

pub use action_error_phrase::action_error_phrase;
pub use list_labels::{filter_label, sort_label};
pub use locale::Locale;
pub use phrase::{Arg, Phrase};
pub use refusal_phrase::{
    action_key, action_label, history_cause_phrase, phase_key, refusal_phrase, status_label,
    status_name,
};
pub use wording::{catalog_source, Wording, CATALOG_FILES};
