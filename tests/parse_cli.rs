//! `bilateral parse`: text → CoNLL-U, and `--conllu` filling in a given tokenization.

mod common;

fn run(args: &[&str], input: &str) -> (String, String, Option<i32>) {
    let args: Vec<&str> = ["parse"].iter().chain(args).copied().collect();
    common::run_text(&args, input)
}

/// Checks the shape of CoNLL-U output: blocks of comments and 10-column word lines with
/// IDs from 1 and heads within the sentence, exactly one root each.
fn check_conllu(out: &str) -> Vec<Vec<Vec<String>>> {
    let mut sentences = Vec::new();
    for block in out.split("\n\n").filter(|b| !b.trim().is_empty()) {
        let mut words: Vec<Vec<String>> = Vec::new();
        for line in block.lines() {
            if line.starts_with('#') {
                continue;
            }
            let cols: Vec<String> = line.split('\t').map(str::to_string).collect();
            assert_eq!(cols.len(), 10, "{line:?}");
            if cols[0].contains('-') || cols[0].contains('.') {
                continue;
            }
            assert_eq!(cols[0], (words.len() + 1).to_string(), "{line:?}");
            words.push(cols);
        }
        let n = words.len();
        let mut roots = 0;
        for w in &words {
            let head: usize = w[6].parse().expect("numeric head");
            assert!(head <= n, "{w:?}");
            roots += usize::from(head == 0);
            assert_eq!(head == 0, w[7] == "root", "{w:?}");
            assert!(!w[1].is_empty() && !w[3].is_empty() && !w[4].is_empty());
        }
        assert_eq!(roots, 1, "{block}");
        sentences.push(words);
    }
    sentences
}

#[test]
fn text_in_conllu_out() {
    let (out, err, code) = run(
        &[],
        "Freedonia's president, Karl Brun, said the talks were \"useful.\"\nSylvania didn't agree.",
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(out.starts_with("# sent_id = 1\n# text = Freedonia's president"));
    let sentences = check_conllu(&out);
    assert_eq!(sentences.len(), 2);
    let forms: Vec<&str> = sentences[1].iter().map(|w| w[1].as_str()).collect();
    assert_eq!(forms, ["Sylvania", "did", "n't", "agree", "."]);
    // "did" is followed by "n't" with no space, "agree" by "."
    assert_eq!(sentences[1][1][9], "SpaceAfter=No");
    assert_eq!(sentences[1][2][9], "_");
    assert_eq!(sentences[1][3][9], "SpaceAfter=No");
    assert_eq!(sentences[1][4][9], "_");
    let said = sentences[0].iter().find(|w| w[1] == "said").unwrap();
    assert_eq!(said[2], "say");
    assert_eq!(said[3], "VERB");
}

#[test]
fn empty_input_gives_empty_output() {
    let (out, _, code) = run(&[], "");
    assert_eq!(code, Some(0));
    assert_eq!(out, "");
    let (out, _, code) = run(&["--conllu"], "");
    assert_eq!(code, Some(0));
    assert_eq!(out, "");
}

#[test]
fn conllu_round_trip_keeps_tokens_and_other_columns() {
    let input = "# sent_id = x1\n# text = Sylvania's envoy didn't come.\n1-2\tSylvania's\t_\t_\t_\t_\t_\t_\t_\t_\n1\tSylvania\t_\t_\t_\tNumber=Sing\t_\t_\t_\t_\n2\t's\t_\t_\t_\t_\t_\t_\t_\t_\n3\tenvoy\t_\t_\t_\t_\t_\t_\t_\t_\n4-5\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_\n4\tdid\t_\t_\t_\t_\t_\t_\t_\t_\n5\tn't\t_\t_\t_\t_\t_\t_\t_\t_\n6\tcome\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n6.1\tghost\t_\t_\t_\t_\t_\t_\t_\t_\n7\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
    let (out, err, code) = run(&["--conllu"], input);
    assert_eq!(code, Some(0), "{err}");
    let lines: Vec<&str> = out.lines().collect();
    let given: Vec<&str> = input.lines().collect();
    assert_eq!(lines.len(), given.len());
    for (got, was) in lines.iter().zip(&given) {
        let (g, w): (Vec<&str>, Vec<&str>) = (got.split('\t').collect(), was.split('\t').collect());
        assert_eq!(g.len(), w.len());
        if w.len() == 10 && !w[0].contains(['-', '.']) {
            for col in [0, 1, 5, 8, 9] {
                assert_eq!(g[col], w[col], "{got}");
            }
        } else {
            assert_eq!(got, was);
        }
    }
    let words = &check_conllu(&out)[0];
    assert_eq!(words[0][7], "nmod:poss", "{out}");
    assert_eq!(words[0][6], "3");
    assert_eq!(words[1][7], "case");
    assert_eq!(words[4][2], "not");
}

#[test]
fn malformed_conllu_exits_2_with_one_line() {
    for bad in [
        "1\tonly\ttwo\n",
        "2\tskips\t_\t_\t_\t_\t_\t_\t_\t_\n",
        "x\tbad\t_\t_\t_\t_\t_\t_\t_\t_\n",
    ] {
        let (out, err, code) = run(&["--conllu"], bad);
        assert_eq!(code, Some(2), "{bad:?}");
        assert_eq!(out, "");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with("bilateral: CoNLL-U line 1"), "{err}");
    }
}

#[test]
fn controls_in_input_are_not_written_as_controls() {
    let (out, _, code) = run(&[], "Brun\u{1b}]0;x\u{7} left \u{9b}now.");
    assert_eq!(code, Some(0));
    assert!(
        !out.chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t')
    );
    let (out, _, code) = run(&["--conllu"], "1\tBrun\u{1b}x\t_\t_\t_\t_\t_\t_\t_\t_\n");
    assert_eq!(code, Some(0));
    assert!(
        !out.chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t')
    );
}
