//! Entity tags for reads (a list page, a version, a history), so a client
//! polling for changes gets `304 Not Modified` while nothing it would see has
//! changed.
//!
//! They are judged from the content, customer counts included: counts move without
//! a new revision (see `lifecycle::JourneyVersion::revision`), and a client must
//! still see them move.

use std::hash::{DefaultHasher, Hash, Hasher};

use axum::http::{header, HeaderMap};
use lifecycle::{Catalog, HistoryEntry, JourneyVersion};

/// `"<revision>.<entered>.<active>.<completed>.<exited>"`: every lifecycle change
/// raises the revision and only counts change without one, so this names the
/// content exactly. It is not an `If-Match` value; that is `"<revision>"`.
pub(crate) fn of_version(version: &JourneyVersion) -> String {
    let stats = version.stats;
    format!(
        "\"{}.{}.{}.{}.{}\"",
        version.revision, stats.entered, stats.active, stats.completed, stats.exited
    )
}

/// A hash of every version, counts included, from which every list tag is
/// made. It takes a pass over the whole list, so the working copy keeps it
/// until the list changes (`Journeys::list_hash`).
pub(crate) fn list_hash(catalog: &Catalog) -> u64 {
    // DefaultHasher::new() always starts from the same keys, so tags stay the same
    // across restarts of one build.
    let mut hasher = DefaultHasher::new();
    for version in catalog.versions() {
        version.hash(&mut hasher);
    }
    hasher.finish()
}

/// The tag of a list page: the hash of the whole list, not only of the page,
/// together with the page asked for. A page is unchanged only while no version
/// anywhere in the list has changed, so one `304` on the first page tells a
/// client that none of the pages changed.
pub(crate) fn of_list(list_hash: u64, cursor: Option<&str>, limit: usize) -> String {
    let mut hasher = DefaultHasher::new();
    list_hash.hash(&mut hasher);
    cursor.hash(&mut hasher);
    limit.hash(&mut hasher);
    format!("\"{:016x}\"", hasher.finish())
}

/// The tag of a version's history: a hash of its entries, which only a
/// lifecycle change adds to (counts are not in it).
pub(crate) fn of_history(entries: &[HistoryEntry]) -> String {
    let mut hasher = DefaultHasher::new();
    entries.hash(&mut hasher);
    format!("\"{:016x}\"", hasher.finish())
}

/// Whether `If-None-Match` names `tag`, by the weak comparison RFC 9110 asks for
/// here.
pub(crate) fn if_none_match(headers: &HeaderMap, tag: &str) -> bool {
    let tag = opaque(tag);
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .any(|candidate| candidate == "*" || opaque(candidate) == tag)
}

fn opaque(tag: &str) -> &str {
    tag.strip_prefix("W/").unwrap_or(tag)
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;
    use chrono::{TimeZone, Utc};

    use super::*;

    fn headers(if_none_match: &'static str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::IF_NONE_MATCH,
            HeaderValue::from_static(if_none_match),
        );
        headers
    }

    fn version() -> JourneyVersion {
        let at = Utc.with_ymd_and_hms(2025, 3, 3, 9, 0, 0).unwrap();
        JourneyVersion::draft("welcome-v1", "welcome", "Welcome", 1, "Priya Nair", at)
    }

    #[test]
    fn if_none_match_compares_weakly_and_accepts_lists_and_star() {
        assert!(if_none_match(&headers("\"a\""), "\"a\""));
        assert!(if_none_match(&headers("W/\"a\""), "\"a\""));
        assert!(if_none_match(&headers("\"b\", \"a\""), "\"a\""));
        assert!(if_none_match(&headers("*"), "\"a\""));
        assert!(!if_none_match(&headers("\"b\""), "\"a\""));
        assert!(!if_none_match(&HeaderMap::new(), "\"a\""));
    }

    #[test]
    fn a_version_tag_changes_with_counts_and_revision() {
        let before = version();
        let mut counted = before.clone();
        counted.stats.entered += 1;
        counted.stats.active += 1;
        let mut revised = before.clone();
        revised.revision += 1;
        let tags = [
            of_version(&before),
            of_version(&counted),
            of_version(&revised),
        ];
        assert_eq!(tags[0], "\"1.0.0.0.0\"");
        assert_ne!(tags[0], tags[1]);
        assert_ne!(tags[0], tags[2]);
    }

    #[test]
    fn a_list_tag_changes_with_any_version_and_with_the_page() {
        let catalog = Catalog::new([version()]);
        let mut counted = version();
        counted.stats.entered += 1;
        counted.stats.completed += 1;
        let changed = Catalog::new([counted]);
        let tag = of_list(list_hash(&catalog), None, 100);
        assert_eq!(tag, of_list(list_hash(&catalog.clone()), None, 100));
        assert_ne!(tag, of_list(list_hash(&changed), None, 100));
        assert_ne!(tag, of_list(list_hash(&catalog), None, 50));
        assert_ne!(tag, of_list(list_hash(&catalog), Some("77"), 100));
    }
}
