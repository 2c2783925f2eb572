//! Dates, clock times, weekdays and months in segment text, for the
//! `date-time` rule: reading them on each side (`6.4.`, `6. huhtikuuta`,
//! `den 6 april`, `6.–8.4.`, `klo 18–20`, `kl. 15.30`, `maanantaina`,
//! `mån–tors`, `marraskuussa`, `i november`) and finding where the two sides
//! contradict each other.
//!
//! A contradiction is two different values of one kind left over in the
//! same row once equal values are paired off as multisets. A weekday or a
//! month on one side only is no contradiction (translations add and drop
//! them), nor is a date or time added in the Swedish or repeated fewer
//! times there. A date or clock time of the Finnish whose value the Swedish
//! of the row does not have at all is *dropped*: an event printed without
//! its day or its hour. The dates and times paired off, contradicting or
//! dropped leave the number comparison, so nothing is reported twice.
//!
//! The words come from the language tables (`lang::fi`, `lang::sv`); the
//! code knows no Finnish or Swedish word.

use std::borrow::Cow;
use std::collections::VecDeque;
use std::ops::Range;
use std::sync::OnceLock;

use super::parse::{clock_word_before, is_dash_gap, is_range_dash};
use super::{Number, numbers};
use crate::lang::{Lang, LangData};
use crate::morph::FastMap;
use crate::text::is_space;
use crate::tokens::{SOFT_HYPHEN, fold, is_hyphen};

type FastSet<T> = rustc_hash::FxHashSet<T>;

/// What a mention means, without how it was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum When {
    /// A day of a month, with the year when one is written.
    Date {
        day: u8,
        month: u8,
        year: Option<u16>,
    },
    /// A clock time; `klo 15` is 15:00.
    Time { hour: u8, minute: u8 },
    /// A weekday, 1 = Monday.
    Weekday(u8),
    /// A month named without a day (`marraskuussa`, `i november`).
    Month(u8),
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

impl When {
    /// What kind of value it is, as a message says it.
    pub fn kind(self) -> &'static str {
        match self {
            When::Date { .. } => "date",
            When::Time { .. } => "time",
            When::Weekday(_) => "weekday",
            When::Month(_) => "month",
        }
    }

    /// The value in words: `6 April 2025`, `15:00`, `Tuesday`, `October`.
    pub fn describe(self) -> String {
        let month = |m: u8| MONTHS[usize::from(m.clamp(1, 12) - 1)];
        match self {
            When::Date {
                day,
                month: m,
                year: Some(y),
            } => format!("{day} {} {y}", month(m)),
            When::Date {
                day,
                month: m,
                year: None,
            } => format!("{day} {}", month(m)),
            When::Time { hour, minute } => format!("{hour}:{minute:02}"),
            When::Weekday(d) => WEEKDAYS[usize::from(d.clamp(1, 7) - 1)].to_string(),
            When::Month(m) => month(m).to_string(),
        }
    }

    /// The value with the year left out, for pairing a date that has one
    /// with the same day written without.
    fn without_year(self) -> When {
        match self {
            When::Date { day, month, .. } => When::Date {
                day,
                month,
                year: None,
            },
            other => other,
        }
    }
}

/// A date, time, weekday or month as written in one text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub when: When,
    /// As written: `klo 15`, `6. huhtikuuta`, `6.–`, `onsdag`.
    pub text: String,
    /// Byte offset of the first byte of `text`.
    pub start: usize,
    /// Byte offset just past `text`.
    pub end: usize,
    /// The bytes of the year of a date (`2025` of `6.4.2025`).
    year: Option<Range<usize>>,
}

/// Two mentions of one kind that say different things.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub fi: Mention,
    pub sv: Mention,
}

/// How the dates and times of a Finnish segment and its translation
/// differ, and which bytes of each text they took from the number
/// comparison.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DateTimeDiff {
    /// Contradictions, in the order of the Finnish.
    pub conflicts: Vec<Conflict>,
    /// Dates and clock times of the Finnish whose value is nowhere in the
    /// Swedish, in the order of the Finnish.
    pub dropped: Vec<Mention>,
    fi_taken: Vec<Range<usize>>,
    sv_taken: Vec<Range<usize>>,
}

impl DateTimeDiff {
    /// `text` (the side `lang` of the comparison) with the dates and times
    /// this rule paired off or reported blanked out, same length so that
    /// offsets hold, for the `number` rule.
    pub fn without<'t>(&self, lang: Lang, text: &'t str) -> Cow<'t, str> {
        let taken = match lang {
            Lang::Fi => &self.fi_taken,
            Lang::Sv => &self.sv_taken,
        };
        if taken.is_empty() {
            return Cow::Borrowed(text);
        }
        let mut out = text.to_string();
        for range in taken {
            out.replace_range(range.clone(), &" ".repeat(range.len()));
        }
        Cow::Owned(out)
    }
}

/// The dates, clock times, weekdays and months of `text`, in order.
pub fn mentions(text: &str, lang: Lang) -> Vec<Mention> {
    Reader::new(text, lang).read()
}

/// The contradictions between the dates and times of `fi` and `sv` (see
/// the module documentation).
pub fn compare(fi: &str, sv: &str) -> DateTimeDiff {
    let fi_m = mentions(fi, Lang::Fi);
    // Nothing on the Finnish side: nothing to pair or contradict, and the
    // Swedish need not be read.
    if fi_m.is_empty() {
        return DateTimeDiff::default();
    }
    let sv_m = mentions(sv, Lang::Sv);
    let mut fi_open = vec![true; fi_m.len()];
    let mut sv_open = vec![true; sv_m.len()];
    let mut diff = DateTimeDiff::default();

    // Equal values first; then a date with its year against the same day
    // written without one (the year alone is left to the `number` rule).
    let pairs = pair_off(&fi_m, &mut fi_open, &sv_m, &mut sv_open, exact, exact);
    for &(a, b) in &pairs {
        diff.fi_taken.push(fi_m[a].start..fi_m[a].end);
        diff.sv_taken.push(sv_m[b].start..sv_m[b].end);
    }
    type Key = fn(&Mention) -> Option<When>;
    let keys: [(Key, Key); 2] = [(year_dropped, yearless), (yearless, year_dropped)];
    for (fi_key, sv_key) in keys {
        let pairs = pair_off(&fi_m, &mut fi_open, &sv_m, &mut sv_open, fi_key, sv_key);
        for &(a, b) in &pairs {
            diff.fi_taken.extend(except_year(&fi_m[a]));
            diff.sv_taken.extend(except_year(&sv_m[b]));
        }
    }

    // A month named on one side agrees with a date of that month on the
    // other (`huhtikuussa` and `den 6 april`).
    settle_months(&fi_m, &mut fi_open, &sv_m);
    settle_months(&sv_m, &mut sv_open, &fi_m);

    // A Finnish date the Swedish writes without the closing dot, as
    // Finland-Swedish often does (`6.4.` as `är 6.4 kl. 10`, `6.–8.4.` as
    // `6–8.4`), reads there as a decimal: it is that date when the row has
    // no other, paired as the dates above are. It takes no part in
    // contradictions: `6.4` may still be a decimal.
    if fi_m
        .iter()
        .zip(&fi_open)
        .any(|(m, &open)| open && m.when.kind() == "date")
    {
        let bare = bare_dates(fi, sv, &sv_m);
        let mut bare_open = vec![true; bare.len()];
        let keys: [(Key, Key); 3] = [
            (exact, exact),
            (year_dropped, yearless),
            (yearless, year_dropped),
        ];
        for (fi_key, sv_key) in keys {
            let pairs = pair_off(&fi_m, &mut fi_open, &bare, &mut bare_open, fi_key, sv_key);
            for &(a, b) in &pairs {
                diff.fi_taken.extend(except_year(&fi_m[a]));
                diff.sv_taken.extend(except_year(&bare[b]));
            }
        }
    }

    // What is left of one kind on both sides contradicts, in order.
    let left = |m: &[Mention], open: &[bool], kind: &str| -> Vec<usize> {
        (0..m.len())
            .filter(|&k| open[k] && m[k].when.kind() == kind)
            .collect()
    };
    for kind in ["date", "time", "weekday", "month"] {
        let fi_left = left(&fi_m, &fi_open, kind);
        let sv_left = left(&sv_m, &sv_open, kind);
        for (&a, &b) in fi_left.iter().zip(&sv_left) {
            diff.fi_taken.push(fi_m[a].start..fi_m[a].end);
            diff.sv_taken.push(sv_m[b].start..sv_m[b].end);
            diff.conflicts.push(Conflict {
                fi: fi_m[a].clone(),
                sv: sv_m[b].clone(),
            });
        }
        if kind == "date" || kind == "time" {
            // The Swedish's plain numbers, read on first need, and which
            // of them stood in for a time.
            let mut plain: Option<(Vec<super::Number>, Vec<bool>)> = None;
            for &a in fi_left.iter().skip(sv_left.len()) {
                let value = fi_m[a].when.without_year();
                if sv_m.iter().any(|m| m.when.without_year() == value) {
                    continue;
                }
                // A time the Swedish prints without a clock word (`klo
                // 12–16` as `öppet 12–16`): the same hour there as a
                // plain number, not yet paired, is that time.
                if let When::Time { hour, minute } = fi_m[a].when {
                    let (numbers, used) = plain.get_or_insert_with(|| {
                        let numbers = super::numbers(sv);
                        let used = vec![false; numbers.len()];
                        (numbers, used)
                    });
                    let taken = &diff.sv_taken;
                    let found = numbers.iter().enumerate().position(|(k, n)| {
                        let free =
                            !used[k] && !taken.iter().any(|t| t.start < n.end && n.start < t.end);
                        let same = (minute == 0 && n.value == hour.to_string())
                            || n.value == format!("{hour}:{minute:02}");
                        free && same
                    });
                    if let Some(k) = found {
                        used[k] = true;
                        diff.fi_taken.push(fi_m[a].start..fi_m[a].end);
                        diff.sv_taken.push(numbers[k].start..numbers[k].end);
                        continue;
                    }
                }
                diff.fi_taken.push(fi_m[a].start..fi_m[a].end);
                diff.dropped.push(fi_m[a].clone());
            }
        }
    }
    diff.conflicts.sort_by_key(|c| (c.fi.start, c.sv.start));
    diff.dropped.sort_by_key(|m| m.start);
    diff
}

