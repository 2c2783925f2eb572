//! `tolk check`: every finding of DESIGN §6 over the chosen articles, as
//! the project's `tolk.toml` and the command line select them.

use anyhow::{Result, bail};
use rayon::prelude::*;
use serde::Serialize;

use crate::article::Article;
use crate::checks::inconsistent::{self, ArticleEntries};
use crate::checks::publish::publish_gate;
use crate::checks::spelling::Speller;
use crate::checks::{Finding, Rule, Severity, check_article_with};
use crate::cli::CheckArgs;
use crate::config::Config;
use crate::error::{ErrorKind, LoadError};
use crate::session::{Session, Spelling};
use crate::waive::{Waived, settle};

#[derive(Debug, Serialize)]
pub struct CheckReport {
    pub findings: Vec<Finding>,
    pub summary: Summary,
    /// Findings accepted with `tolk accept`, listed with `--show-waived`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub waived: Vec<Waived>,
    /// Why there are no glossary findings, when there is no glossary.
    #[serde(skip)]
    pub glossary_note: Option<String>,
    /// Why `spelling` was skipped: no dictionary.
    #[serde(skip)]
    pub spelling_note: Option<String>,
    /// Warnings fail the run too.
    #[serde(skip)]
    pub strict: bool,
    /// What `--changed-since` left out, for a note on stderr.
    #[serde(skip)]
    pub changed_note: Option<String>,
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
    /// Findings accepted with `tolk accept` and not reported.
    pub waived: usize,
}

impl CheckReport {
    fn new(strict: bool) -> CheckReport {
        CheckReport {
            findings: Vec::new(),
            summary: Summary::default(),
            waived: Vec::new(),
            glossary_note: None,
            spelling_note: None,
            strict,
            changed_note: None,
            checked: Vec::new(),
        }
    }

    /// A report of one unreadable file that stops the whole check (a
    /// broken glossary or tolk.toml): still a finding in every format.
    fn unreadable(err: &LoadError) -> CheckReport {
        let mut report = CheckReport::new(false);
        report.findings.push(invalid("", err));
        report.summary.invalid = 1;
        report.summary.errors = 1;
        report
    }

    /// Paths from the current directory rather than the repository root,
    /// when the root lies below it (`tolk --root data check`).
    pub fn relative_to(&mut self, session: &Session) {
        let Ok(repo) = session.repo() else { return };
        let below = if repo.root.is_relative() {
            repo.root.as_path()
        } else {
            match repo.root.strip_prefix(&session.cwd) {
                Ok(below) => below,
                Err(_) => return,
            }
        };
        let base = below
            .components()
            .filter(|c| !matches!(c, std::path::Component::CurDir))
            .collect::<std::path::PathBuf>()
            .to_string_lossy()
            .replace('\\', "/");
        if base.is_empty() || base.starts_with("..") {
            return;
        }
        let findings = self
            .findings
            .iter_mut()
            .chain(self.waived.iter_mut().map(|w| &mut w.finding));
        for f in findings {
            // A path outside the root (an absolute --glossary) stays.
            if !std::path::Path::new(&f.file).is_absolute() {
                f.file = format!("{base}/{}", f.file);
            }
        }
    }

    /// Whether the run fails: errors, or warnings under `--strict`.
    pub fn fails(&self) -> bool {
        self.summary.errors > 0 || (self.strict && self.summary.warnings > 0)
    }
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

/// What the per-article pass gives for one article: whether it loaded,
/// its findings and waived findings as the project wants them, and its
/// entries for the `inconsistent` index.
type Checked = (bool, Vec<Finding>, Vec<Waived>, Option<ArticleEntries>);

/// One article's findings, as the project wants them.
fn check_one(
    article: &Article,
    matcher: Option<&crate::glossary::Matcher>,
    speller: Option<&Speller>,
    config: &Config,
) -> (Vec<Finding>, Vec<Waived>) {
    let mut findings = check_article_with(article, matcher, speller);
    if config.publish.always
        && let Some(f) = publish_gate(article, config.publish.distinct_reviewer)
    {
        findings.push(f);
    }
    let settled = settle(article, findings, config);
    (settled.findings, settled.waived)
}

pub fn run(args: &CheckArgs, session: &Session) -> Result<CheckReport> {
    let config = match session.config(&args.overrides()) {
        Ok(config) => config,
        // A bad rule on the command line is a usage error (exit 2).
        Err(err) if err.kind == ErrorKind::Usage => bail!("{}", err.message),
        Err(err) => return Ok(CheckReport::unreadable(&err)),
    };
    // The dictionary loads while the glossary compiles; not at all when
    // `spelling` is not selected.
    let (terms, spelling) = rayon::join(
        || session.terms(),
        || {
            if config.selects(Rule::Spelling) {
                session.spelling()
            } else {
                Ok(Spelling::default())
            }
        },
    );
    let terms = match terms {
        Ok(terms) => terms,
        Err(err) => match err.downcast_ref::<LoadError>() {
            Some(load) => return Ok(CheckReport::unreadable(load)),
            None => return Err(err),
        },
    };
    let spelling = spelling?;
    let mut selection = session.some_articles(&args.slugs)?;
    let mut changed_note = None;
    if let Some(rev) = &args.changed_since {
        let changed = crate::git::changed_since(session.repo()?, rev)?;
        changed_note = changed.narrow(&mut selection, rev);
    }
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
    // The `inconsistent` rule needs every article: the parallel pass also
    // gives each article's entries, and the index is built once after it.
    let index = config.selects(Rule::Inconsistent);
    // Articles are independent: check them in parallel, keep slug order.
    let per_article: Vec<Checked> = slugs
        .par_iter()
        .map(|slug| match Article::load(repo, slug, &pairing) {
            // An empty fi.txt would pass every rule: a truncated or
            // mis-delivered file must not look ready.
            Ok(article) if article.fi.segments.is_empty() => {
                let err = LoadError::new(
                    ErrorKind::Schema,
                    &article.fi_file,
                    "no text: the Finnish is empty (a truncated or mis-delivered file?); \
                     import the writer's text again",
                )
                .at_line(1);
                (false, vec![invalid(slug, &err)], Vec::new(), None)
            }
            Ok(article) => {
                let (findings, waived) =
                    check_one(&article, matcher, spelling.speller.as_ref(), &config);
                let entries = index.then(|| inconsistent::entries(&article));
                (true, findings, waived, entries)
            }
            Err(err) => (false, vec![invalid(slug, &err)], Vec::new(), None),
        })
        .collect();
    let mut report = CheckReport::new(config.strict);
    report.glossary_note = terms.note;
    report.spelling_note = spelling.note;
    report.changed_note = changed_note;
    report.checked = slugs.clone();
    let mut entries = Vec::new();
    for (ok, findings, waived, article_entries) in per_article {
        entries.extend(article_entries);
        report.summary.invalid += usize::from(!ok);
        report.findings.extend(findings);
        report.summary.waived += waived.len();
        if args.show_waived {
            report.waived.extend(waived);
        }
    }
    // Settled apart from the per-article pass: selection and severity from
    // tolk.toml here; waivers do not apply to this rule.
    if index {
        let severity = config.severity(Rule::Inconsistent);
        report
            .findings
            .extend(inconsistent::findings(&entries, severity));
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
