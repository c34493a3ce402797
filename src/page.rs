//! What the page's parts read and change: the view (which the address bar
//! follows, so any view can be shared), its results, and the page's own
//! state that is not part of a link (what is folded away or shown as a
//! table, how many rows are listed).

use crate::browser_url;
use funding_core::charts::{Chart, ChartSize};
use funding_core::explore::{Exploration, Explorer};
use funding_core::page::PAGE_ROWS;
use funding_core::url_state::{self, Notice};
use funding_core::view::ViewState;
use funding_core::Dataset;
use leptos::prelude::*;

/// What "Copy link" says.
#[derive(Clone, PartialEq)]
pub enum CopyState {
    Idle,
    Copied,
    /// The clipboard refused: the address is shown to copy by hand.
    ShowAddress(String),
}

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

/// The page's state, shared by value with each part.
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
    pub notices: RwSignal<Vec<Notice>>,
    /// Rows in the list; a new set of results starts at the first page again.
    pub shown: RwSignal<usize>,
    pub filters_open: RwSignal<bool>,
    /// Long facets showing every value, one bit per place in `Facet::ALL`.
    pub all_values: RwSignal<u16>,
    pub explained_open: RwSignal<bool>,
    pub charts_open: RwSignal<bool>,
    /// Charts shown as tables, one bit per place in `page::CHARTS`: a
    /// table chosen stays chosen as the view changes.
    pub as_table: RwSignal<u16>,
    pub chart_size: RwSignal<ChartSize>,
    pub copy: RwSignal<CopyState>,
    /// What the amount fields could not read, or empty.
    pub amount_error: RwSignal<String>,
    /// The charts as last drawn, by place in `page::CHARTS`: what their
    /// buttons and downloads act on.
    pub drawn: StoredValue<[Option<Chart>; 5]>,
}

impl Page {
    pub fn new(dataset: &'static Dataset) -> Page {
        let core: &'static Explorer<'static> = Box::leak(Box::new(Explorer::new(dataset)));
        let (first_view, notices) = url_state::decode(&browser_url::current_query(), core);
        let view = RwSignal::new(first_view);
        let filtering = Memo::new(move |_| view.with(ViewState::without_open));
        // A new view's results count as changed without comparing them (a
        // comparison of every row, facet and total that would almost always
        // find a difference); each part compares its own, smaller, output.
        let results = Memo::new_with_compare(move |_| filtering.with(|v| core.run(v)), |_, _| true);
        Page {
            dataset,
            core,
            view,
            filtering,
            results,
            notices: RwSignal::new(notices),
            shown: RwSignal::new(PAGE_ROWS),
            filters_open: RwSignal::new(false),
            all_values: RwSignal::new(0),
            explained_open: RwSignal::new(false),
            charts_open: RwSignal::new(true),
            as_table: RwSignal::new(0),
            chart_size: RwSignal::new(crate::parts::charts::fitting_size()),
            copy: RwSignal::new(CopyState::Idle),
            amount_error: RwSignal::new(String::new()),
            drawn: StoredValue::new([None, None, None, None, None]),
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

/// Whether bit `n` of `bits` is set.
pub fn bit(bits: u16, n: usize) -> bool {
    bits & (1 << n) != 0
}
