//! bilateral: split an article about two parties into each side's statements.
//!
//! The pipeline runs one way (see `README.md` and `docs/json.md`):
//! [`input`] reads bytes into a [`input::Document`]; [`analysis`] turns it into an
//! [`model::Analysis`] (segmentation, parties, attribution, timeline, alignment); the
//! [`view`]s (JSON, plain text, the terminal reader) only read that `Analysis`.

pub mod analysis;
pub mod assets;
pub mod input;
pub mod model;
pub mod sanitize;
pub mod scripting;
pub mod view;

pub use analysis::{Options, analyze};
