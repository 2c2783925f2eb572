//! Inflection back ends for glossary term matching (DESIGN §5).
//!
//! Authors write glossary terms in base form (`valiokunta`, `välfärdsområde`)
//! and the articles use them inflected (`valiokunnaksi`, `välfärdsområdenas`).
//! A back end bridges the two by mapping both sides to opaque *keys*: a word
//! in running text matches a glossary word when the two share a key. The
//! matcher in [`crate::glossary`] indexes the glossary's keys once per run in
//! a hash map, so matching a text costs a few look-ups per token, however
//! long the glossary.
//!
//! Keys let two very different kinds of back end share the matcher:
//!
//! - *Generators* ([`builtin::Finnish`], [`swedish::Swedish`]) know no
//!   dictionary. From a base form they derive the stems its inflected forms
//!   are built on, each tagged with the class of endings it takes
//!   (`kunna` + weak-grade endings, so `kunnan` and `kunnassa` but not
//!   `kunnia`). A text word yields a key for every way of splitting it into
//!   some prefix and an ending of some class; only the glossary's real stems
//!   ever meet one of those keys. Requiring the rest of the word to be a
//!   valid ending is what keeps look-alikes (`kuntosali`, `kommunikation`)
//!   and compounds that merely start with a term out.
//! - *Analysers* ([`voikko::Voikko`]) turn a text word into its base
//!   forms (`Kauniaisissa` → `kauniainen`) and use those as keys; they also
//!   analyse the glossary's base forms so that a plural headword
//!   (`terveyspalvelut`) meets its singular lemma. An analyser emits nothing
//!   for a word it does not know, and the matcher then asks the next back
//!   end, ending with the built-in generator, so proper nouns and new
//!   coinages still match.
//!
//! Back ends see lower-cased single words (internal hyphens and apostrophes
//! kept); tokenising ([`crate::tokens`]), multi-word terms, elided compounds
//! (`kulttuuri- ja`), `*` patterns and overlap resolution belong to the
//! matcher, so a new back end only has to answer "which keys does this word
//! have".

pub mod builtin;
pub mod swedish;
pub mod voikko;

use std::sync::Arc;

use crate::glossary::{Glossary, Matcher};
use voikko::Voikko;

/// Which Finnish morphology a run asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// Voikko when libvoikko and its Finnish dictionary load, else built-in.
    Auto,
    /// Voikko, or an error explaining how to install it.
    Voikko,
    /// The built-in inflection matcher (no system dependency).
    Builtin,
}

/// The Finnish morphology back end chosen for this run.
pub enum Backend {
    Builtin {
        /// Why not Voikko, under `auto`.
        why: Option<String>,
    },
    Voikko(Arc<Voikko>),
}

impl Backend {
    pub fn choose(choice: Choice) -> anyhow::Result<Backend> {
        match choice {
            Choice::Builtin => Ok(Backend::Builtin { why: None }),
            Choice::Voikko => Voikko::load()
                .map(|v| Backend::Voikko(Arc::new(v)))
                .map_err(|e| e.context("--morphology voikko")),
            Choice::Auto => Ok(match Voikko::load() {
                Ok(v) => Backend::Voikko(Arc::new(v)),
                Err(err) => Backend::Builtin {
                    why: Some(format!("{err:#}")),
                },
            }),
        }
    }

    /// The Finnish back ends a matcher of this choice asks, in order.
    pub fn fi_backends(&self) -> Vec<Arc<dyn Morphology>> {
        match self {
            Backend::Builtin { .. } => vec![Arc::new(builtin::Finnish)],
            Backend::Voikko(v) => vec![v.clone(), Arc::new(builtin::Finnish)],
        }
    }

    /// What tells one back end apart from another for a cached matcher:
    /// Voikko's version and dictionary.
    pub fn identity(&self) -> String {
        match self {
            Backend::Builtin { .. } => "builtin".to_string(),
            Backend::Voikko(v) => {
                let info = v.info();
                format!(
                    "voikko {} {} {}",
                    info.library, info.version, info.dictionary
                )
            }
        }
    }

    pub fn matcher(&self, glossary: &Glossary) -> Matcher {
        Matcher::with_backends(glossary, self.fi_backends())
    }

    /// [`Backend::matcher`] on every core: see
    /// [`Matcher::with_backends_in_parallel`] for where not to call it.
    pub fn matcher_in_parallel(&self, glossary: &Glossary) -> Matcher {
        Matcher::with_backends_in_parallel(glossary, self.fi_backends())
    }
}

/// An inflection back end: maps glossary base forms and text words to keys.
///
/// A text word matches a glossary word when some key of the word equals some
/// key of the base form. Keys are private to a back end: the matcher keeps a
/// separate index per back end, so two back ends may use the same strings.
pub trait Morphology: Send + Sync {
    /// Short name for messages (`builtin`, `voikko`).
    fn name(&self) -> &'static str;

