//! The reference backend of Journey Console's HTTP contract (docs/contract/).
//!
//! It keeps every journey version in memory as a [`lifecycle::Catalog`], the working
//! copy, and writes each change through to SQLite before answering. The rules are
//! the lifecycle crate's and the roles the contract crate's: this server asks them
//! and never decides on its own which action is allowed. Customers move through the
//! live journeys by [`lifecycle::Simulation`], once a second, and pauses end and
//! scheduled finishes happen when they fall due ([`lifecycle::Catalog::run_due`]).
//!
//! [`serve`] starts it on a tokio runtime; the `journey-server` binary and the
//! contract tests both go through it.

mod access;
mod clock;
mod compression;
mod config;
mod cors;
mod entity_tag;
mod failure;
mod faults;
mod idempotency;
mod journeys;
mod page_cursor;
mod request_body;
mod routes;
mod server;
mod server_state;
mod simulation_ticker;
mod store;
mod token;

pub use config::{Config, Database, MAX_PAGE_LIMIT};
pub use server::{serve, RunningServer, StartError};
pub use store::StoreError;
pub use token::{Token, TokenError};
