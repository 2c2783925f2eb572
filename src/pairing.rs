//! Pairs the Swedish with the Finnish by content (DESIGN §2.2).
//!
//! Ids come from the Finnish. When both sides have the same structure and
//! every pair is plausible, id pairing stands (the fast path). Otherwise the
//! paragraphs of both sides go to the aligner ([`crate::align`]), and its
//! steps become *rows*: one or more Finnish segments with the Swedish text
//! that translates them, Swedish paragraphs that translate nothing
//! (extras), and the structural slips that explain the difference (a merge,
//! a split, a lost dash, a question glued to its answer). Every content
//! rule then compares the texts of one row, so a slip never moves a finding
//! to another segment.

use std::ops::Range;

use crate::align::{self, Move, Role, Step, Unit};
use crate::checks::numbers;
use crate::glossary::{MatchKind, Matcher};
use crate::segment::{Element, Kind, Segment, Segmented, starts_with_answer_dash};
use crate::text::{is_word_char, sentence_count, word_count};

/// Finnish segments and the Swedish text paired with them.
#[derive(Debug, Clone)]
pub struct Row {
    /// Indices of the Finnish segments covered (usually one).
    pub fi: Range<usize>,
    /// The Swedish text of the row (its id is the first Finnish id), or
    /// `None` when nothing in sv.txt translates it. Read it through
    /// [`Alignment::sv`].
    pub sv: Option<SvText>,
    /// The Finnish text of a row of several segments as one segment.
    pub fi_joined: Option<Box<Segment>>,
}

/// The Swedish of a row.
#[derive(Debug, Clone)]
pub enum SvText {
    /// A segment of sv.txt as segmented, by index, when its id is the
    /// Finnish id already (always on the fast path): nothing is copied.
    Segment(usize),
    /// Paragraphs the alignment gave the row, joined into one segment
    /// under the row's id.
    Joined(Box<Segment>),
}

/// What a structural slip is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlipKind {
    /// One Swedish paragraph holds several Finnish segments.
    Merged,
    /// One Finnish paragraph is split over Swedish paragraphs read as
    /// separate segments.
    Split,
    /// The Swedish answer lacks its dash (or has `-` with no space).
    LostDash,
    /// A question and its answer in one Swedish paragraph.
    Glued,
    /// Part of a Finnish segment has no Swedish (the rest has).
    PartMissing,
    /// Two neighbouring segments' Swedish in the other order.
    Swapped,
}

/// One structural slip, at the Swedish text where it shows.
#[derive(Debug, Clone)]
pub struct Slip {
    pub kind: SlipKind,
    /// The Finnish segment the slip is reported on.
    pub fi: usize,
    /// The Swedish text the slip is about, to locate it; `None` when the
    /// slip is a Finnish paragraph with no Swedish.
    pub sv: Option<Segment>,
    pub message: String,
}

/// How the Swedish of an article pairs with its Finnish.
#[derive(Debug, Clone, Default)]
pub struct Alignment {
    pub rows: Vec<Row>,
    /// Swedish paragraphs with no Finnish counterpart.
    pub extras: Vec<Segment>,
    pub slips: Vec<Slip>,
    /// Finnish segment index → its row.
    pub row_of: Vec<usize>,
    /// Rows whose question and answer were left out together: reported
    /// once, on the question.
    pub qa_missing: Vec<usize>,
    /// Whether id pairing stood (no alignment was needed).
    pub fast: bool,
}

impl Alignment {
    /// The row holding Finnish segment `fi`.
    pub fn row(&self, fi: usize) -> &Row {
        &self.rows[self.row_of[fi]]
    }

    /// The Swedish of a row, if any.
    pub fn sv<'a>(&'a self, row: &'a Row, sv: Option<&'a Segmented>) -> Option<&'a Segment> {
        match row.sv.as_ref()? {
            SvText::Segment(i) => sv?.segments.get(*i),
            SvText::Joined(s) => Some(s),
        }
    }

    /// Finnish text of a row: the segment itself, or the joined segments.
    pub fn fi_text<'a>(&'a self, row: &'a Row, fi: &'a Segmented) -> &'a Segment {
        row.fi_joined
            .as_deref()
            .unwrap_or(&fi.segments[row.fi.start])
    }
}

