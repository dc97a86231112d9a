//! Roles: which units are the title, subtitle, datelines, body, bylines and source lines.
//!
//! Rules (generic: they look at layout and cue words from `assets/roles.txt`, never at names):
//! - **Title**: the first paragraph of the body, when it is one unit of at most 40 words that
//!   does not end in a full stop, or of at most 12 words (a first line that holds several
//!   sentences, or one long sentence, is body text), or when it equals the front matter's title.
//! - **Dateline**: a one-unit paragraph without final punctuation that is a date line — at most
//!   twelve words, at least one month, weekday or year, and most words dates, numbers or date
//!   words ("Published 11 October 2021", "Thursday, November 18, 2004", "Updated 10 Dec, 14:05
//!   GMT") — or a wire dateline on its own line ("VARN, Oct 3 (Wire) -": a capitalised place,
//!   a comma, and a final dash). A dateline at the start of a body sentence stays inside that
//!   sentence, as the sentence rules do not split it off.
//! - **Source**: a unit that opens with a source or credit prefix ("Source:", "Photo:",
//!   "Editing by"); a unit without letters or digits ("###", "* * *"); a unit ending with a
//!   photo credit in brackets containing a slash ("... (K. Lind/Wire)"); every unit of a note
//!   paragraph wrapped in brackets or opening with "(*" or "*" among the last three paragraphs,
//!   after the body; and a caption: a
//!   short unpunctuated line after the title and a dateline, before the body.
//! - **Byline**: a short unit without final punctuation opening with "By" and a capitalised
//!   word; and every unit of an author biography — one of the last two paragraphs whose first
//!   unit reads "<Capitalised words> is a/an/the ... <profession> ..." ("Jon Park is a
//!   diplomatic correspondent for the Wire.").
//! - **Subtitle**: the paragraph right after the title when it is one short unit (at most 30
//!   words) without final punctuation that is nothing of the above, or when it equals the front
//!   matter's subtitle.
//! - **Boilerplate**: page furniture copied with the article, tested before everything else
//!   (so a menu line above the headline does not become the title): a short unit that is a
//!   button or prompt ("Share", "Advertisement", "Follow us on …", "Sign up for …"), a cookie
//!   banner sentence ("We use cookies …"), or a line made only of menu and share words
//!   ("Home | World | Politics", "Facebook Twitter Email").
//! - **Body**: everything else.
//!
//! One pass over the paragraphs; every test looks at a bounded part of one unit. Must never
//! panic, and must give exactly one role per sentence.

mod cues;
mod title;

pub use title::title_of;

use super::segment::{Segmentation, Span};
use crate::model::{Meta, Role};

/// What the rules need to know about one paragraph.
struct Para<'t> {
    /// Index range into `seg.sentences`.
    first: usize,
    count: usize,
    text: &'t str,
}

/// One role per sentence of `seg`.
pub fn roles(text: &str, seg: &Segmentation, meta: &Meta) -> Vec<Role> {
    let mut roles = vec![Role::Body; seg.sentences.len()];
    let paras = group(text, seg);
    let unit = |s: &Span| &text[s.start..s.end];
    let n = paras.len();
    // Index of the first paragraph that is body prose (for captions and end notes).
    let mut seen_body = false;
    let mut seen_dateline = false;
    let mut title_para = None;
    // the first paragraph that is not boilerplate: where the title may stand
    let mut first = 0;
    for (k, p) in paras.iter().enumerate() {
        let units = &seg.sentences[p.first..p.first + p.count];
        let single = p.count == 1;
        let bare = single && !ends_with_final(p.text);
        let set = |roles: &mut Vec<Role>, role: Role| {
            for r in &mut roles[p.first..p.first + p.count] {
                *r = role;
            }
        };
        let mut any_boilerplate = false;
        for (i, s) in units.iter().enumerate() {
            if cues::is_boilerplate(unit(s)) {
                roles[p.first + i] = Role::Boilerplate;
                any_boilerplate = true;
            }
        }
        if any_boilerplate {
            if units.len() == 1 {
                if k == first {
                    first += 1;
                }
            } else {
                // furniture glued into a block of text: the rest of it is body
                seen_body = true;
            }
            continue;
        }
        if k == first && (is_title(p, meta)) {
            set(&mut roles, Role::Title);
            title_para = Some(k);
            continue;
        }
        if bare && (is_date_line(p.text) || is_wire_dateline(p.text)) {
            set(&mut roles, Role::Dateline);
            seen_dateline = true;
            continue;
        }
        if seen_body && k + 3 >= n && is_note(p.text) {
            set(&mut roles, Role::Source);
            continue;
        }
        if k + 2 >= n && is_biography(unit(&units[0])) {
            set(&mut roles, Role::Byline);
            continue;
        }
        if bare && is_byline_line(p.text) {
            set(&mut roles, Role::Byline);
            continue;
        }
        let mut any_source = false;
        for (i, s) in units.iter().enumerate() {
            if roles[p.first + i] == Role::Body && is_source_unit(unit(s)) {
                roles[p.first + i] = Role::Source;
                any_source = true;
            }
        }
        if any_source {
            continue;
        }
        if title_para.is_some() && !seen_body && k == first + 1 && is_subtitle(p, meta) {
            set(&mut roles, Role::Subtitle);
            continue;
        }
        if title_para.is_some() && !seen_body && seen_dateline && bare && words(p.text) <= 12 {
            // A caption between the header lines and the body.
            set(&mut roles, Role::Source);
            continue;
        }
        seen_body = true;
    }
    roles
}

