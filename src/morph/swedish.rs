//! The built-in Swedish back end: base form plus suffixes.
//!
//! Swedish inflects nouns mostly by adding suffixes to the base form
//! (`förening-arna-s`, `utskott-et`, `välfärdsområde-nas`), so a generator is
//! enough and there is no analyser to wait for. The few stem changes a
//! glossary meets are derived from the base form: an unstressed final `-e`
//! or `-a` drops before vowel suffixes (`område` → `områd-et`), `-um` drops
//! (`museum` → `muse-er`), `-el`/`-er`/`-en` lose their `e`
//! (`regel` → `regl-er`), a final `m`/`n` may double (`program` →
//! `programm-et`), and the common umlaut plurals of compound heads
//! (`-stad` → `-städer`, `-ledamot` → `-ledamöter`) are listed.
//!
//! As in Finnish, the whole word must be a stem plus a valid suffix, so a
//! compound that starts with a term (`kommunikation`, `kommuninvånare`)
//! does not match it. Adjective endings (`-a`, `-t`) are accepted so that a
//! multi-word rendering's adjectives may agree (`sociala tjänster`).

use std::sync::LazyLock;

use super::{Endings, Morphology, is_vowel};

/// The built-in Swedish back end (see the module docs).
#[derive(Debug, Clone, Copy, Default)]
pub struct Swedish;

impl Morphology for Swedish {
    fn name(&self) -> &'static str {
        "builtin"
    }

    fn base_keys(&self, base: &str) -> Vec<String> {
        stems(base)
            .into_iter()
            .map(|(stem, class)| Endings::key(&stem, class as u8))
            .collect()
    }

    fn word_keys(&self, word: &str, found: &mut dyn FnMut(&str)) {
        ENDINGS.word_keys(word, found);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// The base form: every suffix, or none.
    Base,
    /// A changed stem (`områd`, `regl`): needs a suffix.
    Stem,
    /// An umlaut plural (`städer`): plural suffixes only.
    Plural,
}

const SUFFIXES: [&str; 29] = [
    "", "s", "n", "ns", "en", "ens", "et", "ets", "t", "ts", "na", "nas", "ar", "ars", "arna",
    "arnas", "er", "ers", "erna", "ernas", "or", "ors", "orna", "ornas", "r", "rs", "rna", "rnas",
    "a",
];

static ENDINGS: LazyLock<Endings> = LazyLock::new(|| {
    let all = || SUFFIXES.iter().map(|s| s.to_string());
    Endings::new([
        (Class::Base as u8, all().collect()),
        (Class::Stem as u8, all().filter(|s| !s.is_empty()).collect()),
        (
            Class::Plural as u8,
            ["", "s", "na", "nas"]
                .iter()
                .map(|s| s.to_string())
                .collect(),
        ),
    ])
});

/// Umlaut plurals of words that head many compounds.
const UMLAUT: [(&str, &str); 17] = [
    ("stad", "städer"),
    ("land", "länder"),
    ("hand", "händer"),
    ("tand", "tänder"),
    ("man", "män"),
    ("bok", "böcker"),
    ("son", "söner"),
    ("fot", "fötter"),
    ("rot", "rötter"),
    ("natt", "nätter"),
    ("bonde", "bönder"),
    ("ledamot", "ledamöter"),
    ("bror", "bröder"),
    ("mor", "mödrar"),
    ("far", "fäder"),
    ("dotter", "döttrar"),
    ("gås", "gäss"),
];

fn stems(base: &str) -> Vec<(String, Class)> {
    let mut out = vec![(base.to_string(), Class::Base)];
    let chars: Vec<char> = base.chars().collect();
    let n = chars.len();
    let head = |k: usize| -> String { chars[..n - k].iter().collect() };
    if n >= 3 {
        let last = chars[n - 1];
        let prev = chars[n - 2];
        if matches!(last, 'e' | 'a') && !is_vowel(prev) {
            out.push((head(1), Class::Stem));
        }
        if base.ends_with("um") {
            out.push((head(2), Class::Stem));
        }
        if n >= 4 && matches!(last, 'l' | 'r' | 'n') && prev == 'e' && !is_vowel(chars[n - 3]) {
            out.push((format!("{}{last}", head(2)), Class::Stem));
        }
        if matches!(last, 'm' | 'n') && is_vowel(prev) && !is_vowel(chars[n - 3]) {
            out.push((format!("{base}{last}"), Class::Stem));
        }
    }
    for (singular, plural) in UMLAUT {
        if let Some(stem) = base.strip_suffix(singular) {
            out.push((format!("{stem}{plural}"), Class::Plural));
        }
    }
    out
}

