//! Subject–verb frames: which mention is the grammatical subject of which verb.
//!
//! There is no parser; the rules read the tokens around each mention:
//!
//! * **Left edge.** Walking left over determiners ("the", "many", "senior"), the token before a
//!   subject must be the start, punctuation, a conjunction, a subordinator (the frame is then
//!   subordinate), a reporting verb (the subject of its complement: "said Sylvania will…",
//!   subordinate) or a noun ending a fronted phrase ("At the dinner President Brun said").
//!   A preposition ("the call between Brun and Vex"), another verb (an object), a possessive
//!   or a glued hyphen ("Freedonia-Sylvania talks") rules the mention out.
//! * **Noun phrase.** A subject may run on: coordination with another mention ("Brun and Vex",
//!   "Neither Acme's nor Bolt's representatives"; at the start of a sentence also two names
//!   joined by a comma with no closing comma after the second: "Brun, Varga vow…"), a
//!   possessive with an agent head ("Freedonia's
//!   Trade Ministry", "Acme's representatives", "Freedonia's President Karl Brun" — a mention
//!   after the possessive is the head; a possessive with any other head — "Freedonia's
//!   constitution" — makes the mention a possessor, not a subject), a prepositional phrase of
//!   capitalised words after an agent head ("officials in the Trade Ministry", "the diplomat in
//!   Sylvania"), an apposition between commas or brackets with no verb inside ("Freedonia, a
//!   member of the council, voted"; a relative clause between commas may have one: "the
//!   guild, which represents 4,000 workers, said"; "Sylvania, on the other hand, sees").
//! * **Verb group.** After adverbs ("also", "reportedly", any "-ly"), time phrases ("on Tuesday",
//!   "last week": "the guild on Tuesday rejected the offer"), auxiliaries and negation,
//!   the head verb is looked up in `assets/lexicon.txt`: report, act, logistic or copula. An
//!   auxiliary with no verb after it is a copula, except "have/had" followed by an event noun
//!   ("had a phone call"), which is logistic, and "have/had/held" followed by a discussion noun
//!   ("had a frank exchange of views on…"), which is the joint discussion of a topic: reporting. "spoke/talked about" is reporting. For a strong
//!   subject (a name, not a pronoun or a joint phrase), an unknown lower-case word ending in -s or
//!   -ed right after it counts as an act ("Acme sues", "Freedonia erects").
//! * **Coordinated content.** A logistic verb followed in the same clause by "and" + a reporting
//!   or act verb takes that verb ("spoke with Vex and expressed concern").
//! * **Inverted and post-posed speech.** "…,” said Brun" (a reporting verb after a quote or
//!   comma, then a mention) is a frame too, marked `post`; so is ", Brun said" after a quote.

use super::lexicon::{VerbClass, class};
use super::tokens::{Kind, Token};
use super::{Ment, Target};

/// Where a subject stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Left {
    Main,
    Sub,
    Reject,
}

/// One subject–verb pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// Indices into the sentence's mentions.
    pub members: Vec<usize>,
    /// Subject tokens `[first, last)`.
    pub first: usize,
    pub last: usize,
    /// End of the speaker's own words (without an apposition or a trailing phrase).
    pub speaker_end: usize,
    /// The cue: the verb token.
    pub verb: usize,
    pub class: VerbClass,
    pub main: bool,
    /// The subject is inside a quotation.
    pub quoted: bool,
    /// Inverted or post-posed speech after a quotation.
    pub post: bool,
}

fn lower(src: &str, t: &Token) -> String {
    t.text(src).to_lowercase()
}

fn is_adverb(src: &str, t: &Token) -> bool {
    t.is(class::ADVERB) || {
        let w = t.text(src);
        w.len() > 4
            && w.ends_with("ly")
            && w.chars().next().is_some_and(char::is_lowercase)
            && !t.known()
    }
}

