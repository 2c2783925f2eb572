//! The resolved settings of one run, built once from the command line
//! (ripgrep's `LowArgs` → `HiArgs`): the repository, the glossary and its
//! matcher, the morphology back end and the output style. Commands receive
//! a `Session` and decide nothing of this themselves.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::{Context, Result, bail};
use rayon::prelude::*;
use serde::Serialize;

use crate::article::Article;
use crate::cache::{Blob, KeyBuilder};
use crate::checks::spelling::{self, Speller};
use crate::cli::Global;
use crate::config::{Config, Overrides};
use crate::error::{ErrorKind, LoadError};
use crate::glossary::{Glossary, Matcher};
use crate::morph::{Backend, Choice};
use crate::repo::{self, Misnamed, Repo};
use crate::style::Style;

/// The most articles one parallel task checks in a row. Rayon splits a
/// list into about as many runs as there are threads and splits further
/// only when a thread runs out of work, so one run of slow articles
/// (spelling's first look at a word costs milliseconds) could leave one
/// core checking alone at the end of a run: 0.1 to 0.4 s at 10,000
/// articles. Short runs keep both cores busy to the end.
pub const ARTICLES_PER_TASK: usize = 4;

pub struct Session {
    pub cwd: PathBuf,
    /// `--root`, when given.
    pub root: Option<PathBuf>,
    /// `--glossary`, when given: it must then exist.
    pub glossary: Option<PathBuf>,
    /// `--config`, when given: it must then exist.
    pub config: Option<PathBuf>,
    pub morphology: Choice,
    pub style: Style,
    repo: OnceLock<Repo>,
    /// The glossary matcher for aligning articles, compiled on first need.
    pairing: OnceLock<Option<Matcher>>,
    /// The result cache, where compiled glossaries are kept too, for the
    /// commands that keep results ([`Session::keep_in`]).
    cache_dir: OnceLock<PathBuf>,
}

/// An article that could not be loaded, named with the file at fault.
#[derive(Debug, Serialize)]
pub struct ArticleError {
    pub article: String,
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub kind: ErrorKind,
    pub error: String,
}

impl ArticleError {
    /// A directory under `articles/` that is not an article by its name.
    pub fn misnamed(m: &Misnamed) -> ArticleError {
        ArticleError::new(&m.name, &m.error())
    }

    pub fn new(slug: &str, err: &LoadError) -> ArticleError {
        ArticleError {
            article: slug.to_string(),
            file: err.file.clone(),
            line: err.line,
            column: err.column,
            kind: err.kind,
            error: err.to_string(),
        }
    }
}

/// The articles a command works on, and the directories under `articles/`
/// that would be articles but for their names (reported, never skipped).
#[derive(Debug, Default)]
pub struct Selection {
    pub slugs: Vec<String>,
    pub misnamed: Vec<Misnamed>,
    /// What listing `articles/` saw of each `fi.txt` (empty when the
    /// articles were named).
    pub listed: crate::cache::Listed,
}

