//! The view's totals: the headline, what it adds, a row per financial year,
//! each other kind of money, and the figures added into no year; what the
//! total includes and where sources disagree; and, for the dataset, how
//! much of each year's national vanguard total the figures cover.

use crate::follow;
use crate::page::use_page;
use crate::remembered::{is_open, remembered_open};
use funding_core::page::{totals_explained, totals_summary, TotalsSummary};
use leptos::prelude::*;

/// Where the page remembers whether the totals' breakdown was open.
const BREAKDOWN_OPEN_KEY: &str = "funding-explorer.totals-breakdown-open";

#[component]
pub fn TotalsSection() -> impl IntoView {
    let page = use_page();
    let summary = Memo::new(move |_| {
        page.results
            .with(|e| totals_summary(page.dataset, &e.totals))
    });
    // What the total includes, and where sources disagree, are worked out
    // only while "What this total includes" is open: a large view has
    // thousands of disagreements, and a closed list would be rebuilt unseen.
    let explained_open = RwSignal::new(false);
    // The headline total by year and the other kinds of money fold away,
    // so the first records are in the first screen; the page remembers
    // whether a person keeps them open.
    let breakdown = remembered_open(BREAKDOWN_OPEN_KEY, false);
    let explained = move || {
        if !explained_open.get() {
            return None;
        }
        let (lines, disagreements) = page
            .results
            .with(|e| totals_explained(page.dataset, &e.totals));
        Some(view! {
            <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            {(!disagreements.is_empty()).then(|| view! {
                <p>"Where sources disagree:"</p>
                <ul class="disagreements">
                    {disagreements.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}
                </ul>
            })}
        })
    };
    view! {
        <section class="totals" aria-labelledby="totals-heading">
            <h3 id="totals-heading">"Money for recipients in this view"</h3>
            <div id="totals-summary">{follow::part(move || summary.with(|s| summary_view(s, breakdown)))}</div>
            <details
                class="totals-explained"
                id="totals-explained"
                on:toggle=move |ev| explained_open.set(is_open(&ev))
            >
                <summary>"What this total includes"</summary>
                <div id="totals-explained-list">{follow::part(explained)}</div>
            </details>
        </section>
    }
}

fn summary_view(
    s: &TotalsSummary,
    (open, toggled): (RwSignal<bool>, impl Fn(leptos::ev::Event) + Copy + 'static),
) -> impl IntoView {
    let by_year = (!s.by_year.is_empty()).then(|| {
        view! {
            <table class="totals-by-year">
                <caption class="visually-hidden">"The headline total by financial year"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Financial year"</th>
                        <th scope="col" class="num">"Money"</th>
                        <th scope="col" class="num">"Added"</th>
                    </tr>
                </thead>
                <tbody>
                    {s.by_year
                        .iter()
                        .map(|row| view! {
                            <tr>
                                <th scope="row">{row.year.clone()}</th>
                                <td class="num">{row.money.clone()}</td>
                                <td class="num">{row.added.clone()}</td>
                            </tr>
                        })
                        .collect_view()}
                </tbody>
            </table>
        }
    });
    let others = (!s.others.is_empty()).then(|| {
        view! {
            <h4 class="totals-subheading">"Other money for recipients, each kind totalled on its own"</h4>
            <ul class="totals-others">
                {s.others
                    .iter()
                    .map(|(kind, rest)| view! { <li><span class="kind-name">{kind.clone()}</span>{rest.clone()}</li> })
                    .collect_view()}
            </ul>
        }
    });
    let spans = (!s.spans.is_empty()).then(|| {
        view! {
            <details class="totals-spans">
                <summary>{s.spans_heading.clone()}</summary>
                <ul>{s.spans.iter().map(|l| view! { <li>{l.clone()}</li> }).collect_view()}</ul>
            </details>
        }
    });
    let breakdown = (by_year.is_some() || others.is_some() || spans.is_some()).then(|| {
        view! {
            <details
                class="totals-breakdown"
                prop:open=open
                on:toggle=toggled
            >
                <summary>"By financial year, other kinds of money, and figures not added"</summary>
                {by_year}
                {others}
                {spans}
            </details>
        }
    });
    view! {
        <p class="total-amount">
            {s.headline.clone()}
            {(!s.headline_note.is_empty()).then(|| view! { <span class="total-range-note">{s.headline_note.clone()}</span> })}
        </p>
        <p class="total-covers">{s.covers.clone()}</p>
        {s.flags.iter().map(|f| view! { <p class="totals-flag">{f.clone()}</p> }).collect_view()}
        {breakdown}
    }
}

/// What the dataset holds beside any view: how much of each year's
/// national vanguard total the figures cover, and every place where
/// sources disagree. Worked out once; shown after the list.
#[component]
pub fn AboutTheData() -> impl IntoView {
    let page = use_page();
    // The coverage and the dataset's disagreements are the dataset's, not
    // the view's: worked out once.
    let years = funding_core::coverage::vanguard_coverage(page.core);
    let disagreements = funding_core::disagreements::across_dataset(page.core, &years);
    let coverage = years
        .iter()
        .map(|year| {
            view! {
                <li>
                    <p>{year.sentence(page.dataset)}</p>
                    {year.missing(page.dataset).map(|m| view! { <p class="coverage-missing">{m}</p> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="about-data" aria-labelledby="about-data-heading">
            <h3 id="about-data-heading">"About the data as a whole"</h3>
            <details class="coverage">
                <summary>"How much of each year's national vanguard total the figures here cover"</summary>
                <div id="coverage-list"><ul class="coverage-years">{coverage}</ul></div>
            </details>
            <details class="coverage">
                <summary>"Where sources disagree, across the dataset"</summary>
                <div id="disagreements-list">
                    <ul class="disagreements-across">
                        {disagreements.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}
                    </ul>
                </div>
            </details>
        </section>
    }
}
