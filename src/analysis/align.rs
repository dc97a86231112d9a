//! Alignment: for each claim of one side, the claim of the other side that answers it.
//!
//! PLACEHOLDER (to be replaced): no counterparts.

use crate::model::Sentence;

pub fn counterparts(sentences: &[Sentence]) -> Vec<Option<usize>> {
    vec![None; sentences.len()]
}
