//! The `next` cursor of a list page: the id of the page's last version, in hex so
//! clients treat it as opaque. Versions are listed by id, so a cursor stays valid
//! when versions are added or deleted meanwhile, and every version that exists all
//! along is listed exactly once.

pub(crate) fn after(id: &str) -> String {
    id.bytes().map(|byte| format!("{byte:02x}")).collect()
}

/// The id a cursor continues after; `None` if this server did not make it.
pub(crate) fn id_of(cursor: &str) -> Option<String> {
    if cursor.is_empty()
        || !cursor.len().is_multiple_of(2)
        || !cursor.bytes().all(|byte| byte.is_ascii_hexdigit())
    {
        return None;
    }
    let bytes = (0..cursor.len())
        .step_by(2)
        .map(|at| u8::from_str_radix(&cursor[at..at + 2], 16).ok())
        .collect::<Option<Vec<u8>>>()?;
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip() {
        for id in ["welcome-series-v2", "é", "0b7a…"] {
            assert_eq!(id_of(&after(id)).as_deref(), Some(id));
        }
    }

    #[test]
    fn foreign_cursors_are_refused() {
        for cursor in ["", "a", "zz", "+1", "ff", "c3"] {
            assert_eq!(id_of(cursor), None, "{cursor}");
        }
    }
}
