//! Where everything goes: a pure function from the terminal size and the state to a [`Plan`].
//!
//! Rules: below [`MIN_WIDTH`]×[`MIN_HEIGHT`] nothing but a "too small" message. From
//! [`SIDE_BY_SIDE_WIDTH`] columns the two sides stand side by side, both panes the same width
//! so that claims wrap alike, capped at a comfortable measure ([`MEASURE`] text columns) and
//! centred; narrower, one side at a time (Tab/h/l switch). With only one side found, that
//! side has the only side pane, one measure wide and centred. The lower joint/context lists and
//! the detail shrink before the panes do. No drawing here, and no arithmetic that can
//! underflow on a 0×0 or 1×1 area.
//!
//! Room goes to what has content: the side panes and the lower lists get rows in line with
//! the text they hold (estimated from [`State::text_columns`], summed once, never by
//! wrapping), so a tall terminal shows more narration when the sides are short, and the
//! widened paragraph (Enter) is no taller than the paragraph. The notes
//! ([`State::notes`]) get a line or two under the timeline while the reader is open.

use super::state::{Pane, State};
use ratatui::layout::Rect;

pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;
/// Narrowest terminal with both sides side by side (two panes of 37 columns and a gap).
pub const SIDE_BY_SIDE_WIDTH: u16 = 76;
/// Widest text column of a pane.
pub const MEASURE: u16 = 72;
/// Columns left of the text for the selection glyph.
pub const GUTTER: u16 = 2;
/// Columns between the two panes.
pub const GAP: u16 = 2;

/// The areas of a full reader screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Areas {
    pub header: Rect,
    pub timeline: Rect,
    /// The notes line(s) under the timeline (zero height without notes).
    pub notes: Rect,
    /// The side panes shown: both, or the focused side when stacked.
    pub panes: Vec<(Pane, Rect)>,
    /// The joint/context lists shown (empty when folded).
    pub lower: Vec<(Pane, Rect)>,
    /// The one-line fold bar when the lower lists are folded.
    pub lower_bar: Option<Rect>,
    pub detail: Rect,
    pub status: Rect,
    pub stacked: bool,
    pub full: Rect,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plan {
    TooSmall { need: (u16, u16), have: (u16, u16) },
    Reader(Areas),
}

