//! `tolk status`: how far each article is.

use std::path::{Path, PathBuf};

use anyhow::Result;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::article::{Article, State};
use crate::cache::{self, Below, Fresh, KeyBuilder, Meta, Started, Store};
use crate::commands::check::file_keys;
use crate::session::{ArticleError, Session};

#[derive(Debug, Serialize)]
pub struct StatusReport {
    pub articles: Vec<ArticleStatus>,
    /// Articles that could not be read, with the reason.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ArticleError>,
    /// What the result cache did, shown with `TOLK_CACHE_STATS=1`.
    #[serde(skip)]
    pub cache_note: Option<String>,
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
    pub state: RowState,
    pub edited: bool,
    pub by: Option<String>,
    pub at: Option<String>,
    pub words: usize,
}

/// What a row of `tolk status SLUG` shows in its state column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RowState {
    Missing,
    Draft,
    Translated,
    Reviewed,
    Stale,
    /// A record whose id is no longer in fi.txt: kept, reported.
    Orphan,
    /// A Swedish paragraph with no Finnish counterpart.
    Extra,
}

impl From<State> for RowState {
    fn from(state: State) -> RowState {
        match state {
            State::Missing => RowState::Missing,
            State::Draft => RowState::Draft,
            State::Translated => RowState::Translated,
            State::Reviewed => RowState::Reviewed,
            State::Stale => RowState::Stale,
        }
    }
}

impl RowState {
    pub fn as_str(self) -> &'static str {
        match self {
            RowState::Missing => "missing",
            RowState::Draft => "draft",
            RowState::Translated => "translated",
            RowState::Reviewed => "reviewed",
            RowState::Stale => "stale",
            RowState::Orphan => "orphan",
            RowState::Extra => "extra",
        }
    }
}

pub fn percent(done: usize, total: usize) -> f64 {
    if total == 0 {
        100.0
    } else {
        (done as f64 * 1000.0 / total as f64).round() / 10.0
    }
}

