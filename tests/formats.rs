//! Inputs as people have them: saved HTML pages, Markdown, text copied from a browser, stdin,
//! and `bilateral extract`. The pages and Markdown files under `tests/pages/` were written for
//! this project.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn bilateral(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bilateral"))
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    if let Some(bytes) = stdin {
        child.stdin.take().unwrap().write_all(bytes).unwrap();
    }
    child.wait_with_output().unwrap()
}

fn page(name: &str) -> String {
    format!("{}/tests/pages/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn json_of(out: &Output) -> serde_json::Value {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

fn sentences(analysis: &serde_json::Value) -> Vec<(String, String)> {
    analysis["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["role"].as_str().unwrap().to_string(),
                s["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn html_page_extracts_article_and_metadata() {
    let a = json_of(&bilateral(
        &["extract", "--json", &page("freedonia_talks.html")],
        None,
    ));
    assert_eq!(
        a["title"],
        "Freedonia and Sylvania agree to resume border talks"
    );
    assert_eq!(a["byline"], "Jon Park");
    assert_eq!(a["site"], "Varn Daily Courier");
    assert_eq!(
        a["url"],
        "https://courier.example/world/freedonia-sylvania-talks"
    );
    assert_eq!(a["published"], "2024-05-26");
    assert_eq!(a["lang"], "en");
    let text = a["text"].as_str().unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5, "one paragraph per line: {text}");
    assert!(lines[1].starts_with("Freedonia's foreign minister, Anna Varga, said"));
    assert!(text.contains("“within weeks”") && text.contains("rights & customs"));
    for gone in [
        "<p>",
        "&#39;",
        "analytics",
        "font-family",
        "Home",
        "Share on",
        "cookies",
        "Related",
    ] {
        assert!(!text.contains(gone), "`{gone}` in {text}");
    }
}

#[test]
fn html_analysis_indexes_the_extracted_text() {
    let analysis = json_of(&bilateral(&["--json", &page("freedonia_talks.html")], None));
    let extracted = json_of(&bilateral(
        &["extract", "--json", &page("freedonia_talks.html")],
        None,
    ));
    let text = extracted["text"].as_str().unwrap();
    for s in analysis["sentences"].as_array().unwrap() {
        let (start, end) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[start..end], s["text"].as_str().unwrap());
    }
    assert_eq!(analysis["meta"]["title"], extracted["title"]);
    let note = analysis["notes"][0].as_str().unwrap();
    assert!(
        note.starts_with("read as HTML") && note.contains("5 paragraphs"),
        "{note}"
    );
}

#[test]
fn extract_text_format_opens_again() {
    let out = bilateral(&["extract", &page("freedonia_talks.html")], None);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("+++\ntitle = \"Freedonia and Sylvania agree to resume border talks\"\n")
    );
    assert!(text.contains("published = \"2024-05-26\"\n+++\n"));
    // reading it back gives the same article
    let again = json_of(&bilateral(
        &["extract", "--json", "-"],
        Some(text.as_bytes()),
    ));
    let first = json_of(&bilateral(
        &["extract", "--json", &page("freedonia_talks.html")],
        None,
    ));
    for key in ["title", "url", "published", "site"] {
        assert_eq!(again[key], first[key], "{key}");
    }
    assert_eq!(
        again["text"].as_str().unwrap().trim_end(),
        first["text"].as_str().unwrap()
    );
}

#[test]
fn page_without_article_text_is_an_error() {
    let out = bilateral(&["--json", &page("empty_page.html")], None);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("without article text"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1);
}

#[test]
fn right_to_left_page_opens_with_a_note() {
    let analysis = json_of(&bilateral(&["--json", &page("sylvania_rtl.html")], None));
    let note = analysis["notes"][0].as_str().unwrap();
    assert!(note.contains("`ar` (right-to-left)"), "{note}");
    assert_eq!(analysis["meta"]["published"], "2024-05-27");
    assert!(!analysis["sentences"].as_array().unwrap().is_empty());
}

#[test]
fn legacy_encodings_are_decoded() {
    let mut html = b"<html><head><meta charset=\"windows-1252\"><title>Caf\xe9 talks</title></head><body><article><p>The caf\xe9 owners of Varn and the city council met on Monday and agreed on new opening hours for the summer.</p></article></body></html>".to_vec();
    html.extend_from_slice(b"\n");
    let dir = tempfile::Builder::new()
        .prefix("bilateral-formats-")
        .tempdir()
        .unwrap();
    let path = dir.path().join("latin1.html");
    std::fs::write(&path, html).unwrap();
    let a = json_of(&bilateral(
        &["extract", "--json", path.to_str().unwrap()],
        None,
    ));
    assert_eq!(a["title"], "Café talks");
    assert!(a["text"].as_str().unwrap().contains("The café owners"));
}

#[test]
fn markdown_is_converted() {
    let analysis = json_of(&bilateral(&["--json", &page("union_talks.md")], None));
    assert_eq!(
        analysis["meta"]["title"],
        "Dockworkers' union and Varn Port Company return to the table"
    );
    assert_eq!(analysis["meta"]["published"], "2024-03-04");
    let note = analysis["notes"][0].as_str().unwrap();
    assert!(
        note.starts_with("read as Markdown with front matter")
            && note.contains("1 link URL")
            && note.contains("1 code block")
            && note.contains("1 image"),
        "{note}"
    );
    let all: String = sentences(&analysis)
        .into_iter()
        .map(|(_, t)| t + "\n")
        .collect();
    for gone in ["**", "](", "https://", "```", "curl", "# ", "- The union"] {
        assert!(!all.contains(gone), "`{gone}` in {all}");
    }
    assert!(all.contains("The Varn Dockworkers’ Union said on Monday that it would resume talks with the Varn Port Company"));
}

#[test]
fn markdown_recognised_by_content_on_stdin() {
    let md = b"# Freedonia and Sylvania talk\n\nThe **Freedonian** minister said [on Monday](https://x.example) that talks would resume.\n";
    let analysis = json_of(&bilateral(&["--json"], Some(md)));
    assert_eq!(analysis["meta"]["title"], "Freedonia and Sylvania talk");
    assert!(
        analysis["notes"][0]
            .as_str()
            .unwrap()
            .starts_with("read as Markdown")
    );
}

#[test]
fn copied_text_gets_title_date_and_boilerplate() {
    let analysis = json_of(&bilateral(&["--json", &page("copied_article.txt")], None));
    assert_eq!(
        analysis["meta"]["title"],
        "Freedonia and Sylvania agree to resume border talks"
    );
    assert_eq!(analysis["meta"]["published"], "2024-05-26");
    let notes: Vec<&str> = analysis["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect();
    assert!(
        notes.iter().any(|n| n.contains("reference date 2024-05-26") && n.contains("Published 26 May 2024")),
        "{notes:?}"
    );
    let s = sentences(&analysis);
    let role = |text: &str| s.iter().find(|(_, t)| t == text).map(|(r, _)| r.as_str());
    assert_eq!(
        role("Home | World | Politics | Business"),
        Some("boilerplate")
    );
    assert_eq!(role("Share"), Some("boilerplate"));
    assert_eq!(role("Facebook Twitter Email"), Some("boilerplate"));
    assert_eq!(role("Advertisement"), Some("boilerplate"));
    assert_eq!(
        role("We use cookies to improve your experience on our site."),
        Some("boilerplate")
    );
    assert_eq!(
        role("Freedonia and Sylvania agree to resume border talks"),
        Some("title")
    );
    // the soft line break does not split the sentence
    assert!(s.iter().any(|(r, t)| r == "body"
        && t == "The foreign ministers of Freedonia and Sylvania agreed on Sunday to resume talks on their\ndisputed border, ending a pause of almost two years."));
    // boilerplate is never a claim
    for sentence in analysis["sentences"].as_array().unwrap() {
        if sentence["role"] == "boilerplate" {
            assert_eq!(sentence["side"], "neither");
        }
    }
}

#[test]
fn stdin_is_read_when_no_file_is_given() {
    let text = b"Talks resume\nUpdated: 2024-05-26\nFreedonia said on Sunday that talks with Sylvania would resume on the 10th.\n";
    let analysis = json_of(&bilateral(&["--json"], Some(text)));
    assert_eq!(analysis["meta"]["published"], "2024-05-26");
    assert_eq!(analysis["meta"]["title"], "Talks resume");
    // `/dev/null` as stdin (how harnesses start programs) still opens the seed
    let seed = json_of(&bilateral(&["--json"], None));
    assert_eq!(seed["meta"]["published"], "2023-12-11");
}

#[test]
fn front_matter_still_wins() {
    let text = b"+++\ntitle = \"Given\"\npublished = 2020-01-02\n+++\nOther title\nPublished 11 October 2021\nFreedonia said so.\n";
    let analysis = json_of(&bilateral(&["--json", "-"], Some(text)));
    assert_eq!(analysis["meta"]["title"], "Given");
    assert_eq!(analysis["meta"]["published"], "2020-01-02");
    assert!(
        analysis["notes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|n| !n.as_str().unwrap().contains("reference date"))
    );
}

#[test]
fn a_hostile_page_gives_an_error_not_a_hang() {
    // elements nested 100 000 deep: the extractors' tree walks take minutes on it
    let n = 100_000;
    let html = format!(
        "<html><body>{}<p>Freedonia and Sylvania met on Monday and agreed to talk again.</p>{}</body></html>",
        "<div>".repeat(n),
        "</div>".repeat(n)
    );
    let dir = tempfile::Builder::new()
        .prefix("bilateral-formats-")
        .tempdir()
        .unwrap();
    let path = dir.path().join("deep.html");
    std::fs::write(&path, html).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_bilateral"))
        .args(["--json", path.to_str().unwrap()])
        .env("BILATERAL_EXTRACT_TIMEOUT", "1")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("could not be read within 1 s"), "{stderr}");
    assert!(!stderr.contains("panicked"));
}
