//! The shape of one parsed sentence: children lists, depths, noun-phrase spans, the subject of
//! a predicate, and which tokens stand inside quotation marks.
//!
//! Everything here reads only the dependency tree of the text layer ([`Token`]); it knows no
//! word of English beyond the UD relation names and the quotation characters.

use crate::analysis::text::Token;

/// A parsed sentence with its children lists (CSR: `kids[offsets[h]..offsets[h + 1]]` are
/// the children of `h`, in sentence order).
pub struct Shape<'a> {
    pub toks: &'a [Token],
    offsets: Vec<u32>,
    kids: Vec<u32>,
    /// Per token: inside a quotation.
    pub inside: Vec<bool>,
    /// A quotation is still open after the last token.
    pub open_at_end: bool,
}

/// Relations that stay inside a noun phrase when it is shown as a speaker or actor:
/// "Sylvania's deputy foreign minister", "the head of the delegation", "Karl Brun".
const PHRASE_RELS: &[&str] = &[
    "det", "amod", "compound", "flat", "nmod", "nummod", "case", "fixed", "cc", "conj",
];

impl<'a> Shape<'a> {
    /// `open_at_start`: a quotation opened in an earlier sentence is still open.
    pub fn new(toks: &'a [Token], text: &str, base: u32, open_at_start: bool) -> Shape<'a> {
        let n = toks.len();
        let mut counts = vec![0u32; n + 1];
        for t in toks {
            if let Some(h) = t.head.map(usize::from).filter(|&h| h < n) {
                counts[h + 1] += 1;
            }
        }
        for k in 1..=n {
            counts[k] += counts[k - 1];
        }
        let offsets = counts.clone();
        let mut fill = counts;
        let mut kids = vec![0u32; offsets[n] as usize];
        for (k, t) in toks.iter().enumerate() {
            if let Some(h) = t.head.map(usize::from).filter(|&h| h < n) {
                kids[fill[h] as usize] = k as u32;
                fill[h] += 1;
            }
        }
        let (inside, open_at_end) = quote_mask(toks, text, base, open_at_start);
        Shape {
            toks,
            offsets,
            kids,
            inside,
            open_at_end,
        }
    }

    pub fn children(&self, h: usize) -> impl Iterator<Item = usize> + '_ {
        let (a, b) = (self.offsets[h] as usize, self.offsets[h + 1] as usize);
        self.kids[a..b].iter().map(|&k| k as usize)
    }

    pub fn child_with(&self, h: usize, rel: &str) -> Option<usize> {
        self.children(h).find(|&c| self.toks[c].rel == rel)
    }

    pub fn head(&self, k: usize) -> Option<usize> {
        self.toks[k]
            .head
            .map(usize::from)
            .filter(|&h| h < self.toks.len())
    }

    /// Number of ancestors of every token, in one pass over the tree (each token's depth is
    /// computed once, so a long sentence costs linear time; a cycle in a broken tree counts
    /// as a root where it closes).
    pub fn depths(&self) -> Vec<u32> {
        const UNKNOWN: u32 = u32::MAX;
        const OPEN: u32 = u32::MAX - 1;
        let n = self.toks.len();
        let mut depth = vec![UNKNOWN; n];
        let mut path = Vec::new();
        for start in 0..n {
            let mut k = start;
            // walk up to a token whose depth is known (or the root, or a cycle)
            let base = loop {
                match depth[k] {
                    UNKNOWN => {}
                    OPEN => break 0,
                    d => break d + 1,
                }
                depth[k] = OPEN;
                path.push(k);
                match self.head(k) {
                    Some(h) => k = h,
                    None => break 0,
                }
            };
            // the last token pushed is the highest: it sits just below the known one
            let mut d = base;
            while let Some(p) = path.pop() {
                depth[p] = d;
                d += 1;
            }
        }
        depth
    }

    /// The root (the first token without a head).
    pub fn root(&self) -> Option<usize> {
        self.toks.iter().position(|t| t.head.is_none())
    }

