//! The SQLite database behind the working copy: every journey version with its
//! history, the simulation, and the responses remembered under idempotency keys.
//!
//! Versions and history are kept as the contract's JSON, one row per version, so
//! the database reads like the API and needs no migration when a field is added
//! to `JourneyVersion` with a default.

use std::fmt;
use std::time::Duration;

use chrono::{DateTime, Utc};
use lifecycle::{Action, Catalog, HistoryEntry, JourneyVersion, Simulation};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::idempotency::{RecordedResponse, Remembered};
use crate::Database;

/// The layout this server reads and writes, kept in the `schema_version` table.
///
/// 2: versions may be `paused` and carry `pause` and `scheduledFinish`, and
/// history entries carry the causes of pauses and schedules. The JSON columns
/// hold them as they are, so a version 1 database is read unchanged.
///
/// 3: the simulation row keeps how far test support moved the server's clock
/// ahead of the wall clock (`clock_ahead_ms`), so that a restart carries on
/// from the time the server had reached. An earlier database gets the column,
/// at 0 ([`migrate`]); the number tells a server from before that it cannot
/// read what this one writes.
const SCHEMA_VERSION: i64 = 3;

const SCHEMA: &str = "
    CREATE TABLE schema_version (version INTEGER NOT NULL);
    CREATE TABLE journey_versions (
        id TEXT PRIMARY KEY,
        version TEXT NOT NULL,
        history TEXT NOT NULL
    );
    CREATE TABLE simulation (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        state TEXT NOT NULL,
        advanced_to_ms INTEGER NOT NULL,
        clock_ahead_ms INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE idempotency (
        key TEXT PRIMARY KEY,
        action TEXT NOT NULL,
        version_id TEXT NOT NULL,
        status INTEGER NOT NULL,
        body TEXT NOT NULL,
        at_ms INTEGER NOT NULL
    );
    CREATE INDEX idempotency_by_age ON idempotency (at_ms);
";

pub(crate) struct Store {
    connection: Connection,
}

/// Everything needed to carry on where the server stopped.
pub(crate) struct Saved {
    pub(crate) catalog: Catalog,
    pub(crate) simulation: Simulation,
    /// The time up to which the simulation had moved the counts.
    pub(crate) advanced_to: DateTime<Utc>,
    /// How far the server's clock was ahead of the wall clock
    /// (`crate::clock`): zero unless test support moved it.
    pub(crate) clock_ahead: chrono::Duration,
}

/// One version touched by a change: as it is now, or `None` once deleted.
pub(crate) struct ChangedVersion<'a> {
    pub(crate) id: &'a str,
    pub(crate) now: Option<(&'a JourneyVersion, &'a [HistoryEntry])>,
}

