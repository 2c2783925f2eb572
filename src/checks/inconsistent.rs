//! The `inconsistent` rule (DESIGN §6): a Finnish sentence that recurs in
//! several articles should read the same in Swedish everywhere. Unlike the
//! other rules it needs every article of the run, so it works in two
//! steps: [`entries`] reads one article (in the parallel per-article pass
//! of `check`) and [`findings`] groups what all articles gave once.
//!
//! What is compared: translated or reviewed pairs, sentence by sentence
//! where both sides have as many sentences ([`sentences`]), otherwise the
//! whole segments. A Finnish text under [`MIN_WORDS`] words is left out:
//! names, dates and short headings recur with good reason to differ.
//! Texts are compared [`normalised`]. Repeats within one article do not
//! count: an occurrence fires only when another article renders it
//! differently, so one article alone never fires.

use std::hash::{BuildHasher, Hasher};

use rustc_hash::{FxBuildHasher, FxHashMap};

use crate::article::{Article, State};
use crate::checks::{ByteSpan, Excerpt, Finding, Rule, Severity};
use crate::lang::Lang;
use crate::text::{ellipsize, has_words, is_dash, is_space};

/// Finnish texts shorter than this many words are not compared.
pub const MIN_WORDS: usize = 4;

/// Characters of a Swedish rendering kept for messages.
const KEPT: usize = 160;

/// Characters of a rendering a message shows, around the first place
/// where it differs from the one it is compared with.
const SHOWN: usize = 50;

/// How many other articles a message names before `and N more`.
const NAMED: usize = 3;

/// One translated sentence (or segment) of one article, as the index
/// keeps it: hashes of its normalised texts and where its Swedish is.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Hash of the normalised Finnish.
    pub key: u64,
    /// Hash of the normalised Swedish.
    pub rendering: u64,
    /// The Finnish segment id.
    pub segment: String,
    /// The Swedish, whitespace normalised, up to [`KEPT`] characters: what
    /// messages show of it.
    pub sv: String,
    pub line: usize,
    pub column: usize,
    pub span: ByteSpan,
}

/// One article's entries, with what its findings need to name it.
#[derive(Debug, Clone)]
pub struct ArticleEntries {
    pub slug: String,
    pub sv_file: String,
    pub entries: Vec<Entry>,
}

/// Words that end in a full stop without ending a sentence: Finnish and
/// Swedish abbreviations common in the magazine (compared in lower case).
/// An initial (`A. Virtanen`) does not end one either.
const ABBREVIATIONS: [&[&str]; 2] = [
    &[
        "esim.", "klo.", "ks.", "mm.", "ns.", "noin.", "jne.", "yms.", "ym.", "vrt.", "puh.",
        "os.", "tms.", "ts.", "prof.", "toim.", "huom.", "em.", "ao.", "kpl.", "milj.", "mrd.",
        "tri.", "fil.", "dos.", "kok.", "ma.", "ti.", "ke.", "to.", "pe.", "la.", "su.",
    ],
    &[
        "kl.", "t.ex.", "bl.a.", "s.k.", "dvs.", "d.v.s.", "m.m.", "o.s.v.", "osv.", "ca.",
        "cirka.", "tel.", "nr.", "st.", "f.d.", "p.g.a.", "pga.", "enl.", "jfr.", "obs.", "resp.",
        "tf.", "mån.", "tis.", "ons.", "tors.", "fre.", "lör.", "sön.",
    ],
];

/// Whether `word` (as written, punctuation included) ends a sentence when
/// the next word allows it.
fn ends_sentence(word: &str) -> bool {
    // Most words end in a letter, a digit or a comma: no full stop, and no
    // closing quote or bracket one could hide behind (those are `"`, `)`
    // or end in a continuation byte).
    if let Some(&last) = word.as_bytes().last()
        && last.is_ascii()
        && !matches!(last, b'.' | b'!' | b'?' | b'"' | b')')
    {
        return false;
    }
    ends_sentence_read(word)
}

