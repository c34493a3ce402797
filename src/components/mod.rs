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
pub mod summary;
pub mod totals_panel;
