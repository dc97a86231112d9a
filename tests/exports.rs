//! `--plain`, `--format markdown` and `--format csv` from the real binary: snapshots on the
//! seed, the more-parties note, and the formats' contracts (one CSV row per claim).

use std::process::Command;

fn run(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_bilateral"))
        .args(args)
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn article(name: &str) -> String {
    format!("{}/tests/articles/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn seed_plain_snapshot() {
    let plain = run(&["--plain", "--width", "100"]);
    // The header, the timeline and each claim's speaker are there.
    assert!(plain.contains("── Timeline"), "{plain}");
    assert!(plain.contains("· main"), "{plain}");
    assert!(plain.contains("  — "), "{plain}");
    insta::assert_snapshot!("seed_plain_100", plain);
    insta::assert_snapshot!("seed_plain_60", run(&["--plain", "--width", "60"]));
}

#[test]
fn seed_markdown_snapshot() {
    let md = run(&["--format", "markdown"]);
    assert!(md.starts_with("# "), "{md}");
    assert!(
        md.contains("| claim | speaker | cue | date | place |"),
        "{md}"
    );
    insta::assert_snapshot!("seed_markdown", md);
}

#[test]
fn seed_csv_has_one_row_per_claim() {
    let csv = run(&["--format", "csv"]);
    let json: serde_json::Value = serde_json::from_str(&run(&["--json"])).unwrap();
    let claims = json["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["side"] != "neither")
        .count();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(reader.records().count(), claims);
    insta::assert_snapshot!("seed_csv", csv);
}

#[test]
fn more_parties_are_noted_with_how_to_pick_two() {
    let path = article("three_parties.txt");
    for args in [
        vec!["--plain", "--width", "100", path.as_str()],
        vec!["--format", "markdown", path.as_str()],
    ] {
        let out = run(&args);
        assert!(
            out.contains("more parties speak here (United Nations, European Union)"),
            "{out}"
        );
        assert!(out.contains("--party NAME --party NAME"), "{out}");
    }
}

#[test]
fn plain_without_front_matter_has_the_title_and_fixed_wording() {
    let dir = tempfile::Builder::new()
        .prefix("bilateral-exports-")
        .tempdir()
        .unwrap();
    let path = dir.path().join("lone.txt");
    std::fs::write(
        &path,
        "Freedonia reopens the border\n\nFreedonian President Karl Brun said the crossing would \
         open on Monday.\nThe crossing has been closed since\nthe spring floods.\n",
    )
    .unwrap();
    let plain = run(&["--plain", "--width", "80", path.to_str().unwrap()]);
    assert!(
        plain.starts_with("Freedonia reopens the border\n"),
        "{plain}"
    );
    assert!(!plain.contains("(nothing from this side)"), "{plain}");
}
