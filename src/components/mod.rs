//! One component a file.

pub mod explorer;
pub mod notices;
pub mod reader;
pub mod record_list;
pub mod summary;
