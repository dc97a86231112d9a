//! `--plain`: the analysis as plain text, for pipes and for readers who want no full screen.
//!
//! Layout: a header (title, the two sides with their aliases), then the two sides' statements
//! side by side — two columns of the same width, so wrapping breaks alike — or, when the width
//! is below [`SIDE_BY_SIDE_MIN`], one side after the other. Joint statements and then the
//! narration (everything attributed to neither side) follow below, full width. Each statement
//! is a bullet with its text wrapped to the column; the rule that decided is not shown here
//! (it is in `--json` and in the reader's detail view).
//!
//! Every piece of article or user text passes through [`escape_controls`] before it is
//! measured and wrapped, so no terminal control reaches the output. Widths are measured in
//! terminal columns (`unicode-width`). The view never re-runs the analysis.

use super::sanitize::escape_controls;
use crate::model::{Analysis, Party, Side};
use std::io::{self, Write};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Below this width the sides are stacked instead of side by side.
pub const SIDE_BY_SIDE_MIN: usize = 72;

const GUTTER: &str = " │ ";

/// Wraps `text` to `width` columns (at least 1): greedy on spaces, long words split.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in text.split_whitespace() {
        let w = word.width();
        if used > 0 && used + 1 + w <= width {
            line.push(' ');
            line.push_str(word);
            used += 1 + w;
            continue;
        }
        if used > 0 {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        if w <= width {
            line.push_str(word);
            used = w;
            continue;
        }
        for c in word.chars() {
            let cw = c.width().unwrap_or(0);
            if used + cw > width && used > 0 {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push(c);
            used += cw;
        }
    }
    if used > 0 || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn pad(line: &str, width: usize) -> String {
    let w = line.width();
    let mut out = line.to_string();
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(w)));
    out
}

/// Bulleted, wrapped statements of one group, with a blank line between statements.
fn column(texts: &[&str], width: usize) -> Vec<String> {
    let mut out = Vec::new();
    for (k, text) in texts.iter().enumerate() {
        if k > 0 {
            out.push(String::new());
        }
        let clean = escape_controls(text);
        for (i, line) in wrap(&clean, width.saturating_sub(2).max(1))
            .into_iter()
            .enumerate()
        {
            out.push(format!("{}{line}", if i == 0 { "• " } else { "  " }));
        }
    }
    if out.is_empty() {
        out.push("(nothing from this side)".to_string());
    }
    out
}

fn party_label(party: Option<&Party>, fallback: &str) -> String {
    party.map_or_else(
        || fallback.to_string(),
        |p| escape_controls(&p.name).into_owned(),
    )
}

fn heading(out: &mut impl Write, text: &str, width: usize) -> io::Result<()> {
    let rule = width.saturating_sub(text.width() + 4);
    writeln!(out, "── {text} {}", "─".repeat(rule))
}

/// Writes `analysis` as text lines at most `width` columns wide where possible.
pub fn write(analysis: &Analysis, width: usize, out: &mut impl Write) -> io::Result<()> {
    let width = width.max(20);
    if let Some(title) = &analysis.meta.title {
        for line in wrap(&escape_controls(title), width) {
            writeln!(out, "{line}")?;
        }
    }
    for party in &analysis.parties {
        let mut line = format!(
            "{}: {}",
            if party.id.index() == 0 { "A" } else { "B" },
            escape_controls(&party.name)
        );
        if !party.aliases.is_empty() {
            let aliases: Vec<String> = party
                .aliases
                .iter()
                .take(8)
                .map(|a| escape_controls(a).into_owned())
                .collect();
            line.push_str(&format!(" (also: {})", aliases.join(", ")));
        }
        for l in wrap(&line, width) {
            writeln!(out, "{l}")?;
        }
    }
    if analysis.parties.is_empty() {
        writeln!(out, "No sides found: name them with --party NAME (twice).")?;
    }
    let of = |side: Side| -> Vec<&str> {
        analysis
            .sentences
            .iter()
            .filter(|s| s.side == side)
            .map(|s| s.text(&analysis.source))
            .collect()
    };
    let a_name = party_label(analysis.parties.first(), "Side A");
    let b_name = party_label(analysis.parties.get(1), "Side B");
    writeln!(out)?;
    if width >= SIDE_BY_SIDE_MIN {
        let col = (width - GUTTER.width()) / 2;
        let left = column(&of(Side::A), col);
        let right = column(&of(Side::B), col);
        let head_a = wrap(&a_name, col).remove(0);
        let head_b = wrap(&b_name, col).remove(0);
        writeln!(out, "{}{GUTTER}{head_b}", pad(&head_a, col))?;
        writeln!(out, "{}{GUTTER}{}", "─".repeat(col), "─".repeat(col))?;
        for k in 0..left.len().max(right.len()) {
            let l = left.get(k).map_or("", String::as_str);
            let r = right.get(k).map_or("", String::as_str);
            writeln!(out, "{}{GUTTER}{r}", pad(l, col)).map(|_| ())?;
        }
    } else {
        heading(out, &a_name, width)?;
        for line in column(&of(Side::A), width) {
            writeln!(out, "{line}")?;
        }
        writeln!(out)?;
        heading(out, &b_name, width)?;
        for line in column(&of(Side::B), width) {
            writeln!(out, "{line}")?;
        }
    }
    writeln!(out)?;
    heading(out, "Both sides", width)?;
    let both = of(Side::Both);
    if both.is_empty() {
        writeln!(out, "(no joint statement)")?;
    } else {
        for line in column(&both, width) {
            writeln!(out, "{line}")?;
        }
    }
    writeln!(out)?;
    heading(out, "Narration and context", width)?;
    for line in column(&of(Side::Neither), width) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_respects_width_and_splits_long_words() {
        let lines = wrap("Freedonia and Sylvania agreed to talk again", 12);
        assert!(lines.iter().all(|l| l.width() <= 12), "{lines:?}");
        assert_eq!(
            lines.join(" "),
            "Freedonia and Sylvania agreed to talk again"
        );
        let lines = wrap("abcdefghij", 4);
        assert_eq!(lines, ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 5), [""]);
    }

    #[test]
    fn wide_characters_count_as_two_columns() {
        let lines = wrap("日本語のテキスト", 6);
        assert!(lines.iter().all(|l| l.width() <= 6), "{lines:?}");
    }
}