impl Store {
    /// Opens the database, creating the tables in an empty one, and refuses one
    /// laid out by another program or another version of this server.
    pub(crate) fn open(database: &Database) -> Result<Store, StoreError> {
        let connection = match database {
            Database::File(path) => Connection::open(path),
            Database::Memory => Connection::open_in_memory(),
        }
        .map_err(|source| StoreError::Open {
            path: describe(database),
            source,
        })?;
        connection.busy_timeout(Duration::from_secs(5))?;
        if let Database::File(_) = database {
            // Readers never wait for a writer, and a commit is one append.
            connection.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))?;
        }
        let mut store = Store { connection };
        store.check_schema(database)?;
        Ok(store)
    }

    fn check_schema(&mut self, database: &Database) -> Result<(), StoreError> {
        let has_version_table: bool = self.connection.query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_master
                            WHERE type = 'table' AND name = 'schema_version')",
            [],
            |row| row.get(0),
        )?;
        if has_version_table {
            let found: Option<i64> = self.connection.query_row(
                "SELECT max(version) FROM schema_version",
                [],
                |row| row.get(0),
            )?;
            return match found {
                Some(SCHEMA_VERSION) => Ok(()),
                Some(older @ 1..SCHEMA_VERSION) => migrate(&mut self.connection, older),
                found => Err(StoreError::UnknownSchema {
                    path: describe(database),
                    found,
                }),
            };
        }
        let tables: i64 = self.connection.query_row(
            "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'",
            [],
            |row| row.get(0),
        )?;
        if tables > 0 {
            return Err(StoreError::NotOurs {
                path: describe(database),
            });
        }
        let transaction = self.connection.transaction()?;
        transaction.execute_batch(SCHEMA)?;
        transaction.execute(
            "INSERT INTO schema_version (version) VALUES (?1)",
            [SCHEMA_VERSION],
        )?;
        transaction.commit()?;
        Ok(())
    }

    /// What was saved; `None` for a new database.
    pub(crate) fn load(&self) -> Result<Option<Saved>, StoreError> {
        let simulation: Option<(String, i64, i64)> = self
            .connection
            .query_row(
                "SELECT state, advanced_to_ms, clock_ahead_ms FROM simulation WHERE id = 1",
                [],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )
            .optional()?;
        // The simulation row is written together with the first versions, so
        // without it nothing was ever saved.
        let Some((state, advanced_to_ms, clock_ahead_ms)) = simulation else {
            return Ok(None);
        };
        let mut statement = self
            .connection
            .prepare("SELECT version, history FROM journey_versions")?;
        let rows = statement.query_map([], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
        })?;
        let mut versions = Vec::new();
        let mut histories = Vec::new();
        for row in rows {
            let (version, history) = row?;
            let version: JourneyVersion = serde_json::from_str(&version)?;
            let history: Vec<HistoryEntry> = serde_json::from_str(&history)?;
            // A version without history has no entry in a catalog, so that it reads
            // back equal to what was saved.
            if !history.is_empty() {
                histories.push((version.id.clone(), history));
            }
            versions.push(version);
        }
        let mut catalog = Catalog::new(versions);
        for (id, history) in histories {
            catalog.set_history(&id, history);
        }
        Ok(Some(Saved {
            catalog,
            simulation: serde_json::from_str(&state)?,
            advanced_to: from_millis(advanced_to_ms)?,
            clock_ahead: chrono::Duration::try_milliseconds(clock_ahead_ms)
                .filter(|ahead| *ahead >= chrono::Duration::zero())
                .ok_or(StoreError::Corrupt(format!(
                    "the clock is {clock_ahead_ms} ms ahead"
                )))?,
        }))
    }

    /// Replaces everything with a new start, forgetting every idempotency key,
    /// with the clock back to the wall clock.
    pub(crate) fn replace_all(
        &mut self,
        catalog: &Catalog,
        simulation: &Simulation,
        advanced_to: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let transaction = self.connection.transaction()?;
        transaction.execute("DELETE FROM journey_versions", [])?;
        transaction.execute("DELETE FROM idempotency", [])?;
        for version in catalog.versions() {
            transaction.execute(
                "INSERT INTO journey_versions (id, version, history) VALUES (?1, ?2, ?3)",
                params![
                    version.id,
                    serde_json::to_string(version)?,
                    serde_json::to_string(catalog.history(&version.id))?
                ],
            )?;
        }
        save_simulation(&transaction, simulation, advanced_to)?;
        transaction.execute("UPDATE simulation SET clock_ahead_ms = 0 WHERE id = 1", [])?;
        transaction.commit()?;
        Ok(())
    }

    /// Saves how far the server's clock is ahead of the wall clock, for a
    /// restart to carry on from.
    pub(crate) fn save_clock(&mut self, ahead: chrono::Duration) -> Result<(), StoreError> {
        let saved = self.connection.execute(
            "UPDATE simulation SET clock_ahead_ms = ?1 WHERE id = 1",
            [ahead.num_milliseconds()],
        )?;
        if saved != 1 {
            return Err(StoreError::Corrupt(
                "no simulation row to keep the clock in".into(),
            ));
        }
        Ok(())
    }

    /// Saves one change and the response to remember under its idempotency key,
    /// both or neither.
    pub(crate) fn save_change(
        &mut self,
        changed: &[ChangedVersion<'_>],
        remembered: &Remembered,
    ) -> Result<(), StoreError> {
        let transaction = self.connection.transaction()?;
        write_versions(&transaction, changed)?;
        // A row for the key can only be an expired one not yet forgotten.
        transaction.execute(
            "INSERT INTO idempotency (key, action, version_id, status, body, at_ms)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (key) DO UPDATE SET
                 action = ?2, version_id = ?3, status = ?4, body = ?5, at_ms = ?6",
            params![
                remembered.key,
                serde_json::to_string(&remembered.action)?,
                remembered.version_id,
                remembered.response.status,
                remembered.response.body,
                remembered.at.timestamp_millis()
            ],
        )?;
        transaction.commit()?;
        Ok(())
    }

    /// Saves the changes the server made by itself (pause ends, scheduled
    /// finishes), all or none; no idempotency key is involved.
    pub(crate) fn save_due(&mut self, changed: &[ChangedVersion<'_>]) -> Result<(), StoreError> {
        let transaction = self.connection.transaction()?;
        write_versions(&transaction, changed)?;
        transaction.commit()?;
        Ok(())
    }

    /// Saves the customer counts of every version of `moved` (none when no
    /// count moved) with the simulation that moved them, and forgets
    /// idempotency keys older than `forget_before`.
    pub(crate) fn save_counts(
        &mut self,
        moved: Option<&Catalog>,
        simulation: &Simulation,
        advanced_to: DateTime<Utc>,
        forget_before: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let transaction = self.connection.transaction()?;
        if let Some(catalog) = moved {
            let mut update =
                transaction.prepare("UPDATE journey_versions SET version = ?2 WHERE id = ?1")?;
            for version in catalog.versions() {
                update.execute(params![version.id, serde_json::to_string(version)?])?;
            }
        }
        save_simulation(&transaction, simulation, advanced_to)?;
        transaction.execute(
            "DELETE FROM idempotency WHERE at_ms < ?1",
            [forget_before.timestamp_millis()],
        )?;
        transaction.commit()?;
        Ok(())
    }

    /// The response remembered under `key`, unless it is older than `since`.
    pub(crate) fn remembered(
        &self,
        key: &str,
        since: DateTime<Utc>,
    ) -> Result<Option<Remembered>, StoreError> {
        let row: Option<(String, String, u16, String, i64)> = self
            .connection
            .query_row(
                "SELECT action, version_id, status, body, at_ms FROM idempotency
                 WHERE key = ?1 AND at_ms >= ?2",
                params![key, since.timestamp_millis()],
                |row| {
                    Ok((
                        row.get(0)?,
                        row.get(1)?,
                        row.get(2)?,
                        row.get(3)?,
                        row.get(4)?,
                    ))
                },
            )
            .optional()?;
        let Some((action, version_id, status, body, at_ms)) = row else {
            return Ok(None);
        };
        Ok(Some(Remembered {
            key: key.to_owned(),
            action: serde_json::from_str::<Action>(&action)?,
            version_id,
            response: RecordedResponse { status, body },
            at: from_millis(at_ms)?,
        }))
    }
}

#[cfg(test)]
impl Store {
    /// Runs SQL behind the store's back, to make it fail.
    pub(crate) fn tamper(&self, sql: &str) {
        self.connection.execute_batch(sql).unwrap();
    }
}

/// Brings a database of an earlier schema version `from` up to
/// [`SCHEMA_VERSION`], in one transaction.
fn migrate(connection: &mut Connection, from: i64) -> Result<(), StoreError> {
    let transaction = connection.transaction()?;
    // 1 to 2 changes what the JSON columns may hold, not the tables; 2 to 3
    // adds the clock's offset, at 0 (the wall clock, as the server from before
    // started with).
    debug_assert!((1..=2).contains(&from), "the earlier versions");
    transaction.execute(
        "ALTER TABLE simulation ADD COLUMN clock_ahead_ms INTEGER NOT NULL DEFAULT 0",
        [],
    )?;
    transaction.execute("UPDATE schema_version SET version = ?1", [SCHEMA_VERSION])?;
    transaction.commit()?;
    Ok(())
}

fn write_versions(
    transaction: &Transaction<'_>,
    changed: &[ChangedVersion<'_>],
) -> Result<(), StoreError> {
    for version in changed {
        match version.now {
            Some((now, history)) => transaction.execute(
                "INSERT INTO journey_versions (id, version, history) VALUES (?1, ?2, ?3)
                 ON CONFLICT (id) DO UPDATE SET version = ?2, history = ?3",
                params![
                    version.id,
                    serde_json::to_string(now)?,
                    serde_json::to_string(history)?
                ],
            )?,
            None => {
                transaction.execute("DELETE FROM journey_versions WHERE id = ?1", [version.id])?
            }
        };
    }
    Ok(())
}

fn save_simulation(
    transaction: &Transaction<'_>,
    simulation: &Simulation,
    advanced_to: DateTime<Utc>,
) -> Result<(), StoreError> {
    transaction.execute(
        "INSERT INTO simulation (id, state, advanced_to_ms) VALUES (1, ?1, ?2)
         ON CONFLICT (id) DO UPDATE SET state = ?1, advanced_to_ms = ?2",
        params![
            serde_json::to_string(simulation)?,
            advanced_to.timestamp_millis()
        ],
    )?;
    Ok(())
}

fn from_millis(millis: i64) -> Result<DateTime<Utc>, StoreError> {
    DateTime::from_timestamp_millis(millis).ok_or(StoreError::Corrupt(format!(
        "the time {millis} ms is out of range"
    )))
}

fn describe(database: &Database) -> String {
    match database {
        Database::File(path) => path.display().to_string(),
        Database::Memory => ":memory:".into(),
    }
}

/// Why the database could not be opened, read or written.
#[derive(Debug)]
pub enum StoreError {
    Open {
        path: String,
        source: rusqlite::Error,
    },
    /// The database was laid out by another version of this server.
    UnknownSchema {
        path: String,
        found: Option<i64>,
    },
    /// The database holds tables of some other program.
    NotOurs {
        path: String,
    },
    Sqlite(rusqlite::Error),
    Corrupt(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Open { path, source } => {
                write!(f, "cannot open the database {path}: {source}")
            }
            StoreError::UnknownSchema { path, found } => {
                let found = found.map_or("an unnumbered schema".into(), |v| {
                    format!("schema version {v}")
                });
                write!(
                    f,
                    "the database {path} has {found}, but this server reads schema \
                     versions 1 to {SCHEMA_VERSION}; run the server version that wrote it, \
                     or start with another --db file"
                )
            }
            StoreError::NotOurs { path } => write!(
                f,
                "the database {path} holds tables of another program; \
                 start with an empty or new --db file"
            ),
            StoreError::Sqlite(source) => write!(f, "database error: {source}"),
            StoreError::Corrupt(what) => write!(f, "the database holds bad data: {what}"),
        }
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StoreError::Open { source, .. } | StoreError::Sqlite(source) => Some(source),
            StoreError::UnknownSchema { .. } | StoreError::NotOurs { .. } => None,
            StoreError::Corrupt(_) => None,
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(source: rusqlite::Error) -> Self {
        StoreError::Sqlite(source)
    }
}

impl From<serde_json::Error> for StoreError {
    fn from(source: serde_json::Error) -> Self {
        StoreError::Corrupt(source.to_string())
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};
    use lifecycle::{demo, Command, SimulationSettings};

    use super::*;

    fn temporary_file(dir: &tempfile::TempDir) -> Database {
        Database::File(dir.path().join("journeys.sqlite"))
    }

    fn monday() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 3, 3, 9, 0, 0).unwrap()
    }

    fn remembered(key: &str, at: DateTime<Utc>) -> Remembered {
        Remembered {
            key: key.into(),
            action: Action::Finish,
            version_id: "welcome-series-v2".into(),
            response: RecordedResponse {
                status: 200,
                body: "{}".into(),
            },
            at,
        }
    }

    #[test]
    fn a_new_database_has_nothing_saved_and_a_saved_one_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let database = temporary_file(&dir);
        let mut store = Store::open(&database).unwrap();
        assert!(store.load().unwrap().is_none());

        let mut catalog = demo::catalog(monday(), 7);
        let simulation = Simulation::new(7, SimulationSettings::default());
        store.replace_all(&catalog, &simulation, monday()).unwrap();

        let applied = catalog
            .apply("welcome-series-v2", Command::Finish, "Ana Ruiz", monday())
            .unwrap();
        let id = applied.version().unwrap().id.as_str();
        let changed = [ChangedVersion {
            id,
            now: Some((catalog.get(id).unwrap(), catalog.history(id))),
        }];
        store
            .save_change(&changed, &remembered("key-1", monday()))
            .unwrap();
        drop(store);

        let saved = Store::open(&database).unwrap().load().unwrap().unwrap();
        assert_eq!(saved.catalog, catalog);
        assert_eq!(saved.simulation, simulation);
        assert_eq!(saved.advanced_to, monday());
    }

    #[test]
    fn idempotency_records_expire() {
        let mut store = Store::open(&Database::Memory).unwrap();
        let catalog = Catalog::default();
        let simulation = Simulation::new(1, SimulationSettings::default());
        store.replace_all(&catalog, &simulation, monday()).unwrap();
        store
            .save_change(&[], &remembered("key-1", monday()))
            .unwrap();
        let day_later = monday() + Duration::hours(24);
        let found = store.remembered("key-1", day_later - Duration::hours(24));
        assert_eq!(found.unwrap().unwrap().response.status, 200);
        assert!(store
            .remembered(
                "key-1",
                day_later + Duration::milliseconds(1) - Duration::hours(24)
            )
            .unwrap()
            .is_none());

        store
            .save_counts(
                Some(&catalog),
                &simulation,
                day_later,
                monday() + Duration::seconds(1),
            )
            .unwrap();
        assert!(store
            .remembered("key-1", monday() - Duration::days(1))
            .unwrap()
            .is_none());
    }

    #[test]
    fn a_database_of_schema_version_2_opens_with_the_clock_at_the_wall_clock() {
        let dir = tempfile::tempdir().unwrap();
        let database = temporary_file(&dir);
        let Database::File(path) = &database else {
            unreachable!()
        };
        let simulation = Simulation::new(7, SimulationSettings::default());
        // The tables as schema version 2 had them, without the clock.
        Connection::open(path)
            .unwrap()
            .execute_batch(&format!(
                "CREATE TABLE schema_version (version INTEGER NOT NULL);
                 CREATE TABLE journey_versions (
                     id TEXT PRIMARY KEY, version TEXT NOT NULL, history TEXT NOT NULL);
                 CREATE TABLE simulation (
                     id INTEGER PRIMARY KEY CHECK (id = 1),
                     state TEXT NOT NULL, advanced_to_ms INTEGER NOT NULL);
                 CREATE TABLE idempotency (
                     key TEXT PRIMARY KEY, action TEXT NOT NULL, version_id TEXT NOT NULL,
                     status INTEGER NOT NULL, body TEXT NOT NULL, at_ms INTEGER NOT NULL);
                 CREATE INDEX idempotency_by_age ON idempotency (at_ms);
                 INSERT INTO schema_version (version) VALUES (2);
                 INSERT INTO simulation (id, state, advanced_to_ms) VALUES (1, '{}', {});",
                serde_json::to_string(&simulation).unwrap(),
                monday().timestamp_millis()
            ))
            .unwrap();
        let mut store = Store::open(&database).unwrap();
        let saved = store.load().unwrap().unwrap();
        assert_eq!(saved.clock_ahead, Duration::zero());
        assert_eq!(saved.advanced_to, monday());

        store.save_clock(Duration::hours(5)).unwrap();
        drop(store);
        let store = Store::open(&database).unwrap();
        assert_eq!(
            store.load().unwrap().unwrap().clock_ahead,
            Duration::hours(5)
        );
        let version: i64 = Connection::open(path)
            .unwrap()
            .query_row("SELECT version FROM schema_version", [], |row| row.get(0))
            .unwrap();
        assert_eq!(version, SCHEMA_VERSION);

        // A new start is at the wall clock again.
        let mut store = store;
        store
            .replace_all(&Catalog::default(), &simulation, monday())
            .unwrap();
        assert_eq!(store.load().unwrap().unwrap().clock_ahead, Duration::zero());
    }

    #[test]
    fn databases_of_other_layouts_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let database = temporary_file(&dir);
        drop(Store::open(&database).unwrap());
        let Database::File(path) = &database else {
            unreachable!()
        };
        Connection::open(path)
            .unwrap()
            .execute("UPDATE schema_version SET version = 99", [])
            .unwrap();
        let error = Store::open(&database).err().unwrap();
        assert!(matches!(
            error,
            StoreError::UnknownSchema {
                found: Some(99),
                ..
            }
        ));
        assert!(error.to_string().contains("schema version 99"), "{error}");

        let other = tempfile::tempdir().unwrap();
        let foreign = temporary_file(&other);
        let Database::File(path) = &foreign else {
            unreachable!()
        };
        Connection::open(path)
            .unwrap()
            .execute("CREATE TABLE orders (id INTEGER)", [])
            .unwrap();
        assert!(matches!(
            Store::open(&foreign).err().unwrap(),
            StoreError::NotOurs { .. }
        ));
    }
}
