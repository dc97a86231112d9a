//! The title of an article when nothing else gave one: the text of the unit the roles call the
//! title, among the first units.

use super::super::segment::Segmentation;
use crate::model::Role;

/// How many units from the start are read for the title.
const HEAD_UNITS: usize = 16;

/// The text of the title unit, whitespace collapsed.
pub fn title_of(text: &str, seg: &Segmentation, roles: &[Role]) -> Option<String> {
    let i = roles
        .iter()
        .take(HEAD_UNITS)
        .position(|r| *r == Role::Title)?;
    let s = seg.sentences.get(i)?;
    let title = collapse(text.get(s.start..s.end)?);
    (!title.is_empty()).then_some(title)
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::segment::segment;
    use crate::model::Meta;

    #[test]
    fn title_is_the_title_unit() {
        let text = "Share\nFreedonia and Sylvania resume talks\nThe ministers met on Monday.";
        let seg = segment(text, 0);
        let roles = super::super::roles(text, &seg, &Meta::default());
        assert_eq!(
            title_of(text, &seg, &roles).as_deref(),
            Some("Freedonia and Sylvania resume talks")
        );
    }
}
