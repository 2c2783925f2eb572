//! Splits an article's text into numbered segments, credits and skipped
//! boilerplate (DESIGN §2), tells each segment's role and the article's
//! kind (§2.1), and maps every word back to its bytes in the input.
//! Pure: no I/O, never fails, never panics. Linear in the input: each rule
//! looks at one paragraph and its neighbours, never at all the others.

use std::ops::Range;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::lang::{self, LangData};
use crate::text::{is_space, is_word_char, normalize_ws, word_count};

/// The id class of a segment: `kicker`, `title`, `pN`, `qN` or `aN`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Kicker,
    Title,
    Paragraph,
    Question,
    Answer,
}

/// What a segment is on the page (DESIGN §2.1). Every element that is not
/// a kicker, title, question or answer is numbered as a paragraph (`pN`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Element {
    Kicker,
    Title,
    Paragraph,
    Subheading,
    List,
    Quote,
    Caption,
    Byline,
    Pullquote,
    Question,
    Answer,
}

impl Element {
    pub fn as_str(self) -> &'static str {
        match self {
            Element::Kicker => "kicker",
            Element::Title => "title",
            Element::Paragraph => "paragraph",
            Element::Subheading => "subheading",
            Element::List => "list",
            Element::Quote => "quote",
            Element::Caption => "caption",
            Element::Byline => "byline",
            Element::Pullquote => "pullquote",
            Element::Question => "question",
            Element::Answer => "answer",
        }
    }

    /// The id class the element is numbered in.
    pub fn kind(self) -> Kind {
        match self {
            Element::Kicker => Kind::Kicker,
            Element::Title => Kind::Title,
            Element::Question => Kind::Question,
            Element::Answer => Kind::Answer,
            _ => Kind::Paragraph,
        }
    }
}

/// What kind of article a text is, from its elements.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ArticleKind {
    Interview,
    News,
    Column,
    Calendar,
    Gallup,
    /// Nothing more specific.
    #[default]
    Article,
}

impl ArticleKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ArticleKind::Interview => "interview",
            ArticleKind::News => "news",
            ArticleKind::Column => "column",
            ArticleKind::Calendar => "calendar",
            ArticleKind::Gallup => "gallup",
            ArticleKind::Article => "article",
        }
    }
}

/// One numbered unit of translation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    /// 1-based position in reading order.
    pub n: usize,
    /// The stable handle: `kicker`, `title`, `p1`, `q1`, `a1`, …
    pub id: String,
    pub kind: Kind,
    /// What the segment is on the page: a `p` may be a list or a caption.
    pub role: Element,
    /// 1-based line of the segment's first line in the file.
    pub line: usize,
    /// 1-based line of the segment's last non-blank line.
    pub end_line: usize,
    pub words: usize,
    /// Whitespace-normalised text; the paragraphs of a multi-paragraph
    /// segment are separated by a blank line (`\n\n`), one per `parts`.
    pub text: String,
    /// First and last line of each paragraph, for splitting an answer.
    #[serde(skip)]
    pub parts: Vec<(usize, usize)>,
    /// Where `text` is in the input given to [`segment`] (a BOM included),
    /// as runs of words that read the same byte for byte in both: each
    /// run's start in `text` and in the input. A run ends where the input
    /// has anything but one plain space between two words (a line break,
    /// two spaces, a no-break space), so every line and paragraph starts
    /// one, and a paragraph typed on one line with single spaces is one
    /// run: a few bytes per line rather than per word.
    #[serde(skip)]
    pub offsets: Vec<(usize, usize)>,
}

impl Segment {
    /// The byte offset in the input of byte `at` of `text` (a char
    /// boundary): inside a word, the word's start plus the distance; on a
    /// space, just after the word before it.
    pub fn source_offset(&self, at: usize) -> usize {
        let i = self.offsets.partition_point(|&(t, _)| t <= at);
        let Some(&(t, src)) = i.checked_sub(1).and_then(|i| self.offsets.get(i)) else {
            return self.offsets.first().map_or(0, |w| w.1);
        };
        src + (at - t).min(self.run_end(i - 1) - t)
    }

    /// Where run `k` of `offsets` ends in `text`.
    fn run_end(&self, k: usize) -> usize {
        run_end(&self.text, &self.offsets, k)
    }

    /// Removes what lies at or after byte `at` of `text` from `offsets`
    /// and returns it relative to `at`, for code that splits a segment.
    pub fn split_off_offsets(&mut self, at: usize) -> Vec<(usize, usize)> {
        let i = self.offsets.partition_point(|&(t, _)| t < at);
        // A run that goes on past `at` is cut in two.
        let cut = i.checked_sub(1).and_then(|k| {
            let (t, src) = self.offsets[k];
            (self.run_end(k) > at).then_some((at, src + (at - t)))
        });
        let mut tail = self.offsets.split_off(i);
        if let Some(run) = cut {
            tail.insert(0, run);
        }
        for w in &mut tail {
            w.0 -= at;
        }
        tail
    }
}

/// Who made the article, from a credit line such as `TEKSTI JA KUVA: …`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Role {
    #[serde(rename = "writer")]
    Writer,
    #[serde(rename = "photographer")]
    Photographer,
    #[serde(rename = "writer+photographer")]
    WriterPhotographer,
    #[serde(rename = "translator")]
    Translator,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Writer => "writer",
            Role::Photographer => "photographer",
            Role::WriterPhotographer => "writer+photographer",
            Role::Translator => "translator",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Credit {
    pub role: Role,
    /// The name as written in the file (`PATRICIA HEIKKILÄ`).
    pub name: String,
    /// The name in title case when written in capitals (`Patricia Heikkilä`).
    pub display: String,
    pub line: usize,
}

/// A paragraph that is not part of the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    pub line: usize,
    pub text: String,
    pub reason: &'static str,
}

/// Everything the segmenter found in one text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Segmented {
    /// The article's kind, detected from its elements.
    pub kind: ArticleKind,
    pub segments: Vec<Segment>,
    pub credits: Vec<Credit>,
    pub skipped: Vec<Skipped>,
}

impl Segmented {
    pub fn get(&self, id: &str) -> Option<&Segment> {
        self.segments.iter().find(|s| s.id == id)
    }

    /// The translator named by `KÄÄNNÖS:`/`ÖVERSÄTTNING:` lines.
    pub fn translators(&self) -> impl Iterator<Item = &Credit> {
        self.credits.iter().filter(|c| c.role == Role::Translator)
    }
}

/// A credit names people, not sentences: longer "names" are captions.
const MAX_CREDIT_NAME_WORDS: usize = 8;

/// Words that join names in a credit (`Maija ja Pekka`, `A & B`).
const NAME_JOINERS: &[&str] = &["ja", "och", "and", "&", "/", "-", "–"];

/// Lower-case name particles (`Patricia von Heikkilä`).
const NAME_PARTICLES: &[&str] = &[
    "von", "af", "van", "der", "de", "da", "di", "du", "la", "le",
];

/// Bullets that start a list item whatever came before. Dashes start an
/// item only inside a list or after an intro: elsewhere they open quotes
/// and answers.
const BULLETS: &[char] = &['•', '*', '·', '▪', '◦', '‣', '●', '■'];
const DASHES: &[char] = &['-', '–', '—', '‒', '―'];

/// Quotation marks that open and close quotes in Finnish and Swedish
/// (`”…”`, `»…»`) and in text typed on other keyboards.
const QUOTES: &[char] = &['”', '“', '„', '"', '»', '«'];

/// A subheading is a few words, a title for what follows.
const MAX_SUBHEADING_WORDS: usize = 8;

fn data() -> impl Iterator<Item = &'static LangData> {
    lang::ALL.into_iter()
}

/// An answer starts with an en or em dash (a space after it is usual but
/// not required), or a hyphen followed by a space.
pub fn starts_with_answer_dash(text: &str) -> bool {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if crate::text::is_dash(c) => true,
        Some('-') => chars.next().is_some_and(is_space),
        _ => false,
    }
}

fn credit_role(key: &str) -> Option<Role> {
    let known = |key: &str| {
        data()
            .flat_map(|d| d.credit_keys)
            .find(|(k, _)| *k == key)
            .map(|(_, role)| *role)
    };
    if let Some(role) = known(key) {
        return Some(role);
    }
    // Words and pictures in any order and joined any way: `BILD OCH
    // TEXT`, `TEXT & FOTO`, `TEKSTI/KUVAT`.
    let (mut words, mut pictures) = (false, false);
    for part in key
        .split(|c: char| is_space(c) || matches!(c, '&' | '/' | '+' | ','))
        .filter(|p| !p.is_empty() && !NAME_JOINERS.contains(p))
    {
        match known(part)? {
            Role::Writer => words = true,
            Role::Photographer => pictures = true,
            Role::WriterPhotographer => (words, pictures) = (true, true),
            Role::Translator => return None,
        }
    }
    match (words, pictures) {
        (true, true) => Some(Role::WriterPhotographer),
        _ => None,
    }
}

/// The role of a `KEY:` at the start of `text`, and what follows the colon.
fn credit_key(text: &str) -> Option<(Role, &str)> {
    // The longest keys, joined ones such as `TEKSTI JA KUVAAJA`, are
    // under 20 letters: anything longer before the colon is a sentence,
    // not a credit. So the colon is looked for among the first bytes only
    // (every line of every paragraph is asked), room left for letters of
    // two bytes.
    let head = &text.as_bytes()[..text.len().min(28)];
    let colon = memchr::memchr(b':', head)?;
    let (key, value) = (&text[..colon], &text[colon + 1..]);
    Some((credit_role(&normalize_ws(key).to_lowercase())?, value))
}

/// A capitalised or upper-case word of a name (`Anna-Liisa`, `HEIKKILÄ`,
/// `P.`): no digits, no sentence punctuation but an initial's period.
fn is_name_word(word: &str) -> bool {
    let mut chars = word.chars();
    (chars.next().is_some_and(char::is_uppercase)
        && chars.all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        && !(word.ends_with('.') && word.chars().filter(|c| c.is_alphabetic()).count() > 1))
        || is_initials(word)
}

/// Initials with their full stops (`P.H.`, `A.-L.`): capitals, each
/// followed by a full stop, a hyphen between two allowed.
fn is_initials(word: &str) -> bool {
    let mut chars = word.chars().peekable();
    let mut letters = 0;
    while let Some(c) = chars.next() {
        if !c.is_uppercase() || chars.next() != Some('.') {
            return false;
        }
        letters += 1;
        if chars.peek() == Some(&'-') {
            chars.next();
            if chars.peek().is_none() {
                return false;
            }
        }
    }
    letters > 0
}

/// Lower-case initials standing for the whole credit (`ÖVERSÄTTNING: ph`,
/// `p.h.`), as journalists sign: up to three letters, full stops allowed.
fn is_lower_initials(value: &str) -> bool {
    let letters = value.chars().filter(|c| c.is_alphabetic()).count();
    (1..=3).contains(&letters)
        && value.chars().all(|c| c.is_lowercase() || c == '.')
        && !value.starts_with('.')
}

/// The names a credit's value gives, if it names people ([`is_name_list`]):
/// the value less a closing remark in brackets (`PH (text och foto)`) and a
/// final full stop (`Patricia Heikkilä.`), or lower-case initials that are
/// all of it ([`is_lower_initials`]).
fn credit_names(value: &str) -> Option<&str> {
    let mut name = value.trim();
    if name.ends_with(')')
        && let Some(open) = name.rfind('(')
        && open > 0
    {
        name = name[..open].trim_end();
    }
    if is_lower_initials(name) {
        return Some(name);
    }
    // One full stop closing the line, not an initial's (`A. Virtanen.`
    // loses it, `P.H.` keeps it).
    if let Some(rest) = name.strip_suffix('.')
        && !is_initials(name.rsplit(is_space).next().unwrap_or(name))
    {
        name = rest;
    }
    if is_name_list(name) {
        return Some(name);
    }
    // Names, then whom they work for (`Sanna Lehto / Helsingfors stad`):
    // a capitalised name of a few words after the slash.
    let (names, employer) = name.split_once('/')?;
    let employer = employer.trim_matches(is_space);
    let words = employer.split(is_space).filter(|w| !w.is_empty()).count();
    (is_name_list(names)
        && (1..=MAX_EMPLOYER_WORDS).contains(&words)
        && employer.starts_with(char::is_uppercase)
        && employer
            .chars()
            .all(|c| c.is_alphabetic() || is_space(c) || matches!(c, '-' | '.')))
    .then_some(name)
}

/// A name typed in lower case (`patricia heikkilä`, `anna ja erik lind`):
/// two to four words of letters, joined as names are.
fn is_lower_name(value: &str) -> bool {
    let mut names = 0;
    for word in value.split(is_space).filter(|w| !w.is_empty()) {
        if NAME_JOINERS.contains(&word) && names > 0 {
            continue;
        }
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        if letters < 2 || !word.chars().all(|c| c.is_lowercase() || c == '-') {
            return false;
        }
        names += 1;
    }
    (2..=MAX_LOWER_NAME_WORDS).contains(&names)
}

/// Words of a lower-case translator's name ([`is_lower_name`]).
const MAX_LOWER_NAME_WORDS: usize = 4;

/// Words of the employer a photographer's credit may name after a slash.
const MAX_EMPLOYER_WORDS: usize = 4;

/// Whether a credit's value names people: capitalised or upper-case words,
/// joined by `,`, `ja`, `och`, `&`, `/` (`Pekka Pekkanen / Lehtikuva`),
/// with no sentence after them.
fn is_name_list(value: &str) -> bool {
    let mut names = 0;
    let mut particle = false;
    for token in value
        .split(|c: char| is_space(c) || matches!(c, ',' | '/' | '&'))
        .filter(|t| !t.is_empty())
    {
        if is_name_word(token) {
            names += 1;
            particle = false;
        } else if NAME_PARTICLES.contains(&token) && names > 0 {
            particle = true;
        } else if !NAME_JOINERS.contains(&token) || particle {
            return false;
        }
    }
    names > 0 && names <= MAX_CREDIT_NAME_WORDS && !particle
}

