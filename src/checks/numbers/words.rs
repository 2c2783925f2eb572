//! Numbers 0–12 written as words, cardinal and ordinal, in Finnish (all
//! cases, clitics) and Swedish.

use super::Number;
use crate::lang::{Lang, fi, sv};
use crate::tokens::{fold, is_hyphen, tokenize};

/// A number written as a word.
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

/// The numbers 0–12 written as words, cardinal or ordinal. `numbers` are
/// the digit numbers of `text`: words glued to one are not read.
pub(super) fn number_words(text: &str, numbers: &[Number], lang: Lang) -> Vec<Word> {
    let mut out = Vec::new();
    for (start, end) in word_spans(text, numbers) {
        // Each part of a hyphenated word counts: `kaksi-kolme`, `två-tre`.
        for part in fold(&text[start..end]).split(is_hyphen) {
            let word = cardinal_word(part, lang)
                .map(|value| Word {
                    value,
                    ordinal: false,
                })
                .or_else(|| {
                    ordinal_word(part, lang).map(|value| Word {
                        value,
                        ordinal: true,
                    })
                });
            out.extend(word);
        }
    }
    out
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
