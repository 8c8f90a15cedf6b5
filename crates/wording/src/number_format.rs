//! Numbers in messages as the locale writes them: "1,025" in English,
//! "1.025" in German. Fluent leaves this to the application: the bundle's
//! formatter asks a memoized formatter per language.

use fluent_bundle::FluentValue;
use intl_memoizer::{IntlLangMemoizer, Memoizable};
use unic_langid::LanguageIdentifier;

pub(crate) fn format_value(value: &FluentValue, intls: &IntlLangMemoizer) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    intls
        .with_try_get::<NumberFormat, _, _>((), |format| format.write(number.value))
        .ok()
        .flatten()
}

/// The browser's `Intl.NumberFormat` for the language.
#[cfg(target_arch = "wasm32")]
struct NumberFormat(js_sys::Function);

#[cfg(target_arch = "wasm32")]
impl Memoizable for NumberFormat {
    type Args = ();
    type Error = ();

    fn construct(lang: LanguageIdentifier, _: ()) -> Result<Self, ()> {
        let locales = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(&lang.to_string()));
        let format = js_sys::Intl::NumberFormat::new(&locales, &js_sys::Object::new());
        Ok(NumberFormat(format.format()))
    }
}

#[cfg(target_arch = "wasm32")]
impl NumberFormat {
    fn write(&self, value: f64) -> Option<String> {
        self.0
            .call1(
                &wasm_bindgen::JsValue::NULL,
                &wasm_bindgen::JsValue::from_f64(value),
            )
            .ok()?
            .as_string()
    }
}

/// CLDR's grouping for the language (num-format), for whole numbers; others
/// are left to Fluent. Natively only: servers and tests.
#[cfg(not(target_arch = "wasm32"))]
struct NumberFormat(num_format::Locale);

#[cfg(not(target_arch = "wasm32"))]
impl Memoizable for NumberFormat {
    type Args = ();
    type Error = ();

    fn construct(lang: LanguageIdentifier, _: ()) -> Result<Self, ()> {
        num_format::Locale::from_name(lang.language.as_str())
            .map(NumberFormat)
            .map_err(|_| ())
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl NumberFormat {
    fn write(&self, value: f64) -> Option<String> {
        use num_format::ToFormattedString;
        let whole = value.fract() == 0.0 && value.abs() < 9.0e15;
        whole.then(|| (value as i64).to_formatted_string(&self.0))
    }
}
