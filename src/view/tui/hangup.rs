//! Noticing that the terminal went away (a hang-up) and ending the reader then.
//!
//! When the terminal disappears — its window closed, an ssh connection dropped, the master
//! side of a pseudo-terminal closed by a test harness — every read from it returns end of
//! file (or EIO) and poll(2) reports it ready, for ever. crossterm 0.29's event source reads
//! in a loop inside one `event::poll` call and treats `Ok(0)` as neither an event nor "would
//! block", so the event loop never gets control back: the process spins at full CPU for
//! hours, even when a SIGHUP was delivered (the loop never looks at its flag again).
//!
//! The rules:
//! - a watchdog thread blocks in poll(2) on the terminal asking for no event at all. poll
//!   always reports POLLHUP, POLLERR and POLLNVAL, so the thread wakes only when the terminal
//!   is gone; it never reads, so it takes no key from the event loop;
//! - the terminal watched is the one crossterm reads: stdin if it is a terminal, else
//!   `/dev/tty`;
//! - when the terminal is gone the process exits at once with [`HANGUP_EXIT`] = 129
//!   (128 + SIGHUP, what a shell reports for a hang-up, and the code the event loop uses for a
//!   SIGHUP that arrives while the terminal is still there). Nothing is restored: there is no
//!   terminal left, and writing to it would only fail.
//!
//! What it must never do: read from the terminal, or end the process while the terminal is
//! still there (an interrupted poll is simply repeated).

use rustix::event::{PollFd, PollFlags, poll};
use std::io::{self, IsTerminal};
use std::os::fd::{AsFd, BorrowedFd};
use std::sync::Arc;

/// Exit code after a hang-up: 128 + SIGHUP.
pub const HANGUP_EXIT: i32 = 128 + 1;

/// The reader's terminal as the watchdog sees it: stdin, or its own handle on `/dev/tty`.
#[derive(Clone)]
pub struct Tty(Option<Arc<std::fs::File>>);

impl Tty {
    fn fd(&self) -> BorrowedFd<'_> {
        match &self.0 {
            Some(file) => file.as_fd(),
            None => rustix::stdio::stdin(),
        }
    }

    /// True when the terminal is gone (hung up, in error or closed), or goes within `wait`.
    /// The event loop asks this when reading or drawing fails, so a hang-up that races the
    /// watchdog still ends with [`HANGUP_EXIT`] rather than as a terminal error. (Writes to a
    /// pseudo-terminal fail as soon as its master is closed, a moment before the kernel marks
    /// it hung up: hence the wait.)
    ///
    /// A poll interrupted by a signal is asked again for the time left: the kernel sends
    /// SIGHUP and SIGCONT with a hang-up, so an interruption is likely just then and must not
    /// count as "the terminal is still there".
    pub fn gone_within(&self, wait: std::time::Duration) -> bool {
        let deadline = std::time::Instant::now() + wait;
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            let mut fds = [PollFd::from_borrowed_fd(self.fd(), PollFlags::empty())];
            let timeout = rustix::event::Timespec {
                tv_sec: left.as_secs() as i64,
                tv_nsec: i64::from(left.subsec_nanos()),
            };
            match poll(&mut fds, Some(&timeout)) {
                Ok(n) => return n > 0 && hung_up(fds[0].revents()),
                Err(rustix::io::Errno::INTR) if !left.is_zero() => {}
                Err(_) => return false,
            }
        }
    }
}

/// Starts the watchdog on the reader's terminal. An error means there is no terminal to watch
/// (the reader could not run either).
pub fn watch() -> io::Result<Tty> {
    let tty = if io::stdin().is_terminal() {
        Tty(None)
    } else {
        Tty(Some(Arc::new(
            std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .open("/dev/tty")?,
        )))
    };
    let watched = tty.clone();
    std::thread::Builder::new()
        .name("hangup-watchdog".into())
        .spawn(move || {
            wait_for_hangup(watched.fd());
            std::process::exit(HANGUP_EXIT);
        })?;
    Ok(tty)
}

fn hung_up(got: PollFlags) -> bool {
    got.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL)
}

/// Returns when poll reports `fd` hung up, in error or closed.
fn wait_for_hangup(fd: BorrowedFd<'_>) {
    loop {
        let mut fds = [PollFd::from_borrowed_fd(fd, PollFlags::empty())];
        match poll(&mut fds, None) {
            Ok(_) => {
                if hung_up(fds[0].revents()) {
                    return;
                }
            }
            // EINTR (a signal such as SIGWINCH or SIGTSTP arrived): ask again.
            Err(rustix::io::Errno::INTR) => {}
            // Anything else means poll itself cannot watch this terminal: give up watching,
            // never end the process on it.
            Err(_) => loop {
                std::thread::park();
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closed_pipe_end_is_a_hangup_and_an_open_one_is_not() {
        let (reader, mut writer) = std::io::pipe().unwrap();
        // Data waiting to be read is not a hang-up either.
        std::io::Write::write_all(&mut writer, b"key").unwrap();
        let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let flag = std::sync::Arc::clone(&done);
        let watcher = std::thread::spawn(move || {
            wait_for_hangup(reader.as_fd());
            flag.store(true, std::sync::atomic::Ordering::SeqCst);
        });
        std::thread::sleep(std::time::Duration::from_millis(100));
        assert!(
            !done.load(std::sync::atomic::Ordering::SeqCst),
            "an open pipe with data is not a hang-up"
        );
        drop(writer);
        watcher.join().unwrap();
        assert!(done.load(std::sync::atomic::Ordering::SeqCst));
    }

    #[test]
    fn gone_within_tells_a_closed_pipe_from_an_open_one() {
        let (reader, writer) = std::io::pipe().unwrap();
        let tty = Tty(Some(Arc::new(std::fs::File::from(
            std::os::fd::OwnedFd::from(reader),
        ))));
        assert!(!tty.gone_within(std::time::Duration::from_millis(50)));
        drop(writer);
        assert!(tty.gone_within(std::time::Duration::from_secs(30)));
    }
}
