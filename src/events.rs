//! What a person does, read by one listener per kind of event on the
//! explorer (and a few on the window), and handed to the part it belongs
//! to. The core's buttons and links name what they do (`page::Action`) and
//! which item (`html::OPEN_ATTRIBUTE` and the like), so the markup can be
//! written in one step and still be answered.

use crate::browser_url;
use crate::dom;
use crate::page::{History, Page};
use crate::parts::{charts, filters, notices, reader, records, toolbar};
use funding_core::export::ViewDownload;
use funding_core::html::{
    ABOUT_ATTRIBUTE, CHIP_ATTRIBUTE, CLEAR_ATTRIBUTE, OPEN_ATTRIBUTE, TARGET_ATTRIBUTE,
};
use funding_core::page::{
    facet_named, Action, Place, ACTION_ATTRIBUTE, CHART_ATTRIBUTE, DOWNLOAD_ATTRIBUTE,
    FACET_ATTRIBUTE,
};
use funding_core::url_state;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlInputElement, KeyboardEvent, MouseEvent};

/// Listens on `root` (the explorer) and on the window for the page's life.
pub fn listen(page: Page, root: &Element) {
    dom::listen(root, "click", false, Box::new(move |ev| clicked(page, &ev)));
    dom::listen(
        root,
        "change",
        false,
        Box::new(move |ev| changed(page, &ev)),
    );
    dom::listen(
        root,
        "input",
        false,
        Box::new(move |ev| {
            if let Some(input) = search_field(&ev) {
                toolbar::typed(page, input.value());
            }
        }),
    );
    dom::listen(
        root,
        "keydown",
        false,
        Box::new(move |ev| {
            let escape = ev
                .dyn_ref::<KeyboardEvent>()
                .is_some_and(|k| k.key() == "Escape");
            if escape && search_field(&ev).is_some() {
                ev.prevent_default();
                toolbar::clear_search(page);
            }
        }),
    );
    // Focusing the address to copy by hand selects it.
    dom::listen(
        root,
        "focusin",
        false,
        Box::new(|ev| {
            if let Some(input) = dom::closest(&ev, ".copy-fallback input")
                .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
            {
                input.select();
            }
        }),
    );
    // A details' toggle does not bubble: caught on its way down.
    dom::listen(
        root,
        "toggle",
        true,
        Box::new(move |ev| {
            let Some(details) =
                dom::target(&ev).and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
            else {
                return;
            };
            match details.id().as_str() {
                id if id == Place::Charts.id() => charts::folded(page, details.open()),
                id if id == Place::TotalsExplained.id() => page.explained_open.set(details.open()),
                _ => {}
            }
        }),
    );

    let window = window();
    // Back and forward: read the address bar again, without pushing.
    dom::listen(
        &window,
        "popstate",
        false,
        Box::new(move |_| {
            // A link to a place in the reader's text (#evidence-…) is a
            // step in history too, with the same view: nothing to show, and
            // notices dismissed stay dismissed.
            let (view, notices) = url_state::decode(&browser_url::current_query(), page.core);
            if page.view.with_untracked(|v| *v != view) {
                page.show(view, History::Keep);
                page.notices.set(notices);
            }
        }),
    );
    // "/" anywhere outside a form field focuses the search.
    dom::listen(
        &window,
        "keydown",
        false,
        Box::new(|ev| {
            let Some(key) = ev.dyn_ref::<KeyboardEvent>() else {
                return;
            };
            if key.key() != "/" || key.ctrl_key() || key.meta_key() || key.alt_key() {
                return;
            }
            let typing = document().active_element().is_some_and(|el| {
                matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
            });
            if !typing {
                ev.prevent_default();
                dom::focus(Place::Search.id());
            }
        }),
    );
}

fn search_field(ev: &Event) -> Option<HtmlInputElement> {
    dom::target(ev)
        .filter(|t| t.id() == Place::Search.id())
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
}

