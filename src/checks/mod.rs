//! The checks of DESIGN §6. Each rule family looks at one loaded article
//! and returns findings; `check_article` runs them all.

pub mod inconsistent;
pub mod numbers;
pub mod publish;
pub mod spelling;

use serde::Serialize;

use crate::article::{Article, Pair, State};
use crate::glossary::{MatchKind, Matcher, TermMatch};
use crate::lang::Lang;
use crate::morph::FastMap;
use crate::pairing::SlipKind;
use crate::people::People;
pub use crate::rules::{Rule, Severity};
use crate::segment::{Element, Kind, Segment};
use crate::source::Source;
use crate::text::{is_word_char, same_text};
use std::borrow::Cow;
use std::ops::Range;

type FastSet<T> = rustc_hash::FxHashSet<T>;

/// One thing an editor should look at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub article: String,
    /// The segment id; `null` for article-wide findings.
    pub segment: Option<String>,
    pub rule: Rule,
    pub severity: Severity,
    pub message: String,
    /// Path from the repository root (`articles/x/sv.txt`).
    pub file: String,
    /// 1-based line of the offending words (or the segment) in that file.
    pub line: usize,
    /// 1-based column, in characters, in the file as written.
    pub column: usize,
    /// Byte span in the file as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<ByteSpan>,
    /// A short extract of the text the finding is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub excerpt: Option<Excerpt>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ByteSpan {
    pub start: usize,
    pub end: usize,
}

impl Finding {
    /// A finding about a whole file at a known place (a load error).
    pub fn at_file(
        article: &str,
        rule: Rule,
        file: &str,
        line: usize,
        column: usize,
        message: String,
    ) -> Finding {
        Finding {
            article: article.to_string(),
            segment: None,
            rule,
            severity: rule.default_severity(),
            message,
            file: file.to_string(),
            line,
            column,
            span: None,
            excerpt: None,
        }
    }
}

/// Text around the offending words, with their byte ranges in `text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Excerpt {
    /// Which side the text is from: `fi` or `sv`.
    pub lang: &'static str,
    pub text: String,
    pub highlights: Vec<(usize, usize)>,
}

/// Cuts `text` down to about `radius` characters either side of the byte
/// range `start..end`, keeping word boundaries, and highlights the range.
pub fn excerpt(lang: Lang, text: &str, start: usize, end: usize, radius: usize) -> Excerpt {
    // Paragraph breaks of a long answer become two spaces, not one, so the
    // byte offsets of `start..end` still point at the same words. Only the
    // part of the text around the words is flattened: a paragraph of
    // megabytes with thousands of findings would otherwise be copied once
    // per finding. The part reaches a character past both ends of the
    // window, and whole runs of line feeds, so it flattens as the whole
    // text would.
    let (start, end) = (start.min(text.len()), end.min(text.len()));
    let window = |at: usize| {
        let mut lo = at;
        for (n, (i, _)) in text[..at].char_indices().rev().enumerate() {
            lo = i;
            if n > radius {
                break;
            }
        }
        lo
    };
    let mut lo = window(start);
    while lo > 0 && text.as_bytes()[lo - 1] == b'\n' {
        lo -= 1;
    }
    let mut hi = end;
    for (n, (i, c)) in text[end..].char_indices().enumerate() {
        hi = end + i + c.len_utf8();
        if n > radius + 1 {
            break;
        }
    }
    while hi < text.len() && text.as_bytes()[hi] == b'\n' {
        hi += 1;
    }
    let part = text[lo..hi].replace("\n\n", "  ");
    excerpt_of(
        lang,
        &part,
        start - lo,
        end - lo,
        radius,
        lo > 0,
        hi < text.len(),
    )
}

/// [`excerpt`] on `flat`, a part of the flattened text; `cut_before` and
/// `cut_after` say whether the text goes on past it.
fn excerpt_of(
    lang: Lang,
    flat: &str,
    start: usize,
    end: usize,
    radius: usize,
    cut_before: bool,
    cut_after: bool,
) -> Excerpt {
    let mut from = start;
    for (n, (i, _)) in flat[..start].char_indices().rev().enumerate() {
        from = i;
        if n >= radius {
            break;
        }
    }
    if from > 0 || cut_before {
        // Start at a word.
        from = flat[from..start].find(' ').map_or(from, |p| from + p + 1);
    }
    let mut to = end;
    for (n, (i, c)) in flat[end..].char_indices().enumerate() {
        to = end + i + c.len_utf8();
        if n >= radius {
            break;
        }
    }
    if to < flat.len() || cut_after {
        to = flat[end..to].rfind(' ').map_or(to, |p| end + p);
    }
    let mut out = String::new();
    if from > 0 || cut_before {
        out.push_str("… ");
    }
    let shift = out.len();
    out.push_str(&flat[from..to]);
    if to < flat.len() || cut_after {
        out.push_str(" …");
    }
    Excerpt {
        lang: lang.as_str(),
        text: out,
        highlights: vec![(start - from + shift, end - from + shift)],
    }
}

/// The start of a segment, for findings about the whole segment.
fn head(lang: Lang, text: &str) -> Excerpt {
    let flat = text.replace("\n\n", " ");
    let short = crate::text::ellipsize(&flat, 70);
    Excerpt {
        lang: lang.as_str(),
        text: short,
        highlights: Vec::new(),
    }
}

/// Where a finding points.
#[derive(Clone, Copy)]
enum At<'a> {
    /// A whole segment on one side.
    Segment(Lang, &'a Segment),
    /// Bytes `start..end` of a segment's text.
    Words(Lang, &'a Segment, usize, usize),
    /// A line of one side's file, with no segment.
    Line(Lang, usize),
}

struct Ctx<'a> {
    article: &'a Article,
    /// The article's pairs, worked out once for every rule.
    pairs: Vec<Pair<'a>>,
    /// Who goes by which names (`people.toml`), if anyone.
    people: Option<&'a People>,
    out: Vec<Finding>,
}

impl<'a> Ctx<'a> {
    /// The last finding is about one Finnish segment of its row: a row
    /// that joins several (a merged Swedish paragraph) has one Swedish
    /// text, under the row's first id, but each segment its own state.
    fn name_segment(&mut self, fi: &Segment) {
        if let Some(f) = self.out.last_mut() {
            f.segment = Some(fi.id.clone());
        }
    }

    fn push(&mut self, rule: Rule, at: At<'a>, message: String, excerpt: Option<Excerpt>) {
        let (lang, seg) = match at {
            At::Segment(lang, seg) | At::Words(lang, seg, ..) => (lang, Some(seg)),
            At::Line(lang, _) => (lang, None),
        };
        let source = self.article.source(lang);
        let span = source.map(|src| match at {
            At::Segment(_, s) => src.span(s, 0, s.text.len()),
            At::Words(_, s, start, end) => src.span(s, start, end),
            At::Line(_, line) => src.line_span(line),
        });
        let line = match at {
            At::Line(_, line) => line,
            _ => seg.map_or(1, |s| s.line),
        };
        self.out.push(Finding {
            article: self.article.slug.clone(),
            segment: seg.map(|s| s.id.clone()),
            rule,
            severity: rule.default_severity(),
            message,
            file: self.article.file(lang).to_string(),
            line: span.map_or(line, |s| s.line),
            column: span.map_or(1, |s| s.column),
            span: span.map(|s| ByteSpan {
                start: s.start,
                end: s.end,
            }),
            excerpt,
        });
    }
}

/// The texts one content rule compares: the Finnish of a row (one segment,
/// or several joined) and the Swedish paired with it.
#[derive(Clone, Copy)]
struct Compared<'a> {
    fi: &'a Segment,
    sv: &'a Segment,
    /// The row covers more than one Finnish segment.
    joined: bool,
}

