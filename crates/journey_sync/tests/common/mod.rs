//! A small server's worth of journeys, shared by the test files; each file uses
//! only some of it.
#![allow(dead_code)]

use chrono::{DateTime, Duration, TimeZone, Utc};
use contract::JourneyPage;
use journey_sync::JourneyStore;
use lifecycle::{Applied, Catalog, Command, JourneyVersion, Stats, Status};
use wording::{Locale, Phrase, Wording};

thread_local! {
    static ENGLISH: Wording = Wording::new(Locale::English);
}

/// What the marketer reads, in English.
pub fn english(phrase: &Phrase) -> String {
    ENGLISH.with(|wording| wording.say(phrase))
}

pub fn at(minutes: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, 3, 9, 0, 0).unwrap() + Duration::minutes(minutes)
}

/// Journey "welcome": welcome-v1 live with 120 customers in it. Journey
/// "spring": spring-v1 live with 80. Journey "winback": winback-v1 finished,
/// winback-v2 a draft.
pub fn server() -> Catalog {
    let mut catalog = Catalog::new([
        JourneyVersion::draft(
            "welcome-v1",
            "welcome",
            "Welcome series",
            1,
            "Priya Nair",
            at(0),
        ),
        JourneyVersion::draft("spring-v1", "spring", "Spring sale", 1, "Priya Nair", at(0)),
        JourneyVersion::draft("winback-v1", "winback", "Win back", 1, "Priya Nair", at(0)),
        JourneyVersion::draft("winback-v2", "winback", "Win back", 2, "Priya Nair", at(0)),
    ]);
    for id in ["welcome-v1", "spring-v1", "winback-v1"] {
        catalog
            .apply(id, Command::Publish, "Priya Nair", at(1))
            .unwrap();
    }
    catalog
        .apply("winback-v1", Command::Finish, "Priya Nair", at(2))
        .unwrap();
    set_active(&mut catalog, "welcome-v1", 120);
    set_active(&mut catalog, "spring-v1", 80);
    catalog
}

/// Customers entering: counts move, the revision does not.
pub fn set_active(catalog: &mut Catalog, id: &str, active: u64) {
    let mut version = catalog.get(id).unwrap().clone();
    version.stats = Stats {
        entered: active + 10,
        active,
        completed: 10,
        exited: 0,
    };
    catalog.upsert(version);
}

/// The server carrying out an action, as its answer body says.
pub fn server_applies(
    server: &mut Catalog,
    id: &str,
    command: Command,
    by: &str,
    minutes: i64,
) -> Applied {
    server.apply(id, command, by, at(minutes)).unwrap()
}

pub fn status(catalog: &Catalog, id: &str) -> Status {
    catalog
        .get(id)
        .unwrap_or_else(|| panic!("{id} is not in the catalog"))
        .status
}

/// The contract's error body for a refusal carrying `current`.
pub fn error_body(code: &str, message: &str, current: &JourneyVersion) -> String {
    serde_json::json!({
        "error": { "code": code, "message": message, "current": current }
    })
    .to_string()
}

/// A store that has read the server's list.
pub fn listed(server: &Catalog) -> JourneyStore {
    let mut store = JourneyStore::new(Default::default());
    let load = store.begin_load();
    store.finish_load(load, server.clone());
    store
}

/// A page of the list as the server sends it: the versions `ids` of
/// `server`, and the cursor of the next page.
pub fn list_page(server: &Catalog, ids: &[&str], next: Option<&str>) -> JourneyPage {
    JourneyPage {
        items: ids
            .iter()
            .map(|id| server.shared(id).unwrap().clone())
            .collect(),
        next: next.map(str::to_owned),
    }
}
