//! What a panic (a bug) looks like to the user: the terminal given back first, then a short,
//! safe message saying where to report it.
//!
//! The rules:
//! - one hook for the whole binary, installed by `main` before anything else runs;
//! - if the reader holds the terminal ([`super::is_active`]), it is restored first (raw mode
//!   off, alternate screen left, cursor shown, mouse capture off) so the message lands on a
//!   usable terminal;
//! - the message is two lines on stderr: what happened (the panic message and its source
//!   location) and where to report it. The panic message may quote article text (std's own
//!   "byte index is not a char boundary … of `…`" does), so it goes through
//!   [`escape_controls`] like every other error message;
//! - a backtrace only when `RUST_BACKTRACE` asks for one (std's rules); the process then exits
//!   with Rust's panic code, 101.
//!
//! Testing hook (debug builds only): `BILATERAL_TEST_PANIC_ON_DRAW=N` makes the reader panic
//! while drawing its N-th frame (1 = the first), so an end-to-end test can check all of the
//! above on the real binary (`tests/tui_pty.rs`). Release builds ignore the variable.
//!
//! What it must never do: print article text unescaped, or leave the terminal in raw mode.

use crate::view::sanitize::escape_controls;
use std::backtrace::{Backtrace, BacktraceStatus};
use std::io::Write;

/// Where to report a bug: the package's repository when Cargo.toml names one.
pub fn report_hint() -> String {
    let repository = env!("CARGO_PKG_REPOSITORY");
    let place = if repository.is_empty() {
        "the bilateral issue tracker".to_string()
    } else {
        format!("{repository}/issues")
    };
    format!(
        "this is a bug in bilateral; please report it at {place}, with the article and the \
         command that caused it"
    )
}

/// Installs the binary's panic hook (see the module doc).
pub fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        if super::is_active() {
            super::restore();
        }
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".to_string());
        let location = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let backtrace = Backtrace::capture();
        // `eprintln!` would panic (inside the hook: abort) if stderr is gone; ignore instead.
        let mut err = std::io::stderr().lock();
        let _ = writeln!(
            err,
            "bilateral: internal error: {}{}\nbilateral: {}.",
            escape_controls(&message),
            escape_controls(&location),
            report_hint()
        );
        if backtrace.status() == BacktraceStatus::Captured {
            let _ = writeln!(err, "{backtrace}");
        }
    }));
}

/// The frame number at which a debug build should panic (see the module doc).
pub(super) fn test_panic_frame() -> Option<u64> {
    if cfg!(debug_assertions) {
        std::env::var("BILATERAL_TEST_PANIC_ON_DRAW")
            .ok()?
            .parse()
            .ok()
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hint_says_where_to_report() {
        let hint = report_hint();
        assert!(hint.contains("report it at"), "{hint}");
        assert!(hint.contains("issue"), "{hint}");
    }
}
