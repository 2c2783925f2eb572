//! Numbers 0–12 written as words, cardinal and ordinal, in Finnish (all
//! cases, clitics) and Swedish.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::Number;
use crate::lang::{Lang, fi, sv};
use crate::tokens::{SOFT_HYPHEN, is_hyphen, tokenize};

/// A number written as a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Word {
    pub(super) value: u8,
    pub(super) ordinal: bool,
}

/// Finnish clitics that attach to any word: `kaksikin`, `yhtäkään`.
fn strip_clitic(word: &str) -> &str {
    ["kin", "kaan", "kään"]
        .iter()
        .find_map(|clitic| word.strip_suffix(clitic).filter(|w| !w.is_empty()))
        .unwrap_or(word)
}

fn fi_cardinal(word: &str) -> Option<u8> {
    let lookup = |w: &str| {
        fi::CARDINALS
            .iter()
            .find(|(_, forms)| forms.contains(&w))
            .map(|&(n, _)| n)
    };
    if let Some(n) = lookup(word) {
        return Some(n);
    }
    // `yksitoista`, `kahdentoista`, `yhdessätoista`: 11 and 12 inflect
    // their first part.
    let first = word.strip_suffix("toista")?;
    match lookup(first)? {
        1 => Some(11),
        2 => Some(12),
        _ => None,
    }
}

fn fi_ordinal(word: &str) -> Option<u8> {
    if let Some(&(n, _)) = fi::ORDINALS.iter().find(|(_, forms)| forms.contains(&word)) {
        return Some(n);
    }
    fi::ORDINAL_STEMS.iter().find_map(|&(n, stem)| {
        let ending = word.strip_prefix(stem)?;
        let ending = if n >= 11 {
            ending.strip_suffix("toista")?
        } else {
            ending
        };
        fi::ORDINAL_ENDINGS.contains(&ending).then_some(n)
    })
}

pub(super) fn cardinal_word(word: &str, lang: Lang) -> Option<u8> {
    match lang {
        Lang::Fi => fi_cardinal(strip_clitic(word)),
        Lang::Sv => sv::CARDINALS
            .iter()
            .find(|&&(w, _)| w == word)
            .map(|&(_, n)| n),
    }
}

fn ordinal_word(word: &str, lang: Lang) -> Option<u8> {
    match lang {
        Lang::Fi => fi_ordinal(strip_clitic(word)),
        Lang::Sv => sv::ORDINALS
            .iter()
            .find(|&&(w, _)| w == word)
            .map(|&(_, n)| n),
    }
}

/// A word as a number: cardinal first, then ordinal.
fn number_word_slow(word: &str, lang: Lang) -> Option<Word> {
    cardinal_word(word, lang)
        .map(|value| Word {
            value,
            ordinal: false,
        })
        .or_else(|| {
            ordinal_word(word, lang).map(|value| Word {
                value,
                ordinal: true,
            })
        })
}

/// Every word [`number_word_slow`] reads as a number (before a Finnish
/// clitic), with its value and whether it is an ordinal: one hash look-up
/// per word instead of a scan of all the forms, stems and endings, for
/// every word of every segment whose numbers do not pair off by digits.
/// Built once per language from the same tables, by the slow reading.
fn table(lang: Lang) -> &'static FxHashMap<String, (u8, bool)> {
    static FI: OnceLock<FxHashMap<String, (u8, bool)>> = OnceLock::new();
    static SV: OnceLock<FxHashMap<String, (u8, bool)>> = OnceLock::new();
    let cell = match lang {
        Lang::Fi => &FI,
        Lang::Sv => &SV,
    };
    cell.get_or_init(|| {
        let candidates: Vec<String> = match lang {
            Lang::Fi => {
                let forms = fi::CARDINALS.iter().chain(fi::ORDINALS);
                let forms = forms.flat_map(|(_, forms)| forms.iter().map(|f| f.to_string()));
                let teens = fi::CARDINALS
                    .iter()
                    .flat_map(|(_, forms)| forms.iter().map(|f| format!("{f}toista")));
                let stems = fi::ORDINAL_STEMS.iter().flat_map(|&(n, stem)| {
                    let teen = if n >= 11 { "toista" } else { "" };
                    fi::ORDINAL_ENDINGS
                        .iter()
                        .map(move |ending| format!("{stem}{ending}{teen}"))
                });
                forms.chain(teens).chain(stems).collect()
            }
            Lang::Sv => sv::CARDINALS
                .iter()
                .chain(sv::ORDINALS)
                .map(|(w, _)| w.to_string())
                .collect(),
        };
        candidates
            .into_iter()
            .filter_map(|w| {
                // The candidates carry no clitic: read them as written.
                let found = match lang {
                    Lang::Fi => fi_cardinal(&w)
                        .map(|n| (n, false))
                        .or_else(|| fi_ordinal(&w).map(|n| (n, true))),
                    Lang::Sv => number_word_slow(&w, lang).map(|n| (n.value, n.ordinal)),
                };
                found.map(|found| (w, found))
            })
            .collect()
    })
}

/// A word as a number, as [`number_word_slow`] reads it.
fn number_word(word: &str, lang: Lang) -> Option<Word> {
    let word = match lang {
        Lang::Fi => strip_clitic(word),
        Lang::Sv => word,
    };
    table(lang)
        .get(word)
        .map(|&(value, ordinal)| Word { value, ordinal })
}

