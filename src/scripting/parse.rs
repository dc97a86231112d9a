//! `bilateral parse`: the text layer as a scripting entry, CoNLL-U out.
//!
//! - `bilateral parse`: text on stdin → one CoNLL-U sentence block per sentence of the
//!   analysis' segmenter, tokenized by the text layer's tokenizer (`analysis/text`). Each block
//!   has `# sent_id = N` (from 1) and `# text = …` (the sentence with each run of whitespace
//!   written as one space), then ten columns per token: ID, FORM, LEMMA, UPOS, XPOS, `_`
//!   (FEATS), HEAD (0 for the root), DEPREL, `_` (DEPS), and MISC `SpaceAfter=No` when the
//!   next token of the sentence follows with no space (else `_`).
//! - `bilateral parse --conllu`: CoNLL-U on stdin → the same blocks with LEMMA, UPOS, XPOS,
//!   HEAD and DEPREL filled in from the model for the given words; every other line and
//!   column (comments, multiword-token ranges `3-4`, empty nodes `5.1`, FEATS, DEPS, MISC)
//!   is written back as read. This is the gold-token mode the scores are measured in.
//!
//! Malformed CoNLL-U is an error naming the line (exit 2 in `main`). Terminal controls in
//! the input are written as visible escapes (`crate::sanitize`), never as controls.

use crate::analysis::segment::segment;
use crate::analysis::text::{self, conllu};
use crate::sanitize::escape_controls;
use std::io::{self, Write};

/// Text mode: segments, tokenizes, annotates and writes CoNLL-U.
pub fn run_text(text: &str, out: &mut impl Write) -> io::Result<()> {
    let mut out = io::BufWriter::new(out);
    let seg = segment(text, 0);
    let mut id = 0usize;
    for span in &seg.sentences {
        let Some(sentence) = text.get(span.start..span.end) else {
            continue;
        };
        let tokens = text::annotate(sentence, 0);
        if tokens.is_empty() {
            continue;
        }
        id += 1;
        let one_line = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
        writeln!(out, "# sent_id = {id}")?;
        writeln!(out, "# text = {}", escape_controls(&one_line))?;
        for (i, t) in tokens.iter().enumerate() {
            let form = sentence
                .get(t.start as usize..t.end as usize)
                .unwrap_or("_");
            let head = t.head.map_or(0, |h| usize::from(h) + 1);
            let joined = tokens.get(i + 1).is_some_and(|next| next.start == t.end);
            let line = format!(
                "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t{}",
                i + 1,
                form,
                if t.lemma.is_empty() { "_" } else { &t.lemma },
                t.upos.as_str(),
                t.xpos,
                head,
                t.rel,
                if joined { "SpaceAfter=No" } else { "_" }
            );
            writeln!(out, "{}", escape_controls(&line))?;
        }
        writeln!(out)?;
    }
    out.flush()
}

/// Why `--conllu` mode failed.
#[derive(Debug, thiserror::Error)]
pub enum ParseError {
    /// The input is not well-formed CoNLL-U.
    #[error(transparent)]
    Input(conllu::ConlluError),
    /// Writing failed.
    #[error(transparent)]
    Output(#[from] io::Error),
}

/// `--conllu` mode: keeps the tokens, fills in the predicted columns.
pub fn run_conllu(input: &str, out: &mut impl Write) -> Result<(), ParseError> {
    let sentences = conllu::read(input).map_err(ParseError::Input)?;
    let mut out = io::BufWriter::new(out);
    for mut sentence in sentences {
        let forms: Vec<String> = sentence.words().map(|w| w[conllu::FORM].clone()).collect();
        let words: Vec<&str> = forms.iter().map(String::as_str).collect();
        let annotations = text::annotate_words(&words);
        for (cols, a) in sentence.words_mut().zip(&annotations) {
            cols[conllu::LEMMA] = if a.lemma.is_empty() {
                "_".to_string()
            } else {
                a.lemma.to_string()
            };
            cols[conllu::UPOS] = a.upos.as_str().to_string();
            cols[conllu::XPOS] = a.xpos.to_string();
            cols[conllu::HEAD] = a.head.map_or(0, |h| usize::from(h) + 1).to_string();
            cols[conllu::DEPREL] = a.rel.to_string();
        }
        let mut block = Vec::new();
        sentence.write(&mut block)?;
        out.write_all(escape_controls(&String::from_utf8_lossy(&block)).as_bytes())?;
    }
    out.flush()?;
    Ok(())
}