/// The credits of a credit line: one, or several typed on one line
/// (`TEXT: Mikko Virtanen, FOTO: Sanna Lehto`). None when any part of the
/// line is not a credit.
fn parse_credit(text: &str, line: usize) -> Option<Vec<Credit>> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let (role, value) = credit_key(rest)?;
        // Where the next credit of the line starts: after a comma, a
        // semicolon or a bar, a key and its colon.
        let next = value
            .match_indices([',', ';', '|'])
            .map(|(at, sep)| at + sep.len())
            .find(|&at| credit_key(value[at..].trim_start_matches(is_space)).is_some());
        let (this, after) = match next {
            Some(at) => (&value[..at - 1], value[at..].trim_start_matches(is_space)),
            None => (value, ""),
        };
        let this = normalize_ws(this);
        let name = match credit_names(&this) {
            Some(name) => name.to_string(),
            // A translator's name typed in lower case: a translation has
            // no caption to tell it from.
            None if role == Role::Translator && is_lower_name(&this) => this.clone(),
            None => return None,
        };
        out.push(Credit {
            role,
            display: crate::text::display_name(&name),
            name,
            line,
        });
        rest = after;
    }
    (!out.is_empty()).then_some(out)
}

/// Whether `text` starts with `prefix` (lower case), ignoring letter case,
/// without allocating: this runs on every paragraph.
fn starts_with_ci(text: &str, prefix: &str) -> bool {
    // An ASCII first byte lower-cases to one ASCII byte: most texts are
    // told apart from the prefix here, without lower-casing characters.
    if let (Some(t), Some(p)) = (text.as_bytes().first(), prefix.as_bytes().first())
        && t.is_ascii()
        && t.to_ascii_lowercase() != *p
    {
        return false;
    }
    // Nor can a text that opens with a character outside ASCII (a dash, a
    // quote, `Ä`) start an ASCII prefix: only `İ` (U+0130) and the Kelvin
    // sign (U+212A) lower-case to an ASCII letter. Answers and quotes are
    // many, and each is asked about every prefix.
    if let (Some(t), Some(p)) = (text.as_bytes().first(), prefix.as_bytes().first())
        && !t.is_ascii()
        && p.is_ascii()
        && !matches!(text.chars().next(), Some('\u{130}' | '\u{212A}'))
    {
        return false;
    }
    // ASCII text under an ASCII prefix (most are): compared byte by byte.
    if prefix.is_ascii()
        && let Some(head) = text.as_bytes().get(..prefix.len())
        && head.is_ascii()
    {
        return head
            .iter()
            .zip(prefix.bytes())
            .all(|(t, p)| t.to_ascii_lowercase() == p);
    }
    let mut lower = text.chars().flat_map(char::to_lowercase);
    prefix.chars().all(|p| lower.next() == Some(p))
}

/// `starts_with_ci` ending at a word boundary (`kuvassa` but not `kuvassaan`).
fn starts_with_word_ci(text: &str, prefix: &str) -> bool {
    starts_with_ci(text, prefix)
        && text
            .chars()
            .nth(prefix.chars().count())
            .is_none_or(|c| !is_word_char(c))
}

fn is_boilerplate(text: &str) -> bool {
    let text = text.trim_end_matches(['.', '!']);
    data()
        .flat_map(|d| d.boilerplate)
        .chain(lang::WEB_BOILERPLATE)
        .any(|(prefix, whole)| {
            starts_with_ci(text, prefix)
                && (!whole || text.chars().count() == prefix.chars().count())
        })
}

/// The lines of `input` with their byte offsets; LF, CRLF and a lone CR
/// (old Mac exports still use it) each end a line.
fn raw_lines(input: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = input.as_bytes();
    let mut next = Some(0);
    std::iter::from_fn(move || {
        let from = next?;
        let end = memchr::memchr2(b'\n', b'\r', &bytes[from..]).map_or(bytes.len(), |p| from + p);
        next = match bytes.get(end) {
            None => None,
            Some(b'\r') if bytes.get(end + 1) == Some(&b'\n') => Some(end + 2),
            Some(_) => Some(end + 1),
        };
        Some((from, &input[from..end]))
    })
}

/// A run of non-blank lines.
#[derive(Default)]
#[cfg_attr(test, derive(Debug, PartialEq))]
struct Paragraph {
    line: usize,
    end_line: usize,
    /// Each line: its number and its byte range in `text`.
    lines: Vec<(usize, Range<usize>)>,
    /// The lines' words joined by single spaces.
    text: String,
    /// Runs of words that read the same in `text` and in the input (see
    /// [`Segment::offsets`]): each one's start in both.
    runs: Vec<(usize, usize)>,
    /// Words as [`crate::text::word_count`] counts them, counted while the
    /// text is built (this runs on every paragraph of every article).
    counted: usize,
}

impl Paragraph {
    fn lines(&self) -> impl DoubleEndedIterator<Item = (usize, &str)> + ExactSizeIterator {
        self.lines.iter().map(|(n, r)| (*n, &self.text[r.clone()]))
    }

    /// The paragraph of some of this one's lines (a non-empty range).
    fn sub(&self, range: Range<usize>) -> Paragraph {
        let lines = &self.lines[range];
        let (first, last) = (&lines[0], &lines[lines.len() - 1]);
        let bytes = first.1.start..last.1.end;
        Paragraph {
            line: first.0,
            end_line: last.0,
            lines: lines
                .iter()
                .map(|(n, r)| (*n, r.start - bytes.start..r.end - bytes.start))
                .collect(),
            counted: word_count(&self.text[bytes.clone()]),
            text: self.text[bytes.clone()].to_string(),
            runs: self
                .runs
                .iter()
                .filter(|w| bytes.contains(&w.0))
                .map(|&(t, src)| (t - bytes.start, src))
                .collect(),
        }
    }
}

/// The words of a line typed the usual way, counted as
/// [`crate::text::word_count`] counts them: words between single plain
/// spaces, no space at either end, no tab and no other space that
/// [`is_space`] knows. `None` for any other line.
///
/// Such a line is its own text in a paragraph and one run of offsets, so
/// it is copied whole instead of word by word. Nearly every line of real
/// articles qualifies (about 93% of the benchmark corpus's lines and 95%
/// of its bytes). The line is read in one pass that the compiler turns
/// into vector code, through `buf` (the line between spaces, so every
/// byte has neighbours); the words are taken one by one only when a word
/// starts in a way that pass does not know.
fn plain_line_words(line: &str, buf: &mut Vec<u8>) -> Option<usize> {
    let bytes = line.as_bytes();
    let (&first, &last) = (bytes.first()?, bytes.last()?);
    if first == b' ' || last == b' ' {
        return None;
    }
    let n = bytes.len();
    buf.clear();
    buf.push(b' ');
    buf.extend_from_slice(bytes);
    buf.extend_from_slice(b"    ");
    // Byte `j` of the line and the bytes before and after it; the same
    // length, so the loop below needs no bounds checks.
    let (before, at, next, third, fourth) = (
        &buf[..=n],
        &buf[1..=n + 1],
        &buf[2..=n + 2],
        &buf[3..=n + 3],
        &buf[4..=n + 4],
    );
    // Branch-free tests on bytes (`&` and `|`, not `&&`), so the loop has
    // no jumps in it.
    let alnum =
        |b: u8| u8::from(b.wrapping_sub(b'0') < 10) | u8::from((b | 0x20).wrapping_sub(b'a') < 26);
    // An ASCII byte that is neither a letter, a digit nor a space.
    let mark = |b: u8| u8::from(b < 0x80) & (alnum(b) ^ 1) & u8::from(b != b' ');
    let (mut flags, mut words, mut counted, mut uncounted) = (0u8, 0usize, 0usize, 0usize);
    // Counted in blocks small enough for byte-sized sums, which the vector
    // code adds many at a time.
    const BLOCK: usize = 128;
    for start in (0..=n).step_by(BLOCK) {
        let end = (start + BLOCK).min(n + 1);
        let (mut spaces, mut yes, mut no) = (0u8, 0u8, 0u8);
        for j in start..end {
            let (a, b, c, d, e) = (before[j], at[j], next[j], third[j], fourth[j]);
            // A tab or other ASCII space, or the first byte of U+1680,
            // U+3000 or U+FEFF (rare: such a line is read word by word).
            let odd = u8::from(b.wrapping_sub(b'\t') <= b'\r' - b'\t')
                | u8::from(b == 0xE1)
                | u8::from(b == 0xE3)
                | u8::from(b == 0xEF);
            // U+0085, U+00A0; U+2000–U+200B, U+2028, U+2029, U+202F;
            // U+205F, U+2060. (`”`, `–` and `…` share their first bytes.)
            let e2 = u8::from(b == 0xE2);
            let wide = (u8::from(b == 0xC2) & (u8::from(c == 0x85) | u8::from(c == 0xA0)))
                | (e2
                    & u8::from(c == 0x80)
                    & (u8::from(d.wrapping_sub(0x80) <= 0x0B)
                        | u8::from(d == 0xA8)
                        | u8::from(d == 0xA9)
                        | u8::from(d == 0xAF)))
                | (e2 & u8::from(c == 0x81) & (u8::from(d == 0x9F) | u8::from(d == 0xA0)));
            let space = u8::from(a == b' ');
            flags |= odd | wide | (space & u8::from(b == b' '));
            spaces += space;
            // A word that counts: it opens with a letter or digit, with a
            // Latin-1 letter (C3 but `×` and `÷`), or with a mark and then
            // a letter or digit.
            yes += space
                & (alnum(b)
                    | (u8::from(b == 0xC3) & u8::from(c != 0x97) & u8::from(c != 0xB7))
                    | (mark(b) & alnum(c)));
            // One that does not: a lone mark, en dash or em dash.
            no += space
                & ((mark(b) & u8::from(c == b' '))
                    | (e2
                        & u8::from(c == 0x80)
                        & (u8::from(d == 0x93) | u8::from(d == 0x94))
                        & u8::from(e == b' ')));
        }
        words += usize::from(spaces);
        counted += usize::from(yes);
        uncounted += usize::from(no);
    }
    if flags != 0 {
        return None;
    }
    if counted + uncounted == words {
        return Some(counted);
    }
    // Some word opens in another way: the words are asked one by one.
    Some(
        line.split(' ')
            .filter(|w| w.as_bytes()[0].is_ascii_alphanumeric() || w.chars().any(is_word_char))
            .count(),
    )
}

fn paragraphs(input: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut current: Option<Paragraph> = None;
    let mut buf = Vec::new();
    // A BOM is a space to `is_space`, so it needs no stripping, and the
    // offsets still count its bytes.
    for (i, (at, raw)) in raw_lines(input).enumerate() {
        let line = i + 1;
        let plain = plain_line_words(raw, &mut buf);
        let mut words = crate::tokens::words(raw).peekable();
        if plain.is_none() && words.peek().is_none() {
            out.extend(current.take());
            continue;
        }
        let para = current.get_or_insert_with(|| Paragraph {
            line,
            end_line: line,
            // Most paragraphs are one plain line: one run, kept as it is
            // made (segments shrink their offsets to fit).
            runs: Vec::with_capacity(1),
            ..Paragraph::default()
        });
        para.end_line = line;
        // A line's words take at most its bytes (and a space before them
        // after the first line): one allocation for a paragraph typed on
        // one line, instead of one per doubling, and none to give back
        // when a plain line fills it exactly.
        let joint = usize::from(!para.text.is_empty());
        para.text.reserve(raw.len() + joint);
        if joint == 1 {
            para.text.push(' ');
        }
        let start = para.text.len();
        if let Some(counted) = plain {
            // The line is its words with single spaces: one run.
            para.runs.push((start, at));
            para.text.push_str(raw);
            para.counted += counted;
            para.lines.push((line, start..para.text.len()));
            continue;
        }
        let mut end = 0;
        for (k, (offset, word)) in words.enumerate() {
            if k > 0 {
                para.text.push(' ');
            }
            let src = at + offset;
            // One plain space between two words is what the text has too:
            // the run goes on.
            if k == 0 || src != end + 1 || input.as_bytes()[end] != b' ' {
                para.runs.push((para.text.len(), src));
            }
            end = src + word.len();
            para.text.push_str(word);
            // Most words open with an ASCII letter or digit: no need to
            // decode their characters.
            let counts =
                word.as_bytes()[0].is_ascii_alphanumeric() || word.chars().any(is_word_char);
            para.counted += usize::from(counts);
        }
        para.lines.push((line, start..para.text.len()));
    }
    out.extend(current);
    out
}

/// A caption describes a photo in a sentence or two; a longer paragraph
/// with a photo credit under it is body text the photo illustrates.
const MAX_CAPTION_WORDS: usize = 40;

/// A content paragraph, and whether a credit or boilerplate paragraph
/// came between it and the one before (which ends a Q&A pair).
struct Item {
    para: Paragraph,
    after_break: bool,
    /// A photographer's credit (`KUVA: Name`) is typed straight under it,
    /// as under a photo caption.
    photo_credit: bool,
}

