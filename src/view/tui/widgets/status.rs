//! The status bar: the search being typed, a one-shot message, or the key hints for the
//! focused pane (generated from the keymap), with the search count, filter and mouse state on
//! the right. Rules: never wider than the terminal; hints that do not fit are dropped whole,
//! except `? help` and `q quit`, which always stay (the others make room for them).

use super::super::keymap;
use super::super::state::State;
use super::super::theme::Theme;
use super::text;
use crate::view::sanitize::escape_controls;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn draw(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    if area.is_empty() {
        return;
    }
    let width = usize::from(area.width);
    // Right side: search count, filter, mouse.
    let mut right = Vec::new();
    let search = &state.search;
    if search.regex.is_some() {
        let at = search.current.map_or(0, |i| i + 1);
        right.push(format!("{at}/{}", search.matches.len()));
    }
    if let Some(e) = state.filter {
        right.push(format!("filter {}", state.event_label(e)));
    }
    if state.mouse {
        right.push("mouse".into());
    }
    let right = right.join("  ");
    let right_w = text::width(&right);
    let room = width.saturating_sub(right_w + 1);

    let mut left: Vec<Span> = Vec::new();
    if search.editing {
        let q = escape_controls(&search.query);
        left.push(Span::styled("/", theme.key));
        left.push(Span::raw(text::truncate(&q, room.saturating_sub(30))));
        left.push(Span::styled("▏", theme.key));
        let hint = if search.regex.is_some() && search.matches.is_empty() {
            "  no match · Esc clears"
        } else {
            "  Enter keeps · Esc clears"
        };
        left.push(Span::styled(hint, theme.dim));
    } else if let Some(m) = &state.message {
        left.push(Span::styled(text::truncate(m, room), theme.message));
    } else {
        // `? help` and `q quit` always stay: the room for the other hints is what they leave.
        let hints = keymap::hints(state.focus);
        let always = |word: &str| matches!(word, "help" | "quit");
        let width_of = |key: &str, word: &str| text::width(key) + 1 + text::width(word) + 2;
        let kept: usize = hints
            .iter()
            .filter(|(_, w)| always(w))
            .map(|(k, w)| width_of(k, w))
            .sum();
        let mut used = 0;
        let mut shown: Vec<&(String, &str)> = Vec::new();
        for h in &hints {
            let w = width_of(&h.0, h.1);
            if always(h.1) || used + w + kept <= room {
                if !always(h.1) {
                    used += w;
                }
                shown.push(h);
            }
        }
        for (key, word) in shown {
            left.push(Span::styled(key.clone(), theme.key));
            left.push(Span::raw(format!(" {word}  ")));
        }
    }
    let mut line = Line::from(left);
    let used = line.width();
    if right_w > 0 && used + right_w < width {
        line.push_span(Span::raw(" ".repeat(width - used - right_w)));
        line.push_span(Span::styled(right, theme.title));
    }
    frame.render_widget(line, area);
}
