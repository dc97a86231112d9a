//! Attribution: the side of every sentence — A, B, both or neither — with its evidence.
//!
//! The label is the **source** of the content (the speaker of a quote or paraphrase, the
//! holder of a position, the actor of an act), never merely who is mentioned. The rules (the
//! name in brackets is `evidence.rule`) are tried for each sentence in the order of the step
//! tables in `steps` (`steps::RULES`, then the tree, `steps::TREE`), which is this list's
//! but for rules 7–10: 1–6, 10 under a scope, 8 (10's name after "It has been stressed"), 9,
//! 7, 12, the scope of 4, 10 without a scope, the tree, 13. Rules 11 and 14 run once all
//! sentences are decided.
//!
//! 1. **Boilerplate** (`boilerplate`): bylines, source lines and datelines are `neither`.
//! 2. **Headline colon** (`headline-colon`): "Brun: we will not yield" — the words before a
//!    colon near the start are only a side's mention → that side.
//! 3. **According to** (`according-to`): "According to the Palace, …" → the side named.
//!    "According to official sources" names no side and is transparent: the rest decides.
//! 4. **Passive agent** (`passive-agent`): "This was reported by the Freedonian press
//!    service" → that side. With "This/It" as subject it also sets a **scope**: the previous
//!    sentence and the following ones of the paragraph and the next that have no source of
//!    their own, or only the other side's, take the reporting side (`scope`).
//! 5. **Post-posed speech** (`post-posed`): "“…,” said Brun" or "“…,” Brun said" → the speaker,
//!    even when a subject inside the quotation comes first.
//! 6. **Main subject** (`subject-source` for reporting verbs, `subject-actor` for the acts
//!    of the lexicon, `tree-actor` for any other predicate): the
//!    first subject, outside quotations, of a main clause with a reporting or act verb. A
//!    fronted phrase ("Regarding the talks, Freedonia has…") and an apposition ("Freedonia, a
//!    founding member of the league, voted…") are skipped by the frame rules
//!    (`parties::frames`). Nested attribution takes the outermost speaker: "The Palace said
//!    that President Vex expressed…" is the Palace's side, because the inner subject stands in
//!    a subordinate clause. With subjects from both sides ("Brun and Vex agreed"), or a joint
//!    phrase ("the two leaders", "both sides", "They" after such a sentence) → `both`
//!    (`joint`). A third party as main subject → `neither` (`third-party`), unless a side is
//!    coordinated with it ("The minister and the UN envoy said" → the minister's side).
//!    Pronouns: "he/she" → the side of the last single-side speaker; "they" → the last
//!    sentence's side, or both when the last sentence had both sides meet; "I/we" outside a
//!    quotation is a narrator → `neither` (`narrator`).
//! 7. **Logistics** (`logistics`): when the main verb only says the call or meeting happened
//!    ("spoke", "met", "held talks", "had a phone call", "lasted"), with no coordinated
//!    reporting verb ("spoke with Vex and expressed concern" is content) → `neither`, even for
//!    "the two leaders had their first call".
//! 8. **Embedded source** (`embedded-source`): when the main clause is narration ("The suit
//!    was filed after Acme had asked…"), the side of a reporting or act verb in a subordinate
//!    clause decides.
//! 9. **Standing state** (`subject-state`): a side as the subject of a copula ("Sylvania is
//!    ready…") → that side.
//! 10. **Agentless report** (`agentless-report`): "It has been stressed that Sylvania will…"
//!     → the scope's side if any, else the side that is the subject inside the complement.
//! 11. **Quote continuation** (`quote-continuation`): a sentence inside a quotation that runs
//!     over several sentences takes the speaker of the sentence that opens or closes it; a
//!     paragraph that opens with a quotation mark and names no source continues the side
//!     whose quotation ended the paragraph before (`quote_paragraphs`).
//! 12. **Striking members** (`striking-members`): with no source found, workers named before a
//!     strike word ("Cabin crew at Acme have begun a strike", "Acme workers walked out") are the
//!     members of the side that is a union (a name or alias ending in "union"/"guild"…, when
//!     exactly one side is) — not the employer whose name they carry.
//! 13. Otherwise `neither` (`no-source`): narration, background, third parties only.
//! 14. **Readout** (`readout`, after all sentences are decided): when the text is an official
//!     readout issued by one side (`readout`: a verbless title naming only the counterpart
//!     — "Call with the Sylvanian President" —, a source line naming one side, or a readout
//!     marker plus the subject of the first logistics sentence), the other side's content in
//!     the body and agentless reports become the issuer's; joint content and logistics stay.
//!
//! A passive with "by X" decides only in the main clause ("They discussed the plan agreed by
//! Brun" is the two leaders' discussion, not Brun's report). "They" keeps its referent over a
//! line that names no one (a banner, a date). "had/held an exchange of views on X" with a joint
//! subject is the joint discussion of a topic (`both`), not logistics. "They" after a sentence
//! whose source is one person ("The Prime Minister set out…", or an actor the tree found:
//! "Varga threw her support…") is not that person's side: it keeps a joint referent if there
//! was one, else it is unresolved. A lone "it" before an active
//! reporting verb ("In a statement, it said…") is a side subject earlier in the sentence, else
//! the last single side; the expletive "It has been stressed" is not. A main-clause passive of
//! a reporting or act verb with a noun subject and no agent ("The invitation was accepted") is
//! an agentless report (rule 10), like "It was stressed that…".
//!
//! Evidence: the speaker mention and its span, the cue (verb, "according to", colon, "by")
//! and its span, the quote kind (direct: the content is all inside quotation marks; mixed:
//! partly; indirect: reported without them; none: not reported speech), and hedges from
//! `assets/hedges.txt` ("reportedly", "allegedly", "according to sources"). The speaker is
//! the tree's when it found one; a rule's subject is none where the tree read the same cue
//! and found it no speaker ("Vale was asked about the plan", "Vale is expected to sign": the
//! cue stays, the side is the rule's).
//!
//! **The tree** ([`crate::analysis::clauses`]): where rules 2–13 find no source, the
//! sentence's parse decides — the speaker of its attribution if that is a side
//! (`tree-source`), else the subject of its main predicate (`tree-actor`), a joint subject
//! (`joint`), the interaction as the subject of a content predicate (`joint-topic`) or a
//! logistics predicate (`logistics`). Where the rules found only a third party or logistics,
//! the tree may overrule them with a side ("Head of the Sylvanian delegation Anton Keller
//! said…", "They had an in-depth discussion on trade"). Two decisions span sentences: a
//! transcript's speaker label ("MINISTER VALE: …", `speaker-label`) holds until the next
//! label, and a reporting verb before a final colon ("Harbour Secretary Lena Ostrova said:")
//! makes the following paragraphs the speaker's (`speech-continuation`) until a sentence
//! reports another source's statement.
//!
//! Never: decide by counting mentions, look at text outside the sentence except through the
//! carried context (previous speaker, scope, open quotation), or rescan the document.

