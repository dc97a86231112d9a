//! The publication date written in the header lines of an article, when nothing else gave
//! one: it becomes the reference date for relative dates ("on the 10th").
//!
//! It reads the roles of `structure` (which runs before) and finds dates with this stage's
//! finder ([`super::dates_in`]); the orchestrator asks for it while completing the metadata,
//! before the other stages run. `structure` never imports the timeline.
//!
//! The date is looked for in the header: the units before the first sentence of prose (a body
//! unit of at least [`PROSE_WORDS`] words ending in final punctuation; at most
//! [`MAX_HEADER_UNITS`] units, so that a page copied whole, menus and all, still has its
//! header read), in order: dateline units ("Published 11 October 2021", "Updated:
//! 2024-05-26"), bylines with a date ("By Jon Park, May 26, 2024"), and a wire dateline
//! opening a line, the first prose one included ("SEOUL, May 26 (Wire Press) —"). A date
//! without a year takes its year from another full date in the header; without one it is not
//! used, and the caller says so.

use super::dates_in;
use crate::analysis::segment::Segmentation;
use crate::analysis::structure::is_wire_dateline_text;
use crate::model::Role;

/// The most units a header may have.
const MAX_HEADER_UNITS: usize = 200;
/// A body unit of this many words or more, ending in final punctuation, is prose: the header
/// ends before it.
const PROSE_WORDS: usize = 12;

/// A publication date found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferenceDate {
    /// `YYYY-MM-DD`, or `None` when the line had a day and a month but no year was found.
    pub date: Option<String>,
    /// The words it was read from, whitespace collapsed (at most 80 characters).
    pub line: String,
}

/// The publication date written in the header of the article, if any.
pub fn reference_date(text: &str, seg: &Segmentation, roles: &[Role]) -> Option<ReferenceDate> {
    let mut candidates: Vec<&str> = Vec::new();
    for (s, role) in seg.sentences.iter().zip(roles).take(MAX_HEADER_UNITS) {
        let Some(unit) = text.get(s.start..s.end) else {
            continue;
        };
        match role {
            Role::Dateline | Role::Byline => candidates.push(unit),
            Role::Body | Role::Source => {
                // a wire dateline opening the first line of the story
                if let Some(head) = wire_head(unit) {
                    candidates.push(head);
                }
            }
            _ => {}
        }
        if *role == Role::Body && is_prose(unit) {
            break;
        }
    }
    // a full date first; a year-less one borrows the year of another header date
    let mut year_less: Option<&str> = None;
    for unit in &candidates {
        let mut context = None;
        for d in dates_in(unit, None, &mut context) {
            let v = &d.resolved.value;
            if v.len() == 10 && !v.contains('X') {
                return Some(ReferenceDate {
                    date: Some(v.clone()),
                    line: shorten(unit),
                });
            }
            if year_less.is_none() && v.starts_with("XXXX-") && v.len() == 10 {
                year_less = Some(unit);
            }
        }
    }
    let unit = year_less?;
    let year = candidates
        .iter()
        .flat_map(|u| u.split(|c: char| !c.is_ascii_digit()))
        .find(|w| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")))
        .and_then(|y| y.parse::<i16>().ok());
    let date = year.and_then(|y| {
        let reference = jiff::civil::Date::new(y, 1, 1).ok()?;
        let mut context = None;
        dates_in(unit, Some(reference), &mut context)
            .into_iter()
            .map(|d| d.resolved.value)
            .find(|v| v.len() == 10 && !v.contains('X'))
    });
    Some(ReferenceDate {
        date,
        line: shorten(unit),
    })
}

/// "SEOUL, May 26 (Wire Press) —" at the start of a unit: the part before the dash, when it
/// is a wire dateline.
fn wire_head(unit: &str) -> Option<&str> {
    let end = unit
        .char_indices()
        .take(120)
        .find(|(_, c)| matches!(c, '—' | '–'))
        .map(|(i, _)| i)
        .or_else(|| {
            unit.get(..120.min(unit.len()))
                .and_then(|h| h.find(" -- ").or_else(|| h.find(" - ")))
        })?;
    let head = unit.get(..end)?.trim_end();
    let dash_line = format!("{head} -");
    is_wire_dateline_text(&dash_line).then_some(head)
}

fn is_prose(unit: &str) -> bool {
    unit.split_whitespace().take(PROSE_WORDS).count() >= PROSE_WORDS
        && unit
            .trim_end()
            .trim_end_matches(['"', '\'', '”', '’', ')'])
            .ends_with(['.', '!', '?'])
}

fn shorten(text: &str) -> String {
    let c = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match c.char_indices().nth(80) {
        Some((i, _)) => format!("{}…", &c[..i]),
        None => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::segment::segment;
    use crate::model::Meta;

    fn date_of(text: &str) -> Option<ReferenceDate> {
        let seg = segment(text, 0);
        let roles = crate::analysis::structure::roles(text, &seg, &Meta::default());
        reference_date(text, &seg, &roles)
    }

    #[test]
    fn dates_from_header_lines() {
        let d = date_of("Talks resume\nPublished 11 October 2021\nThe ministers met on the 10th.")
            .unwrap();
        assert_eq!(d.date.as_deref(), Some("2021-10-11"));
        assert_eq!(d.line, "Published 11 October 2021");
        let d = date_of("Talks resume\nUpdated: 2024-05-26\nThe ministers met.").unwrap();
        assert_eq!(d.date.as_deref(), Some("2024-05-26"));
        let d = date_of(
            "Talks resume\nVARN, May 26, 2024 (Wire Press) — Freedonia said on Monday it would talk.",
        )
        .unwrap();
        assert_eq!(d.date.as_deref(), Some("2024-05-26"));
    }

    #[test]
    fn a_wire_dateline_without_a_year_is_reported_without_a_date() {
        let d = date_of("Talks resume\nVARN, May 26 (Wire Press) — Freedonia said it would talk.")
            .unwrap();
        assert_eq!(d.date, None);
        assert_eq!(d.line, "VARN, May 26 (Wire Press)");
        assert_eq!(
            date_of("Talks resume\nFreedonia said on May 26 it would talk."),
            None
        );
    }
}
