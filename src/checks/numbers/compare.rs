//! Pairing the numbers of a Finnish segment with those of its Swedish
//! translation, digits with digits first, then with number words.

use super::parse::strip_zeros;
use super::words::{Word, number_words};
use super::{Number, NumberDiff, numbers};
use crate::lang::Lang;
use crate::text::is_space;

/// The multiset difference of the numbers of `fi` and `sv` (see
/// [`super::compare`]).
pub(super) fn diff(fi: &str, sv: &str) -> NumberDiff {
    let fi_nums = numbers(fi);
    let sv_nums = numbers(sv);
    let mut fi_open = vec![true; fi_nums.len()];
    let mut sv_open = vec![true; sv_nums.len()];

    // Equal values first, then the same digits read two ways (`1.10.` and
    // `1.10`, `15 000` and `15,000`, `18.30` and `klo 18.30`), so that a
    // looser match never takes a number an exact one needed.
    pair_off(&fi_nums, &mut fi_open, &sv_nums, &mut sv_open, |a, b| {
        a.value == b.value
    });
    pair_off(&fi_nums, &mut fi_open, &sv_nums, &mut sv_open, same_reading);

    // Number words only matter for a digit number still unpaired; reading
    // every word of both sides is the costliest step, so skip it otherwise.
    if fi_open.iter().any(|&o| o) {
        let mut sv_words = number_words(sv, &sv_nums, Lang::Sv);
        satisfy_by_words(fi, &fi_nums, &mut fi_open, &mut sv_words);
    }
    if sv_open.iter().any(|&o| o) {
        let mut fi_words = number_words(fi, &fi_nums, Lang::Fi);
        satisfy_by_words(sv, &sv_nums, &mut sv_open, &mut fi_words);
    }

    NumberDiff {
        missing_in_sv: still_open(fi_nums, &fi_open),
        only_in_sv: still_open(sv_nums, &sv_open),
    }
}
fn pair_off(
    fi: &[Number],
    fi_open: &mut [bool],
    sv: &[Number],
    sv_open: &mut [bool],
    matches: impl Fn(&Number, &Number) -> bool,
) {
    for (a, a_open) in fi.iter().zip(fi_open.iter_mut()) {
        if !*a_open {
            continue;
        }
        let found = sv
            .iter()
            .zip(sv_open.iter_mut())
            .find(|(b, b_open)| **b_open && matches(a, b));
        if let Some((_, b_open)) = found {
            *a_open = false;
            *b_open = false;
        }
    }
}

/// Two numbers that differ in value but not in what was written: the same
/// digit groups (`1.10.` and `1.10`, `15 000` and `15,000`, `18.30` and
/// `klo 18.30`), or a full hour with and without minutes (`klo 18` and
/// `kl. 18.00`).
fn same_reading(a: &Number, b: &Number) -> bool {
    digit_groups(&a.text) == digit_groups(&b.text)
        || full_hour(&a.value).is_some_and(|h| h == b.value)
        || full_hour(&b.value).is_some_and(|h| h == a.value)
}

fn digit_groups(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|group| !group.is_empty())
        .map(strip_zeros)
        .collect()
}

fn full_hour(value: &str) -> Option<&str> {
    value.strip_suffix(":00")
}

/// The small whole number a digit number stands for, for matching against
/// number words.
fn small_value(number: &Number) -> Option<u8> {
    if !number.value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    number.value.parse().ok().filter(|&n| n <= 12)
}

/// Whether the number is written as an ordinal: `1. kerta`, `3:e`, `5:s`.
fn is_ordinal(text: &str, number: &Number) -> bool {
    let rest = &text[number.end..];
    if let Some(after) = rest.strip_prefix('.') {
        let after_space = after.trim_start_matches(is_space);
        return after_space.len() < after.len()
            && after_space.chars().next().is_some_and(char::is_lowercase);
    }
    if let Some(after) = rest.strip_prefix(':') {
        let suffix: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
        return matches!(suffix.as_str(), "a" | "e" | "s");
    }
    false
}

