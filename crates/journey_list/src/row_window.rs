/// A complete list this short is put in the page whole: it costs little, and
/// the browser's find-in-page and screen readers then see every row.
pub const WHOLE_LIST_UP_TO: usize = 100;

/// Which rows of a list are in the page: a short complete one whole, any
/// other only the rows in view plus `overscan` on each side, from the scroll
/// position alone (every row has the same height). `first..last` indexes the
/// shown versions.
///
/// A list still loading is about to grow, so it is windowed however short
/// it is for now: its first page drawn whole would make the first rows wait
/// for several screens of rows nobody sees yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowWindow {
    pub first: usize,
    pub last: usize,
    pub count: usize,
}

impl RowWindow {
    pub fn new(
        count: usize,
        complete: bool,
        scroll_top: f64,
        view_height: f64,
        row_height: f64,
        overscan: usize,
    ) -> RowWindow {
        if complete && count <= WHOLE_LIST_UP_TO {
            return RowWindow {
                first: 0,
                last: count,
                count,
            };
        }
        // A scroll position past the end (the list just got shorter, and the
        // browser did not say it clamped) counts as the end.
        let end = (count as f64 * row_height - view_height).max(0.0);
        let top = scroll_top.clamp(0.0, end);
        let first = ((top / row_height).floor() as usize)
            .saturating_sub(overscan)
            .min(count);
        let in_view = (view_height.max(row_height) / row_height).ceil() as usize;
        let last = (first + in_view + 2 * overscan).min(count);
        RowWindow { first, last, count }
    }

    /// Height of the rows above the window, which are not in the page.
    pub fn space_above(&self, row_height: f64) -> f64 {
        self.first as f64 * row_height
    }

    pub fn space_below(&self, row_height: f64) -> f64 {
        (self.count - self.last) as f64 * row_height
    }
}

/// Where to scroll a list seen from `scroll_top` for `view_height` so that
/// the row at `index` is in sight: as little as that needs, and `None` when
/// it is in sight already. A list that scrolls by itself moves every row
/// under the pointer, and a click aimed at one lands on another.
pub fn scroll_to_show(
    index: usize,
    scroll_top: f64,
    view_height: f64,
    row_height: f64,
) -> Option<f64> {
    let top = index as f64 * row_height;
    let bottom = top + row_height;
    if top < scroll_top {
        Some(top)
    } else if bottom > scroll_top + view_height {
        Some(bottom - view_height)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_in_sight_is_not_scrolled_to_and_one_out_of_it_only_just_into_it() {
        // Rows of 48, ten in sight from 480 (rows 10 to 19).
        assert_eq!(scroll_to_show(10, 480.0, 480.0, 48.0), None);
        assert_eq!(scroll_to_show(19, 480.0, 480.0, 48.0), None);
        assert_eq!(scroll_to_show(9, 480.0, 480.0, 48.0), Some(432.0));
        assert_eq!(scroll_to_show(0, 480.0, 480.0, 48.0), Some(0.0));
        assert_eq!(scroll_to_show(20, 480.0, 480.0, 48.0), Some(528.0));
        // Half in sight at the bottom: just enough to show it whole.
        assert_eq!(scroll_to_show(19, 500.0, 480.0, 48.0), None);
        assert_eq!(scroll_to_show(20, 500.0, 480.0, 48.0), Some(528.0));
    }

    #[test]
    fn top_of_a_long_list() {
        let w = RowWindow::new(10_000, true, 0.0, 480.0, 48.0, 8);
        assert_eq!((w.first, w.last), (0, 26));
        assert_eq!(w.space_above(48.0), 0.0);
        assert_eq!(w.space_below(48.0), (10_000 - 26) as f64 * 48.0);
    }

    #[test]
    fn scrolled_into_the_middle() {
        let w = RowWindow::new(10_000, true, 48.0 * 100.0, 480.0, 48.0, 8);
        assert_eq!((w.first, w.last), (92, 118));
        assert!(
            w.first <= 100 && w.last >= 110,
            "the rows in view are in the window"
        );
    }

    #[test]
    fn a_list_shortened_below_the_scroll_position_still_shows_its_rows() {
        // Scrolled far down, then a search leaves fewer rows than that.
        let w = RowWindow::new(500, true, 48.0 * 5_000.0, 480.0, 48.0, 8);
        assert_eq!((w.first, w.last), (482, 500));
        let w = RowWindow::new(1, true, 48.0 * 500.0, 480.0, 48.0, 8);
        assert_eq!((w.first, w.last), (0, 1));
    }

    #[test]
    fn a_short_list_is_in_the_page_whole() {
        let w = RowWindow::new(WHOLE_LIST_UP_TO, true, 48.0 * 50.0, 480.0, 48.0, 4);
        assert_eq!((w.first, w.last), (0, WHOLE_LIST_UP_TO));
        let w = RowWindow::new(WHOLE_LIST_UP_TO + 1, true, 0.0, 480.0, 48.0, 4);
        assert_eq!((w.first, w.last), (0, 18));
    }

    #[test]
    fn a_short_list_still_loading_shows_only_the_rows_in_view() {
        // The first page of a long list: only what fits, until the list is in.
        let w = RowWindow::new(WHOLE_LIST_UP_TO, false, 0.0, 480.0, 48.0, 4);
        assert_eq!((w.first, w.last), (0, 18));
        assert_eq!(w.space_below(48.0), (WHOLE_LIST_UP_TO - 18) as f64 * 48.0);
        // Fewer rows than fit are all shown, loading or not.
        let w = RowWindow::new(5, false, 0.0, 480.0, 48.0, 4);
        assert_eq!((w.first, w.last), (0, 5));
    }

    #[test]
    fn an_empty_list_has_an_empty_window() {
        let w = RowWindow::new(0, true, 1234.0, 480.0, 48.0, 8);
        assert_eq!((w.first, w.last, w.count), (0, 0, 0));
        assert_eq!(w.space_below(48.0), 0.0);
    }

    #[test]
    fn the_window_never_runs_past_the_end() {
        for (count, complete) in [0, 1, 5, 30, 1000]
            .into_iter()
            .flat_map(|c| [(c, true), (c, false)])
        {
            for top in [0.0, 10.0, 480.0, 48_000.0, -50.0] {
                let w = RowWindow::new(count, complete, top, 480.0, 48.0, 8);
                assert!(w.first <= w.last && w.last <= count, "{count} {top}: {w:?}");
                assert!(
                    count == 0 || w.last > w.first,
                    "{count} {top}: rows must show"
                );
            }
        }
    }
}
