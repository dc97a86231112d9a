//! Reading and writing CoNLL-U, the format of the Universal Dependencies treebanks.
//!
//! Used twice: by `bilateral parse --conllu` (keep the input's tokens, fill in the columns
//! the model predicts) and by the training and scoring programs (read the treebanks). So the
//! reader keeps every line it does not interpret (comments, multiword-token ranges `3-4`,
//! empty nodes `5.1`) exactly as given, and checks only what the filling-in relies on: ten
//! tab-separated columns per word line and word IDs that count up from 1 in each sentence.
//! A malformed line is an error naming its line number, never a panic.

/// One line of a sentence block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    /// A `#` comment, kept as written.
    Comment(String),
    /// A multiword-token range (`3-4`) or an empty node (`5.1`): kept as written.
    Other(String),
    /// A word line: its ten columns.
    Word(Vec<String>),
}

/// One sentence: its lines in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sentence {
    pub lines: Vec<Line>,
}

/// Column numbers of a word line (0-based).
pub const ID: usize = 0;
pub const FORM: usize = 1;
pub const LEMMA: usize = 2;
pub const UPOS: usize = 3;
pub const XPOS: usize = 4;
pub const HEAD: usize = 6;
pub const DEPREL: usize = 7;
pub const MISC: usize = 9;

/// A malformed CoNLL-U input: the line it was found on and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("CoNLL-U line {line}: {kind}")]
pub struct ConlluError {
    /// 1-based line number.
    pub line: usize,
    pub kind: ConlluErrorKind,
}

/// What is wrong with a malformed CoNLL-U line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConlluErrorKind {
    /// A line that is not blank or a comment has other than ten tab-separated columns.
    #[error("expected 10 tab-separated columns, found {found}")]
    Columns { found: usize },
    /// A range or empty-node ID that is not `N-M` or `N.M`.
    #[error("malformed ID (expected N, N-M or N.M)")]
    MalformedId,
    /// A word ID that is not the next in the sentence (they count up from 1).
    #[error("expected word ID {expected}")]
    WordId { expected: usize },
}

impl Sentence {
    /// The word lines' columns, in order.
    pub fn words(&self) -> impl Iterator<Item = &Vec<String>> {
        self.lines.iter().filter_map(|l| match l {
            Line::Word(cols) => Some(cols),
            _ => None,
        })
    }

    /// Mutable word lines, in order.
    pub fn words_mut(&mut self) -> impl Iterator<Item = &mut Vec<String>> {
        self.lines.iter_mut().filter_map(|l| match l {
            Line::Word(cols) => Some(cols),
            _ => None,
        })
    }

    /// Writes the block followed by its blank line.
    pub fn write(&self, out: &mut impl std::io::Write) -> std::io::Result<()> {
        for line in &self.lines {
            match line {
                Line::Comment(text) | Line::Other(text) => writeln!(out, "{text}")?,
                Line::Word(cols) => writeln!(out, "{}", cols.join("\t"))?,
            }
        }
        writeln!(out)
    }
}

/// Parses a whole CoNLL-U text.
pub fn read(text: &str) -> Result<Vec<Sentence>, ConlluError> {
    let mut sentences = Vec::new();
    let mut current = Sentence::default();
    let mut next_id = 1usize;
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() {
            if !current.lines.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            next_id = 1;
            continue;
        }
        if line.starts_with('#') {
            current.lines.push(Line::Comment(line.to_string()));
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(ConlluError {
                line: line_no,
                kind: ConlluErrorKind::Columns { found: cols.len() },
            });
        }
        let id = cols[ID];
        if id.contains('-') || id.contains('.') {
            let well_formed = id
                .split(['-', '.'])
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
            if !well_formed {
                return Err(ConlluError {
                    line: line_no,
                    kind: ConlluErrorKind::MalformedId,
                });
            }
            current.lines.push(Line::Other(line.to_string()));
            continue;
        }
        if id.parse::<usize>().ok() != Some(next_id) {
            return Err(ConlluError {
                line: line_no,
                kind: ConlluErrorKind::WordId { expected: next_id },
            });
        }
        next_id += 1;
        current
            .lines
            .push(Line::Word(cols.iter().map(|c| c.to_string()).collect()));
    }
    if !current.lines.is_empty() {
        sentences.push(current);
    }
    Ok(sentences)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_back_unchanged() {
        let text = "# text = I'm here\n1-2\tI'm\t_\t_\t_\t_\t_\t_\t_\t_\n1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n2\t'm\tbe\tAUX\tVBP\t_\t3\tcop\t_\t_\n3\there\there\tADV\tRB\t_\t0\troot\t_\t_\n\n";
        let s = read(text).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].words().count(), 3);
        let mut out = Vec::new();
        s[0].write(&mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), text);
    }

    #[test]
    fn malformed_lines_are_errors() {
        let word = |id: &str| format!("{id}\ta\t_\t_\t_\t_\t_\t_\t_\t_\n");
        let cases = [
            (
                "1\ta\n".to_string(),
                1,
                ConlluErrorKind::Columns { found: 2 },
                "CoNLL-U line 1: expected 10 tab-separated columns, found 2",
            ),
            (
                format!("# c\n{}\n{}{}", word("1"), word("1"), word("3")),
                5,
                ConlluErrorKind::WordId { expected: 2 },
                "CoNLL-U line 5: expected word ID 2",
            ),
            (
                word("1-x"),
                1,
                ConlluErrorKind::MalformedId,
                "CoNLL-U line 1: malformed ID (expected N, N-M or N.M)",
            ),
        ];
        for (text, line, kind, message) in cases {
            let err = read(&text).unwrap_err();
            assert_eq!(err, ConlluError { line, kind }, "{text:?}");
            assert_eq!(err.to_string(), message);
        }
        assert!(read("").unwrap().is_empty());
    }
}