/// A click on one of the core's links or buttons.
fn clicked(page: Page, ev: &Event) {
    let chosen = dom::closest(
        ev,
        &format!("[{OPEN_ATTRIBUTE}],[{ABOUT_ATTRIBUTE}],[{CHIP_ATTRIBUTE}],[{CLEAR_ATTRIBUTE}],[{TARGET_ATTRIBUTE}],[{ACTION_ATTRIBUTE}]"),
    );
    let Some(chosen) = chosen else {
        return;
    };
    let attribute = |name: &str| chosen.get_attribute(name);
    let number = |name: &str| attribute(name).and_then(|n| n.parse::<usize>().ok());
    // The chart a button belongs to, by its place in `page::CHARTS`.
    let chart = || {
        chosen
            .closest(&format!("[{CHART_ATTRIBUTE}]"))
            .ok()
            .flatten()
            .and_then(|figure| figure.get_attribute(CHART_ATTRIBUTE))
            .and_then(|id| charts::chart_number(&id))
    };
    // A plain click opens the reader in the page; modified clicks open a
    // new tab as usual.
    let plain = || {
        ev.dyn_ref::<MouseEvent>()
            .is_some_and(|m| !(m.ctrl_key() || m.meta_key() || m.shift_key() || m.button() != 0))
    };
    if let Some(id) = attribute(OPEN_ATTRIBUTE) {
        if plain() {
            ev.prevent_default();
            // A source on an organisation's page opens over the page (Close
            // goes back to it); a record from the list replaces it.
            let from_page = chosen.closest(".recipient-page").ok().flatten().is_some();
            page.change(|v| {
                v.open = Some(id);
                if !from_page {
                    v.about = None;
                }
            });
        }
    } else if let Some(id) = attribute(ABOUT_ATTRIBUTE) {
        if plain() {
            ev.prevent_default();
            reader::open_about(page, id);
        }
    } else if let Some(n) = number(CHIP_ATTRIBUTE) {
        records::remove_chip(page, n);
    } else if let Some(what) = attribute(CLEAR_ATTRIBUTE) {
        records::clear(page, &what);
    } else if let (Some(target), Some(n)) = (number(TARGET_ATTRIBUTE), chart()) {
        charts::choose(page, n, target);
    } else if let Some(action) = attribute(ACTION_ATTRIBUTE).and_then(|a| Action::from_code(&a)) {
        match action {
            Action::DismissNotices => notices::dismiss(page),
            Action::ToggleFilters => page.filters_open.update(|o| *o = !*o),
            Action::CloseFilters => page.filters_open.set(false),
            Action::CopyLink => toolbar::copy_link(page),
            Action::ClearAll => records::clear_all(page),
            Action::ShowMore => records::show_more(page),
            Action::MoreValues => {
                if let Some(facet) = attribute(FACET_ATTRIBUTE).and_then(|f| facet_named(&f)) {
                    filters::more_values(page, facet);
                }
            }
            Action::ChartAsTable => {
                if let Some(n) = chart() {
                    charts::as_table(page, n);
                }
            }
            Action::DownloadChart => {
                if let Some(n) = chart() {
                    let refused = chosen
                        .parent_element()
                        .and_then(|p| p.query_selector(".chart-refused").ok().flatten());
                    charts::download(page, n, refused);
                }
            }
            Action::DownloadView => {
                if let Some(download) =
                    attribute(DOWNLOAD_ATTRIBUTE).and_then(|d| ViewDownload::from_code(&d))
                {
                    records::download(page, download);
                }
            }
            Action::CloseReader => reader::close(page),
        }
    }
}

/// A checkbox ticked, a sort chosen or an amount typed.
fn changed(page: Page, ev: &Event) {
    let Some(target) = dom::target(ev) else {
        return;
    };
    let value = || {
        target
            .dyn_ref::<HtmlInputElement>()
            .map(|i| i.value())
            .or_else(|| {
                target
                    .dyn_ref::<web_sys::HtmlSelectElement>()
                    .map(|s| s.value())
            })
            .unwrap_or_default()
    };
    // A checkbox's facet is named by the list it is in.
    let facet = || {
        target
            .closest(&format!("[{FACET_ATTRIBUTE}]"))
            .ok()
            .flatten()
            .and_then(|list| list.get_attribute(FACET_ATTRIBUTE))
            .and_then(|f| facet_named(&f))
    };
    match target.id().as_str() {
        id if id == Place::Sort.id() => toolbar::sorted(page, &value()),
        id if id == Place::AmountMin.id() => {
            filters::amount_changed(page, Place::AmountMin, &value())
        }
        id if id == Place::AmountMax.id() => {
            filters::amount_changed(page, Place::AmountMax, &value())
        }
        _ => {
            if let Some(facet) = facet() {
                filters::toggled(page, facet, &value());
            }
        }
    }
}
