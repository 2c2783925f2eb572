//! The report's view model: one article as the page shows it, built from
//! the loaded article and the findings `tolk check` settled for it. Owned
//! and short-lived: a view is made, rendered and dropped per article.

use std::ops::Range;

use crate::article::{Article, State};
use crate::checks::{ByteSpan, Finding, Severity};
use crate::commands::diff::{Change, word_diff};
use crate::glossary::{MatchKind, Matcher, TermMatch};
use crate::segment::Segment;
use crate::source::Source;
use crate::waive::{Waived, WaiverNote};

/// A finding as shown beside its segment.
#[derive(Debug, Clone)]
pub struct FindingView {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    /// `articles/x/sv.txt:12:5`.
    pub location: String,
    /// Set when the finding was accepted with `tolk accept`.
    pub waived: Option<WaiverNote>,
    /// Whether its words are highlighted in the text (a `<mark>` links
    /// back to it).
    pub marked: bool,
}

/// A glossary term found in a text, and what the glossary requires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermTip {
    pub avoid: bool,
    /// What a reader sees on hover or focus.
    pub tip: String,
}

/// A run of text with what lies on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    /// The finding (index into the article's findings) whose words these are.
    pub mark: Option<usize>,
    pub term: Option<usize>,
}

/// A text cut where highlights and glossary terms begin and end.
#[derive(Debug, Clone, Default)]
pub struct Rich {
    pub pieces: Vec<Piece>,
    pub terms: Vec<TermTip>,
}

/// One Finnish segment of a row.
#[derive(Debug)]
pub struct SegView {
    pub id: String,
    pub n: usize,
    pub role: &'static str,
    pub state: State,
    pub edited: bool,
    pub by: Option<String>,
    pub at: Option<String>,
    pub fi: Rich,
    /// A stale segment: the Finnish it was translated from → now.
    pub diff: Option<Vec<Change>>,
    /// Indices into the article's findings.
    pub findings: Vec<usize>,
}

/// One aligned row: Finnish segments (several when one Swedish paragraph
/// translates them together, none for a Swedish extra) and their Swedish.
#[derive(Debug)]
pub struct RowView {
    pub segments: Vec<SegView>,
    /// `None`: nothing in sv.txt translates the row.
    pub sv: Option<Rich>,
    /// Lines of sv.txt holding the Swedish.
    pub sv_lines: Option<(usize, usize)>,
    /// Findings of a Swedish extra (the row has no Finnish segment).
    pub extra_findings: Vec<usize>,
}

/// Index-page figures for one article.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub slug: String,
    pub kind: &'static str,
    pub segments: usize,
    /// Finnish words per state: missing, draft, translated, reviewed, stale.
    pub words: [usize; 5],
    pub errors: usize,
    pub warnings: usize,
    pub waived: usize,
    pub translators: Vec<String>,
    pub reviewers: Vec<String>,
    /// The article could not be read.
    pub unreadable: bool,
}

impl Summary {
    pub fn total_words(&self) -> usize {
        self.words.iter().sum()
    }
}

/// The order of `Summary::words`.
pub const STATES: [State; 5] = [
    State::Missing,
    State::Draft,
    State::Translated,
    State::Reviewed,
    State::Stale,
];

fn state_index(state: State) -> usize {
    STATES.iter().position(|s| *s == state).unwrap_or(0)
}

/// One article as the page shows it.
#[derive(Debug)]
pub struct ArticleView {
    pub summary: Summary,
    pub fi_file: String,
    pub sv_file: String,
    pub rows: Vec<RowView>,
    pub findings: Vec<FindingView>,
    /// Article-wide findings (credit, unreadable files), by index.
    pub general: Vec<usize>,
}

/// Findings with their waiver, if any, in the order the page lists them.
fn all_findings(findings: Vec<Finding>, waived: Vec<Waived>) -> Vec<(Finding, Option<WaiverNote>)> {
    let mut all: Vec<_> = findings.into_iter().map(|f| (f, None)).collect();
    all.extend(waived.into_iter().map(|w| (w.finding, Some(w.waiver))));
    all
}