/// The context to the left of a subject starting at token `first`.
pub fn left_context(src: &str, toks: &[Token], first: usize) -> Left {
    let mut k = first;
    while k > 0 && k + 6 > first {
        let t = &toks[k - 1];
        if t.is_word()
            && t.is(class::DET)
            && !t.is(class::SUBORD)
            && !t.text(src).eq_ignore_ascii_case("neither")
        {
            k -= 1;
        } else {
            break;
        }
    }
    if k == 0 {
        return Left::Main;
    }
    let p = &toks[k - 1];
    match p.kind() {
        Kind::Possessive => return Left::Reject,
        Kind::Quote => return Left::Main,
        Kind::Punct => {
            if p.is_punct(src, '-') && p.end == toks[k].start {
                return Left::Reject;
            }
            return Left::Main;
        }
        Kind::Word => {}
    }
    let w = p.text(src);
    let flags = p.flags();
    if w.eq_ignore_ascii_case("neither") || w.eq_ignore_ascii_case("both") {
        return Left::Main;
    }
    if flags & class::SUBORD != 0 {
        return Left::Sub;
    }
    if flags & class::COORD != 0 {
        // "talks between the company and the union": a preposition governs both conjuncts
        for j in (k.saturating_sub(7)..k - 1).rev() {
            let t = &toks[j];
            if !t.is_word() || t.verb().is_some() || t.is(class::AUX | class::SUBORD) {
                break;
            }
            if t.is(class::PREP) {
                return Left::Reject;
            }
        }
        return Left::Main;
    }
    if flags & class::PREP != 0 {
        return Left::Reject;
    }
    if let Some(vc) = p.verb() {
        return if vc == VerbClass::Report && flags & class::AUX == 0 {
            Left::Sub
        } else {
            Left::Reject
        };
    }
    if flags & class::AUX != 0 {
        return Left::Reject;
    }
    Left::Main
}

fn participle_like(src: &str, t: &Token) -> bool {
    let w = t.text(src);
    w.chars().next().is_some_and(char::is_lowercase)
        && w.len() > 3
        && (w.ends_with("ed") || w.ends_with("en") || w.ends_with("ing"))
        && t.flags() & !class::VERB == 0
}

fn event_follows(toks: &[Token], from: usize) -> bool {
    toks.iter()
        .skip(from)
        .take(5)
        .any(|t| t.is_word() && t.is(class::EVENT))
}

/// "an exchange of views" within a few words after `from`: a discussion of a topic.
fn discussion_follows(toks: &[Token], from: usize) -> bool {
    toks.iter()
        .skip(from)
        .take(4)
        .take_while(|t| t.is_word())
        .any(|t| t.is(class::DISCUSSION))
}

fn adjust(src: &str, toks: &[Token], at: usize, vc: VerbClass) -> VerbClass {
    if vc == VerbClass::Logistic && discussion_follows(toks, at + 1) {
        return VerbClass::Report;
    }
    if vc == VerbClass::Logistic {
        let w = lower(src, &toks[at]);
        if (w.starts_with("sp") || w.starts_with("talk"))
            && toks
                .iter()
                .skip(at + 1)
                .take(3)
                .any(|t| t.text(src).eq_ignore_ascii_case("about"))
        {
            return VerbClass::Report;
        }
    }
    vc
}

/// A time phrase standing between a subject and its verb — "on Tuesday", "on March 3",
/// "last week", "this month" — as in "the guild on Tuesday rejected the offer": the token
/// after it, or `e` when there is none. A month name alone is not skipped ("may" is an
/// auxiliary), only after "on"/"last"/"this"/"next".
fn skip_time_phrase(src: &str, toks: &[Token], e: usize) -> usize {
    let word = |k: usize| toks.get(k).filter(|t| t.is_word()).map(|t| t.text(src));
    let calendar = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.is_word() && t.is(class::CALENDAR))
    };
    let number = |k: usize| word(k).is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()));
    let Some(first) = word(e) else {
        return e;
    };
    if first.eq_ignore_ascii_case("on") && calendar(e + 1) {
        return if number(e + 2) { e + 3 } else { e + 2 };
    }
    let period = |k: usize| {
        calendar(k)
            || word(k).is_some_and(|w| {
                ["week", "month", "year", "weekend"]
                    .iter()
                    .any(|p| w.eq_ignore_ascii_case(p))
            })
    };
    if ["last", "this", "next"]
        .iter()
        .any(|p| first.eq_ignore_ascii_case(p))
        && period(e + 1)
    {
        return e + 2;
    }
    e
}

