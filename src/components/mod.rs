//! One component a file.

pub mod active_filters;
pub mod chart_view;
pub mod charts_panel;
pub mod copy_link;
pub mod explorer;
pub mod exports;
pub mod filter_panel;
pub mod notices;
pub mod reader;
pub mod record_list;
pub mod search_box;
pub mod sort_select;
pub mod totals_panel;

use wasm_bindgen::JsCast;

/// The value of `attribute` on the element a click landed in, or on the
/// nearest element around it that has one: how one listener on a list the
/// core wrote finds which of its buttons or links was chosen.
pub fn clicked_attribute(ev: &leptos::ev::MouseEvent, attribute: &str) -> Option<String> {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest(&format!("[{attribute}]")).ok().flatten())
        .and_then(|e| e.get_attribute(attribute))
}
