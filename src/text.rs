//! Text helpers shared by every module: decoding files as people deliver
//! them, whitespace normalisation, word counting (DESIGN §2) and escaping
//! control characters for the terminal.

use std::borrow::Cow;

use crate::error::{ErrorKind, LoadError};

/// Decodes bytes as UTF-8, dropping a leading byte-order mark.
///
/// Invalid UTF-8 is an error naming the 1-based line and column of the
/// first bad byte, because "invalid UTF-8" alone sends people hunting
/// through the file. A NUL byte makes it a binary file (a word processor's
/// document, a PDF, UTF-16 text): no text file people write holds one.
pub fn decode<'a>(bytes: &'a [u8], file: &str) -> Result<&'a str, LoadError> {
    if let Some(at) = memchr::memchr(0, bytes) {
        let line = memchr::memchr_iter(b'\n', &bytes[..at]).count() + 1;
        let utf16 = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
        let hint = if utf16 {
            "it is UTF-16 text: save it again choosing UTF-8"
        } else {
            "save it as plain text (UTF-8), not as a document"
        };
        return Err(LoadError::new(
            ErrorKind::Binary,
            file,
            format!("binary file (NUL byte on line {line}); {hint}"),
        )
        .at_line(line));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // simdutf8 validates several times faster than `std` on non-ASCII text
    // and reports the same position on failure.
    match simdutf8::compat::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(err) => {
            let good = &bytes[..err.valid_up_to()];
            let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
            let column =
                good.len() - good.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1) + 1;
            let mut err = LoadError::new(
                ErrorKind::Encoding,
                file,
                format!(
                    "invalid UTF-8 on line {line}, byte {column} of the line; save the file as \
                     UTF-8 (most editors offer \"Save with encoding\")"
                ),
            )
            .at_line(line);
            err.column = Some(column);
            Err(err)
        }
    }
}

/// Whether `c` must not reach a terminal raw: control characters (ESC
/// starts the sequences that recolour, move the cursor or retitle the
/// window; CR overwrites a line) and the bidirectional overrides that make
/// text display in an order other than the one it has. Line feed and tab
/// only lay text out, and stay.
pub fn is_unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every [`is_unsafe_char`] written as a Rust escape
/// (`\u{1b}`), for human output; borrowed when there is none (nearly
/// always).
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Whether `c` counts as a space: Unicode white space (NBSP and the other
/// fixed-width spaces included) plus the invisible characters that editors
/// and web exports leave behind (zero-width space, stray BOM).
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, ' ' | '\t'..='\r');
    }
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{2060}')
}

/// Whether `c` is a dash as people type one before an answer or a quote
/// or between the two ends of a range: the en and em dashes, and the
/// figure dash and horizontal bar that other fonts and word processors put
/// in their place (`‒ Vastaus`, `kl. 18‒20`).
pub fn is_dash(c: char) -> bool {
    matches!(c, '–' | '—' | '‒' | '―')
}

/// Whether `c` is a letter or digit: `char::is_alphanumeric` with the
/// ASCII and Latin-1 letters (all of Finnish and Swedish) answered without
/// a Unicode table look-up, which dominated profiles of large runs.
#[inline]
pub fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\0'..='\u{7f}' => false,
        'À'..='Ö' | 'Ø'..='ö' | 'ø'..='ÿ' => true,
        _ => c.is_alphanumeric(),
    }
}