/// Splits the input into content paragraphs, taking out credit lines and
/// boilerplate.
fn items(input: &str, result: &mut Segmented) -> Vec<Item> {
    let mut items = Vec::new();
    let mut broken = false;
    let content = |items: &mut Vec<Item>, para: Paragraph, broken: &mut bool| {
        items.push(Item {
            para,
            after_break: std::mem::take(broken),
            photo_credit: false,
        });
    };
    for para in paragraphs(input) {
        let credits: Vec<Vec<Credit>> = para
            .lines()
            .map_while(|(line, l)| parse_credit(l, line))
            .collect();
        if credits.len() == para.lines.len() {
            result.credits.extend(credits.into_iter().flatten());
            broken = true;
        } else if let Some(credit) = para
            .lines()
            .next()
            .filter(|(_, first)| first.ends_with(':'))
            .and_then(|_| parse_credit(&para.text, para.line))
        {
            // One credit wrapped over lines (`TEKSTI:` / `Maija Meikäläinen`).
            result.credits.extend(credit);
            broken = true;
        } else if is_boilerplate(&para.text) {
            result.skipped.push(Skipped {
                line: para.line,
                text: para.text,
                reason: "boilerplate",
            });
            broken = true;
        } else {
            // A credit line typed straight under the text, or above it,
            // without a blank line: still a credit, not part of the text.
            // The lines above are the credits read already; the line after
            // them is not one, so the lines under the text are looked for
            // after it (a one-line paragraph is read once).
            let head = credits.len();
            let tail = para
                .lines()
                .skip(head + 1)
                .rev()
                .take_while(|&(n, l)| parse_credit(l, n).is_some())
                .count();
            if head == 0 && tail == 0 {
                content(&mut items, para, &mut broken);
                continue;
            }
            let count = para.lines.len();
            result.credits.extend(credits.into_iter().flatten());
            let before = result.credits.len();
            result.credits.extend(
                para.lines()
                    .skip(count - tail)
                    .flat_map(|(n, l)| parse_credit(l, n).expect("parsed above")),
            );
            broken |= head > 0;
            content(&mut items, para.sub(head..count - tail), &mut broken);
            let tail_credits = &result.credits[before..];
            if let Some(item) = items.last_mut() {
                item.photo_credit = tail > 0
                    && tail_credits.iter().all(|c| c.role == Role::Photographer)
                    && crate::text::word_count(&item.para.text) <= MAX_CAPTION_WORDS;
            }
            broken = tail > 0;
        }
    }
    items
}

/// `text` without closing quotes, emphasis marks and brackets at its end.
fn trim_end_marks(text: &str) -> &str {
    text.trim_end_matches(|c: char| QUOTES.contains(&c) || matches!(c, '*' | '_' | ')'))
}

fn ends_with_sentence_mark(text: &str) -> bool {
    trim_end_marks(text).ends_with(['.', '!', '?', ':', ';', ',', '…'])
}

/// Whether a list's text opens with an item rather than with a line
/// typed above its items (an intro `… följande:` with no blank line after
/// it).
pub fn opens_with_item(text: &str) -> bool {
    bullet(text).is_some()
}

/// The bullet a line starts with (`- `, `• `, `1. `), if any.
fn bullet(line: &str) -> Option<char> {
    let mut chars = line.chars();
    let first = chars.next()?;
    if BULLETS.contains(&first) || DASHES.contains(&first) {
        return (chars.next() == Some(' ')).then_some(first);
    }
    numbered(line).then_some('1')
}

/// `1. ` or `12) ` at the start.
fn numbered(text: &str) -> bool {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    (1..=2).contains(&digits)
        && matches!(text.as_bytes().get(digits), Some(b'.' | b')'))
        && text.as_bytes().get(digits + 1) == Some(&b' ')
}

/// Whether a paragraph is a list by its own lines: two lines starting with
/// the same bullet, a bulleted line under an intro ending in `:`, or an
/// opening bullet that is never a dash.
fn is_list_by_lines(para: &Paragraph) -> bool {
    if para.text.starts_with(BULLETS) && bullet(&para.text).is_some() {
        return true;
    }
    let mut lines = para.lines().map(|(_, l)| l);
    let Some(first) = lines.next() else {
        return false;
    };
    let mut previous = bullet(first);
    let intro = first.ends_with(':');
    for (k, line) in lines.enumerate() {
        let b = bullet(line);
        if b.is_some() && (b == previous || (k == 0 && intro)) {
            return true;
        }
        previous = b.or(previous);
    }
    false
}

fn is_capitalised(text: &str) -> bool {
    text.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

fn is_all_caps(text: &str) -> bool {
    let mut letters = text.chars().filter(|c| c.is_alphabetic());
    letters.clone().nth(1).is_some() && letters.all(char::is_uppercase)
}

/// `Anna`, `Eero Lahti` or, in a gallup, `Maija Meikäläinen, 34,
/// opiskelija`: a name of one to four capitalised words, then up to three
/// short comma-separated details. Returns the number of name words and
/// whether details follow.
fn person(head: &str) -> Option<(usize, bool)> {
    let mut pieces = head.split(',');
    // The name's words counted as they are read, not gathered first: this
    // asks the first line of most paragraphs, and stops at the first word
    // that is not a name's (or at the fifth).
    let mut names = 0;
    for word in pieces.next()?.split(' ').filter(|w| !w.is_empty()) {
        names += 1;
        if names > 4 || !is_name_word(word) {
            return None;
        }
    }
    if names == 0 {
        return None;
    }
    let mut details = 0;
    for piece in pieces {
        let words = piece.split(' ').filter(|w| !w.is_empty()).count();
        details += 1;
        if words == 0 || words > 4 || details > 3 {
            return None;
        }
    }
    Some((names, details > 0))
}

/// The speaker of a `Name: answer` paragraph: one to three capitalised
/// words before a colon, not a credit key (`Kuva: …`).
fn speaker(text: &str) -> Option<(usize, bool)> {
    // A name is near the start: look no further (answers run long).
    let mut window = text.len().min(82);
    while !text.is_char_boundary(window) {
        window -= 1;
    }
    // The first `: ` inside the window, found by its colon (colons are
    // rare, spaces are not).
    let bytes = &text.as_bytes()[..window];
    let colon = memchr::memchr_iter(b':', bytes).find(|&i| bytes.get(i + 1) == Some(&b' '))?;
    let head = &text[..colon];
    if head.len() > 80 || credit_key(&text[..=colon]).is_some() {
        return None;
    }
    person(head).filter(|&(words, details)| words <= 3 || details)
}

/// [`Look::speaker_key`] of a paragraph [`speaker`] found a name in: the
/// name before the first `: `, in lower case.
fn speaker_key(text: &str) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let head = text.split(": ").next().unwrap_or("");
    let mut h = rustc_hash::FxBuildHasher.build_hasher();
    for c in head.chars().flat_map(char::to_lowercase) {
        h.write_u32(c as u32);
    }
    h.finish() | 1
}

/// A paragraph's first line names a gallup answerer: `Name, age, job:`
/// before the answer, or alone above it. `spoken` is the paragraph's
/// [`speaker`].
fn is_person(para: &Paragraph, spoken: Option<(usize, bool)>) -> bool {
    if spoken.is_some_and(|(words, details)| words >= 2 || details) {
        return true;
    }
    let first = para.lines().next().map_or("", |(_, l)| l);
    let first = first.strip_suffix(':').unwrap_or(first);
    first.len() <= 100
        && !ends_with_sentence_mark(first)
        && person(first).is_some_and(|(words, _)| words >= 2)
}

/// `word` in lower case without the punctuation around it.
fn bare_lower(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// A paragraph that opens with a quotation mark and names its speaker
/// after the closing mark: `”Quote”, säger Anna.`, `"Lainaus", sanoo X.`
fn is_attributed_quote(text: &str) -> bool {
    if !text.starts_with(QUOTES) {
        return false;
    }
    let words: Vec<&str> = text.split(' ').collect();
    words.iter().enumerate().any(|(k, word)| {
        word.trim_end_matches([',', '.', '!', '?', ';'])
            .ends_with(QUOTES)
            && words[k + 1..].iter().take(3).any(|w| {
                let w = bare_lower(w);
                data().any(|d| d.speech_verbs.contains(&w.as_str()))
            })
    })
}

/// A paragraph wrapped in quotation marks, as a pull quote is.
fn is_wrapped_in_quotes(text: &str) -> bool {
    text.starts_with(QUOTES)
        && text.trim_end_matches(['.', '!', '?']).ends_with(QUOTES)
        && text.split(' ').nth(2).is_some()
}

/// The longest a month or weekday name can be with its ending, in
/// characters: the longest stem (`keskiviikko`) and four letters.
const DATE_WORD_MAX_CHARS: usize = 15;

/// Whether a word is a month or weekday name, inflected (`tammikuussa`,
/// `måndagen`): the name's stem and at most four letters of ending.
fn is_date_word(word: &str) -> bool {
    // This runs on the first words of every paragraph: the word is
    // lower-cased into a buffer on the stack, not a new string, and each
    // stem is tested by its first byte before its bytes are compared.
    // (`str::to_lowercase` differs from `char::to_lowercase` only for a
    // final sigma, which no stem holds and which is one character either
    // way.)
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    let mut buf = [0u8; 4 * DATE_WORD_MAX_CHARS];
    let (mut len, mut chars) = (0, 0);
    for c in word.chars().flat_map(char::to_lowercase) {
        // Longer than any stem and four letters of ending, and a
        // lower-cased character is never fewer characters: no date word.
        chars += 1;
        if chars > DATE_WORD_MAX_CHARS {
            return false;
        }
        len += c.encode_utf8(&mut buf[len..]).len();
    }
    let lower = &buf[..len];
    let Some(&first) = lower.first() else {
        // Nothing but an empty stem could start an empty word.
        return data()
            .flat_map(|d| d.months.iter().chain(d.weekdays))
            .any(|stem| stem.is_empty());
    };
    date_stems(first).iter().any(|stem| {
        let stem = stem.as_bytes();
        lower.starts_with(stem)
            && lower[stem.len()..]
                .iter()
                .filter(|&&b| b & 0xC0 != 0x80)
                .count()
                <= 4
    })
}

/// The month and weekday stems of both languages that start with byte
/// `first`, listed once: a word is tried against those only.
fn date_stems(first: u8) -> &'static [&'static str] {
    static BY_FIRST: OnceLock<Vec<Vec<&'static str>>> = OnceLock::new();
    let by_first = BY_FIRST.get_or_init(|| {
        let mut by_first = vec![Vec::new(); 256];
        for stem in data().flat_map(|d| d.months.iter().chain(d.weekdays)) {
            // An empty stem would start every word: listed under each byte.
            match stem.as_bytes().first() {
                Some(&b) => by_first[usize::from(b)].push(*stem),
                None => by_first.iter_mut().for_each(|v| v.push(*stem)),
            }
        }
        by_first
    });
    &by_first[usize::from(first)]
}

/// `12.3.`, `12.3.2025`, `1.–3.4.`: a day and a month.
fn is_date(word: &str) -> bool {
    let mut parts = word.split('.');
    let day = parts.next().unwrap_or("");
    let day = day.rsplit(['–', '-']).next().unwrap_or(day);
    let month = parts.next().unwrap_or("");
    let number = |s: &str, max: u8| {
        (1..=2).contains(&s.len()) && s.parse::<u8>().is_ok_and(|n| (1..=max).contains(&n))
    };
    number(day, 31) && number(month, 12)
}

/// An event listing: a date or weekday among the first words, or a clock
/// time (`klo 18–20`, `kl. 18–20`) anywhere.
fn is_calendar_entry(text: &str) -> bool {
    let leading = text
        .split(' ')
        .take(3)
        .any(|w| is_date_word(w) || is_date(w.trim_start_matches(|c: char| !c.is_ascii_digit())));
    leading || has_clock_time(text)
}

/// Whether a clock word comes right before a word that starts with a
/// digit (`klo 18`, `kl. 18–20`). Found from the spaces before a digit
/// back, not by testing every word against the clock words: this reads
/// every body paragraph of every article, and few words start with a digit.
fn has_clock_time(text: &str) -> bool {
    let bytes = text.as_bytes();
    let Some(last) = bytes.len().checked_sub(1) else {
        return false;
    };
    // A space before a digit is looked for a block of bytes at a time,
    // without jumps, so the compiler turns it into vector code: most
    // blocks have none, and spaces are one byte in seven.
    const BLOCK: usize = 64;
    let space_digit =
        |(&a, &b): (&u8, &u8)| u8::from(a == b' ') & u8::from(b.wrapping_sub(b'0') < 10);
    let pairs = bytes[..last].chunks(BLOCK).zip(bytes[1..].chunks(BLOCK));
    pairs.enumerate().any(|(k, (before, after))| {
        before
            .iter()
            .zip(after)
            .fold(0, |seen, pair| seen | space_digit(pair))
            != 0
            && before
                .iter()
                .zip(after)
                .enumerate()
                .any(|(j, pair)| space_digit(pair) != 0 && clock_before(text, k * BLOCK + j))
    })
}

/// Whether the word before the space at `space` is a clock word.
fn clock_before(text: &str, space: usize) -> bool {
    // The word before, as `split(' ')` gives it (empty after two spaces).
    let before = &text[..space];
    let word = before.rsplit(' ').next().unwrap_or(before);
    let clock = word.trim_end_matches('.');
    data()
        .flat_map(|d| d.clock_words)
        .any(|w| clock.eq_ignore_ascii_case(w))
}

/// A title that promises N questions: `6 kysymystä`, `6 frågor`.
fn promises_questions(title: &str) -> bool {
    let words: Vec<&str> = title.split(' ').collect();
    words.windows(2).any(|pair| {
        pair[0].bytes().all(|b| b.is_ascii_digit())
            && !pair[0].is_empty()
            && data().any(|d| d.question_nouns.contains(&bare_lower(pair[1]).as_str()))
    })
}

/// A name alone: two to four capitalised words, no sentence punctuation.
fn is_name_alone(text: &str) -> bool {
    let words: Vec<&str> = text.split(' ').collect();
    (2..=4).contains(&words.len()) && words.iter().all(|w| is_name_word(w)) && !text.ends_with('.')
}

