use std::cmp::Ordering;

use lifecycle::{JourneyVersion, Phase};

use crate::{SortDirection, SortKey, StatusFilter};

/// The Home list in one order, made when the list or its order changes. A
/// search or a status filter then keeps the matching rows of it, already in
/// order: a keystroke costs one pass over the names, not a sort.
///
/// Ties keep a stable order by name, then version, so rows don't jump about
/// while counts change.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SortedList {
    rows: Vec<SortedRow>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct SortedRow {
    id: String,
    name: String,
    phase: Phase,
}

impl SortedList {
    pub fn new<'a>(
        versions: impl IntoIterator<Item = &'a JourneyVersion>,
        sort: SortKey,
        direction: SortDirection,
    ) -> SortedList {
        let mut sorted: Vec<&JourneyVersion> = versions.into_iter().collect();
        sorted.sort_by(|a, b| {
            let by_key = compare(a, b, sort);
            let by_key = match direction {
                SortDirection::Ascending => by_key,
                SortDirection::Descending => by_key.reverse(),
            };
            by_key
                .then_with(|| compare_names(&a.name, &b.name))
                .then_with(|| a.version.cmp(&b.version))
                .then_with(|| a.id.cmp(&b.id))
        });
        SortedList {
            rows: sorted
                .into_iter()
                .map(|v| SortedRow {
                    id: v.id.clone(),
                    name: v.name.clone(),
                    phase: v.phase(),
                })
                .collect(),
        }
    }

    /// Every version in the list, whatever the search and filter.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The positions in this list of the versions the search and the filter
    /// show, in order. Search is case-insensitive on the name.
    pub fn matching(&self, search: &str, status: StatusFilter) -> Vec<u32> {
        let needle = search.trim().to_lowercase();
        (0u32..)
            .zip(&self.rows)
            .filter(|(_, row)| status.admits_phase(row.phase))
            .filter(|(_, row)| needle.is_empty() || contains_ignoring_case(&row.name, &needle))
            .map(|(position, _)| position)
            .collect()
    }

    /// The id of the version at `position` (from [`SortedList::matching`]).
    pub fn id(&self, position: u32) -> Option<&str> {
        self.rows.get(position as usize).map(|row| row.id.as_str())
    }
}

fn contains_ignoring_case(name: &str, lowercase_needle: &str) -> bool {
    if name.is_ascii() && lowercase_needle.is_ascii() {
        // The common case without allocating: a 10,000-row search per keystroke.
        let (hay, needle) = (name.as_bytes(), lowercase_needle.as_bytes());
        needle.len() <= hay.len()
            && hay
                .windows(needle.len())
                .any(|w| w.eq_ignore_ascii_case(needle))
    } else {
        name.to_lowercase().contains(lowercase_needle)
    }
}

fn compare_names(a: &str, b: &str) -> Ordering {
    a.chars()
        .flat_map(char::to_lowercase)
        .cmp(b.chars().flat_map(char::to_lowercase))
}

fn compare(a: &JourneyVersion, b: &JourneyVersion, key: SortKey) -> Ordering {
    match key {
        SortKey::Name => compare_names(&a.name, &b.name),
        SortKey::Version => a.version.cmp(&b.version),
        SortKey::Status => a.phase().label().cmp(b.phase().label()),
        SortKey::Entered => a.stats.entered.cmp(&b.stats.entered),
        SortKey::InJourney => a.stats.active.cmp(&b.stats.active),
        SortKey::LastModified => a.updated_at.cmp(&b.updated_at),
        SortKey::ModifiedBy => compare_names(&a.updated_by, &b.updated_by),
    }
}
