//! Subject–predicate pairs read from the tree: the material of the parties' frames
//! (`parties::frames` maps their byte spans to mentions).
//!
//! Every predicate with a subject in the tree gives one [`TreeFrame`]:
//!
//! * **Subject.** The predicate's `nsubj` (of two, the nearest before it), or the agent of its
//!   passive (`obl:agent`: "the offer was rejected by the union" is the union's), else its
//!   `nsubj:pass` ("Sylvania was invited"). The subject is given as what ties each of its
//!   conjuncts to someone ([`Shape::tie`]), so "Brun and Varga", "Freedonia's President Karl
//!   Brun" and "officials from the Trade Ministry" name every party they hold, while
//!   "Sylvanian citizens" and "Freedonia's constitution" name none (a country word ties only
//!   a head that can act for a side).
//! * **Repairs.** Where the parser got the subject wrong in a way the tree itself shows:
//!   two subjects with "and" between them are one coordination ("Brun and Varga met" read
//!   with two `nsubj`), but a later one inside a prepositional phrase of the earlier is not
//!   a subject ("The call between Brun and Varga lasted an hour"); a modal complement right
//!   after its verb's object has that object for subject ("wrote the envoy would arrive"); a
//!   finite verb, or a participle with an object, hung as a relative from the noun right
//!   before it in a sentence with no verb above that noun, or from a nominal root
//!   ([`Shape::subject`]'s repair), has that noun for subject and is a main verb ("After a
//!   series of talks, the parties made progress"); a finite verb with no subject slot takes
//!   the sentence's first word when it stands right after it ("Somalia filed…", a name
//!   tagged as an adverb), else the noun phrase next to it ([`Shape::adjacent_subject`]) —
//!   not a conjunct of a prepositional phrase ("after talks between Acme and the union
//!   collapsed"). A bare time phrase ("last week", "this month", "Tuesday": a time noun of
//!   `assets/lexicon.txt`) is no subject beside another ("The board this month proposed"),
//!   and a noun the parser hung inside one before the predicate is the subject ("The board
//!   last week warned", "board" a compound of "week"). A sentence with no finite verb in its
//!   tree, a headline most often ("Brun, Varga vow to deepen ties", "vow" a noun), has names
//!   at its start or after a comma for the subject of the next word when the lexicon knows
//!   that word as a verb.
//! * **Bound pronouns.** "it" or "they" subject of a complement stands for the subject of the
//!   reporting verb above when their number agrees ("Local shops said they had lost
//!   customers": the shops, no one's side; "Brun said they…" stays "they").
//! * **Names.** Where an organisation's name can stand as a subject: the subject's phrase up
//!   to the end of its head's `compound`/`flat` parts ("The Coastal Power Union"; "Energy"
//!   ends no name in "Energy Secretary Grant Marsh"), and an agent head's possessor or
//!   "of/for/from" phrase ("Acme's representatives").
//! * **Main.** The predicate is the root, or hangs from it only through conjuncts,
//!   parataxis, a verb inside a quotation it stands outside of ("“…,” the minister said",
//!   which the parser may read as a complement), a complement before its verb with no
//!   subordinator ("Both leaders agreed…, the statement said"), a complement or adverbial
//!   clause of a root with no subject ("Asked whether…, Varga replied"), or any clause but a
//!   relative or subordinate one under a nominal root that is no predicate ("VARN — Brun
//!   argued…"). Not inside a subordinate, complement or relative clause otherwise ("Brun
//!   said Sylvania will…", "after Brun met Vex, …", "the plan which Acme rejected").
//! * **Class.** Three classes of `assets/lexicon.txt` matter because the guideline treats
//!   them differently, and any other predicate verb is an act: **logistic** (the call or
//!   meeting happened: a logistics verb, "had a phone call", the interaction as predicate
//!   noun — [`words::logistic`]), **report** (the verb's form or lemma is a reporting verb; a
//!   logistics verb or "have" with a topic is the discussion of that topic: "talked about
//!   trade", "had a frank exchange of views on the border") and **copula** (a predicate
//!   adjective or noun with its copula, the copula being the cue: "Sylvania is ready"; "be"
//!   and "have" with no verb class of their own: "Sylvania has a plan"; "has begun" read with
//!   the participle as a complement of "has" is the participle's). A verb neither list knows
//!   is a report when it is a reporting verb learnt from PolNeAR ([`words::reporting`]:
//!   "tweeted"), else an act that no list names (`listed` false). A predicate that is
//!   neither a verb nor has a copula gives no frame, unless its form is a verb of the
//!   lexicon (a verb tagged as a noun: "the union plans…").
//! * **Coordinated content.** A logistics or copula predicate takes the first reporting or
//!   act verb coordinated with it that shares its subject ("spoke with Vex and expressed
//!   concern").
//!
//! What this module never does: look at mentions or sides. Quotation state is the caller's.