/// One paragraph of a segment.
#[derive(Debug, Clone, Copy)]
struct Para<'a> {
    seg: usize,
    part: usize,
    /// Byte offset of the paragraph in its segment's text.
    start: usize,
    text: &'a str,
    line: usize,
    end_line: usize,
}

fn paragraphs(side: &Segmented) -> Vec<Para<'_>> {
    let mut out = Vec::new();
    for (seg, s) in side.segments.iter().enumerate() {
        // A list is one unit however its items are spaced: a blank line
        // between items on one side only is layout, not a paragraph
        // more (the aligner's moves join two paragraphs, not five).
        if s.role == Element::List {
            out.push(Para {
                seg,
                part: 0,
                start: 0,
                text: &s.text,
                line: s.line,
                end_line: s.end_line,
            });
            continue;
        }
        let mut start = 0;
        for (part, text) in s.text.split("\n\n").enumerate() {
            let (line, end_line) = s.parts.get(part).copied().unwrap_or((s.line, s.end_line));
            out.push(Para {
                seg,
                part,
                start,
                text,
                line,
                end_line,
            });
            start += text.len() + 2;
        }
    }
    out
}

/// A segment of the given paragraphs of one side (contiguous in the file).
fn joined(side: &Segmented, paras: &[Para<'_>], id: &str) -> Segment {
    let first = &side.segments[paras[0].seg];
    let whole = paras.len() == first.text.split("\n\n").count()
        && paras.iter().all(|p| p.seg == paras[0].seg);
    if whole {
        let mut s = first.clone();
        s.id = id.to_string();
        return s;
    }
    let mut text = String::new();
    let mut offsets = Vec::new();
    for p in paras {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        // The words of the paragraph keep their place in the file.
        let seg = &side.segments[p.seg];
        let range = p.start..p.start + p.text.len();
        offsets.extend(
            seg.offsets
                .iter()
                .filter(|(t, _)| range.contains(t))
                .map(|&(t, src)| (t - p.start + text.len(), src)),
        );
        text.push_str(p.text);
    }
    Segment {
        n: first.n,
        id: id.to_string(),
        kind: first.kind,
        // An intro joined with its list is read as a list: its item
        // markers are no numbers, and its items are counted.
        role: if paras
            .iter()
            .any(|p| side.segments[p.seg].role == Element::List)
        {
            Element::List
        } else {
            first.role
        },
        line: paras[0].line,
        end_line: paras[paras.len() - 1].end_line,
        words: word_count(&text),
        text,
        parts: paras.iter().map(|p| (p.line, p.end_line)).collect(),
        offsets,
    }
}

/// Letters and digits: the Gale–Church length.
fn chars(text: &str) -> usize {
    text.chars().filter(|&c| is_word_char(c)).count()
}

/// A short line with no final punctuation: a heading, a label.
fn heading_like(text: &str) -> bool {
    let words = text.split(' ').count();
    words <= 8
        && !text
            .trim_end()
            .ends_with(['.', '!', '?', ':', ';', ',', '…', '”', '"'])
}

/// Capitalised words that do not start a sentence, lower-cased: names
/// mostly, which translations keep (`Taru`, `Ikäheimonen`).
fn names(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    // A speaker's name before the colon (`Anna: …`, `Eero Lahti: …`) is a
    // name though it starts the paragraph.
    if let Some((head, _)) = text.split_once(": ")
        && head.split(' ').count() <= 3
        && head
            .split(' ')
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        out.extend(head.split(' ').map(str::to_lowercase));
    }
    let mut sentence_start = true;
    for (_, word) in crate::tokens::words(text) {
        let core = word.trim_matches(|c: char| !c.is_alphanumeric());
        let capital = core.chars().next().is_some_and(char::is_uppercase);
        // ALL-CAPS words are headings and questions in capitals, not names.
        let shouting = core
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        if capital && !sentence_start && !shouting && core.chars().count() > 1 {
            out.push(core.to_lowercase());
        }
        sentence_start = word.ends_with(['.', '!', '?', ':']) || word.starts_with(['–', '—', '-']);
    }
    out
}

