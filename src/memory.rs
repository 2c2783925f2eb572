//! The archive as a translation memory: every translated or reviewed
//! aligned row as a Finnish–Swedish unit (what `tolk tmx` writes), and the
//! fuzzy look-up `tolk suggest` makes in it (in those units and, for rows
//! of several sentences, in their sentences: [`sentence_units`]).
//!
//! A match percentage is what CAT tools show: 100 when the Finnish is the
//! same after whitespace normalisation; otherwise the word-level edit
//! distance (Levenshtein over lower-cased words, punctuation ignored) as a
//! share of the longer text, capped at 99 (texts that differ only in
//! punctuation or case are not exact matches). One changed word in twenty
//! is 95%. Words rather than character n-grams because a translator reuses
//! a translation sentence by sentence, word by word: a Finnish inflection
//! change is one word to revise, and that is what the figure counts.
//!
//! The look-up is exact, not heuristic: an inverted index maps each word
//! *occurrence* (`ja`, `ja#2`, …) to the units holding it, so counting
//! shared keys gives the multiset intersection of the two word lists. A
//! unit can reach `min` percent only if that intersection is at least
//! `min`% of the longer list (every word kept by an edit script is a shared
//! word), so only units passing that bound are scored, and none that could
//! pass is skipped.

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::article::{Article, State};
use crate::checks::inconsistent::sentences;
use crate::text::normalize_ws;

/// One translated or reviewed row of an article: the Finnish segments it
/// covers (usually one) and the Swedish the alignment gives them.
#[derive(Debug, Clone, Serialize)]
pub struct Unit {
    pub slug: String,
    /// The Finnish ids of the row (`p3`, or `p3`, `p4` for a merged row).
    pub ids: Vec<String>,
    /// The role of the row's first segment (`paragraph`, `question`, …).
    pub role: &'static str,
    pub fi: String,
    pub sv: String,
    /// `translated` or `reviewed` (the lower of the row's segments).
    pub state: State,
    /// Who translated it.
    pub translator: String,
    /// Who reviewed it, when reviewed.
    pub reviewer: Option<String>,
    /// When the state was recorded (`status.toml`'s `at`, the latest of
    /// the row's segments).
    pub at: String,
    /// For a sentence of the row (see [`sentence_units`]), its number
    /// (from 1); `None` for the whole row.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentence: Option<usize>,
}

impl Unit {
    /// `slug/p3`, or `slug/p3+p4` for a merged row.
    pub fn tuid(&self) -> String {
        format!("{}/{}", self.slug, self.ids.join("+"))
    }
}

/// The units of one article, in reading order: each row whose Finnish
/// segments are all translated or reviewed and whose Swedish is there.
/// Missing, draft and stale segments are left out (a stale one's Swedish
/// translates a Finnish text that is no longer there), and so is a
/// reviewed segment whose Swedish changed after the review (`reviewed*`
/// in `tolk status`): nobody vouches for the new text.
pub fn units(article: &Article) -> Vec<Unit> {
    let pairs = article.pairs();
    let mut out = Vec::new();
    for row in &article.alignment.rows {
        let Some(members) = pairs.get(row.fi.clone()).filter(|m| !m.is_empty()) else {
            continue;
        };
        let done = members
            .iter()
            .all(|p| matches!(p.state, State::Translated | State::Reviewed) && !p.edited);
        let (Some(first), Some(sv)) = (members.first(), members.first().and_then(|p| p.sv)) else {
            continue;
        };
        if !done {
            continue;
        }
        let entries: Vec<_> = members.iter().filter_map(|p| p.entry).collect();
        let Some(entry) = entries.first() else {
            continue;
        };
        let state = if members.iter().all(|p| p.state == State::Reviewed) {
            State::Reviewed
        } else {
            State::Translated
        };
        let fi = article.alignment.fi_text(row, &article.fi).text.clone();
        let at = entries
            .iter()
            .map(|e| e.at.trim())
            .max()
            .unwrap_or_default()
            .to_string();
        out.push(Unit {
            slug: article.slug.clone(),
            ids: members.iter().map(|p| p.fi.id.clone()).collect(),
            role: first.fi.role.as_str(),
            fi,
            sv: sv.text.clone(),
            state,
            translator: entry.translated_by().to_string(),
            reviewer: (state == State::Reviewed).then(|| entry.by.clone()),
            at,
            sentence: None,
        });
    }
    out
}

