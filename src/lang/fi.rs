//! Finnish text data.

use super::LangData;
use crate::segment::Role;

pub const DATA: LangData = LangData {
    // `KUVAT` (plural) occurs in real bylines beside the keys DESIGN lists.
    credit_keys: &[
        ("teksti ja kuvat", Role::WriterPhotographer),
        ("teksti ja kuva", Role::WriterPhotographer),
        ("käännös", Role::Translator),
        ("teksti", Role::Writer),
        ("kuvat", Role::Photographer),
        ("kuva", Role::Photographer),
        ("kuvaaja", Role::Photographer),
    ],
    boilerplate: &[
        ("vastaa", true),
        ("sähköpostiosoitettasi ei julkaista", false),
    ],
    caption_prefixes: &["kuvassa", "kuvissa"],
    byline_prefixes: &["kirjoittaja on", "kirjoittajat ovat", "kolumnisti on"],
    speech_verbs: &[
        "sanoo",
        "sanoi",
        "sanovat",
        "kertoo",
        "kertoi",
        "kertovat",
        "toteaa",
        "totesi",
        "muistuttaa",
        "muistutti",
        "korostaa",
        "korosti",
        "painottaa",
        "painotti",
        "huomauttaa",
        "huomautti",
        "arvioi",
        "arvioivat",
        "kommentoi",
        "pohtii",
        "pohti",
        "jatkaa",
        "jatkoi",
        "lisää",
        "lisäsi",
        "myöntää",
        "myönsi",
        "vakuuttaa",
        "vakuutti",
        "kuvailee",
        "kuvaili",
        "iloitsee",
        "iloitsi",
        "naurahtaa",
        "naurahti",
        "summaa",
        "tiivistää",
    ],
    question_nouns: &["kysymystä", "kysymys"],
    months: &[
        "tammikuu",
        "helmikuu",
        "maaliskuu",
        "huhtikuu",
        "toukokuu",
        "kesäkuu",
        "heinäkuu",
        "elokuu",
        "syyskuu",
        "lokakuu",
        "marraskuu",
        "joulukuu",
    ],
    // Nominative, genitive, partitive and the local cases, essive and
    // translative. Not the `s` forms of `kuusi` (`joulukuusi`, `joulukuusen`:
    // a Christmas tree).
    month_endings: &[
        "", "n", "ta", "ssa", "sta", "hun", "lla", "lta", "lle", "na", "ksi",
    ],
    month_elided_tail: "kuu",
    weekdays: &[
        "maanantai",
        "tiistai",
        "keskiviikko",
        "torstai",
        "perjantai",
        "lauantai",
        "sunnuntai",
    ],
    weekday_abbreviations: &[
        ("ma", 1),
        ("ti", 2),
        ("ke", 3),
        ("to", 4),
        ("pe", 5),
        ("la", 6),
        ("su", 7),
    ],
    date_words: &[],
    clock_words: &["klo", "kello"],
    percent_stems: &["prosent"],
};

// Numbers 0–12 written as words, for the `number` rule.

/// The numbers 0–12 as Finnish cardinals, in the case forms a text uses.
pub const CARDINALS: &[(u8, &[&str])] = &[
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

/// Stems of the Finnish ordinals, each taking [`ORDINAL_ENDINGS`]
/// (`kolma-s`, `kolma-nnen`, `kolma-tta`); 1 and 2 are irregular.
pub const ORDINAL_STEMS: &[(u8, &str)] = &[
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
pub const ORDINAL_ENDINGS: &[&str] = &[
    "s", "nnen", "tta", "ttä", "ntena", "ntenä", "nnessa", "nnessä", "nnesta", "nnestä", "nteen",
    "nnella", "nnellä", "nnelle", "nneksi",
];

pub const ORDINALS: &[(u8, &[&str])] = &[
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
