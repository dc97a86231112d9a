//! Reading a sentence's source from its dependency tree (the text layer's parse).
//!
//! Every sentence is annotated once ([`read_all`]: tokens, tags, lemmas, tree from
//! `analysis::text`), and two questions are answered from the tree alone:
//!
//! 1. **Speech** ([`Speech`]): is something attributed here, to whom, by which cue? In order:
//!    - a transcript's **speaker label**, "FOREIGN SECRETARY VALE: …" (capitals, then a
//!      colon, in the first words), or a **name before a headline's colon**, "Graham: Trump's
//!      rhetoric hurts the party" (one to four nouns with a proper noun, then at least three
//!      words; not "Update: …") — never a label of the newsroom ([`EDITORIAL_LABELS`]:
//!      "Editor's note:", "UPDATE:", "CORRECTION:"), after which the sentence is read as
//!      any other;
//!    - **"according to X"**: X, the noun that "according" is the `case` of (or, when the
//!      parser hung "according" elsewhere, the first noun phrase after "to");
//!    - a **reporting verb** outside quotation marks — a verb whose lemma is a reporting verb
//!      of `assets/lexicon.txt` or one learnt from PolNeAR's training split
//!      (`assets/reporting_verbs.tsv`, made by `examples/learn_reporting_verbs.rs`: counted
//!      only where PolNeAR could annotate it, outside other attributions' content), never a
//!      logistics verb ("talk", "meet"), nor a form the table lists as rarely a cue
//!      ("continues", "raised"); or **any finite verb framing a direct quotation** with
//!      nothing but its subject beside it ("“…,” Vale smiled", "Vale went on, “…”"; quotation
//!      marks are curly, straight, or two apostrophes ''). Of several that have a speaker,
//!      the one the learnt judge (below) finds most likely wins, a verb framing a quotation
//!      or the root (the `parataxis` below) counting as certain ("Vale was criticized when she said…" is her speech; an agentless
//!      one only when none has a speaker) — the judge has learnt that a verb under another
//!      reporting verb is seldom the attribution, so this is mostly the outermost — and on
//!      ties the one highest in the tree, which is also the post-posed "“…,” X said" (UD
//!      attaches it as `parataxis` of the quotation's root); a report set off by a comma as
//!      the root's `parataxis` ranks above the root itself ("Organizers added guards, the
//!      daily reported", "He hoped, he said, that…") when it has no object or complement of
//!      its own ("…, when the union dismissed an offer"). Its
//!      speaker is its subject (of two, the nearest before it), the agent of its passive ("was
//!      reported by the press service"), the subject it shares with the verb it hangs from
//!      ("…, adding", "declined to say"), or the nominal root a misparsed verb hangs from as
//!      `acl` or `xcomp` ("Others supported the bid"); where the parser left a finite verb
//!      with no subject slot at all, the noun phrase next to it ("Rep. Vale (Fr.) said",
//!      "“…,” said Mr. Vale"), read over a prepositional phrase ("Vale, on the other hand,
//!      argued"). The sentence's opening noun phrase speaks for a finite verb right after a
//!      clause set off by commas or dashes — a relative clause, an apposition or an adverb's
//!      adjective ("Vale, who runs the party's office, said", "Vale, an aide whose firm Brun
//!      hired, said", "Vale, clearly annoyed, responded") — where the parser gave the verb no
//!      subject, or one inside the relative clause, or a time (not a time's own phrase: "Last
//!      week, the director, Brun, said"); after a fronted phrase ("In May, Vale, the
//!      nominee, proposed"); and a past participle with no auxiliary but "have" is such a
//!      finite verb, however the tagger read it ("Vale, a party operative, vouched for…",
//!      "Vale -- whose husband… -- has derided…"; not "was named"). A bare time is no
//!      speaker: the noun phrase before it is ("Judge Vale late Thursday ruled", "a poll
//!      released Sunday showed", "Rep. Vale (Fr.) last week said"). A capitalized first word
//!      right before a finite verb with no subject slot and a clause after it is a name the
//!      tagger misread ("Jolly said he…"). A verb that English puts before its speaker (learnt: the table's `inverted`
//!      share; "said", "wrote", never "told"), right after a comma or a quotation closed by
//!      one, takes the noun phrase after it whatever the parser made the subject ("“…,” said
//!      Republican consultant Chris Russell", "…, says political scientist Dossym Satpayev";
//!      its "of" phrase is part of it, "said one of the aides";
//!      a participle before a name is its adjective, "said retired Gen. Vale", and an
//!      adjective alone and capitalized, or after a determiner, stands for a noun, "said
//!      Cuban, who…"),
//!      unless that phrase has a verb of its own ("Kasich, a Republican, said the family
//!      deserved better"). A noun phrase right before a finite cue, nearer to it than the
//!      subject the parser gave it, is the speaker ("The money kept her there, Ms. Henry
//!      said", "Sunday on CNN, President Obama said") — not past a comma, nor an object or a
//!      time. A verb whose learnt cues mostly name no source ("seems", "appears",
//!      "is expected") has a speaker only where the learnt judge finds it likely (at least
//!      [`ADD_FROM`]: "Officials expect a rise", not "Vale seems tired"); an agentless cue
//!      ("It was stressed") still names the cue. Nor has a verb whose speaker the **learnt judge** ([`learnt`]: a logistic
//!      regression over the tree's features, learnt from PolNeAR's training split by
//!      `examples/learn_cue_model.rs`) gives a probability under [`DROP_BELOW`] — a listed
//!      verb is not a cue wherever it stands ("The rain added to delays", "Voters who
//!      support Vale rallied"): the next candidate is tried, and the cue stays;
//!    - else a **reporting noun** (not the interaction: "their first call") with its holder:
//!      "Sylvania's statement", "criticism by the ministry" — but a pronoun holder under a
//!      predicate with a subject is that subject's act ("Brun threw his support behind…");
//!    - else a **stance adjective** (learnt from PolNeAR's training split like the verbs:
//!      "confident", "eager", "skeptical") with its subject and a complement: "Trump allies
//!      were hopeful that…" — not a stance of "it", "this", "that", "what" ("it is clear
//!      that…"), nor one without a complement ("They were quick"); a reporting noun or a stance
//!      whose holder the learnt judge finds unlikely (under [`DROP_BELOW`]) names none;
//!    - else, where no list names a cue with a speaker, a **verb, adjective or noun the
//!      learnt judge finds likely** (at least [`ADD_FROM`]) with its holder — a verb's speaker
//!      as above, an adjective's subject, a noun's possessor, its "by"/"from" phrase or its
//!      subject: "Senator Brun voted for the bill", "Vale was critical of the merger"; of
//!      several the most likely, never a logistics verb ("Vale and Brun spoke by telephone":
//!      the call happened).
//!
//!    The speaker is whoever the subject is: a side, a third party, "experts", "she".
//! 2. **Act** ([`Act`]): the subject of the main predicate — of *any* verb, adjective or noun
//!    that is the root, or of the roots coordinated with it, or (when the root has no subject:
//!    a misparse under a fronted word or a name) of the verb right under it, a finite verb
//!    read as the root's reduced relative included — with its conjuncts ("Brun
//!    and Varga threw their support behind…"). No verb list decides that a predicate is an
//!    act; three classes are told apart because the labelling guideline treats them
//!    differently: **logistics** (the call or meeting happened: a logistics verb, "had a
//!    call", the interaction as predicate noun, "the talks took place" — but "had a discussion
//!    on trade" and "talked about trade" are content), a **joint** subject ("both sides", "the
//!    two leaders", "each side", "officials from both countries", "the parties"), and the
//!    **interaction as subject** of a content predicate ("The dialogue underscored the
//!    need…").
//!
//! Subjects are mapped to sides by the caller through [`shape::Shape::tie`]: the noun phrase
//! with its appositions and the `nmod`s that say whose it is ("Head of the Sylvanian
//! delegation Anton Keller"), where a country word ties only a head that can act for a side
//! (a name, an agent noun, a title: "the Sylvanian delegation", not "Sylvanian citizens").
//!
//! Headlines in title case are tagged as the sentence they stand for (`casing`); sentences
//! over [`MAX_PARSED_BYTES`] are not parsed. What this module never does: decide a side. It
//! returns byte spans; the caller maps them to the sides through the parties' mentions and
//! the carried context.

