//! Talking to a backend and keeping what the views read in step with it.
//! No view code lives here.

mod backend;
mod bulk_actions;
mod early_first_page;
mod embedded_backend;
mod http_backend;
mod journeys;
mod leaving;
mod tab_turns;

pub use backend::Backend;
pub use bulk_actions::{use_bulk_actions, BulkActions};
pub use early_first_page::EarlyFirstPage;
pub use embedded_backend::EmbeddedBackend;
pub use http_backend::{HttpBackend, TokenCell};
pub use journeys::{use_journeys, ActionFailure, Journeys};
