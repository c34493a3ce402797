//! Moving focus where a keyboard or screen-reader user expects it after the
//! page changes under them: to a record's row when its reader closes, to the
//! first result from a skip link. A place that is not in the page is
//! skipped, never a panic; focus never falls back to the page's body while
//! there is a place to go.

use leptos::prelude::{document, request_animation_frame};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// Focuses the first element `selectors` name (in order of preference)
/// once the browser has drawn the page's last change.
pub fn focus_after_render(selectors: &'static [&'static str]) {
    request_animation_frame(move || {
        for selector in selectors {
            if let Some(element) = document()
                .query_selector(selector)
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            {
                let _ = element.focus();
                return;
            }
        }
    });
}

/// Focuses the element with the id `id` once the page is drawn (a form
/// drawn on request).
#[cfg(feature = "add-panel")]
pub fn focus_id_after_render(id: String) {
    request_animation_frame(move || {
        if let Some(element) = document()
            .get_element_by_id(&id)
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    });
}

/// Focuses the title link of the `n`th row of the list (from 0), once the
/// page is drawn: the first of the rows "Show more" added.
pub fn focus_nth_row_after_render(n: usize) {
    request_animation_frame(move || {
        let link = document()
            .query_selector_all(".record-title a")
            .ok()
            .and_then(|links| links.item(n as u32))
            .and_then(|l| l.dyn_into::<HtmlElement>().ok());
        if let Some(link) = link {
            let _ = link.focus();
        }
    });
}

/// Focuses the title link of the row of record `id`, or the count of
/// results when the record is not listed, once the page is drawn.
pub fn focus_row_after_render(id: String) {
    request_animation_frame(move || {
        let rows = document().query_selector_all(".record").ok();
        let row = rows.and_then(|rows| {
            (0..rows.length())
                .filter_map(|n| rows.item(n))
                .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
                .find(|row| row.get_attribute("data-record").as_deref() == Some(id.as_str()))
        });
        let link = row
            .and_then(|row| row.query_selector(".record-title a").ok().flatten())
            .or_else(|| document().get_element_by_id("result-count"));
        if let Some(link) = link.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
            let _ = link.focus();
        }
    });
}

/// Follows a link to a place in the reader's record (`#evidence-…` in the
/// text, `#figure-…` in the list of figures): the address takes the
/// fragment, so the place is the page's `:target` and back returns from
/// it; only the reader scrolls where it scrolls on its own (beside the list
/// on a wide screen), the page where it does not (a phone); the place is
/// shown a third of the way down, never clipped at the top; and focus goes
/// to it, so a keyboard or screen-reader user is there too. A click with a
/// modifier key is left to the browser.
pub fn go_to_place(ev: &leptos::ev::MouseEvent, id: &str) {
    if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
        return;
    }
    let window = leptos::prelude::window();
    let Some(place) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    else {
        return;
    };
    ev.prevent_default();
    let (scroll_x, scroll_y) = (
        window.scroll_x().unwrap_or(0.0),
        window.scroll_y().unwrap_or(0.0),
    );
    // A new history entry with the fragment (the browser scrolls to it; the
    // scrolling is put right below).
    let _ = window.location().set_hash(id);
    let reader = place
        .closest(".reader")
        .ok()
        .flatten()
        .filter(|r| r.scroll_height() > r.client_height());
    match reader {
        Some(reader) => {
            window.scroll_to_with_x_and_y(scroll_x, scroll_y);
            let offset =
                place.get_bounding_client_rect().top() - reader.get_bounding_client_rect().top();
            let top =
                f64::from(reader.scroll_top()) + offset - f64::from(reader.client_height()) / 3.0;
            reader.set_scroll_top(top.max(0.0) as i32);
        }
        None => {
            let height = window
                .inner_height()
                .ok()
                .and_then(|h| h.as_f64())
                .unwrap_or(800.0);
            window
                .scroll_by_with_x_and_y(0.0, place.get_bounding_client_rect().top() - height / 3.0);
        }
    }
    if !place.has_attribute("tabindex") {
        let _ = place.set_attribute("tabindex", "-1");
    }
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = place.focus_with_options(&options);
}

/// After a bar of the chart `chart` was chosen and the view narrowed to it,
/// focuses the same bar in the chart as drawn again (by its label, or by
/// the part of its label before its amount, "2016/17"), else the chart's
/// first bar, else its "Show as table": never the page's body.
pub fn focus_chart_bar_after_render(chart: &'static str, label: String) {
    request_animation_frame(move || {
        let Some(figure) = document()
            .query_selector(&format!("figure[data-chart=\"{chart}\"]"))
            .ok()
            .flatten()
        else {
            return;
        };
        let name = label.split(':').next().unwrap_or_default().to_string();
        let bars: Vec<HtmlElement> = figure
            .query_selector_all(".chart-target")
            .ok()
            .map(|list| {
                (0..list.length())
                    .filter_map(|n| list.item(n))
                    .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
                    .collect()
            })
            .unwrap_or_default();
        let label_of = |bar: &HtmlElement| bar.get_attribute("aria-label").unwrap_or_default();
        let bar = bars
            .iter()
            .find(|b| label_of(b) == label)
            .or_else(|| {
                bars.iter()
                    .find(|b| label_of(b).split(':').next() == Some(name.as_str()))
            })
            .or_else(|| bars.first())
            .cloned()
            .or_else(|| {
                figure
                    .query_selector(&format!("#chart-{chart}-table"))
                    .ok()
                    .flatten()
                    .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            });
        if let Some(bar) = bar {
            let _ = bar.focus();
        }
    });
}
