//! `--format markdown` and `--format csv`: the two sides' claims (and the joint ones) for
//! pasting into notes or a report, each with its speaker, cue, date and place in the article.
//!
//! Rules:
//! - One row per claim, sides in the order of `--json` and the reader (A, B, then joint);
//!   narration is left out (it is nobody's claim).
//! - The speaker is shown only when it can be the node that decided
//!   ([`super::claim_source`]: the speaker of an attribution, else the actor of an act); the
//!   cue (or the act's predicate) only when it lies in the sentence.
//! - The date is the claim's event (`2023-12-10 phone call`), else its own first date.
//! - The place is the paragraph and sentence, counted from 1 over the body as the JSON's
//!   `paragraph` and `index` (plus one), so a reader can find the sentence again.
//! - Text is escaped for its format: controls made visible (as everywhere), hard line breaks
//!   reflowed, and in Markdown `|`, `\`, `*`, `_`, `` ` ``, `<`, `[`, `]` escaped so a cell
//!   cannot break the table or become markup. CSV quoting is the `csv` crate's, and a text
//!   cell that begins with `=`, `+`, `-`, `@` gets a leading `'` so a spreadsheet shows it
//!   as text instead of running it as a formula.

use super::{claim_cue, claim_source, claim_text, sanitize::escape_controls, title};
use crate::model::{Analysis, PartyId, Sentence, Side};
use std::io::{self, Write};

/// One claim, ready for a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// `A`, `B` or `both`.
    pub side: &'static str,
    /// The side's name ("both sides" for joint claims).
    pub party: String,
    pub claim: String,
    pub speaker: String,
    pub cue: String,
    /// `direct`, `indirect`, `mixed` or empty.
    pub quote: &'static str,
    pub date: String,
    /// 1-based paragraph and sentence.
    pub paragraph: usize,
    pub sentence: usize,
    pub rule: String,
}

fn party_name(analysis: &Analysis, id: PartyId) -> String {
    analysis.parties.iter().find(|p| p.id == id).map_or_else(
        || format!("side {id:?}"),
        |p| escape_controls(&p.name).into_owned(),
    )
}

/// The date shown for a claim: its event, else its own first date.
pub fn date_of(analysis: &Analysis, s: &Sentence) -> String {
    if let Some(e) = s.event.and_then(|e| analysis.events.get(e)) {
        return format!("{} {}", escape_controls(&e.date), escape_controls(&e.label))
            .trim()
            .to_string();
    }
    s.dates
        .first()
        .map(|d| escape_controls(&d.value).into_owned())
        .unwrap_or_default()
}

fn row(analysis: &Analysis, s: &Sentence) -> Row {
    let src: &str = &analysis.source;
    let (side, party) = match s.side {
        Side::A => ("A", party_name(analysis, PartyId::A)),
        Side::B => ("B", party_name(analysis, PartyId::B)),
        _ => ("both", "both sides".to_string()),
    };
    let ev = &s.evidence;
    let speaker = claim_source(analysis, s)
        .map(|m| tui::state::reflow(escape_controls(m.text(src))).into_owned())
        .unwrap_or_default();
    let cue = claim_cue(s)
        .map(|c| escape_controls(c.text(src)).into_owned())
        .unwrap_or_default();
    let quote = match ev.quote {
        crate::model::QuoteKind::Direct => "direct",
        crate::model::QuoteKind::Indirect => "indirect",
        crate::model::QuoteKind::Mixed => "mixed",
        crate::model::QuoteKind::None => "",
    };
    Row {
        side,
        party,
        claim: claim_text(analysis, s).into_owned(),
        speaker,
        cue,
        quote,
        date: date_of(analysis, s),
        paragraph: s.paragraph + 1,
        sentence: s.index + 1,
        rule: escape_controls(&ev.rule).into_owned(),
    }
}

use super::tui;

/// The claims of side A, side B and both, in that order, each in article order.
pub fn rows(analysis: &Analysis) -> Vec<Row> {
    let mut out = Vec::new();
    for side in [Side::A, Side::B, Side::Both] {
        out.extend(
            analysis
                .sentences
                .iter()
                .filter(|s| s.side == side)
                .map(|s| row(analysis, s)),
        );
    }
    out
}

