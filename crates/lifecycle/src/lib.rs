//! The life of a journey version, from draft to live (perhaps paused for a while)
//! to finished or stopped.
//!
//! - [`Catalog`] holds every journey version and its history, answers "which actions
//!   are available on this version, and why not the others" ([`Catalog::availability`])
//!   and carries actions out ([`Catalog::apply`]). The rules themselves live in one
//!   function, in `rules.rs`.
//! - [`Simulation`] moves customers through the journeys of a catalog, for a demo
//!   backend that runs in the browser.
//! - [`DrainForecast`] estimates when the last customer leaves a finishing journey.
//! - [`demo`] builds catalogs to start from.
//! - [`rfc3339`] reads the times of its types from JSON with chrono's strict RFC 3339
//!   parser.
//!
//! Plain Rust with no web types and no clock: every time is passed in by the caller,
//! so the crate runs the same natively and in wasm.
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use lifecycle::{Action, Catalog, Command, JourneyVersion, Phase, Reason};
//!
//! let monday = Utc.with_ymd_and_hms(2025, 3, 3, 9, 0, 0).unwrap();
//! let mut catalog = Catalog::new([JourneyVersion::draft(
//!     "welcome-v1", "welcome", "Welcome series", 1, "Priya Nair", monday,
//! )]);
//! catalog.apply("welcome-v1", Command::Publish, "Priya Nair", monday)?;
//!
//! let menu = catalog.availability("welcome-v1").unwrap();
//! assert!(menu.allowed(Action::Finish));
//! assert_eq!(menu.refusal(Action::Resume).unwrap().reason, Reason::Status);
//!
//! let applied = catalog.apply("welcome-v1", Command::Finish, "Jonas Becker", monday)?;
//! assert_eq!(applied.version().unwrap().phase(), Phase::Finished);
//! # Ok::<(), lifecycle::ActionError>(())
//! ```

mod action;
mod action_error;
mod applied;
mod availability;
mod catalog;
mod cause_fields;
mod command;
pub mod demo;
mod drain_forecast;
mod history_cause;
mod history_entry;
mod journey_version;
mod pause;
mod phase;
mod refusal;
pub mod rfc3339;
mod rules;
mod scheduled_finish;
mod simulation;
mod stats;
mod status;

pub use action::Action;
pub use action_error::ActionError;
pub use applied::{Applied, Outcome};
pub use availability::{Availabilities, Availability};
pub use catalog::Catalog;
pub use command::Command;
pub use drain_forecast::{CountSamples, DrainForecast, FINISHING_TIMEOUT};
pub use history_cause::HistoryCause;
pub use history_entry::HistoryEntry;
pub use journey_version::{JourneyVersion, PauseAgainstFinish};
pub use pause::{Pause, PauseCustomers, PauseEnd};
pub use phase::Phase;
pub use refusal::{Reason, Refusal};
pub use scheduled_finish::ScheduledFinish;
pub use simulation::{Simulation, SimulationSettings};
pub use stats::Stats;
pub use status::Status;
