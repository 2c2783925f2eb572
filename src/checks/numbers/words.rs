//! Numbers 0–12 written as words, cardinal and ordinal, in Finnish (all
//! cases, clitics) and Swedish.

use super::Number;
use crate::lang::Lang;
use crate::tokens::{fold, is_hyphen, tokenize};

/// A number written as a word.
pub(super) struct Word {
    pub(super) value: u8,
    pub(super) ordinal: bool,
}

const FI_CARDINALS: &[(u8, &[&str])] = &[
    (
        0,
        &[
            "nolla", "nollan", "nollaa", "nollassa", "nollasta", "nollaan", "nollalla", "nollalta",
            "nollalle", "nollana", "nollaksi",
        ],
    ),
    (
        1,
        &[
            "yksi", "yhden", "yhtä", "yhdessä", "yhdestä", "yhteen", "yhdellä", "yhdeltä",
            "yhdelle", "yhtenä", "yhdeksi",
        ],
    ),
    (
        2,
        &[
            "kaksi", "kahden", "kahta", "kahdessa", "kahdesta", "kahteen", "kahdella", "kahdelta",
            "kahdelle", "kahtena", "kahdeksi",
        ],
    ),
    (
        3,
        &[
            "kolme", "kolmen", "kolmea", "kolmessa", "kolmesta", "kolmeen", "kolmella", "kolmelta",
            "kolmelle", "kolmena", "kolmeksi",
        ],
    ),
    (
        4,
        &[
            "neljä",
            "neljän",
            "neljää",
            "neljässä",
            "neljästä",
            "neljään",
            "neljällä",
            "neljältä",
            "neljälle",
            "neljänä",
            "neljäksi",
        ],
    ),
    (
        5,
        &[
            "viisi",
            "viiden",
            "viittä",
            "viidessä",
            "viidestä",
            "viiteen",
            "viidellä",
            "viideltä",
            "viidelle",
            "viitenä",
            "viideksi",
        ],
    ),
    (
        6,
        &[
            "kuusi", "kuuden", "kuutta", "kuudessa", "kuudesta", "kuuteen", "kuudella", "kuudelta",
            "kuudelle", "kuutena", "kuudeksi",
        ],
    ),
    (
        7,
        &[
            "seitsemän",
            "seitsemää",
            "seitsentä",
            "seitsemässä",
            "seitsemästä",
            "seitsemään",
            "seitsemällä",
            "seitsemältä",
            "seitsemälle",
            "seitsemänä",
            "seitsemäksi",
        ],
    ),
    (
        8,
        &[
            "kahdeksan",
            "kahdeksaa",
            "kahdeksassa",
            "kahdeksasta",
            "kahdeksaan",
            "kahdeksalla",
            "kahdeksalta",
            "kahdeksalle",
            "kahdeksana",
            "kahdeksaksi",
        ],
    ),
    (
        9,
        &[
            "yhdeksän",
            "yhdeksää",
            "yhdeksässä",
            "yhdeksästä",
            "yhdeksään",
            "yhdeksällä",
            "yhdeksältä",
            "yhdeksälle",
            "yhdeksänä",
            "yhdeksäksi",
        ],
    ),
    (
        10,
        &[
            "kymmenen",
            "kymmentä",
            "kymmenessä",
            "kymmenestä",
            "kymmeneen",
            "kymmenellä",
            "kymmeneltä",
            "kymmenelle",
            "kymmenenä",
            "kymmeneksi",
        ],
    ),
];

/// Stems of the Finnish ordinals, each taking [`FI_ORDINAL_ENDINGS`]
/// (`kolma-s`, `kolma-nnen`, `kolma-tta`); 1 and 2 are irregular.
const FI_ORDINAL_STEMS: &[(u8, &str)] = &[
    (3, "kolma"),
    (4, "neljä"),
    (5, "viide"),
    (6, "kuude"),
    (7, "seitsemä"),
    (8, "kahdeksa"),
    (9, "yhdeksä"),
    (10, "kymmene"),
    (11, "yhde"),
    (12, "kahde"),
];

