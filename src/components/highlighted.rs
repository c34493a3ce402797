//! Text with the search words marked, rendered as text nodes (never HTML).

use funding_core::search::Highlighted;
use leptos::prelude::*;

#[component]
pub fn HighlightedText(pieces: Vec<Highlighted>) -> impl IntoView {
    pieces
        .into_iter()
        .map(|p| {
            if p.hit {
                view! { <strong class="hit">{p.text}</strong> }.into_any()
            } else {
                p.text.into_any()
            }
        })
        .collect_view()
}
