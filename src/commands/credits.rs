//! `tolk credits`: who translated and reviewed how much, for invoices and
//! the magazine's credits page.
//!
//! A row is one person in one role: `translator` counts the segments they
//! translated (whatever state those segments are in now), `reviewer` the
//! segments they reviewed. Work is dated by the `at` of its record in
//! `status.toml`; a reviewed segment keeps only the date of its review, so
//! its translation is dated by the review too.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::Result;
use jiff::civil::Date;
use serde::Serialize;

use crate::cli::CreditsArgs;
use crate::session::{ArticleError, Session};
use crate::status::Stored;
use crate::text::{display_name, word_count};

#[derive(Debug, Serialize)]
pub struct CreditsReport {
    /// The first day counted (`--since`), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
    /// The last day counted (`--until`), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    pub people: Vec<PersonCredit>,
    /// Records whose `at` is not a date, left out of a period (`--since`,
    /// `--until`); with `--by-month` they are the month `undated`.
    #[serde(skip_serializing_if = "is_zero")]
    pub undated: usize,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ArticleError>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

#[derive(Debug, Serialize)]
pub struct PersonCredit {
    pub name: String,
    /// `translator` or `reviewer`.
    pub role: &'static str,
    /// With `--by-month`: the month of the work (`2026-11`), or `undated`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<String>,
    /// Articles with segments this person translated or reviewed.
    pub articles: usize,
    /// Segments translated (role translator) or reviewed (role reviewer).
    pub segments: usize,
    /// Finnish source words of those segments, as they were when marked:
    /// the words to invoice.
    pub words: usize,
    /// Articles whose translator credit (the `ÖVERSÄTTNING:` line, kept in
    /// `status.toml`) names this person; within a period or month, only
    /// those with their translation work in it.
    pub credited: usize,
}

#[derive(Default)]
struct Tally {
    display: String,
    articles: BTreeSet<String>,
    segments: usize,
    words: usize,
    credited: BTreeSet<String>,
}

/// Keyed by lower-cased name (`PATRICIA HEIKKILÄ` is `Patricia Heikkilä`),
/// role and month.
type Tallies = BTreeMap<(String, Option<String>, &'static str), Tally>;

fn tally<'a>(
    tallies: &'a mut Tallies,
    name: &str,
    month: Option<String>,
    role: &'static str,
) -> &'a mut Tally {
    let display = display_name(name);
    let entry = tallies
        .entry((crate::people::fold(&display), month, role))
        .or_default();
    if entry.display.is_empty() {
        entry.display = display;
    }
    entry
}

/// One marked segment's work: who, in which role, how many source words,
/// and when.
struct Work {
    name: String,
    role: &'static str,
    words: usize,
    at: Option<Date>,
}

/// What one article contributes: its work, and the name its credit line
/// gives.
struct Contribution {
    slug: String,
    work: Vec<Work>,
    credited: Option<String>,
}

/// The date of a record: `at` is an RFC 3339 date (`2026-11-23`); a full
/// timestamp written by hand counts by its date.
fn record_date(at: &str) -> Option<Date> {
    at.trim().get(..10)?.parse().ok()
}

fn contribution(article: &crate::article::Article) -> Contribution {
    let mut work = Vec::new();
    for entry in article.status.entries.values() {
        let words = word_count(&entry.source);
        let at = record_date(&entry.at);
        work.push(Work {
            name: entry.translated_by().to_string(),
            role: "translator",
            words,
            at,
        });
        if entry.state == Stored::Reviewed {
            work.push(Work {
                name: entry.by.clone(),
                role: "reviewer",
                words,
                at,
            });
        }
    }
    Contribution {
        slug: article.slug.clone(),
        work,
        credited: article
            .credit_lines()
            .first()
            .map(|name| crate::text::display_name(name))
            .filter(|n| !n.is_empty()),
    }
}

/// Which work counts, and how it is grouped.
#[derive(Debug, Clone, Copy, Default)]
pub struct Period {
    pub since: Option<Date>,
    pub until: Option<Date>,
    pub by_month: bool,
}

impl Period {
    fn dated(&self) -> bool {
        self.since.is_some() || self.until.is_some()
    }

    /// Whether work dated `at` counts; `None` when it has no date and a
    /// period is asked for.
    fn contains(&self, at: Option<Date>) -> Option<bool> {
        match at {
            Some(d) => Some(self.since.is_none_or(|s| d >= s) && self.until.is_none_or(|u| d <= u)),
            None if self.dated() => None,
            None => Some(true),
        }
    }

