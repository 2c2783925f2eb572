//! `tolk check`: every finding of DESIGN §6 over the chosen articles.

use anyhow::Result;
use rayon::prelude::*;
use serde::Serialize;

use crate::article::Article;
use crate::checks::{Finding, Rule, Severity, check_article};
use crate::cli::CheckArgs;
use crate::error::LoadError;
use crate::session::Session;

#[derive(Debug, Serialize)]
pub struct CheckReport {
    pub findings: Vec<Finding>,
    pub summary: Summary,
    /// Why there are no glossary findings, when there is no glossary.
    #[serde(skip)]
    pub glossary_note: Option<String>,
    /// The slugs checked, findings or not (JUnit has a test case for each).
    #[serde(skip)]
    pub checked: Vec<String>,
}

#[derive(Debug, Default, Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub articles: usize,
    /// Files that could not be read (each also an `invalid` finding).
    pub invalid: usize,
}

/// A file that cannot be loaded becomes one `invalid` finding at the place
/// the error names; the other articles are still checked.
pub fn invalid(article: &str, err: &LoadError) -> Finding {
    Finding::at_file(
        article,
        Rule::Invalid,
        &err.file,
        err.line.unwrap_or(1),
        err.column.unwrap_or(1),
        err.to_string(),
    )
}

impl CheckReport {
    /// A report of one unreadable file that stops the whole check (a
    /// broken glossary): still a finding in every format.
    fn unreadable(err: &LoadError) -> CheckReport {
        let mut report = CheckReport {
            findings: vec![invalid("", err)],
            summary: Summary::default(),
            glossary_note: None,
            checked: Vec::new(),
        };
        report.summary.invalid = 1;
        report.summary.errors = 1;
        report
    }
}

pub fn run(args: &CheckArgs, session: &Session) -> Result<CheckReport> {
    let terms = match session.terms() {
        Ok(terms) => terms,
        Err(err) => match err.downcast_ref::<LoadError>() {
            Some(load) => return Ok(CheckReport::unreadable(load)),
            None => return Err(err),
        },
    };
    let selection = session.some_articles(&args.slugs)?;
    let slugs = &selection.slugs;
    let repo = session.repo()?;
    let matcher = terms.matcher.as_ref();
    // Alignment uses the built-in matcher; reuse the run's when it is one.
    let pairing = || {
        if terms.builtin {
            matcher
        } else {
            session.pairing_matcher()
        }
    };
    // Articles are independent: check them in parallel, keep slug order.
    let per_article: Vec<(bool, Vec<Finding>)> = slugs
        .par_iter()
        .map(|slug| match Article::load(repo, slug, &pairing) {
            Ok(article) => (true, check_article(&article, matcher)),
            Err(err) => (false, vec![invalid(slug, &err)]),
        })
        .collect();
    let mut report = CheckReport {
        findings: Vec::new(),
        summary: Summary::default(),
        glossary_note: terms.note,
        checked: slugs.clone(),
    };
    for (ok, findings) in per_article {
        report.summary.invalid += usize::from(!ok);
        report.findings.extend(findings);
    }
    // A directory no command can name is an article nobody checks: one
    // `invalid` finding each, in name order among the others.
    for m in &selection.misnamed {
        report.findings.push(invalid(&m.name, &m.error()));
        report.summary.invalid += 1;
    }
    report.findings.sort_by(|a, b| a.article.cmp(&b.article));
    report.summary.articles = selection.len();
    report.summary.errors = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    report.summary.warnings = report.findings.len() - report.summary.errors;
    Ok(report)
}
