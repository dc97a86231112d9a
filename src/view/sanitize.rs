//! Making article text safe to print on a terminal.
//!
//! Nothing from the article may reach the terminal as a control sequence. Every C0 control
//! other than newline and tab, DEL and every C1 control (U+0080–U+009F) is replaced by a
//! visible escape: the Unicode "control picture" for C0 (`ESC` → `␛`, so `ESC[2J` shows as
//! `␛[2J`) and `\u{9b}` for DEL and C1. With that, no escape sequence can start.

use std::borrow::Cow;

/// True for characters that would act on the terminal rather than print.
pub fn is_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || c == '\u{7f}'
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
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        }
        c => out.push(c),
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
}
