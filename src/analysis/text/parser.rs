//! The dependency parser: greedy arc-hybrid transitions scored by an averaged perceptron.
//!
//! Why this design: a greedy transition parser is linear in the sentence and needs no matrix
//! code, and with a dynamic oracle (Goldberg & Nivre 2013) and rich hand-made features (Zhang
//! & Nivre 2011) it comes within a few points of far heavier parsers on English.
//!
//! The transition system is arc-hybrid with the root at the *end* of the buffer (Ballesteros &
//! Nivre 2013), which makes single-rootedness a matter of legality: `Left(root)` is the only
//! way to reach the root and is legal only when the stack holds one word and the buffer holds
//! only the root. Transitions:
//!
//! - `Shift`: move the buffer's front `b0` onto the stack (never the root);
//! - `Left(l)`: `s0` becomes a dependent of `b0` with label `l` and leaves the stack;
//! - `Right(l)`: `s0` becomes a dependent of `s1` with label `l` and leaves the stack.
//!
//! Labels are joined with the action (one class per action and label, about a hundred), so
//! the label is chosen with the arc, from the same features. The trees produced are projective;
//! training trees are made projective by lifting (the training program's job).
//!
//! The features (about 120 templates): Zhang & Nivre's words, tags, distances, valencies and
//! children's labels of `s0`, `s1`, `b0`; the tags of the words next to `s0`, `s1` and `b0` in
//! the sentence (which the stack and buffer do not show); children's children (third order);
//! the word clusters of `s0`, `s1`, `b0`, `b1` (`WordInfo::cluster`, from the model's table,
//! learnt from unlabeled text by the training program), alone and paired as the words are
//! (Koo et al. 2008: a rare word's attachments learnt from its cluster's).
//!
//! The one-atom templates of a small atom ([`SMALL`]: tags, labels, the stack's depth,
//! clusters) are in every state and weigh most classes; the decoder adds their rows from the
//! model's decoded copy ([`dense_rows`]) instead of looking them up: a sixth less time.
//!
//! A state with only one legal action is not scored: with an empty stack it can only shift,
//! and with one word on the stack and only the root in the buffer only `Left(root)` is legal
//! (the last step of every sentence).
//!
//! [`State`], [`features`], [`State::costs`] are shared with the training program.

use super::hash::{f1, f2, f3, f4};
use super::model::{self, Dense, Model, Table};
use super::tagger::{WordInfo, argmax};

/// No token.
pub const NIL: u16 = u16::MAX;
/// Tag atom of the root.
const ROOT_TAG: u64 = 254;
/// Tag atom of a missing position.
const NO_TAG: u64 = 255;
const NO_WORD: u64 = 0x5eed_0000_0000_0002;
const ROOT_WORD: u64 = 0x5eed_0000_0000_0003;
const NO_LABEL: u64 = 200;

/// The parser's class for an action and label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Shift,
    Left(u8),
    Right(u8),
}

impl Action {
    /// Class number: `Shift` 0, `Left(l)` 1 + l, `Right(l)` 1 + labels + l.
    pub fn class(self, labels: usize) -> usize {
        match self {
            Action::Shift => 0,
            Action::Left(l) => 1 + usize::from(l),
            Action::Right(l) => 1 + labels + usize::from(l),
        }
    }

    /// The action of a class number.
    pub fn of_class(class: usize, labels: usize) -> Action {
        if class == 0 {
            Action::Shift
        } else if class <= labels {
            Action::Left(u8::try_from(class - 1).unwrap_or(0))
        } else {
            Action::Right(u8::try_from(class - 1 - labels).unwrap_or(0))
        }
    }
}

/// What the features read of one token as the parse goes on.
#[derive(Debug, Clone, Copy)]
pub struct Node {
    pub head: u16,
    pub label: u8,
    left_count: u8,
    right_count: u8,
    lc1: u16,
    lc2: u16,
    rc1: u16,
    rc2: u16,
    left_labels: u64,
    right_labels: u64,
}

impl Default for Node {
    fn default() -> Node {
        Node {
            head: NIL,
            label: 0,
            left_count: 0,
            right_count: 0,
            lc1: NIL,
            lc2: NIL,
            rc1: NIL,
            rc2: NIL,
            left_labels: 0,
            right_labels: 0,
        }
    }
}

/// A parser configuration: stack, buffer front, the arcs so far.
#[derive(Debug, Clone)]
pub struct State {
    /// Number of words; the root is token `n`.
    pub n: usize,
    pub stack: Vec<u16>,
    /// The buffer's front; `n` when only the root is left.
    pub b: usize,
    /// One per word, then the root.
    pub nodes: Vec<Node>,
    root_label: u8,
}

