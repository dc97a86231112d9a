//! Attribution: the side of every sentence, with its evidence.
//!
//! PLACEHOLDER (to be replaced): every sentence is `neither`.

use super::parties::Parties;
use super::segment::Span;
use crate::model::{Evidence, Role, Side};

/// The side of one sentence and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    pub side: Side,
    pub evidence: Evidence,
}

pub fn attribute(
    _text: &str,
    sentences: &[Span],
    _roles: &[Role],
    _parties: &Parties,
) -> Vec<Attribution> {
    sentences
        .iter()
        .map(|_| Attribution {
            side: Side::Neither,
            evidence: Evidence {
                rule: "placeholder".into(),
                ..Evidence::default()
            },
        })
        .collect()
}