/// The sentences of rows of several sentences, as units of their own,
/// where the Finnish and the Swedish have as many sentences (split as the
/// `inconsistent` rule splits them): a CAT tool segments by sentence, and
/// a sentence repeated from inside a longer paragraph or a merged row is
/// an exact match a translator should be offered.
pub fn sentence_units(units: &[Unit]) -> Vec<Unit> {
    let mut out = Vec::new();
    for unit in units {
        let fi = sentences(&unit.fi);
        if fi.len() < 2 {
            continue;
        }
        let sv = sentences(&unit.sv);
        if sv.len() != fi.len() {
            continue;
        }
        for (n, (f, s)) in fi.into_iter().zip(sv).enumerate() {
            out.push(Unit {
                fi: unit.fi[f].to_string(),
                sv: unit.sv[s].to_string(),
                sentence: Some(n + 1),
                ..unit.clone()
            });
        }
    }
    out
}

/// The words a match percentage counts: lower-cased runs of letters and
/// digits.
pub fn match_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(crate::tokens::fold)
        .collect()
}

/// The match percentage of two Finnish texts (see the module docs).
pub fn percent(a: &str, b: &str) -> u8 {
    score(
        &normalize_ws(a),
        &normalize_ws(b),
        &match_words(a),
        &match_words(b),
    )
}

/// The percentage of two whitespace-normalised texts and their words.
fn score<W: PartialEq>(a: &str, b: &str, wa: &[W], wb: &[W]) -> u8 {
    if a == b {
        return 100;
    }
    let longest = wa.len().max(wb.len());
    if longest == 0 {
        return 0;
    }
    // strsim wants sized collections: views of the words, not copies.
    let (va, vb): (Vec<&W>, Vec<&W>) = (wa.iter().collect(), wb.iter().collect());
    let distance = strsim::generic_levenshtein(&va, &vb);
    let share = 1.0 - distance as f64 / longest as f64;
    // Floor, not round: 94.9% is not 95%.
    ((share * 100.0).floor() as u8).min(99)
}

/// A unit found for a query, with its percentage.
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    pub unit: usize,
    pub percent: u8,
}

/// One distinct Finnish text of the memory (a paragraph reused in many
/// articles is scored once) and the units that hold it.
struct Text {
    normal: String,
    words: Vec<u32>,
    units: Vec<u32>,
}

/// The memory with its inverted index of word occurrences.
pub struct Memory {
    pub units: Vec<Unit>,
    texts: Vec<Text>,
    /// Word → its number (words are compared as numbers).
    vocabulary: FxHashMap<String, u32>,
    /// (word, occurrence) → the texts holding that word that many times.
    index: FxHashMap<u64, Vec<u32>>,
}

/// The index keys of a word list: each word with its occurrence number
/// (`ja`, `ja` again, …), so that shared keys count shared words with
/// multiplicity.
fn keys(words: &[u32]) -> Vec<u64> {
    let mut seen: FxHashMap<u32, u32> = FxHashMap::default();
    words
        .iter()
        .map(|&w| {
            let n = seen.entry(w).or_insert(0);
            *n += 1;
            (u64::from(w) << 32) | u64::from(*n)
        })
        .collect()
}

impl Memory {
    pub fn new(units: Vec<Unit>) -> Memory {
        let mut vocabulary: FxHashMap<String, u32> = FxHashMap::default();
        let mut by_text: FxHashMap<String, u32> = FxHashMap::default();
        let mut texts: Vec<Text> = Vec::new();
        for (i, unit) in units.iter().enumerate() {
            let normal = normalize_ws(&unit.fi);
            if let Some(&t) = by_text.get(&normal) {
                texts[t as usize].units.push(i as u32);
                continue;
            }
            let words = match_words(&normal)
                .into_iter()
                .map(|w| {
                    let next = vocabulary.len() as u32;
                    *vocabulary.entry(w).or_insert(next)
                })
                .collect();
            by_text.insert(normal.clone(), texts.len() as u32);
            texts.push(Text {
                normal,
                words,
                units: vec![i as u32],
            });
        }
        let mut index: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
        for (t, text) in texts.iter().enumerate() {
            for key in keys(&text.words) {
                index.entry(key).or_default().push(t as u32);
            }
        }
        Memory {
            units,
            texts,
            vocabulary,
            index,
        }
    }