/// Splits `area` for `state`.
pub fn plan(area: Rect, state: &State) -> Plan {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Plan::TooSmall {
            need: (MIN_WIDTH, MIN_HEIGHT),
            have: (area.width, area.height),
        };
    }
    let h = area.height;
    let stacked = area.width < SIDE_BY_SIDE_WIDTH;

    // Widths: equal panes, capped and centred.
    let pane_w = if stacked {
        area.width.min(MEASURE + GUTTER)
    } else {
        ((area.width - GAP) / 2).min(MEASURE + GUTTER)
    };
    let total = if stacked { pane_w } else { 2 * pane_w + GAP };
    let x0 = area.x + (area.width - total) / 2;

    // The notes: as many rows as they wrap to, at most two (one on a short terminal).
    let note_cols: usize = state.notes.iter().map(|n| n.chars().count() + 3).sum();
    let note_h = if note_cols == 0 {
        0
    } else {
        let rows = note_cols.div_ceil(usize::from(area.width).max(1)) as u16;
        rows.min(if h >= 20 { 2 } else { 1 })
    };

    // Heights, bottom-up, shrinking the extras before the panes.
    let rest = h - 3 - note_h; // header, timeline, status, notes
    let base_detail = if h >= 30 {
        7
    } else if h >= 24 {
        6
    } else {
        5
    };
    let mut detail = if state.expanded {
        // No taller than the facts and the paragraph need.
        let width = usize::from(total).max(1);
        let paragraph = state
            .current_sentence()
            .and_then(|s| state.analysis.sentences.get(s))
            .and_then(|s| state.analysis.paragraphs.get(s.paragraph))
            .map_or(0, |p| p.end.saturating_sub(p.start));
        let facts = if width >= 100 { 2 } else { 3 };
        let rows = paragraph.div_ceil(width).min(usize::from(h)) as u16;
        let need = (2 + facts as u16).saturating_add(rows);
        let most = ((u32::from(h) * 45 / 100) as u16).max(8);
        need.clamp(base_detail, most.max(base_detail))
    } else {
        base_detail
    };
    let mut lower = if state.lower_collapsed {
        1
    } else if h >= 30 {
        6
    } else if h >= 22 {
        5
    } else {
        4
    };
    const MIN_PANES: u16 = 3;
    // No claim on either side (no sides found, or all narration): the text is below, so the
    // lower lists take the room and the side panes keep just their message.
    let sides_empty = state.items(Pane::Left).is_empty() && state.items(Pane::Right).is_empty();
    if sides_empty && !state.lower_collapsed {
        lower = rest.saturating_sub(detail + 4).max(lower);
    }
    if rest < detail + lower + MIN_PANES {
        lower = 1;
    }
    if rest < detail + lower + MIN_PANES {
        detail = rest.saturating_sub(lower + MIN_PANES).max(2);
    }
    // Rows by content: each list's estimated rows (its text at the pane's width, plus a
    // line and a gap per claim); what the side panes cannot use goes to the lower lists,
    // and what the lower lists cannot use goes back to the panes.
    if !sides_empty && lower > 1 {
        let text_w = usize::from(pane_w.saturating_sub(GUTTER)).max(1);
        let rows = |pane: Pane| -> usize {
            let l = state.list_of(pane).index();
            1 + state.text_columns[l].div_ceil(text_w) + 2 * state.lists[l].len()
        };
        let sides_need = if stacked {
            rows(state.side_pane)
        } else {
            rows(Pane::Left).max(rows(Pane::Right))
        };
        let lower_need = if stacked {
            rows(state.lower_pane)
        } else {
            rows(Pane::Joint).max(rows(Pane::Context))
        };
        let lists = usize::from(rest.saturating_sub(detail));
        let panes_room = lists.saturating_sub(usize::from(lower));
        if sides_need < panes_room && lower_need > usize::from(lower) {
            let spare = panes_room - sides_need.max(usize::from(MIN_PANES));
            let want = lower_need - usize::from(lower);
            lower += spare.min(want) as u16;
        } else if lower_need < usize::from(lower) {
            lower = (lower_need.min(usize::from(lower)) as u16)
                .max(3)
                .min(lower);
        }
    }
    let panes_h = rest.saturating_sub(detail + lower);

    let mut y = area.y;
    let mut row = |height: u16| {
        let r = Rect::new(area.x, y, area.width, height);
        y += height;
        r
    };
    let header = row(1);
    let timeline = row(1);
    let notes = row(note_h);
    let panes_row = row(panes_h);
    let lower_row = row(lower);
    let detail_row = row(detail);
    let status = row(1);

    let split = |r: Rect, left: Pane, right: Pane, shown: Pane| -> Vec<(Pane, Rect)> {
        if stacked {
            vec![(shown, Rect::new(x0, r.y, pane_w, r.height))]
        } else {
            vec![
                (left, Rect::new(x0, r.y, pane_w, r.height)),
                (right, Rect::new(x0 + pane_w + GAP, r.y, pane_w, r.height)),
            ]
        }
    };
    let panes = match state.single_side() {
        Some(only) => {
            let w = (MEASURE + GUTTER).min(total);
            let x = x0 + (total - w) / 2;
            vec![(only, Rect::new(x, panes_row.y, w, panes_row.height))]
        }
        None => split(panes_row, Pane::Left, Pane::Right, state.side_pane),
    };
    let (lower, lower_bar) = if lower == 1 {
        (Vec::new(), Some(Rect::new(x0, lower_row.y, total, 1)))
    } else {
        (
            split(lower_row, Pane::Joint, Pane::Context, state.lower_pane),
            None,
        )
    };
    Plan::Reader(Areas {
        header,
        timeline,
        notes,
        panes,
        lower,
        lower_bar,
        detail: Rect::new(x0, detail_row.y, total, detail_row.height),
        status,
        stacked,
        full: area,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::tui::fixture;

    fn areas(w: u16, h: u16, state: &State) -> Areas {
        match plan(Rect::new(0, 0, w, h), state) {
            Plan::Reader(a) => a,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn sizes_pick_the_mode() {
        let a = fixture::analysis();
        let s = State::new(&a);
        assert_eq!(
            plan(Rect::new(0, 0, 30, 8), &s),
            Plan::TooSmall {
                need: (40, 12),
                have: (30, 8)
            }
        );
        assert!(matches!(plan(Rect::ZERO, &s), Plan::TooSmall { .. }));
        assert!(matches!(
            plan(Rect::new(0, 0, 39, 40), &s),
            Plan::TooSmall { .. }
        ));
        assert!(areas(60, 20, &s).stacked);
        assert_eq!(areas(60, 20, &s).panes.len(), 1);
        assert!(!areas(80, 24, &s).stacked);
        assert!(areas(40, 12, &s).panes[0].1.height >= 3);
    }

    #[test]
    fn panes_are_equal_capped_and_centred() {
        let a = fixture::analysis();
        let s = State::new(&a);
        for w in [76u16, 80, 120, 200, 400] {
            let ar = areas(w, 30, &s);
            let (l, r) = (ar.panes[0].1, ar.panes[1].1);
            assert_eq!(l.width, r.width, "at {w}");
            assert!(l.width <= MEASURE + GUTTER);
            assert!(r.right() <= w);
            let left_margin = l.x;
            let right_margin = w - r.right();
            assert!(left_margin.abs_diff(right_margin) <= 1, "centred at {w}");
        }
    }

    #[test]
    fn one_side_found_has_one_centred_pane() {
        let mut a = fixture::analysis();
        a.parties.truncate(1);
        let s = State::new(&a);
        let only = s.single_side().expect("one side");
        for (w, stacked) in [(120u16, false), (60, true)] {
            let ar = areas(w, 30, &s);
            assert_eq!(ar.stacked, stacked);
            assert_eq!(ar.panes.len(), 1, "at {w}");
            assert_eq!(ar.panes[0].0, only);
            let r = ar.panes[0].1;
            assert!(r.width <= MEASURE + GUTTER && r.right() <= w);
            assert!(r.x.abs_diff(w - r.right()) <= 1, "centred at {w}");
        }
    }

    #[test]
    fn rows_fill_the_height_exactly() {
        let a = fixture::analysis();
        let mut s = State::new(&a);
        for expanded in [false, true] {
            s.expanded = expanded;
            for h in [12u16, 20, 24, 30, 60] {
                let ar = areas(100, h, &s);
                assert_eq!(ar.status.bottom(), h);
                let lower_bottom = ar
                    .lower
                    .first()
                    .map(|l| l.1.bottom())
                    .or(ar.lower_bar.map(|b| b.bottom()))
                    .unwrap();
                assert_eq!(
                    ar.panes[0].1.bottom(),
                    lower_bottom - ar.lower.first().map_or(1, |l| l.1.height)
                );
                assert_eq!(lower_bottom, ar.detail.y);
                assert!(ar.panes[0].1.height >= 3, "panes at h={h}");
            }
        }
    }
}
