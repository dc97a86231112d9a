//! Drawing the reader: one frame from the state, the layout plan and the theme.
//!
//! Rules: draw only what is visible (a pane walks from its top claim down to its bottom edge,
//! never over the whole list); wrap through the [`WrapCache`]; every piece of article text
//! comes from `State::texts` or goes through `escape_controls`, never raw. Drawing never
//! changes the state: what it learns (scroll tops, page size, where the claims are for the
//! mouse) goes into the [`ViewCache`].

pub mod chooser;
pub mod detail;
pub mod help;
pub mod pane;
pub mod status;
pub mod text;
pub mod timeline;

use super::layout::{self, Plan};
use super::state::{Pane, State};
use super::theme::Theme;
use super::wrap::WrapCache;
use crate::view::sanitize::escape_controls;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// What the view remembers between frames.
#[derive(Debug, Default)]
pub struct ViewCache {
    pub wrap: WrapCache,
    /// First claim drawn in each list, by `List::index`.
    pub tops: [usize; 4],
    /// Claims on screen: (rows, pane, position in the pane's list), for mouse clicks.
    pub hits: Vec<(Rect, Pane, usize)>,
    /// Pane areas, for the mouse wheel.
    pub areas: Vec<(Rect, Pane)>,
    /// Claims fully visible in the focused pane at the last frame.
    pub page: usize,
}

impl ViewCache {
    /// The claim under a screen cell.
    pub fn claim_at(&self, x: u16, y: u16) -> Option<(Pane, usize)> {
        self.hits
            .iter()
            .find(|(r, _, _)| r.contains((x, y).into()))
            .map(|&(_, p, i)| (p, i))
    }

    /// The pane under a screen cell.
    pub fn pane_at(&self, x: u16, y: u16) -> Option<Pane> {
        self.areas
            .iter()
            .find(|(r, _)| r.contains((x, y).into()))
            .map(|&(_, p)| p)
    }
}

/// Draws one frame.
pub fn draw(frame: &mut Frame, state: &State, cache: &mut ViewCache, theme: &Theme) {
    cache.hits.clear();
    cache.areas.clear();
    let area = frame.area();
    match layout::plan(area, state) {
        Plan::TooSmall { need, have } => too_small(frame, area, need, have, theme),
        Plan::Reader(areas) => {
            header(frame, areas.header, state, theme);
            timeline::draw(frame, areas.timeline, state, theme);
            notes(frame, areas.notes, state, theme);
            for &(p, r) in &areas.panes {
                pane::draw(frame, r, p, state, cache, theme, areas.stacked);
            }
            for &(p, r) in &areas.lower {
                pane::draw(frame, r, p, state, cache, theme, areas.stacked);
            }
            if let Some(bar) = areas.lower_bar {
                pane::folded_bar(frame, bar, state, theme);
            }
            detail::draw(frame, areas.detail, state, theme);
            status::draw(frame, areas.status, state, theme);
            if state.help {
                help::draw(frame, areas.full, theme);
            }
            if let Some(chooser) = &state.chooser {
                chooser::draw(frame, areas.full, chooser, theme);
            }
        }
    }
}

fn too_small(frame: &mut Frame, area: Rect, need: (u16, u16), have: (u16, u16), theme: &Theme) {
    if area.is_empty() {
        return;
    }
    let one = format!(
        "terminal too small — need {}×{}, have {}×{}",
        need.0, need.1, have.0, have.1
    );
    let mut text = if text::width(&one) <= usize::from(area.width) {
        vec![Line::styled(one, theme.title)]
    } else {
        vec![
            Line::styled("terminal too small", theme.title),
            Line::from(format!(
                "need {}×{}, have {}×{}",
                need.0, need.1, have.0, have.1
            )),
        ]
    };
    text.push(Line::styled("q quits", theme.dim));
    let height = (text.len() as u16).min(area.height);
    let y = area.y + area.height.saturating_sub(height) / 2;
    frame.render_widget(
        Paragraph::new(text).centered().wrap(Wrap { trim: true }),
        Rect::new(area.x, y, area.width, area.height - (y - area.y)),
    );
}

/// The notes, wrapped to their rows; what does not fit ends in `…`.
fn notes(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    if area.is_empty() || state.notes.is_empty() {
        return;
    }
    let joined = format!("note: {}", state.notes.join(" · "));
    let width = usize::from(area.width);
    let rows = super::wrap::wrap(&joined, width);
    let shown = usize::from(area.height);
    let buf = frame.buffer_mut();
    for (i, r) in rows.iter().take(shown).enumerate() {
        let mut line = joined[r.clone()].to_string();
        if i + 1 == shown && rows.len() > shown {
            line = text::truncate(&format!("{line} …"), width);
            if !line.ends_with('…') {
                line.push('…');
            }
        }
        buf.set_line(
            area.x,
            area.y + i as u16,
            &Line::styled(line, theme.message),
            area.width,
        );
    }
}

/// Title on the left, source and date on the right; the title wins: the source is dropped
/// (then the date) before the title is cut.
fn header(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let meta = &state.analysis.meta;
    let title = crate::view::title(state.analysis).unwrap_or("(untitled)".into());
    let mut right = Vec::new();
    if let Some(source) = &meta.source {
        right.push(escape_controls(source).into_owned());
    }
    if let Some(date) = &meta.published {
        right.push(super::dates::long_date(date));
    }
    let title_w = text::width(&title) as u16;
    // Drop the source, then the date, while the title would be cut.
    while !right.is_empty() && title_w + 2 + text::width(&right.join(" · ")) as u16 > area.width {
        right.remove(0);
    }
    let right = right.join(" · ");
    let right_w = text::width(&right) as u16;
    let avail = area.width.saturating_sub(right_w + 2);
    let title = text::truncate(&title, avail.into());
    let mut line = Line::from(vec![Span::styled(title, theme.title)]);
    let used = line.width() as u16;
    if right_w > 0 && used + 2 + right_w <= area.width {
        line.push_span(Span::raw(
            " ".repeat((area.width - used - right_w) as usize),
        ));
        line.push_span(Span::styled(right, theme.dim));
    }
    frame.render_widget(line, area);
}
