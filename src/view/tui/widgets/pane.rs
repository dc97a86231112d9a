//! A list pane: one side's claims, the joint statements or the context, wrapped to the pane.
//!
//! Rules: the top border carries the list's name and count, in the side's colour (thick when
//! focused); body text keeps the default colour. The selected claim gets the `▌` gutter glyph
//! and, in the focused pane, bold + reverse; the focused claim's counterpart in the other
//! pane gets `↔`, and so does the claim you came from after following a pair with `c`.
//! Scrolling keeps the selection visible by walking at most one screen of claims, so drawing
//! costs the same whatever the list's length. Claims above the top are counted on the
//! border (`↑ 2`), claims below on the last row (`↓ 4 more`). An empty list says so.

use super::super::layout::GUTTER;
use super::super::state::{List, Pane, State};
use super::super::theme::{COUNTERPART_GLYPH, SELECTED_GLYPH, Theme};
use super::ViewCache;
use super::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph, Wrap};

/// Border style of a list.
pub fn list_style(list: List, theme: &Theme) -> Style {
    match list {
        List::Party(p) => theme.party(p),
        List::Joint => theme.joint,
        List::Context => theme.context,
    }
}

/// "Freedonia · 3 claims".
pub fn list_title(state: &State, pane: Pane) -> String {
    let n = state.items(pane).len();
    let noun = |one: &str, many: &str| {
        if n == 1 {
            one.to_string()
        } else {
            many.to_string()
        }
    };
    match state.list_of(pane) {
        List::Party(p) if !state.has_party(p) => format!("{} · not found", state.party_name(p)),
        List::Party(p) if state.single_side().is_some() => format!(
            "{} · {n} {} · the only side found",
            state.party_name(p),
            noun("claim", "claims")
        ),
        List::Party(p) => format!("{} · {n} {}", state.party_name(p), noun("claim", "claims")),
        List::Joint => format!("Joint · {n}"),
        List::Context => format!("Narration & context · {n}"),
    }
}

fn empty_text(state: &State, pane: Pane) -> String {
    let on = if state.filter.is_some() {
        " on this event"
    } else {
        ""
    };
    match state.list_of(pane) {
        List::Party(_) if state.analysis.parties.is_empty() => {
            "No sides found. Name them: bilateral --party NAME --party NAME FILE".into()
        }
        List::Party(p) if !state.has_party(p) => {
            "Only one side found. Name the other with --party NAME.".into()
        }
        List::Party(p) => format!("— no claim from {} found{on} —", state.party_name(p)),
        List::Joint => format!("— no joint statement{on} —"),
        List::Context => format!("— no narration{on} —"),
    }
}

