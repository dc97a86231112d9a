//! The `--json` output is a public interface: its documented fields are all present, and every
//! span indexes the input exactly as read.

use std::process::Command;

fn json_of(args: &[&str]) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_bilateral"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is one JSON document")
}

fn keys(value: &serde_json::Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

#[test]
fn documented_fields_are_present() {
    let json = json_of(&["--json"]);
    assert_eq!(json["schema"], 1);
    assert_eq!(
        keys(&json),
        [
            "events",
            "meta",
            "notes",
            "paragraphs",
            "parties",
            "schema",
            "sentences"
        ]
    );
    assert_eq!(
        keys(&json["meta"]),
        ["published", "source", "subtitle", "title", "url"]
    );
    let sentence = &json["sentences"][0];
    assert_eq!(
        keys(sentence),
        [
            "counterpart",
            "dates",
            "end",
            "event",
            "evidence",
            "index",
            "paragraph",
            "role",
            "side",
            "start",
            "text"
        ]
    );
    assert_eq!(
        keys(&sentence["evidence"]),
        [
            "actor",
            "cue",
            "hedged",
            "hedges",
            "predicate",
            "quote",
            "rule",
            "speaker"
        ]
    );
    for party in json["parties"].as_array().unwrap() {
        assert_eq!(keys(party), ["aliases", "id", "name", "origin", "people"]);
    }
    for event in json["events"].as_array().unwrap() {
        assert_eq!(
            keys(event),
            [
                "attributes",
                "date",
                "granularity",
                "id",
                "kind",
                "label",
                "main",
                "participants",
                "sentences"
            ]
        );
    }
}

#[test]
fn seed_spans_index_the_input_as_read() {
    let json = json_of(&["--json"]);
    let input = bilateral::input::SEED;
    let sentences = json["sentences"].as_array().unwrap();
    assert_eq!(sentences.len(), 19, "the seed has 19 units");
    let mut last_end = 0;
    for (i, s) in sentences.iter().enumerate() {
        let (start, end) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(s["index"], i);
        assert!(start >= last_end && start < end, "ordered, non-empty: {s}");
        assert_eq!(&input[start..end], s["text"].as_str().unwrap());
        assert!(
            input[last_end..start].trim().is_empty() || last_end == 0,
            "only whitespace between units"
        );
        assert!(["A", "B", "both", "neither"].contains(&s["side"].as_str().unwrap()));
        last_end = end;
    }
    assert!(
        input[last_end..].trim().is_empty(),
        "nothing after the last unit"
    );
}

#[test]
fn offsets_count_the_bom_and_crlf() {
    let dir = tempfile::Builder::new()
        .prefix("bilateral-json-")
        .tempdir()
        .unwrap();
    let path = dir.path().join("crlf.txt");
    let input = "\u{feff}+++\r\ntitle = \"Talks\"\r\n+++\r\nTalks resume\r\n\r\nFreedonia spoke. Sylvania listened.\r\n";
    std::fs::write(&path, input).unwrap();
    let json = json_of(&["--json", path.to_str().unwrap()]);
    for s in json["sentences"].as_array().unwrap() {
        let (start, end) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&input[start..end], s["text"].as_str().unwrap());
    }
    assert_eq!(json["sentences"][0]["text"], "Talks resume");
    assert_eq!(json["meta"]["title"], "Talks");
}
