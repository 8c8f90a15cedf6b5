use crate::{SortKey, StatusFilter};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SortDirection {
    Ascending,
    Descending,
}

impl SortDirection {
    pub fn query_value(self) -> &'static str {
        match self {
            SortDirection::Ascending => "asc",
            SortDirection::Descending => "desc",
        }
    }

    /// The value of the column header's `aria-sort`.
    pub fn aria_sort(self) -> &'static str {
        match self {
            SortDirection::Ascending => "ascending",
            SortDirection::Descending => "descending",
        }
    }
}

/// Search, filter and sort of the Home list, as kept in the URL query
/// (`?q=welcome&status=live&sort=entered&dir=desc`). Defaults are left out
/// of the URL; values that make no sense there are ignored, not fatal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListQuery {
    pub search: String,
    pub status: StatusFilter,
    pub sort: SortKey,
    pub direction: SortDirection,
}

impl Default for ListQuery {
    fn default() -> Self {
        ListQuery {
            search: String::new(),
            status: StatusFilter::All,
            sort: SortKey::LastModified,
            direction: SortDirection::Descending,
        }
    }
}

impl ListQuery {
    /// The URL query parameters the list reads and writes; any other belongs
    /// to the page (a host's, where the console is embedded) and is kept.
    pub const KEYS: [&'static str; 4] = ["q", "status", "sort", "dir"];

    /// Reads the query from URL query parameters (`get("q")`, …).
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> ListQuery {
        let default = ListQuery::default();
        let sort = get("sort")
            .and_then(|v| SortKey::from_query_value(&v))
            .unwrap_or(default.sort);
        let direction = match get("dir").as_deref() {
            Some("asc") => SortDirection::Ascending,
            Some("desc") => SortDirection::Descending,
            _ => natural_direction(sort),
        };
        ListQuery {
            search: get("q").unwrap_or_default(),
            status: get("status")
                .and_then(|v| StatusFilter::from_query_value(&v))
                .unwrap_or_default(),
            sort,
            direction,
        }
    }

    /// The URL query parameters for this query, defaults left out.
    pub fn to_query(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if !self.search.is_empty() {
            pairs.push(("q", self.search.clone()));
        }
        if self.status != StatusFilter::All {
            pairs.push(("status", self.status.query_value().to_owned()));
        }
        let default = ListQuery::default();
        if self.sort != default.sort || self.direction != default.direction {
            pairs.push(("sort", self.sort.query_value().to_owned()));
            pairs.push(("dir", self.direction.query_value().to_owned()));
        }
        pairs
    }

    /// Clicking a column header: the same column flips direction; another
    /// column starts in its natural direction.
    pub fn sorted_by(&self, key: SortKey) -> ListQuery {
        let direction = if self.sort == key {
            match self.direction {
                SortDirection::Ascending => SortDirection::Descending,
                SortDirection::Descending => SortDirection::Ascending,
            }
        } else {
            natural_direction(key)
        };
        ListQuery {
            sort: key,
            direction,
            ..self.clone()
        }
    }
}

fn natural_direction(key: SortKey) -> SortDirection {
    if key.natural_direction_is_descending() {
        SortDirection::Descending
    } else {
        SortDirection::Ascending
    }
}