    /// The main clause of a sentence whose root the parser made its subordinate clause:
    /// "Although Sylvania protested, the envoy is standing firm" with "standing" hung under
    /// "protested". The root has a subordinator before it ("although", "because", "if": a
    /// `mark`), and a clause after it, set off by a comma, has its own subject before its
    /// finite verb: that clause is the main one. `None` when the root is no such clause.
    pub fn main_under_subordinate_root(&self) -> Option<usize> {
        let toks = self.toks;
        let r = self.root()?;
        if !self
            .children(r)
            .any(|c| c < r && toks[c].rel_base() == "mark")
        {
            return None;
        }
        self.children(r).find(|&c| {
            let subject = self
                .children(c)
                .filter(|&s| s < c && matches!(toks[s].rel, "nsubj" | "nsubj:pass"))
                .min();
            let finite = matches!(toks[c].xpos, "VBD" | "VBZ" | "VBP" | "MD")
                || self.children(c).any(|a| {
                    matches!(toks[a].rel_base(), "aux" | "cop")
                        && matches!(toks[a].xpos, "VBD" | "VBZ" | "VBP" | "MD")
                });
            let marked = self.children(c).any(|m| {
                m < c
                    && (matches!(toks[m].rel_base(), "mark" | "cc")
                        || matches!(toks[m].xpos, "WDT" | "WP" | "WP$" | "WRB"))
            });
            let comma = subject.is_some_and(|s| {
                let first = self.first_of(s);
                first > 0 && &*toks[first - 1].lemma == ","
            });
            c > r && subject.is_some() && finite && !marked && comma
        })
    }

    /// The head of the name or noun phrase that token `j` ends: up through its modifiers and
    /// the parts of a name ("Judge Carlton W. Reeves" from "Reeves").
    pub fn name_head(&self, j: usize) -> usize {
        let mut h = j;
        for _ in 0..6 {
            match self.head(h) {
                Some(up)
                    if (up > h
                        && matches!(
                            self.toks[h].rel_base(),
                            "compound" | "flat" | "amod" | "det" | "nummod"
                        ))
                        || (up < h && self.toks[h].rel_base() == "flat") =>
                {
                    h = up
                }
                _ => break,
            }
        }
        h
    }

    /// The first word of the subtree of `h` (punctuation hung from it left out: the parser
    /// may hang the comma before a phrase from the phrase).
    fn first_of(&self, h: usize) -> usize {
        let mut first = h;
        let mut stack = vec![h];
        while let Some(k) = stack.pop() {
            for c in self.children(k) {
                if self.toks[c].upos.as_str() == "PUNCT" {
                    continue;
                }
                first = first.min(c);
                if stack.len() < 64 {
                    stack.push(c);
                }
            }
        }
        first
    }

    /// Byte span of the noun phrase headed by `h`: the head and its descendants through
    /// [`PHRASE_RELS`] (no relative clauses, appositions or clauses), without its own case
    /// marker or conjunction ("by the press service" → "the press service").
    pub fn phrase(&self, h: usize) -> (u32, u32) {
        self.span_through(h, |_, _| true, false)
    }

    /// Byte span of what ties the noun phrase headed by `h` to someone: the phrase with its
    /// appositions ("Keller, Sylvania's defence minister"), but only the `nmod`s that say whose
    /// it is ("Head of the Sylvanian delegation", "a spokesman for the ministry", "officials
    /// from both countries") — not where or towards whom ("the envoy to Sylvania", "talks in
    /// Varn"). `acts` says which heads can act for a side (the caller's word lists:
    /// `words::agent_like`).
    pub fn tie(&self, h: usize, acts: impl Fn(&Token) -> bool) -> (u32, u32) {
        self.span_through(
            h,
            |shape, c| {
                let t = &shape.toks[c];
                // a modifier ties only a head that can act for a side: "the Sylvanian
                // delegation", not "Sylvanian citizens"
                let modifier = matches!(t.rel_base(), "amod" | "compound" | "nmod");
                if modifier
                    && let Some(k) = shape.head(c)
                    && !acts(&shape.toks[k])
                {
                    return false;
                }
                t.rel != "nmod"
                    || shape.children(c).any(|g| {
                        shape.toks[g].rel_base() == "case"
                            && matches!(&*shape.toks[g].lemma, "of" | "for" | "from")
                    })
            },
            true,
        )
    }

