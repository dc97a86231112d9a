//! `--plain`: the analysis as plain text, for pipes and for readers who want no full screen.
//!
//! Layout: a header (title — the front matter's or the text's title line —, source, date and
//! URL, the two sides with their aliases, the notes), the timeline (one line per dated event,
//! in date order, the main event marked), then the two sides' statements side by side — two
//! columns of the same width, so wrapping breaks alike — or, when the width is below
//! [`SIDE_BY_SIDE_MIN`], one side after the other. Joint statements and then the narration
//! (everything attributed to neither side) follow below, full width. Each statement is a
//! bullet with its text wrapped to the column and reflowed, and under it, after `—`, its
//! speaker (when it can be the node that decided) and the date of its event. The rule that
//! decided is not shown here (it is in `--json`, `--format csv` and the reader's detail).
//!
//! Wording: an empty side says "(no claim found from NAME)", no joint statement "(no joint
//! statement)", no narration "(no narration)".
//!
//! Every piece of article or user text passes through [`escape_controls`] before it is
//! measured and wrapped, so no terminal control reaches the output. Widths are measured in
//! terminal columns (`unicode-width`). The view never re-runs the analysis.

use super::sanitize::escape_controls;
use super::{claim_source, claim_text, export, title};
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

/// One statement for a column: its text, and the line under it (speaker, date).
struct Item {
    text: String,
    under: String,
}

/// Bulleted, wrapped statements of one group, with a blank line between statements; `empty`
/// when there are none.
fn column(items: &[Item], width: usize, empty: &str) -> Vec<String> {
    let mut out = Vec::new();
    let inner = width.saturating_sub(2).max(1);
    for (k, item) in items.iter().enumerate() {
        if k > 0 {
            out.push(String::new());
        }
        for (i, line) in wrap(&item.text, inner).into_iter().enumerate() {
            out.push(format!("{}{line}", if i == 0 { "• " } else { "  " }));
        }
        if !item.under.is_empty() {
            for line in wrap(&format!("— {}", item.under), inner) {
                out.push(format!("  {line}"));
            }
        }
    }
    if out.is_empty() {
        out.push(empty.to_string());
    }
    out
}

fn items(analysis: &Analysis, side: Side) -> Vec<Item> {
    analysis
        .sentences
        .iter()
        .filter(|s| s.side == side)
        .map(|s| {
            let mut under = Vec::new();
            if let Some(sp) = claim_source(analysis, s) {
                under.push(
                    super::tui::state::reflow(escape_controls(sp.text(&analysis.source)))
                        .into_owned(),
                );
            }
            let date = export::date_of(analysis, s);
            if !date.is_empty() {
                under.push(date);
            }
            Item {
                text: claim_text(analysis, s).into_owned(),
                under: under.join(", "),
            }
        })
        .collect()
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
    if let Some(title) = title(analysis) {
        for line in wrap(&title, width) {
            writeln!(out, "{line}")?;
        }
    }
    let meta = &analysis.meta;
    let cite: Vec<String> = [&meta.source, &meta.published, &meta.url]
        .into_iter()
        .flatten()
        .map(|p| escape_controls(p).into_owned())
        .collect();
    if !cite.is_empty() {
        for line in wrap(&cite.join(" · "), width) {
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
    for note in super::all_notes(analysis) {
        for line in wrap(&format!("note: {note}"), width) {
            writeln!(out, "{line}")?;
        }
    }
    writeln!(out)?;
    heading(out, "Timeline", width)?;
    if analysis.events.is_empty() {
        writeln!(out, "(no dated events)")?;
    }
    for e in &analysis.events {
        let mut line = format!(
            "{}  {}",
            escape_controls(&e.date),
            escape_controls(&e.label)
        );
        if e.main {
            line.push_str(" · main");
        }
        if !e.attributes.is_empty() {
            let facts: Vec<String> = e
                .attributes
                .iter()
                .map(|a| escape_controls(a).into_owned())
                .collect();
            line.push_str(&format!(" ({})", facts.join(", ")));
        }
        let mark = if e.main { "▸ " } else { "  " };
        for (i, l) in wrap(&line, width.saturating_sub(2)).into_iter().enumerate() {
            writeln!(out, "{}{l}", if i == 0 { mark } else { "  " })?;
        }
    }
    let a_name = party_label(analysis.parties.first(), "Side A");
    let b_name = party_label(analysis.parties.get(1), "Side B");
    let empty = |name: &str| format!("(no claim found from {name})");
    writeln!(out)?;
    if width >= SIDE_BY_SIDE_MIN {
        let col = (width - GUTTER.width()) / 2;
        let left = column(&items(analysis, Side::A), col, &empty(&a_name));
        let right = column(&items(analysis, Side::B), col, &empty(&b_name));
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
        for line in column(&items(analysis, Side::A), width, &empty(&a_name)) {
            writeln!(out, "{line}")?;
        }
        writeln!(out)?;
        heading(out, &b_name, width)?;
        for line in column(&items(analysis, Side::B), width, &empty(&b_name)) {
            writeln!(out, "{line}")?;
        }
    }
    writeln!(out)?;
    heading(out, "Both sides", width)?;
    for line in column(&items(analysis, Side::Both), width, "(no joint statement)") {
        writeln!(out, "{line}")?;
    }
    writeln!(out)?;
    heading(out, "Narration and context", width)?;
    for line in column(&items(analysis, Side::Neither), width, "(no narration)") {
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
