//! The timeline band: the dated events in order on one line, calls marked distinctly.
//!
//! Rules: one chip per event (`● Oct 7`, `◆ Oct 16 call`), calls bold with `◆`, the main
//! event tagged `main`, the event under the cursor reversed; chips joined by an axis `──`,
//! longer across gaps of more than a month. When the chips do not fit, the band scrolls so
//! the cursor's chip is visible and `…` marks what is cut. Dates print as "Oct 16" ("Oct 16
//! 2022" in another year than the publication's); unknown parts (`XXXX-XX-10`) print as
//! "day 10". Event labels go through `escape_controls`.

use super::super::dates::short_date;
use super::super::state::State;
use super::super::theme::Theme;
use super::text;
use crate::model::{EventKind, Granularity};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Days since 0000-03-01 of a YYYY-MM-DD value, when fully known (for gap lengths).
fn day_number(value: &str) -> Option<i64> {
    let mut it = value.split('-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (it.next()??, it.next()??, it.next()??);
    let (y, m) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    Some(365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + d)
}

/// Draws the band.
pub fn draw(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    if area.is_empty() {
        return;
    }
    let events = &state.analysis.events;
    if events.is_empty() {
        frame.render_widget(Line::styled("timeline: no dated events", theme.dim), area);
        return;
    }
    let published_year = state
        .analysis
        .meta
        .published
        .as_deref()
        .and_then(|p| p.get(..4));
    // Chips are built only for the events that are drawn.
    let chip = |i: usize| -> (String, Style) {
        let e = &events[i];
        let call = e.kind == EventKind::Call;
        let mut chip = format!(
            "{} {}",
            if call { "◆" } else { "●" },
            short_date(&e.date, e.granularity)
        );
        // A day in another year than the publication's says its year ("May 9 2025"), so the
        // axis never looks as if it ran backwards.
        if e.granularity == Granularity::Day
            && let (Some(y), Some(p)) = (e.date.get(..4), published_year)
            && y.chars().all(|c| c.is_ascii_digit())
            && y != p
        {
            chip.push(' ');
            chip.push_str(y);
        }
        if call {
            chip.push_str(" call");
        }
        if e.main {
            chip.push_str(" · main");
        }
        if state.filter == Some(i) {
            chip.push_str(" (filter)");
        }
        let mut style = if call { theme.call } else { Style::new() };
        if state.event == Some(i) {
            style = style.patch(theme.event_selected);
        }
        (chip, style)
    };
    let connector = |i: usize| -> &'static str {
        let gap = day_number(&events[i].date)
            .zip(day_number(&events[i - 1].date))
            .map(|(a, b)| a - b);
        match gap {
            Some(g) if g > 31 => " ──┄┄── ",
            _ => " ── ",
        }
    };
    let width = usize::from(area.width);
    // First chip shown: as early as possible with the cursor's chip still fitting.
    let cursor = state.event.unwrap_or(0).min(events.len() - 1);
    let mut first = cursor;
    let mut used = text::width(&chip(cursor).0);
    while first > 0 {
        let more = text::width(&chip(first - 1).0) + text::width(connector(first));
        if used + more + 4 > width {
            break;
        }
        used += more;
        first -= 1;
    }
    let mut spans = Vec::new();
    let mut used = 0;
    if first > 0 {
        spans.push(Span::styled("… ", theme.dim));
        used += 2;
    }
    for i in first..events.len() {
        let join = if i == first { "" } else { connector(i) };
        let (label, style) = chip(i);
        let w = text::width(join) + text::width(&label);
        if used + w > width {
            if used + 2 <= width {
                spans.push(Span::styled(" …", theme.dim));
            }
            break;
        }
        spans.push(Span::styled(join, theme.dim));
        spans.push(Span::styled(label, style));
        used += w;
    }
    frame.render_widget(Line::from(spans), area);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_count_days() {
        let d = |v| day_number(v).unwrap();
        assert_eq!(d("2023-12-10") - d("2023-10-16"), 55);
        assert_eq!(d("2024-03-01") - d("2024-02-28"), 2, "leap year");
        assert_eq!(day_number("XXXX-XX-10"), None);
    }
}