pub mod casing;
pub mod frames;
mod learnt;
pub mod shape;
mod words;

use crate::analysis::segment::Span;
use crate::analysis::text::{self, Register, Token};
use crate::model::Role;
use shape::Shape;

/// An attribution found in the sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speech {
    /// Byte span of the cue ("said", "according to").
    pub cue: (u32, u32),
    /// Byte span of the speaker's noun phrase; `None` for an agentless cue.
    pub speaker: Option<(u32, u32)>,
    /// Byte spans of what ties the speaker and its conjuncts to someone
    /// ([`Shape::tie`]), for mapping to sides.
    pub speakers: Vec<(u32, u32)>,
    pub according: bool,
    /// The speech is introduced for what follows: "…, the minister said:".
    pub opens: bool,
    /// A transcript's speaker label: "SECRETARY VALE: Thank you." — the speech runs to the
    /// next label.
    pub label: bool,
    /// The cue reports a statement made ("said", "says", "according to"), not one to come
    /// ("will claim"): such a sentence ends a speech opened before it.
    pub reported: bool,
}

impl Speech {
    /// A cue token `t` and the holder at token `h` (with its conjuncts), nothing more: a
    /// stance ("Brun is confident that…") or a reporting noun ("Sylvania's statement").
    fn held(shape: &Shape, t: &Token, h: usize) -> Speech {
        Speech {
            cue: (t.start, t.end),
            speaker: Some(shape.phrase(h)),
            speakers: shape
                .conjuncts(h)
                .iter()
                .map(|&c| shape.tie(c, words::agent_like))
                .collect(),
            according: false,
            opens: false,
            label: false,
            reported: false,
        }
    }
}

/// What the main predicate's subject is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Act {
    /// Byte span of the main predicate (the cue shown as evidence).
    pub predicate: (u32, u32),
    /// Byte span of the subject's noun phrase.
    pub subject: (u32, u32),
    /// Byte spans of what ties the subject and its conjuncts to someone ([`Shape::tie`]).
    pub subjects: Vec<(u32, u32)>,
    pub kind: ActKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActKind {
    /// Any predicate of a subject.
    Act,
    /// The subject is joint by its words: "both sides", "the two leaders", "each side".
    Joint,
    /// The interaction is the subject of a content predicate: "The talks covered trade".
    Topic,
    /// The call or meeting happened: "The call lasted an hour", "Brun spoke with Varga".
    Logistics,
}

/// The tree's reading of one sentence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reading {
    pub speech: Option<Speech>,
    pub act: Option<Act>,
    /// Byte spans of the words tagged as proper nouns: the tagger's word for what is a name,
    /// learnt from the treebanks ("Grant" in "Secretary Grant Shapps", "Network Rail"), where
    /// a word list only knows that "grant" and "network" are common words.
    pub proper: Box<[(u32, u32)]>,
    /// Every subject–predicate pair of the sentence ([`frames`]), read by the parties'
    /// frames.
    pub frames: Box<[frames::TreeFrame]>,
}

/// Longest sentence that is parsed, in bytes (some 3 000 words; real sentences are far
/// shorter).
pub const MAX_PARSED_BYTES: usize = 20_000;

/// Reads every sentence of the document: annotates it (the text layer: tokens, tags, tree)
/// and reads its speech and act. A quotation left open at the end of a sentence is open at
/// the start of the next one in the same paragraph. Sentences over [`MAX_PARSED_BYTES`] are
/// not parsed (the tree rules leave them to the others). Sentences are annotated a batch of
/// about [`BATCH_BYTES`] at a time ([`text::annotate_many`], which may use every core), then
/// read in order: the trees of one batch at most are alive at once.
pub fn read_all(src: &str, sentences: &[Span], roles: &[Role]) -> Vec<Reading> {
    let common = casing::CommonWords::of(src);
    let mut out = Vec::with_capacity(sentences.len());
    let mut open = false;
    let mut paragraph = usize::MAX;
    let mut batch: Vec<(Option<String>, usize)> = Vec::new();
    let mut from = 0;
    while from < sentences.len() {
        // the batch: sentences [from, to) of about BATCH_BYTES, each with its cased text
        // when it is a title-case headline
        batch.clear();
        let (mut to, mut bytes) = (from, 0);
        while to < sentences.len() && (to == from || bytes < BATCH_BYTES) {
            let s = &sentences[to];
            if parsed(roles, to, s) {
                // a headline in title case is tagged as the sentence it stands for: "Poll
                // Shows Bump For Vale" → "Poll shows bump for Vale" (same bytes, offsets)
                batch.push((common.sentence_case(&src[s.start..s.end]), to));
                bytes += s.end - s.start;
            }
            to += 1;
        }
        let texts: Vec<(&str, u32, Register)> = batch
            .iter()
            .map(|(cased, i)| {
                let s = &sentences[*i];
                (
                    cased.as_deref().unwrap_or(&src[s.start..s.end]),
                    s.start as u32,
                    register(roles, *i, cased.is_some()),
                )
            })
            .collect();
        let mut trees = text::annotate_many(&texts).into_iter();
        let mut next_parsed = batch.iter().map(|(_, i)| *i).peekable();
        for (i, s) in sentences.iter().enumerate().take(to).skip(from) {
            if s.paragraph != paragraph {
                open = false;
                paragraph = s.paragraph;
            }
            if next_parsed.peek() != Some(&i) {
                // a "sentence" of tens of thousands of words (a list, a paragraph with no
                // full stop) has no tree worth reading: the rules that need none still apply
                if s.end - s.start > MAX_PARSED_BYTES {
                    open = false;
                }
                out.push(Reading::default());
                continue;
            }
            next_parsed.next();
            let toks = trees.next().unwrap_or_default();
            let (reading, still_open) = read(&toks, &src[s.start..s.end], s.start as u32, open);
            open = still_open;
            out.push(reading);
        }
        from = to;
    }
    out
}

