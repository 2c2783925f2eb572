//! `tolk suggest`: for an article's missing and stale segments (or the ones
//! named), the closest translated or reviewed Finnish segments in the
//! archive with their Swedish and a match percentage (see `memory`).

use std::io::Write;

use anyhow::Result;
use rayon::prelude::*;
use serde::Serialize;

use crate::article::State;
use crate::cli::SuggestArgs;
use crate::commands::diff::{Change, word_diff};
use crate::memory::{self, Memory};
use crate::report::{render_changes, wrap_indented};
use crate::select;
use crate::session::{ArticleError, Session};
use crate::style::Style;
use crate::text::escape_controls as esc;

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
    let memory = Memory::new(per_article.into_iter().flatten().collect());
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
                        state: u.state,
                        translator: u.translator.clone(),
                        reviewer: u.reviewer.clone(),
                        fi: u.fi.clone(),
                        sv: u.sv.clone(),
                        changes: word_diff(&u.fi, &p.fi.text),
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
        memory: memory.units.len(),
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
            writeln!(
                out,
                "  {}  {}  {who}",
                style.bold(&format!("{:>3}%", s.percent)),
                esc(&s.source),
            )?;
            let fi = if s.percent == 100 {
                esc(&s.fi).into_owned()
            } else {
                render_changes(&s.changes, style)
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