impl State {
    /// The start configuration for `n` words (at most `u16::MAX - 1`).
    pub fn new(n: usize, root_label: u8) -> State {
        State {
            n,
            stack: Vec::with_capacity(16),
            b: 0,
            nodes: vec![Node::default(); n + 1],
            root_label,
        }
    }

    /// Whether the parse is over.
    pub fn done(&self) -> bool {
        self.b >= self.n && self.stack.is_empty()
    }

    fn s(&self, depth: usize) -> u16 {
        self.stack
            .len()
            .checked_sub(depth + 1)
            .map_or(NIL, |i| self.stack[i])
    }

    /// Whether `action` may be taken now.
    pub fn legal(&self, action: Action) -> bool {
        match action {
            Action::Shift => self.b < self.n,
            Action::Left(l) => {
                if self.stack.is_empty() {
                    false
                } else if self.b >= self.n {
                    self.stack.len() == 1 && l == self.root_label
                } else {
                    l != self.root_label
                }
            }
            Action::Right(l) => self.stack.len() >= 2 && l != self.root_label,
        }
    }

    fn attach(&mut self, head: usize, dep: u16, label: u8) {
        let d = usize::from(dep);
        self.nodes[d].head = head as u16;
        self.nodes[d].label = label;
        let bit = 1u64 << (label & 63);
        let h = &mut self.nodes[head];
        if d < head {
            h.left_count = h.left_count.saturating_add(1);
            h.left_labels |= bit;
            if h.lc1 == NIL || d < usize::from(h.lc1) {
                h.lc2 = h.lc1;
                h.lc1 = dep;
            } else if h.lc2 == NIL || d < usize::from(h.lc2) {
                h.lc2 = dep;
            }
        } else {
            h.right_count = h.right_count.saturating_add(1);
            h.right_labels |= bit;
            if h.rc1 == NIL || d > usize::from(h.rc1) {
                h.rc2 = h.rc1;
                h.rc1 = dep;
            } else if h.rc2 == NIL || d > usize::from(h.rc2) {
                h.rc2 = dep;
            }
        }
    }

    /// Takes a legal action.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Shift => {
                self.stack.push(self.b as u16);
                self.b += 1;
            }
            Action::Left(l) => {
                if let Some(s0) = self.stack.pop() {
                    self.attach(self.b, s0, l);
                }
            }
            Action::Right(l) => {
                if let Some(s0) = self.stack.pop() {
                    let s1 = self.s(0);
                    if s1 != NIL {
                        self.attach(usize::from(s1), s0, l);
                    }
                }
            }
        }
    }

    /// The cost of every class against a projective gold tree (`heads[i] == n` for the
    /// root): how many gold arcs become unreachable, plus one for a wrong label on a right
    /// arc. Illegal classes get `i32::MAX`.
    pub fn costs(&self, heads: &[u16], labels: &[u8], n_labels: usize, out: &mut Vec<i32>) {
        out.clear();
        out.resize(1 + 2 * n_labels, i32::MAX);
        let n = self.n;
        let b = self.b;
        let gold = |x: u16| heads.get(usize::from(x)).map_or(NIL, |&h| h);
        let in_buffer = |h: u16| h != NIL && usize::from(h) >= b && usize::from(h) <= n;
        let deps_in_buffer = |x: u16| (b..n).filter(|&d| heads.get(d) == Some(&x)).count() as i32;
        if self.legal(Action::Shift) {
            let bb = b as u16;
            let mut c = self.stack.iter().filter(|&&d| gold(d) == bb).count() as i32;
            let gb = gold(bb);
            let depth = self.stack.len();
            if self.stack[..depth.saturating_sub(1)].contains(&gb) {
                c += 1;
            }
            out[0] = c;
        }
        let s0 = self.s(0);
        if s0 == NIL {
            return;
        }
        let s1 = self.s(1);
        let g = gold(s0);
        let gl = labels.get(usize::from(s0)).copied().unwrap_or(0);
        let deps = deps_in_buffer(s0);
        let left = deps + i32::from(g != b as u16 && (g == s1 && s1 != NIL || in_buffer(g)));
        let right = deps + i32::from(in_buffer(g));
        for l in 0..n_labels {
            let l8 = l as u8;
            if self.legal(Action::Left(l8)) {
                out[Action::Left(l8).class(n_labels)] = left + i32::from(g == b as u16 && l8 != gl);
            }
            if self.legal(Action::Right(l8)) {
                out[Action::Right(l8).class(n_labels)] = right + i32::from(g == s1 && l8 != gl);
            }
        }
    }
}

