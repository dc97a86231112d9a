//! The real binary on bad inputs: a one-line error naming the input, exit code 2, no panic.

use std::process::Output;

mod common;

use common::{bilateral, temp_file};

/// Asserts exit code 2 and a single stderr line containing every piece of `expected`.
fn assert_input_error(out: &Output, expected: &[&str]) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "stderr: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "one line expected: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    for piece in expected {
        assert!(stderr.contains(piece), "`{piece}` missing from: {stderr}");
    }
    assert!(out.stdout.is_empty(), "nothing on stdout on error");
}

#[test]
fn missing_file() {
    let out = bilateral(&["--plain", "/definitely/not/here.txt"], b"");
    assert_input_error(&out, &["/definitely/not/here.txt", "no such file"]);
}

#[test]
fn directory() {
    let dir = std::env::temp_dir();
    let out = bilateral(&["--plain", dir.to_str().unwrap()], b"");
    assert_input_error(&out, &[dir.to_str().unwrap(), "is a directory"]);
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let path = temp_file("latin1.txt", b"Caf\xe9 talks resume.\n");
    let out = bilateral(&["--plain", path.to_str().unwrap()], b"");
    assert_input_error(&out, &["latin1.txt", "not valid UTF-8", "byte offset 3"]);
}

#[test]
fn nul_byte_is_a_binary_file() {
    let path = temp_file("binary.bin", b"PK\x03\x04\x00\x00rest");
    let out = bilateral(&["--json", path.to_str().unwrap()], b"");
    assert_input_error(&out, &["binary.bin", "NUL byte", "offset 4"]);
}

#[test]
fn empty_and_whitespace_only() {
    let path = temp_file("empty.txt", b"");
    assert_input_error(
        &bilateral(&["--plain", path.to_str().unwrap()], b""),
        &["empty.txt", "is empty"],
    );
    assert_input_error(
        &bilateral(&["--plain", "-"], b"  \r\n\t\n"),
        &["<stdin>", "is empty"],
    );
}

#[test]
fn bad_front_matter() {
    let path = temp_file(
        "fm.txt",
        b"+++\npublshed = \"2023-01-01\"\n+++\nFreedonia spoke.\n",
    );
    assert_input_error(
        &bilateral(&["--plain", path.to_str().unwrap()], b""),
        &["fm.txt", "publshed"],
    );
}

#[test]
fn too_large_for_the_limit() {
    let path = temp_file("big.txt", &b"Freedonia spoke. ".repeat(100));
    let out = bilateral(
        &["--plain", "--max-size", "1000", path.to_str().unwrap()],
        b"",
    );
    assert_input_error(&out, &["big.txt", "limit of 1000 bytes", "--max-size"]);
    let out = bilateral(
        &["--plain", "--max-size", "1000", "-"],
        &b"Freedonia spoke. ".repeat(100),
    );
    assert_input_error(&out, &["<stdin>", "limit of 1000 bytes"]);
}

#[test]
fn stdin_with_bom_and_crlf_is_read() {
    let out = bilateral(
        &["--json", "-"],
        "\u{feff}Title\r\nFreedonia spoke. Sylvania listened.\r\n".as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["sentences"][0]["start"], 3);
    assert_eq!(json["sentences"].as_array().unwrap().len(), 3);
}
