//! Reading numbers out of prose as people write them in Finnish and
//! Swedish: thousands groups, decimals, dates, clock times, phone numbers,
//! ranges and percentages.

use super::Number;
use crate::text::is_space;

/// The numbers written in digits, in order (see [`super::numbers`]).
pub(super) fn read(text: &str) -> Vec<Number> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut prev_time_end = None;
    let mut i = 0;
    loop {
        i = next_digit(bytes, i);
        if i >= bytes.len() {
            break;
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

/// The position of the first ASCII digit at or after `from`, or the
/// length. Eight bytes at a time: most of a text is not digits, and this
/// reads every segment on both sides, twice.
fn next_digit(bytes: &[u8], from: usize) -> usize {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = ONES * 0x80;
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // With the high bits cleared no byte carries into the next: a
        // byte's high bit is then set by `+ 0x50` when it is at least `0`
        // and by `+ 0x46` when it is past `9`. Bytes that had their high
        // bit set (not ASCII) are dropped.
        let low = x & !HIGH;
        let digits = (low + ONES * 0x50) & !(low + ONES * 0x46) & !x & HIGH;
        if digits != 0 {
            return i + (digits.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i + bytes.get(i..).map_or(0, |rest| {
        rest.iter()
            .position(u8::is_ascii_digit)
            .unwrap_or(rest.len())
    })
}

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
pub(super) fn strip_zeros(digits: &str) -> &str {
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

/// Whether the text before a number ends with a clock word (`klo`, `kl.`,
/// `kello`, `klockan`).
fn clock_before(before: &str) -> bool {
    clock_word_before(before).is_some()
}

/// Where the clock word that `before` ends with starts (`klo 18`, `kl. 18`:
/// a space between the word and the number); `None` without one.
pub(super) fn clock_word_before(before: &str) -> Option<usize> {
    let trimmed = before.trim_end_matches(is_space);
    if trimmed.len() == before.len() {
        return None;
    }
    let word = trimmed
        .rsplit(|c: char| !(c.is_alphabetic() || c == '.'))
        .next()
        .unwrap_or("");
    let bare = word.trim_end_matches('.');
    let clock = crate::lang::ALL
        .iter()
        .flat_map(|data| data.clock_words)
        .any(|w| w.eq_ignore_ascii_case(bare));
    clock.then(|| trimmed.len() - word.len())
}

/// Whether the text between two numbers is a range dash (`9.00–11.30`),
/// typed as any dash, a hyphen or a minus sign (`18‒20`, `18−20`).
pub(super) fn is_dash_gap(gap: &str) -> bool {
    let mut chars = gap.trim_matches(is_space).chars();
    chars.next().is_some_and(is_range_dash) && chars.next().is_none()
}

/// A character that joins the two ends of a range (`6–8`): a dash
/// ([`crate::text::is_dash`]), a hyphen or a minus sign.
pub(super) fn is_range_dash(c: char) -> bool {
    c == '-' || c == '−' || crate::text::is_dash(c)
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

#[cfg(test)]
mod tests {
    use super::super::numbers;
    use super::next_digit;
    use crate::checks::numbers::tests::{extra, missing, no_finding, values};

    proptest::proptest! {
        #[test]
        fn next_digit_finds_what_a_byte_by_byte_search_finds(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40),
            from in 0usize..45,
        ) {
            let simple = bytes
                .iter()
                .enumerate()
                .skip(from)
                .find(|(_, b)| b.is_ascii_digit())
                .map_or(bytes.len().max(from), |(i, _)| i);
            proptest::prop_assert_eq!(next_digit(&bytes, from), simple);
        }
    }

    #[test]
    fn next_digit_at_every_byte_value_and_position() {
        for b in 0..=255u8 {
            for at in 0..20 {
                let mut bytes = vec![b'x'; 20];
                bytes[at] = b;
                let expected = if b.is_ascii_digit() { at } else { 20 };
                assert_eq!(next_digit(&bytes, 0), expected, "{b} at {at}");
            }
        }
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
}
