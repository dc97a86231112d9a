//! People tied to a side by the text itself, from titles and appositions.
//!
//! Rules (a "country word" is a gazetteer name, demonym, capital or seat; TITLE comes from
//! `assets/titles.txt`; a Name is 1–4 capitalised words that are not common words (or that
//! the tagger reads as proper nouns: "Grant" in "Secretary Grant Shapps", [`Slot`]), not
//! gazetteer forms and not titles, with particles such as "da" and hyphens inside, an
//! honorific such as "Mr." in front and a trailing "MP" dropped):
//!
//! * `COUNTRY TITLE Name` — "Ruritanian President Karl Brun", "Freedonia's foreign minister Ada Vex";
//! * `TITLE of COUNTRY Name` — "the President of Freedonia Mr. Ola Sand";
//! * `TITLE Name of COUNTRY` — "Prime Minister Vex of Freedonia";
//! * `COUNTRY TITLE to/in PLACE[,] Name` — the country before the title wins over the host after it;
//! * `Name, [the] [COUNTRY] TITLE [of COUNTRY]` — "Brun, the Sylvanian leader", "Ola Sand, Minister for Trade of Freedonia";
//! * `TITLE Name` with no country — an untied person, who may become a side of their own;
//! * `HONORIFIC Name` — "Dr Mira Lenz", "Mr. Sand": an untied person, title or not.
//!
//! A run of name words that ends in (or stands before) an organisation's head word
//! ("Association", "Union", "Party": `generic-org` and `union-head` in `assets/lexicon.txt`) is
//! an organisation, never a person, and a country word that opens such a name ("President of
//! the Kenya Medical Association") ties no one to the country.
//!
//! The person's name words then resolve to the same person anywhere ("President Brun",
//! "Mr Brun", "Brun"). A comma before a name is accepted only when a country ties it,
//! so a list of titles is not read as an apposition.

use super::lexicon::class;
use super::tokens::{Kind, Token};

/// A person found in one sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Full name as written ("Luiz Inácio Lula da Silva").
    pub name: String,
    /// Name words usable alone ("Lula", "Silva").
    pub words: Vec<String>,
    pub title: Option<String>,
    /// Entity of the tying country (or organisation).
    pub tie: Option<usize>,
}

/// A hit (gazetteer or user-given name) mapped onto tokens `[first, last)`; `entry` is the
/// document entity it names.
#[derive(Debug, Clone, Copy)]
pub struct TokHit {
    pub first: usize,
    pub last: usize,
    pub entry: usize,
    pub country_like: bool,
}

fn word<'a>(src: &'a str, toks: &[Token], i: usize) -> Option<&'a str> {
    toks.get(i).filter(|t| t.is_word()).map(|t| t.text(src))
}

/// Token `i` is a word with any of the classes `flags`.
fn word_is(toks: &[Token], i: usize, flags: u32) -> bool {
    toks.get(i).is_some_and(|t| t.is_word() && t.is(flags))
}

/// What a token can be in a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Slot {
    /// Free: a name word when capitalised and not a common word.
    #[default]
    Free,
    /// Free, and the tagger reads it as a proper noun: a name word when capitalised, even if
    /// it is also a common word ("Grant Shapps", "Network Rail").
    Proper,
    /// Inside a gazetteer hit or a title.
    Taken,
}

fn is_name_word(toks: &[Token], i: usize, slots: &[Slot]) -> bool {
    let Some(t) = toks.get(i) else { return false };
    if !t.is_word() || !t.capitalised() {
        return false;
    }
    match slots.get(i) {
        Some(Slot::Taken) | None => false,
        Some(Slot::Proper) => true,
        Some(Slot::Free) => !t.known(),
    }
}

fn glued_hyphen(src: &str, toks: &[Token], i: usize) -> bool {
    // toks[i] is '-' glued to words on both sides
    match (toks.get(i.wrapping_sub(1)), toks.get(i), toks.get(i + 1)) {
        (Some(a), Some(h), Some(b)) => {
            h.is_punct(src, '-') && a.end == h.start && h.end == b.start && b.is_word()
        }
        _ => false,
    }
}

