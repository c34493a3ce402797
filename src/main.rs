//! Sets the panic hook, fetches the dataset and starts the explorer in the
//! page's `#explorer` (between its static header and footer); everything
//! else lives in lib.rs.

use wasm_bindgen::JsCast;

fn main() {
    console_error_panic_hook::set_once();
    wasm_bindgen_futures::spawn_local(async {
        let dataset = funding_explorer::fetch_dataset().await;
        let place = leptos::prelude::document()
            .get_element_by_id("explorer")
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            .or_else(|| leptos::prelude::document().body());
        if let Some(place) = place {
            funding_explorer::start(dataset, place);
        }
    });
}