fn bucket(d: usize) -> u64 {
    match d {
        0..=4 => d as u64,
        5..=9 => 5,
        _ => 6,
    }
}

/// The one-atom templates whose atom is a small number: the tags of `s0`, `s1`, `b0`, `b1`,
/// `b2`, `s2`, the tags and labels of children, the stack's depth, the clusters of `s0` and
/// `b0`. They are in every state and have a weight for most classes (a third of all the
/// weights a state adds), so the decoder keeps their rows decoded ([`dense_rows`]) for
/// every atom below [`SMALL_ATOMS`], and adds them without a look-up.
pub const SMALL: [u64; 25] = [
    2, 5, 8, 11, 14, 15, 56, 57, 59, 60, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 90, 116,
    117,
];
/// The atoms of [`SMALL`] templates kept as dense rows: `0..SMALL_ATOMS` (every tag, label
/// and depth; the clusters but the markers of a missing word, the root or an unclustered
/// word, which are looked up).
pub const SMALL_ATOMS: u64 = 256;

/// The features of a configuration; `words` and `tags` are the sentence's words and joint
/// tag classes.
pub fn features(state: &State, words: &[WordInfo], tags: &[u8], out: &mut Vec<u64>) {
    let mut small = [0u64; SMALL.len()];
    features_split(state, words, tags, out, &mut small);
    out.extend(SMALL.iter().zip(small).map(|(&t, a)| f1(t, a)));
}

/// The rows of the [`SMALL`] templates, template after template, atom after atom: row
/// `k * SMALL_ATOMS + a` holds the weights of `f1(SMALL[k], a)`.
pub fn dense_rows(table: &Table<'_>, n_labels: usize) -> Option<Dense> {
    let features = SMALL
        .iter()
        .flat_map(|&t| (0..SMALL_ATOMS).map(move |a| f1(t, a)));
    table.dense(features, 1 + 2 * n_labels)
}

/// The model's parser rows ([`dense_rows`]), decoded on first use.
pub fn rows<'m>(model: &'m Model<'_>) -> Option<&'m Dense> {
    model
        .parser_rows
        .get_or_init(|| dense_rows(&model.parser, model.labels.len()))
        .as_ref()
}