/// Token `i` is the head word of an organisation's name ("Association", "Union", "Party"):
/// a run of name words ending in one is an organisation, never a person.
fn org_head(toks: &[Token], i: usize) -> bool {
    word_is(toks, i, class::GENERIC_ORG | class::UNION_HEAD) && toks[i].capitalised()
}

/// A name starting at token `i` (after an optional honorific): `[first, last)`.
fn name_forward(src: &str, toks: &[Token], mut i: usize, slots: &[Slot]) -> Option<(usize, usize)> {
    if word_is(toks, i, class::HONORIFIC) {
        i += 1;
        if toks.get(i).is_some_and(|t| t.is_punct(src, '.')) {
            i += 1;
        }
    }
    let first = i;
    let mut count = 0;
    let mut j = i;
    while count < 4 {
        if is_name_word(toks, j, slots) {
            j += 1;
            count += 1;
            while glued_hyphen(src, toks, j) {
                j += 2;
            }
        } else if count > 0 && word_is(toks, j, class::PARTICLE) && is_name_word(toks, j + 1, slots)
        {
            j += 1;
        } else {
            break;
        }
    }
    // "Medical Association": the run, with the head that ends it, names an organisation
    if count == 0 || org_head(toks, j - 1) || org_head(toks, j) {
        return None;
    }
    // drop a trailing post-nominal such as "MP"
    if count > 1 {
        let t = &toks[j - 1];
        let w = t.text(src);
        if w.len() <= 3 && w.chars().all(|c| c.is_ascii_uppercase()) {
            j -= 1;
        }
    }
    Some((first, j))
}

/// A name ending just before token `end` (exclusive), walking back.
fn name_backward(src: &str, toks: &[Token], end: usize, slots: &[Slot]) -> Option<(usize, usize)> {
    let mut j = end;
    // drop a trailing post-nominal such as "MP"
    if j >= 2 {
        let w = toks[j - 1].text(src);
        if toks[j - 1].is_word()
            && w.len() <= 3
            && w.chars().all(|c| c.is_ascii_uppercase())
            && is_name_word(toks, j - 2, slots)
        {
            j -= 1;
        }
    }
    let last = j;
    let mut count = 0;
    while j > 0 && count < 5 {
        if is_name_word(toks, j - 1, slots) {
            j -= 1;
            count += 1;
            while j >= 2 && glued_hyphen(src, toks, j - 1) {
                j -= 2;
            }
        } else if count > 0
            && j >= 2
            && word_is(toks, j - 1, class::PARTICLE)
            && is_name_word(toks, j - 2, slots)
        {
            j -= 1;
        } else {
            break;
        }
    }
    (count > 0 && !org_head(toks, last - 1)).then_some((j, last))
}

/// The end of an organisation's name that a country word at `first` opens: name words after
/// it, the last an organisation's head ("the Kenya Medical Association", "the Freedonia
/// Farmers Union"). `None` when the country stands alone.
/// `name_word` tells the words that may stand before the head.
pub fn org_named_after(
    toks: &[Token],
    first: usize,
    name_word: impl Fn(usize) -> bool,
) -> Option<usize> {
    let mut j = first;
    while j < first + 4 && name_word(j) && !org_head(toks, j) {
        j += 1;
    }
    org_head(toks, j).then_some(j + 1)
}

fn make(
    src: &str,
    toks: &[Token],
    (first, last): (usize, usize),
    title: Option<String>,
    tie: Option<usize>,
) -> Found {
    let name = src[toks[first].start()..toks[last - 1].end()].to_string();
    let mut words = Vec::new();
    let mut k = first;
    while k < last {
        let t = &toks[k];
        if t.is_word() && t.capitalised() && t.text(src).chars().count() >= 2 {
            // a hyphenated word is one name word
            let mut end = t.end();
            let mut m = k + 1;
            while m + 1 < last && glued_hyphen(src, toks, m) {
                end = toks[m + 1].end();
                m += 2;
            }
            words.push(src[t.start()..end].to_string());
            k = m;
            continue;
        }
        k += 1;
    }
    Found {
        name,
        words,
        title,
        tie,
    }
}

