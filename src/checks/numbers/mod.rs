//! Numbers in segment text, for the `number`, `date-time` and `qa-count`
//! rules (DESIGN §6).
//!
//! Owns reading numbers as people write them in Finnish and Swedish prose
//! (`15 000`, `6,2`, `1.10.2023`, `klo 18.30`, `25 %`), comparing the numbers
//! of a Finnish segment with those of its Swedish translation, and reading
//! how many questions a title promises. Pure: no I/O, never panics.
//!
//! This module holds the types, the public entry points and the titles;
//! `parse` reads numbers out of text, `compare` pairs the two sides and
//! `words` knows the numbers written as words; `dates` reads dates, clock
//! times, weekdays and months and finds where the two sides contradict.

mod compare;
pub mod dates;
mod parse;
mod words;

use serde::Serialize;

use crate::lang::Lang;
use crate::text::is_space;
use crate::tokens::fold;
use words::cardinal_word;

/// One number as written, with its normalised value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Number {
    /// Canonical value: `15000`, `6.2`, `2023-10-01` (a full date),
    /// `--10-01` (a day and month without a year), `18:30` (a clock time),
    /// `tel:095056000` (a phone number), `1.2.3` (a dotted section or
    /// version number). A percent sign does not change the value.
    pub value: String,
    /// The number as written in the text, `%` included.
    pub text: String,
    /// Byte offset of the first byte of `text`.
    pub start: usize,
    /// Byte offset just past `text`.
    pub end: usize,
}

/// How the numbers of a Finnish segment and its translation differ.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct NumberDiff {
    /// Numbers of the Finnish text that the Swedish text lacks, in order.
    pub missing_in_sv: Vec<Number>,
    /// Numbers of the Swedish text that the Finnish text lacks, in order.
    pub only_in_sv: Vec<Number>,
}

impl NumberDiff {
    /// No difference: nothing to report.
    pub fn is_empty(&self) -> bool {
        self.missing_in_sv.is_empty() && self.only_in_sv.is_empty()
    }
}

/// The numbers written in digits, in order.
///
/// Digits glued to a word on their left (`H2O`, `A4`, `CO2`, `Covid-19`,
/// `G20`) belong to a name and are not numbers: both sides of a translation
/// spell names the same way, and reporting them would only add noise.
pub fn numbers(text: &str) -> Vec<Number> {
    parse::read(text)
}

/// The difference between the numbers of `fi` and `sv`, each side taken as
/// a multiset of values. An empty diff means no finding.
///
/// A number written in words (0–12, `kaksi`, `kahden`, `två`; ordinals such
/// as `ensimmäinen` or `första` for `1.`) satisfies a digit number of that
/// value on the other side; number words are never reported themselves.
pub fn compare(fi: &str, sv: &str) -> NumberDiff {
    compare::diff(fi, sv)
}

/// The number of questions a title promises: `6 kysymystä`, `Kuusi
/// kysymystä`, `6 frågor`, `sex frågor`, `5 tärkeää kysymystä`; otherwise
/// `None`.
///
/// The Swedish `en`/`ett` are not read as a promise: `En fråga om …` is
/// "a question about …", not "exactly one question".
pub fn promised_questions(title: &str, lang: Lang) -> Option<usize> {
    let tokens = tokens(title);
    let adjacent = |a: &Token, b: &Token| title[a.end..b.start].chars().all(is_space);
    for (i, token) in tokens.iter().enumerate() {
        let count = match &token.kind {
            TokenKind::Number(n) => *n,
            TokenKind::Word(word) => match cardinal_word(word, lang) {
                Some(n) if !(lang == Lang::Sv && matches!(word.as_str(), "en" | "ett")) => {
                    Some(usize::from(n))
                }
                _ => None,
            },
        };
        let Some(count) = count else { continue };
        let Some(next) = tokens.get(i + 1).filter(|next| adjacent(token, next)) else {
            continue;
        };
        if is_question_noun(next, lang) {
            return Some(count);
        }
        // One adjective between: `5 tärkeää kysymystä`, `sex snabba frågor`.
        if let (TokenKind::Word(word), Some(after)) = (&next.kind, tokens.get(i + 2))
            && adjacent(next, after)
            && is_question_noun(after, lang)
            && looks_like_adjective(word, lang)
        {
            return Some(count);
        }
    }
    None
}