/// What one content paragraph looks like on its own.
#[derive(Debug, Default, Clone, Copy)]
struct Look {
    /// Starts with an answer dash.
    dash: bool,
    /// Starts with `Name: `.
    speaker: bool,
    /// Who the speaker is (a hash of the name in lower case), to tell the
    /// interviewer's `HU: …?` from the answer's `Lind: …`; 0 without one.
    speaker_key: u64,
    /// Names a gallup answerer.
    person: bool,
    /// Ends with `?`.
    asks: bool,
    /// An ALL-CAPS or bold (`**…**`) question.
    strong: bool,
    /// `1. Mikä …?`
    numbered_question: bool,
    /// Starts like a list item: a bullet, a dash, a number.
    item: bool,
    /// A dash item without sentence punctuation (`- kumisaappaat`).
    bare_item: bool,
    /// A list by its own lines.
    list: bool,
    /// Ends with `:`, introducing what follows.
    intro: bool,
    /// Ends with sentence punctuation.
    punctuated: bool,
    /// Capitalised (after a dash) and punctuated: a sentence, not a
    /// list fragment.
    sentence: bool,
    words: usize,
}

impl Look {
    fn of(para: &Paragraph) -> Look {
        let text = para.text.as_str();
        let dash = starts_with_answer_dash(text);
        let asks = trim_end_marks(text).ends_with('?');
        let bold = text.starts_with("**") && text.ends_with("**");
        let punctuated = ends_with_sentence_mark(text);
        let item = bullet(text).is_some();
        let spoken = speaker(text);
        Look {
            dash,
            speaker: spoken.is_some(),
            speaker_key: if spoken.is_some() {
                speaker_key(text)
            } else {
                0
            },
            person: is_person(para, spoken),
            asks,
            strong: asks && (bold || is_all_caps(text)),
            numbered_question: asks && numbered(text),
            item,
            bare_item: item && !punctuated,
            list: is_list_by_lines(para),
            intro: text.ends_with(':'),
            punctuated,
            sentence: punctuated
                && is_capitalised(text.trim_start_matches(|c| DASHES.contains(&c) || is_space(c))),
            words: para.counted,
        }
    }

    fn opens_answer(self) -> bool {
        self.dash || self.speaker
    }

    /// A question one speaker puts to another who answers next (`HU:
    /// Mikä on tavoitteesi?` / `Lind: Asuntopulan helpottaminen.`).
    fn asks(self, then: Look) -> bool {
        self.is_question_mark()
            && self.speaker
            && then.speaker
            && self.speaker_key != then.speaker_key
    }

    fn is_question_mark(self) -> bool {
        self.asks || self.strong
    }
}

/// How the article's dash and `Name:` paragraphs read, decided once for
/// the whole text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Questions and answers: every paragraph before an answer dash asks.
    Interview,
    /// Numbered questions, each answered by several people.
    Gallup,
    /// Dash paragraphs are quotes unless a `?` comes before them.
    Prose,
}

/// Counts word pairs over the whole article, so a pull quote can be tested
/// for repeating body text without comparing it with every paragraph.
struct Bigrams(FxHashMap<(u64, u64), u32>);

impl Bigrams {
    fn keys(text: &str) -> impl Iterator<Item = (u64, u64)> {
        use std::hash::{BuildHasher, Hasher};
        let build = rustc_hash::FxBuildHasher;
        let mut last = None;
        text.split(is_space).filter_map(move |word| {
            let mut h = build.build_hasher();
            let mut any = false;
            for c in word.chars().filter(|c| c.is_alphanumeric()) {
                c.to_lowercase().for_each(|c| h.write_u32(c as u32));
                any = true;
            }
            if !any {
                return None;
            }
            let key = h.finish();
            last.replace(key).map(|prev| (prev, key))
        })
    }

    fn of(paras: &[Paragraph]) -> Bigrams {
        let mut map = FxHashMap::default();
        for para in paras {
            for key in Bigrams::keys(&para.text) {
                *map.entry(key).or_insert(0) += 1;
            }
        }
        Bigrams(map)
    }

    /// Whether most of the word pairs of `text` also occur elsewhere.
    fn repeated(&self, text: &str) -> bool {
        let (mut all, mut seen) = (0, 0);
        for key in Bigrams::keys(text) {
            all += 1;
            seen += usize::from(self.0.get(&key).is_some_and(|&n| n >= 2));
        }
        all > 0 && seen * 2 > all
    }
}

/// Splits `text` into segments, credits and skipped boilerplate.
///
/// ```
/// let text = "| KAUPUNKI\n\nOtsikko\n\nMitä?\n\n– Tätä.\n\nKÄÄNNÖS: Patricia Heikkilä\n";
/// let s = tolk::segment::segment(text);
/// let ids: Vec<&str> = s.segments.iter().map(|s| s.id.as_str()).collect();
/// assert_eq!(ids, ["kicker", "title", "q1", "a1"]);
/// assert_eq!(s.credits[0].display, "Patricia Heikkilä");
/// assert_eq!(s.kind, tolk::segment::ArticleKind::Interview);
/// ```
pub fn segment(text: &str) -> Segmented {
    let mut result = Segmented::default();
    // The paragraphs move into the segments as they are placed, so the
    // text is never held twice; the items keep what is known of their
    // neighbours.
    let (mut paras, items): (Vec<Paragraph>, Vec<Item>) = items(text, &mut result)
        .into_iter()
        .map(|mut item| (std::mem::take(&mut item.para), item))
        .unzip();
    let looks: Vec<Look> = paras.iter().map(Look::of).collect();
    let mut builder = Builder {
        segments: Vec::with_capacity(paras.len()),
        ..Builder::default()
    };

    let mut body = 0;
    if let Some(first) = paras.first().filter(|p| p.text.starts_with('|')) {
        builder.push_kicker(first);
        body = 1;
    }
    let mut promise = false;
    if let Some(title) = paras.get_mut(body) {
        promise = promises_questions(&title.text);
        builder.push(Element::Title, std::mem::take(title));
        body += 1;
    }
    // The paragraph before `i` in the body, with nothing between them.
    let prev = |i: usize| (i > body && !items[i].after_break).then(|| i - 1);
    let next = |i: usize| (i + 1 < items.len() && !items[i + 1].after_break).then_some(i + 1);

    // Lists first: a list item never opens an answer.
    let mut list = vec![false; items.len()];
    for i in body..items.len() {
        let look = looks[i];
        // After an intro, a dash that opens a whole sentence is a quote
        // (`Virtanen kertoo:` / `– Olemme odottaneet.`), not an item.
        // After list items that are not dash sentences themselves (`- Pihlaja`,
        // or intro and items in one paragraph), so is a dash sentence: the
        // quote that follows a list in a news story.
        let quote = look.dash && look.sentence;
        let after_intro = prev(i).is_some_and(|p| {
            (list[p] && (!quote || (looks[p].dash && looks[p].sentence)))
                || (looks[p].intro && !quote)
        });
        let bare_run = look.bare_item
            && (prev(i).is_some_and(|p| looks[p].bare_item)
                || next(i).is_some_and(|n| looks[n].bare_item));
        list[i] = look.list || (look.item && after_intro) || bare_run;
    }

    let mode = detect_mode(&items, &looks, &list, body, promise);
    let is_question = |i: usize| -> bool {
        let Some(n) = next(i).filter(|&n| !list[n] && !list[i]) else {
            return false;
        };
        let (look, then) = (looks[i], looks[n]);
        match mode {
            Mode::Interview => {
                (!look.dash && then.dash)
                    || (look.is_question_mark() && !look.speaker && then.speaker)
                    || look.asks(then)
                    || (look.strong && !then.strong)
            }
            Mode::Gallup | Mode::Prose => {
                (look.is_question_mark() && !look.opens_answer() && then.opens_answer())
                    || look.asks(then)
            }
        }
    };
    // What is read off all the body text, before it moves.
    let calendar_entries = (body..paras.len())
        .filter(|&i| !looks[i].dash && is_calendar_entry(&paras[i].text))
        .count();
    let pull_quote = |text: &str| is_wrapped_in_quotes(text) && !is_attributed_quote(text);
    let bigrams = paras[body.min(paras.len())..]
        .iter()
        .any(|p| pull_quote(&p.text))
        .then(|| Bigrams::of(&paras[body..]));
    let mut in_answer = false;
    let last = items.len().saturating_sub(1);

    for i in body..items.len() {
        let look = looks[i];
        if items[i].after_break {
            in_answer = false;
        }
        // `None`: the paragraph continues the segment before it.
        let role = 'role: {
            let text = paras[i].text.as_str();
            Some(if builder.last_role() == Some(Element::Question) {
                Element::Answer
            } else if mode == Mode::Gallup && look.numbered_question && next(i).is_some() {
                Element::Question
            } else if list[i] {
                if prev(i).is_some_and(|p| list[p]) && builder.last_role() == Some(Element::List) {
                    break 'role None;
                }
                Element::List
            } else if data()
                .flat_map(|d| d.byline_prefixes)
                .any(|p| starts_with_word_ci(text, p))
            {
                Element::Byline
            } else if data()
                .flat_map(|d| d.caption_prefixes)
                .any(|p| starts_with_word_ci(text, p))
                || credit_key(text).is_some_and(|(role, _)| role == Role::Photographer)
                || (items[i].photo_credit && i > body)
            {
                Element::Caption
            } else if is_question(i) {
                Element::Question
            } else if i == last && i > body && !look.dash && is_name_alone(text) {
                Element::Byline
            } else if i > body
                && i < last
                && (1..=MAX_SUBHEADING_WORDS).contains(&look.words)
                && !look.punctuated
                && !look.item
                && !look.speaker
                && !(mode == Mode::Gallup && look.person)
                && !text.starts_with(QUOTES)
                && is_capitalised(text)
            {
                Element::Subheading
            } else if pull_quote(text) && bigrams.as_ref().is_some_and(|b| b.repeated(text)) {
                Element::Pullquote
            } else if in_answer && (mode != Mode::Prose || look.opens_answer()) {
                break 'role None;
            } else if look.dash || is_attributed_quote(text) {
                Element::Quote
            } else {
                Element::Paragraph
            })
        };
        let para = std::mem::take(&mut paras[i]);
        match role {
            None => builder.extend_last(para),
            Some(role) => {
                in_answer = role == Element::Answer;
                builder.push(role, para);
            }
        }
    }

    result.kind = article_kind(
        &builder.segments,
        mode,
        calendar_entries,
        items.len().saturating_sub(body),
    );
    result.segments = builder.segments;
    // Texts grew paragraph by paragraph: give back what they did not use.
    result.segments.shrink_to_fit();
    for s in &mut result.segments {
        s.text.shrink_to_fit();
        s.offsets.shrink_to_fit();
    }
    result
}

/// Decides per article how dash and `Name:` paragraphs read (DESIGN §2.1).
fn detect_mode(items: &[Item], looks: &[Look], list: &[bool], body: usize, promise: bool) -> Mode {
    let joined = |i: usize| i > body && !items[i].after_break;
    let mut numbered = 0;
    let mut people = 0;
    let mut runs = 0;
    let mut runs_after_question = 0;
    let mut strong = 0;
    for i in body..items.len() {
        let look = looks[i];
        if look.numbered_question && !list[i] {
            numbered += 1;
        } else if numbered > 0 && look.person {
            people += 1;
        }
        if list[i] {
            continue;
        }
        let before = joined(i).then(|| looks[i - 1]);
        let asked = before.is_some_and(|b| b.is_question_mark());
        let opens = look.dash || (look.speaker && asked);
        if opens && !before.is_some_and(|b| b.opens_answer() && !b.asks(look)) {
            runs += 1;
            runs_after_question += usize::from(asked);
        }
        if look.strong && i + 1 < items.len() && !items[i + 1].after_break {
            strong += 1;
        }
    }
    if numbered > 0 && people >= 2 * numbered {
        Mode::Gallup
    } else if promise || runs_after_question * 2 > runs || strong >= 2 {
        Mode::Interview
    } else {
        Mode::Prose
    }
}

/// `1. …`, `2) …`: a numbered question or item.
fn starts_numbered(text: &str) -> bool {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && digits <= 2 && matches!(text.as_bytes().get(digits), Some(b'.' | b')'))
}

/// The article's kind from its segments, the number of its body
/// paragraphs that list events and the number of body paragraphs.
fn article_kind(segments: &[Segment], mode: Mode, entries: usize, body: usize) -> ArticleKind {
    let has = |role: Element| segments.iter().any(|s| s.role == role);
    let signed = segments.iter().any(|s| {
        s.role == Element::Byline
            && data()
                .flat_map(|d| d.byline_prefixes)
                .any(|p| starts_with_word_ci(&s.text, p))
    });
    // Numbered questions, most of them answered by several people (a
    // paragraph each): a street poll, however its answers are signed.
    let numbered = segments
        .iter()
        .filter(|s| s.role == Element::Question && starts_numbered(&s.text))
        .count();
    let answers: Vec<&Segment> = segments
        .iter()
        .filter(|s| s.role == Element::Answer)
        .collect();
    let several = answers.iter().filter(|a| a.parts.len() >= 2).count();
    let polled = numbered >= 2 && several * 2 > answers.len();
    if (mode == Mode::Gallup || polled) && has(Element::Question) {
        ArticleKind::Gallup
    } else if mode == Mode::Interview && has(Element::Question) {
        ArticleKind::Interview
    } else if entries >= 3 && entries * 2 >= body {
        ArticleKind::Calendar
    } else if signed {
        ArticleKind::Column
    } else if has(Element::Quote) || has(Element::Question) {
        ArticleKind::News
    } else if has(Element::Byline) {
        ArticleKind::Column
    } else {
        ArticleKind::Article
    }
}

#[derive(Default)]
struct Builder {
    segments: Vec<Segment>,
    paragraphs: usize,
    questions: usize,
    answers: usize,
}

impl Builder {
    fn last_role(&self) -> Option<Element> {
        self.segments.last().map(|s| s.role)
    }