/// Whether the paragraph's first line is a heading typed straight above
/// its text (no blank line): short and unpunctuated, with text under it.
/// Needs the text as given to the segmenter, for the line breaks.
fn glued_heading(p: &Para<'_>, seg: &Segment, raw: Option<&str>) -> bool {
    let Some(raw) = raw else { return false };
    let range = p.start..p.start + p.text.len();
    // The runs of the paragraph (see `Segment::offsets`): every line
    // starts one.
    let runs: Vec<(usize, usize)> = seg
        .offsets
        .iter()
        .copied()
        .filter(|(t, _)| range.contains(t))
        .collect();
    let Some(k) = runs.windows(2).position(|w| {
        let len = seg.text[w[0].0..w[1].0].trim_end().len();
        let end = w[0].1 + len;
        raw.get(end.min(w[1].1)..w[1].1)
            .is_some_and(|gap| gap.contains(['\n', '\r']))
    }) else {
        return false;
    };
    // What follows need not start a sentence: a calendar's month header
    // sits above `ti 2.12. klo 18`.
    let first_line = &seg.text[runs[0].0..runs[k + 1].0].trim_end();
    let rest = &seg.text[runs[k + 1].0..range.end];
    heading_like(first_line) && crate::tokens::words(rest).nth(3).is_some()
}

fn unit(p: &Para<'_>, side: &Segmented, terms: Vec<u32>, raw: Option<&str>) -> Unit {
    let seg = &side.segments[p.seg];
    let role = match (seg.kind, seg.role) {
        (Kind::Kicker, _) => Role::Kicker,
        (Kind::Title, _) => Role::Title,
        (Kind::Question, _) => Role::Question,
        (Kind::Answer, _) if p.part == 0 => Role::AnswerStart,
        (Kind::Answer, _) => Role::AnswerMore,
        (
            Kind::Paragraph,
            Element::Subheading | Element::Caption | Element::List | Element::Byline,
        ) => Role::Other,
        // A short line without final punctuation reads as a heading
        // wherever it stands (the segmenter's subheading rule also asks
        // for body text around it).
        (Kind::Paragraph, _) if heading_like(p.text) => Role::Other,
        (Kind::Paragraph, _) => Role::Body,
    };
    // Anchors sorted and distinct, as the aligner scores them (it would
    // otherwise sort a copy of every unit), and no larger than they are:
    // there is a unit for every paragraph of both sides.
    let (numbers, names) = anchors(p.text);
    Unit {
        chars: chars(p.text),
        numbers,
        names,
        terms,
        question: p.text.trim_end().ends_with('?'),
        dash: starts_with_answer_dash(p.text),
        // A heading has no sentence of its own.
        sentences: if role == Role::Other && heading_like(p.text) {
            0
        } else {
            sentence_count(p.text)
        },
        glued_heading: glued_heading(p, seg, raw),
        glued_intro: seg.role == Element::List
            && !crate::segment::opens_with_item(p.text)
            && p.text.contains(':'),
        intro: p.text.trim_end().ends_with(':'),
        role,
        segment: p.seg,
    }
}

/// Glossary terms of a paragraph: on the Finnish side the terms used, on
/// the Swedish side the terms whose required rendering is used.
fn terms(matcher: Option<&Matcher>, text: &str, fi: bool) -> Vec<u32> {
    let Some(matcher) = matcher else {
        return Vec::new();
    };
    let found = if fi {
        matcher.find_fi(text)
    } else {
        matcher.find_sv(text)
    };
    let mut ids: Vec<u32> = found
        .into_iter()
        .filter(|m| fi || m.kind == MatchKind::Sv)
        .map(|m| m.term as u32)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids.shrink_to_fit();
    ids
}