    /// The keys under which a glossary word (lower-cased base form, one
    /// word) is indexed.
    fn base_keys(&self, base: &str) -> Vec<String>;

    /// Passes every key of a word as written in running text (lower-cased,
    /// one word) to `found`. Passing none means "unknown word": the matcher
    /// then asks the next back end in its chain.
    fn word_keys(&self, word: &str, found: &mut dyn FnMut(&str));
}

/// A hash map keyed by short strings, hashed with the Fx algorithm
/// (`rustc-hash`).
///
/// Matching hashes a few dozen short keys per text word; SipHash's
/// protection against crafted keys buys nothing for a local glossary and
/// costs a third of the run time.
pub(crate) type FastMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// Ending classes of a generating back end: which endings may follow which
/// kind of stem. Shared by the Finnish and Swedish generators.
///
/// Every class's endings go into one map from ending to a bit mask of the
/// classes that allow it, so splitting a text word costs one look-up per
/// possible ending length rather than one per class.
pub(crate) struct Endings {
    by_ending: FastMap<String, u32>,
    /// Longest ending, in characters: no split leaves a longer rest.
    max_chars: usize,
}

impl Endings {
    /// Builds the table from `(class, endings)` pairs; classes are 0..32.
    pub(crate) fn new(classes: impl IntoIterator<Item = (u8, Vec<String>)>) -> Endings {
        let mut by_ending: FastMap<String, u32> = FastMap::default();
        for (class, endings) in classes {
            debug_assert!(class < 32);
            for ending in endings {
                *by_ending.entry(ending).or_default() |= 1 << class;
            }
        }
        let max_chars = by_ending
            .keys()
            .map(|e| e.chars().count())
            .max()
            .unwrap_or(0);
        Endings {
            by_ending,
            max_chars,
        }
    }

    /// The key of `stem` taking endings of `class`.
    pub(crate) fn key(stem: &str, class: u8) -> String {
        let mut key = String::with_capacity(stem.len() + 2);
        Self::push_key(&mut key, stem, class);
        key
    }

    fn push_key(key: &mut String, stem: &str, class: u8) {
        key.push_str(stem);
        // Words never contain `#`, so the class tag cannot be confused with
        // the end of a stem.
        key.push('#');
        key.push(char::from(b'a' + class));
    }

    /// Passes the key of every (non-empty stem, valid ending) split of
    /// `word` to `found`.
    pub(crate) fn word_keys(&self, word: &str, found: &mut dyn FnMut(&str)) {
        let mut key = String::with_capacity(word.len() + 2);
        let splits = word
            .char_indices()
            .map(|(at, _)| at)
            .chain(std::iter::once(word.len()))
            .rev()
            .take(self.max_chars + 1)
            .filter(|&at| at > 0);
        for at in splits {
            let Some(&mask) = self.by_ending.get(&word[at..]) else {
                continue;
            };
            for class in 0..32u8 {
                if mask & (1 << class) != 0 {
                    key.clear();
                    Self::push_key(&mut key, &word[..at], class);
                    found(&key);
                }
            }
        }
    }
}

/// Whether `c` is a vowel letter (Finnish and Swedish).
pub(crate) fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'ä' | 'ö' | 'å')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(endings: &Endings, word: &str) -> Vec<String> {
        let mut out = Vec::new();
        endings.word_keys(word, &mut |k| out.push(k.to_string()));
        out.sort();
        out
    }

    #[test]
    fn endings_split_words_into_stem_and_ending_keys() {
        let endings = Endings::new([
            (0, vec![String::new(), "n".to_string()]),
            (1, vec!["n".to_string(), "ssa".to_string()]),
        ]);
        assert_eq!(
            keys(&endings, "kunnassa"),
            vec![Endings::key("kunna", 1), Endings::key("kunnassa", 0)]
        );
        assert_eq!(
            keys(&endings, "kunnan"),
            vec![
                Endings::key("kunna", 0),
                Endings::key("kunna", 1),
                Endings::key("kunnan", 0)
            ]
        );
    }

    #[test]
    fn endings_never_leave_an_empty_stem() {
        let endings = Endings::new([(0, vec!["n".to_string()])]);
        assert!(keys(&endings, "n").is_empty());
    }

    #[test]
    fn endings_split_at_character_boundaries() {
        let endings = Endings::new([(0, vec!["ä".to_string(), "ssä".to_string()])]);
        assert_eq!(
            keys(&endings, "työssä"),
            vec![Endings::key("työ", 0), Endings::key("työss", 0)]
        );
    }
}
