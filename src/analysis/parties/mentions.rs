//! Mentions of one sentence: every span that names a side, a third party, both sides together,
//! or stands for someone (a pronoun), built from the gazetteer and document hits.
//!
//! Rules:
//! * A country name, capital or seat is an actor by itself ("Freedonia", "the Palace" as a seat).
//! * A demonym is an actor only with an agent noun or a title after it ("Freedonian officials",
//!   "the Freedonian side", "Freedonian President Karl Brun"); "Freedonian citizens" and
//!   "Freedonian waters" are mentions that cannot act.
//! * A title with "of COUNTRY" is that country ("the Minister for Trade of Sylvania").
//! * A person's name takes in the title and honorific before it ("President Brun", "Mr. Brun")
//!   and first names ("Karl Brun").
//! * A title after "the" with no name is a bare office ("the Prime Minister"), resolved later.
//! * Joint phrases: "the two leaders", "both sides", "the parties", "the Foreign Ministers",
//!   and "Both" alone before a verb.
//! * Pronouns: he/she, they, it, I/we; "This"/"That" only opening a sentence before a verb.
//! * News media and places are mentions that can never act.

use super::lexicon::class;
use super::tokens::{Kind, Token};
use super::{Ment, Pron, Target};

/// How a document-level hit names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HitForm {
    Name,
    Demonym,
    Person,
    /// Media and places.
    Inert,
}

/// A hit mapped onto tokens `[first, last)` of one sentence.
#[derive(Debug, Clone, Copy)]
pub struct EHit {
    pub first: usize,
    pub last: usize,
    pub entity: usize,
    pub form: HitForm,
}

/// Token `i` is the ASCII word `w` in any case (`w` lower case, with no `k`: no other
/// character lower-cases into it).
fn lw(src: &str, toks: &[Token], i: usize, w: &str) -> bool {
    toks.get(i)
        .is_some_and(|t| t.text(src).eq_ignore_ascii_case(w))
}

/// Per-token tables of [`build`], kept from sentence to sentence so that they are allocated
/// once.
#[derive(Debug, Default)]
pub struct Scratch {
    hit_start: Vec<Option<usize>>,
    hit_end: Vec<bool>,
    title_start: Vec<Option<(usize, usize)>>,
    title_end: Vec<Option<(usize, usize)>>,
}