use super::shape::Shape;
use super::words;
use crate::analysis::lexicon::{LEXICON, VerbClass, class};
use crate::analysis::text::Token;

/// One subject–predicate pair, in byte spans of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeFrame {
    /// The cue: the predicate verb, or the copula of a predicate adjective or noun.
    pub verb: (u32, u32),
    /// The subject's noun phrase ([`Shape::phrase`]).
    pub subject: (u32, u32),
    /// What ties the subject and each of its conjuncts to someone ([`Shape::tie`]).
    pub subjects: Box<[(u32, u32)]>,
    pub class: VerbClass,
    /// The class is a list's (`assets/lexicon.txt`, the learnt reporting verbs), not the act
    /// any other predicate is.
    pub listed: bool,
    /// The predicate is the root or hangs from it through conjuncts and parataxis only.
    pub main: bool,
    /// The names the subject holds ([`names`]): where an organisation's name stands as a
    /// subject.
    pub names: Box<[(u32, u32)]>,
}

/// Every frame of the sentence, in the order of their predicates.
pub fn frames(shape: &Shape, text: &str, base: u32) -> Vec<TreeFrame> {
    let toks = shape.toks;
    let mut out = Vec::new();
    for p in 0..toks.len() {
        let Some((heads, repaired)) = subject(shape, p) else {
            continue;
        };
        let heads = bound(shape, p, &heads).unwrap_or(heads);
        let Some((mut verb, mut vc)) = class_of(shape, text, base, p, heads[0]) else {
            continue;
        };
        if matches!(vc, VerbClass::Logistic | VerbClass::Copula)
            && let Some(c) = coordinated_content(shape, text, base, p)
        {
            (verb, vc) = c;
        }
        let (lo, hi) = heads
            .iter()
            .map(|&h| shape.phrase(h))
            .fold((u32::MAX, 0), |(a, b), (c, d)| (a.min(c), b.max(d)));
        let conjuncts: Vec<usize> = heads.iter().flat_map(|&h| shape.conjuncts(h)).collect();
        let mut held = Vec::new();
        for &c in &conjuncts {
            names(shape, c, &mut held);
        }
        out.push(TreeFrame {
            verb: (toks[verb].start, toks[verb].end),
            subject: (lo, hi),
            subjects: conjuncts
                .iter()
                .map(|&c| shape.tie(c, words::agent_like))
                .collect(),
            class: vc,
            listed: vc != VerbClass::Act
                || verb_class(&toks[verb], text, base) == Some(VerbClass::Act),
            main: repaired || main(shape, p),
            names: held.into_boxed_slice(),
        });
    }
    if out.is_empty()
        && let Some(f) = verbless(shape, text, base)
    {
        out.push(f);
    }
    out
}

