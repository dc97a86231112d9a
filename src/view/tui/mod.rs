//! The terminal reader: terminal setup and restore, and the event loop.
//!
//! The analysis is done before [`run`] is called (and again only when the user picks two other
//! sides with `p`, between key presses); the loop only maps events to
//! [`state::Action`]s through the one keymap, applies them with `State::update`, carries out
//! the returned effect (quit, copy through OSC 52, mouse capture, suspend) and draws again
//! — after a state change or a resize only, never on a timer.
//!
//! Terminal hygiene, the rules this module must keep:
//! - everything enabled (raw mode, alternate screen, mouse capture, hidden cursor) is undone on
//!   every exit path: normal return, error (a drop guard), panic (the binary's hook in
//!   [`panic`] restores first, then says where to report), SIGTERM/SIGHUP/SIGINT/SIGQUIT
//!   (flags checked by the loop, which restores and exits with 128 + signal);
//! - a terminal that goes away (hang-up: EOF or errors on every read, no SIGHUP needed) ends
//!   the process with 129 through the watchdog in [`hangup`] — crossterm would otherwise spin
//!   on it for ever inside one `event::poll`;
//! - Ctrl-Z (a key in raw mode) and SIGTSTP restore the terminal, stop the process, and on
//!   `fg` enter again and redraw everything;
//! - key releases are ignored (kitty/Windows send them);
//! - with `NO_COLOR`, crossterm's own colour switch is turned back on
//!   (`Colored::set_ansi_color_disabled(false)`): otherwise it writes empty SGR sequences that
//!   reset bold/reverse and the selection would vanish; the monochrome theme sets no colour.

pub mod dates;
pub mod hangup;
pub mod keymap;
pub mod layout;
pub mod panic;
pub mod state;
pub mod theme;
pub mod widgets;
pub mod wrap;

#[cfg(test)]
pub(crate) mod fixture;
#[cfg(test)]
mod render_tests;

use crate::model::Analysis;
use base64::Engine;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, MouseButton, MouseEventKind,
};
use ratatui::crossterm::style::{Colored, Print};
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
use state::{Action, Effect, State};
use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;
use theme::Theme;
use widgets::ViewCache;

/// How the reader ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The user quit.
    Quit,
    /// A terminating signal arrived; the process should exit with 128 + this number.
    Signal(i32),
}

/// The reader holds the terminal (between [`enter`] and [`restore`]).
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// True while the reader holds the terminal (raw mode, alternate screen).
pub fn is_active() -> bool {
    ACTIVE.load(Ordering::SeqCst)
}

fn enter(mouse: bool) -> io::Result<()> {
    ACTIVE.store(true, Ordering::SeqCst);
    enable_raw_mode()?;
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen, cursor::Hide)?;
    if mouse {
        execute!(out, EnableMouseCapture)?;
    }
    Ok(())
}

/// Undoes everything [`enter`] may have done; safe to call twice and from a panic hook.
pub fn restore() {
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
    let _ = disable_raw_mode();
    let _ = out.flush();
    ACTIVE.store(false, Ordering::SeqCst);
}

/// Restores the terminal when dropped (error paths), unless that was already done.
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        if is_active() {
            restore();
        }
    }
}

fn osc52(text: &str) -> String {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    format!("\u{1b}]52;c;{encoded}\u{7}")
}

/// How the reader has the article analysed again with the two sides its user picked (`p`):
/// the orchestrator's `analyze_with_sides`; `None` if the text cannot be read again.
pub type Reanalyze<'a> = &'a dyn Fn(&Analysis, &[String]) -> Option<Analysis>;

/// Runs the reader on `analysis` until the user quits or a signal ends it.
pub fn run(analysis: &Analysis, reanalyze: Reanalyze<'_>) -> io::Result<Exit> {
    let theme = Theme::from_env();
    if theme.mono {
        Colored::set_ansi_color_disabled(false);
    }

    let pending = Arc::new(AtomicUsize::new(0));
    for sig in [SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP] {
        signal_hook::flag::register_usize(sig, Arc::clone(&pending), sig as usize)?;
    }
    let tty = hangup::watch()?;
    let _guard = Guard;
    event_loop(analysis, reanalyze, &theme, &pending).or_else(|err| {
        // Reading or drawing failed because the terminal went away (a race with the
        // watchdog): that is a hang-up, not a terminal error. The wait is paid only on a real
        // terminal error, so it can be generous for a loaded machine.
        if tty.gone_within(Duration::from_secs(2)) {
            Ok(Exit::Signal(SIGHUP))
        } else {
            Err(err)
        }
    })
}

