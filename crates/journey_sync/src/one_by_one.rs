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

/// Reads each of `items`. `is_ours` says whether an item is of this page's
/// kind at all, read or not (a list's version has a string `id`).
///
/// When none can be read and none is even of this kind (a proxy's JSON of
/// its own, a page of something else), the answer is not this page at all:
/// it is refused whole with `whole_error`, why the page could not be read in
/// one go, and what the console showed before stays. A page whose every item
/// is ours but unreadable (a newer server's status on each of them) costs
/// those items alone, as on a page that mixes them with readable ones:
/// refusing it would fail every load of the list on that one page, and the
/// pages after it would never be shown.
pub(crate) fn read_one_by_one<'a, T: DeserializeOwned>(
    items: Vec<&'a RawValue>,
    is_ours: fn(&RawValue) -> bool,
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
    if read.is_empty() && !unreadable.iter().any(|(item, _)| is_ours(item)) {
        return Err(not_journey_data(whole_error));
    }
    Ok(ReadOneByOne { read, unreadable })
}