/// Bytes of text annotated together by [`read_all`].
const BATCH_BYTES: usize = 64 * 1024;

/// How sentence `i` is written: a title or subtitle, or any sentence in title case, is a
/// headline, any other is prose (`text::missing_verb`: each gets a verb when the tagger finds
/// none).
fn register(roles: &[Role], i: usize, title_case: bool) -> Register {
    match roles.get(i) {
        Some(Role::Title | Role::Subtitle) => Register::Headline,
        _ if title_case => Register::Headline,
        _ => Register::Prose,
    }
}

/// Sentence `i` is annotated: a body-like sentence no longer than [`MAX_PARSED_BYTES`]
/// (bylines, source lines and datelines name no one's statement).
fn parsed(roles: &[Role], i: usize, s: &Span) -> bool {
    let role = roles.get(i).copied().unwrap_or(Role::Body);
    !matches!(role, Role::Byline | Role::Source | Role::Dateline)
        && s.end - s.start <= MAX_PARSED_BYTES
}

/// Reads one annotated sentence. `text` is the sentence, `base` its byte offset in the
/// input (the tokens' offsets include it); `open_at_start`: a quotation is still open.
/// Returns the reading and whether a quotation is still open at its end.
pub fn read(toks: &[Token], text: &str, base: u32, open_at_start: bool) -> (Reading, bool) {
    if toks.is_empty() {
        return (Reading::default(), open_at_start);
    }
    let shape = Shape::new(toks, text, base, open_at_start);
    let reading = Reading {
        speech: speech(&shape, text, base),
        act: act(&shape),
        proper: toks
            .iter()
            .filter(|t| t.upos == text::Upos::Propn)
            .map(|t| (t.start, t.end))
            .collect(),
        frames: frames::frames(&shape, text, base).into_boxed_slice(),
    };
    (reading, shape.open_at_end)
}

/// The token's text in the sentence (no allocation: this runs for every token).
fn word<'a>(t: &Token, text: &'a str, base: u32) -> &'a str {
    let s = t.start.saturating_sub(base) as usize;
    let e = t.end.saturating_sub(base) as usize;
    text.get(s..e).unwrap_or("")
}

/// Longest speaker label of a transcript, in tokens before the colon.
const LABEL_WORDS: usize = 6;

/// A transcript's speaker label opens the sentence: one to [`LABEL_WORDS`] words in capitals
/// (at least one of two letters or more), then a colon — "MINISTER VALE:", "MODERATOR:".
fn label(shape: &Shape, text: &str, base: u32) -> Option<Speech> {
    let toks = shape.toks;
    let colon = toks
        .iter()
        .take(LABEL_WORDS + 1)
        .position(|t| word(t, text, base) == ":")?;
    if colon == 0 || shape.inside[0] {
        return None;
    }
    let capitals = toks[..colon].iter().all(|t| {
        let w = word(t, text, base);
        w.chars().any(char::is_alphabetic)
            && !w.chars().any(char::is_lowercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || c == '.' || c == '\'' || c == '-')
    });
    let long = toks[..colon]
        .iter()
        .any(|t| word(t, text, base).chars().count() >= 2);
    if !capitals || !long {
        return None;
    }
    let who = (toks[0].start, toks[colon - 1].end);
    Some(Speech {
        cue: (toks[colon].start, toks[colon].end),
        speaker: Some(who),
        speakers: vec![who],
        according: false,
        opens: true,
        label: true,
        reported: false,
    })
}

/// Longest name before a headline's colon, in tokens.
const NAME_COLON_WORDS: usize = 4;

/// A name, then a colon, then what it said — a headline's "Graham: Trump's rhetoric hurts
/// the party", "Sen. Vale: …": one to [`NAME_COLON_WORDS`] tokens of nouns with a proper
/// noun among them, the first capitalized and the last a noun, and at least three words
/// after the colon. Not "Update: …" (no name) nor "Follow Vale on Twitter: …" (a verb).
fn name_colon(shape: &Shape, text: &str, base: u32) -> Option<Speech> {
    let toks = shape.toks;
    let colon = toks
        .iter()
        .take(NAME_COLON_WORDS + 1)
        .position(|t| word(t, text, base) == ":")?;
    if colon == 0 || shape.inside[..=colon].iter().any(|&q| q) {
        return None;
    }
    let name = &toks[..colon];
    let nouns = name.iter().all(|t| match t.upos.as_str() {
        "PROPN" | "NOUN" => true,
        "PART" | "PUNCT" => matches!(word(t, text, base), "'s" | "\u{2019}s" | "." | "'"),
        _ => false,
    });
    let proper = name.iter().any(|t| t.upos.as_str() == "PROPN");
    let capital = word(&name[0], text, base)
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    let last = matches!(name[colon - 1].upos.as_str(), "PROPN" | "NOUN");
    let after = toks[colon + 1..]
        .iter()
        .filter(|t| t.upos.as_str() != "PUNCT")
        .count();
    if !(nouns && proper && capital && last && after >= 3) {
        return None;
    }
    let who = (name[0].start, name[colon - 1].end);
    Some(Speech {
        cue: (toks[colon].start, toks[colon].end),
        speaker: Some(who),
        speakers: vec![who],
        according: false,
        opens: false,
        label: false,
        reported: true,
    })
}

/// Labels the newsroom puts before a colon, naming no speaker: what follows is the paper's
/// own note or the news itself ("Editor's note: …", "UPDATE: Vale said…").
const EDITORIAL_LABELS: &[&str] = &[
    "editor's note",
    "editors' note",
    "editor's notes",
    "note",
    "programming note",
    "update",
    "updated",
    "updates",
    "correction",
    "clarification",
    "disclosure",
    "full disclosure",
    "exclusive",
    "breaking",
    "breaking news",
    "developing",
    "watch",
    "related",
    "read more",
];

/// The sentence opens with an editorial label and a colon ([`EDITORIAL_LABELS`]).
fn editorial(shape: &Shape, text: &str, base: u32) -> bool {
    let toks = shape.toks;
    let Some(colon) = toks
        .iter()
        .take(LABEL_WORDS + 1)
        .position(|t| word(t, text, base) == ":")
    else {
        return false;
    };
    let (a, b) = (
        toks[0].start.saturating_sub(base) as usize,
        toks[colon].start.saturating_sub(base) as usize,
    );
    let before = text
        .get(a..b)
        .unwrap_or("")
        .trim()
        .to_lowercase()
        .replace('\u{2019}', "'");
    EDITORIAL_LABELS.contains(&before.as_str())
}

