//! `bilateral dates`: the JSON-lines contract, on invented sentences.

mod common;

fn run(input: &str) -> (String, String, Option<i32>) {
    common::run_text(&["dates"], input)
}

#[test]
fn one_line_out_per_line_in() {
    let input = concat!(
        r#"{"text": "Freedonia and Sylvania signed the pact on 3 May 2021 and met again last week.", "reference": "2024-03-13"}"#,
        "\n",
        r#"{"text": "The strike began on Tuesday and the union will vote on the 20th.", "reference": "2024-03-13"}"#,
        "\n\n",
        r#"{"text": "Nothing dated here; 2,023 people may march.", "reference": "2024-03-13"}"#,
        "\n",
        r#"{"text": "The treaty of 1957-58 was signed on October 16.", "reference": null}"#,
        "\n",
    );
    let (out, err, code) = run(input);
    assert_eq!(code, Some(0), "{err}");
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(
        lines[0]["dates"],
        serde_json::json!(["2021-05-03", "2024-W10"])
    );
    assert_eq!(
        lines[1]["dates"],
        serde_json::json!(["2024-03-12", "2024-03-20"])
    );
    assert_eq!(lines[2]["dates"], serde_json::json!([]));
    // No reference: only what is fully written.
    assert_eq!(lines[3]["dates"], serde_json::json!(["1957", "1958"]));
}

#[test]
fn a_bad_line_is_an_error_naming_it() {
    let (_, err, code) = run("{\"text\": \"ok\", \"reference\": \"2024-01-01\"}\nnot json\n");
    assert_ne!(code, Some(0));
    assert!(err.contains("line 2"), "{err}");
}
