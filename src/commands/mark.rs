//! `tolk mark`: record that segments were translated or reviewed, by whom.

use anyhow::{Result, bail};
use serde::Serialize;

use crate::article::{Article, State};
use crate::cli::MarkArgs;
use crate::people::{self, People};
use crate::repo::Repo;
use crate::select;
use crate::session::Session;
use crate::status::{Entry, StatusFile, Stored};

#[derive(Debug, Serialize)]
pub struct MarkReport {
    pub article: String,
    pub state: &'static str,
    pub by: String,
    pub at: String,
    pub marked: Vec<String>,
    /// With `--all` or a state: segments left alone because they have no
    /// Swedish text.
    pub skipped_missing: Vec<String>,
    /// Segments marked with a named one because they share its Swedish
    /// paragraph: (added, named).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub with: Vec<(String, String)>,
    /// With `--all` or a state, `--as translated` and no `--force`:
    /// reviewed segments left alone, so their review is not lost.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub kept_reviewed: Vec<Review>,
    /// Segments already recorded in this state by this person, text
    /// unchanged: their record (and its date, which invoices use) is kept.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub already: Vec<String>,
    /// With `--all` or a state and no `--force`: segments somebody else
    /// already marked in this state, left alone so their credit stays.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub kept_others: Vec<Credit>,
    /// Segments reviewed now by the person who translated them (the
    /// publish gate wants somebody else), for a note.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub own_review: Vec<String>,
    /// The states asked for (`--stale`, `--state`), to say so when no
    /// segment is in them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub states: Vec<&'static str>,
    /// How the name given became the name recorded (`using "…"`, `new
    /// name "…"`), for stderr.
    #[serde(skip)]
    pub person: Option<String>,
}

/// A segment's review, which marking it translated would drop.
#[derive(Debug, Serialize)]
pub struct Review {
    pub id: String,
    pub by: String,
    pub at: String,
}

impl std::fmt::Display for Review {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} (reviewed by {} on {})", self.id, self.by, self.at)
    }
}

/// Somebody's record of a segment, which marking it again as another
/// person would take over.
#[derive(Debug, Serialize)]
pub struct Credit {
    pub id: String,
    pub state: &'static str,
    pub by: String,
    pub at: String,
}

impl std::fmt::Display for Credit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} ({} by {} on {})",
            self.id, self.state, self.by, self.at
        )
    }
}

/// Today's date in the local time zone, as RFC 3339 (`2026-11-23`).
pub fn today() -> String {
    jiff::Zoned::now().date().to_string()
}

pub fn run(args: &MarkArgs, session: &Session) -> Result<MarkReport> {
    let repo = session.repo()?;
    select::require_article(repo, &args.slug)?;
    let article = session.load(&args.slug)?;
    let bulk = args.all || args.ids.is_empty();
    let planned = plan(args, repo, &article, bulk)?;
    if !planned.report.marked.is_empty() {
        // The texts were read without the lock; the records are applied to
        // the file as it is now, so a `mark` running at the same time on
        // another segment keeps its record.
        crate::status::update(repo, &article.slug, |status| {
            planned.apply(&article.fi, status)
        })?;
    }
    Ok(planned.report)
}

/// What a `mark` will record, decided before anything is written, so a
/// caller (`import --trust-states`) can write it with other files at once.
pub struct Planned {
    pub report: MarkReport,
    state: Stored,
    credit: Option<String>,
    guard: bool,
    unreviewed: std::collections::HashSet<String>,
    order: Vec<String>,
    /// (id, Finnish text, reviewed Swedish text).
    updates: Vec<(String, String, Option<String>)>,
}