/// The name held by head `h` — its noun phrase up to the end of the head with its
/// `compound` and `flat` parts: "The Coastal Power Union", "Energy Secretary Grant Marsh"
/// (so "Energy" alone ends no name there) — and, for a head that can act for someone, its
/// possessor's and its "of/for/from" phrase's: "Acme's representatives", "a spokesman for
/// Acme".
fn names(shape: &Shape, h: usize, out: &mut Vec<(u32, u32)>) {
    let toks = shape.toks;
    let core = |n: usize| {
        let (mut lo, mut hi) = (shape.phrase(n).0, toks[n].end);
        let mut stack = vec![n];
        while let Some(k) = stack.pop() {
            for c in shape.children(k) {
                if matches!(toks[c].rel_base(), "compound" | "flat") && stack.len() < 32 {
                    lo = lo.min(toks[c].start);
                    hi = hi.max(toks[c].end);
                    stack.push(c);
                }
            }
        }
        (lo, hi)
    };
    out.push(core(h));
    if !words::agent_like(&toks[h]) {
        return;
    }
    for c in shape.children(h) {
        let whose = toks[c].rel == "nmod:poss"
            || (toks[c].rel_base() == "nmod"
                && shape.children(c).any(|g| {
                    toks[g].rel_base() == "case" && matches!(&*toks[g].lemma, "of" | "for" | "from")
                }));
        if whose {
            out.push(core(c));
        }
    }
}

/// A pronoun subject bound by the subject of the reporting clause above it: "Local shops
/// said they had lost customers" is the shops' loss, "The union said it would strike" the
/// union's act. Only "it" and "they", agreeing in number with a noun subject of the verb
/// whose complement the predicate is.
fn bound(shape: &Shape, p: usize, heads: &[usize]) -> Option<Vec<usize>> {
    let toks = shape.toks;
    let &[h] = heads else { return None };
    let pronoun: &str = &toks[h].lemma;
    if toks[h].upos.as_str() != "PRON" || !matches!(pronoun, "it" | "they") {
        return None;
    }
    if toks[p].rel_base() != "ccomp" {
        return None;
    }
    let v = shape.head(p)?;
    let s = shape
        .children(v)
        .find(|&c| toks[c].rel == "nsubj" && c < v)?;
    if !matches!(toks[s].upos.as_str(), "NOUN" | "PROPN") {
        return None;
    }
    let plural = matches!(toks[s].xpos, "NNS" | "NNPS") || shape.conjuncts(s).len() > 1;
    (plural == (pronoun == "they")).then(|| vec![s])
}

/// A sentence the parser read with no finite verb at all, a headline most often ("Brun,
/// Varga vow to deepen ties" with "vow" a noun, "Freedonia and Sylvania open a new crossing"
/// with "open" an adjective, "In the area of trade, the United States and Suriname support…"):
/// names at its start or after a comma, joined by commas or a conjunction, are the subject of
/// the word right after them when the lexicon knows that word as a verb.
fn verbless(shape: &Shape, text: &str, base: u32) -> Option<TreeFrame> {
    let toks = shape.toks;
    if toks
        .iter()
        .any(|t| matches!(t.xpos, "VBD" | "VBZ" | "VBP" | "MD"))
    {
        return None;
    }
    let comma = |k: usize| form(&toks[k], text, base) == ",";
    std::iter::once(0)
        .chain((0..toks.len()).filter(|&k| comma(k)).map(|k| k + 1))
        .find_map(|from| names_then_verb(shape, text, base, from))
}

/// The names from token `from` on (after one determiner), joined by commas or a
/// conjunction, and the word after them if the lexicon knows it as a verb: a frame.
fn names_then_verb(shape: &Shape, text: &str, base: u32, from: usize) -> Option<TreeFrame> {
    let toks = shape.toks;
    let name = |t: &Token| t.upos.as_str() == "PROPN" || matches!(t.xpos, "NNP" | "NNPS");
    let mut groups: Vec<(usize, usize)> = Vec::new();
    let mut open = None;
    let mut k = from;
    while k < toks.len() && !shape.inside[k] {
        let joins = toks[k].upos.as_str() == "CCONJ" || form(&toks[k], text, base) == ",";
        match toks[k].upos.as_str() {
            _ if name(&toks[k]) => {
                open.get_or_insert(k);
            }
            "DET" if open.is_none() => {}
            _ if joins => groups.push((open.take()?, k)),
            _ => break,
        }
        k += 1;
    }
    groups.push((open?, k));
    let t = toks.get(k).filter(|t| !name(t) && !shape.inside[k])?;
    let class = verb_class(t, text, base)?;
    let span = |&(a, b): &(usize, usize)| (toks[a].start, toks[b - 1].end);
    let subjects: Box<[(u32, u32)]> = groups.iter().map(span).collect();
    Some(TreeFrame {
        verb: (t.start, t.end),
        subject: (subjects[0].0, subjects[subjects.len() - 1].1),
        names: subjects.clone(),
        subjects,
        class,
        listed: true,
        main: true,
    })
}

