//! Numbers in segment text, for the `number` and `qa-count` rules (DESIGN §6).
//!
//! Owns reading numbers as people write them in Finnish and Swedish prose
//! (`15 000`, `6,2`, `1.10.2023`, `klo 18.30`, `25 %`), comparing the numbers
//! of a Finnish segment with those of its Swedish translation, and reading
//! how many questions a title promises. Pure: no I/O, never panics.

use serde::Serialize;

use crate::lang::Lang;
use crate::text::is_space;

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
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut prev_time_end = None;
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        if in_name(text, i) {
            i = skip_name(text, i);
            continue;
        }
        // `klo 9.00–11.30`: the end of a time range is a time too.
        let after_time = prev_time_end.is_some_and(|e| is_dash_gap(&text[e..i]));
        let clock = after_time || clock_before(&text[..i]);
        let parsed = parse_at(text, i, clock);
        let end = percent_end(text, parsed.end);
        prev_time_end = parsed.time.then_some(end);
        out.push(Number {
            value: parsed.value,
            text: text[parsed.start..end].to_string(),
            start: parsed.start,
            end,
        });
        i = end;
    }
    out
}

/// The difference between the numbers of `fi` and `sv`, each side taken as
/// a multiset of values. An empty diff means no finding.
///
/// A number written in words (0–12, `kaksi`, `kahden`, `två`; ordinals such
/// as `ensimmäinen` or `första` for `1.`) satisfies a digit number of that
/// value on the other side; number words are never reported themselves.
pub fn compare(fi: &str, sv: &str) -> NumberDiff {
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
        let mut sv_words = number_words(sv, Lang::Sv);
        satisfy_by_words(fi, &fi_nums, &mut fi_open, &mut sv_words);
    }
    if sv_open.iter().any(|&o| o) {
        let mut fi_words = number_words(fi, Lang::Fi);
        satisfy_by_words(sv, &sv_nums, &mut sv_open, &mut fi_words);
    }

    NumberDiff {
        missing_in_sv: still_open(fi_nums, &fi_open),
        only_in_sv: still_open(sv_nums, &sv_open),
    }
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
// Reading numbers

/// A number read at one position, before a percent sign is added.
struct Parsed {
    value: String,
    start: usize,
    end: usize,
    time: bool,
}

/// Spaces that group thousands (`15 000`, with NBSP, narrow NBSP or thin
/// space as typesetters leave them).
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// End of the run of ASCII digits starting at `i`.
fn run_end(bytes: &[u8], i: usize) -> usize {
    i + bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count()
}

fn digit_at(bytes: &[u8], i: usize) -> bool {
    bytes.get(i).is_some_and(u8::is_ascii_digit)
}

/// The digits without leading zeros (`0` stays `0`).
fn strip_zeros(digits: &str) -> &str {
    let stripped = digits.trim_start_matches('0');
    if stripped.is_empty() && !digits.is_empty() {
        "0"
    } else {
        stripped
    }
}

/// Whether the digit run at `i` is glued to a word on its left: `H2O`,
/// `Covid-19`.
fn in_name(text: &str, i: usize) -> bool {
    let mut before = text[..i].chars().rev();
    match before.next() {
        Some(c) if c.is_alphabetic() => true,
        Some('-') => before.next().is_some_and(char::is_alphabetic),
        _ => false,
    }
}

/// Skips a name with digits in it (`CO2-päästöt`, `Covid-19-rokote`) up to
/// the next space or punctuation that is not inside the name.
fn skip_name(text: &str, i: usize) -> usize {
    let mut chars = text[i..].char_indices().peekable();
    let mut end = i;
    while let Some((offset, c)) = chars.next() {
        let inside = c.is_alphanumeric()
            || (matches!(c, '.' | ',' | ':' | '-' | '/')
                && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric()));
        if !inside {
            break;
        }
        end = i + offset + c.len_utf8();
    }
    end
}

/// Whether the text before a number ends with `klo`, `kl.`, `kello` or
/// `klockan`.
fn clock_before(before: &str) -> bool {
    let trimmed = before.trim_end_matches(is_space);
    if trimmed.len() == before.len() {
        return false;
    }
    let word = trimmed
        .rsplit(|c: char| !(c.is_alphabetic() || c == '.'))
        .next()
        .unwrap_or("")
        .to_lowercase();
    matches!(
        word.as_str(),
        "klo" | "klo." | "kl" | "kl." | "kello" | "klockan"
    )
}

/// Whether the text between two numbers is a range dash (`9.00–11.30`).
fn is_dash_gap(gap: &str) -> bool {
    matches!(gap.trim_matches(is_space), "-" | "–" | "—")
}