fn speech(shape: &Shape, text: &str, base: u32) -> Option<Speech> {
    if !editorial(shape, text, base)
        && let Some(l) = label(shape, text, base).or_else(|| name_colon(shape, text, base))
    {
        return Some(l);
    }
    let toks = shape.toks;
    // "according to X"
    for (k, t) in toks.iter().enumerate() {
        if shape.inside[k] || k + 1 >= toks.len() {
            continue;
        }
        if word(t, text, base).eq_ignore_ascii_case("according")
            && word(&toks[k + 1], text, base).eq_ignore_ascii_case("to")
        {
            let x = shape
                .head(k)
                .filter(|&h| h != k + 1 && h > k)
                .filter(|&h| words::nominal(&toks[h]))
                .or_else(|| shape.nominal_after(k + 1));
            let spans: Vec<(u32, u32)> = x
                .map(|h| {
                    shape
                        .conjuncts(h)
                        .iter()
                        .map(|&c| shape.tie(c, words::agent_like))
                        .collect()
                })
                .unwrap_or_default();
            return Some(Speech {
                cue: (t.start, toks[k + 1].end),
                speaker: x.map(|h| shape.phrase(h)),
                speakers: spans,
                according: true,
                opens: false,
                label: false,
                reported: true,
            });
        }
    }
    // reporting verbs outside quotations: the highest in the tree, leftmost on ties — the
    // highest that has a speaker ("Vale was booed when she said…" is her speech), else the
    // highest agentless one ("It was stressed that…")
    let mut cands: Vec<(u32, usize)> = Vec::new(); // (depth, token)
    let mut depths: Option<Vec<u32>> = None;
    for (k, t) in toks.iter().enumerate() {
        if shape.inside[k] || !(words::reporting(t) || quote_frame(shape, text, base, k)) {
            continue;
        }
        let d = depths.get_or_insert_with(|| shape.depths())[k];
        // "…, the Sun-Times reported", "He hoped, he said, that…": a report set off by a
        // comma as the `parataxis` of the root frames the whole sentence, root included —
        // when it has no content of its own ("…, the union dismissed an offer" reports no
        // statement of the sentence)
        let framing = t.rel == "parataxis"
            && shape
                .head(k)
                .is_some_and(|h| shape.head(h).is_none() && h < k)
            && set_off(shape, text, base, k)
            && !shape
                .children(k)
                .any(|c| matches!(toks[c].rel_base(), "obj" | "ccomp" | "xcomp"));
        cands.push(if framing { (0, k) } else { (d + 1, k) });
    }
    if cands.is_empty() {
        // a reporting noun or a stance whose holder the learnt judge finds unlikely names
        // none
        let judged = |sp: &Speech| {
            let Some((k, s)) = toks
                .iter()
                .position(|t| t.start == sp.cue.0)
                .and_then(|k| Some((k, holder(shape, text, base, k)?)))
            else {
                return true;
            };
            let mut f = Vec::new();
            learnt::features(shape, text, base, k, s, shape.depths()[k], &mut f);
            learnt::probability(&f) >= DROP_BELOW
        };
        return noun_cue(shape)
            .filter(judged)
            .or_else(|| stance(shape, text, base).filter(judged))
            .or_else(|| learnt_speech(shape, text, base, &cands));
    }
    cands.sort_by_key(|&(d, k)| (d, k));
    let depths = depths.unwrap_or_default();
    // a verb that is mostly a cue without a source ("the outcome seems certain") names none,
    // nor one whose speaker the learnt judge finds unlikely (unless it frames a quotation)
    let mut feats = Vec::new();
    let mut who = |v: usize| {
        let s = speaker_of(shape, text, base, v)?;
        let sourceless = words::sourceless(&toks[v]);
        // a verb that frames a direct quotation is its cue whatever the judge says: "“…,”
        // Vale smiled" is Vale's, however rarely "smile" reports
        if quote_frame(shape, text, base, v) && !sourceless {
            return Some((s, 1.0));
        }
        learnt::features(shape, text, base, v, s, depths[v], &mut feats);
        // a verb whose learnt cues mostly name no source ("is expected", "seems") names its
        // subject only where the judge finds it likely: "Officials expect a rise"
        let least = if sourceless { ADD_FROM } else { DROP_BELOW };
        let p = learnt::probability(&feats);
        (p >= least).then_some((s, p))
    };
    // of the verbs with a speaker, the one the judge finds most likely (a verb framing a
    // quotation counts as certain), the highest in the tree on ties: the judge knows that
    // a verb under another reporting verb is seldom the attribution ("above")
    // a report framing the root ("…, the daily reported": rank 0) counts as certain too
    let mut best: Option<(usize, shape::Subject, f32)> = None;
    for &(rank, v) in &cands {
        if let Some((s, p)) = who(v) {
            let p = if rank == 0 { 1.0 } else { p };
            if best.is_none_or(|b| p > b.2) {
                best = Some((v, s, p));
            }
        }
    }
    let found = best.map(|(v, s, _)| (v, Some(s)));
    if found.is_none()
        && let Some(l) = learnt_speech(shape, text, base, &cands)
    {
        return Some(l);
    }
    let (v, subject) = found.unwrap_or((cands[0].1, None));
    let speaker = subject.map(|s| shape.phrase(s.head));
    let speakers = subject
        .map(|s| {
            shape
                .conjuncts(s.head)
                .iter()
                .map(|&c| shape.tie(c, words::agent_like))
                .collect()
        })
        .unwrap_or_default();
    // "…, the minister said:" — a colon after the verb and no complement of its own after
    // it (a complement before it is a misparsed subject: "Harbour Secretary, Lena Ostrova
    // said:" read as a fronted quotation)
    let opens = toks
        .iter()
        .rev()
        .find(|t| t.upos.as_str() != "PUNCT" || word(t, text, base) == ":")
        .is_some_and(|t| word(t, text, base) == ":")
        && !shape
            .children(v)
            .any(|c| c > v && matches!(toks[c].rel_base(), "ccomp" | "obj" | "xcomp"));
    Some(Speech {
        cue: (toks[v].start, toks[v].end),
        speaker,
        speakers,
        according: false,
        opens,
        label: false,
        reported: matches!(toks[v].xpos, "VBD" | "VBZ"),
    })
}

/// A listed reporting verb whose speaker the learnt judge ([`learnt`]) gives a lower
/// probability than this names no speaker.
const DROP_BELOW: f32 = 0.2;

/// A verb no list names as a cue is one when the learnt judge gives it and its speaker at
/// least this probability.
const ADD_FROM: f32 = 0.4;