/// Keys for [`pair_off`]: the value; a date with a year, as the day without
/// it; a date written without a year.
fn exact(m: &Mention) -> Option<When> {
    Some(m.when)
}

fn year_dropped(m: &Mention) -> Option<When> {
    matches!(m.when, When::Date { year: Some(_), .. }).then(|| m.when.without_year())
}

fn yearless(m: &Mention) -> Option<When> {
    matches!(m.when, When::Date { year: None, .. }).then_some(m.when)
}

/// The numbers of the Swedish `sv` written as a day and a month without
/// the closing dot (`6.4`, `6.4 2025`, the `6` of `6–8.4`), which the
/// number reader takes for decimals, as dates. Not those inside a mention
/// (`kl. 10.30`), those with a percent sign or word (`6.4 %`, `6.4
/// procent`), nor those whose value the Finnish `fi` has as a number
/// (`6,4 prosenttia`): decimals.
fn bare_dates(fi: &str, sv: &str, mentions: &[Mention]) -> Vec<Mention> {
    let fi_values: FastSet<String> = numbers(fi).into_iter().map(|n| n.value).collect();
    let percent = Lang::Sv.data().percent_stems;
    let mut out = Vec::new();
    for n in numbers(sv) {
        if mentions.iter().any(|m| m.start < n.end && n.start < m.end)
            || fi_values.contains(&n.value)
        {
            continue;
        }
        // A `%` is part of the number's text, so `6.4 %` is no day and
        // month.
        let Some((day, month)) = dotless_day_month(&n.text) else {
            continue;
        };
        let after = &sv[n.end..];
        let next_word = after.trim_start_matches(is_space);
        let percent_word = percent.iter().any(|stem| {
            next_word
                .get(..stem.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(stem))
        });
        if after.starts_with('.') || percent_word {
            continue;
        }
        // A year after it (`6.4 2025`).
        let year_digits = next_word.bytes().take_while(u8::is_ascii_digit).count();
        let year = (year_digits == 4)
            .then(|| next_word[..4].parse::<u16>().ok())
            .flatten()
            .filter(|y| (1000..=2999).contains(y));
        let (end, year_bytes) = match year {
            Some(_) => {
                let start = sv.len() - next_word.len();
                (start + 4, Some(start..start + 4))
            }
            None => (n.end, None),
        };
        // The first day of a range (`6–8.4`).
        let before = sv[..n.start].trim_end_matches(is_space);
        if let Some(before) = before.strip_suffix(is_range_dash) {
            let before = before.trim_end_matches(is_space);
            let first: usize = before.bytes().rev().take_while(u8::is_ascii_digit).count();
            let first_day = before[before.len() - first..].parse::<u8>().ok();
            if (1..=2).contains(&first)
                && let Some(first_day) = first_day.filter(|d| (1..=31).contains(d))
            {
                out.push(Mention {
                    when: When::Date {
                        day: first_day,
                        month,
                        year,
                    },
                    text: before[before.len() - first..].to_string(),
                    start: before.len() - first,
                    end: before.len(),
                    year: None,
                });
            }
        }
        out.push(Mention {
            when: When::Date { day, month, year },
            text: sv[n.start..end].to_string(),
            start: n.start,
            end,
            year: year_bytes,
        });
    }
    out
}

