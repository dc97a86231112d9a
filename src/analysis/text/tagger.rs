//! The part-of-speech tagger: a greedy, left-to-right averaged perceptron.
//!
//! Each token gets one joint class, a UPOS tag and a Penn Treebank tag together (the pairs
//! seen in training, about a hundred), so the two never disagree. The features are the
//! classic ones of Collins (2002) and Ratnaparkhi (1996): the word, its lower-case form with
//! digits folded to `0`, its prefixes (1–3) and suffixes (1–4), its shape (`Xx`, `d.d`), the
//! words two either side, the two previous predicted tags, and a few conjunctions; and the
//! word clusters of the word and its neighbours (the parser's, learnt from unlabeled text by
//! the training program: a word seen a few times in the treebanks gets its tag from the words
//! that share its contexts). The
//! decoder is greedy (no beam), which costs a few tenths of a point against a Viterbi search
//! and keeps tagging at a few hundred thousand tokens per second.
//!
//! Tagging runs in two passes. The first sees only the tags to its left (its own earlier
//! decisions); the second ([`features_second`]) also sees the first pass's tags of the words
//! to its right and of the word itself, which settles the cases the left context cannot
//! ("that" before a noun or a verb, a past participle after a noun); it also sees how many
//! finite verbs the first pass found on either side ([`verb_context`]), which tells a
//! sentence's only verb in the past (VBD) from a participle or an adjective. The second pass
//! was
//! trained on first-pass tags made by jackknifing (each quarter of the training data tagged
//! by a first pass that never saw it), so it learnt how far to trust them.
//!
//! The second pass does not look again at a word the first pass is sure of (its best tag
//! leads the runner-up by [`SURE`]: "the", a comma, most words), which saves two thirds of
//! its work and changes no tag on EWT dev.
//!
//! The bias, the previous tags, the clusters and the first pass's tags ([`SMALL`]) are
//! added from decoded rows ([`dense_rows`]) rather than looked up, as in the parser.
//!
//! [`features`] and [`features_second`] are shared with the training program: the training program and this decoder
//! must see exactly the same features (`hash.rs` explains why).

use super::hash::{self, f1, f2, f3};
use super::model::{self, Dense, Model, Table};

/// No tag (before the start of the sentence).
pub const NO_TAG: u8 = 255;

/// What the features need of one token, computed once per token.
#[derive(Debug, Clone, Copy, Default)]
pub struct WordInfo {
    /// Lower case, digits folded to `0`.
    pub norm: u64,
    /// As written.
    pub form: u64,
    pub shape: u64,
    pub prefix: [u64; 3],
    pub suffix: [u64; 4],
    /// The word's distributional cluster ([`NO_CLUSTER`] until the model's cluster table
    /// is consulted, see `model::Clusters`); read by the tagger and the parser.
    pub cluster: u64,
}

/// The cluster atom of a word the model has no cluster for.
pub const NO_CLUSTER: u64 = 0xffff;

const NONE: u64 = 0x5eed_0000_0000_0001;

impl WordInfo {
    /// The features' view of one word.
    pub fn new(form: &str) -> WordInfo {
        let norm: String = form
            .chars()
            .flat_map(char::to_lowercase)
            .map(|c| if c.is_ascii_digit() { '0' } else { c })
            .collect();
        let chars: Vec<(usize, char)> = norm.char_indices().collect();
        let n = chars.len();
        let mut prefix = [NONE; 3];
        let mut suffix = [NONE; 4];
        for k in 1..=3 {
            if k <= n {
                let end = chars.get(k).map_or(norm.len(), |c| c.0);
                prefix[k - 1] = hash::str(&norm[..end]);
            }
        }
        for k in 1..=4 {
            if k <= n {
                suffix[k - 1] = hash::str(&norm[chars[n - k].0..]);
            }
        }
        WordInfo {
            norm: hash::str(&norm),
            form: hash::str(form),
            shape: shape(form),
            prefix,
            suffix,
            cluster: NO_CLUSTER,
        }
    }
}

/// A word's shape: upper-case → `X`, lower-case → `x`, digit → `d`, others kept; runs of one
/// kind collapsed, at most 8 symbols.
fn shape(form: &str) -> u64 {
    let mut out = [0u8; 8];
    let mut len = 0;
    let mut last = 0u8;
    for c in form.chars() {
        let s = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_numeric() {
            b'd'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'*'
        };
        if s != last && len < out.len() {
            out[len] = s;
            len += 1;
        }
        last = s;
    }
    hash::bytes(&out[..len])
}

