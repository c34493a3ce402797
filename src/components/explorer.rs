//! The explorer screen: search, filters, totals, the list of funding records
//! and the reader. The whole view lives in the URL, so any view can be shared.

use super::active_filters::ActiveFilters;
use super::charts_panel::ChartsPanel;
use super::copy_link::CopyLink;
use super::exports::Exports;
use super::filter_panel::FilterPanel;
use super::notices::LinkNotices;
use super::reader::RecordReader;
use super::record_list::RecordList;
use super::search_box::SearchBox;
use super::sort_select::SortSelect;
use super::totals_panel::TotalsPanel;
use crate::browser_url;
use funding_core::explore::{Exploration, Explorer as CoreExplorer};
use funding_core::url_state::{self, Notice};
use funding_core::view::ViewState;
use funding_core::Dataset;
use leptos::prelude::*;

/// The view the page shows. Children change it through these methods, which
/// keep the address bar in step.
#[derive(Clone, Copy)]
pub struct ViewSignal(pub RwSignal<ViewState>);

impl ViewSignal {
    /// Shows `view` as a new history entry (back returns to the one before).
    pub fn show(self, view: ViewState) {
        browser_url::push_query(&url_state::encode(&view));
        self.0.set(view);
    }

    /// Shows `view` in place of the current history entry.
    pub fn replace(self, view: ViewState) {
        browser_url::replace_query(&url_state::encode(&view));
        self.0.set(view);
    }

    /// Changes the current view and shows the result as a new history entry.
    pub fn change(self, f: impl FnOnce(&mut ViewState)) {
        let mut view = self.0.get_untracked();
        f(&mut view);
        self.show(view);
    }
}

/// The results of the current view: a memo, because the list, the counts, the
/// facets and the totals all read it and it should run once per change.
#[derive(Clone, Copy)]
pub struct ResultsMemo(pub Memo<Exploration>);

/// The core's explorer (index and facet values), for components that run a
/// view other than the current one.
#[derive(Clone, Copy)]
pub struct CoreExplorerRef(pub &'static CoreExplorer<'static>);

#[component]
pub fn Explorer(dataset: &'static Dataset) -> impl IntoView {
    // Built once (the search index and facet values) and kept for the page's life.
    let core: &'static CoreExplorer<'static> = Box::leak(Box::new(CoreExplorer::new(dataset)));
    let (first_view, first_notices) = url_state::decode(&browser_url::current_query(), core);
    let view_state = ViewSignal(RwSignal::new(first_view));
    let notices: RwSignal<Vec<Notice>> = RwSignal::new(first_notices);
    provide_context(view_state);

    // Opening a record does not change the results: run them from the view
    // without `open`, so the reader does not re-run the search.
    let filtering = Memo::new(move |_| ViewState {
        open: None,
        ..view_state.0.get()
    });
    // A new view's results count as changed without comparing them (a
    // comparison of every row, facet and total, on every change, that would
    // almost always find a difference); the memos that read them compare
    // their own, smaller, values.
    let results = ResultsMemo(Memo::new_with_compare(
        move |_| filtering.with(|v| core.run(v)),
        |_, _| true,
    ));
    provide_context(results);
    provide_context(CoreExplorerRef(core));

    // Back and forward: read the address bar again, without pushing.
    let _ = window_event_listener(leptos::ev::popstate, move |_| {
        let (view, link_notices) = url_state::decode(&browser_url::current_query(), core);
        view_state.0.set(view);
        notices.set(link_notices);
    });

    // The header is the page's own (index.html); what the dataset holds is
    // counted here, once.
    if let Some(counts) = document().get_element_by_id("counts") {
        counts.set_inner_html(&funding_core::html::dataset_counts(dataset));
    }

    let filters_open = RwSignal::new(false);
    let reader_open = move || view_state.0.with(|v| v.open.is_some());

    view! {
        <LinkNotices notices=notices />
        <div class="toolbar">
            <SearchBox />
            <div class="toolbar-actions">
                <button
                    type="button"
                    class="filters-toggle"
                    aria-controls="filter-panel"
                    aria-expanded=move || filters_open.get().to_string()
                    on:click=move |_| filters_open.update(|o| *o = !*o)
                >
                    "Filters"
                    {move || {
                        let n = view_state.0.with(|v| v.filters.values().map(|s| s.len()).sum::<usize>()
                            + usize::from(v.min_amount.is_some()) + usize::from(v.max_amount.is_some()));
                        (n > 0).then(|| format!(" ({n})"))
                    }}
                </button>
                <SortSelect />
                <CopyLink />
            </div>
        </div>
        <main class="layout" class:has-reader=reader_open>
            <FilterPanel open=filters_open />
            <section class="records" aria-labelledby="records-heading">
                <h2 id="records-heading" class="visually-hidden">"Funding records"</h2>
                <ActiveFilters core=core />
                <TotalsPanel dataset=dataset />
                <ChartsPanel dataset=dataset />
                <Exports dataset=dataset />
                <RecordList dataset=dataset />
            </section>
            {move || {
                view_state
                    .0
                    .with(|v| v.open.clone())
                    .and_then(|id| dataset.record(&id))
                    .map(|record| view! { <RecordReader dataset=dataset record=record /> })
            }}
        </main>
    }
}
