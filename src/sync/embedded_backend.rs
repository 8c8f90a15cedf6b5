//! The default backend: journeys kept in the browser (localStorage), seeded with
//! demo data, and moved by the lifecycle crate's simulation, so a marketer can
//! try Finish and Stop on journeys that really fill up and drain.

use std::cell::RefCell;

use chrono::{DateTime, Duration, Utc};
use lifecycle::{demo, Applied, Catalog, Command, Simulation, SimulationSettings};
use runtime_config::EmbeddedSettings;
use serde::{Deserialize, Serialize};

use super::backend::{BackendError, ErrorKind};

/// The simulation state is saved at most this often; what happens in between is
/// recomputed from elapsed time after a reload, so nothing is lost by waiting.
const SAVE_INTERVAL_SECONDS: i64 = 10;

const SEED: u64 = 20_261_125;

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct SavedState {
    catalog: Catalog,
    simulation: Simulation,
    advanced_at: DateTime<Utc>,
}

pub struct EmbeddedBackend {
    settings: EmbeddedSettings,
    state: RefCell<SavedState>,
    saved_at: RefCell<DateTime<Utc>>,
    warning: RefCell<Option<String>>,
}

impl EmbeddedBackend {
    /// Opens the saved demo data, or seeds new demo data when there is none.
    pub fn open(settings: EmbeddedSettings, now: DateTime<Utc>) -> EmbeddedBackend {
        let mut warning = None;
        let state = match read_saved(&storage_key(&settings)) {
            Ok(Some(state)) => state,
            Ok(None) => seed(&settings, now),
            Err(problem) => {
                let kept = keep_unreadable(&storage_key(&settings));
                warning = Some(format!(
                    "The saved demo data could not be read ({problem}), so the console \
                     started from fresh demo data.{kept}"
                ));
                seed(&settings, now)
            }
        };
        EmbeddedBackend {
            settings,
            state: RefCell::new(state),
            saved_at: RefCell::new(now),
            warning: RefCell::new(warning),
        }
    }

    pub fn snapshot(&self, now: DateTime<Utc>) -> Catalog {
        self.advance(now);
        self.state.borrow().catalog.clone()
    }

    pub fn apply(
        &self,
        id: &str,
        command: Command,
        by: &str,
        now: DateTime<Utc>,
    ) -> Result<Applied, BackendError> {
        self.advance(now);
        let applied = self
            .state
            .borrow_mut()
            .catalog
            .apply(id, command, by, now)
            .map_err(|e| BackendError {
                kind: match e {
                    lifecycle::ActionError::NotFound { .. } => ErrorKind::NotFound,
                    _ => ErrorKind::Refused,
                },
                message: e.to_string(),
                current: None,
            })?;
        self.save(now);
        Ok(applied)
    }

    pub fn reset(&self, now: DateTime<Utc>) -> Catalog {
        *self.state.borrow_mut() = seed(&self.settings, now);
        self.save(now);
        self.state.borrow().catalog.clone()
    }

    pub fn warning(&self) -> Option<String> {
        self.warning.borrow().clone()
    }

    fn advance(&self, now: DateTime<Utc>) {
        {
            let mut state = self.state.borrow_mut();
            let elapsed = now - state.advanced_at;
            if elapsed <= Duration::zero() {
                return;
            }
            let SavedState {
                catalog,
                simulation,
                advanced_at,
            } = &mut *state;
            simulation.advance(catalog, elapsed, now);
            *advanced_at = now;
        }
        if now - *self.saved_at.borrow() >= Duration::seconds(SAVE_INTERVAL_SECONDS) {
            self.save(now);
        }
    }

    fn save(&self, now: DateTime<Utc>) {
        *self.saved_at.borrow_mut() = now;
        let result = serde_json::to_string(&*self.state.borrow())
            .map_err(|e| e.to_string())
            .and_then(|json| write(&storage_key(&self.settings), &json));
        *self.warning.borrow_mut() = result.err().map(|problem| {
            format!(
                "This browser could not save the demo data ({problem}); changes last \
                 until the page is reloaded."
            )
        });
    }
}

fn seed(settings: &EmbeddedSettings, now: DateTime<Utc>) -> SavedState {
    let catalog = match settings.demo_journeys {
        Some(count) => demo::large_catalog(now, count as usize, SEED),
        None => demo::catalog(now, SEED),
    };
    SavedState {
        catalog,
        simulation: Simulation::new(SEED, SimulationSettings::default()),
        advanced_at: now,
    }
}

/// Each size of demo data keeps its own saved copy.
fn storage_key(settings: &EmbeddedSettings) -> String {
    match settings.demo_journeys {
        Some(count) => format!("journey-console.embedded.v1.generated-{count}"),
        None => "journey-console.embedded.v1".into(),
    }
}

fn local_storage() -> Result<web_sys::Storage, String> {
    web_sys::window()
        .ok_or("no window")?
        .local_storage()
        .map_err(|_| "localStorage is not available".to_owned())?
        .ok_or_else(|| "localStorage is turned off".to_owned())
}

fn read_saved(key: &str) -> Result<Option<SavedState>, String> {
    let Ok(storage) = local_storage() else {
        return Ok(None);
    };
    match storage.get_item(key) {
        Ok(Some(json)) => serde_json::from_str(&json)
            .map(Some)
            .map_err(|e| e.to_string()),
        _ => Ok(None),
    }
}

/// Moves unreadable saved data aside instead of overwriting it.
fn keep_unreadable(key: &str) -> String {
    let backup = format!("{key}.unreadable");
    let kept = local_storage().ok().and_then(|storage| {
        let json = storage.get_item(key).ok().flatten()?;
        storage.set_item(&backup, &json).ok()?;
        Some(())
    });
    match kept {
        Some(()) => format!(" The unreadable copy is kept in localStorage under \"{backup}\"."),
        None => String::new(),
    }
}

fn write(key: &str, json: &str) -> Result<(), String> {
    local_storage()?.set_item(key, json).map_err(|e| {
        e.as_string()
            .or_else(|| {
                js_sys::Reflect::get(&e, &"message".into())
                    .ok()
                    .and_then(|m| m.as_string())
            })
            .unwrap_or_else(|| "storage refused the write".into())
    })
}