    /// The best units for `fi`, at least `min` percent, best first (ties:
    /// reviewed before translated, then archive order), at most `limit`,
    /// each Finnish–Swedish pair once; units `skip` refuses (the segment
    /// itself) are left out.
    pub fn search(
        &self,
        fi: &str,
        min: u8,
        limit: usize,
        skip: impl Fn(&Unit) -> bool,
    ) -> Vec<Hit> {
        let normal = normalize_ws(fi);
        let min = min.min(100) as usize;
        // Words the memory does not have match nothing: numbers past the
        // vocabulary, each its own.
        let mut unknown = self.vocabulary.len() as u32;
        let words: Vec<u32> = match_words(&normal)
            .into_iter()
            .map(|w| {
                self.vocabulary.get(&w).copied().unwrap_or_else(|| {
                    unknown += 1;
                    unknown
                })
            })
            .collect();
        let scored: Vec<(usize, u8)> = if words.is_empty() {
            // No words at all (a lone dash): only the same text matches.
            (0..self.texts.len())
                .filter(|&t| self.texts[t].normal == normal)
                .map(|t| (t, 100))
                .collect()
        } else {
            self.fuzzy(&normal, &words, min)
        };
        let mut hits: Vec<Hit> = scored
            .into_iter()
            .flat_map(|(t, percent)| {
                self.texts[t].units.iter().map(move |&unit| Hit {
                    unit: unit as usize,
                    percent,
                })
            })
            .filter(|h| !skip(&self.units[h.unit]))
            .collect();
        hits.sort_by(|a, b| {
            b.percent
                .cmp(&a.percent)
                .then_with(|| self.units[b.unit].state.cmp(&self.units[a.unit].state))
                .then_with(|| a.unit.cmp(&b.unit))
        });
        // The same pair stored in several articles (a reused paragraph) is
        // one suggestion: the best-placed copy stands for the others.
        let mut seen = rustc_hash::FxHashSet::default();
        hits.retain(|h| {
            let u = &self.units[h.unit];
            seen.insert((normalize_ws(&u.fi), normalize_ws(&u.sv)))
        });
        hits.truncate(limit);
        hits
    }

