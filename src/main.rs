//! Sets the panic hook and mounts the app; everything else lives in lib.rs.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(funding_explorer::App);
}
