//! The money in the current view, by financial year, with what the total
//! includes and where sources disagree.

use super::explorer::ResultsMemo;
use funding_core::totals::Totals;
use funding_core::Dataset;
use leptos::prelude::*;

#[component]
pub fn TotalsPanel(dataset: &'static Dataset) -> impl IntoView {
    let results = expect_context::<ResultsMemo>();
    // What the total includes, and where sources disagree, are written only
    // while "What this total includes" is open: a large view has thousands of
    // disagreements, and a closed list would be rebuilt unseen on every change.
    let explained_open = RwSignal::new(false);
    let summary = move || {
        results.0.with(|e| {
            let t = &e.totals;
            let by_year = t.by_year.iter().map(|y| {
                let year = y.year.map_or("Other or unstated period".to_string(), |y| y.to_string());
                view! {
                    <tr>
                        <th scope="row">{year}</th>
                        <td class="num">{Totals::amount_text(y.low, y.high)}</td>
                        <td class="num">{format!("{} figure{}", y.figures, if y.figures == 1 { "" } else { "s" })}</td>
                    </tr>
                }
            }).collect_view();
            view! {
                <p class="total-amount">
                    {Totals::amount_text(t.low, t.high)}
                    {t.is_range().then(|| view! { <span class="total-range-note">" (sources disagree: lowest to highest)"</span> })}
                </p>
                {(!t.by_year.is_empty()).then(|| view! {
                    <table class="totals-by-year">
                        <caption class="visually-hidden">"Money for recipients by financial year"</caption>
                        <thead><tr><th scope="col">"Financial year"</th><th scope="col" class="num">"Money"</th><th scope="col" class="num">"Added"</th></tr></thead>
                        <tbody>{by_year}</tbody>
                    </table>
                })}
            }
        })
    };
    let explained = move || {
        explained_open.get().then(|| results.0.with(|e| {
            let t = &e.totals;
            let explanation = t.explanation().into_iter().map(|l| view! { <li>{l}</li> }).collect_view();
            let disagreements = (t.disagreement_count() > 0).then(|| {
                let items = t.disagreements(dataset).into_iter().map(|d| {
                    let figures = d.figures.iter().map(|f| {
                        format!("{} ({})", f.stated_as(dataset), f.source(dataset))
                    }).collect::<Vec<_>>().join(" or ");
                    view! { <li>{format!("{}, {}: {}", d.recipients(dataset), d.year, figures)}</li> }
                }).collect_view();
                view! {
                    <p>"Where sources disagree:"</p>
                    <ul class="disagreements">{items}</ul>
                }
            });
            view! { <ul>{explanation}</ul> {disagreements} }
        }))
    };
    view! {
        <section class="totals" aria-labelledby="totals-heading">
            <h3 id="totals-heading">"Money for recipients in this view"</h3>
            {summary}
            <details class="totals-explained" on:toggle=move |ev| {
                explained_open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open());
            }>
                <summary>"What this total includes"</summary>
                {explained}
            </details>
        </section>
    }
}
