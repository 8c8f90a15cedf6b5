//! Sizes and waits as phrases a marketer reads: "20 seconds", "32 MB". The
//! words are the catalog's (crates/wording, sync.ftl); what is decided here
//! is the unit and the rounding.

use std::time::Duration;

use wording::Phrase;

/// A wait in words, rounded up to the unit shown: "1 second", "20 seconds",
/// "5 minutes", "3 hours", "2 days". A wait no server means seriously (beyond
/// a year) reads "a very long time".
pub fn duration_in_words(duration: Duration) -> Phrase {
    const MINUTE: u64 = 60;
    const HOUR: u64 = 60 * MINUTE;
    const DAY: u64 = 24 * HOUR;
    let mut seconds = duration.as_secs();
    if duration.subsec_nanos() > 0 {
        seconds = seconds.saturating_add(1);
    }
    let (count, unit) = if seconds < 2 * MINUTE {
        (seconds, Phrase::new("sync-duration-seconds"))
    } else if seconds < 2 * HOUR {
        (
            seconds.div_ceil(MINUTE),
            Phrase::new("sync-duration-minutes"),
        )
    } else if seconds < 2 * DAY {
        (seconds.div_ceil(HOUR), Phrase::new("sync-duration-hours"))
    } else if seconds <= 366 * DAY {
        (seconds.div_ceil(DAY), Phrase::new("sync-duration-days"))
    } else {
        return Phrase::new("sync-duration-very-long");
    };
    unit.with("n", count)
}

/// A size in bytes in words: "32 MB", "1.5 MB", "512 KB", "100 bytes".
pub(crate) fn size_in_words(bytes: usize) -> Phrase {
    const KB: usize = 1024;
    const MB: usize = 1024 * KB;
    let (unit_bytes, unit) = if bytes >= MB {
        (MB, Phrase::new("sync-size-megabytes"))
    } else if bytes >= KB {
        (KB, Phrase::new("sync-size-kilobytes"))
    } else {
        return Phrase::new("sync-size-bytes").with("size", bytes);
    };
    // One decimal at most: "1.5 MB".
    let tenths = (bytes as f64 / unit_bytes as f64 * 10.0).round();
    unit.with("size", tenths / 10.0)
}

/// Text the server chose (a cursor, an id), cut short enough to sit in a
/// sentence. The sentence quotes it, as its language quotes.
pub(crate) fn cut_short(text: &str) -> String {
    const MAX_CHARS: usize = 60;
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(MAX_CHARS).collect();
    if chars.next().is_some() {
        format!("{head}\u{2026}")
    } else {
        head
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::english::english;

    #[test]
    fn waits_read_in_the_largest_sensible_unit_rounded_up() {
        let words = |secs: u64| english(&duration_in_words(Duration::from_secs(secs)));
        assert_eq!(words(0), "0 seconds");
        assert_eq!(
            english(&duration_in_words(Duration::from_millis(500))),
            "1 second"
        );
        assert_eq!(words(1), "1 second");
        assert_eq!(words(20), "20 seconds");
        assert_eq!(words(119), "119 seconds");
        assert_eq!(words(120), "2 minutes");
        assert_eq!(words(301), "6 minutes");
        assert_eq!(words(3 * 3600), "3 hours");
        assert_eq!(words(3 * 86_400), "3 days");
        assert_eq!(words(u64::MAX), "a very long time");
        assert_eq!(
            english(&duration_in_words(Duration::MAX)),
            "a very long time"
        );
    }

    #[test]
    fn sizes_read_in_bytes_kilobytes_or_megabytes() {
        let words = |bytes: usize| english(&size_in_words(bytes));
        assert_eq!(words(32 * 1024 * 1024), "32 MB");
        assert_eq!(words(1024 * 1024 + 512 * 1024), "1.5 MB");
        assert_eq!(words(2048), "2 KB");
        assert_eq!(words(1), "1 byte");
        assert_eq!(words(100), "100 bytes");
    }

    #[test]
    fn long_server_text_is_cut_short() {
        assert_eq!(cut_short("c2"), "c2");
        let long = "x".repeat(500);
        let shown = cut_short(&long);
        assert!(shown.chars().count() < 70);
        assert!(shown.ends_with('\u{2026}'));
    }
}