/// Decides what marking `args` does to `article`. `bulk` (as `--all`):
/// segments without Swedish, reviewed ones (`--as translated`) and those
/// somebody else recorded are left alone and listed, instead of refusing.
pub fn plan(args: &MarkArgs, repo: &Repo, article: &Article, bulk: bool) -> Result<Planned> {
    let states = args.pick.states();
    let at = today();

    // Every pair worked out once: `--all` on a long article stays linear.
    let pairs = article.pairs();
    let by_id: std::collections::HashMap<&str, &crate::article::Pair<'_>> =
        pairs.iter().map(|p| (p.fi.id.as_str(), p)).collect();
    let no_sv = |id: &str| by_id[id].state == State::Missing;

    // Named segments must all be markable; `--all` and a state alone mark
    // what can be marked and say what they left alone.
    let chosen = if args.all {
        article.fi.segments.iter().map(|s| s.id.clone()).collect()
    } else {
        select::segments(article, &args.ids, &states)
            .map_err(|e| anyhow::anyhow!("{e}; nothing was marked"))?
    };
    let mut targets = Vec::new();
    let mut skipped_missing = Vec::new();
    let mut with = Vec::new();
    if bulk {
        for id in chosen {
            if no_sv(&id) {
                skipped_missing.push(id);
            } else {
                targets.push(id);
            }
        }
    } else {
        let missing: Vec<&str> = chosen
            .iter()
            .filter(|id| no_sv(id))
            .map(String::as_str)
            .collect();
        if !missing.is_empty() {
            bail!(
                "nothing to mark: {} {} no Swedish text in `{}`; nothing was marked",
                missing.join(", "),
                if missing.len() == 1 { "has" } else { "have" },
                article.sv_file
            );
        }
        // One Swedish paragraph that translates two Finnish segments is
        // marked as the pair it is.
        for named in &chosen {
            for id in article.row_ids(named) {
                if &id != named && !chosen.contains(&id) {
                    with.push((id.clone(), named.clone()));
                }
                if !targets.contains(&id) {
                    targets.push(id);
                }
            }
        }
    }

    // Who, once the segments are settled: a wrong id is the first thing
    // to hear about.
    let person = who(args.by.as_deref(), repo, article)?;
    let by = person.name.clone();
    let credit = article.translators().into_iter().next();
    // Marking a reviewed segment translated drops its review (and the
    // reviewer's credit): only on purpose. A stale segment, or one whose
    // Swedish changed since the review, is not covered by that review
    // any more, so it needs no `--force`.
    let mut kept_reviewed = Vec::new();
    if args.state == Stored::Translated && !args.force {
        let reviewed: Vec<Review> = targets
            .iter()
            .map(|id| by_id[id.as_str()])
            .filter(|p| p.state == State::Reviewed && !p.edited)
            .filter_map(|p| {
                p.entry.map(|e| Review {
                    id: p.fi.id.clone(),
                    by: e.by.clone(),
                    at: e.at.clone(),
                })
            })
            .collect();
        if !reviewed.is_empty() && !bulk {
            let list: Vec<String> = reviewed.iter().map(Review::to_string).collect();
            bail!(
                "{} {}: marking {} translated would drop the review; pass --force to do \
                 so (it then needs reviewing again); nothing was marked",
                list.join(", "),
                if reviewed.len() == 1 {
                    "is reviewed"
                } else {
                    "are reviewed"
                },
                if reviewed.len() == 1 { "it" } else { "them" },
            );
        }
        let kept: std::collections::HashSet<&str> =
            reviewed.iter().map(|r| r.id.as_str()).collect();
        targets.retain(|id| !kept.contains(id.as_str()));
        kept_reviewed = reviewed;
    }
    // A record in this state whose texts are as they were (not stale, not
    // edited since review) is somebody's finished work. By the same
    // person: kept as it is, date included (an invoice already sent must
    // not change). By another: taken over only on purpose, since credits
    // and invoices follow it.
    let current = |p: &crate::article::Pair<'_>| match args.state {
        Stored::Translated => p.state == State::Translated,
        Stored::Reviewed => p.state == State::Reviewed && !p.edited,
    };
    let mut already = Vec::new();
    let mut others = Vec::new();
    for id in &targets {
        let p = by_id[id.as_str()];
        let Some(e) = p.entry.filter(|e| e.state == args.state && current(p)) else {
            continue;
        };
        // A review by the segment's own translator is no review to keep:
        // another reviewer replaces it without --force.
        let self_review =
            e.state == Stored::Reviewed && people::fold(&e.by) == people::fold(e.translated_by());
        if people::fold(&e.by) == people::fold(&by) {
            already.push(id.clone());
        } else if !self_review {
            others.push(Credit {
                id: id.clone(),
                state: args.state.as_str(),
                by: e.by.clone(),
                at: e.at.clone(),
            });
        }
    }
    let mut kept_others = Vec::new();
    if !args.force && !others.is_empty() {
        if !bulk {
            let list: Vec<String> = others.iter().map(Credit::to_string).collect();
            bail!(
                "{}: already marked {} by somebody else; marking {} as {by}'s takes over \
                 the credit (pass --force if that is right); nothing was marked",
                list.join(", "),
                args.state.as_str(),
                if others.len() == 1 { "it" } else { "them" },
            );
        }
        kept_others = others;
    }
    let leave: std::collections::HashSet<&str> = already
        .iter()
        .map(String::as_str)
        .chain(kept_others.iter().map(|c| c.id.as_str()))
        .collect();
    targets.retain(|id| !leave.contains(id.as_str()));
    // Reviewing one's own translation is recorded, and said: the publish
    // gate wants another reviewer.
    let own_review: Vec<String> = if args.state == Stored::Reviewed {
        targets
            .iter()
            .filter(|id| {
                let p = by_id[id.as_str()];
                let translator = p
                    .entry
                    .map(|e| e.translated_by().to_string())
                    .or_else(|| credit.clone());
                translator.is_some_and(|t| people::fold(&t) == people::fold(&by))
            })
            .cloned()
            .collect()
    } else {
        Vec::new()
    };
    // Segments nobody had reviewed when the article was read: a review
    // recorded meanwhile (another `mark`, under the lock) is kept too.
    let unreviewed: std::collections::HashSet<String> = targets
        .iter()
        .map(|id| by_id[id.as_str()])
        .filter(|p| p.entry.is_none_or(|e| e.state != Stored::Reviewed))
        .map(|p| p.fi.id.clone())
        .collect();
    let guard = args.state == Stored::Translated && !args.force;
    let mut updates = Vec::new();
    for id in &targets {
        let pair = by_id[id.as_str()];
        let reviewed_text = match args.state {
            Stored::Translated => None,
            Stored::Reviewed => pair.sv.map(|s| s.text.clone()),
        };
        updates.push((id.clone(), pair.fi.text.clone(), reviewed_text));
    }
    let targets_empty = targets.is_empty();
    let order: Vec<String> = article.fi.segments.iter().map(|s| s.id.clone()).collect();
    Ok(Planned {
        report: MarkReport {
            article: article.slug.clone(),
            state: args.state.as_str(),
            by,
            at,
            marked: targets,
            skipped_missing,
            with,
            kept_reviewed,
            already,
            kept_others,
            own_review,
            states: states.iter().map(|s| s.as_str()).collect(),
            // Nothing recorded, nothing to say about the name.
            person: person.note().filter(|_| !targets_empty),
        },
        state: args.state,
        credit,
        guard,
        unreviewed,
        order,
        updates,
    })
}