impl Selection {
    /// Everything selected, misnamed directories included.
    pub fn len(&self) -> usize {
        self.slugs.len() + self.misnamed.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The glossary of a run, compiled once, or why there is none.
pub struct Terms {
    pub matcher: Option<Matcher>,
    /// Why there are no glossary findings, when there is no glossary.
    pub note: Option<String>,
    /// The matcher is the built-in one, as alignment uses.
    pub builtin: bool,
}

/// The Finland-Swedish dictionary of a run, loaded once, or why there is
/// none (the `spelling` rule is then skipped, not failed).
#[derive(Default)]
pub struct Spelling {
    pub speller: Option<Speller>,
    pub note: Option<String>,
}

impl Session {
    pub fn new(global: &Global) -> Result<Session> {
        Ok(Session {
            cwd: std::env::current_dir().context("could not read the current directory")?,
            root: global.root.clone(),
            glossary: global.glossary.clone(),
            config: global.config.clone(),
            morphology: global.morphology,
            style: Style::new(global.color),
            repo: OnceLock::new(),
            pairing: OnceLock::new(),
            cache_dir: OnceLock::new(),
        })
    }

    /// Keeps the compiled glossary in the result cache `dir` (a command
    /// that reads and writes it; `None` is `--no-cache`). Set before the
    /// glossary is first compiled.
    pub fn keep_in(&self, dir: Option<&Path>) {
        if let Some(dir) = dir {
            let _ = self.cache_dir.set(dir.to_path_buf());
        }
    }

    /// The data repository, found once.
    pub fn repo(&self) -> Result<&Repo> {
        if let Some(repo) = self.repo.get() {
            return Ok(repo);
        }
        let repo = Repo::discover(self.root.as_deref(), self.glossary.as_deref(), &self.cwd)?;
        Ok(self.repo.get_or_init(|| repo))
    }

    /// The repository, or a new one in the current directory (the first
    /// `import` creates it).
    pub fn repo_or_here(&self) -> Result<&Repo> {
        if self.root.is_some() {
            return self.repo();
        }
        match self.repo() {
            Ok(repo) => Ok(repo),
            Err(_) => Ok(self
                .repo
                .get_or_init(|| Repo::at(self.cwd.clone(), self.glossary.as_deref()))),
        }
    }

    /// Reads and parses the glossary. An explicit `--glossary` must exist;
    /// the default one may be absent (`None`).
    pub fn read_glossary(&self) -> Result<Option<Glossary>, LoadError> {
        match self.glossary_text()? {
            Some((text, shown)) => Ok(Some(Glossary::parse(&text, &shown)?)),
            None => Ok(None),
        }
    }

    /// The glossary's text and its name as shown, as [`Session::read_glossary`]
    /// finds it.
    fn glossary_text(&self) -> Result<Option<(String, String)>, LoadError> {
        let repo = match self.repo() {
            Ok(repo) => repo,
            Err(_) => return Ok(None),
        };
        let shown = repo.display(&repo.glossary);
        if !repo.glossary.exists() {
            if self.glossary.is_some() {
                return Err(LoadError::new(ErrorKind::NotFound, &shown, "no such file"));
            }
            return Ok(None);
        }
        let text = repo::read_text(&repo.glossary, &shown)?;
        Ok(Some((text, shown)))
    }

    /// `text`, the glossary, compiled for `backend`: from the result cache
    /// when it holds this glossary compiled by this tolk with these back
    /// ends, else parsed and compiled (and kept there for the next run).
    /// A glossary that does not parse is the parse error. `parallel`:
    /// compiled on every core ([`Backend::matcher_in_parallel`]), which
    /// the lazily compiled matcher of [`Session::pairing_matcher`] must
    /// not be.
    fn compiled(
        &self,
        backend: &Backend,
        text: &str,
        shown: &str,
        parallel: bool,
    ) -> Result<Matcher, LoadError> {
        let place = self.cache_dir.get().map(|dir| {
            let mut key = KeyBuilder::new("matcher");
            key.text("glossary", text);
            key.text("back ends", &backend.identity());
            Blob::new(dir, "matcher", key.finish())
        });
        if let Some(found) = place
            .as_ref()
            .and_then(Blob::read)
            .and_then(|bytes| Matcher::decode(&bytes, backend.fi_backends()))
        {
            return Ok(found);
        }
        let glossary = Glossary::parse(text, shown)?;
        let matcher = if parallel {
            backend.matcher_in_parallel(&glossary)
        } else {
            backend.matcher(&glossary)
        };
        if let Some(place) = place {
            place.write(&matcher.encode());
        }
        Ok(matcher)
    }

    /// The project settings: `--config`, else `ROOT/tolk.toml` when there
    /// is one, else the defaults; then `overrides` from the command line.
    /// A file that cannot be used is a [`LoadError`] naming its line; a bad
    /// rule name on the command line is one of kind `Usage`.
    pub fn config(&self, overrides: &Overrides) -> Result<Config, LoadError> {
        let (path, shown) = match (&self.config, self.repo()) {
            (Some(path), Ok(repo)) => (Some(path.clone()), repo.display(path)),
            (Some(path), Err(_)) => (Some(path.clone()), path.display().to_string()),
            (None, Ok(repo)) => {
                let path = repo.root.join("tolk.toml");
                let shown = repo.display(&path);
                (path.exists().then_some(path), shown)
            }
            (None, Err(_)) => (None, "tolk.toml".to_string()),
        };
        let text = match path {
            Some(path) => Some(repo::read_text(&path, &shown)?),
            None => None,
        };
        Config::parse(text.as_deref(), &shown, overrides)
    }

    /// Loads and compiles the glossary once for the run.
    pub fn terms(&self) -> Result<Terms> {
        let Some((text, shown)) = self.glossary_text()? else {
            let repo = self.repo()?;
            let shown = repo.display(&repo.glossary);
            return Ok(Terms {
                matcher: None,
                note: Some(format!("no `{shown}`: glossary rules skipped")),
                builtin: true,
            });
        };
        let backend = Backend::choose(self.morphology)?;
        Ok(Terms {
            matcher: Some(self.compiled(&backend, &text, &shown, true)?),
            note: None,
            builtin: matches!(backend, Backend::Builtin { .. }),
        })
    }

    /// Loads the dictionary (`TOLK_DICTIONARY` or the system's `sv_FI`)
    /// and the project's `words.txt` once for the run. A missing or
    /// unreadable dictionary is a note; an unreadable `words.txt` an error.
    pub fn spelling(&self) -> Result<Spelling> {
        let repo = self.repo()?;
        let list = repo.root.join(spelling::WORDS_FILE);
        let words = if list.is_file() {
            Some(repo::read_text(&list, &repo.display(&list))?)
        } else {
            None
        };
        let loaded = spelling::locate().and_then(|dic| match self.cache_dir.get() {
            // Verdicts are kept with the results: keyed on this tolk, the
            // dictionary (by name, size and times, as check's results are)
            // and `words.txt`.
            Some(dir) => {
                let mut key = KeyBuilder::new("words");
                key.stamp("dictionary", &dic);
                key.stamp("affixes", &dic.with_extension("aff"));
                key.text("words.txt", words.as_deref().unwrap_or(""));
                let keep = Blob::new(dir, "words", key.finish());
                let remembered = keep.read();
                Speller::remembering(&dic, words.as_deref(), remembered.as_deref(), keep)
            }
            None => Speller::load(&dic, words.as_deref()),
        });
        Ok(match loaded {
            Ok(speller) => Spelling {
                speller: Some(speller),
                note: None,
            },
            Err(why) => Spelling {
                speller: None,
                note: Some(format!("{why}: spelling rule skipped")),
            },
        })
    }

    /// The glossary matcher alignment uses as anchors, compiled the first
    /// time an article needs aligning; none when the glossary is absent or
    /// broken (`check` reports a broken glossary itself).
    ///
    /// Always the built-in back end: it compiles in milliseconds (Voikko
    /// analyses every headword), and every command, with or without Voikko
    /// installed, pairs an article the same way.
    pub fn pairing_matcher(&self) -> Option<&Matcher> {
        self.pairing
            .get_or_init(|| {
                let (text, shown) = self.glossary_text().ok()??;
                self.compiled(&Backend::Builtin { why: None }, &text, &shown, false)
                    .ok()
            })
            .as_ref()
    }

    /// Loads one article, aligned with the session's glossary.
    pub fn load(&self, slug: &str) -> Result<Article, LoadError> {
        let repo = self
            .repo()
            .map_err(|e| LoadError::new(ErrorKind::Usage, slug, format!("{e:#}")))?;
        Article::load(repo, slug, &|| self.pairing_matcher())
    }

    /// The named articles (each must exist), else every directory under
    /// `articles/`: the articles, sorted, and the misnamed directories.
    pub fn select(&self, named: &[String]) -> Result<Selection> {
        let repo = self.repo()?;
        if named.is_empty() {
            let dirs = repo.article_dirs()?;
            return Ok(Selection {
                slugs: dirs.slugs,
                misnamed: dirs.misnamed,
                listed: dirs.listed,
            });
        }
        for slug in named {
            crate::select::require_article(repo, slug)?;
        }
        let mut slugs = named.to_vec();
        slugs.sort();
        slugs.dedup();
        Ok(Selection {
            slugs,
            misnamed: Vec::new(),
            listed: crate::cache::Listed::default(),
        })
    }

    /// Like [`Session::select`], but an empty archive is an error saying
    /// how to add an article.
    pub fn some_articles(&self, named: &[String]) -> Result<Selection> {
        let selection = self.select(named)?;
        if selection.is_empty() {
            let repo = self.repo()?;
            bail!(
                "no articles under `{}`; add one with `tolk import SLUG --fi FILE --sv FILE` \
                 (is this the magazine repository? see --root)",
                repo.display(&repo.articles_dir())
            );
        }
        Ok(selection)
    }

    /// Loads each article in parallel and keeps only what `f` takes from
    /// it, so memory stays flat however large the archive; an article that
    /// cannot be read is reported and the others still are. Results are in
    /// slug order.
    pub fn map_articles<T: Send>(
        &self,
        slugs: &[String],
        f: impl Fn(&Article) -> T + Sync,
    ) -> Result<(Vec<T>, Vec<ArticleError>)> {
        self.repo()?;
        let loaded: Vec<Result<T, ArticleError>> = slugs
            .par_iter()
            .with_max_len(ARTICLES_PER_TASK)
            .map(|slug| match self.load(slug) {
                Ok(article) => Ok(f(&article)),
                Err(err) => Err(ArticleError::new(slug, &err)),
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

    /// One article, with the repository's error for an unknown slug.
    pub fn article(&self, slug: &str) -> Result<Article> {
        self.repo()?;
        Ok(self.load(slug)?)
    }
}
