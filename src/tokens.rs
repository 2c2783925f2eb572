//! Words of running text, with their byte spans: the one definition of a
//! word in tolk.
//!
//! - [`tokenize`]: word tokens, runs of letters and digits with internal
//!   hyphens, apostrophes and soft hyphens (`vapaa-aika`, `vaa'an`). A
//!   hyphen at a token's edge marks an elided compound (`kulttuuri- ja`,
//!   `sekä -suunnitelman`), and each token knows whether only white space
//!   separates it from the next. Glossary matching and the number checks
//!   read words this way; [`fold`] is the form they compare.
//! - [`words`]: white-space separated runs as written, punctuation kept,
//!   for walking two spellings of one text in step (a segment and its
//!   file, two versions of a Finnish segment).
//! - [`address_spans`]: e-mail addresses, web addresses, phone numbers and
//!   file names, which are written in a text but are not its prose;
//!   [`prose_tokens`] are the word tokens outside them (glossary matching
//!   reads those: `nuoriso@kauniainen.fi` does not use the term
//!   `Kauniainen`).
//!
//! Pure: no I/O, never panics, every span lies on character boundaries.

use std::ops::Range;

use crate::text::is_space;

/// A word of running text or of a glossary entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    /// Written `-word`: the tail of an elided compound.
    pub lead_hyphen: bool,
    /// Written `word-`: the head of an elided compound.
    pub trail_hyphen: bool,
    /// Only white space separates it from the next token.
    pub joins_next: bool,
}

pub fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// Soft hyphens, left by web exports inside long Finnish compounds, are
/// invisible: they join a word and vanish when it is folded.
pub const SOFT_HYPHEN: char = '\u{AD}';

/// Splits `text` into word tokens; with `stars`, `*` counts as a letter.
pub fn tokenize(text: &str, stars: bool) -> Vec<Token> {
    // About one token per six bytes of prose: one allocation for most
    // texts instead of a doubling series.
    let mut tokens = Vec::with_capacity(text.len() / 6 + 1);
    tokenize_into(text, stars, &mut tokens);
    tokens
}

/// The character at byte `at` of `text` (a character boundary) and its
/// length in bytes; ASCII and two-byte characters (`ä`, `ö`, `å`: all of
/// Finnish and Swedish prose) decoded by hand.
#[inline]
fn char_at(text: &str, at: usize) -> (char, usize) {
    let bytes = text.as_bytes();
    let b = bytes[at];
    if b.is_ascii() {
        return (char::from(b), 1);
    }
    if b < 0xE0 {
        // A valid two-byte sequence: a lead byte 0xC2..=0xDF and one
        // continuation byte.
        let next = bytes.get(at + 1).map_or(0, |&n| n & 0x3F);
        let c = (u32::from(b & 0x1F) << 6) | u32::from(next);
        return (char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER), 2);
    }
    let c = text[at..]
        .chars()
        .next()
        .unwrap_or(char::REPLACEMENT_CHARACTER);
    (c, c.len_utf8())
}

/// What a byte of a text is to the tokenizer's fast paths (see
/// [`BYTE_CLASSES`]).
const OTHER: u8 = 0;
const LETTER: u8 = 1;
const SPACE: u8 = 2;
const MARK: u8 = 3;

/// Per byte: [`LETTER`] for the ASCII letters and digits (and `*` in
/// `[1]`, the table of [`tokenize`] with stars), [`SPACE`] for ASCII
/// white space, [`MARK`] for the other ASCII characters but the joiners,
/// [`OTHER`] for the rest: a hyphen, an apostrophe, and every byte of a
/// non-ASCII character, which the tokenizer decodes. One look-up per
/// byte instead of a decode and a chain of comparisons: the tokenizer
/// runs on every segment of every article.
static BYTE_CLASSES: [[u8; 256]; 2] = [byte_classes(false), byte_classes(true)];