/// Most portfolio words between a country and the title they qualify.
const MAX_PORTFOLIO_WORDS: usize = 3;

/// Where the words qualifying a title that starts at token `tf` may start: `tf` itself, then
/// each start of a run of up to [`MAX_PORTFOLIO_WORDS`] content words before it, nearest
/// first ("information" in "Kenyan information minister", "trade and investment"). The words
/// are written in the title's case (lower case before "minister", capitalised before
/// "Minister") and are no function word, pronoun, verb or adverb of the lexicon, so "Kenya
/// said minister…" or "the minister" does not reach back over them.
fn portfolio_starts(src: &str, toks: &[Token], tf: usize) -> Vec<usize> {
    const NOT_PORTFOLIO: u32 = class::PREP
        | class::DET
        | class::SUBORD
        | class::PRONOUN
        | class::AUX
        | class::NEG
        | class::VERB
        | class::ADVERB
        | class::CALENDAR
        | class::HONORIFIC;
    let title_capitalised = toks[tf].capitalised();
    let mut starts = vec![tf];
    let mut k = tf;
    while k > 0 && starts.len() <= MAX_PORTFOLIO_WORDS {
        let t = &toks[k - 1];
        let text = t.text(src);
        // "and" only between two portfolio words: the word after it is one already
        if text == "and" && k < tf {
            k -= 1;
            continue;
        }
        if !t.is_word()
            || t.is(NOT_PORTFOLIO | class::COORD)
            || t.capitalised() != title_capitalised
            || !text.chars().all(char::is_alphabetic)
        {
            break;
        }
        k -= 1;
        starts.push(k);
    }
    starts
}

