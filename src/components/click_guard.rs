use std::sync::Arc;

use journey_list::{RowClick, RowUnderPointer};
use leptos::prelude::*;
use lifecycle::JourneyVersion;
use wording::Phrase;

use crate::clock;
use crate::components::toasts::Toasts;

/// The clicks (and key presses) on controls that act on one version: a Home
/// row's quick actions and tick, the detail view's menu. One that may have
/// been aimed at what they showed before they changed under the pointer
/// ([`RowUnderPointer`]) is held back, and a message (`said`) names the
/// version they show now and its status.
#[derive(Clone, Copy)]
pub struct ClickGuard {
    said: &'static str,
    under_pointer: StoredValue<RowUnderPointer>,
    /// The version the controls act on, as shown.
    shown: Signal<Option<Arc<JourneyVersion>>>,
    /// Said instead of `said` when the controls moved for another reason
    /// than their version ([`ClickGuard::moved_saying`]).
    told: StoredValue<Option<Phrase>>,
    toasts: Toasts,
}

impl ClickGuard {
    /// Said with `said`, a message with `$version`, `$status` and `$by` (who
    /// changed the version last).
    pub fn new(said: &'static str, shown: Signal<Option<Arc<JourneyVersion>>>) -> ClickGuard {
        ClickGuard {
            said,
            under_pointer: StoredValue::new(RowUnderPointer::default()),
            shown,
            told: StoredValue::new(None),
            toasts: expect_context::<Toasts>(),
        }
    }

    /// What the controls act on became another version, or its version
    /// another lifecycle, by itself.
    pub fn moved(&self) {
        self.told.set_value(None);
        self.under_pointer
            .update_value(|row| row.moved(clock::page_millis()));
    }

    /// The controls changed by themselves for another reason, which `told`
    /// says if a click is held back for it.
    pub fn moved_saying(&self, told: Phrase) {
        self.told.set_value(Some(told));
        self.under_pointer
            .update_value(|row| row.moved(clock::page_millis()));
    }

    /// The pointer or focus came onto the controls.
    pub fn pointed(&self) {
        self.under_pointer
            .update_value(|row| row.pointed(clock::page_millis()));
    }

    /// Whether the click now is held back (and said so, once).
    pub fn held_back(&self) -> bool {
        let now = clock::page_millis();
        let click = self.under_pointer.try_update_value(|row| row.click(now));
        if click == Some(RowClick::HeldBack) {
            if let Some(told) = self.told.get_value() {
                self.toasts.show(told);
            } else if let Some(shown) = self.shown.get_untracked() {
                let version = Phrase::new("version-named")
                    .with("name", shown.name.as_str())
                    .with("version", shown.version);
                self.toasts.show(
                    Phrase::new(self.said)
                        .with("version", version)
                        .with("status", wording::status_label(shown.phase()))
                        .with("by", shown.updated_by.as_str()),
                );
            }
        }
        matches!(click, Some(RowClick::HeldBack | RowClick::HeldBackAgain))
    }
}
