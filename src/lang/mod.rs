//! Language data, one module per language: what tolk knows about Finnish
//! and Swedish text (credit keys, boilerplate, numerals, months, …), so a
//! new language pair is a new module, not edits all over the code.

use serde::Serialize;

/// The two sides of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Finnish (the source)
    Fi,
    /// Swedish (the translation)
    Sv,
}

impl Lang {
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Fi => "fi",
            Lang::Sv => "sv",
        }
    }
}

pub mod fi;
pub mod sv;

use crate::segment::Role;

/// What tolk knows about one language's text, as plain tables. Words are
/// lower case; the segmenter matches them ignoring letter case and uses the
/// union of every language, because it does not know which side it reads.
#[derive(Debug)]
pub struct LangData {
    /// Credit keys (`teksti ja kuva`) and whom they credit.
    pub credit_keys: &'static [(&'static str, Role)],
    /// Web comment-form remnants: (prefix, whole paragraph only).
    pub boilerplate: &'static [(&'static str, bool)],
    /// Openings of a photo caption (`kuvassa`, `på bilden`).
    pub caption_prefixes: &'static [&'static str],
    /// Openings of a byline paragraph (`kirjoittaja on`, `skribenten är`).
    pub byline_prefixes: &'static [&'static str],
    /// Speech verbs that attribute a quote (`sanoo`, `säger`).
    pub speech_verbs: &'static [&'static str],
    /// Nouns a title uses to promise a number of questions (`6 kysymystä`).
    pub question_nouns: &'static [&'static str],
    /// Month names as stems: an inflected form starts with one
    /// (`tammikuu` → `tammikuussa`, `tammikuun`).
    pub months: &'static [&'static str],
    /// The endings a month name takes after its stem in `months`
    /// (`huhtikuu` + `ssa`, `april` + `s`); `""` for the bare name.
    pub month_endings: &'static [&'static str],
    /// What a month name drops as the head of an elided compound (the
    /// Finnish `kuu` of `joulu- ja tammikuussa`); empty when the language
    /// writes no such heads.
    pub month_elided_tail: &'static str,
    /// Weekday names as stems (`maanantai` → `maanantaina`); any ending
    /// (`maanantaisin`, `måndagarna`, `maanantai-iltana`) is that weekday.
    pub weekdays: &'static [&'static str],
    /// Weekday abbreviations of calendars and opening hours (`ti 2.12.`,
    /// `mån–tors`), with the weekday (1 = Monday). Some are words too
    /// (`mån`, `to`), so they count only before a date or a time, or in a
    /// range of two.
    pub weekday_abbreviations: &'static [(&'static str, u8)],
    /// Words that introduce a date (`den 14.10`): after one, `14.10` without
    /// its closing dot is a date, not a decimal.
    pub date_words: &'static [&'static str],
    /// Words that introduce a clock time (`klo 18`, `kl. 18`).
    pub clock_words: &'static [&'static str],
    /// Stems of the word for per cent after a number (`prosenttia`,
    /// `procent`): a `6.4` before one is a decimal, never a date.
    pub percent_stems: &'static [&'static str],
}

impl Lang {
    pub fn data(self) -> &'static LangData {
        match self {
            Lang::Fi => &fi::DATA,
            Lang::Sv => &sv::DATA,
        }
    }
}

/// Every language's data, for code that reads either side.
pub const ALL: [&LangData; 2] = [&fi::DATA, &sv::DATA];

/// The English originals of the comment-form remnants: web exports leave
/// them untranslated on either side.
pub const WEB_BOILERPLATE: &[(&str, bool)] = &[
    ("leave a reply", true),
    ("your email address will not be published", false),
];