fn word(words: &[WordInfo], i: isize) -> Option<&WordInfo> {
    usize::try_from(i).ok().and_then(|i| words.get(i))
}

/// The one-atom templates whose atom is a small number: the bias (atom 0), the previous two
/// tags, the clusters of the word and its neighbours; in the second pass also the first
/// pass's tags of the word and the next. They are in every token's features and have a
/// weight for most tags (the bias for all of them), so the decoder keeps their rows decoded
/// (`Model::tagger_rows`) for every atom below [`SMALL_ATOMS`] and adds them without a
/// look-up. The first pass has the first [`FIRST_SMALL`].
pub const SMALL: [u64; 8] = [0, 15, 25, 30, 31, 32, 40, 41];
/// How many of [`SMALL`] are first-pass templates.
pub const FIRST_SMALL: usize = 6;
/// The atoms of [`SMALL`] templates kept as dense rows: `0..SMALL_ATOMS` (every tag and
/// cluster; a missing neighbour or an unclustered word is looked up).
pub const SMALL_ATOMS: u64 = 256;

/// The features of token `i`, given the two previous predicted tags.
pub fn features(words: &[WordInfo], i: usize, p1: u8, p2: u8, out: &mut Vec<u64>) {
    let mut small = [0u64; SMALL.len()];
    if features_split(words, i, p1, p2, out, &mut small) {
        out.extend(
            SMALL[..FIRST_SMALL]
                .iter()
                .zip(small)
                .map(|(&t, a)| f1(t, a)),
        );
    }
}

/// [`features`]: the hashes of all templates but the [`SMALL`] ones in `out`, the atoms of
/// those in `small[..FIRST_SMALL]`; false (and no features) when there is no token `i`.
fn features_split(
    words: &[WordInfo],
    i: usize,
    p1: u8,
    p2: u8,
    out: &mut Vec<u64>,
    small: &mut [u64; SMALL.len()],
) -> bool {
    out.clear();
    let Some(w) = words.get(i) else { return false };
    let at = i as isize;
    let norm = |d: isize| word(words, at + d).map_or(NONE, |w| w.norm);
    let (t1, t2) = (u64::from(p1), u64::from(p2));
    let cluster = |d: isize| word(words, at + d).map_or(NONE, |w| w.cluster);
    small[..FIRST_SMALL].copy_from_slice(&[0, t1, t2, w.cluster, cluster(-1), cluster(1)]);
    out.push(f1(1, w.norm));
    out.push(f1(2, w.form));
    for (k, s) in w.suffix.iter().enumerate() {
        out.push(f1(3 + k as u64, *s));
    }
    for (k, p) in w.prefix.iter().enumerate() {
        out.push(f1(7 + k as u64, *p));
    }
    out.push(f1(10, w.shape));
    out.push(f1(11, norm(-1)));
    out.push(f1(12, norm(1)));
    out.push(f1(13, norm(-2)));
    out.push(f1(14, norm(2)));
    out.push(f2(16, t2, t1));
    out.push(f2(17, t1, w.norm));
    out.push(f1(18, word(words, at - 1).map_or(NONE, |w| w.suffix[2])));
    out.push(f1(19, word(words, at + 1).map_or(NONE, |w| w.suffix[2])));
    out.push(f2(20, norm(-1), w.norm));
    out.push(f2(21, w.norm, norm(1)));
    out.push(f1(22, word(words, at + 1).map_or(NONE, |w| w.shape)));
    out.push(f1(23, word(words, at - 1).map_or(NONE, |w| w.shape)));
    out.push(f2(24, u64::from(i == 0), w.shape));
    out.push(f2(26, t1, w.suffix[2]));
    out.push(f3(27, t1, w.norm, norm(1)));
    out.push(f2(28, norm(1), norm(2)));
    out.push(f2(29, w.suffix[1], norm(1)));
    // word clusters (the parser's, `model::Clusters`): a rare word's tag from its cluster's;
    // the cluster alone, and its neighbours', are in `small`
    out.push(f2(33, t1, w.cluster));
    true
}

/// Index of the highest score (the first on ties).
pub fn argmax(scores: &[i32]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    best
}

/// Per token, how many other words the first pass tagged as finite verbs (`finite[tag]`:
/// VBD, VBZ, VBP, MD) to its left and to its right, each counted 0, 1 or "2 or more", as
/// `3 * left + right`. A past form with no finite verb around it is the sentence's verb
/// (VBD), one after a finite verb more often a participle (VBN); the word's own tag is left
/// out of its count.
pub fn verb_context(first: &[u8], finite: &[bool; 256]) -> Vec<u8> {
    let is = |t: u8| u8::from(finite[usize::from(t)]);
    let total: u32 = first.iter().map(|&t| u32::from(is(t))).sum();
    let mut left = 0u32;
    first
        .iter()
        .map(|&t| {
            let own = u32::from(is(t));
            let right = total - left - own;
            let c = 3 * left.min(2) + right.min(2);
            left += own;
            c as u8
        })
        .collect()
}

