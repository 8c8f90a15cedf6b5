//! A panic in WebAssembly ends the app. The console gets the panic's readable
//! message (console_error_panic_hook), and the console's own element gets a
//! notice in place of whatever was left, so a person never faces a silent
//! blank or frozen console. Embedded in a host page, the notice goes in the
//! console's element only: the host's page is not ours to replace.

use std::cell::RefCell;
use std::panic::PanicHookInfo;

thread_local! {
    /// Where the notice goes: the body standalone, the console's element
    /// embedded, nowhere once it is unmounted.
    static NOTICE_IN: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
}

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(info);
    }));
}

/// A panic from now on is shown in `element`.
pub fn show_in(element: web_sys::Element) {
    NOTICE_IN.with(|target| *target.borrow_mut() = Some(element));
}

/// `element` is gone: a panic from now on is only reported to the console.
pub fn forget(element: &web_sys::Element) {
    NOTICE_IN.with(|target| {
        let mut target = target.borrow_mut();
        if target.as_ref() == Some(element) {
            *target = None;
        }
    });
}

fn show(info: &PanicHookInfo<'_>) {
    let Some(target) = NOTICE_IN.with(|target| target.borrow().clone()) else {
        return;
    };
    let Some(document) = target.owner_document() else {
        return;
    };
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
    target.set_inner_html("");
    target.append_child(&notice).ok();
}
