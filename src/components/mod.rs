//! The explorer's parts, one component a file. Each reads the page's state
//! from context (`crate::page::use_page`), renders what the core computes
//! for it (`funding_core::page` and the core's other modules) with `view!`,
//! and answers its own buttons with `on:` handlers. Every text goes in as
//! text, so Leptos escapes it; the only markup set as HTML is a chart's SVG,
//! which plotters draws and escapes (`funding_core::charts`).

#[cfg(feature = "add-panel")]
pub mod add;
pub mod charts;
pub mod chips;
pub mod counts;
pub mod explorer;
pub mod exports;
pub mod filters;
pub mod links;
pub mod marked_text;
pub mod notices;
pub mod reader;
pub mod recipient;
pub mod records;
pub mod toolbar;
pub mod totals;
pub mod yours;