/// Collapses every run of spaces (as [`is_space`] defines them, line breaks
/// included) into one ASCII space and trims the ends.
pub fn normalize_ws(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(is_space).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether two texts are equal once whitespace differences are ignored.
pub fn same_text(a: &str, b: &str) -> bool {
    // Stored texts are already normalised, so most comparisons end here.
    if a == b {
        return true;
    }
    let mut wa = a.split(is_space).filter(|w| !w.is_empty());
    let mut wb = b.split(is_space).filter(|w| !w.is_empty());
    loop {
        match (wa.next(), wb.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x == y => {}
            _ => return false,
        }
    }
}

/// Counts words the way translators are paid: whitespace-separated tokens
/// that contain at least one letter or digit (a lone dash is not a word).
pub fn word_count(text: &str) -> usize {
    // One pass, no splitting: this runs on every segment of every article.
    let mut count = 0;
    let mut counted = false;
    for c in text.chars() {
        if is_space(c) {
            counted = false;
        } else if !counted && is_word_char(c) {
            count += 1;
            counted = true;
        }
    }
    count
}

/// Whether `text` has at least `n` words as [`word_count`] counts them,
/// read only as far as the `n`th.
pub fn has_words(text: &str, n: usize) -> bool {
    let mut count = 0;
    let mut counted = false;
    if n == 0 {
        return true;
    }
    for c in text.chars() {
        if is_space(c) {
            counted = false;
        } else if !counted && is_word_char(c) {
            count += 1;
            if count == n {
                return true;
            }
            counted = true;
        }
    }
    false
}

/// Shortens `text` to at most `max` characters, ending in `…` when cut.
pub fn ellipsize(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Title-cases a name written in capitals (`PATRICIA HEIKKILÄ` →
/// `Patricia Heikkilä`); a name already in mixed case is kept as written.
/// A word of capitals with no vowel is initials and stays so (`PH`,
/// `ANNA-LIISA TJ`): no name is spelt `Ph`.
pub fn display_name(name: &str) -> String {
    let name = normalize_ws(name);
    if name.chars().any(char::is_lowercase) {
        return name;
    }
    let mut out = String::with_capacity(name.len());
    // Each run of letters and digits, and what separates them.
    let mut rest = name.as_str();
    while !rest.is_empty() {
        let end = rest
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(rest.len());
        let (word, after) = rest.split_at(end);
        let initials = word.chars().count() > 1 && !word.chars().any(is_vowel);
        for (i, c) in word.chars().enumerate() {
            if i == 0 || initials {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
        }
        let gap = after.find(char::is_alphanumeric).unwrap_or(after.len());
        out.push_str(&after[..gap]);
        rest = &after[gap..];
    }
    out
}

/// A vowel of the names the magazine prints (Finnish, Swedish and other
/// Latin-script names), in either case.
fn is_vowel(c: char) -> bool {
    c.to_lowercase().all(|l| {
        matches!(
            l,
            'a' | 'e'
                | 'i'
                | 'o'
                | 'u'
                | 'y'
                | 'å'
                | 'ä'
                | 'ö'
                | 'ø'
                | 'æ'
                | 'é'
                | 'è'
                | 'ê'
                | 'ë'
                | 'á'
                | 'à'
                | 'â'
                | 'í'
                | 'ì'
                | 'î'
                | 'ï'
                | 'ó'
                | 'ò'
                | 'ô'
                | 'õ'
                | 'ú'
                | 'ù'
                | 'û'
                | 'ü'
                | 'ý'
        )
    })
}

/// Sentences: runs ending in `.`, `!` or `?` before a space and a capital
/// letter, a digit or a dash, or at the end. Abbreviations and dates
/// (`klo 18.30`, `6.12. klo`) do not end one.
pub fn sentence_count(text: &str) -> usize {
    let mut count = 0;
    let mut words = text.split(is_space).filter(|w| !w.is_empty()).peekable();
    while let Some(word) = words.next() {
        let ends = word
            .trim_end_matches(['”', '"', '»', ')', '’'])
            .ends_with(['.', '!', '?']);
        let next_starts = words.peek().is_none_or(|n| {
            n.chars()
                .find(|c| !matches!(c, '”' | '"' | '»' | '(' | '‘'))
                .is_some_and(|c| c.is_uppercase() || is_dash(c))
        });
        if ends && next_starts {
            count += 1;
        }
    }
    count.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_are_counted_past_dates_and_abbreviations() {
        assert_eq!(sentence_count("Yksi. Kaksi! Kolme?"), 3);
        assert_eq!(
            sentence_count("la 6.12. klo 12–13.30 Itsenäisyyspäivän juhla."),
            1
        );
        assert_eq!(sentence_count("– Kyllä. – Ei."), 2);
        assert_eq!(sentence_count("otsikko ilman pistettä"), 1);
        assert_eq!(sentence_count("”Kyllä.” Sitten hän lähti."), 2);
    }

    #[test]
    fn nul_byte_makes_a_binary_file_with_its_line() {
        let err = decode(b"one\ntwo\nth\0ree", "x.txt").unwrap_err();
        assert_eq!(err.kind, ErrorKind::Binary);
        assert_eq!(err.line, Some(3));
        let msg = err.to_string();
        assert!(
            msg.starts_with("could not read `x.txt`: binary file (NUL byte on line 3); "),
            "{msg}"
        );
        let utf16 = decode(b"\xFF\xFEh\0i\0", "x.txt").unwrap_err().to_string();
        assert!(
            utf16.contains("line 1") && utf16.contains("UTF-16"),
            "{utf16}"
        );
    }

    #[test]
    fn control_characters_are_escaped_and_layout_kept() {
        assert_eq!(escape_controls("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(
            escape_controls("x\ry\0\u{7f}\u{9b}"),
            "x\\u{d}y\\u{0}\\u{7f}\\u{9b}"
        );
        assert_eq!(escape_controls("rtl\u{202e}"), "rtl\\u{202e}");
        assert!(matches!(
            escape_controls("tab\tand\nline äö"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn decode_strips_bom() {
        assert_eq!(decode(b"\xEF\xBB\xBFhei", "x.txt").unwrap(), "hei");
    }

    #[test]
    fn decode_names_line_of_bad_byte() {
        let err = decode(b"one\ntwo\nth\xFFree", "x.txt")
            .unwrap_err()
            .to_string();
        assert!(err.contains("line 3"), "{err}");
        assert!(err.contains("byte 3"), "{err}");
        assert!(err.starts_with("could not read `x.txt`"), "{err}");
    }

    #[test]
    fn nbsp_and_zero_width_are_spaces() {
        assert_eq!(normalize_ws("\u{a0} a\u{a0}\u{a0}b\u{200b}c \r\n"), "a b c");
        assert!(same_text("a  b\nc", "a b\u{a0}c"));
        assert!(!same_text("a b", "ab"));
        assert!(!same_text("a b", "a b c"));
    }

    #[test]
    fn word_chars_agree_with_unicode() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn words_need_a_letter_or_digit() {
        assert_eq!(word_count("KAUPUNKI - STADEN"), 2);
        assert_eq!(word_count("– Hei, 15 000 euroa!"), 4);
        assert_eq!(word_count(""), 0);
        assert_eq!(word_count("a-b –c  ¶ 7"), 3);
    }

    #[test]
    fn initials_in_capitals_stay_capitals() {
        assert_eq!(display_name("PH"), "PH");
        assert_eq!(display_name("ANNA-LIISA TJ"), "Anna-Liisa TJ");
        assert_eq!(display_name("P.H."), "P.H.");
        assert_eq!(display_name("EVA"), "Eva");
        assert_eq!(display_name("BO ÖST"), "Bo Öst");
        assert_eq!(display_name("Ph"), "Ph");
    }

    #[test]
    fn names_in_capitals_get_title_case() {
        assert_eq!(display_name("PATRICIA HEIKKILÄ"), "Patricia Heikkilä");
        assert_eq!(display_name("ANNA-LIISA ÖSTERBERG"), "Anna-Liisa Österberg");
        assert_eq!(
            display_name("Patricia von Heikkilä"),
            "Patricia von Heikkilä"
        );
    }

    #[test]
    fn has_words_is_word_count_at_least() {
        for text in [
            "",
            " – ",
            "a",
            "a-b –c  ¶ 7",
            "yksi kaksi kolme",
            "yksi kaksi kolme neljä viisi",
        ] {
            for n in 0..7 {
                assert_eq!(has_words(text, n), word_count(text) >= n, "{text:?} {n}");
            }
        }
    }

    #[test]
    fn ellipsize_counts_chars_not_bytes() {
        assert_eq!(ellipsize("äääää", 3), "ää…");
        assert_eq!(ellipsize("ää", 3), "ää");
    }
}