    fn month(&self, at: Option<Date>) -> Option<String> {
        self.by_month.then(|| match at {
            Some(d) => format!("{:04}-{:02}", d.year(), d.month()),
            None => "undated".to_string(),
        })
    }
}

impl From<&CreditsArgs> for Period {
    fn from(args: &CreditsArgs) -> Period {
        Period {
            since: args.since,
            until: args.until,
            by_month: args.by_month,
        }
    }
}

pub fn run(session: &Session, args: &CreditsArgs) -> Result<CreditsReport> {
    let period = Period::from(args);
    if let (Some(since), Some(until)) = (period.since, period.until)
        && since > until
    {
        anyhow::bail!("--since {since} is after --until {until}: no day is in between");
    }
    // People recorded by an alias or e-mail (`people.toml`) are counted
    // under their name; a broken people.toml is an error, not ignored.
    let known = crate::people::People::load(session.repo()?)?;
    let all = session.some_articles(&args.slugs)?;
    let (contributions, mut errors) = session.map_articles(&all.slugs, contribution)?;
    // Work in a misnamed directory would be missing from the invoices.
    errors.extend(all.misnamed.iter().map(ArticleError::misnamed));
    errors.sort_by(|a, b| a.article.cmp(&b.article));
    let mut tallies = Tallies::new();
    let mut undated = 0;
    for mut c in contributions {
        c.credited = c.credited.map(|n| known.canonical(&n));
        for w in &mut c.work {
            w.name = known.canonical(&w.name);
        }
        // A line naming translators together (`A och B`) credits each, as
        // the `credit` rule reads it; a line that is one name of the work
        // (`Heikkilä, Patricia` recorded so) is that name.
        let fold = crate::people::fold;
        let names: Vec<String> = match &c.credited {
            None => Vec::new(),
            Some(line) if c.work.iter().any(|w| fold(&w.name) == fold(line)) => {
                vec![line.clone()]
            }
            Some(line) => {
                let parts = crate::people::co_names(line);
                if parts.len() > 1 {
                    parts.iter().map(|n| known.canonical(n)).collect()
                } else {
                    vec![line.clone()]
                }
            }
        };
        let credited: Vec<String> = names.iter().map(|n| fold(n)).collect();
        for w in c.work {
            match period.contains(w.at) {
                Some(true) => {}
                Some(false) => continue,
                None => {
                    undated += 1;
                    continue;
                }
            }
            let month = period.month(w.at);
            let t = tally(&mut tallies, &w.name, month, w.role);
            t.articles.insert(c.slug.clone());
            t.segments += 1;
            t.words += w.words;
            if w.role == "translator" && credited.contains(&fold(&w.name)) {
                t.credited.insert(c.slug.clone());
            }
        }
        // Without a period or months, a credit counts even for a name that
        // marked nothing: the credits page names them all the same.
        if !period.dated() && !period.by_month {
            for name in &names {
                tally(&mut tallies, name, None, "translator")
                    .credited
                    .insert(c.slug.clone());
            }
        }
    }
    let mut people: Vec<PersonCredit> = tallies
        .into_iter()
        .map(|((_, month, role), t)| PersonCredit {
            name: t.display,
            role,
            month,
            articles: t.articles.len(),
            segments: t.segments,
            words: t.words,
            credited: t.credited.len(),
        })
        .collect();
    people.sort_by(|a, b| {
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then(a.month.cmp(&b.month))
            .then(a.role.cmp(b.role))
    });
    Ok(CreditsReport {
        since: period.since.map(|d| d.to_string()),
        until: period.until.map(|d| d.to_string()),
        people,
        undated,
        errors,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_dates_are_rfc3339_dates() {
        assert_eq!(
            record_date("2026-11-01"),
            Some(jiff::civil::date(2026, 11, 1))
        );
        assert_eq!(
            record_date("2026-11-01T10:00:00Z"),
            Some(jiff::civil::date(2026, 11, 1))
        );
        assert_eq!(record_date("1.11.2026"), None);
        assert_eq!(record_date(""), None);
    }

    #[test]
    fn a_period_includes_both_ends() {
        let p = Period {
            since: Some(jiff::civil::date(2026, 11, 1)),
            until: Some(jiff::civil::date(2026, 11, 30)),
            by_month: false,
        };
        assert_eq!(p.contains(Some(jiff::civil::date(2026, 11, 1))), Some(true));
        assert_eq!(
            p.contains(Some(jiff::civil::date(2026, 11, 30))),
            Some(true)
        );
        assert_eq!(
            p.contains(Some(jiff::civil::date(2026, 12, 1))),
            Some(false)
        );
        assert_eq!(p.contains(None), None);
        assert_eq!(Period::default().contains(None), Some(true));
    }
}
