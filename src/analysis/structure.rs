//! Roles: which units are the title, subtitle, datelines, body, bylines and source lines.
//!
//! PLACEHOLDER RULES (to be replaced): the first paragraph is the title; a "Source:" line is a
//! source line; everything else is body.

use super::segment::Segmentation;
use crate::model::{Meta, Role};

/// One role per sentence of `seg`.
pub fn roles(text: &str, seg: &Segmentation, _meta: &Meta) -> Vec<Role> {
    seg.sentences
        .iter()
        .map(|s| {
            let unit = &text[s.start..s.end];
            if s.paragraph == 0 {
                Role::Title
            } else if unit.starts_with("Source:") {
                Role::Source
            } else {
                Role::Body
            }
        })
        .collect()
}
