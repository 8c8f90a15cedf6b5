//! Collecting the paged journey list (`GET /journeys`, then `?cursor={next}`
//! until `next` is null), refusing a list that would never end or that names a
//! version twice: either would loop forever or show a journey twice.

use std::collections::HashSet;
use std::sync::Arc;

use contract::{JourneyPage, LARGEST_PAGE};
use lifecycle::{Catalog, JourneyVersion};

use wording::Phrase;

use crate::in_words::cut_short;
use crate::BackendError;

/// Pages are followed at most this far, so a server that never ends its list
/// can't hold the console forever.
pub const MAX_PAGES: usize = 10_000;

/// A list is followed at most this far: about 550 MB of the browser's memory
/// (some 1.1 KB a version), five times the largest accounts measured. A
/// server whose list goes on past it (a broken cursor making up pages) is
/// told apart before the page runs out of memory and stops.
pub const MAX_VERSIONS: usize = 500_000;

/// How many versions the list's first page asks for. The first rows wait for
/// this page, so it is small: a few screens of rows (on a slow mobile
/// network, the largest page made them wait 0.9 s longer;
/// bench/RESULTS.md). The rest come in the largest pages the contract allows,
/// so that the whole list takes few requests. It is no less than
/// `journey_list::WHOLE_LIST_UP_TO`: a list short enough to be drawn whole
/// comes in one page.
pub const FIRST_PAGE: u32 = 100;
const _: () = assert!(FIRST_PAGE < LARGEST_PAGE, "the first page is the small one");

/// The `limit` to ask for with `cursor` (none: the list's first page). The
/// same position always asks for the same size, so that a page read before is
/// asked for again with its ETag and can be answered 304.
pub fn page_limit(cursor: Option<&str>) -> u32 {
    match cursor {
        None => FIRST_PAGE,
        Some(_) => LARGEST_PAGE,
    }
}

/// What to do after a page arrived.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NextPage {
    /// Fetch `?cursor=` this.
    Fetch(String),
    /// The list is complete.
    Done(Catalog),
}

/// Takes the pages of one walk through the list, in order.
#[derive(Clone, Debug)]
pub struct PageCollector {
    versions: Vec<Arc<JourneyVersion>>,
    ids: HashSet<String>,
    cursors: HashSet<String>,
    pages: usize,
    max_pages: usize,
    max_versions: usize,
    done: bool,
}

impl Default for PageCollector {
    fn default() -> Self {
        PageCollector::new()
    }
}

impl PageCollector {
    pub fn new() -> PageCollector {
        PageCollector::with_limits(MAX_PAGES, MAX_VERSIONS)
    }

    /// A collector that refuses a list longer than `max_pages` pages or
    /// `max_versions` versions.
    pub fn with_limits(max_pages: usize, max_versions: usize) -> PageCollector {
        PageCollector {
            versions: Vec::new(),
            ids: HashSet::new(),
            cursors: HashSet::new(),
            pages: 0,
            max_pages: max_pages.max(1),
            max_versions,
            done: false,
        }
    }

    /// How many versions have arrived so far, for a progress line.
    pub fn arrived(&self) -> usize {
        self.versions.len()
    }

    /// The versions that arrived from the `from`th on, in the order of the
    /// list: what the latest page added is `versions_from(before)`, with
    /// `before` the `arrived()` of before it. Empty once the list is complete
    /// (its versions have been handed over).
    pub fn versions_from(&self, from: usize) -> &[Arc<JourneyVersion>] {
        self.versions.get(from..).unwrap_or_default()
    }

    /// How many pages have arrived so far.
    pub fn pages(&self) -> usize {
        self.pages
    }