/// The speaker of reporting verb `v`: the noun phrase after a verb put before its speaker
/// ([`inverted`]), else its subject (or a nearer noun phrase before it:
/// [`Shape::nearer_subject`]), else the noun phrase next to a verb with no subject slot
/// ([`Shape::adjacent_subject`]).
fn speaker_of(shape: &Shape, text: &str, base: u32, v: usize) -> Option<shape::Subject> {
    if let Some(head) = inverted(shape, text, base, v) {
        return Some(shape::Subject { head, agent: false });
    }
    let s = shape
        .subject(v)
        .map(|s| shape.nearer_subject(v, s).unwrap_or(s))
        .or_else(|| shape.adjacent_subject(v))
        .or_else(|| first_word(shape, text, base, v));
    // "Vale, who chairs the board, said…": the subject the parser gave the verb inside the
    // clause set off before it (or none, or a time) — the sentence's opening noun phrase speaks
    if let Some((head, relative)) = opening(shape, text, base, v)
        && s.is_none_or(|s| !s.agent && (relative <= s.head || shape.bare_time(s.head)))
    {
        return Some(shape::Subject { head, agent: false });
    }
    // a time is no speaker ("Judge Vale late Thursday issued…" read with "night" as the
    // subject): the noun phrase right before it, over a parenthesis ("Rep. Vale (Fr.) last
    // week said"), or the noun a participle right before it modifies ("a poll released
    // Sunday showed")
    match s {
        Some(t) if !t.agent && shape.bare_time(t.head) => before_time(shape, t.head)
            .map(|head| shape::Subject { head, agent: false })
            .or(s),
        s => s,
    }
}

/// The sentence's first word, capitalized, right before finite verb `v` with no subject slot:
/// a name the tagger took for an adverb or adjective ("Jolly said he…", "Small argued
/// that…"), when the verb has a clause after it — not "So says a voice", "Enough said".
fn first_word(shape: &Shape, text: &str, base: u32, v: usize) -> Option<shape::Subject> {
    let toks = shape.toks;
    let clause = shape
        .children(v)
        .any(|c| c > v && matches!(toks[c].rel_base(), "ccomp" | "xcomp"));
    let slot = shape.children(v).any(|c| {
        matches!(
            toks[c].rel,
            "nsubj" | "nsubj:pass" | "csubj" | "csubj:pass" | "expl" | "expl:pass"
        )
    });
    (v == 1
        && clause
        && !slot
        && !shape.inside[0]
        && !shape.inside[v]
        && toks[v].upos.as_str() == "VERB"
        && matches!(toks[v].xpos, "VBD" | "VBZ" | "VBP")
        && matches!(
            toks[0].upos.as_str(),
            "ADV" | "ADJ" | "PROPN" | "NOUN" | "X"
        )
        && word(&toks[0], text, base)
            .chars()
            .next()
            .is_some_and(char::is_uppercase))
    .then_some(shape::Subject {
        head: 0,
        agent: false,
    })
}

/// The noun phrase a bare time phrase headed by `t` follows (see [`speaker_of`]).
fn before_time(shape: &Shape, t: usize) -> Option<usize> {
    let toks = shape.toks;
    let (from, _) = shape.phrase(t);
    let mut j = toks.iter().position(|u| u.start == from)?.checked_sub(1)?;
    if toks[j].lemma.as_ref() == ")" {
        j = (j.saturating_sub(8)..j)
            .rev()
            .find(|&o| toks[o].lemma.as_ref() == "(")?
            .checked_sub(1)?;
    }
    if shape.inside[j] {
        return None;
    }
    match toks[j].upos.as_str() {
        "NOUN" | "PROPN" => Some(shape.name_head(j)),
        "VERB" if toks[j].xpos == "VBN" => shape
            .head(j)
            .filter(|&h| h < j && matches!(toks[h].upos.as_str(), "NOUN" | "PROPN")),
        _ => None,
    }
}

/// The sentence's opening noun phrase, when finite verb `v` follows it across a clause set
/// off by commas or dashes: "Vale, who chairs the board, said", "Vale, an adviser whose
/// firm was hired by Brun, said", "Vale, 54, argued", "Vale, clearly annoyed, responded" —
/// the noun phrase starts the sentence (after a conjunction, or after a fronted phrase that
/// opens with a preposition or adverb or names a time: "In May, Vale, the nominee,
/// proposed"), the clause between is a relative one (it opens with "who", "whose",
/// "which") or an apposition (a noun phrase, or an adverb and adjective: no finite verb
/// before a relative pronoun, a past form before a noun being an adjective: "many of them
/// retired officers"), `v` is finite or a past participle without a passive's auxiliary
/// (the tagger's VBN for "Vale, a party operative, vouched"), and only adverbs and auxiliaries stand between its closing mark and `v`
/// ("…, also said"). Returns the noun phrase's head and where the relative clause starts
/// (the closing mark when there is none): a subject the parser found from there on is the
/// relative clause's, not the verb's ("Vale, who runs the board's arm, said" read with "arm"
/// for the subject), while one in the apposition names the same speaker.
fn opening(shape: &Shape, text: &str, base: u32, v: usize) -> Option<(usize, usize)> {
    let toks = shape.toks;
    // a past participle with no auxiliary but "have" stands where English has the finite
    // verb: "Vale, a party operative, vouched for…" (tagged VBN and hung from the apposition
    // as a reduced relative), "Vale -- whose husband… -- has derided…"; not a passive ("was
    // named", "named by")
    let participle = toks[v].xpos == "VBN"
        && !shape.children(v).any(|c| {
            matches!(toks[c].rel, "aux:pass" | "obl:agent")
                || (toks[c].rel == "aux" && &*toks[c].lemma != "have")
        });
    if shape.inside[v]
        || toks[v].upos.as_str() != "VERB"
        || !(matches!(toks[v].xpos, "VBD" | "VBZ" | "VBP") || participle)
    {
        return None;
    }
    let w = |k: usize| word(&toks[k], text, base);
    let mark = |k: usize| matches!(w(k), "," | "\u{2014}" | "--");
    // the closing mark: right before v, over adverbs and auxiliaries
    let mut close = v.checked_sub(1)?;
    while close > 0 && matches!(toks[close].upos.as_str(), "ADV" | "AUX") {
        close -= 1;
    }
    if !mark(close) {
        return None;
    }
    // the opening noun phrase: from the start (after a conjunction, and after a fronted
    // phrase set off by a comma: "In October, Vale, the nominee, proposed…") to the first
    // mark
    let mut from = usize::from(toks[0].upos.as_str() == "CCONJ");
    if let Some(m) = (from..close).find(|&k| mark(k))
        && m > from
        && (matches!(toks[from].upos.as_str(), "ADP" | "ADV" | "SCONJ")
            || (from..m).any(|k| crate::analysis::lexicon::LEXICON.time(&toks[k].lemma)))
        && (m + 1..close).filter(|&k| mark(k)).count() >= 1
    {
        from = m + 1;
    }
    let open = (from..close).find(|&k| mark(k))?;
    let nominal = |k: usize| matches!(toks[k].upos.as_str(), "NOUN" | "PROPN");
    let np = from..open;
    // its words: a determiner, possessive, adjective, number or noun, and a preposition
    // within it ("His critics in the capital")
    if np.is_empty()
        || !np.clone().any(nominal)
        || toks[from].upos.as_str() == "ADP"
        || np.clone().any(|k| {
            shape.inside[k]
                || !(matches!(
                    toks[k].upos.as_str(),
                    "DET" | "ADJ" | "NOUN" | "PROPN" | "NUM"
                ) || toks[k].xpos == "PRP$"
                    || matches!(&*toks[k].lemma, "of" | "in" | "at" | "for" | "from")
                    || matches!(w(k), "'s" | "\u{2019}s" | "."))
        })
        || w(open) != w(close)
    {
        return None;
    }
    // the clause between: a relative clause, or an apposition up to its relative pronoun,
    // or a phrase of an adverb and an adjective ("Vale, clearly frustrated, responded")
    let between = open + 1..close;
    let relative = |k: usize| matches!(toks[k].xpos, "WP" | "WP$" | "WDT");
    let first = between.clone().next()?;
    let apposition = matches!(
        toks[first].upos.as_str(),
        "DET" | "ADJ" | "NOUN" | "PROPN" | "NUM" | "ADV"
    );
    if !relative(first) && !apposition {
        return None;
    }
    let end = between.clone().find(|&k| relative(k)).unwrap_or(close);
    // a finite verb makes it a clause; a past form right before a noun is an adjective
    // ("many of them retired officers")
    if (first..end).any(|k| {
        shape.inside[k]
            || (matches!(toks[k].upos.as_str(), "VERB" | "AUX")
                && matches!(toks[k].xpos, "VBD" | "VBZ" | "VBP" | "MD")
                && !(toks[k].xpos == "VBD"
                    && toks[k].upos.as_str() == "VERB"
                    && k + 1 < end
                    && toks[k + 1].upos.as_str() == "NOUN"))
    }) {
        return None;
    }
    // the head: the noun whose head lies outside the phrase, else the last noun — not a
    // time ("Last week, the director, Vale, said")
    let head = np
        .clone()
        .rfind(|&k| nominal(k) && shape.head(k).is_none_or(|h| !np.contains(&h)))
        .or_else(|| np.clone().rfind(|&k| nominal(k)))?;
    if crate::analysis::lexicon::LEXICON.time(&toks[head].lemma) {
        return None;
    }
    Some((head, end))
}