    fn span_through(
        &self,
        h: usize,
        keep: impl Fn(&Shape, usize) -> bool,
        appos: bool,
    ) -> (u32, u32) {
        let (mut lo, mut hi) = (self.toks[h].start, self.toks[h].end);
        // the kept words' ends, and where the first phrase left out after the head begins:
        // the span stops before it ("the diplomat in Cuba, James Cason" ties "the diplomat",
        // not "Cuba", whatever apposition follows)
        let mut ends = vec![hi];
        let mut left_out = u32::MAX;
        let mut stack = vec![h];
        let mut seen = 0usize;
        while let Some(k) = stack.pop() {
            seen += 1;
            if seen > 64 {
                break;
            }
            for c in self.children(k) {
                let rel = self.toks[c].rel_base();
                // "by the press service", "and Varga": the phrase's own marker stays out
                if k == h && matches!(rel, "case" | "cc") {
                    continue;
                }
                let through = PHRASE_RELS.contains(&rel) || (appos && k == h && rel == "appos");
                if through && keep(self, c) {
                    lo = lo.min(self.toks[c].start);
                    hi = hi.max(self.toks[c].end);
                    ends.push(self.toks[c].end);
                    stack.push(c);
                } else if k == h && c > h && rel != "punct" {
                    left_out = left_out.min(self.toks[self.first_of(c)].start);
                }
            }
        }
        if hi > left_out {
            hi = ends
                .into_iter()
                .filter(|&e| e <= left_out)
                .max()
                .unwrap_or(hi);
        }
        (lo, hi)
    }

    /// The conjuncts of `h` ("Brun and Varga", "Brun, Varga"), `h` first.
    pub fn conjuncts(&self, h: usize) -> Vec<usize> {
        let mut out = vec![h];
        let mut k = 0;
        while k < out.len() && out.len() < 16 {
            let cur = out[k];
            for c in self.children(cur) {
                if self.toks[c].rel_base() == "conj" && !out.contains(&c) {
                    out.push(c);
                }
            }
            k += 1;
        }
        out
    }

    /// The subject of predicate `v`: its `nsubj` (or `csubj`; of two, the nearest before
    /// it, but never a reflexive or a bare time over another: "Vale herself said", "Judge
    /// Vale late Thursday ruled"), the agent of a passive ("was reported by the press service"), or — for a predicate
    /// that shares its subject with the one it hangs from (a conjunct, "…, adding", "declined
    /// to say") — that predicate's; a verb misparsed as the `acl` or `xcomp` of a nominal root
    /// before it has that root as its subject ("Others supported the bid").
    /// `None` for an agentless passive or an expletive ("It was stressed that…").
    pub fn subject(&self, v: usize) -> Option<Subject> {
        let mut v = v;
        for _ in 0..4 {
            let mut passive = false;
            // of two subjects (a misparse: "The news for Cruz, Woolson said, is…"), the
            // nearest before the predicate, else the first after it
            // — but a reflexive or a bare time never over another ("Vale herself said",
            // "Brun late Thursday issued")
            let mut subject: Option<usize> = None;
            for c in self.children(v) {
                match self.toks[c].rel {
                    "nsubj" | "csubj"
                        if subject.is_none_or(|s| {
                            (c < v && s < c && !self.weak(c)) || (self.weak(s) && !self.weak(c))
                        }) =>
                    {
                        subject = Some(c);
                    }
                    "nsubj:pass" | "csubj:pass" | "expl" | "expl:pass" => passive = true,
                    _ => {}
                }
            }
            if let Some(head) = subject {
                return Some(Subject { head, agent: false });
            }
            if let Some(a) = self.child_with(v, "obl:agent") {
                return Some(Subject {
                    head: a,
                    agent: true,
                });
            }
            if passive {
                return None;
            }
            let rel = self.toks[v].rel;
            match (rel, self.head(v)) {
                // a verb hung from a nominal root before it, the sentence's only predicate:
                // a misparsed main verb ("Others supported the bid" read as a reduced
                // relative, "Some say…" under "Some") whose subject is that root
                ("acl" | "xcomp", Some(h))
                    if h < v
                        && self.head(h).is_none()
                        && matches!(
                            self.toks[h].upos.as_str(),
                            "NOUN" | "PROPN" | "PRON" | "DET" | "NUM"
                        ) =>
                {
                    return Some(Subject {
                        head: h,
                        agent: false,
                    });
                }
                (_, Some(h)) if matches!(self.toks[v].rel_base(), "conj" | "xcomp" | "advcl") => {
                    v = h
                }
                _ => return None,
            }
        }
        None
    }
}

