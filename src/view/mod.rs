//! Views of an [`crate::model::Analysis`]: JSON, plain text and the terminal reader.
//!
//! Views only read the analysis; they never run it again and never see the raw input.

pub mod json;
pub mod plain;
pub mod sanitize;
pub mod tui;