impl<'a> Ctx<'a> {
    fn compared(&self) -> Vec<Compared<'a>> {
        let article = self.article;
        let alignment = &article.alignment;
        alignment
            .rows
            .iter()
            .filter_map(|row| {
                let sv = alignment.sv(row, article.sv.as_ref())?;
                Some(Compared {
                    fi: alignment.fi_text(row, &article.fi),
                    sv,
                    joined: row.fi.len() > 1,
                })
            })
            .collect()
    }
}

/// Every check on one article. `matcher` is `None` without a glossary.
pub fn check_article(article: &Article, matcher: Option<&Matcher>) -> Vec<Finding> {
    check_article_with(article, matcher, None, None)
}

/// [`check_article`], with `spelling` when there is a dictionary, and
/// `people.toml`'s names for the credit when there is one.
pub fn check_article_with(
    article: &Article,
    matcher: Option<&Matcher>,
    speller: Option<&spelling::Speller>,
    people: Option<&People>,
) -> Vec<Finding> {
    let mut cx = Ctx {
        article,
        pairs: article.pairs(),
        people,
        out: Vec::new(),
    };
    states(&mut cx);
    extra(&mut cx);
    structure(&mut cx);
    let compared = cx.compared();
    copies(&mut cx, &compared);
    number_rule(&mut cx, &compared);
    list_items(&mut cx, &compared);
    qa_count(&mut cx);
    punctuation(&mut cx, &compared);
    credit(&mut cx);
    // The glossary's matches in each row's Swedish, found once for both
    // rules that use them.
    let sv_found: Vec<Vec<TermMatch>> = match matcher {
        Some(m) => compared.iter().map(|c| m.find_sv(&c.sv.text)).collect(),
        None => Vec::new(),
    };
    if let Some(matcher) = matcher {
        glossary(&mut cx, matcher, &compared, &sv_found);
    }
    if let Some(speller) = speller {
        spelling::spelling(&mut cx, speller, &sv_found, &compared);
    }
    // Segment numbers by id, looked up once: `Segmented::get` scans, and
    // an article with thousands of findings would scan once per comparison.
    let mut number: FastMap<&str, usize> = FastMap::default();
    for s in &article.fi.segments {
        number.entry(s.id.as_str()).or_insert(s.n);
    }
    let order = |f: &Finding| {
        let n = f
            .segment
            .as_deref()
            .and_then(|id| number.get(id).copied())
            .unwrap_or(usize::MAX);
        (n, f.severity, f.rule, f.line, f.column)
    };
    cx.out.sort_by_key(order);
    cx.out
}

/// For each row, the last sv.txt line of the Swedish of the nearest
/// earlier row that has some: worked out in one pass, so that thousands of
/// missing segments do not each scan back over the rows.
fn sv_end_before(article: &Article) -> Vec<Option<usize>> {
    let alignment = &article.alignment;
    let mut last = None;
    alignment
        .rows
        .iter()
        .map(|r| {
            let before = last;
            if let Some(s) = alignment.sv(r, article.sv.as_ref()) {
                last = Some(s.end_line);
            }
            before
        })
        .collect()
}

/// Where in sv.txt a Finnish segment without Swedish belongs: after the
/// Swedish of the nearest earlier row that has some (`before`, from
/// `sv_end_before`).
fn belongs_after(before: Option<usize>) -> String {
    match before {
        Some(line) => format!("it belongs after sv.txt:{line}"),
        None => "it belongs at the start of sv.txt".to_string(),
    }
}

/// `missing`, `stale`, `draft` and `edited`: what the states say.
fn states(cx: &mut Ctx<'_>) {
    let article = cx.article;
    let qa_missing: FastSet<usize> = article.alignment.qa_missing.iter().copied().collect();
    let sv_end_before = sv_end_before(article);
    for (i, pair) in cx.pairs.clone().into_iter().enumerate() {
        match pair.state {
            State::Missing => {
                let head = head(Lang::Fi, &pair.fi.text);
                if article.sv.is_none() {
                    let why = format!("no Swedish text: `{}` does not exist yet", article.sv_file);
                    cx.push(
                        Rule::Missing,
                        At::Segment(Lang::Fi, pair.fi),
                        why,
                        Some(head),
                    );
                    continue;
                }
                // A question and its answer left out together: one finding.
                let after_question = i
                    .checked_sub(1)
                    .is_some_and(|q| qa_missing.contains(&article.alignment.row_of[q]));
                if pair.fi.kind == Kind::Answer && after_question {
                    continue;
                }
                let what = if qa_missing.contains(&pair.row) && pair.fi.kind == Kind::Question {
                    let answer = article
                        .fi
                        .segments
                        .get(i + 1)
                        .map_or(String::new(), |a| format!(" and its answer {}", a.id));
                    format!("{}{answer} have no Swedish text", pair.fi.id)
                } else {
                    format!("{} has no Swedish text", pair.fi.id)
                };
                let before = sv_end_before[article.alignment.row_of[i]];
                let why = format!("{what}; {}", belongs_after(before));
                cx.push(
                    Rule::Missing,
                    At::Segment(Lang::Fi, pair.fi),
                    why,
                    Some(head),
                );
            }
            State::Stale => {
                let Some(e) = pair.entry else { continue };
                let msg = format!(
                    "the Finnish changed after {} {} it on {} (see `tolk diff {} {}`)",
                    e.by,
                    e.state.as_str(),
                    e.at,
                    article.slug,
                    pair.fi.id
                );
                let head = head(Lang::Fi, &pair.fi.text);
                cx.push(Rule::Stale, At::Segment(Lang::Fi, pair.fi), msg, Some(head));
            }
            State::Draft => {
                let Some(sv) = pair.sv else { continue };
                cx.push(
                    Rule::Draft,
                    At::Segment(Lang::Sv, sv),
                    "translated but never marked (tolk mark … --as translated)".into(),
                    None,
                );
                cx.name_segment(pair.fi);
            }
            State::Translated | State::Reviewed => {}
        }
        if pair.edited
            && let (Some(e), Some(sv)) = (pair.entry, pair.sv)
        {
            cx.push(
                Rule::Edited,
                At::Segment(Lang::Sv, sv),
                format!(
                    "changed after review by {} on {} (see `tolk diff {} {}`)",
                    e.by, e.at, article.slug, pair.fi.id
                ),
                None,
            );
            cx.name_segment(pair.fi);
        }
    }
}

fn extra(cx: &mut Ctx<'_>) {
    for sv in cx.article.extra() {
        // The finding is about the paragraph, not a segment of the Finnish.
        let message = format!(
            "the Swedish paragraph at sv.txt:{} has no Finnish counterpart",
            sv.line
        );
        cx.push(
            Rule::Extra,
            At::Line(Lang::Sv, sv.line),
            message,
            Some(head(Lang::Sv, &sv.text)),
        );
    }
}

/// `structure`: what the alignment had to work around, one finding per
/// slip at the Swedish text; a part of a segment left untranslated is
/// `missing`.
fn structure(cx: &mut Ctx<'_>) {
    let article = cx.article;
    for slip in &article.alignment.slips {
        let fi = &article.fi.segments[slip.fi];
        match (&slip.kind, &slip.sv) {
            (SlipKind::PartMissing, _) | (_, None) => cx.push(
                Rule::Missing,
                At::Segment(Lang::Fi, fi),
                slip.message.clone(),
                Some(head(Lang::Fi, &fi.text)),
            ),
            (_, Some(sv)) => cx.push(
                Rule::Structure,
                At::Segment(Lang::Sv, sv),
                slip.message.clone(),
                Some(head(Lang::Sv, &sv.text)),
            ),
        }
    }
}

