//! Timeline: date mentions, normalised dates and events.
//!
//! PLACEHOLDER (to be replaced): no dates are found.

use super::attribute::Attribution;
use super::parties::Parties;
use super::segment::Span;
use crate::model::{DateMention, Event, Role};

#[derive(Debug, Clone, Default)]
pub struct Timeline {
    /// Date mentions per sentence.
    pub dates: Vec<Vec<DateMention>>,
    pub events: Vec<Event>,
    /// The event of each sentence.
    pub event_of: Vec<Option<usize>>,
    pub notes: Vec<String>,
}

pub fn build(
    _text: &str,
    sentences: &[Span],
    _roles: &[Role],
    _attributions: &[Attribution],
    _parties: &Parties,
    _published: Option<&str>,
) -> Timeline {
    Timeline {
        dates: vec![Vec::new(); sentences.len()],
        event_of: vec![None; sentences.len()],
        ..Timeline::default()
    }
}
