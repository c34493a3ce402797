//! The search field, the sort, "Copy link" and the "Filters" button.
//!
//! Search is as you type: the results follow each key at once, and keys
//! typed while the page is still busy with the last are taken together, so
//! typing stays smooth on a large dataset too. Typing replaces the history
//! entry instead of adding one per key. `/` from anywhere
//! focuses it and Escape clears it. The fields follow the view when it
//! changes from elsewhere (a link, back, a chip).

use super::{follow as follow_effect, keep_html};
use crate::browser_url;
use crate::dom;
use crate::page::{CopyState, History, Page};
use funding_core::html;
use funding_core::page::{self, Place, LINK_COPIED};
use funding_core::view::{SortOrder, ViewState};
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen_futures::JsFuture;

pub fn follow(page: Page) {
    // The search and sort follow the view only when it changes, so what is
    // being typed is not overwritten by a change elsewhere.
    let mut last: Option<(String, SortOrder)> = None;
    follow_effect(move || {
        let now = page.view.with(|v| (v.query.clone(), v.sort));
        if last.as_ref() != Some(&now) {
            dom::set_field_value(Place::Search, &now.0);
            dom::set_field_value(Place::Sort, now.1.code());
            last = Some(now);
        }
    });
    keep_html(Place::FiltersToggle.id().into(), move || {
        page.view.with(page::filters_label)
    });
    follow_effect(move || {
        let open = page.filters_open.get();
        dom::set_attribute(
            Place::FiltersToggle,
            "aria-expanded",
            if open { "true" } else { "false" },
        );
        dom::set_class(Place::FilterPanel, "is-open", open);
    });
    keep_html(Place::CopyStatus.id().into(), move || {
        match page.copy.get() {
            CopyState::Idle => String::new(),
            CopyState::Copied => LINK_COPIED.to_string(),
            CopyState::ShowAddress(href) => html::copy_by_hand(&href),
        }
    });
}

thread_local! {
    static PENDING: std::cell::Cell<Option<TimeoutHandle>> = const { std::cell::Cell::new(None) };
}

/// Typing in the search. The search runs in a task of its own after the
/// key: the browser handles every key waiting before it (each replacing the
/// search to run), so a burst of keys typed while the page was busy runs
/// one search, with all of them.
pub fn typed(page: Page, text: String) {
    if let Some(handle) = PENDING.take() {
        handle.clear();
    }
    PENDING.set(set_timeout_with_handle(move || search(page, text), Duration::ZERO).ok());
}

/// Shows the results of `text` in place of the current history entry.
pub fn search(page: Page, text: String) {
    let current: ViewState = page.view.get_untracked();
    page.show(
        ViewState {
            query: text,
            ..current
        },
        History::Replace,
    );
}

/// Escape in the search: clears it.
pub fn clear_search(page: Page) {
    if let Some(handle) = PENDING.take() {
        handle.clear();
    }
    dom::set_field_value(Place::Search, "");
    search(page, String::new());
}

/// A new sort order chosen.
pub fn sorted(page: Page, code: &str) {
    if let Some(order) = SortOrder::from_code(code) {
        page.change(|v| v.sort = order);
    }
}

/// "Copy link": the address on the clipboard, or shown to copy by hand where
/// the clipboard is not allowed; "Link copied" for a moment.
pub fn copy_link(page: Page) {
    let href = page
        .view
        .with_untracked(|v| browser_url::href_with(&funding_core::url_state::encode(v)));
    let clipboard = window().navigator().clipboard();
    leptos::task::spawn_local(async move {
        match JsFuture::from(clipboard.write_text(&href)).await {
            Ok(_) => page.copy.set(CopyState::Copied),
            Err(_) => page.copy.set(CopyState::ShowAddress(href)),
        }
        set_timeout(
            move || {
                if page.copy.get_untracked() == CopyState::Copied {
                    page.copy.set(CopyState::Idle);
                }
            },
            Duration::from_secs(3),
        );
    });
}
