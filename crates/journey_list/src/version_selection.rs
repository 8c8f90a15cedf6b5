use std::collections::BTreeSet;
use std::hash::{DefaultHasher, Hash, Hasher};

/// The versions ticked on Home for a bulk action, by id: a row that comes to
/// show another version (Home keeps rows in place) shows that version's own
/// tick, and a search or filter never drops a version ticked before it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VersionSelection {
    chosen: BTreeSet<String>,
    /// The version whose box was clicked last, and the rows shown then: a
    /// shift-click reaches from it.
    anchor: Option<(String, ShownThen)>,
}

/// The rows shown when a box was clicked, to tell at a shift-click whether
/// the rows between the two clicks are still the ones the user saw.
#[derive(Clone, Debug, PartialEq, Eq)]
enum ShownThen {
    /// The ids in their order: only a change between the two clicks counts.
    Ids(Vec<String>),
    /// A long list, kept as one number (its ids in order, hashed): any
    /// change in it counts.
    Order(u64),
}

/// Up to how many rows shown are kept id by id at a click.
const KEPT_UP_TO: usize = 5_000;

/// How the "select all shown" box looks over the rows the search and filter
/// show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AllShown {
    /// No shown row is selected (or nothing is shown).
    None,
    /// Some are: the box is mixed.
    Some,
    All,
}

impl VersionSelection {
    pub fn is_selected(&self, id: &str) -> bool {
        self.chosen.contains(id)
    }

    pub fn len(&self) -> usize {
        self.chosen.len()
    }

    pub fn is_empty(&self) -> bool {
        self.chosen.is_empty()
    }

    /// The selected ids, in id order.
    pub fn ids(&self) -> impl Iterator<Item = &str> + '_ {
        self.chosen.iter().map(String::as_str)
    }

    /// The box of `id` was clicked and is now `checked`. With `extend` (a
    /// shift-click) every version from the one clicked last to this one, in
    /// the order `shown` gives (the rows the search and filter show), both
    /// ends included, takes the same state. Only `id` does when the one
    /// clicked last is not shown any more, or when the rows shown have
    /// changed since (re-sorted by a poll, a version come or gone): the
    /// range would not be the rows the user saw between the two.
    pub fn click<'a>(
        &mut self,
        id: &str,
        checked: bool,
        extend: bool,
        shown: impl IntoIterator<Item = &'a str> + Clone,
    ) {
        let now = ShownThen::of(shown.clone());
        let range = match (&self.anchor, extend) {
            (Some((anchor, then)), true) if anchor != id => {
                let inside = between(anchor, id, shown);
                let as_seen = match (then, &now) {
                    (ShownThen::Ids(ids), _) => {
                        inside.is_some()
                            && between(anchor, id, ids.iter().map(String::as_str)) == inside
                    }
                    (then, now) => then == now,
                };
                match inside {
                    Some(mut inside) if as_seen => {
                        inside.push(anchor.clone());
                        inside
                    }
                    _ => Vec::new(),
                }
            }
            _ => Vec::new(),
        };
        let mut set = |id: &str| {
            if checked {
                self.chosen.insert(id.to_owned());
            } else {
                self.chosen.remove(id);
            }
        };
        set(id);
        for other in &range {
            set(other);
        }
        self.anchor = Some((id.to_owned(), now));
    }

    /// The "select all shown" box: selects every row `shown` (all of them,
    /// not only those drawn), or, when every one is selected already,
    /// unselects them. Versions selected but not shown stay as they are.
    pub fn toggle_all_shown<'a>(&mut self, shown: impl IntoIterator<Item = &'a str> + Clone) {
        let select = self.all_shown(shown.clone()) != AllShown::All;
        for id in shown {
            if select {
                self.chosen.insert(id.to_owned());
            } else {
                self.chosen.remove(id);
            }
        }
        self.anchor = None;
    }

    /// Whether none, some or all of the rows `shown` are selected.
    pub fn all_shown<'a>(&self, shown: impl IntoIterator<Item = &'a str>) -> AllShown {
        if self.chosen.is_empty() {
            return AllShown::None;
        }
        let (mut selected, mut not) = (false, false);
        for id in shown {
            if self.chosen.contains(id) {
                selected = true;
            } else {
                not = true;
            }
            if selected && not {
                return AllShown::Some;
            }
        }
        if selected {
            AllShown::All
        } else {
            AllShown::None
        }
    }

    pub fn clear(&mut self) {
        self.chosen.clear();
        self.anchor = None;
    }

    /// How many selected versions are not among `shown` (the ids the search
    /// and filter show): a bulk action acts on them too, so Home says so.
    pub fn hidden<'a>(&self, shown: impl IntoIterator<Item = &'a str>) -> usize {
        hidden_among(self.len(), |id| self.is_selected(id), shown)
    }
}