/// [`ends_sentence`] without its first test, which only answers sooner.
fn ends_sentence_read(word: &str) -> bool {
    let bare = word.trim_end_matches(['”', '"', '»', ')', '’']);
    if !bare.ends_with(['.', '!', '?']) {
        return false;
    }
    if bare.ends_with(['!', '?']) || bare.len() < word.len() {
        return true;
    }
    let lower = bare
        .trim_start_matches(['(', '”', '"', '«', '»', '‘', '’'])
        .to_lowercase();
    let stem = &lower[..lower.len() - 1];
    let initial = stem.chars().count() == 1 && stem.chars().all(char::is_alphabetic);
    !(initial
        || ABBREVIATIONS
            .iter()
            .any(|list| list.contains(&lower.as_str())))
}

/// Whether `word` can start a sentence: a capital letter or a dash (an
/// answer or a quote), after any opening quote or bracket. A digit does
/// not (`kl. 15`, `6.12. 2025`).
fn starts_sentence(word: &str) -> bool {
    word.chars()
        .find(|c| !matches!(c, '”' | '"' | '»' | '«' | '(' | '‘'))
        .is_some_and(|c| c.is_uppercase() || is_dash(c))
}

/// The sentences of `text` as byte ranges, in order: a sentence ends at a
/// word ending in `.`, `!` or `?` (closing quotes and brackets allowed)
/// followed by a word that starts with a capital or a dash, and at every
/// paragraph break (`\n\n`) and the end. Abbreviations in
/// [`ABBREVIATIONS`] and initials do not end one, nor does a full stop
/// before a digit or a small letter (`6.12. klo 18`). The same rule as
/// `text::sentence_count`, with the abbreviations added.
pub fn sentences(text: &str) -> Vec<std::ops::Range<usize>> {
    // One pass over the bytes, each word settled when the next is found:
    // all but a few bytes are ASCII, and a non-ASCII character is decoded
    // only to ask whether it is a space.
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    // Where the open sentence starts, and its last word so far.
    let mut from = None;
    let mut last: Option<(usize, usize)> = None;
    // Line breaks since that word: two are a paragraph break.
    let mut breaks = 0;
    let mut i = 0;
    while i < bytes.len() {
        let (space, len) = space_at(text, i);
        if space {
            breaks += usize::from(bytes[i] == b'\n');
            i += len;
            continue;
        }
        let start = i;
        i += len;
        while i < bytes.len() {
            let (space, len) = space_at(text, i);
            if space {
                break;
            }
            i += len;
        }
        if let Some((a, b)) = last
            && (breaks >= 2 || (ends_sentence(&text[a..b]) && starts_sentence(&text[start..i])))
        {
            out.push(from.take().unwrap_or(a)..b);
        }
        from.get_or_insert(start);
        last = Some((start, i));
        breaks = 0;
    }
    if let Some((a, b)) = last {
        out.push(from.unwrap_or(a)..b);
    }
    out
}

/// Whether the character at byte `i` of `text` (a character boundary) is
/// a space ([`is_space`]), and its length.
#[inline]
fn space_at(text: &str, i: usize) -> (bool, usize) {
    let b = text.as_bytes()[i];
    if b.is_ascii() {
        return (matches!(b, b' ' | b'\t'..=b'\r'), 1);
    }
    let c = text[i..].chars().next().unwrap_or(' ');
    (is_space(c), c.len_utf8())
}

/// [`sentences`] from the words of `text` (byte ranges, each with whether
/// a paragraph break follows).
#[cfg(test)]
fn sentences_of_words(text: &str, words: &[(usize, usize, bool)]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut from = None;
    for (k, &(a, b, para)) in words.iter().enumerate() {
        let first = *from.get_or_insert(a);
        let next = words.get(k + 1);
        let ends = para
            || next.is_none_or(|&(na, nb, _)| {
                ends_sentence(&text[a..b]) && starts_sentence(&text[na..nb])
            });
        if ends {
            out.push(first..b);
            from = None;
        }
    }
    out
}

