//! What the Home list shows: which journey versions match the search and the
//! status filter, in which order. Kept apart from the view so it is tested
//! natively, and kept in the URL query so a reload shows the same list.

mod list_query;
mod row_under_pointer;
mod row_window;
mod selection;
mod sort_key;
mod status_filter;
mod version_selection;

pub use list_query::{ListQuery, SortDirection};
pub use row_under_pointer::{RowClick, RowUnderPointer, READING_MS};
pub use row_window::{scroll_to_show, RowWindow};
pub use selection::SortedList;
pub use sort_key::SortKey;
pub use status_filter::StatusFilter;
pub use version_selection::{hidden_among, hidden_of, AllShown, VersionSelection};
