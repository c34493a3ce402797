//! The parts of the page, one a file. Each follows what it shows (an effect
//! that writes its HTML when that changes) and answers the buttons in it.
//!
//! Each part's effect is boxed, so every part shares one compiled copy of
//! Leptos' effect code instead of one per closure (a reactive `view!` tree
//! compiles tachys' rendering per element and attribute: 68 KiB of the
//! page's wasm when the page was written that way).

pub mod charts;
pub mod filters;
pub mod notices;
pub mod reader;
pub mod records;
pub mod toolbar;

use crate::dom;
use crate::page::Page;
use leptos::prelude::*;

/// Keeps the contents of the element `id` as `write` gives them, writing
/// only when they change.
pub fn keep_html(id: String, write: impl Fn() -> String + 'static) {
    keep_html_then(id, Box::new(write), Box::new(|| {}));
}

/// [`keep_html`], and `written` runs after each write.
pub fn keep_html_then(id: String, write: Box<dyn Fn() -> String>, written: Box<dyn Fn()>) {
    Effect::new(move |last: Option<String>| {
        let html = write();
        if last.as_ref() != Some(&html) {
            dom::write_html(&id, &html);
            written();
        }
        html
    });
}

/// Runs `f` now and whenever what it reads changes.
pub fn follow(f: impl FnMut() + 'static) {
    let mut f: Box<dyn FnMut()> = Box::new(f);
    Effect::new(move |_| f());
}

/// Sets every part of the page following the view.
pub fn follow_all(page: Page) {
    notices::follow(page);
    toolbar::follow(page);
    filters::follow(page);
    records::follow(page);
    charts::follow(page);
    reader::follow(page);
}