/// [`sentences`] as it was written first, over `char_indices`: what the
/// tests hold the byte loop to.
#[cfg(test)]
fn sentences_simple(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut words: Vec<(usize, usize, bool)> = Vec::new();
    let mut start = None;
    let mut breaks = 0;
    for (i, c) in text.char_indices() {
        if is_space(c) {
            if let Some(s) = start.take() {
                words.push((s, i, false));
                breaks = 0;
            }
            if c == '\n' {
                breaks += 1;
                if breaks >= 2
                    && let Some(last) = words.last_mut()
                {
                    last.2 = true;
                }
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        words.push((s, text.len(), false));
    }
    sentences_of_words(text, &words)
}

/// The characters of `text` as the index compares it ([`normalised`]),
/// each to `out`: the oracle of [`fold_into`].
#[cfg(test)]
fn fold(text: &str, mut out: impl FnMut(char)) {
    for (i, word) in text.split(is_space).filter(|w| !w.is_empty()).enumerate() {
        if i > 0 {
            out(' ');
        }
        for c in word.chars() {
            fold_char(c, &mut out);
        }
    }
}

/// One character of a word as [`normalised`] writes it.
#[inline]
fn fold_char(c: char, mut out: impl FnMut(char)) {
    // Most characters are ASCII letters (the backtick is an apostrophe
    // below).
    if c.is_ascii() && c != '`' {
        out(c.to_ascii_lowercase());
        return;
    }
    match c {
        '“' | '”' | '„' | '«' | '»' | '″' => out('"'),
        '‘' | '’' | '‚' | '‹' | '›' | '′' | '`' | '´' => out('\''),
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => out('-'),
        _ => c.to_lowercase().for_each(out),
    }
}

/// `text` as the index compares it: words joined by one space, lower
/// case, typographic quotes and apostrophes as `"` and `'`, dashes and
/// hyphens of every kind as `-` ([`fold_char`]).
pub fn normalised(text: &str) -> String {
    let mut bytes = Vec::with_capacity(text.len());
    fold_into(text, &mut bytes);
    String::from_utf8(bytes).expect("whole characters folded into whole characters")
}

/// [`normalised`] as first written, a character at a time: what the tests
/// hold [`fold_into`] to.
#[cfg(test)]
fn normalised_simple(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    fold(text, |c| s.push(c));
    s
}

/// The hash of `text` [`normalised`], which it is written into: `buf` is
/// the caller's, used again for every sentence. Equal normalised texts,
/// equal bytes, equal hashes.
fn hash(text: &str, buf: &mut Vec<u8>) -> u64 {
    buf.clear();
    fold_into(text, buf);
    let mut h = FxBuildHasher.build_hasher();
    h.write(buf);
    h.finish()
}

/// [`normalised`] into `out`, as UTF-8. A run of ASCII is copied whole and then
/// lower-cased: a space, a backtick or a capital is the only ASCII byte
/// folding changes.
fn fold_into(text: &str, out: &mut Vec<u8>) {
    let bytes = text.as_bytes();
    let is_ascii_space = |b: u8| matches!(b, b' ' | b'\t'..=b'\r');
    // A space is written only between words: after the first, before the
    // next.
    let mut started = false;
    let mut gap = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let c = if b.is_ascii() {
            None
        } else {
            // `i` is at a character boundary: every step is a whole one.
            text[i..].chars().next()
        };
        if c.map_or(is_ascii_space(b), is_space) {
            gap = started;
            i += c.map_or(1, char::len_utf8);
            continue;
        }
        if gap {
            out.push(b' ');
            gap = false;
        }
        started = true;
        match c {
            None => {
                let run = bytes[i..]
                    .iter()
                    .position(|&b| !b.is_ascii() || is_ascii_space(b))
                    .unwrap_or(bytes.len() - i);
                let at = out.len();
                out.extend_from_slice(&bytes[i..i + run]);
                for b in &mut out[at..] {
                    *b = if *b == b'`' {
                        b'\''
                    } else {
                        b.to_ascii_lowercase()
                    };
                }
                i += run;
            }
            Some(c) => {
                i += c.len_utf8();
                fold_char(c, |f| {
                    out.extend_from_slice(f.encode_utf8(&mut [0; 4]).as_bytes());
                });
            }
        }
    }
}

/// The index entries of one article: its translated and reviewed pairs
/// that are one Finnish segment each (a row joined from several Finnish
/// segments has no Swedish of its own to compare).
pub fn entries(article: &Article) -> ArticleEntries {
    let mut out = Vec::new();
    let mut folded = Vec::new();
    let source = article.source(Lang::Sv);
    for pair in article.pairs() {
        if !matches!(pair.state, State::Translated | State::Reviewed) {
            continue;
        }
        let (Some(sv), Some(source)) = (pair.sv, source) else {
            continue;
        };
        if article.alignment.rows[pair.row].fi.len() > 1 {
            continue;
        }
        let fi = pair.fi;
        if !has_words(&fi.text, MIN_WORDS) {
            continue;
        }
        let fs = sentences(&fi.text);
        let ss = sentences(&sv.text);
        let whole = [(0..fi.text.len(), 0..sv.text.len())];
        let units: Vec<_> = if fs.len() == ss.len() {
            fs.into_iter().zip(ss).collect()
        } else {
            whole.to_vec()
        };
        for (f, s) in units {
            let fi_text = &fi.text[f];
            if !has_words(fi_text, MIN_WORDS) {
                continue;
            }
            let sv_text = &sv.text[s.clone()];
            let span = source.span(sv, s.start, s.end);
            out.push(Entry {
                key: hash(fi_text, &mut folded),
                rendering: hash(sv_text, &mut folded),
                segment: fi.id.clone(),
                sv: ellipsize(&crate::text::normalize_ws(sv_text), KEPT),
                line: span.line,
                column: span.column,
                span: ByteSpan {
                    start: span.start,
                    end: span.end,
                },
            });
        }
    }
    ArticleEntries {
        slug: article.slug.clone(),
        sv_file: article.sv_file.clone(),
        entries: out,
    }
}

/// One Swedish rendering of a recurring Finnish sentence.
struct Rendering<'a> {
    hash: u64,
    /// Its first occurrence, for its text.
    entry: &'a Entry,
    /// Its first occurrences in distinct articles, (article, entry).
    first: Vec<(usize, usize)>,
    /// Articles that use this rendering and no other.
    only: usize,
}