fn finding_view(f: &Finding, waived: Option<WaiverNote>) -> FindingView {
    FindingView {
        rule: f.rule.code(),
        severity: f.severity,
        message: f.message.clone(),
        location: format!("{}:{}:{}", f.file, f.line, f.column),
        waived,
        marked: false,
    }
}

/// An article that could not be loaded: its findings (the `invalid` one)
/// and nothing else.
pub fn unreadable(slug: &str, findings: Vec<Finding>, waived: Vec<Waived>) -> ArticleView {
    let all = all_findings(findings, waived);
    let mut summary = Summary {
        slug: slug.to_string(),
        kind: "",
        unreadable: true,
        ..Summary::default()
    };
    count(&mut summary, &all);
    ArticleView {
        summary,
        fi_file: String::new(),
        sv_file: String::new(),
        rows: Vec::new(),
        general: (0..all.len()).collect(),
        findings: all
            .iter()
            .map(|(f, w)| finding_view(f, w.clone()))
            .collect(),
    }
}

fn count(summary: &mut Summary, all: &[(Finding, Option<WaiverNote>)]) {
    for (f, w) in all {
        match (w, f.severity) {
            (Some(_), _) => summary.waived += 1,
            (None, Severity::Error) => summary.errors += 1,
            (None, Severity::Warning) => summary.warnings += 1,
        }
    }
}

/// Where a finding sits on the page.
enum Place {
    /// Finnish segment index.
    Segment(usize),
    /// Swedish extra index.
    Extra(usize),
    General,
}

fn place(article: &Article, f: &Finding) -> Place {
    if let Some(id) = &f.segment
        && let Some(i) = article.fi.segments.iter().position(|s| &s.id == id)
    {
        return Place::Segment(i);
    }
    if f.file != article.sv_file {
        return Place::General;
    }
    // A Swedish paragraph with no Finnish (its finding names no segment).
    if f.segment.is_none()
        && let Some(k) = article
            .extra()
            .iter()
            .position(|e| e.line <= f.line && f.line <= e.end_line)
    {
        return Place::Extra(k);
    }
    // An id the Finnish lacks: the row whose Swedish holds the line.
    if f.segment.is_some() {
        for row in &article.alignment.rows {
            if let Some(sv) = article.alignment.sv(row, article.sv.as_ref())
                && sv.line <= f.line
                && f.line <= sv.end_line
            {
                return Place::Segment(row.fi.start);
            }
        }
    }
    Place::General
}

/// Bytes of `seg.text` for a byte span of the file it came from (BOM
/// included), when the span lies inside the segment.
pub fn text_range(seg: &Segment, source: &Source, span: ByteSpan) -> Option<Range<usize>> {
    let bom = source.text.len() - source.body().len();
    let to_text = |src: usize| -> Option<usize> {
        let src = src.checked_sub(bom)?;
        let k = seg
            .offsets
            .partition_point(|&(_, s)| s <= src)
            .checked_sub(1)?;
        let (t, s) = seg.offsets[k];
        let run_end = seg.offsets.get(k + 1).map_or(seg.text.len(), |n| n.0);
        let at = t + (src - s);
        (at <= run_end && seg.text.is_char_boundary(at)).then_some(at)
    };
    let start = to_text(span.start)?;
    let end = to_text(span.end)?;
    (start < end).then_some(start..end)
}

/// Where the highlighted words of an excerpt are in `text`: the excerpt's
/// context found in the text, or else the words alone.
fn excerpt_range(text: &str, excerpt: &crate::checks::Excerpt) -> Option<Range<usize>> {
    let &(h0, h1) = excerpt.highlights.first()?;
    let words = excerpt.text.get(h0..h1)?;
    if words.trim().is_empty() {
        return None;
    }
    let lead = if excerpt.text.starts_with("… ") {
        "… ".len()
    } else {
        0
    };
    let body = excerpt.text[lead..]
        .strip_suffix(" …")
        .unwrap_or(&excerpt.text[lead..]);
    let flat = text.replace("\n\n", "  ");
    if let Some(at) = flat.find(body) {
        let start = at + h0 - lead;
        return Some(start..start + words.len());
    }
    text.find(words).map(|at| at..at + words.len())
}

