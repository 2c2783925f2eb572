//! Pairing the numbers of a Finnish segment with those of its Swedish
//! translation, digits with digits first, then with number words.

use super::parse::strip_zeros;
use super::words::{Word, number_words};
use super::{Number, NumberDiff, numbers};
use std::collections::VecDeque;

use crate::lang::Lang;
use crate::morph::FastMap;
use crate::text::is_space;

/// The multiset difference of the numbers of `fi` and `sv` (see
/// [`super::compare`]).
pub(super) fn diff(fi: &str, sv: &str) -> NumberDiff {
    diff_reading_words(fi, sv, false)
}

/// [`diff`]; with `always` the number words of a side are read whenever a
/// number of the other side is open, as the tests compare.
fn diff_reading_words(fi: &str, sv: &str, always: bool) -> NumberDiff {
    let fi_nums = numbers(fi);
    let sv_nums = numbers(sv);
    let mut fi_open = vec![true; fi_nums.len()];
    let mut sv_open = vec![true; sv_nums.len()];

    // Equal values first, then the same digits read two ways (`1.10.` and
    // `1.10`, `15 000` and `15,000`, `18.30` and `klo 18.30`), so that a
    // looser match never takes a number an exact one needed.
    pair_off(
        &fi_nums,
        &mut fi_open,
        &sv_nums,
        &mut sv_open,
        value_key,
        value_key,
    );
    pair_off(
        &fi_nums,
        &mut fi_open,
        &sv_nums,
        &mut sv_open,
        |n| reading_keys(n, Side::Fi),
        |n| reading_keys(n, Side::Sv),
    );

    // Number words only matter for a digit number still unpaired that a
    // word can stand for (0–12: `satisfy_by_words` passes over the rest,
    // and most numbers left over are years); reading every word of the
    // other side is the costliest step, so skip it otherwise.
    if wants_words(&fi_nums, &fi_open, always) {
        let sv_words = number_words(sv, &sv_nums, Lang::Sv);
        satisfy_by_words(fi, &fi_nums, &mut fi_open, &sv_words);
    }
    if wants_words(&sv_nums, &sv_open, always) {
        let fi_words = number_words(fi, &fi_nums, Lang::Fi);
        satisfy_by_words(sv, &sv_nums, &mut sv_open, &fi_words);
    }

    NumberDiff {
        missing_in_sv: still_open(fi_nums, &fi_open),
        only_in_sv: still_open(sv_nums, &sv_open),
    }
}
/// Pairs each open Finnish number, in order, with the first open Swedish
/// number it matches. Two numbers match when they share a key; keys stand
/// for the match rule so that the first match is looked up, not searched
/// for (a paragraph with thousands of numbers would otherwise compare every
/// pair). Queues hold the Swedish numbers under each key, in order; closed
/// ones are dropped from a queue's front when met, so each is met once.
fn pair_off<'a>(
    fi: &'a [Number],
    fi_open: &mut [bool],
    sv: &'a [Number],
    sv_open: &mut [bool],
    fi_keys: impl Fn(&'a Number) -> Vec<Key<'a>>,
    sv_keys: impl Fn(&'a Number) -> Vec<Key<'a>>,
) {
    let mut queues: FastMap<Key<'a>, VecDeque<usize>> = FastMap::default();
    for (k, b) in sv.iter().enumerate() {
        if !sv_open[k] {
            continue;
        }
        let mut keys = sv_keys(b);
        keys.sort_unstable();
        keys.dedup();
        for key in keys {
            queues.entry(key).or_default().push_back(k);
        }
    }
    for (a, a_open) in fi.iter().zip(fi_open.iter_mut()) {
        if !*a_open {
            continue;
        }
        let mut first: Option<usize> = None;
        for key in fi_keys(a) {
            let Some(queue) = queues.get_mut(&key) else {
                continue;
            };
            while queue.front().is_some_and(|&k| !sv_open[k]) {
                queue.pop_front();
            }
            if let Some(&k) = queue.front() {
                first = Some(first.map_or(k, |f| f.min(k)));
            }
        }
        if let Some(k) = first {
            *a_open = false;
            sv_open[k] = false;
        }
    }
}

fn value_key(n: &Number) -> Vec<Key<'_>> {
    vec![Key::Value(&n.value)]
}

