//! The reader opens HTML pages, Markdown and copied text with the right title and the reading
//! note: the real binary in a pseudo-terminal (portable-pty) with a vt100 screen parser.
//! Every wait polls for a condition; the deadline only bounds a failure.

#![cfg(unix)]

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const DEADLINE: Duration = Duration::from_secs(60);

fn page(name: &str) -> String {
    format!("{}/tests/pages/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// Opens the reader on `file`, waits for every piece of `expected` on the screen, quits with
/// `q` and checks the exit code.
fn reader_shows(file: &str, expected: &[&str]) {
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_bilateral"));
    cmd.arg(file);
    run_reader(cmd, file, expected);
}

fn run_reader(mut cmd: CommandBuilder, file: &str, expected: &[&str]) {
    let (cols, rows) = (160u16, 40u16);
    let pair = native_pty_system()
        .openpty(PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    cmd.env("TERM", "xterm-256color");
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    let parser = Arc::new(Mutex::new(vt100::Parser::new(
        std::num::NonZeroU16::new(rows).unwrap(),
        std::num::NonZeroU16::new(cols).unwrap(),
        0,
    )));
    let mut reader = pair.master.try_clone_reader().unwrap();
    let sink = Arc::clone(&parser);
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().process(&buf[..n]);
        }
    });
    let mut writer = pair.master.take_writer().unwrap();
    let start = Instant::now();
    loop {
        let screen = parser.lock().unwrap().screen().contents();
        if expected.iter().all(|e| screen.contains(e)) {
            break;
        }
        if start.elapsed() > DEADLINE {
            let _ = child.kill();
            panic!("{file}: {expected:?} not on the screen:\n{screen}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    writer.write_all(b"q").unwrap();
    writer.flush().unwrap();
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "{file}: {status:?}");
            break;
        }
        if start.elapsed() > DEADLINE {
            let _ = child.kill();
            panic!("{file}: the reader did not quit");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn reader_opens_pages_markdown_and_copied_text() {
    reader_shows(
        &page("freedonia_talks.html"),
        &[
            "Freedonia and Sylvania agree to resume border talks",
            "read as HTML",
            "Teodor Lind",
        ],
    );
    reader_shows(
        &page("union_talks.md"),
        &[
            "Dockworkers' union and Varn Port Company return to the table",
            "read as Markdown",
        ],
    );
    reader_shows(
        &page("copied_article.txt"),
        &[
            "Freedonia and Sylvania agree to resume border talks",
            "2024-05-26",
        ],
    );
}

#[test]
fn reader_opens_piped_stdin_and_reads_keys_from_the_terminal() {
    // `cat FILE | bilateral`: the article comes from the pipe, the keys from the terminal
    let mut cmd = CommandBuilder::new("/bin/sh");
    cmd.arg("-c");
    cmd.arg(format!(
        "cat '{}' | '{}'",
        page("freedonia_talks.html"),
        env!("CARGO_BIN_EXE_bilateral")
    ));
    run_reader(
        cmd,
        "<stdin>",
        &[
            "Freedonia and Sylvania agree to resume border talks",
            "read as HTML",
        ],
    );
}