/// Copy: the Swedish is the Finnish pasted over. The kicker is exempt
/// (`KAUPUNKI - STADEN` is bilingual by design), and so are short segments,
/// where names legitimately stay the same.
///
/// Finnish left inside the Swedish is a copy too: the whole Finnish text
/// behind a placeholder (`[KÄÄNNÖS PUUTTUU] …`), or a Finnish sentence of
/// [`COPIED_SENTENCE_WORDS`] or more words the translator did not get to.
/// Names, titles and addresses that stay the same are shorter than that.
fn copies<'a>(cx: &mut Ctx<'a>, compared: &[Compared<'a>]) {
    for c in compared {
        // A note in brackets where the Finnish has text (`[KÄÄNNÖS
        // PUUTTUU]`, `[översätts]`) is a translation still to come.
        if is_placeholder(&c.sv.text) && !is_placeholder(&c.fi.text) {
            cx.push(
                Rule::Missing,
                At::Segment(Lang::Sv, c.sv),
                format!(
                    "the Swedish is a placeholder, `{}`, not a translation",
                    c.sv.text.trim()
                ),
                Some(head(Lang::Sv, &c.sv.text)),
            );
            continue;
        }
        if c.fi.kind == Kind::Kicker || c.fi.words < 4 {
            continue;
        }
        if same_text(&c.fi.text, &c.sv.text) {
            // A list of people or places reads the same in both languages.
            if !only_names(&spaced_words(&c.fi.text)) {
                cx.push(
                    Rule::Copy,
                    At::Segment(Lang::Sv, c.sv),
                    "the Swedish is identical to the Finnish".into(),
                    Some(head(Lang::Sv, &c.sv.text)),
                );
            }
            continue;
        }
        // Finnish can only be left in the Swedish if its words are: most
        // rows share none of the Finnish's lower-case words of a few
        // letters (names aside), and are done without comparing them
        // word by word, or collecting the Finnish's words. (A dash that
        // `spaced_words` leaves out trims to nothing here.)
        let swedish = WordBits::of(&c.sv.text);
        let shared = crate::tokens::words(&c.fi.text)
            .map(|(_, w)| w.trim_matches(|c: char| !is_word_char(c)))
            .filter(|w| w.len() >= SHARED_BYTES && w.chars().next().is_some_and(char::is_lowercase))
            .any(|w| swedish.may_have(w));
        if !shared {
            continue;
        }
        let fi = spaced_words(&c.fi.text);
        let sv = spaced_words(&c.sv.text);
        let runs = common_runs(&fi, &sv);
        let mut report = |run: &CommonRun, message: String| {
            let (start, end) = (sv[run.sv].0, sv[run.sv + run.len - 1].1);
            cx.push(
                Rule::Copy,
                At::Words(Lang::Sv, c.sv, start, end),
                message,
                Some(excerpt(Lang::Sv, &c.sv.text, start, end, 30)),
            );
        };
        if let Some(whole) = runs.iter().find(|r| r.fi == 0 && r.len == fi.len()) {
            report(
                whole,
                "the Swedish holds the whole Finnish text, untranslated".into(),
            );
            continue;
        }
        // Sentences as ranges of words.
        let sentences: Vec<Range<usize>> = inconsistent::sentences(&c.fi.text)
            .into_iter()
            .map(|range| {
                let first = fi.partition_point(|w| w.0 < range.start);
                let end = fi.partition_point(|w| w.1 <= range.end);
                first..end.max(first)
            })
            .filter(|r| r.len() >= COPIED_SENTENCE_WORDS)
            .collect();
        for run in &runs {
            let words = &fi[run.fi..run.fi + run.len];
            if only_names(words) {
                continue;
            }
            let covers = |s: &Range<usize>| run.fi <= s.start && s.end <= run.fi + run.len;
            if sentences.iter().any(covers) {
                report(
                    run,
                    "a Finnish sentence is left untranslated in the Swedish".into(),
                );
            } else if run.len >= COPIED_RUN_WORDS {
                report(
                    run,
                    format!(
                        "{} words of the Finnish are left untranslated in the Swedish",
                        run.len
                    ),
                );
            }
        }
    }
}

/// A text that is one note in brackets and nothing else.
fn is_placeholder(text: &str) -> bool {
    let t = text.trim();
    t.len() > 2 && t.starts_with('[') && t.ends_with(']') && !t[1..t.len() - 1].contains(['[', ']'])
}

/// A whole Finnish sentence of this many words found in the Swedish is
/// Finnish left untranslated; a quoted title or an event's name kept in
/// Finnish is part of a sentence, not all of one.
const COPIED_SENTENCE_WORDS: usize = 4;

/// Any run of this many Finnish words found in the Swedish is Finnish left
/// untranslated too (one word translated at the start of a sentence).
const COPIED_RUN_WORDS: usize = 8;

/// The shortest run looked for.
const COPY_MIN_RUN: usize = 4;

/// A lower-case Finnish word of this many bytes, found in the Swedish,
/// makes the row worth comparing word by word.
const SHARED_BYTES: usize = 4;

/// Places in the Finnish a word is tried at: a word repeated more often
/// is boilerplate, and the search stays linear.
const COPY_PLACES: usize = 8;

/// The words of a text as separated by spaces, punctuation attached, with
/// their byte ranges: `(start, end, word)`.
fn spaced_words(text: &str) -> Vec<(usize, usize, &str)> {
    crate::tokens::words(text)
        // An answer's or quote's dash is layout, not a word of either language.
        .filter(|(_, w)| !w.chars().all(|ch| ch == '-' || crate::text::is_dash(ch)))
        .map(|(at, w)| (at, at + w.len(), w))
        .collect()
}

/// The words of a text of [`SHARED_BYTES`] or more, as a Bloom filter
/// (4096 bits, two of them per word): a word not in it is certainly not in
/// the text; one in it may be (a long paragraph fills it, and is then
/// compared word by word).
struct WordBits([u64; 64]);

impl WordBits {
    fn of(text: &str) -> WordBits {
        let mut bits = WordBits([0; 64]);
        for w in text.split(|c: char| !is_word_char(c)) {
            if w.len() >= SHARED_BYTES {
                for bit in Self::bits(w) {
                    bits.0[bit >> 6] |= 1 << (bit & 63);
                }
            }
        }
        bits
    }

    fn may_have(&self, word: &str) -> bool {
        Self::bits(word)
            .iter()
            .all(|&bit| self.0[bit >> 6] & (1 << (bit & 63)) != 0)
    }

    /// Two bit positions out of 4096 from one 64-bit hash.
    fn bits(word: &str) -> [usize; 2] {
        use std::hash::Hasher;
        let mut h = rustc_hash::FxHasher::default();
        h.write(word.as_bytes());
        let h = h.finish();
        [(h & 4095) as usize, ((h >> 32) & 4095) as usize]
    }
}

/// A word as copy compares it: lower case, without the punctuation around
/// it (`Remontti` and `remontti,` are the same word left in Finnish).
fn copy_key(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Every word is capitalised or a number: names, not prose.
fn only_names(words: &[(usize, usize, &str)]) -> bool {
    words.iter().all(|w| {
        w.2.trim_start_matches(|c: char| !c.is_alphanumeric())
            .chars()
            .next()
            .is_none_or(|c| c.is_uppercase() || c.is_numeric())
    })
}

/// A run of words the Finnish and the Swedish share: where it starts in
/// each (word indices) and how many words it has.
#[derive(Debug, PartialEq, Eq)]
struct CommonRun {
    fi: usize,
    sv: usize,
    len: usize,
}

/// The runs of at least [`COPY_MIN_RUN`] words `fi` and `sv` share (by
/// [`copy_key`]), left to right in the Swedish, none overlapping there:
/// at each Swedish word the longest run from any of its first
/// [`COPY_PLACES`] places in the Finnish, and after a run the search goes
/// on after it. Linear in the two texts.
fn common_runs(fi: &Words<'_>, sv: &Words<'_>) -> Vec<CommonRun> {
    let fi_keys: Vec<String> = fi.iter().map(|w| copy_key(w.2)).collect();
    let sv_keys: Vec<String> = sv.iter().map(|w| copy_key(w.2)).collect();
    let mut places: rustc_hash::FxHashMap<&str, Vec<usize>> = Default::default();
    for (i, key) in fi_keys.iter().enumerate() {
        let at = places.entry(key.as_str()).or_default();
        if at.len() < COPY_PLACES && !key.is_empty() {
            at.push(i);
        }
    }
    let mut runs = Vec::new();
    let mut j = 0;
    while j < sv_keys.len() {
        let best = places
            .get(sv_keys[j].as_str())
            .into_iter()
            .flatten()
            .map(|&p| {
                let len = fi_keys[p..]
                    .iter()
                    .zip(&sv_keys[j..])
                    .take_while(|(a, b)| a == b)
                    .count();
                (len, std::cmp::Reverse(p))
            })
            .max();
        match best {
            Some((len, std::cmp::Reverse(p))) if len >= COPY_MIN_RUN => {
                runs.push(CommonRun { fi: p, sv: j, len });
                j += len;
            }
            _ => j += 1,
        }
    }
    runs
}

type Words<'t> = [(usize, usize, &'t str)];

