//! The text layer: one tokenizer, and a tagger, lemmatizer and dependency parser trained on
//! Universal Dependencies treebanks, behind a small interface.
//!
//! Why it exists: who said or did what is read from the tree (the subject of the main verb,
//! the agent of a passive, the object of "according to"), not from word lists that imitate
//! syntax, and every stage should read the same tokens. [`annotate`] turns one sentence into
//! [`Token`]s: byte spans, UPOS and Penn tags, lower-case lemma, head and UD relation.
//!
//! - `tokenize.rs`: the tokenizer (UD English EWT conventions), the one every stage reads:
//!   [`annotate`] tags and parses its tokens, and stages that need no tree read
//!   [`tokenize`] alone (the timeline's dates, alignment's topic words);
//! - `tagger.rs`: averaged-perceptron tagger (joint UPOS + XPOS);
//! - `missing_verb.rs`: a clause's verb, when the tagger reads a headline with no verb or a
//!   sentence with no finite verb;
//! - `lemma.rs`: lemma table and learnt suffix rules;
//! - `parser.rs`: greedy arc-hybrid parser with an averaged perceptron;
//! - `tree_repair.rs`: mends one impossible tree the greedy parser makes (a sentence-initial
//!   adjective left as the root);
//! - `model.rs`: the binary model, read in place from the bytes compiled into the binary;
//! - `hash.rs`: the feature hashing shared with the training program;
//! - `conllu.rs`: CoNLL-U reading and writing (`bilateral parse --conllu`, training).
//!
//! The model (`assets/syntax/model.bin`) is made by `examples/train_syntax.rs` from UD English
//! EWT and the open part of GUM (see `assets/syntax/NOTICE` for the licences):
//! `cargo run --release --example train_syntax -- ../shared/corpora/ud-english 15
//! assets/syntax/model.bin 12` (the example's doc explains the arguments). It is
//! parsed on first use (a few headers; the weight tables are used where they lie), so
//! start-up stays instant.
//!
//! Indices: a token's `head` is the index of its head in the same `Vec<Token>` (0-based),
//! `None` for the sentence's root. Very long sentences are parsed in chunks of
//! [`MAX_PARSE`] tokens, each with its own root (so a sentence may then have several
//! `None` heads); a head whose index would not fit in `u16` is `None` too, with relation
//! `dep`. Nothing here panics on any input; if the model could not be read (it is compiled
//! in, so only a broken build could cause that), tokens come back with UPOS `X`, Penn tag
//! `_`, relation `dep` and no heads.

pub mod conllu;
pub mod hash;
pub mod lemma;
pub mod missing_verb;
pub mod model;
pub mod parser;
pub mod tagger;
pub mod tokenize;
pub mod tree_repair;

use model::{Model, ModelError};
use std::sync::LazyLock;
use tagger::WordInfo;

/// Longest run of tokens parsed as one tree; longer sentences are cut into such chunks.
pub const MAX_PARSE: usize = 2048;

/// Bytes aligned to a cache line (so the model's weight tables line up with the cache).
#[repr(C, align(64))]
struct Aligned<T: ?Sized>(T);

static ALIGNED_MODEL: &Aligned<[u8]> =
    &Aligned(*include_bytes!("../../../assets/syntax/model.bin"));

/// The shipped model's bytes.
static MODEL_BYTES: &[u8] = &ALIGNED_MODEL.0;

static MODEL: LazyLock<Result<Model<'static>, ModelError>> =
    LazyLock::new(|| Model::parse(MODEL_BYTES));

/// The shipped model, read on first use.
pub fn model() -> Result<&'static Model<'static>, &'static ModelError> {
    MODEL.as_ref()
}

/// The 17 universal part-of-speech tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Upos {
    Adj,
    Adp,
    Adv,
    Aux,
    Cconj,
    Det,
    Intj,
    Noun,
    Num,
    Part,
    Pron,
    Propn,
    Punct,
    Sconj,
    Sym,
    Verb,
    X,
}

const UPOS: [(Upos, &str); 17] = [
    (Upos::Adj, "ADJ"),
    (Upos::Adp, "ADP"),
    (Upos::Adv, "ADV"),
    (Upos::Aux, "AUX"),
    (Upos::Cconj, "CCONJ"),
    (Upos::Det, "DET"),
    (Upos::Intj, "INTJ"),
    (Upos::Noun, "NOUN"),
    (Upos::Num, "NUM"),
    (Upos::Part, "PART"),
    (Upos::Pron, "PRON"),
    (Upos::Propn, "PROPN"),
    (Upos::Punct, "PUNCT"),
    (Upos::Sconj, "SCONJ"),
    (Upos::Sym, "SYM"),
    (Upos::Verb, "VERB"),
    (Upos::X, "X"),
];