/// Draws the pane `pane` into `area`.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    pane: Pane,
    state: &State,
    cache: &mut ViewCache,
    theme: &Theme,
    stacked: bool,
) {
    if area.is_empty() {
        return;
    }
    let list = state.list_of(pane);
    let focused = state.focus == pane;
    let colour = list_style(list, theme);
    let mut title = vec![Span::styled(
        format!(" {} ", list_title(state, pane)),
        if focused {
            colour.add_modifier(Modifier::BOLD)
        } else {
            colour
        },
    )];
    if stacked {
        let other = match pane {
            Pane::Left => Pane::Right,
            Pane::Right => Pane::Left,
            Pane::Joint => Pane::Context,
            Pane::Context => Pane::Joint,
        };
        title.push(Span::styled(
            format!("· Tab/l: {} ", list_title(state, other)),
            theme.dim,
        ));
    }
    let block = Block::new()
        .borders(Borders::TOP)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(colour)
        .title(Line::from(title));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    cache.areas.push((area, pane));
    if inner.height == 0 || inner.width <= GUTTER {
        return;
    }
    let items = state.items(pane);
    if items.is_empty() {
        frame.render_widget(
            Paragraph::new(empty_text(state, pane))
                .style(theme.dim)
                .wrap(Wrap { trim: true }),
            Rect::new(
                inner.x + GUTTER,
                inner.y,
                inner.width - GUTTER,
                inner.height,
            ),
        );
        return;
    }
    let text_w = usize::from(inner.width - GUTTER);
    let height = usize::from(inner.height);
    let sel = state.selected(pane).min(items.len() - 1);
    let li = list.index();

    // Scroll: keep the selection on screen, walking at most one screen of claims.
    let mut lines_of = |pos: usize| -> usize {
        let s = items[pos];
        let t = state.texts.get(s).map_or("", |t| t.as_ref());
        cache.wrap.get(s, t, text_w).len()
    };
    let mut top = cache.tops[li].min(sel);
    let mut used = 0;
    let mut fits = true;
    for pos in top..=sel {
        used += lines_of(pos) + usize::from(pos > top);
        if used > height {
            fits = false;
            break;
        }
    }
    if !fits {
        top = sel;
        let mut used = lines_of(sel);
        while top > 0 {
            let more = lines_of(top - 1) + 1;
            if used + more > height {
                break;
            }
            used += more;
            top -= 1;
        }
    }
    cache.tops[li] = top;

    // The focused claim's counterpart, marked in this pane; and the claim a `c` came from.
    let current = state.current_sentence().filter(|_| state.focus != pane);
    let counterpart = current
        .and_then(|s| state.analysis.sentences.get(s))
        .and_then(|s| s.counterpart);
    let came_from = state
        .followed
        .filter(|&(_, to)| current == Some(to))
        .map(|(from, _)| from);
    let paired = |s: usize| counterpart == Some(s) || came_from == Some(s);

    let bottom = inner.y + inner.height;
    let mut y = inner.y;
    let mut pos = top;
    let mut full = 0;
    let buf = frame.buffer_mut();
    while y < bottom && pos < items.len() {
        if pos > top {
            y += 1; // blank line between claims
            if y >= bottom {
                break;
            }
        }
        let s = items[pos];
        let t = state.texts.get(s).map_or("", |t| t.as_ref());
        let lines = cache.wrap.get(s, t, text_w);
        let selected = pos == sel;
        let base = match (selected, focused) {
            (true, true) => theme.selected,
            (true, false) => theme.selected_idle,
            _ => Style::new(),
        };
        let marks = match_marks(state, s, t, theme);
        let start_y = y;
        for (i, line) in lines.iter().enumerate() {
            if y >= bottom {
                break;
            }
            let glyph = if selected && !(paired(s) && i == 0 && !focused) {
                SELECTED_GLYPH
            } else if paired(s) && i == 0 {
                COUNTERPART_GLYPH
            } else {
                " "
            };
            let gutter_style = if theme.mono {
                Style::new().add_modifier(Modifier::BOLD)
            } else {
                colour.add_modifier(Modifier::BOLD)
            };
            buf.set_span(inner.x, y, &Span::styled(glyph, gutter_style), GUTTER);
            let spans = text::spans(t, line.clone(), base, &marks);
            buf.set_line(
                inner.x + GUTTER,
                y,
                &Line::from(spans),
                inner.width - GUTTER,
            );
            y += 1;
        }
        if y - start_y == lines.len() as u16 {
            full += 1;
        }
        cache.hits.push((
            Rect::new(inner.x, start_y, inner.width, y - start_y),
            pane,
            pos,
        ));
        pos += 1;
    }
    if focused {
        cache.page = full.max(1);
    }
    // What lies beyond the pane: claims below on the last row, claims above on the border.
    let last_cut = cache.hits.last().is_some_and(|&(r, p, at)| {
        p == pane && at + 1 == pos && {
            let s = items[at];
            let t = state.texts.get(s).map_or("", |t| t.as_ref());
            usize::from(r.height) < cache.wrap.get(s, t, text_w).len()
        }
    });
    let below = items.len() - pos + usize::from(last_cut);
    let buf = frame.buffer_mut();
    if below > 0 {
        let note = format!(" ↓ {below} more ");
        let w = text::width(&note) as u16;
        if w <= inner.width {
            // The row is given to the count, not overwritten mid-word.
            buf.set_string(
                inner.x + GUTTER,
                bottom - 1,
                " ".repeat(usize::from(inner.width - GUTTER)),
                Style::new(),
            );
            buf.set_string(
                inner.x + inner.width - w,
                bottom - 1,
                note,
                theme.dim.add_modifier(Modifier::REVERSED),
            );
        }
    }
    let note = format!(" ↑ {top} ");
    let w = text::width(&note) as u16;
    if top > 0 && w + 12 < area.width {
        buf.set_string(area.x + area.width - w - 1, area.y, note, colour);
    }
}

/// Search matches inside sentence `s` (text `t`), as marks for [`text::spans`].
fn match_marks(
    state: &State,
    s: usize,
    t: &str,
    theme: &Theme,
) -> Vec<(std::ops::Range<usize>, Style)> {
    let Some(re) = &state.search.regex else {
        return Vec::new();
    };
    let current = state
        .search
        .current
        .and_then(|i| state.search.matches.get(i))
        == Some(&s);
    let style = if current {
        theme.current_match
    } else {
        theme.matched
    };
    re.find_iter(t).map(|m| (m.range(), style)).collect()
}

/// The one-line bar of the folded joint/context lists.
pub fn folded_bar(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let line = Line::from(vec![
        Span::styled("▸ ", theme.dim),
        Span::styled(list_title(state, Pane::Joint), theme.joint),
        Span::styled("  ·  ", theme.dim),
        Span::styled(list_title(state, Pane::Context), theme.context),
        Span::styled("  (x unfolds)", theme.dim),
    ]);
    frame.render_widget(line, area);
}