/// Who holds what word `k` says, for the learnt judge: of a verb its speaker
/// ([`speaker_of`]); of an adjective its subject ("Vale was critical of the plan"); of a noun
/// its possessor ("Vale's complaints"), the noun phrase of its "by" or "from" ("attacks from
/// Vale"), or its subject ("Vale is a critic of the plan").
fn holder(shape: &Shape, text: &str, base: u32, k: usize) -> Option<shape::Subject> {
    let toks = shape.toks;
    match toks[k].upos.as_str() {
        "VERB" => speaker_of(shape, text, base, k),
        "ADJ" => shape.subject(k).filter(|s| !s.agent),
        "NOUN" => {
            let by = shape.children(k).find(|&c| {
                toks[c].rel == "nmod:poss"
                    || (toks[c].rel == "nmod"
                        && shape.children(c).any(|g| {
                            toks[g].rel_base() == "case" && matches!(&*toks[g].lemma, "by" | "from")
                        }))
            });
            match by {
                Some(h) => Some(shape::Subject {
                    head: h,
                    agent: toks[h].rel == "nmod",
                }),
                None if shape.child_with(k, "cop").is_some() => {
                    shape.subject(k).filter(|s| !s.agent)
                }
                None => None,
            }
        }
        _ => None,
    }
    .filter(|s| !shape.inside[s.head] && words::nominal(&toks[s.head]))
}

/// The attribution of a verb no list names, when the learnt judge finds it and its speaker
/// likely ([`ADD_FROM`]): of the verbs outside quotations that are not listed reporting verbs
/// (`listed`: the candidates already tried), the most likely.
fn learnt_speech(shape: &Shape, text: &str, base: u32, listed: &[(u32, usize)]) -> Option<Speech> {
    let toks = shape.toks;
    let mut depths: Option<Vec<u32>> = None;
    let mut feats = Vec::new();
    let mut best: Option<(f32, usize, shape::Subject)> = None;
    for (k, t) in toks.iter().enumerate() {
        // a logistics verb says that the call happened ("Vale and Brun spoke by telephone")
        if shape.inside[k] || listed.iter().any(|&(_, c)| c == k) || words::logistic_verb(t) {
            continue;
        }
        let Some(s) = holder(shape, text, base, k) else {
            continue;
        };
        let d = depths.get_or_insert_with(|| shape.depths())[k];
        learnt::features(shape, text, base, k, s, d, &mut feats);
        let p = learnt::probability(&feats);
        if p >= ADD_FROM && best.is_none_or(|(b, _, _)| p > b) {
            best = Some((p, k, s));
        }
    }
    let (_, v, s) = best?;
    Some(Speech {
        reported: matches!(toks[v].xpos, "VBD" | "VBZ"),
        ..Speech::held(shape, &toks[v], s.head)
    })
}

/// A verb of a sentence with the speaker the rules give it, and the features the learnt
/// judge reads ([`learnt::features`]): what `examples/learn_cue_model.rs` learns from.
pub struct Candidate {
    /// Byte span of the verb.
    pub cue: (u32, u32),
    /// Byte span of its speaker's noun phrase.
    pub speaker: (u32, u32),
    pub features: Vec<String>,
    /// The probability the shipped judge gives it.
    pub p: f32,
}

/// Every verb outside quotations that has a speaker ([`speaker_of`]), with its features;
/// and whether a quotation is still open at the end (as [`read`]).
pub fn candidates(
    toks: &[Token],
    text: &str,
    base: u32,
    open_at_start: bool,
) -> (Vec<Candidate>, bool) {
    if toks.is_empty() {
        return (Vec::new(), open_at_start);
    }
    let shape = Shape::new(toks, text, base, open_at_start);
    let depths = shape.depths();
    let mut out = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        if shape.inside[k] {
            continue;
        }
        let Some(s) = holder(&shape, text, base, k) else {
            continue;
        };
        let mut features = Vec::new();
        learnt::features(&shape, text, base, k, s, depths[k], &mut features);
        out.push(Candidate {
            cue: (t.start, t.end),
            speaker: shape.phrase(s.head),
            p: learnt::probability(&features),
            features,
        });
    }
    (out, shape.open_at_end)
}