/// The verb group starting at token `e` (after adverbs and time phrases): the cue token and
/// its class.
/// `heuristic` allows an unknown "-s"/"-ed" word as an act.
pub fn verb_after(
    src: &str,
    toks: &[Token],
    mut e: usize,
    heuristic: bool,
) -> Option<(usize, VerbClass)> {
    loop {
        if toks
            .get(e)
            .is_some_and(|t| t.is_word() && is_adverb(src, t))
        {
            e += 1;
            continue;
        }
        let after = skip_time_phrase(src, toks, e);
        if after == e {
            break;
        }
        e = after;
    }
    let t = toks.get(e).filter(|t| t.is_word())?;
    let w = t.text(src);
    let flags = t.flags();
    if flags & class::AUX != 0 {
        let mut k = e + 1;
        while k < e + 8
            && toks.get(k).is_some_and(|t| {
                t.is_word() && (t.is(class::AUX | class::NEG) || is_adverb(src, t))
            })
        {
            k += 1;
        }
        if let Some(h) = toks.get(k).filter(|t| t.is_word()) {
            if let Some(vc) = h.verb().filter(|_| !h.is(class::AUX)) {
                return Some((k, adjust(src, toks, k, vc)));
            }
            if participle_like(src, h) {
                return Some((k, VerbClass::Act));
            }
        }
        let lw = w.to_lowercase();
        let vc = if lw.starts_with("ha") && discussion_follows(toks, e + 1) {
            VerbClass::Report
        } else if lw.starts_with("ha") && event_follows(toks, e + 1) {
            VerbClass::Logistic
        } else {
            VerbClass::Copula
        };
        return Some((e, vc));
    }
    if let Some(vc) = t.verb() {
        return Some((e, adjust(src, toks, e, vc)));
    }
    if heuristic
        && w.chars().next().is_some_and(char::is_lowercase)
        && w.len() >= 4
        && ((w.ends_with('s') && !w.ends_with("ss")) || w.ends_with("ed"))
        && flags == 0
    {
        return Some((e, VerbClass::Act));
    }
    None
}

/// Index of the mention starting at each token (one past the end included).
pub fn mention_index(ments: &[Ment], n: usize) -> Vec<Option<usize>> {
    let mut at = vec![None; n + 1];
    for (k, m) in ments.iter().enumerate() {
        if m.first <= n && at[m.first].is_none() {
            at[m.first] = Some(k);
        }
    }
    at
}

/// The first token from `k` on that is not a determiner ("the", "a", "many"): where the noun
/// phrase after a cue ("according to", "said", "by", "and") really starts.
pub fn skip_determiners(toks: &[Token], mut k: usize) -> usize {
    while toks.get(k).is_some_and(|t| t.is_word() && t.is(class::DET)) {
        k += 1;
    }
    k
}

fn mention_starting(at: &[Option<usize>], tok: usize) -> Option<usize> {
    at.get(tok).copied().flatten()
}

/// A mention of a named entity (not a pronoun or a joint phrase).
fn named(m: &Ment) -> bool {
    matches!(m.target, Target::Entity(_))
}

fn can_lead(m: &Ment) -> bool {
    m.agentive || matches!(m.target, Target::Joint | Target::Pronoun(_))
}

