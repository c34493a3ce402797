//! Sets the panic hook, fetches the dataset and mounts the app; everything
//! else lives in lib.rs.

fn main() {
    console_error_panic_hook::set_once();
    wasm_bindgen_futures::spawn_local(async {
        let dataset = funding_explorer::fetch_dataset().await;
        leptos::mount::mount_to_body(move || {
            funding_explorer::App(funding_explorer::AppProps { dataset })
        });
    });
}