/// The words a finding is about in `seg`, when they are less than the
/// whole segment.
///
/// The finding's span counts only in the file it is of (`file`): a span
/// of sv.txt read against fi.txt's offsets could land on any words.
fn words_of(
    f: &Finding,
    seg: &Segment,
    (source, file): (Option<&Source>, &str),
    lang: &str,
) -> Option<Range<usize>> {
    if let (Some(span), Some(source), true) = (f.span, source, f.file == file)
        && let Some(r) = text_range(seg, source, span)
    {
        let whole = r.start == 0 && r.end >= seg.text.trim_end().len();
        if !whole {
            return Some(r);
        }
    }
    let excerpt = f.excerpt.as_ref().filter(|e| e.lang == lang)?;
    excerpt_range(&seg.text, excerpt)
}

/// Marks: (range in the text, finding index).
type Marks = Vec<(Range<usize>, usize)>;

/// Builds the view of one loaded article.
pub fn article(
    article: &Article,
    findings: Vec<Finding>,
    waived: Vec<Waived>,
    matcher: Option<&Matcher>,
) -> ArticleView {
    let all = all_findings(findings, waived);
    let pairs = article.pairs();
    let mut summary = Summary {
        slug: article.slug.clone(),
        kind: article.fi.kind.as_str(),
        segments: pairs.len(),
        translators: article.translators(),
        ..Summary::default()
    };
    for pair in &pairs {
        summary.words[state_index(pair.state)] += pair.fi.words;
        if pair.state == State::Reviewed
            && let Some(e) = pair.entry
        {
            let name = crate::text::display_name(&e.by);
            if !summary.reviewers.contains(&name) {
                summary.reviewers.push(name);
            }
        }
    }
    count(&mut summary, &all);

    let alignment = &article.alignment;
    let n_fi = article.fi.segments.len();
    let mut seg_findings: Vec<Vec<usize>> = vec![Vec::new(); n_fi];
    let mut extra_findings: Vec<Vec<usize>> = vec![Vec::new(); article.extra().len()];
    let mut fi_marks: Vec<Marks> = vec![Vec::new(); n_fi];
    // Swedish marks per row (the Swedish is one text per row) and per extra.
    let mut sv_marks: Vec<Marks> = vec![Vec::new(); alignment.rows.len()];
    let mut extra_marks: Vec<Marks> = vec![Vec::new(); article.extra().len()];
    let mut views = Vec::with_capacity(all.len());
    let mut general = Vec::new();
    for (k, (f, w)) in all.iter().enumerate() {
        let mut view = finding_view(f, w.clone());
        match place(article, f) {
            Place::Segment(i) => {
                seg_findings[i].push(k);
                let r = alignment.row_of[i];
                let row = &alignment.rows[r];
                // Fi words: in the placed segment or another of its row.
                for j in std::iter::once(i).chain(row.fi.clone().filter(|&j| j != i)) {
                    let seg = &article.fi.segments[j];
                    if let Some(range) =
                        words_of(f, seg, (Some(&article.fi_source), &article.fi_file), "fi")
                    {
                        fi_marks[j].push((range, k));
                        view.marked = true;
                        break;
                    }
                }
                if !view.marked
                    && let Some(sv) = alignment.sv(row, article.sv.as_ref())
                    && let Some(range) =
                        words_of(f, sv, (article.sv_source.as_ref(), &article.sv_file), "sv")
                {
                    sv_marks[r].push((range, k));
                    view.marked = true;
                }
            }
            Place::Extra(e) => {
                extra_findings[e].push(k);
                let seg = &article.extra()[e];
                if let Some(range) =
                    words_of(f, seg, (article.sv_source.as_ref(), &article.sv_file), "sv")
                {
                    extra_marks[e].push((range, k));
                    view.marked = true;
                }
            }
            Place::General => general.push(k),
        }
        views.push(view);
    }

    let tips = |m: &TermMatch| term_tip(matcher, m);
    let fi_terms = |text: &str| matcher.map(|m| m.find_fi(text)).unwrap_or_default();
    let sv_terms = |text: &str| matcher.map(|m| m.find_sv(text)).unwrap_or_default();

    let mut rows = Vec::with_capacity(alignment.rows.len() + article.extra().len());
    let mut extras = article.extra().iter().enumerate().peekable();
    let mut push_extra = |rows: &mut Vec<RowView>, e: usize, seg: &Segment| {
        rows.push(RowView {
            segments: Vec::new(),
            sv: Some(rich(
                &seg.text,
                &extra_marks[e],
                &sv_terms(&seg.text),
                &tips,
            )),
            sv_lines: Some((seg.line, seg.end_line)),
            extra_findings: std::mem::take(&mut extra_findings[e]),
        });
    };
    for (r, row) in alignment.rows.iter().enumerate() {
        let sv = alignment
            .sv(row, article.sv.as_ref())
            .filter(|s| !s.text.trim().is_empty());
        // Extras before this row's Swedish, in the order of sv.txt.
        if let Some(sv) = sv {
            while let Some((e, seg)) = extras.next_if(|(_, e)| e.line < sv.line) {
                push_extra(&mut rows, e, seg);
            }
        }
        let segments = row
            .fi
            .clone()
            .map(|i| {
                let pair = &pairs[i];
                let seg = pair.fi;
                SegView {
                    id: seg.id.clone(),
                    n: seg.n,
                    role: seg.role.as_str(),
                    state: pair.state,
                    edited: pair.edited,
                    by: pair.entry.map(|e| crate::text::display_name(&e.by)),
                    at: pair.entry.map(|e| e.at.clone()),
                    fi: rich(&seg.text, &fi_marks[i], &fi_terms(&seg.text), &tips),
                    diff: (pair.state == State::Stale)
                        .then(|| pair.entry.map(|e| word_diff(&e.source, &seg.text)))
                        .flatten(),
                    findings: std::mem::take(&mut seg_findings[i]),
                }
            })
            .collect();
        rows.push(RowView {
            segments,
            sv: sv.map(|s| rich(&s.text, &sv_marks[r], &sv_terms(&s.text), &tips)),
            sv_lines: sv.map(|s| (s.line, s.end_line)),
            extra_findings: Vec::new(),
        });
    }
    for (e, seg) in extras {
        push_extra(&mut rows, e, seg);
    }
    ArticleView {
        summary,
        fi_file: article.fi_file.clone(),
        sv_file: article.sv_file.clone(),
        rows,
        findings: views,
        general,
    }
}

