//! Running the real binary with arguments and bytes on stdin, for the command-line tests.
#![allow(dead_code)] // each test crate uses part of it

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `bilateral ARGS` with `stdin` piped in; returns its output and exit status.
pub fn bilateral(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bilateral"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

/// [`bilateral`] with its stdout and stderr as text and its exit code.
pub fn run_text(args: &[&str], stdin: &str) -> (String, String, Option<i32>) {
    let out = bilateral(args, stdin.as_bytes());
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code(),
    )
}