/// The second pass's features: the first pass's, plus the first-pass tags `first` around
/// and at token `i`, and the finite verbs around it (`context`, from [`verb_context`]).
#[allow(clippy::too_many_arguments)]
pub fn features_second(
    words: &[WordInfo],
    i: usize,
    p1: u8,
    p2: u8,
    first: &[u8],
    context: &[u8],
    out: &mut Vec<u64>,
) {
    let mut small = [0u64; SMALL.len()];
    if features_second_split(words, i, p1, p2, first, context, out, &mut small) {
        out.extend(SMALL.iter().zip(small).map(|(&t, a)| f1(t, a)));
    }
}

/// [`features_second`] split as [`features_split`] splits [`features`], all of `small`
/// filled.
#[allow(clippy::too_many_arguments)]
fn features_second_split(
    words: &[WordInfo],
    i: usize,
    p1: u8,
    p2: u8,
    first: &[u8],
    context: &[u8],
    out: &mut Vec<u64>,
    small: &mut [u64; SMALL.len()],
) -> bool {
    if !features_split(words, i, p1, p2, out, small) {
        return false;
    }
    let Some(w) = words.get(i) else { return false };
    let tag = |k: usize| first.get(k).map_or(u64::from(NO_TAG), |&t| u64::from(t));
    let (f0, n1, n2) = (tag(i), tag(i + 1), tag(i + 2));
    let t1 = u64::from(p1);
    let c = context.get(i).map_or(9, |&c| u64::from(c));
    small[FIRST_SMALL..].copy_from_slice(&[f0, n1]);
    out.push(f2(50, c, f0));
    out.push(f3(51, c, f0, w.suffix[1]));
    out.push(f3(52, c, t1, f0));
    out.push(f2(53, c, w.norm));
    out.push(f2(42, n1, n2));
    out.push(f2(43, f0, w.norm));
    out.push(f2(44, n1, w.norm));
    out.push(f3(45, t1, f0, n1));
    out.push(f2(46, f0, w.suffix[2]));
    out.push(f2(47, t1, n1));
    out.push(f2(48, n1, w.suffix[1]));
    out.push(f2(
        49,
        n1,
        word(words, i as isize + 1).map_or(NONE, |w| w.norm),
    ));
    true
}

/// The rows of the [`SMALL`] templates of a pass (`second`: all of them, else the first
/// [`FIRST_SMALL`]), template after template, atom after atom: row `k * SMALL_ATOMS + a`
/// holds the weights of `f1(SMALL[k], a)`.
pub fn dense_rows(table: &Table<'_>, n_tags: usize, second: bool) -> Option<Dense> {
    let templates = if second {
        &SMALL[..]
    } else {
        &SMALL[..FIRST_SMALL]
    };
    let features = templates
        .iter()
        .flat_map(|&t| (0..SMALL_ATOMS).map(move |a| f1(t, a)));
    table.dense(features, n_tags)
}

/// The model's rows of the first pass ([`dense_rows`]), decoded on first use.
pub fn first_rows<'m>(model: &'m Model<'_>) -> Option<&'m Dense> {
    model
        .tagger_rows
        .get_or_init(|| dense_rows(&model.tagger, model.tags.len(), false))
        .as_ref()
}

/// The model's rows of the second pass, decoded on first use.
pub fn second_rows<'m>(model: &'m Model<'_>) -> Option<&'m Dense> {
    model
        .tagger2_rows
        .get_or_init(|| dense_rows(&model.tagger2, model.tags.len(), true))
        .as_ref()
}

/// One greedy pass over the sentence; `first` is the first pass's tags for a second pass,
/// `finite` which tag classes are finite verbs; `rows` the pass's [`dense_rows`], if it has
/// them (the tags are the same without, found more slowly).
pub fn pass(
    table: &Table<'_>,
    rows: Option<&Dense>,
    n_tags: usize,
    words: &[WordInfo],
    first: Option<&[u8]>,
    finite: &[bool; 256],
) -> Vec<u8> {
    pass_with(table, rows, n_tags, words, first, finite, None, |_, _| {})
}

