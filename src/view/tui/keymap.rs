//! The one keymap: key → [`Action`], with the words that describe it.
//!
//! [`BINDINGS`] is the single source of truth: key dispatch, the `?` help overlay and the
//! status-bar hints are all generated from it, so they cannot drift apart. Vim keys and
//! arrows both work. Letters match whatever the Shift state (`G` arrives as Shift+G);
//! Ctrl combinations match only with Ctrl. While a search query is typed, printable keys
//! go to the query instead (see [`action_for`]). This module never changes state itself.

use super::state::{Action, Pane};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// A key as bound: a code, with or without Ctrl.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn k(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}
const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}
const fn code(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

/// Where a binding makes sense (for the status-bar hints).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Everywhere,
    /// Only on the two side panes (counterparts).
    Sides,
}

/// One line of the keymap.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    /// For the help overlay.
    pub help: &'static str,
    /// Short word for the status bar; `None` keeps it out of the bar.
    pub hint: Option<&'static str>,
    pub scope: Scope,
}

const fn bind(
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    hint: Option<&'static str>,
    scope: Scope,
) -> Binding {
    Binding {
        keys,
        action,
        help,
        hint,
        scope,
    }
}

use Scope::{Everywhere as E, Sides as S};

/// The keymap.
pub const BINDINGS: &[Binding] = &[
    bind(
        &[k('j'), code(KeyCode::Down)],
        Action::Down,
        "next claim",
        None,
        E,
    ),
    bind(
        &[k('k'), code(KeyCode::Up)],
        Action::Up,
        "previous claim",
        None,
        E,
    ),
    bind(
        &[k('h'), code(KeyCode::Left)],
        Action::PaneLeft,
        "left pane (nearest claim)",
        None,
        E,
    ),
    bind(
        &[k('l'), code(KeyCode::Right)],
        Action::PaneRight,
        "right pane (nearest claim)",
        None,
        E,
    ),
    bind(
        &[code(KeyCode::Tab)],
        Action::NextPane,
        "next pane",
        Some("pane"),
        E,
    ),
    bind(
        &[code(KeyCode::BackTab)],
        Action::PrevPane,
        "previous pane",
        None,
        E,
    ),
    bind(
        &[k('g'), code(KeyCode::Home)],
        Action::Top,
        "first claim",
        None,
        E,
    ),
    bind(
        &[k('G'), code(KeyCode::End)],
        Action::Bottom,
        "last claim",
        None,
        E,
    ),
    bind(
        &[code(KeyCode::PageDown)],
        Action::PageDown,
        "page down",
        None,
        E,
    ),
    bind(&[code(KeyCode::PageUp)], Action::PageUp, "page up", None, E),
    bind(&[ctrl('d')], Action::HalfDown, "half a page down", None, E),
    bind(&[ctrl('u')], Action::HalfUp, "half a page up", None, E),
    bind(
        &[k(']')],
        Action::NextEvent,
        "next event (all panes follow)",
        Some("event"),
        E,
    ),
    bind(&[k('[')], Action::PrevEvent, "previous event", None, E),
    bind(
        &[k('c')],
        Action::Counterpart,
        "counterpart on the other side",
        Some("counterpart"),
        S,
    ),
    bind(
        &[code(KeyCode::Enter), k('o')],
        Action::Expand,
        "expand / fold source paragraph",
        Some("source"),
        E,
    ),
    bind(
        &[k('/')],
        Action::SearchStart,
        "search all claims",
        Some("search"),
        E,
    ),
    bind(&[k('n')], Action::SearchNext, "next match", None, E),
    bind(&[k('N')], Action::SearchPrev, "previous match", None, E),
    bind(
        &[k('f')],
        Action::FilterEvent,
        "filter on this event / all",
        Some("filter"),
        E,
    ),
    bind(
        &[k('y')],
        Action::Copy,
        "copy claim with citation (OSC 52)",
        Some("copy"),
        E,
    ),
    bind(&[k('s')], Action::Swap, "swap the two sides", None, E),
    bind(
        &[k('p')],
        Action::ChooseSides,
        "choose the two sides (re-reads)",
        None,
        E,
    ),
    bind(
        &[k('x')],
        Action::ToggleLower,
        "fold joint & context",
        None,
        E,
    ),
    bind(
        &[k('m')],
        Action::ToggleMouse,
        "mouse on/off (wheel, click)",
        None,
        E,
    ),
    bind(&[k('?')], Action::Help, "this help", Some("help"), E),
    bind(
        &[code(KeyCode::Esc)],
        Action::Back,
        "close what is open (never quits)",
        None,
        E,
    ),
    bind(
        &[k('q')],
        Action::Quit,
        "close help, or quit",
        Some("quit"),
        E,
    ),
    bind(
        &[ctrl('c')],
        Action::ForceQuit,
        "quit from anywhere",
        None,
        E,
    ),
    bind(
        &[ctrl('z')],
        Action::Suspend,
        "suspend (fg resumes)",
        None,
        E,
    ),
];

