//! The view's downloads (CSV, JSON, 360Giving), and beside them what a file
//! left out, or that the browser refused it.

use crate::follow;
use crate::page::use_page;
use funding_core::export::ViewDownload;
use funding_core::page::DOWNLOAD_REFUSED;
use leptos::prelude::*;

#[component]
pub fn Exports() -> impl IntoView {
    let page = use_page();
    let note = RwSignal::new(String::new());
    let download = move |download: ViewDownload| {
        let (content, left_out) = page
            .results
            .with_untracked(|e| download.write(page.core, &e.rows));
        let name = page.view.with_untracked(|v| download.file_name(v));
        let saved = match &content {
            Some(content) => crate::download::save(&name, download.mime_type(), content),
            None => true,
        };
        note.set(if saved {
            left_out.unwrap_or_default()
        } else {
            DOWNLOAD_REFUSED.to_string()
        });
    };
    view! {
        <div class="exports" role="group" aria-label="Download this view">
            <span class="exports-label">"Download this view:"</span>
            {ViewDownload::ALL
                .into_iter()
                .map(|d| view! {
                    <button type="button" class="quiet" on:click=move |_| download(d)>
                        {d.button()}
                    </button>
                })
                .collect_view()}
            <span class="download-note" class:is-empty=follow::flag(move || note.with(String::is_empty)) id="download-refused" role="status">
                {follow::text(move || note.get())}
            </span>
        </div>
    }
}
