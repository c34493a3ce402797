//! The page's side of the person's kept records: what was said about them
//! (a record kept, stored records that could not be read, Undo after a
//! delete), and the actions on a kept record in the reader. Adding,
//! editing, sharing and exporting happen in the "Add a text" panel, which
//! loads on first use (`add_panel.rs`).

use crate::add_panel;
use crate::follow;
use crate::yours::use_yours;
use funding_core::yours::PanelAction;
use leptos::prelude::*;

/// What was said about the kept records: the last action, stored records
/// that could not be read (with a download), and "Undo" after a delete.
#[component]
pub fn YoursNotices() -> impl IntoView {
    let yours = use_yours();
    let said = move || {
        yours
            .said
            .get()
            .map(|s| view! { <p class="notice yours-said">{s}</p> })
    };
    let set_aside = move || {
        yours.set_aside.get().map(|aside| {
            view! {
                <div class="notice yours-problem" role="alert">
                    <p>"Some of the texts you added in this browser could not be read: " {aside.reason} "."</p>
                    {if aside.moved {
                        view! {
                            <p>
                                "Nothing was deleted: a copy of everything that was stored is kept in this browser (under "
                                <code>{aside.key}</code> "), apart from the texts that could be read and new ones you add."
                            </p>
                        }
                        .into_any()
                    } else {
                        view! {
                            <p>"Nothing was deleted, and nothing new is stored over it: this browser's storage had no room for a copy. Download it to keep it."</p>
                        }
                        .into_any()
                    }}
                    <button type="button" on:click=move |_| {
                        if !yours.download_set_aside() {
                            yours.said.set(Some("This browser refused the download.".to_string()));
                        }
                    }>"Download what was stored"</button>
                    " "
                    <button type="button" class="quiet" on:click=move |_| {
                        yours.set_aside.set(None);
                        crate::focus::focus_after_render(&["#search"]);
                    }>"Dismiss"</button>
                </div>
            }
        })
    };
    let deleted = move || {
        yours.deleted.get().map(|(record, _)| {
            let title = record
                .record
                .title
                .clone()
                .unwrap_or_else(|| record.record.id.clone());
            view! {
                <div class="notice yours-deleted">
                    <p>"Deleted “" {title} "”."</p>
                    <button type="button" id="undo-delete" on:click=move |_| {
                        match yours.undo() {
                            Ok(put_back) => {
                                yours.said.set(Some("Put back.".to_string()));
                                // Focus to its row once the explorer shows it.
                                if let Some(id) = put_back {
                                    crate::focus::focus_row_after_render(id);
                                }
                            }
                            Err(problem) => yours.said.set(Some(problem)),
                        }
                        crate::add_panel::refresh_panel();
                    }>"Undo"</button>
                </div>
            }
        })
    };
    view! {
        <div class="yours-notices" role="status" aria-live="polite">
            {follow::part(set_aside)}
            {follow::part(deleted)}
            {follow::part(said)}
        </div>
    }
}

/// What can be done with a kept record, in the reader: edit, share and
/// export it (in the panel), or delete it (with Undo).
#[component]
pub fn ReaderYourActions(id: String) -> impl IntoView {
    let yours = use_yours();
    let ask = move |action: PanelAction| add_panel::open(yours, action);
    let (edit, share, export, delete) = (id.clone(), id.clone(), id.clone(), id);
    view! {
        <div class="your-actions">
            <button type="button" class="quiet" on:click=move |_| ask(PanelAction::Edit(edit.clone()))>"Edit"</button>
            <button type="button" class="quiet" on:click=move |_| ask(PanelAction::Share(share.clone()))>"Share link"</button>
            <button type="button" class="quiet" on:click=move |_| ask(PanelAction::Export(export.clone()))>"Export files"</button>
            <button type="button" class="quiet" on:click=move |_| add_panel::delete(yours, &delete)>"Delete"</button>
        </div>
    }
}