mod decide;
mod evidence;
mod quote_paragraphs;
mod readout;
mod rule;
mod sentence;
mod steps;

use super::clauses::{self, Reading};
use super::parties::{Facts, Parties};
use super::segment::Span;
use crate::model::{Evidence, Role, Side};
use decide::{Context, Decision};
use rule::Rule;

/// The side of one sentence and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    pub side: Side,
    pub evidence: Evidence,
}

/// A speech opened by "…, the minister said:" or a transcript's speaker label.
#[derive(Debug, Clone, Copy)]
struct Opened {
    side: Side,
    paragraph: usize,
    label: bool,
}

/// The side of a transcript's speaker label: a person of one side named in it ("SECRETARY
/// VALE" when Vale is a side's person), by a person mention or by a person's surname in any
/// case. Never a country or a place: "VARN:" at the head of a paragraph is a dateline.
fn label_side(text: &str, sp: &clauses::Speech, facts: &Facts, parties: &Parties) -> Option<Side> {
    let (a, b) = sp.speaker?;
    let label = text.get(a as usize..b as usize)?.to_lowercase();
    let words: Vec<&str> = label
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 2)
        .collect();
    let mut found = None;
    for party in &parties.parties {
        let named = party.people.iter().any(|p| {
            p.name
                .split_whitespace()
                .last()
                .is_some_and(|s| words.contains(&s.to_lowercase().as_str()))
        });
        let mentioned = facts.mentions.iter().any(|m| {
            m.person
                && (m.start as u64) < b as u64
                && (a as u64) < m.end as u64
                && matches!(m.target, super::parties::Target::Entity(e) if parties.side_of(e) == Some(party.id))
        });
        if named || mentioned {
            if found.is_some() {
                return None;
            }
            found = Some(Side::of(party.id));
        }
    }
    found
}

/// Every sentence decided, its evidence not yet written: the first of attribution's two
/// phases ([`decide_all`]), which the second ([`Decided::into_attributions`]) turns into
/// [`Attribution`]s.
#[derive(Debug, Clone)]
pub struct Decided {
    decisions: Vec<Decision>,
    speeches: Vec<Option<clauses::Speech>>,
}

/// Both phases at once, the facts taken out of `parties`, without the orchestrator's memory
/// hand-backs: the benches' and `stage_times`' way to time attribution alone.
pub fn attribute_all(
    text: &str,
    sentences: &[Span],
    roles: &[Role],
    readings: &[Reading],
    parties: &mut Parties,
) -> Vec<Attribution> {
    let decided = decide_all(text, sentences, roles, readings, parties);
    let facts = std::mem::take(&mut parties.facts);
    decided
        .into_attributions(text, sentences, facts, parties)
        .collect()
}

