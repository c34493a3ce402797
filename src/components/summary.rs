//! What the explorer is, and how much it holds.

use funding_core::model::{OrganisationKind, RecordKind};
use funding_core::Dataset;
use leptos::prelude::*;

#[component]
pub fn Summary(dataset: &'static Dataset) -> impl IntoView {
    let announcements = dataset.announcements().count();
    let reported = dataset
        .records
        .iter()
        .filter(|r| r.kind == RecordKind::ReportedFigure)
        .count();
    let organisations = dataset.organisations.len();
    let vanguards = dataset
        .organisations
        .iter()
        .filter(|o| o.kind == OrganisationKind::Vanguard)
        .count();
    let items = dataset.funding_item_count();
    view! {
        <header class="site-header">
            <div class="site-header-inner">
            <h1>"NHS transformation funding explorer"</h1>
            <p class="lede">
                "Money announced by NHS England for the 2015 new care models vanguards and the integrated care systems that followed. "
                "Every figure comes with its source; for announcements held in full, with the very words that state it."
            </p>
            <ul class="counts" aria-label="What the explorer holds">
                <li><strong>{announcements}</strong>" announcements in full text"</li>
                <li><strong>{reported}</strong>" figures reported on other public pages"</li>
                <li><strong>{items}</strong>" funding figures in all"</li>
                <li><strong>{organisations}</strong>" organisations, "{vanguards}" of them vanguards"</li>
            </ul>
            </div>
        </header>
    }
}