/// Same roles in the same order, the same number of paragraphs in each,
/// and every pair's length plausible: the ids pair as they are.
fn same_structure(fi: &Segmented, sv: &Segmented) -> bool {
    fi.segments.len() == sv.segments.len()
        && fi.segments.iter().zip(&sv.segments).all(|(f, s)| {
            // A paragraph more or fewer inside a segment (an answer that
            // lost one, a note added inside it) is for the aligner to judge.
            f.id == s.id && f.parts.len() == s.parts.len() && {
                // Bytes, not letters: cheap, and the ratio is what counts.
                let (a, b) = (f.text.len() as f64, s.text.len() as f64);
                // Short segments (names, headings) vary freely; longer ones
                // stay within a factor of two, as real translations do.
                a.max(b) < 60.0 || (b >= 0.45 * a && b <= 2.2 * a)
            }
        })
}

/// The glossary for alignment, asked for only when an article needs
/// aligning (most do not), so commands that rarely need it never compile it.
pub type MatcherFn<'a> = &'a (dyn Fn() -> Option<&'a Matcher> + Sync);

/// Pairs `sv` with `fi`. Without Swedish, every row is empty.
/// The texts as given to the segmenter (its offsets index them), for what
/// only the line breaks tell.
#[derive(Debug, Clone, Copy, Default)]
pub struct Raw<'a> {
    pub fi: Option<&'a str>,
    pub sv: Option<&'a str>,
}

pub fn pair(
    fi: &Segmented,
    sv: Option<&Segmented>,
    matcher: MatcherFn<'_>,
    raw: Raw<'_>,
) -> Alignment {
    let n = fi.segments.len();
    let Some(sv) = sv else {
        return Alignment {
            rows: (0..n)
                .map(|i| Row {
                    fi: i..i + 1,
                    sv: None,
                    fi_joined: None,
                })
                .collect(),
            row_of: (0..n).collect(),
            fast: true,
            ..Alignment::default()
        };
    };
    let mut alignment = if same_structure(fi, sv) {
        Alignment {
            rows: fi
                .segments
                .iter()
                .zip(&sv.segments)
                .enumerate()
                .map(|(i, (_, s))| Row {
                    fi: i..i + 1,
                    sv: (!s.text.trim().is_empty()).then_some(SvText::Segment(i)),
                    fi_joined: None,
                })
                .collect(),
            row_of: (0..n).collect(),
            fast: true,
            ..Alignment::default()
        }
    } else {
        aligned(fi, sv, matcher(), raw)
    };
    swaps(fi, sv, &mut alignment);
    alignment
}

/// A text's numbers (their values) and names, each sorted and distinct:
/// the anchors the aligner scores ([`unit`]) and [`shared_anchors`] counts.
fn anchors(text: &str) -> (Vec<String>, Vec<String>) {
    let sorted = |mut v: Vec<String>| {
        v.sort_unstable();
        v.dedup();
        v.shrink_to_fit();
        v
    };
    let values = numbers::numbers(text)
        .into_iter()
        .map(|n| n.value)
        .collect();
    (sorted(values), sorted(names(text)))
}

/// Numbers and names a Finnish segment and a Swedish text share: what
/// tells which Swedish translates it when two are in another order.
fn shared_anchors(fi: &Segment, sv: &Segment) -> usize {
    let ((fn_, fnames), (sn, snames)) = (anchors(&fi.text), anchors(&sv.text));
    let numbers = fn_.iter().filter(|n| sn.contains(n)).count();
    let mut counted: Vec<&String> = Vec::new();
    for a in &fnames {
        if !counted.contains(&a) && snames.iter().any(|b| align::same_name(a, b)) {
            counted.push(a);
        }
    }
    numbers + counted.len()
}

/// Bytes of a text's opening [`opening_number`] looks in.
const OPENING_BYTES: usize = 32;

