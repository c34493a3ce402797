//! Which parts of the link the person opened were ignored, and why. With
//! nothing to say the notice is hidden (explorer.css: an empty list).

use super::keep_html;
use crate::page::Page;
use funding_core::html;
use funding_core::page::Place;
use leptos::prelude::*;

pub fn follow(page: Page) {
    keep_html(Place::LinkNotices.id().into(), move || {
        page.notices.with(|n| html::link_notices(n))
    });
}

/// "Dismiss".
pub fn dismiss(page: Page) {
    page.notices.set(Vec::new());
}