/// `14.10` as written without its closing dot: a day and a month of one
/// or two digits each, if they can be one.
fn dotless_day_month(text: &str) -> Option<(u8, u8)> {
    let (d, m) = text.split_once('.')?;
    let digits = |s: &str| (1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(d) || !digits(m) {
        return None;
    }
    let (day, month): (u8, u8) = (d.parse().ok()?, m.parse().ok()?);
    ((1..=31).contains(&day) && (1..=12).contains(&month)).then_some((day, month))
}

/// Words that join a time to the end of its range, as a dash does:
/// `kl. 12 till 16`, `mellan kl. 12 och 16`, `klo 12 ja 16 välillä`.
const TIME_RANGE_WORDS: &[&str] = &["till", "och", "ja"];

/// Whether the text after a clock time and before a number makes that
/// number the end of its range: a dash, or a word of [`TIME_RANGE_WORDS`]
/// between spaces.
fn is_time_range_gap(gap: &str) -> bool {
    is_dash_gap(gap)
        || (gap.starts_with(is_space)
            && gap.ends_with(is_space)
            && TIME_RANGE_WORDS.contains(&gap.trim_matches(is_space)))
}

/// A mention's bytes without its year: at most two ranges.
fn except_year(m: &Mention) -> impl Iterator<Item = Range<usize>> {
    let year = m.year.clone().unwrap_or(m.end..m.end);
    [m.start..year.start, year.end..m.end]
        .into_iter()
        .filter(|r| !r.is_empty())
}

/// Pairs each open Finnish mention, in order, with the first open Swedish
/// one of the same key; a queue per key keeps this linear however many
/// dates a calendar holds.
fn pair_off(
    fi: &[Mention],
    fi_open: &mut [bool],
    sv: &[Mention],
    sv_open: &mut [bool],
    fi_key: fn(&Mention) -> Option<When>,
    sv_key: fn(&Mention) -> Option<When>,
) -> Vec<(usize, usize)> {
    let mut queues: FastMap<When, VecDeque<usize>> = FastMap::default();
    for (k, m) in sv.iter().enumerate() {
        if let Some(key) = sv_open[k].then(|| sv_key(m)).flatten() {
            queues.entry(key).or_default().push_back(k);
        }
    }
    let mut pairs = Vec::new();
    for (a, m) in fi.iter().enumerate() {
        let Some(key) = fi_open[a].then(|| fi_key(m)).flatten() else {
            continue;
        };
        if let Some(b) = queues.get_mut(&key).and_then(VecDeque::pop_front) {
            fi_open[a] = false;
            sv_open[b] = false;
            pairs.push((a, b));
        }
    }
    pairs
}

/// Closes the open months of `own` that a date of `other` falls in.
fn settle_months(own: &[Mention], open: &mut [bool], other: &[Mention]) {
    let months: FastSet<u8> = other
        .iter()
        .filter_map(|m| match m.when {
            When::Date { month, .. } => Some(month),
            _ => None,
        })
        .collect();
    for (m, open) in own.iter().zip(open.iter_mut()) {
        if let When::Month(month) = m.when
            && months.contains(&month)
        {
            *open = false;
        }
    }
}

// ---------------------------------------------------------------------------
// Reading one side

/// How a word opens, for a quick look-up before folding it: its first
/// three bytes, ASCII lower-cased (every month and weekday name starts with
/// an ASCII letter; `ö` and `Ö` share their first byte), as one number so
/// that the look-up compares numbers, not slices.
fn opening(word: &str) -> Option<u32> {
    match word.as_bytes() {
        [a, b, c, ..] => Some(u32::from_be_bytes(
            [0, *a, *b, *c].map(|b| b.to_ascii_lowercase()),
        )),
        _ => None,
    }
}

/// The openings of a language's month and weekday names: sorted, and as
/// a filter of their first two bytes that most words fail before the
/// search (`pairs[first]` has bit `second - b'a'` for a letter, bit 26 for
/// any other second byte).
struct Openings {
    sorted: Vec<u32>,
    pairs: [u32; 256],
    /// The pair filter of every month, weekday and abbreviation, short ones
    /// too, for [`Openings::may_pass`]: `starts[b]` has the bit of each
    /// second byte (ASCII lower-cased; bit 26 for a one-byte name) of the
    /// names whose first byte is `b` as written or ASCII lower-cased.
    starts: [u32; 256],
}

impl Openings {
    fn pair_bit(second: u8) -> u32 {
        match second {
            b'a'..=b'z' => 1 << (second - b'a'),
            _ => 1 << 26,
        }
    }

    /// Whether `word` (a run of letters) may pass [`may_name_a_day`]: its
    /// first two bytes, ASCII lower-cased, open a name. Most words fail,
    /// and are then only skipped. An abbreviation is compared after Unicode
    /// lower-casing, which may turn a character that is not ASCII into one
    /// (`İ`), so a word whose second byte is not ASCII, or that has one
    /// byte only, is let by.
    fn may_pass(&self, word: &[u8]) -> bool {
        match word {
            [first, second, ..] if *second < 0x80 => {
                let bit = Openings::pair_bit(second.to_ascii_lowercase());
                self.starts[usize::from(first.to_ascii_lowercase())] & bit != 0
            }
            _ => true,
        }
    }

    fn contains(&self, opening: u32) -> bool {
        let [_, first, second, _] = opening.to_be_bytes();
        self.pairs[usize::from(first)] & Openings::pair_bit(second) != 0
            && self.sorted.binary_search(&opening).is_ok()
    }
}

/// The [`Openings`] of a language, worked out once.
fn openings(lang: Lang) -> &'static Openings {
    static FI: OnceLock<Openings> = OnceLock::new();
    static SV: OnceLock<Openings> = OnceLock::new();
    let cell = match lang {
        Lang::Fi => &FI,
        Lang::Sv => &SV,
    };
    cell.get_or_init(|| {
        let data = lang.data();
        let mut all: Vec<u32> = data
            .months
            .iter()
            .chain(data.weekdays)
            .chain(data.weekday_abbreviations.iter().map(|(a, _)| a))
            .filter_map(|w| opening(w))
            .collect();
        all.sort_unstable();
        all.dedup();
        let mut pairs = [0; 256];
        for o in &all {
            let [_, first, second, _] = o.to_be_bytes();
            pairs[usize::from(first)] |= Openings::pair_bit(second);
        }
        // An opening's first byte is lower-cased; an abbreviation is
        // compared with the word's first byte lower-cased, so its own first
        // byte counts as written.
        let mut starts = [0; 256];
        let names = data.months.iter().chain(data.weekdays);
        for name in names.chain(data.weekday_abbreviations.iter().map(|(a, _)| a)) {
            let (first, second) = match name.as_bytes() {
                [first, second, ..] => (*first, second.to_ascii_lowercase()),
                [first] => (*first, b' '),
                [] => continue,
            };
            for first in [first, first.to_ascii_lowercase()] {
                starts[usize::from(first)] |= Openings::pair_bit(second);
            }
        }
        Openings {
            sorted: all,
            pairs,
            starts,
        }
    })
}

/// Whether a word may be a month or a weekday, looked at before it is
/// folded: this reads every word of every row. A name or the head of an
/// elided one opens like a name (`openings`); a short word may be an
/// abbreviation.
fn may_name_a_day(word: &str, openings: &Openings, abbreviations: &[(&str, u8)]) -> bool {
    if let Some(o) = opening(word) {
        if openings.contains(o) {
            return true;
        }
        if word.len() > 4 {
            return false;
        }
    }
    let first = word.as_bytes()[0].to_ascii_lowercase();
    abbreviations.iter().any(|(abbr, _)| {
        abbr.len() == word.len()
            && abbr.as_bytes()[0] == first
            && word.chars().flat_map(char::to_lowercase).eq(abbr.chars())
    })
}

/// Whether the character at byte `i` of `text` (a character boundary) is
/// a letter or a soft hyphen, and its length.
#[inline]
fn letter_at(text: &str, i: usize) -> (bool, usize) {
    let bytes = text.as_bytes();
    if bytes[i] < 0x80 {
        return (bytes[i].is_ascii_alphabetic(), 1);
    }
    // U+00C0..U+00FF (`ä`, `ö`, `å`, …) are letters but for `×` and `÷`:
    // the Finnish and Swedish letters without decoding them.
    if bytes[i] == 0xC3 {
        return (!matches!(bytes.get(i + 1), Some(0x97 | 0xB7)), 2);
    }
    text[i..].chars().next().map_or((false, 1), |c| {
        (c.is_alphabetic() || c == SOFT_HYPHEN, c.len_utf8())
    })
}

/// A run of letters that opens like a month or a weekday: a word, or a
/// part of a hyphenated one (`ma-to`, `huhti-toukokuussa`).
#[cfg_attr(test, derive(Debug, PartialEq))]
struct Part {
    start: usize,
    end: usize,
    /// Lower case.
    folded: String,
    /// A hyphen or an en dash follows it directly: the head of an elided
    /// compound (`joulu-`, `huhti–toukokuussa`).
    hyphen_after: bool,
}

/// The runs of letters of `text` that may name a month or a weekday
/// ([`may_name_a_day`]), in order: what [`parts_simple`] reads, found
/// faster. This reads every byte of every row, so runs of ASCII letters
/// are crossed eight bytes at a time, and a run whose first two bytes open
/// no name is only crossed.
fn parts(text: &str, lang: Lang) -> Vec<Part> {
    let openings = openings(lang);
    let abbreviations = lang.data().weekday_abbreviations;
    let bytes = text.as_bytes();
    let mut parts = Vec::new();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let start = i;
        if b < 0x80 {
            if !b.is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            i = letters_end(text, i + 1);
        } else {
            let (letter, len) = letter_at(text, i);
            if !letter || text[i..].starts_with(SOFT_HYPHEN) {
                i += len;
                continue;
            }
            i = letters_end(text, i + len);
        }
        if !openings.may_pass(&bytes[start..i]) {
            continue;
        }
        let word = &text[start..i];
        if may_name_a_day(word, openings, abbreviations) {
            parts.push(Part {
                start,
                end: i,
                folded: fold(word),
                hyphen_after: text[i..].starts_with(|c| is_hyphen(c) || is_range_dash(c)),
            });
        }
    }
    parts
}

/// Where the run of letters and soft hyphens that goes on at byte `i` of
/// `text` (a character boundary) ends.
fn letters_end(text: &str, mut i: usize) -> usize {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = ONES * 0x80;
    let bytes = text.as_bytes();
    loop {
        while let Some(chunk) = bytes.get(i..i + 8) {
            let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            // With the high bits cleared and `0x20` set (ASCII lower case)
            // no byte carries into the next: a byte's high bit is then set
            // by `+ 0x1F` when it is at least `a` and by `+ 0x05` when it
            // is past `z`. A byte that had its high bit set is no ASCII
            // letter either; the loop below reads its character.
            let lower = (x & !HIGH) | (ONES * 0x20);
            let letters = (lower + ONES * 0x1F) & !(lower + ONES * 0x05) & !x & HIGH;
            let others = !letters & HIGH;
            if others != 0 {
                i += (others.trailing_zeros() / 8) as usize;
                break;
            }
            i += 8;
        }
        let Some(&b) = bytes.get(i) else {
            return i;
        };
        if b.is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        if b < 0x80 {
            return i;
        }
        let (letter, len) = letter_at(text, i);
        if !letter {
            return i;
        }
        i += len;
    }
}