/// Builds the mentions. `office` gives the entity of a bare title (by its lower-case text).
pub fn build(
    src: &str,
    toks: &[Token],
    hits: &[EHit],
    titles: &[(usize, usize)],
    office: &mut dyn FnMut(&str) -> usize,
    scratch: &mut Scratch,
) -> Vec<Ment> {
    let mut out: Vec<Ment> = Vec::new();
    let n = toks.len();
    let Scratch {
        hit_start,
        hit_end,
        title_start,
        title_end,
    } = scratch;
    hit_start.clear();
    hit_start.resize(n + 1, None);
    hit_end.clear();
    hit_end.resize(n + 1, false);
    title_start.clear();
    title_start.resize(n + 1, None);
    title_end.clear();
    title_end.resize(n + 1, None);
    for (k, h) in hits.iter().enumerate() {
        if h.first < n && hit_start[h.first].is_none() {
            hit_start[h.first] = Some(k);
        }
        if h.last <= n {
            hit_end[h.last] = true;
        }
    }
    for &t in titles {
        if t.0 < n && title_start[t.0].is_none() {
            title_start[t.0] = Some(t);
        }
        if t.1 <= n && title_end[t.1].is_none() {
            title_end[t.1] = Some(t);
        }
    }
    let (hit_start, hit_end): (&[Option<usize>], &[bool]) = (hit_start, hit_end);
    let (title_start, title_end): (&[_], &[_]) = (title_start, title_end);
    let hit_at = |i: usize| hit_start.get(i).copied().flatten().map(|k| &hits[k]);
    let title_at = |i: usize| title_start.get(i).copied().flatten();
    let push = |out: &mut Vec<Ment>, first: usize, last: usize, target: Target, agentive: bool| {
        // a person: a name hit, or a span with a title in it ("Chilean President Rojas")
        let person = (first..last).any(|k| {
            hit_start[k].is_some_and(|h| hits[h].form == HitForm::Person)
                || title_start[k].is_some_and(|t: (usize, usize)| t.1 <= last)
        });
        out.push(Ment {
            start: toks[first].start(),
            end: toks[last - 1].end(),
            first,
            last,
            target,
            agentive,
            person,
        });
    };
    let mut i = 0;
    while i < toks.len() {
        if let Some(h) = hit_at(i) {
            match h.form {
                HitForm::Inert => {
                    push(&mut out, h.first, h.last, Target::Entity(h.entity), false);
                    i = h.last;
                }
                HitForm::Person => {
                    let mut first = h.first;
                    // title / honorific before the name
                    if let Some(t) = title_end.get(first).copied().flatten() {
                        first = t.0;
                    } else if first >= 2
                        && toks[first - 1].is_punct(src, '.')
                        && toks[first - 2].is(class::HONORIFIC)
                    {
                        first -= 2;
                    } else if first >= 1 && toks[first - 1].is(class::HONORIFIC) {
                        first -= 1;
                    }
                    // first names
                    while first > 0
                        && toks[first - 1].capitalised()
                        && !toks[first - 1].known()
                        && out.last().is_none_or(|m| m.last < first)
                        && hit_at(first - 1).is_none()
                        && !hit_end.get(first).copied().unwrap_or(false)
                    {
                        first -= 1;
                    }
                    if out.last().is_some_and(|m| m.last > first) {
                        first = h.first;
                    }
                    push(&mut out, first, h.last, Target::Entity(h.entity), true);
                    i = h.last;
                }
                HitForm::Name | HitForm::Demonym if opens_org_name(toks, h.last) => {
                    // "the Kenya Medical Association", "Sylvanian Farmers Union": the country
                    // word opens an organisation's name; that organisation is not the state
                    push(&mut out, h.first, h.last, Target::Entity(h.entity), false);
                    i = h.last;
                }
                HitForm::Name | HitForm::Demonym => {
                    let mut last = h.last;
                    let mut extended = false;
                    if let Some(t) = title_at(last) {
                        last = t.1;
                        extended = true;
                        if let Some(p) = hit_at(last).filter(|p| p.form == HitForm::Person) {
                            last = p.last;
                        }
                    } else {
                        // capitalised words before an agent head: "Freedonian Trade Ministry"
                        let mut k = last;
                        while k < toks.len()
                            && k < last + 2
                            && toks[k].capitalised()
                            && !toks[k].is(class::AGENT)
                            && hit_at(k).is_none()
                        {
                            k += 1;
                        }
                        if !toks
                            .get(k)
                            .is_some_and(|t| t.is_word() && t.is(class::AGENT))
                        {
                            k = last;
                        }
                        while k < toks.len()
                            && k < last + 5
                            && toks[k].is_word()
                            && toks[k].is(class::AGENT)
                        {
                            k += 1;
                        }
                        if k > last {
                            last = k;
                            extended = true;
                        }
                    }
                    let agentive = h.form == HitForm::Name || extended;
                    push(&mut out, h.first, last, Target::Entity(h.entity), agentive);
                    i = last;
                }
            }
            continue;
        }
        if let Some((tf, tl)) = title_at(i) {
            // TITLE of [the] COUNTRY
            if lw(src, toks, tl, "of") {
                let mut k = tl + 1;
                if lw(src, toks, k, "the") {
                    k += 1;
                }
                // not "President of the Kenya Medical Association": the title is the
                // organisation's, whose name the country only opens
                if let Some(h) =
                    hit_at(k).filter(|h| h.form == HitForm::Name && !opens_org_name(toks, h.last))
                {
                    let mut last = h.last;
                    if let Some(p) = hit_at(last).filter(|p| p.form == HitForm::Person) {
                        last = p.last;
                    } else if last + 1 < toks.len() && toks[last].is(class::HONORIFIC) {
                        // "President of Freedonia Mr. Sand": leave the name to its own hit
                    }
                    push(&mut out, tf, last, Target::Entity(h.entity), true);
                    i = last;
                    continue;
                }
            }
            if hit_at(tl).is_some_and(|p| p.form == HitForm::Person) {
                i = tl;
                continue;
            }
            let det_before = tf > 0 && lw(src, toks, tf - 1, "the");
            let name_after = toks.get(tl).is_some_and(|t| t.capitalised() && !t.known());
            let possessive_before = tf > 0 && toks[tf - 1].kind() == Kind::Possessive;
            if det_before && !name_after && !possessive_before {
                let title = src[toks[tf].start()..toks[tl - 1].end()].to_lowercase();
                let e = office(&title);
                push(&mut out, tf, tl, Target::Entity(e), true);
            }
            i = tl;
            continue;
        }
        let t = &toks[i];
        if t.is_word() {
            let w = t.text(src);
            let flags = t.flags();
            // joint phrases
            if flags & (class::JOINT_DET | class::DET) != 0 && w.eq_ignore_ascii_case("the")
                || flags & class::JOINT_DET != 0
            {
                let mut k = i + 1;
                let mut has_joint_det = flags & class::JOINT_DET != 0;
                if lw(src, toks, k, "two") || lw(src, toks, k, "both") {
                    has_joint_det = true;
                    k += 1;
                }
                let mut mods = 0;
                while mods < 2
                    && toks
                        .get(k)
                        .is_some_and(|t| t.is_word() && !t.is(class::JOINT))
                    && toks
                        .get(k)
                        .is_some_and(|t| t.capitalised() || has_joint_det)
                    && !toks[k].is(class::VERB | class::PREP | class::AUX)
                {
                    k += 1;
                    mods += 1;
                }
                let head = toks.get(k).filter(|t| t.is_word() && t.is(class::JOINT));
                let generic_head = head.is_some_and(|t| {
                    matches!(
                        t.text(src).to_lowercase().as_str(),
                        "countries"
                            | "nations"
                            | "states"
                            | "governments"
                            | "men"
                            | "teams"
                            | "heads"
                    )
                });
                if head.is_some()
                    && (has_joint_det || !generic_head)
                    && toks.get(k + 1).is_none_or(|n| n.kind() != Kind::Possessive)
                    && hit_at(k).is_none()
                {
                    push(&mut out, i, k + 1, Target::Joint, true);
                    i = k + 1;
                    continue;
                }
                if w.eq_ignore_ascii_case("both")
                    && toks.get(i + 1).is_some_and(|n| {
                        n.is_word() && (n.verb().is_some() || n.is(class::AUX | class::ADVERB))
                    })
                {
                    push(&mut out, i, i + 1, Target::Joint, true);
                    i += 1;
                    continue;
                }
            }
            let pron = if flags & class::PRON_PERSON != 0 {
                Some(Pron::Person)
            } else if flags & class::PRON_GROUP != 0 {
                Some(Pron::Group)
            } else if flags & class::PRON_FIRST != 0 {
                Some(Pron::First)
            } else if flags & class::PRON_THING != 0 {
                let lower = w.to_lowercase();
                let opening = i == 0
                    && toks
                        .get(1)
                        .is_some_and(|n| n.is_word() && (n.is(class::AUX) || n.verb().is_some()));
                (lower == "it" || opening).then_some(Pron::Thing)
            } else {
                None
            };
            if let Some(p) = pron {
                push(&mut out, i, i + 1, Target::Pronoun(p), false);
            }
        }
        i += 1;
    }
    out
}

/// The capitalised words from token `after` run into an organisation's name ("… Medical
/// Association"), so the country word just before them only opens that name.
fn opens_org_name(toks: &[Token], after: usize) -> bool {
    super::people::org_named_after(toks, after, |j| {
        toks.get(j).is_some_and(|t| t.is_word() && t.capitalised())
    })
    .is_some()
}
