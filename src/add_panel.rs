//! The page's side of its "Add a text" panel. The panel, with the extractor
//! and `data/`'s file format, is a wasm of its own (`src/bin/funding-add.rs`,
//! built by trunk beside the page), imported the first time a person adds,
//! shares, exports or imports a text, so a first visit never loads it.
//!
//! The two talk by window events whose details are
//! `funding_core::yours::PanelAction` (page to panel) and `PanelNews` (panel
//! to page). Both read and write the kept records in the browser's storage
//! (`yours.rs`); news says when to read them again.

use crate::yours::Yours;
use funding_core::yours::{PanelAction, PanelNews};
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The event the panel listens for.
pub const ACTION_EVENT: &str = "funding-add";
/// The event the page listens for.
pub const NEWS_EVENT: &str = "funding-yours";

#[wasm_bindgen(inline_js = "export async function import_panel(js, wasm) {
  const base = document.baseURI;
  const panel = await import(new URL(js, base).href);
  await panel.default({ module_or_path: new URL(wasm, base).href });
}")]
extern "C" {
    /// Imports the panel's ES module (trunk's build of it, beside the page)
    /// and starts its wasm.
    #[wasm_bindgen(catch)]
    async fn import_panel(js: &str, wasm: &str) -> Result<JsValue, JsValue>;
}

enum Load {
    NotLoaded,
    /// Loading; the actions asked for meanwhile, in order.
    Loading(Vec<PanelAction>),
    Ready,
}

thread_local! {
    static LOAD: RefCell<Load> = const { RefCell::new(Load::NotLoaded) };
}

/// Sends `detail` as a window event named `name`.
pub fn send(name: &str, detail: &str) {
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&JsValue::from_str(detail));
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = window().dispatch_event(&event);
    }
}

/// The detail of a window event sent by `send`.
pub fn detail(event: &web_sys::Event) -> Option<String> {
    event
        .dyn_ref::<web_sys::CustomEvent>()
        .and_then(|e| e.detail().as_string())
}

/// Asks the panel for `action`, loading it first if it is not yet.
pub fn open(yours: Yours, action: PanelAction) {
    let load_now = LOAD.with(|load| {
        let mut load = load.borrow_mut();
        match &mut *load {
            Load::Ready => {
                send(ACTION_EVENT, &action.to_detail());
                false
            }
            Load::Loading(pending) => {
                pending.push(action);
                false
            }
            Load::NotLoaded => {
                *load = Load::Loading(vec![action]);
                true
            }
        }
    });
    if load_now {
        leptos::task::spawn_local(async move {
            if import_panel("./funding-add.js", "./funding-add_bg.wasm")
                .await
                .is_err()
            {
                LOAD.with(|load| *load.borrow_mut() = Load::NotLoaded);
                yours.said.set(Some(
                    "The panel for adding a text could not be loaded. If you are offline, open the explorer once while online, and it will work offline after.".to_string(),
                ));
            }
        });
    }
}

/// Follows the panel's news for the page's life: reads the kept records
/// again when they change, says what was kept, and deletes on request.
pub fn listen(yours: Yours) {
    crate::listen::on_window(NEWS_EVENT, move |event| {
        let Some(news) = detail(event).and_then(|d| PanelNews::from_detail(&d)) else {
            return;
        };
        match news {
            PanelNews::Ready => {
                let pending = LOAD.with(|load| {
                    match std::mem::replace(&mut *load.borrow_mut(), Load::Ready) {
                        Load::Loading(pending) => pending,
                        _ => Vec::new(),
                    }
                });
                for action in pending {
                    send(ACTION_EVENT, &action.to_detail());
                }
            }
            PanelNews::Changed => yours.reload(),
            PanelNews::Kept(title) => {
                yours.reload();
                yours.said.set(Some(format!(
                    "Kept {title} in this browser: in the list, search, totals and charts, marked “Added by you”."
                )));
            }
            PanelNews::Delete(id) => delete(yours, &id),
        }
    });
}

/// Deletes a kept record (with Undo), and tells the panel.
pub fn delete(yours: Yours, id: &str) {
    // A view that has it open shows the list instead.
    let query = crate::browser_url::current_query();
    if funding_core::url_state::opened_record(&query).as_deref() == Some(id) {
        crate::browser_url::write_address("?");
    }
    match yours.delete(id) {
        Ok(()) => crate::focus::focus_after_render(&["#undo-delete"]),
        Err(problem) => yours.said.set(Some(problem)),
    }
    refresh_panel();
}

/// Tells a loaded panel that the kept records changed.
pub fn refresh_panel() {
    if LOAD.with(|load| matches!(*load.borrow(), Load::Ready)) {
        send(ACTION_EVENT, &PanelAction::Refresh.to_detail());
    }
}
