//! A panic in WebAssembly ends the app: the instance traps (`unreachable`), and
//! whatever called into it (an event handler, a timer, a promise) gets a
//! `WebAssembly.RuntimeError`. web/boot.js (standalone) and web/embed.js
//! (embedded, in each console's own element) hear that and show a notice in
//! place of the console, so a person never faces a silent blank or frozen
//! console. Nothing here can do it: no Rust runs after the trap.
//!
//! Release builds made with build-std abort at the panic itself
//! (`-Cpanic=immediate-abort`, scripts/setup.sh): no hook runs and panic
//! messages are not in the binary, which saves about 18 KB (brotli). Other
//! builds write the panic's message to the browser console first.

pub fn install() {
    #[cfg(not(panic = "immediate-abort"))]
    console_error_panic_hook::set_once();
}
