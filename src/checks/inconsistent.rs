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

use std::hash::{BuildHasher, Hash, Hasher};

use rustc_hash::{FxBuildHasher, FxHashMap};

use crate::article::{Article, State};
use crate::checks::{ByteSpan, Excerpt, Finding, Rule, Severity};
use crate::lang::Lang;
use crate::text::{ellipsize, is_space, word_count};

/// Finnish texts shorter than this many words are not compared.
pub const MIN_WORDS: usize = 4;

/// How many other articles a message names before `and N more`.
const NAMED: usize = 3;

/// One translated sentence (or segment) of one article, as the index
/// keeps it: hashes of its normalised texts and where its Swedish is.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Hash of the normalised Finnish.
    key: u64,
    /// Hash of the normalised Swedish.
    rendering: u64,
    /// The Finnish segment id.
    segment: String,
    /// The Swedish, shortened for messages.
    sv: String,
    line: usize,
    column: usize,
    span: ByteSpan,
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
        .is_some_and(|c| c.is_uppercase() || matches!(c, '–' | '—'))
}

/// The sentences of `text` as byte ranges, in order: a sentence ends at a
/// word ending in `.`, `!` or `?` (closing quotes and brackets allowed)
/// followed by a word that starts with a capital or a dash, and at every
/// paragraph break (`\n\n`) and the end. Abbreviations in
/// [`ABBREVIATIONS`] and initials do not end one, nor does a full stop
/// before a digit or a small letter (`6.12. klo 18`). The same rule as
/// `text::sentence_count`, with the abbreviations added.
pub fn sentences(text: &str) -> Vec<std::ops::Range<usize>> {
    // Words as byte ranges, each with whether a paragraph break follows.
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

/// `text` as the index compares it: words joined by one space, lower
/// case, typographic quotes and apostrophes as `"` and `'`, dashes and
/// hyphens of every kind as `-`.
pub fn normalised(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(is_space).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '“' | '”' | '„' | '«' | '»' | '″' => out.push('"'),
                '‘' | '’' | '‚' | '‹' | '›' | '′' | '`' | '´' => out.push('\''),
                '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => out.push('-'),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

fn hash(text: &str) -> u64 {
    let mut h = FxBuildHasher.build_hasher();
    normalised(text).hash(&mut h);
    h.finish()
}

/// The index entries of one article: its translated and reviewed pairs
/// that are one Finnish segment each (a row joined from several Finnish
/// segments has no Swedish of its own to compare).
pub fn entries(article: &Article) -> ArticleEntries {
    let mut out = Vec::new();
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
        if word_count(&fi.text) < MIN_WORDS {
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
            if word_count(fi_text) < MIN_WORDS {
                continue;
            }
            let sv_text = &sv.text[s.clone()];
            let span = source.span(sv, s.start, s.end);
            out.push(Entry {
                key: hash(fi_text),
                rendering: hash(sv_text),
                segment: fi.id.clone(),
                sv: ellipsize(&crate::text::normalize_ws(sv_text), 50),
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
        for &(a, e) in occurrences {
            let entry = &articles[a].entries[e];
            // The other articles that render it otherwise, each once,
            // grouped by their rendering.
            let mut others: Vec<(&Entry, Vec<String>)> = Vec::new();
            let mut seen = 0;
            let mut last = None;
            for &(oa, oe) in occurrences {
                let other = &articles[oa].entries[oe];
                if oa == a || other.rendering == entry.rendering || last == Some(oa) {
                    continue;
                }
                last = Some(oa);
                seen += 1;
                if seen > NAMED {
                    continue;
                }
                let name = format!("`{}` ({})", articles[oa].slug, other.segment);
                match others
                    .iter_mut()
                    .find(|(r, _)| r.rendering == other.rendering)
                {
                    Some((_, names)) => names.push(name),
                    None => others.push((other, vec![name])),
                }
            }
            if others.is_empty() {
                continue;
            }
            let named: Vec<String> = others
                .iter()
                .map(|(other, names)| format!("\"{}\" in {}", other.sv, names.join(", ")))
                .collect();
            let more = match seen.saturating_sub(NAMED) {
                0 => String::new(),
                1 => " and 1 more article".to_string(),
                n => format!(" and {n} more articles"),
            };
            let art = &articles[a];
            out.push(Finding {
                article: art.slug.clone(),
                segment: Some(entry.segment.clone()),
                rule: Rule::Inconsistent,
                severity,
                message: format!(
                    "translated \"{}\" here; {}{more}",
                    entry.sv,
                    named.join("; ")
                ),
                file: art.sv_file.clone(),
                line: entry.line,
                column: entry.column,
                span: Some(entry.span),
                // The rendering itself: the words the finding is about.
                excerpt: Some(Excerpt {
                    lang: Lang::Sv.as_str(),
                    text: entry.sv.clone(),
                    highlights: vec![(0, entry.sv.len())],
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

    #[test]
    fn normalised_folds_space_case_quotes_and_dashes() {
        assert_eq!(
            normalised("  ”Tervetuloa”  –\u{a0}KAIKKI\nmukaan ’nyt’ "),
            "\"tervetuloa\" - kaikki mukaan 'nyt'"
        );
        assert_eq!(normalised("a - b"), normalised("A – B"));
    }
}