/// The numbers 0–12 written as words, cardinal or ordinal. `numbers` are
/// the digit numbers of `text`: words glued to one are not read.
pub(super) fn number_words(text: &str, numbers: &[Number], lang: Lang) -> Vec<Word> {
    let mut out = Vec::new();
    let mut folded = String::new();
    for (start, end) in word_spans(text, numbers) {
        fold_into(&text[start..end], &mut folded);
        // Each part of a hyphenated word counts: `kaksi-kolme`, `två-tre`.
        for part in folded.split(is_hyphen) {
            out.extend(number_word(part, lang));
        }
    }
    out
}

/// [`crate::tokens::fold`] into `out`, reusing its buffer, and ASCII lower-cased without
/// the Unicode tables: this folds every word of a segment.
fn fold_into(word: &str, out: &mut String) {
    out.clear();
    for c in word.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if c != SOFT_HYPHEN {
            out.extend(c.to_lowercase().map(|c| if c == '’' { '\'' } else { c }));
        }
    }
}

/// The spans of the word tokens of `text` that hold a letter and are no
/// part of one of its `numbers` (`1990-luvulla`, `3D` belong to theirs).
pub(super) fn word_spans<'a>(
    text: &'a str,
    numbers: &'a [Number],
) -> impl Iterator<Item = (usize, usize)> + 'a {
    // Tokens come in order, so the numbers starting before a token's end
    // only grow: keep the furthest end among them instead of testing every
    // number against every token.
    let mut by_start: Vec<(usize, usize)> = numbers.iter().map(|n| (n.start, n.end)).collect();
    by_start.sort_unstable();
    let mut next = 0;
    let mut furthest_end = 0;
    tokenize(text, false)
        .into_iter()
        .map(|t| (t.start, t.end))
        .filter(|&(start, end)| text[start..end].chars().any(char::is_alphabetic))
        .filter(move |&(start, end)| {
            while let Some(&(n_start, n_end)) = by_start.get(next)
                && n_start < end
            {
                furthest_end = furthest_end.max(n_end);
                next += 1;
            }
            furthest_end <= start
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::fold;

    /// Words made of the tables' pieces, clitics and letters around them.
    fn word_like() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let mut pieces: Vec<String> = ["toista", "kin", "kaan", "kään", "a", "n", "ä", "s", ""]
            .iter()
            .map(|s| s.to_string())
            .collect();
        pieces.extend(
            fi::CARDINALS
                .iter()
                .chain(fi::ORDINALS)
                .flat_map(|(_, f)| f.iter().map(|f| f.to_string())),
        );
        pieces.extend(fi::ORDINAL_STEMS.iter().map(|(_, s)| s.to_string()));
        pieces.extend(fi::ORDINAL_ENDINGS.iter().map(|s| s.to_string()));
        pieces.extend(
            sv::CARDINALS
                .iter()
                .chain(sv::ORDINALS)
                .map(|(w, _)| w.to_string()),
        );
        prop::collection::vec(prop::sample::select(pieces), 1..4).prop_map(|v| v.concat())
    }

    proptest::proptest! {
        #[test]
        fn the_table_reads_as_the_slow_reading(word in word_like()) {
            for lang in [Lang::Fi, Lang::Sv] {
                proptest::prop_assert_eq!(number_word(&word, lang), number_word_slow(&word, lang));
            }
        }

        #[test]
        fn fold_into_folds_as_fold(word in "\\PC{0,12}|[a-zA-ZåäöÅÄÖ\u{AD}’'İΣ-]{0,12}") {
            let mut out = "left over".to_string();
            fold_into(&word, &mut out);
            proptest::prop_assert_eq!(out, fold(&word));
        }

        #[test]
        fn the_table_reads_any_string_as_the_slow_reading(word in "\\PC{0,12}") {
            for lang in [Lang::Fi, Lang::Sv] {
                proptest::prop_assert_eq!(number_word(&word, lang), number_word_slow(&word, lang));
            }
        }
    }

    #[test]
    fn every_table_word_with_every_clitic_reads_as_the_slow_reading() {
        for lang in [Lang::Fi, Lang::Sv] {
            for word in table(lang).keys() {
                for clitic in ["", "kin", "kaan", "kään"] {
                    let word = format!("{word}{clitic}");
                    assert_eq!(
                        number_word(&word, lang),
                        number_word_slow(&word, lang),
                        "{word}"
                    );
                }
            }
        }
        // The table holds the teens and the stems' forms.
        assert_eq!(
            number_word("kahdentoista", Lang::Fi).map(|w| w.value),
            Some(12)
        );
        assert_eq!(
            number_word("yhdettätoista", Lang::Fi).map(|w| (w.value, w.ordinal)),
            Some((11, true))
        );
        assert_eq!(
            number_word("kolmannessakin", Lang::Fi).map(|w| (w.value, w.ordinal)),
            Some((3, true))
        );
    }

    #[test]
    fn fi_ordinal_words() {
        for (word, n) in [
            ("ensimmäinen", 1),
            ("toisena", 2),
            ("kolmas", 3),
            ("kolmannen", 3),
            ("neljättä", 4),
            ("viidentenä", 5),
            ("kuudetta", 6),
            ("kymmenennen", 10),
            ("yhdestoista", 11),
            ("kahdettatoista", 12),
        ] {
            assert_eq!(fi_ordinal(word), Some(n), "{word}");
        }
        assert_eq!(fi_ordinal("kolmatoista"), None);
    }
}