const fn byte_classes(stars: bool) -> [u8; 256] {
    let mut table = [OTHER; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_alphanumeric() || (stars && byte == b'*') {
            LETTER
        } else if matches!(byte, b' ' | b'\t'..=b'\r') {
            SPACE
        } else if byte == b'-' || byte == b'\'' {
            OTHER
        } else {
            MARK
        };
        b += 1;
    }
    table
}

/// Whether the two-byte character `0xC3 next` (U+00C0..=U+00FF) is a
/// letter: all of them but `×` and `÷`, as [`crate::text::is_word_char`]
/// has it. The Finnish and Swedish letters `ä`, `ö`, `å` are such
/// characters, about one in every Finnish word.
#[inline]
fn is_latin1_letter(next: u8) -> bool {
    next != 0x97 && next != 0xB7
}

/// [`tokenize`] into `tokens` (cleared first), so that a caller running
/// over many texts reuses one buffer.
pub fn tokenize_into(text: &str, stars: bool, tokens: &mut Vec<Token>) {
    tokens.clear();
    let is_word = |c: char| crate::text::is_word_char(c) || (stars && c == '*');
    let joiner = |c: char| is_hyphen(c) || is_apostrophe(c) || c == SOFT_HYPHEN;
    let class = &BYTE_CLASSES[usize::from(stars)];
    let bytes = text.as_bytes();
    let len = bytes.len();
    // A letter of the ASCII or Latin-1 fast path at byte `at` (below
    // `len`): its length in bytes, 0 for any other character. A 0xC3 lead
    // byte is followed by a continuation byte in valid UTF-8.
    let fast_letter = |at: usize| -> usize {
        let b = bytes[at];
        if class[usize::from(b)] == LETTER {
            1
        } else if b == 0xC3 && bytes.get(at + 1).is_some_and(|&n| is_latin1_letter(n)) {
            2
        } else {
            0
        }
    };
    // One pass over the bytes: ASCII and Latin-1 letters and ASCII white
    // space and punctuation by a table look-up, the other characters
    // decoded, peeking one character ahead (two at a joiner).
    let mut at = 0;
    // The character before `at` is a hyphen.
    let mut after_hyphen = false;
    // Since the end of the last token: its trailing hyphen is still to be
    // passed, some character was, and every one was white space (the last
    // token joins the next one).
    let mut hyphen_ahead = false;
    let mut gap = false;
    let mut spaces = true;
    while at < len {
        let start = at;
        let b = bytes[at];
        match class[usize::from(b)] {
            SPACE | MARK => {
                if hyphen_ahead {
                    hyphen_ahead = false;
                } else {
                    gap = true;
                    spaces = spaces && class[usize::from(b)] == SPACE;
                }
                after_hyphen = false;
                at += 1;
                continue;
            }
            _ => {
                let n = fast_letter(at);
                if n > 0 {
                    at += n;
                } else {
                    let (c, n) = char_at(text, at);
                    at += n;
                    if !is_word(c) {
                        if hyphen_ahead {
                            hyphen_ahead = false;
                        } else {
                            gap = true;
                            spaces = spaces && is_space(c);
                        }
                        after_hyphen = is_hyphen(c);
                        continue;
                    }
                }
            }
        }
        loop {
            // Letters of the fast path, most of every word, without a
            // decode; the other characters decoded.
            while at < len {
                let n = fast_letter(at);
                if n == 0 {
                    break;
                }
                at += n;
            }
            // Most words end at white space or punctuation other than a
            // joiner.
            if at >= len || matches!(class[usize::from(bytes[at])], SPACE | MARK) {
                break;
            }
            let (c, n) = char_at(text, at);
            if is_word(c) {
                at += n;
            } else if joiner(c) && at + n < len && is_word(char_at(text, at + n).0) {
                at += n + char_at(text, at + n).1;
            } else {
                break;
            }
        }
        if let Some(last) = tokens.last_mut() {
            last.joins_next = gap && spaces;
        }
        let trail_hyphen = at < len
            && match bytes[at] {
                b'-' => true,
                b if b.is_ascii() => false,
                _ => is_hyphen(char_at(text, at).0),
            };
        (hyphen_ahead, gap, spaces) = (trail_hyphen, false, true);
        tokens.push(Token {
            start,
            end: at,
            lead_hyphen: after_hyphen,
            trail_hyphen,
            joins_next: false,
        });
    }
}

