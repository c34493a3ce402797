//! The explorer's shared state, handed to every component by context: the
//! view (which the address bar follows, so any view can be shared), its
//! results, and what is not part of a link but more than one component
//! reads (how many rows are listed, whether the filter panel is open on a
//! phone, the size the charts are drawn at). State only one component
//! reads (a chart shown as a table, a facet showing all its values) is that
//! component's own.

use crate::browser_url;
use funding_core::charts::ChartSize;
use funding_core::explore::{Exploration, Explorer};
use funding_core::page::PAGE_ROWS;
use funding_core::query::Query;
use funding_core::url_state::{self, Notice};
use funding_core::view::ViewState;
use funding_core::Dataset;
use leptos::prelude::*;

/// How a new view reaches the browser's history.
#[derive(Clone, Copy, PartialEq)]
pub enum History {
    /// A new entry: back returns to the view before.
    Push,
    /// In place of the current entry (typing a search is one entry, not one
    /// per key).
    Replace,
    /// The address already says it (back, forward).
    Keep,
}

/// The page's state: copied into each component (`use_page`).
#[derive(Clone, Copy)]
pub struct Page {
    pub dataset: &'static Dataset,
    /// The search index and facet tables, built once for the page's life.
    pub core: &'static Explorer<'static>,
    pub view: RwSignal<ViewState>,
    /// The view without its open record or organisation page: what the
    /// results, and anything else worked out from them, follow.
    pub filtering: Memo<ViewState>,
    /// The results of the view without its open record: a memo, because the
    /// list, counts, facets, totals and charts all read it and it should run
    /// once per change; opening a record does not run it again.
    pub results: Memo<Exploration>,
    /// The parsed search, which the rows and the reader mark: a memo of its
    /// own, so the reader follows the search and not every filter.
    pub query: Memo<Query>,
    /// The parts of the opened link that were ignored, and why.
    pub notices: RwSignal<Vec<Notice>>,
    /// Rows in the list; a new set of results starts at the first page again.
    pub shown: RwSignal<usize>,
    /// The filter panel, on a phone or beside the reader.
    pub filters_open: RwSignal<bool>,
    pub chart_size: RwSignal<ChartSize>,
}

impl Page {
    pub fn new(dataset: &'static Dataset, chart_size: ChartSize) -> Page {
        let core: &'static Explorer<'static> = Box::leak(Box::new(Explorer::new(dataset)));
        let (first_view, notices) = url_state::decode(&browser_url::current_query(), core);
        let view = RwSignal::new(first_view);
        let filtering = Memo::new(move |_| view.with(ViewState::without_open));
        // A new view's results count as changed without comparing them (a
        // comparison of every row, facet and total that would almost always
        // find a difference); each component compares its own, smaller, part.
        let results = Memo::new_with_compare(move |_| filtering.with(|v| core.run(v)), |_, _| true);
        let query = Memo::new(move |_| results.with(|e| e.query.clone()));
        Page {
            dataset,
            core,
            view,
            filtering,
            results,
            query,
            notices: RwSignal::new(notices),
            shown: RwSignal::new(PAGE_ROWS),
            filters_open: RwSignal::new(false),
            chart_size: RwSignal::new(chart_size),
        }
    }

    /// Shows `view`, writing it into the address bar as `history` says.
    pub fn show(self, view: ViewState, history: History) {
        let current = self.view.get_untracked();
        if current == view {
            return;
        }
        if history != History::Keep {
            browser_url::write_query_after_frame(
                url_state::encode(&view),
                history == History::Replace,
            );
        }
        // New results start at their first screenful; opening a record
        // keeps the list as it is.
        if !current.same_results(&view) && self.shown.get_untracked() != PAGE_ROWS {
            self.shown.set(PAGE_ROWS);
        }
        self.view.set(view);
    }

    /// Changes the current view and shows it as a new history entry.
    pub fn change(self, f: impl FnOnce(&mut ViewState)) {
        let mut view = self.view.get_untracked();
        f(&mut view);
        self.show(view, History::Push);
    }
}

/// The page's state, from the explorer's context.
pub fn use_page() -> Page {
    // Every component is inside `Explorer`, which provides it; a component
    // outside it is a mistake in this crate, not in anything from outside.
    expect_context::<Page>()
}

/// Whether a click should open a link in the page: a plain click. Modified
/// clicks (a new tab, a new window) are the browser's, as usual.
pub fn is_plain_click(ev: &leptos::ev::MouseEvent) -> bool {
    !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0)
}