impl Shape<'_> {
    /// Token `c` heads a bare time phrase: a time noun ([`crate::analysis::lexicon::Lexicon::time`]:
    /// "last week", "this month", "Tuesday") with no preposition, conjunct or modifier of its
    /// own ("three years after the vote" is more than a time).
    pub fn bare_time(&self, c: usize) -> bool {
        let toks = self.toks;
        matches!(toks[c].upos.as_str(), "NOUN" | "PROPN")
            && crate::analysis::lexicon::LEXICON.time(&toks[c].lemma)
            && !self.children(c).any(|g| {
                matches!(
                    toks[g].rel_base(),
                    "case" | "conj" | "nmod" | "acl" | "appos" | "advcl"
                )
            })
    }

    /// A subject that never wins over another: a reflexive pronoun ("Vale herself") or a bare
    /// time ([`Shape::bare_time`]).
    fn weak(&self, c: usize) -> bool {
        let t = &self.toks[c];
        (t.upos.as_str() == "PRON" && (t.lemma.ends_with("self") || t.lemma.ends_with("selves")))
            || self.bare_time(c)
    }

    /// The first noun phrase after token `k` (outside quotations), by its head: "according
    /// to show insiders" when the parser hung "according" elsewhere.
    pub fn nominal_after(&self, k: usize) -> Option<usize> {
        let mut j = (k + 1..self.toks.len().min(k + 8)).find(|&j| {
            !self.inside[j] && matches!(self.toks[j].upos.as_str(), "NOUN" | "PROPN" | "PRON")
        })?;
        // climb from a modifier to the head noun it modifies, rightwards
        for _ in 0..6 {
            match self.head(j) {
                Some(h)
                    if h > j
                        && matches!(
                            self.toks[j].rel_base(),
                            "compound" | "flat" | "amod" | "nmod" | "det"
                        ) =>
                {
                    j = h
                }
                _ => break,
            }
        }
        Some(j)
    }

    /// A speaker the parser did not attach as the subject of reporting verb `v`, read from the
    /// words next to it — only where `v` has no subject slot at all (not a passive, not an
    /// expletive): the noun phrase right before it ("Rep. Vale (Fr.) said", "Mr. Vale, 82,
    /// told me"), or right after it in a post-posed report ("…,” said Mr. Vale").
    pub fn adjacent_subject(&self, v: usize) -> Option<Subject> {
        let slot = self.children(v).any(|c| {
            matches!(
                self.toks[c].rel,
                "nsubj:pass" | "csubj:pass" | "expl" | "expl:pass" | "nsubj" | "csubj"
            )
        });
        if slot || !matches!(self.toks[v].xpos, "VBD" | "VBZ" | "VBP") {
            return None;
        }
        let word = |j: usize| {
            !self.inside[j] && matches!(self.toks[j].upos.as_str(), "NOUN" | "PROPN" | "PRON")
        };
        // after: "said Mr. Vale"
        if v + 1 < self.toks.len() && word(v + 1) && v > 0 && self.inside[v - 1] {
            let mut j = v + 1;
            while j + 1 < self.toks.len()
                && word(j + 1)
                && matches!(self.toks[j + 1].upos.as_str(), "PROPN")
            {
                j += 1;
            }
            return Some(Subject {
                head: j,
                agent: false,
            });
        }
        // before: skip a parenthesis, an appositive number ("(Fr.)", ", 82,") and a
        // prepositional phrase ("Vale, on the other hand, argued", "Vale at the time said",
        // "Supporters of the plan argued": the phrase the preposition hangs from)
        let mut j = v.checked_sub(1)?;
        for _ in 0..12 {
            let t = self.toks[j].upos.as_str();
            if matches!(t, "ADV" | "AUX" | "PART" | "PUNCT" | "NUM" | "ADJ") && !self.inside[j] {
                j = j.checked_sub(1)?;
                if self.toks[j].rel == "punct" && self.inside[j] {
                    return None;
                }
                continue;
            }
            if word(j)
                && let Some(case) = self.case_before(j)
            {
                j = case.checked_sub(1)?;
                continue;
            }
            break;
        }
        // inside a parenthesis: go to before its opening
        if let Some(open) = (j.saturating_sub(6)..=j).rev().find(|&o| {
            self.toks[o].upos.as_str() == "PUNCT" && self.toks[o].start + 1 == self.toks[o].end
        }) && open < j
            && self.toks[open..j].iter().all(|t| t.upos.as_str() != "VERB")
            && open > 0
            && word(open - 1)
            && self.toks[open].lemma.as_ref() == "("
        {
            j = open - 1;
        }
        if !word(j) {
            return None;
        }
        Some(Subject {
            head: j,
            agent: false,
        })
    }
}