// ---------------------------------------------------------------------------
// Titles

struct Token {
    kind: TokenKind,
    start: usize,
    end: usize,
}

enum TokenKind {
    /// A whole number in digits; `None` for any other number.
    Number(Option<usize>),
    /// A lower-cased word.
    Word(String),
}

/// The words and numbers of a title, in order.
fn tokens(title: &str) -> Vec<Token> {
    let nums = numbers(title);
    let words: Vec<Token> = words::word_spans(title, &nums)
        .map(|(start, end)| Token {
            kind: TokenKind::Word(fold(&title[start..end])),
            start,
            end,
        })
        .collect();
    let mut out: Vec<Token> = nums
        .into_iter()
        .map(|number| {
            let whole = number.text.bytes().all(|b| b.is_ascii_digit());
            Token {
                kind: TokenKind::Number(whole.then(|| number.value.parse().ok()).flatten()),
                start: number.start,
                end: number.end,
            }
        })
        .collect();
    out.extend(words);
    out.sort_by_key(|t| t.start);
    out
}

fn is_question_noun(token: &Token, lang: Lang) -> bool {
    let TokenKind::Word(word) = &token.kind else {
        return false;
    };
    match lang {
        // kysymys, kysymystä, kysymykseen, kysymyksen, …
        Lang::Fi => word.starts_with("kysymy"),
        Lang::Sv => matches!(word.as_str(), "fråga" | "frågan" | "frågor" | "frågorna"),
    }
}

