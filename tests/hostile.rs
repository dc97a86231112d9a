//! The real binary on hostile and degenerate articles.
//!
//! - Escape sequences, C1 controls, bidi overrides and binary-looking bytes in the article
//!   never reach stdout as control characters in `--plain` or `--json`, and `--json` still
//!   holds the exact text with offsets into the input.
//! - Limits: input above `--max-size` is refused with a clear error (exit 2); a 10 MB
//!   paragraph without a full stop is analysed (losslessly) rather than hanging.
//! - Degenerate articles (no party, one side, only headlines, only quotes, one sentence,
//!   thousands of tiny paragraphs, unbalanced quotation marks) all open with exit 0.

use bilateral::analysis::invariants;
use bilateral::model::Analysis;
use std::io::Write;
use std::process::{Command, Output, Stdio};

mod common;

use common::temp_file;

fn bilateral(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bilateral"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().unwrap();
    let bytes = stdin.to_vec();
    // Write from another thread so a large input cannot deadlock against a full stdout pipe.
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&bytes);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

/// Every `text` field of a JSON sentence, mention (speaker, cue, hedge) and date is exactly
/// `input[start..end]`.
fn assert_json_texts_exact(input: &str, json: &serde_json::Value) {
    let exact = |what: &str, v: &serde_json::Value| {
        let (Some(start), Some(end), Some(text)) =
            (v["start"].as_u64(), v["end"].as_u64(), v["text"].as_str())
        else {
            panic!("{what} has no start, end and text: {v}");
        };
        assert_eq!(
            input.get(start as usize..end as usize),
            Some(text),
            "{what}"
        );
    };
    for (i, s) in json["sentences"]
        .as_array()
        .expect("sentences")
        .iter()
        .enumerate()
    {
        exact(&format!("sentence {i}"), s);
        let ev = &s["evidence"];
        for key in ["speaker", "cue"] {
            if !ev[key].is_null() {
                exact(&format!("sentence {i} {key}"), &ev[key]);
            }
        }
        for h in ev["hedges"].as_array().expect("hedges") {
            exact(&format!("sentence {i} hedge"), h);
        }
        for d in s["dates"].as_array().expect("dates") {
            exact(&format!("sentence {i} date"), d);
        }
    }
}

/// Runs `--json` on `text` (from stdin), asserts success, that every text in the JSON is its
/// span of the input, and every invariant of the analysis (whose `source` is then `text`).
fn json_of(text: &str, extra: &[&str]) -> Analysis {
    let mut args = vec!["--json"];
    args.extend_from_slice(extra);
    args.push("-");
    let out = bilateral(&args, text.as_bytes());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "stderr: {stderr}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_json_texts_exact(text, &json);
    let mut analysis: Analysis = serde_json::from_value(json).expect("an analysis");
    analysis.source = text.into();
    let body_start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    // With no front matter in these articles, the body starts after the BOM.
    if let Err(broken) = invariants::check(text, body_start, &analysis) {
        panic!("{broken}");
    }
    analysis
}

/// Runs `--plain` on `text`, asserts exit 0 and returns stdout.
fn plain_of(text: &str, extra: &[&str]) -> String {
    let mut args = vec!["--plain", "--width", "100"];
    args.extend_from_slice(extra);
    args.push("-");
    let out = bilateral(&args, text.as_bytes());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "stderr: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    String::from_utf8(out.stdout).expect("plain output is UTF-8")
}

/// No byte that a terminal could act on: C0 other than newline/tab/CR, DEL, C1 (as UTF-8).
fn assert_no_terminal_controls(what: &str, bytes: &[u8]) {
    if let Some(i) = bytes
        .iter()
        .position(|&b| (b < 0x20 && !matches!(b, b'\n' | b'\t')) || b == 0x7f)
    {
        panic!(
            "{what}: control byte {:#04x} at {i} in …{}…",
            bytes[i],
            String::from_utf8_lossy(&bytes[i.saturating_sub(40)..(i + 40).min(bytes.len())])
        );
    }
    let text = String::from_utf8_lossy(bytes);
    if let Some(c) = text.chars().find(|c| ('\u{80}'..='\u{9f}').contains(c)) {
        panic!("{what}: C1 control U+{:04X} in the output", c as u32);
    }
}

