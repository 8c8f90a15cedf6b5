//! Home's column headers and status filter, as phrases of the catalog.

use journey_list::{SortKey, StatusFilter};

use crate::Phrase;

/// A column's header, which also sorts by it.
pub fn sort_label(key: SortKey) -> Phrase {
    Phrase::new(match key {
        SortKey::Name => "column-name",
        SortKey::Version => "column-version",
        SortKey::Status => "column-status",
        SortKey::Entered => "column-entered",
        SortKey::InJourney => "column-in-journey",
        SortKey::LastModified => "column-last-modified",
        SortKey::ModifiedBy => "column-modified-by",
    })
}

/// A choice of the status filter.
pub fn filter_label(filter: StatusFilter) -> Phrase {
    Phrase::new(match filter {
        StatusFilter::All => "filter-all",
        StatusFilter::Draft => "filter-draft",
        StatusFilter::Live => "filter-live",
        StatusFilter::Paused => "filter-paused",
        StatusFilter::Finishing => "filter-finishing",
        StatusFilter::Finished => "filter-finished",
        StatusFilter::Stopped => "filter-stopped",
    })
}