/// An adjective agreeing with the noun after a numeral: Finnish partitive
/// `tärkeää`, Swedish plural `viktiga`. Conjunctions end the same way.
fn looks_like_adjective(word: &str, lang: Lang) -> bool {
    match lang {
        Lang::Fi => (word.ends_with('a') || word.ends_with('ä')) && !matches!(word, "ja" | "tai"),
        Lang::Sv => word.ends_with('a') && word.chars().count() > 2,
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    pub(super) fn values(text: &str) -> Vec<String> {
        numbers(text).into_iter().map(|n| n.value).collect()
    }

    pub(super) fn missing(fi: &str, sv: &str) -> Vec<String> {
        compare(fi, sv)
            .missing_in_sv
            .into_iter()
            .map(|n| n.value)
            .collect()
    }

    pub(super) fn extra(fi: &str, sv: &str) -> Vec<String> {
        compare(fi, sv)
            .only_in_sv
            .into_iter()
            .map(|n| n.value)
            .collect()
    }

    pub(super) fn no_finding(fi: &str, sv: &str) {
        let diff = compare(fi, sv);
        assert!(diff.is_empty(), "{fi:?} vs {sv:?}: {diff:?}");
    }

    #[test]
    fn seed_title_is_no_finding() {
        let fi = "6 kysymystä. Mitä tekee kaupungin hyvinvointikoordinaattori?";
        let sv = "6 frågor. Vad gör stadens välfärdskoordinator?";
        no_finding(fi, sv);
        assert_eq!(promised_questions(fi, Lang::Fi), Some(6));
        assert_eq!(promised_questions(sv, Lang::Sv), Some(6));
    }

    // Titles

    #[test]
    fn promised_questions_in_digits() {
        assert_eq!(promised_questions("6 kysymystä", Lang::Fi), Some(6));
        assert_eq!(
            promised_questions("10 frågor till rektorn", Lang::Sv),
            Some(10)
        );
        assert_eq!(
            promised_questions("Vastaukset 12 kysymykseen", Lang::Fi),
            Some(12)
        );
        assert_eq!(promised_questions("1 kysymys", Lang::Fi), Some(1));
    }

    #[test]
    fn promised_questions_in_words() {
        assert_eq!(promised_questions("kuusi kysymystä", Lang::Fi), Some(6));
        assert_eq!(
            promised_questions("Viisi kysymystä uudelle johtajalle", Lang::Fi),
            Some(5)
        );
        assert_eq!(promised_questions("Sex frågor", Lang::Sv), Some(6));
        assert_eq!(
            promised_questions("sex frågor till borgmästaren", Lang::Sv),
            Some(6)
        );
        assert_eq!(
            promised_questions("Kahdeksan tärkeää kysymystä", Lang::Fi),
            Some(8)
        );
        assert_eq!(promised_questions("Fem viktiga frågor", Lang::Sv), Some(5));
    }

    #[test]
    fn promised_questions_read_title_words_as_the_glossary_does() {
        // A soft hyphen is invisible; a year glued to a word is no count.
        assert_eq!(
            promised_questions("Kuu\u{AD}si kysymystä", Lang::Fi),
            Some(6)
        );
        assert_eq!(
            promised_questions("1990-luvun kuusi kysymystä", Lang::Fi),
            Some(6)
        );
        assert_eq!(promised_questions("2020-luvun kysymykset", Lang::Fi), None);
    }

    #[test]
    fn promised_questions_none() {
        let fi = "Mitä tekee kaupungin hyvinvointikoordinaattori?";
        assert_eq!(promised_questions(fi, Lang::Fi), None);
        assert_eq!(promised_questions("6 syytä", Lang::Fi), None);
        assert_eq!(promised_questions("6 skäl", Lang::Sv), None);
        assert_eq!(promised_questions("", Lang::Fi), None);
        // An ordinal, not a count.
        assert_eq!(promised_questions("6. kysymys", Lang::Fi), None);
        // The Swedish indefinite article.
        assert_eq!(promised_questions("En fråga om framtiden", Lang::Sv), None);
        // The language decides the words.
        assert_eq!(promised_questions("6 frågor", Lang::Fi), None);
        assert_eq!(promised_questions("sex kysymystä", Lang::Fi), None);
        // Something between the number and the noun.
        assert_eq!(promised_questions("6 syytä ja kysymys", Lang::Fi), None);
        assert_eq!(promised_questions("6, kysymys", Lang::Fi), None);
    }

    #[test]
    fn never_panics_and_offsets_hold() {
        let odd = [
            "",
            " ",
            "...",
            ",,;:!?",
            "1.",
            "1..2",
            ",5",
            "5,",
            "– 3",
            "٣",
            "٣.٤",
            "1.10.",
            "12:",
            ":30",
            "+",
            "+1 ",
            "+358",
            "09 ",
            "09 5",
            "2023-",
            "2023-10-",
            "2023-13-45",
            "1/",
            "/1",
            "1/2/",
            "klo",
            "klo 25.99",
            "kl.",
            "\u{a0}",
            "15\u{a0}",
            "15\u{a0}%",
            "1 00",
            "0 000",
            "00100",
            "99.99.99",
            "1.2.3.4.5",
            "%",
            "5 %%",
            "-",
            "1-",
            "-1",
            "H",
            "H2",
            "2H",
            "é1é",
            "1é",
            "𝟙𝟚",
            "1\u{202f}",
            "klo 9–",
            "9.00–",
            "yksitoista",
            "toista",
            "kin",
            "1:e",
            "1:",
            "18:3",
            "18:300",
            "99999999999999999999999999",
            "1,2,3",
            "1.2,3",
            "1 000,",
            "1 000.",
            "1 000,5.",
            "0,0",
            "0.000",
        ];
        for fi in odd {
            for number in numbers(fi) {
                assert_eq!(&fi[number.start..number.end], number.text, "{fi:?}");
                assert!(!number.value.is_empty(), "{fi:?}");
            }
            for sv in odd {
                let _ = compare(fi, sv);
            }
            let _ = promised_questions(fi, Lang::Fi);
            let _ = promised_questions(fi, Lang::Sv);
            let _ = promised_questions(&format!("{fi} kysymystä"), Lang::Fi);
        }
    }
}