/// Takes the terminal and runs until quit or a terminating signal (see the module doc). The
/// chooser of the sides (`p`) ends a session with the two names picked: the article is then
/// analysed again with them as `--party` (here, between key presses, never while drawing)
/// and a new session starts on the new analysis.
fn event_loop(
    analysis: &Analysis,
    reanalyze: Reanalyze<'_>,
    theme: &Theme,
    pending: &AtomicUsize,
) -> io::Result<Exit> {
    let mut run = Run {
        panic_at: panic::test_panic_frame(),
        frames: 0,
    };
    enter(false)?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let mut owned: Option<Analysis> = None;
    let mut message: Option<String> = None;
    let mut mouse = false;
    loop {
        let names = {
            let current = owned.as_ref().unwrap_or(analysis);
            let mut state = State::new(current);
            state.message = message.take();
            state.mouse = mouse;
            match session(&mut state, &mut terminal, theme, pending, &mut run)? {
                Outcome::Exit(exit) => return Ok(exit),
                Outcome::Reanalyze(names) => {
                    mouse = state.mouse;
                    names
                }
            }
        };
        let current = owned.as_ref().unwrap_or(analysis);
        match reanalyze(current, &names) {
            Some(next) => {
                message = Some(format!(
                    "sides: {} and {} (p chooses again; --party {} --party {} on the command line)",
                    names[0], names[1], names[0], names[1]
                ));
                owned = Some(next);
            }
            None => message = Some("the article could not be read again".into()),
        }
    }
}

/// Counters kept across sessions.
struct Run {
    panic_at: Option<u64>,
    frames: u64,
}

enum Outcome {
    Exit(Exit),
    Reanalyze(Vec<String>),
}

/// One reader session on one analysis: until quit, a signal, or a re-analysis.
fn session(
    state: &mut State,
    terminal: &mut Terminal<CrosstermBackend<io::Stdout>>,
    theme: &Theme,
    pending: &AtomicUsize,
    run: &mut Run,
) -> io::Result<Outcome> {
    let mut cache = ViewCache::default();
    let mut dirty = true;
    loop {
        match pending.swap(0, Ordering::SeqCst) {
            0 => {}
            sig if sig as i32 == SIGTSTP => {
                suspend(terminal, state.mouse)?;
                dirty = true;
            }
            sig => return Ok(Outcome::Exit(Exit::Signal(sig as i32))),
        }
        if dirty {
            run.frames += 1;
            let (frames, panic_at) = (run.frames, run.panic_at);
            terminal.draw(|frame| {
                if panic_at == Some(frames) {
                    panic!("BILATERAL_TEST_PANIC_ON_DRAW={frames}: a panic while drawing");
                }
                widgets::draw(frame, state, &mut cache, theme)
            })?;
            state.page = cache.page;
            dirty = false;
        }
        // The timeout only lets the loop see signals; nothing is drawn unless something changed.
        if !event::poll(Duration::from_millis(200))? {
            continue;
        }
        let action = match event::read()? {
            Event::Key(key) => keymap::action_for(&key, state.search.editing),
            Event::Resize(..) => {
                dirty = true;
                None
            }
            Event::Mouse(m) if state.mouse => match m.kind {
                MouseEventKind::ScrollDown => {
                    cache.pane_at(m.column, m.row).map(|p| Action::Scroll(p, 1))
                }
                MouseEventKind::ScrollUp => cache
                    .pane_at(m.column, m.row)
                    .map(|p| Action::Scroll(p, -1)),
                MouseEventKind::Down(MouseButton::Left) => cache
                    .claim_at(m.column, m.row)
                    .map(|(p, pos)| Action::Click(p, pos)),
                _ => None,
            },
            _ => None,
        };
        let Some(action) = action else { continue };
        dirty = true;
        match state.update(action) {
            Effect::None => {}
            Effect::Quit => return Ok(Outcome::Exit(Exit::Quit)),
            Effect::Copy(text) => execute!(io::stdout(), Print(osc52(&text)))?,
            Effect::Mouse(true) => execute!(io::stdout(), EnableMouseCapture)?,
            Effect::Mouse(false) => execute!(io::stdout(), DisableMouseCapture)?,
            Effect::Suspend => suspend(terminal, state.mouse)?,
            Effect::Reanalyze(names) => return Ok(Outcome::Reanalyze(names)),
        }
    }
}

/// Gives the terminal back, stops the process (as Ctrl-Z would in a cooked shell), and on
/// `fg` takes the terminal again with a fresh `Terminal` so the next frame redraws every cell.
/// (`Terminal::clear` would ask the terminal for the cursor position, a round-trip that
/// some terminals and multiplexers never answer.)
fn suspend(terminal: &mut Terminal<CrosstermBackend<io::Stdout>>, mouse: bool) -> io::Result<()> {
    restore();
    signal_hook::low_level::emulate_default_handler(SIGTSTP)?;
    enter(mouse)?;
    execute!(io::stdout(), Clear(ClearType::All))?;
    *terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_is_base64_inside_the_sequence() {
        let seq = osc52("civilians \u{1b}]0;x\u{7}");
        assert!(seq.starts_with("\u{1b}]52;c;"));
        assert!(seq.ends_with('\u{7}'));
        let body = &seq[7..seq.len() - 1];
        assert!(!body.contains('\u{1b}') && !body.contains('\u{7}'));
        let back = base64::engine::general_purpose::STANDARD
            .decode(body)
            .unwrap();
        assert_eq!(back, "civilians \u{1b}]0;x\u{7}".as_bytes());
    }
}