/// The first run of digits in a text's opening (`7` of `sön 7.12. kl. 10`):
/// what entries of a calendar, a timetable or a ranking open with. A
/// quick look asked first, so that [`shared_anchors`] parses only the
/// neighbours that open crossed.
fn opening_number(text: &str) -> Option<&[u8]> {
    let bytes = &text.as_bytes()[..text.len().min(OPENING_BYTES)];
    let start = bytes.iter().position(u8::is_ascii_digit)?;
    let len = bytes[start..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    Some(&bytes[start..start + len])
}

/// Two neighbouring rows whose Swedish each reads as the other's (calendar
/// entries put in another order): they open with different numbers, each
/// the one the other's Swedish opens with ([`opening_number`]), and each
/// Finnish segment shares more numbers and names with the other row's
/// Swedish than with its own, and at least one. Their Swedish is
/// exchanged, so every rule compares each text with its translation, and
/// the move is one `structure` slip instead of a finding for every date
/// and number.
fn swaps(fi: &Segmented, sv: &Segmented, alignment: &mut Alignment) {
    let mut r = 0;
    while r + 1 < alignment.rows.len() {
        let (x, y) = (&alignment.rows[r], &alignment.rows[r + 1]);
        let single = |row: &Row| row.fi.len() == 1 && row.fi_joined.is_none();
        let (Some(sx), Some(sy)) = (alignment.sv(x, Some(sv)), alignment.sv(y, Some(sv))) else {
            r += 1;
            continue;
        };
        let (fx, fy) = (&fi.segments[x.fi.start], &fi.segments[y.fi.start]);
        let alike = fx.kind == fy.kind && fx.role == fy.role && single(x) && single(y);
        // A quick look first: neighbours that open with different
        // numbers, each the number the other's Swedish opens with.
        let maybe = alike && {
            let (a, b) = (opening_number(&fx.text), opening_number(&fy.text));
            a.is_some() && a != b && a == opening_number(&sy.text) && b == opening_number(&sx.text)
        };
        let crossed = maybe && {
            let (xy, yx) = (shared_anchors(fx, sy), shared_anchors(fy, sx));
            xy > 0 && yx > 0 && xy > shared_anchors(fx, sx) && yx > shared_anchors(fy, sy)
        };
        if !crossed {
            r += 1;
            continue;
        }
        let renamed = |s: &Segment, id: &str| {
            let mut s = s.clone();
            s.id = id.to_string();
            SvText::Joined(Box::new(s))
        };
        let (new_x, new_y) = (renamed(sy, &fx.id), renamed(sx, &fy.id));
        let (first, second) = if sx.line <= sy.line {
            (sx, sy)
        } else {
            (sy, sx)
        };
        let slip = Slip {
            kind: SlipKind::Swapped,
            fi: x.fi.start,
            sv: Some(first.clone()),
            message: format!(
                "fi {} and {} are in the other order in the Swedish (sv.txt:{} and :{}); \
                 each is checked against its own translation",
                fx.id, fy.id, first.line, second.line
            ),
        };
        alignment.rows[r].sv = Some(new_x);
        alignment.rows[r + 1].sv = Some(new_y);
        alignment.slips.push(slip);
        alignment.fast = false;
        r += 2;
    }
}

fn aligned(fi: &Segmented, sv: &Segmented, matcher: Option<&Matcher>, raw: Raw<'_>) -> Alignment {
    // The two sides' units are independent: made side by side. The
    // paragraphs are listed again for the rows rather than kept through
    // the alignment, the most memory-hungry step.
    let units = |side: &Segmented, fi_side: bool, raw: Option<&str>| -> Vec<Unit> {
        paragraphs(side)
            .iter()
            .map(|p| unit(p, side, terms(matcher, p.text, fi_side), raw))
            .collect()
    };
    let (fi_units, sv_units) = rayon::join(|| units(fi, true, raw.fi), || units(sv, false, raw.sv));
    let steps = align::align(&fi_units, &sv_units);
    // Only the shape of each unit is read from here on: the rest goes
    // before the rows are made.
    let shape = |units: Vec<Unit>| -> Vec<Shape> {
        units
            .iter()
            .map(|u| Shape {
                role: u.role,
                dash: u.dash,
            })
            .collect()
    };
    let (fi_shapes, sv_shapes) = (shape(fi_units), shape(sv_units));
    let (fi_paras, sv_paras) = (paragraphs(fi), paragraphs(sv));
    build(fi, sv, &fi_paras, &sv_paras, &fi_shapes, &sv_shapes, &steps)
}

/// What the rows need of a unit once it is aligned.
#[derive(Debug, Clone, Copy)]
struct Shape {
    role: Role,
    dash: bool,
}

#[allow(clippy::too_many_arguments)]
fn build(
    fi: &Segmented,
    sv: &Segmented,
    fi_paras: &[Para<'_>],
    sv_paras: &[Para<'_>],
    fi_units: &[Shape],
    sv_units: &[Shape],
    steps: &[Step],
) -> Alignment {
    let n = fi.segments.len();
    // Rows: Finnish segments joined by steps that span them (a merge).
    let mut row_end: Vec<usize> = (0..n).map(|i| i + 1).collect();
    for step in steps {
        if step.fi.len() > 1 && step.sv.len() == 1 {
            let first = fi_paras[step.fi.start].seg;
            let last = fi_paras[step.fi.end - 1].seg;
            if last > first {
                row_end[first] = row_end[first].max(last + 1);
            }
        }
    }
    let mut rows: Vec<Row> = Vec::new();
    let mut row_of = vec![0; n];
    let mut i = 0;
    while i < n {
        let mut end = row_end[i];
        let mut k = i;
        while k < end {
            end = end.max(row_end[k]);
            k += 1;
        }
        for r in &mut row_of[i..end] {
            *r = rows.len();
        }
        rows.push(Row {
            fi: i..end,
            sv: None,
            fi_joined: (end - i > 1).then(|| {
                let paras: Vec<Para<'_>> = fi_paras
                    .iter()
                    .filter(|p| (i..end).contains(&p.seg))
                    .copied()
                    .collect();
                Box::new(joined(fi, &paras, &fi.segments[i].id))
            }),
        });
        i = end;
    }

    // The Swedish paragraphs of each row (rows and paragraphs come in
    // order), and the extras.
    let mut row_paras: Vec<(usize, Para<'_>)> = Vec::new();
    let mut extras = Vec::new();
    let mut slips = Vec::new();
    let mut qa_missing = Vec::new();
    for step in steps {
        let sv_here: Vec<Para<'_>> = sv_paras[step.sv.clone()].to_vec();
        if step.fi.is_empty() {
            for p in &sv_here {
                extras.push(joined(sv, std::slice::from_ref(p), &sv.segments[p.seg].id));
            }
            continue;
        }
        let row = row_of[fi_paras[step.fi.start].seg];
        row_paras.extend(sv_here.iter().map(|&p| (row, p)));
        let fi_seg = fi_paras[step.fi.start].seg;
        let fi_first = &fi.segments[fi_seg];
        let at = |paras: &[Para<'_>]| joined(sv, paras, &fi_first.id);
        match step.mv {
            Move::Match => {
                let (f, s) = (&fi_units[step.fi.start], &sv_units[step.sv.start]);
                // Answers signed `Name:` have no dash to lose.
                if f.role == Role::AnswerStart && f.dash && !s.dash {
                    let question = fi_seg
                        .checked_sub(1)
                        .map(|q| &fi.segments[q])
                        .filter(|q| q.kind == Kind::Question);
                    let what = match question {
                        Some(q) => format!("the answer to {}", q.id),
                        None => format!("answer {}", fi_first.id),
                    };
                    let text = sv_here[0].text;
                    let how = if text.starts_with('-') {
                        "its dash is typed `-` with no space after it"
                    } else {
                        "it lacks its dash"
                    };
                    slips.push(Slip {
                        kind: SlipKind::LostDash,
                        fi: fi_seg,
                        sv: Some(at(&sv_here)),
                        message: format!(
                            "{what} (sv.txt:{}): {how}, so it does not read as an answer",
                            sv_here[0].line
                        ),
                    });
                }
            }
            Move::Merge => {
                let a = fi_paras[step.fi.start];
                let b = fi_paras[step.fi.end - 1];
                if a.seg != b.seg {
                    let (sa, sb) = (&fi.segments[a.seg], &fi.segments[b.seg]);
                    let line = sv_here[0].line;
                    let (kind, message) = if sa.kind == Kind::Question && sb.kind == Kind::Answer {
                        (
                            SlipKind::Glued,
                            format!(
                                "{} and its answer are glued in one paragraph (sv.txt:{line}); \
                                 put a blank line before the answer's dash",
                                sa.id
                            ),
                        )
                    } else {
                        (
                            SlipKind::Merged,
                            format!(
                                "the Swedish paragraph at sv.txt:{line} holds fi {}+{}; \
                                 split it, or keep it merged and mark both",
                                sa.id, sb.id
                            ),
                        )
                    };
                    slips.push(Slip {
                        kind,
                        fi: a.seg,
                        sv: Some(at(&sv_here)),
                        message,
                    });
                }
            }
            Move::Split => {
                let f = fi_paras[step.fi.start];
                let seg = &fi.segments[f.seg];
                let (a, b) = (sv_here[0], sv_here[sv_here.len() - 1]);
                // An answer or a body paragraph continued in a second
                // Swedish paragraph of the same segment is fine; a split
                // that makes the Swedish read as two segments is not.
                let within_answer = seg.kind == Kind::Answer
                    && sv.segments[b.seg].kind == Kind::Answer
                    && a.seg == b.seg;
                if !within_answer && a.seg != b.seg {
                    slips.push(Slip {
                        kind: SlipKind::Split,
                        fi: f.seg,
                        sv: Some(at(&sv_here)),
                        message: format!(
                            "fi {} is split over sv.txt:{} and :{}; join the two paragraphs",
                            seg.id, a.line, b.line
                        ),
                    });
                }
            }
            Move::QaMissing => {
                qa_missing.push(row);
            }
            Move::Missing | Move::Extra => {}
        }
    }
    // A Finnish paragraph with no Swedish inside a row that has some.
    for step in steps.iter().filter(|s| s.mv == Move::Missing) {
        let p = fi_paras[step.fi.start];
        let row = row_of[p.seg];
        let first = row_paras.partition_point(|&(r, _)| r < row);
        if row_paras.get(first).is_some_and(|&(r, _)| r == row) {
            let seg = &fi.segments[p.seg];
            slips.push(Slip {
                kind: SlipKind::PartMissing,
                fi: p.seg,
                sv: None,
                message: format!(
                    "paragraph {} of fi {} (fi.txt:{}) has no Swedish",
                    p.part + 1,
                    seg.id,
                    p.line
                ),
            });
        }
    }
    for group in row_paras.chunk_by(|a, b| a.0 == b.0) {
        let row = &mut rows[group[0].0];
        let paras: Vec<Para<'_>> = group
            .iter()
            .map(|&(_, p)| p)
            .filter(|p| !p.text.trim().is_empty())
            .collect();
        if paras.is_empty() {
            continue;
        }
        let id = &fi.segments[row.fi.start].id;
        // A whole Swedish segment under the Finnish id is itself.
        let seg = paras[0].seg;
        let whole = sv.segments[seg].id == *id
            && paras.iter().all(|p| p.seg == seg)
            && paras.len() == sv.segments[seg].parts.len();
        row.sv = Some(if whole {
            SvText::Segment(seg)
        } else {
            SvText::Joined(Box::new(joined(sv, &paras, id)))
        });
    }
    // A question-and-answer pair left out is one row each; only keep the
    // mark if both are really without Swedish.
    qa_missing.retain(|&r| rows[r].sv.is_none());
    Alignment {
        rows,
        extras,
        slips,
        row_of,
        qa_missing,
        fast: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn kinds(a: &Alignment) -> Vec<SlipKind> {
        a.slips.iter().map(|s| s.kind).collect()
    }

    const FI: &str = "Otsikko\n\nEnsimmäinen kappale kertoo kirjastosta ja sen 15 000 kirjasta.\n\nToinen kappale kertoo Taru Ikäheimosesta, joka aloitti elokuussa.\n\nMiksi kirjasto muuttaa?\n\n– Vanha talo on liian pieni ja huonossa kunnossa.\n\nMitä uudessa on?\n\n– Tilaa 2 000 neliötä ja kahvila.\n";
    const SV: &str = "Rubrik\n\nFörsta stycket handlar om biblioteket och dess 15 000 böcker.\n\nAndra stycket handlar om Taru Ikäheimonen, som började i augusti.\n\nVarför flyttar biblioteket?\n\n– Det gamla huset är för litet och i dåligt skick.\n\nVad finns i det nya?\n\n– Plats för 2 000 kvadratmeter och ett kafé.\n";

    #[test]
    fn same_structure_pairs_by_id() {
        let a = pair(&segment(FI), Some(&segment(SV)), &|| None, Raw::default());
        assert!(a.fast);
        assert!(a.slips.is_empty() && a.extras.is_empty());
        assert!(a.rows.iter().all(|r| r.sv.is_some()));
    }

    #[test]
    fn a_lost_dash_is_one_slip_and_keeps_the_pairs() {
        let sv = SV.replace("– Det gamla", "Det gamla");
        let fi = segment(FI);
        let sv = segment(&sv);
        let a = pair(&fi, Some(&sv), &|| None, Raw::default());
        assert!(!a.fast);
        assert_eq!(kinds(&a), [SlipKind::LostDash]);
        assert!(
            a.slips[0].message.contains("the answer to q1"),
            "{}",
            a.slips[0].message
        );
        assert!(a.extras.is_empty());
        for row in &a.rows {
            let sv = a.sv(row, Some(&sv)).expect("every row paired");
            assert_eq!(sv.id, fi.segments[row.fi.start].id);
        }
        let a1 = a.row(fi.segments.iter().position(|s| s.id == "a1").unwrap());
        assert!(a.sv(a1, Some(&sv)).unwrap().text.starts_with("Det gamla"));
    }

    #[test]
    fn an_added_paragraph_is_one_extra() {
        let sv = SV.replace(
            "Andra stycket",
            "Översättarens anmärkning: texten är förkortad.\n\nAndra stycket",
        );
        let a = pair(&segment(FI), Some(&segment(&sv)), &|| None, Raw::default());
        assert_eq!(a.extras.len(), 1, "{a:#?}");
        assert!(a.extras[0].text.starts_with("Översättarens"));
        assert!(a.slips.is_empty());
        assert!(a.rows.iter().all(|r| r.sv.is_some()));
    }

    #[test]
    fn merged_paragraphs_make_one_row() {
        let sv = SV.replace("15 000 böcker.\n\nAndra", "15 000 böcker. Andra");
        let fi = segment(FI);
        let a = pair(&fi, Some(&segment(&sv)), &|| None, Raw::default());
        assert_eq!(kinds(&a), [SlipKind::Merged], "{a:#?}");
        let row = a.row(1);
        assert_eq!(row.fi, 1..3);
        assert!(
            row.fi_joined
                .as_ref()
                .unwrap()
                .text
                .contains("Toinen kappale")
        );
    }

    #[test]
    fn glued_question_and_answer() {
        let sv = SV.replace(
            "Varför flyttar biblioteket?\n\n– ",
            "Varför flyttar biblioteket? – ",
        );
        let a = pair(&segment(FI), Some(&segment(&sv)), &|| None, Raw::default());
        assert_eq!(kinds(&a), [SlipKind::Glued], "{a:#?}");
        assert!(a.slips[0].message.starts_with("q1 and its answer"));
    }

    #[test]
    fn a_left_out_paragraph_is_missing_with_the_rest_in_place() {
        let sv = SV.replace(
            "Andra stycket handlar om Taru Ikäheimonen, som började i augusti.\n\n",
            "",
        );
        let fi = segment(FI);
        let a = pair(&fi, Some(&segment(&sv)), &|| None, Raw::default());
        let empty: Vec<&str> = a
            .rows
            .iter()
            .filter(|r| r.sv.is_none())
            .map(|r| fi.segments[r.fi.start].id.as_str())
            .collect();
        assert_eq!(empty, ["p2"]);
        assert!(a.slips.is_empty() && a.extras.is_empty());
    }

    #[test]
    fn names_skip_sentence_starts_and_capitals() {
        assert_eq!(
            names("Taru Ikäheimonen on KAUPUNGIN uusi. Hän asuu Kauniaisissa."),
            ["ikäheimonen", "kauniaisissa"]
        );
    }
}
