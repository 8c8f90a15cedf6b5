//! A panic in WebAssembly ends the app. The console gets the panic's readable
//! message (console_error_panic_hook), and the page gets a notice in place of
//! whatever was left, so a person never faces a silent blank or frozen page.

use std::panic::PanicHookInfo;

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(info);
    }));
}

fn show(info: &PanicHookInfo<'_>) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    let Ok(notice) = document.create_element("div") else {
        return;
    };
    notice.set_class_name("journey-console crash-notice");
    notice.set_attribute("role", "alert").ok();
    let detail = info
        .payload()
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| info.payload().downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "an internal error".into());
    notice.set_text_content(Some(&format!(
        "Journey Console stopped because of an internal error ({detail}). \
         Reload the page to continue; changes you confirmed were saved. \
         The browser console has the details."
    )));
    body.set_inner_html("");
    body.append_child(&notice).ok();
}
