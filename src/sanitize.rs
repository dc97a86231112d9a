//! Making article text safe to print on a terminal, and honest to read.
//!
//! Two jobs, two entry points:
//!
//! - [`escape_controls`] / [`push_visible`] (everywhere text is printed: `--plain`, the reader,
//!   error messages). Nothing from the article may reach the terminal as a control sequence.
//!   Every C0 control other than newline and tab, DEL and every C1 control (U+0080–U+009F) is
//!   replaced by a visible escape: the Unicode "control picture" for C0 (`ESC` → `␛`, so
//!   `ESC[2J` shows as `␛[2J`) and `\u{9b}` for DEL and C1. With the introducer gone, no
//!   escape sequence (CSI, OSC, DCS, APC…) can start: the rest of it is ordinary text.
//!   Note that C1 controls matter even though they are not bytes below 0x20: a UTF-8 terminal
//!   may decode `C2 9B` to U+009B and act on it as CSI.
//! - [`reveal_invisible`] / [`push_revealed`] (the reader's detail view): the above, and also
//!   the characters that print nothing but change what the reader sees — bidi embeddings,
//!   overrides and isolates (U+202A–U+202E, U+2066–U+2069), the bidi marks (U+200E, U+200F,
//!   U+061C) and the zero-width characters (U+200B–U+200D, U+2060–U+2064, U+180E, U+FEFF) —
//!   shown as `⟨U+202E⟩`. A right-to-left override could otherwise make a sentence read
//!   backwards ("…dias nurb" shown as "brun said…"), and a zero-width space can split a
//!   name so that it looks the same but does not match.
//!
//! What this module must never do: change text in `--json` (JSON escaping already makes it
//! safe, and offsets must index the input), or drop a character — every replaced character
//! is shown, so nothing the reader pasted disappears.

use std::borrow::Cow;
use std::io;

/// True for characters that would act on the terminal rather than print.
pub fn is_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || c == '\u{7f}'
}

/// True for characters that print nothing yet change how the text around them reads:
/// bidi controls and marks, and zero-width characters. Terminal controls are not included
/// (see [`is_control`]).
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{FEFF}'
    )
}

/// Replaces terminal controls by visible escapes. Borrowed when nothing needs replacing.
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_visible(c, &mut out);
    }
    Cow::Owned(out)
}

/// Pushes `c`, or its visible escape when it is a terminal control.
pub fn push_visible(c: char, out: &mut String) {
    match c {
        '\u{0}'..='\u{1f}' if c != '\n' && c != '\t' => {
            out.push(char::from_u32(0x2400 + c as u32).unwrap_or('?'));
        }
        c if is_control(c) => {
            use std::fmt::Write;
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
        c => out.push(c),
    }
}

/// Like [`escape_controls`], and also shows bidi controls and zero-width characters as
/// `⟨U+202E⟩`, for the detail view. Borrowed when nothing needs replacing.
pub fn reveal_invisible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| is_control(c) || is_invisible(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        push_revealed(c, &mut out);
    }
    Cow::Owned(out)
}

/// Pushes `c`, its visible escape when it is a terminal control, or `⟨U+XXXX⟩` when it is
/// invisible (see [`is_invisible`]).
pub fn push_revealed(c: char, out: &mut String) {
    if is_invisible(c) {
        use std::fmt::Write;
        let _ = write!(out, "⟨U+{:04X}⟩", c as u32);
    } else {
        push_visible(c, out);
    }
}

/// A writer for JSON output that writes DEL and C1 controls (U+007F–U+009F) as `\u007f`…
/// `\u009f` escapes. JSON escapes C0 controls itself but may pass these through raw, and a
/// UTF-8 terminal can act on a raw U+009B as CSI. JSON's structure is ASCII, so these
/// characters only occur inside strings, where the escape decodes to the same text: the
/// JSON still holds the input exactly.
pub struct JsonControlEscaper<W: io::Write> {
    inner: W,
    /// The previous write ended with a `C2` lead byte whose continuation is still to come.
    pending_c2: bool,
}

impl<W: io::Write> JsonControlEscaper<W> {
    pub fn new(inner: W) -> Self {
        JsonControlEscaper {
            inner,
            pending_c2: false,
        }
    }

    fn escape(&mut self, code: u8) -> io::Result<()> {
        write!(self.inner, "\\u{code:04x}")
    }
}

impl<W: io::Write> io::Write for JsonControlEscaper<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // Fast path: no DEL and no `C2` lead byte at all (one SIMD scan), so the bytes pass
        // through untouched.
        if !self.pending_c2 && memchr::memchr2(0x7f, 0xc2, buf).is_none() {
            self.inner.write_all(buf)?;
            return Ok(buf.len());
        }
        let mut rest = buf;
        if self.pending_c2 {
            let Some(&next) = rest.first() else {
                return Ok(0);
            };
            self.pending_c2 = false;
            if (0x80..=0x9f).contains(&next) {
                self.escape(next)?;
                rest = &rest[1..];
            } else {
                self.inner.write_all(&[0xc2])?;
            }
        }
        let mut start = 0;
        let mut i = 0;
        while i < rest.len() {
            let b = rest[i];
            if b == 0x7f {
                self.inner.write_all(&rest[start..i])?;
                self.escape(b)?;
                i += 1;
                start = i;
            } else if b == 0xc2 {
                match rest.get(i + 1) {
                    Some(&next) if (0x80..=0x9f).contains(&next) => {
                        self.inner.write_all(&rest[start..i])?;
                        self.escape(next)?;
                        i += 2;
                        start = i;
                    }
                    Some(_) => i += 2,
                    None => {
                        self.inner.write_all(&rest[start..i])?;
                        self.pending_c2 = true;
                        i += 1;
                        start = i;
                    }
                }
            } else {
                i += 1;
            }
        }
        self.inner.write_all(&rest[start..])?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.pending_c2 {
            self.pending_c2 = false;
            self.inner.write_all(&[0xc2])?;
        }
        self.inner.flush()
    }
}

