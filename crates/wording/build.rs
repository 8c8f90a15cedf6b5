//! The catalogs go into the console without their comments: those are for
//! whoever writes the words (what each `$variable` holds), and are about 1 KB
//! of the console's download, brotli compressed. A comment in Fluent is a
//! line that starts with `#`; a pattern's continuation lines are indented, so
//! no line of a message is taken away.

use std::fs;
use std::path::Path;

const LOCALES: [&str; 2] = ["en", "de"];
const FILES: [&str; 3] = ["console.ftl", "refusals.ftl", "sync.ftl"];

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    for locale in LOCALES {
        let dir = Path::new(&out).join(locale);
        fs::create_dir_all(&dir).expect("OUT_DIR is writable");
        for file in FILES {
            let source = format!("locales/{locale}/{file}");
            println!("cargo:rerun-if-changed={source}");
            let text =
                fs::read_to_string(&source).unwrap_or_else(|e| panic!("cannot read {source}: {e}"));
            let words: String = text
                .lines()
                .filter(|line| !line.starts_with('#'))
                .flat_map(|line| [line, "\n"])
                .collect();
            fs::write(dir.join(file), words).expect("OUT_DIR is writable");
        }
    }
}