/// Top-level domains a bare address may end in (`kauniainen.fi`): a list,
/// so that a missing space after a full stop (`kaupunki.Se`) or an
/// abbreviation (`t.ex.`) is never taken for one.
const DOMAINS: [&str; 14] = [
    "fi", "ax", "se", "com", "org", "net", "eu", "info", "nu", "io", "dk", "no", "ee", "de",
];

/// Extensions that make a word a file name (`raportti.pdf`).
const FILE_TYPES: [&str; 20] = [
    "pdf", "doc", "docx", "odt", "rtf", "txt", "csv", "xls", "xlsx", "ods", "ppt", "pptx", "jpg",
    "jpeg", "png", "gif", "zip", "mp3", "mp4", "html",
];

/// Byte ranges of the addresses and codes in `text`, in order: e-mail
/// addresses (`nuoriso@kauniainen.fi`), web addresses (`https://…`,
/// `www.grankulla.fi`, `kauniainen.fi/nuoriso`), file names
/// (`raportti.pdf`) and phone numbers (`09 505 6200`, `+358 50 123 4567`).
/// Punctuation around them (a full stop, brackets, quotes) is left out.
///
/// They are written in a text but are not its words: rules that read
/// prose (the glossary, spelling) skip them; the number rules still read
/// their digits.
pub fn address_spans(text: &str) -> Vec<Range<usize>> {
    let mut spans: Vec<Range<usize>> = Vec::new();
    if !may_hold_address(text.as_bytes()) {
        return spans;
    }
    let mut words = words(text).peekable();
    while let Some((at, word)) = words.next() {
        let lead = word.len() - word.trim_start_matches(is_edge_punctuation).len();
        let core = word[lead..].trim_end_matches(is_edge_punctuation);
        if core.is_empty() {
            continue;
        }
        let start = at + lead;
        // Almost every word is prose: only these characters start a look.
        let marked = core.contains(['@', '/', ':', '.']);
        if marked && is_address(core) {
            spans.push(start..start + core.len());
            continue;
        }
        if !core.starts_with(['+', '0']) {
            continue;
        }
        if let Some(first) = phone_part(core, true) {
            // A phone number runs on over the groups of digits after it.
            let mut digits = first;
            let mut end = start + core.len();
            // A closing bracket may follow the area code (`(09) 505 6200`);
            // other punctuation ends the number.
            let plain = |after: &str| after.is_empty() || after == ")";
            let mut last_plain = plain(&word[lead + core.len()..]);
            while last_plain && digits < 15 {
                let Some(&(next_at, next)) = words.peek() else {
                    break;
                };
                let trimmed = next.trim_end_matches(is_edge_punctuation);
                let Some(n) = phone_part(trimmed, false) else {
                    break;
                };
                if text[end..next_at].contains(['\n', '\r']) {
                    break;
                }
                words.next();
                digits += n;
                end = next_at + trimmed.len();
                last_plain = plain(&next[trimmed.len()..]);
            }
            if digits >= 7 {
                spans.push(start..end);
            }
        }
    }
    spans
}

/// Whether `text` has a character an address needs: `@`, `/`, a dot
/// before a letter (`kauniainen.fi`, but not `klo 18.30` or a sentence's
/// end), `+` or a leading `0` before a digit (`+358`, `09`). Most
/// paragraphs have none, and one byte scan tells.
fn may_hold_address(bytes: &[u8]) -> bool {
    let digit_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    // Vectorised searches for the few bytes that matter, each looked at
    // closer: this runs on every text matched against the glossary.
    memchr::memchr3_iter(b'@', b'/', b'.', bytes)
        .any(|i| bytes[i] != b'.' || bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic))
        || memchr::memchr2_iter(b'+', b'0', bytes).any(|i| {
            digit_at(i + 1) && (bytes[i] == b'+' || i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
        })
}