const HOSTILE: &str = "Freedonia and Sylvania talk \u{1b}]0;owned\u{7} by phone\n\
\n\
FREDVILLE, Dec 10 - President Rufus Firefly of Freedonia said on Sunday \u{1b}[2J that the \
talks were useful.\u{1b}[31m Sylvania's ambassador said \u{9b}6n the offer was \
\u{202e}deripxe\u{202c} and would be answered.\n\
\n\
The ministry said: \u{1b}P+q\u{1b}\\ \u{1b}_apc\u{1b}\\ \u{90}dcs\u{9c} \u{7f}\u{8}\u{8}\u{8} done.\n";

/// Binary-looking but NUL-free text: every C0 and C1 control, DEL, and Latin-1 noise.
fn binary_looking() -> String {
    let mut text = String::from("Freedonia said the file was fine. ");
    for round in 1..5u32 {
        for code in (1u32..0x20)
            .chain(0x7f..0x100)
            .chain([0xfffd, 0x202e, 0x200b])
        {
            // A different order each round, still never NUL.
            let code = if code < 0x20 {
                (code * round) % 0x1f + 1
            } else {
                code
            };
            text.push(char::from_u32(code).unwrap_or('?'));
        }
        text.push_str(". Sylvania said it was not. ");
    }
    text.push('\n');
    text
}

#[test]
fn plain_output_carries_no_escape_sequence_from_the_article() {
    for text in [HOSTILE.to_string(), binary_looking()] {
        let stdout = plain_of(&text, &[]);
        assert_no_terminal_controls("--plain", stdout.as_bytes());
        // Made visible, not dropped.
        assert!(stdout.contains('␛'), "{stdout}");
    }
    let stdout = plain_of(HOSTILE, &[]);
    assert!(stdout.contains("owned"), "{stdout}");
    assert!(stdout.contains("\\u{9b}"), "{stdout}");
}

#[test]
fn plain_output_escapes_names_given_by_the_user_and_the_front_matter() {
    let text = "+++\ntitle = \"Talks \\u001b]0;owned\\u0007 end\"\nsource = \"Wire \\u009b2J\"\n\
parties = [\"Free\\u001b[2Jdonia\"]\n+++\nFree\u{1b}[2Jdonia said talks ended. Sylvania agreed.\n";
    let stdout = plain_of(text, &[]);
    assert_no_terminal_controls("--plain with front matter", stdout.as_bytes());
    let stdout = plain_of(
        "Freedonia said talks ended. Sylvania agreed.\n",
        &[
            "--party",
            "Free\u{1b}]0;x\u{7}donia",
            "--party",
            "Syl\u{9b}vania",
        ],
    );
    assert_no_terminal_controls("--plain with --party", stdout.as_bytes());
}

#[test]
fn json_keeps_the_exact_text_with_no_raw_control() {
    for text in [HOSTILE.to_string(), binary_looking()] {
        let out = bilateral(&["--json", "-"], text.as_bytes());
        assert_eq!(out.status.code(), Some(0));
        assert_no_terminal_controls("--json", &out.stdout);
        let analysis = json_of(&text, &[]);
        let joined: String = analysis
            .sentences
            .iter()
            .map(|s| s.text(&analysis.source))
            .collect();
        for needle in [
            "\u{1b}]0;owned\u{7}",
            "\u{1b}[2J",
            "\u{9b}6n",
            "\u{202e}",
            "\u{7f}",
        ] {
            if text.contains(needle) {
                assert!(joined.contains(needle), "{needle:?} lost from --json");
            }
        }
    }
}

