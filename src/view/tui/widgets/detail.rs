//! The detail area: why the selected claim is where it is, and where it comes from.
//!
//! Rules: the first lines say whose it is, the speaker, the cue, direct/indirect, hedges, the
//! event and its date, and the rule that decided; then the original paragraph, rebuilt by
//! joining the paragraph's sentence texts from the analysis (never the raw input), with the
//! selected sentence highlighted and scrolled into view. At most [`NEIGHBOURS`] sentences on
//! each side and [`MAX_SENTENCE`] bytes of each are shown, so a huge paragraph costs no more
//! than a normal one. Article text goes through `escape_controls`, and the paragraph through
//! `reveal_invisible` (bidi controls and zero-width characters shown as `⟨U+202E⟩`).
//!
//! Evidence is shown only when it can be the node that decided
//! ([`crate::view::honest_speaker`]): a
//! speaker outside the sentence, or one standing after the verb when the rule that decided
//! reads the subject ("The two leaders condemned Sylvania…" has no speaker "Sylvania"), is
//! left out rather than shown wrong. The analysis is not changed; the view just does not
//! repeat what cannot be the decider.

use super::super::dates::short_date;
use super::super::state::State;
use super::super::theme::Theme;
use super::super::wrap::wrap;
use super::text;
use crate::model::{QuoteKind, Role, Side};
use crate::view::sanitize::{escape_controls, reveal_invisible};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};

const NEIGHBOURS: usize = 30;
const MAX_SENTENCE: usize = 4000;
const MAX_FIELD: usize = 60;

/// `text` cut at `max` bytes on a char boundary, with `…` when cut.
fn clip(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    if text.len() <= max {
        return text.into();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &text[..end]).into()
}

/// The facts about sentence `s`, as (text, style) fields.
fn facts(state: &State, s: usize, theme: &Theme) -> Vec<(String, Style)> {
    let Some(sentence) = state.analysis.sentences.get(s) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let field = |t: &str| text::truncate(&escape_controls(t), MAX_FIELD);
    match sentence.side {
        Side::A | Side::B => {
            let p = sentence.side.party().unwrap_or(crate::model::PartyId::A);
            out.push((
                state.party_name(p).into_owned(),
                theme.party(p).patch(theme.title),
            ));
        }
        Side::Both => out.push(("both sides (joint)".into(), theme.joint.patch(theme.title))),
        Side::Neither => out.push(("narration / context".into(), theme.title)),
    }
    if sentence.role != Role::Body {
        out.push((format!("{:?}", sentence.role).to_lowercase(), Style::new()));
    }
    let ev = &sentence.evidence;
    let src: &str = &state.analysis.source;
    if let Some(sp) = crate::view::honest_speaker(state.analysis, sentence) {
        out.push((format!("speaker “{}”", field(sp.text(src))), Style::new()));
    }
    if let Some(cue) = ev
        .cue
        .as_ref()
        .filter(|c| sentence.start <= c.start && c.end <= sentence.end)
    {
        out.push((format!("cue “{}”", field(cue.text(src))), Style::new()));
    }
    if let Some(actor) = &ev.actor {
        out.push((format!("actor “{}”", field(actor.text(src))), Style::new()));
    }
    if let Some(p) = &ev.predicate {
        out.push((format!("act “{}”", field(p.text(src))), Style::new()));
    }
    match ev.quote {
        QuoteKind::Direct => out.push(("direct quote".into(), Style::new())),
        QuoteKind::Indirect => out.push(("indirect".into(), Style::new())),
        QuoteKind::Mixed => out.push(("indirect with a quote".into(), Style::new())),
        QuoteKind::None => {}
    }
    if ev.hedged || !ev.hedges.is_empty() {
        let words: Vec<String> = ev.hedges.iter().map(|h| field(h.text(src))).collect();
        out.push((
            format!("hedged: {}", words.join(", "))
                .trim_end_matches([':', ' '])
                .to_string(),
            Style::new(),
        ));
    }
    if let Some(e) = sentence.event.and_then(|e| state.analysis.events.get(e)) {
        out.push((
            format!(
                "event: {} {}",
                short_date(&e.date, e.granularity),
                field(&e.label)
            )
            .trim_end()
            .to_string(),
            Style::new(),
        ));
    } else if let Some(d) = sentence.dates.first() {
        out.push((
            format!("date: {}", short_date(&d.value, d.granularity)),
            Style::new(),
        ));
    }
    if !ev.rule.is_empty() {
        out.push((format!("rule: {}", field(&ev.rule)), theme.dim));
    }
    out
}