/// Whether a token lies (even partly) inside one of `spans`, as
/// [`address_spans`] gives them.
pub fn is_address_span(spans: &[Range<usize>], token: &Token) -> bool {
    let after = spans.partition_point(|s| s.end <= token.start);
    spans.get(after).is_some_and(|s| s.start < token.end)
}

/// The word tokens of `text` that are prose: [`tokenize`] without those
/// inside [`address_spans`]. A token before a left-out address joins
/// nothing, so a multi-word term never spans an address.
pub fn prose_tokens(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 6 + 1);
    prose_tokens_into(text, &mut tokens);
    tokens
}

/// [`prose_tokens`] into `tokens` (cleared first).
pub fn prose_tokens_into(text: &str, tokens: &mut Vec<Token>) {
    tokenize_into(text, false, tokens);
    let spans = address_spans(text);
    if spans.is_empty() {
        return;
    }
    let mut kept: usize = 0;
    for k in 0..tokens.len() {
        let token = tokens[k];
        if is_address_span(&spans, &token) {
            if let Some(last) = kept.checked_sub(1) {
                tokens[last].joins_next = false;
            }
        } else {
            tokens[kept] = token;
            kept += 1;
        }
    }
    tokens.truncate(kept);
}

fn is_edge_punctuation(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '<'
            | '>'
            | '"'
            | '\''
            | '”'
            | '“'
            | '’'
            | '«'
            | '»'
            | '…'
    )
}

/// An e-mail address, a web address or a file name, as one word.
fn is_address(word: &str) -> bool {
    let opens = |p: &str| {
        word.get(..p.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(p))
    };
    if ["http://", "https://", "ftp://", "mailto:", "www."]
        .into_iter()
        .any(opens)
    {
        return word.len() > 6;
    }
    if let Some((user, host)) = word.split_once('@') {
        return !user.is_empty() && host_name(host.split('/').next().unwrap_or("")).is_some();
    }
    let host = word.split('/').next().unwrap_or("");
    if host_name(host).is_some_and(|tld| DOMAINS.contains(&tld.as_str())) {
        return true;
    }
    // A file name: a name, a dot and a known extension, nothing after.
    word.rsplit_once('.').is_some_and(|(name, ext)| {
        !name.is_empty()
            && !name.ends_with('.')
            && FILE_TYPES.contains(&ext.to_ascii_lowercase().as_str())
    })
}

/// The top-level domain of a host name (`www.kauniainen.fi` → `fi`): two
/// or more dot-separated labels of letters, digits and hyphens, the last
/// of two to six lower-case letters (`kaupunki.Se` is a missing space).
fn host_name(host: &str) -> Option<String> {
    let labels: Vec<&str> = host.split('.').collect();
    if labels.len() < 2 || labels[0].chars().count() < 2 {
        return None;
    }
    let label = |l: &&str| {
        !l.is_empty()
            && l.chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
    };
    let tld = labels[labels.len() - 1];
    (labels.iter().all(label)
        && (2..=6).contains(&tld.len())
        && tld.chars().all(|c| c.is_ascii_lowercase()))
    .then(|| tld.to_string())
}

/// The digits of one group of a phone number, or `None`: the first group
/// starts with `+` or `0` and a digit (`+358`, `09`, `(09)`, `050-123`),
/// the groups after it are digits, maybe joined by hyphens.
fn phone_part(word: &str, first: bool) -> Option<usize> {
    let body = if first {
        let body = word.strip_prefix('+').unwrap_or(word);
        let body = body.strip_prefix('(').unwrap_or(body);
        let opens = body.len() < word.len() || body.starts_with('0');
        if !opens || !body.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        body.replacen(')', "", 1)
    } else {
        word.to_string()
    };
    let groups: Vec<&str> = body.split('-').collect();
    groups
        .iter()
        .all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()))
        .then(|| groups.iter().map(|g| g.len()).sum())
}