/// Reporting verb `v` and its subject before it stand after a comma or dash ("…, the
/// Sun-Times reported", "He hoped, he said, that…").
fn set_off(shape: &Shape, text: &str, base: u32, v: usize) -> bool {
    let toks = shape.toks;
    let Some(s) = shape.subject(v).filter(|s| s.head < v && !s.agent) else {
        return false;
    };
    let (from, _) = shape.phrase(s.head);
    let first = toks[..=s.head].partition_point(|t| t.start < from);
    first > 0
        && matches!(word(&toks[first - 1], text, base), "," | "\u{2014}" | "--")
        && toks[first..v].iter().all(|t| t.upos.as_str() != "VERB")
}

/// The speaker after a reporting verb put before it: "“…,” said Mr. Vale", "…, says political
/// scientist Dossym Satpayev in Almaty", "“…,” wrote a man calling himself Paul" — whatever
/// the parser made of it (it often takes a noun of the quotation or of the reported clause
/// for the subject). The verb is one that English inverts ([`words::inverts`], learnt: "said"
/// and "wrote" are, "told" never is: "…, Ramos told AFP"), finite, right after a comma or
/// after a quotation closed by a comma, question or exclamation mark, with a clause or a
/// quotation before it; the noun phrase after it (determiners, adjectives, numbers, nouns, at
/// least one noun, no time: "said Tuesday"; with its "of" phrase: "said one of the aides",
/// headed by "one") is followed by no finite verb and no quotation up
/// to the next comma or relative pronoun — "Kasich, a Republican, said the Khan family
/// deserved better" is the content's subject, not an inverted speaker. Returns the noun
/// phrase's head.
fn inverted(shape: &Shape, text: &str, base: u32, v: usize) -> Option<usize> {
    let toks = shape.toks;
    let t = &toks[v];
    if shape.inside[v] || !matches!(t.xpos, "VBD" | "VBZ") || !words::inverts(t) {
        return None;
    }
    let w = |k: usize| word(&toks[k], text, base);
    // before: "…, said" or "…,” said" (any closing quotation marks, then , ? ! or a dash)
    let mut p = v.checked_sub(1)?;
    if shape.inside[p] {
        while p > 0 && shape.inside[p] && quote_mark(w(p)) {
            p -= 1;
        }
        if p + 1 == v || !matches!(w(p), "," | "?" | "!" | "\u{2014}") {
            return None;
        }
    } else if w(p) != "," {
        return None;
    }
    let content =
        (0..p).any(|k| shape.inside[k] || matches!(toks[k].upos.as_str(), "VERB" | "AUX"));
    if !content {
        return None;
    }
    // after: the noun phrase
    let n = toks.len();
    // (a participle before a name is its adjective: "said retired Gen. Vale", not "said
    // closed primaries -- …")
    let nominal = |k: usize| toks[k].upos.as_str() == "PROPN";
    let mut e = v + 1;
    while e < n
        && !shape.inside[e]
        && (matches!(
            toks[e].upos.as_str(),
            "DET" | "ADJ" | "NOUN" | "PROPN" | "NUM"
        ) || matches!(w(e), "'s" | "\u{2019}s")
            // "said one of those advisers", "wrote the authors of the report"
            || (&*toks[e].lemma == "of"
                && e > v + 1
                && e + 1 < n
                && !shape.inside[e + 1]
                && matches!(
                    toks[e + 1].upos.as_str(),
                    "DET" | "ADJ" | "NOUN" | "PROPN" | "NUM" | "PRON"
                ))
            || (toks[e].upos.as_str() == "VERB"
                && matches!(toks[e].xpos, "VBN" | "VBD")
                && e + 1 < n
                && !shape.inside[e + 1]
                && nominal(e + 1)))
    {
        e += 1;
    }
    let run = v + 1..e;
    let noun = |k: &usize| matches!(toks[*k].upos.as_str(), "NOUN" | "PROPN");
    // an adjective standing for a noun ends the phrase: "said Cuban, who…", "said the
    // 46-year-old." — capitalized alone, or after a determiner, then punctuation
    let adjective_head = (e > v + 1 && toks[e - 1].upos.as_str() == "ADJ")
        .then_some(e - 1)
        .filter(|&a| {
            let alone = a == v + 1 && w(a).chars().next().is_some_and(char::is_uppercase);
            let determined = toks[v + 1].upos.as_str() == "DET";
            (alone || determined) && (e == n || toks[e].upos.as_str() == "PUNCT")
        });
    if !run.clone().any(|k| noun(&k)) && adjective_head.is_none()
        || run.clone().any(|k| {
            matches!(
                toks[k].rel,
                "obl:unmarked" | "obl:tmod" | "nmod:unmarked" | "nmod:tmod"
            )
        })
    {
        return None;
    }
    // no finite verb of its own and no quotation up to the next comma or relative pronoun
    for (k, u) in toks.iter().enumerate().skip(e) {
        if matches!(w(k), "," | ";" | "\u{2014}" | "--") || matches!(u.xpos, "WP" | "WDT" | "WP$") {
            break;
        }
        if shape.inside[k]
            || (matches!(u.upos.as_str(), "VERB" | "AUX")
                && matches!(u.xpos, "VBD" | "VBZ" | "VBP" | "MD"))
        {
            return None;
        }
    }
    // the head: the last noun whose head lies outside the phrase, else its last noun
    let outside = |k: &usize| shape.head(*k).is_none_or(|h| !run.contains(&h));
    // — before its "of" phrase, if any: "Ann Vale of the Brun Institute"; or a number or
    // pronoun heading the "of" phrase: "one of those advisers"
    let of = run.clone().find(|&k| &*toks[k].lemma == "of").unwrap_or(e);
    let pre = v + 1..of;
    pre.clone()
        .rfind(|k| noun(k) && outside(k))
        .or_else(|| {
            pre.clone()
                .find(|&k| matches!(toks[k].upos.as_str(), "NUM" | "PRON"))
        })
        .or_else(|| pre.clone().rfind(noun))
        .or_else(|| run.clone().rfind(|k| noun(k) && outside(k)))
        .or_else(|| run.clone().rfind(noun))
        .or(adjective_head)
}

/// A quotation mark, opening or closing.
fn quote_mark(w: &str) -> bool {
    matches!(
        w,
        "\u{201d}" | "\u{201c}" | "\"" | "'" | "''" | "\u{00bb}" | "\u{00ab}"
    )
}

/// Fewest words inside a quotation that a framing verb can introduce (fewer is a title or a
/// scare quote: "“Jaws” premiered").
const FRAMED_WORDS: usize = 3;

/// Most words around a framing verb, outside the quotation (its subject: "the former
/// Sylvanian minister").
const FRAME_WORDS: usize = 6;