impl Upos {
    /// The tag as UD writes it (`"NOUN"`).
    pub fn as_str(&self) -> &'static str {
        UPOS[*self as usize].1
    }

    /// The tag written as UD writes it.
    pub fn parse(name: &str) -> Option<Upos> {
        UPOS.iter().find(|(_, n)| *n == name).map(|(u, _)| *u)
    }

    /// The tag with this number (its position in the list above).
    pub fn from_index(i: u8) -> Option<Upos> {
        UPOS.get(usize::from(i)).map(|(u, _)| *u)
    }
}

/// One annotated token of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the token into the text given to [`annotate`], plus `base`.
    pub start: u32,
    pub end: u32,
    pub upos: Upos,
    /// Penn Treebank tag.
    pub xpos: &'static str,
    /// Lower-case lemma.
    pub lemma: Box<str>,
    /// Index of the head token in the same sentence; `None` for the root.
    pub head: Option<u16>,
    /// UD relation with its subtype (`"nsubj:pass"`, `"root"`).
    pub rel: &'static str,
}

impl Token {
    /// The universal part of the relation (`"nsubj"` for `"nsubj:pass"`).
    pub fn rel_base(&self) -> &'static str {
        self.rel.split(':').next().unwrap_or(self.rel)
    }
}

/// What the model says of one given word (`annotate_words`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotation {
    pub upos: Upos,
    pub xpos: &'static str,
    pub lemma: Box<str>,
    pub head: Option<u16>,
    pub rel: &'static str,
}

/// Token spans of `text` (see `tokenize.rs` for the conventions).
pub fn tokenize(text: &str) -> Vec<(u32, u32)> {
    tokenize::tokenize(text)
}

/// [`tokenize`] into `out`, its contents replaced (a caller reading many texts allocates once).
pub fn tokenize_into(text: &str, out: &mut Vec<(u32, u32)>) {
    tokenize::tokenize_into(text, out);
}

/// How a sentence is written (`missing_verb.rs` says how prose and headlines are given a verb
/// the tagger missed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Register {
    /// Text of any kind, as the treebanks hold (forum posts and reviews with fragments): the
    /// tagger's reading stands.
    #[default]
    Running,
    /// Edited prose, an article's body: a sentence with no finite verb is a tagging error more
    /// often than a fragment.
    Prose,
    /// A headline: articles and auxiliaries dropped.
    Headline,
}

/// Tokenizes, tags, lemmatizes and parses one sentence of running text; offsets are shifted
/// by `base`.
pub fn annotate(text: &str, base: u32) -> Vec<Token> {
    annotate_as(text, base, Register::Running)
}

/// [`annotate`] for a sentence written in `register`.
pub fn annotate_as(text: &str, base: u32, register: Register) -> Vec<Token> {
    let spans = tokenize::tokenize(text);
    let words: Vec<&str> = spans
        .iter()
        .map(|&(s, e)| text.get(s as usize..e as usize).unwrap_or(""))
        .collect();
    annotate_words_as(model().ok(), &words, register)
        .into_iter()
        .zip(spans)
        .map(|(a, (s, e))| Token {
            start: s.saturating_add(base),
            end: e.saturating_add(base),
            upos: a.upos,
            xpos: a.xpos,
            lemma: a.lemma,
            head: a.head,
            rel: a.rel,
        })
        .collect()
}

/// Most threads [`annotate_many`] uses.
const MAX_THREADS: usize = 8;

/// Fewest bytes a thread of [`annotate_many`] is given: below it, starting a thread costs
/// more than it saves.
const MIN_BYTES_PER_THREAD: usize = 2_048;

