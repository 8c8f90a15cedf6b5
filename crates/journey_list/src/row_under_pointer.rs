/// How long a Home row (or the detail view's menu) must have shown what it
/// shows before a click on it is taken for that: about the time to see what
/// moved under the pointer, read it, and aim.
pub const READING_MS: f64 = 1_000.0;

/// What becomes of a click on a Home row's controls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowClick {
    /// Taken for the version the row shows.
    Acts,
    /// Held back: it may have been aimed at what the row showed before. The
    /// user is to be told which version the row shows now.
    HeldBack,
    /// Held back too, soon after one held back (the second click of a double
    /// click): the user was told already.
    HeldBackAgain,
}

/// What a Home row's action buttons and tick know of the version under the
/// pointer (the detail view's menu keeps one too, for its version).
///
/// Rows stay in place and change what they show. When the list moves by
/// itself (a poll brings someone else's change, a count re-sorts the list, a
/// version comes or goes), the row under a waiting pointer can come to show
/// another version, and a click aimed at the one before would act on it. A
/// click is held back when the row came to show its version (or its
/// version's lifecycle) by itself since the pointer (or focus) came onto it,
/// or less than [`READING_MS`] before the click; so is a click less than
/// [`READING_MS`] after one held back (the second click of a double click).
/// The click after that acts. The user's own search, filter and order are not
/// such moves: they look at what those show.
///
/// Times are milliseconds on one clock (the page's `performance.now()`).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct RowUnderPointer {
    /// When the row last came to show another version by itself, until a
    /// click is held back for it.
    moved_at: Option<f64>,
    /// When the pointer or focus last came onto the row.
    pointed_at: Option<f64>,
    /// When a click was last held back.
    held_at: Option<f64>,
}

impl RowUnderPointer {
    /// The row came to show another version, not because of the user's
    /// search, filter or order.
    pub fn moved(&mut self, at: f64) {
        self.moved_at = Some(at);
    }

    /// The pointer (or focus) came onto the row.
    pub fn pointed(&mut self, at: f64) {
        self.pointed_at = Some(at);
    }

    /// A click at `at`: taken, or held back when it may have been aimed at
    /// what the row showed before.
    pub fn click(&mut self, at: f64) -> RowClick {
        if self.held_at.is_some_and(|held| at - held < READING_MS) {
            return RowClick::HeldBackAgain;
        }
        let Some(moved) = self.moved_at.take() else {
            return RowClick::Acts;
        };
        let since_pointed = self.pointed_at.is_none_or(|pointed| moved >= pointed);
        if since_pointed || at - moved < READING_MS {
            self.held_at = Some(at);
            RowClick::HeldBack
        } else {
            RowClick::Acts
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_that_never_moved_takes_every_click() {
        let mut row = RowUnderPointer::default();
        row.pointed(10.0);
        assert_eq!(row.click(20.0), RowClick::Acts);
        assert_eq!(row.click(5_000.0), RowClick::Acts);
    }

    #[test]
    fn a_move_under_a_waiting_pointer_holds_back_the_next_click_only() {
        let mut row = RowUnderPointer::default();
        row.pointed(1_000.0);
        // The pointer rests on the row; the list moves long after.
        row.moved(9_000.0);
        assert_eq!(
            row.click(15_000.0),
            RowClick::HeldBack,
            "moved since the pointer came"
        );
        assert_eq!(
            row.click(16_200.0),
            RowClick::Acts,
            "the click after the notice acts"
        );
    }

    #[test]
    fn a_double_click_on_a_row_that_just_moved_does_not_act() {
        let mut row = RowUnderPointer::default();
        row.pointed(1_000.0);
        row.moved(5_000.0);
        assert_eq!(row.click(5_200.0), RowClick::HeldBack);
        assert_eq!(
            row.click(5_320.0),
            RowClick::HeldBackAgain,
            "the double click's second click"
        );
        assert_eq!(
            row.click(5_320.0 + READING_MS),
            RowClick::Acts,
            "read, then clicked again"
        );
    }

    #[test]
    fn a_move_just_before_the_pointer_arrived_holds_back_a_quick_click() {
        let mut row = RowUnderPointer::default();
        // Moved while the pointer was on its way to the row.
        row.moved(1_000.0);
        row.pointed(1_300.0);
        assert_eq!(row.click(1_600.0), RowClick::HeldBack);

        let mut row = RowUnderPointer::default();
        row.moved(1_000.0);
        row.pointed(1_300.0);
        // Long enough after the move to have read the row.
        assert_eq!(row.click(1_000.0 + READING_MS), RowClick::Acts);
    }

    #[test]
    fn pointing_again_after_a_move_is_reading_it() {
        let mut row = RowUnderPointer::default();
        row.pointed(1_000.0);
        row.moved(2_000.0);
        // The pointer left and came back; a while later the user clicks.
        row.pointed(4_000.0);
        assert_eq!(row.click(4_500.0), RowClick::Acts);
    }

    #[test]
    fn a_click_with_no_pointer_or_focus_before_it_after_a_move_is_held_back() {
        let mut row = RowUnderPointer::default();
        row.moved(1_000.0);
        assert_eq!(row.click(60_000.0), RowClick::HeldBack);
        assert_eq!(row.click(61_100.0), RowClick::Acts);
    }
}
