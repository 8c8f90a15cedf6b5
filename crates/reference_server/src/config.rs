use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;

use crate::Token;

/// The largest `limit` a client may ask of `GET /journeys` (the contract's
/// maximum), and so the largest [`Config::page_limit`].
pub const MAX_PAGE_LIMIT: usize = 500;

/// How to run the server; [`Config::default`] is what `journey-server` does with no
/// options.
#[derive(Clone, Debug)]
pub struct Config {
    /// Where to listen; port 0 picks a free port ([`crate::RunningServer::addr`]
    /// tells which).
    pub listen: SocketAddr,
    /// The path every endpoint is under, such as `/api`; empty or `/` for the root.
    pub base_path: String,
    pub database: Database,
    /// Who may call. With none, nobody needs a token and everyone acts as an admin
    /// named "Demo user".
    pub tokens: Vec<Token>,
    /// Origins (`https://console.example.com`) whose pages may call the server from
    /// a browser. With none, responses carry no CORS headers.
    pub allowed_origins: Vec<String>,
    /// Opens `/_test/faults`, `/_test/reset` and `/_test/advance`, for tests of
    /// clients that must survive a failing server or see time pass. Never on in
    /// production.
    pub fault_injection: bool,
    /// Whether customers enter and leave live journeys as time passes.
    pub simulation: bool,
    /// Seeds the demo journeys of an empty database and the simulation.
    pub seed: u64,
    /// What a new database starts with: `None` for the dozen demo journeys, or
    /// this many generated versions (`lifecycle::demo::large_catalog`), for
    /// measuring a console against a large account. A database that already
    /// holds journeys keeps them.
    pub demo_versions: Option<usize>,
    /// The most versions one page of `GET /journeys` holds, from 1 to
    /// [`MAX_PAGE_LIMIT`]: a larger `limit` is served as this many, and clients
    /// follow `next` for the rest. Lower it to try a client against a server
    /// with small pages.
    pub page_limit: usize,
    /// Behaves like a server from before pausing and scheduled finishes: `GET
    /// /me` lists no features, and their endpoints answer as unknown ones do
    /// (`404 not_found`), so a console can be tried against an older backend.
    pub without_features: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            listen: SocketAddr::from((Ipv4Addr::LOCALHOST, 8787)),
            base_path: "/api".into(),
            database: Database::File("journeys.sqlite".into()),
            tokens: Vec::new(),
            allowed_origins: Vec::new(),
            fault_injection: false,
            simulation: true,
            seed: 1,
            demo_versions: None,
            page_limit: MAX_PAGE_LIMIT,
            without_features: false,
        }
    }
}

/// Where the journeys are kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Database {
    File(PathBuf),
    /// Gone when the server stops: for demos and tests.
    Memory,
}

impl Database {
    /// A path, or `:memory:` as SQLite spells an in-memory database.
    pub fn from_arg(arg: &str) -> Self {
        if arg == ":memory:" {
            Database::Memory
        } else {
            Database::File(arg.into())
        }
    }
}
