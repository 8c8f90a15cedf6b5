//! The HTTP contract between Journey Console and a backend: the JSON bodies
//! beyond the journey version itself (which is `lifecycle::JourneyVersion`).
//! Documented for integrators in docs/contract/.

mod error_body;
mod feature;
mod headers;
mod me;
mod pages;
mod pause_body;
mod role;
mod scheduled_finish_body;
mod stop_body;

pub use error_body::{ApiError, ErrorBody, ErrorCode};
pub use feature::Feature;
pub use headers::{etag_of_revision, revision_of_if_match, IDEMPOTENCY_KEY, IF_MATCH};
pub use me::Me;
pub use pages::{HistoryPage, JourneyPage, LARGEST_PAGE};
pub use pause_body::PauseBody;
pub use role::Role;
pub use scheduled_finish_body::ScheduledFinishBody;
pub use stop_body::StopBody;
