/// Sent with every change: the revision the user saw, as `"<revision>"`.
pub const IF_MATCH: &str = "If-Match";
/// Sent with every change: one fresh UUID per user action, reused on retries.
pub const IDEMPOTENCY_KEY: &str = "Idempotency-Key";

/// The `If-Match` value for a revision: a strong entity tag, `"7"`.
pub fn etag_of_revision(revision: u64) -> String {
    format!("\"{revision}\"")
}

/// The revision in an `If-Match` value (`"7"`, also accepting `W/"7"` and `7`).
pub fn revision_of_if_match(value: &str) -> Option<u64> {
    let value = value.trim();
    let value = value.strip_prefix("W/").unwrap_or(value);
    let value = value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .unwrap_or(value);
    value.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn revisions_round_trip_through_if_match() {
        assert_eq!(etag_of_revision(7), "\"7\"");
        assert_eq!(revision_of_if_match("\"7\""), Some(7));
        assert_eq!(revision_of_if_match(" W/\"12\" "), Some(12));
        assert_eq!(revision_of_if_match("3"), Some(3));
        assert_eq!(revision_of_if_match("\"x\""), None);
        assert_eq!(revision_of_if_match("*"), None);
    }
}