/// The subject heads of predicate `p` (see the module doc), only its own: a predicate sharing
/// another's subject is that one's frame. Two subjects before the predicate with a
/// conjunction, or only a comma, between them are one coordination the parser split ("Brun
/// and Varga met", "Brun, Varga vow…" read with two `nsubj`, or the first as a `vocative`). `true` with them when the predicate is a main verb the parser hung
/// from a nominal root ([`Shape::subject`]'s repair: "The parties discussed…" read as a
/// reduced relative).
fn subject(shape: &Shape, p: usize) -> Option<(Vec<usize>, bool)> {
    let toks = shape.toks;
    let (mut nsubj, mut pass, mut agent, mut expl) = (Vec::new(), None, None, false);
    let mut set_off = Vec::new();
    for c in shape.children(p) {
        match toks[c].rel {
            "nsubj" => nsubj.push(c),
            "vocative" | "dislocated" if c < p && toks[c].upos.as_str() == "PROPN" => {
                set_off.push(c)
            }
            "nsubj:pass" => pass = pass.or(Some(c)),
            "obl:agent" => agent = agent.or(Some(c)),
            "expl" | "expl:pass" | "csubj" | "csubj:pass" => expl = true,
            _ => {}
        }
    }
    if let Some(a) = agent.filter(|_| pass.is_some() || nsubj.is_empty()) {
        return Some((vec![a], false));
    }
    // "The board this month proposed…" read with two subjects: a bare time phrase is none
    if nsubj.len() > 1 && nsubj.iter().any(|&c| !time_phrase(shape, c)) {
        nsubj.retain(|&c| !time_phrase(shape, c));
    }
    // "The Larkmoor Harbour Board last week warned…" read with the time phrase as the subject
    // and the board as its compound: the noun before the phrase's own words is the subject
    if !nsubj.is_empty()
        && nsubj.iter().all(|&c| time_phrase(shape, c))
        && let Some(c) = swallowed_subject(shape, p)
    {
        return Some((vec![c], false));
    }
    // "Chile, Peru agree…" read with "Chile" as a vocative: a name set off before a named
    // subject is its conjunct when only a comma stands between them (checked below); never
    // before a pronoun or a common noun ("Mr President, we will…" is an address)
    if nsubj.iter().any(|&c| toks[c].upos.as_str() == "PROPN") {
        nsubj.extend(set_off);
        nsubj.sort_unstable();
    }
    if !nsubj.is_empty() {
        // the nearest before the predicate, else the first after it
        let near = nsubj
            .iter()
            .rev()
            .find(|&&c| c < p)
            .or(nsubj.first())
            .copied()?;
        let mut heads = vec![near];
        for &c in nsubj.iter().rev().filter(|&&c| c < near) {
            let later = heads[heads.len() - 1];
            let between = &toks[c + 1..later];
            let has = |u: &str| between.iter().any(|t| t.upos.as_str() == u);
            if in_phrase_after_preposition(shape, c, later) {
                // "The call between Brun and Varga lasted an hour" read with two subjects:
                // the later one is inside the earlier one's prepositional phrase
                heads = vec![c];
            } else if has("CCONJ") || (between.len() == 1 && &*between[0].lemma == ",") {
                // "Brun and Varga met", or a headline's "Brun, Varga vow…"
                heads.push(c);
            } else {
                break;
            }
        }
        heads.reverse();
        return Some((heads, false));
    }
    if let Some(h) = pass {
        return Some((vec![h], false));
    }
    if expl {
        return None;
    }
    // "The Larkmoor Harbour Board last week warned…" read with the board as a compound of
    // the time phrase: the noun before the time phrase's own words is the subject
    if let Some(c) = swallowed_subject(shape, p) {
        return Some((vec![c], false));
    }
    // "wrote the envoy would arrive": a complement with a modal and no subject, right after
    // its head's object, has that object for subject
    if toks[p].rel == "ccomp"
        && let Some(h) = shape.head(p)
        && let Some(o) = shape.child_with(h, "obj").filter(|&o| o < p)
        && shape.children(p).any(|c| toks[c].xpos == "MD")
        && toks[o + 1..p]
            .iter()
            .all(|t| matches!(t.upos.as_str(), "AUX" | "ADV" | "PART"))
    {
        return Some((vec![o], false));
    }
    // the repairs below are for verbs only, not an auxiliary or a copula
    let finite = matches!(toks[p].xpos, "VBD" | "VBZ" | "VBP")
        && toks[p].upos.as_str() == "VERB"
        && !shape.inside[p];
    // a verb that can have a subject of its own: finite, or a participle with an object (no
    // passive relative: "the offer made last week" is not the offer's act)
    let active = finite
        || (toks[p].xpos == "VBN"
            && toks[p].upos.as_str() == "VERB"
            && shape.child_with(p, "obj").is_some());
    // a verb hung from a nominal root before it: Shape::subject's repair
    if matches!(toks[p].rel, "acl" | "xcomp")
        && active
        && let Some(s) = shape.subject(p)
        && shape.head(s.head).is_none()
        && shape.head(p) == Some(s.head)
    {
        return Some((vec![s.head], true));
    }
    // a verb read as a relative of the noun right before it, in a sentence with no verb
    // above that noun: "After a series of talks, the parties made progress"
    if toks[p].rel == "acl"
        && active
        && let Some(h) = shape.head(p)
        && h + 1 == p
        && matches!(toks[h].upos.as_str(), "NOUN" | "PROPN" | "PRON")
        && verbless_above(shape, h)
    {
        return Some((vec![h], true));
    }
    if !finite {
        return None;
    }
    // the sentence's first word right before a finite verb with no subject: a name or
    // "Both" the tagger took for another part of speech ("Somalia filed a complaint")
    if p == 1 && toks[0].rel_base() != "punct" && !shape.inside[0] {
        return Some((vec![0], false));
    }
    // not the last conjunct of a prepositional phrase: "after talks between Acme and the
    // union collapsed"
    let s = shape.adjacent_subject(p)?;
    let mut first = s.head;
    while toks[first].rel_base() == "conj"
        && let Some(h) = shape.head(first).filter(|&h| h < first)
    {
        first = h;
    }
    if shape
        .children(first)
        .any(|c| toks[c].rel_base() == "case" && c < first)
    {
        return None;
    }
    Some((vec![s.head], false))
}

