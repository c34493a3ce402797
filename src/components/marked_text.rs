//! Text with the search words marked.

use funding_core::search::Highlighted;
use leptos::prelude::*;

/// `pieces` as text, each search hit in `<strong class="hit">`.
#[component]
pub fn MarkedText(pieces: Vec<Highlighted>) -> impl IntoView {
    pieces
        .into_iter()
        .map(|piece| {
            if piece.hit {
                view! { <strong class="hit">{piece.text}</strong> }.into_any()
            } else {
                piece.text.into_any()
            }
        })
        .collect_view()
}
