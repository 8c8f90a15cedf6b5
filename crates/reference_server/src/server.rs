use std::collections::HashSet;
use std::fmt;
use std::io;
use std::net::SocketAddr;
use std::time::Duration;

use axum::http::HeaderValue;
use chrono::Utc;
use contract::Feature;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::access::Access;
use crate::journeys::{DemoStart, Journeys};
use crate::routes::{self, Routing};
use crate::server_state::ServerState;
use crate::store::{Store, StoreError};
use crate::{simulation_ticker, Config, MAX_PAGE_LIMIT};

/// How long shutting down waits for requests in flight before closing anyway.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);

/// Opens the database (seeding an empty one with the demo journeys), starts
/// listening and returns once requests are being answered. Needs a tokio runtime.
pub async fn serve(config: Config) -> Result<RunningServer, StartError> {
    let base_path = base_path(&config.base_path)?;
    let origins = origins(&config.allowed_origins)?;
    if !(1..=MAX_PAGE_LIMIT).contains(&config.page_limit) {
        return Err(StartError::PageLimit(config.page_limit));
    }
    let mut secrets = HashSet::new();
    if let Some(token) = config
        .tokens
        .iter()
        .find(|token| !secrets.insert(token.secret.as_str()))
    {
        return Err(StartError::DuplicateToken {
            name: token.name.clone(),
        });
    }

    let database = config.database.clone();
    let demo = DemoStart {
        seed: config.seed,
        versions: config.demo_versions,
    };
    let simulation = config.simulation;
    // Opening reads the whole database: blocking work.
    let journeys = tokio::task::spawn_blocking(move || {
        Journeys::open(Store::open(&database)?, demo, simulation, Utc::now())
    })
    .await
    .map_err(|error| StartError::Store(StoreError::Corrupt(error.to_string())))?
    .map_err(StartError::Store)?;

    let listener = TcpListener::bind(config.listen)
        .await
        .map_err(|source| StartError::Listen {
            addr: config.listen,
            source,
        })?;
    let addr = listener.local_addr().map_err(|source| StartError::Listen {
        addr: config.listen,
        source,
    })?;

    let features = if config.without_features {
        Vec::new()
    } else {
        vec![Feature::Pause, Feature::ScheduledFinish]
    };
    let state = ServerState::new(
        journeys,
        Access::new(&config.tokens),
        config.page_limit,
        features,
    );
    let app = routes::router(
        state.clone(),
        Routing {
            base_path: base_path.clone(),
            fault_injection: config.fault_injection,
            features: !config.without_features,
            allowed_origins: origins,
        },
    );
    let (stop_serving, mut serving_stopped) = watch::channel(false);
    let serving = tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(async move {
                // An error means the sender is gone, which is a stop too.
                let _ = serving_stopped.wait_for(|stopped| *stopped).await;
            })
            .await
    });
    let (stop_ticking, ticking_stopped) = watch::channel(false);
    let ticking = tokio::spawn(simulation_ticker::run(state, ticking_stopped));
    Ok(RunningServer {
        addr,
        base_path,
        stop_serving,
        serving,
        stop_ticking,
        ticking,
    })
}

/// A server answering requests until [`RunningServer::shutdown`].
pub struct RunningServer {
    addr: SocketAddr,
    base_path: String,
    stop_serving: watch::Sender<bool>,
    serving: JoinHandle<io::Result<()>>,
    stop_ticking: watch::Sender<bool>,
    ticking: JoinHandle<()>,
}

impl RunningServer {
    /// The address it listens on, with the port chosen when asked for port 0.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:8787/api`: what a client puts in front of `/journeys`.
    pub fn api_base(&self) -> String {
        format!("http://{}{}", self.addr, self.base_path)
    }