/// Token `c` heads a bare time phrase: a time noun ([`crate::analysis::lexicon::Lexicon::time`]:
/// "last week", "this month", "Tuesday") with no preposition and no conjunct.
fn time_phrase(shape: &Shape, c: usize) -> bool {
    let toks = shape.toks;
    matches!(toks[c].upos.as_str(), "NOUN" | "PROPN")
        && LEXICON.time(&toks[c].lemma)
        && !shape
            .children(c)
            .any(|g| matches!(toks[g].rel_base(), "case" | "conj"))
}

/// The subject the parser hung inside a time phrase before predicate `p` (an `obl` of `p`, or
/// its `nsubj`):
/// its noun dependent standing before the phrase's own words
/// ("The Larkmoor Harbour Board last week warned…", "Board" a compound of "week").
fn swallowed_subject(shape: &Shape, p: usize) -> Option<usize> {
    let toks = shape.toks;
    let t = shape.children(p).find(|&c| {
        c < p && matches!(toks[c].rel_base(), "obl" | "nsubj") && time_phrase(shape, c)
    })?;
    let first_own = shape
        .children(t)
        .filter(|&g| matches!(toks[g].rel_base(), "det" | "amod" | "nummod"))
        .min()
        .unwrap_or(t);
    shape.children(t).find(|&g| {
        g < first_own
            && matches!(toks[g].rel_base(), "compound" | "nmod" | "flat")
            && matches!(toks[g].upos.as_str(), "NOUN" | "PROPN")
    })
}

