//! Unit tests of the segmenter, one per hard case, on sentences written for this project.

use super::segment;

fn units(text: &str) -> Vec<&str> {
    segment(text, 0)
        .sentences
        .iter()
        .map(|s| &text[s.start..s.end])
        .collect()
}

#[track_caller]
fn check(text: &str, expected: &[&str]) {
    assert_eq!(units(text), expected, "input: {text:?}");
}

#[test]
fn plain_sentences() {
    check(
        "The talks ended. Did they agree? Nobody knows!",
        &["The talks ended.", "Did they agree?", "Nobody knows!"],
    );
}

#[test]
fn titles_never_end_a_sentence() {
    check(
        "Mr. Vale met Dr. Orsk and Gov. Lind. Sen. Paik and Gen. Moor left for St. Ives.",
        &[
            "Mr. Vale met Dr. Orsk and Gov. Lind.",
            "Sen. Paik and Gen. Moor left for St. Ives.",
        ],
    );
    check("The Hon. Ana Ruiz spoke.", &["The Hon. Ana Ruiz spoke."]);
}

#[test]
fn dotted_initialisms_split_only_before_a_sentence_starter() {
    check(
        "Aid came from the U.N. and the E.U. in March.",
        &["Aid came from the U.N. and the E.U. in March."],
    );
    check(
        "The U.S. Senate voted. Funds went to the U.K. The vote was close.",
        &[
            "The U.S. Senate voted.",
            "Funds went to the U.K.",
            "The vote was close.",
        ],
    );
}

#[test]
fn months_and_numbers_after_abbreviations() {
    check(
        "They met on Oct. 3 and again on Dec. 10 in Room No. 4 on p. 12.",
        &["They met on Oct. 3 and again on Dec. 10 in Room No. 4 on p. 12."],
    );
    check(
        "Growth was 3.5 percent, or $1.2bn. It was 2.5 in 2022. 40 firms failed.",
        &[
            "Growth was 3.5 percent, or $1.2bn.",
            "It was 2.5 in 2022.",
            "40 firms failed.",
        ],
    );
}

#[test]
fn company_suffixes() {
    check(
        "Orvo Inc. said it would appeal.",
        &["Orvo Inc. said it would appeal."],
    );
    check(
        "The suit names Brask & Co. The firm denies it.",
        &["The suit names Brask & Co.", "The firm denies it."],
    );
    check(
        "She met Al Dunn Jr. in June.",
        &["She met Al Dunn Jr. in June."],
    );
}

#[test]
fn times_of_day() {
    check(
        "At 9 a.m. Ms. Hale arrived. The call ended at 4 p.m. Officials then left.",
        &[
            "At 9 a.m. Ms. Hale arrived.",
            "The call ended at 4 p.m.",
            "Officials then left.",
        ],
    );
    check(
        "The vote opens at 8 a.m. GMT on Monday.",
        &["The vote opens at 8 a.m. GMT on Monday."],
    );
}

#[test]
fn initials() {
    check(
        "Talks at the Karl P. Vance Center were led by Mia V. Osei.",
        &["Talks at the Karl P. Vance Center were led by Mia V. Osei."],
    );
    check(
        "It was him and I. Then we left with Edgar I. Moss.",
        &["It was him and I.", "Then we left with Edgar I. Moss."],
    );
    check(
        "They chose option B. The rest failed.",
        &["They chose option B.", "The rest failed."],
    );
}

#[test]
fn quotations_split_inside_and_keep_their_closing_marks() {
    check(
        "\"We are ready. We agreed on two points,\" the envoy said.",
        &[
            "\"We are ready.",
            "We agreed on two points,\" the envoy said.",
        ],
    );
    check(
        "She said, “The deal is done.” Talks end today.",
        &["She said, “The deal is done.”", "Talks end today."],
    );
    check(
        "He called it ‘a mistake.’ she noted.",
        &["He called it ‘a mistake.’ she noted."],
    );
    check(
        "Was it “final?” Nobody said. “Why?” she asked.",
        &["Was it “final?”", "Nobody said.", "“Why?” she asked."],
    );
    check(
        "The aide called the delay 'regrettable.' Officials disagreed.",
        &[
            "The aide called the delay 'regrettable.'",
            "Officials disagreed.",
        ],
    );
}

#[test]
fn possessive_apostrophes() {
    check(
        "The unions’ demands grew. Officials’ replies did not.",
        &["The unions’ demands grew.", "Officials’ replies did not."],
    );
}