    /// Takes the next page (the first one is the answer without a cursor) and
    /// says which cursor to fetch next, or hands over the whole list. A blank
    /// `next` counts as the end, like null.
    pub fn take(&mut self, page: JourneyPage) -> Result<NextPage, BackendError> {
        if self.done {
            return Err(BackendError::bad_response(Phrase::new(
                "sync-page-after-end",
            )));
        }
        self.pages += 1;
        if self.versions.len().saturating_add(page.items.len()) > self.max_versions {
            return Err(BackendError::bad_response(
                Phrase::new("sync-list-too-many").with("versions", self.max_versions),
            ));
        }
        for version in page.items {
            if !self.ids.insert(version.id.clone()) {
                return Err(BackendError::bad_response(
                    Phrase::new("sync-list-names-twice").with("id", cut_short(&version.id)),
                ));
            }
            self.versions.push(version);
        }
        match page.next.filter(|cursor| !cursor.trim().is_empty()) {
            None => {
                self.done = true;
                self.ids = HashSet::new();
                Ok(NextPage::Done(Catalog::new(std::mem::take(
                    &mut self.versions,
                ))))
            }
            Some(cursor) if self.cursors.contains(&cursor) => Err(BackendError::bad_response(
                Phrase::new("sync-cursor-twice").with("cursor", cut_short(&cursor)),
            )),
            Some(_) if self.pages >= self.max_pages => Err(BackendError::bad_response(
                Phrase::new("sync-list-too-long").with("pages", self.max_pages),
            )),
            Some(cursor) => {
                self.cursors.insert(cursor.clone());
                Ok(NextPage::Fetch(cursor))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::english::english;
    use crate::ErrorKind;

    #[test]
    fn the_first_page_is_small_and_the_rest_are_the_largest() {
        assert_eq!(page_limit(None), FIRST_PAGE);
        assert_eq!(page_limit(Some("abc")), LARGEST_PAGE);
    }

    fn page(ids: &[&str], next: Option<&str>) -> JourneyPage {
        let at = Utc.with_ymd_and_hms(2025, 3, 3, 9, 0, 0).unwrap();
        JourneyPage {
            items: ids
                .iter()
                .map(|id| JourneyVersion::draft(*id, *id, "Journey", 1, "Ana Ruiz", at).into())
                .collect(),
            next: next.map(str::to_owned),
        }
    }

    #[test]
    fn pages_are_followed_until_next_is_null() {
        let mut pages = PageCollector::new();
        assert_eq!(
            pages.take(page(&["a", "b"], Some("c1"))).unwrap(),
            NextPage::Fetch("c1".into())
        );
        assert_eq!(pages.arrived(), 2);
        assert_eq!(
            pages.take(page(&["c"], Some("c2"))).unwrap(),
            NextPage::Fetch("c2".into())
        );
        let NextPage::Done(catalog) = pages.take(page(&["d"], None)).unwrap() else {
            panic!("the list did not end");
        };
        assert_eq!(catalog.len(), 4);
        assert_eq!(pages.pages(), 3);
    }

    #[test]
    fn an_empty_list_and_a_blank_cursor_end_the_walk() {
        let mut pages = PageCollector::new();
        assert_eq!(
            pages.take(page(&[], Some(""))).unwrap(),
            NextPage::Done(Catalog::default())
        );
        let error = pages.take(page(&["a"], None)).unwrap_err();
        assert_eq!(
            english(&error.message),
            "The server's answer was not usable: it sent another page after the end of its \
             list. Nothing was changed."
        );
    }

    #[test]
    fn a_repeated_cursor_is_refused() {
        let mut pages = PageCollector::new();
        pages.take(page(&["a"], Some("c1"))).unwrap();
        let error = pages.take(page(&["b"], Some("c1"))).unwrap_err();
        assert_eq!(error.kind, ErrorKind::BadResponse);
        assert_eq!(
            english(&error.message),
            "The server's answer was not usable: the server's list does not end: it sent the \
             cursor \u{201c}c1\u{201d} twice. Nothing was changed."
        );
    }

    #[test]
    fn an_id_twice_in_one_page_or_across_pages_is_refused() {
        let mut pages = PageCollector::new();
        let error = pages.take(page(&["a", "a"], None)).unwrap_err();
        assert!(
            english(&error.message).contains("names the journey version \u{201c}a\u{201d} twice")
        );
        let mut pages = PageCollector::new();
        pages.take(page(&["a"], Some("c1"))).unwrap();
        let error = pages.take(page(&["a"], None)).unwrap_err();
        let message = english(&error.message);
        assert!(message.contains("\u{201c}a\u{201d} twice"), "{message}");
    }

    #[test]
    fn too_many_pages_are_refused() {
        let mut pages = PageCollector::with_limits(2, MAX_VERSIONS);
        pages.take(page(&["a"], Some("c1"))).unwrap();
        let error = pages.take(page(&["b"], Some("c2"))).unwrap_err();
        let message = english(&error.message);
        assert!(message.contains("did not end after 2 pages"), "{message}");
        let mut pages = PageCollector::new();
        let mut cursor = 0;
        let error = loop {
            cursor += 1;
            match pages.take(page(&[], Some(&format!("c{cursor}")))) {
                Ok(_) => continue,
                Err(error) => break error,
            }
        };
        let message = english(&error.message);
        assert!(
            message.contains("did not end after 10,000 pages"),
            "{message}"
        );
    }

    #[test]
    fn a_list_longer_than_the_console_can_hold_is_refused() {
        let mut pages = PageCollector::with_limits(MAX_PAGES, 3);
        pages.take(page(&["a", "b"], Some("c1"))).unwrap();
        let error = pages.take(page(&["c", "d"], Some("c2"))).unwrap_err();
        assert_eq!(error.kind, ErrorKind::BadResponse);
        assert_eq!(
            english(&error.message),
            "The server's answer was not usable: the server's list goes on past 3 journey \
             versions, more than this console can hold. Nothing was changed."
        );
        // Up to the limit, a list is taken whole.
        let mut pages = PageCollector::with_limits(MAX_PAGES, 3);
        pages.take(page(&["a", "b"], Some("c1"))).unwrap();
        let NextPage::Done(catalog) = pages.take(page(&["c"], None)).unwrap() else {
            panic!("the list did not end");
        };
        assert_eq!(catalog.len(), 3);
    }
}