/// No verb stands above token `h`: it hangs from a nominal root through nominal relations
/// only.
fn verbless_above(shape: &Shape, h: usize) -> bool {
    let mut k = h;
    for _ in 0..64 {
        match shape.head(k) {
            None => return matches!(shape.toks[k].upos.as_str(), "NOUN" | "PROPN"),
            Some(up) if matches!(shape.toks[k].rel_base(), "nmod" | "appos" | "conj" | "obl") => {
                k = up
            }
            Some(_) => return false,
        }
    }
    false
}

/// Token `k` stands in a prepositional phrase opened after token `from`: left of it only
/// noun-phrase words and conjunctions ("between Firefly and Oskarsen", even with a name
/// tagged as an adverb), then the preposition.
fn in_phrase_after_preposition(shape: &Shape, from: usize, k: usize) -> bool {
    let toks = shape.toks;
    let mut j = k;
    while j > from + 1 {
        j -= 1;
        match toks[j].upos.as_str() {
            "ADP" => return true,
            "DET" | "ADJ" | "PROPN" | "NOUN" | "NUM" | "CCONJ" | "ADV" => {}
            _ => return false,
        }
    }
    false
}

/// The form of token `t` in the sentence.
fn form<'a>(t: &Token, text: &'a str, base: u32) -> &'a str {
    super::word(t, text, base)
}

/// The lexicon's verb class of a token: its form's, else its lemma's.
fn verb_class(t: &Token, text: &str, base: u32) -> Option<VerbClass> {
    LEXICON
        .verb(form(t, text, base))
        .or_else(|| LEXICON.verb(&t.lemma))
}

/// The cue token and class of predicate `p` with subject head `s`.
fn class_of(
    shape: &Shape,
    text: &str,
    base: u32,
    p: usize,
    s: usize,
) -> Option<(usize, VerbClass)> {
    let toks = shape.toks;
    let t = &toks[p];
    let verb = matches!(t.upos.as_str(), "VERB" | "AUX");
    let cop = shape.child_with(p, "cop");
    if words::logistic(shape, p, s) {
        return Some((if verb { p } else { cop.unwrap_or(p) }, VerbClass::Logistic));
    }
    let vc = if verb {
        verb_class(t, text, base)
    } else {
        None
    };
    let lemma: &str = &t.lemma;
    // "talked about trade", "had a frank exchange of views on the border": the discussion
    // of a topic is content
    if verb && (vc == Some(VerbClass::Logistic) || lemma == "have") && discussion(shape, p) {
        return Some((p, VerbClass::Report));
    }
    if let Some(c) = cop.filter(|_| !verb) {
        return Some((c, VerbClass::Copula));
    }
    if !verb {
        // a verb the tagger took for a noun, with a subject all the same: "the union plans
        // four more days of action"
        return verb_class(t, text, base).map(|c| (p, c));
    }
    // "China has recently begun…" read with "has" as the verb and the participle as its
    // complement: the participle is the predicate
    if lemma == "have"
        && let Some(x) = shape
            .children(p)
            .find(|&c| toks[c].rel == "xcomp" && toks[c].xpos == "VBN")
    {
        return Some((
            x,
            verb_class(&toks[x], text, base).unwrap_or(VerbClass::Act),
        ));
    }
    match vc {
        Some(VerbClass::Copula) | None if matches!(lemma, "be" | "have") => {
            Some((p, VerbClass::Copula))
        }
        Some(c) => Some((p, c)),
        // a verb the lists do not know: a reporting verb learnt from PolNeAR ("retweeted",
        // "tweeted"), else an act
        None if words::reporting(t) => Some((p, VerbClass::Report)),
        None => Some((p, VerbClass::Act)),
    }
}