impl<W: io::Write> Drop for JsonControlEscaper<W> {
    fn drop(&mut self) {
        if self.pending_c2 {
            let _ = self.inner.write_all(&[0xc2]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_become_visible() {
        assert_eq!(escape_controls("a\u{1b}[2Jb"), "a␛[2Jb");
        assert_eq!(escape_controls("\u{1b}]0;owned\u{7}"), "␛]0;owned␇");
        assert_eq!(escape_controls("x\u{9b}y\u{7f}"), "x\\u{9b}y\\u{7f}");
        assert!(matches!(
            escape_controls("plain “text”\n\tok"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn every_c0_c1_and_del_is_replaced() {
        for code in (0u32..0x20).chain(0x7f..0xa0) {
            let c = char::from_u32(code).unwrap();
            let shown = escape_controls(&c.to_string()).into_owned();
            if c == '\n' || c == '\t' {
                assert_eq!(shown, c.to_string());
            } else {
                assert!(
                    !shown.chars().any(|s| s.is_control()),
                    "U+{code:04X} shown as {shown:?}"
                );
            }
        }
    }

    #[test]
    fn escape_controls_leaves_bidi_alone_but_reveal_shows_it() {
        // The plain view keeps bidi text as written (right-to-left scripts need the marks)…
        let text = "Freedonia said \u{202E}deripxe\u{202C} talks.";
        assert!(matches!(escape_controls(text), Cow::Borrowed(_)));
        // …the detail view shows every invisible character, so the sentence cannot pretend.
        assert_eq!(
            reveal_invisible(text),
            "Freedonia said ⟨U+202E⟩deripxe⟨U+202C⟩ talks."
        );
    }

    #[test]
    fn reveal_shows_zero_width_and_controls() {
        assert_eq!(
            reveal_invisible("Syl\u{200B}vania\u{2060}\u{FEFF}\u{1b}[2J\u{9b}"),
            "Syl⟨U+200B⟩vania⟨U+2060⟩⟨U+FEFF⟩␛[2J\\u{9b}"
        );
        assert_eq!(
            reveal_invisible("\u{2066}a\u{2069}\u{200D}"),
            "⟨U+2066⟩a⟨U+2069⟩⟨U+200D⟩"
        );
        assert!(matches!(
            reveal_invisible("ordinary “text”, é, 東京\n"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn combining_marks_and_emoji_joiners_in_words_stay_readable() {
        // A combining accent is visible on its base letter: not revealed.
        assert_eq!(reveal_invisible("Cafe\u{301}"), "Cafe\u{301}");
        // ZWJ is revealed even inside an emoji sequence: the detail view favours honesty.
        assert_eq!(reveal_invisible("a\u{200D}b"), "a⟨U+200D⟩b");
    }

    fn json_escaped(pieces: &[&[u8]]) -> String {
        String::from_utf8(json_escaped_bytes(pieces)).unwrap()
    }

    fn json_escaped_bytes(pieces: &[&[u8]]) -> Vec<u8> {
        let mut out = Vec::new();
        {
            let mut w = JsonControlEscaper::new(&mut out);
            for p in pieces {
                io::Write::write_all(&mut w, p).unwrap();
            }
            io::Write::flush(&mut w).unwrap();
        }
        out
    }

    #[test]
    fn json_escaper_escapes_del_and_c1_only() {
        let json = serde_json::to_string(&"a\u{9b}2J\u{7f}é\u{85}\u{1b}[0m").unwrap();
        let escaped = json_escaped(&[json.as_bytes()]);
        assert_eq!(escaped, r#""a\u009b2J\u007fé\u0085\u001b[0m""#);
        assert!(!escaped.chars().any(|c| c.is_control()));
        let back: String = serde_json::from_str(&escaped).unwrap();
        assert_eq!(back, "a\u{9b}2J\u{7f}é\u{85}\u{1b}[0m");
    }

    #[test]
    fn json_escaper_handles_a_sequence_split_across_writes() {
        let bytes = "x\u{9b}y\u{a0}z".as_bytes();
        // `C2 9B` split between two writes, and `C2 A0` (no-break space, kept) likewise.
        assert_eq!(
            json_escaped(&[&bytes[..2], &bytes[2..5], &bytes[5..]]),
            "x\\u009by\u{a0}z"
        );
        assert_eq!(json_escaped_bytes(&[&bytes[..2]]), &bytes[..2]);
    }
}