/// About [`SHOWN`] characters of `text`, from a little before the first
/// character where it differs from `other` (ignoring letter case), so two
/// renderings that differ late (`På Grankullas webbsidor …`, `På Åbos
/// webbsidor …`) show their difference; `…` marks what is left out.
fn around_difference(text: &str, other: &str) -> String {
    let same = text
        .chars()
        .zip(other.chars())
        .take_while(|(a, b)| a.to_lowercase().eq(b.to_lowercase()))
        .count();
    let chars: Vec<char> = text.chars().collect();
    let mut from = same.saturating_sub(SHOWN / 3);
    // Start at a word.
    while from > 0 && chars[from - 1] != ' ' {
        from -= 1;
    }
    let tail: String = chars[from..].iter().collect();
    let shown = ellipsize(&tail, SHOWN);
    if from > 0 {
        format!("… {shown}")
    } else {
        shown
    }
}

/// The `inconsistent` findings over every article's entries, at
/// `severity`, in the order of `articles`.
pub fn findings(articles: &[ArticleEntries], severity: Severity) -> Vec<Finding> {
    // Key → occurrences (article, entry), in article order.
    let mut groups: FxHashMap<u64, Vec<(usize, usize)>> = FxHashMap::default();
    for (a, art) in articles.iter().enumerate() {
        for (e, entry) in art.entries.iter().enumerate() {
            groups.entry(entry.key).or_default().push((a, e));
        }
    }
    let mut out = Vec::new();
    for occurrences in groups.values() {
        let get = |&(a, e): &(usize, usize)| &articles[a].entries[e];
        let first = get(&occurrences[0]).rendering;
        if occurrences.iter().all(|o| get(o).rendering == first) {
            continue;
        }
        // Per rendering, in order of first use: its first entry and the
        // first articles using it (enough to name). Per article, the
        // renderings it uses, so that counting "the other articles that
        // render it otherwise" stays linear in the group.
        let mut renderings: Vec<Rendering> = Vec::new();
        let mut per_article: FxHashMap<usize, Vec<u64>> = FxHashMap::default();
        for &(a, e) in occurrences {
            let entry = &articles[a].entries[e];
            let used = per_article.entry(a).or_default();
            if used.contains(&entry.rendering) {
                continue;
            }
            used.push(entry.rendering);
            let i = match renderings.iter().position(|r| r.hash == entry.rendering) {
                Some(i) => i,
                None => {
                    renderings.push(Rendering {
                        hash: entry.rendering,
                        entry,
                        first: Vec::new(),
                        only: 0,
                    });
                    renderings.len() - 1
                }
            };
            if renderings[i].first.len() <= NAMED {
                renderings[i].first.push((a, e));
            }
        }
        for used in per_article.values() {
            if let [one] = used.as_slice()
                && let Some(r) = renderings.iter_mut().find(|r| r.hash == *one)
            {
                r.only += 1;
            }
        }
        let total = per_article.len();
        // The rendering most articles use is the archive's: when one
        // rendering has more articles than every other, its occurrences
        // are not reported, only those that differ from it (a recurring
        // line rendered the usual way in 40 articles and otherwise in 2 is
        // 2 warnings, not 42). On a tie, every occurrence is.
        let mut users: FxHashMap<u64, usize> = FxHashMap::default();
        for used in per_article.values() {
            for r in used {
                *users.entry(*r).or_default() += 1;
            }
        }
        let most = users.values().copied().max().unwrap_or(0);
        let established = {
            let mut top = users.iter().filter(|(_, n)| **n == most);
            match (top.next(), top.next()) {
                (Some((r, _)), None) => Some(*r),
                _ => None,
            }
        };
        for &(a, e) in occurrences {
            let entry = &articles[a].entries[e];
            if established == Some(entry.rendering) {
                continue;
            }
            let only = renderings
                .iter()
                .find(|r| r.hash == entry.rendering)
                .map_or(0, |r| r.only);
            // The other articles, less those whose one rendering is this
            // one (this article among them when it uses no other).
            let alone = usize::from(per_article[&a].len() == 1);
            let seen = total - 1 - (only - alone);
            if seen == 0 {
                continue;
            }
            let mut others: Vec<(&Entry, Vec<String>)> = Vec::new();
            let mut named = 0;
            for r in renderings.iter().filter(|r| r.hash != entry.rendering) {
                let names: Vec<String> = r
                    .first
                    .iter()
                    .filter(|&&(oa, _)| oa != a)
                    .take(NAMED - named)
                    .map(|&(oa, oe)| {
                        format!(
                            "`{}` ({})",
                            articles[oa].slug, articles[oa].entries[oe].segment
                        )
                    })
                    .collect();
                named += names.len();
                if !names.is_empty() {
                    others.push((r.entry, names));
                }
                if named == NAMED {
                    break;
                }
            }
            if others.is_empty() {
                continue;
            }
            let named: Vec<String> = others
                .iter()
                .map(|(other, names)| {
                    let shown = around_difference(&other.sv, &entry.sv);
                    format!("\"{shown}\" in {}", names.join(", "))
                })
                .collect();
            let more = match seen.saturating_sub(NAMED) {
                0 => String::new(),
                1 => " and 1 more article".to_string(),
                n => format!(" and {n} more articles"),
            };
            let here = around_difference(&entry.sv, &others[0].0.sv);
            let art = &articles[a];
            out.push(Finding {
                article: art.slug.clone(),
                segment: Some(entry.segment.clone()),
                rule: Rule::Inconsistent,
                severity,
                message: format!("translated \"{here}\" here; {}{more}", named.join("; ")),
                file: art.sv_file.clone(),
                line: entry.line,
                column: entry.column,
                span: Some(entry.span),
                // The rendering itself: the words the finding is about.
                excerpt: Some(Excerpt {
                    lang: Lang::Sv.as_str(),
                    highlights: vec![(0, here.len())],
                    text: here,
                }),
            });
        }
    }
    // Groups come out of the map in no set order: order as the articles.
    out.sort_by(|a, b| (&a.article, a.line, a.column).cmp(&(&b.article, b.line, b.column)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn sentences_keep_abbreviations_dates_and_times() {
        assert_eq!(
            split("Tilaisuus alkaa klo 18. Esim. Helsinki on mukana. Lisätietoja saa toimistosta."),
            [
                "Tilaisuus alkaa klo 18.",
                "Esim. Helsinki on mukana.",
                "Lisätietoja saa toimistosta."
            ]
        );
        assert_eq!(
            split("Evenemanget börjar kl. 18. Det finns t.ex. Kaffe. Välkommen!"),
            [
                "Evenemanget börjar kl. 18.",
                "Det finns t.ex. Kaffe.",
                "Välkommen!"
            ]
        );
        assert_eq!(
            split("la 6.12. klo 12–13.30 juhla. A. Virtanen puhuu."),
            ["la 6.12. klo 12–13.30 juhla.", "A. Virtanen puhuu."]
        );
        assert_eq!(split("– Kyllä. – Ei."), ["– Kyllä.", "– Ei."]);
        assert_eq!(
            split("”Kyllä.” Sitten hän lähti."),
            ["”Kyllä.”", "Sitten hän lähti."]
        );
        assert_eq!(
            split("Eka kappale\n\ntoka kappale"),
            ["Eka kappale", "toka kappale"]
        );
        assert!(split("").is_empty());
    }

    fn entry(key: u64, rendering: u64, segment: &str, line: usize) -> Entry {
        Entry {
            key,
            rendering,
            segment: segment.to_string(),
            sv: format!("rendering {rendering}"),
            line,
            column: 1,
            span: ByteSpan { start: 0, end: 1 },
        }
    }

    fn article(slug: &str, entries: Vec<Entry>) -> ArticleEntries {
        ArticleEntries {
            slug: slug.to_string(),
            sv_file: format!("articles/{slug}/sv.txt"),
            entries,
        }
    }

    #[test]
    fn repeats_within_one_article_do_not_count() {
        let alone = [article(
            "a",
            vec![entry(7, 1, "p1", 3), entry(7, 2, "p4", 9)],
        )];
        assert!(findings(&alone, Severity::Warning).is_empty());
        // Another article rendering it one way: rendering 1 is used by
        // both articles, rendering 2 by one, so rendering 1 is the
        // archive's and only the occurrence that differs from it fires.
        let two = [
            article("a", vec![entry(7, 1, "p1", 3), entry(7, 2, "p4", 9)]),
            article("b", vec![entry(7, 1, "p2", 5)]),
        ];
        let found = findings(&two, Severity::Warning);
        let at: Vec<(&str, Option<&str>)> = found
            .iter()
            .map(|f| (f.article.as_str(), f.segment.as_deref()))
            .collect();
        assert_eq!(at, [("a", Some("p4"))]);
        assert_eq!(
            found[0].message,
            "translated \"rendering 2\" here; \"rendering 1\" in `b` (p2)"
        );
        // A tie (one article each way): both fire.
        let tie = [
            article("a", vec![entry(7, 1, "p1", 3)]),
            article("b", vec![entry(7, 2, "p2", 5)]),
        ];
        let found = findings(&tie, Severity::Warning);
        assert_eq!(found.len(), 2);
        assert_eq!(
            found[1].message,
            "translated \"rendering 2\" here; \"rendering 1\" in `a` (p1)"
        );
    }

    #[test]
    fn messages_name_three_articles_and_count_the_rest() {
        let mut articles = vec![article("a", vec![entry(7, 1, "p1", 3)])];
        for slug in ["b", "c", "d", "e", "f"] {
            articles.push(article(slug, vec![entry(7, 2, "p1", 3)]));
        }
        let found = findings(&articles, Severity::Error);
        // Five articles agree: only the one that differs is reported.
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].article, "a");
        assert_eq!(found[0].severity, Severity::Error);
        assert_eq!(
            found[0].message,
            "translated \"rendering 1\" here; \"rendering 2\" in `b` (p1), `c` (p1), `d` (p1) \
             and 2 more articles"
        );
    }

    #[test]
    fn messages_show_where_renderings_differ() {
        let a = "På Grankullas webbsidor har vi förnyat sidorna för föreningar och samfund.";
        let b = "På Åbos webbsidor har vi förnyat sidorna för föreningar och samfund.";
        assert_eq!(
            around_difference(a, b),
            "På Grankullas webbsidor har vi förnyat sidorna fö…"
        );
        let a = "Från och med början av 2020 har kommunerna en plikt att ordna det här.";
        let b = "Från och med början av 2019 har kommunerna en plikt att ordna det här.";
        assert_eq!(
            around_difference(a, b),
            "… med början av 2020 har kommunerna en plikt att or…"
        );
        assert_eq!(around_difference("Kort.", "Kort!"), "Kort.");
    }

    #[test]
    fn normalised_folds_space_case_quotes_and_dashes() {
        assert_eq!(
            normalised("  ”Tervetuloa”  –\u{a0}KAIKKI\nmukaan ’nyt’ "),
            "\"tervetuloa\" - kaikki mukaan 'nyt'"
        );
        assert_eq!(normalised("a - b"), normalised("A – B"));
    }

    /// Texts of the characters the byte loops treat apart: ASCII spaces
    /// and line breaks, other spaces (NBSP, zero-width, BOM), full stops
    /// and closing quotes, backticks, capitals whose lower case is longer,
    /// dashes and letters.
    fn odd_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        const PIECES: &[&str] = &[
            " ",
            "  ",
            "\n",
            "\n\n",
            "\r\n",
            "\t",
            "\u{a0}",
            "\u{200b}",
            "\u{feff}",
            "\u{2009}",
            "\u{3000}",
            ".",
            "!",
            "?",
            "\"",
            ")",
            "”",
            "’",
            "»",
            "«",
            "(",
            "`",
            "´",
            "–",
            "—",
            "-",
            "kl.",
            "t.ex.",
            "A.",
            "Klo",
            "esim.",
            "Hän",
            "sade",
            "Ärlig",
            "ÖVRIGT",
            "İ",
            "ΣΑΣ",
            "6.12.",
            "18",
            "abc",
            "Xyz",
            "ä",
            "ß",
            "\u{1f600}",
        ];
        proptest::collection::vec(proptest::sample::select(PIECES), 0..24)
            .prop_map(|pieces| pieces.concat())
    }

    #[test]
    fn the_byte_loops_read_as_the_char_loops() {
        use proptest::prelude::*;
        proptest!(ProptestConfig::with_cases(2000), |(text in odd_text())| {
            prop_assert_eq!(sentences(&text), sentences_simple(&text), "{:?}", text);
            let mut buf = b"left over".to_vec();
            let _ = hash(&text, &mut buf);
            let expected = normalised_simple(&text);
            prop_assert_eq!(&buf[..], expected.as_bytes(), "{:?}", text);
            for word in text.split(is_space) {
                prop_assert_eq!(ends_sentence(word), ends_sentence_read(word), "{:?}", word);
            }
        });
    }

    #[test]
    fn equal_normalised_texts_hash_alike() {
        let mut buf = Vec::new();
        let a = hash("  ”Tervetuloa”  –\u{a0}KAIKKI\nmukaan", &mut buf);
        let b = hash("\"tervetuloa\" - kaikki mukaan ", &mut buf);
        let c = hash("\"tervetuloa\" - kaikki mukana", &mut buf);
        assert_eq!(a, b);
        assert_ne!(a, c);
    }
}
