//! `tolk check`: every finding of DESIGN §6 over the chosen articles.

use anyhow::{Result, bail};
use serde::Serialize;

use crate::article::Article;
use crate::checks::{Finding, Severity, check_article};
use std::sync::Arc;

use rayon::prelude::*;

use crate::cli::{CheckArgs, MorphologyChoice};
use crate::glossary::{Glossary, Matcher};
use crate::morph::voikko::Voikko;
use crate::repo::{self, Repo};

#[derive(Debug, Serialize)]
pub struct CheckReport {
    pub findings: Vec<Finding>,
    pub summary: Summary,
    /// Why there are no glossary findings, when there is no glossary.
    #[serde(skip)]
    pub glossary_note: Option<String>,
}

#[derive(Debug, Default, Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub articles: usize,
    /// Articles that could not be read (each also an `invalid` finding).
    pub invalid: usize,
}

/// The Finnish morphology back end chosen for this run.
pub enum Backend {
    Builtin {
        /// Why not Voikko, under `auto`.
        why: Option<String>,
    },
    Voikko(Arc<Voikko>),
}

impl Backend {
    pub fn choose(choice: MorphologyChoice) -> Result<Backend> {
        match choice {
            MorphologyChoice::Builtin => Ok(Backend::Builtin { why: None }),
            MorphologyChoice::Voikko => Voikko::load()
                .map(|v| Backend::Voikko(Arc::new(v)))
                .map_err(|e| e.context("--morphology voikko")),
            MorphologyChoice::Auto => Ok(match Voikko::load() {
                Ok(v) => Backend::Voikko(Arc::new(v)),
                Err(err) => Backend::Builtin {
                    why: Some(format!("{err:#}")),
                },
            }),
        }
    }

    pub fn matcher(&self, glossary: &Glossary) -> Matcher {
        match self {
            Backend::Builtin { .. } => Matcher::builtin(glossary),
            Backend::Voikko(v) => Matcher::new(glossary, v.clone()),
        }
    }
}

/// Reads and parses the glossary. An explicit `--glossary` must exist; the
/// default one may be absent (`None`).
pub fn read_glossary(repo: &Repo, explicit: bool) -> Result<Option<Glossary>> {
    let shown = repo.display(&repo.glossary);
    if !repo.glossary.exists() {
        if explicit {
            bail!("could not read `{shown}`: no such file");
        }
        return Ok(None);
    }
    let text = repo::read_text(&repo.glossary, &shown)?;
    Ok(Some(Glossary::parse(&text, &shown)?))
}

/// Loads and compiles the glossary once for the run. An explicit
/// `--glossary` must exist; the default one may be absent.
pub fn load_glossary(
    repo: &Repo,
    explicit: bool,
    choice: MorphologyChoice,
) -> Result<(Option<Matcher>, Option<String>)> {
    let Some(glossary) = read_glossary(repo, explicit)? else {
        let shown = repo.display(&repo.glossary);
        return Ok((None, Some(format!("no `{shown}`: glossary rules skipped"))));
    };
    let backend = Backend::choose(choice)?;
    Ok((Some(backend.matcher(&glossary)), None))
}

/// The 1-based line a load error names (`… line 12 …`), if any.
fn line_in(message: &str) -> Option<usize> {
    let at = message.find("line ")?;
    let digits: String = message[at + 5..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// An article that cannot be loaded becomes one `invalid` finding on the
/// file that failed; the other articles are still checked.
fn invalid(repo: &Repo, slug: &str, err: &anyhow::Error) -> Finding {
    let message = format!("{err:#}");
    let dir = repo.article_dir(slug);
    let file = ["status.toml", "sv.txt", "fi.txt"]
        .iter()
        .map(|f| repo.display(&dir.join(f)))
        .find(|f| message.contains(f.as_str()))
        .unwrap_or_else(|| repo.display(&dir));
    Finding {
        article: slug.to_string(),
        segment: None,
        rule: "invalid",
        severity: Severity::Error,
        line: line_in(&message).unwrap_or(1),
        message,
        file,
        excerpt: None,
    }
}

pub fn run(
    args: &CheckArgs,
    repo: &Repo,
    explicit_glossary: bool,
    choice: MorphologyChoice,
) -> Result<CheckReport> {
    let (matcher, glossary_note) = load_glossary(repo, explicit_glossary, choice)?;
    let slugs = if args.slugs.is_empty() {
        let slugs = repo.slugs()?;
        if slugs.is_empty() {
            bail!(
                "no articles under `{}`: nothing to check (is this the magazine repository? see --root)",
                repo.display(&repo.articles_dir())
            );
        }
        slugs
    } else {
        for slug in &args.slugs {
            repo.require_article(slug)?;
        }
        let mut slugs = args.slugs.clone();
        slugs.sort();
        slugs.dedup();
        slugs
    };
    let mut report = CheckReport {
        findings: Vec::new(),
        summary: Summary::default(),
        glossary_note,
    };
    // Articles are independent: check them in parallel, keep slug order.
    let per_article: Vec<(bool, Vec<Finding>)> = slugs
        .par_iter()
        .map(|slug| match Article::load(repo, slug) {
            Ok(article) => (true, check_article(&article, matcher.as_ref())),
            Err(err) => (false, vec![invalid(repo, slug, &err)]),
        })
        .collect();
    for (ok, findings) in per_article {
        report.summary.invalid += usize::from(!ok);
        report.findings.extend(findings);
    }
    report.summary.articles = slugs.len();
    report.summary.errors = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    report.summary.warnings = report.findings.len() - report.summary.errors;
    Ok(report)
}
