//! Paragraphs: which lines of the body belong together.
//!
//! Rules, in order:
//! 1. Lines end at `\n`, `\r\n`, `\r`, U+0085, U+2028 or U+2029. A line holding only whitespace
//!    is blank; blank lines separate *blocks*.
//! 2. Inside a block, every line is its own paragraph (the usual "one paragraph per line"
//!    layout), so a title, subtitle, dateline, caption or "Source: ..." line without final
//!    punctuation is its own unit.
//! 3. Soft wraps are undone: a line that does not end in terminal punctuation is joined with the
//!    next line when that line starts with a lower-case letter ("It was a cold" / "night in the
//!    city."), provided the run of joined lines ends with a line that does end in terminal
//!    punctuation. Without that last condition a list of lower-case items ("contact manager" /
//!    "events, activities") would be glued together.
//! 4. A *hard-wrapped* block — at least three lines, its last line ending in terminal
//!    punctuation, more than half of its lines (but the last) without final punctuation, and at
//!    least one soft wrap by rule 3 — is one paragraph:
//!    the sentence rules then see its line breaks as plain spaces (so "the" / "President said."
//!    joins too). At least a third of its open breaks must be soft wraps: in wrapped prose most
//!    lines go on in lower case, while text copied from a web page stacks short lines (menu,
//!    headline, byline, "Share") above one wrapped sentence, and those stay lines of their own. A title sitting directly above hard-wrapped text without a blank line is
//!    therefore merged into the first sentence: separate it with a blank line.
//!
//! Linear: every line is looked at a constant number of times.

use super::chars::{ends_with_terminal, starts_lowercase};

/// Trimmed line ranges (byte offsets into `text`) of `text[from..]`; blank lines are `None`.
fn lines(text: &str, from: usize) -> Vec<Option<(usize, usize)>> {
    let mut out = Vec::new();
    let body = &text[from..];
    let mut line_start = 0;
    let mut iter = body.char_indices().peekable();
    let push = |s: usize, e: usize, out: &mut Vec<Option<(usize, usize)>>| {
        let line = &body[s..e];
        let trimmed = line.trim_start();
        let lead = line.len() - trimmed.len();
        let trimmed = trimmed.trim_end();
        out.push(if trimmed.is_empty() {
            None
        } else {
            Some((from + s + lead, from + s + lead + trimmed.len()))
        });
    };
    while let Some((i, c)) = iter.next() {
        if matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}') {
            push(line_start, i, &mut out);
            let mut next = i + c.len_utf8();
            if c == '\r' && iter.peek().is_some_and(|&(_, n)| n == '\n') {
                iter.next();
                next += 1;
            }
            line_start = next;
        }
    }
    if line_start < body.len() {
        push(line_start, body.len(), &mut out);
    }
    out
}

/// Paragraph ranges (trimmed, byte offsets into `text`) of `text[from..]`, in order.
pub fn paragraphs(text: &str, from: usize) -> Vec<(usize, usize)> {
    let lines = lines(text, from);
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].is_none() {
            i += 1;
            continue;
        }
        let block_start = i;
        while i < lines.len() && lines[i].is_some() {
            i += 1;
        }
        let block: Vec<(usize, usize)> = lines[block_start..i].iter().flatten().copied().collect();
        split_block(text, &block, &mut out);
    }
    out
}

fn split_block(text: &str, block: &[(usize, usize)], out: &mut Vec<(usize, usize)>) {
    let line = |k: usize| &text[block[k].0..block[k].1];
    let ends = |k: usize| ends_with_terminal(line(k));
    // soft[k]: the break between line k and line k+1 is a soft wrap (rule 3, first half).
    let soft: Vec<bool> = (0..block.len().saturating_sub(1))
        .map(|k| !ends(k) && starts_lowercase(line(k + 1)))
        .collect();
    let last = block.len() - 1;
    let any_soft = soft.iter().any(|&s| s);
    let open_breaks = (0..last).filter(|&k| !ends(k)).count();
    let soft_breaks = soft.iter().filter(|&&s| s).count();
    if block.len() >= 3
        && ends(last)
        && any_soft
        && open_breaks * 2 > last
        && soft_breaks * 3 >= open_breaks
    {
        out.push((block[0].0, block[last].1));
        return;
    }
    let mut k = 0;
    while k < block.len() {
        // Follow soft wraps from line k; keep the run only if it ends on final punctuation.
        let mut j = k;
        while j < last && soft[j] {
            j += 1;
        }
        if j > k && ends(j) {
            out.push((block[k].0, block[j].1));
            k = j + 1;
        } else {
            // Every sub-run of a failed run fails the same way: emit its lines one by one.
            out.extend_from_slice(&block[k..=j]);
            k = j + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(s: &str) -> Vec<&str> {
        paragraphs(s, 0)
            .into_iter()
            .map(|(a, b)| &s[a..b])
            .collect()
    }

    #[test]
    fn one_paragraph_per_line() {
        assert_eq!(
            paras("Title here\nSubtitle: more\nBody one. Body two.\n\nSource: X\r\n"),
            [
                "Title here",
                "Subtitle: more",
                "Body one. Body two.",
                "Source: X"
            ]
        );
    }

    #[test]
    fn soft_wraps_join_only_when_the_run_ends_a_sentence() {
        assert_eq!(
            paras("The talks went on\nfor a long time.\nNext"),
            ["The talks went on\nfor a long time.", "Next"]
        );
        assert_eq!(paras("apples\npears, plums\n"), ["apples", "pears, plums"]);
    }

    #[test]
    fn hard_wrapped_block_is_one_paragraph() {
        let s = "The two ministers met in the capital\non Monday and agreed with the\nPresident that talks would go\non in the spring.";
        assert_eq!(paras(s), [s]);
    }

    #[test]
    fn hard_wrapped_quote_breaking_before_a_capital() {
        let s = "\"We stay,\" said\nSylvanian envoy Ana Ruiz. \"Our view has\nnot changed.\"";
        assert_eq!(paras(s), [s]);
        // Title, subtitle and body lines are no hard wrap: no line continues in lower case.
        assert_eq!(
            paras("Talks resume\nMinisters meet\nThey met today."),
            ["Talks resume", "Ministers meet", "They met today."]
        );
    }

    #[test]
    fn copied_header_lines_are_no_hard_wrap() {
        assert_eq!(
            paras(
                "Home | World\nTalks resume\nBy Jon Park\nShare\nThe ministers met on the\nborder and agreed."
            ),
            [
                "Home | World",
                "Talks resume",
                "By Jon Park",
                "Share",
                "The ministers met on the\nborder and agreed."
            ]
        );
    }

    #[test]
    fn run_that_breaks_in_the_middle() {
        // A soft-wrap run that does not end in punctuation leaves its lines alone.
        assert_eq!(
            paras("heading\nlower line\nAnother one.\nAnd more.\nAgain."),
            [
                "heading",
                "lower line",
                "Another one.",
                "And more.",
                "Again."
            ]
        );
    }
}
