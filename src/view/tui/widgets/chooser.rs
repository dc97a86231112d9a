//! The `p` overlay: the parties found (the two sides first, then the others that speak),
//! two to pick; the second pick re-reads the article with them as the sides.
//!
//! Rules: names are already made safe ([`crate::view::sanitize::escape_controls`]) by the
//! state; long names are cut with `…`; the list scrolls to keep the cursor visible; nothing
//! is drawn outside the screen.

use super::super::state::Chooser;
use super::super::theme::Theme;
use super::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

pub fn draw(frame: &mut Frame, area: Rect, chooser: &Chooser, theme: &Theme) {
    let title = " Sides · Enter picks two · Esc closes ";
    let widest = chooser
        .names
        .iter()
        .map(|n| text::width(n) + 8)
        .max()
        .unwrap_or(0)
        .max(text::width(title) + 2);
    let w = (widest as u16 + 2).min(area.width);
    let h = (chooser.names.len() as u16 + 2).min(area.height);
    if w < 8 || h < 3 {
        return;
    }
    let popup = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    let room = usize::from(h - 2);
    let top = chooser.cursor.saturating_sub(room.saturating_sub(1));
    let lines: Vec<Line> = chooser
        .names
        .iter()
        .enumerate()
        .skip(top)
        .take(room)
        .map(|(i, name)| {
            let mark = match chooser.picked.iter().position(|&p| p == i) {
                Some(0) => "[A]",
                Some(_) => "[B]",
                None => "[ ]",
            };
            let style = if i == chooser.cursor {
                theme.title.add_modifier(Modifier::REVERSED)
            } else {
                ratatui::style::Style::new()
            };
            let name = text::truncate(name, usize::from(w).saturating_sub(8));
            Line::from(vec![
                Span::styled(format!(" {mark} "), theme.key),
                Span::styled(name, style),
            ])
        })
        .collect();
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::bordered()
                .title(Span::styled(title, theme.title))
                .border_style(theme.title),
        ),
        popup,
    );
}