/// Lays fields out on lines of `width`, separated by " · ".
fn fact_lines(fields: Vec<(String, Style)>, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines: Vec<Line> = Vec::new();
    let mut line = Line::default();
    let mut used = 0;
    for (t, style) in fields {
        let t = text::truncate(&t, width);
        let w = text::width(&t);
        if used > 0 && used + 3 + w > width {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        if used > 0 {
            line.push_span(Span::styled(" · ", theme.dim));
            used += 3;
        }
        line.push_span(Span::styled(t, style));
        used += w;
    }
    if used > 0 {
        lines.push(line);
    }
    lines
}

pub fn draw(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    if area.is_empty() {
        return;
    }
    let title = if state.expanded {
        " Source paragraph · Enter folds "
    } else {
        " Detail · Enter: whole paragraph "
    };
    let block = Block::new()
        .borders(Borders::TOP)
        .border_style(theme.dim)
        .title(Span::styled(title, theme.dim));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.is_empty() {
        return;
    }
    let width = usize::from(inner.width);
    let Some(s) = state.current_sentence() else {
        let note = state
            .analysis
            .notes
            .first()
            .map_or("Nothing selected.".into(), |n| {
                escape_controls(n).into_owned()
            });
        frame.render_widget(Line::styled(text::truncate(&note, width), theme.dim), inner);
        return;
    };
    let mut lines = fact_lines(facts(state, s, theme), width, theme);
    if !state.expanded {
        lines.truncate(2.min(usize::from(inner.height) / 2).max(1));
    }
    let room = usize::from(inner.height).saturating_sub(lines.len());

    // The paragraph, rebuilt from its sentences around `s`.
    let sentences = &state.analysis.sentences;
    let paragraph = sentences.get(s).map_or(usize::MAX, |x| x.paragraph);
    let mut first = s;
    while first > 0 && s - first < NEIGHBOURS && sentences[first - 1].paragraph == paragraph {
        first -= 1;
    }
    let mut last = s;
    while last + 1 < sentences.len()
        && last - s < NEIGHBOURS
        && sentences[last + 1].paragraph == paragraph
    {
        last += 1;
    }
    let mut joined = String::new();
    let mut mark = 0..0;
    for (i, sentence) in sentences.iter().enumerate().take(last + 1).skip(first) {
        if i > first {
            joined.push(' ');
        }
        // The detail shows invisible characters too (bidi overrides, zero-width), so a
        // sentence cannot look like something it is not.
        let t = reveal_invisible(&clip(sentence.text(&state.analysis.source), MAX_SENTENCE))
            .into_owned();
        if i == s {
            mark = joined.len()..joined.len() + t.len();
        }
        joined.push_str(&t);
    }
    let wrapped = wrap(&joined, width);
    let at = wrapped.iter().position(|r| r.end > mark.start).unwrap_or(0);
    let start = if at < room { 0 } else { at.saturating_sub(1) };
    let marks = [(mark, theme.sentence)];
    for r in wrapped.iter().skip(start).take(room) {
        lines.push(Line::from(text::spans(
            &joined,
            r.clone(),
            Style::new(),
            &marks,
        )));
    }
    let buf = frame.buffer_mut();
    for (i, line) in lines.iter().enumerate().take(usize::from(inner.height)) {
        buf.set_line(inner.x, inner.y + i as u16, line, inner.width);
    }
}