fn term_tip(matcher: Option<&Matcher>, m: &TermMatch) -> TermTip {
    let Some(term) = matcher.and_then(|x| x.glossary().terms.get(m.term)) else {
        return TermTip {
            avoid: false,
            tip: String::new(),
        };
    };
    let mut tip = match m.kind {
        MatchKind::Fi => format!("glossary: {} → {}", term.fi, term.sv),
        MatchKind::Sv => format!("glossary: {} (for {})", term.sv, term.fi),
        MatchKind::Avoid => format!("avoid: write {} (for {})", term.sv, term.fi),
    };
    if let Some(note) = &term.note {
        tip.push_str(" — ");
        tip.push_str(note);
    }
    TermTip {
        avoid: m.kind == MatchKind::Avoid,
        tip,
    }
}

/// Cuts `text` where marks and terms begin and end. Terms that overlap an
/// earlier one are dropped; a mark that crosses a term's edge is cut in two.
pub fn rich(
    text: &str,
    marks: &[(Range<usize>, usize)],
    terms: &[TermMatch],
    tip: &dyn Fn(&TermMatch) -> TermTip,
) -> Rich {
    let mut kept: Vec<&TermMatch> = Vec::new();
    let mut sorted: Vec<&TermMatch> = terms.iter().collect();
    sorted.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    for m in sorted {
        if m.start < m.end
            && m.end <= text.len()
            && kept.last().is_none_or(|last| last.end <= m.start)
        {
            kept.push(m);
        }
    }
    let marks: Vec<&(Range<usize>, usize)> = marks
        .iter()
        .filter(|(r, _)| r.start < r.end && r.end <= text.len())
        .collect();
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for (r, _) in &marks {
        cuts.extend([r.start, r.end]);
    }
    for m in &kept {
        cuts.extend([m.start, m.end]);
    }
    cuts.retain(|&c| text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    let mut rich = Rich {
        pieces: Vec::new(),
        terms: kept.iter().map(|m| tip(m)).collect(),
    };
    let mut t = 0;
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        if a == b {
            continue;
        }
        while t < kept.len() && kept[t].end <= a {
            t += 1;
        }
        let term = (t < kept.len() && kept[t].start <= a && b <= kept[t].end).then_some(t);
        let mark = marks
            .iter()
            .find(|(r, _)| r.start <= a && b <= r.end)
            .map(|(_, k)| *k);
        match rich.pieces.last_mut() {
            Some(last) if last.mark == mark && last.term == term => last.text.push_str(&text[a..b]),
            _ => rich.pieces.push(Piece {
                text: text[a..b].to_string(),
                mark,
                term,
            }),
        }
    }
    rich
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_tip(_: &TermMatch) -> TermTip {
        TermTip {
            avoid: false,
            tip: "t".into(),
        }
    }

    fn term(start: usize, end: usize) -> TermMatch {
        TermMatch {
            term: 0,
            kind: MatchKind::Sv,
            start,
            end,
            text: String::new(),
            part: false,
        }
    }

    #[test]
    fn rich_cuts_at_marks_and_terms() {
        let text = "ett två tre fyra";
        let r = rich(text, &[(4..8, 0)], &[term(9, 12)], &no_tip);
        let got: Vec<_> = r
            .pieces
            .iter()
            .map(|p| (p.text.as_str(), p.mark, p.term))
            .collect();
        assert_eq!(
            got,
            [
                ("ett ", None, None),
                ("två", Some(0), None),
                (" ", None, None),
                ("tre", None, Some(0)),
                (" fyra", None, None),
            ]
        );
    }

    #[test]
    fn plain_text_is_one_piece_and_overlapping_terms_keep_the_first() {
        let r = rich("abc def", &[], &[], &no_tip);
        assert_eq!(r.pieces.len(), 1);
        let r = rich("abc def", &[], &[term(0, 7), term(4, 7)], &no_tip);
        assert_eq!(r.terms.len(), 1);
        assert_eq!(r.pieces.len(), 1);
        assert_eq!(r.pieces[0].term, Some(0));
    }

    #[test]
    fn a_mark_across_a_term_edge_is_cut_in_two() {
        let r = rich("abc def", &[(2..6, 3)], &[term(0, 3)], &no_tip);
        let marked: Vec<_> = r
            .pieces
            .iter()
            .filter(|p| p.mark == Some(3))
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(marked, ["c", " de"]);
    }

    #[test]
    fn spans_map_back_into_segment_text_through_crlf_and_bom() {
        let input = "\u{feff}Otsikko\r\n\r\nEka rivi\r\ntoka rivi.\r\n";
        let seg = crate::segment::segment(input.strip_prefix('\u{feff}').unwrap());
        let p = &seg.segments[1];
        let source = Source::new(input.to_string());
        let start = input.find("toka").unwrap();
        let r = text_range(
            p,
            &source,
            ByteSpan {
                start,
                end: start + 4,
            },
        )
        .unwrap();
        assert_eq!(&p.text[r], "toka");
        // A span in another segment is not this one's.
        let title = input.find("Otsikko").unwrap();
        assert!(
            text_range(
                p,
                &source,
                ByteSpan {
                    start: title,
                    end: title + 3
                }
            )
            .is_none()
        );
    }
}