/// [`features`], the hashes of all templates but the [`SMALL`] ones in `out`, the atoms of
/// those in `small`.
fn features_split(
    state: &State,
    words: &[WordInfo],
    tags: &[u8],
    out: &mut Vec<u64>,
    small: &mut [u64; SMALL.len()],
) {
    out.clear();
    let n = state.n;
    // a word's atom `of` it (its form, its cluster), or the atom of no word or the root
    let atom = |x: u16, of: fn(&WordInfo) -> u64| {
        if x == NIL {
            NO_WORD
        } else if usize::from(x) >= n {
            ROOT_WORD
        } else {
            words.get(usize::from(x)).map_or(NO_WORD, of)
        }
    };
    let w = |x: u16| atom(x, |w| w.norm);
    let t = |x: u16| {
        if x == NIL {
            NO_TAG
        } else if usize::from(x) >= n {
            ROOT_TAG
        } else {
            tags.get(usize::from(x)).map_or(NO_TAG, |&t| u64::from(t))
        }
    };
    let node = |x: u16| state.nodes.get(usize::from(x)).copied().unwrap_or_default();
    let lab = |x: u16| {
        if x == NIL {
            NO_LABEL
        } else {
            u64::from(node(x).label)
        }
    };
    let buf = |k: usize| {
        let i = state.b + k;
        if i <= n { i as u16 } else { NIL }
    };
    let (s0, s1, s2) = (state.s(0), state.s(1), state.s(2));
    let (b0, b1, b2) = (buf(0), buf(1), buf(2));
    let (n0, n1, nb) = (node(s0), node(s1), node(b0));
    let (s0w, s0t, s1w, s1t, s2t) = (w(s0), t(s0), w(s1), t(s1), t(s2));
    let (b0w, b0t, b1w, b1t, b2t) = (w(b0), t(b0), w(b1), t(b1), t(b2));
    let c = |x: u16| atom(x, |w| w.cluster);
    let (s0c, s1c, b0c, b1c) = (c(s0), c(s1), c(b0), c(b1));
    let s0wt = f1(s0w, s0t);
    let s1wt = f1(s1w, s1t);
    let b0wt = f1(b0w, b0t);
    let b1wt = f1(b1w, b1t);
    let d0 = if s0 == NIL {
        7
    } else {
        bucket(state.b.saturating_sub(usize::from(s0)))
    };
    let d1 = if s1 == NIL || s0 == NIL {
        7
    } else {
        bucket(usize::from(s0).saturating_sub(usize::from(s1)))
    };
    let (s0vl, s0vr) = (u64::from(n0.left_count), u64::from(n0.right_count));
    let (s1vl, s1vr) = (u64::from(n1.left_count), u64::from(n1.right_count));
    let b0vl = u64::from(nb.left_count);
    let empty = |x: u16| if x == NIL { Node::default() } else { node(x) };
    let (n0, n1, nb) = (empty(s0), empty(s1), empty(b0));
    // the words next to s0, s1 and b0 in the sentence (not on the stack or buffer)
    let near = |x: u16, d: isize| {
        if x == NIL || usize::from(x) >= n {
            return NIL;
        }
        match usize::from(x).checked_add_signed(d) {
            Some(k) if k < n => k as u16,
            _ => NIL,
        }
    };
    let (s0m1, s0p1, s1p1, b0m1) = (near(s0, -1), near(s0, 1), near(s1, 1), near(b0, -1));
    // children's children (third order)
    let (s0l, s0r, b0l) = (empty(n0.lc1), empty(n0.rc1), empty(nb.lc1));
    *small = [
        s0t,
        s1t,
        b0t,
        b1t,
        b2t,
        s2t,
        t(n0.lc1),
        lab(n0.lc1),
        t(n0.rc1),
        lab(n0.rc1),
        t(nb.lc1),
        lab(nb.lc1),
        t(n1.lc1),
        lab(n1.lc1),
        t(n1.rc1),
        lab(n1.rc1),
        t(n0.lc2),
        lab(n0.lc2),
        t(n0.rc2),
        lab(n0.rc2),
        t(nb.lc2),
        lab(nb.lc2),
        state.stack.len().min(5) as u64,
        s0c,
        b0c,
    ];
    let f = [
        f1(1, s0w),
        f1(3, s0wt),
        f1(4, s1w),
        f1(6, s1wt),
        f1(7, b0w),
        f1(9, b0wt),
        f1(10, b1w),
        f1(12, b1wt),
        f1(13, w(b2)),
        f1(16, w(s2)),
        f2(17, s0wt, b0wt),
        f2(18, s0wt, b0w),
        f2(19, s0w, b0wt),
        f2(20, s0wt, b0t),
        f2(21, s0t, b0wt),
        f2(22, s0w, b0w),
        f2(23, s0t, b0t),
        f2(24, b0t, b1t),
        f2(25, s1wt, s0wt),
        f2(26, s1w, s0w),
        f2(27, s1t, s0t),
        f2(28, s1wt, s0t),
        f2(29, s1t, s0wt),
        f3(30, b0t, b1t, b2t),
        f3(31, s0t, b0t, b1t),
        f3(32, s1t, s0t, b0t),
        f3(33, s2t, s1t, s0t),
        f3(34, s0t, t(n0.lc1), b0t),
        f3(35, s0t, t(n0.rc1), b0t),
        f3(36, s0t, b0t, t(nb.lc1)),
        f3(37, s1t, t(n1.rc1), s0t),
        f3(38, s1t, s0t, t(n0.rc1)),
        f2(39, s0w, d0),
        f2(40, s0t, d0),
        f2(41, b0w, d0),
        f2(42, b0t, d0),
        f3(43, s0w, b0w, d0),
        f3(44, s0t, b0t, d0),
        f3(45, s1t, s0t, d1),
        f3(46, s1w, s0w, d1),
        f2(47, s0w, s0vr),
        f2(48, s0t, s0vr),
        f2(49, s0w, s0vl),
        f2(50, s0t, s0vl),
        f2(51, b0w, b0vl),
        f2(52, b0t, b0vl),
        f2(53, s1t, s1vr),
        f2(54, s1t, s1vl),
        f1(55, w(n0.lc1)),
        f1(58, w(n0.rc1)),
        f1(61, w(nb.lc1)),
        f3(74, s0t, t(n0.lc1), t(n0.lc2)),
        f3(75, s0t, t(n0.rc1), t(n0.rc2)),
        f3(76, b0t, t(nb.lc1), t(nb.lc2)),
        f2(77, s0w, n0.left_labels),
        f2(78, s0t, n0.left_labels),
        f2(79, s0w, n0.right_labels),
        f2(80, s0t, n0.right_labels),
        f2(81, b0w, nb.left_labels),
        f2(82, b0t, nb.left_labels),
        f2(83, s1t, n1.right_labels),
        f2(84, s1t, n1.left_labels),
        f3(85, s0t, lab(n0.lc1), b0t),
        f3(86, s1t, lab(n1.rc1), s0t),
        f2(87, s0wt, b1t),
        f2(88, s1wt, b0t),
        f3(89, s1t, s0t, b1t),
        f2(91, b0w, b1w),
        f3(92, s0w, b0t, b1t),
        f3(93, s0t, lab(n0.lc1), lab(n0.rc1)),
        f3(94, b0t, lab(nb.lc1), lab(nb.lc2)),
        f3(95, s0t, lab(n0.rc1), lab(n0.rc2)),
        f3(96, s1w, s0t, b0t),
        f3(97, s0t, b0w, b1t),
        f2(98, s1t, b0wt),
        f2(99, s0t, t(s0m1)),
        f2(100, s0t, t(s0p1)),
        f3(101, s0t, t(s0p1), b0t),
        f3(102, t(s0m1), s0t, b0t),
        f3(103, s0t, t(b0m1), b0t),
        f3(104, s1t, t(s1p1), s0t),
        f3(105, s0t, t(n0.lc1), t(s0l.lc1)),
        f3(106, s0t, t(n0.rc1), t(s0r.rc1)),
        f3(107, b0t, t(nb.lc1), t(b0l.lc1)),
        f4(108, s1t, s0t, b0t, b1t),
        f3(109, s0w, lab(n0.lc1), lab(n0.rc1)),
        f3(110, s0t, s0vl, s0vr),
        f3(111, s0t, b0t, b0vl),
        f3(112, s0t, w(n0.rc1), b0t),
        f3(113, s0w, t(n0.rc1), b0t),
        f3(114, s0t, b0w, t(nb.lc1)),
        f3(115, s1t, s0t, lab(n0.lc1)),
        // word clusters (distributional classes learnt from unlabeled text)
        f2(118, s0c, b0c),
        f2(119, s0c, b0t),
        f2(120, s0t, b0c),
        f2(121, s1c, s0c),
        f3(122, s0c, b0c, d0),
        f2(123, b0c, b1c),
    ];
    out.extend_from_slice(&f);
}

