//! Journey Console's HTTP contract (docs/contract/), checked over real HTTP.
//!
//! Against a server started in this process by default, or any backend given by
//! `CONTRACT_API_BASE` (see harness.rs).

mod harness;

mod access;
mod changes;
mod compression;
mod cors;
mod errors;
mod faults;
mod idempotency;
mod listing;
mod methods;
mod pause_and_schedule;
mod persistence;
mod preconditions;
mod reading;
mod refusals;
