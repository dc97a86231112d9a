//! The `?` overlay: every binding of the keymap with its description, generated from
//! [`keymap::BINDINGS`] so it can never disagree with what the keys do.

use super::super::keymap;
use super::super::theme::Theme;
use super::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

pub fn draw(frame: &mut Frame, area: Rect, theme: &Theme) {
    let rows: Vec<(String, &str)> = keymap::BINDINGS
        .iter()
        .map(|b| (keymap::keys_label(b), b.help))
        .collect();
    let key_w = rows.iter().map(|(k, _)| text::width(k)).max().unwrap_or(0);
    let help_w = rows.iter().map(|(_, h)| text::width(h)).max().unwrap_or(0);
    let w = (key_w + help_w + 6).min(usize::from(area.width.saturating_sub(2))) as u16;
    let h = (rows.len() + 2).min(usize::from(area.height)) as u16;
    if w < 3 || h < 3 {
        return;
    }
    let popup = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    let lines: Vec<Line> = rows
        .into_iter()
        .map(|(k, help)| {
            Line::from(vec![
                Span::styled(format!(" {k:<key_w$}  "), theme.key),
                Span::raw(help),
            ])
        })
        .collect();
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::bordered()
                .title(Span::styled(" Keys · any key closes ", theme.title))
                .border_style(theme.title),
        ),
        popup,
    );
}
