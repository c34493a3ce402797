//! What the tests of the core's HTML (html.rs, page.rs) share: the real or
//! hostile dataset, and the HTML read back as html5ever reads it.

use funding_core::sources::load_dir;
use funding_core::Dataset;
use scraper::{ElementRef, Selector};
use std::path::PathBuf;

pub fn load(dir: &str) -> Dataset {
    load_dir(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(dir)).expect("valid data")
}

pub fn select<'a>(element: ElementRef<'a>, css: &str) -> Vec<ElementRef<'a>> {
    element.select(&Selector::parse(css).unwrap()).collect()
}

pub fn text(element: ElementRef) -> String {
    element.text().collect()
}