/// Letters a rendering needs before it is looked for inside a closed
/// compound (`budget` in `budgetrunda`): shorter words hide in too many
/// others. A hyphen (`Esbo-sidan`) marks the parts, so there any length
/// will do.
pub const COMPOUND_PART_CHARS: usize = 5;

/// Whether `rest`, what follows a word at the start of a closed compound
/// (`runda` after `budget`), can be the compound's other part: at least
/// two letters with a vowel (`Grankulla-bo`), neither an inflection ending
/// of the word (`kommun-erna` is the word itself) nor a derivation suffix
/// (`kommun-ikation`, `budget-era`, `kommun-al`). A Swedish linking `s`
/// (`välfärdsområde-s-direktör`) is the caller's to strip.
///
/// Derivations are told by their suffix, not by a dictionary: those that
/// start a longer word (`-ikation`, `-ering`) are refused wherever they
/// stand, the short ones (`-al`, `-ig`) only as the whole rest, since
/// `budget-alternativ` is a compound.
pub fn is_compound_rest(rest: &str) -> bool {
    const STARTS: [&str; 12] = [
        "ikation", "ation", "ering", "isera", "iser", "itet", "ism", "ist", "isk", "era", "erad",
        "ik",
    ];
    const WHOLE: [&str; 12] = [
        "al", "ell", "ig", "lig", "ör", "ös", "ning", "ande", "ende", "are", "het", "else",
    ];
    if rest.chars().count() < 2 || !rest.chars().any(is_vowel) || SUFFIXES.contains(&rest) {
        return false;
    }
    if STARTS.iter().any(|d| rest.starts_with(d)) {
        return false;
    }
    !WHOLE.iter().any(|d| {
        rest.strip_prefix(d)
            .is_some_and(|ending| SUFFIXES.contains(&ending))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(base: &str, word: &str) -> bool {
        let keys = Swedish.base_keys(base);
        let mut hit = false;
        Swedish.word_keys(word, &mut |k| hit |= keys.iter().any(|b| b == k));
        hit
    }

    #[test]
    fn inflected_forms_match_their_base_form() {
        let cases: &[(&str, &[&str])] = &[
            (
                "välfärdsområde",
                &[
                    "välfärdsområdet",
                    "välfärdsområdets",
                    "välfärdsområden",
                    "välfärdsområdena",
                    "välfärdsområdenas",
                ],
            ),
            ("utskott", &["utskottet", "utskotten", "utskottens"]),
            ("förening", &["föreningar", "föreningarnas", "föreningen"]),
            (
                "koordinator",
                &["koordinatorn", "koordinatorns", "koordinatorer"],
            ),
            ("råd", &["rådet", "råden"]),
            ("grankulla", &["grankullas"]),
            ("organisation", &["organisationer", "organisationerna"]),
            ("församling", &["församlingar"]),
            ("välfärdsrapport", &["välfärdsrapporten"]),
            ("kommun", &["kommunerna", "kommunens"]),
            ("museum", &["museet", "museer"]),
            ("regel", &["regler", "reglerna"]),
            ("program", &["programmet"]),
            ("stad", &["städer", "städerna"]),
            ("social", &["sociala"]),
        ];
        for (base, words) in cases {
            for word in *words {
                assert!(matches(base, word), "{word} should match {base}");
            }
        }
    }

    #[test]
    fn look_alikes_do_not_match() {
        let cases: &[(&str, &[&str])] = &[
            ("kommun", &["kommunikation", "kommuninvånarnas", "kommunal"]),
            ("organisation", &["organisationsträff"]),
            ("råd", &["rådgivning"]),
        ];
        for (base, words) in cases {
            for word in *words {
                assert!(!matches(base, word), "{word} should not match {base}");
            }
        }
    }

    #[test]
    fn compound_rests_are_words_not_endings_or_derivations() {
        for rest in [
            "runda",
            "vägen",
            "bo",
            "direktör",
            "invånarna",
            "alternativ",
            "sidan",
        ] {
            assert!(is_compound_rest(rest), "{rest}");
        }
        for rest in [
            "",
            "n",
            "s",
            "erna",
            "ens",
            "ikation",
            "ikationen",
            "ikationsavdelningen",
            "era",
            "erar",
            "ering",
            "al",
            "ala",
            "alt",
            "ig",
            "ligt",
            "ism",
            "tt",
            "itet",
        ] {
            assert!(!is_compound_rest(rest), "{rest}");
        }
    }
}