/// The extent of a subject starting at mention `i`: members and the token after it, or `None`
/// when the mention is a possessor or a modifier, not a subject.
fn subject_np(
    src: &str,
    toks: &[Token],
    ments: &[Ment],
    at: &[Option<usize>],
    i: usize,
) -> Option<(Vec<usize>, usize, bool)> {
    let mut members = vec![i];
    let mut e = ments[i].last;
    let mut agent_head = ments[i].agentive && ments[i].last - ments[i].first > 1;
    while let Some(t) = toks.get(e) {
        if t.kind() == Kind::Possessive {
            // "Freedonia's President Karl Brun": the person after the possessive is the head
            if let Some(j) = mention_starting(at, e + 1).filter(|&j| ments[j].agentive) {
                members.push(j);
                e = ments[j].last;
                agent_head = true;
                continue;
            }
            // "Acme's representatives", "Acme's nor Bolt's representatives"
            let mut k = e + 1;
            let mut extra = Vec::new();
            while let Some(n) = toks.get(k) {
                if n.is_word()
                    && n.is(class::COORD)
                    && let Some(j) = mention_starting(at, k + 1)
                {
                    extra.push(j);
                    k = ments[j].last;
                    if toks.get(k).is_some_and(|t| t.kind() == Kind::Possessive) {
                        k += 1;
                    }
                    continue;
                }
                break;
            }
            let limit = k + 4;
            while toks
                .get(k)
                .is_some_and(|t| t.is_word() && !t.is(class::AGENT) && !t.is(class::VERB))
                && k < limit
            {
                k += 1;
            }
            if toks
                .get(k)
                .is_some_and(|t| t.is_word() && t.is(class::AGENT))
            {
                while toks
                    .get(k)
                    .is_some_and(|t| t.is_word() && t.is(class::AGENT))
                {
                    k += 1;
                }
                members.extend(extra);
                e = k;
                agent_head = true;
                continue;
            }
            return None;
        }
        // "Brun, Varga vow to…" (a headline's or a lead's names joined by a comma): from the
        // start of the sentence, a named mention after the comma that a word follows, not the
        // closing comma of an apposition ("Brun, Varga's envoy, said" is one subject)
        if ments[members[0]].first == 0
            && t.is_punct(src, ',')
            && members.len() < 6
            && let Some(j) = mention_starting(at, e + 1)
                .filter(|&j| named(&ments[members[0]]) && named(&ments[j]) && ments[j].agentive)
            && toks.get(ments[j].last).is_some_and(|n| n.is_word())
        {
            members.push(j);
            e = ments[j].last;
            continue;
        }
        if t.is_word() && t.is(class::COORD) && !t.text(src).eq_ignore_ascii_case("so") {
            let k = skip_determiners(toks, e + 1);
            if let Some(j) =
                mention_starting(at, k).filter(|&j| can_lead(&ments[j]) && members.len() < 6)
            {
                members.push(j);
                e = ments[j].last;
                continue;
            }
        }
        break;
    }
    // a prepositional phrase after an agent head: "officials in the Trade Ministry"
    let mut rounds = 0;
    while agent_head && rounds < 2 {
        let Some(t) = toks.get(e).filter(|t| t.is_word()) else {
            break;
        };
        let w = t.text(src).to_lowercase();
        if !matches!(w.as_str(), "of" | "in" | "at" | "for" | "from" | "to") {
            break;
        }
        let mut k = e + 1;
        let mut caps = 0;
        while let Some(n) = toks.get(k) {
            let nw = n.text(src);
            if n.capitalised()
                || (n.is_word() && (nw == "the" || nw == "of"))
                || n.kind() == Kind::Possessive
            {
                if n.capitalised() {
                    caps += 1;
                }
                k += 1;
            } else {
                break;
            }
            if k > e + 9 {
                break;
            }
        }
        if caps == 0 {
            break;
        }
        e = k;
        rounds += 1;
    }
    let e = skip_apposition(src, toks, e);
    let strong = ments[members[0]].agentive
        && !matches!(ments[members[0]].target, Target::Joint | Target::Pronoun(_));
    Some((members, e, strong))
}

/// After a subject ending at token `e`: the token after an apposition between commas,
/// brackets or dashes with a verb after it ("Freedonia, a member of the council, voted"), or
/// after a relative clause between commas ("The guild, which represents 4,000 workers, said");
/// else `e` itself. An apposition has no verb inside; a relative clause opens with
/// which/who/whose and may have one.
pub fn skip_apposition(src: &str, toks: &[Token], e: usize) -> usize {
    let Some(t) = toks.get(e).filter(|t| !t.is_word()) else {
        return e;
    };
    let open = t.text(src);
    let Some(close) = (match open {
        "," => Some(","),
        "(" => Some(")"),
        "–" | "—" => Some(open),
        _ => None,
    }) else {
        return e;
    };
    let relative = close == ","
        && toks.get(e + 1).is_some_and(|n| {
            n.is_word()
                && matches!(
                    n.text(src).to_lowercase().as_str(),
                    "which" | "who" | "whose"
                )
        });
    let limit = if relative { e + 24 } else { e + 16 };
    let mut k = e + 1;
    while k < toks.len() && k <= limit {
        let n = &toks[k];
        // a comma inside a number ("4,000") closes nothing
        let glued = toks[k - 1].end == n.start && toks.get(k + 1).is_some_and(|x| x.start == n.end);
        if !n.is_word() && n.text(src) == close && !glued {
            if k > e + 1 && verb_after(src, toks, k + 1, false).is_some() {
                return k + 1;
            }
            return e;
        }
        if n.kind() == Kind::Quote
            || n.is_punct(src, ';')
            || (!relative && n.is_word() && n.is(class::VERB | class::AUX | class::SUBORD))
        {
            return e;
        }
        k += 1;
    }
    e
}

/// End of "Acme's representatives": the agent words after a possessive.
fn agent_end(toks: &[Token], members: &[usize], ments: &[Ment]) -> usize {
    let Some(&m) = members.last() else { return 0 };
    let mut k = ments[m].last;
    if toks.get(k).is_some_and(|t| t.kind() == Kind::Possessive) {
        k += 1;
        let limit = k + 4;
        while k < limit && toks.get(k).is_some_and(|t| t.is_word()) {
            let agent = toks[k].is(class::AGENT);
            k += 1;
            if agent {
                return k;
            }
        }
    }
    0
}

