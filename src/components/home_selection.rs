//! The versions ticked on Home, shared by the row checkboxes, "Select all
//! shown", the selection toolbar and the bulk confirmation. What a tick does
//! (ranges, select-all over the search and filter) is decided in
//! `journey_list::VersionSelection`; this only hands it the shown order.

use journey_list::{hidden_among, hidden_of, AllShown, SortedList, VersionSelection};
use leptos::prelude::*;
use lifecycle::Action;

use crate::sync::use_journeys;

/// What the bulk confirmation shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BulkDialog {
    /// Asks to confirm this action on the selected versions.
    Ask(Action),
    /// The latest run's progress and results.
    Results,
}

#[derive(Clone, Copy)]
pub struct HomeSelection {
    pub picks: RwSignal<VersionSelection>,
    /// Home's list in its order, and the positions in it the search and the
    /// filter show: every shown row, not only those drawn.
    sorted: Memo<SortedList>,
    shown: Memo<Vec<u32>>,
    /// The user's role may finish or stop: only then are rows selectable.
    may_select: Memo<bool>,
    /// The bulk confirmation, while open.
    pub dialog: RwSignal<Option<BulkDialog>, LocalStorage>,
    /// Where focus goes back to when the bulk confirmation closes.
    pub opener: StoredValue<Option<web_sys::HtmlElement>, LocalStorage>,
}

impl HomeSelection {
    pub fn new(sorted: Memo<SortedList>, shown: Memo<Vec<u32>>) -> HomeSelection {
        let journeys = use_journeys();
        HomeSelection {
            picks: RwSignal::new(VersionSelection::default()),
            sorted,
            shown,
            may_select: Memo::new(move |_| {
                [Action::Finish, Action::Stop]
                    .into_iter()
                    .any(|action| journeys.permission(action).is_ok())
            }),
            dialog: RwSignal::new_local(None),
            opener: StoredValue::new_local(None),
        }
    }

    /// Opens the bulk confirmation; focus returns to what has it now.
    pub fn open(&self, dialog: BulkDialog) {
        self.opener.set_value(crate::focus::active_element());
        self.dialog.set(Some(dialog));
    }

    pub fn may_select(&self) -> bool {
        self.may_select.get()
    }

    /// The box of `id` was clicked (`extend`: with shift).
    pub fn click(&self, id: &str, checked: bool, extend: bool) {
        self.with_shown_ids(|ids| {
            self.picks
                .update(|picks| picks.click(id, checked, extend, ids.iter().copied()))
        });
    }

    /// "Select all shown" was clicked.
    pub fn toggle_all_shown(&self) {
        self.with_shown_ids(|ids| {
            self.picks
                .update(|picks| picks.toggle_all_shown(ids.iter().copied()))
        });
    }

    /// Whether none, some or all of the shown rows are selected.
    pub fn all_shown(&self) -> AllShown {
        self.shown.with(|positions| {
            self.sorted.with(|list| {
                self.picks
                    .with(|picks| picks.all_shown(positions.iter().filter_map(|&at| list.id(at))))
            })
        })
    }

    /// How many of the `count` selected versions `is_one` says yes to the
    /// search and filter hide now (tracked).
    pub fn hidden(&self, count: usize, is_one: impl Fn(&str) -> bool) -> usize {
        self.picks.with(|picks| {
            self.shown.with(|positions| {
                self.sorted.with(|list| {
                    let shown = positions.iter().filter_map(|&at| list.id(at));
                    hidden_among(count, |id| picks.is_selected(id) && is_one(id), shown)
                })
            })
        })
    }

    /// Which of `ids` the search and filter hide now (tracked), in their order.
    pub fn hidden_of(&self, ids: &[&str]) -> Vec<bool> {
        self.shown.with(|positions| {
            self.sorted
                .with(|list| hidden_of(ids, positions.iter().filter_map(|&at| list.id(at))))
        })
    }

    fn with_shown_ids<R>(&self, f: impl FnOnce(&[&str]) -> R) -> R {
        self.shown.with_untracked(|positions| {
            self.sorted.with_untracked(|list| {
                let ids: Vec<&str> = positions.iter().filter_map(|&at| list.id(at)).collect();
                f(&ids)
            })
        })
    }
}
