//! `journey-server`: the reference backend of Journey Console's HTTP contract.

use std::net::SocketAddr;
use std::process::ExitCode;

use clap::Parser;
use reference_server::{serve, Config, Database, Token, MAX_PAGE_LIMIT};

/// Serves journeys over Journey Console's HTTP contract (docs/contract/), kept in
/// SQLite, with customers entering and leaving live journeys as time passes.
#[derive(Debug, Parser)]
#[command(name = "journey-server", version)]
struct Cli {
    /// Address and port to listen on.
    #[arg(long, default_value = "127.0.0.1:8787", env = "JOURNEY_SERVER_LISTEN")]
    listen: SocketAddr,

    /// Path every endpoint is under; "/" for the root.
    #[arg(long, default_value = "/api", env = "JOURNEY_SERVER_BASE_PATH")]
    base_path: String,

    /// SQLite file, created with the demo journeys if new; ":memory:" keeps
    /// nothing after the server stops.
    #[arg(long, default_value = "journeys.sqlite", env = "JOURNEY_SERVER_DB")]
    db: String,

    /// A bearer token, as ROLE:TOKEN or ROLE:TOKEN:NAME, where ROLE is viewer,
    /// operator or admin and NAME is what changes are recorded under (default: the
    /// role). Repeat for more; the variable takes a comma-separated list. Without
    /// any, everyone is an admin named "Demo user".
    #[arg(
        long = "token",
        value_name = "ROLE:TOKEN[:NAME]",
        env = "JOURNEY_SERVER_TOKENS",
        value_delimiter = ',',
        hide_env_values = true
    )]
    tokens: Vec<Token>,

    /// An origin (https://console.example.com) whose pages may call the server.
    /// Repeat for more. Without any, responses carry no CORS headers.
    #[arg(
        long = "allow-origin",
        value_name = "ORIGIN",
        env = "JOURNEY_SERVER_ALLOWED_ORIGINS",
        value_delimiter = ','
    )]
    allowed_origins: Vec<String>,

    /// Opens POST {base}/_test/faults, POST {base}/_test/reset and POST
    /// {base}/_test/advance (moving the server's clock forward), for testing
    /// clients. Never in production.
    #[arg(long)]
    fault_injection: bool,

    /// Keeps customer counts still.
    #[arg(long)]
    no_simulation: bool,

    /// Seeds the demo journeys of a new database and the simulation.
    #[arg(long, default_value_t = 1)]
    seed: u64,

    /// Starts a new database with this many generated journey versions instead
    /// of the dozen demo journeys, for measuring a console with a large account.
    /// A database that already holds journeys keeps them.
    #[arg(long, value_name = "N", env = "JOURNEY_SERVER_DEMO_VERSIONS")]
    demo_versions: Option<usize>,

    /// The most versions a page of GET /journeys holds (1 to 500): a larger
    /// `limit` is served as this many, and clients follow `next`.
    #[arg(
        long,
        value_name = "N",
        default_value_t = MAX_PAGE_LIMIT,
        env = "JOURNEY_SERVER_PAGE_LIMIT",
        value_parser = page_limit
    )]
    page_limit: usize,

    /// Behaves like a server from before pausing and scheduled finishes: /me
    /// lists no features and their endpoints answer 404 as unknown ones do.
    #[arg(long)]
    without_features: bool,
}

fn page_limit(text: &str) -> Result<usize, String> {
    text.parse()
        .ok()
        .filter(|limit| (1..=MAX_PAGE_LIMIT).contains(limit))
        .ok_or_else(|| format!("must be a whole number from 1 to {MAX_PAGE_LIMIT}"))
}

impl Cli {
    fn config(self) -> Config {
        Config {
            listen: self.listen,
            base_path: self.base_path,
            database: Database::from_arg(&self.db),
            tokens: self.tokens,
            allowed_origins: self.allowed_origins,
            fault_injection: self.fault_injection,
            simulation: !self.no_simulation,
            seed: self.seed,
            demo_versions: self.demo_versions,
            page_limit: self.page_limit,
            without_features: self.without_features,
        }
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let config = Cli::parse().config();
    let open = config.tokens.is_empty();
    let fault_injection = config.fault_injection;
    let without_features = config.without_features;
    let server = match serve(config).await {
        Ok(server) => server,
        Err(error) => {
            eprintln!("journey-server: {error}");
            return ExitCode::FAILURE;
        }
    };
    println!("Journey server listening on {}", server.api_base());
    if open {
        println!("No --token given: every request acts as an admin named \"Demo user\".");
    }
    if fault_injection {
        println!(
            "Fault injection is on: {0}/_test/faults, {0}/_test/reset and {0}/_test/advance \
             are open.",
            server.api_base()
        );
    }
    if without_features {
        println!("Without features: pausing and scheduled finishes are not offered.");
    }
    shutdown_signal().await;
    println!("Shutting down.");
    match server.shutdown().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("journey-server: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Ctrl-C, or SIGTERM as a service manager or container runtime sends it.
async fn shutdown_signal() {
    let interrupt = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            eprintln!("journey-server: cannot listen for Ctrl-C: {error}");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut terminate) => {
                terminate.recv().await;
            }
            Err(error) => {
                eprintln!("journey-server: cannot listen for SIGTERM: {error}");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}

#[cfg(test)]
mod tests {
    use contract::Role;

    use super::*;

    #[test]
    fn options_make_the_config() {
        let config = Cli::try_parse_from([
            "journey-server",
            "--token",
            "operator:def:Ana Ruiz",
            "--token",
            "admin:ghi",
            "--allow-origin",
            "http://127.0.0.1:8080",
            "--db",
            ":memory:",
            "--fault-injection",
        ])
        .unwrap()
        .config();
        assert_eq!(
            config.tokens,
            [
                Token::named(Role::Operator, "def", "Ana Ruiz"),
                Token::named(Role::Admin, "ghi", "Admin"),
            ]
        );
        assert_eq!(config.database, Database::Memory);
        assert_eq!(config.allowed_origins, ["http://127.0.0.1:8080"]);
        assert!(config.fault_injection);
        assert_eq!(config.listen.to_string(), "127.0.0.1:8787");
        assert_eq!(config.base_path, "/api");
        assert!(!config.without_features, "pause and schedule are offered");
    }

    #[test]
    fn without_features_acts_as_an_older_server() {
        let config = Cli::try_parse_from(["journey-server", "--without-features"])
            .unwrap()
            .config();
        assert!(config.without_features);
    }

    #[test]
    fn a_large_demo_and_small_pages() {
        let config = Cli::try_parse_from([
            "journey-server",
            "--demo-versions",
            "20000",
            "--page-limit",
            "100",
        ])
        .unwrap()
        .config();
        assert_eq!(config.demo_versions, Some(20_000));
        assert_eq!(config.page_limit, 100);

        let config = Cli::try_parse_from(["journey-server"]).unwrap().config();
        assert_eq!(config.demo_versions, None, "the dozen demo journeys");
        assert_eq!(config.page_limit, 500);

        for limit in ["0", "501", "ten"] {
            let error = Cli::try_parse_from(["journey-server", "--page-limit", limit]).unwrap_err();
            assert!(error.to_string().contains("from 1 to 500"), "{error}");
        }
    }

    #[test]
    fn a_token_with_an_unknown_role_is_refused() {
        let error = Cli::try_parse_from(["journey-server", "--token", "owner:x"]).unwrap_err();
        assert!(error.to_string().contains("unknown role"), "{error}");
    }
}
