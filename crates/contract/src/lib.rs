//! The HTTP contract between Journey Console and a backend: the JSON bodies
//! beyond the journey version itself (which is `lifecycle::JourneyVersion`).
//! Documented for integrators in docs/contract/.

mod error_body;
mod headers;
mod me;
mod pages;
mod role;
mod stop_body;

pub use error_body::{ApiError, ErrorBody, ErrorCode};
pub use headers::{etag_of_revision, revision_of_if_match, IDEMPOTENCY_KEY, IF_MATCH};
pub use me::Me;
pub use pages::{HistoryPage, JourneyPage, LARGEST_PAGE};
pub use role::Role;
pub use stop_body::StopBody;