    /// The texts scoring at least `min` for a query of `words`.
    fn fuzzy(&self, normal: &str, words: &[u32], min: usize) -> Vec<(usize, u8)> {
        // A text reaching `min` shares at least `need` keys with the query
        // (the longer text is at least as long as the query), so it is in
        // at least one list once the `need - 1` longest are set aside:
        // candidates come from those rarer lists only, and the common ones
        // (`ja`, `on`) only add to the candidates' counts.
        let mut lists: Vec<&[u32]> = keys(words)
            .iter()
            .map(|k| self.index.get(k).map(Vec::as_slice).unwrap_or_default())
            .collect();
        let need = (min * lists.len()).div_ceil(100).max(1);
        lists.sort_by_key(|l| l.len());
        let seeding = lists.len() + 1 - need;
        let mut shared = vec![0u32; self.texts.len()];
        let mut candidates: Vec<u32> = Vec::new();
        for (i, list) in lists.iter().enumerate() {
            for &t in *list {
                let n = &mut shared[t as usize];
                if i < seeding {
                    if *n == 0 {
                        candidates.push(t);
                    }
                    *n += 1;
                } else if *n > 0 {
                    *n += 1;
                }
            }
        }
        candidates
            .into_iter()
            .filter_map(|t| {
                let text = &self.texts[t as usize];
                let theirs = text.words.len();
                let longest = words.len().max(theirs);
                let shortest = words.len().min(theirs);
                // Enough shared words, and lengths close enough, to reach
                // `min` at all (an edit script keeps at most the shorter).
                let n = shared[t as usize] as usize;
                if n * 100 < min * longest || shortest * 100 < min * longest {
                    return None;
                }
                let p = score(normal, &text.normal, words, &text.words);
                (p as usize >= min).then_some((t as usize, p))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_text_is_100_and_whitespace_does_not_count() {
        assert_eq!(percent("Kirjasto avautuu.", "Kirjasto  avautuu.\n"), 100);
    }

    #[test]
    fn punctuation_or_case_alone_is_99_not_100() {
        assert_eq!(percent("Kirjasto avautuu.", "kirjasto avautuu!"), 99);
    }

    #[test]
    fn one_word_in_twenty_is_95() {
        let a = "yksi kaksi kolme neljä viisi kuusi seitsemän kahdeksan yhdeksän kymmenen \
                 yksitoista kaksitoista kolmetoista neljätoista viisitoista kuusitoista \
                 seitsemäntoista kahdeksantoista yhdeksäntoista kaksikymmentä";
        let b = a.replace("viisi ", "vitonen ");
        assert_eq!(percent(a, &b), 95);
    }

    #[test]
    fn unrelated_sentences_score_low() {
        let p = percent(
            "Kirjasto avaa ovensa jälleen maanantaina remontin jälkeen.",
            "Valtuusto hyväksyi ensi vuoden talousarvion yksimielisesti.",
        );
        assert!(p < 20, "{p}");
    }

    fn unit(fi: &str) -> Unit {
        Unit {
            slug: "a".into(),
            ids: vec!["p1".into()],
            role: "paragraph",
            fi: fi.into(),
            sv: "sv".into(),
            state: State::Translated,
            translator: "T".into(),
            reviewer: None,
            at: String::new(),
            sentence: None,
        }
    }

    #[test]
    fn search_finds_every_unit_over_the_threshold_and_none_under_it() {
        let memory = Memory::new(vec![
            unit("Kirjasto avaa ovensa jälleen maanantaina remontin jälkeen."),
            unit("Kirjasto avaa ovensa jälleen tiistaina remontin jälkeen."),
            unit("Valtuusto hyväksyi talousarvion."),
            unit("ja ja ja ja ja ja ja"),
        ]);
        let hits = memory.search(
            "Kirjasto avaa ovensa jälleen maanantaina remontin jälkeen.",
            60,
            10,
            |_| false,
        );
        let got: Vec<(usize, u8)> = hits.iter().map(|h| (h.unit, h.percent)).collect();
        assert_eq!(got, vec![(0, 100), (1, 85)]);
        // A repeated word is shared only as often as both texts have it.
        let hits = memory.search("ja ja talo", 60, 10, |_| false);
        assert!(hits.is_empty(), "{hits:?}");
    }

    proptest::proptest! {
        /// The index prunes, never loses: the same units as scoring every
        /// unit of the memory.
        #[test]
        fn search_is_the_same_as_scoring_every_unit(
            texts in proptest::collection::vec(
                proptest::collection::vec(0usize..6, 0..9), 1..30),
            query in proptest::collection::vec(0usize..6, 0..9),
            min in 1u8..=100,
        ) {
            const WORDS: [&str; 6] = ["ja", "kirjasto", "on", "auki", "ja,", "Kello"];
            let text = |w: &Vec<usize>| {
                w.iter().map(|&i| WORDS[i]).collect::<Vec<_>>().join(" ")
            };
            let units: Vec<Unit> = texts
                .iter()
                .enumerate()
                .map(|(i, w)| Unit { sv: format!("sv {i}"), ..unit(&text(w)) })
                .collect();
            let q = text(&query);
            let memory = Memory::new(units.clone());
            let mut got: Vec<(usize, u8)> = memory
                .search(&q, min, usize::MAX, |_| false)
                .iter()
                .map(|h| (h.unit, h.percent))
                .collect();
            let mut want: Vec<(usize, u8)> = units
                .iter()
                .enumerate()
                .map(|(i, u)| (i, percent(&q, &u.fi)))
                .filter(|&(_, p)| p >= min)
                .collect();
            got.sort();
            want.sort();
            proptest::prop_assert_eq!(got, want);
        }
    }
}