/// The runs of letters that may name a day, a character at a time: the
/// reading [`parts`] must equal.
#[cfg(test)]
fn parts_simple(text: &str, lang: Lang) -> Vec<Part> {
    let data = lang.data();
    let openings = openings(lang);
    let bytes = text.as_bytes();
    let letter_at = |i: usize| letter_at(text, i);
    let mut parts = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] < 0x80 && !bytes[i].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let (letter, len) = letter_at(i);
        if !letter || text[i..].starts_with(SOFT_HYPHEN) {
            i += len;
            continue;
        }
        let start = i;
        i += len;
        while i < bytes.len() {
            if bytes[i].is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            if bytes[i] < 0x80 {
                break;
            }
            let (letter, len) = letter_at(i);
            if !letter {
                break;
            }
            i += len;
        }
        let end = i;
        let word = &text[start..end];
        if may_name_a_day(word, openings, data.weekday_abbreviations) {
            parts.push(Part {
                start,
                end,
                folded: fold(word),
                hyphen_after: text[end..].starts_with(|c| is_hyphen(c) || is_range_dash(c)),
            });
        }
    }
    parts
}

struct Reader<'t> {
    text: &'t str,
    data: &'static LangData,
    numbers: Vec<Number>,
    parts: Vec<Part>,
    out: Vec<Mention>,
}

impl<'t> Reader<'t> {
    fn new(text: &'t str, lang: Lang) -> Reader<'t> {
        Reader {
            text,
            data: lang.data(),
            numbers: numbers(text),
            parts: parts(text, lang),
            out: Vec::new(),
        }
    }

    fn read(self) -> Vec<Mention> {
        // Every mention is read from a number or a part: most segments
        // have neither, and nothing more need be set up for them.
        if self.numbers.is_empty() && self.parts.is_empty() {
            return Vec::new();
        }
        self.read_all()
    }

    fn read_all(mut self) -> Vec<Mention> {
        let weekday_ends = self.weekdays();
        let taken_words = self.numbers_read(&weekday_ends);
        self.months(&taken_words);
        self.out.sort_by_key(|m| m.start);
        self.out
    }

    fn push(&mut self, when: When, start: usize, end: usize, year: Option<Range<usize>>) {
        self.out.push(Mention {
            when,
            text: self.text[start..end].to_string(),
            start,
            end,
            year,
        });
    }

    /// The month a word names, inflected (`huhtikuussa`, `aprils`).
    fn month_of(&self, word: &str) -> Option<u8> {
        self.data.months.iter().zip(1..).find_map(|(stem, n)| {
            let ending = word.strip_prefix(stem)?;
            self.data.month_endings.contains(&ending).then_some(n)
        })
    }

    /// The month whose name heads an elided compound: `joulu-` of
    /// `joulu- ja tammikuussa`.
    fn elided_month_of(&self, word: &str) -> Option<u8> {
        let tail = self.data.month_elided_tail;
        if tail.is_empty() {
            return None;
        }
        self.data
            .months
            .iter()
            .zip(1..)
            .find_map(|(stem, n)| (stem.strip_suffix(tail)? == word).then_some(n))
    }

    fn weekday_of(&self, word: &str) -> Option<u8> {
        self.data
            .weekdays
            .iter()
            .zip(1..)
            .find_map(|(stem, n)| word.starts_with(stem).then_some(n))
    }

    fn abbreviation_of(&self, word: &str) -> Option<u8> {
        self.data
            .weekday_abbreviations
            .iter()
            .find_map(|&(abbr, n)| (abbr == word).then_some(n))
    }

    /// Weekday names and abbreviations; returns the byte offsets where
    /// they end, for opening hours after them (`ma–pe 15–17`).
    fn weekdays(&mut self) -> FastSet<usize> {
        let mut found = Vec::new();
        let mut in_range = vec![false; self.parts.len()];
        for k in 0..self.parts.len() {
            let part = &self.parts[k];
            if let Some(day) = self.weekday_of(&part.folded) {
                found.push((day, part.start, part.end));
                continue;
            }
            let Some(day) = self.abbreviation_of(&part.folded) else {
                continue;
            };
            // `ma–to`, `mån-tors`: two abbreviations joined by a dash.
            let range_with_next = self.parts.get(k + 1).is_some_and(|next| {
                self.abbreviation_of(&next.folded).is_some()
                    && is_dash_gap(&self.text[part.end..next.start])
            });
            if range_with_next {
                in_range[k + 1] = true;
            }
            if in_range[k] || range_with_next || self.before_date_or_time(part.end) {
                found.push((day, part.start, part.end));
            }
        }
        let mut ends = FastSet::default();
        for (day, start, end) in found {
            ends.insert(end);
            self.push(When::Weekday(day), start, end, None);
        }
        ends
    }

    /// Whether a date or a time follows `at`: `ti 2.12.`, `pe klo 10–18`,
    /// `fre. kl. 10`.
    fn before_date_or_time(&self, at: usize) -> bool {
        let rest = &self.text[at..];
        let rest = rest.strip_prefix('.').unwrap_or(rest);
        let after = rest.trim_start_matches(is_space);
        if after.len() == rest.len() {
            return false;
        }
        if after.starts_with(|c: char| c.is_ascii_digit()) {
            return true;
        }
        let word: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
        let word = word.to_lowercase();
        crate::lang::ALL
            .iter()
            .any(|data| data.clock_words.contains(&word.as_str()))
    }

    /// Dates and times written with digits, and days before a month name
    /// (`6. huhtikuuta`, `den 6 april 2025`). Returns the starts of the
    /// month words those dates took.
    fn numbers_read(&mut self, weekday_ends: &FastSet<usize>) -> FastSet<usize> {
        let nums = std::mem::take(&mut self.numbers);
        let text = self.text;
        let mut taken_words = FastSet::default();
        // Which mention each number became, for day ranges (`6.–8.4.`).
        let mut became: Vec<Option<When>> = vec![None; nums.len()];
        let mut year_of: Vec<bool> = vec![false; nums.len()];
        let mut prev_time_end: Option<usize> = None;
        // Where weekdays and dates end: a range right after one is hours.
        let mut day_ends = weekday_ends.clone();
        for k in 0..nums.len() {
            let n = &nums[k];
            if year_of[k] || n.value.starts_with("tel:") {
                prev_time_end = None;
                continue;
            }
            if let Some((when, year)) = numeric_date(n) {
                self.push(when, n.start, n.end, year);
                became[k] = Some(when);
                day_ends.insert(n.end);
                prev_time_end = None;
                continue;
            }
            let clock = clock_word_before(&text[..n.start]);
            let after_time = prev_time_end.is_some_and(|e| is_time_range_gap(&text[e..n.start]));
            // Hours after a weekday or a date: a rising range (`ma–pe
            // 15–17`, `ti 6.4. 18–20`), not an age range (`3–6-vuotiaille`)
            // or a score (`lauantaina 6–4`).
            let after_day = {
                let before = text[..n.start].trim_end_matches(is_space);
                before.len() < n.start
                    && day_ends.contains(&before.len())
                    && nums.get(k + 1).is_some_and(|next| {
                        is_dash_gap(&text[n.end..next.start])
                            && !text[next.end..]
                                .starts_with(|c: char| is_hyphen(c) || c.is_alphanumeric())
                            && hour_minute(&n.text) < hour_minute(&next.text)
                    })
            };
            let timed = n.value.contains(':') || clock.is_some() || after_time || after_day;
            if timed && let Some((hour, minute)) = hour_minute(&n.text) {
                let when = When::Time { hour, minute };
                self.push(when, clock.unwrap_or(n.start), n.end, None);
                became[k] = Some(when);
                prev_time_end = Some(n.end);
                continue;
            }
            prev_time_end = None;
            if let Some(when) = self.dotless_date(n, weekday_ends) {
                self.push(when, n.start, n.end, None);
                became[k] = Some(when);
                day_ends.insert(n.end);
                continue;
            }
            if let Some(day) = day_of(n)
                && let Some((month, word_end)) = self.month_after(n.end, &mut taken_words)
            {
                let mut end = word_end;
                let mut year = None;
                if let Some(next) = nums.get(k + 1)
                    && text[word_end..next.start].chars().all(is_space)
                    && next.start > word_end
                    && let Some(y) = year_value(next)
                {
                    year = Some((y, next.start..next.end));
                    year_of[k + 1] = true;
                    end = next.end;
                }
                let when = When::Date {
                    day,
                    month,
                    year: year.as_ref().map(|(y, _)| *y),
                };
                self.push(when, n.start, end, year.map(|(_, r)| r));
                became[k] = Some(when);
                day_ends.insert(end);
            }
        }
        // The first day of a range of days: `6.–8.4.`, `6–8 april`.
        for k in 0..nums.len().saturating_sub(1) {
            let (n, next) = (&nums[k], &nums[k + 1]);
            let (None, Some(When::Date { month, year, .. })) = (became[k], became[k + 1]) else {
                continue;
            };
            if year_of[k] {
                continue;
            }
            let gap = &text[n.end..next.start];
            let gap = gap.strip_prefix('.').unwrap_or(gap);
            if let Some(day) = day_of(n)
                && is_dash_gap(gap)
            {
                let end = if text[n.end..].starts_with('.') {
                    n.end + 1
                } else {
                    n.end
                };
                self.push(When::Date { day, month, year }, n.start, end, None);
            }
        }
        taken_words
    }

    /// `14.10` without its closing dot, read as a date after a date word
    /// or a weekday (`den 14.10`, `måndagen den 14.10`, `ti 14.10`).
    fn dotless_date(&self, n: &Number, weekday_ends: &FastSet<usize>) -> Option<When> {
        let (day, month) = dotless_day_month(&n.text)?;
        let before = self.text[..n.start].trim_end_matches(is_space);
        if before.len() == n.start {
            return None;
        }
        let word_start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic())
            .last()
            .map_or(before.len(), |(i, _)| i);
        let word = before[word_start..].to_lowercase();
        let introduced =
            weekday_ends.contains(&before.len()) || self.data.date_words.contains(&word.as_str());
        introduced.then_some(When::Date {
            day,
            month,
            year: None,
        })
    }