/// Lets number words of the other side stand in for open digit numbers.
fn satisfy_by_words(text: &str, nums: &[Number], open: &mut [bool], words: &mut Vec<Word>) {
    for (number, open) in nums.iter().zip(open.iter_mut()) {
        if !*open {
            continue;
        }
        let Some(n) = small_value(number) else {
            continue;
        };
        let ordinal = is_ordinal(text, number);
        // A cardinal word is the better fit, so use one up first.
        let pick = words
            .iter()
            .position(|w| w.value == n && !w.ordinal)
            .or_else(|| {
                ordinal
                    .then(|| words.iter().position(|w| w.value == n && w.ordinal))
                    .flatten()
            });
        if let Some(k) = pick {
            words.swap_remove(k);
            *open = false;
        }
    }
}

fn still_open(nums: Vec<Number>, open: &[bool]) -> Vec<Number> {
    nums.into_iter()
        .zip(open)
        .filter_map(|(number, &open)| open.then_some(number))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::compare;
    use crate::checks::numbers::tests::{extra, missing, no_finding};

    // Comparing

    #[test]
    fn multisets_report_each_missing_copy() {
        assert_eq!(missing("2023 … 2023", "2023"), ["2023"]);
        no_finding("2023 … 2023", "2023 och 2023");
    }

    #[test]
    fn missing_numbers_are_reported_in_order() {
        let diff = compare("5, 3, 2023 ja 7", "7");
        let texts: Vec<_> = diff.missing_in_sv.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(texts, ["5", "3", "2023"]);
    }

    #[test]
    fn number_words_satisfy_digits_both_ways() {
        no_finding("kaksi kuntaa", "2 kommuner");
        no_finding("2 kuntaa", "två kommuner");
        no_finding("kahden kunnan", "2 kommuners");
        no_finding("kuudesta kysymyksestä", "6 frågor");
        no_finding("yksitoista", "11");
        no_finding("kahdentoista", "12");
        no_finding("Kymmenen", "10");
        no_finding("12", "tolv");
        no_finding("kolmekin", "3");
        // Each word stands in for one digit number only.
        assert_eq!(extra("kaksi kuntaa", "2 + 2"), ["2"]);
        // A word of another value does not.
        assert_eq!(extra("kolme kuntaa", "2 kommuner"), ["2"]);
        assert_eq!(missing("2 kuntaa", "tre kommuner"), ["2"]);
        // Words above twelve are not read.
        assert_eq!(extra("kolmetoista", "13"), ["13"]);
    }

    #[test]
    fn each_part_of_a_hyphenated_number_word_counts() {
        no_finding("kaksi-kolme kertaa", "2–3 gånger");
        no_finding("2–3 kertaa", "två-tre gånger");
        // Words glued to a digit number belong to it.
        assert_eq!(extra("1990-luvulla", "1990-talet, 2 gånger"), ["2"]);
    }

    #[test]
    fn number_words_are_never_missing() {
        no_finding("kaksi kuntaa", "kommunerna");
        no_finding("kommunerna", "två kommuner");
    }

    #[test]
    fn swedish_article_en_is_not_a_finding() {
        no_finding("vähintään kerran vuodessa", "minst en gång om året");
        no_finding("kerran", "en gång");
    }
    // The seed article

    #[test]
    fn seed_p3_year_missing_in_swedish() {
        let fi = "Samalla myös kulttuuri- ja vapaa-aikavaliokunnan nimi muuttui \
                  hyvinvointivaliokunnaksi vuoden 2023 alusta.";
        let sv = "Samtidigt bytte kultur- och fritidsutskottet också i årsskiftet namn \
                  till välfärdsutskottet.";
        let diff = compare(fi, sv);
        assert_eq!(diff.missing_in_sv.len(), 1);
        assert_eq!(diff.missing_in_sv[0].value, "2023");
        assert_eq!(
            &fi[diff.missing_in_sv[0].start..diff.missing_in_sv[0].end],
            "2023"
        );
        assert!(diff.only_in_sv.is_empty());
    }

    #[test]
    fn seed_q6_year_only_in_swedish() {
        let fi = "Ensi vuoden alusta kunnilla on velvollisuus lisätä yhteistyötä järjestöjen \
                  ja yhdistysten kanssa. Miten se tapahtuu?";
        let sv = "Från och med början av 2023 har kommunerna en plikt att öka samarbetet \
                  med organisationer och föreningar. Hur ska det ske?";
        assert!(missing(fi, sv).is_empty());
        assert_eq!(extra(fi, sv), ["2023"]);
    }

    #[test]
    fn seed_a2_en_gang_is_no_finding() {
        no_finding(
            "– Tapaamme vähintään kerran vuodessa.",
            "– Vi träffas minst en gång om året.",
        );
    }
}