/// Decides the side of every sentence. `parties.facts` must have one entry per sentence; they
/// are only read.
pub fn decide_all(
    text: &str,
    sentences: &[Span],
    roles: &[Role],
    readings: &[Reading],
    parties: &Parties,
) -> Decided {
    let mut ctx = Context::with_union(decide::union_side(parties));
    let mut decisions: Vec<Decision> = Vec::with_capacity(sentences.len());
    let mut speeches: Vec<Option<clauses::Speech>> = Vec::with_capacity(sentences.len());
    let mut opened: Option<Opened> = None;
    for (i, span) in sentences.iter().enumerate() {
        let role = roles.get(i).copied().unwrap_or(Role::Body);
        let Some(facts) = parties.facts.get(i) else {
            decisions.push(Decision::neither(Rule::NoSource));
            speeches.push(None);
            continue;
        };
        ctx.enter(span.paragraph);
        let no_reading = Reading::default();
        let reading = readings.get(i).unwrap_or(&no_reading);
        let mut d = sentence::decide(text, facts, role, parties, &mut ctx, reading);
        // a transcript's speaker label ("MINISTER VALE: …") is the speaker of everything up
        // to the next label; a label that is no side's person ("MODERATOR:") ends it
        if let Some(sp) = reading.speech.as_ref().filter(|s| s.label) {
            opened = None;
            if let Some(side) = label_side(text, sp, facts, parties) {
                d = decide::Decision::speaker_label(side, sp);
                opened = Some(Opened {
                    side,
                    paragraph: span.paragraph,
                    label: true,
                });
            }
        } else if let Some(o) = opened {
            if role != Role::Body {
                opened = None;
            } else if o.label {
                if d.rule != Rule::Boilerplate {
                    d.continues(o.side, Rule::SpeakerLabel);
                }
            } else if span.paragraph > o.paragraph {
                // "…, the minister said:" opens a speech that runs over the next paragraphs,
                // whoever its sentences name, until one reports another source's statement
                // ("In response, the union said…"; not "the union will claim…")
                let reported = reading
                    .speech
                    .as_ref()
                    .is_some_and(|s| s.reported && s.speaker.is_some());
                if d.side != o.side && reported {
                    opened = None;
                } else if d.rule != Rule::Boilerplate {
                    d.continues(o.side, Rule::SpeechContinuation);
                }
            }
        }
        if reading.speech.as_ref().is_some_and(|s| s.opens && !s.label)
            && matches!(d.side, Side::A | Side::B)
        {
            opened = Some(Opened {
                side: d.side,
                paragraph: span.paragraph,
                label: false,
            });
        }
        speeches.push(reading.speech.clone());
        // a scope set by "This was reported by X" reaches back one sentence (even across a
        // paragraph break: readouts often end a paragraph with it)
        if let Some(side) = d.sets_scope
            && let Some(prev) = decisions.last_mut()
            && i > 0
            && prev.open_to_scope(side)
        {
            prev.side = side;
            prev.rule = Rule::Scope;
        }
        decisions.push(d);
    }
    decide::quote_groups(sentences, parties, &mut decisions);
    quote_paragraphs::apply(text, sentences, &mut decisions);
    if let Some(issuer) = readout::issuer(text, sentences, roles, parties) {
        readout::apply(issuer, roles, &mut decisions);
    }
    Decided {
        decisions,
        speeches,
    }
}

impl Decided {
    /// The attributions, in sentence order, each with its evidence written from its
    /// sentence's facts: the second phase of attribution.
    ///
    /// The per-sentence facts are the biggest thing the analysis holds and attribution is their
    /// last reader, so this takes them by value (`facts`: what `parties.facts` held, one per
    /// sentence, taken out by the caller) and drops each sentence's as soon as its evidence is
    /// built: they never coexist with all the attributions. The iterator is lazy, so the
    /// caller decides what happens to the freed memory between items (the orchestrator hands
    /// it back to the system); attribution itself has no memory policy.
    pub fn into_attributions<'a>(
        self,
        text: &'a str,
        sentences: &'a [Span],
        facts: Vec<Facts>,
        parties: &'a Parties,
    ) -> impl ExactSizeIterator<Item = Attribution> + 'a {
        let mut facts = facts.into_iter();
        self.decisions
            .into_iter()
            .zip(sentences)
            .zip(self.speeches)
            .map(move |((d, span), speech)| {
                let facts = facts.next();
                let evidence =
                    evidence::build(text, span, facts.as_ref(), &d, speech.as_ref(), parties);
                drop(facts);
                Attribution {
                    side: d.side,
                    evidence,
                }
            })
    }
}