/// How many of the `count` ids that `is_one` says yes to are not among
/// `shown` (which holds each id once); `shown` is read only until every one
/// of them has been seen.
pub fn hidden_among<'a>(
    count: usize,
    is_one: impl Fn(&str) -> bool,
    shown: impl IntoIterator<Item = &'a str>,
) -> usize {
    let mut unseen = count;
    for id in shown {
        if unseen == 0 {
            break;
        }
        if is_one(id) {
            unseen -= 1;
        }
    }
    unseen
}

/// Which of `ids` (each once) are not among `shown` (which holds each id
/// once), in the order of `ids`: the bulk confirmation marks each version
/// the search or filter hides. `shown` is read once, only until every one of
/// them has been seen.
pub fn hidden_of<'a>(ids: &[&str], shown: impl IntoIterator<Item = &'a str>) -> Vec<bool> {
    let mut hidden = vec![true; ids.len()];
    let mut by_id: Vec<usize> = (0..ids.len()).collect();
    by_id.sort_unstable_by_key(|&at| ids[at]);
    let mut unseen = ids.len();
    let mut shown = shown.into_iter();
    while unseen > 0 {
        let Some(id) = shown.next() else { break };
        if let Ok(found) = by_id.binary_search_by(|&at| ids[at].cmp(id)) {
            let at = by_id[found];
            if hidden[at] {
                hidden[at] = false;
                unseen -= 1;
            }
        }
    }
    hidden
}

impl ShownThen {
    fn of<'a>(shown: impl IntoIterator<Item = &'a str>) -> ShownThen {
        let ids: Vec<&str> = shown.into_iter().collect();
        if ids.len() <= KEPT_UP_TO {
            return ShownThen::Ids(ids.into_iter().map(str::to_owned).collect());
        }
        let mut hasher = DefaultHasher::new();
        ids.hash(&mut hasher);
        ShownThen::Order(hasher.finish())
    }
}