/// Parses one sentence with the model's parser table; returns each word's head (`n` = the
/// root) and label. `words.len()` must be below `u16::MAX` (the caller chunks longer input).
pub fn parse(model: &Model<'_>, root_label: u8, words: &[WordInfo], tags: &[u8]) -> Vec<(u16, u8)> {
    let (table, rows, n_labels) = (&model.parser, rows(model), model.labels.len());
    let n = words.len().min(usize::from(NIL) - 1);
    let mut state = State::new(n, root_label);
    let mut feats = Vec::with_capacity(128);
    let mut small = [0u64; SMALL.len()];
    let mut scores = vec![0i32; 1 + 2 * n_labels];
    while !state.done() {
        if let Some(action) = only_legal(&state) {
            // nothing else is legal: no need to score
            state.apply(action);
            continue;
        }
        features_split(&state, words, tags, &mut feats, &mut small);
        model::score(
            table,
            rows,
            &SMALL,
            &small,
            SMALL_ATOMS,
            &mut feats,
            &mut scores,
        );
        let action = best_legal(&state, &scores, n_labels);
        state.apply(action);
    }
    state.nodes[..n].iter().map(|x| (x.head, x.label)).collect()
}

/// The one legal action of a state that has only one: `Shift` when the stack is empty,
/// `Left(root)` when one word is left on the stack and only the root in the buffer.
fn only_legal(state: &State) -> Option<Action> {
    if state.stack.is_empty() {
        Some(Action::Shift)
    } else if state.b >= state.n && state.stack.len() == 1 {
        Some(Action::Left(state.root_label))
    } else {
        None
    }
}

/// The highest-scoring legal action.
pub fn best_legal(state: &State, scores: &[i32], n_labels: usize) -> Action {
    let mut best: Option<(i32, Action)> = None;
    for (class, &s) in scores.iter().enumerate() {
        let action = Action::of_class(class, n_labels);
        if best.is_none_or(|(b, _)| s > b) && state.legal(action) {
            best = Some((s, action));
        }
    }
    match best {
        Some((_, a)) => a,
        // unreachable for a state that is not done; shifting is the safe default
        None => Action::of_class(argmax(scores), n_labels),
    }
}