/// The item markers of a list (`- `, `• `, `* `, `1.`, `2)` starting a
/// line of the file), as byte ranges of the segment's text, and whether
/// each is a number. Not a list: none.
fn list_markers(seg: &Segment, source: Option<&Source>) -> Vec<(Range<usize>, bool)> {
    let Some(source) = source.filter(|_| seg.role == Element::List) else {
        return Vec::new();
    };
    let raw = source.body();
    let mut out = Vec::new();
    for &(t, src) in &seg.offsets {
        let word = seg.text[t..].split(' ').next().unwrap_or("");
        let line_start = raw[..src.min(raw.len())]
            .rfind(['\n', '\r'])
            .map_or(0, |p| p + 1);
        if !raw[line_start..src.min(raw.len())]
            .chars()
            .all(crate::text::is_space)
        {
            continue;
        }
        let digits = word.bytes().take_while(u8::is_ascii_digit).count();
        let numbered = (1..=2).contains(&digits) && matches!(&word[digits..], "." | ")");
        let dash = word.chars().count() == 1 && word.chars().all(crate::text::is_dash);
        if numbered || dash || matches!(word, "-" | "•" | "*" | "·") {
            out.push((t..t + word.len(), numbered));
        }
    }
    out
}

/// `text` with the numbers that mark list items blanked out (same length,
/// so offsets hold): `1.` before an item is not a number to compare.
fn without_item_numbers<'t>(text: &'t str, markers: &[(Range<usize>, bool)]) -> Cow<'t, str> {
    if !markers.iter().any(|(_, numbered)| *numbered) {
        return Cow::Borrowed(text);
    }
    let mut out = text.to_string();
    for (range, numbered) in markers {
        if *numbered {
            out.replace_range(range.clone(), &" ".repeat(range.len()));
        }
    }
    Cow::Owned(out)
}

/// A list that lost or gained items: the item counts differ.
fn list_items<'a>(cx: &mut Ctx<'a>, compared: &[Compared<'a>]) {
    let article = cx.article;
    for c in compared {
        let fi = list_markers(c.fi, article.source(Lang::Fi));
        let sv = list_markers(c.sv, article.source(Lang::Sv));
        // Items in paragraphs of their own are paragraphs to the aligner,
        // which reports one left out; this counts items within one. A
        // list segment is one unit to the aligner however its items are
        // spaced (`pairing::paragraphs`), so its items are counted here.
        let same_paragraphs = c.fi.parts.len() == c.sv.parts.len();
        let lists = c.fi.role == Element::List && c.sv.role == Element::List;
        if (same_paragraphs || lists) && !fi.is_empty() && !sv.is_empty() && fi.len() != sv.len() {
            cx.push(
                Rule::Structure,
                At::Segment(Lang::Sv, c.sv),
                format!(
                    "the list has {} items in the Finnish and {} in the Swedish (sv.txt:{})",
                    fi.len(),
                    sv.len(),
                    c.sv.line
                ),
                Some(head(Lang::Sv, &c.sv.text)),
            );
        }
    }
}

/// `number`, and `date-time` first: the dates and times it compares
/// leave the number comparison, so a wrong date is one finding.
fn number_rule<'a>(cx: &mut Ctx<'a>, compared: &[Compared<'a>]) {
    let article = cx.article;
    for c in compared {
        let fi_markers = list_markers(c.fi, article.source(Lang::Fi));
        let sv_markers = list_markers(c.sv, article.source(Lang::Sv));
        let fi = without_item_numbers(&c.fi.text, &fi_markers);
        let sv = without_item_numbers(&c.sv.text, &sv_markers);
        let dates = numbers::dates::compare(&fi, &sv);
        for d in &dates.conflicts {
            cx.push(
                Rule::DateTime,
                At::Words(Lang::Sv, c.sv, d.sv.start, d.sv.end),
                format!(
                    "the Swedish has the {} `{}` ({}) where the Finnish has `{}` ({})",
                    d.sv.when.kind(),
                    d.sv.text,
                    d.sv.when.describe(),
                    d.fi.text,
                    d.fi.when.describe()
                ),
                Some(excerpt(Lang::Sv, &c.sv.text, d.sv.start, d.sv.end, 30)),
            );
        }
        for m in &dates.dropped {
            cx.push(
                Rule::DateTime,
                At::Segment(Lang::Sv, c.sv),
                format!(
                    "the Finnish {} `{}` ({}) is not in the Swedish",
                    m.when.kind(),
                    m.text,
                    m.when.describe()
                ),
                Some(excerpt(Lang::Fi, &c.fi.text, m.start, m.end, 30)),
            );
        }
        let diff = numbers::compare(&dates.without(Lang::Fi, &fi), &dates.without(Lang::Sv, &sv));
        for n in &diff.missing_in_sv {
            cx.push(
                Rule::Number,
                At::Segment(Lang::Sv, c.sv),
                format!("{} in the Finnish is missing from the Swedish", n.text),
                Some(excerpt(Lang::Fi, &c.fi.text, n.start, n.end, 30)),
            );
        }
        for n in &diff.only_in_sv {
            cx.push(
                Rule::Number,
                At::Words(Lang::Sv, c.sv, n.start, n.end),
                format!("{} is only in the Swedish", n.text),
                Some(excerpt(Lang::Sv, &c.sv.text, n.start, n.end, 30)),
            );
        }
    }
}

/// A title promising N questions. The Finnish title against the Finnish
/// Q&A pairs. The Swedish title is wrong when it promises neither the
/// Finnish count nor what the Swedish has: a pair missing from the
/// Swedish is `missing` already, and a pair the writer added to the
/// Finnish afterwards makes the Finnish title wrong, not the Swedish.
fn qa_count(cx: &mut Ctx<'_>) {
    let article = cx.article;
    let fi_pairs = article
        .fi
        .segments
        .iter()
        .filter(|s| s.kind == Kind::Answer)
        .count();
    // Pairs the Swedish translates, counted on the aligned rows (an answer
    // that lost its dash still counts).
    let sv_pairs = article
        .alignment
        .rows
        .iter()
        .filter(|r| article.alignment.sv(r, article.sv.as_ref()).is_some())
        .filter(|r| {
            article.fi.segments[r.fi.clone()]
                .iter()
                .any(|s| s.kind == Kind::Answer)
        })
        .count();
    let sv_title = article
        .fi
        .segments
        .iter()
        .position(|s| s.kind == Kind::Title)
        .and_then(|i| {
            let alignment = &article.alignment;
            alignment.sv(alignment.row(i), article.sv.as_ref())
        });
    let fi_title = article.fi.segments.iter().find(|s| s.kind == Kind::Title);
    for (lang, title, pairs) in [
        (Lang::Fi, fi_title, fi_pairs),
        (Lang::Sv, sv_title, sv_pairs),
    ] {
        let Some(title) = title else { continue };
        let Some(promised) = numbers::promised_questions(&title.text, lang) else {
            continue;
        };
        let wrong = match lang {
            Lang::Fi => promised != pairs,
            Lang::Sv => promised != pairs && promised != fi_pairs,
        };
        if wrong {
            cx.push(
                Rule::QaCount,
                At::Segment(lang, title),
                format!(
                    "the title promises {promised} questions, the article has {pairs} \
                     question-answer pairs"
                ),
                Some(head(lang, &title.text)),
            );
        }
    }
}