#[test]
fn error_messages_quote_input_safely() {
    let path = temp_file("evil\u{1b}]0;owned\u{7}\u{9b}2J.txt", b"\xff not utf-8\n");
    let out = bilateral(&["--plain", path.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(2));
    assert_no_terminal_controls("stderr", &out.stderr[..out.stderr.len() - 1]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("evil␛]0;owned␇"), "{stderr}");

    let out = bilateral(&["--plain", "-"], b"+++\ntitle = \"\x1b[2J\n+++\nBody.\n");
    assert_eq!(out.status.code(), Some(2));
    assert_no_terminal_controls("front matter error", &out.stderr[..out.stderr.len() - 1]);

    // The toml crate quotes the offending line: raw C1, CR and DEL in it too.
    let out = bilateral(
        &["--plain", "-"],
        "+++\ntitle = \"\u{9b}2J\r\u{7f}\" x\n+++\nBody.\n".as_bytes(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert_no_terminal_controls("front matter error", &out.stderr[..out.stderr.len() - 1]);

    let out = bilateral(&["dates"], b"{\"text\": \"\x1b[2J\", \"reference\": 12}\n");
    assert_eq!(out.status.code(), Some(2));
    assert_no_terminal_controls("dates error", &out.stderr[..out.stderr.len() - 1]);
    let out = bilateral(
        &["dates"],
        "{\"text\": \"a\", \"\u{9b}2J\u{7f}\": \"\u{9b}\"} \u{9b}\u{1b}]0;x\u{7}\n".as_bytes(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert_no_terminal_controls("dates error", &out.stderr[..out.stderr.len() - 1]);
}

/// clap quotes a bad argument as given (CR, BEL and C1 included): the message is printed
/// with every control made visible, exit 2; `--help` still works.
#[test]
fn usage_errors_quote_arguments_safely() {
    for args in [
        vec!["--width", "4\r0\u{9b}2J\u{7}\u{1b}]0;owned\u{7}"],
        vec!["--bogus\u{9b}2J\r"],
        vec!["--published", "\u{1b}[2J2023-01-01\u{85}"],
        vec!["--party", "=\u{9b}31m"],
        vec![
            "--party",
            "A",
            "--party",
            "B\u{9b}",
            "--party",
            "C\u{1b}[2J",
            "-",
        ],
    ] {
        let out = bilateral(&args, b"Freedonia spoke.\n");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(!stderr.trim().is_empty(), "{args:?}: no message");
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert_no_terminal_controls(&format!("usage error {args:?}"), &out.stderr);
        assert!(out.stdout.is_empty());
    }
    let out = bilateral(&["--width", "4\r0\u{9b}"], b"");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("4␍0\\u{9b}"),
        "made visible, not dropped: {stderr}"
    );
    let out = bilateral(&["--help"], b"");
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("--party"));
}

/// `bilateral sentences` prints exact strings, with DEL and C1 escaped in the JSON.
#[test]
fn sentences_output_carries_no_raw_control() {
    for text in [HOSTILE.to_string(), binary_looking()] {
        let out = bilateral(&["sentences"], text.as_bytes());
        assert_eq!(out.status.code(), Some(0));
        assert_no_terminal_controls("sentences", &out.stdout);
        let list: Vec<String> = serde_json::from_slice(&out.stdout).expect("a JSON array");
        let mut at = 0;
        for sentence in &list {
            let found = text[at..].find(sentence.as_str()).expect("an exact slice");
            at += found + sentence.len();
        }
        assert!(list.concat().contains("\u{9b}"), "C1 kept in the strings");
    }
}

#[test]
fn input_above_the_size_limit_is_refused_clearly() {
    let article = "Freedonia said talks went well. ".repeat(64);
    let path = temp_file("limit.txt", article.as_bytes());
    for args in [
        vec!["--plain", "--max-size", "1024", path.to_str().unwrap()],
        vec!["--json", "--max-size", "1024", "-"],
    ] {
        let out = bilateral(&args, article.as_bytes());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.contains("larger than the limit of 1024 bytes"),
            "{stderr}"
        );
        assert!(stderr.contains("--max-size"), "{stderr}");
        assert!(out.stdout.is_empty());
    }
    // At the limit exactly, it is read.
    let exact = "x".repeat(1023) + "\n";
    let out = bilateral(&["--json", "--max-size", "1024", "-"], exact.as_bytes());
    assert_eq!(out.status.code(), Some(0));
}

/// One paragraph of `bytes` bytes: words (accented, CJK, curly quotes) and a comma every 97
/// words, never a full stop, so the whole of it is a single sentence.
fn no_full_stop_paragraph(bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + 16);
    let words = [
        "Freedonia",
        "said",
        "that",
        "Sylvania",
        "“would",
        "answer”",
        "talks",
        "résumé",
        "東京",
    ];
    let mut i = 0usize;
    while text.len() < bytes {
        text.push_str(words[i % words.len()]);
        text.push(if i % 97 == 96 { ',' } else { ' ' });
        i += 1;
    }
    text.push('\n');
    text
}

/// The whole analysis on 10 MB without a full stop: it finishes (linear; a quadratic step
/// would not end in CI time) and the spans are lossless.
#[test]
fn a_ten_megabyte_paragraph_without_a_full_stop_is_analysed_losslessly() {
    let text = no_full_stop_paragraph(10 << 20);
    let analysis = json_of(&text, &[]);
    assert!(!analysis.sentences.is_empty());
    let longest = analysis.sentences.iter().map(|s| s.end - s.start).max();
    assert!(longest > Some(1 << 20), "one huge sentence: {longest:?}");
}

/// `--plain` wraps a multi-megabyte sentence and loses nothing. (2 MB rather than 10: the
/// same code path — one sentence wrapped — and the 10 MB analysis is checked above; the
/// tests run an unoptimised build, where each 10 MB run costs half a minute.)
#[test]
fn a_long_paragraph_without_a_full_stop_prints_in_full() {
    let text = no_full_stop_paragraph(2 << 20);
    let stdout = plain_of(&text, &[]);
    assert!(
        stdout.len() >= 2 << 20,
        "plain output lost text: {} bytes",
        stdout.len()
    );
    assert!(stdout.contains("résumé 東京"), "text kept as written");
}

#[test]
fn degenerate_articles_open() {
    let tiny_paragraphs: String = (0..5000).map(|i| format!("Yes {i}.\n\n")).collect();
    let cases: Vec<(&str, String, Vec<&str>)> = vec![
        (
            "no party",
            "The weather was mild. Markets were calm on Tuesday.\n".into(),
            vec![],
        ),
        (
            "one side only",
            "Freedonia said it wanted peace. Freedonia's president repeated it.\n".into(),
            vec!["--party", "Freedonia"],
        ),
        (
            "only headlines",
            "Freedonia and Sylvania talk\n\nSylvania replies\n\nWhat comes next\n".into(),
            vec![],
        ),
        (
            "only quotes",
            "“We want peace.”\n\n“So do we,” \n\n«Nous aussi.»\n\n\"Then talk.\"\n".into(),
            vec![],
        ),
        (
            "single sentence",
            "Freedonia called Sylvania".into(),
            vec![],
        ),
        ("a single character", "x".into(), vec![]),
        ("thousands of tiny paragraphs", tiny_paragraphs, vec![]),
        ("only punctuation", ". . . ! ? … “ ” « »\n".into(), vec![]),
        (
            "only escapes",
            "\u{1b}[2J\u{1b}]0;x\u{7}\u{9b}\n".into(),
            vec![],
        ),
        (
            "CR-only line ends",
            "Freedonia spoke.\rSylvania answered.\rThey agreed.\r".into(),
            vec![],
        ),
    ];
    for (what, text, extra) in &cases {
        let analysis = json_of(text, extra);
        assert!(!analysis.sentences.is_empty(), "{what}: no sentence");
        let stdout = plain_of(text, extra);
        assert!(!stdout.trim().is_empty(), "{what}: empty --plain output");
        assert_no_terminal_controls(what, stdout.as_bytes());
    }
}

#[test]
fn unbalanced_and_deep_quotes_do_not_derail_later_sentences() {
    let deep = "“‘".repeat(2000);
    for opening in [
        "Freedonia said “the talks would go on. Sylvania was silent.".to_string(),
        format!("Freedonia said {deep}no. Sylvania was silent."),
        "Freedonia said \"it would and\" \"and\" \" \" \" \" wait. Sylvania was silent."
            .to_string(),
    ] {
        let text = format!(
            "{opening}\n\nSylvania denied it on Monday. Freedonia said talks would resume. They did.\n"
        );
        let analysis = json_of(&text, &[]);
        let last: Vec<&str> = analysis
            .sentences
            .iter()
            .filter(|s| s.paragraph == analysis.paragraphs.len() - 1)
            .map(|s| s.text(&analysis.source))
            .collect();
        assert_eq!(
            last,
            [
                "Sylvania denied it on Monday.",
                "Freedonia said talks would resume.",
                "They did."
            ],
            "an unbalanced quote in the first paragraph derailed the last one"
        );
    }
}
