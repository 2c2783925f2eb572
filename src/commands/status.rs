//! `tolk status`: how far each article is.

use anyhow::Result;
use serde::Serialize;

use crate::article::{Article, State};
use crate::session::{ArticleError, Session};

#[derive(Debug, Serialize)]
pub struct StatusReport {
    pub articles: Vec<ArticleStatus>,
    /// Articles that could not be read, with the reason.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ArticleError>,
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
                state: pair.state.into(),
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
    let all = session.some_articles(slugs)?;
    let detail = slugs.len() == 1 || all.len() == 1;
    let (articles, mut errors) = session.map_articles(&all.slugs, |a| summarize(a, detail))?;
    errors.extend(all.misnamed.iter().map(ArticleError::misnamed));
    errors.sort_by(|a, b| a.article.cmp(&b.article));
    Ok(StatusReport { articles, errors })
}