/// People introduced in one sentence. `titles` are token ranges of title matches;
/// `hits` are gazetteer hits (country-like ones can tie a person); `slots` tell the tokens
/// inside a hit or a title and the proper nouns (one per token). Every person hangs on a title
/// or an honorific: a sentence with neither has none.
pub fn find(
    src: &str,
    toks: &[Token],
    titles: &[(usize, usize)],
    hits: &[TokHit],
    slots: &[Slot],
) -> Vec<Found> {
    let honorific = |k: usize| word_is(toks, k, class::HONORIFIC) && toks[k].capitalised();
    if titles.is_empty() && !(0..toks.len()).any(honorific) {
        return Vec::new();
    }
    let n = toks.len();
    let mut starting = vec![None; n + 1];
    let mut ending = vec![None; n + 1];
    for (k, h) in hits.iter().enumerate() {
        if h.first < n && starting[h.first].is_none() {
            starting[h.first] = Some(k);
        }
        if h.last <= n && h.country_like && ending[h.last].is_none() {
            ending[h.last] = Some(k);
        }
    }
    let hit_ending = |end: usize| ending.get(end).copied().flatten().map(|k| &hits[k]);
    let hit_starting = |start: usize| starting.get(start).copied().flatten().map(|k| &hits[k]);
    let mut out = Vec::new();
    for &(tf, tl) in titles {
        let title = src[toks[tf].start()..toks[tl - 1].end()].to_string();
        let mut tie = None;
        let mut before = tf;
        // the country may stand before the portfolio words of a title the list holds only
        // by its head: "Kenyan information minister", "Freedonia's deputy health minister"
        for start in portfolio_starts(src, toks, tf) {
            let h = if start > 0 && toks[start - 1].kind() == Kind::Possessive {
                hit_ending(start - 1)
            } else {
                hit_ending(start)
            };
            if let Some(h) = h {
                tie = Some(h.entry);
                before = h.first;
                break;
            }
        }
        let mut after = tl;
        match word(src, toks, after).map(str::to_lowercase).as_deref() {
            Some("of") => {
                let mut k = after + 1;
                if word(src, toks, k).is_some_and(|w| w.eq_ignore_ascii_case("the")) {
                    k += 1;
                }
                if let Some(h) = hit_starting(k).filter(|h| h.country_like) {
                    if let Some(end) =
                        org_named_after(toks, h.last, |k| is_name_word(toks, k, slots))
                    {
                        // "President of the Kenya Medical Association": the title is the
                        // organisation's, not the country's
                        after = end;
                    } else {
                        tie.get_or_insert(h.entry);
                        after = h.last;
                    }
                }
            }
            Some("to" | "in" | "at") => {
                let mut k = after + 1;
                if word(src, toks, k).is_some_and(|w| w.eq_ignore_ascii_case("the")) {
                    k += 1;
                }
                if let Some(h) = hit_starting(k) {
                    after = h.last;
                }
            }
            _ => {}
        }
        let mut comma = false;
        if toks.get(after).is_some_and(|t| t.is_punct(src, ',')) {
            comma = true;
            after += 1;
        }
        if let Some(span) = name_forward(src, toks, after, slots) {
            if comma && tie.is_none() {
                continue;
            }
            let mut tie = tie;
            if tie.is_none()
                && word(src, toks, span.1).is_some_and(|w| w == "of")
                && let Some(h) = hit_starting(span.1 + 1).filter(|h| h.country_like)
                && org_named_after(toks, h.last, |k| is_name_word(toks, k, slots)).is_none()
            {
                tie = Some(h.entry);
            }
            out.push(make(src, toks, span, Some(title), tie));
            continue;
        }
        if tie.is_none() {
            continue;
        }
        // apposition: "Name, [the] [COUNTRY] TITLE"
        let mut k = before;
        while k > 0 && word_is(toks, k - 1, class::DET) {
            k -= 1;
        }
        if k > 0
            && toks[k - 1].is_punct(src, ',')
            && let Some(span) = name_backward(src, toks, k - 1, slots)
        {
            out.push(make(src, toks, span, Some(title), tie));
        }
    }
    // "Dr Mira Lenz", "Mr. Sand": an honorific makes the name after it a person's, title or not
    for k in (0..toks.len()).filter(|&k| honorific(k)) {
        if let Some(span) = name_forward(src, toks, k, slots) {
            let found = make(src, toks, span, None, None);
            if !out.iter().any(|f| f.name == found.name) {
                out.push(found);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn run(text: &str, country: &str, titles: &[&str]) -> Vec<Found> {
        let toks = tokenize(text, 0, text.len());
        let idx = |w: &str| toks.iter().position(|t| t.text(text) == w).unwrap();
        let c = idx(country);
        let hits = [TokHit {
            first: c,
            last: c + 1,
            entry: 7,
            country_like: true,
        }];
        let trs: Vec<(usize, usize)> = titles
            .iter()
            .map(|t| {
                let words: Vec<&str> = t.split(' ').collect();
                let a = idx(words[0]);
                (a, a + words.len())
            })
            .collect();
        let mut slots = vec![Slot::Free; toks.len()];
        for (a, b) in trs
            .iter()
            .copied()
            .chain(hits.iter().map(|h| (h.first, h.last)))
        {
            slots[a..b].iter_mut().for_each(|t| *t = Slot::Taken);
        }
        find(text, &toks, &trs, &hits, &slots)
    }

    #[test]
    fn a_country_before_the_portfolio_words_ties_the_title() {
        for (text, country, title) in [
            (
                "Kenyan information minister Lambert Mende said",
                "Kenyan",
                "minister",
            ),
            (
                "Freedonia's deputy health minister Ada Vex said",
                "Freedonia",
                "minister",
            ),
            (
                "Sylvanian Trade and Investment Minister Karl Brun said",
                "Sylvanian",
                "Minister",
            ),
        ] {
            let f = run(text, country, &[title]);
            assert_eq!(f.len(), 1, "{text}");
            assert_eq!(f[0].tie, Some(7), "{text}");
        }
    }

    #[test]
    fn portfolio_words_stop_at_a_verb_a_preposition_or_a_change_of_case() {
        for (text, country) in [
            // a verb of the lexicon between: Kenya is the subject, not the minister's country
            ("Kenya said minister Lambert Mende was wrong", "Kenya"),
            // a preposition between
            ("talks in Kenya with minister Lambert Mende", "Kenya"),
            // capitalised words before a lower-case title are not its portfolio
            ("Kenya Airways minister Lambert Mende", "Kenya"),
            // more portfolio words than a title takes
            (
                "Kenyan rural water supply sanitation minister Lambert Mende",
                "Kenyan",
            ),
        ] {
            let f = run(text, country, &["minister"]);
            assert!(f.iter().all(|p| p.tie.is_none()), "{text}: {f:?}");
        }
    }

    #[test]
    fn demonym_title_name() {
        let f = run(
            "Sylvanian President Karl Brun said",
            "Sylvanian",
            &["President"],
        );
        assert_eq!(f[0].name, "Karl Brun");
        assert_eq!(f[0].tie, Some(7));
        assert_eq!(f[0].words, ["Karl", "Brun"]);
    }

    #[test]
    fn apposition_after_name() {
        let f = run("Brun, the Sylvanian leader, said", "Sylvanian", &["leader"]);
        assert_eq!(f[0].name, "Brun");
        assert_eq!(f[0].tie, Some(7));
    }

    #[test]
    fn title_of_country_and_particles() {
        let f = run(
            "Mr. Ola da Sand, Minister for Trade of Freedonia, met",
            "Freedonia",
            &["Minister"],
        );
        // the title "Minister" is followed by "for": no tie; the honorific still makes Sand a
        // person, untied
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].name.as_str(), f[0].tie), ("Ola da Sand", None));
        let f = run(
            "Prime Minister Vex of Freedonia spoke",
            "Freedonia",
            &["Prime Minister"],
        );
        assert_eq!(f[0].name, "Vex");
        assert_eq!(f[0].tie, Some(7));
    }

    #[test]
    fn a_country_opening_an_organisation_name_ties_no_one() {
        // "Medical Association" is no one's name, and the title is the association's, so
        // neither the name nor the apposition before it is tied to the country
        let f = run(
            "Dr Ada Kell, President of the Sylvania Medical Association, spoke.",
            "Sylvania",
            &["President"],
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].name.as_str(), f[0].tie), ("Ada Kell", None));
        let f = run(
            "Prime Minister Ola Sand of Sylvania Farmers Union spoke.",
            "Sylvania",
            &["Prime Minister"],
        );
        assert_eq!(f[0].name, "Ola Sand");
        assert_eq!(f[0].tie, None);
        // the country alone still ties
        let f = run(
            "Dr Ada Kell, President of Sylvania, spoke.",
            "Sylvania",
            &["President"],
        );
        assert_eq!(f[0].name, "Ada Kell");
        assert_eq!(f[0].tie, Some(7));
    }

    #[test]
    fn an_honorific_names_a_person_without_a_title() {
        let f = run(
            "Dr Mira Lenz told reporters that Sylvania was wrong.",
            "Sylvania",
            &[],
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].name, "Mira Lenz");
        assert_eq!(f[0].words, ["Mira", "Lenz"]);
        assert_eq!(f[0].tie, None);
        // a title and an honorific give the person once
        let f = run(
            "President Dr Mira Lenz of Sylvania spoke.",
            "Sylvania",
            &["President"],
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].tie, Some(7));
    }

    #[test]
    fn untied_title_name() {
        let f = run(
            "President Ola Sand and Sylvania",
            "Sylvania",
            &["President"],
        );
        assert_eq!(f[0].name, "Ola Sand");
        assert_eq!(f[0].tie, None);
    }
}