/// A valid `d.m` or `d/m`: one or two digits each, a real day and month.
fn day_month(day: &str, month: &str) -> Option<(u32, u32)> {
    if day.len() > 2 || month.len() > 2 {
        return None;
    }
    let d: u32 = day.parse().ok()?;
    let m: u32 = month.parse().ok()?;
    ((1..=31).contains(&d) && (1..=12).contains(&m)).then_some((d, m))
}

fn clock_time(hours: &str, minutes: &str) -> Option<String> {
    if hours.len() > 2 || minutes.len() != 2 {
        return None;
    }
    let h: u32 = hours.parse().ok()?;
    let m: u32 = minutes.parse().ok()?;
    (h <= 24 && m <= 59).then(|| format!("{h}:{m:02}"))
}

fn decimal(int: &str, fraction: &str) -> String {
    let int = strip_zeros(int);
    let fraction = fraction.trim_end_matches('0');
    if fraction.is_empty() {
        int.to_string()
    } else {
        format!("{int}.{fraction}")
    }
}

/// Reads the number whose first digit is at `i`. Always consumes at least
/// the digit run at `i`.
fn parse_at(text: &str, i: usize, clock: bool) -> Parsed {
    let bytes = text.as_bytes();
    let first_end = run_end(bytes, i);
    let first = &text[i..first_end];
    let plain = |value: String, end: usize| Parsed {
        value,
        start: i,
        end,
        time: false,
    };

    if !clock && let Some(parsed) = phone(text, i, first_end) {
        return parsed;
    }

    match bytes.get(first_end) {
        // ISO date `2023-10-01`.
        Some(b'-') if first.len() == 4 => {
            if let Some(parsed) = iso_date(text, i, first_end) {
                return parsed;
            }
        }
        // `18:30`; `2023:n` and the Swedish ordinal `3:e` fall through.
        Some(b':') if digit_at(bytes, first_end + 1) => {
            let minutes_end = run_end(bytes, first_end + 1);
            if let Some(value) = clock_time(first, &text[first_end + 1..minutes_end]) {
                return Parsed {
                    value,
                    start: i,
                    end: minutes_end,
                    time: true,
                };
            }
        }
        Some(b'.' | b'/') if digit_at(bytes, first_end + 1) => {
            return separated(text, i, first_end, clock);
        }
        Some(b',') if digit_at(bytes, first_end + 1) => {
            let end = run_end(bytes, first_end + 1);
            return plain(decimal(first, &text[first_end + 1..end]), end);
        }
        _ => {}
    }

    if let Some(parsed) = grouped(text, i, first_end) {
        return parsed;
    }
    plain(strip_zeros(first).to_string(), first_end)
}

/// A phone number: digit groups separated by spaces or hyphens, starting
/// with `0` or `+` (`09 505 6000`, `+358 9 505 6000`), six digits at least
/// so that `08-12` stays a range.
fn phone(text: &str, i: usize, first_end: usize) -> Option<Parsed> {
    let bytes = text.as_bytes();
    let plus = i > 0 && bytes[i - 1] == b'+';
    let leading_zero = first_end - i >= 2 && bytes[i] == b'0';
    if !(plus || leading_zero) {
        return None;
    }
    let mut digits = text[i..first_end].to_string();
    let mut end = first_end;
    while let Some(sep) = text[end..].chars().next() {
        if !(sep == '-' || is_group_space(sep)) || !digit_at(bytes, end + sep.len_utf8()) {
            break;
        }
        let next_end = run_end(bytes, end + sep.len_utf8());
        digits.push_str(&text[end + sep.len_utf8()..next_end]);
        end = next_end;
    }
    if end == first_end || digits.len() < 6 {
        return None;
    }
    let start = if plus { i - 1 } else { i };
    let value = if plus {
        format!("tel:+{digits}")
    } else {
        format!("tel:{digits}")
    };
    Some(Parsed {
        value,
        start,
        end,
        time: false,
    })
}

fn iso_date(text: &str, i: usize, first_end: usize) -> Option<Parsed> {
    let bytes = text.as_bytes();
    let month_end = run_end(bytes, first_end + 1);
    if month_end - first_end != 3 || bytes.get(month_end) != Some(&b'-') {
        return None;
    }
    let day_end = run_end(bytes, month_end + 1);
    if day_end - month_end != 3 {
        return None;
    }
    let (d, m) = day_month(
        &text[month_end + 1..day_end],
        &text[first_end + 1..month_end],
    )?;
    Some(Parsed {
        value: format!("{}-{m:02}-{d:02}", &text[i..first_end]),
        start: i,
        end: day_end,
        time: false,
    })
}

