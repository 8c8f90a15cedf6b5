use chrono::{DateTime, Utc};

/// Something to say: a message of the catalog and its arguments. Code that
/// knows what happened (the rules, the sync layer) builds phrases; a
/// [`crate::Wording`] puts them in the user's language when they are shown,
/// so a phrase shown before the language changes is said again in the new one.
#[derive(Debug, Clone, PartialEq)]
pub struct Phrase {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

/// A placeholder's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// A count or amount: written as the locale writes numbers, and chooses
    /// plural forms.
    Number(f64),
    /// Text shown as it is (a journey's name, what a server said).
    Text(String),
    /// Another phrase, said in the same language first.
    Phrase(Box<Phrase>),
    /// A moment, written as the user's language and time zone write it.
    Time(DateTime<Utc>),
    /// The day of a moment `at` in the user's time zone, as seen at `now`:
    /// without its year when it is near ("Dec 3"), with it when it is a year
    /// or so away ("Dec 3, 2027"; see `Precision::day`).
    Date {
        at: DateTime<Utc>,
        now: DateTime<Utc>,
    },
}

impl From<DateTime<Utc>> for Arg {
    fn from(at: DateTime<Utc>) -> Arg {
        Arg::Time(at)
    }
}

impl Phrase {
    pub fn new(id: &'static str) -> Phrase {
        Phrase {
            id,
            args: Vec::new(),
        }
    }

    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Phrase {
        self.args.push((name, value.into()));
        self
    }
}

impl From<Phrase> for Arg {
    fn from(phrase: Phrase) -> Arg {
        Arg::Phrase(Box::new(phrase))
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_owned())
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(value: $t) -> Arg {
                Arg::Number(value as f64)
            }
        }
    )*};
}
number_args!(u8, u16, u32, u64, usize, i32, i64, f64);
