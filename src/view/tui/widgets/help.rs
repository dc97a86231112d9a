//! The `?` overlay: every binding of the keymap with its description, generated from
//! [`keymap::BINDINGS`] so it can never disagree with what the keys do.
//!
//! After the keys, a legend of the symbols the reader draws ([`LEGEND`]).
//!
//! Rules: one column when it fits the height, else two side by side; what still does not fit
//! is cut at the bottom with a `…` line rather than drawn outside the screen.

use super::super::keymap;
use super::super::theme::Theme;
use super::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

/// The symbols on screen and what they mean.
pub const LEGEND: &[(&str, &str)] = &[
    ("▌", "the selected claim"),
    ("↔", "counterpart / where c came from"),
    ("◆", "a call on the timeline"),
    ("●", "another dated event"),
    ("┄┄", "a gap of more than a month"),
    ("main", "the event the article reports"),
    ("↑ 2 ↓ 4", "claims above / below the pane"),
];

pub fn draw(frame: &mut Frame, area: Rect, theme: &Theme) {
    let mut rows: Vec<(String, &str)> = keymap::BINDINGS
        .iter()
        .map(|b| (keymap::keys_label(b), b.help))
        .collect();
    rows.push((String::new(), "symbols:"));
    rows.extend(LEGEND.iter().map(|&(sym, what)| (sym.to_string(), what)));
    let key_w = rows.iter().map(|(k, _)| text::width(k)).max().unwrap_or(0);
    let help_w = rows.iter().map(|(_, h)| text::width(h)).max().unwrap_or(0);
    let col_w = key_w + help_w + 4;
    let max_w = usize::from(area.width.saturating_sub(2));
    let fits_height = rows.len() + 2 <= usize::from(area.height);
    let columns = if !fits_height && 2 * col_w + 4 <= max_w {
        2
    } else {
        1
    };
    let per_column = rows.len().div_ceil(columns);
    let w = (columns * col_w + 2 * columns).min(max_w) as u16;
    let h = (per_column + 2).min(usize::from(area.height)) as u16;
    if w < 3 || h < 3 {
        return;
    }
    let popup = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    let room = usize::from(h - 2);
    let cell = |(k, help): &(String, &str)| -> Vec<Span<'static>> {
        let pad = key_w.saturating_sub(text::width(k));
        vec![
            Span::styled(format!(" {k}{}  ", " ".repeat(pad)), theme.key),
            Span::raw(format!("{help:<help_w$} ")),
        ]
    };
    let mut lines: Vec<Line> = (0..per_column.min(room))
        .map(|i| {
            let mut spans = Vec::new();
            for c in 0..columns {
                if let Some(row) = rows.get(c * per_column + i) {
                    spans.extend(cell(row));
                }
            }
            Line::from(spans)
        })
        .collect();
    if per_column > room
        && let Some(last) = lines.last_mut()
    {
        *last = Line::styled(" … (taller terminal for the rest)", theme.dim);
    }
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::bordered()
                .title(Span::styled(
                    " Keys and symbols · Esc, q or ? closes ",
                    theme.title,
                ))
                .border_style(theme.title),
        ),
        popup,
    );
}