/// What a number is matched on; see [`pair_off`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Key<'a> {
    Value(&'a str),
    /// The digit groups as written (`1.10.` and `1.10`).
    Groups(Vec<&'a str>),
    /// The Finnish value is a full hour with minutes (`18:00`) and the
    /// Swedish is that hour (`18`), or the other way round.
    HourFi(&'a str),
    HourSv(&'a str),
}

#[derive(Clone, Copy)]
enum Side {
    Fi,
    Sv,
}

/// The keys of [`same_reading`]: two numbers read the same when they share
/// one (`same_reading(a, b)` ⇔ `reading_keys(a, Fi)` and
/// `reading_keys(b, Sv)` intersect).
fn reading_keys(n: &Number, side: Side) -> Vec<Key<'_>> {
    let mut keys = vec![Key::Groups(digit_groups(&n.text))];
    match side {
        Side::Fi => {
            if let Some(h) = full_hour(&n.value) {
                keys.push(Key::HourFi(h));
            }
            keys.push(Key::HourSv(&n.value));
        }
        Side::Sv => {
            keys.push(Key::HourFi(&n.value));
            if let Some(h) = full_hour(&n.value) {
                keys.push(Key::HourSv(h));
            }
        }
    }
    keys
}

/// Two numbers that differ in value but not in what was written: the same
/// digit groups (`1.10.` and `1.10`, `15 000` and `15,000`, `18.30` and
/// `klo 18.30`), or a full hour with and without minutes (`klo 18` and
/// `kl. 18.00`).
#[cfg(test)]
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

/// Whether an open number is one a number word can satisfy: without one,
/// [`satisfy_by_words`] changes nothing and the words need not be read.
/// With `always`, whether any number is open (the reading before this
/// shortcut, for the tests).
fn wants_words(nums: &[Number], open: &[bool], always: bool) -> bool {
    nums.iter()
        .zip(open)
        .any(|(number, &open)| open && (always || small_value(number).is_some()))
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
/// Words of one value and kind are interchangeable, so they are counted,
/// not searched for.
fn satisfy_by_words(text: &str, nums: &[Number], open: &mut [bool], words: &[Word]) {
    // [value][ordinal]
    let mut left = [[0usize; 2]; 256];
    for w in words {
        left[usize::from(w.value)][usize::from(w.ordinal)] += 1;
    }
    for (number, open) in nums.iter().zip(open.iter_mut()) {
        if !*open {
            continue;
        }
        let Some(n) = small_value(number) else {
            continue;
        };
        let counts = &mut left[usize::from(n)];
        // A cardinal word is the better fit, so use one up first.
        let pick = if counts[0] > 0 {
            Some(0)
        } else if counts[1] > 0 && is_ordinal(text, number) {
            Some(1)
        } else {
            None
        };
        if let Some(kind) = pick {
            counts[kind] -= 1;
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

    #[test]
    fn reading_keys_share_a_key_exactly_when_numbers_read_the_same() {
        use super::{Side, reading_keys, same_reading};
        let texts = "klo 18 kl. 18.00 18.30 klo 18.30 1.10. 1.10 15 000 15,000 6,2 6.2 \
                     2023 6.4. 6.4.2023 16.4. 10-20 3:e 1.2.3 12 % 0 00 18:00 7.00";
        let nums = crate::checks::numbers::numbers(texts);
        assert!(nums.len() > 15);
        for a in &nums {
            for b in &nums {
                let fi = reading_keys(a, Side::Fi);
                let sv = reading_keys(b, Side::Sv);
                let shared = fi.iter().any(|k| sv.contains(k));
                assert_eq!(shared, same_reading(a, b), "{} / {}", a.text, b.text);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn reading_words_only_for_small_numbers_changes_nothing(
            fi in "(2|12|13|2023|0|1\\.|3:e|6,2|kaksi|kahden|kolmas|yksitoista|ensimmäinen|kerran|vuonna|-| |\u{a0}|\\.){0,16}",
            sv in "(2|12|13|2023|0|1\\.|3:e|6\\.2|två|tredje|elva|första|en|ett|gång|år|-| |\u{a0}|\\.){0,16}",
        ) {
            proptest::prop_assert_eq!(
                super::diff(&fi, &sv),
                super::diff_reading_words(&fi, &sv, true)
            );
        }
    }

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
