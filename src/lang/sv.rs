//! Swedish (Finland-Swedish) text data.

use super::LangData;
use crate::segment::Role;

pub const DATA: LangData = LangData {
    // `BILDER` (plural) occurs in real bylines beside the keys DESIGN lists.
    credit_keys: &[
        ("text och foto", Role::WriterPhotographer),
        ("text och bild", Role::WriterPhotographer),
        ("översättning", Role::Translator),
        ("text", Role::Writer),
        ("foto", Role::Photographer),
        ("bilder", Role::Photographer),
        ("bild", Role::Photographer),
    ],
    boilerplate: &[
        ("lämna ett svar", true),
        ("din e-postadress kommer inte publiceras", false),
    ],
    caption_prefixes: &["på bilden", "på bilderna", "i bilden"],
    byline_prefixes: &["skribenten är", "skribenterna är", "kolumnisten är"],
    speech_verbs: &[
        "säger",
        "sade",
        "sa",
        "berättar",
        "berättade",
        "konstaterar",
        "konstaterade",
        "påminner",
        "påminde",
        "betonar",
        "betonade",
        "poängterar",
        "poängterade",
        "påpekar",
        "påpekade",
        "menar",
        "tillägger",
        "tillade",
        "fortsätter",
        "fortsatte",
        "medger",
        "medgav",
        "försäkrar",
        "beskriver",
        "gläds",
        "skrattar",
        "sammanfattar",
    ],
    question_nouns: &["frågor", "fråga"],
    months: &[
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ],
    // `aprils`; no compounds (`marsch` is no month).
    month_endings: &["", "s"],
    month_elided_tail: "",
    weekdays: &[
        "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag",
    ],
    weekday_abbreviations: &[
        ("mån", 1),
        ("tis", 2),
        ("ons", 3),
        ("tors", 4),
        ("tor", 4),
        ("fre", 5),
        ("lör", 6),
        ("sön", 7),
    ],
    // Finland-Swedish writes `den 14.10` without the closing dot.
    date_words: &["den"],
    clock_words: &["kl", "klockan"],
    percent_stems: &["procent"],
};

// Numbers 0–12 written as words, for the `number` rule.

pub const CARDINALS: &[(&str, u8)] = &[
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

pub const ORDINALS: &[(&str, u8)] = &[
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
