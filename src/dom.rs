//! The few ways the page touches the DOM: find a part by id, write the HTML
//! the core wrote into it (keeping focus where it was), set an attribute,
//! read and set a field, and listen for events. Every element is looked up
//! by the ids `funding_core::page` gives; a part that is not there is left
//! alone, never a panic.

use funding_core::page::Place;
use leptos::prelude::document;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventTarget, HtmlElement, HtmlInputElement};

pub fn element(id: &str) -> Option<Element> {
    document().get_element_by_id(id)
}

pub fn place(place: Place) -> Option<Element> {
    element(place.id())
}

/// Writes `html` (from the core, every text escaped there) as the contents
/// of the element `id`. A control inside it that had focus (a checkbox just
/// ticked, a chart's button) has it again afterwards, so keyboard and
/// screen-reader users stay where they were.
pub fn write_html(id: &str, html: &str) {
    let Some(part) = element(id) else {
        return;
    };
    let focused = document()
        .active_element()
        .filter(|e| part.contains(Some(e)))
        .map(|e| e.id())
        .filter(|id| !id.is_empty());
    part.set_inner_html(html);
    if let Some(id) = focused {
        focus(&id);
    }
}

pub fn focus(id: &str) {
    if let Some(e) = element(id).and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = e.focus();
    }
}

pub fn set_attribute(place: Place, name: &str, value: &str) {
    if let Some(e) = self::place(place) {
        let _ = e.set_attribute(name, value);
    }
}

pub fn set_class(place: Place, class: &str, on: bool) {
    if let Some(e) = self::place(place) {
        let _ = e.class_list().toggle_with_force(class, on);
    }
}

/// Puts `value` in a field (or a select), unless it already holds it.
pub fn set_field_value(place: Place, value: &str) {
    let Some(e) = self::place(place) else {
        return;
    };
    if let Some(input) = e.dyn_ref::<HtmlInputElement>() {
        if input.value() != value {
            input.set_value(value);
        }
    } else if let Some(select) = e.dyn_ref::<web_sys::HtmlSelectElement>() {
        select.set_value(value);
    }
}

/// Sets the count and tick of the `n`th checkbox of a facet's `list`
/// (`html::facet_options`' markup: `<li><input><label>… <span
/// class="facet-count">N…</span></label></li>`) in place.
pub fn set_facet_value(list: &Element, n: usize, count: usize, selected: bool) {
    let Some(item) = list.children().item(n as u32) else {
        return;
    };
    let input = item.first_element_child();
    if let Some(input) = input.as_ref().and_then(|i| i.dyn_ref::<HtmlInputElement>()) {
        input.set_checked(selected);
    }
    if let Some(number) = input
        .and_then(|i| i.next_element_sibling())
        .and_then(|label| label.last_element_child())
        .and_then(|c| c.first_child())
    {
        number.set_node_value(Some(&count.to_string()));
    }
}

/// The element an event happened in.
pub fn target(ev: &Event) -> Option<Element> {
    ev.target().and_then(|t| t.dyn_into::<Element>().ok())
}

/// The element the event happened in, or the nearest one around it, that
/// matches `selector`: how one listener finds which of the core's buttons
/// or links was chosen.
pub fn closest(ev: &Event, selector: &str) -> Option<Element> {
    target(ev).and_then(|t| t.closest(selector).ok().flatten())
}

/// Calls `handler` on every `event` at `target` for the page's life
/// (`capture` for events that do not bubble, such as a details' toggle).
pub fn listen(target: &EventTarget, event: &str, capture: bool, handler: Box<dyn FnMut(Event)>) {
    let closure = Closure::<dyn FnMut(Event)>::new(handler);
    let _ = target.add_event_listener_with_callback_and_bool(
        event,
        closure.as_ref().unchecked_ref(),
        capture,
    );
    closure.forget();
}
