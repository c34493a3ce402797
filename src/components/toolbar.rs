//! The search field, "Filters", the sort and "Copy link".
//!
//! Search is as you type: the results follow each key, and keys typed while
//! the page is still busy with the last are taken together (the search runs
//! in a task of its own after the key, and a newer key cancels it), so
//! typing stays smooth on a large dataset too. Typing replaces the history
//! entry instead of adding one per key. `/` from anywhere focuses the field
//! and Escape clears it. The field follows the view when the view's search
//! changes from elsewhere (a link, back, a chip).

use crate::browser_url;
use crate::follow;
use crate::page::{use_page, History, Page};
use funding_core::page::{filters_label, LINK_COPIED};
use funding_core::view::{SortOrder, ViewState};
use gloo::timers::callback::Timeout;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Shows the results of `text` in place of the current history entry.
fn search(page: Page, text: String) {
    let current: ViewState = page.view.get_untracked();
    page.show(
        ViewState {
            query: text,
            ..current
        },
        History::Replace,
    );
}

#[component]
pub fn Toolbar() -> impl IntoView {
    view! {
        <div class="toolbar">
            <SearchBox />
            <div class="toolbar-actions">
                <FiltersToggle />
                <SortSelect />
                <CopyLink />
                <AddOpen />
            </div>
        </div>
    }
}

#[component]
fn SearchBox() -> impl IntoView {
    let page = use_page();
    let field = NodeRef::<leptos::html::Input>::new();
    // The search waiting to run; dropping a Timeout cancels it.
    let pending = StoredValue::new_local(None::<Timeout>);
    let typed = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        pending.set_value(Some(Timeout::new(0, move || search(page, text))));
    };
    let keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            pending.set_value(None);
            if let Some(input) = field.get_untracked() {
                input.set_value("");
            }
            search(page, String::new());
        }
    };
    // "/" anywhere outside a form field focuses the search, for the page's
    // life.
    crate::listen::on_window("keydown", move |ev| {
        let Some(key) = ev.dyn_ref::<web_sys::KeyboardEvent>() else {
            return;
        };
        if key.key() != "/" || key.ctrl_key() || key.meta_key() || key.alt_key() {
            return;
        }
        let typing = document()
            .active_element()
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if !typing {
            ev.prevent_default();
            if let Some(input) = field.get_untracked() {
                let _ = input.focus();
            }
        }
    });
    // Follows the view's search only when it changes, so what is being
    // typed is not overwritten by a change elsewhere.
    let query = Memo::new(move |_| page.view.with(|v| v.query.clone()));
    view! {
        <div class="search" role="search">
            <label for="search">"Search the announcements"</label>
            <input
                id="search"
                node_ref=field
                type="search"
                autocomplete="off"
                spellcheck="false"
                placeholder="e.g. dudley, \"new care models\", transf -sunderland"
                aria-describedby="search-help"
                prop:value=follow::text(move || query.get())
                on:input=typed
                on:keydown=keydown
            />
            <p id="search-help" class="search-help">
                "Words match their beginnings, singular or plural; use quotes for a phrase and a minus sign to leave a word out. Press / to search from anywhere."
            </p>
        </div>
    }
}

/// On a phone, and beside the reader, the filter panel folds behind this.
#[component]
fn FiltersToggle() -> impl IntoView {
    let page = use_page();
    view! {
        <button
            type="button"
            class="filters-toggle"
            id="filters-toggle"
            aria-controls="filter-panel"
            aria-expanded=follow::aria(move || page.filters_open.get())
            on:click=move |_| page.filters_open.update(|open| *open = !*open)
        >
            {follow::text(move || page.view.with(filters_label))}
        </button>
    }
}

#[component]
fn SortSelect() -> impl IntoView {
    let page = use_page();
    let sort = Memo::new(move |_| page.view.with(|v| v.sort));
    let chosen = move |ev: leptos::ev::Event| {
        if let Some(order) = SortOrder::from_code(&event_target_value(&ev)) {
            page.change(|v| v.sort = order);
        }
    };
    view! {
        <div class="sort">
            <label for="sort">"Sort by"</label>
            <select id="sort" on:change=chosen>
                {SortOrder::ALL
                    .into_iter()
                    .map(|order| {
                        view! {
                            <option value=order.code() prop:selected=follow::flag(move || sort.get() == order)>
                                {order.label()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// What "Copy link" says.
#[derive(Clone, PartialEq)]
enum CopyState {
    Idle,
    Copied,
    /// The clipboard refused: the address is shown to copy by hand.
    ShowAddress(String),
}

/// "Copy link": the view's address on the clipboard, or shown to copy by
/// hand where the clipboard is not allowed; "Link copied" for a moment.
#[component]
fn CopyLink() -> impl IntoView {
    let page = use_page();
    let state = RwSignal::new(CopyState::Idle);
    let copy = move |_| {
        let href = page
            .view
            .with_untracked(|v| browser_url::href_with(&funding_core::url_state::encode(v)));
        // No clipboard at all (a page served over plain http): the
        // address to copy by hand.
        let navigator = window().navigator();
        let has_clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
            .is_ok_and(|c| !c.is_undefined() && !c.is_null());
        if !has_clipboard {
            state.set(CopyState::ShowAddress(href));
            return;
        }
        let clipboard = navigator.clipboard();
        leptos::task::spawn_local(async move {
            match JsFuture::from(clipboard.write_text(&href)).await {
                Ok(_) => state.set(CopyState::Copied),
                Err(_) => state.set(CopyState::ShowAddress(href)),
            }
            Timeout::new(3000, move || {
                if state.try_get_untracked() == Some(CopyState::Copied) {
                    state.set(CopyState::Idle);
                }
            })
            .forget();
        });
    };
    view! {
        <div class="copy-link">
            <button type="button" on:click=copy>
                "Copy link"
            </button>
            <span
                class="copy-status"
                class:is-empty=follow::flag(move || state.with(|s| *s == CopyState::Idle))
                id="copy-status"
                role="status"
                aria-live="polite"
            >
                {follow::part(move || match state.get() {
                    CopyState::Idle => ().into_any(),
                    CopyState::Copied => LINK_COPIED.into_any(),
                    CopyState::ShowAddress(href) => {
                        view! {
                            <label class="copy-fallback">
                                "Copy this link: "
                                <input
                                    type="text"
                                    readonly
                                    value=href
                                    on:focus=|ev| {
                                        if let Some(input) = ev
                                            .target()
                                            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                                        {
                                            input.select();
                                        }
                                    }
                                />
                            </label>
                        }
                            .into_any()
                    }
                })}
            </span>
        </div>
    }
}

/// "Add a text": opens the panel to paste, drop or choose one.
#[component]
fn AddOpen() -> impl IntoView {
    let yours = crate::yours::use_yours();
    view! {
        <button type="button" id="add-open" on:click=move |_| crate::add_panel::open(yours, funding_core::yours::PanelAction::Open)>
            "Add"<span class="add-words">" a text"</span>
        </button>
    }
}