/// [`pass`] with token `forced.0` given the tag `forced.1` (the tags after it are chosen
/// knowing it); `seen` gets each token's scores, in order.
#[allow(clippy::too_many_arguments)]
pub fn pass_with(
    table: &Table<'_>,
    rows: Option<&Dense>,
    n_tags: usize,
    words: &[WordInfo],
    first: Option<&[u8]>,
    finite: &[bool; 256],
    forced: Option<(usize, u8)>,
    seen: impl FnMut(usize, &[i32]),
) -> Vec<u8> {
    run(
        table, rows, n_tags, words, first, finite, forced, None, seen,
    )
}

/// [`pass_with`]; in a second pass, the tokens that `sure` marks keep their first-pass tag
/// without being scored (and `seen` does not get them).
#[allow(clippy::too_many_arguments)]
fn run(
    table: &Table<'_>,
    rows: Option<&Dense>,
    n_tags: usize,
    words: &[WordInfo],
    first: Option<&[u8]>,
    finite: &[bool; 256],
    forced: Option<(usize, u8)>,
    sure: Option<&[bool]>,
    mut seen: impl FnMut(usize, &[i32]),
) -> Vec<u8> {
    let context = first.map_or_else(Vec::new, |f| verb_context(f, finite));
    let small_templates = if first.is_some() {
        &SMALL[..]
    } else {
        &SMALL[..FIRST_SMALL]
    };
    let rows = rows.filter(|r| r.len() >= small_templates.len() * SMALL_ATOMS as usize);
    let mut tags = Vec::with_capacity(words.len());
    let mut feats = Vec::with_capacity(48);
    let mut small = [0u64; SMALL.len()];
    let mut scores = vec![0i32; n_tags];
    let (mut p1, mut p2) = (NO_TAG, NO_TAG);
    for i in 0..words.len() {
        let kept = sure
            .filter(|s| s.get(i) == Some(&true))
            .and(first.and_then(|f| f.get(i)));
        if let Some(&t) = kept {
            tags.push(t);
            p2 = p1;
            p1 = t;
            continue;
        }
        match first {
            Some(first) => {
                features_second_split(words, i, p1, p2, first, &context, &mut feats, &mut small)
            }
            None => features_split(words, i, p1, p2, &mut feats, &mut small),
        };
        model::score(
            table,
            rows,
            small_templates,
            &small,
            SMALL_ATOMS,
            &mut feats,
            &mut scores,
        );
        seen(i, &scores);
        let t = match forced {
            Some((at, tag)) if at == i => tag,
            _ => u8::try_from(argmax(&scores)).unwrap_or(0),
        };
        tags.push(t);
        p2 = p1;
        p1 = t;
    }
    tags
}

/// Tags a sentence with the model's tagger: one joint class per word. The second pass is
/// skipped when its table is empty, and for the words the first pass is sure of (a lead of
/// [`SURE`] over the runner-up).
pub fn tag(model: &Model<'_>, words: &[WordInfo]) -> Vec<u8> {
    tag_with(model, words, SURE)
}

/// How far the first pass's best tag must lead the runner-up for the second pass to keep it
/// without a look. Chosen on EWT dev with the shipped model (weights scaled to ±32 000): at
/// 30 000, 70 % of the words keep their first-pass tag and UPOS, UAS and LAS there do not
/// move (at 25 000, 78 %, still none; at 20 000, 84 %, UPOS −0.02, LAS −0.04). A retrained
/// model's leads differ: choose it again (the first pass's leads are [`lead`]).
pub const SURE: i32 = 30_000;

/// [`tag`] with another lead for "sure" (`i32::MAX`: the second pass reads every word).
pub fn tag_with(model: &Model<'_>, words: &[WordInfo], sure: i32) -> Vec<u8> {
    let n_tags = model.tags.len();
    let (first, second) = (&model.tagger, &model.tagger2);
    let mut keep = Vec::with_capacity(words.len());
    let tags = pass_with(
        first,
        first_rows(model),
        n_tags,
        words,
        None,
        &model.finite,
        None,
        |_, scores| keep.push(lead(scores) >= sure),
    );
    if second.capacity() == 0 {
        return tags;
    }
    let rows = second_rows(model);
    let finite = &model.finite;
    run(
        second,
        rows,
        n_tags,
        words,
        Some(&tags),
        finite,
        None,
        Some(&keep),
        |_, _| {},
    )
}

/// How far the best score leads the runner-up.
pub fn lead(scores: &[i32]) -> i32 {
    let (mut best, mut next) = (i32::MIN, i32::MIN);
    for &s in scores {
        if s > best {
            next = best;
            best = s;
        } else if s > next {
            next = s;
        }
    }
    best.saturating_sub(next)
}