/// [`annotate_as`] on many sentences (`(text, base, register)` each), the result in the same
/// order.
/// The sentences are split into contiguous runs of about equal size, one per core (up to
/// [`MAX_THREADS`]), annotated side by side: each sentence is annotated on its own, so the
/// result is the same as one by one.
pub fn annotate_many(sentences: &[(&str, u32, Register)]) -> Vec<Vec<Token>> {
    let bytes: usize = sentences.iter().map(|(t, _, _)| t.len()).sum();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let threads = cores
        .min(MAX_THREADS)
        .min(bytes / MIN_BYTES_PER_THREAD)
        .min(sentences.len())
        .max(1);
    if threads == 1 {
        return sentences
            .iter()
            .map(|&(t, b, r)| annotate_as(t, b, r))
            .collect();
    }
    // cut points: contiguous runs of about bytes / threads each
    let share = bytes.div_ceil(threads);
    let mut runs: Vec<&[(&str, u32, Register)]> = Vec::with_capacity(threads);
    let (mut from, mut size) = (0, 0);
    for (k, (t, _, _)) in sentences.iter().enumerate() {
        size += t.len();
        if size >= share && runs.len() + 1 < threads {
            runs.push(&sentences[from..=k]);
            (from, size) = (k + 1, 0);
        }
    }
    runs.push(&sentences[from..]);
    // the model is read-only and shared; each thread owns its sentences' tokens
    let _ = model();
    std::thread::scope(|scope| {
        let handles: Vec<_> = runs
            .iter()
            .map(|run| {
                scope.spawn(move || {
                    run.iter()
                        .map(|&(t, b, r)| annotate_as(t, b, r))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// The features' view of each word, its cluster filled in from `model`.
pub fn word_infos(model: &Model<'_>, words: &[&str]) -> Vec<WordInfo> {
    let mut infos: Vec<WordInfo> = words.iter().map(|w| WordInfo::new(w)).collect();
    set_clusters(&model.clusters, &mut infos);
    infos
}

/// Fills in each word's cluster from the model's table (the tagger's and the parser's
/// features read it).
pub fn set_clusters(clusters: &model::Clusters<'_>, infos: &mut [WordInfo]) {
    if clusters.is_empty() {
        return;
    }
    for info in infos {
        info.cluster = clusters
            .get(info.norm)
            .map_or(tagger::NO_CLUSTER, u64::from);
    }
}

/// Tags, lemmatizes and parses a sentence given as words (gold tokens).
pub fn annotate_words(words: &[&str]) -> Vec<Annotation> {
    annotate_words_with(model().ok(), words)
}

/// [`annotate_words`] with a given model (the scoring program's way to try a new one).
pub fn annotate_words_with(model: Option<&Model<'static>>, words: &[&str]) -> Vec<Annotation> {
    annotate_words_as(model, words, Register::Running)
}

/// [`annotate_words_with`] for a sentence written in `register`.
pub fn annotate_words_as(
    model: Option<&Model<'static>>,
    words: &[&str],
    register: Register,
) -> Vec<Annotation> {
    let Some(model) = model else {
        return words
            .iter()
            .map(|w| Annotation {
                upos: Upos::X,
                xpos: "_",
                lemma: w.to_lowercase().into_boxed_str(),
                head: None,
                rel: "dep",
            })
            .collect();
    };
    let infos = word_infos(model, words);
    let tags = missing_verb::tag(model, words, &infos, register);
    let root = model.labels.iter().position(|l| *l == "root").unwrap_or(0) as u8;
    let mut out = Vec::with_capacity(words.len());
    for (chunk, (infos, tags)) in infos
        .chunks(MAX_PARSE)
        .zip(tags.chunks(MAX_PARSE))
        .enumerate()
    {
        let offset = chunk * MAX_PARSE;
        let arcs = parser::parse(model, root, infos, tags);
        let at = out.len();
        for (i, &(head, label)) in arcs.iter().enumerate() {
            let k = offset + i;
            let tag = tags.get(i).copied().unwrap_or(0);
            let (upos, xpos) = model
                .tags
                .get(usize::from(tag))
                .copied()
                .unwrap_or((Upos::X, "_"));
            let lower = words.get(k).map_or_else(String::new, |w| w.to_lowercase());
            let lemma = lemma::lemma_cached(&model.lemmas, &model.rules, &lower, tag);
            let (head, rel) = if usize::from(head) >= infos.len() {
                (None, "root")
            } else {
                match u16::try_from(offset + usize::from(head)) {
                    Ok(h) => (
                        Some(h),
                        model
                            .labels
                            .get(usize::from(label))
                            .copied()
                            .unwrap_or("dep"),
                    ),
                    Err(_) => (None, "dep"),
                }
            };
            out.push(Annotation {
                upos,
                xpos,
                lemma,
                head,
                rel,
            });
        }
        if chunk == 0 {
            tree_repair::adjective_root(&mut out[at..]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotating_many_sentences_at_once_gives_each_its_own_tree_in_order() {
        // enough text for several threads on a machine with several cores; sentences of
        // different lengths so that a shifted or reordered result cannot match
        let shapes = [
            "The minister said the talks would resume in March.",
            "Brun rejected the offer.",
            "Officials from both countries explored ways to expand trade and to ease the rules on visas for students.",
            "“We will not sign,” the envoy told reporters on Tuesday.",
        ];
        let texts: Vec<String> = (0..160)
            .map(|i| format!("{} ({i})", shapes[i % shapes.len()]))
            .collect();
        let mut base = 0u32;
        let items: Vec<(&str, u32, Register)> = texts
            .iter()
            .map(|t| {
                let item = (t.as_str(), base, Register::Running);
                base += t.len() as u32 + 1;
                item
            })
            .collect();
        let many = annotate_many(&items);
        assert_eq!(many.len(), items.len());
        for (&(text, base, _), got) in items.iter().zip(&many) {
            assert_eq!(got, &annotate(text, base));
        }
    }
}