    /// The month named right after a day number at `at` (`6. huhtikuuta`,
    /// `6 april`, `6:e april`), and the end of its word, which it records
    /// in `taken`.
    fn month_after(&self, at: usize, taken: &mut FastSet<usize>) -> Option<(u8, usize)> {
        let rest = &self.text[at..];
        let rest = [".", ":e", ":a"]
            .iter()
            .find_map(|s| rest.strip_prefix(s))
            .unwrap_or(rest);
        let after = rest.trim_start_matches(is_space);
        let start = self.text.len() - after.len();
        if start == at {
            return None;
        }
        let k = self.parts.partition_point(|p| p.start < start);
        let part = self.parts.get(k).filter(|p| p.start == start)?;
        // Month names are written in lower case: `1. Elokuussa` is an item
        // number and a sentence, not the first of August.
        let word = &self.text[part.start..part.end];
        let mut letters = word.chars();
        let capitalised = letters.next().is_some_and(char::is_uppercase)
            && letters.next().is_some_and(char::is_lowercase);
        if capitalised && rest.len() < self.text.len() - at {
            return None;
        }
        let month = self.month_of(&part.folded)?;
        taken.insert(part.start);
        Some((month, part.end))
    }

    /// Months named without a day: `marraskuussa`, `i november`,
    /// `joulu-` of `joulu- ja tammikuussa`. A head counts only with a month
    /// name right after it (`kesä- ja heinäkuussa`): `kesä- ja syyslomat`
    /// are holidays, not June.
    fn months(&mut self, taken: &FastSet<usize>) {
        let mut found = Vec::new();
        for (k, part) in self.parts.iter().enumerate() {
            if taken.contains(&part.start) {
                continue;
            }
            let month = self.month_of(&part.folded).or_else(|| {
                if !part.hyphen_after {
                    return None;
                }
                let month = self.elided_month_of(&part.folded)?;
                // At most one word (`ja`, `och`) between.
                let month_follows = self.parts.get(k + 1).is_some_and(|next| {
                    let between = &self.text[part.end..next.start];
                    let words = between
                        .split(|c: char| is_space(c) || is_hyphen(c) || is_range_dash(c))
                        .filter(|w| !w.is_empty())
                        .count();
                    words <= 1 && self.month_of(&next.folded).is_some()
                });
                month_follows.then_some(month)
            });
            if let Some(month) = month {
                found.push((month, part.start, part.end));
            }
        }
        for (month, start, end) in found {
            self.push(When::Month(month), start, end, None);
        }
    }
}

/// A date in digits (`6.4.2025`, `2025-04-06`, `6.4.`, `6/4`), and the
/// bytes of its year.
fn numeric_date(n: &Number) -> Option<(When, Option<Range<usize>>)> {
    let v = &n.value;
    let (year, month_day) = match v.strip_prefix("--") {
        Some(md) => (None, md),
        None => {
            let (year, md) = v.split_once('-')?;
            (Some(year), md)
        }
    };
    let (m, d) = month_day.split_once('-')?;
    let year_value = match year {
        // `6.4.25`: this century.
        Some(y) if y.len() == 2 => Some(2000 + y.parse::<u16>().ok()?),
        Some(y) if y.len() == 4 => Some(y.parse().ok()?),
        Some(_) => return None,
        None => None,
    };
    let when = When::Date {
        day: d.parse().ok()?,
        month: m.parse().ok()?,
        year: year_value,
    };
    // The year is the first or the last digits as written.
    let year_bytes = year.map(|y| {
        if n.text.starts_with(y) {
            n.start..n.start + y.len()
        } else {
            n.end - y.len()..n.end
        }
    });
    Some((when, year_bytes))
}

/// `15`, `15.30`, `15:30`, `9.00` as an hour and minute.
fn hour_minute(text: &str) -> Option<(u8, u8)> {
    let (h, m) = match text.split_once(['.', ':']) {
        Some((h, m)) if m.len() == 2 => (h, m),
        Some(_) => return None,
        None => (text, "00"),
    };
    if !(1..=2).contains(&h.len()) || !h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (hour, minute): (u8, u8) = (h.parse().ok()?, m.parse().ok()?);
    (hour <= 24 && minute <= 59).then_some((hour, minute))
}

/// A whole number that can be a day of a month.
fn day_of(n: &Number) -> Option<u8> {
    if n.text.len() > 2 || !n.text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    n.text.parse().ok().filter(|d| (1..=31).contains(d))
}

