use leptos::prelude::*;

/// Asks Home to bring a version's row into view and focus its link: after an
/// action the list re-sorts, and the row the user acted on may have moved out
/// of the rows on screen.
#[derive(Clone, Copy)]
pub struct RevealRow(RwSignal<Option<String>>);

impl RevealRow {
    pub fn new() -> RevealRow {
        RevealRow(RwSignal::new(None))
    }

    pub fn request(&self, id: String) {
        self.0.set(Some(id));
    }

    /// The version waiting to be shown, taken once by the list.
    pub fn take(&self) -> Option<String> {
        let id = self.0.get();
        if id.is_some() {
            self.0.set(None);
        }
        id
    }
}