/// Case-folds a word for matching; typographic apostrophes become `'`.
pub fn fold(word: &str) -> String {
    // Most words are ASCII: one copy, lower-cased in place.
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            '\0'..='\u{7f}' => out.push(c),
            SOFT_HYPHEN => {}
            '’' => out.push('\''),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Words (runs of non-space characters, as [`is_space`] defines space)
/// with their byte offsets.
pub fn words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = s.as_bytes();
    let mut pos = 0;
    // Bytes for ASCII, characters only where the text has others: this
    // runs over every line of every article.
    let space_at = move |i: usize| -> (bool, usize) {
        match bytes[i] {
            b' ' | b'\t'..=b'\r' => (true, 1),
            b if b.is_ascii() => (false, 1),
            _ => {
                let c = s[i..].chars().next().unwrap_or(' ');
                (is_space(c), c.len_utf8())
            }
        }
    };
    std::iter::from_fn(move || {
        while pos < bytes.len() {
            let (space, len) = space_at(pos);
            if !space {
                break;
            }
            pos += len;
        }
        if pos >= bytes.len() {
            return None;
        }
        let start = pos;
        while pos < bytes.len() {
            let (space, len) = space_at(pos);
            if space {
                break;
            }
            pos += len;
        }
        Some((start, &s[start..pos]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokens of `text` as written.
    fn spelled(text: &str, stars: bool) -> Vec<&str> {
        tokenize(text, stars)
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect()
    }

    #[test]
    fn tokens_keep_internal_hyphens_and_mark_elided_compounds() {
        let text = "sosiaali- ja vapaa-aika -osio, vaa'an";
        let tokens = tokenize(text, false);
        let words: Vec<&str> = tokens.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(
            words,
            vec!["sosiaali", "ja", "vapaa-aika", "osio", "vaa'an"]
        );
        assert!(tokens[0].trail_hyphen && tokens[0].joins_next);
        assert!(tokens[1].joins_next);
        assert!(!tokens[2].joins_next, "a leading hyphen is not white space");
        assert!(tokens[3].lead_hyphen && !tokens[3].joins_next);
    }

    #[test]
    fn elided_compounds_keep_their_parts_and_join_across_the_conjunction() {
        let text = "kulttuuri- ja vapaa-aikavaliokunta";
        let tokens = tokenize(text, false);
        assert_eq!(
            spelled(text, false),
            ["kulttuuri", "ja", "vapaa-aikavaliokunta"]
        );
        assert!(tokens[0].trail_hyphen && !tokens[0].lead_hyphen);
        assert!(tokens[0].joins_next && tokens[1].joins_next);
        assert!(!tokens[2].lead_hyphen && !tokens[2].trail_hyphen);
        assert!(!tokens[2].joins_next, "the last token joins nothing");
        // Other hyphen characters do the same; a dash does not.
        assert_eq!(
            spelled("sosiaali\u{2011} ja terveys\u{2010}ala", false),
            ["sosiaali", "ja", "terveys\u{2010}ala"]
        );
        assert_eq!(spelled("7–22 kotia", false), ["7", "22", "kotia"]);
        let text = "sekä -suunnitelman";
        assert!(tokenize(text, false)[1].lead_hyphen);
    }

    #[test]
    fn apostrophes_join_a_word_only_between_letters() {
        assert_eq!(
            spelled("vaa'an ja vaa’an 'lainaus' rock’n’roll", false),
            ["vaa'an", "ja", "vaa’an", "lainaus", "rock’n’roll"]
        );
        assert_eq!(fold("Vaa’an"), "vaa'an");
    }

    #[test]
    fn soft_hyphens_join_a_word_and_vanish_when_folded() {
        let text = "hyvinvointi\u{AD}koordinaattori \u{AD}x";
        assert_eq!(
            spelled(text, false),
            ["hyvinvointi\u{AD}koordinaattori", "x"]
        );
        assert_eq!(
            fold(&text[..text.find(' ').unwrap()]),
            "hyvinvointikoordinaattori"
        );
    }

    #[test]
    fn nbsp_and_other_spaces_separate_and_join_tokens() {
        let text = "ennaltaehkäisevä\u{a0}hyvinvointityö\u{202f}on, ja";
        let tokens = tokenize(text, false);
        assert_eq!(
            spelled(text, false),
            ["ennaltaehkäisevä", "hyvinvointityö", "on", "ja"]
        );
        assert!(tokens[0].joins_next && tokens[1].joins_next);
        assert!(!tokens[2].joins_next, "a comma is not white space");
    }

    #[test]
    fn digits_are_word_characters() {
        assert_eq!(
            spelled("Covid-19 vuonna 2023 15\u{a0}000 € H2O 3D", false),
            ["Covid-19", "vuonna", "2023", "15", "000", "H2O", "3D"]
        );
        assert_eq!(
            spelled("1.10.2023 klo 18.30", false),
            ["1", "10", "2023", "klo", "18", "30"]
        );
    }

    #[test]
    fn stars_are_letters_only_when_asked() {
        assert_eq!(
            spelled("sote*alue* *vårdsregion", true),
            ["sote*alue*", "*vårdsregion"]
        );
        assert_eq!(
            spelled("sote*alue* *vårdsregion", false),
            ["sote", "alue", "vårdsregion"]
        );
        assert_eq!(
            spelled("social- och hälso*region*", true),
            ["social", "och", "hälso*region*"]
        );
    }

    #[test]
    fn spans_are_on_character_boundaries_whatever_the_text() {
        for text in [
            "",
            " ",
            "-",
            "--a--",
            "a-",
            "-a",
            "'",
            "a'",
            "\u{AD}",
            "ä-\u{AD}ö",
            "𝟙𝟚-x",
            "a\u{a0}-\u{a0}b",
        ] {
            for stars in [false, true] {
                for t in tokenize(text, stars) {
                    assert!(
                        t.start < t.end
                            && text.is_char_boundary(t.start)
                            && text.is_char_boundary(t.end),
                        "{text:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn words_split_on_any_space_and_keep_punctuation() {
        let text = " Kunnan\u{a0}hyvinvointi-\tja (kulttuuri)palvelut,\u{200B}2023. ";
        let found: Vec<(usize, &str)> = words(text).collect();
        assert_eq!(
            found,
            [
                (1, "Kunnan"),
                (9, "hyvinvointi-"),
                (22, "ja"),
                (25, "(kulttuuri)palvelut,"),
                (48, "2023."),
            ]
        );
        for (at, word) in found {
            assert_eq!(&text[at..at + word.len()], word);
        }
        assert_eq!(words("").count(), 0);
        assert_eq!(words(" \u{a0}\n").count(), 0);
    }

    /// The tokenizer `tokenize_into` replaced (a peeking iterator over
    /// the characters, then a pass for `joins_next`): the reference for
    /// what the tokens of a text are.
    fn tokenize_by_chars(text: &str, stars: bool) -> Vec<Token> {
        let is_word = |c: char| crate::text::is_word_char(c) || (stars && c == '*');
        let joiner = |c: char| is_hyphen(c) || is_apostrophe(c) || c == SOFT_HYPHEN;
        let mut tokens: Vec<Token> = Vec::new();
        let mut chars = text.char_indices().peekable();
        let mut prev: Option<char> = None;
        while let Some((first, c)) = chars.next() {
            if !is_word(c) {
                prev = Some(c);
                continue;
            }
            let mut end = first + c.len_utf8();
            while let Some(&(at, n)) = chars.peek() {
                if is_word(n) {
                    chars.next();
                    end = at + n.len_utf8();
                } else if joiner(n)
                    && text[at + n.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(is_word)
                {
                    chars.next();
                    let (k, m) = chars.next().expect("peeked above");
                    end = k + m.len_utf8();
                } else {
                    break;
                }
            }
            tokens.push(Token {
                start: first,
                end,
                lead_hyphen: prev.is_some_and(is_hyphen),
                trail_hyphen: chars.peek().is_some_and(|&(_, n)| is_hyphen(n)),
                joins_next: false,
            });
        }
        for k in 1..tokens.len() {
            let prev = tokens[k - 1];
            let from = if prev.trail_hyphen {
                prev.end + text[prev.end..].chars().next().map_or(0, char::len_utf8)
            } else {
                prev.end
            };
            let gap = &text[from.min(tokens[k].start)..tokens[k].start];
            tokens[k - 1].joins_next = !gap.is_empty() && gap.chars().all(is_space);
        }
        tokens
    }

    /// The `fold` the ASCII fast path replaced.
    fn fold_by_chars(word: &str) -> String {
        word.chars()
            .filter(|&c| c != SOFT_HYPHEN)
            .flat_map(char::to_lowercase)
            .map(|c| if c == '’' { '\'' } else { c })
            .collect()
    }

    /// The `prose_tokens` that filtered into a second vector.
    fn prose_tokens_by_copy(text: &str) -> Vec<Token> {
        let tokens = tokenize_by_chars(text, false);
        let spans = address_spans(text);
        let mut kept: Vec<Token> = Vec::new();
        for token in tokens {
            if is_address_span(&spans, &token) {
                if let Some(last) = kept.last_mut() {
                    last.joins_next = false;
                }
            } else {
                kept.push(token);
            }
        }
        kept
    }

    proptest::proptest! {
        #[test]
        fn tokens_are_what_the_character_tokenizer_found(
            text in "[aZ9fiäÖİ*' \t\n.,@/+0\u{a0}\u{202f}\u{200b}\u{ad}\u{2010}\u{2011}\u{2013}’𝟙-]{0,40}",
            stars: bool,
        ) {
            proptest::prop_assert_eq!(tokenize(&text, stars), tokenize_by_chars(&text, stars));
            let mut reused = vec![Token { start: 9, end: 9, lead_hyphen: true, trail_hyphen: true, joins_next: true }];
            tokenize_into(&text, stars, &mut reused);
            proptest::prop_assert_eq!(&reused, &tokenize_by_chars(&text, stars));
            proptest::prop_assert_eq!(prose_tokens(&text), prose_tokens_by_copy(&text));
        }

        #[test]
        fn fold_is_what_the_character_fold_gave(
            word in "[aZzÅÄÖåäöÉİẞΣ'’\u{ad}*1-]{0,12}",
        ) {
            proptest::prop_assert_eq!(fold(&word), fold_by_chars(&word));
        }
    }

    proptest::proptest! {
        /// The byte-table fast paths against the character tokenizer on
        /// every class of byte they tell apart: ASCII letters, digits,
        /// white space (CRLF included) and punctuation, the joiners, `*`,
        /// the Latin-1 letters and the two Latin-1 characters that are
        /// not (`×`, `÷`), other two-byte characters (NBSP, the soft
        /// hyphen, `«`, `²`, `ª`), and longer ones (a BOM, dashes,
        /// typographic apostrophes, a four-byte digit).
        #[test]
        fn fast_path_tokens_are_what_the_character_tokenizer_found(
            text in "[aZ9_ÀÖØöøÿäåÉ×÷*'’ \t\r\n.,;:!?()\"@/+#0\u{a0}\u{ad}«»²ªµ\u{feff}\u{200b}\u{2010}\u{2011}\u{2013}\u{2014}–İΣж𝟙-]{0,48}",
            stars: bool,
        ) {
            proptest::prop_assert_eq!(tokenize(&text, stars), tokenize_by_chars(&text, stars));
        }
    }

    #[test]
    fn each_fast_path_gives_the_character_tokenizers_tokens() {
        for text in [
            "",
            "\u{feff}Kauniainen\r\nGrankulla\r\n\r\n",
            "ääöö åå ÀÖØöøÿ 3×4 a÷b ×x x× ÷",
            "sana\u{a0}sana\u{202f}sana \u{2009}sana",
            "vaa'an vaa’an 'a' a' 'a a-'b a'-b a--b -a- a-\u{ad}b",
            "sosiaali- ja terveys\u{2010}ala, sekä -suunnitelman; (kunta)",
            "sote*alue* *vårdsregion * a*b*",
            "x²+y² ªº µm ½ 𝟙𝟚 Ωmega жук İstanbul",
            "a\u{ad}b \u{ad} a\u{ad} \u{ad}a",
            "  \t\n",
            "ä",
            "a",
            "-",
        ] {
            for stars in [false, true] {
                assert_eq!(
                    tokenize(text, stars),
                    tokenize_by_chars(text, stars),
                    "{text:?} {stars}"
                );
            }
        }
    }

    /// The byte-by-byte `may_hold_address` the searches replaced.
    fn may_hold_address_by_bytes(bytes: &[u8]) -> bool {
        let digit_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
        bytes.iter().enumerate().any(|(i, &b)| match b {
            b'@' | b'/' => true,
            b'.' => bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic),
            b'+' => digit_at(i + 1),
            b'0' => digit_at(i + 1) && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric()),
            _ => false,
        })
    }

    proptest::proptest! {
        #[test]
        fn the_address_look_is_what_the_byte_scan_found(text in "[aZ0159.+@/ ä-]{0,24}") {
            proptest::prop_assert_eq!(
                may_hold_address(text.as_bytes()),
                may_hold_address_by_bytes(text.as_bytes())
            );
        }
    }

    #[test]
    fn tokens_of_prose_with_addresses_are_what_the_character_tokenizer_found() {
        for text in [
            "Kauniaisten nuoriso@kauniainen.fi kunnan sosiaali- ja terveys\u{2010}ala",
            "Soita 09 505 6200 tai +358 50 123 4567, (09) 505-62. vaa’an -osio",
            "Se https://www.grankulla.fi/sv/ och grankulla.fi. hyvinvointi\u{AD}koordinaattori",
        ] {
            assert_eq!(prose_tokens(text), prose_tokens_by_copy(text), "{text:?}");
            assert_eq!(
                tokenize(text, false),
                tokenize_by_chars(text, false),
                "{text:?}"
            );
        }
    }

    /// The addresses of `text` as written.
    fn addresses(text: &str) -> Vec<&str> {
        address_spans(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn addresses_are_found_without_their_punctuation() {
        assert_eq!(
            addresses("Lisätietoja: nuoriso@kauniainen.fi, (www.kauniainen.fi/nuoriso)."),
            ["nuoriso@kauniainen.fi", "www.kauniainen.fi/nuoriso"]
        );
        assert_eq!(
            addresses("Se https://www.grankulla.fi/sv/ och grankulla.fi."),
            ["https://www.grankulla.fi/sv/", "grankulla.fi"]
        );
        assert_eq!(
            addresses("Liite ”raportti.pdf” ja Talousarvio_2024.XLSX"),
            ["raportti.pdf", "Talousarvio_2024.XLSX"]
        );
        assert_eq!(
            addresses("Soita 09 505 6200 tai +358 50 123 4567, (09) 505-62."),
            ["09 505 6200", "+358 50 123 4567", "09) 505-62"]
        );
    }

    #[test]
    fn prose_is_not_an_address() {
        for text in [
            "Kaupunki.Se alkaa klo 18.30 ja päättyy 1.10.2023.",
            "t.ex. o.s.v. bl.a. esim. ns.",
            "Vuosina 2023 2024 ja 0 euroa, 0,5 %, 15 000 €.",
            "@tolk ja sähkö@ ja 050 12",
            "Kauniainen.",
        ] {
            assert!(
                addresses(text).is_empty(),
                "{text:?}: {:?}",
                addresses(text)
            );
        }
    }

    #[test]
    fn prose_tokens_leave_out_addresses_and_join_nothing_across_them() {
        let text = "kunnan nuoriso@kauniainen.fi kunta";
        let tokens = prose_tokens(text);
        let words: Vec<&str> = tokens.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(words, ["kunnan", "kunta"]);
        assert!(!tokens[0].joins_next);
        assert!(is_address_span(
            &address_spans(text),
            &tokenize(text, false)[2]
        ));
        assert_eq!(
            prose_tokens("ei osoitteita"),
            tokenize("ei osoitteita", false)
        );
    }
}
