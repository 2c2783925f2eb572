//! `tolk credits`: who translated and reviewed how much, for invoices and
//! the magazine's credits page.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::Result;
use serde::Serialize;

use crate::session::{ArticleError, Session};
use crate::status::Stored;
use crate::text::{display_name, word_count};

#[derive(Debug, Serialize)]
pub struct CreditsReport {
    pub people: Vec<PersonCredit>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ArticleError>,
}

#[derive(Debug, Serialize)]
pub struct PersonCredit {
    pub name: String,
    /// `translator` or `reviewer`.
    pub role: &'static str,
    /// Articles with segments this person translated or reviewed.
    pub articles: usize,
    pub segments: usize,
    /// Finnish source words of those segments, as they were when marked.
    pub words: usize,
    /// Articles whose translator credit (`ÖVERSÄTTNING:`) names them.
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

type Tallies = BTreeMap<(String, &'static str), Tally>;

fn tally<'a>(tallies: &'a mut Tallies, name: &str, role: &'static str) -> &'a mut Tally {
    let display = display_name(name);
    let entry = tallies.entry((display.to_lowercase(), role)).or_default();
    if entry.display.is_empty() {
        entry.display = display;
    }
    entry
}

/// What one article contributes: (name, role, source words) per marked
/// segment, and the name its credit line gives.
struct Contribution {
    slug: String,
    work: Vec<(String, &'static str, usize)>,
    credited: Option<String>,
}

fn contribution(article: &crate::article::Article) -> Contribution {
    let mut work = Vec::new();
    for entry in article.status.entries.values() {
        let words = word_count(&entry.source);
        work.push((entry.translated_by().to_string(), "translator", words));
        if entry.state == Stored::Reviewed {
            work.push((entry.by.clone(), "reviewer", words));
        }
    }
    Contribution {
        slug: article.slug.clone(),
        work,
        credited: article.translators().into_iter().next(),
    }
}

pub fn run(session: &Session, slugs: &[String]) -> Result<CreditsReport> {
    let all = session.some_articles(slugs)?;
    let (contributions, mut errors) = session.map_articles(&all.slugs, contribution)?;
    // Work in a misnamed directory would be missing from the invoices.
    errors.extend(all.misnamed.iter().map(ArticleError::misnamed));
    errors.sort_by(|a, b| a.article.cmp(&b.article));
    // Keyed by lower-cased name: `PATRICIA HEIKKILÄ` is `Patricia Heikkilä`.
    let mut tallies = Tallies::new();
    for c in contributions {
        for (name, role, words) in c.work {
            let t = tally(&mut tallies, &name, role);
            t.articles.insert(c.slug.clone());
            t.segments += 1;
            t.words += words;
        }
        if let Some(name) = c.credited {
            tally(&mut tallies, &name, "translator")
                .credited
                .insert(c.slug.clone());
        }
    }
    let mut people: Vec<PersonCredit> = tallies
        .into_iter()
        .map(|((_, role), t)| PersonCredit {
            name: t.display,
            role,
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
            .then(a.role.cmp(b.role))
    });
    Ok(CreditsReport { people, errors })
}