/// Nominative, genitive, partitive (both vowel harmonies), essive,
/// inessive, elative, illative, adessive, allative, translative.
const FI_ORDINAL_ENDINGS: &[&str] = &[
    "s", "nnen", "tta", "ttä", "ntena", "ntenä", "nnessa", "nnessä", "nnesta", "nnestä", "nteen",
    "nnella", "nnellä", "nnelle", "nneksi",
];

const FI_ORDINALS: &[(u8, &[&str])] = &[
    (
        1,
        &[
            "ensimmäinen",
            "ensimmäisen",
            "ensimmäistä",
            "ensimmäisenä",
            "ensimmäisessä",
            "ensimmäisestä",
            "ensimmäiseen",
            "ensimmäisellä",
            "ensimmäiselle",
            "ensimmäiseksi",
            "ensimmäiset",
        ],
    ),
    (
        2,
        &[
            "toinen", "toisen", "toista", "toisena", "toisessa", "toisesta", "toiseen", "toisella",
            "toiselle", "toiseksi",
        ],
    ),
];

const SV_CARDINALS: &[(&str, u8)] = &[
    ("noll", 0),
    ("en", 1),
    ("ett", 1),
    ("två", 2),
    ("tre", 3),
    ("fyra", 4),
    ("fem", 5),
    ("sex", 6),
    ("sju", 7),
    ("åtta", 8),
    ("nio", 9),
    ("tio", 10),
    ("elva", 11),
    ("tolv", 12),
];

const SV_ORDINALS: &[(&str, u8)] = &[
    ("första", 1),
    ("förste", 1),
    ("andra", 2),
    ("andre", 2),
    ("tredje", 3),
    ("fjärde", 4),
    ("femte", 5),
    ("sjätte", 6),
    ("sjunde", 7),
    ("åttonde", 8),
    ("nionde", 9),
    ("tionde", 10),
    ("elfte", 11),
    ("tolfte", 12),
];

/// Finnish clitics that attach to any word: `kaksikin`, `yhtäkään`.
fn strip_clitic(word: &str) -> &str {
    ["kin", "kaan", "kään"]
        .iter()
        .find_map(|clitic| word.strip_suffix(clitic).filter(|w| !w.is_empty()))
        .unwrap_or(word)
}

fn fi_cardinal(word: &str) -> Option<u8> {
    let lookup = |w: &str| {
        FI_CARDINALS
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
    if let Some(&(n, _)) = FI_ORDINALS.iter().find(|(_, forms)| forms.contains(&word)) {
        return Some(n);
    }
    FI_ORDINAL_STEMS.iter().find_map(|&(n, stem)| {
        let ending = word.strip_prefix(stem)?;
        let ending = if n >= 11 {
            ending.strip_suffix("toista")?
        } else {
            ending
        };
        FI_ORDINAL_ENDINGS.contains(&ending).then_some(n)
    })
}

pub(super) fn cardinal_word(word: &str, lang: Lang) -> Option<u8> {
    match lang {
        Lang::Fi => fi_cardinal(strip_clitic(word)),
        Lang::Sv => SV_CARDINALS
            .iter()
            .find(|&&(w, _)| w == word)
            .map(|&(_, n)| n),
    }
}

fn ordinal_word(word: &str, lang: Lang) -> Option<u8> {
    match lang {
        Lang::Fi => fi_ordinal(strip_clitic(word)),
        Lang::Sv => SV_ORDINALS
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
    tokenize(text, false)
        .into_iter()
        .map(|t| (t.start, t.end))
        .filter(|&(start, end)| text[start..end].chars().any(char::is_alphabetic))
        .filter(|&(start, end)| !numbers.iter().any(|n| n.start < end && start < n.end))
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
