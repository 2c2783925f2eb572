//! `tolk suggest`: for an article's missing and stale segments (or the ones
//! named), the closest translated or reviewed Finnish segments in the
//! archive with their Swedish and a match percentage (see `memory`).

use std::io::Write;

use anyhow::Result;
use rayon::prelude::*;
use serde::Serialize;

use crate::article::State;
use crate::cli::SuggestArgs;
use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::commands::diff::Op;
use crate::memory::{self, Memory};
use crate::report::wrap_indented;
use crate::select;
use crate::session::{ArticleError, Session};
use crate::style::Style;
use crate::text::{escape_controls as esc, is_space, normalize_ws};

#[derive(Debug, Serialize)]
pub struct SuggestReport {
    pub article: String,
    /// Units in the memory searched.
    pub memory: usize,
    pub min: u8,
    pub segments: Vec<Query>,
    #[serde(skip)]
    pub errors: Vec<ArticleError>,
}

/// One segment looked up.
#[derive(Debug, Serialize)]
pub struct Query {
    pub id: String,
    pub line: usize,
    pub state: State,
    pub fi: String,
    pub suggestions: Vec<Suggestion>,
}

#[derive(Debug, Serialize)]
pub struct Suggestion {
    pub percent: u8,
    /// Where the match is: `slug/id`.
    pub source: String,
    /// The match is this sentence (from 1) of `source`, not all of it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentence: Option<usize>,
    pub state: State,
    /// Who translated the match.
    pub translator: String,
    /// Who reviewed it, when it is reviewed.
    pub reviewer: Option<String>,
    pub fi: String,
    pub sv: String,
    /// The match's Finnish (deleted) against the segment's (inserted).
    pub changes: Vec<Change>,
}

/// A run of words and punctuation that is equal, deleted or inserted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub op: Op,
    /// As written (white space inside it as one space).
    pub text: String,
    /// Whether white space comes before the run in its own text (`lapset`
    /// does, the `.` after it does not).
    #[serde(skip)]
    pub spaced: bool,
}

/// The pieces of a text a suggestion's difference compares: its words, as
/// `tokens` defines them, and each punctuation mark on its own, so that a
/// word inserted before a full stop is that word alone (`valtuutettuja
/// {+lämpimästi+}.`). Each piece is a byte range and whether white space
/// comes before it.
fn pieces(text: &str) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    let mut at = 0;
    let mut spaced = false;
    for t in crate::tokens::tokenize(text, false) {
        marks(text, at, t.start, &mut out, &mut spaced);
        out.push((t.start, t.end, spaced));
        spaced = false;
        at = t.end;
    }
    marks(text, at, text.len(), &mut out, &mut spaced);
    out
}

/// The punctuation marks between two words (`from..to` of `text`), each a
/// piece of its own.
fn marks(
    text: &str,
    from: usize,
    to: usize,
    out: &mut Vec<(usize, usize, bool)>,
    spaced: &mut bool,
) {
    for (i, c) in text[from..to].char_indices() {
        if is_space(c) {
            *spaced = true;
        } else {
            out.push((from + i, from + i + c.len_utf8(), *spaced));
            *spaced = false;
        }
    }
}

/// The difference of the match's Finnish (`old`) and the segment's
/// (`new`), on words and punctuation marks.
pub fn changes(old: &str, new: &str) -> Vec<Change> {
    let (pa, pb) = (pieces(old), pieces(new));
    let a: Vec<&str> = pa.iter().map(|&(s, e, _)| &old[s..e]).collect();
    let b: Vec<&str> = pb.iter().map(|&(s, e, _)| &new[s..e]).collect();
    let mut out: Vec<Change> = Vec::new();
    let mut push = |op: Op, text: &str, pieces: &[(usize, usize, bool)]| {
        let (Some(first), Some(last)) = (pieces.first(), pieces.last()) else {
            return;
        };
        out.push(Change {
            op,
            text: normalize_ws(&text[first.0..last.1]),
            spaced: first.2,
        });
    };
    for op in capture_diff_slices(Algorithm::Patience, &a, &b) {
        match op {
            DiffOp::Equal { old_index, len, .. } => {
                push(Op::Equal, old, &pa[old_index..old_index + len]);
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => push(Op::Delete, old, &pa[old_index..old_index + old_len]),
            DiffOp::Insert {
                new_index, new_len, ..
            } => push(Op::Insert, new, &pb[new_index..new_index + new_len]),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                push(Op::Delete, old, &pa[old_index..old_index + old_len]);
                push(Op::Insert, new, &pb[new_index..new_index + new_len]);
            }
        }
    }
    out
}

/// The difference for people, `[-old-]{+new+}`, spaced as the texts are
/// (no space before a full stop).
pub fn render(changes: &[Change], style: &Style) -> String {
    crate::report::render_word_changes(
        changes.iter().map(|c| (c.op, c.text.as_str(), c.spaced)),
        style,
    )
}

