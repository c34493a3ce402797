//! Sets the panic hook, fetches the dataset and mounts the app in the page's
//! `#explorer` (between its static header and footer); everything else lives
//! in lib.rs.

use wasm_bindgen::JsCast;

fn main() {
    console_error_panic_hook::set_once();
    wasm_bindgen_futures::spawn_local(async {
        let dataset = funding_explorer::fetch_dataset().await;
        let app = move || funding_explorer::App(funding_explorer::AppProps { dataset });
        match leptos::prelude::document()
            .get_element_by_id("explorer")
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            Some(place) => leptos::mount::mount_to(place, app).forget(),
            None => leptos::mount::mount_to_body(app),
        }
    });
}
