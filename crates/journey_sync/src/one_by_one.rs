//! The items of a page this console could not read in one go, read one by
//! one: an item it cannot read (a value a newer server added, a field of the
//! wrong type) costs that item alone. Shared by the list's pages and a
//! version's history.

use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::success_answer::not_journey_data;
use crate::BackendError;

/// A page, its items as they were sent: a list page, or a history (which
/// has no `next`).
#[derive(Deserialize)]
pub(crate) struct RawPage<'a> {
    #[serde(borrow)]
    pub items: Vec<&'a RawValue>,
    pub next: Option<String>,
}

/// The items that could be read, in the order sent, and each one that could
/// not, as sent, with the parser's own words (developer text) on why.
pub(crate) struct ReadOneByOne<'a, T> {
    pub read: Vec<T>,
    pub unreadable: Vec<(&'a RawValue, String)>,
}

/// Reads each of `items`. When none can be read (a proxy's JSON of its own,
/// or a change of the server's that leaves nothing readable), the answer is
/// not this page at all: it is refused whole with `whole_error`, why the page
/// could not be read in one go, and what the console showed before stays.
pub(crate) fn read_one_by_one<'a, T: DeserializeOwned>(
    items: Vec<&'a RawValue>,
    whole_error: &serde_json::Error,
) -> Result<ReadOneByOne<'a, T>, BackendError> {
    let mut read = Vec::with_capacity(items.len());
    let mut unreadable = Vec::new();
    for item in items {
        match serde_json::from_str::<T>(item.get()) {
            Ok(value) => read.push(value),
            Err(error) => unreadable.push((item, error.to_string())),
        }
    }
    if read.is_empty() {
        return Err(not_journey_data(whole_error));
    }
    Ok(ReadOneByOne { read, unreadable })
}