/// A four-digit year after a date (`6 april 2025`).
fn year_value(n: &Number) -> Option<u16> {
    if n.text.len() != 4 || !n.text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    n.text.parse().ok().filter(|y| (1000..=2999).contains(y))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The contradictions as `(fi, sv)` texts.
    fn conflicts(fi: &str, sv: &str) -> Vec<(String, String)> {
        compare(fi, sv)
            .conflicts
            .into_iter()
            .map(|c| (c.fi.text, c.sv.text))
            .collect()
    }

    fn quiet(fi: &str, sv: &str) {
        let found = conflicts(fi, sv);
        assert!(found.is_empty(), "{fi:?} vs {sv:?}: {found:?}");
    }

    fn fires(fi: &str, sv: &str, expected: (&str, &str)) {
        let found = conflicts(fi, sv);
        assert_eq!(
            found,
            [(expected.0.to_string(), expected.1.to_string())],
            "{fi:?} vs {sv:?}"
        );
    }

    fn read(text: &str, lang: Lang) -> Vec<String> {
        mentions(text, lang)
            .into_iter()
            .map(|m| format!("{}={}", m.text, m.when.describe()))
            .collect()
    }

    // Reading

    #[test]
    fn the_pair_filter_keeps_every_opening() {
        for lang in [Lang::Fi, Lang::Sv] {
            let openings = openings(lang);
            for &o in &openings.sorted {
                assert!(openings.contains(o), "{:?}", o.to_be_bytes());
            }
            // Words that fail the filter fail the search too.
            for word in [
                "kissa",
                "Talo",
                "tammikuussa",
                "xyz",
                "ääni",
                "täti",
                "k1x",
                "Mån",
            ] {
                let Some(o) = opening(word) else { continue };
                assert_eq!(
                    openings.contains(o),
                    openings.sorted.binary_search(&o).is_ok(),
                    "{word}"
                );
            }
        }
    }

    /// [`mentions`] without its shortcuts: the parts read a character at a
    /// time, and the whole reader run however empty the text.
    fn mentions_simple(text: &str, lang: Lang) -> Vec<Mention> {
        let reader = Reader {
            text,
            data: lang.data(),
            numbers: numbers(text),
            parts: parts_simple(text, lang),
            out: Vec::new(),
        };
        reader.read_all()
    }

    /// Texts of the reader's own pieces: names, abbreviations and their
    /// heads, digits, clock words, odd spaces and letters, line ends.
    fn reader_like() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let mut pieces: Vec<String> = [
            "6",
            "14",
            "2025",
            ".",
            ":",
            ":e",
            "–",
            "-",
            "—",
            "/",
            " ",
            "\u{a0}",
            "\u{202f}",
            "\u{2009}",
            "\u{ad}",
            "\r\n",
            "\n",
            "\u{feff}",
            "\t",
            "klo ",
            "kl. ",
            "kello ",
            "klockan ",
            "den ",
            "ja",
            "och",
            "i ",
            "ä",
            "Ä",
            "ö",
            "å",
            "Å",
            "×",
            "÷",
            "é",
            "ß",
            "İ",
            "Σ",
            "ǅ",
            "𝟙",
            "٣",
            "’",
            "x",
            "X",
            "kuu",
            "kuussa",
            "ta",
            "a",
            "s",
            "en",
            "ar",
            "MA",
            "TIS",
            "MÅN",
            "Mån",
            "LÖR",
            "lör",
            "Huhtikuuta",
            "APRIL",
            "joulu-",
            "kesä-",
            "huhti",
        ]
        .iter()
        .map(|p| p.to_string())
        .collect();
        for lang in [Lang::Fi, Lang::Sv] {
            let data = lang.data();
            pieces.extend(data.months.iter().map(|m| m.to_string()));
            pieces.extend(data.weekdays.iter().map(|w| w.to_string()));
            pieces.extend(
                data.weekday_abbreviations
                    .iter()
                    .map(|(a, _)| a.to_string()),
            );
            pieces.extend(data.month_endings.iter().map(|e| e.to_string()));
            pieces.extend(data.clock_words.iter().map(|w| w.to_string()));
            pieces.extend(data.date_words.iter().map(|w| w.to_string()));
        }
        prop::collection::vec(prop::sample::select(pieces), 0..16).prop_map(|v| v.concat())
    }

    /// The texts the tests of this module read.
    const SAMPLES: [&str; 24] = [
        "Kuorokonsertti pidetään keskiviikkona 9.12. klo 17.30 kirkossa.",
        "Körkonserten hålls i kyrkan måndagen den 14.10 kl. 18–20.",
        "ma–pe 15–17, lauantaisin 10–14 ja sunnuntaina suljettu",
        "mån-tors kl. 10–20, fre 10–18, lör–sön stängt",
        "joulu- ja tammikuussa, huhti-toukokuussa, kesä–heinäkuussa",
        "kesä- ja syyslomilla joulukuusi ja joulukuusen elokuva marsch",
        "i viss mån to be or not 1. Elokuussa",
        "6.–8.4.2025, 4.–15. marraskuuta, 4–15 november 2025",
        "ÖVERSÄTTNING 6 APRIL 99999 \u{a0}6.\u{a0}huhtikuuta 6.\u{ad}4.",
        "Ti\u{ad}stai\u{ad}na \u{ad}ma ja \u{ad}\u{ad}ke 2.12. – to 4.12.",
        "\u{feff}Maanantaina\r\ntiistaina\r\n\r\nkeskiviikkona",
        "maanantai-iltana måndagskvällen måndagarna TORSTAINA",
        "Haku päättyy 6.4. – Ansökan ska lämnas in senast 16.4.",
        "äma öti åke ×ma ÷to éla ßsu İsu Σpe 𝟙ma ٣ti ’to",
        "MAANANTAINA 14.10 ja TI 15.10 klo 9 / TIS 15.10 kl 9",
        "voitti lauantaina 6–4, 3–6-vuotiaille, 15–17 henkeä",
        "den 6:e april, den 14.10 kl. 9, onsdag 14.10, 14.10 procent",
        "",
        " ",
        "\r\n",
        "ma",
        "Helmikuu\u{2009}2024\u{202f}klo\u{a0}9",
        "abcdefghijklmnopqrstuvwxyzäöåABCDEFGHIJKLMNOPQRSTUVWXYZ maaliskuussa",
        "x1y2z3 H2O CO2-päästöt Covid-19-rokote 1990-luvulla",
    ];

    #[test]
    fn parts_and_mentions_read_the_samples_as_the_simple_reading() {
        for text in SAMPLES {
            for lang in [Lang::Fi, Lang::Sv] {
                assert_eq!(parts(text, lang), parts_simple(text, lang), "{text:?}");
                assert_eq!(
                    mentions(text, lang),
                    mentions_simple(text, lang),
                    "{text:?}"
                );
            }
        }
        // Every name and abbreviation opens with a byte the filter lets by.
        for lang in [Lang::Fi, Lang::Sv] {
            let data = lang.data();
            let names = data.months.iter().chain(data.weekdays);
            let abbreviations = data.weekday_abbreviations.iter().map(|(a, _)| a);
            for name in names.chain(abbreviations) {
                for word in [name.to_string(), name.to_uppercase()] {
                    assert!(openings(lang).may_pass(word.as_bytes()), "{word}");
                    assert_eq!(parts(&word, lang), parts_simple(&word, lang), "{word}");
                }
            }
        }
    }

    /// Names, abbreviations and their heads, some letters upper-cased and
    /// some ending cut off or added.
    fn name_like() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let mut names: Vec<String> = Vec::new();
        for lang in [Lang::Fi, Lang::Sv] {
            let data = lang.data();
            names.extend(data.months.iter().map(|m| m.to_string()));
            names.extend(data.weekdays.iter().map(|w| w.to_string()));
            names.extend(
                data.weekday_abbreviations
                    .iter()
                    .map(|(a, _)| a.to_string()),
            );
        }
        let ends = prop::sample::select(vec!["", "a", "n", "ssa", "s", "İ", "\u{212a}", "ä"]);
        (
            prop::sample::select(names),
            prop::collection::vec(any::<bool>(), 12),
            0..12usize,
            ends,
        )
            .prop_map(|(name, upper, keep, end)| {
                let cased: String = name
                    .chars()
                    .zip(upper.iter().chain(std::iter::repeat(&false)))
                    .flat_map(|(c, &up)| {
                        let c: Vec<char> = if up {
                            c.to_uppercase().collect()
                        } else {
                            vec![c]
                        };
                        c
                    })
                    .take(keep.max(1))
                    .collect();
                format!("{cased}{end}")
            })
    }

    proptest::proptest! {
        #[test]
        fn the_byte_filter_lets_by_every_word_that_may_name_a_day(word in name_like()) {
            for lang in [Lang::Fi, Lang::Sv] {
                let openings = openings(lang);
                let abbreviations = lang.data().weekday_abbreviations;
                if may_name_a_day(&word, openings, abbreviations) {
                    proptest::prop_assert!(openings.may_pass(word.as_bytes()), "{}", word);
                }
                proptest::prop_assert_eq!(parts(&word, lang), parts_simple(&word, lang));
            }
        }

        #[test]
        fn parts_read_as_the_simple_reading(text in "\\PC{0,40}|[a-zA-ZåäöÅÄÖ\u{AD}×÷ .-]{0,40}") {
            for lang in [Lang::Fi, Lang::Sv] {
                proptest::prop_assert_eq!(parts(&text, lang), parts_simple(&text, lang));
            }
        }

        #[test]
        fn mentions_read_as_the_simple_reading(text in reader_like()) {
            for lang in [Lang::Fi, Lang::Sv] {
                proptest::prop_assert_eq!(parts(&text, lang), parts_simple(&text, lang));
                proptest::prop_assert_eq!(mentions(&text, lang), mentions_simple(&text, lang));
            }
        }
    }

    #[test]
    fn letters_read_without_decoding_are_letters() {
        for c in (0x80..0x800).filter_map(char::from_u32) {
            let text = format!("{c}x");
            let expected = (c.is_alphabetic() || c == SOFT_HYPHEN, c.len_utf8());
            assert_eq!(letter_at(&text, 0), expected, "{c:?}");
        }
    }

    #[test]
    fn dates_in_digits_and_words() {
        assert_eq!(read("6.4.", Lang::Fi), ["6.4.=6 April"]);
        assert_eq!(read("6.4.2025", Lang::Fi), ["6.4.2025=6 April 2025"]);
        assert_eq!(read("2025-04-06", Lang::Sv), ["2025-04-06=6 April 2025"]);
        assert_eq!(read("6. huhtikuuta", Lang::Fi), ["6. huhtikuuta=6 April"]);
        assert_eq!(
            read("6. huhtikuuta 2025 alkaen", Lang::Fi),
            ["6. huhtikuuta 2025=6 April 2025"]
        );
        assert_eq!(read("den 6 april", Lang::Sv), ["6 april=6 April"]);
        assert_eq!(read("den 6:e april", Lang::Sv), ["6:e april=6 April"]);
        assert_eq!(read("den 14.10 kl. 9", Lang::Sv)[0], "14.10=14 October");
        assert_eq!(read("onsdag 14.10", Lang::Sv)[1], "14.10=14 October");
        // Without a date word or weekday before it, `14.10` is a decimal.
        assert!(read("14.10 procent", Lang::Sv).is_empty());
    }

    #[test]
    fn a_range_of_days_gives_both_days() {
        assert_eq!(read("6.–8.4.", Lang::Fi), ["6.=6 April", "8.4.=8 April"]);
        assert_eq!(read("6–8.4.", Lang::Fi), ["6=6 April", "8.4.=8 April"]);
        assert_eq!(
            read("4.–15. marraskuuta", Lang::Fi),
            ["4.=4 November", "15. marraskuuta=15 November"]
        );
        assert_eq!(
            read("4–15 november", Lang::Sv),
            ["4=4 November", "15 november=15 November"]
        );
        // An age range is no date.
        assert!(read("3–6-vuotiaille", Lang::Fi).is_empty());
    }

    #[test]
    fn clock_times() {
        assert_eq!(read("klo 15", Lang::Fi), ["klo 15=15:00"]);
        assert_eq!(read("kl. 15.30", Lang::Sv), ["kl. 15.30=15:30"]);
        assert_eq!(read("kello 9.00", Lang::Fi), ["kello 9.00=9:00"]);
        assert_eq!(read("klockan 18", Lang::Sv), ["klockan 18=18:00"]);
        assert_eq!(read("18:30", Lang::Sv), ["18:30=18:30"]);
        assert_eq!(read("klo 18–20", Lang::Fi), ["klo 18=18:00", "20=20:00"]);
        assert_eq!(
            read("klo 10–10.30", Lang::Fi),
            ["klo 10=10:00", "10.30=10:30"]
        );
        // Opening hours after a weekday.
        assert_eq!(
            read("ma–pe 15–17", Lang::Fi),
            ["ma=Monday", "pe=Friday", "15=15:00", "17=17:00"]
        );
        assert_eq!(
            read("lauantaisin 10–14", Lang::Fi),
            ["lauantaisin=Saturday", "10=10:00", "14=14:00"]
        );
        assert_eq!(
            read("ti 6.4. 18–20", Lang::Fi),
            ["ti=Tuesday", "6.4.=6 April", "18=18:00", "20=20:00"]
        );
        assert_eq!(read("6.4. 3–6-vuotiaille", Lang::Fi), ["6.4.=6 April"]);
        assert_eq!(
            read("voitti lauantaina 6–4", Lang::Fi),
            ["lauantaina=Saturday"]
        );
        // Without a clock word or a weekday: plain numbers.
        assert!(read("15–17 henkeä", Lang::Fi).is_empty());
        assert!(read("lauantaina 10 lasta", Lang::Fi) == ["lauantaina=Saturday"]);
    }

    #[test]
    fn time_ranges_with_any_dash_or_a_word() {
        for text in [
            "kl. 18‒20",
            "kl. 18−20",
            "kl. 18―20",
            "kl. 18 – 20",
            "klockan 18 till 20",
        ] {
            assert_eq!(read(text, Lang::Sv)[1..], ["20=20:00"], "{text}");
        }
        assert_eq!(
            read("mellan kl. 12 och 16", Lang::Sv),
            ["kl. 12=12:00", "16=16:00"]
        );
        assert_eq!(
            read("klo 12 ja 16 välillä", Lang::Fi),
            ["klo 12=12:00", "16=16:00"]
        );
        quiet("klo 12–16", "klockan 12 till 16");
        quiet("klo 18–20", "kl. 18‒20");
        assert!(dropped("klo 12–16", "mellan kl. 12 och 16").is_empty());
        // The word joins a time to a number only: not after a plain number,
        // and a wrong end is still wrong.
        assert!(read("12 till 16", Lang::Sv).is_empty());
        assert_eq!(read("kl. 12 och 16 gäster", Lang::Sv)[1], "16=16:00");
        fires("klo 12–16", "klockan 12 till 17", ("16", "17"));
        assert!(read("kl. 12 tills 16", Lang::Sv).len() == 1);
    }

    #[test]
    fn a_time_printed_without_a_clock_word_is_that_time() {
        for sv in [
            "Öppet 12–16.",
            "Öppet mellan 12 och 16.",
            "Från 12 till 16.",
        ] {
            assert!(dropped("Avoinna klo 12–16.", sv).is_empty(), "{sv}");
            assert!(conflicts("Avoinna klo 12–16.", sv).is_empty(), "{sv}");
        }
        // A different hour is still not there.
        assert_eq!(dropped("Avoinna klo 12–16.", "Öppet 12–17."), ["16"]);
        // Each plain number stands in for one time only.
        assert_eq!(dropped("klo 12 ja klo 12.", "Öppet 12."), ["klo 12"]);
        // Minutes need the clock time's own form.
        assert_eq!(
            dropped("klo 10.30", "kvart över tio, 10 personer"),
            ["klo 10.30"]
        );
    }

    #[test]
    fn months_and_weekdays_inflected() {
        for word in [
            "huhtikuuta",
            "huhtikuussa",
            "huhtikuun",
            "huhtikuulle",
            "huhtikuusta",
            "Huhtikuu",
        ] {
            assert_eq!(read(word, Lang::Fi), [format!("{word}=April")], "{word}");
        }
        for word in ["april", "aprils", "April"] {
            assert_eq!(read(word, Lang::Sv), [format!("{word}=April")], "{word}");
        }
        for word in ["maanantaina", "maanantaisin", "maanantaista"] {
            assert_eq!(read(word, Lang::Fi), [format!("{word}=Monday")], "{word}");
        }
        assert_eq!(read("maanantai-iltana", Lang::Fi), ["maanantai=Monday"]);
        for word in [
            "måndag",
            "måndags",
            "måndagen",
            "måndagar",
            "måndagskvällen",
        ] {
            assert_eq!(read(word, Lang::Sv), [format!("{word}=Monday")], "{word}");
        }
        // The head of an elided compound.
        assert_eq!(
            read("joulu- ja tammikuussa", Lang::Fi),
            ["joulu=December", "tammikuussa=January"]
        );
        assert_eq!(
            read("huhti-toukokuussa", Lang::Fi),
            ["huhti=April", "toukokuussa=May"]
        );
        assert_eq!(
            read("kesä–heinäkuussa", Lang::Fi),
            ["kesä=June", "heinäkuussa=July"]
        );
        // Summer and autumn holidays: no month follows the head.
        assert!(read("kesä- ja syyslomilla", Lang::Fi).is_empty());
    }

    #[test]
    fn words_that_only_look_like_months_or_weekdays() {
        // A Christmas tree, a film, a march, a day count.
        assert!(read("joulukuusi ja joulukuusen", Lang::Fi).is_empty());
        assert!(read("elokuva", Lang::Fi).is_empty());
        assert!(read("marsch", Lang::Sv).is_empty());
        // `mån` and `to` are words too: abbreviations count only before a
        // date or a time, or as a range.
        assert!(read("i viss mån", Lang::Sv).is_empty());
        assert!(read("to be or not", Lang::Fi).is_empty());
        assert_eq!(
            read("ti 2.12.", Lang::Fi),
            ["ti=Tuesday", "2.12.=2 December"]
        );
        assert_eq!(read("fre kl. 10", Lang::Sv), ["fre=Friday", "kl. 10=10:00"]);
        assert_eq!(read("mån-tors", Lang::Sv), ["mån=Monday", "tors=Thursday"]);
        // An item number before a sentence that opens with a month.
        assert_eq!(read("1. Elokuussa", Lang::Fi), ["Elokuussa=August"]);
    }

    // Comparing: what the issue lists

    #[test]
    fn a_different_time_fires() {
        fires(
            "Konsertti alkaa klo 15.",
            "Konserten börjar kl. 16.",
            ("klo 15", "kl. 16"),
        );
        fires("klo 18–20", "kl. 18–21", ("20", "21"));
        fires("klo 18.30", "kl. 18.00", ("klo 18.30", "kl. 18.00"));
    }

    #[test]
    fn a_different_date_fires() {
        fires(
            "Haku päättyy 6.4.",
            "Ansökan ska lämnas in senast 16.4.",
            ("6.4.", "16.4."),
        );
        fires(
            "6. huhtikuuta",
            "den 16 april",
            ("6. huhtikuuta", "16 april"),
        );
        fires("6.4.2025", "6.4.2026", ("6.4.2025", "6.4.2026"));
        fires("ti 2.12.", "tis 3.12.", ("2.12.", "3.12."));
    }

    #[test]
    fn a_different_month_or_weekday_fires() {
        fires("lokakuussa", "i november", ("lokakuussa", "november"));
        fires("tiistaina", "på onsdag", ("tiistaina", "onsdag"));
        fires("ti 2.12.", "ons 2.12.", ("ti", "ons"));
    }

    #[test]
    fn the_same_date_or_time_written_differently_is_quiet() {
        quiet("klo 15", "kl. 15");
        quiet("kello 15", "klockan 15");
        quiet("klo 15", "kl. 15.00");
        quiet("klo 18–20", "kl. 18–20");
        quiet("klo 18–20", "kl. 18-20");
        quiet("klo 18–20", "kl. 18—20");
        quiet("klo 18 – 20", "kl. 18-20");
        quiet("6.4.", "6.4.");
        quiet("6.4.", "6 april");
        quiet("6.4.", "den 6 april");
        quiet("6. huhtikuuta", "den 6 april");
        quiet("6.–8.4.", "6–8 april");
        quiet("maanantaina 14.10.", "måndagen den 14.10");
        quiet("marraskuussa", "i november");
        quiet("maanantaina", "på måndag");
        quiet("maanantaisin", "måndagarna");
        quiet("ma–to klo 10–20", "mån–tors kl. 10–20");
        quiet("joulu- ja tammikuussa", "i december och januari");
    }

    #[test]
    fn one_side_only_is_no_contradiction() {
        // A year on one side only.
        quiet("6.4.2025", "6.4.");
        quiet("1.–3.5.2025", "1–3 maj");
        quiet("6.4.–8.4.2025", "6–8 april 2025");
        quiet("6.4.25", "6.4.2025");
        quiet("6. huhtikuuta", "den 6 april 2025");
        // A weekday, a month, a date or a time added or dropped.
        quiet("tiistaina 2.12.", "den 2.12.");
        quiet("2.12.", "tisdagen den 2 december");
        quiet("huhtikuussa", "");
        quiet("Konsertti on 6.4. klo 15.", "Konserten är den 6 april.");
        // A month on one side and a date in that month on the other.
        quiet("huhtikuun 6. päivänä", "den 6 april");
        quiet("Ensi vuoden alusta", "Från och med början av 2023");
    }

    /// The dates and times of the Finnish the Swedish has nowhere.
    fn dropped(fi: &str, sv: &str) -> Vec<String> {
        compare(fi, sv)
            .dropped
            .into_iter()
            .map(|m| m.text)
            .collect()
    }

    #[test]
    fn a_date_or_time_the_swedish_lacks_is_dropped() {
        assert_eq!(
            dropped(
                "Kuorokonsertti pidetään keskiviikkona 9.12. klo 17.30 kirkossa.",
                "Körkonserten hålls i kyrkan."
            ),
            ["9.12.", "klo 17.30"]
        );
        assert_eq!(
            dropped("Konsertti on 6.4. klo 15.", "Konserten är den 6 april."),
            ["klo 15"]
        );
        // Written otherwise, with or without a year: not dropped.
        assert!(dropped("6.4.2025 klo 15", "den 6 april kl. 15.00").is_empty());
        // A weekday or a month left out is not an event without its day.
        assert!(dropped("tiistaina 2.12.", "den 2.12.").is_empty());
        assert!(dropped("huhtikuussa", "").is_empty());
        // Fewer repeats of a date the Swedish has: merged, not dropped.
        assert!(dropped("6.4. ja 6.4.", "6.4.").is_empty());
        // A contradiction is reported as one, not also as dropped.
        assert!(dropped("klo 15", "kl. 16").is_empty());
        // The dropped date leaves the number comparison.
        let fi = "Konsertti 9.12. klo 17.30.";
        let diff = compare(fi, "Konsert.");
        assert!(super::super::numbers(&diff.without(Lang::Fi, fi)).is_empty());
    }

    #[test]
    fn calendars_compare_as_multisets() {
        quiet(
            "6.4. klo 15 ja 8.4. klo 18, 6.4. klo 18",
            "6.4. kl. 18, 6.4. kl. 15 och 8.4. kl. 18",
        );
        assert_eq!(
            conflicts("6.4., 7.4. ja 8.4.", "6.4., 8.4. och 9.4."),
            [("7.4.".to_string(), "9.4.".to_string())]
        );
        // Two of one date against one: a date dropped, not contradicted.
        quiet("6.4. ja 6.4.", "6.4.");
    }

    #[test]
    fn what_the_rule_took_leaves_the_number_comparison() {
        let diff = compare(
            "klo 15 ja 6.4.2025, 20 henkeä",
            "kl. 16 och 6.4., 20 personer",
        );
        assert_eq!(diff.conflicts.len(), 1);
        let fi = diff.without(Lang::Fi, "klo 15 ja 6.4.2025, 20 henkeä");
        let sv = diff.without(Lang::Sv, "kl. 16 och 6.4., 20 personer");
        // The year on one side only is left to the `number` rule.
        assert_eq!(super::super::numbers(&fi).len(), 2, "{fi}");
        assert_eq!(super::super::numbers(&sv).len(), 1, "{sv}");
        assert_eq!(fi.len(), "klo 15 ja 6.4.2025, 20 henkeä".len());
    }

    proptest::proptest! {
        #[test]
        fn reading_never_panics_and_spans_hold(
            text in "(6|14|2025|\\.|:|–|-|—| |\u{a0}|klo |kl\\. |den |huhtikuuta|april|joulu-|ja|ma|tis|maanantaina|måndag|ä|\u{ad}){0,24}",
        ) {
            for lang in [Lang::Fi, Lang::Sv] {
                for m in mentions(&text, lang) {
                    proptest::prop_assert_eq!(&text[m.start..m.end], m.text.as_str());
                }
            }
            // The same text, read as Finnish and as Swedish.
            let diff = compare(&text, &text);
            proptest::prop_assert_eq!(diff.without(Lang::Fi, &text).len(), text.len());
            proptest::prop_assert_eq!(diff.without(Lang::Sv, &text).len(), text.len());
        }
    }

    #[test]
    fn never_panics_and_offsets_hold() {
        let odd = [
            "",
            "6.",
            "6.–",
            "–8.4.",
            "6. ",
            "klo",
            "klo 25",
            "kl. 24.60",
            "den 32.13",
            "ma–",
            "–to",
            "joulu-",
            "-kuu",
            "ti 2.12",
            "6:e",
            "ÖVERSÄTTNING 6 april",
            "6 APRIL 99999",
            "1.2.3.4",
            "ma-ti-ke",
            "\u{a0}6.\u{a0}huhtikuuta",
            "6.\u{ad}4.",
        ];
        for fi in odd {
            for lang in [Lang::Fi, Lang::Sv] {
                for m in mentions(fi, lang) {
                    assert_eq!(&fi[m.start..m.end], m.text, "{fi:?}");
                }
            }
            for sv in odd {
                let diff = compare(fi, sv);
                assert_eq!(diff.without(Lang::Fi, fi).len(), fi.len());
                assert_eq!(diff.without(Lang::Sv, sv).len(), sv.len());
            }
        }
    }
}
