/// A fresh random id (a version 4 UUID), for new versions and for idempotency
/// keys.
///
/// The bytes come from `crypto.getRandomValues`, which every browser offers in
/// every context; `crypto.randomUUID` exists only in secure contexts, so a
/// console served over plain http from an intranet host could not open a
/// single confirmation with it.
pub fn new_id() -> String {
    let mut bytes = [0u8; 16];
    let filled = leptos::prelude::window()
        .crypto()
        .and_then(|crypto| crypto.get_random_values_with_u8_array(&mut bytes))
        .is_ok();
    if !filled {
        // No Web Crypto at all (not a browser this console supports): still
        // unique enough to keep one user's actions apart.
        let time = (js_sys::Date::now() as u64).to_le_bytes();
        let noise = ((js_sys::Math::random() * 2f64.powi(53)) as u64).to_le_bytes();
        bytes[..8].copy_from_slice(&time);
        bytes[8..].copy_from_slice(&noise);
    }
    uuid::Builder::from_random_bytes(bytes)
        .into_uuid()
        .hyphenated()
        .to_string()
}