    /// The kicker drops its bar and the spaces after it.
    fn push_kicker(&mut self, para: &Paragraph) {
        let text = para.text[1..].trim_start_matches(is_space);
        let cut = para.text.len() - text.len();
        let offsets = (0..para.runs.len())
            .filter_map(|k| {
                let (t, src) = para.runs[k];
                match t {
                    _ if run_end(&para.text, &para.runs, k) <= cut => None,
                    _ if t < cut => Some((0, src + (cut - t))),
                    _ => Some((t - cut, src)),
                }
            })
            .collect();
        let words = word_count(text);
        self.push_text(Element::Kicker, para, words, text.to_string(), offsets);
    }

    fn push(&mut self, role: Element, mut para: Paragraph) {
        let text = std::mem::take(&mut para.text);
        let runs = std::mem::take(&mut para.runs);
        self.push_text(role, &para, para.counted, text, runs);
    }

    fn push_text(
        &mut self,
        role: Element,
        para: &Paragraph,
        words: usize,
        text: String,
        offsets: Vec<(usize, usize)>,
    ) {
        let kind = role.kind();
        let id = match kind {
            Kind::Kicker => "kicker".to_string(),
            Kind::Title => "title".to_string(),
            Kind::Paragraph => {
                self.paragraphs += 1;
                numbered_id('p', self.paragraphs)
            }
            Kind::Question => {
                self.questions += 1;
                numbered_id('q', self.questions)
            }
            Kind::Answer => {
                self.answers += 1;
                numbered_id('a', self.answers)
            }
        };
        self.segments.push(Segment {
            n: self.segments.len() + 1,
            id,
            kind,
            role,
            line: para.line,
            end_line: para.end_line,
            words,
            text,
            parts: vec![(para.line, para.end_line)],
            offsets,
        });
    }

    fn extend_last(&mut self, para: Paragraph) {
        let last = self.segments.last_mut().expect("a segment is open");
        last.text.push_str("\n\n");
        let base = last.text.len();
        last.text.push_str(&para.text);
        last.offsets
            .extend(para.runs.iter().map(|&(t, src)| (base + t, src)));
        last.end_line = para.end_line;
        last.words += para.counted;
        last.parts.push((para.line, para.end_line));
    }
}

/// `p12`: what `format!("{class}{n}")` gives, without the formatting
/// machinery (every segment of every article gets one).
fn numbered_id(class: char, n: usize) -> String {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let mut id = String::with_capacity(1 + digits.len() - at);
    id.push(class);
    id.extend(digits[at..].iter().map(|&d| char::from(d)));
    id
}

