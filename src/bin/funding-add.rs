//! The "Add a text" panel's wasm: trunk builds it beside the page with the
//! `add-panel` feature (index.html), and the page imports it the first time
//! a person adds, shares, exports or imports a text (src/add_panel.rs).

fn main() {
    console_error_panic_hook::set_once();
    funding_explorer::start_add_panel();
}
