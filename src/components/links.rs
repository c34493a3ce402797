//! Links within the explorer: to a record in the reader, and to an
//! organisation's page. Each has the address of the view it opens, so it
//! also works opened in a new tab or copied; a plain click opens it in the
//! page without a reload.

use crate::follow;
use crate::page::{is_plain_click, use_page};
use funding_core::model::is_web_address;
use funding_core::url_state;
use leptos::prelude::*;

/// A link that opens the record `record` in the reader. From an
/// organisation's page (`over_page`) the record opens over the page, and
/// Close goes back to it; elsewhere it replaces the page.
#[component]
pub fn OpenLink(record: String, text: String, #[prop(optional)] over_page: bool) -> impl IntoView {
    let page = use_page();
    let id = record.clone();
    let href = follow::text(move || {
        page.view
            .with(|v| url_state::encode_opening(v, Some(&record)))
    });
    view! {
        <a
            href=href
            on:click=move |ev| {
                if is_plain_click(&ev) {
                    ev.prevent_default();
                    let id = id.clone();
                    page.change(|v| {
                        v.open = Some(id);
                        if !over_page {
                            v.about = None;
                        }
                    });
                }
            }
        >
            {text}
        </a>
    }
}

/// A link that opens the page of the organisation `id` in the reader.
#[component]
pub fn AboutLink(id: String, name: String) -> impl IntoView {
    let page = use_page();
    let linked = funding_core::view::ViewState {
        about: Some(id.clone()),
        ..Default::default()
    };
    view! {
        <a
            href=url_state::encode(&linked)
            on:click=move |ev| {
                if is_plain_click(&ev) {
                    ev.prevent_default();
                    let id = id.clone();
                    page.change(|v| {
                        v.open = None;
                        v.about = Some(id);
                    });
                }
            }
        >
            {name}
        </a>
    }
}

/// `text` linking to a source's page if `url` is a web address; `otherwise`
/// as text if not (a `javascript:` address is never a link).
#[component]
pub fn SourceLink(url: String, text: String, otherwise: String) -> impl IntoView {
    if is_web_address(&url) {
        view! {
            <a href=url target="_blank" rel="noopener noreferrer">
                {text}
            </a>
        }
        .into_any()
    } else {
        view! { <span>{otherwise}</span> }.into_any()
    }
}
