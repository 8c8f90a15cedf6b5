//! Time passing on its own: customers moving through the journeys, pauses
//! ending and scheduled finishes happening (with or without the simulation),
//! and the counts saved every few seconds.

use std::time::Duration;

use tokio::sync::watch;
use tokio::time::{interval, MissedTickBehavior};

use crate::server_state::ServerState;

const TICK: Duration = Duration::from_secs(1);
/// Counts are saved this often; changes are saved as they happen.
const SAVE_EVERY_TICKS: u32 = 5;

/// Runs until `stop` says so, then saves the counts a last time.
pub(crate) async fn run(state: ServerState, mut stop: watch::Receiver<bool>) {
    let mut ticks = interval(TICK);
    ticks.set_missed_tick_behavior(MissedTickBehavior::Delay);
    let mut since_save = 0;
    loop {
        tokio::select! {
            _ = ticks.tick() => {}
            _ = stop.wait_for(|stopped| *stopped) => break,
        }
        since_save += 1;
        let save = since_save >= SAVE_EVERY_TICKS;
        if save {
            since_save = 0;
        }
        let state = state.clone();
        // The lock and SQLite are blocking.
        let ticked = tokio::task::spawn_blocking(move || tick(&state, save)).await;
        if let Err(error) = ticked {
            eprintln!("The simulation stopped: {error}");
            return;
        }
    }
    let state = state.clone();
    if let Err(error) = tokio::task::spawn_blocking(move || tick(&state, true)).await {
        eprintln!("The customer counts could not be saved at shutdown: {error}");
    }
}

fn tick(state: &ServerState, save: bool) {
    let mut journeys = state.journeys();
    // Read once the lock is held, as every change reads it: a tick that waited
    // for a change must not move time back behind what the change saw.
    let now = state.now();
    journeys.advance(now);
    if save {
        if let Err(error) = journeys.save_counts(now) {
            // The next save tries again; the counts are only an observation.
            eprintln!("The customer counts could not be saved: {error}");
        }
    }
}
