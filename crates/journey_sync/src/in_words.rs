//! Sizes and waits in the words a marketer reads: "20 seconds", "32 MB".

use std::time::Duration;

/// A wait in words, rounded up to the unit shown: "1 second", "20 seconds",
/// "5 minutes", "3 hours", "2 days". A wait no server means seriously (beyond
/// a year) reads "a very long time".
pub fn duration_in_words(duration: Duration) -> String {
    const MINUTE: u64 = 60;
    const HOUR: u64 = 60 * MINUTE;
    const DAY: u64 = 24 * HOUR;
    let mut seconds = duration.as_secs();
    if duration.subsec_nanos() > 0 {
        seconds = seconds.saturating_add(1);
    }
    let (count, unit) = if seconds < 2 * MINUTE {
        (seconds, "second")
    } else if seconds < 2 * HOUR {
        (seconds.div_ceil(MINUTE), "minute")
    } else if seconds < 2 * DAY {
        (seconds.div_ceil(HOUR), "hour")
    } else if seconds <= 366 * DAY {
        (seconds.div_ceil(DAY), "day")
    } else {
        return "a very long time".into();
    };
    if count == 1 {
        format!("1 {unit}")
    } else {
        format!("{count} {unit}s")
    }
}

/// A size in bytes in words: "32 MB", "1.5 MB", "512 KB", "100 bytes".
pub(crate) fn size_in_words(bytes: usize) -> String {
    const KB: usize = 1024;
    const MB: usize = 1024 * KB;
    let (unit_bytes, unit) = if bytes >= MB {
        (MB, "MB")
    } else if bytes >= KB {
        (KB, "KB")
    } else {
        return if bytes == 1 {
            "1 byte".into()
        } else {
            format!("{bytes} bytes")
        };
    };
    if bytes.is_multiple_of(unit_bytes) {
        format!("{} {unit}", bytes / unit_bytes)
    } else {
        format!("{:.1} {unit}", bytes as f64 / unit_bytes as f64)
    }
}

/// Text the server chose (a cursor, an id), quoted and cut short enough to sit
/// in a sentence.
pub(crate) fn quoted(text: &str) -> String {
    const MAX_CHARS: usize = 60;
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(MAX_CHARS).collect();
    if chars.next().is_some() {
        format!("\u{201c}{head}\u{2026}\u{201d}")
    } else {
        format!("\u{201c}{head}\u{201d}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_read_in_the_largest_sensible_unit_rounded_up() {
        let words = |secs: u64| duration_in_words(Duration::from_secs(secs));
        assert_eq!(words(0), "0 seconds");
        assert_eq!(duration_in_words(Duration::from_millis(500)), "1 second");
        assert_eq!(words(1), "1 second");
        assert_eq!(words(20), "20 seconds");
        assert_eq!(words(119), "119 seconds");
        assert_eq!(words(120), "2 minutes");
        assert_eq!(words(301), "6 minutes");
        assert_eq!(words(3 * 3600), "3 hours");
        assert_eq!(words(3 * 86_400), "3 days");
        assert_eq!(words(u64::MAX), "a very long time");
        assert_eq!(duration_in_words(Duration::MAX), "a very long time");
    }

    #[test]
    fn sizes_read_in_bytes_kilobytes_or_megabytes() {
        assert_eq!(size_in_words(32 * 1024 * 1024), "32 MB");
        assert_eq!(size_in_words(1024 * 1024 + 512 * 1024), "1.5 MB");
        assert_eq!(size_in_words(2048), "2 KB");
        assert_eq!(size_in_words(1), "1 byte");
        assert_eq!(size_in_words(100), "100 bytes");
    }

    #[test]
    fn long_server_text_is_cut_short_when_quoted() {
        assert_eq!(quoted("c2"), "\u{201c}c2\u{201d}");
        let long = "x".repeat(500);
        let shown = quoted(&long);
        assert!(shown.chars().count() < 70);
        assert!(shown.ends_with("\u{2026}\u{201d}"));
    }
}