/// Frames of one sentence. `inside` tells which tokens are inside a quotation.
pub fn find(src: &str, toks: &[Token], ments: &[Ment], inside: &[bool]) -> Vec<Frame> {
    let mut frames = Vec::new();
    // every frame has a mention for its subject
    if ments.is_empty() {
        return frames;
    }
    let at = mention_index(ments, toks.len());
    // a quote token stands before token `k` when the first one is before it
    let first_quote = toks.iter().position(|t| t.kind() == Kind::Quote);
    let quote_before = |k: usize| first_quote.is_some_and(|q| q < k);
    let mut consumed = vec![false; ments.len()];
    for i in 0..ments.len() {
        if consumed[i] || !can_lead(&ments[i]) {
            continue;
        }
        let first = ments[i].first;
        let left = left_context(src, toks, first);
        if left == Left::Reject {
            // the conjuncts of a rejected mention are not subjects either
            let mut e = ments[i].last;
            let mut n = 0;
            while n < 6
                && toks
                    .get(e)
                    .is_some_and(|t| t.is_word() && t.is(class::COORD))
            {
                let k = skip_determiners(toks, e + 1);
                let Some(j) = mention_starting(&at, k) else {
                    break;
                };
                consumed[j] = true;
                e = ments[j].last;
                n += 1;
            }
            continue;
        }
        let Some((members, e, strong)) = subject_np(src, toks, ments, &at, i) else {
            continue;
        };
        // "Sylvanian citizens fear": the mention only modifies the noun that is the subject
        if e == ments[i].last
            && toks.get(e).is_some_and(|t| {
                t.is_word() && !t.capitalised() && t.flags() == 0 && t.verb().is_none()
            })
            && verb_after(src, toks, e + 1, false).is_some()
        {
            continue;
        }
        let Some((mut verb, mut vc)) = verb_after(src, toks, e, strong) else {
            continue;
        };
        for &m in &members {
            consumed[m] = true;
        }
        if matches!(vc, VerbClass::Logistic | VerbClass::Copula) {
            // "spoke with Vex … and expressed concern"
            let mut k = verb + 1;
            while k < toks.len().min(verb + 40) {
                let t = &toks[k];
                if t.is_punct(src, ';') || t.kind() == Kind::Quote {
                    break;
                }
                if t.is_word() && t.text(src).eq_ignore_ascii_case("and") {
                    let mut h = k + 1;
                    while toks
                        .get(h)
                        .is_some_and(|t| t.is_word() && is_adverb(src, t))
                    {
                        h += 1;
                    }
                    if let Some(n) = toks.get(h).filter(|t| t.is_word())
                        && let Some(c @ (VerbClass::Report | VerbClass::Act)) = n.verb()
                        && !(h > 0 && toks[h - 1].text(src).eq_ignore_ascii_case("to"))
                    {
                        verb = h;
                        vc = c;
                        break;
                    }
                }
                k += 1;
            }
        }
        let quoted = inside.get(first).copied().unwrap_or(false);
        let post = quote_before(first) && vc == VerbClass::Report && !quoted;
        let speaker_end = members
            .iter()
            .map(|&m| ments[m].last)
            .max()
            .unwrap_or(e)
            .max(agent_end(toks, &members, ments));
        frames.push(Frame {
            members,
            first,
            last: e,
            speaker_end,
            verb,
            class: vc,
            main: left == Left::Main,
            quoted,
            post,
        });
    }
    // inverted speech: "…,” said Brun" / ", said the minister"
    for (k, t) in toks.iter().enumerate() {
        if !t.is_word() || t.verb() != Some(VerbClass::Report) || k == 0 {
            continue;
        }
        let p = &toks[k - 1];
        if !(p.kind() == Kind::Quote || p.is_punct(src, ','))
            || inside.get(k).copied().unwrap_or(false)
        {
            continue;
        }
        let s = skip_determiners(toks, k + 1);
        let finite = !t.text(src).ends_with("ing");
        let closes = |j: usize| {
            toks.get(ments[j].last)
                .is_none_or(|n| !n.is_word() && !n.is_punct(src, '-'))
        };
        if let Some(j) =
            mention_starting(&at, s).filter(|&j| finite && ments[j].agentive && closes(j))
        {
            if consumed[j] {
                continue;
            }
            consumed[j] = true;
            frames.push(Frame {
                members: vec![j],
                first: ments[j].first,
                last: ments[j].last,
                speaker_end: ments[j].last,
                verb: k,
                class: VerbClass::Report,
                main: true,
                quoted: false,
                post: true,
            });
        }
    }
    frames.sort_by_key(|f| f.first);
    frames
}
