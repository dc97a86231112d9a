//! The real binary driven in a pseudo-terminal (portable-pty) with a vt100 screen parser:
//! keys, resize, quit, terminal restore (alternate screen left, cooked mode back), NO_COLOR,
//! signals (SIGTERM, SIGHUP, Ctrl-Z/fg), a hang-up (the terminal closed under the reader), a
//! panic while drawing, hostile and degenerate articles. No tmux, nothing to install:
//! `cargo test` runs it.
//!
//! Every [`Session`] kills and reaps its reader when dropped, so a failing or panicking test
//! never leaves a reader running.
//!
//! Rules that keep these tests reliable on a loaded machine (they run in parallel, with the
//! rest of the suite, on two cores):
//! - nothing sleeps for a fixed time and then looks: every wait polls for a condition (the
//!   screen shows X, the process exited) and the deadline ([`DEADLINE`], generous) only
//!   bounds a failure;
//! - the screen the tests look at is the one after the last *complete* frame: the reader
//!   writes a frame in many small writes, and a test that looked in the middle of one would
//!   see half a frame (the title drawn, the selection not yet). ratatui ends every frame by
//!   hiding the cursor (`ESC [ ? 25 l`, no frame of the reader shows it) and the restore ends
//!   by showing it (`ESC [ ? 25 h`), so the screen is copied at each of those two marks;
//!   only text printed after the restore (the panic message) is read from the live screen;
//! - "does not freeze" is measured in CPU time the reader used (from `/proc`), not in wall
//!   time, which a loaded machine stretches at will;
//! - a pty is opened, and a plain child spawned, under one lock ([`SPAWN`]): portable-pty
//!   marks the new pty close-on-exec only after opening it, and a child forked by another
//!   test in between would keep the master side open for its whole life (then closing "every
//!   handle on the master" would not hang the terminal up).

#![cfg(unix)]

use nix::sys::termios::LocalFlags;
use portable_pty::{
    Child, CommandBuilder, MasterPty, PtyPair, PtySize, SlavePty, native_pty_system,
};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long any wait may take before the test fails: long, since it only bounds a failure.
const DEADLINE: Duration = Duration::from_secs(60);

/// Held while a pty is opened or a child spawned outside portable-pty (see the module doc).
static SPAWN: Mutex<()> = Mutex::new(());

fn spawn_lock() -> std::sync::MutexGuard<'static, ()> {
    SPAWN
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Opens a pty of `size`, close-on-exec before any other test can fork.
fn open_pty(size: PtySize) -> PtyPair {
    let _lock = spawn_lock();
    native_pty_system().openpty(size).unwrap()
}

/// Everything the reader wrote, as the test sees it.
struct Term {
    /// Every byte parsed: the live screen, possibly in the middle of a frame.
    parser: vt100::Parser,
    /// The screen as it was after the last complete frame or restore (see the module doc).
    frame: vt100::Screen,
    /// Every byte the reader wrote, unparsed.
    raw: Vec<u8>,
    /// How much of `ESC [ ? 2 5` the last bytes matched.
    matched: usize,
}

impl Term {
    fn new(rows: u16, cols: u16) -> Term {
        let parser = vt100::Parser::new(nz(rows), nz(cols), 0);
        let frame = parser.screen().clone();
        Term {
            parser,
            frame,
            raw: Vec::new(),
            matched: 0,
        }
    }

    /// Parses `bytes`, copying the screen after every cursor hide/show (a frame's end).
    fn feed(&mut self, bytes: &[u8]) {
        const MARK: &[u8] = b"\x1b[?25";
        self.raw.extend_from_slice(bytes);
        let mut start = 0;
        for (i, &b) in bytes.iter().enumerate() {
            if self.matched == MARK.len() && (b == b'l' || b == b'h') {
                self.parser.process(&bytes[start..=i]);
                self.frame = self.parser.screen().clone();
                start = i + 1;
                self.matched = 0;
            } else if self.matched < MARK.len() && b == MARK[self.matched] {
                self.matched += 1;
            } else {
                self.matched = usize::from(b == 0x1b);
            }
        }
        self.parser.process(&bytes[start..]);
    }
}

struct Session {
    term: Arc<Mutex<Term>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    // Kept open so the terminal settings can still be read after the child exits.
    _slave: Box<dyn SlavePty + Send>,
    /// The pty was cooked before the reader started (so the final check can fail).
    cooked_before: bool,
}

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).unwrap()
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

