//! `tolk status`: how far each article is.

use anyhow::Result;
use rayon::prelude::*;
use serde::Serialize;

use crate::article::{Article, State};
use crate::repo::Repo;

#[derive(Debug, Serialize)]
pub struct StatusReport {
    pub articles: Vec<ArticleStatus>,
    /// Articles that could not be read, with the reason.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ArticleError>,
}

#[derive(Debug, Serialize)]
pub struct ArticleError {
    pub article: String,
    pub error: String,
}

#[derive(Debug, Default, Serialize)]
pub struct ArticleStatus {
    pub article: String,
    pub segments: usize,
    pub missing: usize,
    pub draft: usize,
    pub translated: usize,
    pub reviewed: usize,
    pub stale: usize,
    /// Status entries for ids no longer in fi.txt.
    pub orphan: usize,
    /// Reviewed segments whose Swedish changed after review.
    pub edited: usize,
    /// Swedish segments with no Finnish counterpart.
    pub extra: usize,
    /// Finnish source words.
    pub words: usize,
    /// Source words of translated and reviewed segments.
    pub done_words: usize,
    pub percent: f64,
    pub translators: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<Vec<Detail>>,
}

#[derive(Debug, Serialize)]
pub struct Detail {
    pub n: Option<usize>,
    pub id: String,
    /// A state, or `orphan` for a record whose id left fi.txt.
    pub state: &'static str,
    pub edited: bool,
    pub by: Option<String>,
    pub at: Option<String>,
    pub words: usize,
}

pub fn percent(done: usize, total: usize) -> f64 {
    if total == 0 {
        100.0
    } else {
        (done as f64 * 1000.0 / total as f64).round() / 10.0
    }
}

pub fn summarize(article: &Article, detail: bool) -> ArticleStatus {
    let mut s = ArticleStatus {
        article: article.slug.clone(),
        translators: article.translators(),
        ..ArticleStatus::default()
    };
    let mut rows = Vec::new();
    for pair in article.pairs() {
        s.segments += 1;
        s.words += pair.fi.words;
        match pair.state {
            State::Missing => s.missing += 1,
            State::Draft => s.draft += 1,
            State::Translated => s.translated += 1,
            State::Reviewed => s.reviewed += 1,
            State::Stale => s.stale += 1,
        }
        if matches!(pair.state, State::Translated | State::Reviewed) {
            s.done_words += pair.fi.words;
        }
        s.edited += usize::from(pair.edited);
        if detail {
            rows.push(Detail {
                n: Some(pair.fi.n),
                id: pair.fi.id.clone(),
                state: pair.state.as_str(),
                edited: pair.edited,
                by: pair.entry.map(|e| e.by.clone()),
                at: pair.entry.map(|e| e.at.clone()),
                words: pair.fi.words,
            });
        }
    }
    let orphans = article.orphans();
    s.orphan = orphans.len();
    s.extra = article.extra().len();
    if detail {
        for (id, e) in orphans {
            rows.push(Detail {
                n: None,
                id: id.to_string(),
                state: "orphan",
                edited: false,
                by: Some(e.by.clone()),
                at: Some(e.at.clone()),
                words: crate::text::word_count(&e.source),
            });
        }
        s.detail = Some(rows);
    }
    s.percent = percent(s.done_words, s.words);
    s
}

/// Loads the named articles (all when none are named), sorted by slug;
/// an article that cannot be read is reported and the others still are.
/// The article slugs a command works on: the named ones (each must exist),
/// else all, sorted.
pub fn chosen_slugs(repo: &Repo, slugs: &[String]) -> Result<Vec<String>> {
    let mut slugs: Vec<String> = if slugs.is_empty() {
        repo.slugs()?
    } else {
        for slug in slugs {
            repo.require_article(slug)?;
        }
        slugs.to_vec()
    };
    slugs.sort();
    slugs.dedup();
    Ok(slugs)
}

/// Loads each article in parallel and keeps only what `f` takes from it,
/// so memory stays flat however large the archive; an article that cannot
/// be read is reported and the others still are. Results are in slug order.
pub fn map_articles<T: Send>(
    repo: &Repo,
    slugs: &[String],
    f: impl Fn(&Article) -> T + Sync,
) -> Result<(Vec<T>, Vec<ArticleError>)> {
    let slugs = chosen_slugs(repo, slugs)?;
    let loaded: Vec<Result<T, ArticleError>> = slugs
        .into_par_iter()
        .map(|slug| match Article::load(repo, &slug) {
            Ok(article) => Ok(f(&article)),
            Err(err) => Err(ArticleError {
                article: slug,
                error: format!("{err:#}"),
            }),
        })
        .collect();
    let mut done = Vec::new();
    let mut errors = Vec::new();
    for result in loaded {
        match result {
            Ok(t) => done.push(t),
            Err(e) => errors.push(e),
        }
    }
    Ok((done, errors))
}

pub fn run(repo: &Repo, slugs: &[String]) -> Result<StatusReport> {
    let all = chosen_slugs(repo, slugs)?;
    if all.is_empty() {
        anyhow::bail!(
            "no articles under `{}`; add one with `tolk import SLUG --fi FILE --sv FILE`",
            repo.display(&repo.articles_dir())
        );
    }
    let detail = slugs.len() == 1 || all.len() == 1;
    let (articles, errors) = map_articles(repo, &all, |a| summarize(a, detail))?;
    Ok(StatusReport { articles, errors })
}