/// A question lacking its `?` where the other side has it. (An answer
/// without its dash is a `structure` slip.)
fn punctuation<'a>(cx: &mut Ctx<'a>, compared: &[Compared<'a>]) {
    for c in compared {
        if c.joined || c.fi.kind != Kind::Question {
            continue;
        }
        let fi_q = c.fi.text.trim_end().ends_with('?');
        let sv_q = c.sv.text.trim_end().ends_with('?');
        if fi_q != sv_q {
            let (lacking, lang, seg) = if fi_q {
                ("Swedish", Lang::Sv, c.sv)
            } else {
                ("Finnish", Lang::Fi, c.fi)
            };
            cx.push(
                Rule::Punctuation,
                At::Segment(lang, seg),
                format!("the {lacking} question lacks its `?`"),
                Some(head(lang, &seg.text)),
            );
        }
    }
}

/// The printed credit: sv.txt names its translator, and that person is
/// among those who marked segments. A name `people.toml` gives as another
/// name of that person (`P. Heikkilä`) is that person.
fn credit(cx: &mut Ctx<'_>) {
    let people = cx.people;
    // Names compare ignoring case, accents and spacing (`patricia
    // heikkila` is Patricia Heikkilä), after `people.toml`'s other names.
    let same = |name: &str| {
        let name = match people {
            Some(people) => people.canonical(name),
            None => name.to_string(),
        };
        crate::people::fold(&name)
    };
    let Some(sv) = &cx.article.sv else { return };
    let credits: Vec<&crate::segment::Credit> = sv.translators().collect();
    if credits.is_empty() {
        if !sv.segments.is_empty() {
            cx.push(
                Rule::Credit,
                At::Line(Lang::Sv, 1),
                "no ÖVERSÄTTNING: line names the translator".into(),
                None,
            );
        }
        return;
    }
    // Each segment records its translator, mostly the same one or two
    // names: each is looked up in `people.toml` once.
    let recorded: FastSet<&str> = cx
        .article
        .status
        .entries
        .values()
        .map(|e| e.translated_by())
        .collect();
    let markers: FastSet<String> = recorded.into_iter().map(same).collect();
    if markers.is_empty() {
        return;
    }
    // A line may name the translators together (`Anna Lindholm och Eeva
    // Virtanen`, `A & B`, `A, B`): one of them is enough.
    let named = credits.iter().any(|c| {
        markers.contains(&same(&c.name))
            || crate::people::co_names(&c.name)
                .iter()
                .any(|n| markers.contains(&same(n)))
    });
    if !named {
        let c = credits[0];
        let mut people: Vec<String> = cx
            .article
            .status
            .entries
            .values()
            .map(|e| e.translated_by().to_string())
            .collect();
        people.sort();
        people.dedup();
        let message = format!(
            "the ÖVERSÄTTNING line names {}, but the segments were marked by {}",
            c.display,
            people.join(", ")
        );
        cx.push(Rule::Credit, At::Line(Lang::Sv, c.line), message, None);
    }
}

