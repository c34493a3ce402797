//! The records' section: the active filters as chips, the totals, the count
//! and the list of funding records (a page at a time), and "nothing
//! matches" with its ways out. The core writes each (`funding_core::html`).

use super::keep_html;
use crate::page::Page;
use funding_core::export::ViewDownload;
use funding_core::html;
use funding_core::page::{self, Place, DOWNLOAD_REFUSED, PAGE_ROWS};
use funding_core::url_state::active_filters;
use funding_core::view::ViewState;
use leptos::prelude::*;

pub fn follow(page: Page) {
    // With no chips the group is hidden (explorer.css: an empty list).
    keep_html(Place::Chips.id().into(), move || {
        page.view
            .with(|v| html::filter_chips(&active_filters(v, page.core)))
    });
    keep_html(Place::TotalsSummary.id().into(), move || {
        page.results
            .with(|e| html::totals_summary(page.dataset, &e.totals))
    });
    // The coverage of each year's national total is the dataset's, not the
    // view's: written once.
    let years = funding_core::coverage::vanguard_coverage(page.core);
    let coverage = html::coverage(page.dataset, &years);
    keep_html(Place::Coverage.id().into(), move || coverage.clone());
    let disagreements = html::dataset_disagreements(&funding_core::disagreements::across_dataset(
        page.core, &years,
    ));
    keep_html(Place::Disagreements.id().into(), move || {
        disagreements.clone()
    });
    // What the total includes, and where sources disagree, are written only
    // while "What this total includes" is open: a large view has thousands
    // of disagreements, and a closed list would be rebuilt unseen.
    keep_html(Place::TotalsExplainedList.id().into(), move || {
        if page.explained_open.get() {
            page.results
                .with(|e| html::totals_explained(page.dataset, &e.totals))
        } else {
            String::new()
        }
    });
    keep_html(Place::ResultCount.id().into(), move || {
        page.results.with(|e| page::records_counted(e.rows.len()))
    });
    // How many records the search finds without the filters: clearing them
    // is offered only when that would show something.
    // Asked of the engine once per change; two places show it.
    let no_figure = Memo::new(move |_| page.filtering.with(|v| page.core.no_figure_held(v)));
    keep_html(Place::NothingFound.id().into(), move || {
        if page.results.with(|e| !e.rows.is_empty()) {
            return String::new();
        }
        page.view.with(|v| {
            let without_filters = if v.has_filters() {
                page.core.run(&v.without_filters()).rows.len()
            } else {
                0
            };
            let no_figure = no_figure.with(|o| !o.is_empty());
            html::nothing_found(v.query.trim(), without_filters, no_figure)
        })
    });
    keep_html(Place::NoFigureHeld.id().into(), move || {
        no_figure.with(|o| html::no_figure_held(page.dataset, o))
    });
    keep_html(Place::RecordList.id().into(), move || {
        let shown = page.shown.get();
        page.results.with(|e| {
            let rows = &e.rows[..e.rows.len().min(shown)];
            page.view
                .with(|v| html::record_rows(page.dataset, rows, v, &e.query))
        })
    });
    keep_html(Place::ShowMore.id().into(), move || {
        let shown = page.shown.get();
        page.results.with(|e| page::show_more(e.rows.len(), shown))
    });
}

/// A chip chosen: the view without that filter.
pub fn remove_chip(page: Page, n: usize) {
    let without = page
        .view
        .with_untracked(|v| active_filters(v, page.core).into_iter().nth(n))
        .map(|chip| chip.without);
    if let Some(view) = without {
        page.show(view, crate::page::History::Push);
    }
}

/// "Clear all": no search and no filters, the sort and the reader kept.
pub fn clear_all(page: Page) {
    page.change(|v| {
        *v = ViewState {
            sort: v.sort,
            open: v.open.clone(),
            ..ViewState::default()
        }
    });
}

/// One of the buttons of "nothing matches".
pub fn clear(page: Page, what: &str) {
    match what {
        html::CLEAR_FILTERS => page.change(|v| *v = v.without_filters()),
        html::CLEAR_SEARCH => page.change(|v| v.query.clear()),
        _ => {}
    }
}

/// One of the view's downloads; says beside the buttons what the file
/// left out, or that the browser refused it.
pub fn download(page: Page, download: ViewDownload) {
    let (content, note) = page
        .results
        .with_untracked(|e| download.write(page.core, &e.rows));
    let name = page.view.with_untracked(|v| download.file_name(v));
    let saved = match &content {
        Some(content) => crate::download::save(&name, download.mime_type(), content),
        None => true,
    };
    if let Some(place) = crate::dom::place(Place::DownloadRefused) {
        let text = if saved {
            note.unwrap_or_default()
        } else {
            DOWNLOAD_REFUSED.to_string()
        };
        place.set_text_content(Some(&text));
    }
}

/// "Show more": the next page of rows.
pub fn show_more(page: Page) {
    page.shown.update(|n| *n += PAGE_ROWS);
}