/// The ids strictly between `a` and `b` in `order`, or `None` when either is
/// missing from it.
fn between<'a>(a: &str, b: &str, order: impl IntoIterator<Item = &'a str>) -> Option<Vec<String>> {
    let mut inside = false;
    let mut found = Vec::new();
    for id in order {
        if id == a || id == b {
            if inside {
                return Some(found);
            }
            inside = true;
        } else if inside {
            found.push(id.to_owned());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHOWN: [&str; 6] = ["a", "b", "c", "d", "e", "f"];

    fn selected(selection: &VersionSelection) -> Vec<&str> {
        selection.ids().collect()
    }

    #[test]
    fn versions_a_search_hides_are_counted_as_hidden() {
        let mut selection = VersionSelection::default();
        selection.click("a", true, false, SHOWN);
        selection.click("e", true, false, SHOWN);
        assert_eq!(selection.hidden(SHOWN), 0);
        // A search now shows b, c and e only.
        assert_eq!(selection.hidden(["b", "c", "e"]), 1);
        assert_eq!(selection.hidden([]), 2);
        let two = |id: &str| ["e", "f"].contains(&id);
        assert_eq!(hidden_among(2, two, ["b", "c", "e"]), 1);
    }

    #[test]
    fn each_version_the_search_hides_is_marked_in_its_place() {
        assert_eq!(
            hidden_of(&["e", "x", "a", "c"], SHOWN),
            [false, true, false, false]
        );
        assert_eq!(hidden_of(&["b", "a"], ["a"]), [true, false]);
        assert_eq!(hidden_of(&[], SHOWN), Vec::<bool>::new());
        // Shown rows past the last selected one are not read.
        let read = std::cell::Cell::new(0);
        let counted = SHOWN.iter().map(|id| {
            read.set(read.get() + 1);
            *id
        });
        assert_eq!(hidden_of(&["b", "a"], counted), [false, false]);
        assert_eq!(read.get(), 2);
    }

    #[test]
    fn a_click_selects_and_unselects_one_version() {
        let mut selection = VersionSelection::default();
        selection.click("c", true, false, SHOWN);
        assert_eq!(selected(&selection), ["c"]);
        selection.click("c", false, false, SHOWN);
        assert!(selection.is_empty());
    }

    #[test]
    fn a_shift_click_selects_the_range_from_the_last_click_either_way() {
        let mut selection = VersionSelection::default();
        selection.click("b", true, false, SHOWN);
        selection.click("e", true, true, SHOWN);
        assert_eq!(selected(&selection), ["b", "c", "d", "e"]);
        // Upwards, from "e" now, unselecting.
        selection.click("c", false, true, SHOWN);
        assert_eq!(selected(&selection), ["b"]);
    }

    #[test]
    fn a_shift_click_without_a_shown_anchor_selects_one() {
        let mut selection = VersionSelection::default();
        selection.click("e", true, true, SHOWN);
        assert_eq!(selected(&selection), ["e"]);
        selection.click("a", true, false, SHOWN);
        // "a" is filtered out now: the range has no start.
        selection.click("d", true, true, ["c", "d", "e"]);
        assert_eq!(selected(&selection), ["a", "d", "e"]);
    }

    #[test]
    fn a_shift_click_after_the_rows_moved_by_themselves_selects_one() {
        let mut selection = VersionSelection::default();
        selection.click("b", true, false, SHOWN);
        // A poll re-sorts the list: "b" goes to the end. From "b" to "d"
        // would now take "e" and "f", which the user never saw between
        // them, and leave "c", which they did.
        selection.click("d", true, true, ["a", "c", "d", "e", "f", "b"]);
        assert_eq!(selected(&selection), ["b", "d"]);
        // A version that arrived between the two clicks is not taken either.
        let mut selection = VersionSelection::default();
        selection.click("b", true, false, SHOWN);
        selection.click("d", true, true, ["a", "b", "new", "c", "d", "e", "f"]);
        assert_eq!(selected(&selection), ["b", "d"]);
        // The rows as they are now are the next range's start.
        selection.click("f", true, true, ["a", "b", "new", "c", "d", "e", "f"]);
        assert_eq!(selected(&selection), ["b", "d", "e", "f"]);
    }

    #[test]
    fn a_change_outside_the_range_keeps_the_shift_click() {
        let mut selection = VersionSelection::default();
        selection.click("b", true, false, SHOWN);
        // "f" moved to the top and "g" came, neither between "b" and "d".
        selection.click("d", true, true, ["f", "a", "b", "c", "d", "e", "g"]);
        assert_eq!(selected(&selection), ["b", "c", "d"]);
    }

    #[test]
    fn select_all_shown_takes_exactly_the_shown_rows_and_keeps_the_others() {
        let mut selection = VersionSelection::default();
        selection.click("a", true, false, SHOWN);
        let searched = ["c", "d", "f"];
        assert_eq!(selection.all_shown(searched), AllShown::None);
        selection.toggle_all_shown(searched);
        assert_eq!(selected(&selection), ["a", "c", "d", "f"]);
        assert_eq!(selection.all_shown(searched), AllShown::All);
        assert_eq!(selection.all_shown(SHOWN), AllShown::Some);
        // All shown are selected: the box unselects them, "a" stays.
        selection.toggle_all_shown(searched);
        assert_eq!(selected(&selection), ["a"]);
        selection.click("d", true, false, SHOWN);
        assert_eq!(selection.all_shown(searched), AllShown::Some);
        selection.toggle_all_shown(searched);
        assert_eq!(selected(&selection), ["a", "c", "d", "f"]);
    }

    #[test]
    fn nothing_shown_is_none_selected() {
        let mut selection = VersionSelection::default();
        selection.click("a", true, false, SHOWN);
        assert_eq!(selection.all_shown([]), AllShown::None);
        selection.toggle_all_shown([]);
        assert_eq!(selected(&selection), ["a"]);
    }

    #[test]
    fn clear() {
        let mut selection = VersionSelection::default();
        selection.toggle_all_shown(SHOWN);
        assert_eq!(selection.len(), 6);
        selection.clear();
        assert!(selection.is_empty());
        // The anchor went with it.
        selection.click("d", true, true, SHOWN);
        assert_eq!(selected(&selection), ["d"]);
    }
}