    /// Stops taking connections, lets requests in flight finish (for a few seconds
    /// at most), then saves the customer counts.
    pub async fn shutdown(mut self) -> io::Result<()> {
        self.stop_serving.send_replace(true);
        let served = match tokio::time::timeout(SHUTDOWN_GRACE, &mut self.serving).await {
            Ok(joined) => joined.map_err(io::Error::other).and_then(|served| served),
            Err(_) => {
                self.serving.abort();
                Ok(())
            }
        };
        self.stop_ticking.send_replace(true);
        self.ticking.await.map_err(io::Error::other)?;
        served
    }
}

/// `/api` from `/api`, `api` or `/api/`; empty for the root.
fn base_path(path: &str) -> Result<String, StartError> {
    let trimmed = path.trim().trim_matches('/');
    let valid = trimmed
        .split('/')
        .all(|segment| !segment.is_empty() && !segment.contains(['{', '}', '?', '#', ' ']));
    if trimmed.is_empty() {
        Ok(String::new())
    } else if valid {
        Ok(format!("/{trimmed}"))
    } else {
        Err(StartError::BasePath(path.to_owned()))
    }
}

/// Origins as a browser sends them: scheme, host and port, no path.
fn origins(origins: &[String]) -> Result<Vec<HeaderValue>, StartError> {
    origins
        .iter()
        .map(|origin| {
            let trimmed = origin.trim().trim_end_matches('/');
            let host = trimmed
                .strip_prefix("http://")
                .or_else(|| trimmed.strip_prefix("https://"));
            match host {
                Some(host) if !host.is_empty() && !host.contains('/') => {
                    HeaderValue::from_str(trimmed).map_err(|_| StartError::Origin(origin.clone()))
                }
                _ => Err(StartError::Origin(origin.clone())),
            }
        })
        .collect()
}

/// Why the server did not start.
#[derive(Debug)]
pub enum StartError {
    BasePath(String),
    Origin(String),
    /// A page limit outside 1 to [`MAX_PAGE_LIMIT`].
    PageLimit(usize),
    DuplicateToken {
        name: String,
    },
    Store(StoreError),
    Listen {
        addr: SocketAddr,
        source: io::Error,
    },
}

impl fmt::Display for StartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StartError::BasePath(path) => {
                write!(f, "the base path \"{path}\" is not a path such as /api")
            }
            StartError::Origin(origin) => write!(
                f,
                "the origin \"{origin}\" is not one a browser sends: write it as \
                 https://host or http://host:port, with no path"
            ),
            StartError::PageLimit(limit) => write!(
                f,
                "the page limit {limit} is not from 1 to {MAX_PAGE_LIMIT}"
            ),
            StartError::DuplicateToken { name } => write!(
                f,
                "the token of {name} is given twice; every token must be different"
            ),
            StartError::Store(error) => error.fmt(f),
            StartError::Listen { addr, source } => write!(f, "cannot listen on {addr}: {source}"),
        }
    }
}

impl std::error::Error for StartError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StartError::Store(error) => Some(error),
            StartError::Listen { source, .. } => Some(source),
            StartError::BasePath(_)
            | StartError::Origin(_)
            | StartError::PageLimit(_)
            | StartError::DuplicateToken { .. } => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_paths_are_normalised() {
        assert_eq!(base_path("/api").unwrap(), "/api");
        assert_eq!(base_path("api/v1/").unwrap(), "/api/v1");
        assert_eq!(base_path("/").unwrap(), "");
        assert_eq!(base_path("").unwrap(), "");
        assert!(base_path("/api//v1").is_err());
        assert!(base_path("/{id}").is_err());
    }

    #[test]
    fn origins_are_scheme_host_and_port() {
        let parsed = origins(&[
            "http://127.0.0.1:8080/".into(),
            "https://console.example".into(),
        ])
        .unwrap();
        assert_eq!(parsed[0], "http://127.0.0.1:8080");
        assert_eq!(parsed[1], "https://console.example");
        assert!(origins(&["console.example".into()]).is_err());
        assert!(origins(&["https://console.example/app".into()]).is_err());
        assert!(origins(&["*".into()]).is_err());
    }
}
