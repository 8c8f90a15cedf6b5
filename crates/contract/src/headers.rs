/// Sent with every change: the revision the user saw, as `"<revision>"`.
pub const IF_MATCH: &str = "If-Match";
/// Sent with every change: one fresh UUID per user action, reused on retries.
pub const IDEMPOTENCY_KEY: &str = "Idempotency-Key";

/// The most digits a revision in `If-Match` may have. Nineteen always fit in a
/// `u64`, so every value of the documented form is read, never refused as too
/// large (docs/contract/openapi.yaml gives the same rule as a pattern).
const MAX_REVISION_DIGITS: usize = 19;

/// The `If-Match` value for a revision: a strong entity tag, `"7"`.
pub fn etag_of_revision(revision: u64) -> String {
    format!("\"{revision}\"")
}

/// The revision in an `If-Match` value: `"7"`, `W/"7"` or a bare `7`, and nothing
/// else (no sign, no `*`), so that the contract's pattern says exactly what is
/// accepted.
pub fn revision_of_if_match(value: &str) -> Option<u64> {
    let value = value.trim();
    let digits = match value.strip_prefix("W/").unwrap_or(value).strip_prefix('"') {
        Some(quoted) => quoted.strip_suffix('"')?,
        // A weak tag is always quoted.
        None if value.starts_with("W/") => return None,
        None => value,
    };
    let well_formed = (1..=MAX_REVISION_DIGITS).contains(&digits.len())
        && digits.bytes().all(|byte| byte.is_ascii_digit());
    if well_formed {
        digits.parse().ok()
    } else {
        None
    }
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
        assert_eq!(revision_of_if_match("\"0007\""), Some(7));
        assert_eq!(
            revision_of_if_match("\"9999999999999999999\""),
            Some(9_999_999_999_999_999_999)
        );
    }

    #[test]
    fn anything_else_is_not_a_revision() {
        for value in [
            "\"x\"",
            "*",
            "",
            "\"\"",
            "\"7",
            "7\"",
            "W/7",
            "W/\"7",
            "+7",
            "\"+7\"",
            "-1",
            "\"7.1\"",
            "\"7\", \"8\"",
            "\"10000000000000000000\"",
        ] {
            assert_eq!(revision_of_if_match(value), None, "{value}");
        }
    }
}