pub fn summarize(article: &Article, detail: bool) -> ArticleStatus {
    // Which record is whose, worked out once for the translators, the
    // pairs and the orphans.
    let records = article.records();
    let mut s = ArticleStatus {
        article: article.slug.clone(),
        translators: article.translators_of(&records),
        ..ArticleStatus::default()
    };
    let mut rows = Vec::new();
    for pair in article.pairs_of(&records) {
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
                state: pair.state.into(),
                edited: pair.edited,
                by: pair.entry.map(|e| e.by.clone()),
                at: pair.entry.map(|e| e.at.clone()),
                words: pair.fi.words,
            });
        }
    }
    let orphans = article.orphans_of(&records);
    s.orphan = orphans.len();
    s.extra = article.extra().len();
    if detail {
        for (id, e) in orphans {
            rows.push(Detail {
                n: None,
                id: id.to_string(),
                state: RowState::Orphan,
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

pub fn run(session: &Session, slugs: &[String]) -> Result<StatusReport> {
    run_with(session, slugs, None)
}

/// An article's files, in the order the cache keys them.
const ARTICLE_FILES: [&str; 3] = ["fi.txt", "sv.txt", "status.toml"];

/// `run`, keeping the articles' summaries in the cache directory
/// `cache_dir` (when there is one: `None` is `--no-cache`) and reusing
/// those that still hold. The table of one article (its segments in
/// detail) is always made afresh: it is one article.
pub fn run_with(
    session: &Session,
    slugs: &[String],
    cache_dir: Option<&Path>,
) -> Result<StatusReport> {
    let started = Started::now();
    let all = session.some_articles(slugs)?;
    let detail = slugs.len() == 1 || all.len() == 1;
    // Every article: records of articles that are gone are dropped.
    let every = slugs.is_empty();
    let store = match cache_dir {
        Some(dir) if !detail => Some(Store::new(
            dir,
            "status",
            run_key(session),
            started,
            &session.repo()?.articles_dir(),
        )),
        _ => None,
    };
    let Some(store) = store else {
        let (mut articles, errors) = session.map_articles(&all.slugs, |a| summarize(a, detail))?;
        merge_aliases(&mut articles, session);
        return Ok(finish(articles, errors, &all.misnamed, None));
    };
    let repo = session.repo()?;
    let files_of = |slug: &str| -> Vec<PathBuf> {
        let dir = repo.article_dir(slug);
        ARTICLE_FILES.iter().map(|f| dir.join(f)).collect()
    };
    let slugs = &all.slugs;
    let mut lookup = store.lookup::<Stored>(slugs, &files_of, &all.listed);
    let mut results: Vec<Option<Result<ArticleStatus, ArticleError>>> =
        std::mem::take(&mut lookup.results)
            .into_iter()
            .zip(slugs)
            .map(|(stored, slug)| stored.map(|s| Ok(s.restore(slug))))
            .collect();
    let misses: Vec<usize> = (0..slugs.len()).filter(|&i| results[i].is_none()).collect();
    let below = Below::new(&repo.articles_dir());
    let loaded: Vec<(Result<ArticleStatus, ArticleError>, Option<Fresh>)> = misses
        .par_iter()
        .with_max_len(crate::session::ARTICLES_PER_TASK)
        .map(|&i| {
            let slug = &slugs[i];
            let paths = files_of(slug);
            // Metadata before reading: a write after it changes it.
            let before: Vec<Option<Meta>> = paths.iter().map(|p| below.meta(p)).collect();
            match session.load(slug) {
                Ok(article) => {
                    let status = summarize(&article, false);
                    // A status.toml that is not there reads as an empty one.
                    let status_hash = before[2]
                        .is_some()
                        .then(|| cache::hash(&article.status.as_read()));
                    let fresh = file_keys(&below, &article, &paths, before, status_hash, started)
                        .map(|files| Fresh::new(slug.clone(), files, &Stored::keep(&status)));
                    (Ok(status), fresh)
                }
                // Unreadable input is read again every time: the fix (a
                // permission, a file put back) may not show in its metadata.
                Err(err) => (Err(ArticleError::new(slug, &err)), None),
            }
        })
        .collect();
    let mut fresh = Vec::new();
    for (&i, (result, kept)) in misses.iter().zip(loaded) {
        fresh.extend(kept);
        results[i] = Some(result);
    }
    let note = format!(
        "cache: {} of {} articles reused ({} files read again to compare), {} read",
        slugs.len() - misses.len(),
        slugs.len(),
        lookup.reread,
        misses.len()
    );
    store.store(lookup, fresh, &[], every.then_some(&slugs[..]));
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    for result in results.into_iter().flatten() {
        match result {
            Ok(s) => articles.push(s),
            Err(e) => errors.push(e),
        }
    }
    merge_aliases(&mut articles, session);
    Ok(finish(articles, errors, &all.misnamed, Some(note)))
}

/// Each article's translators as `people.toml` names them: an alias
/// (`ph` on the credit line) is the person it stands for, listed once.
/// Applied to cached and fresh summaries alike, so the cache need not know
/// `people.toml`; a `people.toml` that does not read changes nothing here
/// (`check` and `mark` report it).
fn merge_aliases(articles: &mut [ArticleStatus], session: &Session) {
    let Ok(repo) = session.repo() else { return };
    let Ok(people) = crate::people::People::load(repo) else {
        return;
    };
    if people.persons.is_empty() {
        return;
    }
    let fold = crate::people::fold;
    // The same few names recur on every article: each is looked up once,
    // as (the name to show, its folded form).
    let mut seen: rustc_hash::FxHashMap<String, (String, String)> = Default::default();
    for article in articles {
        let mut names: Vec<String> = Vec::with_capacity(article.translators.len());
        let mut folded: Vec<String> = Vec::with_capacity(article.translators.len());
        for name in &article.translators {
            let (shown, key) = seen
                .entry(name.clone())
                .or_insert_with(|| {
                    let canonical = people.canonical(name);
                    let shown = if fold(&canonical) == fold(name) {
                        name.clone()
                    } else {
                        canonical
                    };
                    let key = fold(&shown);
                    (shown, key)
                })
                .clone();
            if !folded.contains(&key) {
                folded.push(key);
                names.push(shown);
            }
        }
        article.translators = names;
    }
}

fn finish(
    articles: Vec<ArticleStatus>,
    mut errors: Vec<ArticleError>,
    misnamed: &[crate::repo::Misnamed],
    cache_note: Option<String>,
) -> StatusReport {
    errors.extend(misnamed.iter().map(ArticleError::misnamed));
    errors.sort_by(|a, b| a.article.cmp(&b.article));
    StatusReport {
        articles,
        errors,
        cache_note,
    }
}

/// Everything besides the articles that can change a summary: tolk's
/// version and build (in every key), the repository, and the glossary
/// (its terms are anchors when an article is aligned by content).
fn run_key(session: &Session) -> u128 {
    let mut key = KeyBuilder::new("status");
    let Ok(repo) = session.repo() else {
        return key.finish();
    };
    // A shared --cache-dir serves several repositories.
    let root = std::fs::canonicalize(&repo.root).unwrap_or_else(|_| repo.root.clone());
    key.text("root", &root.to_string_lossy());
    key.file("glossary", &repo.glossary);
    key.finish()
}

/// An article's summary as the cache keeps it: the counts, in the order
/// of [`ArticleStatus`], its percentage and translators (never the
/// detail: a run that shows it does not use the cache).
#[derive(Debug, Serialize, Deserialize)]
struct Stored {
    counts: [usize; 11],
    percent: f64,
    translators: Vec<String>,
}

impl Stored {
    fn keep(s: &ArticleStatus) -> Stored {
        Stored {
            counts: [
                s.segments,
                s.missing,
                s.draft,
                s.translated,
                s.reviewed,
                s.stale,
                s.orphan,
                s.edited,
                s.extra,
                s.words,
                s.done_words,
            ],
            percent: s.percent,
            translators: s.translators.clone(),
        }
    }

    fn restore(self, slug: &str) -> ArticleStatus {
        let [
            segments,
            missing,
            draft,
            translated,
            reviewed,
            stale,
            orphan,
            edited,
            extra,
            words,
            done_words,
        ] = self.counts;
        ArticleStatus {
            article: slug.to_string(),
            segments,
            missing,
            draft,
            translated,
            reviewed,
            stale,
            orphan,
            edited,
            extra,
            words,
            done_words,
            percent: self.percent,
            translators: self.translators,
            detail: None,
        }
    }
}