fn group<'t>(text: &'t str, seg: &Segmentation) -> Vec<Para<'t>> {
    let mut out: Vec<Para> = Vec::new();
    for (i, s) in seg.sentences.iter().enumerate() {
        match out.last_mut() {
            Some(p) if seg.sentences[p.first].paragraph == s.paragraph => p.count += 1,
            _ => {
                let para = seg.paragraphs.get(s.paragraph);
                out.push(Para {
                    first: i,
                    count: 1,
                    text: para.map_or("", |p| text.get(p.start..p.end).unwrap_or("")),
                });
            }
        }
    }
    out
}

fn words(text: &str) -> usize {
    text.split_whitespace().take(1000).count()
}

/// Ends in terminal punctuation (after closing quotes and brackets).
fn ends_with_final(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['"', '\'', '”', '’', ')', ']', '»'])
        .ends_with(['.', '!', '?', '…'])
}

fn same_text(a: &str, b: Option<&String>) -> bool {
    b.is_some_and(|b| {
        let mut x = a.split_whitespace();
        let mut y = b.split_whitespace();
        loop {
            match (x.next(), y.next()) {
                (None, None) => return true,
                (Some(p), Some(q)) if p == q => {}
                _ => return false,
            }
        }
    })
}

pub(crate) fn is_wire_dateline_text(text: &str) -> bool {
    is_wire_dateline(text)
}

fn is_title(p: &Para, meta: &Meta) -> bool {
    let n = words(p.text);
    same_text(p.text, meta.title.as_ref())
        || (p.count == 1 && n <= 40 && (n <= 12 || !p.text.trim_end().ends_with('.')))
}

fn is_subtitle(p: &Para, meta: &Meta) -> bool {
    same_text(p.text, meta.subtitle.as_ref())
        || (p.count == 1 && !ends_with_final(p.text) && words(p.text) <= 30)
}

/// Words of a line, stripped of surrounding punctuation.
fn bare_words(text: &str) -> impl Iterator<Item = &str> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.'))
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| !w.is_empty())
}

fn is_number_like(w: &str) -> bool {
    let digits = w.chars().filter(char::is_ascii_digit).count();
    digits > 0
        && w.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ':' | '/' | '-' | '.') || c.is_alphabetic())
        && digits * 2 >= w.chars().filter(|c| c.is_alphanumeric()).count()
}

fn is_year(w: &str) -> bool {
    w.len() == 4
        && w.bytes().all(|b| b.is_ascii_digit())
        && (w.starts_with("19") || w.starts_with("20"))
}

/// "2024-05-26" (a time may follow: "2024-05-26T10:00").
fn is_iso_date(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
}

/// "Published 11 October 2021", "Thursday, November 18, 2004", "April 2, 2012".
fn is_date_line(text: &str) -> bool {
    let n = words(text);
    if n == 0 || n > 12 {
        return false;
    }
    let mut anchor = false;
    let mut datey = 0;
    let mut total = 0;
    for w in bare_words(text) {
        total += 1;
        if cues::is_month(w) || cues::is_weekday(w) || is_year(w) || is_iso_date(w) {
            anchor = true;
            datey += 1;
        } else if is_number_like(w) || cues::is_date_word(w) {
            datey += 1;
        }
    }
    anchor && datey * 5 >= total * 3
}

/// "VARN, Oct 3 (Wire) -": a capitalised place, a comma, and a dash at the end.
fn is_wire_dateline(text: &str) -> bool {
    let t = text.trim_end();
    let Some(head) = t.split(',').next() else {
        return false;
    };
    words(t) <= 12
        && t.contains(',')
        && t.ends_with(['-', '–', '—'])
        && head.chars().any(char::is_uppercase)
        && head.chars().all(|c| !c.is_lowercase())
}

/// "Source: ...", "###", "... (K. Lind/Wire)".
fn is_source_unit(unit: &str) -> bool {
    if cues::is_source_line(unit) {
        return true;
    }
    if !unit.chars().any(char::is_alphanumeric) {
        return true;
    }
    // A closing bracket holding a credit with a slash: "(J. Doe/Agency)".
    if let Some(inner) = unit.strip_suffix(')')
        && let Some(open) = inner.rfind('(')
    {
        let credit = &inner[open + 1..];
        return credit.contains('/')
            && credit.len() <= 60
            && !credit.contains("://")
            && words(credit) <= 6;
    }
    false
}

/// A note after the body: "(*Provisional translation. ...)", "* Names changed."
fn is_note(text: &str) -> bool {
    let t = text.trim();
    t.starts_with("(*") || t.starts_with('*') || (t.starts_with('(') && t.ends_with(')'))
}

/// "By Jon Park", "By JON PARK, Wire": short and without final punctuation.
fn is_byline_line(text: &str) -> bool {
    words(text) <= 10 && cues::is_byline_prefix(text)
}

/// "Jon Park is a diplomatic correspondent for the Wire."
fn is_biography(unit: &str) -> bool {
    let mut ws = unit.split_whitespace();
    let mut verb = false;
    for (name_words, w) in ws.by_ref().take(5).enumerate() {
        if w == "is" || w == "was" {
            verb = name_words > 0;
            break;
        }
        if !w.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
    }
    if !verb {
        return false;
    }
    let Some(article) = ws.next() else {
        return false;
    };
    if !matches!(article, "a" | "an" | "the") {
        return false;
    }
    ws.take(12)
        .any(|w| cues::is_profession(w.trim_matches(|c: char| !c.is_alphanumeric())))
}

#[cfg(test)]
mod tests;
