//! Colours and text styles of the reader, with a monochrome theme for `NO_COLOR`.
//!
//! Rules: body text stays in the terminal's default colour (readable on light and dark
//! backgrounds); each side's colour goes on its border and gutter only. The selection never
//! relies on colour: it is bold + reverse with a `▌` gutter glyph, in both themes.
//! `NO_COLOR` (set and not empty, see no-color.org) gives the monochrome theme, where every
//! style is `Color::Reset` plus modifiers. This module never writes to the terminal.

use crate::model::PartyId;
use ratatui::style::{Color, Modifier, Style};

/// The gutter glyph of the selected claim.
pub const SELECTED_GLYPH: &str = "▌";
/// The gutter glyph of the focused claim's counterpart in the other pane.
pub const COUNTERPART_GLYPH: &str = "↔";

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub mono: bool,
    /// Border and gutter of each party, by [`PartyId::index`].
    pub side: [Style; 2],
    pub joint: Style,
    pub context: Style,
    /// The selected claim in the focused pane.
    pub selected: Style,
    /// The selected claim in a pane without focus.
    pub selected_idle: Style,
    pub matched: Style,
    pub current_match: Style,
    pub dim: Style,
    pub title: Style,
    /// The sentence inside its paragraph, in the detail.
    pub sentence: Style,
    pub call: Style,
    pub event_selected: Style,
    pub message: Style,
    pub key: Style,
}

impl Theme {
    pub fn color() -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            mono: false,
            side: [
                Style::new().fg(Color::Blue),
                Style::new().fg(Color::Magenta),
            ],
            joint: Style::new().fg(Color::Green),
            context: Style::new().fg(Color::DarkGray),
            selected: Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
            selected_idle: bold,
            matched: Style::new().fg(Color::Black).bg(Color::Yellow),
            current_match: Style::new()
                .fg(Color::Black)
                .bg(Color::LightYellow)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            dim: Style::new().add_modifier(Modifier::DIM),
            title: bold,
            sentence: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            call: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            event_selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            message: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        }
    }

    pub fn mono() -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            mono: true,
            side: [Style::new(), Style::new()],
            joint: Style::new(),
            context: Style::new(),
            selected: Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
            selected_idle: bold,
            matched: Style::new().add_modifier(Modifier::UNDERLINED),
            current_match: Style::new()
                .add_modifier(Modifier::UNDERLINED | Modifier::BOLD | Modifier::REVERSED),
            dim: Style::new().add_modifier(Modifier::DIM),
            title: bold,
            sentence: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            call: bold,
            event_selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            message: bold,
            key: bold,
        }
    }

    /// The theme asked for by the environment: monochrome when `NO_COLOR` is set.
    pub fn from_env() -> Theme {
        if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            Theme::mono()
        } else {
            Theme::color()
        }
    }

    pub fn party(&self, party: PartyId) -> Style {
        self.side[party.index()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mono_has_no_colour_and_keeps_the_selection() {
        let t = Theme::mono();
        for style in [
            t.side[0],
            t.side[1],
            t.selected,
            t.matched,
            t.current_match,
            t.call,
        ] {
            assert_eq!(style.fg, None);
            assert_eq!(style.bg, None);
        }
        assert!(
            t.selected
                .add_modifier
                .contains(Modifier::REVERSED | Modifier::BOLD)
        );
        assert_ne!(t.matched, t.current_match);
    }

    #[test]
    fn colour_stays_off_the_body_text() {
        let t = Theme::color();
        assert_eq!(
            t.selected.fg, None,
            "selection keeps the default text colour"
        );
        assert_eq!(t.sentence.fg, None);
        assert_ne!(t.side[0], t.side[1]);
    }
}