/// Predicate `p` holds a discussion: an object of the discussion class ("an exchange of
/// views") or a topic marked "about" ("talked about trade").
fn discussion(shape: &Shape, p: usize) -> bool {
    let toks = shape.toks;
    shape.children(p).any(|c| match toks[c].rel_base() {
        "obj" => LEXICON.is(&toks[c].lemma, class::DISCUSSION),
        "obl" => shape
            .children(c)
            .any(|g| toks[g].rel_base() == "case" && &*toks[g].lemma == "about"),
        _ => false,
    })
}

/// The first reporting or act verb coordinated with `p` that has no subject of its own.
fn coordinated_content(
    shape: &Shape,
    text: &str,
    base: u32,
    p: usize,
) -> Option<(usize, VerbClass)> {
    let toks = shape.toks;
    shape.children(p).find_map(|c| {
        if toks[c].rel_base() != "conj" || c < p || toks[c].upos.as_str() != "VERB" {
            return None;
        }
        let own = shape
            .children(c)
            .any(|g| matches!(toks[g].rel_base(), "nsubj" | "expl" | "csubj"));
        match verb_class(&toks[c], text, base) {
            _ if own => None,
            Some(vc @ (VerbClass::Report | VerbClass::Act)) => Some((c, vc)),
            None => Some((c, VerbClass::Act)),
            _ => None,
        }
    })
}

/// Predicate `p` is the root or hangs from it through conjuncts and parataxis only.
fn main(shape: &Shape, p: usize) -> bool {
    let toks = shape.toks;
    // a subordinate clause misparsed as the root: its main clause is the main one
    if let Some(m) = shape.main_under_subordinate_root() {
        if p == m {
            return true;
        }
        if shape.head(p).is_none() {
            return false;
        }
    }
    let mut k = p;
    for _ in 0..64 {
        let Some(h) = shape.head(k) else {
            return true;
        };
        let rel = toks[k].rel_base();
        let marked = || shape.children(k).any(|c| toks[c].rel_base() == "mark");
        let through = matches!(rel, "conj" | "parataxis")
            // a verb outside a quotation hung from one inside it frames the quotation
            // ("“…,” the minister said", which the parser may read as a complement)
            || (shape.inside[h] && !shape.inside[k])
            // a complement before its verb is what a post-posed report reports: "Both
            // leaders agreed to meet, the statement said"
            || (rel == "ccomp" && k < h && !marked())
            // under a root with no subject (a misparse hanging the clause under a fronted
            // word: "Asked whether…, Varga replied")
            || (matches!(rel, "ccomp" | "advcl")
                && shape.head(h).is_none()
                && h < k
                && !marked()
                && shape.subject(h).is_none());
        // under a nominal root that is no predicate (a dateline, a title, a fragment the
        // parser made the root: "WASHINGTON — Brun argued…", "Freedonian envoy Brun is
        // offering…"), unless a relative or subordinate clause
        let through = through
            || (shape.head(h).is_none()
                && matches!(toks[h].upos.as_str(), "NOUN" | "PROPN")
                && !shape
                    .children(h)
                    .any(|c| matches!(toks[c].rel_base(), "nsubj" | "cop" | "csubj"))
                && matches!(
                    rel,
                    "acl" | "appos" | "dep" | "parataxis" | "ccomp" | "xcomp"
                )
                && !marked()
                && !shape
                    .children(k)
                    .any(|c| matches!(toks[c].xpos, "WDT" | "WP" | "WP$")));
        if !through {
            return false;
        }
        k = h;
    }
    false
}