/// Digit runs joined by `.` or `/`: dates (`1.10.2023`, `1.10.`, `1/10`),
/// times after `klo` (`18.30`), decimals (`6.2`) and section or version
/// numbers (`1.2.3.4`).
fn separated(text: &str, i: usize, first_end: usize, clock: bool) -> Parsed {
    let bytes = text.as_bytes();
    let sep = bytes[first_end];
    let mut runs = vec![(i, first_end)];
    let mut end = first_end;
    while bytes.get(end) == Some(&sep) && digit_at(bytes, end + 1) {
        let next_end = run_end(bytes, end + 1);
        runs.push((end + 1, next_end));
        end = next_end;
    }
    let run = |k: usize| &text[runs[k].0..runs[k].1];
    let trailing = bytes.get(end) == Some(&sep);
    let found = |value: String, end: usize, time: bool| Parsed {
        value,
        start: i,
        end,
        time,
    };

    if runs.len() == 3
        && matches!(run(2).len(), 2 | 4)
        && let Some((d, m)) = day_month(run(0), run(1))
    {
        return found(format!("{}-{m:02}-{d:02}", run(2)), end, false);
    }
    if runs.len() == 2 {
        if sep == b'.'
            && clock
            && let Some(value) = clock_time(run(0), run(1))
        {
            return found(value, end, true);
        }
        // `1.10.` and `1/10` are dates; `1.10` without the closing dot is
        // a decimal, which `same_reading` still pairs with `1.10.`.
        let closing_dot = trailing && sep == b'.';
        if (closing_dot || sep == b'/')
            && let Some((d, m)) = day_month(run(0), run(1))
        {
            let end = if closing_dot { end + 1 } else { end };
            return found(format!("--{m:02}-{d:02}"), end, false);
        }
        if sep == b'.' {
            return found(decimal(run(0), run(1)), end, false);
        }
    }
    if sep == b'/' {
        // `50/50`, `2023/24`: not a date; each side of the slash is a number.
        return found(strip_zeros(run(0)).to_string(), first_end, false);
    }
    let value = runs
        .iter()
        .map(|&(s, e)| strip_zeros(&text[s..e]))
        .collect::<Vec<_>>()
        .join(".");
    found(value, end, false)
}

/// `15 000`, `1 500 000`, `1 500,5`: a first group of one to three digits,
/// then groups of exactly three. `2023 15` is two numbers.
fn grouped(text: &str, i: usize, first_end: usize) -> Option<Parsed> {
    let bytes = text.as_bytes();
    if first_end - i > 3 || bytes[i] == b'0' {
        return None;
    }
    let mut digits = text[i..first_end].to_string();
    let mut end = first_end;
    while let Some(sep) = text[end..].chars().next().filter(|&c| is_group_space(c)) {
        let group_start = end + sep.len_utf8();
        if !digit_at(bytes, group_start) {
            break;
        }
        let group_end = run_end(bytes, group_start);
        if group_end - group_start != 3 {
            break;
        }
        digits.push_str(&text[group_start..group_end]);
        end = group_end;
    }
    if end == first_end {
        return None;
    }
    let mut value = strip_zeros(&digits).to_string();
    if matches!(bytes.get(end), Some(b',' | b'.')) && digit_at(bytes, end + 1) {
        let fraction_end = run_end(bytes, end + 1);
        value = decimal(&digits, &text[end + 1..fraction_end]);
        end = fraction_end;
    }
    Some(Parsed {
        value,
        start: i,
        end,
        time: false,
    })
}

/// Extends a number over a following `%` or ` %`.
fn percent_end(text: &str, end: usize) -> usize {
    let mut chars = text[end..].chars();
    match chars.next() {
        Some('%') => end + 1,
        Some(c) if is_group_space(c) && chars.next() == Some('%') => end + c.len_utf8() + 1,
        _ => end,
    }
}

// ---------------------------------------------------------------------------
// Comparing

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

// ---------------------------------------------------------------------------
// Number words