pub fn run(args: &SuggestArgs, session: &Session) -> Result<SuggestReport> {
    let article = session.article(&args.slug)?;
    let ids = if args.ids.is_empty() {
        select::segments(&article, &[], &[State::Missing, State::Stale])?
    } else {
        select::segments(&article, &args.ids, &[])?
    };
    let every = session.select(&[])?;
    let (per_article, mut errors) = session.map_articles(&every.slugs, memory::units)?;
    errors.extend(every.misnamed.iter().map(ArticleError::misnamed));
    let mut units: Vec<_> = per_article.into_iter().flatten().collect();
    let pairs_in_memory = units.len();
    // Sentences after the rows: on a tie the whole row comes first.
    let sentences = memory::sentence_units(&units);
    units.extend(sentences);
    let memory = Memory::new(units);
    let pairs = article.pairs();
    let asked: Vec<_> = pairs.iter().filter(|p| ids.contains(&p.fi.id)).collect();
    // Each look-up is independent: the segments are searched in parallel.
    let segments = asked
        .par_iter()
        .map(|p| {
            let id = &p.fi.id;
            let hits = memory.search(&p.fi.text, args.min, usize::from(args.limit), |u| {
                u.slug == article.slug && u.ids.contains(id)
            });
            let suggestions = hits
                .iter()
                .map(|h| {
                    let u = &memory.units[h.unit];
                    Suggestion {
                        percent: h.percent,
                        source: u.tuid(),
                        sentence: u.sentence,
                        state: u.state,
                        translator: u.translator.clone(),
                        reviewer: u.reviewer.clone(),
                        fi: u.fi.clone(),
                        sv: u.sv.clone(),
                        changes: changes(&u.fi, &p.fi.text),
                    }
                })
                .collect();
            Query {
                id: id.clone(),
                line: p.fi.line,
                state: p.state,
                fi: p.fi.text.clone(),
                suggestions,
            }
        })
        .collect();
    Ok(SuggestReport {
        article: article.slug.clone(),
        memory: pairs_in_memory,
        min: args.min,
        segments,
        errors,
    })
}

/// The report for people: each segment, then its matches best first, the
/// Finnish differences marked `[-match's-]{+segment's+}`.
pub fn print(out: &mut impl Write, report: &SuggestReport, style: &Style) -> Result<()> {
    let n = report.segments.len();
    if n == 0 {
        writeln!(
            out,
            "{}: no missing or stale segments (name ids to look them up anyway)",
            esc(&report.article)
        )?;
        return Ok(());
    }
    writeln!(
        out,
        "{}: {n} segment{} looked up in {} translated pair{}",
        style.bold(&esc(&report.article)),
        if n == 1 { "" } else { "s" },
        report.memory,
        if report.memory == 1 { "" } else { "s" }
    )?;
    for q in &report.segments {
        writeln!(out)?;
        writeln!(
            out,
            "{}  line {}  {}",
            style.bold(&esc(&q.id)),
            q.line,
            q.state.as_str()
        )?;
        writeln!(
            out,
            "{}",
            wrap_indented(&esc(&q.fi), "  fi  ", 6, style.width)
        )?;
        if q.suggestions.is_empty() {
            writeln!(out, "  no match of {}% or more", report.min)?;
        }
        for s in &q.suggestions {
            let who = match &s.reviewer {
                Some(reviewer) => format!(
                    "translated by {}, reviewed by {}",
                    esc(&s.translator),
                    esc(reviewer)
                ),
                None => format!("translated by {}", esc(&s.translator)),
            };
            let source = match s.sentence {
                Some(n) => format!("{}, sentence {n}", esc(&s.source)),
                None => esc(&s.source).into_owned(),
            };
            writeln!(
                out,
                "  {}  {source}  {who}",
                style.bold(&format!("{:>3}%", s.percent)),
            )?;
            let fi = if s.percent == 100 {
                esc(&s.fi).into_owned()
            } else {
                render(&s.changes, style)
            };
            writeln!(
                out,
                "{}",
                wrap_indented(&fi, "        fi  ", 12, style.width)
            )?;
            writeln!(
                out,
                "{}",
                wrap_indented(&esc(&s.sv), "        sv  ", 12, style.width)
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(old: &str, new: &str) -> String {
        render(&changes(old, new), &Style::plain(80))
    }

    #[test]
    fn a_word_before_a_full_stop_is_marked_alone() {
        assert_eq!(
            plain("Kiitti valtuutettuja.", "Kiitti valtuutettuja lämpimästi."),
            "Kiitti valtuutettuja {+lämpimästi+}."
        );
    }

    #[test]
    fn a_changed_word_is_marked_and_the_rest_kept_as_written() {
        assert_eq!(
            plain("– Tulin, sanoi hän.", "– Tulin, sanoo hän."),
            "– Tulin, [-sanoi-]{+sanoo+} hän."
        );
        assert_eq!(plain("Aina auki.", "Aina auki!"), "Aina auki[-.-]{+!+}");
        assert_eq!(plain("Sama teksti.", "Sama teksti."), "Sama teksti.");
    }
}
