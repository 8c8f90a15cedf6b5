use journey_list::{RowClick, RowUnderPointer};
use leptos::prelude::*;
use lifecycle::Phase;
use wording::Phrase;

use crate::clock;
use crate::components::toasts::Toasts;

/// The clicks on a Home row's controls (its quick actions, its tick): one
/// that may have been aimed at what the row showed before the list moved
/// under the pointer ([`RowUnderPointer`]) is held back, and a message says
/// which version the row shows now, in which status.
#[derive(Clone, Copy)]
pub struct RowClicks {
    under_pointer: StoredValue<RowUnderPointer>,
    name: Signal<String>,
    number: Signal<u32>,
    phase: Signal<Phase>,
    toasts: Toasts,
}

impl RowClicks {
    pub fn new(name: Signal<String>, number: Signal<u32>, phase: Signal<Phase>) -> RowClicks {
        RowClicks {
            under_pointer: StoredValue::new(RowUnderPointer::default()),
            name,
            number,
            phase,
            toasts: expect_context::<Toasts>(),
        }
    }

    /// The row came to show another version, or its version another
    /// lifecycle, by itself.
    pub fn moved(&self) {
        self.under_pointer
            .update_value(|row| row.moved(clock::page_millis()));
    }

    /// The pointer or focus came onto the row.
    pub fn pointed(&self) {
        self.under_pointer
            .update_value(|row| row.pointed(clock::page_millis()));
    }

    /// Whether the click now is held back (and said so, once).
    pub fn held_back(&self) -> bool {
        let now = clock::page_millis();
        let click = self.under_pointer.try_update_value(|row| row.click(now));
        if click == Some(RowClick::HeldBack) {
            let version = Phrase::new("version-named")
                .with("name", self.name.get_untracked())
                .with("version", self.number.get_untracked());
            self.toasts.show(
                Phrase::new("row-moved-under-pointer")
                    .with("version", version)
                    .with("status", wording::status_label(self.phase.get_untracked())),
            );
        }
        matches!(click, Some(RowClick::HeldBack | RowClick::HeldBackAgain))
    }
}