impl Shape<'_> {
    /// A noun phrase right before finite verb `v` that is nearer to it than the subject `s`
    /// the parser gave it, further left: "The money kept her there, Ms. Henry said", "Sunday on
    /// CNN, President Obama said", where the parser took a noun of the reported clause or a
    /// time for the subject. Between the phrase and the verb only adverbs, auxiliaries and the
    /// phrase's own prepositional phrase ("Clinton on Tuesday said"); not past a comma ("Vale, a
    /// senator, said": the subject stands), nor an object, an oblique, a time or a reflexive
    /// ("Vale herself said").
    pub fn nearer_subject(&self, v: usize, s: Subject) -> Option<Subject> {
        if s.agent || s.head > v || !matches!(self.toks[v].xpos, "VBD" | "VBZ" | "VBP") {
            return None;
        }
        let word = |j: usize| {
            !self.inside[j] && matches!(self.toks[j].upos.as_str(), "NOUN" | "PROPN" | "PRON")
        };
        let mut j = v.checked_sub(1)?;
        for _ in 0..12 {
            if matches!(
                self.toks[j].upos.as_str(),
                "ADV" | "AUX" | "PART" | "NUM" | "ADJ"
            ) && !self.inside[j]
            {
                j = j.checked_sub(1)?;
                continue;
            }
            if word(j)
                && let Some(case) = self.case_before(j)
            {
                j = case.checked_sub(1)?;
                continue;
            }
            break;
        }
        if !word(j) {
            return None;
        }
        let (lo, hi) = self.phrase(s.head);
        let at = self.toks[j].start;
        if lo > at || (lo..hi).contains(&at) {
            return None;
        }
        let h = self.name_head(j);
        let rel = self.toks[h].rel;
        if self.weak(h)
            || matches!(self.toks[h].rel_base(), "obj" | "iobj" | "obl" | "nmod")
            || matches!(
                rel,
                "obl:unmarked" | "obl:tmod" | "nmod:unmarked" | "nmod:tmod"
            )
        {
            return None;
        }
        Some(Subject {
            head: h,
            agent: false,
        })
    }

    /// The case marker ("on", "at", "of") of the noun phrase that ends at token `j`, when it
    /// stands before `j`: the phrase is a prepositional one, not a subject.
    fn case_before(&self, j: usize) -> Option<usize> {
        let mut h = j;
        for _ in 0..6 {
            match self.head(h) {
                Some(up)
                    if up > h
                        && matches!(
                            self.toks[h].rel_base(),
                            "compound" | "flat" | "amod" | "det" | "nummod"
                        ) =>
                {
                    h = up
                }
                _ => break,
            }
        }
        if h > j {
            return None;
        }
        self.children(h)
            .find(|&c| c < j && self.toks[c].rel_base() == "case" && !self.inside[c])
    }
}