impl Session {
    fn start(args: &[&str], cols: u16, rows: u16, envs: &[(&str, &str)]) -> Session {
        let pair = open_pty(size(cols, rows));
        let cooked_before = pair.master.get_termios().is_some_and(|t| {
            t.local_flags
                .contains(LocalFlags::ICANON | LocalFlags::ECHO)
        });
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_bilateral"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("RUST_BACKTRACE");
        for (k, v) in envs {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).unwrap();
        let term = Arc::new(Mutex::new(Term::new(rows, cols)));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let sink = Arc::clone(&term);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().feed(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Session {
            term,
            writer,
            child,
            master: pair.master,
            _slave: pair.slave,
            cooked_before,
        }
    }

    /// The screen after the reader's last complete frame (or its restore).
    fn frame(&self) -> vt100::Screen {
        self.term.lock().unwrap().frame.clone()
    }

    /// The text of [`Session::frame`].
    fn screen(&self) -> String {
        self.frame().contents()
    }

    /// The text on the screen now, whatever the reader is in the middle of writing.
    fn live_screen(&self) -> String {
        self.term.lock().unwrap().parser.screen().contents()
    }

    /// Waits until the last complete frame satisfies `pred`; panics with it after [`DEADLINE`].
    fn wait_for(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        self.poll_until(DEADLINE, what, || self.screen(), pred)
    }

    /// [`Session::wait_for`] with a longer deadline (a slow first frame on a huge article).
    fn wait_within(&self, limit: Duration, what: &str, pred: impl Fn(&str) -> bool) -> String {
        self.poll_until(limit, what, || self.screen(), pred)
    }

    /// Waits until the live screen satisfies `pred` (for text written after the restore).
    fn wait_live(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        self.poll_until(DEADLINE, what, || self.live_screen(), pred)
    }

    fn poll_until(
        &self,
        limit: Duration,
        what: &str,
        look: impl Fn() -> String,
        pred: impl Fn(&str) -> bool,
    ) -> String {
        let start = Instant::now();
        loop {
            let screen = look();
            if pred(&screen) {
                return screen;
            }
            if start.elapsed() > limit {
                panic!(
                    "timed out after {limit:?} waiting for {what}; screen:\n{screen}\nlive screen:\n{}",
                    self.live_screen()
                );
            }
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Resizes the pty and the test's screen.
    fn resize(&mut self, cols: u16, rows: u16) {
        self.master.resize(size(cols, rows)).unwrap();
        self.term
            .lock()
            .unwrap()
            .parser
            .screen_mut()
            .set_size(nz(rows), nz(cols));
    }

    /// CPU time the reader used so far, when the system tells (`/proc`).
    fn cpu_time(&self) -> Option<Duration> {
        cpu_time_of(self.child.process_id()?)
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    fn cooked(&self) -> bool {
        let t = self.master.get_termios().expect("termios of the pty");
        t.local_flags
            .contains(LocalFlags::ICANON | LocalFlags::ECHO)
    }

    fn alternate(&self) -> bool {
        self.frame().alternate_screen()
    }

    /// Title of the focused pane: the text before the thick `━` border on its title row.
    fn focused_title(&self) -> String {
        let screen = self.screen();
        let line = screen
            .lines()
            .find(|l| l.contains('━'))
            .unwrap_or_else(|| panic!("no focused pane; screen:\n{screen}"));
        line[..line.find('━').unwrap()]
            .rsplit("  ")
            .next()
            .unwrap()
            .trim()
            .to_string()
    }

    /// Row of the selection glyph in the focused pane's column.
    fn selected_row(&self) -> Option<usize> {
        let s = self.frame();
        let screen = s.contents();
        let lines: Vec<&str> = screen.lines().collect();
        let title_row = lines.iter().position(|l| l.contains('━'))?;
        let col = lines[title_row].find('━')?;
        let col = lines[title_row][..col].chars().count();
        let (rows, cols) = s.size();
        (title_row as u16 + 1..rows.get()).find_map(|r| {
            let row_has = (0..cols.get()).any(|c| {
                usize::from(c) <= col
                    && s.cell(r, c).is_some_and(|cell| cell.contents() == "▌")
                    && s.cell(r, c + 2).is_some_and(|cell| cell.inverse())
            });
            row_has.then_some(usize::from(r))
        })
    }

    /// Every byte the reader wrote so far, as text.
    fn raw_text(&self) -> String {
        String::from_utf8_lossy(&self.term.lock().unwrap().raw).into_owned()
    }

    /// Waits for the reader to exit; panics after [`DEADLINE`].
    fn exit_code(&mut self) -> u32 {
        self.exit_with_cpu().0
    }

    /// Waits for the reader to exit: its exit code, and the CPU time it had used when last
    /// seen (a moment before it was reaped) if the system tells.
    fn exit_with_cpu(&mut self) -> (u32, Option<Duration>) {
        let start = Instant::now();
        let pid = self.child.process_id();
        let mut cpu = None;
        loop {
            // Read before reaping: an exited child's times stay readable until then.
            if let Some(now) = pid.and_then(cpu_time_of) {
                cpu = Some(now);
            }
            if let Some(status) = self.child.try_wait().unwrap() {
                return (status.exit_code(), cpu);
            }
            if start.elapsed() > DEADLINE {
                let _ = self.child.kill();
                panic!(
                    "the reader did not exit within {DEADLINE:?}; screen:\n{}",
                    self.live_screen()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Polls until the pty is back in cooked mode; panics after [`DEADLINE`].
    fn wait_cooked(&self, what: &str) {
        let start = Instant::now();
        while !self.cooked() {
            assert!(
                start.elapsed() < DEADLINE,
                "{what}: still raw after {DEADLINE:?}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// User + system CPU time of process `pid` from `/proc/PID/stat` (None where there is no
/// `/proc`). The times there are in clock ticks of 1/100 s (`USER_HZ`).
fn cpu_time_of(pid: u32) -> Option<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The fields after the command name (which may hold spaces) start at `state`, field 3;
    // utime and stime are fields 14 and 15.
    let mut fields = stat[stat.rfind(')')? + 1..].split_whitespace().skip(11);
    let utime: u64 = fields.next()?.parse().ok()?;
    let stime: u64 = fields.next()?.parse().ok()?;
    Some(Duration::from_millis((utime + stime) * 10))
}

impl Drop for Session {
    /// Kills and reaps a reader that is still running (a test failed or panicked before `q`).
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn count_of(screen: &str) -> Option<(usize, usize)> {
    let re = regex::Regex::new(r"(\d+)/(\d+)\s*$").unwrap();
    screen
        .lines()
        .last()
        .and_then(|l| re.captures(l))
        .map(|c| (c[1].parse().unwrap(), c[2].parse().unwrap()))
}

/// Keys, search, help, resize, quit and restore: works whatever the analysis finds.
#[test]
fn reader_in_a_pty() {
    let mut s = Session::start(&[], 120, 30, &[]);
    assert!(
        s.cooked_before,
        "a fresh pty is cooked: the check below can fail"
    );
    let screen = s.wait_for("the seed's title", |t| {
        t.contains("Russian citizens appreciate efforts")
    });
    assert!(screen.contains("11 Dec 2023"), "{screen}");
    assert!(s.alternate(), "the reader runs on the alternate screen");
    assert!(!s.cooked(), "raw mode while reading");

    // j moves the selection down.
    s.wait_for("a selection", |_| s.selected_row().is_some());
    let before = s.selected_row().unwrap();
    s.send("j");
    s.wait_for("the selection to move", |_| {
        s.selected_row().is_some_and(|r| r > before)
    });

    // l switches to the other column (the focus moves to another pane title).
    let title = s.focused_title();
    s.send("l");
    s.wait_for("the focus to move", |_| s.focused_title() != title);

    // /civilians finds matches, counted in the status bar.
    s.send("/civilians");
    let screen = s.wait_for("the match count", |t| {
        t.contains("/civilians") && count_of(t).is_some()
    });
    let (at, total) = count_of(&screen).unwrap();
    assert!(total >= 2 && (1..=total).contains(&at), "{screen}");
    assert!(screen.contains("/civilians"), "{screen}");
    s.send("\r");
    s.send("n");
    s.wait_for("n to step", |t| {
        count_of(t).is_some_and(|(n, _)| n == at % total + 1)
    });
    s.send("\u{1b}");
    s.wait_for("Esc to clear the search", |t| count_of(t).is_none());

    // ? shows the help generated from the keymap; any key closes it.
    s.send("?");
    s.wait_for("the help", |t| {
        t.contains("Keys and symbols") && t.contains("counterpart")
    });
    s.send("?");
    s.wait_for("the help to close", |t| !t.contains("Keys and symbols"));

    // m turns mouse capture on (left on at exit: the restore must turn it off).
    s.send("m");
    s.wait_for("mouse capture", |t| {
        t.contains("mouse on") && s.frame().mouse_protocol_mode() != vt100::MouseProtocolMode::None
    });

    // A resize redraws at the new size: the status bar moves to the new last row.
    s.resize(80, 24);
    s.wait_for("a redraw at 80×24", |t| {
        // The status bar (mouse indicator on the right) is on the new last row.
        t.lines()
            .nth(23)
            .is_some_and(|l| l.trim_end().ends_with("mouse"))
    });
    // Too small, and q still works there.
    s.resize(30, 8);
    s.wait_for("the too-small message", |t| {
        t.contains("terminal too small")
    });

    s.send("q");
    assert_eq!(s.exit_code(), 0);
    s.wait_for("the alternate screen to be left", |_| !s.alternate());
    assert!(s.cooked(), "cooked mode is back");
    assert_eq!(
        s.frame().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "mouse capture is off again"
    );
    assert!(!s.frame().hide_cursor(), "cursor shown");
}

/// Content from the attribution and timeline stages: the two side names,
/// the calls of Oct 16 and Dec 10, `]` moving along the timeline and `c` answering.
#[test]
fn seed_content_in_a_pty() {
    let json = {
        let child = {
            let _lock = spawn_lock();
            std::process::Command::new(env!("CARGO_BIN_EXE_bilateral"))
                .arg("--json")
                .stdout(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        };
        child.wait_with_output().unwrap()
    };
    let analysis: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let names: Vec<String> = analysis["parties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(names.len(), 2, "two sides found on the seed");

    let mut s = Session::start(&[], 120, 30, &[]);
    let screen = s.wait_for("both sides and the two calls", |t| {
        names.iter().all(|n| t.contains(n.as_str())) && t.contains("Oct 16") && t.contains("Dec 10")
    });
    assert!(screen.contains("call"), "{screen}");

    // Focus starts on a side pane; j moves, l lands on the other side.
    let left = s.focused_title();
    assert!(names.iter().any(|n| left.starts_with(n.as_str())), "{left}");
    let before = s.selected_row().unwrap();
    s.send("j");
    s.wait_for("j to move", |_| {
        s.selected_row().is_some_and(|r| r != before)
    });
    s.send("l");
    s.wait_for("the other side", |_| {
        let t = s.focused_title();
        t != left && names.iter().any(|n| t.starts_with(n.as_str()))
    });

    // ] moves the timeline cursor (a reversed chip) to another event.
    let chip = |s: &Session| -> String {
        let screen = s.frame();
        (0..screen.size().1.get())
            .filter(|&c| screen.cell(1, c).is_some_and(|cell| cell.inverse()))
            .map(|c| screen.cell(1, c).unwrap().contents().to_string())
            .collect()
    };
    s.send("[[[[[[");
    s.wait_for("[ to reach the first event", |t| {
        t.contains("is the first event")
    });
    let first = chip(&s);
    s.send("]");
    s.wait_for("] to move the timeline", |_| {
        let now = chip(&s);
        !now.is_empty() && now != first
    });

    // c jumps to a counterpart or says there is none.
    let title = s.focused_title();
    s.send("c");
    s.wait_for("c to answer", |t| {
        s.focused_title() != title || t.contains("no counterpart found")
    });
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}

/// NO_COLOR: no colour at all, and the selection still bold + reverse (crossterm would
/// otherwise reset it with empty SGR sequences).
#[test]
fn no_color_keeps_the_selection_visible() {
    let mut s = Session::start(&[], 100, 30, &[("NO_COLOR", "1")]);
    s.wait_for("a selection", |_| s.selected_row().is_some());
    {
        let screen = s.frame();
        let (rows, cols) = screen.size();
        let mut reversed_bold = 0;
        for r in 0..rows.get() {
            for c in 0..cols.get() {
                let cell = screen.cell(r, c).unwrap();
                assert_eq!(cell.fgcolor(), vt100::Color::Default, "colour at {r},{c}");
                assert_eq!(cell.bgcolor(), vt100::Color::Default, "colour at {r},{c}");
                if cell.inverse() && cell.bold() {
                    reversed_bold += 1;
                }
            }
        }
        assert!(reversed_bold > 10, "the selection is bold + reverse");
    }
    s.send("\u{3}"); // Ctrl-C quits too
    assert_eq!(s.exit_code(), 0);
    s.wait_for("the alternate screen to be left", |_| !s.alternate());
    assert!(s.cooked());
}

/// SIGTERM restores the terminal and exits 128 + 15.
#[test]
fn sigterm_restores_the_terminal() {
    let mut s = Session::start(&[], 100, 30, &[("NO_COLOR", "")]);
    s.wait_for("the reader", |t| t.contains("Russian citizens"));
    send_signal(&s, nix::sys::signal::Signal::SIGTERM);
    assert_eq!(s.exit_code(), 128 + 15);
    s.wait_for("the alternate screen to be left", |_| !s.alternate());
    assert!(s.cooked());
}

/// Ctrl-Z gives the terminal back and stops; SIGCONT (what `fg` sends) takes it again and
/// redraws.
#[test]
fn ctrl_z_suspends_and_resumes() {
    let mut s = Session::start(&[], 100, 30, &[]);
    s.wait_for("the reader", |t| t.contains("Russian citizens"));
    s.send("\u{1a}");
    suspended_then_resumed(&mut s);
}

/// After a stop: the terminal is given back (main screen, cooked) while the reader is
/// stopped; SIGCONT (what `fg` sends) takes it again and redraws; `q` then quits cleanly.
fn suspended_then_resumed(s: &mut Session) {
    s.wait_for("the alternate screen to be left", |_| !s.alternate());
    s.wait_cooked("cooked while suspended");
    assert!(s.child.try_wait().unwrap().is_none(), "stopped, not gone");
    send_signal(s, nix::sys::signal::Signal::SIGCONT);
    s.wait_for("the reader again", |t| {
        s.alternate() && t.contains("Russian citizens")
    });
    assert!(!s.cooked(), "raw again");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    s.wait_for("the alternate screen to be left", |_| !s.alternate());
    assert!(s.cooked());
}

/// An article full of terminal controls cannot drive the terminal through the reader: none of
/// its escape sequences or C1 bytes reaches the output; they show as visible escapes.
#[test]
fn hostile_article_is_shown_not_obeyed() {
    // Binary-looking but NUL-free: every other C0 control, DEL and every C1 control.
    let binary: String = (1u32..0x20)
        .chain(0x7f..0xa0)
        .filter(|&c| c != u32::from(b'\n'))
        .filter_map(char::from_u32)
        .collect();
    let text = format!(
        "Freedonia said \u{1b}]0;owned\u{7} the talks failed.\n\
         Sylvania said \u{1b}[2Jwiped and \u{9b}31mred and \u{202e}desrever.\n\
         Freedonia said the file read {binary} in full.\n"
    );
    let (_dir, path) = temp_article("hostile", &text);
    let mut s = Session::start(
        &[
            path.to_str().unwrap(),
            "--party",
            "Freedonia",
            "--party",
            "Sylvania",
        ],
        100,
        30,
        &[],
    );
    s.wait_for("the visible escapes", |t| {
        t.contains("␛]0;owned␇") && t.contains("␛[2Jwiped") && t.contains("␁␂␃")
    });
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    s.wait_for("the alternate screen to be left", |_| !s.alternate());
    let raw = s.term.lock().unwrap().raw.clone();
    let find = |needle: &[u8]| raw.windows(needle.len()).any(|w| w == needle);
    assert!(!find(b"\x1b]0;owned"), "the OSC title sequence got through");
    assert!(
        !find(b"\x1b[2Jwiped"),
        "the clear-screen sequence got through"
    );
    assert!(!find("\u{9b}".as_bytes()), "a C1 CSI got through");
    assert!(!find(b"\x07"), "a BEL got through");
    // The reader itself writes ESC sequences, CR and LF; nothing else below 0x20, no DEL and
    // no C1 control at all.
    if let Some(b) = raw
        .iter()
        .find(|&&b| (b < 0x20 && !matches!(b, 0x1b | b'\r' | b'\n')) || b == 0x7f)
    {
        panic!("control byte {b:#04x} reached the terminal");
    }
    let shown = String::from_utf8_lossy(&raw);
    if let Some(c) = shown.chars().find(|c| ('\u{80}'..='\u{9f}').contains(c)) {
        panic!("C1 control U+{:04X} reached the terminal", c as u32);
    }
}

fn send_signal(s: &Session, signal: nix::sys::signal::Signal) {
    let pid = s.child.process_id().expect("pid");
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid as i32), signal).unwrap();
}

/// Writes `text` to a file in a directory of its own (tests run in parallel).
/// The directory and the file go when the returned guard is dropped.
fn temp_article(name: &str, text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::Builder::new()
        .prefix(&format!("bilateral-tui-{name}-"))
        .tempdir()
        .unwrap();
    let path = dir.path().join("article.txt");
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

/// SIGHUP with the terminal still there: restored, exit 128 + 1.
#[test]
fn sighup_restores_the_terminal() {
    let mut s = Session::start(&[], 100, 30, &[]);
    s.wait_for("the reader", |t| t.contains("Russian citizens"));
    assert!(!s.cooked());
    send_signal(&s, nix::sys::signal::Signal::SIGHUP);
    assert_eq!(s.exit_code(), 128 + 1);
    s.wait_for("the alternate screen to be left", |_| !s.alternate());
    assert!(s.cooked(), "cooked mode is back");
    assert!(!s.frame().hide_cursor(), "cursor shown");
}

/// The terminal goes away under the reader (every handle on the pty's master side closed,
/// the child not killed — what a crashed terminal or test harness leaves): the reader must
/// exit within seconds, not spin on end-of-file for ever.
#[test]
fn reader_exits_when_its_terminal_is_closed() {
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_bilateral"));
    cmd.env("TERM", "xterm-256color");
    assert_exits_on_hangup(cmd, "Russian citizens");
}

/// The same with the article on stdin (`… | bilateral -`): the reader's terminal is then
/// `/dev/tty`, and that is the one watched.
#[test]
fn reader_on_stdin_exits_when_its_terminal_is_closed() {
    let (_dir, path) = temp_article("stdin", "Freedonia said talks ended. Sylvania agreed.\n");
    let mut cmd = CommandBuilder::new("/bin/sh");
    cmd.args([
        "-c",
        &format!(
            "exec '{}' - < '{}'",
            env!("CARGO_BIN_EXE_bilateral"),
            path.display()
        ),
    ]);
    cmd.env("TERM", "xterm-256color");
    assert_exits_on_hangup(cmd, "Sylvania");
}

/// Runs `cmd` in a pty, waits for `marker` in its output, closes every handle on the master
/// side and asserts the reader exits with 129 (within [`DEADLINE`]: a reader that spins on
/// end-of-file never exits at all). The child is killed and reaped
/// whatever happens.
fn assert_exits_on_hangup(cmd: CommandBuilder, marker: &'static str) {
    let pair = open_pty(size(100, 30));
    let child = pair.slave.spawn_command(cmd).unwrap();
    struct Reap(Box<dyn Child + Send + Sync>);
    impl Drop for Reap {
        fn drop(&mut self) {
            if matches!(self.0.try_wait(), Ok(None)) {
                let _ = self.0.kill();
                let _ = self.0.wait();
            }
        }
    }
    let mut child = Reap(child);
    let mut reader = pair.master.try_clone_reader().unwrap();
    // Read until the first frame is drawn, then close this handle too.
    let (tx, drawn) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut seen = Vec::new();
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            seen.extend_from_slice(&buf[..n]);
            if String::from_utf8_lossy(&seen).contains(marker) {
                let _ = tx.send(());
                return;
            }
        }
    });
    assert!(
        drawn.recv_timeout(DEADLINE).is_ok(),
        "the reader drew its first frame"
    );
    drop(pair.master.take_writer().unwrap());
    drop(pair.master);
    drop(pair.slave);

    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.0.try_wait().unwrap() {
            break status;
        }
        assert!(
            start.elapsed() < DEADLINE,
            "the reader is still running {DEADLINE:?} after its terminal was closed"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.exit_code(), 128 + 1, "a hang-up exits with 129");
}

/// A panic while drawing (triggered by a debug-only variable): the terminal is restored, a
/// short message says what happened and where to report it, the exit code is not 0.
#[test]
fn panic_while_drawing_restores_the_terminal_and_says_where_to_report() {
    let mut s = Session::start(&[], 100, 30, &[("BILATERAL_TEST_PANIC_ON_DRAW", "2")]);
    s.wait_for("the first frame", |t| t.contains("Russian citizens"));
    assert!(
        s.alternate() && !s.cooked(),
        "the reader holds the terminal"
    );
    s.send("j"); // the second frame panics
    assert_eq!(s.exit_code(), 101);
    s.wait_for("the alternate screen to be left", |_| !s.alternate());
    assert!(s.cooked(), "cooked mode is back");
    assert!(!s.frame().hide_cursor(), "cursor shown");
    // Printed after the restore: read from the live screen, all of it.
    s.wait_live("the message", |t| {
        t.contains("bilateral: internal error")
            && t.contains("a panic while drawing")
            && t.contains("report it at")
    });
    // Restored before the message: the message comes after leaving the alternate screen.
    let raw = s.raw_text();
    let left = raw.find("\u{1b}[?1049l").expect("alternate screen left");
    assert!(raw.find("internal error").unwrap() > left, "{raw:?}");
}

/// Degenerate articles all open in the reader, show their text, and quit with `q`.
/// No side found: every sentence is under context and a hint names `--party`; one side only:
/// an explicit note.
#[test]
fn degenerate_articles_open_in_the_reader() {
    let tiny: String = (0..3000).map(|i| format!("Yes {i}.\n\n")).collect();
    let cases: Vec<(&str, String, Vec<&str>, Vec<&str>)> = vec![
        (
            "no_party",
            "The weather was mild on Tuesday. Markets were calm.\n".into(),
            vec![],
            vec![
                "No sides found. Name them: bilateral --party NAME",
                "The weather was mild",
                "Markets were calm",
            ],
        ),
        (
            "one_side",
            "Freedonia said it wanted peace. Freedonia's president repeated it.\n".into(),
            vec!["--party", "Freedonia"],
            // "Freedonia's president repeated it" is Freedonia's too: the president acts
            // for it (the subject's possessive ties them)
            vec!["Freedonia · 2 claims · the only side found", "--party"],
        ),
        (
            "headlines",
            "Freedonia and Sylvania talk\n\nSylvania replies\n\nWhat comes next\n".into(),
            vec![],
            vec!["Sylvania replies", "What comes next"],
        ),
        (
            "quotes",
            "“We want peace.”\n\n“So do we.”\n\n\"Then talk.\"\n".into(),
            vec![],
            vec!["We want peace", "Then talk"],
        ),
        (
            "single",
            "Freedonia called Sylvania".into(),
            vec![],
            vec!["Freedonia called Sylvania"],
        ),
        ("tiny", tiny, vec![], vec!["Yes 0.", "Yes 1."]),
    ];
    for (name, text, extra, expected) in &cases {
        let (_dir, path) = temp_article(name, text);
        let mut args = vec![path.to_str().unwrap()];
        args.extend(extra.iter().copied());
        let mut s = Session::start(&args, 120, 30, &[]);
        let screen = s.wait_for(&format!("{name}: the reader"), |t| {
            expected.iter().all(|e| t.contains(e))
        });
        assert!(s.alternate(), "{name}: the reader is open\n{screen}");
        if *name == "one_side" {
            // One side pane, no pane for the missing side; h/l say why they do not move.
            assert!(!screen.contains("not found"), "{name}:\n{screen}");
            s.send("l");
            s.wait_for("the one-side note", |t| {
                t.contains("only one side found: name the other with --party NAME")
            });
        }
        if *name == "no_party" {
            // Both sentences are narration/context, the only list with content.
            assert!(screen.contains("context · 2"), "{name}:\n{screen}");
        }
        s.send("q");
        assert_eq!(s.exit_code(), 0, "{name}");
        s.wait_for("the alternate screen to be left", |_| !s.alternate());
    }
}

/// A 2 MB paragraph without a full stop — one sentence of two million bytes — opens in the
/// reader, which wraps it without freezing: keys are answered at once and `q` quits.
/// (The analysis of 10 MB is checked in `tests/hostile.rs`; here the reader's wrapping is what
/// is tested, and 2 MB keeps an unoptimised test build within CI time.)
#[test]
fn a_huge_sentence_wraps_in_the_reader_without_freezing() {
    let mut text = String::with_capacity(2 << 20);
    let words = [
        "Freedonia",
        "said",
        "that",
        "Sylvania",
        "would",
        "answer",
        "東京",
    ];
    let mut i = 0;
    while text.len() < 2 << 20 {
        text.push_str(words[i % words.len()]);
        text.push(if i % 89 == 88 { ',' } else { ' ' });
        i += 1;
    }
    text.push('\n');
    let (_dir, path) = temp_article("huge", &text);
    let mut s = Session::start(&[path.to_str().unwrap()], 100, 30, &[]);
    // The analysis comes first (about a second per megabyte in a debug build, more under load).
    s.wait_within(Duration::from_secs(300), "the first frame", |t| {
        t.contains("Freedonia said that Sylvania")
    });
    // Every key below redraws the panes holding the huge sentence; each must be answered
    // with less than 10 s of the reader's CPU time (wall time is up to the machine's load).
    let answered = |s: &Session, key: &str, before: Option<Duration>| {
        if let (Some(before), Some(after)) = (before, s.cpu_time()) {
            let used = after.saturating_sub(before);
            assert!(used < Duration::from_secs(10), "{key} took {used:?} of CPU");
        }
    };
    #[cfg(target_os = "linux")]
    assert!(s.cpu_time().is_some(), "the reader's CPU time from /proc");
    let title = s.focused_title();
    let cpu = s.cpu_time();
    s.send("\t");
    s.wait_for("Tab to move the focus", |_| s.focused_title() != title);
    answered(&s, "Tab", cpu);
    let cpu = s.cpu_time();
    s.send("\r");
    s.wait_for("the whole paragraph in the detail view", |t| {
        t.contains("Freedonia said that Sylvania")
    });
    answered(&s, "Enter", cpu);
    let cpu = s.cpu_time();
    s.send("?");
    s.wait_for("the help", |t| t.contains("Keys and symbols"));
    answered(&s, "?", cpu);
    let cpu = s.cpu_time();
    s.send("?");
    s.wait_for("the help to close", |t| !t.contains("Keys and symbols"));
    answered(&s, "? again", cpu);
    let cpu = s.cpu_time();
    s.send("q");
    let (code, at_exit) = s.exit_with_cpu();
    assert_eq!(code, 0);
    if let (Some(before), Some(after)) = (cpu, at_exit) {
        let used = after.saturating_sub(before);
        assert!(used < Duration::from_secs(5), "q took {used:?} of CPU");
    }
}

/// SIGINT and SIGQUIT from outside (not the keys, which raw mode turns into input): restored,
/// exit 128 + signal.
#[test]
fn sigint_and_sigquit_restore_the_terminal() {
    use nix::sys::signal::Signal;
    for (signal, code) in [(Signal::SIGINT, 130), (Signal::SIGQUIT, 131)] {
        let mut s = Session::start(&[], 100, 30, &[]);
        s.wait_for("the reader", |t| t.contains("Russian citizens"));
        send_signal(&s, signal);
        assert_eq!(s.exit_code(), code, "{signal:?}");
        s.wait_for("the alternate screen to be left", |_| !s.alternate());
        assert!(s.cooked(), "{signal:?}: cooked mode is back");
    }
}

/// SIGTSTP from outside (`kill -TSTP`, a job-control shell) suspends like Ctrl-Z: the
/// terminal is given back while stopped, and SIGCONT takes it again.
#[test]
fn sigtstp_from_outside_suspends_and_resumes() {
    let mut s = Session::start(&[], 100, 30, &[]);
    s.wait_for("the reader", |t| t.contains("Russian citizens"));
    send_signal(&s, nix::sys::signal::Signal::SIGTSTP);
    suspended_then_resumed(&mut s);
}

/// Esc and q close the help first; Esc in the main view does not quit (q does).
#[test]
fn esc_and_q_close_overlays_first() {
    let mut s = Session::start(&[], 120, 30, &[]);
    s.wait_for("the reader", |t| t.contains("Russian citizens"));
    s.send("?");
    s.wait_for("the help", |t| t.contains("Keys and symbols"));
    s.send("q");
    s.wait_for("q to close the help", |t| !t.contains("Keys and symbols"));
    assert!(s.alternate(), "q in the help did not quit");
    s.send("?");
    s.wait_for("the help again", |t| t.contains("Keys and symbols"));
    s.send("\u{1b}");
    s.wait_for("Esc to close the help", |t| !t.contains("Keys and symbols"));
    // A stray Esc in the main view only says how to quit.
    s.send("\u{1b}");
    s.wait_for("the hint", |t| t.contains("nothing to close · q quits"));
    assert!(s.alternate(), "Esc in the main view did not quit");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    s.wait_for("the alternate screen to be left", |_| !s.alternate());
}

/// Tab around all four panes comes back to the same claim, not a neighbour of the last one.
#[test]
fn tab_keeps_the_position_of_each_pane() {
    let mut s = Session::start(&[], 120, 30, &[]);
    s.wait_for("a selection", |_| s.selected_row().is_some());
    let first = s.selected_row().unwrap();
    s.send("j");
    s.wait_for("claim 2", |_| s.selected_row().is_some_and(|r| r > first));
    let row = s.selected_row().unwrap();
    let title = s.focused_title();
    s.send("\t");
    s.wait_for("the next pane", |_| s.focused_title() != title);
    s.send("\t\t\t");
    s.wait_for("the first pane again", |_| {
        s.focused_title() == title && s.selected_row() == Some(row)
    });
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}

/// More than two parties: `p` opens the chooser, two picks re-read the article with them.
#[test]
fn the_chooser_re_reads_with_the_two_sides_picked() {
    let path = format!(
        "{}/tests/articles/three_parties.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut s = Session::start(&[path.as_str()], 100, 30, &[]);
    s.wait_for("the note", |t| t.contains("more parties speak here"));
    s.send("p");
    s.wait_for("the chooser", |t| t.contains("Sides · Enter picks two"));
    s.send("jj\r");
    s.wait_for("a first pick", |t| t.contains("[A] United Nations"));
    s.send("j\r");
    s.wait_for("the new sides", |t| {
        t.contains("United Nations · ") && t.contains("European Union · ")
    });
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}