impl Planned {
    /// Applies the records to `status` as it is now (re-read under its
    /// lock); `fi` is the Finnish the plan was made on.
    pub fn apply(&self, fi: &crate::segment::Segmented, status: &mut StatusFile) -> Result<()> {
        // Records follow their text: when the Finnish gained or lost a
        // segment, the ids after it shifted; store them under the new
        // ids (worked out on the file as it is now, under the lock).
        status.rename(&crate::article::moved_records(fi, status))?;
        status.ensure_segments(self.order.iter().map(String::as_str))?;
        let (by, at) = (&self.report.by, &self.report.at);
        for (id, source, reviewed_text) in &self.updates {
            if let Some(e) = status.entries.get(id)
                && self.guard
                && e.state == Stored::Reviewed
                && self.unreviewed.contains(id)
            {
                bail!(
                    "{id} was reviewed by {} just now, while this ran; nothing was marked \
                     (run it again to see, or pass --force)",
                    e.by
                );
            }
            // Keep who translated it: the credit and invoices depend on it.
            let translator = match self.state {
                Stored::Translated => None,
                Stored::Reviewed => status
                    .entries
                    .get(id)
                    .map(|e| e.translated_by().to_string())
                    .or_else(|| self.credit.clone()),
            };
            let entry = Entry {
                state: self.state,
                by: by.clone(),
                at: at.clone(),
                source: source.clone(),
                translator,
                reviewed_text: reviewed_text.clone(),
            };
            status.set(id, entry)?;
        }
        Ok(())
    }
}

/// The person to record: `--by`, `TOLK_USER` or git's name, matched to the
/// names the repository knows (see [`crate::people`]).
pub fn who(by: Option<&str>, repo: &Repo, article: &Article) -> Result<people::Resolved> {
    let typed = people::typed_name(by, &repo.root)?;
    let known = People::load(repo)?;
    people::resolve(&typed, &known, &people::names_in(&article.status), || {
        people::recorded_names(repo)
    })
}
