//! An organisation's page in the reader: what the data knows of it, then
//! every figure held for it, a row per financial year and figure with every
//! source that gives it (each opening its record over the page), and what
//! the totals count for the year; then the figures with no single year;
//! the raw figures on request; and the rule that picks what a total counts.

use super::links::OpenLink;
use super::reader::{focus_when_shown, ReaderBar};
use crate::page::use_page;
use funding_core::page::organisation_about;
use funding_core::recipient::{self, Agreement};
use leptos::prelude::*;

#[component]
pub fn RecipientPage(recipient: recipient::RecipientPage) -> impl IntoView {
    let page = use_page();
    let heading = NodeRef::<leptos::html::H2>::new();
    focus_when_shown(heading);
    let Some(organisation) = page.dataset.organisations.get(recipient.organisation) else {
        return ().into_any();
    };
    let sources = |sources: Vec<(String, String)>| {
        sources
            .into_iter()
            .map(|(name, record)| view! { <li><OpenLink record text=name over_page=true /></li> })
            .collect_view()
    };
    let rows = recipient
        .rows(page.dataset)
        .into_iter()
        .map(|row| {
            view! {
                <tr class:year-start=row.year.is_some()>
                    <th scope="row">{row.year.clone()}</th>
                    <td>
                        {row.figure}
                        {row.kind.map(|k| view! { <span class="line-kind">{k}</span> })}
                        {row.jointly.map(|j| view! { <span class="line-kind">{j}</span> })}
                    </td>
                    <td><ul class="line-sources">{sources(row.sources)}</ul></td>
                    <td>
                        {match row.agreement {
                            Some(Agreement::Disagree) => Some(view! { <strong class="sources-disagree">"Sources disagree."</strong>" " }.into_any()),
                            Some(Agreement::Agree) => Some("Sources agree. ".into_any()),
                            _ => None,
                        }}
                        {row.counted}
                    </td>
                </tr>
            }
        })
        .collect_view();
    let table = (!recipient.years.is_empty()).then(|| view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label="Every figure held, by financial year and source (scrolls sideways on a narrow screen)">
            <table class="recipient-grid">
                <caption>"Every figure held, by financial year and source"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Financial year"</th>
                        <th scope="col">"Figure"</th>
                        <th scope="col">"Sources"</th>
                        <th scope="col">"Counted in the totals"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    });
    let others = recipient.other_period_lines(page.dataset);
    let others = (!others.is_empty()).then(|| view! {
        <h3>"Over several years or with no single year: never added into a year"</h3>
        <ul class="recipient-other">
            {others
                .into_iter()
                .map(|line| view! {
                    <li>
                        {line.figure}
                        {line
                            .sources
                            .into_iter()
                            .enumerate()
                            .map(|(n, (name, record))| view! { {(n > 0).then_some("; ")}<OpenLink record text=name over_page=true /> })
                            .collect_view()}
                    </li>
                })
                .collect_view()}
        </ul>
    });
    let raw = recipient.raw_figures(page.dataset);
    let raw = (!raw.is_empty()).then(|| view! {
        <details class="raw-figures">
            <summary>"Show the raw figures instead: each as its source states it, before counting"</summary>
            <ul>
                {raw.into_iter().map(|(line, record)| view! { <li><OpenLink record text=line over_page=true /></li> }).collect_view()}
            </ul>
        </details>
    });
    let none_held = recipient.years.is_empty() && recipient.other_periods.is_empty();
    view! {
        <section class="reader recipient-page" aria-labelledby="reader-heading">
            <ReaderBar kind="Recipient" />
            <h2 id="reader-heading" tabindex="-1" node_ref=heading>{organisation.name.clone()}</h2>
            <p class="recipient-about">{organisation_about(organisation)}</p>
            {none_held.then(|| view! {
                <p class="recipient-none">"No figure held: no source the explorer holds gives money for this organisation."</p>
            })}
            {table}
            {others}
            {raw}
            <p class="counting-rule">{recipient::COUNTING_RULE}</p>
        </section>
    }
    .into_any()
}