/// `glossary-avoid` anywhere in Swedish; `glossary-missing` when the
/// Finnish of a row uses a term and its Swedish lacks the rendering.
///
/// `sv_found` holds the matches in each row's Swedish (`compared`'s order).
fn glossary<'a>(
    cx: &mut Ctx<'a>,
    matcher: &Matcher,
    compared: &[Compared<'a>],
    sv_found: &[Vec<TermMatch>],
) {
    let article = cx.article;
    let terms = &matcher.glossary().terms;
    // Each Swedish text is searched once, for both rules: the rows' and
    // the extra paragraphs'.
    let extras = article
        .extra()
        .iter()
        .map(|s| (None, s, Cow::Owned(matcher.find_sv(&s.text))));
    let rows = compared
        .iter()
        .zip(sv_found)
        .map(|(c, found)| (Some(c), c.sv, Cow::Borrowed(found)));
    for (row, sv, sv_matches) in rows.chain(extras) {
        for m in sv_matches.iter().filter(|m| m.kind == MatchKind::Avoid) {
            let term = &terms[m.term];
            cx.push(
                Rule::GlossaryAvoid,
                At::Words(Lang::Sv, sv, m.start, m.end),
                format!("`{}`: use `{}` (for `{}`)", m.text, term.sv, term.fi),
                Some(excerpt(Lang::Sv, &sv.text, m.start, m.end, 30)),
            );
        }
        let Some(row) = row else { continue };
        // Sets, not scans: a long paragraph has thousands of matches. A
        // term whose avoided rendering is used is reported once, as
        // `glossary-avoid`, not also as lacking its rendering.
        let rendered: FastSet<usize> = sv_matches
            .iter()
            .filter(|s| matches!(s.kind, MatchKind::Sv | MatchKind::Avoid))
            .map(|s| s.term)
            .collect();
        let mut reported = FastSet::default();
        for m in matcher.find_fi(&row.fi.text) {
            if reported.contains(&m.term) {
                continue;
            }
            if !rendered.contains(&m.term) {
                reported.insert(m.term);
                let term = &terms[m.term];
                cx.push(
                    Rule::GlossaryMissing,
                    At::Segment(Lang::Sv, sv),
                    format!(
                        "the Finnish has `{}` ({}): the Swedish lacks `{}`",
                        m.text, term.fi, term.sv
                    ),
                    Some(excerpt(Lang::Fi, &row.fi.text, m.start, m.end, 30)),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_centres_on_the_words_and_marks_them() {
        let text = "Yksi kaksi kolme neljä viisi kuusi seitsemän kahdeksan yhdeksän kymmenen";
        let start = text.find("viisi").unwrap();
        let e = excerpt(Lang::Fi, text, start, start + "viisi".len(), 12);
        let (a, b) = e.highlights[0];
        assert_eq!(&e.text[a..b], "viisi");
        assert!(e.text.starts_with("… "), "{}", e.text);
        assert!(e.text.ends_with(" …"), "{}", e.text);
    }

    #[test]
    fn excerpt_in_a_later_paragraph_keeps_its_offsets() {
        let text = "– Ääni ja öljy.\n\nToinen kappale: välfärdsrapporten här.";
        let start = text.find("välfärdsrapporten").unwrap();
        let e = excerpt(Lang::Sv, text, start, start + "välfärdsrapporten".len(), 30);
        let (a, b) = e.highlights[0];
        assert_eq!(&e.text[a..b], "välfärdsrapporten");
    }

    #[test]
    fn glossary_findings_in_a_multi_paragraph_answer() {
        let glossary = crate::glossary::Glossary::parse(
            "[[term]]\nfi = \"hyvinvointikertomus\"\nsv = \"välfärdsberättelse\"\navoid = [\"välfärdsrapport\"]\n",
            "glossary.toml",
        )
        .unwrap();
        let matcher = Matcher::builtin(&glossary);
        let fi = "T\n\nMikä?\n\n– Ääni.\n\nTeemme hyvinvointikertomuksen.\n";
        let sv = "T\n\nVad?\n\n– Röst.\n\nVi gör välfärdsrapporten.\n";
        let article = Article::from_texts("x", fi, Some(sv));
        let found = check_article(&article, Some(&matcher));
        let avoid = found
            .iter()
            .find(|f| f.rule == Rule::GlossaryAvoid)
            .expect("avoid hit");
        let e = avoid.excerpt.as_ref().unwrap();
        let (a, b) = e.highlights[0];
        assert_eq!(&e.text[a..b], "välfärdsrapporten");
        // The avoided rendering is the one report for the term.
        assert!(!found.iter().any(|f| f.rule == Rule::GlossaryMissing));
        // Neither the rendering nor an avoided one: the rendering is missing.
        let sv = "T\n\nVad?\n\n– Röst.\n\nVi gör rapporten.\n";
        let article = Article::from_texts("x", fi, Some(sv));
        let found = check_article(&article, Some(&matcher));
        let missing = found
            .iter()
            .find(|f| f.rule == Rule::GlossaryMissing)
            .expect("missing rendering");
        let e = missing.excerpt.as_ref().unwrap();
        let (a, b) = e.highlights[0];
        assert_eq!(&e.text[a..b], "hyvinvointikertomuksen");
    }

    /// `excerpt` before it flattened only a window: the reference.
    fn excerpt_whole(
        text: &str,
        start: usize,
        end: usize,
        radius: usize,
    ) -> (String, (usize, usize)) {
        let flat = text.replace("\n\n", "  ");
        let (start, end) = (start.min(flat.len()), end.min(flat.len()));
        let e = excerpt_of(Lang::Fi, &flat, start, end, radius, false, false);
        (e.text, e.highlights[0])
    }

    proptest::proptest! {
        #[test]
        fn excerpt_of_a_window_is_the_excerpt_of_the_whole(
            text in "(ä|a| |\n\n|\n|x){0,80}",
            a in 0usize..120,
            len in 0usize..10,
            radius in 0usize..12,
        ) {
            let mut start = a.min(text.len());
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = (start + len).min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            let e = excerpt(Lang::Fi, &text, start, end, radius);
            proptest::prop_assert_eq!((e.text, e.highlights[0]), excerpt_whole(&text, start, end, radius));
        }
    }

    #[test]
    fn excerpt_of_short_text_is_whole() {
        let e = excerpt(Lang::Fi, "ääni 2023", 7, 11, 30);
        assert_eq!(e.text, "ääni 2023");
        assert_eq!(e.highlights, vec![(7, 11)]);
    }

    use crate::status::{Entry, Stored};

    const FI: &str = "| KAUPUNKI - STADEN\n\nKolme kysymystä kirjastosta\n\nKirjasto avautuu 2. toukokuuta kello 10.\n\nMiksi kirjasto muuttaa?\n\n– Vanha talo on liian pieni.\n\nMitä uudessa on?\n\n– Tilaa 15 000 kirjalle.\n\nMilloin avajaiset ovat?\n\n– Toukokuussa.\n";
    const SV: &str = "| KAUPUNKI - STADEN\n\nTre frågor om biblioteket\n\nBiblioteket öppnar 2 maj klockan 10.\n\nVarför flyttar biblioteket?\n\n– Det gamla huset är för litet.\n\nVad finns i det nya?\n\n– Plats för 15 000 böcker.\n\nNär är invigningen?\n\n– I maj.\n\nÖVERSÄTTNING: Patricia Heikkilä\n";

    fn rules(article: &Article) -> Vec<(String, Rule)> {
        check_article(article, None)
            .into_iter()
            .map(|f| (f.segment.unwrap_or_default(), f.rule))
            .collect()
    }

    fn marked(fi: &str, sv: &str, by: &str) -> Article {
        let mut a = Article::from_texts("x", fi, Some(sv));
        let pairs: Vec<(String, String, String)> = a
            .pairs()
            .iter()
            .map(|p| {
                (
                    p.fi.id.clone(),
                    p.fi.text.clone(),
                    p.sv.map(|s| s.text.clone()).unwrap_or_default(),
                )
            })
            .collect();
        for (id, source, sv) in pairs {
            a.status
                .set(
                    &id,
                    Entry {
                        state: Stored::Reviewed,
                        by: by.into(),
                        at: "2026-11-23".into(),
                        source,
                        translator: Some(by.into()),
                        reviewed_text: Some(sv),
                    },
                )
                .unwrap();
        }
        a
    }

    fn with_rule(article: &Article, rule: Rule) -> Vec<String> {
        rules(article)
            .into_iter()
            .filter(|(_, r)| *r == rule)
            .map(|(s, _)| s)
            .collect()
    }

    #[test]
    fn clean_marked_article_has_no_findings() {
        assert_eq!(rules(&marked(FI, SV, "Patricia Heikkilä")), vec![]);
    }

    #[test]
    fn missing_fires_on_absent_swedish_only() {
        let sv = SV.replace("– I maj.", "");
        let a = Article::from_texts("x", FI, Some(&sv));
        assert!(with_rule(&a, Rule::Missing).contains(&"a3".to_string()));
        assert!(with_rule(&Article::from_texts("x", FI, Some(SV)), Rule::Missing).is_empty());
        assert_eq!(
            with_rule(&Article::from_texts("x", FI, None), Rule::Missing).len(),
            9
        );
    }

    #[test]
    fn extra_fires_on_swedish_without_finnish() {
        let sv = SV.replace("– I maj.", "– I maj.\n\nEn fjärde fråga?\n\n– Ja.");
        // Paired by content: the Swedish-only paragraphs are named by their
        // lines, and no Finnish segment is blamed for them.
        let found = check_article(&marked(FI, &sv, "Patricia Heikkilä"), None);
        let extra: Vec<(Option<&str>, usize)> = found
            .iter()
            .filter(|f| f.rule == Rule::Extra)
            .map(|f| (f.segment.as_deref(), f.line))
            .collect();
        assert_eq!(extra, [(None, 19), (None, 21)], "{found:#?}");
        assert!(with_rule(&marked(FI, SV, "P"), Rule::Extra).is_empty());
    }

    #[test]
    fn copy_fires_on_pasted_finnish_but_not_the_kicker_or_short_names() {
        let sv = SV.replace(
            "– Det gamla huset är för litet.",
            "– Vanha talo on liian pieni.",
        );
        assert_eq!(
            with_rule(&marked(FI, &sv, "Patricia Heikkilä"), Rule::Copy),
            ["a1"]
        );
        // The kicker is the same in both languages by design.
        assert!(with_rule(&marked(FI, SV, "Patricia Heikkilä"), Rule::Copy).is_empty());
        // Under four words: a name or a date may well be the same.
        let fi = FI.replace("– Toukokuussa.", "– Maija Meikäläinen.");
        let sv = SV.replace("– I maj.", "– Maija Meikäläinen.");
        assert!(with_rule(&marked(&fi, &sv, "Patricia Heikkilä"), Rule::Copy).is_empty());
    }

    #[test]
    fn copy_fires_on_finnish_left_inside_the_swedish() {
        // Behind a placeholder.
        let sv = SV.replace(
            "– Det gamla huset är för litet.",
            "– [KÄÄNNÖS PUUTTUU] Vanha talo on liian pieni.",
        );
        assert_eq!(
            with_rule(&marked(FI, &sv, "Patricia Heikkilä"), Rule::Copy),
            ["a1"]
        );
        // One sentence translated, the next left in Finnish.
        let fi = "Kirjasto on suljettu remontin vuoksi. Remontti kestää arviolta \
                  kolme kuukautta ja maksaa kaupungille noin miljoona euroa.\n";
        let sv = "Biblioteket är stängt på grund av renovering. Remontti kestää arviolta \
                  kolme kuukautta ja maksaa kaupungille noin miljoona euroa.\n";
        let a = marked(fi, sv, "Patricia Heikkilä");
        let found: Vec<_> = check_article(&a, None)
            .into_iter()
            .filter(|f| f.rule == Rule::Copy)
            .collect();
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("sentence"), "{found:?}");
        // A name or an event's name kept in Finnish is no copy.
        let fi = "Näyttely Helsinki Design Week avataan torstaina Kauniaisten kirjastossa.\n";
        let sv = "Utställningen Helsinki Design Week öppnar på torsdag i Grankulla bibliotek.\n";
        assert!(with_rule(&marked(fi, sv, "Patricia Heikkilä"), Rule::Copy).is_empty());
    }

    #[test]
    fn copy_finds_finnish_left_in_however_it_is_punctuated() {
        let copies = |fi: &str, sv: &str| -> Vec<String> {
            let fi = format!("Otsikko tässä\n\n{fi}\n");
            let sv = format!("Rubrik här\n\n{sv}\n");
            check_article(&marked(&fi, &sv, "Patricia Heikkilä"), None)
                .into_iter()
                .filter(|f| f.rule == Rule::Copy)
                .map(|f| f.message)
                .collect()
        };
        let fi = "Kunta kehittää palveluitaan jatkuvasti yhdessä asukkaiden kanssa. Kunnan \
                  tehtävänä on tarjota palveluita.";
        // A sentence of five words, last or first.
        let sv = "Kommunen utvecklar sina tjänster kontinuerligt tillsammans med invånarna. \
                  Kunnan tehtävänä on tarjota palveluita.";
        assert_eq!(
            copies(fi, sv),
            ["a Finnish sentence is left untranslated in the Swedish"]
        );
        // The whole paragraph, its full stop dropped or its first letter
        // in lower case.
        let fi = "Remontti maksoi kaupungille yhteensä noin 450 000 euroa viime vuonna.";
        for sv in [
            "Remontti maksoi kaupungille yhteensä noin 450 000 euroa viime vuonna",
            "remontti maksoi kaupungille yhteensä noin 450 000 euroa viime vuonna!",
        ] {
            assert_eq!(
                copies(fi, sv),
                ["the Swedish holds the whole Finnish text, untranslated"],
                "{sv}"
            );
        }
        // Only its first word translated.
        let sv = "Renoveringen maksoi kaupungille yhteensä noin 450 000 euroa viime vuonna.";
        assert_eq!(
            copies(fi, sv),
            ["9 words of the Finnish are left untranslated in the Swedish"]
        );
        // A title kept in Finnish, inside a sentence, is no copy; nor is a
        // list of names that reads the same in both languages.
        let fi =
            "Teatteri esittää näytelmän \"Kun joulupukki unohti lahjat kotiin\" ensi viikolla.";
        let sv = "Teatern spelar pjäsen \"Kun joulupukki unohti lahjat kotiin\" nästa vecka.";
        assert!(copies(fi, sv).is_empty());
        let names = "- Helena Lindqvist\n- Jari Mäkelä\n- Anna-Karin Wikström";
        assert!(copies(names, names).is_empty());
    }

    #[test]
    fn a_placeholder_for_the_swedish_is_missing_not_translated() {
        let sv = SV.replace("– Det gamla huset är för litet.", "[KÄÄNNÖS PUUTTUU]");
        let a = marked(FI, &sv, "Patricia Heikkilä");
        assert_eq!(with_rule(&a, Rule::Missing), ["a1"]);
        // Brackets around a note on both sides are the text itself.
        let fi = FI.replace("– Vanha talo on liian pieni.", "[Kuva: Anna Lindholm]");
        let sv = SV.replace("– Det gamla huset är för litet.", "[Bild: Anna Lindholm]");
        assert!(with_rule(&marked(&fi, &sv, "Patricia Heikkilä"), Rule::Missing).is_empty());
        assert!(
            !is_placeholder("[a] och [b]") && !is_placeholder("[]") && is_placeholder(" [TODO] ")
        );
    }

    #[test]
    fn copy_finds_a_finnish_sentence_in_a_swedish_shorter_than_the_finnish() {
        let fi = "Kirjasto kiinni\n\nKirjasto on suljettu remontin vuoksi koko kevään ajan. Remontti \
                  kestää arviolta kolme kuukautta ja maksaa kaupungille noin miljoona euroa.\n";
        // Part of a sentence: eight words of Finnish are left in all the same.
        let sv = "Biblioteket stängt\n\nRemontti kestää arviolta kolme kuukautta ja maksaa kaupungille.\n";
        let a = marked(fi, sv, "Patricia Heikkilä");
        let found: Vec<_> = check_article(&a, None)
            .into_iter()
            .filter(|f| f.rule == Rule::Copy)
            .collect();
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].message.starts_with("8 words of the Finnish"),
            "{found:?}"
        );
        // Fewer: a phrase the languages share, not Finnish left in.
        let sv = "Biblioteket stängt\n\nRemontti kestää arviolta tre månader.\n";
        assert!(with_rule(&marked(fi, sv, "Patricia Heikkilä"), Rule::Copy).is_empty());
        let sv = "Biblioteket stängt\n\nStängt. Remontti kestää arviolta kolme kuukautta ja maksaa \
                  kaupungille noin miljoona euroa.\n";
        assert_eq!(
            with_rule(&marked(fi, sv, "Patricia Heikkilä"), Rule::Copy),
            ["p1"]
        );
    }

    #[test]
    fn common_runs_are_the_longest_left_to_right_in_the_swedish() {
        let w = |t: &'static str| spaced_words(t);
        let fi =
            w("Kunta kehittää palveluitaan jatkuvasti. Kunnan tehtävänä on tarjota palveluita.");
        let sv = w("Kommunen utvecklar sina tjänster. kunnan tehtävänä on tarjota palveluita!");
        assert_eq!(
            common_runs(&fi, &sv),
            [CommonRun {
                fi: 4,
                sv: 4,
                len: 5
            }]
        );
        // Three shared words are no run; a word repeated past
        // COPY_PLACES is tried at its first places only.
        assert!(common_runs(&w("a b c x"), &w("a b c y")).is_empty());
        let many = "a ".repeat(COPY_PLACES + 2) + "b c d";
        let fi = spaced_words(&many);
        let runs = common_runs(&fi, &w("a b c d"));
        assert!(runs.is_empty(), "{runs:?}");
        let few = "a ".repeat(COPY_PLACES - 1) + "b c d";
        let fi = spaced_words(&few);
        assert_eq!(common_runs(&fi, &w("a b c d")).len(), 1);
        // Punctuation and case aside.
        assert_eq!(
            common_runs(&w("Yksi kaksi kolme neljä."), &w("yksi, kaksi kolme neljä")).len(),
            1
        );
    }

    #[test]
    fn stale_fires_when_the_finnish_changed_but_not_on_rewrap() {
        let a = marked(FI, SV, "Patricia Heikkilä");
        let mut changed = a.clone();
        changed.fi = crate::segment::segment(&FI.replace("liian pieni", "aivan liian pieni"));
        changed.realign(&|| None);
        assert_eq!(with_rule(&changed, Rule::Stale), ["a1"]);
        let mut rewrapped = a.clone();
        rewrapped.fi = crate::segment::segment(&FI.replace("on liian", "on\nliian"));
        rewrapped.realign(&|| None);
        assert!(with_rule(&rewrapped, Rule::Stale).is_empty());
    }

    #[test]
    fn draft_fires_on_unmarked_text_only() {
        let a = Article::from_texts("x", FI, Some(SV));
        assert_eq!(with_rule(&a, Rule::Draft).len(), 9);
        assert!(with_rule(&marked(FI, SV, "Patricia Heikkilä"), Rule::Draft).is_empty());
    }

    #[test]
    fn edited_fires_when_swedish_changed_after_review() {
        let mut a = marked(FI, SV, "Eeva");
        a.sv = Some(crate::segment::segment(
            &SV.replace("för litet", "alldeles för litet"),
        ));
        a.realign(&|| None);
        assert_eq!(with_rule(&a, Rule::Edited), ["a1"]);
        let mut rewrapped = marked(FI, SV, "Eeva");
        rewrapped.sv = Some(crate::segment::segment(&SV.replace("är för", "är\nför")));
        rewrapped.realign(&|| None);
        assert!(with_rule(&rewrapped, Rule::Edited).is_empty());
    }

    #[test]
    fn number_fires_on_a_missing_year_not_on_formatting() {
        let sv = SV.replace("Plats för 15 000 böcker", "Plats för 1 500 böcker");
        let found: Vec<Finding> = check_article(&marked(FI, &sv, "Patricia Heikkilä"), None)
            .into_iter()
            .filter(|f| f.rule == Rule::Number)
            .collect();
        assert_eq!(found.len(), 2, "{found:#?}");
        assert!(found[0].message.contains("15 000"), "{}", found[0].message);
        // `15 000` against `15000` and `2.` against `2` are the same numbers.
        let sv = SV.replace("15 000", "15000");
        assert!(with_rule(&marked(FI, &sv, "Patricia Heikkilä"), Rule::Number).is_empty());
    }

    #[test]
    fn qa_count_fires_when_the_title_promises_otherwise() {
        let fi = FI.replace("Kolme kysymystä", "Neljä kysymystä");
        let a = marked(&fi, SV, "Patricia Heikkilä");
        let found = check_article(&a, None);
        let qa: Vec<&Finding> = found.iter().filter(|f| f.rule == Rule::QaCount).collect();
        assert_eq!(qa.len(), 1);
        assert!(qa[0].file.ends_with("fi.txt"));
        assert!(qa[0].message.contains("promises 4"), "{}", qa[0].message);
        assert!(with_rule(&marked(FI, SV, "P"), Rule::QaCount).is_empty());
        // The writer adds a fourth pair to the Finnish: its own title is
        // wrong now, the Swedish (three pairs, `Tre frågor`) is not.
        let fi = FI.replace(
            "– Toukokuussa.",
            "– Toukokuussa.\n\nKuka avaa?\n\n– Pormestari.",
        );
        let found = check_article(&marked(&fi, SV, "P"), None);
        let qa: Vec<&str> = found
            .iter()
            .filter(|f| f.rule == Rule::QaCount)
            .map(|f| f.file.as_str())
            .collect();
        assert_eq!(qa, ["articles/x/fi.txt"]);
        // A mistranslated count in the Swedish title.
        let sv = SV.replace("Tre frågor", "Fem frågor");
        let found = check_article(&marked(FI, &sv, "P"), None);
        let qa: Vec<&str> = found
            .iter()
            .filter(|f| f.rule == Rule::QaCount)
            .map(|f| f.file.as_str())
            .collect();
        assert_eq!(qa, ["articles/x/sv.txt"]);
    }

    #[test]
    fn punctuation_fires_on_a_lost_question_mark() {
        let sv = SV.replace("Vad finns i det nya?", "Vad finns i det nya");
        assert_eq!(
            with_rule(&marked(FI, &sv, "Patricia Heikkilä"), Rule::Punctuation),
            ["q2"]
        );
        assert!(with_rule(&marked(FI, SV, "Patricia Heikkilä"), Rule::Punctuation).is_empty());
    }

    #[test]
    fn structure_names_a_swedish_answer_without_its_dash() {
        let sv = SV.replace(
            "– Det gamla huset är för litet.",
            "Det gamla huset är för litet.",
        );
        let found = check_article(&Article::from_texts("x", FI, Some(&sv)), None);
        let p: Vec<&Finding> = found
            .iter()
            .filter(|f| f.rule != Rule::Draft && f.rule != Rule::Credit)
            .collect();
        assert_eq!(p.len(), 1, "{found:#?}");
        assert_eq!(p[0].rule, Rule::Structure);
        assert_eq!(p[0].segment.as_deref(), Some("a1"));
        assert!(
            p[0].message.contains("the answer to q1"),
            "{}",
            p[0].message
        );
        assert!(p[0].message.contains("lacks its dash"), "{}", p[0].message);
        assert_eq!(p[0].line, 9);
    }

    #[test]
    fn credit_fires_without_a_translator_line_or_with_the_wrong_name() {
        let sv = SV.replace("ÖVERSÄTTNING: Patricia Heikkilä\n", "");
        assert_eq!(
            with_rule(&marked(FI, &sv, "Patricia Heikkilä"), Rule::Credit),
            [""]
        );
        assert_eq!(
            with_rule(&marked(FI, SV, "Tiina Tulkki"), Rule::Credit),
            [""]
        );
        // Case and spacing of the name do not matter.
        let sv = SV.replace("Patricia Heikkilä", "PATRICIA  HEIKKILÄ");
        assert!(with_rule(&marked(FI, &sv, "Patricia Heikkilä"), Rule::Credit).is_empty());
        // Nor accents, typed or not (the README's promise), without a
        // `people.toml`.
        for typed in ["patricia heikkila", "PATRICIA HEIKKILA"] {
            let sv = SV.replace("Patricia Heikkilä", typed);
            assert!(
                with_rule(&marked(FI, &sv, "Patricia Heikkilä"), Rule::Credit).is_empty(),
                "{typed}"
            );
        }
        let sv = SV.replace("Patricia Heikkilä", "Patricia Heikkinen");
        assert_eq!(
            with_rule(&marked(FI, &sv, "Patricia Heikkilä"), Rule::Credit),
            [""]
        );
        // Nobody marked anything yet: nothing to compare the credit with.
        assert!(with_rule(&Article::from_texts("x", FI, Some(SV)), Rule::Credit).is_empty());
        // Translators named together: one of them marked the segments.
        for together in [
            "Anna Lindholm och Patricia Heikkilä",
            "Patricia Heikkilä & Anna Lindholm",
            "Anna Lindholm, Patricia Heikkilä",
            "PATRICIA HEIKKILÄ / ANNA LINDHOLM",
            "ANNA LINDHOLM OCH PATRICIA HEIKKILÄ",
            "Anna Lindholm ja Patricia Heikkilä",
        ] {
            let sv = SV.replace("Patricia Heikkilä", together);
            assert!(
                with_rule(&marked(FI, &sv, "Patricia Heikkilä"), Rule::Credit).is_empty(),
                "{together}"
            );
            assert_eq!(
                with_rule(&marked(FI, &sv, "Tiina Tulkki"), Rule::Credit),
                [""],
                "{together}"
            );
        }
    }
}
#[cfg(test)]
mod list_tests {
    use super::*;

    const FI: &str = "Otsikko\n\nKouluruoassa muuttuu kolme asiaa:\n1. Kasvisruokaa tarjotaan joka päivä.\n2. Leipä leivotaan koulussa.\n3. Jälkiruoka tulee kerran viikossa.\n\nMuutokset alkavat 15. tammikuuta.\n";

    fn found(sv: &str) -> Vec<(Rule, String)> {
        check_article(&Article::from_texts("x", FI, Some(sv)), None)
            .into_iter()
            .filter(|f| f.rule != Rule::Draft && f.rule != Rule::Credit)
            .map(|f| (f.rule, f.message))
            .collect()
    }

    #[test]
    fn item_numbers_are_not_numbers_and_a_dropped_item_is_one_finding() {
        let sv = "Rubrik\n\nI skolmaten ändras tre saker:\n• Vegetarisk mat serveras varje dag.\n• Brödet bakas i skolan.\n• Efterrätt blir det en gång i veckan.\n\nÄndringarna börjar den 15 januari.\n";
        assert_eq!(found(sv), []);
        let dropped = sv.replace("• Brödet bakas i skolan.\n", "");
        let f = found(&dropped);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, Rule::Structure);
        assert!(
            f[0].1
                .contains("3 items in the Finnish and 2 in the Swedish"),
            "{}",
            f[0].1
        );
        // A date that is not an item number still counts: a wrong one is
        // a `date-time` error, and only that.
        let wrong = sv.replace("15 januari", "16 januari");
        let rules: Vec<Rule> = found(&wrong).into_iter().map(|(r, _)| r).collect();
        assert_eq!(rules, [Rule::DateTime]);
    }
}
