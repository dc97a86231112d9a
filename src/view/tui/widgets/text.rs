//! Small text helpers for drawing: widths, truncation, and cutting a wrapped line into styled
//! spans at byte marks (search matches, the highlighted sentence).
//!
//! Rules: widths are display columns (`unicode-width`); truncation adds `…` and never cuts a
//! grapheme; tabs and newlines inside a line are drawn as single spaces. No drawing here.

use ratatui::style::Style;
use ratatui::text::Span;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

pub fn width(text: &str) -> usize {
    text.width()
}

/// `text` cut to `max` columns with a trailing `…` when it does not fit.
pub fn truncate(text: &str, max: usize) -> String {
    if text.width() <= max {
        return text.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut cols = 0;
    for g in text.graphemes(true) {
        let w = g.width();
        if cols + w + 1 > max {
            break;
        }
        out.push_str(g);
        cols += w;
    }
    out.push('…');
    out
}

fn clean(text: &str) -> String {
    text.replace(['\t', '\n', '\r'], " ")
}

/// Spans for `text[line]`: `base` style, with each mark's style patched over its bytes.
/// Marks are (range in `text`, style), sorted by start; overlaps take the later mark.
pub fn spans<'a>(
    text: &str,
    line: Range<usize>,
    base: Style,
    marks: &[(Range<usize>, Style)],
) -> Vec<Span<'a>> {
    let mut out = Vec::new();
    let mut at = line.start;
    for (range, style) in marks {
        let start = range.start.max(at);
        let end = range.end.min(line.end);
        if start >= end {
            continue;
        }
        if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        if start > at {
            out.push(Span::styled(clean(&text[at..start]), base));
        }
        out.push(Span::styled(clean(&text[start..end]), base.patch(*style)));
        at = end;
    }
    if at < line.end {
        out.push(Span::styled(clean(&text[at..line.end]), base));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    #[test]
    fn truncation_adds_an_ellipsis() {
        assert_eq!(truncate("Freedonia", 20), "Freedonia");
        assert_eq!(truncate("Freedonia", 5), "Free…");
        assert_eq!(truncate("日本語", 4), "日…");
        assert_eq!(truncate("abc", 0), "");
    }

    #[test]
    fn marks_cut_spans() {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let text = "protect civilians now";
        let s = spans(text, 0..text.len(), Style::new(), &[(8..17, bold)]);
        let parts: Vec<_> = s.iter().map(|s| s.content.to_string()).collect();
        assert_eq!(parts, ["protect ", "civilians", " now"]);
        assert_eq!(s[1].style, bold);
        // A mark that straddles the line's end is clipped.
        let s = spans(text, 0..10, Style::new(), &[(8..17, bold)]);
        let parts: Vec<_> = s.iter().map(|s| s.content.to_string()).collect();
        assert_eq!(parts, ["protect ", "ci"]);
    }
}