#[test]
fn brackets() {
    check(
        "The mayor and the envoy in Lisk. (Photo: R. Amsel/Wire)",
        &["The mayor and the envoy in Lisk. (Photo: R. Amsel/Wire)"],
    );
    check(
        "He chairs the board (He was a judge before.) in Varn.",
        &["He chairs the board (He was a judge before.) in Varn."],
    );
    check(
        "(*This is an unofficial translation. The original is in Sylvanian.)",
        &[
            "(*This is an unofficial translation.",
            "The original is in Sylvanian.)",
        ],
    );
}

#[test]
fn ellipses() {
    check(
        "We waited... and waited. Then it came… Nothing more.",
        &["We waited... and waited.", "Then it came…", "Nothing more."],
    );
    check(
        "It was not . . . I mean, it was late. . . . Then dawn came.",
        &[
            "It was not . . . I mean, it was late.",
            ". . . Then dawn came.",
        ],
    );
    check(
        "The end came . . . . After that, silence.",
        &["The end came . . . .", "After that, silence."],
    );
}

#[test]
fn doubled_punctuation_and_exclamations_inside_names() {
    check("Really?! Yes!! Go.", &["Really?!", "Yes!!", "Go."]);
    check(
        "He works at Zoop! in sales.",
        &["He works at Zoop! in sales."],
    );
}

#[test]
fn glued_sentences_and_addresses() {
    check(
        "Talks ended.The envoys left.Mr. Kay paid 2,000.That was all.",
        &[
            "Talks ended.",
            "The envoys left.",
            "Mr. Kay paid 2,000.",
            "That was all.",
        ],
    );
    check(
        "Write to Ann.Lee@example.org. See https://example.org/a.b.html. Done.",
        &[
            "Write to Ann.Lee@example.org.",
            "See https://example.org/a.b.html.",
            "Done.",
        ],
    );
}

#[test]
fn lists() {
    check(
        "1. Open the border 2. Free the crew 3. Meet again",
        &["1. Open the border", "2. Free the crew", "3. Meet again"],
    );
    check(
        "1) Open the border. 2) Free the crew.",
        &["1) Open the border.", "2) Free the crew."],
    );
    check(
        "a. First point b. Second point",
        &["a. First point", "b. Second point"],
    );
    check(
        "• 4. First point • 5. Second point",
        &["• 4. First point", "• 5. Second point"],
    );
}

#[test]
fn lines_without_final_punctuation_are_units() {
    check(
        "Freedonia and Sylvania resume talks\nMinisters meet in Varn\nMONDAY, March 3\nThe talks began. They ended.\nSource: Wire",
        &[
            "Freedonia and Sylvania resume talks",
            "Ministers meet in Varn",
            "MONDAY, March 3",
            "The talks began.",
            "They ended.",
            "Source: Wire",
        ],
    );
}

#[test]
fn soft_wrapped_lines() {
    check(
        "The ministers agreed\nto meet again. They left.",
        &["The ministers agreed\nto meet again.", "They left."],
    );
}

#[test]
fn cjk_terminals() {
    check(
        "会談は終わった。次は来月。",
        &["会談は終わった。", "次は来月。"],
    );
}

#[test]
fn paragraphs_contain_their_sentences() {
    let text = "Head\n\nOne. Two.\nThree.";
    let seg = segment(text, 0);
    assert_eq!(seg.paragraphs.len(), 3);
    let paras: Vec<usize> = seg.sentences.iter().map(|s| s.paragraph).collect();
    assert_eq!(paras, [0, 1, 1, 2]);
}

#[test]
fn body_start_is_respected() {
    let text = "+++\ntitle = \"x\"\n+++\nA line. Another.";
    let seg = segment(text, text.find("A line").unwrap());
    assert_eq!(seg.sentences.len(), 2);
    assert_eq!(
        &text[seg.sentences[0].start..seg.sentences[0].end],
        "A line."
    );
    assert!(segment(text, 999).sentences.is_empty());
}

#[test]
fn huge_paragraph_without_a_full_stop_is_fast() {
    let text = "word ".repeat(400_000) + &"x".repeat(1_000_000) + &"a.".repeat(200_000);
    let start = std::time::Instant::now();
    let seg = segment(&text, 0);
    assert_eq!(seg.paragraphs.len(), 1);
    // Not a timing assertion: a quadratic algorithm simply would not finish in test time.
    let _ = start.elapsed();
}