/// A number written as a word.
struct Word {
    value: u8,
    ordinal: bool,
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

fn cardinal_word(word: &str, lang: Lang) -> Option<u8> {
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

/// The numbers 0–12 written as words, cardinal or ordinal.
fn number_words(text: &str, lang: Lang) -> Vec<Word> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .filter_map(|w| {
            let w = w.to_lowercase();
            cardinal_word(&w, lang)
                .map(|value| Word {
                    value,
                    ordinal: false,
                })
                .or_else(|| {
                    ordinal_word(&w, lang).map(|value| Word {
                        value,
                        ordinal: true,
                    })
                })
        })
        .collect()
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
    let mut nums = numbers(title).into_iter().peekable();
    let mut out = Vec::new();
    let mut word_start = None;
    for (i, c) in title.char_indices().chain([(title.len(), ' ')]) {
        if let Some(start) = word_start
            && !c.is_alphabetic()
        {
            out.push(Token {
                kind: TokenKind::Word(title[start..i].to_lowercase()),
                start,
                end: i,
            });
            word_start = None;
        }
        if let Some(number) = nums.next_if(|n| n.start <= i) {
            let whole = number.text.bytes().all(|b| b.is_ascii_digit());
            out.push(Token {
                kind: TokenKind::Number(whole.then(|| number.value.parse().ok()).flatten()),
                start: number.start,
                end: number.end,
            });
        }
        if word_start.is_none() && c.is_alphabetic() {
            word_start = Some(i);
        }
    }
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
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<String> {
        numbers(text).into_iter().map(|n| n.value).collect()
    }

    fn missing(fi: &str, sv: &str) -> Vec<String> {
        compare(fi, sv)
            .missing_in_sv
            .into_iter()
            .map(|n| n.value)
            .collect()
    }

    fn extra(fi: &str, sv: &str) -> Vec<String> {
        compare(fi, sv)
            .only_in_sv
            .into_iter()
            .map(|n| n.value)
            .collect()
    }

    fn no_finding(fi: &str, sv: &str) {
        let diff = compare(fi, sv);
        assert!(diff.is_empty(), "{fi:?} vs {sv:?}: {diff:?}");
    }

    // Reading numbers

    #[test]
    fn thousands_grouped_with_any_space_are_one_number() {
        for text in [
            "15 000",
            "15\u{a0}000",
            "15\u{202f}000",
            "15\u{2009}000",
            "15000",
        ] {
            assert_eq!(values(text), ["15000"], "{text:?}");
        }
        assert_eq!(values("1 500 000 euroa"), ["1500000"]);
    }

    #[test]
    fn thousands_grouping_needs_groups_of_three() {
        assert_eq!(values("vuonna 2023 15 henkeä"), ["2023", "15"]);
        assert_eq!(values("vuonna 2023 150 henkeä"), ["2023", "150"]);
        assert_eq!(values("15 00"), ["15", "0"]);
        assert_eq!(values("15 0000"), ["15", "0"]);
    }

    #[test]
    fn thousands_grouping_compared() {
        no_finding("Avustus on 15 000 euroa.", "Bidraget är 15\u{a0}000 euro.");
        no_finding("15\u{202f}000 €", "15000 euro");
        assert_eq!(
            missing("Avustus on 15 000 euroa.", "Bidraget är 1 500 euro."),
            ["15000"]
        );
        assert_eq!(
            extra("Avustus on 15 000 euroa.", "Bidraget är 1 500 euro."),
            ["1500"]
        );
    }

    #[test]
    fn decimal_comma_and_point_are_the_same_value() {
        assert_eq!(values("6,2"), ["6.2"]);
        assert_eq!(values("6.2"), ["6.2"]);
        assert_eq!(values("6,20 %"), ["6.2"]);
        assert_eq!(values("1 500,5"), ["1500.5"]);
        no_finding("kasvua 6,2 prosenttia", "en ökning på 6.2 procent");
        assert_eq!(
            missing("kasvua 6,2 prosenttia", "en ökning på 6,3 procent"),
            ["6.2"]
        );
    }

    #[test]
    fn a_date_is_one_value() {
        assert_eq!(values("1.10.2023"), ["2023-10-01"]);
        assert_eq!(values("31.12.2023 mennessä"), ["2023-12-31"]);
        assert_eq!(values("2023-10-01"), ["2023-10-01"]);
        assert_eq!(values("alkaen 1.10. klo 9"), ["--10-01", "9"]);
        let date = &numbers("Haku päättyy 1.10. kello 16.")[0];
        assert_eq!(date.text, "1.10.");
        assert_eq!(values("den 1/10"), ["--10-01"]);
        no_finding(
            "Haku päättyy 1.10.2023.",
            "Ansökan ska lämnas in senast 1.10.2023.",
        );
        no_finding("1.10.2023", "2023-10-01");
        no_finding("Haku päättyy 1.10.", "Ansökan ska lämnas in senast 1.10.");
        // Written without the closing dot the digits are still the same.
        no_finding("Haku päättyy 1.10.", "Ansökan ska lämnas in senast 1.10");
        assert_eq!(missing("1.10.2023", "2.10.2023"), ["2023-10-01"]);
        assert_eq!(missing("1.10.2023", "1.10."), ["2023-10-01"]);
    }

    #[test]
    fn a_range_is_two_numbers() {
        for text in ["7–22", "7-22", "7—22", "7 – 22"] {
            assert_eq!(values(text), ["7", "22"], "{text:?}");
        }
        assert_eq!(values("2020-2023"), ["2020", "2023"]);
        no_finding("klo 7–22", "kl. 7-22");
        assert_eq!(missing("klo 7–22", "kl. 7–21"), ["22"]);
        assert_eq!(missing("7–22-vuotiaat", "22-åringar"), ["7"]);
    }

    #[test]
    fn percent_forms_are_one_value() {
        for text in ["25 %", "25%", "25\u{a0}%", "25 prosenttia", "25 procent"] {
            assert_eq!(values(text), ["25"], "{text:?}");
        }
        assert_eq!(numbers("25 %")[0].text, "25 %");
        no_finding("25 %", "25%");
        no_finding("25 prosenttia", "25 procent");
        no_finding("25 %", "25 procent");
        assert_eq!(missing("25 %", "26 %"), ["25"]);
    }

    #[test]
    fn times_are_one_value() {
        assert_eq!(values("klo 18.30"), ["18:30"]);
        assert_eq!(values("kl. 18.30"), ["18:30"]);
        assert_eq!(values("klockan 18.30"), ["18:30"]);
        assert_eq!(values("18:30"), ["18:30"]);
        assert_eq!(values("klo 9.00–11.30"), ["9:00", "11:30"]);
        no_finding("klo 18.30", "kl. 18.30");
        no_finding("klo 18.30", "18.30");
        no_finding("klo 18", "kl. 18.00");
        assert_eq!(missing("klo 18.30", "kl. 19.30"), ["18:30"]);
    }

    #[test]
    fn ordinals_are_the_number() {
        assert_eq!(values("1. kerta"), ["1"]);
        no_finding("1. kerta", "första gången");
        no_finding("Hän tuli 3. sijalle.", "Hon kom på 3:e plats.");
        // An ordinal word does not stand in for a plain count.
        assert_eq!(missing("2 kuntaa", "andra kommuner"), ["2"]);
    }

    #[test]
    fn currency_does_not_change_the_value() {
        for text in ["15 000 euroa", "15 000 euro", "15 000 €", "€15 000"] {
            assert_eq!(values(text), ["15000"], "{text:?}");
        }
    }

    #[test]
    fn digits_in_names_are_not_numbers() {
        assert!(values("Covid-19").is_empty());
        assert!(values("H2O ja A4-arkki, CO2-päästöt, G20").is_empty());
        no_finding("Covid-19-pandemia", "covid-19-pandemin");
        no_finding("Covid-19-pandemia", "pandemin");
        // Digits followed by a suffix are numbers.
        assert_eq!(values("1990-luvulla 2023:n 3D"), ["1990", "2023", "3"]);
    }

    #[test]
    fn an_answer_dash_is_not_a_minus() {
        assert_eq!(values("– 2023 oli hyvä vuosi."), ["2023"]);
        no_finding("– 2023 oli hyvä vuosi.", "– 2023 var ett bra år.");
    }

    #[test]
    fn phone_numbers_are_read_the_same_on_both_sides() {
        assert_eq!(values("puh. 09 505 6000"), ["tel:095056000"]);
        assert_eq!(values("+358 9 505 6000"), ["tel:+35895056000"]);
        no_finding("Soita 09 505 6000.", "Ring 09 505 6000.");
        assert_eq!(
            missing("Soita 09 505 6000.", "Ring 09 505 6001."),
            ["tel:095056000"]
        );
        // Too short for a phone number: a range.
        assert_eq!(values("08-12"), ["8", "12"]);
    }

    #[test]
    fn text_and_offsets_point_at_the_number() {
        let text = "Vuonna 2023 avustus oli 15\u{a0}000 € eli 25 % enemmän (klo 18.30).";
        for number in numbers(text) {
            assert_eq!(&text[number.start..number.end], number.text);
        }
        let texts: Vec<_> = numbers(text).into_iter().map(|n| n.text).collect();
        assert_eq!(texts, ["2023", "15\u{a0}000", "25 %", "18.30"]);
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
    fn number_words_are_never_missing() {
        no_finding("kaksi kuntaa", "kommunerna");
        no_finding("kommunerna", "två kommuner");
    }

    #[test]
    fn swedish_article_en_is_not_a_finding() {
        no_finding("vähintään kerran vuodessa", "minst en gång om året");
        no_finding("kerran", "en gång");
    }

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
