/// A fresh random id (a UUID from the browser), for new versions and for
/// idempotency keys.
pub fn new_id() -> String {
    leptos::prelude::window()
        .crypto()
        .map(|crypto| crypto.random_uuid())
        .unwrap_or_else(|_| {
            format!(
                "{:x}-{:x}",
                js_sys::Date::now() as u64,
                (js_sys::Math::random() * 1e15) as u64
            )
        })
}