/// A subject found by [`Shape::subject`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Subject {
    pub head: usize,
    /// The agent of a passive ("by X"), not a grammatical subject.
    pub agent: bool,
}

/// Per token: inside quotation marks. Curly quotes open and close; a straight double quote
/// toggles. The quotation marks themselves count as inside. A quotation whose closing mark the
/// source left out, still open at the end of a sentence that ends in a short post-posed frame
/// (", Mr Vale said."), ends at that comma ([`unclosed_before_frame`]).
fn quote_mask(toks: &[Token], text: &str, base: u32, open_at_start: bool) -> (Vec<bool>, bool) {
    let (mut mask, open) = marks_mask(toks, text, base, open_at_start);
    if open && let Some(comma) = unclosed_before_frame(toks, &mask) {
        mask[comma + 1..].fill(false);
        return (mask, false);
    }
    (mask, open)
}

/// Most words between the comma and the verb of a post-posed frame ("Mr Vale", "the deputy
/// foreign minister").
const MAX_FRAME_SPEAKER: usize = 5;

/// A sentence still inside a quotation at its end, whose last clause is a comma, a short noun
/// phrase and a finite verb with nothing after it but punctuation ("“We told them so, Mr Vale
/// said."): the comma where the quotation must have ended. A quotation that runs on into the
/// next sentence never ends this way; a post-posed frame after a comma is how English
/// attributes a quotation, so the closing mark is what is missing.
fn unclosed_before_frame(toks: &[Token], mask: &[bool]) -> Option<usize> {
    let mut end = toks.len();
    while end > 0 && toks[end - 1].upos.as_str() == "PUNCT" {
        end -= 1;
    }
    let verb = end.checked_sub(1)?;
    if toks[verb].upos.as_str() != "VERB" || !matches!(toks[verb].xpos, "VBD" | "VBZ" | "VBP") {
        return None;
    }
    let mut k = verb;
    while k > 0
        && verb - k < MAX_FRAME_SPEAKER
        && matches!(
            toks[k - 1].upos.as_str(),
            "PROPN" | "NOUN" | "PRON" | "DET" | "ADJ"
        )
    {
        k -= 1;
    }
    let comma = k.checked_sub(1)?;
    (k < verb && toks[comma].xpos == "," && mask[comma] && mask[..comma].iter().any(|&q| q))
        .then_some(comma)
}

/// The quotation marks alone: see [`quote_mask`].
fn marks_mask(toks: &[Token], text: &str, base: u32, open_at_start: bool) -> (Vec<bool>, bool) {
    let mut open = open_at_start;
    let word = |k: usize| {
        let s = toks[k].start.saturating_sub(base) as usize;
        let e = toks[k].end.saturating_sub(base) as usize;
        text.get(s..e)
    };
    // two apostrophes in a row ('' , as some newspapers print a double quotation mark) are
    // one straight double quote: the first toggles, the second only follows it
    let doubled = |k: usize| {
        k + 1 < toks.len()
            && word(k) == Some("'")
            && word(k + 1) == Some("'")
            && toks[k].end == toks[k + 1].start
    };
    let mut follows = false;
    let mask = (0..toks.len())
        .map(|k| {
            if follows {
                follows = false;
                return true;
            }
            if doubled(k) {
                follows = true;
                open = !open;
                return true;
            }
            match word(k) {
                Some("\u{201c}" | "\u{00ab}") => {
                    open = true;
                    true
                }
                Some("\u{201d}" | "\u{00bb}") => {
                    open = false;
                    true
                }
                Some("\"") => {
                    open = !open;
                    true
                }
                _ => open,
            }
        })
        .collect();
    (mask, open)
}
