//! `tolk check`: every finding of DESIGN §6 over the chosen articles.

use anyhow::{Result, bail};
use serde::Serialize;

use crate::article::Article;
use crate::checks::{Finding, Severity, check_article};
use crate::cli::CheckArgs;
use crate::glossary::{Glossary, Matcher};
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

/// Loads and compiles the glossary once for the run. An explicit
/// `--glossary` must exist; the default one may be absent.
pub fn load_glossary(repo: &Repo, explicit: bool) -> Result<(Option<Matcher>, Option<String>)> {
    let shown = repo.display(&repo.glossary);
    if !repo.glossary.exists() {
        if explicit {
            bail!("could not read `{shown}`: no such file");
        }
        return Ok((None, Some(format!("no `{shown}`: glossary rules skipped"))));
    }
    let text = repo::read_text(&repo.glossary, &shown)?;
    let glossary = Glossary::parse(&text, &shown)?;
    Ok((Some(Matcher::builtin(&glossary)), None))
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

pub fn run(args: &CheckArgs, repo: &Repo, explicit_glossary: bool) -> Result<CheckReport> {
    let (matcher, glossary_note) = load_glossary(repo, explicit_glossary)?;
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
    for slug in &slugs {
        match Article::load(repo, slug) {
            Ok(article) => report
                .findings
                .extend(check_article(&article, matcher.as_ref())),
            Err(err) => {
                report.summary.invalid += 1;
                report.findings.push(invalid(repo, slug, &err));
            }
        }
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