/// Where run `k` of `runs` ends in `text`: at its last word's end, before
/// the spaces (or the blank line) that lead to the next run.
fn run_end(text: &str, runs: &[(usize, usize)], k: usize) -> usize {
    let next = runs.get(k + 1).map_or(text.len(), |r| r.0).min(text.len());
    let start = runs[k].0.min(next);
    start
        + text
            .get(start..next)
            .map_or(0, |run| run.trim_end_matches([' ', '\n']).len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<String> {
        segment(text).segments.into_iter().map(|s| s.id).collect()
    }

    #[test]
    fn empty_text_has_no_segments() {
        assert_eq!(segment(""), Segmented::default());
        assert_eq!(segment("\u{feff}\n \u{a0}\n\r\n"), Segmented::default());
    }

    #[test]
    fn kicker_needs_a_bar_and_drops_it() {
        let s = segment("| KAUPUNKI - STADEN\n\nOtsikko\n\nLeipäteksti.");
        assert_eq!(ids("| K\n\nT\n\nP"), ["kicker", "title", "p1"]);
        assert_eq!(s.segments[0].text, "KAUPUNKI - STADEN");
        assert_eq!(s.segments[0].words, 2);
    }

    #[test]
    fn article_without_kicker_starts_with_title() {
        assert_eq!(ids("Otsikko\n\nEka.\n\nToka."), ["title", "p1", "p2"]);
    }

    #[test]
    fn bar_later_in_the_article_is_not_a_kicker() {
        assert_eq!(ids("Otsikko\n\n| ei kicker"), ["title", "p1"]);
    }

    #[test]
    fn lines_of_a_paragraph_join_with_single_spaces() {
        let s = segment("T\n\neka rivi  \n  toka\u{a0}rivi\n");
        assert_eq!(s.segments[1].text, "eka rivi toka rivi");
        assert_eq!((s.segments[1].line, s.segments[1].end_line), (3, 4));
    }

    #[test]
    fn crlf_cr_and_bom_count_as_plain_lines() {
        let s = segment("\u{feff}| K\r\n\r\nT\r\rP\rjatkuu");
        assert_eq!(
            ids("\u{feff}| K\r\n\r\nT\r\rP\rjatkuu"),
            ["kicker", "title", "p1"]
        );
        assert_eq!(s.segments[2].line, 5);
        assert_eq!(s.segments[2].text, "P jatkuu");
    }

    #[test]
    fn nbsp_only_line_is_blank() {
        assert_eq!(ids("T\n\u{a0}\nP1\n \u{a0} \nP2"), ["title", "p1", "p2"]);
    }

    #[test]
    fn nbsp_indented_question_is_recognised() {
        let s = segment("T\n\n\u{a0}Mitä?\n\n– Vastaus.");
        assert_eq!(s.segments[1].id, "q1");
        assert_eq!(s.segments[1].text, "Mitä?");
        assert_eq!(s.segments[2].id, "a1");
    }

    #[test]
    fn all_three_answer_dashes() {
        for dash in ["– Joo.", "— Joo.", "- Joo.", "–Joo."] {
            assert_eq!(
                ids(&format!("T\n\nKysymys?\n\n{dash}")),
                ["title", "q1", "a1"],
                "{dash}"
            );
        }
    }

    #[test]
    fn hyphen_without_space_is_not_an_answer() {
        assert_eq!(ids("T\n\nKysymys?\n\n-suunnitelma"), ["title", "p1", "p2"]);
    }

    #[test]
    fn answer_runs_over_several_paragraphs_until_next_question() {
        let s = segment("T\n\nQ1?\n\n– A1 alku.\n\nA1 jatkuu.\n\nQ2?\n\n– A2.");
        let got: Vec<_> = s.segments.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(got, ["title", "q1", "a1", "q2", "a2"]);
        assert_eq!(s.segments[2].text, "– A1 alku.\n\nA1 jatkuu.");
        assert_eq!((s.segments[2].line, s.segments[2].end_line), (5, 7));
        assert_eq!(s.segments[2].words, 4);
    }

    #[test]
    fn second_dash_paragraph_continues_the_answer() {
        assert_eq!(ids("T\n\nQ?\n\n– Eka.\n\n– Toka."), ["title", "q1", "a1"]);
    }

    #[test]
    fn dash_paragraph_without_question_is_a_paragraph() {
        assert_eq!(ids("T\n\n– Lainaus."), ["title", "p1"]);
    }

    #[test]
    fn news_article_without_qa() {
        assert_eq!(
            ids("| UUTISET\n\nT\n\nA.\n\nB.\n\nC."),
            ["kicker", "title", "p1", "p2", "p3"]
        );
    }

    #[test]
    fn credit_line_after_lead_is_a_credit_not_a_segment() {
        let s = segment("T\n\nIngressi.\n\nTEKSTI JA KUVA: Maija Meikäläinen\n\nQ?\n\n– A.");
        let got: Vec<_> = s.segments.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(got, ["title", "p1", "q1", "a1"]);
        assert_eq!(s.credits.len(), 1);
        assert_eq!(s.credits[0].role, Role::WriterPhotographer);
        assert_eq!(s.credits[0].name, "Maija Meikäläinen");
        assert_eq!(s.credits[0].line, 5);
    }

    #[test]
    fn credit_line_ends_an_answer() {
        assert_eq!(
            ids("T\n\nQ?\n\n– A.\n\nKÄÄNNÖS: Joku\n\nJälkikirjoitus."),
            ["title", "q1", "a1", "p1"]
        );
    }

    #[test]
    fn credit_keys_in_any_case_and_every_role() {
        let s = segment(
            "teksti: A\nKuva: B\n\nTEXT OCH FOTO: C\n\nFoto: D\n\nBILD: E\n\nText: F\n\nÖversättning: PATRICIA HEIKKILÄ\n\nKÄÄNNÖS: G",
        );
        assert!(s.segments.is_empty());
        let roles: Vec<_> = s.credits.iter().map(|c| c.role.as_str()).collect();
        assert_eq!(
            roles,
            [
                "writer",
                "photographer",
                "writer+photographer",
                "photographer",
                "photographer",
                "writer",
                "translator",
                "translator"
            ]
        );
        assert_eq!(s.credits[6].display, "Patricia Heikkilä");
        assert_eq!(s.credits[6].name, "PATRICIA HEIKKILÄ");
    }

    #[test]
    fn credit_line_typed_under_the_last_answer_is_a_credit() {
        let s = segment("T\n\nQ?\n\n– Vastaus.\nKÄÄNNÖS: Patricia Heikkilä\n\nVastaa");
        let got: Vec<_> = s.segments.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(got, ["title", "q1", "a1"]);
        assert_eq!(s.segments[2].text, "– Vastaus.");
        assert_eq!(s.segments[2].words, 1);
        assert_eq!(
            (s.credits[0].role, s.credits[0].line),
            (Role::Translator, 6)
        );
    }

    #[test]
    fn credit_line_typed_above_a_paragraph_is_a_credit_and_ends_the_answer() {
        let s = segment("T\n\nQ?\n\n– Vastaus.\n\nTEKSTI: Maija\nJälkikirjoitus.");
        let got: Vec<_> = s.segments.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(got, ["title", "q1", "a1", "p1"]);
        assert_eq!(
            (s.segments[3].text.as_str(), s.segments[3].line),
            ("Jälkikirjoitus.", 8)
        );
        assert_eq!(s.credits[0].name, "Maija");
    }

    #[test]
    fn credit_wrapped_over_two_lines() {
        let s = segment("T\n\nTEKSTI:\nMaija Meikäläinen");
        assert_eq!(s.segments.len(), 1);
        assert_eq!(s.credits[0].name, "Maija Meikäläinen");
    }

    #[test]
    fn answers_opened_with_a_figure_dash_or_a_bar() {
        for dash in ['‒', '―'] {
            assert_eq!(
                ids(&format!(
                    "T\n\nMitä kuuluu?\n\n{dash} Hyvää.\n\nEntä huomenna?\n\n{dash}Samaa."
                )),
                ["title", "q1", "a1", "q2", "a2"],
                "{dash}"
            );
        }
        // A minus sign is no answer dash: a temperature.
        assert_eq!(
            ids("T\n\nMitä kuuluu?\n\n−20 astetta."),
            ["title", "p1", "p2"]
        );
    }

    #[test]
    fn credits_as_people_type_them() {
        for (line, name, display) in [
            ("ÖVERSÄTTNING: ph", "ph", "ph"),
            ("Översättning: p.h.", "p.h.", "p.h."),
            ("ÖVERSÄTTNING: P.H.", "P.H.", "P.H."),
            ("ÖVERSÄTTNING: PH.", "PH", "PH"),
            ("ÖVERSÄTTNING: PH (text och foto)", "PH", "PH"),
            (
                "Översättning: Patricia Heikkilä.",
                "Patricia Heikkilä",
                "Patricia Heikkilä",
            ),
            (
                "ÖVERSÄTTNING: PATRICIA HEIKKILÄ.",
                "PATRICIA HEIKKILÄ",
                "Patricia Heikkilä",
            ),
            ("TEKSTI: A.-L. Virtanen", "A.-L. Virtanen", "A.-L. Virtanen"),
            (
                "KUVA: Pekka Pekkanen (arkisto)",
                "Pekka Pekkanen",
                "Pekka Pekkanen",
            ),
            (
                "TEXT: P.H. och A. Lind",
                "P.H. och A. Lind",
                "P.H. och A. Lind",
            ),
        ] {
            let s = segment(&format!("T\n\nText.\n\n{line}"));
            assert_eq!(s.segments.len(), 2, "{line}");
            assert_eq!(s.credits.len(), 1, "{line}");
            assert_eq!(
                (s.credits[0].name.as_str(), s.credits[0].display.as_str()),
                (name, display)
            );
        }
        // Not names, so text: a sentence, a lower-case word longer than
        // initials, a description with a remark, lower-case words joined.
        for line in [
            "Översättning: maskinöversättning sparar tid.",
            "Teksti: tämä",
            "Kuva: kirjasto (arkisto)",
            "Text: ph och sv",
            "Text: .",
            "Text: (ph)",
        ] {
            let s = segment(&format!("T\n\nText.\n\n{line}"));
            assert!(s.credits.is_empty(), "{line}");
            assert_eq!(s.segments.len(), 3, "{line}");
        }
    }

    #[test]
    fn credit_keys_joined_any_way_and_several_on_a_line() {
        for (line, role) in [
            ("TEXT OCH BILDER: Anna Lind", Role::WriterPhotographer),
            ("BILD OCH TEXT: Anna Lind", Role::WriterPhotographer),
            ("TEXT & FOTO: Anna Lind", Role::WriterPhotographer),
            ("Teksti/kuvat: Anna Lind", Role::WriterPhotographer),
            ("KUVAT JA TEKSTI: Anna Lind", Role::WriterPhotographer),
        ] {
            let s = segment(&format!("T\n\nText.\n\n{line}"));
            assert_eq!(s.segments.len(), 2, "{line}");
            assert_eq!(s.credits[0].role, role, "{line}");
        }
        // Not a credit key: a word that is no role, or two roles that
        // are not words and pictures.
        for line in [
            "TEXT OCH MUSIK: Anna Lind",
            "FOTO OCH BILD: Anna Lind",
            "Text och översättning: Anna Lind",
        ] {
            assert!(
                segment(&format!("T\n\nText.\n\n{line}")).credits.is_empty(),
                "{line}"
            );
        }
        let s = segment("T\n\nText.\n\nTEXT: Mikko Virtanen, FOTO: Sanna Lehto; ÖVERSÄTTNING: ph");
        assert_eq!(s.segments.len(), 2);
        let got: Vec<_> = s
            .credits
            .iter()
            .map(|c| (c.role, c.name.as_str(), c.line))
            .collect();
        assert_eq!(
            got,
            [
                (Role::Writer, "Mikko Virtanen", 5),
                (Role::Photographer, "Sanna Lehto", 5),
                (Role::Translator, "ph", 5)
            ]
        );
        // Half a credit line is no credit line.
        let s = segment("T\n\nText.\n\nTEXT: Mikko Virtanen, FOTO: kirjaston edessä");
        assert!(s.credits.is_empty());
        assert_eq!(s.segments.len(), 3);
    }

    #[test]
    fn a_photographer_with_an_employer_and_a_translator_in_lower_case() {
        let s = segment(
            "T\n\nText.\n\nFOTO: Sanna Lehto / Helsingfors stad\n\nÖversättning: patricia heikkilä",
        );
        assert_eq!(s.segments.len(), 2);
        let got: Vec<_> = s
            .credits
            .iter()
            .map(|c| (c.role, c.name.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (Role::Photographer, "Sanna Lehto / Helsingfors stad"),
                (Role::Translator, "patricia heikkilä")
            ]
        );
        // A description after the slash, a lower-case photographer (a
        // caption), one lower-case word: text.
        for line in [
            "Foto: Sanna Lehto / bilden togs i fjol vid stranden",
            "Kuva: kirjasto talvella",
            "Översättning: maskinöversättning",
        ] {
            let s = segment(&format!("T\n\nText.\n\n{line}"));
            assert!(s.credits.is_empty(), "{line}");
        }
    }

    #[test]
    fn initials_are_name_words() {
        for word in ["P.H.", "A.-L.", "J."] {
            assert!(is_initials(word) && is_name_word(word), "{word}");
        }
        for word in ["PH.", "P.H", "p.h.", "A.-", "-A.", "", "Ph."] {
            assert!(!is_initials(word), "{word}");
        }
    }

    #[test]
    fn a_sentence_with_a_colon_is_not_a_credit() {
        let text = "T\n\nTeksti: tämä on pitkä lause joka kertoo jotain aivan muuta kuin kirjoittajan nimen.";
        let s = segment(text);
        assert!(s.credits.is_empty());
        assert_eq!(s.segments[1].id, "p1");
        // A word that names no credit is no key (`KUVAAJA:` and `FOTOGRAF:`
        // are photographers' keys).
        assert!(segment("T\n\nKuvaus: Pekka").credits.is_empty());
        assert_eq!(segment("T\n\nKuvaaja: Pekka").credits.len(), 1);
        assert_eq!(
            segment("T\n\nFOTOGRAF: Sanna Lehto").credits[0].role,
            Role::Photographer
        );
    }

    #[test]
    fn comment_form_remnants_are_skipped() {
        let s = segment(
            "T\n\nP.\n\nVastaa\n\nSähköpostiosoitettasi ei julkaista. Pakolliset kentät on merkitty *\n\nLämna ett svar\n\nLeave a Reply",
        );
        assert_eq!(s.segments.len(), 2);
        let lines: Vec<_> = s.skipped.iter().map(|k| k.line).collect();
        assert_eq!(lines, [5, 7, 9, 11]);
        assert!(s.skipped.iter().all(|k| k.reason == "boilerplate"));
    }

    #[test]
    fn the_word_vastaa_inside_a_sentence_is_kept() {
        assert_eq!(ids("T\n\nVastaa kysymykseen."), ["title", "p1"]);
    }

    fn roles(text: &str) -> Vec<(String, Element)> {
        segment(text)
            .segments
            .into_iter()
            .map(|s| (s.id, s.role))
            .collect()
    }

    fn role_of(text: &str, id: &str) -> Element {
        segment(text).get(id).map(|s| s.role).expect(id)
    }

    const SEED_FI: &str = include_str!("../articles/hyvinvointikoordinaattori/fi.txt");
    const SEED_SV: &str = include_str!("../articles/hyvinvointikoordinaattori/sv.txt");

    #[test]
    fn seed_is_an_interview_on_both_sides() {
        for text in [SEED_FI, SEED_SV] {
            let s = segment(text);
            assert_eq!(s.kind, ArticleKind::Interview);
            assert_eq!(s.segments.len(), 17);
            assert!(s.segments.iter().all(|s| s.role.kind() == s.kind));
        }
    }

    #[test]
    fn short_line_between_paragraphs_is_a_subheading() {
        let fi = "Kirjasto muuttaa\n\nKauniaisten kirjasto muuttaa keväällä.\n\nAukioloajat\n\nKirjasto on auki arkisin klo 10–20.";
        assert_eq!(role_of(fi, "p2"), Element::Subheading);
        let sv = "Biblioteket flyttar\n\nGrankulla bibliotek flyttar i vår.\n\nUusi kirjasto avataan keväällä\n\nÖppettider\n\nBiblioteket är öppet vardagar kl. 10–20.";
        assert_eq!(role_of(sv, "p2"), Element::Subheading);
        assert_eq!(role_of(sv, "p3"), Element::Subheading);
        assert_eq!(segment(sv).kind, ArticleKind::Article);
    }

    #[test]
    fn short_sentence_or_last_line_is_not_a_subheading() {
        let text = "Otsikko\n\nKirjasto muuttaa.\n\nSe avataan keväällä.\n\nTervetuloa\n";
        assert_eq!(role_of(text, "p2"), Element::Paragraph);
        assert_eq!(role_of(text, "p3"), Element::Paragraph);
        // Right under the title it is a lead, not a subheading.
        assert_eq!(
            role_of("Otsikko\n\nLyhyt ingressi\n\nTeksti.", "p1"),
            Element::Paragraph
        );
    }

    #[test]
    fn bullets_after_an_intro_are_one_list_not_answers() {
        let text = "Kirjasto avautuu\n\nOhjelmassa on muun muassa:\n\n- satutunti klo 10\n- konsertti klo 18\n\n- avajaispuheet\n\nTervetuloa!";
        let got = roles(text);
        let ids: Vec<_> = got.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["title", "p1", "p2", "p3"]);
        assert_eq!(got[2].1, Element::List);
        let list = &segment(text).segments[2];
        assert_eq!(list.parts, [(5, 6), (8, 8)]);
        assert_eq!(list.text.split("\n\n").count(), list.parts.len());
    }

    #[test]
    fn a_dash_quote_after_a_list_is_not_an_item() {
        let text = "Otsikko\n\nSuljettavat ovat:\n- Pihlaja\n- Kataja\n\n\
                    – Ratkaisu on vaikea, sanoo Anu Salo.\n";
        let got = roles(text);
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[1].1, Element::List);
        assert_ne!(got[2].1, Element::List, "{got:?}");
        // Bare items, one a paragraph, still run on as one list.
        let bare = "Otsikko\n\nTeksti.\n\n- kumisaappaat\n\n- sadetakki\n\nLoppu.";
        assert_eq!(role_of(bare, "p2"), Element::List);
    }

    #[test]
    fn list_shapes() {
        // Two lines starting with the same bullet, no intro.
        let bullets = "Otsikko\n\nTeksti.\n\n• Kirjasto\n• Uimahalli\n\nLoppu.";
        assert_eq!(role_of(bullets, "p2"), Element::List);
        // Numbered items after an intro ending in a colon.
        let numbered = "Otsikko\n\nAnmäl dig så här:\n\n1. Fyll i blanketten.\n\n2) Skicka den till Grankulla stad.\n\nVälkommen!";
        assert_eq!(
            roles(numbered).iter().map(|r| r.1).collect::<Vec<_>>(),
            [
                Element::Title,
                Element::Paragraph,
                Element::List,
                Element::Paragraph
            ]
        );
        // Intro and items in one paragraph.
        assert_eq!(
            role_of("T\n\nTarvitset:\n– uimapuvun\n– pyyhkeen", "p1"),
            Element::List
        );
        // Bare dash items without an intro, one per paragraph.
        assert_eq!(
            role_of(
                "T\n\nTeksti.\n\n- kumisaappaat\n\n- sadetakki\n\nLoppu.",
                "p2"
            ),
            Element::List
        );
    }

    #[test]
    fn a_dash_sentence_after_a_colon_is_a_quote_not_a_list() {
        let text = "T\n\nKirjastonjohtaja Anna Virtanen kertoo:\n\n– Olemme odottaneet tätä pitkään.\n\nLoppu.";
        assert_eq!(role_of(text, "p2"), Element::Quote);
        let interview = "T\n\nMitä teet?\n\n– Koordinoin.\n\nKerro, miten:\n\n– Yhdessä muiden kanssa.\n\nEntä vapaalla?\n\n– Luen.";
        assert_eq!(
            ids(interview),
            ["title", "q1", "a1", "q2", "a2", "q3", "a3"]
        );
    }

    #[test]
    fn a_list_after_a_question_does_not_answer_it() {
        let text = "T\n\nMitä mukaan retkelle?\n\n- eväät\n- juomapullo";
        assert_eq!(
            roles(text).iter().map(|r| r.1).collect::<Vec<_>>(),
            [Element::Title, Element::Paragraph, Element::List]
        );
    }

    #[test]
    fn one_dash_sentence_is_not_a_list() {
        let text = "T\n\nKaupunki avaa uuden kirjaston.\n\n– Olemme odottaneet tätä pitkään, sanoo kirjastonjohtaja Anna Virtanen.";
        assert_eq!(role_of(text, "p2"), Element::Quote);
    }

    const NEWS_FI: &str = "| KAUPUNKI\n\nKirjasto avaa ovensa\n\nKauniaisten uusi kirjasto avataan maaliskuussa.\n\n– Olemme odottaneet tätä pitkään, sanoo kirjastonjohtaja Anna Virtanen.\n\nRakennustyöt alkoivat kaksi vuotta sitten.\n\n– Tiloista tuli valoisat, Virtanen kertoo.\n\nMitä kirjastossa on uutta?\n\n– Ainakin lukusali ja pelihuone.";

    #[test]
    fn dash_quotes_in_a_news_story_are_quotes_not_answers() {
        let s = segment(NEWS_FI);
        let got: Vec<_> = s.segments.iter().map(|s| (s.id.as_str(), s.role)).collect();
        assert_eq!(
            got,
            [
                ("kicker", Element::Kicker),
                ("title", Element::Title),
                ("p1", Element::Paragraph),
                ("p2", Element::Quote),
                ("p3", Element::Paragraph),
                ("p4", Element::Quote),
                // A dash after a real question is still an answer.
                ("q1", Element::Question),
                ("a1", Element::Answer),
            ]
        );
        assert_eq!(s.kind, ArticleKind::News);
    }

    #[test]
    fn quotation_marks_with_a_speech_verb_are_a_quote() {
        let sv = "Biblioteket öppnar\n\nGrankullas nya bibliotek öppnar i mars.\n\n”Vi har väntat länge på det här”, säger biblioteksdirektör Anna Virtanen.\n\n»Salarna blev ljusa», berättar hon.\n\n\"Det är fint\" sade Erik Lind.\n\nBygget började för två år sedan.";
        let s = segment(sv);
        let got: Vec<_> = s.segments.iter().map(|s| s.role).collect();
        assert_eq!(
            got,
            [
                Element::Title,
                Element::Paragraph,
                Element::Quote,
                Element::Quote,
                Element::Quote,
                Element::Paragraph
            ]
        );
        assert_eq!(s.kind, ArticleKind::News);
    }

    #[test]
    fn quotation_marks_without_attribution_are_not_a_quote() {
        let text =
            "Otsikko\n\nTeksti.\n\n”Lukeminen kannattaa aina”, on kirjaston tunnuslause.\n\nLoppu.";
        assert_eq!(role_of(text, "p2"), Element::Paragraph);
    }

    #[test]
    fn interview_questions_need_no_question_mark() {
        let text = "Kuusi kysymystä\n\nIngressi.\n\nMitä teet?\n\n– Koordinoin.\n\nKerro tarkemmin.\n\n– Teen yhteistyötä.\n\nEntä vapaa-aika?\n\n– Luen.";
        let s = segment(text);
        let ids: Vec<_> = s.segments.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["title", "p1", "q1", "a1", "q2", "a2", "q3", "a3"]);
        assert_eq!(s.kind, ArticleKind::Interview);
    }

    #[test]
    fn a_title_promising_questions_makes_an_interview() {
        let text =
            "6 frågor till rektorn\n\nIngress.\n\nSkolan fyller hundra år.\n\n– Det känns fint.";
        let ids: Vec<_> = roles(text).into_iter().map(|r| r.0).collect();
        assert_eq!(ids, ["title", "p1", "q1", "a1"]);
    }

    #[test]
    fn credit_names_people_and_a_description_is_a_caption() {
        let s = segment(
            "T\n\nTeksti.\n\nKUVA: Pekka Pekkanen\n\nFoto: Pekka Pekkanen / Lehtikuva\n\nBILD: Anna Svensson och Erik Lind",
        );
        assert_eq!(s.segments.len(), 2);
        let names: Vec<_> = s.credits.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Pekka Pekkanen",
                "Pekka Pekkanen / Lehtikuva",
                "Anna Svensson och Erik Lind"
            ]
        );

        let text = "T\n\nTeksti.\n\nKuva: Taru Ikäheimonen kirjaston edessä.\n\nKuvassa hyvinvointikoordinaattori Taru Ikäheimonen.\n\nPå bilden Taru Ikäheimonen framför biblioteket.\n\nBild: Grankulla bibliotek en vinterdag.";
        let s = segment(text);
        assert!(s.credits.is_empty());
        let got: Vec<_> = s.segments[2..].iter().map(|s| s.role).collect();
        assert_eq!(got, [Element::Caption; 4]);
        assert_eq!(
            s.segments[2].text,
            "Kuva: Taru Ikäheimonen kirjaston edessä."
        );
    }

    #[test]
    fn a_word_starting_like_a_caption_is_not_one() {
        assert_eq!(
            role_of(
                "T\n\nA.\n\nKuvassaan taiteilija kuvaa kotikaupunkiaan.",
                "p2"
            ),
            Element::Paragraph
        );
    }

    #[test]
    fn bylines() {
        let fi = "Kolumni\n\nKirjoitan tätä junassa.\n\nKevät tulee taas.\n\nKirjoittaja on kauniaislainen toimittaja.";
        let s = segment(fi);
        assert_eq!(s.segments[3].role, Element::Byline);
        assert_eq!(s.kind, ArticleKind::Column);
        let sv = "Kolumn\n\nJag skriver det här på tåget.\n\nSkribenten är journalist i Grankulla.";
        assert_eq!(role_of(sv, "p2"), Element::Byline);
        let signed = "Kolumni\n\nKirjoitan tätä junassa.\n\nKevät tulee taas.\n\nMaija Meikäläinen";
        assert_eq!(role_of(signed, "p3"), Element::Byline);
    }

    #[test]
    fn a_name_that_is_not_last_or_a_sentence_is_not_a_byline() {
        let text = "T\n\nTeksti.\n\nMaija Meikäläinen\n\nKirjoittaja kertoo.";
        assert_ne!(role_of(text, "p2"), Element::Byline);
        assert_eq!(
            role_of("T\n\nTeksti.\n\nKiitos Kaikille.", "p2"),
            Element::Paragraph
        );
    }

    #[test]
    fn a_quoted_line_repeating_the_body_is_a_pull_quote() {
        let sv = "Biblioteket öppnar\n\n”Vi vill att alla ska känna sig välkomna”, säger Anna Virtanen.\n\n”Alla ska känna sig välkomna”\n\nBygget började för två år sedan.";
        assert_eq!(role_of(sv, "p2"), Element::Pullquote);
        let fresh = "Biblioteket öppnar\n\nBygget började för två år sedan.\n\n”Läsning lönar sig alltid”\n\nSlut.";
        assert_eq!(role_of(fresh, "p2"), Element::Paragraph);
    }

    #[test]
    fn all_caps_and_bold_questions_open_plain_answers() {
        let caps = "Haastattelu\n\nIngressi.\n\nMITÄ TEET?\n\nKoordinoin hyvinvointityötä.\n\nTeen sitä yhdessä muiden kanssa.\n\nMIKSI?\n\nSe on tärkeää.";
        let s = segment(caps);
        let ids: Vec<_> = s.segments.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["title", "p1", "q1", "a1", "q2", "a2"]);
        assert_eq!(s.segments[3].parts.len(), 2);
        assert_eq!(s.kind, ArticleKind::Interview);
        let bold =
            "Intervju\n\n**Vad gör du?**\n\nJag koordinerar.\n\n**Varför?**\n\nDet är viktigt.";
        assert_eq!(ids_of(bold), ["title", "q1", "a1", "q2", "a2"]);
    }

    fn ids_of(text: &str) -> Vec<String> {
        ids(text)
    }

    #[test]
    fn one_all_caps_heading_is_not_an_interview() {
        let text = "T\n\nTeksti.\n\nMITÄ SEURAAVAKSI?\n\nValtuusto päättää asiasta keväällä.";
        assert_eq!(ids(text), ["title", "p1", "p2", "p3"]);
    }

    #[test]
    fn speaker_prefixed_answers_run_to_the_next_question() {
        let text = "Kaksi kirjastolaista\n\nIngressi.\n\nMikä kirjastossa on parasta?\n\nAnna: Lukusali.\n\nEero Lahti: Minulle pelihuone.\n\nEntä huonointa?\n\nAnna: Ei mikään.";
        let s = segment(text);
        let ids: Vec<_> = s.segments.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["title", "p1", "q1", "a1", "q2", "a2"]);
        assert_eq!(
            s.segments[3].text,
            "Anna: Lukusali.\n\nEero Lahti: Minulle pelihuone."
        );
    }

    #[test]
    fn an_interviewer_named_before_each_question() {
        // With and without a title promising questions.
        for title in ["Neljä kysymystä pormestarille", "Pormestari vastaa"] {
            let text = format!(
                "{title}\n\nIngressi.\n\nHU: Mikä on tavoitteesi?\n\nLind: Asuntopulan helpottaminen.\n\nHU: Miten se rahoitetaan?\n\nLind: Osittain valtion tuella.\n\nLind: Ja tontinmyynnillä."
            );
            let s = segment(&text);
            let ids: Vec<_> = s.segments.iter().map(|s| s.id.as_str()).collect();
            assert_eq!(ids, ["title", "p1", "q1", "a1", "q2", "a2"], "{title}");
            assert_eq!(
                s.segments[5].text,
                "Lind: Osittain valtion tuella.\n\nLind: Ja tontinmyynnillä."
            );
        }
        // One speaker asking and answering herself is her answer, not a
        // question to another.
        let text = "T\n\nIngressi.\n\nMikä kirjastossa on parasta?\n\nAnna: Mitä luulet? Lukusali.\n\nAnna: Ja kahvila.";
        let ids: Vec<_> = segment(text)
            .segments
            .iter()
            .map(|s| s.id.clone())
            .collect();
        assert_eq!(ids, ["title", "p1", "q1", "a1"]);
    }

    #[test]
    fn a_note_with_a_colon_is_not_an_answer() {
        let text = "T\n\nKirjasto on suljettu maanantaina.\n\nHuom: Lainat voi palauttaa luukkuun.";
        assert_eq!(ids(text), ["title", "p1", "p2"]);
        assert_eq!(segment(text).kind, ArticleKind::Article);
    }

    #[test]
    fn gallup_answers_belong_to_their_numbered_question() {
        let text = "Gallup: kesä\n\nKysyimme kolmelta kauniaislaiselta.\n\n1. Mitä teet kesällä?\n\nMaija Meikäläinen, 34, opiskelija: Matkustan.\n\nEero Lahti, 61, eläkeläinen: Olen mökillä.\n\n2. Mikä on kesän paras ruoka?\n\nMaija Meikäläinen\nMansikat.\n\nEero Lahti\nUudet perunat.";
        let s = segment(text);
        let ids: Vec<_> = s.segments.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["title", "p1", "q1", "a1", "q2", "a2"]);
        assert_eq!(s.segments[3].parts.len(), 2);
        assert_eq!(s.segments[5].parts.len(), 2);
        assert_eq!(s.kind, ArticleKind::Gallup);
    }

    #[test]
    fn numbered_questions_answered_once_are_not_a_gallup() {
        let text = "T\n\nIngressi.\n\n1. Mitä teet kesällä?\n\n– Matkustan.";
        assert_eq!(segment(text).kind, ArticleKind::Interview);
    }

    #[test]
    fn numbered_ids_read_as_formatted() {
        for n in (0..2000).chain([99_999, 1_000_000, usize::MAX]) {
            assert_eq!(numbered_id('p', n), format!("p{n}"));
        }
    }

    #[test]
    fn date_words_fit_the_stack_buffer() {
        let longest = data()
            .flat_map(|d| d.months.iter().chain(d.weekdays))
            .map(|stem| stem.chars().count())
            .max();
        assert_eq!(longest.map(|n| n + 4), Some(DATE_WORD_MAX_CHARS));
    }

    #[test]
    fn event_listings_are_a_calendar() {
        let fi = "Menovinkit\n\nTi 12.3. Satutunti kirjastossa klo 10–11.\n\nKeskiviikkona 13.3. kuorokonsertti kirkossa klo 18–20.\n\nLauantaina 16.3. kevätmarkkinat torilla klo 9–14.";
        assert_eq!(segment(fi).kind, ArticleKind::Calendar);
        let sv = "Evenemang\n\nTisdag 12.3 sagostund på biblioteket kl. 10–11.\n\nOnsdag 13.3 körkonsert i kyrkan kl. 18–20.\n\nLördag 16.3 vårmarknad på torget kl. 9–14.";
        assert_eq!(segment(sv).kind, ArticleKind::Calendar);
        let news = "T\n\nValtuusto kokoontui maanantaina.\n\nSe päätti uudesta koulusta.\n\nPäätös oli yksimielinen.\n\nRakennustyöt alkavat keväällä.";
        assert_eq!(segment(news).kind, ArticleKind::Article);
    }

    #[test]
    fn offsets_point_into_the_input() {
        let input = "\u{feff}|KAUPUNKI - STADEN\r\n\r\nOtsikko  tässä\r\n\r\nMitä?\r\n\r\n–\u{a0}Tätä.\r\nJa tuota.\n\nToinen kappale.";
        let s = segment(input);
        let kicker = &s.segments[0];
        assert_eq!(kicker.text, "KAUPUNKI - STADEN");
        // The BOM is three bytes and the bar one.
        assert_eq!(kicker.offsets[0], (0, 4));
        assert_eq!(kicker.source_offset(2), 6);
        let answer = s.get("a1").unwrap();
        assert_eq!(
            answer.text,
            "–\u{a0}Tätä. Ja tuota.\n\nToinen kappale.".replace('\u{a0}', " ")
        );
        for (t, src) in &answer.offsets {
            let word = answer.text[*t..].split(is_space).next().unwrap();
            assert_eq!(&input[*src..src + word.len()], word);
        }
        // On a space: just after the word before it.
        let space = answer.text.find(" Ja").unwrap();
        let tata = answer.offsets[1].1;
        assert_eq!(answer.source_offset(space), tata + "Tätä.".len());
    }

    #[test]
    fn offsets_are_runs_that_read_the_same_in_the_input() {
        // One line of single spaces is one run; a line break, two spaces
        // or a no-break space starts another.
        let input = "Otsikko\n\nYksi kaksi kolme neljä.\n\nViisi kuusi\nseitsemän  kahdeksan\u{a0}yhdeksän.";
        let s = segment(input);
        assert_eq!(s.segments[1].offsets, [(0, 9)]);
        let p2 = &s.segments[2];
        let starts: Vec<&str> = p2.offsets.iter().map(|&(_, src)| &input[src..]).collect();
        assert_eq!(starts.len(), 4);
        assert!(starts[1].starts_with("seitsemän") && starts[3].starts_with("yhdeksän"));
        let at = p2.text.find("kahdeksan").unwrap();
        assert_eq!(
            &input[p2.source_offset(at)..][.."kahdeksan".len()],
            "kahdeksan"
        );
        // Splitting inside a run cuts it in two.
        let mut p1 = s.segments[1].clone();
        let at = p1.text.find("kolme").unwrap();
        let tail = p1.split_off_offsets(at);
        assert_eq!(tail, [(0, 9 + at)]);
        assert_eq!(p1.offsets, [(0, 9)]);
    }

    #[test]
    fn a_short_paragraph_with_a_photo_credit_under_it_is_a_caption() {
        let text = "T\n\nIngressi kertoo uutisen.\n\nKirjastonjohtaja Leena Virtanen uuden lukusalin ovella.\nKUVA: Mikko Rantanen\n\nLeipäteksti jatkuu.";
        let s = segment(text);
        let roles: Vec<Element> = s.segments.iter().map(|s| s.role).collect();
        assert_eq!(
            roles,
            [
                Element::Title,
                Element::Paragraph,
                Element::Caption,
                Element::Paragraph
            ]
        );
        assert_eq!(s.credits[0].role, Role::Photographer);
        // A writer's credit under the lead is a byline block, not a caption.
        let text = "T\n\nIngressi kertoo uutisen.\nTEKSTI: Maija Lehtonen\nKUVA: Mikko Rantanen\n\nLeipäteksti.";
        assert_eq!(segment(text).segments[1].role, Element::Paragraph);
    }

    #[test]
    fn numbered_questions_answered_by_several_people_are_a_gallup() {
        let text = "Talvi\n\nKysyimme kolmelta.\n\n1. Miten jaksat?\n\nLiisa Korhonen, 67, eläkeläinen: Uimalla.\n\nOskar Lindholm, 16, lukiolainen: Treenaamalla.\n\n2. Mitä toivot?\n\nLiisa: Hiekoitusta.\n\nOskar: Avointa nuorisotaloa.";
        let s = segment(text);
        assert_eq!(s.kind, ArticleKind::Gallup);
        let ids: Vec<&str> = s.segments.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["title", "p1", "q1", "a1", "q2", "a2"]);
        // One person answering numbered questions is an interview.
        let text = "Haastattelu\n\n1. Miksi?\n\n– Siksi.\n\n2. Miten?\n\n– Näin.";
        assert_eq!(segment(text).kind, ArticleKind::Interview);
    }

    mod props {
        use super::super::*;
        use crate::text::normalize_ws;
        use proptest::prelude::*;

        /// Pieces real articles are made of, so random inputs hit every rule.
        fn article() -> impl Strategy<Value = String> {
            let piece = prop::sample::select(vec![
                "\n",
                "\n\n",
                "\r\n",
                "\r",
                " ",
                "\u{a0}",
                "\u{feff}",
                "| ",
                "|",
                "– ",
                "—",
                "- ",
                "-",
                "?",
                ":",
                "Kysymys?",
                "Vastaus.",
                "TEKSTI: Maija",
                "KÄÄNNÖS: PEKKA",
                "Vastaa",
                "Lämna ett svar",
                "ä",
                "x",
                "15 000",
                "\t",
                "• ",
                "* ",
                "1. ",
                "2) ",
                "**",
                "”",
                "»",
                "\"",
                ", sanoo",
                " säger hon.",
                "Anna: ",
                "Eero Lahti, 34, opiskelija: ",
                "Kuva: Taru kirjastossa.",
                "Kuvassa ",
                "På bilden ",
                "Kirjoittaja on ",
                "Maija Meikäläinen",
                "MITÄ?",
                "Aukioloajat",
                "6 kysymystä",
                "klo 18–20",
                "ti 12.3.",
                "tammikuussa",
                "\u{200b}",
                "é",
                "𝄞",
            ]);
            prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
        }

        const SEED_FI: &str = include_str!("../articles/hyvinvointikoordinaattori/fi.txt");

        /// The seed text with its spaces rewritten: re-wrapped lines, NBSP,
        /// doubled spaces, trailing blanks, CRLF.
        fn rewrapped() -> impl Strategy<Value = (String, bool)> {
            let spaces = SEED_FI.matches(' ').count();
            let choice =
                prop::sample::select(vec![" ", " ", " ", "  ", "\n", "\u{a0}", " \n ", "\t"]);
            (prop::collection::vec(choice, spaces), any::<bool>()).prop_map(|(subs, crlf)| {
                let mut subs = subs.into_iter();
                let text: String = SEED_FI
                    .chars()
                    .map(|c| {
                        if c == ' ' {
                            subs.next().unwrap().to_string()
                        } else {
                            c.to_string()
                        }
                    })
                    .collect();
                (
                    if crlf {
                        text.replace('\n', "\r\n")
                    } else {
                        text
                    },
                    crlf,
                )
            })
        }

        proptest! {
            #[test]
            fn whitespace_rewrites_keep_ids_and_text((text, _crlf) in rewrapped()) {
                let before = segment(SEED_FI);
                let after = segment(&text);
                let ids = |s: &Segmented| s.segments.iter().map(|s| s.id.clone()).collect::<Vec<_>>();
                prop_assert_eq!(ids(&before), ids(&after));
                for (a, b) in before.segments.iter().zip(&after.segments) {
                    prop_assert!(crate::text::same_text(&a.text, &b.text), "{} changed", a.id);
                }
            }

            #[test]
            fn never_panics_and_never_invents_text(text in article()) {
                check(&text)?;
            }

            #[test]
            fn never_panics_on_any_string(text in any::<String>()) {
                check(&text)?;
            }

            #[test]
            fn seed_offsets_survive_rewrapping((text, _crlf) in rewrapped()) {
                check(&text)?;
            }
        }

        /// The calendar test as first written (a vector of words, each
        /// lower-cased into a new string), which the fast one must match.
        fn is_calendar_entry_simple(text: &str) -> bool {
            let date_word = |word: &str| {
                let word = bare_lower(word);
                data()
                    .flat_map(|d| d.months.iter().chain(d.weekdays))
                    .any(|stem| {
                        word.strip_prefix(stem)
                            .is_some_and(|rest| rest.chars().count() <= 4)
                    })
            };
            let words: Vec<&str> = text.split(' ').collect();
            let leading = words.iter().take(3).any(|w| {
                date_word(w) || is_date(w.trim_start_matches(|c: char| !c.is_ascii_digit()))
            });
            leading
                || words.windows(2).any(|pair| {
                    let clock = pair[0].trim_end_matches('.');
                    data()
                        .flat_map(|d| d.clock_words)
                        .any(|w| clock.eq_ignore_ascii_case(w))
                        && pair[1].starts_with(|c: char| c.is_ascii_digit())
                })
        }

        /// Words and marks calendar paragraphs are made of, in any case.
        fn calendar_text() -> impl Strategy<Value = String> {
            let piece = prop::sample::select(vec![
                " ",
                "  ",
                "klo",
                "KLO",
                "Kl.",
                "kl",
                "kello",
                "klockan",
                "kl..",
                "xklo",
                "1",
                "18",
                "18–20",
                "12.3.",
                "1.–3.4.",
                "(",
                ".",
                "-",
                "Maanantaina",
                "måndagen",
                "tammikuussa",
                "JOULUKUUSSA",
                "tammikuussaan",
                "keskiviikkoisin",
                "KESKIVIIKKOISIN",
                "keskiviikkoisinä",
                "Keskiviikkoisinaan",
                "Σ",
                "ΣΑ",
                "İ",
                "ä",
                "x",
                "a1",
            ]);
            prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
        }

        /// Prefixes the segmenter tests texts against, and some odd ones.
        fn prefixes() -> Vec<&'static str> {
            let mut all: Vec<&'static str> = data()
                .flat_map(|d| d.byline_prefixes.iter().chain(d.caption_prefixes))
                .copied()
                .collect();
            all.extend(data().flat_map(|d| d.boilerplate).map(|(p, _)| *p));
            all.extend(lang::WEB_BOILERPLATE.iter().map(|(p, _)| *p));
            all.extend(["", "ä", "i̇x", "σ", "Kuvassa", "kuva"]);
            all
        }

        proptest! {
            #[test]
            fn starts_with_ci_as_lower_casing_every_character(
                text in "\\PC{0,6}|(Kuvassa|KUVASSA|kuvassa|Kirjoittaja|KIRJOITTAJA on|Vastaa|İx|Σ|ä|Ä|x|\u{212A}uva|– |”)\\PC{0,4}",
            ) {
                for prefix in prefixes() {
                    let mut lower = text.chars().flat_map(char::to_lowercase);
                    let simple = prefix.chars().all(|p| lower.next() == Some(p));
                    prop_assert_eq!(starts_with_ci(&text, prefix), simple, "{:?} {:?}", text, prefix);
                }
            }
        }

        proptest! {
            #[test]
            fn calendar_entries_read_as_the_simple_version(text in calendar_text()) {
                prop_assert_eq!(is_calendar_entry(&text), is_calendar_entry_simple(&text));
            }

            #[test]
            fn calendar_entries_read_as_the_simple_version_on_any_string(text in any::<String>()) {
                prop_assert_eq!(is_calendar_entry(&text), is_calendar_entry_simple(&text));
            }
        }

        /// [`person`] as first written, the name's words gathered first.
        fn person_simple(head: &str) -> Option<(usize, bool)> {
            let mut pieces = head.split(',');
            let name: Vec<&str> = pieces
                .next()?
                .split(' ')
                .filter(|w| !w.is_empty())
                .collect();
            if !(1..=4).contains(&name.len()) || !name.iter().all(|w| is_name_word(w)) {
                return None;
            }
            let mut details = 0;
            for piece in pieces {
                let words = piece.split(' ').filter(|w| !w.is_empty()).count();
                details += 1;
                if words == 0 || words > 4 || details > 3 {
                    return None;
                }
            }
            Some((name.len(), details > 0))
        }

        proptest! {
            #[test]
            fn person_reads_as_the_simple_version(
                head in prop::collection::vec(
                    prop::sample::select(vec![
                        "Anna", "Eero", "LAHTI", "P.", "Anna-Liisa", "von", "ja", "x", "34",
                        "opiskelija", "Äiti", "Ö", " ", " ", "  ", ",", ", ", "\u{a0}", "",
                    ]),
                    0..14,
                ).prop_map(|v| v.concat()),
            ) {
                prop_assert_eq!(person(&head), person_simple(&head), "{:?}", head);
            }
        }

        #[test]
        fn person_cases() {
            for head in [
                "",
                " ",
                "Anna",
                "Eero Lahti",
                "A B C D",
                "A B C D E",
                "A b",
                "a B",
                "Maija Meikäläinen, 34, opiskelija",
                "Anna, ",
                "Anna, a, b, c, d",
                "Anna, a b c d e",
                " Anna  Lahti ",
                "Anna,",
            ] {
                assert_eq!(person(head), person_simple(head), "{head:?}");
            }
        }

        /// [`paragraphs`] as first written, every line read word by word,
        /// which the plain-line path must match.
        fn paragraphs_simple(input: &str) -> Vec<Paragraph> {
            let mut out = Vec::new();
            let mut current: Option<Paragraph> = None;
            for (i, (at, raw)) in raw_lines(input).enumerate() {
                let line = i + 1;
                let mut words = crate::tokens::words(raw).peekable();
                if words.peek().is_none() {
                    out.extend(current.take());
                    continue;
                }
                let para = current.get_or_insert_with(|| Paragraph {
                    line,
                    end_line: line,
                    ..Paragraph::default()
                });
                para.end_line = line;
                if !para.text.is_empty() {
                    para.text.push(' ');
                }
                let start = para.text.len();
                let mut end = 0;
                for (k, (offset, word)) in words.enumerate() {
                    if k > 0 {
                        para.text.push(' ');
                    }
                    let src = at + offset;
                    if k == 0 || src != end + 1 || input.as_bytes()[end] != b' ' {
                        para.runs.push((para.text.len(), src));
                    }
                    end = src + word.len();
                    para.text.push_str(word);
                    para.counted += usize::from(word.chars().any(is_word_char));
                }
                para.lines.push((line, start..para.text.len()));
            }
            out.extend(current);
            out
        }

        /// Lines of words, marks and every kind of space.
        fn lines() -> impl Strategy<Value = String> {
            let piece = prop::sample::select(vec![
                "sana", "Ääni", "öljy", "15", "x", " ", " ", "  ", "\n", "\n\n", "\r\n", "\r",
                "\t", "\u{b}", "\u{c}", "\u{a0}", "\u{85}", "\u{feff}", "\u{200b}", "\u{2009}",
                "\u{202f}", "\u{2028}", "\u{3000}", "\u{1680}", "\u{2060}", "\u{205f}", "”", "–",
                "…", "«", "»", "°", "§", "(", "-", ".", "&", "é", "ﬁ", "\u{fffd}", "𝄞", "ᚠ",
                "\u{3001}", "\u{2000}",
            ]);
            prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
        }

        proptest! {
            #[test]
            fn plain_lines_read_as_word_by_word(text in lines()) {
                prop_assert_eq!(paragraphs(&text), paragraphs_simple(&text));
            }

            #[test]
            fn plain_lines_read_as_word_by_word_on_any_string(text in any::<String>()) {
                prop_assert_eq!(paragraphs(&text), paragraphs_simple(&text));
            }
        }

        #[test]
        fn starts_with_ci_outside_ascii() {
            // The two characters outside ASCII that lower-case to ASCII.
            assert!(starts_with_ci("\u{212A}uvassa", "kuvassa"));
            assert!(starts_with_ci("İx", "i"));
            assert!(!starts_with_ci("– Kuvassa", "kuvassa"));
            assert!(!starts_with_ci("”Kuvassa", "kuvassa"));
            assert!(starts_with_ci("ÄÄNI", "ää"));
        }

        /// Every character, alone and between words: whatever the plain-line
        /// path takes for a space or a word character, it must agree.
        #[test]
        fn plain_lines_read_every_character_as_word_by_word() {
            for c in (0..=0x10FFFF).filter_map(char::from_u32) {
                for text in [
                    format!("{c}"),
                    format!("a{c}b"),
                    format!("a {c} b"),
                    format!("{c}x y"),
                    format!("x y{c}"),
                    format!("T\n\nsana {c}sana”. –{c} x\n{c}"),
                ] {
                    assert_eq!(paragraphs(&text), paragraphs_simple(&text), "{c:?}");
                }
            }
        }

        fn plain_line_words_(line: &str) -> Option<usize> {
            plain_line_words(line, &mut Vec::new())
        }

        #[test]
        fn plain_line_cases() {
            assert_eq!(plain_line_words_("Yksi kaksi kolme."), Some(3));
            assert_eq!(plain_line_words_("– Joo, ”sanoi” hän – ja…"), Some(4));
            assert_eq!(plain_line_words_("Äiti ja öljy"), Some(3));
            assert_eq!(plain_line_words_("a « b"), Some(2));
            assert_eq!(plain_line_words_(""), None);
            assert_eq!(plain_line_words_(" a"), None);
            assert_eq!(plain_line_words_("a "), None);
            assert_eq!(plain_line_words_("a  b"), None);
            assert_eq!(plain_line_words_("a\tb"), None);
            assert_eq!(plain_line_words_("a\u{a0}b"), None);
            assert_eq!(plain_line_words_("a\u{2009}b"), None);
            assert_eq!(plain_line_words_("\u{feff}a"), None);
            assert_eq!(plain_line_words_("a\u{3000}b"), None);
            // Words that open with a mark, counted or not, and ones read
            // one by one.
            assert_eq!(plain_line_words_("(kuva) -x - | * – — a"), Some(3));
            assert_eq!(plain_line_words_("× ÷ ×a ”Joo” (Åbo) –"), Some(3));
            assert_eq!(plain_line_words_("a\u{85}b a\u{2028}b a\u{205f}b"), None);
            assert_eq!(plain_line_words_("a\u{2060}b"), None);
            assert_eq!(plain_line_words_("a\u{200b}b"), None);
            assert_eq!(plain_line_words_("a\u{200c}b"), Some(1));
        }

        fn check(text: &str) -> Result<(), TestCaseError> {
            let seg = segment(text);
            let whole = normalize_ws(text);
            let mut last_line = 0;
            for (i, s) in seg.segments.iter().enumerate() {
                prop_assert_eq!(s.n, i + 1);
                prop_assert!(
                    whole.contains(&normalize_ws(&s.text)),
                    "{:?} not in input",
                    s.text
                );
                prop_assert!(s.line > last_line, "lines not increasing");
                prop_assert!(s.end_line >= s.line);
                prop_assert_eq!(s.words, crate::text::word_count(&s.text));
                prop_assert_eq!(s.role.kind(), s.kind);
                // One part per paragraph, as alignment splits them.
                prop_assert_eq!(s.text.split("\n\n").count(), s.parts.len());
                // Every word maps to itself in the input, and so does every
                // run of words.
                for (at, word) in crate::tokens::words(&s.text) {
                    let src = s.source_offset(at);
                    prop_assert_eq!(text.get(src..src + word.len()), Some(word), "{:?}", s.text);
                    prop_assert_eq!(s.source_offset(at + word.len()), src + word.len());
                }
                for k in 0..s.offsets.len() {
                    let (t, src) = s.offsets[k];
                    let run = &s.text[t..s.run_end(k)];
                    prop_assert!(!run.is_empty() && !run.contains("\n"), "{:?}", run);
                    prop_assert_eq!(text.get(src..src + run.len()), Some(run));
                }
                last_line = s.end_line;
            }
            Ok(())
        }
    }
}