/// The action for a key event, or `None` for unbound keys and key releases.
pub fn action_for(event: &KeyEvent, searching: bool) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    if searching {
        match event.code {
            KeyCode::Char('c' | 'z') if ctrl => {}
            KeyCode::Char(c) if !ctrl => return Some(Action::SearchInput(c)),
            KeyCode::Backspace => return Some(Action::SearchBackspace),
            KeyCode::Enter => return Some(Action::SearchConfirm),
            KeyCode::Esc => return Some(Action::Back),
            _ => return None,
        }
    }
    BINDINGS
        .iter()
        .find(|b| {
            b.keys
                .iter()
                .any(|key| key.ctrl == ctrl && key.code == event.code)
        })
        .map(|b| b.action)
}

/// How a key is written in the help and the status bar.
pub fn label(key: Key) -> String {
    let name = match key.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Down => "↓".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        other => format!("{other:?}"),
    };
    if key.ctrl {
        format!("Ctrl-{}", name.to_uppercase())
    } else {
        name
    }
}

/// All keys of a binding, as written in the help: "j ↓".
pub fn keys_label(binding: &Binding) -> String {
    binding
        .keys
        .iter()
        .map(|&key| label(key))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The keymap as a Markdown table (the README's key table is checked against it).
pub fn markdown_table() -> String {
    let mut out = String::from("| keys | what they do |\n|---|---|\n");
    for b in BINDINGS {
        let keys: Vec<String> = b.keys.iter().map(|&k| format!("`{}`", label(k))).collect();
        out.push_str(&format!("| {} | {} |\n", keys.join(" "), b.help));
    }
    out
}

/// The status-bar hints for the focused pane: (first key, word). Moves are summarised first.
pub fn hints(focus: Pane) -> Vec<(String, &'static str)> {
    let sides = matches!(focus, Pane::Left | Pane::Right);
    let mut out = vec![("j/k".to_string(), "claim"), ("h/l".to_string(), "side")];
    for b in BINDINGS {
        let Some(hint) = b.hint else { continue };
        if b.scope == Scope::Sides && !sides {
            continue;
        }
        out.push((label(b.keys[0]), hint));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn vim_keys_and_arrows_do_the_same() {
        let none = KeyModifiers::NONE;
        for (a, b) in [
            (KeyCode::Char('j'), KeyCode::Down),
            (KeyCode::Char('k'), KeyCode::Up),
            (KeyCode::Char('h'), KeyCode::Left),
            (KeyCode::Char('l'), KeyCode::Right),
            (KeyCode::Char('g'), KeyCode::Home),
            (KeyCode::Char('G'), KeyCode::End),
        ] {
            assert_eq!(
                action_for(&press(a, none), false),
                action_for(&press(b, none), false)
            );
            assert!(action_for(&press(a, none), false).is_some());
        }
        // Shift does not hide a letter; Ctrl does.
        assert_eq!(
            action_for(&press(KeyCode::Char('G'), KeyModifiers::SHIFT), false),
            Some(Action::Bottom)
        );
        assert_eq!(
            action_for(&press(KeyCode::Char('c'), KeyModifiers::CONTROL), false),
            Some(Action::ForceQuit)
        );
        assert_eq!(
            action_for(&press(KeyCode::Char('c'), none), false),
            Some(Action::Counterpart)
        );
    }

    #[test]
    fn releases_are_ignored_and_search_takes_letters() {
        let mut release = press(KeyCode::Char('q'), KeyModifiers::NONE);
        release.kind = KeyEventKind::Release;
        assert_eq!(action_for(&release, false), None);
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(action_for(&q, true), Some(Action::SearchInput('q')));
        let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action_for(&ctrl_c, true), Some(Action::ForceQuit));
        assert_eq!(
            action_for(&press(KeyCode::Esc, KeyModifiers::NONE), true),
            Some(Action::Back)
        );
    }

    #[test]
    fn no_key_is_bound_twice() {
        let all: Vec<Key> = BINDINGS
            .iter()
            .flat_map(|b| b.keys.iter().copied())
            .collect();
        for (i, a) in all.iter().enumerate() {
            assert!(!all[i + 1..].contains(a), "{} bound twice", label(*a));
        }
    }

    #[test]
    fn the_readme_key_table_is_the_keymap() {
        let readme = include_str!("../../../README.md");
        let table = markdown_table();
        assert!(
            readme.contains(&table),
            "README's key table differs from the keymap; paste this:\n{table}"
        );
    }

    #[test]
    fn hints_follow_the_focus() {
        let words = |p| hints(p).into_iter().map(|(_, w)| w).collect::<Vec<_>>();
        assert!(words(Pane::Left).contains(&"counterpart"));
        assert!(!words(Pane::Context).contains(&"counterpart"));
        assert!(words(Pane::Context).contains(&"quit"));
    }
}