/// Any finite verb that frames a direct quotation, whatever the verb: outside it and right
/// next to it with nothing around but its subject — "“…,” Vale continued", "“…?” asked
/// Vale", "Vale went on, “…”", "Vale: “…”" is the label rule's. The quotation ends with a
/// comma, question or exclamation mark before the verb, or follows a comma or colon after
/// it; the words outside are at most [`FRAME_WORDS`], none of them another verb.
fn quote_frame(shape: &Shape, text: &str, base: u32, v: usize) -> bool {
    let toks = shape.toks;
    if shape.inside[v]
        || toks[v].upos.as_str() != "VERB"
        || !matches!(toks[v].xpos, "VBD" | "VBZ" | "VBP")
    {
        return false;
    }
    let n = toks.len();
    // the stretch outside quotation marks around the verb: a..b
    let mut a = v;
    while a > 0 && !shape.inside[a - 1] {
        a -= 1;
    }
    let mut b = v + 1;
    while b < n && !shape.inside[b] {
        b += 1;
    }
    let w = |k: usize| word(&toks[k], text, base);
    let is_word = |k: usize| toks[k].upos.as_str() != "PUNCT";
    let quoted_words = |r: std::ops::Range<usize>| {
        r.filter(|&k| shape.inside[k] && is_word(k)).count() >= FRAMED_WORDS
    };
    // before: “…,” — the last token inside that is not a quotation mark is a comma, question
    // or exclamation mark
    let mark = |k: usize| matches!(w(k), "\u{201d}" | "\u{201c}" | "\"" | "'" | "\u{00bb}");
    let mut q = a;
    while q > 0 && shape.inside[q - 1] && mark(q - 1) {
        q -= 1;
    }
    let before = q > 0
        && q < a
        && matches!(w(q - 1), "," | "?" | "!" | "\u{2014}")
        && quoted_words(a.saturating_sub(40)..a);
    // after: …, “…” — a comma or colon right before the quotation opens
    let after =
        b < n && b > v + 1 && matches!(w(b - 1), "," | ":") && quoted_words(b..n.min(b + 40));
    if !before && !after {
        return false;
    }
    let around: Vec<usize> = (a..b).filter(|&k| k != v && is_word(k)).collect();
    around.len() <= FRAME_WORDS
        && !around
            .iter()
            .any(|&k| matches!(toks[k].upos.as_str(), "VERB" | "AUX"))
}

/// An adjective of a stance with its holder as subject and a complement after it: "Trump
/// allies were hopeful that…", "Sanders is eager to…", "voters worried about…" — not a
/// stance of "it", "this", "that" or "what" ("it is clear that…": no one holds it), nor one
/// without a complement ("The dinner was quick").
fn stance(shape: &Shape, text: &str, base: u32) -> Option<Speech> {
    let toks = shape.toks;
    for (k, t) in toks.iter().enumerate() {
        if shape.inside[k] || !words::stance(t) {
            continue;
        }
        let Some(h) = shape.child_with(k, "nsubj") else {
            continue;
        };
        let thing = toks[h].upos.as_str() == "PRON"
            && matches!(
                word(&toks[h], text, base).to_ascii_lowercase().as_str(),
                "it" | "this" | "that" | "what" | "which"
            );
        let complement = shape.children(k).any(|c| {
            c > k
                && matches!(
                    toks[c].rel_base(),
                    "ccomp" | "xcomp" | "advcl" | "obl" | "csubj"
                )
        });
        if thing || shape.inside[h] || !words::nominal(&toks[h]) || !complement {
            continue;
        }
        return Some(Speech::held(shape, t, h));
    }
    None
}

/// A reporting noun with its holder: "Sylvania's statement", "the minister's criticism of",
/// "a statement by the ministry".
fn noun_cue(shape: &Shape) -> Option<Speech> {
    let toks = shape.toks;
    for (k, t) in toks.iter().enumerate() {
        if shape.inside[k] || !words::reporting_noun(t) {
            continue;
        }
        let holder = shape.children(k).find(|&c| {
            toks[c].rel == "nmod:poss"
                || (toks[c].rel == "nmod"
                    && shape
                        .children(c)
                        .any(|g| toks[g].rel_base() == "case" && &*toks[g].lemma == "by"))
        });
        let Some(h) = holder.filter(|&h| words::nominal(&toks[h])) else {
            continue;
        };
        // "Brun threw his support behind…": a pronoun holder under a predicate with its own
        // subject is that subject's act, not a speaker of its own
        if toks[h].upos.as_str() == "PRON"
            && shape.head(k).is_some_and(|p| shape.subject(p).is_some())
        {
            continue;
        }
        return Some(Speech::held(shape, t, h));
    }
    None
}

fn act(shape: &Shape) -> Option<Act> {
    let toks = shape.toks;
    let root = shape.root()?;
    // the root and the predicates coordinated with it, first with a subject wins; a
    // subordinate clause misparsed as the root gives way to its main clause
    let mut preds: Vec<usize> = shape.main_under_subordinate_root().into_iter().collect();
    preds.push(root);
    preds.extend(
        shape
            .children(root)
            .filter(|&c| toks[c].rel_base() == "conj" && words::predicate(&toks[c])),
    );
    // a root without a subject (a misparse hanging the clause under a fronted word): the
    // verbs right under it, and a finite verb read as a reduced relative of the root ("Sylvania,
    // a member of the council, voted…" with "voted" an `acl` of "Sylvania": a reduced relative
    // is a participle, never a finite verb)
    if shape.subject(root).is_none() {
        preds.extend(shape.children(root).filter(|&c| {
            let verb = toks[c].upos.as_str() == "VERB";
            (matches!(toks[c].rel_base(), "ccomp" | "parataxis") && verb)
                || (toks[c].rel == "acl"
                    && c > root
                    && verb
                    && matches!(toks[c].xpos, "VBD" | "VBZ" | "VBP"))
        }));
    }
    for p in preds {
        if shape.inside[p] {
            continue;
        }
        let Some(s) = shape.subject(p) else {
            continue;
        };
        if shape.inside[s.head] {
            continue;
        }
        let subjects: Vec<(u32, u32)> = shape
            .conjuncts(s.head)
            .iter()
            .map(|&c| shape.tie(c, words::agent_like))
            .collect();
        // logistics first: "the two leaders had their first call" only says it happened
        let kind = if words::logistic(shape, p, s.head) {
            ActKind::Logistics
        } else if words::joint_subject(shape, s.head) {
            ActKind::Joint
        } else if words::interaction(&toks[s.head]) {
            ActKind::Topic
        } else {
            ActKind::Act
        };
        return Some(Act {
            predicate: (toks[p].start, toks[p].end),
            subject: shape.phrase(s.head),
            subjects,
            kind,
        });
    }
    None
}

#[cfg(test)]
mod frames_tests;
#[cfg(test)]
mod tests;
