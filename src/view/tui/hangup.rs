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

/// Exit code after a hang-up: 128 + SIGHUP.
pub const HANGUP_EXIT: i32 = 128 + 1;

/// Starts the watchdog on the reader's terminal. An error means there is no terminal to watch
/// (the reader could not run either).
pub fn watch() -> io::Result<()> {
    let tty = if io::stdin().is_terminal() {
        None
    } else {
        Some(
            std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .open("/dev/tty")?,
        )
    };
    std::thread::Builder::new()
        .name("hangup-watchdog".into())
        .spawn(move || {
            let fd = match &tty {
                Some(file) => std::os::fd::AsFd::as_fd(file),
                None => rustix::stdio::stdin(),
            };
            wait_for_hangup(fd);
            std::process::exit(HANGUP_EXIT);
        })?;
    Ok(())
}

/// Returns when poll reports `fd` hung up, in error or closed.
fn wait_for_hangup(fd: std::os::fd::BorrowedFd<'_>) {
    loop {
        let mut fds = [PollFd::from_borrowed_fd(fd, PollFlags::empty())];
        match poll(&mut fds, None) {
            Ok(_) => {
                let got = fds[0].revents();
                if got.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) {
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
    use std::os::fd::AsFd;

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
}