/// Escapes text for a Markdown table cell.
pub fn md_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' | '\\' | '*' | '_' | '`' | '<' | '[' | ']' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// Writes the Markdown export.
pub fn write_markdown(analysis: &Analysis, out: &mut impl Write) -> io::Result<()> {
    let heading = title(analysis).map_or_else(|| "(untitled)".to_string(), |t| t.into_owned());
    writeln!(out, "# {}", md_cell(&heading))?;
    let meta = &analysis.meta;
    let cite: Vec<String> = [&meta.source, &meta.published, &meta.url]
        .into_iter()
        .flatten()
        .map(|p| md_cell(&escape_controls(p)))
        .collect();
    if !cite.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", cite.join(" · "))?;
    }
    for note in super::all_notes(analysis) {
        writeln!(out)?;
        writeln!(out, "> note: {}", md_cell(&note))?;
    }
    let all = rows(analysis);
    let mut groups: Vec<(&str, String)> = analysis
        .parties
        .iter()
        .map(|p| {
            (
                if p.id == PartyId::A { "A" } else { "B" },
                escape_controls(&p.name).into_owned(),
            )
        })
        .collect();
    groups.push(("both", "Both sides".into()));
    for (side, name) in groups {
        let mine: Vec<&Row> = all.iter().filter(|r| r.side == side).collect();
        writeln!(out)?;
        writeln!(out, "## {} · {}", md_cell(&name), mine.len())?;
        writeln!(out)?;
        if mine.is_empty() {
            writeln!(out, "(no claim found)")?;
            continue;
        }
        writeln!(out, "| claim | speaker | cue | date | place |")?;
        writeln!(out, "|---|---|---|---|---|")?;
        for r in mine {
            writeln!(
                out,
                "| {} | {} | {} | {} | ¶{} s{} |",
                md_cell(&r.claim),
                md_cell(&r.speaker),
                md_cell(&r.cue),
                md_cell(&r.date),
                r.paragraph,
                r.sentence
            )?;
        }
    }
    Ok(())
}

/// Writes the CSV export: a header row, then one row per claim.
pub fn write_csv(analysis: &Analysis, out: &mut impl Write) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let header = [
        "side",
        "party",
        "claim",
        "speaker",
        "cue",
        "quote",
        "date",
        "paragraph",
        "sentence",
        "rule",
    ];
    w.write_record(header)?;
    let cell = |t: &str| -> String {
        if t.starts_with(['=', '+', '-', '@']) {
            format!("'{t}")
        } else {
            t.to_string()
        }
    };
    for r in rows(analysis) {
        w.write_record([
            r.side,
            &cell(&r.party),
            &cell(&r.claim),
            &cell(&r.speaker),
            &cell(&r.cue),
            r.quote,
            &r.date,
            &r.paragraph.to_string(),
            &r.sentence.to_string(),
            &r.rule,
        ])?;
    }
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::tui::fixture;

    #[test]
    fn markdown_cells_cannot_break_the_table() {
        assert_eq!(md_cell("a | b *c* [d]"), r"a \| b \*c\* \[d\]");
        assert_eq!(md_cell("x\ny"), "x y");
    }

    #[test]
    fn rows_come_side_by_side_then_joint() {
        let a = fixture::analysis();
        let rows = rows(&a);
        let sides: Vec<&str> = rows.iter().map(|r| r.side).collect();
        let mut sorted = sides.clone();
        sorted.sort_by_key(|s| match *s {
            "A" => 0,
            "B" => 1,
            _ => 2,
        });
        assert_eq!(sides, sorted);
        assert!(rows.iter().all(|r| r.paragraph >= 1 && r.sentence >= 1));
        let mut csv = Vec::new();
        write_csv(&a, &mut csv).unwrap();
        let csv = String::from_utf8(csv).unwrap();
        assert!(
            csv.starts_with("side,party,claim,speaker,cue,quote,date,paragraph,sentence,rule\n")
        );
        assert_eq!(csv.lines().count(), rows.len() + 1);
    }
}
